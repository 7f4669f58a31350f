/* test_plan.c - loading and validating plans (sim/load/plan.c, sim/load/json_in.c).
 * Plans are written with single quotes (testutil.h turns them into double
 * quotes one for one, so line and column numbers are those of the text). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "testutil.h"

#ifndef TS_TEST_DATA
#error "TS_TEST_DATA must name the fixture folder"
#endif

/* Five indicators; the derived one comes first in the file so the
 * evaluation order has to move it after its inputs. */
static const char *const VALID_PLAN =
    "{\n"
    "  'id': 'demo-plan',\n"
    "  'name': {'zh': '示例规划', 'en': 'Demo plan'},\n"
    "  'source': 'made up for the tests',\n"
    "  'base_year': 2020, 'target_year': 2025, 'horizon': 2030,\n"
    "  'scenarios': ['trend.json', '/abs/other.json'],\n"
    "  'indicators': {\n"
    "    'per_head': {'derived': {'scale': 1000, 'factors': {'gdp': 1, 'pop': -1}},\n"
    "                 'target': {'value': 30000, 'direction': 'above'}},\n"
    "    'gdp': {'name': 'GDP', 'unit': {'en': 'bn yuan'}, 'baseline': 400,\n"
    "            'target': {'value': 600, 'direction': 'at_least'},\n"
    "            'history': {'2019': 380, '2017': 350, '2018': 370},\n"
    "            'actual': {'2023': 450, '2021': 420}},\n"
    "    'pop': {'baseline': 16, 'actual': {'2022': 16.5}},\n"
    "    'emissions': {'baseline': 90, 'target_year': 2030,\n"
    "                  'target': {'value': 70, 'direction': 'at_most'}},\n"
    "    'waste': {'baseline': 50, 'target': {'value': 40, 'direction': 'below'},\n"
    "              'assumption': 'baseline estimated'}\n"
    "  }\n"
    "}\n";

static ts_plan *valid_plan(void)
{
    ts_error err;
    ts_plan *plan = tu_plan(VALID_PLAN, &err);
    if (!CHECK(plan != NULL))
        fprintf(stderr, "  %s: %s: %s\n", err.file, err.path, err.message);
    return plan;
}

static void test_header(void)
{
    ts_plan *plan = valid_plan();
    if (!plan)
        return;
    CHECK_STR(plan->id, "demo-plan");
    CHECK_STR(plan->name.zh, "示例规划");
    CHECK_STR(plan->name.en, "Demo plan");
    CHECK_STR(plan->source.en, "made up for the tests");
    CHECK_STR(plan->file, "plan.json");
    CHECK_INT(plan->base_year, 2020);
    CHECK_INT(plan->target_year, 2025);
    CHECK_INT(plan->horizon, 2030);
    CHECK_INT(plan->n_indicators, 5);
    /* File order is kept. */
    CHECK_STR(plan->indicators[0].id, "per_head");
    CHECK_STR(plan->indicators[1].id, "gdp");
    CHECK_STR(plan->indicators[4].id, "waste");
    CHECK_INT(ts_plan_find(plan, "pop"), 2);
    CHECK_INT(ts_plan_find(plan, "nope"), -1);
    /* The latest target year: emissions' own 2030. */
    CHECK_INT(ts_plan_last_target_year(plan), 2030);
    ts_plan_free(plan);
}

static void test_indicator_fields(void)
{
    ts_plan *plan = valid_plan();
    if (!plan)
        return;
    const ts_indicator *gdp = &plan->indicators[1];
    CHECK(gdp->baseline == 400);
    CHECK_STR(gdp->name.en, "GDP"); /* a plain string fills both languages */
    CHECK_STR(gdp->name.zh, "GDP");
    CHECK_STR(gdp->unit.en, "bn yuan");
    CHECK(gdp->unit.zh == NULL);
    CHECK(!gdp->is_derived);
    CHECK(gdp->assumption.en == NULL);
    CHECK_STR(plan->indicators[4].assumption.en, "baseline estimated");
    const ts_indicator *pop = &plan->indicators[2];
    CHECK(!pop->target.present);
    CHECK(pop->baseline == 16);
    ts_plan_free(plan);
}

