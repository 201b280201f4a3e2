/* marketgraph: the partition of transactions into markets.
 *
 * A market is commodity x level x period (x region) x service flag
 * (docs/analyses.md, "Markets").  The level of a transaction is its own
 * `level`, else its seller's kind name; an explicit level spelled like a
 * kind name is mapped to that kind's static name, so that equal levels are
 * equal pointers.
 *
 * Commodities, levels, periods and regions are interned, so a market's
 * key is a tuple of pointers: one hash lookup per transaction (skipped when
 * a transaction has the same key as the one before it, the common case in
 * sorted data), then one sort of the markets by their strings and a
 * counting sort of the transactions by market.
 *
 * SPDX-License-Identifier: MIT */
#include "analysis-private.h"

#include <string.h>

typedef struct market_key {
	const char *commodity;
	const char *level;
	const char *period;
	const char *region;
	bool service;
} market_key;

static guint
key_hash(gconstpointer p)
{
	const market_key *k = p;
	guint h = g_direct_hash(k->commodity);

	h = h * 31u + g_direct_hash(k->level);
	h = h * 31u + g_direct_hash(k->period);
	h = h * 31u + g_direct_hash(k->region);
	return h * 2u + (k->service ? 1u : 0u);
}

static gboolean
key_equal(gconstpointer a, gconstpointer b)
{
	const market_key *x = a, *y = b;

	return x->commodity == y->commodity && x->level == y->level && x->period == y->period &&
	       x->region == y->region && x->service == y->service;
}

static int
market_cmp(const void *a, const void *b)
{
	const mkg__market *x = a, *y = b;
	int c;

	if ((c = strcmp(x->commodity, y->commodity)) != 0 ||
	    (c = mkg__level_cmp(x->level, y->level)) != 0 ||
	    (c = mkg__strcmp_null(x->period, y->period)) != 0 ||
	    (c = mkg__strcmp_null(x->region, y->region)) != 0)
		return c;
	return (int)x->service - (int)y->service;
}

/* MKG_EDATA for a market whose total overflows: `WHO: the volume of market
 * "maize" level "producer" 2010 overflows (...)`, the level left out when
 * pooled, with ` region "north"` when split and ` (service)` for a service
 * market. */
static int
total_overflows(const char *who, mkg_measure measure, const mkg__market *market)
{
	const char *what = mkg_measure_name(measure);
	GString *label = g_string_new(NULL);
	int rc;

	g_string_append_printf(label, "\"%s\"", market->commodity);
	if (market->level)
		g_string_append_printf(label, " level \"%s\"", market->level);
	if (market->period)
		g_string_append_printf(label, " %s", market->period);
	if (market->region)
		g_string_append_printf(label, " region \"%s\"", market->region);
	if (market->service)
		g_string_append(label, " (service)");
	rc = mkg__error(MKG_EDATA,
	                "%s: the %s of market %s overflows (sum of the transactions' %s "
	                "exceeds " MKG_SUM_LIMIT ")",
	                who, what, label->str, what);
	g_string_free(label, TRUE);
	return rc;
}

/* The level of t as a canonical pointer: an explicit level that is a kind
 * name becomes the kind's static name (canon caches the mapping of each
 * interned level). */
static const char *
canonical_level(const mkg_model *m, const mkg_transaction_rec *t, GHashTable *canon)
{
	const char *level;
	mkg_actor_kind kind;

	if (t->level == NULL)
		return mkg__tx_level(m, t);
	if ((level = g_hash_table_lookup(canon, t->level)) != NULL)
		return level;
	level = t->level;
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++) {
		kind = (mkg_actor_kind)k;
		if (strcmp(level, mkg_actor_kind_name(kind)) == 0) {
			level = mkg_actor_kind_name(kind);
			break;
		}
	}
	g_hash_table_insert(canon, (gpointer)t->level, (gpointer)level);
	return level;
}

