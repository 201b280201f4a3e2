#!/usr/bin/env python3
"""Import speed of marketgraph beside json-c's DOM parse and Python's
json.load, on the same files in the same run (docs/performance.md).

For each size: gen-model.py writes the document; this script writes the
same model as a JSON Lines stream (header, then one record a line) and
gzips the stream.  Then, in ROUNDS rounds, each reader runs once per file
in turn (so that a busy machine slows them alike): import-bench --reader
json (the document), --reader model (the stream, plain and gzip), --reader
jsonc (json-c's DOM parse of the document) and json.load in a fresh
python3.  The best CPU time (user + system) of each is printed as MB/s of
the file's uncompressed bytes; "x Python" is marketgraph's document import
against json.load on the same document.

    python3 bench/run-import.py --build _b/plain [--sizes 100000x300000,...] [--rounds 3]
                                [--baseline _b/main]

--baseline BUILD also imports the document with another build (of main,
say) in the same rounds: the before and after of a change, one run.
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

PY_LOAD = r"""
import json, sys, time
t = time.process_time()
with open(sys.argv[1], "rb") as f:
    json.load(f)
print(time.process_time() - t)
"""


def to_stream(doc_path, out_path):
    with open(doc_path, encoding="utf-8") as f:
        doc = json.load(f)
    arrays = [("commodities", "commodity"), ("actors", "actor"), ("transactions", "transaction"),
              ("facilitation", "facilitation"), ("memberships", "membership")]
    header = {k: v for k, v in doc.items() if k not in dict(arrays)}
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(json.dumps(header, ensure_ascii=False, separators=(",", ":")) + "\n")
        for key, record in arrays:
            for r in doc.get(key, []):
                line = {"record": record}
                line.update(r)
                out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")


def bench(build, reader, path):
    p = subprocess.run([os.path.join(build, "bench", "import-bench"), "--reader", reader, path, "1"],
                       capture_output=True, text=True, check=True)
    cpu = float(re.search(r"([0-9.]+) s CPU", p.stdout).group(1))
    rss = re.search(r"peak RSS[^:]*: ([0-9.]+) MB", p.stdout)
    return cpu, float(rss.group(1)) if rss else None


def python_load(path):
    p = subprocess.run([sys.executable, "-c", PY_LOAD, path], capture_output=True, text=True,
                       check=True)
    return float(p.stdout), None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--sizes", default="100000x300000,300000x900000")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--baseline", default=None, help="another build to import the document with, in the same rounds")
    ap.add_argument("--dir", default=None, help="where to write the models (default: a temporary directory)")
    args = ap.parse_args()
    work = args.dir or tempfile.mkdtemp(prefix="mkg-import-")
    print("| model | document MB | marketgraph document | stream (.jsonl) | stream (.jsonl.gz) "
          "| json-c DOM parse | Python json.load | x Python | peak RSS (document) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes.split(","):
        actors, transactions = size.split("x")
        doc = os.path.join(work, "model-%s.json" % size)
        stream = os.path.join(work, "model-%s.jsonl" % size)
        packed = stream + ".gz"
        if not os.path.exists(doc):
            with open(doc, "w") as f:
                subprocess.run([sys.executable, os.path.join(HERE, "gen-model.py"), "--actors",
                                actors, "--transactions", transactions], stdout=f, check=True)
        if not os.path.exists(stream):
            to_stream(doc, stream)
            with open(stream, "rb") as f, gzip.open(packed, "wb", compresslevel=6) as g:
                g.write(f.read())
        runs = {
            "json": lambda: bench(args.build, "json", doc),
            "stream": lambda: bench(args.build, "model", stream),
            "gzip": lambda: bench(args.build, "model", packed),
            "jsonc": lambda: bench(args.build, "jsonc", doc),
            "python": lambda: python_load(doc),
        }
        if args.baseline:
            runs["baseline"] = lambda: bench(args.baseline, "json", doc)
        best = {k: (float("inf"), None) for k in runs}
        for _ in range(args.rounds):
            for k, run in runs.items():
                cpu, rss = run()
                if cpu < best[k][0]:
                    best[k] = (cpu, best[k][1])
                if rss is not None:  # the largest of the rounds
                    best[k] = (best[k][0], max(rss, best[k][1] or 0))
        mb = os.path.getsize(doc) / 1e6
        smb = os.path.getsize(stream) / 1e6

        def rate(k, size_mb):
            return "%.0f MB/s (%.2f s)" % (size_mb / best[k][0], best[k][0])

        print("| %s actors, %s transactions | %.1f | %s | %s | %s | %s | %s | %.2f | %.0f MB |" % (
            "{:,}".format(int(actors)), "{:,}".format(int(transactions)), mb, rate("json", mb),
            rate("stream", smb), rate("gzip", smb), rate("jsonc", mb), rate("python", mb),
            best["python"][0] / best["json"][0], best["json"][1]))
        if args.baseline:
            print("|  | baseline build, document: %s, %.2f x Python |" % (
                rate("baseline", mb), best["python"][0] / best["baseline"][0]))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
