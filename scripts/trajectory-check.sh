#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# Trajectory-equality check of the search step against the PyTorch port: the Java side
# (examples/.../parity/TrajectoryCheck.java) builds the supernet, writes its initial weights and
# the batches of every step, and runs 20 GAEA search steps with the plain cells (and the fused
# NAS-Bench-201 cells); bench/pytorch/search_parity.py loads the same weights and batches, runs
# the same steps with PyTorch and prints per step the loss and the largest α/β difference.
# Exits non-zero when the two sides differ beyond the stated tolerances.
#
#   scripts/trajectory-check.sh [nas-bench-201|darts ...]     (default: both spaces)
# Env: THREADS (2), STEPS (20), SEED (1), OUT (target/trajectory). Needs the Fashion-MNIST package
# (scripts/fetch-fashion-mnist.sh) and python3-torch (scripts/install-python-torch.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-fashion-mnist.sh >&2
scripts/install-python-torch.sh >&2
spaces=("$@")
[ ${#spaces[@]} -gt 0 ] || spaces=(nas-bench-201 darts)
status=0
first=1
for space in "${spaces[@]}"; do
    out="${OUT:-target/trajectory}/$space"
    rm -rf "$out"
    SKIP_BUILD=$((1 - first)) scripts/run-bench.sh org.tribuo.nas.examples.parity.TrajectoryCheck \
        --space "$space" --steps "${STEPS:-20}" --seed "${SEED:-1}" --out "$out" >&2
    first=0
    echo "## $space"
    echo
    python3 bench/pytorch/search_parity.py trajectory "$out" --threads "${THREADS:-2}" || status=1
    echo
done
exit $status
