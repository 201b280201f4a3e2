# SPDX-License-Identifier: MIT
"""Errors: the class for each status code, the library's exact message with
its JSON path, and bad arguments that must raise instead of reaching C."""

import ctypes
import os
import subprocess
import sys
import tempfile
import unittest

import marketgraph as mg
from support import SAMPLE, sample


def error_of(call):
    try:
        call()
    except mg.Error as e:
        return e
    raise AssertionError("no marketgraph.Error raised")


class ImportErrors(unittest.TestCase):
    """from_dict/loads/load report the importer's message and path."""

    CASES = [
        # (change to SAMPLE, class, message)
        (lambda d: d["transactions"][3].update(buyer="trader-9"), mg.ValidationError,
         'transactions[3].buyer: unknown actor "trader-9"'),
        (lambda d: d["actors"][5].update(id="coop-a"), mg.ValidationError,
         'actors[5].id: duplicate id "coop-a" (first at actors[0])'),
        (lambda d: d["transactions"][0].update(volume=-5), mg.ValidationError,
         "transactions[0].volume: must be a number >= 0, got -5"),
        (lambda d: d["facilitation"][0]["paid_by"][0].update(share=0.55), mg.ValidationError,
         "facilitation[0].paid_by: shares sum to 0.8, expected 1"),
        (lambda d: d.update(version=2), mg.UnsupportedError,
         "version: 2 is newer than this library reads (1)"),
        (lambda d: d["actors"][0].update(kind="farmer"), mg.ValidationError,
         'actors[0].kind: unknown kind "farmer" (expected producer, input_supplier, collector, '
         "trader, processor, wholesaler, exporter, retailer, end_market, service_provider, "
         "financial_institution, public_agency, marketing_board, programme, association, ngo, "
         "other)"),
        (lambda d: d["actors"][0].update(bogus=1), mg.ValidationError,
         "actors[0].bogus: unknown field (expected id, name, kind, region, households, firms, "
         "capacity, supply, demand, tags, costs, attributes)"),
        (lambda d: d["actors"][0].update(id="a\0b"), mg.ValidationError,
         "actors[0].id: contains a NUL character (\\u0000)"),
        # NaN has no JSON spelling: from_dict finds it and names its path
        (lambda d: d["transactions"][1].update(value=float("nan")), mg.ValidationError,
         "transactions[1].value: must be a finite number, got nan"),
        (lambda d: d["actors"][0]["attributes"].update(x=[1, float("-inf")]), mg.ValidationError,
         "actors[0].attributes.x[1]: must be a finite number, got -inf"),
    ]

    def test_from_dict(self):
        for change, cls, message in self.CASES:
            doc = sample()
            change(doc)
            with self.subTest(message=message):
                e = error_of(lambda: mg.from_dict(doc))
                self.assertIs(type(e), cls)
                self.assertEqual(str(e), message)
                self.assertEqual(e.path, message.split(":")[0])
                self.assertIsInstance(e, mg.ValidationError)
                self.assertIsInstance(e, ValueError)

    def test_syntax_error_has_line_and_column(self):
        e = error_of(lambda: mg.loads('{\n  "format": "marketgraph",\n  "version": 1,\n'))
        self.assertIs(type(e), mg.ParseError)
        self.assertEqual(str(e), "line 4, column 1: unexpected end of input")
        self.assertEqual((e.code, e.path), (-6, None))
        e = error_of(lambda: mg.loads(b'{"format": "marketgraph", "version": 1, "name": "\xff"}'))
        self.assertEqual(str(e), "line 1, column 50: invalid UTF-8 in a string")

    def test_files(self):
        e = error_of(lambda: mg.load("/nonexistent/x.json"))
        self.assertIs(type(e), mg.FileError)
        self.assertIsInstance(e, OSError)
        self.assertEqual(str(e), "/nonexistent/x.json: cannot open: No such file or directory")
        e = error_of(lambda: mg.from_dict(SAMPLE).save("/nonexistent/dir/x.json"))
        self.assertEqual(str(e),
                         "/nonexistent/dir/x.json: cannot write: No such file or directory")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "bad.json")
            with open(path, "w") as f:
                f.write('{"format": "marketgraph", "version": 1, "actors": [{"id": "a"}]}')
            e = error_of(lambda: mg.load(path))
            self.assertEqual(str(e), "actors[0].kind: missing (required)")

    def test_failed_load_changes_nothing_and_message_is_per_call(self):
        error_of(lambda: mg.loads("{"))
        m = mg.from_dict(SAMPLE)  # a success after a failure works and keeps working
        self.assertEqual(len(m.actors), 8)


