/* marketgraph: marketing channels and the farmer's share per channel
 * (docs/analyses.md, "Marketing channels").
 *
 * A chain is one primary commodity with every commodity made from it
 * (made_from); its volumes are in primary equivalents (volume x the
 * product of input_per_unit down to the primary commodity).  Services are
 * never part of a chain.  A channel is the sequence of actor kinds the
 * produce of a chain passes on its way from producers to end markets:
 * "producer > trader > end_market".
 *
 * The observed flow is traced, not enumerated path by path: each actor
 * passes on what it received to its buyers in proportion to the
 * primary-equivalent volume it sells to each.  An actor that sells more
 * than the flow traced to it passes on all of that flow (a producer adds
 * its own produce for the difference; for any other actor the difference
 * is "untraced"); one that sells less passes on as much as it sells and
 * keeps the rest ("retained").  End markets end channels: what they sell
 * is untraced.  Arcs that close a cycle (found by a depth-first search in
 * model order) carry no traced flow: their volume is "circulating".  An
 * actor holds at most MKG_CHANNELS_PER_ACTOR distinct kind sequences, a
 * chain at most MKG_CHANNELS_PREFIXES, a sequence at most
 * MKG_CHANNELS_MAX_KINDS kinds: the rest is pooled in the channel "other"
 * (no steps; its farm and end prices are still given).
 *
 * Per primary unit, each step also gives its sellers' purchase price, value
 * added and, when they give actor costs, costs and net margin, and each
 * channel their sums (docs/analyses.md, 4b, "Margins per channel").
 *
 * Results copy every string they hold: they outlive the model.  Rows and
 * strings they return are borrowed from the result and valid until it is
 * freed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_CHANNELS_H
#define MARKETGRAPH_CHANNELS_H

#include "common.h"
#include "model.h"

MKG_BEGIN_DECLS

/** Most distinct kind sequences one actor passes on; the smallest by volume are pooled. */
#define MKG_CHANNELS_PER_ACTOR 64
/** Most distinct kind sequences (prefixes of channels) in one chain. */
#define MKG_CHANNELS_PREFIXES 4096
/** Most actor kinds in one channel, end market included. */
#define MKG_CHANNELS_MAX_KINDS 12

/** The marketing channels of a model.  Opaque. */
typedef struct mkg_channels mkg_channels;

/** Options of the marketing channels. */
typedef struct mkg_channels_options {
	unsigned int version; /**< MKG_CHANNELS_OPTIONS_VERSION */
	const char *chain;    /**< a primary commodity: only its chain; NULL: every chain */
} mkg_channels_options;

#define MKG_CHANNELS_OPTIONS_VERSION 1
#define MKG_CHANNELS_OPTIONS_INIT { MKG_CHANNELS_OPTIONS_VERSION, NULL }

MKG_EXPORT int mkg_channels_options_init(mkg_channels_options *opts, unsigned int version);

/** One chain: a primary commodity and what is made from it.  Volumes are in
 *  primary equivalents (unit), prices in the model's currency per unit. */
typedef struct mkg_channel_chain {
	const char *commodity;   /**< the primary commodity */
	const char *unit;        /**< its unit (the model's volume unit when it has none); NULL */
	double producer_volume;  /**< flow traced from producers: what they sell beyond what
	                              the flow brought them */
	double flow;             /**< of it, what reached end markets: the channels' sum */
	double retained;         /**< of it, what stayed with actors that sell less than
	                              they receive (producer_volume = flow + retained) */
	double untraced;         /**< sales beyond the flow traced to the seller (not producers) */
	double circulating;      /**< volume on arcs that close a cycle, left out */
	double producer_share;   /**< the volume-weighted mean farmer's share over the channels
	                              that have one; NaN when none has */
	size_t transactions;     /**< goods transactions of the chain with a volume > 0 */
	size_t without_value;    /**< of them, without a value: in volumes, not in prices */
	size_t without_volume;   /**< goods transactions of the chain without a volume > 0: in
	                              nothing */
} mkg_channel_chain;

/** One channel of a chain.  Fields are only appended (the result owns the
 *  rows: a caller never allocates one). */
