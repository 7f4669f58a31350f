#!/usr/bin/env bash
# threads_identical.sh - the Monte Carlo results do not depend on the number
# of threads: the bundled plan with 1 and with 2 threads (and 3: more threads
# than blocks finish in any order) must give byte-identical reports.
#
# Usage: threads_identical.sh BIN
set -u
BIN=$1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/targetsim-threads.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
status=0
for t in 1 2 3; do
    # 3 blocks of 4096 draws and a part, so blocks interleave between threads.
    if ! "$BIN" --draws 12500 --threads "$t" --no-render --quiet --out "$WORK/t$t" </dev/null; then
        echo "FAIL: targetsim --threads $t exited $?"
        exit 1
    fi
done
for t in 2 3; do
    for f in report.json report.csv report.txt fan.csv tornado.csv; do
        if ! cmp -s "$WORK/t1/$f" "$WORK/t$t/$f"; then
            echo "FAIL: $f differs between --threads 1 and --threads $t"
            diff "$WORK/t1/$f" "$WORK/t$t/$f" | head -20
            status=1
        fi
    done
done
[ "$status" = 0 ] && echo "ok: byte-identical reports with 1, 2 and 3 threads"
exit "$status"
