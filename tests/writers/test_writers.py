#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Property tests of every writer: random models with hostile strings, each
export parsed by its real consumer.

A seeded generator builds a few hundred valid models whose strings are
made of Unicode's 66 noncharacters, C0 and C1 controls, quotes, brackets,
backslashes, markup, formula starts, non-BMP characters, empty strings
where the format allows them and very long strings, and whose numbers
include subnormals.  Each model goes through `marketgraph export` in every
format:

- JSON: Python's json reads it, every field comes back as generated, every
  number is in its shortest round-trip form, and the export re-imported
  exports to the same bytes;
- CSV: `import-csv` gives back the model's exact JSON export; with
  `--safe-cells` it gives the model with an apostrophe before each text
  that starts with = + - @ TAB CR;
- GraphML: xml.etree and networkx.read_graphml read it, with the model's
  ids and names (XML-invalid characters as U+FFFD, docs/interop.md), and
  the additions to version 1: firms, level, the commodities list and each
  edge's primary commodity, factor and primary volume;
- DOT: Graphviz's `dot -Tsvg` draws it without a word on stderr, and the
  SVG is XML;
- Kumu: json reads it, one element per actor (with its firms), one
  connection per transaction (with its level and primary equivalent).

Half the models list commodities (chains of made_from, services), some
actors have firms and some transactions a level; those come from a second
generator so that the first makes the same models as before.

A consumer that is missing fails the test when CI=true (else the checks
that need it are skipped).  Deterministic; about 20 s.

Environment (set by tests/writers/meson.build):
  MARKETGRAPH  the built tool
  MKG_WRITERS_MODELS  how many models (default 200)
