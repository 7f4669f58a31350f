/* report_html.c - report.html: the run as one page for a browser and for A4
 * paper. Cover and summary table first (page 1), then the verdict on
 * observed targets, the overview charts, one section per indicator, the
 * scenarios, assumptions, notes, sources and the method.
 *
 * Every byte that came from an input file goes through ts_html_escape (or
 * base64 for the SVG charts); everything else written here is a fixed label,
 * a number formatted here, or an id (ids are [a-z0-9_-] by the loaders and
 * are escaped all the same). */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/text.h"
#include "report/format.h"
#include "report/provenance.h"
#include "report/report_parts.h"
#include "html_cells.h"
#include "html_out.h"
#include "report_html_style.h"
#include "strings/strings.h"
#include "targetsim/html.h"
#include "targetsim/targetsim.h"

static void attained_cell(ts_buffer *b, ts_lang lang, const ts_assessment *a, int horizon)
{
    char text[48];
    ts_fmt_attained(a->attainment_year, horizon, lang, text, sizeof text);
    ts_buffer_puts(b, "<td class=\"num\" data-field=\"attainment_year\"");
    if (a->attainment_year)
        ts_buffer_printf(b, " data-value=\"%d\">%s</td>", a->attainment_year, text);
    else
        ts_buffer_printf(b, " data-value=\"\"><span class=\"muted\">%s</span></td>", text);
}


static void render_head(ts_buffer *b, const ts_run *run, const ts_html_words *L, ts_lang lang)
{
    const ts_plan *plan = run->plan;
    ts_buffer_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                     L->html_lang);
    /* Defence in depth: even a text that escaped escaping could not run a
     * script or fetch anything. */
    ts_buffer_puts(b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "img-src data:; style-src 'unsafe-inline'\">\n");
    ts_buffer_puts(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    ts_buffer_printf(b, "<meta name=\"generator\" content=\"targetsim %s\">\n", ts_version());
    ts_html_wrap(b, "<title>", ts_text_name(&plan->name, lang, plan->id), "");
    ts_buffer_printf(b, " — %s</title>\n<style>\n%s", L->title_suffix, ts_html_style);
    ts_html_status_style(b);
    ts_buffer_puts(b, "</style>\n</head>\n<body>\n");
}

static void fact(ts_buffer *b, const char *cls, const char *term, const char *value_html)
{
    ts_buffer_printf(b, "<div%s%s%s><dt>%s</dt><dd>%s</dd></div>\n", cls ? " class=\"" : "",
                     cls ? cls : "", cls ? "\"" : "", term, value_html);
}

static void render_cover(ts_buffer *b, const ts_run *run, const ts_html_words *L, ts_lang lang)
{
    const ts_plan *plan = run->plan;
    const char *name = ts_text_get(&plan->name, lang);
    const char *other = ts_text_get(&plan->name, lang == TS_LANG_ZH ? TS_LANG_EN : TS_LANG_ZH);
    ts_buffer_printf(b, "<header class=\"cover\">\n<p class=\"kicker\">%s</p>\n", L->kicker);
    ts_html_wrap(b, "<h1>", ts_text_name(&plan->name, lang, plan->id), "</h1>\n");
    ts_html_wrap(b, "<p class=\"subtitle\"><code>", plan->id, "</code>");
    /* The Chinese name helps an English reader; a Chinese page stays
     * Chinese (tests/language/scan_zh.py). */
    if (lang == TS_LANG_EN && *other && strcmp(other, name) != 0)
        ts_html_wrap(b, " · ", other, "");
    ts_buffer_puts(b, "</p>\n<dl class=\"facts\">\n");
    char v[160];
    snprintf(v, sizeof v, "%d", plan->base_year);
    fact(b, NULL, L->base_year, v);
    snprintf(v, sizeof v, "%d", plan->target_year);
    fact(b, NULL, L->target_year, v);
    snprintf(v, sizeof v, "%d", run->horizon);
    fact(b, NULL, L->horizon, v);
    ts_buffer as_of = {0};
    ts_buffer_printf(&as_of, "%d <span class=\"muted\">(", ts_run_latest_as_of(run));
    if (run->as_of != TS_AS_OF_LATEST)
        ts_buffer_printf(&as_of, "%s%d%s", L->ignored_after.before, run->as_of,
                         L->ignored_after.after);
    else
        ts_buffer_puts(&as_of, L->all_used);
    ts_buffer_puts(&as_of, ")</span>");
    fact(b, "as-of", L->as_of, as_of.data ? as_of.data : "");
    if (as_of.failed)
        b->failed = 1;
    ts_buffer_free(&as_of);
    if (run->mc_draws) {
        char draws[48];
        ts_fmt_value((double)run->mc_draws, draws, sizeof draws);
        snprintf(v, sizeof v, "%s%s%s%llu", L->mc_draws.before, draws, L->mc_draws.after,
                 (unsigned long long)run->mc_seed);
        fact(b, "full", L->mc_fact, v);
    }
    ts_buffer list = {0};
    for (size_t s = 0; s < run->n_results; s++)
        ts_html_wrap(&list, s ? ", " : "", ts_scenario_name(run->results[s].scenario, lang), "");
    fact(b, "full", L->scenarios, list.data ? list.data : "");
    list.len = 0;
    ts_html_wrap(&list, "<code>", plan->file, "</code>");
    fact(b, "full", L->plan_file, list.data ? list.data : "");
    if (list.failed)
        b->failed = 1;
    ts_buffer_free(&list);
    ts_buffer_puts(b, "</dl>\n</header>\n");
}

