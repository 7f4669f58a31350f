#!/usr/bin/env bash
# test.sh - set up, build, and run the test suite: a normal build, the CLI
# cases again under valgrind, a short fuzzing run of each fuzz target
# (libFuzzer with ASan and UBSan), and the suite once more under
# AddressSanitizer + UndefinedBehaviorSanitizer. Installs what is missing,
# the test tools included (valgrind, clang, libclang-rt-14-dev, Chromium,
# man-db).
# FUZZ_SECONDS sets the fuzzing time per target (default 20; 0 skips it).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
export TARGETSIM_SETUP_TESTS=1 # setup.sh also installs the test tools

echo "== build and test (RelWithDebInfo)"
"$here/scripts/setup.sh" "$here/build"
ctest --test-dir "$here/build" --output-on-failure -j"$jobs" </dev/null

# Same cases, same binary: valgrind's report (exit 99, text on stderr) makes
# a case fail. check-report is Python reading the outputs, not targetsim.
echo "== CLI cases under valgrind"
TARGETSIM_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full" \
  ctest --test-dir "$here/build" --output-on-failure -j"$jobs" -L cli -E check-report </dev/null

seconds=${FUZZ_SECONDS:-20}
if [ "$seconds" != 0 ]; then
  echo "== fuzz smoke (libFuzzer + ASan + UBSan, ${seconds} s per target)"
  FUZZ_SEED=${FUZZ_SEED:-1} bash "$here/scripts/fuzz.sh" "$seconds"
fi

# The out-of-memory sweep (faultsim/oom-sweep) runs here too, so that every
# failed allocation it makes is checked for leaks and bad frees: a leak or
# an error makes the run's exit status other than 1. OOM_SWEEP_QUICK takes
# its smaller sample (the first allocation at every site and the first 40,
# about 450 runs instead of 960): a Debug ASan run is 3 to 4 times slower.
echo "== build and test (ASan + UBSan)"
"$here/scripts/setup.sh" "$here/build-asan" -DCMAKE_BUILD_TYPE=Debug -DTARGETSIM_SANITIZE=ON
OOM_SWEEP_QUICK=1 \
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$here/build-asan" --output-on-failure -j"$jobs" </dev/null
