/* marketgraph: trading links, producers' outlets, value added and
 * outreach side by side.
 * SPDX-License-Identifier: MIT */
#include "compare-private.h"
#include "m4p-private.h" /* mkg__mark_supported_actors */

#include <string.h>

/* ---- links --------------------------------------------------------------------- */

typedef struct link_sum {
	const char *seller, *buyer, *commodity;
	double volume, value; /* NaN until one is given */
	bool service;
	mkg_actor_kind seller_kind;
} link_sum;

static int
add_sum(double *acc, double x, const char *what, const link_sum *l)
{
	if (MKG_IS_ABSENT(x))
		return MKG_OK;
	if (MKG_IS_ABSENT(*acc))
		*acc = 0;
	if (mkg__sum_add(acc, x))
		return MKG_OK;
	return mkg__error(MKG_EDATA, "compare: the %s of link \"%s\" -> \"%s\" (%s) overflows "
	                  "(sum exceeds " MKG_SUM_LIMIT ")", what, l->seller, l->buyer,
	                  l->commodity);
}

/* Sum the transactions of a side by (seller, buyer, commodity), in model order. */
static int
sum_links(const mkg_model *m, GHashTable **table, GPtrArray **order)
{
	int rc = MKG_OK;

	*table = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	*order = g_ptr_array_new();
	for (guint i = 0; i < m->transactions->len && rc == MKG_OK; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		const char *seller = MKG_ACTOR(m, t->seller)->id, *buyer = MKG_ACTOR(m, t->buyer)->id;
		char *key = g_strconcat(seller, MKG__KEY_SEP, buyer, MKG__KEY_SEP, t->commodity, NULL);
		link_sum *l = g_hash_table_lookup(*table, key);

		if (l == NULL) {
			l = g_new(link_sum, 1);
			*l = (link_sum){ seller, buyer, t->commodity, MKG_ABSENT, MKG_ABSENT, t->service,
				         MKG_ACTOR(m, t->seller)->kind };
			g_hash_table_insert(*table, key, l);
			g_ptr_array_add(*order, l);
		} else {
			g_free(key);
		}
		if ((rc = add_sum(&l->volume, t->volume, "volume", l)) == MKG_OK)
			rc = add_sum(&l->value, t->value, "value", l);
	}
	return rc;
}

/* The class of a link on both sides: by volume when both sides give one
 * above 0, else by value. */
static mkg_change
classify(const link_sum *b, const link_sum *a, double t)
{
	double x = b->volume, y = a->volume;

	if (!(x > 0 && y >= 0)) {
		x = b->value;
		y = a->value;
	}
	if (!(x > 0 && y >= 0))
		return MKG_CHANGE_SAME;
	if (y >= x * (1 + t) && y > x)
		return MKG_CHANGE_STRENGTHENED;
	if (y <= x * (1 - t) && y < x)
		return MKG_CHANGE_WEAKENED;
	return MKG_CHANGE_SAME;
}

static gint
cmp_link(gconstpointer pa, gconstpointer pb)
{
	const mkg_compare_link *a = pa, *b = pb;
	int r;

	if ((r = strcmp(a->seller, b->seller)) != 0)
		return r;
	if ((r = strcmp(a->buyer, b->buyer)) != 0)
		return r;
	return strcmp(a->commodity, b->commodity);
}

static void
add_link(mkg_compare *c, const link_sum *b, const link_sum *a, mkg_change ch)
{
	const link_sum *l = b ? b : a;
	mkg_compare_link row = { mkg__cmp_str(c, l->seller), mkg__cmp_str(c, l->buyer),
		                 mkg__cmp_str(c, l->commodity), ch,
		                 b ? b->volume : MKG_ABSENT, a ? a->volume : MKG_ABSENT,
		                 b ? b->value : MKG_ABSENT, a ? a->value : MKG_ABSENT };

	c->link_classes[ch]++;
	if (ch != MKG_CHANGE_SAME)
		g_array_append_val(c->links, row);
}

