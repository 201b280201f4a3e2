# SPDX-License-Identifier: MIT
"""The model: building, reading, views, round trips, lifetime."""

import gc
import json
import math
import os
import tempfile
import unittest
import weakref

import marketgraph as mg
from support import SAMPLE, example_models, sample


def build_sample():
    """SAMPLE built through the add_* methods, record by record."""
    doc = sample()
    m = mg.Model(name=doc["name"], currency=doc["currency"], volume_unit=doc["volume_unit"],
                 period=doc["period"], attributes=doc["attributes"])
    for a in doc["actors"]:
        m.add_actor(**a)
    for t in doc["transactions"]:
        m.add_transaction(**t)
    for f in doc["facilitation"]:
        m.add_facilitation(**f)
    for ms in doc["memberships"]:
        m.add_membership(**ms)
    return m


def expected_export():
    """SAMPLE as the exporter writes it: generated ids filled in."""
    doc = sample()
    doc["transactions"][2]["id"] = "t3"
    doc["facilitation"][1]["id"] = "f2"
    return doc


class RoundTrips(unittest.TestCase):
    def test_from_dict_to_dict(self):
        self.assertEqual(mg.from_dict(SAMPLE).to_dict(), expected_export())

    def test_built_equals_read(self):
        built = build_sample()
        read = mg.from_dict(SAMPLE)
        self.assertEqual(built, read)
        self.assertEqual(built.to_json(), read.to_json())

    def test_json_text_and_bytes(self):
        m = mg.from_dict(SAMPLE)
        text = m.to_json()
        self.assertIsInstance(text, str)
        self.assertEqual(mg.loads(text), m)
        self.assertEqual(mg.loads(text.encode()), m)
        self.assertEqual(mg.loads(bytearray(text.encode())), m)
        # deterministic bytes, and export(import(export)) == export
        self.assertEqual(mg.loads(text).to_json(), text)

    def test_file(self):
        m = mg.from_dict(SAMPLE)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "model.json")
            m.save(path)
            with open(path, encoding="utf-8") as f:
                self.assertEqual(json.load(f), expected_export())
            self.assertEqual(mg.load(path), m)
            from pathlib import Path
            self.assertEqual(mg.load(Path(path)), m)
            self.assertEqual(mg.load(path.encode()), m)

    def test_read_stream_gzip_aggregate(self):
        """mg.read(): a JSON Lines stream, gzip, and exchanges merged (two
        exchanges a->b: volume 3 + 2 = 5, value 30, count 2)."""
        import gzip
        lines = [{"format": "marketgraph", "version": 1, "volume_unit": "t"},
                 {"record": "actor", "id": "a", "kind": "producer"},
                 {"record": "actor", "id": "b", "kind": "trader"},
                 {"record": "transaction", "seller": "a", "buyer": "b", "commodity": "maize",
                  "volume": 3, "value": 30},
                 {"record": "transaction", "seller": "a", "buyer": "b", "commodity": "maize",
                  "volume": 2}]
        text = "".join(json.dumps(x) + "\n" for x in lines).encode()
        with tempfile.TemporaryDirectory() as d:
            plain = os.path.join(d, "log.jsonl")
            packed = os.path.join(d, "log.jsonl.gz")
            with open(plain, "wb") as f:
                f.write(text)
            with open(packed, "wb") as f:
                f.write(gzip.compress(text))
            m = mg.read(plain)
            self.assertEqual(len(m.transactions), 2)
            self.assertEqual(mg.read(packed), m)
            merged = mg.read(packed, aggregate=True).to_dict()["transactions"]
            self.assertEqual(merged, [{"id": "t1", "seller": "a", "buyer": "b",
                                       "commodity": "maize", "volume": 5, "value": 30,
                                       "attributes": {"exchanges": 2}}])
            with open(plain, "ab") as f:
                f.write(b'{"record":"actor","id":"c"}\n')
            with self.assertRaises(mg.ValidationError) as e:
                mg.read(plain)
            self.assertEqual(str(e.exception), "line 6: actors[2].kind: missing (required)")

    def test_save_never_loses_a_file(self):
        """save() goes through the library's one output primitive: a user's
        FILE.tmp and a symbolic link of that name are left alone, a 0600
        file stays 0600, a NAME_MAX name works, a failure leaves the old
        file and nothing beside it."""
        import stat
        m = mg.from_dict(SAMPLE)
        with tempfile.TemporaryDirectory() as d:
            path, victim = os.path.join(d, "model.json"), os.path.join(d, "victim")
            with open(path + ".tmp", "w") as f:
                f.write("mine")
            with open(victim, "w") as f:
                f.write("precious")
            os.symlink(victim, os.path.join(d, "other.json.tmp"))
            with open(path, "w") as f:
                f.write("old")
            os.chmod(path, 0o600)
            m.save(path)
            m.save(os.path.join(d, "other.json"))
            self.assertEqual(mg.load(path), m)
            self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
            with open(path + ".tmp") as f:
                self.assertEqual(f.read(), "mine")
            with open(victim) as f:
                self.assertEqual(f.read(), "precious")
            self.assertFalse(os.path.islink(os.path.join(d, "other.json")))
            self.assertTrue(os.path.islink(os.path.join(d, "other.json.tmp")))
            long_name = os.path.join(d, "n" * (os.pathconf(d, "PC_NAME_MAX") - 5) + ".json")
            m.save(long_name)
            self.assertEqual(mg.load(long_name), m)
            os.remove(long_name)
            # a directory in the way: FileError, nothing left behind
            os.mkdir(os.path.join(d, "dir.json"))
            with self.assertRaises(mg.FileError) as e:
                m.save(os.path.join(d, "dir.json"))
            self.assertEqual(str(e.exception),
                             os.path.join(d, "dir.json") + ": cannot write: Is a directory")
            self.assertEqual(sorted(os.listdir(d)),
                             ["dir.json", "model.json", "model.json.tmp", "other.json",
                              "other.json.tmp", "victim"])

    def test_unicode(self):
        doc = sample()
        doc["name"] = "Cadena de papa nativa – Perú ✓"
        doc["actors"][0]["name"] = "Asociación de Huasahuasi"
        m = mg.from_dict(doc)
        self.assertEqual(m.name, doc["name"])
        self.assertEqual(m.actors[0].name, "Asociación de Huasahuasi")
        self.assertEqual(mg.loads(m.to_json()), m)

    def test_examples(self):
        for path in example_models():
            with self.subTest(path=path):
                m = mg.load(path)
                self.assertEqual(mg.from_dict(m.to_dict()), m)
                self.assertEqual([a.to_dict() for a in m.actors], m.to_dict()["actors"])


