/* marketgraph: the comparison as text, in the order of a results chain:
 * outreach, then market changes, then systemic change (docs/report.md,
 * "Comparison").
 * SPDX-License-Identifier: MIT */
#include "sections-private.h" /* mkg__text_amount, mkg__text_percent, labels */
#include "marketgraph/compare.h"

#include <string.h>

/* "a -> b" for two amounts. */
static void
amounts(GString *out, double a, double b)
{
	char x[MKG_DOUBLE_BUFSIZE], y[MKG_DOUBLE_BUFSIZE];

	g_string_append_printf(out, "%s -> %s", mkg__text_amount(x, a), mkg__text_amount(y, b));
}

static void
percents(GString *out, double a, double b)
{
	char x[MKG_DOUBLE_BUFSIZE], y[MKG_DOUBLE_BUFSIZE];

	g_string_append_printf(out, "%s -> %s", mkg__text_percent(x, a), mkg__text_percent(y, b));
}

static void
outreach(GString *out, const mkg_compare *c, mkg__labels *l)
{
	const mkg_compare_reach *b = mkg_compare_side_reach(c, 0), *a = mkg_compare_side_reach(c, 1);
	size_t n = mkg_compare_ended_count(c);

	mkg__text_heading(out, "1. Outreach");
	g_string_append_printf(out,
	                       "Households reached directly (each supported actor once): %" G_GINT64_FORMAT
	                       " -> %" G_GINT64_FORMAT " (%zu -> %zu actors)\n",
	                       b->direct_households, a->direct_households, b->direct_actors,
	                       a->direct_actors);
	g_string_append_printf(out,
	                       "  counted once per record instead: %" G_GINT64_FORMAT
	                       " -> %" G_GINT64_FORMAT " (double counting the DCED Standard "
	                       "warns against)\n",
	                       b->record_households, a->record_households);
	g_string_append_printf(out,
	                       "Households reached indirectly (trading partners of those "
	                       "reached): %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT
	                       " (%zu -> %zu actors)\n",
	                       b->indirect_households, a->indirect_households, b->indirect_actors,
	                       a->indirect_actors);
	g_string_append_printf(out, "Producers' households selling: %" G_GINT64_FORMAT
	                       " -> %" G_GINT64_FORMAT "\n",
	                       b->households_selling, a->households_selling);
	g_string_append_printf(out, "Facilitation that ended: %zu\n", n);
	for (size_t i = 0; i < n; i++) {
		const mkg_compare_record *r = mkg_compare_ended_at(c, i);

		g_string_append_printf(out, "  %s (%s %s by %s", mkg__text(l, r->record),
		                       mkg_facilitation_type_name(r->type),
		                       mkg_function_name(r->function), mkg__text(l, r->facilitator));
		if (r->end)
			g_string_append_printf(out, ", ended %s", mkg__text(l, r->end));
		if (r->gone)
			g_string_append(out, ", no longer recorded");
		if (r->exit != MKG_EXIT_NONE)
			g_string_append_printf(out, ", exit %s", mkg_exit_name(r->exit));
		if (r->successor)
			g_string_append_printf(out, " to %s", mkg__text(l, r->successor));
		g_string_append(out, ")\n");
	}
}

static void
entities(GString *out, const mkg_compare *c, mkg__labels *l, bool actors)
{
	size_t n = actors ? mkg_compare_actor_count(c) : mkg_compare_commodity_count(c);

	for (int pass = 0; pass < 2; pass++) {
		mkg_change want = pass ? MKG_CHANGE_ENTERING : MKG_CHANGE_LEAVING;
		size_t shown = 0;

		for (size_t i = 0; i < n; i++) {
			const mkg_compare_entity *e =
				actors ? mkg_compare_actor_at(c, i) : mkg_compare_commodity_at(c, i);

			if (e->change != want)
				continue;
			if (shown++ == 0)
				g_string_append_printf(out, "%s %s: ", actors ? "Actors" : "Commodities",
				                       pass ? "entering" : "leaving");
			else
				g_string_append(out, ", ");
			g_string_append(out, mkg__text(l, e->id));
			if (actors)
				g_string_append_printf(out, " (%s)", mkg_actor_kind_name(e->kind));
		}
		if (shown)
			g_string_append_c(out, '\n');
	}
}

static const char *
level_words(const char *level)
{
	return level && strcmp(level, "producer") == 0 ? "farm gate" : level;
}

