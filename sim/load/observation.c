/* observation.c - one observed value added to a loaded plan, or put in
 * place of the plan's own: what --observed and embedding programs use to
 * bring in a year's statistics without editing the plan's JSON. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_in.h"
#include "targetsim/observed.h"

/* Index of `year` in the series, or where it would go (*found false). */
static size_t year_slot(const ts_series *s, int year, bool *found)
{
    size_t k = 0;
    while (k < s->n && s->points[k].year < year)
        k++;
    *found = k < s->n && s->points[k].year == year;
    return k;
}

static ts_status copy_text(const ts_text *from, ts_text *to)
{
    *to = (ts_text){0};
    if (!from)
        return TS_OK;
    to->en = from->en ? ts_strdup(from->en) : NULL;
    to->zh = from->zh ? ts_strdup(from->zh) : NULL;
    if ((from->en && !to->en) || (from->zh && !to->zh)) {
        ts_text_free(to);
        return TS_ENOMEM;
    }
    return TS_OK;
}

/* Room for one more point at `slot`, figures included (the series gets a
 * figures array the first time a point has a source). */
static ts_status insert_slot(ts_series *s, size_t slot)
{
    ts_year_value *points = realloc(s->points, (s->n + 1) * sizeof *points);
    if (!points)
        return TS_ENOMEM;
    s->points = points;
    ts_figure *figures = s->figures ? realloc(s->figures, (s->n + 1) * sizeof *figures)
                                    : calloc(s->n + 1, sizeof *figures);
    if (!figures)
        return TS_ENOMEM; /* points has one unused entry more; n is unchanged */
    s->figures = figures;
    memmove(&points[slot + 1], &points[slot], (s->n - slot) * sizeof *points);
    memmove(&figures[slot + 1], &figures[slot], (s->n - slot) * sizeof *figures);
    figures[slot] = (ts_figure){0};
    s->n++;
    return TS_OK;
}

/* The checks of the public call: an indicator that takes observations, a
 * year after its baseline, a finite value. */
static ts_status check_point(const ts_plan *plan, const char *id, int year, double value,
                             const char *path, long *index, ts_error *err)
{
    const char *file = plan->file;
    *index = id ? ts_plan_find(plan, id) : -1;
    if (*index < 0)
        return ts_error_set(err, TS_EINPUT, file, path,
                            "unknown indicator \"%s\" (not in the plan's indicators)",
                            id ? id : "");
    const ts_indicator *ind = &plan->indicators[*index];
    if (ind->is_derived)
        return ts_error_set(err, TS_EINPUT, file, path,
                            "indicator \"%s\" is derived from its inputs; give their values "
                            "instead",
                            id);
    int first = ind->baseline_year < plan->base_year ? ind->baseline_year + 1 : plan->base_year + 1;
    if (year < first || year > plan->horizon)
        return ts_error_set(err, TS_EINPUT, file, path, "year %d is outside [%d, %d]", year,
                            first, plan->horizon);
    if (!isfinite(value))
        return ts_error_set(err, TS_EINPUT, file, path, "expected a finite number, got %g",
                            value);
    return TS_OK;
}

ts_status ts_plan_set_observation(ts_plan *plan, const char *id, int year, double value,
                                  const ts_text *source, bool *replaced, ts_error *err)
{
    char path[TS_ERROR_PATH_MAX];
    snprintf(path, sizeof path, "indicators.%.64s.actual.%d", id ? id : "", year);
    long index;
    ts_status st = check_point(plan, id, year, value, path, &index, err);
    if (st != TS_OK)
        return st;
    ts_series *s = &plan->indicators[index].actual;
    ts_text copy;
    if (copy_text(source, &copy) != TS_OK)
        return ts_error_set(err, TS_ENOMEM, plan->file, path, "out of memory");
    bool found;
    size_t slot = year_slot(s, year, &found);
    if (!found && insert_slot(s, slot) != TS_OK) {
        ts_text_free(&copy);
        return ts_error_set(err, TS_ENOMEM, plan->file, path, "out of memory");
    }
    if (found && !s->figures && !(s->figures = calloc(s->n, sizeof *s->figures))) {
        ts_text_free(&copy);
        return ts_error_set(err, TS_ENOMEM, plan->file, path, "out of memory");
    }
    ts_figure_free(&s->figures[slot]);
    s->figures[slot].source = copy;
    s->points[slot] = (ts_year_value){year, value};
    if (replaced)
        *replaced = found;
    return TS_OK;
}
