/* outdir.c - the output folder belongs to one run at a time, and changes
 * once, at the end, all at once.
 *
 * The lock: flock(LOCK_EX | LOCK_NB) on DIR/.targetsim.lock, which holds
 * the holder's process id for the message another run prints. A second
 * run fails at once (exit 4) rather than waiting: a run takes seconds to
 * minutes, and a script that started two by mistake learns it at once.
 * The lock file is removed, while still locked, when the run ends; a run
 * that then finds its freshly locked file no longer at that path (another
 * removed it between its open and its flock) starts over, so two runs
 * never each hold a lock on a different file. A run killed with SIGKILL
 * leaves the file behind, unlocked: the next run takes it over.
 *
 * The folder changes in one step (ts_output_replace_all): reports, chart
 * scripts and data, images (drawn by gnuplot in a private folder
 * DIR/.targetsim-render.XXXXXX and read back), report.html, and last
 * manifest.json, which lists every file the run wrote with its size and
 * SHA-256, the command line, the version and the seed. The files the
 * previous manifest lists and this run does not write (backtest.csv of a
 * run with --backtest, say) are removed in the same step; a file no
 * manifest lists is never touched. */
#include "outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sha256.h"

const char *volatile ts_outdir_held_lock = NULL;
volatile sig_atomic_t ts_outdir_stage_exists = 0;
volatile sig_atomic_t ts_outdir_committed = 0;

/* The folders this run created (mkdir -p), outermost first: a run that
 * ends without writing its files removes them again (when empty), so that
 * a failed or interrupted run leaves no trace, not even its --out folder.
 * Read by ts_outdir_signal_cleanup, hence plain static storage. */
enum { CREATED_MAX = 64 };
static char *created[CREATED_MAX];
static volatile sig_atomic_t n_created = 0;

/* A previous manifest larger than this is not ours. */
enum { MANIFEST_MAX_BYTES = 16 * 1024 * 1024, NAME_MAX_BYTES = 255 };

/* The folders this run created, innermost first, when empty. */
static void remove_created(void)
{
    for (sig_atomic_t k = n_created; k > 0; k--)
        (void)rmdir(created[k - 1]);
}

