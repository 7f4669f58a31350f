/* report.h - the run's reports (report.txt, report.json and the CSVs),
 * rendered into a ts_buffer (buffer.h).
 *
 * Rendering never touches the file system, so a run either has every report
 * in memory or fails before any file is written; ts_output_write_all
 * (output.h) then replaces each file atomically.
 */
#ifndef TARGETSIM_REPORT_H
#define TARGETSIM_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/buffer.h"
#include "targetsim/export.h"
#include "targetsim/run.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ts_lang { TS_LANG_EN, TS_LANG_ZH } ts_lang;

/* Each renderer appends one report to `out` (which the caller owns); it
 * never clears what is already there, so a caller may put a byte-order mark
 * first. `run` is only read. Text and HTML are in `lang`; JSON and CSV carry
 * both languages. The formats: docs/report-format.md. TS_ENOMEM is the only
 * failure; `out` is then incomplete and must still be freed. */
TS_API ts_status ts_report_render_text(const ts_run *run, ts_lang lang, ts_buffer *out,
                                       ts_error *err);
TS_API ts_status ts_report_render_json(const ts_run *run, ts_buffer *out, ts_error *err);
TS_API ts_status ts_report_render_csv(const ts_run *run, ts_buffer *out, ts_error *err);
TS_API ts_status ts_report_render_paths_csv(const ts_run *run, ts_buffer *out, ts_error *err);
/* Appends the UTF-8 byte-order mark (EF BB BF). Written first into a CSV
 * buffer, it makes spreadsheets that assume a legacy code page (Excel) read
 * the file as UTF-8, so Chinese names show correctly. */
TS_API ts_status ts_report_render_bom(ts_buffer *out, ts_error *err);
/* backtest.csv (run->backtest) and compare.csv (run->comparison): a header
 * only when the run has none. */
TS_API ts_status ts_report_render_backtest_csv(const ts_run *run, ts_buffer *out, ts_error *err);
TS_API ts_status ts_report_render_compare_csv(const ts_run *run, ts_buffer *out, ts_error *err);
/* table.csv: the plan-table view, one row per target (revised ones too):
 * category, attribute, the target as written, the observed record. */
TS_API ts_status ts_report_render_table_csv(const ts_run *run, ts_buffer *out, ts_error *err);
/* fan.csv: per scenario, target and year, the Monte Carlo percentiles and
 * the probability of attainment by that year (header only without draws). */
TS_API ts_status ts_report_render_fan_csv(const ts_run *run, ts_buffer *out, ts_error *err);
/* tornado.csv: per scenario, target and driver, the target-year value with
 * the driver moved by one sd down and up. */
TS_API ts_status ts_report_render_tornado_csv(const ts_run *run, ts_buffer *out, ts_error *err);
/* sweep.csv: per grid point and target of run->sweep (header only without). */
TS_API ts_status ts_report_render_sweep_csv(const ts_run *run, ts_buffer *out, ts_error *err);

/* What the console summary says beyond the run: where the files went and
 * how the draws ran (the command line knows these, the run does not). */
typedef struct ts_summary_info {
    const char *out_dir;
    const char *const *files; /* the report files written, in order */
    size_t n_files;
    size_t draws;             /* 0: no Monte Carlo line */
    unsigned long long seed;
    unsigned threads;
    double seconds;           /* the draws' wall-clock time */
    bool charts;              /* chart files were written */
    size_t n_charts, n_rendered;
} ts_summary_info;

/* The console summary in `lang`: the run's scope, each scenario's status
 * per target (ids as they are, status names in `lang`), the backtest's
 * closest scenarios, the files written, the Monte Carlo and sweep lines,
 * the charts (docs/report-format.md, section 6). TS_ENOMEM only. */
TS_API ts_status ts_report_render_summary(const ts_run *run, const ts_summary_info *info,
                                          ts_lang lang, ts_buffer *out, ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
