/* report_compare.c - the scenario comparison (--compare) in the reports: a
 * section of report.txt, report.json's "comparison" and compare.csv. */
#include <math.h>
#include <stdio.h>

#include "base/buffer.h"
#include "csv.h"
#include "format.h"
#include "json_out.h"
#include "report_parts.h"
#include "targetsim/compare.h"
#include "text_table.h"

typedef struct cmp_labels {
    const char *title, *note, *note_no_draws, *indicator, *target, *scenario, *value, *difference, *attained,
        *probability, *reference;
} cmp_labels;

static const cmp_labels EN = {
    "Comparison with scenario",
    "Differences are the scenario minus the reference scenario. Probabilities of attainment in "
    "the target year come from the Monte Carlo draws and cover each indicator's own target, "
    "not its revisions.",
    "Differences are the scenario minus the reference scenario. Probabilities come from Monte "
    "Carlo draws, which this run has not made.",
    "Indicator", "Target", "Scenario", "Value in target year", "Difference", "Attained in",
    "Probability", "(reference)",
};

static const cmp_labels ZH = {
    "与情景比较",
    "差值为该情景减去参照情景。目标年实现概率来自蒙特卡洛模拟，仅针对指标的原定目标，不含调整后的目标。",
    "差值为该情景减去参照情景。概率来自蒙特卡洛模拟，本次运行未进行。",
    "指标", "目标", "情景", "目标年数值", "差值", "达成年份", "概率", "（参照）",
};

/* The assessment a comparison row is about. */
static const ts_assessment *row_assessment(const ts_run *run, size_t s, size_t i, int revision)
{
    const ts_scenario_result *r = &run->results[s];
    return revision == 0 ? &r->assessments[i] : &r->revisions[i][revision - 1];
}

static void fmt_attained(int year, int horizon, ts_lang lang, char *buf, size_t size)
{
    if (year)
        snprintf(buf, size, "%d", year);
    else if (lang == TS_LANG_ZH)
        snprintf(buf, size, "至%d年未达成", horizon);
    else
        snprintf(buf, size, "not by %d", horizon);
}

/* "+123.4 (+2.1%)", or "0 (0.0%)"; "-" when undefined. */
static void fmt_difference(double d, double rel, char *buf, size_t size)
{
    char value[48], pct[24];
    ts_fmt_value(fabs(d), value, sizeof value);
    ts_fmt_percent(rel, pct, sizeof pct);
    if (!isfinite(d))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%s%s (%s%s)", d > 0 ? "+" : d < 0 ? "-" : "", value,
                 isfinite(rel) && rel > 0 ? "+" : "", pct);
}

/* The reference scenario's row of one target, then every other scenario's. */
static void target_rows(const ts_run *run, size_t i, int revision, const cmp_labels *L,
                        ts_lang lang, tt_table *t)
{
    const ts_comparison *cmp = run->comparison;
    const ts_indicator *ind = &run->plan->indicators[i];
    const ts_assessment *ref = row_assessment(run, cmp->reference, i, revision);
    char name[160], target[64], value[48], attained[48], ref_prob[24] = "-";
    ts_fmt_target_name(ind, ref, lang, name, sizeof name);
    for (size_t k = 0; k < cmp->n_rows; k++)
        if (cmp->rows[k].indicator == i && cmp->rows[k].revision == revision) {
            ts_fmt_percent(cmp->rows[k].reference_probability, ref_prob, sizeof ref_prob);
            break;
        }
    ts_fmt_target(ref, target, sizeof target);
    ts_fmt_value(ref->value_at_target_year, value, sizeof value);
    fmt_attained(ref->attainment_year, run->horizon, lang, attained, sizeof attained);
    const char *first[] = {name, target, run->results[cmp->reference].scenario->id, value,
                           L->reference, attained, "", ref_prob, ""};
    tt_add_row(t, first);
    for (size_t k = 0; k < cmp->n_rows; k++) {
        const ts_comparison_row *row = &cmp->rows[k];
        if (row->indicator != i || row->revision != revision)
            continue;
        char diff[80], years[24], prob[24], pdiff[24];
        ts_fmt_value(row->value, value, sizeof value);
        fmt_difference(row->value_difference, row->relative_difference, diff, sizeof diff);
        fmt_attained(row->attainment_year, run->horizon, lang, attained, sizeof attained);
        if (row->attainment_difference == 0)
            snprintf(years, sizeof years, "0");
        else if (isfinite(row->attainment_difference))
            snprintf(years, sizeof years, "%+.0f", row->attainment_difference);
        else
            snprintf(years, sizeof years, "-");
        ts_fmt_percent(row->probability, prob, sizeof prob);
        ts_fmt_percent(row->probability_difference, pdiff, sizeof pdiff);
        const char *cells[] = {"", "", run->results[row->scenario].scenario->id, value, diff,
                               attained, years, prob, pdiff};
        tt_add_row(t, cells);
    }
}

