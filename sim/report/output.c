/* output.c - atomic replacement of a set of output files: write each to a
 * temporary file in the same folder and fsync it, keep a hard link to each
 * file being replaced, rename every temporary file over its target, fsync
 * the folder. Readers see the old file or the new one, never a part; and a
 * failure at any step, a rename included, leaves the previous set as it
 * was: renames already done are undone from the kept links. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "targetsim/output.h"

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
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
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

/* A file being written: its temporary name until it is renamed. Or a file
 * being removed (`removal`): moved aside to `backup` until the set is
 * complete, so that a failure can put it back. */
typedef struct staged {
    char *final;
    char *temp;   /* empty once renamed or removed */
    char *backup; /* a second link to the file `final` had, while the set is
                   * replaced; empty when there was none */
    bool removal;
} staged;

/* Phase 1: the whole content in a temporary file, flushed to disk. */
static ts_status stage_one(const char *dir, const ts_output_file *f, staged *s, ts_error *err)
{
    size_t n = strlen(dir) + strlen(f->name) + 32;
    s->final = malloc(n);
    s->temp = calloc(1, n);
    s->backup = calloc(1, n + 8);
    if (!s->final || !s->temp || !s->backup)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    snprintf(s->final, n, "%s/%s", dir, f->name);
    struct stat sb;
    if (stat(s->final, &sb) == 0 && S_ISDIR(sb.st_mode))
        return ts_error_set(err, TS_EWRITE, s->final, NULL, "cannot replace: Is a directory");
    snprintf(s->temp, n, "%s/.%s.XXXXXX", dir, f->name);
    int fd = mkstemp(s->temp);
    if (fd < 0) {
        s->temp[0] = '\0';
        return ts_error_set(err, TS_EWRITE, s->final, NULL, "cannot create a temporary file: %s",
                            strerror(errno));
    }
    /* mkstemp makes 0600; reports are ordinary files for the user's umask. */
    mode_t mask = umask(0);
    umask(mask);
    ts_status st = TS_OK;
    if (fchmod(fd, 0666 & ~mask) != 0)
        st = ts_error_set(err, TS_EWRITE, s->final, NULL, "cannot set mode: %s", strerror(errno));
    if (st == TS_OK)
        st = write_all(fd, f->data, f->len, s->final, err);
    if (st == TS_OK && fsync(fd) != 0)
        st = ts_error_set(err, TS_EWRITE, s->final, NULL, "cannot flush to disk: %s",
                          strerror(errno));
    if (close(fd) != 0 && st == TS_OK)
        st = ts_error_set(err, TS_EWRITE, s->final, NULL, "cannot close: %s", strerror(errno));
    return st;
}

/* Phase 2, per file: a hard link to the file about to be replaced, so that
 * a later failure can put it back. Returns 0 or an errno. A file system
 * without hard links (FAT, some network mounts) gets no link: the set is
 * still replaced, but a rename failing after this file's leaves it new. */
static int keep_previous(staged *s)
{
    struct stat sb;
    s->backup[0] = '\0';
    if (lstat(s->final, &sb) != 0)
        return 0; /* a new file: undone by removing it */
    snprintf(s->backup, strlen(s->temp) + 8, "%s.old", s->temp);
    if (link(s->final, s->backup) == 0)
        return 0;
    int e = errno;
    s->backup[0] = '\0';
    return (e == EPERM || e == EOPNOTSUPP || e == ENOSYS || e == EMLINK) ? 0 : e;
}

/* Phase 2, per file to remove: moved aside under a name of its own in the
 * same folder. A file already gone is nothing to do. Returns 0 or an errno. */
static int move_aside(staged *s)
{
    struct stat sb;
    if (lstat(s->final, &sb) != 0 || S_ISDIR(sb.st_mode)) {
        s->backup[0] = '\0';
        return 0;
    }
    if (rename(s->final, s->backup) == 0)
        return 0;
    int e = errno;
    s->backup[0] = '\0';
    return e == ENOENT ? 0 : e;
}

/* Undoes the renames of files[0..k): each target gets its kept link back,
 * or is removed if it did not exist (a file moved aside comes back).
 * Returns how many could not be undone.
 * A link that cannot be put back is the only copy of the previous file, so
 * it stays on disk (its name is forgotten, so the clean-up spares it). */
