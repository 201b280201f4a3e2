/* marketgraph: value distribution and inclusiveness (docs/analyses.md,
 * sections 4 and 5).
 *
 * Value distribution: who earns what along the chain.  Every transaction
 * with a value is a sale of its seller and a purchase of its buyer
 * (services included); value added = sales - purchases.  The unit price of
 * a transaction is value / volume when both are given and volume > 0.
 *
 * Inclusiveness: how many poor households the chain reaches, through
 * selling and through facilitation, and how much of the produce
 * smallholders sell.
 *
 * Results copy every string they hold: they outlive the model.  Rows and
 * strings they return are borrowed from the result and valid until it is
 * freed.  n transactions, A actors, P facilitation targets.  Each analysis
 * takes its own versioned options (NULL: defaults); the _write_json
 * functions are rendered by the report layer (lib/report/).
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_VALUE_H
#define MARKETGRAPH_VALUE_H

#include "common.h"
#include "model.h"

MKG_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* Value distribution                                                       */

/** The value distribution.  Opaque. */
typedef struct mkg_value mkg_value;

/** Options of the value distribution. */
typedef struct mkg_value_options {
	unsigned int version;         /**< MKG_VALUE_OPTIONS_VERSION */
	const char *const *by_tag;    /**< tags that split the producers in two (with the tag
	                                   and without it), or NULL: no split (`--by-tag`) */
	size_t by_tag_count;          /**< length of by_tag; 0 when by_tag is NULL */
} mkg_value_options;

#define MKG_VALUE_OPTIONS_VERSION 1
#define MKG_VALUE_OPTIONS_INIT { MKG_VALUE_OPTIONS_VERSION, NULL, 0 }

MKG_EXPORT int mkg_value_options_init(mkg_value_options *opts, unsigned int version);

/** One actor's money in and out (the model's currency).  End markets have
 *  no row: they are not a stage with a value added. */
typedef struct mkg_actor_value {
	const char *actor;   /**< the actor's id */
	mkg_actor_kind kind; /**< its kind */
	double sales;       /**< value of its sales, services included, transfers not */
	double purchases;   /**< value of its intermediate purchases, services included,
	                         transfers not */
	double value_added; /**< sales - purchases */
	double costs;       /**< its own costs (the actor's `costs`), 0 when none is given */
	double transfers_paid;     /**< fees, levies and taxes it pays (transfers it buys) */
	double transfers_received; /**< those it receives (transfers it sells) */
	double net_margin;  /**< value_added - costs - transfers_paid + transfers_received */
	int64_t households; /**< its households, -1 when absent */
	double income_per_household; /**< net_margin / households; NaN without households > 0 */
} mkg_actor_value;

/** What the Gini coefficient of a kind is taken over. */
typedef enum mkg_gini_over {
	MKG_GINI_UNDEFINED = 0,  /**< fewer than two units, or a mean <= 0: no Gini */
	MKG_GINI_ACTORS = 1,     /**< the actors' net margins */
	MKG_GINI_HOUSEHOLDS = 2  /**< the households' incomes (each actor's net margin per
	                              household, weighted by its households): every actor of
	                              the kind gives households > 0 */
} mkg_gini_over;

/** The actors of one kind (never end markets). */
typedef struct mkg_kind_value {
	mkg_actor_kind kind; /**< the kind */
	size_t actors;      /**< actors of the kind with a transaction that has a value */
	double sales;       /**< value of its actors' sales, services included, transfers not
	                         (the model's currency) */
	double purchases;   /**< value of their intermediate purchases, services included,
	                         transfers not */
	double value_added; /**< summed over the actors */
	double share;       /**< value_added / the chain's value added (the sum over every
	                         actor that is not an end market); NaN when that sum is <= 0 */
	double gini;        /**< Gini coefficient over gini_over; NaN when undefined */
	double costs;       /**< their own costs summed (0 when none is given) */
	double transfers_paid;       /**< fees, levies and taxes they pay */
	double transfers_received;   /**< those they receive */
	double net_margin;           /**< value_added - costs - transfers_paid +
	                                  transfers_received */
	int64_t households;          /**< households of its actors that give them */
	double income_per_household; /**< the net margin of the actors with households > 0
	                                  over their households; NaN when none has */
	mkg_gini_over gini_over;     /**< what gini is over: actors, households, or undefined */
	size_t gini_units;           /**< actors or households the Gini is over */
	double net_margin_share;     /**< net_margin / the chain's net margin; NaN when that
	                                  is <= 0 */
} mkg_kind_value;

