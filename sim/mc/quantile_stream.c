/* quantile_stream.c - exact quantiles in bounded memory from passes that
 * replay the same values (quantile_stream.h): a histogram pass brackets
 * every wanted order statistic, then the values inside the brackets are
 * collected (or, when too many for the budget, a bracket is split by a
 * finer histogram first) and the ranks read off the sorted few. */
#include "quantile_stream.h"

#include <math.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "quantile.h"

enum {
    MAX_DEPTH = 8,        /* levels of refinement before a bracket is collected whatever its size */
    SUB_BUCKETS = 1024,   /* buckets of a refining histogram */
    MIN_BUCKETS0 = 64,    /* buckets of a series' first histogram: as many as the budget */
    MAX_BUCKETS0 = 4096,  /* allows, in steps of 64 (one word of the bracket bitmap) */
    MAX_RANKS = TS_QUANTILE_MAX_RANKS
};

/* One bucketing: b = the integer part of (v - lo) * scale, clamped to
 * [0, nb - 1]. Monotone in v, so the values of a bucket are an interval and
 * the counts below a bucket are the values below it. */
typedef struct level {
    double lo, scale, lim; /* lim = nb - 0.5 */
    uint32_t b;            /* the bucket a bracket is in (unused for a series' own level) */
} level;

static inline uint32_t bucket(const level *l, double v)
{
    double t = (v - l->lo) * l->scale;
    t = t > 0.0 ? t : 0.0; /* also NaN */
    t = t < l->lim ? t : l->lim;
    return (uint32_t)t;
}

static level make_level(double lo, double hi, uint32_t nb)
{
    level l = {lo, 0.0, (double)nb - 0.5, 0};
    double width = hi - lo;
    if (isfinite(lo) && width > 0 && isfinite(width)) {
        l.scale = (double)nb / width;
        if (!(l.scale < 1e300)) /* keep (v - lo) * scale finite */
            l.scale = 1e300;
    } else {
        l.lo = isfinite(lo) ? lo : 0.0;
    }
    return l;
}

enum { COLLECT, REFINE };

/* Where one or more wanted order statistics of a series lie: the values v
 * with bucket(&lv[l], v) == lv[l].b for every l < depth. */
typedef struct bracket {
    unsigned depth;
    level *lv;               /* depth + 1 levels: lv[depth] splits it while refining */
    uint64_t below, count;   /* values of the series below the bracket, in it */
    double lo, hi;           /* bounds of its values (exact when `exact`) */
    bool exact;
    int mode;
    double *vals;            /* COLLECT: `count` values */
    atomic_size_t fill;
    size_t slot;             /* REFINE: its part of the sinks' sub-histograms */
} bracket;

typedef struct series {
    level l0;
    bool fixed;              /* every value is rank_val[0] (ts_qs_fixed): not in the passes */
    bracket *br;             /* the brackets still open */
    size_t n_br;
    int rank_br[MAX_RANKS];  /* per distinct rank: its bracket in br, -1 once known */
    double rank_val[MAX_RANKS];
} series;

struct ts_qs_sink {
    ts_qs *q;
    uint64_t *seen;          /* per series: values handed over in this pass */
    uint32_t *hist;          /* pass 0: n_series * nb0 */
    uint32_t *sub_count;     /* refining: n_refine * SUB_BUCKETS */
    double *sub_min, *sub_max;
};

struct ts_qs {
    size_t n_series, n, n_levels;
    double *levels;
    size_t budget;
    unsigned n_sinks;
    uint32_t nb0;
    size_t words;            /* 64-bit words of a series' bracket bitmap */
    size_t ranks[MAX_RANKS]; /* ts_quantile_ranks, with repeats */
    size_t m_ranks;
    size_t distinct[MAX_RANKS]; /* the same, sorted, each once */
    size_t n_distinct;
    series *se;
    uint64_t *bits;          /* n_series * words: level-0 buckets holding an open bracket */
    ts_qs_sink *sinks;
    size_t n_refine;
    int pass;                /* the pass being made, -1 before the first */
    unsigned passes;
};

/* ---- set-up ---------------------------------------------------------------- */

static void free_brackets(series *s)
{
    for (size_t k = 0; k < s->n_br; k++) {
        free(s->br[k].lv);
        free(s->br[k].vals);
    }
    free(s->br);
    s->br = NULL;
    s->n_br = 0;
}

