#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of `marketgraph analyze`, run as a user would run it.

The JSON report of a generated model is checked, number by number, against
an independent implementation of docs/analyses.md section 1 written here in
plain Python (exact fractions for the shares), so the C code and this file
must agree on every market, firm, coalition and trading pair.

Environment (set by tests/cli/meson.build):
  MARKETGRAPH      the built tool
  MKG_SOURCE_ROOT  the source tree (for examples/models)
"""
import collections
import json
import math
import os
import random
import subprocess
import tempfile
import unittest
from fractions import Fraction

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EXAMPLE = os.path.join(ROOT, "examples", "models", "potato-andes.json")

THRESHOLDS = {"us2023": (1000, 1800), "us2010": (1500, 2500),
              "us1992": (1000, 1800), "eu2004": (1000, 2000)}


def run(*args, stdin=b""):
    r = subprocess.run([TOOL, *args], input=stdin, capture_output=True, timeout=120)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def generated_model(seed=7):
    """A small market system with every case section 1 names: ties, zero and
    missing measures, services, regions, periods, groups with supervisors."""
    rnd = random.Random(seed)
    regions = ["North", "South", None]
    # kinds give the levels (producer: the farm gate); firms and end markets
    # without firms (a competitive fringe) cover section 1's counting rules
    kinds = ["producer", "producer", "trader", "trader", "wholesaler", "processor",
             "end_market", "producer", "trader", "end_market", "retailer", "trader",
             "collector", "end_market"]
    firms = {3: 4, 4: 250, 9: 12, 12: 2}
    actors = []
    for i in range(14):
        a = {"id": f"actor-{i:02d}", "kind": kinds[i]}
        if regions[i % 3] is not None:
            a["region"] = regions[i % 3]
        if i in firms:
            a["firms"] = firms[i]
        actors.append(a)
    actors.append({"id": "board", "kind": "marketing_board"})
    actors.append({"id": "ministry", "kind": "public_agency"})
    txs = []
    for _ in range(80):
        s, b = rnd.sample(range(14), 2)
        t = {"seller": f"actor-{s:02d}", "buyer": f"actor-{b:02d}",
             "commodity": rnd.choice(["maize", "beans", "transport"]),
             "period": rnd.choice(["2010", "2011"])}
        if t["commodity"] == "transport":
            t["service"] = True
        if rnd.random() < 0.1:
            t["level"] = rnd.choice(["producer", "auction", "trader"])
        r = rnd.random()
        if r < 0.1:
            t["value"] = rnd.choice([0, 10, 20])          # no volume
        elif r < 0.2:
            t["volume"] = 0                                # a zero volume
        else:
            t["volume"] = rnd.choice([1, 2, 5, 10, 20, 50])  # ties are frequent
            if rnd.random() < 0.7:
                t["value"] = t["volume"] * rnd.choice([3, 4, 5])
        txs.append(t)
    # a market with nothing measured: volume 0 and no volume at all
    txs.append({"seller": "actor-00", "buyer": "actor-01", "commodity": "honey", "volume": 0})
    txs.append({"seller": "actor-02", "buyer": "actor-01", "commodity": "honey", "value": 5})
    memberships = [
        {"group": "board", "member": "actor-01"},
        {"group": "board", "member": "actor-04", "role": "chair"},
        {"group": "board", "member": "actor-07"},
        {"group": "board", "member": "ministry", "role": "supervisor"},
        {"group": "actor-13", "member": "actor-02"},
        {"group": "actor-13", "member": "actor-03"},
    ]
    return {"format": "marketgraph", "version": 1, "name": "generated", "volume_unit": "t",
            "actors": actors, "transactions": txs, "memberships": memberships}


# ---- the reference implementation ------------------------------------------

def key_null_first(x):
    return (0, "") if x is None else (1, x)


KINDS = ["producer", "input_supplier", "collector", "trader", "processor", "wholesaler",
         "exporter", "retailer", "end_market", "service_provider", "financial_institution",
         "public_agency", "marketing_board", "programme", "association", "ngo", "other"]


def level_key(level):
    """Chain order: none (pooled) first, kind names in the kinds' order, then others."""
    if level is None:
        return (0, 0, "")
    return (1, KINDS.index(level), "") if level in KINDS else (1, len(KINDS), level)