class AddErrors(unittest.TestCase):
    """The add_* methods fail with the importer's message for the index the
    record would have had, and change nothing."""

    def setUp(self):
        self.m = mg.from_dict(SAMPLE)

    def check(self, call, cls, message):
        before = self.m.to_json()
        e = error_of(call)
        self.assertIs(type(e), cls)
        self.assertEqual(str(e), message)
        self.assertEqual(self.m.to_json(), before)

    def test_actor(self):
        m, V = self.m, mg.ValidationError
        self.check(lambda: m.add_actor("coop-a", "trader"), V,
                   'actors[8].id: duplicate id "coop-a" (first at actors[0])')
        self.check(lambda: m.add_actor("z", None), V, "actors[8].kind: missing (required)")
        self.check(lambda: m.add_actor("z", "farmer"), V,
                   'actors[8].kind: unknown kind "farmer" (expected producer, input_supplier, '
                   "collector, trader, processor, wholesaler, exporter, retailer, end_market, "
                   "service_provider, financial_institution, public_agency, marketing_board, "
                   "programme, association, ngo, other)")
        self.check(lambda: m.add_actor("z", "trader", capacity=-1), V,
                   "actors[8].capacity: must be a number >= 0, got -1")
        # NaN would read as "absent" in C: refused before the call, same wording
        self.check(lambda: m.add_actor("z", "trader", capacity=float("nan")), V,
                   "actors[8].capacity: must be a number >= 0, got nan")
        self.check(lambda: m.add_actor("z", "trader", demand=float("inf")), V,
                   "actors[8].demand: must be a number >= 0, got inf")
        self.check(lambda: m.add_actor("z", "trader", capacity=10 ** 400), V,
                   "actors[8].capacity: must be a number >= 0, got inf")
        self.check(lambda: m.add_actor("z", "trader", supply=5), V,
                   "actors[8].supply: only producers have a supply, this actor is trader")
        # -1 would read as "absent" in C
        self.check(lambda: m.add_actor("z", "trader", households=-1), V,
                   "actors[8].households: must be an integer >= 0, got -1")
        self.check(lambda: m.add_actor("z", "trader", households=2 ** 63), V,
                   "actors[8].households: must be an integer <= 9223372036854775807, "
                   "got 9223372036854775808")
        self.check(lambda: m.add_actor("z\0", "trader"), V,
                   "actors[8].id: contains a NUL character (\\u0000)")
        self.check(lambda: m.add_actor("z\udc80", "trader"), V, "actors[8].id: not valid UTF-8")
        self.check(lambda: m.add_actor("", "trader"), V,
                   "actors[8].id: must be 1 to 256 bytes long, got 0")
        self.check(lambda: m.add_actor("z", "trader", tags=["a", None]), V,
                   "actors[8].tags[1]: missing (required)")
        self.check(lambda: m.add_actor("z", "trader", attributes={"x": float("nan")}), V,
                   "actors[8].attributes: line 1, column 7: NaN and Infinity are not allowed "
                   "in JSON")

    def test_transaction(self):
        m, V = self.m, mg.ValidationError
        self.check(lambda: m.add_transaction("coop-a", "trader-9", "x", volume=1), V,
                   'transactions[5].buyer: unknown actor "trader-9"')
        self.check(lambda: m.add_transaction("coop-a", "trader-1", "x"), V,
                   "transactions[5]: needs a volume or a value (or both)")
        self.check(lambda: m.add_transaction("coop-a", "trader-1", "x", value=1,
                                             contract="handshake"), V,
                   'transactions[5].contract: unknown contract "handshake" (expected spot, '
                   "contract_farming, auction, embedded_service, credit, other)")
        self.check(lambda: m.add_transaction(None, "trader-1", "x", value=1), V,
                   "transactions[5].seller: missing (required)")

    def test_facilitation(self):
        m, V = self.m, mg.ValidationError
        base = dict(facilitator="papa-andina", type="temporary", function="linkages")
        self.check(lambda: m.add_facilitation(**base, targets={}), V,
                   "facilitation[2].targets: needs at least one actor or transaction")
        self.check(lambda: m.add_facilitation(**base, targets={"bogus": ["coop-a"]}), V,
                   "facilitation[2].targets.bogus: unknown field (expected actors, transactions)")
        self.check(lambda: m.add_facilitation(**base, targets={"actors": ["coop-a"]},
                                              paid_by=[{"actor": "coop-a", "share": 0.5}]), V,
                   "facilitation[2].paid_by: shares sum to 0.5, expected 1")
        self.check(lambda: m.add_facilitation(**base, targets={"actors": ["coop-a"]},
                                              paid_by=[]), V,
                   "facilitation[2].paid_by: shares sum to 0, expected 1")
        self.check(lambda: m.add_facilitation(**base, targets={"actors": ["coop-a"]},
                                              paid_by=[{"actor": "coop-a"}]), V,
                   "facilitation[2].paid_by[0].share: missing (required)")
        self.check(lambda: m.add_facilitation(**base, targets={"actors": ["coop-a"]},
                                              paid_by=[{"actor": "coop-a", "share": 1, "x": 0}]),
                   V, "facilitation[2].paid_by[0].x: unknown field (expected actor, share)")
        self.check(lambda: m.add_facilitation(**base, targets={"actors": ["coop-a"]},
                                              paid_by=[{"embedded": ["t-1"], "share": 1}]), V,
                   "facilitation[2].paid_by[0].embedded[0]: the facilitator \"papa-andina\" "
                   "neither sells nor buys in \"t-1\", so its price cannot recover the cost")
        self.check(lambda: m.add_facilitation(**base, targets={"actors": ["coop-a"]},
                                              paid_by=[{"embedded": ["t-5"], "share": 1},
                                                       {"actor": "coop-a", "share": 0}]), V,
                   "facilitation[2].paid_by[0]: the \"embedded\" part must be the last item "
                   "of paid_by")
        self.check(lambda: m.add_facilitation(**base, targets={"actors": ["coop-a"]},
                                              paid_by=[{"embedded": [], "share": 1}]), V,
                   "facilitation[2].paid_by[0].embedded: names no transaction")
        self.check(lambda: m.add_facilitation(**base, targets={"actors": ["coop-a"]},
                                              paid_by=[{"actor": "coop-a",
                                                        "share": float("nan")}]), V,
                   "facilitation[2].paid_by[0].share: must be a number in [0, 1], got nan")
        self.check(lambda: m.add_facilitation(**dict(base, type="quick"),
                                              targets={"actors": ["coop-a"]}), V,
                   'facilitation[2].type: unknown type "quick" (expected temporary, '
                   "commercial, public)")
        self.check(lambda: m.add_facilitation(**base, targets={"actors": ["coop-a"]},
                                              exit="sideways"), V,
                   'facilitation[2].exit: unknown exit "sideways" (expected fade_out, '
                   "commercial, public)")

    def test_membership(self):
        m, V = self.m, mg.ValidationError
        self.check(lambda: m.add_membership("assoc", "coop-a"), V,
                   'memberships[3]: duplicate membership of "coop-a" in "assoc" '
                   "(first at memberships[0])")
        self.check(lambda: m.add_membership("assoc", "assoc"), V,
                   'memberships[3].member: "assoc" cannot be a member of itself')

    def test_document_fields(self):
        self.check(lambda: setattr(self.m, "attributes", {"a": float("nan")}),
                   mg.ValidationError,
                   "attributes: line 1, column 7: NaN and Infinity are not allowed in JSON")
        self.check(lambda: setattr(self.m, "name", "x\0y"), mg.ValidationError,
                   "name: contains a NUL character (\\u0000)")

    def test_not_found(self):
        e = error_of(lambda: self.m.transactions.find("zz"))
        self.assertIs(type(e), mg.NotFoundError)
        self.assertIsInstance(e, LookupError)
        self.assertEqual((str(e), e.code), ('no transaction "zz"', -4))
        e = error_of(lambda: self.m.memberships.find("assoc", "zz"))
        self.assertEqual(str(e), 'no membership of "zz" in "assoc"')


