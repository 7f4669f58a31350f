/* report_table.c - the plan-table view in the reports: every indicator as
 * the plan's table prints it (category, attribute, baseline, the target as
 * written) beside its observed record against the time elapsed (latest
 * figure, elapsed and progress shares, status), and the counts by status
 * with the binding indicators apart: a section of report.txt, the
 * "target", "record" and "table" parts of report.json, and table.csv
 * (docs/methodology.md, section 10; docs/report-format.md). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buffer.h"
#include "base/number.h"
#include "base/text.h"
#include "csv.h"
#include "format.h"
#include "json_out.h"
#include "report_parts.h"
#include "strings/strings.h"
#include "targetsim/report.h"
#include "targetsim/targetsim.h"
#include "text_table.h"

/* The order the counts line lists statuses in: done, then going well, then
 * not, then what cannot be judged. */
static const ts_verdict COUNT_ORDER[] = {
    TS_ACHIEVED,    TS_ACHIEVED_EARLY, TS_AHEAD,       TS_ON_TRACK,     TS_ON_SCHEDULE,
    TS_HELD,        TS_MODERATE,       TS_LAGGING,     TS_INSUFFICIENT, TS_MOVING_AWAY,
    TS_BREACHED,    TS_MISSED,         TS_PENDING_DATA, TS_NO_DATA,     TS_NOT_SCORED,
};
enum { N_COUNT_ORDER = sizeof COUNT_ORDER / sizeof COUNT_ORDER[0] };

/* The statuses under which a binding indicator is called out. */
static bool is_shortfall(ts_verdict v)
{
    return v == TS_LAGGING || v == TS_BREACHED || v == TS_MISSED || v == TS_MOVING_AWAY ||
           v == TS_INSUFFICIENT || v == TS_MODERATE;
}