def reference(model, measure="volume", thresholds="us2023", by_region=False, coalition=None,
              levels="separate"):
    """by_region: False, "seller" (or True) or "buyer"."""
    region_of = {a["id"]: a.get("region") for a in model["actors"]}
    kind_of = {a["id"]: a["kind"] for a in model["actors"]}
    # the firms an actor counts as; 0: an end market without firms, a fringe
    n_of = {a["id"]: a.get("firms", 0 if a["kind"] == "end_market" else 1)
            for a in model["actors"]}
    by_region = "seller" if by_region is True else by_region
    default_period = model.get("period")

    def level_of(t):
        return t.get("level", kind_of[t["seller"]])

    markets = collections.OrderedDict()
    for t in model["transactions"]:
        k = (t["commodity"], None if levels == "pooled" else level_of(t),
             t.get("period", default_period),
             region_of[t[by_region]] if by_region else None, bool(t.get("service", False)))
        m = markets.setdefault(k, {"tx": [], "excluded": 0})
        if measure in t:
            m["tx"].append(t)
        else:
            m["excluded"] += 1
    lo, hi = THRESHOLDS[thresholds]

    def klass(h):
        if h is None:
            return "empty"
        return ("highly_concentrated" if h > hi else
                "unconcentrated" if h < lo else "moderately_concentrated")

    conc = []
    amounts = {}  # (market index, side) -> {actor: Fraction}
    ordered = sorted(markets.items(), key=lambda kv: (kv[0][0], level_key(kv[0][1]),
                                                      key_null_first(kv[0][2]),
                                                      key_null_first(kv[0][3]), kv[0][4]))

    def cr(shares, k):
        """The k largest firms, an actor of N firms being N firms of s / N."""
        units = sorted(((s / n_of[a], n_of[a]) for a, s in shares if n_of[a] > 0),
                       key=lambda u: -u[0])
        total = Fraction(0)
        for per, n in units:
            take = min(n, k)
            total += per * take
            k -= take
        return total

    for mi, (k, m) in enumerate(ordered):
        entry = {"commodity": k[0], "level": k[1], "period": k[2], "region": k[3],
                 "service": k[4], "transactions": len(m["tx"]),
                 "excluded_transactions": m["excluded"]}
        total = sum(Fraction(t[measure]) for t in m["tx"])
        for side in ("seller", "buyer"):
            per = collections.defaultdict(Fraction)
            for t in m["tx"]:
                per[t[side]] += Fraction(t[measure])
            firms = {a: x for a, x in per.items() if x > 0}
            amounts[(mi, side)] = firms
            shares = sorted(((a, x / total) for a, x in firms.items()),
                            key=lambda p: (-p[1], p[0])) if total > 0 else []
            n = sum(n_of[a] for a, _ in shares)
            fringe = sum((s for a, s in shares if n_of[a] == 0), Fraction(0))
            sd = {"total": float(total), "firms": n, "actors": len(shares),
                  "fringe_share": float(fringe)}
            if n > 0:
                h = sum(s * s / n_of[a] for a, s in shares if n_of[a] > 0)
                sd.update({"hhi": float(h * 10000),
                           "hhi_normalized": None if fringe > 0 else 1.0 if n == 1 else
                           max(0.0, float((h - Fraction(1, n)) / (1 - Fraction(1, n)))),
                           "cr1": float(cr(shares, 1)), "cr4": float(cr(shares, 4)),
                           "effective_firms": float(1 / h), "class": klass(float(h * 10000))})
            else:
                sd.update({"hhi": None, "hhi_normalized": None, "cr1": None, "cr4": None,
                           "effective_firms": None,
                           "class": "fringe" if shares else "empty"})
            sd["shares"] = [{"actor": a, "share": float(s), "firms": n_of[a],
                             "fringe": n_of[a] == 0} for a, s in shares]
            entry[side] = sd
        conc.append(entry)

    def what_if(members):
        rows = []
        for mi, (k, m) in enumerate(ordered):
            for side in ("buyer", "seller"):          # byte order of the side name
                firms = amounts[(mi, side)]
                if not any(a in firms for a in members):
                    continue
                # fringe members are left out of the verdict
                mine = [(firms[a], n_of[a]) for a in members if a in firms and n_of[a] > 0]
                fringe = sum((firms[a] for a in members if a in firms and n_of[a] == 0),
                             Fraction(0))
                total = sum(firms.values())
                if any(n_of[a] > 0 for a in firms):
                    before = sum((x / total) ** 2 / n_of[a] for a, x in firms.items()
                                 if n_of[a] > 0) * 10000
                else:
                    before = None  # fringe only: no HHI
                x = sum((x for x, _ in mine), Fraction(0))
                delta = 10000 * (x * x - sum(x * x / n for x, n in mine)) / (total * total)
                share = x / total
                after = None if before is None else before + delta
                rows.append({"commodity": k[0], "level": k[1], "period": k[2], "region": k[3],
                             "service": k[4], "side": side, "share": float(share),
                             "hhi_before": None if before is None else float(before),
                             "hhi_after": None if after is None else float(after),
                             "delta": float(delta), "fringe_share": float(fringe / total),
                             "presumed_harmful": delta > 100 and after is not None
                             and (after > 1800 or share > 0.3)})
        return rows

    coalitions = []
    if coalition is not None:
        members = sorted(set(coalition))
        rows = what_if(members)
        coalitions.append({"group": None, "members": members,
                           "presumed_harmful": any(r["presumed_harmful"] for r in rows),
                           "markets": rows})
    groups = collections.defaultdict(set)
    for ms in model.get("memberships", []):
        groups[ms["group"]]
        if ms.get("role") != "supervisor":
            groups[ms["group"]].add(ms["member"])
    for g in sorted(groups):
        members = sorted(groups[g])
        rows = what_if(members)
        coalitions.append({"group": g, "members": members,
                           "presumed_harmful": any(r["presumed_harmful"] for r in rows),
                           "markets": rows})

    sales = collections.defaultdict(Fraction)
    purchases = collections.defaultdict(Fraction)
    pair = collections.defaultdict(Fraction)
    pair_levels = collections.defaultdict(set)
    active = set()
    excluded = 0
    for t in model["transactions"]:
        if measure not in t:
            excluded += 1
            continue
        x = Fraction(t[measure])
        sales[t["seller"]] += x
        purchases[t["buyer"]] += x
        pair[(t["seller"], t["buyer"])] += x
        pair_levels[(t["seller"], t["buyer"])].add(level_of(t))
        active.update((t["seller"], t["buyer"]))

    def top(actor, index):
        best = None
        for (s, b), x in pair.items():
            me, other = (s, b) if index == 0 else (b, s)
            if me == actor and x > 0 and (best is None or x > best[1] or
                                          (x == best[1] and other < best[0])):
                best = (other, x)
        return best

    dep_actors = []
    for a in sorted(active):
        tb, ts = top(a, 0), top(a, 1)
        dep_actors.append({"actor": a, "top_buyer": tb[0] if tb else None,
                           "sales_share": float(tb[1] / sales[a]) if tb else None,
                           "top_supplier": ts[0] if ts else None,
                           "purchase_share": float(ts[1] / purchases[a]) if ts else None,
                           "sales": float(sales[a]), "purchases": float(purchases[a])})
    dep_pairs = []
    for (s, b), x in pair.items():
        ds = x / sales[s] if sales[s] > 0 else None
        db = x / purchases[b] if purchases[b] > 0 else None
        asym = ds - db if ds is not None and db is not None else None
        dep_pairs.append({"seller": s, "buyer": b,
                          "seller_dependency": None if ds is None else float(ds),
                          "buyer_dependency": None if db is None else float(db),
                          "asymmetry": None if asym is None else float(asym),
                          "amount": float(x),
                          "level": next(iter(pair_levels[(s, b)]))
                          if len(pair_levels[(s, b)]) == 1 else None, "_exact": asym})
    dep_pairs.sort(key=lambda p: (p["_exact"] is None, -(p["_exact"] or 0), p["seller"],
                                  p["buyer"]))
    for p in dep_pairs:
        del p["_exact"]
    return conc, coalitions, {"excluded_transactions": excluded, "actors": dep_actors,
                              "pairs": dep_pairs}


class AnalyzeCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, model):
        path = os.path.join(self.tmp.name, "model.json")
        with open(path, "w") as f:
            json.dump(model, f)
        return path

    def assertSame(self, got, want, where="report"):
        """Equal structures, numbers within 1e-9 (relative to 1 or the size)."""
        if isinstance(want, float) and isinstance(got, (int, float)) \
                and not isinstance(got, bool):
            self.assertLessEqual(abs(got - want), 1e-9 * max(1.0, abs(want)),
                                 f"{where}: {got!r} != {want!r}")
        elif isinstance(want, dict):
            self.assertIsInstance(got, dict, where)
            self.assertEqual(list(got.keys()), list(want.keys()), where)
            for k in want:
                self.assertSame(got[k], want[k], f"{where}.{k}")
        elif isinstance(want, list):
            self.assertIsInstance(got, list, where)
            self.assertEqual(len(got), len(want), f"{where}: {got!r} != {want!r}")
            for i, (g, w) in enumerate(zip(got, want)):
                self.assertSame(g, w, f"{where}[{i}]")
        else:
            self.assertEqual(got, want, where)

    def analyze_json(self, path, *args):
        code, out, err = run("analyze", path, "--format", "json", *args)
        self.assertEqual((code, err), (0, ""))
        return json.loads(out)


