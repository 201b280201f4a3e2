/* marketgraph: value distribution (analyses.md, 4).
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <string.h>

struct mkg_value {
	GStringChunk *strings;
	const char *currency, *volume_unit;
	size_t excluded;
	double chain_value_added;
	size_t actor_count, kind_count, commodity_count, producer_share_count;
	mkg_actor_value *actors;
	mkg_kind_value *kinds;
	mkg_commodity_prices *commodities;
	mkg_stage_price *stages;        /* every commodity's stages, one slice each */
	mkg_producer_share *producer_shares;
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

/* The value of all transactions with one (every sale, purchase and value
 * added is a part of it, up to its sign), and the value and volume of
 * those the prices use. */
static int
check_sums(const mkg_model *m)
{
	double value = 0, priced_volume = 0;

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

static void
compute_actors(mkg_value *v, const mkg_model *m)
{
	guint na = m->actors->len;
	double *sales = g_new0(double, na ? na : 1), *purchases = g_new0(double, na ? na : 1);
	uint8_t *seen = g_new0(uint8_t, na ? na : 1);
	GArray *rows = g_array_new(FALSE, TRUE, sizeof(mkg_actor_value));

	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		if (MKG_IS_ABSENT(t->value)) {
			v->excluded++;
			continue;
		}
		sales[t->seller] += t->value;
		purchases[t->buyer] += t->value;
		seen[t->seller] = seen[t->buyer] = 1;
	}
	for (guint a = 0; a < na; a++) {
		mkg_actor_value row;

		if (!seen[a])
			continue;
		row.actor = mkg__keep(v->strings, MKG_ACTOR(m, a)->id);
		row.kind = MKG_ACTOR(m, a)->kind;
		row.sales = sales[a];
		row.purchases = purchases[a];
		row.value_added = sales[a] - purchases[a];
		g_array_append_val(rows, row);
	}
	g_array_sort(rows, by_actor);
	v->actor_count = rows->len;
	v->actors = (mkg_actor_value *)(void *)g_array_free(rows, FALSE);
	g_free(sales);
	g_free(purchases);
	g_free(seen);
}

static void
compute_kinds(mkg_value *v)
{
	mkg_kind_value sums[MKG_ACTOR_KIND_COUNT] = { 0 };
	double *va = g_new(double, v->actor_count ? v->actor_count : 1);

	for (size_t i = 0; i < v->actor_count; i++) {
		const mkg_actor_value *a = &v->actors[i];
		mkg_kind_value *k = &sums[a->kind];

		k->actors++;
		k->sales += a->sales;
		k->purchases += a->purchases;
		k->value_added += a->value_added;
		if (a->kind != MKG_ACTOR_END_MARKET)
			v->chain_value_added += a->value_added;
	}
	v->kinds = g_new0(mkg_kind_value, MKG_ACTOR_KIND_COUNT);
	for (int kind = 0; kind < MKG_ACTOR_KIND_COUNT; kind++) {
		mkg_kind_value *k = &v->kinds[v->kind_count];
		size_t n = 0;

		if (sums[kind].actors == 0)
			continue;
		*k = sums[kind];
		k->kind = (mkg_actor_kind)kind;
		k->share = kind != MKG_ACTOR_END_MARKET && v->chain_value_added > 0
		                   ? k->value_added / v->chain_value_added
		                   : MKG_ABSENT;
		for (size_t i = 0; i < v->actor_count; i++)
			if (v->actors[i].kind == (mkg_actor_kind)kind)
				va[n++] = v->actors[i].value_added;
		k->gini = mkg__gini(va, n);
		v->kind_count++;
	}
	g_free(va);
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
compute_prices(mkg_value *v, const mkg_model *m)
{
	GHashTable *index = g_hash_table_new(g_direct_hash, g_direct_equal);
	GPtrArray *list = g_ptr_array_new_with_free_func(g_free);
	size_t stage_total = 0, s = 0;

	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		commodity_sums *c;

		if (MKG_IS_ABSENT(t->value) || MKG_IS_ABSENT(t->volume) || !(t->volume > 0))
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
	for (size_t i = 0; i < v->kind_count; i++)
		if (isinf(v->kinds[i].share))
			return mkg__error(MKG_EDATA,
			                  "value: the share of the %s actors in the value added "
			                  "overflows (their value added / the chain's" RATIO_TAIL,
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

int
mkg__value_compute(mkg_value **out, const mkg_model *m)
{
	mkg_value *v;
	int rc;

	if ((rc = check_sums(m)) != MKG_OK)
		return rc;
	v = g_new0(mkg_value, 1);
	v->strings = g_string_chunk_new(1024);
	v->currency = mkg__keep(v->strings, m->currency);
	v->volume_unit = mkg__keep(v->strings, m->volume_unit);
	compute_actors(v, m);
	compute_kinds(v);
	compute_prices(v, m);
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
	(void)o; /* no option yet: the version is checked */
	return mkg__value_compute(out, model);
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
