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
# Makes sure the full Fashion-MNIST (Zalando Research, MIT licence) is installed and intact,
# then prints its directory. Installs the Debian package dataset-fashion-mnist when missing
# and checks the decompressed md5s once; a marker file makes later runs instant.
set -euo pipefail

DATA_DIR=/usr/share/datasets/fashion-mnist
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/tribuo-nas"
MARKER="$CACHE_DIR/fashion-mnist.verified"

declare -A MD5=(
    [train-images-idx3-ubyte.gz]=f4a8712d7a061bf5bd6d2ca38dc4d50a
    [train-labels-idx1-ubyte.gz]=9018921c3c673c538a1fc5bad174d6f9
    [t10k-images-idx3-ubyte.gz]=8181f5470baa50b63fa0f6fddb340f0a
    [t10k-labels-idx1-ubyte.gz]=15d484375f8d13e6eb1aabb0c3f46965
)

die() {
    echo "fetch-fashion-mnist: $*" >&2
    exit 1
}

install_package() {
    command -v apt-get >/dev/null 2>&1 || die "$DATA_DIR is missing and this machine has no apt-get.
  Get the four IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,
  t10k-labels-idx1-ubyte.gz) from https://github.com/zalandoresearch/fashion-mnist (folder data/fashion),
  then either copy them to $DATA_DIR, or point the configuration at them, e.g.
    bin/tribuo-nas search --config examples/config/fashion-mnist.xml \\
      --set train-source.featuresPath=DIR/train-images-idx3-ubyte.gz --set train-source.outputPath=DIR/train-labels-idx1-ubyte.gz \\
      --set test-source.featuresPath=DIR/t10k-images-idx3-ubyte.gz --set test-source.outputPath=DIR/t10k-labels-idx1-ubyte.gz"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "not root and sudo is not available; run: apt-get update && apt-get install -y dataset-fashion-mnist"
        sudo=(sudo)
    fi
    echo "fetch-fashion-mnist: installing dataset-fashion-mnist" >&2
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y dataset-fashion-mnist
}

if [ ! -f "$DATA_DIR/train-images-idx3-ubyte.gz" ]; then
    install_package
fi

# The marker records the size and mtime of each file, so a changed file is checked again.
stamp() {
    local f
    for f in "${!MD5[@]}"; do
        [ -f "$DATA_DIR/$f" ] || die "missing $DATA_DIR/$f"
        echo "$f $(stat -c '%s %Y' "$DATA_DIR/$f")"
    done | sort
}
current="$(stamp)"

if [ ! -f "$MARKER" ] || [ "$(cat "$MARKER")" != "$current" ]; then
    for f in "${!MD5[@]}"; do
        actual="$(gzip -dc "$DATA_DIR/$f" | md5sum | cut -d' ' -f1)"
        [ "$actual" = "${MD5[$f]}" ] \
            || die "$DATA_DIR/$f: decompressed md5 $actual, expected ${MD5[$f]}"
    done
    mkdir -p "$CACHE_DIR"
    printf '%s\n' "$current" > "$MARKER"
fi

echo "$DATA_DIR"