class AgainstReference(AnalyzeCase):
    def check(self, *args, measure="volume", thresholds="us2023", by_region=False,
              coalition=None, levels="separate"):
        model = generated_model()
        report = self.analyze_json(self.write(model), *args)
        conc, coalitions, dependency = reference(model, measure, thresholds, by_region,
                                                 coalition, levels)
        self.assertEqual(report["report"], "marketgraph")
        self.assertEqual(report["version"], 1)
        self.assertEqual(report["model"], {"name": "generated", "actors": 16,
                                           "transactions": 82, "facilitation": 0,
                                           "memberships": 6})
        self.assertEqual(report["options"]["measure"], measure)
        self.assertEqual(report["options"]["thresholds"], thresholds)
        self.assertEqual(report["options"]["split_by_region"], bool(by_region))
        self.assertEqual(report["options"]["region_split"],
                         {False: "none", True: "seller"}.get(by_region, by_region))
        self.assertEqual(report["options"]["levels"], levels)
        self.assertSame(report["concentration"], conc, "concentration")
        self.assertSame(report["coalitions"], coalitions, "coalitions")
        self.assertSame(report["dependency"], dependency, "dependency")
        return report

    def test_defaults(self):
        report = self.check()
        # the generated model has every case the reference must cover
        classes = {m[s]["class"] for m in report["concentration"] for s in ("seller", "buyer")}
        self.assertTrue({"empty", "highly_concentrated"} <= classes, classes)
        self.assertTrue(any(m["excluded_transactions"] for m in report["concentration"]))
        self.assertTrue(any(m["service"] for m in report["concentration"]))

    def test_value_by_region_us2010(self):
        self.check("--measure", "value", "--by-region", "--thresholds", "us2010",
                   measure="value", thresholds="us2010", by_region=True)

    def test_coalition(self):
        report = self.check("--coalition", "actor-05,actor-09,actor-05",
                            coalition=["actor-05", "actor-09"])
        self.assertEqual(report["options"]["coalition"], ["actor-05", "actor-09"])
        self.assertIsNone(report["coalitions"][0]["group"])
        # with a fringe member (actor-06, an end market without firms): its
        # share is reported apart and left out of the verdict
        report = self.check("--coalition", "actor-05,actor-06,actor-09",
                            coalition=["actor-05", "actor-06", "actor-09"])
        self.assertTrue(any(r["fringe_share"] > 0 for r in report["coalitions"][0]["markets"]))

    def test_eu2004(self):
        self.check("-t", "eu2004", thresholds="eu2004")

    def test_levels_pooled_by_buyer_region(self):
        report = self.check("--levels", "pooled", "--by-region", "buyer", levels="pooled",
                            by_region="buyer")
        self.assertTrue(all(m["level"] is None for m in report["concentration"]))

    def test_levels_firms_and_fringe_covered(self):
        report = self.check("-r", "seller", by_region="seller")
        levels = {m["level"] for m in report["concentration"]}
        # kind levels in chain order, a free-text level after them
        self.assertTrue({"producer", "trader", "auction"} <= levels, levels)
        sides = [m[s] for m in report["concentration"] for s in ("seller", "buyer")]
        self.assertTrue(any(s["class"] == "fringe" for s in sides))
        self.assertTrue(any(0 < s["fringe_share"] < 1 for s in sides))
        self.assertTrue(any(f["firms"] > 1 for s in sides for f in s["shares"]))


