/* html.h - report.html: the whole run as one self-contained page to read in
 * a browser and print on A4, with the rendered charts inside it.
 *
 * Like the other renderers it never touches the file system: the caller
 * reads the SVG files the chart step rendered (see chart.h) and passes their
 * bytes in, then writes the page with ts_output_write_all.
 *
 * Safety: every text that comes from a plan or scenario file (names, units,
 * sources, notes, assumptions, rationales, file names) is HTML-escaped. The
 * page has no script and loads nothing: the CSS is inline and each SVG is
 * embedded as a base64 data: URI of an <img>, so nothing inside an SVG can run
 * as script in the page or clash with another chart's ids.
 */
#ifndef TARGETSIM_HTML_H
#define TARGETSIM_HTML_H

#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/report.h"
#include "targetsim/run.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Why charts are or are not in the page; each chart section says so. */
typedef enum ts_html_charts {
    TS_HTML_CHARTS_RENDERED,     /* `svgs` holds the rendered charts; a chart missing
                                  * from it failed to render */
    TS_HTML_CHARTS_NOT_RENDERED, /* rendering was switched off (--no-render) */
    TS_HTML_CHARTS_NO_GNUPLOT,   /* gnuplot is not installed */
    TS_HTML_CHARTS_NO_TEMPLATES  /* the chart templates were not found: no chart files */
} ts_html_charts;

/* One rendered chart: `stem` as in ts_chart ("indicator-gdp", "attainment",
 * "growth") and the bytes of STEM.svg. Both borrowed. */
typedef struct ts_html_svg {
    const char *stem;
    const char *data;
    size_t len;
} ts_html_svg;

typedef struct ts_html_options {
    ts_lang lang;              /* labels, and which language of each text comes first */
    ts_html_charts charts;
    const ts_html_svg *svgs;   /* n_svgs entries, borrowed; may be NULL when n_svgs is 0 */
    size_t n_svgs;
} ts_html_options;

/* Appends report.html for `run` to `out` (owned by the caller): the plan's
 * title and as-of year, a summary box of the counts by status, a summary
 * table of every target (and revised target) under every scenario with its
 * probability and status, the plan table, the verdict on targets whose year
 * is observed, the scenarios, the Monte Carlo odds by year and the driver
 * growth each target needs, the backtest, comparison and sweep when the run
 * has them, one section per indicator with its charts, every other rendered
 * chart, flagged assumptions, notes, sources and a summary of the method
 * (docs/report-format.md, section 5). `options` may be
 * NULL: English, no charts (as TS_HTML_CHARTS_NOT_RENDERED). Numbers are
 * shown as in report.txt; each number of the summary and verdict tables
 * also carries its exact value (%.17g) in a data-value attribute.
 * TS_ENOMEM is the only failure; `out` is then incomplete. */
TS_API ts_status ts_report_render_html(const ts_run *run, const ts_html_options *options,
                                       ts_buffer *out, ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