static void free_sink_parts(ts_qs *q)
{
    for (unsigned k = 0; q->sinks && k < q->n_sinks; k++) {
        ts_qs_sink *sk = &q->sinks[k];
        free(sk->seen);
        free(sk->hist);
        free(sk->sub_count);
        free(sk->sub_min);
        free(sk->sub_max);
        *sk = (ts_qs_sink){.q = q};
    }
}

void ts_qs_free(ts_qs *q)
{
    if (!q)
        return;
    for (size_t s = 0; q->se && s < q->n_series; s++)
        free_brackets(&q->se[s]);
    free_sink_parts(q);
    free(q->sinks);
    free(q->se);
    free(q->bits);
    free(q->levels);
    free(q);
}

static int by_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

ts_qs *ts_qs_create(size_t n_series, size_t n, const double *levels, size_t n_levels,
                    size_t budget, unsigned n_sinks)
{
    if (n < 1 || n > UINT32_MAX || n_sinks < 1 || n_levels < 1)
        return NULL;
    ts_qs *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    q->n_series = n_series;
    q->n = n;
    q->n_levels = n_levels;
    q->budget = budget;
    q->n_sinks = n_sinks;
    q->pass = -1;
    /* The first histograms take at most half the budget, over all sinks. */
    size_t per = budget / 2 / n_sinks / (n_series ? n_series : 1) / sizeof(uint32_t);
    per = per < MIN_BUCKETS0 ? MIN_BUCKETS0 : per > MAX_BUCKETS0 ? MAX_BUCKETS0 : per;
    q->nb0 = (uint32_t)(per / 64 * 64);
    q->words = q->nb0 / 64;
    q->m_ranks = ts_quantile_ranks(n, levels, n_levels, q->ranks);
    memcpy(q->distinct, q->ranks, q->m_ranks * sizeof *q->ranks);
    qsort(q->distinct, q->m_ranks, sizeof *q->distinct, by_size);
    for (size_t k = 0; k < q->m_ranks; k++)
        if (k == 0 || q->distinct[k] != q->distinct[q->n_distinct - 1])
            q->distinct[q->n_distinct++] = q->distinct[k];
    q->levels = malloc(n_levels * sizeof *q->levels);
    q->se = calloc(n_series ? n_series : 1, sizeof *q->se);
    q->bits = calloc((n_series ? n_series : 1) * q->words, sizeof *q->bits);
    q->sinks = calloc(n_sinks, sizeof *q->sinks);
    if (!q->levels || !q->se || !q->bits || !q->sinks) {
        ts_qs_free(q);
        return NULL;
    }
    memcpy(q->levels, levels, n_levels * sizeof *levels);
    for (unsigned k = 0; k < n_sinks; k++)
        q->sinks[k].q = q;
    for (size_t s = 0; s < n_series; s++)
        q->se[s].l0 = make_level(0.0, 0.0, q->nb0); /* no hint: one bucket, refined later */
    return q;
}

void ts_qs_hint(ts_qs *q, size_t s, double lo, double hi)
{
    /* Values just outside the hint stay out of the end buckets, which
     * would otherwise take every tail value. */
    double pad = (hi - lo) / 64;
    q->se[s].l0 = make_level(lo - pad, hi + pad, q->nb0);
}

void ts_qs_fixed(ts_qs *q, size_t s, double value)
{
    series *se = &q->se[s];
    se->fixed = true;
    for (size_t j = 0; j < q->n_distinct; j++) {
        se->rank_br[j] = -1;
        se->rank_val[j] = value;
    }
}

ts_qs_sink *ts_qs_sink_at(ts_qs *q, unsigned k)
{
    return &q->sinks[k];
}

unsigned ts_qs_passes(const ts_qs *q)
{
    return q->passes;
}

/* ---- a pass ------------------------------------------------------------------ */

/* v is in series s's level-0 bucket b, which holds an open bracket. */
static void member(ts_qs_sink *sk, series *se, uint32_t b, double v)
{
    for (size_t k = 0; k < se->n_br; k++) {
        bracket *br = &se->br[k];
        if (br->lv[0].b != b)
            continue;
        unsigned l = 1;
        while (l < br->depth && bucket(&br->lv[l], v) == br->lv[l].b)
            l++;
        if (l < br->depth)
            continue;
        if (br->mode == COLLECT) {
            size_t at = atomic_fetch_add_explicit(&br->fill, 1, memory_order_relaxed);
            if (at < br->count)
                br->vals[at] = v;
        } else {
            size_t o = br->slot * SUB_BUCKETS + bucket(&br->lv[br->depth], v);
            sk->sub_count[o]++;
            sk->sub_min[o] = v < sk->sub_min[o] ? v : sk->sub_min[o];
            sk->sub_max[o] = v > sk->sub_max[o] ? v : sk->sub_max[o];
        }
        return; /* the brackets of a series do not overlap */
    }
}