class Behaviour(AnalyzeCase):
    def test_stdin_and_output_file(self):
        model = json.dumps(generated_model()).encode()
        code, out, err = run("analyze", "-", "-f", "json", stdin=model)
        self.assertEqual((code, err), (0, ""))
        path = os.path.join(self.tmp.name, "report.json")
        self.assertEqual(run("analyze", self.write(generated_model()), "-f", "json",
                             "-o", path), (0, b"", ""))
        with open(path, "rb") as f:
            self.assertEqual(f.read(), out)

    def test_deterministic(self):
        path = self.write(generated_model())
        self.assertEqual(run("analyze", path, "-f", "json"), run("analyze", path, "-f", "json"))

    def test_text(self):
        path = self.write(generated_model())
        code, out, err = run("analyze", path)
        self.assertEqual((code, err), (0, ""))
        text = out.decode()
        for needle in ("Market analysis: generated", "Concentration by market",
                       "\n  sellers: ", "\n  buyers: ", "Dependency",
                       "Coalitions: members counted as one firm"):
            self.assertIn(needle, text)
        # the summary (groups presumed harmful among it) comes before the tables
        self.assertLess(text.index("Presumed harmful as one firm"),
                        text.index("Concentration by market"))
        # each coalition once (the short text and the long one)
        code, out, err = run("analyze", "--detail", path)
        self.assertEqual((code, err), (0, ""))
        detail = out.decode()
        for t in (text, detail):
            self.assertEqual(t.count("group board (3 members"), 1)
            self.assertNotIn("Coalitions presumed harmful", t)
        # --detail: the long form, every share table
        self.assertIn("Sellers (monopoly side)", detail)
        self.assertIn("Buyers (monopsony side)", detail)
        self.assertNotIn("Sellers (monopoly side)", text)
        self.assertGreater(len(detail), len(text))
        # the JSON is the same with or without --detail
        self.assertEqual(run("analyze", "-f", "json", "--detail", path),
                         run("analyze", "-f", "json", path))

    def test_summary_first_screen(self):
        """The first ten lines of the potato case tell its story; each
        number is read independently from the JSON report and the model."""
        code, out, err = run("analyze", EXAMPLE)
        self.assertEqual((code, err), (0, ""))
        lines = out.decode().split("\n")
        summary = lines[1:lines.index("")]
        self.assertLessEqual(len(summary), 9)
        first = lines[:10]
        self.assertEqual(summary, first[1:len(summary) + 1])
        report = self.analyze_json(EXAMPLE)
        with open(EXAMPLE, encoding="utf-8") as f:
            model = json.load(f)
        kind = {a["id"]: a["kind"] for a in model["actors"]}
        households = {a["id"]: a.get("households", 0) for a in model["actors"]}
        # the producers sell 3530 t: the multinational buys 2400 (68.0%), the
        # chip maker 250, six collectors' groups 860 and the Huancayo wholesale
        # traders 20, each group counted as its firms (s^2/N):
        # 68.0^2 + 7.08^2 + 8.78^2/10 + 7.08^2/8 + ... = 4689; the 2023
        # guidelines define "highly concentrated" (above 1800)
        self.assertIn("Farm gate, native-potato 2012: buyer HHI 4,689, highly concentrated "
                      "(above 1,800: 2023 US Merger Guidelines); snack-multinational buys "
                      "68.0%", first)
        self.assertIn("No group presumed harmful acting as one firm (2023 US Merger "
                      "Guidelines; 1 group tested)", first)
        producers = [a for a in report["dependency"]["actors"]
                     if kind[a["actor"]] == "producer" and a["sales"] > 0]
        dependent = [a for a in producers if a["sales_share"] >= 0.5]
        to_multi = [a for a in dependent if a["top_buyer"] == "snack-multinational"]
        sold = sum(a["sales"] for a in dependent)
        # 9 groups, 1670 households, 3530 t: each sells half or more to one buyer
        self.assertEqual((len(producers), len(dependent), len(to_multi), sold), (9, 9, 6, 3530))
        self.assertEqual(sum(households[a["actor"]] for a in dependent), 1670)
        self.assertIn("Producers selling half or more to one buyer: 9 of 9 (1,670 households, "
                      "3,530 t, 100% of producers' sales); 6 to snack-multinational", first)
        chain = report["bottlenecks"]["chains"][0]
        captive = chain["captive"][0]
        self.assertEqual((captive["actor"], captive["supply"]), ("snack-multinational", 1070))
        held = sum(households[p] for p in captive["producers"])
        self.assertEqual(held, 470)
        self.assertIn("Captive: 3 producers (470 households, supply 1,070 t) reach end "
                      "markets only through snack-multinational; 5 actors hold producers "
                      "captive", first)
        # 3680 of 3740 t (98.4%); the three contract quotas 310 + 400 + 300
        self.assertEqual(sum(b["capacity"] for b in chain["flow"]["binding"]), 1010)
        self.assertIn("Deliverable: 98.4% of the 3,740 t of native-potato supplied can reach "
                      "end markets; binding: 3 links to snack-multinational (capacities "
                      "1,010 t)", first)
        channels = report["channels"]["chains"][0]
        self.assertAlmostEqual(channels["producer_share"], 0.206, places=3)
        self.assertIn("Farmer's share of the end price, native-potato: 20.6% overall; by "
                      "channel: producer > processor > end_market 16.1% (53.1% of volume), "
                      "producer > collector > wholesaler > end_market 41.3% (18.5% of "
                      "volume), producer > processor > retailer > end_market 12.3% (21.8% of "
                      "volume)", first)
        # f-competitiveness: 90,000 PEN, no end, no exit; f-linkages 450,000 PEN,
        # linkages handed to the chip maker, which buys from the groups it links
        self.assertIn("Exit: 2 of 4 temporary records have no credible successor: "
                      "f-competitiveness (no end date, no exit strategy); f-linkages "
                      "(successor trades in the chain, not neutral); cost 540,000 PEN",
                      first)
        totals = report["facilitation"]["payment_totals"]
        cost = sum(t["cost"] for t in totals)
        market = sum(p["amount"] for t in totals for p in t["payers"]
                     if p["kind"] not in ("programme", "ngo", "public_agency"))
        market += sum(t["amounts"]["embedded"] for t in totals)  # paid in prices
        self.assertEqual(cost, 1047000)
        self.assertAlmostEqual(market / cost, 0.160, places=3)
        self.assertIn("Facilitation cost 1,047,000 PEN: market actors pay 16.0% (producers "
                      "1.15%), programmes and NGOs 68.8%, the state 15.3%", first)

    def test_betweenness_as_share(self):
        """Betweenness in the text is the share of the producer-to-market
        routes through the actor: mayorista-lima lies on 10.33 of the 25
        routes of the potato chain (the JSON keeps the raw sums)."""
        code, out, err = run("analyze", EXAMPLE)
        text = out.decode()
        report = self.analyze_json(EXAMPLE)
        score = report["bottlenecks"]["chains"][0]["betweenness"][0]
        self.assertEqual(score["actor"], "mayorista-lima")
        self.assertAlmostEqual(score["source_sink"], 10 + 1 / 3)
        self.assertIn("Between producers and markets (share of the 25 producer-to-market "
                      "routes through the actor):\n  mayorista-lima (Lima wholesale market "
                      "traders): 41.3%\n", text)
        self.assertNotIn("all pairs", text)

    def test_empty_markets_left_out(self):
        # credit, market information and technical assistance are sold
        # without a volume: no shares to read, not in the text
        code, out, err = run("analyze", "--detail", EXAMPLE)
        text = out.decode()
        self.assertNotIn("credit (service)", text)
        self.assertNotIn("empty (total 0)", text)
        self.assertIn("3 markets where no transaction has a volume left out", text)
        self.assertIn("transport (service), service_provider level", text)

    def test_threshold_bands_cited(self):
        code, out, err = run("analyze", EXAMPLE)
        self.assertIn("Thresholds: us2023: HHI above 1,800 highly concentrated (U.S. DOJ & FTC "
                      "Merger Guidelines (2023), section 2.1); 1,000 to 1,800 moderately "
                      "concentrated and below 1,000 unconcentrated (U.S. DOJ Merger Guidelines "
                      "(1982) and DOJ & FTC Horizontal Merger Guidelines (1992), section 1.51, "
                      "as the DOJ's HHI page keeps them)\n", out.decode())
        code, out, err = run("analyze", "-t", "us2010", EXAMPLE)
        self.assertIn("Thresholds: us2010: HHI above 2,500 highly concentrated, 1,500 to 2,500 "
                      "moderately concentrated, below 1,500 unconcentrated (U.S. DOJ & FTC "
                      "Horizontal Merger Guidelines (2010), section 5.3)\n", out.decode())

    def test_usage_errors(self):
        path = self.write(generated_model())
        for args, message in (
                ((), "missing FILE"),
                ((path, path), "one FILE only"),
                ((path, "-f", "xml"), "unknown format \"xml\", expected text, json, csv or html"),
                ((path, "-m", "weight"), "unknown measure \"weight\", expected volume or value"),
                ((path, "-t", "us1982"), "unknown threshold set \"us1982\", expected us2023, "
                                          "us2010, us1992 or eu2004"),
                ((path, "-c", "a,,b"), "--coalition: empty actor id in \"a,,b\""),
                ((path, "--by-tag", "remote,,women-led"),
                 "--by-tag: empty tag in \"remote,,women-led\""),
                ((path, "--by-tag", ""), "--by-tag: empty list, expected TAG[,TAG...]"),
                ((path, "--levels", "stacked"),
                 "unknown levels \"stacked\", expected separate or pooled"),
                (("--by-region=north", path),
                 "--by-region: unknown region \"north\", expected seller or buyer")):
            code, out, err = run("analyze", *args)
            self.assertEqual((code, out), (2, b""), args)
            self.assertEqual(err, f"marketgraph analyze: {message} "
                                  "(try 'marketgraph analyze --help')\n")

    def test_by_tag(self):
        # the tags reach the report (options and value); an unknown tag is the
        # library's error, after the model is read
        rep = self.analyze_json(EXAMPLE, "--by-tag", "remote", "--by-tag", "women-led")
        self.assertEqual(rep["options"]["by_tag"], ["remote", "women-led"])
        self.assertEqual([(t["tag"], t["with"]) for t in rep["value"]["by_tag"]],
                         [("remote", True), ("remote", False), ("women-led", True),
                          ("women-led", False)])
        code, out, err = run("analyze", EXAMPLE, "--by-tag", "womenled")
        self.assertEqual((code, out), (1, b""))
        self.assertEqual(err, f"marketgraph analyze: {EXAMPLE}: by_tag[0]: no producer "
                              "has the tag \"womenled\"\n")

    def test_by_region_forms(self):
        # bare --by-region is the seller's region, before or after FILE;
        # "--by-region buyer" and "-r buyer" take the value
        path = self.write(generated_model())
        seller = self.analyze_json(path, "--by-region", "seller")
        for args in (("--by-region",), ("-r",)):
            self.assertEqual(self.analyze_json(path, *args), seller)
        code, out, err = run("analyze", "--by-region", path, "-f", "json")
        self.assertEqual((code, err, json.loads(out)), (0, "", seller))
        buyer = self.analyze_json(path, "--by-region", "buyer")
        self.assertEqual(buyer["options"]["region_split"], "buyer")
        self.assertEqual(self.analyze_json(path, "-r", "buyer"), buyer)
        self.assertEqual(self.analyze_json(path, "--by-region=buyer"), buyer)

    def test_unknown_coalition_actor(self):
        path = self.write(generated_model())
        code, out, err = run("analyze", path, "--coalition", "actor-01,nobody")
        self.assertEqual((code, out), (1, b""))
        self.assertEqual(err, f"marketgraph analyze: {path}: coalition: unknown actor "
                              "\"nobody\"\n")

    def test_invalid_model(self):
        path = self.write({"format": "marketgraph", "version": 1, "actors": [{"id": "a"}]})
        code, out, err = run("analyze", path)
        self.assertEqual((code, out), (1, b""))
        self.assertTrue(err.startswith(path + ": actors[0]"), err)

    @unittest.skipUnless(os.path.exists(EXAMPLE), "no example model")
    def test_example(self):
        report = self.analyze_json(EXAMPLE)
        for key in ("model", "options", "concentration", "coalitions", "dependency"):
            self.assertIn(key, report)
        keys = [(m["commodity"], level_key(m["level"]), key_null_first(m["period"]),
                 key_null_first(m["region"]), m["service"]) for m in report["concentration"]]
        self.assertEqual(keys, sorted(keys))


