/* xlsx_indicator.h - one sheet per indicator of report.xlsx: its years with
 * the history, the observations, each scenario's path and the target line,
 * and a native Excel line chart drawn from those cells. Private to
 * sim/xlsx. */
#ifndef TS_XLSX_INDICATOR_H
#define TS_XLSX_INDICATOR_H

#include "xlsx_cells.h"

void xlsx_indicator_sheet(xlsx_book *book, size_t index);

#endif
