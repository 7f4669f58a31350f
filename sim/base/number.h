/* number.h - a double as the shortest text that reads back as the same
 * double. Private to the engine. */
#ifndef TS_NUMBER_H
#define TS_NUMBER_H

#include <stddef.h>

/* Room for any finite double in %.17g, sign, exponent and NUL included. */
enum { TS_ROUNDTRIP_SIZE = 32 };

/* Writes the finite `v` into `buf` (at least TS_ROUNDTRIP_SIZE bytes) as the
 * shortest of %.15g, %.16g and %.17g that strtod reads back as `v`:
 * 2735.34, not 2735.3400000000001, and still exact. */
void ts_format_roundtrip(char *buf, size_t size, double v);

/* `v` rounded to `decimals` places ("%.*f"), with the minus sign dropped
 * when the rounded number is zero: -0.04 at one place is "0.0", never
 * "-0.0". NaN and infinities print as "-" (the reports' empty cell). */
void ts_format_fixed(char *buf, size_t size, double v, int decimals);

/* The fewest decimal places, at most `max`, that write `v` exactly (up to
 * 1e-9 of max(1, |v|)): 5.5 -> 1, 2.3 -> 1, 3 -> 0, 1e-17 -> 0, 0.6487 -> 4;
 * `max` when none does (a computed 151.103 at most 2 -> 2). The figures a
 * plan writes keep their own precision this way, computed ones the
 * caller's. */
int ts_format_decimals(double v, int max);

#endif
