/* plan.h - a development plan: indicators, baselines, targets, observations.
 *
 * A plan is loaded once from JSON (see docs/input-format.md) and is read-only
 * afterwards: every pointer reachable from a ts_plan is owned by it and freed
 * by ts_plan_free(). Callers may read the structs but must not modify them.
 */
#ifndef TARGETSIM_PLAN_H
#define TARGETSIM_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Limits that keep hostile input from exhausting memory (docs/input-format.md). */
enum {
    TS_MAX_FILE_BYTES = 16 * 1024 * 1024,
    TS_MAX_INDICATORS = 256,
    TS_MAX_FACTORS = 16,
    TS_MAX_YEAR_SPAN = 200, /* horizon - base_year */
    TS_MIN_YEAR = 1900,
    TS_MAX_YEAR = 2300,
    TS_MAX_SCENARIOS = 64,
    TS_MAX_EXTENDS_DEPTH = 32,
    TS_MAX_REVISIONS = 16 /* revised targets per indicator */
};

typedef enum ts_direction {
    TS_AT_LEAST, /* value >= target ("以上", "达到") */
    TS_ABOVE,    /* value >  target ("突破") */
    TS_AT_MOST,  /* value <= target */
    TS_BELOW     /* value <  target */
} ts_direction;

typedef struct ts_year_value {
    int year;
    double value;
} ts_year_value;

/* Year-sorted points, years unique. */
typedef struct ts_series {
    size_t n;
    ts_year_value *points;
} ts_series;

/* A bilingual text; either member may be NULL when the file omits it. */
typedef struct ts_text {
    char *zh;
    char *en;
} ts_text;

typedef struct ts_target {
    bool present;
    double value;
    ts_direction direction;
    int year; /* the indicator's target_year, or the plan's */
} ts_target;

/* A later revision of an indicator's target: its own value, direction and
 * year, and where it was announced ("revisions" in the plan file). */
typedef struct ts_revision {
    ts_target target; /* target.present is true */
    char *source;     /* may be NULL */
} ts_revision;

/* value_t = scale * prod(indicator[inputs[k]]_t ^ powers[k]). */
typedef struct ts_derivation {
    double scale;
    size_t n;
    size_t *inputs; /* indices into ts_plan.indicators */
    double *powers;
} ts_derivation;

typedef struct ts_indicator {
    char *id; /* [a-z0-9_-]+, unique in the plan */
    ts_text name;
    ts_text unit;
    double baseline;    /* value in base_year; computed for derived indicators */
    ts_target target;   /* target.present is false for pure inputs (population, ...) */
    ts_series history;  /* years before base_year (context, trend fits) */
    ts_series actual;   /* observed years after base_year */
    char *source;       /* where the figures come from; may be NULL */
    char *note;         /* may be NULL */
    char *assumption;   /* non-NULL: a figure is not sourced; says which and how it was made */
    bool is_derived;
    ts_derivation derived;
    size_t n_revisions;     /* revisions of `target`, in file order; target stays the primary */
    ts_revision *revisions;
} ts_indicator;

typedef struct ts_plan {
    char *file; /* as given to ts_plan_load */
    char *id;
    ts_text name;
    char *source;
    int base_year;
    int target_year;    /* default target year of the indicators */
    int horizon;        /* default horizon: the plan's "horizon", else the later of 2035
                         * and target_year + 10, at most TS_MAX_YEAR */
    size_t n_indicators;
    ts_indicator *indicators; /* in file order */
    size_t *order;            /* evaluation order: every input before the indicators derived from it */
    size_t n_scenarios;
    char **scenarios;         /* scenario files listed by the plan, resolved against its folder */
} ts_plan;

/* Loads and validates a plan file (docs/input-format.md). `file` is a path,
 * copied into plan->file; the plan's scenario paths are resolved against its
 * folder. On success *out owns a new plan (free with ts_plan_free). On
 * failure *out is NULL and err says file, JSON path, why.
 * Fails with TS_EINPUT (bad content, unreadable file, larger than
 * TS_MAX_FILE_BYTES), TS_ENOMEM. */
TS_API ts_status ts_plan_load(const char *file, ts_plan **out, ts_error *err);

/* Same as ts_plan_load on an in-memory text: `len` bytes of `text`, which
 * need not be NUL-terminated and is only read during the call (a leading
 * UTF-8 byte-order mark is skipped). `name` is used in messages and to
 * resolve relative scenario paths (may be NULL: no directory). */
TS_API ts_status ts_plan_parse(const char *text, size_t len, const char *name, ts_plan **out,
                               ts_error *err);

/* Frees everything the plan owns. NULL is a no-op. */
TS_API void ts_plan_free(ts_plan *plan);

/* Index of indicator `id` in plan->indicators (exact, case-sensitive match),
 * or -1 when the plan has none. */
TS_API long ts_plan_find(const ts_plan *plan, const char *id);

/* The latest year a target or a revised target of the plan falls in
 * (>= target_year). */
TS_API int ts_plan_last_target_year(const ts_plan *plan);

/* True when some indicator of the plan has a target (its own; revisions
 * only revise one). */
TS_API bool ts_plan_has_targets(const ts_plan *plan);

/* "at_least", "above", "at_most", "below" (static; "?" for a value outside
 * the enum). */
TS_API const char *ts_direction_name(ts_direction direction);

/* How ts_direction_symbol writes a sign: ">=" or "≥". */
typedef enum ts_symbol_style { TS_SYMBOL_ASCII, TS_SYMBOL_UNICODE } ts_symbol_style;

/* The sign of `direction` for people to read: ">=", ">", "<=", "<" in
 * TS_SYMBOL_ASCII, "≥", ">", "≤", "<" (UTF-8) in TS_SYMBOL_UNICODE (static;
 * "?" for a value outside the enum). Not escaped for any markup. */
TS_API const char *ts_direction_symbol(ts_direction direction, ts_symbol_style style);

/* True when `value` meets `target` in `direction`. False for NaN. */
TS_API bool ts_direction_met(ts_direction direction, double value, double target);

#ifdef __cplusplus
}
#endif
#endif
