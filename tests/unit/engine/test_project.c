/* test_project.c - yearly paths (sim/engine/project.c). Every expected value is
 * the model's formula written out for the year in question. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testutil.h"

static char dir[256];

/* A plan from memory and a scenario file written next to nothing else. */
typedef struct fixture {
    ts_plan *plan;
    ts_scenario *sc;
} fixture;

static int setup(fixture *f, const char *plan_text, const char *scenario_text)
{
    ts_error err;
    f->sc = NULL;
    f->plan = tu_plan(plan_text, &err);
    if (!CHECK(f->plan != NULL)) {
        fprintf(stderr, "  plan: %s: %s\n", err.path, err.message);
        return 0;
    }
    char path[512];
    tu_write(dir, "scenario.json", scenario_text, path, sizeof path);
    if (!CHECK(ts_scenario_load(f->plan, path, &f->sc, &err) == TS_OK)) {
        fprintf(stderr, "  scenario: %s: %s\n", err.path, err.message);
        ts_plan_free(f->plan);
        return 0;
    }
    return 1;
}

static void teardown(fixture *f)
{
    ts_scenario_free(f->sc);
    ts_plan_free(f->plan);
}

static ts_projection *project(const fixture *f, int horizon, int as_of)
{
    ts_project_options opt = {horizon, as_of};
    ts_projection *p = NULL;
    ts_error err;
    if (!CHECK(ts_projection_create(f->plan, f->sc, &opt, &p, &err) == TS_OK))
        fprintf(stderr, "  project: %s: %s: %s\n", err.file, err.path, err.message);
    return p;
}

static double value(const ts_projection *p, size_t i, int year)
{
    return ts_projection_value(p, i, year);
}

static ts_point_kind kind(const ts_projection *p, size_t i, int year)
{
    return p->paths[i].kinds[year - p->base_year];
}

static void test_drivers(void)
{
    fixture f;
    if (!setup(&f,
               "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030,"
               " 'indicators': {'gdp': {'baseline': 100, 'target': {'value': 150}},"
               " 'nominal': {'baseline': 100}, 'firms': {'baseline': 622},"
               " 'fx': {'baseline': 6.9}}}",
               "{'id': 's', 'assumptions': {"
               " 'gdp': {'growth': 0.08},"
               " 'nominal': {'growth': 0.05, 'deflator': 0.02, 'shock': {'2022': -0.03}},"
               " 'firms': {'add': 240},"
               " 'fx': {'level': {'2021': 6.5, '2022': 6.7, 'default': 7.0}}}}"))
        return;
    ts_projection *p = project(&f, 0, TS_AS_OF_LATEST);
    if (!p) {
        teardown(&f);
        return;
    }
    CHECK_INT(p->base_year, 2020);
    CHECK_INT(p->horizon, 2030); /* 0 = the plan's horizon */
    CHECK_INT(p->n_years, 11);
    CHECK_INT(p->n_paths, 4);

    /* Compound growth: 100 * 1.08^(t - 2020). */
    CHECK(value(p, 0, 2020) == 100);
    CHECK_NEAR(value(p, 0, 2021), 108.0);
    CHECK_NEAR(value(p, 0, 2025), 100 * pow(1.08, 5));
    CHECK_NEAR(value(p, 0, 2030), 100 * pow(1.08, 10));
    CHECK_INT(kind(p, 0, 2020), TS_OBSERVED);
    CHECK_INT(kind(p, 0, 2021), TS_PROJECTED);
    CHECK_INT(p->paths[0].as_of, 2020);

    /* Yearly factor (1 + g + s)(1 + d); the shock only in 2022. */
    double usual = (1 + 0.05) * (1 + 0.02), shocked = (1 + 0.05 - 0.03) * (1 + 0.02);
    CHECK_NEAR(value(p, 1, 2021), 100 * usual);
    CHECK_NEAR(value(p, 1, 2022), 100 * usual * shocked);
    CHECK_NEAR(value(p, 1, 2025), 100 * pow(usual, 4) * shocked);

    /* Fixed additions. */
    CHECK_NEAR(value(p, 2, 2025), 622 + 5 * 240);
    CHECK_NEAR(value(p, 2, 2030), 622 + 10 * 240);

    /* Levels: the year's own value, else the default; 2020 is the baseline. */
    CHECK(value(p, 3, 2020) == 6.9);
    CHECK(value(p, 3, 2021) == 6.5);
    CHECK(value(p, 3, 2022) == 6.7);
    CHECK(value(p, 3, 2023) == 7.0);
    CHECK(value(p, 3, 2030) == 7.0);

    /* Outside the years or the indicators: NaN. */
    CHECK(isnan(value(p, 0, 2019)));
    CHECK(isnan(value(p, 0, 2031)));
    CHECK(isnan(value(p, 4, 2025)));
    ts_projection_free(p);

    /* A shorter horizon (still after the target year) shortens the paths. */
    p = project(&f, 2026, TS_AS_OF_LATEST);
    if (p) {
        CHECK_INT(p->n_years, 7);
        CHECK_NEAR(value(p, 0, 2026), 100 * pow(1.08, 6));
        CHECK(isnan(value(p, 0, 2027)));
    }
    ts_projection_free(p);
    teardown(&f);
}

