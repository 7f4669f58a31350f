#!/usr/bin/env python3
"""check_xlsx.py - report.xlsx read back as a spreadsheet program reads it.

Usage: check_xlsx.py TARGETSIM SOURCE_DIR

Runs targetsim on the bundled Taiyuan plan (English, Chinese, and with a
--sweep) and on the national plan scenarios/china-14fyp.json (English and
Chinese), then opens each report.xlsx with openpyxl and checks, against
report.json, tornado.csv and sweep.csv of the same run:
  - the sheets, in order: plan table, verdict, one of paths per scenario,
    Monte Carlo, sensitivity, the sweep (only with --sweep), sources, one
    per indicator; every name at most 31 characters, none of []:*?/\\;
    with --lang zh every sheet name holds Chinese characters;
  - every sheet's header row is frozen (panes at A2 or B2);
  - every number equals the report's (relative 1e-12: the workbook keeps
    16 significant digits) and is a number cell, never text; an undefined
    number (null) is an empty cell; years are whole numbers with format 0
    and shares carry the format 0.0%;
  - status cells are filled with report.html's colour of the status
    (read from the same run's report.html, the .s-NAME classes);
  - each indicator's sheet has one line chart with one series per data
    column, whose names, categories and values are ranges of that sheet;
  - the same run twice gives the same bytes (the creation time is fixed);
  - texts longer than a cell holds (a 40,000-character note, a
    33,000-character indicator name) are cut to Excel's 32,767 characters,
    ending in "…", and the run still writes its workbook.
Exit 77 (skipped) when openpyxl is not installed (Debian: python3-openpyxl).
"""

import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    print("openpyxl is not installed (python3-openpyxl): skipped")
    sys.exit(77)

failures = []
CJK = re.compile(r"[\u4e00-\u9fff]")
FORBIDDEN = set("[]:*?/\\")


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def palette(out):
    """Status name -> 'RRGGBB', from the style sheet of the same run's
    report.html (its .s-NAME rules, written from the status palette)."""
    with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
        text = f.read()
    found = dict(re.findall(r"\.s-([a-z_]+) \{ background: #([0-9a-fA-F]{3,6});", text))
    return {k: (v * 2 if len(v) == 3 else v).upper() for k, v in found.items()}


class Sheet:
    """One worksheet with the cell checks, named for the messages."""

    def __init__(self, ws, label):
        self.ws, self.label = ws, label

    def cell(self, row, col):
        return self.ws.cell(row=row, column=col)

    def number(self, row, col, expected, what, fmt=None):
        c = self.cell(row, col)
        where = "%s!%s (%s)" % (self.label, c.coordinate, what)
        if expected is None:
            if c.value is not None:
                fail("%s = %r, report has null" % (where, c.value))
            return
        if isinstance(c.value, bool) or not isinstance(c.value, (int, float)):
            fail("%s = %r is not a number cell (expected %r)" % (where, c.value, expected))
            return
        if not math.isclose(c.value, expected, rel_tol=1e-12, abs_tol=1e-300):
            fail("%s = %r, report has %r" % (where, c.value, expected))
        if fmt and c.number_format != fmt:
            fail("%s has format %r, expected %r" % (where, c.number_format, fmt))

    def year(self, row, col, expected, what):
        self.number(row, col, expected if expected else None, what, "0")

    def text(self, row, col, expected, what):
        c = self.cell(row, col)
        if c.value != expected:
            fail("%s!%s (%s) = %r, expected %r" % (self.label, c.coordinate, what, c.value,
                                                    expected))

    def status(self, row, col, name, colours):
        c = self.cell(row, col)
        where = "%s!%s (status %s)" % (self.label, c.coordinate, name)
        if not isinstance(c.value, str) or not c.value:
            fail("%s has no label" % where)
        rgb = (c.fill.fgColor.rgb or "")[-6:].upper() if c.fill.fill_type == "solid" else None
        if rgb != colours.get(name):
            fail("%s fill %s, report.html colours it %s" % (where, rgb, colours.get(name)))

    def frozen(self):
        if self.ws.freeze_panes not in ("A2", "B2"):
            fail("%s: header row not frozen (panes %r)" % (self.label, self.ws.freeze_panes))
        for c in self.ws[1]:
            if c.value is not None and not isinstance(c.value, str):
                fail("%s!%s: header %r is not text" % (self.label, c.coordinate, c.value))


