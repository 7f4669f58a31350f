"""glossary.py - reads docs/glossary.md: one Chinese term per concept and
its forbidden variants (shared by check_glossary.py and scan_zh.py)."""

import os


def read(src):
    """[(en, zh, [variants])] from the glossary's table."""
    rows = []
    with open(os.path.join(src, "docs", "glossary.md"), encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 4 or cells[0].startswith("term") or set(cells[0]) <= {"-"}:
                continue
            variants = [v.strip() for v in cells[3].split(";") if v.strip()]
            rows.append((cells[0], cells[1], variants))
    return rows


def variants_in(text, rows):
    """[(variant, term)] of every forbidden variant found in text."""
    found = []
    for en, zh, variants in rows:
        for v in variants:
            if v in text:
                found.append((v, zh))
    return found
