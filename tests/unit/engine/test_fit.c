/* test_fit.c - growth calibrated from history (sim/engine/fit.c, sim/load/scenario_fit.c).
 * The expected numbers are the closed-form least-squares formulas, computed
 * here from the same observations the plan holds:
 *   t̄ = Σ t / n, ȳ = Σ ln v_t / n, Sxx = Σ (t - t̄)^2,
 *   slope b = Σ (t - t̄)(ln v_t - ȳ) / Sxx, intercept c = ȳ - b t̄,
 *   fitted value in the first observed year t0: exp(c + b t0),
 *   se(b) = sqrt( Σ (ln v_t - c - b t)^2 / (n - 2) / Sxx ),
 *   rate r = exp(b) - 1, se(r) = exp(b) se(b),
 *   growth sd = sqrt( Σ_pairs (v_t / v_{t-1} - 1 - r)^2 / (m - 1) ) over the m
 *   pairs of consecutive years in the window. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "engine/fit.h"
#include "testutil.h"

static char dir[256];

/* x: a gap in 2018, observations on both sides of the base year.
 * two: two observations. bad: a zero in its history. */
static const char *const PLAN =
    "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030, 'indicators': {"
    " 'x': {'baseline': 66, 'history': {'2015': 50, '2016': 53, '2017': 55.5, '2019': 61},"
    "       'actual': {'2021': 70, '2022': 73}, 'target': {'value': 100}},"
    " 'two': {'baseline': 20, 'history': {'2015': 10}},"
    " 'bad': {'baseline': 5, 'history': {'2016': 0, '2017': 4}},"
    " 'other': {'baseline': 1}}}";

enum { X, TWO, BAD, OTHER };

static ts_plan *plan;

/* The closed-form fit of (years[k], values[k]), k < n. */
typedef struct expected {
    double slope, slope_se, rate, rate_se, growth_sd, first_value;
    size_t pairs;
} expected;

static expected closed_form(size_t n, const int *years, const double *values)
{
    expected e = {0};
    double tbar = 0, ybar = 0;
    for (size_t k = 0; k < n; k++) {
        tbar += years[k];
        ybar += log(values[k]);
    }
    tbar /= (double)n;
    ybar /= (double)n;
    double sxx = 0, sxy = 0;
    for (size_t k = 0; k < n; k++) {
        sxx += (years[k] - tbar) * (years[k] - tbar);
        sxy += (years[k] - tbar) * (log(values[k]) - ybar);
    }
    e.slope = sxy / sxx;
    double c = ybar - e.slope * tbar, ssr = 0;
    e.first_value = exp(c + e.slope * years[0]);
    for (size_t k = 0; k < n; k++) {
        double resid = log(values[k]) - c - e.slope * years[k];
        ssr += resid * resid;
    }
    e.slope_se = n > 2 ? sqrt(ssr / (double)(n - 2) / sxx) : NAN;
    e.rate = exp(e.slope) - 1;
    e.rate_se = exp(e.slope) * e.slope_se;
    double ss = 0;
    for (size_t k = 1; k < n; k++) {
        if (years[k] != years[k - 1] + 1)
            continue;
        double g = values[k] / values[k - 1] - 1;
        ss += (g - e.rate) * (g - e.rate);
        e.pairs++;
    }
    e.growth_sd = e.pairs > 1 ? sqrt(ss / (double)(e.pairs - 1)) : NAN;
    return e;
}

static ts_scenario *load(const char *name, const char *text, ts_error *err)
{
    char path[512];
    tu_write(dir, name, text, path, sizeof path);
    ts_scenario *sc = NULL;
    ts_error_clear(err);
    if (ts_scenario_load(plan, path, &sc, err) != TS_OK)
        fprintf(stderr, "  %s: %s: %s\n", err->file, err->path, err->message);
    return sc;
}

/* The intercept is fitted on years counted from the first: it must not
 * change the slope, and a wider window must not either. Tolerance 1e-10:
 * the two sums are taken in different orders and origins. */
