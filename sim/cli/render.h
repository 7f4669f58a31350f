/* render.h - running gnuplot on written chart scripts, several at once.
 * Part of the targetsim CLI, not of the engine library: the library only
 * produces the .dat and .gp files. */
#ifndef TS_RENDER_H
#define TS_RENDER_H

#include <signal.h>
#include <stddef.h>

#include "targetsim/chart.h"

enum { TS_RENDER_LINE_MAX = 512 };

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

/* Runs `gnuplot` (a path) on every chart's script with `dir` as the working
 * folder, at most `jobs` at a time (< 1: the number of online CPUs). No
 * shell is involved: the script name is passed as an argument. A chart
 * fails when gnuplot cannot start or exits with a non-zero status. Returns
 * 0, or -1 when memory runs out before anything ran. */
int ts_render_charts(const char *gnuplot, const char *dir, const ts_chart_set *set, int jobs,
                     ts_render_outcome *out);

void ts_render_outcome_free(ts_render_outcome *out);

/* When set and non-zero (the CLI points it at its signal flag): no more
 * gnuplot is started, and those running are sent SIGTERM and waited for. */
extern volatile sig_atomic_t *ts_render_stop;

#endif
