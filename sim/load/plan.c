/* plan.c - loading and validating a plan file (docs/input-format.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_in.h"
#include "paths.h"
#include "targetsim/model.h"
#include "targetsim/plan.h"
#include "targetsim/targetsim.h"

enum { DEFAULT_HORIZON = 2035 };

/* Each direction's name in the files and report.json, and its sign in
 * plain text (report.txt, .dat comments) and typeset (charts, report.html). */
static const struct {
    const char *name, *ascii, *unicode;
} DIRECTIONS[] = {
    [TS_AT_LEAST] = {"at_least", ">=", "≥"},
    [TS_ABOVE] = {"above", ">", ">"},
    [TS_AT_MOST] = {"at_most", "<=", "≤"},
    [TS_BELOW] = {"below", "<", "<"},
};

static bool direction_known(ts_direction direction)
{
    return (unsigned)direction < sizeof DIRECTIONS / sizeof DIRECTIONS[0];
}

const char *ts_direction_name(ts_direction direction)
{
    return direction_known(direction) ? DIRECTIONS[direction].name : "?";
}

const char *ts_direction_symbol(ts_direction direction, ts_symbol_style style)
{
    if (!direction_known(direction))
        return "?";
    return style == TS_SYMBOL_UNICODE ? DIRECTIONS[direction].unicode : DIRECTIONS[direction].ascii;
}

bool ts_direction_met(ts_direction direction, double value, double target)
{
    switch (direction) {
    case TS_AT_LEAST: return value >= target;
    case TS_ABOVE: return value > target;
    case TS_AT_MOST: return value <= target;
    case TS_BELOW: return value < target;
    }
    return false;
}

static void indicator_free(ts_indicator *ind)
{
    free(ind->id);
    ts_text_free(&ind->name);
    ts_text_free(&ind->unit);
    ts_series_free(&ind->history);
    ts_series_free(&ind->actual);
    free(ind->source);
    free(ind->note);
    free(ind->assumption);
    free(ind->derived.inputs);
    free(ind->derived.powers);
    for (size_t k = 0; k < ind->n_revisions; k++)
        free(ind->revisions[k].source);
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
    free(plan->file);
    free(plan->id);
    ts_text_free(&plan->name);
    free(plan->source);
    free(plan);
}

long ts_plan_find(const ts_plan *plan, const char *id)
{
    for (size_t i = 0; i < plan->n_indicators; i++)
        if (strcmp(plan->indicators[i].id, id) == 0)
            return (long)i;
    return -1;
}

bool ts_plan_has_targets(const ts_plan *plan)
{
    for (size_t i = 0; i < plan->n_indicators; i++)
        if (plan->indicators[i].target.present)
            return true;
    return false;
}

int ts_plan_last_target_year(const ts_plan *plan)
{
    int last = plan->target_year;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        if (ind->target.present && ind->target.year > last)
            last = ind->target.year;
        for (size_t k = 0; k < ind->n_revisions; k++)
            if (ind->revisions[k].target.year > last)
                last = ind->revisions[k].target.year;
    }
    return last;
}

/* Parsing context: the plan under construction and where it came from. */
typedef struct loader {
    ts_plan *plan;
    const char *file;
    ts_error *err;
} loader;

/* Free text (source, note, assumption), when the key is there. */
static ts_status optional_string(const cJSON *obj, const char *key, const loader *ld,
                                 const char *path, char **out)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!item)
        return TS_OK;
    char sub[TS_ERROR_PATH_MAX];
    ts_json_join(sub, sizeof sub, path, key);
    return ts_json_free_text(item, ld->file, sub, out, ld->err);
}

static ts_status optional_text(const cJSON *obj, const char *key, const loader *ld,
                               const char *path, ts_text *out)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!item)
        return TS_OK;
    char sub[TS_ERROR_PATH_MAX];
    ts_json_join(sub, sizeof sub, path, key);
    return ts_json_text(item, ld->file, sub, out, ld->err);
}

/* A target object; `keys` lists the keys it may have. target->direction is
 * kept when the object gives none. */
static ts_status parse_target(const cJSON *item, const loader *ld, const char *path,
                              const char *const *keys, ts_target *target)
{
    ts_status st = ts_json_check_object(item, keys, ld->file, path, ld->err);
    if (st != TS_OK)
        return st;
    char sub[TS_ERROR_PATH_MAX];
    ts_json_join(sub, sizeof sub, path, "value");
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(item, "value");
    if (!value)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub, "missing (the target value)");
    if ((st = ts_json_number(value, ld->file, sub, &target->value, ld->err)) != TS_OK)
        return st;
    ts_json_join(sub, sizeof sub, path, "direction");
    const cJSON *dir = cJSON_GetObjectItemCaseSensitive(item, "direction");
    if (dir) {
        bool found = false;
        for (int d = 0; direction_known((ts_direction)d) && cJSON_IsString(dir); d++) {
            if (strcmp(dir->valuestring, DIRECTIONS[d].name) == 0) {
                target->direction = (ts_direction)d;
                found = true;
            }
        }
        if (!found) {
            char got[64];
            ts_json_describe(dir, got, sizeof got);
            return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                                "expected one of at_least, above, at_most, below, got %s", got);
        }
    }
    target->present = true;
    return TS_OK;
}

/* One revision: a target object with its own "year"; the direction
 * defaults to the primary target's. */
