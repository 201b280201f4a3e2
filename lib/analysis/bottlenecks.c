/* marketgraph: every bottleneck section of one model, for the report
 * (docs/report.md, `bottlenecks`): JSON and the text view.
 * SPDX-License-Identifier: MIT */
#include "flow-private.h"
#include "structure-private.h"

#include <string.h>

/* Rows of a list in the text view before "... and N more". */
#define TEXT_ROWS 10

struct mkg_bottlenecks {
	mkg_flow *flow;
	mkg_cutpoints *cutpoints;
	mkg_captive *captive;
	mkg_betweenness *betweenness;
	mkg_throughput *throughput;
	size_t pivots;  /* 0: exact betweenness */
	uint64_t seed;
};

int
mkg_bottlenecks_new(mkg_bottlenecks **out, const mkg_model *model,
                    const mkg_bottlenecks_options *opts)
{
	mkg_bottlenecks_options o;
	mkg_bottlenecks *b;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	if ((rc = mkg__bottleneck_options_check(G_STRFUNC, opts, &o)) != MKG_OK)
		return rc;
	if (o.pivots == 0 && mkg__graph_get(model)->n > MKG_BOTTLENECKS_EXACT_BETWEENNESS_NODES)
		o.pivots = MKG_BOTTLENECKS_PIVOTS;

	b = g_new0(mkg_bottlenecks, 1);
	if ((rc = mkg_flow_new(&b->flow, model, &o)) != MKG_OK ||
	    (rc = mkg_cutpoints_new(&b->cutpoints, model)) != MKG_OK ||
	    (rc = mkg_captive_new(&b->captive, model, &o)) != MKG_OK ||
	    (rc = mkg_betweenness_new(&b->betweenness, model, &o)) != MKG_OK ||
	    (rc = mkg_throughput_new(&b->throughput, model, &o)) != MKG_OK) {
		mkg_bottlenecks_free(b);
		return rc;
	}
	if (mkg_betweenness_is_estimate(b->betweenness)) {
		b->pivots = o.pivots;
		b->seed = o.seed;
	}
	*out = b;
	return MKG_OK;
}

void
mkg_bottlenecks_free(mkg_bottlenecks *b)
{
	if (b == NULL)
		return;
	mkg_flow_free(b->flow);
	mkg_cutpoints_free(b->cutpoints);
	mkg_captive_free(b->captive);
	mkg_betweenness_free(b->betweenness);
	mkg_throughput_free(b->throughput);
	g_free(b);
}

const mkg_flow *
mkg_bottlenecks_flow(const mkg_bottlenecks *b)
{
	return b ? b->flow : NULL;
}

const mkg_cutpoints *
mkg_bottlenecks_cutpoints(const mkg_bottlenecks *b)
{
	return b ? b->cutpoints : NULL;
}

const mkg_captive *
mkg_bottlenecks_captive(const mkg_bottlenecks *b)
{
	return b ? b->captive : NULL;
}

const mkg_betweenness *
mkg_bottlenecks_betweenness(const mkg_bottlenecks *b)
{
	return b ? b->betweenness : NULL;
}

const mkg_throughput *
mkg_bottlenecks_throughput(const mkg_bottlenecks *b)
{
	return b ? b->throughput : NULL;
}

size_t
mkg_bottlenecks_pivots(const mkg_bottlenecks *b)
{
	return b ? b->pivots : 0;
}

/* ---- JSON ------------------------------------------------------------------- */

void
mkg__bottlenecks_write(mkg_jw *w, const mkg_bottlenecks *b)
{
	mkg__jw_begin_object(w, false);
	mkg__jw_key(w, "flow");
	mkg__flow_write(w, b->flow);
	mkg__cutpoints_write_members(w, b->cutpoints);
	mkg__captive_write_members(w, b->captive);
	mkg__jw_key(w, "betweenness");
	mkg__betweenness_write(w, b->betweenness);
	mkg__jw_key(w, "betweenness_estimate");
	if (b->pivots == 0) {
		mkg__jw_null(w);
	} else {
		mkg__jw_begin_object(w, true);
		mkg__jw_kint(w, "pivots", (int64_t)b->pivots);
		/* JSON numbers are doubles for most readers: a seed above 2^53
		 * would not read back, so it is written as a string then. */
		if (b->seed <= (UINT64_C(1) << 53))
			mkg__jw_kint(w, "seed", (int64_t)b->seed);
		else {
			char buf[24];
			g_snprintf(buf, sizeof buf, "%" G_GUINT64_FORMAT, b->seed);
			mkg__jw_kstring(w, "seed", buf);
		}
		mkg__jw_end_object(w);
	}
	mkg__jw_key(w, "throughput");
	mkg__throughput_write(w, b->throughput);
	mkg__jw_end_object(w);
}

