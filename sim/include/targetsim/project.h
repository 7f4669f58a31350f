/* project.h - yearly paths of every indicator under one scenario.
 *
 * See docs/methodology.md for the exact semantics: observed values up to each
 * indicator's as-of year (gaps interpolated at a constant rate), the
 * scenario's model afterwards, derived indicators from their inputs.
 */
#ifndef TARGETSIM_PROJECT_H
#define TARGETSIM_PROJECT_H

#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/model.h"
#include "targetsim/plan.h"
#include "targetsim/scenario.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* No as-of limit: every observed value is used. */
#define TS_AS_OF_LATEST 0

/* TS_MISSING: a year of the observed part with no figure (before the first
 * observation of an indicator without a baseline); its value is NaN. */
typedef enum ts_point_kind { TS_OBSERVED, TS_INTERPOLATED, TS_PROJECTED, TS_MISSING } ts_point_kind;

typedef struct ts_project_options {
    int horizon; /* last projected year; 0 = the plan's horizon */
    int as_of;   /* ignore observations after this year; TS_AS_OF_LATEST = none */
} ts_project_options;

/* One indicator's path: values[k] is the value of year base_year + k. */
typedef struct ts_path {
    int as_of;      /* last year taken from observations */
    double *values;
    ts_point_kind *kinds;
} ts_path;

typedef struct ts_projection {
    int base_year;
    int horizon;
    int evaluation_year; /* E: the as-of limit when given, else the latest observed year of
                          * any indicator (docs/methodology.md, section 10.1) */
    size_t n_years;     /* horizon - base_year + 1 */
    size_t n_paths;     /* = plan->n_indicators */
    ts_path *paths;
} ts_projection;

/* Projects every indicator of `plan` under `scenario`, which must have been
 * loaded against this plan. `options` may be NULL (defaults). The plan and
 * scenario are only read during the call: the projection keeps no pointer
 * to them. On success *out owns a new projection; free with
 * ts_projection_free. On failure *out is NULL. TS_EUSAGE for a horizon
 * before a target year or out of range (err->path "horizon") or an as_of
 * before the base year ("as_of"); TS_EINPUT when the scenario lacks a value
 * for a year or a value leaves its domain (err names the file, path and
 * year); TS_ENOMEM. */
TS_API ts_status ts_projection_create(const ts_plan *plan, const ts_scenario *scenario,
                                      const ts_project_options *options, ts_projection **out,
                                      ts_error *err);

/* NULL is a no-op. */
TS_API void ts_projection_free(ts_projection *projection);

/* Value of indicator `index` (< n_paths, not checked) in `year`; NaN
 * outside [base_year, horizon]. */
TS_API double ts_projection_value(const ts_projection *projection, size_t index, int year);

/* "observed", "interpolated", "projected" (static). */
TS_API const char *ts_point_kind_name(ts_point_kind kind);

#ifdef __cplusplus
}
#endif
#endif
