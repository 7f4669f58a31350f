/* test_charts.c - the chart writer (plots/) and the CLI's rendering.
 *
 * Values in the .dat files are checked against the run's projection and
 * against rates computed here from it, never against the program's own
 * output. Every script is run through gnuplot in a temporary folder and must
 * print nothing on stderr; every SVG must parse as XML. A plan whose names
 * try to run commands must render without running any, with the text shown
 * as text. The gnuplot and python3 parts are skipped when those are
 * missing. */
#include <dirent.h>
#include <math.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chart_quote.h"
#include "cli/render.h"
#include "cli/sweep_spec.h"
#include "spawn.h"
#include "targetsim/targetsim.h"

static int failures;

#define CHECK(cond, ...)                                                                      \
    do {                                                                                      \
        if (!(cond)) {                                                                        \
            failures++;                                                                       \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond);          \
            fprintf(stderr, __VA_ARGS__);                                                     \
            fputc('\n', stderr);                                                              \
        }                                                                                     \
    } while (0)

/* Equal within a relative 1e-12, or both undefined. */
static int same(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return fabs(a - b) <= 1e-12 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

typedef struct fixture {
    ts_plan *plan;
    ts_scenario *scenarios[TS_MAX_SCENARIOS];
    size_t n;
    ts_run *run;
    ts_chart_set *charts;
} fixture;

static void fixture_free(fixture *f)
{
    ts_chart_set_free(f->charts);
    ts_run_free(f->run);
    for (size_t s = 0; s < f->n; s++)
        ts_scenario_free(f->scenarios[s]);
    ts_plan_free(f->plan);
    memset(f, 0, sizeof *f);
}

/* What a run does beyond projecting (the CLI's --as-of, --draws, ...). */
typedef struct extras {
    int as_of;           /* 0: none */
    size_t draws;        /* 0: no Monte Carlo */
    int backtest;
    const char *compare; /* reference scenario id, or NULL */
    const char *sweep[2]; /* --sweep specs, NULL when fewer */
} extras;

static int fixture_load_ex(fixture *f, const char *plan_file, ts_lang lang, const extras *x);

/* The plan under the scenarios it lists, and its charts in `lang`. */
static int fixture_load(fixture *f, const char *plan_file, ts_lang lang)
{
    return fixture_load_ex(f, plan_file, lang, NULL);
}

static int fixture_load_ex(fixture *f, const char *plan_file, ts_lang lang, const extras *x)
{
    ts_error err;
    memset(f, 0, sizeof *f);
    if (ts_plan_load(plan_file, &f->plan, &err) != TS_OK) {
        fprintf(stderr, "%s: %s: %s\n", err.file, err.path, err.message);
        return -1;
    }
    for (; f->n < f->plan->n_scenarios; f->n++)
        if (ts_scenario_load(f->plan, f->plan->scenarios[f->n], &f->scenarios[f->n], &err) != TS_OK) {
            fprintf(stderr, "%s: %s: %s\n", err.file, err.path, err.message);
            return -1;
        }
    ts_project_options po = {0, x && x->as_of ? x->as_of : TS_AS_OF_LATEST};
    ts_mc_options mc = {.draws = x ? x->draws : 0, .seed = 7, .threads = 1, .percentiles = true};
    ts_sweep_axis axes[2];
    size_t n_axes = 0;
    for (; x && n_axes < 2 && x->sweep[n_axes]; n_axes++)
        if (ts_cli_sweep_parse(x->sweep[n_axes], &axes[n_axes], &err) != TS_OK) {
            fprintf(stderr, "%s\n", err.message);
            return -1;
        }
    if (ts_run_create(f->plan, (const ts_scenario *const *)f->scenarios, f->n, &po, &f->run,
                      &err) != TS_OK ||
        (x && x->draws && ts_run_simulate(f->run, &mc, &err) != TS_OK) ||
        (x && x->compare && ts_run_compare(f->run, x->compare, &err) != TS_OK) ||
        (x && x->backtest && ts_run_backtest(f->run, &err) != TS_OK) ||
        (n_axes && ts_run_sweep(f->run, axes, n_axes, x->draws ? &mc : NULL, &err) != TS_OK) ||
        ts_chart_set_create(f->run, lang, TS_TEST_TEMPLATES, &f->charts, &err) != TS_OK) {
        fprintf(stderr, "%s: %s\n", err.file, err.message);
        return -1;
    }
    return 0;
}

static const ts_chart *find_chart(const ts_chart_set *set, const char *stem)
{
    for (size_t c = 0; c < set->n; c++)
        if (strcmp(set->charts[c].stem, stem) == 0)
            return &set->charts[c];
    return NULL;
}

/* Splits the next data line of `*text` (comments skipped) into numbers.
 * Returns the number of cells, 0 at the end. "NaN" reads as NaN. */
static size_t next_row(const char **text, double *cells, size_t max)
{
    while (**text == '#') {
        const char *nl = strchr(*text, '\n');
        *text = nl ? nl + 1 : *text + strlen(*text);
    }
    if (!**text)
        return 0;
    size_t n = 0;
    const char *p = *text;
    while (*p && *p != '\n') {
        char *end;
        double v = strtod(p, &end);
        if (end == p) /* a word (the status name): not a number */
            end = (char *)p + strcspn(p, "\t\n");
        if (n < max)
            cells[n] = v;
        n++;
        p = end + strspn(end, "\t");
    }
    *text = *p ? p + 1 : p;
    return n;
}

static double history_value(const ts_indicator *ind, int year)
{
    for (size_t k = 0; k < ind->history.n; k++)
        if (ind->history.points[k].year == year)
            return ind->history.points[k].value;
    return NAN;
}

static void check_indicator_dat(const ts_run *run, size_t i, const ts_chart *chart)
{
    const ts_indicator *ind = &run->plan->indicators[i];
    const ts_projection *p0 = run->results[0].projection;
    int base = run->plan->base_year;
    const char *text = chart->dat.data;
    double cells[4 + TS_MAX_SCENARIOS];
    size_t n, rows = 0;
    CHECK(strstr(text, "# generated-by: targetsim ") != NULL, "%s: no generator", chart->dat_name);
    CHECK(strstr(text, "# unit: ") != NULL, "%s: no unit line", chart->dat_name);
    while ((n = next_row(&text, cells, sizeof cells / sizeof *cells)) > 0) {
        int year = (int)cells[0];
        rows++;
        CHECK(n == 4 + run->n_results, "%s %d: %zu cells", chart->dat_name, year, n);
        for (size_t s = 0; s < run->n_results && n == 4 + run->n_results; s++)
            CHECK(same(cells[4 + s], ts_projection_value(run->results[s].projection, i, year)),
                  "%s %d scenario %zu: %.17g", chart->dat_name, year, s, cells[4 + s]);
        if (year < base) {
            CHECK(same(cells[1], history_value(ind, year)), "%s %d history", chart->dat_name, year);
            continue;
        }
        ts_point_kind kind = p0->paths[i].kinds[year - base];
        double v = ts_projection_value(p0, i, year);
        CHECK(same(cells[2], kind == TS_OBSERVED ? v : NAN), "%s %d observed", chart->dat_name, year);
        CHECK(same(cells[3], kind == TS_INTERPOLATED ? v : NAN), "%s %d interpolated",
              chart->dat_name, year);
    }
    int first = ind->history.n ? ind->history.points[0].year : base;
    CHECK(rows == (size_t)(run->horizon - first + 1), "%s: %zu rows", chart->dat_name, rows);
    /* One "# revision: YEAR VALUE" line per revised target, in plan order. */
    const char *r = chart->dat.data;
    for (size_t k = 0; k < ind->n_revisions; k++) {
        r = strstr(r, "# revision: ");
        CHECK(r != NULL, "%s: revision %zu missing", chart->dat_name, k);
        if (!r)
            break;
        char *end;
        long year = strtol(r + 12, &end, 10);
        double value = strtod(end, NULL);
        CHECK(year == ind->revisions[k].target.year && same(value, ind->revisions[k].target.value),
              "%s: revision %zu: %ld %.17g", chart->dat_name, k, year, value);
        r++;
    }
    CHECK(!r || !strstr(r, "# revision: "), "%s: extra revision lines", chart->dat_name);
}

/* An indicator with something to draw (plots/chart_indicator.c): derived,
 * or with a figure; a target with no figure at all waits for data. */
static bool drawable(const ts_indicator *ind)
{
    return ind->is_derived || ts_indicator_has_figures(ind);
}

/* The target as a level in the indicator's unit: a multiple of the baseline
 * (翻番 = 2) is that many times the baseline. */
static double level_of(const ts_indicator *ind)
{
    return ind->target.kind == TS_TARGET_MULTIPLE ? ind->target.value * ind->baseline
                                                  : ind->target.value;
}

/* Percent of target in the target year, from the projection. */
static void check_attainment_dat(const ts_run *run, const ts_chart *chart)
{
    const char *text = chart->dat.data;
    double cells[8];
    size_t i = 0, rows = 0;
    for (size_t k = 0; k < run->plan->n_indicators; k++) {
        const ts_target *t = &run->plan->indicators[k].target;
        if (!t->present || t->kind == TS_TARGET_TEXT)
            continue;
        i++;
        for (size_t s = 0; s < run->n_results; s++, rows++) {
            size_t n = next_row(&text, cells, 8);
            double want = 100.0 * ts_projection_value(run->results[s].projection, k, t->year) /
                          level_of(&run->plan->indicators[k]);
            CHECK(n == 6 && (size_t)cells[1] == i && (size_t)cells[2] == s + 1,
                  "attainment row %zu: %zu cells", rows, n);
            CHECK(same(cells[3], want), "attainment %s/%zu: %.17g, want %.17g",
                  run->plan->indicators[k].id, s, cells[3], want);
        }
    }
    CHECK(next_row(&text, cells, 8) == 0, "attainment: extra rows");
}

/* Constant yearly rates from the as-of year (or, when the target year is
 * observed, the base year) to the target year, computed here. */
static void check_growth_dat(const ts_run *run, const ts_chart *chart)
{
    const char *text = chart->dat.data;
    double cells[4 + TS_MAX_SCENARIOS];
    for (size_t k = 0; k < run->plan->n_indicators; k++) {
        const ts_target *t = &run->plan->indicators[k].target;
        if (!t->present || t->kind == TS_TARGET_TEXT)
            continue;
        size_t n = next_row(&text, cells, sizeof cells / sizeof *cells);
        CHECK(n == 4 + run->n_results, "growth %s: %zu cells", run->plan->indicators[k].id, n);
        int a = run->results[0].projection->paths[k].as_of;
        int from = a >= t->year ? run->plan->base_year : a;
        double v_from = ts_projection_value(run->results[0].projection, k, from);
        double needed = 100.0 * (pow(level_of(&run->plan->indicators[k]) / v_from,
                                     1.0 / (t->year - from)) - 1);
        CHECK(same(cells[1], needed), "growth %s needed %.17g want %.17g",
              run->plan->indicators[k].id, cells[1], needed);
        CHECK((int)cells[2] == from && (int)cells[3] == t->year, "growth %s span",
              run->plan->indicators[k].id);
        for (size_t s = 0; s < run->n_results && n == 4 + run->n_results; s++) {
            const ts_projection *p = run->results[s].projection;
            double g = 100.0 * (pow(ts_projection_value(p, k, t->year) / ts_projection_value(p, k, from),
                                    1.0 / (t->year - from)) - 1);
            CHECK(same(cells[4 + s], g), "growth %s/%zu %.17g want %.17g",
                  run->plan->indicators[k].id, s, cells[4 + s], g);
        }
    }
}

/* fan-ID: observed points and p5, p25, p50, p75, p95 of every scenario,
 * read from the Monte Carlo result. */
static void check_fan_dat(const ts_run *run, size_t i, const ts_chart *chart)
{
    static const size_t LEVEL[5] = {0, 2, 3, 4, 6};
    const ts_projection *p0 = run->results[0].projection;
    int base = run->plan->base_year;
    const char *text = chart->dat.data;
    double cells[2 + 5 * TS_MAX_SCENARIOS];
    size_t n, rows = 0;
    while ((n = next_row(&text, cells, sizeof cells / sizeof *cells)) > 0) {
        int year = (int)cells[0];
        size_t k = (size_t)(year - base);
        rows++;
        CHECK(n == 2 + 5 * run->n_results, "%s %d: %zu cells", chart->dat_name, year, n);
        if (n != 2 + 5 * run->n_results)
            continue;
        CHECK(same(cells[1], p0->paths[i].kinds[k] == TS_OBSERVED ? p0->paths[i].values[k] : NAN),
              "%s %d observed", chart->dat_name, year);
        for (size_t s = 0; s < run->n_results; s++)
            for (size_t j = 0; j < 5; j++) {
                const double *pc = run->results[s].mc->targets[i].percentiles;
                double want = pc[k * TS_MC_N_PERCENTILES + LEVEL[j]];
                CHECK(same(cells[2 + 5 * s + j], want), "%s %d scenario %zu level %zu: %.17g want %.17g",
                      chart->dat_name, year, s, j, cells[2 + 5 * s + j], want);
            }
    }
    CHECK(rows == (size_t)(run->horizon - base + 1), "%s: %zu rows", chart->dat_name, rows);
}

/* tornado-ID: the first scenario's bars of target `i`, in their order. */
static void check_tornado_dat(const ts_run *run, size_t i, const ts_chart *chart)
{
    const ts_tornado *t = run->results[0].tornado;
    const char *text = chart->dat.data;
    double cells[8];
    size_t rank = 0;
    for (size_t b = 0; b < t->n; b++) {
        if (t->bars[b].target != i)
            continue;
        size_t n = next_row(&text, cells, 8);
        rank++;
        CHECK(n == 6 && (size_t)cells[0] == rank, "%s bar %zu: %zu cells", chart->dat_name, rank, n);
        CHECK(same(cells[1], t->bars[b].low) && same(cells[2], t->bars[b].high) &&
                  same(cells[3], t->bars[b].base) && same(cells[4], t->bars[b].shift),
              "%s bar %zu values", chart->dat_name, rank);
        /* The central value is the scenario's value in the target year (for a
         * multiple, its ratio to the baseline). */
        const ts_indicator *ind = &run->plan->indicators[i];
        double central = ts_projection_value(run->results[0].projection, i, ind->target.year);
        if (ind->target.kind == TS_TARGET_MULTIPLE)
            central /= ind->baseline;
        CHECK(same(cells[3], central), "%s bar %zu central", chart->dat_name, rank);
    }
    CHECK(rank > 0 && next_row(&text, cells, 8) == 0, "%s: %zu bars, or extra rows",
          chart->dat_name, rank);
}

/* backtest-ID: the run's observations and each scenario's projection from
 * the base year, base year to the last year compared. */
static void check_backtest_dat(const ts_run *run, size_t i, const ts_chart *chart)
{
    const ts_backtest *bt = run->backtest;
    const ts_projection *p0 = run->results[0].projection;
    int base = run->plan->base_year, last = base;
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_backtest_cell *c = ts_backtest_cell_at(bt, s, i);
        for (size_t k = 0; k < c->n; k++) {
            last = c->points[k].year > last ? c->points[k].year : last;
            /* The observed points are the ones the backtest compared. */
            CHECK(same(c->points[k].observed, ts_projection_value(p0, i, c->points[k].year)),
                  "%s: observed %d", chart->dat_name, c->points[k].year);
        }
    }
    const char *text = chart->dat.data;
    double cells[2 + TS_MAX_SCENARIOS];
    size_t n, rows = 0;
    while ((n = next_row(&text, cells, sizeof cells / sizeof *cells)) > 0) {
        int year = (int)cells[0];
        size_t k = (size_t)(year - base);
        rows++;
        CHECK(n == 2 + run->n_results, "%s %d: %zu cells", chart->dat_name, year, n);
        CHECK(same(cells[1], p0->paths[i].kinds[k] == TS_OBSERVED ? p0->paths[i].values[k] : NAN),
              "%s %d observed", chart->dat_name, year);
        for (size_t s = 0; s < run->n_results && n == 2 + run->n_results; s++)
            CHECK(same(cells[2 + s], ts_projection_value(bt->projections[s], i, year)),
                  "%s %d scenario %zu", chart->dat_name, year, s);
    }
    CHECK(rows == (size_t)(last - base + 1) && last > base, "%s: %zu rows", chart->dat_name, rows);
}

