/* Tests of betweenness (lib/analysis/betweenness.c): hand-worked graphs,
 * NetworkX's numbers on a random graph, and the pivot estimate.
 * SPDX-License-Identifier: MIT */
#include "graph-fixture.h"
#include "marketgraph/bottlenecks.h"
#include "flow-private.h" /* mkg__betweenness_pairs */

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>

typedef struct ref_score {
	const char *actor;
	double all_pairs;
	double source_sink;
} ref_score;

/*
 * A random layered graph with cycles among traders (duplicate transactions
 * merge into one arc), and NetworkX 3.6.1's numbers for it, computed
 * offline with this script:
 *
 *   import random, networkx as nx
 *   random.seed(2024)
 *   n = 40
 *   kind = ['p']*12 + ['t']*10 + ['r']*8 + ['x']*4 + ['e']*6
 *   arcs = []
 *   for _ in range(110):
 *       u = random.randrange(n - 6)           # end markets sell nothing
 *       if random.random() < 0.8:
 *           v = random.randrange(max(u + 1, 12), n)   # downstream
 *       else:
 *           v = random.randrange(12, n - 6)            # any trader: cycles
 *       if u != v:
 *           arcs.append((u, v))
 *   G = nx.DiGraph()
 *   G.add_edges_from(arcs)
 *   src = [v for v in G if kind[v] == 'p']
 *   snk = [v for v in G if kind[v] == 'e']
 *   a = nx.betweenness_centrality(G, normalized=False)
 *   s = nx.betweenness_centrality_subset(G, src, snk, normalized=False)
 *   print('actors:', ' '.join(f'{kind[i]}:n{i:02d}' for i in range(n)))
 *   print('txs:', ' '.join(f'n{u:02d}>n{v:02d}:1' for u, v in arcs))
 *   for v in sorted(G):
 *       print(f'\t{{ "n{v:02d}", {a[v]!r}, {s[v]!r} }},')
 *
 * n02 trades nothing: it is no node of the graph and has no score.
 */
static const char ref_actors[] =
	"p:n00 p:n01 p:n02 p:n03 p:n04 p:n05 p:n06 p:n07 p:n08 p:n09 p:n10 p:n11 t:n12 t:n13 "
	"t:n14 t:n15 t:n16 t:n17 t:n18 t:n19 t:n20 t:n21 r:n22 r:n23 r:n24 r:n25 r:n26 r:n27 "
	"r:n28 r:n29 x:n30 x:n31 x:n32 x:n33 e:n34 e:n35 e:n36 e:n37 e:n38 e:n39 ";

static const char ref_txs[] =
	"n30>n35:1 n12>n25:1 n16>n37:1 n31>n35:1 n19>n30:1 n33>n35:1 n29>n32:1 n09>n39:1 "
	"n26>n23:1 n26>n38:1 n08>n24:1 n21>n28:1 n20>n31:1 n13>n25:1 n14>n38:1 n14>n23:1 "
	"n32>n37:1 n26>n32:1 n14>n29:1 n23>n35:1 n31>n34:1 n16>n27:1 n21>n26:1 n10>n36:1 "
	"n08>n18:1 n04>n38:1 n11>n16:1 n28>n34:1 n14>n24:1 n15>n35:1 n16>n30:1 n26>n28:1 "
	"n19>n24:1 n16>n32:1 n13>n24:1 n11>n19:1 n20>n22:1 n24>n32:1 n04>n13:1 n33>n35:1 "
	"n05>n17:1 n15>n39:1 n10>n16:1 n06>n31:1 n01>n29:1 n11>n22:1 n00>n12:1 n11>n32:1 "
	"n13>n34:1 n12>n28:1 n20>n35:1 n28>n18:1 n25>n33:1 n26>n29:1 n13>n26:1 n12>n24:1 "
	"n29>n31:1 n21>n29:1 n32>n33:1 n13>n31:1 n31>n32:1 n27>n36:1 n21>n30:1 n10>n15:1 "
	"n27>n30:1 n11>n22:1 n19>n20:1 n31>n39:1 n27>n31:1 n20>n24:1 n07>n32:1 n11>n15:1 "
	"n03>n12:1 n17>n28:1 n08>n30:1 n06>n31:1 n17>n23:1 n14>n28:1 n07>n29:1 n26>n39:1 "
	"n11>n19:1 n18>n20:1 n22>n26:1 n25>n30:1 n20>n28:1 n15>n23:1 n14>n29:1 n19>n26:1 "
	"n29>n30:1 n16>n37:1 n13>n30:1 n08>n21:1 n08>n28:1 n14>n23:1 n18>n35:1 n24>n27:1 "
	"n30>n12:1 n24>n37:1 n08>n31:1 n20>n23:1 n16>n37:1 n16>n33:1 n12>n25:1 n10>n27:1 "
	"n17>n21:1 n06>n16:1 n24>n34:1 n06>n30:1 n15>n36:1 n08>n24:1 ";

