/* marketgraph: the report's summary, the findings that matter with their
 * numbers (findings-private.h), computed once from the report's results.
 * Each finding is one line; a topic with nothing to say is left out.
 * SPDX-License-Identifier: MIT */
#include "findings-private.h"
#include "marketgraph/bottlenecks.h"
#include "marketgraph/channels.h"
#include "marketgraph/compare.h"

#include <string.h>

/* A channel below this share of a chain's volume is not singled out. */
#define MINOR_CHANNEL_SHARE 0.05
/* Records named in a finding before "and N more". */
#define NAMED_IDS 2

/* The topics, in the summary's order: the order a practitioner asks in:
 * who buys from the farmers, who could fix prices, who depends on whom,
 * what limits delivery, what the farmers get, then the programmes.  Each
 * reads one section's results, so that a writer can gather it as soon as
 * the section is computed (mkg__findings_add).  "periods" comes first: it
 * says which of the numbers below add several periods up. */
static const char *const topics[] = {
	"periods", "farm_gate", "coalitions", "dependence", "captive", "deliverable",
	"farmer_share", "exit", "payers", "competing",
};
#define TOPIC_COUNT G_N_ELEMENTS(topics)

struct mkg__findings {
	char *line[TOPIC_COUNT]; /* NULL: nothing to say (yet) */
	bool periods_counted;    /* the model's periods read once, by the first section */
};

typedef struct ctx {
	const mkg__findings_input *in;
	mkg__findings *f;
	mkg__labels l;
	GString *line;
} ctx;

/* The line built in c->line becomes the topic's finding. */
static void
emit(ctx *c, const char *topic)
{
	for (size_t i = 0; i < TOPIC_COUNT; i++)
		if (strcmp(topics[i], topic) == 0) {
			g_free(c->f->line[i]);
			c->f->line[i] = g_strdup(c->line->str);
		}
	g_string_truncate(c->line, 0);
}

static void
finding_free(gpointer p)
{
	mkg__finding *f = p;

	g_free(f->text);
	g_free(f);
}

static const char *
id(ctx *c, const char *s)
{
	return mkg__text(&c->l, s);
}

/* " t" for a unit, "" for none. */
static void
unit(GString *out, ctx *c, const char *u)
{
	if (u != NULL)
		g_string_append_printf(out, " %s", id(c, u));
}

static const mkg_actor_rec *
actor(ctx *c, const char *actor_id)
{
	mkg_idx i = mkg__model_actor_lookup(c->in->model, actor_id);

	return i == MKG_IDX_NONE ? NULL : MKG_ACTOR(c->in->model, i);
}

static bool
is_end_market(ctx *c, const char *actor_id)
{
	const mkg_actor_rec *a = actor(c, actor_id);

	return a != NULL && a->kind == MKG_ACTOR_END_MARKET;
}

/* ---- threshold bands ------------------------------------------------------ */

const char *
mkg__band_source(const mkg_thresholds *t, mkg_concentration_class cls, bool full)
{
	if (cls != MKG_CLASS_HIGHLY_CONCENTRATED && cls != MKG_CLASS_MODERATELY_CONCENTRATED &&
	    cls != MKG_CLASS_UNCONCENTRATED)
		return NULL;
	if (t->name != NULL && strcmp(t->name, "us2023") == 0) {
		/* The 2023 guidelines (section 2.1) define only "highly
		 * concentrated"; the lower bands are those of 1982 and 1992
		 * (section 1.51), which the DOJ's HHI page keeps. */
		if (cls == MKG_CLASS_HIGHLY_CONCENTRATED)
			return full ? t->source : "2023 US Merger Guidelines";
		return full ? "U.S. DOJ Merger Guidelines (1982) and DOJ & FTC Horizontal Merger "
		              "Guidelines (1992), section 1.51, as the DOJ's HHI page keeps them"
		            : "1982/1992 US Merger Guidelines";
	}
	if (full && t->source != NULL)
		return t->source;
	return t->name != NULL ? t->name : "custom thresholds";
}

