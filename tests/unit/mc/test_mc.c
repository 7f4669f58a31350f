/* test_mc.c - Monte Carlo draws (sim/mc/mc.c, sim/mc/mc_summary.c, sim/mc/quantile.c,
 * sim/load/uncertainty.c). Expected values come from closed formulas: the exact
 * normal law of an additive path, the correlation put in, GSL's own sorted
 * quantiles, the Wilson formula written out. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "load/uncertainty.h"
#include "mc/mc_internal.h"
#include "mc/mc_run.h"
#include "mc/quantile.h"
#include "testutil.h"

static char dir[256];

typedef struct fixture {
    ts_plan *plan;
    ts_scenario *sc;
    ts_projector *p;
} fixture;

static int setup(fixture *f, const char *plan_text, const char *scenario_text)
{
    ts_error err;
    memset(f, 0, sizeof *f);
    f->plan = tu_plan(plan_text, &err);
    if (!CHECK(f->plan != NULL)) {
        fprintf(stderr, "  plan: %s: %s\n", err.path, err.message);
        return 0;
    }
    char path[512];
    tu_write(dir, "scenario.json", scenario_text, path, sizeof path);
    if (!CHECK(ts_scenario_load(f->plan, path, &f->sc, &err) == TS_OK) ||
        !CHECK(ts_projector_create(f->plan, f->sc, NULL, &f->p, &err) == TS_OK)) {
        fprintf(stderr, "  %s: %s: %s\n", err.file, err.path, err.message);
        return 0;
    }
    return 1;
}

static void teardown(fixture *f)
{
    ts_projector_free(f->p);
    ts_scenario_free(f->sc);
    ts_plan_free(f->plan);
}

static ts_mc_result *run_budget(const fixture *f, size_t draws, unsigned threads, bool keep,
                               size_t store_budget)
{
    ts_mc_options opt = {.draws = draws, .seed = TS_MC_DEFAULT_SEED, .threads = threads,
                         .percentiles = true, .keep_draws = keep, .store_budget = store_budget};
    ts_mc_result *r = NULL;
    ts_error err;
    if (!CHECK(ts_mc_result_create(f->p, &opt, &r, &err) == TS_OK))
        fprintf(stderr, "  mc: %s: %s: %s\n", err.file, err.path, err.message);
    return r;
}

/* The store budget at its default: past 1 MiB, the percentiles take passes. */
static ts_mc_result *run(const fixture *f, size_t draws, unsigned threads, bool keep)
{
    return run_budget(f, draws, threads, keep, 0);
}

/* v_T = v0 + n a + sum of n independent N(0, sigma^2) increments, so
 * P(v_T >= x*) = Phi((v0 + n a - x*) / (sigma sqrt(n))) exactly. */
static void test_additive_normal_law(void)
{
    fixture f;
    if (!setup(&f,
               "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030,"
               " 'indicators': {'firms': {'baseline': 100, 'target': {'value': 160}}}}",
               "{'id': 's', 'assumptions': {'firms': {'add': 10}},"
               " 'uncertainty': {'sd': {'firms': 5}}}"))
        goto out;
    ts_mc_result *r = run(&f, 100000, 2, false);
    if (r) {
        double exact = gsl_cdf_ugaussian_P((100 + 5 * 10 - 160) / (5 * sqrt(5.0)));
        const ts_mc_target *t = &r->targets[0];
        fprintf(stderr, "  additive: exact %.5f, estimate %.5f [%.5f, %.5f]\n", exact,
                t->probability, t->low, t->high);
        CHECK(t->low <= exact && exact <= t->high);
        CHECK_INT(r->normals_per_draw, 10); /* one driver, 2021-2030 */
        /* By the target year: P(first attained <= 2025) >= P(attained in 2025). */
        CHECK(t->by_year[5] >= t->probability);
        CHECK(t->by_year[0] == 0.0);
        /* The median of v_2025 is v0 + 5a = 150 (within 3 standard errors). */
        double se = 1.2533 * 5 * sqrt(5.0) / sqrt(100000.0);
        CHECK(fabs(t->percentiles[5 * TS_MC_N_PERCENTILES + 3] - 150) < 3 * se);
        /* The observed base year does not vary. */
        for (size_t j = 0; j < TS_MC_N_PERCENTILES; j++)
            CHECK(t->percentiles[j] == 100);
    }
    ts_mc_result_free(r);
out:
    teardown(&f);
}

