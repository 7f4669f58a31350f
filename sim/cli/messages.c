/* messages.c - the CLI's user-facing text. */
#include "messages.h"

#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "targetsim/targetsim.h"

/* The option that sets each parameter the library's usage errors name. */
static const struct {
    const char *parameter;
    const char *option;
} OPTION_OF[] = {
    {"as_of", "--as-of"},         {"horizon", "--horizon"}, {"by_year", "--by"},
    {"scenario_id", "--compare"}, {"draws", "--draws"},     {"threads", "--threads"},
    {"band", "--band"},
};

/* The index K of a path "axes[K]" or "axes[K].FIELD", or -1. */
static long sweep_axis_of(const char *path)
{
    if (strncmp(path, "axes[", 5) != 0 || path[5] < '0' || path[5] > '9')
        return -1;
    char *end;
    unsigned long k = strtoul(path + 5, &end, 10);
    return end[0] == ']' && (end[1] == '\0' || end[1] == '.') && k < 16 ? (long)k : -1;
}

/* A usage error in a parameter set by an option, worded with the option
 * into *out (through ts_error_set, which keeps the text one inert line).
 * False when err is no such error. */
static bool worded_for_option(const ts_error *err, const ts_cli_options *opt, ts_error *out)
{
    if (err->code != TS_EUSAGE || err->file[0] || !err->path[0])
        return false;
    for (size_t k = 0; k < sizeof OPTION_OF / sizeof OPTION_OF[0]; k++)
        if (strcmp(err->path, OPTION_OF[k].parameter) == 0) {
            ts_error_set(out, TS_EUSAGE, NULL, NULL, "%s %s", OPTION_OF[k].option, err->message);
            return true;
        }
    long axis = sweep_axis_of(err->path);
    if (axis >= 0 && opt && (size_t)axis < opt->n_sweeps) {
        ts_error_set(out, TS_EUSAGE, NULL, NULL, "--sweep \"%s\": %s", opt->sweeps[axis].label,
                     err->message);
        return true;
    }
    if (strcmp(err->path, "axes") == 0 || strcmp(err->path, "n_axes") == 0) {
        ts_error_set(out, TS_EUSAGE, NULL, NULL, "--sweep: %s", err->message);
        return true;
    }
    return false;
}

