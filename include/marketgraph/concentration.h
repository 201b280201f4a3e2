/* marketgraph: market concentration (monopoly, monopsony) and coalitions.
 *
 * docs/analyses.md, section 1.  A market is one commodity at one level of
 * trade in one period (levels pooled on request), optionally also split by
 * the seller's or the buyer's region; service transactions form markets of
 * their own.  On each side of each market every actor with a share > 0 has
 * its share listed.  An actor with `firms` N counts as N equal firms; an
 * end_market without `firms` is a competitive fringe: its share is listed,
 * it adds nothing to the HHI and is not a firm.  The result gives the
 * shares, HHI, normalised HHI, CR1, CR4 (and CR-k for any k), the effective
 * number of firms and the class under a threshold set.  The coalition
 * what-if treats a set of actors as one firm and gives the HHI before and
 * after.
 *
 * Complexity, with n transactions, A actors, F firm entries (at most 2n)
 * and M markets: O(n + A + F log F + M log M) time, O(n + A) memory.  One
 * pass groups the transactions into markets, a second sums each firm's
 * amount; the sorts are of the firms within each market and of the markets.
 *
 * Results copy every string they hold (ids, commodities, periods): they
 * outlive the model.  Strings and rows they return are borrowed from the
 * result and valid until it is freed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_CONCENTRATION_H
#define MARKETGRAPH_CONCENTRATION_H

#include "common.h"
#include "model.h"
#include "analysis.h"

MKG_BEGIN_DECLS

/* ------------------------------------------------------------------------ */
/* Threshold sets                                                           */

/** How concentrated one side of a market is.  Values are part of the ABI. */
typedef enum mkg_concentration_class {
	MKG_CLASS_EMPTY = 0,                 /**< the market's total is 0: no shares */
	MKG_CLASS_UNCONCENTRATED = 1,        /**< HHI below the `moderate` boundary */
	MKG_CLASS_MODERATELY_CONCENTRATED = 2, /**< from `moderate` up to `high`, both included */
	MKG_CLASS_HIGHLY_CONCENTRATED = 3,   /**< HHI above the `high` boundary */
	MKG_CLASS_FRINGE = 4                 /**< every share is a competitive fringe's: no HHI */
} mkg_concentration_class;

/**
 * "empty", "unconcentrated", "moderately_concentrated",
 * "highly_concentrated", "fringe"; NULL out of range.  Static.
 */
MKG_EXPORT const char *mkg_concentration_class_name(mkg_concentration_class cls);

/**
 * A threshold set: two HHI boundaries with the name and the source they
 * come from.  An HHI below `moderate` is unconcentrated, one above `high`
 * is highly concentrated, anything from `moderate` to `high` (both
 * included) is moderately concentrated.  This is the wording of every
 * guideline the built-in sets cite ("below 1,000", "between 1,000 and
 * 1,800", "in excess of 1,800").  An HHI within 1e-9 x the boundary of a
 * boundary counts as equal to it, so that rounding in a sum of shares does
 * not move a market across a line.
 *
 * The built-in sets (docs/analyses.md gives the sources):
 *   us2023  1000 / 1800  U.S. DOJ & FTC Merger Guidelines (2023), the default
 *   us2010  1500 / 2500  U.S. Horizontal Merger Guidelines (2010), section 5.3
 *   us1992  1000 / 1800  U.S. Horizontal Merger Guidelines (1992), section 1.51
 *   eu2004  1000 / 2000  EU Guidelines on horizontal mergers (2004/C 31/03), points 19-20
 */
typedef struct mkg_thresholds {
	unsigned int version; /**< MKG_THRESHOLDS_VERSION */
	const char *name;     /**< a short name; NULL: "custom" */
	const char *source;   /**< where the boundaries come from, or NULL */
	double moderate;      /**< lowest moderately concentrated HHI, 0..10000 */
	double high;          /**< highest moderately concentrated HHI, moderate..10000 */
} mkg_thresholds;

#define MKG_THRESHOLDS_VERSION 1
#define MKG_THRESHOLDS_INIT { MKG_THRESHOLDS_VERSION, NULL, NULL, 1000.0, 1800.0 }

