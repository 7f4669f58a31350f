/* report_parts.h - report sections kept in files of their own: fitted
 * growth (report_fit.c), the backtest (report_backtest.c) and the scenario
 * comparison (report_compare.c). The main renderers call these; each
 * section is empty (text) or null (JSON) when the run lacks it. Private. */
#ifndef TS_REPORT_PARTS_H
#define TS_REPORT_PARTS_H

#include <cjson/cJSON.h>

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

#endif
