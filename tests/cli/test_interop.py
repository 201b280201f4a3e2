#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The interop formats (docs/interop.md) through the command-line tool.

GraphML is read back with xml.etree (and NetworkX when it is installed),
Kumu blueprints with json, and every value is compared with the model's
JSON export, read independently here.  The CSV tables go to a directory
and back: JSON -> CSV -> JSON must give the same bytes for every example.

Environment (set by tests/cli/meson.build):
  MARKETGRAPH      the built tool
  MKG_SOURCE_ROOT  the source tree (for examples/)
"""
import csv
import io
import json
import os
import stat
import subprocess
import tempfile
import threading
import unittest
import xml.etree.ElementTree as ET

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
MODELS = os.path.join(ROOT, "examples", "models")
TEMPLATES = os.path.join(ROOT, "examples", "csv")
NS = "{http://graphml.graphdrawing.org/xmlns}"
TABLES = ("actors", "transactions", "facilitation", "memberships", "document")

try:
    import networkx
except ImportError:  # the test then reads GraphML with xml.etree only
    networkx = None

# Every key of the GraphML export: (id, for, attr.name, attr.type).
GRAPHML_KEYS = [
    ("g_name", "graph", "name", "string"),
    ("g_currency", "graph", "currency", "string"),
    ("g_volume_unit", "graph", "volume_unit", "string"),
    ("g_period", "graph", "period", "string"),
    ("g_attributes", "graph", "attributes", "string"),
    ("g_commodities", "graph", "commodities", "string"),
    ("n_label", "node", "label", "string"),
    ("n_name", "node", "name", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_region", "node", "region", "string"),
    ("n_households", "node", "households", "long"),
    ("n_firms", "node", "firms", "long"),
    ("n_capacity", "node", "capacity", "double"),
    ("n_supply", "node", "supply", "double"),
    ("n_demand", "node", "demand", "double"),
    ("n_tags", "node", "tags", "string"),
    ("n_attributes", "node", "attributes", "string"),
    ("e_commodity", "edge", "commodity", "string"),
    ("e_volume", "edge", "volume", "double"),
    ("e_value", "edge", "value", "double"),
    ("e_period", "edge", "period", "string"),
    ("e_level", "edge", "level", "string"),
    ("e_contract", "edge", "contract", "string"),
    ("e_service", "edge", "service", "boolean"),
    ("e_capacity", "edge", "capacity", "double"),
    ("e_attributes", "edge", "attributes", "string"),
    ("e_weight", "edge", "weight", "double"),
    ("e_primary", "edge", "primary", "string"),
    ("e_factor", "edge", "factor", "double"),
    ("e_primary_volume", "edge", "primary_volume", "double"),
]


def run(*args, cwd=None):
    """Run the tool; return (exit code, stdout bytes, stderr text)."""
    r = subprocess.run([TOOL, *args], capture_output=True, timeout=120, cwd=cwd)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def examples():
    files = sorted(f for f in os.listdir(MODELS) if f.endswith(".json"))
    assert files, "no example models"
    return [os.path.join(MODELS, f) for f in files]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def expected_actor_fields(a):
    """What the GraphML node of actor a must hold, as Python values."""
    want = {"label": a.get("name", a["id"]), "kind": a["kind"]}
    for key in ("name", "region", "households", "firms", "capacity", "supply", "demand"):
        if key in a:
            want[key] = a[key]
    if a.get("tags"):
        want["tags"] = ";".join(a["tags"])  # the examples' tags are plain words
    if "attributes" in a:
        want["attributes"] = a["attributes"]
    return want


def primary_equivalent(commodity, doc):
    """(primary commodity, factor) of a commodity, walking made_from here."""
    listed = {c["id"]: c for c in doc.get("commodities", [])}
    factor = 1
    while commodity in listed and "made_from" in listed[commodity]:
        factor *= listed[commodity]["input_per_unit"]
        commodity = listed[commodity]["made_from"]
    return commodity, factor


def expected_transaction_fields(t, doc):
    kinds = {a["id"]: a["kind"] for a in doc["actors"]}
    want = {"commodity": t["commodity"], "contract": t.get("contract", "spot"),
            "service": t.get("service", False), "level": t.get("level", kinds[t["seller"]])}
    if doc.get("commodities") and not want["service"]:
        want["primary"], want["factor"] = primary_equivalent(t["commodity"], doc)
        if "volume" in t:
            want["primary_volume"] = t["volume"] * want["factor"]
    for key in ("volume", "value", "capacity", "attributes"):
        if key in t:
            want[key] = t[key]
    if "period" in t or "period" in doc:
        want["period"] = t.get("period", doc.get("period"))
    if "volume" in t:
        want["weight"] = t["volume"]
    return want


def typed(text, kind):
    """A GraphML <data> value as the type its key declares."""
    return {"string": str, "double": float, "long": int,
            "boolean": {"true": True, "false": False}.__getitem__}[kind](text)


def supported_actors(f, transactions):
    """Whom a facilitation record supports (the Kumu mapping), worked out
    here: its target actors, then each target transaction's seller and buyer,
    each once, never the facilitator."""
    out = []
    by_id = {t["id"]: t for t in transactions}
    targets = f["targets"]
    for a in targets.get("actors", []) + [x for tid in targets.get("transactions", [])
                                          for x in (by_id[tid]["seller"], by_id[tid]["buyer"])]:
        if a != f["facilitator"] and a not in out:
            out.append(a)
    return out


def chain_model(path):
    """A model with the additions to version 1: commodities (fries from
    chips from potato, transport a service), firms and levels."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump({
            "format": "marketgraph", "version": 1, "volume_unit": "t",
            "commodities": [{"id": "fries", "made_from": "chips", "input_per_unit": 1.25},
                            {"id": "chips", "unit": "t", "made_from": "potato",
                             "input_per_unit": 4, "attributes": {"source": "FAO"}},
                            {"id": "potato"},
                            {"id": "transport", "unit": "trip", "service": True}],
            "actors": [{"id": "farm", "kind": "producer", "households": 40, "firms": 40},
                       {"id": "plant", "kind": "processor", "firms": 1},
                       {"id": "shops", "kind": "retailer", "firms": 300},
                       {"id": "eaters", "kind": "end_market"},
                       {"id": "truck", "kind": "service_provider"}],
            "transactions": [
                {"seller": "farm", "buyer": "plant", "commodity": "potato", "volume": 400,
                 "level": "farm gate"},
                {"seller": "plant", "buyer": "shops", "commodity": "chips", "volume": 100},
                {"seller": "shops", "buyer": "eaters", "commodity": "fries", "volume": 80,
                 "value": 9000, "level": "retail"},
                {"seller": "farm", "buyer": "eaters", "commodity": "beans", "value": 5},
                {"seller": "truck", "buyer": "plant", "commodity": "transport",
                 "service": True, "value": 90}]}, f)
    return path


class ToolCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def export(self, model, *args):
        code, out, err = run("export", model, *args)
        self.assertEqual((code, err), (0, ""), f"{model} {args}")
        return out

    def canonical(self, model):
        """The model as `export` writes it (ids generated, canonical numbers)."""
        return self.export(model)


class GraphML(ToolCase):
    def read(self, model):
        path = self.path("model.graphml")
        code, out, err = run("export", model, "--format", "graphml", "-o", path)
        self.assertEqual((code, out, err), (0, b"", ""))
        with open(path, "rb") as f:
            text = f.read()
        self.assertTrue(text.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n'))
        return path, ET.fromstring(text)

    def check_model(self, model):
        doc = json.loads(self.canonical(model))
        path, root = self.read(model)
        self.assertEqual(root.tag, NS + "graphml")
        keys = [(k.get("id"), k.get("for"), k.get("attr.name"), k.get("attr.type"))
                for k in root.findall(NS + "key")]
        self.assertEqual(keys, GRAPHML_KEYS)
        types = {k[0]: (k[2], k[3]) for k in keys}
        graphs = root.findall(NS + "graph")
        self.assertEqual(len(graphs), 1)
        graph = graphs[0]
        self.assertEqual(graph.get("edgedefault"), "directed")

        def data(element):
            out = {}
            for d in element.findall(NS + "data"):
                name, kind = types[d.get("key")]
                self.assertNotIn(name, out, "a key given twice")
                out[name] = typed(d.text or "", kind)
            if "attributes" in out:
                out["attributes"] = json.loads(out["attributes"])
            return out

        want_graph = {k: doc[k] for k in ("name", "currency", "volume_unit", "period",
                                          "attributes") if k in doc}
        got_graph = data(graph)
        if "commodities" in got_graph:  # JSON text: the array of the model format
            got_graph["commodities"] = json.loads(got_graph["commodities"])
        if "commodities" in doc:
            want_graph["commodities"] = doc["commodities"]
        self.assertEqual(got_graph, want_graph)

        nodes = graph.findall(NS + "node")
        self.assertEqual([n.get("id") for n in nodes], [a["id"] for a in doc["actors"]])
        for node, actor in zip(nodes, doc["actors"]):
            self.assertEqual(data(node), expected_actor_fields(actor), actor["id"])

        edges = graph.findall(NS + "edge")
        self.assertEqual(len(edges), len(doc["transactions"]))
        for edge, t in zip(edges, doc["transactions"]):
            self.assertEqual((edge.get("id"), edge.get("source"), edge.get("target")),
                             (t["id"], t["seller"], t["buyer"]))
            self.assertEqual(data(edge), expected_transaction_fields(t, doc), t["id"])

        if networkx is not None:
            g = networkx.read_graphml(path, edge_key_type=str)
            self.assertTrue(g.is_directed())
            self.assertEqual(g.number_of_nodes(), len(doc["actors"]))
            self.assertEqual(g.number_of_edges(), len(doc["transactions"]))
            self.assertEqual(g.graph.get("name"), doc.get("name"))
            if "commodities" in doc:
                self.assertEqual(json.loads(g.graph["commodities"]), doc["commodities"])
            for actor in doc["actors"]:
                attrs = dict(g.nodes[actor["id"]])
                if "attributes" in attrs:
                    attrs["attributes"] = json.loads(attrs["attributes"])
                self.assertEqual(attrs, expected_actor_fields(actor))
            if g.is_multigraph():
                edges = {k: (u, v, d) for u, v, k, d in g.edges(keys=True, data=True)}
            else:
                edges = {d["id"]: (u, v, {x: y for x, y in d.items() if x != "id"})
                         for u, v, d in g.edges(data=True)}
            self.assertEqual(sorted(edges), sorted(t["id"] for t in doc["transactions"]))
            for t in doc["transactions"]:
                u, v, d = edges[t["id"]]
                d = dict(d)
                if "attributes" in d:
                    d["attributes"] = json.loads(d["attributes"])
                self.assertEqual((u, v, d), (t["seller"], t["buyer"],
                                             expected_transaction_fields(t, doc)))

    def test_examples(self):
        for model in examples():
            with self.subTest(model=os.path.basename(model)):
                self.check_model(model)

    def test_commodities_firms_level(self):
        self.check_model(chain_model(self.path("chain.json")))

    def test_escaping(self):
        """Ids and names with XML's special characters, line ends, tabs and
        UTF-8 come back as written; U+0001 comes back as U+FFFD."""
        odd = 'a "q" & <b> \'s\' é\t\r\n中'
        doc = {
            "format": "marketgraph", "version": 1, "name": "x & y",
            "actors": [
                {"id": odd, "name": odd, "kind": "producer", "tags": ["a;b", " c"]},
                {"id": "ctl\u0001", "kind": "trader"},
                {"id": "1", "kind": "end_market"},
            ],
            "transactions": [
                {"id": "2", "seller": odd, "buyer": "ctl\u0001", "commodity": odd, "volume": 1},
                {"id": "3", "seller": "ctl\u0001", "buyer": "1", "commodity": "m", "value": 0.1},
            ],
        }
        model = self.path("odd.json")
        with open(model, "w", encoding="utf-8") as f:
            json.dump(doc, f)
        path, root = self.read(model)
        graph = root.find(NS + "graph")
        nodes = graph.findall(NS + "node")
        self.assertEqual([n.get("id") for n in nodes], [odd, "ctl\ufffd", "1"])
        label = nodes[0].find(NS + "data[@key='n_label']")
        self.assertEqual(label.text, odd)
        tags = nodes[0].find(NS + "data[@key='n_tags']")
        self.assertEqual(json.loads(tags.text), ["a;b", " c"])  # not plain: the JSON form
        edges = graph.findall(NS + "edge")
        self.assertEqual([(e.get("source"), e.get("target")) for e in edges],
                         [(odd, "ctl\ufffd"), ("ctl\ufffd", "1")])
        if networkx is not None:
            g = networkx.read_graphml(path, edge_key_type=str)
            self.assertEqual(sorted(g.nodes), sorted([odd, "ctl\ufffd", "1"]))
            self.assertEqual(g.nodes[odd]["label"], odd)
            self.assertEqual(g.graph["name"], "x & y")


class Results(ToolCase):
    """export --results: the GraphML and Kumu carry what `analyze` finds."""

    MODEL = os.path.join(MODELS, "potato-andes.json")

    def test_graphml_matches_analyze(self):
        path = self.path("m.graphml")
        code, out, err = run("export", self.MODEL, "--format", "graphml", "--results",
                             "--chain", "native-potato", "--facilitation", "--memberships",
                             "-o", path)
        self.assertEqual((code, out, err), (0, b"", ""))
        code, report, err = run("analyze", self.MODEL, "--format", "json")
        chain = next(c for c in json.loads(report)["bottlenecks"]["chains"]
                     if c["commodity"] == "native-potato")
        root = ET.parse(path).getroot()
        graph = root.find(NS + "graph")

        def data(el):
            return {d.get("key"): d.text for d in el.findall(NS + "data")}
        nodes = {n.get("id"): data(n) for n in graph.findall(NS + "node")}
        self.assertEqual(data(graph)["g_chain"], "native-potato")
        for t in chain["throughput"]:
            self.assertEqual(float(nodes[t["actor"]]["n_throughput"]), t["throughput"])
        for c in chain["captive"]:
            self.assertEqual(int(nodes[c["actor"]]["n_captive_producers"]), len(c["producers"]))
            self.assertEqual(float(nodes[c["actor"]]["n_captive_supply"]), c["supply"])
        for b in chain["betweenness"]:
            self.assertEqual(float(nodes[b["actor"]]["n_betweenness"]), b["all_pairs"])
        binding = {b["actor"]: b["capacity"] for b in chain["flow"]["binding"] if "actor" in b}
        self.assertEqual({a: float(n["n_binding_capacity"]) for a, n in nodes.items()
                          if "n_binding_capacity" in n}, binding)
        # relations: every facilitation cost counted once over its edges
        doc = json.loads(self.canonical(self.MODEL))
        edges = [data(e) for e in graph.findall(NS + "edge")]
        by_relation = {}
        for e in edges:
            by_relation.setdefault(e["e_relation"], []).append(e)
        self.assertEqual(len(by_relation["transaction"]), len(doc["transactions"]))
        self.assertEqual(len(by_relation["membership"]), len(doc.get("memberships", [])))
        for f in doc["facilitation"]:
            if "cost" in f:
                got = sum(float(e["e_cost"]) for e in by_relation["facilitation"]
                          if e["e_facilitation"] == f["id"])
                self.assertAlmostEqual(got, f["cost"], places=6)
        if networkx is not None:
            g = networkx.read_graphml(path, edge_key_type=str)
            top = max(g.nodes, key=lambda n: g.nodes[n].get("throughput", 0))
            self.assertEqual(top, chain["throughput"][0]["actor"])

    def test_kumu_costs_once(self):
        doc = json.loads(self.canonical(self.MODEL))
        blueprint = json.loads(self.export(self.MODEL, "--format", "kumu"))
        for f in doc["facilitation"]:
            if "cost" in f:
                got = sum(c.get("cost", 0) for c in blueprint["connections"]
                          if c.get("facilitation") == f["id"])
                self.assertAlmostEqual(got, f["cost"], places=6)
        results = json.loads(self.export(self.MODEL, "--format", "kumu", "--results",
                                         "--chain", "native-potato"))
        self.assertTrue(any("throughput" in e for e in results["elements"]))

    def test_usage_errors(self):
        hint = " (try 'marketgraph export --help')\n"
        self.assertEqual(run("export", self.MODEL, "--results"),
                         (2, b"", "marketgraph export: --results needs --format graphml or kumu"
                          + hint))
        self.assertEqual(run("export", self.MODEL, "--format", "kumu", "--memberships"),
                         (2, b"", "marketgraph export: --facilitation and --memberships need "
                                 "--format graphml (kumu has them always)" + hint))
        self.assertEqual(run("export", self.MODEL, "--format", "graphml", "--chain", "x"),
                         (2, b"", "marketgraph export: --chain needs --format dot, or --results"
                          + hint))
        self.assertEqual(run("export", self.MODEL, "--format", "graphml", "--results"),
                         (1, b"", "marketgraph export: throughput: the model has 2 chains "
                                 "(native-potato, seed-potato): name one in options.chain\n"))


class Kumu(ToolCase):
    def test_examples(self):
        for model in examples() + [chain_model(self.path("chain.json"))]:
            with self.subTest(model=os.path.basename(model)):
                doc = json.loads(self.canonical(model))
                blueprint = json.loads(self.export(model, "--format", "kumu"))
                self.assertEqual(sorted(blueprint), ["connections", "elements"])
                elements, connections = blueprint["elements"], blueprint["connections"]
                ids = [e["id"] for e in elements] + [c["id"] for c in connections]
                self.assertEqual(len(ids), len(set(ids)), "ids must be unique")

                self.assertEqual(len(elements), len(doc["actors"]))
                for e, a in zip(elements, doc["actors"]):
                    want = {"id": "actor:" + a["id"], "label": a.get("name", a["id"]),
                            "type": a["kind"], "actor": a["id"]}
                    want.update({k: a[k] for k in ("region", "households", "firms", "capacity",
                                                   "supply", "demand", "tags") if k in a})
                    e = dict(e)
                    if "attributes" in e:  # JSON text: compare what it says
                        e["attributes"] = json.loads(e["attributes"])
                    if "attributes" in a:
                        want["attributes"] = a["attributes"]
                    self.assertEqual(e, want)

                by_type = {}
                for c in connections:
                    self.assertIn(c["from"], ids)
                    self.assertIn(c["to"], ids)
                    self.assertEqual(c["direction"], "directed")
                    by_type.setdefault(c["type"], []).append(c)
                self.assertLessEqual(set(by_type), {"transaction", "facilitation", "membership"})

                txs = by_type.get("transaction", [])
                self.assertEqual(len(txs), len(doc["transactions"]))
                for c, t in zip(txs, doc["transactions"]):
                    self.assertEqual((c["id"], c["from"], c["to"], c["transaction"]),
                                     ("transaction:" + t["id"], "actor:" + t["seller"],
                                      "actor:" + t["buyer"], t["id"]))
                    got = {k: v for k, v in c.items()
                           if k not in ("id", "from", "to", "type", "direction", "transaction")}
                    if "attributes" in got:
                        got["attributes"] = json.loads(got["attributes"])
                    want = expected_transaction_fields(t, doc)
                    want.pop("weight", None)  # GraphML only
                    self.assertEqual(got, want, t["id"])

                want = [(f["id"], f["facilitator"], a) for f in doc["facilitation"]
                        for a in supported_actors(f, doc["transactions"])]
                got = [(c["facilitation"], c["from"][6:], c["to"][6:])
                       for c in by_type.get("facilitation", [])]
                self.assertEqual(got, want)

                ms = by_type.get("membership", [])
                self.assertEqual([(c["from"], c["to"], c.get("role")) for c in ms],
                                 [("actor:" + m["member"], "actor:" + m["group"], m.get("role"))
                                  for m in doc["memberships"]])


class Csv(ToolCase):
    def roundtrip(self, model, *export_args, prefix=None):
        out_dir = self.path("tables")
        if prefix is None:
            args = ("--dir", out_dir)
            files = {t: os.path.join(out_dir, t + ".csv") for t in TABLES}
        else:
            args = ("-o", self.path(prefix))
            files = {t: self.path(prefix + t + ".csv") for t in TABLES}
        code, out, err = run("export", model, "--format", "csv", *args, *export_args)
        self.assertEqual((code, out, err), (0, b"", ""))
        back = self.path("back.json")
        import_args = []
        for t in TABLES:
            import_args += ["--" + t, files[t]]
        # commodities.csv is written only when the model lists commodities
        # (every bundled example does)
        commodities = (os.path.join(out_dir, "commodities.csv") if prefix is None
                       else self.path(prefix + "commodities.csv"))
        if os.path.exists(commodities):
            files["commodities"] = commodities
            import_args += ["--commodities", commodities]
        code, out, err = run("import-csv", *import_args, "-o", back)
        self.assertEqual((code, out, err), (0, b"", ""))
        with open(back, "rb") as f:
            self.assertEqual(f.read(), self.canonical(model))
        return files

    def test_examples_roundtrip(self):
        for model in examples():
            with self.subTest(model=os.path.basename(model)):
                files = self.roundtrip(model)
                doc = json.loads(self.canonical(model))
                # The tables as any CSV reader sees them: one row per record.
                for table, key in (("actors", "actors"), ("transactions", "transactions"),
                                   ("facilitation", "facilitation"),
                                   ("memberships", "memberships")):
                    with open(files[table], encoding="utf-8", newline="") as f:
                        rows = list(csv.DictReader(f))
                    self.assertEqual(len(rows), len(doc[key]), table)
                with open(files["actors"], encoding="utf-8", newline="") as f:
                    for row, a in zip(csv.DictReader(f), doc["actors"]):
                        self.assertEqual((row["id"], row["kind"], row["tags"]),
                                         (a["id"], a["kind"], ";".join(a.get("tags", []))))

    def test_semicolons_bom_prefix(self):
        model = os.path.join(MODELS, "potato-andes.json")
        files = self.roundtrip(model, "--separator", ";", "--bom", prefix="potato-")
        with open(files["actors"], "rb") as f:
            self.assertTrue(f.read().startswith(b"\xef\xbb\xbfid;name;kind;"))
        # --dir alone reads the same tables (the names are the defaults).
        code, out, err = run("export", model, "--format", "csv", "--separator", "tab",
                             "--dir", self.path("tabs"))
        self.assertEqual((code, out, err), (0, b"", ""))
        code, out, err = run("import-csv", "--dir", self.path("tabs"))
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(out, self.canonical(model))

    def test_templates(self):
        """examples/csv holds tables that import, and export back unchanged."""
        code, out, err = run("import-csv", "--dir", TEMPLATES, "-o", self.path("t.json"))
        self.assertEqual((code, out, err), (0, b"", ""))
        code, out, err = run("export", self.path("t.json"), "--format", "csv",
                             "--dir", self.path("again"))
        self.assertEqual((code, out, err), (0, b"", ""))
        for t in TABLES:
            with open(os.path.join(TEMPLATES, t + ".csv"), "rb") as a, \
                    open(os.path.join(self.path("again"), t + ".csv"), "rb") as b:
                self.assertEqual(a.read(), b.read(), t)

    def write_tables(self, **tables):
        for name, text in tables.items():
            with open(self.path(name + ".csv"), "w", encoding="utf-8", newline="") as f:
                f.write(text)

    def test_error_names_file_line_column(self):
        self.write_tables(
            actors="id,kind\na,producer\nb,trader\nc,end_market\n",
            transactions="id,seller,buyer,commodity,volume\n"
                         "t1,a,b,maize,1\nt2,a,b,maize,1\nt3,a,b,maize,1\n"
                         "t4,b,c,maize,1\nt5,b,c,maize,1\nt6,b,trader-9,maize,1\n")
        out_path = self.path("never.json")
        code, out, err = run("import-csv", "--actors", "actors.csv",
                             "--transactions", "transactions.csv", "-o", out_path,
                             cwd=self.tmp.name)
        self.assertEqual((code, out), (1, b""))
        self.assertEqual(err, 'transactions.csv: line 7, column 3 (buyer): '
                              'unknown actor "trader-9"\n')
        self.assertFalse(os.path.exists(out_path))

    def test_options_set_document_fields(self):
        self.write_tables(actors="id,kind\na,producer\nb,trader\n",
                          transactions="seller,buyer,commodity,volume\na,b,maize,1\n",
                          document="name,currency\nFrom table,PEN\n")
        code, out, err = run("import-csv", "--dir", self.tmp.name, "--name", "From options",
                             "--volume-unit", "t", "--period", "2010",
                             "--attributes", '{"source": "survey"}')
        self.assertEqual((code, err), (0, ""))
        doc = json.loads(out)
        self.assertEqual((doc["name"], doc["currency"], doc["volume_unit"], doc["period"],
                          doc["attributes"]),
                         ("From options", "PEN", "t", "2010", {"source": "survey"}))
        self.assertEqual(doc["transactions"],
                         [{"id": "t1", "seller": "a", "buyer": "b", "commodity": "maize",
                           "volume": 1}])

    def test_pipe_is_written_not_replaced(self):
        """-o naming a pipe (or /dev/null) writes into it: renaming a file
        over it, as for a regular file, would replace it.  A pipe of our
        own, so that a regression cannot break the machine's /dev/null."""
        self.write_tables(actors="id,kind\na,producer\nb,trader\n",
                          transactions="seller,buyer,commodity,volume\na,b,maize,1\n")
        fifo = self.path("fifo")
        os.mkfifo(fifo)
        for args in (("import-csv", "--dir", self.tmp.name),
                     ("export", os.path.join(MODELS, "potato-andes.json"))):
            with self.subTest(command=args[0]):
                got = []
                reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()),
                                          daemon=True)  # may never see a writer on failure
                reader.start()
                code, out, err = run(*args, "-o", fifo)
                reader.join(30)
                self.assertEqual((code, out, err), (0, b"", ""))
                self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode))
                self.assertTrue(got and got[0].startswith(b'{\n  "format": "marketgraph"'))

    def test_commodities_table(self):
        """commodities.csv is written when the model lists commodities, read
        back by --dir when present and by --commodities FILE."""
        model = self.path("chain.json")
        with open(model, "w", encoding="utf-8") as f:
            json.dump({"format": "marketgraph", "version": 1, "volume_unit": "t",
                       "commodities": [{"id": "potato"},
                                       {"id": "chips", "unit": "t", "made_from": "potato",
                                        "input_per_unit": 4}],
                       "actors": [{"id": "f", "kind": "producer", "firms": 120},
                                  {"id": "c", "kind": "processor"}],
                       "transactions": [{"seller": "f", "buyer": "c", "commodity": "potato",
                                         "volume": 400, "level": "farm gate"}]}, f)
        out_dir = self.path("chain")
        code, out, err = run("export", model, "--format", "csv", "--dir", out_dir)
        self.assertEqual((code, out, err), (0, b"", ""))
        self.assertEqual(sorted(os.listdir(out_dir)),
                         sorted(t + ".csv" for t in TABLES + ("commodities",)))
        with open(os.path.join(out_dir, "commodities.csv"), "rb") as f:
            self.assertEqual(f.read(), b"id,unit,service,made_from,input_per_unit,attributes\r\n"
                                       b"potato,,false,,,\r\nchips,t,false,potato,4,\r\n")
        code, out, err = run("import-csv", "--dir", out_dir)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(out, self.canonical(model))
        # Named one by one: without --commodities the list is not read.
        tables = ["--actors", os.path.join(out_dir, "actors.csv"),
                  "--transactions", os.path.join(out_dir, "transactions.csv")]
        code, out, err = run("import-csv", *tables)
        self.assertEqual((code, err), (0, ""))
        self.assertNotIn("commodities", json.loads(out))
        code, out, err = run("import-csv", *tables,
                             "--commodities", os.path.join(out_dir, "commodities.csv"))
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(json.loads(out)["commodities"],
                         json.loads(self.canonical(model))["commodities"])
        # A bad cell: file, line, column.
        self.write_tables(commodities="id,made_from,input_per_unit\npotato,,\nchips,tuber,4\n")
        code, out, err = run("import-csv", *tables, "--commodities", "commodities.csv",
                             cwd=self.tmp.name)
        self.assertEqual((code, out), (1, b""))
        self.assertEqual(err, 'commodities.csv: line 3, column 2 (made_from): '
                              'unknown commodity "tuber"\n')
        # Exported again without commodities: the set loses commodities.csv.
        # (the bundled examples list commodities: take one without its list)
        with open(os.path.join(MODELS, "potato-andes.json"), encoding="utf-8") as f:
            plain = json.load(f)
        del plain["commodities"]
        with open(self.path("plain.json"), "w", encoding="utf-8") as f:
            json.dump(plain, f)
        code, out, err = run("export", self.path("plain.json"), "--format",
                             "csv", "--dir", out_dir)
        self.assertEqual((code, out, err), (0, b"", ""))
        self.assertEqual(sorted(os.listdir(out_dir)), sorted(t + ".csv" for t in TABLES))

    def test_missing_file(self):
        code, out, err = run("import-csv", "--actors", self.path("none.csv"),
                             "--transactions", self.path("none2.csv"))
        self.assertEqual((code, out), (1, b""))
        self.assertEqual(err, self.path("none.csv") + ": cannot open: No such file or directory\n")

    def test_usage_errors(self):
        model = os.path.join(MODELS, "potato-andes.json")
        cases = [
            (("import-csv",), "missing --actors FILE (or --dir DIR)"),
            (("import-csv", "--actors", "a.csv"), "missing --transactions FILE (or --dir DIR)"),
            (("import-csv", "--dir", ".", "extra"),
             "unexpected argument \"extra\" (tables are given by options)"),
            (("import-csv", "--dir", ".", "--separator", "|"),
             "unknown separator \"|\", expected ',', ';' or tab"),
            (("export", model, "--format", "csv"),
             "--format csv writes one file per table: give --dir DIR or -o PREFIX"),
            (("export", model, "--format", "csv", "--dir", "d", "-o", "p"),
             "--format csv writes one file per table: give --dir DIR or -o PREFIX"),
            (("export", model, "--bom"), "--dir, --separator and --bom need --format csv"),
            (("export", model, "--format", "xml"),
             "unknown format \"xml\", expected json, dot, graphml, kumu or csv"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                code, out, err = run(*args, cwd=self.tmp.name)
                command = args[0]
                self.assertEqual((code, out), (2, b""))
                self.assertEqual(err, f"marketgraph {command}: {message} "
                                      f"(try 'marketgraph {command} --help')\n")

    def test_help(self):
        code, out, err = run("import-csv", "--help")
        self.assertEqual((code, err), (0, ""))
        for option in ("--actors", "--transactions", "--facilitation", "--memberships",
                       "--document", "--commodities", "--dir", "--separator", "--name",
                       "--output"):
            self.assertIn(option, out.decode())
        code, out, err = run("--help")
        self.assertRegex(out.decode(), r"\n  import-csv +Build a model from CSV tables\.")


if __name__ == "__main__":
    unittest.main()
