/* test_sweep_spec.c - the CLI's --sweep syntax, IND.MODEL=LO:HI:STEP
 * (sim/cli/sweep_spec.c, compiled into this test: the CLI is no library).
 * The grid sizes are counted by hand. What the engine then checks of an
 * axis is in test_sensitivity.c. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "cli/sweep_spec.h"

static void test_parse(void)
{
    ts_sweep_axis a;
    ts_error err;
    CHECK(ts_cli_sweep_parse("gdp.growth=0.04:0.12:0.01", &a, &err) == TS_OK);
    CHECK_STR(a.label, "gdp.growth=0.04:0.12:0.01");
    CHECK_STR(a.indicator, "gdp");
    CHECK(a.model == &ts_model_growth);
    CHECK(a.lo == 0.04 && a.hi == 0.12 && a.step == 0.01);
    CHECK_INT(a.n, 9); /* 0.04, 0.05, ..., 0.12: the tolerance keeps 0.12 */
    CHECK(ts_cli_sweep_parse("firms.add=0:240:40", &a, &err) == TS_OK && a.n == 7);
    CHECK(a.model == &ts_model_add);
    CHECK(ts_cli_sweep_parse("x.level=7:7:1", &a, &err) == TS_OK && a.n == 1);
    CHECK(a.model == &ts_model_level);
    CHECK(ts_cli_sweep_parse("usd_cny.growth=-0.02:0.02:0.02", &a, &err) == TS_OK && a.n == 3);
    /* Which ids exist is the plan's business: the parser takes any of 1 to
     * 64 bytes (the run then says "the plan has no indicator"). */
    CHECK(ts_cli_sweep_parse("Gdp.growth=0:1:0.1", &a, &err) == TS_OK);
    CHECK_STR(a.indicator, "Gdp");
    CHECK_INT(a.n, 11);
    char spec[128];
    snprintf(spec, sizeof spec, "%.64s.growth=0:1:0.5",
             "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii");
    CHECK(ts_cli_sweep_parse(spec, &a, &err) == TS_OK && strlen(a.indicator) == 64);
    snprintf(spec, sizeof spec, "%.65s.growth=0:1:0.5",
             "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii");
    CHECK_INT(ts_cli_sweep_parse(spec, &a, &err), TS_EUSAGE);
}

static void test_refused(void)
{
    ts_sweep_axis a;
    ts_error err;
    static const char *const BAD[] = {
        "gdp",  "gdp.growth", "gdp.growth=1:2", "gdp=0:1:0.1", "gdp.speed=0:1:0.1",
        "gdp.growth=a:1:0.1", "gdp.growth=0:1:0",
        "gdp.growth=0:1:-1", "gdp.growth=1:0:0.1", "gdp.growth=-1:0:0.1",
        "gdp.growth=0:1:0.0001", "gdp.growth=0:1:0.1:2", ".growth=0:1:0.1",
        "gdp.growth=0:inf:0.1", "gdp.growth=nan:1:0.1"};
    for (size_t k = 0; k < sizeof BAD / sizeof BAD[0]; k++) {
        if (!CHECK(ts_cli_sweep_parse(BAD[k], &a, &err) == TS_EUSAGE))
            fprintf(stderr, "  accepted: %s\n", BAD[k]);
        CHECK_HAS(err.message, BAD[k]);
    }
    /* The messages of tests/cli/cases 167 and 168, and the grid limit. */
    ts_cli_sweep_parse("gdp.growth=0.1:0.05:0.01", &a, &err);
    CHECK_STR(err.message, "--sweep \"gdp.growth=0.1:0.05:0.01\": HI must not be below LO");
    ts_cli_sweep_parse("gdp=0.01:0.05:0.01", &a, &err);
    CHECK_STR(err.message, "--sweep \"gdp=0.01:0.05:0.01\": expected IND.growth=LO:HI:STEP "
                           "(or IND.add=..., IND.level=...)");
    ts_cli_sweep_parse("gdp.growth=0:1:0.0001", &a, &err);
    CHECK_STR(err.message, "--sweep \"gdp.growth=0:1:0.0001\": 10001 points, more than 1001");
    ts_cli_sweep_parse("gdp.growth=-1:0:0.1", &a, &err);
    CHECK_STR(err.message, "--sweep \"gdp.growth=-1:0:0.1\": a growth rate must be above -1");
}

int main(void)
{
    test_parse();
    test_refused();
    return check_done();
}
