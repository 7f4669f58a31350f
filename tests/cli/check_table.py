#!/usr/bin/env python3
"""check_table.py - independent checks of targetsim's plan tables.

Usage: check_table.py TARGETSIM [--keep] [--verbose] [--only SUBSTRING]...
       check_table.py --dry-run [--verbose] [--only SUBSTRING]...

Written from the specification (research/spec-12-method.md, section 10, and
research/spec-12-input.md) before the C code existed, so that it does not
share the implementation's reading of it. It writes small plans and
scenarios into a temporary folder, runs

    targetsim --plan P --scenario S --out DIR --quiet --no-render [options]

and compares DIR/report.json with values recomputed here from the formulas:

  * the statistic S(t) of every kind (value, change, change_pct, growth_pct,
    multiple, text) on level and rate indicators, relative_to and each_year;
  * meeting a target with the relative tolerance eps = 1e-9 max(|s|, |x|);
  * the observed record: as_of, baseline_year, latest, statistic, elapsed,
    progress, pace, category (the rows 1-12 of 10.5 in their order, the band
    [lo, hi), --band, evaluation.band, the sdg rule and its thresholds),
    years_held / years_breached / breached_years, nowcast;
  * the scenario side: statistic, attained, ratio (completion c),
    level_target, required_growth / scenario_growth, required_rate /
    scenario_rate, status, decided, attainment_year;
  * Monte Carlo probabilities against closed forms (one projected year with
    a Gaussian shock; each_year over two independent years; relative_to as
    the difference of two independent normals), --draws 200000, accepted
    within 4 sqrt(P(1-P)/N) + 1e-4.

Values are compared to 1e-9 relative (1e-10 absolute). Where the
specification leaves a point open, the expected value is the most natural
reading and is wrapped in Amb("..."): a failure there is reported as
"SPEC-AMBIGUOUS" so that the implementer can confirm or the test be
changed. The same points are marked "SPEC-AMBIGUOUS:" in comments.

--dry-run runs no program: it builds report.json from this file's own
model (and draws its own Monte Carlo sample with Python's random module, at
fewer draws) to exercise every case and to check the hand-computed numbers
and the closed forms against the model. It proves nothing about targetsim.

Python 3 standard library only. Exit status 0 when everything agrees, 1 on
any disagreement, 2 on a usage error.
"""

import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

REL_TOL = 1e-9
ABS_TOL = 1e-10
EPS = 1e-9                      # the relative tolerance of 10.3
KINDS = ("value", "change", "change_pct", "growth_pct", "multiple")
DIRECTIONS = ("at_least", "above", "at_most", "below", "about")
UP = ("at_least", "above")
DOWN = ("at_most", "below")
MC_DRAWS = 200000
MC_SEED = 12021
DRY_MC_DRAWS = 20000            # --dry-run: Python draws are slow


class Amb:
    """An expected value that rests on a reading of an ambiguous spec."""

    def __init__(self, value, why):
        self.value = value
        self.why = why


def unwrap(v):
    return v.value if isinstance(v, Amb) else v


# --- the model, from the formulas ------------------------------------------

def fig(v):
    """A figure: a number or {"value": number, "source": ...}."""
    return float(v["value"]) if isinstance(v, dict) else float(v)


def yearly(spec, year):
    if isinstance(spec, (int, float)):
        return float(spec)
    if str(year) in spec:
        return float(spec[str(year)])
    return float(spec["default"])


def yearly0(spec, year):
    if spec is None:
        return 0.0
    if isinstance(spec, dict) and str(year) not in spec and "default" not in spec:
        return 0.0
    return yearly(spec, year)


def meets(direction, s, x, tol=None):
    """10.3: the direction compares s with x, eps = 1e-9 max(|s|, |x|)."""
    eps = EPS * max(abs(s), abs(x))
    if direction == "at_least":
        return s >= x - eps
    if direction == "above":
        return s > x + eps
    if direction == "at_most":
        return s <= x + eps
    if direction == "below":
        return s < x - eps
    if direction == "about":
        return abs(s - x) <= tol + eps
    raise ValueError(direction)


def level_stat(kind, v, vB, t, B):
    """S(t) of a level indicator from its value v in t and vB in B."""
    if v is None:
        return None
    if kind == "value":
        return v
    if vB is None:
        return None
    if kind == "change":
        return v - vB
    if kind == "change_pct":
        return 100 * (v / vB - 1)
    if kind == "multiple":
        return v / vB
    if kind == "growth_pct":
        return None if t <= B else 100 * ((v / vB) ** (1.0 / (t - B)) - 1)
    raise ValueError(kind)


def level_equiv(kind, x, vB, T, B):
    """The level equivalent x* in year T (table of 10.2)."""
    if kind == "value":
        return x
    if kind == "change":
        return vB + x
    if kind == "change_pct":
        return vB * (1 + x / 100)
    if kind == "growth_pct":
        return vB * (1 + x / 100) ** (T - B)
    if kind == "multiple":
        return vB * x
    raise ValueError(kind)


def crate(start, end, n):
    """(end/start)^(1/n) - 1, None when undefined (n <= 0, ratio <= 0)."""
    if start is None or end is None or n <= 0 or start == 0:
        return None
    r = end / start
    if not r > 0 or math.isinf(r):
        return None
    return r ** (1.0 / n) - 1


def phi(z):
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


class Model:
    """One plan under one scenario's drivers (section 1 and 2 of the
    methodology): observed values, gaps filled at the constant rate (on a
    straight line when an end is <= 0), then the drivers from the as-of
    year; shocks {(indicator, year): e} are added to the driver (draws)."""

    def __init__(self, plan, scen, limit=None, shocks=None):
        self.plan = plan
        self.b = plan["base_year"]
        self.H = plan["horizon"]
        self.TY = plan["target_year"]
        self.inds = plan["indicators"]
        self.limit = limit
        self.assump = (scen or {}).get("assumptions", {})
        self.shocks = shocks or {}
        self.path, self.kinds, self.asof, self.obs = {}, {}, {}, {}
        for iid in self.inds:
            self._build(iid)

    def _within(self, y):
        return y <= self.H and (self.limit is None or y <= self.limit)

    def _build(self, iid):
        if iid in self.path:
            return
        spec = self.inds[iid]
        if "derived" in spec:
            d = spec["derived"]
            for k in d["factors"]:
                self._build(k)
            path = {}
            for t in range(self.b, self.H + 1):
                v = float(d.get("scale", 1))
                for k, pw in d["factors"].items():
                    vk = self.path[k].get(t)
                    if vk is None:
                        v = None
                        break
                    v *= vk ** float(pw)
                path[t] = v
            self.path[iid] = path
            self.kinds[iid] = {}
            self.asof[iid] = min(self.asof[k] for k in d["factors"])
            self.obs[iid] = {}
            return
        obs = {}
        if "baseline" in spec:
            obs[int(spec.get("baseline_year", self.b))] = fig(spec["baseline"])
        actual = {}
        for y, v in spec.get("actual", {}).items():
            if self._within(int(y)):
                actual[int(y)] = fig(v)
        obs.update(actual)
        path, kinds = {}, {}
        ys = sorted(obs)
        for y in ys:
            path[y] = obs[y]
            kinds[y] = "observed"
        for y0, y1 in zip(ys, ys[1:]):
            v0, v1 = obs[y0], obs[y1]
            # methodology 2.3: a level's gap at the constant rate linking its
            # ends; a rate indicator's (its values are rates) on a straight line.
            geometric = spec.get("measure", "level") == "level"
            for t in range(y0 + 1, y1):
                if geometric and v0 > 0 and v1 > 0:
                    v = v0 * (v1 / v0) ** ((t - y0) / (y1 - y0))
                else:
                    v = v0 + (v1 - v0) * (t - y0) / (y1 - y0)
                path[t] = v
                kinds[t] = "interpolated"
        a = max(actual) if actual else self.b
        drv = self.assump.get(iid, {})
        prev = path.get(a)
        for t in range(a + 1, self.H + 1):
            e = self.shocks.get((iid, t), 0.0)
            if "growth" in drv:
                g = yearly(drv["growth"], t)
                v = prev * (1 + g + yearly0(drv.get("shock"), t) + e) * \
                    (1 + yearly0(drv.get("deflator"), t))
            elif "add" in drv:
                v = prev + yearly(drv["add"], t) + e
            elif "level" in drv:
                v = yearly(drv["level"], t) + e
            else:
                raise ValueError("the test's scenario has no driver for " + iid)
            path[t] = v
            kinds[t] = "projected"
            prev = v
        self.path[iid] = path
        self.kinds[iid] = kinds
        self.asof[iid] = a
        self.obs[iid] = actual

    def evaluation_year(self):
        """E: the --as-of year, else the latest observed year of any
        indicator (the base year when there is none)."""
        if self.limit is not None:
            return self.limit
        ys = [y for iid in self.inds for y in self.obs[iid]]
        return max(ys) if ys else self.b


class Target:
    def __init__(self, model, iid):
        spec = model.inds[iid]
        t = spec["target"]
        self.iid = iid
        self.kind = next(k for k in KINDS + ("text",) if k in t)
        self.x = None if self.kind == "text" else float(t[self.kind])
        self.direction = t.get("direction", "at_least")
        self.tol = t.get("tolerance")
        self.each_year = bool(t.get("each_year", False))
        self.rel = t.get("relative_to")
        self.T = int(spec.get("target_year", model.TY))
        self.measure = spec.get("measure", "level")
        self.derived = "derived" in spec
        self.has_baseline = "baseline" in spec or self.derived
        self.B = base_year_of(model, iid, self.kind)

    def meets(self, s):
        return meets(self.direction, s, self.x, self.tol)


def base_year_of(model, iid, kind):
    """B (10.1); a value target without a baseline measures from the first
    observed year after b."""
    spec = model.inds[iid]
    if "derived" in spec:
        return model.b
    if "baseline" in spec:
        return int(spec.get("baseline_year", model.b))
    if kind == "value":
        later = sorted(y for y in model.obs[iid] if y > model.b)
        return later[0] if later else None
    return int(spec.get("baseline_year", model.b))


def stat(model, iid, kind, B, t):
    """S(t) of 10.2 on the model's path."""
    if t is None or B is None:
        return None
    path = model.path[iid]
    if model.inds[iid].get("measure", "level") == "level":
        return level_stat(kind, path.get(t), path.get(B), t, B)
    if kind == "value":
        return path.get(t)
    if kind == "change":
        rB, rt = path.get(B), path.get(t)
        return None if rB is None or rt is None else rt - rB
    prod = 1.0
    for k in range(B + 1, t + 1):
        r = path.get(k)
        if r is None:
            return None
        prod *= 1 + r / 100
    if kind == "change_pct":
        return 100 * (prod - 1)
    if kind == "multiple":
        return prod
    if kind == "growth_pct":
        return None if t <= B else 100 * (prod ** (1.0 / (t - B)) - 1)
    raise ValueError(kind)


def chain(model, iid, first, last):
    """prod_{k=first..last} (1 + r_k/100) on the path."""
    prod = 1.0
    for k in range(first, last + 1):
        prod *= 1 + model.path[iid][k] / 100
    return prod


def early_counts(tg):
    """methodology 10.5 row 6 and 3.2 rule 2: reaching the target before
    its year counts as achieving it for a level and for a cumulative change,
    not for an average rate (growth_pct), a comparison with another
    indicator, an every-year bound, or a rate indicator's value in one year
    (value, change)."""
    if tg.kind == "growth_pct" or tg.rel is not None or tg.each_year:
        return False
    return not (tg.measure == "rate" and tg.kind in ("value", "change"))


def tstat(model, tg, t):
    """The compared quantity: S(t), or D(t) = S(t) - S_ID(t)."""
    s = stat(model, tg.iid, tg.kind, tg.B, t)
    if tg.rel is None or s is None:
        return s
    s2 = stat(model, tg.rel, tg.kind, base_year_of(model, tg.rel, tg.kind), t)
    return None if s2 is None else s - s2


def target_asof(model, tg):
    a = model.asof[tg.iid]
    if tg.rel is not None:
        a = min(a, model.asof[tg.rel])
    return a


def s_zero(model, tg):
    if tg.kind == "value":
        return model.path[tg.iid].get(tg.B)
    return {"change": 0.0, "change_pct": 0.0, "multiple": 1.0}[tg.kind]


def observed_each_year(model, tg, a):
    """(held, breached) observed years b+1 .. min(a, T). SPEC-AMBIGUOUS:
    "observed" is read as a year with an `actual` value; an interpolated
    year inside the period is neither held nor breached."""
    held, breached = [], []
    for y in sorted(model.obs[tg.iid]):
        if model.b + 1 <= y <= min(a, tg.T):
            s = tstat(model, tg, y)
            (held if tg.meets(s) else breached).append(y)
    return held, breached


def derived_nowcast(model, tg):
    """10.6: each input's value in T when observed, else its latest."""
    d = model.inds[tg.iid]["derived"]
    v = float(d.get("scale", 1))
    for k, pw in d["factors"].items():
        vk = model.obs[k].get(tg.T, model.path[k][model.asof[k]])
        v *= vk ** float(pw)
    return level_stat(tg.kind, v, model.path[tg.iid].get(tg.B), tg.T, tg.B)


