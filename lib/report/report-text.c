/* marketgraph: the text view of the concentration, coalition and
 * dependency sections, for an analyst who reads the report on screen.
 * Tables are cut at a few rows where the JSON view has every row.
 * Numbers are rounded for a person (lib/text/numfmt-human.c), never in
 * the locale's form.
 *
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"
#include "report-text-private.h"

#include <string.h>

/* Rows of a firm or pair table before "... and N more": in the long text,
 * in the short one. */
#define TEXT_ROWS 10
#define SHORT_ROWS 5

/* The label of id made from l->model, kept in l->labels; NULL for an
 * actor without a name of its own.  The rule of the report's labels
 * (report.c, copy_model). */
static const char *
model_label(mkg__labels *l, const char *id)
{
	mkg_idx i = mkg__model_actor_lookup(l->model, id);
	const mkg_actor_rec *a = i == MKG_IDX_NONE ? NULL : MKG_ACTOR(l->model, i);
	GString *label;

	if (a == NULL || a->name == NULL || strcmp(a->name, a->id) == 0)
		return NULL;
	label = g_string_new(NULL);
	mkg__text_escape(label, a->id, false, SIZE_MAX);
	g_string_append(label, " (");
	mkg__text_escape(label, a->name, false, SIZE_MAX);
	g_string_append_c(label, ')');
	g_hash_table_insert(l->labels, g_strdup(id), label->str);
	return g_string_free(label, FALSE);
}

const char *
mkg__label(mkg__labels *l, const char *id)
{
	const char *label = g_hash_table_lookup(l->labels, id);

	if (label == NULL && l->model != NULL)
		label = model_label(l, id);
	return label ? label : mkg__text(l, id);
}

const char *
mkg__text(mkg__labels *l, const char *s)
{
	GString *escaped;
	const char *known;

	if (s == NULL)
		return NULL;
	if ((known = g_hash_table_lookup(l->escaped, s)) != NULL)
		return known;
	escaped = g_string_new(NULL);
	mkg__text_escape(escaped, s, false, SIZE_MAX);
	if (strcmp(escaped->str, s) == 0) {
		g_string_free(escaped, TRUE);
		return s;
	}
	known = escaped->str;
	g_hash_table_insert(l->escaped, g_strdup(s), g_string_free(escaped, FALSE));
	return known;
}

void
mkg__labels_clear(mkg__labels *l)
{
	g_hash_table_destroy(l->escaped);
}

const char *
mkg__text_number(char buf[MKG_DOUBLE_BUFSIZE], double d)
{
	return mkg__human_amount(buf, d);
}

/* d with a printf format of one double conversion ("%.1f"), "-" for NaN. */
static const char *
fmt(char buf[G_ASCII_DTOSTR_BUF_SIZE], const char *format, double d)
{
	if (isnan(d)) {
		strcpy(buf, "-");
		return buf;
	}
	return g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, format, d);
}

static const char *
percent(char buf[MKG_DOUBLE_BUFSIZE], double share)
{
	return mkg__text_percent(buf, share); /* never "inf%" */
}

/* A level in words after ", ": "farm gate" for `producer`, else "LEVEL
 * level"; nothing when levels are pooled (NULL). */
static void
level_text(GString *out, mkg__labels *l, const char *level)
{
	if (level == NULL)
		return;
	if (strcmp(level, MKG_FARM_GATE_LEVEL) == 0)
		g_string_append(out, ", farm gate");
	else
		g_string_append_printf(out, ", %s level", mkg__text(l, level));
}

/* "maize, farm gate, period 2010, region Kasese" (service and missing parts
 * said). */
static void
market_name(GString *out, mkg__labels *l, const char *commodity, const char *level,
            const char *period, const char *region, int service)
{
	g_string_append(out, mkg__text(l, commodity));
	if (service)
		g_string_append(out, " (service)");
	level_text(out, l, level);
	if (period != NULL)
		g_string_append_printf(out, ", period %s", mkg__text(l, period));
	else
		g_string_append(out, ", no period");
	if (region != NULL)
		g_string_append_printf(out, ", region %s", mkg__text(l, region));
}

