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
# GAEA vs DARTS vs random cells on Fashion-MNIST (NAS-Bench-201 space): searches with 3 seeds per
# method, 10 random genotypes, every cell trained from scratch with one budget and tested.
# Writes docs/results/results.md, entropy.png and search-comparison.json. Takes about 35 minutes on
# 2 CPU cores with the default budget. Arguments go to the driver, e.g.
#   scripts/run-search-comparison.sh --search-epochs 2 --random 2 --seeds 1 --output /tmp/quick
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
scripts/fetch-fashion-mnist.sh >&2
FROZEN_CLASSES=output/search-comparison/classes JAVA_OPTS="-Xmx8g -Djava.awt.headless=true" \
    exec scripts/run-bench.sh org.tribuo.nas.examples.SearchComparison "$@"