static size_t roll_back(staged *files, size_t k)
{
    size_t failed = 0;
    for (size_t j = 0; j < k; j++) {
        if (files[j].backup[0]) {
            if (rename(files[j].backup, files[j].final) != 0)
                failed++;
            files[j].backup[0] = '\0';
        } else if (!files[j].removal && unlink(files[j].final) != 0) {
            failed++;
        }
    }
    return failed;
}

/* Phase 2: every temporary file renamed over its target. On a failure the
 * renames done so far are undone, so the folder holds the previous set. */
static ts_status commit_all(staged *files, size_t n, ts_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (files[i].removal) {
            int e = move_aside(&files[i]);
            if (e == 0)
                continue;
            size_t left = roll_back(files, i);
            return ts_error_set(err, TS_EWRITE, files[i].final, NULL,
                                "cannot remove a file of the previous run: %s%s", strerror(e),
                                left ? "; files already replaced could not all be put back" : "");
        }
        const char *step = "cannot keep the previous file while replacing it";
        int e = keep_previous(&files[i]);
        if (e == 0) {
            step = "cannot replace";
            if (rename(files[i].temp, files[i].final) == 0) {
                files[i].temp[0] = '\0';
                continue;
            }
            e = errno;
        }
        size_t left = roll_back(files, i);
        if (left)
            return ts_error_set(err, TS_EWRITE, files[i].final, NULL,
                                "%s: %s; %zu file(s) already replaced could not be put back "
                                "(the previous ones stay beside them as .NAME.*.old)",
                                step, strerror(e), left);
        return ts_error_set(err, TS_EWRITE, files[i].final, NULL, "%s: %s", step, strerror(e));
    }
    return TS_OK;
}

/* A file to remove: its path and the name it waits under, allocated before
 * anything changes (so that running out of memory changes nothing). */
static ts_status stage_removal(const char *dir, const char *name, staged *s, ts_error *err)
{
    size_t n = strlen(dir) + strlen(name) + 64;
    s->removal = true;
    s->final = malloc(n);
    s->temp = calloc(1, n);
    s->backup = calloc(1, n);
    if (!s->final || !s->temp || !s->backup)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    snprintf(s->final, n, "%s/%s", dir, name);
    snprintf(s->backup, n, "%s/.%s.%ld.removed", dir, name, (long)getpid());
    return TS_OK;
}

ts_status ts_output_write_all(const char *dir, const ts_output_file *files, size_t n,
                              ts_error *err)
{
    return ts_output_replace_all(dir, files, n, NULL, 0, err);
}

ts_status ts_output_replace_all(const char *dir, const ts_output_file *files, size_t n,
                                const char *const *remove, size_t n_remove, ts_error *err)
{
    ts_status st = ensure_dir(dir, err);
    if (st != TS_OK)
        return st;
    size_t total = n_remove + n;
    staged *stage = calloc(total ? total : 1, sizeof *stage);
    if (!stage)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    /* Every file is complete on disk before any is replaced, so a failure
     * while writing (a full disk, say) leaves the previous set untouched.
     * Removals come first in the commit, the files after in their order:
     * the last file given is the last to change. */
    for (size_t i = 0; i < n_remove && st == TS_OK; i++)
        st = stage_removal(dir, remove[i], &stage[i], err);
    for (size_t i = 0; i < n && st == TS_OK; i++)
        st = stage_one(dir, &files[i], &stage[n_remove + i], err);
    n = total;
    if (st == TS_OK)
        st = commit_all(stage, n, err);
    if (st == TS_OK) {
        /* Make the renames themselves durable. */
        int dfd = open(dir, O_RDONLY | O_DIRECTORY);
        if (dfd >= 0) {
            (void)fsync(dfd);
            close(dfd);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (stage[i].temp && stage[i].temp[0])
            unlink(stage[i].temp);
        if (stage[i].backup && stage[i].backup[0])
            unlink(stage[i].backup);
        free(stage[i].final);
        free(stage[i].temp);
        free(stage[i].backup);
    }
    free(stage);
    return st;
}