static const char *
split_region(const mkg_model *m, const mkg_transaction_rec *t, mkg_region_split split)
{
	switch (split) {
	case MKG_REGION_SELLER: return MKG_ACTOR(m, t->seller)->region;
	case MKG_REGION_BUYER: return MKG_ACTOR(m, t->buyer)->region;
	case MKG_REGION_NONE: break;
	}
	return NULL;
}

/*
 * On worker threads, in tasks of MARKETS_CHUNK transactions (fixed):
 *
 * 1. Each task gives every transaction of its range a local market id
 *    (order of first appearance in the range) and counts each local
 *    market's carrying and excluded transactions.  Its merge, in task
 *    order, looks the local markets up in the global table in their
 *    order: the provisional ids come out in order of first appearance in
 *    the model, as on one thread, and the counts add up.
 * 2. The markets are sorted by their strings (on the calling thread:
 *    there are few) and each task's place in each of its markets is the
 *    count of the tasks before it, so the tasks scatter their carrying
 *    transactions at once, each market keeping model order.
 * 3. Each market's total is summed over its transactions in model order
 *    (the same additions as one pass over the model); when totals
 *    overflow, the market whose sum overflows at the earliest transaction
 *    is reported, as one pass over the model would.
 *
 * A task holds a hash table and a map of its local markets (a few per
 * range in practice, at most one per transaction).
 */
#define MARKETS_CHUNK 16384

typedef struct range_markets {
	GArray *key;      /* market_key, in order of first appearance */
	GArray *count;    /* uint32_t: carrying transactions of each */
	GArray *excluded; /* uint32_t */
	GArray *place;    /* uint32_t: local id -> provisional id, then next position */
} range_markets;

typedef struct markets_pass {
	const mkg_model *m;
	mkg__markets *mk;
	mkg_levels levels;
	mkg_region_split split;
	range_markets *range;   /* [tasks] */
	GHashTable *ids;        /* market_key -> provisional id + 1 */
	GArray *markets;        /* mkg__market, provisional order */
	const uint32_t *rank;   /* provisional id -> final index */
	size_t *overflow_at;    /* [markets] transaction where the total overflows, or SIZE_MAX */
} markets_pass;

static int
local_markets(size_t task, unsigned int worker, void *data)
{
	markets_pass *p = data;
	const mkg_model *m = p->m;
	const uint32_t n = m->transactions->len;
	const uint32_t lo = (uint32_t)(task * MARKETS_CHUNK), hi = MIN(n, lo + MARKETS_CHUNK);
	GHashTable *ids = g_hash_table_new_full(key_hash, key_equal, g_free, NULL);
	GHashTable *canon = g_hash_table_new(g_direct_hash, g_direct_equal);
	range_markets *r = &p->range[task];
	market_key last = { NULL, NULL, NULL, NULL, false };
	uint32_t last_market = UINT32_MAX;

	(void)worker;
	r->key = g_array_new(FALSE, FALSE, sizeof(market_key));
	r->count = g_array_new(FALSE, TRUE, sizeof(uint32_t));
	r->excluded = g_array_new(FALSE, TRUE, sizeof(uint32_t));
	r->place = NULL;
	for (uint32_t i = lo; i < hi; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		market_key k = { t->commodity,
		                 p->levels == MKG_LEVELS_POOLED ? NULL : canonical_level(m, t, canon),
		                 mkg__tx_period(m, t), split_region(m, t, p->split), t->service };

		if (last_market == UINT32_MAX || !key_equal(&k, &last)) {
			gpointer v = g_hash_table_lookup(ids, &k);
			if (v == NULL) {
				g_array_append_val(r->key, k);
				g_array_set_size(r->count, r->key->len);
				g_array_set_size(r->excluded, r->key->len);
				v = GUINT_TO_POINTER(r->key->len);
				g_hash_table_insert(ids, g_memdup2(&k, sizeof k), v);
			}
			last = k;
			last_market = GPOINTER_TO_UINT(v) - 1u;
		}
		p->mk->tx_market[i] = last_market;
		if (isnan(mkg__tx_measure(t, p->mk->measure)))
			g_array_index(r->excluded, uint32_t, last_market)++;
		else
			g_array_index(r->count, uint32_t, last_market)++;
	}
	g_hash_table_destroy(ids);
	g_hash_table_destroy(canon);
	return MKG_OK;
}

