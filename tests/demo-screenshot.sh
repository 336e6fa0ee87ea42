#!/usr/bin/env bash
# CTest: starts the real app on its demo under Xvfb and saves a screenshot of the screen (kept by CI).
set -euo pipefail
app="$1"; out="$2"
mkdir -p "$(dirname "$out")"
export HOME="$(mktemp -d)"
xvfb-run -a -s "-screen 0 1320x800x24" bash -c '
  "$0" --demo & pid=$!
  sleep 8
  import -window root "$1"
  kill $pid; wait $pid 2>/dev/null || true
' "$app" "$out"
# A real picture: mostly not one colour.
colors=$(convert "$out" -format %k info:)
echo "screenshot $out: $(identify -format %wx%h "$out"), $colors colours"
[ "$colors" -gt 50 ]
