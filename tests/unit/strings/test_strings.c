/* test_strings.c - the words of the reports and charts (sim/strings): every
 * label of both languages is set, and report.txt, report.html and the
 * attainment chart show a target's status under the same name, the one
 * docs/report-format.md section 4 lists. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "plots/chart_quote.h"
#include "check.h"
#include "report/status_palette.h"
#include "strings/strings.h"
#include "testutil.h"

/* The struct is read as an array of its pointers. */
_Static_assert(sizeof(ts_strings) % sizeof(const char *) == 0, "ts_strings holds only pointers");

/* Fields that are pieces around a number: each piece may be "", a pair
 * (ts_around) not both. Offsets and sizes in bytes. */
typedef struct piece_field {
    size_t offset, size;
    int pair;
} piece_field;

#define PAIR(field) {offsetof(ts_strings, field), sizeof(ts_around), 1}
static const piece_field PIECES[] = {
    PAIR(not_by),
    PAIR(report.needed_by),
    PAIR(report.even_odds),
    PAIR(report.revised),
    PAIR(report.implausible),
    PAIR(table.evaluated),
    PAIR(html.ignored_after),
    PAIR(html.col_value_in),
    PAIR(html.mc_draws),
    PAIR(html.col_by),
    PAIR(html.backtest_title),
    {offsetof(ts_strings, html.verdict_line), sizeof ((ts_strings *)0)->html.verdict_line, 0},
    PAIR(chart.reached),
    PAIR(chart.not_reached),
    PAIR(chart.revised_target),
    PAIR(chart.cumulative_since),
    PAIR(chart.average_since),
    PAIR(chart.multiple_of),
    PAIR(chart.fan_probability),
    PAIR(observed.line),
};

static const piece_field *piece_at(size_t offset)
{
    for (size_t k = 0; k < sizeof PIECES / sizeof PIECES[0]; k++)
        if (offset >= PIECES[k].offset && offset < PIECES[k].offset + PIECES[k].size)
            return &PIECES[k];
    return NULL;
}

/* Label `k` of the struct, read through memcpy: the pointers are members,
 * not an array. */
static const char *label_at(const ts_strings *S, size_t k)
{
    const char *p;
    memcpy(&p, (const char *)S + k * sizeof p, sizeof p);
    return p;
}

static void check_complete(ts_lang lang)
{
    const ts_strings *S = ts_strings_for(lang);
    size_t n = sizeof *S / sizeof(const char *);
    for (size_t k = 0; k < n; k++) {
        const char *s = label_at(S, k);
        size_t offset = k * sizeof s;
        const piece_field *piece = piece_at(offset);
        if (!CHECK(s != NULL)) {
            fprintf(stderr, "  lang %d: label at byte %zu is NULL\n", (int)lang, offset);
            continue;
        }
        if (!piece && !CHECK(*s != '\0'))
            fprintf(stderr, "  lang %d: label at byte %zu is empty\n", (int)lang, offset);
        /* A pair: check once, at its first piece. */
        if (piece && piece->pair && offset == piece->offset) {
            const char *after = label_at(S, k + 1);
            CHECK(after && (*s || *after));
        }
    }
}

static void test_complete(void)
{
    check_complete(TS_LANG_EN);
    check_complete(TS_LANG_ZH);
    CHECK(ts_strings_for(TS_LANG_EN) != ts_strings_for(TS_LANG_ZH));
}

/* docs/report-format.md, section 4. */
static void test_documented_names(void)
{
    static const char *const EN[] = {
        "no target",    "achieved",   "missed",  "on track", "moderate", "insufficient",
        "moving away",  "achieved early", "ahead", "on schedule", "lagging", "held",
        "breached",     "not scored", "pending data", "no data yet"};
    static const char *const ZH[] = {"无目标",   "已实现",   "未实现",   "可如期实现",
                                     "进展一般", "进展不足", "偏离目标", "提前实现",
                                     "快于预期", "基本符合预期", "滞后", "守住",
                                     "未守住",   "不评价",   "待数据",   "暂无数据"};
    for (size_t v = 0; v < TS_N_VERDICTS; v++) {
        CHECK_STR(ts_strings_for(TS_LANG_EN)->status[v], EN[v]);
        CHECK_STR(ts_strings_for(TS_LANG_ZH)->status[v], ZH[v]);
    }
}

/* One target per status (T = 2025, as-of a):
 *   q1: observed 125 in 2022 >= 120 already: achieved.
 *   q2: its own target year 2024 observed, 110 < 150: missed (2024 is then the
 *       evaluation year, so the 2025 targets are still ahead).
 *   q3: 100 * 1.05^5 = 127.6 >= 110: on track.
 *   q4: 127.6 < 130; needed (1.3^(1/5) - 1) = 5.39 %, R = 5 / 5.39 = 0.93: moderate.
 *   q5: needed (2^(1/5) - 1) = 14.9 %, R = 2 / 14.9 = 0.13: insufficient.
 *   q6: the path falls, R < 0: moving away. */
static const char *const PLAN =
    "{'id': 'st', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030, 'indicators': {"
    " 'q1': {'baseline': 100, 'actual': {'2021': 110, '2022': 125}, 'target': {'value': 120}},"
    " 'q2': {'baseline': 100, 'actual': {'2024': 110}, 'target_year': 2024,"
    "        'target': {'value': 150}},"
    " 'q3': {'baseline': 100, 'target': {'value': 110}},"
    " 'q4': {'baseline': 100, 'target': {'value': 130}},"
    " 'q5': {'baseline': 100, 'target': {'value': 200}},"
    " 'q6': {'baseline': 100, 'target': {'value': 200}},"
    " 'q7': {'baseline': 5}}}";
