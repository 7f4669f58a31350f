/* quantile.h - exact sample quantiles without sorting the whole sample.
 * Private to the engine (Monte Carlo percentile bands). */
#ifndef TS_QUANTILE_H
#define TS_QUANTILE_H

#include <stddef.h>
#include <stdint.h>

/* Scratch space, grown as needed and reused across calls. Zero-initialise;
 * free with ts_quantile_work_free. */
typedef struct ts_quantile_work {
    uint32_t *counts; /* per bucket (samples are at most 2^32 - 1 long) */
    size_t *slot;   /* per bucket: next write position in pool, or SIZE_MAX */
    size_t n_buckets;
    double *pool;   /* the values of the buckets that hold a wanted rank */
    size_t pool_cap;
} ts_quantile_work;

void ts_quantile_work_free(ts_quantile_work *w);

enum { TS_QUANTILE_MAX_RANKS = 64 };

/* The order statistics (0-based ranks into the sorted sample of n >= 1
 * values) that the levels' quantiles read: per level lhs = floor(level *
 * (n - 1)), and lhs + 1 when it exists, in level order (a rank may repeat).
 * At most TS_QUANTILE_MAX_RANKS; returns how many. */
size_t ts_quantile_ranks(size_t n, const double *levels, size_t n_levels, size_t *ranks);

/* The `level` quantile from the order statistics stats[r] of ranks[r]
 * (r < m, from ts_quantile_ranks), by GSL's interpolation term for term. */
double ts_quantile_interpolate(size_t n, double level, const size_t *ranks, const double *stats,
                               size_t m);

/* out[j] = the levels[j] quantile of x[0..n), exactly as
 * gsl_stats_quantile_from_sorted_data computes it on the sorted sample:
 * with i = levels[j] * (n - 1), lhs = floor(i), delta = i - lhs,
 * (1 - delta) * s[lhs] + delta * s[lhs + 1]. x is read only and must hold
 * finite numbers; levels lie in [0, 1]. The needed order statistics come
 * from two passes (a histogram over [min, max], then the few buckets that
 * hold them, sorted), so the cost is linear in n. Returns 0, or -1 when
 * out of memory. n = 0 gives NaN. */
int ts_quantiles(const double *x, size_t n, const double *levels, size_t n_levels, double *out,
                 ts_quantile_work *w);

#endif
