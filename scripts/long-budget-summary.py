#!/usr/bin/env python3
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
"""Summary of the long-budget experiment (scripts/long-budget.sh) from whatever has finished so far:
a markdown table (test accuracy per method: mean ± std, min, max; entropy after the last search
epoch) with one row per run, and the entropy curves of every search (y from 0 to ln K, so the fall
is seen at its true size; x in architecture steps).

    python3 scripts/long-budget-summary.py [RESULTS_DIR]     (default docs/results/long-budget)

Writes RESULTS_DIR/summary.md and RESULTS_DIR/entropy.png and prints the table.
"""

import glob
import json
import math
import os
import statistics
import sys

STEPS_PER_EPOCH = {"single": 60000 // 64, "bilevel": 30000 // 64}
# The paper's NAS-Bench-201 CIFAR-10 entropy curves (bilevel, seed 6500), digitized from its figure
# (gaea-spec.md section 5) as epoch: entropy. Its epochs count from 0 at the end of the first (its
# epoch 0 is already below ln 4), and a bilevel epoch there is 25,000 / 64 = 391 steps.
PAPER_STEPS_PER_EPOCH = math.ceil(25000 / 64)
PAPER_CURVES = {"paper GAEA, CIFAR-10 (digitized)": ({0: 1.362, 5: 1.087, 10: 0.951, 20: 0.819, 30: 0.745}, "o"),
                "paper DARTS, CIFAR-10 (digitized)": ({0: 1.386, 25: 1.379}, "s")}


NOISE = "gaea-s1's cell, final seeds 7, 8, 9"


def method(run):
    if run.startswith("seed-noise"):
        return NOISE
    if run.startswith("random"):
        return "random"
    if "-sp-" in run:
        return ("GAEA" if run.startswith("gaea") else "DARTS") + " single pass"
    if "bilevel" in run:
        return ("GAEA" if run.startswith("gaea") else "DARTS") + " bilevel"
    return "GAEA" if run.startswith("gaea") else "DARTS"


def natural_order(run):
    """random-2 before random-10."""
    name, _, number = run.rpartition("-")
    return (name, int(number)) if number.isdigit() else (run, 0)


def read_lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main(folder):
    searches = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.epochs.jsonl"))):
        name = os.path.basename(path)[:-len(".epochs.jsonl")]
        epochs = {r["epoch"]: r for r in read_lines(path)}
        searches[name] = [epochs[e] for e in sorted(epochs)]
    finals = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.final.json"))):
        with open(path) as f:
            r = json.load(f)
        finals[r["run"]] = r
    in_progress = sorted(os.path.basename(p)[:-len(".final.jsonl")] for p in glob.glob(os.path.join(folder, "*.final.jsonl"))
                         if os.path.basename(p)[:-len(".final.jsonl")] not in finals)

    out = ["# Long-budget experiment: summary of what has finished", ""]
    out.append("NAS-Bench-201 space without `none` (K = 4, ln K = %.3f), supernet C=16 N=1, full Fashion-MNIST "
               "training set, batch 64; final training C=16 N=1, 10 epochs, batch 128, lr 0.05 cosine, one "
               "final-training seed (7) for every cell; test accuracy on all 10,000 test images. The last row "
               "retrains gaea-s1's cell with final seeds 8 and 9 (runs seed-noise-*): how far the test accuracy "
               "moves with the final-training seed alone." % math.log(4))
    out.append("")
    out.append("| method | finished runs | test accuracy mean ± std | min | max | mean entropy after search |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for m in ["GAEA", "DARTS", "GAEA bilevel", "DARTS bilevel", "GAEA single pass", "DARTS single pass", "random", NOISE]:
        accs = [r["test_accuracy"] for n, r in finals.items()
                if method(n) == m or (m == NOISE and n == "gaea-s1" and any(method(k) == NOISE for k in finals))]
        ents = [searches[n][-1]["entropy"] for n in finals if method(n) == m and n in searches]
        if not accs:
            continue
        std = "%.4f" % statistics.stdev(accs) if len(accs) > 1 else "– (one run)"
        out.append("| %s | %d | %.4f ± %s | %.4f | %.4f | %s |" % (
            m, len(accs), statistics.mean(accs), std, min(accs), max(accs),
            "%.3f" % statistics.mean(ents) if ents else "–"))
    out.append("")
    out.append("| run | architecture steps | final entropy | genotype | final seed | test accuracy |")
    out.append("|---|---:|---:|---|---:|---:|")
    for n in sorted(set(searches) | set(finals), key=natural_order):
        epochs = searches.get(n, [])
        scheme = "bilevel" if "bilevel" in n else "single"
        steps = len(epochs) * STEPS_PER_EPOCH[scheme] if epochs else 0
        genotype = finals[n]["genotype"] if n in finals else (epochs[-1]["genotype"] if epochs else "")
        acc = "%.4f" % finals[n]["test_accuracy"] if n in finals else "(running)"
        seed = finals[n].get("final_seed", 7) if n in finals else 7
        out.append("| %s | %s | %s | `%s` | %s | %s |" % (n, steps or "–", "%.3f" % epochs[-1]["entropy"] if epochs else "–",
                                                       genotype, seed, acc))
    if in_progress:
        out.append("")
        out.append("Final trainings in progress: " + ", ".join(in_progress))
    text = "\n".join(out) + "\n"
    with open(os.path.join(folder, "summary.md"), "w") as f:
        f.write(text)
    print(text)
    plot(folder, searches)


def plot(folder, searches):
    if not searches:
        return
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    colors = {"GAEA": "tab:blue", "DARTS": "tab:orange", "GAEA bilevel": "tab:green",
              "GAEA single pass": "tab:purple", "DARTS single pass": "tab:brown"}
    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=120)
    for name, epochs in searches.items():
        scheme = "bilevel" if "bilevel" in name else "single"
        xs = [0] + [r["epoch"] * STEPS_PER_EPOCH[scheme] for r in epochs]
        ys = [math.log(4)] + [r["entropy"] for r in epochs]
        ax.plot(xs, ys, marker="o", markersize=3, label=name, color=colors[method(name)],
                linestyle="--" if name.endswith("s2") or name.endswith("s3") else "-")
    for label, (points, marker) in PAPER_CURVES.items():
        ax.plot([(e + 1) * PAPER_STEPS_PER_EPOCH for e in points], list(points.values()), marker=marker,
                markersize=5, linestyle="none", color="grey", markerfacecolor="none", label=label)
    ax.axhline(math.log(4), color="grey", linewidth=0.8, linestyle=":")
    ax.set_ylim(0, math.log(4) * 1.05)
    ax.set_xlabel("architecture steps")
    ax.set_ylabel("mean edge entropy of α (nats)")
    ax.set_title("Entropy of α, Fashion-MNIST, NAS-Bench-201 space (ln 4 dotted)", fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(folder, "entropy.png"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/results/long-budget")
