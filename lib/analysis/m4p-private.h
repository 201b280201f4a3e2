/* marketgraph: internals of the M4P analyses (facilitation, value,
 * inclusiveness, groups).  Never installed.
 *
 * Each analysis has a compute function that the public _new() wraps after
 * checking its arguments (the report calls it directly, sharing one market
 * partition), a JSON writer that writes the result as one value at the
 * writer's position, and a text writer for the report's text view.
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
/* A market row as a JSON object, its amount under amount_key. */
void mkg__facilitation_market_write(mkg_jw *w, const mkg_facilitation_market *row,
                                    const char *amount_key);

/* Check facilitation options (NULL: defaults) into *o. */
int mkg__facilitation_options_check(const mkg_facilitation_options *opts,
                                    mkg_facilitation_options *o);

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
mkg_value *mkg__value_compute(const mkg_model *m);
mkg_inclusiveness *mkg__inclusiveness_compute(const mkg_model *m);
/* The groups on a computed concentration (its coalitions are recomputed
 * for the groups only, so the caller's coalition stays out). */
mkg_groups *mkg__groups_compute(const mkg_model *m, const mkg_concentration *c);

/* ---- JSON: the value at the writer's position ----------------------------- */

void mkg__facilitation_mix_write(mkg_jw *w, const mkg_facilitation_mix *mix);
void mkg__exit_readiness_write(mkg_jw *w, const mkg_exit_readiness *r);
void mkg__exit_simulation_write(mkg_jw *w, const mkg_exit_simulation *s);
void mkg__competing_write(mkg_jw *w, const mkg_competing *c);
/* Two members of the current object: "payments" and "payment_totals". */
void mkg__payments_write_members(mkg_jw *w, const mkg_payments *p);
void mkg__value_write(mkg_jw *w, const mkg_value *v);
void mkg__inclusiveness_write(mkg_jw *w, const mkg_inclusiveness *inc);
void mkg__groups_write(mkg_jw *w, const mkg_groups *g);

/* Finish a writer into (*out, *len) for the public _write_json functions. */
int mkg__m4p_finish(mkg_jw *w, char **out, size_t *len);

/* ---- text views ----------------------------------------------------------- */

/* Units of the text report: NULL members print nothing. */
typedef struct mkg__units {
	const char *measure;  /* the measure's unit (volume unit or currency) */
	const char *volume;   /* the model's volume unit */
	const char *currency; /* the model's currency */
} mkg__units;

void mkg__exit_simulation_text(GString *out, const mkg_exit_simulation *s,
                               const mkg__labels *l, const mkg__units *u);
void mkg__exit_readiness_text(GString *out, const mkg_exit_readiness *r, const mkg__labels *l);
void mkg__competing_text(GString *out, const mkg_competing *c, const mkg__labels *l);
void mkg__payments_text(GString *out, const mkg_payments *p, const mkg__labels *l,
                        const mkg__units *u);
void mkg__facilitation_mix_text(GString *out, const mkg_facilitation_mix *mix,
                                const mkg__units *u);
void mkg__value_text(GString *out, const mkg_value *v, const mkg__labels *l);
void mkg__inclusiveness_text(GString *out, const mkg_inclusiveness *inc, const mkg__units *u);
void mkg__groups_text(GString *out, const mkg_groups *g, const mkg__labels *l);

/* ---- the report's M4P sections (m4p-report.c) ----------------------------- */

/* Every M4P result of one report. */
typedef struct mkg__m4p mkg__m4p;

/* Compute them all on the report's partition and concentration; the exit
 * simulation only when exit_date is not NULL (already checked). */
mkg__m4p *mkg__m4p_compute(const mkg_model *m, const mkg__markets *mk,
                           const mkg_concentration *c, const char *exit_date);
void mkg__m4p_free(mkg__m4p *x);
/* The members "facilitation", "value", "inclusiveness" and "groups" of
 * the report object. */
void mkg__m4p_write(mkg_jw *w, const mkg__m4p *x);
/* The text sections, in the order a practitioner reads them. */
void mkg__m4p_text(GString *out, const mkg__m4p *x, const mkg__labels *l,
                   const mkg__units *u);

/* "maize 2010", "maize 2010 Kasese", "transport 2010 (service)". */
void mkg__market_label(GString *out, const mkg_facilitation_market *row);

/* A section heading of the text report, underlined as the others. */
void mkg__m4p_heading(GString *out, const char *title);

/* A number for the text: at most two decimals ("10.42", "3000"), "-" for NaN. */
const char *mkg__text_amount(char buf[MKG_DOUBLE_BUFSIZE], double x);

/* one or many, by n. */
const char *mkg__plural(size_t n, const char *one, const char *many);

/* "12.5%" for a share, "-" for NaN. */
const char *mkg__text_percent(char buf[MKG_DOUBLE_BUFSIZE], double share);

#endif /* MKG_M4P_PRIVATE_H */
