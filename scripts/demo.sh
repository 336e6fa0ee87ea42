#!/usr/bin/env bash
# Installs what is missing, builds, and opens Bulkwatch on its built-in demo (no account, no network).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh"
exec "$root/build/app/bulkwatch" --demo "$@"
