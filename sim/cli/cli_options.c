/* cli_options.c - option parsing and the bundled-data search. */
#include "cli_options.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "messages.h"
#include "sweep_spec.h"

#ifndef TS_SOURCE_DATA_DIR
#define TS_SOURCE_DATA_DIR "scenarios"
#endif

#ifndef TS_SOURCE_TEMPLATE_DIR
#define TS_SOURCE_TEMPLATE_DIR "plots/templates"
#endif

static const char BUNDLED_PLAN[] = "taiyuan-14fyp.json";
static const char TEMPLATE_PROBE[] = "indicator.gp";

static bool has_file(const char *dir, const char *file)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", dir, file) >= (int)sizeof path)
        return false;
    return access(path, R_OK) == 0;
}

/* A copy of the folder found; *out_of_memory when it cannot be made. */
static char *found(const char *dir, bool *out_of_memory)
{
    char *copy = strdup(dir);
    *out_of_memory = copy == NULL;
    return copy;
}

/* The first folder holding `probe`: $env, then ../share/targetsim/SUB
 * beside the executable, then `source_dir`. */
static char *find_dir(const char *env_name, const char *sub, const char *source_dir,
                      const char *probe, bool *out_of_memory)
{
    *out_of_memory = false;
    const char *env = getenv(env_name);
    if (env && *env)
        return has_file(env, probe) ? found(env, out_of_memory) : NULL;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char dir[PATH_MAX];
            if (snprintf(dir, sizeof dir, "%s/../share/targetsim%s", exe, sub) <
                    (int)sizeof dir &&
                has_file(dir, probe))
                return found(dir, out_of_memory);
        }
    }
    return has_file(source_dir, probe) ? found(source_dir, out_of_memory) : NULL;
}

char *ts_cli_data_dir(bool *out_of_memory)
{
    return find_dir("TARGETSIM_DATA_DIR", "", TS_SOURCE_DATA_DIR, BUNDLED_PLAN, out_of_memory);
}

char *ts_cli_template_dir(bool *out_of_memory)
{
    return find_dir("TARGETSIM_TEMPLATE_DIR", "/templates", TS_SOURCE_TEMPLATE_DIR,
                    TEMPLATE_PROBE, out_of_memory);
}

/* A whole year in [TS_MIN_YEAR, TS_MAX_YEAR], nothing else. */
static bool parse_year(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < TS_MIN_YEAR || v > TS_MAX_YEAR)
        return false;
    *out = (int)v;
    return true;
}

/* A whole number in [min, max] written in decimal digits, nothing else. */
static bool parse_count(const char *s, unsigned long long min, unsigned long long max,
                        unsigned long long *out)
{
    if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 19)
        return false;
    unsigned long long v = strtoull(s, NULL, 10);
    if (v < min || v > max)
        return false;
    *out = v;
    return true;
}

static int set_number(const char *name, const char *value, ts_cli_options *opt)
{
    unsigned long long v;
    if (strcmp(name, "--draws") == 0) {
        if (!parse_count(value, 0, TS_MC_MAX_DRAWS, &v)) {
            ts_msg_usage_error("--draws expects a whole number in [0, %d] (0: no Monte Carlo), "
                               "got \"%s\"",
                               TS_MC_MAX_DRAWS, value);
            return TS_CLI_EXIT_USAGE;
        }
        opt->draws = (size_t)v;
    } else if (strcmp(name, "--seed") == 0) {
        if (!parse_count(value, 0, TS_CLI_MAX_SEED, &v)) {
            ts_msg_usage_error("--seed expects a whole number in [0, %llu], got \"%s\"",
                               TS_CLI_MAX_SEED, value);
            return TS_CLI_EXIT_USAGE;
        }
        opt->seed = v;
    } else {
        if (!parse_count(value, 1, TS_MC_MAX_THREADS, &v)) {
            ts_msg_usage_error("--threads expects a whole number in [1, %d], got \"%s\"",
                               TS_MC_MAX_THREADS, value);
            return TS_CLI_EXIT_USAGE;
        }
        opt->threads = (unsigned)v;
    }
    return TS_CLI_RUN;
}

