#!/usr/bin/env python3
"""check_html_a4.py - report.html on A4 paper, in headless Chromium.

Usage: check_html_a4.py TARGETSIM ARTEFACT_DIR

Runs targetsim four times: the bundled plan in English and in Chinese, the
national plan (--plan china-14fyp.json: long names, 20 targets), and the
bundled plan with every analysis (--backtest --compare --sweep --by). For
each report.html, laid out in print media at A4's text width (210 mm less
15 mm margins each side = 180 mm = 680.3 CSS px):

  - every section heading the run calls for is there (backtest, compare and
    sweep only when asked for), and every chart the run rendered (each
    .svg in the output folder) is in the page;
  - no element's box reaches past the text width (nothing is cut off or
    overflows the paper);
  - the Monte Carlo results and required growth equal report.json's:
    P(target) or the "decided" label, the odds by year, each driver's
    required growth, a row per revised target and scenario;
  - every chart's smallest text prints at 8 pt or more: font-size (SVG user
    units) x laid-out width / viewBox width, in CSS px, x 0.75 pt/px;
  - the page prints to PDF (A4, @page), page 1's text (pdftotext) holds the
    summary box's heading and, for every scenario, each status with its
    count as report.json gives them, and page 1 rasterises (pdftoppm).

The English and Chinese pages are also captured as PNG at A4 width (794
CSS px, the first 1123 px: one A4 page) and checked to be that size and
not blank. ARTEFACT_DIR keeps the screenshots, PDFs and page-1 images to
look at. Exits 77 when Chromium, gnuplot or poppler-utils is missing;
scripts/setup.sh installs them.
"""

import base64
import collections
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

SKIP = 77
A4_TEXT_PX = 180 / 25.4 * 96   # 680.3
A4_PX = (794, 1123)            # 210 x 297 mm at 96 px per inch
MIN_PT = 8.0
failures = []

GLANCE = {"en": "At a glance", "zh": "概览"}
STATUS = {
    "en": {"achieved": "achieved", "missed": "missed", "on_track": "on track",
           "moderate": "moderate", "insufficient": "insufficient",
           "moving_away": "moving away", "breached": "breached",
           "not_scored": "not scored", "pending_data": "pending data"},
    "zh": {"achieved": "已实现", "missed": "未实现", "on_track": "可如期实现",
           "moderate": "进展一般", "insufficient": "进展不足", "moving_away": "偏离目标",
           "breached": "未守住", "not_scored": "不评价", "pending_data": "待数据"},
}


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def run(targetsim, out, *args):
    cmd = [targetsim, "--out", out, "--quiet", "--draws", "2000", *args]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        fail("%s exited %d: %s" % (" ".join(cmd), p.returncode, p.stderr.strip()))
        return None
    with open(os.path.join(out, "report.json"), encoding="utf-8") as f:
        return json.load(f)


def svg_min_font(path):
    """(viewBox width, smallest font-size) of a gnuplot SVG."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    vb = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', text)
    sizes = [float(s) for s in re.findall(r'font-size="([0-9.]+)"', text)]
    sizes += [float(s) for s in re.findall(r"font-size:\s*([0-9.]+)", text)]
    return (float(vb.group(1)) if vb else None), (min(sizes) if sizes else None)


def png_info(data):
    """(width, height, distinct byte values in the image data) of a PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    return width, height, len(collections.Counter(raw[:400000]))


def set_width(page, width, media):
    page.b.call("Emulation.setDeviceMetricsOverride",
                {"width": width, "height": A4_PX[1], "deviceScaleFactor": 1, "mobile": False},
                page.session)
    page.b.call("Emulation.setEmulatedMedia", {"media": media}, page.session)
    page.b.call("Emulation.setScrollbarsHidden", {"hidden": True}, page.session)


LAYOUT_JS = r"""
(() => {
  const W = document.documentElement.clientWidth;
  const over = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && (r.right > W + 0.5 || r.left < -0.5))
      over.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                (e.className && e.className.baseVal === undefined ? '.' + e.className : '') +
                ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  return {
    width: W, scroll: document.documentElement.scrollWidth, over: over,
    sections: [...document.querySelectorAll('section[id]')].map(s => s.id),
    h2: [...document.querySelectorAll('section[id] > h2, section > h2[id]')].length,
    charts: [...document.querySelectorAll('figure.chart')].map(f => ({
      stem: f.dataset.chart, width: f.querySelector('img').getBoundingClientRect().width,
      decoded: f.querySelector('img').naturalWidth > 0}))
  };
})()
"""


def expected_sections(report, with_analyses):
    ids = ["glance", "summary", "plan-table", "scenarios", "overview", "odds", "provenance",
           "method"]
    ids += ["indicator-" + i["id"] for i in report["plan"]["indicators"]] \
        if isinstance(report.get("plan"), dict) and "indicators" in report["plan"] else []
    if with_analyses:
        ids += ["backtest", "compare", "sweep"]
    return ids


