/* marketgraph: assessing change, two snapshots side by side
 * (docs/analyses.md, "Assessing change").
 *
 * mkg_compare_new() reads two models, "before" and "after" (two files, or
 * two periods of one model), runs the existing analyses on each side
 * (concentration, coalitions, flow, cut points, captive producers,
 * channels, value, inclusiveness) and sets their results side by side:
 * actors and commodities are matched by id, markets by commodity, level,
 * region and side (the period is what differs), chains by their primary
 * commodity, channels by their kind sequence.  On top it computes the
 * systemic-change indicators: crowding in, copying, take-over, resilience
 * and outreach without double counting.  The indicators say what changed
 * in the data, never why: attribution to a programme needs a
 * counterfactual the data do not hold.
 *
 * Complexity: the analyses run once per side (no betweenness); everything
 * the comparison adds is linear in actors + transactions + records of the
 * two models (hash tables keyed by id).
 *
 * Results copy every string they hold: they outlive the models.  Rows and
 * strings they return are borrowed from the result and valid until it is
 * freed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_COMPARE_H
#define MARKETGRAPH_COMPARE_H

#include "common.h"
#include "model.h"
#include "analysis.h"
#include "concentration.h"

MKG_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* Periods of one model                                                     */

/** The periods a model's transactions fall in.  Opaque. */
typedef struct mkg_periods mkg_periods;

/**
 * List the effective periods of model's transactions (a transaction's own
 * period, else the model's), in byte order; transactions with neither give
 * one period NULL, listed first.  MKG_EINVAL for NULL arguments.
 * O(n log P) for n transactions and P periods.
 */
MKG_EXPORT int mkg_periods_new(mkg_periods **out, const mkg_model *model);
/** Free the list.  NULL is a no-op. */
MKG_EXPORT void mkg_periods_free(mkg_periods *p);
/** Number of periods.  O(1). */
MKG_EXPORT size_t mkg_periods_count(const mkg_periods *p);
/** The i-th period (NULL for transactions without one, or i out of range). */
MKG_EXPORT const char *mkg_periods_at(const mkg_periods *p, size_t i);

/**
 * A new model holding one period of model: its document fields (the
 * period set to `period`), every commodity, the transactions whose
 * effective period is `period`, the facilitation records that started by
 * the period (a start and a period that read as dates, YYYY[-MM[-DD]],
 * compared by their last day; otherwise kept) with the targets that remain (targeted transactions of other periods are dropped; a
 * record left with no target is dropped), the actors that take part
 * (parties to those transactions; facilitators, successors, targets and
 * payers of those records; groups of the members kept), in model order,
 * and the memberships of the members kept.  An actor that trades only in
 * another period is not in the period's model: it enters or leaves.  period
 * NULL selects the transactions without a period.  *out is owned by the
 * caller (mkg_model_free()).  Fails with MKG_EINVAL for NULL arguments and
 * MKG_ENOTFOUND when no transaction falls in the period
 * (`period: no transaction in period "2015" (periods: 2011, 2012)`).
 * O(actors + transactions + records + targets).
 */
MKG_EXPORT int
mkg_model_select_period(mkg_model **out, const mkg_model *model, const char *period);

/* ------------------------------------------------------------------------ */
/* The comparison                                                           */

/** Options of the comparison of two models (or two periods of one). */
typedef struct mkg_compare_options {
	unsigned int version;       /**< MKG_COMPARE_OPTIONS_VERSION */
	const char *before_period;  /**< compare only this period of `before`; NULL: the
	                                 model must hold one period (or none) */
	const char *after_period;   /**< the same for `after` */
	double link_threshold;      /**< a trading link is strengthened when its volume grows
	                                 by at least this fraction, weakened when it falls by
	                                 at least this fraction; default 0.1, in [0, 1) */
	const char *thresholds;     /**< HHI threshold set by name; NULL: "us2023" */
} mkg_compare_options;

#define MKG_COMPARE_OPTIONS_VERSION 1
#define MKG_COMPARE_LINK_THRESHOLD 0.1
#define MKG_COMPARE_OPTIONS_INIT \
	{ MKG_COMPARE_OPTIONS_VERSION, NULL, NULL, MKG_COMPARE_LINK_THRESHOLD, NULL }

MKG_EXPORT int mkg_compare_options_init(mkg_compare_options *opts, unsigned int version);

