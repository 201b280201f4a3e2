/* Tests of the worker threads (lib/core/workers.c, mkg__run_tasks) and of
 * the analyses that use them: the same bits for 1, 2, 4 and 7 threads, the
 * lowest task's error, merges in task order.  Also built with
 * ThreadSanitizer in CI (docs/testing.md), like test-threads.c.
 * SPDX-License-Identifier: MIT */
#include "graph-fixture.h"
#include "core-private.h" /* mkg__run_tasks, mkg__sort */
#include "analysis-private.h" /* mkg__dependency_compute */
#include "marketgraph/bottlenecks.h"
#include "marketgraph/concentration.h"
#include "marketgraph/dependency.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>

#include "tsan-glib.h"

static const unsigned thread_counts[] = { 1, 2, 4, 7 };

/* ---- the facility ---- */

#define TASKS 40

typedef struct sums {
	double value[TASKS * 100];
	double part[TASKS];       /* per task, written by its task only */
	double total;
	int busy[8];              /* per worker: a task of it is running */
	size_t merged[TASKS];
	size_t merge_count;
	size_t fail_a, fail_b;    /* tasks that fail (TASKS: none) */
} sums;

static int
sum_task(size_t i, unsigned int worker, void *data)
{
	sums *s = data;
	double p = 0.0;

	assert_true(worker < 8);
	/* no two tasks of one worker at once */
	assert_int_equal(g_atomic_int_add(&s->busy[worker], 1), 0);
	for (size_t k = 0; k < 100; k++)
		p += s->value[i * 100 + k];
	s->part[i] = p;
	g_atomic_int_add(&s->busy[worker], -1);
	if (i == s->fail_a)
		return mkg__error(MKG_EDATA, "task %zu failed", i);
	if (i == s->fail_b)
		return mkg__error(MKG_EINVAL, "task %zu failed too", i);
	return MKG_OK;
}

static int
sum_merge(size_t i, unsigned int worker, void *data)
{
	sums *s = data;

	(void)worker;
	s->total += s->part[i];
	s->merged[s->merge_count++] = i;
	return MKG_OK;
}

static void
sums_init(sums *s, size_t fail_a, size_t fail_b)
{
	uint64_t state = 11;

	memset(s, 0, sizeof *s);
	/* magnitudes from 1e-8 to 1e8: the order of the additions shows */
	for (size_t k = 0; k < TASKS * 100; k++)
		s->value[k] = ldexp((double)(fixture_rand(&state) >> 11), -53) *
		              pow(10.0, (double)(k % 17) - 8.0);
	s->fail_a = fail_a;
	s->fail_b = fail_b;
}

/* The total is the parts added in task order, each part its values in
 * order: computed here without the facility and compared bit for bit. */
static void
test_merge_in_task_order(void **state)
{
	sums *s = g_new(sums, 1);
	double want = 0.0;

	(void)state;
	sums_init(s, TASKS, TASKS);
	for (size_t i = 0; i < TASKS; i++) {
		double p = 0.0;

		for (size_t k = 0; k < 100; k++)
			p += s->value[i * 100 + k];
		want += p;
	}
	for (size_t t = 0; t < G_N_ELEMENTS(thread_counts); t++) {
		sums_init(s, TASKS, TASKS);
		assert_int_equal(mkg__run_tasks(TASKS, thread_counts[t], sum_task, sum_merge, s),
		                 MKG_OK);
		assert_memory_equal(&s->total, &want, sizeof want);
		assert_int_equal(s->merge_count, TASKS);
		for (size_t i = 0; i < TASKS; i++)
			assert_int_equal(s->merged[i], i);
	}
	g_free(s);
}

/* Tasks 13 (MKG_EDATA) and 29 (MKG_EINVAL) fail: every thread count
 * reports task 13's error; only the tasks before it are merged. */
