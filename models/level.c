/* level.c - an exogenous level path: v_t = L_t (exchange rates, population
 * projections made elsewhere). */
#include <math.h>

#include "targetsim/model.h"

static double level_step(double previous, const ts_model_input *in)
{
    (void)previous;
    return in->driver;
}

const ts_model_type ts_model_level = {
    .name = "level",
    .driver_unit = "the indicator's unit",
    .takes_rates = false,
    .needs_positive_start = false,
    .driver_min = -HUGE_VAL,
    .step = level_step,
};
