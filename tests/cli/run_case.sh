#!/usr/bin/env bash
# run_case.sh - runs ONE command-line test case of targetsim.
#
# Usage: run_case.sh CASE_FILE BIN DATA_DIR SRC_DIR
#        run_case.sh --files OUT_DIR CASE_FILE...
#   BIN is the targetsim program, DATA_DIR is tests/cli/data, SRC_DIR the
#   repository root. tests/cli/CMakeLists.txt registers one CTest test per
#   case file; to run a case by hand:
#     bash tests/cli/run_case.sh tests/cli/cases/001-default-run.case \
#          build/targetsim tests/cli/data .
#   --files only writes the cases' file: blocks into OUT_DIR, each as
#   NNN-NAME (NNN the case's number): the fuzz targets' seeds include them.
#
# Case files (tests/cli/cases/NNN-short-name.case) are plain text, one
# "key: value" per line; the value starts after the colon and one space, so
# further spaces belong to it. Blank lines and lines starting with "#" are
# comments; the first comment says what the case checks. Keys marked * may
# be given more than once.
#
# Case numbers, by what the cases check (tests/README.md has the same):
#   001-019  basic runs that succeed: defaults, common options, own plan
#   020-039  command-line usage errors (exit 2)
#   040-089  bad input data in plans and scenarios (exit 3)
#   090-099  output folder problems (exit 4)
#   100-159  hindsight: fitted growth, --by, --backtest, --compare, revisions
#   160-199  Monte Carlo and sweeps (--draws, --threads, --seed, --sweep)
#   200-259  hostile input: odd types, encodings, numbers, ids, special files
#   260-279  write failures made by the tests/inject library (exit 4)
#   280-299  limits, and file-system edge cases (symlinks, long names)
#   300-349  plan tables: target kinds, rate indicators, baselines from
#            another year, the observed record (--as-of, --band, --rule)
#   350-379  observed values from CSV files (--observed)
#   380-399  the language of the outputs (--lang zh)
#   400-449  robustness: hostile text in every chart, out of memory at every
#            allocation, the output folder's lock and manifest, signals
#   470-499  the bundled data: what the default run shows of its targets
#            and sources
#
#   keywords: WORD...    the case's CTest labels besides "cli" (required),
#                        from the list in KEYWORDS below; ctest -L json runs
#                        the cases labelled json. Read by CMake at configure
#                        time.
#   file: NAME           the lines that follow, up to a line "end", are
#   ...                  written as they are (no placeholder replaced, each
#   end                * line ending in a newline; "file: NAME" then "end"
#                        is an empty file) to @FILES@/NAME before setup and
#                        the program run. A small input used by this case
#                        alone lives here; one shared by several cases, used
#                        elsewhere (fuzz seeds by name, integration tests),
#                        naming a sibling file, or whose exact bytes are not
#                        plain UTF-8 text lines (a BOM, GBK, control bytes,
#                        no final newline) stays a file in DATA_DIR.
#   args: WORDS          the command line after the program name, split on
#                        blanks (no quoting; placeholders are replaced in each
#                        word after splitting, so paths with blanks are safe).
#                        Absent or empty: no arguments.
#   env: NAME=VALUE    * an environment variable for the run. The driver
#                        unsets TARGETSIM_DATA_DIR and sets LC_ALL=C first.
#   setup: LINE        * a bash command line run in @TMP@ before the program.
#   exit: N              the expected exit status (required).
#   stderr: LINE       * the whole of stderr, one key per line, compared
#                        byte for byte. No stderr key: stderr must be empty.
#   stdout: LINE       * the whole of stdout, likewise. No stdout key: stdout
#                        is not compared, except that a run expected to fail
#                        (exit != 0) must print nothing on stdout.
#   stdout-empty:        stdout must be empty (the value is ignored).
#   stdout-contains: TEXT *  stdout must contain TEXT (a fixed string).
#   files-present: PATH... * every PATH must exist.
#   files-absent: PATH...  * no PATH may exist; a PATH may be a glob pattern,
#                        then nothing may match it.
#   file-contains: PATH TEXT * the file PATH must contain TEXT (the rest of
#                        the line, a fixed string).
#   file-lacks: PATH TEXT *    the file PATH must not contain TEXT.
#   check: COMMAND     * a bash command line run in @TMP@ after the program;
#                        it must exit 0 (e.g. "diff -r old out": the output
#                        folder is byte for byte what it was). Its output is
#                        shown when it fails.
#   known-bug: TEXT      the program is known to get this case wrong (TEXT
#                        says how). While the case fails with the right exit
#                        status it is reported as skipped (exit 77, CTest's
#                        SKIP_RETURN_CODE); a wrong exit status still fails,
#                        and once the case passes it fails too, asking for
#                        the known-bug line to be removed.
#
# Placeholders, replaced in every value:
#   @DATA@  DATA_DIR            @SRC@  SRC_DIR
#   @BIN@   the program         @TMP@  a fresh empty directory for this case
#                                      (mktemp -d), also the working directory
#   @FILES@ the folder the case's file: blocks are written to (beside @TMP@,
#           not in it)
#   @INJECT@  the write-failure library tests/inject builds, for
#             "env: LD_PRELOAD=@INJECT@" (its path comes in TARGETSIM_INJECT)
#
# The program runs with stdin from /dev/null, in @TMP@. Set
# TARGETSIM_KEEP_TMP=1 to keep the temporary directory for inspection.
#
# TARGETSIM_WRAPPER, when set, is a command (split on blanks) the program is
# run under, e.g. "valgrind -q --error-exitcode=99 --leak-check=full": every
# case then also checks that the wrapper found nothing, since its report
# changes the exit status and stderr. scripts/test.sh runs the cases once so.
set -u