void ts_qs_put(ts_qs_sink *sk, size_t s, const double *values, size_t m)
{
    ts_qs *q = sk->q;
    series *se = &q->se[s];
    const level l0 = se->l0;
    sk->seen[s] += m;
    if (q->pass == 0) {
        uint32_t *h = sk->hist + s * q->nb0;
        for (size_t i = 0; i < m; i++)
            h[bucket(&l0, values[i])]++;
        return;
    }
    const uint64_t *bits = q->bits + s * q->words;
    for (size_t i = 0; i < m; i++) {
        uint32_t b = bucket(&l0, values[i]);
        if ((bits[b >> 6] >> (b & 63)) & 1)
            member(sk, se, b, values[i]);
    }
}

/* ---- between passes ------------------------------------------------------------ */

static int alloc_seen(ts_qs *q)
{
    for (unsigned k = 0; k < q->n_sinks; k++)
        if (!(q->sinks[k].seen = calloc(q->n_series ? q->n_series : 1, sizeof(uint64_t))))
            return TS_QS_ENOMEM;
    return 0;
}

/* Every value of every series went through exactly one sink this pass. */
static int check_seen(const ts_qs *q)
{
    for (size_t s = 0; s < q->n_series; s++) {
        uint64_t sum = 0;
        for (unsigned k = 0; k < q->n_sinks; k++)
            sum += q->sinks[k].seen[s];
        if (sum != (q->se[s].fixed ? 0 : q->n))
            return TS_QS_MISMATCH;
    }
    return 0;
}

static int start_pass0(ts_qs *q)
{
    if (alloc_seen(q) != 0)
        return TS_QS_ENOMEM;
    for (unsigned k = 0; k < q->n_sinks; k++) {
        ts_qs_sink *sk = &q->sinks[k];
        sk->hist = calloc((q->n_series ? q->n_series : 1) * q->nb0, sizeof *sk->hist);
        if (!sk->hist)
            return TS_QS_ENOMEM;
    }
    return 0;
}

/* Appends to `to` (capacity MAX_RANKS) the bracket of the values in bucket
 * b of the last of `chain_len` levels `chain` (and in the buckets the
 * earlier levels name). */
static int add_bracket(bracket *to, size_t *n_to, const level *chain, unsigned chain_len,
                       uint32_t b, uint64_t below, uint64_t count, double lo, double hi,
                       bool exact)
{
    bracket *br = &to[(*n_to)++];
    memset(br, 0, sizeof *br);
    br->lv = calloc(chain_len + 1, sizeof *br->lv);
    if (!br->lv)
        return TS_QS_ENOMEM;
    memcpy(br->lv, chain, chain_len * sizeof *br->lv);
    br->lv[chain_len - 1].b = b;
    br->depth = chain_len;
    br->below = below;
    br->count = count;
    br->lo = lo;
    br->hi = hi;
    br->exact = exact;
    return 0;
}

/* Series s after pass 0: its histogram summed over the sinks brackets every
 * wanted rank. */
static int after_pass0(ts_qs *q, size_t s, uint64_t *total)
{
    series *se = &q->se[s];
    if (se->fixed)
        return 0;
    memset(total, 0, q->nb0 * sizeof *total);
    for (unsigned k = 0; k < q->n_sinks; k++) {
        const uint32_t *h = q->sinks[k].hist + s * q->nb0;
        for (uint32_t b = 0; b < q->nb0; b++)
            total[b] += h[b];
    }
    se->br = calloc(q->n_distinct, sizeof *se->br);
    if (!se->br)
        return TS_QS_ENOMEM;
    const level *l0 = &se->l0;
    uint64_t below = 0;
    uint32_t b = 0;
    for (size_t j = 0; j < q->n_distinct; j++) {
        size_t r = q->distinct[j];
        while (below + total[b] <= r) /* the ranks are < n, the sum of the counts */
            below += total[b++];
        if (se->n_br && se->br[se->n_br - 1].lv[0].b == b) {
            se->rank_br[j] = (int)se->n_br - 1;
            continue;
        }
        /* The bucket's bounds, about (the end buckets reach out to the
         * values beyond the hint, of unknown extent). */
        bool known = l0->scale > 0;
        double lo = known && b > 0 ? l0->lo + b / l0->scale : -HUGE_VAL;
        double hi = known && b + 1 < q->nb0 ? l0->lo + (b + 1) / l0->scale : HUGE_VAL;
        if (add_bracket(se->br, &se->n_br, l0, 1, b, below, total[b], lo, hi, false) != 0)
            return TS_QS_ENOMEM;
        se->rank_br[j] = (int)se->n_br - 1;
    }
    return 0;
}

