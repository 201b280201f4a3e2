/* marketgraph: deliverable flow, the maximum flow from the sources to the
 * sinks and the binding constraints on its minimum cut (analyses.md, 2).
 * SPDX-License-Identifier: MIT */
#include "flow-private.h"
#include "maxflow-private.h"
#include "structure-private.h"

#include <string.h>

/* Residual capacities up to this fraction of the total supply count as 0. */
#define FLOW_TOLERANCE 1e-12

static const char *const binding_type_names[] = { "actor", "demand", "transaction" };

const char *
mkg_binding_type_name(mkg_binding_type type)
{
	return (unsigned)type < G_N_ELEMENTS(binding_type_names) ? binding_type_names[type] : NULL;
}

double
mkg__source_supply(const mkg_model *m, const mkg_graph *g, mkg_idx a)
{
	const mkg_actor_rec *r = MKG_ACTOR(m, a);
	uint32_t v = g->actor_node[a];

	if (!isnan(r->supply))
		return r->supply;
	return v == UINT32_MAX ? 0.0 : g->node_sold[v];
}

/* ---- the flow network ------------------------------------------------------
 *
 * Nodes: the graph's nodes 0 .. n-1 (in-nodes), one out-node n + k for each
 * node whose actor has a capacity, then S and T.  Removed actors keep their
 * node and their arcs, with capacity 0, and get no supply or demand: the
 * network has the graph's shape whatever is removed.
 *
 * The residual network is written straight into its compressed arrays
 * (every write in order, no second pass over the graph): each node's arcs
 * are, for an in-node, [reverse of its supply arc] [split arc] [reverses of
 * its in-arcs]; for an out-node, [reverse of the split arc] [produce arcs]
 * [demand arc]; a node without a capacity holds both, in the order supply
 * reverse, produce arcs, demand arc, in-arc reverses.  S holds the supply
 * arcs and T the demand reverses, in node order. */

typedef struct network {
	const mkg_model *m;
	const mkg_graph *g;
	const uint8_t *role;
	const uint8_t *removed;  /* per actor, or NULL */
	uint32_t *out_node;      /* [n] where a node's out-arcs leave from */
	uint32_t split;          /* nodes with a capacity */
	uint32_t s, t, nodes;
	double *supply;          /* [n] supply of each source node, NaN if not one */
	mkg_mf_net net;
} network;

static inline bool
node_removed(const network *nw, uint32_t v)
{
	return nw->removed != NULL && nw->removed[nw->g->node_actor[v]];
}

static inline bool
has_supply(const network *nw, uint32_t v)
{
	return !isnan(nw->supply[v]) && nw->supply[v] > 0.0;
}

static inline bool
is_sink(const network *nw, uint32_t v)
{
	return (nw->role[nw->g->node_actor[v]] & MKG__ROLE_SINK) && !node_removed(nw, v);
}

/* Capacity of produce arc k (tail u, head w): 0 when either end left. */
static inline double
arc_cap(const network *nw, uint32_t k, uint32_t u, uint32_t w)
{
	return node_removed(nw, u) || node_removed(nw, w) ? 0.0 : nw->g->arc_capacity[k];
}

static inline void
set_pair(mkg_mf_arc *arc, double tol, uint32_t a, uint32_t r, uint32_t u, uint32_t v, double cap)
{
	arc[a] = (mkg_mf_arc){ v, r, cap };
	arc[r] = (mkg_mf_arc){ u, a | (cap > tol ? MKG_MF_REV_OPEN : 0u), 0.0 };
}

