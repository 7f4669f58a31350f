/* plan.c - loading and validating a plan file (docs/input-format.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_in.h"
#include "paths.h"
#include "plan_loader.h"
#include "targetsim/model.h"
#include "targetsim/plan.h"
#include "targetsim/targetsim.h"

enum { DEFAULT_HORIZON = 2035 };

static void indicator_free(ts_indicator *ind)
{
    free(ind->id);
    ts_text_free(&ind->name);
    ts_text_free(&ind->unit);
    ts_figure_free(&ind->baseline_figure);
    ts_target_free(&ind->target);
    ts_series_free(&ind->history);
    ts_series_free(&ind->actual);
    ts_text_free(&ind->category);
    ts_text_free(&ind->source);
    ts_text_free(&ind->note);
    ts_text_free(&ind->assumption);
    free(ind->derived.inputs);
    free(ind->derived.powers);
    for (size_t k = 0; k < ind->n_revisions; k++)
        ts_target_free(&ind->revisions[k].target);
    free(ind->revisions);
}

void ts_plan_free(ts_plan *plan)
{
    if (!plan)
        return;
    for (size_t i = 0; i < plan->n_indicators; i++)
        indicator_free(&plan->indicators[i]);
    free(plan->indicators);
    free(plan->order);
    for (size_t i = 0; i < plan->n_scenarios; i++)
        free(plan->scenarios[i]);
    free(plan->scenarios);
    for (size_t i = 0; i < plan->n_notes; i++)
        ts_text_free(&plan->notes[i]);
    free(plan->notes);
    for (size_t i = 0; i < plan->n_sources; i++)
        ts_source_entry_free(&plan->sources[i]);
    free(plan->sources);
    free(plan->bibliography_file);
    free(plan->file);
    free(plan->id);
    ts_text_free(&plan->name);
    ts_text_free(&plan->source);
    free(plan);
}

typedef ts_plan_loader loader;

/* obj[key], one of the n names that name(k) gives for k < n (NULL ones
 * skipped), into *out. */
static ts_status read_choice(const cJSON *obj, const char *key, const loader *ld,
                             const char *path, const char *(*name)(int), int n, int *out)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!item)
        return TS_OK;
    for (int k = 0; k < n && cJSON_IsString(item); k++) {
        if (name(k) && strcmp(item->valuestring, name(k)) == 0) {
            *out = k;
            return TS_OK;
        }
    }
    char sub[TS_ERROR_PATH_MAX], got[64], list[128] = "";
    for (int k = 0; k < n; k++)
        if (name(k))
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", *list ? ", " : "",
                     name(k));
    ts_json_join(sub, sizeof sub, path, key);
    ts_json_describe(item, got, sizeof got);
    return ts_error_set(ld->err, TS_EINPUT, ld->file, sub, "expected one of %s, got %s", list, got);
}

static const char *measure_at(int k) { return ts_measure_name((ts_measure)k); }
static const char *attribute_at(int k) { return ts_attribute_name((ts_attribute)k); }
static const char *rule_at(int k) { return ts_rule_name((ts_rule)k); }

/* One revision: a target object with its own "year"; the direction (and
 * an "about" tolerance, an every-year bound) default to the primary
 * target's. */
static ts_status parse_revision(const cJSON *item, const loader *ld, const char *path,
                                const ts_indicator *ind, ts_revision *rev)
{
    const ts_plan *plan = ld->plan;
    char sub[TS_ERROR_PATH_MAX];
    rev->target.direction = ind->target.direction;
    rev->target.tolerance = ind->target.tolerance;
    rev->target.each_year = ind->target.each_year;
    ts_status st = ts_plan_read_target(item, ld, path, ind, true, &rev->target);
    if (st != TS_OK)
        return st;
    ts_json_join(sub, sizeof sub, path, "year");
    const cJSON *year = cJSON_GetObjectItemCaseSensitive(item, "year");
    if (!year)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                            "missing (the year of the revised target)");
    if ((st = ts_json_year_value(year, ld->file, sub, &rev->target.year, ld->err)) != TS_OK)
        return st;
    if (rev->target.year <= plan->base_year || rev->target.year > plan->horizon)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                            "target year %d is outside [%d, %d] (after the base year, not "
                            "after the horizon)",
                            rev->target.year, plan->base_year + 1, plan->horizon);
    return TS_OK;
}

