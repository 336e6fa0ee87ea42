#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite, with a real (throw-away) keychain.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh"
(cd "$root/tests/conformance" && npm ci --no-audit --no-fund --loglevel=error)

# A private session bus with an unlocked, throw-away gnome-keyring: QtKeychain talks to the real Secret Service.
tmp="$(mktemp -d)"
mkdir -p -m 700 "$tmp/data" "$tmp/run"
trap 'rm -rf "$tmp"' EXIT
env -u DISPLAY -u WAYLAND_DISPLAY -u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION -u KDE_SESSION_VERSION \
    -u KDE_FULL_SESSION -u GNOME_DESKTOP_SESSION_ID -u DBUS_SESSION_BUS_ADDRESS \
    XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" HOME="$tmp" BULKWATCH_TEST_KEYRING=1 \
    dbus-run-session -- bash -c '
      set -euo pipefail
      printf %s throwaway-password | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
      keyring=$!
      trap "kill $keyring 2>/dev/null || true" EXIT
      for _ in $(seq 100); do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
          org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
        sleep 0.1
      done
      cd "$1/build" && ctest --output-on-failure -j2 "${@:2}"
    ' bash "$root" "$@"
