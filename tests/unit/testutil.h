/* testutil.h - helpers shared by the unit tests: JSON written with single
 * quotes (turned into double quotes, one character for one, so line and
 * column numbers do not move), a temporary folder under /tmp, small files. */
#ifndef TS_TEST_UTIL_H
#define TS_TEST_UTIL_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "targetsim/targetsim.h"

/* A malloc'd copy of `text` with every ' replaced by ". */
static inline char *tu_json(const char *text)
{
    size_t n = strlen(text);
    char *out = malloc(n + 1);
    if (!out) {
        perror("malloc");
        exit(2);
    }
    for (size_t i = 0; i <= n; i++)
        out[i] = text[i] == '\'' ? '"' : text[i];
    return out;
}

/* Parses a plan written with single quotes; NULL on failure (see err). */
static inline ts_plan *tu_plan(const char *text, ts_error *err)
{
    char *json = tu_json(text);
    ts_plan *plan = NULL;
    ts_error_clear(err);
    (void)ts_plan_parse(json, strlen(json), "plan.json", &plan, err);
    free(json);
    return plan;
}

/* Creates a fresh folder /tmp/targetsim-unit-XXXXXX into buf. */
static inline void tu_tempdir(char *buf, size_t size)
{
    snprintf(buf, size, "/tmp/targetsim-unit-XXXXXX");
    if (!mkdtemp(buf)) {
        perror("mkdtemp");
        exit(2);
    }
}

/* Writes `text` (single quotes become double quotes) to dir/name and puts
 * the file's path into `path` (which may be NULL). */
static inline void tu_write(const char *dir, const char *name, const char *text, char *path,
                     size_t size)
{
    char full[1024];
    if (snprintf(full, sizeof full, "%s/%s", dir, name) >= (int)sizeof full) {
        fprintf(stderr, "path too long: %s/%s\n", dir, name);
        exit(2);
    }
    char *json = tu_json(text);
    FILE *fp = fopen(full, "wb");
    if (!fp || fputs(json, fp) == EOF || fclose(fp) != 0) {
        perror(full);
        exit(2);
    }
    free(json);
    if (path && snprintf(path, size, "%s", full) >= (int)size) {
        fprintf(stderr, "path too long: %s\n", full);
        exit(2);
    }
}

/* The whole file as a malloc'd string, or NULL when it cannot be read. */
static inline char *tu_read(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, fp)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(fp);
    if (buf)
        buf[n] = '\0';
    return buf;
}

/* rm -r of a folder made by tu_tempdir. */
static inline void tu_rmtree(const char *path)
{
    struct stat sb;
    if (lstat(path, &sb) != 0)
        return;
    if (S_ISDIR(sb.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char sub[2048];
            if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) < (int)sizeof sub)
                tu_rmtree(sub);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

#endif
