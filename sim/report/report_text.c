/* report_text.c - report.txt: what a planning analyst reads first. A header,
 * the verdict on targets whose year is already observed, one table per
 * scenario, then flagged assumptions and sources. English or Chinese. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buffer.h"
#include "base/text.h"
#include "format.h"
#include "provenance.h"
#include "report_parts.h"
#include "strings/strings.h"
#include "targetsim/report.h"
#include "targetsim/targetsim.h"
#include "text_table.h"

/* "[A1]" for the k-th indicator with an assumption, "" otherwise. */
static void flag_of(const ts_plan *plan, size_t index, char *buf, size_t size)
{
    ts_fmt_flag(plan, index, buf, size);
}

static void render_header(const ts_run *run, const ts_report_words *L, ts_lang lang, ts_buffer *out)
{
    const ts_plan *plan = run->plan;
    ts_buffer_printf(out, "%s: %s (%s)\n", L->title, ts_text_get(&plan->name, lang), plan->id);
    char observed[96];
    if (run->as_of != TS_AS_OF_LATEST)
        snprintf(observed, sizeof observed, "%s %d (--as-of)", L->observed_to, run->as_of);
    else
        snprintf(observed, sizeof observed, "%s", L->observed_all);
    ts_buffer_printf(out, "%s %d, %s %d, %s %d; %s\n", L->base, plan->base_year, L->target_year,
                     plan->target_year, L->horizon, run->horizon, observed);
    ts_buffer_printf(out, "%s: %s   targetsim %s\n", L->plan_file, plan->file, ts_version());
    if (run->mc_draws) {
        char draws[48], line[512];
        ts_fmt_value((double)run->mc_draws, draws, sizeof draws);
        if (lang == TS_LANG_ZH)
            snprintf(line, sizeof line,
                     "蒙特卡洛模拟：每个情景%s次抽样，随机数初值%llu。P(目标)：目标年达到目标的抽样"
                     "占比（方括号内为95%% Wilson区间）。",
                     draws, (unsigned long long)run->mc_seed);
        else
            snprintf(line, sizeof line,
                     "Monte Carlo: %s draws per scenario, seed %llu. P(target) = share of draws "
                     "meeting the target in its target year (95%% Wilson interval in brackets).",
                     draws, (unsigned long long)run->mc_seed);
        ts_fmt_wrapped(out, NULL, line, 96);
    }
    ts_buffer_puts(out, "\n");
}

/* What the --by column means. */
static void verdict_by_note(int by_year, ts_lang lang, ts_buffer *out)
{
    char line[512];
    if (lang == TS_LANG_ZH)
        snprintf(line, sizeof line,
                 "至%d年所需年增速：自最近实际值起按固定年增速在%d年达到目标所需的增速。", by_year,
                 by_year);
    else
        snprintf(line, sizeof line,
                 "Needed/yr by %d: the constant yearly growth from the latest observed value that "
                 "reaches the target in %d.",
                 by_year, by_year);
    ts_fmt_wrapped(out, NULL, line, 96);
}

/* One verdict row: a target or a revised target whose year is observed;
 * with --by, a column for the growth needed by then. */
static void verdict_row(const ts_run *run, size_t i, const ts_assessment *a, ts_lang lang,
                        tt_table *t)
{
    const ts_plan *plan = run->plan;
    char name[160], target[300], observed[48], ratio[24], shortfall[48], needed[24],
        realised[24], flag[16], by[24];
    ts_fmt_target_name(&plan->indicators[i], a, lang, name, sizeof name);
    ts_fmt_target(plan, i, a, lang, target, sizeof target);
    ts_fmt_value(a->value_at_target_year, observed, sizeof observed);
    ts_fmt_percent(a->ratio, ratio, sizeof ratio);
    ts_fmt_value(a->shortfall, shortfall, sizeof shortfall);
    ts_fmt_percent(a->needed_growth, needed, sizeof needed);
    ts_fmt_percent(a->realised_growth, realised, sizeof realised);
    ts_fmt_percent(a->needed_growth_by, by, sizeof by);
    flag_of(plan, i, flag, sizeof flag);
    /* Without --by the table has 9 columns and the 9th is the flag. */
    const char *status = ts_strings_for(lang)->status[a->status];
    const char *row[] = {name,      target, observed, ratio, status,
                         shortfall, needed, realised, run->by_year ? by : flag, flag};
    tt_add_row(t, row);
}

