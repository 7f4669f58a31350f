/* goal.c - the statistic of each target kind (docs/methodology.md, section
 * 10.2) on a path, whether it meets the target, and the numbers derived
 * from it: the level it corresponds to, the completion, the rate still
 * needed. A level's statistic depends on the year's value alone; a rate
 * indicator's cumulative kinds chain its yearly rates from the base year,
 * so the statistics of a path are computed in one pass. */
#include "goal.h"

#include <math.h>

static void side_init(ts_goal_side *side, const ts_plan *plan, size_t index)
{
    const ts_indicator *ind = &plan->indicators[index];
    side->index = index;
    side->measure = ind->measure;
    side->anchor = ind->baseline;
    /* A rate indicator's products run over the plan's years; a level is
     * measured from its own baseline year. */
    side->from_year = ind->measure == TS_MEASURE_RATE ? plan->base_year : ind->baseline_year;
}

void ts_goal_init(ts_goal *goal, const ts_plan *plan, size_t index, const ts_target *target)
{
    *goal = (ts_goal){0};
    goal->kind = target->kind;
    goal->direction = target->direction;
    goal->x = target->value;
    goal->tolerance = target->tolerance;
    goal->each_year = target->each_year;
    goal->relative = target->relative_to >= 0;
    goal->base_year = plan->base_year;
    goal->year_k = (size_t)(target->year - plan->base_year);
    side_init(&goal->own, plan, index);
    if (goal->relative)
        side_init(&goal->other, plan, (size_t)target->relative_to);
    goal->plain = goal->kind == TS_TARGET_VALUE && !goal->relative;
}

/* A level's statistic from its value in year `year`. */
static double level_statistic(const ts_goal *goal, const ts_goal_side *side, double v, int year)
{
    double vb = side->anchor;
    switch (goal->kind) {
    case TS_TARGET_VALUE: return v;
    case TS_TARGET_CHANGE: return v - vb;
    case TS_TARGET_CHANGE_PCT: return 100.0 * (v / vb - 1.0);
    case TS_TARGET_GROWTH_PCT:
        return year > side->from_year ? 100.0 * (pow(v / vb, 1.0 / (year - side->from_year)) - 1.0)
                                      : NAN;
    case TS_TARGET_MULTIPLE: return v / vb;
    case TS_TARGET_TEXT: break;
    }
    return NAN;
}

/* A rate's statistic in year index k, given the product of (1 + r/100)
 * over the base year's successors up to k. */
static double rate_statistic(const ts_goal *goal, const ts_goal_side *side, double r,
                             double product, size_t k)
{
    switch (goal->kind) {
    case TS_TARGET_VALUE: return r;
    case TS_TARGET_CHANGE: return r - side->anchor;
    case TS_TARGET_CHANGE_PCT: return 100.0 * (product - 1.0);
    case TS_TARGET_GROWTH_PCT: return k > 0 ? 100.0 * (pow(product, 1.0 / (double)k) - 1.0) : NAN;
    case TS_TARGET_MULTIPLE: return product;
    case TS_TARGET_TEXT: break;
    }
    return NAN;
}

/* One side's statistics; `add` adds them to out[] (own), else stores. */
static void side_statistics(const ts_goal *goal, const ts_goal_side *side, const double *row,
                            size_t n, double sign, double *out)
{
    double product = 1.0;
    for (size_t k = 0; k < n; k++) {
        double s;
        if (side->measure == TS_MEASURE_LEVEL) {
            s = level_statistic(goal, side, row[k], goal->base_year + (int)k);
        } else {
            if (k > 0)
                product *= 1.0 + row[k] / 100.0;
            s = rate_statistic(goal, side, row[k], product, k);
        }
        out[k] = sign > 0 ? s : out[k] - s;
    }
}

void ts_goal_statistics(const ts_goal *goal, const double *own, const double *other, size_t n,
                        double *out)
{
    side_statistics(goal, &goal->own, own, n, 1.0, out);
    if (goal->relative)
        side_statistics(goal, &goal->other, other, n, -1.0, out);
}

bool ts_goal_meets(const ts_goal *goal, double s)
{
    return ts_target_met(goal->direction, goal->tolerance, s, goal->x);
}

bool ts_goal_met(const ts_goal *goal, const double *stats)
{
    if (!goal->each_year)
        return ts_goal_meets(goal, stats[goal->year_k]);
    for (size_t k = 1; k <= goal->year_k; k++)
        if (!isnan(stats[k]) && !ts_goal_meets(goal, stats[k]))
            return false;
    return true;
}

/* Whether the target asks the statistic to be high (at_least, above). */
static bool upward(const ts_goal *goal)
{
    return goal->direction == TS_AT_LEAST || goal->direction == TS_ABOVE;
}

