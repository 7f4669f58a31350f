/* xlsx_tables.h - the two summary sheets of report.xlsx: the plan table
 * (every target as the plan prints it beside its observed record) and the
 * verdict (every target under every scenario). Private to sim/xlsx. */
#ifndef TS_XLSX_TABLES_H
#define TS_XLSX_TABLES_H

#include "xlsx_cells.h"

void xlsx_plan_sheet(xlsx_book *book);
void xlsx_verdict_sheet(xlsx_book *book);

#endif
