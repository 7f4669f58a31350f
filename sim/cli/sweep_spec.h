/* sweep_spec.h - the --sweep syntax, IND.MODEL=LO:HI:STEP, read into the
 * library's ts_sweep_axis. Part of the CLI, not the library: the library
 * takes the axis as numbers and checks them again (ts_sweep_result_create). */
#ifndef TS_SWEEP_SPEC_H
#define TS_SWEEP_SPEC_H

#include "targetsim/targetsim.h"

/* Parses "IND.MODEL=LO:HI:STEP" (MODEL one of growth, add, level; LO <= HI;
 * STEP > 0; at most TS_SWEEP_MAX_POINTS points; growth above -1) into
 * *axis, whose label is `spec` as given. IND is only checked for length:
 * the plan decides which indicators exist (the library's error names the
 * axis). TS_EUSAGE with a message quoting the spec: `--sweep "SPEC": why`. */
ts_status ts_cli_sweep_parse(const char *spec, ts_sweep_axis *axis, ts_error *err);

#endif