static const char *const OBSERVED_PLAN =
    "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030,"
    " 'indicators': {'x': {'baseline': 100, 'actual': {'2021': 110, '2023': 130}}}}";

static void test_actuals_replace_path(void)
{
    fixture f;
    if (!setup(&f, OBSERVED_PLAN, "{'id': 's', 'assumptions': {'x': {'growth': 0.05}}}"))
        return;
    ts_projection *p = NULL;
    ts_error err;
    /* NULL options: every observation is used. */
    if (CHECK(ts_projection_create(f.plan, f.sc, NULL, &p, &err) == TS_OK)) {
        CHECK_INT(p->paths[0].as_of, 2023);
        CHECK(value(p, 0, 2021) == 110);
        CHECK_INT(kind(p, 0, 2021), TS_OBSERVED);
        /* The gap year at the constant rate linking 2021 and 2023. */
        CHECK_NEAR(value(p, 0, 2022), 110 * pow(130.0 / 110.0, 0.5));
        CHECK_INT(kind(p, 0, 2022), TS_INTERPOLATED);
        CHECK(value(p, 0, 2023) == 130);
        CHECK_INT(kind(p, 0, 2023), TS_OBSERVED);
        /* The projection continues from the last observed value. */
        CHECK_NEAR(value(p, 0, 2024), 130 * 1.05);
        CHECK_NEAR(value(p, 0, 2025), 130 * 1.05 * 1.05);
        CHECK_INT(kind(p, 0, 2024), TS_PROJECTED);
    }
    ts_projection_free(p);
    teardown(&f);
}

static void test_interpolation_through_zero(void)
{
    /* A sign change makes a constant rate meaningless: the gap is linear,
     * -10 and 20 three years apart give 0 and 10. */
    fixture f;
    if (!setup(&f,
               "{'id': 'p', 'base_year': 2020, 'target_year': 2025,"
               " 'indicators': {'x': {'baseline': 5, 'actual': {'2021': -10, '2024': 20}}}}",
               "{'id': 's', 'assumptions': {'x': {'add': 3}}}"))
        return;
    ts_projection *p = project(&f, 0, TS_AS_OF_LATEST);
    if (p) {
        CHECK(fabs(value(p, 0, 2022)) < 1e-12);
        CHECK_NEAR(value(p, 0, 2023), 10.0);
        CHECK_INT(kind(p, 0, 2023), TS_INTERPOLATED);
        CHECK_NEAR(value(p, 0, 2025), 23.0);
    }
    ts_projection_free(p);
    teardown(&f);
}

static void test_observed_to_horizon(void)
{
    /* Observations reach the horizon: nothing is left to project. */
    fixture f;
    if (!setup(&f,
               "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'horizon': 2026,"
               " 'indicators': {'x': {'baseline': 100, 'actual': {'2026': 160}}}}",
               "{'id': 's', 'assumptions': {'x': {'growth': 0.05}}}"))
        return;
    ts_projection *p = project(&f, 0, TS_AS_OF_LATEST);
    if (p) {
        CHECK_INT(p->paths[0].as_of, 2026);
        CHECK(value(p, 0, 2026) == 160);
        CHECK_INT(kind(p, 0, 2026), TS_OBSERVED);
        CHECK_NEAR(value(p, 0, 2023), 100 * pow(1.6, 3.0 / 6));
    }
    ts_projection_free(p);
    teardown(&f);
}

