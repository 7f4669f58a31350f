/* html_analysis.c - report.html's optional analyses: the backtest
 * (--backtest), the comparison with a reference scenario (--compare) and
 * the sweep (--sweep), each with its charts; the same results as
 * report.txt's sections (the sweep has none there: sweep.csv). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buffer.h"
#include "base/text.h"
#include "html_cells.h"
#include "html_out.h"
#include "report/format.h"
#include "targetsim/backtest.h"
#include "targetsim/compare.h"
#include "targetsim/targetsim.h"

enum { MAX_YEAR_COLUMNS = 8 };

/* The last (at most MAX_YEAR_COLUMNS) compared years, ascending. */
static size_t backtest_years(const ts_backtest *bt, int *years)
{
    int first = 0, last = 0;
    for (size_t i = 0; i < bt->n_indicators && bt->n_scenarios; i++) {
        const ts_backtest_cell *c = ts_backtest_cell_at(bt, 0, i);
        for (size_t k = 0; k < c->n; k++) {
            int y = c->points[k].year;
            first = !first || y < first ? y : first;
            last = y > last ? y : last;
        }
    }
    size_t n = 0;
    for (int y = first; first && y <= last; y++) {
        bool seen = false;
        for (size_t i = 0; i < bt->n_indicators && !seen; i++) {
            const ts_backtest_cell *c = ts_backtest_cell_at(bt, 0, i);
            for (size_t k = 0; k < c->n && !seen; k++)
                seen = c->points[k].year == y;
        }
        if (seen)
            years[n++] = y;
        if (n > MAX_YEAR_COLUMNS) {
            memmove(years, years + 1, (n - 1) * sizeof *years);
            n--;
        }
    }
    return n;
}

static void backtest_row(ts_buffer *b, ts_html_ctx *c, size_t s, size_t i, const int *years,
                         size_t n_years, bool first)
{
    const ts_run *run = c->run;
    const ts_backtest_cell *cell = ts_backtest_cell_at(run->backtest, s, i);
    const ts_report_words *R = &ts_strings_for(c->lang)->report;
    ts_html_wrap(b, "<tr data-indicator=\"", run->plan->indicators[i].id, "\"");
    ts_html_wrap(b, " data-scenario=\"", run->results[s].scenario->id, "\">");
    if (first)
        ts_html_wrap(b, "<th class=\"ind\">", ts_indicator_name(&run->plan->indicators[i], c->lang),
                     "</th>");
    else
        ts_buffer_puts(b, "<th class=\"ind\"></th>");
    ts_html_wrap(b, "<td><code>", run->results[s].scenario->id, "</code></td>");
    for (size_t y = 0; y < n_years; y++) {
        const ts_backtest_point *p = NULL;
        for (size_t k = 0; k < cell->n; k++)
            if (cell->points[k].year == years[y])
                p = &cell->points[k];
        ts_buffer_printf(b, "<td class=\"num\" data-field=\"error_%d\"", years[y]);
        if (p && isfinite(p->relative_error)) {
            ts_html_data_value(b, p->relative_error);
            ts_buffer_printf(b, ">%+.1f%%</td>", 100.0 * p->relative_error);
        } else
            ts_buffer_printf(b, ">%s</td>", p ? "–" : "");
    }
    ts_html_num_cell(b, "mape", cell->mape, true);
    ts_buffer_printf(b, "<td>%s%s%s", cell->closest ? R->backtest.closest : "",
                     cell->closest && cell->in_sample ? ", " : "",
                     cell->in_sample ? R->backtest.in_sample : "");
    ts_html_flag(b, run->plan, i);
    ts_buffer_puts(b, "</td></tr>\n");
}

