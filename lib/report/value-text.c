/* marketgraph: the text view of the value and inclusiveness results.
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

#include <string.h>

/* ", Gini 0.31 over 1,234 households" or ", Gini undefined (one actor)". */
static void
text_gini(GString *out, double gini, mkg_gini_over over, size_t units, size_t actors)
{
	char a[MKG_DOUBLE_BUFSIZE];

	if (over == MKG_GINI_UNDEFINED) {
		g_string_append(out, actors < 2 ? ", Gini undefined (one actor)"
		                                : ", Gini undefined (mean net margin <= 0)");
		return;
	}
	g_string_append_printf(out, ", Gini %s over %zu %s", mkg__text_amount(a, gini), units,
	                       over == MKG_GINI_HOUSEHOLDS ? mkg__plural(units, "household",
	                                                                 "households")
	                                                   : mkg__plural(units, "actor", "actors"));
}

static void
text_kinds(GString *out, const mkg_value *v, const char *cur)
{
	size_t n = mkg_value_kind_count(v);
	bool margins = mkg_value_actors_with_costs(v) > 0 || mkg_value_transfers(v) > 0;
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE];

	for (size_t i = 0; i < n; i++) {
		const mkg_kind_value *k = mkg_value_kind_at(v, i);

		g_string_append_printf(out, "  %-22s %3zu %-6s value added %s %s",
		                       mkg_actor_kind_name(k->kind), k->actors,
		                       mkg__plural(k->actors, "actor", "actors"),
		                       mkg__text_amount(a, k->value_added), cur);
		if (k->share == k->share)
			g_string_append_printf(out, " (%s of the chain)", mkg__text_percent(b, k->share));
		if (margins) {
			g_string_append_printf(out, ", net margin %s %s",
			                       mkg__text_amount(a, k->net_margin), cur);
			if (k->net_margin_share == k->net_margin_share)
				g_string_append_printf(out, " (%s)",
				                       mkg__text_percent(b, k->net_margin_share));
		}
		if (k->income_per_household == k->income_per_household)
			g_string_append_printf(out, ", %s per household",
			                       mkg__text_amount(a, k->income_per_household));
		text_gini(out, k->gini, k->gini_over, k->gini_units, k->actors);
		g_string_append_c(out, '\n');
	}
}

static void
text_levels(GString *out, const mkg_value *v, mkg__labels *l, const char *cur)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE];

	bool named = false;

	/* levels that are all kinds' names repeat the rows by kind */
	for (size_t i = 0; !named && i < mkg_value_level_count(v); i++) {
		mkg_actor_kind kind = MKG_ACTOR_KIND_UNSET;

		for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++)
			if (mkg_actor_kind_name((mkg_actor_kind)k) != NULL &&
			    strcmp(mkg_actor_kind_name((mkg_actor_kind)k),
			           mkg_value_level_at(v, i)->level) == 0)
				kind = (mkg_actor_kind)k;
		named = kind == MKG_ACTOR_KIND_UNSET;
	}
	if (!named)
		return;
	g_string_append(out, "By level (value added of the sellers at each level):\n");
	for (size_t i = 0; i < mkg_value_level_count(v); i++) {
		const mkg_level_value *r = mkg_value_level_at(v, i);

		g_string_append_printf(out, "  %-22s %3zu %-7s value added %s %s",
		                       mkg__text(l, r->level), r->sellers,
		                       mkg__plural(r->sellers, "seller", "sellers"),
		                       mkg__text_amount(a, r->value_added), cur);
		if (r->share == r->share)
			g_string_append_printf(out, " (%s)", mkg__text_percent(b, r->share));
		if (r->costs > 0)
			g_string_append_printf(out, ", net margin %s %s",
			                       mkg__text_amount(a, r->net_margin), cur);
		g_string_append_c(out, '\n');
	}
}

static void
text_tags(GString *out, const mkg_value *v, mkg__labels *l, const char *cur)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE];

	for (size_t i = 0; i < mkg_value_tag_count(v); i++) {
		const mkg_tag_value *t = mkg_value_tag_at(v, i);

		if (t->with)
			g_string_append_printf(out, "Producers by tag %s:\n", mkg__text(l, t->tag));
		g_string_append_printf(out, "  %-8s %3zu %-9s %" G_GINT64_FORMAT " households, "
		                       "%" G_GINT64_FORMAT " selling, %" G_GINT64_FORMAT
		                       " supported; net margin %s %s",
		                       t->with ? "with" : "without", t->producers,
		                       mkg__plural(t->producers, "producer", "producers"),
		                       t->households, t->households_selling, t->households_supported,
		                       mkg__text_amount(a, t->net_margin), cur);
		if (t->income_per_household == t->income_per_household)
			g_string_append_printf(out, " (%s per household)",
			                       mkg__text_amount(b, t->income_per_household));
		if (t->gini_over != MKG_GINI_UNDEFINED)
			g_string_append_printf(out, ", Gini %s", mkg__text_amount(a, t->gini));
		for (size_t k = 0; k < mkg_value_tag_share_count(v); k++) {
			const mkg_tag_share *s = mkg_value_tag_share_at(v, k);

			if (s->with == t->with && strcmp(s->tag, t->tag) == 0)
				g_string_append_printf(out, "; farmer's share of %s %s",
				                       mkg__text(l, s->commodity),
				                       mkg__text_percent(a, s->share));
		}
		g_string_append_c(out, '\n');
	}
}