static double sample_correlation(const double *x, const double *y, size_t n)
{
    return gsl_stats_correlation(x, 1, y, 1, n);
}

/* The stored draws of indicator `index` in `year`, read as ts_mc_target
 * lays them out (year-major from year index `first`), or NULL. */
static const double *draws_of(const ts_mc_result *r, size_t index, int year)
{
    const ts_mc_target *t = &r->targets[index];
    if (!t->draws || year < r->base_year + (int)t->first ||
        year >= r->base_year + (int)r->n_years)
        return NULL;
    return t->draws + (size_t)(year - r->base_year - (int)t->first) * r->n_draws;
}

/* A correlation of 0.9 between a growth driver and an additive one shows up
 * in the yearly shocks recovered from the paths. */
static void test_correlation(void)
{
    fixture f;
    if (!setup(&f,
               "{'id': 'p', 'base_year': 2020, 'target_year': 2023, 'horizon': 2023,"
               " 'indicators': {'gdp': {'baseline': 100, 'target': {'value': 120}},"
               " 'firms': {'baseline': 50, 'target': {'value': 80}},"
               " 'idle': {'baseline': 1, 'target': {'value': 2}}}}",
               "{'id': 's', 'assumptions': {'gdp': {'growth': 0.05}, 'firms': {'add': 3},"
               " 'idle': {'level': 1}},"
               " 'uncertainty': {'sd': {'gdp': 0.02, 'firms': 4}, 'correlation': {'firms,gdp': 0.9}}}"))
        goto out;
    size_t n = 100000;
    ts_mc_result *r = run(&f, n, 2, true);
    double *eg = malloc(n * sizeof *eg), *ef = malloc(n * sizeof *ef);
    if (r && eg && ef) {
        for (int year = 2021; year <= 2023; year += 2) {
            const double *g1 = draws_of(r, 0, year), *f1 = draws_of(r, 1, year);
            const double *g0 = year > 2021 ? draws_of(r, 0, year - 1) : NULL;
            const double *f0 = year > 2021 ? draws_of(r, 1, year - 1) : NULL;
            if (!CHECK(g1 && f1))
                break;
            for (size_t d = 0; d < n; d++) {
                eg[d] = (g1[d] / (g0 ? g0[d] : 100.0)) - 1 - 0.05;
                ef[d] = f1[d] - (f0 ? f0[d] : 50.0) - 3;
            }
            double rho = sample_correlation(eg, ef, n);
            fprintf(stderr, "  correlation in %d: %.5f\n", year, rho);
            CHECK(fabs(rho - 0.9) < 0.01);
            CHECK(fabs(gsl_stats_sd(eg, 1, n) - 0.02) < 0.0005);
            CHECK(fabs(gsl_stats_sd(ef, 1, n) - 4) < 0.1);
        }
        /* No sd: no variation, and no draws kept for a year that does not vary. */
        CHECK(draws_of(r, 2, 2021) != NULL);
        CHECK(draws_of(r, 2, 2021)[123] == 1.0);
        CHECK(draws_of(r, 0, 2020) == NULL);
        CHECK_INT(r->normals_per_draw, 2 * 3);
    }
    free(eg);
    free(ef);
    ts_mc_result_free(r);
out:
    teardown(&f);
}

static int same_result(const ts_mc_result *a, const ts_mc_result *b)
{
    if (a->n_draws != b->n_draws || a->n_years != b->n_years)
        return 0;
    for (size_t i = 0; i < a->n_indicators; i++) {
        const ts_mc_target *x = &a->targets[i], *y = &b->targets[i];
        if (x->has_target != y->has_target || x->attained != y->attained)
            return 0;
        if (!x->has_target)
            continue;
        if (memcmp(x->by_year, y->by_year, a->n_years * sizeof(double)) != 0 ||
            memcmp(x->percentiles, y->percentiles,
                   a->n_years * TS_MC_N_PERCENTILES * sizeof(double)) != 0)
            return 0;
    }
    return 1;
}

