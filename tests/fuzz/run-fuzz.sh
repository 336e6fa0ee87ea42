#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) for the response parser and runs them for SECONDS in all:
# fuzz_response_parser (the reference parser alone) and fuzz_parser_differential (simdjson against the
# reference), half the time each. Fails on any crash, leak, timeout, sanitizer report or difference.
# The committed corpus is read, never written. Usage: run-fuzz.sh [SECONDS] [OUT] [TARGET...]
set -euo pipefail
seconds="${1:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${2:-$root/build/fuzz}"
shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_response_parser fuzz_parser_differential)
each=$(( seconds / ${#targets[@]} ))
[ "$each" -ge 1 ] || each=1
qt_inc=/usr/include/x86_64-linux-gnu/qt6
flags=(-std=c++17 -g -O1 -fPIC -fsanitize=address,undefined -fno-sanitize-recover=undefined
       -DBULKWATCH_VERSION='"fuzz"' -DBULKWATCH_APP_ID='"io.github.bulkwatch.Bulkwatch"'
       -I "$root/app/core" -I "$root/app/protocol" -isystem "$qt_inc" -isystem "$qt_inc/QtCore")
# The parser and its core sources once, for every target (instrumented for coverage, without libFuzzer's main).
mkdir -p "$out/obj"
objects=()
for src in app/protocol/ResponseParser.cpp app/protocol/SimdResponseParser.cpp app/core/ApiError.cpp \
           app/core/ImportTypes.cpp app/core/Endpoint.cpp; do
  obj="$out/obj/$(basename "$src" .cpp).o"
  clang++ "${flags[@]}" -fsanitize=fuzzer-no-link -c "$root/$src" -o "$obj"
  objects+=("$obj")
done
status=0
for target in "${targets[@]}"; do
  mkdir -p "$out/corpus-$target"
  clang++ "${flags[@]}" -fsanitize=fuzzer "$here/$target.cpp" "${objects[@]}" -lQt6Core -lsimdjson -o "$out/$target"
  (
    cd "$out"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      "./$target" -max_total_time="$each" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 "corpus-$target" "$here/corpus" 2>&1 | tee "$target.log" \
      | grep -E "^#[0-9]+ +DONE|ERROR|SUMMARY|differ|stat::number_of_executed_units|Done" || true
  )
  if ! grep -q "stat::number_of_executed_units" "$out/$target.log" \
     || grep -qE "ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|differ \(status" "$out/$target.log"; then
    echo "$target: FAILED (see $out/$target.log)"
    status=1
  fi
done
exit $status
