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

/* Copies src into dst (size bytes), writing control characters as escapes:
 * \n, \r, \t, \xHH for the other C0 bytes and DEL, \u00HH for the C1
 * range (U+0080-U+009F, which some terminals obey like ESC). File names,
 * keys and values quoted in a message come from untrusted input; a raw
 * newline would split the one-line message and an ESC could drive the
 * user's terminal. An escape that does not fit is left out whole. */
static void copy_escaped(char *dst, size_t size, const char *src)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)(src ? src : "");
    for (; *p; p++) {
        char piece[8];
        size_t len;
        if (*p == '\n' || *p == '\r' || *p == '\t') {
            len = (size_t)snprintf(piece, sizeof piece, "\\%c",
                                   *p == '\n' ? 'n' : *p == '\r' ? 'r' : 't');
        } else if (*p < 0x20 || *p == 0x7f) {
            len = (size_t)snprintf(piece, sizeof piece, "\\x%02X", *p);
        } else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
            len = (size_t)snprintf(piece, sizeof piece, "\\u00%02X", p[1]);
            p++;
        } else {
            piece[0] = (char)*p;
            len = 1;
        }
        if (n + len >= size)
            break;
        memcpy(dst + n, piece, len);
        n += len;
    }
    dst[n] = '\0';
}

ts_status ts_error_set(ts_error *err, ts_status code, const char *file, const char *path,
                       const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    err->line = 0;
    copy_escaped(err->file, sizeof err->file, file);
    copy_escaped(err->path, sizeof err->path, path);
    char message[TS_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    copy_escaped(err->message, sizeof err->message, message);
    return code;
}

void ts_error_clear(ts_error *err)
{
    if (!err)
        return;
    err->code = TS_OK;
    err->line = 0;
    err->file[0] = err->path[0] = err->message[0] = '\0';
}
