/* mc_phases.c - where a Monte Carlo run's time goes: the draws with the
 * attainment counts only (no store), then the same with the store and the
 * percentile bands, timed inside one process through the library (no
 * loading, reports or files). For bench/run.sh.
 *
 * Usage: mc_phases PLAN SCENARIO DRAWS THREADS [STORE_MIB]
 * (STORE_MIB: ts_mc_options.store_budget in MiB, the most the draws may take
 * when kept whole; default the library's 1 MiB). Each line ends with the
 * passes the draws took. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "targetsim/targetsim.h"

static double wall(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double cpu(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_utime.tv_sec + (double)u.ru_utime.tv_usec * 1e-6 +
           (double)u.ru_stime.tv_sec + (double)u.ru_stime.tv_usec * 1e-6;
}

static int timed(const ts_projector *p, ts_mc_options *opt, const char *label)
{
    ts_mc_result *r = NULL;
    ts_error err;
    double w0 = wall(), c0 = cpu();
    if (ts_mc_result_create(p, opt, &r, &err) != TS_OK) {
        fprintf(stderr, "mc_phases: %s\n", err.message);
        return 1;
    }
    printf("%s %.4f %.4f %u\n", label, wall() - w0, cpu() - c0, r->passes);
    ts_mc_result_free(r);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: mc_phases PLAN SCENARIO DRAWS THREADS [STORE_MIB]\n");
        return 2;
    }
    ts_library_init();
    ts_plan *plan = NULL;
    ts_scenario *sc = NULL;
    ts_projector *p = NULL;
    ts_error err;
    if (ts_plan_load(argv[1], &plan, &err) != TS_OK ||
        ts_scenario_load(plan, argv[2], &sc, &err) != TS_OK ||
        ts_projector_create(plan, sc, NULL, &p, &err) != TS_OK) {
        fprintf(stderr, "mc_phases: %s: %s: %s\n", err.file, err.path, err.message);
        return 1;
    }
    ts_mc_options opt = {.draws = strtoul(argv[3], NULL, 10), .seed = TS_MC_DEFAULT_SEED,
                         .threads = (unsigned)atoi(argv[4])};
    int rc = timed(p, &opt, "counts_only");
    opt.percentiles = true;
    if (argc == 6)
        opt.store_budget = strtoul(argv[5], NULL, 10) << 20;
    rc |= timed(p, &opt, "with_percentiles");
    ts_projector_free(p);
    ts_scenario_free(sc);
    ts_plan_free(plan);
    return rc;
}