def target_rows(report):
    """(indicator index, revision, target, record) of the plan table, in order."""
    for i, ind in enumerate(report["plan"]["indicators"]):
        yield i, 0, ind["target"], ind["record"]
        for k, rev in enumerate(ind["revisions"], 1):
            yield i, k, rev, rev["record"]


def check_plan(sh, report, colours):
    sh.frozen()
    row = 2
    for i, k, target, record in target_rows(report):
        ind = report["plan"]["indicators"][i]
        sh.text(row, 3, ind["id"], "id")
        sh.year(row, 7, ind["baseline_year"], "baseline year")
        sh.number(row, 8, ind["baseline"], "baseline", "#,##0.00")
        if target is None:
            if sh.cell(row, 19).value in (None, ""):
                fail("%s row %d: an input without a status label" % (sh.label, row))
            row += 1
            continue
        sh.number(row, 11, target["value"], "target", "#,##0.00")
        sh.year(row, 13, target["year"], "target year")
        sh.year(row, 14, record["as_of"], "as of")
        sh.number(row, 15, record["latest"], "latest")
        sh.number(row, 16, record["elapsed"], "elapsed", "0.0%")
        sh.number(row, 17, record["progress"], "progress", "0.0%")
        sh.number(row, 18, record["pace"], "pace")
        sh.status(row, 19, record["category"], colours)
        row += 1
    if sh.cell(row, 3).value is not None:
        fail("%s: rows beyond the plan's %d targets" % (sh.label, row - 2))
    return row - 2


VERDICT = [(6, "target", None), (7, "value_at_target_year", "#,##0.00"), (8, "ratio", "0.0%"),
           (9, "required_growth", "0.0%"), (10, "scenario_growth", "0.0%"),
           (11, "required_rate", None), (12, "scenario_rate", None), (18, "shortfall", None)]


def check_verdict(sh, report, colours):
    sh.frozen()
    row = 2
    inds = report["plan"]["indicators"]
    for i in range(len(inds)):
        for scen in report["scenarios"]:
            a = scen["indicators"][i]
            if a["kind"] is None:
                continue
            for k, e in enumerate([a] + a["revisions"]):
                sh.text(row, 2, inds[i]["id"], "id")
                sh.year(row, 4, e["target_year"], "target year")
                for col, key, fmt in VERDICT:
                    sh.number(row, col, e[key], key, fmt)
                sh.year(row, 13, e["attainment_year"], "attainment year")
                sh.status(row, 14, e["status"], colours)
                draws = k == 0 and a["attainment_probability"] is not None
                sh.number(row, 15, a["probability"] if draws else None, "probability", "0.0%")
                sh.number(row, 16, a["probability_low"] if draws else None, "low", "0.0%")
                sh.number(row, 17, a["probability_high"] if draws else None, "high", "0.0%")
                row += 1
    return row - 2


def check_paths(sh, report, s):
    sh.frozen()
    scen = report["scenarios"][s]
    for i, ind in enumerate(scen["indicators"]):
        for k, pt in enumerate(ind["path"]):
            if i == 0:
                sh.year(k + 2, 1, pt["year"], "year")
            sh.number(k + 2, i + 2, pt["value"], "%s %d" % (ind["id"], pt["year"]), "#,##0.00")


PCT = ["p5", "p10", "p25", "p50", "p75", "p90", "p95"]


