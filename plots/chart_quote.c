/* chart_quote.c - the one place input text enters a gnuplot script.
 *
 * Gnuplot runs shell commands from backquotes, system(), `plot "<cmd"` and
 * `set output "|cmd"`. Backquote substitution and escapes happen only inside
 * double-quoted strings; a single-quoted string is taken literally except
 * that '' stands for one quote. Control characters go too: a newline would
 * end the string's line and let the rest of the text run as a command. A
 * string used as a file name could still start with < or |, which is why
 * file names never come from text, only from validated ids. */
#include "buffer.h"
#include "targetsim/chart.h"

void ts_chart_quote(ts_buffer *out, const char *s)
{
    ts_buffer_puts(out, "'");
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            continue;
        if (*p == '\'')
            ts_buffer_puts(out, "'");
        ts_buffer_append(out, (const char *)p, 1);
    }
    ts_buffer_puts(out, "'");
}