/* Page 1's summary: the plan table's counts by status, then each
 * scenario's count of targets by status, as badges. */
static void render_glance(ts_buffer *b, const ts_run *run, const ts_html_words *L, ts_lang lang)
{
    if (!ts_plan_has_targets(run->plan))
        return;
    ts_buffer_printf(b, "<section id=\"glance\" class=\"glance\">\n<h2>%s</h2>\n"
                        "<dl class=\"keyvals\">\n",
                     L->glance_title);
    ts_buffer line = {0};
    ts_report_table_counts(run, lang, &line);
    ts_buffer_printf(b, "<dt>%s</dt>", L->glance_record);
    ts_html_wrap(b, "<dd data-field=\"table_counts\">", line.data ? line.data : "", "</dd>\n");
    if (line.failed)
        b->failed = 1;
    ts_buffer_free(&line);
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_scenario_result *r = &run->results[s];
        size_t count[TS_N_VERDICTS] = {0};
        for (size_t i = 0; i < run->plan->n_indicators; i++)
            if (r->assessments[i].has_target && !r->assessments[i].is_text)
                count[r->assessments[i].status]++;
        ts_html_wrap(b, "<dt>", ts_scenario_name(r->scenario, lang), "</dt>");
        ts_html_wrap(b, "<dd data-scenario=\"", r->scenario->id, "\">");
        for (int v = 0; v < TS_N_VERDICTS; v++)
            if (count[v]) {
                ts_buffer_printf(b, "<span class=\"count\" data-status=\"%s\" data-value=\"%zu\">",
                                 ts_verdict_name((ts_verdict)v), count[v]);
                ts_html_status(b, lang, (ts_verdict)v);
                ts_buffer_printf(b, " × %zu</span> ", count[v]);
            }
        ts_buffer_puts(b, "</dd>\n");
    }
    ts_buffer_puts(b, "</dl>\n</section>\n");
}

static void indicator_heading_cell(ts_buffer *b, const ts_run *run, size_t i, ts_lang lang,
                                   size_t rowspan)
{
    const ts_indicator *ind = &run->plan->indicators[i];
    ts_buffer_printf(b, "<th class=\"ind\" scope=\"rowgroup\" rowspan=\"%zu\">", rowspan);
    ts_html_wrap(b, "<a href=\"#indicator-", ind->id, "\">");
    ts_html_escape(b, ts_indicator_name(ind, lang));
    ts_buffer_puts(b, "</a>");
    ts_html_flag(b, run->plan, i);
    const char *unit = ts_text_get(&ind->unit, lang);
    if (*unit)
        ts_html_wrap(b, "<span class=\"unit\">", unit, "</span>");
    ts_buffer_puts(b, "</th>");
}

static void render_legend(ts_buffer *b, const ts_html_words *L, ts_lang lang)
{
    ts_buffer_printf(b, "<ul class=\"legend\" aria-label=\"%s\">\n", L->legend_title);
    for (int v = TS_ACHIEVED; v <= TS_MOVING_AWAY; v++) {
        ts_buffer_puts(b, "<li>");
        ts_html_status(b, lang, (ts_verdict)v);
        ts_buffer_printf(b, "%s</li>\n", L->status_help[v]);
    }
    ts_buffer_puts(b, "</ul>\n");
}

/* P(target) of the indicator's own target in scenario `r`: the share with
 * its interval, "decided" when the observations settle it, nothing for a
 * revision (the draws cover the own target) or without draws. */
