#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of the `marketgraph` command-line tool, run as a user would run it.

Environment (set by tests/cli/meson.build):
  MARKETGRAPH        the built tool
  MKG_EXPORT_HELPER  prints mkg_json_write_string() of a file
  MKG_SOURCE_ROOT    the source tree (for examples/models)
"""
import collections
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unittest

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
HELPER = os.environ.get("MKG_EXPORT_HELPER")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
# A frozen copy of the first potato example: the numbers below were worked
# out by hand from it, and must not move when examples/ tells its story better.
EXAMPLE = os.path.join(ROOT, "tests", "data", "cli-potato.json")

MINIMAL = {
    "format": "marketgraph", "version": 1,
    "actors": [{"id": "a", "kind": "producer"}, {"id": "b", "kind": "trader"}],
    "transactions": [{"seller": "a", "buyer": "b", "commodity": "maize", "volume": 3}],
}


def run(*args, stdin=b"", cwd=None):
    """Run the tool; return (exit code, stdout bytes, stderr text)."""
    r = subprocess.run([TOOL, *args], input=stdin, capture_output=True, timeout=120, cwd=cwd)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


class ToolCase(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, content):
        path = os.path.join(self.tmp.name, name)
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(path, mode) as f:
            f.write(content if isinstance(content, (str, bytes)) else json.dumps(content))
        return path

    def assertUsage(self, *args, cwd=None):
        """Exit 2 with one line on stderr that says where to find help."""
        code, out, err = run(*args, cwd=cwd)
        self.assertEqual(code, 2, f"{args}: stderr {err!r}")
        self.assertEqual(out, b"")
        self.assertEqual(err.count("\n"), 1, err)
        self.assertTrue(err.startswith("marketgraph"), err)
        self.assertIn("--help')", err)
        return err


class GlobalOptions(ToolCase):
    def test_version(self):
        self.assertEqual(run("--version"), (0, b"marketgraph 0.1.0\n", ""))

    def test_help(self):
        code, out, err = run("--help")
        self.assertEqual((code, err), (0, ""))
        text = out.decode()
        self.assertIn("Usage:", text)
        for command in ("validate", "export", "summary"):
            self.assertRegex(text, rf"\n  {command} +\S")
        self.assertEqual(run("-h"), (code, out, err))
        self.assertEqual(run("help"), (code, out, err))

    def test_command_help(self):
        for command, needle in (("validate", "FILE..."), ("export", "--output"),
                                ("summary", "--format")):
            code, out, err = run(command, "--help")
            self.assertEqual((code, err), (0, ""), command)
            self.assertIn(f"marketgraph {command}", out.decode())
            self.assertIn(needle, out.decode())
            self.assertEqual(run("help", command), (code, out, err))
            self.assertEqual(run(command, "-h"), (code, out, err))

    def test_usage_errors(self):
        self.assertEqual(self.assertUsage(),
                         "marketgraph: missing COMMAND (try 'marketgraph --help')\n")
        self.assertEqual(self.assertUsage("frobnicate"),
                         "marketgraph: unknown command \"frobnicate\" (try 'marketgraph --help')\n")
        self.assertUsage("--frobnicate")
        self.assertUsage("help", "frobnicate")
        self.assertEqual(self.assertUsage("validate"),
                         "marketgraph validate: missing FILE (try 'marketgraph validate --help')\n")
        self.assertUsage("validate", "--bogus", EXAMPLE)
        self.assertUsage("export")
        self.assertUsage("export", EXAMPLE, EXAMPLE)
        self.assertUsage("export", EXAMPLE, "-o")
        self.assertUsage("summary")
        self.assertUsage("summary", EXAMPLE, EXAMPLE)
        self.assertEqual(self.assertUsage("summary", "--format", "xml", EXAMPLE),
                         "marketgraph summary: unknown format \"xml\", expected text or json "
                         "(try 'marketgraph summary --help')\n")

    def test_one_file_message(self):
        """Every command that reads one model says the same (cli_one_file)."""
        extra = {"shock": ("-r", "trader"), "render": ("-o", "map.svg")}
        for command in ("export", "summary", "analyze", "shock", "render"):
            with self.subTest(command=command):
                hint = f" (try 'marketgraph {command} --help')\n"
                more = extra.get(command, ())
                self.assertEqual(self.assertUsage(command, *more),
                                 f"marketgraph {command}: missing FILE" + hint)
                self.assertEqual(self.assertUsage(command, EXAMPLE, EXAMPLE, *more),
                                 f"marketgraph {command}: one FILE only" + hint)

    def test_format_message(self):
        """Every --format is checked by one function (cli_parse_format), ASCII
        case ignored, with one message listing the command's formats."""
        expected = {"summary": "text or json", "analyze": "text, json, csv or html",
                    "shock": "text or json", "export": "json, dot, graphml, kumu or csv",
                    "render": "svg, png or pdf"}
        extra = {"shock": ("-r", "trader"), "render": ("-o", "map.svg")}
        for command, names in expected.items():
            with self.subTest(command=command):
                more = extra.get(command, ())
                self.assertEqual(self.assertUsage(command, EXAMPLE, "--format", "xml", *more),
                                 f"marketgraph {command}: unknown format \"xml\", expected "
                                 f"{names} (try 'marketgraph {command} --help')\n")
        self.assertEqual(run("summary", "--format", "JSON", EXAMPLE),
                         run("summary", "--format", "json", EXAMPLE))
        self.assertEqual(run("export", "-f", "Dot", EXAMPLE), run("export", "-f", "dot", EXAMPLE))


