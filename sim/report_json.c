/* report_json.c - report.json (schema: docs/report-format.md). Undefined
 * numbers are null, never NaN; numbers round-trip to the same double. */
#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "buffer.h"
#include "report_parts.h"
#include "targetsim/report.h"
#include "targetsim/targetsim.h"

/* cJSON returns NULL on allocation failure; every add below tolerates a NULL
 * parent, and the final print fails, which is reported once as ENOMEM. */
static void add_number(cJSON *obj, const char *key, double v)
{
    if (isfinite(v))
        cJSON_AddNumberToObject(obj, key, v);
    else
        cJSON_AddNullToObject(obj, key);
}

static void add_string(cJSON *obj, const char *key, const char *s)
{
    if (s)
        cJSON_AddStringToObject(obj, key, s);
    else
        cJSON_AddNullToObject(obj, key);
}

static void add_year(cJSON *obj, const char *key, int year)
{
    if (year)
        cJSON_AddNumberToObject(obj, key, year);
    else
        cJSON_AddNullToObject(obj, key);
}

static void add_text(cJSON *obj, const char *key, const ts_text *t)
{
    cJSON *o = cJSON_AddObjectToObject(obj, key);
    add_string(o, "zh", t->zh);
    add_string(o, "en", t->en);
}

static cJSON *series_json(const ts_series *s)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; i < s->n; i++) {
        cJSON *pt = cJSON_CreateObject();
        cJSON_AddNumberToObject(pt, "year", s->points[i].year);
        cJSON_AddNumberToObject(pt, "value", s->points[i].value);
        cJSON_AddItemToArray(list, pt);
    }
    return list;
}

/* The plan's revised targets of one indicator: value, direction, year, source. */
static cJSON *plan_revisions_json(const ts_indicator *ind)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t k = 0; k < ind->n_revisions; k++) {
        const ts_revision *rev = &ind->revisions[k];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "value", rev->target.value);
        cJSON_AddStringToObject(o, "direction", ts_direction_name(rev->target.direction));
        cJSON_AddNumberToObject(o, "year", rev->target.year);
        add_string(o, "source", rev->source);
        cJSON_AddItemToArray(list, o);
    }
    return list;
}

static int latest_as_of(const ts_run *run)
{
    int latest = run->plan->base_year;
    for (size_t s = 0; s < run->n_results; s++)
        for (size_t i = 0; i < run->plan->n_indicators; i++)
            if (run->results[s].projection->paths[i].as_of > latest)
                latest = run->results[s].projection->paths[i].as_of;
    return latest;
}

static cJSON *plan_json(const ts_run *run)
{
    const ts_plan *plan = run->plan;
    cJSON *p = cJSON_CreateObject();
    add_string(p, "id", plan->id);
    add_text(p, "name", &plan->name);
    add_string(p, "source", plan->source);
    add_string(p, "file", plan->file);
    cJSON_AddNumberToObject(p, "base_year", plan->base_year);
    cJSON_AddNumberToObject(p, "target_year", plan->target_year);
    cJSON_AddNumberToObject(p, "horizon", run->horizon);
    cJSON_AddNumberToObject(p, "as_of", latest_as_of(run));
    add_year(p, "as_of_limit", run->as_of);
    cJSON *inds = cJSON_AddArrayToObject(p, "indicators");
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        cJSON *o = cJSON_CreateObject();
        add_string(o, "id", ind->id);
        add_text(o, "name", &ind->name);
        add_text(o, "unit", &ind->unit);
        add_number(o, "baseline", ind->baseline);
        cJSON_AddBoolToObject(o, "derived", ind->is_derived);
        add_string(o, "source", ind->source);
        add_string(o, "note", ind->note);
        add_string(o, "assumption", ind->assumption);
        cJSON_AddItemToObject(o, "history", series_json(&ind->history));
        cJSON_AddItemToObject(o, "actual", series_json(&ind->actual));
        cJSON_AddItemToObject(o, "revisions", plan_revisions_json(ind));
        cJSON_AddItemToArray(inds, o);
    }
    return p;
}

static cJSON *path_json(const ts_projection *proj, size_t index)
{
    cJSON *list = cJSON_CreateArray();
    const ts_path *path = &proj->paths[index];
    for (size_t k = 0; k < proj->n_years; k++) {
        cJSON *pt = cJSON_CreateObject();
        cJSON_AddNumberToObject(pt, "year", proj->base_year + (int)k);
        add_number(pt, "value", path->values[k]);
        cJSON_AddStringToObject(pt, "kind", ts_point_kind_name(path->kinds[k]));
        cJSON_AddItemToArray(list, pt);
    }
    return list;
}

