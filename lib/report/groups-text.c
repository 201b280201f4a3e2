/* marketgraph: the text view of the groups result.
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

#include <string.h>

static void
text_side(GString *out, const char *what, const mkg_coalition_market *cm)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[MKG_DOUBLE_BUFSIZE];

	if (cm == NULL)
		return;
	/* HHI to the unit, as the guidelines state their thresholds */
	mkg__human_integer(b, cm->hhi_before, false);
	mkg__human_integer(c, cm->hhi_after, false);
	g_string_append_printf(out, "; as %s %s of the market, HHI %s -> %s%s", what,
	                       mkg__text_percent(a, cm->share), b, c,
	                       cm->presumed_harmful ? " PRESUMED HARMFUL" : "");
}

static void
text_markets(GString *out, mkg__labels *l, const mkg_group *row)
{
	char a[MKG_DOUBLE_BUFSIZE];

	for (size_t k = 0; k < row->market_count; k++) {
		const mkg_group_market *gm = &row->markets[k];
		mkg_facilitation_market key = { gm->commodity, gm->period, gm->region,
		                                 gm->service, 0, 0, 0 };

		g_string_append(out, "  ");
		mkg__market_label(out, l, &key);
		if (gm->level != NULL && strcmp(gm->level, MKG_FARM_GATE_LEVEL) == 0)
			g_string_append(out, " at the farm gate");
		else if (gm->level != NULL)
			g_string_append_printf(out, " at the %s level", mkg__text(l, gm->level));
		g_string_append_printf(out, ": %zu of %zu buyers are members (%s)",
		                       gm->member_buyers, gm->buyers,
		                       mkg__text_percent(a, gm->member_buyer_share));
		text_side(out, "sellers", gm->seller);
		text_side(out, "buyers", gm->buyer);
		g_string_append_c(out, '\n');
	}
}

void
mkg__groups_text(GString *out, const mkg_groups *g, mkg__labels *l)
{
	size_t n = mkg_groups_count(g);

	if (n == 0)
		return;
	mkg__text_heading(out, "Groups (memberships)");
	for (size_t i = 0; i < n; i++) {
		const mkg_group *row = mkg_groups_at(g, i);
		char h[MKG_DOUBLE_BUFSIZE];

		g_string_append_printf(out, "%s (%s): %zu member%s, %s households, %s",
		                       mkg__label(l, row->group), mkg_actor_kind_name(row->kind),
		                       row->member_count, row->member_count == 1 ? "" : "s",
		                       mkg__human_count(h, row->households),
		                       row->supervised ? "supervised by" : "NOT supervised by a public "
		                                                           "agency");
		for (size_t k = 0; row->supervised && k < row->supervisor_count; k++)
			g_string_append_printf(out, "%s %s", k ? "," : "",
			                       mkg__label(l, row->supervisors[k]));
		g_string_append_printf(out, "%s\n", row->presumed_harmful ? "; PRESUMED HARMFUL as "
		                                                            "one firm" : "");
		text_markets(out, l, row);
	}
}
