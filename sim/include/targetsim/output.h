/* output.h - writing a run's files: all of them atomically, or none
 * (temporary files, fsync, renames undone on failure). */
#ifndef TARGETSIM_OUTPUT_H
#define TARGETSIM_OUTPUT_H

#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

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
TS_API ts_status ts_output_write_all(const char *dir, const ts_output_file *files, size_t n,
                                     ts_error *err);

/* ts_output_write_all, and in the same all-or-nothing step removes the
 * files `remove` names (n_remove plain file names in `dir`, as for
 * ts_output_file; one that does not exist, or is a folder, is skipped).
 * Each is moved aside first (to ".NAME.PID.removed" in `dir`) and deleted
 * only once every file is in place, so a failure puts it back. The
 * removals come first, then the files in the order given: the last file
 * given is the last to appear (the CLI's manifest.json). Everything that
 * can run out of memory does so before the folder changes. */
TS_API ts_status ts_output_replace_all(const char *dir, const ts_output_file *files, size_t n,
                                       const char *const *remove, size_t n_remove, ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