static void probability_cell(ts_buffer *b, const ts_scenario_result *r, size_t i,
                             const ts_assessment *a, ts_lang lang)
{
    if (!r->mc || a->revision != 0) {
        ts_buffer_puts(b, "<td class=\"num\" data-field=\"probability\" data-value=\"\"></td>");
        return;
    }
    ts_html_probability_cell(b, &r->mc->targets[i], lang);
}

/* One scenario's cells for a target (or a revised target), shared by the
 * summary table and the indicator sections. */
static void scenario_cells(ts_buffer *b, const ts_run *run, const ts_scenario_result *r, size_t i,
                           const ts_assessment *a, ts_lang lang)
{
    ts_html_wrap(b, "<td class=\"scen\">", ts_scenario_name(r->scenario, lang), "</td>");
    ts_html_num_cell(b, "value_at_target_year", a->value_at_target_year, false);
    ts_html_num_cell(b, "ratio", a->ratio, true);
    if (run->mc_draws)
        probability_cell(b, r, i, a, lang);
    ts_html_num_cell(b, "required_growth", a->required_growth, true);
    ts_html_num_cell(b, "scenario_growth", a->scenario_growth, true);
    attained_cell(b, lang, a, run->horizon);
    ts_html_status_cell(b, lang, a->status);
}

/* The assessment of indicator `i`'s target (revision 0) or revised target
 * `revision` in scenario `r`. */
static const ts_assessment *assessment_of(const ts_scenario_result *r, size_t i, size_t revision)
{
    return revision == 0 ? &r->assessments[i] : &r->revisions[i][revision - 1];
}

/* One row group per target: the indicator's own target, then each revised
 * target (report.txt's "(revised 2027)" rows), one row per scenario. */
static void summary_rows(ts_buffer *b, const ts_run *run, size_t i, ts_lang lang)
{
    const ts_plan *plan = run->plan;
    const ts_indicator *ind = &plan->indicators[i];
    size_t n_targets = 1 + ind->n_revisions;
    for (size_t k = 0; k < n_targets; k++)
        for (size_t s = 0; s < run->n_results; s++) {
            const ts_scenario_result *r = &run->results[s];
            const ts_assessment *a = assessment_of(r, i, k);
            ts_html_wrap(b, "<tr data-indicator=\"", ind->id, "\"");
            ts_html_wrap(b, " data-scenario=\"", r->scenario->id, "\"");
            ts_buffer_printf(b, " data-revision=\"%zu\"%s>", k,
                             k && s == 0 ? " class=\"revision\"" : "");
            if (k == 0 && s == 0)
                indicator_heading_cell(b, run, i, lang, run->n_results * n_targets);
            if (s == 0) {
                /* A revision's target cell is "revised_target": the own
                 * target stays the one "target" cell of the group. */
                ts_buffer_printf(b, "<td class=\"target\" rowspan=\"%zu\" data-field=\"%s\"",
                                 run->n_results, k ? "revised_target" : "target");
                ts_html_data_value(b, a->target);
                ts_buffer_printf(b, " data-direction=\"%s\">", ts_direction_name(a->direction));
                if (k) {
                    char name[160];
                    ts_assessment only = {.revision = (int)k, .target_year = a->target_year};
                    ts_fmt_target_name(ind, &only, lang, name, sizeof name);
                    const char *tail = strstr(name, ts_indicator_name(ind, lang)) == name
                                           ? name + strlen(ts_indicator_name(ind, lang))
                                           : name;
                    ts_html_wrap(b, "<span class=\"revised\">", tail, "</span> ");
                }
                ts_html_target(b, run, i, a, lang);
                ts_buffer_puts(b, "</td>");
            }
            scenario_cells(b, run, r, i, a, lang);
            ts_buffer_puts(b, "</tr>\n");
        }
}

