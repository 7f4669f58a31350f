/* chart_kinds.h - the kinds of chart: what a chart writer gives the chart
 * set (chart_set.c). Private to plots/.
 *
 * A new chart is a writer file defining one ts_chart_kind, its template in
 * templates/, a line in chart_set.c's table and one in CMakeLists.txt. */
#ifndef TS_CHART_KINDS_H
#define TS_CHART_KINDS_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/chart.h"
#include "template.h"

typedef struct ts_chart_kind {
    /* The file name: prefix and the indicator's id ("fan-gdp"), or the
     * prefix alone for a chart of the whole run ("attainment"). */
    const char *prefix;
    bool per_indicator;
    /* Per indicator, in one pass with the kind before it in the table, so
     * each indicator's two charts sit together (sweep-ID, sweepprob-ID). */
    bool with_previous;
    const char *template_name; /* in the template folder */
    /* Whether the run has this chart for indicator `index` (SIZE_MAX for a
     * chart of the whole run). Only reads the run. */
    bool (*applies)(const ts_run *run, size_t index);
    /* Fills chart->dat and the template's own placeholders in `vars`; the
     * chart's names are set, and the set adds the common placeholders and
     * fills the template. Failures show there: a buffer out of memory, a
     * placeholder left without a value. */
    void (*write)(const ts_run *run, size_t index, ts_lang lang, ts_chart *chart,
                  ts_tpl_vars *vars);
} ts_chart_kind;

extern const ts_chart_kind ts_chart_kind_indicator;  /* chart_indicator.c */
extern const ts_chart_kind ts_chart_kind_attainment; /* chart_attainment.c */
extern const ts_chart_kind ts_chart_kind_growth;     /* chart_growth.c */
extern const ts_chart_kind ts_chart_kind_fan;        /* chart_fan.c */
extern const ts_chart_kind ts_chart_kind_tornado;    /* chart_tornado.c */
extern const ts_chart_kind ts_chart_kind_backtest;   /* chart_backtest.c */
extern const ts_chart_kind ts_chart_kind_compare;    /* chart_compare.c */
extern const ts_chart_kind ts_chart_kind_sweep;      /* chart_sweep.c */
extern const ts_chart_kind ts_chart_kind_sweepprob;  /* chart_sweep.c */

#endif
