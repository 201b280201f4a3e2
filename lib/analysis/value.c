/* marketgraph: value distribution (analyses.md, 4).
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <string.h>

struct mkg_value {
	GStringChunk *strings;
	const char *currency, *volume_unit;
	size_t excluded, actors_with_costs;
	double chain_value_added, chain_costs, chain_net_margin, end_market_purchases, transfers;
	size_t actor_count, kind_count, commodity_count, producer_share_count;
	mkg_actor_value *actors;
	mkg_kind_value *kinds;
	mkg_commodity_prices *commodities;
	mkg_stage_price *stages;        /* every commodity's stages, one slice each */
	mkg_producer_share *producer_shares;
	GArray *levels;                 /* mkg_level_value, by level name */
	GArray *tags;                   /* mkg_tag_value */
	GArray *tag_shares;             /* mkg_tag_share */
};

/* Sums of one seller kind (or of the end-market buyers) for one commodity. */
typedef struct price_sum {
	size_t transactions;
	double volume, value;
} price_sum;

/* Per commodity: one sum per seller kind, and the end markets' purchases. */
typedef struct commodity_sums {
	const char *commodity; /* interned in the model */
	price_sum by_seller[MKG_ACTOR_KIND_COUNT];
	price_sum end_market;
} commodity_sums;

/* Per actor, while the result is computed (index: the model's actor index). */
typedef struct actor_sums {
	double sales, purchases, costs, paid, received;
	uint8_t seen;
} actor_sums;

static int
cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return (a > b) - (a < b);
}

/*
 * G = sum_i sum_j |x_i - x_j| / (2 n^2 mean).  On the sorted values this is
 * sum_i (2i - n + 1) x_(i) / (n sum x) (i from 0), which takes O(n log n).
 */
double
mkg__gini(double *x, size_t n)
{
	double sum = 0, weighted = 0, scale = 0;

	/* The ratio does not change when every x is divided by the largest
	 * |x|; divided, neither sum can overflow, whatever the amounts. */
	for (size_t i = 0; i < n; i++)
		scale = fmax(scale, fabs(x[i]));
	if (!(scale > 0))
		return MKG_ABSENT;
	for (size_t i = 0; i < n; i++)
		sum += x[i] / scale;
	if (!(sum > 0))
		return MKG_ABSENT;
	qsort(x, n, sizeof(double), cmp_double);
	for (size_t i = 0; i < n; i++)
		weighted += (2.0 * (double)i - (double)n + 1.0) * (x[i] / scale);
	return weighted / ((double)n * sum);
}

/* An income x shared by w households. */
typedef struct weighted {
	double x, w;
} weighted;

static int
cmp_weighted(const void *pa, const void *pb)
{
	return cmp_double(&((const weighted *)pa)->x, &((const weighted *)pb)->x);
}

/*
 * The Gini coefficient over households: unit i stands for w_i households
 * with income x_i each.  G = sum_i sum_j w_i w_j |x_i - x_j| / (2 W S), W
 * the households, S = sum w x; on the sorted values it is
 * sum_i w_i x_i (2 C_i + w_i - W) / (W S), C_i the households before i
 * (with every w = 1, mkg__gini).  NaN when S <= 0.
 */
static double
gini_weighted(weighted *u, size_t n)
{
	double scale = 0, total = 0, sum = 0, before = 0, acc = 0;

	for (size_t i = 0; i < n; i++) {
		scale = fmax(scale, fabs(u[i].x));
		total += u[i].w;
	}
	if (!(scale > 0) || !(total > 0))
		return MKG_ABSENT;
	for (size_t i = 0; i < n; i++)
		sum += u[i].w / total * (u[i].x / scale);
	if (!(sum > 0))
		return MKG_ABSENT;
	qsort(u, n, sizeof *u, cmp_weighted);
	for (size_t i = 0; i < n; i++) {
		double wi = u[i].w / total;

		acc += wi * (u[i].x / scale) * (2.0 * before + wi - 1.0);
		before += wi;
	}
	return acc / sum;
}

/* The Gini of a set of actors' net margins: over their households when
 * every one gives households > 0, else over the actors; undefined for fewer
 * than two actors (one actor's households are taken as equal: the Gini of
 * one actor would be a 0 the data cannot show). */
static double
gini_of(weighted *u, size_t n, bool all_households, mkg_gini_over *over, size_t *units)
{
	double g;

	*over = MKG_GINI_UNDEFINED;
	*units = 0;
	if (n < 2)
		return MKG_ABSENT;
	if (all_households) {
		double households = 0;

		for (size_t i = 0; i < n; i++) {
			households += u[i].w;
			u[i].x /= u[i].w;
		}
		g = gini_weighted(u, n);
		*units = (size_t)households;
	} else {
		for (size_t i = 0; i < n; i++)
			u[i].w = 1;
		g = gini_weighted(u, n);
		*units = n;
	}
	if (g != g) {
		*units = 0;
		return MKG_ABSENT;
	}
	*over = all_households ? MKG_GINI_HOUSEHOLDS : MKG_GINI_ACTORS;
	return g;
}

