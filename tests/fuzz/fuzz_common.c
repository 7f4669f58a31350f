/* fuzz_common.c - input splitting, the scratch folder and the output checks
 * shared by the fuzz harnesses (see fuzz_common.h). */
#include "fuzz_common.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef TS_FUZZ_SOURCE_DIR
#error "TS_FUZZ_SOURCE_DIR (the repository root) must be defined by the build"
#endif

/* Scenarios a seed may name in `extends` or a plan's "scenarios" list, and
 * the bibliography the bundled plans name. */
static const char *const FIXED_FILES[][2] = {
    {"trend.json", "scenarios/trend.json"},
    {"sources.json", "scenarios/sources.json"},
    {"plan-pace.json", "scenarios/plan-pace.json"},
    {"downside.json", "scenarios/downside.json"},
    {"scen.json", "tests/cli/data/scen.json"},
};
enum { N_FIXED = sizeof FIXED_FILES / sizeof FIXED_FILES[0] };

static const char *const PART_NAMES[FZ_MAX_PARTS] = {"a.json", "b.json", "c.json", "d.json"};

static char scratch[256];

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz: %s: %s\n", what, detail);
    abort();
}

void fz_split(const uint8_t *data, size_t size, fz_parts *out)
{
    const char *p = (const char *)data;
    size_t left = size;
    out->n = 0;
    while (out->n < FZ_MAX_PARTS - 1) {
        const char *nul = memchr(p, '\0', left);
        if (!nul)
            break;
        out->text[out->n] = p;
        out->len[out->n] = (size_t)(nul - p);
        out->n++;
        left -= (size_t)(nul - p) + 1;
        p = nul + 1;
    }
    out->text[out->n] = p;
    out->len[out->n] = left;
    out->n++;
}

static char *read_source_file(const char *relative, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", TS_FUZZ_SOURCE_DIR, relative);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        die(path, strerror(errno));
    char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n == cap && !(buf = realloc(buf, (cap = cap ? 2 * cap : 65536) + 1)))
            die(path, "out of memory");
        got = fread(buf + n, 1, cap - n, fp);
        n += got;
    } while (got > 0);
    fclose(fp);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static void write_file(const char *name, const char *data, size_t len)
{
    const char *path = fz_path(name);
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(data, 1, len, fp) != len || fclose(fp) != 0)
        die(path, strerror(errno));
}

static void remove_scratch(void)
{
    for (size_t i = 0; i < N_FIXED; i++)
        unlink(fz_path(FIXED_FILES[i][0]));
    for (size_t i = 0; i < FZ_MAX_PARTS; i++)
        unlink(fz_path(PART_NAMES[i]));
    rmdir(scratch);
}

const char *fz_dir(void)
{
    if (scratch[0])
        return scratch;
    const char *tmp = getenv("TMPDIR");
    snprintf(scratch, sizeof scratch, "%s/targetsim-fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(scratch))
        die(scratch, strerror(errno));
    atexit(remove_scratch);
    for (size_t i = 0; i < N_FIXED; i++) {
        size_t len;
        char *text = read_source_file(FIXED_FILES[i][1], &len);
        write_file(FIXED_FILES[i][0], text, len);
        free(text);
    }
    return scratch;
}

const char *fz_path(const char *name)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", fz_dir(), name);
    return path;
}

void fz_write_parts(const fz_parts *parts, size_t first)
{
    for (size_t k = 0; k < FZ_MAX_PARTS; k++) {
        if (first + k < parts->n)
            write_file(PART_NAMES[k], parts->text[first + k], parts->len[first + k]);
        else if (unlink(fz_path(PART_NAMES[k])) != 0 && errno != ENOENT)
            die(fz_path(PART_NAMES[k]), strerror(errno));
    }
}

const ts_plan *fz_fixed_plan(const char *source_relative)
{
    /* A handful of plans at most; a linear table keeps them for good. */
    static struct { const char *name; ts_plan *plan; } cache[4];
    for (size_t i = 0; i < 4 && cache[i].name; i++)
        if (strcmp(cache[i].name, source_relative) == 0)
            return cache[i].plan;
    size_t slot = 0;
    while (slot < 4 && cache[slot].name)
        slot++;
    if (slot == 4)
        die(source_relative, "too many fixed plans");
    size_t len;
    char *text = read_source_file(source_relative, &len);
    ts_error err;
    /* Named as if it lived in the scratch folder, so that the scenarios it
     * lists resolve to the copies there. */
    if (ts_plan_parse(text, len, fz_path("plan.json"), &cache[slot].plan, &err) != TS_OK)
        die(source_relative, err.message);
    free(text);
    cache[slot].name = source_relative;
    return cache[slot].plan;
}

static void check_terminated(const char *s, size_t size, const char *what)
{
    if (!memchr(s, '\0', size))
        die("error record", what);
}

void fz_check_error(ts_status st, const ts_error *err)
{
    if (st == TS_OK)
        return;
    check_terminated(err->file, sizeof err->file, "file not terminated");
    check_terminated(err->path, sizeof err->path, "path not terminated");
    check_terminated(err->message, sizeof err->message, "message not terminated");
    if (err->code != st)
        die("error record", "code differs from the returned status");
    if (!err->message[0])
        die("error record", "empty message");
    if (strchr(err->message, '\n'))
        die("error record", "message spans lines (the CLI prints one line)");
}

/* Whether s[0..len) is UTF-8 as RFC 3629 defines it: no overlong form, no
 * surrogate, nothing above U+10FFFF. Written here rather than borrowed from
 * the engine, so the check does not share the engine's mistakes. */
static int is_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i], cp, min;
        size_t n;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            n = 2, cp = c & 0x1F, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 3, cp = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 4, cp = c & 0x07, min = 0x10000;
        else
            return 0;
        if (len - i < n)
            return 0;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n;
    }
    return 1;
}