static void test_as_of(void)
{
    fixture f;
    if (!setup(&f, OBSERVED_PLAN, "{'id': 's', 'assumptions': {'x': {'growth': 0.05}}}"))
        return;
    /* TS_AS_OF_LATEST is the same as no options. */
    ts_projection *p = project(&f, 0, TS_AS_OF_LATEST);
    if (p) {
        CHECK_INT(p->paths[0].as_of, 2023);
        CHECK_NEAR(value(p, 0, 2030), 130 * pow(1.05, 7));
    }
    ts_projection_free(p);

    /* As of the base year: the observations are ignored. */
    p = project(&f, 0, 2020);
    if (p) {
        CHECK_INT(p->paths[0].as_of, 2020);
        CHECK_NEAR(value(p, 0, 2021), 105.0);
        CHECK_INT(kind(p, 0, 2021), TS_PROJECTED);
        CHECK_NEAR(value(p, 0, 2025), 100 * pow(1.05, 5));
    }
    ts_projection_free(p);

    /* As of 2022: only the 2021 observation counts; 2022 is projected. */
    p = project(&f, 0, 2022);
    if (p) {
        CHECK_INT(p->paths[0].as_of, 2021);
        CHECK(value(p, 0, 2021) == 110);
        CHECK_NEAR(value(p, 0, 2022), 110 * 1.05);
        CHECK_INT(kind(p, 0, 2022), TS_PROJECTED);
        CHECK_NEAR(value(p, 0, 2023), 110 * 1.05 * 1.05);
    }
    ts_projection_free(p);

    /* As of an observed year: that observation is used. */
    p = project(&f, 0, 2023);
    if (p) {
        CHECK_INT(p->paths[0].as_of, 2023);
        CHECK(value(p, 0, 2023) == 130);
    }
    ts_projection_free(p);

    /* Before the base year: a usage error. */
    ts_project_options opt = {0, 2019};
    ts_error err;
    p = (ts_projection *)1;
    CHECK_INT(ts_projection_create(f.plan, f.sc, &opt, &p, &err), TS_EUSAGE);
    CHECK(p == NULL);
    CHECK_STR(err.path, "as_of");
    CHECK_HAS(err.message, "2019");
    teardown(&f);
}

static void test_derived(void)
{
    /* gdp observed to 2023 (2022 interpolated), pop to 2022 (2021
     * interpolated): per_head = 1000 gdp / pop is as of 2022. */
    fixture f;
    if (!setup(&f,
               "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030,"
               " 'indicators': {"
               "  'per_head': {'derived': {'scale': 1000, 'factors': {'gdp': 1, 'pop': -1}}},"
               "  'gdp': {'baseline': 400, 'actual': {'2021': 420, '2023': 450}},"
               "  'pop': {'baseline': 16, 'actual': {'2022': 16.4}}}}",
               "{'id': 's', 'assumptions': {'gdp': {'growth': 0.06}, 'pop': {'growth': 0.01}}}"))
        return;
    ts_projection *p = project(&f, 0, TS_AS_OF_LATEST);
    if (!p) {
        teardown(&f);
        return;
    }
    double gdp[5] = {400, 420, 420 * sqrt(450.0 / 420.0), 450, 450 * 1.06};
    double pop[5] = {16, 16 * sqrt(16.4 / 16.0), 16.4, 16.4 * 1.01, 16.4 * 1.01 * 1.01};
    for (int k = 0; k < 5; k++) {
        CHECK_NEAR(value(p, 1, 2020 + k), gdp[k]);
        CHECK_NEAR(value(p, 2, 2020 + k), pop[k]);
        CHECK_NEAR(value(p, 0, 2020 + k), 1000 * gdp[k] / pop[k]);
    }
    CHECK_INT(p->paths[1].as_of, 2023);
    CHECK_INT(p->paths[2].as_of, 2022);
    CHECK_INT(p->paths[0].as_of, 2022); /* the earlier of its inputs' */
    CHECK_INT(kind(p, 0, 2020), TS_OBSERVED);
    CHECK_INT(kind(p, 0, 2021), TS_INTERPOLATED); /* pop interpolated */
    CHECK_INT(kind(p, 0, 2022), TS_INTERPOLATED); /* gdp interpolated */
    CHECK_INT(kind(p, 0, 2023), TS_PROJECTED);    /* pop projected */
    CHECK_INT(kind(p, 0, 2024), TS_PROJECTED);
    ts_projection_free(p);

    /* Ignoring observations: only the base year is observed. */
    p = project(&f, 0, 2020);
    if (p) {
        CHECK_INT(p->paths[0].as_of, 2020);
        CHECK_INT(kind(p, 0, 2020), TS_OBSERVED);
        CHECK_INT(kind(p, 0, 2021), TS_PROJECTED);
        CHECK_NEAR(value(p, 0, 2025), 1000 * 400 * pow(1.06, 5) / (16 * pow(1.01, 5)));
    }
    ts_projection_free(p);
    teardown(&f);
}