const char *
mkg__band_words(char buf[64], const mkg_thresholds *t, mkg_concentration_class cls)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE];

	mkg__human_amount(a, t->moderate);
	mkg__human_amount(b, t->high);
	switch (cls) {
	case MKG_CLASS_HIGHLY_CONCENTRATED: g_snprintf(buf, 64, "above %s", b); break;
	case MKG_CLASS_MODERATELY_CONCENTRATED: g_snprintf(buf, 64, "%s to %s", a, b); break;
	case MKG_CLASS_UNCONCENTRATED: g_snprintf(buf, 64, "below %s", a); break;
	default: buf[0] = '\0'; break;
	}
	return buf;
}

static const char *
class_words(mkg_concentration_class cls)
{
	switch (cls) {
	case MKG_CLASS_HIGHLY_CONCENTRATED: return "highly concentrated";
	case MKG_CLASS_MODERATELY_CONCENTRATED: return "moderately concentrated";
	case MKG_CLASS_UNCONCENTRATED: return "unconcentrated";
	default: return "";
	}
}

/* "native-potato 2012", with the region when markets are split by one. */
static void
market(GString *out, ctx *c, const char *commodity, const char *period, const char *region)
{
	g_string_append(out, id(c, commodity));
	if (period != NULL)
		g_string_append_printf(out, " %s", id(c, period));
	if (region != NULL)
		g_string_append_printf(out, " (%s)", id(c, region));
}

/* ---- periods -------------------------------------------------------------- */

/* Markets are per period, but dependency, bottlenecks, value and channels
 * trace one graph of every transaction: in a model of several years they
 * mix the years, which the reader must know before reading their numbers. */
static void
periods(ctx *c)
{
	const mkg__findings_input *in = c->in;
	mkg_periods *p = NULL;
	size_t n;

	if (in->model == NULL || (in->dependency == NULL && in->bottlenecks == NULL &&
	                          in->channels == NULL))
		return;
	if (c->f->periods_counted)
		return;
	c->f->periods_counted = true;
	if (mkg_periods_new(&p, in->model) != MKG_OK)
		return; /* out of memory: the summary goes without */
	n = mkg_periods_count(p);
	if (n > 1) {
		g_string_append_printf(c->line, "%zu periods in one model (", n);
		for (size_t i = 0; i < n && i < 3; i++) {
			const char *period = mkg_periods_at(p, i);

			g_string_append_printf(c->line, "%s%s", i ? ", " : "",
			                       period ? id(c, period) : "no period");
		}
		g_string_append_printf(c->line, "%s): markets are per period, but dependency, "
		                       "bottlenecks, value and channels read every period's "
		                       "transactions together (--by-period separates them)",
		                       n > 3 ? ", ..." : "");
		emit(c, "periods");
	}
	mkg_periods_free(p);
}

/* ---- farm gate ------------------------------------------------------------ */

static bool
farm_gate_goods(const mkg__conc_market *cm)
{
	return cm->pub.level != NULL && !cm->pub.service &&
	       strcmp(cm->pub.level, MKG_FARM_GATE_LEVEL) == 0 &&
	       cm->side[MKG_SIDE_BUYER].actors > 0;
}

/* The farm-gate market with the largest total: the one the story is about;
 * how many others there are. */
