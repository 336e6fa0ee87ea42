#!/usr/bin/env bash
# CTest: starts the real app on its demo under Xvfb and saves a screenshot of the screen (kept by CI).
set -euo pipefail
app="$1"; out="$2"
mkdir -p "$(dirname "$out")"
export HOME="$(mktemp -d)"
export QT_QPA_PLATFORM=xcb # a real X window, whatever the caller set
xvfb-run -a -s "-screen 0 1320x800x24" bash -c '
  "$0" --demo & pid=$!
  # Under load the first paint can take a while: look until there is a real picture (a minute at most).
  for _ in $(seq 60); do
    sleep 1
    import -window root "$1" 2>/dev/null || continue
    [ "$(convert "$1" -format %k info:)" -gt 50 ] && sleep 3 && import -window root "$1" && break
  done
  kill $pid; wait $pid 2>/dev/null || true
' "$app" "$out"
colors=$(convert "$out" -format %k info:)
echo "screenshot $out: $(identify -format %wx%h "$out"), $colors colours"
[ "$colors" -gt 50 ]
