/* report_json.c - report.json (schema: docs/report-format.md). Undefined
 * numbers are null, never NaN; numbers round-trip to the same double. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "base/buffer.h"
#include "base/json_alloc.h"
#include "base/text.h"
#include "format.h"
#include "json_out.h"
#include "report_parts.h"
#include "targetsim/report.h"
#include "targetsim/targetsim.h"

static void add_text(cJSON *obj, const char *key, const ts_text *t)
{
    cJSON *o = cJSON_AddObjectToObject(obj, key);
    ts_jout_string(o, "zh", t->zh);
    ts_jout_string(o, "en", t->en);
}

/* What a figure object of the plan said beside the number: only the keys
 * it gave. */
static void figure_json(cJSON *o, const ts_figure *f)
{
    if (!ts_text_empty(&f->source))
        ts_jout_text(o, "source", &f->source);
    if (!ts_text_empty(&f->note))
        ts_jout_text(o, "note", &f->note);
    if (!ts_text_empty(&f->assumption))
        ts_jout_text(o, "assumption", &f->assumption);
}

static cJSON *series_json(const ts_series *s)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; i < s->n; i++) {
        cJSON *pt = ts_jout_year_entry(list, s->points[i].year);
        cJSON_AddNumberToObject(pt, "value", s->points[i].value);
        if (s->figures)
            figure_json(pt, &s->figures[i]);
    }
    return list;
}

/* The bibliography entries, in file order. */
static cJSON *bibliography_json(const ts_plan *plan)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t k = 0; k < plan->n_sources; k++) {
        const ts_source_entry *e = &plan->sources[k];
        cJSON *o = cJSON_CreateObject();
        ts_jout_string(o, "key", e->key);
        ts_jout_text(o, "title", &e->title);
        ts_jout_text(o, "publisher", &e->publisher);
        ts_jout_string(o, "date", e->date);
        ts_jout_string(o, "url", e->url);
        ts_jout_text(o, "gives", &e->gives);
        ts_jout_append(list, o);
    }
    return list;
}

static cJSON *notes_json(const ts_plan *plan)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t k = 0; k < plan->n_notes; k++) {
        cJSON *o = cJSON_CreateObject();
        ts_jout_string(o, "zh", plan->notes[k].zh);
        ts_jout_string(o, "en", plan->notes[k].en);
        ts_jout_append(list, o);
    }
    return list;
}

/* The plan's revised targets of one indicator: value, direction, year, source. */
static cJSON *plan_revisions_json(const ts_plan *plan, const ts_table *table, size_t index)
{
    const ts_indicator *ind = &plan->indicators[index];
    cJSON *list = cJSON_CreateArray();
    for (size_t k = 0; k < ind->n_revisions; k++) {
        cJSON *o = ts_report_target_json(plan, &ind->revisions[k].target);
        ts_jout_add(o, "record", ts_report_record_json(&table->revisions[index][k]));
        ts_jout_append(list, o);
    }
    return list;
}


static cJSON *plan_json(const ts_run *run)
{
    const ts_plan *plan = run->plan;
    cJSON *p = cJSON_CreateObject();
    ts_jout_string(p, "id", plan->id);
    add_text(p, "name", &plan->name);
    ts_jout_text(p, "source", &plan->source);
    ts_jout_string(p, "file", plan->file);
    cJSON_AddNumberToObject(p, "base_year", plan->base_year);
    cJSON_AddNumberToObject(p, "target_year", plan->target_year);
    cJSON_AddNumberToObject(p, "horizon", run->horizon);
    cJSON_AddNumberToObject(p, "as_of", ts_run_latest_as_of(run));
    ts_jout_year(p, "as_of_limit", run->as_of);
    ts_jout_add(p, "evaluation", ts_report_evaluation_json(run));
    ts_jout_add(p, "notes", notes_json(plan));
    ts_jout_string(p, "bibliography_file", plan->bibliography_file);
    ts_jout_add(p, "bibliography", bibliography_json(plan));
    cJSON *inds = cJSON_AddArrayToObject(p, "indicators");
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        cJSON *o = cJSON_CreateObject();
        ts_jout_string(o, "id", ind->id);
        add_text(o, "name", &ind->name);
        add_text(o, "unit", &ind->unit);
        cJSON_AddStringToObject(o, "measure", ts_measure_name(ind->measure));
        ts_jout_number(o, "baseline", ind->baseline);
        cJSON_AddNumberToObject(o, "baseline_year", ind->baseline_year);
        ts_jout_text(o, "baseline_source", &ind->baseline_figure.source);
        ts_jout_text(o, "baseline_assumption", &ind->baseline_figure.assumption);
        ts_jout_text(o, "category", &ind->category);
        ts_jout_string(o, "attribute", ts_attribute_name(ind->attribute));
        cJSON_AddBoolToObject(o, "derived", ind->is_derived);
        ts_jout_text(o, "source", &ind->source);
        ts_jout_text(o, "note", &ind->note);
        ts_jout_text(o, "assumption", &ind->assumption);
        ts_jout_add(o, "history", series_json(&ind->history));
        ts_jout_add(o, "actual", series_json(&ind->actual));
        ts_jout_add(o, "target", ts_report_target_json(plan, &ind->target));
        ts_jout_add(o, "record", ts_report_record_json(&run->table->records[i]));
        ts_jout_add(o, "revisions", plan_revisions_json(plan, run->table, i));
        ts_jout_append(inds, o);
    }
    ts_jout_add(p, "table", ts_report_table_json(run));
    return p;
}

