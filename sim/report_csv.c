/* report_csv.c - report.csv (one row per scenario x target, revised targets
 * included) and paths.csv (one row per scenario x indicator x year). RFC 4180
 * quoting, plain numbers (no thousands separators), empty cells for
 * undefined values. */
#include <math.h>
#include <string.h>

#include "buffer.h"
#include "targetsim/report.h"

static void put_text(ts_buffer *b, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        ts_buffer_puts(b, s);
        return;
    }
    ts_buffer_puts(b, "\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            ts_buffer_puts(b, "\"\"");
        else
            ts_buffer_append(b, p, 1);
    }
    ts_buffer_puts(b, "\"");
}

static void put_number(ts_buffer *b, double v)
{
    if (isfinite(v))
        ts_buffer_printf(b, "%.15g", v);
}

static void put_year(ts_buffer *b, int year)
{
    if (year)
        ts_buffer_printf(b, "%d", year);
}

static ts_status finish(ts_buffer *out, const char *name, ts_error *err)
{
    if (out->failed)
        return ts_error_set(err, TS_ENOMEM, name, NULL, "out of memory");
    return TS_OK;
}

/* One row: a target (the indicator's own or a revision) in one scenario. */
static void target_row(ts_buffer *out, const ts_scenario_result *r, const ts_indicator *ind,
                       const ts_assessment *a)
{
    put_text(out, r->scenario->id);
    ts_buffer_puts(out, ",");
    put_text(out, ind->id);
    ts_buffer_puts(out, ",");
    put_text(out, ind->name.en);
    ts_buffer_puts(out, ",");
    put_text(out, ind->name.zh);
    ts_buffer_puts(out, ",");
    put_text(out, ind->unit.en);
    ts_buffer_puts(out, ",");
    put_text(out, ind->unit.zh);
    ts_buffer_puts(out, ",");
    put_number(out, a->target);
    ts_buffer_printf(out, ",%s,%d,%d,", ts_direction_name(a->direction), a->target_year,
                     a->as_of);
    put_number(out, a->baseline);
    ts_buffer_puts(out, ",");
    put_number(out, a->value_at_as_of);
    ts_buffer_puts(out, ",");
    put_number(out, a->value_at_target_year);
    ts_buffer_printf(out, ",%s,", a->attained ? "true" : "false");
    put_number(out, a->ratio);
    ts_buffer_puts(out, ",");
    put_number(out, a->required_growth);
    ts_buffer_puts(out, ",");
    put_number(out, a->scenario_growth);
    ts_buffer_puts(out, ",");
    put_number(out, a->progress);
    ts_buffer_puts(out, ",");
    put_year(out, a->attainment_year);
    ts_buffer_printf(out, ",%s,", ts_verdict_name(a->status));
    put_number(out, a->realised_growth);
    ts_buffer_puts(out, ",");
    put_number(out, a->needed_growth);
    ts_buffer_puts(out, ",");
    put_number(out, a->shortfall);
    ts_buffer_puts(out, ",");
    put_text(out, ind->assumption);
    ts_buffer_printf(out, ",%d,", a->revision);
    put_year(out, a->by_year);
    ts_buffer_puts(out, ",");
    put_number(out, a->needed_growth_by);
    ts_buffer_puts(out, "\r\n");
}

ts_status ts_report_render_csv(const ts_run *run, ts_buffer *out, ts_error *err)
{
    const ts_plan *plan = run->plan;
    ts_buffer_puts(out, "scenario,indicator,name_en,name_zh,unit_en,unit_zh,target,direction,target_year,"
                        "as_of,baseline,value_at_as_of,value_at_target_year,attained,ratio,"
                        "required_growth,scenario_growth,progress,attainment_year,status,"
                        "realised_growth,needed_growth,shortfall,assumption,revision,"
                        "needed_growth_by_year,needed_growth_by\r\n");
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_scenario_result *r = &run->results[s];
        for (size_t i = 0; i < plan->n_indicators; i++) {
            const ts_indicator *ind = &plan->indicators[i];
            if (!r->assessments[i].has_target)
                continue;
            target_row(out, r, ind, &r->assessments[i]);
            for (size_t k = 0; k < ind->n_revisions; k++)
                target_row(out, r, ind, &r->revisions[i][k]);
        }
    }
    return finish(out, "report.csv", err);
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
                put_text(out, r->scenario->id);
                ts_buffer_puts(out, ",");
                put_text(out, plan->indicators[i].id);
                ts_buffer_printf(out, ",%d,", p->base_year + (int)k);
                put_number(out, p->paths[i].values[k]);
                ts_buffer_printf(out, ",%s\r\n", ts_point_kind_name(p->paths[i].kinds[k]));
            }
        }
    }
    return finish(out, "paths.csv", err);
}

ts_status ts_report_render_bom(ts_buffer *out, ts_error *err)
{
    ts_buffer_puts(out, "\xEF\xBB\xBF");
    return finish(out, "report.csv", err);
}
