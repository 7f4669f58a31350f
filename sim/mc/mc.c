/* mc.c - Monte Carlo draws: correlated Gaussian shocks on the drivers, the
 * projection core rerun per draw, and per-draw bookkeeping (attainment
 * counts, the stored values for the percentile bands). Threads take blocks
 * of draws from a shared counter; everything a block produces depends only
 * on the seed and the block number. The summary is in mc_summary.c. */
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/uncertainty.h"
#include "mc_internal.h"
#include "mc_run.h"
#include "workers.h"

const double ts_mc_percentile_levels[TS_MC_N_PERCENTILES] = {0.05, 0.10, 0.25, 0.50,
                                                             0.75, 0.90, 0.95};

/* ---- set-up ---------------------------------------------------------------- */

/* An override that swaps a driver's model (a sweep of "firms.growth" over a
 * scenario where firms add) leaves the sd in the old model's unit: the
 * driver then gets no shock. */
static bool model_swapped(const mc_job *job, size_t i)
{
    for (size_t o = 0; o < job->n_overrides; o++)
        if (job->overrides[o].index == i &&
            job->overrides[o].model != job->p->scenario->assumptions[i].model)
            return true;
    return false;
}

/* The drivers that get shocks: an sd > 0 and at least one projected year;
 * sorted by first projected year (then plan order). */
static size_t pick_dims(const mc_job *job, size_t *dims)
{
    const ts_projector *p = job->p;
    size_t n = 0;
    for (size_t k = 0; k < p->n_years; k++)
        for (size_t i = 0; i < p->n_ind; i++) {
            double sd = p->scenario->assumptions[i].sd;
            if (!p->plan->indicators[i].is_derived && p->first[i] == k && sd > 0 &&
                !model_swapped(job, i))
                dims[n++] = i;
        }
    return n;
}

static ts_status setup_dims(mc_job *job, ts_error *err)
{
    const ts_projector *p = job->p;
    size_t dims[TS_MAX_INDICATORS];
    job->n_dims = pick_dims(job, dims);
    size_t n = job->n_dims;
    job->dim_index = malloc((n ? n : 1) * sizeof *job->dim_index);
    job->dim_sd = malloc((n ? n : 1) * sizeof *job->dim_sd);
    job->chol = malloc((n ? n * n : 1) * sizeof *job->chol);
    job->active = calloc(p->n_years, sizeof *job->active);
    if (!job->dim_index || !job->dim_sd || !job->chol || !job->active)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    for (size_t j = 0; j < n; j++) {
        job->dim_index[j] = dims[j];
        job->dim_sd[j] = p->scenario->assumptions[dims[j]].sd;
    }
    ts_status st = ts_uncertainty_factor(p->plan, p->scenario, dims, n, job->chol, err);
    if (st != TS_OK)
        return st;
    for (size_t r = 0; r < n; r++)
        for (size_t c = 0; c < r; c++)
            job->correlated |= job->chol[r * n + c] != 0;
    job->k0 = p->n_years;
    for (size_t k = 0; k < p->n_years; k++) {
        for (size_t j = 0; j < n; j++)
            job->active[k] += p->first[dims[j]] <= k;
        if (job->active[k] && job->k0 == p->n_years)
            job->k0 = k;
        job->normals_per_draw += job->active[k];
    }
    return TS_OK;
}

/* The first year index whose statistic meets the goal at or after `from`
 * (an every-year bound: its target year when it held, else none), or n. */
static size_t first_attaining(const mc_target *t, const double *stats, size_t from, size_t n)
{
    if (t->goal.each_year)
        return ts_goal_met(&t->goal, stats) ? t->year_k : n;
    size_t k = from > ts_goal_first_year(&t->goal) ? from : ts_goal_first_year(&t->goal);
    while (k < n && !ts_goal_meets(&t->goal, stats[k]))
        k++;
    return k;
}

