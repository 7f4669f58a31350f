/* test_xlsx_names.c - worksheet names for report.xlsx (sim/xlsx/xlsx_names.c):
 * Excel's rules, with every expected name worked out by hand below. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "xlsx/xlsx_names.h"

/* UTF-16 units of a UTF-8 string: a 4-byte sequence is two, others one. */
static size_t units(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            n += *p >= 0xF0 ? 2 : 1;
    return n;
}

static void name_is(ts_xlsx_names *used, const char *wanted, const char *expected)
{
    char out[TS_XLSX_NAME_BYTES];
    ts_xlsx_sheet_name(wanted, used, out);
    CHECK_STR(out, expected);
    CHECK(units(out) <= 31);
    CHECK(strpbrk(out, "[]:*?/\\'") == NULL);
}

/* Every forbidden character becomes '_', a control character a space. */
static void test_characters(void)
{
    ts_xlsx_names *used = ts_xlsx_names_new(8);
    name_is(used, "GDP [real]: a*b?/c\\d", "GDP _real__ a_b__c_d");
    name_is(used, "it's", "it_s");
    name_is(used, "a\tb\n", "a b ");
    /* Chinese punctuation is allowed: only the ASCII ones are refused. */
    name_is(used, "情景：趋势（十三五）", "情景：趋势（十三五）");
    free(used);
}

/* Invalid UTF-8, an overlong '/' included, is replaced byte by byte. */
static void test_invalid_utf8(void)
{
    ts_xlsx_names *used = ts_xlsx_names_new(4);
    name_is(used, "\xff\xfe" "ab", "__ab");
    name_is(used, "\xc0\xaf" "x", "__x");
    name_is(used, "\xed\xa0\x80" "s", "___s"); /* a UTF-16 surrogate, U+D800 */
    free(used);
}

/* At most 31 units, cut between characters. */
static void test_length(void)
{
    ts_xlsx_names *used = ts_xlsx_names_new(8);
    name_is(used, "abcdefghijklmnopqrstuvwxyz0123456789ABCD", "abcdefghijklmnopqrstuvwxyz01234");
    /* 40 Chinese characters: the first 31 (93 bytes). */
    char zh[200] = "", want[200] = "";
    for (int k = 0; k < 20; k++)
        strcat(zh, "单位");
    for (int k = 0; k < 15; k++)
        strcat(want, "单位");
    strcat(want, "单");
    name_is(used, zh, want);
    /* 16 emoji are 32 units: 15 fit. */
    char emoji[100] = "", fifteen[100] = "";
    for (int k = 0; k < 16; k++)
        strcat(emoji, "\xf0\x9f\x98\x80");
    for (int k = 0; k < 15; k++)
        strcat(fifteen, "\xf0\x9f\x98\x80");
    name_is(used, emoji, fifteen);
    free(used);
}

/* Unique without regard to ASCII case; "History" is Excel's; an empty
 * name is "Sheet". */
static void test_unique(void)
{
    ts_xlsx_names *used = ts_xlsx_names_new(16);
    name_is(used, "Verdict", "Verdict");
    name_is(used, "verdict", "verdict (2)");
    name_is(used, "VERDICT", "VERDICT (3)");
    name_is(used, "History", "History (2)");
    name_is(used, NULL, "Sheet");
    name_is(used, "", "Sheet (2)");
    /* A long name cut to 27 units leaves room for " (2)": 31 in all. */
    name_is(used, "abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz01234");
    name_is(used, "abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0 (2)");
    /* Two names that differ only after the cut. */
    name_is(used, "abcdefghijklmnopqrstuvwxyz01234-other", "abcdefghijklmnopqrstuvwxyz0 (3)");
    CHECK_INT(used->n, 9);
    free(used);
}

int main(void)
{
    test_characters();
    test_invalid_utf8();
    test_length();
    test_unique();
    return check_done();
}
