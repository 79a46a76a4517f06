#!/usr/bin/env bash
# Times the GAEA search step (architecture step + weight step) on the DARTS cell-space supernet
# (GAEA PC-DARTS: K=4 partial channels with edge weights β; or plain GAEA DARTS: K=1, no β) with
# synthetic data and prints a markdown table (or, with --json, one JSON object per row). Builds
# first unless SKIP_BUILD=1 (then the classes and the classpath file of an earlier build are used).
# Arguments go to the benchmark, e.g.
#   scripts/bench-darts-step.sh                                  # rows 1,2; batch 32; 20 measured + 5 warm-up steps
#   scripts/bench-darts-step.sh --rows 2 --steps 3 --warmup 1    # quick check
#   THREADS=1 scripts/bench-darts-step.sh --rows 3,16:8:4:3x32x32:nobeta --json
# Presets (C=16, 8 cells, 10 classes): 1 = K=4 β 3x32x32, 2 = K=4 β 1x28x28 (GAEA PC-DARTS),
# 3 = K=1 no β 3x32x32, 4 = K=1 no β 1x28x28 (plain DARTS supernet); custom rows C:L:K:CxHxW[:beta|:nobeta].
# For comparisons: same machine, nothing else running, interleave runs, report medians of several.
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true
export DJL_CACHE_DIR="$PWD/.djl-cache"
# glibc keeps freed native tensors mapped instead of returning them to the OS on every step;
# without this page faults dominate step times on these VMs (see the DJL notes).
export MALLOC_MMAP_THRESHOLD_=1073741824
export MALLOC_TRIM_THRESHOLD_=1073741824
cp_file=examples/target/bench-classpath.txt
if [[ "${SKIP_BUILD:-0}" != 1 || ! -s "$cp_file" ]]; then
    # Maven's output goes to stderr so that stdout is only the benchmark's report.
    mvn -q -B -DskipTests install >&2
    mvn -q -B -pl examples dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >&2
fi
# tribuo-nas/target/classes first: the freshly built library wins over the installed jar.
exec java \
  -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Djava.util.logging.config.file=tribuo-nas/src/test/resources/logging.properties \
  -cp "examples/target/classes:tribuo-nas/target/classes:$(cat "$cp_file")" \
  org.tribuo.nas.examples.bench.DartsStepBenchmark "$@"
