/* growth.c - compound growth: v_t = v_{t-1} (1 + n_t) with the nominal rate
 * n_t = (1 + g_t + s_t)(1 + d_t) - 1 (real growth g, shock s, deflator d). */
#include <math.h>

#include "targetsim/model.h"

static double growth_step(double previous, const ts_model_input *in)
{
    double nominal = (1.0 + in->driver + in->shock) * (1.0 + in->deflator) - 1.0;
    return previous * (1.0 + nominal);
}

const ts_model_type ts_model_growth = {
    .name = "growth",
    .driver_unit = "rate per year (0.08 = 8 %)",
    .takes_rates = true,
    .needs_positive_start = true,
    .driver_min = -1.0,
    .step = growth_step,
};