/* The transfer commodities (fees, levies, taxes), interned ids: a
 * transaction of one moves money, not value. */
static GHashTable *
transfer_set(const mkg_model *m)
{
	GHashTable *set = g_hash_table_new(g_direct_hash, g_direct_equal);

	for (guint c = 0; c < m->commodities->len; c++)
		if (MKG_COMMODITY(m, c)->transfer)
			g_hash_table_add(set, (gpointer)MKG_COMMODITY(m, c)->id);
	return set;
}

static bool
is_transfer(GHashTable *transfers, const mkg_transaction_rec *t)
{
	return g_hash_table_size(transfers) > 0 && g_hash_table_contains(transfers, t->commodity);
}

/* The value of all transactions with one (every sale, purchase and value
 * added is a part of it, up to its sign), the value and volume of those the
 * prices use, and all the actors' costs. */
static int
check_sums(const mkg_model *m)
{
	double value = 0, priced_volume = 0, costs = 0;

	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		if (MKG_IS_ABSENT(t->value))
			continue;
		if (!mkg__sum_add(&value, t->value))
			return mkg__error(MKG_EDATA, "value: the value of all transactions overflows "
			                             "(sum of the transactions' value exceeds "
			                             MKG_SUM_LIMIT ")");
		if (!MKG_IS_ABSENT(t->volume) && !mkg__sum_add(&priced_volume, t->volume))
			return mkg__error(MKG_EDATA, "value: the volume of the transactions with a value "
			                             "overflows (sum of their volume exceeds "
			                             MKG_SUM_LIMIT ")");
	}
	for (guint i = 0; i < m->cost_pool->len; i++)
		if (!mkg__sum_add(&costs, MKG_POOL_COST(m, i)->amount))
			return mkg__error(MKG_EDATA, "value: the costs of all actors overflow (sum of "
			                             "the actors' costs exceeds " MKG_SUM_LIMIT ")");
	return MKG_OK;
}

static int
by_actor(const void *a, const void *b)
{
	return strcmp(((const mkg_actor_value *)a)->actor, ((const mkg_actor_value *)b)->actor);
}

static int
by_commodity(const void *a, const void *b)
{
	return strcmp((*(commodity_sums *const *)a)->commodity,
	              (*(commodity_sums *const *)b)->commodity);
}

/* Levels named after a kind first, in the format's order of kinds (the
 * farm gate first), then the others by name. */
static int
level_rank(const char *level)
{
	int k = 0;

	for (; k < MKG_ACTOR_KIND_COUNT; k++) {
		const char *name = mkg_actor_kind_name((mkg_actor_kind)k);

		if (name != NULL && strcmp(name, level) == 0)
			break;
	}
	return k;
}

static int
by_level(const void *a, const void *b)
{
	const char *x = ((const mkg_level_value *)a)->level, *y = ((const mkg_level_value *)b)->level;
	int rx = level_rank(x), ry = level_rank(y);

	return rx != ry ? (rx > ry) - (rx < ry) : strcmp(x, y);
}

/* Every actor's sales, purchases, transfers and costs. */
static actor_sums *
sum_actors(mkg_value *v, const mkg_model *m, GHashTable *transfers)
{
	guint na = m->actors->len;
	actor_sums *s = g_new0(actor_sums, na ? na : 1);

	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		if (MKG_IS_ABSENT(t->value)) {
			v->excluded++;
			continue;
		}
		s[t->seller].seen = s[t->buyer].seen = 1;
		if (is_transfer(transfers, t)) {
			s[t->seller].received += t->value;
			s[t->buyer].paid += t->value;
			v->transfers += t->value;
			continue;
		}
		s[t->seller].sales += t->value;
		s[t->buyer].purchases += t->value;
	}
	for (guint a = 0; a < na; a++) {
		const mkg_actor_rec *r = MKG_ACTOR(m, a);

		for (uint32_t k = 0; k < r->costs.count; k++)
			s[a].costs += MKG_POOL_COST(m, r->costs.first + k)->amount;
		if (r->costs.count > 0) {
			s[a].seen = 1;
			if (r->kind != MKG_ACTOR_END_MARKET)
				v->actors_with_costs++;
		}
	}
	return s;
}

