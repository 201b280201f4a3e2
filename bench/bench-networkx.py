#!/usr/bin/env python3
"""Time NetworkX on the graph that bench-bottlenecks wrote (-o EDGES).

    python3 bench/bench-networkx.py EDGES [--runs 5] [--pivots 256] [--exact-max 1000]

Prints `row<TAB>networkx<TAB>median seconds<TAB>runs` lines, the rows of
bench-bottlenecks: graph_view (DiGraph from the produce transactions,
parallel ones merged by NetworkX), cutpoints (articulation points and
bridges of the undirected simple graph), dominators (immediate dominators
from a super-sink on the reversed graph and from a super-source),
betweenness_sampled (k pivots, NetworkX's own sampling, plus the source-to-sink
variant from k sampled producers), betweenness_exact (both, up to --exact-max
nodes) and throughput (volume in and out of every node).
Graph preparation that is not the analysis (the undirected copy, the
super-source and super-sink) is not timed.
"""
import argparse
import random
import statistics
import sys
import time

import networkx as nx


def read(path):
    kinds, edges = {}, []
    with open(path) as f:
        for line in f:
            p = line.split()
            if p[0] == "k":
                kinds[int(p[1])] = p[2]
            elif p[0] == "e":
                edges.append((int(p[1]), int(p[2]), float(p[3])))
    return kinds, edges


def timed(fn, runs):
    times = []
    result = None
    for _ in range(runs):
        t0 = time.process_time()  # CPU time, as bench-bottlenecks
        result = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), result


def emit(row, seconds, runs):
    print("%s\tnetworkx\t%.6f\t%d" % (row, seconds, runs), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("edges")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pivots", type=int, default=256)
    ap.add_argument("--exact-max", type=int, default=1000)
    ap.add_argument("--skip", default="", help="comma-separated rows not to run")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    kinds, edges = read(args.edges)
    runs = args.runs

    def build():
        g = nx.DiGraph()
        for u, v, w in edges:
            if g.has_edge(u, v):
                g[u][v]["volume"] += w
            else:
                g.add_edge(u, v, volume=w)
        return g

    t, G = timed(build, runs)
    emit("graph_view", t, runs)

    if "cutpoints" not in skip:
        U = nx.Graph(G)  # simple undirected graph: each pair once
        t, _ = timed(lambda: (list(nx.articulation_points(U)), list(nx.bridges(U))), runs)
        emit("cutpoints", t, runs)
        del U

    if "dominators" not in skip:
        post = G.reverse(copy=True)
        post.add_edges_from(("T", v) for v in G if kinds[v] == "end_market")
        pre = nx.DiGraph(G)
        pre.add_edges_from(("S", v) for v in G if kinds[v] == "producer")
        t, _ = timed(lambda: (nx.immediate_dominators(post, "T"),
                              nx.immediate_dominators(pre, "S")), runs)
        emit("dominators", t, runs)
        del post, pre

    # Both columns, as bench-bottlenecks: all pairs, and producers to end markets.
    producers = [v for v in G if kinds[v] == "producer"]
    markets = [v for v in G if kinds[v] == "end_market"]
    if "betweenness_sampled" not in skip:
        k = min(args.pivots, G.number_of_nodes())
        rng = random.Random(1)
        piv = rng.sample(producers, min(args.pivots, len(producers)))
        t, _ = timed(lambda: (nx.betweenness_centrality(G, k=k, normalized=False, seed=1),
                              nx.betweenness_centrality_subset(G, piv, markets,
                                                               normalized=False)), runs)
        emit("betweenness_sampled", t, runs)

    if "betweenness_exact" not in skip and G.number_of_nodes() <= args.exact_max:
        t, _ = timed(lambda: (nx.betweenness_centrality(G, normalized=False),
                              nx.betweenness_centrality_subset(G, producers, markets,
                                                               normalized=False)), runs)
        emit("betweenness_exact", t, runs)

    if "throughput" not in skip:
        t, _ = timed(lambda: (dict(G.in_degree(weight="volume")),
                              dict(G.out_degree(weight="volume"))), runs)
        emit("throughput", t, runs)


if __name__ == "__main__":
    sys.exit(main())
