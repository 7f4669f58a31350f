/* chart_wrap.c - splitting a long indicator name over two tic-label lines
 * (the second cut short with "…" past twice the width), and a long
 * subtitle over as many lines as it needs. The bar charts put names beside
 * the axis, where one long line would push the plot aside or be cut off at
 * the image edge; a long plan name would run off the top. The tic-label
 * lines are read by gnuplot as formats: quoted with ts_chart_quote_tic. */
#include <stdbool.h>
#include <string.h>

#include "base/buffer.h"
#include "chart_common.h"
#include "report/text_table.h"

static size_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

static bool ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* A break at `i` not inside a Latin word or number ("GDP" in a Chinese
 * name): the start of that word, unless the word starts the name. */
static size_t word_start(const char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && ascii_alnum(s[j - 1]) && ascii_alnum(s[i]))
        j--;
    return j > 0 ? j : i;
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
            return last_space ? last_space : word_start(s, i);
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
    ts_chart_quote_tic(first, line.data ? line.data : "");
    line.len = 0;
    const char *rest = name + cut;
    rest += strspn(rest, " ");
    /* A very long name would push the plot off the image ("Terminal canvas
     * area too small"), so the second line stops at twice the width with an
     * ellipsis; the chart's title or data file has the whole name. */
    size_t keep = break_at(rest, 2 * width - 1);
    if (rest[keep]) {
        ts_buffer_append(&line, rest, keep);
        ts_buffer_puts(&line, "…");
        rest = line.data;
    }
    ts_tpl_array_sep(second);
    ts_chart_quote_tic(second, rest);
    ts_buffer_free_into(&line, first);
}

void ts_chart_quote_wrapped(ts_buffer *out, const char *text, size_t width)
{
    ts_buffer line = {0};
    /* NULL: the text was built aside and lost to out of memory (its
     * buffer marks the chart failed, ts_buffer_free_into). */
    const char *rest = text ? text : "";
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
    ts_buffer_free_into(&line, out);
}