/* "revisions": [{"value": ..., "year": ..., ...}, ...] beside "target". */
static ts_status parse_revisions(const cJSON *list, const loader *ld, const char *path,
                                 ts_indicator *ind)
{
    if (!ind->target.present || ind->target.kind == TS_TARGET_TEXT)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                            "revisions revise the indicator's target; give a numeric "
                            "\"target\" too");
    int n = cJSON_IsArray(list) ? cJSON_GetArraySize(list) : -1;
    if (n < 1 || n > TS_MAX_REVISIONS) {
        char got[64];
        ts_json_describe(list, got, sizeof got);
        return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                            "expected a list of 1 to %d revised targets, got %s",
                            TS_MAX_REVISIONS,
                            n > TS_MAX_REVISIONS ? "a longer list" : n == 0 ? "an empty list" : got);
    }
    ind->revisions = calloc((size_t)n, sizeof *ind->revisions);
    if (!ind->revisions)
        return ts_error_set(ld->err, TS_ENOMEM, ld->file, path, "out of memory");
    for (const cJSON *item = list->child; item; item = item->next) {
        char sub[TS_ERROR_PATH_MAX];
        if (snprintf(sub, sizeof sub, "%s[%zu]", path, ind->n_revisions) >= (int)sizeof sub)
            sub[sizeof sub - 1] = '\0'; /* a cut path still points the way */
        ts_revision *rev = &ind->revisions[ind->n_revisions++];
        ts_status st = parse_revision(item, ld, sub, ind, rev);
        if (st != TS_OK)
            return st;
        for (size_t k = 0; k + 1 < ind->n_revisions; k++) {
            if (ind->revisions[k].target.year == rev->target.year) {
                char year_path[TS_ERROR_PATH_MAX];
                ts_json_join(year_path, sizeof year_path, sub, "year");
                return ts_error_set(ld->err, TS_EINPUT, ld->file, year_path,
                                    "year %d is already revised by %s[%zu]", rev->target.year,
                                    path, k);
            }
        }
    }
    return TS_OK;
}

/* Reads "derived": {"scale": s, "factors": {"id": power}}; inputs are
 * resolved to indices later, when every id is known. */
static ts_status parse_derived(const cJSON *item, const loader *ld, const char *path,
                               ts_indicator *ind)
{
    static const char *const keys[] = {"scale", "factors", NULL};
    ts_status st = ts_json_check_object(item, keys, ld->file, path, ld->err);
    if (st != TS_OK)
        return st;
    char sub[TS_ERROR_PATH_MAX];
    ind->derived.scale = 1.0;
    const cJSON *scale = cJSON_GetObjectItemCaseSensitive(item, "scale");
    if (scale) {
        ts_json_join(sub, sizeof sub, path, "scale");
        if ((st = ts_json_number(scale, ld->file, sub, &ind->derived.scale, ld->err)) != TS_OK)
            return st;
        if (ind->derived.scale == 0)
            return ts_error_set(ld->err, TS_EINPUT, ld->file, sub, "expected a non-zero scale, got 0");
    }
    ts_json_join(sub, sizeof sub, path, "factors");
    const cJSON *factors = cJSON_GetObjectItemCaseSensitive(item, "factors");
    if (!cJSON_IsObject(factors) || !factors->child) {
        char got[64];
        ts_json_describe(factors, got, sizeof got);
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                            "expected a non-empty object of indicator: power, got %s", got);
    }
    size_t n = (size_t)cJSON_GetArraySize(factors);
    if (n > TS_MAX_FACTORS)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                            "%zu factors exceed the limit of %d", n, TS_MAX_FACTORS);
    ind->derived.inputs = calloc(n, sizeof *ind->derived.inputs);
    ind->derived.powers = calloc(n, sizeof *ind->derived.powers);
    if (!ind->derived.inputs || !ind->derived.powers)
        return ts_error_set(ld->err, TS_ENOMEM, ld->file, sub, "out of memory");
    for (const cJSON *f = factors->child; f; f = f->next) {
        char fp[TS_ERROR_PATH_MAX];
        ts_json_join(fp, sizeof fp, sub, f->string);
        double power;
        if ((st = ts_json_number(f, ld->file, fp, &power, ld->err)) != TS_OK)
            return st;
        if (power == 0)
            return ts_error_set(ld->err, TS_EINPUT, ld->file, fp, "expected a non-zero power, got 0");
        long idx = ts_plan_find(ld->plan, f->string);
        if (idx < 0)
            return ts_error_set(ld->err, TS_EINPUT, ld->file, fp,
                                "unknown indicator \"%s\" (not in the plan's indicators)",
                                f->string);
        ind->derived.inputs[ind->derived.n] = (size_t)idx;
        ind->derived.powers[ind->derived.n] = power;
        ind->derived.n++;
    }
    ind->is_derived = true;
    return TS_OK;
}

