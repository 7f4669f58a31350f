/* chart_indicator.c - one indicator over time: history before the base
 * year, observed and interpolated values after it, each scenario's path to
 * the horizon, the target and the year each scenario attains it.
 *
 * .dat columns: year, history, observed, interpolated, then one column per
 * scenario holding that scenario's whole path (NaN where a column has no
 * value). Scenario columns repeat the observed years so that every column is
 * the path as report.json gives it; the script draws them from the as-of
 * year on. */
#include <math.h>
#include <stdio.h>

#include "base/buffer.h"
#include "chart_common.h"
#include "chart_kinds.h"
#include "engine/goal.h"
#include "report/format.h"

static double history_at(const ts_indicator *ind, int year)
{
    for (size_t k = 0; k < ind->history.n; k++)
        if (ind->history.points[k].year == year)
            return ind->history.points[k].value;
    return NAN;
}

static void dat_columns(const ts_run *run, ts_buffer *dat)
{
    ts_buffer_puts(dat, "# columns: year\thistory\tobserved\tinterpolated");
    for (size_t s = 0; s < run->n_results; s++)
        ts_buffer_printf(dat, "\t%s", run->results[s].scenario->id);
    ts_buffer_puts(dat, "\n");
}

/* Points per column, so the script can leave out an empty series. */
typedef struct counts {
    long history, observed, interpolated;
} counts;

/* What the chart plots for scenario s: the path, or for a rate's
 * cumulative target its statistic (ts_chart_plots_statistic), into out. */
static void plotted(const ts_run *run, size_t s, size_t index, double *out)
{
    const ts_projection *p = run->results[s].projection;
    const double *row = p->paths[index].values;
    if (!ts_chart_plots_statistic(run->plan, index)) {
        for (size_t k = 0; k < p->n_years; k++)
            out[k] = row[k];
        return;
    }
    ts_goal g;
    ts_goal_init(&g, run->plan, index, &run->plan->indicators[index].target);
    ts_goal_statistics(&g, row, NULL, p->n_years, out);
}

static void dat_rows(const ts_run *run, size_t index, ts_buffer *dat, counts *n)
{
    const ts_indicator *ind = &run->plan->indicators[index];
    const ts_projection *first = run->results[0].projection;
    int base = run->plan->base_year;
    bool statistic = ts_chart_plots_statistic(run->plan, index);
    int from = ind->history.n && !statistic ? ind->history.points[0].year : base;
    double paths[TS_MAX_SCENARIOS][TS_MAX_YEAR_SPAN + 1];
    for (size_t s = 0; s < run->n_results; s++)
        plotted(run, s, index, paths[s]);
    for (int year = from; year <= run->horizon; year++) {
        size_t k = (size_t)(year - base);
        ts_point_kind kind = year >= base ? first->paths[index].kinds[k] : TS_PROJECTED;
        double v = year >= base ? paths[0][k] : NAN;
        /* The base year closes the history line so it meets the path. */
        double h = statistic ? NAN
                   : year < base ? history_at(ind, year)
                   : year == base && ind->history.n ? v
                                                    : NAN;
        double o = kind == TS_OBSERVED && year >= base ? v : NAN;
        double in = kind == TS_INTERPOLATED ? v : NAN;
        n->history += isfinite(h);
        n->observed += isfinite(o);
        n->interpolated += isfinite(in);
        ts_buffer_printf(dat, "%d\t", year);
        ts_chart_dat_number(dat, h);
        ts_chart_dat_next(dat, o);
        ts_chart_dat_next(dat, in);
        for (size_t s = 0; s < run->n_results; s++)
            ts_chart_dat_next(dat, year >= base ? paths[s][k] : NAN);
        ts_buffer_puts(dat, "\n");
    }
}

static void write_dat(const ts_run *run, size_t index, ts_lang lang, ts_buffer *dat, counts *n)
{
    const ts_indicator *ind = &run->plan->indicators[index];
    ts_buffer line = {0};
    ts_chart_dat_subject(dat, run, index, lang);
    ts_buffer_printf(&line, "%d", ts_run_indicator_as_of(run, index));
    ts_chart_dat_comment(dat, "as-of", line.data);
    /* Revised targets: year and value, the markers on the chart. */
    for (size_t r = 0; r < ind->n_revisions; r++) {
        const ts_target *t = &ind->revisions[r].target;
        line.len = 0;
        ts_buffer_printf(&line, "%d %.17g (%s)", t->year, t->value,
                         ts_direction_symbol(t->direction, TS_SYMBOL_ASCII));
        ts_chart_dat_comment(dat, "revision", line.data);
    }
    ts_buffer_free_into(&line, dat);
    dat_columns(run, dat);
    dat_rows(run, index, dat, n);
}

