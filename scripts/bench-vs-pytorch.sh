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
# One command for the step-time comparison: the Java search-step benchmarks (SearchStepBenchmark,
# DartsStepBenchmark) and the PyTorch references (bench/pytorch/nb201_step.py, darts_step.py;
# Debian's python3-torch) on the same NAS-Bench-201 and DARTS-space (GAEA PC-DARTS) supernets,
# alternated for ROUNDS rounds (default 3), same threads on both sides. Each round runs Java
# NB201 (two-pass, then single-pass), PyTorch NB201, Java DARTS (two-pass, single-pass), PyTorch
# DARTS, each under /usr/bin/time for its peak resident memory. Prints a table of the median over
# rounds of each side's per-round median total step time, the ratios ours / PyTorch (goals: two-pass
# <= 0.8, single-pass <= 0.30), and each process's peak resident memory (median over rounds).
# Run it on an otherwise idle machine. DARTS=0 leaves the DARTS rows out (they take longest).
#   ROUNDS=5 THREADS=2 STEPS=20 WARMUP=5 CELL=fused scripts/bench-vs-pytorch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-2}
STEPS=${STEPS:-20}
WARMUP=${WARMUP:-5}
# The Java NAS-Bench-201 cell: fused (the library's default) or plain (SearchCell).
export CELL=${CELL:-fused}
# C,N,batch,CxHxW; the Java side names the same rows C:N:CxHxW with --batch.
CONFIGS=("16,5,64,1x28x28" "16,5,64,3x32x32" "16,1,64,1x28x28")
# DARTS space: C,L,K,batch,CxHxW[,beta|nobeta] (L cells; K=4 partial channels with edge weights β,
# GAEA PC-DARTS; β is on iff K > 1 unless the last field says otherwise); the Java side names the
# same rows C:L:K:CxHxW[:beta|:nobeta] with --batch (one batch for all rows).
DARTS=${DARTS:-1}
DARTS_CONFIGS=("16,8,4,32,3x32x32" "16,8,4,32,1x28x28")
command -v /usr/bin/python3 >/dev/null && /usr/bin/python3 -c "import torch" 2>/dev/null || scripts/install-python-torch.sh >&2
# Both sides: the glibc settings of scripts/java-env.sh (freed memory stays mapped; page faults
# dominate otherwise, see docs/performance.md).
source scripts/java-env.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows=""
for c in "${CONFIGS[@]}"; do
    IFS=, read -r ch n b shape <<<"$c"
    rows="${rows:+$rows,}$ch:$n:$shape"
done
darts_rows=""
darts_batch=""
if [[ "$DARTS" == 1 ]]; then
    for c in "${DARTS_CONFIGS[@]}"; do
        IFS=, read -r ch l k b shape variant <<<"$c"
        [[ -z "$darts_batch" || "$darts_batch" == "$b" ]] || { echo "DARTS_CONFIGS must share one batch size" >&2; exit 2; }
        darts_batch=$b
        darts_rows="${darts_rows:+$darts_rows,}$ch:$l:$k:$shape${variant:+:$variant}"
    done
else
    DARTS_CONFIGS=()