def expected_record(model, iid, rule, band):
    """record of plan.indicators[] (10.4 - 10.6)."""
    spec = model.inds[iid]
    if "target" not in spec:
        return None
    tg = Target(model, iid)
    if tg.kind == "text":
        return {"category": "not_scored", "statistic": None, "progress": None, "pace": None}
    E = model.evaluation_year()
    b, T, B, x = model.b, tg.T, tg.B, tg.x
    lo, hi = band
    a_seen = target_asof(model, tg)
    # methodology 10.4: once the target year is observed the record is
    # judged in it: the statistic, e, p and q at min(a, T).
    a = min(a_seen, T)
    s_a = tstat(model, tg, a)
    out = {"as_of": a_seen, "baseline_year": B, "statistic": s_a}
    if tg.rel is None:
        out["latest"] = model.path[iid].get(a_seen)
    e = None if B is None or T == B else (a - B) / (T - B)
    out["elapsed"] = e

    # progress p and pace q (10.4)
    p = None
    if tg.each_year or tg.rel or B is None or s_a is None or a <= B:
        p = None
    elif tg.kind == "growth_pct":
        away = (tg.direction in UP and x > 0) or (tg.direction in DOWN and x < 0)
        if tg.direction == "about":
            # SPEC-AMBIGUOUS: growth_pct with about: "about uses the first
            # formula toward x" with S0 = 0 gives S(a)/x; but about is not
            # among the directions for which p is "defined".
            p = Amb(s_a / x if x else None,
                    "growth_pct + about: p = S(a)/x (the first formula with S0 = 0)")
        elif away and x != 0:
            p = s_a / x
    else:
        S0 = s_zero(model, tg)
        if x != S0:
            p = (s_a - S0) / (x - S0)
            if tg.direction != "about" and not (
                    (tg.direction in UP and x > 0) or (tg.direction in DOWN and x < 0)):
                # SPEC-AMBIGUOUS: "p is defined only when x points away from
                # zero in the direction" is read as part of the growth_pct
                # sentence ("a ratio of rates means nothing otherwise").
                p = Amb(p, "p of a non-growth_pct kind whose x does not point away from zero "
                           "(e.g. a value ceiling): read as defined")
    q = None
    if unwrap(p) is not None:
        q = unwrap(p) if tg.kind == "growth_pct" else unwrap(p) / e
        if isinstance(p, Amb):
            q = Amb(q, p.why)
    out["progress"] = p
    out["pace"] = q

    # each_year counts
    why = p.why if isinstance(p, Amb) else None
    breached = []
    if tg.each_year:
        held, breached = observed_each_year(model, tg, a)
        counts = {"years_held": len(held), "years_breached": len(breached),
                  "breached_years": breached}
        gap = any(model.kinds[iid].get(y) == "interpolated"
                  for y in range(b + 1, min(a, T) + 1))
        for k, v in counts.items():
            if gap:
                out[k] = Amb(v, "an interpolated year inside the observed period is neither "
                                "held nor breached (10.2 'a year without an observation')")
            else:
                out[k] = v
    else:
        out["years_held"] = Amb(None, "years_held of a target without each_year: null")
        out["years_breached"] = Amb(None, "years_breached of a target without each_year: null")
        out["breached_years"] = Amb([], "breached_years of a target without each_year: []")

    # the category (10.5), first row that applies; the second value says
    # whether the row used the pace q (and so inherits p's ambiguity)
    def category():
        if tg.each_year and breached:
            return "breached", False
        if T <= E and a >= T:
            if tg.each_year:
                return "achieved", False
            return ("achieved" if tg.meets(tstat(model, tg, T)) else "missed"), False
        if T <= E and a < T:
            return "pending_data", False
        if tg.each_year:
            return "held", False
        if early_counts(tg) and s_a is not None and tg.meets(s_a):
            return "achieved_early", False
        if B is None or a <= B:
            return "no_data", False
        if rule == "sdg":
            R, from_q = None, False
            if tg.measure == "level" and tg.rel is None and not tg.each_year:
                vB, va = model.path[iid].get(B), model.path[iid].get(a)
                xs = level_equiv(tg.kind, x, vB, T, B)
                if vB > 0 and va > 0 and xs > 0:
                    g_obs = (va / vB) ** (1.0 / (a - B)) - 1
                    g_req = (xs / vB) ** (1.0 / (T - B)) - 1
                    R = g_obs / g_req if g_req != 0 else None
                    if tg.kind in ("change", "change_pct", "multiple"):
                        R = Amb(R, "'level kinds of a level indicator' read as every kind with a "
                                   "level equivalent x*: R = CAGR ratio")
            else:
                R, from_q = q, True
            Rv = unwrap(R)
            if Rv is not None:
                c = ("on_track" if Rv >= 0.95 else "moderate" if Rv >= 0.6
                     else "insufficient" if Rv >= 0 else "moving_away")
                return (Amb(c, R.why) if isinstance(R, Amb) else c), from_q
        else:
            qv = unwrap(q)
            if qv is not None:
                return ("ahead" if qv >= hi else "on_schedule" if qv >= lo else "lagging"), True
        return ("on_schedule" if tg.meets(s_a) else "lagging"), False

    cat, from_q = category()
    if why and from_q and not isinstance(cat, Amb):
        cat = Amb(cat, why)
    out["category"] = cat
    if unwrap(cat) == "pending_data":
        if tg.derived:
            out["nowcast"] = derived_nowcast(model, tg)
        elif tg.rel is not None:
            out["nowcast"] = Amb(s_a, "nowcast of a relative_to target: D(a)")
        else:
            out["nowcast"] = s_a
    else:
        out["nowcast"] = Amb(None, "nowcast is null unless the category is pending_data")
    return out


def expected_scenario(model, iid):
    """scenarios[].indicators[] fields of 10.7."""
    spec = model.inds[iid]
    if "target" not in spec:
        return None
    tg = Target(model, iid)
    out = {"kind": tg.kind, "measure": tg.measure}
    if tg.kind == "text":
        out.update(status="not_scored", ratio=None,
                   statistic=Amb(None, "statistic of a text target: null"),
                   level_target=Amb(None, "level_target of a text target: null"))
        return out
    E = model.evaluation_year()
    b, T, B, x, d = model.b, tg.T, tg.B, tg.x, tg.direction
    a = target_asof(model, tg)
    path = model.path[iid]
    sT = tstat(model, tg, T)
    _held, breaches = observed_each_year(model, tg, a) if tg.each_year else ([], [])
    years = []
    if tg.each_year:
        years = [(t, tstat(model, tg, t)) for t in range(b + 1, T + 1)]
        years = [(t, s) for t, s in years if s is not None]
        attained = all(tg.meets(s) for _t, s in years)
        out["statistic"] = Amb(sT, "statistic of an each_year target on the scenario side: S(T)")
    else:
        attained = tg.meets(sT)
        out["statistic"] = sT
    out["attained"] = attained

    # completion c
    if d == "about" or tg.rel is not None or x == 0:
        c = None
    else:
        if tg.each_year:
            vals = [s for _t, s in years]
            s = max(vals) if d in DOWN else min(vals)
        else:
            s = sT
        if s == 0 or (s > 0) != (x > 0):
            c = None
        elif (d in UP and x > 0) or (d in DOWN and x < 0):
            c = s / x
        else:
            c = x / s
    out["ratio"] = c

    # the rates
    xT = x
    if tg.rel is not None:
        xT = x + stat(model, tg.rel, tg.kind, base_year_of(model, tg.rel, tg.kind), T)
    R = None
    forward = not tg.each_year and a < T
    if tg.measure == "level":
        vB = path.get(B)
        xs = level_equiv(tg.kind, xT, vB, T, B)
        out["level_target"] = xs if tg.rel is None else Amb(
            xs, "level_target of a relative_to target: level equivalent of x + S_ID(T)")
        rg = crate(path[a], xs, T - a) if forward else None
        sg = crate(path[a], path[T], T - a) if forward else None
        out["required_growth"] = rg
        out["scenario_growth"] = sg
        out["required_rate"] = Amb(None, "required_rate of a level indicator: null")
        out["scenario_rate"] = Amb(None, "scenario_rate of a level indicator: null")
        if rg and sg is not None:
            R = sg / rg
    else:
        out["level_target"] = Amb(None, "level_target of a rate indicator: null")
        rr = sr = None
        if forward:
            if tg.kind == "value":
                rr, sr = xT, path[T]
            elif tg.kind == "change":
                rr, sr = path[B] + xT, path[T]
            else:
                cstar = {"change_pct": 1 + xT / 100, "growth_pct": (1 + xT / 100) ** (T - B),
                         "multiple": xT}[tg.kind]
                ratio = cstar / chain(model, iid, B + 1, a)
                rr = 100 * (ratio ** (1.0 / (T - a)) - 1) if ratio > 0 else None
                geo = 100 * (chain(model, iid, a + 1, T) ** (1.0 / (T - a)) - 1)
                ari = sum(path[k] for k in range(a + 1, T + 1)) / (T - a)
                sr = geo
                if not math.isclose(geo, ari, rel_tol=1e-12, abs_tol=1e-12):
                    sr = Amb(geo, "scenario_rate of a cumulative kind: the geometric average")
        out["required_rate"] = rr
        out["scenario_rate"] = sr
        out["required_growth"] = Amb(None, "required_growth of a rate indicator: null")
        out["scenario_growth"] = Amb(None, "scenario_growth of a rate indicator: null")
        if rr and unwrap(sr) is not None:
            R = unwrap(sr) / rr

    # status
    if T <= E and a < T:
        status = "pending_data"
    elif tg.each_year:
        if breaches:
            status = "breached"
        elif a >= T:
            status = Amb("achieved", "each_year target whose year is observed, no breach: achieved "
                                     "(3.2 rule 1) rather than on_track")
        else:
            status = "on_track" if attained else "breached"
    elif a >= T:
        status = "achieved" if tg.meets(sT) else "missed"
    else:
        amb = None
        if early_counts(tg) and tg.meets(tstat(model, tg, a)):
            status = "achieved"
            if d == "about":
                amb = "scenario status when S(a) of an about target already meets x: achieved"
        elif attained:
            status = "on_track"
        elif R is not None:
            status = "moving_away" if R < 0 else "insufficient" if R < 0.6 else "moderate"
            if d == "about":
                amb = "scenario status of an about target not attained: by R = scenario/required"
        else:
            amb = "3.2 rule 5 (R undefined) for the new kinds: the movement S(T) - S(a)"
            moved = sT - tstat(model, tg, a)
            status = "moving_away" if (moved < 0 if d in UP else moved > 0) else "insufficient"
        if amb:
            status = Amb(status, amb)
    out["status"] = status
    out["decided"] = a >= T or bool(tg.each_year and breaches)

    # attainment year
    if tg.each_year:
        out["attainment_year"] = T if attained else None
    else:
        # methodology 10.7: the first year the statistic meets x, from b, or
        # from T for the kinds whose earlier meeting does not count (10.5 row 6).
        ay = None
        for t in range(b if early_counts(tg) else T, model.H + 1):
            s = tstat(model, tg, t)
            if s is not None and tg.meets(s):
                ay = t
                break
        out["attainment_year"] = ay
    return out


# --- running targetsim and comparing ----------------------------------------

def parse_cli(plan, args):
    """(limit, rule, band, draws) as the run will use them."""
    ev = plan.get("evaluation", {})
    limit, rule, band, draws = None, ev.get("rule", "elapsed"), tuple(ev.get("band", (0.9, 1.1))), None
    for i, w in enumerate(args):
        if w == "--as-of":
            limit = int(args[i + 1])
        elif w == "--rule":
            rule = args[i + 1]
        elif w == "--band":
            lo, hi = args[i + 1].split(":")
            band = (float(lo), float(hi))
        elif w == "--draws":
            draws = int(args[i + 1])
    return limit, rule, band, draws


class Expect:
    """The expected report of one run, from the model."""

    def __init__(self, plan, scens, args):
        self.plan = plan
        self.limit, self.rule, self.band, self.draws = parse_cli(plan, args)
        self.models = {s["id"]: Model(plan, s, self.limit) for s in scens}
        self.scens = {s["id"]: s for s in scens}
        self.first = self.models[scens[0]["id"]]

    def record(self, iid):
        return expected_record(self.first, iid, self.rule, self.band)

    def scenario(self, sid, iid):
        return expected_scenario(self.models[sid], iid)

    def evaluation_year(self):
        return self.first.evaluation_year()


def fmt(v):
    if isinstance(v, float):
        return "%.17g" % v
    return repr(v)


MISSING = object()


class Ctx:
    def __init__(self, binary, work, verbose, dry):
        self.binary = binary
        self.work = work
        self.verbose = verbose
        self.dry = dry
        self.failures = []
        self.amb_failures = []
        self.compared = 0
        self.ambiguous_checked = set()
        self.case = ""

    # -- comparisons --
    def fail(self, where, msg, why=None):
        line = "%s: %s: %s" % (self.case, where, msg)
        if why:
            line += "   [SPEC-AMBIGUOUS: %s]" % why
            self.amb_failures.append(line)
        else:
            self.failures.append(line)
        print("  FAIL " + line)

    def eq(self, where, got, want, tol=REL_TOL, abs_tol=ABS_TOL):
        """got (from report.json) against want (may be Amb)."""
        why = None
        if isinstance(want, Amb):
            why = want.why
            self.ambiguous_checked.add(why)
            want = want.value
        self.compared += 1
        if got is MISSING:
            self.fail(where, "no such field in report.json (expected %s)" % fmt(want), why)
            return False
        ok = same(got, want, tol, abs_tol)
        if not ok:
            self.fail(where, "got %s, expected %s" % (fmt(got), fmt(want)), why)
        elif self.verbose:
            print("    ok %s = %s%s" % (where, fmt(got), "  (SPEC-AMBIGUOUS reading)" if why else ""))
        return ok

    def near(self, where, got, want, abs_tol):
        """A hand-computed number, to the precision it was written with."""
        self.compared += 1
        if got is MISSING or got is None or isinstance(got, bool) or \
                not isinstance(got, (int, float)) or abs(got - want) > abs_tol:
            self.fail(where, "got %s, expected %r +- %g (computed by hand)" %
                      (fmt(got) if got is not MISSING else "nothing", want, abs_tol))
            return False
        if self.verbose:
            print("    ok %s = %s (hand: %r)" % (where, fmt(got), want))
        return True

    # -- running --
    def run(self, name, plan, scens, args=(), expect_exit=0):
        """Writes the files, runs targetsim, returns (report, Expect)."""
        folder = os.path.join(self.work, name)
        os.makedirs(folder, exist_ok=True)
        pfile = os.path.join(folder, "plan.json")
        with open(pfile, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False, indent=1)
        cmd = [self.binary or "targetsim", "--plan", pfile]
        for s in scens:
            sfile = os.path.join(folder, s["id"] + ".json")
            with open(sfile, "w", encoding="utf-8") as f:
                json.dump(s, f, ensure_ascii=False, indent=1)
            cmd += ["--scenario", sfile]
        out = os.path.join(folder, "out")
        cmd += ["--out", out, "--quiet", "--no-render"] + list(args)
        args = list(args)
        exp = Expect(plan, scens, args)
        if self.verbose:
            print("    $ " + " ".join(cmd))
        if self.dry:
            return fake_report(plan, scens, exp), exp
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              cwd=folder, timeout=600)
        if proc.returncode != expect_exit:
            self.fail("run", "%s exited %d (expected %d): %s" %
                      (" ".join(cmd), proc.returncode, expect_exit, proc.stderr.strip()[:500]))
            return None, exp
        if expect_exit != 0:
            return None, exp
        try:
            with open(os.path.join(out, "report.json"), encoding="utf-8") as f:
                return json.load(f), exp
        except (OSError, ValueError) as err:
            self.fail("run", "cannot read report.json: %s" % err)
            return None, exp

    # -- report access --
    def plan_ind(self, rep, iid):
        for ind in rep.get("plan", {}).get("indicators", []):
            if ind.get("id") == iid:
                return ind
        self.fail(iid, "not in plan.indicators[]")
        return None

    def scen_ind(self, rep, sid, iid):
        for sc in rep.get("scenarios", []):
            if sc.get("id") == sid:
                for ind in sc.get("indicators", []):
                    if ind.get("id") == iid:
                        return ind
        self.fail("%s.%s" % (sid, iid), "not in scenarios[].indicators[]")
        return None

    def record(self, rep, iid):
        ind = self.plan_ind(rep, iid)
        if ind is None:
            return None
        if "record" not in ind:
            self.fail(iid, "plan.indicators[] has no field record")
            return None
        return ind["record"]

    # -- whole-object checks against the model --
    def check_record(self, rep, exp, iid, fields=None):
        want = exp.record(iid)
        got = self.record(rep, iid)
        if got is None and want is not None:
            self.fail(iid + ".record", "null or missing, expected an object")
            return None
        if want is None:
            self.eq(iid + ".record", got, None)
            return None
        keys = [k for k in want if fields is None or k in fields]
        for k in keys:
            self.eq("%s.record.%s" % (iid, k), got.get(k, MISSING), want[k])
        if not self.verbose:
            print("    %s: record %s" % (iid, ", ".join(
                "%s=%s" % (k, short(unwrap(want[k]))) for k in keys
                if k in ("category", "statistic", "progress", "pace", "elapsed", "nowcast",
                         "years_held", "years_breached", "breached_years")
                and unwrap(want[k]) not in (None, []))))
        return got

    def check_scenario(self, rep, exp, iid, sid=None, fields=None):
        sid = sid or next(iter(exp.models))
        want = exp.scenario(sid, iid)
        got = self.scen_ind(rep, sid, iid)
        if got is None:
            return None
        if want is None:        # an input: no target (report-format 1.4)
            self.eq("%s.%s.status" % (sid, iid), got.get("status", MISSING), "no_target")
            return got
        keys = [k for k in want if fields is None or k in fields]
        for k in keys:
            self.eq("%s.%s.%s" % (sid, iid, k), got.get(k, MISSING), want[k])
        if not self.verbose:
            print("    %s/%s: %s" % (sid, iid, ", ".join(
                "%s=%s" % (k, short(unwrap(want[k]))) for k in keys
                if k in ("status", "attained", "ratio", "statistic", "required_growth",
                         "required_rate", "decided") and unwrap(want[k]) is not None)))
        return got

    def check_evaluation(self, rep, exp):
        ev = rep.get("plan", {}).get("evaluation", MISSING)
        if ev is MISSING or not isinstance(ev, dict):
            self.fail("plan.evaluation", "missing or not an object: %r" % (ev,))
            return
        self.eq("plan.evaluation.year", ev.get("year", MISSING), exp.evaluation_year())
        self.eq("plan.evaluation.rule", ev.get("rule", MISSING), exp.rule)
        self.eq("plan.evaluation.band", ev.get("band", MISSING), list(exp.band))

    def check_probability(self, rep, sid, iid, P, draws_requested, what):
        got = self.scen_ind(rep, sid, iid)
        if got is None:
            return
        n = draws_requested
        mc = rep.get("monte_carlo")
        if isinstance(mc, dict) and isinstance(mc.get("draws"), int):
            n = mc["draws"]
        tol = 4 * math.sqrt(P * (1 - P) / n) + 1e-4
        p = got.get("probability", MISSING)
        self.compared += 1
        if p is MISSING or p is None or abs(p - P) > tol:
            self.fail("%s.%s.probability" % (sid, iid),
                      "got %s, expected %.6f +- %.6f (%s)" %
                      ("nothing" if p is MISSING else fmt(p), P, tol, what))
        else:
            print("    %s: P = %.5f, closed form %.5f +- %.5f (%s)" % (iid, p, P, tol, what))
        self.eq("%s.%s.decided" % (sid, iid), got.get("decided", MISSING), False)