static void test_horizon_errors(void)
{
    fixture f;
    if (!setup(&f, OBSERVED_PLAN, "{'id': 's', 'assumptions': {'x': {'growth': 0.05}}}"))
        return;
    ts_project_options before = {2024, TS_AS_OF_LATEST}; /* target year 2025 */
    ts_projection *p = (ts_projection *)1;
    ts_error err;
    CHECK_INT(ts_projection_create(f.plan, f.sc, &before, &p, &err), TS_EUSAGE);
    CHECK(p == NULL);
    CHECK_STR(err.path, "horizon");
    CHECK_HAS(err.message, "2024");
    ts_project_options far = {2020 + TS_MAX_YEAR_SPAN + 1, TS_AS_OF_LATEST};
    CHECK_INT(ts_projection_create(f.plan, f.sc, &far, &p, &err), TS_EUSAGE);
    teardown(&f);
}

/* Projects a plan whose only indicator is x (baseline 100, horizon 2030)
 * under the assumption `x`; expects TS_EINPUT with `message` in it. */
static void expect_input_error(int line, const char *plan_text, const char *x,
                               const char *path, const char *message)
{
    char scenario[512];
    snprintf(scenario, sizeof scenario, "{'id': 's', 'assumptions': {'x': %s}}", x);
    fixture f;
    if (!setup(&f, plan_text, scenario))
        return;
    ts_projection *p = (ts_projection *)1;
    ts_error err;
    ts_error_clear(&err);
    ts_status st = ts_projection_create(f.plan, f.sc, NULL, &p, &err);
    int ok = st == TS_EINPUT && p == NULL && strcmp(err.path, path) == 0 &&
             strstr(err.message, message) != NULL;
    check_count++;
    if (!ok) {
        char what[2048];
        snprintf(what, sizeof what,
                 "project error: got status %d, path \"%s\", message \"%s\"; expected "
                 "path \"%s\", message with \"%s\"",
                 (int)st, err.path, err.message, path, message);
        check_fail(__FILE__, line, what);
    }
    if (st == TS_OK)
        ts_projection_free(p);
    teardown(&f);
}

static const char *const PLAIN_PLAN =
    "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030,"
    " 'indicators': {'x': {'baseline': 100}}}";

static void test_input_errors(void)
{
    /* A year map without "default" must cover every projected year. */
    expect_input_error(__LINE__, PLAIN_PLAN, "{'growth': {'2021': 0.05, '2022': 0.05}}",
                       "assumptions.x.growth", "no value for 2023");
    /* (1 + 0.05 - 1.2)(1 + 0) = -0.15 in 2022: not a growth factor. */
    expect_input_error(__LINE__, PLAIN_PLAN, "{'growth': 0.05, 'shock': {'2022': -1.2}}",
                       "assumptions.x.growth", "in 2022");
    /* (1 + 0.5 - 1.5) = 0 exactly in 2022: a zero factor is refused too. */
    expect_input_error(__LINE__, PLAIN_PLAN, "{'growth': 0.5, 'shock': {'2022': -1.5}}",
                       "assumptions.x.growth", "in 2022");
    /* Growth cannot continue from an observed zero. */
    expect_input_error(__LINE__,
                       "{'id': 'p', 'base_year': 2020, 'target_year': 2025,"
                       " 'indicators': {'x': {'baseline': 100, 'actual': {'2021': 0}}}}",
                       "{'growth': 0.05}", "indicators.x.actual.2021", "positive value");
}

static void test_kind_names(void)
{
    CHECK_STR(ts_point_kind_name(TS_OBSERVED), "observed");
    CHECK_STR(ts_point_kind_name(TS_INTERPOLATED), "interpolated");
    CHECK_STR(ts_point_kind_name(TS_PROJECTED), "projected");
}

int main(void)
{
    tu_tempdir(dir, sizeof dir);
    test_drivers();
    test_actuals_replace_path();
    test_interpolation_through_zero();
    test_observed_to_horizon();
    test_as_of();
    test_derived();
    test_horizon_errors();
    test_input_errors();
    test_kind_names();
    tu_rmtree(dir);
    return check_done();
}
