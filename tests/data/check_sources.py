#!/usr/bin/env python3
"""The bibliography against the bundled files (CTest data/sources).

1. every `source` of a bundled plan or scenario file written as a key (the
   loader's rule) is a key of scenarios/sources.json;
2. every entry of the bibliography is cited by a bundled file;
3. every key named inside an entry's `gives` is an entry;
4. docs/sources.md is what scripts/gen-sources-md.py makes of them.
"""
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen-sources-md.py")
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

failures = []
bib = gen.load(gen.SCEN / "sources.json")

fields = gen.source_fields()
for f, where, key in fields:
    if key not in bib:
        failures.append(f"{f}: {where}: source \"{key}\" is not a key of scenarios/sources.json")
if not any(f == "taiyuan-14fyp.json" for f, _, _ in fields):
    failures.append("taiyuan-14fyp.json cites no bibliography key at all")

for key, places in gen.citations(bib).items():
    if not places:
        failures.append(f"sources.json: {key}: cited by no bundled plan or scenario file")

prefixes = ("nbs-", "ccsy-", "taiyuan-", "tyrb-", "sxrb-", "xinhua-", "fyp14-")
for key, entry in bib.items():
    for text in gen.texts(entry.get("gives")):
        for tok in gen.TOKEN_RE.findall(text):
            if tok.startswith(prefixes) and tok not in bib:
                failures.append(f"sources.json: {key}.gives names \"{tok}\", which is no entry")

if gen.render() != (ROOT / "docs" / "sources.md").read_text(encoding="utf-8"):
    failures.append("docs/sources.md is out of date: run python3 scripts/gen-sources-md.py")

# The checks themselves must be able to fail: an unknown key is caught.
if "no-such-key" in bib or not gen.KEY_RE.match("no-such-key"):
    failures.append("self-check: the key pattern does not match a key")

for f in failures:
    print("FAIL:", f)
print(f"{len(fields)} key sources, {len(bib)} entries checked")
sys.exit(1 if failures else 0)
