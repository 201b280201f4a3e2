/* marketgraph: the text view of the marketing channels (shown when the
 * report is asked for it: `marketgraph analyze --channels`).
 * SPDX-License-Identifier: MIT */
#include "channels-report-private.h"
#include "sections-private.h" /* mkg__text_amount, mkg__text_percent */

/* "value added: producer 0.80, trader 0.40 (net margin 0.25); channel 1.20"
 * per primary unit; a net margin only where the sellers give costs. */
static void
text_margins(GString *out, const mkg_channels *c, size_t i, size_t j)
{
	const mkg_channel *r = mkg_channels_channel_at(c, i, j);
	size_t steps = mkg_channels_step_count(c, i, j);
	char a[MKG_DOUBLE_BUFSIZE];

	g_string_append(out, "    value added:");
	for (size_t k = 0; k < steps; k++) {
		const mkg_channel_step *st = mkg_channels_step_at(c, i, j, k);

		g_string_append_printf(out, "%s %s %s", k ? "," : "",
		                       mkg_actor_kind_name(st->seller_kind),
		                       mkg__text_amount(a, st->value_added));
		if (!MKG_IS_ABSENT(st->net_margin))
			g_string_append_printf(out, " (net margin %s)",
			                       mkg__text_amount(a, st->net_margin));
	}
	g_string_append_printf(out, "; channel %s", mkg__text_amount(a, r->value_added));
	if (!MKG_IS_ABSENT(r->net_margin))
		g_string_append_printf(out, " (net margin %s)", mkg__text_amount(a, r->net_margin));
	g_string_append_c(out, '\n');
}

static void
text_channel(GString *out, const mkg_channels *c, size_t i, size_t j, const char *unit)
{
	const mkg_channel *r = mkg_channels_channel_at(c, i, j);
	size_t steps = mkg_channels_step_count(c, i, j);
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], d[MKG_DOUBLE_BUFSIZE];

	g_string_append_printf(out, "  %s: %s %s (%s), farmer's share %s\n", r->kinds,
	                       mkg__text_amount(a, r->volume), unit, mkg__text_percent(b, r->share),
	                       mkg__text_percent(d, r->farmer_share));
	if (steps == 0) {
		g_string_append_printf(out, "    prices: farm gate %s, end market %s\n",
		                       mkg__text_amount(a, r->farm_price),
		                       mkg__text_amount(b, r->end_price));
		return;
	}
	g_string_append(out, "    prices:");
	for (size_t k = 0; k < steps; k++) {
		const mkg_channel_step *st = mkg_channels_step_at(c, i, j, k);

		g_string_append_printf(out, "%s %s to %s %s", k ? "," : "",
		                       mkg_actor_kind_name(st->seller_kind),
		                       mkg_actor_kind_name(st->buyer_kind),
		                       mkg__text_amount(a, st->price));
	}
	g_string_append_c(out, '\n');
	text_margins(out, c, i, j);
}

static void
text_chain(GString *out, const mkg_channels *c, size_t i, mkg__labels *l, const char *cur)
{
	const mkg_channel_chain *ch = mkg_channels_chain_at(c, i);
	const char *commodity = mkg__text(l, ch->commodity);
	const char *unit = ch->unit ? mkg__text(l, ch->unit) : "(volume unit)";
	size_t n = mkg_channels_channel_count(c, i);
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], d[MKG_DOUBLE_BUFSIZE];

	g_string_append_printf(out, "Chain %s (volumes in %s of %s, prices in %s per %s of %s):\n",
	                       commodity, unit, commodity, cur, unit, commodity);
	g_string_append_printf(out, "  Producer share: %s (volume-weighted over the channels)\n",
	                       mkg__text_percent(a, ch->producer_share));
	g_string_append_printf(out, "  From producers %s %s: %s reached end markets, %s retained\n",
	                       mkg__text_amount(a, ch->producer_volume), unit,
	                       mkg__text_amount(b, ch->flow), mkg__text_amount(d, ch->retained));
	for (size_t j = 0; j < n; j++)
		text_channel(out, c, i, j, unit);
	if (ch->untraced > 0 || ch->circulating > 0)
		g_string_append_printf(out, "  Left out: %s %s sold beyond what was traced to the "
		                       "seller, %s %s on arcs that close a cycle\n",
		                       mkg__text_amount(a, ch->untraced), unit,
		                       mkg__text_amount(b, ch->circulating), unit);
	if (ch->without_value > 0)
		g_string_append_printf(out, "  %zu %s without a value: in the volumes, not in the "
		                       "prices\n", ch->without_value,
		                       mkg__plural(ch->without_value, "transaction", "transactions"));
}

void
mkg__channels_text(GString *out, const mkg_channels *c, mkg__labels *l)
{
	const char *cur = mkg_channels_currency(c) ? mkg__text(l, mkg_channels_currency(c))
	                                           : "(money)";
	size_t n = mkg_channels_chain_count(c);

	mkg__text_heading(out, "Marketing channels");
	if (n == 0) {
		g_string_append(out, "No produce chain: no goods transaction with a volume.\n");
		return;
	}
	for (size_t i = 0; i < n; i++)
		text_chain(out, c, i, l, cur);
}
