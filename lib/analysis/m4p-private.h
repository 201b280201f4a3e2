/* marketgraph: internals of the M4P analyses (facilitation, value,
 * inclusiveness, groups).  Never installed.
 *
 * Each analysis has a compute function that the public _new() wraps after
 * checking its arguments (the report calls it directly, sharing one market
 * partition).  Their JSON and text writers are in lib/report/
 * (sections-private.h).
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_M4P_PRIVATE_H
#define MKG_M4P_PRIVATE_H

#include "analysis-private.h"
#include "marketgraph/facilitation.h"
#include "marketgraph/value.h"
#include "marketgraph/groups.h"

/* ---- support (docs/analyses.md, "Which transactions a record supports") --
 *
 * A record supports the transactions it names, and of each actor it names
 * only the transactions its function concerns: a production-side function
 * (capacity_building, research_development, other) the actor's sales, any
 * other function every trade the actor is a party to.  Never through a
 * trading partner.  Every analysis that counts supported transactions
 * (mix, exit simulation) marks records with mkg__support_add and reads
 * them with mkg__support_of; the bits are the caller's (a group of
 * records, or a function before and after a date). */

/* Nonzero when records of function fn support every trade of a target
 * actor, 0 when only its sales. */
int mkg__function_supports_trades(int fn);

typedef struct mkg__support {
	uint64_t *sales;  /* per actor: bits supporting its sales */
	uint64_t *trades; /* per actor: bits supporting every trade it is a party to */
	uint64_t *tx;     /* per transaction: bits of the records naming it */
} mkg__support;

/* Zeroed arrays for m's actors and transactions; free with
 * mkg__support_clear. */
void mkg__support_init(mkg__support *s, const mkg_model *m);
void mkg__support_clear(mkg__support *s);

/* OR bits into what record f supports.  O(its targets). */
void mkg__support_add(mkg__support *s, const mkg_model *m, const mkg_facilitation_rec *f,
                      uint64_t bits);

/* The bits of every record that supports transaction t.  O(1). */
static inline uint64_t
mkg__support_of(const mkg__support *s, const mkg_model *m, uint32_t t)
{
	const mkg_transaction_rec *tx = MKG_TX(m, t);
	return s->tx[t] | s->sales[tx->seller] | s->trades[tx->seller] | s->trades[tx->buyer];
}

/* OR bits into the flags of the actors and transactions that record f
 * names as targets (direct reach). */
static inline void
mkg__targets_mark(const mkg_model *m, const mkg_facilitation_rec *f, uint8_t *actor_bits,
                  uint8_t *tx_bits, uint8_t bits)
{
	for (uint32_t k = 0; k < f->target_actors.count; k++)
		actor_bits[MKG_POOL_IDX(m, f->target_actors.first + k)] |= bits;
	for (uint32_t k = 0; k < f->target_transactions.count; k++)
		tx_bits[MKG_POOL_IDX(m, f->target_transactions.first + k)] |= bits;
}

/* Set supported[a] = 1 for every actor some record supports directly:
 * named as a target actor, or the seller or buyer of a named transaction
 * (inclusiveness, the tag split, compare's reach).  O(n + A + P). */
void mkg__mark_supported_actors(const mkg_model *m, uint8_t *supported);

/* A string kept by a result (NULL stays NULL). */
static inline const char *
mkg__keep(GStringChunk *strings, const char *s)
{
	return s ? g_string_chunk_insert_const(strings, s) : NULL;
}

/* Copy a market's key into a row. */
void mkg__facilitation_market_key(mkg_facilitation_market *row, GStringChunk *strings,
                                  const mkg__market *market);

/* MKG_EDATA when the costs of one facilitation type overflow: `WHO: the
 * cost of the commercial facilitation overflows (sum of the records' cost
 * exceeds 1.8e308)`.  Every cost the mix and the payments add up is part of
 * such a sum, so after this check none of theirs can overflow. */
int mkg__facilitation_costs_check(const mkg_model *m, const char *who);

/* Gini coefficient of x[0..n-1] (sorted in place): mean absolute difference
 * over twice the mean.  NaN when n = 0 or the mean is <= 0. */
double mkg__gini(double *x, size_t n);

/* ---- computations on a prepared partition -------------------------------- */

mkg_facilitation_mix *mkg__facilitation_mix_compute(const mkg_model *m, const mkg__markets *mk);
mkg_exit_readiness *mkg__exit_readiness_compute(const mkg_model *m);
mkg_exit_simulation *mkg__exit_simulation_compute(const mkg_model *m, const mkg__markets *mk,
                                                  const char *date, int32_t day);
mkg_competing *mkg__competing_compute(const mkg_model *m);
mkg_payments *mkg__payments_compute(const mkg_model *m);
/* Fails with MKG_EDATA when the value (or the priced volume) of all
 * transactions overflows (every sum of the analysis is a part of these),
 * or a price or share computed from them does. */
int mkg__value_compute(mkg_value **out, const mkg_model *m, const char *const *tags,
                       size_t tag_count);
/* Fails with MKG_EDATA when a sum of households or of volume overflows. */
int mkg__inclusiveness_compute(mkg_inclusiveness **out, const mkg_model *m);
/* The groups on a computed concentration (its coalitions are recomputed
 * for the groups only, so the caller's coalition stays out).  Fails with
 * MKG_EDATA when a group's members' households overflow. */
int mkg__groups_compute(mkg_groups **out, const mkg_model *m, const mkg_concentration *c);

#endif /* MKG_M4P_PRIVATE_H */