/* compare: per own target and non-reference scenario, the difference in %
 * of the reference's value in the target year, from the projections. */
static void check_compare_dat(const ts_run *run, const ts_chart *chart)
{
    size_t ref = run->comparison->reference, group = 0, rows = 0;
    const char *text = chart->dat.data;
    double cells[8];
    for (size_t i = 0; i < run->plan->n_indicators; i++) {
        const ts_target *t = &run->plan->indicators[i].target;
        if (!t->present || t->kind == TS_TARGET_TEXT)
            continue;
        group++;
        /* A multiple is compared as the ratio to the baseline it is judged on. */
        double per = t->kind == TS_TARGET_MULTIPLE ? run->plan->indicators[i].baseline : 1.0;
        double r = ts_projection_value(run->results[ref].projection, i, t->year) / per;
        for (size_t s = 0; s < run->n_results; s++) {
            if (s == ref)
                continue;
            double v = ts_projection_value(run->results[s].projection, i, t->year) / per;
            size_t n = next_row(&text, cells, 8);
            rows++;
            CHECK(n == 6 && (size_t)cells[1] == group && (size_t)cells[2] == s + 1,
                  "compare row %zu: %zu cells", rows, n);
            CHECK(same(cells[3], r != 0 ? 100.0 * (v - r) / r : NAN) && same(cells[4], v) &&
                      same(cells[5], r),
                  "compare %s/%zu: %.17g", run->plan->indicators[i].id, s, cells[3]);
        }
    }
    CHECK(rows > 0 && next_row(&text, cells, 8) == 0, "compare: %zu rows, or extra ones", rows);
}

