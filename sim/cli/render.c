/* render.c - the charts drawn by a few gnuplot processes, at most one per
 * CPU, each loading one chart script after another.
 *
 * fork + execv rather than system() or popen(): nothing passes through a
 * shell, so a file name can never be read as a command. Each gnuplot runs
 * in the output folder (the scripts name their files relatively), reads its
 * commands from a socket on its stdin and writes its messages to a pipe on
 * its stderr, both ours. For each chart we send the lines
 *
 *     reset session
 *     png_file = '.STEM.png.tmp'; svg_file = '.STEM.svg.tmp'; load 'STEM.gp'; [then:]
 *         set print; print 'targetsim-ok N'
 *     set print; print 'targetsim-end N'
 *
 * and the next chart only once 'targetsim-end N' came back, so that a free
 * process always takes the next chart. gnuplot reading commands from its
 * stdin abandons the rest of a line at an error and goes on with the next
 * line: 'targetsim-ok N' comes back only when the whole script ran, and the
 * last other line before 'targetsim-end N' is gnuplot's message
 * ('"STEM.gp" line 12: ...'). `set print` sends print back to stderr,
 * whatever the script did. `reset session` forgets the previous chart's
 * variables, so a chart draws as it would in a process of its own (the
 * images are byte for byte the same); the header of every script sets
 * png_file and svg_file only when they do not exist, so `gnuplot STEM.gp`
 * by hand writes the final names.
 *
 * Images are drawn under the temporary names and renamed into place only
 * when their chart succeeded, so a chart is never left half-drawn; a failed
 * chart's temporaries are removed. Should a process die (killed, or a script
 * that quits), the chart it was drawing fails with its last message and a
 * new process takes the charts not yet drawn.
 *
 * The CLI starts the processes (ts_render_start) as soon as the inputs are
 * read, in its own folder, so that gnuplot's start-up (fonts, cairo)
 * overlaps the run; each is sent `cd 'OUT'` before its first chart (only
 * for a folder name single quotes hold inert; any other gets processes
 * started inside it).
 *
 * Everything a signal handler would have to undo (issue 16) lives in one
 * place, `live` below: the pids of the running gnuplot children and the
 * temporary image names of every chart of the render; ts_render_abort()
 * kills the one and removes the other (see render.h). The CLI's handler
 * calls it and sets the flag ts_render_stop_flag points at: from then on no
 * gnuplot is started and no chart handed out, and the loop below, woken
 * by the children's ends of file, reaps them and returns. */
#include "render.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const IMAGE_EXT[] = {"png", "svg"};
enum { N_EXT = 2 };

/* ---- what a signal handler must undo --------------------------------------- */

/* The live state of a render: every slot's gnuplot pid (0: none) and the
 * temporary image paths of every chart (2 per chart, png then svg). Set up
 * before the first child starts and torn down after the last is reaped;
 * written only by the rendering thread, read by ts_render_abort. */
static struct {
    volatile sig_atomic_t active;            /* 1 while a render runs */
    volatile sig_atomic_t pid[TS_RENDER_MAX_PROCS];
    char (*volatile temp)[PATH_MAX];         /* n_temp paths, or NULL */
    volatile size_t n_temp;
} live;

volatile sig_atomic_t *ts_render_stop_flag = NULL;

/* The CLI's signal flag is set: start no gnuplot and hand out no chart. */
static bool stopping(void)
{
    return ts_render_stop_flag && *ts_render_stop_flag;
}

void ts_render_abort(void)
{
    if (!live.active)
        return;
    for (size_t k = 0; k < TS_RENDER_MAX_PROCS; k++) {
        pid_t pid = (pid_t)live.pid[k];
        if (pid > 0)
            (void)kill(pid, SIGKILL);
    }
    char(*temp)[PATH_MAX] = live.temp;
    for (size_t k = 0; temp && k < live.n_temp; k++)
        (void)unlink(temp[k]);
}

/* ---- one gnuplot process ------------------------------------------------------ */

enum { NO_CHART = -1, BUF_MAX = 4096 };