static void
farm_gate(ctx *c)
{
	const mkg_concentration *conc = c->in->concentration;
	const mkg__conc_market *best = NULL;
	const mkg_market_side *s;
	const mkg_firm_share *top = NULL;
	char a[MKG_DOUBLE_BUFSIZE], band[64];
	size_t n = 0;

	if (conc == NULL || conc->levels == MKG_LEVELS_POOLED)
		return;
	for (size_t i = 0; i < conc->count; i++) {
		const mkg__conc_market *cm = &conc->markets[i];
		if (!farm_gate_goods(cm))
			continue;
		n++;
		if (best == NULL || cm->side[MKG_SIDE_BUYER].total > best->side[MKG_SIDE_BUYER].total)
			best = cm;
	}
	if (best == NULL)
		return;
	s = &best->side[MKG_SIDE_BUYER];
	g_string_append(c->line, "Farm gate, ");
	market(c->line, c, best->pub.commodity, best->pub.period, best->pub.region);
	if (s->concentration == MKG_CLASS_FRINGE) {
		g_string_append(c->line, ": every buyer is a competitive fringe (no HHI)");
	} else {
		g_string_append_printf(c->line, ": buyer HHI %s, %s (%s: %s)",
		                       mkg__human_integer(a, s->hhi, false),
		                       class_words(s->concentration),
		                       mkg__band_words(band, c->in->thresholds, s->concentration),
		                       mkg__band_source(c->in->thresholds, s->concentration, false));
		for (size_t k = 0; k < s->actors && top == NULL; k++)
			if (!s->shares[k].fringe)
				top = &s->shares[k];
		if (top != NULL) {
			g_string_append_printf(c->line, "; %s", id(c, top->actor));
			if (top->firms > 1)
				g_string_append_printf(c->line, " (%s firms)",
				                       mkg__human_count(a, top->firms));
			g_string_append_printf(c->line, " buys %s", mkg__human_percent(a, top->share));
		}
	}
	if (n > 1)
		g_string_append_printf(c->line, " (%zu farm-gate markets)", n);
	emit(c, "farm_gate");
}

/* ---- coalitions ----------------------------------------------------------- */

/* The harmful row to show: a farm-gate buyer row first, else the first. */
static const mkg_coalition_market *
harmful_row(const mkg_coalitions *co, size_t i)
{
	const mkg_coalition_market *first = NULL;

	for (size_t k = 0; k < mkg_coalitions_market_count(co, i); k++) {
		const mkg_coalition_market *row = mkg_coalitions_market_at(co, i, k);
		if (!row->presumed_harmful)
			continue;
		if (row->side == MKG_SIDE_BUYER && row->level != NULL &&
		    strcmp(row->level, MKG_FARM_GATE_LEVEL) == 0)
			return row;
		if (first == NULL)
			first = row;
	}
	return first;
}

static void
coalitions(ctx *c)
{
	const mkg_coalitions *co = c->in->coalitions;
	size_t n = co ? mkg_coalitions_count(co) : 0, harmful = 0, shown = SIZE_MAX;
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], d[MKG_DOUBLE_BUFSIZE];

	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++)
		if (mkg_coalitions_presumed_harmful(co, i)) {
			if (shown == SIZE_MAX)
				shown = i;
			harmful++;
		}
	if (harmful == 0) {
		g_string_append_printf(c->line, "No group presumed harmful acting as one firm "
		                       "(2023 US Merger Guidelines; %zu group%s tested)", n,
		                       n == 1 ? "" : "s");
	} else {
		const mkg_coalition_market *row = harmful_row(co, shown);
		const char *group = mkg_coalitions_group(co, shown);

		g_string_append_printf(c->line, "Presumed harmful as one firm (2023 US Merger "
		                       "Guidelines): %s", group ? id(c, group) : "the coalition tested");
		g_string_append_printf(c->line, " (%zu members)", mkg_coalitions_member_count(co, shown));
		if (row == NULL) { /* a harmful coalition has a harmful row: never */
			emit(c, "coalitions");
			return;
		}
		g_string_append(c->line, ", ");
		market(c->line, c, row->commodity, row->period, row->region);
		if (row->level != NULL && strcmp(row->level, MKG_FARM_GATE_LEVEL) == 0)
			g_string_append(c->line, " farm-gate");
		else if (row->level != NULL)
			g_string_append_printf(c->line, " %s-level", id(c, row->level));
		g_string_append_printf(c->line, " %s %s, HHI %s -> %s",
		                       row->side == MKG_SIDE_BUYER ? "buyers" : "sellers",
		                       mkg__human_percent(a, row->share),
		                       mkg__human_integer(b, row->hhi_before, false),
		                       mkg__human_integer(d, row->hhi_after, false));
		if (harmful > 1)
			g_string_append_printf(c->line, "; %zu groups in all", harmful);
	}
	emit(c, "coalitions");
}

