/* additive.c - fixed yearly additions: v_t = v_{t-1} + a_t (counts of firms). */
#include <math.h>

#include "targetsim/model.h"

static double add_step(double previous, const ts_model_input *in)
{
    return previous + in->driver;
}

const ts_model_type ts_model_add = {
    .name = "add",
    .driver_unit = "units per year",
    .takes_rates = false,
    .needs_positive_start = false,
    .driver_min = -HUGE_VAL,
    .step = add_step,
};
