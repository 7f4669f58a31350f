/* chart_internal.h - what the chart writers share. Private to plots/. */
#ifndef TS_CHART_INTERNAL_H
#define TS_CHART_INTERNAL_H

#include <stdbool.h>

#include "chart_quote.h"
#include "targetsim/chart.h"
#include "targetsim/targetsim.h"
#include "template.h"

/* Fixed words of the charts, per language. */
typedef struct ts_chart_labels {
    const char *year, *history, *observed, *interpolated, *target, *target_year, *as_of;
    /* "<before> YEAR <after>": pairs, not printf formats, so a label table
     * can never hand printf a wrong conversion. */
    const char *reached[2], *not_reached[2];
    const char *attainment_title, *attainment_axis, *attainment_note;
    const char *growth_title, *growth_axis, *growth_required, *growth_note;
    const char *status_names[7]; /* indexed by ts_verdict */
    /* fan-ID: Monte Carlo bands */
    const char *fan_title, *fan_band90, *fan_band50, *fan_median, *fan_note;
    /* tornado-ID: one sd either way */
    const char *tornado_title, *tornado_low, *tornado_high, *tornado_central, *tornado_note;
    /* backtest-ID: ex-ante paths against the observations */
    const char *backtest_title, *backtest_note;
    /* compare: each scenario against the reference */
    const char *compare_title, *compare_axis, *compare_note;
    /* sweep-ID, sweepprob-ID */
    const char *sweep_title, *sweep_probability_title, *sweep_probability;
} ts_chart_labels;

const ts_chart_labels *ts_chart_labels_for(ts_lang lang);

/* The text of `t` in `lang`, the other language when missing, else ""; */
const char *ts_chart_text(const ts_text *t, ts_lang lang);
/* The indicator's name in `lang`, its id when it has none. */
const char *ts_chart_indicator_name(const ts_indicator *ind, ts_lang lang);
/* The scenario's name in `lang`, its id when it has none. */
const char *ts_chart_scenario_name(const ts_scenario *sc, ts_lang lang);

/* Appends `name` split in two lines of about `width` display columns as the
 * next element of two array initialisers (the second may be ''). */
void ts_chart_wrap_name(const char *name, size_t width, ts_buffer *first, ts_buffer *second);

/* Appends one "# key: value" comment line to a .dat file, control
 * characters removed so the value cannot start a data line. */
void ts_chart_dat_comment(ts_buffer *dat, const char *key, const char *value);
/* The comment lines every .dat starts with (plan, base year, scenarios,
 * generator). */
void ts_chart_dat_header(ts_buffer *dat, const ts_run *run, ts_lang lang);
/* The comment naming indicator `index` (a targeted one) as group `number`
 * of a summary chart: id, name, unit, target, as-of year. */
void ts_chart_dat_indicator(ts_buffer *dat, const ts_run *run, size_t index, size_t number,
                            ts_lang lang);
/* A number for a .dat cell: the shortest form that reads back as the same
 * double, NaN when undefined. */
void ts_chart_dat_number(ts_buffer *dat, double value);

/* The latest as-of year of indicator `index` over the run's scenarios. */
int ts_chart_as_of(const ts_run *run, size_t index);

/* Fills header.gp, the chart's template and footer.gp into chart->gp.
 * `vars` must hold the chart's own placeholders; the common ones (STEM,
 * DAT, FONT, ...) are added here. */
ts_status ts_chart_script(const char *template_dir, const char *template_name, ts_chart *chart,
                          ts_tpl_vars *vars, ts_error *err);

/* Each writer fills chart->dat and chart->gp (stem and names are set). */
ts_status ts_chart_write_indicator(const ts_run *run, size_t index, ts_lang lang,
                                   const char *template_dir, ts_chart *chart, ts_error *err);
ts_status ts_chart_write_attainment(const ts_run *run, ts_lang lang, const char *template_dir,
                                    ts_chart *chart, ts_error *err);
ts_status ts_chart_write_fan(const ts_run *run, size_t index, ts_lang lang,
                             const char *template_dir, ts_chart *chart, ts_error *err);
/* Number of tornado bars of target `index` in the first scenario. */
size_t ts_chart_tornado_bars(const ts_run *run, size_t index);
/* Whether some bar of it moves the value (not when the target year is
 * observed: then every bar is the observation and the chart says nothing). */
bool ts_chart_tornado_swings(const ts_run *run, size_t index);
ts_status ts_chart_write_tornado(const ts_run *run, size_t index, ts_lang lang,
                                 const char *template_dir, ts_chart *chart, ts_error *err);
/* Whether indicator `index` has an observed year after the base year in
 * run->backtest (which must be set). */
bool ts_chart_backtest_has(const ts_run *run, size_t index);
ts_status ts_chart_write_backtest(const ts_run *run, size_t index, ts_lang lang,
                                  const char *template_dir, ts_chart *chart, ts_error *err);
ts_status ts_chart_write_compare(const ts_run *run, ts_lang lang, const char *template_dir,
                                 ts_chart *chart, ts_error *err);
/* Whether run->sweep has target `index` and its value varies over the grid. */
bool ts_chart_sweep_moves(const ts_run *run, size_t index);
ts_status ts_chart_write_sweep(const ts_run *run, size_t index, bool probability, ts_lang lang,
                               const char *template_dir, ts_chart *chart, ts_error *err);
ts_status ts_chart_write_growth(const ts_run *run, ts_lang lang, const char *template_dir,
                                ts_chart *chart, ts_error *err);

#endif
