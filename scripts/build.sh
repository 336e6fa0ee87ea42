#!/usr/bin/env bash
# Configures and builds Bulkwatch into build/ (warnings are errors).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh"
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" -DBULKWATCH_WERROR=ON ${CMAKE_EXTRA:-} >/dev/null
cmake --build "$root/build" -j"$(nproc)"
