/* test_models.c - the driver models (models/): one year's step of each,
 * the registry, and the derived-indicator formula. */
#include <math.h>

#include "check.h"
#include "targetsim/model.h"

/* One year without a shock, from the model's affine coefficients: a v + c. */
static double step(const ts_model_type *m, double previous, const ts_model_input *in)
{
    ts_model_affine c;
    m->affine(in, &c);
    return c.a * previous + c.c;
}

static void test_growth_step(void)
{
    const ts_model_type *m = &ts_model_growth;
    ts_model_input plain = {0.08, 0.0, 0.0};
    CHECK_NEAR(step(m, 4153.25, &plain), 4153.25 * 1.08);

    /* Nominal rate n = (1 + g + s)(1 + d) - 1, applied as prev * (1 + n). */
    double g = 0.08, s = -0.03, d = 0.02;
    ts_model_input all = {g, s, d};
    double nominal = (1 + g + s) * (1 + d) - 1; /* 1.05 * 1.02 - 1 = 0.071 */
    CHECK_NEAR(nominal, 0.071);
    CHECK_NEAR(step(m, 100.0, &all), 100.0 * (1 + nominal));
    CHECK_NEAR(step(m, 100.0, &all), 107.1);

    /* A deflator alone turns a zero real rate into the price change. */
    ts_model_input prices = {0.0, 0.0, 0.02};
    CHECK_NEAR(step(m, 50.0, &prices), 51.0);

    CHECK(m->takes_rates);
    CHECK(m->needs_positive_start);
    CHECK(m->driver_min == -1.0);
}

static void test_add_step(void)
{
    const ts_model_type *m = &ts_model_add;
    ts_model_input in = {240.0, 0.0, 0.0};
    CHECK_NEAR(step(m, 622.0, &in), 862.0);
    ts_model_input down = {-42.5, 0.0, 0.0};
    CHECK_NEAR(step(m, 10.0, &down), -32.5); /* counts may be driven below zero */
    CHECK(!m->takes_rates);
    CHECK(!m->needs_positive_start);
    CHECK(isinf(m->driver_min) && m->driver_min < 0);
}

static void test_level_step(void)
{
    const ts_model_type *m = &ts_model_level;
    ts_model_input in = {6.9, 0.0, 0.0};
    CHECK(step(m, 6.8976, &in) == 6.9);
    CHECK(step(m, -123.0, &in) == 6.9); /* the previous value does not matter */
    CHECK(!m->takes_rates);
}

static void test_lookup(void)
{
    CHECK(ts_model_lookup("growth") == &ts_model_growth);
    CHECK(ts_model_lookup("add") == &ts_model_add);
    CHECK(ts_model_lookup("level") == &ts_model_level);
    CHECK(ts_model_lookup("nope") == NULL);
    CHECK(ts_model_lookup("Growth") == NULL); /* names are case-sensitive */
    CHECK(ts_model_lookup("") == NULL);
}

static void test_all_models(void)
{
    size_t n = 0;
    const ts_model_type *const *all = ts_model_all(&n);
    CHECK_INT(n, 3);
    int seen_growth = 0, seen_add = 0, seen_level = 0;
    for (size_t i = 0; i < n; i++) {
        seen_growth += all[i] == &ts_model_growth;
        seen_add += all[i] == &ts_model_add;
        seen_level += all[i] == &ts_model_level;
        CHECK(ts_model_lookup(all[i]->name) == all[i]);
    }
    CHECK(seen_growth == 1 && seen_add == 1 && seen_level == 1);
}

static void test_derived_value(void)
{
    /* GDP per capita in dollars, 2020: 4153.25 (1e8 yuan) / 5,304,061 persons
     * / 6.8976 yuan per dollar. */
    double in[3] = {4153.25, 5304061.0, 6.8976};
    double pw[3] = {1, -1, -1};
    double expected = 1e8 * 4153.25 / 5304061.0 / 6.8976;
    double v = ts_model_derived_value(1e8, 3, in, pw);
    CHECK_NEAR(v, expected);
    CHECK(fabs(v - 11352.24) < 0.01); /* the plan's note: 11,352 dollars */

    /* Fractional and negative powers of positive inputs are fine. */
    double sq[2] = {16.0, 4.0}, sqp[2] = {0.5, -2};
    CHECK_NEAR(ts_model_derived_value(3.0, 2, sq, sqp), 3.0 * 4.0 / 16.0);

    /* No factors: the scale itself. */
    CHECK(ts_model_derived_value(2.5, 0, NULL, NULL) == 2.5);
}

static void test_derived_undefined(void)
{
    double neg[1] = {-4.0}, half[1] = {0.5};
    CHECK(isnan(ts_model_derived_value(1.0, 1, neg, half)));
    /* Zero under a negative power would be infinite: NaN. */
    double zero[1] = {0.0}, minus[1] = {-1.0};
    CHECK(isnan(ts_model_derived_value(1.0, 1, zero, minus)));
    /* A negative input under an integer power is defined. */
    double cube[1] = {3.0};
    double neg2[1] = {-2.0};
    CHECK_NEAR(ts_model_derived_value(1.0, 1, neg2, cube), -8.0);
    /* Overflow of the product is not a finite value either. */
    double big[2] = {1e200, 1e200}, ones[2] = {1, 1};
    CHECK(isnan(ts_model_derived_value(1.0, 2, big, ones)));
}

/* model.h: "0 under a positive power is 0" (the square root of 0 is 0). */
static void test_derived_zero_positive_power(void)
{
    double zero[1] = {0.0}, half[1] = {0.5};
    CHECK(ts_model_derived_value(1.0, 1, zero, half) == 0.0);
    double two[1] = {2.0};
    CHECK(ts_model_derived_value(5.0, 1, zero, two) == 0.0);
}

/* The affine form with a Monte Carlo shock e on the driver: the same step
 * as the driver moved by e. */
static void test_affine_shock(void)
{
    double g = 0.066, s = -0.01, d = 0.0198, e = -0.031, prev = 5382.45;
    ts_model_input in = {g, s, d};
    ts_model_affine c;
    ts_model_growth.affine(&in, &c);
    CHECK_NEAR((c.a + c.b * e) * prev + (c.c + c.d * e), prev * (1 + g + s + e) * (1 + d));
    ts_model_input add = {42.8, 0, 0};
    ts_model_add.affine(&add, &c);
    CHECK_NEAR((c.a + c.b * e) * 847 + (c.c + c.d * e), 847 + 42.8 + e);
    ts_model_input lvl = {7.1217, 0, 0};
    ts_model_level.affine(&lvl, &c);
    CHECK((c.a + c.b * e) * 1e300 + (c.c + c.d * e) == 7.1217 + e);
}

int main(void)
{
    test_growth_step();
    test_add_step();
    test_level_step();
    test_affine_shock();
    test_lookup();
    test_all_models();
    test_derived_value();
    test_derived_undefined();
    test_derived_zero_positive_power();
    return check_done();
}
