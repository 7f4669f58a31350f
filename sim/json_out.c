/* json_out.c - null for what is undefined (see json_out.h). cJSON tolerates
 * a NULL object, so an earlier allocation failure surfaces at print time. */
#include "json_out.h"

#include <math.h>

void ts_jout_number(cJSON *obj, const char *key, double v)
{
    if (isfinite(v))
        cJSON_AddNumberToObject(obj, key, v);
    else
        cJSON_AddNullToObject(obj, key);
}

void ts_jout_year(cJSON *obj, const char *key, int year)
{
    if (year)
        cJSON_AddNumberToObject(obj, key, year);
    else
        cJSON_AddNullToObject(obj, key);
}

void ts_jout_string(cJSON *obj, const char *key, const char *s)
{
    if (s)
        cJSON_AddStringToObject(obj, key, s);
    else
        cJSON_AddNullToObject(obj, key);
}
