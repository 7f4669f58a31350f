/* provenance.c - where an indicator's figures come from, as the reports
 * print it: its assumptions (the indicator's, its baseline's, each flagged
 * observation's), its sources (the indicator's, the baseline's, each
 * observation's, a year list per source), and the bibliography entries the
 * plan cites, in full. report.txt and report.html print the same text. */
#include "provenance.h"

#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "strings/strings.h"

/* "; " between parts of one line, nothing before the first. */
static void part(ts_buffer *out, const char *label, const char *text)
{
    if (!text || !*text)
        return;
    ts_buffer_printf(out, "%s%s%s%s", out->len ? "; " : "", label ? label : "", label ? ": " : "",
                     text);
}

static void series_assumptions(const ts_series *s, ts_lang lang, ts_buffer *out)
{
    for (size_t k = 0; s->figures && k < s->n; k++) {
        char year[16];
        snprintf(year, sizeof year, "%d", s->points[k].year);
        part(out, year, ts_text_empty(&s->figures[k].assumption)
                            ? NULL
                            : ts_text_get(&s->figures[k].assumption, lang));
    }
}

void ts_provenance_assumptions(const ts_indicator *ind, ts_lang lang, ts_buffer *out)
{
    const ts_strings *S = ts_strings_for(lang);
    if (!ts_text_empty(&ind->assumption))
        part(out, NULL, ts_text_get(&ind->assumption, lang));
    if (!ts_text_empty(&ind->baseline_figure.assumption))
        part(out, S->report.prov_baseline, ts_text_get(&ind->baseline_figure.assumption, lang));
    series_assumptions(&ind->history, lang, out);
    series_assumptions(&ind->actual, lang, out);
}

/* "key (2021, 2022); other (2023)": each distinct source of a series' figures
 * with the years it gives, in the order they first appear. */
static void series_sources(const ts_series *s, ts_lang lang, ts_buffer *out)
{
    for (size_t k = 0; s->figures && k < s->n; k++) {
        const char *src = ts_text_get(&s->figures[k].source, lang);
        bool seen = !*src;
        for (size_t j = 0; j < k && !seen; j++)
            seen = strcmp(ts_text_get(&s->figures[j].source, lang), src) == 0;
        if (seen)
            continue;
        ts_buffer_printf(out, "%s%s (", out->len ? "; " : "", src);
        for (size_t j = k, n = 0; j < s->n; j++)
            if (strcmp(ts_text_get(&s->figures[j].source, lang), src) == 0)
                ts_buffer_printf(out, "%s%d", n++ ? ", " : "", s->points[j].year);
        ts_buffer_puts(out, ")");
    }
}

void ts_provenance_sources(const ts_indicator *ind, ts_lang lang, ts_buffer *out)
{
    const ts_strings *S = ts_strings_for(lang);
    if (!ts_text_empty(&ind->source))
        part(out, NULL, ts_text_get(&ind->source, lang));
    if (!ts_text_empty(&ind->baseline_figure.source))
        part(out, S->report.prov_baseline, ts_text_get(&ind->baseline_figure.source, lang));
    if (!ts_text_empty(&ind->target.source))
        part(out, S->report.prov_target, ts_text_get(&ind->target.source, lang));
    series_sources(&ind->history, lang, out);
    series_sources(&ind->actual, lang, out);
}

static bool text_is(const ts_text *t, const char *key)
{
    return (t->en && strcmp(t->en, key) == 0) || (t->zh && strcmp(t->zh, key) == 0);
}

static bool series_cites(const ts_series *s, const char *key)
{
    for (size_t k = 0; s->figures && k < s->n; k++)
        if (text_is(&s->figures[k].source, key))
            return true;
    return false;
}

bool ts_provenance_cited(const ts_plan *plan, const char *key)
{
    if (text_is(&plan->source, key))
        return true;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        bool cited = text_is(&ind->source, key) || text_is(&ind->baseline_figure.source, key) ||
                     text_is(&ind->target.source, key) || series_cites(&ind->history, key) ||
                     series_cites(&ind->actual, key);
        for (size_t k = 0; k < ind->n_revisions && !cited; k++)
            cited = text_is(&ind->revisions[k].target.source, key);
        if (cited)
            return true;
    }
    return false;
}

void ts_provenance_entry(const ts_source_entry *e, ts_lang lang, ts_buffer *out)
{
    ts_buffer_puts(out, ts_text_get(&e->title, lang));
    const char *publisher = ts_text_get(&e->publisher, lang);
    if (*publisher || e->date)
        ts_buffer_printf(out, " (%s%s%s)", publisher, *publisher && e->date ? ", " : "",
                         e->date ? e->date : "");
    if (e->url)
        ts_buffer_printf(out, ". %s", e->url);
    if (!ts_text_empty(&e->gives))
        ts_buffer_printf(out, ". %s", ts_text_get(&e->gives, lang));
}
