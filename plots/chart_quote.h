/* chart_quote.h - the one place input text enters a gnuplot script (see
 * chart_quote.c for why it is safe). Private to the chart writer. */
#ifndef TS_CHART_QUOTE_H
#define TS_CHART_QUOTE_H

#include "targetsim/buffer.h"

/* Appends `s` to `out` as an inert gnuplot string expression: a
 * single-quoted literal (gnuplot expands neither backquotes nor escapes in
 * those) with control characters (bytes < 0x20 and 0x7f) dropped, and each
 * ', @ and ` spliced in as sprintf('%c', CODE) rather than written (gnuplot
 * 5.4 mis-scans doubled quotes, and its macro scanner mis-counts quotes
 * after a "'"): it's -> ('it' . sprintf('%c', 39) . 's'). NULL is written
 * as ''. */
void ts_chart_quote(ts_buffer *out, const char *s);

/* The same for a text that gnuplot will read as a format as well as show:
 * a tic label (`set ytics add (label position)`), whose '%' would start a
 * conversion. Every '%' is doubled, which gnuplot prints as one '%'. */
void ts_chart_quote_tic(ts_buffer *out, const char *s);

/* The same for a text drawn by the `labels` plot style (plot ... with
 * labels), which expands backslash escapes (\n, \\, \101): every
 * backslash is doubled, so it is drawn as one. */
void ts_chart_quote_label(ts_buffer *out, const char *s);

#endif
