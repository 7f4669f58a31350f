/* spawn.h - run a program without a shell, optionally in another folder,
 * capturing its stderr. For test_charts only. */
#ifndef TS_TEST_SPAWN_H
#define TS_TEST_SPAWN_H

#include <stddef.h>

/* Runs argv[0] (a path, or a name searched on PATH) with `argv` in `dir`
 * (NULL: here), extra environment `env` ("NAME=value" or NULL) added, stdout
 * discarded, stderr copied into `err` (NUL-terminated, cut to `size`).
 * Returns the exit status, 128 + signal, or -1 when it could not run. */
int tst_spawn(char *const argv[], const char *dir, const char *env, char *err, size_t size);

#endif
