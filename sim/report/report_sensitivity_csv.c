/* report_sensitivity_csv.c - tornado.csv (each driver moved by one sd,
 * widest bar first) and sweep.csv (the grid of a --sweep), long tables the
 * chart module can pivot into tornado charts and heatmaps. */
#include <math.h>
#include <stdio.h>

#include "base/buffer.h"
#include "csv.h"
#include "engine/goal.h"
#include "targetsim/report.h"

/* The completion of a bar's end: "% of target" as the assessment has it. */
static double share(const ts_run *run, size_t index, double v)
{
    ts_goal g;
    ts_goal_init(&g, run->plan, index, &run->plan->indicators[index].target);
    return ts_goal_completion(&g, v);
}

static void tornado_row(const ts_run *run, const ts_scenario_result *r,
                        const ts_tornado_bar *bar, int rank, ts_buffer *out)
{
    const ts_indicator *ind = &run->plan->indicators[bar->target];
    const ts_target *tg = &ind->target;
    ts_csv_text(out, r->scenario->id);
    ts_csv_next_text(out, ind->id);
    ts_buffer_printf(out, ",%d", tg->year);
    ts_csv_next_number(out, tg->value);
    ts_csv_next_number(out, bar->base);
    ts_csv_next_text(out, run->plan->indicators[bar->assumption].id);
    ts_csv_next_text(out, r->scenario->assumptions[bar->assumption].model->name);
    ts_csv_next_number(out, bar->shift);
    ts_csv_next_text(out, bar->from_sd ? "sd" : "default");
    ts_csv_next_number(out, bar->low);
    ts_csv_next_number(out, bar->high);
    ts_csv_next_number(out, share(run, bar->target, bar->low));
    ts_csv_next_number(out, share(run, bar->target, bar->high));
    ts_csv_next_number(out, fabs(bar->high - bar->low));
    ts_buffer_printf(out, ",%d", rank);
    ts_csv_end_row(out);
}

ts_status ts_report_render_tornado_csv(const ts_run *run, ts_buffer *out, ts_error *err)
{
    ts_buffer_puts(out, "scenario,indicator,target_year,target,value_at_target_year,assumption,"
                        "driver,shift,shift_from,value_low,value_high,share_low,share_high,"
                        "swing,rank\r\n");
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_scenario_result *r = &run->results[s];
        int rank = 0;
        for (size_t b = 0; b < r->tornado->n; b++) {
            const ts_tornado_bar *bar = &r->tornado->bars[b];
            rank = b > 0 && r->tornado->bars[b - 1].target == bar->target ? rank + 1 : 1;
            tornado_row(run, r, bar, rank, out);
        }
    }
    return ts_csv_finish(out, "tornado.csv", err);
}

static void sweep_row(const ts_run *run, const ts_sweep_result *sw, size_t pt, size_t t,
                      ts_buffer *out)
{
    const ts_indicator *ind = &run->plan->indicators[sw->targets[t]];
    const ts_sweep_cell *c = &sw->cells[pt * sw->n_targets + t];
    ts_csv_text(out, run->sweep_scenario->id);
    for (size_t a = 0; a < TS_SWEEP_MAX_AXES; a++) {
        char name[160] = "";
        if (a < sw->n_axes)
            snprintf(name, sizeof name, "%s.%s", sw->axes[a].indicator, sw->axes[a].model->name);
        ts_csv_next_text(out, a < sw->n_axes ? name : NULL);
        ts_csv_next_number(out, a < sw->n_axes ? sw->x[pt * sw->n_axes + a] : NAN);
    }
    ts_csv_next_text(out, ind->id);
    ts_buffer_printf(out, ",%d", ind->target.year);
    ts_csv_next_number(out, ind->target.value);
    ts_csv_next_number(out, c->value);
    ts_csv_next_number(out, c->share);
    ts_buffer_printf(out, ",%s", isnan(c->value) ? "" : c->attained ? "true" : "false");
    ts_csv_next_year(out, c->attainment_year);
    ts_csv_next_number(out, c->probability);
    ts_csv_next_number(out, c->low);
    ts_csv_next_number(out, c->high);
    ts_csv_next_number(out, c->by_horizon);
    ts_csv_end_row(out);
}

ts_status ts_report_render_sweep_csv(const ts_run *run, ts_buffer *out, ts_error *err)
{
    const ts_sweep_result *sw = run->sweep;
    ts_buffer_puts(out, "scenario,param1,value1,param2,value2,indicator,target_year,target,"
                        "value_at_target_year,share_of_target,attained,attainment_year,"
                        "probability,probability_low,probability_high,"
                        "probability_by_horizon\r\n");
    for (size_t pt = 0; sw && pt < sw->n_points; pt++)
        for (size_t t = 0; t < sw->n_targets; t++)
            sweep_row(run, sw, pt, t, out);
    return ts_csv_finish(out, "sweep.csv", err);
}