/** Fill *t with MKG_THRESHOLDS_INIT (the us2023 numbers, no name). */
MKG_EXPORT int mkg_thresholds_init(mkg_thresholds *t, unsigned int version);

/** Number of built-in threshold sets.  O(1). */
MKG_EXPORT size_t mkg_thresholds_count(void);

/** The i-th built-in set (us2023 first), or NULL out of range.  Static. */
MKG_EXPORT const mkg_thresholds *mkg_thresholds_at(size_t i);

/**
 * The built-in set with this name, or NULL when there is none (then
 * MKG_ENOTFOUND is recorded with the message
 * `unknown threshold set "x" (known: us2023, us2010, us1992, eu2004)`).
 * Static.
 */
MKG_EXPORT const mkg_thresholds *mkg_thresholds_find(const char *name);

/**
 * The class of an HHI under t: MKG_CLASS_EMPTY for a NaN HHI (an empty
 * market) or a NULL t.  O(1).
 */
MKG_EXPORT mkg_concentration_class mkg_thresholds_classify(const mkg_thresholds *t, double hhi);

/* ------------------------------------------------------------------------ */
/* Concentration                                                            */

/** Options of the concentration analysis. */
typedef struct mkg_concentration_options {
	unsigned int version;     /**< MKG_CONCENTRATION_OPTIONS_VERSION */
	mkg_measure measure;      /**< default MKG_MEASURE_VOLUME */
	mkg_region_split split_by_region; /**< whose region splits markets; default none */
	const char *thresholds;   /**< a built-in set by name; NULL: "us2023" */
	const mkg_thresholds *custom_thresholds; /**< when not NULL: used instead of `thresholds` */
	mkg_levels levels;        /**< default MKG_LEVELS_SEPARATE */
	unsigned int threads;     /**< version 2: worker threads for the markets (chunks of
	                               64); 0: one per core, 1: none made.  The result is
	                               the same, to the last bit, for any number */
} mkg_concentration_options;

#define MKG_CONCENTRATION_OPTIONS_VERSION 2
#define MKG_CONCENTRATION_OPTIONS_INIT \
	{ MKG_CONCENTRATION_OPTIONS_VERSION, MKG_MEASURE_VOLUME, MKG_REGION_NONE, NULL, NULL, \
	  MKG_LEVELS_SEPARATE, 0 }

MKG_EXPORT int mkg_concentration_options_init(mkg_concentration_options *opts,
                                              unsigned int version);

/** The concentration of every market.  Opaque. */
typedef struct mkg_concentration mkg_concentration;

/** One market: the key and how many of its transactions were used. */
typedef struct mkg_market {
	const char *commodity;        /**< never NULL */
	const char *period;           /**< the transactions' effective period; NULL when none */
	const char *region;           /**< the sellers' (or buyers') region when split, else NULL */
	int service;                  /**< nonzero: a market of service transactions */
	size_t transactions;          /**< transactions carrying the measure */
	size_t excluded_transactions; /**< transactions lacking the measure, left out */
	const char *level;            /**< the level of trade ("producer": the farm gate);
	                                   NULL when levels are pooled */
} mkg_market;

/** One actor's share of one side of a market. */
typedef struct mkg_firm_share {
	const char *actor; /**< actor id */
	double share;      /**< in (0, 1] */
	double amount;     /**< the actor's sold (or bought) measure */
	int64_t firms;     /**< the firms it counts as: its `firms`, 1 when it has none,
	                        0 for a fringe */
	int fringe;        /**< 1: an end_market without `firms`, a competitive fringe */
} mkg_firm_share;

/**
 * One side of a market.  Every number but `total`, `firms`, `actors` and
 * `fringe_share` is NaN when the market is empty (total 0, class
 * MKG_CLASS_EMPTY) or when every share is a fringe's (class
 * MKG_CLASS_FRINGE).  Shares are of the whole side, fringe included; an
 * actor of N firms with share s adds s^2 / N to H (N firms of s / N each),
 * a fringe adds nothing.
 */