void ts_msg_error(const ts_error *err, const ts_cli_options *opt)
{
    /* Out of memory is one line, whatever ran out: no file, no path. */
    if (err->code == TS_ENOMEM) {
        fprintf(stderr, "targetsim: %s\n", err->message[0] ? err->message : "out of memory");
        return;
    }
    ts_error worded;
    if (worded_for_option(err, opt, &worded))
        err = &worded;
    fputs("targetsim: ", stderr);
    if (err->file[0] && err->line > 0)
        fprintf(stderr, "%s:%ld: ", err->file, err->line);
    else if (err->file[0])
        fprintf(stderr, "%s: ", err->file);
    if (err->path[0])
        fprintf(stderr, "%s: ", err->path);
    /* Usage errors found by the library (a horizon before a target year)
     * point at --help like the ones the option parser finds. */
    fprintf(stderr, "%s%s\n", err->message, err->code == TS_EUSAGE ? " (see targetsim --help)" : "");
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
        "  --observed FILE.csv  add or replace observed values: a header row\n"
        "                     indicator,year,value,source, then one value a row\n"
        "                     (comma or tab, UTF-8); repeat for several files\n"
        "  --out DIR          output folder, created if missing (default: out)\n"
        "  --as-of YEAR       judge the plan as of YEAR: ignore observed values after\n"
        "                     it (a mid-term view; default: use all)\n"
        "  --band LOW:HIGH    the pace band of the observed record: progress against\n"
        "                     time elapsed below LOW is lagging, from HIGH on ahead\n"
        "                     (default: the plan's, else 0.9:1.1)\n"
        "  --rule elapsed|sdg judge the observed record by progress against time\n"
        "                     elapsed (default) or, as Eurostat and Open SDG do, by\n"
        "                     observed against required growth\n"
        "  --horizon YEAR     last projected year (default: the plan's, 2035 for\n"
        "                     the bundled plan; never before a target year)\n"
        "  --backtest         also project every scenario from the base year without\n"
        "                     the later observations and compare it with them\n"
        "                     (error per observed year, MAPE, closest scenario);\n"
        "                     writes backtest.csv\n"
        "  --by YEAR          also give the yearly growth needed, from the latest\n"
        "                     observed value, to reach each target by YEAR (after\n"
        "                     the latest observed year), e.g. --by 2027\n"
        "  --compare ID       also compare every other scenario with scenario ID\n"
        "                     (value in the target year, attainment year,\n"
        "                     probability); writes compare.csv\n"
        "  --lang en|zh       language of report.txt, report.html, the charts'\n"
        "                     titles and labels and the summary printed here\n"
        "                     (default: en); errors stay English\n"
        "  --no-render        write the charts' .dat and .gp files but do not run\n"
        "                     gnuplot\n"
        "  --draws N          Monte Carlo draws per scenario, 0 to 10000000; 0 turns\n"
        "                     them off (default: 10000). Memory does not grow with\n"
        "                     N: past 1 MiB of values the draws are made twice,\n"
        "                     first counting, then keeping the values near each\n"
        "                     percentile\n"
        "  --seed S           seed of the draws, 0 to 9007199254740991 (default:\n"
        "                     20210224); the same seed gives the same numbers\n"
        "  --threads N        threads for the draws, 1 to 64 (default: one per\n"
        "                     processor); results do not depend on it\n"

        "  --sweep IND.growth=LO:HI:STEP\n"
        "                     evaluate the first scenario with IND's growth held at\n"
        "                     LO, LO+STEP, ... HI (also IND.add=..., IND.level=...);\n"
        "                     give one or two, at most 1001 points each; writes\n"
        "                     sweep.csv (with probabilities when --draws > 0)\n"
        "  --csv-bom          start every CSV file with a UTF-8 byte-order mark, for\n"
        "                     spreadsheets that need it to read Chinese\n"
        "  -q, --quiet        print nothing but errors\n"
        "  -h, --help         show this help and exit\n"
        "  --version          show the version and exit\n"
        "\n"
        "Outputs: report.txt, report.json, report.csv, paths.csv, table.csv (the plan\n"
        "table: each target as written, its observed record), report.html, fan.csv\n"
        "(Monte Carlo percentile bands), tornado.csv (each driver moved by one sd),\n"
        "sweep.csv (--sweep), backtest.csv (--backtest), compare.csv (--compare) and\n"
        "report.xlsx (an Excel workbook: the tables as numbers, a sheet with a native\n"
        "line chart per indicator; only when built with libxlsxwriter) in\n"
        "the output folder, each replaced atomically, and per chart (indicator-ID,\n"
        "attainment, growth; fan-ID with --draws > 0; tornado-ID; backtest-ID with\n"
        "--backtest; compare with --compare; sweep-ID and sweepprob-ID with --sweep) a\n"
        "data file .dat and a gnuplot script .gp. gnuplot, when on the PATH, renders\n"
        "each script to .png and .svg (report.html shows the SVGs); re-render one\n"
        "with: cd DIR && gnuplot NAME.gp\n"
        "\n"
        "Monte Carlo: each draw adds to every projected year of every driver with an\n"
        "sd (the scenario's uncertainty block) a correlated Gaussian shock; a progress\n"
        "bar shows on a terminal when the draws take more than a second.\n"
        "\n"
        "Exit status: 0 success (whether or not targets are met), 1 internal error\n"
        "or out of memory, 2 usage error, 3 bad input data, 4 cannot write output.\n"
        "Environment: TARGETSIM_DATA_DIR overrides where the bundled plan is found,\n"
        "TARGETSIM_TEMPLATE_DIR where the chart templates are found.\n",
        stdout);
    puts(ts_xlsx_available() ? "This build writes report.xlsx."
                             : "This build writes no report.xlsx (built without libxlsxwriter).");
}

void ts_msg_no_templates(void)
{
    fputs("targetsim: warning: cannot find the chart templates (plots/templates); set "
          "TARGETSIM_TEMPLATE_DIR. No chart was written.\n",
          stderr);
}

void ts_msg_no_gnuplot(const char *out_dir)
{
    fprintf(stderr,
            "targetsim: note: gnuplot is not installed, so the charts were not rendered; "
            "their .dat and .gp files are in %s. To render them: "
            "cd %s && for f in *.gp; do gnuplot \"$f\"; done\n",
            out_dir, out_dir);
}

void ts_msg_render_failed(const char *out_dir, const char *gp_name, const char *line)
{
    fprintf(stderr, "targetsim: %s/%s: gnuplot: %s\n", out_dir, gp_name, line);
}

void ts_msg_version(void)
{
    printf("targetsim %s\n", ts_version());
}

void ts_msg_progress(unsigned long long done, unsigned long long total)
{
    enum { WIDTH = 30 };
    double share = total ? (double)done / (double)total : 1.0;
    int filled = (int)(share * WIDTH);
    char bar[WIDTH + 1];
    for (int k = 0; k < WIDTH; k++)
        bar[k] = k < filled ? '#' : '.';
    bar[WIDTH] = '\0';
    fprintf(stderr, "\rtargetsim: Monte Carlo [%s] %3.0f%% (%llu of %llu draws)", bar,
            100.0 * share, done, total);
    fflush(stderr);
}

void ts_msg_progress_done(void)
{
    /* Clear the bar's line so the next message starts clean. */
    fputs("\r\033[K", stderr);
    fflush(stderr);
}

void ts_msg_interrupted(int sig, const char *out_dir, bool written)
{
    fprintf(stderr, "targetsim: interrupted by %s; %s\n", sig == SIGINT ? "SIGINT" : "SIGTERM",
            written ? "the run's files were already written" : "no file was changed");
    (void)out_dir;
}
