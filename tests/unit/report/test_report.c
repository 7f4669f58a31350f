/* test_report.c - rendering a run (sim/report_*.c) and writing the files
 * (sim/report/output.c). A small plan under two scenarios; the numbers expected in
 * the reports are the projection and assessment formulas written out. */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "testutil.h"

static char dir[256];

/* gdp observed in 2021; pop a pure input; per_head derived; firms counted. */
static const char *const PLAN =
    "{'id': 'rep', 'name': {'zh': '报告测试', 'en': 'Report test'},"
    " 'base_year': 2020, 'target_year': 2025, 'horizon': 2027, 'indicators': {"
    " 'gdp': {'name': {'zh': '生产总值', 'en': 'Gross product'},"
    "         'unit': {'en': '100 million yuan'}, 'baseline': 4153.25,"
    "         'target': {'value': 10000}, 'actual': {'2021': 5121.61}},"
    " 'pop': {'name': {'en': 'Population'}, 'baseline': 5304061},"
    " 'per_head': {'name': {'en': 'GDP per head'},"
    "              'derived': {'scale': 100000000, 'factors': {'gdp': 1, 'pop': -1}},"
    "              'target': {'value': 150000}},"
    " 'firms': {'name': 'Firms, large', 'baseline': 622, 'target': {'value': 1000}}}}";

enum { N_IND = 4, N_SCEN = 2, N_YEARS = 2027 - 2020 + 1, N_TARGETED = 3 };

static ts_plan *plan;
static ts_scenario *scen[N_SCEN];

/* --- the expected numbers of scenario "fast" ----------------------------- */

static double fast_gdp(int year) /* observed 5121.61 in 2021, then 8 % */
{
    return year == 2020 ? 4153.25 : 5121.61 * pow(1.08, year - 2021);
}

static double fast_pop(int year)
{
    return 5304061 * pow(1.01, year - 2020);
}

static double fast_per_head(int year)
{
    return 1e8 * fast_gdp(year) / fast_pop(year);
}

static double fast_firms(int year)
{
    return 622 + 100.0 * (year - 2020);
}

/* --- helpers -------------------------------------------------------------- */

static ts_run *make_run(int as_of)
{
    ts_project_options opt = {0, as_of};
    ts_run *run = NULL;
    ts_error err;
    if (!CHECK(ts_run_create(plan, (const ts_scenario *const *)scen, N_SCEN, &opt, &run, &err) ==
               TS_OK))
        fprintf(stderr, "  run: %s: %s: %s\n", err.file, err.path, err.message);
    return run;
}

static const cJSON *get(const cJSON *obj, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!item)
        fprintf(stderr, "  missing key \"%s\"\n", key);
    return item;
}

static double num(const cJSON *obj, const char *key)
{
    const cJSON *item = get(obj, key);
    return cJSON_IsNumber(item) ? item->valuedouble : NAN;
}

static int is_null(const cJSON *obj, const char *key)
{
    return cJSON_IsNull(get(obj, key));
}

static const cJSON *indicator(const cJSON *root, int s, const char *id)
{
    const cJSON *inds = get(cJSON_GetArrayItem(get(root, "scenarios"), s), "indicators");
    const cJSON *it;
    cJSON_ArrayForEach(it, inds)
        if (cJSON_IsString(get(it, "id")) && strcmp(get(it, "id")->valuestring, id) == 0)
            return it;
    fprintf(stderr, "  no indicator %s in scenario %d\n", id, s);
    return NULL;
}

static int count_lines(const char *text)
{
    int n = 0;
    for (const char *p = text; *p; p++)
        n += *p == '\n';
    return n;
}

/* Splits one CSV record (RFC 4180 quoting) at *p into fields; advances *p
 * past the record's CRLF. Returns the number of fields. */
static int csv_record(const char **p, char fields[][128], int max)
{
    int n = 0;
    const char *s = *p;
    for (;;) {
        char buf[128];
        size_t len = 0;
        if (*s == '"') {
            for (s++; *s && !(*s == '"' && s[1] != '"'); s++) {
                if (*s == '"')
                    s++;
                if (len < sizeof buf - 1)
                    buf[len++] = *s;
            }
            if (*s == '"')
                s++;
        } else {
            while (*s && *s != ',' && *s != '\r' && *s != '\n')
                if (len < sizeof buf - 1)
                    buf[len++] = *s++;
                else
                    s++;
        }
        buf[len] = '\0';
        if (n < max)
            memcpy(fields[n], buf, len + 1);
        n++;
        if (*s != ',')
            break;
        s++;
    }
    if (*s == '\r')
        s++;
    if (*s == '\n')
        s++;
    *p = s;
    return n;
}