/* One draw the way the projection runs it, written out here: the block's
 * stream from its start, per draw and year the active drivers' normals in
 * order, correlated through the Cholesky factor, scaled by the sds; then
 * ts_projector_run with those shocks (and the overrides). The draws'
 * batched loop must give the same values, bit for bit. */
static void scalar_draw(const ts_projector *p, const ts_driver_override *ov, size_t n_ov,
                        size_t draw, double *values)
{
    size_t ny = p->n_years, dims[TS_MAX_INDICATORS], n = 0;
    for (size_t k = 1; k < ny; k++)
        for (size_t i = 0; i < p->n_ind; i++) {
            bool swapped = false;
            for (size_t o = 0; o < n_ov; o++)
                swapped |= ov[o].index == i && ov[o].model != p->scenario->assumptions[i].model;
            if (!p->plan->indicators[i].is_derived && p->first[i] == k &&
                p->scenario->assumptions[i].sd > 0 && !swapped)
                dims[n++] = i;
        }
    double chol[TS_MAX_INDICATORS * 4], u[TS_MAX_INDICATORS];
    ts_error err;
    CHECK(n <= 4 && ts_uncertainty_factor(p->plan, p->scenario, dims, n, chol, &err) == TS_OK);
    double *shocks = calloc(p->n_ind * ny, sizeof *shocks);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    size_t block = draw / TS_MC_BLOCK_DRAWS;
    gsl_rng_set(rng, ts_mc_block_seed(TS_MC_DEFAULT_SEED, block));
    for (size_t d = block * TS_MC_BLOCK_DRAWS; d <= draw; d++)
        for (size_t k = 1; k < ny; k++) {
            size_t m = 0;
            while (m < n && p->first[dims[m]] <= k)
                m++;
            for (size_t j = 0; j < m; j++)
                u[j] = gsl_ran_gaussian_ziggurat(rng, 1.0);
            for (size_t j = 0; j < m; j++) {
                double z = 0.0;
                for (size_t l = 0; l <= j; l++)
                    z += chol[j * n + l] * u[l];
                shocks[dims[j] * ny + k] = p->scenario->assumptions[dims[j]].sd * z;
            }
        }
    ts_projector_init_values(p, values);
    CHECK(ts_projector_run(p, ov, n_ov, shocks, values, NULL, &err) == TS_OK);
    gsl_rng_free(rng);
    free(shocks);
}

/* The batched draws against draws made one at a time by the projection:
 * drivers observed to different years (so years draw different numbers of
 * normals), correlated, a growth, an add and a level driver, a derived
 * target of three factors, an override that keeps its shock and one that
 * swaps the model (no shock). */
static void test_batch_is_projection(void)
{
    fixture f;
    if (!setup(&f,
               "{'id': 'p', 'base_year': 2020, 'target_year': 2026, 'horizon': 2030,"
               " 'indicators': {'gdp': {'baseline': 100, 'actual': {'2021': 104},"
               "   'target': {'value': 150}},"
               " 'firms': {'baseline': 50, 'actual': {'2021': 52, '2022': 55},"
               "   'target': {'value': 80, 'direction': 'above'}},"
               " 'pop': {'baseline': 10}, 'fx': {'baseline': 7},"
               " 'pc': {'derived': {'scale': 100, 'factors': {'gdp': 1, 'pop': -1, 'fx': -1}},"
               "   'target': {'value': 230}}}}",
               "{'id': 's', 'assumptions': {'gdp': {'growth': 0.07, 'deflator': 0.02},"
               " 'firms': {'add': 3}, 'pop': {'growth': 0.01}, 'fx': {'level': 7}},"
               " 'uncertainty': {'sd': {'gdp': 0.03, 'firms': 4, 'pop': 0.005, 'fx': 0.2},"
               " 'correlation': {'gdp,pop': -0.3, 'firms,gdp': 0.5}}}"))
        goto out;
    size_t n = TS_MC_BLOCK_DRAWS + 904, ny = f.p->n_years;
    const ts_driver_override overrides[2] = {{2, &ts_model_growth, 0.02},
                                             {3, &ts_model_growth, 0.0}};
    for (size_t n_ov = 0; n_ov <= 2; n_ov += 2) {
        ts_mc_options opt = {.draws = n, .seed = TS_MC_DEFAULT_SEED, .threads = 2,
                             .keep_draws = true};
        ts_mc_result *r = NULL;
        ts_error err;
        if (!CHECK(ts_mc_run(f.p, n_ov ? overrides : NULL, n_ov, &opt, &r, &err) == TS_OK))
            continue;
        static const size_t DRAWS[] = {0, 1, 31, 32, 4095, 4096, 4999};
        double *values = malloc(f.p->n_ind * ny * sizeof *values);
        for (size_t q = 0; q < sizeof DRAWS / sizeof *DRAWS; q++) {
            scalar_draw(f.p, overrides, n_ov, DRAWS[q], values);
            for (size_t i = 0; i < f.p->n_ind; i++) {
                const ts_mc_target *t = &r->targets[i];
                if (!t->has_target)
                    continue;
                for (size_t k = t->first; k < ny; k++)
                    if (!CHECK(t->draws[(k - t->first) * n + DRAWS[q]] == values[i * ny + k]))
                        fprintf(stderr, "  draw %zu, indicator %zu, year %zu: %.17g, alone %.17g\n",
                                DRAWS[q], i, k, t->draws[(k - t->first) * n + DRAWS[q]],
                                values[i * ny + k]);
            }
        }
        free(values);
        ts_mc_result_free(r);
    }
out:
    teardown(&f);
}