static const ref_score ref_scores[] = {
	{ "n00", 0.0, 0.0 },
	{ "n01", 0.0, 0.0 },
	{ "n03", 0.0, 0.0 },
	{ "n04", 0.0, 0.0 },
	{ "n05", 0.0, 0.0 },
	{ "n06", 0.0, 0.0 },
	{ "n07", 0.0, 0.0 },
	{ "n08", 0.0, 0.0 },
	{ "n09", 0.0, 0.0 },
	{ "n10", 0.0, 0.0 },
	{ "n11", 0.0, 0.0 },
	{ "n12", 176.0, 18.5 },
	{ "n13", 20.0, 5.0 },
	{ "n14", 0.0, 0.0 },
	{ "n15", 7.0, 5.0 },
	{ "n16", 17.0, 4.0 },
	{ "n17", 22.0, 6.0 },
	{ "n18", 117.83333333333331, 7.499999999999999 },
	{ "n19", 7.833333333333333, 1.5 },
	{ "n20", 115.66666666666667, 6.5 },
	{ "n21", 28.5, 4.5 },
	{ "n22", 48.166666666666664, 6.5 },
	{ "n23", 5.0, 1.0 },
	{ "n24", 91.66666666666667, 15.333333333333332 },
	{ "n25", 10.999999999999998, 1.3333333333333333 },
	{ "n26", 84.5, 11.0 },
	{ "n27", 67.66666666666667, 11.5 },
	{ "n28", 130.0, 9.5 },
	{ "n29", 61.16666666666667, 11.166666666666668 },
	{ "n30", 148.50000000000003, 9.333333333333334 },
	{ "n31", 38.166666666666664, 13.0 },
	{ "n32", 28.666666666666668, 3.833333333333333 },
	{ "n33", 3.666666666666667, 1.0 },
	{ "n34", 0.0, 0.0 },
	{ "n35", 0.0, 0.0 },
	{ "n36", 0.0, 0.0 },
	{ "n37", 0.0, 0.0 },
	{ "n38", 0.0, 0.0 },
	{ "n39", 0.0, 0.0 },
};

static mkg_betweenness *
betweenness(const mkg_model *m, const mkg_bottlenecks_options *o)
{
	mkg_betweenness *b = NULL;

	assert_int_equal(mkg_betweenness_new(&b, m, o), MKG_OK);
	assert_non_null(b);
	return b;
}

static const mkg_betweenness_score *
score_of(const mkg_betweenness *b, const char *id)
{
	for (size_t i = 0; i < mkg_betweenness_count(b); i++)
		if (strcmp(mkg_betweenness_at(b, i)->actor, id) == 0)
			return mkg_betweenness_at(b, i);
	return NULL;
}

static void
assert_close(double got, double want)
{
	if (fabs(got - want) > 1e-12 * fmax(1.0, fabs(want)))
		fail_msg("got %.17g, want %.17g", got, want);
}

static void
assert_score(const mkg_betweenness *b, const char *id, double all, double sub)
{
	const mkg_betweenness_score *s = score_of(b, id);

	if (s == NULL)
		fail_msg("no score for %s", id);
	assert_close(s->all_pairs, all);
	assert_close(s->source_sink, sub);
}

/* p -> t -> e: only the pair (p, e) passes t.  Sorted: t first, then the
 * zeros by id. */
static void
test_chain(void **state)
{
	mkg_model *m = fixture_model("p:p t:t e:e", "p>t:1 t>e:1");
	mkg_betweenness *b = betweenness(m, NULL);

	(void)state;
	assert_int_equal(mkg_betweenness_count(b), 3);
	assert_string_equal(mkg_betweenness_at(b, 0)->actor, "t");
	assert_string_equal(mkg_betweenness_at(b, 1)->actor, "e");
	assert_string_equal(mkg_betweenness_at(b, 2)->actor, "p");
	assert_null(mkg_betweenness_at(b, 3));
	assert_score(b, "t", 1.0, 1.0);
	assert_score(b, "p", 0.0, 0.0);
	assert_int_equal(mkg_betweenness_is_estimate(b), 0);
	assert_true(mkg__betweenness_pairs(b) == 1.0); /* (p, e) */
	mkg_betweenness_free(b);
	mkg_model_free(m);
}

