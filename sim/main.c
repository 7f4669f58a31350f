/* main.c - the targetsim command: parse options, call the library, map the
 * status to an exit code. No engine logic lives here. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_options.h"
#include "messages.h"
#include "render.h"
#include "targetsim/targetsim.h"

static int exit_code(ts_status st)
{
    return (st == TS_ENOMEM || st == TS_EINTERNAL) ? 1 : (int)st;
}

/* The reports, in the order they are written. */
enum { N_REPORTS = 7 };
static const char *const REPORT_NAMES[N_REPORTS] = {"report.txt", "report.json", "report.csv",
                                                    "paths.csv",  "fan.csv",     "tornado.csv",
                                                    "sweep.csv"};

typedef struct outputs {
    ts_buffer reports[N_REPORTS];
} outputs;

static ts_status render_all(const ts_run *run, ts_lang lang, outputs *o, ts_error *err)
{
    ts_buffer *b = o->reports;
    ts_status st;
    if ((st = ts_report_render_text(run, lang, &b[0], err)) != TS_OK ||
        (st = ts_report_render_json(run, &b[1], err)) != TS_OK ||
        (st = ts_report_render_csv(run, &b[2], err)) != TS_OK ||
        (st = ts_report_render_paths_csv(run, &b[3], err)) != TS_OK ||
        (st = ts_report_render_fan_csv(run, &b[4], err)) != TS_OK ||
        (st = ts_report_render_tornado_csv(run, &b[5], err)) != TS_OK ||
        (st = ts_report_render_sweep_csv(run, &b[6], err)) != TS_OK)
        return st;
    return TS_OK;
}

static double seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The progress bar: only on a terminal, and only once a run has taken
 * about a second, so quick runs and redirected stderr stay quiet. */
typedef struct progress_state {
    double start;
    bool tty;
    bool shown;
} progress_state;

static void on_progress(void *user, uint64_t done, uint64_t total)
{
    progress_state *ps = user;
    if (!ps->tty || (!ps->shown && seconds_now() - ps->start < 1.0))
        return;
    ps->shown = true;
    ts_msg_progress(done, total);
}

/* Half of the physical memory: the most the stored draws may take. */
static size_t store_limit(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || size <= 0)
        return 0;
    return (size_t)pages / 2 * (size_t)size;
}

/* Monte Carlo draws and sweeps, as the options ask. */
static ts_status simulate(const ts_cli_options *opt, ts_run *run, double *seconds, ts_error *err)
{
    progress_state ps = {seconds_now(), isatty(STDERR_FILENO) == 1, false};
    ts_mc_options mc = {.draws = opt->draws, .seed = opt->seed, .threads = opt->threads,
                        .percentiles = true, .max_store_bytes = store_limit(),
                        .progress = on_progress, .progress_user = &ps};
    ts_status st = TS_OK;
    if (opt->draws)
        st = ts_run_simulate(run, &mc, err);
    if (st == TS_OK && opt->n_sweeps)
        st = ts_run_sweep(run, opt->sweeps, opt->n_sweeps, opt->draws ? &mc : NULL, err);
    if (ps.shown)
        ts_msg_progress_done();
    *seconds = seconds_now() - ps.start;
    return st;
}

/* The chart files, or NULL (and a warning) when the templates are missing:
 * the reports are still worth writing then. */
static ts_status build_charts(const ts_run *run, ts_lang lang, ts_chart_set **charts,
                              ts_error *err)
{
    char *dir = ts_cli_template_dir();
    *charts = NULL;
    if (!dir) {
        ts_msg_no_templates();
        return TS_OK;
    }
    ts_status st = ts_chart_set_build(run, lang, dir, charts, err);
    free(dir);
    return st;
}

/* Reports and chart files, all written atomically in one call. */
static ts_status write_outputs(const char *out_dir, const outputs *o, const ts_chart_set *charts,
                               ts_error *err)
{
    size_t n_charts = charts ? charts->n : 0;
    ts_output_file *files = calloc(N_REPORTS + 2 * n_charts, sizeof *files);
    if (!files)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    for (size_t k = 0; k < N_REPORTS; k++)
        files[k] = (ts_output_file){REPORT_NAMES[k], o->reports[k].data, o->reports[k].len};
    for (size_t c = 0; c < n_charts; c++) {
        const ts_chart *ch = &charts->charts[c];
        files[N_REPORTS + 2 * c] = (ts_output_file){ch->dat_name, ch->dat.data, ch->dat.len};
        files[N_REPORTS + 1 + 2 * c] = (ts_output_file){ch->gp_name, ch->gp.data, ch->gp.len};
    }
    ts_status st = ts_output_write_all(out_dir, files, N_REPORTS + 2 * n_charts, err);
    free(files);
    return st;
}

/* Runs gnuplot on the written scripts. A chart that fails to render is an
 * output that could not be written (exit 4); a missing gnuplot is not: the
 * scripts are there to be rendered later. */
