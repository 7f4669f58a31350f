/* buffer.c - a growable byte buffer; an allocation failure sticks in
 * `failed` so writers check once at the end instead of after every append. */
#include "buffer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ts_buffer_free(ts_buffer *b)
{
    if (!b)
        return;
    free(b->data);
    *b = (ts_buffer){0};
}

void ts_buffer_free_into(ts_buffer *part, ts_buffer *whole)
{
    if (part->failed && whole)
        whole->failed = 1;
    ts_buffer_free(part);
}

static int reserve(ts_buffer *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *grown = realloc(b->data, cap);
    if (!grown) {
        b->failed = 1;
        return 0;
    }
    b->data = grown;
    b->cap = cap;
    return 1;
}

void ts_buffer_append(ts_buffer *b, const char *data, size_t len)
{
    if (!reserve(b, len))
        return;
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void ts_buffer_puts(ts_buffer *b, const char *s)
{
    ts_buffer_append(b, s, strlen(s));
}

void ts_buffer_printf(ts_buffer *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}
