#!/usr/bin/env python3
"""Time NetworkX's maximum flow with its minimum cut on the flow network
that bench-flow wrote (-o NETWORK).

    python3 bench/bench-flow-networkx.py NETWORK [--runs 5]

Prints `maxflow<TAB>networkx<TAB>median wall seconds<TAB>median CPU
seconds<TAB>runs` (the row of bench-flow) and, on standard error, the flow value, which must equal
marketgraph's.  Timed: nx.minimum_cut(G, S, T) (preflow-push, NetworkX's
default), which returns the cut's value and its two sides.  Not timed:
reading the file and building the DiGraph (an arc without a capacity
attribute is unbounded in NetworkX).
"""
import argparse
import statistics
import sys
import time

import networkx as nx


def read(path):
    G = nx.DiGraph()
    with open(path) as f:
        n, s, t = (int(x) for x in f.readline().split()[1:])
        G.add_nodes_from(range(n))
        for line in f:
            _, u, v, c = line.split()
            if c == "inf":
                G.add_edge(int(u), int(v))
            else:
                G.add_edge(int(u), int(v), capacity=float(c))
    return G, s, t


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("network")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    G, s, t = read(args.network)
    times, cpu = [], []
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        value, (reachable, non_reachable) = nx.minimum_cut(G, s, t)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    sys.stderr.write("  networkx: max flow %.17g\n" % value)
    print("maxflow\tnetworkx\t%.6f\t%.6f\t%d" % (statistics.median(times), statistics.median(cpu),
                                                args.runs), flush=True)


if __name__ == "__main__":
    sys.exit(main())
