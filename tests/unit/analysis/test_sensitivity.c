/* test_sensitivity.c - the tornado and sweeps (sim/analysis/tornado.c, sim/analysis/sweep.c),
 * and the run that carries them (sim/engine/run.c). Expected values are the model
 * formulas written out for the moved drivers. The --sweep syntax is the CLI's
 * (tests/unit/test_sweep_spec.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testutil.h"

static char dir[256];

static const char *const PLAN =
    "{'id': 'p', 'base_year': 2020, 'target_year': 2023, 'horizon': 2026,"
    " 'indicators': {"
    "  'gdp': {'baseline': 100, 'target': {'value': 130}},"
    "  'pop': {'baseline': 10},"
    "  'pc': {'derived': {'factors': {'gdp': 1, 'pop': -1}}, 'target': {'value': 12}},"
    "  'firms': {'baseline': 50, 'target': {'value': 80}}}}";

static const char *const SCENARIO =
    "{'id': 's', 'assumptions': {'gdp': {'growth': 0.05}, 'pop': {'growth': 0.01},"
    " 'firms': {'add': 5}}, 'uncertainty': {'sd': {'gdp': 0.02}}}";

typedef struct fixture {
    ts_plan *plan;
    ts_scenario *sc;
    ts_projector *p;
} fixture;

static int setup(fixture *f)
{
    ts_error err;
    memset(f, 0, sizeof *f);
    f->plan = tu_plan(PLAN, &err);
    char path[512];
    tu_write(dir, "s.json", SCENARIO, path, sizeof path);
    if (!CHECK(f->plan != NULL) || !CHECK(ts_scenario_load(f->plan, path, &f->sc, &err) == TS_OK) ||
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

/* An axis as the CLI's --sweep IND.MODEL=LO:HI:STEP gives it. */
static ts_sweep_axis make_axis(const char *indicator, const ts_model_type *model, double lo,
                               double hi, double step, size_t n)
{
    ts_sweep_axis a;
    memset(&a, 0, sizeof a);
    snprintf(a.indicator, sizeof a.indicator, "%s", indicator);
    a.model = model;
    a.lo = lo;
    a.hi = hi;
    a.step = step;
    a.n = n;
    return a;
}

static const ts_tornado_bar *bar_of(const ts_tornado *t, size_t target, size_t assumption)
{
    for (size_t b = 0; b < t->n; b++)
        if (t->bars[b].target == target && t->bars[b].assumption == assumption)
            return &t->bars[b];
    return NULL;
}

static void test_tornado(void)
{
    fixture f;
    ts_tornado *t = NULL;
    ts_error err;
    if (!setup(&f) || !CHECK(ts_tornado_create(f.p, &t, &err) == TS_OK))
        goto out;
    /* gdp has an sd: moved by 0.02 in 2021-2023. */
    const ts_tornado_bar *b = bar_of(t, 0, 0);
    if (CHECK(b != NULL)) {
        CHECK(b->from_sd && b->shift == 0.02);
        CHECK_NEAR(b->base, 100 * pow(1.05, 3));
        CHECK_NEAR(b->low, 100 * pow(1.03, 3));
        CHECK_NEAR(b->high, 100 * pow(1.07, 3));
    }
    /* pc = gdp / pop: two bars, gdp's and pop's (no sd: one percentage point). */
    b = bar_of(t, 2, 1);
    if (CHECK(b != NULL)) {
        CHECK(!b->from_sd && b->shift == 0.01);
        CHECK_NEAR(b->low, 100 * pow(1.05, 3) / (10 * pow(1.00, 3)));
        CHECK_NEAR(b->high, 100 * pow(1.05, 3) / (10 * pow(1.02, 3)));
    }
    CHECK(bar_of(t, 2, 3) == NULL); /* firms do not enter pc */
    /* firms: add without sd moves by 1 % of the as-of value, 0.5 a year. */
    b = bar_of(t, 3, 3);
    if (CHECK(b != NULL)) {
        CHECK_NEAR(b->shift, 0.5);
        CHECK_NEAR(b->low, 50 + 3 * 4.5);
        CHECK_NEAR(b->high, 50 + 3 * 5.5);
    }
    /* Within a target, the widest bar first: for pc, gdp (sd 2 points) before pop (1). */
    for (size_t k = 0; k + 1 < t->n; k++)
        if (t->bars[k].target == 2 && t->bars[k + 1].target == 2)
            CHECK(fabs(t->bars[k].high - t->bars[k].low) >=
                  fabs(t->bars[k + 1].high - t->bars[k + 1].low));
    CHECK_INT(t->n, 1 + 2 + 1);
out:
    ts_tornado_free(t);
    teardown(&f);
}