static void
compute_actors(mkg_value *v, const mkg_model *m, const actor_sums *s)
{
	GArray *rows = g_array_new(FALSE, TRUE, sizeof(mkg_actor_value));

	for (guint a = 0; a < m->actors->len; a++) {
		const mkg_actor_rec *r = MKG_ACTOR(m, a);
		mkg_actor_value row;

		if (!s[a].seen)
			continue;
		if (r->kind == MKG_ACTOR_END_MARKET) {
			/* not a stage: what it pays is the chain's value added */
			v->end_market_purchases += s[a].purchases - s[a].sales;
			continue;
		}
		row.actor = mkg__keep(v->strings, r->id);
		row.kind = r->kind;
		row.sales = s[a].sales;
		row.purchases = s[a].purchases;
		row.value_added = s[a].sales - s[a].purchases;
		row.costs = s[a].costs;
		row.transfers_paid = s[a].paid;
		row.transfers_received = s[a].received;
		row.net_margin = row.value_added - row.costs - row.transfers_paid +
		                 row.transfers_received;
		row.households = r->households;
		row.income_per_household = r->households > 0
		                                   ? row.net_margin / (double)r->households
		                                   : MKG_ABSENT;
		v->chain_value_added += row.value_added;
		v->chain_costs += row.costs;
		v->chain_net_margin += row.net_margin;
		g_array_append_val(rows, row);
	}
	g_array_sort(rows, by_actor);
	v->actor_count = rows->len;
	v->actors = (mkg_actor_value *)(void *)g_array_free(rows, FALSE);
}

static double
share_of(double part, double whole)
{
	return whole > 0 ? part / whole : MKG_ABSENT;
}

static void
compute_kinds(mkg_value *v)
{
	mkg_kind_value sums[MKG_ACTOR_KIND_COUNT] = { 0 };
	double with_households[MKG_ACTOR_KIND_COUNT] = { 0 };
	size_t first[MKG_ACTOR_KIND_COUNT + 1] = { 0 };
	bool all_households[MKG_ACTOR_KIND_COUNT];
	weighted *units = g_new(weighted, v->actor_count ? v->actor_count : 1);
	size_t *order = g_new(size_t, v->actor_count ? v->actor_count : 1);

	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++)
		all_households[k] = true;
	for (size_t i = 0; i < v->actor_count; i++) {
		const mkg_actor_value *a = &v->actors[i];
		mkg_kind_value *k = &sums[a->kind];

		k->actors++;
		k->sales += a->sales;
		k->purchases += a->purchases;
		k->value_added += a->value_added;
		k->costs += a->costs;
		k->transfers_paid += a->transfers_paid;
		k->transfers_received += a->transfers_received;
		k->net_margin += a->net_margin;
		if (a->households > 0) {
			k->households += a->households;
			with_households[a->kind] += a->net_margin;
		} else {
			all_households[a->kind] = false;
		}
	}
	/* the actors by kind, in one counting pass (kinds are small integers) */
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++)
		first[k + 1] = first[k] + sums[k].actors;
	{
		size_t fill[MKG_ACTOR_KIND_COUNT];

		memcpy(fill, first, sizeof fill);
		for (size_t i = 0; i < v->actor_count; i++)
			order[fill[v->actors[i].kind]++] = i;
	}
	v->kinds = g_new0(mkg_kind_value, MKG_ACTOR_KIND_COUNT);
	for (int kind = 0; kind < MKG_ACTOR_KIND_COUNT; kind++) {
		mkg_kind_value *k = &v->kinds[v->kind_count];
		size_t n = 0;

		if (sums[kind].actors == 0)
			continue;
		*k = sums[kind];
		k->kind = (mkg_actor_kind)kind;
		k->share = share_of(k->value_added, v->chain_value_added);
		k->net_margin_share = share_of(k->net_margin, v->chain_net_margin);
		k->income_per_household = k->households > 0
		                                  ? with_households[kind] / (double)k->households
		                                  : MKG_ABSENT;
		for (size_t j = first[kind]; j < first[kind + 1]; j++) {
			const mkg_actor_value *a = &v->actors[order[j]];

			units[n].x = a->net_margin;
			units[n].w = a->households > 0 ? (double)a->households : 1;
			n++;
		}
		k->gini = gini_of(units, n, all_households[kind], &k->gini_over, &k->gini_units);
		v->kind_count++;
	}
	g_free(units);
	g_free(order);
}

/* Each actor's value added, costs and net margin spread over the levels it
 * sells at, in proportion to the value it sells at each. */