/* ---- producers dependent on one buyer ------------------------------------- */

static void
dependence(ctx *c)
{
	const mkg_dependency *d = c->in->dependency;
	GHashTable *by_buyer;
	size_t producers = 0, dependent = 0, most = 0;
	int64_t households = 0;
	bool any_households = false, households_fit = true;
	double sales = 0, dependent_sales = 0, highest = 0;
	const char *main_buyer = NULL;
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], e[MKG_DOUBLE_BUFSIZE];

	if (d == NULL)
		return;
	by_buyer = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t i = 0; i < mkg_dependency_actor_count(d); i++) {
		const mkg_actor_dependency *row = mkg_dependency_actor_at(d, i);
		const mkg_actor_rec *p = actor(c, row->actor);
		size_t k;

		if (p == NULL || p->kind != MKG_ACTOR_PRODUCER || !(row->sales > 0) ||
		    row->top_buyer == NULL)
			continue;
		producers++;
		sales += row->sales;
		if (row->sales_share > highest)
			highest = row->sales_share;
		if (!(row->sales_share >= 0.5))
			continue;
		dependent++;
		dependent_sales += row->sales;
		/* a sum past INT64_MAX is the inclusiveness section's error, but the
		 * streamed text reads this section before that one fails */
		if (p->households >= 0 && !mkg__count_add(&households, p->households))
			households_fit = false;
		any_households |= p->households >= 0;
		k = GPOINTER_TO_SIZE(g_hash_table_lookup(by_buyer, row->top_buyer)) + 1;
		g_hash_table_insert(by_buyer, (gpointer)row->top_buyer, GSIZE_TO_POINTER(k));
		/* ties: the buyer first in id order, whatever the hash's order */
		if (k > most || (k == most && main_buyer != NULL &&
		                 strcmp(row->top_buyer, main_buyer) < 0)) {
			most = k;
			main_buyer = row->top_buyer;
		}
	}
	g_hash_table_destroy(by_buyer);
	if (producers == 0)
		return;
	if (dependent == 0) {
		g_string_append_printf(c->line, "No producer sells half or more to one buyer "
		                       "(at most %s)", mkg__human_percent(a, highest));
	} else {
		g_string_append_printf(c->line, "Producers selling half or more to one buyer: "
		                       "%zu of %zu (", dependent, producers);
		if (any_households && households_fit)
			g_string_append_printf(c->line, "%s households, ",
			                       mkg__human_count(a, households));
		g_string_append(c->line, mkg__human_amount(b, dependent_sales));
		unit(c->line, c, c->in->measure_unit);
		g_string_append_printf(c->line, ", %s of producers' sales)",
		                       mkg__human_percent(e, dependent_sales / sales));
		if (dependent == 1)
			g_string_append_printf(c->line, "; to %s", id(c, main_buyer));
		else
			g_string_append_printf(c->line, "; %s%zu to %s",
			                       most == dependent ? "all " : "", most,
			                       id(c, main_buyer));
	}
	emit(c, "dependence");
}

/* ---- captive producers ---------------------------------------------------- */

