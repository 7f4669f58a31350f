/* quantile.c - exact quantiles of a large sample in linear time: bucket the
 * values by a histogram over [min, max], keep only the buckets that contain
 * a wanted order statistic, and sort those. Monte Carlo samples are smooth
 * and unimodal, so the kept buckets hold a tiny share of the draws; a
 * sample that piles into few buckets falls back to sorting it all. */
#include "quantile.h"

#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* 4096 four-byte counts stay in the L1 cache while the histogram is built. */
enum { MIN_BUCKETS = 16, MAX_BUCKETS = 4096, VALUES_PER_BUCKET = 64, MAX_RANKS = TS_QUANTILE_MAX_RANKS };

void ts_quantile_work_free(ts_quantile_work *w)
{
    if (!w)
        return;
    free(w->counts);
    free(w->slot);
    free(w->pool);
    memset(w, 0, sizeof *w);
}

static int reserve(ts_quantile_work *w, size_t n_buckets, size_t pool)
{
    if (n_buckets > w->n_buckets) {
        uint32_t *c = realloc(w->counts, n_buckets * sizeof *c);
        if (c)
            w->counts = c;
        size_t *s = realloc(w->slot, n_buckets * sizeof *s);
        if (s)
            w->slot = s;
        if (!c || !s)
            return -1;
        w->n_buckets = n_buckets;
    }
    if (pool > w->pool_cap) {
        double *p = realloc(w->pool, pool * sizeof *p);
        if (!p)
            return -1;
        w->pool = p;
        w->pool_cap = pool;
    }
    return 0;
}

size_t ts_quantile_ranks(size_t n, const double *levels, size_t n_levels, size_t *ranks)
{
    size_t m = 0;
    for (size_t j = 0; j < n_levels && m + 2 <= TS_QUANTILE_MAX_RANKS; j++) {
        size_t lhs = (size_t)(levels[j] * (double)(n - 1));
        ranks[m++] = lhs;
        if (lhs + 1 < n)
            ranks[m++] = lhs + 1;
    }
    return m;
}

double ts_quantile_interpolate(size_t n, double level, const size_t *ranks, const double *stats,
                               size_t m)
{
    double index = level * (double)(n - 1);
    size_t lhs = (size_t)index;
    double delta = index - (double)lhs;
    double a = NAN, b = NAN;
    for (size_t r = 0; r < m; r++) {
        if (ranks[r] == lhs)
            a = stats[r];
        if (ranks[r] == lhs + 1)
            b = stats[r];
    }
    if (lhs == n - 1)
        return a;
    return (1 - delta) * a + delta * b;
}

static size_t bucket_of(double v, double lo, double scale, size_t n_buckets)
{
    size_t b = (size_t)((v - lo) * scale);
    return b < n_buckets ? b : n_buckets - 1;
}

/* Order statistics `ranks` by sorting a full copy: the fallback. */
static int by_full_sort(const double *x, size_t n, const size_t *ranks, size_t m, double *stats,
                        ts_quantile_work *w)
{
    if (reserve(w, 0, n) != 0)
        return -1;
    memcpy(w->pool, x, n * sizeof *x);
    gsl_sort(w->pool, 1, n);
    for (size_t r = 0; r < m; r++)
        stats[r] = w->pool[ranks[r]];
    return 0;
}

/* Marks the buckets holding a wanted rank and gives each a segment of the
 * pool; returns the pool size. */
static size_t plan_pool(ts_quantile_work *w, size_t n_buckets, const size_t *ranks, size_t m)
{
    for (size_t b = 0; b < n_buckets; b++)
        w->slot[b] = SIZE_MAX;
    size_t below = 0, pool = 0;
    for (size_t b = 0; b < n_buckets; b++) {
        size_t c = w->counts[b];
        for (size_t r = 0; r < m && c; r++)
            if (ranks[r] >= below && ranks[r] < below + c && w->slot[b] == SIZE_MAX) {
                w->slot[b] = pool;
                pool += c;
            }
        below += c;
    }
    return pool;
}

static int by_buckets(const double *x, size_t n, double lo, double hi, const size_t *ranks,
                      size_t m, double *stats, ts_quantile_work *w)
{
    if (n > UINT32_MAX) /* beyond the 32-bit counts */
        return by_full_sort(x, n, ranks, m, stats, w);
    size_t n_buckets = n / VALUES_PER_BUCKET;
    n_buckets = n_buckets < MIN_BUCKETS ? MIN_BUCKETS : n_buckets > MAX_BUCKETS ? MAX_BUCKETS : n_buckets;
    double scale = (double)n_buckets / (hi - lo);
    if (!isfinite(scale)) /* a range too narrow to divide */
        return by_full_sort(x, n, ranks, m, stats, w);
    if (reserve(w, n_buckets, 0) != 0)
        return -1;
    memset(w->counts, 0, n_buckets * sizeof *w->counts);
    for (size_t i = 0; i < n; i++)
        w->counts[bucket_of(x[i], lo, scale, n_buckets)]++;
    size_t pool = plan_pool(w, n_buckets, ranks, m);
    if (pool > n / 2)
        return by_full_sort(x, n, ranks, m, stats, w);
    if (reserve(w, 0, pool) != 0)
        return -1;
    /* Segment starts, kept to sort and index the segments afterwards. */
    size_t start[MAX_RANKS], bucket[MAX_RANKS], n_seg = 0;
    for (size_t b = 0; b < n_buckets; b++)
        if (w->slot[b] != SIZE_MAX) {
            start[n_seg] = w->slot[b];
            bucket[n_seg++] = b;
        }
    for (size_t i = 0; i < n; i++) {
        size_t b = bucket_of(x[i], lo, scale, n_buckets);
        if (w->slot[b] != SIZE_MAX)
            w->pool[w->slot[b]++] = x[i];
    }
    size_t below = 0, seg = 0;
    for (size_t b = 0; b < n_buckets && seg < n_seg; b++) {
        if (b == bucket[seg]) {
            size_t c = w->counts[b];
            gsl_sort(w->pool + start[seg], 1, c);
            for (size_t r = 0; r < m; r++)
                if (ranks[r] >= below && ranks[r] < below + c)
                    stats[r] = w->pool[start[seg] + ranks[r] - below];
            seg++;
        }
        below += w->counts[b];
    }
    return 0;
}

int ts_quantiles(const double *x, size_t n, const double *levels, size_t n_levels, double *out,
                 ts_quantile_work *w)
{
    if (n == 0) {
        for (size_t j = 0; j < n_levels; j++)
            out[j] = NAN;
        return 0;
    }
    double lo = x[0], hi = x[0];
    for (size_t i = 1; i < n; i++) {
        lo = x[i] < lo ? x[i] : lo;
        hi = x[i] > hi ? x[i] : hi;
    }
    size_t ranks[MAX_RANKS];
    double stats[MAX_RANKS];
    size_t m = ts_quantile_ranks(n, levels, n_levels, ranks);
    if (lo == hi) {
        for (size_t r = 0; r < m; r++)
            stats[r] = lo;
    } else if (by_buckets(x, n, lo, hi, ranks, m, stats, w) != 0) {
        return -1;
    }
    for (size_t j = 0; j < n_levels; j++)
        out[j] = ts_quantile_interpolate(n, levels[j], ranks, stats, m);
    return 0;
}
