/* mc_summary.c - from the draws to the reported numbers: attainment
 * probabilities with their Wilson intervals, the cumulative probability of
 * attainment by year, and the yearly percentile bands. Counts are integers,
 * so combining the threads' counts is exact; the percentiles come from the
 * store, which holds the draws in draw order whatever thread made them, or
 * from the stream selector (quantile_stream.h), which gives the exact order
 * statistics whatever thread saw which draw. */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mc_internal.h"
#include "quantile.h"
#include "workers.h"

void ts_mc_wilson(size_t successes, size_t n, double z, double *low, double *high)
{
    if (n == 0) {
        *low = 0.0;
        *high = 1.0;
        return;
    }
    double nn = (double)n, p = (double)successes / nn, z2 = z * z;
    double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    double half = z / (1 + z2 / nn) * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
    /* Clamp rounding at the ends: at p = 0 the low end is 0 exactly. */
    *low = successes == 0 ? 0.0 : fmax(0.0, centre - half);
    *high = successes == n ? 1.0 : fmin(1.0, centre + half);
}

static void probabilities(const mc_job *job, const mc_worker *workers, size_t n_workers,
                          const mc_target *tg, size_t t, ts_mc_target *r)
{
    size_t ny = job->p->n_years, draws = job->draws;
    size_t attained = tg->fixed_met ? draws : 0;
    for (size_t w = 0; w < n_workers; w++)
        attained += workers[w].attained[t];
    r->attained = attained;
    r->probability = (double)attained / (double)draws;
    ts_mc_wilson(attained, draws, gsl_cdf_ugaussian_Pinv(0.975), &r->low, &r->high);
    size_t cumulative = 0;
    for (size_t k = 0; k < ny; k++) {
        if (tg->fixed_first >= 0) {
            r->by_year[k] = k >= (size_t)tg->fixed_first ? 1.0 : 0.0;
            continue;
        }
        for (size_t w = 0; w < n_workers; w++)
            cumulative += workers[w].first_count[t * (ny + 1) + k];
        r->by_year[k] = (double)cumulative / (double)draws;
    }
}

/* The percentile work: one series is one (target, varying year). */
typedef struct series_job {
    const mc_job *job;
    ts_mc_result *res;
    size_t n_series;
    size_t *target_of;   /* per series: index into job->targets */
    size_t *year_of;     /* per series: year index */
    atomic_size_t next;
    atomic_uint_least64_t done;
    atomic_int failed;
} series_job;

typedef struct series_worker {
    series_job *sj;
    ts_quantile_work work;
} series_worker;

static void series_main(void *arg)
{
    series_worker *w = arg;
    series_job *sj = w->sj;
    const mc_job *job = sj->job;
    for (;;) {
        size_t s = atomic_fetch_add(&sj->next, 1);
        if (s >= sj->n_series)
            return;
        const mc_target *tg = &job->targets[sj->target_of[s]];
        size_t k = sj->year_of[s];
        const double *x = job->store + tg->store_offset + (k - tg->first) * job->draws;
        double *out = sj->res->targets[tg->index].percentiles + k * TS_MC_N_PERCENTILES;
        if (ts_quantiles(x, job->draws, ts_mc_percentile_levels, TS_MC_N_PERCENTILES, out,
                         &w->work) != 0)
            atomic_store(&sj->failed, 1);
        atomic_fetch_add(&sj->done, 1);
    }
}

/* Years that do not vary: every percentile is the path's value. */
static void fixed_percentiles(const mc_job *job, ts_mc_result *res)
{
    const ts_projector *p = job->p;
    for (size_t t = 0; t < job->n_targets; t++) {
        const mc_target *tg = &job->targets[t];
        for (size_t k = 0; k < tg->first && k < p->n_years; k++)
            for (size_t j = 0; j < TS_MC_N_PERCENTILES; j++)
                res->targets[tg->index].percentiles[k * TS_MC_N_PERCENTILES + j] =
                    p->observed[tg->index * p->n_years + k];
    }
}

static ts_status percentiles(const mc_job *job, unsigned threads, ts_mc_result *res,
                             ts_error *err)
{
    const ts_projector *p = job->p;
    fixed_percentiles(job, res);
    series_job sj = {.job = job, .res = res};
    size_t max_series = job->n_targets * p->n_years + 1;
    sj.target_of = malloc(max_series * sizeof *sj.target_of);
    sj.year_of = malloc(max_series * sizeof *sj.year_of);
    series_worker workers[TS_MC_MAX_THREADS];
    memset(workers, 0, sizeof workers);
    ts_status st = TS_OK;
    if (!sj.target_of || !sj.year_of) {
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    for (size_t t = 0; t < job->n_targets; t++)
        for (size_t k = job->targets[t].first; k < p->n_years; k++) {
            sj.target_of[sj.n_series] = t;
            sj.year_of[sj.n_series++] = k;
        }
    atomic_init(&sj.next, 0);
    atomic_init(&sj.done, 0);
    atomic_init(&sj.failed, 0);
    for (unsigned k = 0; k < threads; k++)
        workers[k].sj = &sj;
    ts_workers_run(threads, series_main, workers, sizeof *workers, NULL);
    if (atomic_load(&sj.failed))
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
out:
    for (unsigned k = 0; k < threads; k++)
        ts_quantile_work_free(&workers[k].work);
    free(sj.target_of);
    free(sj.year_of);
    return st;
}

/* The bands from the stream selector, which has them all by now. */
static void streamed_percentiles(const mc_job *job, ts_mc_result *res)
{
    fixed_percentiles(job, res);
    for (size_t t = 0; t < job->n_targets; t++) {
        const mc_target *tg = &job->targets[t];
        for (size_t k = tg->first; k < job->p->n_years; k++)
            ts_qs_quantiles(job->qs, tg->series0 + (k - tg->first),
                            res->targets[tg->index].percentiles + k * TS_MC_N_PERCENTILES);
    }
}

ts_status ts_mc_summarise(const mc_job *job, const mc_worker *workers, size_t n_workers,
                          const ts_mc_options *opt, ts_mc_result *res, ts_error *err)
{
    for (size_t t = 0; t < job->n_targets; t++)
        probabilities(job, workers, n_workers, &job->targets[t], t,
                      &res->targets[job->targets[t].index]);
    if (job->qs) {
        streamed_percentiles(job, res);
        return TS_OK;
    }
    if (!job->store)
        return TS_OK;
    unsigned threads = opt->threads ? opt->threads : 1;
    return percentiles(job, threads > TS_MC_MAX_THREADS ? TS_MC_MAX_THREADS : threads, res, err);
}

int ts_mc_year_by_share(const ts_mc_result *res, size_t index, double share)
{
    if (index >= res->n_indicators || !res->targets[index].has_target)
        return 0;
    for (size_t k = 0; k < res->n_years; k++)
        if (res->targets[index].by_year[k] >= share)
            return res->base_year + (int)k;
    return 0;
}