static void
compute_levels(mkg_value *v, const mkg_model *m, const actor_sums *s, GHashTable *transfers)
{
	GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *pairs = g_hash_table_new_full(mkg__pair_hash, g_int64_equal, g_free, NULL);

	v->levels = g_array_new(FALSE, TRUE, sizeof(mkg_level_value));
	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		const actor_sums *a = &s[t->seller];
		const char *level;
		mkg_level_value *row;
		gpointer pos;
		double part;
		gint64 pair;

		if (MKG_IS_ABSENT(t->value) || is_transfer(transfers, t) ||
		    MKG_ACTOR(m, t->seller)->kind == MKG_ACTOR_END_MARKET)
			continue;
		level = mkg__tx_level(m, t);
		pos = g_hash_table_lookup(index, level);
		if (pos == NULL) {
			mkg_level_value init = { mkg__keep(v->strings, level), 0, 0, 0, 0, 0, 0 };

			g_array_append_val(v->levels, init);
			pos = GUINT_TO_POINTER(v->levels->len);
			g_hash_table_insert(index, (gpointer)level, pos);
		}
		row = &g_array_index(v->levels, mkg_level_value, GPOINTER_TO_UINT(pos) - 1u);
		/* a seller counts once per level: the pair (level, seller) */
		pair = (gint64)((uint64_t)(GPOINTER_TO_UINT(pos) - 1u) << 32 | t->seller);
		if (!g_hash_table_contains(pairs, &pair)) {
			g_hash_table_add(pairs, g_memdup2(&pair, sizeof pair));
			row->sellers++;
		}
		row->sales += t->value;
		part = a->sales > 0 ? t->value / a->sales : 0;
		row->value_added += part * (a->sales - a->purchases);
		row->costs += part * a->costs;
		row->net_margin += part * (a->sales - a->purchases - a->costs - a->paid + a->received);
	}
	g_hash_table_destroy(pairs);
	g_hash_table_destroy(index);
	g_array_sort(v->levels, by_level);
	for (guint i = 0; i < v->levels->len; i++) {
		mkg_level_value *row = &g_array_index(v->levels, mkg_level_value, i);

		row->share = share_of(row->value_added, v->chain_value_added);
	}
}

static void
add_price(price_sum *s, const mkg_transaction_rec *t)
{
	s->transactions++;
	s->volume += t->volume;
	s->value += t->value;
}

/* Stage prices and producer shares, from transactions with a value and a
 * volume > 0, grouped by commodity (interned: hashed by pointer). */
static void
compute_prices(mkg_value *v, const mkg_model *m, GHashTable *transfers)
{
	GHashTable *index = g_hash_table_new(g_direct_hash, g_direct_equal);
	GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
	size_t stage_total = 0, s = 0;

	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		commodity_sums *c;

		if (MKG_IS_ABSENT(t->value) || MKG_IS_ABSENT(t->volume) || !(t->volume > 0) ||
		    is_transfer(transfers, t))
			continue;
		c = g_hash_table_lookup(index, t->commodity);
		if (c == NULL) {
			c = g_new0(commodity_sums, 1);
			c->commodity = t->commodity;
			g_hash_table_insert(index, (gpointer)t->commodity, c);
			g_ptr_array_add(list, c);
		}
		add_price(&c->by_seller[MKG_ACTOR(m, t->seller)->kind], t);
		if (MKG_ACTOR(m, t->buyer)->kind == MKG_ACTOR_END_MARKET)
			add_price(&c->end_market, t);
	}
	g_hash_table_destroy(index);
	g_ptr_array_sort(list, by_commodity);

	for (guint i = 0; i < list->len; i++)
		for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++)
			stage_total += ((commodity_sums *)list->pdata[i])->by_seller[k].transactions > 0;
	v->commodity_count = list->len;
	v->commodities = g_new0(mkg_commodity_prices, list->len ? list->len : 1);
	v->stages = g_new0(mkg_stage_price, stage_total ? stage_total : 1);
	v->producer_shares = g_new0(mkg_producer_share, list->len ? list->len : 1);
	for (guint i = 0; i < list->len; i++) {
		const commodity_sums *c = list->pdata[i];
		mkg_commodity_prices *row = &v->commodities[i];
		const price_sum *pp = &c->by_seller[MKG_ACTOR_PRODUCER];

		row->commodity = mkg__keep(v->strings, c->commodity);
		row->stages = &v->stages[s];
		for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++) {
			const price_sum *ps = &c->by_seller[k];
			mkg_stage_price *st = &v->stages[s];

			if (ps->transactions == 0)
				continue;
			st->seller_kind = (mkg_actor_kind)k;
			st->transactions = ps->transactions;
			st->volume = ps->volume;
			st->value = ps->value;
			st->price = ps->value / ps->volume;
			row->stage_count++;
			s++;
		}
		/* Only the same commodity at both ends: never potatoes against chips. */
		if (pp->transactions > 0 && c->end_market.transactions > 0) {
			mkg_producer_share *ps = &v->producer_shares[v->producer_share_count++];

			ps->commodity = row->commodity;
			ps->producer_price = pp->value / pp->volume;
			ps->end_market_price = c->end_market.value / c->end_market.volume;
			ps->share = ps->end_market_price > 0 ? ps->producer_price / ps->end_market_price
			                                     : MKG_ABSENT;
			ps->producer_volume = pp->volume;
			ps->end_market_volume = c->end_market.volume;
		}
	}
	g_ptr_array_free(list, TRUE);
}

