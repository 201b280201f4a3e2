/* marketgraph: helpers shared by the M4P analyses.
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

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