"""
import concurrent.futures
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
MODELS = int(os.environ.get("MKG_WRITERS_MODELS", "200"))
SEED = 20240611
IN_CI = os.environ.get("CI", "").lower() == "true"

try:
    import networkx
except ImportError:
    networkx = None
DOT = shutil.which("dot")

# ---- hostile text ------------------------------------------------------------

NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + \
    [chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF)]
assert len(NONCHARACTERS) == 66
C0 = [chr(c) for c in range(1, 0x20)] + ["\x7f"]
C1 = [chr(c) for c in range(0x80, 0xA0)]
ATOMS = (NONCHARACTERS + C0 + C1 + [
    '"', "'", "\\", "\\\\", '\\"', "\\N", "[", "]", "]]", "]]>", "{", "}", "<", ">", "&",
    "&amp;", "&#93;", "<B>", "</B>", "<BR/>", ";", ":", ",", "=", "+", "-", "@", " ", "  ",
    "\t", "\n", "\r", "\r\n", "\u00a0", "\ufeff", "\u2028", "\u2029", "\ufffd", "\u00e9",
    "e\u0301", "\u05d0", "\u200b", "\U0001F954", "\U0010FFFD", "\U0001D11E", "-0", "1e5",
    "=SUM(A1)", "@x", "+1", "-1", "digraph", "node", "n0", "actor:", "t1", "x", "market",
])
KINDS = ["producer", "input_supplier", "collector", "trader", "processor", "wholesaler",
         "exporter", "retailer", "end_market", "service_provider", "financial_institution",
         "public_agency", "marketing_board", "programme", "association", "ngo", "other"]
CONTRACTS = ["spot", "contract_farming", "auction", "embedded_service", "credit", "other"]
FUNCTIONS = ["capacity_building", "research_development", "shared_vision", "linkages",
             "business_opportunities", "monitoring", "information", "brokerage",
             "transaction_security", "platform", "regulation", "finance", "other"]
TYPES = ["temporary", "commercial", "public"]


def hostile(rng, empty_ok=True, long_ok=True):
    """A string of hostile atoms; sometimes one of the exact strings
    Graphviz refused, sometimes very long."""
    roll = rng.random()
    if roll < 0.08 and empty_ok:
        return ""
    if roll < 0.16:
        return rng.choice(["]", "]]", '""', "\\", '"', "\ufffe", "\uffff", "=1+1", "\t", "\r"])
    if roll < 0.20 and long_ok:
        return "".join(rng.choice(ATOMS) for _ in range(rng.randint(3000, 9000)))
    text = "".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 8)))
    return text if text or empty_ok else "x"


def utf8_cut(text, limit):
    data = text.encode("utf-8")[:limit]
    return data.decode("utf-8", errors="ignore")


def number(rng):
    """A double >= 0: small, whole, huge, subnormal."""
    return rng.choice([
        lambda: rng.randint(0, 10**6),
        lambda: rng.random() * 1000,
        lambda: rng.random(),
        lambda: rng.random() * 1e300,
        lambda: rng.random() * 2.2250738585072014e-308,   # subnormal
        lambda: 5e-324 * rng.randint(1, 40),                # the smallest subnormals
        lambda: 0.1 + 0.2,
        lambda: float(rng.randint(1, 10**17)),
    ])()


def attributes(rng):
    obj = {}
    for _ in range(rng.randint(0, 3)):
        key = hostile(rng, long_ok=False).replace("\x00", "")
        obj[key] = rng.choice([hostile(rng, long_ok=False), number(rng), [hostile(rng), None],
                               {"k": True}])
    return obj


def input_per_unit(rng):
    """A factor > 0 whose products along a chain of a few stay finite and > 0."""
    return rng.choice([lambda: rng.choice([0.5, 1.25, 4, 1, 1e-3, 1000]),
                       lambda: rng.random() * 100 + 1e-9, lambda: 0.1 + 0.2])()


def make_commodities(extra):
    """0 to 5 commodities with hostile ids, each made from an earlier one
    that is not a service (so chains have no cycle), or primary."""
    commodities, ids = [], set()
    if extra.random() < 0.4:
        return commodities
    for _ in range(extra.randint(1, 5)):
        cid = utf8_cut(hostile(extra, empty_ok=False), 250) or "c"
        if cid in ids:
            cid += str(len(ids))
        ids.add(cid)
        c = {"id": cid}
        if extra.random() < 0.5:
            c["unit"] = hostile(extra)
        goods = [x for x in commodities if not x.get("service")]
        if extra.random() < 0.2:
            c["service"] = True
        elif goods and extra.random() < 0.7:
            c["made_from"] = extra.choice(goods)["id"]
            c["input_per_unit"] = input_per_unit(extra)
        if extra.random() < 0.2:
            c["attributes"] = attributes(extra)
        commodities.append(c)
    return commodities


def make_model(rng, extra):
    """A model from rng; the additions to version 1 (commodities, firms,
    level) from extra, so that rng makes the same models as before."""
    ids = set()

    def fresh_id(limit=256):
        while True:
            text = utf8_cut(hostile(rng, empty_ok=False), limit - 4)
            if not text or text in ids:
                text = utf8_cut(text, limit - 8) + str(len(ids))
            if text not in ids:
                ids.add(text)
                return text

    model = {"format": "marketgraph", "version": 1}
    for field in ("name", "currency", "volume_unit", "period"):
        if rng.random() < 0.7:
            model[field] = hostile(rng)
    if rng.random() < 0.3:
        model["attributes"] = attributes(rng)
    commodities = make_commodities(extra)
    if commodities:
        model["commodities"] = commodities
    actors = []
    for _ in range(rng.randint(2, 8)):
        kind = rng.choice(KINDS)
        actor = {"id": fresh_id(), "kind": kind}
        if rng.random() < 0.7:
            actor["name"] = hostile(rng)
        if rng.random() < 0.5:
            actor["region"] = hostile(rng)
        if rng.random() < 0.3:
            actor["households"] = rng.randint(0, 10**6)
        if rng.random() < 0.3:
            actor["capacity"] = number(rng)
        if kind == "producer" and rng.random() < 0.6:
            actor["supply"] = number(rng)
        if kind == "end_market" and rng.random() < 0.6:
            actor["demand"] = number(rng)
        if rng.random() < 0.4:
            actor["tags"] = [hostile(rng, long_ok=False) for _ in range(rng.randint(0, 3))]
        if rng.random() < 0.2:
            actor["attributes"] = attributes(rng)
        if extra.random() < 0.3:
            actor["firms"] = extra.choice([1, 2, 300, extra.randint(1, 2**62)])
        actors.append(actor)
    model["actors"] = actors
    ids.clear()
    transactions = []
    for _ in range(rng.randint(0, 10)):
        seller, buyer = rng.sample(actors, 2)
        tx = {"id": fresh_id(), "seller": seller["id"], "buyer": buyer["id"],
              "commodity": hostile(rng, empty_ok=False), "contract": rng.choice(CONTRACTS),
              "service": rng.random() < 0.2}
        if rng.random() < 0.8:
            tx["volume"] = number(rng)
        if rng.random() < 0.5 or "volume" not in tx:
            tx["value"] = number(rng)
        if rng.random() < 0.3:
            tx["period"] = hostile(rng)
        if rng.random() < 0.2:
            tx["capacity"] = number(rng)
        if rng.random() < 0.2:
            tx["attributes"] = attributes(rng)
        if extra.random() < 0.3:
            tx["level"] = hostile(extra, empty_ok=False)
        if commodities and extra.random() < 0.6:
            tx["commodity"] = extra.choice(commodities)["id"]
        for listed in commodities:  # also a hostile commodity that happens to be listed
            if listed["id"] == tx["commodity"]:
                tx["service"] = listed.get("service", False)
        transactions.append(tx)
    model["transactions"] = transactions
    ids.clear()
    facilitation = []
    for _ in range(rng.randint(0, 3)):
        who = rng.choice(actors)
        targets = {"actors": [a["id"] for a in rng.sample(actors, rng.randint(1, 2))]}
        if transactions and rng.random() < 0.5:
            targets["transactions"] = [rng.choice(transactions)["id"]]
        record = {"id": fresh_id(), "facilitator": who["id"], "type": rng.choice(TYPES),
                  "function": rng.choice(FUNCTIONS), "targets": targets}
        if rng.random() < 0.5:
            payers = rng.sample(actors, 2)
            record["paid_by"] = [{"actor": payers[0]["id"], "share": 0.25},
                                 {"actor": payers[1]["id"], "share": 0.75}]
        facilitation.append(record)
    model["facilitation"] = facilitation
    memberships, pairs = [], set()
    for _ in range(rng.randint(0, 3)):
        group, member = rng.sample(actors, 2)
        if (group["id"], member["id"]) in pairs:
            continue
        pairs.add((group["id"], member["id"]))
        record = {"group": group["id"], "member": member["id"]}
        if rng.random() < 0.5:
            record["role"] = hostile(rng)
        memberships.append(record)
    model["memberships"] = memberships
    return model


# ---- helpers -------------------------------------------------------------------

def run(*args, data=None):
    done = subprocess.run([TOOL, *args], input=data, capture_output=True, timeout=120)
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def significant_digits(text):
    mantissa = text.lstrip("-").lower().split("e")[0].replace(".", "")
    return len(mantissa.lstrip("0").rstrip("0")) or 1


class RawFloat(str):
    """A number as written in the JSON text."""


def raw_floats(value):
    if isinstance(value, RawFloat):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from raw_floats(item)
    elif isinstance(value, list):
        for item in value:
            yield from raw_floats(item)


def xml_clean(text):
    """What the GraphML export writes for text (docs/interop.md, GraphML)."""
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff"
                   else c for c in text)


def json_xml_clean(value):
    """What JSON text inside GraphML gives back: U+FFFE and U+FFFF, which
    JSON does not escape, as U+FFFD (the rest is escaped or allowed)."""
    if isinstance(value, str):
        return value.replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd")
    if isinstance(value, list):
        return [json_xml_clean(v) for v in value]
    if isinstance(value, dict):
        return {json_xml_clean(k): json_xml_clean(v) for k, v in value.items()}
    return value


def primary_equivalent(commodity, commodities):
    """(primary commodity, factor): made_from walked here, input_per_unit
    multiplied from the commodity down, as the library does."""
    listed = {c["id"]: c for c in commodities}
    factor = 1.0
    while commodity in listed and "made_from" in listed[commodity]:
        factor *= listed[commodity]["input_per_unit"]
        commodity = listed[commodity]["made_from"]
    return commodity, factor


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(text):
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_cells_model(model):
    """The model a --safe-cells CSV export imports as: every text (not the
    attributes, not the fixed names) prefixed (docs/interop.md)."""
    m = json.loads(json.dumps(model))
    for field in ("name", "currency", "volume_unit", "period"):
        if field in m:
            m[field] = safe(m[field])
    for c in m.get("commodities", []):
        for field in ("id", "unit", "made_from"):
            if field in c:
                c[field] = safe(c[field])
    for a in m["actors"]:
        for field in ("id", "name", "region"):
            if field in a:
                a[field] = safe(a[field])
        if "tags" in a:
            a["tags"] = [safe(t) for t in a["tags"]]
    for t in m["transactions"]:
        for field in ("id", "seller", "buyer", "commodity", "period", "level"):
            if field in t:
                t[field] = safe(t[field])
    for f in m["facilitation"]:
        for field in ("id", "facilitator", "successor"):
            if field in f:
                f[field] = safe(f[field])
        f["targets"] = {k: [safe(x) for x in v] for k, v in f["targets"].items()}
        for p in f.get("paid_by", []):
            p["actor"] = safe(p["actor"])
    for ms in m["memberships"]:
        for field in ("group", "member", "role"):
            if field in ms:
                ms[field] = safe(ms[field])
    return m


def need(consumer, present):
    """Skip without a consumer, but fail in CI."""
    if present:
        return
    if IN_CI:
        raise AssertionError(f"{consumer} is missing (CI=true): install it "
                             "(tools/dev/install-deps.sh test)")
    raise unittest.SkipTest(f"{consumer} is not installed")


# ---- the tests -----------------------------------------------------------------

def exports(path, model, k):
    """Every command a test needs for one model, run here once:
    {name: (exit code, stdout, stderr)}."""
    got = {}
    got["json"] = run("export", path)
    got["again"] = run("export", "-", data=got["json"][1])
    got["graphml"] = run("export", path, "--format", "graphml")
    got["kumu"] = run("export", path, "--format", "kumu")
    got["dot"] = run("export", path, "--format", "dot", *(["--highlight"] if k % 2 else []))
    d = path + ".csv"
    got["csv"] = run("export", path, "--format", "csv", "--dir", d)
    got["csv-back"] = run("import-csv", "--dir", d)
    if k % 3 == 0:
        d = path + ".safe"
        got["safe"] = run("export", path, "--format", "csv", "--dir", d, "--safe-cells")
        got["safe-dir"] = d
        got["safe-back"] = run("import-csv", "--dir", d)
        expected = json.dumps(safe_cells_model(model)).encode("utf-8")
        got["safe-want"] = run("export", "-", data=expected)
    return got


class Writers(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        rng, extra = random.Random(SEED), random.Random(SEED + 1)
        cls.models = [make_model(rng, extra) for _ in range(MODELS)]
        cls.paths = []
        for k, model in enumerate(cls.models):
            path = os.path.join(cls.tmp.name, f"m{k}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(model, f, ensure_ascii=bool(k % 2))
            cls.paths.append(path)
        # The commands wait mostly on process start-up: a few at once.
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            cls.out = list(pool.map(exports, cls.paths, cls.models, range(MODELS)))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def export(self, k, name):
        code, out, err = self.out[k][name]
        self.assertEqual((code, err), (0, ""), f"model {k}: {name}")
        return out

    def test_generator_makes_valid_models(self):
        for k in range(len(self.models)):
            self.assertEqual(self.out[k]["json"][0], 0, f"model {k}: {self.out[k]['json'][2]}")

    def test_json(self):
        for k, model in enumerate(self.models):
            text = self.export(k, "json")
            got = json.loads(text.decode("utf-8"))
            # every generated field comes back as it was
            for field in ("name", "currency", "volume_unit", "period", "attributes"):
                self.assertEqual(got.get(field), model.get(field), f"model {k}: {field}")
            for section in ("commodities", "actors", "transactions", "facilitation",
                            "memberships"):
                self.assertEqual(len(got.get(section, [])), len(model.get(section, [])))
                for mine, theirs in zip(model.get(section, []), got.get(section, [])):
                    for field, value in mine.items():
                        default = {"service": False, "contract": "spot", "tags": []}.get(field)
                        self.assertEqual(theirs.get(field, default), value,
                                         f"model {k}: {section} {field}")
            # every number in its shortest form (Python's repr() is shortest)
            raw = json.loads(text.decode("utf-8"), parse_float=RawFloat)
            for written in raw_floats(raw):
                self.assertEqual(significant_digits(written),
                                 significant_digits(repr(float(written))),
                                 f"model {k}: {written} is not the shortest form")
            # the export imports and exports to the same bytes
            self.assertEqual(self.export(k, "again"), text, f"model {k}")

    def test_csv_round_trip(self):
        for k in range(len(self.models)):
            self.export(k, "csv")
            self.assertEqual(self.export(k, "csv-back"), self.export(k, "json"),
                             f"model {k}: CSV round trip")

    def test_csv_safe_cells(self):
        for k in range(0, len(self.models), 3):
            self.export(k, "safe")
            d = self.out[k]["safe-dir"]
            for name in os.listdir(d):  # Python's csv module finds no formula
                with open(os.path.join(d, name), encoding="utf-8", newline="") as f:
                    for row in list(csv.reader(f))[1:]:
                        for cell in row:
                            self.assertFalse(cell.startswith(FORMULA_STARTS),
                                             f"model {k}: {name}: {cell[:40]!r}")
            code, back, err = self.out[k]["safe-back"]
            want_code, want, want_err = self.out[k]["safe-want"]
            if want_code != 0:  # an id with its apostrophe meets another, or is too long
                self.assertEqual(code, 1, f"model {k}: {want_err}")
                continue
            self.assertEqual((code, err), (0, ""), f"model {k}")
            self.assertEqual(back, want, f"model {k}: --safe-cells round trip")

    def test_graphml(self):
        need("networkx (python3-networkx)", networkx is not None)
        for k, model in enumerate(self.models):
            ids = [xml_clean(a["id"]) for a in model["actors"]]
            tx_ids = [xml_clean(t["id"]) for t in model["transactions"]]
            code, text, err = self.out[k]["graphml"]
            if len(set(ids)) < len(ids) or len(set(tx_ids)) < len(tx_ids):
                self.assertEqual(code, 1)  # documented: ids equal once cleaned
                self.assertIn("which XML 1.0 cannot hold", err)
                continue
            self.assertEqual((code, err), (0, ""), f"model {k}")
            root = ET.fromstring(text)
            self.assertEqual(root.tag, "{http://graphml.graphdrawing.org/xmlns}graphml")
            path = os.path.join(self.tmp.name, f"g{k}.graphml")
            with open(path, "wb") as f:
                f.write(text)
            graph = networkx.read_graphml(path, edge_key_type=str)
            self.assertEqual(list(graph.nodes), ids, f"model {k}")
            self.assertEqual(graph.number_of_edges(), len(model["transactions"]))
            for actor, node in zip(model["actors"], ids):
                if "name" in actor:
                    self.assertEqual(graph.nodes[node].get("name", ""),
                                     xml_clean(actor["name"]), f"model {k}")
            for key, value in (("name", model.get("name")), ("period", model.get("period"))):
                if value:
                    self.assertEqual(graph.graph.get(key), xml_clean(value), f"model {k}")
            self.check_graphml_additions(k, model, graph, ids)

    def check_graphml_additions(self, k, model, graph, ids):
        """firms, level, the commodities and each edge's primary equivalent."""
        for actor, node in zip(model["actors"], ids):
            self.assertEqual(graph.nodes[node].get("firms"), actor.get("firms"), f"model {k}")
        if "commodities" in model:
            # JSON text: controls are escaped in it, U+FFFE/U+FFFF are
            # not JSON escapes and become U+FFFD like any text
            self.assertEqual(json.loads(graph.graph["commodities"]),
                             json_xml_clean(model["commodities"]), f"model {k}")
        else:
            self.assertNotIn("commodities", graph.graph)
        kinds = {a["id"]: a["kind"] for a in model["actors"]}
        edges = {d["id"] if "id" in d else key: d
                 for _, _, key, d in graph.edges(keys=True, data=True)} \
            if graph.is_multigraph() else {d["id"]: d for _, _, d in graph.edges(data=True)}
        for t in model["transactions"]:
            d = edges[xml_clean(t["id"])]
            self.assertEqual(d["level"], xml_clean(t.get("level", kinds[t["seller"]])),
                             f"model {k}")
            if "commodities" not in model or t["service"]:
                self.assertNotIn("primary", d, f"model {k}")
                continue
            primary, factor = primary_equivalent(t["commodity"], model["commodities"])
            self.assertEqual((d["primary"], d["factor"]), (xml_clean(primary), factor),
                             f"model {k}")
            if "volume" in t:
                self.assertEqual(d["primary_volume"], t["volume"] * factor, f"model {k}")

    def test_dot(self):
        need("Graphviz's dot (graphviz)", DOT is not None)
        # dot draws many graphs of one input: batches, one model at a time
        # only to name the one it refuses
        batch = 40
        for first in range(0, len(self.models), batch):
            maps = [self.export(k, "dot") for k in range(first, min(first + batch,
                                                                    len(self.models)))]
            done = subprocess.run([DOT, "-Tsvg"], input=b"".join(maps), capture_output=True,
                                  timeout=300)
            if done.returncode != 0 or done.stderr:
                for k, text in enumerate(maps, first):
                    one = subprocess.run([DOT, "-Tsvg"], input=text, capture_output=True)
                    self.assertEqual((one.returncode, one.stderr.decode("utf-8", "replace")),
                                     (0, ""), f"model {k}: dot refuses the map")
                self.fail(f"dot refuses models {first}..: {done.stderr[:500]}")
            pictures = done.stdout.split(b"<?xml")[1:]
            self.assertEqual(len(pictures), len(maps))
            for picture in pictures:  # each picture is XML
                ET.fromstring(b"<?xml" + picture)

    def test_kumu(self):
        for k, model in enumerate(self.models):
            got = json.loads(self.export(k, "kumu").decode("utf-8"))
            self.assertEqual([e["actor"] for e in got["elements"]],
                             [a["id"] for a in model["actors"]], f"model {k}")
            connections = [c for c in got["connections"] if c["type"] == "transaction"]
            self.assertEqual([c["commodity"] for c in connections],
                             [t["commodity"] for t in model["transactions"]], f"model {k}")
            self.assertEqual([e.get("firms") for e in got["elements"]],
                             [a.get("firms") for a in model["actors"]], f"model {k}")
            kinds = {a["id"]: a["kind"] for a in model["actors"]}
            self.assertEqual([c["level"] for c in connections],
                             [t.get("level", kinds[t["seller"]]) for t in model["transactions"]],
                             f"model {k}")
            for c, t in zip(connections, model["transactions"]):
                if "commodities" not in model or t["service"]:
                    self.assertNotIn("primary", c, f"model {k}")
                    continue
                primary, factor = primary_equivalent(t["commodity"], model["commodities"])
                self.assertEqual((c["primary"], c["factor"], c.get("primary_volume")),
                                 (primary, factor, t["volume"] * factor if "volume" in t
                                  else None), f"model {k}")
            self.assertEqual(len({x["id"] for x in got["elements"] + got["connections"]}),
                             len(got["elements"]) + len(got["connections"]))


