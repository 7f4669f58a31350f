/* cli_options.h - the command line of targetsim(1) and where the bundled
 * plan lives. Part of the CLI, not the library. */
#ifndef TS_CLI_OPTIONS_H
#define TS_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "targetsim/targetsim.h"

/* The most --observed files one run reads. */
enum { TS_CLI_MAX_OBSERVED = 64 };

typedef struct ts_cli_options {
    char *plan;           /* owned */
    const char *scenarios[TS_MAX_SCENARIOS];
    size_t n_scenarios;
    const char *observed[TS_CLI_MAX_OBSERVED]; /* --observed FILE.csv, in order */
    size_t n_observed;
    const char *out_dir;
    int as_of;            /* TS_AS_OF_LATEST when not given */
    int horizon;          /* 0 when not given */
    ts_lang lang;
    bool quiet;
    bool no_render;       /* --no-render: write .dat and .gp, do not run gnuplot */
    bool csv_bom;         /* --csv-bom: CSV files start with a UTF-8 byte-order mark */
    bool backtest;        /* --backtest */
    int by_year;          /* --by YEAR; 0 when not given */
    bool has_band;        /* --band LOW:HIGH given */
    double band_low, band_high;
    int rule;             /* --rule: a ts_rule, or -1 when not given */
    const char *compare;  /* --compare SCENARIO_ID; NULL when not given */
    size_t draws;         /* --draws; 0 turns Monte Carlo off */
    uint64_t seed;        /* --seed */
    unsigned threads;     /* --threads; default: the online processors, at most 64 */
    size_t n_sweeps;      /* --sweep, at most TS_SWEEP_MAX_AXES */
    ts_sweep_axis sweeps[TS_SWEEP_MAX_AXES];
} ts_cli_options;

/* The largest --seed: seeds are written to report.json as JSON numbers,
 * which hold whole numbers exactly up to 2^53 - 1. */
#define TS_CLI_MAX_SEED 9007199254740991ULL

enum { TS_CLI_RUN, TS_CLI_EXIT_OK, TS_CLI_EXIT_USAGE, TS_CLI_EXIT_NOMEM };

/* Parses argv into *opt (printing help, version or a usage error itself).
 * Returns TS_CLI_RUN to go on, else the kind of exit. Always pair with
 * ts_cli_options_free. */
int ts_cli_parse(int argc, char **argv, ts_cli_options *opt);
void ts_cli_options_free(ts_cli_options *opt);

/* Folder holding the bundled plan, or NULL: $TARGETSIM_DATA_DIR, then
 * ../share/targetsim beside the executable (installed), then the source
 * tree's scenarios/ (build tree). Returns a new string; NULL with
 * *out_of_memory set when the folder was found but not copied. */
char *ts_cli_data_dir(bool *out_of_memory);

/* Folder holding the chart templates (header.gp, indicator.gp, ...), or
 * NULL: $TARGETSIM_TEMPLATE_DIR, then ../share/targetsim/templates beside
 * the executable (installed), then the source tree's plots/templates.
 * Returns a new string; NULL with *out_of_memory as for ts_cli_data_dir. */
char *ts_cli_template_dir(bool *out_of_memory);

#endif
