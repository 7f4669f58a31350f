/* track.h - hindsight on a run whose plan period is (partly) observed: the
 * growth now needed to reach each target by a later year (--by), a backtest
 * of every scenario against the observed years (--backtest), and every
 * scenario against a reference one (--compare). Each call attaches its
 * result to the run, which owns it from then on (ts_run_free frees it); the
 * reports show what is attached. docs/methodology.md has the formulas. */
#ifndef TARGETSIM_TRACK_H
#define TARGETSIM_TRACK_H

#include "targetsim/backtest.h"
#include "targetsim/compare.h"
#include "targetsim/run.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sets run->by_year and, in every assessment with a target (revisions
 * included), needed_growth_by = (x* / v_a)^(1/(by_year - a)) - 1, NaN when
 * by_year <= a or x* / v_a <= 0. TS_EUSAGE when by_year is not after the
 * latest as-of year of the run (err says which). */
ts_status ts_run_set_by_year(ts_run *run, int by_year, ts_error *err);

/* Projects every scenario of the run again from the plan's base year,
 * ignoring all observations after it, with the run's horizon, and compares
 * those paths with the years the run observed. Sets run->backtest (replacing
 * an earlier one). Fails as ts_project_run does (TS_EINPUT: a scenario has no
 * value for a year it now has to project), TS_ENOMEM. */
ts_status ts_run_backtest(ts_run *run, ts_error *err);

/* Compares every other scenario of the run with the scenario whose id is
 * `scenario_id`. Sets run->comparison (replacing an earlier one).
 * TS_EUSAGE when no scenario of the run has that id; TS_ENOMEM. */
ts_status ts_run_compare(ts_run *run, const char *scenario_id, ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
