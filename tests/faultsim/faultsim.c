/* faultsim.c - out of memory on demand, at the Nth allocation, after
 * SQLite's faultsim: a counter in the allocation wrapper, set from the
 * test. Linked only into the test program targetsim_faultsim (the CLI's
 * sources and the static engine, linked with -Wl,--wrap=malloc,... so that
 * every call the engine and the CLI make to malloc, calloc, realloc,
 * strdup, aligned_alloc, gsl_rng_alloc and gsl_root_fsolver_alloc comes
 * here first). cJSON's allocations come here too: a constructor hands it
 * these functions (cJSON_InitHooks).
 *
 * Environment:
 *   TARGETSIM_FAULTSIM_FAIL    N: the Nth allocation (from 1) returns NULL,
 *                              and only that one; unset or 0: none fails
 *   TARGETSIM_FAULTSIM_REPORT  a file: at exit, the number of allocations
 *                              counted is written to it
 *
 * Not covered: allocations inside the C library (fopen's buffer, stdio,
 * qsort, pthread_create's stack, tmpfile) and inside GSL and cJSON beyond
 * the calls named above (gsl_rng_alloc's state is malloc'ed inside
 * libgsl.so: --wrap does not reach into a shared library, so the wrapper
 * fails the whole gsl_rng_alloc call instead). */
#include <cjson/cJSON.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_roots.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__real_aligned_alloc(size_t align, size_t n);
gsl_rng *__real_gsl_rng_alloc(const gsl_rng_type *t);
gsl_root_fsolver *__real_gsl_root_fsolver_alloc(const gsl_root_fsolver_type *t);

void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
void *__wrap_aligned_alloc(size_t align, size_t n);
gsl_rng *__wrap_gsl_rng_alloc(const gsl_rng_type *t);
gsl_root_fsolver *__wrap_gsl_root_fsolver_alloc(const gsl_root_fsolver_type *t);

static atomic_long counted;
static long fail_at;

/* Counts one allocation; true when it is the one to fail. */
static int fail_now(void)
{
    long n = atomic_fetch_add(&counted, 1) + 1;
    return fail_at > 0 && n == fail_at;
}

void *__wrap_malloc(size_t n)
{
    return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    /* realloc(p, 0) frees: not an allocation that can fail. */
    if (n == 0)
        return __real_realloc(p, n);
    return fail_now() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
    return fail_now() ? NULL : __real_strdup(s);
}

void *__wrap_aligned_alloc(size_t align, size_t n)
{
    return fail_now() ? NULL : __real_aligned_alloc(align, n);
}

gsl_rng *__wrap_gsl_rng_alloc(const gsl_rng_type *t)
{
    return fail_now() ? NULL : __real_gsl_rng_alloc(t);
}

gsl_root_fsolver *__wrap_gsl_root_fsolver_alloc(const gsl_root_fsolver_type *t)
{
    return fail_now() ? NULL : __real_gsl_root_fsolver_alloc(t);
}

static void report(void)
{
    const char *path = getenv("TARGETSIM_FAULTSIM_REPORT");
    FILE *f = path && *path ? fopen(path, "w") : NULL;
    if (f) {
        fprintf(f, "%ld\n", atomic_load(&counted));
        fclose(f);
    }
}

__attribute__((constructor)) static void faultsim_init(void)
{
    const char *n = getenv("TARGETSIM_FAULTSIM_FAIL");
    fail_at = n ? strtol(n, NULL, 10) : 0;
    cJSON_Hooks hooks = {__wrap_malloc, free};
    cJSON_InitHooks(&hooks);
    atexit(report);
}
