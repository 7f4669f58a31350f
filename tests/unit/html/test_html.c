/* test_html.c - report.html (sim/html/report_html.c, sim/html/html_out.c): escaping,
 * base64, the chart sections in each state, and a plan whose every text is
 * markup. The browser test (tests/integration/check_html.py) checks the
 * page as Chromium sees it; this one checks the bytes. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "html/html_out.h"
#include "testutil.h"

static char dir[256];

/* Every text is markup; \u0027 is a single quote (tu_json turns ' into "). */
static const char *const PLAN =
    "{'id': 'esc', 'name': {'en': '<script>alert(1)</script> & \\u0027q\\u0027 \\'d\\''},"
    " 'source': '</dd><script>x()</script>',"
    " 'base_year': 2020, 'target_year': 2022, 'horizon': 2024, 'indicators': {"
    " 'gdp': {'name': {'en': 'GDP <img src=x onerror=alert(2)>'}, 'unit': {'en': 'a&b'},"
    "         'baseline': 100, 'target': {'value': 150}, 'actual': {'2021': 104, '2022': 110},"
    "         'note': '<!-- n -->', 'assumption': '<b>assumed</b>'},"
    " 'firms': {'name': 'Firms', 'baseline': 10, 'target': {'value': 20, 'direction': 'above'}},"
    " 'pop': {'name': 'Pop <u>', 'baseline': 5}}}";

static ts_plan *plan;
static ts_scenario *scen;
static ts_run *run;

/* ts_html_escape(s) as a new string. */
static char *escaped(const char *s)
{
    ts_buffer b = {0};
    ts_html_escape(&b, s);
    char *out = strdup(b.data ? b.data : "");
    ts_buffer_free(&b);
    return out;
}

static char *base64(const char *data, size_t len)
{
    ts_buffer b = {0};
    ts_html_base64(&b, data, len);
    char *out = strdup(b.data ? b.data : "");
    ts_buffer_free(&b);
    return out;
}

