/* target.c - reading a plan's targets: exactly one kind key, a direction
 * (with a tolerance for "about"), bounds that hold every year, targets
 * relative to another indicator; and the checks that need the whole plan
 * (docs/input-format.md "Targets", docs/methodology.md section 10). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_in.h"
#include "plan_loader.h"

static const char *const KIND_KEYS[] = {
    [TS_TARGET_VALUE] = "value",           [TS_TARGET_CHANGE] = "change",
    [TS_TARGET_CHANGE_PCT] = "change_pct", [TS_TARGET_GROWTH_PCT] = "growth_pct",
    [TS_TARGET_MULTIPLE] = "multiple",     [TS_TARGET_TEXT] = "text",
};
enum { N_KINDS = sizeof KIND_KEYS / sizeof KIND_KEYS[0] };

const char *ts_target_kind_name(ts_target_kind kind)
{
    return (unsigned)kind < N_KINDS ? KIND_KEYS[kind] : "?";
}

void ts_target_free(ts_target *target)
{
    ts_text_free(&target->text);
    ts_text_free(&target->as_written);
    ts_text_free(&target->source);
    ts_text_free(&target->note);
}

/* The one kind key of the object. */
static ts_status read_kind(const cJSON *item, const ts_plan_loader *ld, const char *path,
                           ts_target *target)
{
    int found = -1;
    for (int k = 0; k < (int)N_KINDS; k++) {
        if (!cJSON_GetObjectItemCaseSensitive(item, KIND_KEYS[k]))
            continue;
        if (found >= 0) {
            char sub[TS_ERROR_PATH_MAX];
            ts_json_join(sub, sizeof sub, path, KIND_KEYS[k]);
            return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                                "a target takes one kind of number, got both \"%s\" and \"%s\"",
                                KIND_KEYS[found], KIND_KEYS[k]);
        }
        found = k;
    }
    if (found < 0)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                            "missing: give one of value, change, change_pct, growth_pct, "
                            "multiple, text");
    target->kind = (ts_target_kind)found;
    char sub[TS_ERROR_PATH_MAX];
    ts_json_join(sub, sizeof sub, path, KIND_KEYS[found]);
    const cJSON *number = cJSON_GetObjectItemCaseSensitive(item, KIND_KEYS[found]);
    target->value = NAN;
    if (target->kind == TS_TARGET_TEXT)
        return ts_json_text(number, ld->file, sub, &target->text, ld->err);
    ts_status st = ts_json_number(number, ld->file, sub, &target->value, ld->err);
    if (st == TS_OK && target->kind == TS_TARGET_MULTIPLE && !(target->value > 0))
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub, "expected a multiple > 0, got %g",
                            target->value);
    return st;
}

static ts_status read_direction(const cJSON *dir, const ts_plan_loader *ld, const char *path,
                                ts_target *target)
{
    for (int d = TS_AT_LEAST; d <= TS_ABOUT && cJSON_IsString(dir); d++) {
        if (strcmp(dir->valuestring, ts_direction_name((ts_direction)d)) == 0) {
            target->direction = (ts_direction)d;
            return TS_OK;
        }
    }
    char got[64];
    ts_json_describe(dir, got, sizeof got);
    return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                        "expected one of at_least, above, at_most, below, about, got %s", got);
}

/* A qualitative target is shown, not scored: what would score it is refused. */
static ts_status refuse_for_text(const cJSON *item, const ts_plan_loader *ld, const char *path)
{
    static const char *const SCORING[] = {"direction", "tolerance", "each_year", "relative_to"};
    for (size_t k = 0; k < sizeof SCORING / sizeof SCORING[0]; k++) {
        if (!cJSON_GetObjectItemCaseSensitive(item, SCORING[k]))
            continue;
        char sub[TS_ERROR_PATH_MAX];
        ts_json_join(sub, sizeof sub, path, SCORING[k]);
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                            "a text target is shown, never scored: remove \"%s\"", SCORING[k]);
    }
    return TS_OK;
}

/* "tolerance" goes with "about" and "about" needs one. */
static ts_status read_tolerance(const cJSON *item, const ts_plan_loader *ld, const char *path,
                                ts_target *target)
{
    char sub[TS_ERROR_PATH_MAX];
    const cJSON *tol = cJSON_GetObjectItemCaseSensitive(item, "tolerance");
    if (!tol) {
        /* A revision keeps the tolerance of the "about" target it revises. */
        if (target->direction != TS_ABOUT || target->tolerance > 0)
            return TS_OK;
        ts_json_join(sub, sizeof sub, path, "direction");
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                            "\"about\" needs a \"tolerance\": how far from the target still "
                            "meets it");
    }
    ts_json_join(sub, sizeof sub, path, "tolerance");
    if (target->direction != TS_ABOUT)
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                            "a tolerance goes with \"direction\": \"about\"");
    ts_status st = ts_json_number(tol, ld->file, sub, &target->tolerance, ld->err);
    if (st == TS_OK && !(target->tolerance > 0))
        return ts_error_set(ld->err, TS_EINPUT, ld->file, sub, "expected a tolerance > 0, got %g",
                            target->tolerance);
    return st;
}