class Additions(unittest.TestCase):
    """Commodities, firms and level: built, read back, exported, checked."""

    def test_build_and_read(self):
        m = mg.Model()
        m.volume_unit = "t"
        m.add_commodity("chips", unit="t", made_from="potato", input_per_unit=4)
        m.add_commodity("potato")
        m.add_commodity("haulage", unit="trip", service=True)
        m.add_actor("farm", "producer", firms=1200)
        m.add_actor("plant", "processor")
        m.add_transaction("farm", "plant", "potato", volume=4)
        t = m.add_transaction("plant", "farm", "chips", volume=1, level="retailer")
        self.assertEqual(len(m.commodities), 3)
        self.assertEqual(m.commodities[0].made_from, "potato")
        self.assertEqual(m.commodities[0].input_per_unit, 4)
        self.assertEqual(m.commodities["haulage"].unit, "trip")
        self.assertTrue(m.commodities["haulage"].service)
        self.assertFalse(m.commodities["potato"].service)
        self.assertEqual(m.actors["farm"].firms, 1200)
        self.assertIsNone(m.actors["plant"].firms)
        self.assertEqual(t.level, "retailer")
        self.assertIsNone(m.transactions[0].level)
        self.assertEqual(m.primary_equivalent("chips"), ("potato", 4.0))
        m.validate()
        d = m.to_dict()
        self.assertEqual(d["commodities"][2], {"id": "haulage", "unit": "trip", "service": True})
        self.assertEqual(d["actors"][0]["firms"], 1200)
        self.assertEqual(d["transactions"][1]["level"], "retailer")
        self.assertEqual(mg.loads(m.to_json()), m)
        self.assertEqual(m.commodities[2].to_dict(), d["commodities"][2])

    def test_errors(self):
        m = mg.Model()
        m.add_commodity("chips", made_from="tuber", input_per_unit=4)
        with self.assertRaises(mg.ValidationError) as cm:
            m.validate()
        self.assertEqual(str(cm.exception), 'commodities[0].made_from: unknown commodity "tuber"')
        with self.assertRaises(mg.ValidationError) as cm:
            m.add_commodity("fries", made_from="chips")
        self.assertEqual(str(cm.exception),
                         "commodities[1].input_per_unit: missing (required with made_from)")
        with self.assertRaises(mg.ValidationError) as cm:
            m.add_actor("a", "trader", firms=0)
        self.assertEqual(str(cm.exception), "actors[0].firms: must be an integer >= 1, got 0")
        with self.assertRaises(mg.ValidationError):
            m.primary_equivalent("chips")  # the chains are broken
        with self.assertRaises(mg.NotFoundError):
            mg.Model().primary_equivalent("rice")


