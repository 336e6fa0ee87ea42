#!/usr/bin/env bash
# CTest wrapper: starts bulkwatch-sim (milvus dialect, this folder's scenario) and runs the official Node SDK at it.
set -euo pipefail
sim="$1"
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -d "$here/node_modules/@zilliz/milvus2-sdk-node" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
out="$(mktemp)"
"$sim" --port 0 --dialect milvus --scenario "$here/scenario.json" --api-key conformance-test-token --rate-limit 0 >"$out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$out"' EXIT
# Up to 60 s: an ASan + UBSan build on a loaded 2-core machine starts slowly. A simulator that exits is not waited for.
wait_s="${BULKWATCH_SIM_START_SECONDS:-60}"
for _ in $(seq $((wait_s * 10))); do
    grep -q '^listening on' "$out" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$out")"
[ -n "$url" ] || { echo "bulkwatch-sim did not start within ${wait_s} s (or exited):"; cat "$out"; exit 1; }
node "$here/conformance.js" "$url" conformance-test-token
