# SPDX-License-Identifier: MIT
"""The analyses: report() is the command-line tool's `analyze --format json`,
each method is its section of the report, and the numbers are the ones
worked out by hand."""

import json
import os
import re
import tempfile
import unittest
import warnings

import marketgraph as mg
from support import SAMPLE, cli, example_models, run_cli, run_native


def options(model):
    """(keyword arguments of report(), the same as command-line options)."""
    pair = [model.actors[0].id, model.actors[2].id]
    return [
        ({}, []),
        ({"measure": "value"}, ["--measure", "value"]),
        ({"thresholds": "us2010", "by_region": True}, ["--thresholds", "us2010", "--by-region"]),
        ({"coalition": pair}, ["--coalition", ",".join(pair)]),
        ({"exit_date": "2006"}, ["--exit-date", "2006"]),
        ({"by_region": "buyer", "levels": "pooled"}, ["--by-region", "buyer", "--levels",
                                                      "pooled"]),
        ({"by_region": "seller", "levels": "separate"}, ["-r", "seller", "-l", "separate"]),
        ({"measure": "value", "thresholds": "eu2004", "coalition": pair[::-1],
          "exit_date": "2012-06"},
         ["-m", "value", "-t", "eu2004", "-c", ",".join(pair[::-1]), "-e", "2012-06"]),
    ]