#define RATIO_TAIL " exceeds " MKG_SUM_LIMIT ")"

/* The sums are finite, but a ratio of two of them need not be (a value
 * over a tiny volume, a value added over a chain's tiny total). */
static int
check_ratios(const mkg_value *v)
{
	if (isinf(v->chain_net_margin) || isinf(v->chain_value_added))
		return mkg__error(MKG_EDATA, "value: the chain's net margin overflows (value added "
		                             "- costs - transfers paid + received" RATIO_TAIL);
	for (size_t i = 0; i < v->actor_count; i++)
		if (isinf(v->actors[i].net_margin))
			return mkg__error(MKG_EDATA, "value: the net margin of \"%s\" overflows (value "
			                  "added - costs - transfers paid + received" RATIO_TAIL,
			                  v->actors[i].actor);
	for (guint i = 0; i < v->levels->len; i++)
		if (isinf(g_array_index(v->levels, mkg_level_value, i).share))
			return mkg__error(MKG_EDATA, "value: the share of level \"%s\" in the value "
			                  "added overflows (its value added / the chain's" RATIO_TAIL,
			                  g_array_index(v->levels, mkg_level_value, i).level);
	for (size_t i = 0; i < v->kind_count; i++)
		if (isinf(v->kinds[i].share) || isinf(v->kinds[i].net_margin_share))
			return mkg__error(MKG_EDATA,
			                  "value: the share of the %s actors in the value added or net "
			                  "margin overflows (theirs / the chain's" RATIO_TAIL,
			                  mkg_actor_kind_name(v->kinds[i].kind));
	for (size_t i = 0; i < v->commodity_count; i++) {
		const mkg_commodity_prices *c = &v->commodities[i];

		for (size_t k = 0; k < c->stage_count; k++)
			if (isinf(c->stages[k].price))
				return mkg__error(MKG_EDATA,
				                  "value: the price of \"%s\" sold by %s actors overflows "
				                  "(value / volume" RATIO_TAIL,
				                  c->commodity, mkg_actor_kind_name(c->stages[k].seller_kind));
	}
	for (size_t i = 0; i < v->producer_share_count; i++) {
		const mkg_producer_share *p = &v->producer_shares[i];

		if (isinf(p->end_market_price))
			return mkg__error(MKG_EDATA,
			                  "value: the end-market price of \"%s\" overflows (value / "
			                  "volume" RATIO_TAIL,
			                  p->commodity);
		if (isinf(p->share))
			return mkg__error(MKG_EDATA,
			                  "value: the producer share of \"%s\" overflows (producer price "
			                  "/ end-market price" RATIO_TAIL,
			                  p->commodity);
	}
	return MKG_OK;
}

/* ---- the split by tag ------------------------------------------------------ */

static int
cmp_key_actor(const void *key, const void *row)
{
	return strcmp(key, ((const mkg_actor_value *)row)->actor);
}

static int cmp_key_share(const void *key, const void *row);

static bool
has_tag(const mkg_model *m, const mkg_actor_rec *a, const char *tag)
{
	for (uint32_t k = 0; k < a->tags.count; k++)
		if (strcmp(MKG_POOL_STR(m, a->tags.first + k), tag) == 0)
			return true;
	return false;
}

/* The option's tags: not NULL, not empty, each once, each on a producer. */
static int
check_tags(const mkg_model *m, const char *const *tags, size_t n)
{
	char quoted[MKG_QUOTE_BUFSIZE];

	if (n > 0 && tags == NULL)
		return mkg__error(MKG_EINVAL, "by_tag: %zu tags announced but the list is NULL", n);
	for (size_t i = 0; i < n; i++) {
		bool found = false;

		if (tags[i] == NULL || tags[i][0] == '\0')
			return mkg__error(MKG_EINVAL, "by_tag[%zu]: an empty tag", i);
		for (size_t j = 0; j < i; j++)
			if (strcmp(tags[i], tags[j]) == 0)
				return mkg__error(MKG_EINVAL, "by_tag[%zu]: %s is given twice", i,
				                  mkg__quote(quoted, tags[i]));
		for (guint a = 0; a < m->actors->len && !found; a++)
			found = MKG_ACTOR(m, a)->kind == MKG_ACTOR_PRODUCER &&
			        has_tag(m, MKG_ACTOR(m, a), tags[i]);
		if (!found)
			return mkg__error(MKG_ENOTFOUND, "by_tag[%zu]: no producer has the tag %s", i,
			                  mkg__quote(quoted, tags[i]));
	}
	return MKG_OK;
}