static void forget_created(void)
{
    sig_atomic_t n = n_created;
    n_created = 0;
    for (sig_atomic_t k = 0; k < n; k++) {
        free(created[k]);
        created[k] = NULL;
    }
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static ts_status nomem(ts_error *err)
{
    return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
}

/* mkdir -p */
static ts_status make_dir(const char *dir, ts_error *err)
{
    struct stat sb;
    if (stat(dir, &sb) == 0)
        return S_ISDIR(sb.st_mode) ? TS_OK
                                   : ts_error_set(err, TS_EWRITE, dir, NULL,
                                                  "cannot write output: exists and is not a directory");
    char *part = strdup(dir);
    if (!part)
        return nomem(err);
    ts_status st = TS_OK;
    size_t n = strlen(part);
    for (size_t i = 1; i <= n && st == TS_OK; i++) {
        if (part[i] != '/' && part[i] != '\0')
            continue;
        char saved = part[i];
        part[i] = '\0';
        int made = mkdir(part, 0777) == 0;
        if (made && n_created < CREATED_MAX) {
            char *copy = strdup(part);
            if (!copy) {
                (void)rmdir(part);
                part[i] = saved;
                free(part);
                return nomem(err);
            }
            created[n_created] = copy;
            n_created = n_created + 1;
        }
        if (!made && errno != EEXIST)
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

/* The pid the holder wrote, or 0 when it cannot be read (yet). */
static long holder_pid(int fd)
{
    for (int tries = 0; tries < 20; tries++) {
        char buf[32] = {0};
        ssize_t got = pread(fd, buf, sizeof buf - 1, 0);
        long pid = got > 0 ? strtol(buf, NULL, 10) : 0;
        if (pid > 0)
            return pid;
        usleep(10 * 1000); /* the holder is between its flock and its write */
    }
    return 0;
}

static ts_status take_lock(ts_outdir *od, ts_error *err)
{
    char *path = join(od->dir, TS_OUTDIR_LOCK);
    if (!path)
        return nomem(err);
    for (int attempt = 0; attempt < 100; attempt++) {
        int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd < 0) {
            ts_status st = ts_error_set(err, TS_EWRITE, path, NULL, "cannot create the lock file: %s",
                                        strerror(errno));
            free(path);
            return st;
        }
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int e = errno;
            long pid = e == EWOULDBLOCK ? holder_pid(fd) : 0;
            close(fd);
            free(path);
            if (e != EWOULDBLOCK)
                return ts_error_set(err, TS_EWRITE, od->dir, NULL, "cannot lock %s: %s",
                                    TS_OUTDIR_LOCK, strerror(e));
            if (pid > 0)
                return ts_error_set(err, TS_EWRITE, od->dir, NULL,
                                    "in use by another targetsim run (pid %ld)", pid);
            return ts_error_set(err, TS_EWRITE, od->dir, NULL, "in use by another targetsim run");
        }
        /* Still the file at that path? A run that ended may have removed
         * it between our open and our flock. */
        struct stat held, now;
        if (fstat(fd, &held) == 0 && stat(path, &now) == 0 && held.st_dev == now.st_dev &&
            held.st_ino == now.st_ino) {
            char pid[32];
            int len = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
            if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)len, 0) != len) {
                ts_status st = ts_error_set(err, TS_EWRITE, path, NULL,
                                            "cannot write the lock file: %s", strerror(errno));
                unlink(path);
                close(fd);
                free(path);
                return st;
            }
            od->lock_fd = fd;
            od->lock_path = path;
            ts_outdir_held_lock = path;
            return TS_OK;
        }
        close(fd);
    }
    free(path);
    return ts_error_set(err, TS_EWRITE, od->dir, NULL, "cannot lock %s: it keeps being replaced",
                        TS_OUTDIR_LOCK);
}

/* Removes the files of a folder, then the folder. */
static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char path[4096];
            if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < (int)sizeof path)
                (void)unlink(path);
        }
        closedir(d);
    }
    (void)rmdir(dir);
}

/* Folders of gnuplot's drawings that a killed run left: ours (the lock is
 * held), so they go. */
static void remove_stale_stages(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    size_t prefix = strlen(TS_OUTDIR_STAGE_PREFIX);
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, TS_OUTDIR_STAGE_PREFIX, prefix) != 0 ||
            strlen(e->d_name) != prefix + 6)
            continue;
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) < (int)sizeof path)
            remove_tree(path);
    }
    closedir(d);
}

ts_status ts_outdir_open(const char *dir, ts_outdir *od, ts_error *err)
{
    *od = (ts_outdir){.lock_fd = -1};
    ts_status st = make_dir(dir, err);
    if (st != TS_OK) {
        remove_created();
        forget_created();
        return st;
    }
    if (!(od->dir = strdup(dir)))
        return nomem(err);
    if ((st = take_lock(od, err)) != TS_OK)
        return st;
    remove_stale_stages(dir);
    return TS_OK;
}

ts_status ts_outdir_make_stage(ts_outdir *od, ts_error *err)
{
    char *path = join(od->dir, TS_OUTDIR_STAGE_PREFIX "XXXXXX");
    if (!path)
        return nomem(err);
    /* Set first: a signal from here on is handled by the run, which
     * removes the folder; one that came before it has ended the process. */
    ts_outdir_stage_exists = 1;
    if (!mkdtemp(path)) {
        ts_outdir_stage_exists = 0;
        ts_status st = ts_error_set(err, TS_EWRITE, od->dir, NULL,
                                    "cannot create a folder for gnuplot: %s", strerror(errno));
        free(path);
        return st;
    }
    od->stage = path;
    return TS_OK;
}

