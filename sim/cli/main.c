/* main.c - the targetsim command: parse options, call the library, map the
 * status to an exit code. No engine logic lives here. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_html.h"
#include "cli_options.h"
#include "messages.h"
#include "render.h"
#include "targetsim/targetsim.h"

static int exit_code(ts_status st)
{
    return (st == TS_ENOMEM || st == TS_EINTERNAL) ? 1 : (int)st;
}

static ts_status render_text(const ts_run *run, ts_lang lang, ts_buffer *out, ts_error *err)
{
    return ts_report_render_text(run, lang, out, err);
}

/* The other renderers take no language; these adapters give every report
 * one signature so the table below can drive them all. */
#define LANGUAGE_FREE(fn)                                                                     \
    static ts_status fn##_any(const ts_run *run, ts_lang lang, ts_buffer *out, ts_error *err) \
    {                                                                                         \
        (void)lang;                                                                           \
        return fn(run, out, err);                                                             \
    }
LANGUAGE_FREE(ts_report_render_json)
LANGUAGE_FREE(ts_report_render_csv)
LANGUAGE_FREE(ts_report_render_paths_csv)
LANGUAGE_FREE(ts_report_render_table_csv)
LANGUAGE_FREE(ts_report_render_fan_csv)
LANGUAGE_FREE(ts_report_render_tornado_csv)
LANGUAGE_FREE(ts_report_render_sweep_csv)
LANGUAGE_FREE(ts_report_render_backtest_csv)
LANGUAGE_FREE(ts_report_render_compare_csv)

static bool always(const ts_run *run)
{
    (void)run;
    return true;
}
static bool has_backtest(const ts_run *run)
{
    return run->backtest != NULL;
}
static bool has_comparison(const ts_run *run)
{
    return run->comparison != NULL;
}

/* The reports, in the order they are written. Optional ones are written
 * only when the run made them (and an old copy is then left alone). */
typedef struct report_kind {
    const char *name;
    ts_status (*render)(const ts_run *, ts_lang, ts_buffer *, ts_error *);
    bool csv; /* gets the byte-order mark with --csv-bom */
    bool (*wanted)(const ts_run *);
} report_kind;

static const report_kind REPORTS[] = {
    {"report.txt", render_text, false, always},
    {"report.json", ts_report_render_json_any, false, always},
    {"report.csv", ts_report_render_csv_any, true, always},
    {"paths.csv", ts_report_render_paths_csv_any, true, always},
    {"table.csv", ts_report_render_table_csv_any, true, always},
    {"fan.csv", ts_report_render_fan_csv_any, true, always},
    {"tornado.csv", ts_report_render_tornado_csv_any, true, always},
    {"sweep.csv", ts_report_render_sweep_csv_any, true, always},
    {"backtest.csv", ts_report_render_backtest_csv_any, true, has_backtest},
    {"compare.csv", ts_report_render_compare_csv_any, true, has_comparison},
};
enum { N_REPORTS = sizeof REPORTS / sizeof REPORTS[0] };

typedef struct outputs {
    ts_buffer reports[N_REPORTS];
    bool written[N_REPORTS];
    ts_buffer xlsx; /* report.xlsx, when the library has libxlsxwriter */
    bool has_xlsx;
} outputs;

static ts_status render_all(const ts_run *run, const ts_cli_options *opt, outputs *o,
                            ts_error *err)
{
    for (size_t k = 0; k < N_REPORTS; k++) {
        const report_kind *r = &REPORTS[k];
        if (!r->wanted(run))
            continue;
        ts_status st;
        /* The byte-order mark goes first into a CSV buffer. */
        if ((r->csv && opt->csv_bom && (st = ts_report_render_bom(&o->reports[k], err)) != TS_OK) ||
            (st = r->render(run, opt->lang, &o->reports[k], err)) != TS_OK)
            return st;
        o->written[k] = true;
    }
    /* report.xlsx is built in a scratch file under $TMPDIR and written
     * with the other reports, so the set stays all-or-nothing. */
    if (!ts_xlsx_available())
        return TS_OK;
    ts_status st = ts_report_render_xlsx(run, opt->lang, NULL, &o->xlsx, err);
    o->has_xlsx = st == TS_OK;
    return st;
}

