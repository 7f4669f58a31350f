/* output.c - atomic replacement of output files: write a temporary file in
 * the same folder, fsync it, rename it over the target, fsync the folder.
 * Readers see the old file or the new one, never a part. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "targetsim/report.h"

/* mkdir -p: creates each missing folder of `dir`. */
static ts_status ensure_dir(const char *dir, ts_error *err)
{
    struct stat sb;
    if (stat(dir, &sb) == 0) {
        if (!S_ISDIR(sb.st_mode))
            return ts_error_set(err, TS_EWRITE, dir, NULL,
                                "cannot write output: exists and is not a directory");
        return TS_OK;
    }
    size_t n = strlen(dir);
    char *part = malloc(n + 1);
    if (!part)
        return ts_error_set(err, TS_ENOMEM, dir, NULL, "out of memory");
    memcpy(part, dir, n + 1);
    ts_status st = TS_OK;
    for (size_t i = 1; i <= n && st == TS_OK; i++) {
        if (part[i] != '/' && part[i] != '\0')
            continue;
        char saved = part[i];
        part[i] = '\0';
        if (mkdir(part, 0777) != 0 && errno != EEXIST)
            st = ts_error_set(err, TS_EWRITE, dir, NULL, "cannot create output directory: %s",
                              strerror(errno));
        else if (stat(part, &sb) != 0 || !S_ISDIR(sb.st_mode))
            st = ts_error_set(err, TS_EWRITE, dir, NULL,
                              "cannot create output directory: %s is not a directory", part);
        part[i] = saved;
    }
    free(part);
    return st;
}

static ts_status write_all(int fd, const char *data, size_t len, const char *file, ts_error *err)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return ts_error_set(err, TS_EWRITE, file, NULL, "cannot write: %s",
                                strerror(n < 0 ? errno : ENOSPC));
        data += n;
        len -= (size_t)n;
    }
    return TS_OK;
}

static ts_status write_one(const char *dir, const ts_output_file *f, ts_error *err)
{
    size_t n = strlen(dir) + strlen(f->name) + 32;
    char *final = malloc(n), *temp = calloc(1, n);
    ts_status st = TS_OK;
    int fd = -1;
    if (!final || !temp) {
        st = ts_error_set(err, TS_ENOMEM, dir, NULL, "out of memory");
        goto out;
    }
    snprintf(final, n, "%s/%s", dir, f->name);
    snprintf(temp, n, "%s/.%s.XXXXXX", dir, f->name);
    fd = mkstemp(temp);
    if (fd < 0) {
        st = ts_error_set(err, TS_EWRITE, final, NULL, "cannot create a temporary file: %s",
                          strerror(errno));
        temp[0] = '\0';
        goto out;
    }
    /* mkstemp makes 0600; reports are ordinary files for the user's umask. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || (st = write_all(fd, f->data, f->len, final, err)) != TS_OK) {
        if (st == TS_OK)
            st = ts_error_set(err, TS_EWRITE, final, NULL, "cannot set mode: %s", strerror(errno));
        goto out;
    }
    if (fsync(fd) != 0) {
        st = ts_error_set(err, TS_EWRITE, final, NULL, "cannot flush to disk: %s", strerror(errno));
        goto out;
    }
    int rc = close(fd);
    fd = -1;
    if (rc != 0) {
        st = ts_error_set(err, TS_EWRITE, final, NULL, "cannot close: %s", strerror(errno));
        goto out;
    }
    if (rename(temp, final) != 0) {
        st = ts_error_set(err, TS_EWRITE, final, NULL, "cannot replace: %s", strerror(errno));
        goto out;
    }
    temp[0] = '\0';
out:
    if (fd >= 0)
        close(fd);
    if (temp && temp[0])
        unlink(temp);
    free(final);
    free(temp);
    return st;
}

ts_status ts_output_write_all(const char *dir, const ts_output_file *files, size_t n,
                              ts_error *err)
{
    ts_status st = ensure_dir(dir, err);
    for (size_t i = 0; i < n && st == TS_OK; i++)
        st = write_one(dir, &files[i], err);
    if (st == TS_OK) {
        /* Make the renames themselves durable. */
        int dfd = open(dir, O_RDONLY | O_DIRECTORY);
        if (dfd >= 0) {
            (void)fsync(dfd);
            close(dfd);
        }
    }
    return st;
}
