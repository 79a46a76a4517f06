#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# Final-training step time against PyTorch: one step (forward, loss, backward, clipped momentum SGD)
# of the network of a NAS-Bench-201 genotype, tribuo-nas (FinalStepBenchmark) and the same network
# in PyTorch (bench/pytorch/nb201_final_step.py), alternated for ROUNDS rounds with the same thread
# count; prints the per-round medians and the ratio of the medians over rounds. Each side runs in both
# memory layouts: tribuo-nas's default (channels-last) against the authors' network as written
# (contiguous NCHW), and each layout against the same layout.
#
#   scripts/bench-final-step.sh [RAW_OUTPUT_FILE]
# Env: ROUNDS (3), STEPS (20), WARMUP (5), THREADS (2), BATCH (128), GENOTYPES (space-separated;
# default: the all-3x3 cell and the cell of issue 19). Run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-python-torch.sh >&2
source scripts/java-env.sh
raw="${1:-target/bench-final-step.jsonl}"
mkdir -p "$(dirname "$raw")"
genotypes=${GENOTYPES:-"|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2| |avg_pool_3x3~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|nor_conv_1x1~2|"}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- tribuo-nas examples bench || echo '+changes') ROUNDS=${ROUNDS:-3} STEPS=${STEPS:-20} WARMUP=${WARMUP:-5} THREADS=${THREADS:-2} BATCH=${BATCH:-128}" > "$raw"
skip=0
for round in $(seq 1 "${ROUNDS:-3}"); do
    for g in $genotypes; do
        common=(--genotype "$g" --batch "${BATCH:-128}" --steps "${STEPS:-20}" --warmup "${WARMUP:-5}")
        for layout in channels_last contiguous; do
            SKIP_BUILD=$skip THREADS="${THREADS:-2}" scripts/run-bench.sh org.tribuo.nas.examples.bench.FinalStepBenchmark \
                "${common[@]}" --layout $layout 2>/dev/null | grep '^{' | sed "s/^{/{\"round\": $round, /" | tee -a "$raw"
            skip=1
            flag=(); [[ $layout == channels_last ]] && flag=(--channels-last)
            python3 bench/pytorch/nb201_final_step.py "${common[@]}" --threads "${THREADS:-2}" "${flag[@]}" \
                | sed "s/^{/{\"round\": $round, /" | tee -a "$raw"
        done
    done
done
python3 - "$raw" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
def layout(r):
    return r.get("layout", "channels_last" if r.get("channels_last") else "contiguous")
def times(g, side, lay):
    return [r["median_ms"] for r in rows if r["genotype"] == g and r["side"] == side and layout(r) == lay]
print()
print("| genotype | batch | tribuo-nas layout | PyTorch layout | tribuo-nas ms | PyTorch ms | ours / PyTorch | per-round ours | per-round PyTorch |")
print("|---|---:|---|---|---:|---:|---:|---|---|")
for g in dict.fromkeys(r["genotype"] for r in rows):
    for ours_layout, ref_layout in (("channels_last", "contiguous"), ("channels_last", "channels_last"),
                                    ("contiguous", "contiguous")):
        ours, ref = times(g, "tribuo-nas", ours_layout), times(g, "pytorch", ref_layout)
        if not ours or not ref:
            continue
        o, p = statistics.median(ours), statistics.median(ref)
        print("| `%s` | %d | %s | %s | %.0f | %.0f | **%.2f** | %s | %s |" % (g, rows[0]["batch"], ours_layout, ref_layout,
              o, p, o / p, " ".join("%.0f" % v for v in ours), " ".join("%.0f" % v for v in ref)))
PY
