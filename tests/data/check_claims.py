#!/usr/bin/env python3
"""Every numeric claim of the Taiyuan scenarios' texts, recomputed from the
plan's own figures (CTest data/claims).

Each row of CLAIMS names a file, a text field, the fragment that carries the
number in English and in Chinese, a formula over the figures of
scenarios/taiyuan-14fyp.json (and the scenario drivers), and the number as
printed. The test finds both fragments in the file, checks the printed
number is inside each fragment, and checks the formula rounds to it at the
printed precision. Python 3 standard library only.
"""
import json
import math
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCEN = ROOT / "scenarios"


def load(name):
    with open(SCEN / name, encoding="utf-8") as f:
        return json.load(f)


PLAN = load("taiyuan-14fyp.json")
FILES = {n: load(n) for n in ("trend.json", "plan-pace.json", "downside.json", "taiyuan-14fyp.json")}


def num(x):
    return x["value"] if isinstance(x, dict) else x


def fig(ind, year):
    """The plan's figure of an indicator in a year (baseline, history or actual)."""
    i = PLAN["indicators"][ind]
    if year == PLAN["base_year"] and "baseline" in i:
        return num(i["baseline"])
    for part in ("history", "actual"):
        if str(year) in i.get(part, {}):
            return num(i[part][str(year)])
    raise KeyError(f"{ind} has no figure for {year}")


def series(ind, first, last):
    return [fig(ind, y) for y in range(first, last + 1)]


def pct(a, b, years=1):
    """Average yearly growth from a to b over `years`, in per cent."""
    return ((b / a) ** (1 / years) - 1) * 100


def changes(xs, rel=True):
    return [(b / a - 1) * 100 if rel else b - a for a, b in zip(xs, xs[1:])]


def ols(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    a = my - b * mx
    ssr = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys))
    return b, math.sqrt(ssr / (n - 2) / sxx)


YEARS = list(range(2015, 2021))
IND = series("industrial_enterprises", 2015, 2020)
SLOPE, SLOPE_SE = ols(YEARS, [math.log(v) for v in IND])  # the rate's se is exp(b) se(b): methodology 1.1
FIT_RATE = math.exp(SLOPE) - 1
IND_GROWTH = [g / 100 for g in changes(IND)]
FIT_RESID_SD = math.sqrt(sum((g - FIT_RATE) ** 2 for g in IND_GROWTH) / (len(IND_GROWTH) - 1))
GDP_GROWTH = changes(series("gdp", 2015, 2020))
POP = [fig("population", y) for y in range(2020, 2025)]
USD = [fig("usd_cny", y) for y in range(2020, 2025)]
HT68 = fig("high_tech_enterprises", 2021) - fig("high_tech_enterprises", 2020)
HT25 = (fig("high_tech_enterprises", 2023) - fig("high_tech_enterprises", 2021)) / 2
INC21 = pct(fig("income_all", 2020), fig("income_all", 2021))
INC2125 = pct(fig("income_all", 2021), fig("income_all", 2025), 4)
INC2025 = pct(fig("income_all", 2020), fig("income_all", 2025), 5)
DRIVERS = {n: FILES[n]["assumptions"] for n in ("trend.json", "plan-pace.json", "downside.json")}
SDS = FILES["trend.json"]["uncertainty"]["sd"]

