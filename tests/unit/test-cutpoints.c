/* Tests of the articulation points and bridges (lib/analysis/cutpoints.c):
 * hand-worked chains, a brute-force comparison on random graphs and a
 * chain of a million actors.
 * SPDX-License-Identifier: MIT */
#include "graph-fixture.h"
#include "marketgraph/bottlenecks.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>

static mkg_cutpoints *
cut(const mkg_model *m)
{
	mkg_cutpoints *c = NULL;

	assert_int_equal(mkg_cutpoints_new(&c, m, NULL), MKG_OK);
	assert_non_null(c);
	return c;
}

static void
assert_ap(const mkg_cutpoints *c, size_t i, const char *id, double throughput)
{
	const mkg_articulation_point *p = mkg_cutpoints_articulation_at(c, i);

	assert_non_null(p);
	assert_string_equal(p->actor, id);
	assert_true(p->throughput == throughput);
}

static void
assert_bridge(const mkg_cutpoints *c, size_t i, const char *a, const char *b, double volume)
{
	const mkg_bridge *br = mkg_cutpoints_bridge_at(c, i);

	assert_non_null(br);
	assert_string_equal(br->actors[0], a);
	assert_string_equal(br->actors[1], b);
	assert_true(br->volume == volume);
}

/* p -> a -> e and p -> b -> e: one cycle, nothing cuts it. */
static void
test_diamond(void **state)
{
	mkg_model *m = fixture_model("p:p t:a t:b e:e", "p>a:6 p>b:4 a>e:6 b>e:4");
	mkg_cutpoints *c = cut(m);

	(void)state;
	assert_int_equal(mkg_cutpoints_articulation_count(c), 0);
	assert_int_equal(mkg_cutpoints_bridge_count(c), 0);
	assert_null(mkg_cutpoints_articulation_at(c, 0));
	assert_null(mkg_cutpoints_bridge_at(c, 0));
	mkg_cutpoints_free(c);
	mkg_model_free(m);
}

/* p1, p2, p3 -> t -> e: t cuts everything; every link is a bridge.
 * t buys 2+3+5 = 10 and sells 9: throughput 10.  Bridges by volume
 * descending: t-e 9, p3-t 5, p2-t 3, p1-t 2. */
static void
test_star_through_trader(void **state)
{
	mkg_model *m = fixture_model("p:p1 p:p2 p:p3 t:t e:e", "p1>t:2 p2>t:3 p3>t:5 t>e:9");
	mkg_cutpoints *c = cut(m);

	(void)state;
	assert_int_equal(mkg_cutpoints_articulation_count(c), 1);
	assert_ap(c, 0, "t", 10.0);
	assert_int_equal(mkg_cutpoints_bridge_count(c), 4);
	assert_bridge(c, 0, "e", "t", 9.0); /* the pair in byte order */
	assert_bridge(c, 1, "p3", "t", 5.0);
	assert_bridge(c, 2, "p2", "t", 3.0);
	assert_bridge(c, 3, "p1", "t", 2.0);
	/* The same numbers through the accessors, in result order. */
	assert_true(mkg_cutpoints_bridge_at(c, 0)->volume == 9.0 &&
	            mkg_cutpoints_bridge_at(c, 1)->volume == 5.0 &&
	            mkg_cutpoints_bridge_at(c, 2)->volume == 3.0 &&
	            mkg_cutpoints_bridge_at(c, 3)->volume == 2.0);
	assert_true(mkg_cutpoints_articulation_at(c, 0)->throughput == 10.0);
	assert_null(mkg_cutpoints_bridge_at(c, 4));
	assert_null(mkg_cutpoints_articulation_at(c, 1));
	mkg_cutpoints_free(c);
	mkg_model_free(m);
}

/* A chain p -> c -> t -> e with equal volumes: the middle two cut; the
 * ties go by id in byte order: "c" < "t", and for bridges c-p < c-t < e-t. */
static void
test_chain_ties(void **state)
{
	mkg_model *m = fixture_model("p:p c:c t:t e:e", "p>c:5 c>t:5 t>e:5");
	mkg_cutpoints *c = cut(m);

	(void)state;
	assert_int_equal(mkg_cutpoints_articulation_count(c), 2);
	assert_ap(c, 0, "c", 5.0);
	assert_ap(c, 1, "t", 5.0);
	assert_int_equal(mkg_cutpoints_bridge_count(c), 3);
	assert_bridge(c, 0, "c", "p", 5.0);
	assert_bridge(c, 1, "c", "t", 5.0);
	assert_bridge(c, 2, "e", "t", 5.0);
	mkg_cutpoints_free(c);
	mkg_model_free(m);
}