static int column(char header[][128], int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(header[i], name) == 0)
            return i;
    fprintf(stderr, "  no column %s\n", name);
    return 0;
}

/* --- report.json ---------------------------------------------------------- */

static const char *const FIELDS[] = {
    "id", "target", "direction", "target_year", "as_of", "baseline", "value_at_as_of",
    "value_at_target_year", "attained", "ratio", "required_growth", "scenario_growth",
    "progress", "attainment_year", "status", "realised_growth", "needed_growth", "shortfall",
    "path"};

static void check_json_plan(const cJSON *root)
{
    const cJSON *p = get(root, "plan");
    CHECK(cJSON_IsString(get(p, "id")) && strcmp(get(p, "id")->valuestring, "rep") == 0);
    CHECK(num(p, "base_year") == 2020);
    CHECK(num(p, "target_year") == 2025);
    CHECK(num(p, "horizon") == 2027);
    CHECK(num(p, "as_of") == 2021); /* the latest observation used */
}

/* Every field of every indicator is there, and numbers are finite or null. */
static void check_json_shape(const cJSON *root)
{
    const cJSON *list = get(root, "scenarios");
    CHECK(cJSON_GetArraySize(list) == N_SCEN);
    const cJSON *sc;
    cJSON_ArrayForEach(sc, list)
    {
        const cJSON *inds = get(sc, "indicators");
        CHECK(cJSON_GetArraySize(inds) == N_IND);
        const cJSON *ind;
        cJSON_ArrayForEach(ind, inds)
        {
            for (size_t f = 0; f < sizeof FIELDS / sizeof FIELDS[0]; f++) {
                const cJSON *item = cJSON_GetObjectItemCaseSensitive(ind, FIELDS[f]);
                if (!CHECK(item != NULL))
                    fprintf(stderr, "  missing field %s\n", FIELDS[f]);
                if (cJSON_IsNumber(item))
                    CHECK(isfinite(item->valuedouble));
            }
            const cJSON *path = get(ind, "path");
            CHECK(cJSON_GetArraySize(path) == N_YEARS);
            const cJSON *pt;
            int year = 2020;
            cJSON_ArrayForEach(pt, path)
            {
                CHECK(num(pt, "year") == year++);
                CHECK(isfinite(num(pt, "value")));
                CHECK(cJSON_IsString(get(pt, "kind")));
            }
        }
    }
}

static void check_json_gdp(const cJSON *root)
{
    const cJSON *g = indicator(root, 0, "gdp");
    double vT = fast_gdp(2025), va = 5121.61, x = 10000;
    CHECK(num(g, "target") == x);
    CHECK_STR(cJSON_GetStringValue(get(g, "direction")), "at_least");
    CHECK(num(g, "target_year") == 2025);
    CHECK(num(g, "as_of") == 2021);
    CHECK(num(g, "baseline") == 4153.25);
    CHECK(num(g, "value_at_as_of") == va);
    CHECK_NEAR(num(g, "value_at_target_year"), vT);
    CHECK(cJSON_IsFalse(get(g, "attained"))); /* 6968 < 10000 */
    CHECK_NEAR(num(g, "ratio"), vT / x);
    CHECK_NEAR(num(g, "required_growth"), pow(x / va, 1.0 / 4) - 1);
    CHECK_NEAR(num(g, "scenario_growth"), pow(vT / va, 1.0 / 4) - 1);
    CHECK_NEAR(num(g, "progress"), (vT - 4153.25) / (x - 4153.25));
    /* 5121.61 * 1.08^6 = 8127 < 10000 in 2027: not within the horizon. */
    CHECK(is_null(g, "attainment_year"));
    /* R = 0.08 / ((10000 / 5121.61)^(1/4) - 1) = 0.08 / 0.182 = 0.44 */
    CHECK_STR(cJSON_GetStringValue(get(g, "status")), "insufficient");
    /* Not retrospective: these are undefined, hence null. */
    CHECK(is_null(g, "realised_growth"));
    CHECK(is_null(g, "needed_growth"));
    CHECK(is_null(g, "shortfall"));
    const cJSON *path = get(g, "path");
    const cJSON *p0 = cJSON_GetArrayItem(path, 0), *p1 = cJSON_GetArrayItem(path, 1),
                *p2 = cJSON_GetArrayItem(path, 2);
    CHECK(num(p0, "value") == 4153.25);
    CHECK_STR(cJSON_GetStringValue(get(p0, "kind")), "observed");
    CHECK(num(p1, "value") == 5121.61);
    CHECK_STR(cJSON_GetStringValue(get(p1, "kind")), "observed");
    CHECK_NEAR(num(p2, "value"), 5121.61 * 1.08);
    CHECK_STR(cJSON_GetStringValue(get(p2, "kind")), "projected");
}

