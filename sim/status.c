/* status.c - status names and the error record. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "targetsim/status.h"

const char *ts_strstatus(ts_status status)
{
    switch (status) {
    case TS_OK: return "success";
    case TS_EINTERNAL: return "internal error";
    case TS_EUSAGE: return "usage error";
    case TS_EINPUT: return "bad input";
    case TS_EWRITE: return "cannot write output";
    case TS_ENOMEM: return "out of memory";
    }
    return "unknown status";
}

static void copy_truncated(char *dst, size_t size, const char *src)
{
    if (!src)
        src = "";
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

ts_status ts_error_set(ts_error *err, ts_status code, const char *file, const char *path,
                       const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    copy_truncated(err->file, sizeof err->file, file);
    copy_truncated(err->path, sizeof err->path, path);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

void ts_error_clear(ts_error *err)
{
    if (!err)
        return;
    err->code = TS_OK;
    err->file[0] = err->path[0] = err->message[0] = '\0';
}
