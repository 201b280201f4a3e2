#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The scaling benchmark of `analyze` (docs/performance.md): is every
section linear or n log n, and does memory stay within 3x the input?

    python3 bench/scaling.py --driver BUILD/bench/scaling-driver \\
        [--sizes 125000,250000,500000,1000000] [--dir /tmp/scaling] [--threads N]

For each size n (actors; 3 transactions per actor) it writes the model with
bench/gen-model.py (kept in --dir and reused when already there), runs
scaling-driver on it for the JSON report (streamed to a file) and for the
text report, and prints, per section, the CPU time (user + system; on a busy
machine the steadier figure) at each size and the ratio t(2n)/t(n) between
successive sizes: about 2 for a linear section, a little more for n log n,
4 for a quadratic one.  Then the import time, the whole analysis against
the import, and the peak resident set size against the input's size.
Sections under 0.05 s are too small for a ratio (shown as "-").
Standard library only.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def model(n, directory):
    path = os.path.join(directory, "scaling-%d.json" % n)
    if not os.path.exists(path):
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "gen-model.py"), "--actors",
                            str(n), "--transactions", str(3 * n)], stdout=f, check=True)
        os.rename(tmp, path)
    return path


def run(driver, path, fmt, threads, directory):
    out = os.path.join(directory, "report." + fmt)
    args = [driver, path, fmt, out] + ([str(threads)] if threads else [])
    done = subprocess.run(args, capture_output=True, check=True)
    result = json.loads(done.stdout)
    result["output_bytes"] = os.path.getsize(out)
    os.remove(out)
    return result


def ratio(a, b):
    return "%.2f" % (b / a) if a >= 0.05 else "-"


def table(fmt, sizes, runs):
    print("\n### %s report\n" % fmt)
    sections = list(runs[0]["sections"])
    head = ["section"] + ["%d actors" % n for n in sizes] + [
        "t(%dk)/t(%dk)" % (b // 1000, a // 1000) for a, b in zip(sizes, sizes[1:])]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    rows = sections + ["analysis", "import"]
    for s in rows:
        t = [(r["sections"][s] if s in sections else r[s])["cpu"] for r in runs]
        print("| " + " | ".join([s] + ["%.2f s" % x for x in t] +
                                [ratio(a, b) for a, b in zip(t, t[1:])]) + " |")
    print("| analysis / import | " + " | ".join(
        "%.2f" % (r["analysis"]["cpu"] / r["import"]["cpu"]) for r in runs) + " |")
    print("| peak RSS | " + " | ".join("%.0f MB" % (r["peak_rss"] / 1e6) for r in runs) + " |")
    print("| input | " + " | ".join("%.0f MB" % (r["input_bytes"] / 1e6) for r in runs) + " |")
    print("| peak RSS / input | " + " | ".join(
        "%.2f" % (r["peak_rss"] / r["input_bytes"]) for r in runs) + " |")
    print("| output | " + " | ".join("%.1f MB" % (r["output_bytes"] / 1e6) for r in runs) +
          " |")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--driver", required=True, help="the built bench/scaling-driver")
    p.add_argument("--sizes", default="125000,250000,500000,1000000")
    p.add_argument("--dir", default="/tmp/marketgraph-scaling")
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--formats", default="json,text")
    args = p.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    for fmt in args.formats.split(","):
        runs = []
        for n in sizes:
            r = run(args.driver, model(n, args.dir), fmt, args.threads, args.dir)
            print("# %s %d actors: %s" % (fmt, n, json.dumps(r)), file=sys.stderr, flush=True)
            runs.append(r)
        results[fmt] = runs
        table(fmt, sizes, runs)


if __name__ == "__main__":
    main()
