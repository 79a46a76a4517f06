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
"""PyTorch reference for the Java DARTS-space search-step benchmark (DartsStepBenchmark).

The DARTS cell-space search supernet (DARTS / PC-DARTS model_search.py) and the GAEA search step
(EG architecture step on alpha and the per-node edge weights beta, then SGD weight step) of
tribuo-nas, op for op (see tribuo-nas/.../darts/*.java, search/SearchStep.java,
arch/ArchitectureWeights.java, arch/ExponentiatedGradient.java, train/SgdOptimizer.java), timed
like examples/.../bench/DartsStepBenchmark.java: batch creation is outside the timed region; the
arch step and the weight step are timed separately and "total" is their sum.

    python3 bench/pytorch/darts_step.py --channels 16 --layers 8 --partial-channels 4 --batch 32 \
        --input 3x32x32 --classes 10 --steps 20 --warmup 5 --threads 2 [--json] [--check-nan]
    python3 bench/pytorch/darts_step.py --configs "16,8,4,32,3x32x32" "16,8,4,32,1x28x28" "16,8,1,32,3x32x32"

Configs are C,LAYERS,K,BATCH,CxHxW[,beta|nobeta]; edge weights beta are on iff K > 1 (GAEA PC-DARTS;
K = 1 is the plain GAEA DARTS supernet) unless the sixth field says otherwise.
Run with MALLOC_MMAP_THRESHOLD_=1073741824 MALLOC_TRIM_THRESHOLD_=1073741824 (as the Java script).
"""

import argparse
import json
import math
import os
import platform
import resource
import sys
import time


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--channels", type=int, default=16, help="C, channels of the first cells")
    p.add_argument("--layers", type=int, default=8, help="L, cells (reduction cells at L/3 and 2L/3)")
    p.add_argument("--partial-channels", type=int, default=4, help="K of PC-DARTS partial channels (1 = off)")
    p.add_argument("--edge-weights", choices=["auto", "on", "off"], default="auto",
                   help="beta edge weights; auto = on iff K > 1")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--input", default="3x32x32", help="image shape CxHxW (H, W divisible by 4)")
    p.add_argument("--configs", nargs="+", metavar="C,L,K,BATCH,CxHxW[,beta|nobeta]",
                   help="several configs in one run (overrides --channels/--layers/--partial-channels/"
                        "--edge-weights/--batch/--input)")
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--images", type=int, default=512, help="size of the pre-made random image pool")
    p.add_argument("--steps", type=int, default=20, help="measured steps")
    p.add_argument("--warmup", type=int, default=5, help="warm-up steps (not measured)")
    p.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (intra-op)")
    p.add_argument("--lr", type=float, default=0.025, help="SGD learning rate")
    p.add_argument("--eg-lr", type=float, default=0.1, help="exponentiated-gradient step size of alpha")
    p.add_argument("--edge-lr", type=float, default=0.1, help="exponentiated-gradient step size of beta")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--json", action="store_true", help="one JSON object per config on stdout")
    p.add_argument("--check-nan", action="store_true",
                   help="add to the table the counts of measured steps whose architecture gradient or "
                        "weight-gradient norm was not finite (always in --json; such steps are always logged to stderr)")
    p.add_argument("--verbose", action="store_true", help="log every step to stderr")
    return p.parse_args(argv)


def parse_shape(text):
    parts = [int(v) for v in text.lower().split("x")]
    if len(parts) != 3 or min(parts) <= 0:
        raise ValueError("input shape must be CxHxW, got " + text)
    return tuple(parts)


def parse_config(text):
    parts = [v.strip() for v in text.split(",")]
    if len(parts) not in (5, 6):
        raise ValueError("config must be C,LAYERS,K,BATCH,CxHxW[,beta|nobeta], got " + text)
    k = int(parts[2])
    beta = k > 1
    if len(parts) == 6:
        if parts[5] not in ("beta", "nobeta"):
            raise ValueError("the sixth config field must be beta or nobeta, got " + parts[5])
        beta = parts[5] == "beta"
    return int(parts[0]), int(parts[1]), k, beta, int(parts[3]), parse_shape(parts[4])


args = parse_args(sys.argv[1:])

SYSTEM_PYTHON = "/usr/bin/python3"
try:
    import torch  # noqa: E402  (imported after argument parsing so --help works without torch)
except ImportError:
    # Debian's python3-torch lives in the system interpreter; `python3` may be pyenv or a venv.
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) and os.access(SYSTEM_PYTHON, os.X_OK):
        print("[bench] torch not importable from %s; re-running under %s" % (sys.executable, SYSTEM_PYTHON),
              file=sys.stderr)
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])
    sys.exit("torch is not installed; run scripts/install-python-torch.sh")
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