/* "baseline" (a number or a figure object) and its year. */
static ts_status parse_baseline(const cJSON *item, const loader *ld, const char *path,
                                ts_indicator *ind)
{
    const ts_plan *plan = ld->plan;
    char sub[TS_ERROR_PATH_MAX];
    ind->baseline_year = plan->base_year;
    const cJSON *year = cJSON_GetObjectItemCaseSensitive(item, "baseline_year");
    if (year) {
        ts_json_join(sub, sizeof sub, path, "baseline_year");
        ts_status st = ts_json_year_value(year, ld->file, sub, &ind->baseline_year, ld->err);
        if (st != TS_OK)
            return st;
        if (ind->baseline_year > plan->base_year)
            return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                                "baseline year %d is after the base year %d: a later figure "
                                "is an \"actual\"",
                                ind->baseline_year, plan->base_year);
    }
    ind->baseline = NAN;
    const cJSON *baseline = cJSON_GetObjectItemCaseSensitive(item, "baseline");
    if (!baseline)
        return TS_OK; /* the table's "-": the targets that need one say so */
    bool described;
    ts_json_join(sub, sizeof sub, path, "baseline");
    ts_status st = ts_json_figure(baseline, ld->file, sub, &ind->baseline, &ind->baseline_figure,
                                  &described, ld->err);
    ind->has_baseline = st == TS_OK;
    return st;
}

/* A driven indicator's own figures: baseline, history, actual values. */
static ts_status parse_figures(const cJSON *item, const loader *ld, const char *path,
                               ts_indicator *ind)
{
    const ts_plan *plan = ld->plan;
    char sub[TS_ERROR_PATH_MAX];
    ts_status st = parse_baseline(item, ld, path, ind);
    if (st != TS_OK)
        return st;
    const cJSON *history = cJSON_GetObjectItemCaseSensitive(item, "history");
    const cJSON *actual = cJSON_GetObjectItemCaseSensitive(item, "actual");
    if (history) {
        ts_json_join(sub, sizeof sub, path, "history");
        if ((st = ts_json_series(history, ld->file, sub, TS_MIN_YEAR, ind->baseline_year - 1,
                                 true, &ind->history, ld->err)) != TS_OK)
            return st;
    }
    if (actual) {
        /* After a baseline from an earlier year, the base year itself can
         * be an observation (life expectancy: 2019 baseline, 2020 observed). */
        ts_json_join(sub, sizeof sub, path, "actual");
        int first = ind->baseline_year < plan->base_year ? ind->baseline_year + 1
                                                         : plan->base_year + 1;
        if ((st = ts_json_series(actual, ld->file, sub, first, plan->horizon, true, &ind->actual,
                                 ld->err)) != TS_OK)
            return st;
    }
    return TS_OK;
}

/* A derived indicator's figures all come from its inputs; a second,
 * independent set would contradict them. */