static const char *
class_words(mkg_concentration_class cls)
{
	switch (cls) {
	case MKG_CLASS_HIGHLY_CONCENTRATED: return "highly concentrated";
	case MKG_CLASS_MODERATELY_CONCENTRATED: return "moderately concentrated";
	case MKG_CLASS_UNCONCENTRATED: return "unconcentrated";
	case MKG_CLASS_FRINGE: return "competitive fringe only, no HHI";
	case MKG_CLASS_EMPTY: break;
	}
	return "empty";
}

/* ---- concentration -------------------------------------------------------- */

static void
side_text(GString *out, const mkg_market_side *s, mkg_side side, mkg__labels *l,
          const char *unit)
{
	char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE],
		d[G_ASCII_DTOSTR_BUF_SIZE];
	const char *who = side == MKG_SIDE_SELLER ? "Sellers (monopoly side)"
	                                          : "Buyers (monopsony side)";
	double rest = 0.0;

	if (s->actors == 0) {
		g_string_append_printf(out, "  %s: empty (total 0), no shares\n", who);
		return;
	}
	if (s->concentration == MKG_CLASS_FRINGE)
		g_string_append_printf(out, "  %s: %s, total %s%s%s\n", who,
		                       class_words(s->concentration), mkg__human_amount(b, s->total),
		                       unit ? " " : "", unit ? unit : "");
	else
		g_string_append_printf(out, "  %s: %s, HHI %s, %zu firm%s, total %s%s%s\n", who,
		                       class_words(s->concentration), mkg__human_integer(a, s->hhi, false),
		                       s->firms, s->firms == 1 ? "" : "s",
		                       mkg__human_amount(b, s->total), unit ? " " : "",
		                       unit ? unit : "");
	g_string_append(out, "       share  actor\n");
	for (size_t k = 0; k < s->actors; k++) {
		const mkg_firm_share *f = &s->shares[k];
		if (k < TEXT_ROWS || s->actors == TEXT_ROWS + 1) {
			g_string_append_printf(out, "    %8s  %s", percent(a, f->share),
			                       mkg__label(l, f->actor));
			if (f->fringe)
				g_string_append(out, " (competitive fringe)");
			else if (f->firms > 1)
				g_string_append_printf(out, " (%" G_GINT64_FORMAT " firms)", f->firms);
			g_string_append_c(out, '\n');
		} else {
			rest += f->amount;
		}
	}
	if (s->actors > TEXT_ROWS + 1)
		g_string_append_printf(out, "    %8s  (%zu more actors together)\n",
		                       percent(a, rest / s->total), s->actors - TEXT_ROWS);
	if (s->concentration == MKG_CLASS_FRINGE)
		return;
	g_string_append_printf(out, "    CR1 %s, CR4 %s, effective number of firms %s, "
	                       "normalised HHI %s\n",
	                       percent(a, s->cr1), percent(b, s->cr4),
	                       mkg__human_amount(c, s->effective_firms), mkg__human_amount(d, s->hhi_normalized));
	if (s->fringe_share > 0.0)
		g_string_append_printf(out, "    a competitive fringe holds %s: it adds nothing to "
		                       "the HHI\n", percent(a, s->fringe_share));
}

/* One side in one line, for the short text: "buyers: highly concentrated,
 * HHI 4,689, 100 firms; largest snack-multinational 68.0%, CR4 76.8%". */
