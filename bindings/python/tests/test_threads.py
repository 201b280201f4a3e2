# SPDX-License-Identifier: MIT
"""Threads: two models in two threads run at once (ctypes releases the GIL
during C calls) and each thread sees its own results and error messages."""

import json
import threading
import unittest

import marketgraph as mg
from support import SAMPLE, sample

ROUNDS = 200


def variant():
    """SAMPLE with other volumes, so the two threads' reports differ."""
    doc = sample()
    for t in doc["transactions"]:
        if "volume" in t:
            t["volume"] *= 3
    doc["name"] = "variant"
    return doc


def run_in_threads(*targets):
    errors = []
    barrier = threading.Barrier(len(targets))

    def wrap(target):
        try:
            barrier.wait()
            target()
        except BaseException as e:  # reported in the main thread
            errors.append(e)
    threads = [threading.Thread(target=wrap, args=(t,)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


class Threads(unittest.TestCase):
    def test_two_models_two_threads(self):
        docs = [sample(), variant()]
        expected = [mg.from_dict(d).report(exit_date="2006") for d in docs]
        self.assertNotEqual(expected[0], expected[1])
        texts = [json.dumps(d) for d in docs]
        results = [[], []]

        def work(k):
            def target():
                model = mg.loads(texts[k])
                for i in range(ROUNDS):
                    results[k].append(model.report(exit_date="2006"))
                    # each thread's failure carries its own message
                    bad = "t-%d-%d" % (k, i)
                    with self.assertRaises(mg.ValidationError) as cm:
                        model.add_transaction("coop-a", bad, "x", volume=1)
                    self.assertEqual(str(cm.exception),
                                     'transactions[5].buyer: unknown actor "%s"' % bad)
            return target
        run_in_threads(work(0), work(1))
        for k in (0, 1):
            self.assertEqual(len(results[k]), ROUNDS)
            for r in results[k]:
                self.assertEqual(r, expected[k])

    def test_one_model_shared(self):
        # calls on one model are serialised: a writer and a reader never
        # see a half-changed model, and close() waits for a running call
        m = mg.from_dict(SAMPLE)
        added = 300

        def writer():
            for i in range(added):
                m.add_actor("extra-%d" % i, "trader")

        def reader():
            last = 0
            for _ in range(added):
                n = len(m.actors)
                self.assertGreaterEqual(n, last)
                last = n
                doc = json.loads(m.to_json())
                self.assertEqual(len(doc["actors"]), len({a["id"] for a in doc["actors"]}))
                m.report()
        run_in_threads(writer, reader)
        self.assertEqual(len(m.actors), 8 + added)

        def closer():
            m.close()

        def user():
            try:
                for _ in range(100):
                    m.report()
            except ValueError as e:  # closed under it: an exception, never a crash
                self.assertIn("closed", str(e))
        run_in_threads(user, closer)
        self.assertTrue(m.closed)


if __name__ == "__main__":
    unittest.main()
