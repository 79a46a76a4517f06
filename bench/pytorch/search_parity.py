#!/usr/bin/env python3
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
"""Fidelity checks of the tribuo-nas search against its PyTorch port (nb201_supernet.py, darts_supernet.py).

  trajectory DIR  loads the initial weights and batches that examples/.../parity/TrajectoryCheck.java
                  wrote to DIR, runs the same search steps and prints, per step, the loss and the
                  largest alpha/beta difference against every java-*.json in DIR; exits 1 if a
                  difference exceeds the tolerances.
  search          one GAEA search of the NAS-Bench-201 space on the first Fashion-MNIST training
                  images, as SearchParity.java; one JSON line per epoch.
  table FILE      the per-epoch parity table (markdown) from the JSON lines of both sides.

Run by scripts/trajectory-check.sh and scripts/search-parity.sh.
"""

import argparse
import gzip
import json
import math
import os
import statistics
import sys
import time

# Tolerance of the trajectory check: at every step a Java run may deviate from the float64 run by at
# most this many times the largest deviation of PyTorch's float32 run up to that step, plus a floor
# (relative loss, absolute α/β). The search amplifies rounding (PyTorch's own float32 run is ~1e-5
# off float64 in α after two steps, ~1e-3 after twenty), so "agree" means "within float32 noise".
TOLERANCE_FACTOR = 10
FLOOR = (1e-6, 1e-6)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="mode", required=True)
    t = sub.add_parser("trajectory")
    t.add_argument("dir")
    t.add_argument("--threads", type=int, default=2)
    s = sub.add_parser("search")
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--images", type=int, default=2000)
    s.add_argument("--epochs", type=int, default=8)
    s.add_argument("--channels", type=int, default=16)
    s.add_argument("--cells", type=int, default=1)
    s.add_argument("--batch", type=int, default=64)
    s.add_argument("--threads", type=int, default=2)
    s.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    tb = sub.add_parser("table")
    tb.add_argument("file")
    return p.parse_args(argv)


args = parse_args(sys.argv[1:])
if args.mode != "table":
    from torch_env import import_torch
    torch = import_torch(args.threads)
    import numpy as np  # noqa: E402


# ---------------------------------------------------------------------------------------------
# trajectory

def build(manifest):
    classes, (c_in, _, _) = manifest["classes"], manifest["input"]
    if manifest["space"] == "darts":
        import darts_supernet as ds
        net = ds.DartsSupernet(c_in, manifest["channels"], manifest["depth"], manifest["partial_channels"], classes)
        step = ds.SearchStep(net, manifest["edge_weights"], manifest["lr"], manifest["arch_lr"], manifest["edge_lr"])
    else:
        import nb201_supernet as ns
        net = ns.Nb201Supernet(c_in, manifest["channels"], manifest["depth"], classes)
        step = ns.SearchStep(net, len(ns.OPS), manifest["lr"], manifest["arch_lr"])
    return net, step


def load_weights(folder, manifest, params):
    flat = np.fromfile(os.path.join(folder, "weights.f32"), dtype="<f4")
    expected = manifest["parameters"]
    if len(expected) != len(params):
        sys.exit("Java exported %d trained tensors, the port has %d" % (len(expected), len(params)))
    offset = 0
    for e, p in zip(expected, params):
        if list(p.shape) != e["shape"]:
            sys.exit("parameter %s: Java shape %s, port shape %s" % (e["name"], e["shape"], list(p.shape)))
        n = p.numel()
        with torch.no_grad():
            p.copy_(torch.from_numpy(flat[offset:offset + n].copy()).reshape(p.shape))
        offset += n
    if offset != flat.size:
        sys.exit("weights.f32 holds %d values, the parameters %d" % (flat.size, offset))


def trajectory(a):
    folder = a.dir
    with open(os.path.join(folder, "manifest.json")) as f:
        manifest = json.load(f)
    reference = run_steps(folder, manifest, torch.float64)
    records = run_steps(folder, manifest, torch.float32)
    with open(os.path.join(folder, "pytorch.json"), "w") as f:
        json.dump({"steps": records, "float64": reference}, f)
    return compare(folder, manifest, records, reference)


