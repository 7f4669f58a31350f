/* assess.h - does a projected path meet its target, when, and how fast must
 * it grow? The rules are in docs/methodology.md. Undefined numbers are NaN
 * here and null in report.json. */
#ifndef TARGETSIM_ASSESS_H
#define TARGETSIM_ASSESS_H

#include <stdbool.h>

#include "targetsim/export.h"
#include "targetsim/plan.h"
#include "targetsim/project.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ts_verdict {
    TS_NO_TARGET,    /* the indicator is an input without a target */
    TS_ACHIEVED,     /* the observed value at the as-of year already meets it */
    TS_MISSED,       /* the target year is observed and the value falls short */
    TS_ON_TRACK,     /* the scenario attains it by the target year */
    TS_MODERATE,     /* 0.6 <= scenario / required growth < 1 */
    TS_INSUFFICIENT, /* 0 <= ratio < 0.6 */
    TS_MOVING_AWAY   /* ratio < 0: the path moves away from the target */
} ts_verdict;

typedef struct ts_assessment {
    bool has_target;
    double target;
    ts_direction direction;
    int base_year;
    int as_of;                   /* a */
    int target_year;             /* T */
    double baseline;             /* v_b */
    double value_at_as_of;       /* v_a */
    double value_at_target_year; /* v_T */
    bool attained;
    double ratio;                /* v_T / x* */
    double required_growth;      /* (x* / v_a)^(1/(T-a)) - 1, a < T */
    double scenario_growth;      /* (v_T/v_a)^(1/(T-a)) - 1, a < T */
    double progress;             /* (v_T - v_b) / (x* - v_b) */
    int attainment_year;         /* 0: not within the horizon */
    ts_verdict status;
    bool retrospective;          /* a >= T: the next three are defined */
    double realised_growth;      /* (v_T/v_b)^(1/(T-b)) - 1 */
    double needed_growth;        /* (x* / v_b)^(1/(T-b)) - 1 */
    double shortfall;            /* x* - v_T */
    int revision;                /* 0: the indicator's target; k: its revisions[k - 1] */
    int by_year;                 /* ts_run_set_by_year's year (--by); 0 when not asked for */
    double needed_growth_by;     /* (x* / v_a)^(1/(by_year - a)) - 1, by_year > a */
} ts_assessment;

/* Assesses indicator `index` (< plan->n_indicators, not checked) of `plan`
 * on `projection`, which must come from ts_projection_create on the same plan.
 * Overwrites every field of *out, which keeps no pointer into either
 * argument. Never fails: an indicator without a target gets has_target =
 * false, status TS_NO_TARGET and NaN numbers. ts_run_create calls this for
 * every scenario and indicator. */
TS_API void ts_assess_indicator(const ts_plan *plan, const ts_projection *projection, size_t index,
                                ts_assessment *out);

/* Assesses `target` (the indicator's own or one of its revisions) of
 * indicator `index` on `projection`; the fields are those of
 * ts_assess_indicator. `revision` is stored in out->revision. */
TS_API void ts_assess_target(const ts_plan *plan, const ts_projection *projection, size_t index,
                             const ts_target *target, int revision, ts_assessment *out);

/* "achieved", "missed", "on_track", "moderate", "insufficient", "moving_away",
 * "no_target": the names report.json uses (static; "?" outside the enum). */
TS_API const char *ts_verdict_name(ts_verdict verdict);

/* (to/from)^(1/years) - 1, or NaN when undefined (years <= 0, ratio <= 0). */
TS_API double ts_constant_rate(double from, double to, int years);

#ifdef __cplusplus
}
#endif
#endif
