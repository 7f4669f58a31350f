/* projector.h - the prepared projection (struct ts_projector). Private to the
 * engine: the Monte Carlo, solver and sensitivity modules read its arrays
 * directly; everyone else goes through targetsim/project.h. */
#ifndef TS_PROJECTOR_H
#define TS_PROJECTOR_H

#include "targetsim/projector.h"

struct ts_projector {
    const ts_plan *plan;
    const ts_scenario *scenario;
    int base_year;
    int horizon;
    size_t n_years;
    size_t n_ind;
    int *as_of;                   /* per indicator */
    size_t *first;                /* first projected year index: as_of - base_year + 1 */
    double *observed;             /* n_ind * n_years; projected cells are NaN */
    ts_point_kind *kinds;         /* n_ind * n_years */
    /* Each driver's inputs resolved for its projected years (0 elsewhere).
     * deflator and shock are 0 unless the scenario's model takes rates. */
    double *driver;
    double *deflator;
    double *shock;
    /* The model's affine coefficients of every projected year (model.h),
     * computed once from the inputs above. */
    ts_model_affine *coef;
};

/* The error for a derived indicator whose value in year index k is not a
 * finite real number (shared by the observed part and the model loop). */
ts_status ts_projector_derived_error(const ts_projector *p, const ts_indicator *ind, size_t k,
                                     ts_error *err);

#endif
