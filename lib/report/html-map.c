/* marketgraph: the market map of the HTML report, drawn here as inline SVG
 * (docs/report.md, "HTML report").  Graphviz draws better maps
 * (`marketgraph render`), but the page must not depend on what is
 * installed nor change its bytes with Graphviz's version, so the report
 * draws a simple layered map itself: one column per stage (input
 * suppliers, producers, collectors and traders, processors and
 * wholesalers, exporters and retailers, end markets), actors in id order
 * within a column, the actors that support the chain (service providers,
 * programmes, ...) in rows below.  O(A + n log n).
 * SPDX-License-Identifier: MIT */
#include "html-private.h"
#include "model-private.h"

#include <math.h>
#include <string.h>

#define N_STAGES 6
#define COL_W 215
#define BOX_W 170
#define BOX_H 26
#define ROW_H 34
#define MARGIN 20
#define LABEL_CHARS 24
#define RED "#cb181d"

static int
stage(mkg_actor_kind kind)
{
	switch (kind) {
	case MKG_ACTOR_INPUT_SUPPLIER: return 0;
	case MKG_ACTOR_PRODUCER: return 1;
	case MKG_ACTOR_COLLECTOR:
	case MKG_ACTOR_TRADER: return 2;
	case MKG_ACTOR_PROCESSOR:
	case MKG_ACTOR_WHOLESALER: return 3;
	case MKG_ACTOR_EXPORTER:
	case MKG_ACTOR_RETAILER: return 4;
	case MKG_ACTOR_END_MARKET: return 5;
	default: return -1;
	}
}

static const char *
fill(mkg_actor_kind kind)
{
	switch (stage(kind)) {
	case 0: return "#d9f0d3";
	case 1: return "#a1d99b";
	case 2: return "#fdae6b";
	case 3: return "#fdd0a2";
	case 4: return "#dadaeb";
	case 5: return "#9ecae1";
	default: return kind == MKG_ACTOR_PROGRAMME ? "#ffffb2" : "#f0f0f0";
	}
}

typedef struct pos {
	double x, y;
	bool captive, binding;
} pos;

typedef struct edge {
	mkg_idx seller, buyer;
	double volume;
	bool service, binding;
} edge;

static int
edge_cmp(const void *pa, const void *pb)
{
	const edge *a = pa, *b = pb;

	if (a->service != b->service)
		return a->service ? 1 : -1;
	if (a->seller != b->seller)
		return a->seller < b->seller ? -1 : 1;
	return a->buyer < b->buyer ? -1 : a->buyer > b->buyer;
}

static int
idx_by_id_cmp(const void *pa, const void *pb, void *data)
{
	const mkg_model *m = data;
	return strcmp(MKG_ACTOR(m, *(const mkg_idx *)pa)->id, MKG_ACTOR(m, *(const mkg_idx *)pb)->id);
}

static bool
lookup(GHashTable *ids, const char *id, mkg_idx *out)
{
	gpointer v;

	if (id == NULL || !g_hash_table_lookup_extended(ids, id, NULL, &v))
		return false;
	*out = (mkg_idx)GPOINTER_TO_SIZE(v);
	return true;
}

/* What the analyses found, marked on the map. */
static void
mark(const mkg_model *m, const mkg__report_view *v, GHashTable *ids, pos *p, GHashTable *hot)
{
	const mkg_bottlenecks *b = v->bottlenecks;

	(void)m;
	for (size_t i = 0; b != NULL && i < mkg_bottlenecks_chain_count(b); i++) {
		const mkg_captive *c = mkg_bottlenecks_captive(b, i);
		const mkg_flow *f = mkg_bottlenecks_flow(b, i);
		mkg_idx a, s;

		for (size_t j = 0; c != NULL && j < mkg_captive_count(c); j++)
			if (lookup(ids, mkg_captive_at(c, j)->actor, &a))
				p[a].captive = true;
		for (size_t j = 0; f != NULL && j < mkg_flow_binding_count(f); j++) {
			const mkg_binding *x = mkg_flow_binding_at(f, j);

			if (x->type != MKG_BINDING_TRANSACTION && lookup(ids, x->actor, &a))
				p[a].binding = true;
			else if (lookup(ids, x->seller, &s) && lookup(ids, x->buyer, &a))
				g_hash_table_add(hot, GSIZE_TO_POINTER(((gsize)s << 32 | a) + 1));
		}
	}
}

