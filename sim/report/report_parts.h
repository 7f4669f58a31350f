/* report_parts.h - report sections kept in files of their own: fitted
 * growth (report_fit.c), the backtest (report_backtest.c) and the scenario
 * comparison (report_compare.c). The main renderers call these; each
 * section is empty (text) or null (JSON) when the run lacks it. Private. */
#ifndef TS_REPORT_PARTS_H
#define TS_REPORT_PARTS_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "targetsim/report.h"
#include "targetsim/run.h"

/* {"first_year", ..., "sd_applied"}, or a JSON null when !fit->present. */
cJSON *ts_report_fit_json(const ts_fit *fit);
/* "Fitted growth" lines of one scenario's section of report.txt. */
void ts_report_fit_text(const ts_run *run, const ts_scenario_result *r, ts_lang lang,
                        ts_buffer *out);

/* report.json's "backtest": an object, or a JSON null without a backtest. */
cJSON *ts_report_backtest_json(const ts_run *run);
/* The backtest section of report.txt. */
void ts_report_backtest_text(const ts_run *run, ts_lang lang, ts_buffer *out);

/* report.json's "comparison": an object, or a JSON null without one. */
cJSON *ts_report_comparison_json(const ts_run *run);
/* The comparison section of report.txt. */
void ts_report_comparison_text(const ts_run *run, ts_lang lang, ts_buffer *out);

/* One row of the plan-table view, as every format prints it. */
typedef struct ts_table_row {
    bool has_target;
    ts_verdict category;
    const char *attribute, *status; /* static words */
    char baseline[64], target[256], latest[160], elapsed[16], progress[16];
} ts_table_row;

/* The row of indicator `index`'s own target (revision 0) or revised
 * target `revision`, in `lang`, signs as `style` writes them. */
void ts_report_table_row(const ts_run *run, size_t index, int revision, ts_lang lang,
                         ts_symbol_style style, ts_table_row *row);
/* "20 targets: 4 achieved early, 5 ahead, ...; binding lagging: a, b". */
void ts_report_table_counts(const ts_run *run, ts_lang lang, ts_buffer *line);
/* "evaluated as of 2022; rule: ... [0.9, 1.1)." */
void ts_report_table_rule(const ts_run *run, ts_lang lang, ts_buffer *line);

/* The plan-table section of report.txt (report_table.c). */
void ts_report_table_text(const ts_run *run, ts_lang lang, ts_buffer *out);
/* report.json's "target" of an indicator or revision (null when absent),
 * "record" (null when absent), "plan.table" (counts, binding) and
 * "plan.evaluation". */
cJSON *ts_report_target_json(const ts_plan *plan, const ts_target *target);
cJSON *ts_report_record_json(const ts_record *record);
cJSON *ts_report_table_json(const ts_run *run);
cJSON *ts_report_evaluation_json(const ts_run *run);

/* The plan-table columns at the end of each report.csv row: what
 * ts_report_table_csv_cells appends, after a comma. */
#define TS_TABLE_CSV_COLUMNS                                                                \
    "category_en,category_zh,attribute,measure,kind,as_written_en,as_written_zh,"        \
    "record_as_of,record_statistic,record_elapsed,record_progress,record_status"
void ts_report_table_csv_cells(const ts_run *run, size_t index, int revision, ts_buffer *out);

#endif
