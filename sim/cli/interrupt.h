/* interrupt.h - SIGINT and SIGTERM: a run stops, cleans up, and exits
 * 128 + the signal's number (130, 143). See interrupt.c. */
#ifndef TS_INTERRUPT_H
#define TS_INTERRUPT_H

#include <signal.h>

/* 0, or the signal received (SIGINT or SIGTERM). */
extern volatile sig_atomic_t ts_cli_signal;

/* Installs the handlers (sigaction, without SA_RESTART, so a blocking wait
 * for gnuplot returns EINTR and sees the signal). */
void ts_cli_catch_signals(void);

#endif
