/* marketgraph: the dependency result as JSON: the `dependency` object of
 * the report (docs/report.md).
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

static void
write_actors(mkg_jw *w, const mkg_dependency *d)
{
	size_t n = mkg_dependency_actor_count(d);

	mkg__jw_key(w, "actors");
	mkg__jw_begin_array(w, false);
	for (size_t k = 0; k < n; k++) {
		const mkg_actor_dependency *row = mkg_dependency_actor_at(d, k);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "actor", row->actor);
		mkg__jw_kstring(w, "top_buyer", row->top_buyer);
		mkg__jw_kdouble(w, "sales_share", row->sales_share);
		mkg__jw_kstring(w, "top_supplier", row->top_supplier);
		mkg__jw_kdouble(w, "purchase_share", row->purchase_share);
		mkg__jw_kdouble(w, "sales", row->sales);
		mkg__jw_kdouble(w, "purchases", row->purchases);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_pairs(mkg_jw *w, const mkg_dependency *d)
{
	size_t n = mkg_dependency_pair_count(d);

	mkg__jw_key(w, "pairs");
	mkg__jw_begin_array(w, false);
	for (size_t k = 0; k < n; k++) {
		const mkg_pair_dependency *row = mkg_dependency_pair_at(d, k);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "seller", row->seller);
		mkg__jw_kstring(w, "buyer", row->buyer);
		mkg__jw_kdouble(w, "seller_dependency", row->seller_dependency);
		mkg__jw_kdouble(w, "buyer_dependency", row->buyer_dependency);
		mkg__jw_kdouble(w, "asymmetry", row->asymmetry);
		mkg__jw_kdouble(w, "amount", row->amount);
		mkg__jw_kstring(w, "level", row->level);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

void
mkg__dependency_write(mkg_jw *w, const mkg_dependency *d)
{
	mkg__jw_begin_object(w, false);
	mkg__jw_kint(w, "excluded_transactions", (int64_t)mkg_dependency_excluded(d));
	write_actors(w, d);
	write_pairs(w, d);
	mkg__jw_end_object(w);
}

int
mkg_dependency_write_json(const mkg_dependency *d, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(d);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__dependency_write(w, d);
	return mkg__jw_finish(w, out, len);
}
