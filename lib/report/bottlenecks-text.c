/* marketgraph: the text view of the bottleneck sections, for an analyst
 * who reads the report on screen: what limits delivery, who holds
 * producers captive, cut points, betweenness and throughput.  Lists are
 * cut at a few rows where the JSON view has every row.
 * SPDX-License-Identifier: MIT */
#include "bottlenecks-report-private.h"
#include "flow-private.h"
#include "report-text-private.h"
#include "sections-private.h" /* mkg__text_percent */

#include <string.h>

/* Rows of a list in the text view before "... and N more". */
#define TEXT_ROWS 10

static const char *
pct(char buf[G_ASCII_DTOSTR_BUF_SIZE], double share)
{
	return mkg__text_percent(buf, share); /* never "inf%" */
}

/* Six significant digits: sums of path shares print as 27.5, not 27.499999999999996. */
static const char *
sig6(char buf[G_ASCII_DTOSTR_BUF_SIZE], double d)
{
	if (isnan(d))
		return strcpy(buf, "-");
	return g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.6g", d);
}

static void
more(GString *out, size_t total, const char *what)
{
	if (total > TEXT_ROWS)
		g_string_append_printf(out, "  ... and %zu more %s (all in the JSON report)\n",
		                        total - TEXT_ROWS, what);
}

/* The flow and what binds it.  us: the unit with a space before it (" t"), or "". */
static void
flow_text(GString *out, const mkg_flow *f, mkg__labels *l, const char *us)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[G_ASCII_DTOSTR_BUF_SIZE];

	if (!(mkg_flow_total_supply(f) > 0.0)) {
		g_string_append(out, "Deliverable flow: nothing to deliver, the producers supply 0.\n");
		return;
	}
	g_string_append_printf(out, "Deliverable flow: %s%s of %s%s supplied can reach end markets (%s)\n",
	                       mkg__text_number(a, mkg_flow_max_flow(f)), us,
	                       mkg__text_number(b, mkg_flow_total_supply(f)), us,
	                       pct(c, mkg_flow_deliverable_share(f)));
	if (mkg_flow_binding_count(f) == 0) {
		g_string_append(out, "Binding constraints: none; every unit supplied that has a route "
		                     "to an end market can be delivered.\n");
		return;
	}
	g_string_append_printf(out, "Binding constraints (the minimum cut nearest the producers): %zu\n",
	                       mkg_flow_binding_count(f));
	for (size_t i = 0; i < mkg_flow_binding_count(f) && i < TEXT_ROWS; i++) {
		const mkg_binding *x = mkg_flow_binding_at(f, i);
		switch (x->type) {
		case MKG_BINDING_ACTOR:
			g_string_append_printf(out, "  capacity of %s: %s%s\n", mkg__label(l, x->actor),
			                       mkg__text_number(a, x->capacity), us);
			break;
		case MKG_BINDING_DEMAND:
			g_string_append_printf(out, "  demand of %s: %s%s\n", mkg__label(l, x->actor),
			                       mkg__text_number(a, x->capacity), us);
			break;
		case MKG_BINDING_TRANSACTION:
			g_string_append_printf(out, "  link %s", mkg__label(l, x->seller));
			g_string_append_printf(out, " -> %s: %s%s\n", mkg__label(l, x->buyer),
			                       mkg__text_number(a, x->capacity), us);
			break;
		}
	}
	more(out, mkg_flow_binding_count(f), "constraints");
}

static void
captive_text(GString *out, const mkg_captive *c, mkg__labels *l, const char *us)
{
	char a[MKG_DOUBLE_BUFSIZE];
	size_t n = mkg_captive_count(c), ns = mkg_captive_stranded_count(c);
	size_t ng = mkg_captive_gatekeeper_count(c);

	if (n == 0) {
		g_string_append(out, "Captive producers: no actor is the only way to an end market "
		                     "for any producer.\n");
	} else {
		g_string_append_printf(out, "Captive producers (cut off from every end market if the "
		                       "actor stops trading), largest supply first: %zu actor%s\n",
		                       n, n == 1 ? "" : "s");
		for (size_t i = 0; i < n && i < TEXT_ROWS; i++) {
			const mkg_captive_actor *x = mkg_captive_at(c, i);
			g_string_append_printf(out, "  %s: %zu producer%s, supply %s%s\n",
			                       mkg__label(l, x->actor), x->producers,
			                       x->producers == 1 ? "" : "s", mkg__text_number(a, x->supply), us);
		}
		more(out, n, "actors");
	}
	if (ns > 0) {
		g_string_append_printf(out, "Stranded producers (no route to any end market): %zu, "
		                       "supply %s%s\n", ns, mkg__text_number(a, mkg_captive_stranded_supply(c)), us);
		for (size_t i = 0; i < ns && i < TEXT_ROWS; i++)
			g_string_append_printf(out, "  %s\n", mkg__label(l, mkg_captive_stranded_at(c, i)));
		more(out, ns, "producers");
	}
	if (ng > 0) {
		g_string_append_printf(out, "Gatekeepers (all supply of the end market passes them): %zu\n",
		                       ng);
		for (size_t i = 0; i < ng && i < TEXT_ROWS; i++) {
			const mkg_gatekeeper *x = mkg_captive_gatekeeper_at(c, i);
			g_string_append_printf(out, "  %s", mkg__label(l, x->sink));
			g_string_append_printf(out, ": %s\n", mkg__label(l, x->actor));
		}
		more(out, ng, "end markets");
	}
}

