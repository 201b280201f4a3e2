/* marketgraph: the produce graph view.  Never installed.
 *
 * The produce graph of one chain (analyses.md, "Terms" and "Chains and
 * primary equivalents"): arcs are the non-service transactions seller ->
 * buyer whose commodity's primary commodity is the chain's, volumes and
 * capacities multiplied by the commodity's factor (primary equivalents),
 * parallel transactions of one ordered pair (any commodity of the chain)
 * merged into one arc (volumes, values and capacities added; unbounded if
 * any merged transaction has none); nodes are the actors that appear in at
 * least one such transaction.
 *
 * Stored as compressed adjacency arrays in both directions (CSR), built in
 * O(V + E) per chain from the model and cached in it, per chain, until the
 * model changes.  Every bottleneck algorithm runs on this view, never on
 * the model's records.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_GRAPH_PRIVATE_H
#define MKG_GRAPH_PRIVATE_H

#include "model-private.h"

typedef struct mkg_graph {
	uint32_t n;              /* nodes */
	uint32_t m;              /* merged arcs */
	mkg_idx *node_actor;     /* [n] node -> actor index */
	uint32_t *actor_node;    /* [actor count] actor -> node, UINT32_MAX if not a node */

	uint32_t *out_start;     /* [n + 1] arcs of node v are out_start[v] .. out_start[v+1]-1 */
	uint32_t *arc_head;      /* [m] target node of each arc (arcs sorted by tail) */
	uint32_t *arc_tail;      /* [m] source node of each arc */
	double *arc_volume;      /* [m] summed volume (absent volumes count 0) */
	double *arc_value;       /* [m] summed value (absent values count 0) */
	double *arc_capacity;    /* [m] summed capacity, INFINITY (HUGE_VAL) when unbounded */

	uint32_t *in_start;      /* [n + 1] */
	uint32_t *in_arc;        /* [m] arc ids entering each node, grouped by head */

	/* Also filled by the build (appended: the fields above keep their place). */
	uint32_t *in_tail;       /* [m] arc_tail[in_arc[k]]: predecessors without the indirection */
	double *node_sold;       /* [n] summed volume of the node's out-arcs */
	double *node_bought;     /* [n] summed volume of the node's in-arcs */
	size_t produce_transactions; /* non-service transactions (merged into the m arcs) */
	size_t missing_volume;   /* of those, how many have no volume (counted as 0) */
	uint8_t *node_kind;      /* [n] the node's mkg_actor_kind */
	/* The first node (in node order) whose volume sold, or else bought,
	 * overflowed to infinity, UINT32_MAX when none: the build cannot fail,
	 * so the analyses that read volumes ask mkg__graph_check_volume(). */
	uint32_t overflow_node;
	bool overflow_bought;
	/* The chain (strings interned in the model; commodity NULL for the
	 * empty graph of a model without produce) and how many the model has:
	 * with at most one, sources and sinks that trade nothing still count. */
	mkg_chain chain;
	uint32_t model_chains;

	/* Built on first use by mkg__graph_id_order() and mkg__graph_ids();
	 * NULL until then. */
	uint32_t *id_order;      /* [2n]: nodes by actor id in byte order, then each node's rank */
	struct mkg__ids *ids;
} mkg_graph;

/* The nodes' ids, copied once per graph into one block that results share
 * by reference: a result that lists every node keeps them without copying
 * a million strings, and outlives the model and the graph. */
typedef struct mkg__ids {
	gint refs;               /* atomic */
	uint32_t n;
	const char **id;         /* [n] by node, into text */
	char *text;
} mkg__ids;

/*
 * Node numbering: nodes are grouped by actor kind in the order of
 * mkg_actor_kind (producers first, then the later stages of the chain), and
 * by actor index within a kind, so that each stage of a value chain stays
 * together in memory.  Out-arcs of a node keep the order in which their
 * pairs first appear among the transactions; in_arc lists the arcs of a
 * head by increasing arc id (hence by increasing tail).  Merged sums add
 * the transactions in model order: the same model gives the same bits.
 */

/*
 * The chains of m (the distinct primary commodities of its non-service
 * transactions, by id in byte order): *chains borrowed like a graph,
 * *count of them.  Fails with MKG_EDATA when the commodities' made_from
 * chains are broken (the message of mkg_model_validate()).  One pass over
 * the transactions on first use after a change, cached with the graphs.
 */
int mkg__graph_chains(const mkg_model *m, const mkg_chain **chains, size_t *count);

/*
 * The produce graph of chain i of m (i < the chain count; with no chain,
 * i = 0 gives the empty graph): built on first use and cached in the model
 * until m->revision changes.  Borrowed: valid until the model is modified
 * or freed.  Safe to call from several threads on one unmodified model.
 * Call after mkg__graph_chains() succeeded.
 */