/* sweep-ID, sweepprob-ID: the grid and the sweep's cells of target `i`. */
static void check_sweep_dat(const ts_run *run, size_t i, const ts_chart *chart, int probability)
{
    const ts_sweep_result *sw = run->sweep;
    size_t t = 0;
    while (t < sw->n_targets && sw->targets[t] != i)
        t++;
    const char *text = chart->dat.data;
    double cells[8];
    size_t na = sw->n_axes;
    for (size_t p = 0; p < sw->n_points; p++) {
        size_t n = next_row(&text, cells, 8);
        const ts_sweep_cell *c = &sw->cells[p * sw->n_targets + t];
        CHECK(n == na + 3, "%s point %zu: %zu cells", chart->dat_name, p, n);
        for (size_t a = 0; a < na; a++)
            CHECK(same(cells[a], sw->x[p * na + a]), "%s point %zu x%zu", chart->dat_name, p, a);
        CHECK(same(cells[na], 100.0 * c->value / run->plan->indicators[i].target.value),
              "%s point %zu share %.17g", chart->dat_name, p, cells[na]);
        CHECK(same(cells[na + 1], sw->has_draws ? 100.0 * c->probability : NAN) &&
                  same(cells[na + 2], c->value),
              "%s point %zu probability/value", chart->dat_name, p);
        /* With draws the probability is the share of draws attaining. */
        CHECK(!probability || (cells[na + 1] >= 0 && cells[na + 1] <= 100), "%s point %zu",
              chart->dat_name, p);
        /* Blank lines between runs of x1 are skipped by next_row's caller
         * below. */
        while (*text == '\n')
            text++;
    }
    CHECK(next_row(&text, cells, 8) == 0, "%s: extra rows", chart->dat_name);
}

