/* scenario.c - loading a scenario and its `extends` ancestors, resolved per
 * key into one assumption per plan indicator (docs/input-format.md). */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_in.h"
#include "paths.h"
#include "scenario_fit.h"
#include "uncertainty.h"
#include "targetsim/scenario.h"
#include "targetsim/targetsim.h"

bool ts_yearly_at(const ts_yearly *y, int year, double *value)
{
    if (!y->present)
        return false;
    /* Year maps are short (a plan spans a few decades): a scan is enough. */
    for (size_t i = 0; i < y->years.n; i++) {
        if (y->years.points[i].year == year) {
            *value = y->years.points[i].value;
            return true;
        }
    }
    if (!y->has_default)
        return false;
    *value = y->fallback;
    return true;
}

static void yearly_free(ts_yearly *y)
{
    ts_series_free(&y->years);
    free(y->file);
    free(y->path);
    memset(y, 0, sizeof *y);
}

void ts_scenario_free(ts_scenario *sc)
{
    if (!sc)
        return;
    for (size_t i = 0; i < sc->n_assumptions; i++) {
        yearly_free(&sc->assumptions[i].driver);
        yearly_free(&sc->assumptions[i].deflator);
        yearly_free(&sc->assumptions[i].shock);
    }
    free(sc->assumptions);
    free(sc->correlations);
    for (size_t i = 0; i < sc->n_chain; i++)
        free(sc->chain[i]);
    free(sc->chain);
    free(sc->file);
    free(sc->id);
    ts_text_free(&sc->name);
    ts_text_free(&sc->rationale);
    ts_text_free(&sc->uncertainty_method);
    free(sc);
}

/* What one layer (one file of the chain) is parsed with. */
typedef struct layer {
    const ts_plan *plan;
    ts_scenario *sc;
    const char *file;
    ts_error *err;
} layer;

/* A yearly value: a number, or {"YYYY": number, ..., "default": number}.
 * Every value must be > min (use -HUGE_VAL for no bound). */
static ts_status parse_yearly(const cJSON *item, const layer *ly, const char *path, double min,
                              const char *what, ts_yearly *out)
{
    ts_yearly y = {0};
    ts_status st = TS_OK;
    const ts_plan *plan = ly->plan;
    if (cJSON_IsNumber(item)) {
        if ((st = ts_json_number(item, ly->file, path, &y.fallback, ly->err)) != TS_OK)
            return st;
        y.has_default = true;
    } else if (cJSON_IsObject(item)) {
        /* Pull "default" out, then read the rest as a year series. */
        size_t n = (size_t)cJSON_GetArraySize(item);
        y.years.points = calloc(n ? n : 1, sizeof *y.years.points);
        if (!y.years.points)
            return ts_error_set(ly->err, TS_ENOMEM, ly->file, path, "out of memory");
        for (const cJSON *child = item->child; child; child = child->next) {
            char sub[TS_ERROR_PATH_MAX];
            ts_json_join(sub, sizeof sub, path, child->string);
            double v;
            if (strcmp(child->string, "default") == 0) {
                if ((st = ts_json_number(child, ly->file, sub, &y.fallback, ly->err)) != TS_OK)
                    goto out;
                y.has_default = true;
                continue;
            }
            int year;
            if ((st = ts_json_year_key(child->string, ly->file, sub, &year, ly->err)) != TS_OK)
                goto out;
            if (year <= plan->base_year || year > plan->horizon) {
                st = ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                  "year %d is outside the projected years [%d, %d]", year,
                                  plan->base_year + 1, plan->horizon);
                goto out;
            }
            if ((st = ts_json_number(child, ly->file, sub, &v, ly->err)) != TS_OK)
                goto out;
            y.years.points[y.years.n].year = year;
            y.years.points[y.years.n].value = v;
            y.years.n++;
        }
    } else {
        char got[64];
        ts_json_describe(item, got, sizeof got);
        return ts_error_set(ly->err, TS_EINPUT, ly->file, path,
                            "expected a number or an object of year: number, got %s", got);
    }
    /* Check every value against the bound with the year in the message. */
    if (y.has_default && !(y.fallback > min)) {
        st = ts_error_set(ly->err, TS_EINPUT, ly->file, path, "expected %s > %g, got %.17g",
                          what, min, y.fallback);
        goto out;
    }
    for (size_t i = 0; i < y.years.n; i++) {
        if (!(y.years.points[i].value > min)) {
            char sub[TS_ERROR_PATH_MAX];
            char key[16];
            snprintf(key, sizeof key, "%d", y.years.points[i].year);
            ts_json_join(sub, sizeof sub, path, key);
            st = ts_error_set(ly->err, TS_EINPUT, ly->file, sub, "expected %s > %g, got %.17g",
                              what, min, y.years.points[i].value);
            goto out;
        }
    }
    y.present = true;
    y.file = ts_strdup(ly->file);
    y.path = ts_strdup(path);
    if (!y.file || !y.path) {
        st = ts_error_set(ly->err, TS_ENOMEM, ly->file, path, "out of memory");
        goto out;
    }
    yearly_free(out);
    *out = y;
    return TS_OK;
