/* csv_out.c - CSV cells (see csv_out.h). */
#include "csv_out.h"

#include <math.h>
#include <string.h>

#include "buffer.h"

void ts_csv_text(ts_buffer *b, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        ts_buffer_puts(b, s);
        return;
    }
    ts_buffer_puts(b, "\"");
    for (const char *p = s; *p; p++)
        ts_buffer_append(b, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
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