static void test_targets(void)
{
    ts_plan *plan = valid_plan();
    if (!plan)
        return;
    const ts_indicator *ind = plan->indicators;
    CHECK(ind[1].target.present);
    CHECK(ind[1].target.value == 600);
    CHECK_INT(ind[1].target.direction, TS_AT_LEAST);
    CHECK_INT(ind[0].target.direction, TS_ABOVE);
    CHECK_INT(ind[3].target.direction, TS_AT_MOST);
    CHECK_INT(ind[4].target.direction, TS_BELOW);
    /* The plan's target year unless the indicator gives its own. */
    CHECK_INT(ind[1].target.year, 2025);
    CHECK_INT(ind[0].target.year, 2025);
    CHECK_INT(ind[3].target.year, 2030);
    CHECK_STR(ts_direction_name(TS_AT_LEAST), "at_least");
    CHECK_STR(ts_direction_name(TS_ABOVE), "above");
    CHECK_STR(ts_direction_name(TS_AT_MOST), "at_most");
    CHECK_STR(ts_direction_name(TS_BELOW), "below");
    CHECK_STR(ts_direction_symbol(TS_AT_LEAST, TS_SYMBOL_ASCII), ">=");
    CHECK_STR(ts_direction_symbol(TS_ABOVE, TS_SYMBOL_ASCII), ">");
    CHECK_STR(ts_direction_symbol(TS_AT_MOST, TS_SYMBOL_ASCII), "<=");
    CHECK_STR(ts_direction_symbol(TS_BELOW, TS_SYMBOL_ASCII), "<");
    CHECK_STR(ts_direction_symbol(TS_AT_LEAST, TS_SYMBOL_UNICODE), "\u2265");
    CHECK_STR(ts_direction_symbol(TS_ABOVE, TS_SYMBOL_UNICODE), ">");
    CHECK_STR(ts_direction_symbol(TS_AT_MOST, TS_SYMBOL_UNICODE), "\u2264");
    CHECK_STR(ts_direction_symbol(TS_BELOW, TS_SYMBOL_UNICODE), "<");
    CHECK_STR(ts_direction_symbol(TS_ABOUT, TS_SYMBOL_ASCII), "~");
    CHECK_STR(ts_direction_symbol(TS_ABOUT, TS_SYMBOL_UNICODE), "\u2248");
    CHECK_STR(ts_direction_symbol((ts_direction)5, TS_SYMBOL_UNICODE), "?");
    ts_plan_free(plan);
}

static void test_default_direction(void)
{
    ts_error err;
    ts_plan *plan = tu_plan("{'id': 'p', 'base_year': 2020, 'target_year': 2025,"
                            " 'indicators': {'x': {'baseline': 1, 'target': {'value': 2}}}}",
                            &err);
    if (!CHECK(plan != NULL))
        return;
    CHECK_INT(plan->indicators[0].target.direction, TS_AT_LEAST);
    /* No horizon given: 2035 (the default vision year). */
    CHECK_INT(plan->horizon, 2035);
    ts_plan_free(plan);
}

static void test_default_horizon_capped(void)
{
    /* target_year + 10 would be 2305; years stop at 2300 everywhere. */
    ts_error err;
    ts_plan *plan = tu_plan("{'id': 'p', 'base_year': 2200, 'target_year': 2295,"
                            " 'indicators': {'x': {'baseline': 1}}}",
                            &err);
    if (!CHECK(plan != NULL))
        return;
    CHECK_INT(plan->horizon, TS_MAX_YEAR);
    ts_plan_free(plan);
    /* A target in the last year: the horizon is that year. */
    plan = tu_plan("{'id': 'p', 'base_year': 2200, 'target_year': 2300,"
                   " 'indicators': {'x': {'baseline': 1}}}",
                   &err);
    if (!CHECK(plan != NULL))
        return;
    CHECK_INT(plan->horizon, 2300);
    ts_plan_free(plan);
}

