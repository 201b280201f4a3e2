/* marketgraph: every bottleneck section of one model, for the report
 * (docs/report.md, `bottlenecks`); lib/report/ writes it as JSON and text.
 * SPDX-License-Identifier: MIT */
#include "flow-private.h"
#include "structure-private.h"

int
mkg_bottlenecks_new(mkg_bottlenecks **out, const mkg_model *model,
                    const mkg_bottlenecks_options *opts)
{
	mkg_bottlenecks_options o;
	mkg_bottlenecks *b;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS(G_STRFUNC, mkg_bottlenecks_options, MKG_BOTTLENECKS_OPTIONS, opts, &o);
	if (o.pivots == 0 && mkg__graph_get(model)->n > MKG_BOTTLENECKS_EXACT_BETWEENNESS_NODES)
		o.pivots = MKG_BOTTLENECKS_PIVOTS;

	b = g_new0(mkg_bottlenecks, 1);
	if ((rc = mkg_flow_new(&b->flow, model, &o)) != MKG_OK ||
	    (rc = mkg_cutpoints_new(&b->cutpoints, model, &o)) != MKG_OK ||
	    (rc = mkg_captive_new(&b->captive, model, &o)) != MKG_OK ||
	    (rc = mkg_betweenness_new(&b->betweenness, model, &o)) != MKG_OK ||
	    (rc = mkg_throughput_new(&b->throughput, model, &o)) != MKG_OK) {
		mkg_bottlenecks_free(b);
		return rc;
	}
	if (mkg_betweenness_is_estimate(b->betweenness)) {
		b->pivots = o.pivots;
		b->seed = o.seed;
	}
	*out = b;
	return MKG_OK;
}

void
mkg_bottlenecks_free(mkg_bottlenecks *b)
{
	if (b == NULL)
		return;
	mkg_flow_free(b->flow);
	mkg_cutpoints_free(b->cutpoints);
	mkg_captive_free(b->captive);
	mkg_betweenness_free(b->betweenness);
	mkg_throughput_free(b->throughput);
	g_free(b);
}

const mkg_flow *
mkg_bottlenecks_flow(const mkg_bottlenecks *b)
{
	return b ? b->flow : NULL;
}

const mkg_cutpoints *
mkg_bottlenecks_cutpoints(const mkg_bottlenecks *b)
{
	return b ? b->cutpoints : NULL;
}

const mkg_captive *
mkg_bottlenecks_captive(const mkg_bottlenecks *b)
{
	return b ? b->captive : NULL;
}

const mkg_betweenness *
mkg_bottlenecks_betweenness(const mkg_bottlenecks *b)
{
	return b ? b->betweenness : NULL;
}

const mkg_throughput *
mkg_bottlenecks_throughput(const mkg_bottlenecks *b)
{
	return b ? b->throughput : NULL;
}

size_t
mkg_bottlenecks_pivots(const mkg_bottlenecks *b)
{
	return b ? b->pivots : 0;
}
