/* xlsx_tables.c - the plan-table and verdict sheets; see xlsx_tables.h.
 * One row per target: an indicator's own, then each revised one. */
#include "xlsx_tables.h"

#include <math.h>
#include <stdio.h>

#include "base/buffer.h"
#include "base/text.h"
#include "report/format.h"

/* A target's name: the indicator's, and for a revised target " (revised
 * 2027)" (ts_fmt_target_name without its fixed-size buffer, which could
 * cut a long name inside a character). Into `out`, emptied first. */
static const char *target_name(xlsx_book *b, const ts_indicator *ind, int revision,
                               int year, ts_buffer *out)
{
    const ts_around *revised = &b->S->report.revised;
    out->len = 0;
    ts_buffer_puts(out, ts_indicator_name(ind, b->lang));
    if (revision)
        ts_buffer_printf(out, "%s%d%s", revised->before, year, revised->after);
    if (!out->data || out->failed) { /* out of memory: the workbook fails */
        if (b->failed == LXW_NO_ERROR)
            b->failed = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return "";
    }
    return out->data;
}

/* A target as the plan writes it (ts_fmt_target_written): its own text,
 * whole, when the plan gives one; else made up from its parts into buf. */
static const char *target_written(const xlsx_book *b, const ts_target *t, char *buf,
                                  size_t size)
{
    if (!ts_text_empty(&t->as_written))
        return ts_text_get(&t->as_written, b->lang);
    if (t->kind == TS_TARGET_TEXT)
        return ts_text_get(&t->text, b->lang);
    ts_fmt_target_written(b->run->plan, t, b->lang, TS_SYMBOL_UNICODE, buf, size);
    return buf;
}

enum { PLAN_COLUMNS = 19 };

/* The plan table's row of target `revision` (0: the indicator's own) of
 * indicator i. */
static void plan_row(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, size_t i, int revision)
{
    const ts_plan *plan = b->run->plan;
    const ts_indicator *ind = &plan->indicators[i];
    const ts_xlsx_words *W = b->W;
    const ts_target *t = revision ? &ind->revisions[revision - 1].target : &ind->target;
    const ts_record *rec = revision ? &b->run->table->revisions[i][revision - 1]
                                    : &b->run->table->records[i];
    ts_buffer name = {0};
    xlsx_text(b, ws, r, 0, ts_text_get(&ind->category, b->lang));
    xlsx_text(b, ws, r, 1, target_name(b, ind, revision, t->year, &name));
    ts_buffer_free(&name);
    xlsx_text(b, ws, r, 2, ind->id);
    xlsx_text(b, ws, r, 3, ts_text_get(&ind->unit, b->lang));
    xlsx_text(b, ws, r, 4, b->S->table.attribute[ind->attribute]);
    xlsx_text(b, ws, r, 5, W->measure_kind[ind->measure]);
    xlsx_year(b, ws, r, 6, ind->baseline_year);
    xlsx_number(b, ws, r, 7, ind->baseline, b->number);
    if (!t->present) {
        xlsx_text(b, ws, r, 18, b->S->table.input);
        return;
    }
    char written[256];
    xlsx_text(b, ws, r, 8, W->target_kind[t->kind]);
    xlsx_text(b, ws, r, 9, target_written(b, t, written, sizeof written));
    xlsx_number(b, ws, r, 10, t->value, b->number);
    if (t->kind != TS_TARGET_TEXT)
        xlsx_text(b, ws, r, 11, ts_direction_symbol(t->direction, TS_SYMBOL_UNICODE));
    xlsx_year(b, ws, r, 12, t->year);
    xlsx_year(b, ws, r, 13, rec->as_of);
    xlsx_number(b, ws, r, 14, rec->latest, b->number);
    xlsx_number(b, ws, r, 15, rec->elapsed, b->share);
    xlsx_number(b, ws, r, 16, rec->progress, b->share);
    xlsx_number(b, ws, r, 17, rec->pace, b->ratio);
    xlsx_status(b, ws, r, 18, rec->category);
}

