/* xlsx_book.c - report.xlsx as a whole: the sheets in order, the workbook
 * built in a scratch file (libxlsxwriter writes only files) and read back
 * into the caller's buffer; see targetsim/xlsx.h. */
/* O_TMPFILE (Linux) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buffer.h"
#include "base/text.h"
#include "targetsim/xlsx.h"
#include "xlsx_cells.h"
#include "xlsx_indicator.h"
#include "xlsx_sheets.h"
#include "xlsx_tables.h"

bool ts_xlsx_available(void)
{
    return true;
}

/* Summary sheets first, then each scenario's paths, the Monte Carlo
 * bands, the sensitivity, the sources, and one sheet per indicator. */
static void write_sheets(xlsx_book *b)
{
    const ts_run *run = b->run;
    xlsx_plan_sheet(b);
    xlsx_verdict_sheet(b);
    for (size_t s = 0; s < run->n_results; s++)
        xlsx_paths_sheet(b, s);
    xlsx_fan_sheet(b);
    xlsx_tornado_sheet(b);
    xlsx_sweep_sheet(b);
    xlsx_sources_sheet(b);
    for (size_t i = 0; i < run->plan->n_indicators; i++)
        xlsx_indicator_sheet(b, i);
}

/* Appends everything in `fd` (from its start) to `out`. */
static ts_status read_back(int fd, const char *path, ts_buffer *out, ts_error *err)
{
    char chunk[65536];
    off_t at = 0;
    for (;;) {
        ssize_t got = pread(fd, chunk, sizeof chunk, at);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return ts_error_set(err, TS_EWRITE, path, NULL, "cannot read the workbook back: %s",
                                strerror(errno));
        if (got == 0)
            break;
        ts_buffer_append(out, chunk, (size_t)got);
        at += got;
    }
    if (out->failed)
        return ts_error_set(err, TS_ENOMEM, "report.xlsx", NULL, "out of memory");
    if (at == 0)
        return ts_error_set(err, TS_EWRITE, path, NULL, "the workbook is empty");
    return TS_OK;
}

/* The scratch file: *fd open for reading and `name` the path libxlsxwriter
 * writes to. Without a name in `dir` (O_TMPFILE) where the system allows
 * it, so nothing is left behind even if the process dies; libxlsxwriter
 * opens it through /proc/self/fd/N. Else a named file from mkstemp, which
 * the caller removes (*named set). */
static ts_status scratch_open(const char *dir, char *name, size_t size, int *fd, bool *named,
                              ts_error *err)
{
    *named = false;
#ifdef O_TMPFILE
    *fd = open(dir, O_TMPFILE | O_RDWR, 0600);
    if (*fd >= 0) {
        snprintf(name, size, "/proc/self/fd/%d", *fd);
        if (access(name, W_OK) == 0)
            return TS_OK;
        close(*fd);
    }
#endif
    snprintf(name, size, "%s/.report.xlsx.build.XXXXXX", dir);
    *fd = mkstemp(name);
    if (*fd < 0)
        return ts_error_set(err, TS_EWRITE, dir, NULL,
                            "cannot create a scratch file for report.xlsx: %s", strerror(errno));
    *named = true;
    return TS_OK;
}

/* Builds the workbook into `path` (an existing, empty file). */
static ts_status build(const ts_run *run, ts_lang lang, const char *path, const char *dir,
                       ts_error *err)
{
    size_t n_sheets = 8 + run->n_results + run->plan->n_indicators;
    xlsx_book b = {.run = run, .lang = lang, .S = ts_strings_for(lang),
                   .names = ts_xlsx_names_new(n_sheets)};
    b.W = &b.S->xlsx;
    lxw_workbook_options opt = {.tmpdir = (char *)dir};
    if (b.names)
        b.wb = workbook_new_opt(path, &opt);
    if (!b.wb) {
        free(b.names);
        return ts_error_set(err, TS_ENOMEM, "report.xlsx", NULL, "out of memory");
    }
    /* A fixed creation time, 1980-01-01 00:00 UTC (the ZIP format's
     * epoch, as reproducible builds use), instead of the clock: the same
     * inputs then give the same bytes, as every other report. */
    lxw_doc_properties props = {
        .title = (char *)ts_text_name(&run->plan->name, lang, run->plan->id),
        .author = "targetsim", .comments = (char *)ts_version(), .created = 315532800};
    workbook_set_properties(b.wb, &props);
    xlsx_formats_init(&b);
    write_sheets(&b);
    lxw_error closed = workbook_close(b.wb);
    free(b.names);
    if (b.failed == LXW_ERROR_MEMORY_MALLOC_FAILED)
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    if (b.failed != LXW_NO_ERROR)
        return ts_error_set(err, TS_EINTERNAL, "report.xlsx", NULL, "cannot write a cell: %s",
                            lxw_strerror(b.failed));
    if (closed != LXW_NO_ERROR)
        return ts_error_set(err, TS_EWRITE, path, NULL, "cannot write the workbook: %s",
                            lxw_strerror(closed));
    return TS_OK;
}

ts_status ts_report_render_xlsx(const ts_run *run, ts_lang lang, const char *scratch_dir,
                                ts_buffer *out, ts_error *err)
{
    const char *dir = scratch_dir ? scratch_dir : getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    size_t n = strlen(dir) + 40;
    char *path = malloc(n);
    if (!path)
        return ts_error_set(err, TS_ENOMEM, "report.xlsx", NULL, "out of memory");
    int fd;
    bool named;
    ts_status st = scratch_open(dir, path, n, &fd, &named, err);
    if (st == TS_OK) {
        st = build(run, lang, path, dir, err);
        if (st == TS_OK)
            st = read_back(fd, path, out, err);
        if (named)
            unlink(path);
        close(fd);
    }
    free(path);
    return st;
}
