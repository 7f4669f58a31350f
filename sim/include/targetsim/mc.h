/* mc.h - Monte Carlo draws of a scenario: the probability of attaining each
 * target, by the target year and by every year to the horizon, and yearly
 * percentile bands (docs/methodology.md, section 6).
 *
 * Each draw adds to every projected year of every driver with an sd a
 * Gaussian shock (sd from uncertainty.sd, correlated as uncertainty.correlation
 * says, independent across years) and reruns the projection core; observed
 * years never vary and derived indicators are recomputed in every draw.
 *
 * Reproducibility: draws come in blocks of TS_MC_BLOCK_DRAWS; block b uses a
 * GSL taus2 generator seeded from (seed, b) through a fixed hash, whatever
 * thread runs it, and block results are combined in block order, so the
 * result is bit-identical for any number of threads.
 *
 * Memory: ts_mc_result_create hands the caller one ts_mc_result to free
 * with ts_mc_result_free. With percentiles on, a run whose draws fit the
 * store budget (draws x the projected years of every target x 8 bytes <=
 * store_budget) keeps them all until the percentiles are computed, in one
 * pass; a larger run makes the same draws twice (or more: the streams are
 * seeded per block and replay exactly), first counting, then keeping only
 * the values near each percentile, in memory that does not grow with the
 * number of draws (a few MiB per thread, at most TS_MC_STREAM_MIB MiB of
 * values). The percentiles are the exact order statistics either way, so
 * the result does not depend on the budget.
 */
#ifndef TARGETSIM_MC_H
#define TARGETSIM_MC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "targetsim/export.h"
#include "targetsim/projector.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    TS_MC_BLOCK_DRAWS = 4096,     /* draws per random stream */
    TS_MC_MAX_DRAWS = 10000000,   /* 10^7 */
    TS_MC_MAX_THREADS = 64,
    TS_MC_DEFAULT_DRAWS = 10000,
    TS_MC_N_PERCENTILES = 7,
    TS_MC_DEFAULT_STORE_BUDGET = 1 << 20, /* store_budget 0: 1 MiB */
    TS_MC_STREAM_MIB = 32                 /* values near the percentiles kept in a pass */
};

/* The default seed of a run (--seed): the day the plan outline was reported. */
#define TS_MC_DEFAULT_SEED 20210224u

/* 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95 */
extern TS_API const double ts_mc_percentile_levels[TS_MC_N_PERCENTILES];

/* Called from the thread that called ts_mc_result_create, about ten times a
 * second and once at the end: `done` of `total` draws are finished. */
typedef void (*ts_mc_progress_fn)(void *user, uint64_t done, uint64_t total);

typedef struct ts_mc_options {
    size_t draws;           /* 1 .. TS_MC_MAX_DRAWS */
    uint64_t seed;
    unsigned threads;       /* 1 .. TS_MC_MAX_THREADS; 0 means 1 */
    bool percentiles;       /* compute the yearly percentile bands */
    bool keep_draws;        /* keep every draw in the result (implies percentiles; one pass,
                             * whatever store_budget) */
    size_t max_store_bytes; /* with keep_draws: refuse (TS_EUSAGE, "draws") a larger store;
                             * 0 = no limit */
    size_t store_budget;    /* bytes the draws may take when kept for the percentiles: above
                             * it they are made again in further passes instead; 0 =
                             * TS_MC_DEFAULT_STORE_BUDGET */
    ts_mc_progress_fn progress; /* may be NULL */
    void *progress_user;
} ts_mc_options;

/* The draws' verdict on one indicator. For an indicator without a target
 * only has_target (false) is set and every pointer is NULL. */
typedef struct ts_mc_target {
    bool has_target;
    bool decided;         /* observations decide it: every draw has the same outcome
                           * (the target year observed, an every-year bound already broken) */
    size_t attained;      /* draws whose value in the target year meets the target */
    double probability;   /* attained / draws */
    double low, high;     /* its Wilson score interval at 95 % */
    double *by_year;      /* n_years: share of draws that met the target in some
                           * year <= base_year + k */
    double *percentiles;  /* n_years * TS_MC_N_PERCENTILES (year-major), or NULL */
    size_t first;         /* first year index that varies between draws */
    double *draws;        /* with keep_draws: (n_years - first) * n_draws values,
                           * year-major, draws in draw order; else NULL */
} ts_mc_target;

typedef struct ts_mc_result {
    size_t n_draws;
    uint64_t seed;
    size_t normals_per_draw;  /* Gaussian numbers drawn per draw */
    int base_year;
    size_t n_years;
    size_t n_indicators;
    ts_mc_target *targets;    /* one per plan indicator */
    unsigned passes;          /* passes over the draws: 1 (the draws kept, or no percentiles),
                               * 2 or more (percentiles in bounded memory) */
    double *store_;           /* private: the block the `draws` pointers point into */
} ts_mc_result;

/* Runs `opt->draws` draws of the projector's scenario. On success *out
 * owns a new result (free with ts_mc_result_free); on failure it is NULL.
 * Fails with TS_EUSAGE (draws or threads out of range, with keep_draws the
 * store above max_store_bytes; err->path is "draws" or "threads"), TS_EINPUT
 * (a draw leaves a model's domain in a value some target depends on: err
 * names the draw and the driver; the first failing draw in draw order is
 * reported, whatever the threads), TS_ENOMEM, TS_EINTERNAL. */
TS_API ts_status ts_mc_result_create(const ts_projector *projector, const ts_mc_options *opt,
                                     ts_mc_result **out, ts_error *err);

/* NULL is a no-op. */
TS_API void ts_mc_result_free(ts_mc_result *result);

/* The first year by which a share >= `share` of the draws attained the
 * target (0.5: even odds), or 0 when none by the horizon or no target. */
TS_API int ts_mc_year_by_share(const ts_mc_result *result, size_t index, double share);

/* The 32-bit seed of block `block`'s generator for run seed `seed`. Distinct
 * blocks of one run always get distinct seeds (a bijection of the block
 * number, mixed with the run seed). */
TS_API unsigned long ts_mc_block_seed(uint64_t seed, uint64_t block);

#ifdef __cplusplus
}
#endif
#endif
