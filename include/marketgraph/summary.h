/* marketgraph: what a model holds (`marketgraph summary`).
 *
 * Counts of the records, the actors of each kind and their households,
 * the transactions, volume and value of every commodity (in its own unit)
 * and every period, and of every chain (a primary commodity with the
 * commodities made from it, in primary equivalents; docs/analyses.md).
 * Volumes of different commodities are never added: there is no total
 * volume.  No analysis: a first look at a model before analysing it.
 *
 * The result copies every string it holds: it outlives the model.  Rows
 * and strings it returns are borrowed from it and valid until it is freed.
 * n transactions, A actors, C commodities, P periods.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_SUMMARY_H
#define MARKETGRAPH_SUMMARY_H

#include "common.h"
#include "model.h"

MKG_BEGIN_DECLS

/** Options of the summary: none yet but the version, so that the first
 *  one needs no new function. */
typedef struct mkg_summary_options {
	unsigned int version; /**< MKG_SUMMARY_OPTIONS_VERSION */
} mkg_summary_options;

#define MKG_SUMMARY_OPTIONS_VERSION 1
#define MKG_SUMMARY_OPTIONS_INIT { MKG_SUMMARY_OPTIONS_VERSION }

MKG_EXPORT int mkg_summary_options_init(mkg_summary_options *opts, unsigned int version);

/** The summary of a model.  Opaque. */
typedef struct mkg_summary mkg_summary;

/** The transactions of one commodity or one period. */
typedef struct mkg_summary_group {
	const char *key;     /**< the commodity, or the period (NULL: transactions without one) */
	size_t transactions; /**< transactions in the group */
	size_t services;     /**< those that are services */
	double volume;       /**< sum of the volumes given, in unit; MKG_ABSENT when none is,
	                      *   and for a period that holds several commodities (volumes
	                      *   of different commodities are never added) */
	double value;        /**< sum of the values given; MKG_ABSENT when none is */
	const char *unit;    /**< a commodity's unit: its `unit` in the model's commodities,
	                      *   else the model's volume_unit (NULL when neither is); a
	                      *   period's: that of its one commodity, NULL with several */
} mkg_summary_group;

/** The goods transactions of one chain: a primary commodity and every
 *  commodity made from it (made_from, docs/format.md).  Services are in no
 *  chain; a commodity the model does not list is its own primary. */
typedef struct mkg_summary_chain {
	const char *primary; /**< the primary commodity */
	const char *unit;    /**< the primary commodity's unit (as mkg_summary_group.unit) */
	size_t transactions; /**< goods transactions of the chain */
	double volume;       /**< sum of the volumes given in primary equivalents (volume x
	                      *   input_per_unit along made_from); MKG_ABSENT when none is */
	double value;        /**< sum of the values given; MKG_ABSENT when none is */
} mkg_summary_chain;

/**
 * Summarise model (opts NULL: defaults) into *out.  A transaction's
 * period is its own or, when it has none, the model's.  MKG_EINVAL for
 * NULL arguments or a wrong options version
 * (`mkg_summary_new: unknown options version 7`).  O(n + A + C log C + P log P).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow"), or when the commodities' made_from chains are
 * invalid (the message of mkg_model_validate()).
 */
MKG_EXPORT int mkg_summary_new(mkg_summary **out, const mkg_model *model,
                               const mkg_summary_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_summary_free(mkg_summary *s);

/** Actors of one kind (0 for an unknown kind). */
MKG_EXPORT size_t mkg_summary_kind_actors(const mkg_summary *s, mkg_actor_kind kind);
/** Households of the actors of one kind; -1 when none of them gives any
 *  (or for an unknown kind). */
MKG_EXPORT int64_t mkg_summary_kind_households(const mkg_summary *s, mkg_actor_kind kind);
/** Households of all actors; -1 when no actor gives any. */
MKG_EXPORT int64_t mkg_summary_households(const mkg_summary *s);

/** Number of commodities, by name in byte order.  O(1). */
MKG_EXPORT size_t mkg_summary_commodity_count(const mkg_summary *s);
/** Commodity i, or NULL out of range. */
MKG_EXPORT const mkg_summary_group *mkg_summary_commodity_at(const mkg_summary *s, size_t i);
/** Number of periods: transactions without a period first, then by period in byte order. */
MKG_EXPORT size_t mkg_summary_period_count(const mkg_summary *s);
/** Period i, or NULL out of range. */
MKG_EXPORT const mkg_summary_group *mkg_summary_period_at(const mkg_summary *s, size_t i);

/** Number of chains, by primary commodity in byte order.  O(1). */
MKG_EXPORT size_t mkg_summary_chain_count(const mkg_summary *s);
/** Chain i, or NULL out of range. */
MKG_EXPORT const mkg_summary_chain *mkg_summary_chain_at(const mkg_summary *s, size_t i);

/** Sum of the values given, in the model's one currency (0 when none is).
 *  There is no total volume: volumes are per commodity and per
 *  chain. */
MKG_EXPORT double mkg_summary_value(const mkg_summary *s);
/** Transactions that give no volume, and no value. */
MKG_EXPORT size_t mkg_summary_transactions_without_volume(const mkg_summary *s);
MKG_EXPORT size_t mkg_summary_transactions_without_value(const mkg_summary *s);

/**
 * The summary as the JSON object of `marketgraph summary --format json`,
 * rendered by the report layer (lib/report/): a NUL-terminated string in
 * *out, freed with mkg_free(), its length in *len when len is not NULL.
 * Deterministic.  MKG_EINVAL for NULL s or out.
 */
MKG_EXPORT int mkg_summary_write_json(const mkg_summary *s, char **out, size_t *len);

/** The summary as the tables of `marketgraph summary` (text); as
 *  mkg_summary_write_json(). */
MKG_EXPORT int mkg_summary_write_text(const mkg_summary *s, char **out, size_t *len);

MKG_END_DECLS

#endif /* MARKETGRAPH_SUMMARY_H */
