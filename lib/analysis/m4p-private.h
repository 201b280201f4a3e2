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

/* ---- support (a record supports a transaction when it targets it, its
 * seller or its buyer) ------------------------------------------------------ */

/* OR bits into the flags of the actors and transactions that record f
 * targets directly. */
static inline void
mkg__support_mark(const mkg_model *m, const mkg_facilitation_rec *f, uint8_t *actor_bits,
                  uint8_t *tx_bits, uint8_t bits)
{
	for (uint32_t k = 0; k < f->target_actors.count; k++)
		actor_bits[MKG_POOL_IDX(m, f->target_actors.first + k)] |= bits;
	for (uint32_t k = 0; k < f->target_transactions.count; k++)
		tx_bits[MKG_POOL_IDX(m, f->target_transactions.first + k)] |= bits;
}

/* The bits of every record that supports transaction t. */
static inline uint8_t
mkg__support_of(const mkg_model *m, uint32_t t, const uint8_t *actor_bits,
                const uint8_t *tx_bits)
{
	const mkg_transaction_rec *tx = MKG_TX(m, t);
	return (uint8_t)(tx_bits[t] | actor_bits[tx->seller] | actor_bits[tx->buyer]);
}

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
