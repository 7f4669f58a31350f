/* scenario_fit.c - the scenario syntax of a fitted growth driver,
 * "growth": {"fit": [first, last]}, and the sd it lends to Monte Carlo. */
#include "scenario_fit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/fit.h"
#include "json_in.h"

bool ts_scenario_fit_wanted(const cJSON *item)
{
    return cJSON_IsObject(item) && cJSON_GetObjectItemCaseSensitive(item, "fit") != NULL;
}

/* [first, last]: a list of two years. */
static ts_status parse_window(const cJSON *window, const char *file, const char *path,
                              int *first, int *last, ts_error *err)
{
    if (!cJSON_IsArray(window) || cJSON_GetArraySize(window) != 2) {
        char got[64];
        ts_json_describe(window, got, sizeof got);
        return ts_error_set(err, TS_EINPUT, file, path,
                            "expected [first year, last year], got %s", got);
    }
    char sub[TS_ERROR_PATH_MAX];
    int *years[2] = {first, last};
    for (int k = 0; k < 2; k++) {
        if (snprintf(sub, sizeof sub, "%s[%d]", path, k) >= (int)sizeof sub)
            sub[sizeof sub - 1] = '\0';
        ts_status st = ts_json_year_value(cJSON_GetArrayItem(window, k), file, sub, years[k], err);
        if (st != TS_OK)
            return st;
    }
    return TS_OK;
}

ts_status ts_scenario_fit_parse(const ts_plan *plan, size_t index, const cJSON *item,
                                const char *file, const char *path, ts_yearly *driver,
                                ts_fit *fit, ts_error *err)
{
    static const char *const keys[] = {"fit", NULL};
    ts_status st = ts_json_check_object(item, keys, file, path, err);
    if (st != TS_OK)
        return st;
    char sub[TS_ERROR_PATH_MAX];
    ts_json_join(sub, sizeof sub, path, "fit");
    int first, last;
    if ((st = parse_window(cJSON_GetObjectItemCaseSensitive(item, "fit"), file, sub, &first,
                           &last, err)) != TS_OK ||
        (st = ts_fit_indicator(plan, index, first, last, file, sub, fit, err)) != TS_OK)
        return st;
    *driver = (ts_yearly){0};
    driver->present = true;
    driver->has_default = true;
    driver->fallback = fit->rate; /* the same rate in every projected year */
    driver->file = ts_strdup(file);
    driver->path = ts_strdup(path);
    if (!driver->file || !driver->path) {
        free(driver->file);
        free(driver->path);
        *driver = (ts_yearly){0};
        return ts_error_set(err, TS_ENOMEM, file, path, "out of memory");
    }
    return TS_OK;
}

void ts_scenario_fit_apply_sd(ts_scenario *scenario)
{
    for (size_t i = 0; i < scenario->n_assumptions; i++) {
        ts_assumption *as = &scenario->assumptions[i];
        if (as->fit.present && isnan(as->sd) && isfinite(as->fit.growth_sd)) {
            as->sd = as->fit.growth_sd;
            as->fit.sd_applied = true;
        }
    }
}