static void render_summary(ts_buffer *b, const ts_run *run, const ts_html_words *L, ts_lang lang)
{
    const ts_plan *plan = run->plan;
    ts_buffer_printf(b, "<section id=\"summary\">\n<h2>%s</h2>\n<p class=\"lead\">%s</p>\n",
                     L->summary_title, L->summary_lead);
    render_legend(b, L, lang);
    /* Fixed column widths: the table then fits A4 portrait however long
     * the names are; long names wrap inside their column. */
    bool with_p = run->mc_draws > 0;
    ts_buffer_printf(b,
                     "<table class=\"summary%s\" id=\"summary-table\">\n<colgroup>"
                     "<col class=\"c-ind\">"
                     "<col class=\"c-target\"><col class=\"c-scen\"><col class=\"c-value\">"
                     "<col class=\"c-pct\">%s<col class=\"c-rate\"><col class=\"c-rate\">"
                     "<col class=\"c-year\"><col class=\"c-status\"></colgroup>\n"
                     "<thead><tr><th>%s</th>"
                     "<th>%s</th><th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>",
                     with_p ? " with-p" : "", with_p ? "<col class=\"c-p\">" : "",
                     L->col_indicator, L->col_target, L->col_scenario, L->col_value, L->col_ratio);
    if (with_p)
        ts_buffer_printf(b, "<th class=\"num\">%s</th>",
                         ts_strings_for(lang)->report.col_probability);
    ts_buffer_printf(b,
                     "<th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
                     "<th>%s</th></tr></thead>\n",
                     L->col_required, L->col_scen_rate, L->col_attained, L->col_status);
    for (size_t i = 0; i < plan->n_indicators; i++) {
        if (!ts_target_scored(&plan->indicators[i].target))
            continue;
        ts_html_wrap(b, "<tbody class=\"group\" data-indicator=\"", plan->indicators[i].id,
                     "\">\n");
        summary_rows(b, run, i, lang);
        ts_buffer_puts(b, "</tbody>\n");
    }
    ts_buffer_puts(b, "</table>\n</section>\n");
}

static void verdict_row(ts_buffer *b, const ts_run *run, size_t i, const ts_assessment *a,
                        ts_lang lang)
{
    const ts_indicator *ind = &run->plan->indicators[i];
    ts_html_wrap(b, "<tr data-indicator=\"", ind->id, "\"");
    ts_buffer_printf(b, " data-revision=\"%d\">", a->revision);
    if (a->revision == 0) {
        indicator_heading_cell(b, run, i, lang, 1);
    } else {
        char name[160];
        ts_fmt_target_name(ind, a, lang, name, sizeof name);
        ts_html_wrap(b, "<th class=\"ind\" scope=\"row\">", name, "</th>");
    }
    ts_buffer_printf(b, "<td data-field=\"%s\"", a->revision ? "revised_target" : "target");
    ts_html_data_value(b, a->target);
    ts_buffer_puts(b, ">");
    ts_html_target(b, run, i, a, lang);
    ts_buffer_puts(b, "</td>");
    ts_html_num_cell(b, "value_at_target_year", a->value_at_target_year, false);
    ts_html_num_cell(b, "ratio", a->ratio, true);
    ts_html_status_cell(b, lang, a->status);
    ts_html_num_cell(b, "shortfall", a->shortfall, false);
    ts_html_num_cell(b, "needed_growth", a->needed_growth, true);
    ts_html_num_cell(b, "realised_growth", a->realised_growth, true);
    if (run->by_year)
        ts_html_num_cell(b, "needed_growth_by", a->needed_growth_by, true);
    ts_buffer_puts(b, "</tr>\n");
}

/* Targets (and revised targets) whose year is observed, as report.txt's
 * verdict: the first scenario's assessments (observations decide them in
 * every scenario). */
static void render_verdict(ts_buffer *b, const ts_run *run, const ts_html_words *L, ts_lang lang)
{
    const ts_plan *plan = run->plan;
    const ts_scenario_result *r = &run->results[0];
    bool any = false;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        any |= r->assessments[i].has_target && r->assessments[i].retrospective;
        for (size_t k = 0; r->assessments[i].has_target && k < plan->indicators[i].n_revisions; k++)
            any |= r->revisions[i][k].retrospective;
    }
    if (!any)
        return;
    const ts_report_words *R = &ts_strings_for(lang)->report;
    ts_buffer_printf(b, "<section id=\"verdict\" class=\"follow\">\n<h2>%s</h2>\n"
                        "<p class=\"lead\">%s</p>\n",
                     L->verdict_title, L->verdict_lead);
    ts_buffer_printf(b,
                     "<table class=\"verdict\" id=\"verdict-table\">\n<thead><tr><th>%s</th>"
                     "<th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th><th>%s</th>"
                     "<th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>",
                     L->col_indicator, L->col_target, L->col_observed, L->col_ratio,
                     L->col_status, L->col_shortfall, L->col_needed, L->col_realised);
    if (run->by_year)
        ts_buffer_printf(b, "<th class=\"num\">%s%d%s</th>", R->needed_by.before, run->by_year,
                         R->needed_by.after);
    ts_buffer_puts(b, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_assessment *a = &r->assessments[i];
        if (!a->has_target)
            continue;
        if (a->retrospective)
            verdict_row(b, run, i, a, lang);
        for (size_t k = 0; k < plan->indicators[i].n_revisions; k++)
            if (r->revisions[i][k].retrospective)
                verdict_row(b, run, i, &r->revisions[i][k], lang);
    }
    ts_buffer_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void render_overview(ts_buffer *b, ts_html_ctx *c)
{
    const ts_html_words *L = c->L;
    if (!ts_plan_has_targets(c->run->plan))
        return;
    ts_buffer_printf(b, "<section id=\"overview\" class=\"page\">\n<h2>%s</h2>\n",
                     L->overview_title);
    ts_html_chart(b, c, "", "attainment", L->attainment_caption, L->attainment_caption);
    ts_html_chart(b, c, "", "growth", L->growth_caption, L->growth_caption);
    ts_buffer_puts(b, "</section>\n");
}

