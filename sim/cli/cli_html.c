/* cli_html.c - the CLI's report.html step; see cli_html.h. */
#include "cli_html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* gnuplot's SVGs are tens of kilobytes; anything far larger is not one. */
enum { SVG_MAX_BYTES = 32 * 1024 * 1024 };

int ts_cli_read_file(const char *dir, const char *name, size_t max, char **out, size_t *len)
{
    *out = NULL;
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (!path)
        return -1;
    snprintf(path, n, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    free(path);
    if (!f)
        return 1;
    char *data = NULL;
    size_t used = 0, cap = 0;
    for (;;) {
        if (used == cap) {
            size_t grown = cap ? cap * 2 : 64 * 1024;
            if (grown > max) {
                free(data);
                fclose(f);
                return 1;
            }
            char *p = realloc(data, grown + 1);
            if (!p) {
                free(data);
                fclose(f);
                return -1;
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
        return 1;
    }
    data[used] = '\0';
    *out = data;
    *len = used;
    return 0;
}

ts_status ts_cli_render_html(const char *svg_dir, ts_lang lang, const ts_run *run,
                             const ts_chart_set *charts, ts_html_charts how, const bool *failed,
                             ts_buffer *page, ts_error *err)
{
    size_t n_charts = charts ? charts->n : 0;
    ts_html_svg *svgs = calloc(n_charts ? n_charts : 1, sizeof *svgs);
    ts_status st = TS_OK;
    const char *out_dir = svg_dir;
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
            char *data = NULL, name[512];
            snprintf(name, sizeof name, "%s.svg", charts->charts[c].stem);
            int got = ts_cli_read_file(out_dir, name, SVG_MAX_BYTES, &data, &len);
            if (got < 0) {
                st = ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
                goto out;
            }
            if (got == 0)
                svgs[n_svgs++] = (ts_html_svg){charts->charts[c].stem, data, len};
        }
    ts_html_options options = {lang, how, svgs, n_svgs};
    st = ts_report_render_html(run, &options, page, err);
out:
    for (size_t k = 0; k < n_svgs; k++)
        free((char *)svgs[k].data);
    free(svgs);
    return st;
}
