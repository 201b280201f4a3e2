/* marketgraph: bottlenecks: which actors and links limit how much produce
 * reaches end markets, whose exit cuts which producers off, and who sits
 * between producers and markets.
 *
 * docs/analyses.md, section 2.  Every analysis here runs on the produce
 * graph: its arcs are the non-service transactions (seller -> buyer),
 * parallel transactions of one ordered pair merged into one arc (volumes
 * added; a transaction without a volume counts 0); its nodes are the actors
 * in at least one such transaction.  The graph is built once per model in
 * O(V + E) and reused until the model changes.  Volumes only (not value).
 *
 * Sources are the `producer` actors and sinks the `end_market` actors,
 * unless the options name other actors.
 *
 * Results keep copies of every string they hold (one copy of the ids per
 * model version, shared by its results): they outlive the model.  Strings
 * and rows they return are borrowed from the result and valid until it is
 * freed.  Lists are sorted as in docs/report.md, ties by actor id in byte
 * order, so the same model gives the same result, bit for bit.
 *
 * The _write_json functions (and mkg_shock_write_text()) are rendered by
 * the report layer (lib/report/), from the same accessors a caller has.
 *
 * Sections: options (shared), cut points, captive, betweenness, throughput;
 * flow and exit shock follow.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_BOTTLENECKS_H
#define MARKETGRAPH_BOTTLENECKS_H

#include "common.h"
#include "model.h"

MKG_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* Chains                                                                   */

/*
 * A chain is one primary commodity with every commodity made from it
 * (docs/analyses.md, "Chains and primary equivalents").  Every analysis
 * here runs on the produce graph of one chain: its arcs are the
 * non-service transactions whose commodity is the chain's primary
 * commodity or made from it (mkg_model_primary_equivalent()), their
 * volumes and capacities multiplied by the commodity's factor, so that
 * every volume is in primary equivalents: 25 t of chips made from 4 t of
 * potato per t count 100 t in the potato chain.  A transaction of a
 * commodity the model does not list is in a chain of its own, factor 1.
 * Actors' `capacity`, `supply` and `demand` are read as primary
 * equivalents of each chain the actor trades in.
 *
 * A chain's actors are those in at least one of its transactions.  With
 * several chains, a source (named or default) is a source of a chain only
 * when it sells in it, and a sink only when it buys in it: a farmer who
 * buys seed is no source of the seed chain.  With at most one chain they
 * count as before (a producer that trades nothing is a stranded source
 * with its supply).
 */

/** A chain: its primary commodity and the unit of its volumes. */
typedef struct mkg_chain {
	const char *commodity; /**< the primary commodity's id; NULL for a model without produce */
	const char *unit;      /**< the primary commodity's unit, else the model's volume_unit;
	                        *   NULL when neither is given */
} mkg_chain;

/**
 * The number of chains of model (the distinct primary commodities of its
 * non-service transactions) into *count.  MKG_EINVAL for NULL arguments,
 * MKG_EDATA with the message of mkg_model_validate() when the commodities'
 * made_from chains are broken.  O(T) on first use after a change, then
 * O(1) (cached with the produce graphs).
 */
MKG_EXPORT int mkg_model_chain_count(const mkg_model *model, size_t *count);

/**
 * The i-th chain of model, by commodity id in byte order; NULL out of
 * range, for a NULL model or when mkg_model_chain_count() fails.
 * Borrowed from the model: valid until it is modified or freed.
 */
MKG_EXPORT const mkg_chain *mkg_model_chain_at(const mkg_model *model, size_t i);

/* ------------------------------------------------------------------------ */
/* Options shared by the bottleneck analyses                                */

/** Options of the bottleneck analyses (flow, cut points, captive producers, betweenness,
 *  throughput, exit shock). */
