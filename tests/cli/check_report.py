#!/usr/bin/env python3
"""check_report.py - an independent check of targetsim's numbers.

Usage: check_report.py TARGETSIM [--keep]

Writes its own small plan and two scenarios (base year 2018, target year
2024; growth with year maps, "default", a shock and a deflator; additive and
level drivers; a derived indicator of a derived indicator with a scale and
powers 1 and -1; actuals with gaps; targets of every direction, one with
its own target year), runs targetsim on them in a few configurations, and
recomputes in Python, from the formulas of the design brief and
docs/methodology.md (section 3.2 for the status, including rule 5 when the
ratio R is undefined) rather than from the engine's code, every path value and
kind and every assessment field of report.json. Numbers must agree to 1e-9
relative (None for null). report.csv must agree with report.json row by row,
paths.csv with the paths, and the summary on stdout with the statuses.
Also: required_driver_growth (found here by bisection, to 1e-9), tornado.csv
(each driver moved by a percentage point or 1 % of its level), and the
Monte Carlo fields, which without any sd must be degenerate (probability 0
or 1 with its closed-form Wilson interval, percentiles equal to the path).

Formulas:
  growth   v_t = v_{t-1} (1 + n_t),  n_t = (1 + g_t + s_t)(1 + d_t) - 1
  add      v_t = v_{t-1} + a_t
  level    v_t = L_t
  derived  v_t = scale * prod(input_t ^ power)
  observed values replace the model up to the indicator's as-of year (the
  latest actual not after --as-of, else the base year); gaps are filled at
  the constant rate v0 (v1/v0)^((t-t0)/(t1-t0)) (kind "interpolated"); a
  derived indicator's as-of year is the earliest of its inputs'.

Python 3 standard library only. Exit status 0 when everything agrees.
"""

import csv
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

REL_TOL = 1e-9
DRAWS = 10000  # targetsim's default --draws
ABS_TOL = 1e-12  # for values that are zero up to rounding (a growth of 0)

PLAN = {
    "id": "checker-plan",
    "name": {"en": "Independent checker plan", "zh": "独立核对规划"},
    "base_year": 2018,
    "target_year": 2024,
    "horizon": 2030,
    "scenarios": ["steady.json", "stress.json"],
    "indicators": {
        # Listed before its inputs: the engine must order the evaluation.
        "usd_pc": {
            "name": "Output per head in dollars",
            "derived": {"factors": {"gdp_pc": 1, "fx": -1}},
            "target": {"value": 9000, "direction": "at_least"},
        },
        "gdp": {
            "baseline": 1000,
            "actual": {"2019": 1070, "2021": 1180, "2022": 1262.5},
            "target": {"value": 1600},
        },
        "pop": {"baseline": 200, "actual": {"2019": 202, "2020": 203.5}},
        "gdp_pc": {
            "derived": {"scale": 10000, "factors": {"gdp": 1, "pop": -1}},
            "target": {"value": 70000, "direction": "above"},
        },
        "fx": {"baseline": 6.5, "actual": {"2019": 6.9}},
        "firms": {
            "baseline": 500,
            "actual": {"2020": 560},
            "target_year": 2026,
            "target": {"value": 800, "direction": "at_least"},
        },
        "emissions": {
            "baseline": 100,
            "actual": {"2021": 78},
            "target": {"value": 80, "direction": "at_most"},
        },
        "jobs": {
            "baseline": 50,
            "actual": {"2019": 53, "2021": 58},
            "target_year": 2021,
            "target": {"value": 60, "direction": "above"},
        },
        "schools": {
            "baseline": 10,
            "actual": {"2019": 11, "2020": 12},
            "target_year": 2020,
            "target": {"value": 12},
        },
        "water": {"baseline": 300, "target": {"value": 250, "direction": "below"}},
        # A zero target: no ratio, no required rate, so no R (rule 5).
        "debt": {"baseline": 40, "target": {"value": 0, "direction": "at_most"}},
    },
}

STEADY = {
    "id": "steady",
    "name": {"en": "Steady"},
    "assumptions": {
        "gdp": {"growth": 0.05, "deflator": 0.02},
        "pop": {"growth": {"2021": 0.004, "default": 0.006}},
        "fx": {"level": {"2020": 6.8, "2021": 6.7, "default": 6.6}},
        "firms": {"add": 45},
        "emissions": {"growth": -0.02},
        "jobs": {"add": 1.5},
        "schools": {"add": 0.5},
        "water": {"growth": 0.01},
        "debt": {"add": -3},
    },
}

