#!/usr/bin/env bash
# run.sh - the benchmarks (not tests) behind BENCHMARKS.md. Builds this tree
# and a reference revision (REF, default c5b43f7, the state issue 15 was
# measured on) from source in Release, and prints Markdown tables:
#
#  1. the default run (the bundled plan, 3 scenarios, 10^4 draws, 19 charts
#     rendered by gnuplot) and the same with --no-render, REF against this
#     tree, run one after the other;
#  2. 10^7 draws of the bundled plan's trend scenario, 2 threads: wall time
#     and peak resident memory, REF against this tree;
#  3. the Monte Carlo table: at 10^4, 10^5 and 10^6 draws and 1 and 2
#     threads, targetsim (--no-render, the whole command) against the same
#     model in vectorised NumPy (bench/mc_numpy.py) and against the bare cost
#     of its random numbers (bench/gauss_bare.c: the same count of GSL taus2 +
#     ziggurat normals, seeded the same way);
#  4. where the time goes inside one process (bench/mc_phases.c);
#  5. the issue's targets, computed from the figures above.
#
# Wall time and peak memory (maximum resident set size, from /usr/bin/time)
# of the whole process; each figure is the best of REPEAT runs (default 3),
# since other work on the machine only ever adds time.
#
# Usage: bash bench/run.sh     (REPEAT=5 DRAWS="10000 1000000" REF=<rev>
#                               SKIP="default big table phases" to vary)
# Needs: git, cmake, a C compiler, GSL, cJSON, gnuplot, /usr/bin/time,
# python3-numpy.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build-bench
REPEAT=${REPEAT:-3}
BIG_REPEAT=${BIG_REPEAT:-2}
DRAWS=${DRAWS:-"10000 100000 1000000"}
REF=${REF:-c5b43f7}
SKIP=${SKIP:-}
PY=/usr/bin/python3
plan=$here/scenarios/taiyuan-14fyp.json
scen=$here/scenarios/trend.json
# The reports go to memory (/dev/shm when there is one): targetsim flushes
# every file to disk (fsync), which would time the disk, not the model.
shm=/dev/shm
[ -d "$shm" ] && [ -w "$shm" ] || shm=${TMPDIR:-/tmp}
work=$(mktemp -d "$shm/targetsim-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
skip() { case " $SKIP " in *" $1 "*) return 0 ;; esac; return 1; }

if ! "$PY" -c 'import numpy' 2>/dev/null; then
    echo "bench/run.sh: numpy is missing: apt-get install python3-numpy" >&2
    exit 2
fi
[ -x /usr/bin/time ] || { echo "bench/run.sh: /usr/bin/time is missing: apt-get install time" >&2; exit 2; }

cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j2 --target targetsim gauss_bare mc_phases >/dev/null
# The reference, from its own sources (git archive), rebuilt only when REF
# changes.
refdir=$here/build-bench-ref
if [ "$(cat "$refdir/rev" 2>/dev/null)" != "$(git -C "$here" rev-parse "$REF")" ]; then
    rm -rf "$refdir"
    mkdir -p "$refdir/src"
    git -C "$here" archive "$REF" | tar -x -C "$refdir/src"
    git -C "$here" rev-parse "$REF" >"$refdir/rev"
fi
cmake -S "$refdir/src" -B "$refdir/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$refdir/build" -j2 --target targetsim >/dev/null
new=$build/targetsim
old=$refdir/build/targetsim

# less X Y: true when X < Y (decimals).
less() { awk -v x="$1" -v y="$2" 'BEGIN { exit !(x < y) }'; }

# once CMD...: one run; sets S (wall), C (CPU: user + system of the process,
# its threads and its children) and KB (peak resident).
once() {
    local s e
    s=$(date +%s%N)
    /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" >"$work/out" 2>"$work/err" </dev/null || {
        echo "bench/run.sh: failed: $*" >&2
        cat "$work/err" >&2
        exit 1
    }
    e=$(date +%s%N)
    read -r KB C < <(tail -n 1 "$work/rss" | awk '{ print $1, $2 + $3 }')
    S=$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
}