static cJSON *path_json(const ts_projection *proj, size_t index)
{
    cJSON *list = cJSON_CreateArray();
    const ts_path *path = &proj->paths[index];
    for (size_t k = 0; k < proj->n_years; k++) {
        cJSON *pt = ts_jout_year_entry(list, proj->base_year + (int)k);
        ts_jout_number(pt, "value", path->values[k]);
        cJSON_AddStringToObject(pt, "kind", ts_point_kind_name(path->kinds[k]));
    }
    return list;
}

static cJSON *required_json(const ts_plan *plan, const ts_required_list *req)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t k = 0; k < req->n; k++) {
        cJSON *o = cJSON_CreateObject();
        ts_jout_string(o, "driver", plan->indicators[req->drivers[k].driver].id);
        ts_jout_number(o, "rate", req->drivers[k].rate);
        cJSON_AddBoolToObject(o, "implausible", ts_growth_implausible(req->drivers[k].rate));
        ts_jout_append(list, o);
    }
    return list;
}

static const char *const PERCENTILE_KEYS[TS_MC_N_PERCENTILES] = {"p5",  "p10", "p25", "p50",
                                                                 "p75", "p90", "p95"};

/* Probability by year and the percentile bands, one entry per path year. */
static void mc_series_json(cJSON *o, const ts_mc_result *mc, size_t i)
{
    const ts_mc_target *t = mc ? &mc->targets[i] : NULL;
    if (!t || !t->has_target) {
        cJSON_AddNullToObject(o, "attainment_probability");
        cJSON_AddNullToObject(o, "percentiles");
        return;
    }
    cJSON *by = cJSON_AddArrayToObject(o, "attainment_probability");
    for (size_t k = 0; k < mc->n_years; k++) {
        cJSON *pt = ts_jout_year_entry(by, mc->base_year + (int)k);
        ts_jout_number(pt, "probability", t->by_year[k]);
    }
    if (!t->percentiles) {
        cJSON_AddNullToObject(o, "percentiles");
        return;
    }
    cJSON *pc = cJSON_AddArrayToObject(o, "percentiles");
    for (size_t k = 0; k < mc->n_years; k++) {
        cJSON *pt = ts_jout_year_entry(pc, mc->base_year + (int)k);
        for (size_t j = 0; j < TS_MC_N_PERCENTILES; j++)
            ts_jout_number(pt, PERCENTILE_KEYS[j], t->percentiles[k * TS_MC_N_PERCENTILES + j]);
    }
}

static void mc_json(cJSON *o, const ts_mc_result *mc, size_t i)
{
    const ts_mc_target *t = mc ? &mc->targets[i] : NULL;
    bool on = t && t->has_target;
    ts_jout_number(o, "probability", on ? t->probability : NAN);
    ts_jout_number(o, "probability_low", on ? t->low : NAN);
    ts_jout_number(o, "probability_high", on ? t->high : NAN);
    mc_series_json(o, mc, i);
}

