#!/usr/bin/env bash
# setup.sh - install what is missing (Debian 12, apt-get) and build targetsim.
# Usage: scripts/setup.sh [BUILD_DIR] [extra cmake arguments...]
# With TARGETSIM_SETUP_TESTS=1 (scripts/test.sh sets it) the test tools are
# installed too (test_packages below).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build"}
shift || true

packages=(build-essential cmake pkg-config libgsl-dev libcjson-dev gnuplot-nox fonts-noto-cjk python3
          libxlsxwriter-dev)
# What only the tests need (scripts/test.sh sets TARGETSIM_SETUP_TESTS=1): a
# browser to load report.html and poppler-utils to read its PDF, man(1) to
# render targetsim(1), valgrind for the CLI cases, clang and its libFuzzer
# runtime for the fuzz smoke run, openpyxl to read report.xlsx back.
test_packages=(chromium poppler-utils man-db valgrind clang libclang-rt-14-dev python3-openpyxl)
if [ "${TARGETSIM_SETUP_TESTS:-0}" = 1 ]; then
  packages+=("${test_packages[@]}")
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# TARGETSIM_WERROR: a warning fails the build here (the README commands, CI);
# a plain `cmake -S . -B build` leaves it off.
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTARGETSIM_WERROR=ON "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