out:
    yearly_free(&y);
    return st;
}

/* Finds the one driver key (growth, add, level, ...) in an assumption object. */
static ts_status find_driver(const cJSON *obj, const layer *ly, const char *path,
                             const ts_model_type **model, const cJSON **item)
{
    size_t n_models;
    const ts_model_type *const *models = ts_model_all(&n_models);
    *model = NULL;
    *item = NULL;
    for (size_t m = 0; m < n_models; m++) {
        const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, models[m]->name);
        if (!it)
            continue;
        if (*model) {
            char sub[TS_ERROR_PATH_MAX];
            ts_json_join(sub, sizeof sub, path, models[m]->name);
            return ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                "give one driver per indicator; \"%s\" and \"%s\" both given",
                                (*model)->name, models[m]->name);
        }
        *model = models[m];
        *item = it;
    }
    return TS_OK;
}

/* The driver's values: a fit of the indicator's observations, or a yearly
 * value. Either replaces the inherited driver and its fit. */
static ts_status parse_driver(const cJSON *item, const layer *ly, size_t index,
                              const ts_model_type *model, const char *path, ts_assumption *as)
{
    ts_fit fit = {0};
    ts_status st;
    if (ts_scenario_fit_wanted(item)) {
        if (model != &ts_model_growth)
            return ts_error_set(ly->err, TS_EINPUT, ly->file, path,
                                "a fit calibrates a growth rate; write \"growth\": {\"fit\": "
                                "[first, last]}");
        ts_yearly y;
        if ((st = ts_scenario_fit_parse(ly->plan, index, item, ly->file, path, &y, &fit,
                                        ly->err)) != TS_OK)
            return st;
        yearly_free(&as->driver);
        as->driver = y;
    } else if ((st = parse_yearly(item, ly, path, model->driver_min, model->name,
                                  &as->driver)) != TS_OK) {
        return st;
    }
    as->fit = fit;
    return TS_OK;
}