static void
side_line(GString *out, const mkg_market_side *s, mkg_side side, mkg__labels *l)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE];
	const mkg_firm_share *top = NULL;

	g_string_append_printf(out, "  %s: ", side == MKG_SIDE_SELLER ? "sellers" : "buyers");
	if (s->concentration == MKG_CLASS_FRINGE) {
		g_string_append(out, "competitive fringe only, no HHI\n");
		return;
	}
	for (size_t k = 0; k < s->actors && top == NULL; k++)
		if (!s->shares[k].fringe)
			top = &s->shares[k];
	g_string_append_printf(out, "%s, HHI %s, %s firm%s", class_words(s->concentration),
	                       mkg__human_integer(a, s->hhi, false),
	                       mkg__human_count(b, (long long)s->firms), s->firms == 1 ? "" : "s");
	if (top != NULL) {
		g_string_append_printf(out, "; largest %s", mkg__label(l, top->actor));
		if (top->firms > 1)
			g_string_append_printf(out, " (%s firms)", mkg__human_count(a, top->firms));
		g_string_append_printf(out, " %s", percent(a, top->share));
		if (s->actors > 1)
			g_string_append_printf(out, ", CR4 %s", percent(b, s->cr4));
	}
	if (s->fringe_share > 0.0)
		g_string_append_printf(out, "; a competitive fringe holds %s",
		                       percent(a, s->fringe_share));
	g_string_append_c(out, '\n');
}

/* A market where nothing carries the measure (services sold without a
 * volume): no shares to read, left out of the text. */
static bool
empty_market(const mkg__conc_market *cm)
{
	return cm->side[MKG_SIDE_SELLER].actors == 0 && cm->side[MKG_SIDE_BUYER].actors == 0;
}

void
mkg__concentration_text(GString *out, const mkg_concentration *c, mkg__labels *l,
                        const char *unit, bool detail)
{
	const char *measure = mkg_measure_name(c->measure);
	char a[MKG_DOUBLE_BUFSIZE];
	size_t empty = 0;

	for (size_t i = 0; i < c->count; i++)
		empty += empty_market(&c->markets[i]);
	mkg__text_heading(out, "Concentration by market");
	if (c->count == 0) {
		g_string_append(out, "No transactions, no markets.\n");
		return;
	}
	if (c->count == empty) {
		g_string_append_printf(out, "No market with a %s.\n", measure);
		return;
	}
	g_string_append_printf(out, "%zu market%s; shares of the %s sold and bought.\n",
	                       c->count - empty, c->count - empty == 1 ? "" : "s", measure);
	if (empty > 0)
		g_string_append_printf(out, "%zu market%s where no transaction has a %s left out "
		                       "(in the JSON report).\n", empty, empty == 1 ? "" : "s",
		                       measure);
	if (c->excluded > 0)
		g_string_append_printf(out, "%zu transaction%s without a %s left out.\n", c->excluded,
		                       c->excluded == 1 ? "" : "s", measure);
	for (size_t i = 0; i < c->count; i++) {
		const mkg__conc_market *cm = &c->markets[i];
		if (empty_market(cm))
			continue;
		g_string_append_c(out, '\n');
		market_name(out, l, cm->pub.commodity, cm->pub.level, cm->pub.period,
		            cm->pub.region, cm->pub.service);
		if (!detail) {
			g_string_append_printf(out, ": %s%s%s\n",
			                       mkg__human_amount(a, cm->side[MKG_SIDE_SELLER].total),
			                       unit ? " " : "", unit ? unit : "");
			side_line(out, &cm->side[MKG_SIDE_SELLER], MKG_SIDE_SELLER, l);
			side_line(out, &cm->side[MKG_SIDE_BUYER], MKG_SIDE_BUYER, l);
			continue;
		}
		if (cm->pub.excluded_transactions > 0)
			g_string_append_printf(out, " (%zu transaction%s without a %s left out)",
			                       cm->pub.excluded_transactions,
			                       cm->pub.excluded_transactions == 1 ? "" : "s", measure);
		g_string_append_c(out, '\n');
		side_text(out, &cm->side[MKG_SIDE_SELLER], MKG_SIDE_SELLER, l, unit);
		side_text(out, &cm->side[MKG_SIDE_BUYER], MKG_SIDE_BUYER, l, unit);
	}
}

