/* xlsx.h - report.xlsx: the run as an Excel workbook for analysts. Every
 * number is a number cell with a number format (percentages as 0.0%, years
 * as integers), header rows are frozen, status cells are coloured as in
 * report.html, and each indicator has a sheet with a native line chart
 * whose series are that sheet's cells (docs/report-format.md).
 *
 * The workbook is written with libxlsxwriter, which can only write a file:
 * the renderer builds it in a scratch file, reads it back into `out` and
 * removes the scratch file, so that the caller still writes report.xlsx
 * atomically with ts_output_write_all like every other report. A build
 * without libxlsxwriter (CMake option TARGETSIM_XLSX) keeps these functions;
 * ts_xlsx_available() then says false and the renderer fails.
 */
#ifndef TARGETSIM_XLSX_H
#define TARGETSIM_XLSX_H

#include <stdbool.h>

#include "targetsim/buffer.h"
#include "targetsim/export.h"
#include "targetsim/report.h"
#include "targetsim/run.h"
#include "targetsim/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* True when the library was built with libxlsxwriter. */
TS_API bool ts_xlsx_available(void);

/* Appends report.xlsx for `run` in `lang` (sheet names and labels; texts
 * from the input files in that language first) to `out` (owned by the
 * caller). `scratch_dir` is the folder of the scratch file (it must exist;
 * NULL: $TMPDIR, else /tmp). Fails with TS_EUSAGE (err->path "xlsx") when
 * the library was built without libxlsxwriter, TS_EWRITE (err names the
 * scratch file) when the workbook cannot be written or read back,
 * TS_ENOMEM. `out` is then incomplete and must still be freed. */
TS_API ts_status ts_report_render_xlsx(const ts_run *run, ts_lang lang, const char *scratch_dir,
                                       ts_buffer *out, ts_error *err);

#ifdef __cplusplus
}
#endif
#endif