class HandWorked(unittest.TestCase):
    """Values of SAMPLE worked out by hand."""

    def setUp(self):
        # One chain: the chips are made from native potato, 1 t per t
        # (which keeps the numbers of the hand-worked pooled graph).
        doc = dict(SAMPLE, commodities=[
            {"id": "native-potato"},
            {"id": "chips", "made_from": "native-potato", "input_per_unit": 1},
            {"id": "training", "service": True}])
        self.m = mg.from_dict(doc)

    def test_concentration(self):
        # native-potato in 2002: coop-a sells 320 (t-1), coop-b 150.5 (t-2); t3 is in 2003.
        # Buyers: proc-x buys 320, trader-1 150.5: the same shares on both sides.
        market = next(k for k in self.m.concentration()
                      if k["commodity"] == "native-potato" and k["period"] == "2002")
        s1, s2 = 320 / 470.5, 150.5 / 470.5
        hhi = (100 * s1) ** 2 + (100 * s2) ** 2          # 5650.3...
        for side, first, second in (("seller", "coop-a", "coop-b"),
                                    ("buyer", "proc-x", "trader-1")):
            got = market[side]
            self.assertEqual((got["total"], got["firms"], got["class"]),
                             (470.5, 2, "highly_concentrated"))
            self.assertAlmostEqual(got["hhi"], hhi, places=9)
            self.assertAlmostEqual(got["cr1"], s1, places=12)
            self.assertAlmostEqual(got["effective_firms"], 1 / (s1 ** 2 + s2 ** 2), places=12)
            self.assertEqual([x["actor"] for x in got["shares"]], [first, second])

    def test_html_chart_rounded(self):
        # The same market in the HTML report's chart: HHI 5648.918... reads
        # "5,649" (as in the text report), the full value in the bar's data-v.
        hhi = (100 * 320 / 470.5) ** 2 + (100 * 150.5 / 470.5) ** 2
        page = self.m.report_html()
        charts = page[page.index('<section id="charts">'):]
        charts = charts[:charts.index("</section>")]
        found = re.findall(r'data-v="([^"]+)"><title>HHI: 5,649</title></rect>'
                           r'<text [^>]*fill="#333">5,649</text>', charts)
        self.assertEqual(len(found), 2)        # sellers and buyers
        for v in found:
            self.assertAlmostEqual(float(v), hhi, places=9)
        self.assertNotIn(">5649<", charts)
        self.assertIn("HHI 5,649", self.m.report_text())

    def test_coalition(self):
        # coop-a and coop-b as one seller of native-potato in 2002: one firm, HHI 10000,
        # delta = 2 * 10^4 * s1 * s2.
        got = self.m.coalitions(coalition=["coop-a", "coop-b"], groups=False)
        self.assertEqual(len(got), 1)
        self.assertEqual((got[0]["group"], got[0]["members"]), (None, ["coop-a", "coop-b"]))
        seller = next(k for k in got[0]["markets"]
                      if k["period"] == "2002" and k["side"] == "seller")
        s1, s2 = 320 / 470.5, 150.5 / 470.5
        self.assertAlmostEqual(seller["delta"], 2e4 * s1 * s2, places=9)
        self.assertAlmostEqual(seller["hhi_after"], 10000, places=9)
        self.assertTrue(seller["presumed_harmful"])

    def test_dependency(self):
        # coop-b sells only to trader-1 (150.5 of native potato): sales share 1;
        # trader-1 buys only from coop-b: purchase share 1.
        actors = {a["actor"]: a for a in self.m.dependency()["actors"]}
        self.assertEqual((actors["coop-b"]["top_buyer"], actors["coop-b"]["sales_share"]),
                         ("trader-1", 1))
        self.assertEqual((actors["trader-1"]["top_supplier"],
                          actors["trader-1"]["purchase_share"]), ("coop-b", 1))

    def test_flow(self):
        # Supply: coop-a 850 (given), coop-b 150.5 (its sales).  coop-a -> proc-x
        # carries at most 400 (t-1's capacity); coop-b's 150.5 go via trader-1;
        # proc-x (capacity 600) and market-lima (demand 1000) do not bind.
        self.assertEqual(self.m.flow(), {
            "commodity": "native-potato", "unit": "t",
            "total_supply": 1000.5, "max_flow": 550.5, "deliverable_share": 550.5 / 1000.5,
            "binding": [{"type": "transaction", "seller": "coop-a", "buyer": "proc-x",
                         "capacity": 400}]})
        # with trader-1 as the only sink, only coop-b's supply arrives
        self.assertEqual(self.m.flow(sinks=["trader-1"])["max_flow"], 150.5)

    def test_betweenness(self):
        # arcs coop-a -> proc-x, coop-b -> trader-1 -> proc-x -> market-lima:
        # proc-x is on 3 shortest paths (from coop-a, coop-b, trader-1 to
        # market-lima), trader-1 on 2 (coop-b to proc-x and to market-lima);
        # between producers and the end market: 2 and 1.
        got = {b["actor"]: (b["all_pairs"], b["source_sink"]) for b in self.m.betweenness()}
        self.assertEqual(got, {"proc-x": (3, 2), "trader-1": (2, 1), "coop-a": (0, 0),
                               "coop-b": (0, 0), "market-lima": (0, 0)})
        # an estimate is reproducible for a seed, and says so in the section
        self.assertEqual(self.m.betweenness(pivots=2, seed=7),
                         self.m.betweenness(pivots=2, seed=7))
        self.assertEqual(self.m.bottlenecks(pivots=2, seed=7)["chains"][0]["betweenness_estimate"],
                         {"pivots": 2, "seed": 7})
        self.assertIsNone(self.m.bottlenecks()["chains"][0]["betweenness_estimate"])
        self.assertEqual(self.m.chains(), [{"commodity": "native-potato", "unit": "t"}])

    def test_throughput(self):
        # delivered to proc-x as the sink: 320 + 140 = 460; supplied by the
        # producers: coop-a 320 + coop-b 150.5 = 470.5, the larger: shares of it
        got = {t["actor"]: (t["throughput"], t["share"])
               for t in self.m.throughput(sinks=["proc-x"])}
        self.assertEqual(got["proc-x"], (460, 460 / 470.5))
        self.assertEqual(got["coop-b"], (150.5, 150.5 / 470.5))

    def test_market_map_options(self):
        full = self.m.to_dot()
        self.assertTrue(full.startswith("digraph market {"))
        self.assertIn("arrows: produce", full)  # the legend
        self.assertNotIn("arrows: produce", self.m.to_dot(hide_legend=True))
        # t-5 (training, a service) is the only dotted arrow
        self.assertEqual(full.count("style=dotted"), 1)
        self.assertNotIn("style=dotted", self.m.to_dot(hide_services=True))
        # f-pmca targets coop-a, coop-b and t-1 (coop-a -> proc-x): 3 arrows; f2 one
        self.assertEqual(full.count("style=dashed"), 4)
        self.assertNotIn("style=dashed", self.m.to_dot(hide_facilitation=True))
        with self.assertRaises(TypeError):
            self.m.to_dot(highlight="yes")

    def test_market_map_views(self):
        # producers by region: one node per region of the producers
        collapsed = self.m.to_dot(collapse=["producer"])
        self.assertIn("merged by region: producer", collapsed)
        self.assertNotIn('"coop-a" [', collapsed)
        self.assertIn('"coop-a" [', self.m.to_dot())
        with self.assertRaises(mg.ValidationError):
            self.m.to_dot(collapse=["farmer"])
        with self.assertRaises(TypeError):
            self.m.to_dot(collapse="producer")
        with self.assertRaises(mg.NotFoundError):
            self.m.to_dot(commodity="rice")
        with self.assertRaises(mg.InvalidArgumentError):
            self.m.to_dot(top=-1)

    def test_market_map_page(self):
        # the page's DOT attributes; this small model fits A4 landscape
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            dot = self.m.to_dot(page="a4-landscape")
            self.assertEqual(self.m.to_dot(page="none"), self.m.to_dot())
        self.assertIn('size="10.89,7.47!", ratio=compress, margin=0.4, center=true', dot)
        self.assertIn('edge [fontname="Helvetica", fontsize=8]', dot)
        with self.assertRaises(mg.InvalidArgumentError) as e:
            self.m.to_dot(page="a5")
        self.assertIn('dot: unknown page "a5" (the pages: a4-landscape, a4-portrait, '
                      'a3-landscape, letter-landscape, none)', str(e.exception))
        with self.assertRaises(TypeError):
            self.m.to_dot(page=4)

    def test_market_map_page_too_small(self):
        # 60 producers in one column cannot be read on A4 landscape
        doc = {"format": "marketgraph", "version": 1,
               "actors": [{"id": "m", "kind": "end_market"}] +
                         [{"id": "p%d" % i, "kind": "producer"} for i in range(60)],
               "transactions": [{"seller": "p%d" % i, "buyer": "m", "commodity": "maize",
                                 "volume": 1} for i in range(60)]}
        with self.assertWarnsRegex(UserWarning, r"^the map is too large for a4-landscape: its "
                                                r"labels come out at about \d\.\d pt \(under 7"):
            dot = mg.from_dict(doc).to_dot(page="a4-landscape")
        self.assertIn("a4-landscape: too much for the page", dot)

    def test_option_errors(self):
        m = self.m
        for call, cls, message in [
                (lambda: m.betweenness(pivots=-1), mg.InvalidArgumentError,
                 "pivots: must be an integer from 0 to 18446744073709551615, got -1"),
                (lambda: m.betweenness(seed=2 ** 64), mg.InvalidArgumentError,
                 "seed: must be an integer from 0 to 18446744073709551615, "
                 "got 18446744073709551616"),
                (lambda: m.flow(sources=["nobody"]), mg.NotFoundError,
                 'sources: unknown actor "nobody"'),
                (lambda: m.shock(["nobody"]), mg.NotFoundError, 'remove: unknown actor "nobody"'),
                (lambda: m.exit_simulation("2012-13-01"), mg.InvalidArgumentError,
                 'exit_date: "2012-13-01" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)'),
                (lambda: m.competing(duplication_similarity=1.5), mg.InvalidArgumentError,
                 "mkg_competing_new: duplication_similarity must be in [0, 1], got 1.5"),
                (lambda: m.competing(sample_ids=65), mg.InvalidArgumentError,
                 "mkg_competing_new: sample_ids must be at most 64, got 65")]:
            with self.subTest(message=message):
                with self.assertRaises(cls) as cm:
                    call()
                self.assertEqual(str(cm.exception), message)
        for call in (lambda: m.betweenness(pivots=1.5), lambda: m.shock(None),
                     lambda: m.competing(duplication_similarity="0.5"),
                     lambda: m.shock("proc-x"), lambda: m.exit_simulation(None),
                     lambda: m.flow(sinks=[3])):
            with self.assertRaises(TypeError):
                call()

    def test_competing_options(self):
        # SAMPLE's f-pmca targets coop-a coop-b t-1; a second programme, paid
        # by assoc, targets coop-a and coop-b: 2 of 3 targets shared.
        m = mg.from_dict(SAMPLE)
        m.add_facilitation("assoc", "temporary", "linkages",
                           targets={"actors": ["coop-b", "coop-a"]})
        pair, = m.competing()
        self.assertEqual((pair["relation"], pair["similarity"]), ("duplication", 2 / 3))
        self.assertEqual(pair["shared_actors"], {"count": 2, "first": ["coop-a", "coop-b"]})
        pair, = m.competing(duplication_similarity=0.7, sample_ids=1)
        self.assertEqual(pair["relation"], "overlap")
        self.assertEqual(pair["shared_actors"], {"count": 2, "first": ["coop-a"]})

    def test_shock(self):
        got = self.m.shock(["trader-1"])
        # Without trader-1, coop-b (supply: its sales, 150.5) has no route to market-lima.
        self.assertEqual(got["removed"], ["trader-1"])
        self.assertEqual(got["stranded"], ["coop-b"])
        self.assertEqual(got["stranded_supply"], 150.5)


