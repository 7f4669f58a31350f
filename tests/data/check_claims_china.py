#!/usr/bin/env python3
"""Every numeric claim of the national trend scenario (china-trend.json),
recomputed from the national plan's figures (CTest data/claims_china).

Each row: the English and Chinese fragments that carry the number, a formula
over the figures of scenarios/china-14fyp.json, the number as printed and
its decimals; the driver or sd the claim sets is checked against it too.
Python 3 standard library only."""
import json
import statistics
import sys
from pathlib import Path

SCEN = Path(__file__).resolve().parents[2] / "scenarios"
PLAN = json.loads((SCEN / "china-14fyp.json").read_text(encoding="utf-8"))
SC = json.loads((SCEN / "china-trend.json").read_text(encoding="utf-8"))


def fig(ind, year):
    i = PLAN["indicators"][ind]
    if year == PLAN["base_year"] and "baseline" in i and "baseline_year" not in i:
        v = i["baseline"]
    else:
        v = i["actual"][str(year)]
    return v["value"] if isinstance(v, dict) else v


def mean(ind, years):
    return statistics.mean(fig(ind, y) for y in years)


def step(ind, a, b, n):
    return (fig(ind, b) - fig(ind, a)) / n


def diffs(ind, years):
    return [fig(ind, b) - fig(ind, a) for a, b in zip(years, years[1:])]


def sd(xs):
    return statistics.stdev(xs)


A = SC["assumptions"]
S = SC["uncertainty"]["sd"]
# (English fragment, Chinese fragment, value, printed, decimals, scenario number or None)
R = [
    ("((5.2 + 5.0 + 5.0) / 3 = 5.067)", "（(5.2 + 5.0 + 5.0) / 3 = 5.067）", mean("gdp_growth", [2023, 2024, 2025]), "5.067", 3, A["gdp_growth"]["level"]),
    ("5.90 % ((5.7 + 6.1) / 2", "5.90%（(5.7 + 6.1) / 2", mean("labour_productivity_growth", [2023, 2025]), "5.90", 2, A["labour_productivity_growth"]["level"]),
    ("8.65 % ((8.4 + 8.9) / 2", "8.65%（(8.4 + 8.9) / 2", mean("rd_growth", [2023, 2024]), "8.65", 2, A["rd_growth"]["level"]),
    ("5.40 % ((6.1 + 5.1 + 5.0) / 3)", "5.40%（(6.1 + 5.1 + 5.0) / 3）", mean("income_growth", [2023, 2024, 2025]), "5.40", 2, A["income_growth"]["level"]),
    ("(-0.5 - 3.8 - 5.1) / 3 = -3.133", "(−0.5 − 3.8 − 5.1) / 3 = −3.133", mean("energy_intensity", [2023, 2024, 2025]), "-3.133", 3, A["energy_intensity"]["level"]),
    ("-4.20 % a year ((-3.4 - 5.0) / 2", "−4.20%（(−3.4 − 5.0) / 2", mean("co2_intensity", [2024, 2025]), "-4.20", 2, A["co2_intensity"]["level"]),
    ("+0.89 points a year ((67.89 - 65.22) / 3", "+0.89个百分点（(67.89 − 65.22) / 3", step("urbanisation", 2022, 2025, 3), "0.89", 2, A["urbanisation"]["add"]),
    ("+2.2 per 10,000 people ((16 - 9.4) / 3", "+2.2件（(16 − 9.4) / 3", step("patents_per_10k", 2022, 2025, 3), "2.2", 1, A["patents_per_10k"]["add"]),
    ("+0.70 points ((9.9 - 7.8) / 3", "+0.70个百分点（(9.9 − 7.8) / 3", step("digital_share", 2020, 2023, 3), "0.70", 2, A["digital_share"]["add"]),
    ("+0.1 years ((11.3 - 10.9) / 4", "+0.1年（(11.3 − 10.9) / 4", step("schooling_years", 2021, 2025, 4), "0.1", 1, A["schooling_years"]["add"]),
    ("+0.19 per 1,000 ((3.61 - 3.04) / 3", "+0.19人（(3.61 − 3.04) / 3", step("doctors_per_1000", 2021, 2024, 3), "0.19", 2, A["doctors_per_1000"]["add"]),
    ("+0.683 per 1,000 ((4.08 - 2.03) / 3", "+0.683个（(4.08 − 2.03) / 3", step("nursery_places", 2021, 2024, 3), "0.683", 3, A["nursery_places"]["add"]),
    ("(4.08 / 2.03)^(1/3) - 1 = 26.2 %", "(4.08 / 2.03)^(1/3) − 1 = 26.2%", ((fig("nursery_places", 2024) / fig("nursery_places", 2021)) ** (1 / 3) - 1) * 100, "26.2", 1, None),
    ("4.08 x 1.262^11 = 52.8", "4.08 × 1.262^11 = 52.8", fig("nursery_places", 2024) * 1.262 ** 11, "52.8", 1, None),
    ("+0.2625 years ((79.25 - 78.2) / 4", "+0.2625岁（(79.25 − 78.2) / 4", step("life_expectancy", 2021, 2025, 4), "0.2625", 4, A["life_expectancy"]["add"]),
    ("((91.4 - 87.9) / 3 = 1.167", "（(91.4 − 87.9) / 3 = 1.167", step("surface_water", 2022, 2025, 3), "1.167", 3, None),
    ("91.4 + 7 x 1.17 = 99.59", "91.4 + 7 × 1.17 = 99.59", fig("surface_water", 2025) + 7 * 1.17, "99.59", 2, None),
    ("would give 100.76", "再加一步为100.76", fig("surface_water", 2025) + 8 * 1.17, "100.76", 2, None),
    ("+0.357 points ((25.09 - 24.02) / 3", "+0.357个百分点（(25.09 − 24.02) / 3", step("forest_coverage", 2022, 2025, 3), "0.357", 3, A["forest_coverage"]["add"]),
    ("(7.14875 - 6.8653) / 3 = 0.09448", "(7.14875 − 6.8653) / 3 = 0.09448", step("grain_capacity", 2022, 2025, 3), "0.09448", 5, None),
    ("((5.2 + 5.1 + 5.2) / 3 = 5.167", "（(5.2 + 5.1 + 5.2) / 3 = 5.167", mean("unemployment", [2023, 2024, 2025]), "5.167", 3, A["unemployment"]["level"]),
    ("((85.5 + 87.2 + 89.3) / 3 = 87.333", "（(85.5 + 87.2 + 89.3) / 3 = 87.333", mean("good_air_days", [2023, 2024, 2025]), "87.333", 3, A["good_air_days"]["level"]),
]
U = [
    ("GDP growth 0.12 (values 5.2, 5.0, 5.0: s = 0.115)", "GDP增速0.12（5.2、5.0、5.0：s = 0.115）", sd([fig("gdp_growth", y) for y in (2023, 2024, 2025)]), "0.115", 3, S["gdp_growth"], 2),
    ("income growth 0.61 (6.1, 5.1, 5.0: 0.608)", "收入增速0.61（6.1、5.1、5.0：0.608）", sd([fig("income_growth", y) for y in (2023, 2024, 2025)]), "0.608", 3, S["income_growth"], 2),
    ("(-0.5, -3.8, -5.1: 2.371)", "（−0.5、−3.8、−5.1：2.371）", sd([fig("energy_intensity", y) for y in (2023, 2024, 2025)]), "2.371", 3, S["energy_intensity"], 2),
    ("unemployment 0.058 (5.2, 5.1, 5.2: 0.0577)", "失业率0.058（5.2、5.1、5.2：0.0577）", sd([fig("unemployment", y) for y in (2023, 2024, 2025)]), "0.0577", 4, S["unemployment"], 3),
    ("good-air days 1.90 (85.5, 87.2, 89.3: 1.904)", "优良天数比率1.90（85.5、87.2、89.3：1.904）", sd([fig("good_air_days", y) for y in (2023, 2024, 2025)]), "1.904", 3, S["good_air_days"], 2),
    ("urbanisation 0.05 (changes 0.94, 0.84, 0.89)", "城镇化率0.05（年度变化0.94、0.84、0.89）", sd(diffs("urbanisation", [2022, 2023, 2024, 2025])), "0.05", 2, S["urbanisation"], 2),
    ("patents 0.2 (2.4, 2.2, 2.0)", "高价值发明专利0.2（2.4、2.2、2.0）", sd(diffs("patents_per_10k", [2022, 2023, 2024, 2025])), "0.2", 1, S["patents_per_10k"], 1),
    ("doctors 0.072 (0.11, 0.25, 0.21: 0.0721)", "医师数0.072（0.11、0.25、0.21：0.0721）", sd(diffs("doctors_per_1000", [2021, 2022, 2023, 2024])), "0.0721", 4, S["doctors_per_1000"], 3),
    ("nursery places 0.206 (0.47, 0.88, 0.70: 0.2055)", "托位数0.206（0.47、0.88、0.70：0.2055）", sd(diffs("nursery_places", [2021, 2022, 2023, 2024])), "0.2055", 4, S["nursery_places"], 3),
    ("surface water 0.29 (1.5, 1.0, 1.0: 0.289)", "地表水0.29（1.5、1.0、1.0：0.289）", sd(diffs("surface_water", [2022, 2023, 2024, 2025])), "0.289", 3, S["surface_water"], 2),
    ("grain output 0.0144 (0.0888, 0.1109, 0.08375: 0.01444)", "粮食产量0.0144（0.0888、0.1109、0.08375：0.01444）", sd(diffs("grain_capacity", [2022, 2023, 2024, 2025])), "0.01444", 5, S["grain_capacity"], 4),
]