/* Legend title of a scenario: its name and when it attains the target. */
static void scenario_title(const ts_run *run, size_t s, size_t index, ts_lang lang,
                           ts_buffer *array)
{
    const ts_chart_words *L = &ts_strings_for(lang)->chart;
    const ts_assessment *a = &run->results[s].assessments[index];
    ts_buffer t = {0};
    ts_buffer_puts(&t, ts_scenario_name(run->results[s].scenario, lang));
    if (a->has_target) {
        ts_buffer_puts(&t, L->sep_aside);
        const ts_around *words = a->attainment_year ? &L->reached : &L->not_reached;
        ts_buffer_printf(&t, "%s%d%s", words->before,
                         a->attainment_year ? a->attainment_year : run->horizon, words->after);
    }
    ts_tpl_array_sep(array);
    ts_chart_quote(array, t.data);
    ts_buffer_free_into(&t, array);
}

static void scenario_vars(const ts_run *run, size_t index, ts_lang lang, ts_tpl_vars *vars)
{
    ts_buffer *titles = ts_tpl_slot(vars, "SCENARIO_TITLES");
    ts_buffer *years = ts_tpl_slot(vars, "ATTAIN_YEARS");
    ts_buffer *values = ts_tpl_slot(vars, "ATTAIN_VALUES");
    if (!titles || !years || !values)
        return;
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_assessment *a = &run->results[s].assessments[index];
        int y = a->has_target ? a->attainment_year : 0;
        double path[TS_MAX_YEAR_SPAN + 1];
        plotted(run, s, index, path);
        scenario_title(run, s, index, lang, titles);
        ts_tpl_array_sep(years);
        ts_tpl_array_sep(values);
        if (y) {
            ts_buffer_printf(years, "%d", y);
            ts_chart_dat_number(values, path[y - run->plan->base_year]);
        } else {
            ts_buffer_puts(years, "NaN");
            ts_buffer_puts(values, "NaN");
        }
    }
}

static void target_vars(const ts_run *run, size_t index, ts_lang lang, ts_tpl_vars *vars)
{
    const ts_chart_words *L = &ts_strings_for(lang)->chart;
    const ts_assessment *a = &run->results[0].assessments[index];
    double line = ts_chart_target_line(run, index, a);
    ts_tpl_set_int(vars, "HAS_TARGET", isfinite(line));
    ts_tpl_set_number(vars, "TARGET", line);
    ts_tpl_set_int(vars, "TARGET_YEAR", a->has_target ? a->target_year : run->plan->target_year);
    ts_chart_target_title(vars, run, index, a, lang, true);
    ts_tpl_set_text(vars, "TARGET_YEAR_LABEL", L->target_year);
}

/* A marker and a label at each revised target within the chart's years:
 * "revised: ≥ 10,000 by 2027". */
static void revision_vars(const ts_run *run, size_t index, ts_lang lang, int first_year,
                          ts_tpl_vars *vars)
{
    const ts_indicator *ind = &run->plan->indicators[index];
    ts_buffer *years = ts_tpl_slot(vars, "REV_YEARS");
    ts_buffer *values = ts_tpl_slot(vars, "REV_VALUES");
    ts_buffer *titles = ts_tpl_slot(vars, "REV_TITLES");
    long n = 0;
    if (!years || !values || !titles)
        return;
    for (size_t r = 0; r < ind->n_revisions; r++) {
        const ts_target *t = &ind->revisions[r].target;
        char value[64];
        if (t->year < first_year || t->year > run->horizon)
            continue;
        ts_fmt_value(t->value, value, sizeof value);
        const char *sign = ts_direction_symbol(t->direction, TS_SYMBOL_UNICODE);
        const ts_chart_words *W = &ts_strings_for(lang)->chart;
        ts_buffer line = {0};
        ts_buffer_printf(&line, "%s%d%s%s %s", W->revised_target.before, t->year,
                         W->revised_target.after, sign, value);
        ts_tpl_array_sep(years);
        ts_buffer_printf(years, "%d", t->year);
        ts_tpl_array_sep(values);
        ts_chart_dat_number(values, t->value);
        ts_tpl_array_sep(titles);
        ts_chart_quote(titles, line.data);
        ts_buffer_free_into(&line, titles);
        n++;
    }
    if (n == 0) { /* gnuplot has no empty arrays: one unused element */
        ts_buffer_puts(years, "0");
        ts_buffer_puts(values, "NaN");
        ts_buffer_puts(titles, "''");
    }
    ts_tpl_set_int(vars, "N_REVISIONS", n);
    ts_tpl_set_int(vars, "N_REV_SLOTS", n ? n : 1);
}