class ExitShockByReachability(unittest.TestCase):
    """shock([x]) strands exactly the producers that reach an end market
    along produce transactions, and no longer do without x (worked out here
    by a plain graph search, independently of the library)."""

    def test_examples(self):
        for path in example_models():
            with open(path) as f:
                doc = json.load(f)
            kind = {a["id"]: a["kind"] for a in doc["actors"]}
            made_from = {c["id"]: c.get("made_from") for c in doc.get("commodities", [])}

            def primary(c):
                while made_from.get(c):
                    c = made_from[c]
                return c
            # one produce graph per chain (primary commodity)
            chain_arcs = {}
            for t in doc["transactions"]:
                if not t.get("service"):
                    chain_arcs.setdefault(primary(t["commodity"]), {}).setdefault(
                        t["seller"], set()).add(t["buyer"])

            def reaches_market(start, removed):
                seen, todo = {start}, [start]
                while todo:
                    a = todo.pop()
                    if kind[a] == "end_market":
                        return True
                    for b in arcs.get(a, ()):  # arcs: the chain's, set below
                        if b not in seen and b != removed:
                            seen.add(b)
                            todo.append(b)
                return False
            m = mg.load(path)
            for chain, arcs in sorted(chain_arcs.items()):
                # with several chains, a producer is a source where it sells
                producers = sorted(a for a in kind if kind[a] == "producer"
                                   and (len(chain_arcs) == 1 or a in arcs))
                for x in kind:
                    expected = [p for p in producers if p != x and reaches_market(p, None)
                                and not reaches_market(p, x)]
                    with self.subTest(path=os.path.basename(path), chain=chain, remove=x):
                        self.assertEqual(m.shock([x], chain=chain)["stranded"], expected)