static const extras ANALYSES = {2022, 400, 1, "plan-pace",
                                {"gdp.growth=0.02:0.10:0.02", "population.growth=-0.01:0.01:0.005"}};
static const extras ONE_AXIS = {2022, 0, 0, NULL, {"gdp.growth=0.02:0.10:0.02", NULL}};

static void check_sweeps(const fixture *f, size_t *n_sweep)
{
    for (size_t i = 0; i < f->plan->n_indicators; i++) {
        const ts_indicator *ind = &f->plan->indicators[i];
        if (!ind->target.present || ind->target.kind == TS_TARGET_TEXT || !drawable(ind))
            continue;
        char stem[128];
        snprintf(stem, sizeof stem, "sweep-%s", f->plan->indicators[i].id);
        const ts_chart *c = find_chart(f->charts, stem);
        /* Drawn exactly when the swept drivers move the target's value. */
        const ts_sweep_result *sw = f->run->sweep;
        size_t t = 0;
        while (t < sw->n_targets && sw->targets[t] != i)
            t++;
        int moves = 0;
        for (size_t p = 1; t < sw->n_targets && p < sw->n_points; p++)
            moves |= sw->cells[p * sw->n_targets + t].value != sw->cells[t].value;
        CHECK((c != NULL) == moves, "%s: %s", stem, c ? "drawn, flat" : "missing");
        if (c && moves) {
            check_sweep_dat(f->run, i, c, 0);
            ++*n_sweep;
        }
        snprintf(stem, sizeof stem, "sweepprob-%s", f->plan->indicators[i].id);
        c = find_chart(f->charts, stem);
        CHECK((c != NULL) == (moves && sw->has_draws), "%s", stem);
        if (c)
            check_sweep_dat(f->run, i, c, 1);
    }
}

/* A run with observations up to 2022, Monte Carlo, a backtest and a
 * comparison: every chart those add, checked against the run. */
