/* test_compare.c - scenarios against a reference scenario (sim/analysis/compare.c,
 * sim/report/report_compare.c). Expected values are the paths' closed forms:
 * value difference = v_T - v_T(reference), relative = that / v_T(reference),
 * attainment difference = year - year(reference) when both exist. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testutil.h"

static char dir[256];

/* g: 100 in 2020, target 150 in 2025, revised to 160 by 2028; n: an input. */
static const char *const PLAN =
    "{'id': 'cmp', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030, 'indicators': {"
    " 'g': {'baseline': 100, 'target': {'value': 150},"
    "       'revisions': [{'value': 160, 'year': 2028}]},"
    " 'n': {'baseline': 5},"
    " 'k': {'baseline': 10, 'target': {'value': 20}}}}";

enum { G, N, K };

static ts_plan *plan;
static ts_scenario *scen[3];

static ts_run *make_run(void)
{
    ts_run *run = NULL;
    ts_error err;
    if (!CHECK(ts_run_create(plan, (const ts_scenario *const *)scen, 3, NULL, &run, &err) ==
               TS_OK))
        fprintf(stderr, "  %s: %s\n", err.path, err.message);
    return run;
}

static void test_unknown(void)
{
    ts_run *run = make_run();
    if (!run)
        return;
    ts_error err;
    CHECK_INT(ts_run_compare(run, "fast", &err), TS_EUSAGE);
    CHECK_STR(err.path, "scenario_id");
    CHECK_STR(err.message, "\"fast\": no scenario of this run has that id (mid, high, low)");
    CHECK(run->comparison == NULL);
    ts_run_free(run);
}

static void test_rows(void)
{
    ts_run *run = make_run();
    ts_error err;
    if (!run || !CHECK(ts_run_compare(run, "mid", &err) == TS_OK))
        goto out;
    const ts_comparison *cmp = run->comparison;
    CHECK_INT(cmp->reference, 0);
    /* 2 other scenarios x (g, g revised, k); n has no target. */
    CHECK_INT(cmp->n_rows, 6);
    double mid = 100 * pow(1.08, 5), high = 100 * pow(1.10, 5), low = 100 * pow(1.02, 5);
    const ts_comparison_row *row = &cmp->rows[0];
    CHECK_INT(row->scenario, 1);
    CHECK_INT(row->indicator, G);
    CHECK_INT(row->revision, 0);
    CHECK_NEAR(row->value, high);
    CHECK_NEAR(row->reference_value, mid);
    CHECK_NEAR_REL(row->value_difference, high - mid, 1e-11);
    CHECK_NEAR_REL(row->relative_difference, (high - mid) / mid, 1e-11);
    /* 1.1^5 = 1.61 >= 1.5: 2025; 1.08^6 = 1.587, 1.08^5 = 1.469: 2026. */
    CHECK_INT(row->attainment_year, 2025);
    CHECK_INT(row->reference_attainment_year, 2026);
    CHECK(row->attainment_difference == -1);
    CHECK(isnan(row->probability) && isnan(row->reference_probability) &&
          isnan(row->probability_difference));
    /* The revision: 160 by 2028. */
    row = &cmp->rows[1];
    CHECK_INT(row->revision, 1);
    CHECK_NEAR_REL(row->value_difference, 100 * (pow(1.10, 8) - pow(1.08, 8)), 1e-11);
    /* 1.1^5 = 1.611 >= 1.6: 2025; 1.08^7 = 1.714: 2027. */
    CHECK_INT(row->attainment_year, 2025);
    CHECK_INT(row->reference_attainment_year, 2027);
    /* k: +1 a year (reference), +3 a year (high), +0.5 (low). */
    row = &cmp->rows[2];
    CHECK_INT(row->indicator, K);
    CHECK_NEAR(row->value_difference, 25 - 15);
    CHECK_NEAR(row->relative_difference, 10.0 / 15);
    CHECK_INT(row->reference_attainment_year, 2030); /* 10 + 10 */
    CHECK_INT(row->attainment_year, 2024);           /* 10 + 12 */
    /* low never reaches 150 by 2030 (1.02^10 = 1.22): no difference in years. */
    row = &cmp->rows[3];
    CHECK_INT(row->scenario, 2);
    CHECK_NEAR_REL(row->value_difference, low - mid, 1e-11);
    CHECK_INT(row->attainment_year, 0);
    CHECK(isnan(row->attainment_difference));
out:
    ts_run_free(run);
}