class SectionsOfTheReport(unittest.TestCase):
    """Each method returns its section of report() with the same options."""

    def check(self, model, **options):
        report = model.report(**options)
        measure = options.get("measure", "volume")
        by_region = options.get("by_region", False)
        levels = options.get("levels", "separate")
        sections = {
            "concentration": lambda: model.concentration(
                measure, options.get("thresholds", "us2023"), by_region, levels),
            "coalitions": lambda: model.coalitions(options.get("coalition"), measure,
                                                   by_region, levels=levels),
            "dependency": lambda: model.dependency(measure),
            "bottlenecks": lambda: model.bottlenecks(),
            "facilitation": lambda: model.facilitation_analysis(
                measure, by_region, options.get("exit_date")),
            "value": model.value,
            "inclusiveness": model.inclusiveness,
            "groups": lambda: model.groups(measure, by_region, levels),
            "channels": model.channels,
        }
        self.assertTrue({"concentration", "coalitions", "dependency"} <= set(report))
        for name, section in sections.items():
            if name in report:
                with self.subTest(section=name, options=options):
                    self.assertEqual(section(), report[name])
        self.assertEqual(set(report) - set(sections), {"report", "version", "model", "options"})

    def test_sample(self):
        m = mg.from_dict(SAMPLE)
        for kwargs, _ in options(m):
            self.check(m, **kwargs)

    def test_examples(self):
        for path in example_models():
            with self.subTest(path=path):
                self.check(mg.load(path))
                self.check(mg.load(path), measure="value", by_region=True)


