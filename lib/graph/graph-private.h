/* marketgraph: the produce graph view.  Never installed.
 *
 * The produce graph (analyses.md, "Terms"): arcs are the non-service
 * transactions seller -> buyer, parallel transactions of one ordered pair
 * (any commodity) merged into one arc (volumes, values and capacities added;
 * unbounded if any merged transaction has none); nodes are the actors that
 * appear in at least one such transaction.
 *
 * Stored as compressed adjacency arrays in both directions (CSR), built in
 * O(V + E) from the model and cached in it until the model changes.  Every
 * bottleneck algorithm runs on this view, never on the model's records.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_GRAPH_PRIVATE_H
#define MKG_GRAPH_PRIVATE_H

#include "model-private.h"

typedef struct mkg_graph {
	uint32_t n;              /* nodes */
	uint32_t m;              /* merged arcs */
	mkg_idx *node_actor;     /* [n] node -> actor index */
	uint32_t *actor_node;    /* [actor count] actor -> node, UINT32_MAX if not a node */

	uint32_t *out_start;     /* [n + 1] arcs of node v are out_start[v] .. out_start[v+1]-1 */
	uint32_t *arc_head;      /* [m] target node of each arc (arcs sorted by tail) */
	uint32_t *arc_tail;      /* [m] source node of each arc */
	double *arc_volume;      /* [m] summed volume (absent volumes count 0) */
	double *arc_value;       /* [m] summed value (absent values count 0) */
	double *arc_capacity;    /* [m] summed capacity, INFINITY when unbounded */

	uint32_t *in_start;      /* [n + 1] */
	uint32_t *in_arc;        /* [m] arc ids entering each node, grouped by head */
} mkg_graph;

/*
 * The produce graph of m: built on first use and cached in the model until
 * m->revision changes.  Borrowed: valid until the model is modified or
 * freed.  Safe to call from several threads on one unmodified model.
 */
const mkg_graph *mkg__graph_get(const mkg_model *m);

/* Build a graph that the caller owns (tests, benchmarks). */
mkg_graph *mkg__graph_build(const mkg_model *m);
void mkg__graph_free(mkg_graph *g);

#endif /* MKG_GRAPH_PRIVATE_H */
