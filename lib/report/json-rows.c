/* marketgraph: JSON pieces that several sections of the report write the
 * same way.
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

void
mkg__write_ids(mkg_jw *w, const char *key, const char *const *ids, size_t n)
{
	mkg__jw_key(w, key);
	mkg__jw_begin_array(w, true);
	for (size_t k = 0; k < n; k++)
		mkg__jw_string(w, ids[k]);
	mkg__jw_end_array(w);
}

void
mkg__facilitation_market_write(mkg_jw *w, const mkg_facilitation_market *row,
                               const char *amount_key)
{
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "commodity", row->commodity);
	mkg__jw_kstring(w, "period", row->period);
	mkg__jw_kstring(w, "region", row->region);
	mkg__jw_kbool(w, "service", row->service != 0);
	mkg__jw_kdouble(w, "total", row->total);
	mkg__jw_kdouble(w, amount_key, row->amount);
	mkg__jw_kdouble(w, "share", row->share);
	mkg__jw_end_object(w);
}
