/* scenario.h - a what-if scenario: how each indicator of a plan moves.
 *
 * A scenario file may `extends` another (a path relative to itself); the
 * loader resolves the chain per key (docs/input-format.md) into one flat
 * ts_scenario with an assumption for every indicator of the plan. Everything
 * reachable from a ts_scenario is owned by it; read, do not modify.
 */
#ifndef TARGETSIM_SCENARIO_H
#define TARGETSIM_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/fit.h"
#include "targetsim/model.h"
#include "targetsim/plan.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A number for every year, or a map of years with an optional default. */
typedef struct ts_yearly {
    bool present;
    bool has_default;
    double fallback;   /* the "default" (or the single number) */
    ts_series years;   /* explicit years */
    char *file;        /* file that gave it, for messages */
    char *path;        /* its JSON path there, e.g. "assumptions.gdp.growth" */
} ts_yearly;

typedef struct ts_assumption {
    const ts_model_type *model; /* NULL only for derived indicators */
    ts_yearly driver;
    ts_yearly deflator;         /* only with model->takes_rates */
    ts_yearly shock;            /* only with model->takes_rates */
    double sd;                  /* uncertainty: sd of the driver, NaN when not given (or
                                 * the fit's growth_sd, see fit.sd_applied) */
    ts_fit fit;                 /* the driver is "growth": {"fit": [...]} when fit.present */
} ts_assumption;

typedef struct ts_correlation {
    size_t a, b; /* indicator indices, a < b */
    double rho;
} ts_correlation;

typedef struct ts_scenario {
    char *file;
    char *id;         /* [a-z0-9_-]+ */
    ts_text name;
    ts_text rationale; /* why these assumptions; members may be NULL */
    size_t n_assumptions;
    ts_assumption *assumptions; /* one per plan indicator, same index */
    size_t n_correlations;
    ts_correlation *correlations;
    size_t n_chain;
    char **chain;     /* the files read, this one first, then its ancestors */
    ts_text uncertainty_method; /* how the sds were found (uncertainty.method); may be empty */
} ts_scenario;

/* Loads `file` (a path, relative to the current folder) and its `extends`
 * ancestors (relative to the file naming them) against `plan`. The scenario
 * keeps no pointer to the plan, but its assumptions are indexed like
 * plan->indicators: use it only with this plan. On success *out owns a new
 * scenario (free with ts_scenario_free); on failure *out is NULL and err
 * names the file and JSON path. TS_EINPUT, TS_ENOMEM. */
TS_API ts_status ts_scenario_load(const ts_plan *plan, const char *file, ts_scenario **out,
                                  ts_error *err);

/* Frees everything the scenario owns. NULL is a no-op. */
TS_API void ts_scenario_free(ts_scenario *scenario);

/* The value of `y` for `year`: the year's own entry, else the default.
 * Returns false (and leaves *value alone) when neither exists or y is absent. */
TS_API bool ts_yearly_at(const ts_yearly *y, int year, double *value);

#ifdef __cplusplus
}
#endif
#endif
