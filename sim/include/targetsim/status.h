/* status.h - status codes and the error record every fallible call fills.
 *
 * Errors are values: a function that can fail returns a ts_status and, when
 * it is not TS_OK, has filled the caller's ts_error with the file, the JSON
 * path and a message that quotes the offending value. Nothing here prints.
 */
#ifndef TARGETSIM_STATUS_H
#define TARGETSIM_STATUS_H

#include "targetsim/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The numeric values are the CLI's exit codes (see targetsim(1)). */
typedef enum ts_status {
    TS_OK = 0,
    TS_EINTERNAL = 1, /* a bug or a numerical failure that input cannot explain */
    TS_EUSAGE = 2,    /* bad command line, or a bad argument of a call */
    TS_EINPUT = 3,    /* bad plan or scenario data */
    TS_EWRITE = 4,    /* an output file could not be written */
    TS_ENOMEM = 5     /* out of memory (the CLI exits 1) */
} ts_status;

enum { TS_ERROR_FILE_MAX = 1024, TS_ERROR_PATH_MAX = 256, TS_ERROR_MESSAGE_MAX = 768 };

/* Where and why a call failed. `file` and `path` may be empty strings.
 * A usage error (TS_EUSAGE) about an argument of the call has no file; its
 * path is the parameter's name as the header spells it ("horizon",
 * "by_year", "draws", "axes[1].step") and the message reads after it
 * ("2024 is outside [2027, 2220] ..."). Messages never name a command-line
 * option: the CLI puts its own in (sim/cli/messages.c). */
typedef struct ts_error {
    ts_status code;
    char file[TS_ERROR_FILE_MAX];    /* input or output file concerned */
    char path[TS_ERROR_PATH_MAX];    /* JSON path inside it, e.g. "indicators.gdp.baseline",
                                      * or the parameter at fault */
    char message[TS_ERROR_MESSAGE_MAX];
    long line;                       /* line of `file` for a line-based input (an observed-values
                                      * CSV), else 0; the message then reads after "FILE:LINE: " */
} ts_error;

/* Static, human-readable name of a status ("bad input", ...). Never NULL. */
TS_API const char *ts_strstatus(ts_status status);

/* Fills `err` (if not NULL) and returns `code`, with line 0. `file` and `path` may be NULL.
 * `fmt` is a printf format for the message. Over-long parts are truncated,
 * never overflowed. Control characters in any part (they come from input
 * files) are stored as escapes (\n, \t, \x1B, \u009B), so every part is one
 * line of inert text. For callers that report their own errors in the same
 * shape (examples/embed.c does). */
TS_API ts_status ts_error_set(ts_error *err, ts_status code, const char *file, const char *path,
                              const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Resets `err` to TS_OK with empty strings. NULL is a no-op. */
TS_API void ts_error_clear(ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
