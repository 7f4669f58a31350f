/* render.c - one gnuplot process per chart, up to one per CPU at a time.
 *
 * fork + execv rather than system() or popen(): nothing passes through a
 * shell, so a file name can never be read as a command. Each child runs in
 * the output folder (the scripts name their files relatively) with its
 * stderr in an anonymous temporary file, read back when it exits so a
 * failure is reported with gnuplot's own message. Images are drawn under
 * temporary names and renamed over the old ones only when gnuplot succeeded,
 * so a chart is never left half-drawn. */
#include "render.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

volatile sig_atomic_t *ts_render_stop = NULL;

static int stopping(void)
{
    return ts_render_stop && *ts_render_stop;
}

typedef struct job {
    pid_t pid;
    int killed;         /* sent SIGTERM after a stop */
    FILE *err;          /* the child's stderr */
    const char *gp_name;
    const char *stem;   /* [a-z0-9_-]: safe inside a gnuplot string */
    const char *dir;
} job;

static const char *const IMAGE_EXT[] = {"png", "svg"};

/* "DIR/.STEM.EXT.tmp" (temporary) or "DIR/STEM.EXT" (final). */
static void image_path(const job *j, const char *ext, int temporary, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s%s.%s%s", j->dir, temporary ? "." : "", j->stem, ext,
             temporary ? ".tmp" : "");
}

char *ts_render_find_gnuplot(void)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        return NULL;
    for (const char *p = path; *p;) {
        size_t n = strcspn(p, ":");
        char file[PATH_MAX];
        struct stat sb;
        if (n > 0 && snprintf(file, sizeof file, "%.*s/gnuplot", (int)n, p) < (int)sizeof file &&
            stat(file, &sb) == 0 && S_ISREG(sb.st_mode) && access(file, X_OK) == 0)
            return strdup(file);
        p += n + (p[n] == ':');
    }
    return NULL;
}

/* In the child: never returns. Exit 127 tells the parent exec failed. */
static void exec_child(const char *gnuplot, const char *dir, const job *j, int err_fd)
{
    int null_fd = open("/dev/null", O_RDWR);
    if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(null_fd, 1) < 0 || dup2(err_fd, 2) < 0 ||
        chdir(dir) != 0) {
        dprintf(err_fd, "cannot enter %s: %s\n", dir, strerror(errno));
        _exit(127);
    }
    char names[3 * PATH_MAX / 2];
    snprintf(names, sizeof names, "png_file='.%s.png.tmp'; svg_file='.%s.svg.tmp'", j->stem,
             j->stem);
    char *const argv[] = {(char *)"gnuplot", (char *)"-e", names, (char *)j->gp_name, NULL};
    execv(gnuplot, argv);
    dprintf(2, "cannot run %s: %s\n", gnuplot, strerror(errno));
    _exit(127);
}

static int start(const char *gnuplot, const char *dir, const ts_chart *chart, job *j)
{
    j->gp_name = chart->gp_name;
    j->killed = 0;
    j->stem = chart->stem;
    j->dir = dir;
    j->err = tmpfile();
    if (!j->err)
        return -1;
    fflush(NULL); /* the child must not flush our buffered output again */
    j->pid = fork();
    if (j->pid == 0)
        exec_child(gnuplot, dir, j, fileno(j->err));
    if (j->pid < 0) {
        fclose(j->err);
        j->err = NULL;
        return -1;
    }
    return 0;
}

/* The last non-empty line of the child's stderr: gnuplot ends an error with
 * '"file.gp" line N: message'. */
static void last_line(FILE *f, char *line, size_t size)
{
    char buf[TS_RENDER_LINE_MAX];
    line[0] = '\0';
    rewind(f);
    while (fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\r\n")] = '\0';
        if (buf[strspn(buf, " \t")])
            snprintf(line, size, "%s", buf);
    }
}

/* Renames both images into place; on failure says why in `line`. */
static int publish_images(const job *j, char *line, size_t size)
{
    for (size_t e = 0; e < 2; e++) {
        char temp[PATH_MAX], final[PATH_MAX];
        image_path(j, IMAGE_EXT[e], 1, temp, sizeof temp);
        image_path(j, IMAGE_EXT[e], 0, final, sizeof final);
        if (rename(temp, final) != 0) {
            snprintf(line, size, "cannot replace %s.%s: %s", j->stem, IMAGE_EXT[e],
                     strerror(errno));
            return -1;
        }
    }
    return 0;
}

