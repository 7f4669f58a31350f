/* chart_wrap.c - splitting a long indicator name over two tic-label lines,
 * and a long subtitle over as many lines as it needs. The bar charts put
 * names beside the axis, where one long line would push the plot aside or
 * be cut off at the image edge; a long plan name would run off the top. */
#include <stdbool.h>
#include <string.h>

#include "base/buffer.h"
#include "chart_common.h"
#include "report/text_table.h"

static size_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Byte offset where `s` should break so the first line stays within
 * `width` display columns: after the last space that fits, else (CJK text
 * has no spaces) after the last character that fits. strlen(s) if it fits. */
static size_t break_at(const char *s, size_t width)
{
    size_t used = 0, last_space = 0, i = 0, n = strlen(s);
    while (i < n) {
        size_t len = utf8_len((unsigned char)s[i]);
        char one[5] = {0};
        memcpy(one, s + i, len <= n - i ? len : n - i);
        size_t w = tt_display_width(one);
        if (used + w > width && i > 0)
            return last_space ? last_space : i;
        if (s[i] == ' ')
            last_space = i;
        used += w;
        i += len;
    }
    return n;
}

void ts_chart_wrap_name(const char *name, size_t width, ts_buffer *first, ts_buffer *second)
{
    size_t cut = break_at(name, width);
    ts_buffer line = {0};
    ts_buffer_append(&line, name, cut);
    ts_tpl_array_sep(first);
    ts_chart_quote(first, line.data ? line.data : "");
    line.len = 0;
    const char *rest = name + cut;
    rest += strspn(rest, " ");
    ts_tpl_array_sep(second);
    ts_chart_quote(second, rest);
    ts_buffer_free(&line);
}

void ts_chart_quote_wrapped(ts_buffer *out, const char *text, size_t width)
{
    ts_buffer line = {0};
    const char *rest = text;
    bool first = true;
    do {
        size_t cut = break_at(rest, width);
        line.len = 0;
        ts_buffer_append(&line, rest, cut);
        /* Each line its own quoted string, joined by a newline gnuplot
         * makes: the text itself never leaves its quotes. */
        if (!first)
            ts_buffer_puts(out, " . \"\\n\" . ");
        ts_chart_quote(out, line.data ? line.data : "");
        first = false;
        rest += cut;
        rest += strspn(rest, " ");
    } while (*rest);
    ts_buffer_free(&line);
}
