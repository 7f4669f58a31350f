/* format.c - numbers with thousands separators, percentages, wrapped text. */
#include "format.h"

#include <math.h>
#include <stdlib.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/buffer.h"
#include "base/number.h"
#include "base/text.h"
#include "strings/strings.h"
#include "targetsim/solve.h"
#include "text_table.h"

void ts_fmt_value(double v, char *buf, size_t size)
{
    if (!isfinite(v)) {
        snprintf(buf, size, "-");
        return;
    }
    double a = fabs(v);
    /* Fewer decimals as numbers grow: the reader wants magnitude, and the
     * full precision is in report.json. A figure as the plan writes it
     * keeps its own precision: 5.5, not 5.5000; 3, not 3.0000. */
    int decimals = ts_format_decimals(v, a >= 10000 ? 0 : a >= 10 ? 2 : 4);
    char digits[64];
    ts_format_fixed(digits, sizeof digits, a, decimals);
    if (strspn(digits, "0.") == strlen(digits)) {
        snprintf(buf, size, "0"); /* 0.00001 is "0", never "0.0000" or "-0.0000" */
        return;
    }
    char *dot = strchr(digits, '.');
    size_t int_len = dot ? (size_t)(dot - digits) : strlen(digits);
    char out[96];
    size_t o = 0;
    if (v < 0)
        out[o++] = '-';
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    if (dot) {
        size_t rest = strlen(dot);
        memcpy(out + o, dot, rest);
        o += rest;
    }
    out[o] = '\0';
    snprintf(buf, size, "%s", out);
}

void ts_fmt_percent(double v, char *buf, size_t size)
{
    ts_fmt_fixed_unit(100.0 * v, 1, "%", buf, size);
}

void ts_fmt_fixed_unit(double v, int decimals, const char *unit, char *buf, size_t size)
{
    char digits[64];
    ts_format_fixed(digits, sizeof digits, v, decimals);
    snprintf(buf, size, "%s%s", digits, isfinite(v) ? unit : "");
}

void ts_fmt_signed(double v, int decimals, const char *unit, char *buf, size_t size)
{
    char digits[64];
    ts_format_fixed(digits, sizeof digits, v, decimals);
    bool zero = strspn(digits, "0.") == strlen(digits);
    snprintf(buf, size, "%s%s%s", isfinite(v) && v > 0 && !zero ? "+" : "", digits,
             isfinite(v) ? unit : "");
}

void ts_fmt_probability(double p, char *buf, size_t size)
{
    /* "0.0%" would read as "never" when a few draws did attain. */
    if (p > 0 && p < 0.0005)
        snprintf(buf, size, "<0.1%%");
    else if (p < 1 && p >= 0.9995)
        snprintf(buf, size, ">99.9%%");
    else
        ts_fmt_percent(p, buf, size);
}

const ts_target *ts_assessed_target(const ts_plan *plan, size_t index, const ts_assessment *a)
{
    const ts_indicator *ind = &plan->indicators[index];
    return a->revision ? &ind->revisions[a->revision - 1].target : &ind->target;
}

void ts_fmt_target(const ts_plan *plan, size_t index, const ts_assessment *a, ts_lang lang,
                   char *buf, size_t size)
{
    char written[256];
    ts_fmt_target_written(plan, ts_assessed_target(plan, index, a), lang, TS_SYMBOL_ASCII,
                          written, sizeof written);
    snprintf(buf, size, "%s (%d)", written, a->target_year);
}

void ts_fmt_attained(int year, int horizon, ts_lang lang, char *buf, size_t size)
{
    const ts_around *not_by = &ts_strings_for(lang)->not_by;
    if (year)
        snprintf(buf, size, "%d", year);
    else
        snprintf(buf, size, "%s%d%s", not_by->before, horizon, not_by->after);
}

void ts_fmt_target_name(const ts_indicator *ind, const ts_assessment *a, ts_lang lang, char *buf,
                        size_t size)
{
    const char *name = ts_indicator_name(ind, lang);
    const ts_around *revised = &ts_strings_for(lang)->report.revised;
    if (a->revision == 0)
        snprintf(buf, size, "%s", name);
    else
        snprintf(buf, size, "%s%s%d%s", name, revised->before, a->target_year, revised->after);
}

bool ts_required_implausible(const ts_assessment *a)
{
    return ts_growth_implausible(a->measure == TS_MEASURE_RATE ? a->required_rate / 100
                                                                : a->required_growth);
}

bool ts_target_settled(const ts_assessment *a, const ts_mc_target *mc)
{
    return (mc && mc->decided) || a->decided || a->status == TS_ACHIEVED;
}

void ts_fmt_flag(const ts_plan *plan, size_t index, char *buf, size_t size)
{
    int k = ts_assumption_number(plan, index);
    if (k)
        snprintf(buf, size, "[A%d]", k);
    else
        buf[0] = '\0';
}

/* Length in bytes of the next token: a space, one wide character, or a run
 * of other non-space characters (a word). */
