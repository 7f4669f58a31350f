/* xlsx_indicator.c - an indicator's sheet and chart; see xlsx_indicator.h.
 *
 * Columns: year, history (before the baseline year), observed (the baseline
 * and the published figures after it), one per scenario (its whole path),
 * and the target line when the target has a level to draw. The chart's
 * series are ranges of these columns, so an analyst can restyle or extend
 * it in Excel; empty cells are gaps. */
#include "xlsx_indicator.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/text.h"

/* The first year the sheet shows: the earliest history, baseline or base
 * year. */
static int first_year(const ts_plan *plan, const ts_indicator *ind)
{
    int y = plan->base_year;
    if (ind->history.n && ind->history.points[0].year < y)
        y = ind->history.points[0].year;
    if (ind->has_baseline && ind->baseline_year < y)
        y = ind->baseline_year;
    return y;
}

/* The level the target line is drawn at, NaN for none: the level that
 * meets the target (the first scenario's, which differs between scenarios
 * only for a target relative to another indicator), else for a rate
 * indicator its target rate. */
static double target_line(const ts_run *run, size_t i)
{
    const ts_indicator *ind = &run->plan->indicators[i];
    if (!ts_target_scored(&ind->target) || !run->n_results)
        return NAN;
    double level = run->results[0].assessments[i].level_target;
    if (isfinite(level))
        return level;
    bool rate_kind = ind->target.kind == TS_TARGET_VALUE || ind->target.kind == TS_TARGET_GROWTH_PCT;
    if (ind->measure == TS_MEASURE_RATE && rate_kind && ind->target.relative_to < 0)
        return ind->target.value;
    return NAN;
}

static void series_column(xlsx_book *b, lxw_worksheet *ws, lxw_col_t c, int y0,
                          const ts_series *s)
{
    for (size_t k = 0; k < s->n; k++)
        xlsx_number(b, ws, (lxw_row_t)(s->points[k].year - y0 + 1), c, s->points[k].value,
                    b->number);
}

/* The data columns; returns how many (the year column included). */
static lxw_col_t write_columns(xlsx_book *b, lxw_worksheet *ws, size_t i, int y0, int y1,
                               double target)
{
    const ts_run *run = b->run;
    const ts_indicator *ind = &run->plan->indicators[i];
    const ts_chart_words *C = &b->S->chart;
    for (int y = y0; y <= y1; y++)
        xlsx_year(b, ws, (lxw_row_t)(y - y0 + 1), 0, y);
    worksheet_set_row(ws, 0, 45, NULL); /* scenario names wrap */
    xlsx_text_as(b, ws, 0, 0, b->W->year, b->head);
    xlsx_text_as(b, ws, 0, 1, C->history, b->head);
    series_column(b, ws, 1, y0, &ind->history);
    xlsx_text_as(b, ws, 0, 2, C->observed, b->head);
    if (ind->has_baseline)
        xlsx_number(b, ws, (lxw_row_t)(ind->baseline_year - y0 + 1), 2, ind->baseline,
                    b->number);
    series_column(b, ws, 2, y0, &ind->actual);
    lxw_col_t c = 3;
    for (size_t s = 0; s < run->n_results; s++, c++) {
        const ts_projection *p = run->results[s].projection;
        xlsx_text_as(b, ws, 0, c, ts_scenario_name(run->results[s].scenario, b->lang), b->head);
        for (size_t k = 0; k < p->n_years; k++)
            xlsx_number(b, ws, (lxw_row_t)(p->base_year + (int)k - y0 + 1), c,
                        p->paths[i].values[k], b->number);
    }
    if (isfinite(target)) {
        xlsx_text_as(b, ws, 0, c, C->target, b->head);
        for (int y = run->plan->base_year; y <= y1; y++)
            xlsx_number(b, ws, (lxw_row_t)(y - y0 + 1), c, target, b->number);
        c++;
    }
    return c;
}

/* A line chart of columns 1..n_cols-1 against the years, rows 1..n_rows. */
static void add_chart(xlsx_book *b, lxw_worksheet *ws, const char *sheet, size_t i,
                      lxw_col_t n_cols, lxw_row_t n_rows, bool has_target)
{
    const ts_indicator *ind = &b->run->plan->indicators[i];
    lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_LINE);
    if (!chart) {
        b->failed = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return;
    }
    for (lxw_col_t c = 1; c < n_cols; c++) {
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        if (!s)
            continue;
        chart_series_set_categories(s, sheet, 1, 0, n_rows, 0);
        chart_series_set_values(s, sheet, 1, c, n_rows, c);
        chart_series_set_name_range(s, sheet, 0, c);
        lxw_chart_line line = {.width = 1.75};
        if (c == 1 || c == 2) { /* history and observations: black, with markers */
            line.color = c == 1 ? 0x808080 : 0x1B1F24;
            chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
            chart_series_set_marker_size(s, 4);
        } else if (has_target && c == n_cols - 1) { /* the target: red, dashed */
            line.color = 0xB2182B;
            line.dash_type = LXW_CHART_LINE_DASH_DASH;
        } else {
            chart_series_set_marker_type(s, LXW_CHART_MARKER_NONE);
        }
        chart_series_set_line(s, &line);
    }
    chart_title_set_name(chart, ts_indicator_name(ind, b->lang));
    chart_axis_set_name(chart->x_axis, b->W->year);
    const char *unit = ts_text_get(&ind->unit, b->lang);
    if (*unit)
        chart_axis_set_name(chart->y_axis, unit);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
    lxw_chart_options opt = {.x_offset = 10, .y_offset = 10, .x_scale = 1.6, .y_scale = 1.5};
    worksheet_insert_chart_opt(ws, 1, n_cols + 1, chart, &opt);
    /* Unwrapped: the note runs on over the empty cells beside it. */
    xlsx_text_as(b, ws, 0, n_cols + 1, b->W->chart_note, NULL);
}

void xlsx_indicator_sheet(xlsx_book *b, size_t i)
{
    const ts_plan *plan = b->run->plan;
    const ts_indicator *ind = &plan->indicators[i];
    lxw_worksheet *ws = xlsx_sheet(b, ts_indicator_name(ind, b->lang));
    if (!ws)
        return;
    int y0 = first_year(plan, ind), y1 = b->run->horizon;
    double target = target_line(b->run, i);
    lxw_col_t n_cols = write_columns(b, ws, i, y0, y1, target);
    worksheet_set_column(ws, 0, 0, 7, NULL);
    worksheet_set_column(ws, 1, n_cols - 1, 12, NULL);
    worksheet_freeze_panes(ws, 1, 1);
    worksheet_fit_to_pages(ws, 1, 1); /* the table and the chart on one page */
    /* The sheet's own name, as libxlsxwriter keeps it, for the ranges. */
    add_chart(b, ws, b->names->names[b->names->n - 1], i, n_cols, (lxw_row_t)(y1 - y0 + 1),
              isfinite(target));
}
