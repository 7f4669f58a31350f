/* xlsx_none.c - the report.xlsx API of a build without libxlsxwriter
 * (TARGETSIM_XLSX off or the library missing): same symbols, no workbook. */
#include "targetsim/xlsx.h"

bool ts_xlsx_available(void)
{
    return false;
}

ts_status ts_report_render_xlsx(const ts_run *run, ts_lang lang, const char *scratch_dir,
                                ts_buffer *out, ts_error *err)
{
    (void)run;
    (void)lang;
    (void)scratch_dir;
    (void)out;
    return ts_error_set(err, TS_EUSAGE, NULL, "xlsx",
                        "report.xlsx is not available: built without libxlsxwriter");
}
