/* test_scenario.c - loading scenarios and their `extends` chains
 * (sim/load/scenario.c). Scenario files are written to a fresh folder in /tmp. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "testutil.h"

static char dir[256];

/* gdp and pop drive per_head; firms and fx are plain inputs. */
static const char *const PLAN =
    "{'id': 'city', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030,"
    " 'indicators': {"
    "  'gdp': {'baseline': 100, 'target': {'value': 150}},"
    "  'firms': {'baseline': 622, 'target': {'value': 3000}},"
    "  'fx': {'baseline': 6.9},"
    "  'pop': {'baseline': 16},"
    "  'per_head': {'derived': {'factors': {'gdp': 1, 'pop': -1}}}}}";

enum { GDP, FIRMS, FX, POP, PER_HEAD };

static ts_plan *plan;

/* Writes `text` to dir/name and loads it; NULL on failure (see err). */
static ts_scenario *load(const char *name, const char *text, ts_error *err)
{
    char path[512];
    tu_write(dir, name, text, path, sizeof path);
    ts_scenario *sc = NULL;
    ts_error_clear(err);
    (void)ts_scenario_load(plan, path, &sc, err);
    return sc;
}

static void write_base(void)
{
    tu_write(dir, "base.json",
             "{'id': 'base', 'name': {'zh': '基准', 'en': 'Base'},"
             " 'rationale': 'keeps the pace',"
             " 'assumptions': {"
             "  'gdp': {'growth': 0.05, 'deflator': 0.02},"
             "  'firms': {'growth': 0.03, 'deflator': 0.01},"
             "  'fx': {'level': {'2021': 6.5, 'default': 7.0}},"
             "  'pop': {'growth': 0.01, 'shock': {'2022': -0.02}}},"
             " 'uncertainty': {'sd': {'gdp': 0.015},"
             "                 'correlation': {'pop,gdp': 0.5}}}",
             NULL, 0);
}

static void test_base_alone(void)
{
    write_base();
    char path[512];
    snprintf(path, sizeof path, "%s/base.json", dir);
    ts_scenario *sc = NULL;
    ts_error err;
    if (!CHECK(ts_scenario_load(plan, path, &sc, &err) == TS_OK)) {
        fprintf(stderr, "  %s: %s: %s\n", err.file, err.path, err.message);
        return;
    }
    CHECK_STR(sc->id, "base");
    CHECK_STR(sc->name.en, "Base");
    CHECK_STR(sc->name.zh, "基准");
    CHECK_STR(sc->rationale.en, "keeps the pace");
    CHECK_STR(sc->file, path);
    CHECK_INT(sc->n_chain, 1);
    CHECK_INT(sc->n_assumptions, 5);
    const ts_assumption *gdp = &sc->assumptions[GDP];
    CHECK(gdp->model == &ts_model_growth);
    CHECK(gdp->driver.present && gdp->driver.fallback == 0.05);
    CHECK(gdp->deflator.present && gdp->deflator.fallback == 0.02);
    CHECK(!gdp->shock.present);
    CHECK_STR(gdp->driver.path, "assumptions.gdp.growth");
    CHECK_STR(gdp->driver.file, path);
    CHECK(gdp->sd == 0.015);
    CHECK(isnan(sc->assumptions[FIRMS].sd)); /* not given */
    CHECK(sc->assumptions[PER_HEAD].model == NULL);
    /* "pop,gdp" is stored with the smaller index first. */
    if (CHECK(sc->n_correlations == 1)) {
        CHECK_INT(sc->correlations[0].a, GDP);
        CHECK_INT(sc->correlations[0].b, POP);
        CHECK(sc->correlations[0].rho == 0.5);
    }
    ts_scenario_free(sc);
}

