/* template.c - filling @KEY@ placeholders of a gnuplot template file. The
 * templates are files so the charts' look can be changed without touching C;
 * the C side only supplies values. */
#include "template.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"
#include "base/number.h"
#include "chart_quote.h"
#include "targetsim/chart.h"

/* Templates are small; anything larger is not one of ours. */
enum { TPL_MAX_BYTES = 256 * 1024, TPL_MAX_KEY = 40 };

ts_buffer *ts_tpl_slot(ts_tpl_vars *vars, const char *key)
{
    for (size_t i = 0; i < vars->n; i++)
        if (strcmp(vars->v[i].key, key) == 0)
            return &vars->v[i].value;
    if (vars->n == TS_TPL_MAX_VARS)
        return NULL;
    vars->v[vars->n] = (ts_tpl_var){key, {0}};
    return &vars->v[vars->n++].value;
}

void ts_tpl_set_text(ts_tpl_vars *vars, const char *key, const char *text)
{
    ts_buffer *b = ts_tpl_slot(vars, key);
    if (b) {
        b->len = 0;
        ts_chart_quote(b, text);
    }
}

void ts_tpl_set_number(ts_tpl_vars *vars, const char *key, double value)
{
    ts_buffer *b = ts_tpl_slot(vars, key);
    char text[TS_ROUNDTRIP_SIZE] = "NaN"; /* gnuplot's undefined value */
    if (!b)
        return;
    if (isfinite(value))
        ts_format_roundtrip(text, sizeof text, value);
    b->len = 0;
    ts_buffer_puts(b, text);
}

void ts_tpl_set_int(ts_tpl_vars *vars, const char *key, long value)
{
    ts_buffer *b = ts_tpl_slot(vars, key);
    if (b) {
        b->len = 0;
        ts_buffer_printf(b, "%ld", value);
    }
}

void ts_tpl_array_sep(ts_buffer *array)
{
    if (array->len > 0)
        ts_buffer_puts(array, ", ");
}

void ts_tpl_vars_free(ts_tpl_vars *vars)
{
    for (size_t i = 0; i < vars->n; i++)
        ts_buffer_free(&vars->v[i].value);
    vars->n = 0;
}

static ts_status read_template(const char *path, ts_buffer *text, ts_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ts_error_set(err, TS_EINPUT, path, NULL, "cannot read chart template");
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && text->len <= TPL_MAX_BYTES)
        ts_buffer_append(text, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad || text->len > TPL_MAX_BYTES)
        return ts_error_set(err, TS_EINPUT, path, NULL,
                            bad ? "cannot read chart template" : "chart template too large");
    return text->failed ? ts_error_set(err, TS_ENOMEM, path, NULL, "out of memory") : TS_OK;
}

/* Length of the placeholder key starting at `s` (just after an @), or 0 when
 * this @ does not open one: keys are [A-Z0-9_]+ closed by another @. */
static size_t key_len(const char *s)
{
    size_t n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    return (n > 0 && n <= TPL_MAX_KEY && s[n] == '@') ? n : 0;
}

static ts_status substitute(const char *path, const char *text, ts_tpl_vars *vars,
                            ts_buffer *out, ts_error *err)
{
    const char *p = text;
    const char *at;
    while ((at = strchr(p, '@')) != NULL) {
        size_t n = key_len(at + 1);
        ts_buffer_append(out, p, (size_t)(at - p) + (n ? 0 : 1));
        p = at + 1;
        if (!n)
            continue;
        char key[TPL_MAX_KEY + 1];
        memcpy(key, at + 1, n);
        key[n] = '\0';
        size_t i = 0;
        while (i < vars->n && strcmp(vars->v[i].key, key) != 0)
            i++;
        if (i == vars->n)
            return ts_error_set(err, TS_EINTERNAL, path, NULL, "no value for placeholder @%s@",
                                key);
        ts_buffer_append(out, vars->v[i].value.data ? vars->v[i].value.data : "",
                         vars->v[i].value.len);
        p = at + 1 + n + 1;
    }
    ts_buffer_puts(out, p);
    return TS_OK;
}

ts_status ts_tpl_fill(const char *dir, const char *name, ts_tpl_vars *vars, ts_buffer *out,
                      ts_error *err)
{
    ts_buffer path = {0}, text = {0};
    ts_buffer_printf(&path, "%s/%s", dir, name);
    ts_status st = TS_ENOMEM;
    if (path.failed) {
        ts_error_set(err, st, name, NULL, "out of memory");
        goto out;
    }
    if ((st = read_template(path.data, &text, err)) != TS_OK)
        goto out;
    for (size_t i = 0; i < vars->n; i++)
        if (vars->v[i].value.failed) {
            st = ts_error_set(err, TS_ENOMEM, path.data, NULL, "out of memory");
            goto out;
        }
    st = substitute(path.data, text.data ? text.data : "", vars, out, err);
out:
    ts_buffer_free(&path);
    ts_buffer_free(&text);
    return st;
}
