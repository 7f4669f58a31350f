/* cli_html.h - report.html from the command line: read the SVG charts the
 * run rendered, render the page, write it atomically. Part of the CLI: the
 * library renders the page but never reads files for it. */
#ifndef TS_CLI_HTML_H
#define TS_CLI_HTML_H

#include <stdbool.h>

#include "targetsim/html.h"
#include "targetsim/targetsim.h"

/* Writes OUT_DIR/report.html for `run` in `lang`. `charts` may be NULL (no
 * chart files were written); `how` says whether they were rendered. With
 * TS_HTML_CHARTS_RENDERED each chart's STEM.svg is read from `out_dir`,
 * except those whose `failed` entry is true (`failed` has charts->n entries,
 * or is NULL); a chart whose SVG cannot be read is shown as not rendered.
 * Fails with TS_EWRITE (err names the file) or TS_ENOMEM. */
ts_status ts_cli_write_html(const char *out_dir, ts_lang lang, const ts_run *run,
                            const ts_chart_set *charts, ts_html_charts how, const bool *failed,
                            ts_error *err);

#endif