/* ---- coalitions ------------------------------------------------------------ */

static void
coalition_title(GString *out, const mkg_coalitions *c, size_t i, mkg__labels *l)
{
	size_t n = mkg_coalitions_member_count(c, i);
	const char *group = mkg_coalitions_group(c, i);

	if (group != NULL)
		g_string_append_printf(out, "group %s", mkg__label(l, group));
	else
		g_string_append(out, "the coalition tested");
	g_string_append_printf(out, " (%zu member%s", n, n == 1 ? "" : "s");
	for (size_t k = 0; k < n; k++)
		g_string_append_printf(out, "%s%s", k ? ", " : ": ",
		                       mkg__text(l, mkg_coalitions_member_at(c, i, k)));
	g_string_append_c(out, ')');
}

static void
coalition_row(GString *out, mkg__labels *l, const mkg_coalition_market *row)
{
	char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], d[G_ASCII_DTOSTR_BUF_SIZE],
		s[G_ASCII_DTOSTR_BUF_SIZE];

	g_string_append(out, "    ");
	market_name(out, l, row->commodity, row->level, row->period, row->region, row->service);
	g_string_append_printf(out, ", %s: combined share %s, HHI %s -> %s (%s)",
	                       row->side == MKG_SIDE_SELLER ? "sellers" : "buyers",
	                       percent(s, row->share), mkg__human_integer(a, row->hhi_before, false),
	                       mkg__human_integer(b, row->hhi_after, false), mkg__human_integer(d, row->delta, true));
	if (row->fringe_share > 0.0)
		g_string_append_printf(out, ", fringe members' %s left out",
		                       percent(s, row->fringe_share));
	g_string_append_printf(out, "%s\n", row->presumed_harmful ? "  PRESUMED HARMFUL" : "");
}

/* A coalition with its market sides: all of them in the long text, only
 * those presumed harmful in the short one (the others counted). */
static void
coalition_text(GString *out, const mkg_coalitions *c, size_t i, mkg__labels *l, bool detail)
{
	size_t n = mkg_coalitions_market_count(c, i), other = 0;

	g_string_append(out, "\n  ");
	coalition_title(out, c, i, l);
	g_string_append(out, mkg_coalitions_presumed_harmful(c, i) ? ": presumed harmful\n"
	                                                           : "\n");
	if (n == 0)
		g_string_append(out, "    its members trade in no market\n");
	for (size_t k = 0; k < n; k++) {
		const mkg_coalition_market *row = mkg_coalitions_market_at(c, i, k);
		if (detail || row->presumed_harmful)
			coalition_row(out, l, row);
		else
			other++;
	}
	if (other > 0)
		g_string_append_printf(out, "    %zu market side%s where it would not be presumed "
		                       "harmful%s\n", other, other == 1 ? "" : "s",
		                       other == n ? "" : " (the long text lists them)");
}

void
mkg__coalitions_text(GString *out, const mkg_coalitions *c, mkg__labels *l, bool detail)
{
	size_t harmful = 0;

	if (mkg_coalitions_count(c) == 0)
		return;
	for (size_t i = 0; i < mkg_coalitions_count(c); i++)
		harmful += (size_t)mkg_coalitions_presumed_harmful(c, i);
	mkg__text_heading(out, "Coalitions: members counted as one firm");
	if (harmful == 0)
		g_string_append(out, "None would be presumed harmful acting as one firm (2023 US "
		                     "Merger Guidelines).\n");
	else
		g_string_append_printf(out, "%zu %s would be presumed to harm competition acting as "
		                       "one firm (2023 US Merger Guidelines, section 2.1: HHI change "
		                       "above 100 and HHI after above 1,800 or a combined share above "
		                       "30%%).\n", harmful, harmful == 1 ? "group" : "groups");
	/* harmful first, each part in the result's order: each coalition once */
	for (int pass = 1; pass >= 0; pass--)
		for (size_t i = 0; i < mkg_coalitions_count(c); i++)
			if (mkg_coalitions_presumed_harmful(c, i) == pass)
				coalition_text(out, c, i, l, detail);
}