def run_steps(folder, manifest, dtype):
    """The steps in PyTorch at the given precision; float64 is the reference both float32 runs are held to."""
    torch.manual_seed(0)
    net, step = build(manifest)
    net.train()
    load_weights(folder, manifest, step.params)
    net.to(dtype)
    step.alpha = step.alpha.to(dtype)
    if getattr(step, "beta", None) is not None:
        step.beta = [b.to(dtype) for b in step.beta]
    b, (c, h, w), steps = manifest["batch"], manifest["input"], manifest["steps"]
    images = np.fromfile(os.path.join(folder, "images.f32"), dtype="<f4").reshape(steps, 2, b, c, h, w)
    labels = np.fromfile(os.path.join(folder, "labels.i32"), dtype="<i4").reshape(steps, 2, b)
    records = []
    for s in range(steps):
        xa, ya = torch.from_numpy(images[s, 0].copy()).to(dtype), torch.from_numpy(labels[s, 0].astype(np.int64))
        xw, yw = torch.from_numpy(images[s, 1].copy()).to(dtype), torch.from_numpy(labels[s, 1].astype(np.int64))
        arch_finite = step.architecture_step(xa, ya)
        loss, _, weight_finite = step.weight_step(xw, yw)
        r = {"loss": loss, "alpha": step.alpha.tolist(), "arch_finite": arch_finite, "weight_finite": weight_finite}
        beta = getattr(step, "beta", None)
        if beta is not None:
            r["beta"] = torch.cat([x.reshape(-1) for x in beta]).tolist()
        records.append(r)
    return records


def max_abs_diff(a, b):
    fa, fb = np.asarray(a, dtype=np.float64).ravel(), np.asarray(b, dtype=np.float64).ravel()
    return float(np.max(np.abs(fa - fb))) if fa.size else 0.0


def deviation(run, reference):
    """Per step: relative loss difference and largest α/β difference of a run from the reference."""
    out = []
    for r, ref in zip(run, reference):
        arch = max_abs_diff(r["alpha"], ref["alpha"])
        if "beta" in ref:
            arch = max(arch, max_abs_diff(r["beta"], ref["beta"]))
        out.append((abs(r["loss"] - ref["loss"]) / abs(ref["loss"]), arch))
    return out


def compare(folder, manifest, records, reference):
    """Every float32 run (the Java ones and PyTorch's) against PyTorch in float64: the Java runs must
    stay as close to it as PyTorch's own float32 run does (TOLERANCE_FACTOR times, plus a floor)."""
    runs = {"PyTorch f32": records}
    for n in sorted(os.listdir(folder)):
        if n.startswith("java-") and n.endswith(".json"):
            with open(os.path.join(folder, n)) as f:
                runs["Java " + n[len("java-"):-len(".json")]] = json.load(f)["steps"]
    print("%s supernet, C=%d depth=%d K=%d, batch %d, %d steps, lr %g, torch %s, %s" % (
        manifest["space"], manifest["channels"], manifest["depth"], manifest["partial_channels"], manifest["batch"],
        manifest["steps"], manifest["lr"], torch.__version__, manifest["djl"]))
    print("Deviation of each float32 run from the same steps in float64 (PyTorch): relative loss "
          "difference / largest |Δα|, |Δβ|.")
    print()
    dev = {k: deviation(v, reference) for k, v in runs.items()}
    print("| step | f64 loss |" + "".join(" %s |" % k for k in runs))
    print("|---:|---:|" + "---:|" * len(runs))
    for s, ref in enumerate(reference):
        print("| %d | %.6f |" % (s + 1, ref["loss"]) + "".join(
            " %.1e / %.1e |" % dev[k][s] for k in runs))
    print()
    # The float32 noise band: PyTorch's own largest deviation up to each step.
    band, worst_so_far = [], [0.0, 0.0]
    for d in dev["PyTorch f32"]:
        worst_so_far = [max(worst_so_far[i], d[i]) for i in range(2)]
        band.append(list(worst_so_far))
    ok = True
    for k, d in dev.items():
        worst = [max(x[0] for x in d), max(x[1] for x in d)]
        if k == "PyTorch f32":
            print("%s: worst relative Δloss %.2e, worst |Δα/β| %.2e" % (k, worst[0], worst[1]))
            continue
        outside = [s + 1 for s, x in enumerate(d)
                   if any(x[i] > TOLERANCE_FACTOR * band[s][i] + FLOOR[i] for i in range(2))]
        ok &= not outside
        print("%s: worst relative Δloss %.2e, worst |Δα/β| %.2e: %s" % (
            k, worst[0], worst[1], "AGREE" if not outside else "DIFFER at steps %s" % outside))
    print("(agree: at every step within %g x the largest deviation of PyTorch's float32 run so far, "
          "+ %g)" % (TOLERANCE_FACTOR, FLOOR[0]))
    return 0 if ok else 1


# ---------------------------------------------------------------------------------------------
# search

def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