def channels_model(seed=11):
    """A random acyclic chain: producers -> collectors/processors -> traders/
    retailers -> end markets, maize and flour (made from maize, 1.25 t per t),
    some sales without a value, and a transport service."""
    rng = random.Random(seed)
    layers = [[("p%d" % i, "producer") for i in range(4)],
              [("c0", "collector"), ("c1", "collector"), ("pr", "processor")],
              [("t0", "trader"), ("r0", "retailer")],
              [("em0", "end_market"), ("em1", "end_market")]]
    actors = [{"id": a, "kind": k} for layer in layers for a, k in layer]
    actors.append({"id": "truck", "kind": "service_provider"})
    txs = []
    for li in range(len(layers) - 1):
        for a, _ in layers[li]:
            for b, kb in layers[li + 1] + (layers[3] if li == 1 else []):
                if rng.random() < 0.6 or (li == 0 and b == "pr"):
                    flour = a == "pr" or (li == 2 and rng.random() < 0.3)
                    tx = {"seller": a, "buyer": b, "commodity": "flour" if flour else "maize",
                          "volume": rng.randint(1, 40)}
                    if rng.random() < 0.85:
                        tx["value"] = rng.randint(10, 400)
                    txs.append(tx)
    txs.append({"seller": "truck", "buyer": "t0", "commodity": "transport", "value": 9,
                "service": True})
    return {"format": "marketgraph", "version": 1, "currency": "USD", "volume_unit": "t",
            "commodities": [{"id": "maize"},
                            {"id": "flour", "made_from": "maize", "input_per_unit": 1.25},
                            {"id": "transport", "service": True}],
            "actors": actors, "transactions": txs}


