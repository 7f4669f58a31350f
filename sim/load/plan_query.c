/* plan_query.c - what callers ask of a loaded plan: an indicator by id,
 * the names of directions, kinds, measures and rules, whether a number
 * meets a target, the last target year. */
#include <math.h>
#include <string.h>

#include "targetsim/plan.h"

/* Each direction's name in the files and report.json, and its sign in
 * plain text (report.txt, .dat comments) and typeset (charts, report.html). */
static const struct {
    const char *name, *ascii, *unicode;
} DIRECTIONS[] = {
    [TS_AT_LEAST] = {"at_least", ">=", "≥"},
    [TS_ABOVE] = {"above", ">", ">"},
    [TS_AT_MOST] = {"at_most", "<=", "≤"},
    [TS_BELOW] = {"below", "<", "<"},
    [TS_ABOUT] = {"about", "~", "≈"},
};

static bool direction_known(ts_direction direction)
{
    return (unsigned)direction < sizeof DIRECTIONS / sizeof DIRECTIONS[0];
}

const char *ts_direction_name(ts_direction direction)
{
    return direction_known(direction) ? DIRECTIONS[direction].name : "?";
}

const char *ts_direction_symbol(ts_direction direction, ts_symbol_style style)
{
    if (!direction_known(direction))
        return "?";
    return style == TS_SYMBOL_UNICODE ? DIRECTIONS[direction].unicode : DIRECTIONS[direction].ascii;
}

bool ts_target_met(ts_direction direction, double tolerance, double s, double x)
{
    /* Equal up to rounding counts as equal: 10.8 + 5 * 0.1 is
     * 11.299999999999999 and meets "at least 11.3" (section 10.3). */
    double eps = 1e-9 * fmax(fabs(s), fabs(x));
    switch (direction) {
    case TS_AT_LEAST: return s >= x - eps;
    case TS_ABOVE: return s > x + eps;
    case TS_AT_MOST: return s <= x + eps;
    case TS_BELOW: return s < x - eps;
    case TS_ABOUT: return fabs(s - x) <= tolerance + eps;
    }
    return false;
}

bool ts_direction_met(ts_direction direction, double value, double target)
{
    return ts_target_met(direction, 0, value, target);
}

static const char *const MEASURES[] = {[TS_MEASURE_LEVEL] = "level", [TS_MEASURE_RATE] = "rate"};
static const char *const ATTRIBUTES[] = {[TS_ATTRIBUTE_NONE] = NULL,
                                         [TS_ATTRIBUTE_EXPECTED] = "expected",
                                         [TS_ATTRIBUTE_BINDING] = "binding"};
static const char *const RULES[] = {[TS_RULE_ELAPSED] = "elapsed", [TS_RULE_SDG] = "sdg"};

const char *ts_measure_name(ts_measure measure)
{
    return (unsigned)measure < 2 ? MEASURES[measure] : "?";
}

const char *ts_attribute_name(ts_attribute attribute)
{
    return (unsigned)attribute < 3 ? ATTRIBUTES[attribute] : NULL;
}

const char *ts_rule_name(ts_rule rule)
{
    return (unsigned)rule < 2 ? RULES[rule] : "?";
}

long ts_plan_find(const ts_plan *plan, const char *id)
{
    for (size_t i = 0; i < plan->n_indicators; i++)
        if (strcmp(plan->indicators[i].id, id) == 0)
            return (long)i;
    return -1;
}

bool ts_indicator_has_figures(const ts_indicator *ind)
{
    return ind->is_derived || ind->has_baseline || ind->actual.n > 0;
}

bool ts_target_scored(const ts_target *target)
{
    return target->present && target->kind != TS_TARGET_TEXT;
}

bool ts_plan_has_targets(const ts_plan *plan)
{
    for (size_t i = 0; i < plan->n_indicators; i++)
        if (ts_target_scored(&plan->indicators[i].target))
            return true;
    return false;
}

int ts_plan_last_target_year(const ts_plan *plan)
{
    int last = plan->target_year;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        if (ind->target.present && ind->target.year > last)
            last = ind->target.year;
        for (size_t k = 0; k < ind->n_revisions; k++)
            if (ind->revisions[k].target.year > last)
                last = ind->revisions[k].target.year;
    }
    return last;
}