class Validate(ToolCase):
    def test_valid(self):
        code, out, err = run("validate", EXAMPLE)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(out.decode(), f"{EXAMPLE}: valid (30 actors, 45 transactions, "
                                       "8 facilitation, 9 memberships)\n")
        self.assertEqual(run("validate", "--quiet", EXAMPLE), (0, b"", ""))
        self.assertEqual(run("validate", EXAMPLE, "-q"), (0, b"", ""))

    def test_every_example_is_valid(self):
        folder = os.path.join(ROOT, "examples", "models")
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".json"))
        self.assertTrue(files)
        code, out, err = run("validate", "-q", *files)
        self.assertEqual((code, out, err), (0, b"", ""))

    def test_invalid_reference(self):
        doc = json.loads(json.dumps(MINIMAL))
        doc["transactions"][0]["buyer"] = "trader-9"
        path = self.write("bad.json", doc)
        code, out, err = run("validate", path)
        self.assertEqual(code, 1)
        self.assertEqual(out, b"")
        self.assertEqual(err, f'{path}: transactions[0].buyer: unknown actor "trader-9"\n')

    def test_duplicate_id(self):
        doc = json.loads(json.dumps(MINIMAL))
        doc["actors"].append({"id": "a", "kind": "other"})
        path = self.write("dup.json", doc)
        self.assertEqual(run("validate", path),
                         (1, b"", f'{path}: actors[2].id: duplicate id "a" (first at actors[0])\n'))

    def test_syntax_error_has_line_and_column(self):
        path = self.write("truncated.json", '{\n  "format": "marketgraph",\n  "actors": [\n')
        code, out, err = run("validate", path)
        self.assertEqual((code, out), (1, b""))
        self.assertRegex(err, rf"^{re.escape(path)}: line \d+, column \d+: .+\n$")

    def test_bad_inputs_exit_1(self):
        cases = {
            "empty.json": b"",
            "array.json": b"[]",
            "garbage.json": json.dumps(MINIMAL).encode() + b" trailing",
            "nan.json": json.dumps(MINIMAL).replace('"volume": 3', '"volume": NaN').encode(),
            "utf8.json": json.dumps(MINIMAL).replace('"maize"', '"ma\\u00efze"').encode()
            .replace(b"\\u00ef", b"\xc3"),
            "deep.json": b"[" * 100000 + b"]" * 100000,
            "version.json": json.dumps(dict(MINIMAL, version=2)).encode(),
        }
        for name, content in cases.items():
            path = self.write(name, content)
            code, out, err = run("validate", path)
            self.assertEqual((code, out), (1, b""), f"{name}: {err}")
            self.assertTrue(err.startswith(path + ": "), f"{name}: {err!r}")
            self.assertEqual(err.count("\n"), 1, f"{name}: {err!r}")

    def test_missing_file(self):
        path = os.path.join(self.tmp.name, "nothing-here.json")
        code, out, err = run("validate", path)
        self.assertEqual((code, out), (1, b""))
        self.assertTrue(err.startswith(path + ": "), err)
        self.assertEqual(err.count("\n"), 1, err)
        self.assertEqual(err.count(path), 1, err)  # the path is not said twice

    def test_several_files(self):
        good = self.write("good.json", MINIMAL)
        bad = self.write("bad.json", dict(MINIMAL, version=0))
        code, out, err = run("validate", bad, good, bad)
        self.assertEqual(code, 1)
        self.assertEqual(out.decode(), f"{good}: valid (2 actors, 1 transactions, "
                                       "0 facilitation, 0 memberships)\n")
        lines = err.splitlines()
        self.assertEqual(len(lines), 2)
        self.assertTrue(all(line.startswith(bad + ": ") for line in lines), lines)

    def test_double_dash_ends_options(self):
        self.write("-dash.json", MINIMAL)
        here = self.tmp.name
        self.assertEqual(run("validate", "-q", "--", "-dash.json", cwd=here), (0, b"", ""))
        self.assertUsage("validate", "-dash.json", cwd=here)
        code, out, err = run("summary", "--", "-dash.json", cwd=here)
        self.assertEqual((code, err), (0, ""))
        # Only the first "--" ends the options; a second one is a file name.
        code, out, err = run("validate", "-q", "--", "-dash.json", "--", cwd=here)
        self.assertEqual((code, out), (1, b""))
        self.assertTrue(err.startswith("--: "), err)

    def test_stdin(self):
        with open(EXAMPLE, "rb") as f:
            data = f.read()
        code, out, err = run("validate", "-", stdin=data)
        self.assertEqual((code, err), (0, ""))
        self.assertTrue(out.startswith(b"<stdin>: valid (30 actors"), out)
        code, out, err = run("validate", "-", stdin=b'{"format": "marketgraph"')
        self.assertEqual((code, out), (1, b""))
        self.assertRegex(err, r"^<stdin>: line \d+, column \d+: .+\n$")


