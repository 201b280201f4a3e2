#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`marketgraph report` (the HTML page) and `analyze --format csv --dir`
(the tables), checked against the JSON report of the same model
(docs/report.md, "HTML report" and "Tables").  The browser's view of the
page is tests/report/test_chromium.py.

Environment (set by tests/cli/meson.build):
  MARKETGRAPH        the built tool
  MKG_SOURCE_ROOT    the source tree
"""
import csv
import html
import io
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import unittest

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
POTATO = os.path.join(ROOT, "examples", "models", "potato-andes.json")
HINT = " (try 'marketgraph {} --help')\n"
TABLES = ["binding-constraints", "captive-producers", "channel-margins", "channels", "coalitions",
          "concentration", "dependency-actors", "dependency-pairs", "facilitation-mix",
          "facilitation-payers", "facilitation-payments", "flow", "market-shares",
          "producer-share", "throughput", "value-actors", "value-kinds"]


def run(*args):
    r = subprocess.run([TOOL, *args], stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def number(cell):
    return None if cell == "" else float(cell)


def html_findings(page):
    """The items of the HTML summary (`ul.findings`), unescaped, with their
    topics."""
    block = page[page.index('<ul class="findings">\n'):]
    block = block[:block.index("</ul>")]
    return [(topic, html.unescape(text)) for topic, text in
            re.findall(r'<li data-topic="([a-z_]+)">(.*?)</li>\n', block)]


def text_findings(*args):
    """The text report's summary: its lines after the title, up to the
    first empty line."""
    lines = run("analyze", *args)[1].decode("utf-8").split("\n")
    return lines[1:lines.index("")]


# A model whose strings would break a page that did not escape them.
HOSTILE = {
    "format": "marketgraph", "version": 1, "name": "</title><script>alert('name')</script>",
    "volume_unit": "t", "currency": "X&Y", "period": "2026<b>",
    "actors": [
        {"id": "<img src=x onerror=alert(1)>", "kind": "producer", "supply": 10},
        {"id": "farm \"two\" & 'three'", "name": "bell\u0007 \u202eevil", "kind": "producer"},
        {"id": "=cmd|' /C calc'!A0", "kind": "trader"},
        {"id": "café,\"quoted\"\nline", "kind": "end_market"},
    ],
    "transactions": [
        {"id": "t1", "seller": "<img src=x onerror=alert(1)>", "buyer": "=cmd|' /C calc'!A0",
         "commodity": "</svg>", "volume": 10, "value": 100},
        {"id": "t2", "seller": "farm \"two\" & 'three'", "buyer": "=cmd|' /C calc'!A0",
         "commodity": "</svg>", "volume": 5, "value": 60},
        {"id": "t3", "seller": "=cmd|' /C calc'!A0", "buyer": "café,\"quoted\"\nline",
         "commodity": "</svg>", "volume": 15, "value": 300},
    ],
}


class Html(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mkg-report-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.tmp, name)

    def test_same_bytes_self_contained(self):
        a, b = self.path("a.html"), self.path("b.html")
        self.assertEqual(run("report", POTATO, "-o", a)[0], 0)
        self.assertEqual(run("analyze", "--format", "html", POTATO, "-o", b)[0], 0)
        with open(a, "rb") as f, open(b, "rb") as g:
            page = f.read()
            self.assertEqual(page, g.read())
        text = page.decode("utf-8")
        # no network, no other file: nothing is loaded from anywhere
        for ref in ("http://", "https://", "src=", "<link", "@import", "url(http"):
            if ref == "http://":
                # only the SVG namespace, which is a name, not a request
                self.assertEqual(text.count(ref), text.count("http://www.w3.org/2000/svg"))
            elif ref == "https://":
                # only the project's home, as text in the footer (no link)
                home = re.findall(r"https://[^)\s]*", text)
                self.assertEqual(len(home), 1, home)
                self.assertIn("<footer>Written by marketgraph %s (%s)." % (
                    re.search(r'content="marketgraph ([^"]+)"', text).group(1), home[0]),
                    text)
            else:
                self.assertNotIn(ref, text)
        # the date is the model's period, never the clock
        self.assertIn('Date: <span id="report-date">2012</span>', text)
        self.assertEqual(run("report", POTATO, "--date", "3 December 2026")[1].decode().count(
            '<span id="report-date">3 December 2026</span>'), 1)
        # the summary comes first, then the map
        self.assertLess(text.index('id="summary"'), text.index('id="market-map"'))
        self.assertLess(text.index('id="market-map"'), text.index('id="t-concentration"'))

    def test_numbers_from_the_json_report(self):
        rc, out, _ = run("report", POTATO)
        page = out.decode("utf-8")
        rep = json.loads(run("analyze", POTATO, "--format", "json")[1])
        farm = [m for m in rep["concentration"]
                if m["level"] == "producer" and m["commodity"] == "native-potato"][0]
        # 4689: the example's farm-gate buyer HHI (README)
        self.assertEqual(round(farm["buyer"]["hhi"]), 4689)
        self.assertIn("buyer HHI 4,689, highly concentrated", page)
        # every number cell sorts on the full value the JSON has
        self.assertIn('data-v="%r"' % farm["buyer"]["hhi"], page)
        # the chart's bar reads as the text does (4,689, not 4689), its full
        # value in data-v
        charts = page[page.index('<section id="charts">'):]
        charts = charts[:charts.index("</section>")]
        self.assertRegex(charts, r'data-v="%s"><title>HHI: 4,689</title></rect>'
                         r'<text [^>]*fill="#333">4,689</text>'
                         % re.escape(repr(farm["buyer"]["hhi"])))
        self.assertNotIn(">4689<", charts)
        # each channel's farmer's share as the text's percentage (3 significant
        # digits: 0.1611881... -> 16.1%, 0.0695953... -> 6.96%, 0.6097... -> 61.0%)
        shares = [c["farmer_share"] for c in rep["channels"]["chains"][0]["channels"]]
        self.assertEqual(len(shares), 6)
        for x in shares:
            pct = ("%#.3g" % (100 * x)).rstrip(".") + "%"
            self.assertIn('data-v="%r"><title>farmer&#39;s share: %s</title>' % (x, pct), charts)
        self.assertIn("farmer&#39;s share: 6.96%", charts)
        self.assertIn("farmer&#39;s share: 61.0%", charts)
        flow = rep["bottlenecks"]["chains"][0]["flow"]
        # numbers a person reads are rounded (thousands separated, 3 significant digits)
        self.assertIn("Deliverable: %.1f%% of the %s t of native-potato supplied" %
                      (100 * flow["deliverable_share"], format(round(flow["total_supply"]), ",")),
                      page)

    def test_summary_is_the_text_summary(self):
        """The HTML summary lists the text report's findings, the same lines
        in the same order (docs/report.md, "The HTML report", item 2).
        Seven farm-gate markets: commodity ck is sold by farm f to k + 1
        buyers, 1 t each, so its volume is k + 1 and its buyers' HHI
        10000 / (k + 1); the summary names the largest market, c6."""
        actors = [{"id": "f", "kind": "producer"}] + [
            {"id": "b%d" % k, "kind": "trader"} for k in range(7)]
        txs = [{"id": "t%d-%d" % (k, j), "seller": "f", "buyer": "b%d" % j,
                "commodity": "c%d" % k, "volume": 1}
               for k in range(7) for j in range(k + 1)]
        model = self.path("seven.json")
        with open(model, "w") as f:
            json.dump({"format": "marketgraph", "version": 1, "period": "2020",
                       "actors": actors, "transactions": txs}, f)
        page = run("report", model)[1].decode()
        shown = html_findings(page)
        self.assertEqual([text for _, text in shown], text_findings(model))
        self.assertEqual(shown[0][0], "farm_gate")
        # c6: 7 buyers of 1 t each, HHI 7 x (1/7)^2 x 10000 = 1,429
        self.assertTrue(shown[0][1].startswith("Farm gate, c6 2020: buyer HHI 1,429"), shown[0])
        self.assertIn("(7 farm-gate markets)", shown[0][1])
        # no finding (the value section alone has none): the text says
        # nothing, the page says so
        self.assertEqual(text_findings(POTATO, "--sections", "value"), [])
        page = run("report", POTATO, "--sections", "value")[1].decode()
        self.assertIn('<ul class="findings">\n<li>No finding: the analyses asked for have '
                      'nothing to report on this model.</li>\n</ul>', page)
        # the same holds with options that change the findings
        for args in (["--measure", "value"], ["--levels", "pooled"]):
            with self.subTest(args=args):
                page = run("report", model, *args)[1].decode()
                self.assertEqual([t for _, t in html_findings(page)],
                                 text_findings(model, *args))

    def test_escaping(self):
        model = self.path("hostile.json")
        with open(model, "w", encoding="utf-8") as f:
            json.dump(HOSTILE, f)
        rc, out, err = run("report", model)
        self.assertEqual(rc, 0, err)
        page = out.decode("utf-8")
        for raw in ("<img", "<script>alert", "</svg>\n<", "\u0007", "\u202e", "2026<b>",
                    "onerror=alert(1)>"):
            self.assertNotIn(raw, page.replace("<svg", "").replace("</svg>\n", ""))
        self.assertNotIn("<img", page)
        self.assertEqual(page.count("<script>"), 1)  # the sorting script only
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;", page)
        self.assertIn("farm &quot;two&quot; &amp; &#39;three&#39;", page)
        self.assertIn("&lt;/title&gt;&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;", page)
        self.assertIn("bell\ufffd \ufffdevil", page)
        self.assertIn("<dt>Units</dt><dd>volume in t, money in X&amp;Y</dd>", page)
        self.assertIn("&lt;/svg&gt;", page)


class Tables(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mkg-tables-")
        self.dir = os.path.join(self.tmp, "tables")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def read(self, name, bom=False):
        with open(os.path.join(self.dir, name + ".csv"), "rb") as f:
            data = f.read()
        self.assertEqual(data.startswith(b"\xef\xbb\xbf"), bom)
        text = data.decode("utf-8-sig")
        self.assertTrue(text.endswith("\r\n"))
        return list(csv.reader(io.StringIO(text, newline="")))

    def test_tables_match_the_json_report(self):
        rc, _, err = run("analyze", POTATO, "--format", "csv", "--dir", self.dir)
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(sorted(os.listdir(self.dir)), [t + ".csv" for t in TABLES])
        rep = json.loads(run("analyze", POTATO, "--format", "json")[1])

        rows = self.read("concentration")
        self.assertEqual(rows[0][:6], ["Commodity", "Level of trade", "Period", "Region",
                                       "Service", "Side"])
        self.assertEqual(rows[0][9], "HHI (0-10000)")
        want = []
        for m in rep["concentration"]:
            for side in ("seller", "buyer"):
                s = m[side]
                want.append([m["commodity"], m["level"], m["period"], m["region"] or "",
                             "yes" if m["service"] else "no", side, s["total"], s["firms"],
                             s["actors"], s["hhi"], s["cr1"], s["cr4"], s["effective_firms"],
                             s["class"], s["shares"][0]["actor"] if s["shares"] else "",
                             s["fringe_share"], m["transactions"]])
        got = [r[:6] + [number(x) for x in r[6:13]] + r[13:15] + [number(r[15]), number(r[16])]
               for r in rows[1:]]
        self.assertEqual(got, want)
        shares = self.read("market-shares")
        self.assertEqual(len(shares) - 1, sum(len(m[s]["shares"]) for m in rep["concentration"]
                                              for s in ("seller", "buyer")))

        chains = rep["bottlenecks"]["chains"]
        flow = self.read("flow")
        self.assertEqual(flow[0], ["Chain (primary commodity)", "Unit", "Total supply",
                                   "Deliverable (maximum flow)", "Deliverable share",
                                   "Binding constraints"])
        self.assertEqual([[r[0], number(r[2]), number(r[3]), number(r[4]), int(r[5])]
                          for r in flow[1:]],
                         [[c["commodity"], c["flow"]["total_supply"], c["flow"]["max_flow"],
                           c["flow"]["deliverable_share"], len(c["flow"]["binding"])]
                          for c in chains])
        binding = self.read("binding-constraints")
        self.assertEqual([(r[1], r[2] or r[3] + ">" + r[4], number(r[5])) for r in binding[1:]],
                         [(b["type"], b.get("actor") or b["seller"] + ">" + b["buyer"],
                           b["capacity"]) for c in chains for b in c["flow"]["binding"]])
        captive = self.read("captive-producers")
        # the README's story: the snack maker holds three producer groups captive
        snack = [r for r in captive[1:] if r[1] == "snack-multinational"][0]
        self.assertEqual(int(snack[2]), 3)
        self.assertEqual(len(snack[4].split("; ")), 3)

        channels = self.read("channels")
        want = [(c["commodity"], ch["kinds"], ch["farmer_share"])
                for c in rep["channels"]["chains"] for ch in c["channels"]]
        self.assertEqual([(r[0], r[1], number(r[6])) for r in channels[1:]], want)
        pairs = self.read("dependency-pairs")
        self.assertEqual(len(pairs) - 1, len(rep["dependency"]["pairs"]))
        self.assertEqual([number(r[5]) for r in pairs[1:]],
                         [p["asymmetry"] for p in rep["dependency"]["pairs"]])
        pay = self.read("facilitation-payments")
        totals = rep["facilitation"]["payment_totals"]
        self.assertEqual([(r[0], number(r[3]), number(r[4])) for r in pay[1:]],
                         [(t["type"], t["cost"], t["amounts"]["users"]) for t in totals
                          if t["records"] > 0])

    def test_bom_and_replacing(self):
        rc, _, err = run("analyze", POTATO, "--format", "csv", "--dir", self.dir, "--bom")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(self.read("flow", bom=True)[0][0], "Chain (primary commodity)")
        # a second run replaces the set
        self.assertEqual(run("analyze", POTATO, "--format", "csv", "--dir", self.dir)[0], 0)
        self.read("flow", bom=False)
        # a directory holding anything else is refused, and left alone
        with open(os.path.join(self.dir, "notes.txt"), "w") as f:
            f.write("mine")
        rc, _, err = run("analyze", POTATO, "--format", "csv", "--dir", self.dir)
        self.assertEqual(rc, 1)
        self.assertEqual(err, "marketgraph analyze: %s: cannot write: the directory holds "
                         "'notes.txt', which is not one of the tables; give a new or empty "
                         "directory\n" % self.dir)
        self.assertIn("notes.txt", os.listdir(self.dir))

    def test_hostile_strings(self):
        model = os.path.join(self.tmp, "hostile.json")
        with open(model, "w", encoding="utf-8") as f:
            json.dump(HOSTILE, f)
        self.assertEqual(run("analyze", model, "--format", "csv", "--dir", self.dir)[0], 0)
        pairs = self.read("dependency-pairs")
        self.assertIn(["=cmd|' /C calc'!A0", "café,\"quoted\"\nline"],
                      [r[:2] for r in pairs[1:]])

    def test_usage_errors(self):
        cases = [
            (["--format", "csv"], "--format csv writes one file per table: give --dir DIR"),
            (["--format", "csv", "--dir", self.dir, "-o", "x"],
             "--format csv writes into --dir DIR, not -o"),
            (["--dir", self.dir], "--dir is for --format csv"),
            (["--format", "html", "--bom"], "--bom is for --format csv"),
            (["--format", "pdf"], "unknown format \"pdf\", expected text, json, csv or html"),
        ]
        for args, msg in cases:
            with self.subTest(args=args):
                rc, out, err = run("analyze", POTATO, *args)
                self.assertEqual((rc, out), (2, b""))
                self.assertEqual(err, "marketgraph analyze: " + msg + HINT.format("analyze"))
        self.assertFalse(os.path.exists(self.dir))
        rc, _, err = run("report", POTATO, "--bom")
        self.assertEqual((rc, err), (2, "marketgraph report: --bom is for --format csv" +
                                     HINT.format("report")))


if __name__ == "__main__":
    unittest.main()
