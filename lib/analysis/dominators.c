/* marketgraph: dominator trees, for the captive producers (captive.c).
 *
 * One SEMI-NCA routine (Georgiadis 2005; the variant
 * LLVM uses): an iterative depth-first search numbers the vertices in
 * preorder, semidominators come from a link-eval forest with path
 * compression, and each immediate dominator is the nearest common ancestor
 * of the DFS parent and the semidominator, found by climbing the partial
 * dominator tree.  O(E log V) for the semidominators; the climbs are
 * near-linear in practice (quadratic only on contrived graphs).  All
 * arrays are indexed by preorder number, so the inner loops stay in a few
 * dense arrays.
 *
 * SPDX-License-Identifier: MIT */
#include "structure-private.h"

#include <string.h>

#define NONE UINT32_MAX

void
mkg__domtree_clear(mkg__domtree *t)
{
	g_free(t->vert);
	g_free(t->num);
	g_free(t->idom);
}

/* Preorder numbers by an iterative depth-first search from the root. */
static uint32_t
number(const mkg__flowgraph *f, mkg__domtree *t, uint32_t *parent)
{
	uint32_t n = f->n, count = 1, sp = 0;
	uint32_t *stack = g_new(uint32_t, n + 1);
	uint32_t *pos = g_new(uint32_t, n + 1);

	memset(t->num, 0xff, (n ? n : 1) * sizeof *t->num);
	t->vert[0] = n;
	parent[0] = 0;
	stack[sp] = n;
	pos[sp++] = 0;
	while (sp > 0) {
		uint32_t v = stack[sp - 1], i = pos[sp - 1], end, w = NONE;
		const uint32_t *adj;

		if (v == n) {
			adj = f->root_succ;
			end = f->root_succ_count;
		} else {
			adj = f->succ + f->succ_start[v];
			end = f->succ_start[v + 1] - f->succ_start[v];
		}
		while (i < end && t->num[adj[i]] != NONE)
			i++;
		if (i == end) {
			sp--;
			continue;
		}
		w = adj[i];
		pos[sp - 1] = i + 1;
		t->num[w] = count;
		t->vert[count] = w;
		parent[count] = v == n ? 0 : t->num[v];
		count++;
		stack[sp] = w;
		pos[sp++] = 0;
	}
	g_free(stack);
	g_free(pos);
	return count;
}

/*
 * The vertex of least semidominator on the forest path from x up to, not
 * including, the root of its tree; vertices numbered >= last are linked to
 * their DFS parent.  Compresses the path (anc) as it goes.
 */
static inline uint32_t
eval(uint32_t x, uint32_t last, uint32_t *anc, uint32_t *label, const uint32_t *semi,
     uint32_t *stack)
{
	uint32_t sp = 0, p, plabel, y;

	if (anc[x] < last)
		return label[x];
	do {
		stack[sp++] = x;
		x = anc[x];
	} while (anc[x] >= last);
	p = x;
	plabel = label[p];
	do {
		y = stack[--sp];
		anc[y] = anc[p];
		if (semi[plabel] < semi[label[y]])
			label[y] = plabel;
		else
			plabel = label[y];
		p = y;
	} while (sp > 0);
	return label[y];
}

void
mkg__dominators(const mkg__flowgraph *f, mkg__domtree *t)
{
	uint32_t n = f->n, count, i;
	uint32_t *anc, *semi, *label, *stack;

	t->vert = g_new(uint32_t, n + 1);
	t->num = g_new(uint32_t, n ? n : 1);
	t->idom = g_new(uint32_t, n + 1);
	/* idom starts as the DFS parent, which anc then compresses. */
	count = number(f, t, t->idom);
	t->count = count;
	anc = g_memdup2(t->idom, count * sizeof *anc);
	semi = g_new(uint32_t, count);
	label = g_new(uint32_t, count);
	stack = g_new(uint32_t, count);
	for (i = 0; i < count; i++)
		semi[i] = label[i] = i;

	for (i = count - 1; i >= 1; i--) {
		uint32_t w = t->vert[i], s = t->idom[i], k;

		for (k = f->pred_start[w]; k < f->pred_start[w + 1]; k++) {
			uint32_t j = t->num[f->pred[k]], u;

			if (j == NONE)
				continue;
			u = eval(j, i + 1, anc, label, semi, stack);
			if (semi[u] < s)
				s = semi[u];
		}
		if (f->flag[w])
			s = 0; /* the root is a predecessor */
		semi[i] = s;
	}
	for (i = 1; i < count; i++) {
		uint32_t d = t->idom[i];

		while (d > semi[i])
			d = t->idom[d];
		t->idom[i] = d;
	}
	g_free(anc);
	g_free(semi);
	g_free(label);
	g_free(stack);
}