class Export(ToolCase):
    def test_canonical_and_deterministic(self):
        code, first, err = run("export", EXAMPLE)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(run("export", EXAMPLE), (0, first, ""))
        # The same bytes as the library's mkg_json_write_string().
        if HELPER:
            r = subprocess.run([HELPER, EXAMPLE], capture_output=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(r.stdout, first)
        # Canonical: exporting the export changes nothing, and it is the same model.
        again = self.write("again.json", first)
        self.assertEqual(run("export", again), (0, first, ""))
        self.assertEqual(json.loads(first)["name"], json.loads(open(EXAMPLE, "rb").read())["name"])

    def test_output_to_a_pipe_stays_a_pipe(self):
        # -o /dev/null or a FIFO must be written in place, never replaced by a
        # regular file through a rename.  Both output paths are checked: the
        # JSON export (mkg_json_write_file) and the DOT map (cli_write).
        import stat
        import threading
        for fmt in ("json", "dot"):
            _, expected, _ = run("export", EXAMPLE, "--format", fmt)
            fifo = os.path.join(self.tmp.name, f"pipe-{fmt}")
            os.mkfifo(fifo)
            got = []
            reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()),
                                      daemon=True)
            reader.start()
            self.assertEqual(run("export", EXAMPLE, "--format", fmt, "-o", fifo), (0, b"", ""))
            reader.join(timeout=60)
            self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode), fmt)
            self.assertEqual(got, [expected], fmt)

    def test_output_file_and_stdin(self):
        _, expected, _ = run("export", EXAMPLE)
        out = os.path.join(self.tmp.name, "out.json")
        self.assertEqual(run("export", EXAMPLE, "-o", out), (0, b"", ""))
        with open(out, "rb") as f:
            self.assertEqual(f.read(), expected)
        out2 = os.path.join(self.tmp.name, "out2.json")
        self.assertEqual(run("export", "--output", out2, EXAMPLE), (0, b"", ""))
        with open(out2, "rb") as f:
            self.assertEqual(f.read(), expected)
        with open(EXAMPLE, "rb") as f:
            self.assertEqual(run("export", "-", stdin=f.read()), (0, expected, ""))
        self.assertEqual(run("export", EXAMPLE, "-o", "-"), (0, expected, ""))

    def test_export_failures(self):
        bad = self.write("bad.json", dict(MINIMAL, actors=[]))
        code, out, err = run("export", bad)
        self.assertEqual((code, out), (1, b""))
        self.assertTrue(err.startswith(bad + ": transactions[0].seller: "), err)
        target = os.path.join(self.tmp.name, "no-such-dir", "out.json")
        code, out, err = run("export", EXAMPLE, "-o", target)
        self.assertEqual((code, out), (1, b""))
        self.assertIn(target, err)
        self.assertFalse(os.path.exists(target))


