/* fit.h - the least-squares fit of ln(value) on year behind a fitted
 * growth rate (struct ts_fit, targetsim/fit.h). Private to the engine: the
 * scenario loader (sim/load/scenario_fit.c) calls it. */
#ifndef TS_FIT_H
#define TS_FIT_H

#include <stddef.h>

#include "targetsim/fit.h"
#include "targetsim/plan.h"
#include "targetsim/status.h"

/* Fits ln(value) on year over the n points (years ascending and distinct,
 * values > 0) and fills every field but first_year, last_year and
 * sd_applied. TS_EINPUT when n < 2, a value is <= 0 or the years do not
 * ascend (err->message says which; file and path are left empty);
 * TS_EINTERNAL when GSL fails. */
ts_status ts_fit_log_linear(size_t n, const ts_year_value *points, ts_fit *out, ts_error *err);

/* Fits indicator `index` of `plan` over [first_year, last_year], using its
 * history, its baseline and its actual values that fall in the window.
 * Errors are reported at `file` and `path` (the scenario's fit): TS_EINPUT
 * when first_year >= last_year, the window reaches outside the indicator's
 * observed years, it holds fewer than 2 observations, or one of them is
 * <= 0 (the message names the plan's JSON path of the value). */
ts_status ts_fit_indicator(const ts_plan *plan, size_t index, int first_year, int last_year,
                           const char *file, const char *path, ts_fit *out, ts_error *err);

#endif
