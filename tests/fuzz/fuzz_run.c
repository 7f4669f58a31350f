/* fuzz_run.c - fuzz target: the whole path a CLI run takes, to memory.
 *
 * The input is a plan, then up to three scenario files, separated by NUL
 * bytes (fuzz_common.h). The plan is parsed from memory as if it were
 * plan.json in the scratch folder; the scenarios are written there as
 * a.json, b.json and c.json, next to copies of the bundled scenarios. The
 * scenarios run are the ones the plan lists (as the CLI does without
 * --scenario), else a.json. Then: project and assess under the latest
 * observations and again as seen from the base year, render every report
 * (report.html included) and every chart to memory, and check what came
 * out: report.json is JSON, report.html has only its writer's markup and
 * links, every file is UTF-8 without control characters from the input,
 * the gnuplot scripts keep input text quoted.
 * Nothing is written to the output folder; ts_output_write_all has its own
 * fault-injection tests (tests/inject). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#ifndef TS_FUZZ_TEMPLATE_DIR
#error "TS_FUZZ_TEMPLATE_DIR (plots/templates) must be defined by the build"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void render(const ts_run *run)
{
    ts_buffer text = {0}, zh = {0}, json = {0}, csv = {0}, paths = {0}, html = {0};
    ts_error err;
    ts_status st;
    /* Rendering can only run out of memory; any other failure is a bug. */
    if ((st = ts_report_render_text(run, TS_LANG_EN, &text, &err)) != TS_OK ||
        (st = ts_report_render_text(run, TS_LANG_ZH, &zh, &err)) != TS_OK ||
        (st = ts_report_render_json(run, &json, &err)) != TS_OK ||
        (st = ts_report_render_csv(run, &csv, &err)) != TS_OK ||
        (st = ts_report_render_paths_csv(run, &paths, &err)) != TS_OK ||
        (st = ts_report_render_html(run, NULL, &html, &err)) != TS_OK) {
        fprintf(stderr, "fuzz_run: rendering failed: %s\n", err.message);
        abort();
    }
    fz_check_controls(&text, "report.txt", 0);
    fz_check_controls(&zh, "report.txt (zh)", 0);
    fz_check_json(&json);
    fz_check_controls(&json, "report.json", FZ_TAB);
    fz_check_controls(&csv, "report.csv", FZ_CRLF);
    fz_check_controls(&paths, "paths.csv", FZ_CRLF);
    fz_check_html(&html);
    ts_buffer_free(&text);
    ts_buffer_free(&zh);
    ts_buffer_free(&json);
    ts_buffer_free(&csv);
    ts_buffer_free(&paths);
    ts_buffer_free(&html);
}

static void chart(const ts_run *run)
{
    ts_chart_set *set = NULL;
    ts_error err;
    ts_status st = ts_chart_set_create(run, TS_LANG_EN, TS_FUZZ_TEMPLATE_DIR, &set, &err);
    if (st != TS_OK) {
        fprintf(stderr, "fuzz_run: charts failed: %s\n", err.message);
        abort();
    }
    for (size_t c = 0; c < set->n; c++) {
        const ts_chart *ch = &set->charts[c];
        if (strspn(ch->stem, "abcdefghijklmnopqrstuvwxyz0123456789_.-") != strlen(ch->stem)) {
            fprintf(stderr, "fuzz_run: chart file stem \"%s\" outside [a-z0-9_.-]\n", ch->stem);
            abort();
        }
        fz_check_gnuplot(&ch->gp, ch->gp_name);
        fz_check_controls(&ch->dat, ch->dat_name, FZ_TAB);
    }
    ts_chart_set_free(set);
}

static void run_with(const ts_plan *plan, ts_scenario *const *sc, size_t n, int as_of)
{
    ts_project_options opt = {0, as_of};
    ts_run *run = NULL;
    ts_error err;
    ts_error_clear(&err);
    ts_status st = ts_run_create(plan, (const ts_scenario *const *)sc, n, &opt, &run, &err);
    fz_check_error(st, &err);
    if (st == TS_OK) {
        render(run);
        chart(run);
    }
    ts_run_free(run);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_parts parts;
    fz_split(data, size, &parts);
    fz_write_parts(&parts, 1);
    ts_plan *plan = NULL;
    ts_error err;
    ts_error_clear(&err);
    ts_status st = ts_plan_parse(parts.text[0], parts.len[0], fz_path("plan.json"), &plan, &err);
    fz_check_error(st, &err);
    if (st != TS_OK)
        return 0;
    char a_json[512];
    snprintf(a_json, sizeof a_json, "%s", fz_path("a.json"));
    char *fallback = a_json;
    char *const *files = plan->n_scenarios ? plan->scenarios : &fallback;
    size_t n_files = plan->n_scenarios ? plan->n_scenarios : 1;
    ts_scenario *sc[TS_MAX_SCENARIOS] = {0};
    size_t n = 0;
    for (; n < n_files; n++) {
        st = ts_scenario_load(plan, files[n], &sc[n], &err);
        fz_check_error(st, &err);
        if (st != TS_OK)
            break;
    }
    if (st == TS_OK) {
        run_with(plan, sc, n, TS_AS_OF_LATEST);
        run_with(plan, sc, n, plan->base_year);
    }
    for (size_t k = 0; k < n; k++)
        ts_scenario_free(sc[k]);
    ts_plan_free(plan);
    return 0;
}
