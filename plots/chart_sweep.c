/* chart_sweep.c - a sweep (--sweep) of the first scenario for one target:
 * "sweep-ID" shows the value in the target year as % of the target over
 * the grid, "sweepprob-ID" (with draws) the probability of attaining it.
 * Two axes make a heatmap (each cell labelled when the grid is small), one
 * axis a line. Targets the swept drivers do not move are left out: their
 * chart would be one flat colour.
 *
 * .dat columns: x1, [x2,] percent of target, probability in % (NaN without
 * draws), value in the target year. With two axes a blank line ends each
 * run of x1, so the grid reads as a matrix. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buffer.h"
#include "chart_common.h"
#include "chart_kinds.h"

/* Cells of the labelled grid at most (beyond, the numbers crowd). */
enum { LABEL_MAX_CELLS = 150 };

static size_t target_slot(const ts_sweep_result *sw, size_t index)
{
    for (size_t t = 0; t < sw->n_targets; t++)
        if (sw->targets[t] == index)
            return t;
    return SIZE_MAX;
}

/* Whether run->sweep has target `index` and its value varies over the grid
 * (a chart of one flat colour says nothing). */
static bool sweep_applies(const ts_run *run, size_t index)
{
    const ts_sweep_result *sw = run->sweep;
    size_t t = sw ? target_slot(sw, index) : SIZE_MAX;
    if (t == SIZE_MAX)
        return false;
    double first = NAN;
    for (size_t p = 0; p < sw->n_points; p++) {
        double v = sw->cells[p * sw->n_targets + t].value;
        if (!isfinite(v))
            continue;
        if (isfinite(first) && v != first)
            return true;
        first = v;
    }
    return false;
}

static void write_dat(const ts_run *run, size_t index, ts_lang lang, ts_buffer *dat,
                      double *lo, double *hi)
{
    const ts_sweep_result *sw = run->sweep;
    const ts_indicator *ind = &run->plan->indicators[index];
    size_t t = target_slot(sw, index);
    ts_buffer line = {0};
    ts_chart_dat_header(dat, run, lang);
    ts_buffer_printf(&line, "%s (%s); target %.15g in %d; scenario %s", ind->id,
                     ts_indicator_name(ind, lang), ind->target.value, ind->target.year,
                     run->sweep_scenario ? run->sweep_scenario->id : run->results[0].scenario->id);
    ts_chart_dat_comment(dat, "target", line.data);
    for (size_t a = 0; a < sw->n_axes; a++)
        ts_chart_dat_comment(dat, "axis", sw->axes[a].label);
    if (sw->has_draws) {
        line.len = 0;
        ts_buffer_printf(&line, "%zu per point", sw->draws);
        ts_chart_dat_comment(dat, "draws", line.data);
    }
    ts_buffer_free_into(&line, dat);
    ts_buffer_puts(dat, sw->n_axes == 2 ? "# columns: x1\tx2" : "# columns: x1");
    ts_buffer_puts(dat, "\tpercent_of_target\tprobability_percent\tvalue\n");
    *lo = HUGE_VAL;
    *hi = -HUGE_VAL;
    for (size_t p = 0; p < sw->n_points; p++) {
        const ts_sweep_cell *c = &sw->cells[p * sw->n_targets + t];
        if (sw->n_axes == 2 && p > 0 && p % sw->axes[1].n == 0)
            ts_buffer_puts(dat, "\n");
        ts_chart_dat_number(dat, sw->x[p * sw->n_axes]);
        for (size_t a = 1; a < sw->n_axes; a++)
            ts_chart_dat_next(dat, sw->x[p * sw->n_axes + a]);
        double pct = 100.0 * c->share;
        if (isfinite(pct)) {
            *lo = fmin(*lo, pct);
            *hi = fmax(*hi, pct);
        }
        ts_chart_dat_next(dat, pct);
        ts_chart_dat_next(dat, sw->has_draws ? 100.0 * c->probability : NAN);
        ts_chart_dat_next(dat, c->value);
        ts_buffer_puts(dat, "\n");
    }
}