static ts_status read_bounds(const cJSON *item, const ts_plan_loader *ld, const char *path,
                             const ts_indicator *ind, ts_target *target)
{
    char sub[TS_ERROR_PATH_MAX];
    const cJSON *each = cJSON_GetObjectItemCaseSensitive(item, "each_year");
    if (each) {
        ts_json_join(sub, sizeof sub, path, "each_year");
        if (!cJSON_IsBool(each)) {
            char got[64];
            ts_json_describe(each, got, sizeof got);
            return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                                "expected true or false, got %s", got);
        }
        target->each_year = cJSON_IsTrue(each);
    }
    const cJSON *rel = cJSON_GetObjectItemCaseSensitive(item, "relative_to");
    if (!rel)
        return TS_OK;
    ts_json_join(sub, sizeof sub, path, "relative_to");
    char *id = NULL;
    ts_status st = ts_json_string(rel, ld->file, sub, &id, ld->err);
    if (st != TS_OK)
        return st;
    target->relative_to = ts_plan_find(ld->plan, id);
    if (target->relative_to < 0)
        st = ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                          "unknown indicator \"%s\" (not in the plan's indicators)", id);
    else if (&ld->plan->indicators[target->relative_to] == ind)
        st = ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                          "a target cannot be relative to its own indicator \"%s\"", id);
    free(id);
    return st;
}

ts_status ts_plan_read_target(const cJSON *item, const ts_plan_loader *ld, const char *path,
                              const ts_indicator *ind, bool revision, ts_target *target)
{
    static const char *const KEYS[] = {"value",     "change",      "change_pct", "growth_pct",
                                       "multiple",  "text",        "direction",  "tolerance",
                                       "each_year", "relative_to", "as_written", "source",
                                       "note",      "year",        NULL};
    enum { N_KEYS = sizeof KEYS / sizeof KEYS[0] };
    const char *allowed[N_KEYS];
    memcpy(allowed, KEYS, sizeof KEYS);
    if (!revision)
        allowed[N_KEYS - 2] = NULL; /* "year": only a revision has its own */
    target->relative_to = -1;
    ts_status st = ts_json_check_object(item, allowed, ld->file, path, ld->err);
    if (st != TS_OK || (st = read_kind(item, ld, path, target)) != TS_OK)
        return st;
    char sub[TS_ERROR_PATH_MAX];
    if (target->kind == TS_TARGET_TEXT) {
        if (revision) {
            ts_json_join(sub, sizeof sub, path, "text");
            return ts_error_set(ld->err, TS_EINPUT, ld->file, sub,
                                "a revision revises a number: a text target has none");
        }
        if ((st = refuse_for_text(item, ld, path)) != TS_OK)
            return st;
    }
    const cJSON *dir = cJSON_GetObjectItemCaseSensitive(item, "direction");
    ts_json_join(sub, sizeof sub, path, "direction");
    if ((dir && (st = read_direction(dir, ld, sub, target)) != TS_OK) ||
        (st = read_tolerance(item, ld, path, target)) != TS_OK)
        return st;
    if (target->direction != TS_ABOUT)
        target->tolerance = 0;
    if ((st = read_bounds(item, ld, path, ind, target)) != TS_OK ||
        (st = ts_json_optional_text(item, "as_written", ld->file, path, &target->as_written, ld->err)) != TS_OK ||
        (st = ts_json_optional_text(item, "source", ld->file, path, &target->source, ld->err)) != TS_OK ||
        (st = ts_json_optional_text(item, "note", ld->file, path, &target->note, ld->err)) != TS_OK)
        return st;
    target->present = true;
    return TS_OK;
}

/* ---- checks that need the whole plan ------------------------------------ */

/* Whether the statistic of `kind` on `ind` is measured from its baseline. */
static bool needs_baseline(const ts_indicator *ind, ts_target_kind kind)
{
    if (kind == TS_TARGET_CHANGE)
        return true;
    return ind->measure == TS_MEASURE_LEVEL &&
           (kind == TS_TARGET_CHANGE_PCT || kind == TS_TARGET_GROWTH_PCT ||
            kind == TS_TARGET_MULTIPLE);
}

