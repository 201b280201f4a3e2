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

int
mkg__markets_build(mkg__markets *mk, const mkg_model *m, mkg_measure measure,
                   mkg_levels levels, mkg_region_split split, const char *who)
{
	const uint32_t n = m->transactions->len;
	GHashTable *ids = g_hash_table_new_full(key_hash, key_equal, g_free, NULL);
	GHashTable *canon = g_hash_table_new(g_direct_hash, g_direct_equal);
	GArray *markets = g_array_new(FALSE, TRUE, sizeof(mkg__market));
	market_key last = { NULL, NULL, NULL, NULL, false };
	uint32_t last_market = UINT32_MAX;
	uint32_t *rank, *fill;

	memset(mk, 0, sizeof *mk);
	mk->measure = measure;
	mk->levels = levels;
	mk->split = split;
	mk->tx_market = g_new(uint32_t, n ? n : 1);

	/* Pass 1: a provisional market id (order of first appearance) per
	 * transaction, with the counts and totals of each market. */
	for (uint32_t i = 0; i < n; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		market_key k = { t->commodity,
		                 levels == MKG_LEVELS_POOLED ? NULL : canonical_level(m, t, canon),
		                 mkg__tx_period(m, t), split_region(m, t, split), t->service };
		double x = mkg__tx_measure(t, measure);
		mkg__market *market;

		if (last_market == UINT32_MAX || !key_equal(&k, &last)) {
			gpointer v = g_hash_table_lookup(ids, &k);
			if (v == NULL) {
				mkg__market fresh = { k.commodity, k.level, k.period, k.region,
				                      k.service, 0, 0, 0, 0.0 };
				g_array_append_val(markets, fresh);
				v = GUINT_TO_POINTER(markets->len);
				g_hash_table_insert(ids, g_memdup2(&k, sizeof k), v);
			}
			last = k;
			last_market = GPOINTER_TO_UINT(v) - 1u;
		}
		mk->tx_market[i] = last_market;
		market = &g_array_index(markets, mkg__market, last_market);
		if (isnan(x)) {
			market->excluded++;
			mk->excluded++;
		} else {
			market->count++;
			if (!mkg__sum_add(&market->total, x)) {
				int rc = total_overflows(who, measure, market);
				g_hash_table_destroy(canon);
				g_hash_table_destroy(ids);
				g_array_free(markets, TRUE);
				g_free(mk->tx_market);
				memset(mk, 0, sizeof *mk);
				return rc;
			}
			mk->carrying++;
		}
	}
	g_hash_table_destroy(canon);
	g_hash_table_destroy(ids);

	/* Sort the markets by their strings; rank[provisional id] = final index.
	 * `first` temporarily holds the provisional id. */
	mk->count = markets->len;
	mk->markets = (mkg__market *)(void *)g_array_free(markets, FALSE);
	for (uint32_t j = 0; j < mk->count; j++)
		mk->markets[j].first = j;
	if (mk->count > 1)
		qsort(mk->markets, mk->count, sizeof(mkg__market), market_cmp);
	rank = g_new(uint32_t, mk->count ? mk->count : 1);
	for (uint32_t j = 0; j < mk->count; j++)
		rank[mk->markets[j].first] = j;

	/* Counting sort of the carrying transactions by final market index;
	 * stable, so each market keeps model order. */
	fill = g_new(uint32_t, mk->count ? mk->count : 1);
	for (uint32_t j = 0, pos = 0; j < mk->count; j++) {
		mk->markets[j].first = pos;
		fill[j] = pos;
		pos += mk->markets[j].count;
	}
	mk->tx = g_new(uint32_t, mk->carrying ? mk->carrying : 1);
	mk->seller = g_new(mkg_idx, mk->carrying ? mk->carrying : 1);
	mk->buyer = g_new(mkg_idx, mk->carrying ? mk->carrying : 1);
	mk->amount = g_new(double, mk->carrying ? mk->carrying : 1);
	for (uint32_t i = 0; i < n; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		uint32_t j = rank[mk->tx_market[i]];
		double x = mkg__tx_measure(t, measure);
		mk->tx_market[i] = j;
		if (!isnan(x)) {
			uint32_t k = fill[j]++;
			mk->tx[k] = i;
			mk->seller[k] = t->seller;
			mk->buyer[k] = t->buyer;
			mk->amount[k] = x;
		}
	}
	g_free(fill);
	g_free(rank);
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
