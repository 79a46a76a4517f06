#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# Checks that the library's runtime dependency tree (what a consumer of org.tribuo.nas:tribuo-nas
# gets) holds no slf4j binding, no PyTorch natives and none of the CLI's libraries. Prints the tree.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=$(mktemp)
trap 'rm -f "$tree"' EXIT
mvn -q -B -pl tribuo-nas dependency:tree -Dscope=runtime -DoutputFile="$tree" >&2
cat "$tree"
forbidden='slf4j-(jdk14|simple|log4j12|reload4j|nop|jcl)|logback-classic|log4j-slf4j|pytorch-native-|progressbar|xchart|tribuo-nas-cli|org.apache.spark'
if grep -Eq "$forbidden" "$tree"; then
    echo "check-library-deps: the library's runtime dependencies include what a library must not bring:" >&2
    grep -E "$forbidden" "$tree" >&2
    exit 1
fi
echo "check-library-deps: OK (no logging binding, no natives, no CLI/report libraries)"
# The Spark module is optional: neither the library (above) nor the command line may need Spark.
cli_tree=$(mktemp)
trap 'rm -f "$tree" "$cli_tree"' EXIT
mvn -q -B -pl tribuo-nas-cli dependency:tree -Dscope=runtime -DoutputFile="$cli_tree" >&2
if grep -Eq 'org.apache.spark|scala-library' "$cli_tree"; then
    echo "check-library-deps: the command line's runtime dependencies include Spark or Scala:" >&2
    grep -E 'org.apache.spark|scala-library' "$cli_tree" >&2
    exit 1
fi
echo "check-library-deps: OK (the command line runs without Spark)"
