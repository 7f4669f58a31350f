/* level.c - an exogenous level path: v_t = L_t (exchange rates, population
 * projections made elsewhere); a Monte Carlo shock e is added to L_t. */
#include <math.h>

#include "targetsim/model.h"

static void level_affine(const ts_model_input *in, ts_model_affine *out)
{
    out->a = 0.0; /* the previous value does not matter */
    out->b = 0.0;
    out->c = in->driver;
    out->d = 1.0;
}

const ts_model_type ts_model_level = {
    .name = "level",
    .driver_unit = "the indicator's unit",
    .takes_rates = false,
    .needs_positive_start = false,
    .driver_min = -HUGE_VAL,
    .affine = level_affine,
};
