#!/usr/bin/env python3
"""check_chart_texts.py OUT LANG PLAN SCENARIO... - the charts of a run show
every text as it is.

Every .gp in OUT has its .png and .svg; every SVG is well-formed XML; and
each chart shows, whole in one of its text elements, the input texts it is
meant to show (in LANG, en or zh, as the loader keeps them: control
characters become spaces): the indicator's name in the title of the
indicator, tornado and fan charts, the first scenario's name in the keys
of the indicator, fan and backtest charts and beside the bars of the
attainment chart (`with labels`), the second's beside the compare chart's
bars, the plan's name in the attainment and growth subtitles. A subtitle
wrapped over several lines counts when its lines joined by blanks give the
text; a bar label may cut a long name with an ellipsis, its start shown as
it is. Exit 0, or print what is missing and exit 1. Used by the CLI cases 400 and 401."""
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET


def clean(s):
    return "".join(" " if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F else c for c in s)


def norm(s):
    """Runs of blanks as one blank (a wrapped line loses the blank it broke at)."""
    return " ".join(part for part in s.split(" ") if part)


def shows_start(w, texts):
    """A bar label cuts a long name and ends it with an ellipsis: its name
    part (after the value and two blanks) must be the name's start, as it
    is, at least 8 characters of it."""
    for t in texts:
        if t.endswith("…"):
            part = t[:-1].rstrip().split("  ")[-1]
            if len(part) >= 8 and norm(w).startswith(norm(part)):
                return True
    return False


def main(argv):
    out, lang, plan_file, scenario_files = argv[1], argv[2], argv[3], argv[4:]
    plan = json.load(open(plan_file, encoding="utf-8"))
    scen = [json.load(open(f, encoding="utf-8")) for f in scenario_files]
    text = lambda t: clean(t[lang] if isinstance(t, dict) else t)
    names = {k: text(v["name"]) for k, v in plan["indicators"].items() if "name" in v}
    s_names = [text(s["name"]) for s in scen]
    bad = []
    gps = sorted(glob.glob(os.path.join(out, "*.gp")))
    if not gps:
        bad.append("no chart script")
    for gp in gps:
        stem = gp[:-3]
        for ext in (".png", ".svg"):
            if not os.path.exists(stem + ext):
                bad.append(f"{stem}{ext} missing")
        if not os.path.exists(stem + ".svg"):
            continue
        try:
            root = ET.parse(stem + ".svg").getroot()
        except ET.ParseError as e:
            bad.append(f"{stem}.svg: not well-formed: {e}")
            continue
        texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
        base = os.path.basename(stem)
        kind, _, ind = base.partition("-")
        want = []
        if kind in ("indicator", "tornado", "fan") and ind in names:
            want.append(names[ind])
        if kind in ("indicator", "fan", "backtest", "attainment"):
            want.append(s_names[0])
        if kind == "compare":
            want.append(s_names[1])
        if kind in ("attainment", "growth"):
            want.append(text(plan["name"]))
        # A long subtitle is wrapped over several text elements, at blanks:
        # the lines joined by one blank give the text back.
        joined = norm(" ".join(texts))
        for w in want:
            if (not any(w in t for t in texts) and norm(w) not in joined and
                    not (kind in ("attainment", "compare") and shows_start(w, texts))):
                bad.append(f"{base}.svg does not show {w!r}")
    for b in bad:
        print(b)
    print(f"{len(gps)} charts checked")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