static void check_json_others(const cJSON *root)
{
    /* firms: 622 + 5 * 100 = 1122 >= 1000, first in 2024 (1022; 922 in 2023). */
    const cJSON *f = indicator(root, 0, "firms");
    CHECK(cJSON_IsTrue(get(f, "attained")));
    CHECK_NEAR(num(f, "value_at_target_year"), fast_firms(2025));
    CHECK_NEAR(num(f, "ratio"), 1122.0 / 1000);
    CHECK_NEAR(num(f, "required_growth"), pow(1000.0 / 622, 0.2) - 1);
    CHECK_NEAR(num(f, "scenario_growth"), pow(1122.0 / 622, 0.2) - 1);
    CHECK_NEAR(num(f, "progress"), 500.0 / 378);
    CHECK(num(f, "attainment_year") == 2024);
    CHECK_STR(cJSON_GetStringValue(get(f, "status")), "on_track");

    /* per_head: as of 2020 (pop has no observations). */
    const cJSON *ph = indicator(root, 0, "per_head");
    double va = fast_per_head(2020), vT = fast_per_head(2025), x = 150000;
    CHECK(num(ph, "as_of") == 2020);
    CHECK_NEAR(num(ph, "baseline"), va);
    CHECK_NEAR(num(ph, "value_at_target_year"), vT);
    CHECK_NEAR(num(ph, "required_growth"), pow(x / va, 0.2) - 1);
    CHECK_NEAR(num(ph, "scenario_growth"), pow(vT / va, 0.2) - 1);
    /* R = 0.098 / 0.139 = 0.71 */
    CHECK_STR(cJSON_GetStringValue(get(ph, "status")), "moderate");

    /* pop has no target: every target figure is null. */
    const cJSON *pop = indicator(root, 0, "pop");
    const char *nulls[] = {"target", "direction", "target_year", "attained", "ratio",
                           "required_growth", "scenario_growth", "progress",
                           "attainment_year", "value_at_target_year"};
    for (size_t k = 0; k < sizeof nulls / sizeof nulls[0]; k++)
        if (!CHECK(is_null(pop, nulls[k])))
            fprintf(stderr, "  pop.%s is not null\n", nulls[k]);
    CHECK_STR(cJSON_GetStringValue(get(pop, "status")), "no_target");
    CHECK_NEAR(num(cJSON_GetArrayItem(get(pop, "path"), 7), "value"), fast_pop(2027));

    /* Scenario "slow": gdp at 2 % from 2021. */
    const cJSON *g = indicator(root, 1, "gdp");
    CHECK_NEAR(num(g, "value_at_target_year"), 5121.61 * pow(1.02, 4));
}

static void test_json(void)
{
    ts_run *run = make_run(TS_AS_OF_LATEST);
    if (!run)
        return;
    ts_buffer out = {0};
    ts_error err;
    CHECK_INT(ts_report_render_json(run, &out, &err), TS_OK);
    cJSON *root = cJSON_ParseWithLength(out.data, out.len);
    if (CHECK(root != NULL)) {
        check_json_plan(root);
        check_json_shape(root);
        check_json_gdp(root);
        check_json_others(root);
    }
    cJSON_Delete(root);
    ts_buffer_free(&out);
    ts_run_free(run);
}