/* What the split needs per producer: sold (as inclusiveness counts it) and
 * supported by facilitation (targeted, or party to a targeted transaction). */
static void
mark_producers(const mkg_model *m, GHashTable *transfers, uint8_t *sold, uint8_t *supported)
{
	guint nt = m->transactions->len;

	mkg__mark_supported_actors(m, supported);
	for (guint i = 0; i < nt; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		if (!t->service && !is_transfer(transfers, t) &&
		    ((!MKG_IS_ABSENT(t->volume) && t->volume > 0) ||
		     (!MKG_IS_ABSENT(t->value) && t->value > 0)))
			sold[t->seller] = 1;
	}
}

/* Producer prices of the producers with (side 1) and without (side 0) a tag. */
typedef struct tag_prices {
	const char *commodity; /* interned in the model */
	price_sum side[2];
} tag_prices;

static int
by_tag_prices(const void *a, const void *b)
{
	return strcmp((*(tag_prices *const *)a)->commodity, (*(tag_prices *const *)b)->commodity);
}

static void
split_prices(mkg_value *v, const mkg_model *m, GHashTable *transfers, const char *tag,
             const uint8_t *tagged)
{
	GHashTable *index = g_hash_table_new(g_direct_hash, g_direct_equal);
	GPtrArray *list = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		tag_prices *c;

		if (MKG_ACTOR(m, t->seller)->kind != MKG_ACTOR_PRODUCER || MKG_IS_ABSENT(t->value) ||
		    MKG_IS_ABSENT(t->volume) || !(t->volume > 0) || is_transfer(transfers, t))
			continue;
		c = g_hash_table_lookup(index, t->commodity);
		if (c == NULL) {
			c = g_new0(tag_prices, 1);
			c->commodity = t->commodity;
			g_hash_table_insert(index, (gpointer)t->commodity, c);
			g_ptr_array_add(list, c);
		}
		add_price(&c->side[tagged[t->seller]], t);
	}
	g_ptr_array_sort(list, by_tag_prices);
	for (int with = 1; with >= 0; with--) {
		for (guint i = 0; i < list->len; i++) {
			const tag_prices *c = list->pdata[i];
			const mkg_producer_share *whole = NULL;
			mkg_tag_share row;

			whole = bsearch(c->commodity, v->producer_shares, v->producer_share_count,
			                sizeof *v->producer_shares, cmp_key_share);
			if (whole == NULL || c->side[with].transactions == 0)
				continue;
			row.tag = mkg__keep(v->strings, tag);
			row.with = with;
			row.commodity = whole->commodity;
			row.producer_price = c->side[with].value / c->side[with].volume;
			row.producer_volume = c->side[with].volume;
			row.share = whole->end_market_price > 0
			                    ? row.producer_price / whole->end_market_price
			                    : MKG_ABSENT;
			g_array_append_val(v->tag_shares, row);
		}
	}
	g_hash_table_destroy(index);
	g_ptr_array_free(list, TRUE);
}

/* For each tag, the producers with it and those without: households
 * reached, incomes and farmer's shares.  O(T (n + A log A)). */
