/* scenario_fit.h - "growth": {"fit": [first, last]} in a scenario file: the
 * growth driver calibrated on the indicator's observations (targetsim/fit.h).
 * Private to the scenario loader. */
#ifndef TS_SCENARIO_FIT_H
#define TS_SCENARIO_FIT_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "targetsim/scenario.h"

/* True when `item` asks for a fit (an object with a "fit" key). */
bool ts_scenario_fit_wanted(const cJSON *item);

/* Reads {"fit": [first, last]} at `path` of `file` (the growth driver of
 * indicator `index`), fits the indicator, and fills *driver with the fitted
 * rate for every year (owned by the caller: free its file and path) and *fit
 * with the fit. TS_EINPUT with the file and JSON path, TS_ENOMEM. */
ts_status ts_scenario_fit_parse(const ts_plan *plan, size_t index, const cJSON *item,
                                const char *file, const char *path, ts_yearly *driver,
                                ts_fit *fit, ts_error *err);

/* After the whole extends chain: an indicator whose driver is a fit and that
 * has no sd from `uncertainty` takes the fit's residual sd of yearly growth
 * (when defined) and is marked fit.sd_applied. */
void ts_scenario_fit_apply_sd(ts_scenario *scenario);

#endif
