#!/usr/bin/env bash
# Builds Bulkwatch with -Werror and runs its test suite against Debian 13 (trixie: Qt 6.8, QtKeychain 0.15) in a
# chroot made with debootstrap from the Debian mirror apt uses on this machine. The chroot is cached under
# build-debian13/ (gitignored): a second run skips debootstrap and the packages and, through ccache, most of the
# compiling. Needs root (debootstrap, mount, chroot). Prints how long each stage took.
#
#   scripts/test-debian13.sh [--build-only | --test-only] [ctest arguments...]
#     --build-only: make the chroot and build, no tests (.ci/run does this in the background, at low priority,
#                   while the host's own stage runs); --test-only: run the suite on that build.
#   BULKWATCH_DEBIAN_MIRROR=http://...  overrides the mirror read from /etc/apt/sources.list{,.d/*}
#   BULKWATCH_DEBIAN13_FRESH=1          throws the cached chroot away first
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/build-debian13"
dir="$cache/chroot"
suite=trixie

mode=all
case "${1:-}" in
    --build-only) mode=build; shift ;;
    --test-only) mode=test; shift ;;
esac

[ "$(id -u)" -eq 0 ] || { echo "test-debian13.sh: needs root (debootstrap, mount, chroot); run it with sudo" >&2; exit 1; }

# --- timing -------------------------------------------------------------------------------------------------------
declare -a timings=()
stage_start=0
stage_name=""
begin() { stage_name="$1"; stage_start=$SECONDS; echo "== [debian13] $1"; }
end() {
    local took=$((SECONDS - stage_start))
    timings+=("$(printf '%-34s %4ds%s' "$stage_name" "$took" "${1:+  ($1)}")")
    echo "== [debian13] $stage_name: ${took}s${1:+ ($1)}"
    stage_name=""
}
report() {
    [ -n "$stage_name" ] && timings+=("$(printf '%-34s %4ds  (failed)' "$stage_name" $((SECONDS - stage_start)))")
    echo "== [debian13] stage timings:"
    printf '   %s\n' "${timings[@]}"
    printf '   %-34s %4ds\n' total "$SECONDS"
}

# --- mounts: made for the run, always undone --------------------------------------------------------------------
mounted=()
mnt() { # mnt TARGET mount-args...
    local target="$dir$1"; shift
    mountpoint -q "$target" && return 0
    mkdir -p "$target"
    mount "$@" "$target"
    mounted=("$target" "${mounted[@]}")
}
cleanup() {
    local rc=$?
    for m in "${mounted[@]}"; do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || echo "test-debian13.sh: could not unmount $m" >&2
    done
    report
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the mirror apt uses here -----------------------------------------------------------------------------------
host_mirror() {
    local codename f
    codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
    # deb822 (*.sources): the URIs of a stanza whose Suites name this release (not its -security suite).
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk -v c="$codename" '
            /^[[:space:]]*$/ { if (uri != "" && ok) { print uri; exit } uri = ""; ok = 0; next }
            /^URIs:/ { uri = $2 }
            /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == c) ok = 1 }
            END { if (uri != "" && ok) print uri }' "$f"
    done
    # one-line format: deb URI SUITE COMPONENTS
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk -v c="$codename" '$1 == "deb" { u = $2; s = $3; if ($2 ~ /^\[/) { u = $3; s = $4 } if (s == c) print u }' "$f"
    done
}
mirror="${BULKWATCH_DEBIAN_MIRROR:-$(host_mirror | grep -v security | head -n1 || true)}"
[ -n "$mirror" ] || { echo "test-debian13.sh: no Debian mirror found in /etc/apt/sources.list{,.d/*}; set BULKWATCH_DEBIAN_MIRROR" >&2; exit 1; }
echo "== [debian13] mirror $mirror, chroot $dir"

# --- 1. the chroot ------------------------------------------------------------------------------------------------
if [ "$mode" = test ]; then
    [ -f "$dir/bulkwatch/build/.bulkwatch-built" ] || { echo "test-debian13.sh --test-only: no build in $dir (run --build-only first)" >&2; exit 1; }
else
begin "debootstrap $suite"
if [ "${BULKWATCH_DEBIAN13_FRESH:-0}" = 1 ] && [ -d "$dir" ]; then
    for m in proc sys dev/pts dev/shm dev; do mountpoint -q "$dir/$m" && umount -l "$dir/$m"; done
    rm -rf --one-file-system "$dir"
fi
if [ -f "$dir/.bulkwatch-debootstrap-done" ]; then
    end "cached"
else
    command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; }
    rm -rf --one-file-system "$dir.partial"
    mkdir -p "$cache"
    debootstrap --variant=minbase --include=ca-certificates \
        --keyring=/usr/share/keyrings/debian-archive-keyring.gpg "$suite" "$dir.partial" "$mirror" \
        > "$cache/debootstrap.log" 2>&1 || { tail -n 30 "$cache/debootstrap.log"; exit 1; }
    echo "deb $mirror $suite main" > "$dir.partial/etc/apt/sources.list"
    # No daemons started by package scripts inside the chroot.
    printf '#!/bin/sh\nexit 101\n' > "$dir.partial/usr/sbin/policy-rc.d"
    chmod +x "$dir.partial/usr/sbin/policy-rc.d"
    touch "$dir.partial/.bulkwatch-debootstrap-done"
    mv "$dir.partial" "$dir"
    end "made"
fi
fi

cp -L /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
mnt /proc -t proc proc
mnt /sys -t sysfs sysfs
mnt /dev --bind /dev
mnt /dev/pts --bind /dev/pts
mnt /dev/shm -t tmpfs -o mode=1777 tmpfs
in_chroot() { chroot "$dir" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive TERM=dumb "$@"; }

