#!/usr/bin/env python3
"""scan_zh.py - the --lang zh outputs of the bundled plans are Chinese.

Usage: scan_zh.py TARGETSIM SRC_DIR [--data-gaps skip|fail]

Runs the Taiyuan plan (default) and the national plan
(scenarios/china-14fyp.json) with --lang zh and reads what people read:
the console summary, report.txt, report.html's text (tags, style and script
left out, entities decoded), every chart SVG's <text>, and table.csv's
Chinese columns (*_zh). CSV headers and the other CSV columns are column
names and values for machines in both languages (docs/report-format.md) and
are not read.

An English word (two or more ASCII letters) is allowed when it is
  - an id: of the plan, an indicator, a scenario, a bibliography entry;
  - in an indicator's unit;
  - part of a file name, a path or a URL (removed before reading);
  - in the title or publisher of a bibliography entry given only in English;
  - in tests/language/allow.txt.
Any other English word is either
  - a data gap: it occurs in a text of the plan, scenario or bibliography
    files that has no zh form (listed by JSON path), or
  - a program gap: the program printed English (a FAIL).
Forbidden variants of docs/glossary.md are also looked for, attributed the
same way. Exit 0: no gap; 1: a program gap, or data gaps with
--data-gaps fail; 77 (skipped): only data gaps with --data-gaps skip (the
default until the bundled files have their zh forms).
"""

import html
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import glossary  # noqa: E402

WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:[-_][A-Za-z0-9]+)*")
REMOVE = [re.compile(p) for p in (
    r"https?://\S+",
    r"[^\s（）()，、:：;；\"“”]*/[^\s（）()，、:：;；\"“”]*",   # paths
    r"\S+\.(?:json|csv|md|gp|svg|png|dat|html|txt|pdf|xlsx)\b",
)]
# Keys whose string values are not text for people (ids, names of models).
NOT_TEXT = {"id", "extends", "bibliography", "scenarios", "url", "date", "key", "derived",
            "factors", "kind", "direction", "measure", "attribute", "rule", "model",
            "relative_to", "correlation"}


def words(text):
    for rx in REMOVE:
        text = rx.sub(" ", text)
    return [w for w in WORD.findall(text) if sum(c.isalpha() for c in w) >= 2]


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


def data_texts(node, path, out):
    """(json path, text) of every text without a zh form."""
    if isinstance(node, dict):
        if "en" in node and isinstance(node["en"], str) and not node.get("zh"):
            out.append((path, node["en"]))
            return
        if isinstance(node.get("zh"), str) and "en" in node:
            data_texts(node["zh"], path + ".zh", out)  # the zh form is what prints
            return
        for k, v in node.items():
            if k in NOT_TEXT:
                continue
            data_texts(v, "%s.%s" % (path, k) if path else k, out)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            data_texts(v, "%s[%d]" % (path, i), out)
    elif isinstance(node, str) and re.search(r"[A-Za-z]{2}", node):
        out.append((path, node))


def all_texts(node, out):
    """Every string of a data file, for telling where a glossary variant came from."""
    if isinstance(node, dict):
        for v in node.values():
            all_texts(v, out)
    elif isinstance(node, list):
        for v in node:
            all_texts(v, out)
    elif isinstance(node, str):
        out.append(node)


def inputs(plan_file):
    """Allowed words and the en-only data texts of a plan and its files."""
    plan = load(plan_file)
    folder = os.path.dirname(plan_file)
    zh_texts = []  # (file, text) of every string, for the glossary variants
    strings = []
    all_texts(plan, strings)
    zh_texts += [(os.path.basename(plan_file), t) for t in strings]
    allowed = {plan.get("id", "")}
    texts = []
    data_texts(plan, os.path.basename(plan_file), texts)
    for iid, ind in plan.get("indicators", {}).items():
        allowed.add(iid)
        unit = ind.get("unit")
        for u in (unit.values() if isinstance(unit, dict) else [unit or ""]):
            allowed.update(w.lower() for w in words(str(u)))
    files = list(plan.get("scenarios", []))
    seen = set()
    while files:
        name = files.pop()
        path = os.path.join(folder, name)
        if path in seen or not os.path.exists(path):
            continue
        seen.add(path)
        sc = load(path)
        strings = []
        all_texts(sc, strings)
        zh_texts += [(name, t) for t in strings]
        allowed.add(sc.get("id", ""))
        data_texts(sc, name, texts)
        if sc.get("extends"):
            files.append(sc["extends"])
    if plan.get("bibliography"):
        bib = load(os.path.join(folder, plan["bibliography"]))
        strings = []
        all_texts(bib, strings)
        zh_texts += [(plan["bibliography"], t) for t in strings]
        entries = bib if isinstance(bib, list) else [dict(v, key=k) for k, v in bib.items()
                                                      if isinstance(v, dict)]
        for e in entries:
            allowed.add(e.get("key", ""))
            for k in ("title", "publisher"):
                t = e.get(k)
                if isinstance(t, str) or (isinstance(t, dict) and not t.get("zh")):
                    text = t if isinstance(t, str) else t.get("en", "")
                    allowed.update(w.lower() for w in words(text))
            data_texts(e, "%s:%s" % (plan["bibliography"], e.get("key")), texts)
    return {a.lower() for a in allowed if a}, texts, zh_texts