/* The assessment fields of one target, in report.json's order. */
static void assessment_json(cJSON *o, const ts_assessment *a)
{
    bool present = a->has_target || a->is_text;
    ts_jout_string(o, "kind", present ? ts_target_kind_name(a->kind) : NULL);
    cJSON_AddStringToObject(o, "measure", ts_measure_name(a->measure));
    ts_jout_number(o, "target", a->target);
    ts_jout_string(o, "direction", a->has_target ? ts_direction_name(a->direction) : NULL);
    ts_jout_year(o, "target_year", a->has_target ? a->target_year : 0);
    cJSON_AddNumberToObject(o, "as_of", a->as_of);
    ts_jout_number(o, "baseline", a->baseline);
    ts_jout_number(o, "value_at_as_of", a->value_at_as_of);
    ts_jout_number(o, "value_at_target_year", a->value_at_target_year);
    ts_jout_number(o, "statistic", a->statistic);
    ts_jout_number(o, "level_target", a->level_target);
    if (a->has_target)
        cJSON_AddBoolToObject(o, "attained", a->attained);
    else
        cJSON_AddNullToObject(o, "attained");
    ts_jout_number(o, "ratio", a->ratio);
    ts_jout_number(o, "required_growth", a->required_growth);
    ts_jout_number(o, "scenario_growth", a->scenario_growth);
    ts_jout_number(o, "required_rate", a->required_rate);
    /* The growth or rate needed lies beyond +-30 % a year. */
    cJSON_AddBoolToObject(o, "required_implausible", ts_required_implausible(a));
    ts_jout_number(o, "scenario_rate", a->scenario_rate);
    ts_jout_number(o, "progress", a->progress);
    ts_jout_year(o, "attainment_year", a->attainment_year);
    cJSON_AddStringToObject(o, "status", ts_verdict_name(a->status));
    cJSON_AddBoolToObject(o, "decided", a->decided);
    ts_jout_number(o, "realised_growth", a->realised_growth);
    ts_jout_number(o, "needed_growth", a->needed_growth);
    ts_jout_number(o, "shortfall", a->shortfall);
    if (a->by_year) {
        cJSON *by = cJSON_AddObjectToObject(o, "needed_growth_by");
        cJSON_AddNumberToObject(by, "year", a->by_year);
        ts_jout_number(by, "rate", a->needed_growth_by);
    } else {
        cJSON_AddNullToObject(o, "needed_growth_by");
    }
}

/* One entry per revised target: its number, source and assessment. */
static cJSON *revisions_json(const ts_plan *plan, const ts_scenario_result *r, size_t i)
{
    const ts_indicator *ind = &plan->indicators[i];
    cJSON *list = cJSON_CreateArray();
    for (size_t k = 0; k < ind->n_revisions; k++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "revision", (double)(k + 1));
        ts_jout_text(o, "source", &ind->revisions[k].target.source);
        assessment_json(o, &r->revisions[i][k]);
        ts_jout_append(list, o);
    }
    return list;
}

static cJSON *indicator_json(const ts_plan *plan, const ts_scenario_result *r, size_t i)
{
    const ts_indicator *ind = &plan->indicators[i];
    cJSON *o = cJSON_CreateObject();
    ts_jout_string(o, "id", ind->id);
    assessment_json(o, &r->assessments[i]);
    ts_jout_text(o, "assumption", &ind->assumption);
    ts_jout_add(o, "fit", ts_report_fit_json(&r->scenario->assumptions[i].fit));
    ts_jout_add(o, "revisions", revisions_json(plan, r, i));
    ts_jout_add(o, "required_driver_growth", required_json(plan, r->required[i]));
    mc_json(o, r->mc, i);
    ts_jout_add(o, "path", path_json(r->projection, i));
    return o;
}

