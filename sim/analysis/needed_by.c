/* needed_by.c - the growth now needed to reach each target by a later year
 * (--by): from the latest observed value, at a constant yearly rate. */
#include <math.h>

#include "targetsim/needed_by.h"

static void set_needed(ts_assessment *a, int by_year)
{
    a->by_year = by_year;
    a->needed_growth_by = NAN;
    if (a->has_target)
        /* The level that meets the target: x for a level, x* for the other
         * kinds of a level indicator; none for a rate indicator's. */
        a->needed_growth_by = ts_constant_rate(a->value_at_as_of, a->level_target,
                                               by_year - a->as_of);
}

ts_status ts_run_set_by_year(ts_run *run, int by_year, ts_error *err)
{
    int latest = ts_run_latest_as_of(run);
    if (by_year <= latest)
        return ts_error_set(err, TS_EUSAGE, NULL, "by_year",
                            "%d is not after the latest observed year %d", by_year, latest);
    const ts_plan *plan = run->plan;
    run->by_year = by_year;
    for (size_t s = 0; s < run->n_results; s++) {
        ts_scenario_result *r = &run->results[s];
        for (size_t i = 0; i < plan->n_indicators; i++) {
            set_needed(&r->assessments[i], by_year);
            for (size_t k = 0; r->revisions && k < plan->indicators[i].n_revisions; k++)
                set_needed(&r->revisions[i][k], by_year);
        }
    }
    return TS_OK;
}