void ts_html_backtest(ts_buffer *b, ts_html_ctx *c)
{
    const ts_run *run = c->run;
    const ts_backtest *bt = run->backtest;
    if (!bt)
        return;
    const ts_report_words *R = &ts_strings_for(c->lang)->report;
    ts_buffer_printf(b, "<section id=\"backtest\" class=\"page\">\n<h2>%s%d%s</h2>\n"
                        "<p class=\"lead\">%s</p>\n",
                     c->L->backtest_title.before, bt->from_year, c->L->backtest_title.after,
                     c->L->backtest_lead);
    int years[MAX_YEAR_COLUMNS + 1];
    size_t n_years = backtest_years(bt, years);
    if (n_years) {
        ts_buffer_printf(b, "<table class=\"backtest\" id=\"backtest-table\">\n<thead><tr>"
                            "<th>%s</th><th>%s</th>",
                         R->col_indicator, R->scenario);
        for (size_t y = 0; y < n_years; y++)
            ts_buffer_printf(b, "<th class=\"num\">%d</th>", years[y]);
        ts_buffer_printf(b, "<th class=\"num\">%s</th><th>%s</th></tr></thead>\n",
                         R->backtest.mape, R->backtest.remark);
        for (size_t i = 0; i < bt->n_indicators; i++) {
            bool first = true;
            ts_buffer_puts(b, "<tbody class=\"group\">\n");
            for (size_t s = 0; s < bt->n_scenarios; s++)
                if (ts_backtest_cell_at(bt, s, i)->n) {
                    backtest_row(b, c, s, i, years, n_years, first);
                    first = false;
                }
            ts_buffer_puts(b, "</tbody>\n");
        }
        ts_buffer_puts(b, "</table>\n");
    }
    for (size_t i = 0; i < run->plan->n_indicators; i++)
        ts_html_chart_if(b, c, "backtest-", run->plan->indicators[i].id,
                         ts_indicator_name(&run->plan->indicators[i], c->lang));
    ts_buffer_puts(b, "</section>\n");
}

static const ts_assessment *assessment_of(const ts_run *run, size_t s, size_t i, int revision)
{
    const ts_scenario_result *r = &run->results[s];
    return revision == 0 ? &r->assessments[i] : &r->revisions[i][revision - 1];
}

/* "+123.4 (+2.1%)", "0 (0.0%)", or "–" when undefined (as report.txt). */
static void difference_cell(ts_buffer *b, const char *field, double d, double rel)
{
    char value[48], pct[24];
    ts_fmt_value(fabs(d), value, sizeof value);
    ts_fmt_percent(rel, pct, sizeof pct);
    ts_buffer_printf(b, "<td class=\"num\" data-field=\"%s\"", field);
    ts_html_data_value(b, d);
    if (!isfinite(d))
        ts_buffer_puts(b, ">–</td>");
    else
        ts_buffer_printf(b, ">%s%s <span class=\"ci\">(%s%s)</span></td>",
                         d > 0 ? "+" : d < 0 ? "−" : "", value,
                         isfinite(rel) && rel > 0 ? "+" : "",
                         pct);
}

static void compare_target(ts_buffer *b, ts_html_ctx *c, size_t i, int revision)
{
    const ts_run *run = c->run;
    const ts_comparison *cmp = run->comparison;
    const ts_report_words *R = &ts_strings_for(c->lang)->report;
    const ts_assessment *ref = assessment_of(run, cmp->reference, i, revision);
    size_t n = 1;
    for (size_t k = 0; k < cmp->n_rows; k++)
        n += cmp->rows[k].indicator == i && cmp->rows[k].revision == revision;
    char name[160], text[48];
    ts_fmt_target_name(&run->plan->indicators[i], ref, c->lang, name, sizeof name);
    ts_html_wrap(b, "<tbody class=\"group\" data-indicator=\"", run->plan->indicators[i].id, "\">");
    ts_buffer_printf(b, "<tr data-revision=\"%d\"><th class=\"ind\" rowspan=\"%zu\">", revision, n);
    ts_html_escape(b, name);
    ts_buffer_printf(b, "</th><td rowspan=\"%zu\">", n);
    ts_html_target(b, run, i, ref, c->lang);
    ts_html_wrap(b, "</td><td><code>", run->results[cmp->reference].scenario->id, "</code></td>");
    ts_html_num_cell(b, "value_at_target_year", ref->statistic, false);
    ts_buffer_printf(b, "<td class=\"muted\">%s</td>", R->compare.reference);
    ts_fmt_attained(ref->attainment_year, run->horizon, c->lang, text, sizeof text);
    ts_buffer_printf(b, "<td class=\"num\">%s</td><td></td>", text);
    double ref_p = NAN;
    for (size_t k = 0; k < cmp->n_rows; k++)
        if (cmp->rows[k].indicator == i && cmp->rows[k].revision == revision) {
            ref_p = cmp->rows[k].reference_probability;
            break;
        }
    ts_html_num_cell(b, "probability", ref_p, true);
    ts_buffer_puts(b, "<td></td></tr>\n");
    for (size_t k = 0; k < cmp->n_rows; k++) {
        const ts_comparison_row *row = &cmp->rows[k];
        if (row->indicator != i || row->revision != revision)
            continue;
        ts_html_wrap(b, "<tr data-scenario=\"", run->results[row->scenario].scenario->id, "\">");
        ts_html_wrap(b, "<td><code>", run->results[row->scenario].scenario->id, "</code></td>");
        ts_html_num_cell(b, "value_at_target_year", row->value, false);
        difference_cell(b, "value_difference", row->value_difference, row->relative_difference);
        ts_fmt_attained(row->attainment_year, run->horizon, c->lang, text, sizeof text);
        ts_buffer_printf(b, "<td class=\"num\">%s</td>", text);
        double d = row->attainment_difference;
        if (d == 0)
            ts_buffer_puts(b, "<td class=\"num\">0</td>");
        else if (isfinite(d))
            ts_buffer_printf(b, "<td class=\"num\">%+.0f</td>", d);
        else
            ts_buffer_puts(b, "<td class=\"num\">–</td>");
        ts_html_num_cell(b, "probability", row->probability, true);
        ts_html_num_cell(b, "probability_difference", row->probability_difference, true);
        ts_buffer_puts(b, "</tr>\n");
    }
    ts_buffer_puts(b, "</tbody>\n");
}

