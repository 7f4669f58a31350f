/* buffer.h - appending to a ts_buffer. Private to the report writers. */
#ifndef TS_BUFFER_H
#define TS_BUFFER_H

#include "targetsim/buffer.h"

void ts_buffer_append(ts_buffer *b, const char *data, size_t len);
void ts_buffer_puts(ts_buffer *b, const char *s);
void ts_buffer_printf(ts_buffer *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Frees `part`, text built aside and already copied (or quoted) into
 * `whole`; when an allocation for `part` failed, `whole` is marked failed
 * too, so that the writer that checks `whole` at the end reports out of
 * memory instead of a text with a piece missing (or a stale one: a part
 * reused with len = 0 keeps its old text once it fails). */
void ts_buffer_free_into(ts_buffer *part, ts_buffer *whole);

#endif