static void test_analysis_values(void)
{
    fixture f;
    if (fixture_load_ex(&f, TS_TEST_PLAN, TS_LANG_EN, &ANALYSES) != 0) {
        CHECK(0, "cannot load %s with analyses", TS_TEST_PLAN);
        fixture_free(&f);
        return;
    }
    size_t n_fan = 0, n_tornado = 0;
    for (size_t i = 0; i < f.plan->n_indicators; i++) {
        char stem[128];
        const ts_indicator *ind = &f.plan->indicators[i];
        if (!ind->target.present || ind->target.kind == TS_TARGET_TEXT || !drawable(ind))
            continue;
        snprintf(stem, sizeof stem, "fan-%s", f.plan->indicators[i].id);
        const ts_chart *c = find_chart(f.charts, stem);
        CHECK(c != NULL, "no chart %s", stem);
        if (c) {
            check_fan_dat(f.run, i, c);
            n_fan++;
        }
        snprintf(stem, sizeof stem, "tornado-%s", f.plan->indicators[i].id);
        c = find_chart(f.charts, stem);
        CHECK(c != NULL, "no chart %s", stem);
        if (c) {
            check_tornado_dat(f.run, i, c);
            n_tornado++;
        }
    }
    CHECK(n_fan > 0 && n_tornado > 0, "%zu fans, %zu tornadoes", n_fan, n_tornado);
    size_t n_backtest = 0;
    for (size_t i = 0; i < f.plan->n_indicators; i++) {
        char stem[128];
        snprintf(stem, sizeof stem, "backtest-%s", f.plan->indicators[i].id);
        const ts_chart *c = find_chart(f.charts, stem);
        int compared = 0;
        for (size_t s = 0; s < f.run->n_results; s++)
            compared |= ts_backtest_cell_at(f.run->backtest, s, i)->n > 0;
        CHECK((c != NULL) == compared, "%s: %s", stem, c ? "drawn, nothing compared" : "missing");
        if (c && compared) {
            check_backtest_dat(f.run, i, c);
            n_backtest++;
        }
    }
    CHECK(n_backtest > 0, "no backtest chart");
    size_t n_sweep = 0;
    check_sweeps(&f, &n_sweep);
    CHECK(n_sweep > 0, "no sweep chart");
    fixture_free(&f);
    n_sweep = 0;
    if (fixture_load_ex(&f, TS_TEST_PLAN, TS_LANG_EN, &ONE_AXIS) == 0) {
        check_sweeps(&f, &n_sweep);
        CHECK(n_sweep > 0, "no one-axis sweep chart");
    }
    fixture_free(&f);
    if (fixture_load_ex(&f, TS_TEST_PLAN, TS_LANG_EN, &ANALYSES) != 0)
        return;
    const ts_chart *cmp = find_chart(f.charts, "compare");
    CHECK(cmp != NULL, "no compare chart");
    if (cmp)
        check_compare_dat(f.run, cmp);
    fixture_free(&f);
}

static void test_values(void)
{
    fixture f;
    if (fixture_load(&f, TS_TEST_PLAN, TS_LANG_EN) != 0) {
        CHECK(0, "cannot load %s", TS_TEST_PLAN);
        fixture_free(&f);
        return;
    }
    /* A tornado per target whose value some driver moves (not when the
     * target year is observed). */
    size_t n_tornado = 0;
    const ts_tornado *t = f.run->results[0].tornado;
    for (size_t i = 0; i < f.plan->n_indicators; i++) {
        int swings = 0;
        for (size_t b = 0; b < t->n; b++)
            swings |= t->bars[b].target == i && (t->bars[b].low != t->bars[b].base ||
                                                 t->bars[b].high != t->bars[b].base);
        char stem[128];
        snprintf(stem, sizeof stem, "tornado-%s", f.plan->indicators[i].id);
        const ts_chart *c = find_chart(f.charts, stem);
        CHECK((c != NULL) == swings, "%s: %s", stem, c ? "drawn without a swing" : "missing");
        if (c && swings)
            check_tornado_dat(f.run, i, c);
        n_tornado += swings;
    }
    size_t n_drawable = 0;
    for (size_t i = 0; i < f.plan->n_indicators; i++)
        n_drawable += drawable(&f.plan->indicators[i]);
    CHECK(f.charts->n == n_drawable + 2 + n_tornado, "%zu charts", f.charts->n);
    for (size_t i = 0; i < f.plan->n_indicators; i++) {
        char stem[128];
        if (!drawable(&f.plan->indicators[i]))
            continue;
        snprintf(stem, sizeof stem, "indicator-%s", f.plan->indicators[i].id);
        const ts_chart *c = find_chart(f.charts, stem);
        CHECK(c != NULL, "no chart %s", stem);
        if (c)
            check_indicator_dat(f.run, i, c);
    }
    const ts_chart *att = find_chart(f.charts, "attainment");
    const ts_chart *gro = find_chart(f.charts, "growth");
    CHECK(att && gro, "summary charts missing");
    if (att)
        check_attainment_dat(f.run, att);
    if (gro)
        check_growth_dat(f.run, gro);
    fixture_free(&f);
}

/* ---- files on disk, gnuplot, python3 ---- */

static void rmtree(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char sub[4096];
        if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) < (int)sizeof sub &&
            unlink(sub) != 0)
            rmtree(sub);
    }
    if (d)
        closedir(d);
    rmdir(path);
}

static int exists(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return access(path, F_OK) == 0;
}

static void write_text(const char *dir, const char *name, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL, "cannot create %s", path);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void write_charts(const char *dir, const ts_chart_set *set)
{
    ts_output_file files[2 * (6 * TS_MAX_INDICATORS + 3)];
    ts_error err;
    for (size_t c = 0; c < set->n; c++) {
        files[2 * c] = (ts_output_file){set->charts[c].dat_name, set->charts[c].dat.data,
                                        set->charts[c].dat.len};
        files[2 * c + 1] = (ts_output_file){set->charts[c].gp_name, set->charts[c].gp.data,
                                            set->charts[c].gp.len};
    }
    CHECK(ts_output_write_all(dir, files, 2 * set->n, &err) == TS_OK, "%s", err.message);
}

/* Whether chart `c` is one test_render checks in this round: `prefix`
 * NULL means every chart, else only stems starting with it, and "+" every
 * chart but the plain ones (indicator-, attainment, growth) already checked. */
static int wanted(const ts_chart *c, const char *prefix)
{
    if (!prefix)
        return 1;
    if (strcmp(prefix, "+") == 0)
        return strncmp(c->stem, "indicator-", 10) != 0 && strcmp(c->stem, "attainment") != 0 &&
               strcmp(c->stem, "growth") != 0;
    return strncmp(c->stem, prefix, strlen(prefix)) == 0;
}

