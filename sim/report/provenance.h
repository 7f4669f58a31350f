/* provenance.h - where an indicator's figures come from, as one line of
 * text per indicator, and the bibliography entries in full (provenance.c).
 * Private to the report writers. */
#ifndef TS_PROVENANCE_H
#define TS_PROVENANCE_H

#include <stdbool.h>

#include "base/buffer.h"
#include "targetsim/plan.h"
#include "targetsim/report.h"

/* Appends the indicator's assumptions: its own, "baseline: ..." and
 * "2021: ..." for each flagged figure, "; " apart. */
void ts_provenance_assumptions(const ts_indicator *ind, ts_lang lang, ts_buffer *out);
/* Appends its sources: its own, "baseline: KEY", "target: KEY", and each
 * distinct source of its observations with their years, "KEY (2021, 2022)". */
void ts_provenance_sources(const ts_indicator *ind, ts_lang lang, ts_buffer *out);
/* Whether some source field of the plan names bibliography key `key`. */
bool ts_provenance_cited(const ts_plan *plan, const char *key);
/* "Title (Publisher, date). URL. What it gives" in `lang`. */
void ts_provenance_entry(const ts_source_entry *entry, ts_lang lang, ts_buffer *out);

#endif
