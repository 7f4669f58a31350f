/* json_in.c - file reading, parsing with positions, typed getters. */
#include "json_in.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/id.h"
#include "base/json_alloc.h"

#define TS_STRINGIFY_(x) #x
#define TS_STRINGIFY(x) TS_STRINGIFY_(x)

char *ts_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy)
        memcpy(copy, s, n);
    return copy;
}

void ts_text_free(ts_text *text)
{
    if (!text)
        return;
    free(text->zh);
    free(text->en);
    text->zh = text->en = NULL;
}

void ts_figure_free(ts_figure *figure)
{
    if (!figure)
        return;
    ts_text_free(&figure->source);
    ts_text_free(&figure->note);
    ts_text_free(&figure->assumption);
}

void ts_series_free(ts_series *series)
{
    if (!series)
        return;
    for (size_t i = 0; series->figures && i < series->n; i++)
        ts_figure_free(&series->figures[i]);
    free(series->figures);
    free(series->points);
    series->points = NULL;
    series->figures = NULL;
    series->n = 0;
}

/* Opens `file` for reading if it is a regular file or a pipe. Input files
 * name other files (extends, a plan's scenarios), so the name is not to be
 * trusted: O_NONBLOCK keeps the open itself from waiting for a writer on a
 * named pipe (with none, reading then sees end of input), and devices are
 * refused before a read could wait on a terminal or run through /dev/zero. */
static ts_status open_input(const char *file, FILE **out, ts_error *err)
{
    *out = NULL;
    int fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return ts_error_set(err, TS_EINPUT, file, NULL, "cannot open: %s", strerror(errno));
    struct stat sb;
    ts_status st = TS_OK;
    if (fstat(fd, &sb) != 0)
        st = ts_error_set(err, TS_EINPUT, file, NULL, "cannot stat: %s", strerror(errno));
    else if (S_ISDIR(sb.st_mode))
        st = ts_error_set(err, TS_EINPUT, file, NULL, "is a directory, expected a JSON file");
    else if (!S_ISREG(sb.st_mode) && !S_ISFIFO(sb.st_mode))
        st = ts_error_set(err, TS_EINPUT, file, NULL,
                          "is a device or socket, expected a JSON file");
    /* Reads may wait again: a pipe's writer is entitled to be slow. */
    else if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0 ||
             !(*out = fdopen(fd, "rb")))
        st = ts_error_set(err, TS_EINPUT, file, NULL, "cannot open: %s", strerror(errno));
    if (st != TS_OK)
        close(fd);
    return st;
}

ts_status ts_json_read_file(const char *file, char **text, size_t *len, ts_error *err)
{
    *text = NULL;
    *len = 0;
    FILE *fp = NULL;
    ts_status st = open_input(file, &fp, err);
    if (st != TS_OK)
        return st;
    char *buf = NULL;
    size_t cap = 65536, n = 0;
    buf = malloc(cap + 1);
    if (!buf) {
        st = ts_error_set(err, TS_ENOMEM, file, NULL, "out of memory");
        goto out;
    }
    /* Read to EOF rather than trusting st_size: pipes and /proc report 0. */
    for (;;) {
        if (n == cap) {
            if (cap >= (size_t)TS_MAX_FILE_BYTES + 1) {
                st = ts_error_set(err, TS_EINPUT, file, NULL,
                                  "file is larger than the limit of %d bytes",
                                  TS_MAX_FILE_BYTES);
                goto out;
            }
            size_t ncap = cap * 2 > (size_t)TS_MAX_FILE_BYTES + 1 ? (size_t)TS_MAX_FILE_BYTES + 1
                                                                   : cap * 2;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                st = ts_error_set(err, TS_ENOMEM, file, NULL, "out of memory");
                goto out;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0) {
            if (ferror(fp)) {
                st = ts_error_set(err, TS_EINPUT, file, NULL, "cannot read: %s",
                                  strerror(errno ? errno : EIO));
                goto out;
            }
            break;
        }
    }
    if (n > (size_t)TS_MAX_FILE_BYTES) {
        st = ts_error_set(err, TS_EINPUT, file, NULL, "file is larger than the limit of %d bytes",
                          TS_MAX_FILE_BYTES);
        goto out;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    buf = NULL;
out:
    free(buf);
    fclose(fp);
    return st;
}

static void position_of(const char *text, size_t offset, int *line, int *column)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < offset && text[i]; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++; /* count characters, not UTF-8 continuation bytes */
        }
    }
    *line = l;
    *column = c;
}