/* Runs gnuplot on every script in `dir`: exit 0, nothing on stderr. */
static void check_gnuplot_some(const char *dir, const ts_chart_set *set, const char *prefix)
{
    for (size_t c = 0; c < set->n; c++) {
        if (!wanted(&set->charts[c], prefix))
            continue;
        char err[4096];
        char *argv[] = {"gnuplot", set->charts[c].gp_name, NULL};
        int rc = tst_spawn(argv, dir, NULL, err, sizeof err);
        CHECK(rc == 0 && err[0] == '\0', "gnuplot %s: exit %d, stderr: %s",
              set->charts[c].gp_name, rc, err);
        char svg[512], png[512];
        snprintf(svg, sizeof svg, "%s.svg", set->charts[c].stem);
        snprintf(png, sizeof png, "%s.png", set->charts[c].stem);
        CHECK(exists(dir, svg) && exists(dir, png), "%s: no PNG or SVG", set->charts[c].stem);
    }
}

static void check_gnuplot_quiet(const char *dir, const ts_chart_set *set)
{
    check_gnuplot_some(dir, set, NULL);
}

/* check_svg.py: well-formed XML holding every text of `texts` (NULL-ended).
 * Returns 0, or 1 when python3 is missing (the check is skipped). */
static int check_svg(const char *dir, const char *stem, const char *const *texts)
{
    char path[4096], out[4096];
    snprintf(path, sizeof path, "%s/%s.svg", dir, stem);
    char *argv[16] = {"python3", TS_TEST_SVG_CHECK, path};
    size_t n = 3;
    for (; texts && *texts && n < 15; texts++)
        argv[n++] = (char *)*texts;
    argv[n] = NULL;
    int rc = tst_spawn(argv, NULL, NULL, out, sizeof out);
    if (rc == 127)
        return 1;
    CHECK(rc == 0, "%s: %s", path, out);
    return 0;
}

static void test_render(void)
{
    char *gnuplot = ts_render_find_gnuplot();
    if (!gnuplot) {
        printf("SKIP render checks: gnuplot is not installed\n");
        return;
    }
    free(gnuplot);
    fixture f;
    char dir[] = "/tmp/ts_charts_XXXXXX";
    /* Plain, then with every analysis (the charts those add), en and zh. */
    for (int round = 0; round < 6; round++) {
        int lang = round & 1;
        CHECK(mkdtemp(dir) != NULL, "mkdtemp");
        if (fixture_load_ex(&f, TS_TEST_PLAN, lang ? TS_LANG_ZH : TS_LANG_EN,
                            round >= 4 ? &ONE_AXIS : round >= 2 ? &ANALYSES : NULL) == 0) {
            /* Rounds after the first two check only the charts they add. */
            const char *only = round >= 4 ? "sweep" : round >= 2 ? "+" : NULL;
            write_charts(dir, f.charts);
            check_gnuplot_some(dir, f.charts, only);
            for (size_t c = 0; c < f.charts->n; c++)
                if (wanted(&f.charts->charts[c], only) &&
                    check_svg(dir, f.charts->charts[c].stem, NULL) != 0) {
                    printf("SKIP SVG checks: python3 is not installed\n");
                    break;
                }
        }
        fixture_free(&f);
        rmtree(dir);
        strcpy(dir + strlen(dir) - 6, "XXXXXX");
    }
}

/* Names and units that would run `touch pwned` if any reached gnuplot as
 * code: backquotes, system(), a "<cmd" data file, a "|cmd" output, quotes
 * of both kinds (leading, trailing, in a row: where gnuplot's '' escape
 * fails) and a newline (JSON-escaped here); and text gnuplot would read as
 * a format in a tic label (100% %d) or as an escape in a `with labels`
 * label (\n), or as enhanced-text markup (@ ^ _ { }). */
static const char HOSTILE_PLAN[] =
    "{\"id\": \"evil\", \"name\": {\"en\": \"`touch pwned` plan\"},\n"
    " \"base_year\": 2020, \"target_year\": 2025, \"horizon\": 2030,\n"
    " \"scenarios\": [\"s.json\"],\n"
    " \"indicators\": {\n"
    "  \"x\": {\"name\": {\"en\": \"A `touch pwned` B system(\\\"touch pwned\\\") C 100% %d \\\\n @x ^a _b {c}\","
    "          \"zh\": \"中文 `touch pwned`\"},\n"
    "         \"unit\": {\"en\": \"'|touch pwned' it's\\n\\\"quoted\\\"\"},\n"
    "         \"baseline\": 100, \"target\": {\"value\": 150, \"direction\": \"at_least\"},\n"
    "         \"history\": {\"2018\": 90, \"2019\": 95}, \"actual\": {\"2021\": 104}},\n"
    "  \"y\": {\"name\": {\"en\": \"'.system(\\\"touch pwned\\\").' \\\"<touch pwned\\\" ''''q\"},"
    "         \"baseline\": 5}}}\n";

static const char HOSTILE_SCENARIO[] =
    "{\"id\": \"s\", \"name\": {\"en\": \"S '|touch pwned' \\\"<touch pwned\"},\n"
    " \"assumptions\": {\"x\": {\"growth\": 0.05}, \"y\": {\"growth\": 0.01}}}\n";

