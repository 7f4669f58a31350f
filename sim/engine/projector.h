/* projector.h - the prepared projection (struct ts_projector) and the
 * yearly model loop that reruns it. Private to the engine: the Monte Carlo,
 * solver and sensitivity modules read its arrays directly and call the
 * loop; everyone else gets the opaque handle of targetsim/projector.h.
 *
 * Geometry: values buffers hold n_ind * n_years doubles, indicator i's year
 * base_year + k at [i * n_years + k]. */
#ifndef TS_PROJECTOR_H
#define TS_PROJECTOR_H

#include "observed.h"
#include "targetsim/model.h"
#include "targetsim/project.h"
#include "targetsim/projector.h"

struct ts_projector {
    const ts_plan *plan;
    const ts_scenario *scenario;
    int base_year;
    int horizon;
    int evaluation_year;          /* E (ts_projection.evaluation_year) */
    size_t n_years;
    size_t n_ind;
    ts_observed obs;              /* the observed part, owned */
    int *as_of;                   /* = obs.as_of: per indicator */
    size_t *first;                /* first projected year index: as_of - base_year + 1, or 0
                                   * when the as-of year is before the base year */
    double *pre;                  /* per indicator: the value year first - 1 ends with (the
                                   * one the model continues from) */
    double *observed;             /* = obs.values: n_ind * n_years; projected cells are NaN */
    ts_point_kind *kinds;         /* = obs.kinds: n_ind * n_years */
    /* Each driver's inputs resolved for its projected years (0 elsewhere).
     * deflator and shock are 0 unless the scenario's model takes rates. */
    double *driver;
    double *deflator;
    double *shock;
    /* The model's affine coefficients of every projected year (model.h),
     * computed once from the inputs above. */
    ts_model_affine *coef;
};

/* Replaces indicator `index`'s driver by `model` with the constant `value` in
 * every projected year. A growth model keeps the scenario's deflator and
 * shock when the scenario's driver is growth too. */
typedef struct ts_driver_override {
    size_t index;
    const ts_model_type *model;
    double value;
} ts_driver_override;

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

#endif
