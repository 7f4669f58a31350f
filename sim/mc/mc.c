/* mc.c - Monte Carlo draws: correlated Gaussian shocks on the drivers, the
 * yearly model rerun per draw, and what each draw contributes (attainment
 * counts, the values for the percentile bands). Threads take blocks of
 * draws from a shared counter; everything a block produces depends only on
 * the seed and the block number. The summary is in mc_summary.c.
 *
 * The draws of a block are computed MC_BATCH at a time, side by side: the
 * batch's normals first (in the order one draw after another would take
 * them from the block's stream), then each driver's years for the whole
 * batch, then the derived indicators, with per draw exactly the operations
 * of the projection (sim/engine/project.c), so every value is bit for bit
 * the one ts_projector_run gives. What does not vary between draws (drivers
 * without uncertainty, derived indicators of those, the overrides'
 * coefficients) is computed once per run (compile()); a draw computes only
 * the cells some target needs (needed_cells()).
 *
 * Percentiles: while every draw's values fit the store budget (1 MiB) they are
 * kept (the store) and the bands come from it; above it the draws are made
 * twice (or more), first counting, then collecting only the values near
 * each percentile (quantile_stream.h): the streams are seeded per block, so
 * a block replays exactly. The bands are exact either way. */
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

enum { PILOT_DRAWS = 1024 };

/* ---- set-up ---------------------------------------------------------------- */

/* The override of indicator i (the last one given), or NULL. */
static const ts_driver_override *override_of(const mc_job *job, size_t i)
{
    const ts_driver_override *o = NULL;
    for (size_t k = 0; k < job->n_overrides; k++)
        if (job->overrides[k].index == i)
            o = &job->overrides[k];
    return o;
}

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
    job->year_pos = calloc(p->n_years, sizeof *job->year_pos);
    if (!job->dim_index || !job->dim_sd || !job->chol || !job->active || !job->year_pos)
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
        job->year_pos[k] = job->normals_per_draw;
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

/* Percentile series: every varying year of every target. */
static size_t count_series(const ts_projector *p)
{
    size_t cells = 0;
    for (size_t i = 0; i < p->n_ind; i++)
        if (is_scored(&p->plan->indicators[i]) && p->first[i] < p->n_years)
            cells += p->n_years - p->first[i];
    return cells;
}

/* Bytes of the draw store (every series, every draw; 0 when nothing
 * varies), or SIZE_MAX on overflow. */
static size_t store_bytes(const ts_projector *p, size_t draws)
{
    size_t cells = count_series(p);
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
    size_t t = 0, series = 0;
    for (size_t i = 0; i < p->n_ind; i++) {
        if (!is_scored(&p->plan->indicators[i]))
            continue;
        setup_target(p, i, &job->targets[t]);
        job->targets[t].series0 = series;
        job->targets[t].store_offset = series * job->draws;
        if (p->first[i] < p->n_years)
            series += p->n_years - p->first[i];
        t++;
    }
    job->n_series = series;
    return TS_OK;
}

/* The cells a draw computes: need[i] is the first year index of indicator i
 * that a draw must know (n_years: none). A target needs its indicator from
 * its first varying year to the horizon (the attainment year is searched
 * over all of them and each has a percentile band), a relative target the
 * other indicator from the same year (its statistic reads both paths; an
 * every-year bound reads all the years after the base); a derived indicator
 * needs its inputs in the years it is needed. A driver is then run from its
 * first projected year (each year continues the last), a derived indicator
 * only in the years needed. The one place that decides which (indicator,
 * year) cells the draws compute: cells no target depends on are not
 * computed, and so cannot fail a draw. */
static void needed_cells(const mc_job *job, size_t *need)
{
    const ts_projector *p = job->p;
    for (size_t i = 0; i < p->n_ind; i++)
        need[i] = p->n_years;
    for (size_t t = 0; t < job->n_targets; t++) {
        const mc_target *tg = &job->targets[t];
        size_t from = tg->first < tg->vary_first ? tg->first : tg->vary_first;
        need[tg->index] = from < need[tg->index] ? from : need[tg->index];
        /* A relative target's statistic reads the other indicator's path too. */
        if (tg->goal.relative && from < need[tg->goal.other.index])
            need[tg->goal.other.index] = from;
    }
    /* Evaluation order backwards: a derived indicator before its inputs. */
    for (size_t k = p->n_ind; k-- > 0;) {
        size_t i = p->plan->order[k];
        const ts_indicator *ind = &p->plan->indicators[i];
        if (!ind->is_derived || need[i] >= p->n_years)
            continue;
        for (size_t f = 0; f < ind->derived.n; f++) {
            size_t in = ind->derived.inputs[f];
            need[in] = need[i] < need[in] ? need[i] : need[in];
        }
    }
}

