/* report_html_style.h - report.html's inline CSS. Private. */
#ifndef TS_REPORT_HTML_STYLE_H
#define TS_REPORT_HTML_STYLE_H

extern const char ts_html_style[];

#endif