class BadArguments(unittest.TestCase):
    """None, wrong types and closed models raise Python exceptions; nothing
    reaches C that could crash it."""

    def setUp(self):
        self.m = mg.from_dict(SAMPLE)

    def test_types(self):
        m = self.m
        calls = [
            lambda: m.add_actor(5, "trader"),
            lambda: m.add_actor(b"bytes-id", "trader"),
            lambda: m.add_actor("z", 3),
            lambda: m.add_actor("z", "trader", capacity="10"),
            lambda: m.add_actor("z", "trader", capacity=True),
            lambda: m.add_actor("z", "trader", households=1.5),
            lambda: m.add_actor("z", "trader", tags="smallholder"),
            lambda: m.add_actor("z", "trader", tags=5),
            lambda: m.add_actor("z", "trader", tags=[1]),
            lambda: m.add_actor("z", "trader", attributes="{}"),
            lambda: m.add_actor("z", "trader", attributes={"x": object()}),
            lambda: m.add_transaction("coop-a", "trader-1", "x", value=1, service="yes"),
            lambda: m.add_transaction("coop-a", "trader-1", "x", value=[1]),
            lambda: m.add_facilitation("papa-andina", "temporary", "linkages", targets=None),
            lambda: m.add_facilitation("papa-andina", "temporary", "linkages",
                                       targets={"actors": "coop-a"}),
            lambda: m.add_facilitation("papa-andina", "temporary", "linkages",
                                       targets={"actors": ["coop-a"]}, paid_by={"actor": "x"}),
            lambda: m.add_facilitation("papa-andina", "temporary", "linkages",
                                       targets={"actors": ["coop-a"]}, paid_by=["x"]),
            lambda: m.add_membership("assoc", 7),
            lambda: setattr(m, "name", 5),
            lambda: setattr(m, "attributes", [1, 2]),
            lambda: m.actors.find(None),
            lambda: m.memberships.find("assoc", None),
            lambda: mg.loads(None),
            lambda: mg.loads(5),
            lambda: mg.from_dict(None),
            lambda: mg.from_dict([1]),
            lambda: mg.load(None),
            lambda: mg.load(5.0),
            lambda: m.save(None),
            lambda: m.report(measure=None),
            lambda: m.report(coalition="coop-a"),
            lambda: m.report(by_region=5),
            lambda: m.report(levels=None),
            lambda: m.report(thresholds=2023),
            lambda: m.concentration(measure=1),
            lambda: m.coalitions(coalition=[None, 1]),
        ]
        for k, call in enumerate(calls):
            with self.subTest(call=k):
                with self.assertRaises(TypeError):
                    call()
        self.assertEqual(m.to_dict(), mg.from_dict(SAMPLE).to_dict())

    def test_paths_with_nul(self):
        for call in (lambda: mg.load("a\0b"), lambda: self.m.save("a\0b")):
            e = error_of(call)
            self.assertIs(type(e), mg.InvalidArgumentError)
            self.assertEqual(str(e), "'a\\x00b': path contains a NUL byte")

    def test_options(self):
        m, I = self.m, mg.InvalidArgumentError
        for call, message in [
                (lambda: m.report(measure="weight"),
                 'measure: unknown measure "weight" (known: volume, value)'),
                (lambda: m.report(thresholds="uk"),
                 'thresholds: unknown threshold set "uk" (known: us2023, us2010, us1992, eu2004)'),
                (lambda: m.report(exit_date="2012-13-01"),
                 'exit_date: "2012-13-01" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)'),
                (lambda: m.report(coalition=["zz"]), 'coalition: unknown actor "zz"'),
                (lambda: m.concentration(thresholds="uk"),
                 'thresholds: unknown threshold set "uk" (known: us2023, us2010, us1992, eu2004)'),
                (lambda: m.report(by_region="yes"),
                 'by_region: unknown region \'yes\', expected "seller" or "buyer"'),
                (lambda: m.groups(levels="stacked"),
                 'levels: unknown levels \'stacked\', expected "separate" or "pooled"'),
        ]:
            with self.subTest(message=message):
                e = error_of(call)
                self.assertIs(type(e), I)
                self.assertEqual(str(e), message)

    def test_stale_message_never_reused(self):
        # a failure that records no message (a library bug) must not be
        # reported with the message of an earlier, different failure
        from marketgraph import _native
        error_of(lambda: mg.loads("{"))  # leaves a parse error behind
        with self.assertRaises(mg.NotFoundError) as cm:
            _native._check(-4, _native.lib.mkg_model_find_actor, ())
        self.assertEqual(str(cm.exception), "mkg_model_find_actor: not found")

    def test_library_pointer_cannot_be_faked(self):
        # argtypes are typed pointers: a stray integer or another struct is refused
        from marketgraph._native import lib
        with self.assertRaises(ctypes.ArgumentError):
            lib.mkg_model_actor_count(12345)
        with self.assertRaises(ctypes.ArgumentError):
            lib.mkg_model_actor_count(ctypes.c_void_p(12345))