static ts_status apply_assumption(const cJSON *obj, const layer *ly, size_t index)
{
    static const char *const keys[] = {"growth", "add", "level", "deflator", "shock",
                                       "note",   "source", NULL};
    const ts_indicator *ind = &ly->plan->indicators[index];
    ts_assumption *as = &ly->sc->assumptions[index];
    char path[TS_ERROR_PATH_MAX], sub[TS_ERROR_PATH_MAX];
    ts_json_join(path, sizeof path, "assumptions", obj->string);
    if (ind->is_derived)
        return ts_error_set(ly->err, TS_EINPUT, ly->file, path,
                            "\"%s\" is derived from other indicators; give assumptions for "
                            "its inputs instead",
                            ind->id);
    ts_status st = ts_json_check_object(obj, keys, ly->file, path, ly->err);
    if (st != TS_OK)
        return st;
    const ts_model_type *model;
    const cJSON *driver;
    if ((st = find_driver(obj, ly, path, &model, &driver)) != TS_OK)
        return st;
    if (model) {
        ts_json_join(sub, sizeof sub, path, model->name);
        if (model->takes_rates && ind->measure == TS_MEASURE_RATE)
            return ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                "\"%s\" is a rate indicator (its values are yearly rates in "
                                "per cent), and a rate does not compound on itself: project it "
                                "with level or add",
                                ind->id);
        if ((st = parse_driver(driver, ly, index, model, sub, as)) != TS_OK)
            return st;
        if (model->needs_positive_start && ind->has_baseline && !(ind->baseline > 0))
            return ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                "a %s driver needs a positive baseline, but indicators.%s."
                                "baseline is %.17g",
                                model->name, ind->id, ind->baseline);
        if (as->model && as->model != model)
            as->sd = NAN; /* an sd is in the driver's unit, which just changed */
        if (!model->takes_rates) {
            /* A new non-rate driver makes inherited rate adjustments moot. */
            yearly_free(&as->deflator);
            yearly_free(&as->shock);
        } else if (as->fit.present) {
            yearly_free(&as->deflator); /* a fitted rate is already the series' own */
        }
        as->model = model;
    }
    static const char *const rate_keys[] = {"deflator", "shock"};
    for (int k = 0; k < 2; k++) {
        const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, rate_keys[k]);
        if (!item)
            continue;
        ts_json_join(sub, sizeof sub, path, rate_keys[k]);
        if (!as->model || !as->model->takes_rates)
            return ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                "%s applies only to a growth driver, and \"%s\" has %s",
                                rate_keys[k], ind->id,
                                as->model ? as->model->name : "no driver");
        if (k == 0 && as->fit.present)
            return ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                "a deflator turns a real growth rate into a nominal one, but the "
                                "growth of \"%s\" is fitted on its own values and needs none",
                                ind->id);
        ts_yearly *dst = k == 0 ? &as->deflator : &as->shock;
        double min = k == 0 ? -1.0 : -HUGE_VAL;
        if ((st = parse_yearly(item, ly, sub, min, rate_keys[k], dst)) != TS_OK)
            return st;
    }
    return TS_OK;
}

static ts_status parse_sd(const cJSON *sd, const layer *ly, const char *path)
{
    static const char *const none[] = {NULL};
    if (!cJSON_IsObject(sd))
        return ts_json_check_object(sd, none, ly->file, path, ly->err);
    for (const cJSON *item = sd->child; item; item = item->next) {
        char sub[TS_ERROR_PATH_MAX];
        ts_json_join(sub, sizeof sub, path, item->string);
        long idx = ts_plan_find(ly->plan, item->string);
        if (idx < 0 || ly->plan->indicators[idx].is_derived)
            return ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                idx < 0 ? "unknown indicator \"%s\""
                                        : "\"%s\" is derived; give the sd of its inputs",
                                item->string);
        double v;
        ts_status st = ts_json_number(item, ly->file, sub, &v, ly->err);
        if (st != TS_OK)
            return st;
        if (v < 0)
            return ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                "expected a standard deviation >= 0, got %.17g", v);
        ly->sc->assumptions[idx].sd = v;
    }
    return TS_OK;
}

static ts_status set_correlation(const layer *ly, size_t a, size_t b, double rho)
{
    ts_scenario *sc = ly->sc;
    for (size_t i = 0; i < sc->n_correlations; i++) {
        if (sc->correlations[i].a == a && sc->correlations[i].b == b) {
            sc->correlations[i].rho = rho; /* the extending file wins */
            return TS_OK;
        }
    }
    ts_correlation *grown = realloc(sc->correlations, (sc->n_correlations + 1) * sizeof *grown);
    if (!grown)
        return ts_error_set(ly->err, TS_ENOMEM, ly->file, "uncertainty", "out of memory");
    sc->correlations = grown;
    sc->correlations[sc->n_correlations++] = (ts_correlation){a, b, rho};
    return TS_OK;
}

