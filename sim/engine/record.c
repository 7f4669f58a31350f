/* record.c - the observed record against elapsed time (docs/methodology.md,
 * sections 10.4 to 10.6): each target's statistic at its latest observed
 * year, the share of the required change achieved against the share of
 * the period elapsed, and the category the evaluation rule gives; for a
 * target whose year has passed unpublished, a nowcast from the latest
 * figures. Only the plan's figures are read. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "goal.h"
#include "observed.h"
#include "targetsim/project.h"
#include "targetsim/record.h"
#include "targetsim/model.h"

/* Eurostat's thresholds on the ratio of observed to required growth. */
static const double SDG_ON_TRACK = 0.95, SDG_MODERATE = 0.6;

/* What record_target works from. */
typedef struct judge {
    const ts_plan *plan;
    const ts_observed *obs;
    int evaluation_year;
    ts_evaluation evaluation;
} judge;

static const double *row_of(const judge *j, size_t index)
{
    return j->obs->values + index * j->obs->n_years;
}

/* The first year after the base year with an observation of the
 * indicator, or 0. */
static int first_observed(const judge *j, size_t index)
{
    for (size_t k = 0; k < j->obs->n_years; k++)
        if (j->obs->kinds[index * j->obs->n_years + k] == TS_OBSERVED)
            return j->obs->base_year + (int)k;
    return 0;
}

/* B and S_0: where progress is measured from (section 10.4). Without a
 * baseline a value target is measured from its first observation. */
static void starting_point(const judge *j, const ts_goal *g, size_t index, const double *stats,
                           int *from, double *start)
{
    const ts_indicator *ind = &j->plan->indicators[index];
    *from = g->own.from_year;
    *start = ts_goal_start(g);
    if (g->relative || ind->has_baseline || g->kind != TS_TARGET_VALUE)
        return;
    *from = first_observed(j, index);
    *start = *from ? stats[*from - j->obs->base_year] : NAN;
}

/* The statistic in year `year` (the start when it lies before the base year). */
static double statistic_at(const judge *j, const double *stats, int year, double start)
{
    return year >= j->obs->base_year ? stats[year - j->obs->base_year] : start;
}

/* Held and broken observed years of an every-year bound, b+1..min(a, T). */
static void count_years(const judge *j, const ts_goal *g, const double *stats, int a,
                        ts_record *rec)
{
    for (size_t k = 1; k <= g->year_k && j->obs->base_year + (int)k <= a; k++) {
        if (j->obs->kinds[g->own.index * j->obs->n_years + k] != TS_OBSERVED || isnan(stats[k]))
            continue;
        if (ts_goal_meets(g, stats[k])) {
            rec->years_held++;
        } else {
            rec->years_breached++;
            rec->breached_years[rec->n_breached++] = j->obs->base_year + (int)k;
        }
    }
}

/* R of the sdg rule: observed against required compound growth for the
 * level kinds of a level indicator, else the pace. */
static double sdg_ratio(const judge *j, const ts_goal *g, size_t index, int from, int a,
                        double pace)
{
    const ts_indicator *ind = &j->plan->indicators[index];
    if (g->relative || ind->measure != TS_MEASURE_LEVEL || !ind->has_baseline)
        return pace;
    double x_level = ts_goal_level(g, g->x);
    double v_a = ts_observed_value(j->obs, j->plan, index, a);
    double g_obs = ts_constant_rate(ind->baseline, v_a, a - from);
    double g_req = ts_constant_rate(ind->baseline, x_level, g->base_year + (int)g->year_k - from);
    double r = g_obs / g_req;
    return isfinite(r) && g_req != 0 ? r : pace;
}

static ts_verdict banded(const judge *j, double q)
{
    if (j->evaluation.rule == TS_RULE_SDG)
        return q >= SDG_ON_TRACK ? TS_ON_TRACK
               : q >= SDG_MODERATE ? TS_MODERATE
               : q >= 0            ? TS_INSUFFICIENT
                                   : TS_MOVING_AWAY;
    return q >= j->evaluation.band_high  ? TS_AHEAD
           : q >= j->evaluation.band_low ? TS_ON_SCHEDULE
                                         : TS_LAGGING;
}

