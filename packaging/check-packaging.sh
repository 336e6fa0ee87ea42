#!/usr/bin/env bash
# CTest: validates the desktop file and AppStream metainfo, checks the Flatpak manifest against the code,
# builds the .deb with CPack, installs it, runs the installed bulkwatch (--version and an offscreen start),
# and removes it again.
set -euo pipefail
build="$1"
here="$(cd "$(dirname "$0")" && pwd)"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
desktop-file-validate "$here/io.github.bulkwatch.Bulkwatch.desktop"
appstreamcli validate --no-net "$here/io.github.bulkwatch.Bulkwatch.metainfo.xml"
# The Flatpak manifest must name what the code has (app id, installed binary, desktop and metainfo files).
named="$(python3 "$here/check-manifest.py" "$here/..")"
read -r app_id command <<<"$named"
echo "flatpak manifest: app id $app_id, command $command, as the code names them"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb="$(ls "$out"/*.deb)"
echo "built $(basename "$deb"):"
dpkg-deb -f "$deb" Package Version Depends Recommends
# Output is captured before it is matched: `producer | grep -q` under pipefail fails whenever grep exits at the
# first match and the producer is killed by SIGPIPE (seen in CI).
depends="$(dpkg-deb -f "$deb" Depends)"
contents="$(dpkg-deb -c "$deb")"
has() { [[ "$1" == *"$2"* ]] || { echo "missing from the package: $2" >&2; return 1; }; }
has "$depends" libsecret-1-0
# Man pages and bash completion, where man(1) and bash-completion look for them.
has "$contents" "usr/share/man/man1/bulkwatch.1.gz"
has "$contents" "usr/share/man/man1/bulkwatch-sim.1.gz"
has "$contents" "usr/share/bash-completion/completions/bulkwatch"
has "$contents" "usr/share/bash-completion/completions/bulkwatch-sim"
# What the manifest names is what CMake installs.
has "$contents" "usr/bin/$command"
has "$contents" "usr/share/applications/$app_id.desktop"
has "$contents" "usr/share/metainfo/$app_id.metainfo.xml"
has "$contents" "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
# dpkg refuses at once while another apt/dpkg run holds its lock (seen on a busy developer machine); wait for it.
dpkg_waiting() {
  local i log
  for i in $(seq 1 90); do
    log="$($sudo dpkg "$@" 2>&1)" && return 0
    [[ "$log" == *"lock"* ]] || { echo "$log" >&2; return 1; }
    sleep 2
  done
  echo "$log" >&2; return 1
}
dpkg_waiting -i "$deb"
trap '$sudo dpkg -r bulkwatch >/dev/null 2>&1 || true; rm -rf "$out"' EXIT
installed="$(dpkg -L bulkwatch | grep '/bin/bulkwatch$')"
"$installed" --version
# The installed man pages render without warnings and name the installed binary's commands.
for page in bulkwatch bulkwatch-sim; do
    warnings="$(MANWIDTH=80 man --warnings=all -l "/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null || true)"
    [ -z "$warnings" ] || { echo "man $page: $warnings" >&2; exit 1; }
done
rendered="$(MANWIDTH=200 man -l /usr/share/man/man1/bulkwatch.1.gz 2>/dev/null)"
has "$rendered" "watch --endpoint URL --job ID"
# The installed completion completes the installed binary's commands.
completed="$(bash -c 'source /usr/share/bash-completion/completions/bulkwatch; COMP_WORDS=(bulkwatch ""); COMP_CWORD=1; _bulkwatch; echo "${COMPREPLY[*]}"')"
has "$completed" "status list watch create commit abort"
echo "man pages and bash completion installed"
painted="$(HOME="$out" QT_QPA_PLATFORM=offscreen BULKWATCH_EXIT_AFTER_FIRST_PAINT=1 timeout 60 "$installed" --history "$out/h.sqlite")"
has "$painted" first-paint
echo "installed bulkwatch started offscreen and painted its window"
dpkg_waiting -r bulkwatch
! dpkg -s bulkwatch >/dev/null 2>&1
echo "removed again"
