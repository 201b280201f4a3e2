/* marketgraph: the market map as a Graphviz DOT graph (marketgraph/dot.h).
 *
 * Why in the library and not in the command-line tool: the map is a view of
 * the model like the JSON export, and Python and C callers want it too
 * (render a what-if from code, a notebook picture); the highlights come in
 * through the analyses' public result accessors only, so this file knows
 * nothing of how they are computed.  It needs no json-c and no Graphviz:
 * it writes text, rendering is the caller's (or `marketgraph render`).
 *
 * Safety of the text: a node's DOT id is its actor's id with %, ", \,
 * controls and noncharacters percent-encoded (injective, and no backslash
 * or quote left to end the string early); every other string from the
 * model is written inside an HTML-like label with XML escaping, or inside
 * a quoted tooltip with DOT escaping, so no id can inject attributes.
 *
 * Views for large maps (dot.h): a filter by commodity or chain decides
 * which actors are drawn, and collapsed kinds map each actor to one node
 * per (kind, region); "nodes" below are the actors (0..na-1) followed by
 * those groups, and every arrow is between the nodes its actors map to.
 *
 * SPDX-License-Identifier: MIT */
#include "core-private.h"
#include "model-private.h"
#include "dot-page-private.h"

#include <math.h>
#include <string.h>

#define N_STAGES 6
#define RED "#cb181d"

/* Column of the chain's kinds, producers at 1, end markets at 5; -1 for the
 * kinds that support the chain rather than carry the produce. */
static int
kind_stage(mkg_actor_kind kind)
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

static const char *const kind_fill[MKG_ACTOR_KIND_COUNT] = {
	"#a1d99b", /* producer */
	"#d9f0d3", /* input_supplier */
	"#fdd0a2", /* collector */
	"#fdae6b", /* trader */
	"#fdbe85", /* processor */
	"#fee6ce", /* wholesaler */
	"#c6dbef", /* exporter */
	"#dadaeb", /* retailer */
	"#9ecae1", /* end_market */
	"#f0f0f0", /* service_provider */
	"#e0e0e0", /* financial_institution */
	"#d9d9d9", /* public_agency */
	"#fbb4b9", /* marketing_board */
	"#ffffb2", /* programme */
	"#e5d8bd", /* association */
	"#fff2ae", /* ngo */
	"#ffffff", /* other */
};

static const char *
kind_shape(mkg_actor_kind kind)
{
	switch (kind) {
	case MKG_ACTOR_END_MARKET: return "ellipse";
	case MKG_ACTOR_PROGRAMME:
	case MKG_ACTOR_NGO: return "hexagon";
	case MKG_ACTOR_PUBLIC_AGENCY:
	case MKG_ACTOR_MARKETING_BOARD: return "house";
	default: return "box";
	}
}

/* Produce commodities take these colours in order of first appearance. */
static const char *const commodity_colour[] = {
	"#636363", "#8c510a", "#2166ac", "#762a83", "#1b7837", "#b35806", "#4d4d4d", "#01665e",
};
#define N_COMMODITY_COLOURS (sizeof commodity_colour / sizeof commodity_colour[0])

static const char *const type_colour[MKG_FACILITATION_TYPE_COUNT] = {
	"#e6550d", /* temporary */
	"#3182bd", /* commercial */
	"#31a354", /* public */
};

typedef struct node {
	double bought, sold;     /* produce volume */
	double score;            /* the volume it holds (--top): captive supply or binding */
	int stage;               /* column, or -1 when free */
	int in_graph;            /* trades produce */
	const char *binding;     /* "capacity" or "demand" on the minimum cut, else NULL */
	double binding_capacity;
	size_t captive;          /* captive producers (0: not a hub) */
	double captive_supply;
	int cluster;             /* index of its harmful coalition, or -1 */
} node;

/* Transactions merged by seller, buyer, commodity and the service flag. */
typedef struct edge {
	size_t seller, buyer;
	const char *commodity;   /* borrowed from the model */
	int service;
	double volume;           /* summed; NaN when none carries one */
	double value;
	size_t transactions;
	int colour;              /* index into commodity_colour */
	int binding;             /* the pair's summed capacity is on the minimum cut */
	double binding_capacity;
} edge;

/* The drawn view: which nodes are shown and which node each actor maps to. */
typedef struct group {
	mkg_actor_kind kind;
	const char *region;      /* borrowed; NULL: no region */
	size_t members;
} group;

typedef struct view {
	size_t na, ng;           /* actors; groups, nodes na .. na + ng - 1 */
	size_t *rep;             /* actor -> node (itself unless collapsed) */
	char *shown;             /* per node */
	char *keep;              /* per transaction: drawn */
	group *groups;
	size_t shown_actors;     /* actors the view keeps, collapsed or not */
} view;

/* Whether node i is written: shown, and not an actor merged into a group. */
static int
drawn(const view *v, size_t i)
{
	return v->shown[i] && (i >= v->na || v->rep[i] == i);
}

/* ---- escaping ------------------------------------------------------------ */

/* Graphviz reads an HTML-like label or a quoted string of at most 16384
 * bytes and refuses the whole graph beyond that, so every string from the
 * model is cut to these many characters, the last an ellipsis.  A character
 * takes at most 5 bytes in a label (&amp;), so a node's label stays far
 * below the limit; the title's legend lists at most LEGEND_COMMODITIES. */
#define LABEL_CHARS 100
#define TOOLTIP_CHARS 300
#define LEGEND_COMMODITIES 12

/* A Unicode noncharacter (U+FDD0..U+FDEF, U+nFFFE, U+nFFFF): Graphviz's XML
 * parser refuses U+FFFE and U+FFFF even as references, and none of the 66
 * is meant to be shown, so they are all drawn as U+FFFD. */
static bool
is_noncharacter(gunichar c)
{
	return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* The model's strings are valid UTF-8 without NUL.  Calls write(out, c,
 * bytes, len) for each character of s, with the noncharacters made U+FFFD;
 * a string longer than max characters is cut to max - 1 and an ellipsis. */
typedef void (*char_writer)(GString *out, gunichar c, const char *bytes, size_t len);

static void
each_char(GString *out, const char *s, size_t max, char_writer write)
{
	size_t n = 0, keep = (size_t)g_utf8_strlen(s, -1) > max ? max - 1 : max;

	for (const char *p = s; *p && n < keep; p = g_utf8_next_char(p), n++) {
		gunichar c = g_utf8_get_char(p);
		if (is_noncharacter(c))
			write(out, 0xFFFD, "\xef\xbf\xbd", 3);
		else
			write(out, c, p, (size_t)(g_utf8_next_char(p) - p));
	}
	if (keep < max)
		g_string_append(out, "\xe2\x80\xa6");
}

