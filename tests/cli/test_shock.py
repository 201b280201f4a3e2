#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of `marketgraph shock`, run as a user would run it.

The numbers are worked out by hand in the comments (docs/analyses.md,
section 2, exit shock).

Environment (set by tests/cli/meson.build):
  MARKETGRAPH      the built tool
  MKG_SOURCE_ROOT  the source tree (for examples/models)
"""
import json
import os
import subprocess
import tempfile
import unittest

TOOL = os.environ.get("MARKETGRAPH", "marketgraph")
ROOT = os.environ.get("MKG_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EXAMPLE = os.path.join(ROOT, "examples", "models", "potato-andes.json")

# coop-a and coop-b sell to the processor (capacity 80) and to a trader;
# coop-c only to the processor.  Supplies are the observed sales:
# coop-a 60 + 20 = 80, coop-b 30, coop-c 10: 120 in all.
MODEL = {
    "format": "marketgraph", "version": 1, "name": "shock test", "volume_unit": "t",
    "actors": [
        {"id": "coop-a", "kind": "producer"},
        {"id": "coop-b", "kind": "producer"},
        {"id": "coop-c", "kind": "producer", "name": "Coop C"},
        {"id": "proc", "kind": "processor", "capacity": 80},
        {"id": "trader", "kind": "trader"},
        {"id": "market", "kind": "end_market", "demand": 100},
    ],
    "transactions": [
        {"seller": "coop-a", "buyer": "proc", "commodity": "maize", "volume": 60},
        {"seller": "coop-a", "buyer": "trader", "commodity": "maize", "volume": 20,
         "capacity": 20},
        {"seller": "coop-b", "buyer": "trader", "commodity": "maize", "volume": 30},
        {"seller": "coop-c", "buyer": "proc", "commodity": "maize", "volume": 10},
        {"seller": "proc", "buyer": "market", "commodity": "maize", "volume": 70},
        {"seller": "trader", "buyer": "market", "commodity": "maize", "volume": 50},
        {"seller": "trader", "buyer": "proc", "commodity": "transport", "volume": 1,
         "service": True},
    ],
}


def run(*args, stdin=b"", env=None):
    r = subprocess.run([TOOL, *args], input=stdin, capture_output=True, timeout=120, env=env)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8", "replace")


class Shock(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.dir.name, "model.json")
        with open(cls.path, "w", encoding="utf-8") as f:
            json.dump(MODEL, f)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_json(self):
        # Before: proc passes 80 (of coop-a 60 + coop-c 10 = 70 offered: all),
        # trader passes coop-a's 20 (its link's capacity) and coop-b's 30;
        # market takes 100 of the 120 arriving.  Max flow 100, the demand binds.
        # Without proc: coop-c is stranded (10); coop-a keeps the link to the
        # trader (20), coop-b 30: max flow 50, the link coop-a -> trader binds.
        rc, out, err = run("shock", self.path, "--remove", "proc", "--format", "json")
        self.assertEqual((rc, err), (0, ""))
        self.assertEqual(json.loads(out), {"chains": [{
            "commodity": "maize", "unit": "t",
            "removed": ["proc"], "stranded": ["coop-c"], "stranded_supply": 10,
            "max_flow_before": 100, "max_flow_after": 50, "loss": 50, "loss_share": 0.5,
            "after": {"total_supply": 120, "max_flow": 50, "deliverable_share": 50 / 120,
                      "binding": [{"type": "transaction", "seller": "coop-a",
                                   "buyer": "trader", "capacity": 20}]}}]})

    def test_text(self):
        rc, out, err = run("shock", self.path, "-r", "proc,trader")
        self.assertEqual((rc, err), (0, ""))
        # Without both, nobody reaches the market.
        self.assertEqual(out,
                         "Exit shock in the maize chain: without proc, trader\n"
                         "Deliverable flow: 100 t before, 0 t after; loss 100 t (100% of the flow)\n"
                         "Stranded producers (no route left to an end market): 3, supply 120 t\n"
                         "  coop-a\n"
                         "  coop-b\n"
                         "  coop-c (Coop C)\n"
                         "Binding constraints after the exit:\n"
                         "  none: everything that reaches a sink can be delivered\n")

    def test_stdin_and_output_file(self):
        target = os.path.join(self.dir.name, "out.json")
        with open(self.path, "rb") as f:
            rc, out, err = run("shock", "-", "--remove", "trader", "-f", "json", "-o", target,
                               stdin=f.read())
        self.assertEqual((rc, out, err), (0, "", ""))
        with open(target, encoding="utf-8") as f:
            result = json.load(f)["chains"][0]
        # Without the trader: coop-b stranded (30); proc passes 80 of coop-a's
        # 80 and coop-c's 10: the processor binds.
        self.assertEqual(result["stranded"], ["coop-b"])
        self.assertEqual(result["max_flow_after"], 80)
        self.assertEqual(result["after"]["binding"],
                         [{"type": "actor", "actor": "proc", "capacity": 80}])

    def test_example(self):
        # Whatever the example holds: the exit of each actor that holds
        # producers captive (analyze) strands exactly those producers, and
        # never raises the flow.
        rc, out, err = run("analyze", EXAMPLE, "--format", "json")
        self.assertEqual((rc, err), (0, ""))
        chains = json.loads(out)["bottlenecks"]["chains"]
        captive = [(c["commodity"], row) for c in chains for row in c["captive"]]
        self.assertTrue(captive)
        for chain, row in captive:
            rc, out, err = run("shock", EXAMPLE, "--remove", row["actor"], "-f", "json",
                               "--chain", chain)
            self.assertEqual((rc, err), (0, ""))
            result = json.loads(out)["chains"][0]
            self.assertEqual(result["commodity"], chain)
            self.assertEqual(result["removed"], [row["actor"]])
            self.assertEqual(result["stranded"], row["producers"])
            self.assertAlmostEqual(result["stranded_supply"], row["supply"], delta=1e-9)
            self.assertGreaterEqual(result["loss"], 0)
            self.assertLessEqual(result["max_flow_after"], result["max_flow_before"])

    def test_errors(self):
        rc, out, err = run("shock", self.path, "--remove", "proc,nope")
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(err, f'marketgraph shock: {self.path}: remove: unknown actor "nope"\n')
        # Arguments are UTF-8 whatever the environment's locale (none here).
        rc, out, err = run("shock", self.path, "--remove", "caf\u00e9", env={})
        self.assertEqual((rc, out), (1, ""))
        self.assertEqual(err, f'marketgraph shock: {self.path}: remove: unknown actor '
                              '"caf\u00e9"\n')
        rc, out, err = run("shock", self.path)
        self.assertEqual((rc, out), (2, ""))
        self.assertEqual(err, "marketgraph shock: missing --remove ID[,ID...] "
                              "(try 'marketgraph shock --help')\n")
        rc, out, err = run("shock", self.path, "--remove", "proc,,trader")
        self.assertEqual(rc, 2)
        self.assertEqual(err, "marketgraph shock: --remove: empty actor id in \"proc,,trader\" "
                              "(try 'marketgraph shock --help')\n")
        rc, out, err = run("shock", self.path, "--remove", "proc", "--format", "xml")
        self.assertEqual(rc, 2)
        self.assertEqual(err, "marketgraph shock: unknown format \"xml\", expected text or json "
                              "(try 'marketgraph shock --help')\n")
        rc, out, err = run("shock", "--remove", "proc")
        self.assertEqual(rc, 2)
        self.assertIn("missing FILE", err)
        rc, out, err = run("shock", os.path.join(self.dir.name, "absent.json"), "-r", "proc")
        self.assertEqual(rc, 1)

    def test_help_lists_shock(self):
        rc, out, err = run("--help")
        self.assertEqual(rc, 0)
        self.assertIn("shock", out)


if __name__ == "__main__":
    unittest.main()
