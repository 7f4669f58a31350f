/* paths.h - file-name helpers shared by the loaders. Private. */
#ifndef TS_PATHS_H
#define TS_PATHS_H

/* `name` resolved against the folder of `relative_to` (a file path): absolute
 * names are returned as they are. Returns a new string or NULL (no memory). */
char *ts_path_resolve(const char *relative_to, const char *name);

#endif
