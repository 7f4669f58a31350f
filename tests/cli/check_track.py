#!/usr/bin/env python3
"""check_track.py - an independent check of targetsim's hindsight outputs.

Usage: check_track.py TARGETSIM [--keep]

Takes check_report.py's plan, adds history, revised targets and a scenario
whose GDP growth is fitted on history, runs targetsim with --by, --backtest
and --compare, and recomputes in Python, from the formulas of
docs/methodology.md (sections 1.1, 3.4, 3.5, 7 and 8) rather than from the
engine's code:

  fit         r = exp(b) - 1, b = sum (t - tbar)(ln v - ybar) / sum (t - tbar)^2
              over the history, baseline and actuals in the window, and the
              fitted value exp(ybar + b (t0 - tbar)) in the first year t0
  revisions   each assessed like a target (check_report.assess)
  --by BY     (x / v_a)^(1/(BY - a)) - 1
  backtest    the paths projected with --as-of at the base year, against the
              years whose point is "observed" after the base year:
              error = p - o, relative = error / o, MAPE = mean |relative|,
              closest = every scenario with the lowest MAPE
  compare     value, attainment-year differences from the reference

Numbers must agree to 1e-9 relative. report.csv, backtest.csv and
compare.csv must agree with report.json row by row. Python 3 standard
library only. Exit status 0 when everything agrees.
"""

import copy
import csv
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_report as base  # noqa: E402  (the shared model and Checker)

PLAN = copy.deepcopy(base.PLAN)
PLAN["id"] = "track-plan"
PLAN["indicators"]["gdp"]["history"] = {"2014": 860, "2015": 905, "2017": 962}
PLAN["indicators"]["gdp"]["revisions"] = [
    {"value": 1600, "year": 2027, "source": "moved later"},
    {"value": 1500, "direction": "at_least", "year": 2025},
]
PLAN["indicators"]["emissions"]["revisions"] = [{"value": 70, "year": 2028}]

# Extends steady: the fit replaces the growth rate and drops the deflator.
FITTED = {
    "id": "fitted",
    "extends": "steady.json",
    "assumptions": {"gdp": {"growth": {"fit": [2014, 2021]}}},
}

SCENARIOS = ["steady.json", "stress.json", "fitted.json"]
BY = 2027
REFERENCE = "stress"
HORIZON = 2030
FIELDS = base.ASSESSMENT_FIELDS


def fitted_line(ind, base_year, first, last):
    """Closed-form least squares of ln(value) on year over the window: the
    rate exp(b) - 1, the first observed year t0 and exp(c + b t0)."""
    points = {int(y): float(v) for y, v in ind.get("history", {}).items()}
    points[base_year] = float(ind["baseline"])
    points.update({int(y): float(v) for y, v in ind.get("actual", {}).items()})
    pts = sorted((t, v) for t, v in points.items() if first <= t <= last)
    tbar = sum(t for t, _ in pts) / len(pts)
    ybar = sum(math.log(v) for _, v in pts) / len(pts)
    sxx = sum((t - tbar) ** 2 for t, _ in pts)
    b = sum((t - tbar) * (math.log(v) - ybar) for t, v in pts) / sxx
    return math.exp(b) - 1, pts[0][0], math.exp(ybar + b * (pts[0][0] - tbar))


def fitted_rate(ind, base_year, first, last):
    return fitted_line(ind, base_year, first, last)[0]


def resolve(folder, file_name):
    sid, merged = base.resolve_scenario(folder, file_name)
    for iid, spec in merged.items():
        growth = spec.get("growth")
        if isinstance(growth, dict) and "fit" in growth:
            first, last = growth["fit"]
            spec["growth"] = fitted_rate(PLAN["indicators"][iid], PLAN["base_year"], first, last)
            spec.pop("deflator", None)
    return sid, merged


def targets_of(iid):
    """(revision, synthetic indicator) for the target and each revision."""
    ind = PLAN["indicators"][iid]
    if "target" not in ind:
        return []
    out = [(0, ind)]
    for k, rev in enumerate(ind.get("revisions", []), 1):
        synthetic = {"target": {"value": rev["value"],
                                "direction": rev.get("direction",
                                                     ind["target"].get("direction", "at_least"))},
                     "target_year": rev["year"]}
        out.append((k, synthetic))
    return out