static void render_verdict(const ts_run *run, const ts_report_words *L, ts_lang lang,
                           ts_buffer *out)
{
    const ts_plan *plan = run->plan;
    if (run->n_results == 0)
        return;
    const ts_scenario_result *r = &run->results[0];
    tt_table t;
    size_t n_cols = run->by_year ? 10 : 9;
    tt_init(&t, n_cols);
    for (size_t c = 1; c < n_cols - 1; c++)
        t.align[c] = TT_RIGHT;
    t.align[4] = TT_LEFT;
    t.max_width[0] = 48;
    char by_head[64];
    snprintf(by_head, sizeof by_head, "%s%d%s", L->needed_by.before, run->by_year,
             L->needed_by.after);
    const char *head[] = {L->col_indicator, L->col_target,   L->col_observed,
                          L->col_ratio,     L->col_status,   L->col_shortfall,
                          L->col_needed,    L->col_realised, run->by_year ? by_head : L->col_flags,
                          L->col_flags};
    tt_add_row(&t, head);
    for (size_t i = 0; i < plan->n_indicators; i++) {
        if (!r->assessments[i].has_target)
            continue;
        if (r->assessments[i].retrospective)
            verdict_row(run, i, &r->assessments[i], lang, &t);
        for (size_t k = 0; k < plan->indicators[i].n_revisions; k++)
            if (r->revisions[i][k].retrospective)
                verdict_row(run, i, &r->revisions[i][k], lang, &t);
    }
    if (t.n_rows > 1 || t.failed) { /* tt_render marks `out` failed */
        ts_buffer_printf(out, "%s\n", L->verdict_title);
        ts_fmt_wrapped(out, NULL, L->verdict_note, 96);
        if (run->by_year)
            verdict_by_note(run->by_year, lang, out);
        ts_buffer_puts(out, "\n");
        tt_render(&t, "  ", out);
        ts_buffer_puts(out, "\n");
    }
    tt_free(&t);
}

/* The P(target) column sits after "% of target"; without draws it is left
 * out. */
static void add_row(tt_table *t, const char *const *cells, bool with_p)
{
    const char *row[10];
    for (size_t c = 0, o = 0; c < 10; c++)
        if (with_p || c != 4)
            row[o++] = cells[c];
    tt_add_row(t, row);
}

static void scenario_row(const ts_run *run, const ts_scenario_result *r, size_t i,
                         const ts_assessment *a, const ts_report_words *L, ts_lang lang,
                         tt_table *t)
{
    const ts_plan *plan = run->plan;
    const ts_indicator *ind = &plan->indicators[i];
    char name[160], target[300], value[48], ratio[24], prob[24] = "", required[24], scen[24],
        attained[32], flag[16];
    flag_of(plan, i, flag, sizeof flag);
    if (!a->has_target) {
        /* Inputs show the scenario's value in the plan's target year. */
        ts_fmt_value(ts_projection_value(r->projection, i, plan->target_year), value,
                     sizeof value);
        const char *row[] = {ts_indicator_name(ind, lang), "-", value, "", "", "", "", "",
                             L->input_row, flag};
        add_row(t, row, r->mc != NULL);
        return;
    }
    ts_fmt_target_name(ind, a, lang, name, sizeof name);
    ts_fmt_target(plan, i, a, lang, target, sizeof target);
    ts_fmt_value(a->value_at_target_year, value, sizeof value);
    ts_fmt_percent(a->ratio, ratio, sizeof ratio);
    /* Monte Carlo covers the indicator's own target, not its revisions; a
     * target the observations decide has no probability to give. */
    if (r->mc && a->revision == 0 && ts_target_settled(a, &r->mc->targets[i]))
        snprintf(prob, sizeof prob, "%s", L->decided);
    else if (r->mc && a->revision == 0)
        ts_fmt_probability(r->mc->targets[i].probability, prob, sizeof prob);
    ts_fmt_rates(a, required, scen, sizeof required);
    if (ts_required_implausible(a))
        snprintf(required + strlen(required), sizeof required - strlen(required), "%s",
                 L->implausible_mark);
    ts_fmt_attained(a->attainment_year, run->horizon, lang, attained, sizeof attained);
    const char *row[] = {name, target, value, ratio, prob, required, scen, attained,
                         ts_strings_for(lang)->status[a->status], flag};
    add_row(t, row, r->mc != NULL);
}