def same(got, want, tol=REL_TOL, abs_tol=ABS_TOL):
    if want is None or got is None:
        return got is want
    if isinstance(want, bool) or isinstance(got, bool):
        return got is want
    if isinstance(want, (int, float)):
        return isinstance(got, (int, float)) and math.isclose(got, want, rel_tol=tol,
                                                                abs_tol=abs_tol)
    if isinstance(want, (list, tuple)):
        return isinstance(got, list) and len(got) == len(want) and all(
            same(g, w, tol, abs_tol) for g, w in zip(got, want))
    if isinstance(want, dict):
        return isinstance(got, dict) and set(got) == set(want) and all(
            same(got[k], want[k], tol, abs_tol) for k in want)
    return got == want


def short(v):
    if isinstance(v, float):
        return "%.6g" % v
    return str(v)


# --- --dry-run: report.json from the model itself ----------------------------

def deep_unwrap(v):
    if isinstance(v, Amb):
        return deep_unwrap(v.value)
    if isinstance(v, dict):
        return {k: deep_unwrap(x) for k, x in v.items()}
    if isinstance(v, list):
        return [deep_unwrap(x) for x in v]
    return v


def text_obj(t):
    """A text as report.json gives it: {"zh", "en"}; a string fills both."""
    if t is None:
        return None
    if isinstance(t, str):
        return {"zh": t, "en": t}
    return {"zh": t.get("zh"), "en": t.get("en")}


def expected_target_obj(plan, iid):
    spec = plan["indicators"][iid]
    if "target" not in spec:
        return None
    t = spec["target"]
    kind = next(k for k in KINDS + ("text",) if k in t)
    out = {"kind": kind,
           "value": None if kind == "text" else float(t[kind]),
           "text": text_obj(t["text"]) if kind == "text" else None,
           "direction": None if kind == "text" else t.get("direction", "at_least"),
           "tolerance": t.get("tolerance"),
           "each_year": bool(t.get("each_year", False)),
           "relative_to": t.get("relative_to"),
           "year": int(spec.get("target_year", plan["target_year"]))}
    if "as_written" in t:
        out["as_written"] = text_obj(t["as_written"])
    return out


def scen_attained(model, iid):
    tg = Target(model, iid)
    if tg.kind == "text":
        return None
    if tg.each_year:
        vals = [tstat(model, tg, t) for t in range(model.b + 1, tg.T + 1)]
        return all(tg.meets(s) for s in vals if s is not None)
    return tg.meets(tstat(model, tg, tg.T))


def fake_report(plan, scens, exp):
    inds, counts, binding = [], {}, {}
    for iid, spec in plan["indicators"].items():
        rec = deep_unwrap(exp.record(iid))
        inds.append({"id": iid, "measure": spec.get("measure", "level"),
                     "baseline": fig(spec["baseline"]) if "baseline" in spec else None,
                     "baseline_year": spec.get("baseline_year", plan["base_year"]),
                     "category": text_obj(spec.get("category")),
                     "attribute": spec.get("attribute"),
                     "target": expected_target_obj(plan, iid), "record": rec})
        if rec is not None:
            counts[rec["category"]] = counts.get(rec["category"], 0) + 1
            if spec.get("attribute") == "binding":
                binding.setdefault(rec["category"], []).append(iid)
    report = {"plan": {"evaluation": {"year": exp.evaluation_year(), "rule": exp.rule,
                                      "band": list(exp.band)},
                       "notes": [text_obj(n) for n in plan.get("notes", [])],
                       "indicators": inds,
                       "table": {"indicators": sum(counts.values()), "counts": counts,
                                 "binding": binding}},
              "monte_carlo": None, "scenarios": []}
    draws = min(exp.draws, DRY_MC_DRAWS) if exp.draws else 0
    if draws:
        report["monte_carlo"] = {"draws": draws}
    rng = random.Random(MC_SEED)
    for sc in scens:
        base = exp.models[sc["id"]]
        rows = []
        for iid in plan["indicators"]:
            row = deep_unwrap(exp.scenario(sc["id"], iid)) or {"status": "no_target"}
            row["id"] = iid
            rows.append(row)
        sds = sc.get("uncertainty", {}).get("sd", {})
        if draws and sds:
            hits = {r["id"]: 0 for r in rows if "kind" in r}
            for _ in range(draws):
                shocks = {(i, t): rng.gauss(0, s) for i, s in sds.items()
                          for t in range(base.asof[i] + 1, base.H + 1)}
                m = Model(plan, sc, exp.limit, shocks)
                for i in hits:
                    if scen_attained(m, i):
                        hits[i] += 1
            for r in rows:
                if r["id"] in hits:
                    r["probability"] = hits[r["id"]] / draws
        report["scenarios"].append({"id": sc["id"], "indicators": rows})
    return report


# --- plans and scenarios ------------------------------------------------------

def mkplan(indicators, base=2020, target=2025, horizon=2027, **extra):
    p = {"id": "t12", "base_year": base, "target_year": target, "horizon": horizon,
         "indicators": indicators}
    p.update(extra)
    return p


def mkscen(assumptions, sid="s", sd=None):
    s = {"id": sid, "assumptions": assumptions}
    if sd:
        s["uncertainty"] = {"sd": sd}
    return s


def clock(actual):
    """An input that only sets the evaluation year E (no target)."""
    return {"baseline": 1, "actual": {str(y): 1 for y in actual}}


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def begin(ctx, name, doc):
    ctx.case = name
    print("== %s: %s" % (name, " ".join(doc.split())))


# --- 1. every kind x every direction, level and rate ---------------------------

LEVEL_XSTAR = {"at_least": 120.0, "above": 130.0, "about": 112.0, "at_most": 85.0, "below": 90.0}
LEVEL_TOL = {"value": 1, "change": 1, "change_pct": 1, "growth_pct": 0.2, "multiple": 0.01}


def level_x(kind, xs):
    """The plan's number of each kind for the level x* (baseline 100, T-B 5)."""
    return {"value": xs, "change": xs - 100, "change_pct": xs - 100,
            "growth_pct": round(100 * ((xs / 100) ** 0.2 - 1), 4), "multiple": xs / 100}[kind]


# upward series 5 -> 6, 7 (at_least, above, about); downward -1 -> -2.7, -0.1
RATE_X = {
    "value": {"at_least": 10, "above": 12, "about": (8, 0.5), "at_most": -3, "below": -2},
    "change": {"at_least": 5, "above": 7, "about": (3, 0.5), "at_most": -2, "below": -1.5},
    "change_pct": {"at_least": 35, "above": 45, "about": (30, 1), "at_most": -13.5, "below": -10},
    "growth_pct": {"at_least": 6.5, "above": 7, "about": (6, 0.25), "at_most": -3, "below": -1},
    "multiple": {"at_least": 1.35, "above": 1.45, "about": (1.3, 0.01), "at_most": 0.865,
                 "below": 0.9},
}


def matrix_plan(measure, kind):
    inds, assump = {}, {}
    for d in DIRECTIONS:
        iid = "%s_%s_%s" % ("lv" if measure == "level" else "rt", kind, d)
        down = d in DOWN
        if measure == "level":
            data = {"baseline": 100,
                    "actual": {"2021": 97, "2022": 94} if down else {"2021": 104, "2022": 108}}
            x, tol = level_x(kind, LEVEL_XSTAR[d]), LEVEL_TOL[kind]
            assump[iid] = {"growth": -0.04 if down else 0.05}
        else:
            data = {"measure": "rate", "baseline": -1 if down else 5,
                    "actual": {"2021": -2.7, "2022": -0.1} if down else {"2021": 6, "2022": 7}}
            spec = RATE_X[kind][d]
            x, tol = spec if d == "about" else (spec, None)
            assump[iid] = {"level": -3.5 if down else 7}
        t = {kind: x, "direction": d}
        if d == "about":
            t["tolerance"] = tol
        data["target"] = t
        inds[iid] = data
    return mkplan(inds), mkscen(assump)


def matrix_case(ctx, measure, kind):
    plan, scen = matrix_plan(measure, kind)
    rep, exp = ctx.run("matrix-%s-%s" % (measure, kind), plan, [scen])
    if rep is None:
        return None, None
    ctx.check_evaluation(rep, exp)
    for iid in plan["indicators"]:
        ctx.check_record(rep, exp, iid)
        ctx.check_scenario(rep, exp, iid)
    return rep, exp


@case
def case_matrix_level(ctx):
    """Level indicators: value, change, change_pct, growth_pct, multiple x
    at_least, above, about, at_most, below. Baseline 100 (2020), observed
    104, 108 (or 97, 94) to 2022, T = 2025: record (statistic, elapsed,
    progress, pace, category) and scenario side (statistic, attained, ratio,
    level_target, required/scenario growth, status, decided)."""
    for kind in KINDS:
        rep, _ = matrix_case(ctx, "level", kind)
        if rep is None:
            continue
        if kind == "value":
            # by hand: e = 2/5, p = (108-100)/(120-100), q = p/e = 1
            r = ctx.record(rep, "lv_value_at_least") or {}
            ctx.eq("lv_value_at_least.record.elapsed (hand)", r.get("elapsed", MISSING), 0.4)
            ctx.eq("lv_value_at_least.record.progress (hand)", r.get("progress", MISSING), 0.4)
            ctx.eq("lv_value_at_least.record.pace (hand)", r.get("pace", MISSING), 1.0)
            ctx.eq("lv_value_at_least.record.category (hand)", r.get("category", MISSING),
                   "on_schedule")
            s = ctx.scen_ind(rep, "s", "lv_value_at_least") or {}
            ctx.eq("lv_value_at_least.statistic (hand)", s.get("statistic", MISSING),
                   108 * 1.05 ** 3)
            ctx.eq("lv_value_at_least.ratio (hand)", s.get("ratio", MISSING), 108 * 1.05 ** 3 / 120)
            ctx.eq("lv_value_at_least.required_growth (hand)", s.get("required_growth", MISSING),
                   (120 / 108) ** (1 / 3) - 1)
            # a ceiling met in T: c = x / s
            s = ctx.scen_ind(rep, "s", "lv_value_at_most") or {}
            ctx.eq("lv_value_at_most.ratio (hand)", s.get("ratio", MISSING), 85 / (94 * 0.96 ** 3))
            ctx.eq("lv_value_at_most.status (hand)", s.get("status", MISSING), "on_track")
            s = ctx.scen_ind(rep, "s", "lv_value_above") or {}
            ctx.eq("lv_value_above.status (hand: R = 0.05/0.0637 = 0.785)", s.get("status", MISSING),
                   "moderate")
        if kind == "growth_pct":
            # S(a) = 100 ((108/100)^(1/2) - 1) = 3.923; q = p = S(a)/x
            r = ctx.record(rep, "lv_growth_pct_at_least") or {}
            ctx.eq("lv_growth_pct_at_least.record.statistic (hand)", r.get("statistic", MISSING),
                   100 * (1.08 ** 0.5 - 1))
            ctx.eq("lv_growth_pct_at_least.record.pace (hand: q = p for growth_pct)",
                   r.get("pace", MISSING), 100 * (1.08 ** 0.5 - 1) / level_x("growth_pct", 120.0))
            s = ctx.scen_ind(rep, "s", "lv_growth_pct_at_least") or {}
            ctx.eq("lv_growth_pct_at_least.level_target (hand: vB (1 + x/100)^5)",
                   s.get("level_target", MISSING), 100 * (1 + level_x("growth_pct", 120.0) / 100) ** 5)
        if kind == "change":
            s = ctx.scen_ind(rep, "s", "lv_change_at_most") or {}
            ctx.eq("lv_change_at_most.level_target (hand: vB + x)", s.get("level_target", MISSING), 85.0)
            ctx.eq("lv_change_at_most.statistic (hand: vT - vB)", s.get("statistic", MISSING),
                   94 * 0.96 ** 3 - 100)
            # a reduction target x < 0 met: c = s / x
            ctx.eq("lv_change_at_most.ratio (hand)", s.get("ratio", MISSING),
                   (94 * 0.96 ** 3 - 100) / -15)


