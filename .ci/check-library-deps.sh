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
forbidden='slf4j-(jdk14|simple|log4j12|reload4j|nop|jcl)|logback-classic|log4j-slf4j|pytorch-native-|progressbar|xchart|tribuo-nas-cli'
if grep -Eq "$forbidden" "$tree"; then
    echo "check-library-deps: the library's runtime dependencies include what a library must not bring:" >&2
    grep -E "$forbidden" "$tree" >&2
    exit 1
fi
echo "check-library-deps: OK (no logging binding, no natives, no CLI/report libraries)"