double ts_goal_decisive(const ts_goal *goal, const double *stats)
{
    if (!goal->each_year || goal->direction == TS_ABOUT)
        return stats[goal->year_k];
    double worst = NAN;
    for (size_t k = 1; k <= goal->year_k; k++) {
        if (isnan(stats[k]))
            continue;
        if (isnan(worst) || (upward(goal) ? stats[k] < worst : stats[k] > worst))
            worst = stats[k];
    }
    return worst;
}

double ts_goal_level(const ts_goal *goal, double s)
{
    const ts_goal_side *side = &goal->own;
    if (side->measure != TS_MEASURE_LEVEL)
        return NAN;
    double vb = side->anchor;
    int years = goal->base_year + (int)goal->year_k - side->from_year;
    switch (goal->kind) {
    case TS_TARGET_VALUE: return s;
    case TS_TARGET_CHANGE: return vb + s;
    case TS_TARGET_CHANGE_PCT: return vb * (1.0 + s / 100.0);
    case TS_TARGET_GROWTH_PCT: return years > 0 ? vb * pow(1.0 + s / 100.0, years) : NAN;
    case TS_TARGET_MULTIPLE: return vb * s;
    case TS_TARGET_TEXT: break;
    }
    return NAN;
}

double ts_goal_start(const ts_goal *goal)
{
    switch (goal->kind) {
    case TS_TARGET_VALUE: return goal->relative ? NAN : goal->own.anchor;
    case TS_TARGET_MULTIPLE: return goal->relative ? 0.0 : 1.0;
    case TS_TARGET_GROWTH_PCT: return NAN; /* an average has no starting value */
    default: return 0.0;
    }
}

/* The product of (1 + r/100) over years 1..a_k of a rate path. */
static double rate_product(const double *row, size_t a_k)
{
    double product = 1.0;
    for (size_t k = 1; k <= a_k; k++)
        product *= 1.0 + row[k] / 100.0;
    return product;
}

double ts_goal_required_rate(const ts_goal *goal, const double *row, size_t a_k, double s)
{
    if (goal->own.measure != TS_MEASURE_RATE || a_k >= goal->year_k)
        return NAN;
    double whole; /* the product over 1..T that the target asks for */
    switch (goal->kind) {
    case TS_TARGET_VALUE: return s;
    case TS_TARGET_CHANGE: return goal->own.anchor + s;
    case TS_TARGET_CHANGE_PCT: whole = 1.0 + s / 100.0; break;
    case TS_TARGET_GROWTH_PCT: whole = pow(1.0 + s / 100.0, (double)goal->year_k); break;
    case TS_TARGET_MULTIPLE: whole = s; break;
    default: return NAN;
    }
    double ratio = whole / rate_product(row, a_k);
    if (!(ratio > 0) || !isfinite(ratio))
        return NAN;
    return 100.0 * (pow(ratio, 1.0 / (double)(goal->year_k - a_k)) - 1.0);
}

double ts_goal_path_rate(const ts_goal *goal, const double *row, size_t a_k)
{
    if (goal->own.measure != TS_MEASURE_RATE || a_k >= goal->year_k)
        return NAN;
    if (goal->kind == TS_TARGET_VALUE || goal->kind == TS_TARGET_CHANGE)
        return row[goal->year_k];
    double product = rate_product(row, goal->year_k) / rate_product(row, a_k);
    if (!(product > 0))
        return NAN;
    return 100.0 * (pow(product, 1.0 / (double)(goal->year_k - a_k)) - 1.0);
}

double ts_goal_completion(const ts_goal *goal, double s)
{
    double x = goal->x;
    if (goal->direction == TS_ABOUT || goal->relative || x == 0 || s == 0 || !(s / x > 0))
        return NAN;
    /* s / x when x lies the way the target asks the statistic to go
     * (a floor above zero, a reduction below it), x / s for a ceiling. */
    return (upward(goal) == (x > 0)) ? s / x : x / s;
}

bool ts_goal_early_counts(const ts_goal *goal)
{
    if (goal->kind == TS_TARGET_GROWTH_PCT || goal->relative || goal->each_year)
        return false;
    return !(goal->own.measure == TS_MEASURE_RATE &&
             (goal->kind == TS_TARGET_VALUE || goal->kind == TS_TARGET_CHANGE));
}

size_t ts_goal_first_year(const ts_goal *goal)
{
    return ts_goal_early_counts(goal) ? 0 : goal->year_k;
}

double ts_goal_progress(const ts_goal *goal, double s, double start)
{
    if (goal->kind == TS_TARGET_GROWTH_PCT) {
        bool up = goal->direction != TS_AT_MOST && goal->direction != TS_BELOW;
        return (goal->x != 0 && up == (goal->x > 0)) ? s / goal->x : NAN;
    }
    return goal->x != start ? (s - start) / (goal->x - start) : NAN;
}
