/* observed.h - observed values added to a loaded plan: one at a time, or
 * from CSV files typed from a statistical bulletin (docs/input-format.md,
 * "Observed values from a CSV file").
 *
 * These are the only calls that change a plan after ts_plan_load; call them
 * before loading scenarios or creating a run from the plan.
 */
#ifndef TARGETSIM_OBSERVED_H
#define TARGETSIM_OBSERVED_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/plan.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Adds the observation `value` of indicator `id` in `year`, or replaces the
 * one the plan has for that year (*replaced, which may be NULL, says which;
 * the figure's old source, note and assumption go with the old value).
 * `source` (may be NULL) is copied as the figure's source. The year must
 * come after the indicator's baseline year and not after the plan's
 * horizon; a derived indicator takes no observation (its inputs do).
 * Fails with TS_EINPUT (err->path "indicators.ID.actual.YEAR": unknown id,
 * derived indicator, year out of range, value not finite) or TS_ENOMEM;
 * the plan is unchanged then. */
TS_API ts_status ts_plan_set_observation(ts_plan *plan, const char *id, int year, double value,
                                         const ts_text *source, bool *replaced, ts_error *err);

/* Reads the observed-values CSV files `files[0..n_files)` (columns
 * indicator, year, value, source under a header row; UTF-8 with or without
 * a byte-order mark; comma- or tab-separated; "quoted" fields with ""
 * inside; CRLF or LF; blank lines ignored) and sets every row's value with
 * ts_plan_set_observation. A row's year must come after the indicator's
 * baseline year and be at most the plan's last target year
 * (ts_plan_last_target_year) and at most `latest_year` (the caller's
 * calendar: a year's figures exist once it is over; 0 for no such limit).
 * An (indicator, year) may be given once in all the files together. Each
 * figure's source reads "FILE line N (SOURCE)" in English and Chinese,
 * with the plan's replaced value named.
 * Nothing is changed unless every row of every file is good. Fails with
 * TS_EINPUT, err->file the CSV file and err->line its line (1 = the
 * header; the byte-order mark does not count), or TS_ENOMEM. */
TS_API ts_status ts_plan_read_observed(ts_plan *plan, const char *const *files, size_t n_files,
                                       int latest_year, ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
