/* test_assess.c - target assessment (sim/engine/assess.c). One plan with an
 * indicator per situation (all from baseline 100 in 2020, target year 2025,
 * horizon 2030) and one scenario; the expected numbers are the formulas of
 * assess.h evaluated by hand:
 *   required_growth = (x / v_a)^(1/(T-a)) - 1, scenario_growth = (v_T / v_a)^(1/(T-a)) - 1,
 *   ratio = v_T / x (x / v_T for a ceiling), progress = (v_T - v_b) / (x - v_b), R = scenario / required.
 * The two targets decided by observations have their own target year, 2024,
 * so the evaluation year (the latest observed, methodology 10.1) is 2024
 * and the 2025 targets are still ahead. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testutil.h"

static const char *const PLAN =
    "{'id': 'p', 'base_year': 2020, 'target_year': 2025, 'horizon': 2030, 'indicators': {"
    " 'fast': {'baseline': 100, 'target': {'value': 150}},"
    " 'steady': {'baseline': 100, 'target': {'value': 150}},"
    " 'slow': {'baseline': 100, 'target': {'value': 150}},"
    " 'falling': {'baseline': 100, 'target': {'value': 150}},"
    " 'below_bar': {'baseline': 100, 'target': {'value': 150}},"
    " 'above_bar': {'baseline': 100, 'target': {'value': 150}},"
    " 'early': {'baseline': 100, 'target': {'value': 150}, 'actual': {'2022': 155}},"
    " 'short': {'baseline': 100, 'target_year': 2024, 'target': {'value': 150},"
    "            'actual': {'2024': 140}},"
    " 'done': {'baseline': 100, 'target_year': 2024, 'target': {'value': 150},"
    "           'actual': {'2024': 160}},"
    " 'cut': {'baseline': 100, 'target': {'value': 80, 'direction': 'at_most'}},"
    " 'cut_mid': {'baseline': 100, 'target': {'value': 80, 'direction': 'at_most'}},"
    " 'cut_slow': {'baseline': 100, 'target': {'value': 80, 'direction': 'at_most'}},"
    " 'cut_wrong': {'baseline': 100, 'target': {'value': 80, 'direction': 'at_most'}},"
    " 'flat': {'baseline': 100, 'target': {'value': 100, 'direction': 'above'}},"
    " 'already': {'baseline': 200, 'target': {'value': 150}},"
    " 'input': {'baseline': 100}}}";

static const char *const SCENARIO =
    "{'id': 's', 'assumptions': {"
    " 'fast': {'growth': 0.10}, 'steady': {'growth': 0.07}, 'slow': {'growth': 0.03},"
    " 'falling': {'growth': -0.02}, 'below_bar': {'growth': 0.049},"
    " 'above_bar': {'growth': 0.052}, 'early': {'growth': 0}, 'short': {'growth': 0.05},"
    " 'done': {'growth': 0.05}, 'cut': {'growth': -0.05}, 'cut_mid': {'growth': -0.03},"
    " 'cut_slow': {'growth': -0.02}, 'cut_wrong': {'growth': 0.01}, 'flat': {'growth': 0},"
    " 'already': {'growth': -0.5}, 'input': {'growth': 0.01}}}";

static ts_plan *plan;
static ts_projection *proj;

static ts_assessment assess(const char *id)
{
    ts_assessment a;
    long i = ts_plan_find(plan, id);
    if (!CHECK(i >= 0)) {
        memset(&a, 0, sizeof a);
        return a;
    }
    ts_assess_indicator(plan, proj, (size_t)i, &a);
    return a;
}

/* The forward-looking numbers of a path from v_a = 100 in a = 2020 to v_T
 * in T = 2025 against target x. */
