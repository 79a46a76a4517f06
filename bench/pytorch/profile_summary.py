"""Sums a libtorch Chrome trace (FinalStepBenchmark --profile) per op name: self time (a parent's
time minus its children's, per thread), total time and calls, sorted by self time; one table.

    python3 bench/pytorch/profile_summary.py TRACE.json [--steps N] [--top 40]
"""

import argparse
import collections
import json

p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
p.add_argument("trace")
p.add_argument("--steps", type=int, default=1, help="divide the times by this many steps")
p.add_argument("--top", type=int, default=40)
args = p.parse_args()

with open(args.trace) as f:
    data = json.load(f)
events = data["traceEvents"] if isinstance(data, dict) else data
spans = [e for e in events if e.get("ph") == "X" and "dur" in e]
self_us = collections.Counter()
total_us = collections.Counter()
calls = collections.Counter()
by_thread = collections.defaultdict(list)
for e in spans:
    by_thread[(e.get("pid"), e.get("tid"))].append(e)
for thread in by_thread.values():
    thread.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
    stack = []
    for e in thread:
        start, dur = float(e["ts"]), float(e["dur"])
        while stack and start >= stack[-1][0] + stack[-1][1]:
            stack.pop()
        if stack:
            self_us[stack[-1][2]] -= dur
        self_us[e["name"]] += dur
        total_us[e["name"]] += dur
        calls[e["name"]] += 1
        stack.append((start, dur, e["name"]))
whole = sum(self_us.values())
print(f"| op | self ms/step | share | total ms/step | calls/step |")
print("|---|---:|---:|---:|---:|")
for name, us in self_us.most_common(args.top):
    print(f"| {name} | {us / 1e3 / args.steps:.2f} | {us / whole:.1%} | {total_us[name] / 1e3 / args.steps:.2f} "
          f"| {calls[name] / args.steps:.0f} |")
print(f"| (all) | {whole / 1e3 / args.steps:.2f} | | | |")
