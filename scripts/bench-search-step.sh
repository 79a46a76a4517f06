#!/usr/bin/env bash
# Times the GAEA search step (architecture step + weight step) on the NAS-Bench-201 supernet with
# synthetic data and prints a markdown table. Builds first. Arguments go to the benchmark, e.g.
#   scripts/bench-search-step.sh                              # rows 1,2,3,4; 20 measured + 5 warm-up steps
#   scripts/bench-search-step.sh --rows 3 --steps 5 --warmup 2  # quick check
#   THREADS=1 scripts/bench-search-step.sh --rows 1,16:1:1x28x28
# Presets (batch 64, 10 classes): 1 = C=16 N=5 1x28x28, 2 = C=16 N=5 3x32x32, 3 = C=8 N=1 1x28x28,
# 4 = C=16 N=1 1x28x28 (3 and 4: the Fashion-MNIST example's search supernet, first and current default).
# For comparisons: same machine, nothing else running, interleave runs, report medians of several.
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true
export DJL_CACHE_DIR="$PWD/.djl-cache"
# glibc keeps freed native tensors mapped instead of returning them to the OS on every step;
# without this page faults dominate step times on these VMs (see the DJL notes).
export MALLOC_MMAP_THRESHOLD_=1073741824
export MALLOC_TRIM_THRESHOLD_=1073741824
# Maven's output goes to stderr so that stdout is only the benchmark's report.
mvn -q -B -DskipTests install >&2
cp_file=examples/target/bench-classpath.txt
mvn -q -B -pl examples dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >&2
exec java \
  -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Djava.util.logging.config.file=tribuo-nas/src/test/resources/logging.properties \
  -cp "examples/target/classes:$(cat "$cp_file")" \
  org.tribuo.nas.examples.bench.SearchStepBenchmark "$@"
