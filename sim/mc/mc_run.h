/* mc_run.h - the Monte Carlo draws with some drivers replaced by constants,
 * for the sweep (sim/analysis/sweep.c). Private to the engine: the public
 * entry is ts_mc_result_create (targetsim/mc.h), the same with no override. */
#ifndef TS_MC_RUN_H
#define TS_MC_RUN_H

#include "engine/projector.h"
#include "targetsim/mc.h"

/* ts_mc_result_create with the driver overrides given (n_overrides of them,
 * may be NULL/0, see ts_projector_run); fails as it does. */
ts_status ts_mc_run(const ts_projector *projector, const ts_driver_override *overrides,
                    size_t n_overrides, const ts_mc_options *opt, ts_mc_result **out,
                    ts_error *err);

#endif
