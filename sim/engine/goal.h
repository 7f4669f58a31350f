/* goal.h - a target made comparable: the statistic S(t) its kind compares
 * with the target's number (docs/methodology.md, section 10.2), whether it
 * is met, and what it takes. One compiled form serves the assessment, the
 * observed record, every Monte Carlo draw and the solver. Private to the
 * engine. */
#ifndef TS_GOAL_H
#define TS_GOAL_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/plan.h"

/* One indicator whose statistic enters the goal: the target's own, and the
 * one it is relative to. */
typedef struct ts_goal_side {
    size_t index;     /* plan indicator */
    ts_measure measure;
    double anchor;    /* the baseline value v_B (r_B for a rate's value and change) */
    int from_year;    /* B: the baseline year (level), the base year (a rate's products) */
} ts_goal_side;

typedef struct ts_goal {
    ts_target_kind kind;
    ts_direction direction;
    double x;          /* the target's number */
    double tolerance;
    bool each_year;
    bool relative;     /* the statistic is own minus other */
    int base_year;     /* b: index 0 of a path */
    size_t year_k;     /* T - b */
    ts_goal_side own, other;
    bool plain;        /* a value target of its own indicator, any year: S(t) = v_t */
} ts_goal;

/* Compiles `target` (not text) of indicator `index`. */
void ts_goal_init(ts_goal *goal, const ts_plan *plan, size_t index, const ts_target *target);

/* S(t) of every year index k < n (year base_year + k) into out[k] (NaN
 * where undefined: before the baseline, over a missing value), from the
 * paths of the goal's indicator (`own`) and, for a relative target, of the
 * other (`other`, else ignored). O(n). */
void ts_goal_statistics(const ts_goal *goal, const double *own, const double *other, size_t n,
                        double *out);

/* Whether statistic `s` meets the target (ts_target_met). */
bool ts_goal_meets(const ts_goal *goal, double s);

/* Met in the target year: S(T) meets it; for an every-year bound, each year
 * b+1..T whose statistic is defined meets it. `stats` from
 * ts_goal_statistics, at least year_k + 1 of them. */
bool ts_goal_met(const ts_goal *goal, const double *stats);

/* The statistic that decides the target: S(T), or for an every-year bound
 * the worst year's (the lowest for at_least/above, the highest for
 * at_most/below). NaN when undefined. */
double ts_goal_decisive(const ts_goal *goal, const double *stats);

/* The level of the goal's indicator in T whose statistic is `s` (a level
 * indicator's value for S = s: v_B + s for a change, ...); NaN for a rate
 * indicator. */
double ts_goal_level(const ts_goal *goal, double s);

/* The statistic the indicator had at its baseline: S_0 of section 10.4
 * (the value, or 0 for changes, 1 for a multiple). */
double ts_goal_start(const ts_goal *goal);

/* Whether meeting the target before its year counts (provisionally
 * achieved, 提前实现; attainment years before T): for a level and for the
 * cumulative kinds, not for an average rate (growth_pct), a comparison with
 * another indicator, an every-year bound or a rate indicator's value or
 * change in one year (section 10.5, row 6). */
bool ts_goal_early_counts(const ts_goal *goal);

/* The first year index from which the statistic can attain the target:
 * 0, or the target year's when meeting it earlier does not count. */
size_t ts_goal_first_year(const ts_goal *goal);

/* p of section 10.4: (s - start) / (x - start), or for growth_pct s / x
 * when x lies the way the target points from zero; NaN when undefined. */
double ts_goal_progress(const ts_goal *goal, double s, double start);

/* A rate indicator's average yearly rate (per cent) over the years
 * a+1..T that takes its statistic from stats[a - b] to `s` in T (section
 * 10.7); NaN for a level indicator or when undefined. `row` is its path. */
double ts_goal_required_rate(const ts_goal *goal, const double *row, size_t a_k, double s);

/* A rate indicator's own average over a+1..T on `row` (per cent): the
 * geometric mean for the cumulative kinds, r_T for value and change. */
double ts_goal_path_rate(const ts_goal *goal, const double *row, size_t a_k);

/* The completion ("% of target", 完成度) of statistic `s`: s / x or x / s,
 * whichever is >= 1 exactly when the target is met (section 10.7); NaN for
 * "about", relative targets, x = 0, s = 0 or opposite signs. */
double ts_goal_completion(const ts_goal *goal, double s);

#endif