static ts_status parse_correlation(const cJSON *corr, const layer *ly, const char *path)
{
    static const char *const none[] = {NULL};
    if (!cJSON_IsObject(corr))
        return ts_json_check_object(corr, none, ly->file, path, ly->err);
    for (const cJSON *item = corr->child; item; item = item->next) {
        char sub[TS_ERROR_PATH_MAX];
        ts_json_join(sub, sizeof sub, path, item->string);
        char left[80], right[80];
        const char *comma = strchr(item->string, ',');
        size_t ll = comma ? (size_t)(comma - item->string) : 0;
        if (!comma || ll >= sizeof left || strlen(comma + 1) >= sizeof right)
            return ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                "expected a key \"indicator,indicator\", got \"%s\"",
                                item->string);
        memcpy(left, item->string, ll);
        left[ll] = '\0';
        snprintf(right, sizeof right, "%s", comma + 1);
        long a = ts_plan_find(ly->plan, left), b = ts_plan_find(ly->plan, right);
        if (a < 0 || b < 0 || a == b || ly->plan->indicators[a].is_derived ||
            ly->plan->indicators[b].is_derived)
            return ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                "expected two different, non-derived indicators of the plan, "
                                "got \"%s\"",
                                item->string);
        for (const cJSON *prev = corr->child; prev != item; prev = prev->next) {
            const char *pc = strchr(prev->string, ',');
            if (pc && strncmp(prev->string, right, (size_t)(pc - prev->string)) == 0 &&
                right[pc - prev->string] == '\0' && strcmp(pc + 1, left) == 0)
                return ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                    "the pair is already given as \"%s\"", prev->string);
        }
        double rho;
        ts_status st = ts_json_number(item, ly->file, sub, &rho, ly->err);
        if (st != TS_OK)
            return st;
        if (rho < -1 || rho > 1)
            return ts_error_set(ly->err, TS_EINPUT, ly->file, sub,
                                "expected a correlation in [-1, 1], got %.17g", rho);
        if ((st = set_correlation(ly, (size_t)(a < b ? a : b), (size_t)(a < b ? b : a), rho)) != TS_OK)
            return st;
    }
    return TS_OK;
}

static ts_status parse_uncertainty(const cJSON *unc, const layer *ly)
{
    static const char *const keys[] = {"sd", "correlation", "method", "note", NULL};
    ts_status st = ts_json_check_object(unc, keys, ly->file, "uncertainty", ly->err);
    if (st != TS_OK)
        return st;
    const cJSON *sd = cJSON_GetObjectItemCaseSensitive(unc, "sd");
    const cJSON *corr = cJSON_GetObjectItemCaseSensitive(unc, "correlation");
    if (sd && (st = parse_sd(sd, ly, "uncertainty.sd")) != TS_OK)
        return st;
    if (corr && (st = parse_correlation(corr, ly, "uncertainty.correlation")) != TS_OK)
        return st;
    const cJSON *method = cJSON_GetObjectItemCaseSensitive(unc, "method");
    if (method) {
        /* Inherited like the sds it explains; a file that gives one replaces it. */
        ts_text text = {0};
        if ((st = ts_json_text(method, ly->file, "uncertainty.method", &text, ly->err)) != TS_OK)
            return st;
        ts_text_free(&ly->sc->uncertainty_method);
        ly->sc->uncertainty_method = text;
    }
    return TS_OK;
}

static ts_status apply_assumptions(const cJSON *root, const layer *ly)
{
    const cJSON *assumptions = cJSON_GetObjectItemCaseSensitive(root, "assumptions");
    if (!assumptions)
        return TS_OK;
    static const char *const none[] = {NULL};
    if (!cJSON_IsObject(assumptions))
        return ts_json_check_object(assumptions, none, ly->file, "assumptions", ly->err);
    for (const cJSON *item = assumptions->child; item; item = item->next) {
        long idx = ts_plan_find(ly->plan, item->string);
        if (idx < 0) {
            char path[TS_ERROR_PATH_MAX];
            ts_json_join(path, sizeof path, "assumptions", item->string);
            return ts_error_set(ly->err, TS_EINPUT, ly->file, path,
                                "unknown indicator \"%s\" (the plan %s has no such indicator)",
                                item->string, ly->plan->id);
        }
        ts_status st = apply_assumption(item, ly, (size_t)idx);
        if (st != TS_OK)
            return st;
    }
    return TS_OK;
}

