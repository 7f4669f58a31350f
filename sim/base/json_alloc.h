/* json_alloc.h - cJSON's allocations, marked when one fails.
 *
 * cJSON reports running out of memory the way it reports anything else:
 * cJSON_Parse returns NULL as for a syntax error, and cJSON_AddXToObject
 * returns NULL and leaves the object without the item, which then prints
 * as if the item had never been there. So the library hands cJSON an
 * allocator (cJSON_InitHooks, once, from ts_library_init) that calls
 * malloc and free and, when malloc fails, sets a per-thread mark: a caller
 * clears it, uses cJSON, and asks whether any allocation failed. Private
 * to the engine. */
#ifndef TS_JSON_ALLOC_H
#define TS_JSON_ALLOC_H

#include <stdbool.h>

/* Installs the hooks (once per process; later calls do nothing). */
void ts_json_alloc_install(void);

/* Installs the hooks if need be and clears this thread's mark. */
void ts_json_alloc_begin(void);

/* Whether an allocation cJSON made in this thread failed since
 * ts_json_alloc_begin. */
bool ts_json_alloc_failed(void);

#endif