/* The assessment fields of one target, in report.json's order. */
static void assessment_json(cJSON *o, const ts_assessment *a)
{
    add_number(o, "target", a->target);
    add_string(o, "direction", a->has_target ? ts_direction_name(a->direction) : NULL);
    add_year(o, "target_year", a->has_target ? a->target_year : 0);
    cJSON_AddNumberToObject(o, "as_of", a->as_of);
    add_number(o, "baseline", a->baseline);
    add_number(o, "value_at_as_of", a->value_at_as_of);
    add_number(o, "value_at_target_year", a->value_at_target_year);
    if (a->has_target)
        cJSON_AddBoolToObject(o, "attained", a->attained);
    else
        cJSON_AddNullToObject(o, "attained");
    add_number(o, "ratio", a->ratio);
    add_number(o, "required_growth", a->required_growth);
    add_number(o, "scenario_growth", a->scenario_growth);
    add_number(o, "progress", a->progress);
    add_year(o, "attainment_year", a->attainment_year);
    cJSON_AddStringToObject(o, "status", ts_verdict_name(a->status));
    add_number(o, "realised_growth", a->realised_growth);
    add_number(o, "needed_growth", a->needed_growth);
    add_number(o, "shortfall", a->shortfall);
    if (a->by_year) {
        cJSON *by = cJSON_AddObjectToObject(o, "needed_growth_by");
        cJSON_AddNumberToObject(by, "year", a->by_year);
        add_number(by, "rate", a->needed_growth_by);
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
        add_string(o, "source", ind->revisions[k].source);
        assessment_json(o, &r->revisions[i][k]);
        cJSON_AddItemToArray(list, o);
    }
    return list;
}

static cJSON *indicator_json(const ts_plan *plan, const ts_scenario_result *r, size_t i)
{
    const ts_indicator *ind = &plan->indicators[i];
    cJSON *o = cJSON_CreateObject();
    add_string(o, "id", ind->id);
    assessment_json(o, &r->assessments[i]);
    add_string(o, "assumption", ind->assumption);
    cJSON_AddItemToObject(o, "fit", ts_report_fit_json(&r->scenario->assumptions[i].fit));
    cJSON_AddItemToObject(o, "revisions", revisions_json(plan, r, i));
    cJSON_AddItemToObject(o, "path", path_json(r->projection, i));
    return o;
}

static cJSON *scenario_json(const ts_plan *plan, const ts_scenario_result *r)
{
    const ts_scenario *sc = r->scenario;
    cJSON *o = cJSON_CreateObject();
    add_string(o, "id", sc->id);
    add_text(o, "name", &sc->name);
    add_text(o, "rationale", &sc->rationale);
    add_string(o, "file", sc->file);
    cJSON *inds = cJSON_AddArrayToObject(o, "indicators");
    for (size_t i = 0; i < plan->n_indicators; i++)
        cJSON_AddItemToArray(inds, indicator_json(plan, r, i));
    return o;
}

ts_status ts_report_render_json(const ts_run *run, ts_buffer *out, ts_error *err)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *gen = cJSON_AddObjectToObject(root, "generator");
    cJSON_AddStringToObject(gen, "name", "targetsim");
    cJSON_AddStringToObject(gen, "version", ts_version());
    cJSON_AddItemToObject(root, "plan", plan_json(run));
    cJSON *list = cJSON_AddArrayToObject(root, "scenarios");
    for (size_t s = 0; s < run->n_results; s++)
        cJSON_AddItemToArray(list, scenario_json(run->plan, &run->results[s]));
    cJSON_AddItemToObject(root, "backtest", ts_report_backtest_json(run));
    cJSON_AddItemToObject(root, "comparison", ts_report_comparison_json(run));
    char *text = root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return ts_error_set(err, TS_ENOMEM, "report.json", NULL, "out of memory");
    ts_buffer_puts(out, text);
    ts_buffer_puts(out, "\n");
    cJSON_free(text);
    if (out->failed)
        return ts_error_set(err, TS_ENOMEM, "report.json", NULL, "out of memory");
    return TS_OK;
}
