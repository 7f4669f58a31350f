/* interrupt.c - what a run does on SIGINT or SIGTERM.
 *
 * Until gnuplot's private folder exists, nothing of the run is on disk
 * but the lock file (and the --out folder, if the run created it): the
 * handler removes them (ts_outdir_signal_cleanup; the lock is held, see
 * outdir.c) and ends the process with _exit(128 + signal), all
 * async-signal-safe; the Monte Carlo draws, however long, end at once.
 * A run without charts (--no-render, no gnuplot) never makes the folder.
 * The final step holds both signals off, and the run checks for one that
 * came before it with them held (main.c), so a signal either stops the
 * run before the step (nothing changed) or is handled after it (the files
 * written whole, and the run says so); either way it exits 128 + signal.
 * Once the folder exists (rendering, reading the images back, report.html)
 * the handler records the signal and kills the gnuplot children
 * (ts_render_abort: kill and unlink only); the renderer starts no more,
 * and the run removes the folder,
 * releases the lock and exits 128 + signal, the output folder as it was.
 * The final step that changes the folder holds both signals off
 * (outdir.c), so it happens whole or not at all. */
#include "interrupt.h"

#include <string.h>
#include <unistd.h>

#include "outdir.h"
#include "render.h"

volatile sig_atomic_t ts_cli_signal = 0;

/* ts_msg_interrupted's line for a run that changed nothing, written with
 * write(2) here: stdio is not async-signal-safe. */
static const char STOPPED_INT[] = "targetsim: interrupted by SIGINT; no file was changed\n";
static const char STOPPED_TERM[] = "targetsim: interrupted by SIGTERM; no file was changed\n";

static void on_signal(int sig)
{
    ts_cli_signal = sig;
    if (!ts_outdir_stage_exists && !ts_outdir_committed) {
        ts_outdir_signal_cleanup();
        if (sig == SIGINT)
            (void)!write(STDERR_FILENO, STOPPED_INT, sizeof STOPPED_INT - 1);
        else
            (void)!write(STDERR_FILENO, STOPPED_TERM, sizeof STOPPED_TERM - 1);
        _exit(128 + sig);
    }
    ts_render_abort();
}

void ts_cli_catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);
    sigaddset(&sa.sa_mask, SIGTERM);
    sa.sa_flags = 0; /* no SA_RESTART: waitpid returns EINTR */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    ts_render_stop_flag = &ts_cli_signal;
}