/* --rule and --band: the observed record judged again, the plan's
 * evaluation with what the options change. */
static ts_status evaluate(ts_run *run, const ts_cli_options *opt, ts_error *err)
{
    if (opt->rule < 0 && !opt->has_band)
        return TS_OK;
    ts_evaluation ev = run->plan->evaluation;
    if (opt->rule >= 0)
        ev.rule = (ts_rule)opt->rule;
    if (opt->has_band) {
        ev.band_low = opt->band_low;
        ev.band_high = opt->band_high;
    }
    return ts_run_set_evaluation(run, &ev, err);
}

/* The hindsight options: --by and --compare (usage errors) before the
 * backtest, which projects again. */
static ts_status analyse(ts_run *run, const ts_cli_options *opt, ts_error *err)
{
    ts_status st = TS_OK;
    if ((st = evaluate(run, opt, err)) != TS_OK ||
        (opt->by_year && (st = ts_run_set_by_year(run, opt->by_year, err)) != TS_OK) ||
        (opt->compare && (st = ts_run_compare(run, opt->compare, err)) != TS_OK) ||
        (opt->backtest && (st = ts_run_backtest(run, err)) != TS_OK))
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
    ts_status st = ts_chart_set_create(run, lang, dir, charts, err);
    free(dir);
    return st;
}

/* Reports and chart files, all written atomically in one call. */
static ts_status write_outputs(const char *out_dir, const outputs *o, const ts_chart_set *charts,
                               ts_error *err)
{
    size_t n_charts = charts ? charts->n : 0;
    ts_output_file *files = calloc(N_REPORTS + 1 + 2 * n_charts, sizeof *files);
    if (!files)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    size_t n = 0;
    for (size_t k = 0; k < N_REPORTS; k++)
        if (o->written[k])
            files[n++] = (ts_output_file){REPORTS[k].name, o->reports[k].data, o->reports[k].len};
    for (size_t c = 0; c < n_charts; c++) {
        const ts_chart *ch = &charts->charts[c];
        files[n++] = (ts_output_file){ch->dat_name, ch->dat.data, ch->dat.len};
        files[n++] = (ts_output_file){ch->gp_name, ch->gp.data, ch->gp.len};
    }
    if (o->has_xlsx)
        files[n++] = (ts_output_file){"report.xlsx", o->xlsx.data, o->xlsx.len};
    ts_status st = ts_output_write_all(out_dir, files, n, err);
    free(files);
    return st;
}

/* Runs gnuplot on the written scripts. A chart that fails to render is an
 * output that could not be written (exit 4); a missing gnuplot is not: the
 * scripts are there to be rendered later. *how and failed[] (one per chart,
 * may be NULL) tell report.html which charts it can show. */
static ts_status render_charts(const ts_cli_options *opt, const ts_chart_set *charts,
                               size_t *n_rendered, ts_html_charts *how, bool *failed,
                               ts_error *err)
{
    *n_rendered = 0;
    *how = !charts ? TS_HTML_CHARTS_NO_TEMPLATES
           : opt->no_render ? TS_HTML_CHARTS_NOT_RENDERED : TS_HTML_CHARTS_RENDERED;
    if (*how != TS_HTML_CHARTS_RENDERED)
        return TS_OK;
    char *gnuplot = ts_render_find_gnuplot();
    if (!gnuplot) {
        *how = TS_HTML_CHARTS_NO_GNUPLOT;
        ts_msg_no_gnuplot(opt->out_dir);
        return TS_OK;
    }
    ts_render_outcome r;
    int rc = ts_render_charts(gnuplot, opt->out_dir, charts, 0, &r);
    free(gnuplot);
    if (rc != 0)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    for (size_t k = 0; k < r.n_failed; k++) {
        ts_msg_render_failed(opt->out_dir, r.failures[k].gp_name, r.failures[k].line);
        for (size_t c = 0; failed && c < charts->n; c++)
            if (charts->charts[c].gp_name == r.failures[k].gp_name)
                failed[c] = true;
    }
    *n_rendered = r.n_rendered;
    ts_status st = TS_OK;
    if (r.n_failed)
        st = ts_error_set(err, TS_EWRITE, opt->out_dir, NULL,
                          "%zu of %zu charts could not be rendered", r.n_failed, charts->n);
    ts_render_outcome_free(&r);
    return st;
}

