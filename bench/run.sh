#!/usr/bin/env bash
# run.sh - the Monte Carlo benchmark (not a test): targetsim against the same
# model in vectorised NumPy (bench/mc_numpy.py) and against the bare cost of
# its random numbers (bench/gauss_bare.c: the same count of GSL taus2 +
# ziggurat normals, seeded the same way), on the bundled plan's trend
# scenario, at 10^4, 10^5 and 10^6 draws and 1 and 2 threads. Wall time and
# peak memory (maximum resident set size, from /usr/bin/time) of the whole
# process; each figure is the best of REPEAT runs (default 3), since other
# work on the machine only ever adds time. Prints a Markdown table.
#
# Usage: bash bench/run.sh          (REPEAT=5 DRAWS="10000 1000000" to vary)
# Needs: cmake, a C compiler, GSL, cJSON, /usr/bin/time, python3-numpy.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build-bench
REPEAT=${REPEAT:-3}
DRAWS=${DRAWS:-"10000 100000 1000000"}
PY=/usr/bin/python3
plan=$here/scenarios/taiyuan-14fyp.json
scen=$here/scenarios/trend.json
# The reports go to memory (/dev/shm when there is one): targetsim flushes
# every file to disk (fsync), which would time the disk, not the model.
shm=/dev/shm
[ -d "$shm" ] && [ -w "$shm" ] || shm=${TMPDIR:-/tmp}
work=$(mktemp -d "$shm/targetsim-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ! "$PY" -c 'import numpy' 2>/dev/null; then
    echo "bench/run.sh: numpy is missing: apt-get install python3-numpy" >&2
    exit 2
fi
[ -x /usr/bin/time ] || { echo "bench/run.sh: /usr/bin/time is missing: apt-get install time" >&2; exit 2; }

cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j2 --target targetsim gauss_bare mc_phases >/dev/null

# less X Y: true when X < Y (decimals).
less() { awk -v x="$1" -v y="$2" 'BEGIN { exit !(x < y) }'; }

# measure CMD...: prints "WALL_S CPU_S MAXRSS_KIB", each the least of REPEAT
# runs (CPU = user + system time of the process and its threads).
measure() {
    local best_s="" best_c="" best_kb="" r s e kb cpu
    for ((r = 0; r < REPEAT; r++)); do
        s=$(date +%s%N)
        /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" >"$work/out" 2>"$work/err" </dev/null || {
            echo "bench/run.sh: failed: $*" >&2
            cat "$work/err" >&2
            exit 1
        }
        e=$(date +%s%N)
        read -r kb cpu < <(tail -n 1 "$work/rss" | awk '{ print $1, $2 + $3 }')
        s=$(awk -v a="$s" -v b="$e" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
        if [ -z "$best_s" ] || less "$s" "$best_s"; then best_s=$s; fi
        if [ -z "$best_c" ] || less "$cpu" "$best_c"; then best_c=$cpu; fi
        if [ -z "$best_kb" ] || [ "$kb" -lt "$best_kb" ]; then best_kb=$kb; fi
    done
    echo "$best_s $best_c $best_kb"
}

# The model's size: normals per draw and years x indicators of its paths.
"$build/targetsim" --plan "$plan" --scenario "$scen" --draws 100 --threads 1 --no-render \
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
echo "Model: bundled plan, scenario trend: $normals normals per draw; paths of $cells year x indicator cells per draw"
echo "Best of $REPEAT runs of the whole process: wall seconds, CPU seconds (user + system, all"
echo "threads) in brackets, peak resident MiB. Ratios on wall time; 'cpu' ratio on CPU time."
echo
echo "| draws | threads | targetsim s | targetsim MiB | NumPy s | NumPy MiB | bare normals s | targetsim / bare (cpu) | NumPy / targetsim | targetsim 1→2 threads | bound MiB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $DRAWS; do
    declare -A ts_s=()
    for t in 1 2; do
        read -r ts tc tk < <(measure "$build/targetsim" --plan "$plan" --scenario "$scen" \
            --draws "$n" --threads "$t" --no-render --quiet --out "$work/ts")
        read -r np nc nk < <(measure env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
            OPENBLAS_NUM_THREADS="$t" "$PY" "$here/bench/mc_numpy.py" "$plan" "$scen" "$n")
        read -r bs bc bk < <(measure "$build/gauss_bare" "$n" "$normals" "$t")
        ts_s[$t]=$ts
        speedup="-"
        [ "$t" = 2 ] && speedup=$(awk -v a="${ts_s[1]}" -v b="$ts" 'BEGIN { printf "%.2fx", a / b }')
        # One copy of the draws x years x indicators matrix of doubles, + 32 MiB.
        bound=$(awk -v n="$n" -v c="$cells" 'BEGIN { printf "%.0f", n * c * 8 / 1048576 + 32 }')
        awk -v n="$n" -v t="$t" -v ts="$ts" -v tc="$tc" -v tk="$tk" -v np="$np" -v nc="$nc" \
            -v nk="$nk" -v bs="$bs" -v bc="$bc" -v sp="$speedup" -v bound="$bound" 'BEGIN {
            printf "| %d | %d | %.3f (%.2f) | %.0f | %.3f (%.2f) | %.0f | %.3f (%.2f) | %.2fx (%.2fx) | %.1fx | %s | %s |\n",
                n, t, ts, tc, tk / 1024, np, nc, nk / 1024, bs, bc, ts / bs, (bc > 0 ? tc / bc : 0),
                np / ts, sp, bound }'
    done
done

# Where the time goes, inside one process (no loading, reports or files):
# the draws with the attainment counts only, then with the store and the
# percentile bands; against the bare normals. Best of REPEAT.
echo
echo "Library phases (bench/mc_phases.c, in-process; wall s, CPU s in brackets):"
echo
echo "| draws | threads | draws + counts | + store and percentiles | bare normals | counts / bare (cpu) |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in $DRAWS; do
    for t in 1 2; do
        bw="" bcp="" cw="" ccp="" pw="" pcp=""
        for ((r = 0; r < REPEAT; r++)); do
            /usr/bin/time -f "%U %S" -o "$work/bt" "$build/gauss_bare" "$n" "$normals" "$t" >"$work/b"
            w=$(awk '{ print $4 }' "$work/b")
            c=$(awk '{ print $1 + $2 }' "$work/bt")
            if [ -z "$bw" ] || less "$w" "$bw"; then bw=$w; fi
            if [ -z "$bcp" ] || less "$c" "$bcp"; then bcp=$c; fi
            "$build/mc_phases" "$plan" "$scen" "$n" "$t" >"$work/p"
            read -r _ w c < <(grep counts_only "$work/p")
            if [ -z "$cw" ] || less "$w" "$cw"; then cw=$w; fi
            if [ -z "$ccp" ] || less "$c" "$ccp"; then ccp=$c; fi
            read -r _ w c < <(grep with_percentiles "$work/p")
            if [ -z "$pw" ] || less "$w" "$pw"; then pw=$w; fi
            if [ -z "$pcp" ] || less "$c" "$pcp"; then pcp=$c; fi
        done
        awk -v n="$n" -v t="$t" -v cw="$cw" -v cc="$ccp" -v pw="$pw" -v pc="$pcp" -v bw="$bw" \
            -v bc="$bcp" 'BEGIN {
            printf "| %d | %d | %.3f (%.2f) | %.3f (%.2f) | %.3f (%.2f) | %.2fx (%.2fx) |\n",
                n, t, cw, cc, pw, pc, bw, bc, cw / bw, (bc > 0 ? cc / bc : 0) }'
    done
done