static void setup_target(const ts_projector *p, size_t i, mc_target *t)
{
    const ts_target *tg = &p->plan->indicators[i].target;
    t->index = i;
    ts_goal_init(&t->goal, p->plan, i, tg);
    t->first = p->first[i];
    t->year_k = t->goal.year_k;
    t->plain = t->goal.plain && !t->goal.each_year;
    t->vary_first = t->first;
    if (t->goal.relative && p->first[t->goal.other.index] < t->vary_first)
        t->vary_first = p->first[t->goal.other.index];
    t->varies = t->year_k >= t->vary_first;
    /* The statistics of the observed part decide what no draw changes. */
    double stats[TS_MAX_YEAR_SPAN + 1];
    const double *other = t->goal.relative ? p->observed + t->goal.other.index * p->n_years : NULL;
    ts_goal_statistics(&t->goal, p->observed + i * p->n_years, other, p->n_years, stats);
    t->fixed_met = !t->varies && ts_goal_met(&t->goal, stats);
    bool breached = false;
    /* Decided by a breach in an observed year (not an interpolated one),
     * as the assessment and the record count them. */
    for (size_t k = 1; t->goal.each_year && k < t->vary_first && k <= t->year_k; k++)
        breached |= p->kinds[i * p->n_years + k] == TS_OBSERVED && !isnan(stats[k]) &&
                    !ts_goal_meets(&t->goal, stats[k]);
    t->decided = !t->varies || breached;
    size_t fixed = t->varies ? t->vary_first : p->n_years;
    size_t k = t->goal.each_year ? (t->fixed_met ? t->year_k : p->n_years)
                                 : first_attaining(t, stats, 0, fixed);
    t->fixed_first = k < fixed ? (long)k : -1;
}

/* An indicator whose target the draws judge: present and not text. */
static bool is_scored(const ts_indicator *ind)
{
    return ts_target_scored(&ind->target) && ts_indicator_has_figures(ind);
}

static size_t count_targets(const ts_projector *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n_ind; i++)
        n += is_scored(&p->plan->indicators[i]);
    return n;
}

/* Doubles in the store: every varying year of every target, per draw. */
static size_t store_cells_per_draw(const ts_projector *p)
{
    size_t cells = 0;
    for (size_t i = 0; i < p->n_ind; i++)
        if (is_scored(&p->plan->indicators[i]) && p->first[i] < p->n_years)
            cells += p->n_years - p->first[i];
    return cells;
}

/* Bytes of the draw store with percentiles on (0 when nothing varies), or
 * SIZE_MAX on overflow. */
static size_t store_bytes(const ts_projector *p, size_t draws)
{
    size_t cells = store_cells_per_draw(p);
    if (cells && draws > SIZE_MAX / sizeof(double) / cells)
        return SIZE_MAX;
    return cells * draws * sizeof(double);
}

static ts_status setup_targets(mc_job *job, ts_error *err)
{
    const ts_projector *p = job->p;
    job->n_targets = count_targets(p);
    job->targets = calloc(job->n_targets ? job->n_targets : 1, sizeof *job->targets);
    if (!job->targets)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    size_t t = 0, offset = 0;
    for (size_t i = 0; i < p->n_ind; i++) {
        if (!is_scored(&p->plan->indicators[i]))
            continue;
        setup_target(p, i, &job->targets[t]);
        job->targets[t].store_offset = offset;
        if (p->first[i] < p->n_years)
            offset += (p->n_years - p->first[i]) * job->draws;
        t++;
    }
    return TS_OK;
}

static ts_status check_options(const ts_projector *p, const ts_mc_options *opt, ts_error *err)
{
    if (opt->draws < 1 || opt->draws > TS_MC_MAX_DRAWS)
        return ts_error_set(err, TS_EUSAGE, NULL, "draws", "%zu is outside [1, %d]", opt->draws,
                            TS_MC_MAX_DRAWS);
    if (opt->threads > TS_MC_MAX_THREADS)
        return ts_error_set(err, TS_EUSAGE, NULL, "threads", "%u is outside [1, %d]",
                            opt->threads, TS_MC_MAX_THREADS);
    size_t bytes = store_bytes(p, opt->draws);
    if ((opt->percentiles || opt->keep_draws) && opt->max_store_bytes &&
        bytes > opt->max_store_bytes)
        return ts_error_set(err, TS_EUSAGE, NULL, "draws",
                            "%zu would keep %zu MiB of draws for the percentile bands "
                            "(%zu values per draw), more than the %zu MiB allowed; give fewer "
                            "draws",
                            opt->draws, bytes == SIZE_MAX ? SIZE_MAX >> 20 : bytes >> 20,
                            store_cells_per_draw(p), opt->max_store_bytes >> 20);
    return TS_OK;
}

