#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The example models (examples/models/) stay valid, consistent, and keep
telling the stories examples/README.md tells.

Three kinds of checks:
  - every model validates, has 15 to 80 actors, says that its numbers are
    illustrative, and is internally consistent (no group sells more than its
    supply, intermediaries sell no more than they buy and at a higher price,
    processors no more than their yield allows, capacities and demands hold);
  - the key finding of each story, read from `marketgraph analyze --format
    json` and `marketgraph shock --format json`;
  - every console block of examples/README.md: its `$ marketgraph ...`
    command is run and each line shown under it must appear in the output
    (so the README quotes real reports).

Environment (set by tests/examples/meson.build):
  MARKETGRAPH      the built tool
  MKG_SOURCE_ROOT  the source tree
"""
import collections
import glob
import html
import json
import os
import re
import shlex
import subprocess
import unittest
from collections import defaultdict

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
MODELS = os.path.join(ROOT, "examples", "models")
# Intermediaries: they sell what they bought, so no more of it and dearer.
TRADING = {"collector", "trader", "wholesaler", "exporter", "retailer", "association",
           "marketing_board"}


def run(*args):
    done = subprocess.run([TOOL, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
    if done.returncode != 0:
        raise AssertionError(f"marketgraph {' '.join(args)}: exit {done.returncode}: "
                             f"{done.stderr}")
    return done.stdout


def analyze(name, *options):
    return json.loads(run("analyze", "--format", "json", *options,
                          os.path.join(MODELS, name)))


def shock(name, *remove, commodity=None):
    """The shock in one chain (named by its primary commodity; the only
    chain with a flow when not named)."""
    chains = json.loads(run("shock", "--format", "json", "--remove", ",".join(remove),
                            os.path.join(MODELS, name)))["chains"]
    if commodity is None:
        chains = [c for c in chains if c["max_flow_before"] > 0]
        assert len(chains) == 1, [c["commodity"] for c in chains]
        return chains[0]
    return [c for c in chains if c["commodity"] == commodity][0]


def chain(report, commodity):
    """The bottleneck results of one chain of the report."""
    return [c for c in report["bottlenecks"]["chains"] if c["commodity"] == commodity][0]


def load(name):
    with open(os.path.join(MODELS, name), encoding="utf-8") as f:
        return json.load(f)


def market(report, commodity):
    """The market of commodity; at the farm gate when it has several levels."""
    rows = [m for m in report["concentration"] if m["commodity"] == commodity]
    if len(rows) > 1:
        rows = [m for m in rows if m["level"] == "producer"]
    assert len(rows) == 1, rows
    return rows[0]


def producer_top_buyers(report):
    return {a["actor"]: (a["top_buyer"], a["sales_share"])
            for a in report["dependency"]["actors"] if a["sales"] and a["top_buyer"]
            and a["actor"] in report["_producers"]}


def with_producers(report, doc):
    report["_producers"] = {a["id"] for a in doc["actors"] if a["kind"] == "producer"}
    return report


def cost_share_by(report, kind_or_ids):
    """The share of all facilitation cost paid by actors of a kind (or ids)."""
    total = paid = 0.0
    for t in report["facilitation"]["payment_totals"]:
        total += sum(p["amount"] for p in t["payers"])
        paid += sum(p["amount"] for p in t["payers"]
                    if p["kind"] == kind_or_ids or p["actor"] in kind_or_ids)
    return paid / total


class EveryModel(unittest.TestCase):
    def setUp(self):
        self.files = sorted(glob.glob(os.path.join(MODELS, "*.json")))

    def test_there_is_one_per_case(self):
        names = {os.path.basename(f) for f in self.files}
        for expected in ("potato-andes.json", "potato-andes-2008.json",
                         "jute-project-pays.json", "jute-public-private.json",
                         "jute-contract.json", "jute-auction.json", "maize-board.json",
                         "maize-board-inclusive.json", "dairy-two-programmes.json",
                         "cotton-buyer-exit.json"):
            self.assertIn(expected, names)

    def test_valid(self):
        done = subprocess.run([TOOL, "validate", "--quiet", *self.files], capture_output=True,
                              text=True)
        self.assertEqual((done.returncode, done.stderr), (0, ""))

    def test_illustrative_and_sized(self):
        for path in self.files:
            with self.subTest(model=os.path.basename(path)):
                with open(path, encoding="utf-8") as f:
                    doc = json.load(f)
                self.assertIn("illustrative", doc["name"])
                self.assertIn("invented", doc["attributes"]["source"])
                self.assertTrue(15 <= len(doc["actors"]) <= 80, len(doc["actors"]))

    def test_consistent(self):
        for path in self.files:
            with self.subTest(model=os.path.basename(path)):
                with open(path, encoding="utf-8") as f:
                    self.check_consistent(json.load(f))

    def check_consistent(self, doc):
        # per period: a model of two years (potato-andes-periods.json) holds
        # each year's sales against the same supply
        periods = defaultdict(list)
        for t in doc["transactions"]:
            periods[t.get("period", doc.get("period"))].append(t)
        for period, transactions in sorted(periods.items()):
            with self.subTest(period=period):
                self.check_period(doc, transactions)

    def check_period(self, doc, transactions):
        sold, bought = defaultdict(float), defaultdict(float)
        sold_value, bought_value = defaultdict(float), defaultdict(float)
        for t in transactions:
            if t.get("service") or "volume" not in t:
                continue
            v = t["volume"]
            if "capacity" in t:
                self.assertLessEqual(v, t["capacity"], t["id"])
            sold[t["seller"]] += v
            bought[t["buyer"]] += v
            sold_value[t["seller"]] += t.get("value", 0)
            bought_value[t["buyer"]] += t.get("value", 0)
        for a in doc["actors"]:
            i, kind = a["id"], a["kind"]
            if kind == "producer" and "supply" in a:
                self.assertLessEqual(sold[i], a["supply"], i)
            if "capacity" in a:
                self.assertLessEqual(max(sold[i], bought[i]), a["capacity"], i)
            if kind == "end_market":
                self.assertEqual(sold[i], 0, i)
                if "demand" in a:
                    self.assertLessEqual(bought[i], a["demand"], i)
            if kind in TRADING and bought[i] > 0:
                self.assertLessEqual(sold[i], bought[i], i)
                self.assertGreater(sold[i], 0, i)
                self.assertGreater(sold_value[i] / sold[i], bought_value[i] / bought[i], i)
            if kind == "processor":
                y = a.get("attributes", {}).get("output_per_input")
                self.assertIsNotNone(y, f"{i}: say its yield in attributes.output_per_input")
                self.assertLessEqual(sold[i], y * bought[i] + 1e-9, i)
                if bought[i] > 0:  # not yet in the market that period
                    self.assertGreater(sold_value[i], bought_value[i], i)


def channels(report, commodity):
    """The marketing channels of one chain of the report."""
    return [c for c in report["channels"]["chains"] if c["commodity"] == commodity][0]


class Chains(unittest.TestCase):
    """Every example lists its commodities: products are measured in their
    primary commodity, so no actor handles more than the chain delivers, and
    every produce chain has its marketing channels."""
    CONVERTED = {"potato-andes.json": "native-potato", "potato-andes-2008.json": "native-potato",
                 "potato-andes-periods.json": "native-potato",
                 "maize-board.json": "maize", "maize-board-inclusive.json": "maize",
                 "cotton-buyer-exit.json": "seed-cotton", "dairy-two-programmes.json": "milk"}

    def test_every_example_lists_commodities(self):
        for name in sorted(os.listdir(MODELS)):
            doc = load(name)
            with self.subTest(model=name):
                listed = {c["id"] for c in doc.get("commodities", [])}
                self.assertEqual(listed, {t["commodity"] for t in doc["transactions"]})

    def test_no_throughput_above_the_flow(self):
        for name in self.CONVERTED:
            for c in analyze(name)["bottlenecks"]["chains"]:
                for t in c["throughput"]:
                    with self.subTest(model=name, chain=c["commodity"], actor=t["actor"]):
                        if t["share"] is not None:
                            self.assertLessEqual(t["share"], 1 + 1e-12)

    def test_channels_in_every_produce_chain(self):
        for name in sorted(os.listdir(MODELS)):
            primary = self.CONVERTED.get(name, "jute-handicrafts")
            with self.subTest(model=name):
                chain_channels = channels(analyze(name), primary)
                self.assertGreater(len(chain_channels["channels"]), 0)
                for ch in chain_channels["channels"]:
                    self.assertTrue(ch["kinds"].startswith("producer > "), ch["kinds"])
                    self.assertTrue(ch["kinds"].endswith(" > end_market"), ch["kinds"])
                    self.assertGreater(ch["farmer_share"], 0)
                    self.assertLessEqual(ch["farmer_share"], 1)


class PotatoAndes(unittest.TestCase):
    """A multinational's entry concentrated the buying of native potatoes and
    made three producer groups captive to it."""

    @classmethod
    def setUpClass(cls):
        cls.after = with_producers(analyze("potato-andes.json"), load("potato-andes.json"))
        cls.before = with_producers(analyze("potato-andes-2008.json"),
                                    load("potato-andes-2008.json"))

    def test_buyer_concentration_rose(self):
        before = market(self.before, "native-potato")["buyer"]
        after = market(self.after, "native-potato")["buyer"]
        # At the farm gate, the collectors counted as the many firms they
        # stand for: before the entry the buying was unconcentrated (HHI 165);
        # afterwards the multinational buys 2400 of the 3530 t the producers
        # sell (68.0%), and the HHI is 4689.
        self.assertEqual(before["class"], "unconcentrated")
        self.assertEqual(round(before["hhi"]), 165)
        self.assertEqual(after["class"], "highly_concentrated")
        self.assertEqual(round(after["hhi"]), 4689)
        self.assertNotIn("snack-multinational", [s["actor"] for s in before["shares"]])
        self.assertEqual(after["shares"][0]["actor"], "snack-multinational")
        self.assertAlmostEqual(after["shares"][0]["share"], 2400 / 3530, places=12)
        self.assertLess(before["cr1"], 0.3)

    def test_margins_chips_against_fresh(self):
        """Value added and net margin per t of potato (docs/analyses.md 4b),
        chips against fresh, recomputed here from the model.  Both
        processors sell less than they buy (chips-andinos 240 of 250 t,
        snack-multinational 2,320 of 2,400 t in potato equivalents), so each
        of their sales to end markets carries its whole volume into the chip
        channel "producer > processor > end_market".  A processor's costs per
        unit of sales value: (costs + purchases - potatoes bought + transfers
        paid - received) / sales."""
        doc = load("potato-andes.json")
        ids = {a["id"]: a for a in doc["actors"]}
        chips_of = {c["id"]: c.get("input_per_unit", 1) for c in doc["commodities"]}
        transfers = {c["id"] for c in doc["commodities"] if c.get("transfer")}
        by = {ch["kinds"]: ch for ch in channels(self.after, "native-potato")["channels"]}
        chip = by["producer > processor > end_market"]
        fresh = by["producer > collector > wholesaler > end_market"]
        rate = {}
        for p in ("chips-andinos", "snack-multinational"):
            sales = spent = 0
            for t in doc["transactions"]:
                if "value" not in t:
                    continue
                if t["commodity"] in transfers:
                    spent += t["value"] if t["buyer"] == p else -t["value"] if \
                        t["seller"] == p else 0
                    continue
                sales += t["value"] if t["seller"] == p else 0
                if t["buyer"] == p and t["commodity"] != "native-potato":
                    spent += t["value"]
            spent += sum(c["amount"] for c in ids[p]["costs"])
            rate[p] = spent / sales
        arcs = [t for t in doc["transactions"] if t["seller"] in rate
                and ids[t["buyer"]]["kind"] == "end_market"]
        volume = sum(t["volume"] * chips_of[t["commodity"]] for t in arcs)
        price = sum(t["value"] for t in arcs) / volume
        costs = sum(rate[t["seller"]] * t["value"] for t in arcs) / volume
        farm, proc = chip["steps"]
        self.assertAlmostEqual(volume, chip["volume"], places=9)  # 80 + 1,720 t
        self.assertAlmostEqual(proc["price"], price, places=9)    # 5,611 PEN/t
        self.assertEqual(proc["purchase_price"], farm["price"])   # 904
        self.assertAlmostEqual(proc["value_added"], price - farm["price"], places=9)
        self.assertAlmostEqual(proc["costs"], costs, places=9)    # 4,115
        self.assertAlmostEqual(proc["net_margin"], price - farm["price"] - costs, places=9)
        self.assertEqual(round(proc["net_margin"]), 592)
        # producers give no costs: value added only, no net margin
        self.assertIsNone(farm["net_margin"])
        self.assertIsNone(chip["net_margin"])
        self.assertAlmostEqual(chip["value_added"], chip["end_price"], places=9)
        # the farmers add more per t than the processors keep, but the chip
        # channel's value added is 4.4 times the fresh channel's (1,270)
        self.assertGreater(farm["value_added"], proc["net_margin"])
        self.assertEqual([round(s["value_added"]) for s in fresh["steps"]], [524, 224, 522])
        self.assertEqual(round(fresh["value_added"]), 1270)
        self.assertTrue(all(s["net_margin"] is None for s in fresh["steps"]))

    def test_producers_depend_on_it(self):
        top = producer_top_buyers(self.after)
        on_it = sorted(p for p, (b, s) in top.items() if b == "snack-multinational")
        self.assertEqual(len(on_it), 6)
        self.assertEqual(sorted(p for p in on_it if top[p][1] == 1),
                         ["pg-acostambo", "pg-comas", "pg-quilcas"])
        # before the entry no group sold more than 56% to one buyer, unless remote
        top = producer_top_buyers(self.before)
        self.assertEqual(sorted(p for p, (b, s) in top.items() if s > 0.56),
                         ["pg-kichki", "pg-obas", "pg-yauli"])

    def test_captive_to_it(self):
        captive = chain(self.after, "native-potato")["captive"]
        self.assertEqual(captive[0]["actor"], "snack-multinational")
        self.assertEqual(captive[0]["producers"], ["pg-acostambo", "pg-comas", "pg-quilcas"])
        self.assertEqual(captive[0]["supply"], 1070)
        self.assertNotIn("snack-multinational",
                         [c["actor"] for c in chain(self.before, "native-potato")["captive"]])

    def test_its_quotas_bind(self):
        flow = chain(self.after, "native-potato")["flow"]
        self.assertEqual([(b["seller"], b["buyer"]) for b in flow["binding"]],
                         [(p, "snack-multinational")
                          for p in ("pg-acostambo", "pg-comas", "pg-quilcas")])
        self.assertEqual((flow["total_supply"], flow["max_flow"]), (3740, 3680))

    def test_channels(self):
        # 2008: 64.5% of the potatoes go producer > collector > wholesaler >
        # consumers; the farmers get 38.1% over all channels. 2012: the chip
        # channels carry three quarters, the direct one 1800 t of potato (the
        # multinational's 430 t of chips to consumers and the chip maker's
        # 20 t for export, x4), and the farmers get 20.6%.
        before, after = channels(self.before, "native-potato"), channels(self.after,
                                                                         "native-potato")
        first = before["channels"][0]
        self.assertEqual(first["kinds"], "producer > collector > wholesaler > end_market")
        self.assertEqual(round(first["share"] * 1000), 645)
        self.assertEqual(round(before["producer_share"] * 1000), 381)
        first = after["channels"][0]
        self.assertEqual(first["kinds"], "producer > processor > end_market")
        self.assertAlmostEqual(first["volume"], 1800, places=9)
        self.assertEqual(round(after["producer_share"] * 1000), 206)
        self.assertAlmostEqual(first["farmer_share"], first["farm_price"] / first["end_price"])
        # the chips are converted: 640 t of chips sold by the processors are
        # 2560 t of potato, never more than the 3530 t the producers sell
        self.assertEqual(after["unit"], "t")
        self.assertLessEqual(after["flow"], after["producer_volume"])

    def test_exit_strands_them(self):
        s = shock("potato-andes.json", "snack-multinational")
        self.assertEqual(s["stranded"], ["pg-acostambo", "pg-comas", "pg-quilcas"])
        # the three captive groups' 1010 t (their quotas) have nowhere to go;
        # the others sell more to the collectors, whose capacity limits them
        self.assertGreaterEqual(s["loss"], 1010)
        self.assertGreater(s["loss_share"], 0.25)


class JuteCostSharing(unittest.TestCase):
    """Four ways to pay for capacity building and product development: who
    pays, and how dependent the enterprises stay on one exporter."""
    VARIANTS = ("jute-project-pays.json", "jute-public-private.json", "jute-contract.json",
                "jute-auction.json")

    @classmethod
    def setUpClass(cls):
        cls.r = {v: with_producers(analyze(v), load(v)) for v in cls.VARIANTS}

    def test_dependency_on_one_exporter(self):
        for v in self.VARIANTS:
            shares = [s for b, s in producer_top_buyers(self.r[v]).values()]
            self.assertEqual(len(shares), 12)
            with self.subTest(variant=v):
                if v == "jute-auction.json":
                    self.assertLessEqual(max(shares), 0.4)
                else:
                    self.assertEqual(min(shares), 1)

    def test_captive_to_the_exporter(self):
        for v in self.VARIANTS:
            hubs = {c["actor"]: len(c["producers"])
                    for c in chain(self.r[v], "jute-handicrafts")["captive"]}
            with self.subTest(variant=v):
                if v == "jute-auction.json":
                    self.assertEqual(hubs, {"european-market": 12})
                else:
                    self.assertEqual(hubs, {"dhaka-exporter": 12, "european-market": 12})

    def test_who_pays(self):
        programme = [cost_share_by(self.r[v], "programme") for v in self.VARIANTS]
        enterprises = [cost_share_by(self.r[v], "producer") for v in self.VARIANTS]
        public = [cost_share_by(self.r[v], "public_agency") for v in self.VARIANTS]
        self.assertAlmostEqual(programme[0], 1)
        self.assertAlmostEqual(programme[1], 0.5)
        self.assertLess(max(programme[2:]), 0.1)
        self.assertEqual(enterprises[:2], [0, 0])
        self.assertGreater(enterprises[2], 0.15)
        self.assertEqual(max(enterprises), enterprises[3])
        self.assertGreater(public[1], 0)

    def test_exit_plans(self):
        status = {v: {e["record"]: e["status"]
                      for e in self.r[v]["facilitation"]["exit_readiness"]}
                  for v in self.VARIANTS}
        self.assertEqual(status["jute-project-pays.json"],
                         {"f-capacity": "unplanned", "f-design": "unplanned"})
        for v in self.VARIANTS[1:]:
            self.assertTrue(set(status[v].values()) <= {"planned", "at_risk"}, v)
        # the association took the auctions over without paying for their set-up
        auction = {e["record"]: e for e in
                   self.r["jute-auction.json"]["facilitation"]["exit_readiness"]}
        self.assertEqual(auction["f-auctions"]["status"], "at_risk")
        self.assertIn("successor_pays_nothing", auction["f-auctions"]["reasons"])


class MaizeBoard(unittest.TestCase):
    """Traders who fix prices together are flagged; an inclusive, supervised
    board with open registration is not, and farmers get a larger share."""

    @classmethod
    def setUpClass(cls):
        cls.a = analyze("maize-board.json")
        cls.b = analyze("maize-board-inclusive.json")

    @staticmethod
    def coalition(report, group):
        return [c for c in report["coalitions"] if c["group"] == group][0]

    def test_traders_flagged(self):
        c = self.coalition(self.a, "assoc-maize-traders")
        self.assertEqual(len(c["members"]), 5)
        buyer = [m for m in c["markets"] if m["commodity"] == "maize" and m["side"] == "buyer"][0]
        self.assertTrue(buyer["presumed_harmful"])
        self.assertGreater(buyer["share"], 0.4)
        self.assertGreater(buyer["delta"], 1000)

    def test_inclusive_board_traders_flagged_at_the_farm_gate(self):
        # Levels pooled, the farm-gate purchases are diluted by the resales:
        # no group would be presumed harmful.
        pooled = analyze("maize-board-inclusive.json", "--levels", "pooled")
        for c in pooled["coalitions"]:
            self.assertFalse(any(m["presumed_harmful"] for m in c["markets"]), c["group"])
        # Where the farmers sell, the four member traders buy 30.0% (856 of
        # 2850 t); the farm-gate buyer HHI goes from 1571 to 2245 (+674).
        c = self.coalition(self.b, "assoc-maize-traders")
        self.assertEqual(len(c["members"]), 4)
        gate = [m for m in c["markets"] if m["level"] == "producer" and m["side"] == "buyer"][0]
        self.assertTrue(gate["presumed_harmful"])
        self.assertAlmostEqual(gate["share"], 856 / 2850, places=12)
        self.assertEqual((round(gate["hhi_before"]), round(gate["hhi_after"])), (1571, 2245))
        self.assertEqual([g["group"] for g in self.b["coalitions"] if g["presumed_harmful"]],
                         ["assoc-maize-traders"])

    def test_board_supervised_and_inclusive(self):
        board = {r: [g for g in rep["groups"] if g["group"] == "dmb"][0]
                 for r, rep in (("a", self.a), ("b", self.b))}
        self.assertTrue(board["a"]["supervised"] and board["b"]["supervised"])
        self.assertEqual(board["a"]["households"], 0)
        self.assertGreater(board["b"]["households"], 1000)

    def test_farmers_share(self):
        share = [r["value"]["producer_share"][0] for r in (self.a, self.b)]
        self.assertEqual([s["commodity"] for s in share], ["maize", "maize"])
        self.assertLess(share[0]["share"], 0.55)
        self.assertGreater(share[1]["share"], 0.65)
        # per channel, volume-weighted: 49.0% -> 61.0%; the union's sales
        # straight to the relief buyer give the farmers 82.9%
        maize = [channels(r, "maize") for r in (self.a, self.b)]
        self.assertEqual([round(c["producer_share"] * 1000) for c in maize], [490, 610])
        union = [ch for ch in maize[1]["channels"]
                 if ch["kinds"] == "producer > association > end_market"][0]
        self.assertEqual(round(union["farmer_share"] * 1000), 829)


class TwoProgrammes(unittest.TestCase):
    """Two programmes in one milk shed meet on four groups: their trainings
    overlap on a third of their targets (not a duplication), finance and
    linkages complement each other, and the livelihoods programme gives free
    what vets and a feed company sell to the same groups (crowding out)."""

    @classmethod
    def setUpClass(cls):
        cls.r = analyze("dairy-two-programmes.json")

    def test_overlap_and_complementarity(self):
        pairs = self.r["facilitation"]["competing"]
        overlap = ["dg-kazipur", "dg-shahjadpur", "dg-tarash"]
        relations = {(p["records"][0], p["records"][1]): p["relation"] for p in pairs}
        self.assertEqual(len(pairs), 9)
        self.assertEqual(relations[("f-lp-training", "f-vc-quality")], "overlap")
        self.assertEqual(relations[("f-lp-assets", "f-vc-inputs")], "complementarity")
        self.assertEqual(relations[("f-lp-vets", "f-vet-services")], "crowding_out")
        self.assertNotIn("duplication", relations.values())
        for p in pairs:  # the livelihoods groups are four of the value chain's
            if p["records"][1] != "f-feed-advice" or p["records"][0].startswith("f-lp"):
                self.assertEqual(p["shared_actors"]["first"], overlap)
        # a funder's own records never meet: vc-programme's three, the programme's three
        self.assertNotIn(("f-vc-inputs", "f-vc-quality"), relations)
        self.assertNotIn(("f-lp-assets", "f-lp-training"), relations)
        # 4 shared of 7 + 9 - 4 = 12 targets
        p = [p for p in pairs if p["records"] == ["f-lp-training", "f-vc-quality"]][0]
        self.assertAlmostEqual(p["similarity"], 4 / 12)

    def test_firms_invest(self):
        payers = {p["actor"] for t in self.r["facilitation"]["payment_totals"]
                  for p in t["payers"]}
        self.assertTrue({"dairy-processor", "feed-company", "vet-service"} <= payers)

    def test_exit_2016(self):
        """The livelihoods programme's three records stop at 2016 (they end
        2015, fade out or have no exit); the value chain programme's run to
        the end of 2016.  Per function (docs/analyses.md):
          finance (heifers, savings; every trade of its 7 groups): their 11
            milk sales, 7 feed purchases and 4 vet purchases = 22;
          capacity_building and other (their sales only): the 3 groups no
            one else trains or treats, 1 milk sale each.
        22 transactions, 28 (transaction, function) pairs; feed 4 x 60 +
        3 x 25 = 315 of 375 t; milk 204 + 178 + 162 + 131 + 56 + 178 + 77 +
        161 + 69 + 107 + 46 = 1,369 of 4,226 t."""
        sim = analyze("dairy-two-programmes.json", "--exit-date", "2016")[
            "facilitation"]["exit_simulation"]
        self.assertEqual([r["record"] for r in sim["stopped"]],
                         ["f-lp-assets", "f-lp-training", "f-lp-vets"])
        rows = sim["unsupported_transactions"]
        self.assertEqual(len(rows), 28)
        self.assertEqual(len({r["transaction"] for r in rows}), 22)
        by_fn = collections.Counter(r["function"] for r in rows)
        self.assertEqual(by_fn, {"finance": 22, "capacity_building": 3, "other": 3})
        self.assertEqual(sorted(r["transaction"] for r in rows
                                if r["function"] == "capacity_building"),
                         ["t-belkuchi-gwala", "t-chouhali-gwala", "t-enayetpur-gwala"])
        # the training the value chain programme keeps is not lost
        self.assertNotIn(("t-kazipur-centre", "capacity_building"),
                         {(r["transaction"], r["function"]) for r in rows})
        markets = {m["commodity"]: (m["unsupported"], m["total"]) for m in sim["markets"]}
        self.assertEqual(markets["cattle-feed"], (315, 375))
        self.assertEqual(markets["milk"], (1369, 4226))


class CottonBuyerExit(unittest.TestCase):
    """One company buys three quarters of the seed cotton; when it leaves,
    nine groups have no buyer and the small ginners cannot take the rest."""

    def test_dominance(self):
        r = analyze("cotton-buyer-exit.json")
        buyer = market(r, "seed-cotton")["buyer"]
        self.assertEqual(buyer["class"], "highly_concentrated")
        self.assertEqual(buyer["shares"][0]["actor"], "cotton-major")
        self.assertGreater(buyer["cr1"], 0.7)
        # the world lint market, the chain's only end market, holds every
        # grower captive by definition; the first actor after it is the company
        captive = [c for c in chain(r, "seed-cotton")["captive"] if c["actor"] != "world-market"]
        self.assertEqual((captive[0]["actor"], len(captive[0]["producers"])), ("cotton-major", 9))

    def test_lint_in_seed_cotton(self):
        # lint is 2.5 t of seed cotton per t: the 20860 t of lint are the
        # 52150 t of seed cotton delivered; cottonseed is its own chain
        r = analyze("cotton-buyer-exit.json")
        seed = chain(r, "seed-cotton")
        self.assertEqual(seed["flow"]["max_flow"], 54800)
        world = [t for t in seed["throughput"] if t["actor"] == "world-market"][0]
        self.assertAlmostEqual(world["bought"], 20860 * 2.5)
        direct = channels(r, "seed-cotton")["channels"][0]
        self.assertEqual(direct["kinds"], "producer > processor > end_market")
        self.assertEqual(round(direct["share"] * 1000), 895)
        self.assertEqual(round(direct["farmer_share"] * 1000), 703)

    def test_exit_shock(self):
        s = shock("cotton-buyer-exit.json", "cotton-major")
        self.assertEqual(len(s["stranded"]), 9)
        self.assertEqual(s["stranded_supply"], 34200)
        self.assertGreater(s["loss_share"], 0.7)
        self.assertEqual([(b["type"], b["actor"]) for b in s["after"]["binding"]],
                         [("actor", "ginner-chipata"), ("actor", "ginner-katete")])


class FirstScreen(unittest.TestCase):
    """The text report opens with a summary of at most ten lines (the title
    and nine findings): on every example they tell the story of
    examples/README.md, with its numbers."""
    STORY = {
        # both years in one model: the summary names the 2012 farm gate, the
        # more concentrated of its 2 farm-gate markets (the story is in
        # `compare --periods`, tests/examples/test_compare.py)
        "potato-andes-periods.json": [
            "2 periods in one model (2008, 2012): markets are per period, but "
            "dependency, bottlenecks, value and channels read every period's "
            "transactions together (--by-period separates them)",
            "Farm gate, native-potato 2012: buyer HHI 4,689, highly concentrated",
            "snack-multinational buys 68.0% (2 farm-gate markets)"],
        "potato-andes-2008.json": [
            "buyer HHI 165, unconcentrated", "col-huancayo (12 firms) buys 17.6%",
            "38.1% overall", "producer > collector > wholesaler > end_market 41.2% "
            "(64.5% of volume)"],
        "potato-andes.json": [
            "buyer HHI 4,689, highly concentrated", "snack-multinational buys 68.0%",
            "Captive: 3 producers", "only through snack-multinational", "98.4% of the 3,740 t",
            "binding: 3 links to snack-multinational", "20.6% overall",
            "producer > processor > end_market 16.1% (53.1% of volume)"],
        "jute-project-pays.json": [
            "all 12 to dhaka-exporter", "Exit: 2 of 2 temporary records",
            "(producers 0%), programmes and NGOs 100%"],
        "jute-public-private.json": [
            "all 12 to dhaka-exporter", "every temporary record (2) has a planned exit",
            "(producers 0%), programmes and NGOs 50.0%"],
        "jute-contract.json": [
            "all 12 to dhaka-exporter", "every temporary record (1) has a planned exit",
            "(producers 18.5%), programmes and NGOs 7.69%"],
        "jute-auction.json": [
            "No producer sells half or more to one buyer (at most 40.0%)",
            "every temporary record (1) has a planned exit",
            "(producers 37.9%), programmes and NGOs 8.66%"],
        "maize-board.json": [
            "Presumed harmful as one firm", "assoc-maize-traders (5 members)",
            "buyers 100%, HHI 2,079 -> 10,000", "49.0% overall"],
        "maize-board-inclusive.json": [
            "assoc-maize-traders (4 members)", "buyers 30.0%, HHI 1,571 -> 2,245",
            "61.0% overall", "producer > association > end_market 82.9%"],
        "dairy-two-programmes.json": [
            "9 pairs of records, 4 with the same function",
            "f-lp-training and f-vc-quality", "f-lp-vets (no exit strategy)"],
        "cotton-buyer-exit.json": [
            "buyer HHI 6,527, highly concentrated", "cotton-major buys 80.5%",
            "ginners-association (3 members), seed-cotton 2012 farm-gate buyers 89.5%",
            "Captive: 9 producers", "supply 34,200 t) reach end markets only through "
            "cotton-major", "producer > processor > end_market 70.3% (89.5% of volume)"],
    }

    def test_every_example_has_a_story(self):
        self.assertEqual(set(self.STORY), set(os.listdir(MODELS)))

    def test_first_ten_lines(self):
        for name, needles in sorted(self.STORY.items()):
            lines = run("analyze", os.path.join(MODELS, name)).split("\n")
            summary = lines[:lines.index("")]
            first = "\n".join(lines[:10])
            with self.subTest(model=name):
                self.assertLessEqual(len(summary), 10)
                self.assertTrue(lines[0].startswith("Market analysis: "))
                for needle in needles:
                    self.assertIn(needle, first)
                # only the model of two years warns that sections mix them
                self.assertEqual("periods in one model" in first,
                                 name == "potato-andes-periods.json")

    def test_html_summary_is_the_text_summary(self):
        """The HTML report's summary lists the text summary's findings: the
        same lines, escaped for HTML, in the same order (one source,
        lib/report/findings.c), on every example."""
        for name in sorted(self.STORY):
            path = os.path.join(MODELS, name)
            lines = run("analyze", path).split("\n")
            page = run("report", path)
            block = page[page.index('<ul class="findings">\n'):]
            block = block[:block.index("</ul>")]
            items = [html.unescape(t) for t in
                     re.findall(r'<li data-topic="[a-z_]+">(.*?)</li>\n', block)]
            with self.subTest(model=name):
                self.assertEqual(items, lines[1:lines.index("")])
                self.assertGreater(len(items), 2)


class ReadmeQuotesRealReports(unittest.TestCase):
    """Each ```console block of examples/README.md starts with a
    `$ marketgraph ...` line; every other line of the block, except `...`,
    must be a line of that command's output."""

    def test_blocks(self):
        with open(os.path.join(ROOT, "examples", "README.md"), encoding="utf-8") as f:
            text = f.read()
        blocks = re.findall(r"```console\n(.*?)```", text, re.S)
        self.assertGreaterEqual(len(blocks), 5)
        for block in blocks:
            lines = block.rstrip("\n").split("\n")
            self.assertTrue(lines[0].startswith("$ marketgraph "), lines[0])
            out = run(*shlex.split(lines[0][len("$ marketgraph "):])).split("\n")
            for line in lines[1:]:
                if line.strip() == "...":
                    continue
                with self.subTest(command=lines[0], line=line):
                    self.assertIn(line, out)


if __name__ == "__main__":
    unittest.main()
