/* bibliography.c - a plan's sources: "bibliography": "FILE" names a JSON
 * object of entries (key -> title, publisher, date, url, what it gives),
 * and every source text of the plan that looks like a key must name one of
 * them, so a report can print each cited publication in full. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/id.h"
#include "json_in.h"
#include "paths.h"
#include "plan_loader.h"

void ts_source_entry_free(ts_source_entry *entry)
{
    free(entry->key);
    ts_text_free(&entry->title);
    ts_text_free(&entry->publisher);
    free(entry->date);
    free(entry->url);
    ts_text_free(&entry->gives);
}

const ts_source_entry *ts_plan_source(const ts_plan *plan, const char *key)
{
    for (size_t k = 0; key && k < plan->n_sources; k++)
        if (strcmp(plan->sources[k].key, key) == 0)
            return &plan->sources[k];
    return NULL;
}

static ts_status optional_string(const cJSON *obj, const char *key, const char *file,
                                 const char *path, char **out, ts_error *err)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!item)
        return TS_OK;
    char sub[TS_ERROR_PATH_MAX];
    ts_json_join(sub, sizeof sub, path, key);
    return ts_json_free_text(item, file, sub, out, err);
}

static ts_status read_entry(const cJSON *item, const char *file, ts_source_entry *entry,
                            ts_error *err)
{
    static const char *const keys[] = {"title", "publisher", "date", "url", "gives", NULL};
    const char *path = item->string;
    ts_status st = ts_json_id(item->string, file, path, err);
    if (st != TS_OK || (st = ts_json_check_object(item, keys, file, path, err)) != TS_OK)
        return st;
    if (!cJSON_GetObjectItemCaseSensitive(item, "title")) {
        char sub[TS_ERROR_PATH_MAX];
        ts_json_join(sub, sizeof sub, path, "title");
        return ts_error_set(err, TS_EINPUT, file, sub, "missing (the publication's title)");
    }
    if (!(entry->key = ts_strdup(item->string)))
        return ts_error_set(err, TS_ENOMEM, file, path, "out of memory");
    if ((st = ts_json_optional_text(item, "title", file, path, &entry->title, err)) != TS_OK ||
        (st = ts_json_optional_text(item, "publisher", file, path, &entry->publisher, err)) != TS_OK ||
        (st = optional_string(item, "date", file, path, &entry->date, err)) != TS_OK ||
        (st = optional_string(item, "url", file, path, &entry->url, err)) != TS_OK)
        return st;
    return ts_json_optional_text(item, "gives", file, path, &entry->gives, err);
}

static ts_status read_entries(const cJSON *root, const char *file, ts_plan *plan, ts_error *err)
{
    if (!cJSON_IsObject(root) || !root->child) {
        char got[64];
        ts_json_describe(root, got, sizeof got);
        return ts_error_set(err, TS_EINPUT, file, "",
                            "expected a non-empty object of key: source entry, got %s", got);
    }
    size_t n = (size_t)cJSON_GetArraySize(root);
    if (n > TS_MAX_SOURCES)
        return ts_error_set(err, TS_EINPUT, file, "", "%zu sources exceed the limit of %d", n,
                            TS_MAX_SOURCES);
    if (!(plan->sources = calloc(n, sizeof *plan->sources)))
        return ts_error_set(err, TS_ENOMEM, file, "", "out of memory");
    for (const cJSON *item = root->child; item; item = item->next) {
        ts_status st = read_entry(item, file, &plan->sources[plan->n_sources++], err);
        if (st != TS_OK)
            return st;
    }
    return TS_OK;
}

ts_status ts_plan_read_bibliography(const cJSON *root, const ts_plan_loader *ld)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "bibliography");
    if (!name)
        return TS_OK;
    char *relative = NULL;
    ts_status st = ts_json_string(name, ld->file, "bibliography", &relative, ld->err);
    if (st != TS_OK)
        return st;
    ts_plan *plan = ld->plan;
    plan->bibliography_file = ts_path_resolve(ld->file, relative);
    free(relative);
    if (!plan->bibliography_file)
        return ts_error_set(ld->err, TS_ENOMEM, ld->file, "bibliography", "out of memory");
    char *text = NULL;
    size_t len = 0;
    cJSON *json = NULL;
    if ((st = ts_json_read_file(plan->bibliography_file, &text, &len, ld->err)) == TS_OK &&
        (st = ts_json_parse(text, len, plan->bibliography_file, &json, ld->err)) == TS_OK)
        st = read_entries(json, plan->bibliography_file, plan, ld->err);
    cJSON_Delete(json);
    free(text);
    return st;
}

/* A source written as a key: an id with a '-' and nothing else, as
 * "nbs-2021-communique"; free text always has a space or other marks. */
