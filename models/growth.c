/* growth.c - compound growth: v_t = v_{t-1} (1 + n_t) with the nominal rate
 * n_t = (1 + g_t + s_t)(1 + d_t) - 1 (real growth g, shock s, deflator d).
 * A Monte Carlo shock e joins the real rate: the factor is
 * (1 + g + s + e)(1 + d) = a + b e. */
#include <math.h>

#include "targetsim/model.h"

static void growth_affine(const ts_model_input *in, ts_model_affine *out)
{
    out->a = (1.0 + in->driver + in->shock) * (1.0 + in->deflator);
    out->b = 1.0 + in->deflator;
    out->c = 0.0;
    out->d = 0.0;
}

const ts_model_type ts_model_growth = {
    .name = "growth",
    .driver_unit = "rate per year (0.08 = 8 %)",
    .takes_rates = true,
    .needs_positive_start = true,
    .driver_min = -1.0,
    .affine = growth_affine,
};
