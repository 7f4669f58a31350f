/* chart_tornado.c - the tornado of one target in the first scenario
 * (tornado-ID): for every driver the target depends on, the value in the
 * target year with that driver moved one sd down and one sd up, widest
 * swing at the top, around the scenario's central value and beside the
 * target. One chart per target keeps each readable: the bars of different
 * targets are in different units.
 *
 * .dat columns: rank (1 = widest), value with the driver moved down, value
 * with it moved up, central value, the shift, 1 when the shift is the
 * scenario's sd. A "# bar:" comment per row names the driver. */
#include <math.h>
#include <stdio.h>

#include "base/buffer.h"
#include "chart_common.h"
#include "chart_kinds.h"
#include "report/format.h"

enum { NAME_WIDTH = 24 };

/* Number of tornado bars of target `index` in the first scenario. */
static size_t count_bars(const ts_run *run, size_t index)
{
    size_t n = 0;
    if (run->n_results == 0)
        return 0;
    const ts_tornado *t = run->results[0].tornado;
    for (size_t b = 0; b < t->n; b++)
        n += t->bars[b].target == index;
    return n;
}

/* Whether some bar of target `index` moves the value (not when the target
 * year is observed: then every bar is the observation and the chart says
 * nothing). */
static bool swings(const ts_run *run, size_t index)
{
    if (run->n_results == 0)
        return false;
    const ts_tornado *t = run->results[0].tornado;
    for (size_t b = 0; b < t->n; b++)
        if (t->bars[b].target == index &&
            ((isfinite(t->bars[b].low) && t->bars[b].low != t->bars[b].base) ||
             (isfinite(t->bars[b].high) && t->bars[b].high != t->bars[b].base)))
            return true;
    return false;
}

/* A number for a label beside a bar, as the reports print it. */
static void value_text(ts_buffer *array, double v)
{
    char buf[64];
    ts_tpl_array_sep(array);
    if (!isfinite(v)) {
        ts_buffer_puts(array, "''");
        return;
    }
    ts_fmt_value(v, buf, sizeof buf);
    ts_chart_quote(array, buf);
}

static void write_bars(const ts_run *run, size_t index, ts_lang lang, ts_buffer *dat,
                       ts_tpl_vars *vars, double *lo, double *hi)
{
    const ts_plan *plan = run->plan;
    const ts_tornado *t = run->results[0].tornado;
    ts_buffer *names = ts_tpl_slot(vars, "DRIVER_NAMES");
    ts_buffer *names2 = ts_tpl_slot(vars, "DRIVER_NAMES2");
    ts_buffer *lows = ts_tpl_slot(vars, "LOWS");
    ts_buffer *highs = ts_tpl_slot(vars, "HIGHS");
    ts_buffer *low_text = ts_tpl_slot(vars, "LOW_TEXT");
    ts_buffer *high_text = ts_tpl_slot(vars, "HIGH_TEXT");
    ts_buffer line = {0};
    size_t rank = 0;
    if (!names || !names2 || !lows || !highs || !low_text || !high_text)
        return;
    for (size_t b = 0; b < t->n; b++) {
        const ts_tornado_bar *bar = &t->bars[b];
        if (bar->target != index)
            continue;
        const ts_indicator *drv = &plan->indicators[bar->assumption];
        rank++;
        line.len = 0;
        ts_buffer_printf(&line, "%zu %s (%s)", rank, drv->id, ts_indicator_name(drv, lang));
        ts_chart_dat_comment(dat, "bar", line.data);
        ts_buffer_printf(dat, "%zu\t", rank);
        ts_chart_dat_number(dat, bar->low);
        ts_chart_dat_next(dat, bar->high);
        ts_chart_dat_next(dat, bar->base);
        ts_chart_dat_next(dat, bar->shift);
        ts_buffer_printf(dat, "\t%d\n", bar->from_sd ? 1 : 0);
        ts_chart_wrap_name(ts_indicator_name(drv, lang), NAME_WIDTH, names, names2);
        ts_tpl_array_sep(lows);
        ts_chart_dat_number(lows, bar->low);
        ts_tpl_array_sep(highs);
        ts_chart_dat_number(highs, bar->high);
        value_text(low_text, bar->low);
        value_text(high_text, bar->high);
        *lo = fmin(*lo, fmin(bar->low, bar->high));
        *hi = fmax(*hi, fmax(bar->low, bar->high));
    }
    ts_buffer_free_into(&line, dat);
}