class Views(unittest.TestCase):
    def setUp(self):
        self.m = mg.from_dict(SAMPLE)
        self.doc = expected_export()

    def test_lengths(self):
        self.assertEqual(len(self.m.actors), 8)
        self.assertEqual(len(self.m.transactions), 5)
        self.assertEqual(len(self.m.facilitation), 2)
        self.assertEqual(len(self.m.memberships), 3)

    def test_records_equal_export(self):
        # Each view's dict is the exporter's record, field for field.
        for name in ("actors", "transactions", "facilitation", "memberships"):
            with self.subTest(records=name):
                view = getattr(self.m, name)
                self.assertEqual([r.to_dict() for r in view], self.doc[name])
                self.assertEqual(view.to_list(), self.doc[name])

    def test_actor_fields(self):
        a = self.m.actors[0]
        self.assertEqual((a.index, a.id, a.name, a.kind, a.region), (0, "coop-a", "Growers A",
                                                                     "producer", "Junin"))
        self.assertEqual((a.households, a.capacity, a.supply, a.demand), (420, 900.0, 850.0, None))
        self.assertEqual(a.tags, ("smallholder", "women-led"))
        self.assertEqual(a.attributes, {"founded": 1998})
        b = self.m.actors[1]
        self.assertEqual((b.name, b.capacity, b.tags, b.attributes), ("coop-b", None, (), None))

    def test_transaction_fields(self):
        t = self.m.transactions[2]
        self.assertEqual((t.id, t.seller, t.buyer, t.commodity), ("t3", "trader-1", "proc-x",
                                                                  "native-potato"))
        self.assertEqual((t.volume, t.value, t.period, t.contract, t.service, t.capacity),
                         (140.0, None, "2003", "spot", False, None))
        # a transaction without a period has the model's
        self.assertEqual(self.m.transactions[0].period, "2002")
        s = self.m.transactions["t-5"]
        self.assertEqual((s.service, s.contract, s.volume, s.value),
                         (True, "embedded_service", None, 5000.0))

    def test_facilitation_fields(self):
        f = self.m.facilitation["f-pmca"]
        self.assertEqual((f.facilitator, f.type, f.function, f.exit, f.successor),
                         ("papa-andina", "temporary", "linkages", "commercial", "proc-x"))
        self.assertEqual(f.targets, {"actors": ["coop-a", "coop-b"], "transactions": ["t-1"]})
        self.assertEqual(f.paid_by, [{"actor": "papa-andina", "share": 0.75},
                                     {"actor": "proc-x", "share": 0.25}])
        g = self.m.facilitation[1]
        self.assertEqual((g.id, g.exit, g.successor, g.cost, g.paid_by, g.start),
                         ("f2", None, None, None, None, None))

    def test_facilitation_embedded(self):
        # proc-x buys t-1 from coop-a: its price recovers 0.6 of the cost
        f = self.m.add_facilitation(
            "proc-x", "commercial", "capacity_building", targets={"actors": ["coop-a"]},
            cost=1000, paid_by=[{"actor": "agency", "share": 0.4},
                                {"embedded": ["t-1"], "share": 0.6}])
        self.assertEqual(f.paid_by, [{"actor": "agency", "share": 0.4},
                                     {"embedded": ["t-1"], "share": 0.6}])
        row = [r for r in self.m.payments()["payments"] if r["record"] == f.id][0]
        self.assertEqual(row["amounts"], {"users": 0, "facilitator": 0, "others": 400,
                                          "embedded": 600})
        self.assertFalse(row["not_self_financing"])
        self.assertEqual(mg.from_dict(self.m.to_dict()).facilitation[f.id].paid_by, f.paid_by)

    def test_membership_fields(self):
        ms = self.m.memberships["assoc", "agency"]
        self.assertEqual((ms.index, ms.group, ms.member, ms.since, ms.role),
                         (2, "assoc", "agency", None, "supervisor"))
        self.assertIn(("assoc", "coop-a"), self.m.memberships)
        self.assertNotIn(("coop-a", "assoc"), self.m.memberships)

    def test_indexing(self):
        actors = self.m.actors
        self.assertEqual(actors[-1].id, "agency")
        self.assertEqual([a.id for a in actors[1:3]], ["coop-b", "trader-1"])
        self.assertEqual(actors["proc-x"].index, 3)
        self.assertEqual(actors.find("proc-x"), actors[3])
        self.assertIn("proc-x", actors)
        self.assertNotIn("nobody", actors)
        self.assertIn(actors[0], actors)
        self.assertNotIn(mg.from_dict(SAMPLE).actors[0], actors)  # another model's
        self.assertEqual(actors.index(actors[2]), 2)
        self.assertEqual([a.id for a in reversed(actors)][0], "agency")
        with self.assertRaises(IndexError):
            actors[8]
        with self.assertRaises(IndexError):
            actors[-9]
        with self.assertRaises(TypeError):
            actors[1.5]
        with self.assertRaisesRegex(mg.NotFoundError, 'no actor "nobody"'):
            actors["nobody"]

    def test_views_are_read_only(self):
        with self.assertRaises(AttributeError):
            self.m.actors[0].id = "x"
        with self.assertRaises(TypeError):
            self.m.actors[0] = None

    def test_document_fields(self):
        m = self.m
        self.assertEqual((m.name, m.currency, m.volume_unit, m.period),
                         ("Native potato chain (test)", "PEN", "t", "2002"))
        self.assertEqual(m.attributes, SAMPLE["attributes"])
        m.name = "renamed"
        m.period = None
        m.attributes = None
        self.assertEqual((m.name, m.period, m.attributes), ("renamed", None, None))
        # the transactions' effective period follows the model's
        self.assertIsNone(m.transactions[0].period)
        self.assertEqual(m.transactions[2].period, "2003")
        m.attributes = {"k": [1, "two"]}
        self.assertEqual(m.to_dict()["attributes"], {"k": [1, "two"]})


