/* Tests of the produce graph view (lib/graph): merging, numbering, both
 * CSR directions, the cache in the model, and the source/sink roles.
 * SPDX-License-Identifier: MIT */
#include "graph-private.h"
#include "graph-fixture.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

/* The graph of m's only chain. */
static const mkg_graph *
graph_of(const mkg_model *m)
{
	const mkg_graph *g = NULL;

	assert_int_equal(mkg__graph_get(m, NULL, "test", &g), MKG_OK);
	return g;
}

static uint32_t
node_of(const mkg_model *m, const mkg_graph *g, const char *id)
{
	size_t a;

	assert_int_equal(mkg_model_find_actor(m, id, &a), MKG_OK);
	return g->actor_node[a];
}

static const char *
id_of(const mkg_model *m, const mkg_graph *g, uint32_t v)
{
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

	assert_int_equal(mkg_model_actor_at(m, g->node_actor[v], &d), MKG_OK);
	return d.id;
}

/* The arc tail -> head, or UINT32_MAX. */
static uint32_t
arc_of(const mkg_graph *g, uint32_t tail, uint32_t head)
{
	for (uint32_t k = g->out_start[tail]; k < g->out_start[tail + 1]; k++)
		if (g->arc_head[k] == head)
			return k;
	return UINT32_MAX;
}

/* Every invariant that ties the arrays together. */
static void
check_consistent(const mkg_graph *g)
{
	assert_int_equal(g->out_start[0], 0);
	assert_int_equal(g->out_start[g->n], g->m);
	assert_int_equal(g->in_start[0], 0);
	assert_int_equal(g->in_start[g->n], g->m);
	for (uint32_t v = 0; v < g->n; v++) {
		double sold = 0.0, bought = 0.0;

		assert_int_equal(g->actor_node[g->node_actor[v]], v);
		assert_true(g->out_start[v] <= g->out_start[v + 1]);
		for (uint32_t k = g->out_start[v]; k < g->out_start[v + 1]; k++) {
			assert_int_equal(g->arc_tail[k], v);
			assert_true(g->arc_head[k] < g->n);
			assert_int_not_equal(g->arc_head[k], v);
			/* each ordered pair once */
			for (uint32_t j = g->out_start[v]; j < k; j++)
				assert_int_not_equal(g->arc_head[j], g->arc_head[k]);
			sold += g->arc_volume[k];
		}
		for (uint32_t k = g->in_start[v]; k < g->in_start[v + 1]; k++) {
			uint32_t a = g->in_arc[k];

			assert_int_equal(g->arc_head[a], v);
			assert_int_equal(g->in_tail[k], g->arc_tail[a]);
			if (k > g->in_start[v])
				assert_true(g->in_arc[k - 1] < a);
			bought += g->arc_volume[a];
		}
		assert_true(g->node_sold[v] == sold);
		assert_true(g->node_bought[v] == bought);
	}
}

static void
test_empty(void **state)
{
	mkg_model *m = fixture_model("p:a e:z", "");
	const mkg_graph *g;

	(void)state;
	g = graph_of(m);
	assert_non_null(g);
	assert_int_equal(g->n, 0);
	assert_int_equal(g->m, 0);
	assert_int_equal(g->actor_node[0], UINT32_MAX);
	assert_int_equal(g->actor_node[1], UINT32_MAX);
	check_consistent(g);
	mkg_model_free(m);
}

/* a->b three times (10 + 5 + absent volume, capacities 4 + 6 + none),
 * b->a once, a->c only as a service: c is no node, the service is no arc. */
