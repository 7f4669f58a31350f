/* status_palette.h - the one colour and the one symbol of each status
 * (ts_verdict), shared by every output that draws statuses: report.html's
 * badges, the charts and report.xlsx. Library-internal.
 *
 * Colour-blind safe: the colours come from Okabe & Ito's palette and Paul
 * Tol's, so no two colour groups look alike in normal vision or under
 * deuteranopia or protanopia (tests/unit/report/test_status_palette.c measures
 * CIEDE2000 between every pair, also after Machado et al. 2009's simulation).
 * The colour is never the only cue: each status also has a symbol, printed
 * beside its word.
 *
 * Statuses that mean the same share a colour (the symbol still tells them
 * apart); the groups are, best to worst then neutral:
 *   met        achieved, achieved early, held          bluish green
 *   ahead      ahead                                   blue
 *   on course  on track, on schedule                   sky blue
 *   moderate   moderate                                yellow
 *   behind     insufficient, lagging                   orange
 *   away       moving away                             vermillion
 *   missed     missed                                  wine
 *   breached   breached                                reddish purple
 *   pending    pending data                            grey
 *   none       no target, not scored, no data          white */
#ifndef TS_STATUS_PALETTE_H
#define TS_STATUS_PALETTE_H

#include "targetsim/assess.h"

/* "#rrggbb" (lower case): the status's fill colour. */
const char *ts_status_colour(ts_verdict v);
/* The status's symbol, UTF-8 (one character, e.g. "✓"). */
const char *ts_status_symbol(ts_verdict v);
/* "#ffffff" or "#000000": the text colour with the larger contrast on the
 * fill (WCAG relative luminance). */
const char *ts_status_ink(ts_verdict v);
/* The colour group of a status (0 .. TS_N_STATUS_GROUPS - 1): statuses in
 * one group share a colour; different groups must look different. */
int ts_status_group(ts_verdict v);
enum { TS_N_STATUS_GROUPS = 10 };

#endif