/* "in 2025: 0.0% [0.0%, <0.1%]; attained by 2025 with p 0.0%, by 2030 with
 * p 12.3%, by 2035 with p 64.1%" (the even-odds year is added by the caller). */
static void attained_line(const ts_run *run, const ts_scenario_result *r, size_t i, ts_lang lang,
                          ts_buffer *line)
{
    const ts_mc_result *mc = r->mc;
    const ts_mc_target *t = &mc->targets[i];
    int T = run->plan->indicators[i].target.year, H = run->horizon;
    if (ts_target_settled(&r->assessments[i], t)) {
        const ts_report_words *L = &ts_strings_for(lang)->report;
        ts_buffer_printf(line, lang == TS_LANG_ZH ? "%d年：%s" : "in %d: %s", T, L->decided_by_data);
        return;
    }
    char p[24], lo[24], hi[24];
    ts_fmt_probability(t->probability, p, sizeof p);
    ts_fmt_probability(t->low, lo, sizeof lo);
    ts_fmt_probability(t->high, hi, sizeof hi);
    if (lang == TS_LANG_ZH)
        ts_buffer_printf(line, "%d年当年：%s [%s, %s]；", T, p, lo, hi);
    else
        ts_buffer_printf(line, "in %d: %s [%s, %s]; attained", T, p, lo, hi);
    for (int year = T; year <= H; year = year == H ? H + 1 : (year + 5 < H ? year + 5 : H)) {
        ts_fmt_probability(t->by_year[year - mc->base_year], p, sizeof p);
        if (lang == TS_LANG_ZH)
            ts_buffer_printf(line, "%s至%d年达成 p %s", year == T ? "" : "，", year, p);
        else
            ts_buffer_printf(line, "%s by %d with p %s", year == T ? "" : ",", year, p);
    }
}

static void render_probabilities(const ts_run *run, const ts_scenario_result *r,
                                 const ts_report_words *L, ts_lang lang, ts_buffer *out)
{
    if (!r->mc)
        return;
    ts_fmt_wrapped(out, NULL, L->attained_title, 96);
    for (size_t i = 0; i < run->plan->n_indicators; i++) {
        if (!r->mc->targets[i].has_target)
            continue;
        ts_buffer line = {0};
        attained_line(run, r, i, lang, &line);
        int even = ts_mc_year_by_share(r->mc, i, 0.5);
        if (even)
            ts_buffer_printf(&line, "%s%d%s", L->even_odds.before, even, L->even_odds.after);
        ts_fmt_wrapped(out, ts_indicator_name(&run->plan->indicators[i], lang),
                       line.data ? line.data : "", 96);
        ts_buffer_free_into(&line, out);
    }
}