static void test_json_as_of_limit(void)
{
    /* As of the base year nothing is observed: gdp is as of 2020 and its
     * 2025 value is the scenario's 4153.25 * 1.08^5. */
    ts_run *run = make_run(2020);
    if (!run)
        return;
    ts_buffer out = {0};
    ts_error err;
    CHECK_INT(ts_report_render_json(run, &out, &err), TS_OK);
    cJSON *root = cJSON_ParseWithLength(out.data, out.len);
    if (CHECK(root != NULL)) {
        const cJSON *g = indicator(root, 0, "gdp");
        CHECK(num(g, "as_of") == 2020);
        CHECK_NEAR(num(g, "value_at_target_year"), 4153.25 * pow(1.08, 5));
        CHECK(num(get(root, "plan"), "as_of") == 2020);
        CHECK(num(get(root, "plan"), "as_of_limit") == 2020);
    }
    cJSON_Delete(root);
    ts_buffer_free(&out);
    ts_run_free(run);
}

/* --- CSV ------------------------------------------------------------------ */

static void test_report_csv(void)
{
    ts_run *run = make_run(TS_AS_OF_LATEST);
    if (!run)
        return;
    ts_buffer out = {0};
    ts_error err;
    CHECK_INT(ts_report_render_csv(run, &out, &err), TS_OK);
    /* A header and one row per scenario and targeted indicator. */
    CHECK_INT(count_lines(out.data), 1 + N_SCEN * N_TARGETED);
    CHECK(strstr(out.data, "\r\n") != NULL);
    static char header[40][128], row[40][128];
    const char *p = out.data;
    int nh = csv_record(&p, header, 40);
    CHECK_STR(header[0], "scenario");
    CHECK_STR(header[1], "indicator");
    int rows = 0, found_gdp = 0, found_firms = 0;
    while (*p) {
        int n = csv_record(&p, row, 40);
        rows++;
        /* Same width as the header: no stray commas from thousands separators. */
        CHECK_INT(n, nh);
        CHECK(strcmp(row[1], "pop") != 0); /* no target, no row */
        if (strcmp(row[0], "fast") == 0 && strcmp(row[1], "gdp") == 0) {
            found_gdp = 1;
            CHECK_STR(row[column(header, nh, "baseline")], "4153.25");
            CHECK_STR(row[column(header, nh, "target")], "10000");
            CHECK_STR(row[column(header, nh, "status")], "insufficient");
            CHECK_STR(row[column(header, nh, "attained")], "false");
            CHECK_STR(row[column(header, nh, "attainment_year")], ""); /* undefined */
            CHECK_STR(row[column(header, nh, "shortfall")], "");
            CHECK_NEAR_REL(atof(row[column(header, nh, "value_at_target_year")]),
                           fast_gdp(2025), 1e-14);
        }
        if (strcmp(row[0], "fast") == 0 && strcmp(row[1], "firms") == 0) {
            found_firms = 1;
            CHECK_STR(row[column(header, nh, "name_en")], "Firms, large");
            CHECK_STR(row[column(header, nh, "value_at_target_year")], "1122");
            CHECK_STR(row[column(header, nh, "attainment_year")], "2024");
        }
        if (strcmp(row[1], "per_head") == 0) /* six digits: 124993.1..., no comma */
            CHECK(strchr(row[column(header, nh, "value_at_target_year")], ',') == NULL);
    }
    CHECK_INT(rows, N_SCEN * N_TARGETED);
    CHECK(found_gdp && found_firms);
    /* The name with a comma is quoted. */
    CHECK_HAS(out.data, ",\"Firms, large\",");
    ts_buffer_free(&out);
    ts_run_free(run);
}

static void test_paths_csv(void)
{
    ts_run *run = make_run(TS_AS_OF_LATEST);
    if (!run)
        return;
    ts_buffer out = {0};
    ts_error err;
    CHECK_INT(ts_report_render_paths_csv(run, &out, &err), TS_OK);
    CHECK_INT(count_lines(out.data), N_SCEN * N_IND * N_YEARS + 1);
    CHECK(strncmp(out.data, "scenario,indicator,year,value,kind\r\n", 36) == 0);
    static char row[8][128];
    const char *p = strchr(out.data, '\n') + 1;
    int checked = 0;
    while (*p) {
        int n = csv_record(&p, row, 8);
        CHECK_INT(n, 5);
        if (strcmp(row[0], "fast") == 0 && strcmp(row[1], "per_head") == 0) {
            int year = atoi(row[2]);
            CHECK_NEAR_REL(atof(row[3]), fast_per_head(year), 1e-14);
            CHECK_STR(row[4], year == 2020 ? "observed" : "projected");
            checked++;
        }
        if (strcmp(row[0], "fast") == 0 && strcmp(row[1], "gdp") == 0 &&
            strcmp(row[2], "2021") == 0)
            CHECK_STR(row[4], "observed");
    }
    CHECK_INT(checked, N_YEARS);
    ts_buffer_free(&out);
    ts_run_free(run);
}