void fz_check_text(const ts_buffer *buf, const char *what)
{
    if (buf->failed)
        die(what, "buffer ran out of memory");
    if (buf->len && (!buf->data || strlen(buf->data) != buf->len))
        die(what, "contains a NUL byte or is not terminated");
    /* Reports are UTF-8 (report.json must be, to be JSON at all). */
    if (buf->len && !is_utf8((const unsigned char *)buf->data, buf->len))
        die(what, "is not valid UTF-8");
}

void fz_check_controls(const ts_buffer *buf, const char *what, int allow)
{
    fz_check_text(buf, what);
    const unsigned char *p = (const unsigned char *)buf->data;
    for (size_t i = 0; i < buf->len; i++) {
        int ok = p[i] == '\n' || (p[i] == '\t' && (allow & FZ_TAB)) ||
                 (p[i] == '\r' && (allow & FZ_CRLF) && i + 1 < buf->len && p[i + 1] == '\n');
        int c0 = p[i] < 0x20 && !ok;
        int c1 = p[i] == 0xC2 && i + 1 < buf->len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F;
        if (c0 || c1 || p[i] == 0x7f)
            die(what, "a control character (from input text) in a report or chart file");
    }
}

void fz_check_json(const ts_buffer *buf)
{
    fz_check_text(buf, "report.json");
    cJSON *root = cJSON_ParseWithLength(buf->data, buf->len);
    if (!cJSON_IsObject(root))
        die("report.json", "is not one JSON object");
    cJSON_Delete(root);
}

/* The elements report.html is made of (sim/html/report_html.c). Input text is
 * escaped, so any other '<' in the page would be input turned into markup. */
static const char *const HTML_TAGS[] = {
    "a", "b", "body", "code", "col", "colgroup", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "head", "header", "html", "img", "li", "meta",
    "ol", "p", "section", "span", "style", "sup", "table", "tbody", "td", "th", "thead",
    "title", "tr", "ul", "wbr", "!DOCTYPE", NULL};

static int html_known_tag(const char *p)
{
    /* HTML opens a tag only at '<' + letter, '/', '!' or '?'; the writer's
     * own text has "R < 0", which is text. */
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || strchr("/!?", *p)) || !*p)
        return 1;
    if (*p == '/')
        p++;
    for (const char *const *t = HTML_TAGS; *t; t++) {
        size_t n = strlen(*t);
        if (strncmp(p, *t, n) == 0 && strchr(" >/\n", p[n]) && p[n])
            return 1;
    }
    return 0;
}

void fz_check_html(const ts_buffer *buf)
{
    fz_check_controls(buf, "report.html", FZ_TAB);
    for (const char *p = buf->data; p && (p = strchr(p, '<')) != NULL; p++)
        if (!html_known_tag(p + 1))
            die("report.html", "markup that is not the writer's own (unescaped input?)");
    /* The page links only within itself and shows only embedded images; a
     * name saying "javascript:" is text, an attribute starting so is not. */
    static const char *const attrs[][2] = {{" href=\"", "#"}, {" src=\"", "data:"}};
    for (size_t a = 0; a < 2; a++) {
        size_t n = strlen(attrs[a][0]);
        for (const char *p = buf->data; p && (p = strstr(p, attrs[a][0])) != NULL; p += n)
            if (strncmp(p + n, attrs[a][1], strlen(attrs[a][1])) != 0)
                die("report.html", "a link or image that points outside the page");
    }
}

/* Where a scan of a gnuplot script is. */
enum { GP_CODE, GP_SINGLE, GP_DOUBLE, GP_COMMENT };

/* What input text could turn into code: a backquote (command substitution,
 * also inside double quotes), system(...), or any non-ASCII byte, which can
 * only come from input text (a name in Chinese, say). */
static int gp_unsafe(const unsigned char *p, int where)
{
    if (*p == '`' || *p >= 0x80)
        return 1;
    return where == GP_CODE && strncmp((const char *)p, "system", 6) == 0;
}

void fz_check_gnuplot(const ts_buffer *buf, const char *name)
{
    fz_check_text(buf, name);
    int where = GP_CODE;
    const unsigned char *p = (const unsigned char *)buf->data;
    for (size_t i = 0; i < buf->len; i++) {
        unsigned char c = p[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            die(name, "control character in a gnuplot script");
        if (c == '\n') {
            if (where == GP_SINGLE || where == GP_DOUBLE)
                die(name, "a string runs past the end of its line");
            where = GP_CODE;
        } else if (where == GP_SINGLE) {
            /* Taken literally up to the next quote: the one safe place for
             * input text. (No '' escape: gnuplot 5.4 mis-scans it.) No @
             * or backquote either: the writer splices those in as
             * sprintf('%c', N), so no scanner can find a macro here. */
            if (c == '\'')
                where = GP_CODE;
            else if (c == '@' || c == '`')
                die(name, "an @ or a backquote inside a single-quoted string");
        } else if (where == GP_DOUBLE) {
            /* Only the script's own constants ("\n", a template's plot
             * command) belong here: gnuplot expands backquotes and escapes
             * in double quotes. */
            if (gp_unsafe(p + i, where) || c == '@')
                die(name, "input text or an @ inside a double-quoted string");
            if (c == '\\')
                i++;
            else if (c == '"')
                where = GP_CODE;
        } else if (where == GP_CODE) {
            if (c == '\'')
                where = GP_SINGLE;
            else if (c == '"')
                where = GP_DOUBLE;
            else if (c == '#')
                where = GP_COMMENT;
            else if (gp_unsafe(p + i, where) || c == '@')
                die(name, "input text or an @ (a macro) outside a single-quoted string");
        }
    }
}
