/* xlsx_cells.c - formats and cell writers of report.xlsx; see xlsx_cells.h. */
#include "xlsx_cells.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/status_palette.h"

/* The fill of a status cell, 0xRRGGBB: the status palette's colour, as
 * report.html and the charts draw it. */
static lxw_color_t xlsx_status_rgb(ts_verdict v)
{
    return (lxw_color_t)strtoul(ts_status_colour(v) + 1, NULL, 16);
}

void xlsx_formats_init(xlsx_book *book)
{
    lxw_workbook *wb = book->wb;
    book->head = workbook_add_format(wb);
    format_set_bold(book->head);
    format_set_text_wrap(book->head);
    format_set_align(book->head, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(book->head, 0xE6E9ED);
    format_set_bottom(book->head, LXW_BORDER_THIN);
    /* Body text is not wrapped: a row keeps one line in every program
     * (rows are not grown to fit wrapped text everywhere), and a long name
     * runs on into an empty neighbour. */
    book->text = workbook_add_format(wb);
    format_set_align(book->text, LXW_ALIGN_VERTICAL_TOP);
    book->number = workbook_add_format(wb);
    format_set_num_format(book->number, "#,##0.00");
    book->share = workbook_add_format(wb);
    format_set_num_format(book->share, "0.0%");
    book->year = workbook_add_format(wb);
    format_set_num_format(book->year, "0");
    book->ratio = workbook_add_format(wb);
    format_set_num_format(book->ratio, "0.00");
    for (int v = 0; v < TS_N_VERDICTS; v++) {
        lxw_color_t fill = xlsx_status_rgb((ts_verdict)v);
        lxw_format *f = workbook_add_format(wb);
        format_set_bg_color(f, fill);
        format_set_font_color(f, (lxw_color_t)strtoul(ts_status_ink((ts_verdict)v) + 1, NULL, 16));
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        book->status[v] = f;
    }
}

static void note_error(xlsx_book *book, lxw_error e)
{
    if (e != LXW_NO_ERROR && book->failed == LXW_NO_ERROR)
        book->failed = e;
}

/* Excel's longest text in a cell, in characters. */
enum { TEXT_MAX = 32767 };

/* Whether row r fits in a sheet; a longer table is cut at Excel's last row
 * (report.json and the CSVs keep every row), so that a huge run still gets
 * its workbook instead of failing. */
static bool row_fits(lxw_row_t r)
{
    return r < LXW_ROW_MAX;
}

/* `s` as a cell can hold it: valid UTF-8 (an invalid byte, as a text cut
 * mid-character elsewhere would leave, becomes U+FFFD, since one bad byte
 * makes Excel refuse the whole file) of at most TEXT_MAX characters (a
 * longer one, a plan's note say, is cut and ends in an ellipsis). NULL
 * when `s` is fine as it is, or when out of memory (*failed set). */
static char *cell_text(const char *s, bool *failed)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t total = 0, k = 0;
    bool valid = true;
    unsigned long cp;
    while (u[k]) {
        size_t n = ts_xlsx_utf8_char(u + k, &cp);
        valid &= n > 0;
        k += n ? n : 1;
        total++;
    }
    if (valid && total <= TEXT_MAX)
        return NULL;
    /* Each byte at most 3 in the copy (an invalid one becomes U+FFFD). */
    char *out = malloc(3 * k + 4);
    if (!out) {
        *failed = true;
        return NULL;
    }
    size_t len = 0;
    k = 0;
    for (size_t chars = 0; u[k]; chars++) {
        size_t n = ts_xlsx_utf8_char(u + k, &cp);
        if (total > TEXT_MAX && chars == TEXT_MAX - 1) {
            memcpy(out + len, "\xe2\x80\xa6", 3); /* the ellipsis, U+2026 */
            len += 3;
            break;
        }
        if (n)
            memcpy(out + len, u + k, n);
        else
            memcpy(out + len, "\xef\xbf\xbd", 3); /* U+FFFD */
        len += n ? n : 3;
        k += n ? n : 1;
    }
    out[len] = '\0';
    return out;
}

void xlsx_text_as(xlsx_book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
                  lxw_format *format)
{
    if (!s || !*s || !row_fits(r))
        return;
    bool failed = false;
    char *clean = cell_text(s, &failed);
    if (failed)
        note_error(book, LXW_ERROR_MEMORY_MALLOC_FAILED);
    else
        note_error(book, worksheet_write_string(ws, r, c, clean ? clean : s, format));
    free(clean);
}

lxw_worksheet *xlsx_sheet(xlsx_book *book, const char *wanted)
{
    char name[TS_XLSX_NAME_BYTES];
    ts_xlsx_sheet_name(wanted, book->names, name);
    lxw_worksheet *ws = workbook_add_worksheet(book->wb, name);
    if (!ws) {
        note_error(book, LXW_ERROR_SHEETNAME_ALREADY_USED);
        return NULL;
    }
    /* Printed: A4 landscape, as wide as one page, the header on each. */
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    return ws;
}

void xlsx_header(xlsx_book *book, lxw_worksheet *ws, const char *const *heads,
                 const double *widths, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        xlsx_text_as(book, ws, 0, (lxw_col_t)c, heads[c], book->head);
        if (widths)
            worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    }
    /* Room for a head wrapped on three lines: not every program grows a
     * row to fit its wrapped text. */
    worksheet_set_row(ws, 0, 45, NULL);
    worksheet_freeze_panes(ws, 1, 0);
}

void xlsx_text(xlsx_book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s)
{
    xlsx_text_as(book, ws, r, c, s, book->text);
}

void xlsx_number(xlsx_book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
                 lxw_format *format)
{
    if (isfinite(v) && row_fits(r))
        note_error(book, worksheet_write_number(ws, r, c, v, format));
}

void xlsx_year(xlsx_book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, int year)
{
    if (year && row_fits(r))
        note_error(book, worksheet_write_number(ws, r, c, year, book->year));
}

void xlsx_status(xlsx_book *book, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, ts_verdict v)
{
    if ((unsigned)v < TS_N_VERDICTS)
        xlsx_text_as(book, ws, r, c, book->S->status[v], book->status[v]);
}
