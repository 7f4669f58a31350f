#!/usr/bin/env bash
# fuzz.sh - build the fuzz targets and fuzz each one for a while.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  time per target (default 600); CI's smoke run uses 20
#   TARGET   any of fuzz_plan fuzz_scenario fuzz_run fuzz_charts (default:
#            all four, one after the other; fuzz_charts runs gnuplot on every
#            input, so it needs gnuplot on the PATH)
# Environment:
#   FUZZ_ENGINE  libfuzzer (default: clang's libFuzzer, ASan + UBSan) or afl
#                (AFL++'s afl-fuzz on an afl-clang-fast build, ASan + UBSan)
#   FUZZ_DIR     build and work folder (default build-fuzz or build-afl)
#
# The corpus each target grows is kept in FUZZ_DIR/corpus/TARGET (libFuzzer)
# or FUZZ_DIR/afl/TARGET (AFL++), so a second campaign starts where the last
# one stopped; the seeds are rebuilt every time by tests/fuzz/make_seeds.sh.
# A crash, hang, leak or sanitizer report is saved under FUZZ_DIR/findings
# (AFL++: FUZZ_DIR/afl/TARGET/default/crashes and hangs) and makes the script
# exit 1. To replay one: FUZZ_DIR/tests/fuzz/TARGET FILE. Keep the file as a
# regression in tests/fuzz/regressions/TARGET/ once the bug is fixed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(fuzz_plan fuzz_scenario fuzz_run fuzz_charts)
engine=${FUZZ_ENGINE:-libfuzzer}
case $engine in
libfuzzer) dir=${FUZZ_DIR:-$here/build-fuzz} ;;
afl) dir=${FUZZ_DIR:-$here/build-afl} ;;
*) echo "fuzz.sh: FUZZ_ENGINE must be libfuzzer or afl, got $engine" >&2; exit 2 ;;
esac
[[ $seconds =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a number, got $seconds" >&2; exit 2; }

build() {
    local cc=clang
    [ "$engine" = afl ] && cc=afl-clang-fast
    if ! command -v "$cc" >/dev/null; then
        echo "fuzz.sh: $cc is missing: apt-get install $([ "$engine" = afl ] && echo afl++ ||
            echo clang libclang-rt-14-dev) (scripts/test.sh installs clang)" >&2
        exit 2
    fi
    if [ "$engine" = afl ]; then
        # afl-clang-fast adds the instrumentation; driver.c's AFL branch gives
        # the persistent loop. AFL_USE_* add the sanitizers at compile time.
        AFL_USE_ASAN=1 AFL_USE_UBSAN=1 CC=afl-clang-fast \
            cmake -S "$here" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTARGETSIM_WERROR=ON >/dev/null
        AFL_USE_ASAN=1 AFL_USE_UBSAN=1 cmake --build "$dir" -j"$(nproc)" --target "${targets[@]}" >/dev/null
    else
        CC=clang cmake -S "$here" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTARGETSIM_FUZZ=ON \
            -DTARGETSIM_WERROR=ON >/dev/null
        cmake --build "$dir" -j"$(nproc)" --target "${targets[@]}" >/dev/null
    fi
}

# dict TARGET: its dictionary: fuzz_charts fuzzes texts, the others files.
dict() {
    if [ "$1" = fuzz_charts ]; then echo "$here/tests/fuzz/charts.dict"; else echo "$here/tests/fuzz/targetsim.dict"; fi
}

# run_libfuzzer TARGET: fuzzes it; prints one summary line; 0 when clean.
run_libfuzzer() {
    local t=$1 log=$dir/logs/$1.log rc=0
    mkdir -p "$dir/corpus/$t" "$dir/findings" "$dir/logs"
    # -timeout: an input taking 10 s is a hang. The second corpus folder
    # (the seeds) is only read; new inputs go to the first.
    # FUZZ_SEED fixes libFuzzer's random choices (the CI smoke sets it, so a
    # submission is not failed by a finding of chance); unset: random.
    local seed_opt=()
    [ -n "${FUZZ_SEED:-}" ] && seed_opt=(-seed="$FUZZ_SEED")
    "$dir/tests/fuzz/$t" "${seed_opt[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict="$(dict "$t")" -artifact_prefix="$dir/findings/$t-" \
        -print_final_stats=1 "$dir/corpus/$t" "$dir/seeds/$t" </dev/null >"$log" 2>&1 || rc=$?
    local execs cov ft
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    printf 'fuzz: %-14s %ss  %s executions  cov %s  ft %s  corpus %s  %s\n' "$t" "$seconds" \
        "${execs:-?}" "${cov:-?}" "${ft:-?}" "$(ls "$dir/corpus/$t" | wc -l)" \
        "$([ "$rc" = 0 ] && echo clean || echo "FAILED (exit $rc), see $log")"
    if [ "$rc" != 0 ]; then
        # Enough to reproduce it from a CI log alone: the input in base64.
        grep -E '^(==[0-9]+==ERROR|SUMMARY|INFO: Seed|Base64|fuzz)|runtime error' "$log" |
            head -12 >&2 || true
        ls "$dir/findings/$t-"* >&2 2>/dev/null || true
    fi
    return "$rc"
}

# run_afl TARGET: the same with afl-fuzz.
run_afl() {
    local t=$1 out=$dir/afl/$1 log=$dir/logs/$1.log rc=0
    mkdir -p "$out" "$dir/logs"
    # A resumed campaign reads its own queue; a fresh one the seeds.
    local input=$dir/seeds/$t
    [ -d "$out/default/queue" ] && input=-
    AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
        AFL_NO_AFFINITY=1 \
        afl-fuzz -V "$seconds" -t 10000 -m none -x "$(dict "$t")" \
        -i "$input" -o "$out" -- "$dir/tests/fuzz/$t" </dev/null >"$log" 2>&1 || rc=$?
    local stats=$out/default/fuzzer_stats crashes hangs
    crashes=$(sed -n 's/^saved_crashes *: *//p' "$stats" 2>/dev/null)
    hangs=$(sed -n 's/^saved_hangs *: *//p' "$stats" 2>/dev/null)
    printf 'fuzz: %-14s %ss  %s executions  edges %s of %s  crashes %s  hangs %s\n' "$t" "$seconds" \
        "$(sed -n 's/^execs_done *: *//p' "$stats" 2>/dev/null)" \
        "$(sed -n 's/^edges_found *: *//p' "$stats" 2>/dev/null)" \
        "$(sed -n 's/^total_edges *: *//p' "$stats" 2>/dev/null)" "${crashes:-?}" "${hangs:-?}"
    [ "$rc" = 0 ] && [ "${crashes:-1}" = 0 ] && [ "${hangs:-1}" = 0 ]
}

build
rm -rf "$dir/seeds"
# The scenario and run targets write their inputs to files on every run: in
# memory (tmpfs) that costs microseconds, on a busy disk it can cost most of
# the time.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
    export TMPDIR=/dev/shm
fi
bash "$here/tests/fuzz/make_seeds.sh" "$dir/seeds" >/dev/null
failed=0
for t in "${targets[@]}"; do
    if [ "$engine" = afl ]; then
        run_afl "$t" || failed=1
    else
        run_libfuzzer "$t" || failed=1
    fi
done
exit "$failed"
