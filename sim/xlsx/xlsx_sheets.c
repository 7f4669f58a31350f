/* xlsx_sheets.c - paths, Monte Carlo, sensitivity and sources sheets; see
 * xlsx_sheets.h. */
#include "xlsx_sheets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/text.h"

/* Years down, indicators across: the scenario's path of every indicator,
 * observed years included (the plan-table sheet says which are targets). */
void xlsx_paths_sheet(xlsx_book *b, size_t s)
{
    const ts_scenario_result *res = &b->run->results[s];
    const ts_plan *plan = b->run->plan;
    char name[TS_XLSX_NAME_BYTES * 2];
    snprintf(name, sizeof name, "%s%s", b->W->paths_prefix,
             ts_scenario_name(res->scenario, b->lang));
    lxw_worksheet *ws = xlsx_sheet(b, name);
    if (!ws)
        return;
    size_t n = plan->n_indicators + 1;
    const char **heads = calloc(n, sizeof *heads);
    if (!heads) {
        b->failed = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return;
    }
    heads[0] = b->W->year;
    for (size_t i = 0; i < plan->n_indicators; i++)
        heads[i + 1] = ts_indicator_name(&plan->indicators[i], b->lang);
    xlsx_header(b, ws, heads, NULL, n);
    free(heads);
    worksheet_set_column(ws, 1, (lxw_col_t)plan->n_indicators, 14, NULL);
    worksheet_freeze_panes(ws, 1, 1);
    const ts_projection *p = res->projection;
    for (size_t k = 0; k < p->n_years; k++) {
        lxw_row_t r = (lxw_row_t)k + 1;
        xlsx_year(b, ws, r, 0, p->base_year + (int)k);
        for (size_t i = 0; i < plan->n_indicators; i++)
            xlsx_number(b, ws, r, (lxw_col_t)(i + 1), p->paths[i].values[k], b->number);
    }
}

enum { FAN_COLUMNS = 6 + TS_MC_N_PERCENTILES + 1 };

/* One row per scenario, target and year: the path and the draws' bands. */
void xlsx_fan_sheet(xlsx_book *b)
{
    const ts_xlsx_words *W = b->W;
    lxw_worksheet *ws = xlsx_sheet(b, W->fan_sheet);
    if (!ws)
        return;
    const char *const heads[FAN_COLUMNS] = {W->scenario, W->indicator, W->id, W->year,
                                            W->path_kind, W->base_value, "P5", "P10", "P25",
                                            "P50", "P75", "P90", "P95", W->probability_by};
    static const double widths[FAN_COLUMNS] = {14, 32, 18, 7, 10, 12, 11, 11,
                                               11, 11, 11, 11, 11, 12};
    xlsx_header(b, ws, heads, widths, FAN_COLUMNS);
    if (!b->run->mc_draws) {
        xlsx_text(b, ws, 1, 0, W->no_draws);
        return;
    }
    const ts_plan *plan = b->run->plan;
    lxw_row_t r = 1;
    for (size_t s = 0; s < b->run->n_results; s++) {
        const ts_scenario_result *res = &b->run->results[s];
        for (size_t i = 0; res->mc && i < plan->n_indicators; i++) {
            const ts_mc_target *t = &res->mc->targets[i];
            if (!t->has_target)
                continue;
            const ts_path *path = &res->projection->paths[i];
            for (size_t k = 0; k < res->projection->n_years; k++, r++) {
                xlsx_text(b, ws, r, 0, ts_scenario_name(res->scenario, b->lang));
                xlsx_text(b, ws, r, 1, ts_indicator_name(&plan->indicators[i], b->lang));
                xlsx_text(b, ws, r, 2, plan->indicators[i].id);
                xlsx_year(b, ws, r, 3, res->projection->base_year + (int)k);
                xlsx_text(b, ws, r, 4, W->point_kind[path->kinds[k]]);
                xlsx_number(b, ws, r, 5, path->values[k], b->number);
                for (size_t j = 0; t->percentiles && j < TS_MC_N_PERCENTILES; j++)
                    xlsx_number(b, ws, r, (lxw_col_t)(6 + j),
                                t->percentiles[k * TS_MC_N_PERCENTILES + j], b->number);
                xlsx_number(b, ws, r, FAN_COLUMNS - 1, t->by_year[k], b->share);
            }
        }
    }
    worksheet_autofilter(ws, 0, 0, r > 1 ? r - 1 : 1, FAN_COLUMNS - 1);
}

enum { TORNADO_COLUMNS = 11 };

/* Each scenario's tornado: every target against every driver moved one sd
 * (or the default shift) down and up, widest swing first. */
