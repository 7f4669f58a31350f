/* assess.c - the target assessment of docs/methodology.md: attainment, the
 * growth rates needed and achieved, the UN SDG progress ratio and a status
 * after Eurostat's SDG progress thresholds. */
#include <math.h>

#include "targetsim/assess.h"

/* Eurostat, "SDG indicators: methodological note", ratio thresholds. */
static const double MODERATE_RATIO = 0.6;

const char *ts_verdict_name(ts_verdict verdict)
{
    switch (verdict) {
    case TS_NO_TARGET: return "no_target";
    case TS_ACHIEVED: return "achieved";
    case TS_MISSED: return "missed";
    case TS_ON_TRACK: return "on_track";
    case TS_MODERATE: return "moderate";
    case TS_INSUFFICIENT: return "insufficient";
    case TS_MOVING_AWAY: return "moving_away";
    }
    return "?";
}

double ts_constant_rate(double from, double to, int years)
{
    if (years <= 0 || !(to / from > 0) || !isfinite(to / from))
        return NAN;
    return pow(to / from, 1.0 / years) - 1.0;
}

/* Status while the target year still lies ahead (a < T). */
static ts_verdict forward_status(const ts_assessment *a)
{
    if (a->attained)
        return TS_ON_TRACK;
    double r = a->scenario_growth / a->required_growth;
    if (isfinite(r) && a->required_growth != 0) {
        if (r < 0)
            return TS_MOVING_AWAY;
        return r < MODERATE_RATIO ? TS_INSUFFICIENT : TS_MODERATE;
    }
    /* No usable ratio (the target equals the as-of value, or a rate is
     * undefined): judge by the direction of movement alone. */
    double moved = a->value_at_target_year - a->value_at_as_of;
    bool upward = a->direction == TS_AT_LEAST || a->direction == TS_ABOVE;
    if ((upward && moved < 0) || (!upward && moved > 0))
        return TS_MOVING_AWAY;
    return TS_INSUFFICIENT;
}

void ts_assess_indicator(const ts_plan *plan, const ts_projection *proj, size_t index,
                         ts_assessment *out)
{
    ts_assess_target(plan, proj, index, &plan->indicators[index].target, 0, out);
}

void ts_assess_target(const ts_plan *plan, const ts_projection *proj, size_t index,
                      const ts_target *target, int revision, ts_assessment *out)
{
    const ts_indicator *ind = &plan->indicators[index];
    const ts_path *path = &proj->paths[index];
    *out = (ts_assessment){0};
    out->revision = revision;
    out->needed_growth_by = NAN;
    out->has_target = target->present;
    out->base_year = plan->base_year;
    out->as_of = path->as_of;
    out->baseline = ind->baseline;
    out->value_at_as_of = ts_projection_value(proj, index, path->as_of);
    out->target = out->ratio = out->required_growth = out->scenario_growth = NAN;
    out->progress = out->realised_growth = out->needed_growth = out->shortfall = NAN;
    out->value_at_target_year = NAN;
    out->status = TS_NO_TARGET;
    if (!target->present)
        return;

    int a = path->as_of, T = target->year, b = plan->base_year;
    double x = target->value, vb = ind->baseline, va = out->value_at_as_of;
    double vT = ts_projection_value(proj, index, T);
    out->target = x;
    out->direction = target->direction;
    out->target_year = T;
    out->value_at_target_year = vT;
    out->attained = ts_direction_met(out->direction, vT, x);
    out->ratio = x != 0 ? vT / x : NAN;
    out->progress = x != vb ? (vT - vb) / (x - vb) : NAN;
    if (a < T) {
        out->required_growth = ts_constant_rate(va, x, T - a);
        out->scenario_growth = ts_constant_rate(va, vT, T - a);
    }
    for (int t = b; t <= proj->horizon && !out->attainment_year; t++)
        if (ts_direction_met(out->direction, ts_projection_value(proj, index, t), x))
            out->attainment_year = t;

    if (a >= T) {
        /* The target year is observed: the verdict is the observed value. */
        out->retrospective = true;
        out->realised_growth = ts_constant_rate(vb, vT, T - b);
        out->needed_growth = ts_constant_rate(vb, x, T - b);
        out->shortfall = x - vT;
        out->status = out->attained ? TS_ACHIEVED : TS_MISSED;
    } else if (ts_direction_met(out->direction, va, x)) {
        out->status = TS_ACHIEVED;
    } else {
        out->status = forward_status(out);
    }
}