# (file, field, English fragment, Chinese fragment, value, printed, decimals)
R, U, N = "rationale", "method", "note"
CLAIMS = [
    ("trend.json", R, "(4153.25 / 2735.34)^(1/5) - 1 = 8.71 %", "(4153.25/2735.34)^(1/5)−1 = 8.71%",
     pct(fig("gdp", 2015), fig("gdp", 2020), 5), "8.71", 2),
    ("trend.json", R, "1.98 %, the gap between", "平减指数1.98%，即", (1.0871 / 1.066 - 1) * 100, "1.98", 2),
    ("trend.json", R, "with a deflator of 1.98 %", "平减指数1.98%", DRIVERS["trend.json"]["gdp"]["deflator"] * 100, "1.98", 2),
    ("trend.json", R, "would give 9.4 % nominal", "名义年增速为9.4%",
     (math.exp(ols(YEARS, [math.log(v) for v in series("gdp", 2015, 2020)])[0]) - 1) * 100, "9.4", 1),
    ("trend.json", R, "(408, 355, 376, 436, 527, 622)", "（408、355、376、436、527、622）", None, None, None),
    ("trend.json", R, "10.3 % a year (standard error 3.2 %)", "年均10.3%", FIT_RATE * 100, "10.3", 1),
    ("trend.json", R, "(standard error 3.2 %)", "（标准误3.2%）", math.exp(SLOPE) * SLOPE_SE * 100, "3.2", 1),
    ("trend.json", R, "(+21, +60, +91, +95)", "（+21、+60、+91、+95）", None, None, None),
    ("trend.json", R, "scattered by 13.8 % around the fit", "离散度13.8%", FIT_RESID_SD * 100, "13.8", 1),
    ("trend.json", R, "(2132 - 380) / 5 = 350.4", "(2132−380)/5 = 350.4家",
     (fig("high_tech_enterprises", 2020) - fig("high_tech_enterprises", 2015)) / 5, "350.4", 1),
    ("trend.json", R, "41 % a year, would explode", "每年41%", pct(380, 2132, 5), "41", 0),
    ("trend.json", R, "63.0 % (2616.82 / 4153.25)", "63.0%的比重（2616.82/4153.25）",
     fig("services_va", 2020) / fig("gdp", 2020) * 100, "63.0", 1),
    ("trend.json", R, "(46446 / 35473)^(1/5) - 1 = 5.54 %", "(46446/35473)^(1/5)−1 = 5.54%", INC2025, "5.54", 2),
    ("trend.json", R, "(5514668 / 5304061)^(1/4) - 1 = 0.98 %", "(5514668/5304061)^(1/4)−1 = 0.98%",
     pct(POP[0], POP[4], 4), "0.98", 2),
    ("trend.json", R, "(7.1217 in 2024)", "（2024年7.1217）", fig("usd_cny", 2024), "7.1217", 4),
    ("trend.json", U, "8.05 %, 14.43 %, 14.85 %, 3.71 %, 3.10 %", "8.05%、14.43%、14.85%、3.71%、3.10%", None, None, None),
    ("trend.json", U, "4153.25 / 4028.51 - 1 = 3.10 %", "4153.25/4028.51−1 = 3.10%", GDP_GROWTH[-1], "3.10", 2),
    ("trend.json", U, "sd 0.0564, applied", "标准差0.0564", statistics.stdev(GDP_GROWTH) / 100, "0.0564", 4),
    ("trend.json", U, "1.64 %, 0.82 %, 0.36 %, 1.11 %: sd 0.0054", "1.64%、0.82%、0.36%、1.11%：标准差0.0054",
     statistics.stdev(changes(POP)) / 100, "0.0054", 4),
    ("trend.json", U, "-6.47 %, +4.26 %, +4.77 %, +1.06 %: sd 0.0518", "−6.47%、+4.26%、+4.77%、+1.06%：标准差0.0518",
     statistics.stdev(changes(USD)) / 100, "0.0518", 4),
    ("trend.json", U, "+68 (2020-2021)", "+68（2020—2021年）", HT68, "68", 0),
    ("trend.json", U, "-25 a year (2021-2023", "每年−25（2021—2023年", HT25, "-25", 0),
    ("trend.json", U, "sd 65.8", "标准差65.8", statistics.stdev([HT68, HT25]), "65.8", 1),
    ("trend.json", U, "would give 53.7", "计算为53.7", statistics.stdev([HT68, HT25, HT25]), "53.7", 1),
    ("trend.json", U, "+8.2 % in 2021", "2021年+8.2%", INC21, "8.2", 1),
    ("trend.json", U, "(46446 / 38381)^(1/4) - 1 = 4.88 %", "(46446/38381)^(1/4)−1 = 4.88%", INC2125, "4.88", 2),
    # the sd of the two printed inputs, as the text says
    ("trend.json", U, "sd 0.0235", "标准差0.0235", statistics.stdev([round(INC21, 1), round(INC2125, 2)]) / 100, "0.0235", 4),
    ("trend.json", U, "is 1 / sqrt(3) = 0.58", "= 1/√3 = 0.58", math.sqrt((1 - 0 ** 2) / (len(GDP_GROWTH) - 2)), "0.58", 2),
    ("plan-pace.json", R, "only 68 more than in 2020", "仅多68家", HT68, "68", 0),
    ("plan-pace.json", R, "with 403 newly certified", "当年新认定403家", None, "403", None),
    ("plan-pace.json", U, "-53, +21, +60, +91, +95", "−53、+21、+60、+91、+95", None, None, None),
    ("plan-pace.json", U, "527, 622): 61.2", "的样本标准差（n−1）：61.2",
     statistics.stdev(changes(IND, rel=False)), "61.2", 1),
    ("downside.json", R, "5418.87 / 5573.7 - 1 = -2.78 %", "5418.87/5573.7−1 = −2.78%",
     pct(fig("gdp", 2023), fig("gdp", 2024)), "-2.78", 2),
    ("downside.json", R, "(5382.45 / 5418.87) / 1.013 - 1 = -1.95 %", "(5382.45/5418.87)/1.013−1 = −1.95%",
     (fig("gdp", 2025) / fig("gdp", 2024) / 1.013 - 1) * 100, "-1.95", 2),
    ("downside.json", R, "nominal GDP fell 0.67 %", "名义下降0.67%", -pct(fig("gdp", 2024), fig("gdp", 2025)), "0.67", 2),
    ("downside.json", R, "(46446 / 38381)^(1/4) - 1 = 4.88 %", "(46446/38381)^(1/4)−1 = 2021—2025年年均4.88%", INC2125, "4.88", 2),
    ("downside.json", R, "(2150 - 2200) / 2 = -25 a year", "(2150−2200)/2 = 每年−25家", HT25, "-25", 0),
    ("downside.json", R, "(7.1217 / 6.7261)^(1/2) - 1 = 2.9 %", "(7.1217/6.7261)^(1/2)−1 = 每年2.9%",
     pct(fig("usd_cny", 2022), fig("usd_cny", 2024), 2), "2.9", 1),
]
# the drivers are the numbers the texts derive (a driver equal to its claim)
DRIVER_CLAIMS = [
    (DRIVERS["trend.json"]["urban_income"]["growth"] * 100, INC2025, 2),
    (DRIVERS["trend.json"]["population"]["growth"] * 100, pct(POP[0], POP[4], 4), 2),
    (DRIVERS["trend.json"]["high_tech_enterprises"]["add"], (2132 - 380) / 5, 1),
    (DRIVERS["downside.json"]["gdp"]["deflator"] * 100, (fig("gdp", 2025) / fig("gdp", 2024) / 1.013 - 1) * 100, 2),
    (DRIVERS["downside.json"]["usd_cny"]["growth"] * 100, pct(fig("usd_cny", 2022), fig("usd_cny", 2024), 2), 1),
    (DRIVERS["downside.json"]["income_all"]["growth"] * 100, INC2125, 2),
    (DRIVERS["downside.json"]["high_tech_enterprises"]["add"], HT25, 0),
    (SDS["gdp"], statistics.stdev(GDP_GROWTH) / 100, 4),
    (SDS["population"], statistics.stdev(changes(POP)) / 100, 4),
    (SDS["usd_cny"], statistics.stdev(changes(USD)) / 100, 4),
    (SDS["high_tech_enterprises"], statistics.stdev([HT68, HT25]), 1),
    (SDS["urban_income"], statistics.stdev([round(INC21, 1), round(INC2125, 2)]) / 100, 4),
    (FILES["plan-pace.json"]["uncertainty"]["sd"]["industrial_enterprises"], statistics.stdev(changes(IND, rel=False)), 1),
]
# claims in the plan's own notes and assumptions
PLAN_CLAIMS = [
    ("gdp_per_capita_usd", "6.8976 = 11,352 dollars", "6.8976 = 11352美元",
     fig("gdp", 2020) * 1e8 / fig("population", 2020) / fig("usd_cny", 2020), 0),
    ("industrial_enterprises", "622 + 240 = 862", "622 + 240 = 862", fig("industrial_enterprises", 2020) + 240, 0),
    ("services_va", "(6000 / 2616.82)^(1/5) - 1 = 18.1 %", "(6000/2616.82)^(1/5)−1 = 18.1%", pct(fig("services_va", 2020), 6000, 5), 1),
    ("urban_income", "49772 / (46446 / 35473) = 38,013", "49772 ÷ (46446 ÷ 35473) = 38013",
     fig("urban_income", 2025) / (fig("income_all", 2025) / fig("income_all", 2020)), 0),
    ("rural_income", "27016 / (46446 / 35473) = 20,633", "27016 ÷ (46446 ÷ 35473) = 20633",
     fig("rural_income", 2025) / (fig("income_all", 2025) / fig("income_all", 2020)), 0),
]