@case
def case_matrix_rate(ctx):
    """Rate indicators ("measure": "rate"): the five kinds x five directions;
    cumulative kinds chain the yearly rates (1 + r/100), growth_pct is their
    geometric mean; upward 5 -> 6, 7 and downward -1 -> -2.7, -0.1 (2021-2022),
    level drivers 7 and -3.5 to 2025."""
    for kind in KINDS:
        rep, _ = matrix_case(ctx, "rate", kind)
        if rep is None:
            continue
        if kind == "change_pct":
            # the energy-intensity example: S(2022) = 100 (0.973 * 0.999 - 1)
            r = ctx.record(rep, "rt_change_pct_at_most") or {}
            ctx.eq("rt_change_pct_at_most.record.statistic (hand)", r.get("statistic", MISSING),
                   100 * (0.973 * 0.999 - 1))
            ctx.near("rt_change_pct_at_most.record.statistic (spec: -2.797)",
                     r.get("statistic", MISSING), -2.797, 0.0005)
            ctx.eq("rt_change_pct_at_most.record.progress (hand)", r.get("progress", MISSING),
                   100 * (0.973 * 0.999 - 1) / -13.5)
            ctx.eq("rt_change_pct_at_most.record.category (hand: q = 0.518)",
                   r.get("category", MISSING), "lagging")
            s = ctx.scen_ind(rep, "s", "rt_change_pct_at_most") or {}
            ctx.eq("rt_change_pct_at_most.required_rate (hand)", s.get("required_rate", MISSING),
                   100 * ((0.865 / (0.973 * 0.999)) ** (1 / 3) - 1))
            ctx.eq("rt_change_pct_at_most.scenario_rate (hand)", s.get("scenario_rate", MISSING), -3.5)
            ctx.eq("rt_change_pct_at_most.statistic (hand)", s.get("statistic", MISSING),
                   100 * (0.973 * 0.999 * 0.965 ** 3 - 1))
            ctx.eq("rt_change_pct_at_most.status (hand: R = -3.5/-3.81 = 0.92)",
                   s.get("status", MISSING), "moderate")
        if kind == "growth_pct":
            r = ctx.record(rep, "rt_growth_pct_above") or {}
            ctx.eq("rt_growth_pct_above.record.statistic (hand)", r.get("statistic", MISSING),
                   100 * ((1.06 * 1.07) ** 0.5 - 1))
            ctx.eq("rt_growth_pct_above.record.pace (hand)", r.get("pace", MISSING),
                   ((1.06 * 1.07) ** 0.5 - 1) * 100 / 7)
            s = ctx.scen_ind(rep, "s", "rt_growth_pct_above") or {}
            ctx.eq("rt_growth_pct_above.required_rate (hand)", s.get("required_rate", MISSING),
                   100 * ((1.07 ** 5 / (1.06 * 1.07)) ** (1 / 3) - 1))
        if kind == "value":
            s = ctx.scen_ind(rep, "s", "rt_value_at_least") or {}
            ctx.eq("rt_value_at_least.required_rate (hand: x)", s.get("required_rate", MISSING), 10.0)
            ctx.eq("rt_value_at_least.scenario_rate (hand: r_T)", s.get("scenario_rate", MISSING), 7.0)
            ctx.eq("rt_value_at_least.status (hand: R = 0.7)", s.get("status", MISSING), "moderate")
            s = ctx.scen_ind(rep, "s", "rt_value_above") or {}
            ctx.eq("rt_value_above.status (hand: R = 7/12)", s.get("status", MISSING), "insufficient")
        if kind == "change":
            s = ctx.scen_ind(rep, "s", "rt_change_at_least") or {}
            ctx.eq("rt_change_at_least.required_rate (hand: r_B + x)", s.get("required_rate", MISSING),
                   10.0)


@case
def case_text(ctx):
    """A text target: not scored (record category not_scored, no statistic,
    progress or pace; scenario status not_scored, kind text, no ratio)."""
    plan = mkplan({
        "gdp_growth": {"measure": "rate", "baseline": 2.3, "actual": {"2021": 8.1, "2022": 3.0},
                       "target": {"text": {"zh": "保持在合理区间", "en": "within a reasonable range"}}},
        "gdp": {"baseline": 100, "actual": {"2021": 108}},
    })
    scen = mkscen({"gdp_growth": {"level": 5}, "gdp": {"growth": 0.05}})
    rep, exp = ctx.run("text", plan, [scen])
    if rep is None:
        return
    ctx.check_record(rep, exp, "gdp_growth")
    ctx.check_record(rep, exp, "gdp")       # an input: record null
    ctx.check_scenario(rep, exp, "gdp_growth")
    ind = ctx.plan_ind(rep, "gdp_growth") or {}
    t = ind.get("target", MISSING)
    if isinstance(t, dict):
        ctx.eq("gdp_growth.target.kind", t.get("kind", MISSING), "text")
        ctx.eq("gdp_growth.target.value", t.get("value", MISSING), None)
        ctx.eq("gdp_growth.target.text", t.get("text", MISSING),
               {"zh": "保持在合理区间", "en": "within a reasonable range"})
        ctx.eq("gdp_growth.target.direction", t.get("direction", MISSING), None)
    else:
        ctx.fail("gdp_growth.target", "expected an object, got %r" % (t,))
    ctx.eq("gdp_growth.measure", ind.get("measure", MISSING), "rate")


# --- 2. meeting a target: the relative tolerance ------------------------------

def seq_sum(start, step, n):
    v = start
    for _ in range(n):
        v += step
    return v


@case
def case_float_boundary_record(ctx):
    """Observed values on the target (T = E = 2025): 10.8 + 0.1 five times
    (11.299999999999999) meets at_least/at_most/about 11.3 but not
    above/below; values within eps = 1e-9 * 11.3 of x count as equal, values
    1e-6 away do not; about at exactly |s - x| = tolerance (11.8 vs 11.3 +-
    0.5, whose difference is 0.5000000000000018) is met."""
    v = seq_sum(10.8, 0.1, 5)
    assert v == 11.299999999999999
    rows = [  # id, value in 2025, direction, tolerance, expected category
        ("seq_at_least", v, "at_least", None, "achieved"),
        ("seq_above", v, "above", None, "missed"),
        ("seq_at_most", v, "at_most", None, "achieved"),
        ("seq_below", v, "below", None, "missed"),
        ("seq_about", v, "about", 0.1, "achieved"),
        ("in_eps_at_least", 11.3 - 1e-10, "at_least", None, "achieved"),
        ("in_eps_below", 11.3 - 1e-10, "below", None, "missed"),
        ("in_eps_above", 11.3 + 1e-10, "above", None, "missed"),
        ("in_eps_at_most", 11.3 + 1e-10, "at_most", None, "achieved"),
        ("out_eps_at_least", 11.3 - 1e-6, "at_least", None, "missed"),
        ("out_eps_below", 11.3 - 1e-6, "below", None, "achieved"),
        ("out_eps_above", 11.3 + 1e-6, "above", None, "achieved"),
        ("out_eps_at_most", 11.3 + 1e-6, "at_most", None, "missed"),
        ("about_edge", 11.8, "about", 0.5, "achieved"),
        ("about_out", 11.8 + 1e-6, "about", 0.5, "missed"),
    ]
    inds, assump = {}, {}
    for iid, val, d, tol, _cat in rows:
        t = {"value": 11.3, "direction": d}
        if tol is not None:
            t["tolerance"] = tol
        inds[iid] = {"baseline": 10.8, "actual": {"2021": 10.9, "2025": val}, "target": t}
        assump[iid] = {"add": 0.1}
    plan = mkplan(inds)
    rep, exp = ctx.run("float-record", plan, [mkscen(assump)])
    if rep is None:
        return
    for iid, val, d, tol, cat in rows:
        r = ctx.check_record(rep, exp, iid)
        if r is not None:
            ctx.eq(iid + ".record.category (hand)", r.get("category", MISSING), cat)
        s = ctx.check_scenario(rep, exp, iid, fields=("attained", "status", "decided", "statistic"))
        if s is not None:
            ctx.eq(iid + ".attained (hand)", s.get("attained", MISSING), cat == "achieved")
            ctx.eq(iid + ".decided (hand: the target year is observed)", s.get("decided", MISSING), True)


@case
def case_float_boundary_scenario(ctx):
    """A projected path 10.8 + 0.1 a year (add driver) reaches
    11.299999999999999 in 2025: attained for at_least, at_most and about
    11.3, not for above or below; statuses on_track / moderate (R just under
    1); at_most and below are met by the as-of value 10.8 already
    (achieved)."""
    inds = {"clock": clock([2021])}
    assump = {"clock": {"level": 1}}
    for d in DIRECTIONS:
        t = {"value": 11.3, "direction": d}
        if d == "about":
            t["tolerance"] = 0.1
        inds["seq_" + d] = {"baseline": 10.8, "target": t}
        assump["seq_" + d] = {"add": 0.1}
    plan = mkplan(inds, horizon=2025)
    rep, exp = ctx.run("float-scenario", plan, [mkscen(assump)])
    if rep is None:
        return
    hand = {"at_least": (True, "on_track"), "above": (False, "moderate"),
            "at_most": (True, "achieved"), "below": (False, "achieved"),
            "about": (True, "on_track")}
    for d in DIRECTIONS:
        iid = "seq_" + d
        ctx.check_record(rep, exp, iid)
        s = ctx.check_scenario(rep, exp, iid)
        if s is not None:
            ctx.eq(iid + ".statistic (hand: 10.8 + 0.1 + ... + 0.1)", s.get("statistic", MISSING),
                   11.299999999999999)
            ctx.eq(iid + ".attained (hand)", s.get("attained", MISSING), hand[d][0])
            if d != "about":
                ctx.eq(iid + ".status (hand)", s.get("status", MISSING), hand[d][1])


# --- 3. the pace band ----------------------------------------------------------

def band_plan(values, measure="level", evaluation=None):
    """value targets x = 2 from a baseline 0 (2020), observed v in 2022,
    T = 2024: e = 1/2 and q = (v/2)/(1/2) = v exactly in binary."""
    inds, assump = {}, {}
    for iid, v in values:
        d = {"baseline": 0, "actual": {"2022": v}, "target": {"value": 2}}
        if measure == "rate":
            d["measure"] = "rate"
        inds[iid] = d
        assump[iid] = {"level": 1.5}
    extra = {"evaluation": evaluation} if evaluation else {}
    return mkplan(inds, target=2024, horizon=2026, **extra), mkscen(assump)


@case
def case_band_edges(ctx):
    """The band [0.9, 1.1): pace exactly 0.9 is on_schedule, exactly 1.1 is
    ahead, the doubles just below them are lagging and on_schedule (e = 0.5,
    p = 0.45 / 0.55, exact in binary); level and rate indicators."""
    below = math.nextafter(0.9, 0)
    below_hi = math.nextafter(1.1, 0)
    rows = [("q090", 0.9, "on_schedule"), ("q110", 1.1, "ahead"),
            ("q090m", below, "lagging"), ("q110m", below_hi, "on_schedule")]
    for measure in ("level", "rate"):
        plan, scen = band_plan([(i, v) for i, v, _c in rows], measure)
        rep, exp = ctx.run("band-edges-" + measure, plan, [scen])
        if rep is None:
            continue
        ctx.check_evaluation(rep, exp)
        for iid, v, cat in rows:
            r = ctx.check_record(rep, exp, iid)
            if r is None:
                continue
            ctx.eq(iid + ".record.elapsed (hand)", r.get("elapsed", MISSING), 0.5, tol=0, abs_tol=0)
            ctx.eq(iid + ".record.progress (hand)", r.get("progress", MISSING), v / 2, tol=0, abs_tol=0)
            ctx.eq(iid + ".record.pace (hand, exact)", r.get("pace", MISSING), v, tol=0, abs_tol=0)
            ctx.eq(iid + ".record.category (hand)", r.get("category", MISSING), cat)


@case
def case_band_option(ctx):
    """--band LO:HI and the plan's evaluation.band: --band 0.8:1.2 makes
    q = 0.85 on_schedule and q = 1.1 on_schedule; the plan's band
    [0.95, 1.05] makes 1.0 on_schedule, 0.85 lagging and 1.1 ahead; --band
    overrides the plan's band; plan.evaluation.band says which was used."""
    rows = [("q075", 0.75), ("q085", 0.85), ("q100", 1.0), ("q110", 1.1), ("q120", 1.2)]
    wide = {"q075": "lagging", "q085": "on_schedule", "q100": "on_schedule",
            "q110": "on_schedule", "q120": "ahead"}
    narrow = {"q075": "lagging", "q085": "lagging", "q100": "on_schedule",
              "q110": "ahead", "q120": "ahead"}
    default = {"q075": "lagging", "q085": "lagging", "q100": "on_schedule",
               "q110": "ahead", "q120": "ahead"}
    runs = [("band-cli", None, ["--band", "0.8:1.2"], wide, [0.8, 1.2]),
            ("band-plan", {"band": [0.8, 1.2]}, [], wide, [0.8, 1.2]),
            ("band-cli-over-plan", {"band": [0.95, 1.05]}, ["--band", "0.8:1.2"], wide, [0.8, 1.2]),
            ("band-plan-narrow", {"band": [0.95, 1.05]}, [], narrow, [0.95, 1.05]),
            ("band-default", None, [], default, [0.9, 1.1])]
    for name, evaluation, args, cats, band in runs:
        plan, scen = band_plan(rows, evaluation=evaluation)
        rep, exp = ctx.run(name, plan, [scen], args)
        if rep is None:
            continue
        ctx.check_evaluation(rep, exp)
        ev = rep.get("plan", {}).get("evaluation") or {}
        ctx.eq(name + ": plan.evaluation.band (hand)", ev.get("band", MISSING), band)
        for iid, _v in rows:
            r = ctx.check_record(rep, exp, iid, fields=("pace", "category"))
            if r is not None:
                ctx.eq("%s: %s.record.category (hand)" % (name, iid), r.get("category", MISSING),
                       cats[iid])


# --- 4. the sdg rule -------------------------------------------------------------

def sdg_plan(evaluation=None):
    inds, assump = {}, {}
    for iid, v in (("r095", 0.95), ("r095m", math.nextafter(0.95, 0)), ("r060", 0.6),
                   ("r060m", math.nextafter(0.6, 0)), ("r000", 0.0), ("rneg", -0.5),
                   ("rmet", 2.5)):
        inds[iid] = {"measure": "rate", "baseline": 0, "actual": {"2022": v},
                     "target": {"value": 2}}
        assump[iid] = {"level": 1.5}
    # level kinds: R = CAGR observed / CAGR required (T - B = 4)
    for iid, va, x, d, kind in (("lv110", 110, 150, "at_least", "value"),
                                ("lv119", 119, 150, "at_least", "value"),
                                ("lv125", 125, 150, "at_least", "value"),
                                ("lv088", 88, 70, "at_most", "value"),
                                ("lv095", 95, 150, "at_least", "value"),
                                ("lvpct119", 119, 50, "at_least", "change_pct")):
        inds[iid] = {"baseline": 100, "actual": {"2022": va},
                     "target": {kind: x, "direction": d}}
        assump[iid] = {"growth": 0.05}
    # relative_to: no R, rows 11-12
    inds["gdpg"] = {"measure": "rate", "baseline": 5, "actual": {"2021": 6, "2022": 5}}
    inds["incg"] = {"measure": "rate", "baseline": 5, "actual": {"2021": 7, "2022": 6},
                    "target": {"value": 0, "relative_to": "gdpg", "direction": "above"}}
    assump["gdpg"] = {"level": 5}
    assump["incg"] = {"level": 5}
    extra = {"evaluation": evaluation} if evaluation else {}
    return mkplan(inds, target=2024, horizon=2026, **extra), mkscen(assump)


