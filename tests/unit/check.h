/* check.h - the unit tests' assertions. Each failed check prints file:line
 * and what differed, and is counted; main() ends with `return check_done();`,
 * which prints a summary and returns nonzero when any check failed. */
#ifndef TS_TEST_CHECK_H
#define TS_TEST_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_count, check_failures;

static inline int check_fail(const char *file, int line, const char *what)
{
    check_failures++;
    fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
    return 0;
}

/* True when `a` is within rel * |e| of `e` (exactly equal also passes). */
static inline int check_near(double a, double e, double rel)
{
    return a == e || fabs(a - e) <= rel * fabs(e);
}

/* Usable as a statement or a condition: returns whether `cond` held. */
static inline int check_true(int cond, const char *file, int line, const char *what)
{
    check_count++;
    return cond ? 1 : check_fail(file, line, what);
}

#define CHECK(cond) check_true(!!(cond), __FILE__, __LINE__, #cond)

#define CHECK_NEAR_REL(actual, expected, rel)                                          \
    do {                                                                               \
        double check_a_ = (actual), check_e_ = (expected);                             \
        check_count++;                                                                 \
        if (!check_near(check_a_, check_e_, (rel))) {                                  \
            char check_m_[256];                                                        \
            snprintf(check_m_, sizeof check_m_, "%s = %.17g, expected %s = %.17g",     \
                     #actual, check_a_, #expected, check_e_);                          \
            check_fail(__FILE__, __LINE__, check_m_);                                  \
        }                                                                              \
    } while (0)

/* Relative tolerance 1e-12: the values are the same formula, evaluated in a
 * possibly different order. */
#define CHECK_NEAR(actual, expected) CHECK_NEAR_REL(actual, expected, 1e-12)

#define CHECK_INT(actual, expected)                                                    \
    do {                                                                               \
        long check_a_ = (long)(actual), check_e_ = (long)(expected);                   \
        check_count++;                                                                 \
        if (check_a_ != check_e_) {                                                    \
            char check_m_[256];                                                        \
            snprintf(check_m_, sizeof check_m_, "%s = %ld, expected %ld", #actual,     \
                     check_a_, check_e_);                                              \
            check_fail(__FILE__, __LINE__, check_m_);                                  \
        }                                                                              \
    } while (0)

#define CHECK_STR(actual, expected)                                                    \
    do {                                                                               \
        const char *check_a_ = (actual), *check_e_ = (expected);                       \
        check_count++;                                                                 \
        if (!check_a_ || strcmp(check_a_, check_e_) != 0) {                            \
            char check_m_[1024];                                                       \
            snprintf(check_m_, sizeof check_m_, "%s = \"%.400s\", expected \"%.400s\"", \
                     #actual, check_a_ ? check_a_ : "(null)", check_e_);               \
            check_fail(__FILE__, __LINE__, check_m_);                                  \
        }                                                                              \
    } while (0)

/* `haystack` contains `needle`. */
#define CHECK_HAS(haystack, needle)                                                    \
    do {                                                                               \
        const char *check_a_ = (haystack), *check_e_ = (needle);                       \
        check_count++;                                                                 \
        if (!check_a_ || !strstr(check_a_, check_e_)) {                               \
            char check_m_[1024];                                                       \
            snprintf(check_m_, sizeof check_m_, "%s = \"%.600s\" lacks \"%.300s\"",    \
                     #haystack, check_a_ ? check_a_ : "(null)", check_e_);             \
            check_fail(__FILE__, __LINE__, check_m_);                                  \
        }                                                                              \
    } while (0)

static inline int check_done(void)
{
    fprintf(stderr, "%d checks, %d failed\n", check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