if [ "$mode" != test ]; then
# --- 2. packages: the names scripts/deps.sh installs, so both lists stay one ----------------------------------
begin "packages (apt in the chroot)"
mapfile -t packages < <(sed -n '/^packages=(/,/^)/{/^packages=(/d;/^)/d;p}' "$root/scripts/deps.sh" | tr -s ' \t' '\n' | sed '/^$/d')
[ ${#packages[@]} -gt 10 ] || { echo "test-debian13.sh: could not read the package list from scripts/deps.sh" >&2; exit 1; }
# What differs in name on trixie: the clang runtime follows trixie's default clang (19, not 14).
clang_rt=libclang-rt-19-dev
packages=("${packages[@]/libclang-rt-14-dev/$clang_rt}")
# Not in deps.sh because Debian 12 hosts have them already (python3: benchmark smoke and packaging check; file:
# CPack's dpkg-shlibdeps), because Debian 13 split them out (qt6-svg-plugins: the SVG icon engine, in libqt6svg6
# on Debian 12) or because only this script uses them (ccache: a cached second run).
packages+=(python3 file qt6-svg-plugins ccache)
wanted="$(printf '%s\n' "${packages[@]}" | sort -u)"
if [ "$(cat "$dir/.bulkwatch-packages" 2>/dev/null)" = "$wanted" ]; then
    end "cached: ${#packages[@]} packages"
else
    in_chroot apt-get update -qq
    # shellcheck disable=SC2086
    in_chroot apt-get install -y -qq --no-install-recommends $wanted > "$cache/apt.log" 2>&1 || { tail -n 30 "$cache/apt.log"; exit 1; }
    in_chroot apt-get clean
    printf '%s\n' "$wanted" > "$dir/.bulkwatch-packages"
    end "installed: ${#packages[@]} packages"
fi
fi
qt="$(in_chroot dpkg-query -W -f='${Version}' qt6-base-dev)"
keychain="$(in_chroot dpkg-query -W -f='${Version}' qtkeychain-qt6-dev)"
echo "== [debian13] Qt $qt, QtKeychain $keychain"

if [ "$mode" != test ]; then
# --- 3. the source: HEAD plus any uncommitted change to tracked files -------------------------------------------
begin "copy the tree in (git archive)"
rev="$(git -C "$root" stash create 2>/dev/null || true)"
rm -rf "$dir/bulkwatch/src"
mkdir -p "$dir/bulkwatch/src"
git -C "$root" archive "${rev:-HEAD}" | tar -x -C "$dir/bulkwatch/src"
end "$(git -C "$root" rev-parse --short HEAD)${rev:+ + uncommitted changes}"

# --- 4. build (-Werror) -------------------------------------------------------------------------------------------
begin "build (-Werror, Qt $qt)"
rm -rf "$dir/bulkwatch/build"
jobs="$(nproc)"
in_chroot CCACHE_DIR=/bulkwatch/ccache CCACHE_BASEDIR=/bulkwatch CCACHE_NOHASHDIR=1 bash -c '
    set -euo pipefail
    cmake -S /bulkwatch/src -B /bulkwatch/build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBULKWATCH_WERROR=ON \
        -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
    nice -n 10 cmake --build /bulkwatch/build -j"$1"
    ccache -s | grep -Ei "hits|misses" | head -n 3 || true' bash "$jobs"
touch "$dir/bulkwatch/build/.bulkwatch-built"
end
fi
[ "$mode" = build ] && exit 0

# --- 5. the suite -------------------------------------------------------------------------------------------------
# Tests this chroot cannot run, each with its reason (none are skipped silently).
excluded=()
declare -A why=()
exclude() { excluded+=("$1"); why[$1]="$2"; }

begin "npm ci (conformance test)"
# npm in the chroot trusts what npm on the host trusts: the host's npm CA file, when it has one, is copied in.
npm_ca=""
host_ca="$(npm config get cafile 2>/dev/null || true)"
if [ -n "$host_ca" ] && [ "$host_ca" != null ] && [ -f "$host_ca" ]; then
    cp -L "$host_ca" "$dir/bulkwatch/npm-ca.crt"
    npm_ca="--cafile=/bulkwatch/npm-ca.crt"
fi
if in_chroot bash -c 'cd /bulkwatch/src/tests/sim/conformance &&
        npm ci --prefer-offline --no-audit --no-fund --loglevel=error --cache /bulkwatch/npm-cache $1' bash "$npm_ca" \
        > "$cache/npm.log" 2>&1; then
    end
else
    tail -n 5 "$cache/npm.log"
    exclude conformance_node_sdk "npm ci could not fetch the Node SDK from the npm registry inside the chroot (see build-debian13/npm.log)"
    end "failed"
fi

for t in "${excluded[@]}"; do echo "== [debian13] NOT RUN: $t: ${why[$t]}"; done
pattern="$(IFS='|'; echo "${excluded[*]}")"

begin "test suite (ctest, Qt $qt)"
# As on the host: a private session bus with an unlocked, throw-away gnome-keyring (scripts/with-keyring.sh).
in_chroot /bulkwatch/src/scripts/with-keyring.sh bash -c '
    set -euo pipefail
    pattern="$1"; jobs="$2"; shift 2
    cd /bulkwatch/build
    if [ -n "$pattern" ]; then nice -n 10 ctest --output-on-failure -j"$jobs" -E "^($pattern)\$" "$@"
    else nice -n 10 ctest --output-on-failure -j"$jobs" "$@"; fi
' bash "$pattern" "${BULKWATCH_TEST_JOBS:-4}" "$@"
end
for t in "${excluded[@]}"; do echo "== [debian13] NOT RUN: $t: ${why[$t]}"; done