/* --band LOW:HIGH, two decimal numbers with 0 < LOW <= 1 <= HIGH. */
static int set_band(const char *value, ts_cli_options *opt)
{
    char *mid, *end;
    double low = strtod(value, &mid), high = NAN;
    if (mid != value && *mid == ':')
        high = strtod(mid + 1, &end);
    if (mid == value || *mid != ':' || end == mid + 1 || *end || !(low > 0 && low <= 1) ||
        !(high >= 1 && high < 1e6)) {
        ts_msg_usage_error("--band expects LOW:HIGH with 0 < LOW <= 1 <= HIGH, e.g. 0.9:1.1, "
                           "got \"%s\"",
                           value);
        return TS_CLI_EXIT_USAGE;
    }
    opt->has_band = true;
    opt->band_low = low;
    opt->band_high = high;
    return TS_CLI_RUN;
}

static int set_rule(const char *value, ts_cli_options *opt)
{
    if (strcmp(value, "elapsed") == 0)
        opt->rule = TS_RULE_ELAPSED;
    else if (strcmp(value, "sdg") == 0)
        opt->rule = TS_RULE_SDG;
    else {
        ts_msg_usage_error("--rule expects elapsed or sdg, got \"%s\"", value);
        return TS_CLI_EXIT_USAGE;
    }
    return TS_CLI_RUN;
}

static int add_sweep(const char *value, ts_cli_options *opt)
{
    if (opt->n_sweeps >= TS_SWEEP_MAX_AXES) {
        ts_msg_usage_error("at most %d --sweep options", TS_SWEEP_MAX_AXES);
        return TS_CLI_EXIT_USAGE;
    }
    ts_error err;
    if (ts_cli_sweep_parse(value, &opt->sweeps[opt->n_sweeps], &err) != TS_OK) {
        ts_msg_usage_error("%s", err.message);
        return TS_CLI_EXIT_USAGE;
    }
    for (size_t k = 0; k < opt->n_sweeps; k++)
        if (strcmp(opt->sweeps[k].indicator, opt->sweeps[opt->n_sweeps].indicator) == 0) {
            ts_msg_usage_error("--sweep: \"%s\" is swept twice",
                               opt->sweeps[k].indicator);
            return TS_CLI_EXIT_USAGE;
        }
    opt->n_sweeps++;
    return TS_CLI_RUN;
}

/* The default --threads: one per online processor. */
static unsigned default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > TS_MC_MAX_THREADS ? TS_MC_MAX_THREADS : (unsigned)n;
}

/* The option's value: "--opt=VALUE" or the next argument. */
static const char *take_value(int argc, char **argv, int *i, const char *name, const char *eq)
{
    if (eq)
        return eq + 1;
    if (*i + 1 >= argc) {
        ts_msg_usage_error("option %s needs a value", name);
        return NULL;
    }
    return argv[++*i];
}

static int set_option(const char *name, const char *value, ts_cli_options *opt)
{
    if (!*value) {
        ts_msg_usage_error("%s needs a non-empty value", name);
        return TS_CLI_EXIT_USAGE;
    }
    if (strcmp(name, "--plan") == 0) {
        free(opt->plan);
        if (!(opt->plan = strdup(value)))
            return TS_CLI_EXIT_NOMEM;
    } else if (strcmp(name, "--scenario") == 0) {
        if (opt->n_scenarios >= TS_MAX_SCENARIOS) {
            ts_msg_usage_error("at most %d scenarios", TS_MAX_SCENARIOS);
            return TS_CLI_EXIT_USAGE;
        }
        opt->scenarios[opt->n_scenarios++] = value;
    } else if (strcmp(name, "--observed") == 0) {
        if (opt->n_observed >= TS_CLI_MAX_OBSERVED) {
            ts_msg_usage_error("at most %d --observed files", TS_CLI_MAX_OBSERVED);
            return TS_CLI_EXIT_USAGE;
        }
        opt->observed[opt->n_observed++] = value;
    } else if (strcmp(name, "--out") == 0) {
        /* "out/" and "out" name one folder; drop trailing slashes so messages
         * read "out/report.txt". argv strings are the program's to modify. */
        char *end = (char *)value + strlen(value);
        while (end > value + 1 && end[-1] == '/')
            *--end = '\0';
        opt->out_dir = value;
    } else if (strcmp(name, "--as-of") == 0 || strcmp(name, "--horizon") == 0) {
        int year;
        if (!parse_year(value, &year)) {
            ts_msg_usage_error("%s expects a year in [%d, %d], got \"%s\"", name, TS_MIN_YEAR,
                               TS_MAX_YEAR, value);
            return TS_CLI_EXIT_USAGE;
        }
        *(name[2] == 'a' ? &opt->as_of : &opt->horizon) = year;
    } else if (strcmp(name, "--by") == 0) {
        if (!parse_year(value, &opt->by_year)) {
            ts_msg_usage_error("--by expects a year in [%d, %d], got \"%s\"", TS_MIN_YEAR,
                               TS_MAX_YEAR, value);
            return TS_CLI_EXIT_USAGE;
        }
    } else if (strcmp(name, "--compare") == 0) {
        opt->compare = value;
    } else if (strcmp(name, "--lang") == 0) {
        if (strcmp(value, "en") != 0 && strcmp(value, "zh") != 0) {
            ts_msg_usage_error("--lang expects en or zh, got \"%s\"", value);
            return TS_CLI_EXIT_USAGE;
        }
        opt->lang = value[0] == 'z' ? TS_LANG_ZH : TS_LANG_EN;
    } else if (strcmp(name, "--sweep") == 0) {
        return add_sweep(value, opt);
    } else if (strcmp(name, "--band") == 0) {
        return set_band(value, opt);
    } else if (strcmp(name, "--rule") == 0) {
        return set_rule(value, opt);
    } else {
        return set_number(name, value, opt);
    }
    return TS_CLI_RUN;
}