static void
test_merge_parallel(void **state)
{
	mkg_model *m = fixture_model("t:a t:b t:c s:d",
	                             "a>b:10/4 b>a:2 a>b:5/6 a>c:7s a>b:- d>a:1s");
	const mkg_graph *g = graph_of(m);
	uint32_t a = node_of(m, g, "a"), b = node_of(m, g, "b"), k;

	(void)state;
	assert_int_equal(g->n, 2);
	assert_int_equal(g->m, 2);
	assert_int_equal(node_of(m, g, "c"), UINT32_MAX);
	assert_int_equal(node_of(m, g, "d"), UINT32_MAX);
	assert_int_equal(g->produce_transactions, 4);
	assert_int_equal(g->missing_volume, 1);
	k = arc_of(g, a, b);
	assert_int_not_equal(k, UINT32_MAX);
	assert_true(g->arc_volume[k] == 15.0);
	assert_true(g->arc_value[k] == 1.0);  /* only the volume-less one has a value */
	assert_true(isinf(g->arc_capacity[k])); /* one of the three has no capacity */
	k = arc_of(g, b, a);
	assert_int_not_equal(k, UINT32_MAX);
	assert_true(g->arc_volume[k] == 2.0);
	assert_true(isinf(g->arc_capacity[k]));
	assert_true(g->node_sold[a] == 15.0 && g->node_bought[a] == 2.0);
	assert_true(g->node_sold[b] == 2.0 && g->node_bought[b] == 15.0);
	check_consistent(g);
	mkg_model_free(m);
}

static void
test_finite_capacity_sum(void **state)
{
	mkg_model *m = fixture_model("p:a r:b", "a>b:10/4 a>b:5/6");
	const mkg_graph *g = graph_of(m);

	(void)state;
	assert_int_equal(g->m, 1);
	assert_true(g->arc_capacity[0] == 10.0);
	assert_true(g->arc_volume[0] == 15.0);
	mkg_model_free(m);
}

/* Nodes are grouped by kind in enum order, by actor index within a kind,
 * whatever the insertion order. */
static void
test_numbering_by_stage(void **state)
{
	mkg_model *m = fixture_model("e:z1 t:t1 p:p1 r:r1 p:p2 t:t2 e:z2",
	                             "p1>t1:1 p2>t2:1 t1>r1:1 t2>r1:1 r1>z1:1 r1>z2:1 z2>z1:1");
	const mkg_graph *g = graph_of(m);
	static const char *const want[] = { "p1", "p2", "t1", "t2", "r1", "z1", "z2" };

	(void)state;
	assert_int_equal(g->n, 7);
	for (uint32_t v = 0; v < 7; v++)
		assert_string_equal(id_of(m, g, v), want[v]);
	check_consistent(g);
	/* in-arcs of r1 come from t1 then t2 (increasing tail) */
	uint32_t r1 = node_of(m, g, "r1");
	assert_int_equal(g->in_start[r1 + 1] - g->in_start[r1], 2);
	assert_string_equal(id_of(m, g, g->in_tail[g->in_start[r1]]), "t1");
	assert_string_equal(id_of(m, g, g->in_tail[g->in_start[r1] + 1]), "t2");
	mkg_model_free(m);
}

/* A random multigraph: every transaction is accounted for in exactly one
 * arc, and the merged sums equal a direct recount (in model order). */
static void
test_random_recount(void **state)
{
	uint64_t seed = 42;
	mkg_model *m = NULL;
	enum { A = 60, T = 900 };
	const mkg_graph *g;
	double want[A][A];
	int count[A][A];

	(void)state;
	memset(want, 0, sizeof want);
	memset(count, 0, sizeof count);
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	/* One chain: flour is made from maize, so both are in the maize chain. */
	{
		mkg_commodity_desc c = MKG_COMMODITY_DESC_INIT;

		c.id = "flour";
		c.made_from = "maize";
		c.input_per_unit = 2.0;
		assert_int_equal(mkg_model_add_commodity(m, &c, NULL), MKG_OK);
		c = (mkg_commodity_desc)MKG_COMMODITY_DESC_INIT;
		c.id = "maize";
		assert_int_equal(mkg_model_add_commodity(m, &c, NULL), MKG_OK);
	}
	for (int i = 0; i < A; i++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		char id[16];

		g_snprintf(id, sizeof id, "a%02d", i);
		d.id = id;
		d.kind = (mkg_actor_kind)(fixture_rand(&seed) % MKG_ACTOR_KIND_COUNT);
		assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_OK);
	}
	for (int t = 0; t < T; t++) {
		mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;
		char s[16], b[16];
		int i = (int)(fixture_rand(&seed) % (A / 2)), j = (int)(fixture_rand(&seed) % A);

		if (i == j)
			continue;
		g_snprintf(s, sizeof s, "a%02d", i);
		g_snprintf(b, sizeof b, "a%02d", j);
		d.seller = s;
		d.buyer = b;
		d.commodity = (t % 3) ? "maize" : "flour";
		d.volume = (double)(fixture_rand(&seed) % 1000) / 8.0;
		d.service = (t % 7) == 0;
		assert_int_equal(mkg_model_add_transaction(m, &d, NULL), MKG_OK);
		if (!d.service) {
			/* flour in maize equivalents: 2 t of maize per t (exact) */
			want[i][j] += (t % 3) ? d.volume : 2.0 * d.volume;
			count[i][j]++;
		}
	}
	g = graph_of(m);
	check_consistent(g);
	uint32_t arcs = 0;
	for (int i = 0; i < A; i++) {
		for (int j = 0; j < A; j++) {
			uint32_t u = g->actor_node[i], v = g->actor_node[j], k;

			if (count[i][j] == 0) {
				if (u != UINT32_MAX && v != UINT32_MAX)
					assert_int_equal(arc_of(g, u, v), UINT32_MAX);
				continue;
			}
			arcs++;
			k = arc_of(g, u, v);
			assert_int_not_equal(k, UINT32_MAX);
			assert_true(g->arc_volume[k] == want[i][j]);
		}
	}
	assert_int_equal(g->m, arcs);
	mkg_model_free(m);
}

