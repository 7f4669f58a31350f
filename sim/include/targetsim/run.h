/* run.h - one run: a plan under several scenarios, projected and assessed.
 * This is what the reports are written from. */
#ifndef TARGETSIM_RUN_H
#define TARGETSIM_RUN_H

#include <stddef.h>

#include "targetsim/assess.h"
#include "targetsim/plan.h"
#include "targetsim/project.h"
#include "targetsim/scenario.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ts_scenario_result {
    const ts_scenario *scenario;  /* borrowed */
    ts_projection *projection;    /* owned */
    ts_assessment *assessments;   /* owned, one per plan indicator */
    ts_assessment **revisions;    /* owned, one per plan indicator: NULL, or one assessment
                                   * per revised target (see ts_assess_revisions) */
} ts_scenario_result;

/* Optional analyses of a run, attached by the calls in targetsim/track.h. */
struct ts_backtest;
struct ts_comparison;

typedef struct ts_run {
    const ts_plan *plan;          /* borrowed: must outlive the run */
    int horizon;
    int as_of;                    /* the --as-of limit, TS_AS_OF_LATEST for none */
    size_t n_results;
    ts_scenario_result *results;  /* owned */
    int by_year;                  /* --by: needed_growth_by is computed for it; 0: none */
    struct ts_backtest *backtest;     /* owned; NULL unless ts_run_backtest was called */
    struct ts_comparison *comparison; /* owned; NULL unless ts_run_compare was called */
} ts_run;

/* Projects and assesses `plan` under each of the `n` scenarios (an array of
 * n pointers; n may be 0), each loaded against this plan. `options` may be
 * NULL: every observation, the plan's horizon. The plan and the scenarios
 * are borrowed and must outlive the run. On success *out owns a new run
 * (free with ts_run_free); results[s] belongs to scenarios[s], and
 * results[s].assessments[i] to plan->indicators[i]. On failure *out is NULL.
 * Fails as ts_project_run does. */
ts_status ts_run_create(const ts_plan *plan, const ts_scenario *const *scenarios, size_t n,
                        const ts_project_options *options, ts_run **out, ts_error *err);

/* NULL is a no-op. */
void ts_run_free(ts_run *run);

#ifdef __cplusplus
}
#endif
#endif
