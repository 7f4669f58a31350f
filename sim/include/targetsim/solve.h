/* solve.h - the constant growth a driver needs for a target to be hit
 * exactly in its target year, the other drivers following the scenario
 * (docs/methodology.md, section 7). Brent's method (GSL). */
#ifndef TARGETSIM_SOLVE_H
#define TARGETSIM_SOLVE_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/projector.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The constant value r of `driver`'s growth, in every year after the
 * driver's as-of year (its deflator and shocks kept as the scenario gives
 * them), that makes the target indicator equal its target value in its
 * target year, the other drivers following the scenario. Solved with
 * gsl_root_fsolver_brent on a bracket [just above the lowest rate the model
 * allows, up to 10^6] to an interval of about 1e-14. NaN when no rate
 * exists: the target year is not after the target's own or the driver's
 * as-of year, or no rate in the bracket reaches the target. */
typedef struct ts_required_driver {
    size_t driver; /* plan index of a growth-driven indicator */
    double rate;   /* the driver's constant growth r; NaN when none exists */
} ts_required_driver;

/* The yearly growth beyond which a rate that reaches a target is marked
 * implausible in the reports: +-30 % a year (docs/methodology.md). */
#define TS_PLAUSIBLE_GROWTH 0.30

/* True when the yearly growth `rate` (a fraction: 0.3 = 30 %) is finite and
 * beyond +-TS_PLAUSIBLE_GROWTH. */
TS_API bool ts_growth_implausible(double rate);

/* Required growth of the drivers of one indicator (ts_required_list_create). */
typedef struct ts_required_list {
    size_t n;
    ts_required_driver *drivers; /* owned; NULL when n = 0 */
} ts_required_list;

/* The required growth (ts_required_driver) of every growth-driven
 * indicator `target` depends on: itself when it is growth-driven, else, for
 * a derived indicator, every growth-driven indicator among its inputs and
 * their inputs, in plan order; none when `target` has no target. On success
 * *out owns a new list (free with ts_required_list_free); on failure it is
 * NULL. Fails with TS_ENOMEM, or TS_EINTERNAL when GSL fails. */
TS_API ts_status ts_required_list_create(const ts_projector *projector, size_t target,
                                         ts_required_list **out, ts_error *err);

/* NULL is a no-op. */
TS_API void ts_required_list_free(ts_required_list *list);

#ifdef __cplusplus
}
#endif
#endif
