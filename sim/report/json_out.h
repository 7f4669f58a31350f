/* json_out.h - adding values to a cJSON object the way report.json wants
 * them: undefined numbers and years as null. Private to the report writers. */
#ifndef TS_JSON_OUT_H
#define TS_JSON_OUT_H

#include <cjson/cJSON.h>

#include "targetsim/plan.h"

/* A finite number, else null. */
void ts_jout_number(cJSON *obj, const char *key, double v);
/* A year, or null for 0. */
void ts_jout_year(cJSON *obj, const char *key, int year);
/* Appends {"year": year} to `array` and returns it for its other keys
 * (NULL, which the adders above tolerate, when out of memory). */
cJSON *ts_jout_year_entry(cJSON *array, int year);
/* A string, or null for NULL. */
void ts_jout_string(cJSON *obj, const char *key, const char *s);
/* cJSON_AddItemToObject and cJSON_AddItemToArray, which leave `item` to
 * the caller when they fail (the key's copy runs out of memory, or `obj`
 * is NULL because its own allocation failed): these free it then, so a
 * report.json abandoned for lack of memory leaks nothing. */
void ts_jout_add(cJSON *obj, const char *key, cJSON *item);
void ts_jout_append(cJSON *array, cJSON *item);
/* A text as {"zh": ..., "en": ...} (a missing language null), or null when
 * it has neither. */
void ts_jout_text(cJSON *obj, const char *key, const ts_text *t);

#endif