SDG_HAND = {"r095": "on_track", "r095m": "moderate", "r060": "moderate", "r060m": "insufficient",
            "r000": "insufficient", "rneg": "moving_away", "rmet": "on_track",
            "lv110": "insufficient", "lv119": "moderate", "lv125": "on_track",
            "lv088": "moderate", "lv095": "moving_away", "incg": "on_schedule"}
ELAPSED_HAND = {"r095": "on_schedule", "r095m": "on_schedule", "r060": "lagging",
                "r060m": "lagging", "r000": "lagging", "rneg": "lagging", "rmet": "ahead",
                "lv110": "lagging", "lv119": "lagging", "lv125": "on_schedule",
                "incg": "on_schedule"}


@case
def case_sdg_rule(ctx):
    """--rule sdg (and evaluation.rule): R = q on rate indicators with the
    thresholds 0.95 / 0.6 / 0 hit exactly; R = observed CAGR / required CAGR
    on level indicators (differs from the linear pace: 119 of 150 from 100
    is 'moderate' by CAGR but 'lagging' by pace); rows 1-7 still apply
    (achieved_early); relative_to falls back to rows 11-12; --rule elapsed
    overrides the plan's sdg. rmet, a rate indicator's value already above
    its target in 2022, is not achieved early (one year's rate is not the
    target year's, 10.5 row 6): p = 2.5 / 2 = 1.25 at e = 2/4, q = 2.5, so
    on_track under sdg (R = q >= 0.95) and ahead by pace (q >= 1.1)."""
    runs = [("sdg-cli", None, ["--rule", "sdg"], SDG_HAND, "sdg"),
            ("sdg-plan", {"rule": "sdg"}, [], SDG_HAND, "sdg"),
            ("sdg-plan-cli-elapsed", {"rule": "sdg"}, ["--rule", "elapsed"], ELAPSED_HAND,
             "elapsed")]
    for name, evaluation, args, hand, rule in runs:
        plan, scen = sdg_plan(evaluation)
        rep, exp = ctx.run(name, plan, [scen], args)
        if rep is None:
            continue
        ctx.check_evaluation(rep, exp)
        ev = rep.get("plan", {}).get("evaluation") or {}
        ctx.eq(name + ": plan.evaluation.rule (hand)", ev.get("rule", MISSING), rule)
        for iid, spec in plan["indicators"].items():
            if "target" not in spec:
                continue
            # SPEC-AMBIGUOUS (pace under sdg): record.pace is read as q, not R.
            r = ctx.check_record(rep, exp, iid, fields=("statistic", "elapsed", "progress",
                                                       "category"))
            if r is not None and iid in hand:
                ctx.eq("%s: %s.record.category (hand)" % (name, iid), r.get("category", MISSING),
                       hand[iid])


# --- 5. --as-of and the evaluation year ---------------------------------------

@case
def case_as_of(ctx):
    """The evaluation year E: the latest observed year of any indicator
    (2023), or --as-of. A 2023 target observed only to 2022 is pending_data
    with E = 2023 (and with --as-of 2024), but a forward target (on_schedule)
    with --as-of 2022; a 2023 target observed in 2023 is achieved, and ahead
    as of 2022."""
    plan = mkplan({
        "pend": {"baseline": 40, "actual": {"2021": 44, "2022": 47}, "target_year": 2023,
                 "target": {"value": 50}},
        "obs23": {"baseline": 40, "actual": {"2021": 45, "2022": 48, "2023": 51},
                  "target_year": 2023, "target": {"value": 50}},
        "fwd": {"baseline": 40, "actual": {"2021": 41, "2022": 42, "2023": 44},
                "target": {"value": 60}},
    })
    scen = mkscen({"pend": {"add": 2}, "obs23": {"add": 2}, "fwd": {"add": 3}})
    hand = {None: {"pend": "pending_data", "obs23": "achieved"},
            "2022": {"pend": "on_schedule", "obs23": "ahead"},
            "2024": {"pend": "pending_data", "obs23": "achieved"}}
    years = {None: 2023, "2022": 2022, "2024": 2024}
    for as_of in (None, "2022", "2024"):
        args = ["--as-of", as_of] if as_of else []
        rep, exp = ctx.run("as-of-%s" % (as_of or "none"), plan, [scen], args)
        if rep is None:
            continue
        ctx.check_evaluation(rep, exp)
        ev = rep.get("plan", {}).get("evaluation") or {}
        ctx.eq("--as-of %s: plan.evaluation.year (hand)" % as_of, ev.get("year", MISSING),
               years[as_of])
        for iid in plan["indicators"]:
            r = ctx.check_record(rep, exp, iid)
            ctx.check_scenario(rep, exp, iid)
            if r is not None and iid in hand[as_of]:
                ctx.eq("--as-of %s: %s.record.category (hand)" % (as_of, iid),
                       r.get("category", MISSING), hand[as_of][iid])
        if as_of is None:
            r = ctx.record(rep, "pend") or {}
            ctx.eq("pend.record.nowcast (hand: S(a) = 47)", r.get("nowcast", MISSING), 47.0)
            s = ctx.scen_ind(rep, "s", "pend") or {}
            ctx.eq("pend.status (hand)", s.get("status", MISSING), "pending_data")
            ctx.eq("pend.decided (hand)", s.get("decided", MISSING), False)
        if as_of == "2022":
            r = ctx.record(rep, "pend") or {}
            # e = 2/3, p = 7/10: q = 1.05
            ctx.eq("pend.record.pace (hand)", r.get("pace", MISSING), 0.7 / (2 / 3))


# --- 6. pending data and the nowcast -----------------------------------------

@case
def case_pending_nowcast(ctx):
    """Pending data (T <= E, a < T) and the nowcast: GDP per capita in
    dollars (derived: 1e8 GDP / population / USD-CNY), GDP observed in 2025,
    population and the exchange rate to 2024: nowcast = 5382.45e8 / 5514668 /
    7.1217 = 13,705 (spec 10.6); a change_pct target on the same derived
    indicator; a plain indicator observed to 2023 (nowcast S(a))."""
    plan = mkplan({
        "gdp": {"baseline": 4153.25, "actual": {"2021": 5121.61, "2022": 5571.17,
                                                "2023": 5573.74, "2024": 5418.33,
                                                "2025": 5382.45}},
        "pop": {"baseline": 5300000, "actual": {"2021": 5390918, "2022": 5434962,
                                                "2023": 5454582, "2024": 5514668}},
        "fx": {"baseline": 6.8976, "actual": {"2021": 6.4515, "2022": 6.7261,
                                              "2023": 7.0467, "2024": 7.1217}},
        "gdp_pc_usd": {"derived": {"scale": 100000000,
                                   "factors": {"gdp": 1, "pop": -1, "fx": -1}},
                       "target": {"value": 20000}},
        "gdp_pc_pct": {"derived": {"scale": 100000000,
                                   "factors": {"gdp": 1, "pop": -1, "fx": -1}},
                       "target": {"change_pct": 50}},
        "firms": {"baseline": 600, "actual": {"2021": 700, "2022": 760, "2023": 800},
                  "target": {"value": 1000}},
    })
    scen = mkscen({"gdp": {"growth": 0.05}, "pop": {"growth": 0.005}, "fx": {"level": 7.1},
                   "firms": {"add": 50}})
    rep, exp = ctx.run("pending", plan, [scen])
    if rep is None:
        return
    ctx.check_evaluation(rep, exp)
    for iid in ("gdp_pc_usd", "gdp_pc_pct", "firms"):
        r = ctx.check_record(rep, exp, iid)
        ctx.check_scenario(rep, exp, iid, fields=("status", "decided"))
        if r is not None:
            ctx.eq(iid + ".record.category (hand)", r.get("category", MISSING), "pending_data")
    r = ctx.record(rep, "gdp_pc_usd") or {}
    now = 5382.45e8 / 5514668 / 7.1217
    ctx.eq("gdp_pc_usd.record.nowcast (hand)", r.get("nowcast", MISSING), now)
    ctx.near("gdp_pc_usd.record.nowcast (spec: 13,705)", r.get("nowcast", MISSING), 13705, 1.0)
    ctx.eq("gdp_pc_usd.record.as_of (hand: earliest input)", r.get("as_of", MISSING), 2024)
    ctx.eq("gdp_pc_usd.record.statistic (hand: S(2024))", r.get("statistic", MISSING),
           5418.33e8 / 5514668 / 7.1217)
    r = ctx.record(rep, "gdp_pc_pct") or {}
    ctx.eq("gdp_pc_pct.record.nowcast (hand)", r.get("nowcast", MISSING),
           100 * (now / (4153.25e8 / 5300000 / 6.8976) - 1))
    r = ctx.record(rep, "firms") or {}
    ctx.eq("firms.record.nowcast (hand: S(a))", r.get("nowcast", MISSING), 800.0)
    for iid in ("gdp_pc_usd", "firms"):
        s = ctx.scen_ind(rep, "s", iid) or {}
        ctx.eq(iid + ".status (hand)", s.get("status", MISSING), "pending_data")


# --- 7. no data, no baseline ----------------------------------------------------

@case
def case_no_data(ctx):
    """Row 7 (no_data) and its neighbours: no observation after the baseline
    (no_data, or achieved_early when the baseline already meets x: row 6
    comes first); a value target without a baseline measures from its first
    observed year after b (one observation: no_data, two: a pace); a rate
    indicator without a baseline chains its rates from b (energy intensity:
    -2.7, -0.1)."""
    plan = mkplan({
        "clock": clock([2021, 2022]),
        "nd_base": {"baseline": 50, "target": {"value": 60}},
        "nd_met": {"baseline": 70, "target": {"value": 60}},
        "nb_single": {"actual": {"2022": 55}, "target": {"value": 60}},
        "nb_single_met": {"actual": {"2022": 65}, "target": {"value": 60}},
        "nb_two": {"actual": {"2021": 50, "2022": 53}, "target": {"value": 60}},
        "rt_cum_two": {"measure": "rate", "actual": {"2021": -2.7, "2022": -0.1},
                       "target": {"change_pct": -13.5, "direction": "at_most"}},
        "rt_cum_single": {"measure": "rate", "actual": {"2021": -2.7},
                          "target": {"change_pct": -13.5, "direction": "at_most"}},
    })
    scen = mkscen({"clock": {"level": 1}, "nd_base": {"add": 2}, "nd_met": {"add": 2},
                   "nb_single": {"add": 2}, "nb_single_met": {"add": 2}, "nb_two": {"add": 2},
                   "rt_cum_two": {"level": -3}, "rt_cum_single": {"level": -3}})
    rep, exp = ctx.run("no-data", plan, [scen])
    if rep is None:
        return
    hand = {"nd_base": "no_data", "nd_met": "achieved_early", "nb_single": "no_data",
            "nb_single_met": "achieved_early", "nb_two": "ahead", "rt_cum_two": "lagging"}
    for iid in plan["indicators"]:
        r = ctx.check_record(rep, exp, iid)
        ctx.check_scenario(rep, exp, iid)
        if r is not None and iid in hand:
            ctx.eq(iid + ".record.category (hand)", r.get("category", MISSING), hand[iid])
    r = ctx.record(rep, "nb_two") or {}
    ctx.eq("nb_two.record.baseline_year (hand: first observed year)",
           r.get("baseline_year", MISSING), 2021)
    ctx.eq("nb_two.record.elapsed (hand: 1/4)", r.get("elapsed", MISSING), 0.25)
    ctx.eq("nb_two.record.progress (hand: 3/10)", r.get("progress", MISSING), 0.3)
    r = ctx.record(rep, "nb_single") or {}
    ctx.eq("nb_single.record.baseline_year (hand)", r.get("baseline_year", MISSING), 2022)
    ctx.eq("nb_single.record.progress (hand: a <= B)", r.get("progress", MISSING), None)
    r = ctx.record(rep, "rt_cum_two") or {}
    ctx.eq("rt_cum_two.record.statistic (hand)", r.get("statistic", MISSING),
           100 * (0.973 * 0.999 - 1))
    ctx.eq("rt_cum_two.record.baseline_year (hand: b)", r.get("baseline_year", MISSING), 2020)


# --- 8. achieved / missed after the target year, achieved early -----------------

@case
def case_achieved_missed(ctx):
    """Rows 3 (T <= E, a >= T): judged by S(T), not by later years: met in
    2022 then fell (achieved), missed in 2022 then met (missed), observed
    exactly on the target in 2024 (achieved); a rate change_pct and a level
    growth_pct target observed in their year. Scenario: status
    achieved/missed, decided."""
    plan = mkplan({
        "met_fell": {"baseline": 40, "actual": {"2021": 45, "2022": 50, "2023": 49, "2024": 48},
                     "target_year": 2022, "target": {"value": 50}},
        "missed_later": {"baseline": 40, "actual": {"2021": 45, "2022": 49, "2023": 51,
                                                    "2024": 52},
                         "target_year": 2022, "target": {"value": 50}},
        "exact": {"baseline": 40, "actual": {"2022": 45, "2024": 50}, "target_year": 2024,
                  "target": {"value": 50}},
        "cum_rate": {"measure": "rate", "actual": {"2021": -2, "2022": -1.5, "2023": -2},
                     "target_year": 2023, "target": {"change_pct": -5, "direction": "at_most"}},
        "growth": {"baseline": 100, "actual": {"2021": 104, "2022": 109, "2023": 115.7},
                   "target_year": 2023, "target": {"growth_pct": 5}},
    })
    scen = mkscen({"met_fell": {"add": 1}, "missed_later": {"add": 1}, "exact": {"add": 1},
                   "cum_rate": {"level": -2}, "growth": {"growth": 0.05}})
    rep, exp = ctx.run("achieved-missed", plan, [scen])
    if rep is None:
        return
    hand = {"met_fell": "achieved", "missed_later": "missed", "exact": "achieved",
            "cum_rate": "achieved", "growth": "missed"}
    for iid in plan["indicators"]:
        r = ctx.check_record(rep, exp, iid)
        s = ctx.check_scenario(rep, exp, iid)
        if r is not None:
            ctx.eq(iid + ".record.category (hand)", r.get("category", MISSING), hand[iid])
        if s is not None:
            ctx.eq(iid + ".status (hand)", s.get("status", MISSING), hand[iid])
            ctx.eq(iid + ".decided (hand)", s.get("decided", MISSING), True)
    s = ctx.scen_ind(rep, "s", "cum_rate") or {}
    ctx.eq("cum_rate.statistic (hand: S(2023))", s.get("statistic", MISSING),
           100 * (0.98 * 0.985 * 0.98 - 1))
    s = ctx.scen_ind(rep, "s", "growth") or {}
    ctx.eq("growth.statistic (hand)", s.get("statistic", MISSING), 100 * (1.157 ** (1 / 3) - 1))