static ts_status check_duplicates(const cJSON *item, const char *file, const char *path,
                                  ts_error *err)
{
    if (!cJSON_IsObject(item) && !cJSON_IsArray(item))
        return TS_OK;
    int index = 0;
    for (const cJSON *child = item->child; child; child = child->next, index++) {
        char sub[TS_ERROR_PATH_MAX];
        if (cJSON_IsObject(item)) {
            for (const cJSON *prev = item->child; prev != child; prev = prev->next) {
                if (strcmp(prev->string, child->string) == 0) {
                    ts_json_join(sub, sizeof sub, path, child->string);
                    return ts_error_set(err, TS_EINPUT, file, sub, "duplicate key \"%s\"",
                                        child->string);
                }
            }
            ts_json_join(sub, sizeof sub, path, child->string);
        } else {
            snprintf(sub, sizeof sub, "%s[%d]", path, index);
        }
        ts_status st = check_duplicates(child, file, sub, err);
        if (st != TS_OK)
            return st;
    }
    return TS_OK;
}

static ts_status syntax_error(const char *text, size_t len, size_t offset, const char *file,
                              const char *what, ts_error *err)
{
    int line, column;
    position_of(text, offset, &line, &column);
    if (offset >= len)
        return ts_error_set(err, TS_EINPUT, file, NULL,
                            "invalid JSON at line %d, column %d: unexpected end of input", line,
                            column);
    if (what)
        return ts_error_set(err, TS_EINPUT, file, NULL, "invalid JSON at line %d, column %d: %s",
                            line, column, what);
    return ts_error_set(err, TS_EINPUT, file, NULL,
                        "invalid JSON at line %d, column %d: unexpected '%c'", line, column,
                        (text[offset] >= 0x20 && text[offset] < 0x7f) ? text[offset] : '?');
}

/* cJSON reports a bad object key one character past it (parse_string steps
 * over the character it rejects). A key follows '{' or ','; when the
 * character before the reported one sits right after such a brace or comma
 * and is not a quote, it is the culprit. */
static size_t key_error_offset(const char *text, size_t offset)
{
    if (offset == 0 || strchr("\" \t\r\n", text[offset - 1]))
        return offset;
    size_t k = offset - 1;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == '\n' ||
                     text[k - 1] == '\r'))
        k--;
    if (k > 0 && (text[k - 1] == '{' || text[k - 1] == ','))
        return offset - 1;
    return offset;
}

/* Length of the UTF-8 sequence starting at s (RFC 3629: no overlong form,
 * no surrogate, at most U+10FFFF), or 0 when it is not one. */
static size_t utf8_sequence(const unsigned char *s, size_t left)
{
    unsigned c = s[0], cp, min;
    size_t n;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, cp = c & 0x07, min = 0x10000;
    else
        return 0;
    if (left < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    return (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) ? 0 : n;
}

/* Offset of the first byte that is not UTF-8, or len. cJSON copies string
 * bytes as they are, so without this a file saved as GBK or Latin-1 would
 * load, and its names would make report.json invalid JSON. */
size_t ts_utf8_invalid_at(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, n;
    while (i < len && (n = utf8_sequence(s + i, len - i)) > 0)
        i += n;
    return i;
}

/* How many arrays and objects are open at `offset` (strings skipped). */
static size_t nesting_at(const char *text, size_t offset)
{
    size_t depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < offset; i++) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            depth++;
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return depth;
}

