/* compare.h - every scenario of a run against one reference scenario
 * (--compare ID): the difference in each target's value in its target year,
 * in its attainment year and, once Monte Carlo results exist, in its
 * probability. Undefined numbers are NaN, undefined years 0.
 *
 * Memory: a ts_comparison owns its rows; it is made by ts_run_compare,
 * which attaches it to the run, and freed with the run. */
#ifndef TARGETSIM_COMPARE_H
#define TARGETSIM_COMPARE_H

#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/run.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One target (an indicator's own or a revision) in one non-reference scenario. */
typedef struct ts_comparison_row {
    size_t scenario;             /* index into run->results */
    size_t indicator;            /* index into plan->indicators */
    int revision;                /* 0: the indicator's target; k: its revisions[k - 1] */
    double value;                /* v_T in this scenario */
    double reference_value;      /* v_T in the reference scenario */
    double value_difference;     /* value - reference_value */
    double relative_difference;  /* value_difference / reference_value; NaN when it is 0 */
    int attainment_year;         /* 0: not within the horizon */
    int reference_attainment_year;
    double attainment_difference; /* attainment_year - reference's, in years; NaN unless both */
    /* Monte Carlo: the probability of attaining the target. NaN until a run
     * carries Monte Carlo results (they are filled from there). */
    double probability;
    double reference_probability;
    double probability_difference;
} ts_comparison_row;

typedef struct ts_comparison {
    size_t reference;            /* index into run->results */
    size_t n_rows;
    ts_comparison_row *rows;     /* other scenarios in run order; within each, targets in
                                  * plan order, an indicator's revisions after its target */
} ts_comparison;

/* Compares every other scenario of the run with the scenario whose id is
 * `scenario_id`. Sets run->comparison (replacing an earlier one).
 * TS_EUSAGE (err->path "scenario_id") when no scenario of the run has that
 * id; TS_ENOMEM. */
TS_API ts_status ts_run_compare(ts_run *run, const char *scenario_id, ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
