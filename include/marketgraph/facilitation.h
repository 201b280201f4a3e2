/* marketgraph: facilitation analyses (docs/analyses.md, section 3).
 *
 * A facilitation record supports the transactions it names, and of each
 * actor it names the transactions its function concerns: its sales for
 * capacity_building, research_development and other, every trade it is a
 * party to for the other functions (docs/analyses.md, "Which transactions
 * a record supports"); never through a trading partner.  Five analyses,
 * one result object each:
 *   - the facilitation mix: per type and function, records, cost, targets,
 *     and the share of each market's measure supported by each type;
 *   - exit readiness: is every temporary record's exit planned?
 *   - exit simulation: what stops at a date, what is taken over, which
 *     transactions lose the support of a function;
 *   - competing programmes: records of different payers that share a
 *     target (duplication, overlap, complementarity, crowding out);
 *   - who pays: the users', the facilitator's and others' share of each
 *     record's cost.
 *
 * Results copy every string they hold: they outlive the model.  Rows and
 * strings they return are borrowed from the result and valid until it is
 * freed.  Lists are complete and sorted as each function says, ties by id
 * in byte order.  n transactions, A actors, F records, P targets (the
 * summed length of all target lists), M markets.
 *
 * Each analysis takes its own versioned options (NULL: defaults); the
 * _write_json functions are rendered by the report layer (lib/report/).
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKETGRAPH_FACILITATION_H
#define MARKETGRAPH_FACILITATION_H

#include "common.h"
#include "model.h"
#include "analysis.h"

MKG_BEGIN_DECLS

/**
 * A market (as in mkg_concentration_new()) and one part of its measure:
 * what the mix calls supported, what the exit simulation calls left
 * without support.
 */
typedef struct mkg_facilitation_market {
	const char *commodity; /**< never NULL */
	const char *period;    /**< NULL when none */
	const char *region;    /**< the sellers' region when split by region, else NULL */
	int service;           /**< nonzero: a market of service transactions */
	double total;          /**< the market's measure */
	double amount;         /**< the part of it this row is about */
	double share;          /**< amount / total; NaN when total is 0 */
} mkg_facilitation_market;

/* ------------------------------------------------------------------------ */
/* Facilitation mix                                                         */

/** The facilitation mix.  Opaque. */
typedef struct mkg_facilitation_mix mkg_facilitation_mix;

/** Options of the facilitation mix. */
typedef struct mkg_facilitation_mix_options {
	unsigned int version; /**< MKG_FACILITATION_MIX_OPTIONS_VERSION */
	mkg_measure measure;  /**< default MKG_MEASURE_VOLUME */
	int split_by_region;  /**< a mkg_region_split: 1 the seller's region, 2 the buyer's */
} mkg_facilitation_mix_options;

#define MKG_FACILITATION_MIX_OPTIONS_VERSION 1
#define MKG_FACILITATION_MIX_OPTIONS_INIT \
	{ MKG_FACILITATION_MIX_OPTIONS_VERSION, MKG_MEASURE_VOLUME, 0 }

MKG_EXPORT int mkg_facilitation_mix_options_init(mkg_facilitation_mix_options *opts,
                                                 unsigned int version);

/** The records of one type, of one function or of all (MKG_FUNCTION_UNSET). */
typedef struct mkg_mix_row {
	mkg_facilitation_type type;    /**< the type of facilitation of the row's records */
	mkg_function function;         /**< MKG_FUNCTION_UNSET: every function of the type */
	size_t records;                /**< facilitation records in the row */
	size_t records_without_cost;   /**< records that give no cost */
	double cost;                   /**< sum of the costs given (0 when none is) */
	size_t target_actors;          /**< distinct actors named as targets */
	size_t target_transactions;    /**< distinct transactions named as targets */
	size_t supported_transactions; /**< distinct transactions supported (named, or of a
	                                    named actor as its function says) */
} mkg_mix_row;

/**
 * The mix of model's facilitation records (opts NULL: defaults) into *out.
 * MKG_EINVAL for NULL arguments, a wrong options version or an unknown
 * measure: `mkg_facilitation_mix_new: unknown options version 7`.
 * O(n + A + P + M log M).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_facilitation_mix_new(mkg_facilitation_mix **out, const mkg_model *model,
                         const mkg_facilitation_mix_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_facilitation_mix_free(mkg_facilitation_mix *mix);

/** The totals of one type (also for a type with no record); NULL for an unknown type. */
MKG_EXPORT const mkg_mix_row *mkg_facilitation_mix_type(const mkg_facilitation_mix *mix,
                                                        mkg_facilitation_type type);