@case
def case_achieved_early(ctx):
    """Row 6: S(a) already meets x before T (value, a value ceiling, a rate
    change_pct reduction) is achieved_early; growth_pct is not (its average is
    due to the end): a realised 6 % against 5 % is ahead; a growth ceiling
    (at_most x > 0) has no pace and is judged by S(a) (rows 11-12)."""
    plan = mkplan({
        "ae_value": {"baseline": 50, "actual": {"2021": 55, "2022": 61}, "target": {"value": 60}},
        "ae_growth": {"baseline": 100, "actual": {"2021": 106, "2022": 112.36},
                      "target": {"growth_pct": 5}},
        "ae_growth_cap_in": {"baseline": 100, "actual": {"2021": 100.5, "2022": 100.8},
                             "target": {"growth_pct": 1, "direction": "at_most"}},
        "ae_growth_cap_out": {"baseline": 100, "actual": {"2021": 101, "2022": 103},
                              "target": {"growth_pct": 1, "direction": "at_most"}},
        "ae_ceiling": {"baseline": 5.2, "actual": {"2021": 5.1, "2022": 5.3},
                       "target": {"value": 5.5, "direction": "at_most"}},
        "ae_rate_cum": {"measure": "rate", "actual": {"2021": -2.7, "2022": -3},
                        "target": {"change_pct": -5, "direction": "at_most"}},
    })
    scen = mkscen({"ae_value": {"add": 1}, "ae_growth": {"growth": 0.06},
                   "ae_growth_cap_in": {"growth": 0.005}, "ae_growth_cap_out": {"growth": 0.005},
                   "ae_ceiling": {"level": 5.3}, "ae_rate_cum": {"level": -3}})
    rep, exp = ctx.run("achieved-early", plan, [scen])
    if rep is None:
        return
    hand = {"ae_value": "achieved_early", "ae_growth": "ahead", "ae_growth_cap_in": "on_schedule",
            "ae_growth_cap_out": "lagging", "ae_ceiling": "achieved_early",
            "ae_rate_cum": "achieved_early"}
    for iid in plan["indicators"]:
        r = ctx.check_record(rep, exp, iid)
        ctx.check_scenario(rep, exp, iid)
        if r is not None:
            ctx.eq(iid + ".record.category (hand)", r.get("category", MISSING), hand[iid])
    r = ctx.record(rep, "ae_growth") or {}
    ctx.eq("ae_growth.record.pace (hand: 6/5)", r.get("pace", MISSING),
           100 * (1.1236 ** 0.5 - 1) / 5)
    r = ctx.record(rep, "ae_growth_cap_in") or {}
    ctx.eq("ae_growth_cap_in.record.progress (hand: undefined)", r.get("progress", MISSING), None)
    ctx.eq("ae_growth_cap_in.record.pace (hand: undefined)", r.get("pace", MISSING), None)


# --- 9. each_year ------------------------------------------------------------

@case
def case_each_year(ctx):
    """each_year bounds (ceilings and floors): a breach in one observed year
    (2022) is breached with years_held 3, years_breached 1, breached_years
    [2022]; no breach is held; a breach only in the projection leaves the
    record held but the scenario breached; a breach after T does not count
    (achieved); a floor without a baseline, a rate ceiling, a change ceiling.
    Scenario: c from the worst year, status on_track/breached, decided."""
    plan = mkplan({
        "ey_breach": {"baseline": 5.2, "actual": {"2021": 5.1, "2022": 5.6, "2023": 5.3,
                                                  "2024": 5.0},
                      "target": {"value": 5.5, "direction": "below", "each_year": True}},
        "ey_held": {"baseline": 5.2, "actual": {"2021": 5.1, "2022": 5.3, "2023": 5.4,
                                                "2024": 5.0},
                    "target": {"value": 5.5, "direction": "below", "each_year": True}},
        "ey_proj_breach": {"baseline": 5.2, "actual": {"2021": 5.1, "2022": 5.3, "2023": 5.4,
                                                       "2024": 5.0},
                           "target": {"value": 5.5, "direction": "below", "each_year": True}},
        "ey_floor": {"actual": {"2021": 6.8285, "2022": 6.8653, "2023": 6.9541, "2024": 7.065},
                     "target": {"value": 6.5, "direction": "above", "each_year": True}},
        "ey_rate": {"measure": "rate", "baseline": 2.5,
                    "actual": {"2021": 0.9, "2022": 2.0, "2023": 0.2, "2024": 0.2},
                    "target": {"value": 3, "direction": "at_most", "each_year": True}},
        "ey_after_t": {"baseline": 5.2, "actual": {"2021": 5.1, "2022": 5.3, "2023": 5.8},
                       "target_year": 2022,
                       "target": {"value": 5.5, "direction": "below", "each_year": True}},
        "ey_change": {"baseline": 100, "actual": {"2021": 104, "2022": 108, "2023": 111,
                                                  "2024": 109},
                      "target": {"change": 10, "direction": "at_most", "each_year": True}},
    })
    scen = mkscen({"ey_breach": {"level": 5.0}, "ey_held": {"level": 5.2},
                   "ey_proj_breach": {"level": 5.6}, "ey_floor": {"level": 7.0},
                   "ey_rate": {"level": 1.0}, "ey_after_t": {"level": 5.2},
                   "ey_change": {"add": 0}})
    rep, exp = ctx.run("each-year", plan, [scen])
    if rep is None:
        return
    hand_cat = {"ey_breach": "breached", "ey_held": "held", "ey_proj_breach": "held",
                "ey_floor": "held", "ey_rate": "held", "ey_after_t": "achieved",
                "ey_change": "breached"}
    hand_counts = {"ey_breach": (3, 1, [2022]), "ey_held": (4, 0, []), "ey_floor": (4, 0, []),
                   "ey_after_t": (2, 0, []), "ey_change": (3, 1, [2023])}
    hand_scen = {"ey_breach": ("breached", False, True), "ey_held": ("on_track", True, False),
                 "ey_proj_breach": ("breached", False, False),
                 "ey_floor": ("on_track", True, False), "ey_rate": ("on_track", True, False),
                 "ey_change": ("breached", False, True)}
    for iid in plan["indicators"]:
        r = ctx.check_record(rep, exp, iid)
        s = ctx.check_scenario(rep, exp, iid)
        if r is not None:
            ctx.eq(iid + ".record.category (hand)", r.get("category", MISSING), hand_cat[iid])
            if iid in hand_counts:
                h, n, ys = hand_counts[iid]
                ctx.eq(iid + ".record.years_held (hand)", r.get("years_held", MISSING), h)
                ctx.eq(iid + ".record.years_breached (hand)", r.get("years_breached", MISSING), n)
                ctx.eq(iid + ".record.breached_years (hand)", r.get("breached_years", MISSING), ys)
            ctx.eq(iid + ".record.progress (each_year: undefined)", r.get("progress", MISSING), None)
        if s is not None and iid in hand_scen:
            st, att, dec = hand_scen[iid]
            ctx.eq(iid + ".status (hand)", s.get("status", MISSING), st)
            ctx.eq(iid + ".attained (hand)", s.get("attained", MISSING), att)
            ctx.eq(iid + ".decided (hand)", s.get("decided", MISSING), dec)
            ctx.eq(iid + ".required_growth (each_year: none)", s.get("required_growth", MISSING),
                   None)
    s = ctx.scen_ind(rep, "s", "ey_breach") or {}
    ctx.eq("ey_breach.ratio (hand: x / worst = 5.5/5.6)", s.get("ratio", MISSING), 5.5 / 5.6)
    s = ctx.scen_ind(rep, "s", "ey_held") or {}
    ctx.eq("ey_held.ratio (hand: 5.5/5.4)", s.get("ratio", MISSING), 5.5 / 5.4)
    ctx.eq("ey_held.attainment_year (hand: T)", s.get("attainment_year", MISSING), 2025)
    s = ctx.scen_ind(rep, "s", "ey_floor") or {}
    ctx.eq("ey_floor.ratio (hand: worst / x)", s.get("ratio", MISSING), 6.8285 / 6.5)
    s = ctx.scen_ind(rep, "s", "ey_after_t") or {}
    ctx.eq("ey_after_t.decided (hand: year observed)", s.get("decided", MISSING), True)


@case
def case_each_year_gaps(ctx):
    """each_year with missing years: a gap before the first observation (no
    baseline: 2021 has neither an observation nor a projection) is neither
    held nor breached (years_held 3); a missing year inside the observed
    period (2022 between 2021 and 2023) is filled on the path but is not an
    observation: years_held 3, not 4."""
    plan = mkplan({
        "eg_inside": {"baseline": 5.2, "actual": {"2021": 5.1, "2023": 5.3, "2024": 5.0},
                      "target": {"value": 5.5, "direction": "below", "each_year": True}},
        "eg_before": {"actual": {"2022": 5.0, "2023": 5.1, "2024": 5.2},
                      "target": {"value": 5.5, "direction": "below", "each_year": True}},
    })
    scen = mkscen({"eg_inside": {"level": 5.3}, "eg_before": {"level": 5.3}})
    rep, exp = ctx.run("each-year-gaps", plan, [scen])
    if rep is None:
        return
    for iid in plan["indicators"]:
        r = ctx.check_record(rep, exp, iid)
        s = ctx.check_scenario(rep, exp, iid, fields=("attained", "status", "decided"))
        if r is not None:
            ctx.eq(iid + ".record.category (hand)", r.get("category", MISSING), "held")
            ctx.eq(iid + ".record.years_breached (hand)", r.get("years_breached", MISSING), 0)
        if s is not None:
            ctx.eq(iid + ".status (hand)", s.get("status", MISSING), "on_track")
    r = ctx.record(rep, "eg_before") or {}
    ctx.eq("eg_before.record.years_held (hand: 2022-2024)", r.get("years_held", MISSING), 3)
    r = ctx.record(rep, "eg_inside") or {}
    # SPEC-AMBIGUOUS: an interpolated year inside the period is not counted.
    ctx.eq("eg_inside.record.years_held (hand: 2021, 2023, 2024)", r.get("years_held", MISSING),
           Amb(3, "an interpolated year inside the observed period is neither held nor breached"))


# --- 10. relative_to ------------------------------------------------------------

@case
def case_relative_to(ctx):
    """relative_to: the compared quantity D(t) = S(t) - S_ID(t) at the earlier
    of the two as-of years; no progress or pace (rows 11-12); pending when
    the year has passed unobserved; achieved/missed and decided when both are
    observed; scenario: attained from both paths, no ratio, required_rate with
    x + S_ID(T) (higher than GDP growth), level_target of a level pair."""
    gdp = {"measure": "rate", "baseline": 2.3, "actual": {"2021": 8.1, "2022": 3.0, "2023": 5.2}}
    inc = {"measure": "rate", "baseline": 2.1, "actual": {"2021": 8.1, "2022": 2.9}}
    lp = {"measure": "rate", "baseline": 2.5, "actual": {"2021": 8.7, "2022": 4.2, "2023": 5.6}}

    def rel(data, target, **kw):
        d = dict(data, target=target)
        d.update(kw)
        return d
    above = {"growth_pct": 0, "relative_to": "gdpg", "direction": "above"}
    plan = mkplan({
        "gdpg": gdp,
        "inc_above": rel(inc, above),
        "inc_about": rel(inc, {"growth_pct": 0, "relative_to": "gdpg", "direction": "about",
                               "tolerance": 0.5}),
        "lp_above": rel(lp, above),
        "inc_pend": rel(inc, above, target_year=2023),
        "inc_done": rel(inc, above, target_year=2022),
        "w": {"baseline": 50, "actual": {"2021": 52, "2022": 55}},
        "v_change": {"baseline": 100, "actual": {"2021": 103, "2022": 109},
                     "target": {"change": 5, "relative_to": "w"}},
        "v_value": {"baseline": 100, "actual": {"2021": 103, "2022": 109},
                    "target": {"value": 50, "relative_to": "w", "direction": "above"}},
    })
    scen = mkscen({"gdpg": {"level": 5.0}, "inc_above": {"level": 5.5}, "inc_about": {"level": 5.5},
                   "lp_above": {"level": 6}, "inc_pend": {"level": 5.5}, "inc_done": {"level": 5.5},
                   "w": {"add": 2}, "v_change": {"add": 4}, "v_value": {"add": 4}})
    rep, exp = ctx.run("relative-to", plan, [scen])
    if rep is None:
        return
    hand = {"inc_above": "lagging", "inc_about": "on_schedule", "lp_above": "on_schedule",
            "inc_pend": "pending_data", "inc_done": "missed", "v_change": "lagging",
            "v_value": "on_schedule"}
    for iid in hand:
        r = ctx.check_record(rep, exp, iid)
        ctx.check_scenario(rep, exp, iid)
        if r is not None:
            ctx.eq(iid + ".record.category (hand)", r.get("category", MISSING), hand[iid])
            ctx.eq(iid + ".record.progress (relative_to: undefined)", r.get("progress", MISSING), None)
            ctx.eq(iid + ".record.pace (relative_to: undefined)", r.get("pace", MISSING), None)
    r = ctx.record(rep, "inc_above") or {}
    ctx.eq("inc_above.record.as_of (hand: the earlier of 2022, 2023)", r.get("as_of", MISSING), 2022)
    ctx.eq("inc_above.record.statistic (hand: D(2022))", r.get("statistic", MISSING),
           100 * ((1.081 * 1.029) ** 0.5 - 1) - 100 * ((1.081 * 1.03) ** 0.5 - 1))
    r = ctx.record(rep, "v_change") or {}
    ctx.eq("v_change.record.statistic (hand: (109-100) - (55-50))", r.get("statistic", MISSING), 4.0)
    s = ctx.scen_ind(rep, "s", "inc_above") or {}
    ctx.eq("inc_above.ratio (relative_to: none)", s.get("ratio", MISSING), None)
    ctx.eq("inc_above.required_rate (hand)", s.get("required_rate", MISSING),
           100 * ((1.081 * 1.03 * 1.052 * 1.05 * 1.05 / (1.081 * 1.029)) ** (1 / 3) - 1))
    s = ctx.scen_ind(rep, "s", "inc_done") or {}
    ctx.eq("inc_done.decided (hand)", s.get("decided", MISSING), True)
    s = ctx.scen_ind(rep, "s", "v_change") or {}
    ctx.eq("v_change.attained (hand: D(T) = 21 - 11)", s.get("attained", MISSING), True)
    ctx.eq("v_change.required_growth (hand: x* = 100 + 5 + 11)", s.get("required_growth", MISSING),
           (116 / 109) ** (1 / 3) - 1)


# --- 11. gaps in a rate indicator ------------------------------------------------

