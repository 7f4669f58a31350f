/* interrupt.c - what a run does on SIGINT or SIGTERM.
 *
 * Until gnuplot's private folder exists, nothing of the run is on disk
 * but the lock file: the handler removes it (the lock is held, see
 * outdir.c) and ends the process with _exit(128 + signal), both
 * async-signal-safe; the Monte Carlo draws, however long, end at once.
 * Once the folder exists (rendering, reading the images back, report.html)
 * the handler only records the signal: the gnuplot runner sends SIGTERM to
 * its children and starts no more, and the run removes the folder,
 * releases the lock and exits 128 + signal, the output folder as it was.
 * The final step that changes the folder holds both signals off
 * (outdir.c), so it happens whole or not at all. */
#include "interrupt.h"

#include <string.h>
#include <unistd.h>

#include "outdir.h"
#include "render.h"

volatile sig_atomic_t ts_cli_signal = 0;

static void on_signal(int sig)
{
    ts_cli_signal = sig;
    if (!ts_outdir_stage_exists) {
        const char *lock = ts_outdir_held_lock;
        if (lock)
            (void)unlink(lock);
        _exit(128 + sig);
    }
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
    ts_render_stop = &ts_cli_signal;
}