static void
network_build(network *nw, double tol)
{
	const mkg_graph *g = nw->g;
	const mkg_model *m = nw->m;
	const uint32_t n = g->n, s = nw->s, t = nw->t;
	uint32_t *first = g_new0(uint32_t, (gsize)nw->nodes + 1);
	uint32_t *fwd = g_new(uint32_t, n ? n : 1);    /* position of v's first produce arc */
	uint32_t *rin = g_new(uint32_t, n ? n : 1);    /* position of v's first in-arc reverse */
	uint32_t *cursor = g_new0(uint32_t, n ? n : 1);
	uint32_t sum = 0, ns = 0, nk = 0;
	mkg_mf_arc *arc;

	/* Sizes of the lists, then their positions. */
	for (uint32_t v = 0; v < n; v++) {
		uint32_t o = nw->out_node[v], src = has_supply(nw, v), snk = is_sink(nw, v);
		uint32_t outdeg = g->out_start[v + 1] - g->out_start[v];
		uint32_t indeg = g->in_start[v + 1] - g->in_start[v];
		if (o != v) {
			first[v] = src + 1 + indeg;
			first[o] = 1 + outdeg + snk;
		} else {
			first[v] = src + outdeg + snk + indeg;
		}
		first[s] += src;
		first[t] += snk;
	}
	for (uint32_t x = 0; x <= nw->nodes; x++) {
		uint32_t c = first[x];
		first[x] = sum;
		sum += c;
	}
	for (uint32_t v = 0; v < n; v++) {
		uint32_t o = nw->out_node[v], src = has_supply(nw, v);
		if (o != v) {
			rin[v] = first[v] + src + 1;
			fwd[v] = first[o] + 1;
		} else {
			fwd[v] = first[v] + src;
			rin[v] = fwd[v] + (g->out_start[v + 1] - g->out_start[v]) + is_sink(nw, v);
		}
	}

	arc = g_new(mkg_mf_arc, sum ? sum : 1);
	/* Supply, split, produce and demand arcs with their reverses, except
	 * the reverses of produce arcs: those come next, in their own order. */
	for (uint32_t v = 0; v < n; v++) {
		const mkg_actor_rec *r = MKG_ACTOR(m, g->node_actor[v]);
		uint32_t o = nw->out_node[v], pos = fwd[v];
		if (has_supply(nw, v))
			set_pair(arc, tol, first[s] + ns++, first[v], s, v, nw->supply[v]);
		if (o != v)
			set_pair(arc, tol, first[v] + has_supply(nw, v), first[o], v, o, r->capacity);
		for (uint32_t k = g->out_start[v]; k < g->out_start[v + 1]; k++) {
			uint32_t w = g->arc_head[k];
			/* The in-arcs of w are listed by arc id, as they come here. */
			arc[pos++] = (mkg_mf_arc){ w, rin[w] + cursor[w]++, arc_cap(nw, k, v, w) };
		}
		if (is_sink(nw, v))
			set_pair(arc, tol, pos, first[t] + nk++, o, t,
			         isnan(r->demand) ? HUGE_VAL : r->demand);
	}
	for (uint32_t w = 0; w < n; w++) {
		for (uint32_t p = g->in_start[w], i = 0; p < g->in_start[w + 1]; p++, i++) {
			uint32_t k = g->in_arc[p], u = g->in_tail[p];
			uint32_t a = fwd[u] + (k - g->out_start[u]);
			double cap = arc_cap(nw, k, u, w);
			arc[rin[w] + i] = (mkg_mf_arc){ nw->out_node[u],
			                                a | (cap > tol ? MKG_MF_REV_OPEN : 0u), 0.0 };
		}
	}
	mkg__mf_adopt(&nw->net, nw->nodes, tol, first, arc, sum);
	g_free(fwd);
	g_free(rin);
	g_free(cursor);
}

int
mkg__check_supply(const mkg_model *m, const mkg_graph *g, const uint8_t *role, const char *who)
{
	double sum = 0.0;
	int rc;

	if ((rc = mkg__graph_check_volume(g, m, who)) != MKG_OK)
		return rc;
	for (mkg_idx a = 0; a < m->actors->len; a++)
		if ((role[a] & MKG__ROLE_SOURCE) && !mkg__sum_add(&sum, mkg__source_supply(m, g, a)))
			return mkg__error(MKG_EDATA,
			                  "%s: the supply of the sources overflows (sum of their supply "
			                  "exceeds " MKG_SUM_LIMIT ")",
			                  who);
	return MKG_OK;
}

/* Number the nodes, find the supplies and check the size.  *total gets the
 * supply of every source, also of those outside the graph; MKG_EDATA when
 * it overflows (the supply of a source is checked by mkg__check_supply()
 * first, so that a volume that overflows is named as such). */