ts_status ts_json_parse(const char *text, size_t len, const char *file, cJSON **root,
                        ts_error *err)
{
    *root = NULL;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3; /* spreadsheet and Windows editors add a BOM; it carries no data */
        len -= 3;
    }
    if (memchr(text, '\0', len))
        return ts_error_set(err, TS_EINPUT, file, NULL, "contains a NUL byte, not JSON text");
    size_t bad = ts_utf8_invalid_at(text, len);
    if (bad < len)
        return syntax_error(text, len, bad, file,
                            "a byte that is not UTF-8 (save the file as UTF-8, not GBK or "
                            "Latin-1)", err);
    /* cJSON's length-limited parser clamps an error past the end to the last
     * character; parsing a NUL-terminated copy puts it on the terminator, so
     * a truncated file is reported as such. */
    char *copy = malloc(len + 1);
    if (!copy)
        return ts_error_set(err, TS_ENOMEM, file, NULL, "out of memory");
    memcpy(copy, text, len);
    copy[len] = '\0';
    const char *end = NULL;
    ts_json_alloc_begin();
    cJSON *parsed = cJSON_ParseWithOpts(copy, &end, 0);
    size_t offset = end ? (size_t)(end - copy) : 0;
    free(copy);
    /* cJSON fails alike for bad text and for memory: the mark tells. */
    if (ts_json_alloc_failed()) {
        cJSON_Delete(parsed);
        return ts_error_set(err, TS_ENOMEM, NULL, NULL, "out of memory");
    }
    /* cJSON gives up at its nesting limit (it recurses once per level);
     * "unexpected '['" would not say why. */
    if (!parsed && offset < len && nesting_at(text, offset) >= CJSON_NESTING_LIMIT)
        return syntax_error(text, len, offset, file, "nested deeper than the limit of "
                            TS_STRINGIFY(CJSON_NESTING_LIMIT) " lists and objects", err);
    if (!parsed)
        return syntax_error(text, len, key_error_offset(text, offset), file, NULL, err);
    /* Text after the value is an error too. */
    while (offset < len && (text[offset] == ' ' || text[offset] == '\t' || text[offset] == '\n' ||
                            text[offset] == '\r'))
        offset++;
    if (offset < len) {
        cJSON_Delete(parsed);
        return syntax_error(text, len, offset, file, "text after the end of the value", err);
    }
    ts_status st = check_duplicates(parsed, file, "", err);
    if (st != TS_OK) {
        cJSON_Delete(parsed);
        return st;
    }
    *root = parsed;
    return TS_OK;
}

void ts_json_join(char *buf, size_t size, const char *parent, const char *key)
{
    if (!parent || !*parent)
        snprintf(buf, size, "%s", key);
    else
        snprintf(buf, size, "%s.%s", parent, key);
}

void ts_json_describe(const cJSON *item, char *buf, size_t size)
{
    if (!item) {
        snprintf(buf, size, "nothing");
    } else if (cJSON_IsString(item)) {
        const char *s = item->valuestring;
        size_t n = strlen(s);
        if (n > 40)
            snprintf(buf, size, "\"%.37s...\"", s);
        else
            snprintf(buf, size, "\"%s\"", s);
    } else if (cJSON_IsNumber(item)) {
        snprintf(buf, size, "%.17g", item->valuedouble);
    } else if (cJSON_IsBool(item)) {
        snprintf(buf, size, "%s", cJSON_IsTrue(item) ? "true" : "false");
    } else if (cJSON_IsNull(item)) {
        snprintf(buf, size, "null");
    } else if (cJSON_IsArray(item)) {
        snprintf(buf, size, "a list");
    } else {
        snprintf(buf, size, "an object");
    }
}

static ts_status type_error(const cJSON *item, const char *file, const char *path,
                            const char *expected, ts_error *err)
{
    char got[64];
    ts_json_describe(item, got, sizeof got);
    return ts_error_set(err, TS_EINPUT, file, path, "expected %s, got %s", expected, got);
}

