/* test_backtest.c - every scenario projected from the base year against the
 * observed years (sim/analysis/backtest.c, sim/report/report_backtest.c). A small plan whose
 * errors are computed here by hand:
 *   error = projected - observed, relative = error / observed,
 *   MAPE = mean |relative| over the observed years after the base year. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testutil.h"

static char dir[256];

/* g: observed 2021, 2022, 2024 (2023 interpolated, not compared);
 * zero: observed 0 in 2022 (no relative error); p: observed 2021;
 * gp = g / p; f: a fit window that reaches past the base year in "a". */
static const char *const PLAN =
    "{'id': 'bt', 'base_year': 2020, 'target_year': 2025, 'horizon': 2026, 'indicators': {"
    " 'g': {'baseline': 100, 'actual': {'2021': 104, '2022': 110, '2024': 120},"
    "       'target': {'value': 130}},"
    " 'zero': {'baseline': 50, 'actual': {'2022': 0}},"
    " 'p': {'baseline': 10, 'actual': {'2021': 10.5}},"
    " 'gp': {'derived': {'factors': {'g': 1, 'p': -1}}},"
    " 'f': {'baseline': 20, 'history': {'2018': 18, '2019': 19},"
    "       'actual': {'2021': 21, '2022': 22.5}}}}";

enum { G, ZERO, P, GP, F, N_IND };

static ts_plan *plan;
static ts_scenario *scen[2];

static ts_run *make_run(int as_of)
{
    ts_project_options opt = {0, as_of};
    ts_run *run = NULL;
    ts_error err;
    if (!CHECK(ts_run_create(plan, (const ts_scenario *const *)scen, 2, &opt, &run, &err) ==
               TS_OK) ||
        !CHECK(ts_run_backtest(run, &err) == TS_OK)) {
        fprintf(stderr, "  %s: %s: %s\n", err.file, err.path, err.message);
        ts_run_free(run);
        return NULL;
    }
    return run;
}

/* Checks point k of a cell against the observed and projected values. */
static void check_point(int line, const ts_backtest_cell *c, size_t k, int year, double observed,
                        double projected)
{
    int fails = check_failures;
    if (!CHECK(k < c->n))
        return;
    const ts_backtest_point *p = &c->points[k];
    CHECK_INT(p->year, year);
    CHECK_NEAR(p->observed, observed);
    CHECK_NEAR(p->projected, projected);
    CHECK_NEAR_REL(p->error, projected - observed, 1e-11);
    if (observed != 0)
        CHECK_NEAR_REL(p->relative_error, (projected - observed) / observed, 1e-11);
    else
        CHECK(isnan(p->relative_error));
    if (check_failures > fails)
        fprintf(stderr, "  (in check_point called from line %d)\n", line);
}

static void test_errors(void)
{
    ts_run *run = make_run(TS_AS_OF_LATEST);
    if (!run)
        return;
    const ts_backtest *bt = run->backtest;
    CHECK_INT(bt->from_year, 2020);
    CHECK_INT(bt->n_scenarios, 2);
    CHECK_INT(bt->n_indicators, N_IND);

    /* g under a (+5 %): 105, 110.25, 121.550625 against 104, 110, 120. */
    const ts_backtest_cell *a = ts_backtest_cell_at(bt, 0, G);
    CHECK_INT(a->n, 3);
    check_point(__LINE__, a, 0, 2021, 104, 105);
    check_point(__LINE__, a, 1, 2022, 110, 110.25);
    check_point(__LINE__, a, 2, 2024, 120, 121.550625);
    double mape_a = (1.0 / 104 + 0.25 / 110 + 1.550625 / 120) / 3;
    CHECK_NEAR(a->mape, mape_a);
    /* g under b (+3 %): 103, 106.09, 112.550881. */
    const ts_backtest_cell *b = ts_backtest_cell_at(bt, 1, G);
    check_point(__LINE__, b, 0, 2021, 104, 103);
    check_point(__LINE__, b, 1, 2022, 110, 106.09);
    check_point(__LINE__, b, 2, 2024, 120, 112.550881);
    double mape_b = (1.0 / 104 + 3.91 / 110 + 7.449119 / 120) / 3;
    CHECK_NEAR(b->mape, mape_b);
    CHECK(a->closest && !b->closest);
    CHECK(!a->in_sample && !b->in_sample);

    /* An observed 0 has no relative error; with no other year, no MAPE. */
    const ts_backtest_cell *z = ts_backtest_cell_at(bt, 0, ZERO);
    CHECK_INT(z->n, 1);
    check_point(__LINE__, z, 0, 2022, 0, 1);
    CHECK(isnan(z->mape) && !z->closest && !ts_backtest_cell_at(bt, 1, ZERO)->closest);

    /* p: the same path in both scenarios, so both are closest. */
    check_point(__LINE__, ts_backtest_cell_at(bt, 0, P), 0, 2021, 10.5, 10.2);
    CHECK(ts_backtest_cell_at(bt, 0, P)->closest && ts_backtest_cell_at(bt, 1, P)->closest);

    /* gp is observed where both inputs are: 2021 only. */
    const ts_backtest_cell *gp = ts_backtest_cell_at(bt, 1, GP);
    CHECK_INT(gp->n, 1);
    check_point(__LINE__, gp, 0, 2021, 104 / 10.5, 103 / 10.2);

    /* f: fitted on 2018-2022 in a (in sample), +1 a year in b. */
    double r = scen[0]->assumptions[F].fit.rate;
    const ts_backtest_cell *fa = ts_backtest_cell_at(bt, 0, F);
    CHECK(fa->in_sample && !ts_backtest_cell_at(bt, 1, F)->in_sample);
    check_point(__LINE__, fa, 0, 2021, 21, 20 * (1 + r));
    check_point(__LINE__, fa, 1, 2022, 22.5, 20 * (1 + r) * (1 + r));
    check_point(__LINE__, ts_backtest_cell_at(bt, 1, F), 1, 2022, 22.5, 22);
    ts_run_free(run);

    /* As of 2021: only 2021 is observed, so only 2021 is compared. */
    run = make_run(2021);
    if (run) {
        a = ts_backtest_cell_at(run->backtest, 0, G);
        CHECK_INT(a->n, 1);
        CHECK_NEAR(a->mape, 1.0 / 104);
        CHECK_INT(ts_backtest_cell_at(run->backtest, 0, ZERO)->n, 0);
        ts_run_free(run);
    }
}

