#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# The long-budget experiment of issue 19 (examples/.../experiments/LongBudget.java): GAEA vs DARTS
# searches of >= 10,000 architecture steps on the full Fashion-MNIST training set, one bilevel GAEA
# search, every found cell and 10 random ones trained from scratch for 10 epochs and tested.
# Many hours on 2 cores: run it in the background; it uses THREADS (default 1) intra-op threads.
# Resumable: run the same command again and it continues after the last finished epoch.
# Per-epoch results appear in docs/results/long-budget/ as they come; the log in its run.log.
#
#   nohup scripts/long-budget.sh > /dev/null 2>&1 &
#   nohup scripts/long-budget.sh --phase random --order reverse > /dev/null 2>&1 &   # optional second
#       process for the random cells, on an idle core only (each process keeps its own class copy)
#   python3 scripts/long-budget-summary.py          # table + entropy plot from what has finished
#   scripts/long-budget-park.sh                     # pause, and keep unfinished runs' checkpoints outside the checkout
# A fresh checkout has no output/: the checkpoints parked in LONG_BUDGET_PARK_DIR (default
# ~/.cache/tribuo-nas/long-budget-checkpoints; not in git, they are MBs of weights) are copied back
# before the runs start, so the runs continue from their last parked epoch.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-fashion-mnist.sh >&2
results=docs/results/long-budget
mkdir -p "$results"
frozen=output/long-budget/classes
park="${LONG_BUDGET_PARK_DIR:-$HOME/.cache/tribuo-nas/long-budget-checkpoints}"
if [[ -d "$park" ]]; then
    for parked in "$park"/*/; do
        [[ -d "$parked" ]] || continue # nothing parked: the glob stays unexpanded
        run=$(basename "$parked")
        if [[ ! -e output/long-budget/$run ]]; then
            mkdir -p output/long-budget
            cp -r "$parked" "output/long-budget/$run"
            echo "# restored the parked checkpoint of $run" >> "$results/run.log"
        fi
    done
fi
if [[ $# -gt 0 ]]; then
    frozen+="$(printf -- "-%s" "$@" | tr -cs 'A-Za-z0-9\n-' '-')"
fi
echo "# $(date -u +%Y-%m-%dT%H:%MZ) start/resume at commit $(git rev-parse --short HEAD), THREADS=${THREADS:-1} $*" >> "$results/run.log"
# A bounded heap and direct memory: with the JVM's defaults (a quarter of the RAM each) two processes
# grew to 16 + 7 GB and the 24 GB machine thrashed, mostly batches DJL left in direct buffers until a
# GC (fixed in data.TensorStaging since); bounded, each stays within 3-5.8 GB resident (bilevel the
# most). The user's JAVA_OPTS come after, so they win.
JAVA_OPTS="-Xmx2g -XX:MaxDirectMemorySize=256m ${JAVA_OPTS:-}" \
FROZEN_CLASSES="$frozen" THREADS="${THREADS:-1}" scripts/run-bench.sh org.tribuo.nas.examples.experiments.LongBudget --results "$results" "$@" \
    2>&1 | grep --line-buffered -v "^\[W\|LegacyTypeDispatch" >> "$results/run.log"