static void check_forward(int line, const ts_assessment *a, double x, double vT)
{
    int fails = check_failures;
    CHECK_INT(a->as_of, 2020);
    CHECK_INT(a->target_year, 2025);
    CHECK(a->value_at_as_of == 100);
    CHECK_NEAR(a->value_at_target_year, vT);
    /* The completion points the target's way: x / v_T for a ceiling. */
    bool ceiling = a->direction == TS_AT_MOST || a->direction == TS_BELOW;
    CHECK_NEAR(a->ratio, ceiling ? x / vT : vT / x);
    CHECK_NEAR(a->required_growth, pow(x / 100, 1.0 / 5) - 1);
    CHECK_NEAR(a->scenario_growth, pow(vT / 100, 1.0 / 5) - 1);
    CHECK_NEAR(a->progress, (vT - 100) / (x - 100));
    CHECK(!a->retrospective);
    CHECK(isnan(a->realised_growth) && isnan(a->needed_growth) && isnan(a->shortfall));
    if (check_failures > fails)
        fprintf(stderr, "  (in check_forward called from line %d)\n", line);
}

static void test_on_track(void)
{
    ts_assessment a = assess("fast");
    check_forward(__LINE__, &a, 150, 100 * pow(1.10, 5));
    CHECK(a.has_target);
    CHECK(a.attained);
    CHECK_INT(a.status, TS_ON_TRACK);
    /* 1.1^4 = 1.4641 < 1.5 <= 1.1^5 = 1.61051 */
    CHECK_INT(a.attainment_year, 2025);
}

static void test_moderate(void)
{
    ts_assessment a = assess("steady");
    check_forward(__LINE__, &a, 150, 100 * pow(1.07, 5));
    CHECK(!a.attained);
    /* R = 0.07 / (1.5^0.2 - 1) = 0.07 / 0.0845 = 0.83 */
    CHECK(a.scenario_growth / a.required_growth >= 0.6);
    CHECK_INT(a.status, TS_MODERATE);
    /* 1.07^5 = 1.4026 < 1.5 <= 1.07^6 = 1.5007: after the target year */
    CHECK_INT(a.attainment_year, 2026);
}

static void test_insufficient(void)
{
    ts_assessment a = assess("slow");
    check_forward(__LINE__, &a, 150, 100 * pow(1.03, 5));
    /* R = 0.03 / 0.0845 = 0.36 */
    CHECK_INT(a.status, TS_INSUFFICIENT);
    /* 1.03^10 = 1.344 < 1.5: not within the horizon */
    CHECK_INT(a.attainment_year, 0);
}

static void test_threshold(void)
{
    /* Either side of R = 0.6, with required = 1.5^0.2 - 1 = 0.08447. */
    ts_assessment a = assess("below_bar"); /* 0.049 / 0.08447 = 0.580 */
    check_forward(__LINE__, &a, 150, 100 * pow(1.049, 5));
    CHECK_INT(a.status, TS_INSUFFICIENT);
    a = assess("above_bar"); /* 0.052 / 0.08447 = 0.616 */
    check_forward(__LINE__, &a, 150, 100 * pow(1.052, 5));
    CHECK_INT(a.status, TS_MODERATE);
}

static void test_moving_away(void)
{
    ts_assessment a = assess("falling");
    check_forward(__LINE__, &a, 150, 100 * pow(0.98, 5));
    CHECK(a.progress < 0);
    CHECK_INT(a.status, TS_MOVING_AWAY);
    CHECK_INT(a.attainment_year, 0);
}

static void test_achieved_early(void)
{
    /* Observed 155 in 2022 already meets 150: achieved, whatever comes. */
    ts_assessment a = assess("early");
    CHECK_INT(a.as_of, 2022);
    CHECK(a.value_at_as_of == 155);
    CHECK_NEAR(a.value_at_target_year, 155); /* growth 0 after 2022 */
    CHECK_INT(a.status, TS_ACHIEVED);
    CHECK(!a.retrospective);
    /* a < T: the rates run from 2022 over 3 years. */
    CHECK_NEAR(a.required_growth, pow(150.0 / 155.0, 1.0 / 3) - 1);
    CHECK(fabs(a.scenario_growth) < 1e-15);
    /* 2021 is interpolated: 100 * 1.55^(1/2) = 124.5 < 150. */
    CHECK_INT(a.attainment_year, 2022);
}

