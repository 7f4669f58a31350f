/* chart_backtest.c - the backtest of one indicator (backtest-ID): each
 * scenario projected again from the base year, ignoring every later
 * observation, against the years observed since, with each scenario's MAPE
 * in the legend.
 *
 * .dat columns: year, observed, then one column per scenario holding its
 * projection from the base year. Rows run from the base year to the last
 * observed year compared. */
#include <math.h>
#include <stdio.h>

#include "base/buffer.h"
#include "chart_common.h"
#include "chart_kinds.h"

/* Whether indicator `index` has an observed year after the base year in
 * run->backtest. */
static bool backtest_applies(const ts_run *run, size_t index)
{
    const ts_backtest *bt = run->backtest;
    for (size_t s = 0; bt && s < bt->n_scenarios; s++)
        if (ts_backtest_cell_at(bt, s, index)->n > 0)
            return true;
    return false;
}

/* The last year compared in any scenario. */
static int last_year(const ts_backtest *bt, size_t index)
{
    int last = bt->from_year;
    for (size_t s = 0; s < bt->n_scenarios; s++) {
        const ts_backtest_cell *c = ts_backtest_cell_at(bt, s, index);
        if (c->n && c->points[c->n - 1].year > last)
            last = c->points[c->n - 1].year;
    }
    return last;
}

static void write_dat(const ts_run *run, size_t index, ts_lang lang, ts_buffer *dat, int last)
{
    const ts_backtest *bt = run->backtest;
    const ts_projection *first = run->results[0].projection;
    int base = run->plan->base_year;
    ts_buffer line = {0};
    ts_chart_dat_subject(dat, run, index, lang);
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_backtest_cell *c = ts_backtest_cell_at(bt, s, index);
        line.len = 0;
        ts_buffer_printf(&line, "%s: %.15g over %zu years%s", run->results[s].scenario->id,
                         100.0 * c->mape, c->n,
                         c->in_sample ? " (in sample: the fit saw some of them)" : "");
        ts_chart_dat_comment(dat, "mape-percent", line.data);
    }
    ts_buffer_free_into(&line, dat);
    ts_buffer_puts(dat, "# columns: year\tobserved");
    for (size_t s = 0; s < run->n_results; s++)
        ts_buffer_printf(dat, "\t%s", run->results[s].scenario->id);
    ts_buffer_puts(dat, "\n");
    for (int year = base; year <= last; year++) {
        size_t k = (size_t)(year - base);
        ts_buffer_printf(dat, "%d\t", year);
        ts_chart_dat_number(dat, first->paths[index].kinds[k] == TS_OBSERVED
                                     ? first->paths[index].values[k] : NAN);
        for (size_t s = 0; s < run->n_results; s++)
            ts_chart_dat_next(dat, ts_projection_value(bt->projections[s], index, year));
        ts_buffer_puts(dat, "\n");
    }
}

static void write_backtest(const ts_run *run, size_t index, ts_lang lang, ts_chart *chart,
                           ts_tpl_vars *vars)
{
    const ts_chart_words *L = &ts_strings_for(lang)->chart;
    const ts_indicator *ind = &run->plan->indicators[index];
    int last = last_year(run->backtest, index);
    write_dat(run, index, lang, &chart->dat, last);
    ts_buffer *titles = ts_tpl_slot(vars, "SCENARIO_TITLES");
    for (size_t s = 0; titles && s < run->n_results; s++) {
        const ts_backtest_cell *c = ts_backtest_cell_at(run->backtest, s, index);
        ts_buffer t = {0};
        ts_buffer_puts(&t, ts_scenario_name(run->results[s].scenario, lang));
        if (isfinite(c->mape))
            ts_buffer_printf(&t, lang == TS_LANG_ZH ? "（MAPE %.1f%%%s）" : " (MAPE %.1f %%%s)",
                             100.0 * c->mape,
                             c->in_sample ? L->backtest_in_sample : "");
        ts_tpl_array_sep(titles);
        ts_chart_quote(titles, t.data);
        ts_buffer_free_into(&t, titles);
    }
    ts_tpl_set_text(vars, "TITLE", ts_indicator_name(ind, lang));
    ts_buffer *subtitle = ts_tpl_slot(vars, "SUBTITLE");
    if (subtitle)
        ts_chart_quote_wrapped(subtitle, L->backtest_title, TS_CHART_TITLE_WIDTH);
    ts_tpl_set_text(vars, "NOTE", L->backtest_note);
    ts_tpl_set_text(vars, "YLABEL", ts_text_get(&ind->unit, lang));
    ts_tpl_set_text(vars, "XLABEL", L->year);
    ts_tpl_set_text(vars, "L_OBSERVED", L->observed);
    ts_tpl_set_int(vars, "N_SCENARIOS", (long)run->n_results);
    ts_tpl_set_int(vars, "BASE_YEAR", run->plan->base_year);
    ts_tpl_set_int(vars, "LAST_YEAR", last);
}

const ts_chart_kind ts_chart_kind_backtest = {
    .prefix = "backtest-", .per_indicator = true, .template_name = "backtest.gp",
    .applies = backtest_applies, .write = write_backtest,
};
