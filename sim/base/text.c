/* text.c - the language fallback every report and chart uses, so a name
 * missing in one language reads the same everywhere. */
#include "text.h"

const char *ts_text_get(const ts_text *t, ts_lang lang)
{
    const char *s = lang == TS_LANG_ZH ? (t->zh ? t->zh : t->en) : (t->en ? t->en : t->zh);
    return s ? s : "";
}

const char *ts_text_name(const ts_text *t, ts_lang lang, const char *id)
{
    const char *s = ts_text_get(t, lang);
    return *s ? s : id;
}

const char *ts_indicator_name(const ts_indicator *ind, ts_lang lang)
{
    return ts_text_name(&ind->name, lang, ind->id);
}

const char *ts_scenario_name(const ts_scenario *sc, ts_lang lang)
{
    return ts_text_name(&sc->name, lang, sc->id);
}
