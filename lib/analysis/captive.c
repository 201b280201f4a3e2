/* marketgraph: captive producers (post-dominators from a super-sink),
 * stranded producers and gatekeepers (dominators from a super-source).
 * The dominator trees come from dominators.c; here they become the result.
 * SPDX-License-Identifier: MIT */
#include "flow-private.h" /* mkg__check_supply */
#include "structure-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX

struct mkg_captive {
	mkg__ids *ids;             /* a reference to the graph's copy of the node ids */
	GStringChunk *strings;     /* copies of the ids of stranded actors that are no node */
	size_t count;
	mkg_captive_actor *rows;   /* by supply descending, ties by id */
	size_t *first;             /* rows[i]'s producers: producers[first[i] ..] */
	const char **producers;    /* sources in post-dominator-tree preorder */
	size_t stranded_count;
	const char **stranded;     /* byte order */
	double stranded_supply;
	size_t gate_count;
	mkg_gatekeeper *gates;     /* by sink id */
};

/* ---- the result ------------------------------------------------------------ */

static double
source_supply(const mkg_model *m, const mkg_graph *g, mkg_idx a)
{
	double s = MKG_ACTOR(m, a)->supply;

	if (!isnan(s))
		return s;
	return g->actor_node[a] == NONE ? 0.0 : g->node_sold[g->actor_node[a]];
}

typedef struct captive_key {
	double supply;
	const char *id;
	size_t index;
} captive_key;

