/* report_compare.c - the scenario comparison (--compare) in the reports: a
 * section of report.txt, report.json's "comparison" and compare.csv. */
#include <math.h>
#include <stdio.h>

#include "base/buffer.h"
#include "base/text.h"
#include "csv.h"
#include "format.h"
#include "json_out.h"
#include "report_parts.h"
#include "strings/strings.h"
#include "targetsim/compare.h"
#include "text_table.h"

/* The assessment a comparison row is about. */
static const ts_assessment *row_assessment(const ts_run *run, size_t s, size_t i, int revision)
{
    const ts_scenario_result *r = &run->results[s];
    return revision == 0 ? &r->assessments[i] : &r->revisions[i][revision - 1];
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
static void target_rows(const ts_run *run, size_t i, int revision, const ts_report_words *L,
                        ts_lang lang, tt_table *t)
{
    const ts_comparison *cmp = run->comparison;
    const ts_indicator *ind = &run->plan->indicators[i];
    const ts_assessment *ref = row_assessment(run, cmp->reference, i, revision);
    char name[160], target[300], value[48], attained[48], ref_prob[24] = "-";
    ts_fmt_target_name(ind, ref, lang, name, sizeof name);
    for (size_t k = 0; k < cmp->n_rows; k++)
        if (cmp->rows[k].indicator == i && cmp->rows[k].revision == revision) {
            ts_fmt_percent(cmp->rows[k].reference_probability, ref_prob, sizeof ref_prob);
            break;
        }
    ts_fmt_target(run->plan, i, ref, lang, target, sizeof target);
    ts_fmt_value(ref->statistic, value, sizeof value);
    ts_fmt_attained(ref->attainment_year, run->horizon, lang, attained, sizeof attained);
    const char *first[] = {name, target, run->results[cmp->reference].scenario->id, value,
                           L->compare.reference, attained, "", ref_prob, ""};
    tt_add_row(t, first);
    for (size_t k = 0; k < cmp->n_rows; k++) {
        const ts_comparison_row *row = &cmp->rows[k];
        if (row->indicator != i || row->revision != revision)
            continue;
        char diff[80], years[24], prob[24], pdiff[24];
        ts_fmt_value(row->value, value, sizeof value);
        fmt_difference(row->value_difference, row->relative_difference, diff, sizeof diff);
        ts_fmt_attained(row->attainment_year, run->horizon, lang, attained, sizeof attained);
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
    const ts_report_words *L = &ts_strings_for(lang)->report;
    const ts_scenario *ref = run->results[cmp->reference].scenario;
    ts_buffer_printf(out, "%s: %s [%s]\n", L->compare.title, ts_scenario_name(ref, lang), ref->id);
    ts_fmt_wrapped(out, NULL, run->mc_draws ? L->compare.note : L->compare.note_no_draws, 96);
    ts_buffer_puts(out, "\n");
    tt_table t;
    tt_init(&t, 9);
    for (size_t c = 3; c < 9; c++)
        t.align[c] = TT_RIGHT;
    t.max_width[0] = 48;
    const char *diff = L->compare.difference;
    const char *head[] = {L->col_indicator, L->col_target, L->scenario,
                          L->col_value,     diff,          L->col_attained,
                          diff,             L->compare.probability, diff};
    tt_add_row(&t, head);
    const ts_plan *plan = run->plan;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        if (!ts_target_scored(&plan->indicators[i].target))
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
        ts_jout_append(rows, row_json(run, &cmp->rows[k]));
    return o;
}

/* --- compare.csv ---------------------------------------------------------- */

static void csv_row(const ts_run *run, const ts_comparison_row *row, ts_buffer *out)
{
    const ts_assessment *a = row_assessment(run, row->scenario, row->indicator, row->revision);
    ts_csv_text(out, run->results[run->comparison->reference].scenario->id);
    ts_csv_next_text(out, run->results[row->scenario].scenario->id);
    ts_csv_next_text(out, run->plan->indicators[row->indicator].id);
    ts_buffer_printf(out, ",%d", row->revision);
    ts_csv_next_number(out, a->target);
    ts_buffer_printf(out, ",%s,%d", ts_direction_name(a->direction), a->target_year);
    ts_csv_next_number(out, row->value);
    ts_csv_next_number(out, row->reference_value);
    ts_csv_next_number(out, row->value_difference);
    ts_csv_next_number(out, row->relative_difference);
    ts_csv_next_year(out, row->attainment_year);
    ts_csv_next_year(out, row->reference_attainment_year);
    ts_csv_next_number(out, row->attainment_difference);
    ts_csv_next_number(out, row->probability);
    ts_csv_next_number(out, row->reference_probability);
    ts_csv_next_number(out, row->probability_difference);
    ts_csv_end_row(out);
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
    return ts_csv_finish(out, "compare.csv", err);
}
