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

bool ts_text_empty(const ts_text *t)
{
    return !(t->zh && *t->zh) && !(t->en && *t->en);
}

static bool series_flagged(const ts_series *s)
{
    for (size_t k = 0; s->figures && k < s->n; k++)
        if (!ts_text_empty(&s->figures[k].assumption))
            return true;
    return false;
}

bool ts_indicator_flagged(const ts_indicator *ind)
{
    return !ts_text_empty(&ind->assumption) ||
           !ts_text_empty(&ind->baseline_figure.assumption) || series_flagged(&ind->history) ||
           series_flagged(&ind->actual);
}

int ts_assumption_number(const ts_plan *plan, size_t index)
{
    if (!ts_indicator_flagged(&plan->indicators[index]))
        return 0;
    int k = 0;
    for (size_t i = 0; i <= index; i++)
        k += ts_indicator_flagged(&plan->indicators[i]);
    return k;
}
