/* marketgraph: the comparison as JSON (docs/report.md, "Comparison").
 * SPDX-License-Identifier: MIT */
#include "analysis-private.h"
#include "marketgraph/bottlenecks.h"
#include "marketgraph/compare.h"

static const char *const side_keys[2] = { "before", "after" };

static void
write_entities(mkg_jw *w, const char *key, const mkg_compare *c, bool actors)
{
	size_t n = actors ? mkg_compare_actor_count(c) : mkg_compare_commodity_count(c);

	mkg__jw_key(w, key);
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < n; i++) {
		const mkg_compare_entity *e =
			actors ? mkg_compare_actor_at(c, i) : mkg_compare_commodity_at(c, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "id", e->id);
		mkg__jw_kstring(w, "change", mkg_change_name(e->change));
		if (actors)
			mkg__jw_kstring(w, "kind", mkg_actor_kind_name(e->kind));
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_concentration(mkg_jw *w, const char *key, const mkg_compare_concentration *x)
{
	mkg__jw_key(w, key);
	if (!x->present) {
		mkg__jw_null(w);
		return;
	}
	mkg__jw_begin_object(w, true);
	mkg__jw_kdouble(w, "total", x->total);
	mkg__jw_kint(w, "firms", (int64_t)x->firms);
	mkg__jw_kdouble(w, "hhi", x->hhi);
	mkg__jw_kdouble(w, "cr4", x->cr4);
	mkg__jw_kstring(w, "class", mkg_concentration_class_name(x->concentration));
	mkg__jw_end_object(w);
}

static void
write_markets(mkg_jw *w, const mkg_compare *c)
{
	mkg__jw_key(w, "markets");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_compare_market_count(c); i++) {
		const mkg_compare_market *m = mkg_compare_market_at(c, i);

		mkg__jw_begin_object(w, false);
		mkg__jw_kstring(w, "commodity", m->commodity);
		mkg__jw_kstring(w, "level", m->level);
		mkg__jw_kstring(w, "region", m->region);
		mkg__jw_kbool(w, "service", m->service);
		mkg__jw_kstring(w, "side", mkg_side_name(m->side));
		mkg__jw_kstring(w, "change", mkg_change_name(m->change));
		write_concentration(w, "before", &m->before);
		write_concentration(w, "after", &m->after);
		mkg__jw_kdouble(w, "hhi_change", m->hhi_change);
		mkg__jw_kdouble(w, "cr4_change", m->cr4_change);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_verdict(mkg_jw *w, const char *key, int v)
{
	mkg__jw_key(w, key);
	if (v < 0)
		mkg__jw_null(w);
	else
		mkg__jw_bool(w, v == 1);
}

static void
write_coalitions(mkg_jw *w, const mkg_compare *c)
{
	mkg__jw_key(w, "coalitions");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_compare_coalition_count(c); i++) {
		const mkg_compare_coalition *r = mkg_compare_coalition_at(c, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "group", r->group);
		mkg__jw_kstring(w, "commodity", r->commodity);
		mkg__jw_kstring(w, "level", r->level);
		mkg__jw_kstring(w, "region", r->region);
		mkg__jw_kstring(w, "side", mkg_side_name(r->side));
		write_verdict(w, "presumed_harmful_before", r->before);
		write_verdict(w, "presumed_harmful_after", r->after);
		mkg__jw_kdouble(w, "delta_before", r->delta_before);
		mkg__jw_kdouble(w, "delta_after", r->delta_after);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static const char *
link_change(mkg_change ch)
{
	return ch == MKG_CHANGE_ENTERING ? "new" : ch == MKG_CHANGE_LEAVING ? "lost"
	                                                                   : mkg_change_name(ch);
}

static void
write_links(mkg_jw *w, const mkg_compare *c)
{
	static const mkg_change classes[] = { MKG_CHANGE_ENTERING, MKG_CHANGE_LEAVING,
		                              MKG_CHANGE_STRENGTHENED, MKG_CHANGE_WEAKENED,
		                              MKG_CHANGE_SAME };

	mkg__jw_key(w, "links");
	mkg__jw_begin_object(w, false);
	mkg__jw_kdouble(w, "threshold", mkg_compare_link_threshold(c));
	mkg__jw_key(w, "counts");
	mkg__jw_begin_object(w, true);
	for (size_t k = 0; k < G_N_ELEMENTS(classes); k++)
		mkg__jw_kint(w, link_change(classes[k]),
		             (int64_t)mkg_compare_link_class_count(c, classes[k]));
	mkg__jw_end_object(w);
	mkg__jw_key(w, "changed");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_compare_link_count(c); i++) {
		const mkg_compare_link *l = mkg_compare_link_at(c, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "seller", l->seller);
		mkg__jw_kstring(w, "buyer", l->buyer);
		mkg__jw_kstring(w, "commodity", l->commodity);
		mkg__jw_kstring(w, "change", link_change(l->change));
		mkg__jw_kdouble(w, "volume_before", l->volume_before);
		mkg__jw_kdouble(w, "volume_after", l->volume_after);
		mkg__jw_kdouble(w, "value_before", l->value_before);
		mkg__jw_kdouble(w, "value_after", l->value_after);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
}

static void
write_outlets(mkg_jw *w, const mkg_compare *c)
{
	mkg__jw_key(w, "outlets");
	mkg__jw_begin_object(w, false);
	for (int side = 0; side < 2; side++) {
		const mkg_compare_outlets *o = mkg_compare_side_outlets(c, side);

		mkg__jw_key(w, side_keys[side]);
		mkg__jw_begin_object(w, true);
		mkg__jw_kint(w, "producers", (int64_t)o->producers);
		mkg__jw_kdouble(w, "mean_outlets", o->mean_outlets);
		mkg__jw_kint(w, "one_outlet", (int64_t)o->one_outlet);
		mkg__jw_kdouble(w, "one_outlet_share", o->one_outlet_share);
		mkg__jw_kint(w, "one_outlet_households", o->one_outlet_households);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_object(w);
}

static void
write_chain_side(mkg_jw *w, const char *key, const mkg_compare_chain_side *x)
{
	mkg__jw_key(w, key);
	if (!x->present) {
		mkg__jw_null(w);
		return;
	}
	mkg__jw_begin_object(w, false);
	mkg__jw_kdouble(w, "total_supply", x->total_supply);
	mkg__jw_kdouble(w, "max_flow", x->max_flow);
	mkg__jw_kdouble(w, "deliverable_share", x->deliverable_share);
	mkg__jw_kstring(w, "captive_actor", x->captive_actor);
	mkg__jw_kint(w, "captive_producers", (int64_t)x->captive_producers);
	mkg__jw_kdouble(w, "captive_supply", x->captive_supply);
	mkg__jw_kint(w, "captive_actors", (int64_t)x->captive_actors);
	mkg__jw_kint(w, "cut_points", (int64_t)x->cut_points);
	mkg__jw_kint(w, "producer_side_cut_points", (int64_t)x->producer_side_cut_points);
	mkg__jw_kdouble(w, "producer_share", x->producer_share);
	mkg__jw_end_object(w);
}

static void
write_chains(mkg_jw *w, const mkg_compare *c)
{
	mkg__jw_key(w, "chains");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_compare_chain_count(c); i++) {
		const mkg_compare_chain *ch = mkg_compare_chain_at(c, i);

		mkg__jw_begin_object(w, false);
		mkg__jw_kstring(w, "commodity", ch->commodity);
		mkg__jw_kstring(w, "unit", ch->unit);
		write_chain_side(w, "before", &ch->before);
		write_chain_side(w, "after", &ch->after);
		mkg__jw_key(w, "bindings");
		mkg__jw_begin_array(w, false);
		for (size_t k = 0; k < mkg_compare_binding_count(c, i); k++) {
			const mkg_compare_binding *b = mkg_compare_binding_at(c, i, k);

			mkg__jw_begin_object(w, true);
			mkg__jw_kstring(w, "change", b->change == MKG_CHANGE_ENTERING ? "appeared"
			                                                              : "went");
			mkg__jw_kstring(w, "type", mkg_binding_type_name((mkg_binding_type)b->type));
			mkg__jw_kstring(w, "actor", b->actor);
			mkg__jw_kstring(w, "seller", b->seller);
			mkg__jw_kstring(w, "buyer", b->buyer);
			mkg__jw_kdouble(w, "capacity", b->capacity);
			mkg__jw_end_object(w);
		}
		mkg__jw_end_array(w);
		mkg__jw_key(w, "channels");
		mkg__jw_begin_array(w, false);
		for (size_t k = 0; k < mkg_compare_channel_count(c, i); k++) {
			const mkg_compare_channel *r = mkg_compare_channel_at(c, i, k);

			mkg__jw_begin_object(w, true);
			mkg__jw_kstring(w, "kinds", r->kinds);
			mkg__jw_kdouble(w, "share_before", r->share_before);
			mkg__jw_kdouble(w, "share_after", r->share_after);
			mkg__jw_kdouble(w, "farmer_share_before", r->farmer_share_before);
			mkg__jw_kdouble(w, "farmer_share_after", r->farmer_share_after);
			mkg__jw_end_object(w);
		}
		mkg__jw_end_array(w);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_value(mkg_jw *w, const mkg_compare *c)
{
	mkg__jw_key(w, "value");
	mkg__jw_begin_object(w, false);
	mkg__jw_kstring(w, "currency", mkg_compare_currency(c));
	mkg__jw_key(w, "kinds");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_compare_value_count(c); i++) {
		const mkg_compare_value *v = mkg_compare_value_at(c, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "kind", mkg_actor_kind_name(v->kind));
		mkg__jw_kdouble(w, "value_added_before", v->value_added_before);
		mkg__jw_kdouble(w, "value_added_after", v->value_added_after);
		mkg__jw_kdouble(w, "share_before", v->share_before);
		mkg__jw_kdouble(w, "share_after", v->share_after);
		mkg__jw_kdouble(w, "net_margin_before", v->net_margin_before);
		mkg__jw_kdouble(w, "net_margin_after", v->net_margin_after);
		mkg__jw_kdouble(w, "income_per_household_before", v->income_per_household_before);
		mkg__jw_kdouble(w, "income_per_household_after", v->income_per_household_after);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
}

static void
write_reach(mkg_jw *w, const mkg_compare *c)
{
	mkg__jw_key(w, "outreach");
	mkg__jw_begin_object(w, false);
	for (int side = 0; side < 2; side++) {
		const mkg_compare_reach *r = mkg_compare_side_reach(c, side);

		mkg__jw_key(w, side_keys[side]);
		mkg__jw_begin_object(w, true);
		mkg__jw_kint(w, "direct_actors", (int64_t)r->direct_actors);
		mkg__jw_kint(w, "direct_households", r->direct_households);
		mkg__jw_kint(w, "record_households", r->record_households);
		mkg__jw_kint(w, "indirect_actors", (int64_t)r->indirect_actors);
		mkg__jw_kint(w, "indirect_households", r->indirect_households);
		mkg__jw_kint(w, "households_selling", r->households_selling);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_object(w);
}

static void
write_ended(mkg_jw *w, const mkg_compare *c)
{
	mkg__jw_key(w, "facilitation_ended");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_compare_ended_count(c); i++) {
		const mkg_compare_record *r = mkg_compare_ended_at(c, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "record", r->record);
		mkg__jw_kstring(w, "facilitator", r->facilitator);
		mkg__jw_kstring(w, "type", mkg_facilitation_type_name(r->type));
		mkg__jw_kstring(w, "function", mkg_function_name(r->function));
		mkg__jw_kstring(w, "end", r->end);
		mkg__jw_kstring(w, "exit", r->exit == MKG_EXIT_NONE ? NULL : mkg_exit_name(r->exit));
		mkg__jw_kstring(w, "successor", r->successor);
		mkg__jw_kbool(w, "gone", r->gone);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
}

static void
write_systemic(mkg_jw *w, const mkg_compare *c)
{
	const mkg_compare_resilience *res = mkg_compare_resilience_signals(c);

	mkg__jw_key(w, "systemic");
	mkg__jw_begin_object(w, false);
	mkg__jw_key(w, "crowding_in");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_compare_crowding_count(c); i++) {
		const mkg_compare_crowding *r = mkg_compare_crowding_at(c, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "actor", r->actor);
		mkg__jw_kstring(w, "kind", mkg_actor_kind_name(r->kind));
		mkg__jw_kstring(w, "commodity", r->commodity);
		mkg__jw_kstring(w, "level", r->level);
		mkg__jw_kstring(w, "side", r->commodity ? mkg_side_name(r->side) : NULL);
		mkg__jw_kdouble(w, "share_after", r->share_after);
		mkg__jw_kstring(w, "function", r->function == MKG_FUNCTION_UNSET
		                                       ? NULL
		                                       : mkg_function_name(r->function));
		mkg__jw_kstring(w, "record", r->record);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_key(w, "copying");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_compare_copy_count(c); i++) {
		const mkg_compare_copy *r = mkg_compare_copy_at(c, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "actor", r->actor);
		mkg__jw_kstring(w, "contract",
		                r->contract < 0 ? NULL : mkg_contract_name((mkg_contract)r->contract));
		mkg__jw_kstring(w, "buyer", r->buyer);
		mkg__jw_kstring(w, "commodity", r->commodity);
		mkg__jw_kstring(w, "first", r->first);
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_key(w, "take_over");
	mkg__jw_begin_array(w, false);
	for (size_t i = 0; i < mkg_compare_takeover_count(c); i++) {
		const mkg_compare_takeover *r = mkg_compare_takeover_at(c, i);

		mkg__jw_begin_object(w, true);
		mkg__jw_kstring(w, "function", mkg_function_name(r->function));
		mkg__jw_kstring(w, "temporary", r->temporary);
		mkg__jw_kstring(w, "record", r->record);
		mkg__jw_kstring(w, "provider", r->provider);
		mkg__jw_kstring(w, "type", mkg_facilitation_type_name(r->type));
		mkg__jw_end_object(w);
	}
	mkg__jw_end_array(w);
	mkg__jw_key(w, "resilience");
	mkg__jw_begin_object(w, true);
	mkg__jw_kbool(w, "captive_supply_falling", res->captive_supply_falling);
	mkg__jw_kbool(w, "outlets_rising", res->outlets_rising);
	mkg__jw_kbool(w, "fewer_producer_cut_points", res->fewer_producer_cut_points);
	mkg__jw_kint(w, "signals", res->signals);
	mkg__jw_end_object(w);
	mkg__jw_end_object(w);
}

int
mkg_compare_write_json(const mkg_compare *c, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(c);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__jw_begin_object(w, false);
	mkg__jw_kstring(w, "before_period", mkg_compare_period(c, 0));
	mkg__jw_kstring(w, "after_period", mkg_compare_period(c, 1));
	mkg__jw_kstring(w, "before_name", mkg_compare_name(c, 0));
	mkg__jw_kstring(w, "after_name", mkg_compare_name(c, 1));
	mkg__jw_kstring(w, "currency", mkg_compare_currency(c));
	mkg__jw_kstring(w, "volume_unit", mkg_compare_volume_unit(c));
	write_entities(w, "actors", c, true);
	write_entities(w, "commodities", c, false);
	write_reach(w, c);
	write_markets(w, c);
	write_coalitions(w, c);
	write_links(w, c);
	write_outlets(w, c);
	write_chains(w, c);
	write_value(w, c);
	write_ended(w, c);
	write_systemic(w, c);
	mkg__jw_end_object(w);
	return mkg__jw_finish(w, out, len);
}