static void put_series(ts_buffer *b, const ts_series *s, int after, const char *cls)
{
    for (size_t k = 0; k < s->n; k++) {
        char value[48];
        ts_fmt_value(s->points[k].value, value, sizeof value);
        bool ignored = after && s->points[k].year > after;
        ts_buffer_printf(b, "<span class=\"obs%s%s\"><b>%d</b>%s</span>", cls,
                         ignored ? " ignored" : "", s->points[k].year, value);
    }
}

/* "Observed in 2025: 5,382.45, 53.8% of the target: missed. Shortfall ..." */
static void render_verdict_line(ts_buffer *b, const ts_assessment *a, const ts_html_words *L,
                                ts_lang lang)
{
    char value[48], ratio[24], shortfall[48], needed[24], realised[24];
    const char *const *p = L->verdict_line;
    ts_fmt_value(a->value_at_target_year, value, sizeof value);
    ts_fmt_percent(a->ratio, ratio, sizeof ratio);
    ts_fmt_value(a->shortfall, shortfall, sizeof shortfall);
    ts_fmt_percent(a->needed_growth, needed, sizeof needed);
    ts_fmt_percent(a->realised_growth, realised, sizeof realised);
    ts_buffer_printf(b, "<p class=\"verdict-line\">%s%d%s<b>%s</b>%s%s%s", p[0], a->target_year,
                     p[1], value, p[2], ratio, p[3]);
    ts_html_status(b, lang, a->status);
    ts_buffer_printf(b, "%s%s%s%s%s%s%s</p>\n", p[4], shortfall, p[5], needed, p[6], realised,
                     p[7]);
}