/** Two models side by side.  Opaque. */
typedef struct mkg_compare mkg_compare;

/** What happened to a thing between the two sides.  Values are part of the ABI. */
typedef enum mkg_change {
	MKG_CHANGE_SAME = 0,         /**< on both sides (links: volume within the threshold) */
	MKG_CHANGE_ENTERING = 1,     /**< only after ("new" for links) */
	MKG_CHANGE_LEAVING = 2,      /**< only before ("lost" for links) */
	MKG_CHANGE_STRENGTHENED = 3, /**< links: volume up by the threshold or more */
	MKG_CHANGE_WEAKENED = 4      /**< links: volume down by the threshold or more */
} mkg_change;

/** "same", "entering", "leaving", "strengthened", "weakened"; NULL out of range. */
MKG_EXPORT const char *mkg_change_name(mkg_change change);

/**
 * Compare before with after.  opts NULL: the defaults.  Fails with
 * MKG_EINVAL for NULL arguments, bad options (`link_threshold: must be in
 * [0, 1), got 1.5`, an unknown threshold set), models whose values or
 * volumes cannot be set side by side (`compare: the models use different
 * currencies: "PEN" before, "USD" after`, `compare: the models use
 * different volume units: "t" before, "kg" after`, `compare: commodity
 * "chips" is in "t" before and "kg" after`), a model with several periods
 * and no period chosen (`before: the model holds 2 periods (2011, 2012):
 * choose one`); MKG_ENOTFOUND for a period with no transaction (as
 * mkg_model_select_period(), prefixed `before: ` or `after: `); MKG_EDATA
 * when an analysis fails on a side (its message, prefixed).  The same
 * model on both sides is fine (nothing changed).
 */
