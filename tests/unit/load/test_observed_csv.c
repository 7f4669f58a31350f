/* test_observed_csv.c - observed values from CSV files (observed_csv.c) and
 * one at a time (observation.c): what each row sets, the separators,
 * quoting, byte-order mark and line endings, every refused row with its
 * file and line, and that a refused file changes nothing. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testutil.h"

static const char *PLAN =
    "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030,"
    " 'indicators': {"
    "  'gdp': {'baseline': 100, 'target': {'value': 150}, 'actual': {'2021': 104}},"
    "  'pop': {'baseline': 50},"
    "  'old': {'baseline': 7, 'baseline_year': 2018, 'target': {'value': 9}},"
    "  'pc': {'derived': {'factors': {'gdp': 1, 'pop': -1}}, 'target': {'value': 3}}}}";

static char dir[256];

/* Writes `bytes` as they are (no quote replacement) and returns the path. */
static const char *raw(const char *name, const char *bytes)
{
    static char path[4][512];
    static int k;
    char *p = path[k++ % 4];
    snprintf(p, 512, "%s/%s", dir, name);
    FILE *fp = fopen(p, "wb");
    if (!fp || fwrite(bytes, 1, strlen(bytes), fp) != strlen(bytes) || fclose(fp) != 0) {
        perror(p);
        exit(2);
    }
    return p;
}

static ts_plan *plan_or_die(void)
{
    ts_error err;
    ts_plan *plan = tu_plan(PLAN, &err);
    if (!plan) {
        fprintf(stderr, "setup: %s: %s\n", err.path, err.message);
        exit(2);
    }
    return plan;
}

static const ts_series *actual(const ts_plan *plan, const char *id)
{
    return &plan->indicators[ts_plan_find(plan, id)].actual;
}

/* Reads one file into a fresh plan; the plan is returned (caller frees). */
static ts_plan *read_one(const char *path, ts_status expect, ts_error *err)
{
    ts_plan *plan = plan_or_die();
    const char *files[] = {path};
    ts_error_clear(err);
    CHECK_INT(ts_plan_read_observed(plan, files, 1, 2025, err), expect);
    return plan;
}

static void test_good_rows(void)
{
    ts_error err;
    /* BOM, CRLF, a blank line, a spreadsheet's empty row, header in another
     * order and case, a quoted source with a comma and "" quotes. */
    const char *f = raw("good.csv", "\xEF\xBB\xBFYear,Indicator,Value,Source\r\n"
                                    "2023,gdp,118.5,\"Bulletin, \"\"2023\"\"\"\r\n"
                                    "\r\n"
                                    ",,,\r\n"
                                    " 2021 , gdp , 105 ,\r\n"
                                    "2019,old,7.5,Yearbook\r\n");
    ts_plan *plan = read_one(f, TS_OK, &err);
    const ts_series *s = actual(plan, "gdp");
    CHECK_INT((int)s->n, 2);
    CHECK_INT(s->points[0].year, 2021);
    CHECK_NEAR(s->points[0].value, 105); /* replaced 104 */
    CHECK_INT(s->points[1].year, 2023);
    CHECK_NEAR(s->points[1].value, 118.5);
    CHECK(s->figures != NULL);
    /* Lines count from the header (1); the BOM is no line. */
    CHECK_STR(s->figures[1].source.en, "good.csv line 2 (Bulletin, \"2023\")");
    CHECK_STR(s->figures[1].source.zh, "good.csv第2行（Bulletin, \"2023\"）");
    CHECK_STR(s->figures[0].source.en, "good.csv line 5 (replaces the plan's 104)");
    CHECK_STR(s->figures[0].source.zh, "good.csv第5行（替换规划文件中的104）");
    /* A baseline from 2018: 2019 is the first year it can be observed. */
    const ts_series *o = actual(plan, "old");
    CHECK_INT((int)o->n, 1);
    CHECK_INT(o->points[0].year, 2019);
    CHECK_NEAR(o->points[0].value, 7.5);
    ts_plan_free(plan);

    /* Tabs: a comma inside a field is text, not a separator. */
    f = raw("tab.tsv", "indicator\tyear\tvalue\tsource\npop\t2022\t51\tCensus, 7th\n");
    plan = read_one(f, TS_OK, &err);
    s = actual(plan, "pop");
    CHECK_INT((int)s->n, 1);
    CHECK_NEAR(s->points[0].value, 51);
    CHECK_STR(s->figures[0].source.en, "tab.tsv line 2 (Census, 7th)");
    ts_plan_free(plan);
}

/* One refused file: its status, line and message. */
static void refused(const char *name, const char *bytes, long line, const char *message)
{
    ts_error err;
    const char *f = raw(name, bytes);
    ts_plan *plan = read_one(f, TS_EINPUT, &err);
    CHECK_STR(err.file, f);
    CHECK_INT((int)err.line, (int)line);
    CHECK_STR(err.message, message);
    /* Nothing applied, though the row before the bad one was good. */
    const ts_series *s = actual(plan, "gdp");
    CHECK_INT((int)s->n, 1);
    CHECK_NEAR(s->points[0].value, 104);
    ts_plan_free(plan);
}

