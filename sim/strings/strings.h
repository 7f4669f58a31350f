/* strings.h - every fixed word the reports and the charts print, one struct
 * per language (strings_en.c, strings_zh.c). Private to the engine.
 *
 * Each language fills the struct with designated initializers, so a label
 * cannot land in the wrong field, and a forgotten one is NULL, which
 * test_strings catches: every member, nested ones included, is a
 * const char *, and the test reads the struct as an array of them.
 *
 * What is not here: sentences with printf conversions (the Monte Carlo
 * line of report.txt, the backtest's explanation, fit sentences, ...). They
 * stay string literals beside their arguments, where -Wformat checks each
 * conversion against its argument; a format read from a table could not be
 * checked. A phrase around a single number is here as a ts_around instead.
 * report.json's status and direction names are ts_verdict_name and
 * ts_direction_name, not translations: they are not here either. */
#ifndef TS_STRINGS_H
#define TS_STRINGS_H

#include "targetsim/assess.h"
#include "targetsim/html.h"
#include "targetsim/report.h"

enum {
    TS_N_HTML_CHARTS = TS_HTML_CHARTS_NO_TEMPLATES + 1,
    TS_N_METHOD_RULES = 5,
    TS_N_METHOD_DEFS = 4
};

/* The words before and after a number: "not by " 2035 "" is "至" 2035
 * "年未达成" in Chinese. Pieces, not a printf format, so a translation can
 * never hand printf a wrong conversion. Either may be "". */
typedef struct ts_around {
    const char *before, *after;
} ts_around;

/* report.txt, its backtest and comparison sections included. */
typedef struct ts_report_words {
    const char *title, *base, *target_year, *horizon, *observed_to, *observed_all, *plan_file;
    const char *indicators_title;
    const char *verdict_title, *verdict_note;
    ts_around needed_by; /* the --by column's head */
    const char *scenario, *rationale, *chain, *uncertainty, *fitted_growth;
    const char *col_indicator, *col_unit, *col_baseline, *col_target, *col_as_of, *col_value,
        *col_ratio, *col_probability, *col_required, *col_scenario, *col_attained, *col_status,
        *col_flags, *col_observed, *col_shortfall, *col_needed, *col_realised;
    const char *input_row, *per_year, *attained_title, *required_title;
    const char *decided;         /* in place of a probability the observations settle */
    const char *decided_by_data; /* the same, in the attainment-by-year lines */
    /* A growth that reaches a target but lies beyond +-30 % a year: the
     * mark after the Needed/yr cell, the note under the table explaining
     * it, and the word after a required driver growth. */
    const char *implausible_mark, *implausible_note;
    ts_around implausible; /* around the word, e.g. " (implausible)" */
    ts_around even_odds;
    ts_around revised; /* after an indicator's name: a revised target and its year */
    struct {
        const char *mape, *remark, *closest, *in_sample;
    } backtest;
    struct {
        const char *title, *note, *note_no_draws, *difference, *probability, *reference;
    } compare;
    const char *assumptions_title, *notes_title, *sources_title, *method;
    const char *prov_baseline;     /* "baseline: <source>" in the provenance lines */
    const char *prov_target;       /* "target: <source>" */
    const char *prov_bibliography; /* the cited publications in full */
} ts_report_words;

/* The plan-table view (report.txt, report.html, table.csv): each row as the
 * plan's table prints it beside its observed record. */
typedef struct ts_table_words {
    const char *title, *lead;
    ts_around evaluated;  /* around the evaluation year */
    const char *rule_elapsed, *rule_sdg;
    const char *col_attribute, *col_latest, *col_elapsed, *col_progress, *col_record;
    const char *attribute[3]; /* by ts_attribute: "", expected, binding */
    const char *input;        /* the status of an indicator without a target */
    const char *uncategorised;
    /* The counts line: "<n> targets: 3 achieved early, ...; binding lagging: a, b". */
    const char *targets, *count_sep, *binding, *binding_none, *nowcast;
    /* A target written from its kind when the plan gives no "as_written". */
    const char *every_year, *cumulative, *per_year, *times, *relative, *change, *tolerance;
    const char *notes_title;
} ts_table_words;

/* report.html. Labels are HTML already (some hold <wbr>); input text is
 * escaped where it is written, these are not. */