STRESS = {
    "id": "stress",
    "name": {"en": "Stress"},
    "extends": "steady.json",
    "assumptions": {
        # A new growth map and a shock; the deflator is inherited.
        "gdp": {"growth": {"2023": 0.01, "2024": -0.02, "default": 0.03},
                "shock": {"2023": -0.05}},
        "firms": {"add": {"2021": 10, "2022": 10, "default": 30}},
        "emissions": {"level": 85},
        "water": {"growth": -0.04, "deflator": 0.005},
        "debt": {"add": {"2019": -3, "default": 1.5}},
    },
}

# (name, extra arguments, --as-of given or None, horizon)
RUNS = [
    ("default", [], None, 2030),
    ("as-of-2020", ["--as-of", "2020", "--horizon", "2028"], 2020, 2028),
    ("stress-as-of-2021", ["--scenario", "stress.json", "--as-of", "2021"], 2021, 2030),
]

DRIVERS = ("growth", "add", "level")
RATE_KEYS = ("deflator", "shock")

ASSESSMENT_FIELDS = (
    "target", "direction", "target_year", "as_of", "baseline", "value_at_as_of",
    "value_at_target_year", "attained", "ratio", "required_growth", "scenario_growth",
    "progress", "attainment_year", "status", "realised_growth", "needed_growth",
    "shortfall",
)


class Checker:
    def __init__(self):
        self.failures = []
        self.compared = 0
        self.statuses = set()

    def fail(self, where, message):
        self.failures.append("%s: %s" % (where, message))

    def same(self, where, got, want):
        """Records a failure unless got equals want (numbers to REL_TOL)."""
        self.compared += 1
        if want is None or got is None:
            if got is not want:
                self.fail(where, "got %r, expected %r" % (got, want))
            return
        if isinstance(want, bool) or not isinstance(want, (int, float)):
            if got != want:
                self.fail(where, "got %r, expected %r" % (got, want))
            return
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            self.fail(where, "got %r, expected the number %r" % (got, want))
            return
        if not math.isclose(got, want, rel_tol=REL_TOL, abs_tol=ABS_TOL):
            self.fail(where, "got %.17g, expected %.17g" % (got, want))


# --- the model, from the formulas -----------------------------------------

def yearly(spec, year):
    """A number, or a map of "YYYY" -> number with an optional "default"."""
    if spec is None:
        return None
    if isinstance(spec, (int, float)):
        return float(spec)
    if str(year) in spec:
        return float(spec[str(year)])
    if "default" in spec:
        return float(spec["default"])
    raise ValueError("no value for %d" % year)


def yearly_or_zero(spec, year):
    """Like yearly(), but a map without this year and without a default is 0
    (a shock in one year leaves the others alone)."""
    if isinstance(spec, dict) and str(year) not in spec and "default" not in spec:
        return 0.0
    return yearly(spec, year)


def resolve_scenario(folder, file_name):
    """The scenario's assumptions after its extends chain, key by key."""
    with open(os.path.join(folder, file_name), encoding="utf-8") as f:
        data = json.load(f)
    merged = {}
    if "extends" in data:
        merged = resolve_scenario(folder, data["extends"])[1]
    for ind, spec in data.get("assumptions", {}).items():
        entry = dict(merged.get(ind, {}))
        driver = next((k for k in DRIVERS if k in spec), None)
        if driver:
            for k in DRIVERS:
                entry.pop(k, None)
            if driver != "growth":
                # Rate adjustments only go with growth; a new add or level
                # driver leaves the inherited ones without meaning.
                for k in RATE_KEYS:
                    entry.pop(k, None)
        entry.update(spec)
        merged[ind] = entry
    return data["id"], merged


def observed_part(ind, base, limit):
    """{year: (value, kind)} up to the indicator's as-of year, and that year."""
    points = [(base, float(ind["baseline"]))]
    for y, v in sorted((int(k), float(v)) for k, v in ind.get("actual", {}).items()):
        if y <= limit:
            points.append((y, v))
    path = {}
    for (t0, v0), (t1, v1) in zip(points, points[1:]):
        for t in range(t0 + 1, t1):
            path[t] = (v0 * (v1 / v0) ** ((t - t0) / (t1 - t0)), "interpolated")
    for y, v in points:
        path[y] = (v, "observed")
    return path, points[-1][0]


