#!/usr/bin/env python3
"""mc_numpy.py - targetsim's Monte Carlo model written in vectorised NumPy,
for bench/run.sh to time against targetsim on the same plan and scenario.

Usage: mc_numpy.py PLAN SCENARIO DRAWS [SEED]

The same model as docs/methodology.md: observed values up to each
indicator's as-of year (gaps interpolated at a constant rate), then the
scenario's drivers (growth with deflator and shock, a growth fitted on
history with the fit's scatter as its sd when none is given, add, level) with an
independent Gaussian shock vector per projected year (sd and correlation
from the scenario's uncertainty block, through a Cholesky factor), derived
indicators recomputed per draw; for every target the probability of meeting
it in its target year, the probability of attainment by each year and the
yearly percentiles 5..95 (numpy's 'linear' method, the same definition as
GSL's). The random numbers are NumPy's (PCG64, ziggurat), so the figures
agree with targetsim's statistically, not digit for digit. Prints the
compute time and a few figures to compare.
"""

import json
import os
import sys
import time

import numpy as np

LEVELS = [5, 10, 25, 50, 75, 90, 95]


def load_scenario(path):
    """The scenario with its extends chain applied (drivers, rates, sds, rho)."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if "extends" in doc:
        base = load_scenario(os.path.join(os.path.dirname(path), doc["extends"]))
    else:
        base = {"assumptions": {}, "sd": {}, "correlation": {}}
    for ind, a in doc.get("assumptions", {}).items():
        cur = dict(base["assumptions"].get(ind, {}))
        for model in ("growth", "add", "level"):
            if model in a:
                for m in ("growth", "add", "level"):
                    cur.pop(m, None)
                if model != "growth":
                    cur.pop("deflator", None)
                    cur.pop("shock", None)
                cur[model] = a[model]
        for key in ("deflator", "shock"):
            if key in a:
                cur[key] = a[key]
        base["assumptions"][ind] = cur
    unc = doc.get("uncertainty", {})
    base["sd"].update(unc.get("sd", {}))
    for pair, rho in unc.get("correlation", {}).items():
        a, b = pair.split(",")
        base["correlation"][tuple(sorted((a, b)))] = rho
    return base


def fit_growth(ind, base_year, window):
    """A growth rate fitted on history (scenario "growth": {"fit": [Y0, Y1]}):
    the least-squares line of ln(value) on year over the observations in the
    window, exp(slope) - 1, and the sd of the consecutive years' growth
    around it (n - 1 degrees of freedom), as sim/engine/fit.c."""
    obs = dict((int(y), v) for y, v in ind.get("history", {}).items())
    obs[base_year] = ind["baseline"]
    obs.update((int(y), v) for y, v in ind.get("actual", {}).items())
    pts = sorted((y, v) for y, v in obs.items() if window[0] <= y <= window[1])
    x = np.array([y for y, _ in pts], float)
    slope = np.polyfit(x, np.log([v for _, v in pts]), 1)[0]
    rate = np.exp(slope) - 1
    g = [b / a - 1 for (ya, a), (yb, b) in zip(pts, pts[1:]) if yb == ya + 1]
    sd = float(np.sqrt(sum((r - rate) ** 2 for r in g) / (len(g) - 1))) if len(g) >= 2 else 0.0
    return float(rate), sd


def yearly(value, year, missing=None):
    if isinstance(value, dict):
        return value.get(str(year), value.get("default", missing))
    return value


def observed(ind, base_year, n_years):
    """Fixed part of a driven indicator's path, and its as-of year."""
    path = np.full(n_years, np.nan)
    path[0] = ind["baseline"]
    last_y, last_v = base_year, ind["baseline"]
    for y, v in sorted((int(y), v) for y, v in ind.get("actual", {}).items()):
        for t in range(last_y + 1, y):
            f = (t - last_y) / (y - last_y)
            path[t - base_year] = (last_v * (v / last_v) ** f if last_v > 0 and v > 0
                                   else last_v + (v - last_v) * f)
        path[y - base_year] = v
        last_y, last_v = y, v
    return path, last_y