def needed_by(want):
    a, x, va = want["as_of"], want["target"], want["value_at_as_of"]
    if x is None or BY <= a or not x / va > 0:
        return None
    return (x / va) ** (1.0 / (BY - a)) - 1


def check_assessments(chk, report, seen):
    """Targets and revisions, with needed_growth_by; returns the statuses."""
    statuses = {}
    for sc in report["scenarios"]:
        sid = sc["id"]
        for got in sc["indicators"]:
            iid = got["id"]
            path, as_of = seen[sid][iid]
            revs = got.get("revisions", [])
            for k, ind in targets_of(iid):
                entry = got if k == 0 else (revs[k - 1] if k <= len(revs) else None)
                where = "%s.%s[%d]" % (sid, iid, k)
                if entry is None:
                    chk.fail(where, "missing revision")
                    continue
                want = base.assess(PLAN, ind, path, as_of)
                for field in FIELDS:
                    chk.same("%s.%s" % (where, field), entry.get(field), want[field])
                chk.same(where + ".needed_growth_by.year", entry["needed_growth_by"]["year"], BY)
                chk.same(where + ".needed_growth_by.rate", entry["needed_growth_by"]["rate"],
                         needed_by(want))
                if k:
                    chk.same(where + ".revision", entry.get("revision"), k)
                label = iid if k == 0 else "%s@%d" % (iid, want["target_year"])
                statuses[(sid, label)] = want["status"]
            if not targets_of(iid):
                chk.same("%s.%s.revisions" % (sid, iid), revs, [])
    return statuses


def check_fit(chk, report):
    """report.json's "fit" of the fitted scenario's GDP, null elsewhere."""
    first, last = FITTED["assumptions"]["gdp"]["growth"]["fit"]
    rate, t0, value = fitted_line(PLAN["indicators"]["gdp"], PLAN["base_year"], first, last)
    for sc in report["scenarios"]:
        for ind in sc["indicators"]:
            fit = ind.get("fit")
            where = "%s.%s.fit" % (sc["id"], ind["id"])
            if sc["id"] != "fitted" or ind["id"] != "gdp":
                chk.same(where, fit, None)
                continue
            for key, want in (("first_year", first), ("last_year", last), ("rate", rate),
                              ("first_point_year", t0), ("first_value", value)):
                chk.same("%s.%s" % (where, key), fit.get(key) if fit else None, want)