# The keywords a case may have (tests/README.md says what each means). The
# first nine, "tables", "observed", "language", "robustness" and "data" name the number ranges above; a case has its
# range's word.
KEYWORDS=" basics options input output hindsight monte-carlo hostile write-failure limits
  usage plan scenario json ids extends derived correlation fit revision html filesystem inject
  as-of horizon lang by compare backtest sweep draws threads seed
  tables kinds record observed language data
  robustness charts oom lock manifest signal "
# shellcheck disable=SC2086 # split on purpose: one blank between words
KEYWORDS=" $(echo $KEYWORDS) "

# range_keyword NNN: the keyword of the range case number NNN is in.
range_keyword() {
    local n=$((10#$1))
    if ((n < 20)); then echo basics
    elif ((n < 40)); then echo options
    elif ((n < 90)); then echo input
    elif ((n < 100)); then echo output
    elif ((n < 160)); then echo hindsight
    elif ((n < 200)); then echo monte-carlo
    elif ((n < 260)); then echo hostile
    elif ((n < 280)); then echo write-failure
    elif ((n < 300)); then echo limits
    elif ((n < 350)); then echo tables
    elif ((n < 380)); then echo observed
    elif ((n < 400)); then echo language
    elif ((n < 450)); then echo robustness
    elif ((n >= 470 && n < 500)); then echo data
    else echo none
    fi
}

# read_case CASE FILES_DIR PREFIX: reads CASE into the variables below and
# writes each of its file: blocks to FILES_DIR/PREFIX<name>.
read_case() {
    local case_file=$1 files_dir=$2 prefix=$3 line lineno=0 key value file=""
    args_line=""
    expect_exit=""
    known_bug=""
    keywords=""
    stdout_empty=0
    have_stdout=0
    have_stderr=0
    setups=()
    envs=()
    stderr_lines=()
    stdout_lines=()
    stdout_contains=()
    present=()
    absent=()
    contains=()
    lacks=()
    checks=()
    files=()
    while IFS= read -r line || [ -n "$line" ]; do
        lineno=$((lineno + 1))
        if [ -n "$file" ]; then
            # Inside a file: block every line is content, as it is, up to end.
            if [ "${line%$'\r'}" = end ]; then
                file=""
            else
                printf '%s\n' "$line" >>"$files_dir/$prefix$file" || return 2
            fi
            continue
        fi
        line=${line%$'\r'}
        case $line in
        '' | '#'*) continue ;;
        esac
        if [[ ! $line =~ ^([a-z-]+):\ ?(.*)$ ]]; then
            echo "$case_file:$lineno: expected \"key: value\", got: $line" >&2
            return 2
        fi
        key=${BASH_REMATCH[1]}
        value=${BASH_REMATCH[2]}
        case $key in
        args) args_line=$value ;;
        env) envs+=("$(subst "$value")") ;;
        setup) setups+=("$(subst "$value")") ;;
        exit) expect_exit=$value ;;
        stderr) have_stderr=1; stderr_lines+=("$(subst "$value")") ;;
        stdout) have_stdout=1; stdout_lines+=("$(subst "$value")") ;;
        stdout-empty) stdout_empty=1 ;;
        stdout-contains) stdout_contains+=("$(subst "$value")") ;;
        files-present) present+=("$value") ;;
        files-absent) absent+=("$value") ;;
        file-contains) contains+=("$value") ;;
        file-lacks) lacks+=("$value") ;;
        check) checks+=("$(subst "$value")") ;;
        known-bug) known_bug=$value ;;
        keywords)
            if [[ ! $value =~ ^[a-z0-9-]+(\ [a-z0-9-]+)*$ ]]; then
                echo "$case_file:$lineno: keywords are words of a-z, 0-9 and -, one blank apart" >&2
                return 2
            fi
            local k
            for k in $value; do
                if [[ $KEYWORDS != *" $k "* ]]; then
                    echo "$case_file:$lineno: unknown keyword \"$k\" (see KEYWORDS in run_case.sh)" >&2
                    return 2
                fi
            done
            keywords=$value
            ;;
        file)
            if [[ ! $value =~ ^[A-Za-z0-9_][A-Za-z0-9._-]*$ ]]; then
                echo "$case_file:$lineno: a file: name is one plain file name, got \"$value\"" >&2
                return 2
            fi
            local f
            for f in ${files[@]+"${files[@]}"}; do
                if [ "$f" = "$value" ]; then
                    echo "$case_file:$lineno: file $value given twice" >&2
                    return 2
                fi
            done
            files+=("$value")
            file=$value
            : >"$files_dir/$prefix$file" || return 2
            ;;
        *)
            echo "$case_file:$lineno: unknown key \"$key\"" >&2
            return 2
            ;;
        esac
    done <"$case_file"
    if [ -n "$file" ]; then
        echo "$case_file: the file: block $file has no end line" >&2
        return 2
    fi
}