static void job_free(mc_job *job)
{
    free(job->dim_index);
    free(job->dim_sd);
    free(job->chol);
    free(job->active);
    free(job->targets);
}

/* ---- workers --------------------------------------------------------------- */

static void worker_free(mc_worker *w)
{
    if (w->rng)
        gsl_rng_free(w->rng);
    free(w->u);
    free(w->shocks);
    free(w->values);
    free(w->attained);
    free(w->stats);
    free(w->first_count);
}

/* Zeroed memory on cache lines of its own. Two threads writing to one line
 * (one thread's counts next to another's normals, say) would pass it back
 * and forth between the cores at every write. */
static void *line_alloc(size_t bytes)
{
    enum { LINE = 64 };
    size_t padded = (bytes + LINE - 1) / LINE * LINE;
    void *p = aligned_alloc(LINE, padded ? padded : LINE);
    if (p)
        memset(p, 0, padded ? padded : LINE);
    return p;
}

static ts_status worker_alloc(mc_job *job, mc_worker *w, ts_error *err)
{
    const ts_projector *p = job->p;
    size_t cells = p->n_ind * p->n_years;
    w->job = job;
    w->fail_block = SIZE_MAX;
    w->rng = gsl_rng_alloc(gsl_rng_taus2);
    w->u = line_alloc((job->n_dims ? job->n_dims : 1) * sizeof *w->u);
    w->shocks = line_alloc(cells * sizeof *w->shocks);
    w->values = line_alloc(cells * sizeof *w->values);
    w->attained = line_alloc((job->n_targets + 1) * sizeof *w->attained);
    w->stats = line_alloc(p->n_years * sizeof *w->stats);
    w->first_count = line_alloc((job->n_targets + 1) * (p->n_years + 1) * sizeof *w->first_count);
    if (!w->rng || !w->u || !w->shocks || !w->values || !w->attained || !w->stats ||
        !w->first_count)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    ts_projector_init_values(p, w->values);
    return TS_OK;
}

/* One draw's shocks: in each year from k0 on, a vector of independent
 * standard normals for the active dimensions, correlated through L and
 * scaled by the sds. */
static void draw_shocks(const mc_job *job, mc_worker *w)
{
    size_t n = job->n_dims, ny = job->p->n_years;
    for (size_t k = job->k0; k < ny; k++) {
        size_t m = job->active[k];
        for (size_t j = 0; j < m; j++)
            w->u[j] = gsl_ran_gaussian_ziggurat(w->rng, 1.0);
        for (size_t j = 0; j < m; j++) {
            double z = w->u[j];
            if (job->correlated) {
                const double *row = job->chol + j * n;
                z = 0.0;
                for (size_t l = 0; l <= j; l++)
                    z += row[l] * w->u[l];
            }
            w->shocks[job->dim_index[j] * ny + k] = job->dim_sd[j] * z;
        }
    }
}

/* Whether one draw meets target `tg`, and the first year it does (n_years:
 * none), counted into the worker. A value target reads its row; the other
 * kinds compute their statistics first (engine/goal.h). */
static void judge_draw(const mc_job *job, mc_worker *w, size_t t, const mc_target *tg,
                       const double *row)
{
    size_t ny = job->p->n_years;
    bool met;
    size_t first = ny;
    if (tg->plain) {
        const ts_goal *g = &tg->goal;
        met = tg->varies && ts_target_met(g->direction, g->tolerance, row[tg->year_k], g->x);
        if (tg->fixed_first < 0) {
            first = tg->first > ts_goal_first_year(g) ? tg->first : ts_goal_first_year(g);
            while (first < ny && !ts_target_met(g->direction, g->tolerance, row[first], g->x))
                first++;
        }
    } else {
        const double *other = tg->goal.relative ? w->values + tg->goal.other.index * ny : NULL;
        ts_goal_statistics(&tg->goal, row, other, ny, w->stats);
        met = tg->varies && ts_goal_met(&tg->goal, w->stats);
        if (tg->fixed_first < 0)
            first = first_attaining(tg, w->stats, tg->vary_first, ny);
    }
    w->attained[t] += met;
    if (tg->fixed_first < 0)
        w->first_count[t * (ny + 1) + first]++;
}

