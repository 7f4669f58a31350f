/* fit.c - a growth rate calibrated on an indicator's observations: the
 * least-squares line of ln(value) on year (gsl_fit_linear), its standard
 * error, and the spread of the observed yearly growth around it. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fit.h"

/* Residual sd of yearly growth: the observed year-on-year rates g_t of the
 * consecutive years in the window, around the fitted rate, with one degree
 * of freedom spent on the rate. */
static void fit_growth_sd(size_t n, const ts_year_value *p, ts_fit *out)
{
    double ss = 0.0;
    size_t m = 0;
    for (size_t k = 1; k < n; k++) {
        if (p[k].year != p[k - 1].year + 1)
            continue;
        double g = p[k].value / p[k - 1].value - 1.0;
        ss += (g - out->rate) * (g - out->rate);
        m++;
    }
    out->n_pairs = m;
    out->growth_sd = m >= 2 ? sqrt(ss / (double)(m - 1)) : NAN;
}

ts_status ts_fit_log_linear(size_t n, const ts_year_value *points, ts_fit *out, ts_error *err)
{
    *out = (ts_fit){0};
    if (n < 2)
        return ts_error_set(err, TS_EINPUT, NULL, NULL,
                            "a fit needs at least 2 observations, got %zu", n);
    ts_status st = TS_OK;
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    if (!x || !y) {
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    for (size_t k = 0; k < n; k++) {
        if (!(points[k].value > 0) || !isfinite(points[k].value)) {
            st = ts_error_set(err, TS_EINPUT, NULL, NULL,
                              "a fit needs positive values, got %.17g in %d", points[k].value,
                              points[k].year);
            goto out;
        }
        if (k > 0 && points[k].year <= points[k - 1].year) {
            st = ts_error_set(err, TS_EINPUT, NULL, NULL, "years must ascend, got %d after %d",
                              points[k].year, points[k - 1].year);
            goto out;
        }
        /* Years counted from the first keep the intercept small; the slope
         * does not change. */
        x[k] = (double)(points[k].year - points[0].year);
        y[k] = log(points[k].value);
    }
    double c0, c1, cov00, cov01, cov11, sumsq;
    int rc = gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
    if (rc != GSL_SUCCESS || !isfinite(c1)) {
        st = ts_error_set(err, TS_EINTERNAL, NULL, NULL, "gsl_fit_linear failed: %s",
                          gsl_strerror(rc));
        goto out;
    }
    out->present = true;
    out->n = n;
    out->slope = c1;
    out->first_value = exp(c0); /* x counts years from the first point */
    out->first_point_year = points[0].year;
    /* GSL divides the residual sum of squares by n - 2: no spread with 2 points. */
    out->slope_se = n >= 3 ? sqrt(cov11) : NAN;
    out->rate = expm1(c1);
    out->rate_se = exp(c1) * out->slope_se;
    fit_growth_sd(n, points, out);
out:
    free(x);
    free(y);
    return st;
}

/* The JSON path, in the plan, of the indicator's value in `year`. */
static void value_path(const ts_plan *plan, const ts_indicator *ind, int year, char *buf,
                       size_t size)
{
    if (year == plan->base_year)
        snprintf(buf, size, "indicators.%s.baseline", ind->id);
    else
        snprintf(buf, size, "indicators.%s.%s.%d", ind->id,
                 year < plan->base_year ? "history" : "actual", year);
}

/* The indicator's observations in [first, last], ascending: history,
 * baseline, actual. `points` has room for all of them. */
static size_t window_points(const ts_plan *plan, const ts_indicator *ind, int first, int last,
                            ts_year_value *points)
{
    size_t n = 0;
    for (size_t k = 0; k < ind->history.n; k++)
        if (ind->history.points[k].year >= first && ind->history.points[k].year <= last)
            points[n++] = ind->history.points[k];
    if (plan->base_year >= first && plan->base_year <= last)
        points[n++] = (ts_year_value){plan->base_year, ind->baseline};
    for (size_t k = 0; k < ind->actual.n; k++)
        if (ind->actual.points[k].year >= first && ind->actual.points[k].year <= last)
            points[n++] = ind->actual.points[k];
    return n;
}

static ts_status check_window(const ts_plan *plan, const ts_indicator *ind, int first, int last,
                              const char *file, const char *path, ts_error *err)
{
    int earliest = ind->history.n ? ind->history.points[0].year : plan->base_year;
    int latest = ind->actual.n ? ind->actual.points[ind->actual.n - 1].year : plan->base_year;
    if (first >= last)
        return ts_error_set(err, TS_EINPUT, file, path,
                            "expected [first year, last year] with the first before the last, "
                            "got [%d, %d]",
                            first, last);
    if (first < earliest || last > latest)
        return ts_error_set(err, TS_EINPUT, file, path,
                            "the window [%d, %d] reaches outside the observed years of \"%s\" "
                            "(%d to %d)",
                            first, last, ind->id, earliest, latest);
    return TS_OK;
}

ts_status ts_fit_indicator(const ts_plan *plan, size_t index, int first_year, int last_year,
                           const char *file, const char *path, ts_fit *out, ts_error *err)
{
    const ts_indicator *ind = &plan->indicators[index];
    *out = (ts_fit){0};
    ts_status st = check_window(plan, ind, first_year, last_year, file, path, err);
    if (st != TS_OK)
        return st;
    ts_year_value *points = malloc((ind->history.n + ind->actual.n + 1) * sizeof *points);
    if (!points)
        return ts_error_set(err, TS_ENOMEM, file, path, "out of memory");
    size_t n = window_points(plan, ind, first_year, last_year, points);
    if (n < 2) {
        st = ts_error_set(err, TS_EINPUT, file, path,
                          "the window [%d, %d] holds %zu observation%s of \"%s\"; a fit needs at "
                          "least 2",
                          first_year, last_year, n, n == 1 ? "" : "s", ind->id);
        goto out;
    }
    for (size_t k = 0; k < n; k++) {
        if (!(points[k].value > 0)) {
            char where[TS_ERROR_PATH_MAX];
            value_path(plan, ind, points[k].year, where, sizeof where);
            st = ts_error_set(err, TS_EINPUT, file, path,
                              "a fit needs positive values, but %s is %.17g", where,
                              points[k].value);
            goto out;
        }
    }
    if ((st = ts_fit_log_linear(n, points, out, err)) != TS_OK) {
        /* Input problems were caught above; say where anything else arose. */
        if (err) {
            snprintf(err->file, sizeof err->file, "%s", file);
            snprintf(err->path, sizeof err->path, "%s", path);
        }
        goto out;
    }
    out->first_year = first_year;
    out->last_year = last_year;
out:
    free(points);
    return st;
}
