/* targetsim.h - the targetsim engine: load a plan and scenarios, project the
 * indicators, assess the targets, render reports. Include this one header;
 * link with `pkg-config --cflags --libs targetsim`.
 *
 *     ts_plan *plan = NULL;  ts_scenario *sc = NULL;  ts_run *run = NULL;
 *     ts_error err;
 *     if (ts_plan_load("plan.json", &plan, &err) == TS_OK &&
 *         ts_scenario_load(plan, "trend.json", &sc, &err) == TS_OK &&
 *         ts_run_create(plan, (const ts_scenario *const *)&sc, 1, NULL, &run, &err) == TS_OK)
 *         ... run->results[0].assessments[i].status ...
 *     else
 *         fprintf(stderr, "%s: %s: %s\n", err.file, err.path, err.message);
 *     ts_run_free(run); ts_scenario_free(sc); ts_plan_free(plan);
 *
 * examples/embed.c is this, complete.
 *
 * Memory: every object the caller gets comes from a creator and goes back
 * through the one free named after its type (as gsl_rng_alloc/gsl_rng_free):
 *
 *     ts_plan_load, ts_plan_parse   ts_plan_free         plan.h
 *     ts_scenario_load              ts_scenario_free     scenario.h
 *     ts_run_create                 ts_run_free          run.h
 *     ts_projection_create          ts_projection_free   project.h
 *     ts_projector_create           ts_projector_free    projector.h
 *     ts_mc_result_create           ts_mc_result_free    mc.h
 *     ts_required_list_create       ts_required_list_free  solve.h
 *     ts_tornado_create             ts_tornado_free      tornado.h
 *     ts_sweep_result_create        ts_sweep_result_free sweep.h
 *     ts_chart_set_create           ts_chart_set_free    chart.h
 *
 * Frees accept NULL. On failure the out-pointer is set to NULL and nothing
 * needs freeing. A run owns what it makes for itself (per scenario the
 * projector, projection, assessments, required lists, tornado and Monte
 * Carlo result) and what ts_run_sweep, ts_run_backtest and ts_run_compare
 * attach to it: ts_run_free frees all of it. A ts_backtest or ts_comparison
 * is only ever made by the run, so it has no public free. A ts_buffer is
 * the caller's zero-initialised struct; ts_buffer_free releases its data.
 * Borrowed pointers (noted in each header) must outlive their borrower.
 * Strings returned by the ts_*_name functions and ts_strstatus/ts_version
 * are static: never free them.
 * Errors: calls that can fail return ts_status and fill the caller's
 * ts_error (see status.h); every `err` parameter may be NULL when the caller
 * wants only the code. No function prints, exits or aborts.
 * Text: every string is UTF-8, as in the input files.
 * Threads: objects are immutable after creation and may be read
 * concurrently; the library keeps no global state besides GSL's handler
 * and cJSON's allocator.
 * GSL and cJSON: ts_library_init() turns GSL's aborting error handler off
 * and gives cJSON an allocator of its own; call it once before anything
 * else (the loaders call it too).
 */
#ifndef TARGETSIM_H
#define TARGETSIM_H

#include "targetsim/assess.h"
#include "targetsim/backtest.h"
#include "targetsim/buffer.h"
#include "targetsim/chart.h"
#include "targetsim/compare.h"
#include "targetsim/export.h"
#include "targetsim/fit.h"
#include "targetsim/html.h"
#include "targetsim/mc.h"
#include "targetsim/model.h"
#include "targetsim/needed_by.h"
#include "targetsim/observed.h"
#include "targetsim/output.h"
#include "targetsim/plan.h"
#include "targetsim/project.h"
#include "targetsim/projector.h"
#include "targetsim/report.h"
#include "targetsim/run.h"
#include "targetsim/scenario.h"
#include "targetsim/solve.h"
#include "targetsim/status.h"
#include "targetsim/sweep.h"
#include "targetsim/tornado.h"
#include "targetsim/xlsx.h"
#include "targetsim/version.h" /* generated: TARGETSIM_VERSION, _MAJOR, ... */

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version string (TARGETSIM_VERSION at build time), static. */
TS_API const char *ts_version(void);

/* Disables GSL's abort-on-error handler so failures come back as codes,
 * and sets cJSON's allocation hooks (cJSON_InitHooks, the first time only)
 * to malloc and free with a mark when malloc fails, so that running out
 * of memory is reported as such and not as bad JSON or a report missing
 * parts. Idempotent and cheap. Both are process-wide settings: a program
 * that relies on GSL aborting elsewhere, or that sets cJSON's hooks
 * itself, should know (hooks it sets after this call leave the library
 * blind to cJSON running out of memory). */
TS_API void ts_library_init(void);

#ifdef __cplusplus
}
#endif
#endif
