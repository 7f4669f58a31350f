/* buffer.h - the growable byte buffer the renderers (report.h, html.h,
 * chart.h) append to. */
#ifndef TARGETSIM_BUFFER_H
#define TARGETSIM_BUFFER_H

#include <stddef.h>

#include "targetsim/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A growable byte buffer the renderers append to. Zero-initialise it
 * (ts_buffer b = {0}), pass it to renderers, read `data` and `len`, then
 * ts_buffer_free. The caller owns it and everything in it. */
typedef struct ts_buffer {
    char *data;   /* NULL until something is appended; NUL-terminated while len > 0 */
    size_t len;   /* bytes in data, the terminator not counted */
    size_t cap;
    int failed;   /* an append ran out of memory; data is incomplete */
} ts_buffer;

/* Frees the data and zeroes the buffer, which can then be reused. NULL is a
 * no-op. */
TS_API void ts_buffer_free(ts_buffer *buffer);

#ifdef __cplusplus
}
#endif
#endif
