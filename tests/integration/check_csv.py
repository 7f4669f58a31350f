#!/usr/bin/env python3
"""check_csv.py - the CSV files as a spreadsheet meets them.

Usage: check_csv.py TARGETSIM DOCS_REPORT_FORMAT_MD

Runs the bundled plan twice, without and with --csv-bom, and checks:
  - without the option the files start with the header, with it both
    report.csv and paths.csv start with the UTF-8 byte-order mark and are
    otherwise byte for byte the same;
  - exactly one header row, and it lists the columns docs/report-format.md
    documents (sections 2 and 3), in that order;
  - numbers are plain: digits, one '.', an optional exponent, never a
    thousands separator; every row has as many fields as the header;
  - read as UTF-8 (with the mark skipped, as a spreadsheet does), the
    Chinese names equal report.json's.
Python 3 standard library only.
"""

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BOM = b"\xef\xbb\xbf"
PLAIN = re.compile(r"^-?\d+(\.\d+)?(e[-+]\d+)?$")
NUMERIC = {"target", "target_year", "as_of", "baseline", "value_at_as_of",
           "value_at_target_year", "ratio", "required_growth", "scenario_growth", "progress",
           "attainment_year", "realised_growth", "needed_growth", "shortfall", "year", "value"}
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def documented_columns(doc):
    """Column names of the tables in sections 2 (report.csv) and 3
    (paths.csv) of docs/report-format.md."""
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    sections = re.split(r"^## ", text, flags=re.M)
    cols = {}
    for sec in sections:
        title = sec.split("\n", 1)[0]
        for name in ("report.csv", "paths.csv"):
            if title.endswith(name):
                cols[name] = re.findall(r"^\|(?: \d+ \|)? `([a-z0-9_]+)` \|", sec, flags=re.M)
    return cols


def main():
    targetsim, doc = os.path.abspath(sys.argv[1]), sys.argv[2]
    work = tempfile.mkdtemp(prefix="targetsim-csv-")
    try:
        plain, bom = os.path.join(work, "plain"), os.path.join(work, "bom")
        for out, extra in ((plain, []), (bom, ["--csv-bom"])):
            p = subprocess.run([targetsim, "--out", out, "-q", "--no-render", *extra],
                               capture_output=True, text=True)
            if p.returncode != 0:
                fail("targetsim %s exited %d: %s" % (extra, p.returncode, p.stderr))
                return 1
        with open(os.path.join(plain, "report.json"), encoding="utf-8") as f:
            report = json.load(f)
        names_zh = {i["id"]: i["name"]["zh"] for i in report["plan"]["indicators"]}
        docs = documented_columns(doc)
        for name in ("report.csv", "paths.csv"):
            with open(os.path.join(plain, name), "rb") as f:
                a = f.read()
            with open(os.path.join(bom, name), "rb") as f:
                b = f.read()
            if a.startswith(BOM):
                fail("%s starts with a BOM without --csv-bom" % name)
            if not b.startswith(BOM):
                fail("%s lacks the BOM with --csv-bom" % name)
            elif b[len(BOM):] != a:
                fail("%s with --csv-bom differs beyond the BOM" % name)
            rows = list(csv.reader(io.StringIO(b.decode("utf-8-sig"), newline="")))
            header = rows[0]
            if header != docs.get(name):
                fail("%s header %s, docs/report-format.md lists %s" % (name, header,
                                                                       docs.get(name)))
            if header in rows[1:]:
                fail("%s repeats its header" % name)
            for k, row in enumerate(rows[1:], 2):
                if len(row) != len(header):
                    fail("%s row %d has %d fields" % (name, k, len(row)))
                    continue
                rec = dict(zip(header, row))
                for col in NUMERIC & set(header):
                    if rec[col] and not PLAIN.match(rec[col]):
                        fail("%s row %d: %s = %r is not a plain number" % (name, k, col,
                                                                           rec[col]))
                if name == "report.csv" and rec["name_zh"] != (names_zh[rec["indicator"]] or ""):
                    fail("%s row %d: name_zh %r" % (name, k, rec["name_zh"]))
            print("%s: BOM only with --csv-bom, one header of %d documented columns, %d rows of "
                  "plain numbers" % (name, len(header), len(rows) - 1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
