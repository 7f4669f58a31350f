/* library.c - version and one-time library set-up. */
#include <gsl/gsl_errno.h>

#include "json_alloc.h"

#include "targetsim/targetsim.h"

const char *ts_version(void)
{
    return TARGETSIM_VERSION;
}

void ts_library_init(void)
{
    /* GSL's default handler aborts the process; a library must not. Every GSL
     * call in the engine checks its return code instead. */
    gsl_set_error_handler_off();
    /* cJSON's running out of memory, told apart from bad JSON. */
    ts_json_alloc_install();
}
