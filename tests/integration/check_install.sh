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
#      chart templates, man page, docs, examples, headers (version.h among
#      them), static and shared library (with its SONAME links), the CMake
#      package and the two .pc files, whose prefix is the install prefix;
#   2. the installed binary, run from an unrelated folder with no
#      TARGETSIM_* variable, finds its data and templates under
#      <exe>/../share/targetsim and writes every report (exit 0);
#   3. the installed man page renders (man -l) when man(1) is installed, and
#      names the version targetsim --version prints;
#   4. examples/embed.c compiles through pkg-config and runs on the installed
#      plan: with targetsim.pc (the static library; --static and plain
#      --libs) and with targetsim-shared.pc (libtargetsim.so.MAJOR);
#   5. examples/find_package (find_package(targetsim), targetsim::targetsim)
#      configures, builds and runs against the prefix, and so does a
#      program linking targetsim::targetsim_shared;
#   6. the prefix moved elsewhere still works: the binary, pkg-config (the
#      .pc files are relocatable) and find_package;
#   7. a DESTDIR staging install holds no path of the staging folder, and
#      its .pc files name /opt/targetsim once it is there.
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
major=$("$BUILD/targetsim" --version | cut -d' ' -f2 | cut -d. -f1)
for f in bin/targetsim \
    share/targetsim/taiyuan-14fyp.json share/targetsim/trend.json \
    share/targetsim/plan-pace.json share/targetsim/downside.json \
    share/man/man1/targetsim.1 \
    share/doc/targetsim/methodology.md share/doc/targetsim/input-format.md \
    share/doc/targetsim/report-format.md share/doc/targetsim/examples/embed.c \
    share/doc/targetsim/examples/find_package/CMakeLists.txt \
    "$libdir/libtargetsim.so" "$libdir/libtargetsim.so.$major" \
    "$libdir/cmake/targetsim/targetsimConfig.cmake" \
    "$libdir/cmake/targetsim/targetsimConfigVersion.cmake" \
    "$libdir/cmake/targetsim/targetsimTargets.cmake" \
    "$libdir/pkgconfig/targetsim.pc" "$libdir/pkgconfig/targetsim-shared.pc"; do
    [ -f "$PREFIX/$f" ] || fail "not installed: $f"
done
for s in "$SRC"/scenarios/*.json; do
    cmp -s "$s" "$PREFIX/share/targetsim/$(basename "$s")" ||
        fail "scenario not installed as is: $(basename "$s")"
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
# The .pc files find prefix from their own folder (${pcfiledir}/../..).
for pc in targetsim targetsim-shared; do
    pc_prefix=$(pkg-config --variable=prefix $pc)
    [ "$(realpath -m "$pc_prefix")" = "$PREFIX" ] ||
        fail "$pc.pc: prefix=$pc_prefix, installed to $PREFIX"
done
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
    grep -qF "targetsim $("$PREFIX/bin/targetsim" --version | cut -d' ' -f2)" "$WORK/man.txt" ||
        fail "the installed man page does not name the version of targetsim --version"
else
    echo "note: man(1) not installed, the installed page is not rendered"
fi

# expect_embed WHAT OUTPUT_FILE: embed.c's verdict on the bundled plan.
expect_embed() {
    grep -q "^status: missed$" "$2" && grep -q "^value in 2025: 5382.45$" "$2" ||
        fail "$1 printed: $(cat "$2")"
}

# needs_shared WHAT EXE yes|no: whether EXE needs libtargetsim.so.MAJOR.
needs_shared() {
    command -v readelf >/dev/null || return 0
    local needed=no
    readelf -d "$2" | grep -q "NEEDED.*\[libtargetsim\.so\.$major\]" && needed=yes
    [ "$needed" = "$3" ] || fail "$1: needs libtargetsim.so.$major: $needed, expected $3"
}

# 4. a program against the installed library, through pkg-config
# pkgconfig_embed PREFIX: embed.c through targetsim.pc (static; --static
# and plain --libs) and targetsim-shared.pc (run through an rpath).
pkgconfig_embed() {
    local prefix=$1 example=$1/share/doc/targetsim/examples/embed.c data mode exe rpath
    export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
    data=$(pkg-config --variable=pkgdatadir targetsim)
    for mode in "targetsim --static" "targetsim" "targetsim-shared"; do
        echo "== cc embed.c \$(pkg-config --cflags --libs $mode)"
        exe=$WORK/embed-${mode// /}
        rpath=()
        [ "$mode" = targetsim-shared ] &&
            rpath=("-Wl,-rpath,$(pkg-config --variable=libdir targetsim-shared)")
        # shellcheck disable=SC2046,SC2086 # pkg-config output is meant to be split
        if ! "$CC" -std=c11 -Wall -Wextra -Werror "$example" -o "$exe" \
            -DTARGETSIM_PKGDATADIR="\"$data\"" \
            $(pkg-config --cflags --libs $mode) "${rpath[@]}" ${EXTRA[@]+"${EXTRA[@]}"} \
            >"$WORK/cc.log" 2>&1; then
            fail "cc embed.c with pkg-config --libs $mode: $(cat "$WORK/cc.log")"
            continue
        fi
        (cd "$WORK/elsewhere" && "$exe") >"$WORK/embed.out" 2>&1 ||
            fail "embed (pkg-config $mode) failed: $(cat "$WORK/embed.out")"
        expect_embed "embed (pkg-config $mode)" "$WORK/embed.out"
        needs_shared "embed (pkg-config $mode)" "$exe" \
            "$([ "$mode" = targetsim-shared ] && echo yes || echo no)"
    done
}
pkgconfig_embed "$PREFIX"
# The header compiles on its own (no GSL or cJSON header needed by users).
echo '#include <targetsim/targetsim.h>
#if TARGETSIM_VERSION_NUMBER < 100
#error "version.h: TARGETSIM_VERSION_NUMBER"
#endif
int main(void) { return ts_version()[0] == 0; }' >"$WORK/min.c"
# shellcheck disable=SC2046
"$CC" -std=c11 -Wall -Wextra -Werror -pedantic "$WORK/min.c" -o "$WORK/min" \
    $(pkg-config --cflags --libs targetsim) ${EXTRA[@]+"${EXTRA[@]}"} >"$WORK/cc.log" 2>&1 &&
    "$WORK/min" || fail "a minimal program against the installed headers: $(cat "$WORK/cc.log")"

# 5. find_package(targetsim): examples/find_package as installed (static
# library), then a project of our own linking the shared library, which
# also checks the package's version handling.
version=$("$PREFIX/bin/targetsim" --version | cut -d' ' -f2)
mkdir -p "$WORK/shared-project"
cat >"$WORK/shared-project/CMakeLists.txt" <<EOF_CMAKE
cmake_minimum_required(VERSION 3.18)
project(embed_shared LANGUAGES C)
find_package(targetsim $((major + 1)) QUIET)
if(targetsim_FOUND)
  message(FATAL_ERROR "find_package(targetsim $((major + 1))) accepted version \${targetsim_VERSION}")
endif()
find_package(targetsim $version EXACT REQUIRED)
add_executable(embed_shared \${targetsim_PKGDATADIR}/../doc/targetsim/examples/embed.c)
target_link_libraries(embed_shared PRIVATE targetsim::targetsim_shared)
target_compile_definitions(embed_shared PRIVATE TARGETSIM_PKGDATADIR="\${targetsim_PKGDATADIR}")
EOF_CMAKE
# cmake_embed PREFIX TAG: configure, build and run both projects.
cmake_embed() {
    local prefix=$1 tag=$2 project exe
    for project in "$prefix/share/doc/targetsim/examples/find_package" "$WORK/shared-project"; do
        local b=$WORK/cmake-$tag-$(basename "$project")
        echo "== find_package(targetsim): $project against $prefix"
        if ! { cmake -S "$project" -B "$b" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$CC" \
            -DCMAKE_C_FLAGS="-Wall -Wextra -Werror" -DCMAKE_EXE_LINKER_FLAGS="${EXTRA[*]}" &&
            cmake --build "$b"; } >"$WORK/cmake.log" 2>&1; then
            fail "find_package project $project ($tag): $(cat "$WORK/cmake.log")"
            continue
        fi
        exe=$b/embed
        [ -x "$exe" ] || exe=$b/embed_shared
        (cd "$WORK/elsewhere" && "$exe") >"$WORK/embed.out" 2>&1 ||
            fail "$exe failed: $(cat "$WORK/embed.out")"
        expect_embed "$exe" "$WORK/embed.out"
        needs_shared "$exe" "$exe" "$([ "${exe##*/}" = embed_shared ] && echo yes || echo no)"
    done
}
cmake_embed "$PREFIX" installed