static const char PLAN3[] =
    "{'id': 'p', 'base_year': 2020, 'target_year': 2025,"
    " 'indicators': {'gdp': {'baseline': 100, 'target': {'value': 150}},"
    " 'pop': {'baseline': 10},"
    " 'pc': {'derived': {'factors': {'gdp': 1, 'pop': -1}}, 'target': {'value': 14}}}}";
static const char SCENARIO3[] =
    "{'id': 's', 'assumptions': {'gdp': {'growth': 0.07}, 'pop': {'growth': 0.01}},"
    " 'uncertainty': {'sd': {'gdp': 0.03, 'pop': 0.005}, 'correlation': {'gdp,pop': -0.3}}}";

/* Percentiles in bounded memory: 10^6 draws kept whole (one pass) and
 * made twice within a store budget of 64 KiB (only the values near each
 * percentile kept) give the same numbers, bit for bit, on any number of
 * threads. */
static void test_bounded_memory(void)
{
    fixture f;
    if (!setup(&f, PLAN3, SCENARIO3))
        goto out;
    size_t n = 1000000;
    ts_mc_result *whole = run_budget(&f, n, 2, false, (size_t)1 << 30);
    ts_mc_result *two = run_budget(&f, n, 2, false, 64 << 10);
    ts_mc_result *three = run_budget(&f, n, 3, false, 64 << 10);
    if (whole && two && three) {
        CHECK_INT(whole->passes, 1);
        CHECK(two->passes >= 2 && three->passes >= 2);
        CHECK(same_result(whole, two));
        CHECK(same_result(whole, three));
        /* Something to compare: the bands widen and hold the median. */
        const double *pc = whole->targets[2].percentiles + 5 * TS_MC_N_PERCENTILES;
        CHECK(pc[0] < pc[3] && pc[3] < pc[6]);
    }
    ts_mc_result_free(whole);
    ts_mc_result_free(two);
    ts_mc_result_free(three);
out:
    teardown(&f);
}

/* Blocks, not threads, decide the random streams. */
static void test_threads_identical(void)
{
    fixture f;
    if (!setup(&f, PLAN3, SCENARIO3))
        goto out;
    /* 3 blocks and a part: threads finish blocks in any order. The draws
     * kept whole (one pass) and made twice alike. */
    size_t n = 3 * TS_MC_BLOCK_DRAWS + 77;
    ts_mc_result *one = run_budget(&f, n, 1, false, (size_t)1 << 30);
    ts_mc_result *two = run(&f, n, 2, false);
    ts_mc_result *five = run(&f, n, 5, false);
    ts_mc_result *one_s = run_budget(&f, n, 1, false, 1);
    ts_mc_result *five_s = run_budget(&f, n, 5, false, 1);
    if (one && two && five && one_s && five_s) {
        CHECK(same_result(one, two));
        CHECK(same_result(one, five));
        CHECK(same_result(one, one_s));
        CHECK(same_result(one, five_s));
        CHECK(one->passes == 1 && one_s->passes >= 2);
        CHECK(one->targets[2].has_target && !one->targets[1].has_target);
        /* The derived indicator varies with its inputs. */
        CHECK(one->targets[2].percentiles[5 * 7 + 0] < one->targets[2].percentiles[5 * 7 + 6]);
    }
    ts_mc_result_free(one);
    ts_mc_result_free(two);
    ts_mc_result_free(five);
    ts_mc_result_free(one_s);
    ts_mc_result_free(five_s);
out:
    teardown(&f);
}