static void check_fit(int line, const ts_fit *fit, const expected *e, size_t n)
{
    int fails = check_failures;
    CHECK(fit->present);
    CHECK_INT(fit->n, n);
    CHECK_NEAR_REL(fit->slope, e->slope, 1e-10);
    CHECK_NEAR_REL(fit->rate, e->rate, 1e-10);
    CHECK_NEAR_REL(fit->first_value, e->first_value, 1e-10);
    CHECK_INT(fit->n_pairs, e->pairs);
    if (n > 2) {
        CHECK_NEAR_REL(fit->slope_se, e->slope_se, 1e-8);
        CHECK_NEAR_REL(fit->rate_se, e->rate_se, 1e-8);
    } else {
        CHECK(isnan(fit->slope_se) && isnan(fit->rate_se));
    }
    if (e->pairs > 1)
        CHECK_NEAR_REL(fit->growth_sd, e->growth_sd, 1e-9);
    else
        CHECK(isnan(fit->growth_sd));
    if (check_failures > fails)
        fprintf(stderr, "  (in check_fit called from line %d)\n", line);
}

static void test_fit_history(void)
{
    ts_error err;
    ts_scenario *sc = load("fit.json",
                           "{'id': 'f', 'assumptions': {"
                           " 'x': {'growth': {'fit': [2015, 2020]}},"
                           " 'two': {'growth': {'fit': [2015, 2020]}},"
                           " 'bad': {'add': 1}, 'other': {'level': 1}}}",
                           &err);
    if (!CHECK(sc != NULL))
        return;
    /* The window's observations: history (2018 missing) and the baseline. */
    static const int years[] = {2015, 2016, 2017, 2019, 2020};
    static const double values[] = {50, 53, 55.5, 61, 66};
    expected e = closed_form(5, years, values);
    const ts_assumption *as = &sc->assumptions[X];
    check_fit(__LINE__, &as->fit, &e, 5);
    CHECK_INT(as->fit.first_year, 2015);
    CHECK_INT(as->fit.last_year, 2020);
    /* Pairs 2015-16, 2016-17, 2019-20: the gap breaks 2017-19. */
    CHECK_INT(as->fit.n_pairs, 3);
    /* No sd in the scenario: the fit's growth sd becomes the driver's sd. */
    CHECK(as->fit.sd_applied);
    CHECK_NEAR(as->sd, e.growth_sd);
    CHECK(as->model == &ts_model_growth);
    double rate = NAN;
    CHECK(ts_yearly_at(&as->driver, 2030, &rate));
    CHECK_NEAR(rate, as->fit.rate);
    CHECK(!as->deflator.present);

    /* Two observations: the rate through them, no standard error, no sd. */
    static const int years2[] = {2015, 2020};
    static const double values2[] = {10, 20};
    expected e2 = closed_form(2, years2, values2);
    check_fit(__LINE__, &sc->assumptions[TWO].fit, &e2, 2);
    CHECK_NEAR(sc->assumptions[TWO].fit.rate, pow(2.0, 1.0 / 5) - 1);
    CHECK(isnan(sc->assumptions[TWO].sd));
    CHECK(!sc->assumptions[TWO].fit.sd_applied);
    CHECK(!sc->assumptions[BAD].fit.present);

    /* The projection continues from the last observation (2022) at the rate. */
    ts_projection *proj = NULL;
    if (CHECK(ts_projection_create(plan, sc, NULL, &proj, &err) == TS_OK)) {
        CHECK_NEAR(ts_projection_value(proj, X, 2023), 73 * (1 + as->fit.rate));
        CHECK_NEAR(ts_projection_value(proj, X, 2025), 73 * pow(1 + as->fit.rate, 3));
    }
    ts_projection_free(proj);
    ts_scenario_free(sc);
}

static void test_fit_with_actuals(void)
{
    ts_error err;
    ts_scenario *sc = load("fit-actual.json",
                           "{'id': 'f', 'assumptions': {"
                           " 'x': {'growth': {'fit': [2017, 2022]}}, 'two': {'growth': 0.01},"
                           " 'bad': {'add': 1}, 'other': {'level': 1}},"
                           " 'uncertainty': {'sd': {'x': 0.02}}}",
                           &err);
    if (!CHECK(sc != NULL))
        return;
    static const int years[] = {2017, 2019, 2020, 2021, 2022};
    static const double values[] = {55.5, 61, 66, 70, 73};
    expected e = closed_form(5, years, values);
    check_fit(__LINE__, &sc->assumptions[X].fit, &e, 5);
    /* The scenario's own sd wins over the fit's. */
    CHECK(!sc->assumptions[X].fit.sd_applied);
    CHECK(sc->assumptions[X].sd == 0.02);
    CHECK(!sc->assumptions[TWO].fit.present);
    ts_scenario_free(sc);
}