static void test_achieved_at_base(void)
{
    /* The baseline 200 already meets 150; the path then halves every year
     * (200, 100, ...), which does not undo the verdict. */
    ts_assessment a = assess("already");
    CHECK_INT(a.as_of, 2020);
    CHECK_INT(a.status, TS_ACHIEVED);
    CHECK(!a.attained); /* 200 * 0.5^5 = 6.25 in 2025 */
    CHECK_NEAR(a.value_at_target_year, 200 * pow(0.5, 5));
    CHECK_INT(a.attainment_year, 2020);
}

static void test_missed(void)
{
    /* The target year is observed: 140 < 150 in 2024. */
    ts_assessment a = assess("short");
    CHECK_INT(a.as_of, 2024);
    CHECK(a.retrospective);
    CHECK(a.decided);
    CHECK(!a.attained);
    CHECK_INT(a.status, TS_MISSED);
    CHECK(a.value_at_target_year == 140);
    CHECK_NEAR(a.ratio, 140.0 / 150.0);
    CHECK_NEAR(a.progress, (140.0 - 100) / (150.0 - 100));
    CHECK_NEAR(a.realised_growth, pow(1.4, 1.0 / 4) - 1);
    CHECK_NEAR(a.needed_growth, pow(1.5, 1.0 / 4) - 1);
    CHECK_NEAR(a.shortfall, 10.0);
    /* a >= T: no forward rates. */
    CHECK(isnan(a.required_growth));
    CHECK(isnan(a.scenario_growth));
    /* After 2024 the path grows 5 %: 147 in 2025, 154.35 in 2026. */
    CHECK_INT(a.attainment_year, 2026);
}

static void test_achieved_retrospective(void)
{
    ts_assessment a = assess("done");
    CHECK(a.retrospective);
    CHECK(a.attained);
    CHECK_INT(a.status, TS_ACHIEVED);
    CHECK_NEAR(a.realised_growth, pow(1.6, 1.0 / 4) - 1);
    CHECK_NEAR(a.shortfall, -10.0);
    /* 2023 is interpolated: 100 * 1.6^(3/4) = 142.3 < 150. */
    CHECK_INT(a.attainment_year, 2024);
}

static void test_at_most(void)
{
    ts_assessment a = assess("cut");
    check_forward(__LINE__, &a, 80, 100 * pow(0.95, 5));
    CHECK_INT(a.direction, TS_AT_MOST);
    CHECK(a.attained); /* 77.4 <= 80 */
    CHECK_INT(a.status, TS_ON_TRACK);
    CHECK_INT(a.attainment_year, 2025); /* 0.95^4 = 0.8145 > 0.8 >= 0.95^5 */

    /* Both rates negative: R = 0.03 / (1 - 0.8^0.2) = 0.03 / 0.0436 = 0.69. */
    a = assess("cut_mid");
    check_forward(__LINE__, &a, 80, 100 * pow(0.97, 5));
    CHECK_INT(a.status, TS_MODERATE);
    CHECK_INT(a.attainment_year, 2028); /* 0.97^7 = 0.808 > 0.8 >= 0.97^8 = 0.784 */

    a = assess("cut_slow"); /* R = 0.02 / 0.0436 = 0.46 */
    check_forward(__LINE__, &a, 80, 100 * pow(0.98, 5));
    CHECK_INT(a.status, TS_INSUFFICIENT);
    CHECK_INT(a.attainment_year, 0); /* 0.98^10 = 0.817 > 0.8 */

    a = assess("cut_wrong"); /* rising while it should fall */
    check_forward(__LINE__, &a, 80, 100 * pow(1.01, 5));
    CHECK_INT(a.status, TS_MOVING_AWAY);
}

