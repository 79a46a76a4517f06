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
# Memory soak: 1000 GAEA search steps on the Fashion-MNIST fixture, resident memory sampled every
# 50 steps; prints a table and the slope in MB per 1000 steps. Arguments go to the harness, e.g.
#   scripts/bench-soak.sh --steps 2000 --every 100
set -euo pipefail
cd "$(dirname "$0")/.."
# Offline DJL and the glibc settings every benchmark here runs with (the CLI launcher sets the same).
source scripts/java-env.sh
mvn -q -B -o -DskipTests install >&2 || mvn -q -B -DskipTests install >&2
cp_file=examples/target/examples-classpath.txt
mvn -q -B -o -pl examples dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >&2 \
  || mvn -q -B -pl examples dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >&2
exec java -Xmx2g \
  -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Djava.util.logging.config.file=examples/logging.properties \
  -cp "examples/target/classes:$(cat "$cp_file")" \
  org.tribuo.nas.examples.bench.SoakBenchmark "$@"
