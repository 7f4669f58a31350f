/* embed.c - targetsim as a library: load a plan, run one scenario, print one
 * indicator's verdict. The smallest complete use of the public API
 * (targetsim/targetsim.h), with every object freed and every error checked.
 *
 * Usage: embed [PLAN [SCENARIO [INDICATOR]]]
 *   PLAN       default: the bundled taiyuan-14fyp.json in $TARGETSIM_DATA_DIR,
 *              else in TARGETSIM_PKGDATADIR (a folder set when compiling)
 *   SCENARIO   default: the first scenario file the plan lists
 *   INDICATOR  default: the first indicator with a target
 *
 * Build against an installed targetsim:
 *
 *   cc -std=c11 embed.c -o embed $(pkg-config --cflags --libs targetsim) \
 *      -DTARGETSIM_PKGDATADIR="\"$(pkg-config --variable=pkgdatadir targetsim)\""
 *
 * or with CMake: find_package(targetsim) and targetsim::targetsim, as in
 * find_package/CMakeLists.txt beside this file.
 *
 * Prints, for the bundled plan:
 *
 *   plan: taiyuan-14fyp
 *   scenario: trend
 *   indicator: gdp (Gross regional product (GDP))
 *   status: missed
 *   value in 2025: 5382.45
 *   target: at_least 10000 in 2025
 *
 * Exit status: 0, or the ts_status of the call that failed (2 usage, 3 bad
 * input, 5 out of memory), with the error on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <targetsim/targetsim.h>

static const char BUNDLED_PLAN[] = "taiyuan-14fyp.json";

/* The bundled plan's path in a new string, or NULL when no folder is known. */
static char *bundled_plan(void)
{
    const char *dir = getenv("TARGETSIM_DATA_DIR");
#ifdef TARGETSIM_PKGDATADIR
    if (!dir || !*dir)
        dir = TARGETSIM_PKGDATADIR;
#endif
    if (!dir || !*dir)
        return NULL;
    size_t n = strlen(dir) + sizeof BUNDLED_PLAN + 1;
    char *path = malloc(n);
    if (path)
        snprintf(path, n, "%s/%s", dir, BUNDLED_PLAN);
    return path;
}

static int fail(const ts_error *err)
{
    fprintf(stderr, "embed: %s%s%s%s%s (%s)\n", err->file, err->file[0] ? ": " : "", err->path,
            err->path[0] ? ": " : "", err->message, ts_strstatus(err->code));
    return (int)err->code;
}

int main(int argc, char **argv)
{
    ts_plan *plan = NULL;
    ts_scenario *scenario = NULL;
    ts_run *run = NULL;
    char *default_plan = NULL;
    ts_error err;
    ts_error_clear(&err);
    int rc = 0;

    ts_library_init();
    const char *plan_file = argc > 1 ? argv[1] : (default_plan = bundled_plan());
    if (!plan_file) {
        fprintf(stderr, "embed: give a plan file, set TARGETSIM_DATA_DIR, or compile with "
                        "-DTARGETSIM_PKGDATADIR\n");
        return TS_EUSAGE;
    }
    if (ts_plan_load(plan_file, &plan, &err) != TS_OK) {
        rc = fail(&err);
        goto out;
    }
    /* The plan's scenario paths are already resolved against its folder. */
    const char *scenario_file = argc > 2 ? argv[2] : plan->n_scenarios ? plan->scenarios[0] : NULL;
    if (!scenario_file) {
        ts_error_set(&err, TS_EUSAGE, plan->file, NULL, "the plan lists no scenario; give one");
        rc = fail(&err);
        goto out;
    }
    if (ts_scenario_load(plan, scenario_file, &scenario, &err) != TS_OK) {
        rc = fail(&err);
        goto out;
    }
    long index = -1;
    if (argc > 3) {
        index = ts_plan_find(plan, argv[3]);
    } else {
        for (size_t i = 0; i < plan->n_indicators && index < 0; i++)
            if (plan->indicators[i].target.present)
                index = (long)i;
    }
    if (index < 0) {
        ts_error_set(&err, TS_EUSAGE, plan->file, "indicators", "no indicator %s",
                     argc > 3 ? argv[3] : "with a target");
        rc = fail(&err);
        goto out;
    }

    /* One scenario, default options: every observation, the plan's horizon. */
    const ts_scenario *scenarios[] = {scenario};
    if (ts_run_create(plan, scenarios, 1, NULL, &run, &err) != TS_OK) {
        rc = fail(&err);
        goto out;
    }
    const ts_indicator *ind = &plan->indicators[index];
    const ts_assessment *a = &run->results[0].assessments[index];
    const char *name = ind->name.en ? ind->name.en : ind->name.zh ? ind->name.zh : ind->id;
    printf("plan: %s\nscenario: %s\nindicator: %s (%s)\n", plan->id, scenario->id, ind->id, name);
    printf("status: %s\n", ts_verdict_name(a->status));
    if (a->has_target) {
        printf("value in %d: %.15g\n", a->target_year, a->value_at_target_year);
        printf("target: %s %.15g in %d\n", ts_direction_name(a->direction), a->target,
               a->target_year);
    } else {
        printf("value in %d: %.15g\n", plan->target_year,
               ts_projection_value(run->results[0].projection, (size_t)index, plan->target_year));
    }
out:
    ts_run_free(run);
    ts_scenario_free(scenario);
    ts_plan_free(plan);
    free(default_plan);
    return rc;
}