/* v_t = (a + b e) v_{t-1} + (c + d e) with the shock e: run_driver's step
 * (sim/engine/project.c), term for term. */
static inline double step(const ts_model_affine *c, double e, double previous, double *factor)
{
    *factor = c->a + e * c->b;
    return *factor * previous + (c->c + e * c->d);
}

/* The values of the indicators that do not vary, as every draw would
 * compute them (shock 0): the observed part, drivers without a shock,
 * derived indicators of those. Sets fixed_fails when a needed one leaves its
 * domain: every draw then fails. */
static void fixed_values(mc_job *job)
{
    const ts_projector *p = job->p;
    size_t ny = p->n_years;
    ts_projector_init_values(p, job->fixed);
    for (size_t o = 0; o < p->n_ind; o++) {
        size_t i = p->plan->order[o];
        const ts_indicator *ind = &p->plan->indicators[i];
        if (job->varies[i])
            continue;
        double *row = job->fixed + i * ny;
        bool bad = false;
        for (size_t k = p->first[i]; k < ny; k++) {
            double value;
            if (ind->is_derived) {
                double in[TS_MAX_FACTORS];
                for (size_t f = 0; f < ind->derived.n; f++)
                    in[f] = job->fixed[ind->derived.inputs[f] * ny + k];
                value = ts_model_derived_value(ind->derived.scale, ind->derived.n, in,
                                               ind->derived.powers);
            } else {
                double factor;
                value = step(&job->coef[i * ny + k], 0.0, row[k - 1], &factor);
                bad |= job->rates[i] && !(factor > 0);
            }
            bad |= !isfinite(value);
            row[k] = value;
        }
        job->fixed_fails |= bad && job->need[i] < ny;
    }
}

/* What a draw computes and what it can reuse, once per run. */
static ts_status compile(mc_job *job, ts_error *err)
{
    const ts_projector *p = job->p;
    size_t ny = p->n_years, n_ind = p->n_ind;
    job->coef = calloc(n_ind * ny, sizeof *job->coef);
    job->rates = calloc(n_ind, sizeof *job->rates);
    job->dim_of = malloc(n_ind * sizeof *job->dim_of);
    job->varies = calloc(n_ind, sizeof *job->varies);
    job->need = malloc(n_ind * sizeof *job->need);
    job->fixed = malloc(n_ind * ny * sizeof *job->fixed);
    if (!job->coef || !job->rates || !job->dim_of || !job->varies || !job->need || !job->fixed)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    for (size_t i = 0; i < n_ind; i++)
        job->dim_of[i] = -1;
    for (size_t j = 0; j < job->n_dims; j++)
        job->dim_of[job->dim_index[j]] = (long)j;
    /* Each driver's coefficients: the projector's, or computed from the
     * override's constant as the projection does (find_source). */
    for (size_t i = 0; i < n_ind; i++) {
        /* An indicator without a baseline is never projected and has no
         * model (it waits for data). */
        if (p->plan->indicators[i].is_derived || p->first[i] >= ny)
            continue;
        const ts_driver_override *o = override_of(job, i);
        const ts_model_type *model = o ? o->model : p->scenario->assumptions[i].model;
        job->rates[i] = model->takes_rates;
        for (size_t k = p->first[i]; k < ny; k++) {
            size_t c = i * ny + k;
            if (!o) {
                job->coef[c] = p->coef[c];
            } else {
                ts_model_input in = {o->value, p->shock[c], p->deflator[c]};
                model->affine(&in, &job->coef[c]);
            }
        }
    }
    for (size_t o = 0; o < n_ind; o++) {
        size_t i = p->plan->order[o];
        const ts_indicator *ind = &p->plan->indicators[i];
        if (ind->is_derived)
            for (size_t f = 0; f < ind->derived.n; f++)
                job->varies[i] |= job->varies[ind->derived.inputs[f]];
        else
            job->varies[i] = job->dim_of[i] >= 0;
        job->varies[i] &= p->first[i] < ny;
    }
    needed_cells(job, job->need);
    fixed_values(job);
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
    if (opt->keep_draws && opt->max_store_bytes && bytes > opt->max_store_bytes)
        return ts_error_set(err, TS_EUSAGE, NULL, "draws",
                            "%zu would keep %zu MiB of draws (%zu values per draw), more than "
                            "the %zu MiB allowed; give fewer draws",
                            opt->draws, bytes == SIZE_MAX ? SIZE_MAX >> 20 : bytes >> 20,
                            count_series(p), opt->max_store_bytes >> 20);
    return TS_OK;
}

