/* record.h - the observed record of a plan's table against the time
 * elapsed ("时间过半、任务过半"): for every target, how much of the required
 * change the published figures show, against how much of the period has
 * passed, and a category (achieved early, ahead, on schedule, lagging,
 * held, breached, ...). It reads the plan's figures only, never a scenario
 * (docs/methodology.md, section 10). Undefined numbers are NaN. */
#ifndef TARGETSIM_RECORD_H
#define TARGETSIM_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/assess.h"
#include "targetsim/export.h"
#include "targetsim/plan.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One target's record. */
typedef struct ts_record {
    bool present;          /* the indicator has this target (text ones included) */
    bool scored;           /* not a text target */
    ts_verdict category;   /* TS_NOT_SCORED for text; TS_NO_TARGET when absent */
    int as_of;             /* a: the latest observed year not after the evaluation year (the
                            * earlier of the two for a relative target) */
    int from_year;         /* B as used for progress: the baseline year, the base year for a
                            * rate's products, the first observation when there is no baseline */
    double latest;         /* the indicator's value in a */
    double statistic;      /* S(a); for a relative target S(a) - S_other(a) */
    double elapsed;        /* e = (a - B) / (T - B) */
    double progress;       /* p: the share of the required change achieved */
    double pace;           /* q = p / e (p for growth_pct); under the sdg rule, R */
    size_t years_held;     /* every-year bounds: observed years that held */
    size_t years_breached; /* ... and broke it */
    size_t n_breached;
    int breached_years[TS_MAX_YEAR_SPAN]; /* the first n_breached are the years broken */
    double nowcast;        /* pending data: the statistic in T from the latest figures */
} ts_record;

/* The records of a plan: one per indicator and per revised target, the
 * evaluation year and the rule they were judged by, and the counts by
 * category of the indicators' own targets. */
typedef struct ts_table {
    int evaluation_year;   /* E */
    ts_evaluation evaluation;
    size_t n_indicators;
    ts_record *records;    /* one per plan indicator */
    ts_record **revisions; /* one per plan indicator: NULL, or one per revised target */
    size_t n_targets;      /* indicators with a target, text ones included */
    size_t counts[TS_N_VERDICTS]; /* the indicators' own targets, by category */
} ts_table;

/* Judges every target of `plan` on its figures up to `as_of` (a year, or
 * TS_AS_OF_LATEST from targetsim/project.h for every figure) by
 * `evaluation` (NULL: the plan's). `horizon` bounds the years read (0: the
 * plan's). On success *out owns a new table (free with ts_table_free).
 * TS_EUSAGE for an as_of before the base year or a band outside
 * 0 < low <= 1 <= high (err->path "as_of", "band"), TS_EINPUT when a
 * derived indicator is undefined in an observed year, TS_ENOMEM. */
TS_API ts_status ts_table_create(const ts_plan *plan, int as_of, int horizon,
                                 const ts_evaluation *evaluation, ts_table **out,
                                 ts_error *err);

/* NULL is a no-op. */
TS_API void ts_table_free(ts_table *table);

#ifdef __cplusplus
}
#endif
#endif
