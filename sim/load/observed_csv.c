/* observed_csv.c - observed values typed from a statistical bulletin into a
 * spreadsheet and saved as CSV: indicator, year, value, source. Every row is
 * checked against the plan before any is applied, and an error names the
 * file and its line, which is what the person fixing the sheet looks at.
 * The format is in docs/input-format.md ("Observed values from a CSV file"). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/number.h"
#include "json_in.h"
#include "strings/strings.h"
#include "targetsim/observed.h"

enum { COL_INDICATOR, COL_YEAR, COL_VALUE, COL_SOURCE, N_COLS };
static const char *const COLUMN[N_COLS] = {"indicator", "year", "value", "source"};

/* One good row, waiting until every row of every file is good. */
typedef struct csv_row {
    size_t file; /* index into the files */
    long line;
    size_t order; /* position over all files, for the duplicate check */
    char *id;
    int year;
    double value;
    ts_text source;
} csv_row;

typedef struct csv_rows {
    csv_row *v;
    size_t n, cap;
} csv_rows;

/* What reading one file needs. */
typedef struct csv_reader {
    const ts_plan *plan;
    const char *file;
    size_t file_index;
    int latest_year;
    char sep;
    int column[N_COLS]; /* the field holding each column */
    csv_rows *rows;
    ts_error *err;
} csv_reader;

/* A TS_EINPUT error at FILE:LINE. */
#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static ts_status line_error(ts_error *err, const char *file, long line, const char *fmt, ...)
{
    char message[TS_ERROR_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    ts_error_set(err, TS_EINPUT, file, NULL, "%s", message);
    if (err)
        err->line = line;
    return TS_EINPUT;
}

static void free_rows(csv_rows *rows)
{
    for (size_t k = 0; k < rows->n; k++) {
        free(rows->v[k].id);
        ts_text_free(&rows->v[k].source);
    }
    free(rows->v);
    *rows = (csv_rows){0};
}

static bool is_blank(char c, char sep)
{
    return c == ' ' || (c == '\t' && sep != '\t');
}

/* s without the blanks around it, in place. */
static char *trim(char *s, char sep)
{
    while (is_blank(*s, sep))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_blank(s[n - 1], sep))
        s[--n] = '\0';
    return s;
}

/* Splits `line` in place into fields at `sep`: a field in double quotes
 * may hold the separator and "" for a quote (RFC 4180, within one line);
 * an unquoted field is trimmed. Sets *n to the number of fields (fields[]
 * holds the first `max`). NULL, or the reason the line is not CSV. */
static const char *split_fields(char *line, char sep, char **fields, size_t max, size_t *n)
{
    char *p = line;
    *n = 0;
    for (;;) {
        char *q = p;
        while (is_blank(*q, sep))
            q++;
        char *start, end;
        if (*q == '"') {
            start = p;
            char *w = p;
            for (q++;; q++) {
                if (*q == '\0')
                    return "a quoted field is not closed on its line";
                if (*q == '"' && q[1] != '"')
                    break;
                *w++ = *q;
                q += *q == '"'; /* "" is one quote */
            }
            for (q++; is_blank(*q, sep); q++)
                ;
            if (*q != sep && *q != '\0')
                return "text after a quoted field's closing quote";
            end = *q;
            *w = '\0';
            p = q;
        } else {
            start = p;
            while (*p && *p != sep)
                p++;
            end = *p;
            *p = '\0';
            start = trim(start, sep);
        }
        if (*n < max)
            fields[*n] = start;
        (*n)++;
        if (end == '\0')
            return NULL;
        p++;
    }
}

/* a and b equal but for the case of ASCII letters ("Indicator"). */
static bool same_name(const char *a, const char *b)
{
    for (; *a && tolower((unsigned char)*a) == tolower((unsigned char)*b); a++, b++)
        ;
    return *a == '\0' && *b == '\0';
}