static ts_status parse_derived_figures(const cJSON *item, const loader *ld, const char *path,
                                       ts_indicator *ind)
{
    static const char *const OWN[] = {"baseline", "baseline_year", "history", "actual"};
    char sub[TS_ERROR_PATH_MAX];
    for (size_t k = 0; k < sizeof OWN / sizeof OWN[0]; k++) {
        if (!cJSON_GetObjectItemCaseSensitive(item, OWN[k]))
            continue;
        ts_json_join(sub, sizeof sub, path, OWN[k]);
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                            "a derived indicator takes its %s from its inputs; remove it",
                            OWN[k]);
    }
    ind->baseline_year = ld->plan->base_year;
    ts_json_join(sub, sizeof sub, path, "derived");
    return parse_derived(cJSON_GetObjectItemCaseSensitive(item, "derived"), ld, sub, ind);
}

/* What the table says about the row: group, binding or expected, measure. */
static ts_status parse_row(const cJSON *item, const loader *ld, const char *path,
                           ts_indicator *ind)
{
    int measure = TS_MEASURE_LEVEL, attribute = TS_ATTRIBUTE_NONE;
    ts_status st;
    if ((st = read_choice(item, "measure", ld, path, measure_at, 2, &measure)) != TS_OK ||
        (st = read_choice(item, "attribute", ld, path, attribute_at, 3, &attribute)) != TS_OK)
        return st;
    ind->measure = (ts_measure)measure;
    ind->attribute = (ts_attribute)attribute;
    if ((st = ts_json_optional_text(item, "name", ld->file, path, &ind->name, ld->err)) != TS_OK ||
        (st = ts_json_optional_text(item, "unit", ld->file, path, &ind->unit, ld->err)) != TS_OK ||
        (st = ts_json_optional_text(item, "category", ld->file, path, &ind->category, ld->err)) != TS_OK ||
        (st = ts_json_optional_text(item, "source", ld->file, path, &ind->source, ld->err)) != TS_OK ||
        (st = ts_json_optional_text(item, "note", ld->file, path, &ind->note, ld->err)) != TS_OK)
        return st;
    return ts_json_optional_text(item, "assumption", ld->file, path, &ind->assumption, ld->err);
}

static ts_status parse_target_year(const cJSON *item, const loader *ld, const char *path,
                                   ts_indicator *ind)
{
    const ts_plan *plan = ld->plan;
    ind->target.year = plan->target_year;
    const cJSON *tyear = cJSON_GetObjectItemCaseSensitive(item, "target_year");
    if (!tyear)
        return TS_OK;
    char sub[TS_ERROR_PATH_MAX];
    ts_json_join(sub, sizeof sub, path, "target_year");
    ts_status st = ts_json_year_value(tyear, ld->file, sub, &ind->target.year, ld->err);
    if (st != TS_OK)
        return st;
    if (ind->target.year <= plan->base_year || ind->target.year > plan->horizon)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                            "target year %d is outside [%d, %d] (after the base year, "
                            "not after the horizon)",
                            ind->target.year, plan->base_year + 1, plan->horizon);
    return TS_OK;
}

static ts_status parse_indicator(const cJSON *item, const loader *ld, ts_indicator *ind)
{
    static const char *const keys[] = {
        "name",   "unit",      "measure",    "baseline",   "baseline_year", "target",
        "target_year", "history", "actual",  "category",   "attribute",     "source",
        "note",   "assumption", "derived",   "revisions",  NULL};
    char path[TS_ERROR_PATH_MAX], sub[TS_ERROR_PATH_MAX];
    ts_json_join(path, sizeof path, "indicators", item->string);
    ts_status st = ts_json_check_object(item, keys, ld->file, path, ld->err);
    if (st != TS_OK || (st = parse_row(item, ld, path, ind)) != TS_OK)
        return st;
    st = cJSON_GetObjectItemCaseSensitive(item, "derived") ? parse_derived_figures(item, ld, path, ind)
                                                            : parse_figures(item, ld, path, ind);
    if (st != TS_OK || (st = parse_target_year(item, ld, path, ind)) != TS_OK)
        return st;
    ind->target.direction = TS_AT_LEAST;
    ind->target.relative_to = -1;
    const cJSON *target = cJSON_GetObjectItemCaseSensitive(item, "target");
    if (target) {
        ts_json_join(sub, sizeof sub, path, "target");
        int year = ind->target.year;
        if ((st = ts_plan_read_target(target, ld, sub, ind, false, &ind->target)) != TS_OK)
            return st;
        ind->target.year = year;
    }
    const cJSON *revisions = cJSON_GetObjectItemCaseSensitive(item, "revisions");
    if (revisions) {
        ts_json_join(sub, sizeof sub, path, "revisions");
        if ((st = parse_revisions(revisions, ld, sub, ind)) != TS_OK)
            return st;
    }
    return TS_OK;
}

