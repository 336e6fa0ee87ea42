#!/usr/bin/env bash
# Builds the libFuzzer target (clang, ASan + UBSan) for the response parser and runs it for SECONDS.
# Fails on any crash, leak, timeout or sanitizer report. The committed corpus is read, never written.
set -euo pipefail
seconds="${1:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${2:-$root/build/fuzz}"
mkdir -p "$out/corpus"
qt_inc=/usr/include/x86_64-linux-gnu/qt6
clang++ -std=c++17 -g -O1 -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DBULKWATCH_VERSION='"fuzz"' -DBULKWATCH_APP_ID='"io.github.bulkwatch.Bulkwatch"' \
  -I "$root/app/core" -I "$root/app/protocol" -isystem "$qt_inc" -isystem "$qt_inc/QtCore" \
  "$root/app/protocol/ResponseParser.cpp" "$root/app/core/ApiError.cpp" "$root/app/core/ImportTypes.cpp" "$root/app/core/Endpoint.cpp" \
  "$here/fuzz_response_parser.cpp" -lQt6Core -o "$out/fuzz_response_parser"
cd "$out"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ./fuzz_response_parser -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 corpus "$here/corpus" 2>&1 | tee fuzz.log | grep -E "^#[0-9]+ +DONE|ERROR|SUMMARY|stat::number_of_executed_units|Done" || true
grep -q "stat::number_of_executed_units" fuzz.log && ! grep -qE "ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error" fuzz.log
