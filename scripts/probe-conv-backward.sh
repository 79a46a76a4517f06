#!/usr/bin/env bash
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
#
# The known issue of libtorch's CPU convolution backward (docs/known-issues.md), probed with
# oneDNN's default instruction set and limited to AVX2, 1 and 2 threads, in alternation:
#   scripts/probe-conv-backward.sh [--reps N]
set -euo pipefail
cd "$(dirname "$0")/.."
probe=org.tribuo.nas.examples.bench.ConvBackwardProbe
SKIP_BUILD="${SKIP_BUILD:-0}" scripts/run-bench.sh "$probe" --reps 1 > /dev/null
for threads in 1 2; do
    for isa in default AVX2; do
        if [[ "$isa" == default ]]; then
            SKIP_BUILD=1 THREADS=$threads scripts/run-bench.sh "$probe" "$@"
        else
            ONEDNN_MAX_CPU_ISA=$isa SKIP_BUILD=1 THREADS=$threads scripts/run-bench.sh "$probe" "$@"
        fi
        echo
    done
done
