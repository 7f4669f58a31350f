/* test_solve.c - required driver growth (sim/engine/solve.c). The check is the
 * definition: put the rate found back into the scenario as the driver's
 * growth, project, and the target must come out in its target year to
 * 1e-9 relative. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testutil.h"

static char dir[256];

/* GDP per capita in dollars, as in the bundled plan: GDP grows with a
 * deflator and a shock, population grows, the exchange rate is a level. */
static const char *const PLAN =
    "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030,"
    " 'indicators': {"
    "  'gdp': {'baseline': 4153.25, 'actual': {'2021': 5121.61}, 'target': {'value': 7000}},"
    "  'pop': {'baseline': 5304061},"
    "  'fx': {'baseline': 6.8976},"
    "  'pc': {'derived': {'scale': 100000000, 'factors': {'gdp': 1, 'pop': -1, 'fx': -1}},"
    "         'target': {'value': 20000}},"
    "  'firms': {'baseline': 622, 'target': {'value': 3000}}}}";

/* A macro, so that the compiler checks the format against its arguments. */
#define SCENARIO_FMT                                                                  \
    "{'id': 's', 'assumptions': {"                                                    \
    " 'gdp': {'growth': %s, 'deflator': 0.0198, 'shock': {'2023': -0.02}},"           \
    " 'pop': {'growth': %s}, 'fx': {'level': 7.1}, 'firms': {'add': 42.8}}}"

typedef struct fixture {
    ts_plan *plan;
    ts_scenario *sc;
    ts_projector *p;
} fixture;

static int setup(fixture *f, const char *gdp_growth, const char *pop_growth)
{
    ts_error err;
    memset(f, 0, sizeof *f);
    f->plan = tu_plan(PLAN, &err);
    if (!CHECK(f->plan != NULL))
        return 0;
    char text[1024], path[512];
    snprintf(text, sizeof text, SCENARIO_FMT, gdp_growth, pop_growth);
    tu_write(dir, "s.json", text, path, sizeof path);
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

/* The value of indicator `index` in `year` with the given growth rates. */
static double project_with(const char *gdp_growth, const char *pop_growth, size_t index, int year)
{
    fixture f;
    double v = NAN;
    if (setup(&f, gdp_growth, pop_growth)) {
        ts_projection *proj = NULL;
        ts_error err;
        if (CHECK(ts_projection_create(f.plan, f.sc, NULL, &proj, &err) == TS_OK))
            v = ts_projection_value(proj, index, year);
        ts_projection_free(proj);
    }
    teardown(&f);
    return v;
}

static void test_feed_back(void)
{
    fixture f;
    if (!setup(&f, "0.066", "0.0098")) {
        teardown(&f);
        return;
    }
    ts_required_list *list = NULL;
    ts_error err;
    /* pc depends on gdp and pop (growth) and fx (a level: not solved). */
    if (CHECK(ts_required_list_create(f.p, 3, &list, &err) == TS_OK) && CHECK(list->n == 2)) {
        const ts_required_driver *req = list->drivers;
        CHECK_INT(req[0].driver, 0);
        CHECK_INT(req[1].driver, 1);
        char rate[64];
        snprintf(rate, sizeof rate, "%.17g", req[0].rate);
        fprintf(stderr, "  pc needs gdp growth %s\n", rate);
        CHECK_NEAR_REL(project_with(rate, "0.0098", 3, 2025), 20000, 1e-9);
        snprintf(rate, sizeof rate, "%.17g", req[1].rate);
        fprintf(stderr, "  pc needs population growth %s\n", rate);
        CHECK(req[1].rate < 0); /* a negative power: the population must shrink */
        CHECK_NEAR_REL(project_with("0.066", rate, 3, 2025), 20000, 1e-9);
    }
    ts_required_list_free(list);
    /* A growth-driven indicator: its own growth, net of deflator and shock. */
    if (CHECK(ts_required_list_create(f.p, 0, &list, &err) == TS_OK) && CHECK(list->n == 1) &&
        CHECK(list->drivers[0].driver == 0)) {
        double r = list->drivers[0].rate;
        char rate[64];
        snprintf(rate, sizeof rate, "%.17g", r);
        CHECK_NEAR_REL(project_with(rate, "0.0098", 0, 2025), 7000, 1e-9);
        /* Closed form: 5121.61 * prod((1 + r + s_t) * 1.0198) = 7000. */
        double v = 5121.61;
        for (int t = 2022; t <= 2025; t++)
            v *= (1 + r + (t == 2023 ? -0.02 : 0)) * 1.0198;
        CHECK_NEAR_REL(v, 7000, 1e-9);
    }
    ts_required_list_free(list);
    /* An additive driver is no growth: nothing to solve. */
    if (CHECK(ts_required_list_create(f.p, 4, &list, &err) == TS_OK))
        CHECK(list->n == 0 && !list->drivers);
    ts_required_list_free(list);
    teardown(&f);
}

static void test_observed_target_year(void)
{
    /* As of 2025 the target year is observed: no rate can change it. */
    ts_error err;
    ts_plan *plan = tu_plan("{'id': 'p', 'base_year': 2020, 'target_year': 2022,"
                            " 'indicators': {'x': {'baseline': 10, 'actual': {'2022': 12},"
                            " 'target': {'value': 20}}}}",
                            &err);
    char path[512];
    tu_write(dir, "o.json", "{'id': 'o', 'assumptions': {'x': {'growth': 0.05}}}", path,
             sizeof path);
    ts_scenario *sc = NULL;
    ts_projector *p = NULL;
    ts_required_list *list = NULL;
    if (CHECK(plan && ts_scenario_load(plan, path, &sc, &err) == TS_OK) &&
        CHECK(ts_projector_create(plan, sc, NULL, &p, &err) == TS_OK) &&
        CHECK(ts_required_list_create(p, 0, &list, &err) == TS_OK) && CHECK(list->n == 1))
        CHECK(isnan(list->drivers[0].rate));
    ts_required_list_free(list);
    ts_projector_free(p);
    ts_scenario_free(sc);
    ts_plan_free(plan);
}

int main(void)
{
    ts_library_init();
    tu_tempdir(dir, sizeof dir);
    test_feed_back();
    test_observed_target_year();
    tu_rmtree(dir);
    return check_done();
}