static ts_status parse_revision(const cJSON *item, const loader *ld, const char *path,
                                const ts_indicator *ind, ts_revision *rev)
{
    static const char *const keys[] = {"value", "direction", "year", "source", "note", NULL};
    const ts_plan *plan = ld->plan;
    char sub[TS_ERROR_PATH_MAX];
    rev->target.direction = ind->target.direction;
    ts_status st = parse_target(item, ld, path, keys, &rev->target);
    if (st != TS_OK || (st = optional_string(item, "source", ld, path, &rev->source)) != TS_OK)
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
    if (!ind->target.present)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                            "revisions revise the indicator's target; give \"target\" too");
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

static ts_status parse_indicator(const cJSON *item, const loader *ld, ts_indicator *ind)
{
    static const char *const keys[] = {"name",   "unit",   "baseline", "target",
                                       "target_year", "history", "actual", "source",
                                       "note",   "assumption", "derived", "revisions", NULL};
    ts_plan *plan = ld->plan;
    char path[TS_ERROR_PATH_MAX], sub[TS_ERROR_PATH_MAX];
    ts_json_join(path, sizeof path, "indicators", item->string);
    ts_status st = ts_json_check_object(item, keys, ld->file, path, ld->err);
    if (st != TS_OK)
        return st;
    if ((st = optional_text(item, "name", ld, path, &ind->name)) != TS_OK ||
        (st = optional_text(item, "unit", ld, path, &ind->unit)) != TS_OK ||
        (st = optional_string(item, "source", ld, path, &ind->source)) != TS_OK ||
        (st = optional_string(item, "note", ld, path, &ind->note)) != TS_OK ||
        (st = optional_string(item, "assumption", ld, path, &ind->assumption)) != TS_OK)
        return st;
    const cJSON *derived = cJSON_GetObjectItemCaseSensitive(item, "derived");
    const cJSON *baseline = cJSON_GetObjectItemCaseSensitive(item, "baseline");
    const cJSON *history = cJSON_GetObjectItemCaseSensitive(item, "history");
    const cJSON *actual = cJSON_GetObjectItemCaseSensitive(item, "actual");
    if (derived) {
        /* A derived indicator's figures all come from its inputs; a second,
         * independent set would contradict them. */
        const char *clash = baseline ? "baseline" : history ? "history" : actual ? "actual" : NULL;
        if (clash) {
            ts_json_join(sub, sizeof sub, path, clash);
            return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                                "a derived indicator takes its %s from its inputs; remove it",
                                clash);
        }
        ts_json_join(sub, sizeof sub, path, "derived");
        if ((st = parse_derived(derived, ld, sub, ind)) != TS_OK)
            return st;
    } else {
        ts_json_join(sub, sizeof sub, path, "baseline");
        if (!baseline)
            return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                                "missing (the value in base year %d)", plan->base_year);
        if ((st = ts_json_number(baseline, ld->file, sub, &ind->baseline, ld->err)) != TS_OK)
            return st;
        if (history) {
            ts_json_join(sub, sizeof sub, path, "history");
            if ((st = ts_json_series(history, ld->file, sub, TS_MIN_YEAR, plan->base_year - 1,
                                     &ind->history, ld->err)) != TS_OK)
                return st;
        }
        if (actual) {
            ts_json_join(sub, sizeof sub, path, "actual");
            if ((st = ts_json_series(actual, ld->file, sub, plan->base_year + 1, plan->horizon,
                                     &ind->actual, ld->err)) != TS_OK)
                return st;
        }
    }
    ind->target.year = plan->target_year;
    const cJSON *tyear = cJSON_GetObjectItemCaseSensitive(item, "target_year");
    if (tyear) {
        ts_json_join(sub, sizeof sub, path, "target_year");
        if ((st = ts_json_year_value(tyear, ld->file, sub, &ind->target.year, ld->err)) != TS_OK)
            return st;
        if (ind->target.year <= plan->base_year || ind->target.year > plan->horizon)
            return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                                "target year %d is outside [%d, %d] (after the base year, "
                                "not after the horizon)",
                                ind->target.year, plan->base_year + 1, plan->horizon);
    }
    static const char *const target_keys[] = {"value", "direction", "source", "note", NULL};
    const cJSON *target = cJSON_GetObjectItemCaseSensitive(item, "target");
    ind->target.direction = TS_AT_LEAST;
    if (target) {
        ts_json_join(sub, sizeof sub, path, "target");
        if ((st = parse_target(target, ld, sub, target_keys, &ind->target)) != TS_OK)
            return st;
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

/* Derived baselines, in evaluation order so inputs are known first. */
static ts_status derive_baselines(const loader *ld)
{
    ts_plan *plan = ld->plan;
    for (size_t k = 0; k < plan->n_indicators; k++) {
        ts_indicator *ind = &plan->indicators[plan->order[k]];
        if (!ind->is_derived)
            continue;
        double in[TS_MAX_FACTORS];
        for (size_t f = 0; f < ind->derived.n; f++)
            in[f] = plan->indicators[ind->derived.inputs[f]].baseline;
        ind->baseline = ts_model_derived_value(ind->derived.scale, ind->derived.n, in,
                                               ind->derived.powers);
        if (!isfinite(ind->baseline)) {
            char path[TS_ERROR_PATH_MAX];
            snprintf(path, sizeof path, "indicators.%s.derived", ind->id);
            return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                                "the derived baseline is undefined: an input is zero or "
                                "negative under a fractional or negative power");
        }
    }
    return TS_OK;
}

static ts_status parse_header(const cJSON *root, const loader *ld)
{
    static const char *const keys[] = {"id",      "name",       "source",  "note", "base_year",
                                       "target_year", "horizon", "scenarios", "indicators",
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
        (st = optional_text(root, "name", ld, "", &plan->name)) != TS_OK ||
        (st = optional_string(root, "source", ld, "", &plan->source)) != TS_OK)
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
        (st = derive_baselines(&ld)) != TS_OK)
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
