#!/usr/bin/env python3
"""check_html.py - report.html in a real browser.

Usage: check_html.py TARGETSIM [--keep]

Runs targetsim on the bundled plan (English; Chinese as of 2022), and on a
hostile plan whose names, units, sources, notes, rationale and file names
are full of markup (<script>, <img onerror>, &, quotes, </title>), then opens
each report.html in headless Chromium through the DevTools protocol
(cdp.py) and checks that:

  - the page loads with no console error, no exception, no failed load and
    no request other than the page itself (everything is inline);
  - every chart image decodes, and the page has no <script>, no on*
    attribute, no <iframe>; the hostile texts come out as text, verbatim;
  - every number of the summary table (and of the verdict table) equals
    report.json's value: the value in its data-value attribute (to the
    last bit cJSON keeps), and the displayed text equals report.json's value
    formatted as the reports format it (thousands separators, percentages
    with one decimal), parsed from the DOM Chromium built with html.parser;
  - the page prints to A4 on several pages.

Without rendering (--no-render, or no gnuplot on PATH) each chart section
must say so instead of showing an image. Exits 77 (CTest's skip code) when
no Chromium is installed; scripts/setup.sh installs it, so CI runs this.
"""

import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

SKIP = 77
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


# --- the numbers as the reports print them (docs/report-format.md) --------

def fmt_value(v):
    """The rule of docs/report-format.md 4.1: 12,345 / 4,153.25 / 6.8976 - at
    most no decimals from 10,000 up, 2 from 10, 4 below, fewer when the number
    is exact with fewer (5.5, 2,850.8); a number that rounds to zero is "0";
    '–' for null."""
    if v is None:
        return "–"
    a = abs(v)
    most = 0 if a >= 10000 else 2 if a >= 10 else 4
    decimals = next(d for d in range(most + 1)
                    if d == most or abs(v - round(v, d)) <= 1e-9 * max(1.0, a))
    digits = "%.*f" % (decimals, a)
    if not digits.strip("0."):
        return "0"
    whole, _, frac = digits.partition(".")
    grouped = "{:,}".format(int(whole))
    sign = "-" if v < 0 else ""
    return sign + grouped + ("." + frac if frac else "")


def fmt_percent(v):
    """One decimal; never "-0.0%"."""
    if v is None:
        return "–"
    text = "%.1f%%" % (100 * v)
    return text[1:] if text.startswith("-") and not text[1:-1].strip("0.") else text


SIGN = {"at_least": "≥", "above": ">", "at_most": "≤", "below": "<"}
STATUS = {
    "en": {"achieved": "achieved", "missed": "missed", "on_track": "on track",
           "moderate": "moderate", "insufficient": "insufficient",
           "moving_away": "moving away", "achieved_early": "achieved early", "ahead": "ahead",
           "on_schedule": "on schedule", "lagging": "lagging", "held": "held",
           "breached": "breached", "not_scored": "not scored", "pending_data": "pending data",
           "no_data": "no data yet"},
    "zh": {"achieved": "已实现", "missed": "未实现", "on_track": "可如期实现",
           "moderate": "进展一般", "insufficient": "进展不足", "moving_away": "偏离目标",
           "achieved_early": "提前实现", "ahead": "快于预期", "on_schedule": "基本符合预期",
           "lagging": "滞后", "held": "守住", "breached": "未守住", "not_scored": "不评价",
           "pending_data": "待数据", "no_data": "暂无数据"},
}


# The symbol before each status word (sim/report/status_palette.c).
SYMBOL = {"no_target": "·", "achieved": "✓", "missed": "✗", "on_track": "↗", "moderate": "→",
          "insufficient": "↘", "moving_away": "⊘", "achieved_early": "★", "ahead": "⇗",
          "on_schedule": "↗", "lagging": "↘", "held": "✓", "breached": "⊗", "not_scored": "○",
          "pending_data": "…", "no_data": "–"}


def fmt_status(status, lang):
    return SYMBOL[status] + " " + STATUS[lang][status]


def fmt_year(year, horizon, lang):
    if year is not None:
        return str(year)
    return "not by %d" % horizon if lang == "en" else "至%d年未达成" % horizon


def fmt_target(a, tolerance=None, lang="en"):
    """The summary's target cell: a multiple is written 2x (zh 2倍), an
    "about" target with its tolerance (the plan's, report.json
    plan.indicators[].target), +/- (zh ±)."""
    times, pm = ("x", "+/-") if lang == "en" else ("倍", "±")
    value = fmt_value(a["target"]) + (times if a.get("kind") == "multiple" else "")
    if a["direction"] == "about":
        return "≈ %s %s%s (%d)" % (value, pm, fmt_value(tolerance), a["target_year"])
    return "%s %s (%d)" % (SIGN[a["direction"]], value, a["target_year"])