void xlsx_plan_sheet(xlsx_book *b)
{
    const ts_xlsx_words *W = b->W;
    lxw_worksheet *ws = xlsx_sheet(b, W->plan_sheet);
    if (!ws)
        return;
    const char *const heads[PLAN_COLUMNS] = {
        W->category, W->indicator, W->id,     W->unit,     W->attribute,     W->measure,
        W->baseline_year, W->baseline, W->kind, W->target_written, W->target, W->direction,
        W->target_year, W->as_of, W->latest, W->elapsed, W->progress, W->pace, W->status};
    static const double widths[PLAN_COLUMNS] = {16, 36, 18, 12, 10, 10, 9, 12, 14,
                                                24, 11, 8,  9,  8,  12, 10, 10, 8, 16};
    xlsx_header(b, ws, heads, widths, PLAN_COLUMNS);
    const ts_plan *plan = b->run->plan;
    lxw_row_t r = 1;
    for (size_t i = 0; i < plan->n_indicators && b->run->table; i++) {
        plan_row(b, ws, r++, i, 0);
        for (size_t k = 0; k < plan->indicators[i].n_revisions; k++)
            plan_row(b, ws, r++, i, (int)k + 1);
    }
    worksheet_autofilter(ws, 0, 0, r - 1, PLAN_COLUMNS - 1);
}

enum { VERDICT_COLUMNS = 18 };

static void verdict_row(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, size_t s, size_t i,
                        const ts_assessment *a)
{
    const ts_scenario_result *res = &b->run->results[s];
    const ts_plan *plan = b->run->plan;
    const ts_indicator *ind = &plan->indicators[i];
    ts_buffer name = {0};
    xlsx_text(b, ws, r, 0, target_name(b, ind, a->revision, a->target_year, &name));
    ts_buffer_free(&name);
    xlsx_text(b, ws, r, 1, ind->id);
    xlsx_text(b, ws, r, 2, ts_scenario_name(res->scenario, b->lang));
    xlsx_year(b, ws, r, 3, a->has_target ? a->target_year : 0);
    char written[256];
    xlsx_text(b, ws, r, 4,
              target_written(b, ts_assessed_target(plan, i, a), written, sizeof written));
    xlsx_number(b, ws, r, 5, a->target, b->number);
    xlsx_number(b, ws, r, 6, a->value_at_target_year, b->number);
    xlsx_number(b, ws, r, 7, a->ratio, b->share);
    xlsx_number(b, ws, r, 8, a->required_growth, b->share);
    xlsx_number(b, ws, r, 9, a->scenario_growth, b->share);
    xlsx_number(b, ws, r, 10, a->required_rate, b->number);
    xlsx_number(b, ws, r, 11, a->scenario_rate, b->number);
    xlsx_year(b, ws, r, 12, a->attainment_year);
    xlsx_status(b, ws, r, 13, a->status);
    /* The draws judge the indicator's own target only. */
    const ts_mc_target *t = res->mc && !a->revision ? &res->mc->targets[i] : NULL;
    if (t && t->has_target) {
        xlsx_number(b, ws, r, 14, t->probability, b->share);
        xlsx_number(b, ws, r, 15, t->low, b->share);
        xlsx_number(b, ws, r, 16, t->high, b->share);
    }
    xlsx_number(b, ws, r, 17, a->shortfall, b->number);
}

void xlsx_verdict_sheet(xlsx_book *b)
{
    const ts_xlsx_words *W = b->W;
    lxw_worksheet *ws = xlsx_sheet(b, W->verdict_sheet);
    if (!ws)
        return;
    const char *const heads[VERDICT_COLUMNS] = {
        W->indicator,        W->id,          W->scenario,      W->target_year,
        W->target_written,   W->target,      W->value_at_target_year, W->completion, W->required_growth,
        W->scenario_growth,  W->required_rate, W->scenario_rate, W->attainment_year,
        W->status,           W->probability, W->probability_low, W->probability_high,
        b->S->report.col_shortfall};
    static const double widths[VERDICT_COLUMNS] = {36, 18, 14, 9, 20, 11, 13, 10, 11,
                                                   11, 11, 11, 9,  16, 9, 9,  9,  12};
    xlsx_header(b, ws, heads, widths, VERDICT_COLUMNS);
    const ts_plan *plan = b->run->plan;
    lxw_row_t r = 1;
    for (size_t i = 0; i < plan->n_indicators; i++)
        for (size_t s = 0; s < b->run->n_results; s++) {
            const ts_scenario_result *res = &b->run->results[s];
            const ts_assessment *a = &res->assessments[i];
            if (!a->has_target && !a->is_text)
                continue;
            verdict_row(b, ws, r++, s, i, a);
            for (size_t k = 0; k < plan->indicators[i].n_revisions; k++)
                verdict_row(b, ws, r++, s, i, &res->revisions[i][k]);
        }
    worksheet_autofilter(ws, 0, 0, r > 1 ? r - 1 : 1, VERDICT_COLUMNS - 1);
}
