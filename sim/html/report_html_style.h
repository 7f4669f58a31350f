/* report_html_style.h - report.html's inline CSS. Private. */
#ifndef TS_REPORT_HTML_STYLE_H
#define TS_REPORT_HTML_STYLE_H

#include "targetsim/buffer.h"

extern const char ts_html_style[];
/* The status badges' colours (.s-<status>), from the shared palette. */
void ts_html_status_style(ts_buffer *b);

#endif
