/* additive.c - fixed yearly additions: v_t = v_{t-1} + a_t (counts of firms);
 * a Monte Carlo shock e is added to a_t. */
#include <math.h>

#include "targetsim/model.h"

static void add_affine(const ts_model_input *in, ts_model_affine *out)
{
    out->a = 1.0;
    out->b = 0.0;
    out->c = in->driver;
    out->d = 1.0;
}

const ts_model_type ts_model_add = {
    .name = "add",
    .driver_unit = "units per year",
    .takes_rates = false,
    .needs_positive_start = false,
    .driver_min = -HUGE_VAL,
    .affine = add_affine,
};