/* Trade both ways between a and b is one undirected link: still a bridge,
 * its volume the two directions added (4 + 1). */
static void
test_two_way_link(void **state)
{
	mkg_model *m = fixture_model("t:a t:b e:c", "a>b:4 b>a:1 b>c:3");
	mkg_cutpoints *c = cut(m);

	(void)state;
	assert_int_equal(mkg_cutpoints_articulation_count(c), 1);
	assert_ap(c, 0, "b", 4.0); /* buys 4, sells 1 + 3 */
	assert_int_equal(mkg_cutpoints_bridge_count(c), 2);
	assert_bridge(c, 0, "a", "b", 5.0);
	assert_bridge(c, 1, "b", "c", 3.0);
	mkg_cutpoints_free(c);
	mkg_model_free(m);
}

/* Parallel transactions merge: a link bought twice is one bridge with the
 * summed volume. */
static void
test_parallel_transactions(void **state)
{
	mkg_model *m = fixture_model("p:p t:t e:e", "p>t:2 p>t:3 t>e:5");
	mkg_cutpoints *c = cut(m);

	(void)state;
	assert_int_equal(mkg_cutpoints_bridge_count(c), 2);
	assert_bridge(c, 0, "e", "t", 5.0);
	assert_bridge(c, 1, "p", "t", 5.0);
	mkg_cutpoints_free(c);
	mkg_model_free(m);
}

/* p -> t1 -> t2 -> t3 -> t1 (a cycle among traders) and t3 -> e:
 * t1 and t3 cut, the cycle's links do not; p-t1 and e-t3 are bridges. */
static void
test_trader_cycle(void **state)
{
	mkg_model *m = fixture_model("p:p t:t1 t:t2 t:t3 e:e",
	                             "p>t1:10 t1>t2:10 t2>t3:10 t3>t1:1 t3>e:9");
	mkg_cutpoints *c = cut(m);

	(void)state;
	assert_int_equal(mkg_cutpoints_articulation_count(c), 2);
	assert_ap(c, 0, "t1", 11.0); /* buys 10 + 1 */
	assert_ap(c, 1, "t3", 10.0);
	assert_int_equal(mkg_cutpoints_bridge_count(c), 2);
	assert_bridge(c, 0, "p", "t1", 10.0);
	assert_bridge(c, 1, "e", "t3", 9.0);
	mkg_cutpoints_free(c);
	mkg_model_free(m);
}

/* A service link that would close a cycle is not part of the produce
 * graph, so p-t and t-e stay bridges; an actor that only buys services
 * is not a node at all. */
static void
test_services_ignored(void **state)
{
	mkg_model *m = fixture_model("p:p t:t e:e s:s", "p>t:1 t>e:1 e>p:1s s>t:1s");
	mkg_cutpoints *c = cut(m);

	(void)state;
	assert_int_equal(mkg_cutpoints_articulation_count(c), 1);
	assert_ap(c, 0, "t", 1.0);
	assert_int_equal(mkg_cutpoints_bridge_count(c), 2);
	mkg_cutpoints_free(c);
	mkg_model_free(m);
}

/* Two components: each is searched from its own root; a root with two
 * children is a cut point, one with one child is not. */
static void
test_components_and_roots(void **state)
{
	mkg_model *m = fixture_model("p:a p:x t:b t:y e:c e:z", "a>b:1 b>c:1 y>x:1 y>z:1");
	mkg_cutpoints *c = cut(m);

	(void)state;
	/* a is numbered first: a root with one child (not a cut point);
	 * x's component is rooted at x (producers first): x-y-z, y cuts. */
	assert_int_equal(mkg_cutpoints_articulation_count(c), 2);
	assert_ap(c, 0, "y", 2.0); /* sells 1 + 1 */
	assert_ap(c, 1, "b", 1.0);
	assert_int_equal(mkg_cutpoints_bridge_count(c), 4);
	mkg_cutpoints_free(c);
	mkg_model_free(m);
}

static void
test_json(void **state)
{
	mkg_model *m = fixture_model("p:p t:t e:e", "p>t:2.5 t>e:2");
	mkg_cutpoints *c = cut(m);
	char *text = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(mkg_cutpoints_write_json(c, &text, &len), MKG_OK);
	assert_string_equal(text,
	                    "{\n"
	                    "  \"articulation_points\": [\n"
	                    "    {\"actor\": \"t\", \"throughput\": 2.5}\n"
	                    "  ],\n"
	                    "  \"bridges\": [\n"
	                    "    {\"actors\": [\"p\", \"t\"], \"volume\": 2.5},\n"
	                    "    {\"actors\": [\"e\", \"t\"], \"volume\": 2}\n"
	                    "  ]\n"
	                    "}\n");
	assert_int_equal(len, strlen(text));
	mkg_free(text);
	mkg_cutpoints_free(c);
	mkg_model_free(m);
}