# subst TEXT: TEXT with the placeholders replaced (the replacements are
# quoted so that "&" in a path stays literal with bash 5.2's patsub).
subst() {
    local s=$1
    s=${s//@DATA@/"$DATA"}
    s=${s//@FILES@/"$FILES"}
    s=${s//@SRC@/"$SRC"}
    s=${s//@TMP@/"$TMP"}
    s=${s//@BIN@/"$BIN"}
    s=${s//@INJECT@/"$INJECT"}
    printf '%s' "$s"
}

# --files OUT CASE...: only write the cases' file: blocks, as OUT/NNN-NAME
# (NNN the case's number), for the fuzz targets' seed corpus.
if [ "${1:-}" = --files ]; then
    if [ $# -lt 2 ] || [ ! -d "$2" ]; then
        echo "usage: run_case.sh --files OUT_DIR CASE_FILE..." >&2
        exit 2
    fi
    out=$2
    shift 2
    DATA="" FILES="" SRC="" TMP="" BIN="" INJECT=""
    for c in "$@"; do
        base=${c##*/}
        read_case "$c" "$out" "${base%%-*}-" || exit 2
    done
    exit 0
fi

if [ $# -ne 4 ]; then
    echo "usage: run_case.sh CASE_FILE BIN DATA_DIR SRC_DIR" >&2
    echo "       run_case.sh --files OUT_DIR CASE_FILE..." >&2
    exit 2
fi
CASE=$1
BIN=$2
DATA=$3
SRC=$4
INJECT=${TARGETSIM_INJECT:-}
read -r -a wrapper <<<"${TARGETSIM_WRAPPER:-}"

if [ ! -r "$CASE" ]; then
    echo "run_case.sh: cannot read case file $CASE" >&2
    exit 2
fi
if [ ! -x "$BIN" ]; then
    echo "run_case.sh: $BIN is not an executable" >&2
    exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/targetsim-cli.XXXXXX") || exit 2
TMP=$WORK/tmp
FILES=$WORK/files
mkdir "$TMP" "$FILES" || exit 2
cleanup() {
    if [ "${TARGETSIM_KEEP_TMP:-}" = 1 ]; then
        echo "kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

# --- read the case ---------------------------------------------------------
read_case "$CASE" "$FILES" "" || exit 2
if [ -z "$keywords" ]; then
    echo "$CASE: missing \"keywords:\" line (tests/README.md lists the keywords)" >&2
    exit 2
fi
case_number=${CASE##*/}
case_number=${case_number%%-*}
if [[ $case_number =~ ^[0-9]{3}$ ]] && [[ " $keywords " != *" $(range_keyword "$case_number") "* ]]; then
    echo "$CASE: case $case_number is in the range of keyword \"$(range_keyword "$case_number")\"," \
        "which its keywords: line lacks" >&2
    exit 2
fi

if grep -q '@INJECT@' "$CASE" && [ ! -f "$INJECT" ]; then
    echo "$CASE: needs the write-failure library: set TARGETSIM_INJECT to its path" >&2
    exit 2
fi

if [[ ! $expect_exit =~ ^[0-9]+$ ]]; then
    echo "$CASE: missing or bad \"exit:\" line" >&2
    exit 2
fi

argv=()
read -r -a words <<<"$args_line"
for w in ${words[@]+"${words[@]}"}; do
    argv+=("$(subst "$w")")
done

# --- run -------------------------------------------------------------------
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

cd "$TMP" || exit 2
for s in ${setups[@]+"${setups[@]}"}; do
    if ! bash -c "$s"; then
        echo "$CASE: setup failed: $s" >&2
        exit 2
    fi
done

(
    unset TARGETSIM_DATA_DIR
    export LC_ALL=C
    for e in ${envs[@]+"${envs[@]}"}; do
        export "$e"
    done
    if [ -n "${LD_PRELOAD:-}" ]; then
        # ASan wants to be the first library loaded and refuses to start
        # otherwise; tests/inject's library only wraps file calls, which
        # ASan does not need to see first.
        export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
    fi
    exec ${wrapper[@]+"${wrapper[@]}"} "$BIN" ${argv[@]+"${argv[@]}"}
) <"/dev/null" >"$WORK/stdout" 2>"$WORK/stderr"
status=$?

echo "case: $CASE"
printf 'command: %q' "$BIN"
printf ' %q' ${argv[@]+"${argv[@]}"}
printf '\n'

# --- check -----------------------------------------------------------------
exit_ok=1
if [ "$status" != "$expect_exit" ]; then
    fail "exit status $status, expected $expect_exit"
    exit_ok=0
fi

# compare NAME EXPECTED_FILE ACTUAL_FILE
compare() {
    if ! cmp -s "$2" "$3"; then
        fail "$1 differs (--- expected, +++ actual):"
        diff -u "$2" "$3" | tail -n +3
    fi
}

: >"$WORK/stderr.expected"
if [ "$have_stderr" = 1 ]; then
    printf '%s\n' "${stderr_lines[@]}" >"$WORK/stderr.expected"
fi
compare stderr "$WORK/stderr.expected" "$WORK/stderr"

if [ "$have_stdout" = 1 ]; then
    printf '%s\n' "${stdout_lines[@]}" >"$WORK/stdout.expected"
    compare stdout "$WORK/stdout.expected" "$WORK/stdout"
fi
if [ "$stdout_empty" = 1 ] || { [ "$expect_exit" != 0 ] && [ "$have_stdout" = 0 ]; }; then
    if [ -s "$WORK/stdout" ]; then
        fail "stdout should be empty, got:"
        cat "$WORK/stdout"
    fi
fi
for text in ${stdout_contains[@]+"${stdout_contains[@]}"}; do
    if ! grep -qF -- "$text" "$WORK/stdout"; then
        fail "stdout lacks: $text"
    fi
done

for spec in ${present[@]+"${present[@]}"}; do
    read -r -a ws <<<"$spec"
    for w in "${ws[@]}"; do
        p=$(subst "$w")
        [ -e "$p" ] || fail "missing file: $p"
    done
done
for spec in ${absent[@]+"${absent[@]}"}; do
    read -r -a ws <<<"$spec"
    for w in "${ws[@]}"; do
        p=$(subst "$w")
        if [ -e "$p" ] || compgen -G "$p" >/dev/null; then
            fail "file should not exist: $p"
        fi
    done
done
for spec in ${contains[@]+"${contains[@]}"}; do
    file=$(subst "${spec%% *}")
    text=$(subst "${spec#* }")
    if [ ! -f "$file" ]; then
        fail "missing file: $file"
    elif ! grep -qF -- "$text" "$file"; then
        fail "$file lacks: $text"
    fi
done
for spec in ${lacks[@]+"${lacks[@]}"}; do
    file=$(subst "${spec%% *}")
    text=$(subst "${spec#* }")
    if [ ! -f "$file" ]; then
        fail "missing file: $file"
    elif grep -qF -- "$text" "$file"; then
        fail "$file should not contain: $text"
    fi
done

for c in ${checks[@]+"${checks[@]}"}; do
    if ! out=$(bash -c "$c" 2>&1); then
        fail "check failed: $c"
        printf '%s\n' "$out" | head -40
    fi
done

if [ "$failures" -gt 0 ]; then
    if [ "$status" -ge 128 ]; then
        echo "note: the program was killed by signal $((status - 128))"
    fi
    echo "--- stdout ---"
    cat "$WORK/stdout"
    echo "--- stderr ---"
    cat "$WORK/stderr"
    if [ -n "$known_bug" ] && [ "$exit_ok" = 1 ]; then
        echo "SKIPPED: known bug: $known_bug"
        exit 77
    fi
    exit 1
fi
if [ -n "$known_bug" ]; then
    echo "FAIL: the case passes, but it is marked as a known bug ($known_bug);"
    echo "      remove its known-bug line"
    exit 1
fi
echo "ok"
exit 0
