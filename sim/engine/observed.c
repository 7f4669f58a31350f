/* observed.c - the observed part of every path (docs/methodology.md,
 * section 2): the baseline, each actual value not after the as-of limit,
 * the gaps between them filled, derived indicators from their inputs. It
 * depends on the plan and the limit alone, never on a scenario. */
#include "observed.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "targetsim/model.h"

void ts_observed_clear(ts_observed *obs)
{
    free(obs->as_of);
    free(obs->values);
    free(obs->kinds);
    *obs = (ts_observed){0};
}

ts_status ts_derived_error(const ts_plan *plan, const ts_indicator *ind, int year,
                           const char *scenario_id, ts_error *err)
{
    char where[TS_ERROR_PATH_MAX];
    snprintf(where, sizeof where, "indicators.%s.derived", ind->id);
    if (scenario_id)
        return ts_error_set(err, TS_EINPUT, plan->file, where,
                            "undefined in %d under scenario \"%s\": an input is zero or "
                            "negative under a fractional or negative power",
                            year, scenario_id);
    return ts_error_set(err, TS_EINPUT, plan->file, where,
                        "undefined in %d: an input is zero or negative under a fractional or "
                        "negative power",
                        year);
}

/* Fills the years strictly between (y0, v0) and (y1, v1) that the path
 * holds. A level at the constant rate linking the two; a rate, or a level
 * crossing zero (where a rate means nothing), on a straight line. */
static void interpolate(const ts_observed *obs, size_t i, bool geometric, int y0, double v0,
                        int y1, double v1)
{
    for (int t = y0 + 1; t < y1; t++) {
        if (t < obs->base_year)
            continue;
        double f = (double)(t - y0) / (double)(y1 - y0);
        size_t c = i * obs->n_years + (size_t)(t - obs->base_year);
        obs->values[c] = (geometric && v0 > 0 && v1 > 0) ? v0 * pow(v1 / v0, f)
                                                          : v0 + (v1 - v0) * f;
        obs->kinds[c] = TS_INTERPOLATED;
    }
}

/* The base-year cell before anything is known of it: the baseline when it
 * is the base year's, a gap when there is none, left to the projection when
 * the baseline is of an earlier year. */
static void fill_start(const ts_observed *obs, const ts_indicator *ind, size_t i)
{
    size_t c = i * obs->n_years;
    if (ind->baseline_year < obs->base_year)
        return; /* TS_PROJECTED until an observation or an interpolation fills it */
    obs->values[c] = ind->baseline;
    obs->kinds[c] = ind->has_baseline ? TS_OBSERVED : TS_MISSING;
}

/* A driven indicator: baseline, actuals not after `limit`, gaps filled
 * (never across an unknown start: those years are missing). */
static void fill_driven(ts_observed *obs, const ts_indicator *ind, size_t i, int limit)
{
    if (!ts_indicator_has_figures(ind)) {
        for (size_t k = 0; k < obs->n_years; k++)
            obs->kinds[i * obs->n_years + k] = TS_MISSING;
        obs->as_of[i] = obs->base_year;
        return;
    }
    fill_start(obs, ind, i);
    int last_year = ind->has_baseline ? ind->baseline_year : obs->base_year;
    double last_value = ind->baseline;
    bool geometric = ind->measure == TS_MEASURE_LEVEL;
    for (size_t k = 0; k < ind->actual.n; k++) {
        const ts_year_value *pt = &ind->actual.points[k];
        if (pt->year > limit)
            break;
        if (isfinite(last_value)) {
            interpolate(obs, i, geometric, last_year, last_value, pt->year, pt->value);
        } else {
            for (int t = last_year + 1; t < pt->year; t++)
                obs->kinds[i * obs->n_years + (size_t)(t - obs->base_year)] = TS_MISSING;
        }
        if (pt->year >= obs->base_year) {
            size_t c = i * obs->n_years + (size_t)(pt->year - obs->base_year);
            obs->values[c] = pt->value;
            obs->kinds[c] = TS_OBSERVED;
        }
        last_year = pt->year;
        last_value = pt->value;
    }
    obs->as_of[i] = last_year;
}