def check_fan(sh, report):
    sh.frozen()
    row = 2
    for scen in report["scenarios"]:
        for ind in scen["indicators"]:
            if ind["attainment_probability"] is None:
                continue
            for k, pt in enumerate(ind["path"]):
                sh.text(row, 3, ind["id"], "id")
                sh.year(row, 4, pt["year"], "year")
                sh.number(row, 6, pt["value"], "value")
                bands = ind["percentiles"][k] if ind["percentiles"] else {}
                for j, key in enumerate(PCT):
                    sh.number(row, 7 + j, bands.get(key), key, "#,##0.00")
                sh.number(row, 14, ind["attainment_probability"][k]["probability"],
                          "probability by year", "0.0%")
                row += 1
    return row - 2


def num(text):
    return float(text) if text != "" else None


def check_tornado(sh, out):
    sh.frozen()
    with open(os.path.join(out, "tornado.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for r, rec in enumerate(rows, 2):
        sh.text(r, 3, rec["indicator"], "id")
        sh.year(r, 4, int(rec["target_year"]), "target year")
        for col, key in ((5, "target"), (6, "value_at_target_year"), (8, "shift"),
                         (9, "value_low"), (10, "value_high"), (11, "swing")):
            sh.number(r, col, num(rec[key]), key)
    if sh.cell(len(rows) + 2, 3).value is not None:
        fail("%s: more rows than tornado.csv's %d" % (sh.label, len(rows)))
    return len(rows)


def check_sweep(sh, out):
    sh.frozen()
    with open(os.path.join(out, "sweep.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for r, rec in enumerate(rows, 2):
        sh.text(r, 2, rec["param1"], "axis")
        sh.number(r, 3, num(rec["value1"]), "axis value")
        sh.text(r, 7, rec["indicator"], "id")
        for col, key, fmt in ((9, "target", None), (10, "value_at_target_year", None),
                              (11, "share_of_target", "0.0%"), (13, "probability", "0.0%"),
                              (14, "probability_low", "0.0%"),
                              (15, "probability_high", "0.0%")):
            sh.number(r, col, num(rec[key]), key, fmt)
        sh.year(r, 12, int(rec["attainment_year"] or 0), "attainment year")
    return len(rows)


def check_sources(sh, report):
    sh.frozen()
    for r, e in enumerate(report["plan"]["bibliography"], 2):
        sh.text(r, 1, e["key"], "key")
        sh.text(r, 4, e["date"], "date")
        sh.text(r, 5, e["url"], "url")


def quoted(name):
    return "'%s'" % name.replace("'", "''")


def check_indicator(sh, report, i):
    """Years down column A; history, observed, each scenario's path and the
    target line across; one line chart over them."""
    ws = sh.ws
    ind = report["plan"]["indicators"][i]
    if ws.freeze_panes != "B2":
        fail("%s: panes %r, expected B2" % (sh.label, ws.freeze_panes))
    first = ws.cell(row=2, column=1).value
    if not isinstance(first, int):
        fail("%s!A2 = %r is not a year" % (sh.label, first))
        return
    row_of = lambda year: year - first + 2
    last = report["plan"]["horizon"]
    for y in range(first, last + 1):
        sh.year(row_of(y), 1, y, "year")
    for pt in ind["history"]:
        sh.number(row_of(pt["year"]), 2, pt["value"], "history %d" % pt["year"])
    observed = list(ind["actual"])
    if ind["baseline"] is not None:
        observed.append({"year": ind["baseline_year"], "value": ind["baseline"]})
    for pt in observed:
        sh.number(row_of(pt["year"]), 3, pt["value"], "observed %d" % pt["year"])
    for s, scen in enumerate(report["scenarios"]):
        for pt in scen["indicators"][i]["path"]:
            sh.number(row_of(pt["year"]), 4 + s, pt["value"], "path %d" % pt["year"])
    # The data columns end at the first empty header (the chart's note
    # stands beyond that gap).
    n_cols = 1
    while ws.cell(row=1, column=n_cols + 1).value is not None:
        n_cols += 1
    n_rows = last - first + 2
    charts = ws._charts
    if len(charts) != 1 or type(charts[0]).__name__ != "LineChart":
        fail("%s: %d charts (%s), expected one line chart" % (
            sh.label, len(charts), [type(c).__name__ for c in charts]))
        return
    series = charts[0].series
    if len(series) != n_cols - 1:
        fail("%s: %d series for %d data columns" % (sh.label, len(series), n_cols - 1))
    name = quoted(ws.title)
    for k, s in enumerate(series):
        col = openpyxl.utils.get_column_letter(k + 2)
        want = {"values": "%s!$%s$2:$%s$%d" % (name, col, col, n_rows),
                "categories": "%s!$A$2:$A$%d" % (name, n_rows),
                "name": "%s!$%s$1" % (name, col)}
        got = {"values": s.val.numRef.f if s.val and s.val.numRef else None,
               "categories": (s.cat.numRef or s.cat.strRef).f if s.cat else None,
               "name": s.tx.strRef.f if s.tx and s.tx.strRef else None}
        for key in want:
            if got[key] != want[key]:
                fail("%s: series %d %s refers to %r, expected %r" % (sh.label, k + 1, key,
                                                                       got[key], want[key]))


def check_names(wb, zh, label):
    names = [ws.title for ws in wb.worksheets]
    if len({n.lower() for n in names}) != len(names):
        fail("%s: sheet names not unique: %s" % (label, names))
    for n in names:
        if len(n) > 31 or FORBIDDEN & set(n):
            fail("%s: sheet name %r breaks Excel's rules" % (label, n))
        if zh and not CJK.search(n):
            fail("%s: the zh workbook's sheet %r has no Chinese" % (label, n))


def check_run(targetsim, source_dir, work, label, args, zh):
    out = os.path.join(work, label)
    p = subprocess.run([targetsim, "--out", out, "-q", "--no-render", "--draws", "2000", *args],
                       capture_output=True, text=True)
    if p.returncode != 0:
        fail("%s: targetsim %s exited %d: %s" % (label, args, p.returncode, p.stderr))
        return
    with open(os.path.join(out, "report.json"), encoding="utf-8") as f:
        report = json.load(f)
    colours = palette(out)
    if len(colours) < 16:
        fail("%s: found %d status colours in report.html, expected 16" % (label, len(colours)))
    path = os.path.join(out, "report.xlsx")
    size = os.path.getsize(path)
    wb = openpyxl.load_workbook(path)
    sheets = wb.worksheets
    n_scen = len(report["scenarios"])
    n_ind = len(report["plan"]["indicators"])
    has_sweep = "--sweep" in args
    expected = 2 + n_scen + 3 + has_sweep + n_ind
    if len(sheets) != expected:
        fail("%s: %d sheets, expected %d" % (label, len(sheets), expected))
        return
    check_names(wb, zh, label)
    sh = lambda k: Sheet(sheets[k], "%s:%s" % (label, sheets[k].title))
    n_plan = check_plan(sh(0), report, colours)
    n_verdict = check_verdict(sh(1), report, colours)
    for s in range(n_scen):
        check_paths(sh(2 + s), report, s)
    k = 2 + n_scen
    n_fan = check_fan(sh(k), report)
    n_tornado = check_tornado(sh(k + 1), out)
    k += 2
    if has_sweep:
        n_sweep = check_sweep(sh(k), out)
        print("%s: sweep sheet, %d rows" % (label, n_sweep))
        k += 1
    check_sources(sh(k), report)
    for i in range(n_ind):
        check_indicator(sh(k + 1 + i), report, i)
    print("%s: %d bytes, %d sheets; %d plan-table rows, %d verdict rows, %d Monte Carlo rows, "
          "%d tornado rows, %d indicator charts" % (label, size, len(sheets), n_plan, n_verdict,
                                                    n_fan, n_tornado, n_ind))


def check_long_texts(targetsim, source_dir, work):
    """The national plan with an over-long note and indicator name."""
    scen = os.path.join(os.path.abspath(source_dir), "scenarios")
    with open(os.path.join(scen, "china-14fyp.json"), encoding="utf-8") as f:
        plan = json.load(f)
    plan["scenarios"] = [os.path.join(scen, s) for s in plan["scenarios"]]
    plan["bibliography"] = os.path.join(scen, plan["bibliography"])
    plan["notes"][0]["en"] = "n" * 40000
    first = next(iter(plan["indicators"]))
    plan["indicators"][first]["name"]["en"] = "N" * 33000
    plan["indicators"][first]["name"]["zh"] = "名" * 33000
    path = os.path.join(work, "long.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False)
    out = os.path.join(work, "long")
    p = subprocess.run([targetsim, "--plan", path, "--out", out, "-q", "--no-render",
                        "--draws", "0"], capture_output=True, text=True)
    if p.returncode != 0:
        fail("long texts: targetsim exited %d: %s" % (p.returncode, p.stderr))
        return
    wb = openpyxl.load_workbook(os.path.join(out, "report.xlsx"))
    cut = "n" * 32766 + "\u2026"
    notes = [c.value for row in wb["Sources"].iter_rows() for c in row if c.value]
    if cut not in notes:
        fail("long texts: the 40,000-character note is not cut to 32,767 characters")
    name = wb["Plan table"].cell(row=2, column=2).value
    if name != "N" * 32766 + "\u2026":
        fail("long texts: the plan table's name has %d characters" % len(name or ""))
    if "N" * 31 not in wb.sheetnames:
        fail("long texts: no sheet named with the name's first 31 characters")
    out_zh = os.path.join(work, "long-zh")
    p = subprocess.run([targetsim, "--plan", path, "--out", out_zh, "-q", "--no-render",
                        "--draws", "0", "--lang", "zh"], capture_output=True, text=True)
    if p.returncode != 0:
        fail("long texts, zh: targetsim exited %d: %s" % (p.returncode, p.stderr))
        return
    wb = openpyxl.load_workbook(os.path.join(out_zh, "report.xlsx"))
    name = wb.worksheets[0].cell(row=2, column=2).value
    if name != "名" * 32766 + "\u2026":
        fail("long texts, zh: the plan table's name has %d characters" % len(name or ""))
    if "名" * 31 not in wb.sheetnames:
        fail("long texts, zh: no sheet named with the name's first 31 characters")
    print("long texts: cut to 32,767 characters, sheet name to 31")


def main():
    targetsim, source_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    china = os.path.join(source_dir, "scenarios", "china-14fyp.json")
    runs = [("taiyuan-en", [], False),
            ("taiyuan-zh", ["--lang", "zh"], True),
            ("taiyuan-sweep", ["--sweep", "gdp.growth=0.04:0.12:0.04"], False),
            ("china-en", ["--plan", china], False),
            ("china-zh", ["--plan", china, "--lang", "zh"], True)]
    work = tempfile.mkdtemp(prefix="targetsim-xlsx-")
    try:
        for label, args, zh in runs:
            check_run(targetsim, source_dir, work, label, args, zh)
        check_run(targetsim, source_dir, work, "taiyuan-en-again", [], False)
        check_long_texts(targetsim, source_dir, work)
        books = [os.path.join(work, d, "report.xlsx") for d in ("taiyuan-en", "taiyuan-en-again")]
        if all(os.path.exists(b) for b in books):
            with open(books[0], "rb") as f, open(books[1], "rb") as g:
                if f.read() != g.read():
                    fail("two runs of the same inputs wrote different report.xlsx bytes")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("%d failures" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