/* Enough transactions for the build's blocks of sellers (at most 4,096
 * transactions each, see build_out): many blocks of many sellers, and one
 * seller with more than a block's worth, merged in place.  Each arc's
 * volume is the sum of its transactions in model order (sevenths: the
 * order changes the bits), and a seller's arcs come in the order their
 * pairs first appear. */
static void
test_blocks(void **state)
{
	enum { A = 600, T = 40000, BIG = 6000 };
	uint64_t seed = 7;
	mkg_model *m = NULL;
	const mkg_graph *g;
	double *want = g_new0(double, A * A);
	int *first = g_new(int, A * A);
	uint32_t arcs = 0;

	(void)state;
	for (int i = 0; i < A * A; i++)
		first[i] = -1;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	for (int i = 0; i < A; i++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		char id[16];

		g_snprintf(id, sizeof id, "a%03d", i);
		d.id = id;
		d.kind = (mkg_actor_kind)(fixture_rand(&seed) % MKG_ACTOR_KIND_COUNT);
		assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_OK);
	}
	for (int t = 0; t < T; t++) {
		mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;
		char s[16], b[16];
		/* every T / BIG-th transaction is the big seller a007's */
		int i = t % (T / BIG) == 0 ? 7 : (int)(fixture_rand(&seed) % A);
		int j = (int)(fixture_rand(&seed) % A);

		if (i == j)
			continue;
		g_snprintf(s, sizeof s, "a%03d", i);
		g_snprintf(b, sizeof b, "a%03d", j);
		d.seller = s;
		d.buyer = b;
		d.commodity = "maize";
		d.volume = (double)(fixture_rand(&seed) % 1000) / 7.0;
		assert_int_equal(mkg_model_add_transaction(m, &d, NULL), MKG_OK);
		want[i * A + j] += d.volume;
		if (first[i * A + j] < 0)
			first[i * A + j] = t;
	}
	g = graph_of(m);
	check_consistent(g);
	assert_true(g->out_start[g->actor_node[7] + 1] - g->out_start[g->actor_node[7]] > 500);
	for (int i = 0; i < A; i++) {
		uint32_t u = g->actor_node[i];
		int last = -1;

		if (u == UINT32_MAX)
			continue;
		for (uint32_t k = g->out_start[u]; k < g->out_start[u + 1]; k++) {
			int j = (int)g->node_actor[g->arc_head[k]];

			assert_true(first[i * A + j] > last);
			last = first[i * A + j];
			assert_true(g->arc_volume[k] == want[i * A + j]);
		}
	}
	for (int i = 0; i < A * A; i++)
		arcs += first[i] >= 0;
	assert_int_equal(g->m, arcs);
	g_free(want);
	g_free(first);
	mkg_model_free(m);
}

/* The model's column of actor kinds (what the build numbers nodes by)
 * stays in step with the actor records: one byte per added actor, none
 * for a refused one. */
