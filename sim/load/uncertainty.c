/* uncertainty.c - the correlation matrix of a scenario's drivers: built from
 * its "a,b": rho pairs, factored once with GSL's Cholesky decomposition, and,
 * when it is not positive definite, a pair to blame in the error. */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "uncertainty.h"

static double rho_of(const ts_scenario *sc, size_t a, size_t b)
{
    if (a == b)
        return 1.0;
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    for (size_t i = 0; i < sc->n_correlations; i++)
        if (sc->correlations[i].a == lo && sc->correlations[i].b == hi)
            return sc->correlations[i].rho;
    return 0.0;
}

/* The leading m x m block of the matrix over `dims`, into buf (m*m), with
 * the pair (skip_r, skip_c) of that block set to 0 when skip_r != skip_c. */
static void fill(const ts_scenario *sc, const size_t *dims, size_t m, size_t skip_r,
                 size_t skip_c, double *buf)
{
    for (size_t r = 0; r < m; r++)
        for (size_t c = 0; c < m; c++) {
            bool skipped = skip_r != skip_c && ((r == skip_r && c == skip_c) ||
                                                (r == skip_c && c == skip_r));
            buf[r * m + c] = skipped ? 0.0 : rho_of(sc, dims[r], dims[c]);
        }
}

/* GSL's Cholesky in place; false when the block is not positive definite. */
static bool factor_in_place(double *buf, size_t m)
{
    if (m == 0)
        return true;
    gsl_matrix_view v = gsl_matrix_view_array(buf, m, m);
    return gsl_linalg_cholesky_decomp1(&v.matrix) == GSL_SUCCESS;
}

static bool leading_pd(const ts_scenario *sc, const size_t *dims, size_t m, size_t skip_r,
                       size_t skip_c, double *buf)
{
    fill(sc, dims, m, skip_r, skip_c, buf);
    return factor_in_place(buf, m);
}

/* The first dimension j whose leading (j+1) x (j+1) block fails: positive
 * definiteness of leading blocks is monotone, so a bisection finds it. */
static size_t first_failing(const ts_scenario *sc, const size_t *dims, size_t n, double *buf)
{
    size_t lo = 1, hi = n; /* the block of size hi fails, of size lo - 1 passes */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (leading_pd(sc, dims, mid, 0, 0, buf))
            lo = mid + 1;
        else
            hi = mid;
    }
    return hi - 1;
}

/* The pair of row j to blame: the one whose removal alone makes the block
 * positive definite, largest |rho| first; else the largest |rho| of row j. */
static size_t blame(const ts_scenario *sc, const size_t *dims, size_t j, double *buf)
{
    size_t best = j;
    bool tried[TS_MAX_INDICATORS] = {false};
    for (;;) {
        size_t pick = j;
        for (size_t i = 0; i < j; i++)
            if (!tried[i] && rho_of(sc, dims[i], dims[j]) != 0 &&
                (pick == j || fabs(rho_of(sc, dims[i], dims[j])) >
                                  fabs(rho_of(sc, dims[pick], dims[j]))))
                pick = i;
        if (pick == j)
            return best;
        if (best == j)
            best = pick;
        tried[pick] = true;
        if (leading_pd(sc, dims, j + 1, pick, j, buf))
            return pick;
    }
}

static ts_status not_pd(const ts_plan *plan, const ts_scenario *sc, const size_t *dims, size_t n,
                        double *buf, ts_error *err)
{
    size_t j = first_failing(sc, dims, n, buf);
    size_t i = blame(sc, dims, j, buf);
    size_t a = dims[i] < dims[j] ? dims[i] : dims[j], b = dims[i] < dims[j] ? dims[j] : dims[i];
    const char *ida = plan->indicators[a].id, *idb = plan->indicators[b].id;
    double rho = rho_of(sc, a, b);
    if (fabs(rho) == 1.0)
        return ts_error_set(err, TS_EINPUT, sc->file, "uncertainty.correlation",
                            "the correlation matrix is not positive definite: the pair \"%s,%s\" "
                            "has correlation %g; use a value strictly between -1 and 1",
                            ida, idb, rho);
    return ts_error_set(err, TS_EINPUT, sc->file, "uncertainty.correlation",
                        "the correlation matrix is not positive definite: the pair \"%s,%s\" "
                        "(%g) contradicts the other correlations given",
                        ida, idb, rho);
}

ts_status ts_uncertainty_factor(const ts_plan *plan, const ts_scenario *sc, const size_t *dims,
                                size_t n, double *chol, ts_error *err)
{
    fill(sc, dims, n, 0, 0, chol);
    if (factor_in_place(chol, n)) {
        /* GSL leaves L^T in the upper triangle; keep L alone. */
        for (size_t r = 0; r < n; r++)
            for (size_t c = r + 1; c < n; c++)
                chol[r * n + c] = 0.0;
        return TS_OK;
    }
    double *buf = malloc(n * n * sizeof *buf);
    if (!buf)
        return ts_error_set(err, TS_ENOMEM, sc->file, "uncertainty", "out of memory");
    ts_status st = not_pd(plan, sc, dims, n, buf, err);
    free(buf);
    return st;
}

ts_status ts_uncertainty_check(const ts_plan *plan, const ts_scenario *sc, ts_error *err)
{
    if (sc->n_correlations == 0)
        return TS_OK;
    /* Only drivers named in a pair can make the matrix fail; in plan order. */
    size_t dims[TS_MAX_INDICATORS], n = 0;
    for (size_t i = 0; i < plan->n_indicators; i++)
        for (size_t k = 0; k < sc->n_correlations; k++)
            if (sc->correlations[k].a == i || sc->correlations[k].b == i) {
                dims[n++] = i;
                break;
            }
    double *chol = malloc(n * n * sizeof *chol);
    if (!chol)
        return ts_error_set(err, TS_ENOMEM, sc->file, "uncertainty", "out of memory");
    ts_status st = ts_uncertainty_factor(plan, sc, dims, n, chol, err);
    free(chol);
    return st;
}