static void
markets(GString *out, const mkg_compare *c, mkg__labels *l)
{
	char x[MKG_DOUBLE_BUFSIZE];

	g_string_append(out, "Markets (HHI, CR4, firms and class, before -> after):\n");
	for (size_t i = 0; i < mkg_compare_market_count(c); i++) {
		const mkg_compare_market *m = mkg_compare_market_at(c, i);

		if (m->service)
			continue;
		g_string_append_printf(out, "  %s at the %s", mkg__text(l, m->commodity),
		                       m->level ? mkg__text(l, level_words(m->level)) : "pooled levels");
		if (m->region)
			g_string_append_printf(out, " in %s", mkg__text(l, m->region));
		g_string_append_printf(out, ", %ss: ", mkg_side_name(m->side));
		if (m->change != MKG_CHANGE_SAME) {
			const mkg_compare_concentration *k =
				m->change == MKG_CHANGE_ENTERING ? &m->after : &m->before;

			g_string_append_printf(out, "%s (HHI %s, %zu firms)\n",
			                       m->change == MKG_CHANGE_ENTERING ? "new market"
			                                                        : "market gone",
			                       mkg__text_amount(x, k->hhi), k->firms);
			continue;
		}
		g_string_append(out, "HHI ");
		amounts(out, m->before.hhi, m->after.hhi);
		g_string_append(out, ", CR4 ");
		percents(out, m->before.cr4, m->after.cr4);
		g_string_append_printf(out, ", firms %zu -> %zu, %s -> %s\n", m->before.firms,
		                       m->after.firms,
		                       mkg_concentration_class_name(m->before.concentration),
		                       mkg_concentration_class_name(m->after.concentration));
	}
	if (mkg_compare_coalition_count(c) > 0)
		g_string_append(out, "Coalition verdicts that changed (2023 guidelines):\n");
	for (size_t i = 0; i < mkg_compare_coalition_count(c); i++) {
		const mkg_compare_coalition *r = mkg_compare_coalition_at(c, i);

		g_string_append_printf(out, "  %s as %ss of %s at the %s: %s -> %s\n",
		                       mkg__text(l, r->group), mkg_side_name(r->side),
		                       mkg__text(l, r->commodity),
		                       r->level ? mkg__text(l, level_words(r->level)) : "pooled levels",
		                       r->before == 1 ? "presumed harmful"
		                       : r->before == 0 ? "not presumed harmful" : "absent",
		                       r->after == 1 ? "presumed harmful"
		                       : r->after == 0 ? "not presumed harmful" : "absent");
	}
}

static void
links(GString *out, const mkg_compare *c, mkg__labels *l)
{
	char x[MKG_DOUBLE_BUFSIZE];
	const mkg_compare_outlets *ob = mkg_compare_side_outlets(c, 0), *oa = mkg_compare_side_outlets(c, 1);

	g_string_append_printf(
		out,
		"Trading links (volume change of %s or more counts): %zu new, %zu lost, %zu "
		"strengthened, %zu weakened, %zu about the same\n",
		mkg__text_percent(x, mkg_compare_link_threshold(c)),
		mkg_compare_link_class_count(c, MKG_CHANGE_ENTERING),
		mkg_compare_link_class_count(c, MKG_CHANGE_LEAVING),
		mkg_compare_link_class_count(c, MKG_CHANGE_STRENGTHENED),
		mkg_compare_link_class_count(c, MKG_CHANGE_WEAKENED),
		mkg_compare_link_class_count(c, MKG_CHANGE_SAME));
	for (size_t i = 0; i < mkg_compare_link_count(c); i++) {
		const mkg_compare_link *k = mkg_compare_link_at(c, i);
		const char *what = k->change == MKG_CHANGE_ENTERING ? "new"
		                   : k->change == MKG_CHANGE_LEAVING ? "lost"
		                                                     : mkg_change_name(k->change);

		bool by_value = MKG_IS_ABSENT(k->volume_before) && MKG_IS_ABSENT(k->volume_after);

		g_string_append_printf(out, "  %s: %s -> %s, %s, %s ", what,
		                       mkg__text(l, k->seller), mkg__text(l, k->buyer),
		                       mkg__text(l, k->commodity), by_value ? "value" : "volume");
		if (by_value)
			amounts(out, k->value_before, k->value_after);
		else
			amounts(out, k->volume_before, k->volume_after);
		g_string_append_c(out, '\n');
	}
	g_string_append(out, "Producers' outlets (distinct buyers): mean ");
	amounts(out, ob->mean_outlets, oa->mean_outlets);
	g_string_append_printf(out, "; with one outlet %zu of %zu -> %zu of %zu (", ob->one_outlet,
	                       ob->producers, oa->one_outlet, oa->producers);
	percents(out, ob->one_outlet_share, oa->one_outlet_share);
	g_string_append_printf(out, "), %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT " households\n",
	                       ob->one_outlet_households, oa->one_outlet_households);
}

