#!/usr/bin/env bash
# check_install.sh - `cmake --install` into a temporary prefix, then use the
# installed targetsim the way its users do.
#
# Usage: check_install.sh BUILD_DIR SRC_DIR CC [EXTRA_LINK_FLAGS...]
#   EXTRA_LINK_FLAGS: what a program linking this build's library needs on
#   top of pkg-config's answer (the sanitizer flags of an ASan build).
#
# Checks:
#   1. every file lands where it should: binary, bundled plan and scenarios,
#      chart templates, man page, docs, example, headers, static library,
#      targetsim.pc naming the --prefix given at install time;
#   2. the installed binary, run from an unrelated folder with no
#      TARGETSIM_* variable, finds its data and templates under
#      <exe>/../share/targetsim and writes every report (exit 0);
#   3. the installed man page renders (man -l) when man(1) is installed;
#   4. examples/embed.c compiles against the installed library through
#      pkg-config (--static, and plain --libs) and runs on the installed plan;
#   5. a DESTDIR staging install keeps the real prefix in targetsim.pc.
set -u
if [ $# -lt 3 ]; then
    echo "usage: check_install.sh BUILD_DIR SRC_DIR CC [EXTRA_LINK_FLAGS...]" >&2
    exit 2
fi
BUILD=$1 SRC=$2 CC=$3
shift 3
EXTRA=("$@")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/targetsim-install.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
PREFIX=$WORK/prefix
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
unset TARGETSIM_DATA_DIR TARGETSIM_TEMPLATE_DIR

echo "== cmake --install $BUILD --prefix $PREFIX"
if ! cmake --install "$BUILD" --prefix "$PREFIX" >"$WORK/install.log" 2>&1; then
    cat "$WORK/install.log"
    echo "FAIL: cmake --install"
    exit 1
fi

# 1. the files
libdir=$(cd "$PREFIX" && ls -d lib lib64 lib/*-linux-gnu 2>/dev/null | while read -r d; do
    [ -f "$PREFIX/$d/libtargetsim.a" ] && echo "$d"; done | head -n 1)
[ -n "$libdir" ] || fail "no libtargetsim.a under $PREFIX/lib*"
for f in bin/targetsim \
    share/targetsim/taiyuan-14fyp.json share/targetsim/trend.json \
    share/targetsim/plan-pace.json share/targetsim/downside.json \
    share/man/man1/targetsim.1 \
    share/doc/targetsim/methodology.md share/doc/targetsim/input-format.md \
    share/doc/targetsim/report-format.md share/doc/targetsim/examples/embed.c \
    "$libdir/pkgconfig/targetsim.pc"; do
    [ -f "$PREFIX/$f" ] || fail "not installed: $f"
done
[ -x "$PREFIX/bin/targetsim" ] || fail "bin/targetsim is not executable"
for t in "$SRC"/plots/templates/*.gp; do
    [ -f "$PREFIX/share/targetsim/templates/$(basename "$t")" ] ||
        fail "template not installed: $(basename "$t")"
done
for h in "$SRC"/sim/include/targetsim/*.h "$BUILD"/include/targetsim/version.h; do
    cmp -s "$h" "$PREFIX/include/targetsim/$(basename "$h")" ||
        fail "header not installed as is: $(basename "$h")"
done
export PKG_CONFIG_PATH=$PREFIX/$libdir/pkgconfig
pc_prefix=$(pkg-config --variable=prefix targetsim)
[ "$pc_prefix" = "$PREFIX" ] || fail "targetsim.pc: prefix=$pc_prefix, installed to $PREFIX"
pc_data=$(pkg-config --variable=pkgdatadir targetsim)
[ -f "$pc_data/taiyuan-14fyp.json" ] || fail "targetsim.pc: pkgdatadir=$pc_data has no plan"
[ "$(pkg-config --modversion targetsim)" = "$("$PREFIX/bin/targetsim" --version | cut -d' ' -f2)" ] ||
    fail "targetsim.pc: version differs from targetsim --version"

# 2. the installed binary on the bundled plan
echo "== $PREFIX/bin/targetsim"
mkdir "$WORK/elsewhere"
(cd "$WORK/elsewhere" && "$PREFIX/bin/targetsim" --out run) >"$WORK/run.out" 2>"$WORK/run.err"
status=$?
[ $status -eq 0 ] || fail "installed targetsim exited $status: $(cat "$WORK/run.err")"
for f in report.txt report.json report.csv paths.csv report.html indicator-gdp.gp attainment.dat; do
    [ -f "$WORK/elsewhere/run/$f" ] || fail "installed targetsim did not write $f"
done
grep -qF "Plan file: $PREFIX/bin/../share/targetsim/taiyuan-14fyp.json" \
    "$WORK/elsewhere/run/report.txt" ||
    fail "installed targetsim did not use the installed plan: $(grep 'Plan file' "$WORK/elsewhere/run/report.txt")"
grep -q "warning" "$WORK/run.err" && fail "installed targetsim warned: $(cat "$WORK/run.err")"

# 3. the man page
if command -v man >/dev/null; then
    MANWIDTH=100 man -l "$PREFIX/share/man/man1/targetsim.1" >"$WORK/man.txt" 2>&1 ||
        fail "man -l on the installed page failed"
    grep -q -- "--csv-bom" "$WORK/man.txt" || fail "the installed man page lacks --csv-bom"
else
    echo "note: man(1) not installed, the installed page is not rendered"
fi

# 4. a program against the installed library, through pkg-config
echo "== cc embed.c \$(pkg-config --cflags --libs [--static] targetsim)"
example=$PREFIX/share/doc/targetsim/examples/embed.c
for mode in --static ""; do
    exe=$WORK/embed${mode:+-static}
    # shellcheck disable=SC2046 # pkg-config output is meant to be split
    if ! "$CC" -std=c11 -Wall -Wextra -Werror "$example" -o "$exe" \
        -DTARGETSIM_PKGDATADIR="\"$pc_data\"" \
        $(pkg-config --cflags --libs $mode targetsim) ${EXTRA[@]+"${EXTRA[@]}"} \
        >"$WORK/cc.log" 2>&1; then
        fail "cc embed.c with pkg-config --libs $mode: $(cat "$WORK/cc.log")"
        continue
    fi
    (cd "$WORK/elsewhere" && "$exe") >"$WORK/embed.out" 2>&1 ||
        fail "embed (pkg-config $mode) failed: $(cat "$WORK/embed.out")"
    grep -q "^status: missed$" "$WORK/embed.out" && grep -q "^value in 2025: 5382.45$" "$WORK/embed.out" ||
        fail "embed (pkg-config $mode) printed: $(cat "$WORK/embed.out")"
done
# The header compiles on its own (no GSL or cJSON header needed by users).
echo '#include <targetsim/targetsim.h>
int main(void) { return ts_version()[0] == 0; }' >"$WORK/min.c"
# shellcheck disable=SC2046
"$CC" -std=c11 -Wall -Wextra -Werror -pedantic "$WORK/min.c" -o "$WORK/min" \
    $(pkg-config --cflags --libs targetsim) ${EXTRA[@]+"${EXTRA[@]}"} >"$WORK/cc.log" 2>&1 &&
    "$WORK/min" || fail "a minimal program against the installed headers: $(cat "$WORK/cc.log")"

# 5. DESTDIR staging
DESTDIR=$WORK/stage cmake --install "$BUILD" --prefix /opt/targetsim >"$WORK/stage.log" 2>&1 ||
    fail "DESTDIR install: $(cat "$WORK/stage.log")"
grep -qx "prefix=/opt/targetsim" "$WORK/stage/opt/targetsim/$libdir/pkgconfig/targetsim.pc" ||
    fail "DESTDIR install: targetsim.pc does not say prefix=/opt/targetsim"

if [ $failures -gt 0 ]; then
    echo "$failures failures"
    exit 1
fi
echo "ok: installed to $PREFIX ($libdir), ran the binary and embed.c through pkg-config"
