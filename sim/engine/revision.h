/* revision.h - the assessments of every revised target of a plan, which
 * ts_run_create keeps per scenario (ts_scenario_result.revisions). Private
 * to the engine: a caller assesses one revision with ts_assess_target. */
#ifndef TS_REVISION_H
#define TS_REVISION_H

#include "targetsim/assess.h"

/* Assesses every revised target of every indicator. On success *out is a new
 * array with one entry per plan indicator: NULL for an indicator without
 * revisions, else an array of its n_revisions assessments in file order.
 * Free with ts_assess_revisions_free. TS_ENOMEM. */
ts_status ts_assess_revisions(const ts_plan *plan, const ts_projection *projection,
                              ts_assessment ***out, ts_error *err);

/* Frees what ts_assess_revisions made. NULL is a no-op. */
void ts_assess_revisions_free(const ts_plan *plan, ts_assessment **revisions);

#endif
