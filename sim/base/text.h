/* text.h - choosing the language of a bilingual text, and the names shown
 * for indicators and scenarios. Private to the engine. */
#ifndef TS_TEXT_H
#define TS_TEXT_H

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

#endif