static bool looks_like_key(const char *s)
{
    if (!s || !strchr(s, '-'))
        return false;
    for (const char *p = s; *p; p++)
        if (!ts_id_char(*p))
            return false;
    return true;
}

static ts_status check_cited(const ts_plan_loader *ld, const ts_text *source, const char *path)
{
    const char *texts[] = {source->en, source->zh};
    for (size_t k = 0; k < 2; k++) {
        if (!looks_like_key(texts[k]) || ts_plan_source(ld->plan, texts[k]))
            continue;
        return ts_error_set(ld->err, TS_EINPUT, ld->file, path,
                            "source \"%s\" is not a key of the bibliography %s", texts[k],
                            ld->plan->bibliography_file);
    }
    return TS_OK;
}

static ts_status check_series(const ts_plan_loader *ld, const ts_series *s, const char *path)
{
    for (size_t k = 0; s->figures && k < s->n; k++) {
        char sub[TS_ERROR_PATH_MAX];
        if (snprintf(sub, sizeof sub, "%s.%d.source", path, s->points[k].year) >= (int)sizeof sub)
            sub[sizeof sub - 1] = '\0';
        ts_status st = check_cited(ld, &s->figures[k].source, sub);
        if (st != TS_OK)
            return st;
    }
    return TS_OK;
}

static ts_status check_indicator(const ts_plan_loader *ld, const ts_indicator *ind)
{
    char path[TS_ERROR_PATH_MAX], sub[TS_ERROR_PATH_MAX];
    snprintf(path, sizeof path, "indicators.%s", ind->id);
    ts_status st;
    ts_json_join(sub, sizeof sub, path, "source");
    if ((st = check_cited(ld, &ind->source, sub)) != TS_OK)
        return st;
    ts_json_join(sub, sizeof sub, path, "baseline.source");
    if ((st = check_cited(ld, &ind->baseline_figure.source, sub)) != TS_OK)
        return st;
    ts_json_join(sub, sizeof sub, path, "target.source");
    if ((st = check_cited(ld, &ind->target.source, sub)) != TS_OK)
        return st;
    for (size_t k = 0; k < ind->n_revisions; k++) {
        if (snprintf(sub, sizeof sub, "%s.revisions[%zu].source", path, k) >= (int)sizeof sub)
            sub[sizeof sub - 1] = '\0'; /* a cut path still points the way */
        if ((st = check_cited(ld, &ind->revisions[k].target.source, sub)) != TS_OK)
            return st;
    }
    ts_json_join(sub, sizeof sub, path, "history");
    if ((st = check_series(ld, &ind->history, sub)) != TS_OK)
        return st;
    ts_json_join(sub, sizeof sub, path, "actual");
    return check_series(ld, &ind->actual, sub);
}

ts_status ts_plan_check_citations(const ts_plan_loader *ld)
{
    const ts_plan *plan = ld->plan;
    if (!plan->bibliography_file)
        return TS_OK;
    ts_status st = check_cited(ld, &plan->source, "source");
    for (size_t i = 0; st == TS_OK && i < plan->n_indicators; i++)
        st = check_indicator(ld, &plan->indicators[i]);
    return st;
}
