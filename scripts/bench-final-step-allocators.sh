#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# The final-training step (FinalStepBenchmark, 2 threads) under three allocators, alternated for
# ROUNDS rounds: glibc with the scripts' MALLOC_*_THRESHOLD_ settings, the same with one arena
# (MALLOC_ARENA_MAX=1), and jemalloc (LD_PRELOAD, when /usr/lib/x86_64-linux-gnu/libjemalloc.so.2
# exists: apt-get install libjemalloc2). Prints JSON lines with the step time and the minor page
# faults per step; run on an otherwise idle machine.
#   scripts/bench-final-step-allocators.sh [RAW_OUTPUT_FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
raw="${1:-target/bench-final-step-allocators.jsonl}"
mkdir -p "$(dirname "$raw")"
jemalloc=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
allocators="glibc arena1"
[[ -e "$jemalloc" ]] && allocators="$allocators jemalloc"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) commit $(git rev-parse --short HEAD) ROUNDS=${ROUNDS:-3} THREADS=2 STEPS=20 WARMUP=5" > "$raw"
skip=0
for round in $(seq 1 "${ROUNDS:-3}"); do
    for g in "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|" \
             "|avg_pool_3x3~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|nor_conv_1x1~2|"; do
        for allocator in $allocators; do
            case $allocator in
                glibc) settings=() ;;
                arena1) settings=(MALLOC_ARENA_MAX=1) ;;
                jemalloc) settings=(LD_PRELOAD="$jemalloc") ;;
            esac
            env "${settings[@]}" SKIP_BUILD=$skip THREADS=2 scripts/run-bench.sh \
                org.tribuo.nas.examples.bench.FinalStepBenchmark --genotype "$g" --steps 20 --warmup 5 2>/dev/null \
                | grep '^{' | sed "s/^{/{\"round\": $round, \"allocator\": \"$allocator\", /" | tee -a "$raw"
            skip=1
        done
    done
done