static void test_series_sorted(void)
{
    ts_plan *plan = valid_plan();
    if (!plan)
        return;
    const ts_indicator *gdp = &plan->indicators[1];
    if (CHECK(gdp->history.n == 3)) {
        CHECK_INT(gdp->history.points[0].year, 2017);
        CHECK(gdp->history.points[0].value == 350);
        CHECK_INT(gdp->history.points[1].year, 2018);
        CHECK_INT(gdp->history.points[2].year, 2019);
        CHECK(gdp->history.points[2].value == 380);
    }
    if (CHECK(gdp->actual.n == 2)) {
        CHECK_INT(gdp->actual.points[0].year, 2021);
        CHECK(gdp->actual.points[0].value == 420);
        CHECK_INT(gdp->actual.points[1].year, 2023);
        CHECK(gdp->actual.points[1].value == 450);
    }
    ts_plan_free(plan);
}

static size_t position_in_order(const ts_plan *plan, size_t index)
{
    for (size_t k = 0; k < plan->n_indicators; k++)
        if (plan->order[k] == index)
            return k;
    return (size_t)-1;
}

static void test_derived(void)
{
    ts_plan *plan = valid_plan();
    if (!plan)
        return;
    const ts_indicator *ph = &plan->indicators[0];
    CHECK(ph->is_derived);
    CHECK(ph->derived.scale == 1000);
    if (CHECK(ph->derived.n == 2)) {
        CHECK_INT(ph->derived.inputs[0], 1); /* gdp */
        CHECK(ph->derived.powers[0] == 1);
        CHECK_INT(ph->derived.inputs[1], 2); /* pop */
        CHECK(ph->derived.powers[1] == -1);
    }
    /* Baseline from the inputs' baselines: 1000 * 400 / 16. */
    CHECK_NEAR(ph->baseline, 1000.0 * 400.0 / 16.0);
    /* `order` is a permutation with the inputs before the derived one. */
    for (size_t i = 0; i < plan->n_indicators; i++)
        CHECK(position_in_order(plan, i) < plan->n_indicators);
    CHECK(position_in_order(plan, 1) < position_in_order(plan, 0));
    CHECK(position_in_order(plan, 2) < position_in_order(plan, 0));
    ts_plan_free(plan);
}

static void test_derived_of_derived(void)
{
    /* c = a^2, d = c * b: the order must be a, c before d and b before d. */
    ts_error err;
    ts_plan *plan = tu_plan(
        "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'indicators': {"
        " 'd': {'derived': {'factors': {'c': 1, 'b': 1}}},"
        " 'c': {'derived': {'factors': {'a': 2}}},"
        " 'a': {'baseline': 3}, 'b': {'baseline': 5}}}",
        &err);
    if (!CHECK(plan != NULL))
        return;
    CHECK(position_in_order(plan, 2) < position_in_order(plan, 1));
    CHECK(position_in_order(plan, 1) < position_in_order(plan, 0));
    CHECK(position_in_order(plan, 3) < position_in_order(plan, 0));
    CHECK_NEAR(plan->indicators[1].baseline, 9.0);  /* scale defaults to 1 */
    CHECK_NEAR(plan->indicators[0].baseline, 45.0); /* 3^2 * 5 */
    ts_plan_free(plan);
}

static void test_scenario_paths(void)
{
    char *json = tu_json(VALID_PLAN);
    ts_plan *plan = NULL;
    ts_error err;
    ts_status st = ts_plan_parse(json, strlen(json), "plans/city/plan.json", &plan, &err);
    free(json);
    if (!CHECK(st == TS_OK))
        return;
    if (CHECK(plan->n_scenarios == 2)) {
        /* Relative names are resolved against the plan's folder. */
        CHECK_STR(plan->scenarios[0], "plans/city/trend.json");
        CHECK_STR(plan->scenarios[1], "/abs/other.json");
    }
    ts_plan_free(plan);
}

/* Control characters in free text become spaces, so no report carries an
 * escape sequence or a stray line break; ids and numbers are untouched. */
