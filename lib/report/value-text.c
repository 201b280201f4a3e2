/* marketgraph: the text view of the value and inclusiveness results.
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

static void
text_kinds(GString *out, const mkg_value *v, const char *cur)
{
	size_t n = mkg_value_kind_count(v);
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[MKG_DOUBLE_BUFSIZE];

	for (size_t i = 0; i < n; i++) {
		const mkg_kind_value *k = mkg_value_kind_at(v, i);

		g_string_append_printf(out, "  %-22s %3zu %-6s value added %s %s",
		                       mkg_actor_kind_name(k->kind), k->actors,
		                       mkg__plural(k->actors, "actor", "actors"),
		                       mkg__text_amount(a, k->value_added), cur);
		if (k->share == k->share)
			g_string_append_printf(out, " (%s of the chain)", mkg__text_percent(b, k->share));
		if (k->gini == k->gini)
			g_string_append_printf(out, ", Gini %s", mkg__text_amount(c, k->gini));
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
	text_kinds(out, v, cur);
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
	g_string_append_printf(out, "Households selling: %" G_GINT64_FORMAT " (%zu producers; "
	                       "%" G_GINT64_FORMAT " households among all producers)\n",
	                       mkg_inclusiveness_households_selling(inc),
	                       mkg_inclusiveness_producers_selling(inc),
	                       mkg_inclusiveness_households_producers(inc));
	g_string_append_printf(out, "Households supported by facilitation: %" G_GINT64_FORMAT
	                       " (%zu actors supported)\n",
	                       mkg_inclusiveness_households_supported(inc),
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
