/* csv.c - the cells every CSV report shares. */
#include "csv.h"

#include <math.h>
#include <string.h>

#include "base/buffer.h"

void ts_csv_text(ts_buffer *b, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        ts_buffer_puts(b, s);
        return;
    }
    ts_buffer_puts(b, "\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            ts_buffer_puts(b, "\"\"");
        else
            ts_buffer_append(b, p, 1);
    }
    ts_buffer_puts(b, "\"");
}

void ts_csv_number(ts_buffer *b, double v)
{
    if (isfinite(v))
        ts_buffer_printf(b, "%.15g", v);
}

void ts_csv_year(ts_buffer *b, int year)
{
    if (year)
        ts_buffer_printf(b, "%d", year);
}

void ts_csv_next_number(ts_buffer *b, double v)
{
    ts_buffer_puts(b, ",");
    ts_csv_number(b, v);
}

void ts_csv_next_text(ts_buffer *b, const char *s)
{
    ts_buffer_puts(b, ",");
    ts_csv_text(b, s);
}

void ts_csv_next_year(ts_buffer *b, int year)
{
    ts_buffer_puts(b, ",");
    ts_csv_year(b, year);
}

void ts_csv_end_row(ts_buffer *b)
{
    ts_buffer_puts(b, "\r\n");
}

ts_status ts_csv_finish(const ts_buffer *b, const char *name, ts_error *err)
{
    if (b->failed)
        return ts_error_set(err, TS_ENOMEM, name, NULL, "out of memory");
    return TS_OK;
}