/* The producer-to-market routes, the denominator of the text report's
 * share: p and q each reach e and f, 4 pairs; t lies on the shortest
 * paths of (p, e), (p, f) and (q, e) but not (q, f), which is direct:
 * 3 of 4 routes. */
static void
test_routes(void **state)
{
	mkg_model *m = fixture_model("p:p p:q t:t e:e e:f", "p>t:1 q>t:1 t>e:1 t>f:1 q>f:1");
	mkg_betweenness *b = betweenness(m, NULL);

	(void)state;
	assert_true(mkg__betweenness_pairs(b) == 4.0);
	assert_score(b, "t", 3.0, 3.0);
	mkg_betweenness_free(b);
	mkg_model_free(m);
}

/* p -> a -> e, p -> b -> e: two shortest paths for (p, e), half each.
 * a -> b too: (a, ... ) no change, but the pair (p, b) still goes direct.
 * c sits after e only on the all-pairs side: e is no source. */
static void
test_diamond(void **state)
{
	mkg_model *m = fixture_model("p:p t:a t:b e:e t:c", "p>a:1 p>b:1 a>e:1 b>e:1 a>b:1 e>c:1");
	mkg_betweenness *b = betweenness(m, NULL);

	(void)state;
	/* all pairs: (p,e) 1/2 each through a, b; (p,c) likewise and through e;
	 * (a,c) and (b,c) through e: e = 1 + 1 + 1 = 3, a = b = 1/2 + 1/2. */
	assert_score(b, "e", 3.0, 0.0);
	assert_score(b, "a", 1.0, 0.5);
	assert_score(b, "b", 1.0, 0.5);
	assert_score(b, "p", 0.0, 0.0);
	assert_score(b, "c", 0.0, 0.0);
	mkg_betweenness_free(b);
	mkg_model_free(m);
}

/* Parallel transactions are one arc (they must not double the paths);
 * services are no arcs. */
static void
test_parallel_and_services(void **state)
{
	mkg_model *m = fixture_model("p:p t:a t:b e:e s:s",
	                             "p>a:1 p>a:2 p>b:1 a>e:1 a>e:1 b>e:1 p>e:1s s>a:1s");
	mkg_betweenness *b = betweenness(m, NULL);

	(void)state;
	assert_int_equal(mkg_betweenness_count(b), 4);
	assert_score(b, "a", 0.5, 0.5);
	assert_score(b, "b", 0.5, 0.5);
	assert_null(score_of(b, "s"));
	mkg_betweenness_free(b);
	mkg_model_free(m);
}

static void
test_networkx_reference(void **state)
{
	mkg_model *m = fixture_model(ref_actors, ref_txs);
	mkg_betweenness *b = betweenness(m, NULL);
	size_t n = G_N_ELEMENTS(ref_scores);

	(void)state;
	assert_int_equal(mkg_betweenness_count(b), n);
	for (size_t i = 0; i < n; i++)
		assert_score(b, ref_scores[i].actor, ref_scores[i].all_pairs,
		             ref_scores[i].source_sink);
	/* sorted by all_pairs descending, ties by id */
	for (size_t i = 1; i < n; i++) {
		const mkg_betweenness_score *x = mkg_betweenness_at(b, i - 1);
		const mkg_betweenness_score *y = mkg_betweenness_at(b, i);

		assert_true(x->all_pairs > y->all_pairs ||
		            (x->all_pairs == y->all_pairs && strcmp(x->actor, y->actor) < 0));
	}
	assert_string_equal(mkg_betweenness_at(b, 0)->actor, "n12");
	assert_null(mkg_betweenness_at(b, n));
	mkg_betweenness_free(b);
	mkg_model_free(m);
}

