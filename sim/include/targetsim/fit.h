/* fit.h - a growth rate calibrated on an indicator's own observations: the
 * least-squares line of ln(value) on year over a window of years (GSL's
 * gsl_fit_linear). A scenario asks for it with "growth": {"fit": [Y0, Y1]}
 * (docs/input-format.md); docs/methodology.md, "Trend calibrated from
 * history", gives every formula. Undefined numbers are NaN. The scenario
 * loader fits; a caller reads the result in ts_assumption.fit. */
#ifndef TARGETSIM_FIT_H
#define TARGETSIM_FIT_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ts_fit {
    bool present;          /* false: the driver is not a fit (all else zero) */
    int first_year;        /* the window, both ends included */
    int last_year;
    size_t n;              /* observations in the window */
    double slope;          /* b in ln(v_t) = c + b t */
    double first_value;    /* the fitted value in the first observed year t0 of the window,
                            * exp(c + b t0): the line is first_value (1 + rate)^(t - t0) */
    int first_point_year;  /* t0 */
    double slope_se;       /* its standard error; NaN when n < 3 */
    double rate;           /* the fitted yearly growth, exp(b) - 1 */
    double rate_se;        /* exp(b) * slope_se (delta method); NaN when n < 3 */
    size_t n_pairs;        /* pairs of consecutive years in the window */
    double growth_sd;      /* residual sd of yearly growth: sqrt(sum (g_t - rate)^2 /
                            * (n_pairs - 1)), g_t = v_t / v_{t-1} - 1; NaN when n_pairs < 2 */
    bool sd_applied;       /* the scenario gave no sd for the indicator, so its sd is
                            * growth_sd (set by the scenario loader) */
} ts_fit;

#ifdef __cplusplus
}
#endif
#endif
