#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# Issue 32, item 6: do libtorch's wrong convolutions come with writes outside their buffers?
# Runs NAS-Bench-201 searches of STEPS (default 2000) search steps (batch 32, C=24: routed; C=24
# with the check off: the engine's wrong kernels; C=16: nothing wrong) under glibc's heap checks
# (libc_malloc_debug with glibc.malloc.check=3, which aborts on a corrupted chunk, and
# glibc.malloc.perturb, which fills freed memory), 1 intra-op thread, and prints each run's exit
# status, search steps, final loss and whether the log has a non-finite step or a crash. The raw
# logs go to OUT (default docs/results/numerics/memory-safety).
#   scripts/memory-safety.sh [RUN ...]      RUN: c24-routed, c24-unchecked, c16 (default: all three)
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${STEPS:-2000}"
out="${OUT:-docs/results/numerics/memory-safety}"
mkdir -p "$out"
debug=/usr/lib/x86_64-linux-gnu/libc_malloc_debug.so.0
[[ -e $debug ]] || { echo "needs glibc's $debug (Debian: libc6)" >&2; exit 1; }
bin/tribuo-nas --version > /dev/null
runs=("$@")
[[ ${#runs[@]} -gt 0 ]] || runs=(c24-routed c24-unchecked c16)
# Single-level search: one step per batch of the search subset; 6400 images of batch 32 = 200 steps an epoch.
epochs=$(( (steps + 199) / 200 ))
echo "| run | exit | search | search epochs done | last search loss | non-finite mentions | crash in log |"
echo "|---|---|---|---|---|---|"
for run in "${runs[@]}"; do
    case "$run" in
        c24-routed) sets=(--set space.searchChannels=24 --set space.finalChannels=24) ;;
        c24-unchecked) sets=(--set space.searchChannels=24 --set space.finalChannels=24 --set trainer.checkConvolutions=false) ;;
        c16) sets=() ;;
        *) echo "unknown run '$run'" >&2; exit 2 ;;
    esac
    log="$out/$run.log"
    echo "# $(date -u +%Y-%m-%dT%H:%MZ) commit $(git rev-parse --short HEAD): $run, $steps steps" > "$log"
    set +e
    LD_PRELOAD="$debug" GLIBC_TUNABLES=glibc.malloc.check=3:glibc.malloc.perturb=165 TRIBUO_NAS_THREADS=1 \
        bin/tribuo-nas search --config examples/config/fashion-mnist.xml --output "output/memory-safety/$run" --no-progress \
        --set search.examples=6400 --set search.batchSize=32 --set search.epochs="$epochs" \
        --set final-training.examples=256 --set final-training.epochs=1 "${sets[@]}" 2>&1 \
        | grep --line-buffered -v "^\[W\|LegacyTypeDispatch" >> "$log"
    code=${PIPESTATUS[0]}
    set -e
    last=$(grep -oE "search epoch [0-9]+/[0-9]+  loss [0-9.a-zA-Z]+" "$log" | tail -1 | sed 's/.*loss //' || true)
    steps_line=$(grep -oE "Search: [0-9]+ epochs? of [0-9]+ steps" "$log" | head -1 || true)
    nonfinite=$(grep -ci "non-finite" "$log" || true)
    crash=$(grep -cE "SIGSEGV|SIGABRT|malloc\(\)|free\(\)|corrupted|double free" "$log" || true)
    echo "| $run | $code | ${steps_line:-?} | $(grep -c "search epoch " "$log" || true) | ${last:-?} | $nonfinite | $crash |"
done