static void
chain_side(GString *out, const char *name, const mkg_compare_chain_side *x, mkg__labels *l,
           const char *unit)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE];

	if (!x->present) {
		g_string_append_printf(out, "    %s: no such chain\n", name);
		return;
	}
	g_string_append_printf(out, "    %s: deliverable %s of the supply; largest captive supply "
	                       "%s %s", name, mkg__text_percent(a, x->deliverable_share),
	                       mkg__text_amount(b, x->captive_supply), unit);
	if (x->captive_actor)
		g_string_append_printf(out, " (%zu producers behind %s)", x->captive_producers,
		                       mkg__text(l, x->captive_actor));
	g_string_append_printf(out, "; %zu cut points, %zu on the producers' side; farmer's share "
	                       "%s\n", x->cut_points, x->producer_side_cut_points,
	                       mkg__text_percent(a, x->producer_share));
}

static void
chains(GString *out, const mkg_compare *c, mkg__labels *l)
{
	for (size_t i = 0; i < mkg_compare_chain_count(c); i++) {
		const mkg_compare_chain *ch = mkg_compare_chain_at(c, i);
		const char *unit = ch->unit ? mkg__text(l, ch->unit) : "(volume unit)";

		g_string_append_printf(out, "Chain %s (volumes in %s of %s):\n",
		                       mkg__text(l, ch->commodity), unit, mkg__text(l, ch->commodity));
		chain_side(out, "before", &ch->before, l, unit);
		chain_side(out, "after", &ch->after, l, unit);
		for (size_t k = 0; k < mkg_compare_binding_count(c, i); k++) {
			const mkg_compare_binding *b = mkg_compare_binding_at(c, i, k);
			char x[MKG_DOUBLE_BUFSIZE];

			g_string_append_printf(out, "    binding constraint %s: %s ",
			                       b->change == MKG_CHANGE_ENTERING ? "appeared" : "went",
			                       mkg_binding_type_name((mkg_binding_type)b->type));
			if (b->actor)
				g_string_append(out, mkg__text(l, b->actor));
			else
				g_string_append_printf(out, "%s -> %s", mkg__text(l, b->seller),
				                       mkg__text(l, b->buyer));
			g_string_append_printf(out, " (capacity %s)\n", mkg__text_amount(x, b->capacity));
		}
		if (mkg_compare_channel_count(c, i) > 0)
			g_string_append(out, "    farmer's share per channel (share of the flow):\n");
		for (size_t k = 0; k < mkg_compare_channel_count(c, i); k++) {
			const mkg_compare_channel *r = mkg_compare_channel_at(c, i, k);

			g_string_append_printf(out, "      %s: ", mkg__text(l, r->kinds));
			percents(out, r->farmer_share_before, r->farmer_share_after);
			g_string_append(out, " (");
			percents(out, r->share_before, r->share_after);
			g_string_append(out, ")\n");
		}
	}
}

static void
value(GString *out, const mkg_compare *c)
{
	const char *cur = mkg_compare_currency(c);

	g_string_append_printf(out, "Value added and net margin by kind (%s):\n",
	                       cur ? cur : "model currency");
	for (size_t i = 0; i < mkg_compare_value_count(c); i++) {
		const mkg_compare_value *v = mkg_compare_value_at(c, i);

		if (v->kind == MKG_ACTOR_END_MARKET)
			continue;
		g_string_append_printf(out, "  %s: ", mkg_actor_kind_name(v->kind));
		amounts(out, v->value_added_before, v->value_added_after);
		g_string_append(out, " (");
		percents(out, v->share_before, v->share_after);
		g_string_append(out, " of the chain's value added), net margin ");
		amounts(out, v->net_margin_before, v->net_margin_after);
		g_string_append_c(out, '\n');
	}
}