static void test_extends_per_key(void)
{
    write_base();
    char sub[300], child[512], base[512];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    CHECK(mkdir(sub, 0700) == 0);
    /* The parent is named relative to the child's folder, not the cwd. */
    tu_write(sub, "child.json",
             "{'id': 'child', 'extends': '../base.json',"
             " 'assumptions': {'gdp': {'growth': 0.08}, 'firms': {'add': 240}}}",
             child, sizeof child);
    snprintf(base, sizeof base, "%s/base.json", dir);
    ts_scenario *sc = NULL;
    ts_error err;
    if (!CHECK(ts_scenario_load(plan, child, &sc, &err) == TS_OK)) {
        fprintf(stderr, "  %s: %s: %s\n", err.file, err.path, err.message);
        return;
    }
    CHECK_STR(sc->id, "child"); /* the outermost file names the scenario */
    CHECK(sc->name.en == NULL);
    /* The chain: this file first, then its parent, as canonical paths. */
    char real_child[PATH_MAX], real_base[PATH_MAX];
    if (CHECK(sc->n_chain == 2) && realpath(child, real_child) && realpath(base, real_base)) {
        CHECK_STR(sc->chain[0], real_child);
        CHECK_STR(sc->chain[1], real_base);
    }

    /* gdp: the child's growth replaces the parent's; the deflator stays. */
    const ts_assumption *gdp = &sc->assumptions[GDP];
    double v = 0;
    CHECK(gdp->model == &ts_model_growth);
    CHECK(ts_yearly_at(&gdp->driver, 2023, &v) && v == 0.08);
    CHECK_STR(gdp->driver.file, child);
    CHECK(ts_yearly_at(&gdp->deflator, 2023, &v) && v == 0.02);
    char parent_as_named[600];
    snprintf(parent_as_named, sizeof parent_as_named, "%s/../base.json", sub);
    CHECK_STR(gdp->deflator.file, parent_as_named); /* resolved, not canonical */
    CHECK(gdp->sd == 0.015); /* the parent's uncertainty is inherited too */

    /* firms: `add` replaces growth + deflator; the deflator is dropped. */
    const ts_assumption *firms = &sc->assumptions[FIRMS];
    CHECK(firms->model == &ts_model_add);
    CHECK(ts_yearly_at(&firms->driver, 2021, &v) && v == 240);
    CHECK(!firms->deflator.present);

    /* fx and pop come from the parent unchanged. */
    const ts_assumption *fx = &sc->assumptions[FX];
    CHECK(fx->model == &ts_model_level);
    CHECK(ts_yearly_at(&fx->driver, 2021, &v) && v == 6.5);
    CHECK(ts_yearly_at(&fx->driver, 2022, &v) && v == 7.0);
    const ts_assumption *pop = &sc->assumptions[POP];
    CHECK(pop->model == &ts_model_growth);
    CHECK(ts_yearly_at(&pop->shock, 2022, &v) && v == -0.02);
    v = 42;
    CHECK(!ts_yearly_at(&pop->shock, 2023, &v) && v == 42); /* no default */
    CHECK(sc->n_correlations == 1);
    ts_scenario_free(sc);
}

static void test_extends_rate_only(void)
{
    /* A child may give just a deflator for a parent's growth driver. */
    write_base();
    ts_error err;
    ts_scenario *sc = load("prices.json",
                           "{'id': 'prices', 'extends': 'base.json',"
                           " 'assumptions': {'gdp': {'deflator': {'2021': 0.04, 'default': 0.03}}}}",
                           &err);
    if (!CHECK(sc != NULL))
        return;
    double v = 0;
    CHECK(ts_yearly_at(&sc->assumptions[GDP].driver, 2021, &v) && v == 0.05);
    CHECK(ts_yearly_at(&sc->assumptions[GDP].deflator, 2021, &v) && v == 0.04);
    CHECK(ts_yearly_at(&sc->assumptions[GDP].deflator, 2030, &v) && v == 0.03);
    ts_scenario_free(sc);
}

static void test_yearly_at(void)
{
    ts_year_value pts[2] = {{2022, 0.1}, {2024, 0.3}};
    ts_yearly y = {0};
    double v = -1;
    CHECK(!ts_yearly_at(&y, 2022, &v) && v == -1); /* absent */
    y.present = true;
    y.years.n = 2;
    y.years.points = pts;
    CHECK(ts_yearly_at(&y, 2022, &v) && v == 0.1);
    CHECK(ts_yearly_at(&y, 2024, &v) && v == 0.3);
    v = -1;
    CHECK(!ts_yearly_at(&y, 2023, &v) && v == -1); /* no default: untouched */
    y.has_default = true;
    y.fallback = 0.2;
    CHECK(ts_yearly_at(&y, 2023, &v) && v == 0.2);
    CHECK(ts_yearly_at(&y, 2024, &v) && v == 0.3); /* the year beats the default */
}

/* Loads dir/name (already written) and expects TS_EINPUT from `file` at
 * `path` with `message` in the message. */