static void
captive(ctx *c)
{
	const mkg_bottlenecks *b = c->in->bottlenecks;
	const mkg_captive *best = NULL;
	const mkg_chain *best_chain = NULL;
	size_t best_i = 0, holders = 0;
	int64_t households = 0;
	bool any_households = false, households_fit = true;
	char a[MKG_DOUBLE_BUFSIZE];

	if (b == NULL)
		return;
	/* the captor (not an end market: the only outlet is no captor) with
	 * the largest captive supply over the chains */
	for (size_t ch = 0; ch < mkg_bottlenecks_chain_count(b); ch++) {
		const mkg_captive *cap = mkg_bottlenecks_captive(b, ch);
		for (size_t i = 0; i < mkg_captive_count(cap); i++) {
			const mkg_captive_actor *x = mkg_captive_at(cap, i);
			if (is_end_market(c, x->actor))
				continue;
			holders++;
			if (best == NULL || x->supply > mkg_captive_at(best, best_i)->supply) {
				best = cap;
				best_i = i;
				best_chain = mkg_bottlenecks_chain_at(b, ch);
			}
		}
	}
	if (best == NULL) {
		if (mkg_bottlenecks_chain_count(b) > 0)
			g_string_append(c->line, "No trader or processor holds producers captive "
			                         "(each has another route to an end market)");
		if (c->line->len > 0)
			emit(c, "captive");
		return;
	}
	{
		const mkg_captive_actor *x = mkg_captive_at(best, best_i);
		for (size_t j = 0; j < x->producers; j++) {
			const mkg_actor_rec *p = actor(c, mkg_captive_producer_at(best, best_i, j));
			if (p != NULL && p->households >= 0) {
				households_fit &= mkg__count_add(&households, p->households);
				any_households = true;
			}
		}
		g_string_append_printf(c->line, "Captive: %zu producer%s (", x->producers,
		                       x->producers == 1 ? "" : "s");
		if (any_households && households_fit)
			g_string_append_printf(c->line, "%s households, ",
			                       mkg__human_count(a, households));
		g_string_append_printf(c->line, "supply %s", mkg__human_amount(a, x->supply));
		unit(c->line, c, best_chain->unit);
		g_string_append_printf(c->line, ") reach%s end markets only through %s",
		                       x->producers == 1 ? "es" : "", id(c, x->actor));
		if (holders > 1)
			g_string_append_printf(c->line, "; %zu actors hold producers captive", holders);
	}
	emit(c, "captive");
}

/* ---- deliverable flow ----------------------------------------------------- */

/* The actor a binding constraint is about: the buyer of a link. */
static const char *
binding_actor(const mkg_binding *x)
{
	return x->type == MKG_BINDING_TRANSACTION ? x->buyer : x->actor;
}

static void
binding_text(ctx *c, const mkg_flow *f, const char *u)
{
	size_t n = mkg_flow_binding_count(f);
	const mkg_binding *first = mkg_flow_binding_at(f, 0);
	bool same_actor = true, same_type = true;
	double sum = 0;
	char a[MKG_DOUBLE_BUFSIZE];

	for (size_t i = 0; i < n; i++) {
		const mkg_binding *x = mkg_flow_binding_at(f, i);
		same_actor = same_actor && strcmp(binding_actor(x), binding_actor(first)) == 0;
		same_type = same_type && x->type == first->type;
		sum += x->capacity;
	}
	g_string_append(c->line, "; binding: ");
	if (n > 1 && same_actor && same_type && first->type == MKG_BINDING_TRANSACTION) {
		g_string_append_printf(c->line, "%zu links to %s (capacities %s", n,
		                       id(c, first->buyer), mkg__human_amount(a, sum));
		unit(c->line, c, u);
		g_string_append_c(c->line, ')');
		return;
	}
	switch (first->type) {
	case MKG_BINDING_ACTOR:
		g_string_append_printf(c->line, "capacity of %s", id(c, first->actor));
		break;
	case MKG_BINDING_DEMAND:
		g_string_append_printf(c->line, "demand of %s", id(c, first->actor));
		break;
	case MKG_BINDING_TRANSACTION:
		g_string_append_printf(c->line, "link %s", id(c, first->seller));
		g_string_append_printf(c->line, " -> %s", id(c, first->buyer));
		break;
	}
	g_string_append_printf(c->line, " (%s", mkg__human_amount(a, first->capacity));
	unit(c->line, c, u);
	g_string_append_c(c->line, ')');
	if (n > 1)
		g_string_append_printf(c->line, " and %zu more", n - 1);
}

