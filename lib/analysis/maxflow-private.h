/* marketgraph: the maximum-flow core.  Never installed.
 *
 * A residual network in compressed form (the arcs of each node stored
 * together, each with the index of its reverse arc) and a push-relabel
 * solver: highest-label selection, global relabelling by breadth-first
 * search and the gap heuristic (Cherkassky & Goldberg 1997), in two phases:
 * phase 1 finds a maximum preflow (and so the flow value), phase 2 returns
 * the excess left at nodes that cannot reach the sink to the source, which
 * turns the preflow into a maximum flow.  O(n^2 sqrt(m)) time, O(n + m)
 * memory.
 *
 * Capacities are doubles >= 0; INFINITY stands for an unbounded arc and is
 * handled exactly (a push is never larger than a finite excess, so an
 * infinite residual stays infinite and no NaN can arise).
 *
 * Tolerance.  Rounding makes a residual that should be 0 come out as a
 * tiny positive number (0.3 - (0.1 + 0.2)).  The solver therefore treats a
 * residual capacity <= tol as saturated and an excess <= tol as none; the
 * caller passes tol relative to the size of the flow (flow.c uses
 * 1e-12 times the total supply).  Excess below tol may stay at a node
 * ("dust"); it is never more than tol per node.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_MAXFLOW_PRIVATE_H
#define MKG_MAXFLOW_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

/* The top bit of mkg_mf_arc.rev says that the reverse arc's residual is
 * above the tolerance.  Every push keeps it up to date, so that the
 * backward searches of global relabelling need not read the reverse arc
 * (a cache miss per arc). */
#define MKG_MF_REV_OPEN 0x80000000u
#define MKG_MF_REV_INDEX 0x7fffffffu

typedef struct mkg_mf_arc {
	uint32_t head;  /* node the arc enters */
	uint32_t rev;   /* index of the reverse arc (low 31 bits); the top bit is
	                 * set while the reverse arc's residual is above tol */
	double res;     /* residual capacity; INFINITY for an unbounded arc */
} mkg_mf_arc;

typedef struct mkg_mf_net {
	uint32_t n;          /* nodes */
	double tol;          /* residuals and excesses up to tol count as 0 */
	uint32_t arcs;       /* arcs, reverse arcs included (2 per added arc) */
	uint32_t *first;     /* [n + 1]: arcs of v are first[v] .. first[v+1]-1 */
	mkg_mf_arc *arc;     /* [arcs] */
	uint32_t *fill;      /* building only: next free slot of each node */
	uint32_t added;      /* building only: arcs added so far */
} mkg_mf_net;

/*
 * Building, in two passes over the same arcs:
 *   mkg__mf_init(net, n, tol);
 *   for each arc: mkg__mf_reserve(net, u, v);
 *   mkg__mf_layout(net);
 *   for each arc, in any order: a = mkg__mf_add(net, u, v, cap);
 * mkg__mf_add() returns the index of the forward arc (its reverse arc, of
 * capacity 0, is net->arc[a].rev & 0x7fffffff).  Self-loops are not
 * allowed.  The caller keeps the number of arcs below 2^31.  tol >= 0.
 */
void mkg__mf_init(mkg_mf_net *net, uint32_t n, double tol);
void mkg__mf_reserve(mkg_mf_net *net, uint32_t u, uint32_t v);
void mkg__mf_layout(mkg_mf_net *net);
uint32_t mkg__mf_add(mkg_mf_net *net, uint32_t u, uint32_t v, double cap);
void mkg__mf_clear(mkg_mf_net *net);

/*
 * Or take arrays the caller filled (g_malloc'd; the net frees them):
 * first[n + 1] and arc[arcs] where every arc a has a reverse r = arc[a].rev
 * & MKG_MF_REV_INDEX with arc[r].rev & MKG_MF_REV_INDEX == a, heads
 * consistent (arc[r].head is the list that holds a), residuals >= 0, the
 * reverse of an added arc at residual 0, and the MKG_MF_REV_OPEN bit of
 * each arc set exactly when its reverse's residual is above tol.
 */
void mkg__mf_adopt(mkg_mf_net *net, uint32_t n, double tol, uint32_t *first, mkg_mf_arc *arc,
                   uint32_t arcs);

/*
 * Compute a maximum flow from s to t (s != t), leaving it in the residual
 * capacities.  The arcs out of s must be finite.  Store the flow value (the
 * excess that reached t) in *value, and in source_side[v] (n entries, when
 * not NULL) whether v is reachable from s through arcs of residual > tol:
 * the source side of the minimum cut with the fewest nodes, which is
 * unique.
 */
void mkg__mf_solve(mkg_mf_net *net, uint32_t s, uint32_t t, double *value, bool *source_side);

#endif /* MKG_MAXFLOW_PRIVATE_H */