static void test_wilson(void)
{
    /* Written out: p = 0.3, n = 100, z = 1.96. */
    double lo, hi, z = 1.96, p = 0.3, n = 100;
    ts_mc_wilson(30, 100, z, &lo, &hi);
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z / (1 + z * z / n) * sqrt(p * (1 - p) / n + z * z / (4 * n * n));
    CHECK_NEAR(lo, centre - half);
    CHECK_NEAR(hi, centre + half);
    CHECK_NEAR_REL(lo, 0.2189, 1e-3); /* the textbook value */
    ts_mc_wilson(0, 10000, z, &lo, &hi);
    CHECK(lo == 0.0);
    CHECK_NEAR_REL(hi, z * z / (10000 + z * z), 1e-12);
    ts_mc_wilson(10000, 10000, z, &lo, &hi);
    CHECK(hi == 1.0);
    ts_mc_wilson(0, 0, z, &lo, &hi);
    CHECK(lo == 0.0 && hi == 1.0);
}

/* The quantiles must equal GSL's on the fully sorted sample, bit for bit. */
static void check_quantiles(const double *x, size_t n, const char *what)
{
    static const double levels[] = {0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1};
    enum { NL = sizeof levels / sizeof levels[0] };
    double got[NL];
    ts_quantile_work w = {0};
    double *sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!CHECK(sorted != NULL) || !CHECK(ts_quantiles(x, n, levels, NL, got, &w) == 0))
        goto out;
    memcpy(sorted, x, n * sizeof *x);
    gsl_sort(sorted, 1, n);
    for (size_t j = 0; j < NL; j++) {
        double want = n ? gsl_stats_quantile_from_sorted_data(sorted, 1, n, levels[j]) : NAN;
        if (!CHECK(got[j] == want || (isnan(got[j]) && isnan(want))))
            fprintf(stderr, "  %s, n = %zu, level %g: %.17g, GSL %.17g\n", what, n, levels[j],
                    got[j], want);
    }
out:
    ts_quantile_work_free(&w);
    free(sorted);
}

static void test_quantiles(void)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_taus2);
    size_t sizes[] = {0, 1, 2, 3, 10, 1000, 4097, 100003};
    double *x = malloc(100003 * sizeof *x);
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0] && x; s++) {
        size_t n = sizes[s];
        for (size_t i = 0; i < n; i++)
            x[i] = gsl_ran_gaussian(rng, 3.0) + 1000;
        check_quantiles(x, n, "normal");
        for (size_t i = 0; i < n; i++)
            x[i] = exp(gsl_ran_gaussian(rng, 2.5)); /* heavy right tail */
        check_quantiles(x, n, "lognormal");
        for (size_t i = 0; i < n; i++)
            x[i] = (double)gsl_rng_uniform_int(rng, 3); /* many ties */
        check_quantiles(x, n, "ties");
        for (size_t i = 0; i < n; i++)
            x[i] = 7.25;
        check_quantiles(x, n, "constant");
        for (size_t i = 0; i < n; i++)
            x[i] = i % 1000 == 0 ? 1e300 : 1.0 + 1e-15 * (double)(i % 7); /* one far outlier */
        check_quantiles(x, n, "outliers");
    }
    free(x);
    gsl_rng_free(rng);
}

/* A block's seed depends on the seed and the block only, and differs
 * between the blocks of a run. */
