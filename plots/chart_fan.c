/* chart_fan.c - the Monte Carlo fan of one target indicator (fan-ID).
 *
 * Only the first scenario gets bands (90 %: p5-p95, 50 %: p25-p75); the
 * other scenarios are drawn as their median lines. Bands of three or more
 * scenarios drawn over each other mix into brown-grey patches where no one
 * can tell which band is whose, so a reader in the mayor's office could not
 * read the spread off any of them; one fan plus the other medians shows the
 * uncertainty of the lead scenario and where the others sit relative to it.
 * The .dat still holds every scenario's percentiles for anyone re-plotting.
 *
 * .dat columns: year, observed, then per scenario p5, p25, p50, p75, p95
 * (NaN where the scenario has no Monte Carlo result). Rows run from the
 * base year to the horizon. */
#include <math.h>

#include "base/buffer.h"
#include "chart_common.h"
#include "chart_kinds.h"

/* Indices into ts_mc_percentile_levels of p5, p25, p50, p75, p95. */
static const size_t LEVELS[5] = {0, 2, 3, 4, 6};

static double percentile(const ts_scenario_result *r, size_t index, size_t k, size_t level)
{
    if (!r->mc || !r->mc->targets[index].percentiles || k >= r->mc->n_years)
        return NAN;
    return r->mc->targets[index].percentiles[k * TS_MC_N_PERCENTILES + LEVELS[level]];
}

static long write_dat(const ts_run *run, size_t index, ts_lang lang, ts_buffer *dat)
{
    const ts_projection *first = run->results[0].projection;
    int base = run->plan->base_year;
    long n_observed = 0;
    ts_buffer line = {0};
    ts_chart_dat_subject(dat, run, index, lang);
    ts_buffer_printf(&line, "%zu draws, seed %llu", run->mc_draws,
                     (unsigned long long)run->mc_seed);
    ts_chart_dat_comment(dat, "monte-carlo", line.data);
    ts_buffer_free_into(&line, dat);
    ts_buffer_puts(dat, "# columns: year\tobserved");
    for (size_t s = 0; s < run->n_results; s++) {
        const char *id = run->results[s].scenario->id;
        ts_buffer_printf(dat, "\t%s_p5\t%s_p25\t%s_p50\t%s_p75\t%s_p95", id, id, id, id, id);
    }
    ts_buffer_puts(dat, "\n");
    for (int year = base; year <= run->horizon; year++) {
        size_t k = (size_t)(year - base);
        double o = first->paths[index].kinds[k] == TS_OBSERVED ? first->paths[index].values[k]
                                                               : NAN;
        n_observed += isfinite(o);
        ts_buffer_printf(dat, "%d\t", year);
        ts_chart_dat_number(dat, o);
        for (size_t s = 0; s < run->n_results; s++)
            for (size_t j = 0; j < 5; j++)
                ts_chart_dat_next(dat, percentile(&run->results[s], index, k, j));
        ts_buffer_puts(dat, "\n");
    }
    return n_observed;
}

static void write_fan(const ts_run *run, size_t index, ts_lang lang, ts_chart *chart,
                      ts_tpl_vars *vars)
{
    const ts_chart_words *L = &ts_strings_for(lang)->chart;
    const ts_indicator *ind = &run->plan->indicators[index];
    const ts_assessment *a = &run->results[0].assessments[index];
    ts_tpl_set_int(vars, "N_OBSERVED", write_dat(run, index, lang, &chart->dat));
    ts_buffer *titles = ts_tpl_slot(vars, "SCENARIO_TITLES");
    for (size_t s = 0; titles && s < run->n_results; s++) {
        ts_buffer t = {0};
        ts_buffer_printf(&t, "%s%s%s", ts_scenario_name(run->results[s].scenario, lang),
                         L->sep_aside, L->fan_median);
        if (run->results[s].mc && run->results[s].mc->targets[index].has_target)
            ts_buffer_printf(&t, "%s%.0f%s", L->fan_probability.before,
                             100.0 * run->results[s].mc->targets[index].probability,
                             L->fan_probability.after);
        ts_tpl_array_sep(titles);
        ts_chart_quote(titles, t.data);
        ts_buffer_free_into(&t, titles);
    }
    ts_buffer *band = ts_tpl_slot(vars, "BAND90");
    ts_buffer *band50 = ts_tpl_slot(vars, "BAND50");
    if (band && band50) {
        const char *name = ts_scenario_name(run->results[0].scenario, lang);
        ts_buffer t = {0};
        ts_buffer_printf(&t, "%s%s%s", name, L->sep_colon, L->fan_band90);
        ts_chart_quote(band, t.data);
        t.len = 0;
        ts_buffer_printf(&t, "%s%s%s", name, L->sep_colon, L->fan_band50);
        ts_chart_quote(band50, t.data);
        ts_buffer_free_into(&t, band);
    }
    ts_chart_target_title(vars, run, index, a, lang, true);
    /* The fan shows values: a rate's cumulative target has no line on it. */
    ts_tpl_set_number(vars, "TARGET", ts_chart_plots_statistic(run->plan, index)
                                          ? NAN
                                          : ts_chart_target_line(run, index, a));
    ts_tpl_set_int(vars, "TARGET_YEAR", a->target_year);
    ts_tpl_set_text(vars, "TARGET_YEAR_LABEL", L->target_year);
    ts_tpl_set_text(vars, "TITLE", ts_indicator_name(ind, lang));
    ts_buffer *sub = ts_tpl_slot(vars, "SUBTITLE");
    if (sub) {
        ts_buffer t = {0};
        ts_buffer_printf(&t, "%s%s%s", L->fan_title, L->sep_list, L->fan_note);
        ts_chart_quote_wrapped(sub, t.data, TS_CHART_TITLE_WIDTH);
        ts_buffer_free_into(&t, sub);
    }
    ts_tpl_set_text(vars, "YLABEL", ts_text_get(&ind->unit, lang));
    ts_tpl_set_text(vars, "XLABEL", L->year);
    ts_tpl_set_text(vars, "L_OBSERVED", L->observed);
    ts_tpl_set_int(vars, "N_SCENARIOS", (long)run->n_results);
    ts_tpl_set_int(vars, "BASE_YEAR", run->plan->base_year);
    ts_tpl_set_int(vars, "HORIZON", run->horizon);
}

/* One per target, with draws and their percentiles (ts_mc_options), which
 * the bands need. */
static bool fan_applies(const ts_run *run, size_t index)
{
    return run->mc_draws > 0 && ts_target_scored(&run->plan->indicators[index].target) &&
           run->n_results > 0 && run->results[0].mc &&
           run->results[0].mc->targets[index].percentiles;
}

const ts_chart_kind ts_chart_kind_fan = {
    .prefix = "fan-", .per_indicator = true, .template_name = "fan.gp",
    .applies = fan_applies, .write = write_fan,
};