class Building(unittest.TestCase):
    def test_add_returns_views(self):
        m = mg.Model()
        a = m.add_actor("a", "producer", supply=10)
        b = m.add_actor(id="b", kind="end_market")
        t = m.add_transaction("a", "b", "maize", volume=10)
        self.assertEqual((a.index, b.index, t.index, t.id), (0, 1, 0, "t1"))
        self.assertEqual(m.to_dict(), {
            "format": "marketgraph", "version": 1,
            "actors": [{"id": "a", "kind": "producer", "supply": 10},
                       {"id": "b", "kind": "end_market"}],
            "transactions": [{"id": "t1", "seller": "a", "buyer": "b", "commodity": "maize",
                              "volume": 10}],
            "facilitation": [], "memberships": []})

    def test_lists_read_after_growth(self):
        # a record's lists are read from pools that later adds reallocate:
        # a view reads them afresh each time, so they stay right
        m = mg.Model()
        a = m.add_actor("a", "producer", tags=["x", "y"])
        m.add_actor("b", "trader")
        f = m.add_facilitation("b", "public", "information", targets={"actors": ["a"]},
                               paid_by=[{"actor": "a", "share": 0.25},
                                        {"actor": "b", "share": 0.75}])
        for k in range(300):
            m.add_actor("c%d" % k, "trader", tags=["t%d" % k])
            m.add_facilitation("b", "public", "linkages", targets={"actors": ["c%d" % k]},
                               paid_by=[{"actor": "b", "share": 1}])
        self.assertEqual(a.tags, ("x", "y"))
        self.assertEqual(f.targets, {"actors": ["a"]})
        self.assertEqual(f.paid_by, [{"actor": "a", "share": 0.25},
                                     {"actor": "b", "share": 0.75}])
        self.assertEqual(m.facilitation[300].to_dict(), {
            "id": "f301", "facilitator": "b", "type": "public", "function": "linkages",
            "targets": {"actors": ["c299"]}, "paid_by": [{"actor": "b", "share": 1}]})

    def test_numbers_exact(self):
        m = mg.Model()
        m.add_actor("a", "producer")
        m.add_actor("b", "trader")
        for v in (0.1, 1e-300, 1.7976931348623157e308, 5e-324, 2 ** 53 + 1, 123456789.125):
            t = m.add_transaction("a", "b", "x", volume=v)
            self.assertEqual(t.volume, float(v))
        again = mg.loads(m.to_json())
        self.assertEqual([t.volume for t in again.transactions],
                         [t.volume for t in m.transactions])

    def test_failed_add_changes_nothing(self):
        m = mg.from_dict(SAMPLE)
        before = m.to_json()
        with self.assertRaises(mg.ValidationError):
            m.add_transaction("coop-a", "nobody", "x", volume=1)
        with self.assertRaises(TypeError):
            m.add_actor("z", "trader", tags=["ok", 5])
        self.assertEqual(m.to_json(), before)


