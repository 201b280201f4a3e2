"""The GROUP BY of docs/sql/exchanges-to-jsonl.sql, run by sqlite3 on a
generated exchange log, gives the same model as `marketgraph --aggregate`
on the same log (docs/scaling.md).

The log: seeded random exchanges among a few producers, traders and end
markets, ids with quotes, backslashes and UTF-8, levels and periods often
absent, volumes and values sometimes absent.  Volumes and values are
multiples of 0.5 below 2^40, so every sum is exact in a double whatever
the order of addition, and sqlite3's 15-digit text form of a sum reads
back to the same double.  Both streams are exported by `marketgraph
export` and compared byte for byte, then checked against sums computed
here.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest

MARKETGRAPH = os.environ["MARKETGRAPH"]
SQL = os.path.join(os.environ["MKG_SOURCE_ROOT"], "docs", "sql", "exchanges-to-jsonl.sql")
SQLITE3 = shutil.which("sqlite3")


def sql_text(s):
    return "NULL" if s is None else "'" + s.replace("'", "''") + "'"


def sql_number(x):
    return "NULL" if x is None else repr(x)


class AggregateSql(unittest.TestCase):
    def setUp(self):
        if SQLITE3 is None:
            self.skipTest("sqlite3 is not installed (tools/dev/install-deps.sh test)")
        self.dir = tempfile.mkdtemp(prefix="mkg-sql-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def run_ok(self, args, **kw):
        p = subprocess.run(args, capture_output=True, **kw)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        return p.stdout

    def test_sql_equals_aggregate(self):
        rng = random.Random(15)
        sellers = ["farm \"north\"", "farm\\south", "coop-é", "f4", "f5"]
        buyers = ["trader 'A'", "trader-B", "mill"]
        header = {"format": "marketgraph", "version": 1, "volume_unit": "t", "period": "2024"}
        actors = [{"record": "actor", "id": s, "kind": "producer"} for s in sellers]
        actors += [{"record": "actor", "id": b, "kind": "trader"} for b in buyers]
        exchanges = []
        for seq in range(1, 601):
            e = {"seller": rng.choice(sellers), "buyer": rng.choice(buyers),
                 "commodity": rng.choice(["maize", "beans"]),
                 "level": rng.choice([None, None, "farm gate", "village"]),
                 "period": rng.choice([None, "2024-01", "2024-02"]),
                 "volume": rng.choice([None, rng.randrange(1, 2000) / 2]),
                 "value": rng.choice([None, rng.randrange(1, 10 ** 6) / 2])}
            if e["volume"] is None and e["value"] is None:
                e["value"] = 1.5
            exchanges.append(e)

        def line(obj):
            return json.dumps({k: v for k, v in obj.items() if v is not None},
                              ensure_ascii=False)

        head = [line(header)] + [line(a) for a in actors]
        log = os.path.join(self.dir, "log.jsonl")
        with open(log, "w", encoding="utf-8") as f:
            f.write("\n".join(head) + "\n")
            for i, e in enumerate(exchanges):
                f.write(line(dict(record="transaction", id="x%d" % i, **e)) + "\n")

        # The same log as a table, and the SQL of the docs run on it.
        script = ["CREATE TABLE exchanges(seq INTEGER, seller VARCHAR(256), buyer VARCHAR(256),"
                  " commodity VARCHAR(256), level VARCHAR(256), period VARCHAR(64),"
                  " volume DOUBLE PRECISION, value DOUBLE PRECISION);", "BEGIN;"]
        for seq, e in enumerate(exchanges, 1):
            script.append("INSERT INTO exchanges VALUES (%d, %s, %s, %s, %s, %s, %s, %s);" % (
                seq, sql_text(e["seller"]), sql_text(e["buyer"]), sql_text(e["commodity"]),
                sql_text(e["level"]), sql_text(e["period"]), sql_number(e["volume"]),
                sql_number(e["value"])))
        script.append("COMMIT;")
        with open(SQL, encoding="utf-8") as f:
            script.append(f.read())
        out = self.run_ok([SQLITE3, "-batch", ":memory:"],
                          input="\n".join(script).encode("utf-8"))
        merged = os.path.join(self.dir, "merged.jsonl")
        with open(merged, "wb") as f:
            f.write(("\n".join(head) + "\n").encode("utf-8") + out)

        by_marketgraph = self.run_ok([MARKETGRAPH, "export", "--aggregate", log])
        by_sql = self.run_ok([MARKETGRAPH, "export", merged])
        self.assertEqual(by_marketgraph.decode("utf-8"), by_sql.decode("utf-8"))

        # And both are the sums computed here, in the order of first exchange.
        groups = {}
        for e in exchanges:
            key = (e["seller"], e["buyer"], e["commodity"], e["level"], e["period"])
            g = groups.setdefault(key, {"volume": None, "value": None, "n": 0})
            for k in ("volume", "value"):
                if e[k] is not None:
                    g[k] = e[k] if g[k] is None else g[k] + e[k]
            g["n"] += 1
        model = json.loads(by_marketgraph)
        txs = model["transactions"]
        self.assertEqual(len(txs), len(groups))
        self.assertLess(len(groups), len(exchanges))  # something was merged
        for i, (key, g) in enumerate(groups.items()):
            t = txs[i]
            self.assertEqual(t["id"], "t%d" % (i + 1))
            self.assertEqual((t["seller"], t["buyer"], t["commodity"], t.get("level"),
                              t.get("period")), key)
            self.assertEqual(t.get("volume"), g["volume"])
            self.assertEqual(t.get("value"), g["value"])
            self.assertEqual(t["attributes"], {"exchanges": g["n"]})


if __name__ == "__main__":
    unittest.main()