/* Free-text fields the engine only carries along; they must still be text,
 * so a misplaced number or object is caught where it was written. */
static bool is_doc_key(const char *key)
{
    return strcmp(key, "note") == 0 || strcmp(key, "source") == 0 || strcmp(key, "method") == 0;
}

ts_status ts_json_check_object(const cJSON *obj, const char *const *allowed, const char *file,
                               const char *path, ts_error *err)
{
    if (!cJSON_IsObject(obj))
        return type_error(obj, file, path, "an object", err);
    for (const cJSON *child = obj->child; child; child = child->next) {
        bool known = false;
        for (const char *const *a = allowed; *a && !known; a++)
            known = strcmp(*a, child->string) == 0;
        char sub[TS_ERROR_PATH_MAX];
        ts_json_join(sub, sizeof sub, path, child->string);
        if (!known)
            return ts_error_set(err, TS_EINPUT, file, sub, "unknown field \"%s\"", child->string);
        if (is_doc_key(child->string)) {
            ts_text text;
            ts_status st = ts_json_text(child, file, sub, &text, err);
            if (st != TS_OK)
                return st;
            ts_text_free(&text);
        }
    }
    return TS_OK;
}

ts_status ts_json_number(const cJSON *item, const char *file, const char *path, double *out,
                         ts_error *err)
{
    if (!cJSON_IsNumber(item))
        return type_error(item, file, path, "a number", err);
    if (!isfinite(item->valuedouble))
        return ts_error_set(err, TS_EINPUT, file, path, "expected a finite number, got %g",
                            item->valuedouble);
    *out = item->valuedouble;
    return TS_OK;
}

static ts_status check_year(double y, const char *file, const char *path, int *out, ts_error *err)
{
    if (!(y >= TS_MIN_YEAR && y <= TS_MAX_YEAR) || y != floor(y))
        return ts_error_set(err, TS_EINPUT, file, path,
                            "expected a whole year in [%d, %d], got %.17g", TS_MIN_YEAR,
                            TS_MAX_YEAR, y);
    *out = (int)y;
    return TS_OK;
}

ts_status ts_json_year_value(const cJSON *item, const char *file, const char *path, int *out,
                             ts_error *err)
{
    if (!cJSON_IsNumber(item))
        return type_error(item, file, path, "a year", err);
    return check_year(item->valuedouble, file, path, out, err);
}

ts_status ts_json_year_key(const char *key, const char *file, const char *path, int *out,
                           ts_error *err)
{
    size_t n = strlen(key);
    bool digits = n == 4;
    for (size_t i = 0; i < n && digits; i++)
        digits = key[i] >= '0' && key[i] <= '9';
    if (!digits)
        return ts_error_set(err, TS_EINPUT, file, path, "expected a year as key, got \"%s\"",
                            key);
    return check_year(atof(key), file, path, out, err);
}

ts_status ts_json_string(const cJSON *item, const char *file, const char *path, char **out,
                         ts_error *err)
{
    if (!cJSON_IsString(item) || !item->valuestring[0])
        return type_error(item, file, path, "a non-empty string", err);
    *out = ts_strdup(item->valuestring);
    if (!*out)
        return ts_error_set(err, TS_ENOMEM, file, path, "out of memory");
    return TS_OK;
}

/* Replaces each control character of s, in place, by a space: C0 bytes
 * (newline and tab included), DEL, and the C1 range U+0080-U+009F (two
 * bytes in UTF-8, one space). */
