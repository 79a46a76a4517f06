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
# Times single depthwise convolutions (forward + backward) of the DARTS-space supernet's shapes
# as Conv2d runs them and as DepthwiseConvolution rewrites them (polyphase for dilation, column
# split for 5x5), and prints a markdown table. Builds first unless SKIP_BUILD=1.
#   scripts/bench-depthwise.sh [--repeats 31] [--warmup 5]
exec "$(dirname "$0")/run-bench.sh" org.tribuo.nas.examples.bench.DepthwiseConvolutionBenchmark "$@"
