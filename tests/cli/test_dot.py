#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`marketgraph export --format dot` and `marketgraph render`, run as a user
would.  Needs no Graphviz: what does (that dot reads every map and draws
what it should) is tests/cli/test_render.py.

Environment (set by tests/cli/meson.build):
  MARKETGRAPH      the built tool
  MKG_SOURCE_ROOT  the source tree (for examples/models)
"""
import glob
import json
import os
import re
import subprocess
import tempfile
import unittest

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EXAMPLE = os.path.join(ROOT, "examples", "models", "potato-andes.json")


def run(*args, env=None):
    done = subprocess.run([TOOL, *args], capture_output=True, text=True, env=env, timeout=120)
    return done.returncode, done.stdout, done.stderr


class ExportDot(unittest.TestCase):
    def test_every_example(self):
        for path in sorted(glob.glob(os.path.join(ROOT, "examples", "models", "*.json"))):
            with self.subTest(model=os.path.basename(path)):
                rc, out, err = run("export", "--format", "dot", path)
                self.assertEqual((rc, err), (0, ""))
                self.assertTrue(out.startswith("digraph market {\n"))
                self.assertTrue(out.endswith("}\n"))
                self.assertEqual(run("export", "-f", "dot", path), (0, out, ""))  # same bytes

    def test_highlight(self):
        # The flow and captive highlights are per chain: on a copy of the
        # example whose commodities form one chain (chips and seed made from
        # native potato), they are drawn.
        with open(EXAMPLE, encoding="utf-8") as f:
            doc = json.load(f)
        doc["commodities"] = [
            {"id": "native-potato"},
            {"id": "native-potato-chips", "made_from": "native-potato", "input_per_unit": 4},
            {"id": "seed-potato", "made_from": "native-potato", "input_per_unit": 1},
            {"id": "credit", "service": True}, {"id": "market-information", "service": True},
            {"id": "technical-assistance", "service": True}, {"id": "transport", "service": True},
        ]
        with tempfile.TemporaryDirectory() as d:
            one_chain = os.path.join(d, "potato.json")
            with open(one_chain, "w", encoding="utf-8") as f:
                json.dump(doc, f)
            rc, plain, err = run("export", "--format", "dot", one_chain)
            self.assertEqual(rc, 0, err)
            self.assertNotIn("#cb181d", plain)
            rc, out, err = run("export", "--format", "dot", "--highlight", one_chain)
            self.assertEqual(rc, 0, err)
            # several chains (the example as it is): no flow highlight
            rc, several, err = run("export", "--format", "dot", "--highlight", EXAMPLE)
            self.assertEqual(rc, 0, err)
            self.assertNotIn("t binds</FONT>", several)
        # the multinational holds three groups captive, and their quotas bind
        node = [line for line in out.split("\n") if "<B>Multinational snack maker</B>" in line]
        self.assertEqual(len(node), 1)
        self.assertIn('color="#cb181d"', node[0])
        self.assertIn("3 captive producers, 1,070 t", node[0])
        self.assertEqual(out.count("t binds</FONT>"), 3)

    def test_output_file(self):
        with tempfile.TemporaryDirectory() as d:
            target = os.path.join(d, "map.dot")
            self.assertEqual(run("export", "--format", "dot", EXAMPLE, "-o", target), (0, "", ""))
            with open(target, encoding="utf-8") as f:
                self.assertEqual(f.read(), run("export", "--format", "dot", EXAMPLE)[1])

    def test_json_is_still_the_default(self):
        rc, out, err = run("export", EXAMPLE)
        self.assertEqual(rc, 0, err)
        self.assertEqual(run("export", "--format", "json", EXAMPLE), (0, out, ""))
        self.assertTrue(out.startswith("{\n"))

    def test_usage_errors(self):
        rc, out, err = run("export", "--format", "svg", EXAMPLE)
        self.assertEqual((rc, out), (2, ""))
        # the list of formats grows (graphml, kumu, csv ...); dot is in it
        self.assertRegex(err, r"^marketgraph export: unknown format \"svg\", expected json.*\bdot\b"
                              r".* \(try 'marketgraph export --help'\)\n$")
        self.assertEqual(run("export", "--highlight", EXAMPLE),
                         (2, "", "marketgraph export: --highlight needs --format dot "
                                 "(try 'marketgraph export --help')\n"))


class Views(unittest.TestCase):
    """The view flags of export --format dot and render (docs/maps.md)."""

    def test_collapse_and_top(self):
        rc, out, err = run("export", "--format", "dot", "--collapse", "producers-by-region",
                           "--hide-services", "--hide-facilitation", EXAMPLE)
        self.assertEqual((rc, err), (0, ""))
        model = json.load(open(EXAMPLE, encoding="utf-8"))
        regions = {a.get("region") for a in model["actors"] if a["kind"] == "producer"}
        # one node per region of the producers, named %producer@REGION
        nodes = set(re.findall(r'^  "%producer@([^"]*)" \[', out, re.M))
        self.assertEqual(nodes, {r or "" for r in regions})
        self.assertNotIn("style=dotted", out)
        self.assertNotIn("style=dashed", out)
        self.assertIn("not drawn: services, facilitation", out)
        # the singular works as the plural; a list as repeated flags
        self.assertEqual(run("export", "--format", "dot", "--collapse", "producer-by-region",
                             "--hide-services", "--hide-facilitation", EXAMPLE), (0, out, ""))
        rc, both, err = run("export", "--format", "dot", "--collapse",
                            "producers-by-region,traders-by-region", EXAMPLE)
        self.assertEqual(both, run("export", "--format", "dot", "--collapse",
                                   "producers-by-region", "--collapse", "traders-by-region",
                                   EXAMPLE)[1])
        self.assertIn("merged by region: producer, trader", both)

    def test_top(self):
        # two chains: the highlights need one
        chain = ("--chain", "native-potato")
        rc, all_red, err = run("export", "--format", "dot", "--highlight", *chain, EXAMPLE)
        rc, top, err = run("export", "--format", "dot", "--highlight", "--top", "1", *chain,
                           EXAMPLE)
        self.assertEqual((rc, err), (0, ""))
        red = "color=\"#cb181d\", penwidth=3.5"
        nodes = lambda text: [l for l in text.splitlines() if red in l and "->" not in l]
        self.assertGreater(len(nodes(all_red)), 1)
        self.assertEqual(len(nodes(top)), 1)
        self.assertIn("top 1: in red only the 1 of %d highlighted actors" % len(nodes(all_red)),
                      top)

    def test_commodity_and_chain(self):
        rc, out, err = run("export", "--format", "dot", "--commodity", "seed-potato", EXAMPLE)
        self.assertEqual((rc, err), (0, ""))
        self.assertIn("only commodity seed-potato:", out)
        self.assertNotIn("native-potato-chips", out)
        rc, out, err = run("export", "--format", "dot", "--chain", "native-potato",
                           "--highlight", EXAMPLE)
        self.assertEqual((rc, err), (0, ""))
        self.assertIn("only the chain of native-potato:", out)
        self.assertIn("captive producer", out)  # the highlights ran on the chain

    def test_view_errors(self):
        for cmd in (["export", "--format", "dot"], ["render", "-o", "map.svg"]):
            hint = " (try 'marketgraph %s --help')\n" % cmd[0]
            pre = "marketgraph %s: " % cmd[0]
            self.assertEqual(run(*cmd, "--collapse", "farmers-by-region", EXAMPLE),
                             (2, "", pre + "--collapse: unknown \"farmers-by-region\", expected "
                                     "KIND-by-region such as producers-by-region (KIND: an "
                                     "actor kind, docs/format.md)" + hint))
            self.assertEqual(run(*cmd, "--collapse", "producers", EXAMPLE),
                             (2, "", pre + "--collapse: unknown \"producers\", expected "
                                     "KIND-by-region such as producers-by-region (KIND: an "
                                     "actor kind, docs/format.md)" + hint))
            self.assertEqual(run(*cmd, "--top", "0", "--highlight", EXAMPLE),
                             (2, "", pre + "--top must be a whole number from 1 to 1000000, "
                                     "got \"0\"" + hint))
            self.assertEqual(run(*cmd, "--top", "3", EXAMPLE),
                             (2, "", pre + "--top needs --highlight" + hint))
            self.assertEqual(run(*cmd, "--commodity", "a", "--chain", "", EXAMPLE),
                             (2, "", pre + "--commodity and --chain: give one" + hint))
            self.assertEqual(run(*cmd, "--chain", "rice", EXAMPLE),
                             (1, "", pre + "dot: no chain \"rice\" (the model's chains: "
                                     "native-potato, seed-potato)\n"))
            self.assertEqual(run(*cmd, "--page", "a5", EXAMPLE),
                             (2, "", pre + "--page: unknown \"a5\", expected a4-landscape, "
                                     "a4-portrait, a3-landscape, letter-landscape or none" +
                                     hint))
            self.assertEqual(run(*cmd, "--page", "A4-Landscape", EXAMPLE)[0], 2)
        for flag in (("--hide-services",), ("--page", "a4-landscape")):
            self.assertEqual(run("export", *flag, EXAMPLE),
                             (2, "", "marketgraph export: --hide-services, --hide-facilitation, "
                                     "--commodity, --collapse, --top and --page need --format "
                                     "dot (try 'marketgraph export --help')\n"))

    def test_page(self):
        # the potato example is too wide for A4 landscape: the map is
        # written, with a note on standard error and a red legend line
        rc, out, err = run("export", "--format", "dot", "--page", "a4-landscape", EXAMPLE)
        self.assertEqual(rc, 0)
        self.assertIn('  graph [rankdir=LR, newrank=true, ranksep=0.45, nodesep=0.05, '
                      'splines=true, size="10.89,7.47!", ratio=compress, margin=0.4, '
                      'center=true, pad=0, ', out)
        self.assertIn('  edge [fontname="Helvetica", fontsize=8];', out)
        m = re.fullmatch(r"marketgraph export: note: the map is too large for a4-landscape: "
                         r"its labels come out at about (\d\.\d) pt \(under 7, hard to read\); "
                         r"draw less with --chain C, --collapse KIND-by-region or --top N "
                         r"\(docs/maps.md\)\n", err)
        self.assertIsNotNone(m, err)
        self.assertLess(float(m.group(1)), 7)
        self.assertIn("a4-landscape: too much for the page, labels about %s pt (under 7)"
                      % m.group(1), out)
        # one chain with the producers merged by region fits A3: no note
        rc, out, err = run("export", "--format", "dot", "--page", "a3-landscape", "--chain",
                           "native-potato", "--collapse", "producers-by-region",
                           "--hide-facilitation", "--hide-services", EXAMPLE)
        self.assertEqual((rc, err), (0, ""))
        self.assertIn('size="15.74,10.89!"', out)
        self.assertNotIn("too much for the page", out)
        # none: the screen map, byte for byte
        self.assertEqual(run("export", "--format", "dot", "--page", "none", EXAMPLE),
                         run("export", "--format", "dot", EXAMPLE))


class RenderWithoutGraphviz(unittest.TestCase):
    """These hold whether or not Graphviz is installed."""

    def test_not_installed(self):
        with tempfile.TemporaryDirectory() as d:
            target = os.path.join(d, "map.png")
            env = dict(os.environ, PATH=d)  # a PATH with no dot in it
            rc, out, err = run("render", EXAMPLE, "-o", target, env=env)
            self.assertEqual((rc, out), (1, ""))
            self.assertEqual(err, "marketgraph render: Graphviz's 'dot' program was not found: "
                                  "install the package graphviz (on Debian or Ubuntu: apt-get "
                                  "install graphviz), or write the DOT text with 'marketgraph "
                                  "export FILE --format dot'\n")
            self.assertEqual(os.listdir(d), [])

    def test_usage_errors(self):
        hint = " (try 'marketgraph render --help')\n"
        self.assertEqual(run("render", EXAMPLE),
                         (2, "", "marketgraph render: missing -o MAP" + hint))
        self.assertEqual(run("render", "-o", "map.png"),
                         (2, "", "marketgraph render: missing FILE" + hint))
        self.assertEqual(run("render", EXAMPLE, "-o", "map.gif"),
                         (2, "", "marketgraph render: cannot tell the format of \"map.gif\": "
                                 "name it .svg, .png or .pdf, or give --format" + hint))
        self.assertEqual(run("render", EXAMPLE, "-o", "map.png", "--format", "bmp"),
                         (2, "", "marketgraph render: unknown format \"bmp\", expected svg, png "
                                 "or pdf" + hint))
        self.assertEqual(run("render", EXAMPLE, "-o", "map.png", "--dpi", "-3"),
                         (2, "", "marketgraph render: --dpi must be between 1 and 1200, "
                                 "got -3" + hint))

    def test_invalid_model(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.json")
            with open(bad, "w") as f:
                f.write('{"format": "marketgraph", "version": 1, "actors": [{"id": "a"}]}')
            rc, out, err = run("render", bad, "-o", os.path.join(d, "map.svg"))
            self.assertEqual((rc, out), (1, ""))
            self.assertTrue(err.startswith(bad + ": actors[0]"), err)
            self.assertEqual(os.listdir(d), ["bad.json"])


if __name__ == "__main__":
    unittest.main()
