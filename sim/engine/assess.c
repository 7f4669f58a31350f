/* assess.c - a target on a scenario's path: the statistic of its kind in
 * the target year and whether it meets the target, the completion, the
 * growth (or rate) still needed and the path's own, the attainment year,
 * and a status after Eurostat's SDG progress thresholds
 * (docs/methodology.md, sections 3 and 10.7). */
#include <math.h>
#include <string.h>

#include "goal.h"
#include "targetsim/assess.h"

/* Eurostat, "SDG indicators: methodological note", ratio thresholds. */
static const double MODERATE_RATIO = 0.6;

static const char *const VERDICT_NAMES[] = {
    [TS_NO_TARGET] = "no_target",         [TS_ACHIEVED] = "achieved",
    [TS_MISSED] = "missed",               [TS_ON_TRACK] = "on_track",
    [TS_MODERATE] = "moderate",           [TS_INSUFFICIENT] = "insufficient",
    [TS_MOVING_AWAY] = "moving_away",     [TS_ACHIEVED_EARLY] = "achieved_early",
    [TS_AHEAD] = "ahead",                 [TS_ON_SCHEDULE] = "on_schedule",
    [TS_LAGGING] = "lagging",             [TS_HELD] = "held",
    [TS_BREACHED] = "breached",           [TS_NOT_SCORED] = "not_scored",
    [TS_PENDING_DATA] = "pending_data",   [TS_NO_DATA] = "no_data",
};

const char *ts_verdict_name(ts_verdict verdict)
{
    return (unsigned)verdict < TS_N_VERDICTS ? VERDICT_NAMES[verdict] : "?";
}

double ts_constant_rate(double from, double to, int years)
{
    if (years <= 0 || !(to / from > 0) || !isfinite(to / from))
        return NAN;
    return pow(to / from, 1.0 / years) - 1.0;
}

/* Whether the path moved away from the target between the as-of year and
 * the target year: the statistic went the wrong way, or (for "about") got
 * further from x. */
static bool moved_away(const ts_goal *g, double at_as_of, double at_target)
{
    switch (g->direction) {
    case TS_AT_LEAST:
    case TS_ABOVE: return at_target < at_as_of;
    case TS_AT_MOST:
    case TS_BELOW: return at_target > at_as_of;
    case TS_ABOUT: return fabs(at_target - g->x) > fabs(at_as_of - g->x);
    }
    return false;
}

/* Status while the target year still lies ahead (a < T). */
static ts_verdict forward_status(const ts_goal *g, const ts_assessment *a, double at_as_of)
{
    if (a->attained)
        return TS_ON_TRACK;
    double required = a->measure == TS_MEASURE_RATE ? a->required_rate : a->required_growth;
    double own = a->measure == TS_MEASURE_RATE ? a->scenario_rate : a->scenario_growth;
    double r = own / required;
    if (isfinite(r) && required != 0) {
        if (r < 0)
            return TS_MOVING_AWAY;
        return r < MODERATE_RATIO ? TS_INSUFFICIENT : TS_MODERATE;
    }
    /* No usable ratio (the target equals the as-of value, a rate is
     * undefined, a relative or every-year target): judge by the direction
     * of movement alone. */
    return moved_away(g, at_as_of, a->statistic) ? TS_MOVING_AWAY : TS_INSUFFICIENT;
}

/* An every-year bound broken in an observed year b+1..min(a, T). */
static bool breached_observed(const ts_goal *g, const ts_path *path, const double *stats,
                              int base_year, int as_of)
{
    for (size_t k = 1; k <= g->year_k && base_year + (int)k <= as_of; k++)
        if (path->kinds[k] == TS_OBSERVED && !isnan(stats[k]) && !ts_goal_meets(g, stats[k]))
            return true;
    return false;
}

static ts_verdict each_year_status(const ts_goal *g, const ts_projection *proj,
                                   const ts_path *path, const double *stats, ts_assessment *a)
{
    if (breached_observed(g, path, stats, proj->base_year, a->as_of)) {
        a->decided = true;
        return TS_BREACHED;
    }
    if (a->as_of >= a->target_year) {
        a->decided = true;
        return TS_ACHIEVED;
    }
    if (a->target_year <= proj->evaluation_year)
        return TS_PENDING_DATA;
    return a->attained ? TS_ON_TRACK : TS_BREACHED;
}

/* The as-of year of a relative target is the earlier of its two
 * indicators'; its value there, the baseline when it lies before the base
 * year. */
static void fill_as_of(const ts_plan *plan, const ts_projection *proj, size_t index,
                       const ts_target *target, ts_assessment *out)
{
    const ts_indicator *ind = &plan->indicators[index];
    out->as_of = proj->paths[index].as_of;
    if (target->present && target->relative_to >= 0 &&
        proj->paths[target->relative_to].as_of < out->as_of)
        out->as_of = proj->paths[target->relative_to].as_of;
    out->value_at_as_of = out->as_of >= proj->base_year
                              ? ts_projection_value(proj, index, out->as_of)
                              : (out->as_of == ind->baseline_year ? ind->baseline : NAN);
}