POTATO = {
    "format": "marketgraph", "version": 1, "currency": "PEN", "volume_unit": "t",
    "commodities": [{"id": "potato"},
                    {"id": "chips", "made_from": "potato", "input_per_unit": 4}],
    "actors": [{"id": "farmers", "kind": "producer"}, {"id": "trader", "kind": "trader"},
               {"id": "market", "kind": "end_market"},
               {"id": "processor", "kind": "processor"},
               {"id": "retail", "kind": "retailer"},
               {"id": "consumers", "kind": "end_market"}],
    "transactions": [
        {"seller": "farmers", "buyer": "trader", "commodity": "potato", "volume": 600,
         "value": 480},
        {"seller": "trader", "buyer": "market", "commodity": "potato", "volume": 600,
         "value": 720},
        {"seller": "farmers", "buyer": "processor", "commodity": "potato", "volume": 400,
         "value": 400},
        {"seller": "processor", "buyer": "retail", "commodity": "chips", "volume": 100,
         "value": 2000},
        {"seller": "retail", "buyer": "consumers", "commodity": "chips", "volume": 100,
         "value": 3200}]}


class Channels(unittest.TestCase):
    """docs/analyses.md 4b, worked example: fresh 600 t, farmer's share
    0.8 / 1.2; chips 400 t of potato, 1 / 8; chain (600 x 2/3 + 400 / 8) / 1000."""

    def test_worked_example(self):
        m = mg.from_dict(POTATO)
        result = m.channels()
        self.assertEqual(result, m.channels(chain="potato"))
        self.assertEqual(result, m.report()["channels"])
        chain, = result["chains"]
        self.assertAlmostEqual(chain["producer_share"], 0.45)
        self.assertEqual([(c["kinds"], c["volume"]) for c in chain["channels"]],
                         [("producer > trader > end_market", 600),
                          ("producer > processor > retailer > end_market", 400)])
        self.assertAlmostEqual(chain["channels"][0]["farmer_share"], 2 / 3)
        self.assertAlmostEqual(chain["channels"][1]["farmer_share"], 0.125)
        self.assertEqual([s["price"] for s in chain["channels"][1]["steps"]], [1, 5, 8])
        self.assertNotIn("Marketing channels", m.report_text())
        self.assertIn("producer > processor > retailer > end_market: 400 t (40.0%), "
                      "farmer's share 12.5%", m.report_text(channels=True))
        # the summary: 66.7% on 600 t, 12.5% on 400 t; volume-weighted
        # (0.6 x 2/3 + 0.4 x 0.125 = 0.45)
        self.assertIn("Farmer's share of the end price, potato: 45.0% overall; by channel: "
                      "producer > trader > end_market 66.7% (60.0% of volume), producer > "
                      "processor > retailer > end_market 12.5% (40.0% of volume)",
                      m.report_text().split("\n")[:10])

    def test_margins(self):
        """Value added and net margin per t of potato (docs/analyses.md 4b):
        the processor (energy 300) and the retailer (rent 600) give costs.
        Processor: (300 + 400 - 400) / 2000 = 0.15 of its sales value, so
        2000 x 0.15 / 400 = 0.75 per t; value added 5 - 1 = 4, net 3.25.
        Retailer: 600 / 3200 of 3200 over 400 t = 1.5; 8 - 5 = 3, net 1.5.
        Farmers give no costs: the chips channel has no net margin."""
        doc = json.loads(json.dumps(POTATO))
        actors = {a["id"]: a for a in doc["actors"]}
        actors["processor"]["costs"] = [{"item": "energy", "amount": 300}]
        actors["retail"]["costs"] = [{"item": "rent", "amount": 600}]
        chips = mg.from_dict(doc).channels()["chains"][0]["channels"][1]
        self.assertEqual([s["purchase_price"] for s in chips["steps"]], [0, 1, 5])
        self.assertEqual([s["value_added"] for s in chips["steps"]], [1, 4, 3])
        self.assertEqual([s["costs"] for s in chips["steps"]], [None, 0.75, 1.5])
        self.assertEqual([s["net_margin"] for s in chips["steps"]], [None, 3.25, 1.5])
        self.assertEqual((chips["value_added"], chips["costs"], chips["net_margin"]),
                         (8, None, None))
        actors["farmers"]["costs"] = [{"item": "labour", "amount": 88}]
        chips = mg.from_dict(doc).channels()["chains"][0]["channels"][1]
        # farmers: 88 / 880 of 400 over 400 t = 0.1; 1 - 0.1 = 0.9
        self.assertAlmostEqual(chips["steps"][0]["net_margin"], 0.9)
        self.assertAlmostEqual(chips["costs"], 0.1 + 0.75 + 1.5)
        self.assertAlmostEqual(chips["net_margin"], 8 - 2.35)

    def test_errors(self):
        m = mg.from_dict(POTATO)
        with self.assertRaises(mg.InvalidArgumentError) as cm:
            m.channels(chain="chips")
        self.assertEqual(str(cm.exception),
                         "chain: \"chips\" is made from \"potato\": name the primary commodity")
        with self.assertRaises(mg.NotFoundError) as cm:
            m.channels(chain="yam")
        self.assertEqual(str(cm.exception), "chain: no commodity \"yam\"")
        with self.assertRaises(TypeError):
            m.channels(chain=4)


