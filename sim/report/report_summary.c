/* report_summary.c - the few lines the command prints after a run, in the
 * run's language. The command line sees only the public API, so the words
 * live here with the other reports' (sentences with numbers stay literals
 * beside their arguments, as in report_text.c, for -Wformat). */
#include <stdio.h>

#include "base/buffer.h"
#include "strings/strings.h"
#include "targetsim/targetsim.h"

/* "mini: 1 scenario x 5 indicators, 2020-2030" */
static void scope_line(const ts_run *run, ts_lang lang, ts_buffer *out)
{
    const ts_plan *plan = run->plan;
    if (lang == TS_LANG_ZH)
        ts_buffer_printf(out, "%s：%zu 个情景 × %zu 个指标，%d—%d年\n", plan->id, run->n_results,
                         plan->n_indicators, plan->base_year, run->horizon);
    else
        ts_buffer_printf(out, "%s: %zu scenario%s x %zu indicators, %d-%d\n", plan->id,
                         run->n_results, run->n_results == 1 ? "" : "s", plan->n_indicators,
                         plan->base_year, run->horizon);
}

/* "  base         gdp=on_track gdp@2027=moderate": report.json's status
 * names in English (what scripts grep), the status words in Chinese. */
static void scenario_line(const ts_run *run, const ts_scenario_result *r, ts_lang lang,
                          ts_buffer *out)
{
    const ts_plan *plan = run->plan;
    const ts_strings *S = ts_strings_for(lang);
    ts_buffer_printf(out, "  %-12s", r->scenario->id);
    for (size_t i = 0; i < plan->n_indicators; i++) {
        if (!r->assessments[i].has_target)
            continue;
        ts_verdict v = r->assessments[i].status;
        ts_buffer_printf(out, " %s=%s", plan->indicators[i].id,
                         lang == TS_LANG_ZH ? S->status[v] : ts_verdict_name(v));
        for (size_t k = 0; k < plan->indicators[i].n_revisions; k++) {
            v = r->revisions[i][k].status;
            ts_buffer_printf(out, " %s@%d=%s", plan->indicators[i].id,
                             r->revisions[i][k].target_year,
                             lang == TS_LANG_ZH ? S->status[v] : ts_verdict_name(v));
        }
    }
    ts_buffer_puts(out, "\n");
}

/* "  backtest from 2020, closest: gdp=trend ..." */
static void backtest_line(const ts_run *run, ts_lang lang, ts_buffer *out)
{
    const ts_backtest *bt = run->backtest;
    if (lang == TS_LANG_ZH)
        ts_buffer_printf(out, "  回测（自%d年起），最接近的情景：", bt->from_year);
    else
        ts_buffer_printf(out, "  backtest from %d, closest:", bt->from_year);
    for (size_t i = 0; i < bt->n_indicators; i++) {
        bool first = true;
        for (size_t s = 0; s < bt->n_scenarios; s++) {
            if (!ts_backtest_cell_at(bt, s, i)->closest)
                continue;
            if (first)
                ts_buffer_printf(out, " %s=", run->plan->indicators[i].id);
            ts_buffer_printf(out, "%s%s", first ? "" : ",", run->results[s].scenario->id);
            first = false;
        }
    }
    ts_buffer_puts(out, "\n");
}

static void files_line(const ts_summary_info *info, ts_lang lang, ts_buffer *out)
{
    const char *sep = lang == TS_LANG_ZH ? "、" : ", ";
    ts_buffer_puts(out, lang == TS_LANG_ZH ? "已写入 " : "wrote ");
    for (size_t k = 0; k < info->n_files; k++) {
        if (k == 0)
            ts_buffer_printf(out, "%s/%s", info->out_dir, info->files[k]);
        else
            ts_buffer_printf(out, "%s%s", sep, info->files[k]);
    }
    ts_buffer_puts(out, "\n");
}

static void simulation_lines(const ts_run *run, const ts_summary_info *info, ts_lang lang,
                             ts_buffer *out)
{
    if (info->draws && lang == TS_LANG_ZH)
        ts_buffer_printf(out, "蒙特卡洛模拟：每个情景 %zu 次抽样，随机数初值 %llu，%u 个线程，%.2f 秒\n",
                         info->draws, info->seed, info->threads, info->seconds);
    else if (info->draws)
        ts_buffer_printf(out, "Monte Carlo: %zu draws per scenario, seed %llu, %u thread%s, %.2f s\n",
                         info->draws, info->seed, info->threads, info->threads == 1 ? "" : "s",
                         info->seconds);
    if (run->sweep && lang == TS_LANG_ZH)
        ts_buffer_printf(out, "参数扫描：情景 %s 的 %zu 个取值点\n", run->sweep_scenario->id,
                         run->sweep->n_points);
    else if (run->sweep)
        ts_buffer_printf(out, "sweep: %zu points of the scenario %s\n", run->sweep->n_points,
                         run->sweep_scenario->id);
}

static void charts_line(const ts_summary_info *info, ts_lang lang, ts_buffer *out)
{
    if (!info->charts)
        return;
    if (lang == TS_LANG_ZH) {
        ts_buffer_printf(out, "已将 %zu 张图表写入 %s（.dat、.gp）", info->n_charts, info->out_dir);
        if (info->n_rendered)
            ts_buffer_printf(out, "，其中 %zu 张已生成 .png 和 .svg", info->n_rendered);
    } else {
        ts_buffer_printf(out, "wrote %zu charts to %s (.dat, .gp)", info->n_charts, info->out_dir);
        if (info->n_rendered)
            ts_buffer_printf(out, ", rendered %zu as .png and .svg", info->n_rendered);
    }
    ts_buffer_puts(out, "\n");
}

ts_status ts_report_render_summary(const ts_run *run, const ts_summary_info *info, ts_lang lang,
                                   ts_buffer *out, ts_error *err)
{
    scope_line(run, lang, out);
    for (size_t s = 0; s < run->n_results; s++)
        scenario_line(run, &run->results[s], lang, out);
    if (run->backtest)
        backtest_line(run, lang, out);
    files_line(info, lang, out);
    simulation_lines(run, info, lang, out);
    charts_line(info, lang, out);
    if (out->failed)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    return TS_OK;
}