/* Producers' outlets: distinct buyers of their goods, from the links. */
static void
outlets(mkg_compare_outlets *o, const mkg_model *m, const GPtrArray *order)
{
	GHashTable *count = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *pairs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTableIter it;
	gpointer k, v;
	size_t total = 0;

	memset(o, 0, sizeof *o);
	for (guint i = 0; i < order->len; i++) {
		const link_sum *l = g_ptr_array_index(order, i);
		char *pair;

		if (l->service || l->seller_kind != MKG_ACTOR_PRODUCER ||
		    !(l->volume > 0 || l->value > 0))
			continue;
		pair = g_strconcat(l->seller, MKG__KEY_SEP, l->buyer, NULL);
		if (!g_hash_table_add(pairs, pair))
			continue;
		g_hash_table_insert(count, (gpointer)l->seller,
		                    GSIZE_TO_POINTER(GPOINTER_TO_SIZE(g_hash_table_lookup(count,
		                                                                           l->seller)) +
		                                     1));
	}
	g_hash_table_iter_init(&it, count);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		size_t n = GPOINTER_TO_SIZE(v);

		o->producers++;
		total += n;
		if (n == 1) {
			int64_t h = MKG_ACTOR(m, mkg__model_actor_lookup(m, k))->households;

			o->one_outlet++;
			if (h > 0 && !mkg__count_add(&o->one_outlet_households, h))
				o->one_outlet_households = INT64_MAX;
		}
	}
	o->mean_outlets = o->producers ? (double)total / (double)o->producers : MKG_ABSENT;
	o->one_outlet_share =
		o->producers ? (double)o->one_outlet / (double)o->producers : MKG_ABSENT;
	g_hash_table_destroy(count);
	g_hash_table_destroy(pairs);
}

int
mkg__cmp_links(mkg_compare *c, mkg__cmp_side s[2])
{
	GHashTable *table[2] = { NULL, NULL };
	GPtrArray *order[2] = { NULL, NULL };
	int rc = MKG_OK;

	for (int side = 0; side < 2 && rc == MKG_OK; side++)
		rc = sum_links(s[side].m, &table[side], &order[side]);
	if (rc == MKG_OK) {
		for (guint i = 0; i < order[0]->len; i++) {
			const link_sum *b = g_ptr_array_index(order[0], i);
			char *key = g_strconcat(b->seller, MKG__KEY_SEP, b->buyer, MKG__KEY_SEP,
			                        b->commodity, NULL);
			const link_sum *a = g_hash_table_lookup(table[1], key);

			g_free(key);
			add_link(c, b, a, a ? classify(b, a, c->link_threshold) : MKG_CHANGE_LEAVING);
		}
		for (guint i = 0; i < order[1]->len; i++) {
			const link_sum *a = g_ptr_array_index(order[1], i);
			char *key = g_strconcat(a->seller, MKG__KEY_SEP, a->buyer, MKG__KEY_SEP,
			                        a->commodity, NULL);

			if (!g_hash_table_contains(table[0], key))
				add_link(c, NULL, a, MKG_CHANGE_ENTERING);
			g_free(key);
		}
		g_array_sort(c->links, cmp_link);
		for (int side = 0; side < 2; side++)
			outlets(&c->outlets[side], s[side].m, order[side]);
	}
	for (int side = 0; side < 2; side++) {
		if (order[side])
			g_ptr_array_free(order[side], TRUE);
		if (table[side])
			g_hash_table_destroy(table[side]);
	}
	return rc;
}

void
mkg__cmp_outlets(mkg_compare *c, mkg__cmp_side s[2])
{
	(void)c; /* computed with the links, from the same sums */
	(void)s;
}

/* ---- value added -------------------------------------------------------------------- */