/* The header row: the four column names, in any order, each once. */
static ts_status read_header(csv_reader *rd, char *line, long number)
{
    char shown[80];
    snprintf(shown, sizeof shown, "%s", line);
    rd->sep = strchr(line, '\t') ? '\t' : ',';
    char *fields[N_COLS + 1];
    size_t n;
    const char *why = split_fields(line, rd->sep, fields, N_COLS + 1, &n);
    for (int c = 0; c < N_COLS; c++)
        rd->column[c] = -1;
    for (size_t k = 0; !why && n == N_COLS && k < n; k++)
        for (int c = 0; c < N_COLS; c++)
            if (same_name(fields[k], COLUMN[c]) && rd->column[c] < 0)
                rd->column[c] = (int)k;
    bool good = !why && n == N_COLS;
    for (int c = 0; c < N_COLS; c++)
        good &= rd->column[c] >= 0;
    if (!good)
        return line_error(rd->err, rd->file, number,
                          "expected the header row indicator,year,value,source (comma- or "
                          "tab-separated, any order), got \"%s\"",
                          shown);
    return TS_OK;
}

/* "2023": four digits, nothing else. */
static ts_status parse_year(const csv_reader *rd, const char *text, long number, int *year)
{
    bool digits = strlen(text) == 4;
    for (const char *p = text; digits && *p; p++)
        digits = isdigit((unsigned char)*p) != 0;
    if (!digits)
        return line_error(rd->err, rd->file, number, "year \"%.40s\" is not a year", text);
    *year = atoi(text);
    return TS_OK;
}

/* A decimal number: strtod, but neither "inf", "nan" nor hexadecimal. */
static ts_status parse_value(const csv_reader *rd, const char *text, long number, double *value)
{
    bool plain = *text != '\0';
    for (const char *p = text; plain && *p; p++)
        plain = strchr("0123456789+-.eE", *p) != NULL;
    char *end = NULL;
    errno = 0;
    double v = plain ? strtod(text, &end) : NAN;
    if (!plain || *end != '\0' || !isfinite(v) || errno == ERANGE)
        return line_error(rd->err, rd->file, number, "value \"%.40s\" is not a finite number",
                          text);
    *value = v;
    return TS_OK;
}

/* The first year an indicator can be observed: after its baseline's year
 * (the base year itself when the baseline is older). */
static int first_year(const ts_plan *plan, const ts_indicator *ind)
{
    return ind->baseline_year < plan->base_year ? ind->baseline_year + 1 : plan->base_year + 1;
}

/* The indicator exists, takes observations, and the year is in range. */
static ts_status check_point(const csv_reader *rd, const char *id, int year, long number)
{
    const ts_plan *plan = rd->plan;
    long index = ts_plan_find(plan, id);
    if (index < 0)
        return line_error(rd->err, rd->file, number,
                          "unknown indicator \"%.64s\" (not in the plan's indicators)", id);
    const ts_indicator *ind = &plan->indicators[index];
    if (ind->is_derived)
        return line_error(rd->err, rd->file, number,
                          "indicator \"%s\" is derived from its inputs; give their values instead",
                          id);
    int first = first_year(plan, ind), last = ts_plan_last_target_year(plan);
    if (year < first)
        return line_error(rd->err, rd->file, number,
                          "year %d is not after the baseline year %d of \"%s\"", year, first - 1,
                          id);
    if (year > last)
        return line_error(rd->err, rd->file, number,
                          "year %d is after the plan's last target year %d", year, last);
    if (rd->latest_year > 0 && year > rd->latest_year)
        return line_error(rd->err, rd->file, number,
                          "year %d is not over yet: its figures cannot have been published",
                          year);
    return TS_OK;
}

/* The plan's own value of the indicator in `year`, or NaN. */
static double plan_value(const ts_plan *plan, const char *id, int year)
{
    const ts_series *s = &plan->indicators[ts_plan_find(plan, id)].actual;
    for (size_t k = 0; k < s->n; k++)
        if (s->points[k].year == year)
            return s->points[k].value;
    return NAN;
}

