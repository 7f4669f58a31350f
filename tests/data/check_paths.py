#!/usr/bin/env python3
"""No file of the repository refers to workspace material outside it
(CTest data/no-outside-paths): no "shared/" path, no "facts.md", no seed
numbers ("seed 00", "seeds 00", "种子" = seed file) and none of the
workspace's phrases ("no stored source", "no primary document is stored").
The --seed option's value is 随机数初值 (docs/glossary.md), so 种子 has no
use at all."""
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    r"shared/", r"facts\.md", r"seeds? 00\d", r"种子", r"no stored source",
    r"no primary document is stored")]
SKIP_DIRS = {".git", "build", "out", "__pycache__"}
SELF = Path(__file__).resolve()

hits = []
for dirpath, dirnames, filenames in os.walk(ROOT):
    dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith("build")]
    for name in filenames:
        path = Path(dirpath) / name
        if path.resolve() == SELF:
            continue
        try:
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            continue
        for n, line in enumerate(text.splitlines(), 1):
            for p in PATTERNS:
                if p.search(line):
                    hits.append(f"{path.relative_to(ROOT)}:{n}: {p.pattern}: {line.strip()[:120]}")
for h in hits:
    print("FAIL:", h)
# The patterns must match what they are meant to catch.
assert PATTERNS[0].search("see ../shared/data") and PATTERNS[3].search("种子文件001")
sys.exit(1 if hits else 0)
