/* test_revision.c - revised targets (sim/load/plan.c "revisions", sim/engine/revision.c)
 * and the growth needed by a later year (sim/analysis/needed_by.c), with their place
 * in the reports. Expected values are the formulas of assess.h written out:
 *   required = (x / v_a)^(1/(T - a)) - 1, scenario = (v_T / v_a)^(1/(T - a)) - 1,
 *   needed by BY = (x / v_a)^(1/(BY - a)) - 1. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testutil.h"

static char dir[256];

/* gdp: observed to its target year 2025, revised twice (150 by 2027, 130 by
 * 2026); cut: a falling target revised once, inheriting its direction. */
static const char *const PLAN =
    "{'id': 'r', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030, 'indicators': {"
    " 'gdp': {'baseline': 100,"
    "         'actual': {'2021': 104, '2022': 110, '2023': 115, '2024': 118, '2025': 121},"
    "         'target': {'value': 150, 'source': 'the plan'},"
    "         'revisions': [{'value': 150, 'year': 2027, 'source': 'a later statement'},"
    "                       {'value': 130, 'year': 2026}]},"
    " 'cut': {'baseline': 50, 'target': {'value': 40, 'direction': 'at_most'},"
    "         'revisions': [{'value': 45, 'year': 2028}]},"
    " 'pop': {'baseline': 10}}}";

enum { GDP, CUT, POP };

static ts_plan *plan;
static ts_scenario *scen;

static void test_parse(void)
{
    const ts_indicator *gdp = &plan->indicators[GDP], *cut = &plan->indicators[CUT];
    CHECK_INT(gdp->n_revisions, 2);
    CHECK(gdp->target.present && gdp->target.year == 2025 && gdp->target.value == 150);
    CHECK(gdp->revisions[0].target.present);
    CHECK(gdp->revisions[0].target.value == 150);
    CHECK_INT(gdp->revisions[0].target.year, 2027);
    CHECK_INT(gdp->revisions[0].target.direction, TS_AT_LEAST);
    CHECK_STR(gdp->revisions[0].target.source.en, "a later statement");
    CHECK(gdp->revisions[1].target.source.en == NULL);
    CHECK_INT(gdp->revisions[1].target.year, 2026);
    CHECK_INT(cut->n_revisions, 1);
    CHECK_INT(cut->revisions[0].target.direction, TS_AT_MOST); /* the primary's */
    CHECK_INT(plan->indicators[POP].n_revisions, 0);
    CHECK_INT(ts_plan_last_target_year(plan), 2028);
}

#define EXPECT_PLAN_ERROR(ind, path, message) expect_plan_error(__LINE__, ind, path, message)

/* A plan whose only indicator is `ind` must fail at `path` with `message`. */
static void expect_plan_error(int line, const char *ind, const char *path, const char *message)
{
    char text[1024];
    snprintf(text, sizeof text,
             "{'id': 'e', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030,"
             " 'indicators': {'x': %s}}",
             ind);
    ts_error err;
    ts_plan *p = tu_plan(text, &err);
    int ok = !p && err.code == TS_EINPUT && strcmp(err.path, path) == 0 &&
             strstr(err.message, message) != NULL;
    check_count++;
    if (!ok) {
        char what[2048];
        snprintf(what, sizeof what, "got \"%s\", \"%s\"; expected \"%s\" with \"%s\"", err.path,
                 err.message, path, message);
        check_fail(__FILE__, line, what);
    }
    ts_plan_free(p);
}