/* --- report.txt ----------------------------------------------------------- */

static void test_text(void)
{
    ts_run *run = make_run(TS_AS_OF_LATEST);
    if (!run)
        return;
    ts_buffer out = {0};
    ts_error err;
    CHECK_INT(ts_report_render_text(run, TS_LANG_EN, &out, &err), TS_OK);
    CHECK_HAS(out.data, "Report test");
    CHECK_HAS(out.data, "Gross product");
    CHECK_HAS(out.data, "Population");
    CHECK_HAS(out.data, "GDP per head");
    CHECK_HAS(out.data, "Firms, large");
    CHECK_HAS(out.data, "on track");     /* fast: firms */
    CHECK_HAS(out.data, "moderate");     /* fast: per_head */
    CHECK_HAS(out.data, "insufficient"); /* fast: gdp */
    CHECK_HAS(out.data, "all observations used");
    ts_buffer_free(&out);

    CHECK_INT(ts_report_render_text(run, TS_LANG_ZH, &out, &err), TS_OK);
    CHECK_HAS(out.data, "报告测试");
    CHECK_HAS(out.data, "生产总值");
    CHECK_HAS(out.data, "Population"); /* no Chinese name: the English one */
    CHECK_HAS(out.data, "可如期实现");  /* on track */
    ts_buffer_free(&out);
    ts_run_free(run);

    run = make_run(2020);
    if (run) {
        CHECK_INT(ts_report_render_text(run, TS_LANG_EN, &out, &err), TS_OK);
        CHECK_HAS(out.data, "observations up to 2020");
        ts_buffer_free(&out);
    }
    ts_run_free(run);
}

/* --- Monte Carlo, required growth, tornado, sweep ---------------------------- */

/* The scenarios have no sd: every draw is the scenario's path, so each
 * probability is 0 or 1 and every percentile is the path's value. */
static ts_run *make_simulated_run(void)
{
    ts_run *run = make_run(TS_AS_OF_LATEST);
    ts_error err;
    ts_mc_options mc = {.draws = 3000, .seed = 99, .threads = 2, .percentiles = true};
    if (run && !CHECK(ts_run_simulate(run, &mc, &err) == TS_OK)) {
        ts_run_free(run);
        return NULL;
    }
    return run;
}