/* In task order: the range's markets given their provisional ids. */
static int
global_markets(size_t task, unsigned int worker, void *data)
{
	markets_pass *p = data;
	range_markets *r = &p->range[task];

	(void)worker;
	r->place = g_array_sized_new(FALSE, FALSE, sizeof(uint32_t), r->key->len);
	for (guint j = 0; j < r->key->len; j++) {
		const market_key *k = &g_array_index(r->key, market_key, j);
		gpointer v = g_hash_table_lookup(p->ids, k);
		mkg__market *market;
		uint32_t id;

		if (v == NULL) {
			mkg__market fresh = { k->commodity, k->level, k->period, k->region,
			                      k->service, 0, 0, 0, 0.0 };
			g_array_append_val(p->markets, fresh);
			v = GUINT_TO_POINTER(p->markets->len);
			g_hash_table_insert(p->ids, g_memdup2(k, sizeof *k), v);
		}
		id = GPOINTER_TO_UINT(v) - 1u;
		g_array_append_val(r->place, id);
		market = &g_array_index(p->markets, mkg__market, id);
		market->count += g_array_index(r->count, uint32_t, j);
		market->excluded += g_array_index(r->excluded, uint32_t, j);
	}
	return MKG_OK;
}

/* The range's carrying transactions to their places; tx_market final. */
static int
scatter(size_t task, unsigned int worker, void *data)
{
	markets_pass *p = data;
	const mkg_model *m = p->m;
	mkg__markets *mk = p->mk;
	const uint32_t n = m->transactions->len;
	const uint32_t lo = (uint32_t)(task * MARKETS_CHUNK), hi = MIN(n, lo + MARKETS_CHUNK);
	range_markets *r = &p->range[task];
	uint32_t *next = (uint32_t *)(void *)r->count->data; /* by now: next position */

	(void)worker;
	for (uint32_t i = lo; i < hi; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		uint32_t local = mk->tx_market[i];
		double x = mkg__tx_measure(t, mk->measure);

		mk->tx_market[i] = p->rank[g_array_index(r->place, uint32_t, local)];
		if (!isnan(x)) {
			uint32_t k = next[local]++;
			mk->tx[k] = i;
			mk->seller[k] = t->seller;
			mk->buyer[k] = t->buyer;
			mk->amount[k] = x;
		}
	}
	return MKG_OK;
}

/* Totals of markets [64 task, 64 task + 64), each in model order. */
static int
market_totals(size_t task, unsigned int worker, void *data)
{
	markets_pass *p = data;
	mkg__markets *mk = p->mk;
	size_t end = MIN((size_t)mk->count, (task + 1) * 64);

	(void)worker;
	for (size_t j = task * 64; j < end; j++) {
		mkg__market *market = &mk->markets[j];
		double total = 0.0;

		p->overflow_at[j] = SIZE_MAX;
		for (uint32_t k = market->first; k < market->first + market->count; k++)
			if (!mkg__sum_add(&total, mk->amount[k])) {
				p->overflow_at[j] = mk->tx[k];
				break;
			}
		market->total = total;
	}
	return MKG_OK;
}

static void
free_ranges(markets_pass *p, size_t tasks)
{
	for (size_t t = 0; t < tasks; t++) {
		range_markets *r = &p->range[t];

		if (r->key == NULL)
			continue;
		g_array_free(r->key, TRUE);
		g_array_free(r->count, TRUE);
		g_array_free(r->excluded, TRUE);
		if (r->place)
			g_array_free(r->place, TRUE);
	}
	g_free(p->range);
}

