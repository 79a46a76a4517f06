#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#
# Kill-and-resume check. Runs `tribuo-nas search` on the committed Fashion-MNIST fixture once
# without interruption, then again in a fresh output folder, killing it with SIGKILL again and
# again (at random moments, right after start-up, and while a checkpoint is being written) and
# restarting the same command each time until it finishes. Passes if the resumed run's genotype,
# search history (α of every epoch, losses, accuracies; not timings) and test predictions (every
# score, bit for bit) equal the uninterrupted run's. Prints a table of the kills.
#
# Usage: scripts/kill-and-resume.sh [SEED]      SEED picks the random kill times (default 1)
# Environment: KILLS (random-moment kills, default 4; three more are made: at start-up and during
#              a write of each checkpoint file), WORK (folder for the runs, default output/kill-and-resume).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
RANDOM=${1:-1}
RANDOM_KILLS=${KILLS:-4}
WORK=${WORK:-$REPO/output/kill-and-resume}
# Long enough to be killed several times: 6 search epochs of 16 steps, 4 final epochs of 31 steps.
ARGS=(search --config examples/config/fixture-tiny.xml --no-progress
      --set search.epochs=6 --set search.examples=512 --set final-training.epochs=4)
# The interrupted runs pause one second halfway through every checkpoint write, so a kill can land
# inside a write; the pause does not change any result.
SLOW_WRITE="-Dtribuo.nas.checkpoint.slowWriteMillis=1000"

rm -rf "$WORK"
mkdir -p "$WORK"
bin/tribuo-nas --help >/dev/null # builds on first use

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
last_epoch_line() { grep -aE '^  (search|training) epoch' "$1" | tail -1 | sed -E 's/^ +//; s/  .*//' || true; }

echo "Uninterrupted run..."
start=$(now)
TRIBUO_NAS_JAVA_OPTS="-Xmx2g" bin/tribuo-nas "${ARGS[@]}" --output "$WORK/reference" >"$WORK/reference.log" 2>&1
echo "  done in $(elapsed "$start") s"

# The kill plan, in order: right after start-up; at random moments (a random 0-4 s after the run
# finished its first epoch, so every such kill lands on new ground); during a write of each
# checkpoint file (the run is then paused halfway through the temporary file).
plan=(startup random during-write:search)
for ((i = 2; i < RANDOM_KILLS; i++)); do
    plan+=(random)
done
plan+=(during-write:final random)

OUT="$WORK/interrupted"
report="$WORK/report.md"
{
    echo "| run | kill | after (s) | last epoch this run finished | checkpoints kept (epochs done) |"
    echo "|---:|---|---:|---|---|"
} >"$report"
temp_files() { compgen -G "$OUT/checkpoints/.$1.ckpt.*.tmp" || true; }
epochs_in() { grep -ao '"epochsDone":[0-9]*' "$1" | head -1 | cut -d: -f2; }
checkpoints_of() {
    local out="" f
    for f in search final; do
        [ -f "$OUT/checkpoints/$f.ckpt" ] && out="$out $f.ckpt ($(epochs_in "$OUT/checkpoints/$f.ckpt"))"
    done
    echo "${out:- none}"
}
waits() { # waits up to 180 s for a condition, while the run is alive
    local t
    for ((t = 0; t < 3600; t++)); do
        "$@" && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}
has_epoch_line() { grep -aqE '^  (search|training) epoch' "$log"; }
new_temp_file() { local f; for f in $(temp_files "$1"); do grep -qxF "$f" <<<"$stale" || return 0; done; return 1; }

kills=0
run=0
for mode in "${plan[@]}" finish; do
    run=$((run + 1))
    log="$WORK/run-$run.log"
    : >"$log"
    stale="$(temp_files '*')"
    start=$(now)
    TRIBUO_NAS_JAVA_OPTS="-Xmx2g $SLOW_WRITE" bin/tribuo-nas "${ARGS[@]}" --output "$OUT" >"$log" 2>&1 &
    pid=$!
    case "$mode" in
        startup) sleep 2 ;;
        random) waits has_epoch_line && sleep "$(awk -v r="$RANDOM" 'BEGIN { printf "%.2f", 4 * r / 32767 }')" ;;
        during-write:*) waits new_temp_file "${mode#during-write:}" ;;
    esac
    if [ "$mode" = finish ]; then
        wait "$pid" || { echo "the last run failed, see $log" >&2; exit 1; }
        echo "| $run | none: ran to the end | $(elapsed "$start") | $(last_epoch_line "$log") | $(checkpoints_of) |" >>"$report"
        break
    fi
    if ! kill -KILL "$pid" 2>/dev/null; then
        echo "run $run ended before its $mode kill (see $log); the plan needs a longer job" >&2
        exit 1
    fi
    wait "$pid" 2>/dev/null || true
    kills=$((kills + 1))
    what="$mode"
    if [[ "$mode" == during-write:* ]]; then
        file="${mode#during-write:}"
        tmp=$(temp_files "$file" | grep -vxF "$stale" | head -1 || true)
        [ -n "$tmp" ] || { echo "run $run: no write of $file.ckpt was in progress at the kill" >&2; exit 1; }
        what="during the write of $file.ckpt ($(stat -c %s "$tmp") bytes of the temporary file written)"
    fi
    echo "| $run | $what | $(elapsed "$start") | $(last_epoch_line "$log") | $(checkpoints_of) |" >>"$report"
done

strip_times() { sed -E 's/"seconds" : [0-9.E-]+//' "$1"; }
status=0
compare() {
    if "$@" >/dev/null 2>&1; then echo "  identical: $label"; else echo "  DIFFERENT: $label"; status=1; fi
}
echo
cat "$report"
echo
echo "After $kills SIGKILLs and $run runs, compared with the uninterrupted run:"
label="genotype"; compare diff <(grep -a '^Genotype:' "$WORK/reference.log") <(grep -a '^Genotype:' "$WORK/run-$run.log")
label="search history (α, losses, accuracies of every epoch)"
compare diff <(strip_times "$WORK/reference/history.json") <(strip_times "$OUT/history.json")
label="test predictions ($(($(wc -l <"$OUT/predictions.csv") - 1)) examples, every score)"
compare cmp "$WORK/reference/predictions.csv" "$OUT/predictions.csv"
label="evaluation report"; compare cmp "$WORK/reference/evaluation.txt" "$OUT/evaluation.txt"
if [ "$status" -eq 0 ]; then echo "PASS"; else echo "FAIL"; fi
exit "$status"