def norm(text):
    return text.replace("−", "-")


def field_text(doc, field, lang):
    node = doc["uncertainty"]["method"] if field == U else doc[field]
    return node[lang]


def printed(value, decimals):
    s = f"{value:.{decimals}f}"
    return "0" if s in ("-0", "-0.0") else s


failures = []
for f, field, en, zh, value, shown, dec in CLAIMS:
    doc = FILES[f]
    for lang, frag in (("en", en), ("zh", zh)):
        text = field_text(doc, field, lang)
        if norm(frag) not in norm(text):
            failures.append(f"{f} {field}.{lang}: fragment not found: {frag}")
        elif shown is not None and norm(shown).lstrip("-") not in norm(frag):
            failures.append(f"{f}: {shown} is not in the fragment {frag}")
    if value is not None and printed(value, dec) != shown:
        failures.append(f"{f} {field}: {en}: recomputed {value!r} prints {printed(value, dec)}, the text says {shown}")
for driver, value, dec in DRIVER_CLAIMS:
    if printed(driver, dec) != printed(value, dec):
        failures.append(f"a driver or sd {driver} differs from its derivation {value!r} at {dec} decimals")
for ind, en, zh, value, dec in PLAN_CLAIMS:
    i = PLAN["indicators"][ind]
    texts = " ".join(t for k in ("note", "assumption") if k in i for t in (i[k]["en"], i[k]["zh"]))
    for frag in (en, zh):
        if norm(frag) not in norm(texts):
            failures.append(f"taiyuan-14fyp.json {ind}: fragment not found: {frag}")
    shown = en.rsplit("= ", 1)[1].split(" ")[0].replace(",", "")
    if printed(value, dec) != shown:
        failures.append(f"taiyuan-14fyp.json {ind}: {en}: recomputed {value!r} prints {printed(value, dec)}")
