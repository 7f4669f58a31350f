/* backtest.c - every scenario projected from the base year as if nothing
 * after it had been observed, against the years the run did observe. */
#include <math.h>
#include <stdlib.h>

#include "attached.h"

const ts_backtest_cell *ts_backtest_cell_at(const ts_backtest *bt, size_t s, size_t i)
{
    return &bt->cells[s * bt->n_indicators + i];
}

void ts_backtest_free(ts_backtest *bt)
{
    if (!bt)
        return;
    for (size_t s = 0; bt->projections && s < bt->n_scenarios; s++)
        ts_projection_free(bt->projections[s]);
    for (size_t c = 0; bt->cells && c < bt->n_scenarios * bt->n_indicators; c++)
        free(bt->cells[c].points);
    free(bt->projections);
    free(bt->cells);
    free(bt);
}

/* Did the scenario's driver for indicator i (or, for a derived indicator,
 * for one of its inputs) see observations after the base year? */
static bool in_sample(const ts_plan *plan, const ts_scenario *sc, const ts_backtest *bt,
                      size_t s, size_t i)
{
    const ts_indicator *ind = &plan->indicators[i];
    if (!ind->is_derived) {
        const ts_fit *fit = &sc->assumptions[i].fit;
        return fit->present && fit->last_year > plan->base_year;
    }
    for (size_t f = 0; f < ind->derived.n; f++)
        if (ts_backtest_cell_at(bt, s, ind->derived.inputs[f])->in_sample)
            return true;
    return false;
}

/* The observed years of indicator i in the run (after the base year), each
 * against the backtest path. */
static ts_status fill_cell(const ts_run *run, ts_backtest *bt, size_t s, size_t i, ts_error *err)
{
    const ts_projection *seen = run->results[s].projection;
    const ts_projection *blind = bt->projections[s];
    ts_backtest_cell *cell = &bt->cells[s * bt->n_indicators + i];
    cell->in_sample = in_sample(run->plan, run->results[s].scenario, bt, s, i);
    cell->mape = NAN;
    cell->points = calloc(seen->n_years, sizeof *cell->points);
    if (!cell->points)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    double sum = 0.0;
    size_t defined = 0;
    for (size_t k = 1; k < seen->n_years; k++) {
        if (seen->paths[i].kinds[k] != TS_OBSERVED)
            continue;
        ts_backtest_point *p = &cell->points[cell->n++];
        p->year = seen->base_year + (int)k;
        p->observed = seen->paths[i].values[k];
        p->projected = blind->paths[i].values[k];
        p->error = p->projected - p->observed;
        p->relative_error = p->observed != 0 ? p->error / p->observed : NAN;
        if (isfinite(p->relative_error)) {
            sum += fabs(p->relative_error);
            defined++;
        }
    }
    if (defined)
        cell->mape = sum / (double)defined;
    return TS_OK;
}

/* Marks the scenarios with the lowest MAPE for indicator i (all of them on
 * a tie: identical paths give identical errors). */
static void mark_closest(ts_backtest *bt, size_t i)
{
    double best = INFINITY;
    for (size_t s = 0; s < bt->n_scenarios; s++) {
        double m = ts_backtest_cell_at(bt, s, i)->mape;
        if (isfinite(m) && m < best)
            best = m;
    }
    for (size_t s = 0; s < bt->n_scenarios; s++)
        bt->cells[s * bt->n_indicators + i].closest = ts_backtest_cell_at(bt, s, i)->mape == best;
}

static ts_status backtest_scenario(const ts_run *run, ts_backtest *bt, size_t s, ts_error *err)
{
    const ts_plan *plan = run->plan;
    ts_project_options opt = {run->horizon, plan->base_year};
    ts_status st =
        ts_projection_create(plan, run->results[s].scenario, &opt, &bt->projections[s], err);
    /* Evaluation order: a derived indicator's inputs are filled first. */
    for (size_t k = 0; st == TS_OK && k < plan->n_indicators; k++)
        st = fill_cell(run, bt, s, plan->order[k], err);
    return st;
}

ts_status ts_run_backtest(ts_run *run, ts_error *err)
{
    const ts_plan *plan = run->plan;
    size_t n_s = run->n_results, n_i = plan->n_indicators;
    ts_status st = TS_OK;
    ts_backtest *bt = calloc(1, sizeof *bt);
    if (!bt || !(bt->projections = calloc(n_s ? n_s : 1, sizeof *bt->projections)) ||
        !(bt->cells = calloc(n_s * n_i + 1, sizeof *bt->cells))) {
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    bt->from_year = plan->base_year;
    bt->n_scenarios = n_s;
    bt->n_indicators = n_i;
    for (size_t s = 0; s < n_s; s++)
        if ((st = backtest_scenario(run, bt, s, err)) != TS_OK)
            goto out;
    for (size_t i = 0; i < n_i; i++)
        mark_closest(bt, i);
    ts_backtest_free(run->backtest);
    run->backtest = bt;
    bt = NULL;
out:
    ts_backtest_free(bt);
    return st;
}