static bool
is_control(gunichar c)
{
	return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

/* One character of an HTML-like label: XML escapes ("]" too: Graphviz's
 * label parser refuses a text that is just "]" or "]]"), line breaks as
 * <BR/>, other control characters (C0 and C1) as spaces. */
static void
label_char(GString *out, gunichar c, const char *bytes, size_t len)
{
	switch (c) {
	case '&': g_string_append(out, "&amp;"); break;
	case '<': g_string_append(out, "&lt;"); break;
	case '>': g_string_append(out, "&gt;"); break;
	case '"': g_string_append(out, "&quot;"); break;
	case '\'': g_string_append(out, "&#39;"); break;
	case '\\': g_string_append(out, "&#92;"); break;
	case ']': g_string_append(out, "&#93;"); break;
	case '\n': g_string_append(out, "<BR/>"); break;
	default:
		if (is_control(c))
			g_string_append_c(out, ' ');
		else
			g_string_append_len(out, bytes, (gssize)len);
	}
}

/* Text for an HTML-like label, cut to LABEL_CHARS characters. */
static void
html_text(GString *out, const char *s)
{
	each_char(out, s, LABEL_CHARS, label_char);
}

/* The name an actor is drawn with: its name, or its id (never empty) when
 * it has none or an empty one. */
static const char *
shown_name(const mkg_actor_rec *a)
{
	return a->name != NULL && a->name[0] != '\0' ? a->name : a->id;
}

/* s in bold, or nothing for "": Graphviz refuses an empty <B></B>. */
static void
html_bold(GString *out, const char *s)
{
	if (s[0] == '\0')
		return;
	g_string_append(out, "<B>");
	html_text(out, s);
	g_string_append(out, "</B>");
}

/* One character inside a DOT quoted string (a tooltip): DOT reads \" as a
 * quote and the tooltip's escapes (\N ...) unescape \\; control characters
 * (line ends too) as spaces. */
static void
quoted_char(GString *out, gunichar c, const char *bytes, size_t len)
{
	if (c == '"' || c == '\\')
		g_string_append_c(out, '\\');
	if (is_control(c))
		g_string_append_c(out, ' ');
	else
		g_string_append_len(out, bytes, (gssize)len);
}

/* Text inside a DOT quoted string, cut to TOOLTIP_CHARS characters; a
 * space follows a final backslash, because DOT's scanner would take `\\"`
 * at the end for an escaped quote. */
static void
dot_quoted(GString *out, const char *s)
{
	size_t from = out->len;

	each_char(out, s, TOOLTIP_CHARS, quoted_char);
	if (out->len > from && out->str[out->len - 1] == '\\')
		g_string_append_c(out, ' ');
}

/* Part of a node id: s with %, ", \, controls and noncharacters as %XX
 * per UTF-8 byte.  Injective, and the result holds no quote or backslash,
 * so it cannot end DOT's quoted string (ids are at most 256 bytes, far
 * below Graphviz's limit on a string). */
static void
id_text(GString *out, const char *s)
{
	for (const char *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		size_t n = (size_t)(g_utf8_next_char(p) - p);
		if (c == '%' || c == '"' || c == '\\' || is_control(c) || is_noncharacter(c))
			for (size_t k = 0; k < n; k++)
				g_string_append_printf(out, "%%%02X", (unsigned char)p[k]);
		else
			g_string_append_len(out, p, (gssize)n);
	}
}

/* The quoted DOT id of node i: the actor's id, or %KIND@REGION for a
 * group (an actor id's % is always encoded, so none starts like that). */
static void
node_id(GString *out, const mkg_model *m, const view *v, size_t i)
{
	const mkg_actor_rec *actor = i < v->na ? MKG_ACTOR(m, i) : NULL;

	g_string_append_c(out, '"');
	if (actor != NULL) {
		id_text(out, actor->id);
	} else {
		const group *g = &v->groups[i - v->na];
		g_string_append_printf(out, "%%%s@", mkg_actor_kind_name(g->kind));
		if (g->region != NULL)
			id_text(out, g->region);
	}
	g_string_append_c(out, '"');
}

/* A volume for people: whole numbers with thousands separators from 100
 * on, one decimal below ("2,400", "35", "0.5"); an exponent only from
 * 10^15 on, where the digits would mean nothing ("1.234e+18", "inf"). */
static void
amount(GString *out, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	if (!(fabs(v) < 1e15)) {
		g_string_append(out, g_ascii_formatd(buf, sizeof buf, "%.3e", v));
		return;
	}
	if (fabs(v) >= 100 || v == floor(v)) {
		char digits[G_ASCII_DTOSTR_BUF_SIZE];
		size_t n, lead;
		g_ascii_formatd(digits, sizeof digits, "%.0f", fabs(v));
		n = strlen(digits);
		if (v < 0)
			g_string_append_c(out, '-');
		lead = n % 3 == 0 ? 3 : n % 3;
		g_string_append_len(out, digits, (gssize)lead);
		for (size_t i = lead; i < n; i += 3) {
			g_string_append_c(out, ',');
			g_string_append_len(out, digits + i, 3);
		}
		return;
	}
	g_string_append(out, g_ascii_formatd(buf, sizeof buf, "%.1f", v));
}

static void
amount_unit(GString *out, double v, const char *unit)
{
	amount(out, v);
	if (unit != NULL) {
		g_string_append_c(out, ' ');
		html_text(out, unit);
	}
}

/* ---- gathering --------------------------------------------------------- */

static int
edge_cmp(const void *pa, const void *pb)
{
	const edge *a = pa, *b = pb;
	int c;

	if (a->seller != b->seller)
		return a->seller < b->seller ? -1 : 1;
	if (a->buyer != b->buyer)
		return a->buyer < b->buyer ? -1 : 1;
	if (a->service != b->service)
		return a->service - b->service;
	c = strcmp(a->commodity, b->commodity);
	return c;
}

/* One edge per transaction, sorted, then runs of equal keys merged:
 * O(n log n), and the order depends on indices and strings only. */
static GArray *
merge_transactions(const mkg_model *m, const view *v, node *nodes, GHashTable *colours)
{
	size_t n = mkg_model_transaction_count(m);
	GArray *edges = g_array_sized_new(FALSE, FALSE, sizeof(edge), (guint)n);
	size_t kept = 0;

	for (size_t t = 0; t < n; t++) {
		const mkg_transaction_rec *tx = MKG_TX(m, t);
		edge e = { v->rep[tx->seller], v->rep[tx->buyer], tx->commodity, tx->service,
		           tx->volume, tx->value, 1, 0, 0, 0 };
		if (!v->keep[t])
			continue;
		if (!e.service) {
			gpointer c;
			if (!g_hash_table_lookup_extended(colours, e.commodity, NULL, &c)) {
				c = GINT_TO_POINTER(g_hash_table_size(colours));
				g_hash_table_insert(colours, (gpointer)e.commodity, c);
			}
			e.colour = GPOINTER_TO_INT(c) % (int)N_COMMODITY_COLOURS;
			nodes[e.seller].in_graph = nodes[e.buyer].in_graph = 1;
			if (!MKG_IS_ABSENT(e.volume)) {
				nodes[e.seller].sold += e.volume;
				nodes[e.buyer].bought += e.volume;
			}
		}
		g_array_append_val(edges, e);
	}
	if (edges->len > 1)
		qsort(edges->data, edges->len, sizeof(edge), edge_cmp);
	for (guint i = 0; i < edges->len; i++) {
		edge *e = &g_array_index(edges, edge, i);
		edge *last = kept > 0 ? &g_array_index(edges, edge, kept - 1) : NULL;
		if (last != NULL && edge_cmp(last, e) == 0) {
			if (!MKG_IS_ABSENT(e->volume))
				last->volume = MKG_IS_ABSENT(last->volume) ? e->volume
				                                           : last->volume + e->volume;
			if (!MKG_IS_ABSENT(e->value))
				last->value = MKG_IS_ABSENT(last->value) ? e->value
				                                         : last->value + e->value;
			last->transactions++;
		} else {
			g_array_index(edges, edge, kept++) = *e;
		}
	}
	g_array_set_size(edges, (guint)kept);
	return edges;
}

/* Lower a supporting actor's column to the stage of someone it works with. */
static void
near(node *nodes, size_t supporter, size_t partner)
{
	int s = nodes[partner].stage;
	node *x = &nodes[supporter];

	if (s < 0)
		return;
	if (x->stage < 0 || s < x->stage)
		x->stage = s;
}

/* Columns: the kind's stage for the chain's kinds.  A supporting kind that
 * trades produce stands one column after its latest supplier's (or, when it
 * buys from none of the chain, one before its earliest buyer's); one that
 * does not stands with the earliest stage it facilitates or serves. */
static void
place(const mkg_model *m, const view *v, node *nodes, const GArray *edges, const int *pinned)
{
	size_t na = v->na + v->ng;
	int *produce = g_new0(int, na);

	/* A chain actor that buys produce from one of its own column or a later
	 * one (a mill buying from ginners) moves right of its supplier, up to
	 * the column before the end markets: a few passes over the arcs, O(E). */
	for (int pass = 0; pass < N_STAGES; pass++) {
		int moved = 0;
		for (guint i = 0; i < edges->len; i++) {
			const edge *e = &g_array_index(edges, edge, i);
			node *b = &nodes[e->buyer];
			if (e->service || !pinned[e->seller] || !pinned[e->buyer] ||
			    b->stage == N_STAGES - 1 || b->stage > nodes[e->seller].stage ||
			    nodes[e->seller].stage + 1 >= N_STAGES - 1)
				continue;
			b->stage = nodes[e->seller].stage + 1;
			moved = 1;
		}
		if (!moved)
			break;
	}
	for (guint i = 0; i < edges->len; i++) {
		const edge *e = &g_array_index(edges, edge, i);
		if (e->service)
			continue;
		if (!pinned[e->buyer] && pinned[e->seller]) {
			int s = MIN(nodes[e->seller].stage + 1, N_STAGES - 1);
			if (!produce[e->buyer] || s > nodes[e->buyer].stage)
				nodes[e->buyer].stage = s;
			produce[e->buyer] = 1;
		}
	}
	for (guint i = 0; i < edges->len; i++) {
		const edge *e = &g_array_index(edges, edge, i);
		if (e->service || pinned[e->seller] || produce[e->seller] || !pinned[e->buyer])
			continue;
		{
			int s = MAX(nodes[e->buyer].stage - 1, 0);
			if (nodes[e->seller].stage < 0 || s < nodes[e->seller].stage)
				nodes[e->seller].stage = s;
		}
	}
	for (size_t a = 0; a < na; a++)
		if (nodes[a].stage >= 0)
			produce[a] = 1;
	/* the rest: by facilitation, then by services */
	for (size_t f = 0; f < mkg_model_facilitation_count(m); f++) {
		const mkg_facilitation_rec *fac = MKG_FAC(m, f);
		size_t who = v->rep[fac->facilitator];
		if (produce[who])
			continue;
		for (size_t k = 0; k < fac->target_actors.count; k++)
			near(nodes, who, v->rep[MKG_POOL_IDX(m, fac->target_actors.first + k)]);
		for (size_t k = 0; k < fac->target_transactions.count; k++) {
			const mkg_transaction_rec *tx =
				MKG_TX(m, MKG_POOL_IDX(m, fac->target_transactions.first + k));
			near(nodes, who, v->rep[tx->seller]);
			near(nodes, who, v->rep[tx->buyer]);
		}
	}
	for (guint i = 0; i < edges->len; i++) {
		const edge *e = &g_array_index(edges, edge, i);
		if (!e->service)
			continue;
		if (!produce[e->seller] && nodes[e->seller].stage < 0)
			near(nodes, e->seller, e->buyer);
		if (!produce[e->buyer] && nodes[e->buyer].stage < 0)
			near(nodes, e->buyer, e->seller);
	}
	g_free(produce);
}

/* The binding capacities on the minimum cut: on the actors' own nodes
 * (folded into their groups later, after --top) and on the drawn arrows
 * (a merged arrow sums the capacities of its pairs). */
static void
mark_binding(const mkg_model *m, const view *v, const mkg_flow *flow, node *nodes,
             GArray *edges)
{
	for (size_t i = 0; i < mkg_flow_binding_count(flow); i++) {
		const mkg_binding *b = mkg_flow_binding_at(flow, i);
		size_t s, t;
		if (b->type == MKG_BINDING_TRANSACTION) {
			if (mkg_model_find_actor(m, b->seller, &s) != MKG_OK ||
			    mkg_model_find_actor(m, b->buyer, &t) != MKG_OK)
				continue;
			s = v->rep[s];
			t = v->rep[t];
			/* edges are sorted by seller then buyer: binary search for
			 * the first of the pair, then its few commodities */
			guint lo = 0, hi = edges->len;
			while (lo < hi) {
				guint mid = lo + (hi - lo) / 2;
				const edge *e = &g_array_index(edges, edge, mid);
				if (e->seller < s || (e->seller == s && e->buyer < t))
					lo = mid + 1;
				else
					hi = mid;
			}
			for (guint k = lo; k < edges->len; k++) {
				edge *e = &g_array_index(edges, edge, k);
				if (e->seller != s || e->buyer != t)
					break;
				if (!e->service) {
					e->binding = 1;
					e->binding_capacity += b->capacity;
				}
			}
		} else if (mkg_model_find_actor(m, b->actor, &s) == MKG_OK) {
			nodes[s].binding = b->type == MKG_BINDING_DEMAND ? "demand" : "capacity";
			nodes[s].binding_capacity = b->capacity;
		}
	}
}

static void
mark_captive(const mkg_model *m, const mkg_captive *c, node *nodes)
{
	for (size_t i = 0; i < mkg_captive_count(c); i++) {
		const mkg_captive_actor *x = mkg_captive_at(c, i);
		size_t a;
		/* an end market that is the only outlet of some producers is no hub */
		if (mkg_model_find_actor(m, x->actor, &a) == MKG_OK &&
		    MKG_ACTOR(m, a)->kind != MKG_ACTOR_END_MARKET) {
			nodes[a].captive = x->producers;
			nodes[a].captive_supply = x->supply;
		}
	}
}

/* Coalitions presumed harmful, in the result's order; returns their indices
 * in the result.  Each member joins the first that names it. */
static GArray *
mark_coalitions(const mkg_model *m, const view *v, const mkg_coalitions *c, node *nodes)
{
	GArray *harmful = g_array_new(FALSE, FALSE, sizeof(size_t));

	for (size_t i = 0; i < mkg_coalitions_count(c); i++) {
		int any = 0;
		if (!mkg_coalitions_presumed_harmful(c, i))
			continue;
		for (size_t k = 0; k < mkg_coalitions_member_count(c, i); k++) {
			size_t a;
			/* an actor drawn inside a group stays there */
			if (mkg_model_find_actor(m, mkg_coalitions_member_at(c, i, k), &a) == MKG_OK &&
			    drawn(v, a) && nodes[a].cluster < 0) {
				nodes[a].cluster = (int)harmful->len;
				any = 1;
			}
		}
		if (any)
			g_array_append_val(harmful, i);
	}
	return harmful;
}

/* ---- writing ----------------------------------------------------------- */

/* sqrt(v / max) in [0, 1]: sizes grow with the square root, so that areas
 * (not lengths) follow volumes.  Sums that overflowed to infinity count as
 * the largest. */
static double
relative(double v, double max)
{
	if (!(max > 0))
		return 0;
	if (isinf(max))
		return isinf(v) ? 1 : 0;
	return sqrt(v / max);
}

static double
throughput(const node *x)
{
	return MAX(x->bought, x->sold);
}

static void
write_node(GString *out, const char *indent, const mkg_model *m, const view *v, size_t a,
           const node *x, double max_through, const char *unit, const mkg__dot_style *s)
{
	static const group none = { MKG_ACTOR_OTHER, NULL, 0 };
	const mkg_actor_rec *actor = a < v->na ? MKG_ACTOR(m, a) : NULL;
	const group *g = a < v->na ? &none : &v->groups[a - v->na];
	mkg_actor_kind kind = actor != NULL ? (mkg_actor_kind)actor->kind : g->kind;
	double r = relative(throughput(x), max_through);
	char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE], fs[G_ASCII_DTOSTR_BUF_SIZE];
	const char *region = actor != NULL ? actor->region : g->region;
	int red = x->captive > 0 || x->binding != NULL;

	g_string_append(out, indent);
	node_id(out, m, v, a);
	g_string_append_printf(out, " [shape=%s, width=%s, height=%s, fontsize=%s, "
	                       "fillcolor=\"%s\"", kind_shape(kind),
	                       g_ascii_formatd(w, sizeof w, "%.2f", s->base_w + s->grow_w * r),
	                       g_ascii_formatd(h, sizeof h, "%.2f", s->base_h + s->grow_h * r),
	                       g_ascii_formatd(fs, sizeof fs, "%.1f",
	                                       s->name_pt + s->name_grow * r),
	                       x->captive > 0 ? "#fcbba1" : kind_fill[kind]);
	if (red)
		g_string_append(out, ", color=\"" RED "\", penwidth=3.5");
	g_string_append(out, ", label=<");
	{
		char *name = mkg__dot_wrap(s, actor != NULL ? shown_name(actor)
		                                            : region != NULL ? region : "(no region)",
		                           NULL, NULL);
		html_bold(out, name);
		g_free(name);
	}
	g_string_append_printf(out, "<BR/><FONT POINT-SIZE=\"%g\">", s->detail_pt);
	if (actor == NULL)
		g_string_append_printf(out, "%zu ", g->members);
	html_text(out, mkg_actor_kind_name(kind));
	if (actor == NULL && g->members != 1)
		g_string_append_c(out, 's');
	if (throughput(x) > 0) {
		g_string_append(out, ", ");
		amount_unit(out, throughput(x), unit);
	}
	g_string_append(out, "</FONT>");
	if (x->binding != NULL) {
		g_string_append_printf(out, "<BR/><FONT POINT-SIZE=\"%g\" COLOR=\"" RED "\">%s ",
		                       s->detail_pt, x->binding);
		amount_unit(out, x->binding_capacity, unit);
		g_string_append(out, " binds</FONT>");
	}
	if (x->captive > 0) {
		g_string_append_printf(out, "<BR/><FONT POINT-SIZE=\"%g\" COLOR=\"" RED "\">"
		                       "%zu captive producer%s, ", s->detail_pt, x->captive,
		                       x->captive == 1 ? "" : "s");
		amount_unit(out, x->captive_supply, unit);
		g_string_append(out, "</FONT>");
	}
	g_string_append(out, ">, tooltip=\"");
	if (actor != NULL)
		dot_quoted(out, actor->id);
	else
		g_string_append_printf(out, "%zu merged", g->members);
	g_string_append_printf(out, " (%s", mkg_actor_kind_name(kind));
	if (region != NULL) {
		g_string_append(out, ", ");
		dot_quoted(out, region);
	}
	g_string_append(out, ")\"];\n");
}

