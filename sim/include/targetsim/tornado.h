/* tornado.h - how much each assumption matters: every driver a target
 * depends on moved by one sd either way (docs/methodology.md, section 8). */
#ifndef TARGETSIM_TORNADO_H
#define TARGETSIM_TORNADO_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/export.h"
#include "targetsim/projector.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One bar: the value of `target` in its target year with `assumption`'s
 * driver moved by -shift and +shift in every projected year. */
typedef struct ts_tornado_bar {
    size_t target;      /* plan index of an indicator with a target */
    size_t assumption;  /* plan index of the driver moved */
    double shift;       /* its sd; without one, 0.01 for growth (a percentage
                         * point), 1 % of the as-of value for add and level */
    bool from_sd;       /* shift is the scenario's sd */
    double base;        /* the scenario's value in the target year */
    double low, high;   /* the value with the driver moved down, up (NaN when
                         * the move leaves the model's domain) */
} ts_tornado_bar;

typedef struct ts_tornado {
    size_t n;
    ts_tornado_bar *bars; /* per target in plan order, widest |high - low| first */
} ts_tornado;

/* Every target of the projector's plan against every driver it depends on
 * (itself, or a derived indicator's inputs, transitively). On success *out
 * owns a new tornado (free with ts_tornado_free); on failure it is NULL.
 * TS_ENOMEM. */
TS_API ts_status ts_tornado_create(const ts_projector *projector, ts_tornado **out, ts_error *err);

/* NULL is a no-op. */
TS_API void ts_tornado_free(ts_tornado *tornado);

#ifdef __cplusplus
}
#endif
#endif