static void job_free(mc_job *job)
{
    free(job->dim_index);
    free(job->dim_sd);
    free(job->chol);
    free(job->active);
    free(job->year_pos);
    free(job->targets);
    free(job->coef);
    free(job->rates);
    free(job->dim_of);
    free(job->varies);
    free(job->need);
    free(job->fixed);
    free(job->store);
    ts_qs_free(job->qs);
    free(job->pilot_lo);
    free(job->pilot_hi);
}

/* ---- workers --------------------------------------------------------------- */

static void worker_free(mc_worker *w)
{
    if (w->rng)
        gsl_rng_free(w->rng);
    free(w->V);
    free(w->U);
    free(w->Z);
    free(w->fin);
    free(w->fmin);
    free(w->u);
    free(w->shocks);
    free(w->values);
    free(w->attained);
    free(w->stats);
    free(w->row);
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
    size_t cells = p->n_ind * p->n_years, normals = job->normals_per_draw ? job->normals_per_draw : 1;
    w->job = job;
    w->fail_block = SIZE_MAX;
    w->rng = gsl_rng_alloc(gsl_rng_taus2);
    w->V = line_alloc(cells * MC_BATCH * sizeof *w->V);
    w->U = line_alloc(normals * MC_BATCH * sizeof *w->U);
    if (job->correlated)
        w->Z = line_alloc(normals * MC_BATCH * sizeof *w->Z);
    w->fin = line_alloc(MC_BATCH * sizeof *w->fin);
    w->fmin = line_alloc(MC_BATCH * sizeof *w->fmin);
    w->u = line_alloc((job->n_dims ? job->n_dims : 1) * sizeof *w->u);
    w->shocks = line_alloc(cells * sizeof *w->shocks);
    w->values = line_alloc(cells * sizeof *w->values);
    w->attained = line_alloc((job->n_targets + 1) * sizeof *w->attained);
    w->stats = line_alloc(p->n_years * sizeof *w->stats);
    w->first_count = line_alloc((job->n_targets + 1) * (p->n_years + 1) * sizeof *w->first_count);
    w->row = line_alloc(2 * p->n_years * sizeof *w->row);
    if (!w->rng || !w->V || !w->U || (job->correlated && !w->Z) || !w->fin || !w->fmin ||
        !w->u || !w->shocks || !w->values || !w->attained || !w->stats || !w->row ||
        !w->first_count)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    for (size_t c = 0; c < cells; c++)
        for (size_t d = 0; d < MC_BATCH; d++)
            w->V[c * MC_BATCH + d] = job->fixed[c];
    return TS_OK;
}

/* ---- one draw at a time: why a draw failed ------------------------------------ */

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

/* Draw `draw` of `block` failed in its batch: replays it the way the
 * projection runs one draw (the block's stream from its start), so that the
 * error names the year, the values and the driver exactly as ever. */
