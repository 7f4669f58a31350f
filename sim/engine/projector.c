/* projector.c - a scenario's projection prepared once: the observed part of
 * every path (baseline, actuals up to the as-of year, gaps interpolated) and
 * each driver's yearly inputs looked up for every projected year. The model
 * loop that uses them is in project.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "projector.h"

void ts_projector_free(ts_projector *p)
{
    if (!p)
        return;
    free(p->as_of);
    free(p->first);
    free(p->observed);
    free(p->kinds);
    free(p->driver);
    free(p->deflator);
    free(p->shock);
    free(p->coef);
    free(p);
}

void ts_projector_init_values(const ts_projector *p, double *values)
{
    for (size_t c = 0; c < p->n_ind * p->n_years; c++)
        values[c] = p->observed[c];
}

static ts_status check_options(const ts_plan *plan, const ts_project_options *options,
                               int *horizon, int *as_of, ts_error *err)
{
    *horizon = options && options->horizon ? options->horizon : plan->horizon;
    *as_of = options ? options->as_of : TS_AS_OF_LATEST;
    int last_target = ts_plan_last_target_year(plan);
    if (*horizon < last_target || *horizon - plan->base_year > TS_MAX_YEAR_SPAN)
        return ts_error_set(err, TS_EUSAGE, NULL, "horizon",
                            "%d is outside [%d, %d] (not before the last target "
                            "year, at most %d years after the base year)",
                            *horizon, last_target, plan->base_year + TS_MAX_YEAR_SPAN,
                            TS_MAX_YEAR_SPAN);
    if (*as_of == TS_AS_OF_LATEST)
        *as_of = *horizon;
    else if (*as_of < plan->base_year)
        return ts_error_set(err, TS_EUSAGE, NULL, "as_of", "%d is before the base year %d",
                            *as_of, plan->base_year);
    if (*as_of > *horizon)
        *as_of = *horizon;
    return TS_OK;
}

/* Fills the gap strictly between (y0, v0) and (y1, v1) at the constant rate
 * linking them; when a sign change or zero makes a rate meaningless, linearly. */
static void interpolate(double *values, ts_point_kind *kinds, int base, int y0, double v0,
                        int y1, double v1)
{
    for (int t = y0 + 1; t < y1; t++) {
        double f = (double)(t - y0) / (double)(y1 - y0);
        values[t - base] = (v0 > 0 && v1 > 0) ? v0 * pow(v1 / v0, f) : v0 + (v1 - v0) * f;
        kinds[t - base] = TS_INTERPOLATED;
    }
}

/* The observed part of a driven indicator: the baseline and every actual
 * not after `limit`. Returns the as-of year. */
static int fill_observed(const ts_indicator *ind, int base, int limit, double *values,
                         ts_point_kind *kinds)
{
    int last_year = base;
    double last_value = ind->baseline;
    values[0] = ind->baseline;
    kinds[0] = TS_OBSERVED;
    for (size_t i = 0; i < ind->actual.n; i++) {
        const ts_year_value *pt = &ind->actual.points[i];
        if (pt->year > limit)
            break;
        interpolate(values, kinds, base, last_year, last_value, pt->year, pt->value);
        values[pt->year - base] = pt->value;
        kinds[pt->year - base] = TS_OBSERVED;
        last_year = pt->year;
        last_value = pt->value;
    }
    return last_year;
}

/* The fixed part of a derived indicator: every year up to the earliest as-of
 * year of its inputs, computed from their fixed values. */
static ts_status fill_derived(ts_projector *p, size_t i, ts_error *err)
{
    const ts_indicator *ind = &p->plan->indicators[i];
    const ts_derivation *d = &ind->derived;
    int as_of = p->horizon;
    for (size_t f = 0; f < d->n; f++)
        if (p->as_of[d->inputs[f]] < as_of)
            as_of = p->as_of[d->inputs[f]];
    p->as_of[i] = as_of;
    for (size_t k = 0; k <= (size_t)(as_of - p->base_year); k++) {
        double in[TS_MAX_FACTORS];
        ts_point_kind kind = TS_OBSERVED;
        for (size_t f = 0; f < d->n; f++) {
            size_t c = d->inputs[f] * p->n_years + k;
            in[f] = p->observed[c];
            if (p->kinds[c] == TS_INTERPOLATED)
                kind = TS_INTERPOLATED;
        }
        double value = ts_model_derived_value(d->scale, d->n, in, d->powers);
        if (!isfinite(value))
            return ts_projector_derived_error(p, ind, k, err);
        p->observed[i * p->n_years + k] = value;
        p->kinds[i * p->n_years + k] = kind;
    }
    return TS_OK;
}

