/* chart_growth.c - growth needed to meet each target against the growth of
 * each scenario's path, as grouped horizontal bars.
 *
 * Both rates run from the as-of year to the target year. Where the target
 * year is already observed (as-of >= target year) there is nothing left to
 * grow, so the chart shows instead the realised rate against the rate the
 * target needed from the base year: the report's retrospective pair.
 *
 * .dat columns: group position, needed % per year, from, to, then one
 * column per scenario (% per year). */
#include "base/buffer.h"
#include "chart_common.h"
#include "chart_kinds.h"

/* Display columns per line of an indicator name beside the axis. */
enum { NAME_WIDTH = 26 };

static double needed_of(const ts_assessment *a)
{
    return a->retrospective ? a->needed_growth : a->required_growth;
}

static double scenario_of(const ts_assessment *a)
{
    return a->retrospective ? a->realised_growth : a->scenario_growth;
}

static void write_dat(const ts_run *run, ts_lang lang, ts_buffer *dat)
{
    const ts_plan *plan = run->plan;
    size_t group = 0, n = run->n_results;
    ts_chart_dat_header(dat, run, lang);
    ts_chart_dat_comment(dat, "chart", "constant yearly growth, percent: needed to meet the "
                                       "target vs each scenario's path");
    ts_buffer_puts(dat, "# columns: position\tneeded\tfrom\tto");
    for (size_t s = 0; s < n; s++)
        ts_buffer_printf(dat, "\t%s", run->results[s].scenario->id);
    ts_buffer_puts(dat, "\n");
    for (size_t i = 0; i < plan->n_indicators; i++) {
        if (!ts_target_scored(&plan->indicators[i].target))
            continue;
        const ts_assessment *a0 = &run->results[0].assessments[i];
        ts_chart_dat_indicator(dat, run, i, group + 1, lang);
        ts_buffer_printf(dat, "%zu\t", group * (n + 2) + 1);
        ts_chart_dat_number(dat, 100.0 * needed_of(a0));
        ts_buffer_printf(dat, "\t%d\t%d", a0->retrospective ? a0->base_year : a0->as_of,
                         a0->target_year);
        for (size_t s = 0; s < n; s++)
            ts_chart_dat_next(dat, 100.0 * scenario_of(&run->results[s].assessments[i]));
        ts_buffer_puts(dat, "\n");
        group++;
    }
}

static void write_growth(const ts_run *run, size_t index, ts_lang lang, ts_chart *chart,
                         ts_tpl_vars *vars)
{
    (void)index;
    const ts_chart_words *L = &ts_strings_for(lang)->chart;
    write_dat(run, lang, &chart->dat);
    long n_groups = ts_chart_target_names(run, lang, NAME_WIDTH, vars);
    ts_chart_scenario_names(run, lang, false, vars);
    ts_tpl_set_text(vars, "TITLE", L->growth_title);
    ts_buffer *subtitle = ts_tpl_slot(vars, "SUBTITLE");
    if (subtitle)
        ts_chart_quote_wrapped(subtitle, ts_text_get(&run->plan->name, lang),
                               TS_CHART_TITLE_WIDTH);
    ts_tpl_set_text(vars, "XLABEL", L->growth_axis);
    ts_tpl_set_text(vars, "L_NEEDED", L->growth_required);
    ts_tpl_set_text(vars, "NOTE", L->growth_note);
    ts_tpl_set_int(vars, "N_SCENARIOS", (long)run->n_results);
    ts_tpl_set_int(vars, "N_INDICATORS", n_groups);
}

const ts_chart_kind ts_chart_kind_growth = {
    .prefix = "growth", .template_name = "growth.gp",
    .applies = ts_chart_has_targets, .write = write_growth,
};
