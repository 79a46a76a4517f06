#!/usr/bin/env bash
# Memory in Tribuo pipelines (docs/reliability.md): a 10-fold CrossValidation, a 10-member
# BaggingTrainer and then --trains GaeaTrainer.train calls in one JVM, no model closed by the
# caller; prints resident memory, heap and live native arrays, their slopes, and the cost of
# prediction with the network kept loaded against loading the model per batch. Usage:
#   scripts/bench-pipeline-soak.sh [--trains 1000] [--every 50] [--examples 64]
# THREADS (default 2) sets PyTorch's intra-op threads.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/run-bench.sh org.tribuo.nas.examples.bench.PipelineSoakBenchmark "$@"
