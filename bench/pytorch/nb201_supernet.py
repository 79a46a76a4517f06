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
"""The NAS-Bench-201 supernet of tribuo-nas and its GAEA search step, in PyTorch.

Module for module the Java supernet (Nb201Network + SearchCell + MixedOp + ResidualReduction) and
SearchStep (EG architecture step, then the SGD weight step); the modules keep PyTorch's default
initialization, as the authors' code (gaea_release + AutoDL) does. Used by nb201_step.py (step time)
and search_parity.py (trajectory and search-loss parity).
"""


import torch
import torch.nn as nn
import torch.nn.functional as F

from torch_env import clipped_sgd_step

NUM_NODES = 4
# Edge order of Nb201Space: 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2.
EDGES = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)]
EDGE_INDEX = {edge: i for i, edge in enumerate(EDGES)}
# Nb201Space.withoutNone(): skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3.
OPS = ["skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
BN_EPS = 1e-5
BN_MOMENTUM = 0.1  # PyTorch convention; DJL's 0.9 is the same update.


class ReluConvBn(nn.Module):
    """ReLU → bias-free conv → batch norm (NAS-Bench-201's ReLUConvBN)."""

    def __init__(self, c_in, c_out, kernel, stride, padding, affine):
        super().__init__()
        self.conv = nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=padding, bias=False)
        self.bn = nn.BatchNorm2d(c_out, eps=BN_EPS, momentum=BN_MOMENTUM, affine=affine)

    def forward(self, x):
        return self.bn(self.conv(F.relu(x)))


class Identity(nn.Module):
    def forward(self, x):
        return x


class AvgPool3x3(nn.Module):
    def forward(self, x):
        return F.avg_pool2d(x, 3, stride=1, padding=1, ceil_mode=False, count_include_pad=False)


def make_op(name, channels, affine=False):
    if name == "skip_connect":
        return Identity()
    if name == "nor_conv_1x1":
        return ReluConvBn(channels, channels, 1, 1, 0, affine=affine)
    if name == "nor_conv_3x3":
        return ReluConvBn(channels, channels, 3, 1, 1, affine=affine)
    if name == "avg_pool_3x3":
        return AvgPool3x3()
    raise ValueError(name)


class MixedEdge(nn.Module):
    """Σ_k α[k] · op_k(x), each α[k] a 0-d slice of the edge's row (as MixedEdge.java)."""

    def __init__(self, channels):
        super().__init__()
        self.ops = nn.ModuleList([make_op(name, channels) for name in OPS])

    def forward(self, x, alpha_row):
        total = None
        for k, op in enumerate(self.ops):
            weighted = op(x) * alpha_row[k]
            total = weighted if total is None else total + weighted
        return total


class SearchCell(nn.Module):
    """node_i = Σ_{j<i} edge_{i<-j}(node_j); outputs node 3. α [6, numOps] is shared by all cells."""

    def __init__(self, channels):
        super().__init__()
        self.edges = nn.ModuleList([MixedEdge(channels) for _ in EDGES])

    def forward(self, x, alpha):
        nodes = [x]
        for to in range(1, NUM_NODES):
            total = None
            for frm in range(to):
                e = EDGE_INDEX[(to, frm)]
                out = self.edges[e](nodes[frm], alpha[e])
                total = out if total is None else total + out
            nodes.append(total)
        return nodes[-1]


class ResidualReduction(nn.Module):
    """ReLUConvBN 3x3/2 → ReLUConvBN 3x3 (affine BN) plus AvgPool 2x2/2 → Conv 1x1 shortcut."""

    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv_a = ReluConvBn(c_in, c_out, 3, 2, 1, affine=True)
        self.conv_b = ReluConvBn(c_out, c_out, 3, 1, 1, affine=True)
        self.shortcut = nn.Conv2d(c_in, c_out, 1, bias=False)

    def forward(self, x):
        residual = self.conv_b(self.conv_a(x))
        # ResidualReduction.java passes ceilMode=false, countIncludePad=false to avgPool2d.
        pooled = F.avg_pool2d(x, 2, stride=2, padding=0, ceil_mode=False, count_include_pad=False)
        return residual + self.shortcut(pooled)


def parse_genotype(text):
    """The op of every edge, in EDGES order, from |op~0|+|op~0|op~1|+|op~0|op~1|op~2|."""
    ops = [part.split("~")[0] for part in text.replace("+", "").split("|") if part]
    if len(ops) != len(EDGES):
        raise ValueError("expected %d edges in %s" % (len(EDGES), text))
    return ops


