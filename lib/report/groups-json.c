/* marketgraph: the groups result as JSON: the `groups` array of the
 * report (docs/report.md).
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

/* One side of a market: the coalition what-if, or null. */
static void
write_side(mkg_jw *w, const char *key, const mkg_coalition_market *cm)
{
	mkg__jw_key(w, key);
	if (cm == NULL) {
		mkg__jw_null(w);
		return;
	}
	mkg__jw_begin_object(w, true);
	mkg__jw_kdouble(w, "share", cm->share);
	mkg__jw_kdouble(w, "hhi_before", cm->hhi_before);
	mkg__jw_kdouble(w, "hhi_after", cm->hhi_after);
	mkg__jw_kdouble(w, "delta", cm->delta);
	mkg__jw_kdouble(w, "fringe_share", cm->fringe_share);
	mkg__jw_kbool(w, "presumed_harmful", cm->presumed_harmful != 0);
	mkg__jw_end_object(w);
}

static void
write_markets(mkg_jw *w, const mkg_group *row)
{
	mkg__jw_key(w, "markets");
	mkg__jw_begin_array(w, false);
	for (size_t k = 0; k < row->market_count; k++) {
		const mkg_group_market *gm = &row->markets[k];

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "commodity", gm->commodity);
		mkg__jw_kstring(w, "level", gm->level);
		mkg__jw_kstring(w, "period", gm->period);
		mkg__jw_kstring(w, "region", gm->region);
		mkg__jw_kbool(w, "service", gm->service != 0);
		write_side(w, "seller", gm->seller);
		write_side(w, "buyer", gm->buyer);
		mkg__jw_kint(w, "buyers", (int64_t)gm->buyers);
		mkg__jw_kint(w, "member_buyers", (int64_t)gm->member_buyers);
		mkg__jw_kdouble(w, "member_buyer_share", gm->member_buyer_share);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

void
mkg__groups_write(mkg_jw *w, const mkg_groups *g)
{
	size_t n = mkg_groups_count(g);

	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_group *row = mkg_groups_at(g, i);

		mkg__jw_begin_object(w, false);
		mkg__jw_kstring(w, "group", row->group);
		mkg__jw_kstring(w, "kind", mkg_actor_kind_name(row->kind));
		mkg__write_ids(w, "members", row->members, row->member_count);
		mkg__write_ids(w, "supervisors", row->supervisors, row->supervisor_count);
		mkg__jw_kbool(w, "supervised", row->supervised != 0);
		mkg__jw_kint(w, "households", row->households);
		mkg__jw_kbool(w, "presumed_harmful", row->presumed_harmful != 0);
		write_markets(w, row);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

int
mkg_groups_write_json(const mkg_groups *g, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(g);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__groups_write(w, g);
	return mkg__jw_finish(w, out, len);
}