static ts_status check_statistic(const ts_plan_loader *ld, const ts_indicator *ind,
                                 const ts_target *tg, const char *path, const char *whose)
{
    /* An indicator with no figure at all waits for its first ones (a plan
     * doubles something it has not published yet); one with observations
     * but no baseline has nothing to measure them from. */
    if (needs_baseline(ind, tg->kind) && !ind->has_baseline && ts_indicator_has_figures(ind))
        return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                            "a %s target is measured from the baseline, and %s has none: give "
                            "\"baseline\"",
                            ts_target_kind_name(tg->kind), whose);
    if (needs_baseline(ind, tg->kind) && ind->has_baseline && tg->kind != TS_TARGET_CHANGE &&
        !(ind->baseline > 0))
        return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                            "a %s target needs a positive baseline, and %s has %g",
                            ts_target_kind_name(tg->kind), whose, ind->baseline);
    return TS_OK;
}

/* An average over one year is that year's change. */
static ts_status check_span(const ts_plan_loader *ld, const ts_indicator *ind,
                            const ts_target *tg, const char *path)
{
    if (tg->kind != TS_TARGET_GROWTH_PCT)
        return TS_OK;
    int from = ind->measure == TS_MEASURE_RATE ? ld->plan->base_year : ind->baseline_year;
    if (tg->year - from >= 2)
        return TS_OK;
    return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                        "growth_pct is an average over years, but no year lies between %d and "
                        "the target year %d: write change_pct for a single year",
                        from, tg->year);
}

/* Following relative_to from indicator `start` must not come back to it. */
static ts_status check_cycle(const ts_plan_loader *ld, size_t start)
{
    const ts_plan *plan = ld->plan;
    long at = (long)start;
    for (size_t steps = 0; steps <= plan->n_indicators; steps++) {
        const ts_target *tg = &plan->indicators[at].target;
        if (!tg->present || tg->relative_to < 0)
            return TS_OK;
        at = tg->relative_to;
        if ((size_t)at == start)
            break;
    }
    if ((size_t)at != start)
        return TS_OK; /* a cycle further on: reported from one of its own members */
    char chain[TS_ERROR_MESSAGE_MAX / 2] = "";
    at = (long)start;
    do {
        size_t used = strlen(chain);
        snprintf(chain + used, sizeof chain - used, "%s -> ", plan->indicators[at].id);
        at = plan->indicators[at].target.relative_to;
    } while ((size_t)at != start);
    size_t used = strlen(chain);
    snprintf(chain + used, sizeof chain - used, "%s", plan->indicators[start].id);
    char path[TS_ERROR_PATH_MAX];
    snprintf(path, sizeof path, "indicators.%s.target.relative_to", plan->indicators[start].id);
    return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                        "relative targets go round in a cycle: %s", chain);
}

static ts_status check_one(const ts_plan_loader *ld, const ts_indicator *ind,
                           const ts_target *tg, const char *path)
{
    if (!tg->present || tg->kind == TS_TARGET_TEXT)
        return TS_OK;
    char sub[TS_ERROR_PATH_MAX], whose[96];
    ts_json_join(sub, sizeof sub, path, ts_target_kind_name(tg->kind));
    snprintf(whose, sizeof whose, "\"%s\"", ind->id);
    ts_status st = check_statistic(ld, ind, tg, sub, whose);
    if (st == TS_OK)
        st = check_span(ld, ind, tg, sub);
    if (st != TS_OK || tg->relative_to < 0)
        return st;
    /* The same statistic of the other indicator must exist too. */
    const ts_indicator *other = &ld->plan->indicators[tg->relative_to];
    ts_json_join(sub, sizeof sub, path, "relative_to");
    snprintf(whose, sizeof whose, "the indicator it is relative to, \"%s\",", other->id);
    if ((st = check_statistic(ld, other, tg, sub, whose)) != TS_OK)
        return st;
    return check_span(ld, other, tg, sub);
}

ts_status ts_plan_check_targets(const ts_plan_loader *ld)
{
    const ts_plan *plan = ld->plan;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        char path[TS_ERROR_PATH_MAX];
        snprintf(path, sizeof path, "indicators.%s.target", ind->id);
        ts_status st = check_one(ld, ind, &ind->target, path);
        if (st == TS_OK)
            st = check_cycle(ld, i);
        for (size_t k = 0; st == TS_OK && k < ind->n_revisions; k++) {
            snprintf(path, sizeof path, "indicators.%s.revisions[%zu]", ind->id, k);
            st = check_one(ld, ind, &ind->revisions[k].target, path);
        }
        if (st != TS_OK)
            return st;
    }
    return TS_OK;
}