/* "n<from> -> n<to> [", or, for an arrow that goes back to an earlier
 * column, "n<to> -> n<from> [dir=back, ": the same arrow on the picture, but
 * dot routes it as a forward edge instead of a long loop around the graph. */
/* Who a node is, in a tooltip: the actor's id or the group. */
static void
tooltip_name(GString *out, const mkg_model *m, const view *v, size_t i)
{
	if (i < v->na) {
		dot_quoted(out, MKG_ACTOR(m, i)->id);
	} else {
		const group *g = &v->groups[i - v->na];
		g_string_append_printf(out, "%s actors of ", mkg_actor_kind_name(g->kind));
		dot_quoted(out, g->region != NULL ? g->region : "no region");
	}
}

static void
arc(GString *out, const mkg_model *m, const view *v, size_t from, size_t to)
{
	g_string_append(out, "  ");
	node_id(out, m, v, from);
	g_string_append(out, " -> ");
	node_id(out, m, v, to);
	g_string_append(out, " [");
}

static void
arrow(GString *out, const mkg_model *m, const view *v, const node *nodes, size_t from, size_t to)
{
	if (nodes[from].stage > nodes[to].stage && nodes[to].stage >= 0) {
		arc(out, m, v, to, from);
		g_string_append(out, "dir=back, ");
	} else {
		arc(out, m, v, from, to);
	}
}

