/* marketgraph: deliverable flow, exit shock and every bottleneck section at
 * once, internals.  Never installed.
 * SPDX-License-Identifier: MIT */
#ifndef MKG_FLOW_PRIVATE_H
#define MKG_FLOW_PRIVATE_H

#include "graph-private.h"
#include "marketgraph/bottlenecks.h"

struct mkg_flow {
	GStringChunk *strings;  /* owns every id of the result */
	mkg_chain chain;        /* copies in strings */
	double total_supply;
	double max_flow;        /* capacity of the reported cut */
	double pushed;          /* flow the solver delivered to T (equal up to the tolerance) */
	size_t binding_count;
	mkg_binding *binding;
};

/* The supply of source actor a: its `supply`, else its produce sold (0 when
 * it is not a node of g). */
double mkg__source_supply(const mkg_model *m, const mkg_graph *g, mkg_idx a);

/* MKG_EDATA naming WHO when a volume of g overflows, or the supply of the
 * sources (role & MKG__ROLE_SOURCE) does; every sum of supply an analysis
 * makes is part of the latter. */
int mkg__check_supply(const mkg_model *m, const mkg_graph *g, const uint8_t *role,
                      const char *who);

/*
 * The deliverable flow of m on its produce graph g.  role: MKG__ROLE_* per
 * actor (mkg__graph_roles()); removed: nonzero per actor for actors left
 * out with their transactions, or NULL.  Fails with MKG_EUNSUPPORTED when
 * the network has 2^31 arcs or more, with MKG_EDATA when a volume or the
 * total supply overflows (`flow: the supply of the sources overflows (sum of
 * their supply exceeds 1.8e308)`).
 */
int mkg__flow_compute(mkg_flow **out, const mkg_model *m, const mkg_graph *g,
                      const uint8_t *role, const uint8_t *removed);

/* Every bottleneck section of one chain; the report layer reads the pivots
 * and seed of the betweenness estimate from here. */
typedef struct mkg__bottlenecks_chain {
	mkg_chain chain;  /* copies in the result's strings */
	mkg_flow *flow;
	mkg_cutpoints *cutpoints;
	mkg_captive *captive;
	mkg_betweenness *betweenness;
	mkg_throughput *throughput;
	size_t pivots;  /* 0: exact betweenness */
	uint64_t seed;
} mkg__bottlenecks_chain;

/* Every bottleneck section of every chain of one model (bottlenecks.c). */
struct mkg_bottlenecks {
	GStringChunk *strings;
	size_t count;
	mkg__bottlenecks_chain *chains;  /* [count], in the model's chain order */
};

/* A copy of chain's strings in strings (NULL stays NULL). */
mkg_chain mkg__chain_copy(GStringChunk *strings, const mkg_chain *chain);

/* The (source, sink) pairs, source != sink, joined by a path: the
 * denominator that makes a source_sink betweenness the share of
 * producer-to-market routes through an actor (estimated from the pivots
 * like the sums, scaled by sources / pivots).  betweenness.c. */
double mkg__betweenness_pairs(const mkg_betweenness *b);

#endif /* MKG_FLOW_PRIVATE_H */
