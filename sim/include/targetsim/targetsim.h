/* targetsim.h - the targetsim engine: load a plan and scenarios, project the
 * indicators, assess the targets, render reports. Include this one header.
 *
 * Memory: every ts_X_load/ts_X_run/ts_X_create that succeeds hands the caller
 * one object to free with the matching ts_X_free; free functions accept NULL.
 * Borrowed pointers (noted in each header) must outlive their borrower.
 * Errors: calls return ts_status and fill a caller-provided ts_error.
 * Threads: objects are immutable after creation and may be read concurrently.
 * GSL: ts_library_init() turns GSL's aborting error handler off; call it once
 * before anything else (the loaders call it too).
 */
#ifndef TARGETSIM_H
#define TARGETSIM_H

#include "targetsim/assess.h"
#include "targetsim/backtest.h"
#include "targetsim/chart.h"
#include "targetsim/compare.h"
#include "targetsim/fit.h"
#include "targetsim/model.h"
#include "targetsim/plan.h"
#include "targetsim/project.h"
#include "targetsim/report.h"
#include "targetsim/run.h"
#include "targetsim/scenario.h"
#include "targetsim/status.h"
#include "targetsim/track.h"

#ifdef __cplusplus
extern "C" {
#endif

#define TARGETSIM_VERSION "0.1.0"

/* The library's version string (TARGETSIM_VERSION at build time). */
const char *ts_version(void);

/* Disables GSL's abort-on-error handler so failures come back as codes.
 * Idempotent and cheap. */
void ts_library_init(void);

#ifdef __cplusplus
}
#endif
#endif
