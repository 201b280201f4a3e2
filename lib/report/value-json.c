/* marketgraph: the value and inclusiveness results as JSON: the `value`
 * and `inclusiveness` objects of the report (docs/report.md).
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

/* "households", "actors", or null when the Gini is undefined. */
static const char *
gini_over_name(mkg_gini_over over)
{
	return over == MKG_GINI_HOUSEHOLDS ? "households"
	       : over == MKG_GINI_ACTORS   ? "actors"
	                                   : NULL;
}

/* A count that may be absent (-1): null then. */
static void
kcount(mkg_jw *w, const char *key, int64_t n)
{
	if (n < 0)
		mkg__jw_kstring(w, key, NULL);
	else
		mkg__jw_kint(w, key, n);
}

static void
write_margins(mkg_jw *w, double costs, double paid, double received, double net)
{
	mkg__jw_kdouble(w, "costs", costs);
	mkg__jw_kdouble(w, "transfers_paid", paid);
	mkg__jw_kdouble(w, "transfers_received", received);
	mkg__jw_kdouble(w, "net_margin", net);
}

static void
write_actors(mkg_jw *w, const mkg_value *v)
{
	size_t n = mkg_value_actor_count(v);

	mkg__jw_key(w, "actors");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_actor_value *a = mkg_value_actor_at(v, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "actor", a->actor);
		mkg__jw_kstring(w, "kind", mkg_actor_kind_name(a->kind));
		mkg__jw_kdouble(w, "sales", a->sales);
		mkg__jw_kdouble(w, "purchases", a->purchases);
		mkg__jw_kdouble(w, "value_added", a->value_added);
		write_margins(w, a->costs, a->transfers_paid, a->transfers_received, a->net_margin);
		kcount(w, "households", a->households);
		mkg__jw_kdouble(w, "income_per_household", a->income_per_household);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_kinds(mkg_jw *w, const mkg_value *v)
{
	size_t n = mkg_value_kind_count(v);

	mkg__jw_key(w, "by_kind");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_kind_value *k = mkg_value_kind_at(v, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "kind", mkg_actor_kind_name(k->kind));
		mkg__jw_kint(w, "actors", (int64_t)k->actors);
		mkg__jw_kdouble(w, "sales", k->sales);
		mkg__jw_kdouble(w, "purchases", k->purchases);
		mkg__jw_kdouble(w, "value_added", k->value_added);
		mkg__jw_kdouble(w, "share", k->share);
		mkg__jw_kdouble(w, "gini", k->gini);
		mkg__jw_kstring(w, "gini_over", gini_over_name(k->gini_over));
		mkg__jw_kint(w, "gini_units", (int64_t)k->gini_units);
		write_margins(w, k->costs, k->transfers_paid, k->transfers_received, k->net_margin);
		mkg__jw_kdouble(w, "net_margin_share", k->net_margin_share);
		mkg__jw_kint(w, "households", k->households);
		mkg__jw_kdouble(w, "income_per_household", k->income_per_household);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_levels(mkg_jw *w, const mkg_value *v)
{
	mkg__jw_key(w, "by_level");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_value_level_count(v); i++) {
		const mkg_level_value *l = mkg_value_level_at(v, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "level", l->level);
		mkg__jw_kint(w, "sellers", (int64_t)l->sellers);
		mkg__jw_kdouble(w, "sales", l->sales);
		mkg__jw_kdouble(w, "value_added", l->value_added);
		mkg__jw_kdouble(w, "costs", l->costs);
		mkg__jw_kdouble(w, "net_margin", l->net_margin);
		mkg__jw_kdouble(w, "share", l->share);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_tags(mkg_jw *w, const mkg_value *v)
{
	mkg__jw_key(w, "by_tag");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_value_tag_count(v); i++) {
		const mkg_tag_value *t = mkg_value_tag_at(v, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "tag", t->tag);
		mkg__jw_kbool(w, "with", t->with != 0);
		mkg__jw_kint(w, "producers", (int64_t)t->producers);
		mkg__jw_kint(w, "households", t->households);
		mkg__jw_kint(w, "producers_selling", (int64_t)t->producers_selling);
		mkg__jw_kint(w, "households_selling", t->households_selling);
		mkg__jw_kint(w, "households_supported", t->households_supported);
		mkg__jw_kdouble(w, "sales", t->sales);
		mkg__jw_kdouble(w, "net_margin", t->net_margin);
		mkg__jw_kdouble(w, "income_per_household", t->income_per_household);
		mkg__jw_kdouble(w, "gini", t->gini);
		mkg__jw_kstring(w, "gini_over", gini_over_name(t->gini_over));
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_key(w, "by_tag_shares");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_value_tag_share_count(v); i++) {
		const mkg_tag_share *t = mkg_value_tag_share_at(v, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "tag", t->tag);
		mkg__jw_kbool(w, "with", t->with != 0);
		mkg__jw_kstring(w, "commodity", t->commodity);
		mkg__jw_kdouble(w, "producer_price", t->producer_price);
		mkg__jw_kdouble(w, "producer_volume", t->producer_volume);
		mkg__jw_kdouble(w, "share", t->share);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_prices(mkg_jw *w, const mkg_value *v)
{
	size_t n = mkg_value_commodity_count(v);

	mkg__jw_key(w, "stage_prices");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_commodity_prices *c = mkg_value_commodity_at(v, i);

		mkg__jw_begin_object(w, false);
		mkg__jw_kstring(w, "commodity", c->commodity);
		mkg__jw_key(w, "stages");
		mkg__jw_begin_array(w, false);
		for (size_t k = 0; k < c->stage_count; k++) {
			const mkg_stage_price *st = &c->stages[k];

			mkg__jw_begin_object(w, true);
			mkg__jw_kstring(w, "seller_kind", mkg_actor_kind_name(st->seller_kind));
			mkg__jw_kint(w, "transactions", (int64_t)st->transactions);
			mkg__jw_kdouble(w, "volume", st->volume);
			mkg__jw_kdouble(w, "value", st->value);
			mkg__jw_kdouble(w, "price", st->price);
			mkg__jw_end_object(w);
		}
		mkg__jw_end_array(w);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_producer_shares(mkg_jw *w, const mkg_value *v)
{
	size_t n = mkg_value_producer_share_count(v);

	mkg__jw_key(w, "producer_share");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_producer_share *p = mkg_value_producer_share_at(v, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "commodity", p->commodity);
		mkg__jw_kdouble(w, "producer_price", p->producer_price);
		mkg__jw_kdouble(w, "end_market_price", p->end_market_price);
		mkg__jw_kdouble(w, "share", p->share);
		mkg__jw_kdouble(w, "producer_volume", p->producer_volume);
		mkg__jw_kdouble(w, "end_market_volume", p->end_market_volume);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

void
mkg__value_write(mkg_jw *w, const mkg_value *v)
{
	mkg__jw_begin_object(w, false);
	mkg__jw_kstring(w, "currency", mkg_value_currency(v));
	mkg__jw_kstring(w, "volume_unit", mkg_value_volume_unit(v));
	mkg__jw_kint(w, "excluded_transactions", (int64_t)mkg_value_excluded(v));
	mkg__jw_kdouble(w, "chain_value_added", mkg_value_chain_value_added(v));
	mkg__jw_kdouble(w, "end_market_purchases", mkg_value_end_market_purchases(v));
	mkg__jw_kdouble(w, "chain_costs", mkg_value_chain_costs(v));
	mkg__jw_kdouble(w, "chain_net_margin", mkg_value_chain_net_margin(v));
	mkg__jw_kdouble(w, "transfers", mkg_value_transfers(v));
	mkg__jw_kint(w, "actors_with_costs", (int64_t)mkg_value_actors_with_costs(v));
	write_actors(w, v);
	write_kinds(w, v);
	write_levels(w, v);
	write_prices(w, v);
	write_producer_shares(w, v);
	write_tags(w, v);
	mkg__jw_end_object(w);
}

int
mkg_value_write_json(const mkg_value *v, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(v);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__value_write(w, v);
	return mkg__jw_finish(w, out, len);
}

void
mkg__inclusiveness_write(mkg_jw *w, const mkg_inclusiveness *inc)
{
	mkg__jw_begin_object(w, false);
	mkg__jw_kint(w, "households_selling", mkg_inclusiveness_households_selling(inc));
	mkg__jw_kint(w, "households_supported", mkg_inclusiveness_households_supported(inc));
	mkg__jw_kdouble(w, "smallholder_volume_share",
	                mkg_inclusiveness_smallholder_volume_share(inc));
	mkg__jw_kint(w, "producers_selling", (int64_t)mkg_inclusiveness_producers_selling(inc));
	mkg__jw_kint(w, "households_producers", mkg_inclusiveness_households_producers(inc));
	mkg__jw_kint(w, "actors_supported", (int64_t)mkg_inclusiveness_actors_supported(inc));
	mkg__jw_kdouble(w, "produce_volume", mkg_inclusiveness_produce_volume(inc));
	mkg__jw_kdouble(w, "smallholder_volume", mkg_inclusiveness_smallholder_volume(inc));
	/* per chain, in primary equivalents: the model-wide volumes above are
	 * null when there are several */
	mkg__jw_key(w, "chains");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_inclusiveness_chain_count(inc); i++) {
		const mkg_inclusiveness_chain *c = mkg_inclusiveness_chain_at(inc, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "primary", c->primary);
		mkg__jw_kstring(w, "unit", c->unit);
		mkg__jw_kdouble(w, "produce_volume", c->produce_volume);
		mkg__jw_kdouble(w, "smallholder_volume", c->smallholder_volume);
		mkg__jw_kdouble(w, "smallholder_volume_share", c->smallholder_volume_share);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
}

int
mkg_inclusiveness_write_json(const mkg_inclusiveness *inc, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(inc);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__inclusiveness_write(w, inc);
	return mkg__jw_finish(w, out, len);
}
