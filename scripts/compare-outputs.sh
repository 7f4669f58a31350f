#!/usr/bin/env bash
# compare-outputs.sh - are this tree's outputs byte-identical to REV's?
# Usage: scripts/compare-outputs.sh REV [targetsim options...]
# Builds REV in a temporary git worktree and this tree in build/, runs both
# on the bundled plan with the same options (charts written, not rendered:
# gnuplot output is not ours) and compares every file of the two output
# folders byte for byte: report.txt/.json/.csv, paths.csv, fan.csv,
# tornado.csv, sweep.csv, every .dat and .gp. Exit 0 when all are identical,
# 1 with the list of differing files otherwise. Used for refactors that must
# not change behaviour (folder moves, speed work).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rev=${1:?usage: compare-outputs.sh REV [targetsim options...]}
shift
work=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$here" worktree add --detach "$work/src" "$rev" >/dev/null 2>&1
cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
cmake --build "$work/build" -j"$(nproc)" --target targetsim >/dev/null
cmake --build "$here/build" -j"$(nproc)" --target targetsim >/dev/null
status=0
for variant in default zh; do
  extra=()
  [ "$variant" = zh ] && extra=(--lang zh)
  # Both read this tree's plan and templates, so only the code differs (the
  # reports name the plan file).
  for side in old new; do
    bin="$here/build/targetsim"
    [ "$side" = old ] && bin="$work/build/targetsim"
    (cd "$here" && TARGETSIM_DATA_DIR="$here/scenarios" TARGETSIM_TEMPLATE_DIR="$here/plots/templates" \
      "$bin" --quiet --no-render --out "$work/$side-$variant" "${extra[@]}" "$@")
  done
  # report.html embeds no chart here (--no-render); it is compared too.
  if ! diff -r -q "$work/old-$variant" "$work/new-$variant"; then
    status=1
  else
    echo "$variant: $(ls "$work/new-$variant" | wc -l) files identical to $rev"
  fi
done
exit $status
