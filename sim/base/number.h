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

#endif
