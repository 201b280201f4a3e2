/* marketgraph: the exit shock as JSON (docs/report.md, `marketgraph shock
 * --format json`, one chain).
 * SPDX-License-Identifier: MIT */
#include "bottlenecks-report-private.h"

/* One shock's object, as the next value. */
static void
shock_value(mkg_jw *w, const mkg_shock *s)
{
	double loss = mkg_shock_loss(s), before = mkg_flow_max_flow(mkg_shock_before(s));

	mkg__jw_begin_object(w, false);
	mkg__chain_members(w, mkg_flow_chain(mkg_shock_before(s)));
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
	mkg__flow_write(w, mkg_shock_after(s), false);
	mkg__jw_end_object(w);
}

int
mkg_shock_write_json(const mkg_shock *s, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(s);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	shock_value(w, s);
	return mkg__jw_finish(w, out, len);
}

int
mkg_shocks_write_json(const mkg_shock *const *shocks, size_t count, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(out);
	if (shocks == NULL && count > 0)
		return mkg__error(MKG_EINVAL, "%s: shocks NULL with count %zu", G_STRFUNC, count);
	for (size_t i = 0; i < count; i++)
		if (shocks[i] == NULL)
			return mkg__error(MKG_EINVAL, "%s: shocks[%zu] is NULL", G_STRFUNC, i);
	w = mkg__jw_new_string();
	mkg__jw_begin_object(w, false);
	mkg__jw_key(w, "chains");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < count; i++)
		shock_value(w, shocks[i]);
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
	return mkg__jw_finish(w, out, len);
}