int
mkg__markets_build(mkg__markets *mk, const mkg_model *m, mkg_measure measure,
                   mkg_levels levels, mkg_region_split split, const char *who,
                   unsigned int threads)
{
	const uint32_t n = m->transactions->len;
	const size_t tasks = ((size_t)n + MARKETS_CHUNK - 1) / MARKETS_CHUNK;
	markets_pass p = { m, mk, levels, split, NULL, NULL, NULL, NULL, NULL };
	uint32_t *rank, *fill;
	size_t worst = SIZE_MAX, worst_at = SIZE_MAX;

	memset(mk, 0, sizeof *mk);
	mk->measure = measure;
	mk->levels = levels;
	mk->split = split;
	mk->tx_market = g_new(uint32_t, n ? n : 1);
	p.range = g_new0(range_markets, tasks ? tasks : 1);
	p.ids = g_hash_table_new_full(key_hash, key_equal, g_free, NULL);
	p.markets = g_array_new(FALSE, TRUE, sizeof(mkg__market));

	/* 1. provisional ids, counts */
	mkg__run_tasks(tasks, threads, local_markets, global_markets, &p); /* never fails */
	g_hash_table_destroy(p.ids);
	for (guint j = 0; j < p.markets->len; j++) {
		const mkg__market *market = &g_array_index(p.markets, mkg__market, j);
		mk->excluded += market->excluded;
		mk->carrying += market->count;
	}

	/* 2. the markets by their strings; rank[provisional id] = final index.
	 * `first` temporarily holds the provisional id. */
	mk->count = p.markets->len;
	mk->markets = (mkg__market *)(void *)g_array_free(p.markets, FALSE);
	for (uint32_t j = 0; j < mk->count; j++)
		mk->markets[j].first = j;
	if (mk->count > 1)
		qsort(mk->markets, mk->count, sizeof(mkg__market), market_cmp);
	rank = g_new(uint32_t, mk->count ? mk->count : 1);
	for (uint32_t j = 0; j < mk->count; j++)
		rank[mk->markets[j].first] = j;
	p.rank = rank;
	fill = g_new(uint32_t, mk->count ? mk->count : 1);
	for (uint32_t j = 0, pos = 0; j < mk->count; j++) {
		mk->markets[j].first = pos;
		fill[j] = pos;
		pos += mk->markets[j].count;
	}
	/* each range's first position in each of its markets */
	for (size_t t = 0; t < tasks; t++) {
		range_markets *r = &p.range[t];
		for (guint j = 0; j < r->key->len; j++) {
			uint32_t *c = &g_array_index(r->count, uint32_t, j);
			uint32_t f = rank[g_array_index(r->place, uint32_t, j)], count = *c;
			*c = fill[f];
			fill[f] += count;
		}
	}
	g_free(fill);
	mk->tx = g_new(uint32_t, mk->carrying ? mk->carrying : 1);
	mk->seller = g_new(mkg_idx, mk->carrying ? mk->carrying : 1);
	mk->buyer = g_new(mkg_idx, mk->carrying ? mk->carrying : 1);
	mk->amount = g_new(double, mk->carrying ? mk->carrying : 1);
	mkg__run_tasks(tasks, threads, scatter, NULL, &p);
	free_ranges(&p, tasks);
	g_free(rank);

	/* 3. totals */
	p.overflow_at = g_new(size_t, mk->count ? mk->count : 1);
	mkg__run_tasks((mk->count + 63) / 64, threads, market_totals, NULL, &p);
	for (uint32_t j = 0; j < mk->count; j++)
		if (p.overflow_at[j] < worst_at) {
			worst_at = p.overflow_at[j];
			worst = j;
		}
	g_free(p.overflow_at);
	if (worst != SIZE_MAX) {
		int rc = total_overflows(who, measure, &mk->markets[worst]);
		mkg__markets_clear(mk);
		return rc;
	}
	return MKG_OK;
}

void
mkg__markets_clear(mkg__markets *mk)
{
	g_free(mk->markets);
	g_free(mk->tx);
	g_free(mk->seller);
	g_free(mk->buyer);
	g_free(mk->amount);
	g_free(mk->tx_market);
	memset(mk, 0, sizeof *mk);
}
