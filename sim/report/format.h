/* format.h - number and text formatting for the human-readable reports. */
#ifndef TS_FORMAT_H
#define TS_FORMAT_H

#include <stddef.h>

#include "targetsim/assess.h"
#include "targetsim/plan.h"
#include "targetsim/report.h"

/* 12,345 / 4,153.3 / 6.90 / 0.0123; "-" for NaN. */
void ts_fmt_value(double v, char *buf, size_t size);
/* 0.0871 -> "8.7%"; "-" for NaN. */
void ts_fmt_percent(double v, char *buf, size_t size);
/* A probability as a percentage; "<0.1%" and ">99.9%" rather than rounding
 * a possible event to 0 or 100. "-" for NaN. */
void ts_fmt_probability(double p, char *buf, size_t size);
/* ">= 10,000 (2025)" with the direction's sign. */
void ts_fmt_target(const ts_assessment *a, char *buf, size_t size);
/* The attainment year, or "not by HORIZON" for 0 (in `lang`). */
void ts_fmt_attained(int year, int horizon, ts_lang lang, char *buf, size_t size);
/* The indicator's name, and for a revised target " (revised 2027)". */
void ts_fmt_target_name(const ts_indicator *ind, const ts_assessment *a, ts_lang lang, char *buf,
                        size_t size);
/* "[A1]" for the k-th indicator of the plan with an assumption, "" otherwise. */
void ts_fmt_flag(const ts_plan *plan, size_t index, char *buf, size_t size);
/* "  label: text" wrapped at `width` display columns, continuation lines
 * indented under the text. label may be NULL. */
void ts_fmt_wrapped(ts_buffer *out, const char *label, const char *text, size_t width);

#endif
