#!/usr/bin/env bash
# readme-chart.sh - regenerate the chart shown in README.md from the bundled
# plan (docs/img/indicator-gdp.png). Builds first if needed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
[ -x "$here/build/targetsim" ] || "$here/scripts/setup.sh" "$here/build"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/build/targetsim" --quiet --out "$tmp"
mkdir -p "$here/docs/img"
cp "$tmp/indicator-gdp.png" "$here/docs/img/indicator-gdp.png"
echo "wrote docs/img/indicator-gdp.png"