static const char *const SCENARIO =
    "{'id': 's', 'assumptions': {'q1': {'growth': 0.05}, 'q2': {'growth': 0.05},"
    " 'q3': {'growth': 0.05}, 'q4': {'growth': 0.05}, 'q5': {'growth': 0.02},"
    " 'q6': {'growth': -0.02}, 'q7': {'level': 5}}}";
static const ts_verdict EXPECTED[] = {TS_ACHIEVED, TS_MISSED,       TS_ON_TRACK,   TS_MODERATE,
                                      TS_INSUFFICIENT, TS_MOVING_AWAY, TS_NO_TARGET};

/* Some line of `text` holds both `a` and `b`. */
static int line_with(const char *text, const char *a, const char *b)
{
    for (const char *line = text; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        char *copy = strndup(line, n);
        int both = copy && strstr(copy, a) && strstr(copy, b);
        free(copy);
        if (both)
            return 1;
        line = end ? end + 1 : NULL;
    }
    return 0;
}

/* Templates of one line: the attainment chart's holds its legend's status
 * names, the others nothing (a value without a placeholder is ignored). */
static void write_templates(const char *dir)
{
    static const char *const EMPTY[] = {"header.gp", "footer.gp",   "indicator.gp", "growth.gp",
                                        "fan.gp",    "tornado.gp",  "backtest.gp",  "compare.gp",
                                        "sweep.gp"};
    for (size_t k = 0; k < sizeof EMPTY / sizeof EMPTY[0]; k++)
        tu_write(dir, EMPTY[k], "", NULL, 0);
    tu_write(dir, "attainment.gp", "status_name = [@STATUS_NAMES@]\n", NULL, 0);
}

/* The attainment chart's legend: every status name, in ts_verdict order. */
static void check_chart(const ts_run *run, ts_lang lang, const char *templates)
{
    const ts_strings *S = ts_strings_for(lang);
    ts_chart_set *set = NULL;
    ts_error err;
    if (!CHECK(ts_chart_set_create(run, lang, templates, &set, &err) == TS_OK)) {
        fprintf(stderr, "  charts: %s: %s\n", err.file, err.message);
        return;
    }
    const ts_chart *chart = NULL;
    for (size_t k = 0; k < set->n; k++)
        if (strcmp(set->charts[k].stem, "attainment") == 0)
            chart = &set->charts[k];
    if (CHECK(chart != NULL)) {
        char expected[512] = "status_name = [";
        for (size_t v = 0; v < TS_N_VERDICTS; v++) {
            ts_buffer quoted = {0};
            ts_chart_quote(&quoted, S->status[v]);
            strcat(expected, v ? ", " : "");
            strcat(expected, quoted.data);
            ts_buffer_free(&quoted);
        }
        strcat(expected, "]");
        CHECK_HAS(chart->gp.data, expected);
    }
    ts_chart_set_free(set);
}

static void check_reports(const ts_run *run, ts_lang lang)
{
    const ts_strings *S = ts_strings_for(lang);
    ts_buffer text = {0}, html = {0};
    ts_error err;
    ts_html_options o = {lang, TS_HTML_CHARTS_NOT_RENDERED, NULL, 0};
    if (!CHECK(ts_report_render_text(run, lang, &text, &err) == TS_OK) ||
        !CHECK(ts_report_render_html(run, &o, &html, &err) == TS_OK))
        goto out;
    for (size_t i = 0; i < run->plan->n_indicators; i++) {
        ts_verdict v = run->results[0].assessments[i].status;
        CHECK_INT(v, EXPECTED[i]);
        if (v == TS_NO_TARGET)
            continue;
        /* report.txt: on the indicator's row. */
        if (!CHECK(line_with(text.data, run->plan->indicators[i].id, S->status[v])))
            fprintf(stderr, "  report.txt has no line with %s and \"%s\"\n",
                    run->plan->indicators[i].id, S->status[v]);
        /* report.html: the status label, classed by report.json's name. */
        char span[160];
        snprintf(span, sizeof span, "<span class=\"status s-%s\"><span class=\"sym\" "
                 "aria-hidden=\"true\">%s</span> %s</span>", ts_verdict_name(v),
                 ts_status_symbol(v), S->status[v]);
        CHECK_HAS(html.data, span);
    }
out:
    ts_buffer_free(&text);
    ts_buffer_free(&html);
}

static void test_same_names_everywhere(void)
{
    char dir[256], path[512];
    ts_error err;
    ts_plan *plan = tu_plan(PLAN, &err);
    ts_scenario *scen = NULL;
    ts_run *run = NULL;
    tu_tempdir(dir, sizeof dir);
    tu_write(dir, "s.json", SCENARIO, path, sizeof path);
    write_templates(dir);
    if (CHECK(plan != NULL) && CHECK(ts_scenario_load(plan, path, &scen, &err) == TS_OK) &&
        CHECK(ts_run_create(plan, (const ts_scenario *const *)&scen, 1, NULL, &run, &err) ==
              TS_OK)) {
        for (ts_lang lang = TS_LANG_EN; lang <= TS_LANG_ZH; lang++) {
            check_reports(run, lang);
            check_chart(run, lang, dir);
        }
    } else {
        fprintf(stderr, "setup: %s: %s: %s\n", err.file, err.path, err.message);
    }
    ts_run_free(run);
    ts_scenario_free(scen);
    ts_plan_free(plan);
    tu_rmtree(dir);
}

int main(void)
{
    ts_library_init();
    test_complete();
    test_documented_names();
    test_same_names_everywhere();
    return check_done();
}