static void test_text_controls_blanked(void)
{
    static const char text[] =
        "{\"id\": \"p\", \"name\": {\"en\": \"a\\nb\\tc\\u001b[2Jd\\u009be\", \"zh\": \"\u89c4\\r\u5212\"},"
        " \"base_year\": 2020, \"target_year\": 2025, \"source\": \"s\\u007f\","
        " \"indicators\": {\"x\": {\"baseline\": 1, \"note\": \"n\\n\", \"unit\": \"\\u0001u\"}}}";
    ts_plan *plan = NULL;
    ts_error err;
    CHECK_INT(ts_plan_parse(text, strlen(text), "p.json", &plan, &err), TS_OK);
    if (!CHECK(plan != NULL))
        return;
    CHECK_STR(plan->name.en, "a b c [2Jd e");
    CHECK_STR(plan->name.zh, "\xe8\xa7\x84 \xe5\x88\x92");
    CHECK_STR(plan->source.en, "s ");
    CHECK_STR(plan->indicators[0].note.en, "n ");
    CHECK_STR(plan->indicators[0].unit.en, " u");
    ts_plan_free(plan);
}

static void test_bom(void)
{
    /* From memory ... */
    char *json = tu_json("\xEF\xBB\xBF{'id': 'p', 'base_year': 2020, 'target_year': 2025,"
                         " 'indicators': {'x': {'baseline': 7}}}");
    ts_plan *plan = NULL;
    ts_error err;
    CHECK_INT(ts_plan_parse(json, strlen(json), "bom.json", &plan, &err), TS_OK);
    if (plan)
        CHECK(plan->indicators[0].baseline == 7);
    ts_plan_free(plan);
    free(json);
    /* ... and from a file saved by an editor that adds a BOM. */
    plan = NULL;
    CHECK_INT(ts_plan_load(TS_TEST_DATA "/bom-plan.json", &plan, &err), TS_OK);
    if (CHECK(plan != NULL)) {
        CHECK_STR(plan->id, "bom-plan");
        CHECK(plan->indicators[0].baseline == 4153.25);
    }
    ts_plan_free(plan);
}

static void test_load_missing_file(void)
{
    ts_plan *plan = (ts_plan *)1;
    ts_error err;
    CHECK_INT(ts_plan_load(TS_TEST_DATA "/no-such-plan.json", &plan, &err), TS_EINPUT);
    CHECK(plan == NULL);
    CHECK_STR(err.file, TS_TEST_DATA "/no-such-plan.json");
    CHECK_HAS(err.message, "cannot open");
}

static void test_load_from_pipe(void)
{
    /* A pipe is a valid input (--plan /dev/stdin, --plan <(...)); the child
     * writes slowly, in two pieces, so the read has to wait for it. */
    int fds[2];
    if (!CHECK(pipe(fds) == 0))
        return;
    pid_t child = fork();
    if (child == 0) {
        char *json = tu_json("{'id': 'piped', 'base_year': 2020, 'target_year': 2025,"
                             " 'indicators': {'x': {'baseline': 3}}}");
        size_t half = strlen(json) / 2;
        close(fds[0]);
        ssize_t a = write(fds[1], json, half);
        usleep(100000);
        ssize_t b = write(fds[1], json + half, strlen(json) - half);
        _exit(a > 0 && b > 0 ? 0 : 1);
    }
    close(fds[1]);
    char name[64];
    snprintf(name, sizeof name, "/dev/fd/%d", fds[0]);
    ts_plan *plan = NULL;
    ts_error err;
    CHECK_INT(ts_plan_load(name, &plan, &err), TS_OK);
    if (CHECK(plan != NULL))
        CHECK_STR(plan->id, "piped");
    ts_plan_free(plan);
    close(fds[0]);
    int status = 1;
    waitpid(child, &status, 0);
    CHECK_INT(status, 0);
}

static void test_load_device_refused(void)
{
    /* A device is refused before any read: /dev/zero would otherwise be
     * read up to the size limit, a terminal would wait for typing. */
    ts_plan *plan = NULL;
    ts_error err;
    CHECK_INT(ts_plan_load("/dev/zero", &plan, &err), TS_EINPUT);
    CHECK(plan == NULL);
    CHECK_STR(err.message, "is a device or socket, expected a JSON file");
}