static void
cutpoints_text(GString *out, const mkg_cutpoints *c, mkg__labels *l, const char *us)
{
	char a[MKG_DOUBLE_BUFSIZE];
	size_t na = mkg_cutpoints_articulation_count(c), nb = mkg_cutpoints_bridge_count(c);

	g_string_append_printf(out, "Cut points (actors whose exit splits the trading network): %zu\n",
	                       na);
	for (size_t i = 0; i < na && i < TEXT_ROWS; i++) {
		const mkg_articulation_point *x = mkg_cutpoints_articulation_at(c, i);
		g_string_append_printf(out, "  %s: throughput %s%s\n", mkg__label(l, x->actor),
		                       mkg__text_number(a, x->throughput), us);
	}
	more(out, na, "actors");
	g_string_append_printf(out, "Bridges (links whose loss splits it): %zu\n", nb);
	for (size_t i = 0; i < nb && i < TEXT_ROWS; i++) {
		const mkg_bridge *x = mkg_cutpoints_bridge_at(c, i);
		g_string_append_printf(out, "  %s", mkg__label(l, x->actors[0]));
		g_string_append_printf(out, " - %s: %s%s\n", mkg__label(l, x->actors[1]),
		                       mkg__text_number(a, x->volume), us);
	}
	more(out, nb, "links");
}

static void
betweenness_text(GString *out, const mkg__bottlenecks_chain *b, mkg__labels *l)
{
	char a[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];
	size_t n = mkg_betweenness_count(b->betweenness);

	if (n == 0)
		return;
	g_string_append(out, "Betweenness (shortest trading paths through the actor");
	if (b->pivots > 0)
		g_string_append_printf(out, "; estimated from %zu sampled actors", b->pivots);
	g_string_append(out, "), highest first:\n");
	for (size_t i = 0; i < n && i < TEXT_ROWS; i++) {
		const mkg_betweenness_score *x = mkg_betweenness_at(b->betweenness, i);
		g_string_append_printf(out, "  %s: all pairs %s, producer to market %s\n",
		                       mkg__label(l, x->actor), sig6(a, x->all_pairs),
		                       sig6(c, x->source_sink));
	}
	more(out, n, "actors");
}

static void
throughput_text(GString *out, const mkg_throughput *t, mkg__labels *l, const char *us)
{
	char a[MKG_DOUBLE_BUFSIZE], c[G_ASCII_DTOSTR_BUF_SIZE];
	size_t n = mkg_throughput_count(t);

	if (n == 0)
		return;
	/* The share's basis, in words (mkg_throughput_new()). */
	if (mkg_throughput_supplied(t) >= mkg_throughput_delivered(t))
		g_string_append_printf(out, "Throughput, largest first (share of the %s%s the producers "
		                       "supply):\n", mkg__text_number(a, mkg_throughput_supplied(t)), us);
	else
		g_string_append_printf(out, "Throughput, largest first (share of the %s%s delivered to "
		                       "end markets):\n",
		                       mkg__text_number(a, mkg_throughput_delivered(t)), us);
	for (size_t i = 0; i < n && i < TEXT_ROWS; i++) {
		const mkg_actor_throughput *x = mkg_throughput_at(t, i);
		g_string_append_printf(out, "  %s: %s%s", mkg__label(l, x->actor),
		                       mkg__text_number(a, x->throughput), us);
		g_string_append_printf(out, " (%s)\n", pct(c, x->share));
	}
	more(out, n, "actors");
}

/* "Chain potato (volumes in t of potato equivalent)": what every number
 * of the block counts; model strings escaped for the terminal. */
static void
chain_heading(GString *out, const mkg_chain *c)
{
	g_string_append(out, "Chain ");
	mkg__text_escape(out, c->commodity, false, SIZE_MAX);
	g_string_append(out, " (volumes in ");
	if (c->unit) {
		mkg__text_escape(out, c->unit, false, SIZE_MAX);
		g_string_append(out, " of ");
	}
	mkg__text_escape(out, c->commodity, false, SIZE_MAX);
	g_string_append(out, " equivalent)\n");
}

void
mkg__bottlenecks_text(GString *out, const mkg_bottlenecks *b, mkg__labels *l)
{
	mkg__text_heading(out, "Bottlenecks");
	if (b->count == 0)
		g_string_append(out, "No produce is traded: no chain to analyse.\n");
	for (size_t i = 0; i < b->count; i++) {
		const mkg__bottlenecks_chain *c = &b->chains[i];
		const char *unit = c->chain.unit ? mkg__text(l, c->chain.unit) : NULL;
		char *us = unit ? g_strconcat(" ", unit, NULL) : g_strdup("");

		if (i > 0)
			g_string_append_c(out, '\n');
		chain_heading(out, &c->chain);
		/* What limits delivery, and who holds producers captive, come first. */
		flow_text(out, c->flow, l, us);
		captive_text(out, c->captive, l, us);
		cutpoints_text(out, c->cutpoints, l, us);
		betweenness_text(out, c, l);
		throughput_text(out, c->throughput, l, us);
		g_free(us);
	}
}