static void
deliverable(ctx *c)
{
	const mkg_bottlenecks *b = c->in->bottlenecks;
	const mkg_flow *best = NULL;
	const mkg_chain *chain = NULL;
	size_t with_supply = 0;
	char a[MKG_DOUBLE_BUFSIZE], d[MKG_DOUBLE_BUFSIZE];

	if (b == NULL)
		return;
	for (size_t i = 0; i < mkg_bottlenecks_chain_count(b); i++) {
		const mkg_flow *f = mkg_bottlenecks_flow(b, i);
		if (!(mkg_flow_total_supply(f) > 0))
			continue;
		with_supply++;
		if (best == NULL || mkg_flow_total_supply(f) > mkg_flow_total_supply(best)) {
			best = f;
			chain = mkg_bottlenecks_chain_at(b, i);
		}
	}
	if (best == NULL)
		return;
	g_string_append_printf(c->line, "Deliverable: %s of the %s",
	                       mkg__human_percent(a, mkg_flow_deliverable_share(best)),
	                       mkg__human_amount(d, mkg_flow_total_supply(best)));
	unit(c->line, c, chain->unit);
	g_string_append_printf(c->line, " of %s supplied can reach end markets",
	                       id(c, chain->commodity));
	if (mkg_flow_binding_count(best) > 0)
		binding_text(c, best, chain->unit);
	else if (mkg_flow_deliverable_share(best) < 1)
		g_string_append(c->line, "; no capacity binds: the rest has no route to an end "
		                         "market");
	if (with_supply > 1)
		g_string_append_printf(c->line, " (%zu chains)", with_supply);
	emit(c, "deliverable");
}

/* ---- farmer's share by channel -------------------------------------------- */

static void
channel_text(ctx *c, const mkg_channel *ch)
{
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE];

	g_string_append_printf(c->line, "%s %s (%s of volume)", ch->kinds,
	                       mkg__human_percent(a, ch->farmer_share),
	                       mkg__human_percent(b, ch->share));
}

static void
farmer_share(ctx *c)
{
	const mkg_channels *cs = c->in->channels;
	size_t best = SIZE_MAX, n, pick[3], picked = 0;
	const mkg_channel_chain *chain;
	char a[MKG_DOUBLE_BUFSIZE];

	if (cs == NULL)
		return;
	for (size_t i = 0; i < mkg_channels_chain_count(cs); i++) {
		const mkg_channel_chain *ch = mkg_channels_chain_at(cs, i);
		if (ch->producer_share != ch->producer_share)
			continue;
		if (best == SIZE_MAX || ch->flow > mkg_channels_chain_at(cs, best)->flow)
			best = i;
	}
	if (best == SIZE_MAX)
		return;
	chain = mkg_channels_chain_at(cs, best);
	n = mkg_channels_channel_count(cs, best);
	/* the largest channel, then the best and the worst paid of the others
	 * that carry a fair part of the volume */
	for (int pass = 0; pass < 3; pass++) {
		size_t choice = SIZE_MAX;
		for (size_t j = 0; j < n; j++) {
			const mkg_channel *ch = mkg_channels_channel_at(cs, best, j);
			bool taken = false;
			for (size_t k = 0; k < picked; k++)
				taken = taken || pick[k] == j;
			if (taken || ch->farmer_share != ch->farmer_share ||
			    strcmp(ch->kinds, "other") == 0)
				continue;
			if (pass > 0 && ch->share < MINOR_CHANNEL_SHARE)
				continue;
			if (choice == SIZE_MAX) {
				choice = j;
				if (pass == 0)
					break; /* by volume: the first is the largest */
				continue;
			}
			{
				double x = ch->farmer_share;
				double y = mkg_channels_channel_at(cs, best, choice)->farmer_share;
				if (pass == 1 ? x > y : x < y)
					choice = j;
			}
		}
		if (choice != SIZE_MAX)
			pick[picked++] = choice;
	}
	g_string_append_printf(c->line, "Farmer's share of the end price, %s: %s overall",
	                       id(c, chain->commodity),
	                       mkg__human_percent(a, chain->producer_share));
	for (size_t k = 0; k < picked; k++) {
		g_string_append(c->line, k == 0 ? "; by channel: " : ", ");
		channel_text(c, mkg_channels_channel_at(cs, best, pick[k]));
	}
	emit(c, "farmer_share");
}