static void
write_edge(GString *out, const mkg_model *m, const view *v, const node *nodes, const edge *e,
           double max_volume, const char *unit, const mkg__dot_style *s)
{
	char pw[G_ASCII_DTOSTR_BUF_SIZE], as[G_ASCII_DTOSTR_BUF_SIZE];

	if (e->service)
		arrow(out, m, v, nodes, e->seller, e->buyer);
	else
		arc(out, m, v, e->seller, e->buyer);
	if (e->service) {
		/* services do not carry the produce: they do not place actors */
		g_string_append(out, "style=dotted, color=\"#969696\", fontcolor=\"#737373\", "
		                      "arrowsize=0.5, constraint=false, xlabel=<");
		html_text(out, e->commodity);
		g_string_append(out, ">");
	} else {
		double r = MKG_IS_ABSENT(e->volume) ? 0 : relative(e->volume, max_volume);
		g_string_append_printf(out, "penwidth=%s, arrowsize=%s, color=\"%s\", xlabel=<",
		                       g_ascii_formatd(pw, sizeof pw, "%.2f",
		                                       e->binding ? MAX(3.5, 1 + s->pen_grow * r)
		                                                  : 1 + s->pen_grow * r),
		                       g_ascii_formatd(as, sizeof as, "%.2f", 0.6 + 0.5 * r),
		                       e->binding ? RED : commodity_colour[e->colour]);
		if (!MKG_IS_ABSENT(e->volume))
			amount(out, e->volume); /* the unit is in the legend */
		if (e->binding) {
			g_string_append(out, "<BR/><FONT COLOR=\"" RED "\">capacity ");
			amount_unit(out, e->binding_capacity, unit);
			g_string_append(out, " binds</FONT>");
		}
		g_string_append(out, ">");
	}
	g_string_append(out, ", tooltip=\"");
	tooltip_name(out, m, v, e->seller);
	g_string_append(out, " -> ");
	tooltip_name(out, m, v, e->buyer);
	g_string_append(out, ": ");
	dot_quoted(out, e->commodity);
	g_string_append_printf(out, ", %zu transaction%s\"];\n", e->transactions,
	                       e->transactions == 1 ? "" : "s");
}

/* One dashed arrow per supported node of each record; the function is
 * written on the first only. */
static void
write_facilitation(GString *out, const mkg_model *m, const view *v, const node *nodes, size_t f,
                   size_t *stamp)
{
	const mkg_facilitation_rec *fac = MKG_FAC(m, f);
	size_t who = v->rep[fac->facilitator];
	mkg_facilitation_type type = (mkg_facilitation_type)fac->type;
	const char *function = mkg_function_name((mkg_function)fac->function);
	size_t na = fac->target_actors.count;
	size_t nt = fac->target_transactions.count;
	int labelled = 0;

	for (size_t k = 0; k < na + 2 * nt; k++) {
		size_t a;
		if (k < na) {
			a = MKG_POOL_IDX(m, fac->target_actors.first + k);
		} else {
			size_t t = MKG_POOL_IDX(m, fac->target_transactions.first + (k - na) / 2);
			a = (k - na) % 2 == 0 ? MKG_TX(m, t)->seller : MKG_TX(m, t)->buyer;
		}
		a = v->rep[a];
		if (a == who || stamp[a] == f + 1 || !v->shown[a] || !v->shown[who])
			continue;
		stamp[a] = f + 1;
		arrow(out, m, v, nodes, who, a);
		g_string_append_printf(out, "style=dashed, color=\"%s\", fontcolor=\"%s\", "
		                       "penwidth=1.2, arrowhead=empty, arrowtail=empty, "
		                       "constraint=false", type_colour[type], type_colour[type]);
		if (!labelled) {
			g_string_append(out, ", xlabel=<");
			html_text(out, function);
			g_string_append(out, ">");
			labelled = 1;
		}
		g_string_append(out, ", tooltip=\"");
		dot_quoted(out, fac->id);
		g_string_append_printf(out, " (%s %s)\"];\n", mkg_facilitation_type_name(type),
		                       function);
	}
}