/* Explicit sources and sinks change only the source_sink side. */
static void
test_explicit_lists(void **state)
{
	mkg_model *m = fixture_model("p:p t:a t:b e:e", "p>a:1 a>b:1 b>e:1");
	const char *src[] = { "a" }, *snk[] = { "e" };
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_betweenness *b;

	(void)state;
	o.sources = src;
	o.source_count = 1;
	o.sinks = snk;
	o.sink_count = 1;
	b = betweenness(m, &o);
	/* all pairs: a on (p,b), (p,e); b on (p,e), (a,e) */
	assert_score(b, "a", 2.0, 0.0);
	assert_score(b, "b", 2.0, 1.0);
	mkg_betweenness_free(b);
	mkg_model_free(m);
}

/* k at least the node count is the exact computation. */
static void
test_pivots_exact_when_enough(void **state)
{
	mkg_model *m = fixture_model(ref_actors, ref_txs);
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_betweenness *b;

	(void)state;
	o.pivots = 39;
	o.seed = 5;
	b = betweenness(m, &o);
	assert_int_equal(mkg_betweenness_is_estimate(b), 0);
	for (size_t i = 0; i < G_N_ELEMENTS(ref_scores); i++)
		assert_score(b, ref_scores[i].actor, ref_scores[i].all_pairs,
		             ref_scores[i].source_sink);
	mkg_betweenness_free(b);
	mkg_model_free(m);
}

/* The same seed gives the same bits; the estimate is unbiased: averaged
 * over 4000 seeds it is within 3% of the exact value for the central
 * nodes (the standard error there is about 0.5%). */
static void
test_pivots_estimate(void **state)
{
	mkg_model *m = fixture_model(ref_actors, ref_txs);
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_betweenness *b1, *b2;
	double mean_all[64] = { 0 }, mean_sub[64] = { 0 };
	size_t n = G_N_ELEMENTS(ref_scores);
	const int runs = 4000;

	(void)state;
	o.pivots = 8;
	o.seed = 99;
	b1 = betweenness(m, &o);
	b2 = betweenness(m, &o);
	assert_int_equal(mkg_betweenness_is_estimate(b1), 1);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(mkg_betweenness_at(b1, i)->actor, mkg_betweenness_at(b2, i)->actor);
		assert_true(mkg_betweenness_at(b1, i)->all_pairs ==
		            mkg_betweenness_at(b2, i)->all_pairs);
		assert_true(mkg_betweenness_at(b1, i)->source_sink ==
		            mkg_betweenness_at(b2, i)->source_sink);
	}
	mkg_betweenness_free(b1);
	mkg_betweenness_free(b2);
	for (int r = 0; r < runs; r++) {
		o.seed = (uint64_t)r;
		b1 = betweenness(m, &o);
		for (size_t i = 0; i < n; i++) {
			const mkg_betweenness_score *s = score_of(b1, ref_scores[i].actor);

			mean_all[i] += s->all_pairs / runs;
			mean_sub[i] += s->source_sink / runs;
		}
		mkg_betweenness_free(b1);
	}
	for (size_t i = 0; i < n; i++) {
		if (ref_scores[i].all_pairs >= 50.0 &&
		    fabs(mean_all[i] - ref_scores[i].all_pairs) > 0.03 * ref_scores[i].all_pairs)
			fail_msg("%s all_pairs: mean %g, exact %g", ref_scores[i].actor, mean_all[i],
			         ref_scores[i].all_pairs);
		if (ref_scores[i].source_sink >= 9.0 &&
		    fabs(mean_sub[i] - ref_scores[i].source_sink) > 0.03 * ref_scores[i].source_sink)
			fail_msg("%s source_sink: mean %g, exact %g", ref_scores[i].actor,
			         mean_sub[i], ref_scores[i].source_sink);
	}
	mkg_model_free(m);
}

/* One pivot: it has no evidence about itself and scores 0; the others
 * are scaled by (n - 1) / 1. */
static void
test_single_pivot(void **state)
{
	mkg_model *m = fixture_model("p:p t:t e:e", "p>t:1 t>e:1");
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_betweenness *b;
	bool seen_t_pivot = false, seen_p_pivot = false;

	(void)state;
	o.pivots = 1;
	for (uint64_t seed = 0; seed < 32; seed++) {
		double t;

		o.seed = seed;
		b = betweenness(m, &o);
		t = score_of(b, "t")->all_pairs;
		/* p as pivot: t gets 1 x 2 / 1; t or e as pivot: t gets 0 */
		assert_true(t == 2.0 || t == 0.0);
		if (t == 2.0)
			seen_p_pivot = true;
		else
			seen_t_pivot = true;
		/* one source only: source_sink is exact */
		assert_close(score_of(b, "t")->source_sink, 1.0);
		mkg_betweenness_free(b);
	}
	assert_true(seen_t_pivot && seen_p_pivot);
	mkg_model_free(m);
}