static void test_flat_above(void)
{
    /* Target "above 100" from 100 with no growth: the required rate is 0, so
     * R is undefined; the path does not move away, so insufficient. */
    ts_assessment a = assess("flat");
    CHECK(!a.attained); /* 100 is not > 100 */
    CHECK(a.required_growth == 0);
    CHECK_NEAR(a.ratio, 1.0);
    CHECK(isnan(a.progress)); /* x == v_b */
    CHECK_INT(a.status, TS_INSUFFICIENT);
    CHECK_INT(a.attainment_year, 0);
}

static void test_no_target(void)
{
    ts_assessment a = assess("input");
    CHECK(!a.has_target);
    CHECK_INT(a.status, TS_NO_TARGET);
    CHECK(a.baseline == 100);
    CHECK(a.value_at_as_of == 100);
    CHECK(isnan(a.target) && isnan(a.ratio) && isnan(a.required_growth));
    CHECK(isnan(a.value_at_target_year));
    CHECK_INT(a.attainment_year, 0);
}

static void test_constant_rate(void)
{
    CHECK_NEAR(ts_constant_rate(100, 150, 5), pow(1.5, 0.2) - 1);
    CHECK_NEAR(ts_constant_rate(4153.25, 10000, 5), pow(10000 / 4153.25, 0.2) - 1);
    CHECK_NEAR(ts_constant_rate(100, 81, 2), -0.1);
    CHECK(ts_constant_rate(7, 7, 3) == 0);
    CHECK(isnan(ts_constant_rate(100, 150, 0)));  /* no years */
    CHECK(isnan(ts_constant_rate(100, 150, -1)));
    CHECK(isnan(ts_constant_rate(0, 150, 5)));    /* infinite ratio */
    CHECK(isnan(ts_constant_rate(100, 0, 5)));    /* ratio 0 */
    CHECK(isnan(ts_constant_rate(100, -50, 5)));  /* sign change */
    CHECK(isnan(ts_constant_rate(0, 0, 5)));
    CHECK(isnan(ts_constant_rate(NAN, 150, 5)));
}

static void test_verdict_names(void)
{
    CHECK_STR(ts_verdict_name(TS_NO_TARGET), "no_target");
    CHECK_STR(ts_verdict_name(TS_ACHIEVED), "achieved");
    CHECK_STR(ts_verdict_name(TS_MISSED), "missed");
    CHECK_STR(ts_verdict_name(TS_ON_TRACK), "on_track");
    CHECK_STR(ts_verdict_name(TS_MODERATE), "moderate");
    CHECK_STR(ts_verdict_name(TS_INSUFFICIENT), "insufficient");
    CHECK_STR(ts_verdict_name(TS_MOVING_AWAY), "moving_away");
}

int main(void)
{
    char dir[256], path[512];
    ts_error err;
    ts_scenario *sc = NULL;
    plan = tu_plan(PLAN, &err);
    if (!CHECK(plan != NULL)) {
        fprintf(stderr, "plan: %s: %s\n", err.path, err.message);
        return check_done();
    }
    tu_tempdir(dir, sizeof dir);
    tu_write(dir, "s.json", SCENARIO, path, sizeof path);
    if (CHECK(ts_scenario_load(plan, path, &sc, &err) == TS_OK) &&
        CHECK(ts_projection_create(plan, sc, NULL, &proj, &err) == TS_OK)) {
        test_on_track();
        test_moderate();
        test_insufficient();
        test_threshold();
        test_moving_away();
        test_achieved_early();
        test_achieved_at_base();
        test_missed();
        test_achieved_retrospective();
        test_at_most();
        test_flat_above();
        test_no_target();
    } else {
        fprintf(stderr, "%s: %s: %s\n", err.file, err.path, err.message);
    }
    test_constant_rate();
    test_verdict_names();
    ts_projection_free(proj);
    ts_scenario_free(sc);
    ts_plan_free(plan);
    tu_rmtree(dir);
    return check_done();
}