/** The actors that sell at one market level (docs/analyses.md, "Levels"):
 *  each actor's value added, costs and net margin are spread over the levels
 *  it sells at, in proportion to the value it sells at each. */
typedef struct mkg_level_value {
	const char *level;   /**< the market level (an actor kind's name, or a transaction's own
	                          level) */
	size_t sellers;      /**< actors selling at the level (an actor may sell at several) */
	double sales;        /**< value sold at the level (transfers not) */
	double value_added;  /**< the value added of its sellers spread over their levels (see
	                          above) */
	double costs;        /**< their costs, spread the same way */
	double net_margin;   /**< value_added - costs - transfers paid + received, spread the
	                          same way */
	double share;        /**< value_added / the chain's value added; NaN when that is <= 0 */
} mkg_level_value;

/** Producers with (with = 1) or without (with = 0) one tag. */
typedef struct mkg_tag_value {
	const char *tag;             /**< the tag */
	int with;                    /**< 1: the producers with the tag, 0: those without it */
	size_t producers;            /**< producers in the row */
	int64_t households;          /**< of the producers that give households */
	size_t producers_selling;    /**< as mkg_inclusiveness_producers_selling() */
	int64_t households_selling;  /**< households of the producers that sell */
	int64_t households_supported; /**< households of its producers that facilitation
	                                   supports (as mkg_inclusiveness_households_supported) */
	double sales;                /**< value of their sales (the model's currency) */
	double net_margin;           /**< their net margin summed */
	double income_per_household; /**< net margin of the producers with households > 0
	                                  over their households; NaN when none has */
	double gini;                 /**< over their households' incomes, as a kind's; NaN */
	mkg_gini_over gini_over;     /**< what gini is over */
} mkg_tag_value;

/** The farmer's share of one commodity for producers with or without a tag. */
typedef struct mkg_tag_share {
	const char *tag;         /**< the tag */
	int with;                /**< 1: the producers with the tag, 0: those without it */
	const char *commodity;   /**< the commodity */
	double producer_price;   /**< average unit price these producers receive */
	double producer_volume;  /**< the volume the average price is over (in the commodity's
	                              unit) */
	double share;            /**< producer_price / the end-market price of the commodity */
} mkg_tag_share;

/** The price received by the sellers of one kind for one commodity. */
typedef struct mkg_stage_price {
	mkg_actor_kind seller_kind; /**< the kind of the sellers */
	size_t transactions; /**< transactions with a value and a volume > 0 */
	double volume;       /**< volume of those transactions (in the commodity's unit) */
	double value;        /**< value of those transactions (the model's currency) */
	double price;        /**< value / volume: the volume-weighted average unit price */
} mkg_stage_price;

/** The stage prices of one commodity. */
typedef struct mkg_commodity_prices {
	const char *commodity;         /**< the commodity */
	size_t stage_count;            /**< length of stages */
	const mkg_stage_price *stages; /**< by seller kind, in the format's order of kinds */
} mkg_commodity_prices;

/** The producer share of one commodity. */
typedef struct mkg_producer_share {
	const char *commodity;   /**< the commodity */
	double producer_price;   /**< average unit price producers receive */
	double end_market_price; /**< average unit price end markets pay */
	double share;            /**< producer_price / end_market_price */
	double producer_volume;  /**< volume the averages are over */
	double end_market_volume; /**< volume end markets buy that end_market_price is over */
} mkg_producer_share;

/**
 * Compute the value distribution of model into *out.  Transactions
 * without a value are left out of sales and purchases (and counted);
 * prices use transactions with a value and a volume > 0.  A producer
 * share is given only for a commodity that producers sell and end markets
 * buy, both with a price: prices of different commodities (potatoes and
 * chips) are never compared.  opts NULL: defaults.  MKG_EINVAL for NULL
 * arguments or a wrong options version.  O(n + A log A).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_value_new(mkg_value **out, const mkg_model *model, const mkg_value_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_value_free(mkg_value *v);

/** Transactions without a value, left out.  O(1). */
MKG_EXPORT size_t mkg_value_excluded(const mkg_value *v);
/** The chain's value added: the sum over every actor that is not an end market. */
MKG_EXPORT double mkg_value_chain_value_added(const mkg_value *v);
/** The model's currency and volume unit (copies; NULL when absent). */
MKG_EXPORT const char *mkg_value_currency(const mkg_value *v);
MKG_EXPORT const char *mkg_value_volume_unit(const mkg_value *v);