#define EXPECT_ERROR(name, file, path, message) \
    expect_error(__LINE__, name, file, path, message)

static void expect_error(int line, const char *name, const char *file, const char *path,
                         const char *message)
{
    char full[512], want_file[512];
    snprintf(full, sizeof full, "%s/%s", dir, name);
    snprintf(want_file, sizeof want_file, "%s/%s", dir, file);
    ts_scenario *sc = (ts_scenario *)1;
    ts_error err;
    ts_error_clear(&err);
    ts_status st = ts_scenario_load(plan, full, &sc, &err);
    int ok = st == TS_EINPUT && sc == NULL && strcmp(err.file, want_file) == 0 &&
             strcmp(err.path, path) == 0 && strstr(err.message, message) != NULL;
    check_count++;
    if (!ok) {
        char what[4096];
        snprintf(what, sizeof what,
                 "scenario error: got status %d, file \"%s\", path \"%s\", message \"%s\"; "
                 "expected file \"%s\", path \"%s\", message with \"%s\"",
                 (int)st, err.file, err.path, err.message, want_file, path, message);
        check_fail(__FILE__, line, what);
    }
    if (st == TS_OK)
        ts_scenario_free(sc);
}

/* A scenario whose gdp assumption is `gdp`; the others are complete. */
static void write_with_gdp(const char *name, const char *gdp)
{
    char text[1024];
    snprintf(text, sizeof text,
             "{'id': 'x', 'assumptions': {'gdp': %s, 'firms': {'add': 10},"
             " 'fx': {'level': 7}, 'pop': {'growth': 0.01}}}",
             gdp);
    tu_write(dir, name, text, NULL, 0);
}

static void test_extends_errors(void)
{
    tu_write(dir, "a.json", "{'id': 'a', 'extends': 'b.json'}", NULL, 0);
    tu_write(dir, "b.json", "{'id': 'b', 'extends': 'a.json'}", NULL, 0);
    /* b.json names a.json again: reported in b.json at "extends". */
    EXPECT_ERROR("a.json", "b.json", "extends", "extends cycle: a.json -> b.json -> a.json");
    tu_write(dir, "self.json", "{'id': 'self', 'extends': 'self.json'}", NULL, 0);
    EXPECT_ERROR("self.json", "self.json", "extends", "extends cycle: self.json -> self.json");
    /* A missing parent is reported in the file that names it. */
    tu_write(dir, "orphan.json", "{'id': 'orphan', 'extends': 'missing.json'}", NULL, 0);
    EXPECT_ERROR("orphan.json", "orphan.json", "extends", "missing.json");
    /* An error inside the parent names the parent. */
    tu_write(dir, "bad-parent.json", "{'id': 'bad', 'assumptions': {'gdp': {'growth': 'x'}}}",
             NULL, 0);
    tu_write(dir, "good-child.json", "{'id': 'good', 'extends': 'bad-parent.json'}", NULL, 0);
    EXPECT_ERROR("good-child.json", "bad-parent.json", "assumptions.gdp.growth",
                 "expected a number or an object of year: number, got \"x\"");
}

