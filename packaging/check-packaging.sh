#!/usr/bin/env bash
# CTest: validates the desktop file and AppStream metainfo, checks the Flatpak manifest is valid JSON,
# builds the .deb with CPack, installs it, runs the installed bulkwatch (--version and an offscreen start),
# and removes it again.
set -euo pipefail
build="$1"
here="$(cd "$(dirname "$0")" && pwd)"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
desktop-file-validate "$here/io.github.bulkwatch.Bulkwatch.desktop"
appstreamcli validate --no-net "$here/io.github.bulkwatch.Bulkwatch.metainfo.xml"
python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); assert m["app-id"]=="io.github.bulkwatch.Bulkwatch"; assert "--talk-name=org.freedesktop.secrets" in m["finish-args"]; print("flatpak manifest: valid JSON,", len(m["modules"]), "modules")' \
    "$here/flatpak/io.github.bulkwatch.Bulkwatch.json"
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
has "$contents" "usr/share/applications/io.github.bulkwatch.Bulkwatch.desktop"
has "$contents" "usr/share/metainfo/io.github.bulkwatch.Bulkwatch.metainfo.xml"
has "$contents" "usr/share/icons/hicolor/scalable/apps/io.github.bulkwatch.Bulkwatch.svg"
$sudo dpkg -i "$deb" >/dev/null
trap '$sudo dpkg -r bulkwatch >/dev/null 2>&1 || true; rm -rf "$out"' EXIT
installed="$(dpkg -L bulkwatch | grep '/bin/bulkwatch$')"
"$installed" --version
painted="$(HOME="$out" QT_QPA_PLATFORM=offscreen BULKWATCH_EXIT_AFTER_FIRST_PAINT=1 timeout 60 "$installed" --history "$out/h.sqlite")"
has "$painted" first-paint
echo "installed bulkwatch started offscreen and painted its window"
$sudo dpkg -r bulkwatch >/dev/null
! dpkg -s bulkwatch >/dev/null 2>&1
echo "removed again"
