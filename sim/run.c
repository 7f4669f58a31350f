/* run.c - a plan under several scenarios: project and assess each. */
#include <stdlib.h>

#include "targetsim/run.h"
#include "targetsim/track.h"

void ts_run_free(ts_run *run)
{
    if (!run)
        return;
    for (size_t i = 0; i < run->n_results; i++) {
        ts_projection_free(run->results[i].projection);
        free(run->results[i].assessments);
        ts_assess_revisions_free(run->plan, run->results[i].revisions);
    }
    free(run->results);
    ts_backtest_free(run->backtest);
    ts_comparison_free(run->comparison);
    free(run);
}

ts_status ts_run_create(const ts_plan *plan, const ts_scenario *const *scenarios, size_t n,
                        const ts_project_options *options, ts_run **out, ts_error *err)
{
    *out = NULL;
    ts_status st = TS_OK;
    ts_run *run = calloc(1, sizeof *run);
    if (!run || !(run->results = calloc(n ? n : 1, sizeof *run->results))) {
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    run->plan = plan;
    run->as_of = options ? options->as_of : TS_AS_OF_LATEST;
    for (size_t s = 0; s < n; s++) {
        ts_scenario_result *r = &run->results[s];
        run->n_results++;
        r->scenario = scenarios[s];
        if ((st = ts_project_run(plan, scenarios[s], options, &r->projection, err)) != TS_OK)
            goto out;
        r->assessments = calloc(plan->n_indicators, sizeof *r->assessments);
        if (!r->assessments) {
            st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
            goto out;
        }
        for (size_t i = 0; i < plan->n_indicators; i++)
            ts_assess_indicator(plan, r->projection, i, &r->assessments[i]);
        if ((st = ts_assess_revisions(plan, r->projection, &r->revisions, err)) != TS_OK)
            goto out;
        run->horizon = r->projection->horizon;
    }
    if (n == 0)
        run->horizon = options && options->horizon ? options->horizon : plan->horizon;
    *out = run;
    run = NULL;
out:
    ts_run_free(run);
    return st;
}