/* ts_sweep_result_create checks every axis it is given and names the field at fault. */
static void test_sweep_axes(void)
{
    fixture f;
    ts_sweep_result *r = NULL;
    ts_error err;
    if (!setup(&f))
        goto out;
    const ts_model_type *g = &ts_model_growth;
    ts_sweep_axis unterminated = make_axis("gdp", g, 0, 1, 0.5, 3);
    memset(unterminated.label, 'x', sizeof unterminated.label);
    struct {
        ts_sweep_axis axis;
        const char *path;
    } bad[] = {
        {make_axis("gdp", NULL, 0, 1, 0.5, 3), "axes[1].model"},
        {make_axis("gdp", g, 0, 1, 0, 3), "axes[1].step"},
        {make_axis("gdp", g, 0, 1, -1, 3), "axes[1].step"},
        {make_axis("gdp", g, 1, 0, 0.1, 1), "axes[1].hi"},
        {make_axis("gdp", g, -1, 0, 0.1, 11), "axes[1].lo"}, /* growth above -1 */
        {make_axis("gdp", g, NAN, 1, 0.1, 3), "axes[1].lo"},
        {make_axis("gdp", g, 0, INFINITY, 0.1, 3), "axes[1].hi"},
        {make_axis("gdp", g, 0, 1, 0.1, 0), "axes[1].n"},
        {make_axis("gdp", g, 0, 1, 0.0001, 10001), "axes[1].n"}, /* > TS_SWEEP_MAX_POINTS */
        {make_axis("gdp", g, 0, 1, 0.5, 4), "axes[1].n"},        /* 1.5 is beyond 1 */
        {make_axis("Gdp", g, 0, 1, 0.5, 3), "axes[1].indicator"}, /* ids are exact */
        {make_axis("", g, 0, 1, 0.5, 3), "axes[1].indicator"},
        {unterminated, "axes[1].label"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        ts_sweep_axis axes[2] = {make_axis("firms", &ts_model_add, 0, 10, 10, 2), bad[k].axis};
        r = (ts_sweep_result *)1;
        if (!CHECK(ts_sweep_result_create(f.p, axes, 2, NULL, &r, &err) == TS_EUSAGE))
            fprintf(stderr, "  accepted bad axis %zu\n", k);
        CHECK(r == NULL);
        CHECK_STR(err.path, bad[k].path);
    }
    r = NULL;
    CHECK_INT(ts_sweep_result_create(f.p, &bad[0].axis, 0, NULL, &r, &err), TS_EUSAGE);
    CHECK_STR(err.path, "n_axes");
    /* Within the rules: hi kept up to rounding (9 points), an add below zero. */
    ts_sweep_axis good[2] = {make_axis("gdp", g, 0.04, 0.12, 0.01, 9),
                             make_axis("firms", &ts_model_add, -10, 0, 10, 2)};
    if (CHECK(ts_sweep_result_create(f.p, good, 2, NULL, &r, &err) == TS_OK)) {
        CHECK_INT(r->n_points, 18);
        CHECK_NEAR(r->x[17 * 2], 0.12);
        CHECK(r->x[17 * 2 + 1] == 0 && r->x[0] == 0.04 && r->x[1] == -10);
    }
out:
    ts_sweep_result_free(r);
    teardown(&f);
}

static void test_sweep(void)
{
    fixture f;
    ts_sweep_axis axes[2];
    ts_sweep_result *r = NULL;
    ts_error err;
    axes[0] = make_axis("gdp", &ts_model_growth, 0.05, 0.10, 0.05, 2);
    axes[1] = make_axis("firms", &ts_model_add, 0, 10, 10, 2);
    if (!setup(&f))
        goto out;
    if (!CHECK(ts_sweep_result_create(f.p, axes, 2, NULL, &r, &err) == TS_OK))
        goto out;
    CHECK_INT(r->n_points, 4);
    CHECK_INT(r->n_targets, 3);
    /* Points: (0.05, 0), (0.05, 10), (0.10, 0), (0.10, 10); targets gdp, pc, firms. */
    CHECK(r->x[2 * 2] == 0.10 && r->x[2 * 2 + 1] == 0);
    const ts_sweep_cell *c = r->cells + 2 * 3; /* point 2, gdp */
    CHECK_NEAR(c[0].value, 100 * pow(1.10, 3));
    CHECK_NEAR(c[0].share, 100 * pow(1.10, 3) / 130);
    CHECK_INT(c[0].attainment_year, 2023); /* 133.1 >= 130 */
    CHECK_NEAR(c[1].value, 100 * pow(1.10, 3) / (10 * pow(1.01, 3)));
    CHECK_NEAR(c[2].value, 50); /* firms add 0 */
    CHECK(isnan(c[0].probability));
    CHECK_NEAR(r->cells[1 * 3 + 2].value, 80); /* point 1: firms add 10 */
    ts_sweep_result_free(r);
    r = NULL;
    /* With draws: probabilities, and the same seed at every point. */
    ts_mc_options mc = {.draws = 2000, .seed = 7, .threads = 2};
    if (CHECK(ts_sweep_result_create(f.p, axes, 1, &mc, &r, &err) == TS_OK)) {
        CHECK(r->cells[0].probability < r->cells[3].probability); /* faster gdp: likelier */
        CHECK(r->cells[0].low <= r->cells[0].probability && r->cells[0].probability <= r->cells[0].high);
    }
    ts_sweep_result_free(r);
    r = NULL;
    /* Unknown and derived indicators, the same one twice, too much work. */
    ts_sweep_axis bad = make_axis("nope", &ts_model_growth, 0, 1, 0.5, 3);
    CHECK_INT(ts_sweep_result_create(f.p, &bad, 1, NULL, &r, &err), TS_EUSAGE);
    CHECK_STR(err.path, "axes[0].indicator");
    CHECK_STR(err.message, "the plan has no indicator \"nope\"");
    bad = make_axis("pc", &ts_model_growth, 0, 1, 0.5, 3);
    CHECK_INT(ts_sweep_result_create(f.p, &bad, 1, NULL, &r, &err), TS_EUSAGE);
    CHECK_STR(err.path, "axes[0].indicator");
    CHECK_HAS(err.message, "derived");
    ts_sweep_axis twice[2] = {axes[0], axes[0]};
    CHECK_INT(ts_sweep_result_create(f.p, twice, 2, NULL, &r, &err), TS_EUSAGE);
    CHECK_STR(err.path, "axes[1].indicator");
    ts_sweep_axis big[2] = {make_axis("gdp", &ts_model_growth, 0, 1, 0.001, 1001),
                            make_axis("pop", &ts_model_growth, 0, 1, 0.001, 1001)};
    mc.draws = 1000;
    CHECK_INT(ts_sweep_result_create(f.p, big, 2, &mc, &r, &err), TS_EUSAGE);
    CHECK_STR(err.path, "axes");
    CHECK(r == NULL);
out:
    ts_sweep_result_free(r);
    teardown(&f);
}

/* Sweeping a driver under another model drops its sd: an sd of 50 firms a
 * year means nothing for a growth rate (and would send it below -100 %). */
static void test_sweep_model_swap(void)
{
    ts_error err;
    ts_plan *plan = tu_plan(PLAN, &err);
    char path[512];
    tu_write(dir, "swap.json",
             "{'id': 'w', 'assumptions': {'gdp': {'growth': 0.05}, 'pop': {'growth': 0.01},"
             " 'firms': {'add': 5}}, 'uncertainty': {'sd': {'firms': 50}}}",
             path, sizeof path);
    ts_scenario *sc = NULL;
    ts_projector *p = NULL;
    ts_sweep_axis axis = make_axis("firms", &ts_model_growth, 0.2, 0.2, 1, 1);
    ts_sweep_result *r = NULL;
    ts_mc_options mc = {.draws = 1000, .seed = 1, .threads = 1};
    if (CHECK(plan && ts_scenario_load(plan, path, &sc, &err) == TS_OK) &&
        CHECK(ts_projector_create(plan, sc, NULL, &p, &err) == TS_OK) &&
        CHECK(ts_sweep_result_create(p, &axis, 1, &mc, &r, &err) == TS_OK)) {
        /* 50 * 1.2^3 = 86.4 >= 80 in every draw: the growth does not vary. */
        CHECK_NEAR(r->cells[2].value, 50 * pow(1.2, 3));
        CHECK(r->cells[2].probability == 1.0);
    }
    ts_sweep_result_free(r);
    ts_projector_free(p);
    ts_scenario_free(sc);
    ts_plan_free(plan);
}

/* The run carries the solver's rates, the tornado and the draws. */
static void test_run(void)
{
    fixture f;
    ts_run *run = NULL;
    ts_error err;
    if (!setup(&f))
        goto out;
    const ts_scenario *scs[] = {f.sc};
    if (!CHECK(ts_run_create(f.plan, scs, 1, NULL, &run, &err) == TS_OK))
        goto out;
    const ts_scenario_result *r = &run->results[0];
    CHECK_INT(r->required[2]->n, 2); /* pc: gdp and pop */
    CHECK_INT(r->required[3]->n, 0); /* firms: an additive driver */
    CHECK_INT(r->required[1]->n, 0); /* pop: no target */
    /* gdp alone: 100 (1 + r)^3 = 130. */
    if (CHECK(r->required[0]->n == 1))
        CHECK_NEAR_REL(r->required[0]->drivers[0].rate, pow(1.3, 1.0 / 3) - 1, 1e-12);
    CHECK(r->tornado->n > 0 && r->mc == NULL && run->mc_draws == 0);
    ts_mc_options mc = {.draws = 500, .seed = 3, .threads = 1, .percentiles = true};
    if (CHECK(ts_run_simulate(run, &mc, &err) == TS_OK)) {
        CHECK(r->mc != NULL && run->mc_draws == 500 && run->mc_seed == 3);
        CHECK(r->mc->targets[0].has_target && !r->mc->targets[1].has_target);
    }
    ts_sweep_axis ax = make_axis("gdp", &ts_model_growth, 0, 0.1, 0.05, 3);
    if (CHECK(ts_run_sweep(run, &ax, 1, NULL, &err) == TS_OK))
        CHECK(run->sweep && run->sweep->n_points == 3 && run->sweep_scenario == f.sc);
out:
    ts_run_free(run);
    teardown(&f);
}

int main(void)
{
    ts_library_init();
    tu_tempdir(dir, sizeof dir);
    test_tornado();
    test_sweep_axes();
    test_sweep();
    test_sweep_model_swap();
    test_run();
    tu_rmtree(dir);
    return check_done();
}
