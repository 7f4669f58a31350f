/* solve.c - required driver growth by Brent's method: find r such that the
 * projection core, with the driver's growth replaced by r, lands the
 * target's statistic exactly on the target in the target year (for an
 * every-year bound, the worst year's). */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "goal.h"
#include "projector.h"
#include "targetsim/solve.h"

enum { MAX_ITERATIONS = 200 };
static const double UPPER_LIMIT = 1e6;

typedef struct problem {
    const ts_projector *p;
    size_t driver;
    ts_goal goal;
    double *values;
    double stats[TS_MAX_YEAR_SPAN + 1];
} problem;

/* Relative miss s / x - 1 of the deciding statistic (or s when the target
 * is 0); NaN when the rate leaves a model's domain. */
static double miss(double r, void *params)
{
    problem *pr = params;
    const ts_goal *g = &pr->goal;
    size_t ny = pr->p->n_years;
    ts_driver_override ov = {pr->driver, &ts_model_growth, r};
    if (ts_projector_run(pr->p, &ov, 1, NULL, pr->values, NULL, NULL) != TS_OK)
        return NAN;
    const double *other = g->relative ? pr->values + g->other.index * ny : NULL;
    ts_goal_statistics(g, pr->values + g->own.index * ny, other, ny, pr->stats);
    double s = ts_goal_decisive(g, pr->stats);
    return g->x != 0 ? s / g->x - 1.0 : s;
}

/* Growth factors (1 + r + s)(1 + d) must stay positive: r > -1 - s. */
static double lowest_rate(const ts_projector *p, size_t driver, size_t last_k)
{
    double low = -1.0;
    for (size_t k = p->first[driver]; k <= last_k; k++) {
        double s = p->shock[driver * p->n_years + k];
        low = fmax(low, -1.0 - s);
    }
    return low;
}

/* A bracket [a, b] with a sign change, or false. */
static bool bracket(problem *pr, double low, double *a, double *b)
{
    static const double NUDGE[] = {1e-12, 1e-9, 1e-6, 1e-3};
    double fa = NAN;
    for (size_t i = 0; i < sizeof NUDGE / sizeof NUDGE[0] && !isfinite(fa); i++) {
        *a = low + NUDGE[i] * fmax(1.0, fabs(low));
        fa = miss(*a, pr);
    }
    if (!isfinite(fa))
        return false;
    for (*b = fmax(1.0, *a + 1.0); *b <= UPPER_LIMIT; *b = 2 * *b + 1) {
        double fb = miss(*b, pr);
        if (isfinite(fb) && (fa <= 0) != (fb <= 0))
            return true;
    }
    return false;
}

static ts_status brent(problem *pr, double a, double b, double *rate, ts_error *err)
{
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    if (!s)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    gsl_function f = {miss, pr};
    int status = gsl_root_fsolver_set(s, &f, a, b);
    for (int i = 0; status == GSL_SUCCESS && i < MAX_ITERATIONS; i++) {
        status = gsl_root_fsolver_iterate(s);
        if (status != GSL_SUCCESS)
            break;
        status = gsl_root_test_interval(gsl_root_fsolver_x_lower(s), gsl_root_fsolver_x_upper(s),
                                        1e-15, 1e-14);
        if (status == GSL_SUCCESS)
            break;
        if (status == GSL_CONTINUE)
            status = GSL_SUCCESS;
    }
    double root = gsl_root_fsolver_root(s);
    gsl_root_fsolver_free(s);
    if (status != GSL_SUCCESS)
        return ts_error_set(err, TS_EINTERNAL, NULL, NULL,
                            "Brent's method failed for the growth of \"%s\": %s",
                            pr->p->plan->indicators[pr->driver].id, gsl_strerror(status));
    *rate = root;
    return TS_OK;
}

/* The required growth r of `driver` for `target` (ts_required_driver); *rate
 * is NaN, and the call succeeds, when none exists, `target` has no target
 * or the driver is not growth-driven. */
static ts_status solve_driver_growth(const ts_projector *p, size_t target, size_t driver,
                                     double *rate, ts_error *err)
{
    *rate = NAN;
    const ts_target *tg = &p->plan->indicators[target].target;
    if (!tg->present || tg->kind == TS_TARGET_TEXT ||
        p->scenario->assumptions[driver].model != &ts_model_growth)
        return TS_OK;
    size_t year_k = (size_t)(tg->year - p->base_year);
    size_t first = p->first[target];
    if (tg->relative_to >= 0 && p->first[tg->relative_to] < first)
        first = p->first[tg->relative_to];
    if (year_k < first || year_k < p->first[driver])
        return TS_OK; /* the target year is observed: no rate changes it */
    problem *pr = calloc(1, sizeof *pr);
    if (!pr || !(pr->values = malloc(p->n_ind * p->n_years * sizeof *pr->values))) {
        free(pr);
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    }
    pr->p = p;
    pr->driver = driver;
    ts_goal_init(&pr->goal, p->plan, target, tg);
    ts_projector_init_values(p, pr->values);
    double a = 0, b = 0;
    ts_status st = TS_OK;
    if (bracket(pr, lowest_rate(p, driver, year_k), &a, &b))
        st = brent(pr, a, b, rate, err);
    free(pr->values);
    free(pr);
    return st;
}

/* Marks every indicator `i` depends on (itself included). */
static void mark_inputs(const ts_plan *plan, size_t i, bool *used)
{
    if (used[i])
        return;
    used[i] = true;
    const ts_indicator *ind = &plan->indicators[i];
    if (ind->is_derived)
        for (size_t f = 0; f < ind->derived.n; f++)
            mark_inputs(plan, ind->derived.inputs[f], used);
}

void ts_required_list_free(ts_required_list *list)
{
    if (!list)
        return;
    free(list->drivers);
    free(list);
}

ts_status ts_required_list_create(const ts_projector *p, size_t target, ts_required_list **out,
                                  ts_error *err)
{
    *out = NULL;
    bool used[TS_MAX_INDICATORS] = {false};
    mark_inputs(p->plan, target, used);
    /* A relative target moves with the other indicator's drivers too. */
    long other = p->plan->indicators[target].target.relative_to;
    if (other >= 0)
        mark_inputs(p->plan, (size_t)other, used);
    size_t count = 0;
    for (size_t i = 0; i < p->n_ind; i++)
        count += used[i] && p->scenario->assumptions[i].model == &ts_model_growth;
    const ts_target *tg = &p->plan->indicators[target].target;
    if (!tg->present || tg->kind == TS_TARGET_TEXT)
        count = 0;
    ts_required_list *list = calloc(1, sizeof *list);
    if (!list || (count && !(list->drivers = calloc(count, sizeof *list->drivers)))) {
        ts_required_list_free(list);
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    }
    ts_status st = TS_OK;
    for (size_t i = 0; i < p->n_ind && list->n < count && st == TS_OK; i++) {
        if (!used[i] || p->scenario->assumptions[i].model != &ts_model_growth)
            continue;
        list->drivers[list->n].driver = i;
        st = solve_driver_growth(p, target, i, &list->drivers[list->n].rate, err);
        list->n++;
    }
    if (st != TS_OK) {
        ts_required_list_free(list);
        return st;
    }
    *out = list;
    return TS_OK;
}

bool ts_growth_implausible(double rate)
{
    /* A slack so a rate printed as 30.0% is not marked. */
    return isfinite(rate) && fabs(rate) > TS_PLAUSIBLE_GROWTH + 1e-12;
}
