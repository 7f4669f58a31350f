/* observed.h - the observed part of every path: the figures a plan gives
 * for each year (baseline, actual values up to the as-of limit, gaps
 * filled), the same under every scenario. The projector starts from it;
 * the observed record (record.c) is judged on it alone. Private. */
#ifndef TS_OBSERVED_H
#define TS_OBSERVED_H

#include <stddef.h>

#include "targetsim/plan.h"
#include "targetsim/project.h"

typedef struct ts_observed {
    int base_year;
    int horizon;
    size_t n_years;        /* horizon - base_year + 1 */
    size_t n_ind;
    /* Per indicator, its as-of year: the latest observation not after the
     * limit. It is the baseline year when nothing later is observed, which
     * may lie before the base year (a 2019 baseline); for an indicator with
     * no figure at all it is the base year, with a NaN value. A derived
     * indicator's is the earliest of its inputs'. */
    int *as_of;
    double *values;        /* n_ind * n_years; NaN where not fixed */
    ts_point_kind *kinds;  /* TS_PROJECTED where not fixed */
} ts_observed;

/* Fills `obs` for `plan` up to `horizon`, ignoring observations after
 * `limit` (a year; use the horizon for none). TS_ENOMEM, or TS_EINPUT when
 * a derived indicator is undefined in an observed year (err names it). */
ts_status ts_observed_fill(const ts_plan *plan, int limit, int horizon, ts_observed *obs,
                           ts_error *err);

/* Frees the arrays of `obs` and zeroes it. */
void ts_observed_clear(ts_observed *obs);

/* Indicator `index`'s value in `year` when that year is fixed (its
 * baseline year counts, before the base year too), else NaN. */
double ts_observed_value(const ts_observed *obs, const ts_plan *plan, size_t index, int year);

/* The latest as-of year of any indicator, at least the base year: the
 * evaluation year when no as-of limit is given (methodology 10.1). */
int ts_observed_latest(const ts_observed *obs);

/* The error for a derived indicator undefined in year index k (shared by
 * the observed part and the model loop). */
ts_status ts_derived_error(const ts_plan *plan, const ts_indicator *ind, int year,
                           const char *scenario_id, ts_error *err);

#endif