/* Appends s to the NUL-terminated buf, truncating at its size. */
static void append_text(char *buf, size_t size, const char *s)
{
    size_t used = strlen(buf), n = strlen(s);
    if (used + n >= size)
        n = size - used - 1;
    memcpy(buf + used, s, n);
    buf[used + n] = '\0';
}

static const char *file_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Appends `file` to the chain, or fails naming the cycle if it is there. */
static ts_status push_chain(ts_scenario *sc, const char *file, const char *canonical,
                            const char *from, ts_error *err)
{
    for (size_t i = 0; i < sc->n_chain; i++) {
        if (strcmp(sc->chain[i], canonical) == 0) {
            char cycle[TS_ERROR_MESSAGE_MAX / 2] = "";
            for (size_t k = i; k < sc->n_chain; k++) {
                append_text(cycle, sizeof cycle, file_name(sc->chain[k]));
                append_text(cycle, sizeof cycle, " -> ");
            }
            append_text(cycle, sizeof cycle, file_name(canonical));
            return ts_error_set(err, TS_EINPUT, from, "extends", "extends cycle: %s", cycle);
        }
    }
    if (sc->n_chain >= TS_MAX_EXTENDS_DEPTH)
        return ts_error_set(err, TS_EINPUT, from, "extends",
                            "extends chain is longer than the limit of %d files",
                            TS_MAX_EXTENDS_DEPTH);
    char **grown = realloc(sc->chain, (sc->n_chain + 1) * sizeof *grown);
    if (!grown)
        return ts_error_set(err, TS_ENOMEM, file, NULL, "out of memory");
    sc->chain = grown;
    if (!(sc->chain[sc->n_chain] = ts_strdup(canonical)))
        return ts_error_set(err, TS_ENOMEM, file, NULL, "out of memory");
    sc->n_chain++;
    return TS_OK;
}

static ts_status load_layer(const ts_plan *plan, const char *file, const char *from,
                            ts_scenario *sc, ts_error *err);

static ts_status parse_layer(const cJSON *root, const layer *ly, bool outermost)
{
    static const char *const keys[] = {"id",          "name",        "extends", "rationale",
                                       "note",        "source",      "assumptions",
                                       "uncertainty", NULL};
    ts_status st = ts_json_check_object(root, keys, ly->file, "", ly->err);
    if (st != TS_OK)
        return st;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
    if (!id)
        return ts_error_set(ly->err, TS_EINPUT, ly->file, "id", "missing (the scenario's id)");
    char *id_text = NULL;
    ts_text name = {0};
    ts_text rationale = {0};
    const cJSON *name_item = cJSON_GetObjectItemCaseSensitive(root, "name");
    const cJSON *rat_item = cJSON_GetObjectItemCaseSensitive(root, "rationale");
    if ((st = ts_json_string(id, ly->file, "id", &id_text, ly->err)) != TS_OK ||
        (st = ts_json_id(id_text, ly->file, "id", ly->err)) != TS_OK ||
        (name_item && (st = ts_json_text(name_item, ly->file, "name", &name, ly->err)) != TS_OK) ||
        (rat_item && (st = ts_json_text(rat_item, ly->file, "rationale", &rationale, ly->err)) != TS_OK))
        goto out;
    const cJSON *ext = cJSON_GetObjectItemCaseSensitive(root, "extends");
    if (ext) {
        char *parent_name = NULL;
        if ((st = ts_json_string(ext, ly->file, "extends", &parent_name, ly->err)) != TS_OK)
            goto out;
        char *parent = ts_path_resolve(ly->file, parent_name);
        free(parent_name);
        if (!parent) {
            st = ts_error_set(ly->err, TS_ENOMEM, ly->file, "extends", "out of memory");
            goto out;
        }
        st = load_layer(ly->plan, parent, ly->file, ly->sc, ly->err);
        free(parent);
        if (st != TS_OK)
            goto out;
    }
    /* Ancestors are applied first, so this file's keys override theirs. */
    const cJSON *unc = cJSON_GetObjectItemCaseSensitive(root, "uncertainty");
    if ((st = apply_assumptions(root, ly)) != TS_OK || (unc && (st = parse_uncertainty(unc, ly)) != TS_OK))
        goto out;
    if (outermost) {
        ly->sc->id = id_text;
        ly->sc->name = name;
        ly->sc->rationale = rationale;
        id_text = NULL;
        memset(&rationale, 0, sizeof rationale);
        memset(&name, 0, sizeof name);
    }
out:
    free(id_text);
    ts_text_free(&name);
    ts_text_free(&rationale);
    return st;
}

