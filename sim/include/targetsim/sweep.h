/* sweep.h - a scenario over a grid of one or two drivers held at constant
 * values: each target's value in its target year and, with draws, the
 * probability of attaining it (docs/methodology.md, section 8). */
#ifndef TARGETSIM_SWEEP_H
#define TARGETSIM_SWEEP_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/mc.h"
#include "targetsim/model.h"
#include "targetsim/projector.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

enum { TS_SWEEP_MAX_AXES = 2, TS_SWEEP_MAX_POINTS = 1001 };
/* A sweep's grid points times its draws per point (one when without draws). */
#define TS_SWEEP_MAX_WORK 100000000.0

/* One swept driver: indicator `indicator` follows `model` with the constant
 * lo, lo + step, ..., n values in all (the CLI reads them from --sweep
 * IND.MODEL=LO:HI:STEP). */
typedef struct ts_sweep_axis {
    char label[160];               /* the axis as the caller names it, written into the
                                    * sweep charts' data files (the CLI: the --sweep
                                    * text); may be empty */
    char indicator[72];            /* id of a driven (not derived) indicator of the plan */
    const ts_model_type *model;
    double lo, hi, step;           /* lo <= hi, step > 0; growth: lo > -1 */
    size_t n;                      /* grid points lo + k * step, k < n: 1 to
                                    * TS_SWEEP_MAX_POINTS, the last not beyond hi (up to
                                    * 1e-9 step of rounding) */
} ts_sweep_axis;

typedef struct ts_sweep_cell {
    double value;          /* the target's statistic in its target year (the value for a
                            * level target; NaN: out of the model's domain) */
    double share;          /* its completion ("% of target", direction-aware) */
    bool attained;         /* the target is met on the point's path */
    int attainment_year;   /* first year meeting the target, 0 if none by the horizon */
    double probability;    /* Monte Carlo, NaN without */
    double low, high;      /* its Wilson 95 % interval */
    double by_horizon;     /* probability of attainment by the horizon */
} ts_sweep_cell;

typedef struct ts_sweep_result {
    size_t n_axes;
    ts_sweep_axis axes[TS_SWEEP_MAX_AXES];
    size_t axis_index[TS_SWEEP_MAX_AXES]; /* plan index of each swept driver */
    size_t n_points;        /* product of the axes' n; the first axis varies slowest */
    double *x;              /* n_points * n_axes driver values */
    size_t n_targets;
    size_t *targets;        /* plan indices of the indicators with a target */
    ts_sweep_cell *cells;   /* n_points * n_targets */
    bool has_draws;
    size_t draws;
} ts_sweep_result;

/* Evaluates the projector's scenario at every grid point, the swept drivers
 * replaced by the point's constants; with `mc` (may be NULL) also the
 * probabilities, from mc->draws draws per point (the same seed at every
 * point: common random numbers). TS_EUSAGE, err->path naming the parameter
 * ("n_axes", "axes[1].step", "axes[0].indicator", "axes"), for n_axes not 1
 * or 2, an axis breaking the rules of ts_sweep_axis, naming no driven
 * indicator of the plan or the same indicator as the other, or a grid too
 * large (TS_SWEEP_MAX_WORK); TS_ENOMEM. A point whose projection or draws leave a
 * model's domain gets NaN, not an error. */
TS_API ts_status ts_sweep_result_create(const ts_projector *projector, const ts_sweep_axis *axes,
                                        size_t n_axes, const ts_mc_options *mc,
                                        ts_sweep_result **out, ts_error *err);
TS_API void ts_sweep_result_free(ts_sweep_result *result);

#ifdef __cplusplus
}
#endif
#endif
