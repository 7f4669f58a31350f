/* chart_set.c - every chart of a run, from one table of chart kinds: the
 * set counts the charts the run has, then has each written and its script
 * filled from the kind's template. */
#include <stdint.h>
#include <stdlib.h>

#include "base/buffer.h"
#include "chart_common.h"
#include "chart_kinds.h"

/* The charts in the order they are listed and written: per indicator,
 * then the summaries, then what the run's analyses add. A new chart is one
 * line here. */
static const ts_chart_kind *const KINDS[] = {
    &ts_chart_kind_indicator, &ts_chart_kind_attainment, &ts_chart_kind_growth,
    &ts_chart_kind_fan,       &ts_chart_kind_tornado,    &ts_chart_kind_backtest,
    &ts_chart_kind_compare,   &ts_chart_kind_sweep,      &ts_chart_kind_sweepprob,
};
enum { N_KINDS = sizeof KINDS / sizeof KINDS[0] };

/* Called for each chart of the run, in order; returns TS_OK to go on. */
typedef ts_status (*visit_fn)(const ts_chart_kind *kind, size_t index, void *user);

/* Kinds [first, end) drawn in one pass: `first` and those that go with it. */
static size_t pass_end(size_t first)
{
    size_t end = first + 1;
    while (end < N_KINDS && KINDS[end]->with_previous)
        end++;
    return end;
}

/* Visits every (kind, indicator) the run has a chart for, in set order. */
static ts_status walk(const ts_run *run, visit_fn visit, void *user)
{
    ts_status st = TS_OK;
    for (size_t first = 0, end; first < N_KINDS && st == TS_OK; first = end) {
        end = pass_end(first);
        if (!KINDS[first]->per_indicator) {
            if (KINDS[first]->applies(run, SIZE_MAX))
                st = visit(KINDS[first], SIZE_MAX, user);
            continue;
        }
        for (size_t i = 0; i < run->plan->n_indicators && st == TS_OK; i++)
            for (size_t k = first; k < end && st == TS_OK; k++)
                if (KINDS[k]->applies(run, i))
                    st = visit(KINDS[k], i, user);
    }
    return st;
}

static ts_status count_one(const ts_chart_kind *kind, size_t index, void *user)
{
    (void)kind;
    (void)index;
    ++*(size_t *)user;
    return TS_OK;
}

typedef struct build_state {
    const ts_run *run;
    ts_lang lang;
    const char *template_dir;
    ts_chart_set *set;
    ts_error *err;
} build_state;

static ts_status build_one(const ts_chart_kind *kind, size_t index, void *user)
{
    build_state *b = user;
    ts_chart *chart = &b->set->charts[b->set->n++];
    const char *id = kind->per_indicator ? b->run->plan->indicators[index].id : "";
    ts_tpl_vars vars = {0};
    ts_status st = ts_chart_name(chart, kind->prefix, id, b->err);
    if (st == TS_OK) {
        kind->write(b->run, index, b->lang, chart, &vars);
        st = ts_chart_script(b->template_dir, kind->template_name, chart, &vars, b->err);
    }
    ts_tpl_vars_free(&vars);
    return st;
}

void ts_chart_set_free(ts_chart_set *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++) {
        free(set->charts[i].stem);
        free(set->charts[i].dat_name);
        free(set->charts[i].gp_name);
        ts_buffer_free(&set->charts[i].dat);
        ts_buffer_free(&set->charts[i].gp);
    }
    free(set->charts);
    free(set);
}

ts_status ts_chart_set_create(const ts_run *run, ts_lang lang, const char *template_dir,
                              ts_chart_set **out, ts_error *err)
{
    size_t n = 0;
    *out = NULL;
    (void)walk(run, count_one, &n);
    ts_chart_set *set = calloc(1, sizeof *set);
    if (!set || !(set->charts = calloc(n ? n : 1, sizeof *set->charts))) {
        free(set);
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    }
    build_state b = {run, lang, template_dir, set, err};
    ts_status st = walk(run, build_one, &b);
    if (st != TS_OK) {
        ts_chart_set_free(set);
        return st;
    }
    *out = set;
    return TS_OK;
}