/* e, p and q of section 10.4 at year `at` (a, or T once it is observed),
 * where the record has a start to measure from. */
static void fill_progress(const judge *j, const ts_goal *g, size_t index, int from, int at,
                          double start, ts_record *rec)
{
    int T = g->base_year + (int)g->year_k;
    if (!from || at < from || T <= from || isnan(rec->statistic))
        return;
    rec->elapsed = (double)(at - from) / (double)(T - from);
    if (at == from || g->relative || g->each_year)
        return;
    rec->progress = ts_goal_progress(g, rec->statistic, start);
    rec->pace = g->kind == TS_TARGET_GROWTH_PCT ? rec->progress : rec->progress / rec->elapsed;
    if (j->evaluation.rule == TS_RULE_SDG && isfinite(rec->pace))
        rec->pace = sdg_ratio(j, g, index, from, at, rec->pace);
}

/* Rows 6-12 of the category table: the target year is still ahead. */
static ts_verdict forward_category(const judge *j, const ts_goal *g, int from, int a,
                                   ts_record *rec)
{
    if (ts_goal_early_counts(g) && ts_goal_meets(g, rec->statistic))
        return TS_ACHIEVED_EARLY;
    if (!from || a <= from || isnan(rec->statistic))
        return TS_NO_DATA;
    if (isfinite(rec->pace))
        return banded(j, rec->pace);
    return ts_goal_meets(g, rec->statistic) ? TS_ON_SCHEDULE : TS_LAGGING;
}

/* An input's value in `year` when observed, else its latest observation:
 * what is known now, with no trend (a derived indicator from its inputs'). */
static double latest_known(const judge *j, size_t index, int year)
{
    const ts_indicator *ind = &j->plan->indicators[index];
    if (!ind->is_derived) {
        int at = j->obs->as_of[index] < year ? j->obs->as_of[index] : year;
        return ts_observed_value(j->obs, j->plan, index, at);
    }
    double in[TS_MAX_FACTORS];
    for (size_t f = 0; f < ind->derived.n; f++)
        in[f] = latest_known(j, ind->derived.inputs[f], year);
    return ts_model_derived_value(ind->derived.scale, ind->derived.n, in, ind->derived.powers);
}

/* Section 10.6: a derived level's statistic in T from its inputs' latest
 * figures; otherwise the statistic at the latest observation. */
static double nowcast(const judge *j, const ts_goal *g, size_t index, double latest_statistic)
{
    const ts_indicator *ind = &j->plan->indicators[index];
    if (!ind->is_derived || ind->measure != TS_MEASURE_LEVEL || g->relative)
        return latest_statistic;
    double row[TS_MAX_YEAR_SPAN + 1], stats[TS_MAX_YEAR_SPAN + 1];
    memcpy(row, row_of(j, index), j->obs->n_years * sizeof *row);
    row[g->year_k] = latest_known(j, index, g->base_year + (int)g->year_k);
    ts_goal_statistics(g, row, NULL, j->obs->n_years, stats);
    return stats[g->year_k];
}

