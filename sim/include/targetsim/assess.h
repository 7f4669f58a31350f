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

/* A target's status. The scenario side (ts_assessment.status) uses
 * no_target .. moving_away, not_scored, pending_data and breached; the
 * observed record (targetsim/record.h) uses achieved .. not_scored and,
 * under the sdg rule, on_track .. moving_away. docs/methodology.md,
 * sections 3.2 and 10. */
typedef enum ts_verdict {
    TS_NO_TARGET,      /* the indicator is an input without a target */
    TS_ACHIEVED,       /* met: observed in (or already by) the target year */
    TS_MISSED,         /* the target year is observed and the target not met */
    TS_ON_TRACK,       /* the scenario attains it by the target year */
    TS_MODERATE,       /* 0.6 <= scenario / required growth < 1 */
    TS_INSUFFICIENT,   /* 0 <= ratio < 0.6 */
    TS_MOVING_AWAY,    /* ratio < 0: the path moves away from the target */
    TS_ACHIEVED_EARLY, /* 提前实现: met before the target year */
    TS_AHEAD,          /* 快于预期: progress well ahead of the time elapsed */
    TS_ON_SCHEDULE,    /* 基本符合预期 */
    TS_LAGGING,        /* 滞后 */
    TS_HELD,           /* an every-year bound held in every observed year so far */
    TS_BREACHED,       /* an every-year bound broken in some year */
    TS_NOT_SCORED,     /* a qualitative target */
    TS_PENDING_DATA,   /* the target year has passed; its figure is not published */
    TS_NO_DATA         /* nothing observed since the baseline to judge progress by */
} ts_verdict;

enum { TS_N_VERDICTS = TS_NO_DATA + 1 };

typedef struct ts_assessment {
    bool has_target;             /* a scored target: present and not text */
    bool is_text;                /* a qualitative target: shown, not scored */
    ts_target_kind kind;
    ts_measure measure;
    double target;               /* x, the number as written */
    double level_target;         /* x*: the level of a level indicator that meets the
                                  * target in T (for a relative target, from the other
                                  * indicator's path); NaN for a rate indicator */
    ts_direction direction;
    bool each_year;
    int base_year;
    int baseline_year;           /* B */
    int as_of;                   /* a */
    int target_year;             /* T */
    double baseline;             /* v_B */
    double value_at_as_of;       /* v_a */
    double value_at_target_year; /* v_T */
    double statistic;            /* S(T) (own minus other for a relative target) */
    bool attained;
    double ratio;                /* completion (完成度), direction-aware (methodology 10.7) */
    double required_growth;      /* level: (x* / v_a)^(1/(T-a)) - 1, a < T */
    double scenario_growth;      /* level: (v_T/v_a)^(1/(T-a)) - 1, a < T */
    double required_rate;        /* rate indicator: the average yearly rate (per cent) over
                                  * a+1..T that meets the target */
    double scenario_rate;        /* rate indicator: the path's own average rate over a+1..T */
    double progress;             /* (S(T) - S_0) / (x - S_0) */
    int attainment_year;         /* 0: not within the horizon */
    ts_verdict status;
    bool retrospective;          /* a >= T: the next three are defined */
    bool decided;                /* observations decide it: no draw can change it */
    double realised_growth;      /* level: (v_T/v_B)^(1/(T-B)) - 1 */
    double needed_growth;        /* level: (x* / v_B)^(1/(T-B)) - 1 */
    double shortfall;            /* x* - v_T, or x - S(T) without a level */
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
 * "no_target", "achieved_early", "ahead", "on_schedule", "lagging", "held",
 * "breached", "not_scored", "pending_data", "no_data": the names report.json
 * uses (static; "?" outside the enum). */
TS_API const char *ts_verdict_name(ts_verdict verdict);

/* (to/from)^(1/years) - 1, or NaN when undefined (years <= 0, ratio <= 0). */
TS_API double ts_constant_rate(double from, double to, int years);

#ifdef __cplusplus
}
#endif
#endif