MKG_EXPORT int
mkg_compare_new(mkg_compare **out, const mkg_model *before, const mkg_model *after,
                const mkg_compare_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_compare_free(mkg_compare *c);

/** The two sides' periods (NULL when none) and names.  side 0: before, 1: after. */
MKG_EXPORT const char *mkg_compare_period(const mkg_compare *c, int side);
MKG_EXPORT const char *mkg_compare_name(const mkg_compare *c, int side);
/** The models' currency and volume unit (the same on both sides; NULL when none). */
MKG_EXPORT const char *mkg_compare_currency(const mkg_compare *c);
MKG_EXPORT const char *mkg_compare_volume_unit(const mkg_compare *c);
/** The link threshold used. */
MKG_EXPORT double mkg_compare_link_threshold(const mkg_compare *c);

/* ---- entering and leaving -------------------------------------------------- */

/** An actor or commodity on one side only. */
typedef struct mkg_compare_entity {
	const char *id;      /**< the actor's or commodity's id */
	mkg_change change;   /**< ENTERING or LEAVING */
	mkg_actor_kind kind; /**< actors: the kind; commodities: MKG_ACTOR_KIND_UNSET */
} mkg_compare_entity;

/** Actors on one side only: leaving first, then entering, each by id. */
MKG_EXPORT size_t mkg_compare_actor_count(const mkg_compare *c);
MKG_EXPORT const mkg_compare_entity *mkg_compare_actor_at(const mkg_compare *c, size_t i);
/** Commodities traded on one side only (as for actors). */
MKG_EXPORT size_t mkg_compare_commodity_count(const mkg_compare *c);
MKG_EXPORT const mkg_compare_entity *mkg_compare_commodity_at(const mkg_compare *c, size_t i);

/* ---- markets ---------------------------------------------------------------- */

/** One side of one market on one side of the comparison. */
typedef struct mkg_compare_concentration {
	int present;         /**< 0: the market does not exist on this side (numbers NaN) */
	double hhi;          /**< Herfindahl-Hirschman index, 0 to 10,000; NaN when absent */
	double cr4;                            /**< combined share of the four largest, in [0,
	                                            1]; NaN when absent */
	size_t firms;                          /**< firms with a share > 0 (0 when absent) */
	mkg_concentration_class concentration; /**< the HHI's class under the threshold set */
	double total;        /**< the market's volume */
} mkg_compare_concentration;

/** One market side, before and after. */
typedef struct mkg_compare_market {
	const char *commodity; /**< the commodity of the market */
	const char *level;    /**< "producer": the farm gate */
	const char *region;   /**< NULL: markets are not split by region */
	int service;          /**< 1: a service market, 0: produce */
	mkg_side side;        /**< the side: sellers or buyers */
	mkg_change change;    /**< SAME, ENTERING (a new market) or LEAVING */
	mkg_compare_concentration before; /**< the side's concentration in `before` */
	mkg_compare_concentration after; /**< the side's concentration in `after` */
	double hhi_change;    /**< after - before; NaN unless both have an HHI */
	double cr4_change;    /**< after - before, in [-1, 1]; NaN unless both have a CR4 */
} mkg_compare_market;

/** Market sides in concentration order (commodity, level, region, service), seller first. */
MKG_EXPORT size_t mkg_compare_market_count(const mkg_compare *c);
MKG_EXPORT const mkg_compare_market *mkg_compare_market_at(const mkg_compare *c, size_t i);

/** A coalition verdict that changed.  Verdicts: -1 not in the market, 0 not presumed
 *  harmful, 1 presumed harmful. */
typedef struct mkg_compare_coalition {
	const char *group;     /**< the group's actor id */
	const char *commodity; /**< the commodity of the market */
	const char *level;    /**< the market's level ("producer": the farm gate) */
	const char *region;   /**< NULL: markets are not split by region */
	mkg_side side;        /**< the side of the market the coalition is on */
	int before;           /**< the verdict in `before` (-1, 0 or 1, see above) */
	int after;            /**< the verdict in `after` */
	double delta_before;  /**< the HHI change the coalition makes; NaN when absent */
	double delta_after;   /**< the same in `after` */
} mkg_compare_coalition;

MKG_EXPORT size_t mkg_compare_coalition_count(const mkg_compare *c);
MKG_EXPORT const mkg_compare_coalition *mkg_compare_coalition_at(const mkg_compare *c,
                                                                 size_t i);

/* ---- trading links and outlets ----------------------------------------------- */

/** A trading link: seller -> buyer in one commodity (its own unit). */
typedef struct mkg_compare_link {
	const char *seller;    /**< the seller's actor id */
	const char *buyer;     /**< the buyer's actor id */
	const char *commodity; /**< the commodity */
	mkg_change change;     /**< ENTERING (new), LEAVING (lost), STRENGTHENED, WEAKENED */
	double volume_before;  /**< summed volume; NaN when absent (or no volume given) */
	double volume_after;   /**< the same in `after` */
	double value_before;   /**< summed value; NaN when absent */
	double value_after;    /**< the same in `after` */
} mkg_compare_link;

/** The links that changed (SAME left out), by seller, buyer, commodity. */
MKG_EXPORT size_t mkg_compare_link_count(const mkg_compare *c);
MKG_EXPORT const mkg_compare_link *mkg_compare_link_at(const mkg_compare *c, size_t i);
/** Links in each class (MKG_CHANGE_SAME included). */
MKG_EXPORT size_t mkg_compare_link_class_count(const mkg_compare *c, mkg_change change);

/** Producers' outlets on one side: distinct buyers of their goods. */
typedef struct mkg_compare_outlets {
	size_t producers;        /**< producers selling goods */
	double mean_outlets;     /**< mean distinct buyers per such producer; NaN when none */
	size_t one_outlet;       /**< producers with exactly one buyer */
	double one_outlet_share; /**< one_outlet / producers; NaN when none */
	int64_t one_outlet_households; /**< their households (absent counted 0) */
} mkg_compare_outlets;

MKG_EXPORT const mkg_compare_outlets *mkg_compare_side_outlets(const mkg_compare *c, int side);

/* ---- chains -------------------------------------------------------------------- */

/** A chain's bottleneck figures on one side. */
typedef struct mkg_compare_chain_side {
	int present;                /**< 0: the chain does not exist on this side (numbers NaN,
	                                 counts 0) */
	double deliverable_share;   /**< max flow / total supply (mkg_flow) */
	double max_flow;            /**< the deliverable produce flow, in the chain's unit
	                                 (mkg_flow) */
	double total_supply;        /**< the producers' summed supply, in the chain's unit */
	const char *captive_actor;  /**< the actor holding the most captive supply, end
	                                 markets left out (a chain's only end market holds every
	                                 producer); NULL when none */
	size_t captive_producers;   /**< its captive producers */
	double captive_supply;      /**< their supply (0 when no actor holds any) */
	size_t captive_actors;      /**< actors (not end markets) with a captive producer */
	size_t cut_points;          /**< articulation points */
	size_t producer_side_cut_points; /**< of them, actors that buy from producers */
	double producer_share;      /**< channels: the volume-weighted farmer's share */
} mkg_compare_chain_side;

/** A binding constraint that appeared or went. */
typedef struct mkg_compare_binding {
	mkg_change change;        /**< ENTERING (appeared) or LEAVING (went) */
	int type;                 /**< a mkg_binding_type */
	const char *actor;        /**< actor or demand; else NULL */
	const char *seller;       /**< transaction; else NULL */
	const char *buyer;        /**< transaction: the buyer's id; else NULL */
	double capacity;          /**< on the side where it binds */
} mkg_compare_binding;

/** A channel's farmer's share on both sides. */
typedef struct mkg_compare_channel {
	const char *kinds;          /**< the channel's kinds from producer to end market, as
	                                 "producer > trader > end_market" */
	double share_before;        /**< share of the chain's flow; NaN when absent */
	double share_after;         /**< the same in `after` */
	double farmer_share_before; /**< the farm price / end price of the channel in `before`;
	                                 NaN when absent */
	double farmer_share_after; /**< the same in `after` */
} mkg_compare_channel;

/** A chain's bottleneck figures before and after. */
typedef struct mkg_compare_chain {
	const char *commodity;    /**< the primary commodity */
	const char *unit;         /**< NULL when unknown */
	mkg_compare_chain_side before; /**< the chain in `before` */
	mkg_compare_chain_side after; /**< the chain in `after` */
} mkg_compare_chain;

/** Chains by commodity. */
MKG_EXPORT size_t mkg_compare_chain_count(const mkg_compare *c);
MKG_EXPORT const mkg_compare_chain *mkg_compare_chain_at(const mkg_compare *c, size_t i);
MKG_EXPORT size_t mkg_compare_binding_count(const mkg_compare *c, size_t chain);
MKG_EXPORT const mkg_compare_binding *mkg_compare_binding_at(const mkg_compare *c,
                                                             size_t chain, size_t k);
MKG_EXPORT size_t mkg_compare_channel_count(const mkg_compare *c, size_t chain);
MKG_EXPORT const mkg_compare_channel *mkg_compare_channel_at(const mkg_compare *c,
                                                             size_t chain, size_t k);

/* ---- value -------------------------------------------------------------------------- */

/**
 * Value added and net margin by actor kind (mkg_value: value added = sales
 * - intermediate purchases; net margin = value added - costs - transfers
 * paid + received).  Kinds in the format's order, those with a row on
 * either side.
 */
typedef struct mkg_compare_value {
	mkg_actor_kind kind;        /**< the actor kind */
	double value_added_before;  /**< NaN when absent */
	double value_added_after;   /**< the same in `after` */
	double share_before;        /**< of the chain's value added; NaN as mkg_kind_value */
	double share_after;         /**< the same in `after` */
	double net_margin_before;   /**< NaN when absent */
	double net_margin_after;    /**< the same in `after` */
	double income_per_household_before; /**< NaN when the kind has no households */
	double income_per_household_after;  /**< the same in `after` */
} mkg_compare_value;

MKG_EXPORT size_t mkg_compare_value_count(const mkg_compare *c);
MKG_EXPORT const mkg_compare_value *mkg_compare_value_at(const mkg_compare *c, size_t i);

/* ---- outreach ------------------------------------------------------------------------ */

/** Outreach on one side, without double counting (the DCED Standard's concern). */
typedef struct mkg_compare_reach {
	size_t direct_actors;        /**< distinct actors targeted by any record (mkg_inclusiveness) */
	int64_t direct_households;   /**< their households, each actor once */
	int64_t record_households;   /**< the naive sum over records of their targets'
	                                  households (counts an actor once per record) */
	size_t indirect_actors;      /**< trading partners (goods) of direct actors, not direct */
	int64_t indirect_households; /**< their households, each actor once (absent counted 0) */
	int64_t households_selling;  /**< producers' households that sell (mkg_inclusiveness) */
} mkg_compare_reach;

MKG_EXPORT const mkg_compare_reach *mkg_compare_side_reach(const mkg_compare *c, int side);

/** A facilitation record of `before` that ended by the after side. */
typedef struct mkg_compare_record {
	const char *record;         /**< the record's id */
	const char *facilitator;    /**< the actor id of its facilitator */
	mkg_facilitation_type type; /**< its type (temporary before it ended) */
	mkg_function function;    /**< the function it supported */
	const char *end;          /**< NULL when it has none (then it is gone from after) */
	mkg_exit exit;            /**< its exit strategy; MKG_EXIT_NONE when none */
	const char *successor;    /**< NULL when none */
	int gone;                 /**< 1: no longer in the after model */
} mkg_compare_record;

MKG_EXPORT size_t mkg_compare_ended_count(const mkg_compare *c);
MKG_EXPORT const mkg_compare_record *mkg_compare_ended_at(const mkg_compare *c, size_t i);

/* ---- systemic change ----------------------------------------------------------------- */

/** Crowding in: an actor that no programme targeted entering a market side or a
 *  function that programme-targeted actors were in before. */
typedef struct mkg_compare_crowding {
	const char *actor;        /**< the actor's id */
	mkg_actor_kind kind;      /**< its kind */
	const char *commodity;    /**< market rows; NULL for function rows */
	const char *level;        /**< market rows: the market's level; else NULL */
	mkg_side side;            /**< market rows: the side it entered; function rows: MKG_SIDE_SELLER */
	double share_after;       /**< its share of the side after; NaN for functions */
	mkg_function function;    /**< function rows; MKG_FUNCTION_UNSET for markets */
	const char *record;       /**< function rows: its record; else NULL */
} mkg_compare_crowding;

MKG_EXPORT size_t mkg_compare_crowding_count(const mkg_compare *c);
MKG_EXPORT const mkg_compare_crowding *mkg_compare_crowding_at(const mkg_compare *c, size_t i);

/** Copying: an actor no programme targeted taking up a contract type (not spot) that a
 *  targeted actor used before, or selling to a buyer a targeted actor sold to. */
typedef struct mkg_compare_copy {
	const char *actor;        /**< the actor's id */
	int contract;             /**< a mkg_contract; -1 for a link row */
	const char *buyer;        /**< link rows: the buyer; else NULL */
	const char *commodity;    /**< link rows: the commodity; else NULL */
	const char *first;        /**< a targeted actor that used it before (the smallest id) */
} mkg_compare_copy;

MKG_EXPORT size_t mkg_compare_copy_count(const mkg_compare *c);
MKG_EXPORT const mkg_compare_copy *mkg_compare_copy_at(const mkg_compare *c, size_t i);

/** Take-over: a function a temporary record served before, served after by a new
 *  commercial or public record of a market actor. */
typedef struct mkg_compare_takeover {
	mkg_function function;    /**< the function taken over */
	const char *temporary;    /**< the temporary record (ended or gone) */
	const char *record;       /**< the new commercial or public record */
	const char *provider;     /**< its facilitator */
	mkg_facilitation_type type; /**< the new record's type: commercial or public */
} mkg_compare_takeover;

MKG_EXPORT size_t mkg_compare_takeover_count(const mkg_compare *c);
MKG_EXPORT const mkg_compare_takeover *mkg_compare_takeover_at(const mkg_compare *c, size_t i);

/** Resilience signals, summed over chains: each is 1 when it fires. */
typedef struct mkg_compare_resilience {
	int captive_supply_falling;   /**< the largest captive supply fell in some chain and rose
	                                   in none */
	int outlets_rising;           /**< mean outlets per producer rose */
	int fewer_producer_cut_points; /**< producer-side cut points fell in some chain and rose
	                                    in none */
	int signals;                  /**< how many of the three fire */
} mkg_compare_resilience;

MKG_EXPORT const mkg_compare_resilience *mkg_compare_resilience_signals(const mkg_compare *c);

/**
 * The comparison as JSON (docs/report.md, "Comparison"): a NUL-terminated
 * string in *out, freed with mkg_free(), its length in *len when len is
 * not NULL.  Deterministic.
 */
MKG_EXPORT int mkg_compare_write_json(const mkg_compare *c, char **out, size_t *len);

/** The comparison as text, in the order of a results chain: outreach, market
 *  changes, systemic change.  As mkg_compare_write_json(). */
MKG_EXPORT int mkg_compare_write_text(const mkg_compare *c, char **out, size_t *len);

MKG_END_DECLS

#endif /* MARKETGRAPH_COMPARE_H */