static void render_required(const ts_run *run, const ts_scenario_result *r,
                            const ts_report_words *L, ts_lang lang, ts_buffer *out)
{
    bool title = false;
    for (size_t i = 0; i < run->plan->n_indicators; i++) {
        const ts_required_list *req = r->required[i];
        ts_buffer line = {0};
        for (size_t k = 0; k < req->n; k++) {
            if (!isfinite(req->drivers[k].rate))
                continue;
            char rate[24];
            ts_fmt_percent(req->drivers[k].rate, rate, sizeof rate);
            const ts_indicator *driver = &run->plan->indicators[req->drivers[k].driver];
            ts_buffer_printf(&line, "%s%s %s%s", line.len ? ", " : "",
                             ts_indicator_name(driver, lang), rate, L->per_year);
            if (ts_growth_implausible(req->drivers[k].rate))
                ts_buffer_printf(&line, "%s%s", L->implausible.before, L->implausible.after);
        }
        if (line.len) {
            if (!title)
                ts_fmt_wrapped(out, NULL, L->required_title, 96);
            title = true;
            ts_fmt_wrapped(out, ts_indicator_name(&run->plan->indicators[i], lang), line.data, 96);
        }
        ts_buffer_free_into(&line, out);
    }
}

static void render_scenario(const ts_run *run, const ts_scenario_result *r,
                            const ts_report_words *L, ts_lang lang, ts_buffer *out)
{
    const ts_plan *plan = run->plan;
    const ts_scenario *sc = r->scenario;
    ts_buffer_printf(out, "%s: %s [%s]\n", L->scenario, ts_scenario_name(sc, lang), sc->id);
    const char *rationale = ts_text_get(&sc->rationale, lang);
    if (*rationale)
        ts_fmt_wrapped(out, L->rationale, rationale, 96);
    const char *method = ts_text_get(&sc->uncertainty_method, lang);
    if (*method && r->mc)
        ts_fmt_wrapped(out, L->uncertainty, method, 96);
    ts_buffer_printf(out, "  %s:", L->chain);
    for (size_t k = 0; k < sc->n_chain; k++)
        ts_buffer_printf(out, "%s %s", k ? " <-" : "", sc->chain[k]);
    ts_buffer_puts(out, "\n");
    ts_report_fit_text(run, r, lang, out);
    ts_buffer_puts(out, "\n");

    bool with_p = r->mc != NULL;
    tt_table t;
    tt_init(&t, with_p ? 10 : 9);
    for (size_t c = 1; c < (with_p ? 8u : 7u); c++)
        t.align[c] = TT_RIGHT;
    t.max_width[0] = 48;
    const char *head[] = {L->col_indicator,   L->col_target,   L->col_value,
                          L->col_ratio,       L->col_probability, L->col_required,
                          L->col_scenario,    L->col_attained, L->col_status,
                          L->col_flags};
    add_row(&t, head, with_p);
    /* Targets first, each followed by its revisions; inputs after them: the
     * inputs are context. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < plan->n_indicators; i++) {
            /* A text target is in the plan table only: nothing to project. */
            if (r->assessments[i].has_target != (pass == 0) || r->assessments[i].is_text)
                continue;
            scenario_row(run, r, i, &r->assessments[i], L, lang, &t);
            for (size_t k = 0; pass == 0 && k < plan->indicators[i].n_revisions; k++)
                scenario_row(run, r, i, &r->revisions[i][k], L, lang, &t);
        }
    }
    tt_render(&t, "  ", out);
    tt_free(&t);
    bool implausible = false;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        implausible |= r->assessments[i].has_target && ts_required_implausible(&r->assessments[i]);
        for (size_t k = 0; k < plan->indicators[i].n_revisions; k++)
            implausible |= ts_required_implausible(&r->revisions[i][k]);
    }
    if (implausible)
        ts_fmt_wrapped(out, NULL, L->implausible_note, 96);
    ts_buffer_puts(out, "\n");
    render_probabilities(run, r, L, lang, out);
    render_required(run, r, L, lang, out);
    if (r->mc || r->required)
        ts_buffer_puts(out, "\n");
}

/* Where each revised target was announced. */
static void render_revision_sources(const ts_indicator *ind, ts_lang lang, ts_buffer *out)
{
    for (size_t k = 0; k < ind->n_revisions; k++) {
        const ts_text *source = &ind->revisions[k].target.source;
        if (ts_text_empty(source))
            continue;
        ts_assessment a = {.revision = (int)k + 1, .target_year = ind->revisions[k].target.year};
        char name[160];
        ts_fmt_target_name(ind, &a, lang, name, sizeof name);
        ts_fmt_wrapped(out, name, ts_text_get(source, lang), 96);
    }
}