/* ---- exit readiness ------------------------------------------------------- */

static void
reasons_text(GString *out, unsigned int reasons)
{
	static const struct { unsigned int bit; const char *words; } words[] = {
		{ MKG_EXIT_REASON_NO_END, "no end date" },
		{ MKG_EXIT_REASON_NO_EXIT, "no exit strategy" },
		{ MKG_EXIT_REASON_UNFIT_SUCCESSOR, "successor is a programme or NGO" },
		{ MKG_EXIT_REASON_CONFLICTED_SUCCESSOR, "successor trades in the chain, not neutral" },
	};
	bool any = false;

	for (size_t i = 0; i < G_N_ELEMENTS(words); i++)
		if (reasons & words[i].bit) {
			g_string_append_printf(out, "%s%s", any ? ", " : "", words[i].words);
			any = true;
		}
	if (!any)
		g_string_append(out, "unplanned");
}

static void
exit_readiness(ctx *c)
{
	const mkg_exit_readiness *r = c->in->readiness;
	size_t n = r ? mkg_exit_readiness_count(r) : 0, unplanned = 0, named = 0;
	GHashTable *cost;
	double sum = 0;
	bool any_cost = false;
	char a[MKG_DOUBLE_BUFSIZE];

	if (n == 0)
		return;
	unplanned = mkg_exit_readiness_unplanned(r);
	if (unplanned == 0) {
		g_string_append_printf(c->line, "Exit: every temporary record (%zu) has a planned "
		                       "exit and a fit successor", n);
		emit(c, "exit");
		return;
	}
	cost = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t i = 0; c->in->payments && i < mkg_payments_count(c->in->payments); i++) {
		const mkg_payment_row *row = mkg_payments_at(c->in->payments, i);
		if (row->cost == row->cost)
			g_hash_table_insert(cost, (gpointer)row->record, (gpointer)&row->cost);
	}
	g_string_append_printf(c->line, "Exit: %zu of %zu temporary records %s no credible "
	                       "successor: ", unplanned, n, unplanned == 1 ? "has" : "have");
	for (size_t i = 0; i < n; i++) {
		const mkg_exit_plan *p = mkg_exit_readiness_at(r, i);
		const double *x;
		if (p->planned)
			continue;
		if ((x = g_hash_table_lookup(cost, p->record)) != NULL) {
			sum += *x;
			any_cost = true;
		}
		if (named < NAMED_IDS) {
			g_string_append_printf(c->line, "%s%s (", named ? "; " : "", id(c, p->record));
			reasons_text(c->line, p->reasons);
			g_string_append_c(c->line, ')');
		}
		named++;
	}
	g_hash_table_destroy(cost);
	if (named > NAMED_IDS)
		g_string_append_printf(c->line, " and %zu more", named - NAMED_IDS);
	if (any_cost) {
		g_string_append_printf(c->line, "; cost %s", mkg__human_amount(a, sum));
		unit(c->line, c, c->in->currency);
	}
	emit(c, "exit");
}

/* ---- who pays for facilitation -------------------------------------------- */

static bool
facilitator_kind(mkg_actor_kind k)
{
	return k == MKG_ACTOR_PROGRAMME || k == MKG_ACTOR_NGO || k == MKG_ACTOR_PUBLIC_AGENCY;
}

