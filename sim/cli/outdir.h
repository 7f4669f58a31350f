/* outdir.h - the output folder of one run: its lock, the private folder
 * gnuplot draws in, manifest.json, and the one step that changes the
 * folder. See outdir.c. */
#ifndef TS_OUTDIR_H
#define TS_OUTDIR_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "targetsim/targetsim.h"

enum { TS_OUTDIR_LOCK_NAME_MAX = 32 };

#define TS_OUTDIR_LOCK ".targetsim.lock"
#define TS_OUTDIR_STAGE_PREFIX ".targetsim-render."
#define TS_OUTDIR_MANIFEST "manifest.json"

typedef struct ts_outdir {
    char *dir;
    char *lock_path; /* DIR/.targetsim.lock while held, else NULL */
    int lock_fd;
    char *stage;     /* DIR/.targetsim-render.XXXXXX while it exists, else NULL */
    bool committed;  /* ts_outdir_commit succeeded */
} ts_outdir;

/* Creates `dir` (mkdir -p; the folders created are removed again by
 * ts_outdir_close when the run wrote nothing) and takes its lock: an advisory flock on
 * DIR/.targetsim.lock, which holds this process's id. Another run holding
 * it: TS_EWRITE "in use by another targetsim run (pid N)" at once. Then
 * removes what a killed run left: DIR/.targetsim-render.* folders. */
ts_status ts_outdir_open(const char *dir, ts_outdir *od, ts_error *err);

/* Makes od->stage, the private folder gnuplot draws in. */
ts_status ts_outdir_make_stage(ts_outdir *od, ts_error *err);

/* Removes the stage folder and everything in it (no subfolders). */
void ts_outdir_remove_stage(ts_outdir *od);

/* The run's metadata for manifest.json. */
typedef struct ts_manifest_info {
    int argc;
    char **argv;
    uint64_t seed;
    size_t draws;
} ts_manifest_info;

/* The one change to the folder: every file of `files` (n; manifest.json
 * not among them) is written, manifest.json (listing them with size and
 * SHA-256, the command line, the version, the seed) last, and the files
 * the previous manifest.json lists that this run does not write are
 * removed: all at once or, on a failure, nothing (ts_output_replace_all).
 * SIGINT and SIGTERM are held off while it runs. */
ts_status ts_outdir_commit(ts_outdir *od, const ts_output_file *files, size_t n,
                           const ts_manifest_info *info, ts_error *err);

/* Removes the stage folder and releases the lock (the lock file goes);
 * when nothing was committed, also the folders ts_outdir_open created
 * (those left empty). Safe on a ts_outdir that failed to open. */
void ts_outdir_close(ts_outdir *od);

/* For a signal handler before the stage folder exists (async-signal-safe:
 * unlink and rmdir only): removes the lock file and the folders this run
 * created, so that the process can _exit leaving the folder as it was. */
void ts_outdir_signal_cleanup(void);

/* For a signal handler: the lock file's path while it is held, else NULL
 * (async-signal-safe to read: set before the handlers matter). */
extern const char *volatile ts_outdir_held_lock;

/* For a signal handler: 1 while the stage folder exists. */
extern volatile sig_atomic_t ts_outdir_stage_exists;

/* For a signal handler: 1 once ts_outdir_commit changed the folder. */
extern volatile sig_atomic_t ts_outdir_committed;

#endif
