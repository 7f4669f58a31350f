/* uncertainty.h - the scenario's correlation matrix: checked when the
 * scenario is loaded, factored for the Monte Carlo draws (sim/mc/mc.c).
 * Private to the engine. */
#ifndef TS_UNCERTAINTY_H
#define TS_UNCERTAINTY_H

#include <stddef.h>

#include "targetsim/scenario.h"

/* The correlation matrix of the drivers listed in `dims` (plan indices, in
 * that order), factored: on success chol (n*n, row-major) holds the lower
 * triangular L with L L^T = the correlation matrix, so that L u turns n
 * independent standard normals u into correlated ones. Pairs the scenario
 * does not give are uncorrelated. Uses GSL's Cholesky decomposition. Fails
 * with TS_EINPUT when the matrix is not positive definite: err names the
 * scenario file, uncertainty.correlation, and a pair responsible. */
ts_status ts_uncertainty_factor(const ts_plan *plan, const ts_scenario *scenario,
                                const size_t *dims, size_t n, double *chol, ts_error *err);

/* Checks that the scenario's correlations form a positive definite matrix
 * (ts_scenario_load calls it). TS_EINPUT as above, TS_ENOMEM. */
ts_status ts_uncertainty_check(const ts_plan *plan, const ts_scenario *scenario, ts_error *err);

#endif