static void
test_kind_column(void **state)
{
	mkg_model *m = NULL;
	char id[16];

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	for (int k = MKG_ACTOR_KIND_COUNT - 1; k >= 0; k--) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

		g_snprintf(id, sizeof id, "k%02d", k);
		d.id = id;
		d.kind = (mkg_actor_kind)k;
		assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_OK);
		if (k == 5) {
			d.id = "bad";
			d.kind = (mkg_actor_kind)MKG_ACTOR_KIND_COUNT;
			assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_EDATA);
		}
	}
	assert_int_equal(m->actors->len, MKG_ACTOR_KIND_COUNT);
	assert_int_equal(m->actor_kinds->len, MKG_ACTOR_KIND_COUNT);
	for (unsigned a = 0; a < m->actors->len; a++) {
		assert_int_equal(m->actor_kinds->data[a], MKG_ACTOR_KIND_COUNT - 1 - a);
		assert_int_equal(m->actor_kinds->data[a], MKG_ACTOR(m, a)->kind);
	}
	mkg_model_free(m);
}

/* The cache: the same graph until the model changes, then a new one. */
static void
test_cache_revision(void **state)
{
	mkg_model *m = fixture_model("p:a t:b e:c", "a>b:1");
	const mkg_graph *g1, *g2;

	(void)state;
	g1 = graph_of(m);
	g2 = graph_of(m);
	assert_ptr_equal(g1, g2);
	assert_int_equal(g1->n, 2);
	fixture_add_transactions(m, "b>c:1");
	g2 = graph_of(m);
	assert_int_equal(g2->n, 3);
	assert_int_equal(g2->m, 2);
	/* a change that adds no arc still rebuilds (the revision moved) */
	assert_int_equal(mkg_model_set_name(m, "renamed"), MKG_OK);
	g1 = graph_of(m);
	assert_int_equal(g1->n, 3);
	mkg_model_free(m);
}

/* A graph the caller owns is independent of the cache. */
static void
test_build_owned(void **state)
{
	mkg_model *m = fixture_model("p:a t:b", "a>b:3");
	mkg_graph *g = mkg__graph_build(m, 0);

	(void)state;
	assert_int_equal(g->n, 2);
	assert_ptr_not_equal(g, graph_of(m));
	mkg__graph_free(g);
	mkg__graph_free(NULL);
	mkg_model_free(m);
}

static gpointer
get_in_thread(gpointer m)
{
	return (gpointer)graph_of(m);
}

/* Concurrent readers of one unmodified model get one graph. */
static void
test_threads(void **state)
{
	mkg_model *m = fixture_model("p:a t:b e:c", "a>b:1 b>c:1");
	GThread *th[4];
	gpointer got[4];

	(void)state;
	for (int i = 0; i < 4; i++)
		th[i] = g_thread_new("graph", get_in_thread, m);
	for (int i = 0; i < 4; i++)
		got[i] = g_thread_join(th[i]);
	for (int i = 1; i < 4; i++)
		assert_ptr_equal(got[i], got[0]);
	assert_int_equal(((const mkg_graph *)got[0])->m, 2);
	mkg_model_free(m);
}

static void
test_roles_default(void **state)
{
	mkg_model *m = fixture_model("p:a t:b e:c p:d", "a>b:1 b>c:1");
	uint8_t *role = NULL;

	(void)state;
	assert_int_equal(mkg__graph_roles(graph_of(m), m, NULL, 0, NULL, 0, &role), MKG_OK);
	assert_int_equal(role[0], MKG__ROLE_SOURCE);
	assert_int_equal(role[1], 0);
	assert_int_equal(role[2], MKG__ROLE_SINK);
	assert_int_equal(role[3], MKG__ROLE_SOURCE); /* trades nothing, still a source */
	g_free(role);
	mkg_model_free(m);
}

