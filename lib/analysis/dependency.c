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

/* Sum every actor's sales and purchases (a pair's amount is part of both,
 * so once these are finite every other sum is), count the carrying
 * transactions of each seller into start[seller + 1] and mark the actors
 * that have one. */
static int
actor_totals(const mkg_model *m, mkg_measure measure, double *sales, double *purchases,
             uint32_t *start, bool *active, size_t *excluded)
{
	for (uint32_t i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);
		double x = mkg__tx_measure(t, measure);

		if (isnan(x)) {
			(*excluded)++;
			continue;
		}
		if (!mkg__sum_add(&sales[t->seller], x))
			return actor_total_overflows(m, measure, "sales", t->seller);
		if (!mkg__sum_add(&purchases[t->buyer], x))
			return actor_total_overflows(m, measure, "purchases", t->buyer);
		active[t->seller] = active[t->buyer] = true;
		start[t->seller + 1]++;
	}
	return MKG_OK;
}

/*
 * The pairs are made on worker threads, in tasks of whole sellers of
 * about DEP_CHUNK carrying transactions (the chunks depend on the data
 * only).  A task sorts each seller's transactions by buyer (then model
 * order, so a pair sums its transactions in model order), writes its
 * pairs to its own slot of one array (at most one pair per transaction:
 * from the position of its first transaction) and picks each seller's
 * top buyer; the merge, in task order, moves them down to their place.
 * The order of the pairs before their sort does not matter: the sort and
 * the top partners use total orders.  Then the sort keys are made, sorted
 * (mkg__sort) and the rows written in tasks of DEP_ROWS pairs.  Nothing
 * depends on the number of threads; each task's scratch is its sellers'
 * transactions, in place.
 */
#define DEP_CHUNK 1024
#define DEP_ROWS 16384

typedef struct dep_pass {
	const mkg_model *m;
	mkg_measure measure;
	const uint32_t *start;       /* [actors + 1] carrying transactions by seller */
	uint32_t *order;             /* [carrying] their indices, grouped by seller */
	GArray *chunk_first;         /* uint32_t: first seller of each chunk, then n_actors */
	uint32_t *chunk_pairs;       /* [chunks] pairs of each chunk */
	pair *pairs;                 /* [carrying] */
	size_t moved;                /* pairs in place (the merges so far) */
	const uint32_t *rank;
	mkg_idx *top_buyer;
	double *best_sale;
	GHashTable **levels;         /* [workers] the levels of the pairs seen, a set */
	/* rows */
	const double *sales, *purchases;
	pair_key *keys;
	const char **copies;
	GHashTable *level_copy;      /* model's level -> the result's copy */
	mkg_dependency *d;
} dep_pass;