def expected_summary(path):
    """The summary worked out independently from the JSON document."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    kinds = collections.Counter(a["kind"] for a in doc["actors"])
    # [transactions, services, volume, value]; volume/value None when no
    # transaction of the group gives one.
    commodities = collections.defaultdict(lambda: [0, 0, None, None])
    periods = collections.defaultdict(lambda: [0, 0, None, None])
    # chains: goods only, volumes x input_per_unit along made_from;
    # [transactions, volume in primary equivalents, value]
    listed = {c["id"]: c for c in doc.get("commodities", [])}
    chains = collections.defaultdict(lambda: [0, None, None])
    period_commodities = collections.defaultdict(set)
    value = 0.0
    for t in doc.get("transactions", []):
        for table, key in ((commodities, t["commodity"]),
                           (periods, t.get("period", doc.get("period")))):
            row = table[key]
            row[0] += 1
            row[1] += 1 if t.get("service") else 0
            if "volume" in t:
                row[2] = (row[2] or 0) + t["volume"]
            if "value" in t:
                row[3] = (row[3] or 0) + t["value"]
        period_commodities[t.get("period", doc.get("period"))].add(t["commodity"])
        if not t.get("service"):
            primary, factor = t["commodity"], 1.0
            while primary in listed and "made_from" in listed[primary]:
                factor *= listed[primary]["input_per_unit"]
                primary = listed[primary]["made_from"]
            row = chains[primary]
            row[0] += 1
            if "volume" in t:
                row[1] = (row[1] or 0) + t["volume"] * factor
            if "value" in t:
                row[2] = (row[2] or 0) + t["value"]
        value += t.get("value", 0)
    # a period of several commodities has no volume: never tonnes of two goods added
    for key, names in period_commodities.items():
        if len(names) > 1:
            periods[key][2] = None
    return doc, kinds, commodities, periods, chains, value


class Summary(ToolCase):
    def assertClose(self, got, expected):
        if expected is None:
            self.assertIsNone(got)
        else:
            self.assertTrue(math.isclose(got, expected, rel_tol=1e-12), (got, expected))

    def test_json_numbers(self):
        doc, kinds, commodities, periods, chains, value = expected_summary(EXAMPLE)
        code, out, err = run("summary", "--format", "json", EXAMPLE)
        self.assertEqual((code, err), (0, ""))
        s = json.loads(out)
        self.assertEqual(s["name"], doc["name"])
        self.assertEqual(s["currency"], "PEN")
        self.assertEqual(s["volume_unit"], "t")
        self.assertEqual(s["period"], "2012")
        self.assertEqual(s["records"], {"actors": 30, "transactions": 45,
                                        "facilitation": 8, "memberships": 9})
        self.assertEqual(s["actors_by_kind"], dict(kinds))
        self.assertEqual(sum(s["actors_by_kind"].values()), 30)
        self.assertEqual(s["households"], sum(a.get("households", 0) for a in doc["actors"]))
        self.assertEqual(s["households"], 1670)  # 420+180+140+260+150+90+210+120+100
        self.assertEqual([c["commodity"] for c in s["commodities"]], sorted(commodities))
        for c in s["commodities"]:
            n, services, vol, val = commodities[c["commodity"]]
            self.assertEqual((c["transactions"], c["services"]), (n, services))
            self.assertClose(c["volume"], vol)
            self.assertClose(c["value"], val)
        credit = [c for c in s["commodities"] if c["commodity"] == "credit"][0]
        self.assertEqual(credit, {"commodity": "credit", "unit": "t", "transactions": 2,
                                  "services": 2, "volume": None, "value": 95000})
        self.assertEqual([p["period"] for p in s["periods"]], ["2008", "2012"])
        self.assertEqual([p["transactions"] for p in s["periods"]], [7, 38])
        for p in s["periods"]:
            n, services, vol, val = periods[p["period"]]
            self.assertEqual(p["transactions"], n)
            self.assertClose(p["volume"], vol)
            self.assertClose(p["value"], val)
        # no total volume: per chain (the example lists no commodities: each
        # goods commodity is its own primary), never a sum across commodities
        self.assertNotIn("total_volume", s)
        self.assertEqual([c["primary"] for c in s["chains"]], sorted(chains))
        for c in s["chains"]:
            n, vol, val = chains[c["primary"]]
            self.assertEqual((c["unit"], c["transactions"]), ("t", n))
            self.assertClose(c["volume"], vol)
            self.assertClose(c["value"], val)
        self.assertTrue(math.isclose(s["total_value"], value, rel_tol=1e-12))
        # Services carry no volume here: credit, technical assistance, information.
        self.assertEqual(s["transactions_without_volume"], 4)
        self.assertEqual(s["transactions_without_value"], 0)

    def test_native_potato_totals(self):
        # By hand: producers' 2012 sales 870+350+260+500+280+150+420+220+180 = 3230 t,
        # collectors 305+315+510 = 1130 t, wholesaler 1085 t, supermarkets 215 t;
        # 2008: 90+60+380+375+370 = 1275 t.  Total 3230+1130+1085+215+1275 = 6935 t.
        _, out, _ = run("summary", "-f", "json", EXAMPLE)
        s = json.loads(out)
        potato = [c for c in s["commodities"] if c["commodity"] == "native-potato"][0]
        self.assertEqual(potato["volume"], 6935)
        self.assertEqual(potato["transactions"], 30)

    def test_text(self):
        code, out, err = run("summary", EXAMPLE)
        self.assertEqual((code, err), (0, ""))
        text = out.decode()
        self.assertTrue(text.startswith("Native potato chain, central Andes of Peru"))
        self.assertRegex(text, r"\n  actors +30\n")
        self.assertRegex(text, r"\n  transactions +45\n")
        self.assertRegex(text, r"\n  facilitation +8\n")
        self.assertRegex(text, r"\n  memberships +9\n")
        self.assertRegex(text, r"\n  producer +9 +1,670\n")
        self.assertRegex(text, r"\n  native-potato +30 +6,935 +t +[\d,]+\n")
        self.assertRegex(text, r"\n  transport \(service\) +2 +2,185 +t +[\d,]+\n")
        self.assertRegex(text, r"\n  credit \(service\) +2 +- +t +95,000\n")
        self.assertRegex(text, r"\n  currency +PEN\n")
        # no total volume (it added tubers, chips, seed and tonnes transported):
        # a chain table, and periods mixing commodities without a volume
        self.assertNotRegex(text, r"\n  volume +9,?896 t\n")
        self.assertRegex(text, r"\nChains \(volume in primary equivalents\)\n")
        self.assertRegex(text, r"\n  2012 +38 +- +- +[\d,]+\n")
        self.assertRegex(text, r"\n  value +24,944,000 PEN\n")
        self.assertIn(" t\n", text)
        self.assertEqual(run("summary", "--format", "text", EXAMPLE), (0, out, ""))
        self.assertEqual(run("summary", EXAMPLE), (0, out, ""))  # deterministic

    def test_chains(self):
        """Potato (t), chips made from 4 t of potato each (kt), transport (a
        service).  By hand: commodities chips 20 + 10 = 30 kt, potato 100 + 60
        = 160 t, transport 300 t; one chain, potato: 160 + 4 x 30 = 280 t of
        potato equivalents, value 1600 + 7500 = 9100; the one period mixes
        commodities: no volume.  Inclusiveness: f1 (100 t) and c (4 x 10 =
        40 t) have households: 140 of 280 t."""
        doc = {"format": "marketgraph", "version": 1, "volume_unit": "t", "currency": "USD",
               "commodities": [{"id": "potato"},
                               {"id": "chips", "unit": "kt", "made_from": "potato",
                                "input_per_unit": 4},
                               {"id": "transport", "service": True}],
               "actors": [{"id": "f1", "kind": "producer", "households": 10},
                          {"id": "f2", "kind": "producer"}, {"id": "p", "kind": "processor"},
                          {"id": "c", "kind": "association", "households": 5},
                          {"id": "r", "kind": "retailer"},
                          {"id": "s", "kind": "service_provider", "households": 3}],
               "transactions": [
                   {"seller": "f1", "buyer": "p", "commodity": "potato", "volume": 100,
                    "value": 1000},
                   {"seller": "f2", "buyer": "p", "commodity": "potato", "volume": 60,
                    "value": 600},
                   {"seller": "p", "buyer": "r", "commodity": "chips", "volume": 20,
                    "value": 5000},
                   {"seller": "c", "buyer": "r", "commodity": "chips", "volume": 10,
                    "value": 2500},
                   {"seller": "s", "buyer": "p", "commodity": "transport", "volume": 300,
                    "value": 50, "service": True}]}
        path = self.write("chips.json", doc)
        code, out, err = run("summary", "--format", "json", path)
        self.assertEqual((code, err), (0, ""))
        s = json.loads(out)
        self.assertEqual([(c["commodity"], c["unit"], c["volume"]) for c in s["commodities"]],
                         [("chips", "kt", 30), ("potato", "t", 160), ("transport", "t", 300)])
        self.assertEqual(s["chains"], [{"primary": "potato", "unit": "t", "transactions": 4,
                                        "volume": 280, "value": 9100}])
        self.assertEqual((s["periods"][0]["volume"], s["periods"][0]["unit"]), (None, None))
        self.assertEqual(s["total_value"], 9150)
        code, out, err = run("summary", path)
        self.assertEqual((code, err), (0, ""))
        self.assertRegex(out.decode(), r"\n  potato +4 +280 +t +9,100\n")
        code, out, err = run("analyze", "--format", "json", path)
        self.assertEqual(code, 0, err)
        inc = json.loads(out)["inclusiveness"]
        self.assertEqual(inc["chains"], [{"primary": "potato", "unit": "t",
                                          "produce_volume": 280, "smallholder_volume": 140,
                                          "smallholder_volume_share": 0.5}])
        self.assertEqual(inc["produce_volume"], 280)  # one chain: the chain's
        code, out, err = run("analyze", path)
        self.assertIn("Produce sold by actors with households, potato chain: 140 of 280 t "
                      "(50.0%)\n", out.decode())

    def test_minimal_and_stdin(self):
        code, out, err = run("summary", "--format=json", "-", stdin=json.dumps(MINIMAL).encode())
        self.assertEqual((code, err), (0, ""))
        s = json.loads(out)
        self.assertEqual(s["name"], None)
        self.assertEqual(s["households"], None)
        self.assertEqual(s["periods"], [{"period": None, "unit": None, "transactions": 1,
                                         "services": 0, "volume": 3, "value": None}])
        self.assertEqual(s["chains"], [{"primary": "maize", "unit": None, "transactions": 1,
                                        "volume": 3, "value": None}])
        self.assertEqual(s["transactions_without_value"], 1)

    def test_invalid(self):
        path = self.write("bad.json", dict(MINIMAL, format="other"))
        code, out, err = run("summary", path)
        self.assertEqual((code, out), (1, b""))
        self.assertTrue(err.startswith(path + ": format: "), err)


if __name__ == "__main__":
    unittest.main()