static void test_parse_errors(void)
{
    EXPECT_PLAN_ERROR("{'baseline': 1, 'revisions': [{'value': 2, 'year': 2027}]}",
                      "indicators.x.revisions",
                      "revisions revise the indicator's target; give a numeric \"target\" too");
    EXPECT_PLAN_ERROR("{'baseline': 1, 'target': {'value': 2}, 'revisions': [{'value': 2}]}",
                      "indicators.x.revisions[0].year",
                      "missing (the year of the revised target)");
    EXPECT_PLAN_ERROR("{'baseline': 1, 'target': {'value': 2},"
                      " 'revisions': [{'value': 2, 'year': 2020}]}",
                      "indicators.x.revisions[0].year",
                      "target year 2020 is outside [2021, 2030]");
    EXPECT_PLAN_ERROR("{'baseline': 1, 'target': {'value': 2},"
                      " 'revisions': [{'value': 2, 'year': 2031}]}",
                      "indicators.x.revisions[0].year", "target year 2031 is outside");
    EXPECT_PLAN_ERROR("{'baseline': 1, 'target': {'value': 2},"
                      " 'revisions': [{'value': 2, 'year': 2027}, {'value': 3, 'year': 2027}]}",
                      "indicators.x.revisions[1].year",
                      "year 2027 is already revised by indicators.x.revisions[0]");
    EXPECT_PLAN_ERROR("{'baseline': 1, 'target': {'value': 2}, 'revisions': []}",
                      "indicators.x.revisions",
                      "expected a list of 1 to 16 revised targets, got an empty list");
    EXPECT_PLAN_ERROR("{'baseline': 1, 'target': {'value': 2},"
                      " 'revisions': {'value': 2, 'year': 2027}}",
                      "indicators.x.revisions", "expected a list of 1 to 16 revised targets");
    EXPECT_PLAN_ERROR("{'baseline': 1, 'target': {'value': 2},"
                      " 'revisions': [{'value': 2, 'year': 2027, 'when': 1}]}",
                      "indicators.x.revisions[0].when", "unknown field \"when\"");
    EXPECT_PLAN_ERROR("{'baseline': 1, 'target': {'value': 2}, 'revisions': [{'year': 2027}]}",
                      "indicators.x.revisions[0]",
                      "missing: give one of value, change, change_pct, growth_pct, multiple, text");
    EXPECT_PLAN_ERROR("{'baseline': 1, 'target': {'value': 2},"
                      " 'revisions': [{'value': 2, 'year': 2027, 'direction': 'more'}]}",
                      "indicators.x.revisions[0].direction",
                      "expected one of at_least, above, at_most, below, about, got \"more\"");
    EXPECT_PLAN_ERROR("{'baseline': 1, 'target': {'value': 2}, 'revisions': [3]}",
                      "indicators.x.revisions[0]", "expected an object");
    EXPECT_PLAN_ERROR("{'baseline': 1, 'target': {'value': 2},"
                      " 'revisions': [{'value': 2, 'year': 2027, 'source': 7}]}",
                      "indicators.x.revisions[0].source", "");
}

static ts_run *make_run(void)
{
    ts_run *run = NULL;
    ts_error err;
    const ts_scenario *list[] = {scen};
    if (!CHECK(ts_run_create(plan, list, 1, NULL, &run, &err) == TS_OK))
        fprintf(stderr, "  run: %s: %s\n", err.path, err.message);
    return run;
}