static void
legend_cell(GString *out, const char *bg, const char *colour, const char *text)
{
	g_string_append(out, "<TD");
	if (bg != NULL)
		g_string_append_printf(out, " BGCOLOR=\"%s\" BORDER=\"1\"", bg);
	g_string_append(out, ">");
	if (colour != NULL)
		g_string_append_printf(out, "<FONT COLOR=\"%s\">", colour);
	html_text(out, text);
	if (colour != NULL)
		g_string_append(out, "</FONT>");
	g_string_append(out, "</TD>");
}

/* The title, and under it one row per legend: kinds, commodities,
 * facilitation types and highlights present in this map. */
static void
write_title(GString *out, const mkg_model *m, const mkg_dot_options *o, const view *v,
            const GArray *edges, GHashTable *colours, int highlights, const char *view_note,
            const char *top_note, const char *page_note, const mkg__dot_style *s)
{
	const char *name = mkg_model_name(m), *unit = mkg_model_volume_unit(m);
	int kinds[MKG_ACTOR_KIND_COUNT] = { 0 }, types[MKG_FACILITATION_TYPE_COUNT] = { 0 };
	const char **commodity = g_new0(const char *, g_hash_table_size(colours) + 1);
	GHashTableIter it;
	gpointer key, value;

	g_string_append(out, "  label=<<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
	                     "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"");
	g_string_append_printf(out, "%g\">", s->title_pt);
	/* Graphviz refuses an empty <FONT></FONT>: "" is drawn as no name */
	html_bold(out, name != NULL && name[0] != '\0' ? name : "Market map");
	g_string_append(out, "</FONT></TD></TR>");
	if (o->hide_legend) {
		g_string_append(out, "</TABLE>>;\n");
		g_free(commodity);
		return;
	}
	for (size_t a = 0; a < v->na; a++)
		if (v->shown[a])
			kinds[MKG_ACTOR(m, a)->kind] = 1;
	g_string_append(out, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"3\"><TR>");
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++)
		if (kinds[k])
			legend_cell(out, kind_fill[k], NULL, mkg_actor_kind_name((mkg_actor_kind)k));
	g_string_append(out, "</TR></TABLE></TD></TR>");

	/* commodities in order of their colour */
	g_hash_table_iter_init(&it, colours);
	while (g_hash_table_iter_next(&it, &key, &value))
		commodity[GPOINTER_TO_INT(value)] = key;
	g_string_append(out, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"3\"><TR>"
	                     "<TD>arrows: produce, width by volume");
	if (unit != NULL) {
		g_string_append(out, " (");
		html_text(out, unit);
		g_string_append(out, ")");
	}
	g_string_append(out, ":</TD>");
	for (guint i = 0; i < g_hash_table_size(colours) && i < LEGEND_COMMODITIES; i++) {
		GString *t = g_string_new("\xe2\x94\x81\xe2\x94\x81 "); /* two heavy dashes */
		g_string_append(t, commodity[i]);
		legend_cell(out, NULL, commodity_colour[i % N_COMMODITY_COLOURS], t->str);
		g_string_free(t, TRUE);
	}
	if (g_hash_table_size(colours) > LEGEND_COMMODITIES) {
		char more[64];
		g_snprintf(more, sizeof more, "and %u more",
		           g_hash_table_size(colours) - LEGEND_COMMODITIES);
		legend_cell(out, NULL, NULL, more);
	}
	for (guint i = 0; i < edges->len && !o->hide_services; i++)
		if (g_array_index(edges, edge, i).service) {
			legend_cell(out, NULL, "#737373", "\xc2\xb7\xc2\xb7\xc2\xb7 services");
			break;
		}
	if (!o->hide_facilitation)
		for (size_t f = 0; f < mkg_model_facilitation_count(m); f++)
			if (v->shown[v->rep[MKG_FAC(m, f)->facilitator]])
				types[MKG_FAC(m, f)->type] = 1;
	for (int k = 0; k < MKG_FACILITATION_TYPE_COUNT; k++)
		if (types[k]) {
			GString *t = g_string_new("- - ");
			g_string_append_printf(t, "%s facilitation",
			                       mkg_facilitation_type_name((mkg_facilitation_type)k));
			legend_cell(out, NULL, type_colour[k], t->str);
			g_string_free(t, TRUE);
		}
	g_string_append(out, "</TR></TABLE></TD></TR>");
	if (highlights)
		g_string_append(out, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" RED "\">red: binding "
		                     "capacities and demands, actors with captive producers; red "
		                     "dashed box: coalition presumed harmful</FONT></TD></TR>");
	if (highlights && top_note != NULL)
		g_string_append_printf(out, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" RED "\">%s"
		                       "</FONT></TD></TR>", top_note);
	if (view_note != NULL)
		g_string_append_printf(out, "<TR><TD ALIGN=\"LEFT\">%s</TD></TR>", view_note);
	if (page_note != NULL)
		g_string_append_printf(out, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"" RED "\">%s"
		                       "</FONT></TD></TR>", page_note);
	g_string_append(out, "</TABLE>>;\n");
	g_free(commodity);
}

MKG_DEFINE_INIT(mkg_dot_options_init, mkg_dot_options, opts, MKG_DOT_OPTIONS)

/* ---- the view ---------------------------------------------------------- */

/* Check opts' view fields against the model; on success *chain is the
 * chain the highlights run on (NULL: the model's only one). */
static int
check_view(const mkg_model *m, const mkg_dot_options *o, const char **chain)
{
	unsigned int all = (1u << MKG_ACTOR_KIND_COUNT) - 1;
	size_t n = 0;
	int rc;

	*chain = NULL;
	if (o->commodity != NULL && o->chain != NULL)
		return mkg__error(MKG_EINVAL, "dot: give commodity or chain, not both");
	if ((o->collapse_by_region & ~all) != 0)
		return mkg__error(MKG_EINVAL, "dot: collapse_by_region has bits of no actor kind "
		                  "(0x%x)", o->collapse_by_region & ~all);
	if (o->commodity != NULL) {
		int produce = 0, any = 0;
		for (size_t t = 0; t < mkg_model_transaction_count(m); t++) {
			const mkg_transaction_rec *tx = MKG_TX(m, t);
			if (strcmp(tx->commodity, o->commodity) == 0) {
				any = 1;
				produce |= !tx->service;
			}
		}
		if (!any)
			return mkg__error(MKG_ENOTFOUND, "dot: no transaction of commodity \"%s\"",
			                  o->commodity);
		if (!produce)
			return mkg__error(MKG_EINVAL, "dot: commodity \"%s\" is a service: the view "
			                  "keeps produce", o->commodity);
		return mkg_model_primary_equivalent(m, o->commodity, chain, NULL);
	}
	if (o->chain == NULL)
		return MKG_OK;
	if ((rc = mkg_model_chain_count(m, &n)) != MKG_OK)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (g_strcmp0(mkg_model_chain_at(m, i)->commodity, o->chain) == 0) {
			*chain = mkg_model_chain_at(m, i)->commodity;
			return MKG_OK;
		}
	{
		GString *names = g_string_new(NULL);
		for (size_t i = 0; i < n; i++) {
			const char *c = mkg_model_chain_at(m, i)->commodity;
			g_string_append_printf(names, "%s%s", i > 0 ? ", " : "", c != NULL ? c : "");
		}
		rc = mkg__error(MKG_ENOTFOUND, "dot: no chain \"%s\" (the model's chains: %s)",
		                o->chain, n > 0 ? names->str : "none");
		g_string_free(names, TRUE);
		return rc;
	}
}

/* Whether transaction t is in the view's produce (services: decided later). */
static int
in_filter(const mkg_model *m, const mkg_dot_options *o, size_t t)
{
	const mkg_transaction_rec *tx = MKG_TX(m, t);
	const char *primary = NULL;

	if (o->commodity != NULL)
		return strcmp(tx->commodity, o->commodity) == 0;
	if (o->chain != NULL)
		return mkg_model_primary_equivalent(m, tx->commodity, &primary, NULL) == MKG_OK &&
		       g_strcmp0(primary, o->chain) == 0;
	return 1;
}