static void
compute_tags(mkg_value *v, const mkg_model *m, GHashTable *transfers, const char *const *tags,
             size_t n)
{
	guint na = m->actors->len;
	uint8_t *sold = g_new0(uint8_t, na ? na : 1), *supported = g_new0(uint8_t, na ? na : 1);
	uint8_t *tagged = g_new0(uint8_t, na ? na : 1);
	weighted *units[2];
	units[0] = g_new(weighted, na ? na : 1);
	units[1] = g_new(weighted, na ? na : 1);
	if (n > 0)
		mark_producers(m, transfers, sold, supported);
	for (size_t i = 0; i < n; i++) {
		mkg_tag_value rows[2];
		size_t count[2] = { 0, 0 };
		bool all_households[2] = { true, true };
		double with_households[2] = { 0, 0 };

		memset(rows, 0, sizeof rows);
		for (guint a = 0; a < na; a++)
			tagged[a] = has_tag(m, MKG_ACTOR(m, a), tags[i]);
		for (guint a = 0; a < na; a++) {
			const mkg_actor_rec *r = MKG_ACTOR(m, a);
			const mkg_actor_value *row = NULL;
			mkg_tag_value *g = &rows[tagged[a]];
			int64_t h = r->households > 0 ? r->households : 0;
			int side = tagged[a];

			if (r->kind != MKG_ACTOR_PRODUCER)
				continue;
			g->producers++;
			g->households += h;
			if (sold[a]) {
				g->producers_selling++;
				g->households_selling += h;
			}
			if (supported[a])
				g->households_supported += h;
			row = bsearch(r->id, v->actors, v->actor_count, sizeof *v->actors,
			              cmp_key_actor);
			if (row == NULL)
				continue;
			g->sales += row->sales;
			g->net_margin += row->net_margin;
			if (h > 0)
				with_households[side] += row->net_margin;
			else
				all_households[side] = false;
			units[side][count[side]].x = row->net_margin;
			units[side][count[side]].w = h > 0 ? (double)h : 1;
			count[side]++;
		}
		for (int with = 1; with >= 0; with--) {
			mkg_tag_value *g = &rows[with];
			size_t gini_units;

			g->tag = mkg__keep(v->strings, tags[i]);
			g->with = with;
			g->income_per_household = g->households > 0
			                                  ? with_households[with] / (double)g->households
			                                  : MKG_ABSENT;
			g->gini = gini_of(units[with], count[with], all_households[with], &g->gini_over,
			                  &gini_units);
			g_array_append_val(v->tags, *g);
		}
		split_prices(v, m, transfers, tags[i], tagged);
	}
	g_free(units[0]);
	g_free(units[1]);
	g_free(sold);
	g_free(supported);
	g_free(tagged);
}

/* The households of the producers are checked by the inclusiveness count
 * (mkg__inclusiveness_compute) before; here a tag's share of them cannot
 * pass the total. */
static int
check_households(const mkg_model *m)
{
	int64_t total = 0;

	for (guint a = 0; a < m->actors->len; a++)
		if (MKG_ACTOR(m, a)->households > 0 &&
		    !mkg__count_add(&total, MKG_ACTOR(m, a)->households))
			return mkg__error(MKG_EDATA, "value: the households of the actors overflow "
			                             "(sum of the actors' households exceeds "
			                             MKG_COUNT_LIMIT ")");
	return MKG_OK;
}

int
mkg__value_compute(mkg_value **out, const mkg_model *m, const char *const *tags,
                   size_t tag_count)
{
	GHashTable *transfers;
	actor_sums *sums;
	mkg_value *v;
	int rc;

	if ((rc = check_tags(m, tags, tag_count)) != MKG_OK || (rc = check_sums(m)) != MKG_OK ||
	    (rc = check_households(m)) != MKG_OK)
		return rc;
	v = g_new0(mkg_value, 1);
	v->strings = g_string_chunk_new(1024);
	v->currency = mkg__keep(v->strings, m->currency);
	v->volume_unit = mkg__keep(v->strings, m->volume_unit);
	v->tags = g_array_new(FALSE, TRUE, sizeof(mkg_tag_value));
	v->tag_shares = g_array_new(FALSE, TRUE, sizeof(mkg_tag_share));
	transfers = transfer_set(m);
	sums = sum_actors(v, m, transfers);
	compute_actors(v, m, sums);
	compute_kinds(v);
	compute_levels(v, m, sums, transfers);
	compute_prices(v, m, transfers);
	compute_tags(v, m, transfers, tags, tag_count);
	g_free(sums);
	g_hash_table_destroy(transfers);
	if ((rc = check_ratios(v)) != MKG_OK) {
		mkg_value_free(v);
		return rc;
	}
	*out = v;
	return MKG_OK;
}

MKG_DEFINE_INIT(mkg_value_options_init, mkg_value_options, opts, MKG_VALUE_OPTIONS)

int
mkg_value_new(mkg_value **out, const mkg_model *model, const mkg_value_options *opts)
{
	mkg_value_options o;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_value_new", mkg_value_options, MKG_VALUE_OPTIONS, opts, &o);
	return mkg__value_compute(out, model, o.by_tag, o.by_tag_count);
}

void
mkg_value_free(mkg_value *v)
{
	if (v == NULL)
		return;
	g_free(v->actors);
	g_free(v->kinds);
	g_free(v->commodities);
	g_free(v->stages);
	g_free(v->producer_shares);
	if (v->levels != NULL)
		g_array_free(v->levels, TRUE);
	if (v->tags != NULL)
		g_array_free(v->tags, TRUE);
	if (v->tag_shares != NULL)
		g_array_free(v->tag_shares, TRUE);
	g_string_chunk_free(v->strings);
	g_free(v);
}

size_t
mkg_value_excluded(const mkg_value *v)
{
	return v ? v->excluded : 0;
}

double
mkg_value_chain_value_added(const mkg_value *v)
{
	return v ? v->chain_value_added : MKG_ABSENT;
}

