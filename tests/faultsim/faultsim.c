/* faultsim.c - out of memory on demand, at the Nth allocation, after
 * SQLite's faultsim: a counter in the allocation wrapper, set from the
 * test. Linked only into the test program targetsim_faultsim (the CLI's
 * sources and the static engine, linked with -Wl,--wrap=malloc,... so that
 * every call the engine and the CLI make to malloc, calloc, realloc,
 * strdup, aligned_alloc, gsl_rng_alloc and gsl_root_fsolver_alloc comes
 * here first). cJSON's allocations come here too: the library hands cJSON
 * an allocator of its own (sim/base/json_alloc.c) that calls malloc.
 *
 * Environment:
 *   TARGETSIM_FAULTSIM_FAIL    N: the Nth allocation (from 1) returns NULL,
 *                              and only that one; unset or 0: none fails
 *   TARGETSIM_FAULTSIM_REPORT  a file: at exit, the number of allocations
 *                              counted is written to it, and on a second
 *                              line the site of the allocation that was
 *                              failed (offsets into the program, for
 *                              addr2line -f -e PROGRAM: see site()), or 0
 *   TARGETSIM_FAULTSIM_TRACE   a file: every allocation's site, one a
 *                              line (oom_sweep.py picks the allocations to
 *                              fail from it)
 * A site is the first caller inside the program, found with backtrace(),
 * so an allocation cJSON makes is known by the code that called cJSON.
 *
 * Not covered: allocations inside the C library (fopen's buffer, stdio,
 * qsort, pthread_create's stack, tmpfile) and inside GSL and cJSON beyond
 * the calls named above (gsl_rng_alloc's state is malloc'ed inside
 * libgsl.so: --wrap does not reach into a shared library, so the wrapper
 * fails the whole gsl_rng_alloc call instead). */
#include <gsl/gsl_rng.h>
#include <gsl/gsl_roots.h>
#include <execinfo.h>
#include <stdatomic.h>
#include <stdint.h>
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
static char failed_site[128] = "0"; /* the failed allocation's site */
static FILE *trace;
extern const char __executable_start[];
extern const char etext[];

enum { SITE_DEPTH = 3 };

static int in_program(const void *frame)
{
    const char *f = frame;
    return f > __executable_start && f <= etext;
}

/* Where an allocation comes from, written to buf: the first caller inside
 * the program and the next SITE_DEPTH - 1 of its callers inside it, as
 * offsets from the program's start for addr2line, joined by '/'. (The
 * callers matter: ts_buffer's one malloc line serves every report.)
 * Frames 0 to 2 are site(), counts() and the wrapper. A frame of the
 * program called from a library is a callback (the library's cJSON
 * allocator, called by cJSON) and is passed over, so that cJSON's
 * allocations are told apart by the code that called cJSON. */
__attribute__((noinline)) static void site(char *buf, size_t size)
{
    void *frames[48];
    int n = backtrace(frames, 48);
    int first = -1;
    for (int k = 3; k < n; k++) {
        if (!in_program(frames[k]))
            continue;
        if (first < 0)
            first = k;
        if (k + 1 >= n || in_program(frames[k + 1])) {
            first = k;
            break;
        }
    }
    size_t len = 0;
    buf[0] = '\0';
    for (int k = first, depth = 0; first >= 0 && k < n && depth < SITE_DEPTH; k++) {
        if (!in_program(frames[k]))
            continue;
        unsigned long offset = (unsigned long)((const char *)frames[k] - __executable_start) - 1;
        int w = snprintf(buf + len, size - len, "%s%#lx", depth ? "/" : "", offset);
        if (w < 0 || (size_t)w >= size - len)
            break;
        len += (size_t)w;
        depth++;
    }
    if (!buf[0])
        snprintf(buf, size, "0");
}

/* Counts one allocation; true when it is the one to fail. */
__attribute__((noinline)) static int counts(void)
{
    long n = atomic_fetch_add(&counted, 1) + 1;
    if (trace) {
        char here[128];
        site(here, sizeof here);
        fprintf(trace, "%s\n", here);
    }
    if (fail_at > 0 && n == fail_at) {
        site(failed_site, sizeof failed_site);
        return 1;
    }
    return 0;
}

#define fail_now() counts()

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
        fprintf(f, "%ld\n%s\n", atomic_load(&counted), failed_site);
        fclose(f);
    }
}

__attribute__((constructor)) static void faultsim_init(void)
{
    const char *n = getenv("TARGETSIM_FAULTSIM_FAIL");
    fail_at = n ? strtol(n, NULL, 10) : 0;
    const char *t = getenv("TARGETSIM_FAULTSIM_TRACE");
    if (t && *t)
        trace = fopen(t, "w"); /* its buffer is C-library memory, not counted */
    void *warm[1];
    (void)backtrace(warm, 1); /* loads the unwinder now, not inside a count */
    atexit(report);
}
