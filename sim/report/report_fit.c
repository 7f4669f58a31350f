/* report_fit.c - fitted growth drivers in the reports: the rate, its
 * standard error, the window and the sd it lends to Monte Carlo. */
#include <stdio.h>

#include "base/buffer.h"
#include "base/text.h"
#include "format.h"
#include "json_out.h"
#include "report_parts.h"
#include "strings/strings.h"

cJSON *ts_report_fit_json(const ts_fit *fit)
{
    if (!fit->present)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "first_year", fit->first_year);
    cJSON_AddNumberToObject(o, "last_year", fit->last_year);
    cJSON_AddNumberToObject(o, "observations", (double)fit->n);
    cJSON_AddNumberToObject(o, "first_point_year", fit->first_point_year);
    ts_jout_number(o, "first_value", fit->first_value);
    ts_jout_number(o, "slope", fit->slope);
    ts_jout_number(o, "slope_se", fit->slope_se);
    ts_jout_number(o, "rate", fit->rate);
    ts_jout_number(o, "rate_se", fit->rate_se);
    cJSON_AddNumberToObject(o, "growth_pairs", (double)fit->n_pairs);
    ts_jout_number(o, "growth_sd", fit->growth_sd);
    cJSON_AddBoolToObject(o, "sd_applied", fit->sd_applied);
    return o;
}

/* One sentence per fit, e.g. "10.3%/yr (s.e. 3.2%), fitted on 2015-2020
 * (6 observations); residual sd of yearly growth 13.8%, used as the Monte
 * Carlo sd". */
static void fit_sentence(const ts_fit *fit, ts_lang lang, char *buf, size_t size)
{
    char rate[24], se[24], sd[24];
    ts_fmt_percent(fit->rate, rate, sizeof rate);
    ts_fmt_percent(fit->rate_se, se, sizeof se);
    ts_fmt_percent(fit->growth_sd, sd, sizeof sd);
    if (lang == TS_LANG_ZH)
        snprintf(buf, size,
                 "年增速%s（标准误%s），按%d—%d年实际值（%zu个）对数线性拟合；年增速残差标准差%s%s",
                 rate, se, fit->first_year, fit->last_year, fit->n, sd,
                 fit->sd_applied ? "，用作蒙特卡洛标准差" : "");
    else
        snprintf(buf, size,
                 "%s/yr (s.e. %s), ln(value) fitted on %d-%d (%zu observations); residual sd of "
                 "yearly growth %s%s",
                 rate, se, fit->first_year, fit->last_year, fit->n, sd,
                 fit->sd_applied ? ", used as the Monte Carlo sd" : "");
}

void ts_report_fit_text(const ts_run *run, const ts_scenario_result *r, ts_lang lang,
                        ts_buffer *out)
{
    const ts_plan *plan = run->plan;
    for (size_t i = 0; i < plan->n_indicators; i++) {
        const ts_fit *fit = &r->scenario->assumptions[i].fit;
        if (!fit->present)
            continue;
        char sentence[512], text[768];
        fit_sentence(fit, lang, sentence, sizeof sentence);
        snprintf(text, sizeof text, "%s: %s", ts_indicator_name(&plan->indicators[i], lang),
                 sentence);
        ts_fmt_wrapped(out, ts_strings_for(lang)->report.fitted_growth, text, 96);
    }
}