def channels_reference(model):
    """docs/analyses.md 4b, by enumerating every path (the library never does):
    the flow an actor holds, then per path the producer's own produce times,
    at each actor, the part of what it holds that goes down the next arc."""
    kind = {a["id"]: a["kind"] for a in model["actors"]}
    factor = {"maize": 1.0, "flour": 1.25}
    arcs = collections.OrderedDict()
    for t in model["transactions"]:
        if t.get("service"):
            continue
        v = t["volume"] * factor[t["commodity"]]
        arc = arcs.setdefault((t["seller"], t["buyer"]), [0.0, 0.0, 0.0])
        arc[0] += v
        if "value" in t:
            arc[1] += v
            arc[2] += t["value"]
    sales = collections.defaultdict(float)
    for (a, _), (v, _, _) in arcs.items():
        sales[a] += v
    order = ["p0", "p1", "p2", "p3", "c0", "c1", "pr", "t0", "r0"]
    held, own = collections.defaultdict(float), {}
    for a in order:
        received = held[a]
        own[a] = max(sales[a] - received, 0) if kind[a] == "producer" else 0
        held[a] = received + own[a]
        for (s, b), (v, _, _) in arcs.items():
            if s == a and kind[b] != "end_market":
                held[b] += v * min(held[a], sales[a]) / sales[a]
    channels = collections.defaultdict(lambda: [0.0, None])

    def walk(path, flow, steps):
        a = path[-1]
        if kind[a] == "end_market":
            key = " > ".join(kind[x] for x in path)
            ch = channels[key]
            ch[0] += flow
            # every step of a path is weighted by the flow that ends it
            mine = [[flow * p, flow * q] for p, q in steps]
            ch[1] = [[p + q for p, q in zip(x, y)] for x, y in zip(ch[1], mine)] \
                if ch[1] else mine
            return
        for (s, b), (v, vp, w) in arcs.items():
            if s == a:
                f = flow * v / max(held[a], sales[a])
                walk(path + [b], f, steps + [[vp / v, w / v]])

    for p in order[:4]:
        if own[p] > 0:
            walk([p], own[p], [])
    return channels


