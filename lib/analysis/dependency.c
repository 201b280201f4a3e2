/* marketgraph: who depends on whom.
 *
 * A counting sort groups the transactions carrying the measure by seller;
 * within a seller a scratch array indexed by buyer sums each pair, so the
 * pairs come out in O(n) and the totals of both sides in one more pass.
 * The top partners are then read off the pairs.
 *
 * SPDX-License-Identifier: MIT */
#include "analysis-private.h"

#include <stdlib.h>
#include <string.h>

struct mkg_dependency {
	GStringChunk *strings;
	mkg_measure measure;
	size_t excluded;
	GArray *actors;  /* mkg_actor_dependency, by id */
	GArray *pairs;   /* mkg_pair_dependency, by asymmetry descending */
};

MKG_DEFINE_INIT(mkg_dependency_options_init, mkg_dependency_options, opts, MKG_DEPENDENCY_OPTIONS)

typedef struct pair {
	mkg_idx seller, buyer;
	double amount;
	const char *level; /* the level of its transactions; NULL once two differ */
	bool mixed;
} pair;

/* Best partner so far of each actor: larger amount, then smaller id. */
static void
consider(const uint32_t *rank, mkg_idx *best, double *best_amount, mkg_idx actor,
         mkg_idx partner, double amount)
{
	if (amount <= 0.0)
		return;
	if (best[actor] == MKG_IDX_NONE || amount > best_amount[actor] ||
	    (amount == best_amount[actor] && rank[partner] < rank[best[actor]])) {
		best[actor] = partner;
		best_amount[actor] = amount;
	}
}

/* A pair row to sort: asymmetry descending (NaN last), then the ranks of
 * the seller's and the buyer's ids. */
typedef struct pair_key {
	double asymmetry;
	uint32_t seller_rank, buyer_rank;
	uint32_t row;
} pair_key;

static int
pair_key_cmp(const void *a, const void *b)
{
	const pair_key *x = a, *y = b;
	bool nx = isnan(x->asymmetry), ny = isnan(y->asymmetry);

	if (nx != ny)
		return nx ? 1 : -1;
	if (!nx && x->asymmetry != y->asymmetry)
		return x->asymmetry > y->asymmetry ? -1 : 1;
	if (x->seller_rank != y->seller_rank)
		return x->seller_rank < y->seller_rank ? -1 : 1;
	return x->buyer_rank < y->buyer_rank ? -1 : x->buyer_rank > y->buyer_rank;
}

static double
ratio(double part, double total)
{
	return total > 0.0 ? part / total : (double)NAN;
}

/* MKG_EDATA: the sales (or purchases) of actor a overflow. */
static int
actor_total_overflows(const mkg_model *m, mkg_measure measure, const char *what, mkg_idx a)
{
	return mkg__error(MKG_EDATA,
	                  "dependency: the %s of actor \"%s\" overflow (sum of the "
	                  "transactions' %s exceeds " MKG_SUM_LIMIT ")",
	                  what, MKG_ACTOR(m, a)->id, mkg_measure_name(measure));
}

/* Sum every actor's sales and purchases; a pair's amount is part of both,
 * so once these are finite every other sum is. */
static int
actor_totals(const mkg_model *m, mkg_measure measure, double *sales, double *purchases)
{
	for (uint32_t i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		double x = mkg__tx_measure(t, measure);

		if (isnan(x))
			continue;
		if (!mkg__sum_add(&sales[t->seller], x))
			return actor_total_overflows(m, measure, "sales", t->seller);
		if (!mkg__sum_add(&purchases[t->buyer], x))
			return actor_total_overflows(m, measure, "purchases", t->buyer);
	}
	return MKG_OK;
}

