/* test_quantile_stream.c - exact quantiles from replayed passes
 * (sim/mc/quantile_stream.c) against GSL's quantiles of the sorted sample,
 * bit for bit: several series at once, split over sinks in an order that
 * changes from pass to pass, with a good, a wrong and no range hint, and
 * with budgets from generous (two passes) to tiny (brackets refined over
 * more passes). */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "mc/quantile_stream.h"

static const double LEVELS[] = {0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1};
enum { NL = sizeof LEVELS / sizeof LEVELS[0], N_KINDS = 7 };

static const char *const KIND[N_KINDS] = {"normal",   "lognormal", "ties",    "constant",
                                          "outliers", "signed zeros", "two clusters"};

static void fill(double *x, size_t n, int kind, gsl_rng *rng)
{
    for (size_t i = 0; i < n; i++)
        switch (kind) {
        case 0: x[i] = gsl_ran_gaussian(rng, 3.0) + 1000; break;
        case 1: x[i] = exp(gsl_ran_gaussian(rng, 2.5)); break; /* heavy right tail */
        case 2: x[i] = (double)gsl_rng_uniform_int(rng, 3); break; /* many ties */
        case 3: x[i] = 7.25; break;
        case 4: x[i] = i % 1000 == 0 ? 1e300 : 1.0 + 1e-15 * (double)(i % 7); break;
        case 5: x[i] = gsl_rng_uniform(rng) < 0.5 ? -0.0 : 0.0; break;
        default: x[i] = (i % 2 ? 1e6 : -1e6) + gsl_ran_gaussian(rng, 1e-3); break;
        }
}

/* One pass: every value of every series to the sinks, series interleaved
 * and the sinks taking chunks in an order that depends on the pass. */
static void pass(ts_qs *q, double *const *x, size_t n_series, size_t n, unsigned sinks,
                 unsigned round, int drop)
{
    size_t chunk = 7 + round * 13;
    size_t n_chunks = (n + chunk - 1) / chunk;
    for (size_t c = 0; c < n_chunks; c++) {
        size_t cc = round % 2 ? n_chunks - 1 - c : c; /* backwards every other pass */
        size_t i0 = cc * chunk, m = i0 + chunk <= n ? chunk : n - i0;
        ts_qs_sink *sk = ts_qs_sink_at(q, (unsigned)((cc + round) % sinks));
        for (size_t s = 0; s < n_series; s++)
            ts_qs_put(sk, s, x[s] + i0, drop && c == 0 && s == 0 && m > 1 ? m - 1 : m);
    }
}

static int run(double *const *x, size_t n_series, size_t n, unsigned sinks, size_t budget,
               int hint, double (*out)[NL], unsigned *passes)
{
    ts_qs *q = ts_qs_create(n_series, n, LEVELS, NL, budget, sinks);
    if (!CHECK(q != NULL))
        return -1;
    for (size_t s = 0; s < n_series && hint; s++) {
        size_t m = n < 100 ? n : 100;
        double lo = x[s][0], hi = x[s][0];
        for (size_t i = 0; i < m; i++) {
            lo = fmin(lo, x[s][i]);
            hi = fmax(hi, x[s][i]);
        }
        if (hint == 2) { /* a wrong hint: far off to one side */
            lo = hi + 1e3 * (fabs(hi) + 1);
            hi = lo * 2 + 1;
        }
        ts_qs_hint(q, s, lo, hi);
    }
    int st;
    unsigned round = 0;
    while ((st = ts_qs_next(q)) == TS_QS_PASS && round < 40)
        pass(q, x, n_series, n, sinks, round++, 0);
    if (st == TS_QS_DONE)
        for (size_t s = 0; s < n_series; s++)
            ts_qs_quantiles(q, s, out[s]);
    *passes = ts_qs_passes(q);
    ts_qs_free(q);
    return st;
}

