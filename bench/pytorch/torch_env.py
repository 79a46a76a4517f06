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
"""What every PyTorch reference script shares: importing Debian's torch with fixed threads, and the
clipped SGD weight update of tribuo-nas's SgdOptimizer."""

import math
import os
import sys

SYSTEM_PYTHON = "/usr/bin/python3"


def import_torch(threads):
    """Imports torch with `threads` intra-op threads and 1 inter-op thread (before any op). Debian's
    python3-torch lives in the system interpreter; if `python3` is another one (pyenv, venv), the
    calling script is re-executed under /usr/bin/python3."""
    try:
        import torch
    except ImportError:
        if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) and os.access(SYSTEM_PYTHON, os.X_OK):
            print("[bench] torch not importable from %s; re-running under %s" % (sys.executable, SYSTEM_PYTHON),
                  file=sys.stderr)
            os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(sys.argv[0])] + sys.argv[1:])
        sys.exit("torch is not installed; run scripts/install-python-torch.sh")
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    return torch


def clipped_sgd_step(params, sgd, loss, max_norm=5.0):
    """Backward, clip the global gradient norm, SGD step (skipped if the norm is not finite), clear
    the gradients. Returns whether the step was taken."""
    import torch
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(params, max_norm)
    finite = math.isfinite(float(norm))
    if finite:
        sgd.step()
    for p in params:
        p.grad = None
    return finite
