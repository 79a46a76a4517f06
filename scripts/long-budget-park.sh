#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# Parks the long-budget experiment (scripts/long-budget.sh) so that a fresh checkout can continue it:
# stops its processes (a stopped run loses only its unfinished epoch), then copies the checkpoint
# folder of every unfinished run from output/long-budget into docs/results/long-budget/checkpoints
# (commit that folder) and removes the parked copies of runs that have finished since.
# scripts/long-budget.sh copies them back when output/long-budget lacks them.
set -euo pipefail
cd "$(dirname "$0")/.."
results=docs/results/long-budget
if pkill -f experiments.LongBudget; then
    while pgrep -f experiments.LongBudget > /dev/null; do sleep 1; done
    echo "# $(date -u +%Y-%m-%dT%H:%MZ) parked (processes stopped)" >> "$results/run.log"
fi
finished() {
    local run=${1%-final}
    if [[ $1 == *-final ]]; then [[ -e $results/$run.final.json ]]; else [[ -e $results/$run.search.json ]]; fi
}
mkdir -p "$results/checkpoints"
for dir in output/long-budget/*/; do
    run=$(basename "$dir")
    [[ $run == classes* ]] && continue
    rm -rf "$results/checkpoints/$run"
    if ! finished "$run" && compgen -G "$dir*.ckpt" > /dev/null; then
        mkdir -p "$results/checkpoints/$run"
        cp "$dir"*.ckpt "$results/checkpoints/$run/"
        echo "parked $run: $(du -sh "$results/checkpoints/$run" | cut -f1)"
    fi
done
for parked in "$results"/checkpoints/*/; do
    [[ -d $parked ]] || continue
    run=$(basename "$parked")
    if finished "$run"; then rm -rf "$parked"; echo "removed the parked $run (finished)"; fi
done