/* The actors and transactions drawn, and the groups of collapsed kinds.
 * Unfiltered: everything.  Filtered: the actors in a kept produce
 * transaction, then the actors trading no produce at all that facilitate
 * or serve one of them, then the services between drawn actors.  O(A + T
 * + F + P) with one hash table of groups. */
static void
view_build(const mkg_model *m, const mkg_dot_options *o, view *v)
{
	size_t na = mkg_model_actor_count(m), nt = mkg_model_transaction_count(m);
	int filtered = o->commodity != NULL || o->chain != NULL;
	/* + 1: never NULL, so that memset and memcpy take them for an empty model */
	char *trades = g_new0(char, na + 1), *shown = g_new0(char, na + 1);
	GHashTable *index;
	GArray *groups;

	v->na = na;
	v->keep = g_new0(char, nt ? nt : 1);
	for (size_t t = 0; t < nt; t++) {
		const mkg_transaction_rec *tx = MKG_TX(m, t);
		if (tx->service)
			continue;
		trades[tx->seller] = trades[tx->buyer] = 1;
		if (in_filter(m, o, t)) {
			v->keep[t] = 1;
			shown[tx->seller] = shown[tx->buyer] = 1;
		}
	}
	if (!filtered) {
		memset(shown, 1, na);
	} else {
		char *support = g_new0(char, na + 1);
		for (size_t f = 0; f < mkg_model_facilitation_count(m); f++) {
			const mkg_facilitation_rec *fac = MKG_FAC(m, f);
			for (size_t k = 0; k < fac->target_actors.count && !trades[fac->facilitator]; k++)
				if (shown[MKG_POOL_IDX(m, fac->target_actors.first + k)])
					support[fac->facilitator] = 1;
			for (size_t k = 0; k < fac->target_transactions.count && !trades[fac->facilitator];
			     k++)
				if (v->keep[MKG_POOL_IDX(m, fac->target_transactions.first + k)])
					support[fac->facilitator] = 1;
		}
		for (size_t t = 0; t < nt; t++) {
			const mkg_transaction_rec *tx = MKG_TX(m, t);
			if (!tx->service)
				continue;
			if (!trades[tx->seller] && shown[tx->buyer])
				support[tx->seller] = 1;
			if (!trades[tx->buyer] && shown[tx->seller])
				support[tx->buyer] = 1;
		}
		for (size_t a = 0; a < na; a++)
			shown[a] |= support[a];
		g_free(support);
	}
	for (size_t t = 0; t < nt; t++) {
		const mkg_transaction_rec *tx = MKG_TX(m, t);
		if (tx->service)
			v->keep[t] = shown[tx->seller] && shown[tx->buyer];
	}

	/* groups in order of their first actor */
	v->rep = g_new(size_t, na + 1);
	index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	groups = g_array_new(FALSE, FALSE, sizeof(group));
	for (size_t a = 0; a < na; a++) {
		const mkg_actor_rec *actor = MKG_ACTOR(m, a);
		gpointer found;
		char *key;
		v->rep[a] = a;
		v->shown_actors += shown[a] != 0;
		if (!shown[a] || !(o->collapse_by_region & (1u << actor->kind)))
			continue;
		/* kind, then "+region" or "-" for none: distinct keys */
		key = g_strdup_printf("%d%s%s", actor->kind, actor->region != NULL ? "+" : "-",
		                      actor->region != NULL ? actor->region : "");
		if (g_hash_table_lookup_extended(index, key, NULL, &found)) {
			g_free(key);
		} else {
			group g = { (mkg_actor_kind)actor->kind, actor->region, 0 };
			found = GSIZE_TO_POINTER(groups->len);
			g_array_append_val(groups, g);
			g_hash_table_insert(index, key, found);
		}
		v->rep[a] = na + GPOINTER_TO_SIZE(found);
		g_array_index(groups, group, GPOINTER_TO_SIZE(found)).members++;
	}
	g_hash_table_destroy(index);
	v->ng = groups->len;
	v->groups = (group *)(void *)g_array_free(groups, FALSE);
	v->shown = g_new0(char, na + v->ng + 1);
	memcpy(v->shown, shown, na);
	memset(v->shown + na, 1, v->ng);
	g_free(shown);
	g_free(trades);
}

static void
view_clear(view *v)
{
	g_free(v->rep);
	g_free(v->shown);
	g_free(v->keep);
	g_free(v->groups);
}

/* ---- --top ------------------------------------------------------------- */

static double
finite_or_zero(double x)
{
	return isfinite(x) ? x : 0;
}

typedef struct ranked {
	double score;
	size_t index;
} ranked;