/* The axis label: the driver's name and what is swept ("growth"). */
static void axis_label(const ts_run *run, size_t a, ts_lang lang, ts_tpl_vars *vars,
                       const char *key)
{
    const ts_sweep_result *sw = run->sweep;
    ts_buffer t = {0};
    const char *model = sw->axes[a].model ? sw->axes[a].model->name : "";
    const ts_chart_words *L = &ts_strings_for(lang)->chart;
    model = strcmp(model, "growth") == 0  ? L->sweep_model.growth
            : strcmp(model, "add") == 0   ? L->sweep_model.add
            : strcmp(model, "level") == 0 ? L->sweep_model.level
                                          : model;
    ts_buffer_printf(&t, "%s (%s)",
                     ts_indicator_name(&run->plan->indicators[sw->axis_index[a]], lang),
                     model);
    ts_tpl_set_text(vars, key, t.data);
    ts_buffer_free_into(&t, ts_tpl_slot(vars, key));
}

/* sweep-ID (share of the target) or sweepprob-ID (probability). */
static void write_grid(const ts_run *run, size_t index, bool probability, ts_lang lang,
                       ts_chart *chart, ts_tpl_vars *vars)
{
    const ts_chart_words *L = &ts_strings_for(lang)->chart;
    const ts_sweep_result *sw = run->sweep;
    const ts_indicator *ind = &run->plan->indicators[index];
    const ts_scenario *sc = run->sweep_scenario ? run->sweep_scenario : run->results[0].scenario;
    double lo, hi;
    write_dat(run, index, lang, &chart->dat, &lo, &hi);
    ts_tpl_set_int(vars, "N_AXES", (long)sw->n_axes);
    ts_tpl_set_int(vars, "PROBABILITY", probability);
    ts_tpl_set_int(vars, "LABELLED", sw->n_points <= LABEL_MAX_CELLS);
    ts_tpl_set_number(vars, "MIN_PERCENT", isfinite(lo) ? lo : 100);
    ts_tpl_set_number(vars, "MAX_PERCENT", isfinite(hi) ? hi : 100);
    axis_label(run, 0, lang, vars, "XLABEL");
    if (sw->n_axes == 2)
        axis_label(run, 1, lang, vars, "YLABEL");
    else
        ts_tpl_set_text(vars, "YLABEL", probability ? L->sweep_probability : L->attainment_axis);
    ts_tpl_set_text(vars, "CBLABEL", probability ? L->sweep_probability : L->attainment_axis);
    ts_tpl_set_text(vars, "TITLE", ts_indicator_name(ind, lang));
    ts_buffer *sub = ts_tpl_slot(vars, "SUBTITLE");
    if (sub) {
        ts_buffer t = {0};
        ts_buffer_printf(&t, "%s (%d)%s%s", probability ? L->sweep_probability_title
                                                        : L->sweep_title,
                         ind->target.year, L->sep_list, ts_scenario_name(sc, lang));
        ts_chart_quote_wrapped(sub, t.data, TS_CHART_TITLE_WIDTH);
        ts_buffer_free_into(&t, sub);
    }
}

/* The probability needs draws at every grid point. */
static bool sweepprob_applies(const ts_run *run, size_t index)
{
    return sweep_applies(run, index) && run->sweep->has_draws;
}

static void write_sweep(const ts_run *run, size_t index, ts_lang lang, ts_chart *chart,
                        ts_tpl_vars *vars)
{
    write_grid(run, index, false, lang, chart, vars);
}

static void write_sweepprob(const ts_run *run, size_t index, ts_lang lang, ts_chart *chart,
                            ts_tpl_vars *vars)
{
    write_grid(run, index, true, lang, chart, vars);
}

const ts_chart_kind ts_chart_kind_sweep = {
    .prefix = "sweep-", .per_indicator = true, .template_name = "sweep.gp",
    .applies = sweep_applies, .write = write_sweep,
};

const ts_chart_kind ts_chart_kind_sweepprob = {
    .prefix = "sweepprob-", .per_indicator = true, .with_previous = true,
    .template_name = "sweep.gp", .applies = sweepprob_applies, .write = write_sweepprob,
};