static void explain_failure(mc_job *job, mc_worker *w, size_t block, size_t draw)
{
    const ts_projector *p = job->p;
    gsl_rng_set(w->rng, ts_mc_block_seed(job->seed, block));
    for (size_t d = block * TS_MC_BLOCK_DRAWS; d <= draw; d++)
        draw_shocks(job, w);
    ts_projector_init_values(p, w->values);
    size_t failed = 0;
    if (ts_projector_run(p, job->overrides, job->n_overrides, w->shocks, w->values, &failed,
                         &w->err) == TS_OK) {
        /* The batch computes a part of what the projection does, the same
         * way: it cannot fail where the projection does not. */
        ts_error_set(&w->err, TS_EINTERNAL, NULL, NULL,
                     "Monte Carlo draw %zu (seed %llu) failed in its batch but not alone",
                     draw + 1, (unsigned long long)job->seed);
        w->fail_block = block;
        size_t seen = atomic_load(&job->fail_block);
        while (block < seen && !atomic_compare_exchange_weak(&job->fail_block, &seen, block))
            ;
        return;
    }
    draw_failed(job, w, block, draw, failed);
}

/* ---- a batch of draws -------------------------------------------------------- */

/* The batch's normals, m draws (the rest of the batch zero), in the order
 * the draws take them from the stream: draw after draw, year after year,
 * dimension after dimension. With correlations, Z = L u per year, summed in
 * the order draw_shocks sums. */
static void draw_normals(const mc_job *job, mc_worker *w, size_t m)
{
    size_t nq = job->normals_per_draw;
    double *U = w->U;
    for (size_t d = 0; d < m; d++)
        for (size_t q = 0; q < nq; q++)
            U[q * MC_BATCH + d] = gsl_ran_gaussian_ziggurat(w->rng, 1.0);
    for (size_t d = m; d < MC_BATCH; d++)
        for (size_t q = 0; q < nq; q++)
            U[q * MC_BATCH + d] = 0.0;
    if (!job->correlated)
        return;
    size_t n = job->n_dims;
    for (size_t k = job->k0; k < job->p->n_years; k++)
        for (size_t j = 0; j < job->active[k]; j++) {
            const double *row = job->chol + j * n;
            double *restrict z = w->Z + (job->year_pos[k] + j) * MC_BATCH;
            for (size_t d = 0; d < MC_BATCH; d++)
                z[d] = 0.0;
            for (size_t l = 0; l <= j; l++) {
                const double *restrict u = U + (job->year_pos[k] + l) * MC_BATCH;
                for (size_t d = 0; d < MC_BATCH; d++)
                    z[d] += row[l] * u[d];
            }
        }
}

/* One year of a shocked driver for the batch: the projection's step with
 * e = sd * z. Tracks the draws' least factor (rates models) and whether a
 * value is not finite (v - v is NaN then). */
static inline void year_step(double *restrict out, const double *restrict prev,
                             const double *restrict z, double sd, ts_model_affine c,
                             double *restrict fin, double *restrict fmin, bool rates)
{
    for (size_t d = 0; d < MC_BATCH; d++) {
        double factor, e = sd * z[d];
        double v = step(&c, e, prev[d], &factor);
        out[d] = v;
        fin[d] += v - v;
        if (rates)
            fmin[d] = factor < fmin[d] ? factor : fmin[d];
    }
}

static void run_driver(const mc_job *job, mc_worker *w, size_t i)
{
    size_t ny = job->p->n_years, first = job->p->first[i], j = (size_t)job->dim_of[i];
    double sd = job->dim_sd[j];
    const double *src = job->correlated ? w->Z : w->U;
    const double *prev = w->V + (i * ny + first - 1) * MC_BATCH;
    for (size_t k = first; k < ny; k++) {
        double *out = w->V + (i * ny + k) * MC_BATCH;
        const double *z = src + (job->year_pos[k] + j) * MC_BATCH;
        if (job->rates[i])
            year_step(out, prev, z, sd, job->coef[i * ny + k], w->fin, w->fmin, true);
        else
            year_step(out, prev, z, sd, job->coef[i * ny + k], w->fin, w->fmin, false);
        prev = out;
    }
}

/* out *= x^power for the batch, as ts_model_derived_value's power_of: a
 * multiplication or a correctly rounded division for the powers 1 and -1. */
static void times_power(double *restrict out, const double *restrict x, double power)
{
    if (power == 1.0)
        for (size_t d = 0; d < MC_BATCH; d++)
            out[d] *= x[d];
    else if (power == -1.0)
        for (size_t d = 0; d < MC_BATCH; d++)
            out[d] *= 1.0 / x[d];
    else
        for (size_t d = 0; d < MC_BATCH; d++)
            out[d] *= pow(x[d], power);
}

