/* project.c - the yearly model loop. One code path serves the deterministic
 * projection (no change to the drivers), every Monte Carlo draw (a shock on
 * each driver in each year), the solver and the sweeps (a driver replaced by
 * a constant). The observed part comes ready from the projector. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "projector.h"

const char *ts_point_kind_name(ts_point_kind kind)
{
    switch (kind) {
    case TS_OBSERVED: return "observed";
    case TS_INTERPOLATED: return "interpolated";
    case TS_PROJECTED: return "projected";
    case TS_MISSING: return "missing";
    }
    return "?";
}

void ts_projection_free(ts_projection *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_paths; i++) {
        free(p->paths[i].values);
        free(p->paths[i].kinds);
    }
    free(p->paths);
    free(p);
}

double ts_projection_value(const ts_projection *p, size_t index, int year)
{
    if (index >= p->n_paths || year < p->base_year || year > p->horizon)
        return NAN;
    return p->paths[index].values[year - p->base_year];
}

/* One driven indicator: its model, and where its yearly coefficients come
 * from: the projector's, or, for an overridden driver, computed from the
 * constant each year (sweeps and the solver, not the draws). */
typedef struct driver_source {
    const ts_model_type *model;
    const ts_model_affine *coef;  /* per year, or NULL: compute from `constant` */
    double constant;
    const double *shock;
    const double *deflator;
    const double *perturbation;   /* per year, or NULL */
} driver_source;

static void find_source(const ts_projector *p, size_t i, const ts_driver_override *ov,
                        size_t n_ov, const double *shocks, driver_source *src)
{
    size_t row = i * p->n_years;
    src->model = p->scenario->assumptions[i].model;
    src->coef = p->coef + row;
    src->constant = 0.0;
    src->shock = p->shock + row;
    src->deflator = p->deflator + row;
    src->perturbation = shocks ? shocks + row : NULL;
    for (size_t o = 0; o < n_ov; o++) {
        if (ov[o].index != i)
            continue;
        src->model = ov[o].model;
        src->coef = NULL;
        src->constant = ov[o].value;
    }
}

static ts_status factor_error(const ts_projector *p, size_t i, size_t k, const driver_source *src,
                              double e, double factor, ts_error *err)
{
    const ts_yearly *d = &p->scenario->assumptions[i].driver;
    double growth = (src->coef ? p->driver[i * p->n_years + k] : src->constant) + e;
    return ts_error_set(err, TS_EINPUT, d->file, d->path,
                        "in %d growth %g with shock %g and deflator %g gives a yearly factor "
                        "%g; it must be positive",
                        p->base_year + (int)k, growth, src->shock[k], src->deflator[k], factor);
}

/* v_t = (a + b e) v_{t-1} + (c + d e), year after year: the same loop for
 * the deterministic path (e = 0) and every draw. */
static ts_status run_driver(const ts_projector *p, size_t i, const driver_source *src,
                            double *values, ts_error *err)
{
    double *row = values + i * p->n_years;
    double previous = p->pre[i];
    const ts_model_type *model = src->model;
    for (size_t k = p->first[i]; k < p->n_years; k++) {
        ts_model_affine c;
        if (src->coef) {
            c = src->coef[k];
        } else {
            ts_model_input in = {src->constant, src->shock[k], src->deflator[k]};
            model->affine(&in, &c);
        }
        double e = src->perturbation ? src->perturbation[k] : 0.0;
        double factor = c.a + e * c.b;
        if (model->takes_rates && !(factor > 0))
            return factor_error(p, i, k, src, e, factor, err);
        double value = factor * previous + (c.c + e * c.d);
        if (!isfinite(value)) {
            const ts_yearly *d = &p->scenario->assumptions[i].driver;
            return ts_error_set(err, TS_EINPUT, d->file, d->path,
                                "the projected value of \"%s\" is not finite in %d",
                                p->plan->indicators[i].id, p->base_year + (int)k);
        }
        row[k] = value;
        previous = value;
    }
    return TS_OK;
}

static ts_status run_derived(const ts_projector *p, size_t i, double *values, ts_error *err)
{
    const ts_indicator *ind = &p->plan->indicators[i];
    const ts_derivation *d = &ind->derived;
    for (size_t k = p->first[i]; k < p->n_years; k++) {
        double in[TS_MAX_FACTORS];
        for (size_t f = 0; f < d->n; f++)
            in[f] = values[d->inputs[f] * p->n_years + k];
        double value = ts_model_derived_value(d->scale, d->n, in, d->powers);
        if (!isfinite(value))
            return ts_derived_error(p->plan, ind, p->base_year + (int)k, p->scenario->id, err);
        values[i * p->n_years + k] = value;
    }
    return TS_OK;
}

ts_status ts_projector_run(const ts_projector *p, const ts_driver_override *overrides,
                           size_t n_overrides, const double *shocks, double *values,
                           size_t *failed, ts_error *err)
{
    for (size_t k = 0; k < p->n_ind; k++) {
        size_t i = p->plan->order[k];
        ts_status st;
        if (p->plan->indicators[i].is_derived) {
            st = run_derived(p, i, values, err);
        } else {
            driver_source src;
            find_source(p, i, overrides, n_overrides, shocks, &src);
            st = run_driver(p, i, &src, values, err);
        }
        if (st != TS_OK) {
            if (failed)
                *failed = i;
            return st;
        }
    }
    return TS_OK;
}

static ts_status projection_alloc(const ts_projector *p, ts_projection **out, ts_error *err)
{
    ts_projection *proj = calloc(1, sizeof *proj);
    if (!proj || !(proj->paths = calloc(p->n_ind, sizeof *proj->paths))) {
        free(proj);
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    }
    proj->base_year = p->base_year;
    proj->horizon = p->horizon;
    proj->evaluation_year = p->evaluation_year;
    proj->n_years = p->n_years;
    proj->n_paths = p->n_ind;
    for (size_t i = 0; i < p->n_ind; i++) {
        ts_path *path = &proj->paths[i];
        path->as_of = p->as_of[i];
        path->values = malloc(p->n_years * sizeof *path->values);
        path->kinds = malloc(p->n_years * sizeof *path->kinds);
        if (!path->values || !path->kinds) {
            ts_projection_free(proj);
            return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        }
        for (size_t k = 0; k < p->n_years; k++)
            path->kinds[k] = p->kinds[i * p->n_years + k];
    }
    *out = proj;
    return TS_OK;
}

ts_status ts_projector_project(const ts_projector *p, ts_projection **out, ts_error *err)
{
    *out = NULL;
    double *values = malloc(p->n_ind * p->n_years * sizeof *values);
    if (!values)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    ts_projector_init_values(p, values);
    ts_status st = ts_projector_run(p, NULL, 0, NULL, values, NULL, err);
    if (st == TS_OK)
        st = projection_alloc(p, out, err);
    if (st == TS_OK)
        for (size_t i = 0; i < p->n_ind; i++)
            for (size_t k = 0; k < p->n_years; k++)
                (*out)->paths[i].values[k] = values[i * p->n_years + k];
    free(values);
    return st;
}

ts_status ts_projection_create(const ts_plan *plan, const ts_scenario *scenario,
                               const ts_project_options *options, ts_projection **out,
                               ts_error *err)
{
    *out = NULL;
    ts_projector *p = NULL;
    ts_status st = ts_projector_create(plan, scenario, options, &p, err);
    if (st == TS_OK)
        st = ts_projector_project(p, out, err);
    ts_projector_free(p);
    return st;
}
