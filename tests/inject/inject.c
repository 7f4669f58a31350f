/* inject.c - an LD_PRELOAD library that makes file-writing calls fail, so
 * the tests can check what targetsim does when a disk fills up, a device
 * errs or a folder is read-only, none of which root can arrange with chmod.
 *
 * Environment (nothing set: every call goes through untouched):
 *   TS_INJECT_CALLS  comma list of the calls to break: write, rename, fsync,
 *                    mkstemp, close, mkdir, link
 *   TS_INJECT_ERRNO  the error they fail with: ENOSPC (default), EIO, EROFS,
 *                    EACCES, EDQUOT, EPERM, or a number
 *   TS_INJECT_PATH   only calls on a path matching this glob (fnmatch, no
 *                    flags: * matches /) count; a call on a descriptor is
 *                    matched by the descriptor's path in /proc/self/fd, a
 *                    rename or link by either of its names, mkstemp by its
 *                    template
 *   TS_INJECT_NTH    which of the counted calls fail: "N" the Nth only
 *                    (default 1), "N-" the Nth and every later one
 *   TS_INJECT_SHORT  1: a write picked to fail first writes half its bytes
 *                    and returns that count, and the next write on the same
 *                    descriptor fails: how a full disk really looks
 *   TS_INJECT_PROGRAM  the program to break (default targetsim); in any
 *                    other the library stays inert, so gnuplot, which
 *                    targetsim runs, and wrapper scripts such as Debian's
 *                    /usr/bin/valgrind (a shell script) are unaffected
 * Descriptors 0-2 are never touched, so the error message the failure
 * causes still reaches stderr. A failed close still closes the descriptor,
 * as Linux does. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

enum { C_WRITE = 1, C_RENAME = 2, C_FSYNC = 4, C_MKSTEMP = 8, C_CLOSE = 16, C_MKDIR = 32,
       C_LINK = 64 };

static struct {
    unsigned calls;      /* C_* bits */
    int error;
    const char *pattern; /* NULL: every path */
    long nth;
    int and_later;
    int short_write;
    long counted;        /* matching calls so far */
    int pending_fd;      /* after a short write: the descriptor whose next write fails */
} cfg = {0, ENOSPC, NULL, 1, 0, 0, 0, -1};

static const struct { const char *name; unsigned bit; } CALL_NAMES[] = {
    {"write", C_WRITE}, {"rename", C_RENAME}, {"fsync", C_FSYNC},
    {"mkstemp", C_MKSTEMP}, {"close", C_CLOSE}, {"mkdir", C_MKDIR}, {"link", C_LINK},
};

static const struct { const char *name; int value; } ERRNO_NAMES[] = {
    {"ENOSPC", ENOSPC}, {"EIO", EIO}, {"EROFS", EROFS},
    {"EACCES", EACCES}, {"EDQUOT", EDQUOT}, {"EPERM", EPERM},
};

static void parse_calls(const char *list)
{
    for (size_t i = 0; i < sizeof CALL_NAMES / sizeof CALL_NAMES[0]; i++) {
        size_t n = strlen(CALL_NAMES[i].name);
        for (const char *p = strstr(list, CALL_NAMES[i].name); p; p = strstr(p + 1, CALL_NAMES[i].name))
            if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
                cfg.calls |= CALL_NAMES[i].bit;
    }
}

static void parse_errno(const char *name)
{
    for (size_t i = 0; i < sizeof ERRNO_NAMES / sizeof ERRNO_NAMES[0]; i++)
        if (strcmp(name, ERRNO_NAMES[i].name) == 0)
            cfg.error = ERRNO_NAMES[i].value;
    if (name[0] >= '0' && name[0] <= '9')
        cfg.error = atoi(name);
}