static void render_indicator(ts_buffer *b, ts_html_ctx *c, size_t i)
{
    const ts_run *run = c->run;
    const ts_html_words *L = c->L;
    ts_lang lang = c->lang;
    const ts_plan *plan = run->plan;
    const ts_indicator *ind = &plan->indicators[i];
    const ts_assessment *a0 = &run->results[0].assessments[i];
    ts_html_wrap(b, "<section class=\"page indicator\" id=\"indicator-", ind->id, "\">\n<h2>");
    ts_html_escape(b, ts_indicator_name(ind, lang));
    ts_html_flag(b, plan, i);
    ts_buffer_puts(b, "</h2>\n<dl class=\"keyvals\">\n");
    const char *unit = ts_text_get(&ind->unit, lang);
    if (*unit) {
        ts_buffer_printf(b, "<dt>%s</dt>", L->unit);
        ts_html_wrap(b, "<dd>", unit, "</dd>\n");
    }
    if (a0->has_target) {
        ts_buffer_printf(b, "<dt>%s</dt><dd>", L->col_target);
        ts_html_target(b, run, i, a0, lang);
        ts_buffer_puts(b, "</dd>\n");
    }
    char value[48];
    ts_fmt_value(ind->baseline, value, sizeof value);
    ts_buffer_printf(b, "<dt>%s %d</dt><dd>%s</dd>\n", L->baseline, plan->base_year, value);
    ts_buffer_printf(b, "<dt>%s</dt><dd>%d</dd>\n", L->as_of, a0->as_of);
    if (ind->is_derived) {
        ts_buffer_printf(b, "<dt>%s</dt><dd><code>", L->derived_from);
        ts_fmt_value(ind->derived.scale, value, sizeof value);
        ts_buffer_printf(b, "%s", value);
        for (size_t k = 0; k < ind->derived.n; k++) {
            ts_html_wrap(b, " × ", plan->indicators[ind->derived.inputs[k]].id, "");
            if (ind->derived.powers[k] != 1)
                ts_buffer_printf(b, "<sup>%g</sup>", ind->derived.powers[k]);
        }
        ts_buffer_puts(b, "</code></dd>\n");
    }
    if (ind->history.n || ind->actual.n) {
        ts_buffer_printf(b, "<dt>%s</dt><dd>", L->observations);
        put_series(b, &ind->history, 0, " history");
        put_series(b, &ind->actual, run->as_of, "");
        ts_buffer_puts(b, "</dd>\n");
    }
    if (!ts_text_empty(&ind->source)) {
        ts_buffer_printf(b, "<dt>%s</dt>", L->source);
        ts_html_wrap(b, "<dd class=\"text\">", ts_text_get(&ind->source, lang), "</dd>\n");
    }
    ts_buffer_puts(b, "</dl>\n");
    if (a0->has_target && a0->retrospective)
        render_verdict_line(b, a0, L, lang);

    if (a0->has_target) {
        ts_buffer_printf(b,
                         "<table class=\"scenarios\">\n<thead><tr><th>%s</th>"
                         "<th class=\"num\">%s</th><th class=\"num\">%s</th>",
                         L->col_scenario, L->col_value, L->col_ratio);
        if (run->mc_draws)
            ts_buffer_printf(b, "<th class=\"num\">%s</th>",
                             ts_strings_for(lang)->report.col_probability);
        ts_buffer_printf(b,
                         "<th class=\"num\">%s</th><th class=\"num\">%s</th>"
                         "<th class=\"num\">%s</th><th>%s</th></tr></thead>\n<tbody>\n",
                         L->col_required, L->col_scen_rate, L->col_attained, L->col_status);
        for (size_t s = 0; s < run->n_results; s++) {
            ts_html_wrap(b, "<tr data-scenario=\"", run->results[s].scenario->id, "\">");
            scenario_cells(b, run, &run->results[s], i, &run->results[s].assessments[i], lang);
            ts_buffer_puts(b, "</tr>\n");
        }
    } else {
        ts_buffer_printf(b, "<p class=\"lead\">%s</p>\n<table class=\"scenarios\">\n<thead><tr>"
                            "<th>%s</th><th class=\"num\">",
                         L->input_no_target, L->col_scenario);
        ts_buffer_printf(b, "%s%d%s", L->col_value_in.before, plan->target_year,
                         L->col_value_in.after);
        ts_buffer_puts(b, "</th><th class=\"num\">");
        ts_buffer_printf(b, "%s%d%s", L->col_value_in.before, run->horizon,
                         L->col_value_in.after);
        ts_buffer_puts(b, "</th></tr></thead>\n<tbody>\n");
        for (size_t s = 0; s < run->n_results; s++) {
            const ts_scenario_result *r = &run->results[s];
            ts_html_wrap(b, "<tr data-scenario=\"", r->scenario->id, "\">");
            ts_html_wrap(b, "<td class=\"scen\">", ts_scenario_name(r->scenario, lang), "</td>");
            ts_html_num_cell(b, "value_at_plan_target_year",
                     ts_projection_value(r->projection, i, plan->target_year), false);
            ts_html_num_cell(b, "value_at_horizon", ts_projection_value(r->projection, i, run->horizon),
                     false);
            ts_buffer_puts(b, "</tr>\n");
        }
    }
    ts_buffer_puts(b, "</tbody>\n</table>\n");
    /* The charts after the table: the table and the indicator chart fill
     * the section's first page, the fan and tornado charts the next. */
    ts_html_chart(b, c, "indicator-", ind->id, ts_indicator_name(ind, lang), NULL);
    /* The Monte Carlo bands and the tornado, when the run drew them. */
    ts_html_chart_if(b, c, "fan-", ind->id, ts_indicator_name(ind, lang));
    ts_html_chart_if(b, c, "tornado-", ind->id, ts_indicator_name(ind, lang));
    if (!ts_text_empty(&ind->note)) {
        ts_buffer_printf(b, "<p class=\"text lead\"><b>%s</b>", L->note);
        ts_html_escape(b, ts_text_get(&ind->note, lang));
        ts_buffer_puts(b, "</p>\n");
    }
    ts_buffer_puts(b, "</section>\n");
}

/* report.txt's "Fitted growth" lines of a scenario, as one paragraph: the
 * text renderer's words, its line wrapping undone. */
static void render_fit(ts_buffer *b, const ts_run *run, const ts_scenario_result *r, ts_lang lang)
{
    ts_buffer text = {0};
    ts_report_fit_text(run, r, lang, &text);
    if (text.len && text.data) {
        const char *label = ts_strings_for(lang)->report.fitted_growth;
        const char *p = strstr(text.data, label);
        p = p ? p + strlen(label) : text.data;
        while (*p == ':' || *p == ' ')
            p++;
        ts_buffer flat = {0};
        for (; *p; p++) {
            if (*p == '\n' || *p == ' ') {
                while (p[1] == ' ' || p[1] == '\n')
                    p++;
                if (p[1])
                    ts_buffer_puts(&flat, " ");
                continue;
            }
            ts_buffer_printf(&flat, "%c", *p);
        }
        ts_buffer_printf(b, "<dt>%s</dt>", label);
        ts_html_wrap(b, "<dd data-field=\"fitted_growth\">", flat.data ? flat.data : "", "</dd>\n");
        if (flat.failed)
            b->failed = 1;
        ts_buffer_free(&flat);
    }
    if (text.failed)
        b->failed = 1;
    ts_buffer_free(&text);
}