def norm(t):
    return t.replace("−", "-").replace("×", "x")


def printed(v, d):
    return f"{v:.{d}f}"


failures = []
rat, met = SC["rationale"], SC["uncertainty"]["method"]
for en, zh, value, shown, dec, scen in R:
    for lang, frag in (("en", en), ("zh", zh)):
        if norm(frag) not in norm(rat[lang]):
            failures.append(f"rationale.{lang}: fragment not found: {frag}")
    if printed(value, dec) != shown:
        failures.append(f"{en}: recomputed {value!r} prints {printed(value, dec)}, the text says {shown}")
    if scen is not None and abs(scen - value) > 0.5 * 10 ** -min(dec, len(repr(scen).split('.')[-1]) if '.' in repr(scen) else 0) + 1e-12:
        failures.append(f"{en}: the scenario's {scen} is not {value!r} at its precision")
for en, zh, value, shown, dec, scen, sdec in U:
    for lang, frag in (("en", en), ("zh", zh)):
        if norm(frag) not in norm(met[lang]):
            failures.append(f"method.{lang}: fragment not found: {frag}")
    if printed(value, dec) != shown:
        failures.append(f"{en}: recomputed {value!r} prints {printed(value, dec)}, the text says {shown}")
    if printed(scen, sdec) != printed(value, sdec):
        failures.append(f"{en}: the sd {scen} is not {value!r} rounded to {sdec} decimals")
for f in failures:
    print("FAIL:", f)
print(f"{len(R)} rationale claims and {len(U)} sds checked")
sys.exit(1 if failures else 0)