static bool same_text(const ts_text *a, const ts_text *b)
{
    const char *x = a->en ? a->en : a->zh, *y = b->en ? b->en : b->zh;
    return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

/* ---- cells ------------------------------------------------------------- */

/* A statistic as its kind reads: a level, "-2.8%", "10.5%/yr", "1.35x". */
static void statistic_cell(const ts_target *t, double s, ts_lang lang, char *buf, size_t size)
{
    const ts_table_words *W = &ts_strings_for(lang)->table;
    if (!isfinite(s)) {
        snprintf(buf, size, "-");
        return;
    }
    switch (t->kind) {
    case TS_TARGET_CHANGE_PCT: ts_fmt_signed(s, 1, "%", buf, size); break;
    case TS_TARGET_GROWTH_PCT: {
        char unit[32];
        snprintf(unit, sizeof unit, "%%%s", W->per_year);
        ts_fmt_fixed_unit(s, 1, unit, buf, size);
        break;
    }
    case TS_TARGET_MULTIPLE: ts_fmt_fixed_unit(s, 2, W->times, buf, size); break;
    case TS_TARGET_CHANGE: ts_fmt_signed(s, ts_format_decimals(s, 2), "", buf, size); break;
    default: ts_fmt_value(s, buf, size); break;
    }
}

static void baseline_cell(const ts_plan *plan, const ts_indicator *ind, char *buf, size_t size)
{
    char v[48];
    ts_fmt_value(ind->baseline, v, sizeof v);
    if (!ind->has_baseline)
        snprintf(buf, size, "-");
    else if (ind->baseline_year != plan->base_year)
        snprintf(buf, size, "%s (%d)", v, ind->baseline_year);
    else
        snprintf(buf, size, "%s", v);
}

/* The latest figure the record judges, and its year; a nowcast for a
 * target whose year has passed unpublished. */
static void latest_cell(const ts_target *t, const ts_record *rec, ts_lang lang, char *buf,
                        size_t size)
{
    char s[64];
    statistic_cell(t, rec->statistic, lang, s, sizeof s);
    if (!isfinite(rec->statistic)) {
        snprintf(buf, size, "-");
    } else if (rec->category == TS_PENDING_DATA && isfinite(rec->nowcast)) {
        char n[64];
        statistic_cell(t, rec->nowcast, lang, n, sizeof n);
        snprintf(buf, size, "%s (%d); %s %s", s, rec->as_of,
                 ts_strings_for(lang)->table.nowcast, n);
    } else {
        snprintf(buf, size, "%s (%d)", s, rec->as_of);
    }
}

static void share_cell(double v, char *buf, size_t size)
{
    ts_fmt_fixed_unit(100.0 * v, 0, "%", buf, size);
}

/* ---- one row, for every format that prints it ------------------------- */

void ts_report_table_row(const ts_run *run, size_t i, int revision, ts_lang lang,
                         ts_symbol_style style, ts_table_row *row)
{
    const ts_plan *plan = run->plan;
    const ts_indicator *ind = &plan->indicators[i];
    const ts_strings *S = ts_strings_for(lang);
    const ts_target *tg = revision ? &ind->revisions[revision - 1].target : &ind->target;
    const ts_record *rec =
        revision ? &run->table->revisions[i][revision - 1] : &run->table->records[i];
    *row = (ts_table_row){.category = rec->category, .has_target = tg->present};
    snprintf(row->target, sizeof row->target, "-");
    snprintf(row->latest, sizeof row->latest, "-");
    baseline_cell(plan, ind, row->baseline, sizeof row->baseline);
    row->attribute = S->table.attribute[ind->attribute];
    row->status = S->table.input;
    if (!tg->present)
        return;
    ts_fmt_target_written(plan, tg, lang, style, row->target, sizeof row->target);
    if (rec->scored)
        latest_cell(tg, rec, lang, row->latest, sizeof row->latest);
    share_cell(rec->elapsed, row->elapsed, sizeof row->elapsed);
    share_cell(rec->progress, row->progress, sizeof row->progress);
    row->status = S->status[rec->category];
}

/* ---- report.txt ------------------------------------------------------- */

static void table_row(const ts_run *run, size_t i, int revision, const char *name, ts_lang lang,
                      tt_table *t)
{
    const ts_indicator *ind = &run->plan->indicators[i];
    ts_table_row r;
    char flag[16];
    ts_report_table_row(run, i, revision, lang, TS_SYMBOL_ASCII, &r);
    ts_fmt_flag(run->plan, i, flag, sizeof flag);
    const char *cells[] = {name,     ts_text_get(&ind->unit, lang), r.attribute, r.baseline,
                           r.target, r.latest, r.elapsed, r.progress, r.status, flag};
    tt_add_row(t, cells);
}

/* One status's count: "4 achieved early" ("提前实现 4"). */
static void count_item(ts_buffer *line, ts_lang lang, const char *sep, ts_verdict v, size_t n)
{
    const char *name = ts_strings_for(lang)->status[v];
    if (lang == TS_LANG_ZH)
        ts_buffer_printf(line, "%s%s %zu", sep, name, n);
    else
        ts_buffer_printf(line, "%s%zu %s", sep, n, name);
}

/* "; binding lagging: a, b" for the binding indicators in status v;
 * returns whether there was one. */
static bool binding_item(const ts_run *run, ts_lang lang, ts_verdict v, ts_buffer *line)
{
    const ts_table_words *W = &ts_strings_for(lang)->table;
    bool named = false;
    for (size_t i = 0; i < run->plan->n_indicators; i++) {
        const ts_indicator *ind = &run->plan->indicators[i];
        if (ind->attribute != TS_ATTRIBUTE_BINDING || run->table->records[i].category != v)
            continue;
        if (named)
            ts_buffer_puts(line, W->count_sep);
        else if (lang == TS_LANG_ZH)
            ts_buffer_printf(line, "；%s%s：", W->binding, ts_strings_for(lang)->status[v]);
        else
            ts_buffer_printf(line, "; %s %s: ", W->binding, ts_strings_for(lang)->status[v]);
        ts_buffer_puts(line, ts_indicator_name(ind, lang));
        named = true;
    }
    return named;
}

void ts_report_table_counts(const ts_run *run, ts_lang lang, ts_buffer *line)
{
    const ts_table *tab = run->table;
    const ts_table_words *W = &ts_strings_for(lang)->table;
    if (lang == TS_LANG_ZH)
        ts_buffer_printf(line, "%zu%s：", tab->n_targets, W->targets);
    else
        ts_buffer_printf(line, "%zu %s: ", tab->n_targets, W->targets);
    const char *sep = "";
    for (size_t k = 0; k < N_COUNT_ORDER; k++) {
        if (!tab->counts[COUNT_ORDER[k]])
            continue;
        count_item(line, lang, sep, COUNT_ORDER[k], tab->counts[COUNT_ORDER[k]]);
        sep = W->count_sep;
    }
    bool any = false;
    for (size_t k = 0; k < N_COUNT_ORDER; k++)
        if (is_shortfall(COUNT_ORDER[k]))
            any |= binding_item(run, lang, COUNT_ORDER[k], line);
    if (!any)
        ts_buffer_printf(line, "%s%s", lang == TS_LANG_ZH ? "；" : "; ", W->binding_none);
}

void ts_report_table_rule(const ts_run *run, ts_lang lang, ts_buffer *line)
{
    const ts_table_words *W = &ts_strings_for(lang)->table;
    const ts_table *tab = run->table;
    ts_buffer_printf(line, "%s%d%s; ", W->evaluated.before, tab->evaluation_year,
                     W->evaluated.after);
    if (tab->evaluation.rule == TS_RULE_SDG)
        ts_buffer_puts(line, W->rule_sdg);
    else
        ts_buffer_printf(line, "%s [%g, %g)", W->rule_elapsed, tab->evaluation.band_low,
                         tab->evaluation.band_high);
    ts_buffer_puts(line, ".");
}

static void header_lines(const ts_run *run, ts_lang lang, ts_buffer *out)
{
    const ts_table_words *W = &ts_strings_for(lang)->table;
    ts_buffer_printf(out, "%s\n", W->title);
    ts_fmt_wrapped(out, NULL, W->lead, 96);
    ts_buffer line = {0};
    ts_report_table_rule(run, lang, &line);
    ts_fmt_wrapped(out, NULL, line.data ? line.data : "", 96);
    ts_buffer_free_into(&line, out);
}

void ts_report_table_text(const ts_run *run, ts_lang lang, ts_buffer *out)
{
    const ts_plan *plan = run->plan;
    const ts_strings *S = ts_strings_for(lang);
    const ts_report_words *R = &S->report;
    if (!run->table)
        return;
    header_lines(run, lang, out);
    tt_table t;
    tt_init(&t, 10);
    for (size_t c = 3; c < 8; c++)
        t.align[c] = TT_RIGHT;
    t.align[4] = TT_LEFT;
    t.max_width[0] = 40;
    t.max_width[1] = 16;
    t.max_width[4] = 28;
    t.max_width[5] = 30;
    const char *head[] = {R->col_indicator, R->col_unit,       S->table.col_attribute,
                          R->col_baseline,  R->col_target,     S->table.col_latest,
                          S->table.col_elapsed, S->table.col_progress, S->table.col_record,
                          R->col_flags};
    tt_add_row(&t, head);
    const ts_text *category = NULL;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        /* A category row where the plan's group changes. */
        if (!ts_text_empty(&ind->category) && (!category || !same_text(category, &ind->category))) {
            const char *row[10] = {ts_text_get(&ind->category, lang)};
            tt_add_row(&t, row);
        }
        if (!ts_text_empty(&ind->category))
            category = &ind->category;
        char name[200];
        snprintf(name, sizeof name, "%s%s", category ? "  " : "", ts_indicator_name(ind, lang));
        table_row(run, i, 0, name, lang, &t);
        for (size_t k = 0; k < ind->n_revisions; k++) {
            ts_assessment a = {.revision = (int)k + 1,
                               .target_year = ind->revisions[k].target.year};
            char rname[160];
            ts_fmt_target_name(ind, &a, lang, rname, sizeof rname);
            snprintf(name, sizeof name, "%s%s", category ? "  " : "", rname);
            table_row(run, i, (int)k + 1, name, lang, &t);
        }
    }
    tt_render(&t, "  ", out);
    tt_free(&t);
    ts_buffer line = {0};
    ts_report_table_counts(run, lang, &line);
    ts_fmt_wrapped(out, NULL, line.data ? line.data : "", 96);
    ts_buffer_free_into(&line, out);
    ts_buffer_puts(out, "\n");
}