class Channels(AnalyzeCase):
    def test_against_path_enumeration(self):
        model = channels_model()
        report = self.analyze_json(self.write(model))
        chain, = report["channels"]["chains"]
        self.assertEqual(chain["commodity"], "maize")
        want = channels_reference(model)
        got = {c["kinds"]: c for c in chain["channels"]}
        self.assertEqual(sorted(got), sorted(want))
        total = sum(v for v, _ in want.values())
        self.assertSame(chain["flow"], total)
        weighted = weight = 0.0
        for kinds, (volume, steps) in want.items():
            c = got[kinds]
            self.assertSame(c["volume"], volume, kinds)
            self.assertSame(c["share"], volume / total, kinds)
            for st, (priced, value) in zip(c["steps"], steps):
                self.assertSame(st["priced_volume"], priced, kinds)
                self.assertSame(st["value"], value, kinds)
            farm = steps[0][1] / steps[0][0] if steps[0][0] > 0 else None
            end = steps[-1][1] / steps[-1][0] if steps[-1][0] > 0 else None
            share = farm / end if farm is not None and end else None
            if share is None:
                self.assertIsNone(c["farmer_share"], kinds)
            else:
                self.assertSame(c["farmer_share"], share, kinds)
                weighted += volume * share
                weight += volume
        self.assertSame(chain["producer_share"], weighted / weight)
        self.assertSame(chain["producer_volume"], chain["flow"] + chain["retained"])

    def test_text_only_with_the_option(self):
        path = self.write(channels_model())
        code, out, err = run("analyze", path)
        self.assertEqual((code, err), (0, ""))
        self.assertNotIn(b"Marketing channels", out)
        code, out, err = run("analyze", path, "--channels")
        self.assertEqual((code, err), (0, ""))
        text = out.decode()
        self.assertIn("\nMarketing channels\n==================\nChain maize (volumes in t "
                      "of maize, prices in USD per t of maize):\n  Producer share: ", text)
        self.assertIn("  producer > processor > ", text)


if __name__ == "__main__":
    unittest.main()
