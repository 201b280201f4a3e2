/* marketgraph: the concentration and coalition results as JSON: the
 * `concentration` and `coalitions` arrays of the report (docs/report.md).
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

/* ---- concentration --------------------------------------------------------- */

static void
write_side(mkg_jw *w, const mkg_market_side *s)
{
	mkg__jw_begin_object(w, false);
	mkg__jw_kdouble(w, "total", s->total);
	mkg__jw_kint(w, "firms", (int64_t)s->firms);
	mkg__jw_kint(w, "actors", (int64_t)s->actors);
	mkg__jw_kdouble(w, "fringe_share", s->fringe_share);
	mkg__jw_kdouble(w, "hhi", s->hhi);
	mkg__jw_kdouble(w, "hhi_normalized", s->hhi_normalized);
	mkg__jw_kdouble(w, "cr1", s->cr1);
	mkg__jw_kdouble(w, "cr4", s->cr4);
	mkg__jw_kdouble(w, "effective_firms", s->effective_firms);
	mkg__jw_kstring(w, "class", mkg_concentration_class_name(s->concentration));
	mkg__jw_key(w, "shares");
	mkg__jw_begin_array(w, false);
	for (size_t k = 0; k < s->actors; k++) {
		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "actor", s->shares[k].actor);
		mkg__jw_kdouble(w, "share", s->shares[k].share);
		mkg__jw_kint(w, "firms", s->shares[k].firms);
		mkg__jw_kbool(w, "fringe", s->shares[k].fringe != 0);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
}

void
mkg__concentration_write(mkg_jw *w, const mkg_concentration *c)
{
	size_t n = mkg_concentration_market_count(c);

	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_market *m = mkg_concentration_market_at(c, i);

		mkg__jw_begin_object(w, false);
		mkg__jw_kstring(w, "commodity", m->commodity);
		mkg__jw_kstring(w, "level", m->level);
		mkg__jw_kstring(w, "period", m->period);
		mkg__jw_kstring(w, "region", m->region);
		mkg__jw_kbool(w, "service", m->service);
		mkg__jw_kint(w, "transactions", (int64_t)m->transactions);
		mkg__jw_kint(w, "excluded_transactions", (int64_t)m->excluded_transactions);
		mkg__jw_key(w, "seller");
		write_side(w, mkg_concentration_side(c, i, MKG_SIDE_SELLER));
		mkg__jw_key(w, "buyer");
		write_side(w, mkg_concentration_side(c, i, MKG_SIDE_BUYER));
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

int
mkg_concentration_write_json(const mkg_concentration *c, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(c);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__concentration_write(w, c);
	return mkg__jw_finish(w, out, len);
}

/* ---- coalitions ------------------------------------------------------------ */

static void
write_coalition_market(mkg_jw *w, const mkg_coalition_market *row)
{
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "commodity", row->commodity);
	mkg__jw_kstring(w, "level", row->level);
	mkg__jw_kstring(w, "period", row->period);
	mkg__jw_kstring(w, "region", row->region);
	mkg__jw_kbool(w, "service", row->service);
	mkg__jw_kstring(w, "side", mkg_side_name(row->side));
	mkg__jw_kdouble(w, "share", row->share);
	mkg__jw_kdouble(w, "hhi_before", row->hhi_before);
	mkg__jw_kdouble(w, "hhi_after", row->hhi_after);
	mkg__jw_kdouble(w, "delta", row->delta);
	mkg__jw_kdouble(w, "fringe_share", row->fringe_share);
	mkg__jw_kbool(w, "presumed_harmful", row->presumed_harmful);
	mkg__jw_end_object(w);
}

void
mkg__coalitions_write(mkg_jw *w, const mkg_coalitions *c)
{
	size_t n = mkg_coalitions_count(c);

	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		size_t members = mkg_coalitions_member_count(c, i);
		size_t markets = mkg_coalitions_market_count(c, i);

		mkg__jw_begin_object(w, false);
		mkg__jw_kstring(w, "group", mkg_coalitions_group(c, i));
		mkg__jw_key(w, "members");
		mkg__jw_begin_array(w, true);
		for (size_t k = 0; k < members; k++)
			mkg__jw_string(w, mkg_coalitions_member_at(c, i, k));
		mkg__jw_end_array(w);
		mkg__jw_kbool(w, "presumed_harmful", mkg_coalitions_presumed_harmful(c, i) != 0);
		mkg__jw_key(w, "markets");
		mkg__jw_begin_array(w, false);
		for (size_t k = 0; k < markets; k++)
			write_coalition_market(w, mkg_coalitions_market_at(c, i, k));
		mkg__jw_end_array(w);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

int
mkg_coalitions_write_json(const mkg_coalitions *c, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(c);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__coalitions_write(w, c);
	return mkg__jw_finish(w, out, len);
}
