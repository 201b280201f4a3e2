/* marketgraph: the exit shock as JSON (docs/report.md, `marketgraph shock
 * --format json`).
 * SPDX-License-Identifier: MIT */
#include "bottlenecks-report-private.h"

int
mkg_shock_write_json(const mkg_shock *s, char **out, size_t *len)
{
	double loss, before;
	mkg_jw *w;

	MKG_CHECK_ARG(s);
	MKG_CHECK_ARG(out);
	loss = mkg_shock_loss(s);
	before = mkg_flow_max_flow(mkg_shock_before(s));
	w = mkg__jw_new_string();
	mkg__jw_begin_object(w, false);
	mkg__jw_key(w, "removed");
	mkg__jw_begin_array(w, true);
	for (size_t i = 0; i < mkg_shock_removed_count(s); i++)
		mkg__jw_string(w, mkg_shock_removed_at(s, i));
	mkg__jw_end_array(w);
	mkg__jw_key(w, "stranded");
	mkg__jw_begin_array(w, true);
	for (size_t i = 0; i < mkg_shock_stranded_count(s); i++)
		mkg__jw_string(w, mkg_shock_stranded_at(s, i));
	mkg__jw_end_array(w);
	mkg__jw_kdouble(w, "stranded_supply", mkg_shock_stranded_supply(s));
	mkg__jw_kdouble(w, "max_flow_before", before);
	mkg__jw_kdouble(w, "max_flow_after", mkg_flow_max_flow(mkg_shock_after(s)));
	mkg__jw_kdouble(w, "loss", loss);
	mkg__jw_kdouble(w, "loss_share", before > 0.0 ? loss / before : MKG_ABSENT);
	mkg__jw_key(w, "after");
	mkg__flow_write(w, mkg_shock_after(s));
	mkg__jw_end_object(w);
	return mkg__jw_finish(w, out, len);
}