class IssueCases(unittest.TestCase):
    """The strings the issue found Graphviz refusing, one model each."""

    def test_dot_accepts(self):
        need("Graphviz's dot (graphviz)", DOT is not None)
        for text in ["\ufffe", "\uffff", "a\ufffeb\uffffc", "", "]", "]]", "\U0010FFFF",
                     "x" * 20000, "\\" * 5000, '"' * 5000, "]" * 5000]:
            model = {"format": "marketgraph", "version": 1, "name": text, "volume_unit": text,
                     "actors": [{"id": utf8_cut(text, 256) or "p", "name": text,
                                 "kind": "producer", "region": text},
                                {"id": "m", "name": text, "kind": "end_market"}],
                     "transactions": [{"seller": utf8_cut(text, 256) or "p", "buyer": "m",
                                       "commodity": text or "c", "volume": 1}]}
            with self.subTest(text=text[:10]):
                code, out, err = run("export", "-", "--format", "dot",
                                     data=json.dumps(model).encode())
                self.assertEqual((code, err), (0, ""))
                done = subprocess.run([DOT, "-Tsvg"], input=out, capture_output=True)
                self.assertEqual((done.returncode, done.stderr), (0, b""))

    def test_safe_cells_needs_csv(self):
        code, out, err = run("export", "-", "--safe-cells", data=b"{}")
        self.assertEqual((code, out), (2, b""))
        self.assertEqual(err, "marketgraph export: --safe-cells needs --format csv "
                              "(try 'marketgraph export --help')\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
