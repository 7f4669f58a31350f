/* attached.h - the frees of what ts_run_backtest and ts_run_compare attach
 * to a run. Private: only the run makes these objects (sim/analysis/) and
 * only ts_run_free frees them (sim/engine/run.c). NULL is a no-op. */
#ifndef TS_ATTACHED_H
#define TS_ATTACHED_H

#include "targetsim/backtest.h"
#include "targetsim/compare.h"

void ts_backtest_free(ts_backtest *bt);
void ts_comparison_free(ts_comparison *cmp);

#endif