static void write_tornado(const ts_run *run, size_t index, ts_lang lang, ts_chart *chart,
                          ts_tpl_vars *vars)
{
    const ts_chart_words *L = &ts_strings_for(lang)->chart;
    const ts_indicator *ind = &run->plan->indicators[index];
    const ts_assessment *a = &run->results[0].assessments[index];
    ts_buffer line = {0};
    char value[64], buf[200];
    /* The bars move the target's statistic (its value for a level target). */
    double central = a->statistic;
    double lo = fmin(central, a->target), hi = fmax(central, a->target);
    ts_chart_dat_header(&chart->dat, run, lang);
    ts_buffer_printf(&line, "%s (%s); unit: %s; value in %d; scenario %s", ind->id,
                     ts_indicator_name(ind, lang), ts_text_get(&ind->unit, lang),
                     a->target_year, run->results[0].scenario->id);
    ts_chart_dat_comment(&chart->dat, "target", line.data);
    ts_buffer_free_into(&line, &chart->dat);
    ts_buffer_puts(&chart->dat, "# columns: rank\tlow\thigh\tcentral\tshift\tfrom_sd\n");
    write_bars(run, index, lang, &chart->dat, vars, &lo, &hi);
    ts_tpl_set_int(vars, "N_BARS", (long)count_bars(run, index));
    ts_tpl_set_number(vars, "CENTRAL", central);
    ts_tpl_set_number(vars, "TARGET", a->target);
    ts_tpl_set_number(vars, "X_LO", lo);
    ts_tpl_set_number(vars, "X_HI", hi);
    ts_chart_target_title(vars, run, index, a, lang, false);
    ts_fmt_value(central, value, sizeof value);
    snprintf(buf, sizeof buf, "%s %s", L->tornado_central, value);
    ts_tpl_set_text(vars, "CENTRAL_TITLE", buf);
    ts_tpl_set_text(vars, "L_LOW", L->tornado_low);
    ts_tpl_set_text(vars, "L_HIGH", L->tornado_high);
    ts_buffer *title = ts_tpl_slot(vars, "TITLE");
    ts_buffer *sub = ts_tpl_slot(vars, "SUBTITLE");
    if (title && sub) {
        ts_buffer t = {0};
        ts_buffer_printf(&t, "%s%s%s", L->tornado_title, L->sep_colon,
                         ts_indicator_name(ind, lang));
        ts_chart_quote(title, t.data);
        t.len = 0;
        ts_buffer_printf(&t, "%s (%d)", L->tornado_note, a->target_year);
        ts_chart_quote_wrapped(sub, t.data, TS_CHART_TITLE_WIDTH);
        ts_buffer_free_into(&t, title);
    }
    ts_tpl_set_text(vars, "SCENARIO", ts_scenario_name(run->results[0].scenario, lang));
    ts_tpl_set_text(vars, "XLABEL", ts_text_get(&ind->unit, lang));
}

/* One per target of the first scenario with a bar that moves the value. */
static bool tornado_applies(const ts_run *run, size_t index)
{
    return ts_target_scored(&run->plan->indicators[index].target) && swings(run, index);
}

const ts_chart_kind ts_chart_kind_tornado = {
    .prefix = "tornado-", .per_indicator = true, .template_name = "tornado.gp",
    .applies = tornado_applies, .write = write_tornado,
};
