/* test_status_palette.c - the status colours (sim/report/status_palette.c)
 * are told apart in normal vision and under deuteranopia and protanopia,
 * and every status has a colour, a symbol and a readable text colour.
 *
 * Distance: CIEDE2000 (Sharma, Wu & Dalal 2005) between the colours in
 * CIELAB (D65). Colour-vision deficiency: Machado, Oliveira & Fernandes
 * (2009) matrices, severity 1.0, applied to linear sRGB. The CIEDE2000 code
 * here is checked against pairs of Sharma et al.'s published test data. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "report/status_palette.h"

typedef struct lab {
    double L, a, b;
} lab;

static double to_linear(double s)
{
    return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

static double to_gamma(double l)
{
    l = l < 0 ? 0 : l > 1 ? 1 : l;
    return l <= 0.0031308 ? 12.92 * l : 1.055 * pow(l, 1 / 2.4) - 0.055;
}

static double lab_f(double t)
{
    const double d = 6.0 / 29.0;
    return t > d * d * d ? cbrt(t) : t / (3 * d * d) + 4.0 / 29.0;
}

/* Linear sRGB to CIELAB, D65 white. */
static lab linear_to_lab(const double rgb[3])
{
    double X = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
    double Y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
    double Z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
    double fx = lab_f(X / 0.95047), fy = lab_f(Y / 1.0), fz = lab_f(Z / 1.08883);
    return (lab){116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

/* Machado et al. 2009, severity 1.0. */
static const double PROTAN[3][3] = {{0.152286, 1.052583, -0.204868},
                                    {0.114503, 0.786281, 0.099216},
                                    {-0.003882, -0.048116, 1.051998}};
static const double DEUTAN[3][3] = {{0.367322, 0.860646, -0.227968},
                                    {0.280085, 0.672501, 0.047413},
                                    {-0.011820, 0.042940, 0.968881}};

/* "#rrggbb" as seen with `m` (NULL: normal vision), in Lab. The simulated
 * colour is clipped to the sRGB gamut, as a screen would show it. */
static lab seen(const char *hex, const double (*m)[3])
{
    unsigned r = 0, g = 0, b = 0;
    CHECK(sscanf(hex, "#%02x%02x%02x", &r, &g, &b) == 3);
    double in[3] = {to_linear(r / 255.0), to_linear(g / 255.0), to_linear(b / 255.0)}, out[3];
    for (int k = 0; k < 3; k++)
        out[k] = m ? m[k][0] * in[0] + m[k][1] * in[1] + m[k][2] * in[2] : in[k];
    for (int k = 0; k < 3; k++)
        out[k] = to_linear(to_gamma(out[k]));
    return linear_to_lab(out);
}

static double deg(double r)
{
    return r * 180.0 / M_PI;
}

static double rad(double d)
{
    return d * M_PI / 180.0;
}

/* CIEDE2000 with kL = kC = kH = 1, as Sharma et al. 2005 write it. */
static double ciede2000(lab p, lab q)
{
    double C1 = hypot(p.a, p.b), C2 = hypot(q.a, q.b), Cm = (C1 + C2) / 2;
    double G = 0.5 * (1 - sqrt(pow(Cm, 7) / (pow(Cm, 7) + pow(25, 7))));
    double a1 = (1 + G) * p.a, a2 = (1 + G) * q.a;
    double c1 = hypot(a1, p.b), c2 = hypot(a2, q.b);
    double h1 = (a1 == 0 && p.b == 0) ? 0 : deg(atan2(p.b, a1));
    double h2 = (a2 == 0 && q.b == 0) ? 0 : deg(atan2(q.b, a2));
    if (h1 < 0)
        h1 += 360;
    if (h2 < 0)
        h2 += 360;
    double dL = q.L - p.L, dC = c2 - c1, dh = 0;
    if (c1 * c2 != 0) {
        dh = h2 - h1;
        if (dh > 180)
            dh -= 360;
        else if (dh < -180)
            dh += 360;
    }
    double dH = 2 * sqrt(c1 * c2) * sin(rad(dh / 2));
    double Lm = (p.L + q.L) / 2, cm = (c1 + c2) / 2, hm = h1 + h2;
    if (c1 * c2 != 0) {
        if (fabs(h1 - h2) <= 180)
            hm = (h1 + h2) / 2;
        else
            hm = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    }
    double T = 1 - 0.17 * cos(rad(hm - 30)) + 0.24 * cos(rad(2 * hm)) +
               0.32 * cos(rad(3 * hm + 6)) - 0.20 * cos(rad(4 * hm - 63));
    double dtheta = 30 * exp(-pow((hm - 275) / 25, 2));
    double RC = 2 * sqrt(pow(cm, 7) / (pow(cm, 7) + pow(25, 7)));
    double SL = 1 + 0.015 * pow(Lm - 50, 2) / sqrt(20 + pow(Lm - 50, 2));
    double SC = 1 + 0.045 * cm, SH = 1 + 0.015 * cm * T;
    double RT = -sin(rad(2 * dtheta)) * RC;
    return sqrt(pow(dL / SL, 2) + pow(dC / SC, 2) + pow(dH / SH, 2) +
                RT * (dC / SC) * (dH / SH));
}

/* Pairs 1, 2, 3, 7, 17 and 18 of Sharma, Wu & Dalal (2005), table 1. */
static void test_ciede2000_reference(void)
{
    static const struct {
        lab p, q;
        double de;
    } pairs[] = {
        {{50, 2.6772, -79.7751}, {50, 0, -82.7485}, 2.0425},
        {{50, 3.1571, -77.2803}, {50, 0, -82.7485}, 2.8615},
        {{50, 2.8361, -74.0200}, {50, 0, -82.7485}, 3.4412},
        {{50, 0, 0}, {50, -1, 2}, 2.3669},
        {{50, 2.5, 0}, {73, 25, -18}, 27.1492},
        {{50, 2.5, 0}, {61, -5, 29}, 22.8977},
    };
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        double d = ciede2000(pairs[k].p, pairs[k].q);
        CHECK(fabs(d - pairs[k].de) < 1e-4);
        CHECK(fabs(ciede2000(pairs[k].q, pairs[k].p) - pairs[k].de) < 1e-4);
    }
    /* Lab of sRGB white and black. */
    lab w = seen("#ffffff", NULL), k = seen("#000000", NULL);
    CHECK(fabs(w.L - 100) < 0.01 && fabs(w.a) < 0.01 && fabs(w.b) < 0.01);
    CHECK(fabs(k.L) < 1e-9);
}

/* Every pair of statuses in different colour groups is at least `min`
 * apart as seen with `m`; returns the smallest distance found. */
static double min_distance(const double (*m)[3], const char *vision, double min)
{
    double least = INFINITY;
    for (int u = 0; u < TS_N_VERDICTS; u++)
        for (int v = u + 1; v < TS_N_VERDICTS; v++) {
            if (ts_status_group((ts_verdict)u) == ts_status_group((ts_verdict)v))
                continue;
            double d = ciede2000(seen(ts_status_colour((ts_verdict)u), m),
                                 seen(ts_status_colour((ts_verdict)v), m));
            if (d < least)
                least = d;
            if (d < min)
                fprintf(stderr, "%s: statuses %d and %d: %s and %s are %.1f apart\n", vision, u,
                        v, ts_status_colour((ts_verdict)u), ts_status_colour((ts_verdict)v), d);
            CHECK(d >= min);
        }
    printf("%s: smallest CIEDE2000 between status colour groups %.1f\n", vision, least);
    return least;
}

/* Shared colours are the documented groups; the rest differ. */
static void test_groups(void)
{
    static const ts_verdict met[] = {TS_ACHIEVED, TS_ACHIEVED_EARLY, TS_HELD};
    for (size_t k = 1; k < 3; k++)
        CHECK(strcmp(ts_status_colour(met[k]), ts_status_colour(met[0])) == 0);
    CHECK(strcmp(ts_status_colour(TS_ON_TRACK), ts_status_colour(TS_ON_SCHEDULE)) == 0);
    CHECK(strcmp(ts_status_colour(TS_INSUFFICIENT), ts_status_colour(TS_LAGGING)) == 0);
    /* The pair the old palette confused. */
    CHECK(ts_status_group(TS_MISSED) != ts_status_group(TS_MOVING_AWAY));
    for (int u = 0; u < TS_N_VERDICTS; u++)
        for (int v = 0; v < TS_N_VERDICTS; v++)
            CHECK((strcmp(ts_status_colour((ts_verdict)u), ts_status_colour((ts_verdict)v)) == 0) ==
                  (ts_status_group((ts_verdict)u) == ts_status_group((ts_verdict)v)));
}

/* Each status: a well-formed colour, one visible symbol, and a text colour
 * with WCAG contrast of at least 4.5 on its fill. */
static void test_each_status(void)
{
    for (int v = 0; v < TS_N_VERDICTS; v++) {
        const char *c = ts_status_colour((ts_verdict)v), *s = ts_status_symbol((ts_verdict)v);
        unsigned r, g, b;
        CHECK(strlen(c) == 7 && sscanf(c, "#%02x%02x%02x", &r, &g, &b) == 3);
        CHECK(s && strlen(s) >= 1 && strlen(s) <= 4);
        CHECK(ts_status_group((ts_verdict)v) >= 0 &&
              ts_status_group((ts_verdict)v) < TS_N_STATUS_GROUPS);
        double y = 0.2126 * to_linear(r / 255.0) + 0.7152 * to_linear(g / 255.0) +
                   0.0722 * to_linear(b / 255.0);
        double contrast = strcmp(ts_status_ink((ts_verdict)v), "#ffffff") == 0
                              ? 1.05 / (y + 0.05)
                              : (y + 0.05) / 0.05;
        CHECK(contrast >= 4.5);
    }
    /* Distinct symbols where the colour is shared within a table's range. */
    CHECK(strcmp(ts_status_symbol(TS_ACHIEVED), ts_status_symbol(TS_ACHIEVED_EARLY)) != 0);
    CHECK(strcmp(ts_status_symbol(TS_NOT_SCORED), ts_status_symbol(TS_NO_DATA)) != 0);
    CHECK(strcmp(ts_status_symbol(TS_MISSED), ts_status_symbol(TS_MOVING_AWAY)) != 0);
}

int main(void)
{
    test_ciede2000_reference();
    test_groups();
    test_each_status();
    /* Thresholds: CIEDE2000 about 10 is a clear difference side by side;
     * dichromats get a lower bar (the symbol tells them apart too). */
    min_distance(NULL, "normal", 15);
    min_distance(DEUTAN, "deuteranopia", 10);
    min_distance(PROTAN, "protanopia", 10);
    return check_done();
}