static const char *base_name(const char *file)
{
    const char *slash = strrchr(file, '/');
    return slash ? slash + 1 : file;
}

/* "obs.csv line 3 (Bulletin 2023; replaces the plan's 109)" in one language. */
static char *source_in(const ts_strings *S, const char *file, long number, const char *source,
                       double replaced)
{
    char old[TS_ROUNDTRIP_SIZE] = "";
    if (!isnan(replaced))
        ts_format_roundtrip(old, sizeof old, replaced);
    bool remark = *source || *old;
    const ts_observed_words *W = &S->observed;
    int len = snprintf(NULL, 0, "%s%s%ld%s%s%s%s%s%s%s", base_name(file), W->line.before, number,
                       W->line.after, remark ? W->open : "", source, *source && *old ? W->sep : "",
                       *old ? W->replaces : "", old, remark ? W->close : "");
    char *out = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (out)
        snprintf(out, (size_t)len + 1, "%s%s%ld%s%s%s%s%s%s%s", base_name(file), W->line.before,
                 number, W->line.after, remark ? W->open : "", source,
                 *source && *old ? W->sep : "", *old ? W->replaces : "", old,
                 remark ? W->close : "");
    return out;
}

static ts_status push_row(csv_reader *rd, char **fields, long number)
{
    csv_rows *rows = rd->rows;
    char *id = fields[rd->column[COL_INDICATOR]];
    csv_row row = {.file = rd->file_index, .line = number, .order = rows->n};
    ts_status st;
    if ((st = parse_year(rd, fields[rd->column[COL_YEAR]], number, &row.year)) != TS_OK ||
        (st = check_point(rd, id, row.year, number)) != TS_OK ||
        (st = parse_value(rd, fields[rd->column[COL_VALUE]], number, &row.value)) != TS_OK)
        return st;
    char *source = fields[rd->column[COL_SOURCE]];
    ts_blank_controls(source);
    double old = plan_value(rd->plan, id, row.year);
    if (rows->n == rows->cap) {
        size_t cap = rows->cap ? 2 * rows->cap : 64;
        csv_row *v = realloc(rows->v, cap * sizeof *v);
        if (!v)
            return ts_error_set(rd->err, TS_ENOMEM, rd->file, NULL, "out of memory");
        rows->v = v;
        rows->cap = cap;
    }
    row.id = ts_strdup(id);
    row.source.en = source_in(&ts_strings_en, rd->file, number, trim(source, rd->sep), old);
    row.source.zh = source_in(&ts_strings_zh, rd->file, number, trim(source, rd->sep), old);
    rows->v[rows->n++] = row; /* freed with the rows, whole or not */
    if (!row.id || !row.source.en || !row.source.zh)
        return ts_error_set(rd->err, TS_ENOMEM, rd->file, NULL, "out of memory");
    return TS_OK;
}

/* One data row: four fields, unless the row is empty (",,,"), which a
 * spreadsheet writes for a blank row and which is skipped. */
static ts_status read_row(csv_reader *rd, char *line, long number)
{
    char *fields[N_COLS + 1];
    size_t n;
    const char *why = split_fields(line, rd->sep, fields, N_COLS + 1, &n);
    if (why)
        return line_error(rd->err, rd->file, number, "%s", why);
    bool empty = true;
    for (size_t k = 0; k < n && k < N_COLS + 1; k++)
        empty &= fields[k][0] == '\0';
    if (empty)
        return TS_OK;
    if (n != N_COLS)
        return line_error(rd->err, rd->file, number,
                          "expected 4 fields (indicator, year, value, source), got %zu", n);
    return push_row(rd, fields, number);
}

/* Text that is all blanks and carriage returns. */
static bool blank_line(const char *line)
{
    for (; *line; line++)
        if (*line != ' ' && *line != '\t')
            return false;
    return true;
}

