/* json_out.c - null for what is undefined (see json_out.h). cJSON tolerates
 * a NULL object; an allocation failure anywhere in the tree is caught by
 * ts_report_render_json through base/json_alloc.h's mark. */
#include "json_out.h"

#include <math.h>

#include "base/number.h"

/* cJSON prints 15 significant digits whenever they read back within a
 * rounding step, so report.json would not hold the exact doubles; the
 * shortest text that reads back as the same double does. */
void ts_jout_number(cJSON *obj, const char *key, double v)
{
    if (!isfinite(v)) {
        cJSON_AddNullToObject(obj, key);
        return;
    }
    char text[TS_ROUNDTRIP_SIZE];
    ts_format_roundtrip(text, sizeof text, v);
    cJSON_AddRawToObject(obj, key, text);
}

void ts_jout_year(cJSON *obj, const char *key, int year)
{
    if (year)
        cJSON_AddNumberToObject(obj, key, year);
    else
        cJSON_AddNullToObject(obj, key);
}

cJSON *ts_jout_year_entry(cJSON *array, int year)
{
    cJSON *entry = cJSON_CreateObject();
    cJSON_AddNumberToObject(entry, "year", year);
    if (!cJSON_AddItemToArray(array, entry)) {
        cJSON_Delete(entry);
        return NULL;
    }
    return entry;
}

void ts_jout_add(cJSON *obj, const char *key, cJSON *item)
{
    if (!cJSON_AddItemToObject(obj, key, item))
        cJSON_Delete(item);
}

void ts_jout_append(cJSON *array, cJSON *item)
{
    if (!cJSON_AddItemToArray(array, item))
        cJSON_Delete(item);
}

void ts_jout_string(cJSON *obj, const char *key, const char *s)
{
    if (s)
        cJSON_AddStringToObject(obj, key, s);
    else
        cJSON_AddNullToObject(obj, key);
}

void ts_jout_text(cJSON *obj, const char *key, const ts_text *t)
{
    if (!(t->zh && *t->zh) && !(t->en && *t->en)) {
        cJSON_AddNullToObject(obj, key);
        return;
    }
    cJSON *o = cJSON_AddObjectToObject(obj, key);
    ts_jout_string(o, "zh", t->zh);
    ts_jout_string(o, "en", t->en);
}
