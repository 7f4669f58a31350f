/* xlsx_sheets.h - the long-table sheets of report.xlsx: each scenario's
 * paths by year, the Monte Carlo percentiles, the sensitivity (tornado and
 * sweep) and the sources. Private to sim/xlsx. */
#ifndef TS_XLSX_SHEETS_H
#define TS_XLSX_SHEETS_H

#include "xlsx_cells.h"

void xlsx_paths_sheet(xlsx_book *book, size_t scenario);
void xlsx_fan_sheet(xlsx_book *book);
void xlsx_tornado_sheet(xlsx_book *book);
void xlsx_sweep_sheet(xlsx_book *book); /* only when the run has a sweep */
void xlsx_sources_sheet(xlsx_book *book);

#endif