static void test_json_mc(void)
{
    ts_run *run = make_simulated_run();
    if (!run)
        return;
    ts_buffer out = {0};
    ts_error err;
    CHECK_INT(ts_report_render_json(run, &out, &err), TS_OK);
    cJSON *root = cJSON_ParseWithLength(out.data, out.len);
    if (CHECK(root != NULL)) {
        const cJSON *mc = get(root, "monte_carlo");
        CHECK(num(mc, "draws") == 3000 && num(mc, "seed") == 99);
        CHECK(num(mc, "block_draws") == 4096);
        CHECK_INT(cJSON_GetArraySize(get(mc, "percentiles")), 7);
        const cJSON *unc = get(cJSON_GetArrayItem(get(root, "scenarios"), 0), "uncertainty");
        CHECK_INT(cJSON_GetArraySize(get(unc, "sd")), 0);
        CHECK(num(unc, "normals_per_draw") == 0);
        const cJSON *firms = indicator(root, 0, "firms"); /* fast: 1122 >= 1000 */
        CHECK(num(firms, "probability") == 1.0 && num(firms, "probability_high") == 1.0);
        const cJSON *by = get(firms, "attainment_probability");
        CHECK_INT(cJSON_GetArraySize(by), N_YEARS);
        CHECK(num(cJSON_GetArrayItem(by, 3), "probability") == 0); /* 2023: 922 */
        CHECK(num(cJSON_GetArrayItem(by, 4), "probability") == 1); /* 2024: 1022 */
        const cJSON *pc = cJSON_GetArrayItem(get(firms, "percentiles"), 5);
        CHECK(num(pc, "year") == 2025 && num(pc, "p5") == 1122 && num(pc, "p95") == 1122);
        CHECK(cJSON_IsArray(get(firms, "required_driver_growth")) &&
              cJSON_GetArraySize(get(firms, "required_driver_growth")) == 0);
        const cJSON *g = indicator(root, 0, "gdp");
        CHECK(num(g, "probability") == 0.0 && num(g, "probability_low") == 0.0);
        const cJSON *req = cJSON_GetArrayItem(get(g, "required_driver_growth"), 0);
        CHECK_STR(cJSON_GetStringValue(get(req, "driver")), "gdp");
        CHECK_NEAR_REL(num(req, "rate"), pow(10000 / 5121.61, 1.0 / 4) - 1, 1e-12);
        CHECK_INT(cJSON_GetArraySize(get(indicator(root, 0, "per_head"), "required_driver_growth")), 2);
        const cJSON *pop = indicator(root, 0, "pop"); /* an input: nulls */
        CHECK(is_null(pop, "probability") && is_null(pop, "percentiles") &&
              is_null(pop, "attainment_probability"));
    }
    cJSON_Delete(root);
    ts_buffer_free(&out);
    ts_run_free(run);
    /* Without draws the Monte Carlo fields are null. */
    run = make_run(TS_AS_OF_LATEST);
    if (run && CHECK(ts_report_render_json(run, &out, &err) == TS_OK)) {
        cJSON *r2 = cJSON_ParseWithLength(out.data, out.len);
        CHECK(is_null(r2, "monte_carlo"));
        CHECK(is_null(indicator(r2, 0, "gdp"), "probability"));
        cJSON_Delete(r2);
    }
    ts_buffer_free(&out);
    ts_run_free(run);
}

static void test_fan_csv(void)
{
    ts_run *run = make_simulated_run();
    if (!run)
        return;
    ts_buffer out = {0};
    ts_error err;
    CHECK_INT(ts_report_render_fan_csv(run, &out, &err), TS_OK);
    CHECK_INT(count_lines(out.data), 1 + N_SCEN * N_TARGETED * N_YEARS);
    static char header[20][128], row[20][128];
    const char *p = out.data;
    int nh = csv_record(&p, header, 20);
    CHECK_INT(nh, 13);
    while (*p) {
        CHECK_INT(csv_record(&p, row, 20), nh);
        if (strcmp(row[0], "fast") == 0 && strcmp(row[1], "per_head") == 0) {
            int year = atoi(row[2]);
            for (int c = column(header, nh, "p5"); c <= column(header, nh, "p95"); c++)
                CHECK_NEAR_REL(atof(row[c]), fast_per_head(year), 1e-14);
        }
    }
    ts_buffer_free(&out);
    ts_run_free(run);
    /* Without draws: the header alone. */
    run = make_run(TS_AS_OF_LATEST);
    if (run && CHECK(ts_report_render_fan_csv(run, &out, &err) == TS_OK))
        CHECK_INT(count_lines(out.data), 1);
    ts_buffer_free(&out);
    ts_run_free(run);
}

static void test_tornado_csv(void)
{
    ts_run *run = make_run(TS_AS_OF_LATEST);
    if (!run)
        return;
    ts_buffer out = {0};
    ts_error err;
    CHECK_INT(ts_report_render_tornado_csv(run, &out, &err), TS_OK);
    /* Bars per scenario: gdp (gdp), per_head (gdp, pop), firms (firms). */
    CHECK_INT(count_lines(out.data), 1 + N_SCEN * 4);
    static char header[20][128], row[20][128];
    const char *p = out.data;
    int nh = csv_record(&p, header, 20);
    int found = 0;
    while (*p) {
        CHECK_INT(csv_record(&p, row, 20), nh);
        if (strcmp(row[0], "fast") == 0 && strcmp(row[1], "firms") == 0) {
            found = 1;
            /* No sd: 1 % of the baseline 622 a year, for 5 years. */
            CHECK_STR(row[column(header, nh, "shift_from")], "default");
            CHECK_NEAR(atof(row[column(header, nh, "value_low")]), 622 + 5 * (100 - 6.22));
            CHECK_NEAR(atof(row[column(header, nh, "value_high")]), 622 + 5 * (100 + 6.22));
            CHECK_STR(row[column(header, nh, "rank")], "1");
        }
    }
    CHECK(found);
    ts_buffer_free(&out);
    ts_run_free(run);
}