static void
payers(ctx *c)
{
	const mkg_payments *p = c->in->payments;
	double cost = 0, market = 0, producers = 0, programmes = 0, public = 0, unsaid = 0;
	char a[MKG_DOUBLE_BUFSIZE], b[MKG_DOUBLE_BUFSIZE], d[MKG_DOUBLE_BUFSIZE],
		e[MKG_DOUBLE_BUFSIZE];

	if (p == NULL)
		return;
	for (int t = 0; t < MKG_FACILITATION_TYPE_COUNT; t++) {
		const mkg_payment_total *tot = mkg_payments_total(p, (mkg_facilitation_type)t);
		if (tot == NULL)
			continue;
		cost += tot->cost;
		unsaid += tot->unallocated_amount;
		market += tot->embedded_amount; /* recovered in the price: the market pays */
		for (size_t k = 0; k < tot->payer_count; k++) {
			const mkg_payer *x = &tot->payers[k];
			if (!facilitator_kind(x->kind))
				market += x->amount;
			if (x->kind == MKG_ACTOR_PRODUCER)
				producers += x->amount;
			if (x->kind == MKG_ACTOR_PROGRAMME || x->kind == MKG_ACTOR_NGO)
				programmes += x->amount;
			if (x->kind == MKG_ACTOR_PUBLIC_AGENCY)
				public += x->amount;
		}
	}
	if (!(cost > 0))
		return;
	g_string_append_printf(c->line, "Facilitation cost %s", mkg__human_amount(a, cost));
	unit(c->line, c, c->in->currency);
	g_string_append_printf(c->line, ": market actors pay %s (producers %s), programmes and "
	                       "NGOs %s, the state %s",
	                       mkg__human_percent(a, market / cost),
	                       mkg__human_percent(b, producers / cost),
	                       mkg__human_percent(d, programmes / cost),
	                       mkg__human_percent(e, public / cost));
	if (unsaid > 0)
		g_string_append_printf(c->line, ", not said %s", mkg__human_percent(a, unsaid / cost));
	emit(c, "payers");
}

/* ---- competing programmes ------------------------------------------------- */

static void
competing(ctx *c)
{
	const mkg_competing *co = c->in->competing;
	size_t n = co ? mkg_competing_count(co) : 0, dup = 0;

	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++)
		dup += mkg_competing_at(co, i)->same_function != 0;
	g_string_append_printf(c->line, "Programmes meeting on the same actors: %zu pair%s of "
	                       "records, %zu with the same function", n, n == 1 ? "" : "s", dup);
	for (size_t i = 0, named = 0; i < n && named < NAMED_IDS; i++) {
		const mkg_competing_pair *x = mkg_competing_at(co, i);
		if (!x->same_function)
			continue;
		g_string_append_printf(c->line, "%s%s", named ? "; " : ": ", id(c, x->first));
		g_string_append_printf(c->line, " and %s", id(c, x->second));
		named++;
	}
	emit(c, "competing");
}

mkg__findings *
mkg__findings_new(void)
{
	return g_new0(mkg__findings, 1);
}

void
mkg__findings_add(mkg__findings *f, const mkg__findings_input *in)
{
	ctx c = { in, f, { NULL, NULL, NULL }, g_string_new(NULL) };

	c.l.labels = g_hash_table_new(g_str_hash, g_str_equal); /* ids, not labels */
	c.l.escaped = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	/* each returns at once when its results are not in `in` */
	periods(&c);
	farm_gate(&c);
	coalitions(&c);
	dependence(&c);
	captive(&c);
	deliverable(&c);
	farmer_share(&c);
	exit_readiness(&c);
	payers(&c);
	competing(&c);
	mkg__labels_clear(&c.l);
	g_hash_table_destroy(c.l.labels);
	g_string_free(c.line, TRUE);
}

GPtrArray *
mkg__findings_finish(mkg__findings *f)
{
	GPtrArray *rows = g_ptr_array_new_with_free_func(finding_free);

	for (size_t i = 0; i < TOPIC_COUNT; i++) {
		mkg__finding *row;

		if (f->line[i] == NULL)
			continue;
		if (rows->len >= MKG_SUMMARY_LINES) {
			g_free(f->line[i]);
			continue;
		}
		row = g_new(mkg__finding, 1);
		row->topic = topics[i];
		row->text = f->line[i]; /* handed over */
		g_ptr_array_add(rows, row);
	}
	g_free(f);
	return rows;
}

GPtrArray *
mkg__findings_compute(const mkg__findings_input *in)
{
	mkg__findings *f = mkg__findings_new();

	mkg__findings_add(f, in);
	return mkg__findings_finish(f);
}
