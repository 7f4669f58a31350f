/* test_format.c - the one rule of the numbers people read
 * (docs/report-format.md, section 4.1): every expected text below is worked
 * out by hand from the rule, not taken from the program. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/number.h"
#include "check.h"
#include "report/format.h"
#include "targetsim/targetsim.h"

static void value_is(double v, const char *want)
{
    char buf[64];
    ts_fmt_value(v, buf, sizeof buf);
    CHECK_STR(buf, want);
}

static void percent_is(double v, const char *want)
{
    char buf[64];
    ts_fmt_percent(v, buf, sizeof buf);
    CHECK_STR(buf, want);
}

static void test_decimals(void)
{
    CHECK_INT(ts_format_decimals(5.5, 4), 1);   /* as the plan writes it */
    CHECK_INT(ts_format_decimals(2.3, 4), 1);
    CHECK_INT(ts_format_decimals(3, 4), 0);
    CHECK_INT(ts_format_decimals(1e-17, 4), 0); /* zero up to rounding noise */
    CHECK_INT(ts_format_decimals(0.6487, 4), 4);
    CHECK_INT(ts_format_decimals(151.103, 2), 2); /* computed: the caller's places */
    CHECK_INT(ts_format_decimals(10.8 + 0.5, 4), 1); /* 11.3 in binary is not exact */
}

static void test_fixed(void)
{
    char buf[32];
    ts_format_fixed(buf, sizeof buf, -0.04, 1);
    CHECK_STR(buf, "0.0"); /* never "-0.0" */
    ts_format_fixed(buf, sizeof buf, -0.05001, 1);
    CHECK_STR(buf, "-0.1");
    ts_format_fixed(buf, sizeof buf, -0.0, 0);
    CHECK_STR(buf, "0");
    ts_format_fixed(buf, sizeof buf, NAN, 2);
    CHECK_STR(buf, "-");
}

static void test_values(void)
{
    value_is(5.5, "5.5");           /* not 5.5000 */
    value_is(2.3, "2.3");
    value_is(3, "3");
    value_is(10.8 + 0.5, "11.3");   /* 11.3000000000000007 */
    value_is(60.6, "60.6");         /* not 60.60 */
    value_is(1e-17, "0");
    value_is(-1e-17, "0");          /* not -0 */
    value_is(-0.00001, "0");        /* rounds to 0.0000: "0" */
    value_is(135.3496, "135.35");   /* computed, >= 10: two places */
    value_is(151.011, "151.01");
    value_is(0.64871, "0.6487");    /* < 10: four places */
    value_is(-5.1, "-5.1");
    value_is(12345.6, "12,346");    /* >= 10,000: none */
    value_is(4153.3, "4,153.3");
    value_is(-2735.34, "-2,735.34");
    value_is(5596360, "5,596,360");
    value_is(NAN, "-");
}

static void test_percent(void)
{
    percent_is(0.0871, "8.7%");
    percent_is(-0.0004, "0.0%");    /* -0.04 % at one place */
    percent_is(-0.0006, "-0.1%");
    percent_is(1.04, "104.0%");
    percent_is(NAN, "-");
    char buf[32];
    ts_fmt_signed(0.00004, 1, "%", buf, sizeof buf);
    CHECK_STR(buf, "0.0%");         /* no "+0.0%" */
    ts_fmt_signed(1.26, 1, "%", buf, sizeof buf);
    CHECK_STR(buf, "+1.3%");
    ts_fmt_signed(-2.84, 1, "%", buf, sizeof buf);
    CHECK_STR(buf, "-2.8%");
    ts_fmt_fixed_unit(-0.3, 0, "%", buf, sizeof buf);
    CHECK_STR(buf, "0%");
}

static void test_short(void)
{
    char buf[32];
    ts_fmt_short(-13.5, buf, sizeof buf);
    CHECK_STR(buf, "-13.5");
    ts_fmt_short(-0.0, buf, sizeof buf);
    CHECK_STR(buf, "0");
    ts_fmt_short(-1e-300, buf, sizeof buf);
    CHECK_STR(buf, "-1e-300"); /* not zero: ten significant digits keep it */
}

static void test_implausible(void)
{
    CHECK(!ts_growth_implausible(0.30));  /* the bound itself is plausible */
    CHECK(ts_growth_implausible(0.3001));
    CHECK(ts_growth_implausible(-0.315));
    CHECK(!ts_growth_implausible(-0.2));
    CHECK(!ts_growth_implausible(NAN));
    ts_assessment a = {.measure = TS_MEASURE_LEVEL, .required_growth = 0.524, .required_rate = NAN};
    CHECK(ts_required_implausible(&a));
    a = (ts_assessment){.measure = TS_MEASURE_RATE, .required_growth = NAN, .required_rate = 31};
    CHECK(ts_required_implausible(&a)); /* a rate indicator's rate is in per cent */
    a.required_rate = 29.9;
    CHECK(!ts_required_implausible(&a));
}

int main(void)
{
    test_decimals();
    test_fixed();
    test_values();
    test_percent();
    test_short();
    test_implausible();
    return check_done();
}