static void test_reports(void)
{
    ts_run *run = make_run(TS_AS_OF_LATEST);
    if (!run)
        return;
    ts_buffer json = {0}, csv = {0}, text = {0};
    ts_error err;
    CHECK_INT(ts_report_render_json(run, &json, &err), TS_OK);
    CHECK_INT(ts_report_render_backtest_csv(run, &csv, &err), TS_OK);
    CHECK_INT(ts_report_render_text(run, TS_LANG_EN, &text, &err), TS_OK);
    cJSON *root = cJSON_Parse(json.data);
    const cJSON *bt = cJSON_GetObjectItemCaseSensitive(root, "backtest");
    if (CHECK(cJSON_IsObject(bt))) {
        CHECK(cJSON_GetObjectItemCaseSensitive(bt, "from_year")->valuedouble == 2020);
        const cJSON *inds = cJSON_GetObjectItemCaseSensitive(bt, "indicators");
        CHECK_INT(cJSON_GetArraySize(inds), N_IND); /* every one is observed after 2020 */
        const cJSON *g = cJSON_GetArrayItem(inds, 0);
        CHECK_STR(cJSON_GetObjectItemCaseSensitive(g, "id")->valuestring, "g");
        const cJSON *closest = cJSON_GetObjectItemCaseSensitive(g, "closest_scenarios");
        CHECK(cJSON_GetArraySize(closest) == 1);
        CHECK_STR(cJSON_GetArrayItem(closest, 0)->valuestring, "a");
        const cJSON *ga = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(g, "scenarios"), 0);
        const cJSON *e1 = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(ga, "errors"), 1);
        CHECK_NEAR(cJSON_GetObjectItemCaseSensitive(e1, "error")->valuedouble, 0.25);
        CHECK_NEAR(cJSON_GetObjectItemCaseSensitive(e1, "relative_error")->valuedouble, 0.25 / 110);
        /* The path runs from 2020 to the last compared year, 2024. */
        const cJSON *path = cJSON_GetObjectItemCaseSensitive(ga, "path");
        CHECK_INT(cJSON_GetArraySize(path), 5);
        CHECK_NEAR(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(path, 3), "value")
                       ->valuedouble,
                   100 * pow(1.05, 3));
        const cJSON *z = cJSON_GetArrayItem(inds, 1);
        const cJSON *za = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(z, "scenarios"), 0);
        CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(za, "mape")));
        CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(z, "closest_scenarios")), 0);
    }
    cJSON_Delete(root);
    /* 2 scenarios x (3 + 1 + 1 + 1 + 2) observed points, and a header. */
    int lines = 0;
    for (const char *p = csv.data; *p; p++)
        lines += *p == '\n';
    CHECK_INT(lines, 1 + 2 * 8);
    CHECK_HAS(csv.data, "scenario,indicator,year,observed,projected,error,relative_error,mape,"
                        "closest,in_sample\r\n");
    CHECK_HAS(csv.data, "a,g,2022,110,110.25,0.25,");
    CHECK_HAS(csv.data, "a,zero,2022,0,1,1,,,false,false\r\n");
    CHECK_HAS(text.data, "Backtest: every scenario projected from 2020");
    CHECK_HAS(text.data, "+1.0%"); /* g, a, 2021: 1 / 104 */
    CHECK_HAS(text.data, "closest");
    CHECK_HAS(text.data, "in sample");
    ts_buffer_free(&json);
    ts_buffer_free(&csv);
    ts_buffer_free(&text);
    ts_run_free(run);
}

int main(void)
{
    ts_error err;
    tu_tempdir(dir, sizeof dir);
    plan = tu_plan(PLAN, &err);
    char a[512], b[512];
    tu_write(dir, "a.json",
             "{'id': 'a', 'assumptions': {'g': {'growth': 0.05}, 'zero': {'level': 1},"
             " 'p': {'growth': 0.02}, 'f': {'growth': {'fit': [2018, 2022]}}}}",
             a, sizeof a);
    tu_write(dir, "b.json",
             "{'id': 'b', 'assumptions': {'g': {'growth': 0.03}, 'zero': {'level': 2},"
             " 'p': {'growth': 0.02}, 'f': {'add': 1}}}",
             b, sizeof b);
    if (CHECK(plan != NULL) && CHECK(ts_scenario_load(plan, a, &scen[0], &err) == TS_OK) &&
        CHECK(ts_scenario_load(plan, b, &scen[1], &err) == TS_OK)) {
        test_errors();
        test_reports();
    } else {
        fprintf(stderr, "setup: %s: %s: %s\n", err.file, err.path, err.message);
    }
    ts_scenario_free(scen[0]);
    ts_scenario_free(scen[1]);
    ts_plan_free(plan);
    tu_rmtree(dir);
    return check_done();
}
