/* cli_html.h - report.html from the command line: read the SVG charts the
 * run rendered, render the page. Part of the CLI: the library renders the
 * page but never reads files for it. */
#ifndef TS_CLI_HTML_H
#define TS_CLI_HTML_H

#include <stdbool.h>

#include "targetsim/html.h"
#include "targetsim/targetsim.h"

/* Appends report.html for `run` in `lang` to `page`. `charts` may be NULL
 * (no chart files were written); `how` says whether they were rendered.
 * With TS_HTML_CHARTS_RENDERED each chart's STEM.svg is read from
 * `svg_dir`, except those whose `failed` entry is true (`failed` has
 * charts->n entries, or is NULL); a chart whose SVG cannot be read is shown
 * as not rendered. Fails with TS_ENOMEM. */
ts_status ts_cli_render_html(const char *svg_dir, ts_lang lang, const ts_run *run,
                             const ts_chart_set *charts, ts_html_charts how, const bool *failed,
                             ts_buffer *page, ts_error *err);

/* The whole of DIR/NAME in a new buffer *out (NUL-terminated beyond *len):
 * 0; 1 when it cannot be read, is empty or is larger than `max` (*out
 * NULL); -1 when memory runs out. */
int ts_cli_read_file(const char *dir, const char *name, size_t max, char **out, size_t *len);

#endif
