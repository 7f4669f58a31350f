/* derived.c - a derived indicator: scale times a product of powers of its
 * inputs (GDP per capita in dollars = 1e8 * GDP / population / USD-CNY). */
#include <math.h>

#include "targetsim/model.h"

/* x^p. Powers 1 and -1 (per-capita values, exchange rates) are the common
 * case and run in every Monte Carlo draw: a multiplication or a correctly
 * rounded division is both exact where pow() may be off by an ulp, and many
 * times cheaper. */
static double power_of(double x, double p)
{
    if (p == 1.0)
        return x;
    if (p == -1.0)
        return 1.0 / x;
    /* pow() of a negative base with a fractional power is NaN, and of 0 with
     * a negative power is infinite: the caller catches both. */
    return pow(x, p);
}

double ts_model_derived_value(double scale, size_t n, const double *inputs, const double *powers)
{
    double value = scale;
    for (size_t k = 0; k < n; k++)
        value *= power_of(inputs[k], powers[k]);
    return isfinite(value) ? value : NAN;
}
