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
# Fetches scikit-learn's copies of two UCI tabular datasets, wine_data.csv and
# breast_cancer.csv, into data/sklearn/ (or the folder given as $1), then prints that folder.
# They come from the Debian package python3-sklearn, which is downloaded and unpacked in a
# temporary folder, never installed. Each file is checked against its sha256 and moved into
# place only when it matches; files already there and intact are kept, so a second run does
# nothing. See tribuo-nas/src/test/resources/org/tribuo/nas/tabular/README.md for the format,
# the licences and the citations.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${1:-$REPO_ROOT/data/sklearn}"
PACKAGE=python3-sklearn
SRC_DIR=usr/lib/python3/dist-packages/sklearn/datasets/data

declare -A SHA256=(
    [wine_data.csv]=10e8a802908b34f86e5da8ce962f3c806694bc98450a18f61851af59f324bede
    [breast_cancer.csv]=fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed
)

die() {
    echo "fetch-sklearn-csv: $*" >&2
    exit 1
}

sha() {
    sha256sum "$1" | cut -d' ' -f1
}

intact() {
    [ -f "$1" ] && [ "$(sha "$1")" = "$2" ]
}

missing=()
for f in "${!SHA256[@]}"; do
    intact "$DEST/$f" "${SHA256[$f]}" || missing+=("$f")
done

if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || die "apt-get is not available; copy ${missing[*]} from $SRC_DIR of the Debian package $PACKAGE into $DEST"
    command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb is not available"
    mkdir -p "$DEST"
    tmp="$(mktemp -d "$DEST/.fetch.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    # Download only (no install); refresh the package lists once if they are empty or stale.
    if ! (cd "$tmp" && apt-get download "$PACKAGE" >/dev/null 2>&1); then
        if [ "$(id -u)" -eq 0 ]; then
            echo "fetch-sklearn-csv: refreshing package lists" >&2
            apt-get update >/dev/null
        elif command -v sudo >/dev/null 2>&1; then
            sudo apt-get update >/dev/null
        else
            die "apt-get download $PACKAGE failed; run 'apt-get update' as root and try again"
        fi
        (cd "$tmp" && apt-get download "$PACKAGE") || die "apt-get download $PACKAGE failed"
    fi
    deb="$(ls "$tmp"/"$PACKAGE"_*.deb 2>/dev/null | head -n 1)"
    [ -n "$deb" ] || die "apt-get download left no $PACKAGE .deb"
    dpkg-deb -x "$deb" "$tmp/pkg"
    for f in "${missing[@]}"; do
        src="$tmp/pkg/$SRC_DIR/$f"
        [ -f "$src" ] || die "$(basename "$deb") has no $SRC_DIR/$f"
        actual="$(sha "$src")"
        [ "$actual" = "${SHA256[$f]}" ] || die "$f from $(basename "$deb"): sha256 $actual, expected ${SHA256[$f]}"
        # Same file system: the rename is atomic, so $DEST never holds a partial file.
        cp "$src" "$tmp/$f"
        mv -f "$tmp/$f" "$DEST/$f"
    done
fi

# Keep the downloaded data out of git.
# Tribuo-readable copies: a header (f00..fNN,label), class names as labels, and a fixed split
# (every 4th row is a test row) into <name>-train.csv and <name>-test.csv, written atomically.
for f in "${!SHA256[@]}"; do
    name="${f%.csv}"
    name="${name%_data}"
    for part in train test; do
        out="$DEST/$name-$part.csv"
        [ -f "$out" ] && [ "$out" -nt "$DEST/$f" ] && continue
        awk -F, -v part="$part" '
            NR == 1 { n = $2; for (i = 3; i <= NF; i++) names[i - 3] = $i;
                      for (i = 0; i < n; i++) printf "f%02d,", i; print "label"; next }
            { row = NR - 2; test = (row % 4 == 0);
              if ((part == "test") != test) next;
              for (i = 1; i <= n; i++) printf "%s,", $i; print names[$(n + 1)] }' "$DEST/$f" > "$out.tmp"
        mv -f "$out.tmp" "$out"
    done
done

[ -f "$DEST/.gitignore" ] || printf '*\n' > "$DEST/.gitignore"
echo "$DEST"