/* Depth-first search for the evaluation order; a grey node reached again
 * closes a cycle, reported as the chain of ids. */
enum { WHITE, GREY, BLACK };

static ts_status visit(const loader *ld, size_t i, unsigned char *colour, size_t *stack,
                       size_t depth, size_t *order, size_t *n_order)
{
    ts_plan *plan = ld->plan;
    if (colour[i] == BLACK)
        return TS_OK;
    stack[depth] = i;
    if (colour[i] == GREY) {
        char chain[TS_ERROR_MESSAGE_MAX / 2] = "";
        size_t start = 0;
        while (stack[start] != i)
            start++;
        for (size_t k = start; k <= depth; k++) {
            size_t used = strlen(chain);
            snprintf(chain + used, sizeof chain - used, "%s%s", k > start ? " -> " : "",
                     plan->indicators[stack[k]].id);
        }
        char path[TS_ERROR_PATH_MAX];
        snprintf(path, sizeof path, "indicators.%s.derived.factors", plan->indicators[i].id);
        return ts_error_set(ld->err, TS_EINPUT, ld->file, path, "derived cycle: %s", chain);
    }
    colour[i] = GREY;
    const ts_indicator *ind = &plan->indicators[i];
    for (size_t k = 0; ind->is_derived && k < ind->derived.n; k++) {
        ts_status st = visit(ld, ind->derived.inputs[k], colour, stack, depth + 1, order, n_order);
        if (st != TS_OK)
            return st;
    }
    colour[i] = BLACK;
    order[(*n_order)++] = i;
    return TS_OK;
}

static ts_status resolve_order(const loader *ld)
{
    ts_plan *plan = ld->plan;
    size_t n = plan->n_indicators;
    unsigned char *colour = calloc(n, 1);
    size_t *stack = calloc(n + 1, sizeof *stack);
    plan->order = calloc(n, sizeof *plan->order);
    ts_status st = TS_OK;
    if (!colour || !stack || !plan->order) {
        st = ts_error_set(ld->err, TS_ENOMEM, ld->file, "indicators", "out of memory");
        goto out;
    }
    size_t n_order = 0;
    for (size_t i = 0; i < n && st == TS_OK; i++)
        st = visit(ld, i, colour, stack, 0, plan->order, &n_order);
out:
    free(colour);
    free(stack);
    return st;
}

/* Derived baselines, in evaluation order so inputs are known first. An
 * input without a baseline (the table's "-") or with one from another year
 * leaves the derived indicator without one. */
static ts_status derive_baselines(const loader *ld)
{
    ts_plan *plan = ld->plan;
    for (size_t k = 0; k < plan->n_indicators; k++) {
        ts_indicator *ind = &plan->indicators[plan->order[k]];
        if (!ind->is_derived)
            continue;
        double in[TS_MAX_FACTORS];
        bool complete = true;
        for (size_t f = 0; f < ind->derived.n; f++) {
            const ts_indicator *input = &plan->indicators[ind->derived.inputs[f]];
            in[f] = input->baseline;
            complete &= input->has_baseline && input->baseline_year == plan->base_year;
        }
        ind->baseline = NAN;
        if (!complete)
            continue;
        ind->baseline = ts_model_derived_value(ind->derived.scale, ind->derived.n, in,
                                               ind->derived.powers);
        if (!isfinite(ind->baseline)) {
            char path[TS_ERROR_PATH_MAX];
            snprintf(path, sizeof path, "indicators.%s.derived", ind->id);
            return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                                "the derived baseline is undefined: an input is zero or "
                                "negative under a fractional or negative power");
        }
        ind->has_baseline = true;
    }
    return TS_OK;
}

