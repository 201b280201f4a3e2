#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The potato comparison, 2008 -> 2012 (examples/README.md, "Assessing
change"), checked against numbers worked here from the two JSON files with
nothing but the standard library: `marketgraph compare --format json` must
give the same farm-gate concentration, links, outlets, outreach, ended
facilitation and systemic-change rows.  Also the command's errors.

Environment (set by tests/examples/meson.build):
  MARKETGRAPH      the built tool
  MKG_SOURCE_ROOT  the source tree
"""
import json
import os
import subprocess
import tempfile
import unittest
from collections import defaultdict

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
MODELS = os.path.join(ROOT, "examples", "models")
BEFORE = os.path.join(MODELS, "potato-andes-2008.json")
AFTER = os.path.join(MODELS, "potato-andes.json")
PERIODS = os.path.join(MODELS, "potato-andes-periods.json")


def run(*args, ok=True):
    done = subprocess.run([TOOL, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
    if ok and done.returncode != 0:
        raise AssertionError(f"marketgraph {' '.join(args)}: exit {done.returncode}: "
                             f"{done.stderr}")
    return done


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def farm_gate_buyer_hhi(model):
    """10^4 sum s^2 / N over the farm-gate buyers (sellers are producers),
    an actor with firms N being N firms, an end market without firms a
    fringe (docs/analyses.md, "Who is a firm")."""
    kinds = {a["id"]: a for a in model["actors"]}
    bought = defaultdict(float)
    for t in model["transactions"]:
        if kinds[t["seller"]]["kind"] == "producer" and t["commodity"] == "native-potato":
            bought[t["buyer"]] += t["volume"]
    total = sum(bought.values())
    hhi = 0.0
    for buyer, v in bought.items():
        a = kinds[buyer]
        if a["kind"] == "end_market" and "firms" not in a:
            continue
        hhi += (v / total) ** 2 / a.get("firms", 1)
    return 1e4 * hhi, max(bought.values()) / total


def outlets(model):
    kinds = {a["id"]: a for a in model["actors"]}
    buyers = defaultdict(set)
    for t in model["transactions"]:
        if kinds[t["seller"]]["kind"] == "producer" and not t.get("service"):
            buyers[t["seller"]].add(t["buyer"])
    one = [p for p, b in buyers.items() if len(b) == 1]
    return (sum(len(b) for b in buyers.values()) / len(buyers), len(one), len(buyers),
            sum(kinds[p].get("households", 0) for p in one))


def links(before, after, threshold=0.1):
    def sums(model):
        out = {}
        for t in model["transactions"]:
            key = (t["seller"], t["buyer"], t["commodity"])
            v, w = out.get(key, (None, None))
            if "volume" in t:
                v = (v or 0) + t["volume"]
            if "value" in t:
                w = (w or 0) + t["value"]
            out[key] = (v, w)
        return out
    b, a = sums(before), sums(after)
    counts = defaultdict(int)
    for key in b:
        if key not in a:
            counts["lost"] += 1
            continue
        (vb, wb), (va, wa) = b[key], a[key]
        x, y = (vb, va) if vb and va is not None else (wb, wa)
        if y >= x * (1 + threshold) and y > x:
            counts["strengthened"] += 1
        elif y <= x * (1 - threshold) and y < x:
            counts["weakened"] += 1
        else:
            counts["same"] += 1
    counts["new"] = sum(1 for key in a if key not in b)
    return dict(counts)


def supported(model):
    """Actors a record targets, or party to a targeted transaction; each once."""
    tx = {t["id"]: t for t in model["transactions"]}
    out = set()
    for r in model.get("facilitation", []):
        out.update(r["targets"].get("actors", []))
        for t in r["targets"].get("transactions", []):
            out.update((tx[t]["seller"], tx[t]["buyer"]))
    return out


def households(model, ids):
    kinds = {a["id"]: a for a in model["actors"]}
    return sum(kinds[i].get("households", 0) for i in ids)


class PotatoComparison(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.b, cls.a = load(BEFORE), load(AFTER)
        cls.out = json.loads(run("compare", "--format", "json", BEFORE, AFTER).stdout)

    def market(self, level, side, commodity="native-potato"):
        for m in self.out["markets"]:
            if (m["commodity"], m["level"], m["side"]) == (commodity, level, side):
                return m
        raise AssertionError(f"no market {commodity} {level} {side}")

    def test_farm_gate(self):
        m = self.market("producer", "buyer")
        hb, _ = farm_gate_buyer_hhi(self.b)
        ha, top = farm_gate_buyer_hhi(self.a)
        self.assertAlmostEqual(m["before"]["hhi"], hb, places=6)
        self.assertAlmostEqual(m["after"]["hhi"], ha, places=6)
        self.assertEqual((m["before"]["class"], m["after"]["class"]),
                         ("unconcentrated", "highly_concentrated"))
        # the multinational buys 2400 of the farm gate's 3530 t in 2012
        self.assertAlmostEqual(top, 2400 / 3530)
        self.assertEqual(round(hb), 165)
        self.assertEqual(round(ha), 4689)

    def test_entering(self):
        self.assertEqual([(e["id"], e["change"]) for e in self.out["actors"]],
                         [("snack-multinational", "entering")])
        self.assertEqual([(e["id"], e["change"]) for e in self.out["commodities"]],
                         [("technical-assistance", "entering")])

    def test_links(self):
        expect = links(self.b, self.a)
        self.assertEqual(self.out["links"]["counts"],
                         {k: expect.get(k, 0) for k in
                          ("new", "lost", "strengthened", "weakened", "same")})
        self.assertEqual(expect["new"], 12)
        self.assertEqual(expect["lost"], 9)

    def test_outlets(self):
        for side, model in (("before", self.b), ("after", self.a)):
            mean, one, producers, hh = outlets(model)
            got = self.out["outlets"][side]
            self.assertAlmostEqual(got["mean_outlets"], mean)
            self.assertEqual((got["one_outlet"], got["producers"], got["one_outlet_households"]),
                             (one, producers, hh))
        # 3 of 9 producer groups had one buyer in 2008, 6 of 9 in 2012
        self.assertEqual(self.out["outlets"]["before"]["one_outlet"], 3)
        self.assertEqual(self.out["outlets"]["after"]["one_outlet"], 6)

    def test_outreach(self):
        for side, model in (("before", self.b), ("after", self.a)):
            ids = supported(model)
            got = self.out["outreach"][side]
            self.assertEqual(got["direct_actors"], len(ids))
            self.assertEqual(got["direct_households"], households(model, ids))
        self.assertEqual(self.out["outreach"]["after"]["direct_households"], 1450)

    def test_ended(self):
        # temporary records whose end falls from 2008 to 2012
        expect = sorted(r["id"] for r in self.b["facilitation"]
                        if r.get("end") and "2008" <= r["end"] <= "2012")
        self.assertEqual(sorted(r["record"] for r in self.out["facilitation_ended"]), expect)
        self.assertEqual(expect, ["f-linkages", "f-promotion", "f-training"])

    def test_systemic(self):
        s = self.out["systemic"]
        self.assertEqual([(r["actor"], r["level"], r["side"], r["function"])
                          for r in s["crowding_in"]],
                         [("snack-multinational", "producer", "buyer", None),
                          ("snack-multinational", "processor", "seller", None),
                          ("snack-multinational", None, None, "capacity_building")])
        # pg-quilcas, targeted by no programme, takes up contract farming
        self.assertIn(("pg-quilcas", "contract_farming", "chips-andinos"),
                      [(r["actor"], r["contract"], r["first"]) for r in s["copying"]])
        self.assertEqual([(r["function"], r["temporary"], r["record"]) for r in s["take_over"]],
                         [("capacity_building", "f-training", "f-embedded-ta")])
        self.assertEqual(s["resilience"]["signals"], 0)

    def test_value_is_the_value_analysis(self):
        for side, path in (("before", BEFORE), ("after", AFTER)):
            kinds = {k["kind"]: k for k in json.loads(
                run("analyze", "--format", "json", path).stdout)["value"]["by_kind"]}
            for row in self.out["value"]["kinds"]:
                k = kinds.get(row["kind"])
                if k is None:
                    self.assertIsNone(row["value_added_" + side])
                    continue
                self.assertEqual(row["value_added_" + side], k["value_added"])
                self.assertEqual(row["net_margin_" + side], k["net_margin"])

    def test_text_order(self):
        text = run("compare", BEFORE, AFTER).stdout
        self.assertLess(text.index("1. Outreach"), text.index("2. Market changes"))
        self.assertLess(text.index("2. Market changes"), text.index("3. Systemic change"))


class Periods(unittest.TestCase):
    """One model holding both years, the bundled potato-andes-periods.json:
    the 2012 model with the 2008 transactions added under period 2008 (ids
    suffixed)."""

    @classmethod
    def setUpClass(cls):
        cls.path = PERIODS

    def test_bundled_model_is_the_two_files(self):
        # rebuilt here from the two snapshots: the same records, periods given
        model = load(AFTER)
        for t in model["transactions"]:
            t["period"] = "2012"
        for t in load(BEFORE)["transactions"]:
            model["transactions"].append(dict(t, id=t["id"] + "-2008", period="2008"))
        bundled = load(PERIODS)
        for key in ("actors", "commodities", "facilitation", "memberships"):
            self.assertEqual(bundled[key], model[key], key)
        self.assertNotIn("period", bundled)
        self.assertEqual(sorted(bundled["transactions"], key=lambda t: t["id"]),
                         sorted(model["transactions"], key=lambda t: t["id"]))

    def test_compare_periods(self):
        out = json.loads(run("compare", "--format", "json", self.path,
                             "--periods", "2008,2012").stdout)
        files = json.loads(run("compare", "--format", "json", BEFORE, AFTER).stdout)
        self.assertEqual((out["before_period"], out["after_period"]), ("2008", "2012"))
        self.assertEqual(out["markets"], files["markets"])
        self.assertEqual(out["links"]["counts"], {
            k: v for k, v in files["links"]["counts"].items()})
        # in one model, actors are those taking part in the period:
        # consumers-national, listed in the 2008 file, buys only in 2012
        bought_2008 = {t["buyer"] for t in load(BEFORE)["transactions"]}
        self.assertNotIn("consumers-national", bought_2008)
        self.assertEqual([a["id"] for a in out["actors"]],
                         ["consumers-national", "snack-multinational"])

    def test_analyze_by_period(self):
        out = json.loads(run("analyze", "--format", "json", "--by-period", self.path).stdout)
        self.assertEqual([p["period"] for p in out["periods"]], ["2008", "2012"])
        after = json.loads(run("analyze", "--format", "json", AFTER).stdout)
        self.assertEqual(out["periods"][1]["report"]["concentration"], after["concentration"])
        before = json.loads(run("analyze", "--format", "json", BEFORE).stdout)
        self.assertEqual(out["periods"][0]["report"]["concentration"], before["concentration"])
        text = run("analyze", "--by-period", self.path).stdout
        self.assertTrue(text.startswith("Period 2008\n###########\n"))
        self.assertIn("\nPeriod 2012\n###########\n", text)
        done = run("analyze", "--by-period", "--format", "html", self.path, ok=False)
        self.assertEqual(done.returncode, 2)
        self.assertEqual(done.stderr.strip(),
                         "marketgraph analyze: --by-period: expected --format text or json "
                         "(try 'marketgraph analyze --help')")


class Errors(unittest.TestCase):
    def expect(self, args, code, message):
        done = run("compare", *args, ok=False)
        self.assertEqual(done.returncode, code)
        self.assertEqual(done.stderr.strip(), message)

    def test_same_file_twice(self):
        out = json.loads(run("compare", "--format", "json", AFTER, AFTER).stdout)
        self.assertEqual(out["actors"], [])
        distinct = {(t["seller"], t["buyer"], t["commodity"]) for t in load(AFTER)["transactions"]}
        self.assertEqual(out["links"]["counts"]["same"], len(distinct))
        self.assertEqual(out["systemic"]["crowding_in"], [])
        self.assertEqual(out["systemic"]["copying"], [])

    def test_currency(self):
        model = load(AFTER)
        model["currency"] = "USD"
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(model, f)
        try:
            self.expect([BEFORE, f.name], 1, 'marketgraph compare: compare: the models use '
                        'different currencies: "PEN" before, "USD" after')
        finally:
            os.unlink(f.name)

    def test_periods(self):
        self.expect([AFTER, "--periods", "2012,2015"], 1,
                    'marketgraph compare: after: period: no transaction in period "2015" '
                    '(periods: 2012)')
        self.expect([AFTER, "--periods", "2012"], 2,
                    "marketgraph compare: --periods: expected two periods P1,P2, got \"2012\" "
                    "(try 'marketgraph compare --help')")
        self.expect([AFTER], 2,
                    "marketgraph compare: expected BEFORE and AFTER files (or FILE --periods "
                    "P1,P2) (try 'marketgraph compare --help')")


if __name__ == "__main__":
    unittest.main()
