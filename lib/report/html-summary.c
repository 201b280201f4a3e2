/* marketgraph: the summary at the top of the HTML report: the findings a
 * reader must not miss, each with its number, read from the results'
 * accessors.  Kept apart so that it can later share the text report's
 * summary findings.
 * SPDX-License-Identifier: MIT */
#include "html-private.h"

#include <math.h>
#include <string.h>

static void
item_start(GString *out, const char *cls)
{
	g_string_append_printf(out, "<li%s%s%s>", cls ? " class=\"" : "", cls ? cls : "",
	                       cls ? "\"" : "");
}

static void
esc(GString *out, const char *s)
{
	mkg__html_escape(out, s);
}

static void
pct(GString *out, double share)
{
	char buf[MKG_DOUBLE_BUFSIZE];
	g_string_append(out, mkg__text_percent(buf, share));
}

static void
amount(GString *out, double x)
{
	char buf[MKG_DOUBLE_BUFSIZE];
	g_string_append(out, mkg__text_amount(buf, x));
}

/* Most findings of one kind the summary lists; the rest are in the tables. */
#define TOP 5

typedef struct ranked {
	double key;  /* larger first */
	size_t i, j; /* the row: market, or chain and captive actor */
} ranked;

static int
ranked_cmp(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	if (a->i != b->i)
		return a->i < b->i ? -1 : 1;
	return a->j < b->j ? -1 : a->j > b->j;
}

static void
more(GString *out, size_t n, const char *what, const char *table)
{
	if (n > TOP)
		g_string_append_printf(out, "<li>... and %zu more %s: see <a href=\"#t-%s\">the "
		                       "table</a>.</li>\n", n - TOP, what, table);
}

/* The buyers at the farm gate: the first question of a market-systems
 * analysis (who holds power over farmers).  The most concentrated first. */
static void
farm_gate(GString *out, const mkg_concentration *c)
{
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(ranked));

	for (size_t i = 0; i < mkg_concentration_market_count(c); i++) {
		const mkg_market *m = mkg_concentration_market_at(c, i);
		const mkg_market_side *b = mkg_concentration_side(c, i, MKG_SIDE_BUYER);
		ranked r = { b->hhi, i, 0 };

		if (m->service || m->level == NULL || strcmp(m->level, "producer") != 0 ||
		    isnan(b->hhi))
			continue;
		g_array_append_val(rows, r);
	}
	g_array_sort(rows, ranked_cmp);
	for (guint k = 0; k < rows->len && k < TOP; k++) {
		size_t i = g_array_index(rows, ranked, k).i;
		const mkg_market *m = mkg_concentration_market_at(c, i);
		const mkg_market_side *b = mkg_concentration_side(c, i, MKG_SIDE_BUYER);
		char *cls;

		item_start(out, b->concentration == MKG_CLASS_HIGHLY_CONCENTRATED ? "warn" : NULL);
		g_string_append(out, "Farm-gate buyers of ");
		esc(out, m->commodity);
		if (m->period != NULL) {
			g_string_append(out, " in ");
			esc(out, m->period);
		}
		if (m->region != NULL) {
			g_string_append(out, " (");
			esc(out, m->region);
			g_string_append_c(out, ')');
		}
		g_string_append_printf(out, ": HHI <b class=\"num\">%.0f</b>, ", b->hhi);
		cls = g_strdelimit(g_strdup(mkg_concentration_class_name(b->concentration)), "_", ' ');
		esc(out, cls);
		g_free(cls);
		g_string_append(out, "; the largest buyer, ");
		esc(out, b->shares[0].actor);
		g_string_append(out, ", buys <b class=\"num\">");
		pct(out, b->shares[0].share);
		g_string_append(out, "</b> of what producers sell.</li>\n");
	}
	more(out, rows->len, "farm-gate markets", "concentration");
	g_array_free(rows, TRUE);
}

static void
concentrated(GString *out, const mkg_concentration *c)
{
	size_t n = 0, high = 0;

	for (size_t i = 0; i < mkg_concentration_market_count(c); i++) {
		for (int k = 0; k < 2; k++) {
			const mkg_market_side *d =
				mkg_concentration_side(c, i, k ? MKG_SIDE_BUYER : MKG_SIDE_SELLER);
			n += d->concentration != MKG_CLASS_EMPTY;
			high += d->concentration == MKG_CLASS_HIGHLY_CONCENTRATED;
		}
	}
	item_start(out, NULL);
	g_string_append_printf(out, "<b class=\"num\">%zu</b> of %zu market sides (sellers or "
	                       "buyers of one market) are highly concentrated.</li>\n", high, n);
}

static void
coalitions(GString *out, const mkg_coalitions *c)
{
	size_t harmful = 0;

	for (size_t i = 0; i < mkg_coalitions_count(c); i++) {
		if (!mkg_coalitions_presumed_harmful(c, i))
			continue;
		item_start(out, "warn");
		g_string_append(out, "Presumed harmful if it acted as one firm: ");
		esc(out, mkg_coalitions_group(c, i) ? mkg_coalitions_group(c, i)
		                                    : "the coalition tested");
		g_string_append(out, ".</li>\n");
		harmful++;
	}
	if (harmful == 0 && mkg_coalitions_count(c) > 0) {
		item_start(out, NULL);
		g_string_append_printf(out, "No group of the %zu tested would be presumed harmful "
		                       "acting as one firm.</li>\n", mkg_coalitions_count(c));
	}
}