static void test_assess(void)
{
    ts_run *run = make_run();
    if (!run)
        return;
    const ts_scenario_result *r = &run->results[0];
    CHECK(r->revisions[POP] == NULL);
    /* The primary GDP target is observed: missed, as before. */
    const ts_assessment *a = &r->assessments[GDP];
    CHECK_INT(a->revision, 0);
    CHECK_INT(a->status, TS_MISSED);
    /* 150 by 2027 from 121 (2025), the path growing 10 %. */
    a = &r->revisions[GDP][0];
    CHECK_INT(a->revision, 1);
    CHECK_INT(a->target_year, 2027);
    CHECK(!a->retrospective);
    CHECK_NEAR(a->value_at_target_year, 121 * 1.1 * 1.1);
    CHECK_NEAR(a->required_growth, pow(150.0 / 121, 1.0 / 2) - 1);
    CHECK_NEAR(a->scenario_growth, 0.1);
    CHECK_INT(a->status, TS_MODERATE); /* R = 0.1 / 0.1134 = 0.88 */
    CHECK_INT(a->attainment_year, 2028); /* 121 * 1.1^3 = 161.05 */
    /* 130 by 2026: 121 * 1.1 = 133.1 meets it. */
    a = &r->revisions[GDP][1];
    CHECK_INT(a->revision, 2);
    CHECK_INT(a->status, TS_ON_TRACK);
    CHECK_INT(a->attainment_year, 2026);
    /* cut: at most 45 by 2028, 50 * 0.98^8 = 42.54. */
    a = &r->revisions[CUT][0];
    CHECK_INT(a->direction, TS_AT_MOST);
    CHECK_NEAR(a->value_at_target_year, 50 * pow(0.98, 8));
    CHECK_INT(a->status, TS_ON_TRACK);
    CHECK_INT(a->attainment_year, 2026); /* 50 * 0.98^6 = 44.29 */
    /* cut's own 2025 target: gdp is observed in 2025, so 2025 is the
     * evaluation year and a 2025 figure of cut is due but not there:
     * pending data, whatever the scenario says (45.2 > 40). */
    CHECK_INT(r->assessments[CUT].status, TS_PENDING_DATA);
    CHECK(!r->assessments[CUT].attained);
    ts_run_free(run);

    /* A horizon before the last revised target year is refused. */
    ts_projection *proj = NULL;
    ts_error err;
    ts_project_options opt = {2027, TS_AS_OF_LATEST};
    CHECK_INT(ts_projection_create(plan, scen, &opt, &proj, &err), TS_EUSAGE);
    CHECK_STR(err.path, "horizon");
    CHECK_HAS(err.message, "2027 is outside [2028, 2220]");
}

static void test_needed_by(void)
{
    ts_run *run = make_run();
    if (!run)
        return;
    ts_error err;
    /* gdp is observed to 2025, cut and pop only in the base year. */
    CHECK_INT(ts_run_indicator_as_of(run, GDP), 2025);
    CHECK_INT(ts_run_indicator_as_of(run, CUT), 2020);
    CHECK_INT(ts_run_indicator_as_of(run, POP), 2020);
    CHECK_INT(ts_run_latest_as_of(run), 2025);
    CHECK_INT(ts_run_set_by_year(run, 2025, &err), TS_EUSAGE);
    CHECK_STR(err.path, "by_year");
    CHECK_STR(err.message, "2025 is not after the latest observed year 2025");
    CHECK_INT(run->by_year, 0);
    CHECK_INT(ts_run_set_by_year(run, 2029, &err), TS_OK);
    CHECK_INT(run->by_year, 2029);
    const ts_scenario_result *r = &run->results[0];
    CHECK_INT(r->assessments[GDP].by_year, 2029);
    CHECK_NEAR(r->assessments[GDP].needed_growth_by, pow(150.0 / 121, 1.0 / 4) - 1);
    CHECK_NEAR(r->revisions[GDP][1].needed_growth_by, pow(130.0 / 121, 1.0 / 4) - 1);
    /* cut is observed only in 2020: from there, nine years. */
    CHECK_NEAR(r->assessments[CUT].needed_growth_by, pow(40.0 / 50, 1.0 / 9) - 1);
    CHECK(isnan(r->assessments[POP].needed_growth_by)); /* no target */
    ts_run_free(run);

    /* Before the as-of year of an indicator there is no rate. */
    ts_project_options opt = {0, 2023};
    const ts_scenario *list[] = {scen};
    if (CHECK(ts_run_create(plan, list, 1, &opt, &run, &err) == TS_OK)) {
        CHECK_INT(ts_run_set_by_year(run, 2024, &err), TS_OK);
        CHECK_NEAR(run->results[0].assessments[GDP].needed_growth_by, 150.0 / 115 - 1);
        ts_run_free(run);
    }
}

static const cJSON *item(const cJSON *o, const char *key)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!it)
        fprintf(stderr, "  missing key %s\n", key);
    return it;
}