CHIPS = {
    "format": "marketgraph", "version": 1, "volume_unit": "t", "currency": "USD",
    "commodities": [{"id": "potato"},
                    {"id": "chips", "unit": "kt", "made_from": "potato", "input_per_unit": 4},
                    {"id": "transport", "service": True}],
    "actors": [{"id": "f1", "kind": "producer", "households": 10},
               {"id": "f2", "kind": "producer"}, {"id": "p", "kind": "processor"},
               {"id": "c", "kind": "association", "households": 5},
               {"id": "r", "kind": "retailer"}, {"id": "s", "kind": "service_provider"}],
    "transactions": [
        {"seller": "f1", "buyer": "p", "commodity": "potato", "volume": 100, "value": 1000},
        {"seller": "f2", "buyer": "p", "commodity": "potato", "volume": 60, "value": 600},
        {"seller": "p", "buyer": "r", "commodity": "chips", "volume": 20, "value": 5000},
        {"seller": "c", "buyer": "r", "commodity": "chips", "volume": 10, "value": 2500},
        {"seller": "s", "buyer": "p", "commodity": "transport", "volume": 300, "value": 50,
         "service": True}]}


BOARD = {
    "format": "marketgraph", "version": 1, "currency": "UGX",
    "commodities": [{"id": "cess", "service": True, "transfer": True}],
    "actors": [
        {"id": "f1", "kind": "producer", "households": 10, "tags": ["women-led"],
         "costs": [{"item": "labour", "amount": 100}]},
        {"id": "f2", "kind": "producer", "households": 30,
         "costs": [{"item": "labour", "amount": 150},
                   {"item": "rent", "amount": 50, "period": "2010", "commodity": "maize"}]},
        {"id": "tr", "kind": "trader", "costs": [{"item": "transport", "amount": 60}]},
        {"id": "mb", "kind": "marketing_board"}, {"id": "em", "kind": "end_market"}],
    "transactions": [
        {"seller": "f1", "buyer": "tr", "commodity": "maize", "volume": 20, "value": 400},
        {"seller": "f2", "buyer": "tr", "commodity": "maize", "volume": 60, "value": 1080},
        {"seller": "tr", "buyer": "em", "commodity": "maize", "volume": 80, "value": 2000,
         "level": "wholesale"},
        {"seller": "mb", "buyer": "f1", "commodity": "cess", "value": 20, "service": True},
        {"seller": "mb", "buyer": "f2", "commodity": "cess", "value": 60, "service": True},
        {"seller": "mb", "buyer": "tr", "commodity": "cess", "value": 40, "service": True}]}


