/* marketgraph: what graph.c (the build) and chains.c (the chains and the
 * cache) share.  Never installed.
 * SPDX-License-Identifier: MIT */
#ifndef MKG_GRAPH_BUILD_PRIVATE_H
#define MKG_GRAPH_BUILD_PRIVATE_H

#include "graph-private.h"

/* Slots of the memo of commodity -> factor (commodities are interned, so a
 * slot is found by pointer). */
#define MKG__CHAIN_MEMO 64

/* Which transactions belong to a chain, and their factor: the primary
 * commodity of a transaction is a hash lookup, remembered per commodity so
 * that a pass over the transactions costs a pointer compare each. */
typedef struct mkg__chain_filter {
	const mkg_model *m;
	const mkg_commodity_chains *cc;
	const char *primary;          /* interned; NULL: no transaction belongs */
	struct {
		const char *commodity;
		double factor;
	} memo[MKG__CHAIN_MEMO];
} mkg__chain_filter;

double mkg__chain_factor_slow(mkg__chain_filter *f, const mkg_transaction_rec *r);

/* The factor to primary units of r's commodity when r is in the chain,
 * else 0 (every factor of a chain is > 0).  Services are the caller's. */
static inline double
mkg__chain_factor(mkg__chain_filter *f, const mkg_transaction_rec *r)
{
	size_t slot = ((uintptr_t)r->commodity >> 3) % MKG__CHAIN_MEMO;

	if (f->memo[slot].commodity == r->commodity)
		return f->memo[slot].factor;
	return mkg__chain_factor_slow(f, r);
}

/* The graph of one chain; cc from mkg__model_commodity_chains(). */
mkg_graph *mkg__graph_build_chain(const mkg_model *m, const mkg_commodity_chains *cc,
                                  const mkg_chain *chain, uint32_t model_chains);

#endif /* MKG_GRAPH_BUILD_PRIVATE_H */