static void test_refused_rows(void)
{
    const char *H = "indicator,year,value,source\ngdp,2022,109,ok\n";
    char buf[256];
#define ROW(r) (snprintf(buf, sizeof buf, "%s%s\n", H, r), buf)
    refused("a.csv", ROW("nope,2023,1,x"), 3, "unknown indicator \"nope\" (not in the plan's indicators)");
    refused("b.csv", ROW("pc,2023,1,x"), 3,
            "indicator \"pc\" is derived from its inputs; give their values instead");
    refused("c.csv", ROW("gdp,2020,1,x"), 3, "year 2020 is not after the baseline year 2020 of \"gdp\"");
    refused("d.csv", ROW("old,2018,1,x"), 3, "year 2018 is not after the baseline year 2018 of \"old\"");
    refused("e.csv", ROW("gdp,2026,1,x"), 3, "year 2026 is after the plan's last target year 2025");
    refused("f.csv", ROW("gdp,23,1,x"), 3, "year \"23\" is not a year");
    refused("g.csv", ROW("gdp,2023,nan,x"), 3, "value \"nan\" is not a finite number");
    refused("h.csv", ROW("gdp,2023,0x10,x"), 3, "value \"0x10\" is not a finite number");
    refused("i.csv", ROW("gdp,2023,1e999,x"), 3, "value \"1e999\" is not a finite number");
    refused("j.csv", ROW("gdp,2023,,x"), 3, "value \"\" is not a finite number");
    refused("k.csv", ROW("gdp,2023,1,x,y"), 3,
            "expected 4 fields (indicator, year, value, source), got 5");
    refused("l.csv", ROW("gdp,2023,1,\"x\"y"), 3, "text after a quoted field's closing quote");
    refused("n.csv", "\n\nindicator,year,value\n", 3,
            "expected the header row indicator,year,value,source (comma- or tab-separated, any "
            "order), got \"indicator,year,value\"");
    refused("o.csv", "indicator,year,value,source\ngdp,2022,109,\xC3\x28\n", 2,
            "byte 0xC3 is not UTF-8 (save the sheet as \"CSV UTF-8\", not GBK or Latin-1)");
    refused("p.csv", "\xEF\xBB\xBF\r\n", 1,
            "empty file: expected the header row indicator,year,value,source");
#undef ROW
}

/* The duplicate's message names the first row's file and line. */
static void test_duplicates(void)
{
    ts_error err;
    ts_plan *plan = plan_or_die();
    const char *a = raw("dup-a.csv", "indicator,year,value,source\npop,2022,51,x\ngdp,2023,1,x\n");
    const char *b = raw("dup-b.csv", "indicator,year,value,source\ngdp,2024,2,x\ngdp,2023,3,y\n");
    const char *files[] = {a, b};
    CHECK_INT(ts_plan_read_observed(plan, files, 2, 0, &err), TS_EINPUT);
    CHECK_STR(err.file, b);
    CHECK_INT((int)err.line, 3);
    char want[1024];
    snprintf(want, sizeof want, "\"gdp\" in 2023 is given twice: also at %s:3", a);
    CHECK_STR(err.message, want);
    CHECK_INT((int)actual(plan, "pop")->n, 0);
    ts_plan_free(plan);

    /* latest_year: a year not over yet is refused; 0 means no such limit. */
    plan = plan_or_die();
    const char *c = raw("late.csv", "indicator,year,value,source\ngdp,2025,150,x\n");
    const char *one[] = {c};
    CHECK_INT(ts_plan_read_observed(plan, one, 1, 2024, &err), TS_EINPUT);
    CHECK_STR(err.message, "year 2025 is not over yet: its figures cannot have been published");
    CHECK_INT(ts_plan_read_observed(plan, one, 1, 0, &err), TS_OK);
    CHECK_INT((int)actual(plan, "gdp")->n, 2);
    ts_plan_free(plan);
}

static void test_set_observation(void)
{
    ts_error err;
    ts_plan *plan = plan_or_die();
    bool replaced = true;
    ts_text src = {.en = "by hand", .zh = NULL};
    CHECK_INT(ts_plan_set_observation(plan, "pop", 2024, 52, &src, &replaced, &err), TS_OK);
    CHECK(!replaced);
    CHECK_INT(ts_plan_set_observation(plan, "pop", 2022, 51, NULL, &replaced, &err), TS_OK);
    CHECK(!replaced);
    CHECK_INT(ts_plan_set_observation(plan, "pop", 2024, 53, NULL, &replaced, &err), TS_OK);
    CHECK(replaced);
    const ts_series *s = actual(plan, "pop");
    CHECK_INT((int)s->n, 2);
    CHECK_INT(s->points[0].year, 2022); /* kept in year order */
    CHECK_NEAR(s->points[1].value, 53);
    CHECK(s->figures[1].source.en == NULL); /* the old source went with the old value */
    CHECK_INT(ts_plan_set_observation(plan, "gdp", 2031, 1, NULL, NULL, &err), TS_EINPUT);
    CHECK_STR(err.path, "indicators.gdp.actual.2031");
    CHECK_STR(err.message, "year 2031 is outside [2021, 2030]");
    CHECK_INT(ts_plan_set_observation(plan, "gdp", 2023, INFINITY, NULL, NULL, &err), TS_EINPUT);
    CHECK_INT(ts_plan_set_observation(plan, "zz", 2023, 1, NULL, NULL, &err), TS_EINPUT);
    CHECK_INT((int)actual(plan, "gdp")->n, 1);
    ts_plan_free(plan);
}

int main(void)
{
    ts_library_init();
    tu_tempdir(dir, sizeof dir);
    test_good_rows();
    test_refused_rows();
    test_duplicates();
    test_set_observation();
    tu_rmtree(dir);
    return check_done();
}
