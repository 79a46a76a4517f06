#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# Issue 33: what holds the search step's peak resident memory. Runs one NAS-Bench-201 row of the
# step benchmark (default C=16 N=5, 3x32x32, batch 64, two-pass; ROW, STEPS, WARMUP, THREADS) in one
# process per variant -- glibc settings of scripts/java-env.sh or glibc's defaults, default heap or
# -Xmx1g -- each under /usr/bin/time (peak RSS) with the JVM's native memory tracking (what the JVM
# itself holds: heap, metaspace, threads, code; libtorch's tensors are outside it). Writes
# docs/results/memory/step-rss-breakdown-<date>-<commit>.txt.
#   scripts/step-memory-breakdown.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROW=${ROW:-16:5:3x32x32}
STEPS=${STEPS:-10}
WARMUP=${WARMUP:-3}
THREADS=${THREADS:-1}
out=docs/results/memory/step-rss-breakdown-$(date -u +%F)-$(git rev-parse --short HEAD).txt
mkdir -p docs/results/memory
scripts/bench-search-step.sh --rows 4 --steps 1 --warmup 1 >/dev/null 2>&1 # builds once
{
echo "# $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD): ROW=$ROW STEPS=$STEPS WARMUP=$WARMUP THREADS=$THREADS scripts/step-memory-breakdown.sh"
for variant in "tuned|" "tuned|-Xmx1g" "glibc-default|" "glibc-default|-Xmx1g"; do
    malloc=${variant%%|*}
    heap=${variant##*|}
    echo
    echo "## malloc settings: $malloc, heap: ${heap:-JVM default (1/4 of RAM)}"
    NO_MALLOC_TUNING=$([[ "$malloc" == glibc-default ]] && echo 1 || echo 0) SKIP_BUILD=1 THREADS=$THREADS \
        JAVA_OPTS="$heap -XX:NativeMemoryTracking=summary -XX:+UnlockDiagnosticVMOptions -XX:+PrintNMTStatistics" \
        /usr/bin/time -f "peak RSS %M KB, wall %e s" scripts/bench-search-step.sh --rows "$ROW" --steps "$STEPS" \
        --warmup "$WARMUP" --batch 64 2>&1 \
        | grep -E "peak RSS|^\| $ROW|^Total: |^-  *(Java Heap|Class|Thread|Code|GC|Internal|Other|Symbol|Metaspace|Arena Chunk|Native Memory Tracking) " || true
done
} > "$out"
echo "$out"