/* Case-insensitive strstr. */
static int has_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++) {
        size_t k = 0;
        while (k < n && p[k] && tolower((unsigned char)p[k]) == tolower((unsigned char)needle[k]))
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static void test_escape(void)
{
    char *s = escaped("a<b>&\"'c");
    CHECK_STR(s, "a&lt;b&gt;&amp;&quot;&#39;c");
    free(s);
    s = escaped("tab\tnew\nline\x01\x1f\x7f end");
    CHECK_STR(s, "tab\tnew\nline end");
    free(s);
    s = escaped("中文 & “引号”");
    CHECK_STR(s, "中文 &amp; “引号”");
    free(s);
    s = escaped("");
    CHECK_STR(s, "");
    free(s);
    ts_buffer b = {0};
    ts_html_escape(&b, NULL);
    CHECK(b.len == 0);
    ts_html_wrap(&b, "<p>", "<x>", "</p>");
    CHECK_STR(b.data, "<p>&lt;x&gt;</p>");
    ts_buffer_free(&b);
}

/* RFC 4648, section 10, and a run longer than the encoder's chunk. */
static void test_base64(void)
{
    static const char *const VECTORS[][2] = {{"", ""},         {"f", "Zg=="},
                                             {"fo", "Zm8="},   {"foo", "Zm9v"},
                                             {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
                                             {"foobar", "Zm9vYmFy"}};
    for (size_t k = 0; k < sizeof VECTORS / sizeof VECTORS[0]; k++) {
        char *s = base64(VECTORS[k][0], strlen(VECTORS[k][0]));
        CHECK_STR(s, VECTORS[k][1]);
        free(s);
    }
    enum { N = 3000 };
    char data[N];
    for (size_t i = 0; i < N; i++)
        data[i] = (char)(i * 7 + 3);
    char *s = base64(data, N);
    CHECK_INT(strlen(s), 4000);
    /* Every group of 4 characters decodes to its 3 bytes. */
    static const char ALPHABET[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    int bad = 0;
    for (size_t g = 0; g < N / 3; g++) {
        unsigned v = 0;
        for (size_t k = 0; k < 4; k++)
            v = v << 6 | (unsigned)(strchr(ALPHABET, s[4 * g + k]) - ALPHABET);
        bad += (unsigned char)data[3 * g] != (v >> 16) ||
               (unsigned char)data[3 * g + 1] != ((v >> 8) & 255) ||
               (unsigned char)data[3 * g + 2] != (v & 255);
    }
    CHECK_INT(bad, 0);
    free(s);
}

static char *render(const ts_html_options *o)
{
    ts_buffer b = {0};
    ts_error err;
    CHECK(ts_report_render_html(run, o, &b, &err) == TS_OK);
    char *out = strdup(b.data ? b.data : "");
    ts_buffer_free(&b);
    return out;
}

static void test_page_escapes_input(void)
{
    char *page = render(NULL);
    /* The page's own markup has no script at all; every input "<" is text. */
    CHECK(!has_ci(page, "<script"));
    CHECK(!has_ci(page, "<img"));
    CHECK(!has_ci(page, "<b>assumed"));
    CHECK(!has_ci(page, "<!-- n"));
    CHECK(!has_ci(page, "<u>"));
    CHECK_HAS(page, "<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;q&#39; &quot;d&quot;</h1>");
    CHECK_HAS(page, "<title>&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK_HAS(page, "GDP &lt;img src=x onerror=alert(2)&gt;");
    CHECK_HAS(page, "&lt;/dd&gt;&lt;script&gt;x()&lt;/script&gt;");
    CHECK_HAS(page, "&lt;b&gt;assumed&lt;/b&gt;");
    CHECK_HAS(page, "&lt;!-- n --&gt;");
    CHECK_HAS(page, "a&amp;b");
    CHECK_HAS(page, "<html lang=\"en\">");
    CHECK_HAS(page, "Content-Security-Policy");
    free(page);
}

static void test_page_numbers(void)
{
    char *page = render(NULL);
    /* gdp is observed in its target year 2022: 110 of 150. */
    CHECK_HAS(page, "<tr data-indicator=\"gdp\" data-scenario=\"s1\" data-revision=\"0\">");
    CHECK_HAS(page, "data-field=\"target\" data-value=\"150\" data-direction=\"at_least\">"
                    "≥ 150 (2022)</td>");
    CHECK_HAS(page, "<td class=\"num\" data-field=\"value_at_target_year\" data-value=\"110\">"
                    "110</td>");
    CHECK_HAS(page, "data-field=\"ratio\" data-value=\"0.73333333333333328\">73.3%</td>");
    CHECK_HAS(page, "data-field=\"shortfall\" data-value=\"40\">40</td>");
    CHECK_HAS(page, "data-field=\"status\" data-value=\"missed\"><span class=\"status s-missed\">"
                    "<span class=\"sym\" aria-hidden=\"true\">✗</span> missed</span>");
    /* The badge colours are the shared palette's: wine on white for missed. */
    CHECK_HAS(page, ".s-missed { background: #882255; color: #ffffff; }");
    CHECK_HAS(page, ".s-moving_away { background: #d55e00; color: #000000; }");
    /* firms: 10 + 2 x 3 = 16 in 2022, not > 20 by 2024 (22 in 2024 is). */
    CHECK_HAS(page, "data-field=\"value_at_target_year\" data-value=\"16\">16</td>");
    CHECK_HAS(page, "data-field=\"attainment_year\" data-value=\"2024\">2024</td>");
    CHECK_HAS(page, "&gt; 20 (2022)");
    /* One summary row per target and scenario; inputs have none. */
    CHECK_INT(count(page, "<tr data-indicator="), 2 + 1);
    CHECK(!strstr(page, "data-indicator=\"pop\" data-scenario"));
    /* The plan table: one row per indicator, inputs included, then the
     * counts of the two targets (gdp missed in 2025, firms not yet). */
    CHECK_HAS(page, "<section id=\"plan-table\"");
    CHECK_INT(count(page, "<tr class=\"plan-row\""), 3);
    CHECK_HAS(page, "<p class=\"counts\">2 targets: ");
    free(page);
}

static void test_charts(void)
{
    static const char SVG[] = "<svg xmlns='http://www.w3.org/2000/svg'/>";
    ts_html_svg svgs[] = {{"indicator-gdp", SVG, sizeof SVG - 1}, {"attainment", SVG, 10}};
    ts_html_options o = {TS_LANG_EN, TS_HTML_CHARTS_RENDERED, svgs, 2};
    char *page = render(&o);
    char *b64 = base64(SVG, sizeof SVG - 1);
    CHECK_INT(count(page, "<img src=\"data:image/svg+xml;base64,"), 2);
    CHECK_HAS(page, b64);
    /* firms, pop and growth have no SVG: they failed to render. */
    CHECK_INT(count(page, "class=\"nochart\""), 3);
    CHECK_INT(count(page, "gnuplot could not render it"), 3);
    CHECK_HAS(page, "<code>indicator-firms.dat</code>, <code>indicator-firms.gp</code>");
    free(b64);
    free(page);

    o.charts = TS_HTML_CHARTS_NOT_RENDERED; /* the SVGs given are stale: ignored */
    page = render(&o);
    CHECK(!strstr(page, "<img"));
    CHECK_INT(count(page, "targetsim ran with --no-render"), 5);
    free(page);
    o.charts = TS_HTML_CHARTS_NO_GNUPLOT;
    page = render(&o);
    CHECK_INT(count(page, "gnuplot is not installed"), 5);
    free(page);
    o.charts = TS_HTML_CHARTS_NO_TEMPLATES;
    page = render(&o);
    CHECK_INT(count(page, "chart templates were not found"), 5);
    CHECK(!strstr(page, ".gp</code>"));
    free(page);
}

static void test_chinese(void)
{
    ts_html_options o = {TS_LANG_ZH, TS_HTML_CHARTS_NO_GNUPLOT, NULL, 0};
    char *page = render(&o);
    CHECK_HAS(page, "<html lang=\"zh-CN\">");
    CHECK_HAS(page, "<span class=\"status s-missed\"><span class=\"sym\" aria-hidden=\"true\">"
                    "✗</span> 未实现</span>");
    CHECK_HAS(page, "图表未收录：未安装 gnuplot。");
    /* No Chinese name: the English one, escaped. */
    CHECK_HAS(page, "<h1>&lt;script&gt;");
    free(page);
}

int main(void)
{
    ts_error err;
    test_escape();
    test_base64();
    tu_tempdir(dir, sizeof dir);
    plan = tu_plan(PLAN, &err);
    char s1[512];
    tu_write(dir, "s1.json",
             "{'id': 's1', 'name': '<i>S1</i>', 'rationale': 'r & <r>',"
             " 'assumptions': {'gdp': {'growth': 0.05}, 'firms': {'add': 3}, 'pop': {'level': 5}}}",
             s1, sizeof s1);
    ts_project_options popt = {0, TS_AS_OF_LATEST};
    if (CHECK(plan != NULL) && CHECK(ts_scenario_load(plan, s1, &scen, &err) == TS_OK) &&
        CHECK(ts_run_create(plan, (const ts_scenario *const *)&scen, 1, &popt, &run, &err) ==
              TS_OK)) {
        test_page_escapes_input();
        test_page_numbers();
        test_charts();
        test_chinese();
    } else {
        fprintf(stderr, "setup: %s: %s: %s\n", err.file, err.path, err.message);
    }
    ts_run_free(run);
    ts_scenario_free(scen);
    ts_plan_free(plan);
    tu_rmtree(dir);
    return check_done();
}