/* A derived indicator: every year up to the earliest as-of year of its
 * inputs, from their fixed values; a year with a missing input is missing. */
static ts_status fill_derived(ts_observed *obs, const ts_plan *plan, size_t i, ts_error *err)
{
    const ts_indicator *ind = &plan->indicators[i];
    const ts_derivation *d = &ind->derived;
    int as_of = obs->horizon;
    for (size_t f = 0; f < d->n; f++)
        if (obs->as_of[d->inputs[f]] < as_of)
            as_of = obs->as_of[d->inputs[f]];
    obs->as_of[i] = as_of;
    for (int t = obs->base_year; t <= as_of; t++) {
        size_t k = (size_t)(t - obs->base_year);
        double in[TS_MAX_FACTORS];
        ts_point_kind kind = TS_OBSERVED;
        for (size_t f = 0; f < d->n; f++) {
            size_t c = d->inputs[f] * obs->n_years + k;
            in[f] = obs->values[c];
            if (obs->kinds[c] == TS_INTERPOLATED && kind == TS_OBSERVED)
                kind = TS_INTERPOLATED;
            if (obs->kinds[c] == TS_MISSING || obs->kinds[c] == TS_PROJECTED)
                kind = TS_MISSING;
        }
        double value = NAN;
        if (kind != TS_MISSING) {
            value = ts_model_derived_value(d->scale, d->n, in, d->powers);
            if (!isfinite(value))
                return ts_derived_error(plan, ind, t, NULL, err);
        }
        obs->values[i * obs->n_years + k] = value;
        obs->kinds[i * obs->n_years + k] = kind;
    }
    return TS_OK;
}

ts_status ts_observed_fill(const ts_plan *plan, int limit, int horizon, ts_observed *obs,
                           ts_error *err)
{
    *obs = (ts_observed){0};
    obs->base_year = plan->base_year;
    obs->horizon = horizon;
    obs->n_years = (size_t)(horizon - plan->base_year + 1);
    obs->n_ind = plan->n_indicators;
    size_t cells = obs->n_ind * obs->n_years;
    obs->as_of = calloc(obs->n_ind ? obs->n_ind : 1, sizeof *obs->as_of);
    obs->values = malloc((cells ? cells : 1) * sizeof *obs->values);
    obs->kinds = malloc((cells ? cells : 1) * sizeof *obs->kinds);
    if (!obs->as_of || !obs->values || !obs->kinds) {
        ts_observed_clear(obs);
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    }
    for (size_t c = 0; c < cells; c++) {
        obs->values[c] = NAN;
        obs->kinds[c] = TS_PROJECTED;
    }
    /* Evaluation order: a derived indicator's inputs are filled before it. */
    for (size_t k = 0; k < plan->n_indicators; k++) {
        size_t i = plan->order[k];
        if (!plan->indicators[i].is_derived) {
            fill_driven(obs, &plan->indicators[i], i, limit);
            continue;
        }
        ts_status st = fill_derived(obs, plan, i, err);
        if (st != TS_OK) {
            ts_observed_clear(obs);
            return st;
        }
    }
    return TS_OK;
}

double ts_observed_value(const ts_observed *obs, const ts_plan *plan, size_t index, int year)
{
    const ts_indicator *ind = &plan->indicators[index];
    if (year < obs->base_year)
        return year == ind->baseline_year ? ind->baseline : NAN;
    if (year > obs->horizon)
        return NAN;
    size_t c = index * obs->n_years + (size_t)(year - obs->base_year);
    return obs->kinds[c] == TS_PROJECTED ? NAN : obs->values[c];
}

int ts_observed_latest(const ts_observed *obs)
{
    int latest = obs->base_year;
    for (size_t i = 0; i < obs->n_ind; i++)
        if (obs->as_of[i] > latest)
            latest = obs->as_of[i];
    return latest;
}