void ts_outdir_remove_stage(ts_outdir *od)
{
    if (!od->stage)
        return;
    remove_tree(od->stage);
    free(od->stage);
    od->stage = NULL;
    ts_outdir_stage_exists = 0;
}

void ts_outdir_close(ts_outdir *od)
{
    ts_outdir_remove_stage(od);
    if (od->lock_path) {
        ts_outdir_held_lock = NULL;
        (void)unlink(od->lock_path); /* still locked: see take_lock */
        free(od->lock_path);
        od->lock_path = NULL;
    }
    if (od->lock_fd >= 0)
        close(od->lock_fd);
    od->lock_fd = -1;
    if (!od->committed)
        remove_created();
    forget_created();
    free(od->dir);
    od->dir = NULL;
}

void ts_outdir_signal_cleanup(void)
{
    const char *lock = ts_outdir_held_lock;
    if (lock)
        (void)unlink(lock);
    remove_created();
}

/* ---- manifest.json -------------------------------------------------------- */

/* A growing string; `failed` once memory ran out. */
typedef struct text {
    char *data;
    size_t len, cap;
    bool failed;
} text;

static void add(text *t, const char *s, size_t n)
{
    if (t->failed)
        return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *p = realloc(t->data, cap);
        if (!p) {
            t->failed = true;
            return;
        }
        t->data = p;
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

static void puts_(text *t, const char *s)
{
    add(t, s, strlen(s));
}

/* `s` as a JSON string: quotes, backslashes and control bytes escaped. */
static void json_string(text *t, const char *s)
{
    puts_(t, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[8];
        if (*p == '"' || *p == '\\') {
            esc[0] = '\\';
            esc[1] = (char)*p;
            add(t, esc, 2);
        } else if (*p < 0x20 || *p == 0x7f) {
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            puts_(t, esc);
        } else {
            add(t, (const char *)p, 1);
        }
    }
    puts_(t, "\"");
}

/* Every file's entry is one line, `    {"name": "NAME", "size": ...`, so the
 * next run finds the names without a JSON parser (names are plain file
 * names: no quote or backslash to escape). */
static char *manifest_json(const ts_output_file *files, size_t n, const ts_manifest_info *info)
{
    text t = {0};
    char num[64];
    puts_(&t, "{\n  \"generator\": \"targetsim\",\n  \"version\": ");
    json_string(&t, ts_version());
    puts_(&t, ",\n  \"command_line\": [");
    for (int k = 0; k < info->argc; k++) {
        if (k)
            puts_(&t, ", ");
        json_string(&t, info->argv[k]);
    }
    snprintf(num, sizeof num, "%" PRIu64, info->seed);
    puts_(&t, "],\n  \"seed\": ");
    puts_(&t, num);
    snprintf(num, sizeof num, "%zu", info->draws);
    puts_(&t, ",\n  \"draws\": ");
    puts_(&t, num);
    puts_(&t, ",\n  \"files\": [\n");
    for (size_t i = 0; i < n; i++) {
        char hex[TS_SHA256_HEX];
        ts_sha256_hex(files[i].data ? files[i].data : "", files[i].len, hex);
        puts_(&t, "    {\"name\": ");
        json_string(&t, files[i].name);
        snprintf(num, sizeof num, "%zu", files[i].len);
        puts_(&t, ", \"size\": ");
        puts_(&t, num);
        puts_(&t, ", \"sha256\": \"");
        puts_(&t, hex);
        puts_(&t, i + 1 < n ? "\"},\n" : "\"}\n");
    }
    puts_(&t, "  ]\n}\n");
    if (t.failed) {
        free(t.data);
        return NULL;
    }
    return t.data;
}

/* A name the manifest may make us remove: a plain file name in the folder,
 * not hidden, not the manifest, not the lock. */
static bool removable(const char *name, size_t len)
{
    if (len == 0 || len > NAME_MAX_BYTES || name[0] == '.')
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return false;
    }
    return !(len == strlen(TS_OUTDIR_MANIFEST) && memcmp(name, TS_OUTDIR_MANIFEST, len) == 0);
}

