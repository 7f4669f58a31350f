/* sweep.c - a scenario over a grid of one or two drivers held at constant
 * values: the value of every target in its target year and, with draws,
 * the probability of attaining it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/goal.h"
#include "engine/projector.h"
#include "mc/mc_run.h"
#include "targetsim/sweep.h"

void ts_sweep_result_free(ts_sweep_result *r)
{
    if (!r)
        return;
    free(r->x);
    free(r->targets);
    free(r->cells);
    free(r);
}

/* The axis as the engine needs it: a terminated label and indicator id (the
 * id is looked up in resolve_axes), a model, and n grid points lo + k step,
 * the last not beyond hi. The error names the field: "axes[1].step". */
static ts_status check_axis(const ts_sweep_axis *ax, size_t a, ts_error *err)
{
    const char *field = NULL;
    char why[160];
    if (!memchr(ax->label, '\0', sizeof ax->label) ||
        !memchr(ax->indicator, '\0', sizeof ax->indicator)) {
        field = memchr(ax->label, '\0', sizeof ax->label) ? "indicator" : "label";
        snprintf(why, sizeof why, "is not a terminated string");
    } else if (!ax->model) {
        field = "model";
        snprintf(why, sizeof why, "no model given");
    } else if (!isfinite(ax->lo) || !isfinite(ax->hi)) {
        field = isfinite(ax->lo) ? "hi" : "lo";
        snprintf(why, sizeof why, "expected a finite number");
    } else if (!(ax->step > 0) || !isfinite(ax->step)) {
        field = "step";
        snprintf(why, sizeof why, "expected a finite step > 0, got %g", ax->step);
    } else if (ax->hi < ax->lo) {
        field = "hi";
        snprintf(why, sizeof why, "%g is below lo %g", ax->hi, ax->lo);
    } else if (ax->model->driver_min > -HUGE_VAL && !(ax->lo > ax->model->driver_min)) {
        field = "lo";
        snprintf(why, sizeof why, "expected %s > %g, got %g", ax->model->name,
                 ax->model->driver_min, ax->lo);
    } else if (ax->n < 1 || ax->n > TS_SWEEP_MAX_POINTS) {
        field = "n";
        snprintf(why, sizeof why, "expected 1 to %d grid points, got %zu", TS_SWEEP_MAX_POINTS,
                 ax->n);
    } else if ((double)(ax->n - 1) > (ax->hi - ax->lo) / ax->step + 1e-9) {
        /* The tolerance keeps hi itself when (hi - lo) / step is whole up to
         * rounding (0.04 to 0.12 by 0.01 is 9 points). */
        field = "n";
        snprintf(why, sizeof why, "%zu points from %g by %g go beyond hi %g", ax->n, ax->lo,
                 ax->step, ax->hi);
    }
    if (!field)
        return TS_OK;
    char path[64]; /* "axes[" + 20 digits + "]." + the longest field name */
    snprintf(path, sizeof path, "axes[%zu].%s", a, field);
    return ts_error_set(err, TS_EUSAGE, NULL, path, "%s", why);
}

static ts_status resolve_axes(const ts_projector *p, ts_sweep_result *r, ts_error *err)
{
    for (size_t a = 0; a < r->n_axes; a++) {
        char path[64];
        snprintf(path, sizeof path, "axes[%zu].indicator", a);
        long i = ts_plan_find(p->plan, r->axes[a].indicator);
        if (i < 0 || p->plan->indicators[i].is_derived)
            return ts_error_set(err, TS_EUSAGE, NULL, path,
                                i < 0 ? "the plan has no indicator \"%s\""
                                      : "\"%s\" is derived; sweep its inputs",
                                r->axes[a].indicator);
        r->axis_index[a] = (size_t)i;
        if (a > 0 && r->axis_index[0] == (size_t)i)
            return ts_error_set(err, TS_EUSAGE, NULL, path, "\"%s\" is swept twice",
                                r->axes[a].indicator);
    }
    return TS_OK;
}

static ts_status grid(const ts_projector *p, ts_sweep_result *r, ts_error *err)
{
    r->n_points = 1;
    for (size_t a = 0; a < r->n_axes; a++)
        r->n_points *= r->axes[a].n;
    double work = (double)r->n_points * (double)(r->has_draws ? r->draws : 1);
    if (work > TS_SWEEP_MAX_WORK)
        return ts_error_set(err, TS_EUSAGE, NULL, "axes",
                            "%zu points x %zu draws is more than %.0e projections; "
                            "use fewer points or fewer draws",
                            r->n_points, r->has_draws ? r->draws : 1, TS_SWEEP_MAX_WORK);
    for (size_t i = 0; i < p->n_ind; i++)
        r->n_targets += ts_target_scored(&p->plan->indicators[i].target);
    r->x = malloc(r->n_points * r->n_axes * sizeof *r->x);
    r->targets = malloc((r->n_targets ? r->n_targets : 1) * sizeof *r->targets);
    r->cells = calloc(r->n_points * (r->n_targets ? r->n_targets : 1), sizeof *r->cells);
    if (!r->x || !r->targets || !r->cells)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    for (size_t i = 0, t = 0; i < p->n_ind; i++)
        if (ts_target_scored(&p->plan->indicators[i].target))
            r->targets[t++] = i;
    for (size_t pt = 0; pt < r->n_points; pt++) {
        size_t rest = pt;
        for (size_t a = r->n_axes; a-- > 0;) {
            r->x[pt * r->n_axes + a] = r->axes[a].lo + (double)(rest % r->axes[a].n) * r->axes[a].step;
            rest /= r->axes[a].n;
        }
    }
    return TS_OK;
}

