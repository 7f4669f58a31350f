/* strings_en.c - the English words of the reports and charts (see strings.h). */
#include "strings.h"

const ts_strings ts_strings_en = {
    .status = {
        [TS_NO_TARGET] = "no target",
        [TS_ACHIEVED] = "achieved",
        [TS_MISSED] = "missed",
        [TS_ON_TRACK] = "on track",
        [TS_MODERATE] = "moderate",
        [TS_INSUFFICIENT] = "insufficient",
        [TS_MOVING_AWAY] = "moving away",
        [TS_ACHIEVED_EARLY] = "achieved early",
        [TS_AHEAD] = "ahead",
        [TS_ON_SCHEDULE] = "on schedule",
        [TS_LAGGING] = "lagging",
        [TS_HELD] = "held",
        [TS_BREACHED] = "breached",
        [TS_NOT_SCORED] = "not scored",
        [TS_PENDING_DATA] = "pending data",
        [TS_NO_DATA] = "no data yet",
    },
    .not_by = {"not by ", ""},
    .report = {
        .title = "targetsim report",
        .base = "Base year",
        .target_year = "target year",
        .horizon = "horizon",
        .observed_to = "observations up to",
        .observed_all = "all observations used",
        .plan_file = "Plan file",
        .indicators_title = "Indicators",
        .verdict_title = "Verdict: targets whose year is observed",
        .verdict_note =
            "Observed figures decide these targets in every scenario. Growth rates are constant "
            "yearly rates from the base year.",
        .needed_by = {"Needed/yr by ", ""},
        .scenario = "Scenario",
        .rationale = "Rationale",
        .chain = "Files",
        .uncertainty = "Uncertainty",
        .fitted_growth = "Fitted growth",
        .col_indicator = "Indicator",
        .col_unit = "Unit",
        .col_baseline = "Baseline",
        .col_target = "Target",
        .col_as_of = "As of",
        .col_value = "Value in target year",
        .col_ratio = "% of target",
        .col_probability = "P(target)",
        .col_required = "Needed/yr",
        .col_scenario = "Scenario/yr",
        .col_attained = "Attained in",
        .col_status = "Status",
        .col_flags = "Flags",
        .col_observed = "Observed",
        .col_shortfall = "Shortfall",
        .col_needed = "Needed/yr",
        .col_realised = "Realised/yr",
        .input_row = "input, no target",
        .per_year = "/yr",
        .decided = "decided",
        .decided_by_data = "decided by the observed figures",
        .attained_title = "Attained by year, share of draws:",
        .required_title =
            "Driver growth that hits the target exactly (constant from the driver's as-of year, "
            "the other drivers as in the scenario):",
        .even_odds = {"; even odds by ", ""},
        .revised = {" (revised ", ")"},
        .backtest = {
            .mape = "MAPE",
            .remark = "Note",
            .closest = "closest",
            .in_sample = "in sample",
        },
        .compare = {
            .title = "Comparison with scenario",
            .note =
                "Differences are the scenario minus the reference scenario. Probabilities of "
                "attainment in the target year come from the Monte Carlo draws and cover each "
                "indicator's own target, not its revisions.",
            .note_no_draws =
                "Differences are the scenario minus the reference scenario. Probabilities come "
                "from Monte Carlo draws, which this run has not made.",
            .difference = "Difference",
            .probability = "Probability",
            .reference = "(reference)",
        },
        .assumptions_title = "Flagged assumptions (figures without a source)",
        .notes_title = "Notes",
        .prov_baseline = "baseline",
        .prov_target = "target",
        .prov_bibliography = "Bibliography: the publications cited",
        .sources_title = "Sources",
        .method =
            "How each status is decided: docs/methodology.md. Needed/yr = constant yearly growth "
            "from the as-of year that reaches the target in the target year; Scenario/yr = the "
            "scenario path's own rate over the same years.",
    },
    .table = {
        .title = "Plan table: the observed record against time elapsed",
        .lead =
            "Each target as the plan writes it, its latest observed figure, the share of the "
            "period elapsed and of the required change achieved (progress), and the status "
            "(docs/methodology.md, section 10). Rows keep the plan's order and categories.",
        .evaluated = {"evaluated as of ", ""},
        .rule_elapsed = "rule: progress against time elapsed, pace band",
        .rule_sdg = "rule: observed against required growth (Eurostat, Open SDG)",
        .col_attribute = "Attribute",
        .col_latest = "Latest",
        .col_elapsed = "Elapsed",
        .col_progress = "Progress",
        .col_record = "Status",
        .attribute = {[TS_ATTRIBUTE_NONE] = "-", [TS_ATTRIBUTE_EXPECTED] = "expected",
                      [TS_ATTRIBUTE_BINDING] = "binding"},
        .input = "input",
        .uncategorised = "Other indicators",
        .targets = "targets",
        .count_sep = ", ",
        .binding = "binding",
        .binding_none = "no binding target lagging, breached or missed",
        .nowcast = "nowcast",
        .every_year = "every year",
        .cumulative = "cumulative",
        .per_year = "/yr",
        .times = "x",
        .relative = "vs",
        .change = "change",
        .tolerance = "+/-",
        .notes_title = "Notes to the plan's table",
    },
    .html = {
        .html_lang = "en",
        .kicker = "targetsim · target-tracking report",
        .title_suffix = "targetsim report",
        .base_year = "Base year",
        .target_year = "Target year",
        .horizon = "Horizon",
        .as_of = "As of",
        .all_used = "all observations used",
        .ignored_after = {"observations after ", " ignored (--as-of)"},
        .scenarios = "Scenarios",
        .plan_file = "Plan file",
        .generated = "Generated by",
        .summary_title = "Summary: every target under every scenario",
        .summary_lead =
            "For each target and scenario: the value in the target year and its share of the "
            "target, the constant yearly growth needed from the last observed year against the "
            "scenario's own, the first year the target is met, and the status. Details per "
            "indicator follow.",
        .legend_title = "Status",
        .col_indicator = "Indicator",
        .col_target = "Target",
        .col_scenario = "Scenario",
        .col_value = "Value in target year",
        .col_ratio = "% of target",
        .col_required = "Needed<wbr>/yr",
        .col_scen_rate = "Scenario<wbr>/yr",
        .col_attained = "Attained in",
        .col_status = "Status",
        .col_observed = "Observed",
        .col_shortfall = "Shortfall",
        .col_needed = "Needed<wbr>/yr",
        .col_realised = "Realised<wbr>/yr",
        .col_value_in = {"Value in ", ""},
        .verdict_title = "Verdict: targets whose year is observed",
        .verdict_lead =
            "The target year is already observed for these targets, so the observations decide "
            "them in every scenario. Growth rates are constant yearly rates from the base year.",
        .overview_title = "Overview",
        .attainment_caption =
            "Value in the target year as a share of the target, per scenario, coloured by status.",
        .growth_caption = "Growth needed to meet each target against the growth of each scenario.",
        .unit = "Unit",
        .baseline = "Baseline",
        .derived_from = "Derived",
        .source = "Source",
        .note = "Note: ",
        .observations = "Observed values",
        .input_no_target = "Input, no target: the scenarios' values.",
        .verdict_line = {
            "Observed in ",
            ": ",
            ", ",
            " of the target: ",
            ". Shortfall ",
            "; needed ",
            "/yr from the base year, realised ",
            "/yr.",
        },
        .chart_missing = {
            [TS_HTML_CHARTS_RENDERED] =
                "Chart not included: gnuplot could not render it (see targetsim's error output).",
            [TS_HTML_CHARTS_NOT_RENDERED] = "Chart not included: targetsim ran with --no-render.",
            [TS_HTML_CHARTS_NO_GNUPLOT] = "Chart not included: gnuplot is not installed.",
            [TS_HTML_CHARTS_NO_TEMPLATES] =
                "Chart not included: the chart templates were not found (see "
                "TARGETSIM_TEMPLATE_DIR).",
        },
        .chart_files = "Its data and gnuplot script are next to this report:",
        .scenarios_title = "Scenarios",
        .rationale = "Rationale",
        .files = "Files",
        .assumptions_title = "Flagged assumptions",
        .assumptions_lead =
            "Figures without a stored source, and how they were made. Results that depend on them "
            "carry the flag.",
        .sources_title = "Sources",
        .method_title = "Method",
        .method_rules_title = "How each status is decided (a: last observed year, T: target year)",
        .method_rules = {
            "If the target year is observed (a ≥ T), the observation decides: achieved if it "
            "meets the target, otherwise missed.",
            "If the latest observation already meets the target: achieved.",
            "If the scenario's value in the target year meets the target: on track.",
            "Otherwise R = scenario growth / needed growth, both constant yearly rates from a to "
            "T: moderate if R ≥ 0.6, insufficient if 0 ≤ R < 0.6, moving away if R < 0 "
            "(Eurostat's SDG progress thresholds).",
            "When R is undefined (a value or target ≤ 0, or no growth needed), the direction "
            "decides: moving away if the path moves away from the target, otherwise insufficient.",
        },
        .method_defs_title = "Figures",
        .method_defs = {
            "Needed/yr = (target / value in a)^(1/(T − a)) − 1, the constant yearly growth from "
            "the last observed year that reaches the target in the target year.",
            "Scenario/yr = (value in T / value in a)^(1/(T − a)) − 1, the scenario path's own "
            "rate over the same years.",
            "% of target = value in T / target. Attained in = the first year whose value meets "
            "the target, up to the horizon.",
            "In the verdict on observed targets, needed and realised growth run from the base "
            "year; shortfall = target − observed value.",
        },
        .method_more =
            "The full method, with a worked example on the bundled plan, is docs/methodology.md "
            "in the targetsim sources (installed under share/doc/targetsim). report.json holds "
            "every number at full precision.",
        .status_help = {
            [TS_NO_TARGET] = "input without a target",
            [TS_ACHIEVED] = "the target is met by an observed value",
            [TS_MISSED] = "the target year is observed and the value falls short",
            [TS_ON_TRACK] = "the scenario meets the target in the target year",
            [TS_MODERATE] = "not met, but the scenario grows at 60% or more of the needed rate",
            [TS_INSUFFICIENT] = "the scenario grows at less than 60% of the needed rate",
            [TS_MOVING_AWAY] = "the scenario moves away from the target",
            [TS_ACHIEVED_EARLY] = "the latest figure already meets the target",
            [TS_AHEAD] = "progress at least 10% ahead of the time elapsed",
            [TS_ON_SCHEDULE] = "progress within 10% of the time elapsed",
            [TS_LAGGING] = "progress more than 10% behind the time elapsed",
            [TS_HELD] = "the bound held in every observed year",
            [TS_BREACHED] = "the bound was broken in some year",
            [TS_NOT_SCORED] = "a qualitative target, shown and not scored",
            [TS_PENDING_DATA] = "the target year has passed; its figure is not yet published",
            [TS_NO_DATA] = "nothing observed yet to judge progress by",
        },
        /* ---- report.html: Monte Carlo, analyses and every chart (issue 13) ---- */
        .mc_fact = "Monte Carlo",
        .mc_draws = {"", " draws per scenario, seed "},
        .mc_title = "Odds of attainment (Monte Carlo)",
        .mc_lead = "P(target) is the share of draws that meet the target in its target year, with "
                   "its 95% Wilson interval in brackets; <i>decided</i> marks a target the observed "
                   "figures settle, which no draw can change. The later columns give the share of "
                   "draws that have attained it by each year.",
        .col_by = {"by ", ""},
        .col_even_odds = "Even odds by",
        .backtest_title = {"Backtest: every scenario projected from ",
                           ", ignoring the observations after it"},
        .backtest_lead = "Each year's error is projected minus observed, in per cent of the "
                         "observed value; MAPE is the mean absolute percentage error over the "
                         "observed years; <i>closest</i> marks the scenario with the lowest MAPE "
                         "for the indicator (all of them on a tie); <i>in sample</i>: the "
                         "scenario's growth is fitted on a window that includes observed years "
                         "after the base year. backtest.csv has every year.",
        .sweep_title = "Sweep",
        .sweep_lead = "The first scenario evaluated over a grid of driver settings; sweep.csv has "
                      "every grid point and target.",
        .more_charts_title = "Other charts",
        .status_key = "Statuses: colour and symbol",
        .glance_title = "At a glance",
        .glance_record = "Observed record",
    },
    .chart = {
        .year = "Year",
        .history = "History",
        .observed = "Observed",
        .interpolated = "Interpolated (no observation)",
        .target = "Target",
        .target_year = "Target year",
        .as_of = "as of",
        .cumulative_since = {"cumulative change since ", ", %"},
        .average_since = {"average yearly rate since ", ", %"},
        .multiple_of = {"multiple of ", ""},
        .reached = {"reached in ", ""},
        .not_reached = {"not reached by ", ""},
        .sep_list = ", ",
        .sep_colon = ": ",
        .sep_aside = " — ",
        .attainment_title = "Value in the target year as % of the target",
        .attainment_axis = "% of target",
        .attainment_note = "bars coloured by status; 100 % = target met",
        .growth_title = "Growth needed to meet each target vs growth in each scenario",
        .growth_axis = "% per year",
        .growth_required = "Needed",
        .growth_note =
            "constant rates from the as-of year to the target year (years in brackets); realised "
            "rates where the target year is observed",
        .fan_title = "Range of outcomes (Monte Carlo)",
        .fan_band90 = "90 % of draws",
        .fan_band50 = "50 % of draws",
        .fan_median = "median",
        .fan_note = "bands: the middle 90 % and 50 % of the simulated paths",
        .fan_probability = {" (P(target) ", " %)"},
        .tornado_title = "Which assumption matters most",
        .tornado_low = "assumption 1 sd lower",
        .tornado_high = "assumption 1 sd higher",
        .tornado_central = "central value",
        .tornado_note =
            "value in the target year with one assumption moved by one standard deviation",
        .backtest_title = "Backtest: projections from the base year against what was observed",
        .backtest_note = "MAPE: mean absolute percentage error over the observed years",
        .backtest_in_sample = ", in sample",
        .compare_title = "Difference from the reference scenario in the target year",
        .compare_axis = "% of the reference",
        .compare_note = "reference scenario: ",
        .sweep_title = "Value in the target year as % of the target, over the swept assumptions",
        .sweep_probability_title = "Probability of meeting the target, over the swept assumptions",
        .sweep_probability = "probability",
        .sweep_model = {.growth = "growth", .add = "add", .level = "level"},
    },
};