/* What one draw contributes: attainment counts and stored values. */
static void record(const mc_job *job, mc_worker *w, size_t draw)
{
    size_t ny = job->p->n_years;
    for (size_t t = 0; t < job->n_targets; t++) {
        const mc_target *tg = &job->targets[t];
        const double *row = w->values + tg->index * ny;
        judge_draw(job, w, t, tg, row);
        if (job->store)
            for (size_t k = tg->first; k < ny; k++)
                job->store[tg->store_offset + (k - tg->first) * job->draws + draw] = row[k];
    }
}

static void draw_failed(mc_job *job, mc_worker *w, size_t block, size_t draw, size_t index)
{
    const ts_projector *p = job->p;
    char message[TS_ERROR_MESSAGE_MAX];
    snprintf(message, sizeof message, "%s", w->err.message);
    double sd = p->scenario->assumptions[index].sd;
    if (sd > 0)
        ts_error_set(&w->err, TS_EINPUT, w->err.file, w->err.path,
                     "Monte Carlo draw %zu (seed %llu): %s; the draw added a shock with sd %g "
                     "(uncertainty.sd.%s of %s)",
                     draw + 1, (unsigned long long)job->seed, message, sd,
                     p->plan->indicators[index].id, p->scenario->file);
    else
        ts_error_set(&w->err, TS_EINPUT, w->err.file, w->err.path,
                     "Monte Carlo draw %zu (seed %llu): %s", draw + 1,
                     (unsigned long long)job->seed, message);
    w->fail_block = block;
    /* Blocks after this one need not run; earlier ones still must, so the
     * first failing draw is the one reported whatever the threads. */
    size_t seen = atomic_load(&job->fail_block);
    while (block < seen &&
           !atomic_compare_exchange_weak(&job->fail_block, &seen, block))
        ;
}

static void run_block(mc_job *job, mc_worker *w, size_t block)
{
    size_t d0 = block * TS_MC_BLOCK_DRAWS;
    size_t d1 = d0 + TS_MC_BLOCK_DRAWS < job->draws ? d0 + TS_MC_BLOCK_DRAWS : job->draws;
    gsl_rng_set(w->rng, ts_mc_block_seed(job->seed, block));
    for (size_t d = d0; d < d1; d++) {
        draw_shocks(job, w);
        size_t failed = 0;
        if (ts_projector_run(job->p, job->overrides, job->n_overrides, w->shocks, w->values,
                             &failed, &w->err) != TS_OK) {
            draw_failed(job, w, block, d, failed);
            return;
        }
        record(job, w, d);
    }
    atomic_fetch_add(&job->done_draws, (uint64_t)(d1 - d0));
}

static void worker_main(void *arg)
{
    mc_worker *w = arg;
    mc_job *job = w->job;
    for (;;) {
        size_t block = atomic_fetch_add(&job->next_block, 1);
        if (block >= job->n_blocks || block > atomic_load(&job->fail_block))
            return;
        run_block(job, w, block);
    }
}

/* ---- the run --------------------------------------------------------------- */

static ts_status first_failure(const mc_worker *workers, unsigned n, ts_error *err)
{
    const mc_worker *worst = NULL;
    for (unsigned k = 0; k < n; k++)
        if (workers[k].fail_block != SIZE_MAX &&
            (!worst || workers[k].fail_block < worst->fail_block))
            worst = &workers[k];
    if (!worst)
        return TS_OK;
    if (err)
        *err = worst->err;
    return worst->err.code;
}

static ts_status draw_all(mc_job *job, const ts_mc_options *opt, mc_worker *workers,
                          unsigned n_threads, ts_error *err)
{
    ts_status st = TS_OK;
    for (unsigned k = 0; k < n_threads && st == TS_OK; k++)
        st = worker_alloc(job, &workers[k], err);
    if (st != TS_OK)
        return st;
    ts_workers_progress progress = {&job->done_draws, job->draws, opt->progress,
                                    opt->progress_user};
    ts_workers_run(n_threads, worker_main, workers, sizeof *workers, &progress);
    return first_failure(workers, n_threads, err);
}