def check_report_csv(chk, out_dir, report):
    with open(os.path.join(out_dir, "report.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    want = []
    for sc in report["scenarios"]:
        for ind in sc["indicators"]:
            if ind["status"] == "no_target":
                continue
            want.append((sc["id"], ind["id"], 0, ind))
            want += [(sc["id"], ind["id"], r["revision"], r) for r in ind["revisions"]]
    if len(rows) != len(want):
        chk.fail("report.csv", "%d rows, expected %d" % (len(rows), len(want)))
        return
    for row, (sid, iid, k, entry) in zip(rows, want):
        where = "report.csv %s.%s[%d]" % (sid, iid, k)
        chk.same(where + ".key", (row["scenario"], row["indicator"], int(row["revision"])),
                 (sid, iid, k))
        chk.same(where + ".status", row["status"], entry["status"])
        chk.same(where + ".target_year", int(row["target_year"]), entry["target_year"])
        chk.same(where + ".needed_growth_by_year", int(row["needed_growth_by_year"]), BY)
        chk.same(where + ".needed_growth_by", base.csv_number(row["needed_growth_by"]),
                 entry["needed_growth_by"]["rate"])


def expected_backtest(seen, blind):
    """{iid: {sid: (points, mape)}} and {iid: closest ids}."""
    base_year = PLAN["base_year"]
    cells, closest = {}, {}
    for iid in PLAN["indicators"]:
        years = [t for t, (_, kind) in sorted(next(iter(seen.values()))[iid][0].items())
                 if t > base_year and kind == "observed"]
        if not years:
            continue
        cells[iid] = {}
        for sid in seen:
            points = []
            for t in years:
                o = seen[sid][iid][0][t][0]
                p = blind[sid][iid][0][t][0]
                points.append((t, o, p, p - o, (p - o) / o if o != 0 else None))
            rel = [abs(pt[4]) for pt in points if pt[4] is not None]
            cells[iid][sid] = (points, sum(rel) / len(rel) if rel else None)
        mapes = [m for _, m in cells[iid].values() if m is not None]
        best = min(mapes) if mapes else None
        closest[iid] = [sid for sid, (_, m) in cells[iid].items() if m is not None and m == best]
    return cells, closest


def check_backtest(chk, out_dir, report, seen, blind):
    cells, closest = expected_backtest(seen, blind)
    bt = report["backtest"]
    chk.same("backtest.from_year", bt["from_year"], PLAN["base_year"])
    chk.same("backtest.indicators", [i["id"] for i in bt["indicators"]], list(cells))
    fitted_in_sample = FITTED["assumptions"]["gdp"]["growth"]["fit"][1] > PLAN["base_year"]
    csv_want = []
    for ind in bt["indicators"]:
        iid = ind["id"]
        if iid not in cells:
            continue
        chk.same("backtest.%s.closest_scenarios" % iid, ind["closest_scenarios"], closest[iid])
        for cell in ind["scenarios"]:
            sid = cell["scenario"]
            points, mape = cells[iid][sid]
            where = "backtest.%s.%s" % (iid, sid)
            chk.same(where + ".mape", cell["mape"], mape)
            chk.same(where + ".closest", cell["closest"], sid in closest[iid])
            derived_from_gdp = "derived" in PLAN["indicators"][iid] and iid in ("gdp_pc", "usd_pc")
            in_sample = sid == "fitted" and fitted_in_sample and (iid == "gdp" or derived_from_gdp)
            chk.same(where + ".in_sample", cell["in_sample"], in_sample)
            if len(cell["errors"]) != len(points):
                chk.fail(where, "%d errors, expected %d" % (len(cell["errors"]), len(points)))
                continue
            for e, (t, o, p, err, rel) in zip(cell["errors"], points):
                w = "%s.%d" % (where, t)
                chk.same(w + ".year", e["year"], t)
                chk.same(w + ".observed", e["observed"], o)
                chk.same(w + ".projected", e["projected"], p)
                chk.same(w + ".error", e["error"], err)
                chk.same(w + ".relative_error", e["relative_error"], rel)
            csv_want += [(sid, iid, e) for e in cell["errors"]]
    with open(os.path.join(out_dir, "backtest.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    # backtest.csv nests scenario, then indicator; report.json the other way.
    order = {sid: k for k, sid in enumerate(seen)}
    csv_want.sort(key=lambda w: (order[w[0]], list(PLAN["indicators"]).index(w[1])))
    if len(rows) != len(csv_want):
        chk.fail("backtest.csv", "%d rows, expected %d" % (len(rows), len(csv_want)))
        return
    for row, (sid, iid, e) in zip(rows, csv_want):
        where = "backtest.csv %s.%s.%d" % (sid, iid, e["year"])
        chk.same(where + ".key", (row["scenario"], row["indicator"], int(row["year"])),
                 (sid, iid, e["year"]))
        for field in ("observed", "projected", "error", "relative_error"):
            chk.same(where + "." + field, base.csv_number(row[field]), e[field])


def check_comparison(chk, out_dir, report):
    cmp = report["comparison"]
    chk.same("comparison.reference", cmp["reference"], REFERENCE)
    by_id = {sc["id"]: sc for sc in report["scenarios"]}
    ref = {i["id"]: i for i in by_id[REFERENCE]["indicators"]}
    want = []
    for sc in report["scenarios"]:
        if sc["id"] == REFERENCE:
            continue
        for ind in sc["indicators"]:
            if ind["status"] == "no_target":
                continue
            entries = [(0, ind, ref[ind["id"]])]
            entries += [(r["revision"], r, ref[ind["id"]]["revisions"][r["revision"] - 1])
                        for r in ind["revisions"]]
            for k, mine, theirs in entries:
                v, rv = mine["value_at_target_year"], theirs["value_at_target_year"]
                ay, ry = mine["attainment_year"], theirs["attainment_year"]
                want.append({
                    "scenario": sc["id"], "indicator": ind["id"], "revision": k,
                    "target": mine["target"], "target_year": mine["target_year"],
                    "value_at_target_year": v, "reference_value_at_target_year": rv,
                    "value_difference": v - rv,
                    "relative_difference": (v - rv) / rv if rv != 0 else None,
                    "attainment_year": ay, "reference_attainment_year": ry,
                    "attainment_year_difference": ay - ry if ay and ry else None,
                    # Monte Carlo covers an indicator's own target only.
                    "probability": mine.get("probability") if k == 0 else None,
                    "reference_probability": theirs.get("probability") if k == 0 else None,
                    "probability_difference":
                        mine["probability"] - theirs["probability"]
                        if k == 0 and mine.get("probability") is not None
                        and theirs.get("probability") is not None else None})
    if len(cmp["rows"]) != len(want):
        chk.fail("comparison", "%d rows, expected %d" % (len(cmp["rows"]), len(want)))
        return
    for got, w in zip(cmp["rows"], want):
        where = "comparison.%s.%s[%d]" % (w["scenario"], w["indicator"], w["revision"])
        for key, value in w.items():
            chk.same("%s.%s" % (where, key), got.get(key), value)
    with open(os.path.join(out_dir, "compare.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    chk.same("compare.csv rows", len(rows), len(want))
    for row, w in zip(rows, want):
        where = "compare.csv %s.%s[%d]" % (w["scenario"], w["indicator"], w["revision"])
        chk.same(where + ".key", (row["reference"], row["scenario"], row["indicator"],
                                  int(row["revision"])),
                 (REFERENCE, w["scenario"], w["indicator"], w["revision"]))
        for key in ("value_difference", "relative_difference", "attainment_year_difference",
                    "probability"):
            chk.same(where + "." + key, base.csv_number(row[key]), w[key])


def check_stdout(chk, stdout, statuses, closest):
    seen, backtest = {}, None
    for line in stdout.splitlines():
        if line.startswith("  backtest from "):
            backtest = line
        elif line.startswith("  "):
            words = line.split()
            for w in words[1:]:
                label, _, status = w.partition("=")
                seen[(words[0], label)] = status
    chk.same("stdout statuses", seen, statuses)
    want = "  backtest from %d, closest:" % PLAN["base_year"] + "".join(
        " %s=%s" % (iid, ",".join(ids)) for iid, ids in closest.items() if ids)
    chk.same("stdout backtest line", backtest, want)


def main(argv):
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != "--keep"):
        print("usage: check_track.py TARGETSIM [--keep]", file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    folder = tempfile.mkdtemp(prefix="targetsim-track.")
    chk = base.Checker()
    try:
        plan = dict(PLAN, scenarios=SCENARIOS)
        for file_name, data in (("plan.json", plan), ("steady.json", base.STEADY),
                                ("stress.json", base.STRESS), ("fitted.json", FITTED)):
            with open(os.path.join(folder, file_name), "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, indent=2)
        out_dir = os.path.join(folder, "out")
        cmd = [binary, "--plan", os.path.join(folder, "plan.json"), "--out", out_dir,
               "--by", str(BY), "--backtest", "--compare", REFERENCE, "--no-render"]
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              cwd=folder, timeout=60)
        if proc.returncode != 0:
            chk.fail("run", "%s exited %d: %s" % (" ".join(cmd), proc.returncode,
                                                  proc.stderr.strip()))
        else:
            with open(os.path.join(out_dir, "report.json"), encoding="utf-8") as f:
                report = json.load(f)
            seen, blind = {}, {}
            for file_name in SCENARIOS:
                sid, assumptions = resolve(folder, file_name)
                seen[sid] = base.project(PLAN, assumptions, None, HORIZON)
                blind[sid] = base.project(PLAN, assumptions, PLAN["base_year"], HORIZON)
            check_fit(chk, report)
            statuses = check_assessments(chk, report, seen)
            check_report_csv(chk, out_dir, report)
            check_backtest(chk, out_dir, report, seen, blind)
            check_comparison(chk, out_dir, report)
            check_stdout(chk, proc.stdout, statuses, expected_backtest(seen, blind)[1])
    finally:
        if len(argv) == 3:
            print("kept " + folder)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    for line in chk.failures[:50]:
        print("FAIL " + line)
    if len(chk.failures) > 50:
        print("... and %d more" % (len(chk.failures) - 50))
    print("%d values compared, %d disagree" % (chk.compared, len(chk.failures)))
    return 1 if chk.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
