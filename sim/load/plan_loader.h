/* plan_loader.h - what the parts of the plan loader share: the plan under
 * construction and where it came from (plan.c reads the file's frame and
 * indicators, target.c the targets, bibliography.c the sources). Private. */
#ifndef TS_PLAN_LOADER_H
#define TS_PLAN_LOADER_H

#include <cjson/cJSON.h>
#include <stdbool.h>

#include "targetsim/plan.h"
#include "targetsim/status.h"

typedef struct ts_plan_loader {
    ts_plan *plan;
    const char *file;
    ts_error *err;
} ts_plan_loader;

/* Reads a target object at `path` for indicator `ind` (whose measure and id
 * are known). A revision (`revision` true) also has "year" and may not be
 * text; its direction defaults to the indicator's target's. */
ts_status ts_plan_read_target(const cJSON *item, const ts_plan_loader *ld, const char *path,
                              const ts_indicator *ind, bool revision, ts_target *target);

/* The checks that need every indicator read and every baseline known: a
 * kind that needs a baseline, a positive baseline for the relative kinds,
 * growth over at least two years, relative targets without a cycle. */
ts_status ts_plan_check_targets(const ts_plan_loader *ld);

/* "bibliography": "FILE" (relative to the plan) read into plan->sources. */
ts_status ts_plan_read_bibliography(const cJSON *root, const ts_plan_loader *ld);

/* Every source that looks like a key ([a-z0-9_-], with a '-') names an
 * entry of the bibliography, when the plan has one. */
ts_status ts_plan_check_citations(const ts_plan_loader *ld);

void ts_target_free(ts_target *target);
void ts_source_entry_free(ts_source_entry *entry);

#endif