/* The result copies its ids: it outlives the model. */
static void
test_outlives_model(void **state)
{
	mkg_model *m = fixture_model("p:p t:t e:e", "p>t:1 t>e:1");
	mkg_cutpoints *c = cut(m);

	(void)state;
	mkg_model_free(m);
	assert_ap(c, 0, "t", 1.0);
	mkg_cutpoints_free(c);
}

static void
test_errors(void **state)
{
	mkg_model *m = fixture_model("p:p t:t e:e", "p>t:1 t>e:1");
	mkg_cutpoints *c = NULL;
	mkg_bottlenecks_options opts = MKG_BOTTLENECKS_OPTIONS_INIT;
	char *text;

	(void)state;
	assert_int_equal(mkg_cutpoints_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_cutpoints_new: argument 'out' is NULL");
	assert_int_equal(mkg_cutpoints_new(&c, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_cutpoints_new: argument 'model' is NULL");
	opts.version = 7;
	assert_int_equal(mkg_cutpoints_new(&c, m, &opts), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_cutpoints_new: unknown options version 7");
	assert_null(c);
	/* Sources and sinks do not change the cut points. */
	opts.version = MKG_BOTTLENECKS_OPTIONS_VERSION;
	opts.sinks = (const char *const[]){ "t" };
	opts.sink_count = 1;
	assert_int_equal(mkg_cutpoints_new(&c, m, &opts), MKG_OK);
	assert_int_equal(mkg_cutpoints_articulation_count(c), 1);
	assert_int_equal(mkg_cutpoints_bridge_count(c), 2);
	mkg_cutpoints_free(c);
	c = cut(m);
	/* Out of range rows are NULL (what the copies' EBUFS guarded). */
	assert_null(mkg_cutpoints_bridge_at(c, 2));
	assert_null(mkg_cutpoints_articulation_at(c, 1));
	assert_int_equal(mkg_cutpoints_write_json(NULL, &text, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_cutpoints_write_json: argument 'c' is NULL");
	assert_int_equal(mkg_cutpoints_write_json(c, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_cutpoints_write_json: argument 'out' is NULL");
	assert_int_equal(mkg_cutpoints_articulation_count(NULL), 0);
	assert_int_equal(mkg_cutpoints_bridge_count(NULL), 0);
	assert_null(mkg_cutpoints_articulation_at(NULL, 0));
	assert_null(mkg_cutpoints_bridge_at(NULL, 0));
	mkg_cutpoints_free(c);
	mkg_cutpoints_free(NULL);
	mkg_model_free(m);
}

/* ---- brute force on random graphs ----------------------------------------- */

enum { MAXN = 24 };

/* Components of the undirected graph adj without node skip (or -1) and
 * without the link {eu, ev} (or eu = -1). */
static int
components(int n, bool adj[MAXN][MAXN], int skip, int eu, int ev)
{
	int seen[MAXN] = { 0 }, stack[MAXN], count = 0;

	for (int r = 0; r < n; r++) {
		int sp = 0;

		if (r == skip || seen[r])
			continue;
		count++;
		seen[r] = 1;
		stack[sp++] = r;
		while (sp > 0) {
			int v = stack[--sp];

			for (int w = 0; w < n; w++) {
				if (!adj[v][w] || w == skip || seen[w])
					continue;
				if ((v == eu && w == ev) || (v == ev && w == eu))
					continue;
				seen[w] = 1;
				stack[sp++] = w;
			}
		}
	}
	return count;
}

static void
test_random_brute_force(void **state)
{
	uint64_t seed = 7;

	(void)state;
	for (int round = 0; round < 300; round++) {
		int n = 2 + (int)(fixture_rand(&seed) % (MAXN - 1));
		int arcs = (int)(fixture_rand(&seed) % (size_t)(2 * n + 1));
		bool adj[MAXN][MAXN] = { { false } }, used[MAXN] = { false };
		GString *actors = g_string_new(NULL), *txs = g_string_new(NULL);
		int want_ap = 0, want_br = 0, base;
		mkg_cutpoints *c;
		mkg_model *m;

		for (int i = 0; i < n; i++)
			g_string_append_printf(actors, "t:n%02d ", i);
		for (int k = 0; k < arcs; k++) {
			int u = (int)(fixture_rand(&seed) % (size_t)n);
			int v = (int)(fixture_rand(&seed) % (size_t)n);

			if (u == v)
				continue;
			adj[u][v] = adj[v][u] = true;
			used[u] = used[v] = true;
			g_string_append_printf(txs, "n%02d>n%02d:1 ", u, v);
		}
		m = fixture_model(actors->str, txs->str);
		c = cut(m);
		/* Only traded actors are nodes: count components over them. */
		for (int i = 0; i < n; i++)
			if (!used[i])
				for (int j = 0; j < n; j++)
					adj[i][j] = adj[j][i] = false;
		base = components(n, adj, -1, -1, -1);
		for (int x = 0; x < n; x++) {
			bool is_ap = used[x] && components(n, adj, x, -1, -1) > base;
			bool found = false;
			char id[8];

			if (!used[x])
				continue; /* an isolated node: its removal lowers the count */
			g_snprintf(id, sizeof id, "n%02d", x);
			for (size_t i = 0; i < mkg_cutpoints_articulation_count(c); i++)
				if (strcmp(mkg_cutpoints_articulation_at(c, i)->actor, id) == 0)
					found = true;
			assert_int_equal(found, is_ap);
			want_ap += is_ap;
		}
		for (int u = 0; u < n; u++) {
			for (int v = u + 1; v < n; v++) {
				bool is_br, found = false;
				char a[8], b[8];

				if (!adj[u][v])
					continue;
				is_br = components(n, adj, -1, u, v) > base;
				g_snprintf(a, sizeof a, "n%02d", u);
				g_snprintf(b, sizeof b, "n%02d", v);
				for (size_t i = 0; i < mkg_cutpoints_bridge_count(c); i++) {
					const mkg_bridge *br = mkg_cutpoints_bridge_at(c, i);

					if (strcmp(br->actors[0], a) == 0 && strcmp(br->actors[1], b) == 0)
						found = true;
				}
				assert_int_equal(found, is_br);
				want_br += is_br;
			}
		}
		assert_int_equal(mkg_cutpoints_articulation_count(c), want_ap);
		assert_int_equal(mkg_cutpoints_bridge_count(c), want_br);
		mkg_cutpoints_free(c);
		mkg_model_free(m);
		g_string_free(actors, TRUE);
		g_string_free(txs, TRUE);
	}
}

/* ---- a chain of a million actors ------------------------------------------ */

/* Built through the public API: a0 -> a1 -> ... -> a999999.  A recursive
 * search would need a million frames; the iterative one needs none.
 * Every inner actor cuts, every link is a bridge. */
static void
test_million_chain(void **state)
{
	enum { N = 1000000 };
	mkg_model *m = NULL;
	mkg_cutpoints *c;
	char id[16], prev[16];

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	for (int i = 0; i < N; i++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

		g_snprintf(id, sizeof id, "a%07d", i);
		d.id = id;
		d.kind = i == 0 ? MKG_ACTOR_PRODUCER
		         : i == N - 1 ? MKG_ACTOR_END_MARKET : MKG_ACTOR_TRADER;
		assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_OK);
		if (i > 0) {
			mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;

			t.seller = prev;
			t.buyer = id;
			t.commodity = "maize";
			t.volume = 1.0;
			assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
		}
		memcpy(prev, id, sizeof id);
	}
	c = cut(m);
	assert_int_equal(mkg_cutpoints_articulation_count(c), N - 2);
	assert_int_equal(mkg_cutpoints_bridge_count(c), N - 1);
	/* all ties (volume 1): the first in byte order come first */
	assert_ap(c, 0, "a0000001", 1.0);
	assert_ap(c, N - 3, "a0999998", 1.0);
	assert_bridge(c, 0, "a0000000", "a0000001", 1.0);
	assert_bridge(c, N - 2, "a0999998", "a0999999", 1.0);
	mkg_cutpoints_free(c);
	mkg_model_free(m);
}

/* No produce transactions: no nodes, nothing cuts. */
static void
test_empty(void **state)
{
	mkg_model *m = fixture_model("p:p e:e", "p>e:1s");
	mkg_cutpoints *c = cut(m);
	char *text = NULL;

	(void)state;
	assert_int_equal(mkg_cutpoints_articulation_count(c), 0);
	assert_int_equal(mkg_cutpoints_bridge_count(c), 0);
	assert_int_equal(mkg_cutpoints_write_json(c, &text, NULL), MKG_OK);
	assert_string_equal(text, "{\n  \"articulation_points\": [],\n  \"bridges\": []\n}\n");
	mkg_free(text);
	mkg_cutpoints_free(c);
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diamond),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_star_through_trader),
		cmocka_unit_test(test_chain_ties),
		cmocka_unit_test(test_two_way_link),
		cmocka_unit_test(test_parallel_transactions),
		cmocka_unit_test(test_trader_cycle),
		cmocka_unit_test(test_services_ignored),
		cmocka_unit_test(test_components_and_roots),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_outlives_model),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_random_brute_force),
		cmocka_unit_test(test_million_chain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
