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
    TS_MAX_NOTES = 64,
    TS_MAX_SOURCES = 1024,
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
    TS_AT_LEAST, /* statistic >= target ("以上", "达到") */
    TS_ABOVE,    /* statistic >  target ("突破", "高于", ">") */
    TS_AT_MOST,  /* statistic <= target ("以内", "不超过") */
    TS_BELOW,    /* statistic <  target ("低于", "<") */
    TS_ABOUT     /* |statistic - target| <= tolerance ("左右", "基本同步") */
} ts_direction;

/* How a target's number is written (docs/methodology.md, section 10.2). */
typedef enum ts_target_kind {
    TS_TARGET_VALUE,      /* the level in the target year */
    TS_TARGET_CHANGE,     /* absolute change from the baseline */
    TS_TARGET_CHANGE_PCT, /* per cent change from the baseline (a rate indicator's
                           * yearly rates compounded) */
    TS_TARGET_GROWTH_PCT, /* average yearly growth in per cent (a rate indicator's
                           * geometric mean) */
    TS_TARGET_MULTIPLE,   /* ratio to the baseline (翻番 = 2) */
    TS_TARGET_TEXT        /* qualitative: shown, never scored */
} ts_target_kind;

/* What an indicator's yearly values are. */
typedef enum ts_measure {
    TS_MEASURE_LEVEL, /* a level (GDP, a share, a count) */
    TS_MEASURE_RATE   /* a yearly rate in per cent (GDP growth): never compounded on itself */
} ts_measure;

/* 约束性 / 预期性; TS_ATTRIBUTE_NONE when the plan does not say. */
typedef enum ts_attribute {
    TS_ATTRIBUTE_NONE,
    TS_ATTRIBUTE_EXPECTED,
    TS_ATTRIBUTE_BINDING
} ts_attribute;

/* How the observed record is judged against elapsed time (section 10.5). */
typedef enum ts_rule {
    TS_RULE_ELAPSED, /* progress against the elapsed share, banded */
    TS_RULE_SDG      /* observed against required compound growth (Eurostat, Open SDG) */
} ts_rule;

typedef struct ts_year_value {
    int year;
    double value;
} ts_year_value;

/* A bilingual text; either member may be NULL when the file omits it. */
typedef struct ts_text {
    char *zh;
    char *en;
} ts_text;

/* What a plan says about one figure beside its number: where it comes from
 * and whether it is an assumption. Every member may be empty. A source that
 * is exactly a key of the plan's bibliography cites that entry. */
typedef struct ts_figure {
    ts_text source;
    ts_text note;
    ts_text assumption; /* non-empty: the figure is not sourced */
} ts_figure;

/* Year-sorted points, years unique. `figures` is NULL when no point came
 * with a source or a note, else n entries beside `points`. */
typedef struct ts_series {
    size_t n;
    ts_year_value *points;
    ts_figure *figures;
} ts_series;

typedef struct ts_target {
    bool present;
    ts_target_kind kind;
    double value;          /* x, as written (per cent for the _pct kinds); NaN for text */
    ts_direction direction;
    double tolerance;      /* TS_ABOUT: how far from x still meets it; else 0 */
    bool each_year;        /* the bound holds in every year base_year+1 .. year */
    long relative_to;      /* plan index: x is an offset from that indicator's same
                            * statistic; -1 when not relative */
    int year;              /* the indicator's target_year, or the plan's */
    ts_text text;          /* TS_TARGET_TEXT: the qualitative target */
    ts_text as_written;    /* as the plan's table prints it; may be empty */
    ts_text source;
    ts_text note;
} ts_target;

/* A later revision of an indicator's target: its own number, direction and
 * year, and where it was announced (target.source). */
typedef struct ts_revision {
    ts_target target; /* target.present is true */
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
    ts_measure measure;
    bool has_baseline;  /* false: the table's "—"; baseline is then NaN */
    double baseline;    /* value in baseline_year; computed for derived indicators */
    int baseline_year;  /* <= the plan's base year; the base year unless the plan says */
    ts_figure baseline_figure;
    ts_target target;   /* target.present is false for pure inputs (population, ...) */
    ts_series history;  /* years before the baseline year (context, trend fits) */
    ts_series actual;   /* observed years after the baseline year */
    ts_text category;   /* the table's group; may be empty */
    ts_attribute attribute;
    ts_text source;     /* where the figures come from; may be empty */
    ts_text note;
    ts_text assumption; /* non-empty: a figure is not sourced; says which and how it was made */
    bool is_derived;
    ts_derivation derived;
    size_t n_revisions;     /* revisions of `target`, in file order; target stays the primary */
    ts_revision *revisions;
} ts_indicator;

