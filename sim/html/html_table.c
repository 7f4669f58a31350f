/* html_table.c - report.html's plan-table section: every target as the
 * plan's table writes it beside its observed record against the time
 * elapsed, grouped by the plan's categories, with the counts by status and
 * the binding indicators that fall short. The cells come from the same
 * row as report.txt's (report_table.c). */
#include <string.h>

#include "base/buffer.h"
#include "base/text.h"
#include "html_cells.h"
#include "html_out.h"
#include "report/format.h"
#include "report/report_parts.h"
#include "strings/strings.h"
#include "targetsim/targetsim.h"

static bool same_text(const ts_text *a, const ts_text *b)
{
    const char *x = a->en ? a->en : a->zh, *y = b->en ? b->en : b->zh;
    return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

static void text_cell(ts_buffer *b, const char *field, const char *text)
{
    ts_buffer_printf(b, "<td data-field=\"%s\">", field);
    ts_html_escape(b, text);
    ts_buffer_puts(b, "</td>");
}

static void row(ts_buffer *b, const ts_run *run, size_t i, int revision, ts_lang lang)
{
    const ts_indicator *ind = &run->plan->indicators[i];
    ts_table_row r;
    ts_report_table_row(run, i, revision, lang, TS_SYMBOL_UNICODE, &r);
    ts_html_wrap(b, "<tr class=\"plan-row\" data-indicator=\"", ind->id, "\"");
    ts_buffer_printf(b, " data-revision=\"%d\"><th scope=\"row\">", revision);
    if (revision) {
        char name[200];
        ts_assessment a = {.revision = revision,
                           .target_year = ind->revisions[revision - 1].target.year};
        ts_fmt_target_name(ind, &a, lang, name, sizeof name);
        ts_html_escape(b, name);
    } else {
        ts_html_escape(b, ts_indicator_name(ind, lang));
    }
    ts_html_flag(b, run->plan, i);
    ts_buffer_puts(b, "</th>");
    text_cell(b, "unit", ts_text_get(&ind->unit, lang));
    text_cell(b, "attribute", r.attribute);
    text_cell(b, "baseline", r.baseline);
    text_cell(b, "target", r.target);
    text_cell(b, "latest", r.latest);
    text_cell(b, "elapsed", r.elapsed);
    text_cell(b, "progress", r.progress);
    if (r.has_target)
        ts_html_status_cell(b, lang, r.category);
    else
        text_cell(b, "status", r.status);
    ts_buffer_puts(b, "</tr>\n");
}

void ts_html_plan_table(ts_buffer *b, const ts_run *run, ts_lang lang)
{
    const ts_plan *plan = run->plan;
    const ts_strings *S = ts_strings_for(lang);
    const ts_table_words *W = &S->table;
    if (!run->table)
        return;
    ts_buffer_printf(b, "<section id=\"plan-table\" class=\"follow\">\n<h2>%s</h2>\n", W->title);
    ts_html_wrap(b, "<p class=\"lead\">", W->lead, "</p>\n");
    ts_buffer line = {0};
    ts_report_table_rule(run, lang, &line);
    ts_html_wrap(b, "<p class=\"lead\">", line.data ? line.data : "", "</p>\n");
    ts_buffer_printf(b,
                     "<table class=\"plan-table\" id=\"plan-table-rows\">\n<thead><tr>"
                     "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                     "<th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
                     S->report.col_indicator, S->report.col_unit, W->col_attribute,
                     S->report.col_baseline, S->report.col_target, W->col_latest,
                     W->col_elapsed, W->col_progress, W->col_record);
    const ts_text *category = NULL;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        if (!ts_text_empty(&ind->category) && (!category || !same_text(category, &ind->category))) {
            ts_html_wrap(b, "<tr class=\"category\"><th colspan=\"9\">",
                         ts_text_get(&ind->category, lang), "</th></tr>\n");
            category = &ind->category;
        }
        row(b, run, i, 0, lang);
        for (size_t k = 0; k < ind->n_revisions; k++)
            row(b, run, i, (int)k + 1, lang);
    }
    ts_buffer_puts(b, "</tbody>\n</table>\n");
    line.len = 0;
    ts_report_table_counts(run, lang, &line);
    ts_html_wrap(b, "<p class=\"counts\">", line.data ? line.data : "", "</p>\n");
    for (size_t k = 0; k < plan->n_notes; k++) {
        if (k == 0)
            ts_buffer_printf(b, "<h3>%s</h3>\n<ol class=\"notes\">\n", W->notes_title);
        ts_html_wrap(b, "<li class=\"text\">", ts_text_get(&plan->notes[k], lang), "</li>\n");
        if (k + 1 == plan->n_notes)
            ts_buffer_puts(b, "</ol>\n");
    }
    ts_buffer_puts(b, "</section>\n");
    ts_buffer_free_into(&line, b);
}