int
mkg_bottlenecks_write_json(const mkg_bottlenecks *b, char **out, size_t *len)
{
	mkg_jw *w;

	MKG_CHECK_ARG(b);
	MKG_CHECK_ARG(out);
	w = mkg__jw_new_string();
	mkg__bottlenecks_write(w, b);
	return mkg__jw_finish(w, out, len);
}

/* ---- text --------------------------------------------------------------------- */

static void
heading(GString *out, const char *title)
{
	size_t n = strlen(title);

	g_string_append_printf(out, "\n%s\n", title);
	for (size_t i = 0; i < n; i++)
		g_string_append_c(out, '=');
	g_string_append_c(out, '\n');
}

static const char *
pct(char buf[G_ASCII_DTOSTR_BUF_SIZE], double share)
{
	if (isnan(share))
		return strcpy(buf, "-");
	g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE - 1, "%.1f", 100.0 * share);
	return strcat(buf, "%");
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

void
mkg__flow_text(GString *out, const mkg_flow *f, const mkg__labels *l, const char *us)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], c[G_ASCII_DTOSTR_BUF_SIZE];

	if (!(f->total_supply > 0.0)) {
		g_string_append(out, "Deliverable flow: nothing to deliver, the producers supply 0.\n");
		return;
	}
	g_string_append_printf(out, "Deliverable flow: %s%s of %s%s supplied can reach end markets (%s)\n",
	                       mkg__text_number(a, f->max_flow), us, mkg__text_number(b, f->total_supply), us,
	                       pct(c, mkg_flow_deliverable_share(f)));
	if (f->binding_count == 0) {
		g_string_append(out, "Binding constraints: none; every unit supplied that has a route "
		                     "to an end market can be delivered.\n");
		return;
	}
	g_string_append_printf(out, "Binding constraints (the minimum cut nearest the producers): %zu\n",
	                       f->binding_count);
	for (size_t i = 0; i < f->binding_count && i < TEXT_ROWS; i++) {
		const mkg_binding *x = &f->binding[i];
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
	more(out, f->binding_count, "constraints");
}

static void
captive_text(GString *out, const mkg_captive *c, const mkg__labels *l, const char *us)
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
cutpoints_text(GString *out, const mkg_cutpoints *c, const mkg__labels *l, const char *us)
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
betweenness_text(GString *out, const mkg_bottlenecks *b, const mkg__labels *l)
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
throughput_text(GString *out, const mkg_throughput *t, const mkg__labels *l, const char *us)
{
	char a[MKG_DOUBLE_BUFSIZE], c[G_ASCII_DTOSTR_BUF_SIZE];
	size_t n = mkg_throughput_count(t);

	if (n == 0)
		return;
	g_string_append_printf(out, "Throughput, largest first (share of the %s%s delivered to end "
	                       "markets):\n", mkg__text_number(a, mkg_throughput_delivered(t)), us);
	for (size_t i = 0; i < n && i < TEXT_ROWS; i++) {
		const mkg_actor_throughput *x = mkg_throughput_at(t, i);
		g_string_append_printf(out, "  %s: %s%s", mkg__label(l, x->actor),
		                       mkg__text_number(a, x->throughput), us);
		g_string_append_printf(out, " (%s)\n", pct(c, x->share));
	}
	more(out, n, "actors");
}

void
mkg__bottlenecks_text(GString *out, const mkg_bottlenecks *b, const mkg__labels *l,
                      const char *unit)
{
	char *us = unit ? g_strconcat(" ", unit, NULL) : g_strdup("");

	heading(out, "Bottlenecks");
	/* What limits delivery, and who holds producers captive, come first. */
	mkg__flow_text(out, b->flow, l, us);
	captive_text(out, b->captive, l, us);
	cutpoints_text(out, b->cutpoints, l, us);
	betweenness_text(out, b, l);
	throughput_text(out, b->throughput, l, us);
	g_free(us);
}