void ts_html_compare(ts_buffer *b, ts_html_ctx *c)
{
    const ts_run *run = c->run;
    const ts_comparison *cmp = run->comparison;
    if (!cmp)
        return;
    const ts_report_words *R = &ts_strings_for(c->lang)->report;
    const ts_scenario *ref = run->results[cmp->reference].scenario;
    ts_buffer_printf(b, "<section id=\"compare\" class=\"page\">\n<h2>%s: ", R->compare.title);
    ts_html_escape(b, ts_scenario_name(ref, c->lang));
    ts_buffer_printf(b, "</h2>\n<p class=\"lead\">%s</p>\n",
                     run->mc_draws ? R->compare.note : R->compare.note_no_draws);
    const char *diff = R->compare.difference;
    ts_buffer_printf(b,
                     "<table class=\"compare\" id=\"compare-table\">\n<thead><tr><th>%s</th>"
                     "<th>%s</th><th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
                     "<th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
                     "<th class=\"num\">%s</th></tr></thead>\n",
                     R->col_indicator, R->col_target, R->scenario, R->col_value, diff,
                     R->col_attained, diff, R->compare.probability, diff);
    for (size_t i = 0; i < run->plan->n_indicators; i++) {
        if (!run->results[cmp->reference].assessments[i].has_target ||
            run->results[cmp->reference].assessments[i].is_text)
            continue;
        compare_target(b, c, i, 0);
        for (size_t k = 0; k < run->plan->indicators[i].n_revisions; k++)
            compare_target(b, c, i, (int)k + 1);
    }
    ts_buffer_puts(b, "</table>\n");
    ts_html_chart_if(b, c, "", "compare", R->compare.title);
    ts_buffer_puts(b, "</section>\n");
}

void ts_html_sweep(ts_buffer *b, ts_html_ctx *c)
{
    const ts_run *run = c->run;
    const ts_sweep_result *sw = run->sweep;
    if (!sw)
        return;
    ts_buffer_printf(b, "<section id=\"sweep\" class=\"page\">\n<h2>%s</h2>\n<p class=\"lead\">%s",
                     c->L->sweep_title, c->L->sweep_lead);
    if (run->sweep_scenario)
        ts_html_wrap(b, " (", ts_scenario_name(run->sweep_scenario, c->lang), ")");
    ts_buffer_puts(b, "</p>\n<ul>\n");
    for (size_t a = 0; a < sw->n_axes; a++) {
        const ts_sweep_axis *ax = &sw->axes[a];
        char lo[48], hi[48], step[48];
        ts_fmt_value(ax->lo, lo, sizeof lo);
        ts_fmt_value(ax->hi, hi, sizeof hi);
        ts_fmt_value(ax->step, step, sizeof step);
        ts_html_wrap(b, "<li><code>", *ax->label ? ax->label : ax->indicator, "</code>: ");
        ts_html_escape(b, ts_indicator_name(&run->plan->indicators[sw->axis_index[a]], c->lang));
        ts_buffer_printf(b, " %s … %s (%s, n = %zu)</li>\n", lo, hi, step, ax->n);
    }
    ts_buffer_puts(b, "</ul>\n");
    for (size_t t = 0; t < sw->n_targets; t++) {
        const ts_indicator *ind = &run->plan->indicators[sw->targets[t]];
        ts_html_chart_if(b, c, "sweep-", ind->id, ts_indicator_name(ind, c->lang));
        ts_html_chart_if(b, c, "sweepprob-", ind->id, ts_indicator_name(ind, c->lang));
    }
    ts_buffer_puts(b, "</section>\n");
}