fi
scripts/bench-search-step.sh --rows 4 --steps 2 --warmup 1 >/dev/null 2>&1 # builds once
for ((r = 1; r <= ROUNDS; r++)); do
    echo "round $r/$ROUNDS: Java..." >&2
    SKIP_BUILD=1 THREADS=$THREADS /usr/bin/time -f %M -o "$work/rss-java-$r" scripts/bench-search-step.sh \
        --rows "$rows" --steps "$STEPS" --warmup "$WARMUP" --batch 64 --cell "$CELL" 2>/dev/null >"$work/java-$r.md"
    echo "round $r/$ROUNDS: Java single pass..." >&2
    SKIP_BUILD=1 THREADS=$THREADS /usr/bin/time -f %M -o "$work/rss-java-sp-$r" scripts/bench-search-step.sh \
        --rows "$rows" --steps "$STEPS" --warmup "$WARMUP" --batch 64 --cell "$CELL" --single-pass true \
        2>/dev/null >"$work/java-sp-$r.md"
    echo "round $r/$ROUNDS: PyTorch..." >&2
    /usr/bin/time -f %M -o "$work/rss-torch-$r" /usr/bin/python3 bench/pytorch/nb201_step.py --configs "${CONFIGS[@]}" \
        --steps "$STEPS" --warmup "$WARMUP" --threads "$THREADS" --json 2>/dev/null >"$work/torch-$r.json"
    if [[ "$DARTS" == 1 ]]; then
        # Built above (SKIP_BUILD reuses examples/target/bench-classpath.txt of bench-search-step.sh).
        echo "round $r/$ROUNDS: Java DARTS..." >&2
        SKIP_BUILD=1 THREADS=$THREADS /usr/bin/time -f %M -o "$work/rss-java-darts-$r" scripts/bench-darts-step.sh \
            --rows "$darts_rows" --steps "$STEPS" --warmup "$WARMUP" --batch "$darts_batch" --json 2>/dev/null \
            >"$work/java-darts-$r.json" || echo "round $r: a Java DARTS row failed" >&2
        echo "round $r/$ROUNDS: Java DARTS single pass..." >&2
        SKIP_BUILD=1 THREADS=$THREADS /usr/bin/time -f %M -o "$work/rss-java-darts-sp-$r" scripts/bench-darts-step.sh \
            --rows "$darts_rows" --steps "$STEPS" --warmup "$WARMUP" --batch "$darts_batch" --json --single-pass true \
            2>/dev/null >"$work/java-darts-sp-$r.json" || echo "round $r: a Java DARTS single-pass row failed" >&2
        echo "round $r/$ROUNDS: PyTorch DARTS..." >&2
        /usr/bin/time -f %M -o "$work/rss-torch-darts-$r" /usr/bin/python3 bench/pytorch/darts_step.py \
            --configs "${DARTS_CONFIGS[@]}" --steps "$STEPS" --warmup "$WARMUP" --threads "$THREADS" --json 2>/dev/null \
            >"$work/torch-darts-$r.json" || echo "round $r: a PyTorch DARTS row failed" >&2
    fi
done
/usr/bin/python3 - "$work" "$ROUNDS" "$THREADS" "$STEPS" "$WARMUP" "${CONFIGS[@]}" -- "${DARTS_CONFIGS[@]}" <<'PY'
import json, os, re, statistics, sys
work, rounds, threads, steps, warmup = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
rest = sys.argv[6:]
configs, darts_configs = rest[:rest.index("--")], rest[rest.index("--") + 1:]
java = {c: [] for c in configs}
java_sp = {c: [] for c in configs}
torch = {c: [] for c in configs}
torch_version = "?"
def rss(name):
    values = []
    for r in range(1, rounds + 1):
        try:
            text = open(f"{work}/rss-{name}-{r}").read().split()
            values.append(int(text[-1]) / 1024)
        except (OSError, ValueError, IndexError):
            pass
    return values
for r in range(1, rounds + 1):
    for store, name in ((java, "java"), (java_sp, "java-sp")):
        lines = [l for l in open(f"{work}/{name}-{r}.md") if l.startswith("| ") and "C=" in l]
        for c, line in zip(configs, lines[:len(configs)]):
            store[c].append(float(line.split("|")[4].strip()))
    for c, line in zip(configs, [l for l in open(f"{work}/torch-{r}.json") if l.startswith("{")]):
        o = json.loads(line)
        torch[c].append(o["total_ms"]["median"])
        torch_version = o.get("torch", torch_version)
