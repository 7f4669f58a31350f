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
 * a value computed in code, sprintf('%c', 39):
 *     it's  ->  ('it' . sprintf('%c', 39) . 's')
 * Not as the constant "'": gnuplot expands macros (@name: the value of a
 * string variable, pasted into the line before it is parsed) outside
 * quoted strings, and its macro scanner takes the ' inside "'" for the
 * start of a single-quoted string, so the text after it counted as code:
 * `it's @v` expanded v, and a v holding another text with a quote (the
 * fan chart's band titles hold the scenario's name) ran as code, system()
 * included (found by fuzz_charts). For the same reason every '@' and every
 * backquote of the text is spliced in the same way (sprintf('%c', 64),
 * sprintf('%c', 96)), so neither ever appears in a script's text, and no
 * scanner, however it counts quotes, can find a macro or a command there.
 * Control characters are dropped: a newline would end the line and let the
 * rest of the text run as a command. A string used as a file name could
 * still start with < or |, which is why file names never come from text,
 * only from validated ids.
 *
 * Gnuplot also reads some strings as printf-style formats: a tic label
 * given with `set xtics ("label" position)` is a format for the tic's
 * value, so a '%' in it ("城镇化率（%）") stops the plot with "Bad format
 * character". Text bound for a tic label goes through ts_chart_quote_tic,
 * which doubles every '%' (gnuplot prints "%%" as "%"). Nothing else made
 * from input is used as a format: the templates pass input text to
 * sprintf only as an argument (sprintf('%s', name)), never as the format.
 *
 * And the strings of the `labels` plot style (`plot ... with labels`)
 * have their backslash escapes expanded when drawn: \n starts a new line,
 * \\ prints one backslash, \101 an "A". Text bound for such a label goes
 * through ts_chart_quote_label, which doubles every backslash. Titles,
 * keys, axis labels and `set label` show a backslash as it is. */
#include <string.h>

#include "chart_quote.h"

#include "base/buffer.h"

static void quote(ts_buffer *out, const char *s, char doubled)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    int spliced = strpbrk((const char *)p, "'@`") != NULL;
    /* Parentheses keep the concatenation one operand wherever it lands. */
    ts_buffer_puts(out, spliced ? "('" : "'");
    for (; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            continue;
        if (*p == '\'' || *p == '@' || *p == '`')
            ts_buffer_printf(out, "' . sprintf('%%c', %d) . '", *p);
        else if (doubled && *p == (unsigned char)doubled)
            ts_buffer_puts(out, doubled == '%' ? "%%" : "\\\\");
        else
            ts_buffer_append(out, (const char *)p, 1);
    }
    ts_buffer_puts(out, spliced ? "')" : "'");
}

void ts_chart_quote(ts_buffer *out, const char *s)
{
    quote(out, s, '\0');
}

void ts_chart_quote_tic(ts_buffer *out, const char *s)
{
    quote(out, s, '%');
}

void ts_chart_quote_label(ts_buffer *out, const char *s)
{
    quote(out, s, '\\');
}
