/* status_palette.c - each status's colour and symbol (status_palette.h).
 * Colours: Okabe & Ito (2008) "Color Universal Design" and Paul Tol's
 * "muted" scheme (wine #882255); see the header for the groups. */
#include "status_palette.h"

#include <math.h>
#include <stdio.h>

typedef struct group {
    const char *colour;
} group;

enum { MET, AHEAD, ON_COURSE, MODERATE, BEHIND, AWAY, MISSED, BREACHED, PENDING, NONE };

static const group GROUPS[TS_N_STATUS_GROUPS] = {
    [MET] = {"#009e73"},       /* Okabe-Ito bluish green */
    [AHEAD] = {"#0072b2"},     /* Okabe-Ito blue */
    [ON_COURSE] = {"#56b4e9"}, /* Okabe-Ito sky blue */
    [MODERATE] = {"#f0e442"},  /* Okabe-Ito yellow */
    [BEHIND] = {"#e69f00"},    /* Okabe-Ito orange */
    [AWAY] = {"#d55e00"},      /* Okabe-Ito vermillion */
    [MISSED] = {"#882255"},    /* Tol muted wine */
    [BREACHED] = {"#cc79a7"},  /* Okabe-Ito reddish purple */
    [PENDING] = {"#bbbbbb"},   /* Tol grey */
    [NONE] = {"#ffffff"},
};

typedef struct status_look {
    int group;
    const char *symbol;
} status_look;

/* Symbols in the manner of Open SDG's progress icons: a tick for met, an
 * arrow whose slope is the pace, a cross for failed, an ellipsis for a
 * figure still to come. */
static const status_look LOOKS[TS_N_VERDICTS] = {
    [TS_NO_TARGET] = {NONE, "·"},
    [TS_ACHIEVED] = {MET, "✓"},
    [TS_MISSED] = {MISSED, "✗"},
    [TS_ON_TRACK] = {ON_COURSE, "↗"},
    [TS_MODERATE] = {MODERATE, "→"},
    [TS_INSUFFICIENT] = {BEHIND, "↘"},
    [TS_MOVING_AWAY] = {AWAY, "⊘"},
    [TS_ACHIEVED_EARLY] = {MET, "★"},
    [TS_AHEAD] = {AHEAD, "⇗"},
    [TS_ON_SCHEDULE] = {ON_COURSE, "↗"},
    [TS_LAGGING] = {BEHIND, "↘"},
    [TS_HELD] = {MET, "✓"},
    [TS_BREACHED] = {BREACHED, "⊗"},
    [TS_NOT_SCORED] = {NONE, "○"},
    [TS_PENDING_DATA] = {PENDING, "…"},
    [TS_NO_DATA] = {NONE, "–"},
};

static const status_look *look(ts_verdict v)
{
    return &LOOKS[(unsigned)v < TS_N_VERDICTS ? v : TS_NO_TARGET];
}

const char *ts_status_colour(ts_verdict v)
{
    return GROUPS[look(v)->group].colour;
}

const char *ts_status_symbol(ts_verdict v)
{
    return look(v)->symbol;
}

int ts_status_group(ts_verdict v)
{
    return look(v)->group;
}

static double linear(unsigned c)
{
    double s = c / 255.0;
    return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

const char *ts_status_ink(ts_verdict v)
{
    unsigned r = 0, g = 0, b = 0;
    sscanf(ts_status_colour(v), "#%02x%02x%02x", &r, &g, &b);
    double y = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    /* WCAG contrast: white (1.05 / (y + 0.05)) against black ((y + 0.05) / 0.05). */
    return 1.05 / (y + 0.05) > (y + 0.05) / 0.05 ? "#ffffff" : "#000000";
}
