/* main.c - the targetsim command: parse options, call the library, map the
 * status to an exit code. No engine logic lives here. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_html.h"
#include "cli_options.h"
#include "messages.h"
#include "render.h"
#include "targetsim/targetsim.h"

static int exit_code(ts_status st)
{
    return (st == TS_ENOMEM || st == TS_EINTERNAL) ? 1 : (int)st;
}

typedef struct outputs {
    ts_buffer text, json, csv, paths;
    ts_buffer backtest, compare; /* only with --backtest, --compare */
} outputs;

static ts_status render_all(const ts_run *run, const ts_cli_options *opt, outputs *o,
                            ts_error *err)
{
    ts_status st;
    /* The byte-order mark goes first into every CSV buffer. */
    ts_buffer *csvs[] = {&o->csv, &o->paths, run->backtest ? &o->backtest : NULL,
                         run->comparison ? &o->compare : NULL};
    for (size_t k = 0; opt->csv_bom && k < sizeof csvs / sizeof csvs[0]; k++)
        if (csvs[k] && (st = ts_report_render_bom(csvs[k], err)) != TS_OK)
            return st;
    if ((st = ts_report_render_text(run, opt->lang, &o->text, err)) != TS_OK ||
        (st = ts_report_render_json(run, &o->json, err)) != TS_OK ||
        (st = ts_report_render_csv(run, &o->csv, err)) != TS_OK ||
        (st = ts_report_render_paths_csv(run, &o->paths, err)) != TS_OK ||
        (run->backtest && (st = ts_report_render_backtest_csv(run, &o->backtest, err)) != TS_OK) ||
        (run->comparison && (st = ts_report_render_compare_csv(run, &o->compare, err)) != TS_OK))
        return st;
    return TS_OK;
}

/* The hindsight options: --by and --compare (usage errors) before the
 * backtest, which projects again. */
static ts_status analyse(ts_run *run, const ts_cli_options *opt, ts_error *err)
{
    ts_status st = TS_OK;
    if ((opt->by_year && (st = ts_run_set_by_year(run, opt->by_year, err)) != TS_OK) ||
        (opt->compare && (st = ts_run_compare(run, opt->compare, err)) != TS_OK) ||
        (opt->backtest && (st = ts_run_backtest(run, err)) != TS_OK))
        return st;
    return TS_OK;
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
    ts_output_file *files = calloc(6 + 2 * n_charts, sizeof *files);
    if (!files)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    size_t n = 0;
    files[n++] = (ts_output_file){"report.txt", o->text.data, o->text.len};
    files[n++] = (ts_output_file){"report.json", o->json.data, o->json.len};
    files[n++] = (ts_output_file){"report.csv", o->csv.data, o->csv.len};
    files[n++] = (ts_output_file){"paths.csv", o->paths.data, o->paths.len};
    if (o->backtest.len)
        files[n++] = (ts_output_file){"backtest.csv", o->backtest.data, o->backtest.len};
    if (o->compare.len)
        files[n++] = (ts_output_file){"compare.csv", o->compare.data, o->compare.len};
    for (size_t c = 0; c < n_charts; c++) {
        const ts_chart *ch = &charts->charts[c];
        files[n++] = (ts_output_file){ch->dat_name, ch->dat.data, ch->dat.len};
        files[n++] = (ts_output_file){ch->gp_name, ch->gp.data, ch->gp.len};
    }
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

static void print_summary(const ts_run *run, const char *out_dir)
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
    printf("wrote %s/report.txt, report.json, report.csv, paths.csv, report.html%s%s\n", out_dir,
           run->backtest ? ", backtest.csv" : "", run->comparison ? ", compare.csv" : "");
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
    if ((st = ts_run_create(plan, (const ts_scenario *const *)scenarios, n, &popt, &run, err)) != TS_OK ||
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
        print_summary(run, opt->out_dir);
        print_charts(charts, n_rendered, opt->out_dir);
    }
out:
    free(failed);
    ts_chart_set_free(charts);
    ts_buffer_free(&o.text);
    ts_buffer_free(&o.json);
    ts_buffer_free(&o.csv);
    ts_buffer_free(&o.paths);
    ts_buffer_free(&o.backtest);
    ts_buffer_free(&o.compare);
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
