/* chart_attainment.c - the attainment dashboard: for every indicator with a
 * target and every scenario, the value in the target year as a percentage of
 * the target, coloured by status, with the 100 % line.
 *
 * .dat columns: y position, indicator number, scenario number, percent of
 * target, status code (ts_verdict), status name. Indicators are groups of
 * one bar per scenario, separated by a blank slot. */
#include <math.h>

#include "base/buffer.h"
#include "chart_common.h"
#include "chart_kinds.h"
#include "report/status_palette.h"

/* Display columns per line of an indicator name beside the axis. */
enum { NAME_WIDTH = 26 };

static void write_dat(const ts_run *run, ts_lang lang, ts_buffer *dat, double *max_pct)
{
    const ts_plan *plan = run->plan;
    size_t group = 0;
    ts_chart_dat_header(dat, run, lang);
    ts_chart_dat_comment(dat, "chart", "value in the target year / target x 100, per "
                                       "indicator and scenario");
    ts_buffer_puts(dat, "# columns: position\tindicator\tscenario\tpercent_of_target\t"
                        "status_code\tstatus\n");
    *max_pct = 100;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        if (!ts_target_scored(&plan->indicators[i].target))
            continue;
        ts_chart_dat_indicator(dat, run, i, group + 1, lang);
        for (size_t s = 0; s < run->n_results; s++) {
            const ts_assessment *a = &run->results[s].assessments[i];
            double pct = 100.0 * a->ratio;
            if (isfinite(pct) && pct > *max_pct)
                *max_pct = pct;
            ts_buffer_printf(dat, "%zu\t%zu\t%zu\t", group * (run->n_results + 1) + s + 1,
                             group + 1, s + 1);
            ts_chart_dat_number(dat, pct);
            ts_buffer_printf(dat, "\t%d\t%s\n", (int)a->status, ts_verdict_name(a->status));
        }
        group++;
    }
}

/* Tic labels (indicator names at the middle of each group) and the
 * scenario names printed beside the bars. */
static void name_vars(const ts_run *run, ts_lang lang, ts_tpl_vars *vars, long *n_groups)
{
    ts_buffer *pos = ts_tpl_slot(vars, "INDICATOR_POS");
    *n_groups = ts_chart_target_names(run, lang, NAME_WIDTH, vars);
    for (long g = 0; pos && g < *n_groups; g++)
        ts_chart_group_middle(pos, g, run->n_results);
    ts_chart_scenario_names(run, lang, true, vars);
}

/* Status names in ts_verdict order, and the legend: the statuses some bar
 * has, in that order (1-based, as gnuplot arrays count). */
static void status_vars(const ts_run *run, ts_lang lang, ts_tpl_vars *vars)
{
    const ts_strings *S = ts_strings_for(lang);
    ts_buffer *b = ts_tpl_slot(vars, "STATUS_NAMES");
    ts_buffer *used = ts_tpl_slot(vars, "LEGEND_STATUSES");
    ts_buffer *colours = ts_tpl_slot(vars, "STATUS_COLOURS");
    ts_buffer *symbols = ts_tpl_slot(vars, "STATUS_SYMBOLS");
    bool seen[TS_N_VERDICTS] = {false};
    for (size_t s = 0; s < run->n_results; s++)
        for (size_t i = 0; i < run->plan->n_indicators; i++)
            if (run->results[s].assessments[i].has_target)
                seen[run->results[s].assessments[i].status] = true;
    for (size_t k = 0; b && used && colours && symbols && k < TS_N_VERDICTS; k++) {
        ts_tpl_array_sep(b);
        ts_chart_quote(b, S->status[k]);
        /* The palette every output shares (report/status_palette.h); "#rrggbb"
         * as gnuplot's 0xrrggbb. */
        ts_tpl_array_sep(colours);
        ts_buffer_printf(colours, "0x%s", ts_status_colour((ts_verdict)k) + 1);
        ts_tpl_array_sep(symbols);
        ts_chart_quote(symbols, ts_status_symbol((ts_verdict)k));
        if (seen[k])
            ts_buffer_printf(used, "%s%zu", used->len ? " " : "", k + 1);
    }
    ts_tpl_set_int(vars, "N_STATUSES", TS_N_VERDICTS);
}

static void write_attainment(const ts_run *run, size_t index, ts_lang lang, ts_chart *chart,
                             ts_tpl_vars *vars)
{
    (void)index;
    const ts_chart_words *L = &ts_strings_for(lang)->chart;
    double max_pct;
    long n_groups;
    write_dat(run, lang, &chart->dat, &max_pct);
    name_vars(run, lang, vars, &n_groups);
    status_vars(run, lang, vars);
    ts_tpl_set_text(vars, "TITLE", L->attainment_title);
    ts_buffer *subtitle = ts_tpl_slot(vars, "SUBTITLE");
    if (subtitle)
        ts_chart_quote_wrapped(subtitle, ts_text_get(&run->plan->name, lang),
                               TS_CHART_TITLE_WIDTH);
    ts_tpl_set_text(vars, "XLABEL", L->attainment_axis);
    ts_tpl_set_text(vars, "NOTE", L->attainment_note);
    ts_tpl_set_int(vars, "N_SCENARIOS", (long)run->n_results);
    ts_tpl_set_int(vars, "N_INDICATORS", n_groups);
    ts_tpl_set_number(vars, "MAX_PERCENT", max_pct);
}

const ts_chart_kind ts_chart_kind_attainment = {
    .prefix = "attainment", .template_name = "attainment.gp",
    .applies = ts_chart_has_targets, .write = write_attainment,
};