/* ---- dependency ------------------------------------------------------------ */

static gint
sales_share_desc(gconstpointer a, gconstpointer b)
{
	const mkg_actor_dependency *x = *(const mkg_actor_dependency *const *)a;
	const mkg_actor_dependency *y = *(const mkg_actor_dependency *const *)b;

	if (x->sales_share != y->sales_share)
		return x->sales_share > y->sales_share ? -1 : 1;
	return strcmp(x->actor, y->actor);
}

void
mkg__dependency_text(GString *out, const mkg_dependency *d, mkg__labels *l, bool detail)
{
	const size_t rows = detail ? TEXT_ROWS : SHORT_ROWS;
	char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];
	size_t pairs = mkg_dependency_pair_count(d), shown = 0;
	GPtrArray *dependent = g_ptr_array_new();

	mkg__text_heading(out, "Dependency");
	if (mkg_dependency_excluded(d) > 0)
		g_string_append_printf(out, "%zu transaction%s without a %s left out.\n",
		                       mkg_dependency_excluded(d),
		                       mkg_dependency_excluded(d) == 1 ? "" : "s",
		                       mkg_measure_name(mkg_dependency_measure(d)));

	/* sellers that sell half or more to one buyer, most dependent first */
	for (size_t i = 0; i < mkg_dependency_actor_count(d); i++) {
		const mkg_actor_dependency *row = mkg_dependency_actor_at(d, i);
		if (row->top_buyer != NULL && row->sales_share >= 0.5)
			g_ptr_array_add(dependent, (gpointer)row);
	}
	g_ptr_array_sort(dependent, sales_share_desc);
	if (dependent->len == 0) {
		g_string_append(out, "No actor sells half or more of what it sells to one buyer.\n");
	} else {
		g_string_append(out, "Actors selling half or more to one buyer:\n");
		g_string_append(out, "     sales  actor -> its largest buyer\n");
		for (guint k = 0; k < dependent->len && k < rows; k++) {
			const mkg_actor_dependency *row = g_ptr_array_index(dependent, k);
			g_string_append_printf(out, "    %6s  %s -> %s\n", percent(a, row->sales_share),
			                       mkg__label(l, row->actor), mkg__label(l, row->top_buyer));
		}
		if (dependent->len > rows)
			g_string_append_printf(out, "    (%zu more)\n", (size_t)dependent->len - rows);
	}
	g_ptr_array_free(dependent, TRUE);

	if (pairs == 0)
		return;
	g_string_append(out, "\nMost unequal trading pairs (the seller depends on the buyer more\n"
	                     "than the buyer on the seller):\n");
	g_string_append(out, "    seller's sales  buyer's purchases  asymmetry  seller -> buyer\n");
	for (size_t i = 0; i < pairs && shown < rows; i++) {
		const mkg_pair_dependency *row = mkg_dependency_pair_at(d, i);
		if (!(row->asymmetry > 0.0))
			break;
		g_string_append_printf(out, "    %14s  %17s  %9s  %s -> %s",
		                       percent(a, row->seller_dependency),
		                       percent(b, row->buyer_dependency),
		                       fmt(c, "%+.2f", row->asymmetry), mkg__label(l, row->seller),
		                       mkg__label(l, row->buyer));
		if (row->level != NULL && strcmp(row->level, MKG_FARM_GATE_LEVEL) == 0)
			g_string_append(out, " (farm gate)");
		g_string_append_c(out, '\n');
		shown++;
	}
	if (shown == 0)
		g_string_append(out, "    none: no seller depends on a buyer more than the reverse\n");
	else if (pairs > shown)
		g_string_append_printf(out, "    (%zu pairs in all; the JSON report lists every one)\n",
		                       pairs);
}