static void record_target(const judge *j, size_t index, const ts_target *tg, ts_record *rec)
{
    memset(rec, 0, sizeof *rec);
    rec->present = tg->present;
    rec->scored = tg->present && tg->kind != TS_TARGET_TEXT;
    rec->category = !tg->present ? TS_NO_TARGET : rec->scored ? TS_NO_DATA : TS_NOT_SCORED;
    rec->latest = rec->statistic = rec->elapsed = rec->progress = rec->pace = NAN;
    rec->nowcast = NAN;
    int a = j->obs->as_of[index];
    if (tg->present && tg->relative_to >= 0 && j->obs->as_of[tg->relative_to] < a)
        a = j->obs->as_of[tg->relative_to];
    rec->as_of = a;
    rec->latest = ts_observed_value(j->obs, j->plan, index, a);
    if (!rec->scored)
        return;
    ts_goal g;
    ts_goal_init(&g, j->plan, index, tg);
    double stats[TS_MAX_YEAR_SPAN + 1];
    const double *other = g.relative ? row_of(j, g.other.index) : NULL;
    ts_goal_statistics(&g, row_of(j, index), other, j->obs->n_years, stats);
    int from;
    double start;
    starting_point(j, &g, index, stats, &from, &start);
    rec->from_year = from;
    int T = tg->year;
    /* Judged in the target year once it is observed. */
    int at = a < T ? a : T;
    rec->statistic = statistic_at(j, stats, at, start);
    fill_progress(j, &g, index, from, at, start, rec);
    if (g.each_year)
        count_years(j, &g, stats, a, rec);
    if (rec->years_breached)
        rec->category = TS_BREACHED;
    else if (T <= j->evaluation_year && a >= T)
        rec->category = g.each_year || ts_goal_meets(&g, stats[g.year_k]) ? TS_ACHIEVED : TS_MISSED;
    else if (T <= j->evaluation_year) {
        rec->category = TS_PENDING_DATA;
        rec->nowcast = nowcast(j, &g, index, rec->statistic);
    } else if (g.each_year)
        rec->category = rec->years_held ? TS_HELD : TS_NO_DATA;
    else
        rec->category = forward_category(j, &g, from, at, rec);
}

static ts_status record_all(const judge *j, ts_table *t, ts_error *err)
{
    const ts_plan *plan = j->plan;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        record_target(j, i, &ind->target, &t->records[i]);
        if (ind->target.present) {
            t->n_targets++;
            t->counts[t->records[i].category]++;
        }
        if (ind->n_revisions == 0)
            continue;
        if (!(t->revisions[i] = calloc(ind->n_revisions, sizeof *t->revisions[i])))
            return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        for (size_t k = 0; k < ind->n_revisions; k++)
            record_target(j, i, &ind->revisions[k].target, &t->revisions[i][k]);
    }
    return TS_OK;
}

void ts_table_free(ts_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; t->revisions && i < t->n_indicators; i++)
        free(t->revisions[i]);
    free(t->revisions);
    free(t->records);
    free(t);
}

static ts_status check_evaluation(const ts_plan *plan, int as_of, const ts_evaluation *ev,
                                  ts_error *err)
{
    if (as_of != TS_AS_OF_LATEST && as_of < plan->base_year)
        return ts_error_set(err, TS_EUSAGE, NULL, "as_of", "%d is before the base year %d",
                            as_of, plan->base_year);
    if (!(ev->band_low > 0 && ev->band_low <= 1 && ev->band_high >= 1 && isfinite(ev->band_high)))
        return ts_error_set(err, TS_EUSAGE, NULL, "band",
                            "[%g, %g] is not a band with 0 < low <= 1 <= high", ev->band_low,
                            ev->band_high);
    return TS_OK;
}

ts_status ts_table_create(const ts_plan *plan, int as_of, int horizon,
                          const ts_evaluation *evaluation, ts_table **out, ts_error *err)
{
    *out = NULL;
    const ts_evaluation *ev = evaluation ? evaluation : &plan->evaluation;
    ts_status st = check_evaluation(plan, as_of, ev, err);
    if (st != TS_OK)
        return st;
    if (!horizon)
        horizon = plan->horizon;
    int limit = as_of == TS_AS_OF_LATEST || as_of > horizon ? horizon : as_of;
    ts_observed obs;
    if ((st = ts_observed_fill(plan, limit, horizon, &obs, err)) != TS_OK)
        return st;
    ts_table *t = calloc(1, sizeof *t);
    size_t n = plan->n_indicators ? plan->n_indicators : 1;
    if (!t || !(t->records = calloc(n, sizeof *t->records)) ||
        !(t->revisions = calloc(n, sizeof *t->revisions))) {
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    t->n_indicators = plan->n_indicators;
    t->evaluation = *ev;
    t->evaluation_year = as_of != TS_AS_OF_LATEST ? as_of : ts_observed_latest(&obs);
    judge j = {plan, &obs, t->evaluation_year, *ev};
    if ((st = record_all(&j, t, err)) != TS_OK)
        goto out;
    *out = t;
    t = NULL;
out:
    ts_table_free(t);
    ts_observed_clear(&obs);
    return st;
}
