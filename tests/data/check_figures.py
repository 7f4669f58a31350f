#!/usr/bin/env python3
"""Every figure of every bundled file is sourced or flagged (CTest data/figures).

What counts as a figure, and how it must be marked (docs/input-format.md,
section 7.8):
- plan files: each baseline, history and actual value is a figure object
  whose `source` is a bibliography key, or which carries an `assumption`
  (its own or its indicator's);
- each numeric target and each revision has a `source` that is a key; a
  revision without one is covered by its indicator's `assumption`, which
  must name the revision's year; a `text` target needs a key too;
- scenario files: every driver number (growth, add, level, deflator, shock,
  each year of a year map) and every sd and correlation is an assumption by
  nature. It is flagged by the scenario's texts: the number must appear, as
  printed (a fraction as a per cent), in the scenario's `rationale` (drivers)
  or `uncertainty.method` (sds, correlations), in English and in Chinese, or
  in the driver's own `note`; a fitted growth names its window's years.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCEN = ROOT / "scenarios"
BIB = json.loads((SCEN / "sources.json").read_text(encoding="utf-8"))
PLANS = ["taiyuan-14fyp.json", "china-14fyp.json"]
NUMERIC_KINDS = ("value", "change", "change_pct", "growth_pct", "multiple")
failures = []


def load(name):
    return json.loads((SCEN / name).read_text(encoding="utf-8"))


def is_key(source):
    texts = [source] if isinstance(source, str) else list((source or {}).values())
    return bool(texts) and all(t in BIB for t in texts)


def check_plan(name):
    plan = load(name)
    count = 0
    for iid, ind in plan["indicators"].items():
        flagged = "assumption" in ind
        figures = []
        if "baseline" in ind:
            figures.append(("baseline", ind["baseline"]))
        for part in ("history", "actual"):
            figures += [(f"{part}.{y}", v) for y, v in ind.get(part, {}).items()]
        for where, f in figures:
            count += 1
            path = f"{name}: indicators.{iid}.{where}"
            if not isinstance(f, dict):
                failures.append(f"{path}: a bare number {f}: give a figure object with its source")
            elif not is_key(f.get("source")) and "assumption" not in f and not flagged:
                failures.append(f"{path}: neither a bibliography key as source nor an assumption")
        t = ind.get("target")
        if t is not None:
            count += 1
            if not is_key(t.get("source")) and not flagged:
                failures.append(f"{name}: indicators.{iid}.target: no bibliography key as source")
        for k, r in enumerate(ind.get("revisions", [])):
            count += 1
            if is_key(r.get("source")):
                continue
            texts = ind.get("assumption", {})
            texts = [texts] if isinstance(texts, str) else list(texts.values())
            if not texts or not all(str(r["year"]) in t for t in texts):
                failures.append(f"{name}: indicators.{iid}.revisions[{k}]: no key as source, and the "
                                f"indicator's assumption does not name the year {r['year']}")
    return count


def norm(text):
    return text.replace("−", "-").replace("−", "-")


def shown(value, as_percent):
    """The ways a number may be printed: as written, and a fraction as a per cent."""
    forms = set()
    for v in [value] + ([round(value * 100, 6)] if as_percent else []):
        forms.add(f"{v:g}")
        forms.update(f"{v:.{d}f}" for d in range(5) if float(f"{v:.{d}f}") == v)
    return {f.replace("-", "") for f in forms}


def appears(value, texts, as_percent):
    for form in shown(value, as_percent):
        pat = re.compile(r"(?<![\d.])" + re.escape(form) + r"(?![\d])")
        if all(pat.search(norm(t).replace("-", "")) for t in texts):
            return True
    return False


def lang_texts(node):
    if node is None:
        return None
    return [node] if isinstance(node, str) else [node.get("en", ""), node.get("zh", "")]


def check_scenario(name):
    sc = load(name)
    count = 0
    rationale = lang_texts(sc.get("rationale"))
    for iid, a in sc.get("assumptions", {}).items():
        note = lang_texts(a.get("note"))
        for key in ("growth", "add", "level", "deflator", "shock"):
            if key not in a:
                continue
            v = a[key]
            values = []
            if isinstance(v, dict) and "fit" in v:
                count += 1
                if not rationale or not all(str(y) in norm(t) for y in v["fit"] for t in rationale):
                    failures.append(f"{name}: assumptions.{iid}.{key}: the fit window {v['fit']} is not in the rationale")
                continue
            values = list(v.values()) if isinstance(v, dict) else [v]
            for x in values:
                count += 1
                if x == 0:
                    continue  # held flat / no change: said in words
                pct = key in ("growth", "deflator", "shock")
                if not ((rationale and appears(x, rationale, pct)) or (note and appears(x, note, pct))):
                    failures.append(f"{name}: assumptions.{iid}.{key} = {x}: not stated in the rationale (en and zh) nor in its note")
    unc = sc.get("uncertainty", {})
    method = lang_texts(unc.get("method"))
    for part in ("sd", "correlation"):
        for iid, x in unc.get(part, {}).items():
            count += 1
            if not method or not appears(x, method, False):
                failures.append(f"{name}: uncertainty.{part}.{iid} = {x}: not stated in uncertainty.method (en and zh)")
    if sc.get("assumptions") and (not rationale or len(rationale) != 2):
        failures.append(f"{name}: drivers without a rationale in English and Chinese")
    return count


total = sum(check_plan(p) for p in PLANS)
scen = [p.name for p in SCEN.glob("*.json") if p.name not in PLANS + ["sources.json", "open-figures.json"]]
total += sum(check_scenario(s) for s in sorted(scen))
# self-check: the matching can fail
assert not is_key("no such key") and is_key("taiyuan-2021-gwr")
assert not appears(0.0123, ["nothing here", "也没有"], True) and appears(0.066, ["6.6 %", "6.6%"], True)
for f in failures:
    print("FAIL:", f)
print(f"{total} figures and scenario numbers checked in {len(PLANS)} plans and {len(scen)} scenarios")
sys.exit(1 if failures else 0)
