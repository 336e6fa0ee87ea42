#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite with a real (throw-away) keychain;
# then builds again with ASan + UBSan and runs the suite once more (set BULKWATCH_SKIP_SANITIZERS=1 to skip, which
# is said at the start and the end, and refused under CI: CI runs the whole suite).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sanitize="${BULKWATCH_SKIP_SANITIZERS:-0}"
if [ "$sanitize" = 1 ]; then
  if [ -n "${CI:-}" ]; then
    echo "test.sh: BULKWATCH_SKIP_SANITIZERS=1 is refused under CI (CI=$CI): the ASan + UBSan run is part of the suite" >&2
    exit 2
  fi
  echo "== SKIPPED: the ASan + UBSan run (BULKWATCH_SKIP_SANITIZERS=1); this is not the whole suite"
fi
"$root/scripts/build.sh"
(cd "$root/tests/sim/conformance" && npm ci --no-audit --no-fund --loglevel=error)
if [ "$sanitize" != 1 ]; then
  cmake -S "$root" -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBULKWATCH_SANITIZE=ON -DBULKWATCH_WERROR=ON >/dev/null
  cmake --build "$root/build-asan" -j"$(nproc)"
fi

# A private session bus with an unlocked, throw-away gnome-keyring: QtKeychain talks to the real Secret Service.
"$root/scripts/with-keyring.sh" bash -c '
      set -euo pipefail
      root="$1"; sanitize="$2"; shift 2
      # Four at a time on two cores: most tests wait on sockets and timers (the suite uses a fifth of the CPU);
      # BULKWATCH_TEST_JOBS sets it.
      jobs="${BULKWATCH_TEST_JOBS:-4}"
      echo "== the test suite"
      (cd "$root/build" && ctest --output-on-failure -j"$jobs" "$@")
      if [ "$sanitize" != 1 ]; then
        echo "== the test suite again, built with ASan + UBSan"
        # Not here: the fuzzer (its own sanitizer build), timing/memory figures that sanitizers distort
        # (benchmark, soak) and the package (built from the release tree above).
        (cd "$root/build-asan" && \
          ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0 \
          LSAN_OPTIONS=suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0 \
          UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=$root/tests/sanitizers/ubsan.supp \
          ctest --output-on-failure -j"$jobs" -E "fuzz_response_parser|benchmark_smoke|tst_soak|packaging_deb" "$@")
      else
        echo "== SKIPPED: the test suite built with ASan + UBSan (BULKWATCH_SKIP_SANITIZERS=1)"
      fi
    ' bash "$root" "$sanitize" "$@"
