/* fuzz_scenario.c - fuzz target: the scenario loader with `extends`.
 *
 * The input is up to four files separated by NUL bytes (fuzz_common.h),
 * written to a.json, b.json, c.json and d.json in a scratch folder that also
 * holds copies of the bundled scenarios (trend.json, ...) and of the CLI
 * tests' scen.json. a.json is loaded; its `extends` may name b.json, c.json,
 * d.json, a fixed copy, itself (a cycle), a missing file or anything else
 * the mutations make of it. Each input is loaded against two fixed plans:
 * the bundled Taiyuan plan (20 indicators, one derived) and the CLI tests'
 * mini plan (5 indicators), so seeds written for either get past the
 * indicator names. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const PLANS[] = {"scenarios/taiyuan-14fyp.json", "tests/cli/data/plan.json"};

static void fail(const char *why)
{
    fprintf(stderr, "fuzz_scenario: loaded scenario breaks an invariant: %s\n", why);
    abort();
}

static void check_scenario(const ts_plan *plan, const ts_scenario *sc)
{
    if (sc->n_assumptions != plan->n_indicators)
        fail("one assumption per indicator");
    if (sc->n_chain < 1 || sc->n_chain > TS_MAX_EXTENDS_DEPTH)
        fail("extends chain length outside [1, TS_MAX_EXTENDS_DEPTH]");
    for (size_t i = 0; i < sc->n_assumptions; i++) {
        const ts_assumption *as = &sc->assumptions[i];
        if (plan->indicators[i].is_derived && as->model)
            fail("a driver on a derived indicator");
        if (!plan->indicators[i].is_derived && !as->model &&
            ts_indicator_has_figures(&plan->indicators[i]))
            fail("no driver on an input with figures");
        if (!isnan(as->sd) && !(as->sd >= 0))
            fail("a negative sd");
        if (as->model && !as->model->takes_rates && (as->deflator.present || as->shock.present))
            fail("a rate adjustment on a model that takes none");
    }
    for (size_t k = 0; k < sc->n_correlations; k++) {
        const ts_correlation *c = &sc->correlations[k];
        if (c->a >= c->b || c->b >= plan->n_indicators || !(c->rho >= -1 && c->rho <= 1))
            fail("a correlation out of range");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_parts parts;
    fz_split(data, size, &parts);
    fz_write_parts(&parts, 0);
    for (size_t p = 0; p < sizeof PLANS / sizeof PLANS[0]; p++) {
        const ts_plan *plan = fz_fixed_plan(PLANS[p]);
        ts_scenario *sc = NULL;
        ts_error err;
        ts_error_clear(&err);
        ts_status st = ts_scenario_load(plan, fz_path("a.json"), &sc, &err);
        fz_check_error(st, &err);
        if ((st == TS_OK) != (sc != NULL))
            fail("status and result disagree");
        if (sc)
            check_scenario(plan, sc);
        ts_scenario_free(sc);
    }
    return 0;
}