static void test_hostile(void)
{
    char dir[] = "/tmp/ts_evil_XXXXXX", plan[4096];
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    write_text(dir, "plan.json", HOSTILE_PLAN);
    write_text(dir, "s.json", HOSTILE_SCENARIO);
    snprintf(plan, sizeof plan, "%s/plan.json", dir);
    fixture f;
    char *gnuplot = ts_render_find_gnuplot();
    for (int lang = 0; lang < 2; lang++) {
        /* Every analysis, so that every kind of chart sees the names. */
        static const extras ALL = {0, 200, 1, "s", {"x.growth=0.01:0.05:0.01", "y.growth=0:0.02:0.01"}};
        if (fixture_load_ex(&f, plan, lang ? TS_LANG_ZH : TS_LANG_EN, &ALL) != 0) {
            CHECK(0, "cannot load the hostile plan");
            fixture_free(&f);
            break;
        }
        write_charts(dir, f.charts);
        if (gnuplot) {
            ts_render_outcome r;
            CHECK(ts_render_charts(gnuplot, dir, f.charts, 0, &r) == 0 && r.n_failed == 0,
                  "hostile render: %s", r.n_failed ? r.failures[0].line : "");
            ts_render_outcome_free(&r);
            check_gnuplot_quiet(dir, f.charts);
        }
        CHECK(!exists(dir, "pwned") && !exists(".", "pwned"), "a command ran: pwned exists");
        if (gnuplot && lang == 0) {
            /* The unit's newline became a space when the plan was loaded
             * (free text loses its control characters there). */
            const char *x_texts[] = {"A `touch pwned` B system(\"touch pwned\") C 100% %d \\n @x ^a _b {c}",
                                     "'|touch pwned' it's \"quoted\"", "S '|touch pwned' \"<touch pwned", NULL};
            const char *y_texts[] = {"'.system(\"touch pwned\").' \"<touch pwned\" ''''q", NULL};
            check_svg(dir, "indicator-x", x_texts);
            check_svg(dir, "indicator-y", y_texts);
            const char *s_texts[] = {"S '|touch pwned' \"<touch pwned", NULL};
            const char *x_name[] = {"A `touch pwned` B system(\"touch pwned\") C 100% %d \\n @x ^a _b {c}", NULL};
            check_svg(dir, "fan-x", s_texts);
            check_svg(dir, "tornado-x", x_name);
            check_svg(dir, "backtest-x", s_texts);
            check_svg(dir, "sweep-x", x_name);
            check_svg(dir, "sweepprob-x", s_texts);
        }
        fixture_free(&f);
    }
    free(gnuplot);
    rmtree(dir);
}

/* The CLI without gnuplot on the PATH: success, scripts written, a note. */
static void test_cli_without_gnuplot(void)
{
    char dir[] = "/tmp/ts_nognuplot_XXXXXX", out[4096], err[4096];
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    snprintf(out, sizeof out, "%s/out", dir);
    char *argv[] = {TS_TEST_TARGETSIM, "--quiet", "--out", out, NULL};
    int rc = tst_spawn(argv, NULL, "PATH=/nonexistent", err, sizeof err);
    CHECK(rc == 0, "exit %d: %s", rc, err);
    CHECK(strstr(err, "gnuplot") != NULL, "no note about gnuplot: %s", err);
    CHECK(exists(out, "indicator-gdp.gp") && exists(out, "indicator-gdp.dat") &&
              exists(out, "attainment.gp") && !exists(out, "indicator-gdp.png"),
          "files in %s", out);
    rmtree(out);
    char *argv2[] = {TS_TEST_TARGETSIM, "--quiet", "--no-render", "--out", out, NULL};
    rc = tst_spawn(argv2, NULL, NULL, err, sizeof err);
    CHECK(rc == 0 && err[0] == '\0', "--no-render: exit %d: %s", rc, err);
    CHECK(exists(out, "growth.gp") && !exists(out, "growth.png"), "--no-render files");
    rmtree(out);
    rmtree(dir);
}

/* Copies template `name` from the source tree into `dir`, plus `extra`. */
static void copy_template(const char *dir, const char *name, const char *extra)
{
    char path[4096], text[65536];
    snprintf(path, sizeof path, "%s/%s", TS_TEST_TEMPLATES, name);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f)
        fclose(f);
    text[n] = '\0';
    CHECK(n > 0 && n < sizeof text - 1, "cannot read %s", path);
    strncat(text, extra, sizeof text - strlen(text) - 1);
    write_text(dir, name, text);
}

/* Files in `dir` whose name ends in ".tmp" (temporary images left behind). */
static int count_temporaries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    while (d && (e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        n += len > 4 && strcmp(e->d_name + len - 4, ".tmp") == 0;
    }
    if (d)
        closedir(d);
    return n;
}

/* Charts gnuplot rejects, in the few gnuplot processes that draw them all:
 * the CLI names each failed chart with gnuplot's message and exits 4; the
 * other charts are still rendered, and no temporary image is left. Three
 * ways to fail: an error in the script (gnuplot goes on with the next
 * chart), a script that quits gnuplot (a new process takes the charts
 * left), a script that stops before its SVG (neither image is replaced). */
