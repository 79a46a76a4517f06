#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# Runs one benchmark class of examples/ from two builds in alternation (A B A B ...), so that both
# see the same machine drift: each build is a folder holding the compiled `examples` and
# `tribuo-nas` classes (e.g. a copy of examples/target/classes and tribuo-nas/target/classes made at
# a commit; `scripts/bench-ab.sh --freeze DIR` makes one from the current build). Every run's own
# output is printed under a header naming the build and the round. THREADS intra-op threads
# (default 2), ROUNDS rounds (default 3). The dependencies are the current build's classpath.
#   scripts/bench-ab.sh --freeze /tmp/build-a
#   scripts/bench-ab.sh /tmp/build-a /tmp/build-b org.tribuo.nas.examples.bench.SearchStepBenchmark --rows 4
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
cp_file=examples/target/bench-classpath.txt
if [[ "${1:-}" == --freeze ]]; then
    rm -rf "$2" && mkdir -p "$2"
    cp -r examples/target/classes "$2/examples"
    cp -r tribuo-nas/target/classes "$2/tribuo-nas"
    exit 0
fi
a="$1" b="$2"
shift 2
[[ -s "$cp_file" ]] || mvn -q -B -pl examples dependency:build-classpath -Dmdep.outputFile="$PWD/$cp_file" >&2
deps="$(tr ':' '\n' < "$cp_file" | grep -v '/tribuo-nas-[^/]*\.jar$' | paste -sd: -)"
for round in $(seq 1 "${ROUNDS:-3}"); do
    for build in "$a" "$b"; do
        echo "## build $build, round $round, $(date -u +%H:%M:%SZ)"
        # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
        java -Dai.djl.offline=true \
            -Dai.djl.pytorch.num_threads="${THREADS:-2}" -Dai.djl.pytorch.num_interop_threads=1 \
            -Djava.util.logging.config.file=tribuo-nas/src/test/resources/logging.properties ${JAVA_OPTS:-} \
            -cp "$build/examples:$build/tribuo-nas:$deps" "$@" 2>&1 | grep -v "^\[W\|LegacyTypeDispatch"
    done
done
