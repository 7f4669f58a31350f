/* revision.c - assessing an indicator's revised targets: each revision is a
 * target of its own (value, direction, year) judged on the same path. */
#include <stdlib.h>

#include "revision.h"

void ts_assess_revisions_free(const ts_plan *plan, ts_assessment **revisions)
{
    if (!revisions)
        return;
    for (size_t i = 0; i < plan->n_indicators; i++)
        free(revisions[i]);
    free(revisions);
}

ts_status ts_assess_revisions(const ts_plan *plan, const ts_projection *projection,
                              ts_assessment ***out, ts_error *err)
{
    ts_assessment **all = calloc(plan->n_indicators ? plan->n_indicators : 1, sizeof *all);
    *out = NULL;
    if (!all)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        if (ind->n_revisions == 0)
            continue;
        all[i] = calloc(ind->n_revisions, sizeof *all[i]);
        if (!all[i]) {
            ts_assess_revisions_free(plan, all);
            return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        }
        for (size_t k = 0; k < ind->n_revisions; k++)
            ts_assess_target(plan, projection, i, &ind->revisions[k].target, (int)k + 1,
                             &all[i][k]);
    }
    *out = all;
    return TS_OK;
}