/* Parses `text`, which must fail with TS_EINPUT at `path` with a message
 * containing `message`. */
#define EXPECT_ERROR(text, path, message) expect_error(__LINE__, text, path, message)

static void expect_error(int line, const char *text, const char *path, const char *message)
{
    ts_error err;
    ts_plan *plan = tu_plan(text, &err);
    int ok = plan == NULL && err.code == TS_EINPUT && strcmp(err.file, "plan.json") == 0 &&
             strcmp(err.path, path) == 0 && strstr(err.message, message) != NULL;
    check_count++;
    if (!ok) {
        char what[4096];
        snprintf(what, sizeof what,
                 "plan error: got %s code %d, file \"%s\", path \"%s\", message \"%s\"; "
                 "expected path \"%s\", message with \"%s\"",
                 plan ? "a plan," : "no plan,", (int)err.code, err.file, err.path, err.message,
                 path, message);
        check_fail(__FILE__, line, what);
    }
    ts_plan_free(plan);
}

/* The frame of a one-indicator plan; %s is the indicator's body. */
#define ONE(body)                                                                      \
    "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'indicators': {'gdp': " body "}}"

static void test_syntax_error_position(void)
{
    /* The comma after 2025 is missing: cJSON stops at the quote that opens
     * "indicators", line 5 column 3. */
    EXPECT_ERROR("{\n"
                 "  'id': 'p',\n"
                 "  'base_year': 2020,\n"
                 "  'target_year': 2025\n"
                 "  'indicators': {}\n"
                 "}\n",
                 "", "invalid JSON at line 5, column 3");
    /* Columns count characters, not bytes: 规 and 划 are one column each,
     * so the quote before id is column 15 (byte 19). */
    EXPECT_ERROR("{'name': '规划' 'id': 'p'}", "", "line 1, column 15");
    /* Trailing text after the value. */
    EXPECT_ERROR("{'id': 'p'}\n  x\n", "", "line 2, column 3: text after the end of the value");
}

/* A truncated file is reported as such, not as an unexpected last quote
 * (cJSON's length-limited parser clamps the position onto the last byte). */
static void test_syntax_error_truncated(void)
{
    EXPECT_ERROR("{'id': 'p'", "", "unexpected end of input");
    EXPECT_ERROR("", "", "unexpected end of input");
}

/* The invisible BOM is not a column: the stray quote is column 12. */
static void test_syntax_error_after_bom(void)
{
    EXPECT_ERROR("\xEF\xBB\xBF{'id': 'p' 'x': 1}", "", "line 1, column 12");
}

/* Text that is not UTF-8 is refused where it starts, wherever it is (a
 * string value, a key, between values): reports must stay UTF-8. */
static void test_not_utf8(void)
{
    static const char *const bad[] = {
        "\xe9",             /* Latin-1 e-acute */
        "\xb9\xe6",         /* GBK for one hanzi */
        "\xc0\xaf",         /* overlong '/' */
        "\xed\xa0\x80",     /* a UTF-16 surrogate */
        "\xf4\x90\x80\x80", /* above U+10FFFF */
        "\xe5\xa4",         /* a sequence cut short */
        "\x80",             /* a lone continuation byte */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "{'name': 'ab%s', 'id': 'p'}", bad[i]);
        EXPECT_ERROR(text, "", "invalid JSON at line 1, column 13: a byte that is not UTF-8");
    }
    /* Valid sequences of every length still load up to the next check. */
    EXPECT_ERROR("{'name': 'a\xc3\xa9\xe8\xa7\x84\xf0\x9f\x93\x88', 'id': 'P'}", "id",
                 "expected an id");
}

static void test_duplicate_key(void)
{
    EXPECT_ERROR(ONE("{'baseline': 1, 'baseline': 2}"), "indicators.gdp.baseline",
                 "duplicate key \"baseline\"");
    EXPECT_ERROR("{'id': 'p', 'id': 'q'}", "id", "duplicate key \"id\"");
}

