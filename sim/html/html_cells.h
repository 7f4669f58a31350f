/* html_cells.h - the cells report.html's tables share: a number with its
 * exact value, a status badge, an assumption flag, a target as written.
 * Private to report.html's writer. */
#ifndef TS_HTML_CELLS_H
#define TS_HTML_CELLS_H

#include <stdbool.h>
#include <stddef.h>

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

/* The plan-table section (html_table.c): each target as the plan writes
 * it beside its observed record, grouped by category, with the counts. */
void ts_html_plan_table(ts_buffer *b, const ts_run *run, ts_lang lang);

#endif