int
mkg__dependency_compute(mkg_dependency **out, const mkg_model *m, mkg_measure measure)
{
	const uint32_t n = m->transactions->len, n_actors = m->actors->len;
	const size_t na = n_actors ? n_actors : 1;
	double *sales = g_new0(double, na), *purchases = g_new0(double, na);
	int rc = actor_totals(m, measure, sales, purchases);

	if (rc != MKG_OK) {
		g_free(sales);
		g_free(purchases);
		return rc;
	}

	mkg_dependency *d = g_new0(mkg_dependency, 1);
	uint32_t *start = g_new0(uint32_t, (size_t)n_actors + 1);
	uint32_t *order, *stamp, *slot;
	double *best_sale = g_new(double, na), *best_purchase = g_new(double, na);
	mkg_idx *top_buyer = g_new(mkg_idx, na), *top_supplier = g_new(mkg_idx, na);
	bool *active = g_new0(bool, na);
	const char **copies = g_new0(const char *, na);
	GArray *pairs = g_array_new(FALSE, FALSE, sizeof(pair));
	uint32_t *rank = mkg__actor_id_rank(m);

	d->strings = g_string_chunk_new(4096);
	d->measure = measure;
	d->actors = g_array_new(FALSE, FALSE, sizeof(mkg_actor_dependency));
	d->pairs = g_array_new(FALSE, FALSE, sizeof(mkg_pair_dependency));

	/* the carrying transactions counted by seller */
	for (uint32_t i = 0; i < n; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		double x = mkg__tx_measure(t, measure);
		if (isnan(x)) {
			d->excluded++;
			continue;
		}
		active[t->seller] = active[t->buyer] = true;
		start[t->seller + 1]++;
	}
	for (uint32_t a = 0; a < n_actors; a++)
		start[a + 1] += start[a];
	order = g_new(uint32_t, (size_t)start[n_actors] + 1);
	{
		uint32_t *fill = g_memdup2(start, sizeof(uint32_t) * ((size_t)n_actors + 1));
		for (uint32_t i = 0; i < n; i++) {
			const mkg_transaction_rec *t = MKG_TX(m, i);
			if (!isnan(mkg__tx_measure(t, measure)))
				order[fill[t->seller]++] = i;
		}
		g_free(fill);
	}

	/* pairs: per seller, sum by buyer (slot[buyer] = the pair's position) */
	stamp = g_new0(uint32_t, na);
	slot = g_new(uint32_t, na);
	for (uint32_t s = 0; s < n_actors; s++) {
		for (uint32_t k = start[s]; k < start[s + 1]; k++) {
			const mkg_transaction_rec *t = MKG_TX(m, order[k]);
			const char *level = mkg__tx_level(m, t);
			pair *p;
			if (stamp[t->buyer] != s + 1) {
				pair fresh = { s, t->buyer, 0.0, level, false };
				stamp[t->buyer] = s + 1;
				slot[t->buyer] = pairs->len;
				g_array_append_val(pairs, fresh);
			}
			p = &g_array_index(pairs, pair, slot[t->buyer]);
			p->amount += mkg__tx_measure(t, measure);
			if (!p->mixed && p->level != level && strcmp(p->level, level) != 0) {
				p->mixed = true;
				p->level = NULL;
			}
		}
	}
	g_free(stamp);
	g_free(slot);
	g_free(order);
	g_free(start);

	for (uint32_t a = 0; a < n_actors; a++)
		top_buyer[a] = top_supplier[a] = MKG_IDX_NONE;
	for (guint k = 0; k < pairs->len; k++) {
		const pair *p = &g_array_index(pairs, pair, k);
		consider(rank, top_buyer, best_sale, p->seller, p->buyer, p->amount);
		consider(rank, top_supplier, best_purchase, p->buyer, p->seller, p->amount);
	}

	/* rows of the active actors, by id; every partner is active */
	{
		mkg_idx *by_rank = g_new(mkg_idx, na);
		for (uint32_t a = 0; a < n_actors; a++) {
			by_rank[rank[a]] = a;
			if (active[a])
				copies[a] = g_string_chunk_insert_const(d->strings, MKG_ACTOR(m, a)->id);
		}
		for (uint32_t k = 0; k < n_actors; k++) {
			mkg_idx a = by_rank[k];
			mkg_actor_dependency row;
			if (!active[a])
				continue;
			row.actor = copies[a];
			row.sales = sales[a];
			row.purchases = purchases[a];
			row.top_buyer = top_buyer[a] != MKG_IDX_NONE ? copies[top_buyer[a]] : NULL;
			row.sales_share = top_buyer[a] != MKG_IDX_NONE ? best_sale[a] / sales[a]
			                                               : (double)NAN;
			row.top_supplier =
				top_supplier[a] != MKG_IDX_NONE ? copies[top_supplier[a]] : NULL;
			row.purchase_share = top_supplier[a] != MKG_IDX_NONE
			                             ? best_purchase[a] / purchases[a]
			                             : (double)NAN;
			g_array_append_val(d->actors, row);
		}
		g_free(by_rank);
	}

	{
		pair_key *keys = g_new(pair_key, pairs->len ? pairs->len : 1);
		for (guint k = 0; k < pairs->len; k++) {
			const pair *p = &g_array_index(pairs, pair, k);
			keys[k].asymmetry = ratio(p->amount, sales[p->seller]) -
			                    ratio(p->amount, purchases[p->buyer]);
			keys[k].seller_rank = rank[p->seller];
			keys[k].buyer_rank = rank[p->buyer];
			keys[k].row = k;
		}
		qsort(keys, pairs->len, sizeof(pair_key), pair_key_cmp);
		g_array_set_size(d->pairs, pairs->len);
		for (guint k = 0; k < pairs->len; k++) {
			const pair *p = &g_array_index(pairs, pair, keys[k].row);
			mkg_pair_dependency *row = &g_array_index(d->pairs, mkg_pair_dependency, k);
			row->seller = copies[p->seller];
			row->buyer = copies[p->buyer];
			row->amount = p->amount;
			row->seller_dependency = ratio(p->amount, sales[p->seller]);
			row->buyer_dependency = ratio(p->amount, purchases[p->buyer]);
			row->asymmetry = keys[k].asymmetry;
			row->level = p->level ? g_string_chunk_insert_const(d->strings, p->level) : NULL;
		}
		g_free(keys);
	}

	g_array_free(pairs, TRUE);
	g_free(rank);
	g_free(copies);
	g_free(active);
	g_free(top_buyer);
	g_free(top_supplier);
	g_free(best_sale);
	g_free(best_purchase);
	g_free(sales);
	g_free(purchases);
	*out = d;
	return MKG_OK;
}

