/* messages.h - every line the CLI prints to the user comes from here, so all
 * errors share one shape: "targetsim: FILE: json.path: message". */
#ifndef TS_MESSAGES_H
#define TS_MESSAGES_H

#include "targetsim/status.h"

void ts_msg_error(const ts_error *err);
void ts_msg_usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
void ts_msg_help(void);
void ts_msg_version(void);

#endif
