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

/* A growable byte buffer. Zero-initialise, append, then ts_buffer_free. */
typedef struct ts_buffer {
    char *data;   /* NUL-terminated while len > 0 */
    size_t len;
    size_t cap;
    int failed;   /* an append ran out of memory; data is incomplete */
} ts_buffer;

void ts_buffer_free(ts_buffer *buffer);

/* Each renderer appends one report to `out` (which the caller owns).
 * TS_ENOMEM is the only failure. */
ts_status ts_report_render_text(const ts_run *run, ts_lang lang, ts_buffer *out, ts_error *err);
ts_status ts_report_render_json(const ts_run *run, ts_buffer *out, ts_error *err);
ts_status ts_report_render_csv(const ts_run *run, ts_buffer *out, ts_error *err);
ts_status ts_report_render_paths_csv(const ts_run *run, ts_buffer *out, ts_error *err);

/* One file to write: `name` is a plain file name inside the output folder. */
typedef struct ts_output_file {
    const char *name;
    const char *data;
    size_t len;
} ts_output_file;

/* Creates `dir` and any missing parent (mkdir -p), writes every file to a
 * temporary name in `dir` and flushes it to disk, and only then renames each
 * over its `name`, keeping a hard link to each file it replaces until all
 * are renamed. A failure at any step, a failed rename included, leaves every
 * previous file as it was (renames already made are undone) and no
 * temporary file behind; a file is never left partly written. On a file
 * system without hard links a failed rename cannot undo the earlier ones;
 * the message then says how many stayed replaced. TS_EWRITE with the file
 * and the system's reason. */
ts_status ts_output_write_all(const char *dir, const ts_output_file *files, size_t n,
                              ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