/** Number of functions the records of a type perform (0 for an unknown type). */
MKG_EXPORT size_t mkg_facilitation_mix_function_count(const mkg_facilitation_mix *mix,
                                                      mkg_facilitation_type type);

/** The k-th function row of a type, in the format's order of functions; NULL out of range. */
MKG_EXPORT const mkg_mix_row *mkg_facilitation_mix_function_at(const mkg_facilitation_mix *mix,
                                                            mkg_facilitation_type type,
                                                            size_t k);

/** Number of markets (every market of the model, each type the same).  O(1). */
MKG_EXPORT size_t mkg_facilitation_mix_market_count(const mkg_facilitation_mix *mix);

/**
 * Market i for one type, by commodity, period, region, service (NULL
 * first): `amount` is the measure of its transactions supported by at
 * least one record of the type.  NULL out of range.
 */
MKG_EXPORT const mkg_facilitation_market *
mkg_facilitation_mix_market_at(const mkg_facilitation_mix *mix, mkg_facilitation_type type,
                            size_t i);

/** The measure the result was computed on. */
MKG_EXPORT mkg_measure mkg_facilitation_mix_measure(const mkg_facilitation_mix *mix);

/**
 * The result as the `facilitation.mix` array of the report
 * (docs/report.md), rendered by the report layer: a NUL-terminated string
 * in *out, freed with mkg_free(), its length in *len when len is not NULL.
 * Deterministic.
 */
