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

/* Rows of a list before "... and N more": in the long text, in the short one. */
#define DETAIL_ROWS 10
#define SHORT_ROWS 5

static const char *
pct(char buf[MKG_DOUBLE_BUFSIZE], double share)
{
	return mkg__text_percent(buf, share); /* never "inf%" */
}

static void
more(GString *out, size_t total, size_t rows, const char *what)
{
	if (total > rows)
		g_string_append_printf(out, "  ... and %zu more %s (all in the JSON report)\n",
		                        total - rows, what);
}

/* The flow and what binds it.  us: the unit with a space before it (" t"), or "". */
static void
flow_text(GString *out, const mkg_flow *f, mkg__labels *l, const char *us, size_t rows)
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
	for (size_t i = 0; i < mkg_flow_binding_count(f) && i < rows; i++) {
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
	more(out, mkg_flow_binding_count(f), rows, "constraints");
}

static void
captive_text(GString *out, const mkg_captive *c, mkg__labels *l, const char *us,
             size_t rows)
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
		for (size_t i = 0; i < n && i < rows; i++) {
			const mkg_captive_actor *x = mkg_captive_at(c, i);
			g_string_append_printf(out, "  %s: %zu producer%s, supply %s%s\n",
			                       mkg__label(l, x->actor), x->producers,
			                       x->producers == 1 ? "" : "s", mkg__text_number(a, x->supply), us);
		}
		more(out, n, rows, "actors");
	}
	if (ns > 0) {
		g_string_append_printf(out, "Stranded producers (no route to any end market): %zu, "
		                       "supply %s%s\n", ns, mkg__text_number(a, mkg_captive_stranded_supply(c)), us);
		for (size_t i = 0; i < ns && i < rows; i++)
			g_string_append_printf(out, "  %s\n", mkg__label(l, mkg_captive_stranded_at(c, i)));
		more(out, ns, rows, "producers");
	}
	if (ng > 0) {
		g_string_append_printf(out, "Gatekeepers (all supply of the end market passes them): %zu\n",
		                       ng);
		for (size_t i = 0; i < ng && i < rows; i++) {
			const mkg_gatekeeper *x = mkg_captive_gatekeeper_at(c, i);
			g_string_append_printf(out, "  %s", mkg__label(l, x->sink));
			g_string_append_printf(out, ": %s\n", mkg__label(l, x->actor));
		}
		more(out, ng, rows, "end markets");
	}
}

static void
cutpoints_text(GString *out, const mkg_cutpoints *c, mkg__labels *l, const char *us,
               bool detail)
{
	char a[MKG_DOUBLE_BUFSIZE];
	size_t na = mkg_cutpoints_articulation_count(c), nb = mkg_cutpoints_bridge_count(c);
	size_t rows = detail ? DETAIL_ROWS : SHORT_ROWS;

	g_string_append_printf(out, "Cut points (actors whose exit splits the trading network): %zu\n",
	                       na);
	for (size_t i = 0; i < na && i < rows; i++) {
		const mkg_articulation_point *x = mkg_cutpoints_articulation_at(c, i);
		g_string_append_printf(out, "  %s: throughput %s%s\n", mkg__label(l, x->actor),
		                       mkg__text_number(a, x->throughput), us);
	}
	more(out, na, rows, "actors");
	if (!detail)
		return; /* bridges: the long text */
	g_string_append_printf(out, "Bridges (links whose loss splits it): %zu\n", nb);
	for (size_t i = 0; i < nb && i < rows; i++) {
		const mkg_bridge *x = mkg_cutpoints_bridge_at(c, i);
		g_string_append_printf(out, "  %s", mkg__label(l, x->actors[0]));
		g_string_append_printf(out, " - %s: %s%s\n", mkg__label(l, x->actors[1]),
		                       mkg__text_number(a, x->volume), us);
	}
	more(out, nb, rows, "links");
}

static gint
by_source_sink_desc(gconstpointer a, gconstpointer b)
{
	const mkg_betweenness_score *x = *(const mkg_betweenness_score *const *)a;
	const mkg_betweenness_score *y = *(const mkg_betweenness_score *const *)b;

	if (x->source_sink != y->source_sink)
		return x->source_sink > y->source_sink ? -1 : 1;
	return strcmp(x->actor, y->actor);
}

/* Betweenness as a person reads it: the share of the producer-to-market
 * routes (pairs joined by a path) whose shortest paths pass the actor;
 * the raw sums are in the JSON. */
static void
betweenness_text(GString *out, const mkg__bottlenecks_chain *b, mkg__labels *l, size_t rows)
{
	char a[MKG_DOUBLE_BUFSIZE], c[MKG_DOUBLE_BUFSIZE];
	size_t n = mkg_betweenness_count(b->betweenness);
	double pairs = mkg__betweenness_pairs(b->betweenness);
	GPtrArray *on_routes;

	if (n == 0 || !(pairs > 0))
		return;
	on_routes = g_ptr_array_new();
	for (size_t i = 0; i < n; i++) {
		const mkg_betweenness_score *x = mkg_betweenness_at(b->betweenness, i);
		if (x->source_sink > 0)
			g_ptr_array_add(on_routes, (gpointer)x);
	}
	g_ptr_array_sort(on_routes, by_source_sink_desc);
	g_string_append_printf(out, "Between producers and markets (share of the %s%s "
	                       "producer-to-market routes through the actor",
	                       b->pivots > 0 ? "about " : "", mkg__human_amount(c, pairs));
	if (b->pivots > 0)
		g_string_append_printf(out, "; estimated from %zu sampled actors", b->pivots);
	g_string_append(out, "):");
	if (on_routes->len == 0)
		g_string_append(out, " none: every producer sells straight to an end market");
	g_string_append_c(out, '\n');
	for (guint i = 0; i < on_routes->len && i < rows; i++) {
		const mkg_betweenness_score *x = g_ptr_array_index(on_routes, i);
		g_string_append_printf(out, "  %s: %s\n", mkg__label(l, x->actor),
		                       pct(a, x->source_sink / pairs));
	}
	more(out, on_routes->len, rows, "actors");
	g_ptr_array_free(on_routes, TRUE);
}

static void
throughput_text(GString *out, const mkg_throughput *t, mkg__labels *l, const char *us,
                size_t rows)
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
	for (size_t i = 0; i < n && i < rows; i++) {
		const mkg_actor_throughput *x = mkg_throughput_at(t, i);
		g_string_append_printf(out, "  %s: %s%s", mkg__label(l, x->actor),
		                       mkg__text_number(a, x->throughput), us);
		g_string_append_printf(out, " (%s)\n", pct(c, x->share));
	}
	more(out, n, rows, "actors");
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
mkg__bottlenecks_text(GString *out, const mkg_bottlenecks *b, mkg__labels *l, bool detail)
{
	size_t rows = detail ? DETAIL_ROWS : SHORT_ROWS;

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
		flow_text(out, c->flow, l, us, rows);
		captive_text(out, c->captive, l, us, rows);
		cutpoints_text(out, c->cutpoints, l, us, detail);
		betweenness_text(out, c, l, rows);
		if (detail)
			throughput_text(out, c->throughput, l, us, rows);
		g_free(us);
	}
}