def main(argv):
    plan_file, scen_file, draws = argv[1], argv[2], int(argv[3])
    seed = int(argv[4]) if len(argv) > 4 else 20210224
    with open(plan_file, encoding="utf-8") as f:
        plan = json.load(f)
    sc = load_scenario(scen_file)
    t0 = time.perf_counter()
    b, H = plan["base_year"], plan.get("horizon", 2035)
    ny = H - b + 1
    inds = plan["indicators"]
    fixed, as_of = {}, {}
    for iid, ind in inds.items():
        if "derived" not in ind:
            fixed[iid], as_of[iid] = observed(ind, b, ny)
    for iid, a in sc["assumptions"].items():
        if isinstance(a.get("growth"), dict) and "fit" in a["growth"]:
            a["growth"], sd = fit_growth(inds[iid], b, a["growth"]["fit"])
            sc["sd"].setdefault(iid, sd)
    # Shocked drivers in order of their first projected year; the correlated
    # vector of a year is L u over the drivers active in it.
    dims = sorted((i for i in fixed if sc["sd"].get(i, 0) > 0), key=lambda i: (as_of[i], list(inds).index(i)))
    m = len(dims)
    R = np.eye(m)
    for (a, c), rho in sc["correlation"].items():
        if a in dims and c in dims:
            R[dims.index(a), dims.index(c)] = R[dims.index(c), dims.index(a)] = rho
    L = np.linalg.cholesky(R) if m else R
    sds = np.array([sc["sd"][i] for i in dims])
    rng = np.random.default_rng(seed)
    k0 = min((as_of[i] - b + 1 for i in dims), default=ny)
    # Only the drivers projected in a year are drawn: a prefix of dims, whose
    # law is that of the leading block of L.
    shocks = np.zeros((draws, ny - k0, m))
    normals = 0
    for k in range(k0, ny):
        mk = sum(1 for i in dims if as_of[i] - b + 1 <= k)
        u = rng.standard_normal((draws, mk))
        shocks[:, k - k0, :mk] = (u @ L[:mk, :mk].T) * sds[:mk]
        normals += mk
    values = {}
    for iid in fixed:
        first = as_of[iid] - b + 1
        v = np.empty((draws, ny))
        v[:, :first] = fixed[iid][:first]
        if first < ny:
            a = sc["assumptions"][iid]
            years = range(b + first, H + 1)
            drv = np.array([yearly(next(a[k] for k in ("growth", "add", "level") if k in a), y) for y in years])
            e = shocks[:, first - k0:, dims.index(iid)] if iid in dims else 0.0
            if "growth" in a:
                s = np.array([yearly(a.get("shock", 0), y, 0) for y in years])
                d = np.array([yearly(a.get("deflator", 0), y, 0) for y in years])
                v[:, first:] = fixed[iid][first - 1] * np.cumprod((1 + drv + s + e) * (1 + d), axis=1)
            elif "add" in a:
                v[:, first:] = fixed[iid][first - 1] + np.cumsum(drv + e, axis=1)
            else:
                v[:, first:] = drv + e
        values[iid] = v
    pending = [i for i in inds if "derived" in inds[i]]
    while pending:
        for iid in list(pending):
            der = inds[iid]["derived"]
            if all(f in values for f in der["factors"]):
                out = np.full((draws, ny), float(der.get("scale", 1)))
                for f, p in der["factors"].items():
                    out *= values[f] ** p
                values[iid] = out
                pending.remove(iid)
    summary = {}
    for iid, ind in inds.items():
        if "target" not in ind:
            continue
        tg = ind["target"]
        x, direction = tg["value"], tg.get("direction", "at_least")
        v = values[iid]
        met = {"at_least": v >= x, "above": v > x, "at_most": v <= x, "below": v < x}[direction]
        T = tg.get("year", plan["target_year"]) - b
        by_year = np.logical_or.accumulate(met, axis=1).mean(axis=0)
        pct = np.percentile(v, LEVELS, axis=0)
        summary[iid] = (met[:, T].mean(), by_year[-1], pct[3, T], pct[3, -1])
    elapsed = time.perf_counter() - t0
    print("numpy: %d draws, %d normals per draw, compute %.3f s" % (draws, normals, elapsed))
    for iid, (p, by_h, med_T, med_H) in summary.items():
        print("  %-24s P(T)=%.4f P(by horizon)=%.4f median T %.6g, horizon %.6g" % (iid, p, by_h, med_T, med_H))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
