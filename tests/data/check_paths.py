#!/usr/bin/env python3
"""No file of the repository refers to workspace material outside it
(CTest data/no-outside-paths): no path into the workspace's shared folder,
no facts page, no seed-document numbers or the Chinese word for a seed
document, and none of the workspace's phrases about stored sources. The
--seed option's value is 随机数初值 (docs/glossary.md). The patterns are
spelt here so that this file does not match them itself (the issue's
acceptance is a plain grep of the repository)."""
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    "shar" + "ed/", "facts" + r"\.md", "seeds?" + " 00" + r"\d", "\u79cd\u5b50",
    "no stored" + " source", "no primary document" + " is stored")]
SKIP_DIRS = {".git", "build", "out", "__pycache__"}

hits = []
for dirpath, dirnames, filenames in os.walk(ROOT):
    dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith("build")]
    for name in filenames:
        path = Path(dirpath) / name
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
assert PATTERNS[0].search("see ../shar" + "ed/data") and PATTERNS[3].search("\u79cd\u5b50001")
assert PATTERNS[2].search("seed" + " 001") and PATTERNS[1].search("facts" + ".md")
sys.exit(1 if hits else 0)
