#!/usr/bin/env python3
"""Every text of the bundled plan, scenario and bibliography files has a
Chinese and an English form (CTest data/texts), so that `--lang zh` prints
no English sentence taken from the data.

A text field (name, unit, category, note, notes, source, assumption,
rationale, method, title, publisher, gives, as_written, text) must be
{"zh": ..., "en": ...}, both non-empty, the zh form containing Chinese
characters when the English one has words; a `source` written as a bibliography key is exempt (a key is
not a sentence). A bibliography `date` holds no words (date not found:
the key is left out)."""
import json
import re
import sys
from pathlib import Path

SCEN = Path(__file__).resolve().parents[2] / "scenarios"
KEY = re.compile(r"^[a-z0-9_-]*-[a-z0-9_-]*$")
CJK = re.compile(r"[\u4e00-\u9fff]")
TEXT = {"name", "unit", "category", "note", "source", "assumption", "rationale", "method", "title",
        "publisher", "gives", "as_written", "text"}
failures = []


def check_text(f, path, v):
    if isinstance(v, str):
        if not (path.split(".")[-1] == "source" and KEY.match(v)):
            failures.append(f"{f}: {path}: a plain string, give {{\"zh\", \"en\"}}: {v[:60]}")
        return
    if not isinstance(v, dict) or set(v) != {"zh", "en"} or not all(v.values()):
        failures.append(f"{f}: {path}: expected a text with non-empty zh and en")
        return
    words = re.search(r"[A-Za-z]{3,}", v["en"]) and not (path.split(".")[-1] == "source" and KEY.match(v["en"]))
    # as_written reproduces the table's printing (〔13.5〕), which has no words
    if words and not CJK.search(v["zh"]) and not path.endswith(".as_written"):
        failures.append(f"{f}: {path}.zh has no Chinese: {v['zh'][:60]}")


def walk(f, node, path):
    if isinstance(node, dict):
        for k, v in node.items():
            p = f"{path}.{k}" if path else k
            if k in TEXT and not (k == "text" and isinstance(v, (int, float))):
                check_text(f, p, v)
            elif k == "notes" and isinstance(v, list):
                for i, t in enumerate(v):
                    check_text(f, f"{p}[{i}]", t)
            elif k == "date" and isinstance(v, str) and re.search(r"[A-Za-z]", v):
                failures.append(f"{f}: {p}: a date holds no words: {v}")
            else:
                walk(f, v, p)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(f, v, f"{path}[{i}]")


files = sorted(p for p in SCEN.glob("*.json") if p.name != "open-figures.json")
for p in files:
    walk(p.name, json.loads(p.read_text(encoding="utf-8")), "")
for fl in failures:
    print("FAIL:", fl)
print(f"{len(files)} files checked")
sys.exit(1 if failures else 0)
