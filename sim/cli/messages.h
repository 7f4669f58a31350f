/* messages.h - every line the CLI prints to the user comes from here, so all
 * errors share one shape: "targetsim: FILE: json.path: message". */
#ifndef TS_MESSAGES_H
#define TS_MESSAGES_H

#include <stdbool.h>

#include "cli_options.h"
#include "targetsim/status.h"

/* Prints err as "targetsim: FILE: PATH: MESSAGE". The library names the
 * parameter behind a usage error in err->path ("horizon", "by_year",
 * "axes[1].indicator", ...); such an error is worded with the option that
 * set it instead: "targetsim: --horizon MESSAGE", "targetsim: --sweep
 * "SPEC": MESSAGE". `opt` holds the --sweep texts; may be NULL. */
void ts_msg_error(const ts_error *err, const ts_cli_options *opt);
void ts_msg_usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
void ts_msg_help(void);
/* Chart notes: templates missing, gnuplot missing, a chart that failed. */
void ts_msg_no_templates(void);
void ts_msg_no_gnuplot(const char *out_dir);
void ts_msg_render_failed(const char *out_dir, const char *gp_name, const char *line);
void ts_msg_version(void);
/* The Monte Carlo progress bar on stderr (one line, redrawn), and its end. */
void ts_msg_progress(unsigned long long done, unsigned long long total);
void ts_msg_progress_done(void);
/* After SIGINT or SIGTERM: which, and whether the run's files were
 * written (the signal came during or after the final step) or not. */
void ts_msg_interrupted(int sig, const char *out_dir, bool written);

#endif