# the exchange-rate cross-checks of the bibliography: a conversion of Y yuan
# to D dollars, both rounded to the unit, bounds the rate used to
# [(Y - 0.5) / (D + 0.5), (Y + 0.5) / (D - 0.5)], printed rounded outward (the
# low bound down, the high bound up); the plan's rate of that year lies inside
BIB = json.loads((SCEN / "sources.json").read_text(encoding="utf-8"))
for key, year, yuan, dollars, low, high, dec in [
        ("fenxi-2021-bulletin", 2021, 80976, 12551, "6.45145", "6.45206", 5),
        ("fenxi-2021-bulletin", 2021, 27711, 4295, "6.4510", "6.4528", 4),
        ("shanxi-2022-communique", 2022, 73675, 10954, "6.72550", "6.72621", 5),
        ("jinzhong-2024-bulletin", 2024, 73232, 10283, "7.12126", "7.12206", 5)]:
    lo, hi = (yuan - 0.5) / (dollars + 0.5), (yuan + 0.5) / (dollars - 0.5)
    gives = BIB[key]["gives"]["en"]
    out_lo = f"{math.floor(lo * 10 ** dec) / 10 ** dec:.{dec}f}"
    out_hi = f"{math.ceil(hi * 10 ** dec) / 10 ** dec:.{dec}f}"
    if (out_lo, out_hi) != (low, high):
        failures.append(f"{key}: {yuan} / {dollars} bounds the rate to [{out_lo}, {out_hi}], not [{low}, {high}]")
    if low not in gives or high not in gives:
        failures.append(f"{key}: gives does not state the bounds {low} and {high}")
    if not lo <= fig("usd_cny", year) <= hi:
        failures.append(f"{key}: the plan's {year} rate {fig('usd_cny', year)} is outside [{lo}, {hi}]")

# the listed series are the plan's figures
listed = {"408, 355, 376, 436, 527, 622": IND,
          "+21, +60, +91, +95": changes(IND, rel=False)[1:],
          "-53, +21, +60, +91, +95": changes(IND, rel=False),
          "8.05 %, 14.43 %, 14.85 %, 3.71 %, 3.10 %": [round(g, 2) for g in GDP_GROWTH],
          "1.64 %, 0.82 %, 0.36 %, 1.11 %": [round(g, 2) for g in changes(POP)],
          "-6.47 %, +4.26 %, +4.77 %, +1.06 %": [round(g, 2) for g in changes(USD)]}
for text, values in listed.items():
    got = [float(t.replace("%", "").strip()) for t in text.split(",")]
    if [round(v, 2) for v in values] != got:
        failures.append(f"the listed series {text} is not the plan's {values}")
for fl in failures:
    print("FAIL:", fl)
print(f"{len(CLAIMS)} text claims, {len(DRIVER_CLAIMS)} drivers and sds, {len(PLAN_CLAIMS)} plan notes checked")
sys.exit(1 if failures else 0)