static int
ranked_cmp(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Keep the top highlighted actors (by the volume they hold) and binding
 * arrows (by capacity); clear the rest.  Returns the number of actors that
 * were highlighted; O(k log k) for k highlighted. */
static size_t
keep_top(const view *v, node *nodes, GArray *edges, size_t top, size_t *arrows)
{
	GArray *r = g_array_new(FALSE, FALSE, sizeof(ranked));
	size_t actors;

	for (size_t a = 0; a < v->na; a++)
		if (v->shown[a] && (nodes[a].captive > 0 || nodes[a].binding != NULL)) {
			ranked x = { MAX(finite_or_zero(nodes[a].captive_supply),
			                 nodes[a].binding != NULL ? finite_or_zero(nodes[a].binding_capacity)
			                                          : 0), a };
			g_array_append_val(r, x);
		}
	if (r->len > 1) /* an empty GArray's data is NULL */
		qsort(r->data, r->len, sizeof(ranked), ranked_cmp);
	for (guint i = (guint)MIN(top, r->len); i < r->len; i++) {
		node *x = &nodes[g_array_index(r, ranked, i).index];
		x->captive = 0;
		x->binding = NULL;
	}
	actors = r->len;
	g_array_set_size(r, 0);
	for (guint i = 0; i < edges->len; i++) {
		const edge *e = &g_array_index(edges, edge, i);
		if (e->binding) {
			ranked x = { finite_or_zero(e->binding_capacity), i };
			g_array_append_val(r, x);
		}
	}
	if (r->len > 1) /* an empty GArray's data is NULL */
		qsort(r->data, r->len, sizeof(ranked), ranked_cmp);
	for (guint i = (guint)MIN(top, r->len); i < r->len; i++)
		g_array_index(edges, edge, g_array_index(r, ranked, i).index).binding = 0;
	*arrows = r->len;
	g_array_free(r, TRUE);
	return actors;
}

/* A collapsed actor's highlights go to its group. */
static void
fold_groups(const view *v, node *nodes)
{
	for (size_t a = 0; a < v->na; a++) {
		node *x = &nodes[a], *g;
		if (v->rep[a] == a)
			continue;
		g = &nodes[v->rep[a]];
		g->captive += x->captive;
		g->captive_supply += x->captive > 0 ? x->captive_supply : 0;
		if (x->binding != NULL) {
			g->binding = g->binding == NULL || g->binding == x->binding ? x->binding
			                                                            : "capacity";
			g->binding_capacity += x->binding_capacity;
		}
	}
}

/* ---- highlights -------------------------------------------------------- */

/* The analyses behind opts->highlight, each run only when the caller did
 * not pass its result: producers and end markets are the sources and sinks,
 * as in the report; the coalitions are the model's groups.  What runs here
 * is stored in *owned and lent to *o.  On failure everything is freed. */
typedef struct highlights {
	mkg_flow *flow;
	mkg_captive *captive;
	mkg_coalitions *coalitions;
} highlights;

static void
highlights_clear(highlights *h)
{
	mkg_coalitions_free(h->coalitions);
	mkg_captive_free(h->captive);
	mkg_flow_free(h->flow);
}

static int
run_highlights(const mkg_model *model, const char *chain, mkg_dot_options *o,
               highlights *owned)
{
	mkg_bottlenecks_options b = MKG_BOTTLENECKS_OPTIONS_INIT;
	size_t chains = 0;
	int rc = mkg_model_chain_count(model, &chains);

	/* The flow and the captive producers are per chain: run here for the
	 * view's chain, or for a model with at most one (a caller may pass a
	 * chain's results). */
	b.chain = chain;
	if (rc == MKG_OK && chains > 1 && chain == NULL)
		goto coalitions;
	if (rc == MKG_OK && o->flow == NULL &&
	    (rc = mkg_flow_new(&owned->flow, model, &b)) == MKG_OK)
		o->flow = owned->flow;
	if (rc == MKG_OK && o->captive == NULL &&
	    (rc = mkg_captive_new(&owned->captive, model, &b)) == MKG_OK)
		o->captive = owned->captive;
coalitions:
	if (rc == MKG_OK && o->coalitions == NULL &&
	    (rc = mkg_coalitions_new(&owned->coalitions, model, NULL)) == MKG_OK)
		o->coalitions = owned->coalitions;
	if (rc != MKG_OK)
		highlights_clear(owned);
	return rc;
}

static int write_map(const mkg_model *model, const mkg_dot_options *opts,
                     const mkg__dot_page *page, char **out, size_t *len);

int
mkg_dot_write_string(const mkg_model *model, const mkg_dot_options *opts, char **out,
                     size_t *len)
{
	mkg_dot_options o;
	highlights owned = { NULL, NULL, NULL };
	const char *chain = NULL;
	const mkg__dot_page *page;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	MKG_RESOLVE_OPTIONS(G_STRFUNC, mkg_dot_options, MKG_DOT_OPTIONS, opts, &o);
	if ((rc = check_view(model, &o, &chain)) != MKG_OK)
		return rc;
	if ((rc = mkg__dot_page_find(o.page, &page)) != MKG_OK)
		return rc;
	if (o.highlight && (rc = run_highlights(model, chain, &o, &owned)) != MKG_OK)
		return rc;
	rc = write_map(model, &o, page, out, len);
	highlights_clear(&owned);
	return rc;
}

/* The legend's line on what the view left out or merged, as HTML. */
static char *
view_note(const mkg_model *m, const mkg_dot_options *o, const view *v)
{
	GString *t = g_string_new(NULL);

	if (o->commodity != NULL || o->chain != NULL) {
		g_string_append(t, o->commodity != NULL ? "only commodity " : "only the chain of ");
		html_text(t, o->commodity != NULL ? o->commodity : o->chain);
		g_string_append_printf(t, ": %zu of %zu actors", v->shown_actors, v->na);
	}
	if (o->collapse_by_region != 0) {
		int first = 1;
		g_string_append(t, t->len > 0 ? "; merged by region: " : "merged by region: ");
		for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++)
			if (o->collapse_by_region & (1u << k)) {
				g_string_append_printf(t, "%s%s", first ? "" : ", ",
				                       mkg_actor_kind_name((mkg_actor_kind)k));
				first = 0;
			}
		g_string_append_printf(t, " (%zu nodes)", v->ng);
	}
	if (o->hide_services || o->hide_facilitation)
		g_string_append_printf(t, "%snot drawn: %s%s%s", t->len > 0 ? "; " : "",
		                       o->hide_services ? "services" : "",
		                       o->hide_services && o->hide_facilitation ? ", " : "",
		                       o->hide_facilitation ? "facilitation" : "");
	(void)m;
	return g_string_free(t, t->len == 0);
}

/* The estimated scale of the map on page: each column's nodes stacked
 * (stage -1, the supporting actors without a column, counted as one). */
static int
page_column(const node *x)
{
	return x->stage < 0 ? 0 : x->stage >= N_STAGES ? N_STAGES : x->stage + 1;
}

static double
page_scale(const mkg_model *m, const view *v, const node *nodes, const GArray *edges,
           double max_through, double max_volume, const mkg_dot_options *o,
           const mkg__dot_page *page, const mkg__dot_style *s, const char *view_note,
           const char *top_note, int lit, int *down)
{
	double across, along;
	mkg__dot_column col[N_STAGES + 1] = { { 0 } };
	int nodes_in[N_STAGES + 1];
	size_t lines = o->hide_legend ? 0 : 2, chars = 0;

	for (size_t a = 0; a < v->na + v->ng; a++) {
		const char *name;
		char *wrapped;
		size_t extra, name_lines, name_chars;
		double w, h;
		int c;
		if (!drawn(v, a))
			continue;
		name = a < v->na ? shown_name(MKG_ACTOR(m, a))
		                 : v->groups[a - v->na].region != NULL ? v->groups[a - v->na].region
		                                                       : "(no region)";
		extra = 1 + (nodes[a].binding != NULL) + (nodes[a].captive > 0);
		wrapped = mkg__dot_wrap(s, name, &name_lines, &name_chars);
		g_free(wrapped);
		mkg__dot_node_size(s, relative(throughput(&nodes[a]), max_through), name_lines,
		                   MIN(name_chars, 100), extra, nodes[a].captive > 0 ? 30 : 24, &w,
		                   &h);
		c = page_column(&nodes[a]);
		mkg__dot_column_add(&col[c], w, h);
	}
	for (int c = 0; c <= N_STAGES; c++)
		nodes_in[c] = col[c].n > 0;
	/* an arrow over several columns passes the ones between as wide as
	 * its pen */
	for (guint i = 0; i < edges->len; i++) {
		const edge *e = &g_array_index(edges, edge, i);
		int from = page_column(&nodes[e->seller]), to = page_column(&nodes[e->buyer]);
		double r = e->service || MKG_IS_ABSENT(e->volume) ? 0 : relative(e->volume,
		                                                                  max_volume);
		double pen = (1 + s->pen_grow * r) / 72;
		if (e->service && o->hide_services)
			continue;
		for (int c = MIN(from, to) + 1; c < MAX(from, to); c++)
			if (nodes_in[c])   /* dot leaves out a column of no node */
				mkg__dot_column_add(&col[c], pen, pen);
	}
	/* the legend: kinds, arrows, and the notes present */
	if (lit && !o->hide_legend) {
		lines++;
		chars = 96;   /* "red: binding capacities and demands, ..." */
	}
	if (lit && top_note != NULL && !o->hide_legend) {
		lines++;
		chars = MAX(chars, strlen(top_note));
	}
	if (view_note != NULL && !o->hide_legend) {
		lines++;
		chars = MAX(chars, strlen(view_note));
	}
	/* the columns along the page's long side, like the screen map on a
	 * landscape page, as long as the labels come out readable; else the
	 * way that gives the larger labels */
	across = mkg__dot_page_scale(page, s, N_STAGES + 1, col, lines, chars, 0);
	along = mkg__dot_page_scale(page, s, N_STAGES + 1, col, lines, chars, 1);
	*down = page->height > page->width;
	if ((*down ? along : across) * s->detail_pt < MKG__DOT_MIN_LABEL_PT)
		*down = along > across;
	return *down ? along : across;
}

/* The legend's warning that labels on page come out at label_pt. */
static char *
page_warning(const mkg__dot_page *page, double label_pt)
{
	char pt[G_ASCII_DTOSTR_BUF_SIZE];

	return g_strdup_printf("%s: too much for the page, labels about %s pt (under 7): draw "
	                       "less (one chain, kinds merged by region, the top holders)",
	                       page->name, g_ascii_formatd(pt, sizeof pt, "%.1f", label_pt));
}

