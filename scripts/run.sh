#!/usr/bin/env bash
# run.sh - set up, build, and run targetsim on the bundled Taiyuan plan.
# Extra arguments go to targetsim (e.g. --lang zh, --out DIR).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh" "$here/build"
cd "$here"
exec ./build/targetsim "$@"
