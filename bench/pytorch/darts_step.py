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

# DartsOp, in DARTS's PRIMITIVES order (DartsSearchSpace.reference(): all eight, none included).
OPS = ["none", "max_pool_3x3", "avg_pool_3x3", "skip_connect", "sep_conv_3x3", "sep_conv_5x5",
       "dil_conv_3x3", "dil_conv_5x5"]
NODES = 4  # DartsCellLayout.NODES
EDGES = 14  # per cell: 2 + 3 + 4 + 5
ALPHA_ROWS = 2 * EDGES  # normal-cell rows, then reduction-cell rows
EDGE_GROUPS = [2, 3, 4, 5, 2, 3, 4, 5]  # DartsSearchSpace.edgeGroups(): one beta simplex per node
STEM_MULTIPLIER = 3
BN_EPS = 1e-5
BN_MOMENTUM = 0.1  # PyTorch convention; DJL's 0.9 is the same update.


def first_edge(node):
    return node * (node + 3) // 2


def batch_norm(channels, affine):
    """Layers.batchNorm: eps 1e-5, running statistics tracked; affine=False has no parameters."""
    return nn.BatchNorm2d(channels, eps=BN_EPS, momentum=BN_MOMENTUM, affine=affine)


class ReluConvBn(nn.Module):
    """supernet/ReluConvBn.java: ReLU → bias-free conv → batch norm."""

    def __init__(self, c_in, c_out, kernel, stride, padding, affine):
        super().__init__()
        self.conv = nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=padding, bias=False)
        self.bn = batch_norm(c_out, affine)

    def forward(self, x):
        return self.bn(self.conv(F.relu(x)))


class DepthwiseSeparableConv(nn.Module):
    """DepthwiseSeparableConv.java (DARTS DilConv): ReLU → depthwise k×k → pointwise 1x1 → BN."""

    def __init__(self, c_in, c_out, kernel, stride, padding, dilation, affine):
        super().__init__()
        self.depthwise = nn.Conv2d(c_in, c_in, kernel, stride=stride, padding=padding, dilation=dilation,
                                   groups=c_in, bias=False)
        self.pointwise = nn.Conv2d(c_in, c_out, 1, bias=False)
        self.bn = batch_norm(c_out, affine)

    def forward(self, x):
        return self.bn(self.pointwise(self.depthwise(F.relu(x))))


class SepConv(nn.Module):
    """SepConv.java: two DepthwiseSeparableConv stacks, the stride on the first only."""

    def __init__(self, channels, kernel, stride, affine):
        super().__init__()
        padding = kernel // 2
        self.stack_1 = DepthwiseSeparableConv(channels, channels, kernel, stride, padding, 1, affine)
        self.stack_2 = DepthwiseSeparableConv(channels, channels, kernel, 1, padding, 1, affine)

    def forward(self, x):
        return self.stack_2(self.stack_1(x))