static bool written_now(const char *name, size_t len, const ts_output_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(files[i].name) == len && memcmp(files[i].name, name, len) == 0)
            return true;
    return false;
}

/* The previous manifest's whole text, or NULL (*nomem when memory ran out:
 * a missing or unreadable manifest is no error, it just lists nothing). */
static char *read_previous(const char *path, bool *out_of_memory)
{
    *out_of_memory = false;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat sb;
    if (fd < 0)
        return NULL;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > MANIFEST_MAX_BYTES) {
        close(fd);
        return NULL;
    }
    char *data = malloc((size_t)sb.st_size + 1);
    if (!data) {
        *out_of_memory = true;
        close(fd);
        return NULL;
    }
    size_t used = 0;
    while (used < (size_t)sb.st_size) {
        ssize_t got = read(fd, data + used, (size_t)sb.st_size - used);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        used += (size_t)got;
    }
    close(fd);
    data[used] = '\0';
    return data;
}

/* The names the previous manifest lists that this run does not write, as
 * pointers into `prev` (changed in place: each name NUL-terminated). */
static ts_status stale_names(char *prev, const ts_output_file *files, size_t n, char ***out,
                             size_t *n_out, ts_error *err)
{
    static const char KEY[] = "{\"name\": \"";
    *out = NULL;
    *n_out = 0;
    size_t cap = 0;
    for (char *line = prev; line && *line;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        char *p = line + strspn(line, " ");
        if (strncmp(p, KEY, sizeof KEY - 1) == 0) {
            char *name = p + sizeof KEY - 1;
            size_t len = strcspn(name, "\"");
            if (name[len] == '"' && removable(name, len) && !written_now(name, len, files, n)) {
                if (*n_out == cap) {
                    cap = cap ? 2 * cap : 16;
                    char **grown = realloc(*out, cap * sizeof *grown);
                    if (!grown) {
                        free(*out);
                        *out = NULL;
                        return nomem(err);
                    }
                    *out = grown;
                }
                name[len] = '\0';
                (*out)[(*n_out)++] = name;
            }
        }
        line = end ? end + 1 : NULL;
    }
    return TS_OK;
}

ts_status ts_outdir_commit(ts_outdir *od, const ts_output_file *files, size_t n,
                           const ts_manifest_info *info, ts_error *err)
{
    ts_status st = TS_OK;
    char *manifest = NULL, *prev = NULL, *prev_path = NULL, **stale = NULL;
    size_t n_stale = 0;
    ts_output_file *all = malloc((n + 1) * sizeof *all);
    bool prev_nomem = false;
    if (!all || !(manifest = manifest_json(files, n, info)) ||
        !(prev_path = join(od->dir, TS_OUTDIR_MANIFEST))) {
        st = nomem(err);
        goto out;
    }
    prev = read_previous(prev_path, &prev_nomem);
    if (prev_nomem) {
        st = nomem(err);
        goto out;
    }
    if (prev && (st = stale_names(prev, files, n, &stale, &n_stale, err)) != TS_OK)
        goto out;
    memcpy(all, files, n * sizeof *all);
    all[n] = (ts_output_file){TS_OUTDIR_MANIFEST, manifest, strlen(manifest)};
    /* Held off while the folder changes: the step is all or nothing, and a
     * signal in the middle would make it neither. Delivered after it. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigprocmask(SIG_BLOCK, &block, &old);
    st = ts_output_replace_all(od->dir, all, n + 1, (const char *const *)stale, n_stale, err);
    od->committed = st == TS_OK;
    ts_outdir_committed = od->committed;
    sigprocmask(SIG_SETMASK, &old, NULL);
out:
    free(stale);
    free(prev);
    free(prev_path);
    free(manifest);
    free(all);
    return st;
}