/* The target's statistics on `values` (engine/goal.h), the attainment year
 * and the deciding statistic, as the assessment computes them. */
static void judge(const ts_projector *p, size_t i, const double *values, ts_sweep_cell *c)
{
    ts_goal g;
    ts_goal_init(&g, p->plan, i, &p->plan->indicators[i].target);
    double stats[TS_MAX_YEAR_SPAN + 1];
    const double *other = g.relative ? values + g.other.index * p->n_years : NULL;
    ts_goal_statistics(&g, values + i * p->n_years, other, p->n_years, stats);
    c->value = ts_goal_decisive(&g, stats);
    c->share = ts_goal_completion(&g, c->value);
    c->attained = ts_goal_met(&g, stats);
    c->attainment_year = 0;
    if (g.each_year)
        c->attainment_year = ts_goal_met(&g, stats) ? g.base_year + (int)g.year_k : 0;
    for (size_t k = ts_goal_first_year(&g); !g.each_year && k < p->n_years && !c->attainment_year;
         k++)
        if (ts_goal_meets(&g, stats[k]))
            c->attainment_year = p->base_year + (int)k;
}

static void deterministic(const ts_projector *p, const ts_sweep_result *r,
                          const ts_driver_override *ov, double *values, ts_sweep_cell *cells)
{
    bool ok = ts_projector_run(p, ov, r->n_axes, NULL, values, NULL, NULL) == TS_OK;
    for (size_t t = 0; t < r->n_targets; t++) {
        ts_sweep_cell *c = &cells[t];
        c->value = c->share = NAN;
        c->attainment_year = 0;
        c->attained = false;
        if (ok)
            judge(p, r->targets[t], values, c);
        c->probability = c->low = c->high = c->by_horizon = NAN;
    }
}

/* Progress over the whole grid from the per-point Monte Carlo reports. */
typedef struct grid_progress {
    const ts_mc_options *outer;
    uint64_t offset, total;
} grid_progress;

static void point_progress(void *user, uint64_t done, uint64_t total)
{
    (void)total;
    const grid_progress *g = user;
    g->outer->progress(g->outer->progress_user, g->offset + done, g->total);
}

static ts_status simulate(const ts_projector *p, const ts_sweep_result *r, size_t pt,
                          const ts_driver_override *ov, const ts_mc_options *mc,
                          ts_sweep_cell *cells, ts_error *err)
{
    ts_mc_options opt = *mc;
    opt.percentiles = opt.keep_draws = false;
    grid_progress g = {mc, (uint64_t)pt * mc->draws, (uint64_t)r->n_points * mc->draws};
    if (mc->progress) {
        opt.progress = point_progress;
        opt.progress_user = &g;
    }
    ts_mc_result *res = NULL;
    ts_status st = ts_mc_run(p, ov, r->n_axes, &opt, &res, err);
    if (st == TS_EINPUT)
        return TS_OK; /* this point leaves the domain in some draw: left NaN */
    if (st != TS_OK)
        return st;
    for (size_t t = 0; t < r->n_targets; t++) {
        const ts_mc_target *m = &res->targets[r->targets[t]];
        if (!m->by_year)
            continue; /* not drawn (a target with no figure and no driver): left NaN */
        cells[t].probability = m->probability;
        cells[t].low = m->low;
        cells[t].high = m->high;
        cells[t].by_horizon = m->by_year[p->n_years - 1];
    }
    ts_mc_result_free(res);
    return TS_OK;
}

static ts_status evaluate(const ts_projector *p, ts_sweep_result *r, const ts_mc_options *mc,
                          ts_error *err)
{
    double *values = malloc(p->n_ind * p->n_years * sizeof *values);
    if (!values)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    ts_projector_init_values(p, values);
    ts_status st = TS_OK;
    for (size_t pt = 0; pt < r->n_points && st == TS_OK; pt++) {
        ts_driver_override ov[TS_SWEEP_MAX_AXES];
        for (size_t a = 0; a < r->n_axes; a++)
            ov[a] = (ts_driver_override){r->axis_index[a], r->axes[a].model,
                                         r->x[pt * r->n_axes + a]};
        ts_sweep_cell *cells = r->cells + pt * r->n_targets;
        deterministic(p, r, ov, values, cells);
        if (mc)
            st = simulate(p, r, pt, ov, mc, cells, err);
    }
    free(values);
    return st;
}

ts_status ts_sweep_result_create(const ts_projector *p, const ts_sweep_axis *axes, size_t n_axes,
                                 const ts_mc_options *mc, ts_sweep_result **out, ts_error *err)
{
    *out = NULL;
    if (n_axes < 1 || n_axes > TS_SWEEP_MAX_AXES)
        return ts_error_set(err, TS_EUSAGE, NULL, "n_axes", "give one or two axes, got %zu",
                            n_axes);
    for (size_t a = 0; a < n_axes; a++) {
        ts_status st = check_axis(&axes[a], a, err);
        if (st != TS_OK)
            return st;
    }
    ts_sweep_result *r = calloc(1, sizeof *r);
    if (!r)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    r->n_axes = n_axes;
    memcpy(r->axes, axes, n_axes * sizeof *axes);
    r->has_draws = mc != NULL;
    r->draws = mc ? mc->draws : 0;
    ts_status st;
    if ((st = resolve_axes(p, r, err)) != TS_OK || (st = grid(p, r, err)) != TS_OK ||
        (st = evaluate(p, r, mc, err)) != TS_OK) {
        ts_sweep_result_free(r);
        return st;
    }
    *out = r;
    return TS_OK;
}