static void test_unknown_field(void)
{
    EXPECT_ERROR(ONE("{'baseline': 1, 'colour': 'red'}"), "indicators.gdp.colour",
                 "unknown field \"colour\"");
    EXPECT_ERROR("{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'extra': 1,"
                 " 'indicators': {'gdp': {'baseline': 1}}}",
                 "extra", "unknown field \"extra\"");
    EXPECT_ERROR(ONE("{'baseline': 1, 'target': {'value': 2, 'when': 2025}}"),
                 "indicators.gdp.target.when", "unknown field \"when\"");
}

static void test_wrong_type(void)
{
    EXPECT_ERROR(ONE("{'baseline': '400'}"), "indicators.gdp.baseline",
                 "expected a number, got \"400\"");
    EXPECT_ERROR(ONE("{'baseline': 1, 'target': {'value': true}}"),
                 "indicators.gdp.target.value", "expected a number, got true");
    EXPECT_ERROR("{'id': 'p', 'base_year': '2020', 'target_year': 2025,"
                 " 'indicators': {'gdp': {'baseline': 1}}}",
                 "base_year", "expected a year, got \"2020\"");
}

static void test_non_finite(void)
{
    EXPECT_ERROR(ONE("{'baseline': 1e999}"), "indicators.gdp.baseline",
                 "expected a finite number");
    EXPECT_ERROR(ONE("{'baseline': 1, 'actual': {'2021': -1e999}}"),
                 "indicators.gdp.actual.2021", "expected a finite number");
}

/* The table's "-": a value target needs no baseline, a change does. */
static void test_missing_baseline(void)
{
    ts_error err;
    ts_plan *plan = tu_plan(ONE("{'target': {'value': 2}}"), &err);
    if (CHECK(plan != NULL)) {
        CHECK(!plan->indicators[0].has_baseline);
        CHECK(isnan(plan->indicators[0].baseline));
    }
    ts_plan_free(plan);
    EXPECT_ERROR(ONE("{'actual': {'2022': 3}, 'target': {'change': 2}}"),
                 "indicators.gdp.target.change",
                 "a change target is measured from the baseline, and \"gdp\" has none");
}

static void test_derived_errors(void)
{
    EXPECT_ERROR("{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'indicators': {"
                 " 'a': {'derived': {'factors': {'b': 1}}},"
                 " 'b': {'derived': {'factors': {'a': 1}}}}}",
                 "indicators.a.derived.factors", "derived cycle: a -> b -> a");
    EXPECT_ERROR("{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'indicators': {"
                 " 'x': {'baseline': 1},"
                 " 'a': {'derived': {'factors': {'a': 2, 'x': 1}}}}}",
                 "indicators.a.derived.factors", "derived cycle: a -> a");
    EXPECT_ERROR(ONE("{'derived': {'factors': {'nope': 1}}}"),
                 "indicators.gdp.derived.factors.nope", "unknown indicator \"nope\"");
    /* A derived indicator's baseline comes from its inputs. */
    EXPECT_ERROR("{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'indicators': {"
                 " 'x': {'baseline': 1},"
                 " 'a': {'baseline': 5, 'derived': {'factors': {'x': 1}}}}}",
                 "indicators.a.baseline", "takes its baseline from its inputs");
    /* sqrt of a negative baseline is undefined. */
    EXPECT_ERROR("{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'indicators': {"
                 " 'x': {'baseline': -4},"
                 " 'a': {'derived': {'factors': {'x': 0.5}}}}}",
                 "indicators.a.derived", "derived baseline is undefined");
}

