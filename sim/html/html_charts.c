/* html_charts.c - the rendered charts in report.html (html_cells.h). Each
 * SVG is a base64 data: URI of an <img>: nothing in it can run as script in
 * the page or clash with another chart's ids. */
#include <string.h>

#include "base/buffer.h"
#include "html_cells.h"
#include "html_out.h"

static long find_svg(const ts_html_options *o, const char *prefix, const char *id)
{
    size_t np = strlen(prefix);
    for (size_t k = 0; k < o->n_svgs; k++) {
        const char *stem = o->svgs[k].stem;
        if (stem && o->svgs[k].data && strncmp(stem, prefix, np) == 0 &&
            strcmp(stem + np, id) == 0)
            return (long)k;
    }
    return -1;
}

static void put_img(ts_buffer *b, ts_html_ctx *c, size_t k, const char *alt, const char *caption)
{
    const ts_html_svg *svg = &c->o->svgs[k];
    ts_html_wrap(b, "<figure class=\"chart\" data-chart=\"", svg->stem, "\">");
    ts_buffer_puts(b, "<img src=\"data:image/svg+xml;base64,");
    ts_html_base64(b, svg->data, svg->len);
    ts_html_wrap(b, "\" alt=\"", alt, "\">");
    if (caption)
        ts_html_wrap(b, "<figcaption>", caption, "</figcaption>");
    ts_buffer_puts(b, "</figure>\n");
    if (c->placed)
        c->placed[k] = true;
}

void ts_html_chart(ts_buffer *b, ts_html_ctx *c, const char *prefix, const char *id,
                   const char *alt, const char *caption)
{
    const ts_html_options *o = c->o;
    long k = find_svg(o, prefix, id);
    if (k >= 0 && o->charts == TS_HTML_CHARTS_RENDERED) {
        put_img(b, c, (size_t)k, alt, caption);
        return;
    }
    ts_buffer_printf(b, "<div class=\"nochart\" data-chart=\"%s", prefix);
    ts_html_escape(b, id);
    ts_buffer_printf(b, "\"><p>%s</p>", c->L->chart_missing[o->charts]);
    if (o->charts != TS_HTML_CHARTS_NO_TEMPLATES) {
        ts_buffer_printf(b, "<p>%s <code>%s", c->L->chart_files, prefix);
        ts_html_escape(b, id);
        ts_buffer_printf(b, ".dat</code>, <code>%s", prefix);
        ts_html_escape(b, id);
        ts_buffer_puts(b, ".gp</code></p>");
    }
    ts_buffer_puts(b, "</div>\n");
}

bool ts_html_chart_if(ts_buffer *b, ts_html_ctx *c, const char *prefix, const char *id,
                      const char *alt)
{
    long k = find_svg(c->o, prefix, id);
    if (k < 0 || c->o->charts != TS_HTML_CHARTS_RENDERED)
        return false;
    put_img(b, c, (size_t)k, alt, NULL);
    return true;
}

void ts_html_more_charts(ts_buffer *b, ts_html_ctx *c)
{
    bool any = false;
    if (c->o->charts != TS_HTML_CHARTS_RENDERED)
        return;
    for (size_t k = 0; c->placed && k < c->o->n_svgs; k++) {
        if (c->placed[k] || !c->o->svgs[k].data || !c->o->svgs[k].stem)
            continue;
        if (!any)
            ts_buffer_printf(b, "<section id=\"more-charts\" class=\"page\">\n<h2>%s</h2>\n",
                             c->L->more_charts_title);
        any = true;
        put_img(b, c, k, c->o->svgs[k].stem, NULL);
    }
    if (any)
        ts_buffer_puts(b, "</section>\n");
}
