/* text_table.c - aligned text tables with East Asian width. */
#include "text_table.h"

#include <stdlib.h>
#include <string.h>

#include "base/buffer.h"

static unsigned decode(const unsigned char *s, size_t *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    size_t n = (s[0] >= 0xF0) ? 4 : (s[0] >= 0xE0) ? 3 : (s[0] >= 0xC0) ? 2 : 1;
    unsigned cp = n == 4 ? s[0] & 0x07 : n == 3 ? s[0] & 0x0F : s[0] & 0x1F;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) { /* broken sequence: one column per byte */
            *len = 1;
            return '?';
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    *len = n;
    return cp;
}

static size_t char_width(unsigned cp)
{
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

size_t tt_display_width(const char *s)
{
    size_t w = 0, len;
    for (const unsigned char *p = (const unsigned char *)s; *p; p += len)
        w += char_width(decode(p, &len));
    return w;
}

void tt_init(tt_table *t, size_t n_cols)
{
    memset(t, 0, sizeof *t);
    t->n_cols = n_cols < TT_MAX_COLS ? n_cols : TT_MAX_COLS;
}

void tt_add_row(tt_table *t, const char *const *cells)
{
    if (t->failed)
        return;
    if (t->n_rows == t->cap_rows) {
        size_t cap = t->cap_rows ? t->cap_rows * 2 : 16;
        char **grown = realloc(t->cells, cap * t->n_cols * sizeof *grown);
        if (!grown) {
            t->failed = 1;
            return;
        }
        t->cells = grown;
        t->cap_rows = cap;
    }
    char **row = t->cells + t->n_rows * t->n_cols;
    for (size_t c = 0; c < t->n_cols; c++) {
        const char *s = cells[c] ? cells[c] : "";
        size_t len = strlen(s) + 1;
        row[c] = malloc(len);
        if (!row[c]) {
            for (size_t k = 0; k < c; k++)
                free(row[k]);
            t->failed = 1;
            return;
        }
        memcpy(row[c], s, len);
    }
    t->n_rows++;
}

/* Appends s cut to `width` columns ("…" marks the cut) and padded. */
static void put_cell(ts_buffer *out, const char *s, size_t width, tt_align align)
{
    size_t w = tt_display_width(s);
    size_t bytes = strlen(s);
    if (w > width) {
        size_t used = 0, len;
        bytes = 0;
        for (const unsigned char *p = (const unsigned char *)s; *p; p += len) {
            size_t cw = char_width(decode(p, &len));
            if (used + cw > width - 1)
                break;
            used += cw;
            bytes += len;
        }
        ts_buffer_append(out, s, bytes);
        ts_buffer_puts(out, "…");
        for (size_t k = used + 1; k < width; k++)
            ts_buffer_puts(out, " ");
        return;
    }
    if (align == TT_RIGHT)
        for (size_t k = w; k < width; k++)
            ts_buffer_puts(out, " ");
    ts_buffer_append(out, s, bytes);
    if (align == TT_LEFT)
        for (size_t k = w; k < width; k++)
            ts_buffer_puts(out, " ");
}

void tt_render(const tt_table *t, const char *indent, ts_buffer *out)
{
    if (t->failed) {
        out->failed = 1;
        return;
    }
    size_t width[TT_MAX_COLS] = {0};
    for (size_t r = 0; r < t->n_rows; r++)
        for (size_t c = 0; c < t->n_cols; c++) {
            size_t w = tt_display_width(t->cells[r * t->n_cols + c]);
            if (t->max_width[c] && w > t->max_width[c])
                w = t->max_width[c];
            if (w > width[c])
                width[c] = w;
        }
    for (size_t r = 0; r < t->n_rows; r++) {
        size_t line_start = out->len;
        ts_buffer_puts(out, indent);
        for (size_t c = 0; c < t->n_cols; c++) {
            const char *cell = t->cells[r * t->n_cols + c];
            size_t w = width[c];
            int last = c + 1 == t->n_cols;
            /* The last column is not padded: no trailing blanks. */
            if (last && t->align[c] == TT_LEFT && tt_display_width(cell) < w)
                w = tt_display_width(cell);
            put_cell(out, cell, w, t->align[c]);
            if (!last)
                ts_buffer_puts(out, "  ");
        }
        /* Empty trailing cells leave blanks at the end of the line. */
        while (!out->failed && out->len > line_start && out->data[out->len - 1] == ' ')
            out->data[--out->len] = '\0';
        ts_buffer_puts(out, "\n");
        if (r == 0) {
            size_t total = 0;
            for (size_t c = 0; c < t->n_cols; c++)
                total += width[c] + (c + 1 < t->n_cols ? 2 : 0);
            ts_buffer_puts(out, indent);
            for (size_t k = 0; k < total; k++)
                ts_buffer_puts(out, "-");
            ts_buffer_puts(out, "\n");
        }
    }
}

void tt_free(tt_table *t)
{
    if (!t->cells)
        return;
    for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
        free(t->cells[i]);
    free(t->cells);
    t->cells = NULL;
}
