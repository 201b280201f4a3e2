/* marketgraph: what the analyses share.  Never installed.
 *
 * The market partition (markets.c) is here so that every analysis that
 * speaks of "a market's measure" (concentration, facilitation mix, exit
 * simulation) uses the same markets in the same order.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_ANALYSIS_PRIVATE_H
#define MKG_ANALYSIS_PRIVATE_H

#include "model-private.h"
#include "core-private.h"
#include "marketgraph/analysis.h"
#include "marketgraph/concentration.h"
#include "marketgraph/dependency.h"

#include <math.h>

/* The chosen measure of a transaction: NaN when it lacks it. */
static inline double
mkg__tx_measure(const mkg_transaction_rec *t, mkg_measure measure)
{
	return measure == MKG_MEASURE_VALUE ? t->value : t->volume;
}

/* MKG_OK, or MKG_EINVAL naming the option when measure is out of range. */
int mkg__check_measure(mkg_measure measure);

/* MKG_OK, or MKG_EINVAL naming the option when a levels or region split value
 * is out of range: `levels: must be 0 (separate) or 1 (pooled), got 5`,
 * `split_by_region: must be 0 (none), 1 (seller) or 2 (buyer), got 3`. */
int mkg__check_levels(int levels);
int mkg__check_region_split(int split);

/* "separate"/"pooled" and "none"/"seller"/"buyer"; NULL out of range. */
const char *mkg__levels_name(mkg_levels levels);
const char *mkg__region_split_name(mkg_region_split split);

/* rank[a] = position of actor a when actors are sorted by id in byte order,
 * so that ties "by id" compare two integers.  O(A log A), sorted on
 * `threads` workers (mkg__sort; the same ranks for any number); free with
 * g_free. */
uint32_t *mkg__actor_id_rank(const mkg_model *m, unsigned int threads);

/* Compare two nullable strings: NULL before any string, then byte order. */
int mkg__strcmp_null(const char *a, const char *b);

/*
 * Comparisons against a guideline's boundary.  x counts as equal to b when
 * |x - b| <= 1e-9 * max(|b|, 1): the rounding in a sum of shares must not
 * move a market across a line ("above 1,800" means above it, not 1e-13
 * above it).
 */
bool mkg__above(double x, double b);
bool mkg__below(double x, double b);

/* ---- markets (markets.c) ------------------------------------------------ */

/* Levels in chain order: NULL (pooled) first, then the actor kind names in
 * the order of mkg_actor_kind (`producer`, the farm gate, first), then
 * other names in byte order. */
int mkg__level_cmp(const char *a, const char *b);

/* The name of the farm-gate level. */
#define MKG_FARM_GATE_LEVEL "producer"

typedef struct mkg__market {
	const char *commodity; /* interned in the model */
	const char *level;     /* interned or static; NULL when levels are pooled */
	const char *period;    /* interned, NULL when none */
	const char *region;    /* interned, NULL when none or not split */
	bool service;
	uint32_t first;        /* this market's transactions carrying the measure are */
	uint32_t count;        /* mk->tx[first .. first + count - 1], in model order */
	uint32_t excluded;     /* transactions lacking the measure */
	double total;          /* sum of the measure, in model order */
} mkg__market;

typedef struct mkg__markets {
	mkg_measure measure;
	mkg_levels levels;
	mkg_region_split split;
	uint32_t count;        /* markets */
	mkg__market *markets;  /* sorted by commodity, level, period, region, service */
	uint32_t *tx;          /* [carrying] transaction indices grouped by market */
	mkg_idx *seller;       /* [carrying] the seller, buyer and measure of tx[k], */
	mkg_idx *buyer;        /* copied so that a pass over a market reads memory */
	double *amount;        /* in order instead of jumping through the records */
	uint32_t carrying;     /* transactions carrying the measure */
	uint32_t excluded;     /* transactions lacking it */
	uint32_t *tx_market;   /* [transaction count] market of every transaction */
} mkg__markets;

/*
 * Partition the model's transactions into markets: commodity x level (unless
 * pooled) x effective period (x the seller's or the buyer's region) x service
 * flag.  levels and split must be valid.  A
 * market whose every transaction lacks the measure is still a market (with
 * total 0).  One pass with a hash of interned pointers, a sort of the
 * markets, a counting sort of the transactions: O(n + M log M).
 * measure must be valid.  Fails with MKG_EDATA, *mk left empty, when a
 * market's total overflows: `WHO: the volume of market "maize" 2010
 * overflows (sum of the transactions' volume exceeds 1.8e308)`, WHO naming
 * the analysis.  Free with mkg__markets_clear().
 */