static int total_order(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    if (x < y)
        return -1;
    if (x > y)
        return 1;
    return (signbit(y) != 0) - (signbit(x) != 0); /* -0 before +0 */
}

/* Series s after a collecting or refining pass: collected brackets give
 * their ranks; refined ones become the sub-buckets holding their ranks
 * (known at once when all the values there are equal). */
static int after_pass(ts_qs *q, size_t s)
{
    series *se = &q->se[s];
    if (!se->n_br)
        return 0;
    bracket *next = calloc(q->n_distinct, sizeof *next);
    size_t n_next = 0;
    if (!next)
        return TS_QS_ENOMEM;
    int st = 0;
    for (size_t k = 0; k < se->n_br && st == 0; k++) {
        bracket *br = &se->br[k];
        if (br->mode == COLLECT) {
            if (atomic_load(&br->fill) != br->count) {
                st = TS_QS_MISMATCH;
                break;
            }
            qsort(br->vals, br->count, sizeof *br->vals, total_order);
            for (size_t j = 0; j < q->n_distinct; j++)
                if (se->rank_br[j] == (int)k) {
                    se->rank_br[j] = -1;
                    se->rank_val[j] = br->vals[q->distinct[j] - br->below];
                }
            continue;
        }
        /* REFINE: the sinks' sub-histograms, summed. */
        uint64_t count[SUB_BUCKETS] = {0}, sum = 0;
        double mn[SUB_BUCKETS], mx[SUB_BUCKETS];
        for (size_t u = 0; u < SUB_BUCKETS; u++) {
            mn[u] = HUGE_VAL;
            mx[u] = -HUGE_VAL;
            for (unsigned w = 0; w < q->n_sinks; w++) {
                const ts_qs_sink *sk = &q->sinks[w];
                size_t o = br->slot * SUB_BUCKETS + u;
                count[u] += sk->sub_count[o];
                mn[u] = sk->sub_min[o] < mn[u] ? sk->sub_min[o] : mn[u];
                mx[u] = sk->sub_max[o] > mx[u] ? sk->sub_max[o] : mx[u];
            }
            sum += count[u];
        }
        if (sum != br->count) {
            st = TS_QS_MISMATCH;
            break;
        }
        uint64_t below = br->below;
        uint32_t u = 0;
        size_t first_new = n_next;
        for (size_t j = 0; j < q->n_distinct && st == 0; j++) {
            if (se->rank_br[j] != (int)k)
                continue;
            size_t r = q->distinct[j];
            while (below + count[u] <= r)
                below += count[u++];
            if (mn[u] == mx[u]) { /* every value there is the same */
                se->rank_br[j] = -1;
                se->rank_val[j] = mn[u];
                continue;
            }
            if (n_next > first_new && next[n_next - 1].lv[br->depth].b == u) {
                se->rank_br[j] = -2 - (int)(n_next - 1); /* remapped below */
                continue;
            }
            /* A new bracket: the parent's levels and its sub-level, bucket u. */
            st = add_bracket(next, &n_next, br->lv, br->depth + 1, u, below, count[u], mn[u],
                             mx[u], true);
            se->rank_br[j] = -2 - (int)(n_next - 1);
        }
    }
    if (st == 0) /* ranks still open now point into `next` */
        for (size_t j = 0; j < q->n_distinct; j++)
            if (se->rank_br[j] <= -2)
                se->rank_br[j] = -2 - se->rank_br[j];
    free_brackets(se);
    se->br = next;
    se->n_br = n_next;
    return st;
}

/* By count, then by place (a fixed order). */
static int smaller_first(const void *a, const void *b)
{
    const bracket *x = *(bracket *const *)a, *y = *(bracket *const *)b;
    if (x->count != y->count)
        return x->count < y->count ? -1 : 1;
    return (x > y) - (x < y);
}

