#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# Parks the long-budget experiment (scripts/long-budget.sh) so that a fresh checkout can continue it:
# stops its processes (a stopped run loses only its unfinished epoch), then copies the checkpoint
# folder of every unfinished run from output/long-budget into LONG_BUDGET_PARK_DIR (default
# ~/.cache/tribuo-nas/long-budget-checkpoints, outside the checkout: MBs of weights do not belong in
# git) and removes the parked copies of runs that have finished since.
# scripts/long-budget.sh copies them back when output/long-budget lacks them.
set -euo pipefail
cd "$(dirname "$0")/.."
results=docs/results/long-budget
park="${LONG_BUDGET_PARK_DIR:-$HOME/.cache/tribuo-nas/long-budget-checkpoints}"
if pkill -f experiments.LongBudget; then
    while pgrep -f experiments.LongBudget > /dev/null; do sleep 1; done
    echo "# $(date -u +%Y-%m-%dT%H:%MZ) parked (processes stopped)" >> "$results/run.log"
fi
finished() {
    local run=${1%-final}
    if [[ $1 == *-final ]]; then [[ -e $results/$run.final.json ]]; else [[ -e $results/$run.search.json ]]; fi
}
mkdir -p "$park"
for dir in output/long-budget/*/; do
    run=$(basename "$dir")
    [[ $run == classes* ]] && continue
    rm -rf "$park/$run"
    if ! finished "$run" && compgen -G "$dir*.ckpt" > /dev/null; then
        mkdir -p "$park/$run"
        cp "$dir"*.ckpt "$park/$run/"
        echo "parked $run: $(du -sh "$park/$run" | cut -f1)"
    fi
done
for parked in "$park"/*/; do
    [[ -d $parked ]] || continue
    run=$(basename "$parked")
    if finished "$run"; then rm -rf "$parked"; echo "removed the parked $run (finished)"; fi
done
