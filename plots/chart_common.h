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
#include "template.h"

/* Sets chart->stem to `prefix` followed by `id` (for a chart of the whole
 * run, `id` is ""), and its .dat and .gp names. TS_ENOMEM. */
ts_status ts_chart_name(ts_chart *chart, const char *prefix, const char *id, ts_error *err);

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

/* Fills header.gp, the chart's template and footer.gp into chart->gp.
 * `vars` must hold the chart's own placeholders; the common ones (STEM,
 * DAT, FONT, ...) are added here. */
ts_status ts_chart_script(const char *template_dir, const char *template_name, ts_chart *chart,
                          ts_tpl_vars *vars, ts_error *err);

/* Appends `name` split in two lines of about `width` display columns as the
 * next element of two array initialisers (the second may be ''). In
 * chart_wrap.c. */
void ts_chart_wrap_name(const char *name, size_t width, ts_buffer *first, ts_buffer *second);

#endif