static void
test_lowest_error(void **state)
{
	sums *s = g_new(sums, 1);

	(void)state;
	for (size_t t = 0; t < G_N_ELEMENTS(thread_counts); t++) {
		sums_init(s, 13, 29);
		mkg_error_clear();
		assert_int_equal(mkg__run_tasks(TASKS, thread_counts[t], sum_task, sum_merge, s),
		                 MKG_EDATA);
		assert_string_equal(mkg_error_message(), "task 13 failed");
		assert_int_equal(s->merge_count, 13);
		for (size_t i = 0; i < 13; i++)
			assert_int_equal(s->merged[i], i);
	}
	/* task 29 alone, without a merge */
	for (size_t t = 0; t < G_N_ELEMENTS(thread_counts); t++) {
		sums_init(s, TASKS, 29);
		assert_int_equal(mkg__run_tasks(TASKS, thread_counts[t], sum_task, NULL, s),
		                 MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "task 29 failed too");
	}
	g_free(s);
}

static void
test_workers_for(void **state)
{
	(void)state;
	assert_int_equal(mkg__workers_for(1, 100), 1);
	assert_int_equal(mkg__workers_for(7, 100), 7);
	assert_int_equal(mkg__workers_for(7, 3), 3);
	assert_int_equal(mkg__workers_for(7, 0), 1);
	assert_int_equal(mkg__workers_for(0, 1000), g_get_num_processors());
	assert_int_equal(mkg__run_tasks(0, 4, sum_task, sum_merge, NULL), MKG_OK);
}

/* ---- mkg__sort ---- */

typedef struct item {
	uint32_t key;  /* 0 .. 499: many ties */
	uint32_t seq;  /* its place before the sort */
	uint32_t pad;  /* 12-byte elements */
} item;

