#!/usr/bin/env python3
"""scan_numbers.py - the numbers people read follow one rule
(docs/report-format.md, section 4.1), on the bundled plans.

Usage: scan_numbers.py TARGETSIM SRC_DIR

Runs the Taiyuan plan and the national plan (scenarios/china-14fyp.json),
each with all observations and with --as-of 2022, in English and Chinese,
and checks report.txt and the console summary:
  - no padded figure: a number ending in four zeros after the point
    (r"\\d\\.\\d*0000\\b", the "2.3000" and "< 5.5000" of issue 13);
  - no signed zero: "-0", "-0.0", "-0.0%", "+0.0%";
  - every target report.json marks decided, or achieved already, with a
    Monte Carlo probability, reads "decided by the observed figures"
    (zh "已由实际数据确定") in the attainment lines, once per scenario;
  - the implausible flags of report.json agree with |growth| > 0.30
    recomputed here, and report.txt marks each implausible driver growth.
Exit 0 when all hold, 1 with one FAIL line per problem.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

PADDED = re.compile(r"\d\.\d*0000\b")
SIGNED_ZERO = re.compile(r"(?<![\w.])[-+]0(?:\.0+)?(?![\d.])")
DECIDED = {"en": "decided by the observed figures", "zh": "已由实际数据确定"}
IMPLAUSIBLE = {"en": "(implausible)", "zh": "（超出合理范围）"}
failures = []
seen = {"decided": 0, "implausible": 0}


def fail(where, what):
    failures.append("FAIL %s: %s" % (where, what))


def scan_text(where, text):
    for n, line in enumerate(text.splitlines(), 1):
        for rx, what in ((PADDED, "padded figure"), (SIGNED_ZERO, "signed zero")):
            m = rx.search(line)
            if m:
                fail("%s:%d" % (where, n), "%s %r in %r" % (what, m.group(0), line.strip()))


def growth(ind):
    if ind["measure"] == "rate":
        return None if ind["required_rate"] is None else ind["required_rate"] / 100
    return ind["required_growth"]


def check_json(where, report, text, lang):
    decided = implausible_drivers = 0
    for sc in report["scenarios"]:
        for ind in sc["indicators"]:
            if ind.get("probability") is not None and (ind["decided"] or
                                                       ind["status"] == "achieved"):
                decided += 1
            g = growth(ind)
            want = g is not None and abs(g) > 0.30 + 1e-12
            if ind.get("required_implausible") != want:
                fail(where, "%s/%s required_implausible %r, growth %r" %
                     (sc["id"], ind["id"], ind.get("required_implausible"), g))
            for d in ind.get("required_driver_growth", []):
                want = d["rate"] is not None and abs(d["rate"]) > 0.30 + 1e-12
                if d.get("implausible") != want:
                    fail(where, "%s/%s driver %s implausible %r, rate %r" %
                         (sc["id"], ind["id"], d["driver"], d.get("implausible"), d["rate"]))
                implausible_drivers += want
    seen["decided"] += decided
    seen["implausible"] += implausible_drivers
    got = text.count(DECIDED[lang])
    if got != decided:
        fail(where, "%d attainment lines read %r, expected %d" % (got, DECIDED[lang], decided))
    got = text.replace("\n", " ").replace("    ", "").count(IMPLAUSIBLE[lang].strip())
    if got != implausible_drivers:
        fail(where, "%d driver growths marked %r, expected %d" %
             (got, IMPLAUSIBLE[lang], implausible_drivers))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    targetsim, src = sys.argv[1], sys.argv[2]
    plans = {"taiyuan": [], "china": ["--plan", os.path.join(src, "scenarios/china-14fyp.json")]}
    with tempfile.TemporaryDirectory() as tmp:
        for name, plan in plans.items():
            for as_of in ([], ["--as-of", "2022"]):
                for lang in ("en", "zh"):
                    out = os.path.join(tmp, "%s%s-%s" % (name, "-2022" if as_of else "", lang))
                    run = subprocess.run([targetsim] + plan + as_of +
                                         ["--lang", lang, "--draws", "1000", "--no-render",
                                          "--out", out],
                                         capture_output=True, text=True,
                                         env=dict(os.environ, TARGETSIM_DATA_DIR=os.path.join(src, "scenarios")))
                    where = os.path.basename(out)
                    if run.returncode != 0:
                        fail(where, "exit %d: %s" % (run.returncode, run.stderr))
                        continue
                    scan_text(where + "/stdout", run.stdout)
                    with open(os.path.join(out, "report.txt"), encoding="utf-8") as f:
                        text = f.read()
                    scan_text(where + "/report.txt", text)
                    with open(os.path.join(out, "report.json"), encoding="utf-8") as f:
                        check_json(where, json.load(f), text, lang)
    # The bundled plans have both kinds, so a check that never fires fails.
    for what, n in seen.items():
        if n == 0:
            fail("all runs", "no %s target found: the check tested nothing" % what)
    for line in failures:
        print(line)
    print("%d problems" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