static void test_year_errors(void)
{
    EXPECT_ERROR("{'id': 'p', 'base_year': 2020, 'target_year': 2019,"
                 " 'indicators': {'gdp': {'baseline': 1}}}",
                 "target_year", "target year 2019 is not after base year 2020");
    EXPECT_ERROR(ONE("{'baseline': 1, 'target_year': 2020, 'target': {'value': 2}}"),
                 "indicators.gdp.target_year", "target year 2020 is outside [2021, 2035]");
    EXPECT_ERROR(ONE("{'baseline': 1, 'history': {'2019': 1, '2020': 1}}"),
                 "indicators.gdp.history.2020", "year 2020 is outside [1900, 2019]");
    EXPECT_ERROR(ONE("{'baseline': 1, 'actual': {'2020': 1}}"),
                 "indicators.gdp.actual.2020", "year 2020 is outside [2021, 2035]");
    EXPECT_ERROR("{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'horizon': 2024,"
                 " 'indicators': {'gdp': {'baseline': 1}}}",
                 "horizon", "horizon 2024 is outside [2025, 2220]");
    EXPECT_ERROR("{'id': 'p', 'base_year': 2020.5, 'target_year': 2025,"
                 " 'indicators': {'gdp': {'baseline': 1}}}",
                 "base_year", "expected a whole year in [1900, 2300], got 2020.5");
    EXPECT_ERROR(ONE("{'baseline': 1, 'actual': {'twenty': 1}}"),
                 "indicators.gdp.actual.twenty", "expected a year as key, got \"twenty\"");
}

static void test_bad_ids(void)
{
    EXPECT_ERROR("{'id': 'a/b', 'base_year': 2020, 'target_year': 2025,"
                 " 'indicators': {'gdp': {'baseline': 1}}}",
                 "id", "expected an id of 1 to 64 characters from [a-z0-9_-], got \"a/b\"");
    EXPECT_ERROR("{'id': 'p', 'base_year': 2020, 'target_year': 2025,"
                 " 'indicators': {'..': {'baseline': 1}}}",
                 "indicators...", "got \"..\"");
    EXPECT_ERROR("{'id': 'p', 'base_year': 2020, 'target_year': 2025,"
                 " 'indicators': {'../etc': {'baseline': 1}}}",
                 "indicators.../etc", "got \"../etc\"");
    EXPECT_ERROR("{'id': 'Upper', 'base_year': 2020, 'target_year': 2025,"
                 " 'indicators': {'gdp': {'baseline': 1}}}",
                 "id", "got \"Upper\"");
}

static void test_other_errors(void)
{
    EXPECT_ERROR(ONE("{'baseline': 1, 'target': {'value': 2, 'direction': 'sideways'}}"),
                 "indicators.gdp.target.direction",
                 "expected one of at_least, above, at_most, below, about, got \"sideways\"");
    EXPECT_ERROR("{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'indicators': {}}",
                 "indicators", "expected a non-empty object of indicators");
}

static void test_direction_met(void)
{
    CHECK(ts_direction_met(TS_AT_LEAST, 30000, 30000));
    CHECK(ts_direction_met(TS_AT_LEAST, 30001, 30000));
    CHECK(!ts_direction_met(TS_AT_LEAST, 29999.5, 30000));
    CHECK(!ts_direction_met(TS_ABOVE, 30000, 30000)); /* 30000 is not > 30000 */
    CHECK(ts_direction_met(TS_ABOVE, 30000.5, 30000));
    CHECK(ts_direction_met(TS_AT_MOST, 30000, 30000));
    CHECK(ts_direction_met(TS_AT_MOST, 2, 30000));
    CHECK(!ts_direction_met(TS_AT_MOST, 30001, 30000));
    CHECK(!ts_direction_met(TS_BELOW, 30000, 30000));
    CHECK(ts_direction_met(TS_BELOW, 29999, 30000));
    for (int d = 0; d < 4; d++)
        CHECK(!ts_direction_met((ts_direction)d, NAN, 30000));
}

int main(void)
{
    test_header();
    test_indicator_fields();
    test_targets();
    test_default_direction();
    test_default_horizon_capped();
    test_series_sorted();
    test_derived();
    test_derived_of_derived();
    test_scenario_paths();
    test_bom();
    test_load_missing_file();
    test_load_from_pipe();
    test_load_device_refused();
    test_syntax_error_position();
    test_syntax_error_truncated();
    test_syntax_error_after_bom();
    test_not_utf8();
    test_text_controls_blanked();
    test_duplicate_key();
    test_unknown_field();
    test_wrong_type();
    test_non_finite();
    test_missing_baseline();
    test_derived_errors();
    test_year_errors();
    test_bad_ids();
    test_other_errors();
    test_direction_met();
    return check_done();
}
