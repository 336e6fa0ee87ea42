#!/usr/bin/env bash
# with-keyring.sh COMMAND [ARGS...]: runs COMMAND in a private D-Bus session with an unlocked, throw-away
# gnome-keyring, so QtKeychain talks to a real Secret Service (and never to the user's). Used by scripts/test.sh on
# the host and by scripts/test-debian13.sh inside the chroot. Exits with COMMAND's status.
set -euo pipefail
tmp="$(mktemp -d)"
mkdir -p -m 700 "$tmp/data" "$tmp/run"
trap 'rm -rf "$tmp"' EXIT
# No desktop variables: QtKeychain would pick KWallet from KDE's, and a DISPLAY can make a keychain call prompt.
env -u DISPLAY -u WAYLAND_DISPLAY -u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION -u KDE_SESSION_VERSION \
    -u KDE_FULL_SESSION -u GNOME_DESKTOP_SESSION_ID -u DBUS_SESSION_BUS_ADDRESS \
    XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" HOME="$tmp" BULKWATCH_TEST_KEYRING=1 \
    dbus-run-session -- bash -c '
      set -euo pipefail
      printf %s throwaway-password | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
      keyring=$!
      trap "kill $keyring 2>/dev/null || true" EXIT
      # The name must be owned before anything asks for it, or D-Bus activation starts a second, locked daemon.
      owner=""
      for _ in $(seq 100); do
        owner="$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
          org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null || true)"
        [[ "$owner" == *"boolean true"* ]] && break
        sleep 0.1
      done
      [[ "$owner" == *"boolean true"* ]] || echo "warning: gnome-keyring did not take org.freedesktop.secrets" >&2
      "$@"
    ' bash "$@"