/* "note" (one text) and "notes" (a list): printed under the plan's table. */
static ts_status parse_notes(const cJSON *root, const loader *ld)
{
    ts_plan *plan = ld->plan;
    const cJSON *note = cJSON_GetObjectItemCaseSensitive(root, "note");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "notes");
    int n = list ? (cJSON_IsArray(list) ? cJSON_GetArraySize(list) : -1) : 0;
    if (n < 0 || n > TS_MAX_NOTES) {
        char got[64];
        ts_json_describe(list, got, sizeof got);
        return ts_error_set(ld->err, TS_EINPUT, ld->file, "notes",
                            "expected a list of at most %d texts, got %s", TS_MAX_NOTES,
                            n > TS_MAX_NOTES ? "a longer list" : got);
    }
    size_t total = (size_t)n + (note != NULL);
    if (total == 0)
        return TS_OK;
    if (!(plan->notes = calloc(total, sizeof *plan->notes)))
        return ts_error_set(ld->err, TS_ENOMEM, ld->file, "notes", "out of memory");
    ts_status st = TS_OK;
    if (note && (st = ts_json_text(note, ld->file, "note", &plan->notes[plan->n_notes++],
                                   ld->err)) != TS_OK)
        return st;
    for (const cJSON *item = list ? list->child : NULL; item; item = item->next) {
        char sub[TS_ERROR_PATH_MAX];
        snprintf(sub, sizeof sub, "notes[%zu]", plan->n_notes - (note != NULL));
        if ((st = ts_json_text(item, ld->file, sub, &plan->notes[plan->n_notes++], ld->err)) != TS_OK)
            return st;
    }
    return TS_OK;
}

/* "evaluation": {"rule": "elapsed" | "sdg", "band": [low, high]}. */
static ts_status parse_evaluation(const cJSON *root, const loader *ld)
{
    ts_evaluation *ev = &ld->plan->evaluation;
    *ev = (ts_evaluation){TS_RULE_ELAPSED, 0.9, 1.1};
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, "evaluation");
    if (!item)
        return TS_OK;
    static const char *const keys[] = {"rule", "band", NULL};
    int rule = TS_RULE_ELAPSED;
    ts_status st = ts_json_check_object(item, keys, ld->file, "evaluation", ld->err);
    if (st != TS_OK || (st = read_choice(item, "rule", ld, "evaluation", rule_at, 2, &rule)) != TS_OK)
        return st;
    ev->rule = (ts_rule)rule;
    const cJSON *band = cJSON_GetObjectItemCaseSensitive(item, "band");
    if (!band)
        return TS_OK;
    if (cJSON_IsArray(band) && cJSON_GetArraySize(band) == 2 && cJSON_IsNumber(band->child) &&
        cJSON_IsNumber(band->child->next)) {
        ev->band_low = band->child->valuedouble;
        ev->band_high = band->child->next->valuedouble;
        if (ev->band_low > 0 && ev->band_low <= 1 && ev->band_high >= 1 && isfinite(ev->band_high))
            return TS_OK;
    }
    char got[64];
    if (cJSON_IsArray(band) && cJSON_GetArraySize(band) == 2 && cJSON_IsNumber(band->child) &&
        cJSON_IsNumber(band->child->next))
        snprintf(got, sizeof got, "[%g, %g]", ev->band_low, ev->band_high);
    else
        ts_json_describe(band, got, sizeof got);
    return ts_error_set(ld->err, TS_EINPUT, ld->file, "evaluation.band",
                        "expected [low, high] with 0 < low <= 1 <= high, got %s", got);
}

