/* test_status.c - status names and the error record (sim/base/status.c). */
#include <string.h>

#include "check.h"
#include "targetsim/status.h"

static void test_status_names(void)
{
    CHECK_STR(ts_strstatus(TS_OK), "success");
    CHECK_STR(ts_strstatus(TS_EINTERNAL), "internal error");
    CHECK_STR(ts_strstatus(TS_EUSAGE), "usage error");
    CHECK_STR(ts_strstatus(TS_EINPUT), "bad input");
    CHECK_STR(ts_strstatus(TS_EWRITE), "cannot write output");
    CHECK_STR(ts_strstatus(TS_ENOMEM), "out of memory");
    /* Never NULL, even for a value outside the enum. */
    CHECK_STR(ts_strstatus((ts_status)99), "unknown status");
}

static void test_exit_code_values(void)
{
    /* The values are the CLI's exit codes and must not drift. */
    CHECK_INT(TS_OK, 0);
    CHECK_INT(TS_EUSAGE, 2);
    CHECK_INT(TS_EINPUT, 3);
    CHECK_INT(TS_EWRITE, 4);
}

static void test_error_set_formats(void)
{
    ts_error err;
    ts_status st = ts_error_set(&err, TS_EINPUT, "scenarios/x.json", "assumptions.gdp.growth",
                                "expected a number > %d, got \"%s\" (%.2f)", -1, "fast", 0.126);
    CHECK_INT(st, TS_EINPUT);
    CHECK_INT(err.code, TS_EINPUT);
    CHECK_STR(err.file, "scenarios/x.json");
    CHECK_STR(err.path, "assumptions.gdp.growth");
    CHECK_STR(err.message, "expected a number > -1, got \"fast\" (0.13)");
}

static void test_error_set_null_parts(void)
{
    ts_error err;
    memset(&err, 'x', sizeof err);
    CHECK_INT(ts_error_set(&err, TS_EUSAGE, NULL, NULL, "bad"), TS_EUSAGE);
    CHECK_STR(err.file, "");
    CHECK_STR(err.path, "");
    CHECK_STR(err.message, "bad");
    /* A NULL record is allowed: the code still comes back. */
    CHECK_INT(ts_error_set(NULL, TS_EWRITE, "f", "p", "m"), TS_EWRITE);
}

/* The record followed by a guard zone: truncation must not touch it. */
struct guarded {
    ts_error err;
    unsigned char guard[64];
};

static int guard_intact(const struct guarded *g)
{
    for (size_t i = 0; i < sizeof g->guard; i++)
        if (g->guard[i] != 0xA5)
            return 0;
    return 1;
}

static void test_error_set_truncates(void)
{
    static char file[3000], path[1000], text[2000];
    memset(file, 'f', sizeof file - 1);
    memset(path, 'p', sizeof path - 1);
    memset(text, 'm', sizeof text - 1);
    struct guarded g;
    memset(&g, 0, sizeof g);
    memset(g.guard, 0xA5, sizeof g.guard);
    CHECK_INT(ts_error_set(&g.err, TS_EINPUT, file, path, "%s", text), TS_EINPUT);
    /* Each part keeps as much as fits, plus the terminating NUL. */
    CHECK_INT(strlen(g.err.file), TS_ERROR_FILE_MAX - 1);
    CHECK_INT(strlen(g.err.path), TS_ERROR_PATH_MAX - 1);
    CHECK_INT(strlen(g.err.message), TS_ERROR_MESSAGE_MAX - 1);
    CHECK(g.err.file[0] == 'f' && g.err.path[0] == 'p' && g.err.message[0] == 'm');
    CHECK(guard_intact(&g));
}

static void test_error_set_exact_fit(void)
{
    /* A path of exactly TS_ERROR_PATH_MAX - 1 characters is kept whole. */
    char path[TS_ERROR_PATH_MAX];
    memset(path, 'q', sizeof path - 1);
    path[sizeof path - 1] = '\0';
    ts_error err;
    ts_error_set(&err, TS_EINPUT, "f", path, "m");
    CHECK_STR(err.path, path);
}

static void test_error_set_one_too_long(void)
{
    /* Exactly the field's size: one character must go to make room for NUL. */
    char file[TS_ERROR_FILE_MAX + 1], path[TS_ERROR_PATH_MAX + 1];
    memset(file, 'f', TS_ERROR_FILE_MAX);
    file[TS_ERROR_FILE_MAX] = '\0';
    memset(path, 'p', TS_ERROR_PATH_MAX);
    path[TS_ERROR_PATH_MAX] = '\0';
    struct guarded g;
    memset(&g, 0, sizeof g);
    memset(g.guard, 0xA5, sizeof g.guard);
    ts_error_set(&g.err, TS_EINPUT, file, path, "m");
    CHECK_INT(strnlen(g.err.file, sizeof g.err.file), TS_ERROR_FILE_MAX - 1);
    CHECK_INT(strnlen(g.err.path, sizeof g.err.path), TS_ERROR_PATH_MAX - 1);
    CHECK_STR(g.err.message, "m");
    CHECK(guard_intact(&g));
}

static void test_error_set_escapes_controls(void)
{
    /* Input text reaches every part; none may break the line or carry an
     * escape sequence to the terminal. Plain UTF-8 stays as it is. */
    ts_error err;
    ts_error_set(&err, TS_EINPUT, "a\nb.json", "indicators.x\ty", "got \"%s\"",
                 "mi\r\nni\x1b[31m\x7f\xc2\x9b\xe5\xa4\xaa");
    CHECK_STR(err.file, "a\\nb.json");
    CHECK_STR(err.path, "indicators.x\\ty");
    CHECK_STR(err.message, "got \"mi\\r\\nni\\x1B[31m\\x7F\\u009B\xe5\xa4\xaa\"");
    /* U+00A0 (C2 A0) is text, not a control. */
    ts_error_set(&err, TS_EINPUT, NULL, NULL, "\xc2\xa0");
    CHECK_STR(err.message, "\xc2\xa0");
}

static void test_error_set_escape_never_split(void)
{
    /* Room for 3 more characters and a 4-character escape next: the escape
     * is left out whole rather than cut into a misleading "\x1". */
    char path[TS_ERROR_PATH_MAX + 8];
    memset(path, 'p', TS_ERROR_PATH_MAX - 4);
    memcpy(path + TS_ERROR_PATH_MAX - 4, "\x01zz", 4);
    ts_error err;
    ts_error_set(&err, TS_EINPUT, "f", path, "m");
    CHECK_INT(strlen(err.path), TS_ERROR_PATH_MAX - 4);
    CHECK(strchr(err.path, '\\') == NULL);
}

static void test_error_clear(void)
{
    ts_error err;
    ts_error_set(&err, TS_EWRITE, "out/report.txt", "x", "cannot write");
    ts_error_clear(&err);
    CHECK_INT(err.code, TS_OK);
    CHECK_STR(err.file, "");
    CHECK_STR(err.path, "");
    CHECK_STR(err.message, "");
    ts_error_clear(NULL); /* a no-op, must not crash */
}

int main(void)
{
    test_status_names();
    test_exit_code_values();
    test_error_set_formats();
    test_error_set_null_parts();
    test_error_set_truncates();
    test_error_set_exact_fit();
    test_error_set_one_too_long();
    test_error_set_escapes_controls();
    test_error_set_escape_never_split();
    test_error_clear();
    return check_done();
}
