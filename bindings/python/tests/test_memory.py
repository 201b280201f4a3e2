# SPDX-License-Identifier: MIT
"""Every C object and string is freed exactly once: loading and analysing a
model 10,000 times leaves the resident memory flat.

Under a sanitizer (MARKETGRAPH_SANITIZED) the loops run shorter and the RSS
is not checked, since the quarantine holds freed memory on purpose; they
still run every free path under ASan's use-after-free and double-free checks."""

import json
import os
import unittest

import marketgraph as mg
from support import SAMPLE

SANITIZED = bool(os.environ.get("MARKETGRAPH_SANITIZED"))
# A leak of 100 bytes per iteration would exceed this; allocator noise stays far below.
SLACK = 1 << 20


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def available(model, names):
    """The analysis methods this library has (the others raise UnsupportedError)."""
    found = []
    for name in names:
        try:
            getattr(model, name)()
        except mg.UnsupportedError:
            continue
        found.append(name)
    return found


class Memory(unittest.TestCase):
    def flat(self, once, iterations):
        for i in range(300):  # warm up: allocator pools, caches, interned strings
            once(i)
        if SANITIZED:
            iterations //= 10
        before = rss()
        for i in range(iterations):
            once(i)
        grown = rss() - before
        print("\n  %s: %d iterations, RSS %d -> %d bytes (%+d)" % (
            self.id().rsplit(".", 1)[-1], iterations, before, before + grown, grown))
        if SANITIZED:
            self.skipTest("RSS is not flat under a sanitizer's quarantine; ran for its checks")
        self.assertLess(grown, SLACK)

    def test_load_and_analyse_10000_times(self):
        text = json.dumps(SAMPLE)
        bad = json.dumps(dict(SAMPLE, version=2))

        def once(i):
            m = mg.loads(text)
            m.report(coalition=["coop-a", "coop-b"], exit_date="2006")
            m.to_json()
            with self.assertRaises(mg.UnsupportedError):
                mg.loads(bad)
            if i % 2:
                m.close()  # else freed by the garbage collector
        self.flat(once, 10000)

    def test_every_analysis_and_view(self):
        # one chain (chips made from native potato), so that every
        # single-chain analysis runs without naming it
        m = mg.from_dict(dict(SAMPLE, commodities=[
            {"id": "native-potato"},
            {"id": "chips", "made_from": "native-potato", "input_per_unit": 4},
            {"id": "training", "service": True}]))
        names = available(m, [
            "report_text", "concentration", "coalitions", "dependency", "cut_points",
            "captive", "betweenness", "throughput", "bottlenecks", "facilitation_mix",
            "exit_readiness", "competing", "payments", "facilitation_analysis", "value",
            "inclusiveness", "groups", "to_dot"])
        names += [n for n in ("shock", "exit_simulation")
                  if ("mkg_%s_new" % n) not in mg._native.missing_functions()]
        args = {"shock": (["proc-x"],), "exit_simulation": ("2006",), "to_dot": (True,)}

        def once(i):
            for name in names:
                getattr(m, name)(*args.get(name, ()))
            for r in m.facilitation:
                r.to_dict()
            with self.assertRaises(mg.ValidationError):
                m.add_actor("coop-a", "trader", tags=["a", "b"], attributes={"k": i})
            with self.assertRaises(mg.InvalidArgumentError):
                m.report(coalition=["nobody"])
        self.flat(once, 2000)


if __name__ == "__main__":
    unittest.main()