static ts_status render_charts(const ts_cli_options *opt, const ts_chart_set *charts,
                               size_t *n_rendered, ts_error *err)
{
    *n_rendered = 0;
    if (!charts || opt->no_render)
        return TS_OK;
    char *gnuplot = ts_render_find_gnuplot();
    if (!gnuplot) {
        ts_msg_no_gnuplot(opt->out_dir);
        return TS_OK;
    }
    ts_render_outcome r;
    int rc = ts_render_charts(gnuplot, opt->out_dir, charts, 0, &r);
    free(gnuplot);
    if (rc != 0)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    for (size_t k = 0; k < r.n_failed; k++)
        ts_msg_render_failed(opt->out_dir, r.failures[k].gp_name, r.failures[k].line);
    *n_rendered = r.n_rendered;
    ts_status st = TS_OK;
    if (r.n_failed)
        st = ts_error_set(err, TS_EWRITE, opt->out_dir, NULL,
                          "%zu of %zu charts could not be rendered", r.n_failed, charts->n);
    ts_render_outcome_free(&r);
    return st;
}

static void print_summary(const ts_run *run, const ts_cli_options *opt, double seconds)
{
    const ts_plan *plan = run->plan;
    printf("%s: %zu scenario%s x %zu indicators, %d-%d\n", plan->id, run->n_results,
           run->n_results == 1 ? "" : "s", plan->n_indicators, plan->base_year, run->horizon);
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_scenario_result *r = &run->results[s];
        printf("  %-12s", r->scenario->id);
        for (size_t i = 0; i < plan->n_indicators; i++)
            if (r->assessments[i].has_target)
                printf(" %s=%s", plan->indicators[i].id,
                       ts_verdict_name(r->assessments[i].status));
        printf("\n");
    }
    printf("wrote %s/report.txt, report.json, report.csv, paths.csv, fan.csv, tornado.csv, "
           "sweep.csv\n",
           opt->out_dir);
    if (opt->draws)
        printf("Monte Carlo: %zu draws per scenario, seed %llu, %u thread%s, %.2f s\n",
               opt->draws, (unsigned long long)opt->seed, opt->threads,
               opt->threads == 1 ? "" : "s", seconds);
    if (run->sweep)
        printf("sweep: %zu points of the scenario %s\n", run->sweep->n_points,
               run->sweep_scenario->id);
}

static void print_charts(const ts_chart_set *charts, size_t n_rendered, const char *out_dir)
{
    if (!charts)
        return;
    printf("wrote %zu charts to %s (.dat, .gp)", charts->n, out_dir);
    if (n_rendered)
        printf(", rendered %zu as .png and .svg", n_rendered);
    printf("\n");
}

static ts_status run_job(const ts_cli_options *opt, ts_error *err)
{
    ts_plan *plan = NULL;
    ts_scenario *scenarios[TS_MAX_SCENARIOS] = {0};
    size_t n = 0;
    ts_run *run = NULL;
    ts_chart_set *charts = NULL;
    size_t n_rendered = 0;
    outputs o = {0};
    ts_status st = ts_plan_load(opt->plan, &plan, err);
    if (st != TS_OK)
        goto out;
    const char *const *files = opt->n_scenarios ? opt->scenarios : (const char *const *)plan->scenarios;
    size_t n_files = opt->n_scenarios ? opt->n_scenarios : plan->n_scenarios;
    if (n_files == 0) {
        st = ts_error_set(err, TS_EUSAGE, opt->plan, NULL,
                          "the plan lists no scenarios; give one with --scenario FILE");
        goto out;
    }
    for (; n < n_files; n++) {
        if ((st = ts_scenario_load(plan, files[n], &scenarios[n], err)) != TS_OK)
            goto out;
        for (size_t k = 0; k < n; k++)
            if (strcmp(scenarios[k]->id, scenarios[n]->id) == 0) {
                st = ts_error_set(err, TS_EINPUT, files[n], "id",
                                  "scenario id \"%s\" is already used by %s", scenarios[n]->id,
                                  scenarios[k]->file);
                n++;
                goto out;
            }
    }
    ts_project_options popt = {opt->horizon, opt->as_of};
    double seconds = 0;
    if ((st = ts_run_create(plan, (const ts_scenario *const *)scenarios, n, &popt, &run, err)) != TS_OK ||
        (st = simulate(opt, run, &seconds, err)) != TS_OK ||
        (st = render_all(run, opt->lang, &o, err)) != TS_OK ||
        (st = build_charts(run, opt->lang, &charts, err)) != TS_OK ||
        (st = write_outputs(opt->out_dir, &o, charts, err)) != TS_OK)
        goto out;
    st = render_charts(opt, charts, &n_rendered, err);
    if (!opt->quiet) {
        print_summary(run, opt, seconds);
        print_charts(charts, n_rendered, opt->out_dir);
    }
out:
    ts_chart_set_free(charts);
    for (size_t k = 0; k < N_REPORTS; k++)
        ts_buffer_free(&o.reports[k]);
    ts_run_free(run);
    for (size_t k = 0; k < n; k++)
        ts_scenario_free(scenarios[k]);
    ts_plan_free(plan);
    return st;
}

int main(int argc, char **argv)
{
    ts_library_init();
    ts_cli_options opt;
    ts_error err;
    ts_error_clear(&err);
    int parsed = ts_cli_parse(argc, argv, &opt);
    if (parsed != TS_CLI_RUN) {
        int code = parsed == TS_CLI_EXIT_OK ? 0 : 2;
        ts_cli_options_free(&opt);
        return code;
    }
    ts_status st = run_job(&opt, &err);
    if (st != TS_OK)
        ts_msg_error(&err);
    ts_cli_options_free(&opt);
    return exit_code(st);
}
