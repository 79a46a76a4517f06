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
# (then the classes and the classpath file of an earlier build are used). FROZEN_CLASSES=DIR runs
# from a copy of the compiled classes in DIR (for long runs); JAVA_OPTS adds JVM options after the
# defaults, so they win (e.g. -Dai.djl.offline=false); NO_CPU_NATIVES=1 leaves the PyTorch CPU
# natives jar out, so that DJL loads PYTORCH_LIBRARY_PATH's libtorch or, online, downloads CUDA ones.
#   scripts/run-bench.sh org.tribuo.nas.examples.bench.DartsStepBenchmark --rows 1
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
cp_file=examples/target/bench-classpath.txt
if [[ "${SKIP_BUILD:-0}" != 1 || ! -s "$cp_file" ]]; then
    # Maven's output goes to stderr so that stdout is only the benchmark's report.
    mvn -q -B -DskipTests install -pl examples -am >&2
    mvn -q -B -pl examples dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >&2
fi
# tribuo-nas/target/classes first: the freshly built library wins over the installed jar.
classes="examples/target/classes:tribuo-nas/target/classes"
deps="$(cat "$cp_file")"
if [[ -n "${FROZEN_CLASSES:-}" ]]; then
    # A long run keeps its own copy of the compiled classes, so that builds made while it runs
    # (which rewrite target/classes and the installed tribuo-nas jar) cannot break it.
    rm -rf "$FROZEN_CLASSES"
    mkdir -p "$FROZEN_CLASSES"
    cp -r examples/target/classes "$FROZEN_CLASSES/examples"
    cp -r tribuo-nas/target/classes "$FROZEN_CLASSES/tribuo-nas"
    classes="$FROZEN_CLASSES/examples:$FROZEN_CLASSES/tribuo-nas"
    deps="$(tr ':' '\n' <<< "$deps" | grep -v '/tribuo-nas-[^/]*\.jar$' | paste -sd: -)"
fi
if [[ "${NO_CPU_NATIVES:-0}" == 1 ]]; then
    deps="$(tr ':' '\n' <<< "$deps" | grep -v '/pytorch-native-cpu-[^/]*\.jar$' | paste -sd: -)"
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java \
  -Dai.djl.offline=true \
  -Dai.djl.pytorch.num_threads="${THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
  -Djava.util.logging.config.file=tribuo-nas/src/test/resources/logging.properties \
  ${JAVA_OPTS:-} \
  -cp "$classes:$deps" \
  "$@"