static void
node(GString *out, const mkg_model *m, mkg_idx a, const pos *p)
{
	const mkg_actor_rec *r = MKG_ACTOR(m, a);
	const char *label = r->name ? r->name : r->id;
	glong n = g_utf8_validate(label, -1, NULL) ? g_utf8_strlen(label, -1) : LABEL_CHARS;
	GString *cut = g_string_new(NULL);

	if (n > LABEL_CHARS && g_utf8_validate(label, -1, NULL)) {
		g_string_append_len(cut, label, g_utf8_offset_to_pointer(label, LABEL_CHARS - 1) - label);
		g_string_append(cut, "\xe2\x80\xa6");
		label = cut->str;
	}
	g_string_append_printf(out, "<g class=\"actor\"><title>");
	mkg__html_escape(out, r->id);
	if (r->name != NULL) {
		g_string_append(out, " (");
		mkg__html_escape(out, r->name);
		g_string_append(out, ")");
	}
	g_string_append_printf(out, ", %s%s%s</title>", mkg_actor_kind_name(r->kind),
	                       p->captive ? ", holds captive producers" : "",
	                       p->binding ? ", its capacity binds" : "");
	g_string_append_printf(out, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%d\" height=\"%d\" rx=\"5\" "
	                       "fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>", p->x, p->y, BOX_W,
	                       BOX_H, p->binding ? "#fcbba1" : fill(r->kind),
	                       p->captive || p->binding ? RED : "#555",
	                       p->captive ? "3" : "1");
	g_string_append_printf(out, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">",
	                       p->x + BOX_W / 2.0, p->y + 17);
	mkg__html_escape(out, label);
	g_string_append(out, "</text></g>\n");
	g_string_free(cut, TRUE);
}

static void
arrow(GString *out, const pos *from, const pos *to, const edge *e, double max_volume)
{
	double x1 = from->x + BOX_W, y1 = from->y + BOX_H / 2.0;
	double x2 = to->x, y2 = to->y + BOX_H / 2.0;
	double w = e->service || max_volume <= 0 || isnan(e->volume)
	                   ? 1
	                   : 1 + 7 * e->volume / max_volume;
	double dx;

	if (x2 <= x1) { /* same column or backwards: leave below, come in from the left */
		x1 = from->x + BOX_W / 2.0;
		y1 = from->y + BOX_H;
	}
	dx = fmax(40, fabs(x2 - x1) / 2);
	g_string_append_printf(out, "<path d=\"M%.0f %.0f C%.0f %.0f %.0f %.0f %.0f %.0f\" "
	                       "fill=\"none\" stroke=\"%s\" stroke-opacity=\"%s\" "
	                       "stroke-width=\"%.1f\"%s marker-end=\"url(#mkg-arrow%s)\"/>\n",
	                       x1, y1, x1 + dx, y1, x2 - dx, y2, x2 - 2, y2,
	                       e->binding ? RED : e->service ? "#888" : "#4a6b82",
	                       e->binding ? "0.9" : "0.55", w,
	                       e->service ? " stroke-dasharray=\"5 4\"" : "",
	                       e->binding ? "-red" : "");
}

