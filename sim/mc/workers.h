/* workers.h - run one function on several threads and wait for them,
 * reporting progress from the waiting thread. Private to the engine. */
#ifndef TS_WORKERS_H
#define TS_WORKERS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "targetsim/mc.h"

typedef struct ts_workers_progress {
    const atomic_uint_least64_t *done; /* advanced by the workers */
    uint64_t total;
    ts_mc_progress_fn fn;              /* NULL: no reports */
    void *user;
} ts_workers_progress;

/* Calls fn(args + k * arg_size) for k < n, each on its own thread, and
 * returns when all have returned. The functions must share their work
 * through a common counter, because when a thread cannot be started the
 * ones that did (or, if none did, the calling thread itself, for k = 0)
 * must finish it: the result does not depend on how many ran. `progress`
 * may be NULL. */
void ts_workers_run(unsigned n, void (*fn)(void *arg), void *args, size_t arg_size,
                    const ts_workers_progress *progress);

#endif
