/* id.h - the characters of an id. Private to the engine. */
#ifndef TS_ID_H
#define TS_ID_H

#include <stdbool.h>

/* True for the characters ids are made of, [a-z0-9_-]: the plan and
 * scenario loaders accept nothing else, and the chart writer (plots/)
 * builds file names from ids alone. */
bool ts_id_char(char c);

#endif
