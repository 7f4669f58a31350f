/* html_out.c - the only way text reaches report.html: escaped, or encoded. */
#include "html_out.h"

#include <math.h>
#include <string.h>

#include "base/buffer.h"

void ts_html_escape(ts_buffer *b, const char *s)
{
    if (!s)
        return;
    const char *run = s; /* bytes copied as they are, in one append */
    for (const char *p = s;; p++) {
        unsigned char c = (unsigned char)*p;
        const char *entity = NULL;
        int drop = 0;
        switch (c) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        default:
            /* Control characters are parse errors in HTML and mean nothing
             * in a report; tab and newline are kept (pre-line blocks). */
            drop = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f;
            break;
        }
        if (c && !entity && !drop)
            continue;
        ts_buffer_append(b, run, (size_t)(p - run));
        if (!c)
            return;
        if (entity)
            ts_buffer_puts(b, entity);
        run = p + 1;
    }
}

void ts_html_wrap(ts_buffer *b, const char *open, const char *s, const char *close)
{
    ts_buffer_puts(b, open);
    ts_html_escape(b, s);
    ts_buffer_puts(b, close);
}

void ts_html_base64(ts_buffer *b, const char *data, size_t len)
{
    static const char ALPHABET[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *in = (const unsigned char *)data;
    char chunk[4 * 256];
    size_t n = 0;
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)in[i] << 16;
        if (i + 1 < len)
            v |= (unsigned)in[i + 1] << 8;
        if (i + 2 < len)
            v |= in[i + 2];
        chunk[n++] = ALPHABET[(v >> 18) & 63];
        chunk[n++] = ALPHABET[(v >> 12) & 63];
        chunk[n++] = i + 1 < len ? ALPHABET[(v >> 6) & 63] : '=';
        chunk[n++] = i + 2 < len ? ALPHABET[v & 63] : '=';
        if (n == sizeof chunk) {
            ts_buffer_append(b, chunk, n);
            n = 0;
        }
    }
    ts_buffer_append(b, chunk, n);
}

void ts_html_data_value(ts_buffer *b, double v)
{
    if (isfinite(v))
        ts_buffer_printf(b, " data-value=\"%.17g\"", v);
    else
        ts_buffer_puts(b, " data-value=\"\"");
}