void ts_blank_controls(char *s)
{
    unsigned char *r = (unsigned char *)s, *w = r;
    for (; *r; r++) {
        if (*r < 0x20 || *r == 0x7f) {
            *w++ = ' ';
        } else if (r[0] == 0xC2 && r[1] >= 0x80 && r[1] <= 0x9F) {
            *w++ = ' ';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

ts_status ts_json_free_text(const cJSON *item, const char *file, const char *path, char **out,
                            ts_error *err)
{
    ts_status st = ts_json_string(item, file, path, out, err);
    if (st == TS_OK)
        ts_blank_controls(*out);
    return st;
}

ts_status ts_json_text(const cJSON *item, const char *file, const char *path, ts_text *out,
                       ts_error *err)
{
    out->zh = out->en = NULL;
    if (cJSON_IsString(item)) {
        ts_status st = ts_json_free_text(item, file, path, &out->en, err);
        if (st != TS_OK)
            return st;
        out->zh = ts_strdup(out->en);
        if (!out->zh) {
            ts_text_free(out);
            return ts_error_set(err, TS_ENOMEM, file, path, "out of memory");
        }
        return TS_OK;
    }
    static const char *const keys[] = {"zh", "en", NULL};
    ts_status st = ts_json_check_object(item, keys, file, path, err);
    if (st != TS_OK)
        return cJSON_IsObject(item) ? st
                                    : type_error(item, file, path,
                                                 "a string or {\"zh\": ..., \"en\": ...}", err);
    const cJSON *zh = cJSON_GetObjectItemCaseSensitive(item, "zh");
    const cJSON *en = cJSON_GetObjectItemCaseSensitive(item, "en");
    if (!zh && !en)
        return ts_error_set(err, TS_EINPUT, file, path, "expected \"zh\" or \"en\", got an empty object");
    char sub[TS_ERROR_PATH_MAX];
    if (zh) {
        ts_json_join(sub, sizeof sub, path, "zh");
        if ((st = ts_json_free_text(zh, file, sub, &out->zh, err)) != TS_OK)
            return st;
    }
    if (en) {
        ts_json_join(sub, sizeof sub, path, "en");
        if ((st = ts_json_free_text(en, file, sub, &out->en, err)) != TS_OK) {
            ts_text_free(out);
            return st;
        }
    }
    return TS_OK;
}

ts_status ts_json_optional_text(const cJSON *obj, const char *key, const char *file,
                                const char *path, ts_text *out, ts_error *err)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!item)
        return TS_OK;
    char sub[TS_ERROR_PATH_MAX];
    ts_json_join(sub, sizeof sub, path, key);
    return ts_json_text(item, file, sub, out, err);
}

ts_status ts_json_id(const char *id, const char *file, const char *path, ts_error *err)
{
    size_t n = strlen(id);
    bool ok = n >= 1 && n <= 64;
    for (size_t i = 0; i < n && ok; i++)
        ok = ts_id_char(id[i]);
    if (!ok && n > 64) {
        /* Quote the start, cut at a character boundary, and say how long. */
        size_t cut = 37, chars = 0;
        while (cut > 0 && ((unsigned char)id[cut] & 0xC0) == 0x80)
            cut--;
        for (size_t i = 0; i < n; i++)
            chars += ((unsigned char)id[i] & 0xC0) != 0x80;
        return ts_error_set(err, TS_EINPUT, file, path,
                            "expected an id of 1 to 64 characters from [a-z0-9_-], got "
                            "\"%.*s...\" (%zu characters)", (int)cut, id, chars);
    }
    if (!ok)
        return ts_error_set(err, TS_EINPUT, file, path,
                            "expected an id of 1 to 64 characters from [a-z0-9_-], got \"%s\"", id);
    return TS_OK;
}

/* A point and what the file said about it, while the series is sorted. */
typedef struct series_point {
    ts_year_value point;
    ts_figure figure;
    bool described;
} series_point;

static int compare_year(const void *a, const void *b)
{
    const series_point *x = a, *y = b;
    return (x->point.year > y->point.year) - (x->point.year < y->point.year);
}

/* A text key of a figure object, when it is there. */
static ts_status figure_text(const cJSON *obj, const char *key, const char *file,
                             const char *path, ts_text *out, ts_error *err)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!item)
        return TS_OK;
    char sub[TS_ERROR_PATH_MAX];
    ts_json_join(sub, sizeof sub, path, key);
    return ts_json_text(item, file, sub, out, err);
}

