# SPDX-License-Identifier: MIT
"""threads= on the single analyses whose C options have a `threads` field
(mkg_concentration_options and mkg_bottlenecks_options, version 2):
concentration(), betweenness() and bottlenecks().  The C library promises
the same result, to the last bit, for any number of workers; a value that
is not an integer raises TypeError, one outside 0 .. 2^32 - 1
InvalidArgumentError (as report(threads=) does)."""

import os
import unittest

import marketgraph as mg
from support import example_models


def chunked():
    """A model large enough for several chunks of 64 per worker: 300
    producers in 3 regions selling maize to 20 traders, who sell to 2 end
    markets, over 70 years: 140 markets (farm gate and trader level each
    year) and one chain of 322 actors (322 betweenness sources); volumes
    vary so that no two markets are alike."""
    actors = [{"id": "p%03d" % i, "kind": "producer", "region": "r%d" % (i % 3)}
              for i in range(300)]
    actors += [{"id": "t%02d" % j, "kind": "trader"} for j in range(20)]
    actors += [{"id": "e%d" % k, "kind": "end_market"} for k in range(2)]
    txs = []
    for i in range(300):
        for n in range(2):
            txs.append({"seller": "p%03d" % i, "buyer": "t%02d" % ((i * 7 + n * 3) % 20),
                        "commodity": "maize", "period": str(2000 + (i + n * 41) % 70),
                        "volume": 1 + (i * 13 + n * 5) % 17})
    for j in range(20):
        for y in range(70):
            if (j + y) % 4 == 0:
                txs.append({"seller": "t%02d" % j, "buyer": "e%d" % (y % 2),
                            "commodity": "maize", "period": str(2000 + y),
                            "volume": 3 + (j * y) % 11})
    return mg.from_dict({"format": "marketgraph", "version": 1, "name": "chunked",
                         "actors": actors, "transactions": txs})


class WorkerThreads(unittest.TestCase):
    def models(self):
        potato = [p for p in example_models() if os.path.basename(p) == "potato-andes.json"]
        self.assertEqual(len(potato), 1)
        return [("potato-andes", mg.load(potato[0])), ("chunked", chunked())]

    def test_one_and_two_threads_agree(self):
        for name, m in self.models():
            with self.subTest(model=name):
                one = m.concentration(threads=1)
                self.assertEqual(m.concentration(threads=2), one)
                self.assertEqual(m.concentration(threads=0), one)
                self.assertEqual(m.concentration(by_region="buyer", threads=2),
                                 m.concentration(by_region="buyer", threads=1))
                # the single analysis agrees with the report's section
                self.assertEqual(m.report(sections="concentration")["concentration"], one)
                self.assertEqual(m.bottlenecks(threads=2), m.bottlenecks(threads=1))
                chain = m.chains()[0]["commodity"]
                self.assertEqual(m.betweenness(chain=chain, threads=2),
                                 m.betweenness(chain=chain, threads=1))
                self.assertEqual(m.betweenness(chain=chain, pivots=16, seed=3, threads=2),
                                 m.betweenness(chain=chain, pivots=16, seed=3, threads=1))
        # the chunked model has more than two chunks of markets and of sources
        big = chunked()
        self.assertEqual(len(big.concentration()), 140)
        self.assertEqual(len(big.betweenness()), 322)

    def test_bad_threads(self):
        m = chunked()
        calls = {"concentration": lambda t: m.concentration(threads=t),
                 "betweenness": lambda t: m.betweenness(threads=t),
                 "bottlenecks": lambda t: m.bottlenecks(threads=t)}
        for name, call in calls.items():
            with self.subTest(analysis=name):
                with self.assertRaises(mg.InvalidArgumentError) as e:
                    call(-1)
                self.assertEqual(str(e.exception),
                                 "threads: must be an integer from 0 to 4294967295, got -1")
                with self.assertRaises(mg.InvalidArgumentError) as e:
                    call(2 ** 32)
                self.assertEqual(str(e.exception), "threads: must be an integer from 0 to "
                                 "4294967295, got 4294967296")
                for bad, kind in (("2", "str"), (1.0, "float"), (True, "bool"), (None,
                                                                                "NoneType")):
                    with self.assertRaises(TypeError) as e:
                        call(bad)
                    self.assertEqual(str(e.exception),
                                     "threads: expected an integer, got %s" % kind)


if __name__ == "__main__":
    unittest.main()
