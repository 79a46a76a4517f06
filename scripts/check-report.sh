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
# Opens a search report (report.html) in headless Chromium, with the network off, and fails if
# the page reports a script error, does not finish its script, misses a section, or loads
# anything from outside the file. Writes a screenshot next to the report (report.png).
# Installs Chromium with apt-get when it is missing.
#
# Usage: scripts/check-report.sh [REPORT]   (default: a fresh run of examples/config/fixture-tiny.xml)
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-}"
if [ -z "$report" ]; then
    bin/tribuo-nas search --config examples/config/fixture-tiny.xml --output output/report-check --no-progress >/dev/null
    report=output/report-check/report.html
fi
[ -f "$report" ] || { echo "no report at $report" >&2; exit 2; }
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "installing chromium (apt-get)..." >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
    browser=$(command -v chromium)
fi
url="file://$(readlink -f "$report")"
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-extensions
       --disable-sync --no-first-run --proxy-server=127.0.0.1:9 --virtual-time-budget=5000)
dom=$(mktemp)
trap 'rm -f "$dom"' EXIT
"$browser" "${flags[@]}" --dump-dom "$url" >"$dom" 2>/dev/null
"$browser" "${flags[@]}" --window-size=1280,2400 --screenshot="$(dirname "$report")/report.png" "$url" >/dev/null 2>&1

status=0
fail() { echo "FAIL: $*"; status=1; }
grep -q 'data-ready="yes"' "$dom" || fail "the page's script did not finish"
errors=$(sed -n 's:.*<pre id="errors">\(.*\)</pre>.*:\1:p' "$dom" | head -1)
[ -z "$errors" ] || fail "script error shown on the page: $errors"
for section in summary cell metrics entropy curves alpha provenance; do
    grep -q "<section id=\"$section\">" "$dom" || fail "section '$section' is missing"
done
grep -qE '(src|href)="(https?:)?//' "$dom" && fail "the page refers to the network"
[ "$(grep -o '<img[^>]*src="data:image/png' "$dom" | wc -l)" -ge 2 ] || fail "the charts are missing"
grep -q '<svg' "$dom" || fail "the cell drawing is missing"
visible=$(grep -c '<div class="alpha" data-epoch="[0-9]*">' "$dom" || true)
[ "$visible" -eq 1 ] || fail "expected one visible alpha table, found $visible"
if [ "$status" -eq 0 ]; then
    echo "PASS: $report renders in headless Chromium ($("$browser" --version 2>/dev/null)): every section, no script error, nothing fetched; screenshot $(dirname "$report")/report.png"
fi
exit "$status"