/** What end markets pay, net of what they sell (transfers not). */
MKG_EXPORT double mkg_value_end_market_purchases(const mkg_value *v);
/** Sums over every actor that is not an end market: costs and net margin. */
MKG_EXPORT double mkg_value_chain_costs(const mkg_value *v);
MKG_EXPORT double mkg_value_chain_net_margin(const mkg_value *v);
/** The value of all transfers (fees, levies, taxes): paid and received
 *  within the chain, never value added. */
MKG_EXPORT double mkg_value_transfers(const mkg_value *v);
/** Actors with at least one cost given. */
MKG_EXPORT size_t mkg_value_actors_with_costs(const mkg_value *v);

/** Number of actors with a transaction that has a value (end markets not),
 *  by actor id.  O(1). */
MKG_EXPORT size_t mkg_value_actor_count(const mkg_value *v);
/** Actor row i, or NULL out of range. */
MKG_EXPORT const mkg_actor_value *mkg_value_actor_at(const mkg_value *v, size_t i);

/** Number of kinds with such an actor, in the format's order of kinds.  O(1). */
MKG_EXPORT size_t mkg_value_kind_count(const mkg_value *v);
/** Kind row i, or NULL out of range. */
MKG_EXPORT const mkg_kind_value *mkg_value_kind_at(const mkg_value *v, size_t i);

/** Number of market levels with a seller, by level name.  O(1). */
MKG_EXPORT size_t mkg_value_level_count(const mkg_value *v);
/** Level row i, or NULL out of range. */
MKG_EXPORT const mkg_level_value *mkg_value_level_at(const mkg_value *v, size_t i);

/** Rows of the split by tag: for each option tag in the given order, the
 *  producers with it then those without.  O(1). */
MKG_EXPORT size_t mkg_value_tag_count(const mkg_value *v);
MKG_EXPORT const mkg_tag_value *mkg_value_tag_at(const mkg_value *v, size_t i);
/** Farmer's shares of the split: by tag (option order), with before without,
 *  then commodity; only commodities with a producer share.  O(1). */
MKG_EXPORT size_t mkg_value_tag_share_count(const mkg_value *v);
MKG_EXPORT const mkg_tag_share *mkg_value_tag_share_at(const mkg_value *v, size_t i);

/** Number of commodities with a price, by commodity.  O(1). */
MKG_EXPORT size_t mkg_value_commodity_count(const mkg_value *v);
/** Commodity i's stage prices, or NULL out of range. */
MKG_EXPORT const mkg_commodity_prices *mkg_value_commodity_at(const mkg_value *v, size_t i);

/** Number of commodities with a producer share, by commodity.  O(1). */
MKG_EXPORT size_t mkg_value_producer_share_count(const mkg_value *v);
/** Producer share row i, or NULL out of range. */
MKG_EXPORT const mkg_producer_share *mkg_value_producer_share_at(const mkg_value *v, size_t i);

/**
 * The producer share of one commodity, in O(log C).  MKG_ENOTFOUND, with
 * the reason, when there is none: `producer share of "chips": no producer
 * sells it with a price` or `... no end market buys it with a price`.
 * MKG_EINVAL for NULL arguments.
 */
MKG_EXPORT int mkg_value_producer_share_find(const mkg_value *v, const char *commodity,
                                             const mkg_producer_share **row);

/**
 * The result as the report's `value` object (docs/report.md), rendered by
 * the report layer: a NUL-terminated string in *out, freed with mkg_free(), its length in
 * *len when len is not NULL.  Deterministic.
 */
