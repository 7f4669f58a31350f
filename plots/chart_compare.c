/* chart_compare.c - every scenario against the reference (--compare), the
 * chart "compare": per target, one bar per other scenario of its value in
 * the target year minus the reference's, in % of the reference's.
 *
 * Only the indicators' own targets are drawn; the revisions are in
 * report.json and report.csv (a bar per revision would double the groups
 * for little gain in a summary).
 *
 * .dat columns: y position, target number, scenario number (as in the
 * .dat header), difference in % of the reference, value, reference value.
 * Targets are groups of one bar per other scenario, separated by a blank
 * slot. */
#include <math.h>

#include "base/buffer.h"
#include "chart_common.h"
#include "chart_kinds.h"
#include "targetsim/compare.h"

enum { NAME_WIDTH = 26 };

static bool drawn(const ts_comparison_row *r)
{
    return r->revision == 0;
}

static void write_compare(const ts_run *run, size_t index, ts_lang lang, ts_chart *chart,
                          ts_tpl_vars *vars)
{
    (void)index;
    const ts_chart_words *L = &ts_strings_for(lang)->chart;
    const ts_plan *plan = run->plan;
    const ts_comparison *cmp = run->comparison;
    size_t per_group = run->n_results - 1;
    ts_buffer *names = ts_tpl_slot(vars, "INDICATOR_NAMES");
    ts_buffer *names2 = ts_tpl_slot(vars, "INDICATOR_NAMES2");
    ts_buffer *pos = ts_tpl_slot(vars, "INDICATOR_POS");
    ts_buffer *dat = &chart->dat;
    double lo = 0, hi = 0;
    long group = 0;
    if (!names || !names2 || !pos)
        return; /* the table is full: filling the template reports it */
    ts_chart_dat_header(dat, run, lang);
    ts_chart_dat_comment(dat, "reference", run->results[cmp->reference].scenario->id);
    ts_buffer_puts(dat, "# columns: position\ttarget\tscenario\tpercent_difference\tvalue\t"
                        "reference_value\n");
    /* Rows are scenario-major; the chart groups by target. */
    for (size_t i = 0; i < plan->n_indicators; i++) {
        size_t slot = 0;
        bool any = false;
        for (size_t r = 0; r < cmp->n_rows; r++)
            any |= cmp->rows[r].indicator == i && drawn(&cmp->rows[r]);
        if (!any)
            continue;
        ts_chart_dat_indicator(dat, run, i, (size_t)group + 1, lang);
        for (size_t r = 0; r < cmp->n_rows; r++) {
            const ts_comparison_row *row = &cmp->rows[r];
            if (row->indicator != i || !drawn(row))
                continue;
            double pct = 100.0 * row->relative_difference;
            if (isfinite(pct)) {
                lo = fmin(lo, pct);
                hi = fmax(hi, pct);
            }
            ts_buffer_printf(dat, "%zu\t%ld\t%zu\t", (size_t)group * (per_group + 1) + ++slot,
                             group + 1, row->scenario + 1);
            ts_chart_dat_number(dat, pct);
            ts_chart_dat_next(dat, row->value);
            ts_chart_dat_next(dat, row->reference_value);
            ts_buffer_puts(dat, "\n");
        }
        ts_chart_wrap_name(ts_indicator_name(&plan->indicators[i], lang), NAME_WIDTH, names,
                           names2);
        ts_chart_group_middle(pos, group, per_group);
        group++;
    }
    ts_chart_scenario_names(run, lang, true, vars);
    ts_buffer *sub = ts_tpl_slot(vars, "SUBTITLE");
    if (sub) {
        ts_buffer t = {0};
        ts_buffer_printf(&t, "%s%s", L->compare_note,
                         ts_scenario_name(run->results[cmp->reference].scenario, lang));
        ts_chart_quote_wrapped(sub, t.data, TS_CHART_TITLE_WIDTH);
        ts_buffer_free_into(&t, sub);
    }
    ts_tpl_set_text(vars, "TITLE", L->compare_title);
    ts_tpl_set_text(vars, "XLABEL", L->compare_axis);
    ts_tpl_set_int(vars, "N_SCENARIOS", (long)run->n_results);
    ts_tpl_set_int(vars, "PER_GROUP", (long)per_group);
    ts_tpl_set_int(vars, "N_TARGETS", group);
    ts_tpl_set_number(vars, "MIN_PERCENT", lo);
    ts_tpl_set_number(vars, "MAX_PERCENT", hi);
}

/* With a comparison that has rows, and other scenarios than the reference. */
static bool compare_applies(const ts_run *run, size_t index)
{
    (void)index;
    return run->comparison && run->comparison->n_rows > 0 && run->n_results > 1;
}

const ts_chart_kind ts_chart_kind_compare = {
    .prefix = "compare", .template_name = "compare.gp",
    .applies = compare_applies, .write = write_compare,
};