static void
bottlenecks(GString *out, const mkg_bottlenecks *b)
{
	GArray *captive = g_array_new(FALSE, FALSE, sizeof(ranked));

	for (size_t i = 0; i < mkg_bottlenecks_chain_count(b); i++) {
		const mkg_chain *ch = mkg_bottlenecks_chain_at(b, i);
		const mkg_flow *f = mkg_bottlenecks_flow(b, i);
		const mkg_captive *cap = mkg_bottlenecks_captive(b, i);

		if (f != NULL && !isnan(mkg_flow_deliverable_share(f))) {
			bool short_ = mkg_flow_deliverable_share(f) < 1;

			item_start(out, short_ ? "warn" : NULL);
			g_string_append(out, "Chain ");
			esc(out, ch->commodity);
			g_string_append(out, ": <b class=\"num\">");
			pct(out, mkg_flow_deliverable_share(f));
			g_string_append(out, "</b> of the supply can reach the end markets (");
			amount(out, mkg_flow_max_flow(f));
			g_string_append(out, " of ");
			amount(out, mkg_flow_total_supply(f));
			if (ch->unit != NULL) {
				g_string_append_c(out, ' ');
				esc(out, ch->unit);
			}
			g_string_append_printf(out, "); %zu binding %s.</li>\n",
			                       mkg_flow_binding_count(f),
			                       mkg_flow_binding_count(f) == 1 ? "constraint"
			                                                      : "constraints");
		}
		for (size_t j = 0; cap != NULL && j < mkg_captive_count(cap); j++) {
			ranked r = { (double)mkg_captive_at(cap, j)->producers, i, j };
			g_array_append_val(captive, r);
		}
	}
	/* the actors holding the most producers captive first */
	g_array_sort(captive, ranked_cmp);
	for (guint k = 0; k < captive->len && k < TOP; k++) {
		const ranked *r = &g_array_index(captive, ranked, k);
		const mkg_captive_actor *x =
			mkg_captive_at(mkg_bottlenecks_captive(b, r->i), r->j);

		item_start(out, "warn");
		esc(out, x->actor);
		g_string_append_printf(out, " holds <b class=\"num\">%zu</b> producer%s captive "
		                       "(supply ", x->producers, x->producers == 1 ? "" : "s");
		amount(out, x->supply);
		g_string_append(out, "): if it stops buying, they have no way to market.</li>\n");
	}
	more(out, captive->len, "actors holding producers captive", "captive-producers");
	g_array_free(captive, TRUE);
}

static void
channels(GString *out, const mkg_channels *ch)
{
	for (size_t i = 0; i < mkg_channels_chain_count(ch); i++) {
		double lo = INFINITY, hi = -INFINITY;

		for (size_t j = 0; j < mkg_channels_channel_count(ch, i); j++) {
			double s = mkg_channels_channel_at(ch, i, j)->farmer_share;
			if (!isnan(s)) {
				lo = fmin(lo, s);
				hi = fmax(hi, s);
			}
		}
		if (lo > hi)
			continue;
		item_start(out, NULL);
		g_string_append(out, "Farmer's share of the final price of ");
		esc(out, mkg_channels_chain_at(ch, i)->commodity);
		g_string_append(out, ": <b class=\"num\">");
		pct(out, lo);
		g_string_append(out, "</b> to <b class=\"num\">");
		pct(out, hi);
		g_string_append(out, "</b> depending on the channel.</li>\n");
	}
}

static void
payments(GString *out, const mkg_payments *p)
{
	for (int ty = 0; ty < MKG_FACILITATION_TYPE_COUNT; ty++) {
		const mkg_payment_total *t = mkg_payments_total(p, (mkg_facilitation_type)ty);

		if (t == NULL || t->records == 0)
			continue;
		item_start(out, NULL);
		g_string_append_printf(out, "%zu %s facilitation record%s", t->records,
		                       mkg_facilitation_type_name(t->type), t->records == 1 ? "" : "s");
		if (t->cost > 0) {
			g_string_append(out, " costing ");
			amount(out, t->cost);
			g_string_append(out, "; the users pay <b class=\"num\">");
			pct(out, t->users_amount / t->cost);
			g_string_append(out, "</b>");
		}
		if (t->not_self_financing > 0)
			g_string_append_printf(out, "; %zu commercial record%s not self-financing",
			                       t->not_self_financing,
			                       t->not_self_financing == 1 ? "" : "s");
		g_string_append(out, ".</li>\n");
	}
}

void
mkg__html_summary(GString *out, const mkg__report_view *v)
{
	size_t start = out->len;

	g_string_append(out, "<ul class=\"findings\">\n");
	if (v->concentration != NULL) {
		farm_gate(out, v->concentration);
		concentrated(out, v->concentration);
	}
	if (v->coalitions != NULL)
		coalitions(out, v->coalitions);
	if (v->bottlenecks != NULL)
		bottlenecks(out, v->bottlenecks);
	if (v->channels != NULL)
		channels(out, v->channels);
	if (v->payments != NULL)
		payments(out, v->payments);
	if (out->len == start + strlen("<ul class=\"findings\">\n"))
		g_string_append(out, "<li>The model has no transaction to analyse.</li>\n");
	g_string_append(out, "</ul>\n");
}
