/* chart_set.c - building every chart of a run, and what the charts share:
 * the .dat header and the script's common placeholders. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "chart_internal.h"
#include "targetsim/backtest.h"
#include "targetsim/compare.h"

/* Pango picks a substitute when this family is missing, so the charts still
 * render without it (Chinese glyphs then depend on what is installed). */
static const char FONT[] = "Noto Sans CJK SC";
enum { FONT_SIZE = 18 };

void ts_chart_dat_comment(ts_buffer *dat, const char *key, const char *value)
{
    ts_buffer_printf(dat, "# %s: ", key);
    for (const unsigned char *p = (const unsigned char *)(value ? value : ""); *p; p++)
        if (*p >= 0x20 && *p != 0x7f)
            ts_buffer_append(dat, (const char *)p, 1);
    ts_buffer_puts(dat, "\n");
}

void ts_chart_dat_number(ts_buffer *dat, double value)
{
    if (!isfinite(value)) {
        ts_buffer_puts(dat, "NaN");
        return;
    }
    /* The shortest of 15, 16, 17 digits that reads back as the same double:
     * 2735.34, not 2735.3400000000001, and still exact. */
    char buf[40];
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*g", digits, value);
        if (strtod(buf, NULL) == value)
            break;
    }
    ts_buffer_puts(dat, buf);
}

void ts_chart_dat_indicator(ts_buffer *dat, const ts_run *run, size_t index, size_t number,
                            ts_lang lang)
{
    const ts_indicator *ind = &run->plan->indicators[index];
    static const char *const SIGN[] = {">=", ">", "<=", "<"};
    ts_buffer line = {0};
    ts_buffer_printf(&line, "%zu %s (%s); unit: %s; target %s %.15g in %d; as-of %d", number,
                     ind->id, ts_chart_indicator_name(ind, lang), ts_chart_text(&ind->unit, lang),
                     SIGN[ind->target.direction], ind->target.value, ind->target.year,
                     ts_chart_as_of(run, index));
    ts_chart_dat_comment(dat, "indicator", line.data);
    ts_buffer_free(&line);
}

int ts_chart_as_of(const ts_run *run, size_t index)
{
    int latest = run->plan->base_year;
    for (size_t s = 0; s < run->n_results; s++)
        if (run->results[s].projection->paths[index].as_of > latest)
            latest = run->results[s].projection->paths[index].as_of;
    return latest;
}

void ts_chart_dat_header(ts_buffer *dat, const ts_run *run, ts_lang lang)
{
    const ts_plan *plan = run->plan;
    ts_buffer line = {0};
    ts_buffer_printf(&line, "%s (%s)", plan->id, ts_chart_text(&plan->name, lang));
    ts_chart_dat_comment(dat, "plan", line.data);
    line.len = 0;
    ts_buffer_printf(&line, "%d", plan->base_year);
    ts_chart_dat_comment(dat, "base-year", line.data);
    if (run->as_of != TS_AS_OF_LATEST) {
        line.len = 0;
        ts_buffer_printf(&line, "observations after %d ignored (--as-of)", run->as_of);
        ts_chart_dat_comment(dat, "as-of-limit", line.data);
    }
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_scenario *sc = run->results[s].scenario;
        line.len = 0;
        ts_buffer_printf(&line, "%zu %s (%s)", s + 1, sc->id, ts_chart_scenario_name(sc, lang));
        ts_chart_dat_comment(dat, "scenario", line.data);
    }
    line.len = 0;
    ts_buffer_printf(&line, "targetsim %s", ts_version());
    ts_chart_dat_comment(dat, "generated-by", line.data);
    ts_buffer_free(&line);
}

/* File names come from ids only, and only from [a-z0-9_-]: the loader
 * enforces that already; mapping anything else to '_' keeps this safe on
 * its own, since a name starting with < or | would run a command. */
static char *make_stem(const char *prefix, const char *id)
{
    size_t n = strlen(prefix) + strlen(id);
    char *stem = malloc(n + 1);
    if (!stem)
        return NULL;
    strcpy(stem, prefix);
    strcat(stem, id);
    for (char *p = stem; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            *p = '_';
    return stem;
}

static char *with_ext(const char *stem, const char *ext)
{
    char *s = malloc(strlen(stem) + strlen(ext) + 1);
    if (s) {
        strcpy(s, stem);
        strcat(s, ext);
    }
    return s;
}

static ts_status chart_init(ts_chart *chart, const char *prefix, const char *id, ts_error *err)
{
    chart->stem = make_stem(prefix, id);
    chart->dat_name = chart->stem ? with_ext(chart->stem, ".dat") : NULL;
    chart->gp_name = chart->stem ? with_ext(chart->stem, ".gp") : NULL;
    if (!chart->dat_name || !chart->gp_name)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    return TS_OK;
}

ts_status ts_chart_script(const char *template_dir, const char *template_name, ts_chart *chart,
                          ts_tpl_vars *vars, ts_error *err)
{
    ts_tpl_set_text(vars, "STEM", chart->stem);
    ts_tpl_set_text(vars, "DAT", chart->dat_name);
    ts_tpl_set_text(vars, "GP", chart->gp_name);
    ts_buffer *png = ts_tpl_slot(vars, "PNG"), *svg = ts_tpl_slot(vars, "SVG");
    ts_buffer *font = ts_tpl_slot(vars, "FONT");
    if (!png || !svg || !font)
        return ts_error_set(err, TS_EINTERNAL, template_name, NULL, "too many placeholders");
    ts_buffer_printf(png, "'%s.png'", chart->stem);
    ts_buffer_printf(svg, "'%s.svg'", chart->stem);
    ts_buffer_printf(font, "'%s,%d'", FONT, FONT_SIZE);
    ts_buffer *version = ts_tpl_slot(vars, "VERSION");
    if (version)
        ts_buffer_puts(version, ts_version()); /* ours, printed bare in a comment */
    ts_status st;
    if ((st = ts_tpl_fill(template_dir, "header.gp", vars, &chart->gp, err)) != TS_OK ||
        (st = ts_tpl_fill(template_dir, template_name, vars, &chart->gp, err)) != TS_OK ||
        (st = ts_tpl_fill(template_dir, "footer.gp", vars, &chart->gp, err)) != TS_OK)
        return st;
    if (chart->gp.failed || chart->dat.failed)
        return ts_error_set(err, TS_ENOMEM, chart->gp_name, NULL, "out of memory");
    return TS_OK;
}

static bool has_targets(const ts_plan *plan)
{
    for (size_t i = 0; i < plan->n_indicators; i++)
        if (plan->indicators[i].target.present)
            return true;
    return false;
}

void ts_chart_set_free(ts_chart_set *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++) {
        free(set->charts[i].stem);
        free(set->charts[i].dat_name);
        free(set->charts[i].gp_name);
        ts_buffer_free(&set->charts[i].dat);
        ts_buffer_free(&set->charts[i].gp);
    }
    free(set->charts);
    free(set);
}

