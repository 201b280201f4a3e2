# SPDX-License-Identifier: MIT
"""Data work: flat records with to_pandas(), Model.to_networkx() (checked
against the GraphML export read by NetworkX), notebook display."""
import os
import shutil
import tempfile
import unittest

import marketgraph as mg
from support import cli, example_models, run_native

try:
    import networkx
except ImportError:
    networkx = None
try:
    import pandas
except ImportError:
    pandas = None

POTATO = next(p for p in example_models() if os.path.basename(p) == "potato-andes.json")


class Records(unittest.TestCase):
    def test_flatten(self):
        result = [{"a": 1, "b": {"c": 2, "d": [3, "x"]}, "e": [{"f": 4}, {"f": 5}], "g": []},
                  {"a": 6, "b": {"c": 7, "d": []}}]
        rows = mg.records(result)
        self.assertEqual(list(rows), [{"a": 1, "b.c": 2, "b.d": "3;x"}, {"a": 6, "b.c": 7}])
        self.assertEqual(rows.columns, ["a", "b.c", "b.d"])
        rows = mg.records(result, explode="e")
        self.assertEqual(list(rows), [{"a": 1, "b.c": 2, "b.d": "3;x", "e.f": 4},
                                      {"a": 1, "b.c": 2, "b.d": "3;x", "e.f": 5},
                                      {"a": 6, "b.c": 7}])

    def test_table_of_an_analysis(self):
        m = mg.load(POTATO)
        rows = m.table("throughput", chain="native-potato")
        self.assertEqual([r["actor"] for r in rows],
                         [t["actor"] for t in m.throughput(chain="native-potato")])
        self.assertEqual(rows.columns, ["actor", "bought", "sold", "throughput", "share"])
        # one row per seller share of each market that has shares
        shares = m.table("concentration", explode="seller.shares")
        want = sum(max(1, len(c["seller"]["shares"])) for c in m.concentration())
        self.assertEqual(len(shares), want)
        with self.assertRaises(mg.InvalidArgumentError):
            m.table("to_dict_nope")

    def test_to_pandas(self):
        rows = mg.records([{"a": 1, "b": 2.5}, {"a": 3}])
        if pandas is None:
            with self.assertRaises(ImportError) as caught:
                rows.to_pandas()
            self.assertIn("apt-get install python3-pandas", str(caught.exception))
            return
        frame = rows.to_pandas()
        self.assertEqual(list(frame.columns), ["a", "b"])
        self.assertEqual(frame["a"].tolist(), [1, 3])
        self.assertTrue(pandas.isna(frame["b"][1]))


@unittest.skipIf(networkx is None, "networkx is not installed")
class NetworkX(unittest.TestCase):
    def test_matches_graphml(self):
        m = mg.load(POTATO)
        g = m.to_networkx(results=True, chain="native-potato", relations=True)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "m.graphml")
            run_native([cli(), "export", POTATO, "--format", "graphml", "--results", "--chain",
                        "native-potato", "--facilitation", "--memberships", "-o", path],
                       check=True)
            h = networkx.read_graphml(path, edge_key_type=str)
        self.assertEqual(set(g.nodes), set(h.nodes))
        for name in ("throughput", "throughput_share", "betweenness", "betweenness_share",
                     "captive_producers", "captive_supply", "binding", "binding_capacity"):
            with self.subTest(attribute=name):
                got = {n: g.nodes[n][name] for n in g.nodes if name in g.nodes[n]}
                want = {n: h.nodes[n][name] for n in h.nodes if name in h.nodes[n]}
                self.assertEqual(got.keys(), want.keys())
                for n in got:
                    self.assertAlmostEqual(got[n], want[n], places=12)
        self.assertEqual(g.number_of_edges(), h.number_of_edges())
        relations = lambda G: sorted(d["relation"] for _, _, d in G.edges(data=True))
        self.assertEqual(relations(g), relations(h))
        binding = lambda G: sorted((u, v, d["binding_capacity"]) for u, v, d in
                                   G.edges(data=True) if "binding_capacity" in d)
        self.assertEqual(binding(g), binding(h))

    def test_plain(self):
        m = mg.load(POTATO)
        g = m.to_networkx()
        doc = m.to_dict()
        self.assertEqual(g.number_of_nodes(), len(doc["actors"]))
        self.assertEqual(g.number_of_edges(), len(doc["transactions"]))
        t = doc["transactions"][0]
        self.assertEqual(g.edges[t["seller"], t["buyer"], t["id"]]["commodity"], t["commodity"])


class Notebook(unittest.TestCase):
    def test_repr(self):
        m = mg.load(POTATO)
        html = m._repr_html_()
        self.assertIn("<th>actors</th><td>34</td>", html)
        svg = m._repr_svg_()
        if shutil.which("dot") is None:
            self.assertIsNone(svg)
        else:
            self.assertIn("</svg>", svg)

    def test_typed(self):
        self.assertTrue(os.path.exists(os.path.join(os.path.dirname(mg.__file__), "py.typed")))


if __name__ == "__main__":
    unittest.main()