/* "  backtest from 2020, closest: gdp=trend ..." */
static void print_backtest(const ts_run *run)
{
    const ts_backtest *bt = run->backtest;
    printf("  backtest from %d, closest:", bt->from_year);
    for (size_t i = 0; i < bt->n_indicators; i++) {
        bool first = true;
        for (size_t s = 0; s < bt->n_scenarios; s++) {
            if (!ts_backtest_cell_at(bt, s, i)->closest)
                continue;
            if (first)
                printf(" %s=", run->plan->indicators[i].id);
            printf("%s%s", first ? "" : ",", run->results[s].scenario->id);
            first = false;
        }
    }
    printf("\n");
}

static void print_summary(const ts_run *run, const ts_cli_options *opt, double seconds)
{
    const ts_plan *plan = run->plan;
    printf("%s: %zu scenario%s x %zu indicators, %d-%d\n", plan->id, run->n_results,
           run->n_results == 1 ? "" : "s", plan->n_indicators, plan->base_year, run->horizon);
    for (size_t s = 0; s < run->n_results; s++) {
        const ts_scenario_result *r = &run->results[s];
        printf("  %-12s", r->scenario->id);
        for (size_t i = 0; i < plan->n_indicators; i++) {
            if (!r->assessments[i].has_target)
                continue;
            printf(" %s=%s", plan->indicators[i].id, ts_verdict_name(r->assessments[i].status));
            for (size_t k = 0; k < plan->indicators[i].n_revisions; k++)
                printf(" %s@%d=%s", plan->indicators[i].id, r->revisions[i][k].target_year,
                       ts_verdict_name(r->revisions[i][k].status));
        }
        printf("\n");
    }
    if (run->backtest)
        print_backtest(run);
    printf("wrote %s/report.txt, report.json, report.csv, paths.csv, table.csv, report.html, "
           "fan.csv, tornado.csv, sweep.csv%s%s%s\n",
           opt->out_dir, run->backtest ? ", backtest.csv" : "",
           run->comparison ? ", compare.csv" : "", ts_xlsx_available() ? ", report.xlsx" : "");
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
    ts_html_charts how;
    bool *failed = NULL;
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
        (st = analyse(run, opt, err)) != TS_OK ||
        (st = render_all(run, opt, &o, err)) != TS_OK ||
        (st = build_charts(run, opt->lang, &charts, err)) != TS_OK ||
        (st = write_outputs(opt->out_dir, &o, charts, err)) != TS_OK)
        goto out;
    if (charts && !(failed = calloc(charts->n ? charts->n : 1, sizeof *failed))) {
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    /* report.html shows the rendered charts, so it is written after them;
     * it is still written (with notes) when some chart failed. */
    ts_status rendered = render_charts(opt, charts, &n_rendered, &how, failed, err);
    if ((st = ts_cli_write_html(opt->out_dir, opt->lang, run, charts, how, failed, err)) != TS_OK)
        goto out;
    st = rendered;
    if (!opt->quiet) {
        print_summary(run, opt, seconds);
        print_charts(charts, n_rendered, opt->out_dir);
    }
out:
    free(failed);
    ts_chart_set_free(charts);
    for (size_t k = 0; k < N_REPORTS; k++)
        ts_buffer_free(&o.reports[k]);
    ts_buffer_free(&o.xlsx);
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
        ts_msg_error(&err, &opt);
    ts_cli_options_free(&opt);
    return exit_code(st);
}
