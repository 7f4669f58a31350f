/* chart_labels.c - the charts' fixed words in English and Chinese, and the
 * choice of a text's language. Status names match report.txt. */
#include "chart_internal.h"

static const ts_chart_labels EN = {
    "Year", "History", "Observed", "Interpolated (no observation)", "Target", "Target year",
    "as of",
    {"reached in ", ""}, {"not reached by ", ""},
    "Value in the target year as % of the target", "% of target",
    "bars coloured by status; 100 % = target met",
    "Growth needed to meet each target vs growth in each scenario", "% per year",
    "Needed",
    "constant rates from the as-of year to the target year (years in brackets); "
    "realised rates where the target year is observed",
    {"no target", "achieved", "missed", "on track", "moderate", "insufficient", "moving away"},
    "Range of outcomes (Monte Carlo)", "90 % of draws", "50 % of draws", "median",
    "bands: the middle 90 % and 50 % of the simulated paths",
    "Which assumption matters most", "assumption 1 sd lower", "assumption 1 sd higher",
    "central value",
    "value in the target year with one assumption moved by one standard deviation",
    "Backtest: projections from the base year against what was observed",
    "MAPE: mean absolute percentage error over the observed years",
    "Difference from the reference scenario in the target year", "% of the reference",
    "reference scenario:",
    "Value in the target year as % of the target, over the swept assumptions",
    "Probability of meeting the target, over the swept assumptions", "probability",
};

static const ts_chart_labels ZH = {
    "年份", "历史值", "实际值", "插值（无观测）", "目标", "目标年", "截至",
    {"", "年达到"}, {"至", "年未达到"},
    "目标年数值占目标的百分比", "占目标 %",
    "颜色表示状态；100% 即达到目标",
    "实现目标所需年增速与各情景年增速", "年增速 %",
    "所需", "自截至年至目标年的年均增速（括号内为年份）；目标年已有实际值的指标为实际增速",
    {"无目标", "已实现", "未实现", "可如期实现", "进展一般", "进展不足", "偏离目标"},
    "结果区间（蒙特卡洛模拟）", "90% 模拟结果", "50% 模拟结果", "中位数",
    "色带：模拟路径中间 90% 与 50% 的范围",
    "各项假设的影响大小", "假设下调 1 个标准差", "假设上调 1 个标准差", "基准值",
    "单项假设变动一个标准差时目标年的数值",
    "回测：基期起的预测与实际值对比",
    "MAPE：各实际年份的平均绝对百分比误差",
    "目标年数值与参照情景之差", "占参照情景 %",
    "参照情景：",
    "各扫描假设下目标年数值占目标的百分比",
    "各扫描假设下达到目标的概率", "概率",
};

const ts_chart_labels *ts_chart_labels_for(ts_lang lang)
{
    return lang == TS_LANG_ZH ? &ZH : &EN;
}