@case
def case_rate_gaps(ctx):
    """A missing year inside a rate indicator's observations enters its
    cumulative statistic through the path's filled value: equal ends (-3,
    -3: the fill is -3 by any rule), an end <= 0 (-2.7 .. -0.5: -1.6);
    positive ends (14.6 .. 8.4): a rate's gap is a straight line
    (methodology 2.3: a rate does not grow at a rate of its own), 11.5."""
    plan = mkplan({
        "gap_equal": {"measure": "rate", "baseline": -1, "actual": {"2021": -3, "2023": -3,
                                                                   "2024": -2},
                      "target": {"change_pct": -13.5, "direction": "at_most"}},
        "gap_neg": {"measure": "rate", "actual": {"2021": -2.7, "2023": -0.5, "2024": -3.8},
                    "target": {"change_pct": -13.5, "direction": "at_most"}},
        "gap_pos": {"measure": "rate", "actual": {"2021": 14.6, "2023": 8.4, "2024": 8.9},
                    "target": {"growth_pct": 7, "direction": "above"}},
    })
    scen = mkscen({"gap_equal": {"level": -3}, "gap_neg": {"level": -3}, "gap_pos": {"level": 8}})
    rep, exp = ctx.run("rate-gaps", plan, [scen])
    if rep is None:
        return
    ctx.check_record(rep, exp, "gap_equal")
    ctx.check_record(rep, exp, "gap_neg")
    ctx.check_scenario(rep, exp, "gap_equal")
    ctx.check_scenario(rep, exp, "gap_neg")
    ctx.check_record(rep, exp, "gap_pos", fields=("as_of", "baseline_year", "elapsed", "category"))
    ctx.check_scenario(rep, exp, "gap_pos", fields=("status", "decided", "attained"))
    r = ctx.record(rep, "gap_equal") or {}
    ctx.eq("gap_equal.record.statistic (hand)", r.get("statistic", MISSING),
           100 * (0.97 * 0.97 * 0.97 * 0.98 - 1))
    r = ctx.record(rep, "gap_neg") or {}
    ctx.eq("gap_neg.record.statistic (hand: 2022 = -1.6)", r.get("statistic", MISSING),
           100 * (0.973 * 0.984 * 0.995 * 0.962 - 1))
    r = ctx.record(rep, "gap_pos") or {}
    fill = (14.6 + 8.4) / 2
    ctx.eq("gap_pos.record.statistic (hand: 2022 = 11.5 on a straight line)",
           r.get("statistic", MISSING), 100 * ((1.146 * (1 + fill / 100) * 1.084 * 1.089) ** 0.25 - 1))
    ctx.eq("gap_pos.record.category (hand: q = S/7 > 1.1 under any fill)",
           r.get("category", MISSING), "ahead")


# --- 12. a baseline before the base year -----------------------------------------

@case
def case_baseline_year(ctx):
    """baseline_year 2019 (the table's * rows): life expectancy 77.3 in 2019,
    target change 1: S(2022) = 77.9 - 77.3, e = (2022-2019)/(2025-2019) = 1/2,
    q = 1.2 (ahead), x* = 78.3; urbanisation 60.6 (2019) -> 65.22 meets 65
    (achieved_early); forest cover 23.2 (2019) -> 24.02 of 24.1."""
    plan = mkplan({
        "life": {"baseline": 77.3, "baseline_year": 2019,
                 "actual": {"2020": 77.93, "2021": 78.2, "2022": 77.9},
                 "target": {"change": 1}},
        "urban": {"baseline": 60.6, "baseline_year": 2019, "actual": {"2021": 64.72, "2022": 65.22},
                  "target": {"value": 65}},
        "forest": {"baseline": 23.2, "baseline_year": 2019, "actual": {"2022": 24.02},
                   "target": {"value": 24.1}},
    })
    scen = mkscen({"life": {"add": 0.2}, "urban": {"add": 0.9}, "forest": {"add": 0.05}})
    rep, exp = ctx.run("baseline-year", plan, [scen])
    if rep is None:
        return
    hand = {"life": "ahead", "urban": "achieved_early", "forest": "ahead"}
    for iid in plan["indicators"]:
        r = ctx.check_record(rep, exp, iid)
        ctx.check_scenario(rep, exp, iid)
        if r is not None:
            ctx.eq(iid + ".record.category (hand)", r.get("category", MISSING), hand[iid])
            ctx.eq(iid + ".record.baseline_year (hand)", r.get("baseline_year", MISSING), 2019)
        ind = ctx.plan_ind(rep, iid) or {}
        ctx.eq(iid + ".baseline_year (plan echo)", ind.get("baseline_year", MISSING), 2019)
    r = ctx.record(rep, "life") or {}
    ctx.eq("life.record.statistic (hand)", r.get("statistic", MISSING), 77.9 - 77.3)
    ctx.eq("life.record.elapsed (hand)", r.get("elapsed", MISSING), 0.5)
    ctx.eq("life.record.pace (hand)", r.get("pace", MISSING), (77.9 - 77.3) / 1 / 0.5)
    s = ctx.scen_ind(rep, "s", "life") or {}
    ctx.eq("life.level_target (hand: 77.3 + 1)", s.get("level_target", MISSING), 78.3)
    ctx.eq("life.required_growth (hand)", s.get("required_growth", MISSING),
           (78.3 / 77.9) ** (1 / 3) - 1)
    ctx.eq("life.statistic (hand: 77.9 + 3 * 0.2 - 77.3)", s.get("statistic", MISSING),
           77.9 + 0.2 + 0.2 + 0.2 - 77.3)


# --- 13. the spec's worked examples ----------------------------------------------

@case
def case_china_examples(ctx):
    """The spec's worked examples: energy use per unit of GDP (rate,
    -2.7, -0.1; 〔13.5〕 at_most -13.5): S(2022) = -2.797 %, lagging (also
    --as-of 2022, the NDRC mid-term view); a path reaching -7.0 % gives
    c = 7/13.5 = 51.9 %; R&D growth > 7 (14.6, 10.1, 8.4, 8.9): S(2024) by the
    formula is 10.47 % (the spec's text says 10.45: see the report);
    unemployment 5.2 under the ceiling 5.5 each year: c = 105.8 %."""
    L = 100 * ((0.93 / (0.973 * 0.999)) ** (1 / 3) - 1)
    plan = mkplan({
        "energy": {"measure": "rate", "actual": {"2021": -2.7, "2022": -0.1},
                   "target": {"change_pct": -13.5, "direction": "at_most"}},
        "rd": {"measure": "rate", "actual": {"2021": 14.6, "2022": 10.1, "2023": 8.4, "2024": 8.9},
               "target": {"growth_pct": 7, "direction": "above"}},
        "unemp": {"baseline": 5.2, "actual": {"2021": 5.1, "2022": 5.2, "2023": 5.2, "2024": 5.1},
                  "target": {"value": 5.5, "direction": "below", "each_year": True}},
    })
    scen = mkscen({"energy": {"level": L}, "rd": {"level": 8.65}, "unemp": {"level": 5.2}})
    for args in ([], ["--as-of", "2022"]):
        rep, exp = ctx.run("china" + ("-2022" if args else ""), plan, [scen], args)
        if rep is None:
            continue
        for iid in plan["indicators"]:
            ctx.check_record(rep, exp, iid)
            ctx.check_scenario(rep, exp, iid)
        r = ctx.record(rep, "energy") or {}
        ctx.near("energy.record.statistic (spec: -2.797)", r.get("statistic", MISSING), -2.797, 0.0005)
        ctx.eq("energy.record.category (spec 10.5: lagging at mid-term)", r.get("category", MISSING),
               "lagging")
        s = ctx.scen_ind(rep, "s", "energy") or {}
        ctx.near("energy.ratio (spec: 51.9 %)", s.get("ratio", MISSING), 0.519, 0.0005)
        ctx.eq("energy.ratio (hand: 7/13.5)", s.get("ratio", MISSING), 7 / 13.5)
        ctx.near("energy.required_rate (hand: -3.814)", s.get("required_rate", MISSING), -3.8138, 0.0005)
        if not args:
            r = ctx.record(rep, "rd") or {}
            ctx.eq("rd.record.statistic (formula)", r.get("statistic", MISSING),
                   100 * ((1.146 * 1.101 * 1.084 * 1.089) ** 0.25 - 1))
            print("    note: the formula gives S(2024) = %.4f; spec-12-method.md 10.2 prints 10.45"
                  % (100 * ((1.146 * 1.101 * 1.084 * 1.089) ** 0.25 - 1)))
            ctx.eq("rd.record.category (hand: q = 10.47/7)", r.get("category", MISSING), "ahead")
            s = ctx.scen_ind(rep, "s", "unemp") or {}
            ctx.near("unemp.ratio (spec: 105.8 %)", s.get("ratio", MISSING), 1.058, 0.0005)
            ctx.eq("unemp.ratio (hand: 5.5/5.2)", s.get("ratio", MISSING), 5.5 / 5.2)


# --- 14. scenario statuses by hand ------------------------------------------------

@case
def case_scenario_statuses(ctx):
    """The scenario status rule (3.2 with R = scenario / required rate) on
    level and rate indicators, every forward status: value 130 from 110
    (2022) needs (130/110)^(1/3) - 1 = 5.73 %/yr: 7 % on_track, 4 % moderate,
    2 % insufficient, -1 % moving_away; rate change_pct 20 from 4, 4 needs
    3.48 %/yr (3 %: moderate); rate value 6 needs 6 (5: moderate); rate
    change 2 from 3 needs 5 (2: insufficient); a reduction of 10 % with
    rates turning positive (moving_away)."""
    inds, assump = {}, {}
    for iid, g in (("st_on_track", 0.07), ("st_moderate", 0.04), ("st_insufficient", 0.02),
                   ("st_moving_away", -0.01)):
        inds[iid] = {"baseline": 100, "actual": {"2022": 110}, "target": {"value": 130}}
        assump[iid] = {"growth": g}
    inds["rt_cum"] = {"measure": "rate", "baseline": 3, "actual": {"2021": 4, "2022": 4},
                      "target": {"change_pct": 20}}
    assump["rt_cum"] = {"level": 3}
    inds["rt_value"] = {"measure": "rate", "baseline": 3, "actual": {"2022": 4},
                        "target": {"value": 6}}
    assump["rt_value"] = {"level": 5}
    inds["rt_change"] = {"measure": "rate", "baseline": 3, "actual": {"2022": 4},
                         "target": {"change": 2}}
    assump["rt_change"] = {"level": 2}
    inds["rt_down"] = {"measure": "rate", "actual": {"2021": -1, "2022": -1},
                       "target": {"change_pct": -10, "direction": "at_most"}}
    assump["rt_down"] = {"level": 1}
    plan = mkplan(inds)
    rep, exp = ctx.run("scenario-statuses", plan, [mkscen(assump)])
    if rep is None:
        return
    hand = {"st_on_track": "on_track", "st_moderate": "moderate", "st_insufficient": "insufficient",
            "st_moving_away": "moving_away", "rt_cum": "moderate", "rt_value": "moderate",
            "rt_change": "insufficient", "rt_down": "moving_away"}
    for iid in inds:
        s = ctx.check_scenario(rep, exp, iid)
        ctx.check_record(rep, exp, iid)
        if s is not None:
            ctx.eq(iid + ".status (hand)", s.get("status", MISSING), hand[iid])
            ctx.eq(iid + ".decided (hand)", s.get("decided", MISSING), False)
    for iid, g in (("st_moderate", 0.04), ("st_insufficient", 0.02)):
        s = ctx.scen_ind(rep, "s", iid) or {}
        ctx.eq(iid + ".required_growth (hand)", s.get("required_growth", MISSING),
               (130 / 110) ** (1 / 3) - 1)
        ctx.eq(iid + ".scenario_growth (hand)", s.get("scenario_growth", MISSING), g)
    s = ctx.scen_ind(rep, "s", "rt_cum") or {}
    ctx.eq("rt_cum.required_rate (hand)", s.get("required_rate", MISSING),
           100 * ((1.2 / (1.04 * 1.04)) ** (1 / 3) - 1))
    ctx.eq("rt_cum.scenario_rate (hand)", s.get("scenario_rate", MISSING), 3.0)
    ctx.eq("rt_cum.statistic (hand)", s.get("statistic", MISSING), 100 * (1.04 * 1.04 * 1.03 ** 3 - 1))
    ctx.eq("rt_cum.ratio (hand)", s.get("ratio", MISSING), (1.04 * 1.04 * 1.03 ** 3 - 1) * 100 / 20)
    s = ctx.scen_ind(rep, "s", "rt_change") or {}
    ctx.eq("rt_change.required_rate (hand: r_B + x)", s.get("required_rate", MISSING), 5.0)
    s = ctx.scen_ind(rep, "s", "rt_down") or {}
    ctx.eq("rt_down.required_rate (hand)", s.get("required_rate", MISSING),
           100 * ((0.9 / 0.99 ** 2) ** (1 / 3) - 1))


# --- 15. the table, the echo of the plan, figures with their own source ------------

@case
def case_table_and_echo(ctx):
    """plan.indicators[] echoes measure, baseline_year, category, attribute
    and the target object; figures written as {"value", "source"} are used
    as numbers; plan.notes; plan.table counts per category and the binding
    indicators by category."""
    plan = mkplan({
        "gdp_growth": {"category": "经济发展", "attribute": "expected", "measure": "rate",
                       "baseline": {"value": 2.3, "source": "src-a"},
                       "actual": {"2021": {"value": 8.1, "source": "src-b"}, "2022": 3.0},
                       "target": {"text": "保持在合理区间"}},
        "urban": {"category": {"zh": "经济发展", "en": "Economic development"},
                  "attribute": "expected", "baseline": {"value": 60.6, "note": "2019 data"},
                  "baseline_year": 2019,
                  "actual": {"2021": {"value": 64.72, "source": "src-c"}, "2022": 65.22},
                  "target": {"value": 65, "as_written": {"zh": "65", "en": "65"}}},
        "energy": {"category": {"zh": "绿色生态", "en": "Green ecology"}, "attribute": "binding",
                   "measure": "rate", "actual": {"2021": -2.7, "2022": -0.1},
                   "target": {"change_pct": -13.5, "direction": "at_most",
                              "as_written": "〔13.5〕"}},
        "air": {"category": {"zh": "绿色生态", "en": "Green ecology"}, "attribute": "binding",
                "baseline": 87, "actual": {"2021": 87.5, "2022": 86.5},
                "target": {"value": 87.5}},
        "grain": {"category": {"zh": "安全保障", "en": "Security"}, "attribute": "binding",
                  "actual": {"2021": 6.8285, "2022": 6.8653},
                  "target": {"value": 6.5, "direction": "above", "each_year": True}},
        "water": {"category": {"zh": "绿色生态", "en": "Green ecology"}, "attribute": "binding",
                  "baseline": 83.4, "actual": {"2021": 84.9, "2022": 87.9},
                  "target": {"value": 85}},
        "pop": {"baseline": 100, "actual": {"2022": 101}},
    }, notes=["①〔 〕内为5年累计数。", {"zh": "②带*的为2019年数据。", "en": "② * marks 2019 data."}])
    scen = mkscen({"gdp_growth": {"level": 5}, "urban": {"add": 0.9}, "energy": {"level": -3},
                   "air": {"add": 0.3}, "grain": {"level": 6.9}, "water": {"add": 0.2},
                   "pop": {"growth": 0.001}})
    rep, exp = ctx.run("table", plan, [scen])
    if rep is None:
        return
    hand = {"gdp_growth": "not_scored", "urban": "achieved_early", "energy": "lagging",
            "air": "lagging", "grain": "held", "water": "achieved_early"}
    for iid, spec in plan["indicators"].items():
        r = ctx.check_record(rep, exp, iid)
        if r is not None and iid in hand:
            ctx.eq(iid + ".record.category (hand)", r.get("category", MISSING), hand[iid])
        ind = ctx.plan_ind(rep, iid) or {}
        ctx.eq(iid + ".measure", ind.get("measure", MISSING), spec.get("measure", "level"))
        ctx.eq(iid + ".baseline_year", ind.get("baseline_year", MISSING),
               spec.get("baseline_year", 2020))
        ctx.eq(iid + ".category", ind.get("category", MISSING), text_obj(spec.get("category")))
        ctx.eq(iid + ".attribute", ind.get("attribute", MISSING), spec.get("attribute"))
        want = expected_target_obj(plan, iid)
        got = ind.get("target", MISSING)
        if want is None:
            ctx.eq(iid + ".target", got, None)
        elif not isinstance(got, dict):
            ctx.fail(iid + ".target", "expected an object, got %r" % (got,))
        else:
            for k, v in want.items():
                ctx.eq("%s.target.%s" % (iid, k), got.get(k, MISSING), v)
    r = ctx.record(rep, "urban") or {}
    ctx.eq("urban.record.statistic (figure objects read as numbers)", r.get("statistic", MISSING), 65.22)
    ctx.eq("urban.baseline (a figure object read as its value)",
           (ctx.plan_ind(rep, "urban") or {}).get("baseline", MISSING), 60.6)
    ctx.eq("grain.baseline (null when none)", (ctx.plan_ind(rep, "grain") or {}).get("baseline", MISSING),
           None)
    ctx.eq("energy.baseline (null when none)",
           (ctx.plan_ind(rep, "energy") or {}).get("baseline", MISSING), None)
    p = rep.get("plan", {})
    ctx.eq("plan.notes", p.get("notes", MISSING),
           [{"zh": "①〔 〕内为5年累计数。", "en": "①〔 〕内为5年累计数。"},
            {"zh": "②带*的为2019年数据。", "en": "② * marks 2019 data."}])
    table = p.get("table", MISSING)
    if not isinstance(table, dict):
        ctx.fail("plan.table", "missing or not an object: %r" % (table,))
        return
    counts = {}
    for c in hand.values():
        counts[c] = counts.get(c, 0) + 1
    ctx.eq("plan.table.counts (hand)", table.get("counts", MISSING), counts)
    ctx.eq("plan.table.indicators", table.get("indicators", MISSING),
           Amb(6, "plan.table.indicators counts the indicators with a target (text included)"))
    binding = table.get("binding", MISSING)
    want_b = {"lagging": ["energy", "air"], "held": ["grain"], "achieved_early": ["water"]}
    if not isinstance(binding, dict):
        ctx.fail("plan.table.binding", "missing or not an object: %r" % (binding,))
    else:
        for c, ids in want_b.items():
            ctx.eq("plan.table.binding.%s (hand, plan order)" % c, binding.get(c, MISSING), ids)
        for c, ids in binding.items():
            if c not in want_b:
                ctx.eq("plan.table.binding.%s" % c, ids,
                       Amb([], "binding categories without a binding indicator: [] or absent"))


