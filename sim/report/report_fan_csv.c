/* report_fan_csv.c - fan.csv: the Monte Carlo percentile bands of every
 * target, year by year, beside the scenario's own path, for fan charts. */
#include <math.h>

#include "base/buffer.h"
#include "csv.h"
#include "targetsim/report.h"

static void fan_row(const ts_scenario_result *r, const ts_indicator *ind, size_t i, size_t k,
                    ts_buffer *out)
{
    const ts_mc_target *t = &r->mc->targets[i];
    const ts_path *path = &r->projection->paths[i];
    ts_csv_text(out, r->scenario->id);
    ts_csv_next_text(out, ind->id);
    ts_buffer_printf(out, ",%d,%s", r->projection->base_year + (int)k,
                     ts_point_kind_name(path->kinds[k]));
    ts_csv_next_number(out, path->values[k]);
    for (size_t j = 0; j < TS_MC_N_PERCENTILES; j++)
        ts_csv_next_number(out, t->percentiles ? t->percentiles[k * TS_MC_N_PERCENTILES + j] : NAN);
    ts_csv_next_number(out, t->by_year[k]);
    ts_csv_end_row(out);
}

ts_status ts_report_render_fan_csv(const ts_run *run, ts_buffer *out, ts_error *err)
{
    const ts_plan *plan = run->plan;
    ts_buffer_puts(out, "scenario,indicator,year,kind,value,p5,p10,p25,p50,p75,p90,p95,"
                        "probability_attained_by\r\n");
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_scenario_result *r = &run->results[s];
        if (!r->mc)
            continue;
        for (size_t i = 0; i < plan->n_indicators; i++)
            if (r->mc->targets[i].has_target)
                for (size_t k = 0; k < r->projection->n_years; k++)
                    fan_row(r, &plan->indicators[i], i, k, out);
    }
    return ts_csv_finish(out, "fan.csv", err);
}
