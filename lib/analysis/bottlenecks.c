/* marketgraph: every bottleneck section of every chain of one model, for
 * the report (docs/report.md, `bottlenecks`); lib/report/ writes it as
 * JSON and text.
 * SPDX-License-Identifier: MIT */
#include "flow-private.h"
#include "structure-private.h"

/* Every section of one chain (o->chain names it). */
static int
run_chain(mkg__bottlenecks_chain *c, const mkg_model *model, const mkg_bottlenecks_options *opts,
          size_t nodes)
{
	mkg_bottlenecks_options o = *opts;
	int rc;

	if (o.pivots == 0 && nodes > MKG_BOTTLENECKS_EXACT_BETWEENNESS_NODES)
		o.pivots = MKG_BOTTLENECKS_PIVOTS;
	if ((rc = mkg_flow_new(&c->flow, model, &o)) != MKG_OK ||
	    (rc = mkg_cutpoints_new(&c->cutpoints, model, &o)) != MKG_OK ||
	    (rc = mkg_captive_new(&c->captive, model, &o)) != MKG_OK ||
	    (rc = mkg_betweenness_new(&c->betweenness, model, &o)) != MKG_OK ||
	    (rc = mkg_throughput_new(&c->throughput, model, &o)) != MKG_OK)
		return rc;
	if (mkg_betweenness_is_estimate(c->betweenness)) {
		c->pivots = o.pivots;
		c->seed = o.seed;
	}
	return MKG_OK;
}

/* The chains run as independent tasks, each placing its sections in its own
 * slot, so the result does not depend on the number of threads. */
typedef struct chain_run {
	mkg_bottlenecks *b;
	const mkg_model *model;
	mkg_bottlenecks_options o;   /* o.chain set per chain */
	size_t first;
} chain_run;

static int
run_chain_task(size_t i, unsigned int worker, void *data)
{
	const chain_run *cr = data;
	mkg_bottlenecks_options o = cr->o;

	(void)worker;
	o.chain = cr->b->chains[i].chain.commodity;
	return run_chain(&cr->b->chains[i], cr->model, &o,
	                 mkg__graph_chain_at(cr->model, cr->first + i)->n);
}

int
mkg_bottlenecks_new(mkg_bottlenecks **out, const mkg_model *model,
                    const mkg_bottlenecks_options *opts)
{
	mkg_bottlenecks_options o;
	const mkg_chain *chains;
	const mkg_graph *g;
	mkg_bottlenecks *b;
	size_t count, first = 0;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS(G_STRFUNC, mkg_bottlenecks_options, MKG_BOTTLENECKS_OPTIONS, opts, &o);
	if ((rc = mkg__graph_chains(model, &chains, &count)) != MKG_OK)
		return rc;
	if (o.chain != NULL) {
		/* One chain, named: checked (and found) like a single analysis's. */
		if ((rc = mkg__graph_get(model, o.chain, "bottlenecks", &g)) != MKG_OK)
			return rc;
		for (first = 0; chains[first].commodity != g->chain.commodity; first++)
			;
		count = 1;
	}

	b = g_new0(mkg_bottlenecks, 1);
	b->strings = g_string_chunk_new(256);
	b->chains = g_new0(mkg__bottlenecks_chain, count ? count : 1);
	b->count = count;
	for (size_t i = 0; i < count; i++)
		b->chains[i].chain = mkg__chain_copy(b->strings, &chains[first + i]);
	{
		/* threads split between the chains and, within each, its
		 * betweenness (a single chain gets them all) */
		unsigned int outer = mkg__workers_for(o.threads, count);
		chain_run cr = { b, model, o, first };

		cr.o.threads = MAX(1u, mkg__workers_for(o.threads, SIZE_MAX) / outer);
		rc = mkg__run_tasks(count, o.threads, run_chain_task, NULL, &cr);
	}
	if (rc != MKG_OK) {
		mkg_bottlenecks_free(b);
		return rc;
	}
	*out = b;
	return MKG_OK;
}

void
mkg_bottlenecks_free(mkg_bottlenecks *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->count; i++) {
		mkg__bottlenecks_chain *c = &b->chains[i];

		mkg_flow_free(c->flow);
		mkg_cutpoints_free(c->cutpoints);
		mkg_captive_free(c->captive);
		mkg_betweenness_free(c->betweenness);
		mkg_throughput_free(c->throughput);
	}
	g_free(b->chains);
	g_string_chunk_free(b->strings);
	g_free(b);
}

size_t
mkg_bottlenecks_chain_count(const mkg_bottlenecks *b)
{
	return b ? b->count : 0;
}

/* The i-th chain's sections, or NULL. */
static const mkg__bottlenecks_chain *
part(const mkg_bottlenecks *b, size_t i)
{
	return b && i < b->count ? &b->chains[i] : NULL;
}

const mkg_chain *
mkg_bottlenecks_chain_at(const mkg_bottlenecks *b, size_t i)
{
	return part(b, i) ? &part(b, i)->chain : NULL;
}

const mkg_flow *
mkg_bottlenecks_flow(const mkg_bottlenecks *b, size_t i)
{
	return part(b, i) ? part(b, i)->flow : NULL;
}

const mkg_cutpoints *
mkg_bottlenecks_cutpoints(const mkg_bottlenecks *b, size_t i)
{
	return part(b, i) ? part(b, i)->cutpoints : NULL;
}

const mkg_captive *
mkg_bottlenecks_captive(const mkg_bottlenecks *b, size_t i)
{
	return part(b, i) ? part(b, i)->captive : NULL;
}

const mkg_betweenness *
mkg_bottlenecks_betweenness(const mkg_bottlenecks *b, size_t i)
{
	return part(b, i) ? part(b, i)->betweenness : NULL;
}

const mkg_throughput *
mkg_bottlenecks_throughput(const mkg_bottlenecks *b, size_t i)
{
	return part(b, i) ? part(b, i)->throughput : NULL;
}

size_t
mkg_bottlenecks_pivots(const mkg_bottlenecks *b, size_t i)
{
	return part(b, i) ? part(b, i)->pivots : 0;
}
