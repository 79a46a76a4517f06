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
exec "$(dirname "$0")/run-bench.sh" org.tribuo.nas.examples.bench.DartsStepBenchmark "$@"
