/* report_backtest.c - the backtest in the reports: a section of report.txt,
 * report.json's "backtest", and backtest.csv (one row per scenario x
 * indicator x observed year). */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/buffer.h"
#include "base/text.h"
#include "csv.h"
#include "format.h"
#include "json_out.h"
#include "report_parts.h"
#include "strings/strings.h"
#include "targetsim/backtest.h"
#include "text_table.h"

enum { MAX_YEAR_COLUMNS = 8 };

/* The section's title and explanation, which name the base year. */
static void intro(int from, size_t n_years, size_t shown, ts_lang lang, ts_buffer *out)
{
    char line[1024];
    if (lang == TS_LANG_ZH)
        ts_buffer_printf(out, "回测：各情景自%d年起推算，不使用此后的实际值\n", from);
    else
        ts_buffer_printf(out,
                         "Backtest: every scenario projected from %d, ignoring the observations "
                         "after it\n",
                         from);
    if (n_years == 0) {
        if (lang == TS_LANG_ZH)
            snprintf(line, sizeof line, "没有指标在%d年以后有可比较的实际值。", from);
        else
            snprintf(line, sizeof line,
                     "No indicator has an observed year after %d to compare with.", from);
        ts_fmt_wrapped(out, NULL, line, 96);
        return;
    }
    if (lang == TS_LANG_ZH)
        snprintf(line, sizeof line,
                 "各年误差为推算值减实际值，以实际值的百分比表示；MAPE为各实际值年份绝对百分比误差"
                 "的平均值；“最接近”标出该指标MAPE最低的情景（并列时全部标出）；“样本内”：该情景"
                 "的增速拟合窗口包含%d年以后的实际值年份。",
                 from);
    else
        snprintf(line, sizeof line,
                 "Each year's error is projected minus observed, in per cent of the observed "
                 "value; MAPE is the mean absolute percentage error over the observed years; "
                 "\"closest\" marks the scenario with the lowest MAPE for the indicator (all of "
                 "them on a tie); \"in sample\": the scenario's growth is fitted on a window that "
                 "includes observed years after %d.",
                 from);
    ts_fmt_wrapped(out, NULL, line, 96);
    if (shown < n_years) {
        if (lang == TS_LANG_ZH)
            snprintf(line, sizeof line, "仅显示最近%zu个实际值年份，全部年份见 backtest.csv。", shown);
        else
            snprintf(line, sizeof line,
                     "Only the last %zu observed years are shown; backtest.csv has them all.",
                     shown);
        ts_fmt_wrapped(out, NULL, line, 96);
    }
}

/* Fills `years` with the compared years of the backtest, ascending and
 * distinct (at most `cap`), and returns how many there are. */
static size_t observed_years(const ts_backtest *bt, int *years, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < bt->n_indicators && bt->n_scenarios; i++) {
        const ts_backtest_cell *c = ts_backtest_cell_at(bt, 0, i);
        for (size_t k = 0; k < c->n; k++) {
            size_t j = 0;
            while (j < n && years[j] < c->points[k].year)
                j++;
            if ((j < n && years[j] == c->points[k].year) || n == cap)
                continue;
            memmove(years + j + 1, years + j, (n - j) * sizeof *years);
            years[j] = c->points[k].year;
            n++;
        }
    }
    return n;
}

static const ts_backtest_point *point_in(const ts_backtest_cell *c, int year)
{
    for (size_t k = 0; k < c->n; k++)
        if (c->points[k].year == year)
            return &c->points[k];
    return NULL;
}

static void add_cell_row(const ts_run *run, size_t s, size_t i, const int *years, size_t n_years,
                         const ts_report_words *L, ts_lang lang, tt_table *t)
{
    const ts_backtest *bt = run->backtest;
    const ts_backtest_cell *c = ts_backtest_cell_at(bt, s, i);
    char cells[TT_MAX_COLS][48];
    const char *row[TT_MAX_COLS];
    size_t col = 0;
    row[col++] = s == 0 || !ts_backtest_cell_at(bt, s - 1, i)->n
                     ? ts_indicator_name(&run->plan->indicators[i], lang)
                     : "";
    row[col++] = run->results[s].scenario->id;
    for (size_t y = 0; y < n_years; y++, col++) {
        const ts_backtest_point *p = point_in(c, years[y]);
        cells[col][0] = '\0';
        if (p && isfinite(p->relative_error))
            snprintf(cells[col], sizeof cells[col], "%+.1f%%", 100.0 * p->relative_error);
        else if (p)
            snprintf(cells[col], sizeof cells[col], "-");
        row[col] = cells[col];
    }
    ts_fmt_percent(c->mape, cells[col], sizeof cells[col]);
    row[col] = cells[col];
    col++;
    char flag[16];
    ts_fmt_flag(run->plan, i, flag, sizeof flag);
    bool closest = c->closest;
    snprintf(cells[col], sizeof cells[col], "%s%s%s%s%s", closest ? L->backtest.closest : "",
             closest && c->in_sample ? ", " : "", c->in_sample ? L->backtest.in_sample : "",
             *flag && (closest || c->in_sample) ? " " : "", flag);
    row[col] = cells[col];
    tt_add_row(t, row);
}

