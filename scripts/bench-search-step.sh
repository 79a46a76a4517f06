#!/usr/bin/env bash
# Times the GAEA search step (architecture step + weight step) on the NAS-Bench-201 supernet with
# synthetic data and prints a markdown table. Builds first. Arguments go to the benchmark, e.g.
#   scripts/bench-search-step.sh                              # rows 1,2,3,4; 20 measured + 5 warm-up steps
#   scripts/bench-search-step.sh --rows 3 --steps 5 --warmup 2  # quick check
#   THREADS=1 scripts/bench-search-step.sh --rows 1,16:1:1x28x28
# Presets (batch 64, 10 classes): 1 = C=16 N=5 1x28x28, 2 = C=16 N=5 3x32x32, 3 = C=8 N=1 1x28x28,
# 4 = C=16 N=1 1x28x28 (3 and 4: the Fashion-MNIST example's search supernet, first and current default).
# For comparisons: same machine, nothing else running, interleave runs, report medians of several.
exec "$(dirname "$0")/run-bench.sh" org.tribuo.nas.examples.bench.SearchStepBenchmark "$@"