static void test_against_sort(void)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    static const size_t SIZES[] = {1, 2, 3, 10, 1000, 4097, 100003};
    static const size_t BUDGETS[] = {64u << 20, 1u << 16, 256};
    size_t nmax = 100003;
    double *x[N_KINDS], *sorted = malloc(nmax * sizeof *sorted);
    for (int k = 0; k < N_KINDS; k++)
        x[k] = malloc(nmax * sizeof *x[k]);
    unsigned most_passes = 0;
    for (size_t z = 0; z < sizeof SIZES / sizeof *SIZES; z++) {
        size_t n = SIZES[z];
        for (int k = 0; k < N_KINDS; k++)
            fill(x[k], n, k, rng);
        for (size_t b = 0; b < sizeof BUDGETS / sizeof *BUDGETS; b++)
            for (int hint = 0; hint < 3; hint++) {
                unsigned sinks = 1 + (unsigned)((z + b + (size_t)hint) % 3), passes = 0;
                double got[N_KINDS][NL];
                int st = run(x, N_KINDS, n, sinks, BUDGETS[b], hint, got, &passes);
                if (!CHECK(st == TS_QS_DONE)) {
                    fprintf(stderr, "  n %zu, budget %zu, hint %d: status %d\n", n, BUDGETS[b],
                            hint, st);
                    continue;
                }
                most_passes = passes > most_passes ? passes : most_passes;
                for (int k = 0; k < N_KINDS; k++) {
                    memcpy(sorted, x[k], n * sizeof *sorted);
                    gsl_sort(sorted, 1, n);
                    for (size_t j = 0; j < NL; j++) {
                        double want = gsl_stats_quantile_from_sorted_data(sorted, 1, n, LEVELS[j]);
                        /* Bit for bit (a zero's sign aside: GSL's sort does
                         * not order -0 and +0). */
                        if (!CHECK(got[k][j] == want))
                            fprintf(stderr,
                                    "  %s, n %zu, budget %zu, hint %d, %u sinks, level %g: "
                                    "%.17g, GSL %.17g\n",
                                    KIND[k], n, BUDGETS[b], hint, sinks, LEVELS[j], got[k][j],
                                    want);
                    }
                }
                /* 10^5 values in 256 bytes: the brackets must have been
                 * refined at least once before being collected. */
                if (n == 100003 && BUDGETS[b] == 256)
                    CHECK(passes >= 3);
                if (n == 100003 && BUDGETS[b] == (64u << 20) && hint == 1)
                    CHECK_INT(passes, 2);
            }
    }
    fprintf(stderr, "  at most %u passes\n", most_passes);
    for (int k = 0; k < N_KINDS; k++)
        free(x[k]);
    free(sorted);
    gsl_rng_free(rng);
}

/* A pass that does not hand over the same values is caught. */
static void test_mismatch(void)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    size_t n = 5000;
    double *x = malloc(n * sizeof *x);
    fill(x, n, 0, rng);
    for (int which = 0; which < 2; which++) {
        ts_qs *q = ts_qs_create(1, n, LEVELS, NL, 1 << 20, 2);
        ts_qs_hint(q, 0, 990, 1010);
        int st = ts_qs_next(q);
        CHECK_INT(st, TS_QS_PASS);
        pass(q, &x, 1, n, 2, 0, which == 0); /* the first pass one value short */
        st = ts_qs_next(q);
        if (which == 1) {
            CHECK_INT(st, TS_QS_PASS);
            pass(q, &x, 1, n, 2, 1, 1); /* the second one short */
            st = ts_qs_next(q);
        }
        CHECK_INT(st, TS_QS_MISMATCH);
        ts_qs_free(q);
    }
    free(x);
    gsl_rng_free(rng);
}

/* A series known beforehand takes no part in the passes. */
static void test_fixed(void)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    size_t n = 3000;
    double *x = malloc(n * sizeof *x), *sorted = malloc(n * sizeof *sorted);
    fill(x, n, 1, rng);
    ts_qs *q = ts_qs_create(2, n, LEVELS, NL, 1 << 20, 1);
    ts_qs_fixed(q, 1, 3.5);
    int st, rounds = 0;
    while ((st = ts_qs_next(q)) == TS_QS_PASS && rounds++ < 10)
        pass(q, &x, 1, n, 1, (unsigned)rounds, 0); /* series 0 only */
    CHECK_INT(st, TS_QS_DONE);
    double got[2][NL];
    ts_qs_quantiles(q, 0, got[0]);
    ts_qs_quantiles(q, 1, got[1]);
    memcpy(sorted, x, n * sizeof *x);
    gsl_sort(sorted, 1, n);
    for (size_t j = 0; j < NL; j++) {
        CHECK(got[0][j] == gsl_stats_quantile_from_sorted_data(sorted, 1, n, LEVELS[j]));
        CHECK(got[1][j] == 3.5);
    }
    ts_qs_free(q);
    free(x);
    free(sorted);
    gsl_rng_free(rng);
}

int main(void)
{
    test_against_sort();
    test_mismatch();
    test_fixed();
    return check_done();
}