static void reset(const ts_plan *plan, size_t index, const ts_target *target, int revision,
                  ts_assessment *out)
{
    const ts_indicator *ind = &plan->indicators[index];
    memset(out, 0, sizeof *out);
    out->revision = revision;
    out->kind = target->kind;
    out->measure = ind->measure;
    out->direction = target->direction;
    out->each_year = target->each_year;
    out->has_target = target->present && target->kind != TS_TARGET_TEXT;
    out->is_text = target->present && target->kind == TS_TARGET_TEXT;
    out->base_year = plan->base_year;
    out->baseline_year = ind->baseline_year;
    out->baseline = ind->baseline;
    out->target = out->level_target = out->ratio = out->statistic = NAN;
    out->required_growth = out->scenario_growth = out->required_rate = NAN;
    out->scenario_rate = out->progress = out->realised_growth = NAN;
    out->needed_growth = out->shortfall = out->value_at_target_year = NAN;
    out->needed_growth_by = NAN;
    out->status = out->is_text ? TS_NOT_SCORED : TS_NO_TARGET;
    out->target_year = out->is_text ? target->year : 0;
}

/* Rates needed from the as-of year and the path's own, for a < T. */
static void fill_rates(const ts_goal *g, const ts_goal *own_goal, const double *row,
                       double x_eff, ts_assessment *a)
{
    if (a->as_of >= a->target_year || g->each_year)
        return;
    if (a->measure == TS_MEASURE_LEVEL) {
        int years = a->target_year - a->as_of;
        a->required_growth = ts_constant_rate(a->value_at_as_of, a->level_target, years);
        a->scenario_growth = ts_constant_rate(a->value_at_as_of, a->value_at_target_year, years);
        return;
    }
    size_t a_k = a->as_of > a->base_year ? (size_t)(a->as_of - a->base_year) : 0;
    a->required_rate = ts_goal_required_rate(own_goal, row, a_k, x_eff);
    a->scenario_rate = ts_goal_path_rate(own_goal, row, a_k);
}

/* The first year whose statistic meets the target, from b (from T when
 * meeting it earlier does not count); an every-year bound is attained in T
 * when it held every year, else never. */
static int attainment_year(const ts_goal *g, const double *stats, size_t n, bool attained)
{
    if (g->each_year)
        return attained ? g->base_year + (int)g->year_k : 0;
    for (size_t k = ts_goal_first_year(g); k < n; k++)
        if (ts_goal_meets(g, stats[k]))
            return g->base_year + (int)k;
    return 0;
}

static void retrospect(ts_assessment *a)
{
    int years = a->target_year - a->baseline_year;
    a->retrospective = true;
    if (a->measure == TS_MEASURE_LEVEL && !a->each_year) {
        a->realised_growth = ts_constant_rate(a->baseline, a->value_at_target_year, years);
        a->needed_growth = ts_constant_rate(a->baseline, a->level_target, years);
    }
    a->shortfall = isfinite(a->level_target) ? a->level_target - a->value_at_target_year
                                             : a->target - a->statistic;
}

void ts_assess_indicator(const ts_plan *plan, const ts_projection *proj, size_t index,
                         ts_assessment *out)
{
    ts_assess_target(plan, proj, index, &plan->indicators[index].target, 0, out);
}

void ts_assess_target(const ts_plan *plan, const ts_projection *proj, size_t index,
                      const ts_target *target, int revision, ts_assessment *out)
{
    reset(plan, index, target, revision, out);
    fill_as_of(plan, proj, index, target, out);
    if (!out->has_target)
        return;
    if (!ts_indicator_has_figures(&plan->indicators[index])) {
        /* Set before any figure exists: nothing to judge until one does. */
        out->target = target->value;
        out->target_year = target->year;
        out->status = TS_NO_DATA;
        return;
    }
    const ts_path *path = &proj->paths[index];
    const double *other = target->relative_to >= 0 ? proj->paths[target->relative_to].values : NULL;
    ts_goal g, own_goal;
    ts_goal_init(&g, plan, index, target);
    own_goal = g;
    own_goal.relative = false;
    double stats[TS_MAX_YEAR_SPAN + 1], own_stats[TS_MAX_YEAR_SPAN + 1];
    ts_goal_statistics(&g, path->values, other, proj->n_years, stats);
    ts_goal_statistics(&own_goal, path->values, NULL, proj->n_years, own_stats);
    size_t T_k = g.year_k;
    double x = target->value;
    /* A relative target's number is an offset from the other indicator's
     * statistic: on this path that is x + S_other(T) for the own one. */
    double x_eff = g.relative ? x + (own_stats[T_k] - stats[T_k]) : x;
    out->target = x;
    out->target_year = target->year;
    out->value_at_target_year = path->values[T_k];
    out->statistic = stats[T_k];
    out->level_target = ts_goal_level(&own_goal, x_eff);
    out->attained = ts_goal_met(&g, stats);
    out->ratio = ts_goal_completion(&g, ts_goal_decisive(&g, stats));
    double start = ts_goal_start(&g);
    out->progress = ts_goal_progress(&g, out->statistic, start);
    fill_rates(&g, &own_goal, path->values, x_eff, out);
    out->attainment_year = attainment_year(&g, stats, proj->n_years, out->attained);
    int a = out->as_of, T = out->target_year;
    double at_as_of = a >= proj->base_year ? stats[a - proj->base_year] : start;
    if (a >= T)
        retrospect(out);
    if (g.each_year)
        out->status = each_year_status(&g, proj, path, stats, out);
    else if (a >= T) {
        out->decided = true;
        out->status = out->attained ? TS_ACHIEVED : TS_MISSED;
    } else if (T <= proj->evaluation_year)
        out->status = TS_PENDING_DATA;
    else if (ts_goal_early_counts(&g) && ts_goal_meets(&g, at_as_of))
        out->status = TS_ACHIEVED;
    else
        out->status = forward_status(&g, out, at_as_of);
}