int
mkg_dependency_new(mkg_dependency **out, const mkg_model *model,
                   const mkg_dependency_options *opts)
{
	mkg_dependency_options o;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS("mkg_dependency_new", mkg_dependency_options, MKG_DEPENDENCY_OPTIONS,
	                    opts, &o);
	if ((rc = mkg__check_measure(o.measure)) != MKG_OK)
		return rc;
	return mkg__dependency_compute(out, model, o.measure);
}

void
mkg_dependency_free(mkg_dependency *d)
{
	if (d == NULL)
		return;
	g_array_free(d->actors, TRUE);
	g_array_free(d->pairs, TRUE);
	g_string_chunk_free(d->strings);
	g_free(d);
}

size_t
mkg_dependency_actor_count(const mkg_dependency *d)
{
	return d ? d->actors->len : 0;
}

const mkg_actor_dependency *
mkg_dependency_actor_at(const mkg_dependency *d, size_t i)
{
	return d && i < d->actors->len ? &g_array_index(d->actors, mkg_actor_dependency, i) : NULL;
}

size_t
mkg_dependency_pair_count(const mkg_dependency *d)
{
	return d ? d->pairs->len : 0;
}

const mkg_pair_dependency *
mkg_dependency_pair_at(const mkg_dependency *d, size_t i)
{
	return d && i < d->pairs->len ? &g_array_index(d->pairs, mkg_pair_dependency, i) : NULL;
}

size_t
mkg_dependency_excluded(const mkg_dependency *d)
{
	return d ? d->excluded : 0;
}

mkg_measure
mkg_dependency_measure(const mkg_dependency *d)
{
	return d ? d->measure : MKG_MEASURE_VOLUME;
}