typedef struct mkg_market_side {
	double total;           /**< the market's measure (the same on both sides) */
	size_t firms;           /**< firms: the sum of N over the actors that are not fringe */
	double hhi;             /**< 10^4 H, H = sum of s_i^2 / N_i over the firms, 0..10000 */
	double hhi_normalized;  /**< (H - 1/F) / (1 - 1/F) with F = `firms`, 1 when F = 1;
	                             NaN when a fringe holds a share (its firms are unknown) */
	double cr1;             /**< largest share of one firm (an actor of N firms: s / N) */
	double cr4;             /**< sum of the 4 largest shares of one firm (all when fewer) */
	double effective_firms; /**< 1 / H */
	mkg_concentration_class concentration; /**< class under the result's threshold set */
	const mkg_firm_share *shares; /**< `actors` entries: share descending, ties by actor id */
	size_t actors;          /**< actors with a share > 0, fringe included */
	double fringe_share;    /**< the fringe's share of the side, 0 when none */
} mkg_market_side;

/**
 * Partition the transactions of model into markets and measure the
 * concentration of both sides of each.  opts NULL: the defaults.  Store
 * the result in *out (owned by the caller).  Fails with MKG_EINVAL for
 * NULL arguments, a wrong options version, an unknown measure, an unknown
 * threshold set (`thresholds: unknown threshold set "x" (known: ...)`) or
 * custom boundaries out of order or outside 0..10000
 * (`thresholds: boundaries must satisfy 0 <= moderate <= high <= 10000`).
 * O(n + A + F log F + M log M).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_concentration_new(mkg_concentration **out, const mkg_model *model,
                      const mkg_concentration_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void
mkg_concentration_free(mkg_concentration *c);

/**
 * Number of markets, sorted by commodity, level in chain order (the actor
 * kinds in the order of mkg_actor_kind, `producer` first, then other level
 * names in byte order), period, region, service (NULL first).  O(1).
 */
MKG_EXPORT size_t mkg_concentration_market_count(const mkg_concentration *c);

/** The market at index i, or NULL out of range.  O(1). */
MKG_EXPORT const mkg_market *mkg_concentration_market_at(const mkg_concentration *c, size_t i);

/** One side of market i, or NULL out of range.  O(1). */
MKG_EXPORT const mkg_market_side *mkg_concentration_side(const mkg_concentration *c, size_t i,
                                                         mkg_side side);

/**
 * CR-k of one side of market i: the sum of the k largest shares of one firm
 * (an actor of N firms being N firms of s / N; the fringe left out; all
 * firms when fewer than k; 0 for k = 0).  NaN when the side has no firm
 * (empty or fringe only) or i is out of range.  O(min(k, actors)).
 */
MKG_EXPORT double mkg_concentration_cr(const mkg_concentration *c, size_t i, mkg_side side,
                                       size_t k);

/** The measure the result was computed on. */
MKG_EXPORT mkg_measure mkg_concentration_measure(const mkg_concentration *c);
/** Whose region split the markets: MKG_REGION_NONE (0), _SELLER (1) or _BUYER (2). */
MKG_EXPORT mkg_region_split mkg_concentration_split_by_region(const mkg_concentration *c);
/** Whether levels were separate markets or pooled. */
MKG_EXPORT mkg_levels mkg_concentration_levels(const mkg_concentration *c);
/** The threshold set used (a copy held by the result). */
MKG_EXPORT const mkg_thresholds *mkg_concentration_thresholds(const mkg_concentration *c);
/** Transactions lacking the measure, over all markets. */
MKG_EXPORT size_t mkg_concentration_excluded(const mkg_concentration *c);

/**
 * The result as the `concentration` array of the report (docs/report.md),
 * rendered by the report layer (lib/report/): a NUL-terminated string in
 * *out, freed with mkg_free(), its length in *len when len is not NULL.
 * Deterministic.  O(F).
 */
