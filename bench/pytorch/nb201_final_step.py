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
"""PyTorch twin of examples/.../bench/FinalStepBenchmark.java: one final-training step of the
network of a NAS-Bench-201 genotype (forward, cross-entropy, backward, clip_grad_norm_(5),
SGD momentum 0.9 / wd 3e-4, loss and correct count read), random images made outside the timed
region; one JSON line.

    python3 bench/pytorch/nb201_final_step.py --genotype G [--channels 16] [--cells 1] [--batch 128]
        [--input 1x28x28] [--steps 20] [--warmup 5] [--threads 2] [--channels-last] [--profile TABLE.txt]

The network is the authors' (contiguous NCHW) unless --channels-last converts it and its input to
torch.channels_last, the layout tribuo-nas's final networks use by default. With --profile the timed steps also run under torch.autograd.profiler and its per-op table
(self CPU time) lands in the file.
"""

import argparse
import json
import time

ALL_CONV = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument("--genotype", default=ALL_CONV)
p.add_argument("--channels", type=int, default=16)
p.add_argument("--cells", type=int, default=1)
p.add_argument("--batch", type=int, default=128)
p.add_argument("--input", default="1x28x28")
p.add_argument("--steps", type=int, default=20)
p.add_argument("--warmup", type=int, default=5)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--profile", default="")
p.add_argument("--channels-last", action="store_true",
               help="feed the images in channels-last memory order (the network then runs channels-last)")
args = p.parse_args()

from torch_env import clipped_sgd_step, import_torch  # noqa: E402

torch = import_torch(args.threads)
import torch.nn.functional as F  # noqa: E402

from nb201_supernet import Nb201Network  # noqa: E402

torch.manual_seed(args.seed)
c, h, w = (int(v) for v in args.input.split("x"))
net = Nb201Network(c, args.channels, args.cells, 10, args.genotype)
net.train()
if args.channels_last:
    net = net.to(memory_format=torch.channels_last)
params = [q for q in net.parameters() if q.requires_grad]
sgd = torch.optim.SGD(params, lr=0.05, momentum=0.9, weight_decay=3e-4)
images = torch.randn(args.batch, c, h, w)
labels = torch.randint(0, 10, (args.batch,))
millis = []
profiler = None
for s in range(args.warmup + args.steps):
    if s == args.warmup and args.profile:
        profiler = torch.autograd.profiler.profile()
        profiler.__enter__()
    x = images.contiguous(memory_format=torch.channels_last) if args.channels_last else images.clone()
    start = time.perf_counter()
    logits = net(x)
    loss = F.cross_entropy(logits, labels)
    clipped_sgd_step(params, sgd, loss)
    float(loss)
    int((logits.argmax(dim=1) == labels).sum())
    if s >= args.warmup:
        millis.append((time.perf_counter() - start) * 1e3)
if profiler is not None:
    profiler.__exit__(None, None, None)
    with open(args.profile, "w") as out:
        out.write(profiler.key_averages().table(sort_by="self_cpu_time_total", row_limit=40))
millis.sort()


def percentile(values, q):
    pos = q / 100 * (len(values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (pos - lo) * (values[hi] - values[lo])


print(json.dumps({"side": "pytorch", "genotype": args.genotype, "channels": args.channels, "cells": args.cells,
                  "batch": args.batch, "input": args.input, "steps": args.steps,
                  "channels_last": args.channels_last, "median_ms": round(percentile(millis, 50), 2), "p10_ms": round(percentile(millis, 10), 2),
                  "p90_ms": round(percentile(millis, 90), 2), "versions": "torch " + torch.__version__}))