# 6. the prefix moved: nothing in it names where it was installed.
echo "== the prefix moved to $WORK/moved"
mv "$PREFIX" "$WORK/moved"
(cd "$WORK/elsewhere" && "$WORK/moved/bin/targetsim" --quiet --no-render --out moved) \
    >"$WORK/run.out" 2>&1 || fail "moved targetsim failed: $(cat "$WORK/run.out")"
grep -qF "Plan file: $WORK/moved/bin/../share/targetsim/taiyuan-14fyp.json" \
    "$WORK/elsewhere/moved/report.txt" || fail "moved targetsim did not use the moved plan"
export PKG_CONFIG_PATH=$WORK/moved/$libdir/pkgconfig
pc_prefix=$(pkg-config --variable=prefix targetsim)
[ "$(realpath -m "$pc_prefix")" = "$WORK/moved" ] ||
    fail "moved targetsim.pc: prefix=$pc_prefix, moved to $WORK/moved"
pkgconfig_embed "$WORK/moved"
cmake_embed "$WORK/moved" moved

# 7. DESTDIR staging: no file names the staging folder; the .pc files will
# name /opt/targetsim once they are there.
DESTDIR=$WORK/stage cmake --install "$BUILD" --prefix /opt/targetsim >"$WORK/stage.log" 2>&1 ||
    fail "DESTDIR install: $(cat "$WORK/stage.log")"
staged=$(grep -rlF "$WORK/stage" "$WORK/stage" 2>/dev/null)
[ -z "$staged" ] || fail "DESTDIR install: files name the staging folder: $staged"
for pc in targetsim targetsim-shared; do
    pc_prefix=$(PKG_CONFIG_PATH=$WORK/stage/opt/targetsim/$libdir/pkgconfig \
        pkg-config --variable=prefix $pc)
    [ "$(realpath -m "$pc_prefix")" = "$WORK/stage/opt/targetsim" ] ||
        fail "DESTDIR install: $pc.pc: prefix=$pc_prefix, not the folder it is in"
done

if [ $failures -gt 0 ]; then
    echo "$failures failures"
    exit 1
fi
echo "ok: installed to $PREFIX ($libdir), ran the binary, embed.c through pkg-config and" \
    "find_package, and all of it again with the prefix moved"