def project(plan, assumptions, as_of_limit, horizon):
    """{indicator: (path {year: (value, kind)}, as_of)}."""
    base = plan["base_year"]
    limit = min(as_of_limit if as_of_limit is not None else horizon, horizon)
    inds = plan["indicators"]
    result = {}

    def compute(name):
        if name in result:
            return result[name]
        ind = inds[name]
        if "derived" in ind:
            d = ind["derived"]
            scale = float(d.get("scale", 1))
            factors = [(compute(k), float(p)) for k, p in d["factors"].items()]
            as_of = min(f[0][1] for f in factors)
            path = {}
            for t in range(base, horizon + 1):
                v = scale
                for (fpath, _), p in factors:
                    v *= fpath[t][0] ** p
                if t <= as_of:
                    interp = any(fpath[t][1] == "interpolated" for (fpath, _), _p in factors)
                    kind = "interpolated" if interp else "observed"
                else:
                    kind = "projected"
                path[t] = (v, kind)
            result[name] = (path, as_of)
            return result[name]
        path, as_of = observed_part(ind, base, limit)
        spec = assumptions[name]
        prev = path[as_of][0]
        for t in range(as_of + 1, horizon + 1):
            if "growth" in spec:
                g = yearly(spec["growth"], t)
                s = yearly_or_zero(spec.get("shock", 0), t)
                d = yearly_or_zero(spec.get("deflator", 0), t)
                n = (1 + g + s) * (1 + d) - 1
                v = prev * (1 + n)
            elif "add" in spec:
                v = prev + yearly(spec["add"], t)
            else:
                v = yearly(spec["level"], t)
            path[t] = (v, "projected")
            prev = v
        result[name] = (path, as_of)
        return result[name]

    for name in inds:
        compute(name)
    return result


def meets(direction, value, target):
    return {
        "at_least": value >= target,
        "above": value > target,
        "at_most": value <= target,
        "below": value < target,
    }[direction]


def rate(start, end, years):
    """The constant yearly rate, None when end/start is not positive."""
    if not end / start > 0:
        return None
    return (end / start) ** (1.0 / years) - 1


def completion(direction, v, x):
    """'% of target' (methodology 10.7): v / x for a floor, x / v for a
    ceiling (at_most, below), so that it is >= 1 exactly when the target is
    met; undefined for x = 0, v = 0 or opposite signs."""
    if x == 0 or v == 0 or not v / x > 0:
        return None
    return x / v if direction in ("at_most", "below") else v / x


def assess(plan, ind, path, as_of):
    """The expected assessment fields of one indicator."""
    b = plan["base_year"]
    vb = path[b][0]
    a = as_of
    va = path[a][0]
    out = {k: None for k in ASSESSMENT_FIELDS}
    out.update(as_of=a, baseline=vb, value_at_as_of=va, status="no_target")
    if "target" not in ind:
        return out
    x = float(ind["target"]["value"])
    direction = ind["target"].get("direction", "at_least")
    T = int(ind.get("target_year", plan["target_year"]))
    vT = path[T][0]
    attained = meets(direction, vT, x)
    out.update(target=x, direction=direction, target_year=T, value_at_target_year=vT,
               attained=attained, ratio=completion(direction, vT, x),
               progress=(vT - vb) / (x - vb) if x != vb else None)
    for t in sorted(path):
        if meets(direction, path[t][0], x):
            out["attainment_year"] = t
            break
    if a < T:
        out["required_growth"] = rate(va, x, T - a)
        out["scenario_growth"] = rate(va, vT, T - a)
        if meets(direction, va, x):
            status = "achieved"
        elif attained:
            status = "on_track"
        elif out["scenario_growth"] is not None and out["required_growth"]:
            r = out["scenario_growth"] / out["required_growth"]
            status = "moving_away" if r < 0 else "insufficient" if r < 0.6 else "moderate"
        else:
            # No ratio R: judge by the direction of the movement from a to T.
            upward = direction in ("at_least", "above")
            moved = vT - va
            away = moved < 0 if upward else moved > 0
            status = "moving_away" if away else "insufficient"
    else:
        status = "achieved" if attained else "missed"
        out["realised_growth"] = rate(vb, vT, T - b)
        out["needed_growth"] = rate(vb, x, T - b)
        out["shortfall"] = x - vT
    out["status"] = status
    return out


# --- required driver growth, the tornado, degenerate draws -----------------