static void test_sweep_csv(void)
{
    ts_run *run = make_run(TS_AS_OF_LATEST);
    if (!run)
        return;
    ts_buffer out = {0};
    ts_error err;
    CHECK_INT(ts_report_render_sweep_csv(run, &out, &err), TS_OK);
    CHECK_INT(count_lines(out.data), 1); /* no sweep: the header */
    ts_buffer_free(&out);
    ts_sweep_axis axis = {.indicator = "firms", .model = &ts_model_add, .lo = 0, .hi = 200,
                          .step = 100, .n = 3}; /* --sweep firms.add=0:200:100 */
    if (CHECK(ts_run_sweep(run, &axis, 1, NULL, &err) == TS_OK) &&
        CHECK(ts_report_render_sweep_csv(run, &out, &err) == TS_OK)) {
        CHECK_INT(count_lines(out.data), 1 + 3 * N_TARGETED);
        /* firms at add 200: 622 + 5 * 200 = 1622, 1.622 of the target. */
        CHECK_HAS(out.data, "fast,firms.add,200,,,firms,2025,1000,1622,1.622,true,2022,,,,\r\n");
    }
    ts_buffer_free(&out);
    ts_run_free(run);
}

static void test_text_mc(void)
{
    ts_run *run = make_simulated_run();
    if (!run)
        return;
    ts_buffer out = {0};
    ts_error err;
    CHECK_INT(ts_report_render_text(run, TS_LANG_EN, &out, &err), TS_OK);
    CHECK_HAS(out.data, "Monte Carlo: 3,000 draws per scenario, seed 99.");
    CHECK_HAS(out.data, "P(target)");
    CHECK_HAS(out.data, "in 2025: 100.0% [99.9%, 100.0%]; attained by 2025 with p 100.0%");
    CHECK_HAS(out.data, "Driver growth that hits the target exactly");
    ts_buffer_free(&out);
    CHECK_INT(ts_report_render_text(run, TS_LANG_ZH, &out, &err), TS_OK);
    CHECK_HAS(out.data, "蒙特卡洛模拟");
    CHECK_HAS(out.data, "P(目标)");
    ts_buffer_free(&out);
    ts_run_free(run);
    run = make_run(TS_AS_OF_LATEST);
    if (run && CHECK(ts_report_render_text(run, TS_LANG_EN, &out, &err) == TS_OK)) {
        CHECK(strstr(out.data, "P(target)") == NULL);
        CHECK(strstr(out.data, "Monte Carlo") == NULL);
    }
    ts_buffer_free(&out);
    ts_run_free(run);
}

/* --- writing -------------------------------------------------------------- */

/* Number of entries in `folder` whose name starts with `prefix`. */
static int count_prefixed(const char *folder, const char *prefix)
{
    DIR *d = opendir(folder);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    closedir(d);
    return n;
}

static void test_write_new_nested_dir(void)
{
    char out[512], file[600];
    snprintf(out, sizeof out, "%s/new/nested/out", dir);
    ts_output_file files[] = {{"report.txt", "hello\n", 6}, {"report.json", "{}\n", 3},
                              {"empty.csv", "", 0}};
    ts_error err;
    CHECK_INT(ts_output_write_all(out, files, 3, &err), TS_OK);
    struct stat sb;
    CHECK(stat(out, &sb) == 0 && S_ISDIR(sb.st_mode));
    snprintf(file, sizeof file, "%s/report.txt", out);
    char *text = tu_read(file);
    CHECK_STR(text, "hello\n");
    free(text);
    snprintf(file, sizeof file, "%s/report.json", out);
    text = tu_read(file);
    CHECK_STR(text, "{}\n");
    free(text);
    snprintf(file, sizeof file, "%s/empty.csv", out);
    CHECK(stat(file, &sb) == 0 && sb.st_size == 0);
    CHECK_INT(count_prefixed(out, "."), 2); /* only . and ..: no temporary files */
}