class DiscreteCell(nn.Module):
    """DiscreteCell.java (AutoDL's InferCell): one op per edge, affine batch norms, 'none' left out."""

    def __init__(self, ops, channels):
        super().__init__()
        self.ops = ops
        self.edges = nn.ModuleList([Identity() if op == "none" else make_op(op, channels, affine=True) for op in ops])

    def forward(self, x):
        nodes = [x]
        for to in range(1, NUM_NODES):
            total = None
            for frm in range(to):
                e = EDGE_INDEX[(to, frm)]
                if self.ops[e] == "none":
                    continue
                out = self.edges[e](nodes[frm])
                total = out if total is None else total + out
            nodes.append(torch.zeros_like(x) if total is None else total)
        return nodes[-1]


class Nb201Network(nn.Module):
    """Nb201Network.java with discrete cells: the network of one genotype (AutoDL's TinyNetwork)."""

    def __init__(self, in_channels, channels, cells_per_stage, num_classes, genotype):
        super().__init__()
        self.net = Nb201Supernet(in_channels, channels, cells_per_stage, num_classes,
                                 cell=lambda c: DiscreteCell(parse_genotype(genotype), c))

    def forward(self, x):
        return self.net(x, None)


class Nb201Supernet(nn.Module):
    def __init__(self, in_channels, channels, cells_per_stage, num_classes, cell=None):
        super().__init__()
        self.discrete = cell is not None
        cell = cell or SearchCell
        self.stem = nn.Conv2d(in_channels, channels, 3, padding=1, bias=False)
        self.stem_bn = nn.BatchNorm2d(channels, eps=BN_EPS, momentum=BN_MOMENTUM, affine=True)
        body = []
        is_cell = []
        c = channels
        for stage in range(3):
            if stage > 0:
                body.append(ResidualReduction(c, 2 * c))
                is_cell.append(False)
                c *= 2
            for _ in range(cells_per_stage):
                body.append(cell(c))
                is_cell.append(True)
        self.body = nn.ModuleList(body)
        self.is_cell = is_cell
        self.last_bn = nn.BatchNorm2d(c, eps=BN_EPS, momentum=BN_MOMENTUM, affine=True)
        self.classifier = nn.Linear(c, num_classes)

    def forward(self, x, alpha):
        x = self.stem_bn(self.stem(x))
        for block, cell in zip(self.body, self.is_cell):
            x = block(x, alpha) if cell and not self.discrete else block(x)
        x = F.relu(self.last_bn(x))
        features = x.reshape(x.shape[0], x.shape[1], -1).mean(dim=2)
        return self.classifier(features)


class SearchStep:
    """SearchStep.java with ExponentiatedGradient and SgdOptimizer(momentum 0.9, wd 3e-4, clip 5)."""

    def __init__(self, net, num_ops, lr, eg_lr):
        self.net = net
        self.params = [p for p in net.parameters() if p.requires_grad]
        self.sgd = torch.optim.SGD(self.params, lr=lr, momentum=0.9, weight_decay=3e-4)
        self.eg_lr = eg_lr
        self.alpha = torch.full((len(EDGES), num_ops), 1.0 / num_ops)

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    def architecture_step(self, x, y):
        """First-order α gradient at the current weights, then the EG update. False if not finite."""
        leaf = self.alpha.clone().requires_grad_(True)
        logits = self.net(x, leaf)
        F.cross_entropy(logits, y).backward()
        self.zero_grad()  # the weights' gradients of this pass are discarded
        grad = leaf.grad
        if not bool(torch.isfinite(grad).all()):
            return False
        with torch.no_grad():
            self.alpha.mul_(torch.exp(-self.eg_lr * grad))
            self.alpha.clamp_(min=1e-5)
            self.alpha.div_(self.alpha.sum(dim=1, keepdim=True))
        return True

    def weight_step(self, x, y):
        """SGD with α fixed. Returns (loss, correct, finite); nothing is updated if not finite."""
        logits = self.net(x, self.alpha.detach())
        loss = F.cross_entropy(logits, y)
        finite = clipped_sgd_step(self.params, self.sgd, loss)
        correct = int((logits.argmax(dim=1) == y).sum())
        return float(loss), correct, finite
