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

#endif