static int
item_key_cmp(const void *a, const void *b, void *data)
{
	const item *x = a, *y = b;

	(void)data;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* The stable order, independently: by key, then by place. */
static int
item_key_seq_cmp(const void *a, const void *b, void *data)
{
	const item *x = a, *y = b;
	int c = item_key_cmp(a, b, data);

	return c != 0 ? c : x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sizes around one run (4096), 5 runs (an odd number of merge rounds), 13
 * (even, and rounds of fewer than 16 merges split into pieces) and 49:
 * every thread count gives the stable order, the same bytes. */
static void
test_sort_stable_any_threads(void **state)
{
	static const size_t sizes[] = { 0, 1, 2, 4096, 4097, 20000, 50000, 3 * 4096 * 16 + 5 };
	uint64_t st = 5;

	(void)state;
	for (size_t z = 0; z < G_N_ELEMENTS(sizes); z++) {
		size_t n = sizes[z];
		item *input = g_new0(item, n + 1), *want = g_new0(item, n + 1);
		item *got = g_new0(item, n + 1);

		for (size_t k = 0; k < n; k++) {
			input[k].key = (uint32_t)(fixture_rand(&st) % 500);
			input[k].seq = (uint32_t)k;
		}
		memcpy(want, input, n * sizeof(item));
		if (n > 1)
			g_qsort_with_data(want, (gint)n, sizeof(item), item_key_seq_cmp, NULL);
		for (size_t t = 0; t < G_N_ELEMENTS(thread_counts); t++) {
			memcpy(got, input, n * sizeof(item));
			mkg__sort(got, n, sizeof(item), item_key_cmp, NULL, thread_counts[t]);
			assert_memory_equal(got, want, n * sizeof(item) + 1);
		}
		g_free(input);
		g_free(want);
		g_free(got);
	}
}

/* ---- betweenness ---- */

#define NODES 900

/* A random graph of 900 actors (400 producers, 300 traders, 100 exporters,
 * 100 end markets) and about 3000 arcs, with cycles among traders and
 * exporters: 900 searched sources are 15 chunks of 64, the 400 producers
 * 7 chunks.  kind/arc_u/arc_v receive the graph for the reference. */
static mkg_model *
random_model(char *kind, GArray *arc_u, GArray *arc_v)
{
	GString *actors = g_string_new(NULL), *txs = g_string_new(NULL);
	uint64_t st = 2024;
	mkg_model *m;

	for (unsigned v = 0; v < NODES; v++) {
		kind[v] = v < 400 ? 'p' : v < 700 ? 't' : v < 800 ? 'x' : 'e';
		g_string_append_printf(actors, "%c:n%03u ", kind[v], v);
	}
	for (unsigned k = 0; k < 3000; k++) {
		unsigned u = (unsigned)(fixture_rand(&st) % 800);       /* not an end market */
		unsigned v = 400 + (unsigned)(fixture_rand(&st) % 500); /* not a producer */

		if (u == v)
			continue;
		g_string_append_printf(txs, "n%03u>n%03u:1 ", u, v);
		g_array_append_val(arc_u, u);
		g_array_append_val(arc_v, v);
	}
	m = fixture_model(actors->str, txs->str);
	g_string_free(actors, TRUE);
	g_string_free(txs, TRUE);
	return m;
}

static mkg_betweenness *
betweenness_with(const mkg_model *m, unsigned threads, size_t pivots)
{
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_betweenness *b = NULL;

	o.threads = threads;
	o.pivots = pivots;
	o.seed = 7;
	assert_int_equal(mkg_betweenness_new(&b, m, &o), MKG_OK);
	return b;
}

static void
assert_same_bits(const mkg_betweenness *a, const mkg_betweenness *b)
{
	assert_int_equal(mkg_betweenness_count(a), mkg_betweenness_count(b));
	for (size_t i = 0; i < mkg_betweenness_count(a); i++) {
		const mkg_betweenness_score *x = mkg_betweenness_at(a, i);
		const mkg_betweenness_score *y = mkg_betweenness_at(b, i);

		assert_string_equal(x->actor, y->actor);
		assert_memory_equal(&x->all_pairs, &y->all_pairs, sizeof(double));
		assert_memory_equal(&x->source_sink, &y->source_sink, sizeof(double));
	}
}

/* Sum over ordered pairs (s, t), t reached from s, of dist(s, t) - 1: the
 * inner nodes of each shortest path, one path's worth per pair, so it
 * equals the sum of every node's all-pairs betweenness. */
static double
distance_identity(const GArray *arc_u, const GArray *arc_v)
{
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref);
	int *dist = g_new(int, NODES);
	unsigned *queue = g_new(unsigned, NODES);
	double total = 0.0;

	for (unsigned v = 0; v < NODES; v++)
		g_ptr_array_add(out, g_hash_table_new(NULL, NULL));
	for (guint k = 0; k < arc_u->len; k++)
		g_hash_table_add(out->pdata[g_array_index(arc_u, unsigned, k)],
		                 GUINT_TO_POINTER(g_array_index(arc_v, unsigned, k)));
	for (unsigned s = 0; s < NODES; s++) {
		unsigned qh = 0, qt = 0;

		for (unsigned v = 0; v < NODES; v++)
			dist[v] = -1;
		dist[s] = 0;
		queue[qt++] = s;
		while (qh < qt) {
			unsigned u = queue[qh++];
			GHashTableIter it;
			gpointer key;

			g_hash_table_iter_init(&it, out->pdata[u]);
			while (g_hash_table_iter_next(&it, &key, NULL))
				if (dist[GPOINTER_TO_UINT(key)] < 0) {
					dist[GPOINTER_TO_UINT(key)] = dist[u] + 1;
					queue[qt++] = GPOINTER_TO_UINT(key);
				}
		}
		for (unsigned i = 1; i < qt; i++)
			total += dist[queue[i]] - 1;
	}
	g_ptr_array_free(out, TRUE);
	g_free(dist);
	g_free(queue);
	return total;
}

static void
test_betweenness_any_threads(void **state)
{
	char kind[NODES];
	GArray *arc_u = g_array_new(FALSE, FALSE, sizeof(unsigned));
	GArray *arc_v = g_array_new(FALSE, FALSE, sizeof(unsigned));
	mkg_model *m = random_model(kind, arc_u, arc_v);
	mkg_betweenness *one = betweenness_with(m, 1, 0), *est = betweenness_with(m, 1, 300);
	double sum = 0.0, want = distance_identity(arc_u, arc_v);

	(void)state;
	/* the values are right: their sum is the distances' (the sums are
	 * whole numbers of paths, so rounding stays far below 1e-9) */
	for (size_t i = 0; i < mkg_betweenness_count(one); i++)
		sum += mkg_betweenness_at(one, i)->all_pairs;
	assert_true(want > 10000.0);
	assert_true(fabs(sum - want) <= 1e-9 * want);
	assert_true(mkg_betweenness_is_estimate(est));
	for (size_t t = 1; t < G_N_ELEMENTS(thread_counts); t++) {
		mkg_betweenness *b = betweenness_with(m, thread_counts[t], 0);
		mkg_betweenness *e = betweenness_with(m, thread_counts[t], 300);

		assert_same_bits(one, b);
		assert_same_bits(est, e);
		mkg_betweenness_free(b);
		mkg_betweenness_free(e);
	}
	mkg_betweenness_free(one);
	mkg_betweenness_free(est);
	mkg_model_free(m);
	g_array_free(arc_u, TRUE);
	g_array_free(arc_v, TRUE);
}

/* ---- concentration ---- */

/* 900 actors trading 120 commodities (the random graph's actors, 4000
 * transactions of volumes 1 to 50): 2 levels and more per commodity, well
 * over 64 markets, so several chunks.  The same bits for any thread count,
 * and each side's HHI is 10^4 sum(share^2) of its own shares (no actor
 * here has firms, so each counts 1; end markets are the fringe). */
static mkg_concentration *
concentration_with(const mkg_model *m, unsigned threads)
{
	mkg_concentration_options o = MKG_CONCENTRATION_OPTIONS_INIT;
	mkg_concentration *c = NULL;

	o.threads = threads;
	assert_int_equal(mkg_concentration_new(&c, m, &o), MKG_OK);
	return c;
}

static void
test_concentration_any_threads(void **state)
{
	char kind[NODES];
	GArray *arc_u = g_array_new(FALSE, FALSE, sizeof(unsigned));
	GArray *arc_v = g_array_new(FALSE, FALSE, sizeof(unsigned));
	mkg_model *m = random_model(kind, arc_u, arc_v);
	mkg_concentration *one;
	uint64_t st = 99;

	(void)state;
	for (unsigned k = 0; k < 4000; k++) {
		mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;
		char seller[8], buyer[8], commodity[8];
		unsigned u = (unsigned)(fixture_rand(&st) % 800);
		unsigned v = 400 + (unsigned)(fixture_rand(&st) % 500);

		if (u == v)
			continue;
		g_snprintf(seller, sizeof seller, "n%03u", u);
		g_snprintf(buyer, sizeof buyer, "n%03u", v);
		g_snprintf(commodity, sizeof commodity, "c%03u", (unsigned)(fixture_rand(&st) % 120));
		d.seller = seller;
		d.buyer = buyer;
		d.commodity = commodity;
		d.volume = (double)(1 + fixture_rand(&st) % 50);
		assert_int_equal(mkg_model_add_transaction(m, &d, NULL), MKG_OK);
	}
	one = concentration_with(m, 1);
	assert_true(mkg_concentration_market_count(one) > 4 * 64);
	for (size_t i = 0; i < mkg_concentration_market_count(one); i++) {
		const mkg_market_side *s = mkg_concentration_side(one, i, MKG_SIDE_SELLER);
		double sum = 0.0, sq = 0.0;

		for (size_t k = 0; k < s->actors; k++) {
			sum += s->shares[k].amount;
			sq += s->shares[k].share * s->shares[k].share;
		}
		assert_true(fabs(sum - s->total) <= 1e-9 * s->total);
		assert_true(fabs(s->hhi - 1e4 * sq) <= 1e-6);
	}
	for (size_t t = 1; t < G_N_ELEMENTS(thread_counts); t++) {
		mkg_concentration *c = concentration_with(m, thread_counts[t]);

		assert_int_equal(mkg_concentration_market_count(c), mkg_concentration_market_count(one));
		for (size_t i = 0; i < mkg_concentration_market_count(one); i++)
			for (int side = 0; side < 2; side++) {
				const mkg_market_side *x = mkg_concentration_side(one, i, (mkg_side)side);
				const mkg_market_side *y = mkg_concentration_side(c, i, (mkg_side)side);

				assert_int_equal(x->actors, y->actors);
				assert_int_equal(x->firms, y->firms);
				assert_memory_equal(&x->hhi, &y->hhi, sizeof(double));
				assert_memory_equal(&x->cr4, &y->cr4, sizeof(double));
				for (size_t k = 0; k < x->actors; k++) {
					assert_string_equal(x->shares[k].actor, y->shares[k].actor);
					assert_memory_equal(&x->shares[k].amount, &y->shares[k].amount,
					                    sizeof(double));
				}
			}
		mkg_concentration_free(c);
	}
	mkg_concentration_free(one);
	mkg_model_free(m);
	g_array_free(arc_u, TRUE);
	g_array_free(arc_v, TRUE);
}

/* ---- markets ---- */

/* 40,000 transactions among the 900 actors, 30 commodities, periods 2010
 * and 2011: three ranges of 16,384 transactions, markets first seen in
 * each.  For 1, 2, 4 and 7 threads the partition is the same bit for
 * bit, and, computed here from the model: each market's transactions are
 * those marked with it, in model order, and its total is their volumes
 * added in model order. */
static void
add_random_transactions(mkg_model *m, unsigned count, uint64_t seed)
{
	uint64_t st = seed;

	for (unsigned k = 0; k < count; k++) {
		mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;
		char seller[8], buyer[8], commodity[8];
		unsigned u = (unsigned)(fixture_rand(&st) % 800);
		unsigned v = 400 + (unsigned)(fixture_rand(&st) % 500);

		if (u == v)
			v = 899;
		g_snprintf(seller, sizeof seller, "n%03u", u);
		g_snprintf(buyer, sizeof buyer, "n%03u", v);
		g_snprintf(commodity, sizeof commodity, "c%03u", (unsigned)(fixture_rand(&st) % 30));
		d.seller = seller;
		d.buyer = buyer;
		d.commodity = commodity;
		d.period = k % 3 == 0 ? "2010" : "2011";
		d.volume = 0.1 * (double)(1 + fixture_rand(&st) % 50);
		assert_int_equal(mkg_model_add_transaction(m, &d, NULL), MKG_OK);
	}
}

static void
test_markets_any_threads(void **state)
{
	char kind[NODES];
	GArray *arc_u = g_array_new(FALSE, FALSE, sizeof(unsigned));
	GArray *arc_v = g_array_new(FALSE, FALSE, sizeof(unsigned));
	mkg_model *m = random_model(kind, arc_u, arc_v);
	size_t n;
	mkg__markets one;

	(void)state;
	add_random_transactions(m, 40000, 3);
	n = mkg_model_transaction_count(m);
	assert_true(n > 2 * 16384);
	assert_int_equal(mkg__markets_build(&one, m, MKG_MEASURE_VOLUME, MKG_LEVELS_SEPARATE,
	                                    MKG_REGION_NONE, "test", 1), MKG_OK);
	assert_true(one.count > 60);
	assert_int_equal(one.carrying, n);
	for (uint32_t j = 0; j < one.count; j++) {
		const mkg__market *mk = &one.markets[j];
		uint32_t k = mk->first;
		double total = 0.0;

		for (size_t i = 0; i < n; i++) {
			if (one.tx_market[i] != j)
				continue;
			mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;

			assert_int_equal(mkg_model_transaction_at(m, i, &d), MKG_OK);
			assert_int_equal(one.tx[k], i);
			assert_memory_equal(&one.amount[k], &d.volume, sizeof(double));
			total += one.amount[k++];
		}
		assert_int_equal(k, mk->first + mk->count);
		assert_memory_equal(&total, &mk->total, sizeof total);
		if (j > 0)
			assert_true(strcmp(one.markets[j - 1].commodity, mk->commodity) <= 0);
	}
	for (size_t t = 1; t < G_N_ELEMENTS(thread_counts); t++) {
		mkg__markets x;

		assert_int_equal(mkg__markets_build(&x, m, MKG_MEASURE_VOLUME, MKG_LEVELS_SEPARATE,
		                                    MKG_REGION_NONE, "test", thread_counts[t]),
		                 MKG_OK);
		assert_int_equal(x.count, one.count);
		for (uint32_t j = 0; j < one.count; j++) {
			const mkg__market *a = &one.markets[j], *b = &x.markets[j];

			/* field by field: the padding is not part of the result */
			assert_ptr_equal(a->commodity, b->commodity);
			assert_ptr_equal(a->level, b->level);
			assert_ptr_equal(a->period, b->period);
			assert_ptr_equal(a->region, b->region);
			assert_int_equal(a->service, b->service);
			assert_int_equal(a->first, b->first);
			assert_int_equal(a->count, b->count);
			assert_int_equal(a->excluded, b->excluded);
			assert_memory_equal(&a->total, &b->total, sizeof(double));
		}
		assert_memory_equal(x.tx_market, one.tx_market, n * sizeof(uint32_t));
		assert_memory_equal(x.tx, one.tx, n * sizeof(uint32_t));
		assert_memory_equal(x.seller, one.seller, n * sizeof(mkg_idx));
		assert_memory_equal(x.buyer, one.buyer, n * sizeof(mkg_idx));
		assert_memory_equal(x.amount, one.amount, n * sizeof(double));
		mkg__markets_clear(&x);
	}
	mkg__markets_clear(&one);
	mkg_model_free(m);
	g_array_free(arc_u, TRUE);
	g_array_free(arc_v, TRUE);
}

/* Two markets overflow: c001 (n100 to n500, traders' level) at its second
 * 1e308, transaction 30,000, in the second range; c002 at its second,
 * transaction 25,000, also past the first range.  Every thread count
 * names c002, the first to overflow in model order. */
static void
test_markets_first_overflow(void **state)
{
	char kind[NODES];
	GArray *arc_u = g_array_new(FALSE, FALSE, sizeof(unsigned));
	GArray *arc_v = g_array_new(FALSE, FALSE, sizeof(unsigned));
	mkg_model *m = random_model(kind, arc_u, arc_v);
	static const unsigned at[] = { 12000, 17000, 25000, 30000 };
	static const char *const commodity[] = { "c001", "c002", "c002", "c001" };
	unsigned next = 0;

	(void)state;
	for (unsigned k = 0; k < 32000; k++) {
		mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;

		d.seller = "n100";
		d.buyer = "n500";
		d.commodity = "c000";
		d.volume = 1.0;
		if (next < G_N_ELEMENTS(at) && k == at[next]) {
			d.commodity = commodity[next++];
			d.volume = 1e308;
		}
		assert_int_equal(mkg_model_add_transaction(m, &d, NULL), MKG_OK);
	}
	for (size_t t = 0; t < G_N_ELEMENTS(thread_counts); t++) {
		mkg__markets x;

		mkg_error_clear();
		assert_int_equal(mkg__markets_build(&x, m, MKG_MEASURE_VOLUME, MKG_LEVELS_SEPARATE,
		                                    MKG_REGION_NONE, "concentration",
		                                    thread_counts[t]),
		                 MKG_EDATA);
		assert_string_equal(mkg_error_message(),
		                    "concentration: the volume of market \"c002\" level \"producer\" "
		                    "overflows (sum of the transactions' volume exceeds 1.8e308)");
		assert_int_equal(x.count, 0);
		assert_null(x.markets);
	}
	mkg_model_free(m);
	g_array_free(arc_u, TRUE);
	g_array_free(arc_v, TRUE);
}

/* ---- dependency ---- */

/* The 900 actors with 12,000 transactions of volumes 1 to 20 (levels
 * "retail" on one in seven, so some pairs are mixed): 12 chunks of about
 * 1,024 transactions and over 4,096 pairs (a sort of several runs).  Every
 * thread count gives the same rows, bit for bit; each actor's sales are
 * the sum of its pairs' amounts, and the pairs come by asymmetry
 * descending. */
static mkg_dependency *
dependency_with(const mkg_model *m, unsigned threads)
{
	mkg_dependency *d = NULL;

	assert_int_equal(mkg__dependency_compute(&d, m, MKG_MEASURE_VOLUME, threads), MKG_OK);
	return d;
}

static void
test_dependency_any_threads(void **state)
{
	char kind[NODES];
	GArray *arc_u = g_array_new(FALSE, FALSE, sizeof(unsigned));
	GArray *arc_v = g_array_new(FALSE, FALSE, sizeof(unsigned));
	mkg_model *m = random_model(kind, arc_u, arc_v);
	GHashTable *sales = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	mkg_dependency *one;
	uint64_t st = 7;

	(void)state;
	for (unsigned k = 0; k < 12000; k++) {
		mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;
		char seller[8], buyer[8];
		unsigned u = (unsigned)(fixture_rand(&st) % 800);
		unsigned v = 400 + (unsigned)(fixture_rand(&st) % 500);

		if (u == v)
			continue;
		g_snprintf(seller, sizeof seller, "n%03u", u);
		g_snprintf(buyer, sizeof buyer, "n%03u", v);
		d.seller = seller;
		d.buyer = buyer;
		d.commodity = "maize";
		d.volume = (double)(1 + fixture_rand(&st) % 20);
		if (k % 7 == 0)
			d.level = "retail";
		assert_int_equal(mkg_model_add_transaction(m, &d, NULL), MKG_OK);
	}
	one = dependency_with(m, 1);
	assert_true(mkg_dependency_pair_count(one) > 4096);
	for (size_t i = 0; i < mkg_dependency_pair_count(one); i++) {
		const mkg_pair_dependency *p = mkg_dependency_pair_at(one, i);
		double *sum = g_hash_table_lookup(sales, p->seller);

		if (sum == NULL) {
			sum = g_new0(double, 1);
			g_hash_table_insert(sales, (gpointer)p->seller, sum);
		}
		*sum += p->amount;
		if (i > 0)
			assert_true(mkg_dependency_pair_at(one, i - 1)->asymmetry >= p->asymmetry);
	}
	for (size_t i = 0; i < mkg_dependency_actor_count(one); i++) {
		const mkg_actor_dependency *a = mkg_dependency_actor_at(one, i);
		double *sum = g_hash_table_lookup(sales, a->actor);

		assert_true(fabs((sum ? *sum : 0.0) - a->sales) <= 1e-9 * a->sales);
	}
	for (size_t t = 1; t < G_N_ELEMENTS(thread_counts); t++) {
		mkg_dependency *d = dependency_with(m, thread_counts[t]);

		assert_int_equal(mkg_dependency_actor_count(d), mkg_dependency_actor_count(one));
		assert_int_equal(mkg_dependency_pair_count(d), mkg_dependency_pair_count(one));
		for (size_t i = 0; i < mkg_dependency_actor_count(one); i++) {
			const mkg_actor_dependency *x = mkg_dependency_actor_at(one, i);
			const mkg_actor_dependency *y = mkg_dependency_actor_at(d, i);

			assert_string_equal(x->actor, y->actor);
			assert_true((x->top_buyer == NULL) == (y->top_buyer == NULL));
			if (x->top_buyer)
				assert_string_equal(x->top_buyer, y->top_buyer);
			assert_true((x->top_supplier == NULL) == (y->top_supplier == NULL));
			if (x->top_supplier)
				assert_string_equal(x->top_supplier, y->top_supplier);
			assert_memory_equal(&x->sales_share, &y->sales_share, sizeof(double));
			assert_memory_equal(&x->purchase_share, &y->purchase_share, sizeof(double));
		}
		for (size_t i = 0; i < mkg_dependency_pair_count(one); i++) {
			const mkg_pair_dependency *x = mkg_dependency_pair_at(one, i);
			const mkg_pair_dependency *y = mkg_dependency_pair_at(d, i);

			assert_string_equal(x->seller, y->seller);
			assert_string_equal(x->buyer, y->buyer);
			assert_memory_equal(&x->amount, &y->amount, sizeof(double));
			assert_memory_equal(&x->asymmetry, &y->asymmetry, sizeof(double));
			assert_true((x->level == NULL) == (y->level == NULL));
			if (x->level)
				assert_string_equal(x->level, y->level);
		}
		mkg_dependency_free(d);
	}
	mkg_dependency_free(one);
	g_hash_table_destroy(sales);
	mkg_model_free(m);
	g_array_free(arc_u, TRUE);
	g_array_free(arc_v, TRUE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge_in_task_order),
		cmocka_unit_test(test_lowest_error),
		cmocka_unit_test(test_workers_for),
		cmocka_unit_test(test_betweenness_any_threads),
		cmocka_unit_test(test_concentration_any_threads),
		cmocka_unit_test(test_sort_stable_any_threads),
		cmocka_unit_test(test_dependency_any_threads),
		cmocka_unit_test(test_markets_any_threads),
		cmocka_unit_test(test_markets_first_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
