/* text.h - choosing the language of a bilingual text, and the names shown
 * for indicators and scenarios. Private to the engine. */
#ifndef TS_TEXT_H
#define TS_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "targetsim/plan.h"
#include "targetsim/report.h"
#include "targetsim/scenario.h"

/* The text of `t` in `lang`, else in the other language, else "" (never
 * NULL): a file may give a name in one language only. */
const char *ts_text_get(const ts_text *t, ts_lang lang);
/* ts_text_get, or `id` when that is "": every plan, indicator and scenario
 * has an id, not always a name. */
const char *ts_text_name(const ts_text *t, ts_lang lang, const char *id);
/* The indicator's name in `lang`, or its id. */
const char *ts_indicator_name(const ts_indicator *ind, ts_lang lang);
/* The scenario's name in `lang`, or its id. */
const char *ts_scenario_name(const ts_scenario *sc, ts_lang lang);

/* True when `t` has no text in either language. */
bool ts_text_empty(const ts_text *t);

/* True when some figure of the indicator is flagged as an assumption: the
 * indicator's "assumption", or one on its baseline or an observation. */
bool ts_indicator_flagged(const ts_indicator *ind);

/* k of "[Ak]": the rank of indicator `index` among the flagged ones, or 0
 * when it is not flagged. */
int ts_assumption_number(const ts_plan *plan, size_t index);

#endif