typedef struct mkg_channel {
	const char *kinds;       /**< "producer > trader > end_market", or "other" */
	double volume;           /**< primary equivalents that reached end markets this way */
	double share;            /**< volume / the chain's flow */
	double farm_price;       /**< price of the first step (sold by producers), per primary
	                              unit; NaN when no flow on it has a value */
	double end_price;        /**< price of the last step (bought by end markets); NaN as above */
	double farmer_share;     /**< farm_price / end_price; NaN when either is absent or
	                              end_price is 0 */
	/* appended (issue 13): the margins per primary unit (docs/analyses.md, 4b) */
	double value_added;      /**< the steps' value added summed (their last price, as
	                              producers buy no produce of the chain); NaN when a
	                              step has none, and for "other" */
	double costs;            /**< the steps' costs summed; NaN when a step has none */
	double net_margin;       /**< value_added - costs; NaN when either is absent */
} mkg_channel;

/** One step of a channel: the sales of one kind to the next.  Fields are only
 *  appended, as for mkg_channel. */
typedef struct mkg_channel_step {
	mkg_actor_kind seller_kind; /**< the kind of the actors selling at this step */
	mkg_actor_kind buyer_kind; /**< the kind of the actors buying at this step */
	double priced_volume;    /**< of the channel's volume, the part crossing this step on
	                              transactions with a value */
	double value;            /**< the value that part carries */
	double price;            /**< value / priced_volume, per primary unit; NaN when 0 */
	/* appended (issue 13): the seller's margins per primary unit (docs/analyses.md, 4b) */
	double purchase_price;   /**< what the seller paid per primary unit: the previous
	                              step's price, 0 for the first step (producers buy no
	                              produce of the chain); NaN when that price is absent */
	double value_added;      /**< price - purchase_price; NaN when either is absent */
	double costs;            /**< the sellers' other costs per primary unit: their actor
	                              `costs`, purchases other than the chain's produce and
	                              transfers paid less received, spread over their sales by
	                              value; NaN unless every seller on the priced flow gives
	                              costs */
	double net_margin;       /**< value_added - costs; NaN when either is absent */
} mkg_channel_step;

/**
 * Trace the channels of model (opts NULL: every chain) into *out.  Chains
 * in byte order of their commodity; channels by volume, largest first (ties
 * by kinds), "other" last.  O((n + A) * P) for n transactions, A actors and
 * P distinct kind sequences per actor (at most MKG_CHANNELS_PER_ACTOR).
 * MKG_EINVAL for NULL arguments or a wrong options version;
 * MKG_ENOTFOUND for an unknown `chain` (`chain: no commodity "x"`);
 * MKG_EINVAL when it is not primary (`chain: "chips" is made from "potato":
 * name the primary commodity`); MKG_EDATA when the commodity list is
 * invalid (as mkg_model_validate()) or a sum or price overflows.
 */
MKG_EXPORT int
mkg_channels_new(mkg_channels **out, const mkg_model *model, const mkg_channels_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_channels_free(mkg_channels *c);

/** The model's currency (a copy; NULL when absent). */
MKG_EXPORT const char *mkg_channels_currency(const mkg_channels *c);

/** Number of chains with a goods transaction.  O(1). */
MKG_EXPORT size_t mkg_channels_chain_count(const mkg_channels *c);
/** Chain i, or NULL out of range. */
MKG_EXPORT const mkg_channel_chain *mkg_channels_chain_at(const mkg_channels *c, size_t i);

/** Number of channels of chain i (0 out of range).  O(1). */
MKG_EXPORT size_t mkg_channels_channel_count(const mkg_channels *c, size_t chain);
/** Channel j of chain i, or NULL out of range. */
MKG_EXPORT const mkg_channel *
mkg_channels_channel_at(const mkg_channels *c, size_t chain, size_t channel);

/** Number of steps of a channel: its kinds - 1 (0 for "other" or out of range). */
MKG_EXPORT size_t mkg_channels_step_count(const mkg_channels *c, size_t chain, size_t channel);
/** Step k of a channel, from the farm gate on, or NULL out of range. */
MKG_EXPORT const mkg_channel_step *
mkg_channels_step_at(const mkg_channels *c, size_t chain, size_t channel, size_t step);

/**
 * The result as the report's `channels` object (docs/report.md), rendered
 * by the report layer: a NUL-terminated string in *out, freed with
 * mkg_free(), its length in *len when len is not NULL.  Deterministic.
 */
MKG_EXPORT int mkg_channels_write_json(const mkg_channels *c, char **out, size_t *len);

MKG_END_DECLS

#endif /* MARKETGRAPH_CHANNELS_H */
