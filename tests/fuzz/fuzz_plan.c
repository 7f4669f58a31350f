/* fuzz_plan.c - fuzz target: the plan loader on raw bytes.
 *
 * The whole input is one plan file, parsed from memory (ts_plan_parse), so
 * every byte reaches the JSON reader: BOMs, NULs, truncations, bad UTF-8.
 * A plan that loads is checked for the invariants the rest of the engine
 * relies on instead of re-checking them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *why)
{
    fprintf(stderr, "fuzz_plan: loaded plan breaks an invariant: %s\n", why);
    abort();
}

/* A target the loader accepted is one kind, scorable or not, with a
 * tolerance exactly when "about", relative to another indicator only. */
static void check_target(const ts_plan *plan, const ts_indicator *ind, const ts_target *t)
{
    if (!t->present)
        return;
    if ((unsigned)t->kind > TS_TARGET_TEXT || (unsigned)t->direction > TS_ABOUT)
        fail("a target kind or direction outside its enum");
    if (t->kind == TS_TARGET_TEXT ? !isnan(t->value) : !isfinite(t->value))
        fail("a text target with a number, or a number that is not finite");
    if ((t->direction == TS_ABOUT) != (t->tolerance > 0))
        fail("a tolerance without \"about\", or \"about\" without one");
    if (t->relative_to >= (long)plan->n_indicators ||
        (t->relative_to >= 0 && &plan->indicators[t->relative_to] == ind))
        fail("relative to an unknown indicator or to itself");
    if (t->year <= plan->base_year || t->year > plan->horizon)
        fail("a target year outside (base_year, horizon]");
}

/* Derived inputs point at indicators, and the evaluation order puts every
 * input before the indicators made from it. */
static void check_order(const ts_plan *plan)
{
    size_t n = plan->n_indicators;
    size_t *rank = calloc(n, sizeof *rank);
    if (!rank)
        return;
    for (size_t k = 0; k < n; k++) {
        if (plan->order[k] >= n)
            fail("order names no indicator");
        rank[plan->order[k]] = k + 1;
    }
    for (size_t i = 0; i < n; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        if (!rank[i])
            fail("an indicator is missing from the order");
        for (size_t f = 0; ind->is_derived && f < ind->derived.n; f++) {
            size_t in = ind->derived.inputs[f];
            if (in >= n || rank[in] >= rank[i])
                fail("a derived input is evaluated after its indicator");
        }
    }
    free(rank);
}

static void check_series(const ts_series *s, int lo, int hi)
{
    for (size_t k = 0; k < s->n; k++) {
        if (s->points[k].year < lo || s->points[k].year > hi)
            fail("a series year is out of range");
        if (k && s->points[k].year <= s->points[k - 1].year)
            fail("a series is not sorted or has a year twice");
        if (!isfinite(s->points[k].value))
            fail("a series value is not finite");
    }
}

static void check_plan(const ts_plan *plan)
{
    if (plan->n_indicators < 1 || plan->n_indicators > TS_MAX_INDICATORS)
        fail("indicator count outside [1, TS_MAX_INDICATORS]");
    if (plan->n_scenarios > TS_MAX_SCENARIOS)
        fail("more scenarios than TS_MAX_SCENARIOS");
    if (plan->base_year < TS_MIN_YEAR || plan->target_year <= plan->base_year ||
        plan->horizon < plan->target_year || plan->horizon > TS_MAX_YEAR ||
        plan->horizon - plan->base_year > TS_MAX_YEAR_SPAN)
        fail("years out of order or out of range");
    if (ts_plan_last_target_year(plan) > plan->horizon)
        fail("a target year after the horizon");
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        if (ts_plan_find(plan, ind->id) != (long)i)
            fail("indicator ids are not unique");
        if (ind->has_baseline != isfinite(ind->baseline))
            fail("a baseline is there but not finite, or finite but not there");
        if (ind->baseline_year > plan->base_year || ind->baseline_year < TS_MIN_YEAR)
            fail("a baseline year outside [TS_MIN_YEAR, base_year]");
        check_target(plan, ind, &ind->target);
        for (size_t k = 0; k < ind->n_revisions; k++)
            check_target(plan, ind, &ind->revisions[k].target);
        if (ind->is_derived && (ind->derived.n < 1 || ind->derived.n > TS_MAX_FACTORS))
            fail("factor count outside [1, TS_MAX_FACTORS]");
        check_series(&ind->history, TS_MIN_YEAR, ind->baseline_year - 1);
        check_series(&ind->actual, ind->baseline_year < plan->base_year ? ind->baseline_year + 1
                                                                        : plan->base_year + 1,
                     plan->horizon);
    }
    check_order(plan);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ts_plan *plan = NULL;
    ts_error err;
    ts_error_clear(&err);
    ts_status st = ts_plan_parse((const char *)data, size, "fuzz-plan.json", &plan, &err);
    fz_check_error(st, &err);
    if ((st == TS_OK) != (plan != NULL))
        fail("status and result disagree");
    if (plan)
        check_plan(plan);
    ts_plan_free(plan);
    return 0;
}
