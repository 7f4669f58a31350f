/* derived.c - a derived indicator: scale times a product of powers of its
 * inputs (GDP per capita in dollars = 1e8 * GDP / population / USD-CNY). */
#include <math.h>

#include "targetsim/model.h"

double ts_model_derived_value(double scale, size_t n, const double *inputs, const double *powers)
{
    double value = scale;
    for (size_t k = 0; k < n; k++) {
        /* pow() of a negative base with a fractional power is NaN, and of 0
         * with a negative power is infinite: both are caught below. */
        value *= pow(inputs[k], powers[k]);
    }
    return isfinite(value) ? value : NAN;
}