def html_text(text):
    text = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", text)
    text = re.sub(r"(?s)<svg\b.*?</svg>", " ", text)  # charts are read from their files
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text)


def svg_text(text):
    return html.unescape(" ".join(re.findall(r"(?s)<text\b[^>]*>(.*?)</text>", text)))


def table_zh(path):
    import csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    cols = [i for i, h in enumerate(rows[0]) if h.endswith("_zh")]
    return "\n".join(" ".join(r[i] for i in cols if i < len(r)) for r in rows[1:])


def outputs(out_dir, stdout):
    yield "console", stdout
    with open(os.path.join(out_dir, "report.txt"), encoding="utf-8") as f:
        yield "report.txt", f.read()
    with open(os.path.join(out_dir, "report.html"), encoding="utf-8") as f:
        yield "report.html", html_text(f.read())
    for name in sorted(os.listdir(out_dir)):
        if name.endswith(".svg"):
            with open(os.path.join(out_dir, name), encoding="utf-8") as f:
                yield name, svg_text(f.read())
    yield "table.csv", table_zh(os.path.join(out_dir, "table.csv"))


def main():
    args = sys.argv[1:]
    mode = "skip"
    if "--data-gaps" in args:
        i = args.index("--data-gaps")
        mode = args[i + 1]
        del args[i:i + 2]
    targetsim, src = args
    rows = glossary.read(src)
    with open(os.path.join(src, "tests/language/allow.txt"), encoding="utf-8") as f:
        allow_list = {l.strip().lower() for l in f if l.strip() and not l.startswith("#")}
    plans = {"taiyuan": os.path.join(src, "scenarios/taiyuan-14fyp.json"),
             "china": os.path.join(src, "scenarios/china-14fyp.json")}
    program, data = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, plan in plans.items():
            allowed, texts, zh_texts = inputs(plan)
            allowed |= allow_list
            data_words = {}
            for path, text in texts:
                for w in words(text):
                    data_words.setdefault(w.lower(), set()).add(path)
            out = os.path.join(tmp, name)
            run = subprocess.run([targetsim, "--plan", plan, "--lang", "zh", "--draws", "500",
                                  "--out", out], capture_output=True, text=True)
            if run.returncode != 0:
                program.append("%s: exit %d: %s" % (name, run.returncode, run.stderr.strip()))
                continue
            for where, text in outputs(out, run.stdout):
                for w in words(text):
                    lw = w.lower()
                    if lw in allowed:
                        continue
                    if lw in data_words:
                        for p in data_words[lw]:
                            data.setdefault(p, set()).add(w)
                    else:
                        program.append("%s/%s: English word %r" % (name, where, w))
                for v, term in glossary.variants_in(text, rows):
                    sources = [p for p, t in zh_texts if v in t]
                    if sources:
                        for p in sources:
                            data.setdefault(p, set()).add(v)
                    else:
                        program.append("%s/%s: %s, not the glossary's %s" % (name, where, v, term))
    for line in sorted(set(program)):
        print("FAIL " + line)
    for path in sorted(data):
        print("DATA %s: no zh form (%s)" % (path, ", ".join(sorted(data[path])[:6])))
    print("%d program gaps, %d data fields without zh" % (len(set(program)), len(data)))
    if program or (data and mode == "fail"):
        return 1
    return 77 if data else 0


if __name__ == "__main__":
    sys.exit(main())
