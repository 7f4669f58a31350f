/* xlsx_cells.h - what every sheet of report.xlsx shares: the workbook being
 * written, its formats, and cell writers that keep numbers numbers (NaN is
 * an empty cell, never text). Private to sim/xlsx. */
#ifndef TS_XLSX_CELLS_H
#define TS_XLSX_CELLS_H

#include <stdbool.h>
#include <stddef.h>
#include <xlsxwriter.h>

#include "strings/strings.h"
#include "targetsim/targetsim.h"
#include "xlsx_names.h"

typedef struct xlsx_book {
    lxw_workbook *wb;
    const ts_run *run;
    ts_lang lang;
    const ts_strings *S;
    const ts_xlsx_words *W;
    ts_xlsx_names *names;   /* every sheet's name so far */
    lxw_format *head;       /* header row: bold, shaded, wrapped */
    lxw_format *text;       /* text, top-aligned */
    lxw_format *number;     /* #,##0.00 */
    lxw_format *share;      /* 0.0% (shares and growth rates as fractions) */
    lxw_format *year;       /* 0 (years, counts) */
    lxw_format *ratio;      /* 0.00 (pace) */
    lxw_format *status[TS_N_VERDICTS]; /* coloured as report.html */
    lxw_error failed;       /* the first cell that could not be written */
} xlsx_book;

/* The formats of `book` (its wb must be open). */
void xlsx_formats_init(xlsx_book *book);

/* A new worksheet named after `wanted` (sanitised and made unique,
 * xlsx_names.h); NULL when libxlsxwriter refuses it (book->failed set). */
lxw_worksheet *xlsx_sheet(xlsx_book *book, const char *wanted);

/* The header row 0 from `heads` (n), frozen, with the column widths
 * `widths` (n, in characters; may be NULL). */
void xlsx_header(xlsx_book *book, lxw_worksheet *ws, const char *const *heads,
                 const double *widths, size_t n);

/* Cell writers; a NULL or empty text, a NaN number, a year 0 leave the
 * cell empty. A row past Excel's last (1,048,576) is not written: a longer
 * table is cut there. A text longer than a cell holds (32,767 characters)
 * is cut and ends in "…". */
void xlsx_text_as(xlsx_book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
                  lxw_format *format);
void xlsx_text(xlsx_book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s);
void xlsx_number(xlsx_book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
                 lxw_format *format);
void xlsx_year(xlsx_book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, int year);
void xlsx_status(xlsx_book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, ts_verdict v);

#endif