# Thread settings must precede any op (set_num_interop_threads fails once the pool started).
torch.set_num_threads(args.threads)
torch.set_num_interop_threads(1)

from darts_supernet import *  # noqa: E402,F401,F403  (the supernet and its search step)


def percentile(values, p):
    """Linear interpolation between closest ranks (as SearchStepBenchmark.percentile)."""
    s = sorted(values)
    pos = p / 100.0 * (len(s) - 1)
    lo = int(math.floor(pos))
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (pos - lo) * (s[hi] - s[lo])


def summary(values):
    return {"median": percentile(values, 50), "p10": percentile(values, 10), "p90": percentile(values, 90)}


class BatchCursor:
    """Shuffled epochs of batch indices (drop last), cycling, as BatchSampler + BatchCursor."""

    def __init__(self, images, batch, generator):
        if batch > images:
            raise ValueError("batch %d larger than the image pool %d" % (batch, images))
        self.images, self.batch, self.generator = images, batch, generator
        self.epoch, self.next_batch = self._new_epoch(), 0

    def _new_epoch(self):
        perm = torch.randperm(self.images, generator=self.generator)
        return [perm[i * self.batch:(i + 1) * self.batch] for i in range(self.images // self.batch)]

    def __next__(self):
        if self.next_batch == len(self.epoch):
            self.epoch, self.next_batch = self._new_epoch(), 0
        b = self.epoch[self.next_batch]
        self.next_batch += 1
        return b


def rss_megabytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def config_label(channels, layers, k, beta, batch, shape):
    return "DARTS C=%d L=%d K=%d %s B=%d %s" % (channels, layers, k, "β" if beta else "no-β", batch,
                                                 "x".join(map(str, shape)))


def run_config(channels, layers, k, edge_weights, batch, shape, a):
    if shape[1] % 4 or shape[2] % 4:
        raise ValueError("the DARTS supernet halves the input twice; H and W must be divisible by 4, got %s"
                         % "x".join(map(str, shape)))
    if channels % k or (channels // k) % 2:
        raise ValueError("K=%d must divide C=%d into an even number of channels" % (k, channels))
    torch.manual_seed(a.seed)
    gen = torch.Generator().manual_seed(a.seed)
    pool_x = torch.randn((a.images,) + shape, generator=gen)
    pool_y = torch.randint(0, a.classes, (a.images,), generator=gen)
    setup_start = time.perf_counter()
    net = DartsSupernet(shape[0], channels, layers, k, a.classes)
    net.train()
    step = SearchStep(net, edge_weights, a.lr, a.eg_lr, a.edge_lr)
    parameters = sum(p.numel() for p in step.params)
    setup_seconds = time.perf_counter() - setup_start
    print("[bench]   supernet: {:,} trained parameters in {} tensors; alpha [{}, {}]{}".format(
        parameters, len(step.params), ALPHA_ROWS, len(OPS),
        ", beta [%d] in %d node simplices" % (ALPHA_ROWS, len(EDGE_GROUPS)) if edge_weights else ", no beta"),
        file=sys.stderr)
    arch_batches = BatchCursor(a.images, batch, torch.Generator().manual_seed(a.seed + 1))
    weight_batches = BatchCursor(a.images, batch, torch.Generator().manual_seed(a.seed + 2))

    arch_ms, weight_ms, total_ms = [], [], []
    arch_nonfinite = weight_nonfinite = 0
    loss = float("nan")
    label = config_label(channels, layers, k, edge_weights, batch, shape)
    for i in range(a.warmup + a.steps):
        ia, iw = next(arch_batches), next(weight_batches)
        xa, ya = pool_x.index_select(0, ia), pool_y.index_select(0, ia)
        xw, yw = pool_x.index_select(0, iw), pool_y.index_select(0, iw)

        t0 = time.perf_counter()
        arch_finite = step.architecture_step(xa, ya)
        t1 = time.perf_counter()
        loss, correct, weight_finite = step.weight_step(xw, yw)
        t2 = time.perf_counter()

        measured = i >= a.warmup
        if measured:
            arch_ms.append((t1 - t0) * 1e3)
            weight_ms.append((t2 - t1) * 1e3)
            total_ms.append((t2 - t0) * 1e3)
            arch_nonfinite += 0 if arch_finite else 1
            weight_nonfinite += 0 if weight_finite else 1
        progress = (measured and ((i - a.warmup + 1) % 5 == 0 or i == a.warmup + a.steps - 1)) or i == a.warmup - 1
        if a.verbose or progress or not (arch_finite and weight_finite):
            print("[bench]   %s %s step %d/%d: arch %.1f ms%s, weight %.1f ms%s, loss %.3f" % (
                label, "measured" if measured else "warm-up", i - a.warmup + 1 if measured else i + 1,
                a.steps if measured else a.warmup, (t1 - t0) * 1e3,
                "" if arch_finite else " (non-finite)", (t2 - t1) * 1e3,
                "" if weight_finite else " (non-finite)", loss), file=sys.stderr)
    if a.verbose:
        print("[bench]   after %d steps: alpha row 0 = %s%s" % (
            a.warmup + a.steps, step.alpha[0].tolist(),
            ", beta = %s" % torch.cat([b.reshape(-1) for b in step.beta]).tolist() if step.beta else ""),
            file=sys.stderr)
    return {
        "channels": channels, "layers": layers, "partial_channels": k, "edge_weights": edge_weights,
        "batch": batch, "input": "x".join(map(str, shape)),
        "classes": a.classes, "steps": a.steps, "warmup": a.warmup,
        "threads": torch.get_num_threads(), "interop_threads": torch.get_num_interop_threads(),
        "torch": torch.__version__, "parameters": parameters, "parameter_tensors": len(step.params),
        "setup_s": setup_seconds,
        "arch_ms": summary(arch_ms), "weight_ms": summary(weight_ms), "total_ms": summary(total_ms),
        "arch_nonfinite": arch_nonfinite, "weight_nonfinite": weight_nonfinite,
        "final_loss": loss, "rss_max_mb": rss_megabytes(),
    }


def fmt(v):
    return ("%.2f" if v < 10 else "%.1f") % v


def main(a):
    if a.configs:
        configs = [parse_config(c) for c in a.configs]
    else:
        beta = a.partial_channels > 1 if a.edge_weights == "auto" else a.edge_weights == "on"
        configs = [(a.channels, a.layers, a.partial_channels, beta, a.batch, parse_shape(a.input))]
    header = "torch %s, %d intra-op / %d inter-op threads, Python %s, %s, MALLOC_MMAP_THRESHOLD_=%s" % (
        torch.__version__, torch.get_num_threads(), torch.get_num_interop_threads(), platform.python_version(),
        platform.machine(), os.environ.get("MALLOC_MMAP_THRESHOLD_", "<unset>"))
    # In --json mode stdout carries only the JSON lines; the header goes to stderr.
    print(header, file=sys.stderr if a.json else sys.stdout)
    if not a.json:
        print()
        nan_cols = " non-finite (arch/weight) |" if a.check_nan else ""
        print("| config | params (tensors) | arch step ms (median) | weight step ms (median) | total ms (median) "
              "| p10–p90 total |" + nan_cols + " steps |")
        print("|---|---:|---:|---:|---:|---:|" + ("---:|" if a.check_nan else "") + "---:|")
    failed = False
    for channels, layers, k, beta, batch, shape in configs:
        label = "%s (%d classes)" % (config_label(channels, layers, k, beta, batch, shape), a.classes)
        print("[bench] %s: %d warm-up + %d measured steps" % (label, a.warmup, a.steps), file=sys.stderr)
        try:
            r = run_config(channels, layers, k, beta, batch, shape, a)
        except (RuntimeError, ValueError, MemoryError) as e:
            failed = True
            if a.json:
                print(json.dumps({"channels": channels, "layers": layers, "partial_channels": k, "edge_weights": beta,
                                  "batch": batch, "input": "x".join(map(str, shape)), "error": str(e)}), flush=True)
            else:
                print("| %s | failed: %s | | | | |%s |" % (label, e, " |" if a.check_nan else ""), flush=True)
            continue
        if a.json:
            print(json.dumps(r), flush=True)
        else:
            nan = " %d/%d |" % (r["arch_nonfinite"], r["weight_nonfinite"]) if a.check_nan else ""
            print("| %s | %s (%d) | %s | %s | %s | %s–%s |%s %d (+%d warm-up) |" % (
                label, "{:,}".format(r["parameters"]), r["parameter_tensors"], fmt(r["arch_ms"]["median"]),
                fmt(r["weight_ms"]["median"]), fmt(r["total_ms"]["median"]), fmt(r["total_ms"]["p10"]),
                fmt(r["total_ms"]["p90"]), nan, a.steps, a.warmup), flush=True)
    if not a.json:
        print()
        print("total = architecture step + weight step, excluding batch creation (as the Java benchmark).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(args))
