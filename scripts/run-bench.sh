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
# Runs a benchmark class of examples/ with the settings its numbers depend on: offline DJL, THREADS
# intra-op threads (default 2), the glibc allocator settings. Builds first unless SKIP_BUILD=1
# (then the classes and the classpath file of an earlier build are used).
#   scripts/run-bench.sh org.tribuo.nas.examples.bench.DartsStepBenchmark --rows 1
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
cp_file=examples/target/bench-classpath.txt
if [[ "${SKIP_BUILD:-0}" != 1 || ! -s "$cp_file" ]]; then
    # Maven's output goes to stderr so that stdout is only the benchmark's report.
    mvn -q -B -DskipTests install >&2
    mvn -q -B -pl examples dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >&2
fi
# tribuo-nas/target/classes first: the freshly built library wins over the installed jar.
exec java \
  -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Djava.util.logging.config.file=tribuo-nas/src/test/resources/logging.properties \
  -cp "examples/target/classes:tribuo-nas/target/classes:$(cat "$cp_file")" \
  "$@"
