/* render.h - running gnuplot on written chart scripts: a few gnuplot
 * processes (at most one per CPU), each drawing one chart after another.
 * Part of the targetsim CLI, not of the engine library: the library only
 * produces the .dat and .gp files. */
#ifndef TS_RENDER_H
#define TS_RENDER_H

#include <signal.h>
#include <stddef.h>

#include "targetsim/chart.h"

enum { TS_RENDER_LINE_MAX = 512, TS_RENDER_MAX_PROCS = 64 };

typedef struct ts_render_failure {
    const char *gp_name;               /* borrowed from the chart set */
    char line[TS_RENDER_LINE_MAX];     /* gnuplot's last stderr line, or why it did not run */
} ts_render_failure;

typedef struct ts_render_outcome {
    size_t n_rendered;
    size_t n_failed;
    ts_render_failure *failures;       /* n_failed entries, owned: free with ts_render_outcome_free */
} ts_render_outcome;

/* The gnuplot executable found on $PATH, as a new string, or NULL. */
char *ts_render_find_gnuplot(void);

/* A set of gnuplot processes waiting for charts. */
typedef struct ts_renderer ts_renderer;

/* Starts `jobs` gnuplot processes (< 1: the number of online CPUs; at most
 * TS_RENDER_MAX_PROCS) in the current folder, before the charts exist, so
 * that their start-up overlaps the run; they wait for ts_render_run. NULL
 * when out of memory. A process that cannot start is started again by
 * ts_render_run. Always end with ts_render_stop. */
ts_renderer *ts_render_start(const char *gnuplot, int jobs);

/* Renders every chart of `set` in `dir` with the started processes, as
 * ts_render_charts does; processes started elsewhere are sent `cd 'dir'`
 * first (only a name without a quote or control character: else they are
 * replaced by processes started in `dir`). Once per renderer. */
int ts_render_run(ts_renderer *r, const char *dir, const ts_chart_set *set,
                  ts_render_outcome *out);

/* Ends the processes left (their stdin closed) and waits for them; frees
 * r. NULL is a no-op. */
void ts_render_stop(ts_renderer *r);

/* Renders every chart's script with `gnuplot` (a path) in `dir`, the
 * folder holding the scripts: at most `jobs` gnuplot processes (< 1: the
 * number of online CPUs; at most TS_RENDER_MAX_PROCS), each loading one
 * script after another. No shell is involved. Each chart's PNG and SVG are
 * drawn under temporary names (.STEM.png.tmp, .STEM.svg.tmp) and renamed
 * into place only when its script ran without error; a chart that fails
 * (an error in its script, gnuplot not starting or dying, a rename failing)
 * is reported with gnuplot's last message and leaves no temporary file, and
 * the other charts are still drawn. Returns 0, or -1 when memory runs out
 * before anything ran. */
int ts_render_charts(const char *gnuplot, const char *dir, const ts_chart_set *set, int jobs,
                     ts_render_outcome *out);

/* For a signal handler (async-signal-safe: kill and unlink only): from
 * ts_render_start (or ts_render_charts) to ts_render_stop, kills every
 * gnuplot started (SIGKILL) and
 * removes every temporary image of the render; otherwise does nothing. The
 * set of running children and the temporary names live in one place, the
 * `live` record of render.c, which ts_render_charts keeps current. The
 * caller still has to exit (or return from the handler and let
 * ts_render_charts reap the children, which then fail their charts). */
void ts_render_abort(void);

void ts_render_outcome_free(ts_render_outcome *out);

/* When set and non-zero (the CLI points it at its signal flag): no more
 * gnuplot is started and no chart handed out; those running are killed
 * (ts_render_abort) and reaped, and ts_render_run returns. The charts not
 * drawn are then neither rendered nor failed. */
extern volatile sig_atomic_t *ts_render_stop_flag;

#endif
