#!/usr/bin/env bash
# Installs Debian's CPU PyTorch (python3-torch) for the PyTorch reference benchmark in
# bench/pytorch/. No-op when `import torch` already works.
#
# Debian's package installs into the system interpreter (/usr/bin/python3). If `python3` on PATH
# is another interpreter (pyenv, venv), run the benchmark with /usr/bin/python3; nb201_step.py
# also re-executes itself under /usr/bin/python3 when its own interpreter lacks torch.
set -euo pipefail

if python3 -c 'import torch' >/dev/null 2>&1; then
    python3 -c 'import sys, torch; print("torch", torch.__version__, "already importable from", sys.executable)'
    exit 0
fi
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import torch' >/dev/null 2>&1; then
    /usr/bin/python3 -c 'import torch; print("torch", torch.__version__, "already installed for /usr/bin/python3")'
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

$SUDO apt-get update -qq
apt-cache policy python3-torch
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-torch
/usr/bin/python3 -c 'import torch; print("torch", torch.__version__, "installed for /usr/bin/python3")'
