/* report_csv.c - report.csv (one row per scenario x target, revised targets
 * included) and paths.csv (one row per scenario x indicator x year). RFC 4180
 * quoting, plain numbers (no thousands separators), empty cells for
 * undefined values. */
#include <math.h>
#include <string.h>

#include "base/buffer.h"
#include "base/text.h"
#include "csv.h"
#include "report_parts.h"
#include "targetsim/report.h"

static void assessment_cells(const ts_indicator *ind, const ts_assessment *a, ts_buffer *out)
{
    ts_csv_text(out, ind->id);
    ts_csv_next_text(out, ind->name.en);
    ts_csv_next_text(out, ind->name.zh);
    ts_csv_next_text(out, ind->unit.en);
    ts_csv_next_text(out, ind->unit.zh);
    ts_csv_next_number(out, a->target);
    ts_buffer_printf(out, ",%s,%d,%d", a->has_target ? ts_direction_name(a->direction) : "",
                     a->target_year, a->as_of);
    ts_csv_next_number(out, a->baseline);
    ts_csv_next_number(out, a->value_at_as_of);
    ts_csv_next_number(out, a->value_at_target_year);
    ts_buffer_printf(out, ",%s", !a->has_target ? "" : a->attained ? "true" : "false");
    ts_csv_next_number(out, a->ratio);
    ts_csv_next_number(out, a->required_growth);
    ts_csv_next_number(out, a->scenario_growth);
    ts_csv_next_number(out, a->progress);
    ts_csv_next_year(out, a->attainment_year);
    ts_buffer_printf(out, ",%s", ts_verdict_name(a->status));
    ts_csv_next_number(out, a->realised_growth);
    ts_csv_next_number(out, a->needed_growth);
    ts_csv_next_number(out, a->shortfall);
    ts_csv_next_text(out, ts_text_empty(&ind->assumption) ? NULL : ts_text_get(&ind->assumption, TS_LANG_EN));
}

/* The Monte Carlo columns; empty without draws. */
static void mc_cells(const ts_run *run, const ts_scenario_result *r, size_t i, ts_buffer *out)
{
    const ts_mc_result *mc = r->mc;
    if (!mc || !mc->targets[i].has_target) {
        ts_buffer_puts(out, ",,,,,,,,");
        return;
    }
    const ts_mc_target *t = &mc->targets[i];
    ts_csv_next_number(out, t->probability);
    ts_csv_next_number(out, t->low);
    ts_csv_next_number(out, t->high);
    ts_csv_next_number(out, t->by_year[mc->n_years - 1]);
    ts_csv_next_year(out, ts_mc_year_by_share(mc, i, 0.5));
    size_t k = (size_t)(run->plan->indicators[i].target.year - mc->base_year);
    const double *pc = t->percentiles ? t->percentiles + k * TS_MC_N_PERCENTILES : NULL;
    ts_csv_next_number(out, pc ? pc[0] : NAN);
    ts_csv_next_number(out, pc ? pc[3] : NAN);
    ts_csv_next_number(out, pc ? pc[6] : NAN);
}

/* The first required driver (report.json lists them all). */
static void required_cells(const ts_run *run, const ts_scenario_result *r, size_t i,
                           ts_buffer *out)
{
    const ts_required_list *req = r->required[i];
    ts_csv_next_text(out, req->n ? run->plan->indicators[req->drivers[0].driver].id : NULL);
    ts_csv_next_number(out, req->n ? req->drivers[0].rate : NAN);
}

/* One row: a target (the indicator's own, or revision k > 0) in one scenario.
 * Monte Carlo and the driver solver cover the indicator's own target only. */
static void target_row(const ts_run *run, const ts_scenario_result *r, size_t i,
                       const ts_assessment *a, ts_buffer *out)
{
    const ts_indicator *ind = &run->plan->indicators[i];
    ts_csv_text(out, r->scenario->id);
    ts_buffer_puts(out, ",");
    assessment_cells(ind, a, out);
    ts_buffer_printf(out, ",%d", a->revision);
    ts_csv_next_year(out, a->by_year);
    ts_csv_next_number(out, a->needed_growth_by);
    if (a->revision == 0) {
        mc_cells(run, r, i, out);
        required_cells(run, r, i, out);
    } else {
        ts_buffer_puts(out, ",,,,,,,,,,");
    }
    ts_report_table_csv_cells(run, i, a->revision, out);
    ts_csv_end_row(out);
}

ts_status ts_report_render_csv(const ts_run *run, ts_buffer *out, ts_error *err)
{
    const ts_plan *plan = run->plan;
    ts_buffer_puts(out, "scenario,indicator,name_en,name_zh,unit_en,unit_zh,target,direction,"
                        "target_year,as_of,baseline,value_at_as_of,value_at_target_year,attained,"
                        "ratio,required_growth,scenario_growth,progress,attainment_year,status,"
                        "realised_growth,needed_growth,shortfall,assumption,revision,"
                        "needed_growth_by_year,needed_growth_by,"
                        "probability,probability_low,probability_high,probability_by_horizon,"
                        "even_odds_year,p5_at_target_year,p50_at_target_year,p95_at_target_year,"
                        "required_driver,required_driver_growth," TS_TABLE_CSV_COLUMNS "\r\n");
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_scenario_result *r = &run->results[s];
        for (size_t i = 0; i < plan->n_indicators; i++) {
            /* A text target has a row too: the plan-table columns show it. */
            if (!r->assessments[i].has_target && !r->assessments[i].is_text)
                continue;
            target_row(run, r, i, &r->assessments[i], out);
            for (size_t k = 0; k < plan->indicators[i].n_revisions; k++)
                target_row(run, r, i, &r->revisions[i][k], out);
        }
    }
    return ts_csv_finish(out, "report.csv", err);
}

ts_status ts_report_render_paths_csv(const ts_run *run, ts_buffer *out, ts_error *err)
{
    const ts_plan *plan = run->plan;
    ts_buffer_puts(out, "scenario,indicator,year,value,kind\r\n");
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_scenario_result *r = &run->results[s];
        const ts_projection *p = r->projection;
        for (size_t i = 0; i < plan->n_indicators; i++) {
            for (size_t k = 0; k < p->n_years; k++) {
                ts_csv_text(out, r->scenario->id);
                ts_csv_next_text(out, plan->indicators[i].id);
                ts_buffer_printf(out, ",%d", p->base_year + (int)k);
                ts_csv_next_number(out, p->paths[i].values[k]);
                ts_buffer_printf(out, ",%s\r\n", ts_point_kind_name(p->paths[i].kinds[k]));
            }
        }
    }
    return ts_csv_finish(out, "paths.csv", err);
}

ts_status ts_report_render_bom(ts_buffer *out, ts_error *err)
{
    ts_buffer_puts(out, "\xEF\xBB\xBF");
    return ts_csv_finish(out, "report.csv", err);
}