class Loading(unittest.TestCase):
    """The import-time checks, each in a fresh interpreter."""

    def run_import(self, library, **env):
        env = dict(os.environ, MARKETGRAPH_LIBRARY=library, **env)
        if not library:
            del env["MARKETGRAPH_LIBRARY"]
        return subprocess.run([sys.executable, "-c", "import marketgraph as mg; "
                               "print(mg.library_path, mg.library_version)"],
                              env=env, capture_output=True, text=True)

    def test_soname(self):
        # without MARKETGRAPH_LIBRARY: the soname, found through LD_LIBRARY_PATH
        built = os.path.dirname(mg.library_path)
        done = self.run_import("", LD_LIBRARY_PATH=built)
        self.assertEqual(done.stdout, "libmarketgraph.so.0 %s\n" % mg.library_version,
                         done.stderr)

    def test_nothing_found(self):
        done = self.run_import("", LD_LIBRARY_PATH="/nonexistent")
        if done.returncode == 0:
            self.skipTest("libmarketgraph is installed on this machine")
        self.assertIn("ImportError: marketgraph: cannot load the C library libmarketgraph; "
                      "tried:\n  soname libmarketgraph.so.0: libmarketgraph.so.0: cannot open "
                      "shared object file: No such file or directory\n"
                      "  ctypes.util.find_library('marketgraph') -> None\n"
                      "Install libmarketgraph or set MARKETGRAPH_LIBRARY to the path of "
                      "libmarketgraph.so.0", done.stderr)

    def test_wrong_path(self):
        done = self.run_import("/nonexistent/libmarketgraph.so.0")
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("ImportError: marketgraph: cannot load the C library libmarketgraph; "
                      "tried:\n  MARKETGRAPH_LIBRARY=/nonexistent/libmarketgraph.so.0: "
                      "/nonexistent/libmarketgraph.so.0: cannot open shared object file",
                      done.stderr)

    @unittest.skipUnless(os.environ.get("MARKETGRAPH_FAKE_LIBRARY"), "needs the fake library")
    def test_other_major_version(self):
        fake = os.environ["MARKETGRAPH_FAKE_LIBRARY"]
        done = self.run_import(fake)
        self.assertIn("ImportError: marketgraph: %s is version 1.0.0, this package (%s) needs "
                      "major version 0" % (fake, mg.__version__), done.stderr)

    def test_not_marketgraph(self):
        done = self.run_import("libm.so.6")
        self.assertIn("ImportError: marketgraph: libm.so.6 is not libmarketgraph "
                      "(no mkg_version_number)", done.stderr)


if __name__ == "__main__":
    unittest.main()