static void test_assumption_errors(void)
{
    tu_write(dir, "unknown.json", "{'id': 'x', 'assumptions': {'nope': {'growth': 0.1}}}",
             NULL, 0);
    EXPECT_ERROR("unknown.json", "unknown.json", "assumptions.nope",
                 "unknown indicator \"nope\"");
    /* firms has no driver anywhere in the chain. */
    tu_write(dir, "incomplete.json",
             "{'id': 'x', 'assumptions': {'gdp': {'growth': 0.05}, 'fx': {'level': 7},"
             " 'pop': {'growth': 0.01}}}",
             NULL, 0);
    EXPECT_ERROR("incomplete.json", "incomplete.json", "assumptions.firms",
                 "indicator \"firms\" has no driver");
    write_with_gdp("minus.json", "{'growth': -1.5}");
    EXPECT_ERROR("minus.json", "minus.json", "assumptions.gdp.growth",
                 "expected growth > -1, got -1.5");
    write_with_gdp("minus-one.json", "{'growth': {'default': 0.05, '2023': -1}}");
    EXPECT_ERROR("minus-one.json", "minus-one.json", "assumptions.gdp.growth.2023",
                 "expected growth > -1, got -1");
    write_with_gdp("two.json", "{'growth': 0.05, 'add': 3}");
    EXPECT_ERROR("two.json", "two.json", "assumptions.gdp.add",
                 "give one driver per indicator; \"growth\" and \"add\" both given");
    write_with_gdp("deflated-add.json", "{'add': 3, 'deflator': 0.02}");
    EXPECT_ERROR("deflated-add.json", "deflated-add.json", "assumptions.gdp.deflator",
                 "deflator applies only to a growth driver");
    write_with_gdp("shocked-level.json", "{'level': 3, 'shock': {'2022': 0.1}}");
    EXPECT_ERROR("shocked-level.json", "shocked-level.json", "assumptions.gdp.shock",
                 "shock applies only to a growth driver");
    write_with_gdp("low-deflator.json", "{'growth': 0.05, 'deflator': -1}");
    EXPECT_ERROR("low-deflator.json", "low-deflator.json", "assumptions.gdp.deflator",
                 "expected deflator > -1, got -1");
    write_with_gdp("unknown-key.json", "{'growth': 0.05, 'speed': 2}");
    EXPECT_ERROR("unknown-key.json", "unknown-key.json", "assumptions.gdp.speed",
                 "unknown field \"speed\"");
    tu_write(dir, "derived.json",
             "{'id': 'x', 'extends': 'base.json', 'assumptions': {'per_head': {'growth': 0.1}}}",
             NULL, 0);
    write_base();
    EXPECT_ERROR("derived.json", "derived.json", "assumptions.per_head",
                 "\"per_head\" is derived");
}

static void test_year_key_errors(void)
{
    write_with_gdp("early.json", "{'growth': {'2020': 0.1, 'default': 0.05}}");
    EXPECT_ERROR("early.json", "early.json", "assumptions.gdp.growth.2020",
                 "year 2020 is outside the projected years [2021, 2030]");
    write_with_gdp("late.json", "{'growth': {'2031': 0.1, 'default': 0.05}}");
    EXPECT_ERROR("late.json", "late.json", "assumptions.gdp.growth.2031",
                 "year 2031 is outside the projected years [2021, 2030]");
    write_with_gdp("word.json", "{'growth': {'soon': 0.1}}");
    EXPECT_ERROR("word.json", "word.json", "assumptions.gdp.growth.soon",
                 "expected a year as key, got \"soon\"");
}

static void test_header_errors(void)
{
    tu_write(dir, "no-id.json", "{'assumptions': {}}", NULL, 0);
    EXPECT_ERROR("no-id.json", "no-id.json", "id", "missing");
    tu_write(dir, "bad-id.json", "{'id': '../up', 'extends': 'base.json'}", NULL, 0);
    EXPECT_ERROR("bad-id.json", "bad-id.json", "id", "got \"../up\"");
    tu_write(dir, "extra.json", "{'id': 'x', 'extends': 'base.json', 'colour': 1}", NULL, 0);
    EXPECT_ERROR("extra.json", "extra.json", "colour", "unknown field \"colour\"");
    tu_write(dir, "corr.json",
             "{'id': 'x', 'extends': 'base.json',"
             " 'uncertainty': {'correlation': {'gdp,gdp': 0.5}}}",
             NULL, 0);
    EXPECT_ERROR("corr.json", "corr.json", "uncertainty.correlation.gdp,gdp",
                 "expected two different, non-derived indicators");
}

static void test_missing_file(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/never-written.json", dir);
    ts_scenario *sc = (ts_scenario *)1;
    ts_error err;
    CHECK_INT(ts_scenario_load(plan, path, &sc, &err), TS_EINPUT);
    CHECK(sc == NULL);
    CHECK_STR(err.file, path);
    CHECK_HAS(err.message, "cannot open");
}

int main(void)
{
    ts_error err;
    plan = tu_plan(PLAN, &err);
    if (!CHECK(plan != NULL)) {
        fprintf(stderr, "plan: %s: %s\n", err.path, err.message);
        return check_done();
    }
    tu_tempdir(dir, sizeof dir);
    test_base_alone();
    test_extends_per_key();
    test_extends_rate_only();
    test_yearly_at();
    test_extends_errors();
    test_assumption_errors();
    test_year_key_errors();
    test_header_errors();
    test_missing_file();
    tu_rmtree(dir);
    ts_plan_free(plan);
    return check_done();
}