ts_status ts_json_figure(const cJSON *item, const char *file, const char *path, double *value,
                         ts_figure *figure, bool *described, ts_error *err)
{
    *described = false;
    if (!cJSON_IsObject(item))
        return ts_json_number(item, file, path, value, err);
    static const char *const keys[] = {"value", "source", "note", "assumption", NULL};
    ts_status st = ts_json_check_object(item, keys, file, path, err);
    if (st != TS_OK)
        return st;
    char sub[TS_ERROR_PATH_MAX];
    ts_json_join(sub, sizeof sub, path, "value");
    const cJSON *number = cJSON_GetObjectItemCaseSensitive(item, "value");
    if (!number)
        return ts_error_set(err, TS_EINPUT, file, sub, "missing (the figure's number)");
    if ((st = ts_json_number(number, file, sub, value, err)) != TS_OK ||
        (st = figure_text(item, "source", file, path, &figure->source, err)) != TS_OK ||
        (st = figure_text(item, "note", file, path, &figure->note, err)) != TS_OK ||
        (st = figure_text(item, "assumption", file, path, &figure->assumption, err)) != TS_OK) {
        ts_figure_free(figure);
        return st;
    }
    *described = true;
    return TS_OK;
}

/* Sorts the points by year and splits them into the series' arrays; the
 * figures array only when some point was described. */
static ts_status finish_series(series_point *tmp, size_t n, bool any_described,
                               const char *file, const char *path, ts_series *out,
                               ts_error *err)
{
    qsort(tmp, n, sizeof *tmp, compare_year);
    if (any_described && !(out->figures = calloc(n, sizeof *out->figures)))
        return ts_error_set(err, TS_ENOMEM, file, path, "out of memory");
    for (size_t i = 0; i < n; i++) {
        out->points[i] = tmp[i].point;
        if (out->figures)
            out->figures[i] = tmp[i].figure;
        else
            ts_figure_free(&tmp[i].figure);
        memset(&tmp[i].figure, 0, sizeof tmp[i].figure);
    }
    out->n = n;
    return TS_OK;
}

ts_status ts_json_series(const cJSON *obj, const char *file, const char *path, int min_year,
                         int max_year, bool figures, ts_series *out, ts_error *err)
{
    *out = (ts_series){0};
    if (!cJSON_IsObject(obj))
        return type_error(obj, file, path, "an object of year: value", err);
    size_t n = (size_t)cJSON_GetArraySize(obj);
    if (n == 0)
        return TS_OK;
    out->points = calloc(n, sizeof *out->points);
    series_point *tmp = calloc(n, sizeof *tmp);
    if (!out->points || !tmp) {
        free(tmp);
        ts_series_free(out);
        return ts_error_set(err, TS_ENOMEM, file, path, "out of memory");
    }
    ts_status st = TS_OK;
    size_t count = 0;
    bool any_described = false;
    for (const cJSON *child = obj->child; child; child = child->next, count++) {
        char sub[TS_ERROR_PATH_MAX];
        ts_json_join(sub, sizeof sub, path, child->string);
        series_point *sp = &tmp[count];
        if ((st = ts_json_year_key(child->string, file, sub, &sp->point.year, err)) != TS_OK)
            goto out;
        if (sp->point.year < min_year || sp->point.year > max_year) {
            st = ts_error_set(err, TS_EINPUT, file, sub, "year %d is outside [%d, %d]",
                              sp->point.year, min_year, max_year);
            goto out;
        }
        st = figures ? ts_json_figure(child, file, sub, &sp->point.value, &sp->figure,
                                      &sp->described, err)
                     : ts_json_number(child, file, sub, &sp->point.value, err);
        if (st != TS_OK)
            goto out;
        any_described |= sp->described;
    }
    st = finish_series(tmp, count, any_described, file, path, out, err);
out:
    for (size_t i = 0; i < n; i++)
        ts_figure_free(&tmp[i].figure);
    free(tmp);
    if (st != TS_OK)
        ts_series_free(out);
    return st;
}