typedef struct ts_html_words {
    const char *html_lang, *kicker, *title_suffix;
    const char *base_year, *target_year, *horizon, *as_of, *all_used;
    ts_around ignored_after;
    const char *scenarios, *plan_file, *generated;
    const char *summary_title, *summary_lead, *legend_title;
    const char *col_indicator, *col_target, *col_scenario, *col_value, *col_ratio,
        *col_required, *col_scen_rate, *col_attained, *col_status, *col_observed,
        *col_shortfall, *col_needed, *col_realised;
    ts_around col_value_in;
    const char *verdict_title, *verdict_lead;
    const char *overview_title, *attainment_caption, *growth_caption;
    const char *unit, *baseline, *derived_from, *source, *note, *observations, *input_no_target;
    /* "Observed in " T ": " value ", " ratio " of the target: " status
     * ". Shortfall " shortfall "; needed " needed "/yr ..., realised "
     * realised "/yr.": the pieces between the seven values. */
    const char *verdict_line[8];
    /* Why a chart is missing, by the run's ts_html_charts; with
     * TS_HTML_CHARTS_RENDERED a missing chart failed to render. */
    const char *chart_missing[TS_N_HTML_CHARTS];
    const char *chart_files;
    const char *scenarios_title, *rationale, *files;
    const char *assumptions_title, *assumptions_lead, *sources_title;
    const char *method_title, *method_rules_title, *method_rules[TS_N_METHOD_RULES];
    const char *method_defs_title, *method_defs[TS_N_METHOD_DEFS], *method_more;
    const char *status_help[TS_N_VERDICTS]; /* the legend's explanation of each status */
    /* ---- report.html: Monte Carlo, analyses and every chart (issue 13) ---- */
    const char *mc_fact;        /* the cover's fact label */
    ts_around mc_draws;         /* around the draws per scenario, then the seed */
    const char *mc_title, *mc_lead;
    ts_around col_by;           /* "by 2030" */
    const char *col_even_odds;
    ts_around backtest_title;   /* around the base year */
    const char *backtest_lead, *sweep_title, *sweep_lead, *more_charts_title;
    const char *status_key;     /* the legend: "colour and symbol" */
    const char *glance_title, *glance_record; /* page 1's summary box */
} ts_html_words;

/* The charts' titles, axes, legends and notes. */
typedef struct ts_chart_words {
    const char *year, *history, *observed, *interpolated, *target, *target_year, *as_of;
    ts_around reached, not_reached; /* a scenario's attainment year in the legend */
    /* A revised target's marker label, around its year, before "SIGN
     * VALUE": "revised for 2027: ≥ 10,000", "修订目标：2027年 ≥ 10,000". */
    ts_around revised_target;
    /* The y axis when a chart plots a rate's cumulative statistic, around the
     * base year. */
    ts_around cumulative_since, average_since, multiple_of;
    /* Between two parts of a title: a list, a label and its text, a name
     * and a remark on it. */
    const char *sep_list, *sep_colon, *sep_aside;
    const char *attainment_title, *attainment_axis, *attainment_note;
    const char *growth_title, *growth_axis, *growth_required, *growth_note;
    /* fan-ID: Monte Carlo bands */
    const char *fan_title, *fan_band90, *fan_band50, *fan_median, *fan_note;
    ts_around fan_probability; /* around a percentage */
    /* tornado-ID: one sd either way */
    const char *tornado_title, *tornado_low, *tornado_high, *tornado_central, *tornado_note;
    /* backtest-ID: ex-ante paths against the observations */
    const char *backtest_title, *backtest_note, *backtest_in_sample;
    /* compare: each scenario against the reference; the note is followed
     * directly by the reference's name */
    const char *compare_title, *compare_axis, *compare_note;
    /* sweep-ID, sweepprob-ID */
    const char *sweep_title, *sweep_probability_title, *sweep_probability;
    /* What a sweep axis moves, by the scenario key of its model. */
    struct {
        const char *growth, *add, *level;
    } sweep_model;
} ts_chart_words;

/* report.xlsx (sim/xlsx): sheet names (at most 31 characters, none of
 * []:*?/\\'), column heads and the words of its cells. */
typedef struct ts_xlsx_words {
    const char *plan_sheet, *verdict_sheet, *fan_sheet, *tornado_sheet, *sweep_sheet,
        *sources_sheet;
    const char *paths_prefix; /* before a scenario's name: its sheet of paths */
    const char *category, *indicator, *id, *unit, *attribute, *measure, *kind, *baseline_year,
        *baseline, *target_written, *target, *direction, *tolerance, *target_year, *as_of,
        *latest, *elapsed, *progress, *pace, *status;
    const char *scenario, *value_at_target_year, *completion, *required_growth,
        *scenario_growth, *required_rate, *scenario_rate, *attainment_year, *probability,
        *probability_low, *probability_high;
    const char *year, *path_kind, *probability_by;
    const char *driver, *shift, *base_value, *value_low, *value_high, *swing;
    const char *axis, *axis_value;
    const char *key, *title, *publisher, *date, *url, *gives, *notes;
    const char *target_kind[6]; /* by ts_target_kind */
    const char *point_kind[4];  /* by ts_point_kind */
    const char *measure_kind[2]; /* by ts_measure */
    const char *no_draws;       /* the Monte Carlo sheet of a run without draws */
    const char *chart_note;     /* under each indicator's chart */
} ts_xlsx_words;

/* The source of a value read from an observed-values CSV file (--observed):
 * FILE line N (SOURCE; replaces the plan's X). */
typedef struct ts_observed_words {
    ts_around line;           /* around the line number, after the file name */
    const char *open, *close; /* around the source column's text and the remark */
    const char *sep;          /* between the two */
    const char *replaces;     /* before the plan's own value that the row replaced */
} ts_observed_words;

typedef struct ts_strings {
    /* Status names as people read them, by ts_verdict: the same in
     * report.txt, report.html and the charts. */
    const char *status[TS_N_VERDICTS];
    ts_around not_by; /* a target not attained by the horizon year */
    ts_report_words report;
    ts_table_words table;
    ts_html_words html;
    ts_chart_words chart;
    ts_xlsx_words xlsx;
    ts_observed_words observed;
} ts_strings;

extern const ts_strings ts_strings_en;
extern const ts_strings ts_strings_zh;

/* The words of `lang` (static). */
const ts_strings *ts_strings_for(ts_lang lang);

#endif