static void test_write_replaces(void)
{
    char out[512], file[600];
    snprintf(out, sizeof out, "%s/replace", dir);
    CHECK(mkdir(out, 0700) == 0);
    tu_write(out, "report.txt", "an old report that is longer than the new one\n", file,
             sizeof file);
    ts_output_file f = {"report.txt", "new\n", 4};
    ts_error err;
    CHECK_INT(ts_output_write_all(out, &f, 1, &err), TS_OK);
    char *text = tu_read(file);
    CHECK_STR(text, "new\n");
    free(text);
    CHECK_INT(count_prefixed(out, ".report.txt."), 0);
}

static void test_write_to_regular_file(void)
{
    char parent[512], out[600];
    snprintf(parent, sizeof parent, "%s/blocked", dir);
    CHECK(mkdir(parent, 0700) == 0);
    tu_write(parent, "out", "not a folder\n", out, sizeof out);
    ts_output_file f = {"report.txt", "x\n", 2};
    ts_error err;
    ts_error_clear(&err);
    CHECK_INT(ts_output_write_all(out, &f, 1, &err), TS_EWRITE);
    CHECK_STR(err.file, out);
    CHECK(err.message[0] != '\0');
    /* A folder below the file cannot be made either. */
    char below[700];
    snprintf(below, sizeof below, "%s/sub", out);
    CHECK_INT(ts_output_write_all(below, &f, 1, &err), TS_EWRITE);
    /* Nothing was left behind, and the file is untouched. */
    CHECK_INT(count_prefixed(parent, ".report.txt."), 0);
    CHECK_INT(count_prefixed(parent, "."), 2);
    char *text = tu_read(out);
    CHECK_STR(text, "not a folder\n");
    free(text);
}

static void test_write_failed_rename(void)
{
    /* The second name is an existing folder: the rename over it fails (also
     * for root). The first file is written; no temporary file survives. */
    char out[512], sub[600];
    snprintf(out, sizeof out, "%s/rename", dir);
    CHECK(mkdir(out, 0700) == 0);
    snprintf(sub, sizeof sub, "%s/report.txt", out);
    CHECK(mkdir(sub, 0700) == 0);
    ts_output_file files[] = {{"report.json", "{}\n", 3}, {"report.txt", "x\n", 2}};
    ts_error err;
    CHECK_INT(ts_output_write_all(out, files, 2, &err), TS_EWRITE);
    CHECK_STR(err.file, sub);
    CHECK_INT(count_prefixed(out, ".report.txt."), 0);
    CHECK_INT(count_prefixed(out, ".report.json."), 0);
    struct stat sb;
    CHECK(stat(sub, &sb) == 0 && S_ISDIR(sb.st_mode)); /* untouched */
}

int main(void)
{
    ts_error err;
    tu_tempdir(dir, sizeof dir);
    plan = tu_plan(PLAN, &err);
    char fast[512], slow[512];
    tu_write(dir, "fast.json",
             "{'id': 'fast', 'name': 'Fast', 'assumptions': {'gdp': {'growth': 0.08},"
             " 'pop': {'growth': 0.01}, 'firms': {'add': 100}}}",
             fast, sizeof fast);
    tu_write(dir, "slow.json",
             "{'id': 'slow', 'extends': 'fast.json',"
             " 'assumptions': {'gdp': {'growth': 0.02}, 'firms': {'add': 10}}}",
             slow, sizeof slow);
    if (CHECK(plan != NULL) && CHECK(ts_scenario_load(plan, fast, &scen[0], &err) == TS_OK) &&
        CHECK(ts_scenario_load(plan, slow, &scen[1], &err) == TS_OK)) {
        test_json();
        test_json_as_of_limit();
        test_report_csv();
        test_paths_csv();
        test_text();
        test_json_mc();
        test_fan_csv();
        test_tornado_csv();
        test_sweep_csv();
        test_text_mc();
    } else {
        fprintf(stderr, "setup: %s: %s: %s\n", err.file, err.path, err.message);
    }
    test_write_new_nested_dir();
    test_write_replaces();
    test_write_to_regular_file();
    test_write_failed_rename();
    ts_scenario_free(scen[0]);
    ts_scenario_free(scen[1]);
    ts_plan_free(plan);
    tu_rmtree(dir);
    return check_done();
}