int
mkg__cmp_value(mkg_compare *c, mkg__cmp_side s[2])
{
	const mkg_kind_value *rows[MKG_ACTOR_KIND_COUNT][2];

	memset(rows, 0, sizeof rows);
	for (int side = 0; side < 2; side++)
		for (size_t i = 0; i < mkg_value_kind_count(s[side].value); i++) {
			const mkg_kind_value *r = mkg_value_kind_at(s[side].value, i);

			if ((unsigned)r->kind < MKG_ACTOR_KIND_COUNT)
				rows[r->kind][side] = r;
		}
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++) {
		const mkg_kind_value *b = rows[k][0], *a = rows[k][1];
		mkg_compare_value row;

		if (b == NULL && a == NULL)
			continue;
		row.kind = (mkg_actor_kind)k;
		row.value_added_before = b ? b->value_added : MKG_ABSENT;
		row.value_added_after = a ? a->value_added : MKG_ABSENT;
		row.share_before = b ? b->share : MKG_ABSENT;
		row.share_after = a ? a->share : MKG_ABSENT;
		row.net_margin_before = b ? b->net_margin : MKG_ABSENT;
		row.net_margin_after = a ? a->net_margin : MKG_ABSENT;
		row.income_per_household_before = b ? b->income_per_household : MKG_ABSENT;
		row.income_per_household_after = a ? a->income_per_household : MKG_ABSENT;
		g_array_append_val(c->values, row);
	}
	return MKG_OK;
}

/* ---- outreach ------------------------------------------------------------------------- */

static void
add_households(int64_t *acc, int64_t h)
{
	if (h > 0 && !mkg__count_add(acc, h))
		*acc = INT64_MAX; /* a count past 9.2e18 households is saturated, not wrapped */
}

/* Add actor a's households unless record f counted it already. */
static void
count_once(int64_t *acc, const mkg_model *m, guint *stamp, guint f, mkg_idx a)
{
	if (stamp[a] == f + 1)
		return;
	stamp[a] = f + 1;
	add_households(acc, MKG_ACTOR(m, a)->households);
}

/* Direct reach from mkg_inclusiveness (each supported actor once); the
 * naive sum over records, to show what double counting would add; the
 * indirect reach: goods trading partners of supported actors. */
static void
reach(mkg_compare_reach *r, const mkg__cmp_side *s)
{
	const mkg_model *m = s->m;
	guint na = m->actors->len, nt = m->transactions->len;
	uint8_t *actor_bits = g_new0(uint8_t, na ? na : 1);
	uint8_t *indirect = g_new0(uint8_t, na ? na : 1);
	guint *stamp;

	memset(r, 0, sizeof *r);
	r->direct_actors = mkg_inclusiveness_actors_supported(s->inc);
	r->direct_households = mkg_inclusiveness_households_supported(s->inc);
	r->households_selling = mkg_inclusiveness_households_selling(s->inc);
	stamp = g_new0(guint, na ? na : 1);
	for (guint f = 0; f < m->facilitation->len; f++) {
		const mkg_facilitation_rec *fr = MKG_FAC(m, f);

		/* per record: each actor it supports once within the record, and
		 * again in the next record (what a sum over records counts) */
		for (uint32_t k = 0; k < fr->target_actors.count; k++)
			count_once(&r->record_households, m, stamp, f,
			           MKG_POOL_IDX(m, fr->target_actors.first + k));
		for (uint32_t k = 0; k < fr->target_transactions.count; k++) {
			const mkg_transaction_rec *t =
				MKG_TX(m, MKG_POOL_IDX(m, fr->target_transactions.first + k));

			count_once(&r->record_households, m, stamp, f, t->seller);
			count_once(&r->record_households, m, stamp, f, t->buyer);
		}
	}
	g_free(stamp);
	mkg__mark_supported_actors(m, actor_bits);
	for (guint i = 0; i < nt; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		if (t->service)
			continue;
		if (actor_bits[t->seller] && !actor_bits[t->buyer])
			indirect[t->buyer] = 1;
		if (actor_bits[t->buyer] && !actor_bits[t->seller])
			indirect[t->seller] = 1;
	}
	for (guint a = 0; a < na; a++)
		if (indirect[a]) {
			r->indirect_actors++;
			add_households(&r->indirect_households, MKG_ACTOR(m, a)->households);
		}
	g_free(actor_bits);
	g_free(indirect);
}

void
mkg__cmp_reach(mkg_compare *c, mkg__cmp_side s[2])
{
	for (int side = 0; side < 2; side++)
		reach(&c->reach[side], &s[side]);
}
