/* json_in.h - reading JSON input with errors that point at the place.
 * Private to the engine. Every function fills err with the file, the JSON
 * path and the offending value, in the one shape the CLI prints. */
#ifndef TS_JSON_IN_H
#define TS_JSON_IN_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "targetsim/plan.h"
#include "targetsim/status.h"

/* Reads a whole file (at most TS_MAX_FILE_BYTES). *text is NUL-terminated
 * and owned by the caller. */
ts_status ts_json_read_file(const char *file, char **text, size_t *len, ts_error *err);

/* Parses text (a leading UTF-8 BOM is skipped), reports "line L, column C"
 * on a syntax error or a byte that is not UTF-8, and refuses duplicate keys.
 * *root is owned by the caller. */
ts_status ts_json_parse(const char *text, size_t len, const char *file, cJSON **root,
                        ts_error *err);

/* "parent.key" (or "key" when parent is empty) into buf. */
void ts_json_join(char *buf, size_t size, const char *parent, const char *key);

/* A short rendering of a value for messages: "fast" (quoted), 1.5, true,
 * null, an object, a list. */
void ts_json_describe(const cJSON *item, char *buf, size_t size);

/* Fails unless obj is an object whose keys are all in `allowed` (NULL-ended). */
ts_status ts_json_check_object(const cJSON *obj, const char *const *allowed, const char *file,
                               const char *path, ts_error *err);

ts_status ts_json_number(const cJSON *item, const char *file, const char *path, double *out,
                         ts_error *err);
ts_status ts_json_year_value(const cJSON *item, const char *file, const char *path, int *out,
                             ts_error *err);
/* A year given as an object key ("2021"). */
ts_status ts_json_year_key(const char *key, const char *file, const char *path, int *out,
                           ts_error *err);
/* Non-empty string, copied into *out (caller frees). */
ts_status ts_json_string(const cJSON *item, const char *file, const char *path, char **out,
                         ts_error *err);
/* Free text (a name, a note, a source): a non-empty string, copied into
 * *out with every control character (C0, DEL, C1; newline and tab too)
 * made a space. Text from a file ends up in reports people cat and in
 * tables; an escape sequence or a line break there would act on the
 * terminal or break the layout. */
ts_status ts_json_free_text(const cJSON *item, const char *file, const char *path, char **out,
                            ts_error *err);
/* A string, or {"zh": ..., "en": ...} with at least one of the two, each
 * read as free text. */
ts_status ts_json_text(const cJSON *item, const char *file, const char *path, ts_text *out,
                       ts_error *err);
/* obj[key] as a text (ts_json_text) when the key is there; *out is left
 * alone otherwise. */
ts_status ts_json_optional_text(const cJSON *obj, const char *key, const char *file,
                                const char *path, ts_text *out, ts_error *err);
/* An id: 1..64 characters of [a-z0-9_-], because ids become file names. */
ts_status ts_json_id(const char *id, const char *file, const char *path, ts_error *err);

/* {"year": number, ...} into a year-sorted series. Years must lie in
 * [min_year, max_year]. With `figures`, a value may also be a figure
 * object (ts_json_figure). */
ts_status ts_json_series(const cJSON *obj, const char *file, const char *path, int min_year,
                         int max_year, bool figures, ts_series *out, ts_error *err);

/* A figure of a plan: a number, or {"value": number, "source": text,
 * "note": text, "assumption": text}. *described says whether it was the
 * object; *figure is filled (caller frees with ts_figure_free) only then. */
ts_status ts_json_figure(const cJSON *item, const char *file, const char *path, double *value,
                         ts_figure *figure, bool *described, ts_error *err);

/* Offset of the first byte of text[0..len) that is not UTF-8 (RFC 3629),
 * or len. */
size_t ts_utf8_invalid_at(const char *text, size_t len);
/* Makes every control character of s (C0, DEL, C1) a space, in place. */
void ts_blank_controls(char *s);

char *ts_strdup(const char *s);
void ts_text_free(ts_text *text);
void ts_series_free(ts_series *series);
void ts_figure_free(ts_figure *figure);

#endif