/* One entry of a plan's bibliography ("bibliography": "sources.json"). */
typedef struct ts_source_entry {
    char *key;
    ts_text title;
    ts_text publisher;
    char *date;  /* "2022-02-28", "2022-02" or "2022"; may be NULL */
    char *url;   /* may be NULL */
    ts_text gives;
} ts_source_entry;

/* How the plan's observed record is judged (plan key "evaluation"). */
typedef struct ts_evaluation {
    ts_rule rule;
    double band_low, band_high; /* the pace band [low, high), default [0.9, 1.1) */
} ts_evaluation;

typedef struct ts_plan {
    char *file; /* as given to ts_plan_load */
    char *id;
    ts_text name;
    ts_text source;
    int base_year;
    int target_year;    /* default target year of the indicators */
    int horizon;        /* default horizon: the plan's "horizon", else the later of 2035
                         * and target_year + 10, at most TS_MAX_YEAR */
    size_t n_indicators;
    ts_indicator *indicators; /* in file order */
    size_t *order;            /* evaluation order: every input before the indicators derived from it */
    size_t n_scenarios;
    char **scenarios;         /* scenario files listed by the plan, resolved against its folder */
    size_t n_notes;
    ts_text *notes;           /* the notes printed under the plan's table */
    ts_evaluation evaluation;
    char *bibliography_file;  /* resolved against the plan's folder; NULL without one */
    size_t n_sources;
    ts_source_entry *sources; /* the bibliography, in file order */
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

/* True when `target` is there and is scored: a number, not a text. */
TS_API bool ts_target_scored(const ts_target *target);

/* True when the plan gives the indicator some figure: a baseline, an
 * observation, or inputs to derive it from. An indicator without one (a
 * target the plan sets before any figure of it is published) needs no
 * driver, projects to nothing, and its target waits for data. */
TS_API bool ts_indicator_has_figures(const ts_indicator *ind);

/* True when some indicator of the plan has a scored target (its own;
 * revisions only revise one). */
TS_API bool ts_plan_has_targets(const ts_plan *plan);

/* "at_least", "above", "at_most", "below", "about" (static; "?" for a value
 * outside the enum). */
TS_API const char *ts_direction_name(ts_direction direction);

/* How ts_direction_symbol writes a sign: ">=" or "≥". */
typedef enum ts_symbol_style { TS_SYMBOL_ASCII, TS_SYMBOL_UNICODE } ts_symbol_style;

/* The sign of `direction` for people to read: ">=", ">", "<=", "<", "~" in
 * TS_SYMBOL_ASCII, "≥", ">", "≤", "<", "≈" (UTF-8) in TS_SYMBOL_UNICODE
 * (static; "?" for a value outside the enum). Not escaped for any markup. */
TS_API const char *ts_direction_symbol(ts_direction direction, ts_symbol_style style);

/* "value", "change", "change_pct", "growth_pct", "multiple", "text" (static;
 * "?" outside the enum). */
TS_API const char *ts_target_kind_name(ts_target_kind kind);

/* "level", "rate" (static). */
TS_API const char *ts_measure_name(ts_measure measure);

/* "binding", "expected", or NULL for TS_ATTRIBUTE_NONE (static). */
TS_API const char *ts_attribute_name(ts_attribute attribute);

/* "elapsed", "sdg" (static). */
TS_API const char *ts_rule_name(ts_rule rule);

/* True when the statistic `s` meets target number `x` in `direction`
 * (`tolerance` for TS_ABOUT), with a relative slack of 1e-9 *
 * max(|s|, |x|) so that a value equal to the target up to rounding meets
 * it (section 10.3); a strict direction is not met by equality. False for
 * NaN. */
TS_API bool ts_target_met(ts_direction direction, double tolerance, double s, double x);

/* ts_target_met without a tolerance: `value` against `target`. */
TS_API bool ts_direction_met(ts_direction direction, double value, double target);

/* The bibliography entry whose key is `key`, or NULL. */
TS_API const ts_source_entry *ts_plan_source(const ts_plan *plan, const char *key);

#ifdef __cplusplus
}
#endif
#endif
