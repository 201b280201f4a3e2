/* marketgraph: helpers shared by the M4P analyses.
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

MKG_DEFINE_INIT(mkg_facilitation_options_init, mkg_facilitation_options, opts, MKG_FACILITATION_OPTIONS)

int
mkg__facilitation_options_check(const mkg_facilitation_options *opts,
                                mkg_facilitation_options *o)
{
	const mkg_facilitation_options defaults = MKG_FACILITATION_OPTIONS_INIT;

	if (opts == NULL)
		opts = &defaults;
	if (opts->version != MKG_FACILITATION_OPTIONS_VERSION)
		return mkg__error(MKG_EINVAL, "facilitation options: unknown version %u",
		                  opts->version);
	*o = *opts;
	return mkg__check_measure(opts->measure);
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