static void text_vars(const ts_run *run, size_t index, ts_lang lang, ts_tpl_vars *vars)
{
    const ts_chart_words *L = &ts_strings_for(lang)->chart;
    const ts_indicator *ind = &run->plan->indicators[index];
    char sub[64];
    ts_tpl_set_text(vars, "TITLE", ts_indicator_name(ind, lang));
    snprintf(sub, sizeof sub, "%s %d", L->as_of, ts_run_indicator_as_of(run, index));
    ts_buffer *subtitle = ts_tpl_slot(vars, "SUBTITLE");
    if (subtitle) {
        ts_buffer t = {0};
        ts_buffer_printf(&t, "%s%s%s", ts_text_get(&run->plan->name, lang), L->sep_list, sub);
        ts_chart_quote_wrapped(subtitle, t.data, TS_CHART_TITLE_WIDTH);
        ts_buffer_free_into(&t, subtitle);
    }
    ts_tpl_set_text(vars, "YLABEL", ts_text_get(&ind->unit, lang));
    if (ts_chart_plots_statistic(run->plan, index)) {
        /* The plotted statistic's own meaning, not the yearly rates' unit. */
        const ts_around *w = ind->target.kind == TS_TARGET_CHANGE_PCT   ? &L->cumulative_since
                             : ind->target.kind == TS_TARGET_GROWTH_PCT ? &L->average_since
                                                                        : &L->multiple_of;
        char label[160];
        snprintf(label, sizeof label, "%s%d%s", w->before, run->plan->base_year, w->after);
        ts_tpl_set_text(vars, "YLABEL", label);
    }
    ts_tpl_set_text(vars, "XLABEL", L->year);
    ts_tpl_set_text(vars, "L_HISTORY", L->history);
    ts_tpl_set_text(vars, "L_OBSERVED", L->observed);
    ts_tpl_set_text(vars, "L_INTERPOLATED", L->interpolated);
}

static void write_indicator(const ts_run *run, size_t index, ts_lang lang, ts_chart *chart,
                            ts_tpl_vars *vars)
{
    const ts_indicator *ind = &run->plan->indicators[index];
    counts n = {0};
    write_dat(run, index, lang, &chart->dat, &n);
    ts_tpl_set_int(vars, "N_HISTORY", n.history);
    ts_tpl_set_int(vars, "N_OBSERVED", n.observed);
    ts_tpl_set_int(vars, "N_INTERPOLATED", n.interpolated);
    text_vars(run, index, lang, vars);
    target_vars(run, index, lang, vars);
    scenario_vars(run, index, lang, vars);
    ts_tpl_set_int(vars, "N_SCENARIOS", (long)run->n_results);
    ts_tpl_set_int(vars, "AS_OF", ts_run_indicator_as_of(run, index));
    ts_tpl_set_int(vars, "FIRST_YEAR",
                   ind->history.n ? ind->history.points[0].year : run->plan->base_year);
    ts_tpl_set_int(vars, "HORIZON", run->horizon);
    revision_vars(run, index, lang,
                  ind->history.n ? ind->history.points[0].year : run->plan->base_year, vars);
}

/* Every indicator with something to draw: a target with no figure at all
 * (no baseline, no observation, so no path) waits for data and has none,
 * as gnuplot refuses a plot whose every point is undefined. */
static bool indicator_applies(const ts_run *run, size_t index)
{
    const ts_indicator *ind = &run->plan->indicators[index];
    return ind->is_derived || ts_indicator_has_figures(ind);
}

const ts_chart_kind ts_chart_kind_indicator = {
    .prefix = "indicator-", .per_indicator = true, .template_name = "indicator.gp",
    .applies = indicator_applies, .write = write_indicator,
};
