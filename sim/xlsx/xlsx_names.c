/* xlsx_names.c - sanitised, unique worksheet names; see xlsx_names.h. */
#include "xlsx_names.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ts_xlsx_names *ts_xlsx_names_new(size_t cap)
{
    ts_xlsx_names *n = calloc(1, sizeof *n + cap * sizeof n->names[0]);
    return n;
}

size_t ts_xlsx_utf8_char(const unsigned char *s, unsigned long *cp)
{
    size_t len = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
                 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0)
        return 0;
    unsigned long c = len == 1 ? s[0] : s[0] & (0x7F >> len);
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[k] & 0x3F);
    }
    static const unsigned long MIN[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < MIN[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* `wanted` with every character Excel refuses replaced, cut to `units`
 * UTF-16 units, into out (TS_XLSX_NAME_BYTES). */
static void clean(const char *wanted, size_t units, char *out)
{
    const unsigned char *s = (const unsigned char *)(wanted ? wanted : "");
    size_t used = 0, len = 0;
    while (*s) {
        unsigned long cp = 0;
        size_t n = ts_xlsx_utf8_char(s, &cp);
        char one[5] = "_";
        size_t w = 1, u = 1;
        if (n == 0) {
            n = 1; /* a stray byte: '_' */
        } else if (cp < 0x20 || cp == 0x7F) {
            one[0] = ' ';
        } else if (n > 1 || !strchr("[]:*?/\\'", (int)cp)) {
            memcpy(one, s, n);
            w = n;
            u = cp >= 0x10000 ? 2 : 1;
        }
        if (used + u > units)
            break;
        memcpy(out + len, one, w);
        len += w;
        used += u;
        s += n;
    }
    out[len] = '\0';
}

/* ASCII case-insensitive equality, as Excel compares sheet names (it folds
 * other letters too; names differing only there are rare enough). */
static bool same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

static bool taken(const ts_xlsx_names *used, const char *name)
{
    if (same_name(name, "history"))
        return true;
    for (size_t k = 0; k < used->n; k++)
        if (same_name(used->names[k], name))
            return true;
    return false;
}

void ts_xlsx_sheet_name(const char *wanted, ts_xlsx_names *used, char out[TS_XLSX_NAME_BYTES])
{
    char base[TS_XLSX_NAME_BYTES];
    clean(wanted, TS_XLSX_NAME_UNITS, base);
    if (!base[0])
        snprintf(base, sizeof base, "Sheet");
    snprintf(out, TS_XLSX_NAME_BYTES, "%s", base);
    for (unsigned k = 2; taken(used, out); k++) {
        char suffix[16];
        int n = snprintf(suffix, sizeof suffix, " (%u)", k);
        clean(wanted && *wanted ? wanted : "Sheet", TS_XLSX_NAME_UNITS - (size_t)n, base);
        /* base holds at most 31 - n units, so both fit. */
        size_t len = strlen(base);
        memcpy(out, base, len);
        memcpy(out + len, suffix, (size_t)n + 1);
    }
    snprintf(used->names[used->n++], TS_XLSX_NAME_BYTES, "%s", out);
}