# --- 16. Monte Carlo against closed forms ------------------------------------------

MC_ARGS = ["--draws", str(MC_DRAWS), "--seed", str(MC_SEED)]


def mc_draws(ctx):
    return DRY_MC_DRAWS if ctx.dry else MC_DRAWS


@case
def case_mc_level(ctx):
    """P(target) with one projected year (2024) of a growth driver g = 5 %
    and sd 3 % from v_a = 110 (2023), baseline 100 (2020): the statistic of
    every kind is increasing in v_T = 110 (1 + g + e), so P = 1 - Phi(z) with
    z = (x*/110 - 1 - g)/sd for at_least, Phi(z) for at_most, and
    Phi(z_hi) - Phi(z_lo) for about; an observed target year is decided."""
    X = {"value": 116, "change": 16, "change_pct": 16, "growth_pct": 3.8, "multiple": 1.16}
    TAU = {"value": 2, "change": 2, "change_pct": 2, "growth_pct": 0.5, "multiple": 0.02}
    g, sig, va = 0.05, 0.03, 110.0

    def z(kind, x):
        # the level v_T at which the statistic equals x (10.2, level equivalent)
        return (level_equiv(kind, x, 100.0, 2024, 2020) / va - 1 - g) / sig
    inds, assump, sd, want = {}, {}, {}, []
    for kind in KINDS:
        for d in ("at_least", "at_most", "about"):
            iid = "mc_%s_%s" % (kind, d)
            t = {kind: X[kind], "direction": d}
            if d == "at_least":
                P = 1 - phi(z(kind, X[kind]))
            elif d == "at_most":
                P = phi(z(kind, X[kind]))
            else:
                t["tolerance"] = TAU[kind]
                P = phi(z(kind, X[kind] + TAU[kind])) - phi(z(kind, X[kind] - TAU[kind]))
            inds[iid] = {"baseline": 100, "actual": {"2021": 103, "2022": 106, "2023": 110},
                         "target": t}
            assump[iid] = {"growth": g}
            sd[iid] = sig
            want.append((iid, P, "%s %s %g" % (kind, d, X[kind])))
    inds["mc_decided"] = {"baseline": 100, "actual": {"2021": 103, "2022": 106, "2023": 110},
                          "target_year": 2023, "target": {"value": 116}}
    assump["mc_decided"] = {"growth": g}
    sd["mc_decided"] = sig
    plan = mkplan(inds, target=2024, horizon=2024)
    rep, exp = ctx.run("mc-level", plan, [mkscen(assump, sd=sd)], MC_ARGS)
    if rep is None:
        return
    for iid, P, what in want:
        ctx.check_probability(rep, "s", iid, P, mc_draws(ctx), what)
    s = ctx.check_scenario(rep, exp, "mc_decided", fields=("status", "decided", "attained"))
    if s is not None:
        ctx.eq("mc_decided.decided (hand)", s.get("decided", MISSING), True)
        ctx.eq("mc_decided.probability", s.get("probability", MISSING),
               Amb(0.0, "a decided target keeps its probability 0 or 1 in report.json"))


@case
def case_mc_rate(ctx):
    """P(target) on a rate indicator: one projected year with a level driver
    6 and sd 1.5 (r_T = 6 + e) after 6, 7, 5 (2021-2023) from 5 (2020): each
    kind's statistic is increasing in r_T, so P = 1 - Phi((r* - 6)/1.5) with
    r* the rate that makes it equal x (change_pct: 100 ((1 + x/100)/P_a - 1),
    growth_pct: 100 ((1 + x/100)^4/P_a - 1), multiple: 100 (x/P_a - 1)); an
    add driver r_T = 5 + 0.5 + e, sd 1.2."""
    Pa = 1.06 * 1.07 * 1.05
    L, sig = 6.0, 1.5
    X = {"value": 6.5, "change": 1.5, "change_pct": 26.8, "growth_pct": 6.1, "multiple": 1.268}
    TAU = {"value": 1, "change": 1, "change_pct": 1.5, "growth_pct": 0.3, "multiple": 0.015}

    def thr(kind, x):
        return {"value": x, "change": 5 + x, "change_pct": 100 * ((1 + x / 100) / Pa - 1),
                "growth_pct": 100 * ((1 + x / 100) ** 4 / Pa - 1),
                "multiple": 100 * (x / Pa - 1)}[kind]

    def z(kind, x):
        return (thr(kind, x) - L) / sig
    inds, assump, sd, want = {}, {}, {}, []
    for kind in KINDS:
        for d in ("at_least", "at_most", "about"):
            iid = "mr_%s_%s" % (kind, d)
            t = {kind: X[kind], "direction": d}
            if d == "at_least":
                P = 1 - phi(z(kind, X[kind]))
            elif d == "at_most":
                P = phi(z(kind, X[kind]))
            else:
                t["tolerance"] = TAU[kind]
                P = phi(z(kind, X[kind] + TAU[kind])) - phi(z(kind, X[kind] - TAU[kind]))
            inds[iid] = {"measure": "rate", "baseline": 5,
                         "actual": {"2021": 6, "2022": 7, "2023": 5}, "target": t}
            assump[iid] = {"level": L}
            sd[iid] = sig
            want.append((iid, P, "rate %s %s %g" % (kind, d, X[kind])))
    inds["mr_add"] = {"measure": "rate", "baseline": 5, "actual": {"2023": 5},
                      "target": {"value": 6, "direction": "above"}}
    assump["mr_add"] = {"add": 0.5}
    sd["mr_add"] = 1.2
    want.append(("mr_add", 1 - phi((6 - 5.5) / 1.2), "add driver, value above 6"))
    plan = mkplan(inds, target=2024, horizon=2024)
    rep, _exp = ctx.run("mc-rate", plan, [mkscen(assump, sd=sd)], MC_ARGS)
    if rep is None:
        return
    for iid, P, what in want:
        ctx.check_probability(rep, "s", iid, P, mc_draws(ctx), what)


@case
def case_mc_each_year(ctx):
    """P(every year holds) over two projected years (2023, 2024) with
    independent shocks on a level driver: the product of the two years'
    probabilities (a rate ceiling 3 with 2.5 +- 0.6: Phi(0.5/0.6)^2; a floor
    above 6.5 with 6.9 +- 0.25; about 100 +- 5 with 101 +- 4); an each_year
    bound breached in an observed year is decided."""
    plan = mkplan({
        "cpi": {"measure": "rate", "baseline": 2.5, "actual": {"2021": 0.9, "2022": 2.0},
                "target": {"value": 3, "direction": "at_most", "each_year": True}},
        "grain": {"baseline": 6.7, "actual": {"2021": 6.83, "2022": 6.87},
                  "target": {"value": 6.5, "direction": "above", "each_year": True}},
        "band": {"baseline": 100, "actual": {"2021": 99, "2022": 102},
                 "target": {"value": 100, "direction": "about", "tolerance": 5, "each_year": True}},
        "broken": {"measure": "rate", "baseline": 2, "actual": {"2021": 3.5, "2022": 2},
                   "target": {"value": 3, "direction": "at_most", "each_year": True}},
    }, target=2024, horizon=2024)
    scen = mkscen({"cpi": {"level": 2.5}, "grain": {"level": 6.9}, "band": {"level": 101},
                   "broken": {"level": 2}},
                  sd={"cpi": 0.6, "grain": 0.25, "band": 4, "broken": 0.5})
    rep, exp = ctx.run("mc-each-year", plan, [scen], MC_ARGS)
    if rep is None:
        return
    n = mc_draws(ctx)
    ctx.check_probability(rep, "s", "cpi", phi(0.5 / 0.6) ** 2, n, "two years <= 3")
    ctx.check_probability(rep, "s", "grain", (1 - phi((6.5 - 6.9) / 0.25)) ** 2, n,
                          "two years > 6.5")
    ctx.check_probability(rep, "s", "band", (phi(4 / 4) - phi(-6 / 4)) ** 2, n,
                          "two years within 100 +- 5")
    s = ctx.check_scenario(rep, exp, "broken", fields=("status", "decided", "attained"))
    if s is not None:
        ctx.eq("broken.decided (hand: breached in 2021)", s.get("decided", MISSING), True)
        ctx.eq("broken.status (hand)", s.get("status", MISSING), "breached")
        ctx.eq("broken.probability", s.get("probability", MISSING),
               Amb(0.0, "a decided target keeps its probability 0 or 1 in report.json"))


@case
def case_mc_relative(ctx):
    """P(target) of relative_to targets: with add (level) drivers and one
    projected year, D(T) is the difference of two independent normals:
    (v_T - 100) - (w_T - 50) = 6 + e_v - e_w with sds 2 and 1.5 (sd 2.5):
    change >= 5: Phi(0.4); about 6 +- 1: Phi(0.4) - Phi(-0.4); value above 57
    (D = 56 + ...): 1 - Phi(0.4); rate value above 0 of income 6 +- 0.8
    against GDP 5.5 +- 0.6: Phi(0.5)."""
    lvl = {"baseline": 100, "actual": {"2023": 110}}
    plan = mkplan({
        "w": {"baseline": 50, "actual": {"2023": 56}},
        "v": dict(lvl, target={"change": 5, "relative_to": "w"}),
        "v2": dict(lvl, target={"change": 6, "relative_to": "w", "direction": "about",
                                "tolerance": 1}),
        "v3": dict(lvl, target={"value": 57, "relative_to": "w", "direction": "above"}),
        "gdpg": {"measure": "rate", "baseline": 5, "actual": {"2023": 5.5}},
        "inc": {"measure": "rate", "baseline": 5, "actual": {"2023": 6},
                "target": {"value": 0, "relative_to": "gdpg", "direction": "above"}},
    }, target=2024, horizon=2024)
    scen = mkscen({"w": {"add": 3}, "v": {"add": 5}, "v2": {"add": 5}, "v3": {"add": 5},
                   "gdpg": {"level": 5.5}, "inc": {"level": 6}},
                  sd={"w": 1.5, "v": 2, "v2": 2, "v3": 2, "gdpg": 0.6, "inc": 0.8})
    rep, _exp = ctx.run("mc-relative", plan, [scen], MC_ARGS)
    if rep is None:
        return
    n = mc_draws(ctx)
    ctx.check_probability(rep, "s", "v", phi(1 / 2.5), n, "D = 6 + N(0, 2.5^2) >= 5")
    ctx.check_probability(rep, "s", "v2", phi(1 / 2.5) - phi(-1 / 2.5), n, "|D - 6| <= 1")
    ctx.check_probability(rep, "s", "v3", 1 - phi(1 / 2.5), n, "56 + N(0, 2.5^2) > 57")
    ctx.check_probability(rep, "s", "inc", phi(0.5 / 1.0), n, "0.5 + N(0, 1) > 0")


# --- main ---------------------------------------------------------------------------

def main(argv):
    args = argv[1:]
    keep = verbose = dry = False
    only = []
    binary = None
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--keep":
            keep = True
        elif a == "--verbose":
            verbose = True
        elif a == "--dry-run":
            dry = True
        elif a == "--only" and i + 1 < len(args):
            i += 1
            only.append(args[i])
        elif binary is None and not a.startswith("--"):
            binary = os.path.abspath(a)
        else:
            print(__doc__.split("\n\n")[1], file=sys.stderr)
            return 2
        i += 1
    if not dry and (binary is None or not os.access(binary, os.X_OK)):
        print("usage: check_table.py TARGETSIM [--keep] [--verbose] [--only NAME]... "
              "| --dry-run", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="targetsim-table.")
    ctx = Ctx(binary, work, verbose, dry)
    ran = 0
    try:
        for fn in CASES:
            name = fn.__name__[len("case_"):]
            if only and not any(o in name for o in only):
                continue
            ran += 1
            begin(ctx, name, fn.__doc__ or "")
            try:
                fn(ctx)
            except Exception as err:  # a report of an unexpected shape
                import traceback
                ctx.fail("exception", "%s: %s\n%s" % (type(err).__name__, err,
                                                       traceback.format_exc(limit=3)))
    finally:
        if keep:
            print("kept " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print("%d cases, %d values compared; %d disagree, %d more disagree on SPEC-AMBIGUOUS readings"
          % (ran, ctx.compared, len(ctx.failures), len(ctx.amb_failures)))
    if ctx.failures or ctx.amb_failures:
        print("failures:")
        for line in ctx.failures + ctx.amb_failures:
            print("  " + line.split("\n")[0])
    if verbose or ctx.amb_failures:
        print("SPEC-AMBIGUOUS readings exercised:")
        for why in sorted(ctx.ambiguous_checked):
            print("  - " + why)
    if dry:
        print("(dry run: the report came from this file's own model; nothing about targetsim "
              "was tested)")
    return 1 if ctx.failures or ctx.amb_failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
