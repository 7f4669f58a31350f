/* html_mc.c - report.html's odds of attainment (the Monte Carlo results of
 * each scenario: P(target) with its interval, the share attained by each
 * year, the even-odds year) and the driver growth each target needs: the
 * same results as report.txt's "Attained by year" and "Driver growth"
 * lines, as tables. */
#include <math.h>
#include <stdio.h>

#include "base/buffer.h"
#include "base/text.h"
#include "html_cells.h"
#include "html_out.h"
#include "report/format.h"
#include "targetsim/targetsim.h"

enum { MAX_YEARS = 8 };

/* The years of the by-year columns: the plan's target year, every fifth
 * year after it, and the horizon (report.txt's steps). */
static size_t column_years(const ts_run *run, int *years)
{
    size_t n = 0;
    int T = run->plan->target_year, H = run->horizon;
    for (int y = T; y <= H && n < MAX_YEARS; y = y == H ? H + 1 : (y + 5 < H ? y + 5 : H))
        years[n++] = y;
    return n;
}

static void odds_table(ts_buffer *b, ts_html_ctx *c, const ts_scenario_result *r)
{
    const ts_run *run = c->run;
    const ts_mc_result *mc = r->mc;
    const ts_report_words *R = &ts_strings_for(c->lang)->report;
    int years[MAX_YEARS];
    size_t n_years = column_years(run, years);
    ts_html_wrap(b, "<table class=\"odds\" data-scenario=\"", r->scenario->id, "\">\n<thead><tr>");
    ts_buffer_printf(b, "<th>%s</th><th class=\"num\">%s</th>", c->L->col_indicator,
                     R->col_probability);
    for (size_t y = 0; y < n_years; y++)
        ts_buffer_printf(b, "<th class=\"num\">%s%d%s</th>", c->L->col_by.before, years[y],
                         c->L->col_by.after);
    ts_buffer_printf(b, "<th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
                     c->L->col_even_odds);
    for (size_t i = 0; i < run->plan->n_indicators; i++) {
        const ts_mc_target *t = &mc->targets[i];
        if (!t->has_target)
            continue;
        const ts_indicator *ind = &run->plan->indicators[i];
        ts_html_wrap(b, "<tr data-indicator=\"", ind->id, "\">");
        ts_html_wrap(b, "<th class=\"ind\">", ts_indicator_name(ind, c->lang), "");
        ts_buffer_printf(b, " <span class=\"unit\">%d</span></th>", ind->target.year);
        ts_html_probability_cell(b, t, c->lang);
        for (size_t y = 0; y < n_years; y++) {
            int k = years[y] - mc->base_year;
            double p = k >= 0 && (size_t)k < mc->n_years && t->by_year ? t->by_year[k] : NAN;
            char text[24];
            ts_fmt_probability(p, text, sizeof text);
            ts_buffer_printf(b, "<td class=\"num\" data-field=\"by_%d\"", years[y]);
            ts_html_data_value(b, p);
            ts_buffer_printf(b, ">%s</td>", isfinite(p) ? text : "–");
        }
        int even = ts_mc_year_by_share(mc, i, 0.5);
        if (even)
            ts_buffer_printf(b, "<td class=\"num\" data-field=\"even_odds\">%d</td>", even);
        else
            ts_buffer_puts(b, "<td class=\"num\" data-field=\"even_odds\">–</td>");
        ts_buffer_puts(b, "</tr>\n");
    }
    ts_buffer_puts(b, "</tbody>\n</table>\n");
}

/* "Resident population −31.5%/yr, ..." for each target that has one. */
static void required_list(ts_buffer *b, ts_html_ctx *c, const ts_scenario_result *r)
{
    const ts_run *run = c->run;
    const ts_report_words *R = &ts_strings_for(c->lang)->report;
    bool any = false;
    for (size_t i = 0; i < run->plan->n_indicators; i++) {
        const ts_required_list *req = r->required[i];
        bool first = true;
        for (size_t k = 0; req && k < req->n; k++) {
            if (!isfinite(req->drivers[k].rate))
                continue;
            if (!any)
                ts_buffer_printf(b, "<p class=\"lead\">%s</p>\n<dl class=\"keyvals required\">\n",
                                 R->required_title);
            any = true;
            if (first)
                ts_html_wrap(b, "<dt>", ts_indicator_name(&run->plan->indicators[i], c->lang),
                             "</dt><dd>");
            char rate[24];
            ts_fmt_percent(req->drivers[k].rate, rate, sizeof rate);
            const ts_indicator *driver = &run->plan->indicators[req->drivers[k].driver];
            ts_html_wrap(b, first ? "" : ", ", ts_indicator_name(driver, c->lang), " ");
            ts_buffer_printf(b, "<b data-field=\"required_driver_growth\"");
            ts_html_data_value(b, req->drivers[k].rate);
            ts_buffer_printf(b, ">%s%s</b>", rate, R->per_year);
            first = false;
        }
        if (!first)
            ts_buffer_puts(b, "</dd>\n");
    }
    if (any)
        ts_buffer_puts(b, "</dl>\n");
}

static bool has_required(const ts_run *run, const ts_scenario_result *r)
{
    for (size_t i = 0; i < run->plan->n_indicators; i++)
        for (size_t k = 0; r->required[i] && k < r->required[i]->n; k++)
            if (isfinite(r->required[i]->drivers[k].rate))
                return true;
    return false;
}

void ts_html_mc(ts_buffer *b, ts_html_ctx *c)
{
    const ts_run *run = c->run;
    bool any = false;
    for (size_t s = 0; s < run->n_results; s++)
        any |= run->results[s].mc != NULL || has_required(run, &run->results[s]);
    if (!any)
        return;
    const ts_report_words *R = &ts_strings_for(c->lang)->report;
    ts_buffer_printf(b, "<section id=\"odds\" class=\"page\">\n<h2>%s</h2>\n",
                     run->mc_draws ? c->L->mc_title : R->required_title);
    if (run->mc_draws)
        ts_buffer_printf(b, "<p class=\"lead\">%s</p>\n", c->L->mc_lead);
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_scenario_result *r = &run->results[s];
        if (!r->mc && !has_required(run, r))
            continue;
        ts_html_wrap(b, "<div class=\"odds-scenario\" data-scenario=\"", r->scenario->id,
                     "\"><h3>");
        ts_html_escape(b, ts_scenario_name(r->scenario, c->lang));
        ts_html_wrap(b, " <code class=\"muted\">", r->scenario->id, "</code></h3>\n");
        if (r->mc)
            odds_table(b, c, r);
        required_list(b, c, r);
        ts_buffer_puts(b, "</div>\n");
    }
    ts_buffer_puts(b, "</section>\n");
}