# --- the DOM ---------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Cells(html.parser.HTMLParser):
    """Collects every element with a data-field attribute: the table it is
    in, its row's and row group's attributes, data-value and its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, attrs)
        self.cells = []
        self.capture = None  # (depth, record)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID:
            return
        self.stack.append((tag, attrs))
        if "data-field" in attrs and self.capture is None:
            def nearest(name):
                for t, a in reversed(self.stack):
                    if t == name:
                        return a
                return {}
            rec = {"table": nearest("table").get("id"), "tr": nearest("tr"),
                   "tbody": nearest("tbody"), "field": attrs["data-field"],
                   "value": attrs.get("data-value"), "text": ""}
            self.cells.append(rec)
            self.capture = (len(self.stack), rec)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            t, _ = self.stack.pop()
            if self.capture and len(self.stack) < self.capture[0]:
                rec = self.capture[1]
                rec["text"] = " ".join(rec["text"].split())
                self.capture = None
            if t == tag:
                break

    def handle_data(self, data):
        if self.capture:
            self.capture[1]["text"] += data


def same_number(data_value, expected):
    """data-value holds the double exactly (%.17g); report.json's numbers
    come from cJSON, which prints 15 digits when they read back within
    about one unit in the last place, so allow that much."""
    if expected is None:
        return data_value == ""
    try:
        a, e = float(data_value), float(expected)
    except (TypeError, ValueError):
        return False
    return a == e or abs(a - e) <= 4e-16 * max(abs(a), abs(e))


def check_cell(where, cell, expected_value, expected_text):
    if cell is None:
        fail("%s: missing" % where)
        return
    if isinstance(expected_value, str):
        ok = cell["value"] == expected_value
    else:
        ok = same_number(cell["value"], expected_value)
    if not ok:
        fail("%s: data-value %r, report.json has %r" % (where, cell["value"], expected_value))
    if cell["text"] != expected_text:
        fail("%s: shows %r, expected %r" % (where, cell["text"], expected_text))


def check_tables(name, dom, report, lang):
    """The summary and verdict tables against report.json."""
    parser = Cells()
    parser.feed(dom)
    cells = parser.cells
    horizon = report["plan"]["horizon"]
    summary = [c for c in cells if c["table"] == "summary-table"]
    verdict = [c for c in cells if c["table"] == "verdict-table"]

    def find(pool, field, **row):
        for c in pool:
            if c["field"] == field and all(c["tr"].get("data-" + k) == v for k, v in row.items()):
                return c
        return None

    expected_rows = set()
    for sc in report["scenarios"]:
        for a in sc["indicators"]:
            if a["target"] is None:
                continue
            expected_rows.add((sc["id"], a["id"]))
            where = "%s: summary %s/%s" % (name, sc["id"], a["id"])
            row = {"scenario": sc["id"], "indicator": a["id"]}
            check_cell(where + " value_at_target_year", find(summary, "value_at_target_year", **row),
                       a["value_at_target_year"], fmt_value(a["value_at_target_year"]))
            check_cell(where + " ratio", find(summary, "ratio", **row), a["ratio"],
                       fmt_percent(a["ratio"]))
            check_cell(where + " required_growth", find(summary, "required_growth", **row),
                       a["required_growth"], fmt_percent(a["required_growth"]))
            check_cell(where + " scenario_growth", find(summary, "scenario_growth", **row),
                       a["scenario_growth"], fmt_percent(a["scenario_growth"]))
            cell = find(summary, "attainment_year", **row)
            check_cell(where + " attainment_year", cell,
                       a["attainment_year"], fmt_year(a["attainment_year"], horizon, lang))
            check_cell(where + " status", find(summary, "status", **row), a["status"],
                       fmt_status(a["status"], lang))
            # The target cell spans the indicator's rows.
            target = [c for c in summary if c["field"] == "target"
                      and c["tbody"].get("data-indicator") == a["id"]]
            tol = next((i["target"].get("tolerance") for i in report["plan"]["indicators"]
                        if i["id"] == a["id"] and i.get("target")), None)
            check_cell(where + " target", target[0] if len(target) == 1 else None, a["target"],
                       fmt_target(a, tol, lang))
    seen_rows = {(c["tr"].get("data-scenario"), c["tr"].get("data-indicator")) for c in summary
                 if c["field"] == "status"}
    if seen_rows != expected_rows:
        fail("%s: summary rows %s, expected %s" % (name, sorted(seen_rows), sorted(expected_rows)))

    first = report["scenarios"][0]["indicators"]
    retro = [a for a in first if a["target"] is not None and a["as_of"] >= a["target_year"]]
    for a in retro:
        where = "%s: verdict %s" % (name, a["id"])
        row = {"indicator": a["id"]}
        check_cell(where + " target", find(verdict, "target", **row), a["target"], fmt_target(a))
        check_cell(where + " observed", find(verdict, "value_at_target_year", **row),
                   a["value_at_target_year"], fmt_value(a["value_at_target_year"]))
        check_cell(where + " ratio", find(verdict, "ratio", **row), a["ratio"],
                   fmt_percent(a["ratio"]))
        check_cell(where + " status", find(verdict, "status", **row), a["status"],
                   fmt_status(a["status"], lang))
        check_cell(where + " shortfall", find(verdict, "shortfall", **row), a["shortfall"],
                   fmt_value(a["shortfall"]))
        check_cell(where + " needed_growth", find(verdict, "needed_growth", **row),
                   a["needed_growth"], fmt_percent(a["needed_growth"]))
        check_cell(where + " realised_growth", find(verdict, "realised_growth", **row),
                   a["realised_growth"], fmt_percent(a["realised_growth"]))
    seen = {c["tr"].get("data-indicator") for c in verdict if c["field"] == "status"}
    if seen != {a["id"] for a in retro}:
        fail("%s: verdict rows %s, expected %s" % (name, sorted(seen),
                                                    sorted(a["id"] for a in retro)))
    n = len([c for c in summary if c["field"] == "status"])
    print("%s: %d summary rows and %d verdict rows match report.json" % (name, n, len(seen)))


# --- runs ------------------------------------------------------------------

HOSTILE_NAME = 'Plan <script>alert("name")</script> & \'single\' "double" </title><b>bold'
HOSTILE_UNIT = '<i>yuan</i> & "units" <img src=x onerror=alert(1)>'
HOSTILE_PLAN = {
    "id": "hostile",
    "name": {"en": HOSTILE_NAME, "zh": "规划 <script>alert(2)</script> & “引号”"},
    "source": '</dd></dl><script>document.title="pwned"</script> & sources',
    "base_year": 2020, "target_year": 2023, "horizon": 2026,
    "scenarios": ["s & <b>'q'.json"],
    "indicators": {
        "gdp": {"name": {"en": "GDP <img src=x onerror=alert(3)>"}, "unit": {"en": HOSTILE_UNIT},
                "baseline": 100, "target": {"value": 120},
                "actual": {"2021": 104, "2022": 108, "2023": 112.5},
                "source": "<style>body{display:none}</style> & <link rel=stylesheet href=http://example.com/x.css>",
                "note": "<!-- comment --> ]]> &amp; literal & <svg onload=alert(4)>",
                "assumption": "<a href='javascript:alert(5)'>click</a> & \"quoted\""},
        "firms": {"name": "Firms \"quoted\" & <u>under</u>", "baseline": 10,
                  "target": {"value": 20, "direction": "above"}},
        "price": {"name": "Price level ' onmouseover='alert(6)", "baseline": 5},
        "per_firm": {"name": "Per firm </td></tr></table>",
                     "derived": {"factors": {"gdp": 1, "firms": -1}},
                     "target": {"value": 5, "direction": "at_most"}},
    },
}
HOSTILE_SCENARIO = {
    "id": "edge",
    "name": {"en": '<iframe src="http://example.com/"></iframe> scenario & more'},
    "rationale": "Because <b>x</b> & y\nsecond line with <script>alert(7)</script>",
    "assumptions": {"gdp": {"growth": 0.05}, "firms": {"add": 3}, "price": {"level": 5}},
}


def run(targetsim, out, *args, env=None):
    cmd = [targetsim, "--out", out, "--quiet", *args]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        fail("%s exited %d: %s" % (" ".join(cmd), p.returncode, p.stderr.strip()))
        return None
    with open(os.path.join(out, "report.json"), encoding="utf-8") as f:
        return json.load(f)


def browser_checks(browser, name, out, report, lang, hostile=False):
    path = os.path.join(out, "report.html")
    url = "file://" + path
    page = browser.open(url)
    for e in page.console_errors():
        fail("%s: browser: %s" % (name, e))
    extra = [u for u in page.requests() if u != url]
    if extra:
        fail("%s: the page requested %s" % (name, extra))
    images = page.eval("Promise.all([...document.images].map(i => i.decode().then(() => "
                       "i.naturalWidth, () => -1)))", await_promise=True)
    if not images or any(w <= 0 for w in images):
        fail("%s: images that do not decode: %s" % (name, images))
    bad = page.eval("[...document.querySelectorAll('script, iframe, object, embed, link, "
                    "base, svg')].map(e => e.tagName)"
                    ".concat([...document.querySelectorAll('*')].flatMap(e => "
                    "[...e.attributes].filter(a => a.name.startsWith('on')).map(a => "
                    "e.tagName + '@' + a.name)))"
                    ".concat([...document.querySelectorAll('img')].filter(i => "
                    "!i.src.startsWith('data:image/svg+xml;base64,')).map(i => 'img ' + i.src))"
                    ".concat(document.querySelectorAll('style').length === 1 ? [] : ['styles'])")
    if bad:
        fail("%s: unexpected elements or attributes: %s" % (name, bad))
    if page.eval("document.documentElement.lang") != ("zh-CN" if lang == "zh" else "en"):
        fail("%s: wrong lang attribute" % name)
    if hostile:
        h1 = page.eval("document.querySelector('h1').textContent")
        if h1 != HOSTILE_NAME:
            fail("%s: h1 is %r, expected the plan name verbatim" % (name, h1))
        if not page.eval("document.title").startswith(HOSTILE_NAME):
            fail("%s: title is %r" % (name, page.eval("document.title")))
        text = page.eval("document.body.innerText")
        for t in (HOSTILE_UNIT, HOSTILE_PLAN["source"], HOSTILE_SCENARIO["name"]["en"],
                  HOSTILE_PLAN["indicators"]["gdp"]["assumption"],
                  HOSTILE_PLAN["indicators"]["per_firm"]["name"], os.path.basename(
                      report["plan"]["file"])):
            if t not in text:
                fail("%s: the page does not show %r as text" % (name, t))
        if page.eval("getComputedStyle(document.body).display") == "none":
            fail("%s: input text restyled the page" % name)
    pdf = page.print_pdf()
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    if not pdf.startswith(b"%PDF") or len(boxes) < 3:
        fail("%s: printing gave %d pages" % (name, len(boxes)))
    elif any(abs(float(w) - 595.28) > 1 or abs(float(h) - 841.89) > 1 for w, h in boxes):
        fail("%s: pages are not A4: %s" % (name, set(boxes)))
    dom = page.eval("document.documentElement.outerHTML")
    check_tables(name, dom, report, lang)
    print("%s: loads cleanly, %d images, %d A4 pages" % (name, len(images), len(boxes)))


def check_no_charts(name, out, report, note):
    with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
        page = f.read()
    n_charts = len(report["plan"]["indicators"]) + 2
    if "<img" in page:
        fail("%s: the page has images" % name)
    found = page.count('class="nochart"')
    if found != n_charts:
        fail("%s: %d chart notes, expected %d" % (name, found, n_charts))
    if page.count(note) != n_charts:
        fail("%s: the notes do not say %r" % (name, note))
    print("%s: %d chart sections say why they have no chart" % (name, found))


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    targetsim = os.path.abspath(sys.argv[1])
    keep = "--keep" in sys.argv[2:]
    chromium = cdp.find_chromium()
    work = tempfile.mkdtemp(prefix="targetsim-html-")
    try:
        en = os.path.join(work, "en")
        zh = os.path.join(work, "zh")
        bad = os.path.join(work, "hostile-out")
        rep_en = run(targetsim, en)
        rep_zh = run(targetsim, zh, "--lang", "zh", "--as-of", "2022")
        data = os.path.join(work, "hostile & <dir>")
        os.mkdir(data)
        plan_file = os.path.join(data, "plan & <i>'q'.json")
        with open(plan_file, "w", encoding="utf-8") as f:
            json.dump(HOSTILE_PLAN, f, ensure_ascii=False)
        with open(os.path.join(data, HOSTILE_PLAN["scenarios"][0]), "w", encoding="utf-8") as f:
            json.dump(HOSTILE_SCENARIO, f, ensure_ascii=False)
        rep_bad = run(targetsim, bad, "--plan", plan_file)

        norender = os.path.join(work, "no-render")
        rep = run(targetsim, norender, "--no-render")
        if rep:
            check_no_charts("no-render", norender, rep, "targetsim ran with --no-render")
        nognuplot = os.path.join(work, "no-gnuplot")
        env = dict(os.environ, PATH=os.path.join(work, "empty-path"))
        rep = run(targetsim, nognuplot, env=env)
        if rep:
            check_no_charts("no-gnuplot", nognuplot, rep, "gnuplot is not installed")

        if not chromium:
            print("SKIP: no Chromium (chromium, chromium-browser, google-chrome) on PATH; "
                  "scripts/setup.sh installs it")
            return 1 if failures else SKIP
        with cdp.Browser(chromium) as browser:
            if rep_en:
                browser_checks(browser, "bundled-en", en, rep_en, "en")
            if rep_zh:
                browser_checks(browser, "bundled-zh-as-of-2022", zh, rep_zh, "zh")
            if rep_bad:
                browser_checks(browser, "hostile", bad, rep_bad, "en", hostile=True)
    except cdp.CDPError as e:
        fail("browser: %s" % e)
    finally:
        if keep:
            print("kept " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("%d failures" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
