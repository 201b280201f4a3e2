/* marketgraph: helpers shared by the M4P analyses.
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

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