# measure CMD...: prints "WALL_S CPU_S MAXRSS_KIB", each the least of REPEAT
# runs.
measure() {
    local best_s="" best_c="" best_kb="" r
    for ((r = 0; r < REPEAT; r++)); do
        once "$@"
        if [ -z "$best_s" ] || less "$S" "$best_s"; then best_s=$S; fi
        if [ -z "$best_c" ] || less "$C" "$best_c"; then best_c=$C; fi
        if [ -z "$best_kb" ] || [ "$KB" -lt "$best_kb" ]; then best_kb=$KB; fi
    done
    echo "$best_s $best_c $best_kb"
}

# pair N A_CMD -- B_CMD: A and B one after the other, N rounds; prints the
# best "WALL CPU KIB" of A, then of B.
pair() {
    local n=$1 a=() b=() r as="" ac="" ak="" bs="" bc="" bk=""
    shift
    while [ "$1" != "--" ]; do a+=("$1"); shift; done
    shift
    b=("$@")
    for ((r = 0; r < n; r++)); do
        once "${a[@]}"
        if [ -z "$as" ] || less "$S" "$as"; then as=$S; fi
        if [ -z "$ac" ] || less "$C" "$ac"; then ac=$C; fi
        if [ -z "$ak" ] || [ "$KB" -lt "$ak" ]; then ak=$KB; fi
        once "${b[@]}"
        if [ -z "$bs" ] || less "$S" "$bs"; then bs=$S; fi
        if [ -z "$bc" ] || less "$C" "$bc"; then bc=$C; fi
        if [ -z "$bk" ] || [ "$KB" -lt "$bk" ]; then bk=$KB; fi
    done
    echo "$as $ac $ak $bs $bc $bk"
}

# trio N A_CMD -- B_CMD -- C_CMD: A, B and C one after the other, N rounds;
# prints the best "WALL CPU KIB" of each, A's first.
trio() {
    local n=$1 r k cmds=() best=()
    shift
    local i=0 a=() b=() c=()
    for arg in "$@"; do
        if [ "$arg" = "--" ]; then i=$((i + 1)); continue; fi
        case $i in 0) a+=("$arg") ;; 1) b+=("$arg") ;; *) c+=("$arg") ;; esac
    done
    for ((k = 0; k < 9; k++)); do best[k]=""; done
    for ((r = 0; r < n; r++)); do
        for k in 0 1 2; do
            case $k in 0) once "${a[@]}" ;; 1) once "${b[@]}" ;; *) once "${c[@]}" ;; esac
            if [ -z "${best[3 * k]}" ] || less "$S" "${best[3 * k]}"; then best[3 * k]=$S; fi
            if [ -z "${best[3 * k + 1]}" ] || less "$C" "${best[3 * k + 1]}"; then best[3 * k + 1]=$C; fi
            if [ -z "${best[3 * k + 2]}" ] || [ "$KB" -lt "${best[3 * k + 2]}" ]; then best[3 * k + 2]=$KB; fi
        done
    done
    echo "${best[*]}"
}

# The model's size: normals per draw and years x indicators of its paths.
"$new" --plan "$plan" --scenario "$scen" --draws 100 --threads 1 --no-render \
    --quiet --out "$work/probe"
read -r normals cells < <("$PY" - "$work/probe/report.json" <<'PYEOF'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["scenarios"][0]
years = r["plan"]["horizon"] - r["plan"]["base_year"] + 1
print(s["uncertainty"]["normals_per_draw"], years * len(s["indicators"]))
PYEOF
)

echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Reference: $REF ($(git -C "$here" log -1 --format=%h "$REF")), this tree: $(git -C "$here" log -1 --format=%h HEAD)$(git -C "$here" diff --quiet HEAD || echo ' + changes'); both Release"
echo "Model: bundled plan, scenario trend: $normals normals per draw; paths of $cells year x indicator cells per draw"
echo "Wall seconds, CPU seconds (user + system, all threads and child processes)"
echo "in brackets, peak resident MiB; each the best of several runs."