/* ---- report.json ------------------------------------------------------ */

cJSON *ts_report_target_json(const ts_plan *plan, const ts_target *t)
{
    if (!t->present)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "kind", ts_target_kind_name(t->kind));
    bool text = t->kind == TS_TARGET_TEXT;
    ts_jout_number(o, "value", t->value);
    ts_jout_text(o, "text", &t->text);
    ts_jout_string(o, "direction", text ? NULL : ts_direction_name(t->direction));
    ts_jout_number(o, "tolerance", t->direction == TS_ABOUT ? t->tolerance : NAN);
    cJSON_AddBoolToObject(o, "each_year", t->each_year);
    ts_jout_string(o, "relative_to",
                   t->relative_to >= 0 ? plan->indicators[t->relative_to].id : NULL);
    cJSON_AddNumberToObject(o, "year", t->year);
    cJSON *written = cJSON_AddObjectToObject(o, "as_written");
    char buf[256];
    ts_fmt_target_written(plan, t, TS_LANG_ZH, TS_SYMBOL_UNICODE, buf, sizeof buf);
    cJSON_AddStringToObject(written, "zh", buf);
    ts_fmt_target_written(plan, t, TS_LANG_EN, TS_SYMBOL_UNICODE, buf, sizeof buf);
    cJSON_AddStringToObject(written, "en", buf);
    ts_jout_text(o, "source", &t->source);
    ts_jout_text(o, "note", &t->note);
    return o;
}

