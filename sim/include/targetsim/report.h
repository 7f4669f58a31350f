/* report.h - the run's reports, rendered to memory, and the atomic writer.
 *
 * Rendering never touches the file system, so a run either has every report
 * in memory or fails before any file is written; ts_output_write_all then
 * replaces each file atomically (temp file, fsync, rename).
 */
#ifndef TARGETSIM_REPORT_H
#define TARGETSIM_REPORT_H

#include <stddef.h>

#include "targetsim/run.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ts_lang { TS_LANG_EN, TS_LANG_ZH } ts_lang;

/* A growable byte buffer the renderers append to. Zero-initialise it
 * (ts_buffer b = {0}), pass it to renderers, read `data` and `len`, then
 * ts_buffer_free. The caller owns it and everything in it. */
typedef struct ts_buffer {
    char *data;   /* NULL until something is appended; NUL-terminated while len > 0 */
    size_t len;   /* bytes in data, the terminator not counted */
    size_t cap;
    int failed;   /* an append ran out of memory; data is incomplete */
} ts_buffer;

/* Frees the data and zeroes the buffer, which can then be reused. NULL is a
 * no-op. */
void ts_buffer_free(ts_buffer *buffer);

/* Each renderer appends one report to `out` (which the caller owns); it
 * never clears what is already there, so a caller may put a byte-order mark
 * first. `run` is only read. Text and HTML are in `lang`; JSON and CSV carry
 * both languages. The formats: docs/report-format.md. TS_ENOMEM is the only
 * failure; `out` is then incomplete and must still be freed. */
ts_status ts_report_render_text(const ts_run *run, ts_lang lang, ts_buffer *out, ts_error *err);
ts_status ts_report_render_json(const ts_run *run, ts_buffer *out, ts_error *err);
ts_status ts_report_render_csv(const ts_run *run, ts_buffer *out, ts_error *err);
ts_status ts_report_render_paths_csv(const ts_run *run, ts_buffer *out, ts_error *err);
/* Appends the UTF-8 byte-order mark (EF BB BF). Written first into a CSV
 * buffer, it makes spreadsheets that assume a legacy code page (Excel) read
 * the file as UTF-8, so Chinese names show correctly. */
ts_status ts_report_render_bom(ts_buffer *out, ts_error *err);
/* backtest.csv (run->backtest) and compare.csv (run->comparison): a header
 * only when the run has none. */
ts_status ts_report_render_backtest_csv(const ts_run *run, ts_buffer *out, ts_error *err);
ts_status ts_report_render_compare_csv(const ts_run *run, ts_buffer *out, ts_error *err);
/* fan.csv: per scenario, target and year, the Monte Carlo percentiles and
 * the probability of attainment by that year (header only without draws). */
ts_status ts_report_render_fan_csv(const ts_run *run, ts_buffer *out, ts_error *err);
/* tornado.csv: per scenario, target and driver, the target-year value with
 * the driver moved by one sd down and up. */
ts_status ts_report_render_tornado_csv(const ts_run *run, ts_buffer *out, ts_error *err);
/* sweep.csv: per grid point and target of run->sweep (header only without). */
ts_status ts_report_render_sweep_csv(const ts_run *run, ts_buffer *out, ts_error *err);

/* One file to write: `name` is a plain file name inside the output folder
 * (no '/', not "." or ".."); `data` holds `len` bytes. Both borrowed. */
typedef struct ts_output_file {
    const char *name;
    const char *data;
    size_t len;
} ts_output_file;

/* Creates `dir` and any missing parent (mkdir -p), writes every file of the
 * array `files` (n entries, read during the call only; n may be 0) to a
 * temporary name in `dir` and flushes it to disk, and only then renames each
 * over its `name`, keeping a hard link to each file it replaces until all
 * are renamed. A failure at any step, a failed rename included, leaves every
 * previous file as it was (renames already made are undone) and no
 * temporary file behind; a file is never left partly written. On a file
 * system without hard links a failed rename cannot undo the earlier ones;
 * the message then says how many stayed replaced. New files get mode 0666
 * minus the umask, which is read by setting it for a moment: do not call
 * this while other threads create files. TS_EWRITE with the file and the
 * system's reason, TS_ENOMEM. */
ts_status ts_output_write_all(const char *dir, const ts_output_file *files, size_t n,
                              ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
