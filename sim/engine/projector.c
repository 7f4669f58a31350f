/* projector.c - a scenario's projection prepared once: the observed part of
 * every path (baseline, actuals up to the as-of year, gaps interpolated) and
 * each driver's yearly inputs looked up for every projected year. The model
 * loop that uses them is in project.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "observed.h"
#include "projector.h"

void ts_projector_free(ts_projector *p)
{
    if (!p)
        return;
    ts_observed_clear(&p->obs);
    free(p->first);
    free(p->pre);
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

/* The value a driver continues from: the as-of year's, or, when the
 * baseline is of a year before the base year and nothing later is
 * observed, the baseline carried to the year before the base year by the
 * scenario's own model (no shock: those years are history). */
static ts_status find_start(ts_projector *p, size_t i, ts_error *err)
{
    const ts_indicator *ind = &p->plan->indicators[i];
    const ts_assumption *as = &p->scenario->assumptions[i];
    if (p->first[i] > 0) {
        p->pre[i] = p->obs.values[i * p->n_years + p->first[i] - 1];
        /* A level driver sets each year outright: with nothing to continue
         * from (the table's "-", nothing observed yet) 0 * NaN must not
         * poison its first year. */
        if (isnan(p->pre[i]) && as->model == &ts_model_level)
            p->pre[i] = 0;
        return TS_OK;
    }
    double v = ind->baseline;
    for (int t = p->as_of[i] + 1; t < p->base_year; t++) {
        ts_model_input in = {0, 0, 0};
        if (!ts_yearly_at(&as->driver, t, &in.driver))
            return ts_error_set(err, TS_EINPUT, as->driver.file, as->driver.path,
                                "no value for %d and no \"default\"", t);
        if (as->model->takes_rates) {
            (void)ts_yearly_at(&as->shock, t, &in.shock);
            (void)ts_yearly_at(&as->deflator, t, &in.deflator);
        }
        ts_model_affine c;
        as->model->affine(&in, &c);
        v = c.a * v + c.c;
    }
    p->pre[i] = v;
    return TS_OK;
}

/* A growth driver compounds from the as-of value, which must be positive;
 * every driver but a level needs a value to continue from. */
static ts_status check_start(const ts_projector *p, size_t i, ts_error *err)
{
    const ts_indicator *ind = &p->plan->indicators[i];
    const ts_model_type *model = p->scenario->assumptions[i].model;
    double start = p->pre[i];
    if (p->as_of[i] >= p->horizon || model == &ts_model_level)
        return TS_OK;
    char where[TS_ERROR_PATH_MAX];
    if (!isfinite(start)) {
        snprintf(where, sizeof where, "indicators.%s", ind->id);
        return ts_error_set(err, TS_EINPUT, p->plan->file, where,
                            "the %s driver needs a value to continue from, and the plan gives "
                            "neither a baseline nor an observation",
                            model->name);
    }
    if (!model->needs_positive_start || start > 0)
        return TS_OK;
    if (p->as_of[i] <= p->base_year)
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
    p->first = calloc(p->n_ind ? p->n_ind : 1, sizeof *p->first);
    p->pre = calloc(p->n_ind ? p->n_ind : 1, sizeof *p->pre);
    p->driver = calloc(cells, sizeof *p->driver);
    p->deflator = calloc(cells, sizeof *p->deflator);
    p->shock = calloc(cells, sizeof *p->shock);
    p->coef = calloc(cells, sizeof *p->coef);
    if (!p->first || !p->pre || !p->driver || !p->deflator || !p->shock || !p->coef)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    return TS_OK;
}

static ts_status prepare_indicator(ts_projector *p, size_t i, ts_error *err)
{
    const ts_indicator *ind = &p->plan->indicators[i];
    /* A year before the base year (an earlier baseline, nothing later
     * observed) leaves the whole path to the projection. */
    p->first[i] = p->as_of[i] < p->base_year ? 0 : (size_t)(p->as_of[i] - p->base_year) + 1;
    if (!ind->is_derived && !p->scenario->assumptions[i].model) {
        /* No figure and no driver (scenario.c allows it): nothing to project. */
        p->first[i] = p->n_years;
        p->pre[i] = NAN;
        return TS_OK;
    }
    if (ind->is_derived)
        return TS_OK;
    ts_status st;
    if ((st = find_start(p, i, err)) != TS_OK || (st = check_start(p, i, err)) != TS_OK)
        return st;
    return resolve_inputs(p, i, err);
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
    if ((st = ts_observed_fill(plan, as_of, horizon, &p->obs, err)) != TS_OK ||
        (st = alloc_arrays(p, err)) != TS_OK)
        goto out;
    p->as_of = p->obs.as_of;
    p->observed = p->obs.values;
    p->kinds = p->obs.kinds;
    /* E: the as-of limit the user gave, else the latest observed year. */
    p->evaluation_year = options && options->as_of != TS_AS_OF_LATEST ? as_of
                                                                      : ts_observed_latest(&p->obs);
    for (size_t i = 0; i < plan->n_indicators; i++)
        if ((st = prepare_indicator(p, i, err)) != TS_OK)
            goto out;
    *out = p;
    p = NULL;
out:
    ts_projector_free(p);
    return st;
}