class Batches:
    """Shuffled epochs of index batches (drop last), drawn from a seeded generator."""

    def __init__(self, n, batch, seed):
        self.n, self.batch = n, batch
        self.gen = torch.Generator().manual_seed(seed)

    def epoch(self):
        perm = torch.randperm(self.n, generator=self.gen)
        return [perm[i * self.batch:(i + 1) * self.batch] for i in range(self.n // self.batch)]


def genotype(alpha, ops):
    best = [ops[int(i)] for i in alpha.argmax(dim=1)]
    return "|%s~0|+|%s~0|%s~1|+|%s~0|%s~1|%s~2|" % tuple(best)


def mean_entropy(alpha):
    a = alpha.double()
    return float((-(a * torch.log(a)).sum(dim=1)).mean())


def search(a):
    import nb201_supernet as ns
    x = read_idx(os.path.join(a.data, "train-images-idx3-ubyte.gz"))[:a.images].astype(np.float32)
    y = read_idx(os.path.join(a.data, "train-labels-idx1-ubyte.gz"))[:a.images].astype(np.int64)
    mean = float(x.astype(np.float64).mean())
    std = float(x.astype(np.float64).std())
    images = torch.from_numpy((x - np.float32(mean)) / np.float32(std)).reshape(-1, 1, 28, 28)
    labels = torch.from_numpy(y)
    torch.manual_seed(a.seed)
    net = ns.Nb201Supernet(1, a.channels, a.cells, 10)
    net.train()
    step = ns.SearchStep(net, len(ns.OPS), 0.025, 0.1)
    weight_batches = Batches(a.images, a.batch, 2 * a.seed + 1)
    arch_batches = Batches(a.images, a.batch, 2 * a.seed + 2)
    arch_epoch, arch_cursor = arch_batches.epoch(), 0
    for epoch in range(a.epochs):
        start = time.time()
        lr = 0.001 + (0.025 - 0.001) * 0.5 * (1 + math.cos(math.pi * epoch / a.epochs))
        for group in step.sgd.param_groups:
            group["lr"] = lr
        total_loss, correct, batches = 0.0, 0, weight_batches.epoch()
        for wb in batches:
            if arch_cursor == len(arch_epoch):
                arch_epoch, arch_cursor = arch_batches.epoch(), 0
            ab = arch_epoch[arch_cursor]
            arch_cursor += 1
            step.architecture_step(images[ab], labels[ab])
            loss, c, _ = step.weight_step(images[wb], labels[wb])
            total_loss += loss
            correct += c
        print(json.dumps({"side": "pytorch", "seed": a.seed, "epoch": epoch + 1, "lr": lr,
                          "loss": total_loss / len(batches), "accuracy": correct / (len(batches) * a.batch),
                          "entropy": mean_entropy(step.alpha), "genotype": genotype(step.alpha, ns.OPS),
                          "seconds": time.time() - start}), flush=True)
    return 0


# ---------------------------------------------------------------------------------------------
# table

def table(a):
    rows = [json.loads(line) for line in open(a.file) if line.startswith("{")]
    sides = sorted({r["side"] for r in rows}, reverse=True)
    epochs = sorted({r["epoch"] for r in rows})
    by = {}
    for r in rows:
        by.setdefault((r["side"], r["epoch"]), []).append(r)
    seeds = sorted({r["seed"] for r in rows})
    print("Seeds %s; mean ± std over seeds.\n" % ", ".join(map(str, seeds)))
    print("| epoch |" + "".join(" %s loss | %s entropy |" % (s, s) for s in sides))
    print("|---:|" + "---:|---:|" * len(sides))
    for e in epochs:
        line = "| %d |" % e
        for s in sides:
            rs = by.get((s, e), [])
            losses, ents = [r["loss"] for r in rs], [r["entropy"] for r in rs]
            line += " %s | %s |" % (pm(losses, 3), pm(ents, 4))
        print(line)
    last = epochs[-1]
    print()
    for s in sides:
        final = [r["loss"] for r in by.get((s, last), [])]
        print("%s: mean training loss after epoch %d = %.4f" % (s, last, statistics.mean(final)))
    if len(sides) == 2:
        ours = statistics.mean(r["loss"] for r in by[(sides[0], last)])
        ref = statistics.mean(r["loss"] for r in by[(sides[1], last)])
        print("%s / %s = %.3f" % (sides[0], sides[1], ours / ref))
    print("\nGenotypes per seed and epoch:\n")
    print("| side | seed | " + " | ".join("epoch %d" % e for e in epochs) + " |")
    print("|---|---:|" + "---|" * len(epochs))
    for s in sides:
        for seed in seeds:
            g = {r["epoch"]: r["genotype"] for r in rows if r["side"] == s and r["seed"] == seed}
            print("| %s | %d | %s |" % (s, seed, " | ".join("`%s`" % g.get(e, "") for e in epochs)))
    return 0


def pm(values, digits):
    if not values:
        return "–"
    fmt = "%%.%df" % digits
    if len(values) == 1:
        return fmt % values[0]
    return (fmt + " ± " + fmt) % (statistics.mean(values), statistics.stdev(values))


if __name__ == "__main__":
    sys.exit({"trajectory": trajectory, "search": search, "table": table}[args.mode](args))