cJSON *ts_report_record_json(const ts_record *rec)
{
    if (!rec->present)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "as_of", rec->as_of);
    ts_jout_year(o, "baseline_year", rec->scored ? rec->from_year : 0);
    ts_jout_number(o, "latest", rec->latest);
    ts_jout_number(o, "statistic", rec->statistic);
    ts_jout_number(o, "elapsed", rec->elapsed);
    ts_jout_number(o, "progress", rec->progress);
    ts_jout_number(o, "pace", rec->pace);
    cJSON_AddStringToObject(o, "category", ts_verdict_name(rec->category));
    bool bound = rec->years_held || rec->years_breached;
    if (bound) {
        cJSON_AddNumberToObject(o, "years_held", (double)rec->years_held);
        cJSON_AddNumberToObject(o, "years_breached", (double)rec->years_breached);
    } else {
        cJSON_AddNullToObject(o, "years_held");
        cJSON_AddNullToObject(o, "years_breached");
    }
    cJSON *years = cJSON_AddArrayToObject(o, "breached_years");
    for (size_t k = 0; k < rec->n_breached; k++)
        ts_jout_append(years, cJSON_CreateNumber(rec->breached_years[k]));
    ts_jout_number(o, "nowcast", rec->nowcast);
    return o;
}

cJSON *ts_report_table_json(const ts_run *run)
{
    const ts_table *tab = run->table;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "indicators", (double)tab->n_targets);
    cJSON *counts = cJSON_AddObjectToObject(o, "counts");
    for (size_t k = 0; k < N_COUNT_ORDER; k++)
        if (tab->counts[COUNT_ORDER[k]])
            cJSON_AddNumberToObject(counts, ts_verdict_name(COUNT_ORDER[k]),
                                    (double)tab->counts[COUNT_ORDER[k]]);
    cJSON *binding = cJSON_AddObjectToObject(o, "binding");
    for (size_t k = 0; k < N_COUNT_ORDER; k++) {
        cJSON *ids = NULL;
        for (size_t i = 0; i < run->plan->n_indicators; i++) {
            const ts_indicator *ind = &run->plan->indicators[i];
            if (ind->attribute != TS_ATTRIBUTE_BINDING || !ind->target.present ||
                tab->records[i].category != COUNT_ORDER[k])
                continue;
            if (!ids)
                ids = cJSON_AddArrayToObject(binding, ts_verdict_name(COUNT_ORDER[k]));
            ts_jout_append(ids, cJSON_CreateString(ind->id));
        }
    }
    return o;
}

cJSON *ts_report_evaluation_json(const ts_run *run)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "year", run->table->evaluation_year);
    cJSON_AddStringToObject(o, "rule", ts_rule_name(run->table->evaluation.rule));
    const double band[] = {run->table->evaluation.band_low, run->table->evaluation.band_high};
    ts_jout_add(o, "band", cJSON_CreateDoubleArray(band, 2));
    return o;
}

/* ---- table.csv -------------------------------------------------------- */

static void csv_text_pair(ts_buffer *out, const ts_text *t)
{
    ts_csv_next_text(out, t->en);
    ts_csv_next_text(out, t->zh);
}