/* Every line of `text`: the header first, then the rows. */
static ts_status read_lines(csv_reader *rd, char *text, size_t len)
{
    bool header = false;
    long number = 0;
    for (char *p = text; p < text + len;) {
        char *nl = memchr(p, '\n', (size_t)(text + len - p));
        char *end = nl ? nl : text + len;
        *end = '\0';
        if (end > p && end[-1] == '\r')
            end[-1] = '\0';
        number++;
        if (!blank_line(p)) {
            ts_status st = header ? read_row(rd, p, number) : read_header(rd, p, number);
            if (st != TS_OK)
                return st;
            header = true;
        }
        p = end + 1;
    }
    if (!header)
        return line_error(rd->err, rd->file, 1,
                          "empty file: expected the header row indicator,year,value,source");
    return TS_OK;
}

/* Where in text[0..len) byte `offset` is: its line number. */
static long line_of(const char *text, size_t offset)
{
    long line = 1;
    for (size_t k = 0; k < offset; k++)
        line += text[k] == '\n';
    return line;
}

static ts_status read_file(csv_reader *rd)
{
    char *text;
    size_t len;
    ts_status st = ts_json_read_file(rd->file, &text, &len, rd->err);
    if (st != TS_OK)
        return st;
    char *body = text;
    if (len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0) {
        body += 3; /* spreadsheets write a byte-order mark; it carries no data */
        len -= 3;
    }
    const char *nul = memchr(body, '\0', len);
    size_t bad = ts_utf8_invalid_at(body, len);
    if (nul)
        st = line_error(rd->err, rd->file, line_of(body, (size_t)(nul - body)),
                        "a NUL byte: not a text file");
    else if (bad < len)
        st = line_error(rd->err, rd->file, line_of(body, bad),
                        "byte 0x%02X is not UTF-8 (save the sheet as \"CSV UTF-8\", not GBK "
                        "or Latin-1)",
                        (unsigned char)body[bad]);
    else
        st = read_lines(rd, body, len);
    free(text);
    return st;
}

static int compare_rows(const void *a, const void *b)
{
    const csv_row *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c == 0)
        c = (x->year > y->year) - (x->year < y->year);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* An (indicator, year) given twice: the later row is the error, and of
 * several such rows the one read first. */
static ts_status check_duplicates(csv_rows *rows, const char *const *files, ts_error *err)
{
    qsort(rows->v, rows->n, sizeof *rows->v, compare_rows);
    const csv_row *worst = NULL, *first = NULL;
    for (size_t k = 1; k < rows->n; k++) {
        const csv_row *a = &rows->v[k - 1], *b = &rows->v[k];
        if (strcmp(a->id, b->id) != 0 || a->year != b->year)
            continue;
        const csv_row *earliest = a;
        while (earliest > rows->v && strcmp(earliest[-1].id, b->id) == 0 &&
               earliest[-1].year == b->year)
            earliest--;
        if (!worst || b->order < worst->order)
            worst = b, first = earliest;
    }
    if (!worst)
        return TS_OK;
    return line_error(err, files[worst->file], worst->line,
                      "\"%s\" in %d is given twice: also at %s:%ld", worst->id, worst->year,
                      files[first->file], first->line);
}

ts_status ts_plan_read_observed(ts_plan *plan, const char *const *files, size_t n_files,
                                int latest_year, ts_error *err)
{
    csv_rows rows = {0};
    ts_status st = TS_OK;
    for (size_t f = 0; f < n_files && st == TS_OK; f++) {
        csv_reader rd = {.plan = plan, .file = files[f], .file_index = f,
                         .latest_year = latest_year, .rows = &rows, .err = err};
        st = read_file(&rd);
    }
    if (st == TS_OK)
        st = check_duplicates(&rows, files, err);
    for (size_t k = 0; k < rows.n && st == TS_OK; k++) {
        const csv_row *r = &rows.v[k];
        st = ts_plan_set_observation(plan, r->id, r->year, r->value, &r->source, NULL, err);
    }
    free_rows(&rows);
    return st;
}