const char *
mkg_value_currency(const mkg_value *v)
{
	return v ? v->currency : NULL;
}

const char *
mkg_value_volume_unit(const mkg_value *v)
{
	return v ? v->volume_unit : NULL;
}

double
mkg_value_end_market_purchases(const mkg_value *v)
{
	return v ? v->end_market_purchases : MKG_ABSENT;
}

double
mkg_value_chain_costs(const mkg_value *v)
{
	return v ? v->chain_costs : MKG_ABSENT;
}

double
mkg_value_chain_net_margin(const mkg_value *v)
{
	return v ? v->chain_net_margin : MKG_ABSENT;
}

double
mkg_value_transfers(const mkg_value *v)
{
	return v ? v->transfers : MKG_ABSENT;
}

size_t
mkg_value_actors_with_costs(const mkg_value *v)
{
	return v ? v->actors_with_costs : 0;
}

size_t
mkg_value_level_count(const mkg_value *v)
{
	return v ? v->levels->len : 0;
}

const mkg_level_value *
mkg_value_level_at(const mkg_value *v, size_t i)
{
	return v && i < v->levels->len ? &g_array_index(v->levels, mkg_level_value, i) : NULL;
}

size_t
mkg_value_tag_count(const mkg_value *v)
{
	return v ? v->tags->len : 0;
}

const mkg_tag_value *
mkg_value_tag_at(const mkg_value *v, size_t i)
{
	return v && i < v->tags->len ? &g_array_index(v->tags, mkg_tag_value, i) : NULL;
}

size_t
mkg_value_tag_share_count(const mkg_value *v)
{
	return v ? v->tag_shares->len : 0;
}

const mkg_tag_share *
mkg_value_tag_share_at(const mkg_value *v, size_t i)
{
	return v && i < v->tag_shares->len ? &g_array_index(v->tag_shares, mkg_tag_share, i)
	                                   : NULL;
}

size_t
mkg_value_actor_count(const mkg_value *v)
{
	return v ? v->actor_count : 0;
}

const mkg_actor_value *
mkg_value_actor_at(const mkg_value *v, size_t i)
{
	return v && i < v->actor_count ? &v->actors[i] : NULL;
}

size_t
mkg_value_kind_count(const mkg_value *v)
{
	return v ? v->kind_count : 0;
}

const mkg_kind_value *
mkg_value_kind_at(const mkg_value *v, size_t i)
{
	return v && i < v->kind_count ? &v->kinds[i] : NULL;
}

size_t
mkg_value_commodity_count(const mkg_value *v)
{
	return v ? v->commodity_count : 0;
}

const mkg_commodity_prices *
mkg_value_commodity_at(const mkg_value *v, size_t i)
{
	return v && i < v->commodity_count ? &v->commodities[i] : NULL;
}

size_t
mkg_value_producer_share_count(const mkg_value *v)
{
	return v ? v->producer_share_count : 0;
}

const mkg_producer_share *
mkg_value_producer_share_at(const mkg_value *v, size_t i)
{
	return v && i < v->producer_share_count ? &v->producer_shares[i] : NULL;
}

static int
cmp_key_commodity(const void *key, const void *row)
{
	return strcmp(key, ((const mkg_commodity_prices *)row)->commodity);
}

static int
cmp_key_share(const void *key, const void *row)
{
	return strcmp(key, ((const mkg_producer_share *)row)->commodity);
}

int
mkg_value_producer_share_find(const mkg_value *v, const char *commodity,
                              const mkg_producer_share **row)
{
	const mkg_commodity_prices *prices;
	bool producers = false;
	char quoted[MKG_QUOTE_BUFSIZE];

	MKG_CHECK_ARG(v);
	MKG_CHECK_ARG(commodity);
	MKG_CHECK_ARG(row);
	*row = bsearch(commodity, v->producer_shares, v->producer_share_count,
	               sizeof(mkg_producer_share), cmp_key_share);
	if (*row != NULL)
		return MKG_OK;
	prices = bsearch(commodity, v->commodities, v->commodity_count,
	                 sizeof(mkg_commodity_prices), cmp_key_commodity);
	for (size_t k = 0; prices != NULL && k < prices->stage_count; k++)
		producers |= prices->stages[k].seller_kind == MKG_ACTOR_PRODUCER;
	if (!producers)
		return mkg__error(MKG_ENOTFOUND, "producer share of %s: no producer sells it with "
		                  "a price (prices of different commodities are not compared)",
		                  mkg__quote(quoted, commodity));
	return mkg__error(MKG_ENOTFOUND, "producer share of %s: no end market buys it with a "
	                  "price", mkg__quote(quoted, commodity));
}