static void backtest_table(const ts_run *run, const int *years, size_t n_years,
                           const ts_report_words *L, ts_lang lang, ts_buffer *out)
{
    const ts_backtest *bt = run->backtest;
    tt_table t;
    tt_init(&t, n_years + 4);
    for (size_t c = 2; c < n_years + 3; c++)
        t.align[c] = TT_RIGHT;
    t.max_width[0] = 40;
    char heads[TT_MAX_COLS][16];
    const char *head[TT_MAX_COLS];
    head[0] = L->col_indicator;
    head[1] = L->scenario;
    for (size_t y = 0; y < n_years; y++) {
        snprintf(heads[y], sizeof heads[y], "%d", years[y]);
        head[2 + y] = heads[y];
    }
    head[n_years + 2] = L->backtest.mape;
    head[n_years + 3] = L->backtest.remark;
    tt_add_row(&t, head);
    for (size_t i = 0; i < bt->n_indicators; i++)
        for (size_t s = 0; s < bt->n_scenarios; s++)
            if (ts_backtest_cell_at(bt, s, i)->n)
                add_cell_row(run, s, i, years, n_years, L, lang, &t);
    tt_render(&t, "  ", out);
    tt_free(&t);
}

void ts_report_backtest_text(const ts_run *run, ts_lang lang, ts_buffer *out)
{
    const ts_backtest *bt = run->backtest;
    if (!bt)
        return;
    int all[TS_MAX_YEAR_SPAN + 1];
    size_t n = observed_years(bt, all, TS_MAX_YEAR_SPAN + 1);
    size_t shown = n > MAX_YEAR_COLUMNS ? MAX_YEAR_COLUMNS : n;
    intro(bt->from_year, n, shown, lang, out);
    ts_buffer_puts(out, "\n");
    if (n == 0)
        return;
    backtest_table(run, all + (n - shown), shown, &ts_strings_for(lang)->report, lang, out);
    ts_buffer_puts(out, "\n");
}

/* --- report.json ---------------------------------------------------------- */

static cJSON *cell_json(const ts_run *run, size_t s, size_t i)
{
    const ts_backtest *bt = run->backtest;
    const ts_backtest_cell *c = ts_backtest_cell_at(bt, s, i);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "scenario", run->results[s].scenario->id);
    ts_jout_number(o, "mape", c->mape);
    cJSON_AddBoolToObject(o, "closest", c->closest);
    cJSON_AddBoolToObject(o, "in_sample", c->in_sample);
    cJSON *errors = cJSON_AddArrayToObject(o, "errors");
    for (size_t k = 0; k < c->n; k++) {
        const ts_backtest_point *p = &c->points[k];
        cJSON *e = ts_jout_year_entry(errors, p->year);
        ts_jout_number(e, "observed", p->observed);
        ts_jout_number(e, "projected", p->projected);
        ts_jout_number(e, "error", p->error);
        ts_jout_number(e, "relative_error", p->relative_error);
    }
    /* The path from the base year to the last compared year, for charts. */
    cJSON *path = cJSON_AddArrayToObject(o, "path");
    const ts_projection *proj = bt->projections[s];
    int last = c->n ? c->points[c->n - 1].year : proj->base_year - 1;
    for (int year = proj->base_year; year <= last; year++) {
        cJSON *pt = ts_jout_year_entry(path, year);
        ts_jout_number(pt, "value", ts_projection_value(proj, i, year));
    }
    return o;
}

cJSON *ts_report_backtest_json(const ts_run *run)
{
    const ts_backtest *bt = run->backtest;
    if (!bt)
        return cJSON_CreateNull();
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "from_year", bt->from_year);
    cJSON *inds = cJSON_AddArrayToObject(root, "indicators");
    for (size_t i = 0; i < bt->n_indicators; i++) {
        if (!bt->n_scenarios || !ts_backtest_cell_at(bt, 0, i)->n)
            continue;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", run->plan->indicators[i].id);
        cJSON *closest = cJSON_AddArrayToObject(o, "closest_scenarios");
        for (size_t s = 0; s < bt->n_scenarios; s++)
            if (ts_backtest_cell_at(bt, s, i)->closest)
                ts_jout_append(closest, cJSON_CreateString(run->results[s].scenario->id));
        cJSON *list = cJSON_AddArrayToObject(o, "scenarios");
        for (size_t s = 0; s < bt->n_scenarios; s++)
            ts_jout_append(list, cell_json(run, s, i));
        ts_jout_append(inds, o);
    }
    return root;
}

/* --- backtest.csv --------------------------------------------------------- */

static void csv_cell_rows(const ts_run *run, size_t s, size_t i, ts_buffer *out)
{
    const ts_backtest *bt = run->backtest;
    const ts_backtest_cell *c = ts_backtest_cell_at(bt, s, i);
    for (size_t k = 0; k < c->n; k++) {
        const ts_backtest_point *p = &c->points[k];
        ts_csv_text(out, run->results[s].scenario->id);
        ts_csv_next_text(out, run->plan->indicators[i].id);
        ts_buffer_printf(out, ",%d", p->year);
        ts_csv_next_number(out, p->observed);
        ts_csv_next_number(out, p->projected);
        ts_csv_next_number(out, p->error);
        ts_csv_next_number(out, p->relative_error);
        ts_csv_next_number(out, c->mape);
        ts_buffer_printf(out, ",%s,%s", c->closest ? "true" : "false",
                         c->in_sample ? "true" : "false");
        ts_csv_end_row(out);
    }
}

ts_status ts_report_render_backtest_csv(const ts_run *run, ts_buffer *out, ts_error *err)
{
    ts_buffer_puts(out, "scenario,indicator,year,observed,projected,error,relative_error,mape,"
                        "closest,in_sample\r\n");
    const ts_backtest *bt = run->backtest;
    for (size_t s = 0; bt && s < bt->n_scenarios; s++)
        for (size_t i = 0; i < bt->n_indicators; i++)
            csv_cell_rows(run, s, i, out);
    return ts_csv_finish(out, "backtest.csv", err);
}
