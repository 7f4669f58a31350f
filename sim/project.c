/* project.c - yearly paths: observations up to each indicator's as-of year,
 * then the scenario's driver model; derived indicators from their inputs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "targetsim/project.h"

const char *ts_point_kind_name(ts_point_kind kind)
{
    switch (kind) {
    case TS_OBSERVED: return "observed";
    case TS_INTERPOLATED: return "interpolated";
    case TS_PROJECTED: return "projected";
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

/* Fills the gap strictly between (y0, v0) and (y1, v1) at the constant rate
 * linking them; when a sign change or zero makes a rate meaningless, linearly. */
static void interpolate(ts_path *path, int base, int y0, double v0, int y1, double v1)
{
    for (int t = y0 + 1; t < y1; t++) {
        double f = (double)(t - y0) / (double)(y1 - y0);
        double v = (v0 > 0 && v1 > 0) ? v0 * pow(v1 / v0, f) : v0 + (v1 - v0) * f;
        path->values[t - base] = v;
        path->kinds[t - base] = TS_INTERPOLATED;
    }
}

/* The observed part: the baseline and every actual not after `limit`. */
static void fill_observed(const ts_indicator *ind, int base, int limit, ts_path *path)
{
    int last_year = base;
    double last_value = ind->baseline;
    path->values[0] = ind->baseline;
    path->kinds[0] = TS_OBSERVED;
    for (size_t i = 0; i < ind->actual.n; i++) {
        const ts_year_value *pt = &ind->actual.points[i];
        if (pt->year > limit)
            break;
        interpolate(path, base, last_year, last_value, pt->year, pt->value);
        path->values[pt->year - base] = pt->value;
        path->kinds[pt->year - base] = TS_OBSERVED;
        last_year = pt->year;
        last_value = pt->value;
    }
    path->as_of = last_year;
}

static ts_status project_driver(const ts_plan *plan, const ts_indicator *ind,
                                const ts_assumption *as, int horizon, ts_path *path,
                                ts_error *err)
{
    const ts_model_type *model = as->model;
    int base = plan->base_year;
    double previous = path->values[path->as_of - base];
    if (model->needs_positive_start && !(previous > 0) && path->as_of < horizon) {
        char where[TS_ERROR_PATH_MAX];
        if (path->as_of == base)
            snprintf(where, sizeof where, "indicators.%s.baseline", ind->id);
        else
            snprintf(where, sizeof where, "indicators.%s.actual.%d", ind->id, path->as_of);
        return ts_error_set(err, TS_EINPUT, plan->file, where,
                            "a %s driver needs a positive value to continue from, got %.17g",
                            model->name, previous);
    }
    for (int t = path->as_of + 1; t <= horizon; t++) {
        ts_model_input in = {0.0, 0.0, 0.0};
        if (!ts_yearly_at(&as->driver, t, &in.driver))
            return ts_error_set(err, TS_EINPUT, as->driver.file, as->driver.path,
                                "no value for %d and no \"default\"", t);
        if (model->takes_rates) {
            (void)ts_yearly_at(&as->shock, t, &in.shock);
            (void)ts_yearly_at(&as->deflator, t, &in.deflator);
            double factor = (1.0 + in.driver + in.shock) * (1.0 + in.deflator);
            if (!(factor > 0))
                return ts_error_set(err, TS_EINPUT, as->driver.file, as->driver.path,
                                    "in %d growth %g with shock %g and deflator %g gives a "
                                    "yearly factor %g; it must be positive",
                                    t, in.driver, in.shock, in.deflator, factor);
        }
        double value = model->step(previous, &in);
        if (!isfinite(value))
            return ts_error_set(err, TS_EINPUT, as->driver.file, as->driver.path,
                                "the projected value of \"%s\" is not finite in %d", ind->id, t);
        path->values[t - base] = value;
        path->kinds[t - base] = TS_PROJECTED;
        previous = value;
    }
    return TS_OK;
}