def inputs_of(plan, name):
    """name and every indicator it is derived from, transitively."""
    ind = plan["indicators"][name]
    found = {name}
    for k in ind.get("derived", {}).get("factors", {}):
        found |= inputs_of(plan, k)
    return found


def with_driver(assumptions, name, years, value_of):
    """A copy of the assumptions with name's driver set year by year."""
    changed = {k: dict(v) for k, v in assumptions.items()}
    spec = changed[name]
    driver = next(k for k in DRIVERS if k in spec)
    spec[driver] = {str(t): value_of(t, yearly(spec[driver], t)) for t in years}
    return changed


def value_in(plan, assumptions, as_of_limit, horizon, name, year):
    return project(plan, assumptions, as_of_limit, horizon)[name][0][year][0]


def required_rate(plan, assumptions, as_of_limit, horizon, target, driver, proj):
    """The constant growth of driver hitting target's value in its year, by
    bisection (independent of the engine's Brent solver); None when none."""
    ind = plan["indicators"][target]
    T = ind.get("target_year", plan["target_year"])
    x = float(ind["target"]["value"])
    d_as_of = proj[driver][1]
    if T <= proj[target][1] or T <= d_as_of:
        return None
    years = range(d_as_of + 1, horizon + 1)
    spec = assumptions[driver]
    low = max(-1 - yearly_or_zero(spec.get("shock", 0), t) for t in range(d_as_of + 1, T + 1))

    def miss(r):
        changed = with_driver(assumptions, driver, years, lambda t, g: r)
        v = value_in(plan, changed, as_of_limit, horizon, target, T)
        return v / x - 1 if x != 0 else v

    a, b = low + 1e-12 * max(1, abs(low)), 1.0
    fa = miss(a)
    while b <= 1e6 and (miss(b) <= 0) == (fa <= 0):
        b = 2 * b + 1
    if b > 1e6:
        return None
    for _ in range(200):
        m = (a + b) / 2
        if (miss(m) <= 0) == (fa <= 0):
            a = m
        else:
            b = m
    return (a + b) / 2


def check_required(chk, where, plan, assumptions, as_of_limit, horizon, name, proj, got):
    inds = plan["indicators"]
    if "target" not in inds[name]:
        chk.same(where + ".required_driver_growth", got, [])
        return
    drivers = [k for k in inds if k in inputs_of(plan, name) and "derived" not in inds[k]
               and "growth" in assumptions[k]]
    if [e["driver"] for e in got] != drivers:
        chk.fail(where, "required_driver_growth drivers %r, expected %r" %
                 ([e["driver"] for e in got], drivers))
        return
    for e in got:
        want = required_rate(plan, assumptions, as_of_limit, horizon, name, e["driver"], proj)
        chk.compared += 1
        if (want is None) != (e["rate"] is None) or (
                want is not None and abs(e["rate"] - want) > 1e-9):
            chk.fail(where, "required growth of %s: got %r, expected %r" %
                     (e["driver"], e["rate"], want))