/* Every bibliography entry the plan cites, in full. */
static void render_bibliography(const ts_plan *plan, const ts_report_words *L, ts_lang lang,
                                ts_buffer *out)
{
    bool any = false;
    for (size_t k = 0; k < plan->n_sources; k++) {
        const ts_source_entry *e = &plan->sources[k];
        if (!ts_provenance_cited(plan, e->key))
            continue;
        if (!any)
            ts_buffer_printf(out, "%s\n", L->prov_bibliography);
        any = true;
        ts_buffer line = {0};
        ts_provenance_entry(e, lang, &line);
        ts_fmt_wrapped(out, e->key, line.data ? line.data : "", 96);
        ts_buffer_free_into(&line, out);
    }
    if (any)
        ts_buffer_puts(out, "\n");
}

static void render_footnotes(const ts_run *run, const ts_report_words *L, ts_lang lang,
                             ts_buffer *out)
{
    const ts_plan *plan = run->plan;
    int any = 0;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        if (!ts_indicator_flagged(ind))
            continue;
        if (!any++)
            ts_buffer_printf(out, "%s\n", L->assumptions_title);
        char flag[16], label[128];
        flag_of(plan, i, flag, sizeof flag);
        snprintf(label, sizeof label, "%s %s", flag, ts_indicator_name(ind, lang));
        ts_buffer line = {0};
        ts_provenance_assumptions(ind, lang, &line);
        ts_fmt_wrapped(out, label, line.data ? line.data : "", 96);
        ts_buffer_free_into(&line, out);
    }
    if (any)
        ts_buffer_puts(out, "\n");
    /* The notes printed under the plan's own table. */
    for (size_t k = 0; k < plan->n_notes; k++) {
        if (k == 0)
            ts_buffer_printf(out, "%s\n", ts_strings_for(lang)->table.notes_title);
        ts_fmt_wrapped(out, NULL, ts_text_get(&plan->notes[k], lang), 96);
        if (k + 1 == plan->n_notes)
            ts_buffer_puts(out, "\n");
    }
    any = 0;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        if (ts_text_empty(&ind->note))
            continue;
        if (!any++)
            ts_buffer_printf(out, "%s\n", L->notes_title);
        ts_fmt_wrapped(out, ts_indicator_name(ind, lang), ts_text_get(&ind->note, lang), 96);
    }
    if (any)
        ts_buffer_puts(out, "\n");
    ts_buffer_printf(out, "%s\n", L->sources_title);
    if (!ts_text_empty(&plan->source))
        ts_fmt_wrapped(out, plan->id, ts_text_get(&plan->source, lang), 96);
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_indicator *ind = &plan->indicators[i];
        ts_buffer line = {0};
        ts_provenance_sources(ind, lang, &line);
        if (line.len)
            ts_fmt_wrapped(out, ts_indicator_name(ind, lang), line.data, 96);
        ts_buffer_free_into(&line, out);
        render_revision_sources(ind, lang, out);
    }
    ts_buffer_puts(out, "\n");
    render_bibliography(plan, L, lang, out);
    ts_fmt_wrapped(out, NULL, L->method, 96);
}

ts_status ts_report_render_text(const ts_run *run, ts_lang lang, ts_buffer *out, ts_error *err)
{
    const ts_report_words *L = &ts_strings_for(lang)->report;
    render_header(run, L, lang, out);
    ts_report_table_text(run, lang, out);
    render_verdict(run, L, lang, out);
    for (size_t s = 0; s < run->n_results; s++)
        render_scenario(run, &run->results[s], L, lang, out);
    ts_report_backtest_text(run, lang, out);
    ts_report_comparison_text(run, lang, out);
    render_footnotes(run, L, lang, out);
    if (out->failed)
        return ts_error_set(err, TS_ENOMEM, "report.txt", NULL, "out of memory");
    return TS_OK;
}
