/* html_cells.h - the cells report.html's tables share: a number with its
 * exact value, a status badge, an assumption flag, a target as written.
 * Private to report.html's writer. */
#ifndef TS_HTML_CELLS_H
#define TS_HTML_CELLS_H

#include <stdbool.h>
#include <stddef.h>

#include "strings/strings.h"
#include "targetsim/html.h"
#include "targetsim/report.h"
#include "targetsim/run.h"

/* " A1" linking to the assumption of indicator `index`, when flagged. */
void ts_html_flag(ts_buffer *b, const ts_plan *plan, size_t index);
/* "≥ 10,000 (2025)": the target an assessment of indicator `index` is
 * about, as written, and its year. */
void ts_html_target(ts_buffer *b, const ts_run *run, size_t index, const ts_assessment *a,
                    ts_lang lang);
/* A right-aligned number cell carrying its exact value (data-value). */
void ts_html_num_cell(ts_buffer *b, const char *field, double v, bool percent);
/* A status badge, and a table cell holding one. */
void ts_html_status(ts_buffer *b, ts_lang lang, ts_verdict v);
void ts_html_status_cell(ts_buffer *b, ts_lang lang, ts_verdict v);
/* P(target) with its 95% interval, or the decided label for a target the
 * observations settle (never "0.0% [0.0%, <0.1%]"). */
void ts_html_probability_cell(ts_buffer *b, const ts_mc_target *t, ts_lang lang);

/* What every section writer needs: the run, the options, the words, and
 * which rendered charts are in the page already (placed[k] for
 * options->svgs[k]), so that the last section can show the rest. */
typedef struct ts_html_ctx {
    const ts_run *run;
    const ts_html_options *o;
    const ts_html_words *L;
    ts_lang lang;
    bool *placed;
} ts_html_ctx;

/* html_charts.c: the chart `prefix``id` as an <img> of its SVG, or a note
 * saying why it is absent. */
void ts_html_chart(ts_buffer *b, ts_html_ctx *c, const char *prefix, const char *id,
                   const char *alt, const char *caption);
/* The same for a chart the run draws only sometimes (fan, tornado,
 * backtest, sweep): nothing when it was not rendered. Returns whether it
 * was shown. */
bool ts_html_chart_if(ts_buffer *b, ts_html_ctx *c, const char *prefix, const char *id,
                      const char *alt);
/* Every rendered chart not yet in the page, under a heading of its own. */
void ts_html_more_charts(ts_buffer *b, ts_html_ctx *c);

/* html_mc.c: the odds of attainment by year and the driver growth each
 * target needs, per scenario. */
void ts_html_mc(ts_buffer *b, ts_html_ctx *c);
/* html_analysis.c: the backtest, the comparison and the sweep sections,
 * each only when the run has it. */
void ts_html_backtest(ts_buffer *b, ts_html_ctx *c);
void ts_html_compare(ts_buffer *b, ts_html_ctx *c);
void ts_html_sweep(ts_buffer *b, ts_html_ctx *c);

/* The plan-table section (html_table.c): each target as the plan writes
 * it beside its observed record, grouped by category, with the counts. */
void ts_html_plan_table(ts_buffer *b, const ts_run *run, ts_lang lang);

#endif