typedef struct proc {
    size_t slot;              /* index into live.pid */
    pid_t pid;                /* 0: slot free */
    bool in_place;            /* started in the output folder (else it gets a cd first) */
    int in_fd;                /* our end of its stdin, -1 once closed */
    int err_fd;               /* our end of its stderr, -1 once at EOF */
    long chart;               /* the chart it is drawing, or NO_CHART */
    bool ok;                  /* 'targetsim-ok CHART' came back */
    char last[TS_RENDER_LINE_MAX]; /* its last other non-empty line for this chart */
    size_t len;               /* bytes of a line not yet complete in buf */
    char buf[BUF_MAX];
} proc;

struct ts_renderer {
    char *gnuplot;
    const char *dir;          /* NULL until ts_render_run */
    const ts_chart_set *set;
    proc *procs;
    size_t n_procs;
    size_t next;              /* the next chart to hand out */
    char (*temp)[PATH_MAX];   /* 2 per chart: DIR/.STEM.png.tmp, DIR/.STEM.svg.tmp */
    ts_render_outcome *out;
};
typedef struct ts_renderer render;

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

/* Chart `chart` failed: `prefix` followed by `text` says why. */
static void add_failure(render *r, size_t chart, const char *prefix, const char *text)
{
    ts_render_failure *f = &r->out->failures[r->out->n_failed++];
    f->gp_name = r->set->charts[chart].gp_name;
    snprintf(f->line, sizeof f->line, "%s%s", prefix, text);
}

/* In the child: never returns. Exit 127 tells the parent exec failed. */
static void exec_child(const char *gnuplot, const char *dir, int in_fd, int err_fd)
{
    /* Out of the way of 0, 1 and 2 first, should one of them be one. */
    in_fd = fcntl(in_fd, F_DUPFD, 3);
    err_fd = fcntl(err_fd, F_DUPFD, 3);
    int null_fd = open("/dev/null", O_RDWR);
    if (in_fd < 0 || err_fd < 0 || null_fd < 0 || dup2(in_fd, 0) < 0 || dup2(null_fd, 1) < 0 ||
        dup2(err_fd, 2) < 0 || (dir && chdir(dir) != 0)) {
        dprintf(err_fd, "cannot enter %s: %s\n", dir, strerror(errno));
        _exit(127);
    }
    char *const argv[] = {(char *)"gnuplot", NULL};
    execv(gnuplot, argv);
    dprintf(2, "cannot run %s: %s\n", gnuplot, strerror(errno));
    _exit(127);
}

/* Starts a gnuplot in slot p. Our ends of its descriptors are close-on-exec,
 * so no other child holds them open: closing its stdin is an end of file. */