static void
test_json(void **state)
{
	mkg_model *m = fixture_model("p:p t:a t:b e:e", "p>a:1 p>b:1 a>e:1 b>e:1");
	mkg_betweenness *b = betweenness(m, NULL);
	char *text = NULL;

	(void)state;
	assert_int_equal(mkg_betweenness_write_json(b, &text, NULL), MKG_OK);
	assert_string_equal(text,
	                    "[\n"
	                    "  {\"actor\": \"a\", \"all_pairs\": 0.5, \"source_sink\": 0.5},\n"
	                    "  {\"actor\": \"b\", \"all_pairs\": 0.5, \"source_sink\": 0.5},\n"
	                    "  {\"actor\": \"e\", \"all_pairs\": 0, \"source_sink\": 0},\n"
	                    "  {\"actor\": \"p\", \"all_pairs\": 0, \"source_sink\": 0}\n"
	                    "]\n");
	mkg_free(text);
	mkg_betweenness_free(b);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = fixture_model("p:p t:t e:e", "p>t:1 t>e:1");
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	const char *bad[] = { "ghost" };
	mkg_betweenness *b = NULL;

	(void)state;
	assert_int_equal(mkg_betweenness_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_betweenness_new: argument 'out' is NULL");
	assert_int_equal(mkg_betweenness_new(&b, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_betweenness_new: argument 'model' is NULL");
	o.version = 0;
	assert_int_equal(mkg_betweenness_new(&b, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_betweenness_new: unknown options version 0");
	o.version = MKG_BOTTLENECKS_OPTIONS_VERSION;
	o.sources = bad;
	o.source_count = 1;
	assert_int_equal(mkg_betweenness_new(&b, m, &o), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "sources: unknown actor \"ghost\"");
	assert_null(b);
	b = betweenness(m, NULL);
	assert_int_equal(mkg_betweenness_count(b), 3);
	assert_null(mkg_betweenness_at(b, 3));
	assert_int_equal(mkg_betweenness_write_json(NULL, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_betweenness_write_json: argument 'b' is NULL");
	assert_int_equal(mkg_betweenness_count(NULL), 0);
	assert_null(mkg_betweenness_at(NULL, 0));
	assert_int_equal(mkg_betweenness_is_estimate(NULL), 0);
	mkg_betweenness_free(b);
	mkg_betweenness_free(NULL);
	mkg_model_free(m);
}

/* No produce transactions: no nodes, no scores, with or without pivots. */
static void
test_empty(void **state)
{
	mkg_model *m = fixture_model("p:p e:e", "");
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_betweenness *b = betweenness(m, NULL);
	char *text = NULL;

	(void)state;
	assert_int_equal(mkg_betweenness_count(b), 0);
	assert_int_equal(mkg_betweenness_write_json(b, &text, NULL), MKG_OK);
	assert_string_equal(text, "[]\n");
	mkg_free(text);
	mkg_betweenness_free(b);
	o.pivots = 5;
	b = betweenness(m, &o);
	assert_int_equal(mkg_betweenness_count(b), 0);
	assert_int_equal(mkg_betweenness_is_estimate(b), 0);
	mkg_betweenness_free(b);
	mkg_model_free(m);
}

/* The result keeps the ids it lists: it outlives the model, and two
 * results share them safely. */
static void
test_outlives_model(void **state)
{
	mkg_model *m = fixture_model("p:p t:t e:e", "p>t:1 t>e:1");
	mkg_betweenness *b1 = betweenness(m, NULL), *b2 = betweenness(m, NULL);

	(void)state;
	mkg_model_free(m);
	assert_string_equal(mkg_betweenness_at(b1, 0)->actor, "t");
	mkg_betweenness_free(b1);
	assert_string_equal(mkg_betweenness_at(b2, 2)->actor, "p");
	mkg_betweenness_free(b2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_routes),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_diamond),
		cmocka_unit_test(test_parallel_and_services),
		cmocka_unit_test(test_networkx_reference),
		cmocka_unit_test(test_explicit_lists),
		cmocka_unit_test(test_pivots_exact_when_enough),
		cmocka_unit_test(test_pivots_estimate),
		cmocka_unit_test(test_single_pivot),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_outlives_model),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
