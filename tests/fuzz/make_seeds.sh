#!/usr/bin/env bash
# make_seeds.sh - writes the seed corpus of each fuzz target into OUT/TARGET/.
# Usage: tests/fuzz/make_seeds.sh OUT
#
# Seeds are the bundled plan and scenarios (scenarios/*.json) and the CLI
# tests' good and bad input files (tests/cli/data/*.json, and the inline
# files of the case files, written out by run_case.sh --files as NNN-NAME),
# alone and joined
# into the multi-file inputs the scenario and run targets read: files
# separated by NUL bytes, loaded as a.json, b.json, ... (fuzz_common.h). An
# `extends` or a plan's scenario list is rewritten to name the next part, so
# the chain is fuzzed, not only the file that starts it.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
out=$1
bundled=$here/scenarios
data=$here/tests/cli/data
mkdir -p "$out/fuzz_plan" "$out/fuzz_scenario" "$out/fuzz_run" "$out/fuzz_charts"

# join FILE...: the files' contents separated by NUL bytes, on stdout.
join() {
    local first=1
    for f in "$@"; do
        [ "$first" = 1 ] || printf '\0'
        first=0
        cat "$f"
    done
}

# extends FILE NAME: FILE with its "extends" rewritten to NAME.
extends() {
    sed -E "s/\"extends\": *\"[^\"]*\"/\"extends\": \"$2\"/" "$1"
}

# scenarios FILE LIST: a plan FILE whose scenario list is replaced by LIST.
scenarios() {
    sed -E "s/\"scenarios\": *\[[^]]*\]/\"scenarios\": [$2]/" "$1"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inline=$tmp/inline
mkdir "$inline"
bash "$here/tests/cli/run_case.sh" --files "$inline" "$here"/tests/cli/cases/*.case

# fuzz_plan: every file on its own.
for f in "$bundled"/*.json "$data"/*.json "$inline"/*.json; do
    cp "$f" "$out/fuzz_plan/$(basename "$f")"
done

# fuzz_scenario: every file alone (as a.json), then chains through b.json...
for f in "$bundled"/*.json "$data"/*.json "$inline"/*.json; do
    cp "$f" "$out/fuzz_scenario/$(basename "$f")"
done
s=$out/fuzz_scenario
extends "$bundled/plan-pace.json" b.json >"$tmp/pace-b.json"
extends "$bundled/downside.json" c.json >"$tmp/down-c.json"
extends "$bundled/downside.json" b.json >"$tmp/down-b.json"
join "$tmp/pace-b.json" "$bundled/trend.json" >"$s/chain-2"
join "$tmp/down-b.json" "$bundled/trend.json" >"$s/chain-2-downside"
extends "$bundled/plan-pace.json" b.json >"$tmp/a.json"
join "$tmp/a.json" "$tmp/down-c.json" "$bundled/trend.json" >"$s/chain-3"
extends "$data/cycle-a.json" b.json >"$tmp/ca.json"
extends "$data/cycle-b.json" a.json >"$tmp/cb.json"
join "$tmp/ca.json" "$tmp/cb.json" >"$s/cycle-2"
printf '{"id": "self", "extends": "a.json"}' >"$s/cycle-self"
printf '{"id": "child", "extends": "b.json", "assumptions": {"gdp": {"growth": {"2024": 0.07, "default": 0.05}, "shock": {"2022": -0.03}}}, "uncertainty": {"sd": {"gdp": 0.02}, "correlation": {"gdp,population": 0.5}}}' >"$tmp/child.json"
join "$tmp/child.json" "$data/scen.json" >"$s/child-of-scen"

# fuzz_run: each plan alone (its listed scenarios are in the scratch
# folder), the mini plan with a.json..c.json, the Taiyuan plan likewise.
r=$out/fuzz_run
for f in "$bundled/taiyuan-14fyp.json" "$data"/plan*.json "$data"/bad-*.json \
    "$inline"/[0-9][0-9][0-9]-plan*.json "$inline"/[0-9][0-9][0-9]-bad-*.json; do
    cp "$f" "$r/$(basename "$f")"
done
scenarios "$data/plan.json" '"a.json"' >"$tmp/mini-a.json"
for f in "$data"/scen*.json "$data"/bad-scen-*.json \
    "$inline"/[0-9][0-9][0-9]-scen*.json "$inline"/[0-9][0-9][0-9]-bad-scen-*.json; do
    join "$tmp/mini-a.json" "$f" >"$r/mini+$(basename "$f")"
done
join "$tmp/mini-a.json" "$tmp/child.json" "$data/scen.json" >"$r/mini+child-of-scen"
scenarios "$bundled/taiyuan-14fyp.json" '"a.json", "b.json"' >"$tmp/ty-ab.json"
join "$tmp/ty-ab.json" "$tmp/pace-b.json" "$bundled/trend.json" >"$r/taiyuan+chain"
echo "seeds: $(ls "$out/fuzz_plan" | wc -l) plan, $(ls "$s" | wc -l) scenario, $(ls "$r" | wc -l) run in $out"

# fuzz_charts: texts, not files: its regressions (hostile texts of every
# kind gnuplot reads specially) and the bundled plan's names and units.
cp "$here"/tests/fuzz/regressions/fuzz_charts/* "$out/fuzz_charts/"
python3 - "$bundled/taiyuan-14fyp.json" "$out/fuzz_charts" <<'PY' || true
import json, sys
plan = json.load(open(sys.argv[1], encoding="utf-8"))
for k, ind in plan["indicators"].items():
    for lang in ("en", "zh"):
        parts = [ind.get("name", {}).get(lang, k), ind.get("unit", {}).get(lang, ""),
                 plan["name"][lang], plan["name"][lang]]
        open(f"{sys.argv[2]}/taiyuan-{k}-{lang}", "wb").write(b"\0".join(p.encode() for p in parts))
PY
