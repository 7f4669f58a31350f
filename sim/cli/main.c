/* main.c - the targetsim command: parse options, call the library, map the
 * status to an exit code. No engine logic lives here. */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_html.h"
#include "cli_options.h"
#include "interrupt.h"
#include "messages.h"
#include "outdir.h"
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

/* Monte Carlo draws and sweeps, as the options ask. */
static ts_status simulate(const ts_cli_options *opt, ts_run *run, double *seconds, ts_error *err)
{
    progress_state ps = {seconds_now(), isatty(STDERR_FILENO) == 1, false};
    ts_mc_options mc = {.draws = opt->draws, .seed = opt->seed, .threads = opt->threads,
                        .percentiles = true,
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
    bool out_of_memory;
    char *dir = ts_cli_template_dir(&out_of_memory);
    *charts = NULL;
    if (out_of_memory)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    if (!dir) {
        ts_msg_no_templates();
        return TS_OK;
    }
    ts_status st = ts_chart_set_create(run, lang, dir, charts, err);
    free(dir);
    return st;
}

/* One rendered chart's images, read back from the stage folder. */
typedef struct images {
    char *png, *svg;
    size_t png_len, svg_len;
    char *png_name, *svg_name; /* STEM.png, STEM.svg */
} images;

/* Writes every chart's .dat and .gp into the stage folder, for gnuplot. */
static ts_status stage_scripts(const char *stage, const ts_chart_set *charts, ts_error *err)
{
    for (size_t c = 0; c < charts->n; c++) {
        const ts_chart *ch = &charts->charts[c];
        const ts_output_file f[2] = {{ch->dat_name, ch->dat.data, ch->dat.len},
                                     {ch->gp_name, ch->gp.data, ch->gp.len}};
        for (size_t k = 0; k < 2; k++) {
            size_t n = strlen(stage) + strlen(f[k].name) + 2;
            char *path = malloc(n);
            if (!path)
                return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
            snprintf(path, n, "%s/%s", stage, f[k].name);
            FILE *fp = fopen(path, "wb");
            bool ok = fp && fwrite(f[k].data ? f[k].data : "", 1, f[k].len, fp) == f[k].len;
            if (fp && fclose(fp) != 0)
                ok = false;
            free(path);
            if (!ok)
                return ts_error_set(err, TS_EWRITE, f[k].name, NULL, "cannot write for gnuplot: %s",
                                    strerror(errno));
        }
    }
    return TS_OK;
}

/* Reads back the images of every chart gnuplot drew (failed[c] false). */
static ts_status read_images(const char *stage, const ts_chart_set *charts, const bool *failed,
                             images *img, ts_error *err)
{
    enum { IMAGE_MAX = 64 * 1024 * 1024 };
    for (size_t c = 0; c < charts->n; c++) {
        if (failed[c])
            continue;
        size_t len = strlen(charts->charts[c].stem) + 5;
        if (!(img[c].png_name = malloc(len)) || !(img[c].svg_name = malloc(len)))
            return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        snprintf(img[c].png_name, len, "%s.png", charts->charts[c].stem);
        snprintf(img[c].svg_name, len, "%s.svg", charts->charts[c].stem);
        int a = ts_cli_read_file(stage, img[c].png_name, IMAGE_MAX, &img[c].png, &img[c].png_len);
        int b = a < 0 ? -1
                      : ts_cli_read_file(stage, img[c].svg_name, IMAGE_MAX, &img[c].svg, &img[c].svg_len);
        if (a < 0 || b < 0)
            return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        if (a || b)
            return ts_error_set(err, TS_EWRITE, charts->charts[c].stem, NULL,
                                "gnuplot's images cannot be read back");
    }
    return TS_OK;
}

/* The gnuplot processes, started before the run so that their start-up
 * overlaps it (NULL: no rendering wanted, or no gnuplot). */
static ts_renderer *start_gnuplot(const ts_cli_options *opt, bool *no_gnuplot)
{
    *no_gnuplot = false;
    if (opt->no_render)
        return NULL;
    char *gnuplot = ts_render_find_gnuplot();
    *no_gnuplot = gnuplot == NULL;
    ts_renderer *r = gnuplot ? ts_render_start(gnuplot, 0) : NULL;
    free(gnuplot);
    return r;
}

/* Runs gnuplot on the written scripts. A chart that fails to render is an
 * output that could not be written (exit 4); a missing gnuplot is not: the
 * scripts are there to be rendered later. *how and failed[] (one per chart,
 * may be NULL) tell report.html which charts it can show. */
static ts_status render_charts(const ts_cli_options *opt, ts_outdir *od, ts_renderer *renderer,
                               bool no_gnuplot, const ts_chart_set *charts, size_t *n_rendered,
                               ts_html_charts *how, bool *failed, ts_error *err)
{
    *n_rendered = 0;
    *how = !charts ? TS_HTML_CHARTS_NO_TEMPLATES
           : opt->no_render ? TS_HTML_CHARTS_NOT_RENDERED : TS_HTML_CHARTS_RENDERED;
    if (*how != TS_HTML_CHARTS_RENDERED)
        return TS_OK;
    if (no_gnuplot) {
        *how = TS_HTML_CHARTS_NO_GNUPLOT;
        ts_msg_no_gnuplot(opt->out_dir);
        return TS_OK;
    }
    ts_status st0;
    if ((st0 = ts_outdir_make_stage(od, err)) != TS_OK ||
        (st0 = stage_scripts(od->stage, charts, err)) != TS_OK)
        return st0;
    ts_render_outcome r;
    int rc = renderer ? ts_render_run(renderer, od->stage, charts, &r) : -1;
    if (rc != 0)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    if (ts_cli_signal) {
        ts_render_outcome_free(&r);
        return TS_OK; /* the caller stops */
    }
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

/* The console summary, in the run's language (the library words it). */
/* The console summary, made before the output folder changes (running out
 * of memory here must leave the folder as it was) and printed after. */
static ts_status make_summary(const ts_run *run, const ts_cli_options *opt, double seconds,
                              const ts_chart_set *charts, size_t n_rendered, ts_buffer *out,
                              ts_error *err)
{
    const char *files[16];
    size_t n = 0;
    static const char *const ALWAYS[] = {"report.txt", "report.json", "report.csv",
                                         "paths.csv",  "table.csv",   "report.html",
                                         "fan.csv",    "tornado.csv", "sweep.csv"};
    for (size_t k = 0; k < sizeof ALWAYS / sizeof ALWAYS[0]; k++)
        files[n++] = ALWAYS[k];
    if (run->backtest)
        files[n++] = "backtest.csv";
    if (run->comparison)
        files[n++] = "compare.csv";
    if (ts_xlsx_available())
        files[n++] = "report.xlsx";
    ts_summary_info info = {.out_dir = opt->out_dir, .files = files, .n_files = n,
                            .draws = opt->draws, .seed = (unsigned long long)opt->seed,
                            .threads = opt->threads, .seconds = seconds,
                            .charts = charts != NULL, .n_charts = charts ? charts->n : 0,
                            .n_rendered = n_rendered};
    return ts_report_render_summary(run, &info, opt->lang, out, err);
}

/* --observed: the years of the files, up to last year (a year's figures
 * are published once it is over). */
static ts_status read_observed(ts_plan *plan, const ts_cli_options *opt, ts_error *err)
{
    if (!opt->n_observed)
        return TS_OK;
    time_t now = time(NULL);
    struct tm tm;
    int latest = gmtime_r(&now, &tm) ? tm.tm_year + 1900 - 1 : 0;
    return ts_plan_read_observed(plan, opt->observed, opt->n_observed, latest, err);
}

/* Everything the run writes, in the order of the final step: the
 * reports, each chart's data, script and images, report.html. */
static ts_status collect(const outputs *o, const ts_chart_set *charts, const images *img,
                         const ts_buffer *page, ts_output_file **files, size_t *n,
                         ts_error *err)
{
    size_t n_charts = charts ? charts->n : 0;
    ts_output_file *f = calloc(N_REPORTS + 4 * n_charts + 2, sizeof *f);
    if (!f)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    size_t k = 0;
    for (size_t r = 0; r < N_REPORTS; r++)
        if (o->written[r])
            f[k++] = (ts_output_file){REPORTS[r].name, o->reports[r].data, o->reports[r].len};
    for (size_t c = 0; c < n_charts; c++) {
        const ts_chart *ch = &charts->charts[c];
        f[k++] = (ts_output_file){ch->dat_name, ch->dat.data, ch->dat.len};
        f[k++] = (ts_output_file){ch->gp_name, ch->gp.data, ch->gp.len};
        if (img && img[c].png) {
            f[k++] = (ts_output_file){img[c].png_name, img[c].png, img[c].png_len};
            f[k++] = (ts_output_file){img[c].svg_name, img[c].svg, img[c].svg_len};
        }
    }
    f[k++] = (ts_output_file){"report.html", page->data, page->len};
    if (o->has_xlsx)
        f[k++] = (ts_output_file){"report.xlsx", o->xlsx.data, o->xlsx.len};
    *files = f;
    *n = k;
    return TS_OK;
}

/* Whether the final step ran: an interrupt after it says so. */
static bool committed;

static ts_status run_job(const ts_cli_options *opt, int argc, char **argv, ts_error *err)
{
    ts_plan *plan = NULL;
    ts_scenario *scenarios[TS_MAX_SCENARIOS] = {0};
    size_t n = 0;
    ts_run *run = NULL;
    ts_chart_set *charts = NULL;
    size_t n_rendered = 0;
    ts_html_charts how;
    bool *failed = NULL;
    images *img = NULL;
    ts_buffer page = {0};
    ts_output_file *files = NULL;
    size_t n_files = 0;
    outputs o = {0};
    bool no_gnuplot = false;
    ts_renderer *renderer = NULL;
    ts_buffer summary = {0};
    ts_outdir od = {.lock_fd = -1};
    ts_status st = ts_outdir_open(opt->out_dir, &od, err);
    if (st != TS_OK)
        goto out;
    if ((st = ts_plan_load(opt->plan, &plan, err)) != TS_OK ||
        (st = read_observed(plan, opt, err)) != TS_OK)
        goto out;
    const char *const *scen_files = opt->n_scenarios ? opt->scenarios : (const char *const *)plan->scenarios;
    size_t n_scen_files = opt->n_scenarios ? opt->n_scenarios : plan->n_scenarios;
    if (n_scen_files == 0) {
        st = ts_error_set(err, TS_EUSAGE, opt->plan, NULL,
                          "the plan lists no scenarios; give one with --scenario FILE");
        goto out;
    }
    for (; n < n_scen_files; n++) {
        if ((st = ts_scenario_load(plan, scen_files[n], &scenarios[n], err)) != TS_OK)
            goto out;
        for (size_t k = 0; k < n; k++)
            if (strcmp(scenarios[k]->id, scenarios[n]->id) == 0) {
                st = ts_error_set(err, TS_EINPUT, scen_files[n], "id",
                                  "scenario id \"%s\" is already used by %s", scenarios[n]->id,
                                  scenarios[k]->file);
                n++;
                goto out;
            }
    }
    /* The inputs are read: gnuplot can start while the run computes. */
    renderer = start_gnuplot(opt, &no_gnuplot);
    ts_project_options popt = {opt->horizon, opt->as_of};
    double seconds = 0;
    if ((st = ts_run_create(plan, (const ts_scenario *const *)scenarios, n, &popt, &run, err)) != TS_OK ||
        (st = simulate(opt, run, &seconds, err)) != TS_OK ||
        (st = analyse(run, opt, err)) != TS_OK ||
        (st = render_all(run, opt, &o, err)) != TS_OK ||
        (st = build_charts(run, opt->lang, &charts, err)) != TS_OK)
        goto out;
    if (charts && (!(failed = calloc(charts->n ? charts->n : 1, sizeof *failed)) ||
                   !(img = calloc(charts->n ? charts->n : 1, sizeof *img)))) {
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    /* gnuplot draws in a private folder; its images are read back, so the
     * output folder changes once, below. report.html embeds the SVGs; it is
     * still written (with notes) when some chart failed. */
    ts_status rendered = render_charts(opt, &od, renderer, no_gnuplot, charts, &n_rendered, &how,
                                       failed, err);
    ts_render_stop(renderer);
    renderer = NULL;
    if (ts_cli_signal)
        goto out;
    if (rendered != TS_OK && rendered != TS_EWRITE) {
        st = rendered;
        goto out;
    }
    ts_error render_err = *err;
    if (how == TS_HTML_CHARTS_RENDERED && charts &&
        (st = read_images(od.stage, charts, failed, img, err)) != TS_OK)
        goto out;
    if ((st = ts_cli_render_html(od.stage ? od.stage : opt->out_dir, opt->lang, run, charts, how,
                                 failed, &page, err)) != TS_OK ||
        (st = collect(&o, charts, img, &page, &files, &n_files, err)) != TS_OK)
        goto out;
    if (!opt->quiet &&
        (st = make_summary(run, opt, seconds, charts, n_rendered, &summary, err)) != TS_OK)
        goto out;
    ts_manifest_info info = {argc, argv, opt->seed, opt->draws};
    /* A signal that came while report.html was made stops the run here;
     * one that comes from now on waits until the folder has changed. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigprocmask(SIG_BLOCK, &block, &old);
    if (!ts_cli_signal)
        st = ts_outdir_commit(&od, files, n_files, &info, err);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (st != TS_OK || !od.committed)
        goto out;
    committed = true;
    if (ts_cli_signal) /* came during the step: main says the files are written */
        goto out;
    st = rendered;
    if (st != TS_OK)
        *err = render_err;
    /* Printed also when some chart failed to render (exit 4 then). */
    if (summary.len)
        fwrite(summary.data, 1, summary.len, stdout);
out:
    ts_buffer_free(&summary);
    /* gnuplot first: it may still be drawing in the stage folder. */
    ts_render_stop(renderer);
    ts_outdir_close(&od);
    free(files);
    ts_buffer_free(&page);
    for (size_t c = 0; img && charts && c < charts->n; c++) {
        free(img[c].png);
        free(img[c].svg);
        free(img[c].png_name);
        free(img[c].svg_name);
    }
    free(img);
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
    if (parsed == TS_CLI_EXIT_NOMEM) {
        ts_error_set(&err, TS_ENOMEM, NULL, NULL, "out of memory");
        ts_msg_error(&err, &opt);
        ts_cli_options_free(&opt);
        return exit_code(TS_ENOMEM);
    }
    if (parsed != TS_CLI_RUN) {
        int code = parsed == TS_CLI_EXIT_OK ? 0 : 2;
        ts_cli_options_free(&opt);
        return code;
    }
    ts_cli_catch_signals();
    ts_status st = run_job(&opt, argc, argv, &err);
    int sig = ts_cli_signal;
    if (sig) {
        ts_msg_interrupted(sig, opt.out_dir, committed);
        ts_cli_options_free(&opt);
        return 128 + sig;
    }
    if (st != TS_OK)
        ts_msg_error(&err, &opt);
    ts_cli_options_free(&opt);
    return exit_code(st);
}
