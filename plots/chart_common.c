/* chart_common.c - the parts every chart shares: file names made from ids,
 * the .dat comment lines and numbers, and the script's common placeholders
 * around the chart's template. */
#include "chart_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/id.h"
#include "base/number.h"
#include "report/format.h"

/* Pango picks a substitute when this family is missing, so the charts still
 * render without it (Chinese glyphs then depend on what is installed). */
static const char FONT[] = "Noto Sans CJK SC";
enum { FONT_SIZE = 18 };

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
        if (!ts_id_char(*p))
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

ts_status ts_chart_name(ts_chart *chart, const char *prefix, const char *id, ts_error *err)
{
    chart->stem = make_stem(prefix, id);
    chart->dat_name = chart->stem ? with_ext(chart->stem, ".dat") : NULL;
    chart->gp_name = chart->stem ? with_ext(chart->stem, ".gp") : NULL;
    if (!chart->dat_name || !chart->gp_name)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    return TS_OK;
}

bool ts_chart_has_targets(const ts_run *run, size_t index)
{
    (void)index;
    return ts_plan_has_targets(run->plan);
}

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
    char buf[TS_ROUNDTRIP_SIZE];
    ts_format_roundtrip(buf, sizeof buf, value);
    ts_buffer_puts(dat, buf);
}

void ts_chart_dat_next(ts_buffer *dat, double value)
{
    ts_buffer_puts(dat, "\t");
    ts_chart_dat_number(dat, value);
}

void ts_chart_dat_indicator(ts_buffer *dat, const ts_run *run, size_t index, size_t number,
                            ts_lang lang)
{
    const ts_indicator *ind = &run->plan->indicators[index];
    ts_buffer line = {0};
    ts_buffer_printf(&line, "%zu %s (%s); unit: %s; target %s %.15g in %d; as-of %d", number,
                     ind->id, ts_indicator_name(ind, lang), ts_text_get(&ind->unit, lang),
                     ts_direction_symbol(ind->target.direction, TS_SYMBOL_ASCII),
                     ind->target.value, ind->target.year, ts_run_indicator_as_of(run, index));
    ts_chart_dat_comment(dat, "indicator", line.data);
    ts_buffer_free_into(&line, dat);
}

void ts_chart_dat_header(ts_buffer *dat, const ts_run *run, ts_lang lang)
{
    const ts_plan *plan = run->plan;
    ts_buffer line = {0};
    ts_buffer_printf(&line, "%s (%s)", plan->id, ts_text_get(&plan->name, lang));
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
        ts_buffer_printf(&line, "%zu %s (%s)", s + 1, sc->id, ts_scenario_name(sc, lang));
        ts_chart_dat_comment(dat, "scenario", line.data);
    }
    line.len = 0;
    ts_buffer_printf(&line, "targetsim %s", ts_version());
    ts_chart_dat_comment(dat, "generated-by", line.data);
    ts_buffer_free_into(&line, dat);
}

void ts_chart_dat_subject(ts_buffer *dat, const ts_run *run, size_t index, ts_lang lang)
{
    const ts_indicator *ind = &run->plan->indicators[index];
    ts_buffer line = {0};
    ts_chart_dat_header(dat, run, lang);
    ts_buffer_printf(&line, "%s (%s)", ind->id, ts_indicator_name(ind, lang));
    ts_chart_dat_comment(dat, "indicator", line.data);
    ts_chart_dat_comment(dat, "unit", ts_text_get(&ind->unit, lang));
    ts_buffer_free_into(&line, dat);
}

void ts_chart_target_title(ts_tpl_vars *vars, const ts_run *run, size_t index,
                           const ts_assessment *a, ts_lang lang, bool with_year)
{
    char written[256], title[320] = "";
    if (a->has_target) {
        ts_fmt_target_written(run->plan, ts_assessed_target(run->plan, index, a), lang,
                              TS_SYMBOL_UNICODE, written, sizeof written);
        snprintf(title, sizeof title, "%s %s", ts_strings_for(lang)->chart.target, written);
    }
    if (a->has_target && with_year)
        snprintf(title + strlen(title), sizeof title - strlen(title), " (%d)", a->target_year);
    ts_tpl_set_text(vars, "TARGET_TITLE", title);
}

bool ts_chart_plots_statistic(const ts_plan *plan, size_t index)
{
    const ts_indicator *ind = &plan->indicators[index];
    const ts_target *t = &ind->target;
    return ind->measure == TS_MEASURE_RATE && ts_target_scored(t) && t->relative_to < 0 &&
           (t->kind == TS_TARGET_CHANGE_PCT || t->kind == TS_TARGET_GROWTH_PCT ||
            t->kind == TS_TARGET_MULTIPLE);
}

double ts_chart_target_line(const ts_run *run, size_t index, const ts_assessment *a)
{
    const ts_target *t = ts_assessed_target(run->plan, index, a);
    if (!a->has_target || t->relative_to >= 0)
        return NAN;
    if (ts_chart_plots_statistic(run->plan, index) ||
        (a->measure == TS_MEASURE_RATE && t->kind == TS_TARGET_VALUE))
        return t->value;
    return a->measure == TS_MEASURE_LEVEL ? a->level_target : NAN;
}

long ts_chart_target_names(const ts_run *run, ts_lang lang, size_t width, ts_tpl_vars *vars)
{
    const ts_plan *plan = run->plan;
    ts_buffer *names = ts_tpl_slot(vars, "INDICATOR_NAMES");
    ts_buffer *names2 = ts_tpl_slot(vars, "INDICATOR_NAMES2");
    long n = 0;
    for (size_t i = 0; names && names2 && i < plan->n_indicators; i++) {
        if (!ts_target_scored(&plan->indicators[i].target))
            continue;
        ts_chart_wrap_name(ts_indicator_name(&plan->indicators[i], lang), width, names, names2);
        n++;
    }
    return n;
}

void ts_chart_scenario_names(const ts_run *run, ts_lang lang, bool labels, ts_tpl_vars *vars)
{
    ts_buffer *names = ts_tpl_slot(vars, "SCENARIO_NAMES");
    for (size_t s = 0; names && s < run->n_results; s++) {
        ts_tpl_array_sep(names);
        const char *name = ts_scenario_name(run->results[s].scenario, lang);
        if (labels)
            ts_chart_quote_label(names, name);
        else
            ts_chart_quote(names, name);
    }
}

void ts_chart_group_middle(ts_buffer *positions, long group, size_t per_group)
{
    ts_tpl_array_sep(positions);
    ts_buffer_printf(positions, "%g",
                     (double)group * (double)(per_group + 1) + (double)(per_group + 1) / 2.0);
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