static void
test_roles_named(void **state)
{
	mkg_model *m = fixture_model("p:a t:b e:c", "a>b:1 b>c:1");
	const char *src[] = { "b", "b" }, *snk[] = { "b", "a" };
	uint8_t *role = NULL;

	(void)state;
	assert_int_equal(mkg__graph_roles(graph_of(m), m, src, 2, snk, 2, &role), MKG_OK);
	assert_int_equal(role[0], MKG__ROLE_SINK);
	assert_int_equal(role[1], MKG__ROLE_SOURCE | MKG__ROLE_SINK);
	assert_int_equal(role[2], 0);
	g_free(role);
	/* a non-NULL empty list is an empty set */
	assert_int_equal(mkg__graph_roles(graph_of(m), m, src, 0, NULL, 0, &role), MKG_OK);
	assert_int_equal(role[0], 0);
	assert_int_equal(role[2], MKG__ROLE_SINK);
	g_free(role);
	mkg_model_free(m);
}

static void
test_roles_errors(void **state)
{
	mkg_model *m = fixture_model("p:a t:b e:c", "a>b:1");
	const char *bad[] = { "a", "nobody" }, *null_id[] = { "a", NULL };
	uint8_t *role = NULL;

	(void)state;
	assert_int_equal(mkg__graph_roles(graph_of(m), m, NULL, 3, NULL, 0, &role), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "sources: NULL with source_count 3");
	assert_int_equal(mkg__graph_roles(graph_of(m), m, NULL, 0, NULL, 1, &role), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "sinks: NULL with sink_count 1");
	assert_int_equal(mkg__graph_roles(graph_of(m), m, bad, 2, NULL, 0, &role), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "sources: unknown actor \"nobody\"");
	assert_int_equal(mkg__graph_roles(graph_of(m), m, NULL, 0, bad, 2, &role), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "sinks: unknown actor \"nobody\"");
	assert_int_equal(mkg__graph_roles(graph_of(m), m, null_id, 2, NULL, 0, &role), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "sources[1]: NULL id");
	assert_null(role);
	mkg_model_free(m);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Ids that share long prefixes (runs longer and shorter than the radix
 * threshold, prefixes of one another, lengths across the 8-byte chunks)
 * come out in strcmp order, and rank inverts order. */
static void
test_id_order(void **state)
{
	static const char *const stems[] = { "", "a", "producer-", "producer-0000",
	                                     "abcdefgh", "abcdefghij-long-shared-prefix-" };
	uint64_t seed = 3;
	mkg_model *m = NULL;
	const mkg_graph *g;
	const uint32_t *order, *rank, *order2, *rank2;
	GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
	char prev[80] = "x";

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	for (int i = 0; i < 3000; i++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		const char *stem = stems[fixture_rand(&seed) % G_N_ELEMENTS(stems)];
		char *id = g_strdup_printf("%s%u", stem, (unsigned)(fixture_rand(&seed) % 5000));

		d.id = id;
		d.kind = MKG_ACTOR_TRADER;
		if (mkg_model_add_actor(m, &d, NULL) != MKG_OK) {
			g_free(id); /* a duplicate id: draw again */
			continue;
		}
		g_ptr_array_add(ids, id);
		if (ids->len > 1) {
			char tx[200];

			g_snprintf(tx, sizeof tx, "%s>%s:1", prev, id);
			fixture_add_transactions(m, tx);
		}
		g_strlcpy(prev, id, sizeof prev);
	}
	g = graph_of(m);
	assert_int_equal(g->n, ids->len);
	mkg__graph_id_order(g, m, &order, &rank);
	mkg__graph_id_order(g, m, &order2, &rank2);
	assert_ptr_equal(order, order2); /* sorted once */
	qsort(ids->pdata, ids->len, sizeof(gpointer), cmp_str);
	for (guint i = 0; i < ids->len; i++) {
		assert_string_equal(id_of(m, g, order[i]), g_ptr_array_index(ids, i));
		assert_int_equal(rank[order[i]], i);
	}
	g_ptr_array_free(ids, TRUE);
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_merge_parallel),
		cmocka_unit_test(test_finite_capacity_sum),
		cmocka_unit_test(test_numbering_by_stage),
		cmocka_unit_test(test_random_recount),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_kind_column),
		cmocka_unit_test(test_cache_revision),
		cmocka_unit_test(test_build_owned),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_roles_default),
		cmocka_unit_test(test_roles_named),
		cmocka_unit_test(test_roles_errors),
		cmocka_unit_test(test_id_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