__attribute__((constructor)) static void inject_init(void)
{
    const char *v = getenv("TS_INJECT_PROGRAM");
    if (strcmp(program_invocation_short_name, v && *v ? v : "targetsim") != 0)
        return; /* cfg.calls stays 0: nothing is picked */
    if ((v = getenv("TS_INJECT_CALLS")))
        parse_calls(v);
    if ((v = getenv("TS_INJECT_ERRNO")))
        parse_errno(v);
    if ((v = getenv("TS_INJECT_PATH")) && *v)
        cfg.pattern = v;
    if ((v = getenv("TS_INJECT_NTH"))) {
        char *end;
        cfg.nth = strtol(v, &end, 10);
        cfg.and_later = *end == '-';
    }
    if ((v = getenv("TS_INJECT_SHORT")))
        cfg.short_write = strcmp(v, "1") == 0;
}

static int path_matches(const char *path)
{
    return !cfg.pattern || (path && fnmatch(cfg.pattern, path, 0) == 0);
}

static int fd_matches(int fd)
{
    if (!cfg.pattern)
        return 1;
    char proc[64], path[PATH_MAX];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(proc, path, sizeof path - 1);
    if (n < 0)
        return 0;
    path[n] = '\0';
    return path_matches(path);
}

/* Counts a call that matches and says whether this one is to fail. */
static int pick(unsigned call, int matches)
{
    if (!(cfg.calls & call) || !matches)
        return 0;
    long k = __atomic_add_fetch(&cfg.counted, 1, __ATOMIC_SEQ_CST);
    return k == cfg.nth || (cfg.and_later && k > cfg.nth);
}

static int fail(void)
{
    errno = cfg.error;
    return -1;
}

#define REAL(name, type) ((type)dlsym(RTLD_NEXT, name))

ssize_t write(int fd, const void *buf, size_t count)
{
    ssize_t (*real)(int, const void *, size_t) = REAL("write", ssize_t (*)(int, const void *, size_t));
    if (fd <= 2)
        return real(fd, buf, count);
    if (fd == cfg.pending_fd) {
        cfg.pending_fd = -1;
        return fail();
    }
    if (!pick(C_WRITE, cfg.calls & C_WRITE ? fd_matches(fd) : 0))
        return real(fd, buf, count);
    if (cfg.short_write && count > 1) {
        cfg.pending_fd = fd;
        return real(fd, buf, count / 2);
    }
    return fail();
}

int fsync(int fd)
{
    int (*real)(int) = REAL("fsync", int (*)(int));
    if (fd > 2 && pick(C_FSYNC, cfg.calls & C_FSYNC ? fd_matches(fd) : 0))
        return fail();
    return real(fd);
}

int close(int fd)
{
    int (*real)(int) = REAL("close", int (*)(int));
    int picked = fd > 2 && pick(C_CLOSE, cfg.calls & C_CLOSE ? fd_matches(fd) : 0);
    if (fd == cfg.pending_fd)
        cfg.pending_fd = -1;
    int rc = real(fd);
    return picked ? fail() : rc;
}

int rename(const char *from, const char *to)
{
    int (*real)(const char *, const char *) = REAL("rename", int (*)(const char *, const char *));
    if (pick(C_RENAME, path_matches(from) || path_matches(to)))
        return fail();
    return real(from, to);
}

int mkstemp(char *template)
{
    int (*real)(char *) = REAL("mkstemp", int (*)(char *));
    if (pick(C_MKSTEMP, path_matches(template)))
        return fail();
    return real(template);
}

int mkdir(const char *path, mode_t mode)
{
    int (*real)(const char *, mode_t) = REAL("mkdir", int (*)(const char *, mode_t));
    if (pick(C_MKDIR, path_matches(path)))
        return fail();
    return real(path, mode);
}

int link(const char *from, const char *to)
{
    int (*real)(const char *, const char *) = REAL("link", int (*)(const char *, const char *));
    if (pick(C_LINK, path_matches(from) || path_matches(to)))
        return fail();
    return real(from, to);
}