int mkg__markets_build(mkg__markets *mk, const mkg_model *m, mkg_measure measure,
                       mkg_levels levels, mkg_region_split split, const char *who,
                       unsigned int threads);
void mkg__markets_clear(mkg__markets *mk);

/* ---- concentration (concentration.c) ------------------------------------- */

/* Per side, what the coalition what-if needs beyond the public row. */
typedef struct mkg__side_extra {
	double unit;      /* amounts are divided by this before squaring (1, or the total
	                   * when squares would overflow or underflow) */
	double sum_sq;    /* sum of (amount / unit)^2 / N over the firms (fringe left out) */
	size_t firm_shares; /* shares that are not a fringe's: the side's slice of by_firm */
} mkg__side_extra;

typedef struct mkg__conc_market {
	mkg_market pub;
	mkg_market_side side[2];
	mkg__side_extra extra[2];
} mkg__conc_market;

struct mkg_concentration {
	GStringChunk *strings;      /* owns every string of the result */
	mkg_measure measure;
	mkg_levels levels;
	mkg_region_split split;
	mkg_thresholds thresholds;  /* name and source point into strings */
	size_t excluded;
	size_t count;
	mkg__conc_market *markets;
	mkg_firm_share *shares;     /* every side's firms, one slice each */
	mkg_idx *share_actor;       /* [same length] model actor index of each share */
	uint32_t *by_firm;          /* [same length] per side, positions of its non-fringe
	                             * shares by amount per firm descending (for CR-k) */
	size_t share_count;
};

/* Resolve options into a threshold set (copied into *out, strings borrowed). */
int mkg__thresholds_resolve(const char *name, const mkg_thresholds *custom,
                            mkg_thresholds *out);

/* How many firms actor a counts as: its `firms`, 1 when it has none, 0 for
 * a competitive fringe (an end_market without `firms`). */
int64_t mkg__actor_firms(const mkg_model *m, mkg_idx a);

/* Compute concentration on an existing partition into *out, the markets'
 * sorting on `threads` workers (mkg__run_tasks; the same bits for any
 * number).  Fails with MKG_EDATA when the firms of a market side overflow
 * int64 (WHO names the analysis). */
int mkg__concentration_compute(mkg_concentration **out, const mkg_model *m,
                               const mkg__markets *mk, const mkg_thresholds *t,
                               const char *who, unsigned int threads);

/* ---- coalitions (coalition.c) -------------------------------------------- */

/* The coalition what-if on a computed concentration (its share_actor
 * indices must be those of m).  custom: actor indices, or NULL. */
mkg_coalitions *mkg__coalitions_compute(const mkg_model *m, const mkg_concentration *c,
                                        const mkg_idx *custom, size_t custom_count,
                                        bool with_groups);

/* Check and resolve actor ids into indices (deduplicated). */
int mkg__resolve_actor_ids(const mkg_model *m, const char *what, const char *const *ids,
                           size_t count, GArray **out);

/* ---- dependency (dependency.c) ------------------------------------------- */

/* Fails with MKG_EDATA when an actor's sales or purchases overflow.  The
 * pairs are summed, and sorted, on `threads` workers (the same bits for
 * any number). */
int mkg__dependency_compute(mkg_dependency **out, const mkg_model *m, mkg_measure measure,
                            unsigned int threads);

/* ---- summary (summary.c) -------------------------------------------------- */

/* The model's own fields and record counts as the summary copied them, for
 * its writers (the public API has them on the model: mkg_model_name()...).
 * Strings are NULL when absent. */
const char *mkg__summary_model_name(const mkg_summary *s);
const char *mkg__summary_currency(const mkg_summary *s);
const char *mkg__summary_volume_unit(const mkg_summary *s);
const char *mkg__summary_model_period(const mkg_summary *s);
size_t mkg__summary_actors(const mkg_summary *s);
size_t mkg__summary_transactions(const mkg_summary *s);
size_t mkg__summary_facilitation_records(const mkg_summary *s);
size_t mkg__summary_memberships(const mkg_summary *s);

#endif /* MKG_ANALYSIS_PRIVATE_H */