static void not_finite(double *restrict fin, const double *restrict v)
{
    for (size_t d = 0; d < MC_BATCH; d++)
        fin[d] += v[d] - v[d];
}

/* A derived indicator in the years needed: ts_model_derived_value's
 * product, factor after factor, for the batch. */
static void run_derived(const mc_job *job, mc_worker *w, size_t i)
{
    const ts_projector *p = job->p;
    const ts_derivation *dv = &p->plan->indicators[i].derived;
    size_t ny = p->n_years, from = p->first[i] > job->need[i] ? p->first[i] : job->need[i];
    for (size_t k = from; k < ny; k++) {
        double *out = w->V + (i * ny + k) * MC_BATCH;
        for (size_t d = 0; d < MC_BATCH; d++)
            out[d] = dv->scale;
        for (size_t f = 0; f < dv->n; f++)
            times_power(out, w->V + (dv->inputs[f] * ny + k) * MC_BATCH, dv->powers[f]);
        not_finite(w->fin, out);
    }
}

/* m draws of the batch: normals, then every varying indicator a target
 * needs, in evaluation order. Returns the first of them that left a
 * model's domain, or m. */
static size_t draw_batch(const mc_job *job, mc_worker *w, size_t m)
{
    const ts_projector *p = job->p;
    draw_normals(job, w, m);
    for (size_t d = 0; d < MC_BATCH; d++) {
        w->fin[d] = 0.0;
        w->fmin[d] = HUGE_VAL;
    }
    for (size_t o = 0; o < p->n_ind; o++) {
        size_t i = p->plan->order[o];
        if (!job->varies[i] || job->need[i] >= p->n_years)
            continue;
        if (p->plan->indicators[i].is_derived)
            run_derived(job, w, i);
        else
            run_driver(job, w, i);
    }
    for (size_t d = 0; d < m; d++)
        if (isnan(w->fin[d]) || !(w->fmin[d] > 0))
            return d;
    return m;
}

/* ---- what a draw contributes -------------------------------------------------- */

/* Whether one draw meets target `tg`, and the first year it does (n_years:
 * none), counted into the worker. `row` is the draw's path of the target's
 * indicator, `other` (NULL unless the target is relative) the other
 * indicator's. A value target reads its row; the other kinds compute their
 * statistics first (engine/goal.h). The only place that knows what meeting
 * a target means. */
static void judge_draw(const mc_job *job, mc_worker *w, size_t t, const mc_target *tg,
                       const double *row, const double *other)
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
        ts_goal_statistics(&tg->goal, row, other, ny, w->stats);
        met = tg->varies && ts_goal_met(&tg->goal, w->stats);
        if (tg->fixed_first < 0)
            first = first_attaining(tg, w->stats, tg->vary_first, ny);
    }
    w->attained[t] += met;
    if (tg->fixed_first < 0)
        w->first_count[t * (ny + 1) + first]++;
}

/* What m draws of the batch contribute to the counts: each draw's path of
 * every target's indicator (and of a relative target's other one) is
 * gathered from the batch and judged. */
static void record(const mc_job *job, mc_worker *w, size_t m)
{
    size_t ny = job->p->n_years;
    double *row = w->row, *other = w->row + ny;
    for (size_t t = 0; t < job->n_targets; t++) {
        const mc_target *tg = &job->targets[t];
        const double *cells = w->V + tg->index * ny * MC_BATCH;
        const double *cells2 =
            tg->goal.relative ? w->V + tg->goal.other.index * ny * MC_BATCH : NULL;
        for (size_t d = 0; d < m; d++) {
            for (size_t k = 0; k < ny; k++)
                row[k] = cells[k * MC_BATCH + d];
            for (size_t k = 0; cells2 && k < ny; k++)
                other[k] = cells2[k * MC_BATCH + d];
            judge_draw(job, w, t, tg, row, cells2 ? other : NULL);
        }
    }
}

/* The batch's values of every percentile series (draws d0 .. d0 + m - 1):
 * into the pilot's ranges, the store, or the stream selector. */