void xlsx_tornado_sheet(xlsx_book *b)
{
    const ts_xlsx_words *W = b->W;
    lxw_worksheet *ws = xlsx_sheet(b, W->tornado_sheet);
    if (!ws)
        return;
    const char *const heads[TORNADO_COLUMNS] = {
        W->scenario, W->indicator, W->id,        W->target_year, W->target,    W->base_value,
        W->driver,   W->shift,     W->value_low, W->value_high,  W->swing};
    static const double widths[TORNADO_COLUMNS] = {14, 32, 18, 9, 11, 13, 24, 10, 13, 13, 12};
    xlsx_header(b, ws, heads, widths, TORNADO_COLUMNS);
    const ts_plan *plan = b->run->plan;
    lxw_row_t r = 1;
    for (size_t s = 0; s < b->run->n_results; s++) {
        const ts_scenario_result *res = &b->run->results[s];
        for (size_t k = 0; res->tornado && k < res->tornado->n; k++, r++) {
            const ts_tornado_bar *bar = &res->tornado->bars[k];
            const ts_indicator *ind = &plan->indicators[bar->target];
            xlsx_text(b, ws, r, 0, ts_scenario_name(res->scenario, b->lang));
            xlsx_text(b, ws, r, 1, ts_indicator_name(ind, b->lang));
            xlsx_text(b, ws, r, 2, ind->id);
            xlsx_year(b, ws, r, 3, ind->target.year);
            xlsx_number(b, ws, r, 4, ind->target.value, b->number);
            xlsx_number(b, ws, r, 5, bar->base, b->number);
            xlsx_text(b, ws, r, 6, ts_indicator_name(&plan->indicators[bar->assumption], b->lang));
            xlsx_number(b, ws, r, 7, bar->shift, b->number);
            xlsx_number(b, ws, r, 8, bar->low, b->number);
            xlsx_number(b, ws, r, 9, bar->high, b->number);
            xlsx_number(b, ws, r, 10, fabs(bar->high - bar->low), b->number);
        }
    }
    worksheet_autofilter(ws, 0, 0, r > 1 ? r - 1 : 1, TORNADO_COLUMNS - 1);
}

enum { SWEEP_COLUMNS = 4 + 2 * TS_SWEEP_MAX_AXES + 7 };

void xlsx_sweep_sheet(xlsx_book *b)
{
    const ts_sweep_result *sw = b->run->sweep;
    const ts_xlsx_words *W = b->W;
    if (!sw)
        return;
    lxw_worksheet *ws = xlsx_sheet(b, W->sweep_sheet);
    if (!ws)
        return;
    const char *const heads[SWEEP_COLUMNS] = {
        W->scenario,  W->axis,       W->axis_value,  W->axis,        W->axis_value,
        W->indicator, W->id,         W->target_year, W->target,      W->value_at_target_year,
        W->completion, W->attainment_year, W->probability, W->probability_low,
        W->probability_high};
    static const double widths[SWEEP_COLUMNS] = {14, 18, 10, 18, 10, 32, 18, 9,
                                                 11, 13, 10, 9,  9,  9,  9};
    xlsx_header(b, ws, heads, widths, SWEEP_COLUMNS);
    const ts_plan *plan = b->run->plan;
    lxw_row_t r = 1;
    for (size_t pt = 0; pt < sw->n_points; pt++)
        for (size_t t = 0; t < sw->n_targets; t++, r++) {
            const ts_indicator *ind = &plan->indicators[sw->targets[t]];
            const ts_sweep_cell *c = &sw->cells[pt * sw->n_targets + t];
            xlsx_text(b, ws, r, 0, ts_scenario_name(b->run->sweep_scenario, b->lang));
            for (size_t a = 0; a < sw->n_axes; a++) {
                char axis[200];
                snprintf(axis, sizeof axis, "%s.%s", sw->axes[a].indicator,
                         sw->axes[a].model->name);
                xlsx_text(b, ws, r, (lxw_col_t)(1 + 2 * a), axis);
                xlsx_number(b, ws, r, (lxw_col_t)(2 + 2 * a), sw->x[pt * sw->n_axes + a],
                            b->number);
            }
            xlsx_text(b, ws, r, 5, ts_indicator_name(ind, b->lang));
            xlsx_text(b, ws, r, 6, ind->id);
            xlsx_year(b, ws, r, 7, ind->target.year);
            xlsx_number(b, ws, r, 8, ind->target.value, b->number);
            xlsx_number(b, ws, r, 9, c->value, b->number);
            xlsx_number(b, ws, r, 10, c->share, b->share);
            xlsx_year(b, ws, r, 11, c->attainment_year);
            xlsx_number(b, ws, r, 12, c->probability, b->share);
            xlsx_number(b, ws, r, 13, c->low, b->share);
            xlsx_number(b, ws, r, 14, c->high, b->share);
        }
    worksheet_autofilter(ws, 0, 0, r > 1 ? r - 1 : 1, SWEEP_COLUMNS - 1);
}

enum { SOURCE_COLUMNS = 6 };

/* The bibliography, then the plan's notes under their own heading. */
void xlsx_sources_sheet(xlsx_book *b)
{
    const ts_xlsx_words *W = b->W;
    lxw_worksheet *ws = xlsx_sheet(b, W->sources_sheet);
    if (!ws)
        return;
    const char *const heads[SOURCE_COLUMNS] = {W->key,  W->title, W->publisher,
                                               W->date, W->url,   W->gives};
    static const double widths[SOURCE_COLUMNS] = {22, 50, 28, 11, 40, 50};
    xlsx_header(b, ws, heads, widths, SOURCE_COLUMNS);
    const ts_plan *plan = b->run->plan;
    lxw_row_t r = 1;
    for (size_t k = 0; k < plan->n_sources; k++, r++) {
        const ts_source_entry *e = &plan->sources[k];
        xlsx_text(b, ws, r, 0, e->key);
        xlsx_text(b, ws, r, 1, ts_text_get(&e->title, b->lang));
        xlsx_text(b, ws, r, 2, ts_text_get(&e->publisher, b->lang));
        xlsx_text(b, ws, r, 3, e->date);
        xlsx_text(b, ws, r, 4, e->url);
        xlsx_text(b, ws, r, 5, ts_text_get(&e->gives, b->lang));
    }
    if (!plan->n_notes)
        return;
    r++;
    xlsx_text_as(b, ws, r++, 0, W->notes, b->head);
    for (size_t k = 0; k < plan->n_notes; k++, r++)
        xlsx_text(b, ws, r, 1, ts_text_get(&plan->notes[k], b->lang));
}
