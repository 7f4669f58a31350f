/* text_table.h - fixed-column text tables that align CJK text (two columns
 * per character) as well as ASCII. Private to the text report. */
#ifndef TS_TEXT_TABLE_H
#define TS_TEXT_TABLE_H

#include <stddef.h>

#include "targetsim/report.h"

enum { TT_MAX_COLS = 16 };

typedef enum tt_align { TT_LEFT, TT_RIGHT } tt_align;

typedef struct tt_table {
    size_t n_cols;
    tt_align align[TT_MAX_COLS];
    size_t max_width[TT_MAX_COLS]; /* 0: no limit; longer cells are cut with "…" */
    size_t n_rows, cap_rows;
    char **cells;                  /* n_rows * n_cols owned strings */
    int failed;
} tt_table;

void tt_init(tt_table *t, size_t n_cols);
/* Appends a row; `cells` has n_cols strings (NULL = empty). Copies them. */
void tt_add_row(tt_table *t, const char *const *cells);
/* Renders with a rule under the first row; every line starts with `indent`. */
void tt_render(const tt_table *t, const char *indent, ts_buffer *out);
void tt_free(tt_table *t);

/* Display columns of a UTF-8 string (East Asian wide characters count 2). */
size_t tt_display_width(const char *s);

#endif