void
mkg__html_map(GString *out, const mkg_model *m, const mkg__report_view *v)
{
	size_t n = m->actors->len, col_rows[N_STAGES] = { 0 }, used = 0, support = 0, tallest = 0;
	int col_x[N_STAGES];
	pos *p;
	GHashTable *ids, *pairs[2], *hot;
	GArray *edges, *order;
	double max_volume = 0, width, height;

	if (n == 0)
		return;
	/* actors in id order, so that the map does not depend on record order */
	order = g_array_sized_new(FALSE, FALSE, sizeof(mkg_idx), (guint)n);
	for (mkg_idx a = 0; a < n; a++)
		g_array_append_val(order, a);
	g_qsort_with_data(order->data, (gint)n, sizeof(mkg_idx), idx_by_id_cmp, (void *)m);
	for (mkg_idx a = 0; a < n; a++) {
		int s = stage(MKG_ACTOR(m, a)->kind);
		if (s >= 0)
			col_rows[s]++;
		else
			support++;
	}
	for (int s = 0; s < N_STAGES; s++) {
		col_x[s] = MARGIN + (int)used * COL_W;
		used += col_rows[s] > 0;
		tallest = MAX(tallest, col_rows[s]);
	}
	used = MAX(used, 1);
	p = g_new0(pos, n);
	memset(col_rows, 0, sizeof col_rows);
	support = 0;
	for (guint k = 0; k < n; k++) {
		mkg_idx a = g_array_index(order, mkg_idx, k);
		int s = stage(MKG_ACTOR(m, a)->kind);

		if (s >= 0) {
			p[a].x = col_x[s];
			p[a].y = MARGIN + (double)col_rows[s]++ * ROW_H;
		} else {
			p[a].x = MARGIN + (double)(support % used) * COL_W;
			p[a].y = MARGIN + (double)(tallest + 1 + support / used) * ROW_H;
			support++;
		}
	}
	width = 2 * MARGIN + (double)(used - 1) * COL_W + BOX_W;
	height = 2 * MARGIN + (double)(tallest + (support ? 1 + (support + used - 1) / used : 0)) *
	                              ROW_H;

	ids = g_hash_table_new(g_str_hash, g_str_equal);
	for (mkg_idx a = 0; a < n; a++)
		g_hash_table_insert(ids, (char *)MKG_ACTOR(m, a)->id, GSIZE_TO_POINTER(a));
	hot = g_hash_table_new(g_direct_hash, g_direct_equal);
	mark(m, v, ids, p, hot);

	/* one arrow per seller, buyer and kind (goods or service) */
	for (int k = 0; k < 2; k++)
		pairs[k] = g_hash_table_new_full(mkg__pair_hash, g_int64_equal, g_free, NULL);
	edges = g_array_new(FALSE, TRUE, sizeof(edge));
	for (guint t = 0; t < m->transactions->len; t++) {
		const mkg_transaction_rec *x = MKG_TX(m, t);
		gint64 *key = g_new(gint64, 1);
		gpointer at;
		edge *e;

		*key = (gint64)((guint64)x->seller << 32 | x->buyer);
		if (!g_hash_table_lookup_extended(pairs[x->service], key, NULL, &at)) {
			edge fresh = { x->seller, x->buyer, 0, x->service, false };
			fresh.binding = g_hash_table_contains(
				hot, GSIZE_TO_POINTER(((gsize)x->seller << 32 | x->buyer) + 1));
			g_array_append_val(edges, fresh);
			at = GSIZE_TO_POINTER(edges->len);
			g_hash_table_insert(pairs[x->service], key, at);
		} else {
			g_free(key);
		}
		e = &g_array_index(edges, edge, GPOINTER_TO_SIZE(at) - 1);
		if (!isnan(x->volume))
			e->volume += x->volume;
	}
	g_array_sort(edges, edge_cmp);
	for (guint k = 0; k < edges->len; k++) {
		const edge *e = &g_array_index(edges, edge, k);
		if (!e->service)
			max_volume = fmax(max_volume, e->volume);
	}

	g_string_append_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"market-map\" "
	                       "role=\"img\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
	                       "font-size=\"11\">\n<defs>", width, height, width, height);
	/* arrowheads of a fixed size, whatever the stroke's width */
	for (int k = 0; k < 2; k++)
		g_string_append_printf(out, "<marker id=\"mkg-arrow%s\" viewBox=\"0 0 10 10\" "
		                       "refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" "
		                       "markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\">"
		                       "<path d=\"M0 0L10 5L0 10z\" fill=\"%s\"/></marker>",
		                       k ? "-red" : "", k ? RED : "#4a6b82");
	g_string_append(out, "</defs>\n");
	for (guint k = 0; k < edges->len; k++) {
		const edge *e = &g_array_index(edges, edge, k);
		arrow(out, &p[e->seller], &p[e->buyer], e, max_volume);
	}
	for (guint k = 0; k < n; k++) {
		mkg_idx a = g_array_index(order, mkg_idx, k);
		node(out, m, a, &p[a]);
	}
	g_string_append(out, "</svg>\n");

	g_hash_table_destroy(pairs[0]);
	g_hash_table_destroy(pairs[1]);
	g_array_free(edges, TRUE);
	g_hash_table_destroy(hot);
	g_hash_table_destroy(ids);
	g_array_free(order, TRUE);
	g_free(p);
}
