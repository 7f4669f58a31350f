#!/usr/bin/env python3
"""check_glossary.py - the program's Chinese words use the glossary's terms.

Usage: check_glossary.py SRC_DIR

Reads docs/glossary.md (term en, term zh, meaning, forbidden variants) and
fails with FILE:LINE for every string literal in sim/, plots/ and models/
(sim/strings/strings_zh.c, the Chinese sentences of the reports and charts)
that holds a forbidden variant. Also fails when the glossary has fewer than
ten terms or a term is itself listed as a variant of another (the file
would then contradict itself), and when strings_zh.c's status names are not
the glossary's.
"""

import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossary  # noqa: E402

LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def main():
    src = sys.argv[1]
    rows = glossary.read(src)
    failures = []
    if len(rows) < 10:
        failures.append("docs/glossary.md: only %d terms read" % len(rows))
    terms = {zh for _, zh, _ in rows}
    for en, zh, variants in rows:
        for v in variants:
            if v in terms:
                failures.append("docs/glossary.md: %s is a term and a variant" % v)
    files = []
    for d in ("sim", "plots", "models"):
        files += glob.glob(os.path.join(src, d, "**", "*.c"), recursive=True)
    for path in sorted(files):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                for lit in LITERAL.findall(line):
                    for v, zh in glossary.variants_in(lit, rows):
                        failures.append("%s:%d: %s, not the glossary's %s" %
                                        (os.path.relpath(path, src), n, v, zh))
    # The status names: strings_zh.c's .status block against the glossary.
    with open(os.path.join(src, "sim/strings/strings_zh.c"), encoding="utf-8") as f:
        block = f.read().split(".status = {", 1)[1].split("}", 1)[0]
    names = set(re.findall(r'= "([^"]+)"', block))
    for name in names:
        if name not in terms:
            failures.append("sim/strings/strings_zh.c: status %s is not in the glossary" % name)
    for line in failures:
        print("FAIL " + line)
    print("%d terms, %d files, %d problems" % (len(rows), len(files), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