typedef struct mkg_bottlenecks_options {
	unsigned int version;        /**< MKG_BOTTLENECKS_OPTIONS_VERSION */
	const char *const *sources;  /**< actor ids; NULL: every producer */
	size_t source_count;         /**< must be 0 when sources is NULL */
	const char *const *sinks;    /**< actor ids; NULL: every end_market */
	size_t sink_count;           /**< must be 0 when sinks is NULL */
	size_t pivots;               /**< betweenness: 0 exact, else an estimate from this many pivots */
	uint64_t seed;               /**< betweenness: seed of the pivot draw */
	const char *chain;           /**< primary commodity id; NULL: the model's only chain
	                              *   (mkg_bottlenecks_new(): every chain) */
	unsigned int threads;        /**< version 2: worker threads for betweenness's sources
	                              *   and mkg_bottlenecks_new()'s chains; 0: one per core,
	                              *   1: none made.  The result is the same, to the last
	                              *   bit, for any number */
} mkg_bottlenecks_options;

#define MKG_BOTTLENECKS_OPTIONS_VERSION 2
#define MKG_BOTTLENECKS_OPTIONS_INIT \
	{ MKG_BOTTLENECKS_OPTIONS_VERSION, NULL, 0, NULL, 0, 0, 0, NULL, 0 }

/** Fill *opts with MKG_BOTTLENECKS_OPTIONS_INIT (for bindings).  MKG_EINVAL for
 * NULL or a version this library does not know. */
MKG_EXPORT int mkg_bottlenecks_options_init(mkg_bottlenecks_options *opts, unsigned int version);

/*
 * Every function below that takes options fails with MKG_EINVAL for NULL
 * model or out, a wrong options version, or ids NULL with a nonzero count
 * (`sources: NULL with source_count 3`); with MKG_ENOTFOUND for an id that
 * names no actor (`sources: unknown actor "x"`, `sinks: ...`).  An id
 * named twice counts once.  A non-NULL list with count 0 is an empty set.
 *
 * The chain: opts->chain names a primary commodity; NULL picks the
 * model's only chain (a model without produce gives an empty graph, chain
 * commodity NULL).  NULL on a model with several chains fails with
 * MKG_EINVAL (`flow: the model has 2 chains (cotton, potato): name one in
 * options.chain`, the analysis's name first); a name that is no chain with
 * MKG_ENOTFOUND (`flow: no chain "maize" (the model's chains: cotton,
 * potato)`, or for a commodity made from another `flow: no chain "chips":
 * it is made from "potato", name its primary commodity`); broken
 * commodities with MKG_EDATA (see mkg_model_chain_count()).
 */

/* ------------------------------------------------------------------------ */
/* Cut points                                                               */

/** Structural cut points: articulation points and bridges.  Opaque. */
typedef struct mkg_cutpoints mkg_cutpoints;

/** An actor whose removal disconnects the undirected produce graph. */
typedef struct mkg_articulation_point {
	const char *actor;  /**< actor id */
	double throughput;  /**< max(volume bought, volume sold) */
} mkg_articulation_point;

/** A trading link whose removal disconnects the undirected produce graph. */
typedef struct mkg_bridge {
	const char *actors[2]; /**< the two actor ids, in byte order */
	double volume;         /**< produce volume over the link, both directions added */
} mkg_bridge;

/**
 * Find the articulation points and bridges of the undirected simple graph
 * of the produce graph (direction dropped, each pair of actors linked
 * once): the same sets as Hopcroft and Tarjan's definition.  One iterative
 * depth-first search (no recursion: any depth is fine).  Store the result
 * in *out (owned by the caller).  MKG_EINVAL for NULL arguments.
 * O(V + E) time and memory.  Ties are broken by id with the model's id
 * order, sorted once per model version and shared by every result here
 * (O(total id bytes) the first time).  opts (NULL: defaults) is checked
 * for its version only: cut points depend on no option.
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_cutpoints_new(mkg_cutpoints **out, const mkg_model *model,
                  const mkg_bottlenecks_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_cutpoints_free(mkg_cutpoints *c);

/** Number of articulation points.  O(1). */
MKG_EXPORT size_t mkg_cutpoints_articulation_count(const mkg_cutpoints *c);
/** The i-th articulation point, by throughput descending, or NULL out of range.  O(1). */
MKG_EXPORT const mkg_articulation_point *mkg_cutpoints_articulation_at(const mkg_cutpoints *c,
                                                                       size_t i);