static void test_reports(void)
{
    ts_run *run = make_run();
    ts_error err;
    if (!run || !CHECK(ts_run_compare(run, "high", &err) == TS_OK))
        goto out;
    ts_buffer json = {0}, csv = {0}, text = {0};
    CHECK_INT(ts_report_render_json(run, &json, &err), TS_OK);
    CHECK_INT(ts_report_render_compare_csv(run, &csv, &err), TS_OK);
    CHECK_INT(ts_report_render_text(run, TS_LANG_EN, &text, &err), TS_OK);
    cJSON *root = cJSON_Parse(json.data);
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(root, "comparison");
    if (CHECK(cJSON_IsObject(c))) {
        CHECK_STR(cJSON_GetObjectItemCaseSensitive(c, "reference")->valuestring, "high");
        const cJSON *rows = cJSON_GetObjectItemCaseSensitive(c, "rows");
        CHECK_INT(cJSON_GetArraySize(rows), 6);
        const cJSON *r0 = cJSON_GetArrayItem(rows, 0);
        CHECK_STR(cJSON_GetObjectItemCaseSensitive(r0, "scenario")->valuestring, "mid");
        CHECK_NEAR(cJSON_GetObjectItemCaseSensitive(r0, "value_difference")->valuedouble,
                   100 * (pow(1.08, 5) - pow(1.10, 5)));
        CHECK(cJSON_GetObjectItemCaseSensitive(r0, "attainment_year_difference")->valuedouble ==
              1);
        CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(r0, "probability")));
        CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(r0, "probability_difference")));
        const cJSON *low = cJSON_GetArrayItem(rows, 3);
        CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(low, "attainment_year")));
        CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(low, "attainment_year_difference")));
    }
    cJSON_Delete(root);
    int lines = 0;
    for (const char *p = csv.data; *p; p++)
        lines += *p == '\n';
    CHECK_INT(lines, 1 + 6);
    CHECK_HAS(csv.data, "high,mid,k,0,20,at_least,2025,15,25,-10,-0.4,2030,2024,6,,,\r\n");
    CHECK_HAS(text.data, "Comparison with scenario: high [high]");
    CHECK_HAS(text.data, "(reference)");
    CHECK_HAS(text.data, "-10 (-40.0%)");
    CHECK_HAS(text.data, "(revised 2028)");
    ts_buffer_free(&json);
    ts_buffer_free(&csv);
    ts_buffer_free(&text);
out:
    ts_run_free(run);
}

int main(void)
{
    ts_error err;
    tu_tempdir(dir, sizeof dir);
    plan = tu_plan(PLAN, &err);
    static const char *const TEXTS[3] = {
        "{'id': 'mid', 'assumptions': {'g': {'growth': 0.08}, 'n': {'level': 5}, 'k': {'add': 1}}}",
        "{'id': 'high', 'assumptions': {'g': {'growth': 0.10}, 'n': {'level': 6},"
        " 'k': {'add': 3}}}",
        "{'id': 'low', 'assumptions': {'g': {'growth': 0.02}, 'n': {'level': 4},"
        " 'k': {'add': 0.5}}}"};
    int ok = CHECK(plan != NULL);
    for (int s = 0; ok && s < 3; s++) {
        char file[512], name[32];
        snprintf(name, sizeof name, "s%d.json", s);
        tu_write(dir, name, TEXTS[s], file, sizeof file);
        ok = CHECK(ts_scenario_load(plan, file, &scen[s], &err) == TS_OK);
    }
    if (ok) {
        test_unknown();
        test_rows();
        test_reports();
    } else {
        fprintf(stderr, "setup: %s: %s: %s\n", err.file, err.path, err.message);
    }
    for (int s = 0; s < 3; s++)
        ts_scenario_free(scen[s]);
    ts_plan_free(plan);
    tu_rmtree(dir);
    return check_done();
}