/* Reads one file of the chain; `from` is the file that named it (NULL for
 * the scenario itself), which is where a missing file is reported. */
static ts_status load_layer(const ts_plan *plan, const char *file, const char *from,
                            ts_scenario *sc, ts_error *err)
{
    char canonical[PATH_MAX];
    if (!realpath(file, canonical)) {
        if (from)
            return ts_error_set(err, TS_EINPUT, from, "extends", "cannot open \"%s\": %s", file,
                                strerror(errno));
        return ts_error_set(err, TS_EINPUT, file, NULL, "cannot open: %s", strerror(errno));
    }
    ts_status st = push_chain(sc, file, canonical, from ? from : file, err);
    if (st != TS_OK)
        return st;
    char *text = NULL;
    size_t len = 0;
    cJSON *root = NULL;
    if ((st = ts_json_read_file(file, &text, &len, err)) != TS_OK ||
        (st = ts_json_parse(text, len, file, &root, err)) != TS_OK)
        goto out;
    layer ly = {plan, sc, file, err};
    st = parse_layer(root, &ly, from == NULL);
out:
    cJSON_Delete(root);
    free(text);
    return st;
}

/* After the whole chain: every non-derived indicator needs a driver. */
static ts_status check_complete(const ts_plan *plan, const ts_scenario *sc, ts_error *err)
{
    for (size_t i = 0; i < plan->n_indicators; i++) {
        if (plan->indicators[i].is_derived || sc->assumptions[i].model ||
            !ts_indicator_has_figures(&plan->indicators[i]))
            continue;
        char path[TS_ERROR_PATH_MAX];
        ts_json_join(path, sizeof path, "assumptions", plan->indicators[i].id);
        return ts_error_set(err, TS_EINPUT, sc->file, path,
                            "indicator \"%s\" has no driver (growth, add or level) in this "
                            "scenario or the ones it extends",
                            plan->indicators[i].id);
    }
    return TS_OK;
}

ts_status ts_scenario_load(const ts_plan *plan, const char *file, ts_scenario **out,
                           ts_error *err)
{
    ts_library_init();
    *out = NULL;
    ts_status st = TS_OK;
    ts_scenario *sc = calloc(1, sizeof *sc);
    if (!sc || !(sc->file = ts_strdup(file)) ||
        !(sc->assumptions = calloc(plan->n_indicators, sizeof *sc->assumptions))) {
        st = ts_error_set(err, TS_ENOMEM, file, NULL, "out of memory");
        goto out;
    }
    sc->n_assumptions = plan->n_indicators;
    for (size_t i = 0; i < plan->n_indicators; i++)
        sc->assumptions[i].sd = NAN;
    if ((st = load_layer(plan, file, NULL, sc, err)) != TS_OK ||
        (st = check_complete(plan, sc, err)) != TS_OK ||
        (st = ts_uncertainty_check(plan, sc, err)) != TS_OK)
        goto out;
    ts_scenario_fit_apply_sd(sc);
    *out = sc;
    sc = NULL;
out:
    ts_scenario_free(sc);
    return st;
}
