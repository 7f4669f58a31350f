/* sweep_spec.c - the --sweep option's syntax into a ts_sweep_axis. */
#include "sweep_spec.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ts_status bad_spec(const char *spec, const char *why, ts_error *err)
{
    return ts_error_set(err, TS_EUSAGE, NULL, NULL, "--sweep \"%s\": %s", spec, why);
}

static int parse_number(const char *s, const char *end, double *out)
{
    char buf[64];
    size_t len = (size_t)(end - s);
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *stop;
    errno = 0;
    *out = strtod(buf, &stop);
    return *stop == '\0' && errno == 0 && isfinite(*out);
}

/* "IND.MODEL" into the axis. An indicator id has at most 64 bytes (as the
 * plan loader allows); which ids exist is the plan's business. */
static int parse_target(const char *spec, const char *eq, ts_sweep_axis *axis)
{
    const char *dot = memchr(spec, '.', (size_t)(eq - spec));
    if (!dot || dot == spec || (size_t)(dot - spec) > 64)
        return 0;
    memcpy(axis->indicator, spec, (size_t)(dot - spec));
    axis->indicator[dot - spec] = '\0';
    char model[16];
    size_t len = (size_t)(eq - dot - 1);
    if (len == 0 || len >= sizeof model)
        return 0;
    memcpy(model, dot + 1, len);
    model[len] = '\0';
    axis->model = ts_model_lookup(model);
    return axis->model != NULL;
}

ts_status ts_cli_sweep_parse(const char *spec, ts_sweep_axis *axis, ts_error *err)
{
    memset(axis, 0, sizeof *axis);
    snprintf(axis->label, sizeof axis->label, "%s", spec);
    const char *eq = strchr(spec, '=');
    const char *c1 = eq ? strchr(eq + 1, ':') : NULL;
    const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    if (!eq || !c1 || !c2 || strchr(c2 + 1, ':') || !parse_target(spec, eq, axis))
        return bad_spec(spec, "expected IND.growth=LO:HI:STEP (or IND.add=..., IND.level=...)",
                        err);
    if (!parse_number(eq + 1, c1, &axis->lo) || !parse_number(c1 + 1, c2, &axis->hi) ||
        !parse_number(c2 + 1, c2 + strlen(c2), &axis->step))
        return bad_spec(spec, "LO, HI and STEP must be finite numbers", err);
    if (!(axis->step > 0))
        return bad_spec(spec, "STEP must be positive", err);
    if (axis->hi < axis->lo)
        return bad_spec(spec, "HI must not be below LO", err);
    if (axis->model->driver_min > -HUGE_VAL && !(axis->lo > axis->model->driver_min))
        return bad_spec(spec, "a growth rate must be above -1", err);
    /* The tolerance keeps HI itself when (HI - LO) / STEP is whole up to
     * rounding (0.04:0.12:0.01 is 9 points). */
    double n = floor((axis->hi - axis->lo) / axis->step + 1e-9) + 1;
    if (!(n <= TS_SWEEP_MAX_POINTS))
        return ts_error_set(err, TS_EUSAGE, NULL, NULL, "--sweep \"%s\": %.0f points, more than %d",
                            spec, n, TS_SWEEP_MAX_POINTS);
    axis->n = (size_t)n;
    return TS_OK;
}