class Value(unittest.TestCase):
    """docs/analyses.md 4, worked example: net margins 280, 820, 420, 120;
    producers 27.5 per household, Gini 1/220; women-led 80% against 72%."""

    def test_worked_example(self):
        m = mg.from_dict(BOARD)
        self.assertEqual(m.actors[1].costs, BOARD["actors"][1]["costs"])
        self.assertTrue(m.commodities[0].transfer)
        self.assertEqual(mg.from_dict(m.to_dict()).to_dict(), m.to_dict())
        v = m.value(by_tag=["women-led"])
        self.assertEqual(v, m.report(by_tag=["women-led"])["value"])
        self.assertEqual([(a["actor"], a["net_margin"]) for a in v["actors"]],
                         [("f1", 280), ("f2", 820), ("mb", 120), ("tr", 420)])
        producers = v["by_kind"][0]
        self.assertEqual(producers["income_per_household"], 27.5)
        self.assertAlmostEqual(producers["gini"], 1 / 220)
        self.assertEqual(producers["gini_over"], "households")
        self.assertIsNone(v["by_kind"][1]["gini"])
        self.assertEqual([(s["with"], s["share"]) for s in v["by_tag_shares"]],
                         [(True, 0.8), (False, 0.72)])
        self.assertEqual(m.value()["by_tag"], [])
        self.assertIn("Producers by tag women-led:", m.report_text(by_tag=["women-led"]))

    def test_errors(self):
        m = mg.from_dict(BOARD)
        with self.assertRaises(mg.NotFoundError) as cm:
            m.value(by_tag=["remote"])
        self.assertEqual(str(cm.exception), 'by_tag[0]: no producer has the tag "remote"')
        with self.assertRaises(mg.ValidationError) as cm:
            m.add_actor("x", "trader", costs=[{"item": "rent"}])
        self.assertEqual(str(cm.exception), "actors[5].costs[0].amount: missing (required)")
        with self.assertRaises(mg.ValidationError) as cm:
            m.add_commodity("fee", transfer=True)
        self.assertEqual(str(cm.exception),
                         'commodities[1].transfer: a transfer is a service (set "service": true)')


class Chains(unittest.TestCase):
    """Summary and inclusiveness per chain, by hand: potato 100 + 60 t, chips
    20 + 10 kt made from 4 t of potato each: the potato chain holds
    160 + 4 x 30 = 280 t of potato equivalents; smallholders (f1 100 t, c 4 x
    10 = 40 t) 140 t; transport (a service) is in no chain."""

    def test_summary(self):
        s = mg.from_dict(CHIPS).summary()
        self.assertEqual([(c["commodity"], c["unit"], c["volume"]) for c in s["commodities"]],
                         [("chips", "kt", 30), ("potato", "t", 160), ("transport", "t", 300)])
        self.assertEqual(s["chains"], [{"primary": "potato", "unit": "t", "transactions": 4,
                                        "volume": 280, "value": 9100}])
        self.assertNotIn("total_volume", s)

    def test_inclusiveness(self):
        inc = mg.from_dict(CHIPS).inclusiveness()
        self.assertEqual(inc["chains"], [{"primary": "potato", "unit": "t",
                                          "produce_volume": 280, "smallholder_volume": 140,
                                          "smallholder_volume_share": 0.5}])
        self.assertEqual(inc["households_selling"], 10)


class ExitSupportByFunction(unittest.TestCase):
    """exit_simulation() rows are (transaction, function): "train"
    (capacity_building) names f1, so it supports f1's sale t1, not its
    purchase t0; "credit" (finance) names f1, so both; both stop (end 2010),
    "reg" (public regulation of f1) continues and replaces neither."""

    DOC = {"format": "marketgraph", "version": 1, "period": "2010",
           "actors": [{"id": i, "kind": k} for i, k in
                      (("f1", "producer"), ("tr", "trader"), ("inp", "input_supplier"),
                       ("prog", "programme"), ("gov", "public_agency"))],
           "transactions": [
               {"id": "t0", "seller": "inp", "buyer": "f1", "commodity": "seed", "volume": 5},
               {"id": "t1", "seller": "f1", "buyer": "tr", "commodity": "rice", "volume": 50}],
           "facilitation": [
               {"id": "train", "facilitator": "prog", "type": "temporary",
                "function": "capacity_building", "targets": {"actors": ["f1"]},
                "end": "2010", "exit": "fade_out"},
               {"id": "credit", "facilitator": "prog", "type": "temporary",
                "function": "finance", "targets": {"actors": ["f1"]},
                "end": "2010", "exit": "fade_out"},
               {"id": "reg", "facilitator": "gov", "type": "public",
                "function": "regulation", "targets": {"actors": ["f1"]}}]}

    def test_rows(self):
        sim = mg.from_dict(self.DOC).exit_simulation("2011")
        self.assertEqual([(r["transaction"], r["function"])
                          for r in sim["unsupported_transactions"]],
                         [("t0", "finance"), ("t1", "capacity_building"), ("t1", "finance")])
        self.assertEqual([(m["commodity"], m["unsupported"]) for m in sim["markets"]],
                         [("rice", 50), ("seed", 5)])


