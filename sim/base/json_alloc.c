/* json_alloc.c - cJSON's allocations, marked when one fails (see
 * json_alloc.h). */
#include "json_alloc.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdlib.h>

static _Thread_local bool failed;
static pthread_once_t installed = PTHREAD_ONCE_INIT;

static void *marked_malloc(size_t n)
{
    void *p = malloc(n);
    if (!p && n > 0)
        failed = true;
    return p;
}

static void install(void)
{
    cJSON_Hooks hooks = {marked_malloc, free};
    cJSON_InitHooks(&hooks);
}

void ts_json_alloc_install(void)
{
    (void)pthread_once(&installed, install);
}

void ts_json_alloc_begin(void)
{
    ts_json_alloc_install();
    failed = false;
}

bool ts_json_alloc_failed(void)
{
    return failed;
}
