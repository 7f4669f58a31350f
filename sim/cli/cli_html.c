/* cli_html.c - the CLI's report.html step; see cli_html.h. */
#include "cli_html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* gnuplot's SVGs are tens of kilobytes; anything far larger is not one. */
enum { SVG_MAX_BYTES = 32 * 1024 * 1024 };

/* The whole of `dir`/`stem`.svg in a new buffer, or NULL when it cannot be
 * read (missing, too large, out of memory); *len gets its size. */
static char *read_svg(const char *dir, const char *stem, size_t *len)
{
    size_t n = strlen(dir) + strlen(stem) + 6;
    char *path = malloc(n);
    if (!path)
        return NULL;
    snprintf(path, n, "%s/%s.svg", dir, stem);
    FILE *f = fopen(path, "rb");
    free(path);
    if (!f)
        return NULL;
    char *data = NULL;
    size_t used = 0, cap = 0;
    for (;;) {
        if (used == cap) {
            size_t grown = cap ? cap * 2 : 64 * 1024;
            char *p = grown <= SVG_MAX_BYTES ? realloc(data, grown) : NULL;
            if (!p) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = p;
            cap = grown;
        }
        size_t got = fread(data + used, 1, cap - used, f);
        used += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad || used == 0) {
        free(data);
        return NULL;
    }
    *len = used;
    return data;
}

ts_status ts_cli_write_html(const char *out_dir, ts_lang lang, const ts_run *run,
                            const ts_chart_set *charts, ts_html_charts how, const bool *failed,
                            ts_error *err)
{
    size_t n_charts = charts ? charts->n : 0;
    ts_html_svg *svgs = calloc(n_charts ? n_charts : 1, sizeof *svgs);
    ts_buffer page = {0};
    ts_status st = TS_OK;
    size_t n_svgs = 0;
    if (!svgs) {
        st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
        goto out;
    }
    if (how == TS_HTML_CHARTS_RENDERED)
        for (size_t c = 0; c < n_charts; c++) {
            if (failed && failed[c])
                continue;
            size_t len = 0;
            char *data = read_svg(out_dir, charts->charts[c].stem, &len);
            if (data)
                svgs[n_svgs++] = (ts_html_svg){charts->charts[c].stem, data, len};
        }
    ts_html_options options = {lang, how, svgs, n_svgs};
    if ((st = ts_report_render_html(run, &options, &page, err)) != TS_OK)
        goto out;
    ts_output_file file = {"report.html", page.data, page.len};
    st = ts_output_write_all(out_dir, &file, 1, err);
out:
    for (size_t k = 0; k < n_svgs; k++)
        free((char *)svgs[k].data);
    free(svgs);
    ts_buffer_free(&page);
    return st;
}
