/* registry.c - the name <-> model table. A new model is one line here. */
#include <string.h>

#include "targetsim/model.h"

static const ts_model_type *const MODELS[] = {
    &ts_model_growth,
    &ts_model_add,
    &ts_model_level,
};

const ts_model_type *ts_model_lookup(const char *name)
{
    for (size_t i = 0; i < sizeof MODELS / sizeof MODELS[0]; i++)
        if (strcmp(MODELS[i]->name, name) == 0)
            return MODELS[i];
    return NULL;
}

const ts_model_type *const *ts_model_all(size_t *count)
{
    *count = sizeof MODELS / sizeof MODELS[0];
    return MODELS;
}
