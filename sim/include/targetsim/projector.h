/* projector.h - a scenario's projection prepared once, the handle of the
 * analyses that rerun it many times: Monte Carlo draws (mc.h), the required
 * growth (solve.h), the tornado (tornado.h) and sweeps (sweep.h).
 *
 * A projector holds the observed part of every path (which no draw, sweep or
 * solver ever changes) and each driver's yearly inputs resolved to arrays.
 * ts_projector_run then runs the yearly model loop from each indicator's
 * as-of year, with optional changes to the drivers, into a buffer the caller
 * owns. ts_projection_create is the same loop with no change; Monte Carlo draws,
 * the solver, sweeps and the tornado call it with theirs. The projector
 * borrows the plan and the scenario. ts_run_create makes one per scenario
 * (ts_scenario_result.projector).
 */
#ifndef TARGETSIM_PROJECTOR_H
#define TARGETSIM_PROJECTOR_H

#include <stddef.h>

#include "targetsim/model.h"
#include "targetsim/plan.h"
#include "targetsim/project.h"
#include "targetsim/scenario.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ts_projector ts_projector;

/* Replaces indicator `index`'s driver by `model` with the constant `value` in
 * every projected year. A growth model keeps the scenario's deflator and
 * shock when the scenario's driver is growth too. */
typedef struct ts_driver_override {
    size_t index;
    const ts_model_type *model;
    double value;
} ts_driver_override;

/* Prepares `scenario` for projection. Fails as ts_projection_create does (a
 * missing driver year, a non-positive value to compound from, bad options).
 * On success *out owns a new projector; free with ts_projector_free. */
ts_status ts_projector_create(const ts_plan *plan, const ts_scenario *scenario,
                              const ts_project_options *options, ts_projector **out,
                              ts_error *err);

/* NULL is a no-op. */
void ts_projector_free(ts_projector *projector);

/* Geometry: values buffers hold n_indicators * n_years doubles, indicator i's
 * year base_year + k at [i * n_years + k]. */
size_t ts_projector_n_years(const ts_projector *projector);
size_t ts_projector_n_indicators(const ts_projector *projector);
int ts_projector_base_year(const ts_projector *projector);
int ts_projector_horizon(const ts_projector *projector);
const ts_plan *ts_projector_plan(const ts_projector *projector);
const ts_scenario *ts_projector_scenario(const ts_projector *projector);
/* Indicator i's as-of year: its last year taken from observations. */
int ts_projector_as_of(const ts_projector *projector, size_t index);

/* Copies the observed part into `values` (projected cells become NaN).
 * Call once per buffer: ts_projector_run never writes the observed cells. */
void ts_projector_init_values(const ts_projector *projector, double *values);

/* Runs the model loop for every projected year of every indicator, writing
 * only the projected cells of `values` (initialised by
 * ts_projector_init_values). `overrides` (n_overrides of them, may be NULL)
 * replace drivers; `shocks` (NULL for none, else laid out like `values`) is
 * added to each driver in each projected year. Derived indicators are
 * recomputed from their inputs. TS_EINPUT when a yearly factor is not
 * positive or a value is not finite: err names the driver's file, path and
 * year, and *failed (if not NULL) the indicator. Allocates nothing. */
ts_status ts_projector_run(const ts_projector *projector, const ts_driver_override *overrides,
                           size_t n_overrides, const double *shocks, double *values,
                           size_t *failed, ts_error *err);

/* The deterministic projection (no override, no shock) as a ts_projection. */
ts_status ts_projector_project(const ts_projector *projector, ts_projection **out,
                               ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
