/* compare.c - every scenario of a run against a reference scenario: the
 * differences, target by target, in the value in the target year, the
 * attainment year and (with Monte Carlo results) the probability. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attached.h"

void ts_comparison_free(ts_comparison *cmp)
{
    if (!cmp)
        return;
    free(cmp->rows);
    free(cmp);
}

static long find_scenario(const ts_run *run, const char *id)
{
    for (size_t s = 0; s < run->n_results; s++)
        if (strcmp(run->results[s].scenario->id, id) == 0)
            return (long)s;
    return -1;
}

/* Number of targets of the plan, revisions included. */
static size_t count_targets(const ts_plan *plan)
{
    size_t n = 0;
    for (size_t i = 0; i < plan->n_indicators; i++)
        if (ts_target_scored(&plan->indicators[i].target))
            n += 1 + plan->indicators[i].n_revisions;
    return n;
}

static void fill_row(const ts_assessment *a, const ts_assessment *ref, ts_comparison_row *row)
{
    row->revision = a->revision;
    /* The statistic the target compares: the value for a level target. */
    row->value = a->statistic;
    row->reference_value = ref->statistic;
    row->value_difference = row->value - row->reference_value;
    row->relative_difference =
        row->reference_value != 0 ? row->value_difference / row->reference_value : NAN;
    row->attainment_year = a->attainment_year;
    row->reference_attainment_year = ref->attainment_year;
    row->attainment_difference = a->attainment_year && ref->attainment_year
                                     ? (double)(a->attainment_year - ref->attainment_year)
                                     : NAN;
    row->probability = row->reference_probability = row->probability_difference = NAN;
}

/* The probability of attainment in the target year, NaN without draws.
 * Monte Carlo covers an indicator's own target, not its revisions. */
static double probability_of(const ts_scenario_result *r, size_t i, size_t revision)
{
    if (!r->mc || revision != 0 || !r->mc->targets[i].has_target)
        return NAN;
    return r->mc->targets[i].probability;
}

static void fill_probabilities(const ts_scenario_result *r, const ts_scenario_result *ref,
                               size_t i, ts_comparison_row *row)
{
    row->probability = probability_of(r, i, row->revision);
    row->reference_probability = probability_of(ref, i, row->revision);
    row->probability_difference = row->probability - row->reference_probability;
}

/* The rows of scenario s: every target in plan order, revisions after it. */
static void add_scenario_rows(const ts_run *run, ts_comparison *cmp, size_t s)
{
    const ts_plan *plan = run->plan;
    const ts_scenario_result *r = &run->results[s], *ref = &run->results[cmp->reference];
    for (size_t i = 0; i < plan->n_indicators; i++) {
        if (!r->assessments[i].has_target)
            continue;
        for (size_t k = 0; k <= plan->indicators[i].n_revisions; k++) {
            ts_comparison_row *row = &cmp->rows[cmp->n_rows++];
            row->scenario = s;
            row->indicator = i;
            if (k == 0)
                fill_row(&r->assessments[i], &ref->assessments[i], row);
            else
                fill_row(&r->revisions[i][k - 1], &ref->revisions[i][k - 1], row);
            fill_probabilities(r, ref, i, row);
        }
    }
}

ts_status ts_run_compare(ts_run *run, const char *scenario_id, ts_error *err)
{
    long reference = find_scenario(run, scenario_id);
    if (reference < 0) {
        char ids[TS_ERROR_MESSAGE_MAX / 2] = "";
        for (size_t s = 0; s < run->n_results; s++) {
            size_t used = strlen(ids);
            snprintf(ids + used, sizeof ids - used, "%s%s", s ? ", " : "",
                     run->results[s].scenario->id);
        }
        return ts_error_set(err, TS_EUSAGE, NULL, "scenario_id",
                            "\"%s\": no scenario of this run has that id (%s)",
                            scenario_id, ids);
    }
    size_t per_scenario = count_targets(run->plan);
    size_t n = per_scenario * (run->n_results - 1);
    ts_comparison *cmp = calloc(1, sizeof *cmp);
    if (!cmp || !(cmp->rows = calloc(n ? n : 1, sizeof *cmp->rows))) {
        ts_comparison_free(cmp);
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    }
    cmp->reference = (size_t)reference;
    for (size_t s = 0; s < run->n_results; s++)
        if (s != cmp->reference)
            add_scenario_rows(run, cmp, s);
    ts_comparison_free(run->comparison);
    run->comparison = cmp;
    return TS_OK;
}