static void test_fit_inheritance(void)
{
    ts_error err;
    tu_write(dir, "parent.json",
             "{'id': 'parent', 'assumptions': {"
             " 'x': {'growth': 0.03, 'deflator': 0.02, 'shock': {'2024': -0.01}},"
             " 'two': {'growth': {'fit': [2015, 2020]}},"
             " 'bad': {'add': 1}, 'other': {'level': 1}}}",
             NULL, 0);
    ts_scenario *sc = load("child.json",
                           "{'id': 'child', 'extends': 'parent.json', 'assumptions': {"
                           " 'x': {'growth': {'fit': [2015, 2020]}},"
                           " 'two': {'growth': 0.04}}}",
                           &err);
    if (!CHECK(sc != NULL))
        return;
    /* A fit drops the inherited deflator (its rate is the series' own) and
     * keeps the shock. */
    CHECK(sc->assumptions[X].fit.present);
    CHECK(!sc->assumptions[X].deflator.present);
    CHECK(sc->assumptions[X].shock.present);
    /* A number replaces an inherited fit, and the fit's sd goes with it. */
    CHECK(!sc->assumptions[TWO].fit.present);
    CHECK(isnan(sc->assumptions[TWO].sd));
    double rate = NAN;
    CHECK(ts_yearly_at(&sc->assumptions[TWO].driver, 2025, &rate) && rate == 0.04);
    ts_scenario_free(sc);

    sc = load("grandchild.json",
              "{'id': 'grandchild', 'extends': 'child.json', 'assumptions': {"
              " 'x': {'shock': {'2023': 0.01}}}}",
              &err);
    if (CHECK(sc != NULL)) {
        CHECK(sc->assumptions[X].fit.present); /* kept under a new shock */
        CHECK(sc->assumptions[X].fit.sd_applied);
    }
    ts_scenario_free(sc);
}

#define EXPECT_ERROR(x, path, message) expect_error(__LINE__, x, path, message)

/* A scenario whose x assumption is `x` must fail at `path` with `message`. */
static void expect_error(int line, const char *x, const char *path, const char *message)
{
    char text[1024], file[512];
    snprintf(text, sizeof text,
             "{'id': 'e', 'assumptions': {'x': %s, 'two': {'growth': 0.01},"
             " 'bad': {'growth': {'fit': [2017, 2020]}}, 'other': {'level': 1}}}",
             x);
    tu_write(dir, "error.json", text, file, sizeof file);
    ts_scenario *sc = NULL;
    ts_error err;
    ts_error_clear(&err);
    ts_status st = ts_scenario_load(plan, file, &sc, &err);
    int ok = st == TS_EINPUT && !sc && strcmp(err.file, file) == 0 &&
             strcmp(err.path, path) == 0 && strstr(err.message, message);
    check_count++;
    if (!ok) {
        char what[2048];
        snprintf(what, sizeof what,
                 "got %d, \"%s\", \"%s\"; expected path \"%s\" and a message with \"%s\"",
                 (int)st, err.path, err.message, path, message);
        check_fail(__FILE__, line, what);
    }
    ts_scenario_free(sc);
}

static void test_fit_errors(void)
{
    EXPECT_ERROR("{'growth': {'fit': [2014, 2020]}}", "assumptions.x.growth.fit",
                 "the window [2014, 2020] reaches outside the observed years of \"x\" "
                 "(2015 to 2022)");
    EXPECT_ERROR("{'growth': {'fit': [2020, 2023]}}", "assumptions.x.growth.fit",
                 "reaches outside the observed years");
    EXPECT_ERROR("{'growth': {'fit': [2020, 2015]}}", "assumptions.x.growth.fit",
                 "expected [first year, last year] with the first before the last, got "
                 "[2020, 2015]");
    EXPECT_ERROR("{'growth': {'fit': [2018, 2018]}}", "assumptions.x.growth.fit",
                 "with the first before the last");
    EXPECT_ERROR("{'growth': {'fit': [2017, 2018]}}", "assumptions.x.growth.fit",
                 "the window [2017, 2018] holds 1 observation of \"x\"; a fit needs at least 2");
    EXPECT_ERROR("{'growth': {'fit': 'recent'}}", "assumptions.x.growth.fit",
                 "expected [first year, last year], got \"recent\"");
    EXPECT_ERROR("{'growth': {'fit': [2015]}}", "assumptions.x.growth.fit",
                 "expected [first year, last year], got a list");
    EXPECT_ERROR("{'growth': {'fit': [2015, 2020.5]}}", "assumptions.x.growth.fit[1]",
                 "2020.5");
    EXPECT_ERROR("{'growth': {'fit': [2015, 2020], 'default': 0.1}}",
                 "assumptions.x.growth.default", "unknown field \"default\"");
    EXPECT_ERROR("{'add': {'fit': [2015, 2020]}}", "assumptions.x.add",
                 "a fit calibrates a growth rate");
    EXPECT_ERROR("{'growth': {'fit': [2015, 2020]}, 'deflator': 0.02}", "assumptions.x.deflator",
                 "is fitted on its own values and needs none");
}