def check_tornado(chk, name, out_dir, plan, scenarios, as_of_limit, horizon):
    """tornado.csv without sds: each driver moved by a percentage point
    (growth) or 1 % of its as-of value (add, level) in every projected year."""
    with open(os.path.join(out_dir, "tornado.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    inds = plan["indicators"]
    expected = 0
    for sid, assumptions in scenarios.items():
        proj = project(plan, assumptions, as_of_limit, horizon)
        for target, ind in inds.items():
            if "target" not in ind:
                continue
            T = ind.get("target_year", plan["target_year"])
            for drv in inputs_of(plan, target):
                if "derived" in inds[drv]:
                    continue
                expected += 1
                spec = assumptions[drv]
                as_of = proj[drv][1]
                shift = 0.01 if "growth" in spec else 0.01 * abs(proj[drv][0][as_of][0])
                years = range(as_of + 1, horizon + 1)
                want = [value_in(plan, with_driver(assumptions, drv, years,
                                                   lambda t, g, sg=sg: g + sg * shift),
                                 as_of_limit, horizon, target, T) for sg in (-1, 1)]
                row = [r for r in rows if (r["scenario"], r["indicator"], r["assumption"]) ==
                       (sid, target, drv)]
                where = "%s: tornado.csv %s.%s.%s" % (name, sid, target, drv)
                if len(row) != 1:
                    chk.fail(where, "%d rows, expected 1" % len(row))
                    continue
                chk.same(where + ".shift", float(row[0]["shift"]), shift)
                chk.same(where + ".value_low", csv_number(row[0]["value_low"]), want[0])
                chk.same(where + ".value_high", csv_number(row[0]["value_high"]), want[1])
    if len(rows) != expected:
        chk.fail(name, "tornado.csv has %d rows, expected %d" % (len(rows), expected))


def check_degenerate_draws(chk, where, got, want_status_fields, path, horizon, base):
    """No sd anywhere: every draw is the path, so probabilities are 0 or 1,
    with the Wilson interval of 0 or n successes out of n, and every
    percentile is the path's value."""
    if got.get("target") is None:
        for key in ("probability", "probability_low", "probability_high",
                    "attainment_probability", "percentiles"):
            chk.same("%s.%s" % (where, key), got.get(key), None)
        return
    n, z = DRAWS, 1.959963984540054
    hit = want_status_fields["attained"]
    chk.same(where + ".probability", got["probability"], 1.0 if hit else 0.0)
    chk.same(where + ".probability_low", got["probability_low"], n / (n + z * z) if hit else 0.0)
    chk.same(where + ".probability_high", got["probability_high"], 1.0 if hit else z * z / (n + z * z))
    first = want_status_fields["attainment_year"]
    for pt in got["attainment_probability"]:
        chk.same("%s.attainment_probability[%d]" % (where, pt["year"]), pt["probability"],
                 1.0 if first is not None and pt["year"] >= first else 0.0)
    for pt in got["percentiles"]:
        for key in ("p5", "p10", "p25", "p50", "p75", "p90", "p95"):
            chk.same("%s.percentiles[%d].%s" % (where, pt["year"], key), pt[key],
                     path[pt["year"]][0])


# --- reading targetsim's files --------------------------------------------

def csv_number(cell):
    return None if cell == "" else float(cell)


def check_run(chk, binary, folder, name, extra, as_of_limit, horizon):
    out_dir = os.path.join(folder, "out-" + name)
    cmd = [binary, "--plan", os.path.join(folder, "plan.json"), "--out", out_dir] + [
        os.path.join(folder, a) if a.endswith(".json") else a for a in extra]
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          cwd=folder, timeout=60)
    if proc.returncode != 0 or proc.stderr:
        chk.fail(name, "%s exited %d: %s" % (" ".join(cmd), proc.returncode,
                                              proc.stderr.strip()))
        return
    with open(os.path.join(out_dir, "report.json"), encoding="utf-8") as f:
        report = json.load(f)

    scenario_files = [a for a in extra if a.endswith(".json")] or PLAN["scenarios"]
    expected = {}
    resolved = {}
    for file_name in scenario_files:
        sid, assumptions = resolve_scenario(folder, file_name)
        resolved[sid] = assumptions
        expected[sid] = project(PLAN, assumptions, as_of_limit, horizon)

    p = report["plan"]
    latest = max(as_of for proj in expected.values() for _path, as_of in proj.values())
    for key, want in (("id", PLAN["id"]), ("base_year", PLAN["base_year"]),
                      ("target_year", PLAN["target_year"]), ("horizon", horizon),
                      ("as_of", latest), ("as_of_limit", as_of_limit)):
        chk.same("%s: plan.%s" % (name, key), p.get(key), want)

    got_ids = [s["id"] for s in report["scenarios"]]
    if got_ids != list(expected):
        chk.fail(name, "scenarios %r, expected %r" % (got_ids, list(expected)))
        return
    statuses = {}
    for sc in report["scenarios"]:
        sid = sc["id"]
        ids = [i["id"] for i in sc["indicators"]]
        if ids != list(PLAN["indicators"]):
            chk.fail(name, "%s: indicators %r, expected the plan's order" % (sid, ids))
            continue
        for got in sc["indicators"]:
            iid = got["id"]
            where = "%s: %s.%s" % (name, sid, iid)
            path, as_of = expected[sid][iid]
            want = assess(PLAN, PLAN["indicators"][iid], path, as_of)
            for field in ASSESSMENT_FIELDS:
                if field not in got:
                    chk.fail(where, "no field %s" % field)
                    continue
                chk.same("%s.%s" % (where, field), got[field], want[field])
            years = [pt["year"] for pt in got["path"]]
            if years != list(range(PLAN["base_year"], horizon + 1)):
                chk.fail(where, "path years %r" % years)
                continue
            for pt in got["path"]:
                y = pt["year"]
                chk.same("%s.path[%d].value" % (where, y), pt["value"], path[y][0])
                chk.same("%s.path[%d].kind" % (where, y), pt["kind"], path[y][1])
            check_required(chk, where, PLAN, resolved[sid], as_of_limit, horizon, iid,
                           expected[sid], got["required_driver_growth"])
            check_degenerate_draws(chk, where, got, want, path, horizon, PLAN["base_year"])
            if want["status"] != "no_target":
                statuses[(sid, iid)] = want["status"]
                chk.statuses.add(want["status"])

    check_csv(chk, name, out_dir, report)
    check_tornado(chk, name, out_dir, PLAN, resolved, as_of_limit, horizon)
    check_stdout(chk, name, proc.stdout, statuses)


def check_csv(chk, name, out_dir, report):
    with open(os.path.join(out_dir, "report.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    json_rows = [(sc["id"], ind) for sc in report["scenarios"] for ind in sc["indicators"]
                 if ind["status"] != "no_target"]
    if len(rows) != len(json_rows):
        chk.fail(name, "report.csv has %d rows, report.json %d targets" %
                 (len(rows), len(json_rows)))
        return
    for row, (sid, ind) in zip(rows, json_rows):
        where = "%s: report.csv %s.%s" % (name, row["scenario"], row["indicator"])
        chk.same(where + ".scenario", row["scenario"], sid)
        chk.same(where + ".indicator", row["indicator"], ind["id"])
        for field in ASSESSMENT_FIELDS:
            cell = row[field]
            if field in ("direction", "status"):
                chk.same("%s.%s" % (where, field), cell, ind[field])
            elif field == "attained":
                chk.same("%s.%s" % (where, field), cell, "true" if ind[field] else "false")
            else:
                chk.same("%s.%s" % (where, field), csv_number(cell),
                         None if ind[field] is None else float(ind[field]))

    with open(os.path.join(out_dir, "paths.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    json_points = [(sc["id"], ind["id"], pt) for sc in report["scenarios"]
                   for ind in sc["indicators"] for pt in ind["path"]]
    if len(rows) != len(json_points):
        chk.fail(name, "paths.csv has %d rows, report.json %d path points" %
                 (len(rows), len(json_points)))
        return
    for row, (sid, iid, pt) in zip(rows, json_points):
        where = "%s: paths.csv %s.%s.%s" % (name, sid, iid, pt["year"])
        chk.same(where + ".key", (row["scenario"], row["indicator"], int(row["year"])),
                 (sid, iid, pt["year"]))
        chk.same(where + ".value", csv_number(row["value"]), pt["value"])
        chk.same(where + ".kind", row["kind"], pt["kind"])


def check_stdout(chk, name, stdout, statuses):
    """The summary lines "  SCENARIO  IND=STATUS ..." agree with the model."""
    seen = {}
    for line in stdout.splitlines():
        if not line.startswith("  "):
            continue
        words = line.split()
        for w in words[1:]:
            iid, _, status = w.partition("=")
            seen[(words[0], iid)] = status
    chk.same(name + ": stdout statuses", seen, statuses)


def main(argv):
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != "--keep"):
        print("usage: check_report.py TARGETSIM [--keep]", file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    folder = tempfile.mkdtemp(prefix="targetsim-check.")
    chk = Checker()
    try:
        for file_name, data in (("plan.json", PLAN), ("steady.json", STEADY),
                                ("stress.json", STRESS)):
            with open(os.path.join(folder, file_name), "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, indent=2)
        for name, extra, as_of_limit, horizon in RUNS:
            check_run(chk, binary, folder, name, extra, as_of_limit, horizon)
    finally:
        if len(argv) == 3:
            print("kept " + folder)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    wanted = {"achieved", "missed", "on_track", "moderate", "insufficient", "moving_away"}
    if not wanted <= chk.statuses:
        chk.fail("coverage", "the data no longer lead to the statuses %s" %
                 ", ".join(sorted(wanted - chk.statuses)))
    for line in chk.failures[:50]:
        print("FAIL " + line)
    if len(chk.failures) > 50:
        print("... and %d more" % (len(chk.failures) - 50))
    print("%d values compared over %d runs, %d disagree; statuses covered: %s" %
          (chk.compared, len(RUNS), len(chk.failures), ", ".join(sorted(chk.statuses))))
    return 1 if chk.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