static void render_scenarios(ts_buffer *b, const ts_run *run, const ts_html_words *L, ts_lang lang)
{
    ts_buffer_printf(b, "<section id=\"scenarios\" class=\"follow\">\n<h2>%s</h2>\n",
                     L->scenarios_title);
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_scenario *sc = run->results[s].scenario;
        ts_html_wrap(b, "<div class=\"scenario\"><h3 id=\"scenario-", sc->id, "\">");
        ts_html_escape(b, ts_scenario_name(sc, lang));
        ts_html_wrap(b, " <code class=\"muted\">", sc->id, "</code></h3>\n<dl class=\"keyvals\">\n");
        const char *rationale = ts_text_get(&sc->rationale, lang);
        if (*rationale) {
            ts_buffer_printf(b, "<dt>%s</dt>", L->rationale);
            ts_html_wrap(b, "<dd class=\"text\">", rationale, "</dd>\n");
        }
        const char *method = ts_text_get(&sc->uncertainty_method, lang);
        if (*method && run->results[s].mc) {
            ts_buffer_printf(b, "<dt>%s</dt>", ts_strings_for(lang)->report.uncertainty);
            ts_html_wrap(b, "<dd class=\"text\">", method, "</dd>\n");
        }
        render_fit(b, run, &run->results[s], lang);
        ts_buffer_printf(b, "<dt>%s</dt><dd>", L->files);
        for (size_t k = 0; k < sc->n_chain; k++)
            ts_html_wrap(b, k ? " ← <code>" : "<code>", sc->chain[k], "</code>");
        ts_buffer_puts(b, "</dd>\n</dl></div>\n");
    }
    ts_buffer_puts(b, "</section>\n");
}

/* Flagged assumptions and sources: where the figures come from (each
 * indicator's note is in its own section). */
/* Every bibliography entry the plan cites, in full, with its key as the
 * anchor the sources name. */
static void render_bibliography(ts_buffer *b, const ts_plan *plan, ts_lang lang)
{
    bool any = false;
    for (size_t k = 0; k < plan->n_sources; k++) {
        const ts_source_entry *e = &plan->sources[k];
        if (!ts_provenance_cited(plan, e->key))
            continue;
        if (!any)
            ts_buffer_printf(b, "<h3 id=\"bibliography\">%s</h3>\n<dl class=\"entries\">\n",
                             ts_strings_for(lang)->report.prov_bibliography);
        any = true;
        ts_buffer line = {0};
        ts_provenance_entry(e, lang, &line);
        ts_html_wrap(b, "<dt id=\"source-", e->key, "\">");
        ts_html_escape(b, e->key);
        ts_html_wrap(b, "</dt>\n<dd class=\"text\">", line.data ? line.data : "", "</dd>\n");
        ts_buffer_free_into(&line, b);
    }
    if (any)
        ts_buffer_puts(b, "</dl>\n");
}

/* Where each revised target was announced (as report.txt). */
static void render_revision_sources(ts_buffer *b, const ts_indicator *ind, ts_lang lang)
{
    for (size_t k = 0; k < ind->n_revisions; k++) {
        const ts_text *source = &ind->revisions[k].target.source;
        if (ts_text_empty(source))
            continue;
        ts_assessment a = {.revision = (int)k + 1, .target_year = ind->revisions[k].target.year};
        char name[160];
        ts_fmt_target_name(ind, &a, lang, name, sizeof name);
        ts_html_wrap(b, "<dt>", name, "</dt>\n");
        ts_html_wrap(b, "<dd class=\"text\">", ts_text_get(source, lang), "</dd>\n");
    }
}