static void keep_values(mc_job *job, mc_worker *w, size_t m, size_t d0)
{
    size_t ny = job->p->n_years;
    for (size_t t = 0; t < job->n_targets; t++) {
        const mc_target *tg = &job->targets[t];
        /* In a stream a target that does not vary is known already (setup_keep). */
        if (job->keep == MC_KEEP_STREAM && !job->varies[tg->index])
            continue;
        for (size_t k = tg->first; k < ny; k++) {
            size_t s = tg->series0 + (k - tg->first);
            const double *row = w->V + (tg->index * ny + k) * MC_BATCH;
            if (job->pass == MC_PASS_PILOT) {
                for (size_t d = 0; d < m; d++) {
                    job->pilot_lo[s] = row[d] < job->pilot_lo[s] ? row[d] : job->pilot_lo[s];
                    job->pilot_hi[s] = row[d] > job->pilot_hi[s] ? row[d] : job->pilot_hi[s];
                }
            } else if (job->keep == MC_KEEP_STORE) {
                memcpy(job->store + tg->store_offset + (k - tg->first) * job->draws + d0, row,
                       m * sizeof *row);
            } else {
                ts_qs_put(w->sink, s, row, m);
            }
        }
    }
}

static void run_block(mc_job *job, mc_worker *w, size_t block)
{
    size_t d0 = block * TS_MC_BLOCK_DRAWS;
    size_t d1 = d0 + TS_MC_BLOCK_DRAWS < job->draws ? d0 + TS_MC_BLOCK_DRAWS : job->draws;
    if (job->pass == MC_PASS_PILOT && d1 > d0 + job->pilot_draws)
        d1 = d0 + job->pilot_draws;
    gsl_rng_set(w->rng, ts_mc_block_seed(job->seed, block));
    for (size_t b = d0; b < d1; b += MC_BATCH) {
        size_t m = d1 - b < MC_BATCH ? d1 - b : MC_BATCH;
        size_t bad = draw_batch(job, w, m);
        if (bad < m) {
            /* The same draws in a later pass cannot fail; the pilot just
             * stops (the first pass reports the draw). */
            if (job->pass == MC_PASS_FIRST)
                explain_failure(job, w, block, b + bad);
            return;
        }
        if (job->pass == MC_PASS_FIRST)
            record(job, w, m);
        if (job->keep != MC_KEEP_NONE)
            keep_values(job, w, m, b);
    }
    if (job->pass != MC_PASS_PILOT)
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

/* The progress of a run that passes over the draws `planned` times, told
 * as draws of one pass. */
typedef struct pass_progress {
    const ts_mc_options *opt;
    uint64_t draws, planned;
} pass_progress;

static void on_progress(void *user, uint64_t done, uint64_t total)
{
    (void)total;
    const pass_progress *pp = user;
    uint64_t d = done / pp->planned;
    pp->opt->progress(pp->opt->progress_user, d < pp->draws ? d : pp->draws, pp->draws);
}

/* One pass over every block on n_threads threads. */
static ts_status run_pass(mc_job *job, mc_pass pass, const ts_mc_options *opt,
                          mc_worker *workers, unsigned n_threads, ts_error *err)
{
    job->pass = pass;
    job->passes++;
    atomic_store(&job->next_block, 0);
    for (unsigned k = 0; k < n_threads; k++)
        workers[k].sink = job->qs ? ts_qs_sink_at(job->qs, k) : NULL;
    pass_progress pp = {opt, job->draws, job->keep == MC_KEEP_STREAM ? 2 : 1};
    ts_workers_progress progress = {&job->done_draws, job->draws, opt->progress ? on_progress : NULL,
                                    &pp};
    ts_workers_run(n_threads, worker_main, workers, sizeof *workers, &progress);
    return first_failure(workers, n_threads, err);
}

/* The pilot: the first draws of block 0, in this thread, give each series'
 * range to the stream selector. */
static void pilot(mc_job *job, mc_worker *w)
{
    job->pass = MC_PASS_PILOT;
    job->pilot_draws = job->draws < PILOT_DRAWS ? job->draws : PILOT_DRAWS;
    for (size_t s = 0; s < job->n_series; s++) {
        job->pilot_lo[s] = HUGE_VAL;
        job->pilot_hi[s] = -HUGE_VAL;
    }
    run_block(job, w, 0);
    for (size_t s = 0; s < job->n_series; s++)
        if (job->pilot_lo[s] <= job->pilot_hi[s])
            ts_qs_hint(job->qs, s, job->pilot_lo[s], job->pilot_hi[s]);
}

/* Every pass the percentiles need: the first (counts and histograms), then
 * the same draws again until the selector has every percentile. */
static ts_status draw_all(mc_job *job, const ts_mc_options *opt, mc_worker *workers,
                          unsigned n_threads, ts_error *err)
{
    ts_status st = TS_OK;
    for (unsigned k = 0; k < n_threads && st == TS_OK; k++)
        st = worker_alloc(job, &workers[k], err);
    if (st != TS_OK)
        return st;
    if (job->fixed_fails) { /* every draw fails: say why the first does */
        explain_failure(job, &workers[0], 0, 0);
        return first_failure(workers, 1, err);
    }
    if (job->keep != MC_KEEP_STREAM)
        return run_pass(job, MC_PASS_FIRST, opt, workers, n_threads, err);
    pilot(job, &workers[0]);
    for (int r = ts_qs_next(job->qs);; r = ts_qs_next(job->qs)) {
        if (r == TS_QS_DONE)
            return TS_OK;
        if (r == TS_QS_ENOMEM)
            return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        if (r != TS_QS_PASS)
            return ts_error_set(err, TS_EINTERNAL, NULL, NULL,
                                "the Monte Carlo draws did not come out the same when made again");
        st = run_pass(job, job->passes ? MC_PASS_AGAIN : MC_PASS_FIRST, opt, workers, n_threads,
                      err);
        if (st != TS_OK)
            return st;
    }
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

/* How the percentiles get their draws, and what that needs. */
static ts_status setup_keep(mc_job *job, const ts_mc_options *opt, unsigned n_threads,
                            ts_error *err)
{
    size_t bytes = store_bytes(job->p, job->draws);
    size_t budget = opt->store_budget ? opt->store_budget : (size_t)TS_MC_DEFAULT_STORE_BUDGET;
    if ((!opt->percentiles && !opt->keep_draws) || bytes == 0)
        job->keep = MC_KEEP_NONE;
    else if (opt->keep_draws || bytes <= budget)
        job->keep = MC_KEEP_STORE;
    else
        job->keep = MC_KEEP_STREAM;
    if (job->keep == MC_KEEP_STORE && !(job->store = malloc(bytes)))
        return ts_error_set(err, TS_ENOMEM, NULL, NULL,
                            "out of memory: the draws need %zu MiB for the percentile bands",
                            bytes >> 20);
    if (job->keep == MC_KEEP_STREAM) {
        job->qs = ts_qs_create(job->n_series, job->draws, ts_mc_percentile_levels,
                               TS_MC_N_PERCENTILES, (size_t)TS_MC_STREAM_MIB << 20, n_threads);
        job->pilot_lo = malloc(job->n_series * sizeof *job->pilot_lo);
        job->pilot_hi = malloc(job->n_series * sizeof *job->pilot_hi);
        if (!job->qs || !job->pilot_lo || !job->pilot_hi)
            return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        size_t ny = job->p->n_years;
        for (size_t t = 0; t < job->n_targets; t++) {
            const mc_target *tg = &job->targets[t];
            for (size_t k = tg->first; k < ny && !job->varies[tg->index]; k++)
                ts_qs_fixed(job->qs, tg->series0 + (k - tg->first),
                            job->fixed[tg->index * ny + k]);
        }
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
    if ((st = setup_dims(&job, err)) != TS_OK || (st = setup_targets(&job, err)) != TS_OK ||
        (st = compile(&job, err)) != TS_OK || (st = result_alloc(&job, opt, &res, err)) != TS_OK ||
        (st = setup_keep(&job, opt, n_threads, err)) != TS_OK)
        goto out;
    if ((st = draw_all(&job, opt, workers, n_threads, err)) != TS_OK ||
        (st = ts_mc_summarise(&job, workers, n_threads, opt, res, err)) != TS_OK)
        goto out;
    res->passes = job.passes;
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
