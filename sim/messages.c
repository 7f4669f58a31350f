/* messages.c - the CLI's user-facing text. */
#include "messages.h"

#include <stdarg.h>
#include <stdio.h>

#include "targetsim/targetsim.h"

void ts_msg_error(const ts_error *err)
{
    fputs("targetsim: ", stderr);
    if (err->file[0])
        fprintf(stderr, "%s: ", err->file);
    if (err->path[0])
        fprintf(stderr, "%s: ", err->path);
    fprintf(stderr, "%s\n", err->message);
}

void ts_msg_usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("targetsim: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs(" (see targetsim --help)\n", stderr);
}

void ts_msg_help(void)
{
    fputs(
        "Usage: targetsim [OPTION]...\n"
        "Project a development plan's indicators under what-if scenarios and assess\n"
        "its targets. With no option: the bundled Taiyuan 14th Five-Year Plan under\n"
        "every bundled scenario, written to out/.\n"
        "\n"
        "  --plan FILE        plan JSON (default: the bundled taiyuan-14fyp.json)\n"
        "  --scenario FILE    scenario JSON; repeat for several (default: the\n"
        "                     scenarios the plan lists)\n"
        "  --out DIR          output folder, created if missing (default: out)\n"
        "  --as-of YEAR       ignore observed values after YEAR (default: use all)\n"
        "  --horizon YEAR     last projected year (default: the plan's, 2035 for\n"
        "                     the bundled plan; never before a target year)\n"
        "  --lang en|zh       language of report.txt (default: en)\n"
        "  --quiet            print nothing but errors\n"
        "  --help             show this help and exit\n"
        "  --version          show the version and exit\n"
        "\n"
        "Outputs: report.txt, report.json, report.csv, paths.csv in the output folder,\n"
        "each replaced atomically.\n"
        "\n"
        "Exit status: 0 success (whether or not targets are met), 1 internal error\n"
        "or out of memory, 2 usage error, 3 bad input data, 4 cannot write output.\n"
        "Environment: TARGETSIM_DATA_DIR overrides where the bundled plan is found.\n",
        stdout);
}

void ts_msg_version(void)
{
    printf("targetsim %s\n", ts_version());
}