static size_t token_len(const char *s)
{
    if (*s == ' ')
        return 1;
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (p[n] && p[n] != ' ' && p[n] != '\n') {
        size_t len = p[n] < 0x80 ? 1 : p[n] >= 0xF0 ? 4 : p[n] >= 0xE0 ? 3 : 2;
        char one[5] = {0};
        for (size_t k = 0; k < len && p[n + k]; k++)
            one[k] = (char)p[n + k];
        if (tt_display_width(one) == 2)
            return n ? n : len; /* a wide character stands alone */
        n += len;
    }
    return n ? n : 1;
}

void ts_fmt_wrapped(ts_buffer *out, const char *label, const char *text, size_t width)
{
    size_t indent = 2;
    ts_buffer_puts(out, "  ");
    if (label) {
        ts_buffer_printf(out, "%s:", label);
        indent += tt_display_width(label) + 2;
        if (indent > 30) { /* a long label: the text starts on the next line */
            indent = 4;
            ts_buffer_puts(out, "\n    ");
        } else {
            ts_buffer_puts(out, " ");
        }
    }
    size_t col = indent;
    bool space = false; /* a blank is written only before a word on the same line */
    for (const char *p = text; *p;) {
        if (*p == '\n' || *p == ' ') {
            if (*p == '\n') {
                ts_buffer_printf(out, "\n%*s", (int)indent, "");
                col = indent;
                space = false;
            } else {
                space = col > indent;
            }
            p++;
            continue;
        }
        size_t len = token_len(p);
        char tok[256];
        size_t copy = len < sizeof tok ? len : sizeof tok - 1;
        memcpy(tok, p, copy);
        tok[copy] = '\0';
        size_t w = tt_display_width(tok);
        if (col + space + w > width && col > indent) {
            ts_buffer_printf(out, "\n%*s", (int)indent, "");
            col = indent;
            space = false;
        }
        if (space) {
            ts_buffer_puts(out, " ");
            col++;
            space = false;
        }
        ts_buffer_append(out, p, len);
        col += w;
        p += len;
    }
    ts_buffer_puts(out, "\n");
}

void ts_fmt_short(double v, char *buf, size_t size)
{
    if (!isfinite(v)) {
        snprintf(buf, size, "-");
        return;
    }
    /* As the plan writes it, to ten significant digits; a number that
     * rounds to zero reads "0", never "-0". */
    snprintf(buf, size, "%.10g", v);
    if (strtod(buf, NULL) == 0)
        snprintf(buf, size, "0");
}

/* The number part of a generated target: "-13.5%", "7%/yr", "2x", "+1". */
static void written_number(const ts_target *t, const ts_table_words *W, char *buf, size_t size)
{
    char x[48];
    /* A whole level reads best with its thousands grouped: 10,000. */
    if (t->kind == TS_TARGET_VALUE && t->value == round(t->value))
        ts_fmt_value(t->value, x, sizeof x);
    else
        ts_fmt_short(t->value, x, sizeof x);
    switch (t->kind) {
    case TS_TARGET_CHANGE:
        snprintf(buf, size, "%s%s %s", t->value > 0 ? "+" : "", x, W->change);
        break;
    case TS_TARGET_CHANGE_PCT:
        snprintf(buf, size, "%s%s%% %s", t->value > 0 ? "+" : "", x, W->cumulative);
        break;
    case TS_TARGET_GROWTH_PCT: snprintf(buf, size, "%s%%%s", x, W->per_year); break;
    case TS_TARGET_MULTIPLE: snprintf(buf, size, "%s%s", x, W->times); break;
    default: snprintf(buf, size, "%s", x); break;
    }
}

void ts_fmt_target_written(const ts_plan *plan, const ts_target *target, ts_lang lang,
                           ts_symbol_style style, char *buf, size_t size)
{
    const ts_table_words *W = &ts_strings_for(lang)->table;
    if (!ts_text_empty(&target->as_written) || target->kind == TS_TARGET_TEXT) {
        const ts_text *t = ts_text_empty(&target->as_written) ? &target->text : &target->as_written;
        snprintf(buf, size, "%s", ts_text_get(t, lang));
        return;
    }
    char number[96], tol[48] = "", each[48] = "", rel[256] = "";
    written_number(target, W, number, sizeof number);
    if (target->direction == TS_ABOUT) {
        char t[32];
        ts_fmt_short(target->tolerance, t, sizeof t);
        snprintf(tol, sizeof tol, " %s%s", W->tolerance, t);
    }
    if (target->each_year)
        snprintf(each, sizeof each, " %s", W->every_year);
    if (target->relative_to >= 0)
        snprintf(rel, sizeof rel, " %s %s", W->relative,
                 ts_indicator_name(&plan->indicators[target->relative_to], lang));
    snprintf(buf, size, "%s %s%s%s%s", ts_direction_symbol(target->direction, style), number,
             tol, each, rel);
}

void ts_fmt_rates(const ts_assessment *a, char *required, char *scenario, size_t size)
{
    /* ts_fmt_percent takes a fraction; a rate indicator's rates are per cent. */
    bool rate = a->measure == TS_MEASURE_RATE;
    ts_fmt_percent(rate ? a->required_rate / 100 : a->required_growth, required, size);
    ts_fmt_percent(rate ? a->scenario_rate / 100 : a->scenario_growth, scenario, size);
}