static int
cmp_captive(const void *a, const void *b)
{
	const captive_key *x = a, *y = b;

	if (x->supply != y->supply)
		return x->supply > y->supply ? -1 : 1;
	return strcmp(x->id, y->id);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
cmp_gate(const void *a, const void *b)
{
	return strcmp(((const mkg_gatekeeper *)a)->sink, ((const mkg_gatekeeper *)b)->sink);
}

static const char *
node_id(const mkg_captive *c, uint32_t v)
{
	return c->ids->id[v];
}

/*
 * Captive producers from the post-dominator tree t (root: the super-sink).
 * own[i]: 1 when vertex i is a source.  Subtree counts and supplies add up
 * in reverse preorder (idom[i] < i); the producers of each actor are one
 * range of the sources listed in a preorder walk of the tree itself.
 */
static void
captive_from_tree(mkg_captive *c, const mkg__domtree *t, const uint8_t *own, const double *supply)
{
	uint32_t count = t->count, i, k;
	size_t *sub_count = g_new0(size_t, count);
	double *sub_supply = g_new0(double, count);
	uint32_t *child_start = g_new0(uint32_t, count + 1);
	uint32_t *child = g_new(uint32_t, count);
	uint32_t *stack = g_new(uint32_t, count);
	size_t *range_first = g_new(size_t, count);
	GPtrArray *producers = g_ptr_array_new();
	captive_key *keys;
	uint32_t sp = 0;
	size_t listed = 0, r;

	for (i = count - 1; i >= 1; i--) {
		uint32_t p = t->idom[i];

		sub_count[p] += sub_count[i] + own[i];
		sub_supply[p] += sub_supply[i] + (own[i] ? supply[i] : 0.0);
	}
	/* Children by counting sort, then a preorder walk of the tree. */
	for (i = 1; i < count; i++)
		child_start[t->idom[i]]++;
	for (i = 0, k = 0; i <= count - 1; i++) {
		uint32_t c2 = child_start[i];

		child_start[i] = k;
		k += c2;
	}
	child_start[count] = k;
	for (i = 1; i < count; i++)
		child[child_start[t->idom[i]]++] = i;
	for (i = count; i > 0; i--)
		child_start[i] = child_start[i - 1];
	child_start[0] = 0;
	stack[sp++] = 0;
	while (sp > 0) {
		uint32_t v = stack[--sp];

		/* Sources whose immediate post-dominator is the super-sink are
		 * nobody's captives: leaving them out keeps every range whole. */
		if (v != 0 && own[v] && t->idom[v] != 0)
			g_ptr_array_add(producers, (gpointer)node_id(c, t->vert[v]));
		range_first[v] = producers->len;
		if (sub_count[v] > 0 && v != 0)
			listed++;
		for (k = child_start[v + 1]; k > child_start[v]; k--)
			stack[sp++] = child[k - 1];
	}

	keys = g_new(captive_key, listed ? listed : 1);
	for (i = 1, r = 0; i < count; i++) {
		if (sub_count[i] == 0)
			continue;
		keys[r].supply = sub_supply[i];
		keys[r].id = node_id(c, t->vert[i]);
		keys[r++].index = i;
	}
	qsort(keys, listed, sizeof *keys, cmp_captive);
	c->count = listed;
	c->rows = g_new(mkg_captive_actor, listed ? listed : 1);
	c->first = g_new(size_t, listed ? listed : 1);
	for (r = 0; r < listed; r++) {
		uint32_t v = (uint32_t)keys[r].index;

		c->rows[r].actor = keys[r].id;
		c->rows[r].producers = sub_count[v];
		c->rows[r].supply = sub_supply[v];
		c->first[r] = range_first[v];
	}
	c->producers = (const char **)g_ptr_array_free(producers, FALSE);
	g_free(keys);
	g_free(sub_count);
	g_free(sub_supply);
	g_free(child_start);
	g_free(child);
	g_free(stack);
	g_free(range_first);
}

/* Sources with no route to a sink: not nodes, or not reached from T. */
static void
stranded(mkg_captive *c, const mkg_model *m, const mkg_graph *g, const mkg__domtree *t,
         const uint8_t *role)
{
	GPtrArray *list = g_ptr_array_new();
	double supply = 0.0;

	for (guint a = 0; a < m->actors->len; a++) {
		uint32_t v = g->actor_node[a];

		if (!(role[a] & MKG__ROLE_SOURCE))
			continue;
		if (v != NONE && t->num[v] != NONE)
			continue;
		if (v == NONE && (role[a] & MKG__ROLE_SINK))
			continue; /* a sink itself: the empty route */
		g_ptr_array_add(list, (gpointer)MKG_ACTOR(m, a)->id);
	}
	if (list->len > 1)
		qsort(list->pdata, list->len, sizeof(gpointer), cmp_str);
	c->stranded_count = list->len;
	c->stranded = g_new(const char *, list->len ? list->len : 1);
	for (guint i = 0; i < list->len; i++) {
		const char *id = g_ptr_array_index(list, i);

		mkg_idx a = mkg__model_actor_lookup(m, id);

		supply += source_supply(m, g, a);
		c->stranded[i] = g->actor_node[a] != NONE ? node_id(c, g->actor_node[a])
		                                          : g_string_chunk_insert(c->strings, id);
	}
	c->stranded_supply = supply;
	g_ptr_array_free(list, TRUE);
}

/* The gatekeeper of each reached sink: its immediate dominator unless
 * that is the super-source. */
static void
gatekeepers(mkg_captive *c, const mkg_graph *g, const mkg__domtree *t, const uint8_t *nrole)
{
	GArray *list = g_array_new(FALSE, FALSE, sizeof(mkg_gatekeeper));

	for (uint32_t v = 0; v < g->n; v++) {
		uint32_t i = t->num[v];
		mkg_gatekeeper k;

		if (!(nrole[v] & MKG__ROLE_SINK) || i == NONE || t->idom[i] == 0)
			continue;
		k.sink = node_id(c, v);
		k.actor = node_id(c, t->vert[t->idom[i]]);
		g_array_append_val(list, k);
	}
	if (list->len > 1)
		qsort(list->data, list->len, sizeof(mkg_gatekeeper), cmp_gate);
	c->gate_count = list->len;
	c->gates = (mkg_gatekeeper *)(void *)g_array_free(list, FALSE);
}

/* The nodes with a role bit, in node order. */
static uint32_t *
nodes_with(const mkg_graph *g, const uint8_t *nrole, uint8_t bit, uint32_t *count)
{
	uint32_t *list = g_new(uint32_t, g->n ? g->n : 1), k = 0;

	for (uint32_t v = 0; v < g->n; v++)
		if (nrole[v] & bit)
			list[k++] = v;
	*count = k;
	return list;
}

int
mkg_captive_new(mkg_captive **out, const mkg_model *model, const mkg_bottlenecks_options *opts)
{
	mkg_bottlenecks_options o;
	const mkg_graph *g;
	uint8_t *role = NULL, *nrole, *root_pred, *own;
	uint32_t *sinks, *sources, nsinks, nsources, i;
	double *supply;
	mkg__flowgraph f;
	mkg__domtree post, pre;
	mkg_captive *c;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS(G_STRFUNC, mkg_bottlenecks_options, MKG_BOTTLENECKS_OPTIONS, opts, &o);
	if ((rc = mkg__graph_get(model, o.chain, "captive", &g)) != MKG_OK)
		return rc;
	rc = mkg__graph_roles(g, model, o.sources, o.source_count, o.sinks, o.sink_count, &role);
	if (rc != MKG_OK)
		return rc;
	/* the subtrees' and the stranded sources' supplies are parts of the
	 * sources' total: checked once here */
	if ((rc = mkg__check_supply(model, g, role, "captive")) != MKG_OK) {
		g_free(role);
		return rc;
	}
	nrole = g_new(uint8_t, g->n ? g->n : 1);
	for (i = 0; i < g->n; i++)
		nrole[i] = role[g->node_actor[i]];
	sinks = nodes_with(g, nrole, MKG__ROLE_SINK, &nsinks);
	sources = nodes_with(g, nrole, MKG__ROLE_SOURCE, &nsources);
	root_pred = g_new(uint8_t, g->n ? g->n : 1);

	/* Post-dominators: the reversed graph from T, whose successors are
	 * the sinks. */
	for (i = 0; i < g->n; i++)
		root_pred[i] = (nrole[i] & MKG__ROLE_SINK) != 0;
	f = (mkg__flowgraph){ g->n, g->in_start, g->in_tail, g->out_start, g->arc_head,
	                 sinks, nsinks, root_pred };
	mkg__dominators(&f, &post);

	c = g_new0(mkg_captive, 1);
	c->ids = mkg__ids_ref(mkg__graph_ids(g, model));
	c->strings = g_string_chunk_new(1024);
	own = g_new(uint8_t, post.count);
	supply = g_new(double, post.count);
	for (i = 0; i < post.count; i++) {
		uint32_t v = post.vert[i];

		own[i] = i > 0 && (nrole[v] & MKG__ROLE_SOURCE);
		supply[i] = own[i] ? source_supply(model, g, g->node_actor[v]) : 0.0;
	}
	captive_from_tree(c, &post, own, supply);
	stranded(c, model, g, &post, role);
	g_free(own);
	g_free(supply);
	mkg__domtree_clear(&post);

	/* Dominators: the graph from S, whose successors are the sources. */
	for (i = 0; i < g->n; i++)
		root_pred[i] = (nrole[i] & MKG__ROLE_SOURCE) != 0;
	f = (mkg__flowgraph){ g->n, g->out_start, g->arc_head, g->in_start, g->in_tail,
	                 sources, nsources, root_pred };
	mkg__dominators(&f, &pre);
	gatekeepers(c, g, &pre, nrole);
	mkg__domtree_clear(&pre);

	g_free(root_pred);
	g_free(sinks);
	g_free(sources);
	g_free(nrole);
	g_free(role);
	*out = c;
	return MKG_OK;
}

void
mkg_captive_free(mkg_captive *c)
{
	if (c == NULL)
		return;
	mkg__ids_unref(c->ids);
	g_string_chunk_free(c->strings);
	g_free(c->rows);
	g_free(c->first);
	g_free(c->producers);
	g_free(c->stranded);
	g_free(c->gates);
	g_free(c);
}

size_t
mkg_captive_count(const mkg_captive *c)
{
	return c ? c->count : 0;
}

const mkg_captive_actor *
mkg_captive_at(const mkg_captive *c, size_t i)
{
	return c && i < c->count ? &c->rows[i] : NULL;
}

const char *
mkg_captive_producer_at(const mkg_captive *c, size_t i, size_t j)
{
	return c && i < c->count && j < c->rows[i].producers ? c->producers[c->first[i] + j]
	                                                     : NULL;
}

size_t
mkg_captive_stranded_count(const mkg_captive *c)
{
	return c ? c->stranded_count : 0;
}

const char *
mkg_captive_stranded_at(const mkg_captive *c, size_t i)
{
	return c && i < c->stranded_count ? c->stranded[i] : NULL;
}

double
mkg_captive_stranded_supply(const mkg_captive *c)
{
	return c ? c->stranded_supply : MKG_ABSENT;
}

size_t
mkg_captive_gatekeeper_count(const mkg_captive *c)
{
	return c ? c->gate_count : 0;
}

const mkg_gatekeeper *
mkg_captive_gatekeeper_at(const mkg_captive *c, size_t i)
{
	return c && i < c->gate_count ? &c->gates[i] : NULL;
}
