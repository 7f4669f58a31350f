/* needed_by.h - the growth now needed to reach each target by a later year
 * (the CLI's --by), from the latest observed value at a constant yearly
 * rate (docs/methodology.md, section 3.5). */
#ifndef TARGETSIM_NEEDED_BY_H
#define TARGETSIM_NEEDED_BY_H

#include "targetsim/export.h"
#include "targetsim/run.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sets run->by_year and, in every assessment with a target (revisions
 * included), needed_growth_by = (x* / v_a)^(1/(by_year - a)) - 1, NaN when
 * by_year <= a or x* / v_a <= 0. TS_EUSAGE (err->path "by_year") when
 * by_year is not after the latest as-of year of the run (the message says
 * which). */
TS_API ts_status ts_run_set_by_year(ts_run *run, int by_year, ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