static ts_status parse_header(const cJSON *root, const loader *ld)
{
    static const char *const keys[] = {"id",          "name",       "source",    "note",
                                       "notes",       "base_year",  "target_year", "horizon",
                                       "scenarios",   "indicators", "evaluation", "bibliography",
                                       NULL};
    ts_plan *plan = ld->plan;
    ts_status st = ts_json_check_object(root, keys, ld->file, "", ld->err);
    if (st != TS_OK)
        return st;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
    if (!id)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, "id", "missing (the plan's id)");
    if ((st = ts_json_string(id, ld->file, "id", &plan->id, ld->err)) != TS_OK ||
        (st = ts_json_id(plan->id, ld->file, "id", ld->err)) != TS_OK ||
        (st = ts_json_optional_text(root, "name", ld->file, "", &plan->name, ld->err)) != TS_OK ||
        (st = ts_json_optional_text(root, "source", ld->file, "", &plan->source, ld->err)) != TS_OK ||
        (st = parse_notes(root, ld)) != TS_OK || (st = parse_evaluation(root, ld)) != TS_OK)
        return st;
    const cJSON *by = cJSON_GetObjectItemCaseSensitive(root, "base_year");
    const cJSON *ty = cJSON_GetObjectItemCaseSensitive(root, "target_year");
    if (!by)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, "base_year", "missing");
    if (!ty)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, "target_year", "missing");
    if ((st = ts_json_year_value(by, ld->file, "base_year", &plan->base_year, ld->err)) != TS_OK ||
        (st = ts_json_year_value(ty, ld->file, "target_year", &plan->target_year, ld->err)) != TS_OK)
        return st;
    if (plan->target_year <= plan->base_year)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, "target_year",
                            "target year %d is not after base year %d", plan->target_year,
                            plan->base_year);
    /* Ten years past the target, but never past the last year any year
     * field may hold: a later default would project into years no input
     * or --horizon could name. */
    plan->horizon = plan->target_year + 10 > TS_MAX_YEAR ? TS_MAX_YEAR : plan->target_year + 10;
    if (plan->horizon < DEFAULT_HORIZON && DEFAULT_HORIZON - plan->base_year <= TS_MAX_YEAR_SPAN)
        plan->horizon = DEFAULT_HORIZON;
    const cJSON *hz = cJSON_GetObjectItemCaseSensitive(root, "horizon");
    if (hz && (st = ts_json_year_value(hz, ld->file, "horizon", &plan->horizon, ld->err)) != TS_OK)
        return st;
    if (plan->horizon < plan->target_year || plan->horizon - plan->base_year > TS_MAX_YEAR_SPAN)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, "horizon",
                            "horizon %d is outside [%d, %d] (not before the target year, at "
                            "most %d years after the base year)",
                            plan->horizon, plan->target_year, plan->base_year + TS_MAX_YEAR_SPAN,
                            TS_MAX_YEAR_SPAN);
    return TS_OK;
}

static ts_status parse_scenario_list(const cJSON *root, const loader *ld)
{
    ts_plan *plan = ld->plan;
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "scenarios");
    if (!list)
        return TS_OK;
    if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) > TS_MAX_SCENARIOS) {
        char got[64];
        ts_json_describe(list, got, sizeof got);
        return ts_error_set(ld->err, TS_EINPUT, ld->file, "scenarios",
                            "expected a list of at most %d scenario file names, got %s",
                            TS_MAX_SCENARIOS, cJSON_IsArray(list) ? "a longer list" : got);
    }
    size_t n = (size_t)cJSON_GetArraySize(list);
    plan->scenarios = calloc(n ? n : 1, sizeof *plan->scenarios);
    if (!plan->scenarios)
        return ts_error_set(ld->err, TS_ENOMEM, ld->file, "scenarios", "out of memory");
    for (const cJSON *item = list->child; item; item = item->next) {
        char sub[TS_ERROR_PATH_MAX];
        snprintf(sub, sizeof sub, "scenarios[%zu]", plan->n_scenarios);
        char *name = NULL;
        ts_status st = ts_json_string(item, ld->file, sub, &name, ld->err);
        if (st != TS_OK)
            return st;
        plan->scenarios[plan->n_scenarios] = ts_path_resolve(ld->file, name);
        free(name);
        if (!plan->scenarios[plan->n_scenarios])
            return ts_error_set(ld->err, TS_ENOMEM, ld->file, sub, "out of memory");
        plan->n_scenarios++;
    }
    return TS_OK;
}