static int
network_plan(network *nw, double *total, double *network_total)
{
	const mkg_model *m = nw->m;
	const mkg_graph *g = nw->g;
	uint64_t arcs = g->m;
	double sum = 0.0, in_net = 0.0;

	nw->out_node = g_new(uint32_t, g->n ? g->n : 1);
	nw->supply = g_new(double, g->n ? g->n : 1);
	nw->split = 0;
	for (uint32_t v = 0; v < g->n; v++) {
		nw->supply[v] = MKG_ABSENT;
		nw->out_node[v] = v;
		if (!isnan(MKG_ACTOR(m, g->node_actor[v])->capacity) && !node_removed(nw, v)) {
			nw->out_node[v] = g->n + nw->split++;
			arcs++;
		}
	}
	/* Sources in actor order: the same sums, bit for bit, on every run. */
	for (mkg_idx a = 0; a < m->actors->len; a++) {
		uint32_t v = g->actor_node[a];
		double s;
		if (nw->removed != NULL && nw->removed[a])
			continue;
		if ((nw->role[a] & MKG__ROLE_SINK) && v != UINT32_MAX)
			arcs++;
		if (!(nw->role[a] & MKG__ROLE_SOURCE))
			continue;
		s = mkg__source_supply(m, g, a);
		if (!mkg__sum_add(&sum, s))
			return mkg__error(MKG_EDATA,
			                  "flow: the supply of the sources overflows (sum of their "
			                  "supply exceeds " MKG_SUM_LIMIT ")");
		if (v != UINT32_MAX) {
			nw->supply[v] = s;
			in_net += s;
			arcs++;
		}
	}
	if (2 * arcs >= (uint64_t)1 << 31 || (uint64_t)g->n + nw->split + 2 >= UINT32_MAX)
		return mkg__error(MKG_EUNSUPPORTED,
		                  "flow: the flow network has %" G_GUINT64_FORMAT
		                  " arcs, more than this version handles (2^30)",
		                  arcs);
	nw->s = g->n + nw->split;
	nw->t = nw->s + 1;
	nw->nodes = nw->t + 1;
	*total = sum;
	*network_total = in_net;
	return MKG_OK;
}

static void
network_clear(network *nw)
{
	mkg__mf_clear(&nw->net);
	g_free(nw->out_node);
	g_free(nw->supply);
}

/* ---- the cut ---------------------------------------------------------------- */

static int
binding_cmp(const void *pa, const void *pb)
{
	const mkg_binding *a = pa, *b = pb;
	int c;

	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if (a->type != MKG_BINDING_TRANSACTION)
		return strcmp(a->actor, b->actor);
	c = strcmp(a->seller, b->seller);
	return c ? c : strcmp(a->buyer, b->buyer);
}

static const char *
copy_id(mkg_flow *f, const mkg_model *m, uint32_t actor)
{
	return g_string_chunk_insert_const(f->strings, MKG_ACTOR(m, actor)->id);
}

/* Every capacity from the source side to the other side, and the supply
 * arcs among them; the cut's capacity is the maximum flow. */
static void
collect_cut(mkg_flow *f, const network *nw, const bool *side)
{
	const mkg_model *m = nw->m;
	const mkg_graph *g = nw->g;
	GArray *list = g_array_new(FALSE, FALSE, sizeof(mkg_binding));
	double cut_supply = 0.0, cut = 0.0;

	for (uint32_t v = 0; v < g->n; v++) {
		const mkg_actor_rec *r = MKG_ACTOR(m, g->node_actor[v]);
		uint32_t out = nw->out_node[v];
		if (node_removed(nw, v))
			continue;
		if (out != v && side[v] && !side[out]) {
			mkg_binding b = { MKG_BINDING_ACTOR, copy_id(f, m, g->node_actor[v]), NULL,
			                  NULL, r->capacity };
			g_array_append_val(list, b);
		}
		if (!side[out])
			continue;
		for (uint32_t a = g->out_start[v]; a < g->out_start[v + 1]; a++) {
			uint32_t w = g->arc_head[a];
			if (side[w] || node_removed(nw, w))
				continue;
			mkg_binding b = { MKG_BINDING_TRANSACTION, NULL,
			                  copy_id(f, m, g->node_actor[v]),
			                  copy_id(f, m, g->node_actor[w]), g->arc_capacity[a] };
			g_array_append_val(list, b);
		}
		if ((nw->role[g->node_actor[v]] & MKG__ROLE_SINK) && !isnan(r->demand)) {
			mkg_binding b = { MKG_BINDING_DEMAND, copy_id(f, m, g->node_actor[v]), NULL,
			                  NULL, r->demand };
			g_array_append_val(list, b);
		}
	}
	/* Supply arcs on the cut, in actor order (as the total supply). */
	for (mkg_idx a = 0; a < m->actors->len; a++) {
		uint32_t v = g->actor_node[a];
		if (v != UINT32_MAX && !isnan(nw->supply[v]) && nw->supply[v] > 0.0 && !side[v])
			cut_supply += nw->supply[v];
	}

	g_array_sort(list, binding_cmp);
	f->binding_count = list->len;
	f->binding = (mkg_binding *)(void *)g_array_free(list, FALSE);
	for (size_t i = 0; i < f->binding_count; i++)
		cut += f->binding[i].capacity;
	f->max_flow = cut_supply + cut;
}