int ts_cli_parse(int argc, char **argv, ts_cli_options *opt)
{
    static const char *const WITH_VALUE[] = {"--plan",    "--scenario", "--out",   "--as-of",
                                             "--horizon", "--lang",     "--by",    "--compare",
                                             "--draws",   "--seed",     "--threads", "--sweep",
                                             "--band",    "--rule",     "--observed", NULL};
    memset(opt, 0, sizeof *opt);
    opt->out_dir = "out";
    opt->as_of = TS_AS_OF_LATEST;
    opt->rule = -1;
    opt->draws = TS_MC_DEFAULT_DRAWS;
    opt->seed = TS_MC_DEFAULT_SEED;
    opt->threads = default_threads();
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            ts_msg_help();
            return TS_CLI_EXIT_OK;
        }
        if (strcmp(arg, "--version") == 0) {
            ts_msg_version();
            return TS_CLI_EXIT_OK;
        }
        if (strcmp(arg, "--quiet") == 0 || strcmp(arg, "-q") == 0) {
            opt->quiet = true;
            continue;
        }
        if (strcmp(arg, "--no-render") == 0) {
            opt->no_render = true;
            continue;
        }
        if (strcmp(arg, "--csv-bom") == 0) {
            opt->csv_bom = true;
            continue;
        }
        if (strcmp(arg, "--backtest") == 0) {
            opt->backtest = true;
            continue;
        }
        const char *eq = strchr(arg, '=');
        char name[32];
        size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
        snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), arg);
        bool known = false;
        for (const char *const *w = WITH_VALUE; *w && !known; w++)
            known = strcmp(*w, name) == 0;
        if (!known) {
            if (arg[0] == '-')
                ts_msg_usage_error("unknown option \"%s\"", arg);
            else
                ts_msg_usage_error("unexpected argument \"%s\"", arg);
            return TS_CLI_EXIT_USAGE;
        }
        const char *value = take_value(argc, argv, &i, name, eq);
        if (!value)
            return TS_CLI_EXIT_USAGE;
        int rc = set_option(name, value, opt);
        if (rc != TS_CLI_RUN)
            return rc;
    }
    if (!opt->plan) {
        bool out_of_memory;
        char *dir = ts_cli_data_dir(&out_of_memory);
        if (out_of_memory)
            return TS_CLI_EXIT_NOMEM;
        if (!dir) {
            ts_msg_usage_error("cannot find the bundled plan %s; give --plan FILE or set "
                               "TARGETSIM_DATA_DIR",
                               BUNDLED_PLAN);
            return TS_CLI_EXIT_USAGE;
        }
        size_t n = strlen(dir) + sizeof BUNDLED_PLAN + 1;
        opt->plan = malloc(n);
        if (opt->plan)
            snprintf(opt->plan, n, "%s/%s", dir, BUNDLED_PLAN);
        free(dir);
    }
    if (!opt->plan)
        return TS_CLI_EXIT_NOMEM;
    return TS_CLI_RUN;
}

void ts_cli_options_free(ts_cli_options *opt)
{
    free(opt->plan);
    opt->plan = NULL;
}