static ts_status result_alloc(const mc_job *job, const ts_mc_options *opt, ts_mc_result **out,
                              ts_error *err)
{
    const ts_projector *p = job->p;
    ts_mc_result *res = calloc(1, sizeof *res);
    if (!res || !(res->targets = calloc(p->n_ind, sizeof *res->targets))) {
        free(res);
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    }
    res->n_draws = job->draws;
    res->seed = job->seed;
    res->normals_per_draw = job->normals_per_draw;
    res->base_year = p->base_year;
    res->n_years = p->n_years;
    res->n_indicators = p->n_ind;
    *out = res;
    for (size_t t = 0; t < job->n_targets; t++) {
        ts_mc_target *r = &res->targets[job->targets[t].index];
        r->has_target = true;
        r->decided = job->targets[t].decided;
        r->first = job->targets[t].first;
        r->by_year = calloc(p->n_years, sizeof *r->by_year);
        if (opt->percentiles || opt->keep_draws)
            r->percentiles = calloc(p->n_years * TS_MC_N_PERCENTILES, sizeof *r->percentiles);
        if (!r->by_year || ((opt->percentiles || opt->keep_draws) && !r->percentiles))
            return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    }
    return TS_OK;
}

ts_status ts_mc_run(const ts_projector *p, const ts_driver_override *overrides,
                    size_t n_overrides, const ts_mc_options *opt, ts_mc_result **out,
                    ts_error *err)
{
    *out = NULL;
    ts_status st = check_options(p, opt, err);
    if (st != TS_OK)
        return st;
    unsigned n_threads = opt->threads ? opt->threads : 1;
    mc_job job = {.p = p, .overrides = overrides, .n_overrides = n_overrides,
                  .draws = opt->draws, .seed = opt->seed};
    job.n_blocks = (opt->draws + TS_MC_BLOCK_DRAWS - 1) / TS_MC_BLOCK_DRAWS;
    atomic_init(&job.next_block, 0);
    atomic_init(&job.done_draws, 0);
    atomic_init(&job.fail_block, SIZE_MAX);
    mc_worker workers[TS_MC_MAX_THREADS];
    memset(workers, 0, sizeof workers);
    ts_mc_result *res = NULL;
    bool keep = opt->percentiles || opt->keep_draws;
    if ((st = setup_dims(&job, err)) != TS_OK || (st = setup_targets(&job, err)) != TS_OK ||
        (st = result_alloc(&job, opt, &res, err)) != TS_OK)
        goto out;
    size_t bytes = store_bytes(p, opt->draws);
    if (keep && bytes && !(job.store = malloc(bytes))) {
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL,
                          "out of memory: the draws need %zu MiB for the percentile bands",
                          bytes >> 20);
        goto out;
    }
    if ((st = draw_all(&job, opt, workers, n_threads, err)) != TS_OK ||
        (st = ts_mc_summarise(&job, workers, n_threads, opt, res, err)) != TS_OK)
        goto out;
    if (opt->keep_draws) {
        res->store_ = job.store;
        for (size_t t = 0; t < job.n_targets; t++)
            res->targets[job.targets[t].index].draws = job.store + job.targets[t].store_offset;
        job.store = NULL;
    }
    *out = res;
    res = NULL;
out:
    for (unsigned k = 0; k < n_threads; k++)
        worker_free(&workers[k]);
    free(job.store);
    job_free(&job);
    ts_mc_result_free(res);
    return st;
}

void ts_mc_result_free(ts_mc_result *res)
{
    if (!res)
        return;
    for (size_t i = 0; i < res->n_indicators; i++) {
        free(res->targets[i].by_year);
        free(res->targets[i].percentiles);
    }
    free(res->targets);
    free(res->store_);
    free(res);
}

ts_status ts_mc_result_create(const ts_projector *p, const ts_mc_options *opt,
                              ts_mc_result **out, ts_error *err)
{
    return ts_mc_run(p, NULL, 0, opt, out, err);
}