static void remove_temporaries(const job *j)
{
    for (size_t e = 0; e < 2; e++) {
        char temp[PATH_MAX];
        image_path(j, IMAGE_EXT[e], 1, temp, sizeof temp);
        (void)unlink(temp);
    }
}

/* `status` is waitpid's, or -1 when the child could not be waited for. */
static void finish(job *j, int status, ts_render_outcome *out)
{
    char publish_error[TS_RENDER_LINE_MAX] = "";
    if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
        publish_images(j, publish_error, sizeof publish_error) == 0) {
        out->n_rendered++;
    } else if (publish_error[0]) {
        ts_render_failure *f = &out->failures[out->n_failed++];
        f->gp_name = j->gp_name;
        snprintf(f->line, sizeof f->line, "%s", publish_error);
    } else {
        ts_render_failure *f = &out->failures[out->n_failed++];
        f->gp_name = j->gp_name;
        last_line(j->err, f->line, sizeof f->line);
        if (!f->line[0] && status == -1)
            snprintf(f->line, sizeof f->line, "cannot wait for gnuplot: %s", strerror(ECHILD));
        else if (!f->line[0])
            snprintf(f->line, sizeof f->line, "gnuplot %s %d",
                     WIFEXITED(status) ? "exited with status" : "killed by signal",
                     WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
    }
    remove_temporaries(j);
    fclose(j->err);
    j->err = NULL;
    j->pid = 0;
}

/* Waits for one of our children and records its outcome. Should waiting
 * fail (SIGCHLD ignored by whoever started us), the oldest job is counted
 * as failed so its slot frees up and the loop still ends. */
static void reap_one(job *jobs, size_t n_jobs, ts_render_outcome *out)
{
    for (;;) {
        int status;
        if (stopping())
            for (size_t k = 0; k < n_jobs; k++)
                if (jobs[k].pid > 0 && !jobs[k].killed) {
                    kill(jobs[k].pid, SIGTERM);
                    jobs[k].killed = 1;
                }
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0 && errno == EINTR)
            continue;
        for (size_t k = 0; k < n_jobs; k++)
            if (jobs[k].pid != 0 && (pid < 0 || jobs[k].pid == pid)) {
                finish(&jobs[k], pid < 0 ? -1 : status, out);
                return;
            }
        if (pid < 0)
            return;
    }
}

static void fail_to_start(const char *gp_name, ts_render_outcome *out)
{
    ts_render_failure *f = &out->failures[out->n_failed++];
    f->gp_name = gp_name;
    snprintf(f->line, sizeof f->line, "cannot start gnuplot: %s", strerror(errno));
}

int ts_render_charts(const char *gnuplot, const char *dir, const ts_chart_set *set, int jobs,
                     ts_render_outcome *out)
{
    *out = (ts_render_outcome){0};
    /* Inherited SIG_IGN for SIGCHLD would make the kernel reap the children
     * itself and waitpid fail: we need their exit statuses. */
    signal(SIGCHLD, SIG_DFL);
    if (jobs < 1) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cpus > 0 ? (int)cpus : 1;
    }
    size_t slots = (size_t)jobs < set->n ? (size_t)jobs : set->n;
    job *running = calloc(slots ? slots : 1, sizeof *running);
    out->failures = calloc(set->n ? set->n : 1, sizeof *out->failures);
    if (!running || !out->failures) {
        free(running);
        ts_render_outcome_free(out);
        return -1;
    }
    size_t active = 0;
    for (size_t c = 0; c < set->n && !stopping(); c++) {
        if (active == slots) {
            reap_one(running, slots, out);
            active--;
        }
        size_t k = 0;
        while (running[k].pid != 0)
            k++;
        if (start(gnuplot, dir, &set->charts[c], &running[k]) != 0)
            fail_to_start(set->charts[c].gp_name, out);
        else
            active++;
    }
    while (active-- > 0)
        reap_one(running, slots, out);
    free(running);
    return 0;
}

void ts_render_outcome_free(ts_render_outcome *out)
{
    free(out->failures);
    *out = (ts_render_outcome){0};
}
