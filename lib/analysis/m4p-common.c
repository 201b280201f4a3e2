/* marketgraph: helpers shared by the M4P analyses.
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <string.h>

int
mkg__facilitation_costs_check(const mkg_model *m, const char *who)
{
	double cost[MKG_FACILITATION_TYPE_COUNT] = { 0 };

	for (guint f = 0; f < m->facilitation->len; f++) {
		const mkg_facilitation_rec *r = MKG_FAC(m, f);

		if (!MKG_IS_ABSENT(r->cost) && !mkg__sum_add(&cost[r->type], r->cost))
			return mkg__error(MKG_EDATA,
			                  "%s: the cost of the %s facilitation overflows (sum of the "
			                  "records' cost exceeds " MKG_SUM_LIMIT ")",
			                  who, mkg_facilitation_type_name((mkg_facilitation_type)r->type));
	}
	return MKG_OK;
}

void
mkg__facilitation_market_key(mkg_facilitation_market *row, GStringChunk *strings,
                             const mkg__market *market)
{
	row->commodity = mkg__keep(strings, market->commodity);
	row->period = mkg__keep(strings, market->period);
	row->region = mkg__keep(strings, market->region);
	row->service = market->service;
	row->total = market->total;
}

int
mkg__function_supports_trades(int fn)
{
	/* production-side functions act on what the target produces and sells;
	 * the others on its trading (linkages, information, finance, rules) */
	return !(fn == MKG_FUNCTION_CAPACITY_BUILDING || fn == MKG_FUNCTION_RESEARCH_DEVELOPMENT ||
	         fn == MKG_FUNCTION_OTHER);
}

void
mkg__support_init(mkg__support *s, const mkg_model *m)
{
	guint na = m->actors->len, nt = m->transactions->len;

	s->sales = g_new0(uint64_t, na ? na : 1);
	s->trades = g_new0(uint64_t, na ? na : 1);
	s->tx = g_new0(uint64_t, nt ? nt : 1);
}

void
mkg__support_clear(mkg__support *s)
{
	g_free(s->sales);
	g_free(s->trades);
	g_free(s->tx);
	memset(s, 0, sizeof *s);
}

void
mkg__support_add(mkg__support *s, const mkg_model *m, const mkg_facilitation_rec *f,
                 uint64_t bits)
{
	uint64_t *actors = mkg__function_supports_trades(f->function) ? s->trades : s->sales;

	for (uint32_t k = 0; k < f->target_actors.count; k++)
		actors[MKG_POOL_IDX(m, f->target_actors.first + k)] |= bits;
	for (uint32_t k = 0; k < f->target_transactions.count; k++)
		s->tx[MKG_POOL_IDX(m, f->target_transactions.first + k)] |= bits;
}

void
mkg__mark_supported_actors(const mkg_model *m, uint8_t *supported)
{
	for (guint f = 0; f < m->facilitation->len; f++) {
		const mkg_facilitation_rec *r = MKG_FAC(m, f);

		for (uint32_t k = 0; k < r->target_actors.count; k++)
			supported[MKG_POOL_IDX(m, r->target_actors.first + k)] = 1;
		for (uint32_t k = 0; k < r->target_transactions.count; k++) {
			const mkg_transaction_rec *t =
				MKG_TX(m, MKG_POOL_IDX(m, r->target_transactions.first + k));

			supported[t->seller] = supported[t->buyer] = 1;
		}
	}
}