def check_layout(page, name, out, report, with_analyses):
    set_width(page, round(A4_TEXT_PX), "print")
    got = page.eval(LAYOUT_JS)
    if got["scroll"] > got["width"] + 1:
        fail("%s: the page is %d px wide at A4 text width %d px" % (name, got["scroll"],
                                                                  got["width"]))
    if got["over"]:
        fail("%s: %d elements reach past the A4 text width, e.g. %s" %
             (name, len(got["over"]), sorted(got["over"], key=lambda e: -int(e.split("..")[-1]))[:6]))
    missing = [s for s in expected_sections(report, with_analyses) if s not in got["sections"]]
    if missing:
        fail("%s: sections missing: %s" % (name, missing))
    for s in ("backtest", "compare", "sweep"):
        if not with_analyses and s in got["sections"]:
            fail("%s: section %s without its option" % (name, s))
    ids = {sc["id"] for sc in report["scenarios"]}
    for ind in report["scenarios"][0]["indicators"]:
        if ind["target"] is not None and "indicator-" + ind["id"] not in got["sections"]:
            fail("%s: no section for %s" % (name, ind["id"]))
    rendered = sorted(f[:-4] for f in os.listdir(out) if f.endswith(".svg"))
    shown = sorted(c["stem"] for c in got["charts"])
    if rendered != shown:
        fail("%s: charts rendered %s but in the page %s" %
             (name, sorted(set(rendered) - set(shown)), sorted(set(shown) - set(rendered))))
    smallest = None
    for c in got["charts"]:
        if not c["decoded"]:
            fail("%s: chart %s does not decode" % (name, c["stem"]))
            continue
        vb, font = svg_min_font(os.path.join(out, c["stem"] + ".svg"))
        if not vb or not font:
            fail("%s: chart %s: no viewBox or font-size" % (name, c["stem"]))
            continue
        pt = font * c["width"] / vb * 0.75
        smallest = pt if smallest is None else min(smallest, pt)
        if pt < MIN_PT:
            fail("%s: chart %s prints its %g-unit text at %.1f pt (%g of %g units laid out "
                 "at %.0f px)" % (name, c["stem"], font, pt, font, vb, c["width"]))
    print("%s: %d sections, %d charts, smallest chart text %.1f pt, %d scenarios" %
          (name, len(got["sections"]), len(got["charts"]), smallest or 0, len(ids)))


RESULTS_JS = r"""
(() => {
  const cell = (sel) => [...document.querySelectorAll(sel)].map(c => ({
    scenario: c.closest('[data-scenario]') && c.closest('[data-scenario]').dataset.scenario,
    indicator: c.closest('tr') && c.closest('tr').dataset.indicator,
    revision: c.closest('tr') && c.closest('tr').dataset.revision,
    value: c.dataset.value, text: c.textContent.trim()}));
  return {
    p: cell('#summary-table td[data-field=probability]'),
    odds: cell('table.odds td[data-field^=by_]').map((c, k) => c),
    odds_fields: [...document.querySelectorAll('table.odds td[data-field^=by_]')].map(
        c => c.dataset.field),
    required: cell('b[data-field=required_driver_growth]'),
    revisions: document.querySelectorAll('#summary-table tr[data-revision]:not([data-revision="0"])').length
  };
})()
"""
DECIDED = {"en": "decided", "zh": "已确定"}  # docs/glossary.md


def check_results(page, name, report, lang):
    """The Monte Carlo and required-growth numbers of report.json are in
    the page: P(target) (or the decided label, never a 0.0% interval), the
    odds by year, each driver's required growth, the revised targets' rows."""
    got = page.eval(RESULTS_JS)
    n_p = n_by = 0
    for sc in report["scenarios"]:
        for a in sc["indicators"]:
            if a["target"] is None or a.get("probability") is None:
                continue
            cells = [c for c in got["p"] if c["scenario"] == sc["id"]
                     and c["indicator"] == a["id"] and c["revision"] == "0"]
            if len(cells) != 1:
                fail("%s: %s/%s: %d P(target) cells" % (name, sc["id"], a["id"], len(cells)))
                continue
            c = cells[0]
            n_p += 1
            if a["decided"]:
                if c["text"] != DECIDED[lang] or c["value"] != "decided":
                    fail("%s: %s/%s is decided but shows %r" % (name, sc["id"], a["id"],
                                                                 c["text"]))
            elif abs(float(c["value"]) - a["probability"]) > 1e-12 or "[" not in c["text"]:
                fail("%s: %s/%s P(target) %r, report.json %r" % (name, sc["id"], a["id"],
                                                                 c["text"], a["probability"]))
            by = {e["year"]: e["probability"] for e in a["attainment_probability"]}
            for k, f in enumerate(got["odds_fields"]):
                o = got["odds"][k]
                if o["scenario"] == sc["id"] and o["indicator"] == a["id"]:
                    year = int(f[3:])
                    n_by += 1
                    if abs(float(o["value"]) - by[year]) > 1e-12:
                        fail("%s: %s/%s by %d: %r, report.json %r" % (
                            name, sc["id"], a["id"], year, o["value"], by[year]))
    want = sorted((sc["id"], r["rate"]) for sc in report["scenarios"] for a in sc["indicators"]
                  for r in a["required_driver_growth"] or [] if r["rate"] is not None)
    have = sorted((c["scenario"], float(c["value"])) for c in got["required"])
    if len(want) != len(have) or any(w[0] != h[0] or abs(w[1] - h[1]) > 1e-12
                                     for w, h in zip(want, have)):
        fail("%s: required driver growth %s, report.json %s" % (name, have, want))
    n_rev = sum(len(a["revisions"] or []) for sc in report["scenarios"]
                for a in sc["indicators"] if a["target"] is not None)
    if got["revisions"] != n_rev:
        fail("%s: %d revised-target rows, report.json has %d" % (name, got["revisions"], n_rev))
    print("%s: %d P(target), %d odds-by-year, %d required growth, %d revision rows match "
          "report.json" % (name, n_p, n_by, len(have), n_rev))