static ts_status project_derived(const ts_plan *plan, const ts_scenario *scenario,
                                 const ts_indicator *ind, ts_projection *proj, ts_path *path,
                                 ts_error *err)
{
    const ts_derivation *d = &ind->derived;
    int as_of = proj->horizon;
    for (size_t f = 0; f < d->n; f++)
        if (proj->paths[d->inputs[f]].as_of < as_of)
            as_of = proj->paths[d->inputs[f]].as_of;
    path->as_of = as_of;
    for (size_t k = 0; k < proj->n_years; k++) {
        double in[TS_MAX_FACTORS];
        ts_point_kind kind = TS_OBSERVED;
        for (size_t f = 0; f < d->n; f++) {
            const ts_path *src = &proj->paths[d->inputs[f]];
            in[f] = src->values[k];
            if (src->kinds[k] == TS_INTERPOLATED)
                kind = TS_INTERPOLATED;
        }
        int year = proj->base_year + (int)k;
        double value = ts_model_derived_value(d->scale, d->n, in, d->powers);
        if (!isfinite(value)) {
            char where[TS_ERROR_PATH_MAX];
            snprintf(where, sizeof where, "indicators.%s.derived", ind->id);
            return ts_error_set(err, TS_EINPUT, plan->file, where,
                                "undefined in %d under scenario \"%s\": an input is zero or "
                                "negative under a fractional or negative power",
                                year, scenario->id);
        }
        path->values[k] = value;
        path->kinds[k] = year <= as_of ? kind : TS_PROJECTED;
    }
    return TS_OK;
}

static ts_status check_options(const ts_plan *plan, const ts_project_options *options,
                               int *horizon, int *as_of, ts_error *err)
{
    *horizon = options && options->horizon ? options->horizon : plan->horizon;
    *as_of = options ? options->as_of : TS_AS_OF_LATEST;
    int last_target = ts_plan_last_target_year(plan);
    if (*horizon < last_target || *horizon - plan->base_year > TS_MAX_YEAR_SPAN)
        return ts_error_set(err, TS_EUSAGE, NULL, NULL,
                            "--horizon %d is outside [%d, %d] (not before the last target "
                            "year, at most %d years after the base year)",
                            *horizon, last_target, plan->base_year + TS_MAX_YEAR_SPAN,
                            TS_MAX_YEAR_SPAN);
    if (*as_of == TS_AS_OF_LATEST)
        *as_of = *horizon;
    else if (*as_of < plan->base_year)
        return ts_error_set(err, TS_EUSAGE, NULL, NULL,
                            "--as-of %d is before the base year %d", *as_of, plan->base_year);
    if (*as_of > *horizon)
        *as_of = *horizon;
    return TS_OK;
}

ts_status ts_project_run(const ts_plan *plan, const ts_scenario *scenario,
                         const ts_project_options *options, ts_projection **out, ts_error *err)
{
    *out = NULL;
    int horizon, as_of;
    ts_status st = check_options(plan, options, &horizon, &as_of, err);
    if (st != TS_OK)
        return st;
    if (scenario->n_assumptions != plan->n_indicators)
        return ts_error_set(err, TS_EINTERNAL, scenario->file, NULL,
                            "scenario was loaded against another plan");
    ts_projection *proj = calloc(1, sizeof *proj);
    if (!proj)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    proj->base_year = plan->base_year;
    proj->horizon = horizon;
    proj->n_years = (size_t)(horizon - plan->base_year + 1);
    proj->paths = calloc(plan->n_indicators, sizeof *proj->paths);
    if (!proj->paths) {
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    proj->n_paths = plan->n_indicators;
    for (size_t i = 0; i < proj->n_paths; i++) {
        proj->paths[i].values = calloc(proj->n_years, sizeof *proj->paths[i].values);
        proj->paths[i].kinds = calloc(proj->n_years, sizeof *proj->paths[i].kinds);
        if (!proj->paths[i].values || !proj->paths[i].kinds) {
            st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
            goto out;
        }
    }
    for (size_t k = 0; k < plan->n_indicators; k++) {
        size_t i = plan->order[k];
        const ts_indicator *ind = &plan->indicators[i];
        ts_path *path = &proj->paths[i];
        if (ind->is_derived) {
            st = project_derived(plan, scenario, ind, proj, path, err);
        } else {
            fill_observed(ind, plan->base_year, as_of, path);
            st = project_driver(plan, ind, &scenario->assumptions[i], horizon, path, err);
        }
        if (st != TS_OK)
            goto out;
    }
    *out = proj;
    proj = NULL;
out:
    ts_projection_free(proj);
    return st;
}
