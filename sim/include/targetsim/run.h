/* run.h - one run: a plan under several scenarios, projected and assessed.
 * This is what the reports are written from. */
#ifndef TARGETSIM_RUN_H
#define TARGETSIM_RUN_H

#include <stddef.h>

#include "targetsim/assess.h"
#include "targetsim/export.h"
#include "targetsim/mc.h"
#include "targetsim/plan.h"
#include "targetsim/record.h"
#include "targetsim/project.h"
#include "targetsim/projector.h"
#include "targetsim/scenario.h"
#include "targetsim/solve.h"
#include "targetsim/status.h"
#include "targetsim/sweep.h"
#include "targetsim/tornado.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ts_scenario_result {
    const ts_scenario *scenario;  /* borrowed */
    ts_projector *projector;      /* owned: the prepared projection */
    ts_projection *projection;    /* owned */
    ts_assessment *assessments;   /* owned, one per plan indicator */
    ts_assessment **revisions;    /* owned, one per plan indicator: NULL, or one assessment
                                   * per revised target in file order (ts_assess_target) */
    ts_required_list **required;  /* owned, one per plan indicator */
    ts_tornado *tornado;          /* owned */
    ts_mc_result *mc;             /* owned; NULL until ts_run_simulate */
} ts_scenario_result;

/* Optional analyses of a run, attached by ts_run_backtest (backtest.h) and
 * ts_run_compare (compare.h). */
struct ts_backtest;
struct ts_comparison;

typedef struct ts_run {
    const ts_plan *plan;          /* borrowed: must outlive the run */
    ts_table *table;              /* owned: the observed record of every target (record.h) */
    int horizon;
    int as_of;                    /* options->as_of (--as-of), TS_AS_OF_LATEST for none */
    size_t n_results;
    ts_scenario_result *results;  /* owned */
    size_t mc_draws;              /* 0 until ts_run_simulate */
    uint64_t mc_seed;
    ts_sweep_result *sweep;       /* owned; NULL until ts_run_sweep */
    const ts_scenario *sweep_scenario; /* borrowed: the scenario swept */
    int by_year;                  /* ts_run_set_by_year's year (--by); 0: none */
    struct ts_backtest *backtest;     /* owned; NULL unless ts_run_backtest was called */
    struct ts_comparison *comparison; /* owned; NULL unless ts_run_compare was called */
} ts_run;

/* Projects and assesses `plan` under each of the `n` scenarios (an array of
 * n pointers; n may be 0), with the required driver growth of every target
 * and the tornado of every scenario, each loaded against this plan. `options` may be
 * NULL: every observation, the plan's horizon. The plan and the scenarios
 * are borrowed and must outlive the run. On success *out owns a new run
 * (free with ts_run_free); results[s] belongs to scenarios[s], and
 * results[s].assessments[i] to plan->indicators[i]. On failure *out is NULL.
 * Fails as ts_projection_create does. */
TS_API ts_status ts_run_create(const ts_plan *plan, const ts_scenario *const *scenarios, size_t n,
                               const ts_project_options *options, ts_run **out, ts_error *err);

/* Adds Monte Carlo results to every scenario of `run` (opt->draws draws
 * each; the progress callback sees the draws of all scenarios as one
 * count). Fails as ts_mc_result_create does; the run keeps what it had. */
TS_API ts_status ts_run_simulate(ts_run *run, const ts_mc_options *opt, ts_error *err);

/* Sweeps the run's first scenario over the axes' grid
 * (ts_sweep_result_create), with draws when `mc` is not NULL, and attaches
 * the result (run->sweep, replacing an earlier one). Fails as
 * ts_sweep_result_create does, or with TS_EUSAGE when the run has no
 * scenario. */
TS_API ts_status ts_run_sweep(ts_run *run, const ts_sweep_axis *axes, size_t n_axes,
                              const ts_mc_options *mc, ts_error *err);

/* Judges the observed record again by `evaluation` (the rule and the pace
 * band; --rule and --band), replacing run->table. Fails as ts_table_create
 * does; the run keeps its table then. */
TS_API ts_status ts_run_set_evaluation(ts_run *run, const ts_evaluation *evaluation,
                                       ts_error *err);

/* NULL is a no-op. */
TS_API void ts_run_free(ts_run *run);

/* The latest as-of year of any indicator in any scenario (report.json's
 * plan.as_of); the base year for an empty run. */
TS_API int ts_run_latest_as_of(const ts_run *run);

/* The latest as-of year of indicator `index` (< plan->n_indicators) in any
 * scenario of `run`; the base year for an empty run. */
TS_API int ts_run_indicator_as_of(const ts_run *run, size_t index);

#ifdef __cplusplus
}
#endif
#endif
