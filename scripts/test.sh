#!/usr/bin/env bash
# test.sh - set up, build, and run the test suite twice: a normal build and
# one under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
export TARGETSIM_SETUP_TESTS=1 # setup.sh also installs Chromium and man-db

echo "== build and test (RelWithDebInfo)"
"$here/scripts/setup.sh" "$here/build"
ctest --test-dir "$here/build" --output-on-failure -j"$jobs" </dev/null

echo "== build and test (ASan + UBSan)"
"$here/scripts/setup.sh" "$here/build-asan" -DCMAKE_BUILD_TYPE=Debug -DTARGETSIM_SANITIZE=ON
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$here/build-asan" --output-on-failure -j"$jobs" </dev/null
