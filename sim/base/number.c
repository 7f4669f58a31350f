/* number.c - the exact and short text of a double, shared by report.json
 * and the chart files so both print the same digits. */
#include "number.h"

#include <stdio.h>
#include <stdlib.h>

void ts_format_roundtrip(char *buf, size_t size, double v)
{
    /* 17 significant digits always read back; fewer do for most values a
     * person typed, and read better. */
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, size, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}
