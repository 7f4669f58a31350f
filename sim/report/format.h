/* format.h - number and text formatting for the human-readable reports. */
#ifndef TS_FORMAT_H
#define TS_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/assess.h"
#include "targetsim/mc.h"
#include "targetsim/plan.h"
#include "targetsim/report.h"

/* The one rule of report.txt, report.html and the console for a level
 * (docs/report-format.md, "How numbers are written"): 0 decimals from
 * 10,000 on, 2 from 10, else 4; fewer when the number is exact with fewer
 * (a figure as the plan writes it: 5.5, 2.3, 3); thousands grouped; a
 * number that rounds to zero is "0". 12,345 / 4,153.3 / 135.35 / 0.6487;
 * "-" for NaN. */
void ts_fmt_value(double v, char *buf, size_t size);
/* 0.0871 -> "8.7%", -0.0004 -> "0.0%"; "-" for NaN. */
void ts_fmt_percent(double v, char *buf, size_t size);
/* `v` at `decimals` places followed by `unit` ("%", "%/yr", "x"); never
 * "-0.0"; "-" for NaN. */
void ts_fmt_fixed_unit(double v, int decimals, const char *unit, char *buf, size_t size);
/* The same with a "+" before a positive number (a change): "+1.2%",
 * "-0.4%", "0.0%". */
void ts_fmt_signed(double v, int decimals, const char *unit, char *buf, size_t size);
/* A probability as a percentage; "<0.1%" and ">99.9%" rather than rounding
 * a possible event to 0 or 100. "-" for NaN. */
void ts_fmt_probability(double p, char *buf, size_t size);
/* The target an assessment of indicator `index` is about: its own, or the
 * revision it names. */
const ts_target *ts_assessed_target(const ts_plan *plan, size_t index, const ts_assessment *a);
/* ">= 10,000 (2025)": the target as written (ts_fmt_target_written) and
 * its year. */
void ts_fmt_target(const ts_plan *plan, size_t index, const ts_assessment *a, ts_lang lang,
                   char *buf, size_t size);
/* The attainment year, or "not by HORIZON" for 0 (in `lang`). */
void ts_fmt_attained(int year, int horizon, ts_lang lang, char *buf, size_t size);
/* The indicator's name, and for a revised target " (revised 2027)". */
void ts_fmt_target_name(const ts_indicator *ind, const ts_assessment *a, ts_lang lang, char *buf,
                        size_t size);
/* A target as the plan's table prints it: its "as_written" text, else one
 * made from its kind, direction and number (">= 65", "<= -13.5% cumulative",
 * "> 7%/yr", ">= 2x", "~ 5 +/- 0.5", "< 5.5 every year", "... vs GDP
 * growth"); a text target's text. Signs as `style` writes them. */
void ts_fmt_target_written(const ts_plan *plan, const ts_target *target, ts_lang lang,
                           ts_symbol_style style, char *buf, size_t size);
/* A number as short as it reads: "65", "5.5", "-13.5", "0.125" (at most
 * ten significant digits; never "-0"). */
void ts_fmt_short(double v, char *buf, size_t size);
/* "Needed/yr" and "Scenario/yr" of an assessment: a level's growth rates
 * ("8.7%"), a rate indicator's average rates, already in per cent. */
void ts_fmt_rates(const ts_assessment *a, char *required, char *scenario, size_t size);
/* True when the growth (a level) or the average rate (a rate indicator)
 * the assessment needs lies beyond +-30 % a year (ts_growth_implausible). */
bool ts_required_implausible(const ts_assessment *a);
/* True when the observations settle the target, so the reports print
 * "decided" instead of a probability: every draw has the same outcome
 * (mc->decided), the target year is observed or an every-year bound broke
 * (a->decided), or an early-counting target is achieved already. */
bool ts_target_settled(const ts_assessment *a, const ts_mc_target *mc);
/* "[A1]" for the k-th indicator of the plan with an assumption, "" otherwise. */
void ts_fmt_flag(const ts_plan *plan, size_t index, char *buf, size_t size);
/* "  label: text" wrapped at `width` display columns, continuation lines
 * indented under the text. label may be NULL. */
void ts_fmt_wrapped(ts_buffer *out, const char *label, const char *text, size_t width);

#endif