mkg_chain
mkg__chain_copy(GStringChunk *strings, const mkg_chain *chain)
{
	mkg_chain c = { NULL, NULL };

	if (chain->commodity)
		c.commodity = g_string_chunk_insert_const(strings, chain->commodity);
	if (chain->unit)
		c.unit = g_string_chunk_insert_const(strings, chain->unit);
	return c;
}

static mkg_flow *
flow_alloc(void)
{
	mkg_flow *f = g_new0(mkg_flow, 1);
	f->strings = g_string_chunk_new(1024);
	return f;
}

int
mkg__flow_compute(mkg_flow **out, const mkg_model *m, const mkg_graph *g,
                  const uint8_t *role, const uint8_t *removed)
{
	network nw = { .m = m, .g = g, .role = role, .removed = removed };
	double total = 0.0, in_net = 0.0;
	mkg_flow *f;
	int rc;

	if ((rc = mkg__graph_check_volume(g, m, "flow")) != MKG_OK)
		return rc;
	if ((rc = network_plan(&nw, &total, &in_net)) != MKG_OK) {
		network_clear(&nw);
		return rc;
	}
	f = flow_alloc();
	f->chain = mkg__chain_copy(f->strings, &g->chain);
	f->total_supply = total;
	if (in_net > 0.0) {
		bool *side;

		network_build(&nw, FLOW_TOLERANCE * in_net);
		side = g_new(bool, nw.nodes);
		mkg__mf_solve(&nw.net, nw.s, nw.t, &f->pushed, side);
		mkg__mf_clear(&nw.net);
		collect_cut(f, &nw, side);
		g_free(side);
	}
	/* else nothing can flow: no cut capacity but the (zero) supply arcs. */
	network_clear(&nw);
	*out = f;
	return MKG_OK;
}

/* ---- public API ----------------------------------------------------------- */

int
mkg_flow_new(mkg_flow **out, const mkg_model *model, const mkg_bottlenecks_options *opts)
{
	mkg_bottlenecks_options o;
	const mkg_graph *g;
	uint8_t *role;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS(G_STRFUNC, mkg_bottlenecks_options, MKG_BOTTLENECKS_OPTIONS, opts, &o);
	if ((rc = mkg__graph_get(model, o.chain, "flow", &g)) != MKG_OK)
		return rc;
	rc = mkg__graph_roles(g, model, o.sources, o.source_count, o.sinks, o.sink_count, &role);
	if (rc != MKG_OK)
		return rc;
	rc = mkg__flow_compute(out, model, g, role, NULL);
	g_free(role);
	return rc;
}

void
mkg_flow_free(mkg_flow *f)
{
	if (f == NULL)
		return;
	g_free(f->binding);
	g_string_chunk_free(f->strings);
	g_free(f);
}

const mkg_chain *
mkg_flow_chain(const mkg_flow *f)
{
	return f ? &f->chain : NULL;
}

double
mkg_flow_total_supply(const mkg_flow *f)
{
	return f ? f->total_supply : MKG_ABSENT;
}

double
mkg_flow_max_flow(const mkg_flow *f)
{
	return f ? f->max_flow : MKG_ABSENT;
}

double
mkg_flow_deliverable_share(const mkg_flow *f)
{
	if (f == NULL || !(f->total_supply > 0.0))
		return MKG_ABSENT;
	/* The cut's capacity never exceeds the supply, but its sum is rounded. */
	return fmin(1.0, f->max_flow / f->total_supply);
}

size_t
mkg_flow_binding_count(const mkg_flow *f)
{
	return f ? f->binding_count : 0;
}

const mkg_binding *
mkg_flow_binding_at(const mkg_flow *f, size_t i)
{
	return f && i < f->binding_count ? &f->binding[i] : NULL;
}
