/* strings.c - choosing the words of a language. */
#include "strings.h"

const ts_strings *ts_strings_for(ts_lang lang)
{
    return lang == TS_LANG_ZH ? &ts_strings_zh : &ts_strings_en;
}