static void test_cli_render_failure(void)
{
    char *gnuplot = ts_render_find_gnuplot();
    if (!gnuplot) {
        printf("SKIP render failure check: gnuplot is not installed\n");
        return;
    }
    free(gnuplot);
    char dir[] = "/tmp/ts_badtpl_XXXXXX", env[4200], out[4096], err[8192];
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    static const char *const NAMES[] = {"header.gp",  "indicator.gp", "attainment.gp",
                                        "growth.gp",  "footer.gp",    "fan.gp",
                                        "tornado.gp", "backtest.gp",  "compare.gp",
                                        "sweep.gp"};
    for (size_t k = 0; k < sizeof NAMES / sizeof *NAMES; k++)
        copy_template(dir, NAMES[k],
                      k == 2   ? "\nno_such_command 1\n"
                      : k == 3 ? "\nexit\n"            /* returns before the footer's SVG */
                      : k == 6 ? "\nexit status 3\n"   /* ends the gnuplot process */
                               : "");
    snprintf(env, sizeof env, "TARGETSIM_TEMPLATE_DIR=%s", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    char *argv[] = {TS_TEST_TARGETSIM, "--quiet", "--out", out, NULL};
    int rc = tst_spawn(argv, NULL, env, err, sizeof err);
    CHECK(rc == 4, "exit %d, want 4: %s", rc, err);
    CHECK(strstr(err, "/attainment.gp: gnuplot: ") && strstr(err, "\"attainment.gp\" line "),
          "no gnuplot line: %s", err);
    CHECK(strstr(err, "/growth.gp: gnuplot: gnuplot wrote no growth.svg"), "growth: %s", err);
    CHECK(strstr(err, "/tornado-gdp_per_capita_usd.gp: gnuplot: gnuplot exited with status 3") &&
              strstr(err, "/tornado-high_tech_enterprises.gp: gnuplot: ") &&
              strstr(err, "/tornado-industrial_enterprises.gp: gnuplot: "),
          "tornado: %s", err);
    /* 2 summaries and the 5 tornadoes (GDP per capita, industrial and high-tech
     * enterprises, services, high-tech doubled) of 26 charts: 11 indicators
     * with figures, 2 summaries, 8 fans, 5 tornadoes. */
    CHECK(strstr(err, "7 of 26 charts could not be rendered"), "count: %s", err);
    CHECK(!exists(out, "attainment.png") && !exists(out, "growth.png") &&
              !exists(out, "growth.svg") && !exists(out, "tornado-gdp_per_capita_usd.png"),
          "failed charts drawn");
    CHECK(exists(out, "indicator-gdp.png") && exists(out, "indicator-usd_cny.svg") &&
              exists(out, "fan-gdp.svg") && exists(out, "fan-rural_income.png"),
          "other charts");
    CHECK(count_temporaries(out) == 0, "%d temporary files left in %s", count_temporaries(out),
          out);
    /* The same scripts again, by the renderer itself with 1, 2 and 3
     * processes: which process draws which chart changes, the outcome does
     * not. The charts go in as the CLI lists them (indicators first). */
    static const char *const STEMS[] = {
        "indicator-gdp", "attainment", "tornado-gdp_per_capita_usd", "growth", "fan-gdp",
        "tornado-high_tech_enterprises", "indicator-usd_cny", "tornado-industrial_enterprises",
        "fan-rural_income"};
    enum { N_STEMS = sizeof STEMS / sizeof *STEMS };
    ts_chart charts[N_STEMS];
    char gp_names[N_STEMS][128];
    for (size_t c = 0; c < N_STEMS; c++) {
        snprintf(gp_names[c], sizeof gp_names[c], "%s.gp", STEMS[c]);
        charts[c] = (ts_chart){.stem = (char *)STEMS[c], .gp_name = gp_names[c]};
    }
    ts_chart_set set = {N_STEMS, charts};
    gnuplot = ts_render_find_gnuplot();
    for (int jobs = 1; jobs <= 3 && gnuplot; jobs++) {
        ts_render_outcome r;
        CHECK(ts_render_charts(gnuplot, out, &set, jobs, &r) == 0, "render, %d jobs", jobs);
        CHECK(r.n_rendered == 4 && r.n_failed == 5, "%d jobs: %zu rendered, %zu failed", jobs,
              r.n_rendered, r.n_failed);
        for (size_t k = 0; k < r.n_failed; k++) {
            const char *name = r.failures[k].gp_name, *line = r.failures[k].line;
            if (strcmp(name, "attainment.gp") == 0)
                CHECK(strstr(line, "\"attainment.gp\" line ") != NULL, "%s: %s", name, line);
            else if (strcmp(name, "growth.gp") == 0)
                CHECK(strcmp(line, "gnuplot wrote no growth.svg") == 0, "%s: %s", name, line);
            else
                CHECK(strncmp(name, "tornado-", 8) == 0 &&
                          strcmp(line, "gnuplot exited with status 3") == 0,
                      "%d jobs: %s: %s", jobs, name, line);
        }
        CHECK(count_temporaries(out) == 0, "%d jobs: temporary files left", jobs);
        ts_render_outcome_free(&r);
    }
    free(gnuplot);
    rmtree(out);
    rmtree(dir);
}

static void test_quote(void)
{
    ts_buffer b = {0};
    ts_chart_quote(&b, "it's `x`\n\"y\"\t\x7f$z");
    CHECK(b.data && strcmp(b.data, "('it' . sprintf('%c', 39) . 's ' . sprintf('%c', 96) . 'x' . "
                              "sprintf('%c', 96) . '\"y\"$z')") == 0,
          "quoted: %s", b.data);
    /* Quotes first, last and in a row: the cases gnuplot's '' escape gets wrong. */
    b.len = 0;
    ts_chart_quote(&b, "''x''");
    CHECK(b.data && strcmp(b.data, "('' . sprintf('%c', 39) . '' . sprintf('%c', 39) . 'x' . "
                              "sprintf('%c', 39) . '' . sprintf('%c', 39) . '')") == 0,
          "quoted: %s", b.data);
    /* A macro: no @ reaches the script. */
    b.len = 0;
    ts_chart_quote(&b, "a@v");
    CHECK(b.data && strcmp(b.data, "('a' . sprintf('%c', 64) . 'v')") == 0, "quoted: %s", b.data);
    b.len = 0;
    ts_chart_quote(&b, NULL);
    CHECK(b.data && strcmp(b.data, "''") == 0, "NULL quoted: %s", b.data);
    /* A tic label is also a format: '%' doubled, nothing else changed. */
    b.len = 0;
    ts_chart_quote_tic(&b, "率（%）%d %% \\n it's");
    CHECK(b.data && strcmp(b.data, "('率（%%）%%d %%%% \\n it' . sprintf('%c', 39) . 's')") == 0,
          "tic quoted: %s", b.data);
    /* A `with labels` text expands escapes: backslashes doubled. */
    b.len = 0;
    ts_chart_quote_label(&b, "a\\n \\\\ \\101 100%");
    CHECK(b.data && strcmp(b.data, "'a\\\\n \\\\\\\\ \\\\101 100%'") == 0, "label quoted: %s",
          b.data);
    ts_buffer_free(&b);
}

int main(void)
{
    ts_library_init();
    test_quote();
    test_values();
    test_analysis_values();
    test_render();
    test_hostile();
    test_cli_without_gnuplot();
    test_cli_render_failure();
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