MKG_EXPORT int
mkg_concentration_write_json(const mkg_concentration *c, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Coalition what-if                                                        */

/** Options of the coalition what-if. */
typedef struct mkg_coalitions_options {
	unsigned int version;       /**< MKG_COALITIONS_OPTIONS_VERSION */
	mkg_measure measure;        /**< default MKG_MEASURE_VOLUME */
	mkg_region_split split_by_region; /**< whose region splits markets; default none */
	const char *const *actors;  /**< actor ids of a coalition of the caller's, or NULL */
	size_t actor_count;         /**< length of actors; must be 0 when actors is NULL */
	int no_groups;              /**< nonzero: leave out the model's groups */
	mkg_levels levels;          /**< default MKG_LEVELS_SEPARATE */
} mkg_coalitions_options;

#define MKG_COALITIONS_OPTIONS_VERSION 1
#define MKG_COALITIONS_OPTIONS_INIT \
	{ MKG_COALITIONS_OPTIONS_VERSION, MKG_MEASURE_VOLUME, MKG_REGION_NONE, NULL, 0, 0, \
	  MKG_LEVELS_SEPARATE }

MKG_EXPORT int mkg_coalitions_options_init(mkg_coalitions_options *opts, unsigned int version);

/** Coalition what-ifs.  Opaque. */
typedef struct mkg_coalitions mkg_coalitions;

/**
 * A coalition on one side of one market where a member has a share > 0.
 * Members that are a competitive fringe are left out of the verdict: their
 * share is `fringe_share`, not part of `share`, and adds nothing to the
 * HHIs.  When every share of the side is a fringe's, the HHIs are NaN.
 */
typedef struct mkg_coalition_market {
	const char *commodity;  /**< the commodity traded in the market (borrowed from the
	                             model) */
	const char *period;     /**< NULL when none */
	const char *region;     /**< NULL unless split by region */
	int service;            /**< 1: a service market (credit, transport ...), 0: produce */
	mkg_side side;          /**< the side of the market the coalition is on */
	double share;           /**< the combined share of the members that are firms */
	double hhi_before;      /**< the market side's HHI (0 to 10,000) with every member a
	                             firm of its own */
	double hhi_after;       /**< those members counted as one firm */
	double delta;           /**< hhi_after - hhi_before = 10^4 ((sum s_i)^2 - sum s_i^2 / N_i) */
	int presumed_harmful;   /**< 2023 guidelines: delta > 100 and (hhi_after > 1800 or share > 30%) */
	const char *level;      /**< the market's level; NULL when levels are pooled */
	double fringe_share;    /**< the combined share of the members that are a fringe */
} mkg_coalition_market;

/**
 * The coalition what-if for the caller's coalition (opts->actors; listed
 * first, with no group) and for every group of the model's memberships
 * (the actors that are some membership's `group`, in byte order of id),
 * unless opts->no_groups.  A group's coalition is its members except
 * those whose role is exactly "supervisor"; the group actor itself is not
 * a member.  Duplicate ids in opts->actors count once.  Fails with
 * MKG_EINVAL for NULL arguments, bad options, or an unknown id
 * (`coalition: unknown actor "x"`).
 * O(n + A + F log F + M log M + sum over coalitions of the members' firm
 * entries x log).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_coalitions_new(mkg_coalitions **out, const mkg_model *model,
                   const mkg_coalitions_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_coalitions_free(mkg_coalitions *c);

/** Number of coalitions.  O(1). */
MKG_EXPORT size_t mkg_coalitions_count(const mkg_coalitions *c);
/** The group's actor id; NULL for the caller's coalition or i out of range. */
MKG_EXPORT const char *mkg_coalitions_group(const mkg_coalitions *c, size_t i);
/** Number of members (supervisors left out). */
MKG_EXPORT size_t mkg_coalitions_member_count(const mkg_coalitions *c, size_t i);
/** The k-th member's id, in byte order; NULL out of range. */
MKG_EXPORT const char *mkg_coalitions_member_at(const mkg_coalitions *c, size_t i, size_t k);
/** Number of market sides where a member has a share > 0. */
MKG_EXPORT size_t mkg_coalitions_market_count(const mkg_coalitions *c, size_t i);
/** The k-th market side, in market order then by side name; NULL out of range. */
MKG_EXPORT const mkg_coalition_market *mkg_coalitions_market_at(const mkg_coalitions *c, size_t i,
                                                             size_t k);
/** Whether coalition i is presumed harmful on at least one market side (1 or 0). */
MKG_EXPORT int mkg_coalitions_presumed_harmful(const mkg_coalitions *c, size_t i);

/** The result as the `coalitions` array of the report; as mkg_concentration_write_json(). */
MKG_EXPORT int
mkg_coalitions_write_json(const mkg_coalitions *c, char **out, size_t *len);

MKG_END_DECLS

#endif /* MARKETGRAPH_CONCENTRATION_H */