print(f"Search step (architecture + weight), median ms over {rounds} alternating rounds of {steps} steps "
      f"after {warmup} warm-up, {threads} threads each side; PyTorch {torch_version} (Debian); "
      f"NAS-Bench-201 Java cell: {os.environ.get('CELL', 'fused')}\n")
print("| config | ours two-pass ms | ours single-pass ms | PyTorch ms | two-pass / PyTorch | single-pass / PyTorch "
      "| per-round two-pass | per-round single-pass | per-round PyTorch |")
print("|---|---:|---:|---:|---:|---:|---|---|---|")
def cell(values):
    return f"{statistics.median(values):.0f}" if values else "failed"
def ratio(a, b):
    return f"{statistics.median(a) / statistics.median(b):.2f}" if a and b else "–"
def rounds_of(values):
    return " ".join(f"{v:.0f}" for v in values)
for c in configs:
    ch, n, b, shape = c.split(",")
    j, sp, t = java[c], java_sp[c], torch[c]
    print(f"| C={ch} N={n} B={b} {shape} | {cell(j)} | {cell(sp)} | {cell(t)} | {ratio(j, t)} | {ratio(sp, t)} | "
          f"{rounds_of(j)} | {rounds_of(sp)} | {rounds_of(t)} |")
java_darts = {c: [] for c in darts_configs}
java_darts_sp = {c: [] for c in darts_configs}
torch_darts = {c: [] for c in darts_configs}
params = {c: set() for c in darts_configs}
for r in range(1, rounds + 1):
    for side, store, name in ((java_darts, "java", "java-darts"), (java_darts_sp, "java", "java-darts-sp"),
                              (torch_darts, "torch", "torch-darts")):
        try:
            lines = [l for l in open(f"{work}/{name}-{r}.json") if l.startswith("{")]
        except OSError:
            lines = []
        for c, line in zip(darts_configs, lines):
            o = json.loads(line)
            if "error" not in o:
                side[c].append(o["total_ms"]["median"])
                params[c].add((store, o["parameters"]))
                if store == "torch":
                    torch_version = o.get("torch", torch_version)
for c in darts_configs:
    ch, l, k, b, shape, *variant = c.split(",")
    beta = variant[0] == "beta" if variant else int(k) > 1
    j, sp, t = java_darts[c], java_darts_sp[c], torch_darts[c]
    print(f"| DARTS C={ch} L={l} K={k} {'β' if beta else 'no-β'} B={b} {shape} | {cell(j)} | {cell(sp)} | {cell(t)} | "
          f"{ratio(j, t)} | {ratio(sp, t)} | {rounds_of(j)} | {rounds_of(sp)} | {rounds_of(t)} |")
if darts_configs:
    print("\nDARTS rows: GAEA PC-DARTS search supernet (C=16, L cells, K partial channels, β edge weights), "
          "DartsStepBenchmark vs bench/pytorch/darts_step.py.")
    for c in darts_configs:
        counts = sorted(params[c])
        if len({n for _, n in counts}) > 1:
            print(f"WARNING: {c}: the supernets differ in trained parameters: {counts}")
print("\nGoals: two-pass / PyTorch <= 0.8; single-pass / PyTorch <= 0.30.")
print("\nPeak resident memory of each benchmark process (MB, /usr/bin/time %M; median over rounds; one process runs all "
      "rows of its group):\n")
print("| group | ours two-pass | ours single-pass | PyTorch | per-round two-pass | per-round single-pass | per-round PyTorch |")
print("|---|---:|---:|---:|---|---|---|")
for group, names in (("NAS-Bench-201 rows", ("java", "java-sp", "torch")),
                     ("DARTS rows", ("java-darts", "java-darts-sp", "torch-darts"))):
    values = [rss(n) for n in names]
    if any(values):
        print(f"| {group} | {cell(values[0])} | {cell(values[1])} | {cell(values[2])} | {rounds_of(values[0])} | "
              f"{rounds_of(values[1])} | {rounds_of(values[2])} |")
PY