void
mkg__value_text(GString *out, const mkg_value *v, mkg__labels *l)
{
	const char *cur = mkg_value_currency(v) ? mkg__text(l, mkg_value_currency(v)) : "(money)";
	const char *vu = mkg_value_volume_unit(v) ? mkg__text(l, mkg_value_volume_unit(v))
	                                          : "(volume unit)";
	size_t commodities = mkg_value_commodity_count(v), shares = mkg_value_producer_share_count(v);
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[MKG_DOUBLE_BUFSIZE];

	mkg__text_heading(out, "Value distribution");
	g_string_append_printf(out, "Value added along the chain: %s %s (what end markets pay, "
	                       "net of what they sell)",
	                       mkg__text_amount(a, mkg_value_chain_value_added(v)), cur);
	if (mkg_value_excluded(v) > 0)
		g_string_append_printf(out, "; %zu transactions without a value left out",
		                       mkg_value_excluded(v));
	g_string_append(out, "\n");
	if (mkg_value_transfers(v) > 0)
		g_string_append_printf(out, "Fees and levies (transfers, not value added): %s %s\n",
		                       mkg__text_amount(a, mkg_value_transfers(v)), cur);
	if (mkg_value_actors_with_costs(v) > 0)
		g_string_append_printf(out, "Net margin (value added - costs - transfers paid + "
		                       "received): %s %s; costs given for %zu %s\n",
		                       mkg__text_amount(a, mkg_value_chain_net_margin(v)), cur,
		                       mkg_value_actors_with_costs(v),
		                       mkg__plural(mkg_value_actors_with_costs(v), "actor", "actors"));
	else
		g_string_append(out, "No costs given: value added is a gross margin, not an income\n");
	text_kinds(out, v, cur);
	text_levels(out, v, l, cur);
	text_tags(out, v, l, cur);
	for (size_t i = 0; i < commodities; i++) {
		const mkg_commodity_prices *cp = mkg_value_commodity_at(v, i);

		g_string_append_printf(out, "Prices of %s (%s per %s):",
		                       mkg__text(l, cp->commodity), cur, vu);
		for (size_t k = 0; k < cp->stage_count; k++)
			g_string_append_printf(out, "%s %s %s", k ? "," : "",
			                       mkg_actor_kind_name(cp->stages[k].seller_kind),
			                       mkg__text_amount(a, cp->stages[k].price));
		g_string_append_c(out, '\n');
	}
	for (size_t i = 0; i < shares; i++) {
		const mkg_producer_share *p = mkg_value_producer_share_at(v, i);

		g_string_append_printf(out, "Producer share of %s: %s (producers get %s, end "
		                       "markets pay %s %s per %s)\n", mkg__text(l, p->commodity),
		                       mkg__text_percent(a, p->share),
		                       mkg__text_amount(b, p->producer_price),
		                       mkg__text_amount(c, p->end_market_price), cur, vu);
	}
}

void
mkg__inclusiveness_text(GString *out, const mkg_inclusiveness *inc, const mkg__units *u)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[MKG_DOUBLE_BUFSIZE];

	mkg__text_heading(out, "Inclusiveness");
	g_string_append_printf(out, "Households selling: %s (%zu producers; "
	                       "%s households among all producers)\n",
	                       mkg__human_count(a, mkg_inclusiveness_households_selling(inc)),
	                       mkg_inclusiveness_producers_selling(inc),
	                       mkg__human_count(b, mkg_inclusiveness_households_producers(inc)));
	g_string_append_printf(out, "Households supported by facilitation: %s"
	                       " (%zu actors supported)\n",
	                       mkg__human_count(a, mkg_inclusiveness_households_supported(inc)),
	                       mkg_inclusiveness_actors_supported(inc));
	/* one line per chain, in its primary equivalents: never a sum across units */
	for (size_t i = 0; i < mkg_inclusiveness_chain_count(inc); i++) {
		const mkg_inclusiveness_chain *ch = mkg_inclusiveness_chain_at(inc, i);
		GString *name = g_string_new(NULL);

		mkg__text_escape(name, ch->primary, false, SIZE_MAX);
		g_string_append_printf(out, "Produce sold by actors with households, %s chain: %s of "
		                       "%s ", name->str, mkg__text_amount(a, ch->smallholder_volume),
		                       mkg__text_amount(b, ch->produce_volume));
		if (ch->unit != NULL)
			mkg__text_escape(out, ch->unit, false, SIZE_MAX);
		else
			g_string_append(out, "(volume unit)");
		g_string_append_printf(out, " (%s)\n",
		                       mkg__text_percent(c, ch->smallholder_volume_share));
		g_string_free(name, TRUE);
	}
	(void)u; /* each chain names its own unit, not the model's */
}