static double num(const cJSON *o, const char *key)
{
    const cJSON *it = item(o, key);
    return cJSON_IsNumber(it) ? it->valuedouble : NAN;
}

static void test_reports(void)
{
    ts_run *run = make_run();
    ts_error err;
    if (!run || !CHECK(ts_run_set_by_year(run, 2029, &err) == TS_OK))
        goto out;
    ts_buffer json = {0}, csv = {0}, text = {0};
    CHECK_INT(ts_report_render_json(run, &json, &err), TS_OK);
    CHECK_INT(ts_report_render_csv(run, &csv, &err), TS_OK);
    CHECK_INT(ts_report_render_text(run, TS_LANG_EN, &text, &err), TS_OK);
    cJSON *root = cJSON_Parse(json.data);
    if (CHECK(root != NULL)) {
        const cJSON *pgdp = cJSON_GetArrayItem(item(item(root, "plan"), "indicators"), GDP);
        const cJSON *prev = cJSON_GetArrayItem(item(pgdp, "revisions"), 0);
        CHECK(num(prev, "value") == 150 && num(prev, "year") == 2027);
        CHECK_STR(item(prev, "direction")->valuestring, "at_least");
        CHECK_STR(item(item(prev, "source"), "en")->valuestring, "a later statement");
        const cJSON *sc = cJSON_GetArrayItem(item(root, "scenarios"), 0);
        const cJSON *gdp = cJSON_GetArrayItem(item(sc, "indicators"), GDP);
        CHECK_NEAR(num(item(gdp, "needed_growth_by"), "rate"), pow(150.0 / 121, 0.25) - 1);
        CHECK(num(item(gdp, "needed_growth_by"), "year") == 2029);
        CHECK_INT(cJSON_GetArraySize(item(gdp, "revisions")), 2);
        const cJSON *rev = cJSON_GetArrayItem(item(gdp, "revisions"), 0);
        CHECK(num(rev, "revision") == 1 && num(rev, "target_year") == 2027);
        CHECK_STR(item(rev, "status")->valuestring, "moderate");
        CHECK_NEAR(num(rev, "required_growth"), pow(150.0 / 121, 0.5) - 1);
        const cJSON *pop = cJSON_GetArrayItem(item(sc, "indicators"), POP);
        CHECK_INT(cJSON_GetArraySize(item(pop, "revisions")), 0);
        CHECK(cJSON_IsNull(item(root, "backtest")) && cJSON_IsNull(item(root, "comparison")));
        cJSON_Delete(root);
    }
    /* One row per target: gdp 1 + 2 revisions, cut 1 + 1; pop has none. */
    int lines = 0;
    for (const char *p = csv.data; p && *p; p++)
        lines += *p == '\n';
    CHECK_INT(lines, 1 + 5);
    CHECK_HAS(csv.data, ",revision,needed_growth_by_year,needed_growth_by,probability,");
    CHECK_HAS(csv.data, ",moderate,,,,,1,2029,");
    CHECK_HAS(text.data, "(revised 2027)");
    CHECK_HAS(text.data, "(revised 2026)");
    CHECK_HAS(text.data, "Needed/yr by 2029");
    CHECK_HAS(text.data, "a later statement");
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
    char file[512];
    tu_write(dir, "s.json",
             "{'id': 's', 'assumptions': {'gdp': {'growth': 0.1}, 'cut': {'growth': -0.02},"
             " 'pop': {'growth': 0}}}",
             file, sizeof file);
    if (CHECK(plan != NULL) && CHECK(ts_scenario_load(plan, file, &scen, &err) == TS_OK)) {
        test_parse();
        test_assess();
        test_needed_by();
        test_reports();
    } else {
        fprintf(stderr, "setup: %s: %s: %s\n", err.file, err.path, err.message);
    }
    test_parse_errors();
    ts_scenario_free(scen);
    ts_plan_free(plan);
    tu_rmtree(dir);
    return check_done();
}
