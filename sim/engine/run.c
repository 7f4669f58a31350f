/* run.c - a plan under several scenarios: project and assess each, solve
 * the drivers' required growth, the tornado; then, on request, the Monte
 * Carlo draws and a sweep. */
#include <stdlib.h>

#include "analysis/attached.h"
#include "projector.h"
#include "revision.h"
#include "targetsim/run.h"

static void result_free(const ts_plan *plan, ts_scenario_result *r)
{
    ts_projector_free(r->projector);
    ts_projection_free(r->projection);
    free(r->assessments);
    ts_assess_revisions_free(plan, r->revisions);
    if (r->required)
        for (size_t i = 0; i < plan->n_indicators; i++)
            ts_required_list_free(r->required[i]);
    free(r->required);
    ts_tornado_free(r->tornado);
    ts_mc_result_free(r->mc);
}

int ts_run_indicator_as_of(const ts_run *run, size_t index)
{
    int latest = run->plan->base_year;
    for (size_t s = 0; s < run->n_results; s++)
        if (run->results[s].projection->paths[index].as_of > latest)
            latest = run->results[s].projection->paths[index].as_of;
    return latest;
}

int ts_run_latest_as_of(const ts_run *run)
{
    int latest = run->plan->base_year;
    for (size_t i = 0; i < run->plan->n_indicators; i++) {
        int as_of = ts_run_indicator_as_of(run, i);
        if (as_of > latest)
            latest = as_of;
    }
    return latest;
}

void ts_run_free(ts_run *run)
{
    if (!run)
        return;
    for (size_t i = 0; i < run->n_results; i++)
        result_free(run->plan, &run->results[i]);
    free(run->results);
    ts_table_free(run->table);
    ts_sweep_result_free(run->sweep);
    ts_backtest_free(run->backtest);
    ts_comparison_free(run->comparison);
    free(run);
}

static ts_status solve_all(const ts_plan *plan, ts_scenario_result *r, ts_error *err)
{
    r->required = calloc(plan->n_indicators, sizeof *r->required);
    if (!r->required)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    for (size_t i = 0; i < plan->n_indicators; i++) {
        ts_status st = ts_required_list_create(r->projector, i, &r->required[i], err);
        if (st != TS_OK)
            return st;
    }
    return TS_OK;
}

static ts_status analyse(const ts_plan *plan, const ts_scenario *sc,
                         const ts_project_options *options, ts_scenario_result *r,
                         ts_error *err)
{
    ts_status st;
    r->scenario = sc;
    if ((st = ts_projector_create(plan, sc, options, &r->projector, err)) != TS_OK ||
        (st = ts_projector_project(r->projector, &r->projection, err)) != TS_OK)
        return st;
    r->assessments = calloc(plan->n_indicators, sizeof *r->assessments);
    if (!r->assessments)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    for (size_t i = 0; i < plan->n_indicators; i++)
        ts_assess_indicator(plan, r->projection, i, &r->assessments[i]);
    if ((st = ts_assess_revisions(plan, r->projection, &r->revisions, err)) != TS_OK ||
        (st = solve_all(plan, r, err)) != TS_OK)
        return st;
    return ts_tornado_create(r->projector, &r->tornado, err);
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
        run->n_results++;
        if ((st = analyse(plan, scenarios[s], options, &run->results[s], err)) != TS_OK)
            goto out;
        run->horizon = run->results[s].projection->horizon;
    }
    if (n == 0)
        run->horizon = options && options->horizon ? options->horizon : plan->horizon;
    if ((st = ts_table_create(plan, run->as_of, run->horizon, NULL, &run->table, err)) != TS_OK)
        goto out;
    *out = run;
    run = NULL;
out:
    ts_run_free(run);
    return st;
}

/* One progress count over all scenarios. */
typedef struct run_progress {
    const ts_mc_options *outer;
    uint64_t offset, total;
} run_progress;

static void scenario_progress(void *user, uint64_t done, uint64_t total)
{
    (void)total;
    const run_progress *rp = user;
    rp->outer->progress(rp->outer->progress_user, rp->offset + done, rp->total);
}

ts_status ts_run_simulate(ts_run *run, const ts_mc_options *opt, ts_error *err)
{
    ts_mc_result **results = calloc(run->n_results ? run->n_results : 1, sizeof *results);
    if (!results)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    ts_status st = TS_OK;
    for (size_t s = 0; s < run->n_results && st == TS_OK; s++) {
        ts_mc_options o = *opt;
        run_progress rp = {opt, (uint64_t)s * opt->draws, (uint64_t)run->n_results * opt->draws};
        if (opt->progress) {
            o.progress = scenario_progress;
            o.progress_user = &rp;
        }
        st = ts_mc_result_create(run->results[s].projector, &o, &results[s], err);
    }
    for (size_t s = 0; s < run->n_results; s++) {
        if (st == TS_OK) {
            ts_mc_result_free(run->results[s].mc);
            run->results[s].mc = results[s];
        } else {
            ts_mc_result_free(results[s]);
        }
    }
    free(results);
    if (st == TS_OK) {
        run->mc_draws = opt->draws;
        run->mc_seed = opt->seed;
    }
    return st;
}

ts_status ts_run_sweep(ts_run *run, const ts_sweep_axis *axes, size_t n_axes,
                       const ts_mc_options *mc, ts_error *err)
{
    if (run->n_results == 0)
        return ts_error_set(err, TS_EUSAGE, NULL, NULL, "the run has no scenario to sweep");
    ts_sweep_result *r = NULL;
    ts_status st = ts_sweep_result_create(run->results[0].projector, axes, n_axes, mc, &r, err);
    if (st != TS_OK)
        return st;
    ts_sweep_result_free(run->sweep);
    run->sweep = r;
    run->sweep_scenario = run->results[0].scenario;
    return TS_OK;
}

ts_status ts_run_set_evaluation(ts_run *run, const ts_evaluation *evaluation, ts_error *err)
{
    ts_table *table = NULL;
    ts_status st = ts_table_create(run->plan, run->as_of, run->horizon, evaluation, &table, err);
    if (st != TS_OK)
        return st;
    ts_table_free(run->table);
    run->table = table;
    return TS_OK;
}
