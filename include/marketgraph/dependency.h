/* marketgraph: trade dependency between actors.
 *
 * docs/analyses.md, section 1 (Dependency).  For each actor with at least
 * one transaction carrying the measure: its largest buyer and the share of
 * its sales that buyer takes, its largest supplier and the share of its
 * purchases that supplier provides.  For each trading pair (s, b): the share
 * of s's sales that b buys, the share of b's purchases that s sells, and the
 * asymmetry between the two (positive: the buyer holds power over the
 * seller), and the level of trade of the pair's transactions.  Every
 * commodity and every level counts, services included.
 *
 * Complexity, with n transactions, A actors and P trading pairs (P <= n):
 * O(n + A log A + P log P) time, O(n + A) memory.
 *
 * The result copies the ids it holds: it outlives the model.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_DEPENDENCY_H
#define MARKETGRAPH_DEPENDENCY_H

#include "common.h"
#include "model.h"
#include "analysis.h"

MKG_BEGIN_DECLS

/** Options of the dependency analysis. */
typedef struct mkg_dependency_options {
	unsigned int version; /**< MKG_DEPENDENCY_OPTIONS_VERSION */
	mkg_measure measure;  /**< default MKG_MEASURE_VOLUME */
} mkg_dependency_options;

#define MKG_DEPENDENCY_OPTIONS_VERSION 1
#define MKG_DEPENDENCY_OPTIONS_INIT { MKG_DEPENDENCY_OPTIONS_VERSION, MKG_MEASURE_VOLUME }

MKG_EXPORT int mkg_dependency_options_init(mkg_dependency_options *opts, unsigned int version);

/** Dependency between actors.  Opaque. */
typedef struct mkg_dependency mkg_dependency;

/**
 * One actor.  A top partner is NULL and its share NaN when the actor's
 * total on that side is 0 or it has no transaction on that side.  Ties
 * between partners go to the smaller id (byte order).
 */
typedef struct mkg_actor_dependency {
	const char *actor;        /**< the actor's id (borrowed from the model) */
	const char *top_buyer;    /**< the buyer of the largest part of its sales */
	double sales_share;       /**< that buyer's share of its sales */
	const char *top_supplier; /**< the supplier of the largest part of its purchases */
	double purchase_share;    /**< that supplier's share of its purchases */
	double sales;             /**< its total sales (the measure, 0 when none) */
	double purchases;         /**< its total purchases */
} mkg_actor_dependency;

/**
 * One trading pair: at least one transaction seller -> buyer carries the
 * measure.  A dependency is NaN when the total it divides by is 0; the
 * asymmetry is NaN when either is.
 */
typedef struct mkg_pair_dependency {
	const char *seller;       /**< the seller's actor id */
	const char *buyer;        /**< the buyer's actor id */
	double seller_dependency; /**< share of the seller's sales that the buyer buys */
	double buyer_dependency;  /**< share of the buyer's purchases that the seller sells */
	double asymmetry;         /**< seller_dependency - buyer_dependency */
	double amount;            /**< the measure traded seller -> buyer */
	const char *level;        /**< the level of the pair's transactions ("producer": the
	                               farm gate); NULL when they are at more than one level */
} mkg_pair_dependency;

/**
 * Compute the dependencies of model (opts NULL: defaults) into *out (owned
 * by the caller).  MKG_EINVAL for NULL arguments, a wrong options version or
 * an unknown measure.  O(n + A log A + P log P).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_dependency_new(mkg_dependency **out, const mkg_model *model,
                   const mkg_dependency_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_dependency_free(mkg_dependency *d);

/** Number of actors listed, in byte order of id.  O(1). */
MKG_EXPORT size_t mkg_dependency_actor_count(const mkg_dependency *d);
/** Actor row i, or NULL out of range.  O(1). */
MKG_EXPORT const mkg_actor_dependency *mkg_dependency_actor_at(const mkg_dependency *d, size_t i);

/**
 * Number of trading pairs, sorted by asymmetry descending (NaN last), then
 * seller, then buyer.  O(1).
 */
MKG_EXPORT size_t mkg_dependency_pair_count(const mkg_dependency *d);
/** Pair row i, or NULL out of range.  O(1). */
MKG_EXPORT const mkg_pair_dependency *mkg_dependency_pair_at(const mkg_dependency *d, size_t i);

/** Transactions lacking the measure, left out. */
MKG_EXPORT size_t mkg_dependency_excluded(const mkg_dependency *d);
/** The measure the result was computed on. */
MKG_EXPORT mkg_measure mkg_dependency_measure(const mkg_dependency *d);

/**
 * The result as the `dependency` object of the report (docs/report.md),
 * rendered by the report layer (lib/report/): a NUL-terminated string in
 * *out, freed with mkg_free(), its length in *len when len is not NULL.
 * Deterministic.  O(A + P).
 */
MKG_EXPORT int
mkg_dependency_write_json(const mkg_dependency *d, char **out, size_t *len);

MKG_END_DECLS

#endif /* MARKETGRAPH_DEPENDENCY_H */
