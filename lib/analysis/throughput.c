/* marketgraph: produce volume bought, sold and passed on by every actor.
 * SPDX-License-Identifier: MIT */
#include "structure-private.h"

#include <math.h>

struct mkg_throughput {
	mkg__ids *ids;          /* a reference to the graph's copy of the ids */
	size_t count;
	mkg_actor_throughput *rows;
	double delivered;   /* bought by the sinks */
	double supplied;    /* sold by the sources */
	size_t excluded;
};

int
mkg_throughput_new(mkg_throughput **out, const mkg_model *model,
                   const mkg_bottlenecks_options *opts)
{
	mkg_bottlenecks_options o;
	const mkg_graph *g;
	const uint32_t *order, *rank;
	uint8_t *role = NULL;
	mkg__keyed *items;
	mkg_throughput *t;
	double delivered = 0.0, supplied = 0.0, basis;
	uint32_t i;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS(G_STRFUNC, mkg_bottlenecks_options, MKG_BOTTLENECKS_OPTIONS, opts, &o);
	if ((rc = mkg__graph_get(model, o.chain, "throughput", &g)) != MKG_OK)
		return rc;
	if ((rc = mkg__graph_check_volume(g, model, "throughput")) != MKG_OK)
		return rc;
	rc = mkg__graph_node_roles(g, model, o.sources, o.source_count, o.sinks, o.sink_count,
	                           &role);
	if (rc != MKG_OK)
		return rc;
	for (i = 0; i < g->n; i++) {
		if ((role[i] & MKG__ROLE_SINK) && !mkg__sum_add(&delivered, g->node_bought[i])) {
			g_free(role);
			return mkg__error(MKG_EDATA,
			                  "throughput: the volume bought by the sinks overflows (sum of "
			                  "the transactions' volume exceeds " MKG_SUM_LIMIT ")");
		}
		if ((role[i] & MKG__ROLE_SOURCE) && !mkg__sum_add(&supplied, g->node_sold[i])) {
			g_free(role);
			return mkg__error(MKG_EDATA,
			                  "throughput: the volume sold by the sources overflows (sum of "
			                  "the transactions' volume exceeds " MKG_SUM_LIMIT ")");
		}
	}
	g_free(role);
	/* Shares are of the chain's volume at its wider end: what the sources
	 * supply, or what the sinks receive when that is more (sources left
	 * out by options).  An actor that keeps or loses part of what it buys
	 * is then not above 100% of a smaller delivered volume. */
	basis = fmax(supplied, delivered);
	/* The sums are finite; a share of a tiny volume need not be. */
	for (i = 0; i < g->n && basis > 0.0; i++)
		if (isinf(fmax(g->node_sold[i], g->node_bought[i]) / basis))
			return mkg__error(MKG_EDATA,
			                  "throughput: the share of actor \"%s\" overflows (its "
			                  "throughput / the chain's volume exceeds " MKG_SUM_LIMIT ")",
			                  MKG_ACTOR(model, g->node_actor[i])->id);

	/* Listed in id order, then sorted stably by throughput descending. */
	mkg__graph_id_order(g, model, &order, &rank);
	items = g_new(mkg__keyed, g->n ? g->n : 1);
	for (i = 0; i < g->n; i++) {
		uint32_t v = order[i];

		items[i].key = mkg__key_desc(fmax(g->node_sold[v], g->node_bought[v]));
		items[i].item = v;
	}
	mkg__radix_sort(items, g->n);

	t = g_new0(mkg_throughput, 1);
	t->ids = mkg__ids_ref(mkg__graph_ids(g, model));
	t->count = g->n;
	t->rows = g_new(mkg_actor_throughput, g->n ? g->n : 1);
	t->delivered = delivered;
	t->supplied = supplied;
	t->excluded = g->missing_volume;
	for (i = 0; i < g->n; i++) {
		uint32_t v = items[i].item;
		mkg_actor_throughput *r = &t->rows[i];

		r->actor = t->ids->id[v];
		r->bought = g->node_bought[v];
		r->sold = g->node_sold[v];
		r->throughput = fmax(r->sold, r->bought);
		r->share = basis > 0.0 ? r->throughput / basis : MKG_ABSENT;
	}
	g_free(items);
	*out = t;
	return MKG_OK;
}

void
mkg_throughput_free(mkg_throughput *t)
{
	if (t == NULL)
		return;
	mkg__ids_unref(t->ids);
	g_free(t->rows);
	g_free(t);
}

size_t
mkg_throughput_count(const mkg_throughput *t)
{
	return t ? t->count : 0;
}

const mkg_actor_throughput *
mkg_throughput_at(const mkg_throughput *t, size_t i)
{
	return t && i < t->count ? &t->rows[i] : NULL;
}

double
mkg_throughput_delivered(const mkg_throughput *t)
{
	return t ? t->delivered : MKG_ABSENT;
}

double
mkg_throughput_supplied(const mkg_throughput *t)
{
	return t ? t->supplied : MKG_ABSENT;
}

size_t
mkg_throughput_excluded(const mkg_throughput *t)
{
	return t ? t->excluded : 0;
}