/** Number of bridges.  O(1). */
MKG_EXPORT size_t mkg_cutpoints_bridge_count(const mkg_cutpoints *c);
/** The i-th bridge, by volume descending (ties by the two ids), or NULL out of range.  O(1). */
MKG_EXPORT const mkg_bridge *mkg_cutpoints_bridge_at(const mkg_cutpoints *c, size_t i);

/**
 * The result as a JSON object with the report's two keys:
 * `{"articulation_points": [...], "bridges": [...]}`.  A NUL-terminated
 * string in *out, freed with mkg_free(), its length in *len when len is
 * not NULL.  Deterministic.  O(k).  Rendered by the report layer.
 */
MKG_EXPORT int
mkg_cutpoints_write_json(const mkg_cutpoints *c, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Captive producers and gatekeepers                                        */

/** Captive producers (post-dominators), stranded producers, gatekeepers.  Opaque. */
typedef struct mkg_captive mkg_captive;

/** An actor that every route of some producers to every end market passes through. */
typedef struct mkg_captive_actor {
	const char *actor;  /**< actor id */
	size_t producers;   /**< its captive producers (itself excluded) */
	double supply;      /**< their summed supply */
} mkg_captive_actor;

/** The gatekeeper of an end market: its immediate dominator from the sources. */
typedef struct mkg_gatekeeper {
	const char *sink;   /**< the end market's id */
	const char *actor;  /**< the actor all its supply passes through */
} mkg_gatekeeper;

/**
 * Captive producers.  With a super-sink T fed by every sink, actor X
 * post-dominates source p when every path from p to T passes through X.
 * The captive producers of X are the sources it post-dominates, X itself
 * excluded: exactly the sources that lose every route to an end market if
 * X stops trading.  A source's supply is its `supply`, or when absent its
 * observed sales volume (its produce sold).  Sources with no route to any
 * sink are `stranded` (this includes sources in no produce transaction).
 * The gatekeeper of a sink, with a super-source S feeding every source,
 * is its immediate dominator when that is not S (a sink no source reaches
 * has none).
 *
 * Two dominator trees by SEMI-NCA (Georgiadis 2005), iterative, and one
 * walk of the post-dominator tree: O(E log V) for the semidominators plus
 * the ancestor climbs of the NCA step, which are near-linear in practice
 * (quadratic only on contrived graphs); O(V + E) memory.  The captive
 * lists are kept as ranges of one array, so the result's size is linear
 * even when the lists' total length is not.
 * Options: sources and sinks (see above).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_captive_new(mkg_captive **out, const mkg_model *model, const mkg_bottlenecks_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_captive_free(mkg_captive *c);

/** Number of actors with at least one captive producer.  O(1). */
MKG_EXPORT size_t mkg_captive_count(const mkg_captive *c);
/** The i-th, by captive supply descending, or NULL out of range.  O(1). */
MKG_EXPORT const mkg_captive_actor *mkg_captive_at(const mkg_captive *c, size_t i);
/**
 * The id of the j-th captive producer of the i-th actor (j < its
 * `producers`), or NULL out of range.  The order is the post-dominator
 * tree's, the same for the same model but not sorted (sorting every list
 * would cost more than the result's linear size); mkg_captive_write_json()
 * lists them in byte order.  O(1).
 */
MKG_EXPORT const char *mkg_captive_producer_at(const mkg_captive *c, size_t i, size_t j);

/** Number of stranded sources.  O(1). */
MKG_EXPORT size_t mkg_captive_stranded_count(const mkg_captive *c);
/** The i-th stranded source's id, in byte order, or NULL out of range.  O(1). */
MKG_EXPORT const char *mkg_captive_stranded_at(const mkg_captive *c, size_t i);
/** The summed supply of the stranded sources.  O(1). */
MKG_EXPORT double mkg_captive_stranded_supply(const mkg_captive *c);

/** Number of sinks with a gatekeeper.  O(1). */
MKG_EXPORT size_t mkg_captive_gatekeeper_count(const mkg_captive *c);
/** The i-th, by sink id, or NULL out of range.  O(1). */
MKG_EXPORT const mkg_gatekeeper *mkg_captive_gatekeeper_at(const mkg_captive *c, size_t i);

/**
 * The result as a JSON object with the report's three keys:
 * `{"captive": [...], "stranded": [...], "gatekeepers": [...]}`.  As
 * mkg_cutpoints_write_json().  O(L log L) for L listed producers in all.
 */
MKG_EXPORT int
mkg_captive_write_json(const mkg_captive *c, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Betweenness                                                              */

/** Betweenness centrality of every node of the produce graph.  Opaque. */
typedef struct mkg_betweenness mkg_betweenness;

/** One actor's betweenness: the share of shortest produce paths through it. */
typedef struct mkg_betweenness_score {
	const char *actor;   /**< actor id */
	double all_pairs;    /**< over all ordered pairs (s, t) */
	double source_sink;  /**< over pairs (source, sink) only */
} mkg_betweenness_score;

/**
 * Brandes' betweenness on the produce graph: directed, shortest paths by
 * number of arcs, not normalised.  all_pairs sums, over every ordered pair
 * (s, t) of distinct nodes other than v, the share of shortest s-t paths
 * through v: NetworkX's betweenness_centrality(G, normalized=False).
 * source_sink sums over sources s and sinks t only (t != s):
 * NetworkX's betweenness_centrality_subset(G, sources, sinks,
 * normalized=False), which for directed graphs is not halved.
 *
 * opts->pivots = k > 0 estimates instead: all_pairs from k pivots drawn
 * uniformly without replacement from the nodes, source_sink from k drawn
 * from the sources that are nodes (a pivot of both draws is searched once).
 * As NetworkX does for k, a node's sum is multiplied by C/k, or by C/(k-1)
 * when the node is a pivot itself (a lone pivot gets 0), where C counts
 * the candidates other than the node (n - 1 for all_pairs; for
 * source_sink the sources that are nodes, less one when the node is one):
 * unbiased estimates.  k at least the number of candidates gives the
 * exact values.  The draw uses opts->seed with the
 * library's own generator: the same seed gives the same result on every
 * platform.
 *
 * Time O(sum over searched sources of the arcs they reach): O(V E) exact,
 * split over opts->threads workers (chunks of 64 sources, summed in chunk
 * order: the same bits for any number); memory O(V + E) per worker (64
 * bytes per node and 4 per arc) plus O(V).  Sorting the result: O(V), with
 * the id order (see mkg_cutpoints_new()).
 */
MKG_EXPORT int
mkg_betweenness_new(mkg_betweenness **out, const mkg_model *model,
                    const mkg_bottlenecks_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_betweenness_free(mkg_betweenness *b);

/** Number of scores (the nodes of the produce graph).  O(1). */
MKG_EXPORT size_t mkg_betweenness_count(const mkg_betweenness *b);
/** The i-th score, by all_pairs descending, or NULL out of range.  O(1). */
MKG_EXPORT const mkg_betweenness_score *mkg_betweenness_at(const mkg_betweenness *b, size_t i);
/** Whether the scores are pivot estimates (1) or exact (0). */
MKG_EXPORT int mkg_betweenness_is_estimate(const mkg_betweenness *b);

/** The result as the report's `betweenness` array.  As mkg_cutpoints_write_json(). */
MKG_EXPORT int
mkg_betweenness_write_json(const mkg_betweenness *b, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Throughput                                                               */

/** Produce volume through every node of the produce graph.  Opaque. */
typedef struct mkg_throughput mkg_throughput;

/** The produce volume through one actor. */
typedef struct mkg_actor_throughput {
	const char *actor;  /**< actor id */
	double bought;      /**< produce volume bought */
	double sold;        /**< produce volume sold */
	double throughput;  /**< max(bought, sold) */
	double share;       /**< throughput / max(supplied, delivered); NaN when both are 0 */
} mkg_actor_throughput;

/**
 * Throughput of every node, with its share of the chain's volume: the
 * larger of the volume the sources sell (supplied) and the volume the
 * sinks buy (delivered), so that an actor which keeps or loses part of
 * what it buys is not put above 100% of what is delivered.
 * Options: sources, sinks.  O(V + E), with the id order (see mkg_cutpoints_new()).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_throughput_new(mkg_throughput **out, const mkg_model *model,
                   const mkg_bottlenecks_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_throughput_free(mkg_throughput *t);

/** Number of rows (the nodes of the produce graph).  O(1). */
MKG_EXPORT size_t mkg_throughput_count(const mkg_throughput *t);
/** The i-th row, by throughput descending, or NULL out of range.  O(1). */
MKG_EXPORT const mkg_actor_throughput *mkg_throughput_at(const mkg_throughput *t, size_t i);
/** Produce volume delivered to sinks (bought by them). */
MKG_EXPORT double mkg_throughput_delivered(const mkg_throughput *t);
/** Produce volume supplied by the sources (sold by them). */
MKG_EXPORT double mkg_throughput_supplied(const mkg_throughput *t);
/** Produce transactions without a volume (counted as 0). */
MKG_EXPORT size_t mkg_throughput_excluded(const mkg_throughput *t);

/** The result as the report's `throughput` array.  As mkg_cutpoints_write_json(). */
MKG_EXPORT int
mkg_throughput_write_json(const mkg_throughput *t, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Deliverable flow (maximum flow, minimum cut)                             */

/** Deliverable flow: how much supply can reach the sinks, and what binds.  Opaque. */
typedef struct mkg_flow mkg_flow;

/** The kind of a binding constraint.  Values are part of the ABI. */
typedef enum mkg_binding_type {
	MKG_BINDING_ACTOR = 0,       /**< an actor's `capacity` */
	MKG_BINDING_DEMAND = 1,      /**< a sink's `demand` */
	MKG_BINDING_TRANSACTION = 2  /**< the summed `capacity` of a seller's transactions to a buyer */
} mkg_binding_type;

/** "actor", "demand", "transaction"; NULL out of range.  Static. */
MKG_EXPORT const char *mkg_binding_type_name(mkg_binding_type type);

/** A capacity on the minimum cut. */
typedef struct mkg_binding {
	mkg_binding_type type; /**< what binds: an actor's capacity, an end market's demand or a
	                            link's capacity */
	const char *actor;   /**< actor or demand: the actor's id; NULL for a transaction */
	const char *seller;  /**< transaction: the seller's id; else NULL */
	const char *buyer;   /**< transaction: the buyer's id; else NULL */
	double capacity;     /**< the capacity (finite, >= 0) */
} mkg_binding;

/**
 * Deliverable flow (docs/analyses.md, section 2).  The flow network has a
 * super-source S with an arc to each source of capacity its supply (its
 * `supply`, or when absent its observed sales volume: the volume of its
 * produce sold); each actor with a `capacity` split into an in-node and an
 * out-node joined by an arc of that capacity; an arc per pair (seller,
 * buyer) of the produce graph with the summed capacity of its transactions
 * (unbounded when one of them has none); an arc from each sink to a
 * super-sink T of capacity its `demand` (unbounded when absent).
 *
 * The result gives the total supply (every source's, also of sources that
 * trade nothing), the maximum flow S -> T, the deliverable share = maximum
 * flow / total supply (NaN when the total supply is 0), and the binding
 * constraints: the actor capacities, transaction capacities and demands on
 * the minimum cut whose source side is the set of nodes reachable from S
 * in the residual network of the maximum flow.  That cut is the one with
 * the smallest source side, so it is unique: the same model gives the same
 * cut whatever the order of its records.  Supply arcs on the cut are not
 * binding; when only supply arcs are on the cut, every unit supplied can be
 * delivered (the flow equals the supply of the sources that reach a sink).
 * A zero capacity on the cut is binding with capacity 0.
 *
 * The maximum flow reported is the capacity of that cut: the supply arcs on
 * it plus the binding capacities, added in a fixed order, so it does not
 * depend on the order in which the solver moved flow.  Arithmetic is in
 * doubles; a residual capacity up to 1e-12 x the total supply counts as
 * saturated (rounding in sums of volumes must not open a path).
 *
 * Push-relabel (highest label, global relabelling, gap heuristic) in two
 * phases: O(V^2 sqrt(E)) worst case, close to linear on value chains;
 * O(V + E) memory.  Options: sources and sinks (pivots and seed are not used).
 * Fails as said at the top of this header, and with MKG_EUNSUPPORTED for a
 * flow network of 2^30 arcs or more.
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_flow_new(mkg_flow **out, const mkg_model *model, const mkg_bottlenecks_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_flow_free(mkg_flow *flow);

/**
 * The chain the flow was computed on: its primary commodity and the unit
 * of every volume of the result (primary equivalents).  Borrowed from the
 * result; NULL for a NULL flow.  O(1).
 */
MKG_EXPORT const mkg_chain *mkg_flow_chain(const mkg_flow *flow);
/** The summed supply of the sources.  O(1). */
MKG_EXPORT double mkg_flow_total_supply(const mkg_flow *flow);
/** The maximum flow from the sources to the sinks.  O(1). */
MKG_EXPORT double mkg_flow_max_flow(const mkg_flow *flow);
/** max flow / total supply, in [0, 1]; NaN when the total supply is 0.  O(1). */
MKG_EXPORT double mkg_flow_deliverable_share(const mkg_flow *flow);
/** Number of binding constraints.  O(1). */
MKG_EXPORT size_t mkg_flow_binding_count(const mkg_flow *flow);
/**
 * The i-th binding constraint, by type (actor, demand, transaction), then
 * actor id, or seller and buyer ids; NULL out of range.  O(1).
 */
MKG_EXPORT const mkg_binding *mkg_flow_binding_at(const mkg_flow *flow, size_t i);

/**
 * The result as the report's `flow` object: `{"total_supply": ...,
 * "max_flow": ..., "deliverable_share": ..., "binding": [...]}`.  As
 * mkg_cutpoints_write_json().  O(k) for k binding constraints.
 */
MKG_EXPORT int
mkg_flow_write_json(const mkg_flow *flow, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Exit shock                                                               */

/** What happens when some actors stop trading.  Opaque. */
typedef struct mkg_shock mkg_shock;

/** Options of the exit shock: who leaves, and the bottleneck options it uses. */
typedef struct mkg_shock_options {
	unsigned int version;        /**< MKG_SHOCK_OPTIONS_VERSION */
	const char *const *remove;   /**< ids of the actors that stop trading (required) */
	size_t remove_count;         /**< must be 0 when remove is NULL */
	const char *const *sources;  /**< actor ids; NULL: every producer */
	size_t source_count;         /**< must be 0 when sources is NULL */
	const char *const *sinks;    /**< actor ids; NULL: every end_market */
	size_t sink_count;           /**< must be 0 when sinks is NULL */
	const char *chain;           /**< primary commodity id; NULL: the model's only chain */
} mkg_shock_options;

#define MKG_SHOCK_OPTIONS_VERSION 1
#define MKG_SHOCK_OPTIONS_INIT { MKG_SHOCK_OPTIONS_VERSION, NULL, 0, NULL, 0, NULL, 0, NULL }

/** Fill *opts with MKG_SHOCK_OPTIONS_INIT (for bindings).  MKG_EINVAL for NULL
 * or a version this library does not know. */
MKG_EXPORT int mkg_shock_options_init(mkg_shock_options *opts, unsigned int version);

/**
 * Remove the actors named in opts->remove (remove_count ids) and compare
 * with the model as it is: the stranded sources, those that had a route to
 * a sink and have none without the removed actors (a removed source is not
 * stranded: it left), their summed supply, and the deliverable flow before
 * and after (mkg_flow_new() on the network without the removed actors and
 * their transactions).  The loss is max flow before - max flow after.
 * For one removed actor X the stranded sources are exactly X's captive
 * producers (mkg_captive_new()).  opts->sources, opts->sinks and opts->chain as in
 * mkg_bottlenecks_options (messages name `shock`); the chain and unit of
 * the result are those of mkg_shock_before().
 *
 * Fails like mkg_flow_new(), and with MKG_EINVAL for opts NULL or
 * opts->remove NULL with count 0 (`mkg_shock_new: no actors to remove
 * (opts->remove is NULL)`), remove NULL with a nonzero count (`remove: NULL
 * with remove_count 2`) or a NULL id (`remove[1]: NULL id`), MKG_ENOTFOUND
 * for an id that names no actor (`remove: unknown actor "x"`).  An id named
 * twice counts once; a non-NULL empty list changes nothing (loss 0).  Two
 * maximum flows and two O(V + E) searches.
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_shock_new(mkg_shock **out, const mkg_model *model, const mkg_shock_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_shock_free(mkg_shock *shock);

/** Number of removed actors (duplicates counted once).  O(1). */
MKG_EXPORT size_t mkg_shock_removed_count(const mkg_shock *shock);
/** The i-th removed actor's id, in byte order; NULL out of range.  O(1). */
MKG_EXPORT const char *mkg_shock_removed_at(const mkg_shock *shock, size_t i);
/** Number of stranded sources.  O(1). */
MKG_EXPORT size_t mkg_shock_stranded_count(const mkg_shock *shock);
/** The i-th stranded source's id, in byte order; NULL out of range.  O(1). */
MKG_EXPORT const char *mkg_shock_stranded_at(const mkg_shock *shock, size_t i);
/** The summed supply of the stranded sources.  O(1). */
MKG_EXPORT double mkg_shock_stranded_supply(const mkg_shock *shock);
/** The deliverable flow before (the model as it is); borrowed from the result. */
MKG_EXPORT const mkg_flow *mkg_shock_before(const mkg_shock *shock);
/** The deliverable flow without the removed actors; borrowed from the result. */
MKG_EXPORT const mkg_flow *mkg_shock_after(const mkg_shock *shock);
/** Max flow before - max flow after (>= 0).  O(1). */
MKG_EXPORT double mkg_shock_loss(const mkg_shock *shock);

/**
 * The result as JSON: `{"commodity": ..., "unit": ..., "removed": [...], "stranded": [...],
 * "stranded_supply": ..., "max_flow_before": ..., "max_flow_after": ...,
 * "loss": ..., "loss_share": ..., "after": {the flow object}}` where
 * loss_share = loss / max flow before (null when that is 0).  As
 * mkg_cutpoints_write_json().
 */
MKG_EXPORT int
mkg_shock_write_json(const mkg_shock *shock, char **out, size_t *len);

/**
 * Shocks of several chains (`marketgraph shock --format json`):
 * `{"chains": [...]}` with each shock's object as mkg_shock_write_json()
 * writes it, in the order given.  MKG_EINVAL for NULL out, shocks NULL
 * with a nonzero count (`mkg_shocks_write_json: shocks NULL with count 2`)
 * or a NULL shock (`mkg_shocks_write_json: shocks[1] is NULL`).  As mkg_cutpoints_write_json() otherwise.
 */
MKG_EXPORT int
mkg_shocks_write_json(const mkg_shock *const *shocks, size_t count, char **out, size_t *len);

/**
 * The result as text for an analyst (`marketgraph shock`): who left, the
 * deliverable flow before and after with the loss, the stranded producers
 * and the binding constraints after the exit.  Actors are written "id
 * (name)" when model (the one the result was computed on) gives them a
 * name of their own; volumes carry the chain's unit (mkg_flow_chain()), and
 * the first line names the chain.  A
 * NUL-terminated string in *out, freed with mkg_free(), its length in *len
 * when len is not NULL.  MKG_EINVAL for NULL shock, model or out.
 * Rendered by the report layer.  O(k) for k listed ids.
 */
MKG_EXPORT int
mkg_shock_write_text(const mkg_shock *shock, const mkg_model *model, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Every bottleneck section at once (the report's `bottlenecks` object)     */

/** The flow, cut points, captive producers, betweenness and throughput of
 * each chain of one model.  Opaque. */
typedef struct mkg_bottlenecks mkg_bottlenecks;

/** Graphs up to this many nodes get exact betweenness from mkg_bottlenecks_new(). */
#define MKG_BOTTLENECKS_EXACT_BETWEENNESS_NODES 20000
/** Pivots of the betweenness estimate on larger graphs. */
#define MKG_BOTTLENECKS_PIVOTS 256

/**
 * Run mkg_flow_new(), mkg_cutpoints_new(), mkg_captive_new(),
 * mkg_betweenness_new() and mkg_throughput_new() with the same sources and
 * sinks on every chain of model (mkg_model_chain_count(); none for a model
 * without produce), or only on opts->chain when it names one.
 * Betweenness, per chain: with opts->pivots = 0 (the default) exact when
 * the chain's produce graph has at most
 * MKG_BOTTLENECKS_EXACT_BETWEENNESS_NODES nodes, else estimated from
 * MKG_BOTTLENECKS_PIVOTS pivots drawn with opts->seed (exact betweenness
 * is O(V E), hours on a million actors); any other opts->pivots is used
 * as given (SIZE_MAX: always exact).  Fails like those functions (an
 * unknown opts->chain: `bottlenecks: no chain "maize" (...)`).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_bottlenecks_new(mkg_bottlenecks **out, const mkg_model *model,
                    const mkg_bottlenecks_options *opts);

/** Free the result and its parts.  NULL is a no-op. */
MKG_EXPORT void mkg_bottlenecks_free(mkg_bottlenecks *b);

/** Number of chains analysed (0 for a NULL b).  O(1). */
MKG_EXPORT size_t mkg_bottlenecks_chain_count(const mkg_bottlenecks *b);
/** The i-th chain (the model's chain order: by commodity id), borrowed
 * from the result; NULL out of range.  O(1). */
MKG_EXPORT const mkg_chain *mkg_bottlenecks_chain_at(const mkg_bottlenecks *b, size_t i);

/** The parts of the i-th chain, borrowed from the result (NULL for a NULL
 * b or i out of range).  O(1). */
MKG_EXPORT const mkg_flow *mkg_bottlenecks_flow(const mkg_bottlenecks *b, size_t i);
MKG_EXPORT const mkg_cutpoints *mkg_bottlenecks_cutpoints(const mkg_bottlenecks *b, size_t i);
MKG_EXPORT const mkg_captive *mkg_bottlenecks_captive(const mkg_bottlenecks *b, size_t i);
MKG_EXPORT const mkg_betweenness *mkg_bottlenecks_betweenness(const mkg_bottlenecks *b,
                                                              size_t i);
MKG_EXPORT const mkg_throughput *mkg_bottlenecks_throughput(const mkg_bottlenecks *b, size_t i);
/** The pivots the i-th chain's betweenness was estimated from; 0 when it is exact. */
MKG_EXPORT size_t mkg_bottlenecks_pivots(const mkg_bottlenecks *b, size_t i);

/**
 * The report's `bottlenecks` object (docs/report.md): `{"chains": [...]}`,
 * one object per chain with `commodity`, `unit` (null when unknown),
 * `flow`, `articulation_points`, `bridges`, `captive`, `stranded`,
 * `gatekeepers`, `betweenness`, `throughput`, plus `betweenness_estimate`:
 * null when the betweenness is exact, else `{"pivots": k, "seed": s}`.  As
 * mkg_cutpoints_write_json().
 */
MKG_EXPORT int
mkg_bottlenecks_write_json(const mkg_bottlenecks *b, char **out, size_t *len);


MKG_END_DECLS

#endif /* MARKETGRAPH_BOTTLENECKS_H */