class FactorizedReduce(nn.Module):
    """FactorizedReduce.java: ReLU, two 1x1 stride-2 convs (the second on x[:, :, 1:, 1:]), concat, BN."""

    def __init__(self, c_in, c_out, affine):
        super().__init__()
        if c_out % 2 != 0:
            raise ValueError("FactorizedReduce needs an even number of output channels, got %d" % c_out)
        self.conv_1 = nn.Conv2d(c_in, c_out // 2, 1, stride=2, bias=False)
        self.conv_2 = nn.Conv2d(c_in, c_out // 2, 1, stride=2, bias=False)
        self.bn = batch_norm(c_out, affine)

    def forward(self, x):
        x = F.relu(x)
        return self.bn(torch.cat([self.conv_1(x), self.conv_2(x[:, :, 1:, 1:])], dim=1))


class PoolOp(nn.Module):
    """PoolOp.java (search network): 3x3 max or average (padding excluded) pool, then a non-affine BN."""

    def __init__(self, max_pool, channels, stride):
        super().__init__()
        self.max_pool = max_pool
        self.stride = stride
        self.bn = batch_norm(channels, affine=False)

    def forward(self, x):
        if self.max_pool:
            pooled = F.max_pool2d(x, 3, stride=self.stride, padding=1, ceil_mode=False)
        else:
            # Java divides the zero-padded average by the pooled ones (AveragePooling.excludingPadding)
            # because DJL ignores countIncludePad; the values are the same.
            pooled = F.avg_pool2d(x, 3, stride=self.stride, padding=1, ceil_mode=False, count_include_pad=False)
        return self.bn(pooled)


class Identity(nn.Module):
    def forward(self, x):
        return x


def search_op(name, channels, stride):
    """DartsOps.searchOp: non-affine BNs, a non-affine BN after each pool. `none` has no module."""
    if name == "none":
        return None  # DartsMixedOp skips none: its output is zero, adding neither value nor gradient
    if name == "max_pool_3x3":
        return PoolOp(True, channels, stride)
    if name == "avg_pool_3x3":
        return PoolOp(False, channels, stride)
    if name == "skip_connect":
        return Identity() if stride == 1 else FactorizedReduce(channels, channels, affine=False)
    if name == "sep_conv_3x3":
        return SepConv(channels, 3, stride, affine=False)
    if name == "sep_conv_5x5":
        return SepConv(channels, 5, stride, affine=False)
    if name == "dil_conv_3x3":
        return DepthwiseSeparableConv(channels, channels, 3, stride, 2, 2, affine=False)
    if name == "dil_conv_5x5":
        return DepthwiseSeparableConv(channels, channels, 5, stride, 4, 2, affine=False)
    raise ValueError(name)


class MixedOp(nn.Module):
    """DartsMixedOp.java: Σ_{k ≠ none} op_k(x) · w[k], w the edge's α row, each w[k] a 0-d slice."""

    def __init__(self, channels, stride):
        super().__init__()
        ops = [search_op(name, channels, stride) for name in OPS]
        self.index = [k for k, op in enumerate(ops) if op is not None]
        self.ops = nn.ModuleList([op for op in ops if op is not None])

    def forward(self, x, w):
        total = None
        for k, op in zip(self.index, self.ops):
            weighted = op(x) * w[k]
            total = weighted if total is None else total + weighted
        return total


def channel_shuffle(x, groups):
    """ChannelShuffle.java: [B, C, H, W] → [B, g, C/g, H, W] → swap axes 1, 2 → [B, C, H, W]."""
    b, c, h, w = x.shape
    return x.reshape(b, groups, c // groups, h, w).transpose(1, 2).reshape(b, c, h, w)


class PartialChannelOp(nn.Module):
    """PartialChannelOp.java: the mixed op on the first C/K channels, the rest bypass it (max-pooled
    2x2 when strided), concatenated and channel-shuffled with K groups."""

    def __init__(self, channels, k, stride):
        super().__init__()
        if channels % k != 0:
            raise ValueError("K=%d must divide the %d channels of the edge" % (k, channels))
        self.k = k
        self.stride = stride
        self.active = channels // k
        self.mixed = MixedOp(self.active, stride)

    def forward(self, x, w):
        processed = self.mixed(x[:, :self.active], w)
        bypass = x[:, self.active:]
        if self.stride == 2:
            bypass = F.max_pool2d(bypass, 2, stride=2, padding=0, ceil_mode=False)
        return channel_shuffle(torch.cat([processed, bypass], dim=1), self.k)


class SearchCell(nn.Module):
    """DartsSearchCell.java: preprocess s0 (FactorizedReduce after a reduction cell, else ReLU-conv1x1-BN)
    and s1 (ReLU-conv1x1-BN), all non-affine; node i = Σ_{j < i+2} β[row]·edge(state_j, α[row]);
    output = concat of the four nodes (4C channels); edges from the inputs have stride 2 in a
    reduction cell; row = (14 if reduction) + edge index."""

    def __init__(self, c_pp, c_p, channels, reduction, reduction_prev, k):
        super().__init__()
        self.reduction = reduction
        self.preprocess0 = (FactorizedReduce(c_pp, channels, affine=False) if reduction_prev
                            else ReluConvBn(c_pp, channels, 1, 1, 0, affine=False))
        self.preprocess1 = ReluConvBn(c_p, channels, 1, 1, 0, affine=False)
        edges = []
        for node in range(NODES):
            for j in range(node + 2):
                stride = 2 if reduction and j < 2 else 1
                edges.append(MixedOp(channels, stride) if k == 1 else PartialChannelOp(channels, k, stride))
        self.edges = nn.ModuleList(edges)

    def forward(self, s0, s1, alpha, beta):
        states = [self.preprocess0(s0), self.preprocess1(s1)]
        offset = EDGES if self.reduction else 0
        for node in range(NODES):
            total = None
            for j in range(node + 2):
                edge = first_edge(node) + j
                row = offset + edge
                out = self.edges[edge](states[j], alpha[row])
                if beta is not None:
                    out = out * beta[row]
                total = out if total is None else total + out
            states.append(total)
        return torch.cat(states[2:], dim=1)


class DartsSupernet(nn.Module):
    """DartsSearchNetwork.java: stem conv3x3 (3C, no bias) + affine BN, L cells (reductions at L/3 and
    2L/3 double C; s0, s1 = s1, cell(s0, s1)), global average pool, linear classifier."""

    def __init__(self, in_channels, channels, layers, k, num_classes):
        super().__init__()
        c_stem = STEM_MULTIPLIER * channels
        self.stem = nn.Conv2d(in_channels, c_stem, 3, padding=1, bias=False)
        self.stem_bn = batch_norm(c_stem, affine=True)
        c_pp, c_p, c = c_stem, c_stem, channels
        cells = []
        reduction_prev = False
        for i in range(layers):
            reduction = i == layers // 3 or i == 2 * layers // 3
            if reduction:
                c *= 2
            cells.append(SearchCell(c_pp, c_p, c, reduction, reduction_prev, k))
            reduction_prev = reduction
            c_pp, c_p = c_p, NODES * c
        self.cells = nn.ModuleList(cells)
        self.classifier = nn.Linear(c_p, num_classes)

    def forward(self, x, alpha, beta):
        s0 = s1 = self.stem_bn(self.stem(x))
        for cell in self.cells:
            s0, s1 = s1, cell(s0, s1, alpha, beta)
        features = s1.reshape(s1.shape[0], s1.shape[1], -1).mean(dim=2)
        return self.classifier(features)


class SearchStep:
    """SearchStep.java with ArchitectureWeights as SearchConfig.newArchitectureWeights() builds it for
    GAEA PC-DARTS (α: EG clamp 1e-5 then renormalize; β: one EG simplex per node, renormalized, not
    clamped) and SgdOptimizer(momentum 0.9, wd 3e-4, clip 5)."""

    def __init__(self, net, edge_weights, lr, eg_lr, edge_lr):
        self.net = net
        self.params = [p for p in net.parameters() if p.requires_grad]
        self.sgd = torch.optim.SGD(self.params, lr=lr, momentum=0.9, weight_decay=3e-4)
        self.eg_lr = eg_lr
        self.edge_lr = edge_lr
        self.alpha = torch.full((ALPHA_ROWS, len(OPS)), 1.0 / len(OPS))
        self.beta = [torch.full((1, n), 1.0 / n) for n in EDGE_GROUPS] if edge_weights else None

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    def track_weight_gradients(self, track):
        for p in self.params:
            p.requires_grad_(track)

    def architecture_step(self, x, y):
        """First-order gradient of the loss with respect to α and β at the current weights; the weights
        stop tracking gradients for this pass (as Java), so none are computed. Then the EG updates.
        False, with nothing updated, if any gradient is not finite."""
        alpha_leaf = self.alpha.clone().requires_grad_(True)
        beta_leaves = [b.clone().requires_grad_(True) for b in self.beta] if self.beta is not None else []
        self.track_weight_gradients(False)
        try:
            beta = torch.cat([b.reshape(-1) for b in beta_leaves]) if beta_leaves else None
            logits = self.net(x, alpha_leaf, beta)
            F.cross_entropy(logits, y).backward()
        finally:
            self.track_weight_gradients(True)
        grads = [alpha_leaf.grad] + [b.grad for b in beta_leaves]
        if not all(bool(torch.isfinite(g).all()) for g in grads):
            return False
        with torch.no_grad():
            self.alpha.mul_(torch.exp(-self.eg_lr * grads[0]))
            self.alpha.clamp_(min=1e-5)
            self.alpha.div_(self.alpha.sum(dim=1, keepdim=True))
            for b, g in zip(self.beta or [], grads[1:]):
                b.mul_(torch.exp(-self.edge_lr * g))
                b.div_(b.sum(dim=1, keepdim=True))
        return True

    def weight_step(self, x, y):
        """SGD with α and β fixed. Returns (loss, correct, finite); nothing is updated if not finite."""
        beta = torch.cat([b.reshape(-1) for b in self.beta]) if self.beta is not None else None
        logits = self.net(x, self.alpha.detach(), beta)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(self.params, 5.0)
        finite = math.isfinite(float(norm))
        if finite:
            self.sgd.step()
        self.zero_grad()
        correct = int((logits.argmax(dim=1) == y).sum())
        return float(loss), correct, finite


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