/* The scenario's uncertainty as resolved through its extends chain. */
static cJSON *uncertainty_json(const ts_plan *plan, const ts_scenario_result *r)
{
    const ts_scenario *sc = r->scenario;
    cJSON *o = cJSON_CreateObject();
    add_text(o, "method", &sc->uncertainty_method);
    cJSON *sds = cJSON_AddArrayToObject(o, "sd");
    for (size_t i = 0; i < plan->n_indicators; i++) {
        if (!isfinite(sc->assumptions[i].sd))
            continue;
        cJSON *e = cJSON_CreateObject();
        ts_jout_string(e, "indicator", plan->indicators[i].id);
        ts_jout_number(e, "sd", sc->assumptions[i].sd);
        ts_jout_append(sds, e);
    }
    cJSON *corr = cJSON_AddArrayToObject(o, "correlation");
    for (size_t k = 0; k < sc->n_correlations; k++) {
        cJSON *e = cJSON_CreateObject();
        ts_jout_string(e, "a", plan->indicators[sc->correlations[k].a].id);
        ts_jout_string(e, "b", plan->indicators[sc->correlations[k].b].id);
        ts_jout_number(e, "rho", sc->correlations[k].rho);
        ts_jout_append(corr, e);
    }
    if (r->mc)
        cJSON_AddNumberToObject(o, "normals_per_draw", (double)r->mc->normals_per_draw);
    else
        cJSON_AddNullToObject(o, "normals_per_draw");
    return o;
}

static cJSON *scenario_json(const ts_plan *plan, const ts_scenario_result *r)
{
    const ts_scenario *sc = r->scenario;
    cJSON *o = cJSON_CreateObject();
    ts_jout_string(o, "id", sc->id);
    add_text(o, "name", &sc->name);
    add_text(o, "rationale", &sc->rationale);
    ts_jout_string(o, "file", sc->file);
    ts_jout_add(o, "uncertainty", uncertainty_json(plan, r));
    cJSON *inds = cJSON_AddArrayToObject(o, "indicators");
    for (size_t i = 0; i < plan->n_indicators; i++)
        ts_jout_append(inds, indicator_json(plan, r, i));
    return o;
}

/* How the draws were made; null without draws. Threads are left out on
 * purpose: they do not change any result, so the report does not vary
 * with them. */
static cJSON *monte_carlo_json(const ts_run *run)
{
    if (!run->mc_draws)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "draws", (double)run->mc_draws);
    cJSON_AddNumberToObject(o, "seed", (double)run->mc_seed);
    cJSON_AddNumberToObject(o, "block_draws", TS_MC_BLOCK_DRAWS);
    cJSON_AddStringToObject(o, "generator", "gsl_rng_taus2");
    cJSON_AddStringToObject(o, "normal", "gsl_ran_gaussian_ziggurat");
    cJSON_AddStringToObject(o, "interval", "wilson");
    cJSON_AddNumberToObject(o, "confidence", 0.95);
    static const int LEVELS[TS_MC_N_PERCENTILES] = {5, 10, 25, 50, 75, 90, 95};
    ts_jout_add(o, "percentiles", cJSON_CreateIntArray(LEVELS, TS_MC_N_PERCENTILES));
    return o;
}

ts_status ts_report_render_json(const ts_run *run, ts_buffer *out, ts_error *err)
{
    /* A cJSON_Add* that runs out of memory leaves its item out and the
     * rest prints fine: only the mark says the tree is not whole. */
    ts_json_alloc_begin();
    cJSON *root = cJSON_CreateObject();
    cJSON *gen = cJSON_AddObjectToObject(root, "generator");
    cJSON_AddStringToObject(gen, "name", "targetsim");
    cJSON_AddStringToObject(gen, "version", ts_version());
    ts_jout_add(root, "plan", plan_json(run));
    ts_jout_add(root, "monte_carlo", monte_carlo_json(run));
    cJSON *list = cJSON_AddArrayToObject(root, "scenarios");
    for (size_t s = 0; s < run->n_results; s++)
        ts_jout_append(list, scenario_json(run->plan, &run->results[s]));
    ts_jout_add(root, "backtest", ts_report_backtest_json(run));
    ts_jout_add(root, "comparison", ts_report_comparison_json(run));
    char *text = root && !ts_json_alloc_failed() ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (text && ts_json_alloc_failed()) {
        cJSON_free(text);
        text = NULL;
    }
    if (!text)
        return ts_error_set(err, TS_ENOMEM, "report.json", NULL, "out of memory");
    ts_buffer_puts(out, text);
    ts_buffer_puts(out, "\n");
    cJSON_free(text);
    if (out->failed)
        return ts_error_set(err, TS_ENOMEM, "report.json", NULL, "out of memory");
    return TS_OK;
}
