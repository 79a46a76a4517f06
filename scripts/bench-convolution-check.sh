#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# The convolution self-check's cost at a run's start (issue 32): runs the README main job's
# configuration and the DARTS-space GAEA PC-DARTS configuration with a tiny budget (one search and
# one final epoch on 64 and 256 images: the check's cost depends on the signatures, not on the budget), each
# in a fresh process, ROUNDS times, with the measurement store (tribuo.nas.convolutionChecks) off
# (every process measures, as before the store), cold (an empty store: a machine's first run) and
# warm (the store the cold run filled), alternated, and prints the run's own log line
#   convolution self-check: N signatures, R routed, S s checking (K shapes measured before ..., from F)
# as a table. THREADS intra-op threads (default 2).
#   scripts/bench-convolution-check.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bin/tribuo-nas --version > /dev/null
echo "| configuration | store | round | signatures | routed | shapes from the store | seconds checking |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
    for config in examples/config/fashion-mnist.xml examples/config/methods/darts-gaea-pcdarts.xml; do
        rm -rf "$out/store"
        for store in off cold warm; do
            setting="$out/store"
            [[ $store == off ]] && setting=off
            TRIBUO_NAS_THREADS="${THREADS:-2}" TRIBUO_NAS_JAVA_OPTS="-Dtribuo.nas.convolutionChecks=$setting" \
                bin/tribuo-nas search --debug --config "$config" \
                --output "$out/run" --no-progress --set search.epochs=1 --set search.examples=64 \
                --set final-training.epochs=1 --set final-training.examples=256 > "$out/log" 2>&1 || { cat "$out/log" >&2; exit 1; }
            rm -rf "$out/run"
            line=$(grep -o "convolution self-check: .*" "$out/log")
            read -r n r s k <<< "$(sed -E 's/convolution self-check: ([0-9]+) signatures, ([0-9]+) routed, ([0-9.]+) s checking \(([0-9]+) shapes.*/\1 \2 \3 \4/' <<< "$line")"
            echo "| $config | $store | $round | $n | $r | $k | $s |"
        done
    done
done
