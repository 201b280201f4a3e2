/* marketgraph: deliverable flow and exit shock, internals.  Never installed.
 * SPDX-License-Identifier: MIT */
#ifndef MKG_FLOW_PRIVATE_H
#define MKG_FLOW_PRIVATE_H

#include "analysis-private.h"
#include "graph-private.h"
#include "marketgraph/bottlenecks.h"

struct mkg_flow {
	GStringChunk *strings;  /* owns every id of the result */
	double total_supply;
	double max_flow;        /* capacity of the reported cut */
	double pushed;          /* flow the solver delivered to T (equal up to the tolerance) */
	size_t binding_count;
	mkg_binding *binding;
};

/* The supply of source actor a: its `supply`, else its produce sold (0 when
 * it is not a node of g). */
double mkg__source_supply(const mkg_model *m, const mkg_graph *g, mkg_idx a);

/*
 * The deliverable flow of m on its produce graph g.  role: MKG__ROLE_* per
 * actor (mkg__graph_roles()); removed: nonzero per actor for actors left
 * out with their transactions, or NULL.  Fails only with MKG_EUNSUPPORTED
 * when the network has 2^31 arcs or more, or a total supply that is not
 * finite.
 */
int mkg__flow_compute(mkg_flow **out, const mkg_model *m, const mkg_graph *g,
                      const uint8_t *role, const uint8_t *removed);

/* The `flow` object, as a value at the writer's position. */
void mkg__flow_write(mkg_jw *w, const mkg_flow *f);

/* Text for the report: the flow and what binds it.  us: the unit with a
 * space before it (" t"), or "". */
void mkg__flow_text(GString *out, const mkg_flow *f, const mkg__labels *l, const char *us);

/* The report's `bottlenecks` object, as a value at the writer's position
 * (bottlenecks.c). */
void mkg__bottlenecks_write(mkg_jw *w, const mkg_bottlenecks *b);

/* The text view of every bottleneck section, under one heading; unit (of
 * volumes) may be NULL. */
void mkg__bottlenecks_text(GString *out, const mkg_bottlenecks *b, const mkg__labels *l,
                           const char *unit);

#endif /* MKG_FLOW_PRIVATE_H */
