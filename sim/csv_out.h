/* csv_out.h - RFC 4180 cells for the CSV reports: quoted text when needed,
 * plain numbers (%.15g), empty cells for undefined values. Private. */
#ifndef TS_CSV_OUT_H
#define TS_CSV_OUT_H

#include "targetsim/report.h"

/* Text, quoted when it holds a comma, a quote, CR or LF; nothing for NULL. */
void ts_csv_text(ts_buffer *b, const char *s);
/* %.15g, nothing when not finite. */
void ts_csv_number(ts_buffer *b, double v);
/* The year, nothing for 0. */
void ts_csv_year(ts_buffer *b, int year);

#endif
