#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# Prediction throughput on the Fashion-MNIST test set: a saved model as GaeaModel (DJL + libtorch)
# against its ONNX export in ONNX Runtime (Tribuo's ONNXExternalModel), same intra-op threads,
# batch 256 and batch 1, alternated for ROUNDS rounds (examples/.../bench/OnnxThroughputBenchmark).
# Prints a markdown table of the medians; raw lines go to the file given (default target/bench-onnx.jsonl).
# Env: MODEL (default output/fashion-mnist/model.tribuo, from the README's main job), ROUNDS (3),
# SINGLE (examples predicted one at a time, 1000), THREADS (2). Run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-fashion-mnist.sh >&2
raw="${1:-target/bench-onnx.jsonl}"
model="${MODEL:-output/fashion-mnist/model.tribuo}"
[ -f "$model" ] || { echo "bench-onnx: $model is missing; run the README's main job first, or set MODEL" >&2; exit 1; }
mkdir -p "$(dirname "$raw")"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- tribuo-nas examples || echo '+changes') MODEL=$model ROUNDS=${ROUNDS:-3} SINGLE=${SINGLE:-1000} THREADS=${THREADS:-2}" > "$raw"
THREADS="${THREADS:-2}" scripts/run-bench.sh org.tribuo.nas.examples.bench.OnnxThroughputBenchmark \
    --model "$model" --rounds "${ROUNDS:-3}" --single "${SINGLE:-1000}" 2>/dev/null | grep '^{' | tee -a "$raw"
python3 - "$raw" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{") and "side" in l]
print()
print("| batch | GaeaModel (DJL) examples/s | ONNX Runtime examples/s | ONNX / DJL | threads |")
print("|---:|---:|---:|---:|---:|")
for batch in sorted({r["batch"] for r in rows}, reverse=True):
    djl = statistics.median(r["examples_per_s"] for r in rows if r["batch"] == batch and r["side"].startswith("GaeaModel"))
    ort = statistics.median(r["examples_per_s"] for r in rows if r["batch"] == batch and r["side"] == "ONNX Runtime")
    threads = rows[0]["threads"]
    print(f"| {batch} | {djl:.0f} | {ort:.0f} | {ort / djl:.2f}x | {threads} |")
PY