@unittest.skipUnless(cli(), "needs the command-line tool (MARKETGRAPH_CLI)")
class SameAsTheTool(unittest.TestCase):
    """report() is exactly `marketgraph analyze --format json`."""

    def compare(self, path, model):
        for kwargs, flags in options(model):
            with self.subTest(path=os.path.basename(path), options=kwargs):
                self.assertEqual(model.report(**kwargs),
                                 run_cli("analyze", "--format", "json", *flags, path))

    def test_sample(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "sample.json")
            with open(path, "w") as f:
                json.dump(SAMPLE, f)
            self.compare(path, mg.load(path))

    def test_examples(self):
        paths = example_models()
        self.assertTrue(paths, "no example models found")
        for path in paths:
            self.compare(path, mg.load(path))

    def test_text(self):
        path = example_models()[0]
        m = mg.load(path)
        for kwargs, flags in options(m):
            with self.subTest(options=kwargs):
                done = run_native([cli(), "analyze", *flags, path], text=True, check=True)
                self.assertEqual(m.report_text(**kwargs), done.stdout)
        done = run_native([cli(), "analyze", "--detail", path], text=True, check=True)
        self.assertEqual(m.report_text(detail=True), done.stdout)
        self.assertNotEqual(m.report_text(), done.stdout)

    def test_market_map(self):
        for path in example_models():
            m = mg.load(path)
            for highlight, flags in ((False, []), (True, ["--highlight"])):
                with self.subTest(path=os.path.basename(path), highlight=highlight):
                    done = run_native([cli(), "export", "--format", "dot", *flags, path],
                                      check=True)
                    self.assertEqual(m.to_dot(highlight=highlight), done.stdout.decode())
            # the views agree with the command line too
            done = run_native([cli(), "export", "--format", "dot", "--highlight", "--top", "2",
                               "--collapse", "producers-by-region", path], check=True)
            self.assertEqual(m.to_dot(highlight=True, top=2, collapse=["producer"]),
                             done.stdout.decode())

    def test_html_and_tables(self):
        """report_html() is `marketgraph report`, byte for byte; write_report_csv()
        writes the files of `analyze --format csv --dir`."""
        path = example_models()[0]
        m = mg.load(path)
        for kwargs, flags in (({}, []), ({"date": "1 May 2026", "levels": "pooled"},
                                         ["--date", "1 May 2026", "--levels", "pooled"])):
            with self.subTest(options=kwargs):
                done = run_native([cli(), "report", *flags, path], check=True)
                self.assertEqual(m.report_html(**kwargs), done.stdout.decode())
        with tempfile.TemporaryDirectory() as d:
            m.write_report_html(os.path.join(d, "r.html"))
            with open(os.path.join(d, "r.html"), encoding="utf-8") as f:
                self.assertEqual(f.read(), m.report_html())
            m.write_report_csv(os.path.join(d, "py"), bom=True)
            run_native([cli(), "analyze", "--format", "csv", "--bom", "--dir",
                        os.path.join(d, "cli"), path], check=True)
            names = sorted(os.listdir(os.path.join(d, "cli")))
            self.assertIn("concentration.csv", names)
            self.assertEqual(sorted(os.listdir(os.path.join(d, "py"))), names)
            for name in names:
                with open(os.path.join(d, "py", name), "rb") as f, \
                        open(os.path.join(d, "cli", name), "rb") as g:
                    self.assertEqual(f.read(), g.read(), name)
            with open(os.path.join(d, "py", "notes.txt"), "w") as f:
                f.write("mine")
            with self.assertRaises(mg.errors.Error) as caught:
                m.write_report_csv(os.path.join(d, "py"))
            self.assertEqual(str(caught.exception),
                             "%s: cannot write: the directory holds 'notes.txt', which is not "
                             "one of the tables; give a new or empty directory"
                             % os.path.join(d, "py"))

    def test_shock(self):
        for path in example_models():
            m = mg.load(path)
            for chain in m.bottlenecks()["chains"]:
                captive = [c["actor"] for c in chain["captive"]]
                for remove in filter(None, ([m.actors[0].id], captive[:1], captive[:2])):
                    with self.subTest(path=os.path.basename(path), remove=remove):
                        self.assertEqual({"chains": [m.shock(remove, chain=chain["commodity"])]},
                                         run_cli("shock", "--format", "json", "--remove",
                                                 ",".join(remove), "--chain",
                                                 chain["commodity"], path))


if __name__ == "__main__":
    unittest.main()