const mkg_graph *mkg__graph_chain_at(const mkg_model *m, size_t i);

/*
 * The graph of the chain an analysis names in its options (NULL: the only
 * one): fails with the messages of bottlenecks.h, WHO first (`flow: the
 * model has 2 chains (cotton, potato): name one in options.chain`).
 */
int mkg__graph_get(const mkg_model *m, const char *chain, const char *who,
                   const mkg_graph **out);

/*
 * MKG_OK when every volume of the graph is finite; otherwise MKG_EDATA
 * `WHO: the volume sold by actor "A" overflows (sum of the transactions'
 * volume exceeds 1.8e308)` ("bought by" for a purchase).  An arc's volume
 * is part of its tail's sales, so once the nodes' sums are finite every
 * arc's is.
 */
int mkg__graph_check_volume(const mkg_graph *g, const mkg_model *m, const char *who);

/*
 * Sources and sinks of the bottleneck analyses on graph g.  role[actor]
 * (one byte per actor of the model, not per node: a source may trade
 * nothing) gets MKG__ROLE_SOURCE when the actor is named in sources, or,
 * when sources is NULL, when it is a producer; MKG__ROLE_SINK likewise
 * from sinks or the end markets.  When the model has several chains, a
 * source must sell in g's chain and a sink buy in it, else the role is
 * dropped (an actor outside the chain has none).
 * An id named twice counts once.  Fails, with *out untouched,
 * with MKG_EINVAL (`sources: NULL with source_count 3`, `sources[1]: NULL
 * id`) or MKG_ENOTFOUND (`sinks: unknown actor "x"`).  Free with g_free().
 * O(A + named ids).
 */
enum { MKG__ROLE_SOURCE = 1u, MKG__ROLE_SINK = 2u };
int mkg__graph_roles(const mkg_graph *g, const mkg_model *m, const char *const *sources,
                     size_t source_count,
                     const char *const *sinks, size_t sink_count, uint8_t **out);

/* ---- sorting (sort.c) ---------------------------------------------------- */

/* An item to sort: a 64-bit key and what it carries. */
typedef struct mkg__keyed {
	uint64_t key;
	uint32_t item;
} mkg__keyed;

/*
 * Stable sort by key ascending: LSD radix sort with 11-bit digits, digits
 * that are the same in every key skipped.  O(n) time per digit, n extra.
 * Results sorted "by a number descending, ties by id" are made by listing
 * the items in id order (mkg__graph_id_order()) and sorting them by
 * mkg__key_desc(number).
 */
void mkg__radix_sort(mkg__keyed *items, size_t n);

/* A key whose ascending order is the descending order of d (NaN last). */
uint64_t mkg__key_desc(double d);

/*
 * The nodes sorted by actor id (byte order): order[0..n-1], and rank[v] =
 * the position of node v in it, for results whose ties go by id.  Sorted
 * once per graph, on first use, then shared; thread-safe like
 * mkg__graph_get().  m must be the graph's model.  An MSD radix sort by
 * 8-byte chunks of the ids (LSD radix within a chunk): O(n) per chunk
 * that some ids still share, so O(total id bytes) at worst.
 */
void mkg__graph_id_order(const mkg_graph *g, const mkg_model *m, const uint32_t **order,
                         const uint32_t **rank);

/*
 * The node ids of g (see mkg__ids), built on first use and shared; the
 * graph holds one reference.  A result that keeps them takes its own with
 * mkg__ids_ref() and drops it with mkg__ids_unref().  Thread-safe like
 * mkg__graph_id_order().  O(total id bytes) the first time.
 */
const mkg__ids *mkg__graph_ids(const mkg_graph *g, const mkg_model *m);
mkg__ids *mkg__ids_ref(const mkg__ids *ids);
void mkg__ids_unref(mkg__ids *ids);

/*
 * Sources and sinks by node: as mkg__graph_roles() (same options, same
 * errors, the same rule for several chains), one byte per node of g; named actors that are no node are
 * checked and left out.  O(n + named ids), without reading the model's
 * actors for the default lists.
 */
int mkg__graph_node_roles(const mkg_graph *g, const mkg_model *m, const char *const *sources,
                          size_t source_count, const char *const *sinks, size_t sink_count,
                          uint8_t **out);

/* Build the graph of chain i that the caller owns (tests, benchmarks);
 * NULL when the chains fail (mkg__graph_chains()). */
mkg_graph *mkg__graph_build(const mkg_model *m, size_t i);
void mkg__graph_free(mkg_graph *g);

#endif /* MKG_GRAPH_PRIVATE_H */
