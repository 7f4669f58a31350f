/* csv.h - RFC 4180 cells for the CSV reports: quoted text when needed,
 * plain %.15g numbers, empty cells for undefined values. Private. */
#ifndef TS_CSV_H
#define TS_CSV_H

#include "targetsim/report.h"

void ts_csv_text(ts_buffer *b, const char *s);    /* NULL: empty */
void ts_csv_number(ts_buffer *b, double v);       /* NaN: empty */
void ts_csv_year(ts_buffer *b, int year);         /* 0: empty */
/* ",", then the cell. */
void ts_csv_next_number(ts_buffer *b, double v);
void ts_csv_next_text(ts_buffer *b, const char *s);
void ts_csv_next_year(ts_buffer *b, int year);
void ts_csv_end_row(ts_buffer *b);                /* CRLF */
ts_status ts_csv_finish(const ts_buffer *b, const char *name, ts_error *err);

#endif