class Lifetime(unittest.TestCase):
    def test_close(self):
        m = mg.from_dict(SAMPLE)
        actors = m.actors
        first = actors[0]
        m.close()
        m.close()  # idempotent
        self.assertTrue(m.closed)
        for call in (lambda: len(actors), lambda: first.id, m.to_json, lambda: m.name,
                     lambda: m.add_actor("q", "trader"), lambda: m == m,
                     lambda: m.save("/tmp/x.json"), lambda: actors.find("coop-a")):
            with self.assertRaisesRegex(ValueError, "closed"):
                call()
        self.assertIn("closed", repr(m))

    def test_with(self):
        with mg.from_dict(SAMPLE) as m:
            self.assertEqual(len(m.actors), 8)
        self.assertTrue(m.closed)
        with self.assertRaises(ValueError):
            with m:
                pass

    def test_freed_when_collected(self):
        m = mg.from_dict(SAMPLE)
        finalizer = m._finalizer
        ref = weakref.ref(m)
        del m
        gc.collect()
        self.assertIsNone(ref())
        self.assertFalse(finalizer.alive)

    def test_views_keep_model_alive(self):
        m = mg.from_dict(SAMPLE)
        ref = weakref.ref(m)
        actor = m.actors[3]
        records = m.transactions
        del m
        gc.collect()
        self.assertIsNotNone(ref())
        self.assertEqual(actor.id, "proc-x")
        self.assertEqual(len(records), 5)
        del actor, records
        gc.collect()
        self.assertIsNone(ref())


class Equality(unittest.TestCase):
    def test_equal(self):
        a, b = mg.from_dict(SAMPLE), mg.from_dict(SAMPLE)
        self.assertEqual(a, b)
        self.assertEqual(a, a)
        b.add_actor("extra", "trader")
        self.assertNotEqual(a, b)
        self.assertNotEqual(a, "not a model")
        with self.assertRaises(TypeError):
            hash(a)

    def test_copies_are_independent(self):
        import copy
        import pickle
        a = mg.from_dict(SAMPLE)
        for b in (copy.copy(a), copy.deepcopy(a), pickle.loads(pickle.dumps(a))):
            self.assertEqual(b, a)
            b.add_actor("only-in-the-copy", "trader")
            b.close()
            self.assertEqual(len(a.actors), 8)  # the original is untouched and open

    def test_nan_free(self):
        # absent numbers are None, never NaN, in every view
        m = mg.from_dict(SAMPLE)
        for records in (m.actors, m.transactions, m.facilitation):
            for r in records:
                for v in r.to_dict().values():
                    self.assertFalse(isinstance(v, float) and math.isnan(v))


if __name__ == "__main__":
    unittest.main()
