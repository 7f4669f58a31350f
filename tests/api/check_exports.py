#!/usr/bin/env python3
"""check_exports.py - the shared library exports the public API, all of it
and nothing else.

Usage: check_exports.py LIBRARY INCLUDE_DIR [--soname NAME]
       check_exports.py --symbols FILE INCLUDE_DIR

LIBRARY is libtargetsim.so (built with hidden visibility: only declarations
marked TS_API, targetsim/export.h, are exported); INCLUDE_DIR holds the
public headers (sim/include, with targetsim/*.h). With --symbols, FILE is a
list of exported names, one a line, checked instead of a library's (to try
the check on a list; `nm -D --defined-only LIB | awk '{print $3}'` makes
one).

What is checked:
  1. every symbol the library exports (nm -D --defined-only) starts with
     ts_ and is declared in a public header (a function or an extern
     variable); the linker's own symbols (_init, _fini, _edata, _end,
     __bss_start) and AddressSanitizer's __odr_asan.* twins of exported
     variables are left out;
  2. every function and extern variable declared in a public header is
     exported, as a function (T) or as data (D, R, B) as declared;
  3. every such declaration carries TS_API (so visibility, not luck, makes
     it exported);
  4. with --soname, the library's SONAME is NAME.
Exit 0 when all hold, 1 with one FAIL line per problem, 77 (skipped) when
nm is not installed.
"""

import glob
import os
import re
import shutil
import subprocess
import sys

LINKER_SYMBOLS = {"_init", "_fini", "_edata", "_end", "__bss_start"}
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def strip_code(text):
    """The header without comments, preprocessor lines or string literals."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"^\s*#(?:[^\n]*\\\n)*[^\n]*", " ", text, flags=re.M)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    return text


def top_level_statements(code):
    """The header's statements outside braces (struct bodies and enum lists
    are skipped), each up to its ';'. The braces of extern "C" do not
    count: its opening line is dropped here, its closing brace ignored."""
    code = re.sub(r'extern\s*""\s*\{', " ", code)
    statements, depth, current = [], 0, []
    for ch in code:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            if ch == ";":
                statements.append(" ".join("".join(current).split()))
                current = []
            else:
                current.append(ch)
    return statements


def declarations(include_dir):
    """name -> (kind, header, has TS_API) for every function and extern
    variable the public headers declare."""
    found = {}
    for header in sorted(glob.glob(os.path.join(include_dir, "targetsim", "*.h"))):
        with open(header, encoding="utf-8") as f:
            code = strip_code(f.read())
        for stmt in top_level_statements(code):
            if not stmt or stmt.startswith("typedef") or stmt.startswith("static"):
                continue
            exported = bool(re.search(r"\bTS_API\b", stmt))
            m = re.search(r"\b([A-Za-z_]\w*)\s*\(", stmt)
            if m:
                name, kind = m.group(1), "function"
            elif stmt.startswith("extern") or re.match(r"TS_API\s+extern", stmt):
                m = re.search(r"\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)*$", stmt)
                if not m:
                    continue
                name, kind = m.group(1), "variable"
            else:
                continue  # a struct, union or enum definition ends here
            found[name] = (kind, os.path.relpath(header, include_dir), exported)
    return found


def exported_symbols(library):
    """name -> nm type letter of every defined dynamic symbol."""
    out = subprocess.run(["nm", "-D", "--defined-only", library], capture_output=True,
                         text=True, check=True).stdout
    symbols = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            symbols[parts[2].split("@")[0]] = parts[1]
    return symbols


def main(argv):
    soname = None
    if "--soname" in argv:
        i = argv.index("--soname")
        soname = argv[i + 1]
        del argv[i:i + 2]
    if len(argv) == 4 and argv[1] == "--symbols":
        with open(argv[2], encoding="utf-8") as f:
            symbols = {line.split()[-1]: "?" for line in f if line.strip()}
        include_dir, library = argv[3], None
    elif len(argv) == 3:
        library, include_dir = argv[1], argv[2]
        if not shutil.which("nm"):
            print("nm (binutils) is not installed: skipped")
            return 77
        symbols = exported_symbols(library)
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2

    declared = declarations(include_dir)
    if not declared:
        fail("no declaration found under %s/targetsim" % include_dir)
    for name in sorted(symbols):
        if name in LINKER_SYMBOLS or name.startswith("__odr_asan"):
            continue
        if not name.startswith("ts_"):
            fail("exported without the ts_ prefix: %s" % name)
        if name not in declared:
            fail("exported but declared in no public header: %s" % name)
    for name, (kind, header, marked) in sorted(declared.items()):
        if not marked:
            fail("%s: %s is declared without TS_API" % (header, name))
        if name not in symbols:
            fail("%s: %s %s is not exported" % (header, kind, name))
        elif symbols[name] != "?":
            code = symbols[name]
            if kind == "function" and code not in "Ti":
                fail("%s: function %s is exported as a %s symbol" % (header, name, code))
            if kind == "variable" and code not in "DRBGSV":
                fail("%s: variable %s is exported as a %s symbol" % (header, name, code))
    if soname and library:
        dyn = subprocess.run(["objdump", "-p", library], capture_output=True, text=True).stdout
        m = re.search(r"^\s*SONAME\s+(\S+)", dyn, re.M)
        if not m or m.group(1) != soname:
            fail("SONAME is %s, expected %s" % (m.group(1) if m else "missing", soname))

    functions = sum(1 for k, _, _ in declared.values() if k == "function")
    variables = len(declared) - functions
    if failures:
        print("%d problems; %d functions and %d variables declared, %d symbols exported"
              % (len(failures), functions, variables, len(symbols)))
        return 1
    print("ok: %d functions and %d variables declared in the public headers, all exported "
          "with TS_API; nothing else exported%s"
          % (functions, variables, " (SONAME %s)" % soname if soname else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
