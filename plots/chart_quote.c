/* chart_quote.c - the one place input text enters a gnuplot script.
 *
 * Gnuplot runs shell commands from backquotes, system(), `plot "<cmd"` and
 * `set output "|cmd"`. Backquote substitution and escapes happen only inside
 * double-quoted strings; a single-quoted string is taken literally. Its
 * documented escape for a quote, doubling it, is not safe to rely on:
 * gnuplot 5.4's scanner ends the string at a doubled quote right after the
 * opening one and at the second of two consecutive doubled quotes ('''x'
 * and 'a''''b' do not parse), which would let the rest of the text be read
 * as code. So a quote in the text closes the literal and is spliced in as
 * the constant "'" (no backslash, no backquote: nothing to expand):
 *     it's  ->  ('it' . "'" . 's')
 * Control characters are dropped: a newline would end the line and let the
 * rest of the text run as a command. A string used as a file name could
 * still start with < or |, which is why file names never come from text,
 * only from validated ids. */
#include <string.h>

#include "chart_quote.h"

#include "base/buffer.h"

void ts_chart_quote(ts_buffer *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    int spliced = strchr((const char *)p, '\'') != NULL;
    /* Parentheses keep the concatenation one operand wherever it lands. */
    ts_buffer_puts(out, spliced ? "('" : "'");
    for (; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            continue;
        if (*p == '\'')
            ts_buffer_puts(out, "' . \"'\" . '");
        else
            ts_buffer_append(out, (const char *)p, 1);
    }
    ts_buffer_puts(out, spliced ? "')" : "'");
}
