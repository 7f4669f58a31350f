/* workers.c - a fork-join of pthreads. The calling thread only waits; it
 * wakes about ten times a second to report progress, so the library itself
 * never prints. */
#include "workers.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

typedef struct shared {
    pthread_mutex_t lock;
    pthread_cond_t finished_cond;
    unsigned finished;
} shared;

typedef struct slot {
    void (*fn)(void *arg);
    void *arg;
    shared *sh;
} slot;

static void *thread_main(void *p)
{
    slot *s = p;
    s->fn(s->arg);
    pthread_mutex_lock(&s->sh->lock);
    s->sh->finished++;
    pthread_cond_signal(&s->sh->finished_cond);
    pthread_mutex_unlock(&s->sh->lock);
    return NULL;
}

static void report(const ts_workers_progress *pr)
{
    if (pr && pr->fn)
        pr->fn(pr->user, atomic_load(pr->done), pr->total);
}

static void wait_all(shared *sh, unsigned started, const ts_workers_progress *pr)
{
    pthread_mutex_lock(&sh->lock);
    while (sh->finished < started) {
        if (!pr || !pr->fn) {
            pthread_cond_wait(&sh->finished_cond, &sh->lock);
            continue;
        }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100 * 1000 * 1000;
        if (until.tv_nsec >= 1000 * 1000 * 1000) {
            until.tv_sec++;
            until.tv_nsec -= 1000 * 1000 * 1000;
        }
        pthread_cond_timedwait(&sh->finished_cond, &sh->lock, &until);
        pthread_mutex_unlock(&sh->lock);
        report(pr);
        pthread_mutex_lock(&sh->lock);
    }
    pthread_mutex_unlock(&sh->lock);
}

void ts_workers_run(unsigned n, void (*fn)(void *arg), void *args, size_t arg_size,
                    const ts_workers_progress *progress)
{
    slot slots[TS_MC_MAX_THREADS];
    pthread_t threads[TS_MC_MAX_THREADS];
    shared sh = {.finished = 0};
    pthread_mutex_init(&sh.lock, NULL);
    pthread_cond_init(&sh.finished_cond, NULL);
    unsigned started = 0;
    if (n > TS_MC_MAX_THREADS)
        n = TS_MC_MAX_THREADS;
    for (unsigned k = 0; k < n; k++) {
        slots[started] = (slot){fn, (char *)args + (size_t)k * arg_size, &sh};
        if (pthread_create(&threads[started], NULL, thread_main, &slots[started]) == 0)
            started++;
    }
    if (started == 0)
        fn(args); /* no thread could start: do the work here */
    else
        wait_all(&sh, started, progress);
    for (unsigned k = 0; k < started; k++)
        pthread_join(threads[k], NULL);
    report(progress);
    pthread_cond_destroy(&sh.finished_cond);
    pthread_mutex_destroy(&sh.lock);
}