static void csv_row(const ts_run *run, size_t i, const ts_target *t, const ts_record *rec,
                    int revision, ts_buffer *out)
{
    const ts_plan *plan = run->plan;
    const ts_indicator *ind = &plan->indicators[i];
    ts_csv_text(out, ind->id);
    csv_text_pair(out, &ind->name);
    csv_text_pair(out, &ind->category);
    ts_csv_next_text(out, ts_attribute_name(ind->attribute));
    ts_csv_next_text(out, ts_measure_name(ind->measure));
    ts_buffer_printf(out, ",%d", revision);
    ts_csv_next_text(out, ts_target_kind_name(t->kind));
    ts_csv_next_number(out, t->value);
    ts_csv_next_text(out, t->kind == TS_TARGET_TEXT ? NULL : ts_direction_name(t->direction));
    ts_csv_next_number(out, t->direction == TS_ABOUT ? t->tolerance : NAN);
    ts_buffer_printf(out, ",%s", t->each_year ? "true" : "false");
    ts_csv_next_text(out, t->relative_to >= 0 ? plan->indicators[t->relative_to].id : NULL);
    ts_buffer_printf(out, ",%d", t->year);
    char written[256];
    ts_fmt_target_written(plan, t, TS_LANG_EN, TS_SYMBOL_UNICODE, written, sizeof written);
    ts_csv_next_text(out, written);
    ts_fmt_target_written(plan, t, TS_LANG_ZH, TS_SYMBOL_UNICODE, written, sizeof written);
    ts_csv_next_text(out, written);
    ts_csv_next_number(out, ind->baseline);
    ts_buffer_printf(out, ",%d,%d", ind->baseline_year, rec->as_of);
    ts_csv_next_number(out, rec->latest);
    ts_csv_next_number(out, rec->statistic);
    ts_csv_next_number(out, rec->elapsed);
    ts_csv_next_number(out, rec->progress);
    ts_csv_next_number(out, rec->pace);
    ts_buffer_printf(out, ",%s", ts_verdict_name(rec->category));
    ts_csv_next_number(out, rec->nowcast);
    ts_csv_end_row(out);
}

void ts_report_table_csv_cells(const ts_run *run, size_t index, int revision, ts_buffer *out)
{
    const ts_plan *plan = run->plan;
    const ts_indicator *ind = &plan->indicators[index];
    const ts_target *t = revision ? &ind->revisions[revision - 1].target : &ind->target;
    const ts_record *rec =
        revision ? &run->table->revisions[index][revision - 1] : &run->table->records[index];
    char written[256];
    csv_text_pair(out, &ind->category);
    ts_csv_next_text(out, ts_attribute_name(ind->attribute));
    ts_csv_next_text(out, ts_measure_name(ind->measure));
    ts_csv_next_text(out, ts_target_kind_name(t->kind));
    ts_fmt_target_written(plan, t, TS_LANG_EN, TS_SYMBOL_UNICODE, written, sizeof written);
    ts_csv_next_text(out, written);
    ts_fmt_target_written(plan, t, TS_LANG_ZH, TS_SYMBOL_UNICODE, written, sizeof written);
    ts_csv_next_text(out, written);
    ts_buffer_printf(out, ",%d", rec->as_of);
    ts_csv_next_number(out, rec->statistic);
    ts_csv_next_number(out, rec->elapsed);
    ts_csv_next_number(out, rec->progress);
    ts_buffer_printf(out, ",%s", ts_verdict_name(rec->category));
}

ts_status ts_report_render_table_csv(const ts_run *run, ts_buffer *out, ts_error *err)
{
    const ts_plan *plan = run->plan;
    ts_buffer_puts(out, "indicator,name_en,name_zh,category_en,category_zh,attribute,measure,"
                        "revision,kind,target,direction,tolerance,each_year,relative_to,"
                        "target_year,as_written_en,as_written_zh,baseline,baseline_year,as_of,"
                        "latest,statistic,elapsed,progress,pace,status,nowcast\r\n");
    for (size_t i = 0; run->table && i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        if (!ind->target.present)
            continue;
        csv_row(run, i, &ind->target, &run->table->records[i], 0, out);
        for (size_t k = 0; k < ind->n_revisions; k++)
            csv_row(run, i, &ind->revisions[k].target, &run->table->revisions[i][k],
                    (int)k + 1, out);
    }
    return ts_csv_finish(out, "table.csv", err);
}
