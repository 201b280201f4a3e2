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
 * node but get no arc. */

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

/* One pass over the arcs: reserve them, or add them. */
static void
arcs_pass(network *nw, bool add)
{
	const mkg_graph *g = nw->g;
	mkg_mf_net *net = &nw->net;

	for (uint32_t v = 0; v < g->n; v++) {
		const mkg_actor_rec *r = MKG_ACTOR(nw->m, g->node_actor[v]);
		uint32_t out = nw->out_node[v];

		if (node_removed(nw, v))
			continue;
		if (!isnan(nw->supply[v]) && nw->supply[v] > 0.0) {
			if (add)
				mkg__mf_add(net, nw->s, v, nw->supply[v]);
			else
				mkg__mf_reserve(net, nw->s, v);
		}
		if (out != v) {
			if (add)
				mkg__mf_add(net, v, out, r->capacity);
			else
				mkg__mf_reserve(net, v, out);
		}
		for (uint32_t a = g->out_start[v]; a < g->out_start[v + 1]; a++) {
			uint32_t w = g->arc_head[a];
			if (node_removed(nw, w))
				continue;
			if (add)
				mkg__mf_add(net, out, w, g->arc_capacity[a]);
			else
				mkg__mf_reserve(net, out, w);
		}
		if (nw->role[g->node_actor[v]] & MKG__ROLE_SINK) {
			if (add)
				mkg__mf_add(net, out, nw->t, isnan(r->demand) ? HUGE_VAL : r->demand);
			else
				mkg__mf_reserve(net, out, nw->t);
		}
	}
}

/* Number the nodes, find the supplies and check the size.  *total gets the
 * supply of every source, also of those outside the graph. */
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
		sum += s;
		if (v != UINT32_MAX) {
			nw->supply[v] = s;
			in_net += s;
			arcs++;
		}
	}
	if (!isfinite(sum))
		return mkg__error(MKG_EUNSUPPORTED, "flow: the total supply is too large for a double");
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
network_build(network *nw, double tol)
{
	mkg__mf_init(&nw->net, nw->nodes, tol);
	arcs_pass(nw, false);
	mkg__mf_layout(&nw->net);
	arcs_pass(nw, true);
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
	bool *side;
	int rc;

	if ((rc = network_plan(&nw, &total, &in_net)) != MKG_OK) {
		network_clear(&nw);
		return rc;
	}
	f = flow_alloc();
	f->total_supply = total;
	if (in_net > 0.0) {
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
mkg_flow_new(mkg_flow **out, const mkg_model *model, const mkg_bottleneck_options *opts)
{
	mkg_bottleneck_options o;
	uint8_t *role;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	if ((rc = mkg__bottleneck_options_check(G_STRFUNC, opts, &o)) != MKG_OK)
		return rc;
	rc = mkg__graph_roles(model, o.sources, o.source_count, o.sinks, o.sink_count, &role);
	if (rc != MKG_OK)
		return rc;
	rc = mkg__flow_compute(out, model, mkg__graph_get(model), role, NULL);
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

void
mkg__flow_write(mkg_jw *w, const mkg_flow *f)
{
	mkg__jw_begin_object(w, false);
	mkg__jw_kdouble(w, "total_supply", f->total_supply);
	mkg__jw_kdouble(w, "max_flow", f->max_flow);
	mkg__jw_kdouble(w, "deliverable_share", mkg_flow_deliverable_share(f));
	mkg__jw_key(w, "binding");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < f->binding_count; i++) {
		const mkg_binding *b = &f->binding[i];
		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "type", mkg_binding_type_name(b->type));
		if (b->type == MKG_BINDING_TRANSACTION) {
			mkg__jw_kstring(w, "seller", b->seller);
			mkg__jw_kstring(w, "buyer", b->buyer);
		} else {
			mkg__jw_kstring(w, "actor", b->actor);
		}
		mkg__jw_kdouble(w, "capacity", b->capacity);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
}

int
mkg_flow_write_json(const mkg_flow *f, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(f);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__flow_write(w, f);
	return mkg__jw_finish(w, out, len);
}