/* The map of model with options already checked. */
static int
write_map(const mkg_model *model, const mkg_dot_options *opts, const mkg__dot_page *page,
          char **out, size_t *len)
{
	const mkg__dot_style *style = mkg__dot_style_for(page);
	double label_pt = MKG_ABSENT;
	int down = 0;   /* columns down the page */
	char *page_note = NULL;
	const char *unit;
	size_t na, nn;
	node *nodes;
	int *pinned;
	size_t *stamp, *members = NULL, *first = NULL;
	GHashTable *colours;
	GArray *edges, *harmful = NULL;
	GString *dot;
	double max_through = 0, max_volume = 0;
	view v = { 0 };
	char *note, *top_note = NULL;
	int lit = opts->flow != NULL || opts->captive != NULL || opts->coalitions != NULL;

	unit = mkg_model_volume_unit(model);
	view_build(model, opts, &v);
	na = v.na;
	nn = na + v.ng;
	nodes = g_new0(node, nn);
	pinned = g_new0(int, nn);
	for (size_t a = 0; a < nn; a++) {
		nodes[a].stage = kind_stage(a < na ? (mkg_actor_kind)MKG_ACTOR(model, a)->kind
		                                   : v.groups[a - na].kind);
		nodes[a].cluster = -1;
		pinned[a] = nodes[a].stage >= 0;
	}
	colours = g_hash_table_new(g_str_hash, g_str_equal);
	edges = merge_transactions(model, &v, nodes, colours);
	place(model, &v, nodes, edges, pinned);
	if (opts->flow != NULL)
		mark_binding(model, &v, opts->flow, nodes, edges);
	if (opts->captive != NULL)
		mark_captive(model, opts->captive, nodes);
	if (opts->top > 0 && lit) {
		size_t arrows = 0, actors = keep_top(&v, nodes, edges, opts->top, &arrows);
		GString *t = g_string_new(NULL);
		g_string_printf(t, "top %zu: in red only the %zu of %zu highlighted actors holding "
		                "the most volume", opts->top, MIN(opts->top, actors), actors);
		if (arrows > 0)
			g_string_append_printf(t, ", and %zu of %zu binding arrows",
			                       MIN(opts->top, arrows), arrows);
		top_note = g_string_free(t, FALSE);
	}
	fold_groups(&v, nodes);
	if (opts->coalitions != NULL)
		harmful = mark_coalitions(model, &v, opts->coalitions, nodes);
	for (size_t a = 0; a < nn; a++)
		if (drawn(&v, a))
			max_through = MAX(max_through, throughput(&nodes[a]));
	for (guint i = 0; i < edges->len; i++) {
		const edge *e = &g_array_index(edges, edge, i);
		if (!e->service && !MKG_IS_ABSENT(e->volume))
			max_volume = MAX(max_volume, e->volume);
	}

	note = view_note(model, opts, &v);
	if (page != NULL) {
		label_pt = style->detail_pt * page_scale(model, &v, nodes, edges, max_through,
		                                         max_volume, opts, page, style, note,
		                                         top_note, lit, &down);
		if (label_pt < MKG__DOT_MIN_LABEL_PT && !opts->hide_legend)
			page_note = page_warning(page, label_pt);
	}
	dot = g_string_new("digraph market {\n  graph [");
	mkg__dot_graph_attrs(dot, page, style, down);
	g_string_append_printf(dot, "];\n  node [style=\"rounded,filled\", fontname=\"Helvetica\", "
	                       "margin=\"%s\", color=\"#525252\", penwidth=1];\n"
	                       "  edge [fontname=\"Helvetica\", fontsize=%g];\n",
	                       style->node_margin, style->detail_pt);
	write_title(dot, model, opts, &v, edges, colours, lit, note, top_note, page_note, style);
	g_free(note);
	g_free(top_note);
	g_free(page_note);

	/* coalitions presumed harmful: their members' nodes inside their box;
	 * the members listed cluster by cluster with one counting sort */
	if (harmful != NULL && harmful->len > 0) {
		members = g_new(size_t, na);
		first = g_new0(size_t, harmful->len + 1);
		for (size_t a = 0; a < na; a++)
			if (nodes[a].cluster >= 0)
				first[nodes[a].cluster + 1]++;
		for (guint c = 0; c < harmful->len; c++)
			first[c + 1] += first[c];
		{
			size_t *next = g_memdup2(first, (harmful->len + 1) * sizeof *first);
			for (size_t a = 0; a < na; a++)
				if (nodes[a].cluster >= 0)
					members[next[nodes[a].cluster]++] = a;
			g_free(next);
		}
	}
	for (guint c = 0; harmful != NULL && c < harmful->len; c++) {
		size_t i = g_array_index(harmful, size_t, c), g;
		const char *gid = mkg_coalitions_group(opts->coalitions, i);
		g_string_append_printf(dot, "  subgraph cluster_%u {\n    style=\"dashed,rounded\"; "
		                       "color=\"" RED "\"; penwidth=2; fontcolor=\"" RED "\"; "
		                       "label=<", c);
		if (gid != NULL && mkg_model_find_actor(model, gid, &g) == MKG_OK)
			html_text(dot, shown_name(MKG_ACTOR(model, g)));
		else
			html_text(dot, gid != NULL ? gid : "coalition");
		g_string_append(dot, ": presumed harmful as one firm>;\n");
		for (size_t k = first[c]; k < first[c + 1]; k++)
			write_node(dot, "    ", model, &v, members[k], &nodes[members[k]], max_through,
			           unit, style);
		g_string_append(dot, "  }\n");
	}
	/* the actors that support the chain without trading produce: one band */
	{
		int any = 0;
		for (size_t a = 0; a < nn; a++)
			if (drawn(&v, a) && nodes[a].cluster < 0 && !pinned[a] && !nodes[a].in_graph) {
				if (!any)
					g_string_append(dot, "  subgraph cluster_support {\n    style=\"rounded,filled\"; "
					                     "color=\"#d9d9d9\"; fillcolor=\"#f7f7f7\"; "
					                     "fontcolor=\"#737373\"; label=<supporting functions and rules>;\n");
				any = 1;
				write_node(dot, "    ", model, &v, a, &nodes[a], max_through, unit,
				           style);
			}
		if (any)
			g_string_append(dot, "  }\n");
	}
	for (size_t a = 0; a < nn; a++)
		if (drawn(&v, a) && nodes[a].cluster < 0 && (pinned[a] || nodes[a].in_graph))
			write_node(dot, "  ", model, &v, a, &nodes[a], max_through, unit, style);
	for (int s = 0; s < N_STAGES; s++) {
		int any = 0;
		for (size_t a = 0; a < nn; a++)
			if (drawn(&v, a) && nodes[a].stage == s) {
				g_string_append(dot, any ? " " : "  { rank=same; ");
				node_id(dot, model, &v, a);
				g_string_append_c(dot, ';');
				any = 1;
			}
		if (any)
			g_string_append(dot, " }\n");
	}
	for (guint i = 0; i < edges->len; i++) {
		const edge *e = &g_array_index(edges, edge, i);
		if (!(e->service && opts->hide_services))
			write_edge(dot, model, &v, nodes, e, max_volume, unit, style);
	}
	stamp = g_new0(size_t, nn);
	for (size_t f = 0; f < mkg_model_facilitation_count(model) && !opts->hide_facilitation;
	     f++)
		write_facilitation(dot, model, &v, nodes, f, stamp);
	g_string_append(dot, "}\n");

	g_free(stamp);
	g_free(members);
	g_free(first);
	if (harmful != NULL)
		g_array_free(harmful, TRUE);
	g_array_free(edges, TRUE);
	g_hash_table_destroy(colours);
	g_free(pinned);
	g_free(nodes);
	view_clear(&v);
	if (len != NULL)
		*len = dot->len;
	if (opts->page_label_points != NULL)
		*opts->page_label_points = label_pt;
	*out = g_string_free(dot, FALSE);
	return MKG_OK;
}
