/* template.h - gnuplot script templates with @KEY@ placeholders. Private to
 * the chart writer.
 *
 * A template is a file in the template folder; every @KEY@ in it must have a
 * value in the ts_tpl_vars given to ts_tpl_fill. Values are gnuplot syntax
 * already (a quoted string, a number, an array initialiser): the setters
 * below are the only way values are made, so input text only ever arrives
 * quoted by ts_chart_quote. */
#ifndef TS_TEMPLATE_H
#define TS_TEMPLATE_H

#include "targetsim/report.h"
#include "targetsim/status.h"

enum { TS_TPL_MAX_VARS = 48 };

typedef struct ts_tpl_var {
    const char *key; /* static string, without the @ signs */
    ts_buffer value;
} ts_tpl_var;

typedef struct ts_tpl_vars {
    size_t n;
    ts_tpl_var v[TS_TPL_MAX_VARS];
} ts_tpl_vars;

/* The value buffer of `key`, created empty on first use; NULL when the
 * table is full (a bug: raise TS_TPL_MAX_VARS). */
ts_buffer *ts_tpl_slot(ts_tpl_vars *vars, const char *key);

/* `text` (input or translated text) as a quoted string (ts_chart_quote). */
void ts_tpl_set_text(ts_tpl_vars *vars, const char *key, const char *text);
/* A number; NaN and infinities become gnuplot's NaN. */
void ts_tpl_set_number(ts_tpl_vars *vars, const char *key, double value);
void ts_tpl_set_int(ts_tpl_vars *vars, const char *key, long value);

/* Appends ", " before every element but the first of an array initialiser. */
void ts_tpl_array_sep(ts_buffer *array);

/* Frees every value. */
void ts_tpl_vars_free(ts_tpl_vars *vars);

/* Reads template `name` from `dir` and appends it to `out` with every
 * placeholder replaced. TS_EINPUT when the file cannot be read,
 * TS_EINTERNAL for a placeholder without a value, TS_ENOMEM. */
ts_status ts_tpl_fill(const char *dir, const char *name, ts_tpl_vars *vars, ts_buffer *out,
                      ts_error *err);

#endif
