/* chart_common.h - what every chart has in common: its file names, the
 * lines every .dat holds, numbers as the .dat and .gp files write them, the
 * script's common placeholders, and long names split over two lines. The
 * chart writers and the chart set call these; these call neither. Private
 * to plots/. */
#ifndef TS_CHART_COMMON_H
#define TS_CHART_COMMON_H

#include "base/text.h"
#include "strings/strings.h"
#include "targetsim/chart.h"
#include "targetsim/targetsim.h"
#include "chart_quote.h"
#include "template.h"

/* Sets chart->stem to `prefix` followed by `id` (for a chart of the whole
 * run, `id` is ""), and its .dat and .gp names. TS_ENOMEM. */
ts_status ts_chart_name(ts_chart *chart, const char *prefix, const char *id, ts_error *err);

/* applies() of the summary charts: they compare targets, so without any
 * there is nothing to draw. */
bool ts_chart_has_targets(const ts_run *run, size_t index);

/* Appends one "# key: value" comment line to a .dat file, control
 * characters removed so the value cannot start a data line. */
void ts_chart_dat_comment(ts_buffer *dat, const char *key, const char *value);
/* The comment lines every .dat starts with (plan, base year, scenarios,
 * generator). */
void ts_chart_dat_header(ts_buffer *dat, const ts_run *run, ts_lang lang);
/* The header of a chart of one indicator: ts_chart_dat_header, then the
 * indicator's id and name, and its unit. */
void ts_chart_dat_subject(ts_buffer *dat, const ts_run *run, size_t index, ts_lang lang);
/* The comment naming indicator `index` (a targeted one) as group `number`
 * of a summary chart: id, name, unit, target, as-of year. */
void ts_chart_dat_indicator(ts_buffer *dat, const ts_run *run, size_t index, size_t number,
                            ts_lang lang);
/* A number for a .dat cell: the shortest form that reads back as the same
 * double, NaN when undefined. */
void ts_chart_dat_number(ts_buffer *dat, double value);
/* A tab, then the number: the next cell of a row. */
void ts_chart_dat_next(ts_buffer *dat, double value);

/* Sets TARGET_TITLE, the legend entry of a target line: "Target ≥ 10,000
 * (2025)" (the target as written, ts_fmt_target_written), without " (2025)"
 * unless `with_year`; "" without a target. `a` is an assessment of
 * indicator `index`. */
void ts_chart_target_title(ts_tpl_vars *vars, const ts_run *run, size_t index,
                           const ts_assessment *a, ts_lang lang, bool with_year);

/* Whether indicator `index`'s chart plots its target's statistic instead
 * of its values: a rate indicator's cumulative target (change_pct,
 * growth_pct, multiple), whose yearly rates do not show how far the
 * period's change has come. */
bool ts_chart_plots_statistic(const ts_plan *plan, size_t index);

/* Where the target line of indicator `index`'s charts lies, in what they
 * plot: the level x* that meets the target for a level indicator, x for a
 * rate's value or a plotted statistic; NaN when no line can be drawn (no
 * scored target, a relative target, a rate's change). From the first
 * scenario's assessment `a`. */
double ts_chart_target_line(const ts_run *run, size_t index, const ts_assessment *a);

/* Fills header.gp, the chart's template and footer.gp into chart->gp.
 * `vars` must hold the chart's own placeholders; the common ones (STEM,
 * DAT, FONT, ...) are added here. */
ts_status ts_chart_script(const char *template_dir, const char *template_name, ts_chart *chart,
                          ts_tpl_vars *vars, ts_error *err);

/* INDICATOR_NAMES and INDICATOR_NAMES2: the name of every indicator with a
 * target, wrapped at `width` columns for a summary chart's tic labels.
 * Returns how many. */
long ts_chart_target_names(const ts_run *run, ts_lang lang, size_t width, ts_tpl_vars *vars);
/* SCENARIO_NAMES: every scenario's name, for the key or, with `labels`,
 * for the `with labels` text beside the bars (backslashes doubled, see
 * ts_chart_quote_label). */
void ts_chart_scenario_names(const ts_run *run, ts_lang lang, bool labels, ts_tpl_vars *vars);
/* Appends to `positions` the middle of bar group `group` (0-based) of a
 * summary chart: groups of `per_group` bars, a blank slot after each. */
void ts_chart_group_middle(ts_buffer *positions, long group, size_t per_group);

/* Appends `name` split in two lines of about `width` display columns as the
 * next element of two array initialisers (the second may be ''), each
 * quoted as a tic label (ts_chart_quote_tic: '%' doubled). In
 * chart_wrap.c. */
void ts_chart_wrap_name(const char *name, size_t width, ts_buffer *first, ts_buffer *second);
/* `text` quoted (ts_chart_quote) as lines of at most `width` display
 * columns joined by gnuplot's "\n": 'first' . "\n" . 'second'. For titles
 * and subtitles, which gnuplot does not wrap. */
enum { TS_CHART_TITLE_WIDTH = 52 };
void ts_chart_quote_wrapped(ts_buffer *out, const char *text, size_t width);

#endif
