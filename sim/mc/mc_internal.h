/* mc_internal.h - what the Monte Carlo draw loop (mc.c) hands to its
 * summary (mc_summary.c). Private to the engine. */
#ifndef TS_MC_INTERNAL_H
#define TS_MC_INTERNAL_H

#include <gsl/gsl_rng.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "engine/goal.h"
#include "engine/projector.h"
#include "quantile_stream.h"
#include "targetsim/mc.h"

/* Draws computed side by side: every array of a batch holds, per cell, the
 * values of MC_BATCH draws next to each other. */
enum { MC_BATCH = 32 };

/* One indicator with a target, as the draw loop sees it. */
typedef struct mc_target {
    size_t index;         /* plan indicator */
    size_t first;         /* first year index of the indicator that varies (the store's) */
    size_t year_k;        /* target year index */
    ts_goal goal;         /* what the draws are judged on (engine/goal.h) */
    bool plain;           /* a value target on its own path: met is row[k] against x */
    size_t vary_first;    /* first year index that can change the outcome (the earlier of
                           * the two indicators' for a relative target) */
    bool varies;          /* some year the outcome depends on is projected */
    bool decided;         /* no draw can change the outcome */
    bool fixed_met;       /* the outcome does not vary and meets the target */
    long fixed_first;     /* first attaining year among the fixed years, or -1 */
    size_t series0;       /* its first percentile series (year `first`); one per varying year */
    size_t store_offset;  /* year k's draws start at store_offset + (k - first) * draws */
} mc_target;

/* How the percentile bands get their draws. */
typedef enum mc_keep {
    MC_KEEP_NONE,   /* no percentiles: one pass, counts only */
    MC_KEEP_STORE,  /* every draw kept (within store_budget, or keep_draws): one pass */
    MC_KEEP_STREAM  /* more than the budget: a first pass, then the same draws again
                     * (quantile_stream.h) */
} mc_keep;

typedef enum mc_pass {
    MC_PASS_PILOT,  /* the first draws of block 0, for the ranges of the series */
    MC_PASS_FIRST,  /* every draw: counts, and the store or the histograms */
    MC_PASS_AGAIN   /* every draw again, for the brackets of the percentiles */
} mc_pass;

typedef struct mc_job {
    const ts_projector *p;
    const ts_driver_override *overrides;
    size_t n_overrides;
    size_t draws;
    uint64_t seed;
    size_t n_blocks;
    /* The shocked drivers ("dimensions"), ordered by their first projected
     * year, so that the dimensions active in a year are a prefix. */
    size_t n_dims;
    size_t *dim_index;    /* plan indicator of each dimension */
    double *dim_sd;
    double *chol;         /* n_dims * n_dims lower Cholesky factor */
    bool correlated;
    size_t *active;       /* per year index: dimensions drawn in that year */
    size_t k0;            /* first year index with an active dimension */
    size_t normals_per_draw;
    size_t *year_pos;     /* per year index: where its normals start within a draw */
    size_t n_targets;
    mc_target *targets;
    /* The draw, compiled once per run (compile() in mc.c). */
    ts_model_affine *coef; /* n_ind * n_years: each driver's yearly coefficients, overrides in */
    bool *rates;           /* per indicator: its model takes rates (the factor must be > 0) */
    long *dim_of;          /* per indicator: its dimension, or -1 */
    bool *varies;          /* per indicator: its values differ between draws */
    size_t *need;          /* per indicator: the first year index a draw computes (n_years: none) */
    double *fixed;         /* n_ind * n_years: a draw's values where nothing varies */
    bool fixed_fails;      /* a needed indicator that does not vary leaves its domain */
    /* The percentile bands. */
    mc_keep keep;
    size_t n_series;      /* one per (target, varying year) */
    double *store;        /* MC_KEEP_STORE: n_series * draws, series-major */
    ts_qs *qs;            /* MC_KEEP_STREAM */
    double *pilot_lo, *pilot_hi; /* per series, from the pilot */
    size_t pilot_draws;
    mc_pass pass;
    unsigned passes;      /* passes over the draws so far */
    atomic_size_t next_block;
    atomic_uint_least64_t done_draws;
    atomic_size_t fail_block; /* lowest failed block so far, SIZE_MAX if none */
} mc_job;

/* One thread's state; allocated before the draws start. */
typedef struct mc_worker {
    mc_job *job;
    gsl_rng *rng;
    /* A batch: cell (i, k) of draw d at V[(i * n_years + k) * MC_BATCH + d]. */
    double *V;            /* n_ind * n_years * MC_BATCH, the fixed values where nothing varies */
    double *U;            /* normals_per_draw * MC_BATCH: normal q of draw d at U[q * MC_BATCH + d] */
    double *Z;            /* the same, correlated (with correlations only) */
    double *fin;          /* MC_BATCH: NaN once a value of the draw is not finite */
    double *fmin;         /* MC_BATCH: the draw's least yearly factor of a rates model */
    ts_qs_sink *sink;     /* MC_KEEP_STREAM */
    /* One draw, the way the projection runs it (to say why a draw failed). */
    double *u;            /* n_dims standard normals */
    double *shocks;       /* n_ind * n_years, zero where nothing is drawn */
    double *values;       /* n_ind * n_years */
    size_t *attained;     /* per target */
    double *stats;        /* n_years: a target's statistics in the current draw */
    double *row;          /* 2 * n_years: the draw's path of a target's indicator, then of
                           * a relative target's other indicator (gathered from V) */
    size_t *first_count;  /* per target, n_years + 1 cells: draws first attaining in year k
                           * (the last cell: never) */
    size_t fail_block;    /* SIZE_MAX if this worker saw no failure */
    ts_error err;
} mc_worker;

/* The Wilson score interval of `successes` out of `n` trials at the normal
 * quantile z (1.959963984540054 for 95 %). n = 0 gives [0, 1]. */
void ts_mc_wilson(size_t successes, size_t n, double z, double *low, double *high);

/* Combines the workers' counts into res and computes the percentile bands
 * (on `threads` threads) from the store, or reads them from the finished
 * stream selector. */
ts_status ts_mc_summarise(const mc_job *job, const mc_worker *workers, size_t n_workers,
                          const ts_mc_options *opt, ts_mc_result *res, ts_error *err);

#endif