static int
by_buyer(const void *a, const void *b, void *data)
{
	const mkg_model *m = data;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	mkg_idx bx = MKG_TX(m, x)->buyer, by = MKG_TX(m, y)->buyer;

	if (bx != by)
		return bx < by ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* Sort a seller's transactions by buyer, then model order. */
static void
sort_by_buyer(const mkg_model *m, uint32_t *o, uint32_t count)
{
	if (count > 16) {
		g_qsort_with_data(o, (gint)count, sizeof(uint32_t), by_buyer, (gpointer)m);
		return;
	}
	for (uint32_t j = 1; j < count; j++) {
		uint32_t x = o[j], k = j;

		for (; k > 0 && by_buyer(&o[k - 1], &x, (void *)m) > 0; k--)
			o[k] = o[k - 1];
		o[k] = x;
	}
}

static int
make_pairs(size_t c, unsigned int worker, void *data)
{
	dep_pass *p = data;
	const mkg_model *m = p->m;
	const uint32_t first = g_array_index(p->chunk_first, uint32_t, c);
	const uint32_t end = g_array_index(p->chunk_first, uint32_t, c + 1);
	pair *out = p->pairs + p->start[first];
	const char *seen = NULL;
	uint32_t np = 0;

	for (uint32_t s = first; s < end; s++) {
		uint32_t *o = p->order + p->start[s], count = p->start[s + 1] - p->start[s];
		uint32_t own = np; /* the seller's first pair */

		sort_by_buyer(m, o, count);
		for (uint32_t j = 0; j < count; j++) {
			const mkg_transaction_rec *t = MKG_TX(m, o[j]);
			const char *level = mkg__tx_level(m, t);
			pair *q;

			if (np == own || out[np - 1].buyer != t->buyer) {
				out[np++] = (pair){ s, t->buyer, 0.0, level, false };
				if (level != seen) {
					g_hash_table_add(p->levels[worker], (gpointer)level);
					seen = level;
				}
			}
			q = &out[np - 1];
			q->amount += mkg__tx_measure(t, p->measure);
			if (!q->mixed && q->level != level &&
			    (q->level == NULL || level == NULL || strcmp(q->level, level) != 0)) {
				q->mixed = true;
				q->level = NULL;
			}
		}
		for (uint32_t k = own; k < np; k++)
			consider(p->rank, p->top_buyer, p->best_sale, s, out[k].buyer, out[k].amount);
	}
	p->chunk_pairs[c] = np;
	return MKG_OK;
}

/* In task order: chunk c's pairs down to their place (never above their
 * slot, and below the next chunk's). */
static int
move_pairs(size_t c, unsigned int worker, void *data)
{
	dep_pass *p = data;
	const uint32_t first = g_array_index(p->chunk_first, uint32_t, c);

	(void)worker;
	memmove(p->pairs + p->moved, p->pairs + p->start[first], p->chunk_pairs[c] * sizeof(pair));
	p->moved += p->chunk_pairs[c];
	return MKG_OK;
}

static int
make_keys(size_t c, unsigned int worker, void *data)
{
	dep_pass *p = data;
	size_t end = MIN(p->moved, (c + 1) * DEP_ROWS);

	(void)worker;
	for (size_t k = c * DEP_ROWS; k < end; k++) {
		const pair *q = &p->pairs[k];
		p->keys[k].asymmetry = ratio(q->amount, p->sales[q->seller]) -
		                       ratio(q->amount, p->purchases[q->buyer]);
		p->keys[k].seller_rank = p->rank[q->seller];
		p->keys[k].buyer_rank = p->rank[q->buyer];
		p->keys[k].row = (uint32_t)k;
	}
	return MKG_OK;
}

static int
pair_key_cmp_data(const void *a, const void *b, void *data)
{
	(void)data;
	return pair_key_cmp(a, b);
}

static int
pair_rows(size_t c, unsigned int worker, void *data)
{
	dep_pass *p = data;
	size_t end = MIN(p->moved, (c + 1) * DEP_ROWS);
	const char *last = NULL, *last_copy = NULL;

	(void)worker;
	for (size_t k = c * DEP_ROWS; k < end; k++) {
		const pair *q = &p->pairs[p->keys[k].row];
		mkg_pair_dependency *row = &g_array_index(p->d->pairs, mkg_pair_dependency, k);
		row->seller = p->copies[q->seller];
		row->buyer = p->copies[q->buyer];
		row->amount = q->amount;
		row->seller_dependency = ratio(q->amount, p->sales[q->seller]);
		row->buyer_dependency = ratio(q->amount, p->purchases[q->buyer]);
		row->asymmetry = p->keys[k].asymmetry;
		if (q->level != last && q->level != NULL) {
			last = q->level;
			last_copy = g_hash_table_lookup(p->level_copy, last);
		}
		row->level = q->level ? last_copy : NULL;
	}
	return MKG_OK;
}

int
mkg__dependency_compute(mkg_dependency **out, const mkg_model *m, mkg_measure measure,
                        unsigned int threads)
{
	const uint32_t n = m->transactions->len, n_actors = m->actors->len;
	const size_t na = n_actors ? n_actors : 1;
	double *sales = g_new0(double, na), *purchases = g_new0(double, na);
	uint32_t *start = g_new0(uint32_t, (size_t)n_actors + 1);
	bool *active = g_new0(bool, na);
	size_t excluded = 0;
	int rc = actor_totals(m, measure, sales, purchases, start, active, &excluded);

	if (rc != MKG_OK) {
		g_free(sales);
		g_free(purchases);
		g_free(start);
		g_free(active);
		return rc;
	}

	mkg_dependency *d = g_new0(mkg_dependency, 1);
	double *best_sale = g_new(double, na), *best_purchase = g_new(double, na);
	mkg_idx *top_buyer = g_new(mkg_idx, na), *top_supplier = g_new(mkg_idx, na);
	const char **copies = g_new0(const char *, na);
	uint32_t *rank = mkg__actor_id_rank(m, threads);
	dep_pass p = { .m = m, .measure = measure, .start = start, .rank = rank,
	               .top_buyer = top_buyer, .best_sale = best_sale, .sales = sales,
	               .purchases = purchases, .copies = copies, .d = d };
	size_t chunks, npairs;
	unsigned int workers;

	d->strings = g_string_chunk_new(4096);
	d->measure = measure;
	d->excluded = excluded;
	d->actors = g_array_new(FALSE, FALSE, sizeof(mkg_actor_dependency));
	d->pairs = g_array_new(FALSE, FALSE, sizeof(mkg_pair_dependency));

	/* the carrying transactions by seller, and the chunks of sellers */
	p.chunk_first = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	for (uint32_t a = 0, bound = 0; a < n_actors; a++) {
		/* start[a] is a position by now, start[a + 1] still a's count */
		if (start[a] >= bound && start[a + 1] > 0) {
			g_array_append_val(p.chunk_first, a);
			bound = start[a] + DEP_CHUNK;
		}
		start[a + 1] += start[a];
	}
	chunks = p.chunk_first->len;
	g_array_append_val(p.chunk_first, n_actors);
	p.order = g_new(uint32_t, (size_t)start[n_actors] + 1);
	{
		uint32_t *fill = g_memdup2(start, sizeof(uint32_t) * ((size_t)n_actors + 1));
		for (uint32_t i = 0; i < n; i++) {
			const mkg_transaction_rec *t = MKG_TX(m, i);
			if (!isnan(mkg__tx_measure(t, measure)))
				p.order[fill[t->seller]++] = i;
		}
		g_free(fill);
	}
	for (uint32_t a = 0; a < n_actors; a++)
		top_buyer[a] = top_supplier[a] = MKG_IDX_NONE;

	/* pairs, each seller's top buyer */
	workers = mkg__workers_for(threads, chunks);
	p.pairs = g_new(pair, (size_t)start[n_actors] + 1);
	p.chunk_pairs = g_new(uint32_t, chunks + 1);
	p.levels = g_new(GHashTable *, workers);
	for (unsigned int w = 0; w < workers; w++)
		p.levels[w] = g_hash_table_new(g_direct_hash, g_direct_equal);
	mkg__run_tasks(chunks, threads, make_pairs, move_pairs, &p); /* never fails */
	npairs = p.moved;
	g_free(p.order);
	g_free(p.chunk_pairs);
	g_free(start);
	g_array_free(p.chunk_first, TRUE);
	for (size_t k = 0; k < npairs; k++)
		consider(rank, top_supplier, best_purchase, p.pairs[k].buyer, p.pairs[k].seller,
		         p.pairs[k].amount);

	/* rows of the active actors, by id; every partner is active */
	{
		mkg_idx *by_rank = g_new(mkg_idx, na);
		for (uint32_t a = 0; a < n_actors; a++) {
			by_rank[rank[a]] = a;
			if (active[a])
				copies[a] = g_string_chunk_insert(d->strings, MKG_ACTOR(m, a)->id);
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

	/* the pairs by asymmetry; their levels copied first (few) */
	p.level_copy = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (unsigned int w = 0; w < workers; w++) {
		GHashTableIter it;
		gpointer level;

		g_hash_table_iter_init(&it, p.levels[w]);
		while (g_hash_table_iter_next(&it, &level, NULL))
			g_hash_table_insert(p.level_copy, level,
			                    (gpointer)g_string_chunk_insert_const(d->strings, level));
		g_hash_table_destroy(p.levels[w]);
	}
	g_free(p.levels);
	p.keys = g_new(pair_key, npairs ? npairs : 1);
	mkg__run_tasks((npairs + DEP_ROWS - 1) / DEP_ROWS, threads, make_keys, NULL, &p);
	mkg__sort(p.keys, npairs, sizeof(pair_key), pair_key_cmp_data, NULL, threads);
	g_array_set_size(d->pairs, (guint)npairs);
	mkg__run_tasks((npairs + DEP_ROWS - 1) / DEP_ROWS, threads, pair_rows, NULL, &p);
	g_free(p.keys);
	g_hash_table_destroy(p.level_copy);

	g_free(p.pairs);
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
	return mkg__dependency_compute(out, model, o.measure, 1);
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