/* Fewer than two observations and a non-positive one, in another indicator. */
static void test_fit_data_errors(void)
{
    char file[512];
    ts_error err;
    ts_scenario *sc = NULL;
    tu_write(dir, "short.json",
             "{'id': 's', 'assumptions': {'x': {'growth': 0.01}, 'other': {'level': 1},"
             " 'two': {'growth': {'fit': [2016, 2019]}}, 'bad': {'add': 1}}}",
             file, sizeof file);
    CHECK_INT(ts_scenario_load(plan, file, &sc, &err), TS_EINPUT);
    CHECK_STR(err.path, "assumptions.two.growth.fit");
    CHECK_STR(err.message,
              "the window [2016, 2019] holds 0 observations of \"two\"; a fit needs at least 2");
    tu_write(dir, "zero.json",
             "{'id': 'z', 'assumptions': {'x': {'growth': 0.01}, 'other': {'level': 1},"
             " 'two': {'growth': 0.01}, 'bad': {'growth': {'fit': [2016, 2020]}}}}",
             file, sizeof file);
    CHECK_INT(ts_scenario_load(plan, file, &sc, &err), TS_EINPUT);
    CHECK_STR(err.file, file);
    CHECK_STR(err.path, "assumptions.bad.growth.fit");
    CHECK_STR(err.message, "a fit needs positive values, but indicators.bad.history.2016 is 0");
}

/* The library call on its own: an exact exponential and its errors. */
static void test_log_linear(void)
{
    ts_year_value pts[4];
    for (int k = 0; k < 4; k++)
        pts[k] = (ts_year_value){2000 + k, 100 * pow(1.07, k)};
    ts_fit fit;
    ts_error err;
    CHECK_INT(ts_fit_log_linear(4, pts, &fit, &err), TS_OK);
    CHECK_NEAR_REL(fit.rate, 0.07, 1e-12);
    CHECK_NEAR_REL(fit.slope, log(1.07), 1e-12);
    CHECK(fabs(fit.slope_se) < 1e-9); /* a perfect fit */
    CHECK(fabs(fit.growth_sd) < 1e-12);
    CHECK_INT(fit.n_pairs, 3);
    CHECK_INT(ts_fit_log_linear(1, pts, &fit, &err), TS_EINPUT);
    CHECK_HAS(err.message, "at least 2 observations, got 1");
    pts[2].value = -1;
    CHECK_INT(ts_fit_log_linear(4, pts, &fit, &err), TS_EINPUT);
    CHECK_HAS(err.message, "positive values, got -1 in 2002");
    pts[2] = (ts_year_value){2000, 5};
    CHECK_INT(ts_fit_log_linear(4, pts, &fit, &err), TS_EINPUT);
    CHECK_HAS(err.message, "years must ascend, got 2000 after 2001");
}

int main(void)
{
    ts_error err;
    tu_tempdir(dir, sizeof dir);
    plan = tu_plan(PLAN, &err);
    if (CHECK(plan != NULL)) {
        test_fit_history();
        test_fit_with_actuals();
        test_fit_inheritance();
        test_fit_errors();
        test_fit_data_errors();
    } else {
        fprintf(stderr, "plan: %s: %s\n", err.path, err.message);
    }
    test_log_linear();
    ts_plan_free(plan);
    tu_rmtree(dir);
    return check_done();
}
