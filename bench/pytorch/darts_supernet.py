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
"""The DARTS-space (PC-DARTS) supernet of tribuo-nas and its GAEA search step, in PyTorch.

Module for module the Java DartsSearchNetwork + DartsSearchCell + PartialChannelOp (see README.md);
PyTorch's default initialization, as the reference code. Used by darts_step.py and search_parity.py.
"""


import torch
import torch.nn as nn
import torch.nn.functional as F

from torch_env import clipped_sgd_step

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
        finite = clipped_sgd_step(self.params, self.sgd, loss)
        correct = int((logits.argmax(dim=1) == y).sum())
        return float(loss), correct, finite
