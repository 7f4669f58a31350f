#!/usr/bin/env bash
# threads_identical.sh - the Monte Carlo results do not depend on the number
# of threads: the bundled plan with 1, 2 and 3 threads (3: more threads than
# blocks finish in any order) must give byte-identical output folders, every
# file (reports, report.html, every CSV, every chart's .dat and .gp). Two
# runs each: 12,500 draws (3 blocks and a part; past the 1 MiB store budget,
# so the draws are made twice and the percentiles kept in bounded memory),
# with a sweep (draws per grid point), --backtest and --compare so that every
# output is written; and 1,500 draws (kept whole, one pass). manifest.json
# names the command line (--threads N): its list of files, sizes and SHA-256
# must be the same, not the whole file.
#
# Usage: threads_identical.sh BIN
set -u
BIN=$1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/targetsim-threads.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
status=0
run() { # NAME THREADS ARGS...
    local name=$1 t=$2
    shift 2
    if ! "$BIN" "$@" --threads "$t" --no-render --quiet --out "$WORK/$name-t$t" </dev/null; then
        echo "FAIL: targetsim $* --threads $t exited $?"
        exit 1
    fi
}
for t in 1 2 3; do
    run passes "$t" --draws 12500 --sweep gdp.growth=0.05:0.07:0.01 --backtest --compare trend
    run store "$t" --draws 1500
done
for name in passes store; do
    n=$(ls "$WORK/$name-t1" | wc -l)
    if [ "$n" -lt 20 ]; then
        echo "FAIL: only $n files in $WORK/$name-t1"
        status=1
    fi
    for t in 2 3; do
        if ! python3 -c 'import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
sys.exit(a["files"] != b["files"] or a["seed"] != b["seed"])' \
            "$WORK/$name-t1/manifest.json" "$WORK/$name-t$t/manifest.json"; then
            echo "FAIL: $name: manifest.json lists other files with --threads $t"
            status=1
        fi
        if ! diff -r -q -x manifest.json "$WORK/$name-t1" "$WORK/$name-t$t"; then
            echo "FAIL: $name: the outputs differ between --threads 1 and --threads $t"
            for f in $(ls "$WORK/$name-t1"); do
                cmp -s "$WORK/$name-t1/$f" "$WORK/$name-t$t/$f" ||
                    diff "$WORK/$name-t1/$f" "$WORK/$name-t$t/$f" | head -10
            done
            status=1
        fi
    done
    [ "$status" = 0 ] && echo "ok: $name: $n files byte-identical with 1, 2 and 3 threads"
done
exit "$status"