ts_status ts_chart_set_create(const ts_run *run, ts_lang lang, const char *template_dir,
                              ts_chart_set **out, ts_error *err)
{
    const ts_plan *plan = run->plan;
    *out = NULL;
    ts_chart_set *set = calloc(1, sizeof *set);
    /* indicator-, fan-, tornado-, backtest-, sweep-, sweepprob- per indicator; attainment,
     * growth, compare. */
    ts_chart *charts = calloc(6 * plan->n_indicators + 3, sizeof *charts);
    ts_status st = TS_OK;
    if (!set || !charts) {
        free(charts);
        free(set);
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    }
    set->charts = charts;
    for (size_t i = 0; i < plan->n_indicators && st == TS_OK; i++) {
        ts_chart *c = &charts[set->n++];
        if ((st = chart_init(c, "indicator-", plan->indicators[i].id, err)) == TS_OK)
            st = ts_chart_write_indicator(run, i, lang, template_dir, c, err);
    }
    /* The summaries compare targets: without any there is nothing to draw. */
    if (st == TS_OK && has_targets(plan) &&
        (st = chart_init(&charts[set->n++], "", "attainment", err)) == TS_OK)
        st = ts_chart_write_attainment(run, lang, template_dir, &charts[set->n - 1], err);
    if (st == TS_OK && has_targets(plan) &&
        (st = chart_init(&charts[set->n++], "", "growth", err)) == TS_OK)
        st = ts_chart_write_growth(run, lang, template_dir, &charts[set->n - 1], err);
    /* Monte Carlo fans: one per target indicator. */
    for (size_t i = 0; i < plan->n_indicators && st == TS_OK && run->mc_draws > 0; i++) {
        /* Bands need the percentiles (ts_mc_options.percentiles). */
        if (!plan->indicators[i].target.present || !run->n_results || !run->results[0].mc ||
            !run->results[0].mc->targets[i].percentiles)
            continue;
        ts_chart *c = &charts[set->n++];
        if ((st = chart_init(c, "fan-", plan->indicators[i].id, err)) == TS_OK)
            st = ts_chart_write_fan(run, i, lang, template_dir, c, err);
    }
    /* Tornadoes of the first scenario: one per target with bars. */
    for (size_t i = 0; i < plan->n_indicators && st == TS_OK && run->n_results > 0; i++) {
        if (!plan->indicators[i].target.present || !ts_chart_tornado_swings(run, i))
            continue;
        ts_chart *c = &charts[set->n++];
        if ((st = chart_init(c, "tornado-", plan->indicators[i].id, err)) == TS_OK)
            st = ts_chart_write_tornado(run, i, lang, template_dir, c, err);
    }
    /* Backtests: one per indicator observed after the base year. */
    for (size_t i = 0; i < plan->n_indicators && st == TS_OK && run->backtest; i++) {
        if (!ts_chart_backtest_has(run, i))
            continue;
        ts_chart *c = &charts[set->n++];
        if ((st = chart_init(c, "backtest-", plan->indicators[i].id, err)) == TS_OK)
            st = ts_chart_write_backtest(run, i, lang, template_dir, c, err);
    }
    /* Against the reference: when there are others and targets to compare. */
    if (st == TS_OK && run->comparison && run->comparison->n_rows > 0 && run->n_results > 1 &&
        (st = chart_init(&charts[set->n++], "", "compare", err)) == TS_OK)
        st = ts_chart_write_compare(run, lang, template_dir, &charts[set->n - 1], err);
    /* Sweeps: per target the swept drivers move, the share of the target
     * and, with draws, the probability. */
    for (size_t i = 0; i < plan->n_indicators && st == TS_OK && run->sweep; i++) {
        if (!ts_chart_sweep_moves(run, i))
            continue;
        ts_chart *c = &charts[set->n++];
        if ((st = chart_init(c, "sweep-", plan->indicators[i].id, err)) == TS_OK)
            st = ts_chart_write_sweep(run, i, false, lang, template_dir, c, err);
        if (st == TS_OK && run->sweep->has_draws &&
            (st = chart_init(c = &charts[set->n++], "sweepprob-", plan->indicators[i].id, err)) == TS_OK)
            st = ts_chart_write_sweep(run, i, true, lang, template_dir, c, err);
    }
    if (st != TS_OK) {
        ts_chart_set_free(set);
        return st;
    }
    *out = set;
    return TS_OK;
}
