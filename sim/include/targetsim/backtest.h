/* backtest.h - how far off were the scenarios? Each scenario is projected
 * again from the base year, ignoring every observation after it (as with
 * --as-of BASE), and compared with each year the run observed
 * (docs/methodology.md, "Backtest"). Undefined numbers are NaN.
 *
 * Memory: a ts_backtest owns everything reachable from it; it is made by
 * ts_run_backtest, which attaches it to the run, and freed with the run. */
#ifndef TARGETSIM_BACKTEST_H
#define TARGETSIM_BACKTEST_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/project.h"
#include "targetsim/run.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One observed year of one scenario x indicator. */
typedef struct ts_backtest_point {
    int year;
    double observed;       /* the run's observed value (kind "observed") */
    double projected;      /* the value projected from the base year */
    double error;          /* projected - observed */
    double relative_error; /* error / observed; NaN when observed = 0 */
} ts_backtest_point;

/* One scenario x indicator. */
typedef struct ts_backtest_cell {
    size_t n;                  /* observed years after the base year (0: not compared) */
    ts_backtest_point *points; /* ascending years */
    double mape;               /* mean |relative_error| over the defined ones; NaN if none */
    bool in_sample;            /* the driver is a fit whose window ends after the base year,
                                * so the projection has seen some of the compared years */
    bool closest;              /* its MAPE is the lowest of the indicator's (ties: all) */
} ts_backtest_cell;

typedef struct ts_backtest {
    int from_year;             /* the base year: every projection starts there */
    size_t n_scenarios;        /* = run->n_results, same order */
    size_t n_indicators;       /* = plan->n_indicators, same order */
    ts_projection **projections; /* one per scenario, projected from the base year */
    ts_backtest_cell *cells;   /* cells[s * n_indicators + i] */
} ts_backtest;

/* Projects every scenario of the run again from the plan's base year,
 * ignoring all observations after it, with the run's horizon, and compares
 * those paths with the years the run observed. Sets run->backtest (replacing
 * an earlier one). Fails as ts_projection_create does (TS_EINPUT: a scenario has no
 * value for a year it now has to project), TS_ENOMEM. */
TS_API ts_status ts_run_backtest(ts_run *run, ts_error *err);

/* The cell of scenario `s` and indicator `i`. */
TS_API const ts_backtest_cell *ts_backtest_cell_at(const ts_backtest *bt, size_t s, size_t i);

#ifdef __cplusplus
}
#endif
#endif
