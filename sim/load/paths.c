/* paths.c - resolving a file named inside another file. */
#include "paths.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *ts_path_resolve(const char *relative_to, const char *name)
{
    const char *slash = relative_to ? strrchr(relative_to, '/') : NULL;
    size_t dir_len = (name[0] == '/' || !slash) ? 0 : (size_t)(slash - relative_to) + 1;
    size_t n = dir_len + strlen(name) + 1;
    char *out = malloc(n);
    if (!out)
        return NULL;
    if (dir_len)
        memcpy(out, relative_to, dir_len);
    memcpy(out + dir_len, name, n - dir_len);
    return out;
}
