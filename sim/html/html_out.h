/* html_out.h - writing HTML safely: escaped text, number cells, base64.
 * Private to report.html's writer. */
#ifndef TS_HTML_OUT_H
#define TS_HTML_OUT_H

#include <stddef.h>

#include "targetsim/report.h"

/* Appends `s` escaped for HTML text and for double- or single-quoted
 * attribute values: & < > " ' become entities; control characters other
 * than tab and newline are dropped. NULL appends nothing. */
void ts_html_escape(ts_buffer *b, const char *s);

/* Appends `open`, the escaped `s`, then `close` (both written as they are). */
void ts_html_wrap(ts_buffer *b, const char *open, const char *s, const char *close);

/* Appends the base64 encoding (RFC 4648, with padding) of `len` bytes. */
void ts_html_base64(ts_buffer *b, const char *data, size_t len);

/* Appends ` data-value="V"`: %.17g so the number reads back as the same
 * double, an empty value when `v` is not finite. */
void ts_html_data_value(ts_buffer *b, double v);

#endif