static void render_provenance(ts_buffer *b, const ts_run *run, const ts_html_words *L, ts_lang lang)
{
    const ts_plan *plan = run->plan;
    ts_buffer_puts(b, "<section id=\"provenance\" class=\"page\">\n");
    bool any = false;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        if (!ts_indicator_flagged(ind))
            continue;
        if (!any) {
            ts_buffer_printf(b, "<h2 id=\"assumptions\">%s</h2>\n<p class=\"lead\">%s</p>\n"
                                "<dl class=\"entries\">\n",
                             L->assumptions_title, L->assumptions_lead);
            any = true;
        }
        int k = ts_assumption_number(plan, i);
        ts_buffer_printf(b, "<dt id=\"assumption-%d\"><span class=\"flag\">A%d</span> ", k, k);
        ts_html_escape(b, ts_indicator_name(ind, lang));
        ts_buffer line = {0};
        ts_provenance_assumptions(ind, lang, &line);
        ts_html_wrap(b, "</dt>\n<dd class=\"text\">", line.data ? line.data : "", "</dd>\n");
        ts_buffer_free_into(&line, b);
    }
    if (any)
        ts_buffer_puts(b, "</dl>\n");
    /* Sources head the section when no figure is flagged. */
    const char *h = any ? "h3" : "h2";
    ts_buffer_printf(b, "<%s id=\"sources\">%s</%s>\n<dl class=\"entries\">\n", h,
                     L->sources_title, h);
    if (!ts_text_empty(&plan->source)) {
        ts_html_wrap(b, "<dt>", ts_text_name(&plan->name, lang, plan->id), "</dt>\n");
        ts_html_wrap(b, "<dd class=\"text\">", ts_text_get(&plan->source, lang), "</dd>\n");
    }
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        ts_buffer line = {0};
        ts_provenance_sources(ind, lang, &line);
        if (line.len) {
            ts_html_wrap(b, "<dt>", ts_indicator_name(ind, lang), "</dt>\n");
            ts_html_wrap(b, "<dd class=\"text\">", line.data, "</dd>\n");
        }
        ts_buffer_free_into(&line, b);
        render_revision_sources(b, ind, lang);
    }
    ts_buffer_puts(b, "</dl>\n");
    render_bibliography(b, plan, lang);
    ts_buffer_puts(b, "</section>\n");
}

static void render_method(ts_buffer *b, const ts_html_words *L)
{
    ts_buffer_printf(b, "<section id=\"method\" class=\"follow method\">\n<h2>%s</h2>\n"
                        "<h3>%s</h3>\n<ol>\n",
                     L->method_title, L->method_rules_title);
    for (size_t k = 0; k < TS_N_METHOD_RULES; k++)
        ts_buffer_printf(b, "<li>%s</li>\n", L->method_rules[k]);
    ts_buffer_printf(b, "</ol>\n<h3>%s</h3>\n<ul>\n", L->method_defs_title);
    for (size_t k = 0; k < TS_N_METHOD_DEFS; k++)
        ts_buffer_printf(b, "<li>%s</li>\n", L->method_defs[k]);
    ts_buffer_printf(b, "</ul>\n<p>%s</p>\n</section>\n", L->method_more);
}

ts_status ts_report_render_html(const ts_run *run, const ts_html_options *options,
                                ts_buffer *out, ts_error *err)
{
    const ts_html_options none = {TS_LANG_EN, TS_HTML_CHARTS_NOT_RENDERED, NULL, 0};
    const ts_html_options *o = options ? options : &none;
    ts_lang lang = o->lang;
    const ts_html_words *L = &ts_strings_for(lang)->html;
    bool *placed = calloc(o->n_svgs ? o->n_svgs : 1, sizeof *placed);
    if (!placed)
        return ts_error_set(err, TS_ENOMEM, "report.html", NULL, "out of memory");
    ts_html_ctx ctx = {run, o, L, lang, placed};
    render_head(out, run, L, lang);
    render_cover(out, run, L, lang);
    if (run->n_results > 0) {
        render_glance(out, run, L, lang);
        if (ts_plan_has_targets(run->plan))
            render_summary(out, run, L, lang);
        ts_html_plan_table(out, run, lang);
        render_verdict(out, run, L, lang);
        render_scenarios(out, run, L, lang);
        render_overview(out, &ctx);
        ts_html_mc(out, &ctx);
        ts_html_backtest(out, &ctx);
        ts_html_compare(out, &ctx);
        ts_html_sweep(out, &ctx);
        for (size_t i = 0; i < run->plan->n_indicators; i++)
            render_indicator(out, &ctx, i);
        ts_html_more_charts(out, &ctx);
    }
    free(placed);
    render_provenance(out, run, L, lang);
    render_method(out, L);
    ts_buffer_printf(out, "<footer>%s targetsim %s</footer>\n</body>\n</html>\n", L->generated,
                     ts_version());
    if (out->failed)
        return ts_error_set(err, TS_ENOMEM, "report.html", NULL, "out of memory");
    return TS_OK;
}
