/* number.c - the exact and short text of a double, shared by report.json
 * and the chart files so both print the same digits. */
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void ts_format_fixed(char *buf, size_t size, double v, int decimals)
{
    if (!isfinite(v)) {
        snprintf(buf, size, "-");
        return;
    }
    snprintf(buf, size, "%.*f", decimals, v);
    /* "-0.0": every digit zero after rounding; print the zero unsigned. */
    if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
        memmove(buf, buf + 1, strlen(buf));
}

int ts_format_decimals(double v, int max)
{
    if (!isfinite(v))
        return 0;
    double slack = 1e-9 * fmax(1.0, fabs(v)), scale = 1;
    for (int d = 0; d < max; d++, scale *= 10)
        if (fabs(v - round(v * scale) / scale) <= slack)
            return d;
    return max;
}
