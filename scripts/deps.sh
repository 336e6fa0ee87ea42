#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Bulkwatch needs to build, run and test; skips what is already there.
set -euo pipefail
packages=(
  cmake ninja-build g++ dpkg-dev libsimdjson-dev
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools
  qtkeychain-qt6-dev libsecret-1-0 libqt6sql6-sqlite libqt6svg6
  dbus gnome-keyring libsecret-tools
  xvfb xauth imagemagick fonts-dejavu-core
  desktop-file-utils appstream nodejs npm
  clang libclang-rt-14-dev qt6-translations-l10n
  prometheus curl python3 man-db
)
missing=()
for p in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
# Node may come from elsewhere (e.g. a nodesource or nvm install): keep it rather than pulling Debian's.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
