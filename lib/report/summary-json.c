/* marketgraph: the summary as JSON (`marketgraph summary --format json`).
 * SPDX-License-Identifier: MIT */
#include "analysis-private.h"
#include "marketgraph/summary.h"

typedef const mkg_summary_group *(*group_at_fn)(const mkg_summary *s, size_t i);

/* key: [{"<name>": key, "transactions": n, "services": n, "volume": x, "value": y}, ...],
 * "unit" after the name: a period of several commodities has none, and no volume */
static void
write_groups(mkg_jw *w, const mkg_summary *s, const char *key, const char *name, size_t n,
             group_at_fn at)
{
	mkg__jw_key(w, key);
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_summary_group *g = at(s, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, name, g->key);
		mkg__jw_kstring(w, "unit", g->unit);
		mkg__jw_kint(w, "transactions", (int64_t)g->transactions);
		mkg__jw_kint(w, "services", (int64_t)g->services);
		mkg__jw_kdouble(w, "volume", g->volume);
		mkg__jw_kdouble(w, "value", g->value);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

/* "chains": [{"primary": c, "unit": u, "transactions": n, "volume": x, "value": y}, ...],
 * volumes in primary equivalents */
static void
write_chains(mkg_jw *w, const mkg_summary *s)
{
	mkg__jw_key(w, "chains");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_summary_chain_count(s); i++) {
		const mkg_summary_chain *c = mkg_summary_chain_at(s, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "primary", c->primary);
		mkg__jw_kstring(w, "unit", c->unit);
		mkg__jw_kint(w, "transactions", (int64_t)c->transactions);
		mkg__jw_kdouble(w, "volume", c->volume);
		mkg__jw_kdouble(w, "value", c->value);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_records(mkg_jw *w, const mkg_summary *s)
{
	mkg__jw_key(w, "records");
	mkg__jw_begin_object(w, true);
	mkg__jw_kint(w, "actors", (int64_t)mkg__summary_actors(s));
	mkg__jw_kint(w, "transactions", (int64_t)mkg__summary_transactions(s));
	mkg__jw_kint(w, "facilitation", (int64_t)mkg__summary_facilitation_records(s));
	mkg__jw_kint(w, "memberships", (int64_t)mkg__summary_memberships(s));
	mkg__jw_end_object(w);
}

/* Kinds with at least one actor, in the format's order of kinds. */
static void
write_kinds(mkg_jw *w, const mkg_summary *s)
{
	mkg__jw_key(w, "actors_by_kind");
	mkg__jw_begin_object(w, true);
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++) {
		size_t n = mkg_summary_kind_actors(s, (mkg_actor_kind)k);

		if (n > 0)
			mkg__jw_kint(w, mkg_actor_kind_name((mkg_actor_kind)k), (int64_t)n);
	}
	mkg__jw_end_object(w);
}

int
mkg_summary_write_json(const mkg_summary *s, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(s);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__jw_begin_object(w, false);
	mkg__jw_kstring(w, "name", mkg__summary_model_name(s));
	mkg__jw_kstring(w, "currency", mkg__summary_currency(s));
	mkg__jw_kstring(w, "volume_unit", mkg__summary_volume_unit(s));
	mkg__jw_kstring(w, "period", mkg__summary_model_period(s));
	write_records(w, s);
	write_kinds(w, s);
	mkg__jw_key(w, "households");
	if (mkg_summary_households(s) >= 0)
		mkg__jw_int(w, mkg_summary_households(s));
	else
		mkg__jw_null(w);
	write_groups(w, s, "commodities", "commodity", mkg_summary_commodity_count(s),
	             mkg_summary_commodity_at);
	write_groups(w, s, "periods", "period", mkg_summary_period_count(s), mkg_summary_period_at);
	write_chains(w, s);
	mkg__jw_kdouble(w, "total_value", mkg_summary_value(s));
	mkg__jw_kint(w, "transactions_without_volume",
	             (int64_t)mkg_summary_transactions_without_volume(s));
	mkg__jw_kint(w, "transactions_without_value",
	             (int64_t)mkg_summary_transactions_without_value(s));
	mkg__jw_end_object(w);
	return mkg__jw_finish(w, out, len);
}
