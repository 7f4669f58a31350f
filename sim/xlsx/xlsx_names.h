/* xlsx_names.h - worksheet names Excel accepts: at most 31 characters (UTF-16
 * units, as Excel counts them), none of []:*?/\ and no apostrophe (Excel
 * refuses one at either end, and a range formula would have to double it),
 * no control character, not empty, not "History" (Excel reserves it), and
 * unique in the workbook without regard to ASCII case. Private to sim/xlsx;
 * built without libxlsxwriter too, so its unit test always runs. */
#ifndef TS_XLSX_NAMES_H
#define TS_XLSX_NAMES_H

#include <stddef.h>

enum {
    TS_XLSX_NAME_UNITS = 31,  /* Excel's limit, in UTF-16 units */
    TS_XLSX_NAME_BYTES = 128  /* 31 characters of UTF-8 and the NUL fit */
};

/* The length of the UTF-8 sequence at `s` (1-4) and its code point, or 0
 * for a byte that does not start a valid sequence (overlong forms and
 * surrogates included). `s` is NUL-terminated. */
size_t ts_xlsx_utf8_char(const unsigned char *s, unsigned long *cp);

/* The names given to the workbook's sheets so far (owned by the caller). */
typedef struct ts_xlsx_names {
    size_t n;
    char names[][TS_XLSX_NAME_BYTES];
} ts_xlsx_names;

/* A list with room for `cap` names, or NULL when out of memory; free() it. */
ts_xlsx_names *ts_xlsx_names_new(size_t cap);

/* Writes into `out` a sheet name made from `wanted` (UTF-8, may be NULL):
 * each forbidden character and each byte of invalid UTF-8 becomes '_', a
 * control character a space, the text is cut to 31 units on a character
 * boundary, and a name already in `used` (or "History") gets " (2)", " (3)",
 * ... within the 31. The name is then added to `used`, which must have room
 * (the caller sized it for every sheet). */
void ts_xlsx_sheet_name(const char *wanted, ts_xlsx_names *used, char out[TS_XLSX_NAME_BYTES]);

#endif