static void
systemic(GString *out, const mkg_compare *c, mkg__labels *l)
{
	const mkg_compare_resilience *r = mkg_compare_resilience_signals(c);
	char x[MKG_DOUBLE_BUFSIZE];

	mkg__text_heading(out, "3. Systemic change");
	g_string_append_printf(out, "Crowding in (actors no programme targeted, entering where "
	                       "targeted actors were): %zu\n", mkg_compare_crowding_count(c));
	for (size_t i = 0; i < mkg_compare_crowding_count(c); i++) {
		const mkg_compare_crowding *k = mkg_compare_crowding_at(c, i);

		if (k->commodity)
			g_string_append_printf(out, "  %s (%s) as a %s of %s at the %s, share %s\n",
			                       mkg__text(l, k->actor), mkg_actor_kind_name(k->kind),
			                       mkg_side_name(k->side), mkg__text(l, k->commodity),
			                       mkg__text(l, level_words(k->level)),
			                       mkg__text_percent(x, k->share_after));
		else
			g_string_append_printf(out, "  %s (%s) now provides %s (%s)\n",
			                       mkg__text(l, k->actor), mkg_actor_kind_name(k->kind),
			                       mkg_function_name(k->function), mkg__text(l, k->record));
	}
	g_string_append_printf(out, "Copying (practices a targeted actor used first): %zu\n",
	                       mkg_compare_copy_count(c));
	for (size_t i = 0; i < mkg_compare_copy_count(c); i++) {
		const mkg_compare_copy *k = mkg_compare_copy_at(c, i);

		if (k->contract >= 0)
			g_string_append_printf(out, "  %s took up %s, used first by %s\n",
			                       mkg__text(l, k->actor),
			                       mkg_contract_name((mkg_contract)k->contract),
			                       mkg__text(l, k->first));
		else
			g_string_append_printf(out, "  %s now sells %s to %s, as %s did\n",
			                       mkg__text(l, k->actor), mkg__text(l, k->commodity),
			                       mkg__text(l, k->buyer), mkg__text(l, k->first));
	}
	g_string_append_printf(out, "Take-over (functions of ended temporary records now "
	                       "provided by market actors): %zu\n", mkg_compare_takeover_count(c));
	for (size_t i = 0; i < mkg_compare_takeover_count(c); i++) {
		const mkg_compare_takeover *k = mkg_compare_takeover_at(c, i);

		g_string_append_printf(out, "  %s: %s ended, %s %s by %s\n",
		                       mkg_function_name(k->function), mkg__text(l, k->temporary),
		                       mkg__text(l, k->record), mkg_facilitation_type_name(k->type),
		                       mkg__text(l, k->provider));
	}
	g_string_append_printf(out, "Resilience: %d of 3 signals (captive supply falling: %s; "
	                       "outlets per producer rising: %s; fewer cut points on the "
	                       "producers' side: %s)\n", r->signals,
	                       r->captive_supply_falling ? "yes" : "no",
	                       r->outlets_rising ? "yes" : "no",
	                       r->fewer_producer_cut_points ? "yes" : "no");
	g_string_append(out, "These indicators say what changed in the data, not why: "
	                     "attributing a change to a programme needs evidence beyond the "
	                     "two models.\n");
}

int
mkg_compare_write_text(const mkg_compare *c, char **out, size_t *len)
{
	GString *s;
	mkg__labels l = { NULL, NULL, NULL };
	const char *pb, *pa, *unit, *cur;

	MKG_CHECK_ARG(c);
	MKG_CHECK_ARG(out);
	l.escaped = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	s = g_string_new(NULL);
	pb = mkg_compare_period(c, 0);
	pa = mkg_compare_period(c, 1);
	unit = mkg_compare_volume_unit(c);
	cur = mkg_compare_currency(c);
	g_string_append_printf(s, "Comparison: %s -> %s\n", pb ? mkg__text(&l, pb) : "before",
	                       pa ? mkg__text(&l, pa) : "after");
	if (mkg_compare_name(c, 0))
		g_string_append_printf(s, "Before: %s\n", mkg__text(&l, mkg_compare_name(c, 0)));
	if (mkg_compare_name(c, 1))
		g_string_append_printf(s, "After: %s\n", mkg__text(&l, mkg_compare_name(c, 1)));
	g_string_append_printf(s, "Volumes in %s, values in %s.\n",
	                       unit ? mkg__text(&l, unit) : "the model's unit",
	                       cur ? mkg__text(&l, cur) : "the model's currency");
	outreach(s, c, &l);
	mkg__text_heading(s, "2. Market changes");
	entities(s, c, &l, true);
	entities(s, c, &l, false);
	markets(s, c, &l);
	links(s, c, &l);
	chains(s, c, &l);
	value(s, c);
	systemic(s, c, &l);
	mkg__labels_clear(&l);
	if (len)
		*len = s->len;
	*out = g_string_free(s, FALSE);
	return MKG_OK;
}
