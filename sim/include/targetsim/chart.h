/* chart.h - gnuplot charts of a run: per chart a tab-separated .dat and a .gp
 * script that loads it by a relative path, so `cd OUT && gnuplot gdp.gp`
 * re-renders the chart (PNG and SVG) anywhere.
 *
 * The scripts are filled in from the template files in plots/templates.
 * Nothing from a plan or scenario file is ever written to a script except
 * through one quoting function (single-quoted literals, control characters
 * removed: plots/chart_quote.c), so no input text can run a command.
 * Rendering, that is running gnuplot, is left to the caller (the targetsim
 * CLI does it).
 *
 * Memory: ts_chart_set_create hands the caller one ts_chart_set to free with
 * ts_chart_set_free; every buffer and name in it is owned by the set.
 */
#ifndef TARGETSIM_CHART_H
#define TARGETSIM_CHART_H

#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/report.h"
#include "targetsim/run.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One chart: `stem` is a file name without extension, made only of
 * [a-z0-9_.-]; the files are STEM.dat and STEM.gp, and the script writes
 * STEM.png and STEM.svg into its current folder. */
typedef struct ts_chart {
    char *stem;
    char *dat_name; /* "STEM.dat" */
    char *gp_name;  /* "STEM.gp" */
    ts_buffer dat;
    ts_buffer gp;
} ts_chart;

typedef struct ts_chart_set {
    size_t n;
    ts_chart *charts;
} ts_chart_set;

/* Builds every chart of `run`: one per indicator ("indicator-ID"), the
 * attainment dashboard ("attainment") and the growth comparison ("growth";
 * these two only when some indicator has a target), and what the run's
 * analyses add: per target a Monte Carlo fan ("fan-ID", with percentiles),
 * the first scenario's tornado ("tornado-ID", when a driver moves the
 * value), sweep charts ("sweep-ID", "sweepprob-ID" with draws); per
 * indicator observed after the base year a backtest ("backtest-ID"); and
 * "compare" with run->comparison. `template_dir` is the
 * folder holding the templates (plots/templates in the source tree,
 * share/targetsim/templates when installed); it and `run` are only read
 * during the call. Titles and axis labels are in `lang`. Nothing is written
 * to disk: write the .dat and .gp buffers with ts_output_write_all. On
 * success *out owns a new set; on failure it is NULL. Fails with TS_EINPUT
 * when a template is missing or unreadable (err names it), TS_EINTERNAL
 * when a template has an unknown placeholder, TS_ENOMEM. */
TS_API ts_status ts_chart_set_create(const ts_run *run, ts_lang lang, const char *template_dir,
                                     ts_chart_set **out, ts_error *err);

/* NULL is a no-op. */
TS_API void ts_chart_set_free(ts_chart_set *set);

#ifdef __cplusplus
}
#endif
#endif