MKG_EXPORT int
mkg_facilitation_mix_write_json(const mkg_facilitation_mix *mix, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Exit readiness                                                           */

/**
 * Why a temporary record's exit is not planned, or is at risk.  Bits;
 * values are ABI.  The first four make it unplanned, the last two at risk.
 */
typedef enum mkg_exit_reason {
	MKG_EXIT_REASON_NO_END = 1u << 0,          /**< "no_end": the record has no end */
	MKG_EXIT_REASON_NO_EXIT = 1u << 1,         /**< "no_exit": it names no exit */
	MKG_EXIT_REASON_UNFIT_SUCCESSOR = 1u << 2, /**< "unfit_successor": the successor is a
	                                                programme or an ngo */
	MKG_EXIT_REASON_CONFLICTED_SUCCESSOR = 1u << 3, /**< "conflicted_successor": the function
	                                                     wants a neutral provider and the
	                                                     successor trades (docs/analyses.md) */
	MKG_EXIT_REASON_SUCCESSOR_PAYS_NOTHING = 1u << 4, /**< "successor_pays_nothing": it pays
	                                                       no share of the cost today */
	MKG_EXIT_REASON_USERS_PAY_NOTHING = 1u << 5 /**< "users_pay_nothing": a commercial
	                                                 successor whose users pay nothing */
} mkg_exit_reason;
#define MKG_EXIT_REASON_COUNT 6
/** The reasons that make an exit unplanned; the others put it at risk. */
#define MKG_EXIT_REASONS_UNPLANNED 0x0fu

/** "no_end", "no_exit", "unfit_successor", "conflicted_successor",
 *  "successor_pays_nothing", "users_pay_nothing"; NULL for anything else.  Static. */
MKG_EXPORT const char *mkg_exit_reason_name(mkg_exit_reason reason);

/** The exit readiness of every temporary record.  Opaque. */
typedef struct mkg_exit_readiness mkg_exit_readiness;

/** One temporary record's exit. */
typedef struct mkg_exit_plan {
	const char *record;            /**< the record's id */
	const char *facilitator;       /**< the actor id of its facilitator */
	mkg_function function;         /**< the function it supports */
	const char *end;               /**< NULL when none */
	mkg_exit exit;                 /**< MKG_EXIT_NONE when none */
	const char *successor;         /**< NULL when none */
	mkg_actor_kind successor_kind; /**< MKG_ACTOR_KIND_UNSET when no successor */
	int planned;                   /**< 1: no reason of MKG_EXIT_REASONS_UNPLANNED (it may
	                                    still be at risk), 0: unplanned */
	unsigned int reasons;          /**< mkg_exit_reason bits; 0: planned, not at risk */
	int at_risk;                   /**< planned, with a reason outside
	                                    MKG_EXIT_REASONS_UNPLANNED */
	double successor_share;        /**< the successor's share of paid_by; 0 when it is not
	                                    a payer, NaN without a successor or paid_by */
	double users_share;            /**< the share its users (the successor too when it is
	                                    one; not the facilitator) pay, or that is recovered
	                                    in prices (embedded); NaN without paid_by */
} mkg_exit_plan;

/** Options of the exit readiness: none yet but the version, so that the first one
 *  needs no new function. */
typedef struct mkg_exit_readiness_options {
	unsigned int version; /**< MKG_EXIT_READINESS_OPTIONS_VERSION */
} mkg_exit_readiness_options;

#define MKG_EXIT_READINESS_OPTIONS_VERSION 1
#define MKG_EXIT_READINESS_OPTIONS_INIT { MKG_EXIT_READINESS_OPTIONS_VERSION }

MKG_EXPORT int mkg_exit_readiness_options_init(mkg_exit_readiness_options *opts,
                                               unsigned int version);

/**
 * Judge every temporary record: `planned` when it has an end and an exit,
 * and a commercial or public exit names a successor that is not a
 * `programme` or an `ngo` and fits the function (a trading actor cannot
 * take over brokerage, information, linkages or a platform, nor a public
 * agency's regulation or monitoring); otherwise unplanned with every reason
 * that applies.  A planned exit is at risk when its successor pays no share
 * of the cost today, or when a commercial successor's users pay nothing
 * (none pays in paid_by, nothing is embedded, and the successor sells no
 * paid commercial record of that function).  opts NULL: defaults.
 * MKG_EINVAL for NULL arguments or a wrong options version.
 * O(F log F + P).
 */
MKG_EXPORT int
mkg_exit_readiness_new(mkg_exit_readiness **out, const mkg_model *model,
                       const mkg_exit_readiness_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_exit_readiness_free(mkg_exit_readiness *r);

/** Number of temporary records, sorted by record id.  O(1). */
MKG_EXPORT size_t mkg_exit_readiness_count(const mkg_exit_readiness *r);
/** Row i, or NULL out of range.  O(1). */
MKG_EXPORT const mkg_exit_plan *mkg_exit_readiness_at(const mkg_exit_readiness *r, size_t i);
/** Number of unplanned records.  O(1). */
MKG_EXPORT size_t mkg_exit_readiness_unplanned(const mkg_exit_readiness *r);
/** Number of planned records at risk.  O(1). */
MKG_EXPORT size_t mkg_exit_readiness_at_risk(const mkg_exit_readiness *r);

/** The `facilitation.exit_readiness` array; as mkg_facilitation_mix_write_json(). */
MKG_EXPORT int
mkg_exit_readiness_write_json(const mkg_exit_readiness *r, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Exit simulation                                                          */

/** What becomes of a temporary record at the exit date. */
typedef enum mkg_exit_outcome {
	MKG_EXIT_OUTCOME_STOPS = 0,      /**< ended before the date, no successor: support ends */
	MKG_EXIT_OUTCOME_TAKEN_OVER = 1, /**< ended before the date, continued by its successor */
	MKG_EXIT_OUTCOME_CONTINUES = 2,  /**< still running on the date */
	MKG_EXIT_OUTCOME_UNDATED = 3     /**< has no end: cannot be simulated, kept running */
} mkg_exit_outcome;

/** "stops", "taken_over", "continues", "undated"; NULL out of range.  Static. */
MKG_EXPORT const char *mkg_exit_outcome_name(mkg_exit_outcome outcome);

/**
 * Read an exit date: YYYY, YYYY-MM or YYYY-MM-DD with a real calendar day.
 * Store the day it stands for in *day as YYYYMMDD, a bare year or month
 * meaning its last day ("2012" -> 20121231, "2012-02" -> 20120229).
 * MKG_EINVAL for anything else, with the message
 * `exit_date: "2012-13-01" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`
 * (*day unchanged), or for NULL arguments.  O(1).
 */
MKG_EXPORT int mkg_exit_date_parse(const char *date, int32_t *day);

/** The exit simulation at one date.  Opaque. */
typedef struct mkg_exit_simulation mkg_exit_simulation;

/** Options of the exit simulation.  date has no default: it must be set. */
typedef struct mkg_exit_simulation_options {
	unsigned int version; /**< MKG_EXIT_SIMULATION_OPTIONS_VERSION */
	mkg_measure measure;  /**< default MKG_MEASURE_VOLUME */
	int split_by_region;  /**< a mkg_region_split: 1 the seller's region, 2 the buyer's */
	const char *date;     /**< the exit date: YYYY, YYYY-MM or YYYY-MM-DD (borrowed for
	                           the call); required, default NULL */
} mkg_exit_simulation_options;

#define MKG_EXIT_SIMULATION_OPTIONS_VERSION 1
#define MKG_EXIT_SIMULATION_OPTIONS_INIT \
	{ MKG_EXIT_SIMULATION_OPTIONS_VERSION, MKG_MEASURE_VOLUME, 0, NULL }

MKG_EXPORT int mkg_exit_simulation_options_init(mkg_exit_simulation_options *opts,
                                                unsigned int version);

/** One temporary record at the exit date. */
typedef struct mkg_exit_record {
	const char *record;                 /**< the record's id */
	const char *facilitator;            /**< the actor id of its facilitator */
	mkg_function function;              /**< the function it supports */
	const char *end;                    /**< NULL when none */
	mkg_exit exit;                      /**< its exit strategy; MKG_EXIT_NONE when it has
	                                         none */
	mkg_exit_outcome outcome;           /**< what happens to it at the exit date */
	const char *successor;              /**< TAKEN_OVER: who continues it; else NULL */
	mkg_actor_kind successor_kind;      /**< MKG_ACTOR_KIND_UNSET when no successor */
	mkg_facilitation_type type_after;   /**< TAKEN_OVER: commercial or public; else
	                                         MKG_FACILITATION_TEMPORARY */
} mkg_exit_record;

/**
 * A transaction that one function supported before the exit date and
 * supports no more: every record of that function supporting it stops.
 * One row per (transaction, function).
 */
typedef struct mkg_unsupported_transaction {
	const char *transaction; /**< the transaction's id */
	const char *seller;    /**< its seller's actor id */
	const char *buyer;     /**< its buyer's actor id */
	const char *commodity; /**< its commodity */
	const char *period; /**< effective period, NULL when none */
	double volume;      /**< MKG_ABSENT when not given */
	double value;       /**< MKG_ABSENT when not given */
	/* appended: a row struct is only read through a pointer the library returns */
	mkg_function function; /**< the function whose support it loses */
} mkg_unsupported_transaction;

/**
 * Simulate the exits at opts->date (YYYY, YYYY-MM or YYYY-MM-DD; a bare year or
 * month means its last day).  A temporary record whose end (its last day)
 * is before that day stops, unless its exit is commercial or public: then
 * its successor continues it with that type.  A record ending on the day
 * itself still runs; a record without an end is `undated` and kept.
 * Starts are not considered: the model is one period's picture.  Reported:
 * every temporary record's outcome, each (transaction, function) that a
 * record of the function supported before the date and none supports
 * after it (another function does not replace it), and each market's
 * measure those transactions carry (each transaction once).  The date is required, so opts cannot be NULL.
 * Fails with MKG_EINVAL for NULL arguments, a wrong options version, an
 * unknown measure, no date (`mkg_exit_simulation_new: the option date is
 * required`) or a malformed one: `exit_date: "2012-13-01" is not a date
 * (YYYY, YYYY-MM or YYYY-MM-DD)`; a date must be a real calendar day.
 * O(n + A + P + F log F + M log M).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_exit_simulation_new(mkg_exit_simulation **out, const mkg_model *model,
                        const mkg_exit_simulation_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_exit_simulation_free(mkg_exit_simulation *s);

/** The date as given. */
MKG_EXPORT const char *mkg_exit_simulation_date(const mkg_exit_simulation *s);
/** The day the date stands for, as YYYYMMDD (its last day). */
MKG_EXPORT int32_t mkg_exit_simulation_day(const mkg_exit_simulation *s);

/** Number of temporary records, sorted by record id.  O(1). */
MKG_EXPORT size_t mkg_exit_simulation_record_count(const mkg_exit_simulation *s);
/** Record row i, or NULL out of range. */
MKG_EXPORT const mkg_exit_record *mkg_exit_simulation_record_at(const mkg_exit_simulation *s,
                                                             size_t i);

/** Number of (transaction, function) rows left without support, sorted by
 *  transaction id, then function.  O(1). */
MKG_EXPORT size_t mkg_exit_simulation_unsupported_count(const mkg_exit_simulation *s);
/** Unsupported row i, or NULL out of range. */
MKG_EXPORT const mkg_unsupported_transaction *
mkg_exit_simulation_unsupported_at(const mkg_exit_simulation *s, size_t i);

/**
 * Number of markets with at least one transaction that loses a function's support,
 * by commodity, period, region, service (NULL first).  O(1).
 */
MKG_EXPORT size_t mkg_exit_simulation_market_count(const mkg_exit_simulation *s);
/** Market i: `amount` is the measure of its transactions that lose the support
 *  of a function, each counted once. */
MKG_EXPORT const mkg_facilitation_market *
mkg_exit_simulation_market_at(const mkg_exit_simulation *s, size_t i);

/** The measure the result was computed on. */
MKG_EXPORT mkg_measure mkg_exit_simulation_measure(const mkg_exit_simulation *s);

/**
 * The reach of the records running at one time: the actors and the
 * transactions they name as targets (direct), and the trading partners of
 * the actors they name that are not named themselves (indirect: reached
 * through a target, not supported).
 */
typedef struct mkg_exit_reach {
	size_t direct_actors;       /**< distinct actors named as targets */
	size_t direct_transactions; /**< distinct transactions named as targets */
	size_t indirect_actors; /**< trading partners of the target actors not named themselves */
} mkg_exit_reach;

/** The reach of every record before the date (after 0) or of those still
 *  running after it (after nonzero).  NULL for a NULL result. */
MKG_EXPORT const mkg_exit_reach *mkg_exit_simulation_reach(const mkg_exit_simulation *s,
                                                          int after);

/** A target actor that loses every record of one function at the date. */
typedef struct mkg_lost_support {
	const char *actor;     /**< the target actor's id */
	mkg_actor_kind kind;   /**< its kind */
	mkg_function function; /**< the function it loses every record of */
} mkg_lost_support;

/**
 * Number of (actor, function) pairs a record names before the date and
 * none still running after it: what the targets lose, function by
 * function (a regulation that continues does not replace a training that
 * stops).  Sorted by actor id, then function.  O(1).
 */
MKG_EXPORT size_t mkg_exit_simulation_lost_count(const mkg_exit_simulation *s);
/** Lost support i, or NULL out of range. */
MKG_EXPORT const mkg_lost_support *mkg_exit_simulation_lost_at(const mkg_exit_simulation *s,
                                                              size_t i);

/** The `facilitation.exit_simulation` object; as mkg_facilitation_mix_write_json(). */
MKG_EXPORT int
mkg_exit_simulation_write_json(const mkg_exit_simulation *s, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Competing programmes                                                     */

/** Pairs of records that compete.  Opaque. */
typedef struct mkg_competing mkg_competing;

/** How two records that share targets relate.  Values are ABI. */
typedef enum mkg_competing_relation {
	/** two temporary records, same function, similarity >= the option */
	MKG_COMPETING_DUPLICATION = 0,
	/** two temporary records, same function, similarity below it */
	MKG_COMPETING_OVERLAP = 1,
	/** two temporary records of different functions: potential complementarity */
	MKG_COMPETING_COMPLEMENTARITY = 2,
	/** a temporary (subsidised) record and a commercial record of the same
	 *  function for the same actors: the programme may crowd the provider out */
	MKG_COMPETING_CROWDING_OUT = 3
} mkg_competing_relation;
#define MKG_COMPETING_RELATION_COUNT 4

/** "duplication", "overlap", "complementarity", "crowding_out"; NULL otherwise.  Static. */
MKG_EXPORT const char *mkg_competing_relation_name(mkg_competing_relation relation);

/**
 * Two records of different payers with targets in common: both temporary,
 * or (crowding out) a temporary one and a commercial one of the same
 * function.  The payer of a record is the actor paying its largest share
 * (ties by id), its facilitator when paid_by names no actor.
 */
typedef struct mkg_competing_pair {
	const char *first;                  /**< record id; crowding out: the temporary record;
	                                         else first < second in byte order */
	const char *second;                 /**< record id: the other record of the pair */
	const char *first_facilitator;      /**< the actor id of first's facilitator */
	const char *second_facilitator;     /**< the actor id of second's facilitator */
	mkg_function first_function;        /**< the function first supports */
	mkg_function second_function;       /**< the function second supports */
	int same_function;                  /**< 1 when the functions are equal */
	int periods_overlap;                /**< 0 when one ends before the other starts (a
	                                         missing start or end is open) */
	size_t shared_actor_count;          /**< every actor both name as a target */
	const char *const *shared_actors;   /**< the first of them in byte order, at most
	                                         the option sample_ids */
	size_t shared_transaction_count;    /**< every transaction both name */
	const char *const *shared_transactions; /**< the first of them, as shared_actors */
	/* since options version 2 */
	const char *first_payer;            /**< the actor paying the largest share of first
	                                         (ties by id), its facilitator without paid_by */
	const char *second_payer;           /**< the same for second */
	mkg_facilitation_type second_type;  /**< temporary, or commercial for crowding out */
	mkg_competing_relation relation;    /**< how the two relate: duplication, overlap,
	                                         complementarity or crowding out */
	double similarity;                  /**< shared targets / targets of either record
	                                         (actors and transactions; Jaccard), in (0, 1] */
	size_t shared_actor_listed;         /**< length of shared_actors */
	size_t shared_transaction_listed;   /**< length of shared_transactions */
} mkg_competing_pair;

/** Options of the competing programmes. */
typedef struct mkg_competing_options {
	unsigned int version;          /**< MKG_COMPETING_OPTIONS_VERSION */
	double duplication_similarity; /**< same function and at least this similarity:
	                                    duplication; default 0.5, in [0, 1] */
	size_t sample_ids;             /**< shared ids listed per pair and kind; default 3 */
} mkg_competing_options;

#define MKG_COMPETING_OPTIONS_VERSION 2
#define MKG_COMPETING_OPTIONS_INIT { MKG_COMPETING_OPTIONS_VERSION, 0.5, 3 }

MKG_EXPORT int mkg_competing_options_init(mkg_competing_options *opts, unsigned int version);

/**
 * Every pair of records with different payers that name a common target
 * (actor or transaction): two temporary records, or a temporary record and
 * a commercial record of the same function (crowding out).  A payer's own
 * records never compete.  Per pair: the counts of shared targets and the
 * first few ids, the similarity and the relation (docs/analyses.md).
 * Targets reached by the same set of records form one class, and the pairs
 * are counted per class: O(F log F + P log P + sum over classes of k^2),
 * k the records of a class, which is the size of the output when records
 * overlapping on one target overlap on the same targets (R programmes over
 * the same N producers: one class, R^2 steps, not R^2 x N).
 * opts NULL: defaults.  MKG_EINVAL for NULL arguments, a wrong options
 * version or a duplication_similarity outside [0, 1]:
 * `mkg_competing_new: duplication_similarity must be in [0, 1], got 2`.
 */
MKG_EXPORT int
mkg_competing_new(mkg_competing **out, const mkg_model *model,
                  const mkg_competing_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_competing_free(mkg_competing *c);

/** Number of pairs, sorted by relation (in enum order), then first, then second.  O(1). */
MKG_EXPORT size_t mkg_competing_count(const mkg_competing *c);
/** Pair i, or NULL out of range. */
MKG_EXPORT const mkg_competing_pair *mkg_competing_at(const mkg_competing *c, size_t i);

/** The `facilitation.competing` array; as mkg_facilitation_mix_write_json(). */
MKG_EXPORT int
mkg_competing_write_json(const mkg_competing *c, char **out, size_t *len);

/* ------------------------------------------------------------------------ */
/* Who pays                                                                 */

/** Who pays for facilitation.  Opaque. */
typedef struct mkg_payments mkg_payments;

/**
 * One record's cost split.  The users are the record's target actors and
 * the sellers and buyers of its target transactions; a payer who is the
 * facilitator counts as the facilitator even when also a user; the
 * `embedded` part of paid_by (recovered in the price of named transactions)
 * is its own part.  The four shares add up to 1.  Shares are NaN when the
 * record has no paid_by; amounts are NaN when it has no cost or no paid_by.
 */
typedef struct mkg_payment_row {
	const char *record;         /**< the record's id */
	const char *facilitator;    /**< the actor id of its facilitator */
	mkg_facilitation_type type; /**< its type of facilitation */
	mkg_function function;      /**< the function it supports */
	double cost;                /**< MKG_ABSENT when not given */
	int paid_by_given;          /**< whether the record says who pays */
	double users_share;         /**< the share of the cost its users pay, in [0, 1]; NaN
	                                 without paid_by */
	double facilitator_share;   /**< the share its facilitator pays; NaN without paid_by */
	double others_share;        /**< the share other actors pay; NaN without paid_by */
	double users_amount;        /**< users_share x cost, in the model's currency; NaN
	                                 without cost or paid_by */
	double facilitator_amount;  /**< facilitator_share x cost; NaN as users_amount */
	double others_amount;       /**< others_share x cost; NaN as users_amount */
	int not_self_financing;     /**< commercial, its users pay nothing and nothing is
	                                 recovered in prices (or paid_by is absent) */
	double embedded_share;      /**< the part recovered in the price of the transactions
	                                 paid_by names (`embedded`); 0 when none, NaN without
	                                 paid_by */
	double embedded_amount;     /**< embedded_share x cost; NaN as the other amounts */
} mkg_payment_row;

/** One payer of a type's costs. */
typedef struct mkg_payer {
	const char *actor;   /**< the payer's actor id */
	mkg_actor_kind kind; /**< its kind */
	double amount;  /**< cost paid, over the records of the type with cost and paid_by */
	double share;   /**< amount / the type's cost; NaN when that cost is 0 */
} mkg_payer;

/** The costs of one type of facilitation and who bears them. */
typedef struct mkg_payment_total {
	mkg_facilitation_type type; /**< the type of facilitation */
	size_t records;            /**< facilitation records of the type */
	size_t records_with_cost;  /**< those that give a cost */
	double cost;               /**< sum of the costs given */
	double users_amount;       /**< paid by the users, over records with cost and paid_by */
	double facilitator_amount; /**< paid by the facilitators, over records with cost and
	                                paid_by */
	double others_amount;      /**< paid by other actors, over records with cost and paid_by */
	double unallocated_amount; /**< cost of records that do not say who pays */
	size_t not_self_financing; /**< records flagged */
	size_t payer_count;        /**< length of payers */
	const mkg_payer *payers;   /**< amount descending, ties by actor id; the embedded
	                                parts are not a payer */
	double embedded_amount;    /**< recovered in prices, over records with cost and paid_by */
} mkg_payment_total;

/** Options of who pays: none yet but the version, so that the first one
 *  needs no new function. */
typedef struct mkg_payments_options {
	unsigned int version; /**< MKG_PAYMENTS_OPTIONS_VERSION */
} mkg_payments_options;

#define MKG_PAYMENTS_OPTIONS_VERSION 1
#define MKG_PAYMENTS_OPTIONS_INIT { MKG_PAYMENTS_OPTIONS_VERSION }

MKG_EXPORT int mkg_payments_options_init(mkg_payments_options *opts, unsigned int version);

/**
 * Split the cost of every facilitation record among its users, its
 * facilitator and others, and total them per type.  opts NULL: defaults.
 * MKG_EINVAL for NULL arguments or a wrong options version.
 * O(F log F + P + payments log payments).
 * MKG_EDATA when a sum it makes overflows, naming it (docs/analyses.md,
 * "Sums that overflow").
 */
MKG_EXPORT int
mkg_payments_new(mkg_payments **out, const mkg_model *model, const mkg_payments_options *opts);

/** Free a result.  NULL is a no-op. */
MKG_EXPORT void mkg_payments_free(mkg_payments *p);

/** Number of records, sorted by record id.  O(1). */
MKG_EXPORT size_t mkg_payments_count(const mkg_payments *p);
/** Row i, or NULL out of range. */
MKG_EXPORT const mkg_payment_row *mkg_payments_at(const mkg_payments *p, size_t i);
/** The totals of one type (also with no record); NULL for an unknown type. */
MKG_EXPORT const mkg_payment_total *mkg_payments_total(const mkg_payments *p,
                                                       mkg_facilitation_type type);

/**
 * The two keys the result adds to the report's `facilitation` object, as
 * one JSON object: {"payments": [...], "payment_totals": [...]}; as
 * mkg_facilitation_mix_write_json().
 */
MKG_EXPORT int
mkg_payments_write_json(const mkg_payments *p, char **out, size_t *len);

MKG_END_DECLS

#endif /* MARKETGRAPH_FACILITATION_H */
