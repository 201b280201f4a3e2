/* marketgraph: the marketing channels as JSON: the `channels` object of the
 * report (docs/report.md).
 * SPDX-License-Identifier: MIT */
#include "channels-report-private.h"

static void
write_steps(mkg_jw *w, const mkg_channels *c, size_t chain, size_t channel)
{
	size_t n = mkg_channels_step_count(c, chain, channel);

	mkg__jw_key(w, "steps");
	mkg__jw_begin_array(w, false);
	for (size_t k = 0; k < n; k++) {
		const mkg_channel_step *st = mkg_channels_step_at(c, chain, channel, k);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "seller_kind", mkg_actor_kind_name(st->seller_kind));
		mkg__jw_kstring(w, "buyer_kind", mkg_actor_kind_name(st->buyer_kind));
		mkg__jw_kdouble(w, "priced_volume", st->priced_volume);
		mkg__jw_kdouble(w, "value", st->value);
		mkg__jw_kdouble(w, "price", st->price);
		mkg__jw_kdouble(w, "purchase_price", st->purchase_price);
		mkg__jw_kdouble(w, "value_added", st->value_added);
		mkg__jw_kdouble(w, "costs", st->costs);
		mkg__jw_kdouble(w, "net_margin", st->net_margin);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_chain(mkg_jw *w, const mkg_channels *c, size_t i)
{
	const mkg_channel_chain *ch = mkg_channels_chain_at(c, i);
	size_t n = mkg_channels_channel_count(c, i);

	mkg__jw_begin_object(w, false);
	mkg__jw_kstring(w, "commodity", ch->commodity);
	mkg__jw_kstring(w, "unit", ch->unit);
	mkg__jw_kdouble(w, "producer_volume", ch->producer_volume);
	mkg__jw_kdouble(w, "flow", ch->flow);
	mkg__jw_kdouble(w, "retained", ch->retained);
	mkg__jw_kdouble(w, "untraced", ch->untraced);
	mkg__jw_kdouble(w, "circulating", ch->circulating);
	mkg__jw_kdouble(w, "producer_share", ch->producer_share);
	mkg__jw_kint(w, "transactions", (int64_t)ch->transactions);
	mkg__jw_kint(w, "without_value", (int64_t)ch->without_value);
	mkg__jw_kint(w, "without_volume", (int64_t)ch->without_volume);
	mkg__jw_key(w, "channels");
	mkg__jw_begin_array(w, false);
	for (size_t j = 0; j < n; j++) {
		const mkg_channel *r = mkg_channels_channel_at(c, i, j);

		mkg__jw_begin_object(w, false);
		mkg__jw_kstring(w, "kinds", r->kinds);
		mkg__jw_kdouble(w, "volume", r->volume);
		mkg__jw_kdouble(w, "share", r->share);
		mkg__jw_kdouble(w, "farm_price", r->farm_price);
		mkg__jw_kdouble(w, "end_price", r->end_price);
		mkg__jw_kdouble(w, "farmer_share", r->farmer_share);
		mkg__jw_kdouble(w, "value_added", r->value_added);
		mkg__jw_kdouble(w, "costs", r->costs);
		mkg__jw_kdouble(w, "net_margin", r->net_margin);
		write_steps(w, c, i, j);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
}

void
mkg__channels_write(mkg_jw *w, const mkg_channels *c)
{
	size_t n = mkg_channels_chain_count(c);

	mkg__jw_begin_object(w, false);
	mkg__jw_kstring(w, "currency", mkg_channels_currency(c));
	mkg__jw_key(w, "chains");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++)
		write_chain(w, c, i);
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
}

int
mkg_channels_write_json(const mkg_channels *c, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(c);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__channels_write(w, c);
	return mkg__jw_finish(w, out, len);
}