if ! skip default; then
    echo
    echo "Default run (the bundled plan, 3 scenarios x 10^4 draws, 19 charts), $REF and"
    echo "this tree one after the other, best of $REPEAT rounds; each binary with its own"
    echo "tree's plan and chart templates, into a fresh folder:"
    echo
    echo "| run | $REF s | this tree s | this tree / $REF |"
    echo "|---|---:|---:|---:|"
    for mode in charts no-render; do
        extra=()
        [ "$mode" = no-render ] && extra=(--no-render)
        # A fresh output folder every time: the renamed-into-place files of
        # an earlier run would change nothing, but keep the runs alike.
        read -r os oc _ ns nc _ < <(pair "$REPEAT" \
            bash -c 'rm -rf "$0" && exec "$@"' "$work/def-old" "$old" --quiet --out "$work/def-old" "${extra[@]}" -- \
            bash -c 'rm -rf "$0" && exec "$@"' "$work/def-new" "$new" --quiet --out "$work/def-new" "${extra[@]}")
        awk -v m="$mode" -v os="$os" -v oc="$oc" -v ns="$ns" -v nc="$nc" 'BEGIN {
            printf "| default%s | %.3f (%.2f) | %.3f (%.2f) | %.2fx (%.2fx) |\n",
                (m == "charts" ? ", charts rendered" : ", --no-render"), os, oc, ns, nc, ns / os,
                (oc > 0 ? nc / oc : 0) }'
        [ "$mode" = charts ] && { def_old=$os; def_new=$ns; }
    done
fi

if ! skip big; then
    echo
    echo "10^7 draws, trend, 2 threads, --no-render (best of $BIG_REPEAT, one after the other):"
    echo
    echo "| | wall s | peak MiB |"
    echo "|---|---:|---:|"
    read -r bos boc bok bns bnc bnk < <(pair "$BIG_REPEAT" \
        "$old" --plan "$plan" --scenario "$scen" --draws 10000000 --threads 2 --no-render --quiet --out "$work/big-old" -- \
        "$new" --plan "$plan" --scenario "$scen" --draws 10000000 --threads 2 --no-render --quiet --out "$work/big-new")
    awk -v s="$bos" -v c="$boc" -v k="$bok" -v r="$REF" 'BEGIN { printf "| %s | %.2f (%.2f) | %.0f |\n", r, s, c, k / 1024 }'
    awk -v s="$bns" -v c="$bnc" -v k="$bnk" 'BEGIN { printf "| this tree | %.2f (%.2f) | %.0f |\n", s, c, k / 1024 }'
fi

if ! skip table; then
    echo
    echo "Monte Carlo, the whole command (best of $REPEAT):"
    echo
    echo "| draws | threads | targetsim s | targetsim MiB | NumPy s | NumPy MiB | bare normals s | targetsim / bare (cpu) | NumPy / targetsim | 1→2 threads: targetsim (bare) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for n in $DRAWS; do
        declare -A ts_s=() bs_s=()
        for t in 1 2; do
            # Round after round, the three one after the other, so that a
            # change of load on the machine weighs on all three alike.
            read -r ts tc tk np nc nk bs bc bk < <(trio "$REPEAT" \
                "$new" --plan "$plan" --scenario "$scen" --draws "$n" --threads "$t" \
                --no-render --quiet --out "$work/ts" -- \
                env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$t" \
                "$PY" "$here/bench/mc_numpy.py" "$plan" "$scen" "$n" -- \
                "$build/gauss_bare" "$n" "$normals" "$t")
            ts_s[$t]=$ts
            bs_s[$t]=$bs
            speedup="-"
            [ "$t" = 2 ] && speedup=$(awk -v a="${ts_s[1]}" -v b="$ts" -v c="${bs_s[1]}" -v d="$bs" \
                'BEGIN { printf "%.2fx (%.2fx)", a / b, c / d }')
            awk -v n="$n" -v t="$t" -v ts="$ts" -v tc="$tc" -v tk="$tk" -v np="$np" -v nc="$nc" \
                -v nk="$nk" -v bs="$bs" -v bc="$bc" -v sp="$speedup" 'BEGIN {
                printf "| %d | %d | %.3f (%.2f) | %.0f | %.3f (%.2f) | %.0f | %.3f (%.2f) | %.2fx (%.2fx) | %.1fx | %s |\n",
                    n, t, ts, tc, tk / 1024, np, nc, nk / 1024, bs, bc, ts / bs, (bc > 0 ? tc / bc : 0),
                    np / ts, sp }'
            if [ "$n" = 1000000 ] && [ "$t" = 2 ]; then m6_ts=$ts; m6_np=$np; m6_bs=$bs; fi
        done
    done