def check_pdf(page, name, art, report, lang):
    pdf = page.print_pdf()
    path = os.path.join(art, name + ".pdf")
    with open(path, "wb") as f:
        f.write(pdf)
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    size = re.search(r"Page size:\s+([0-9.]+) x ([0-9.]+) pts", info)
    if not size or abs(float(size.group(1)) - 595.3) > 2 or abs(float(size.group(2)) - 841.9) > 2:
        fail("%s: PDF page size is not A4: %s" % (name, size and size.group(0)))
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", path, "-"],
                          capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", " ", text)
    if GLANCE[lang] not in flat:
        fail("%s: page 1 of the PDF has no %r" % (name, GLANCE[lang]))
    for sc in report["scenarios"]:
        counts = collections.Counter(a["status"] for a in sc["indicators"]
                                     if a["target"] is not None and a["status"] in STATUS[lang])
        for status, n in counts.items():
            want = "%s × %d" % (STATUS[lang][status], n)
            if want not in flat:
                fail("%s: page 1 lacks %r (scenario %s)" % (name, want, sc["id"]))
    png = os.path.join(art, name + "-page1")
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "80", "-png", "-singlefile", path,
                    png], check=True)
    with open(png + ".png", "rb") as f:
        w, h, distinct = png_info(f.read())
    if abs(w / h - 210 / 297) > 0.01 or distinct < 3:
        fail("%s: page 1 image %dx%d with %d byte values" % (name, w, h, distinct))
    print("%s: %d A4 pages; page 1 has the summary" % (name, pages))


def screenshot(page, name, art):
    set_width(page, A4_PX[0], "screen")
    shot = page.b.call("Page.captureScreenshot",
                       {"format": "png", "clip": {"x": 0, "y": 0, "width": A4_PX[0],
                                                  "height": A4_PX[1], "scale": 1}},
                       page.session)
    data = base64.b64decode(shot["data"])
    with open(os.path.join(art, name + ".png"), "wb") as f:
        f.write(data)
    w, h, distinct = png_info(data)
    if (w, h) != A4_PX or distinct < 16:
        fail("%s: screenshot %dx%d with %d distinct byte values" % (name, w, h, distinct))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    targetsim, art = sys.argv[1], os.path.abspath(sys.argv[2])
    chromium = cdp.find_chromium()
    missing = [t for t in ("gnuplot", "pdftotext", "pdftoppm", "pdfinfo") if not shutil.which(t)]
    if not chromium or missing:
        print("SKIP: needs Chromium, gnuplot and poppler-utils (%s missing); scripts/setup.sh "
              "installs them" % (missing or "chromium"))
        return SKIP
    os.makedirs(art, exist_ok=True)
    work = tempfile.mkdtemp(prefix="targetsim-a4-")
    runs = [("a4-en", "en", [], False), ("a4-zh", "zh", ["--lang", "zh"], False),
            ("a4-china", "en", ["--plan", None], False),
            ("a4-analyses", "en", ["--backtest", "--compare", "trend", "--sweep",
                                   "industrial_enterprises.growth=0.04:0.12:0.02", "--by",
                                   "2027"], True)]
    try:
        with cdp.Browser(chromium) as browser:
            for name, lang, args, analyses in runs:
                if "--plan" in args:
                    plan = os.path.realpath(os.path.join(os.path.dirname(
                        os.path.abspath(__file__)), "..", "..", "scenarios", "china-14fyp.json"))
                    args = ["--plan", plan]
                out = os.path.join(work, name)
                report = run(targetsim, out, *args)
                if not report:
                    continue
                page = browser.open("file://" + os.path.join(out, "report.html"))
                check_layout(page, name, out, report, analyses)
                check_results(page, name, report, lang)
                check_pdf(page, name, art, report, lang)
                if name in ("a4-en", "a4-zh"):
                    screenshot(page, "screenshot-" + lang, art)
    except cdp.CDPError as e:
        fail("browser: %s" % e)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("%d failures" % len(failures))
        return 1
    print("ok; screenshots, PDFs and page-1 images in " + art)
    return 0


if __name__ == "__main__":
    sys.exit(main())
