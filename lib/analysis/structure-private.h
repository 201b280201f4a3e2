/* marketgraph: what the structural bottleneck analyses share (cut points,
 * captive producers, betweenness, throughput).  Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_STRUCTURE_PRIVATE_H
#define MKG_STRUCTURE_PRIVATE_H

#include "graph-private.h"
#include "core-private.h"
#include "marketgraph/bottlenecks.h"

/* ---- dominator trees (dominators.c), for the captive producers ------------ */

/* A flow graph over the n nodes plus a root (vertex n): the successors and
 * predecessors of each node as CSR, the root's successors as a list, and
 * the root as a predecessor of every node v with flag[v] set. */
typedef struct mkg__flowgraph {
	uint32_t n;
	const uint32_t *succ_start, *succ;
	const uint32_t *pred_start, *pred;
	const uint32_t *root_succ;
	uint32_t root_succ_count;
	const uint8_t *flag;
} mkg__flowgraph;

/* The dominator tree of the vertices reachable from the root, by preorder
 * number: vertex 0 is the root; idom[i] < i for i > 0. */
typedef struct mkg__domtree {
	uint32_t count;   /* reachable vertices, the root included */
	uint32_t *vert;   /* [count] number -> node (vert[0] = n) */
	uint32_t *num;    /* [n] node -> number, UINT32_MAX when unreachable */
	uint32_t *idom;   /* [count] */
} mkg__domtree;

/* The dominator tree of f from its root, by SEMI-NCA.  Fills every field
 * of *t; free them with mkg__domtree_clear(). */
void mkg__dominators(const mkg__flowgraph *f, mkg__domtree *t);
void mkg__domtree_clear(mkg__domtree *t);

#endif /* MKG_STRUCTURE_PRIVATE_H */