void ts_report_comparison_text(const ts_run *run, ts_lang lang, ts_buffer *out)
{
    const ts_comparison *cmp = run->comparison;
    if (!cmp)
        return;
    const cmp_labels *L = lang == TS_LANG_ZH ? &ZH : &EN;
    const ts_scenario *ref = run->results[cmp->reference].scenario;
    const char *name = ts_fmt_text(&ref->name, lang);
    ts_buffer_printf(out, "%s: %s [%s]\n", L->title, *name ? name : ref->id, ref->id);
    ts_fmt_wrapped(out, NULL, run->mc_draws ? L->note : L->note_no_draws, 96);
    ts_buffer_puts(out, "\n");
    tt_table t;
    tt_init(&t, 9);
    for (size_t c = 3; c < 9; c++)
        t.align[c] = TT_RIGHT;
    t.max_width[0] = 48;
    const char *head[] = {L->indicator, L->target,   L->scenario,    L->value,     L->difference,
                          L->attained,  L->difference, L->probability, L->difference};
    tt_add_row(&t, head);
    const ts_plan *plan = run->plan;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        if (!plan->indicators[i].target.present)
            continue;
        for (size_t k = 0; k <= plan->indicators[i].n_revisions; k++)
            target_rows(run, i, (int)k, L, lang, &t);
    }
    tt_render(&t, "  ", out);
    tt_free(&t);
    ts_buffer_puts(out, "\n");
}

/* --- report.json ---------------------------------------------------------- */

static cJSON *row_json(const ts_run *run, const ts_comparison_row *row)
{
    const ts_assessment *a = row_assessment(run, row->scenario, row->indicator, row->revision);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "scenario", run->results[row->scenario].scenario->id);
    cJSON_AddStringToObject(o, "indicator", run->plan->indicators[row->indicator].id);
    cJSON_AddNumberToObject(o, "revision", row->revision);
    ts_jout_number(o, "target", a->target);
    cJSON_AddNumberToObject(o, "target_year", a->target_year);
    ts_jout_number(o, "value_at_target_year", row->value);
    ts_jout_number(o, "reference_value_at_target_year", row->reference_value);
    ts_jout_number(o, "value_difference", row->value_difference);
    ts_jout_number(o, "relative_difference", row->relative_difference);
    ts_jout_year(o, "attainment_year", row->attainment_year);
    ts_jout_year(o, "reference_attainment_year", row->reference_attainment_year);
    ts_jout_number(o, "attainment_year_difference", row->attainment_difference);
    ts_jout_number(o, "probability", row->probability);
    ts_jout_number(o, "reference_probability", row->reference_probability);
    ts_jout_number(o, "probability_difference", row->probability_difference);
    return o;
}

cJSON *ts_report_comparison_json(const ts_run *run)
{
    const ts_comparison *cmp = run->comparison;
    if (!cmp)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "reference", run->results[cmp->reference].scenario->id);
    cJSON *rows = cJSON_AddArrayToObject(o, "rows");
    for (size_t k = 0; k < cmp->n_rows; k++)
        cJSON_AddItemToArray(rows, row_json(run, &cmp->rows[k]));
    return o;
}

/* --- compare.csv ---------------------------------------------------------- */

static void csv_row(const ts_run *run, const ts_comparison_row *row, ts_buffer *out)
{
    const ts_assessment *a = row_assessment(run, row->scenario, row->indicator, row->revision);
    ts_csv_text(out, run->results[run->comparison->reference].scenario->id);
    ts_buffer_puts(out, ",");
    ts_csv_text(out, run->results[row->scenario].scenario->id);
    ts_buffer_puts(out, ",");
    ts_csv_text(out, run->plan->indicators[row->indicator].id);
    ts_buffer_printf(out, ",%d,", row->revision);
    ts_csv_number(out, a->target);
    ts_buffer_printf(out, ",%s,%d,", ts_direction_name(a->direction), a->target_year);
    const double numbers[] = {row->value, row->reference_value, row->value_difference,
                              row->relative_difference};
    for (size_t k = 0; k < 4; k++) {
        ts_csv_number(out, numbers[k]);
        ts_buffer_puts(out, ",");
    }
    ts_csv_year(out, row->attainment_year);
    ts_buffer_puts(out, ",");
    ts_csv_year(out, row->reference_attainment_year);
    ts_buffer_puts(out, ",");
    ts_csv_number(out, row->attainment_difference);
    ts_buffer_puts(out, ",");
    ts_csv_number(out, row->probability);
    ts_buffer_puts(out, ",");
    ts_csv_number(out, row->reference_probability);
    ts_buffer_puts(out, ",");
    ts_csv_number(out, row->probability_difference);
    ts_buffer_puts(out, "\r\n");
}

ts_status ts_report_render_compare_csv(const ts_run *run, ts_buffer *out, ts_error *err)
{
    ts_buffer_puts(out, "reference,scenario,indicator,revision,target,direction,target_year,"
                        "value_at_target_year,reference_value_at_target_year,value_difference,"
                        "relative_difference,attainment_year,reference_attainment_year,"
                        "attainment_year_difference,probability,reference_probability,"
                        "probability_difference\r\n");
    for (size_t k = 0; run->comparison && k < run->comparison->n_rows; k++)
        csv_row(run, &run->comparison->rows[k], out);
    if (out->failed)
        return ts_error_set(err, TS_ENOMEM, "compare.csv", NULL, "out of memory");
    return TS_OK;
}