/* A growth driver compounds from the as-of value, which must be positive. */
static ts_status check_start(const ts_projector *p, size_t i, ts_error *err)
{
    const ts_indicator *ind = &p->plan->indicators[i];
    const ts_model_type *model = p->scenario->assumptions[i].model;
    double start = p->observed[i * p->n_years + (size_t)(p->as_of[i] - p->base_year)];
    if (!model->needs_positive_start || start > 0 || p->as_of[i] >= p->horizon)
        return TS_OK;
    char where[TS_ERROR_PATH_MAX];
    if (p->as_of[i] == p->base_year)
        snprintf(where, sizeof where, "indicators.%s.baseline", ind->id);
    else
        snprintf(where, sizeof where, "indicators.%s.actual.%d", ind->id, p->as_of[i]);
    return ts_error_set(err, TS_EINPUT, p->plan->file, where,
                        "a %s driver needs a positive value to continue from, got %.17g",
                        model->name, start);
}

/* Looks up the driver, deflator and shock of every projected year once, and
 * the model's coefficients from them, so that the model loop reads arrays. */
static ts_status resolve_inputs(ts_projector *p, size_t i, ts_error *err)
{
    const ts_assumption *as = &p->scenario->assumptions[i];
    for (size_t k = p->first[i]; k < p->n_years; k++) {
        int t = p->base_year + (int)k;
        size_t c = i * p->n_years + k;
        if (!ts_yearly_at(&as->driver, t, &p->driver[c]))
            return ts_error_set(err, TS_EINPUT, as->driver.file, as->driver.path,
                                "no value for %d and no \"default\"", t);
        if (as->model->takes_rates) {
            (void)ts_yearly_at(&as->shock, t, &p->shock[c]);
            (void)ts_yearly_at(&as->deflator, t, &p->deflator[c]);
        }
        ts_model_input in = {p->driver[c], p->shock[c], p->deflator[c]};
        as->model->affine(&in, &p->coef[c]);
    }
    return TS_OK;
}

static ts_status alloc_arrays(ts_projector *p, ts_error *err)
{
    size_t cells = p->n_ind * p->n_years;
    p->as_of = calloc(p->n_ind, sizeof *p->as_of);
    p->first = calloc(p->n_ind, sizeof *p->first);
    p->observed = malloc(cells * sizeof *p->observed);
    p->kinds = malloc(cells * sizeof *p->kinds);
    p->driver = calloc(cells, sizeof *p->driver);
    p->deflator = calloc(cells, sizeof *p->deflator);
    p->shock = calloc(cells, sizeof *p->shock);
    p->coef = calloc(cells, sizeof *p->coef);
    if (!p->as_of || !p->first || !p->observed || !p->kinds || !p->driver || !p->deflator ||
        !p->shock || !p->coef)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    for (size_t c = 0; c < cells; c++) {
        p->observed[c] = NAN;
        p->kinds[c] = TS_PROJECTED;
    }
    return TS_OK;
}

static ts_status prepare_indicator(ts_projector *p, size_t i, int as_of_limit, ts_error *err)
{
    const ts_indicator *ind = &p->plan->indicators[i];
    ts_status st;
    if (ind->is_derived) {
        st = fill_derived(p, i, err);
    } else {
        p->as_of[i] = fill_observed(ind, p->base_year, as_of_limit, p->observed + i * p->n_years,
                                    p->kinds + i * p->n_years);
        st = check_start(p, i, err);
    }
    p->first[i] = (size_t)(p->as_of[i] - p->base_year) + 1;
    if (st == TS_OK && !ind->is_derived)
        st = resolve_inputs(p, i, err);
    return st;
}

ts_status ts_projector_create(const ts_plan *plan, const ts_scenario *scenario,
                              const ts_project_options *options, ts_projector **out,
                              ts_error *err)
{
    *out = NULL;
    int horizon, as_of;
    ts_status st = check_options(plan, options, &horizon, &as_of, err);
    if (st != TS_OK)
        return st;
    if (scenario->n_assumptions != plan->n_indicators)
        return ts_error_set(err, TS_EINTERNAL, scenario->file, NULL,
                            "scenario was loaded against another plan");
    ts_projector *p = calloc(1, sizeof *p);
    if (!p)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    p->plan = plan;
    p->scenario = scenario;
    p->base_year = plan->base_year;
    p->horizon = horizon;
    p->n_years = (size_t)(horizon - plan->base_year + 1);
    p->n_ind = plan->n_indicators;
    if ((st = alloc_arrays(p, err)) != TS_OK)
        goto out;
    /* Evaluation order: a derived indicator's inputs are ready before it. */
    for (size_t k = 0; k < plan->n_indicators; k++)
        if ((st = prepare_indicator(p, plan->order[k], as_of, err)) != TS_OK)
            goto out;
    *out = p;
    p = NULL;
out:
    ts_projector_free(p);
    return st;
}

ts_status ts_projector_derived_error(const ts_projector *p, const ts_indicator *ind, size_t k,
                                     ts_error *err)
{
    char where[TS_ERROR_PATH_MAX];
    snprintf(where, sizeof where, "indicators.%s.derived", ind->id);
    return ts_error_set(err, TS_EINPUT, p->plan->file, where,
                        "undefined in %d under scenario \"%s\": an input is zero or negative "
                        "under a fractional or negative power",
                        p->base_year + (int)k, p->scenario->id);
}
