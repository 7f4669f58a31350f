/* tornado.c - one driver at a time moved by one sd down and up in every
 * projected year: the spread of each target's statistic in its target year
 * (the value for a level target, engine/goal.h for the other kinds). */
#include <math.h>
#include <stdlib.h>

#include "engine/goal.h"
#include "engine/projector.h"
#include "targetsim/tornado.h"

void ts_tornado_free(ts_tornado *t)
{
    if (!t)
        return;
    free(t->bars);
    free(t);
}

static void mark_inputs(const ts_plan *plan, size_t i, bool *used)
{
    if (used[i])
        return;
    used[i] = true;
    const ts_indicator *ind = &plan->indicators[i];
    if (ind->is_derived)
        for (size_t f = 0; f < ind->derived.n; f++)
            mark_inputs(plan, ind->derived.inputs[f], used);
}

/* The move: the sd, else a percentage point of growth or 1 % of the level. */
static double shift_of(const ts_projector *p, size_t i, bool *from_sd)
{
    const ts_assumption *as = &p->scenario->assumptions[i];
    *from_sd = as->sd > 0;
    if (*from_sd)
        return as->sd;
    if (as->model->takes_rates)
        return 0.01;
    return 0.01 * fabs(p->pre[i]); /* the value the driver continues from */
}

/* The target's deciding statistic with driver i moved by `by`. */
static double moved(const ts_projector *p, const ts_goal *g, size_t i, double by, double *values,
                    double *shocks)
{
    size_t row = i * p->n_years;
    for (size_t k = p->first[i]; k < p->n_years; k++)
        shocks[row + k] = by;
    ts_status st = ts_projector_run(p, NULL, 0, shocks, values, NULL, NULL);
    for (size_t k = p->first[i]; k < p->n_years; k++)
        shocks[row + k] = 0.0;
    if (st != TS_OK)
        return NAN;
    double stats[TS_MAX_YEAR_SPAN + 1];
    const double *other = g->relative ? values + g->other.index * p->n_years : NULL;
    ts_goal_statistics(g, values + g->own.index * p->n_years, other, p->n_years, stats);
    return ts_goal_decisive(g, stats);
}

static int by_swing(const void *a, const void *b)
{
    const ts_tornado_bar *x = a, *y = b;
    if (x->target != y->target)
        return x->target < y->target ? -1 : 1;
    double sx = fabs(x->high - x->low), sy = fabs(y->high - y->low);
    sx = isnan(sx) ? -1 : sx;
    sy = isnan(sy) ? -1 : sy;
    if (sx != sy)
        return sx > sy ? -1 : 1;
    return x->assumption < y->assumption ? -1 : x->assumption > y->assumption;
}

static void add_bars(const ts_projector *p, size_t t, ts_tornado *out, double *values,
                     double *shocks)
{
    bool used[TS_MAX_INDICATORS] = {false};
    const ts_target *tg = &p->plan->indicators[t].target;
    mark_inputs(p->plan, t, used);
    if (tg->relative_to >= 0)
        mark_inputs(p->plan, (size_t)tg->relative_to, used);
    ts_goal g;
    ts_goal_init(&g, p->plan, t, tg);
    double base = moved(p, &g, t, 0.0, values, shocks);
    for (size_t i = 0; i < p->n_ind; i++) {
        if (!used[i] || p->plan->indicators[i].is_derived || !p->scenario->assumptions[i].model)
            continue;
        ts_tornado_bar *bar = &out->bars[out->n++];
        bar->target = t;
        bar->assumption = i;
        bar->shift = shift_of(p, i, &bar->from_sd);
        bar->base = base;
        bar->low = moved(p, &g, i, -bar->shift, values, shocks);
        bar->high = moved(p, &g, i, bar->shift, values, shocks);
    }
}

ts_status ts_tornado_create(const ts_projector *p, ts_tornado **out, ts_error *err)
{
    *out = NULL;
    size_t cells = p->n_ind * p->n_years;
    ts_tornado *t = calloc(1, sizeof *t);
    double *values = malloc(cells * sizeof *values);
    double *shocks = calloc(cells, sizeof *shocks);
    ts_status st = TS_OK;
    if (!t || !(t->bars = calloc(p->n_ind * p->n_ind + 1, sizeof *t->bars)) || !values ||
        !shocks) {
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        ts_tornado_free(t);
        goto out;
    }
    ts_projector_init_values(p, values);
    for (size_t i = 0; i < p->n_ind; i++)
        if (ts_target_scored(&p->plan->indicators[i].target))
            add_bars(p, i, t, values, shocks);
    qsort(t->bars, t->n, sizeof *t->bars, by_swing);
    *out = t;
out:
    free(values);
    free(shocks);
    return st;
}