/* The next pass: each open bracket collected when the ones smaller than it
 * fit in the budget, else refined (or collected anyway at MAX_DEPTH). */
static int plan(ts_qs *q)
{
    size_t n_open = 0;
    for (size_t s = 0; s < q->n_series; s++)
        n_open += q->se[s].n_br;
    if (n_open == 0)
        return TS_QS_DONE;
    bracket **open = malloc(n_open * sizeof *open);
    if (!open)
        return TS_QS_ENOMEM;
    size_t n = 0;
    for (size_t s = 0; s < q->n_series; s++)
        for (size_t k = 0; k < q->se[s].n_br; k++)
            open[n++] = &q->se[s].br[k];
    qsort(open, n, sizeof *open, smaller_first);
    size_t room = q->budget / sizeof(double), used = 0;
    q->n_refine = 0;
    int st = TS_QS_PASS;
    for (size_t i = 0; i < n && st == TS_QS_PASS; i++) {
        bracket *br = open[i];
        if (used + br->count <= room || br->depth >= MAX_DEPTH) {
            br->mode = COLLECT;
            used += br->count;
            atomic_init(&br->fill, 0);
            if (!(br->vals = malloc(br->count * sizeof *br->vals)))
                st = TS_QS_ENOMEM;
        } else {
            br->mode = REFINE;
            br->slot = q->n_refine++;
            br->lv[br->depth] = make_level(br->lo, br->hi, SUB_BUCKETS);
        }
    }
    free(open);
    if (st != TS_QS_PASS || alloc_seen(q) != 0)
        return st != TS_QS_PASS ? st : TS_QS_ENOMEM;
    size_t cells = q->n_refine * SUB_BUCKETS;
    for (unsigned k = 0; k < q->n_sinks && cells; k++) {
        ts_qs_sink *sk = &q->sinks[k];
        sk->sub_count = calloc(cells, sizeof *sk->sub_count);
        sk->sub_min = malloc(cells * sizeof *sk->sub_min);
        sk->sub_max = malloc(cells * sizeof *sk->sub_max);
        if (!sk->sub_count || !sk->sub_min || !sk->sub_max)
            return TS_QS_ENOMEM;
        for (size_t c = 0; c < cells; c++) {
            sk->sub_min[c] = HUGE_VAL;
            sk->sub_max[c] = -HUGE_VAL;
        }
    }
    memset(q->bits, 0, q->n_series * q->words * sizeof *q->bits);
    for (size_t s = 0; s < q->n_series; s++)
        for (size_t k = 0; k < q->se[s].n_br; k++) {
            uint32_t b = q->se[s].br[k].lv[0].b;
            q->bits[s * q->words + (b >> 6)] |= (uint64_t)1 << (b & 63);
        }
    return TS_QS_PASS;
}

int ts_qs_next(ts_qs *q)
{
    int st = 0;
    if (q->pass < 0) {
        st = start_pass0(q);
        if (st != 0)
            return st;
        q->pass = 0;
        q->passes = 1;
        return TS_QS_PASS;
    }
    st = check_seen(q);
    if (st == 0 && q->pass == 0) {
        uint64_t *total = malloc(q->nb0 * sizeof *total);
        if (!total)
            return TS_QS_ENOMEM;
        for (size_t s = 0; s < q->n_series && st == 0; s++)
            st = after_pass0(q, s, total);
        free(total);
    } else if (st == 0) {
        for (size_t s = 0; s < q->n_series && st == 0; s++)
            st = after_pass(q, s);
    }
    free_sink_parts(q);
    if (st != 0)
        return st;
    st = plan(q);
    if (st == TS_QS_PASS) {
        q->pass++;
        q->passes++;
    }
    return st;
}

void ts_qs_quantiles(const ts_qs *q, size_t s, double *out)
{
    const series *se = &q->se[s];
    double stats[MAX_RANKS];
    for (size_t r = 0; r < q->m_ranks; r++)
        for (size_t j = 0; j < q->n_distinct; j++)
            if (q->distinct[j] == q->ranks[r])
                stats[r] = se->rank_val[j];
    for (size_t j = 0; j < q->n_levels; j++)
        out[j] = ts_quantile_interpolate(q->n, q->levels[j], q->ranks, stats, q->m_ranks);
}