MKG_EXPORT int
mkg_value_write_json(const mkg_value *v, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Inclusiveness                                                            */

/** Households reached.  Opaque. */
typedef struct mkg_inclusiveness mkg_inclusiveness;

/** Options of the inclusiveness count: none yet but the version, so that the first one
 *  needs no new function. */
typedef struct mkg_inclusiveness_options {
	unsigned int version; /**< MKG_INCLUSIVENESS_OPTIONS_VERSION */
} mkg_inclusiveness_options;

#define MKG_INCLUSIVENESS_OPTIONS_VERSION 1
#define MKG_INCLUSIVENESS_OPTIONS_INIT { MKG_INCLUSIVENESS_OPTIONS_VERSION }

MKG_EXPORT int mkg_inclusiveness_options_init(mkg_inclusiveness_options *opts,
                                              unsigned int version);

/**
 * Count the households the chain reaches.  Sources are the producers; a
 * producer "sold" when it is the seller of a non-service transaction with
 * a volume or value > 0.  An actor is supported when a facilitation record
 * targets it or a transaction it sells or buys.  Absent households count
 * 0; households are people, counted model-wide.  Volumes are per chain.
 * The result outlives the model.  opts NULL: defaults.  MKG_EINVAL for NULL
 * arguments or a wrong options version; MKG_EDATA when the commodities'
 * made_from chains are invalid (the message of mkg_model_validate()).
 * O(n + A + P + K log K), K chains.
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_inclusiveness_new(mkg_inclusiveness **out, const mkg_model *model,
                      const mkg_inclusiveness_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_inclusiveness_free(mkg_inclusiveness *inc);

/** Sum of households of the producers that sold anything. */
MKG_EXPORT int64_t mkg_inclusiveness_households_selling(const mkg_inclusiveness *inc);
/** Number of producers that sold anything. */
MKG_EXPORT size_t mkg_inclusiveness_producers_selling(const mkg_inclusiveness *inc);
/** Sum of households of all producers. */
MKG_EXPORT int64_t mkg_inclusiveness_households_producers(const mkg_inclusiveness *inc);
/** Sum of households of the actors supported by facilitation. */
MKG_EXPORT int64_t mkg_inclusiveness_households_supported(const mkg_inclusiveness *inc);
/** Number of actors supported by facilitation. */
MKG_EXPORT size_t mkg_inclusiveness_actors_supported(const mkg_inclusiveness *inc);
/** The produce of one chain (a primary commodity and the commodities made
 *  from it; services never), volumes in primary equivalents (volume x
 *  input_per_unit along made_from, docs/analyses.md "Chains"). */
typedef struct mkg_inclusiveness_chain {
	const char *primary;             /**< the primary commodity, owned by the result */
	const char *unit;                /**< its unit (its `unit`, else the model's
	                                  *   volume_unit; NULL when neither is) */
	double produce_volume;           /**< volume of the chain's sales that give one */
	double smallholder_volume;       /**< the part sold by actors with households > 0 */
	double smallholder_volume_share; /**< smallholder / produce volume; NaN when 0 */
} mkg_inclusiveness_chain;

/** Number of chains with a goods transaction, by primary commodity in byte
 *  order.  O(1). */
MKG_EXPORT size_t mkg_inclusiveness_chain_count(const mkg_inclusiveness *inc);
/** Chain i, borrowed from inc; NULL out of range. */
MKG_EXPORT const mkg_inclusiveness_chain *
mkg_inclusiveness_chain_at(const mkg_inclusiveness *inc, size_t i);

/** The model-wide volumes, kept for a model with one chain: that chain's
 *  produce volume, smallholder volume and share.  Volumes of different
 *  chains are never added: NaN (JSON null) when the model has several
 *  chains; 0, 0 and NaN when it has none.  Use the chains. */
MKG_EXPORT double mkg_inclusiveness_produce_volume(const mkg_inclusiveness *inc);
MKG_EXPORT double mkg_inclusiveness_smallholder_volume(const mkg_inclusiveness *inc);
MKG_EXPORT double mkg_inclusiveness_smallholder_volume_share(const mkg_inclusiveness *inc);

/** The report's `inclusiveness` object; as mkg_value_write_json(). */
MKG_EXPORT int
mkg_inclusiveness_write_json(const mkg_inclusiveness *inc, char **out, size_t *len);

MKG_END_DECLS

#endif /* MARKETGRAPH_VALUE_H */
