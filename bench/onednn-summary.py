#!/usr/bin/env python3
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
"""Sums a oneDNN verbose log by primitive, pass, implementation and convolution kind.

Run a benchmark with ONEDNN_VERBOSE=1 (libtorch's oneDNN prints one line per primitive run,
with its implementation and time), then give the log and the number of steps in it:

    ONEDNN_VERBOSE=1 SKIP_BUILD=1 scripts/bench-darts-step.sh --rows 16:8:4:3x32x32 --steps 3 \\
        --warmup 2 > /tmp/onednn.log 2>/dev/null
    python3 bench/onednn-summary.py /tmp/onednn.log --steps 5

Convolutions are classed as dense, grouped or depthwise, with their kernel size, dilation and
stride; "x64:gemm" rows are the im2col + GEMM fallback that oneDNN uses where it has no direct
kernel. Also reads the logs of Debian's PyTorch 1.13 (DNNL_VERBOSE=1, oneDNN 2.x line format).
"""
import argparse
import collections
import re


def parse(line):
    fields = line.rstrip().split(",")
    if fields[:2] == ["onednn_verbose", "v1"]:  # oneDNN 3.x: onednn_verbose,v1,primitive,exec,cpu,...
        fields = fields[2:]
        if fields[:2] != ["primitive", "exec"]:
            return None
        fields = fields[1:]
    elif len(fields) > 1 and fields[0] == "onednn_verbose" and fields[1] == "exec":  # oneDNN 2.x
        fields = fields[1:]
    else:
        return None
    # exec, engine, primitive, implementation, pass, ..., problem, time
    try:
        return fields[2], fields[3], fields[4], fields[-2], float(fields[-1])
    except (IndexError, ValueError):
        return None


def convolution_kind(problem):
    shape = re.search(r"kh(\d+)sh(\d+)dh(\d+)", problem)
    groups = re.match(r"g(\d+)(?:mb\d+_)?ic(\d+)oc(\d+)", problem)
    if groups:
        kind = "depthwise" if groups.group(1) == groups.group(2) == groups.group(3) else "grouped"
    else:
        kind = "dense"
    if not shape:
        return kind
    kernel, stride, dilation = shape.groups()
    return f"{kind} k{kernel}" + (" dilated" if dilation != "0" else "") + (f" stride {stride}" if stride != "1" else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("log")
    parser.add_argument("--steps", type=float, default=1.0, help="steps (arch + weight pairs) in the log")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    totals = collections.Counter()
    calls = collections.Counter()
    with open(args.log, errors="replace") as f:
        for line in f:
            parsed = parse(line)
            if parsed is None:
                continue
            primitive, implementation, prop, problem, ms = parsed
            if primitive == "convolution":
                key = (primitive, prop, implementation, convolution_kind(problem))
            else:
                key = (primitive, "", implementation, "")
            totals[key] += ms
            calls[key] += 1
    everything = sum(totals.values())
    print(f"| primitive | pass | implementation | convolution | calls / step | ms / step | share |")
    print("|---|---|---|---|---:|---:|---:|")
    for key, ms in totals.most_common(args.top):
        print(f"| {' | '.join(key)} | {calls[key] / args.steps:.0f} | {ms / args.steps:.1f} | {100 * ms / everything:.1f} % |")
    print(f"| all | | | | {sum(calls.values()) / args.steps:.0f} | {everything / args.steps:.1f} | 100 % |")


if __name__ == "__main__":
    main()