static void test_block_seeds(void)
{
    enum { N = TS_MC_MAX_DRAWS / TS_MC_BLOCK_DRAWS + 1 };
    static unsigned long seen[N];
    for (size_t b = 0; b < N; b++)
        seen[b] = ts_mc_block_seed(TS_MC_DEFAULT_SEED, b);
    int distinct = 1;
    for (size_t a = 0; a < N && distinct; a++)
        for (size_t b = a + 1; b < N; b++)
            if (seen[a] == seen[b]) {
                distinct = 0;
                break;
            }
    CHECK(distinct);
    CHECK(ts_mc_block_seed(1, 0) != ts_mc_block_seed(2, 0));
    CHECK(ts_mc_block_seed(1, 5) == ts_mc_block_seed(1, 5));
}

static void test_options(void)
{
    fixture f;
    if (!setup(&f,
               "{'id': 'p', 'base_year': 2020, 'target_year': 2025,"
               " 'indicators': {'x': {'baseline': 100, 'target': {'value': 150}}}}",
               "{'id': 's', 'assumptions': {'x': {'growth': 0.05}},"
               " 'uncertainty': {'sd': {'x': 0.4}}}"))
        goto out;
    ts_mc_options opt = {.draws = 0, .seed = 1, .threads = 1, .percentiles = true};
    ts_mc_result *r = NULL;
    ts_error err;
    CHECK_INT(ts_mc_result_create(f.p, &opt, &r, &err), TS_EUSAGE);
    CHECK_STR(err.path, "draws");
    opt.draws = TS_MC_MAX_DRAWS + 1;
    CHECK_INT(ts_mc_result_create(f.p, &opt, &r, &err), TS_EUSAGE);
    opt.draws = 1000;
    opt.threads = TS_MC_MAX_THREADS + 1;
    CHECK_INT(ts_mc_result_create(f.p, &opt, &r, &err), TS_EUSAGE);
    CHECK_STR(err.path, "threads");
    opt.threads = 1;
    /* Keeping the draws needs them all in memory: max_store_bytes caps it. */
    opt.keep_draws = true;
    opt.max_store_bytes = 1000 * 15 * 8 - 1; /* 2021-2035: 15 years */
    CHECK_INT(ts_mc_result_create(f.p, &opt, &r, &err), TS_EUSAGE);
    CHECK_STR(err.path, "draws");
    CHECK_HAS(err.message, "more than the");
    /* Exactly the store is allowed: the draws run (and leave the domain, as
     * below), so the store is 1000 draws x 15 years x 8 bytes. */
    opt.max_store_bytes = 1000 * 15 * 8;
    CHECK(ts_mc_result_create(f.p, &opt, &r, &err) != TS_EUSAGE);
    ts_mc_result_free(r);
    r = NULL;
    /* The percentiles alone are never refused: past the store budget the
     * draws are made again instead. */
    opt.keep_draws = false;
    opt.store_budget = 1;
    CHECK(ts_mc_result_create(f.p, &opt, &r, &err) != TS_EUSAGE);
    ts_mc_result_free(r);
    r = NULL;
    /* An sd of 0.4 on a growth rate of 0.05 sends some draws below -100 %:
     * the first such draw is reported, the same with any threads. */
    opt.max_store_bytes = 0;
    opt.draws = 100000;
    ts_error e1, e2, e3;
    CHECK_INT(ts_mc_result_create(f.p, &opt, &r, &e1), TS_EINPUT);
    opt.threads = 2;
    CHECK_INT(ts_mc_result_create(f.p, &opt, &r, &e2), TS_EINPUT);
    CHECK_STR(e1.message, e2.message);
    opt.store_budget = (size_t)1 << 30; /* the draws kept: the same draw fails */
    CHECK_INT(ts_mc_result_create(f.p, &opt, &r, &e3), TS_EINPUT);
    CHECK_STR(e1.message, e3.message);
    CHECK_HAS(e1.message, "Monte Carlo draw ");
    CHECK_HAS(e1.message, "uncertainty.sd.x");
    CHECK(r == NULL);
out:
    teardown(&f);
}

int main(void)
{
    ts_library_init();
    tu_tempdir(dir, sizeof dir);
    test_wilson();
    test_quantiles();
    test_block_seeds();
    test_additive_normal_law();
    test_correlation();
    test_batch_is_projection();
    test_threads_identical();
    test_bounded_memory();
    test_options();
    tu_rmtree(dir);
    return check_done();
}