fi

if ! skip phases; then
    # Where the time goes, inside one process (no loading, reports or
    # files): the draws with the attainment counts only (one pass), then
    # with the percentile bands (past 1 MiB: two passes), then with every
    # draw kept for them (one pass, the store); against the bare normals.
    echo
    echo "Library phases (bench/mc_phases.c, in-process; wall s, CPU s in brackets; best of $REPEAT):"
    echo
    echo "| draws | threads | draws + counts | + percentiles (passes) | draws kept instead (1 pass) | bare normals | counts / bare (cpu) | percentiles / bare (cpu) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
    for n in $DRAWS; do
        for t in 1 2; do
            bw="" bcp="" cw="" ccp="" pw="" pcp="" kw="" kcp="" passes=""
            for ((r = 0; r < REPEAT; r++)); do
                /usr/bin/time -f "%U %S" -o "$work/bt" "$build/gauss_bare" "$n" "$normals" "$t" >"$work/b"
                w=$(awk '{ print $4 }' "$work/b")
                c=$(awk '{ print $1 + $2 }' "$work/bt")
                if [ -z "$bw" ] || less "$w" "$bw"; then bw=$w; fi
                if [ -z "$bcp" ] || less "$c" "$bcp"; then bcp=$c; fi
                "$build/mc_phases" "$plan" "$scen" "$n" "$t" >"$work/p"
                read -r _ w c _ < <(grep counts_only "$work/p")
                if [ -z "$cw" ] || less "$w" "$cw"; then cw=$w; fi
                if [ -z "$ccp" ] || less "$c" "$ccp"; then ccp=$c; fi
                read -r _ w c passes < <(grep with_percentiles "$work/p")
                if [ -z "$pw" ] || less "$w" "$pw"; then pw=$w; fi
                if [ -z "$pcp" ] || less "$c" "$pcp"; then pcp=$c; fi
                "$build/mc_phases" "$plan" "$scen" "$n" "$t" 4096 >"$work/p"
                read -r _ w c _ < <(grep with_percentiles "$work/p")
                if [ -z "$kw" ] || less "$w" "$kw"; then kw=$w; fi
                if [ -z "$kcp" ] || less "$c" "$kcp"; then kcp=$c; fi
            done
            awk -v n="$n" -v t="$t" -v cw="$cw" -v cc="$ccp" -v pw="$pw" -v pc="$pcp" -v ps="$passes" \
                -v kw="$kw" -v kc="$kcp" -v bw="$bw" -v bc="$bcp" 'BEGIN {
                printf "| %d | %d | %.3f (%.2f) | %.3f (%.2f) (%d) | %.3f (%.2f) | %.3f (%.2f) | %.2fx (%.2fx) | %.2fx (%.2fx) |\n",
                    n, t, cw, cc, pw, pc, ps, kw, kc, bw, bc, cw / bw, (bc > 0 ? cc / bc : 0),
                    pw / bw, (bc > 0 ? pc / bc : 0) }'
        done
    done
fi

echo
echo "Targets (issue 15):"
echo
[ -n "${def_old:-}" ] && awk -v o="$def_old" -v n="$def_new" -v r="$REF" 'BEGIN {
    printf "- default run with charts: %.3f s against %.3f s for %s: %.2fx (target <= 0.45x)\n", n, o, r, n / o }'
[ -n "${bns:-}" ] && awk -v s="$bns" -v k="$bnk" -v os="$bos" -v ok="$bok" 'BEGIN {
    printf "- 10^7 draws: peak %.0f MiB (target <= 256), %.2f s against %.2f s (%.0f MiB)\n", k / 1024, s, os, ok / 1024 }'
[ -n "${m6_ts:-}" ] && awk -v t="$m6_ts" -v np="$m6_np" -v b="$m6_bs" 'BEGIN {
    printf "- 10^6 draws, 2 threads: %.1fx faster than NumPy (target >= 6x), %.2fx the bare normals (target <= 2x)\n", np / t, t / b }'
exit 0
