/* projector.h - a scenario's projection prepared once, the handle of the
 * analyses that rerun it many times: Monte Carlo draws (mc.h), the required
 * growth (solve.h), the tornado (tornado.h) and sweeps (sweep.h).
 *
 * A projector holds the observed part of every path (which no draw, sweep or
 * solver ever changes) and each driver's yearly inputs resolved to arrays;
 * the analyses rerun the yearly model loop from each indicator's as-of year
 * with their changes to the drivers (ts_projection_create is the same loop
 * with none). It is opaque. It borrows the plan and the scenario, which
 * must outlive it. ts_run_create makes one per scenario
 * (ts_scenario_result.projector).
 */
#ifndef TARGETSIM_PROJECTOR_H
#define TARGETSIM_PROJECTOR_H

#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/plan.h"
#include "targetsim/project.h"
#include "targetsim/scenario.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ts_projector ts_projector;

/* Prepares `scenario` for projection. Fails as ts_projection_create does (a
 * missing driver year, a non-positive value to compound from, bad options).
 * On success *out owns a new projector; free with ts_projector_free. */
TS_API ts_status ts_projector_create(const ts_plan *plan, const ts_scenario *scenario,
                                     const ts_project_options *options, ts_projector **out,
                                     ts_error *err);

/* NULL is a no-op. */
TS_API void ts_projector_free(ts_projector *projector);

#ifdef __cplusplus
}
#endif
#endif