static int start(render *r, proc *p)
{
    int sv[2], ep[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return -1;
    if (pipe(ep) != 0) {
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    /* Only this thread runs now, so no fork elsewhere can slip in between. */
    int fds[4] = {sv[0], sv[1], ep[0], ep[1]};
    for (size_t k = 0; k < 4; k++)
        (void)fcntl(fds[k], F_SETFD, FD_CLOEXEC);
    fflush(NULL); /* the child must not flush our buffered output again */
    pid_t pid = fork();
    if (pid == 0)
        exec_child(r->gnuplot, r->dir, sv[1], ep[1]);
    int saved = errno;
    close(sv[1]);
    close(ep[1]);
    if (pid < 0) {
        close(sv[0]);
        close(ep[0]);
        errno = saved;
        return -1;
    }
    p->pid = pid;
    live.pid[p->slot] = (sig_atomic_t)pid;
    p->in_place = r->dir != NULL;
    p->in_fd = sv[0];
    p->err_fd = ep[0];
    p->chart = NO_CHART;
    p->len = 0;
    return 0;
}

/* Sends `text` to p's stdin. A write that fails means the process died:
 * its end of file comes next and is handled there. */
static void send_text(proc *p, const char *text, size_t n)
{
    for (size_t done = 0; done < n;) {
        ssize_t w = send(p->in_fd, text + done, n - done, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
}

/* Sends chart c to p. A write that fails means the process died: its end
 * of file comes next and reports the chart. */
static void dispatch(render *r, proc *p, size_t c)
{
    const ts_chart *ch = &r->set->charts[c];
    char cmd[3 * PATH_MAX];
    int n = snprintf(cmd, sizeof cmd,
                     "reset session\n"
                     "png_file = '.%s.png.tmp'; svg_file = '.%s.svg.tmp'; load '%s'; "
                     "set print; print 'targetsim-ok %zu'\n"
                     "set print; print 'targetsim-end %zu'\n",
                     ch->stem, ch->stem, ch->gp_name, c, c);
    p->chart = (long)c;
    p->ok = false;
    p->last[0] = '\0';
    if (n > 0)
        send_text(p, cmd, (size_t)n);
}

/* Renames both images of chart c into place; on failure says why. Both
 * must be there first (a script that stops early draws only the PNG), so
 * that a chart is replaced whole or not at all. */
static int publish(render *r, size_t c, char *why, size_t size)
{
    const ts_chart *ch = &r->set->charts[c];
    for (size_t e = 0; e < N_EXT; e++)
        if (access(r->temp[N_EXT * c + e], F_OK) != 0) {
            snprintf(why, size, "gnuplot wrote no %s.%s", ch->stem, IMAGE_EXT[e]);
            return -1;
        }
    for (size_t e = 0; e < N_EXT; e++) {
        char final[PATH_MAX];
        snprintf(final, sizeof final, "%s/%s.%s", r->dir, ch->stem, IMAGE_EXT[e]);
        if (rename(r->temp[N_EXT * c + e], final) != 0) {
            snprintf(why, size, "cannot replace %s.%s: %s", ch->stem, IMAGE_EXT[e],
                     strerror(errno));
            return -1;
        }
    }
    return 0;
}

static void remove_temporaries(render *r, size_t c)
{
    for (size_t e = 0; e < N_EXT; e++)
        (void)unlink(r->temp[N_EXT * c + e]);
}

/* The end of p's current chart: publish it or report it. */
static void finish_chart(render *r, proc *p, const char *why)
{
    size_t c = (size_t)p->chart;
    char publish_error[TS_RENDER_LINE_MAX] = "";
    if (p->ok && publish(r, c, publish_error, sizeof publish_error) == 0)
        r->out->n_rendered++;
    else if (publish_error[0])
        add_failure(r, c, "", publish_error);
    else if (p->last[0])
        add_failure(r, c, "", p->last);
    else
        add_failure(r, c, "", why ? why : "gnuplot gave no message");
    remove_temporaries(r, c);
    p->chart = NO_CHART;
}

/* Hands p the next chart, or closes its stdin when there is none left
 * (gnuplot then exits). */
static void feed(render *r, proc *p)
{
    if (!p->in_place && r->next < r->set->n) {
        /* Started before the folder was known (ts_render_start): enter it.
         * Only a folder name that single quotes hold inert gets here. */
        char cd[PATH_MAX + 16];
        int n = snprintf(cd, sizeof cd, "cd '%s'\n", r->dir);
        if (n > 0 && (size_t)n < sizeof cd)
            send_text(p, cd, (size_t)n);
        p->in_place = true;
    }
    if (r->next < r->set->n && !stopping()) {
        dispatch(r, p, r->next++);
    } else if (p->in_fd >= 0) {
        close(p->in_fd);
        p->in_fd = -1;
    }
}

/* One complete line of p's stderr. */
static void on_line(render *r, proc *p, const char *line)
{
    char ok[64], end[64];
    snprintf(ok, sizeof ok, "targetsim-ok %ld", p->chart);
    snprintf(end, sizeof end, "targetsim-end %ld", p->chart);
    if (p->chart == NO_CHART)
        return;
    if (strcmp(line, ok) == 0) {
        p->ok = true;
    } else if (strcmp(line, end) == 0) {
        finish_chart(r, p, NULL);
        feed(r, p);
    } else if (line[strspn(line, " \t")]) {
        snprintf(p->last, sizeof p->last, "%s", line + strspn(line, " \t"));
    }
}

/* Reads what p wrote to stderr and acts on each complete line; returns 0
 * at end of file. */
static int drain(render *r, proc *p)
{
    ssize_t n;
    do
        n = read(p->err_fd, p->buf + p->len, sizeof p->buf - 1 - p->len);
    while (n < 0 && errno == EINTR);
    if (n <= 0) {
        if (p->len) { /* a last line without its newline */
            p->buf[p->len] = '\0';
            p->len = 0;
            on_line(r, p, p->buf);
        }
        return 0;
    }
    p->len += (size_t)n;
    size_t start = 0;
    for (size_t k = 0; k < p->len; k++)
        if (p->buf[k] == '\n') {
            p->buf[k] = '\0';
            if (k > start && p->buf[k - 1] == '\r')
                p->buf[k - 1] = '\0';
            on_line(r, p, p->buf + start);
            start = k + 1;
        }
    if (start == 0 && p->len == sizeof p->buf - 1) {
        /* a line longer than the buffer: its start is all we keep */
        p->buf[p->len] = '\0';
        on_line(r, p, p->buf);
        start = p->len;
    }
    memmove(p->buf, p->buf + start, p->len - start);
    p->len -= start;
    return 1;
}

/* p's stderr ended: the process is gone. Reaps it; a chart it was drawing
 * fails, and the charts not yet handed out go to a new process. */
static void on_exit_of(render *r, proc *p)
{
    int status = 0;
    pid_t got;
    do
        got = waitpid(p->pid, &status, 0);
    while (got < 0 && errno == EINTR);
    int wait_errno = errno;
    live.pid[p->slot] = 0;
    p->pid = 0;
    close(p->err_fd);
    p->err_fd = -1;
    if (p->in_fd >= 0)
        close(p->in_fd);
    p->in_fd = -1;
    /* Exit status 127: gnuplot could not run at all (exec_child). */
    bool cannot_run = got > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 127;
    if (p->chart != NO_CHART) {
        char why[TS_RENDER_LINE_MAX], last[TS_RENDER_LINE_MAX];
        if (got < 0)
            snprintf(why, sizeof why, "cannot wait for gnuplot: %s", strerror(wait_errno));
        else
            snprintf(why, sizeof why, "gnuplot %s %d",
                     WIFEXITED(status) ? "exited with status" : "killed by signal",
                     WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
        snprintf(last, sizeof last, "%s", p->last[0] ? p->last : why);
        finish_chart(r, p, why);
        if (cannot_run) /* every chart left would fail alike */
            while (r->next < r->set->n)
                add_failure(r, r->next++, "", last);
    }
    while (r->next < r->set->n && !stopping()) {
        if (start(r, p) == 0) {
            feed(r, p);
            return;
        }
        add_failure(r, r->next++, "cannot start gnuplot: ", strerror(errno));
    }
}

static size_t running(const render *r)
{
    size_t n = 0;
    for (size_t k = 0; k < r->n_procs; k++)
        n += r->procs[k].pid != 0;
    return n;
}

static void loop(render *r)
{
    struct pollfd fds[TS_RENDER_MAX_PROCS];
    size_t who[TS_RENDER_MAX_PROCS];
    while (running(r) > 0) {
        /* Stopped: the children are killed (again: one may have started
         * after the handler ran) and their ends of file come next. */
        if (stopping())
            ts_render_abort();
        size_t n = 0;
        for (size_t k = 0; k < r->n_procs; k++)
            if (r->procs[k].pid != 0) {
                fds[n] = (struct pollfd){.fd = r->procs[k].err_fd, .events = POLLIN};
                who[n++] = k;
            }
        int ready = poll(fds, (nfds_t)n, -1);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0) { /* cannot wait: stop them all, the charts left fail */
            int poll_errno = errno;
            while (r->next < r->set->n)
                add_failure(r, r->next++, "cannot wait for gnuplot: ", strerror(poll_errno));
            ts_render_abort();
            for (size_t k = 0; k < n; k++)
                on_exit_of(r, &r->procs[who[k]]);
            continue;
        }
        for (size_t k = 0; k < n; k++)
            if (fds[k].revents && drain(r, &r->procs[who[k]]) == 0)
                on_exit_of(r, &r->procs[who[k]]);
    }
}

/* A folder name gnuplot can be told inside single quotes: no quote, no
 * control character, short enough. */
static bool quotable(const char *dir)
{
    size_t n = strlen(dir);
    if (n == 0 || n >= PATH_MAX)
        return false;
    for (const unsigned char *c = (const unsigned char *)dir; *c; c++)
        if (*c == '\'' || *c < 0x20 || *c == 0x7f)
            return false;
    return true;
}

ts_renderer *ts_render_start(const char *gnuplot, int jobs)
{
    /* Inherited SIG_IGN for SIGCHLD would make the kernel reap the children
     * itself and waitpid fail: we need their exit statuses. */
    signal(SIGCHLD, SIG_DFL);
    if (jobs < 1) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cpus > 0 ? (int)cpus : 1;
    }
    render *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->n_procs = (size_t)jobs < TS_RENDER_MAX_PROCS ? (size_t)jobs : TS_RENDER_MAX_PROCS;
    r->gnuplot = strdup(gnuplot);
    r->procs = calloc(r->n_procs, sizeof *r->procs);
    if (!r->gnuplot || !r->procs) {
        free(r->gnuplot);
        free(r->procs);
        free(r);
        return NULL;
    }
    live.active = 1;
    for (size_t k = 0; k < r->n_procs; k++) {
        proc *p = &r->procs[k];
        p->slot = k;
        p->in_fd = p->err_fd = -1;
        p->chart = NO_CHART;
        (void)start(r, p); /* one that did not start is started in ts_render_run */
    }
    return r;
}

/* Reaps every child: each sees the end of its stdin and exits. */
static void stop_all(render *r)
{
    for (size_t k = 0; k < r->n_procs; k++) {
        proc *p = &r->procs[k];
        if (p->in_fd >= 0)
            close(p->in_fd);
        p->in_fd = -1;
    }
    for (size_t k = 0; k < r->n_procs; k++) {
        proc *p = &r->procs[k];
        if (p->pid == 0)
            continue;
        if (p->err_fd >= 0)
            close(p->err_fd);
        p->err_fd = -1;
        while (waitpid(p->pid, NULL, 0) < 0 && errno == EINTR)
            ;
        live.pid[p->slot] = 0;
        p->pid = 0;
    }
}

int ts_render_run(ts_renderer *r, const char *dir, const ts_chart_set *set,
                  ts_render_outcome *out)
{
    *out = (ts_render_outcome){0};
    r->temp = calloc(set->n ? N_EXT * set->n : 1, sizeof *r->temp);
    out->failures = calloc(set->n ? set->n : 1, sizeof *out->failures);
    if (!r->temp || !out->failures) {
        free(r->temp);
        r->temp = NULL;
        ts_render_outcome_free(out);
        return -1;
    }
    for (size_t c = 0; c < set->n; c++)
        for (size_t e = 0; e < N_EXT; e++)
            snprintf(r->temp[N_EXT * c + e], PATH_MAX, "%s/.%s.%s.tmp", dir, set->charts[c].stem,
                     IMAGE_EXT[e]);
    /* A folder that cannot be named to gnuplot: start afresh inside it. */
    if (!quotable(dir))
        stop_all(r);
    r->dir = dir;
    r->set = set;
    r->out = out;
    r->next = 0;
    live.temp = r->temp;
    live.n_temp = N_EXT * set->n;
    for (size_t k = 0; k < r->n_procs; k++) {
        proc *p = &r->procs[k];
        while (p->pid == 0 && r->next < set->n && !stopping()) {
            if (start(r, p) == 0)
                break;
            add_failure(r, r->next++, "cannot start gnuplot: ", strerror(errno));
        }
        if (p->pid != 0)
            feed(r, p);
    }
    loop(r);
    live.n_temp = 0;
    live.temp = NULL;
    free(r->temp);
    r->temp = NULL;
    return 0;
}

void ts_render_stop(ts_renderer *r)
{
    if (!r)
        return;
    stop_all(r);
    live.active = 0;
    free(r->procs);
    free(r->gnuplot);
    free(r);
}

int ts_render_charts(const char *gnuplot, const char *dir, const ts_chart_set *set, int jobs,
                     ts_render_outcome *out)
{
    *out = (ts_render_outcome){0};
    if (jobs < 1) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cpus > 0 ? (int)cpus : 1;
    }
    ts_renderer *r = ts_render_start(gnuplot, (size_t)jobs < set->n ? jobs : (int)set->n);
    if (!r)
        return -1;
    int rc = ts_render_run(r, dir, set, out);
    ts_render_stop(r);
    return rc;
}

void ts_render_outcome_free(ts_render_outcome *out)
{
    free(out->failures);
    *out = (ts_render_outcome){0};
}
