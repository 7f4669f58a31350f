/* html_cells.c - the cells report.html's tables share (html_cells.h). */
#include "html_cells.h"

#include <math.h>

#include "base/buffer.h"
#include "base/text.h"
#include "html_out.h"
#include "report/format.h"
#include "report/status_palette.h"
#include "strings/strings.h"
#include "targetsim/targetsim.h"

void ts_html_flag(ts_buffer *b, const ts_plan *plan, size_t index)
{
    int k = ts_assumption_number(plan, index);
    if (k)
        ts_buffer_printf(b, " <a class=\"flag\" href=\"#assumption-%d\">A%d</a>", k, k);
}

void ts_html_target(ts_buffer *b, const ts_run *run, size_t index, const ts_assessment *a,
                    ts_lang lang)
{
    char written[256];
    ts_fmt_target_written(run->plan, ts_assessed_target(run->plan, index, a), lang,
                          TS_SYMBOL_UNICODE, written, sizeof written);
    ts_html_escape(b, written);
    ts_buffer_printf(b, " (%d)", a->target_year);
}

void ts_html_num_cell(ts_buffer *b, const char *field, double v, bool percent)
{
    char text[48];
    if (percent)
        ts_fmt_percent(v, text, sizeof text);
    else
        ts_fmt_value(v, text, sizeof text);
    ts_buffer_printf(b, "<td class=\"num\" data-field=\"%s\"", field);
    ts_html_data_value(b, v);
    ts_buffer_printf(b, ">%s</td>", isfinite(v) ? text : "–");
}

void ts_html_status(ts_buffer *b, ts_lang lang, ts_verdict v)
{
    /* The symbol as well as the colour: a status must not be told by
     * colour alone (status_palette.h). */
    ts_buffer_printf(b,
                     "<span class=\"status s-%s\"><span class=\"sym\" aria-hidden=\"true\">%s"
                     "</span> %s</span>",
                     ts_verdict_name(v), ts_status_symbol(v), ts_strings_for(lang)->status[v]);
}

void ts_html_status_cell(ts_buffer *b, ts_lang lang, ts_verdict v)
{
    ts_buffer_printf(b, "<td data-field=\"status\" data-value=\"%s\">", ts_verdict_name(v));
    ts_html_status(b, lang, v);
    ts_buffer_puts(b, "</td>");
}

/* "46.2% [43.0%, 49.3%]", or "decided" (ts_html_probability_cell). */
void ts_html_probability_cell(ts_buffer *b, const ts_mc_target *t, ts_lang lang)
{
    if (t->decided) {
        ts_buffer_printf(b, "<td class=\"num\" data-field=\"probability\" data-value=\"decided\">"
                            "<i>%s</i></td>",
                         ts_strings_for(lang)->report.decided);
        return;
    }
    char p[24], lo[24], hi[24];
    ts_fmt_probability(t->probability, p, sizeof p);
    ts_fmt_probability(t->low, lo, sizeof lo);
    ts_fmt_probability(t->high, hi, sizeof hi);
    ts_buffer_puts(b, "<td class=\"num\" data-field=\"probability\"");
    ts_html_data_value(b, t->probability);
    ts_buffer_printf(b, ">%s <span class=\"ci\">[%s, %s]</span></td>", p, lo, hi);
}