static ts_status parse_indicators(const cJSON *root, const loader *ld)
{
    ts_plan *plan = ld->plan;
    const cJSON *inds = cJSON_GetObjectItemCaseSensitive(root, "indicators");
    if (!cJSON_IsObject(inds) || !inds->child) {
        char got[64];
        ts_json_describe(inds, got, sizeof got);
        return ts_error_set(ld->err, TS_EINPUT, ld->file, "indicators",
                            "expected a non-empty object of indicators, got %s", got);
    }
    size_t n = (size_t)cJSON_GetArraySize(inds);
    if (n > TS_MAX_INDICATORS)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, "indicators",
                            "%zu indicators exceed the limit of %d", n, TS_MAX_INDICATORS);
    plan->indicators = calloc(n, sizeof *plan->indicators);
    if (!plan->indicators)
        return ts_error_set(ld->err, TS_ENOMEM, ld->file, "indicators", "out of memory");
    /* Ids first, so derived factors can name indicators defined later. */
    for (const cJSON *item = inds->child; item; item = item->next) {
        char path[TS_ERROR_PATH_MAX];
        ts_json_join(path, sizeof path, "indicators", item->string);
        ts_status st = ts_json_id(item->string, ld->file, path, ld->err);
        if (st != TS_OK)
            return st;
        plan->indicators[plan->n_indicators].id = ts_strdup(item->string);
        if (!plan->indicators[plan->n_indicators].id)
            return ts_error_set(ld->err, TS_ENOMEM, ld->file, path, "out of memory");
        plan->n_indicators++;
    }
    size_t i = 0;
    for (const cJSON *item = inds->child; item; item = item->next, i++) {
        ts_status st = parse_indicator(item, ld, &plan->indicators[i]);
        if (st != TS_OK)
            return st;
    }
    return TS_OK;
}

ts_status ts_plan_parse(const char *text, size_t len, const char *name, ts_plan **out,
                        ts_error *err)
{
    ts_library_init();
    *out = NULL;
    const char *file = name ? name : "";
    cJSON *root = NULL;
    ts_status st = ts_json_parse(text, len, file, &root, err);
    if (st != TS_OK)
        return st;
    ts_plan *plan = calloc(1, sizeof *plan);
    loader ld = {plan, file, err};
    if (!plan || !(plan->file = ts_strdup(file))) {
        st = ts_error_set(err, TS_ENOMEM, file, NULL, "out of memory");
        goto out;
    }
    if ((st = parse_header(root, &ld)) != TS_OK || (st = parse_scenario_list(root, &ld)) != TS_OK ||
        (st = parse_indicators(root, &ld)) != TS_OK || (st = resolve_order(&ld)) != TS_OK ||
        (st = derive_baselines(&ld)) != TS_OK || (st = ts_plan_check_targets(&ld)) != TS_OK ||
        (st = ts_plan_read_bibliography(root, &ld)) != TS_OK ||
        (st = ts_plan_check_citations(&ld)) != TS_OK)
        goto out;
    *out = plan;
    plan = NULL;
out:
    ts_plan_free(plan);
    cJSON_Delete(root);
    return st;
}

ts_status ts_plan_load(const char *file, ts_plan **out, ts_error *err)
{
    *out = NULL;
    char *text = NULL;
    size_t len = 0;
    ts_status st = ts_json_read_file(file, &text, &len, err);
    if (st == TS_OK)
        st = ts_plan_parse(text, len, file, out, err);
    free(text);
    return st;
}
