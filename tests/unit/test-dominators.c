/* Tests of captive producers, stranded producers and gatekeepers
 * (lib/analysis/dominators.c): hand-worked chains, brute force on random
 * graphs (removing X strands exactly its captive producers) and a chain of a
 * million actors.
 * SPDX-License-Identifier: MIT */
#include "graph-fixture.h"
#include "marketgraph/bottlenecks.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <cmocka.h>

static mkg_captive *
captive(const mkg_model *m, const mkg_bottlenecks_options *o)
{
	mkg_captive *c = NULL;

	assert_int_equal(mkg_captive_new(&c, m, o), MKG_OK);
	assert_non_null(c);
	return c;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The captive producers of row i, read with mkg_captive_producer_at() (the
 * tree's order) into got, sorted in byte order; checks NULL past the last. */
static size_t
producers_sorted(const mkg_captive *c, size_t i, const char **got, size_t capacity)
{
	size_t k = mkg_captive_at(c, i)->producers;

	assert_true(k <= capacity);
	for (size_t j = 0; j < k; j++) {
		got[j] = mkg_captive_producer_at(c, i, j);
		assert_non_null(got[j]);
	}
	assert_null(mkg_captive_producer_at(c, i, k));
	qsort(got, k, sizeof *got, cmp_str);
	return k;
}

/* Row i is actor id with these producers (space-separated, byte order). */
static void
assert_row(const mkg_captive *c, size_t i, const char *id, const char *producers, double supply)
{
	const mkg_captive_actor *r = mkg_captive_at(c, i);
	gchar **want = g_strsplit(producers, " ", -1);
	const char *got[16];

	assert_non_null(r);
	assert_string_equal(r->actor, id);
	assert_int_equal(r->producers, g_strv_length(want));
	assert_true(r->supply == supply);
	producers_sorted(c, i, got, 16);
	for (size_t k = 0; k < r->producers; k++)
		assert_string_equal(got[k], want[k]);
	g_strfreev(want);
}

static void
assert_gate(const mkg_captive *c, size_t i, const char *sink, const char *actor)
{
	const mkg_gatekeeper *k = mkg_captive_gatekeeper_at(c, i);

	assert_non_null(k);
	assert_string_equal(k->sink, sink);
	assert_string_equal(k->actor, actor);
}

/* p1, p2, p3 -> t -> e.  Every route to the one end market passes t and
 * e: both hold all three producers captive (supplies 2 + 3 + 5 observed);
 * equal supplies, so by id: e before t.  e's gatekeeper is t. */
static void
test_star_through_trader(void **state)
{
	mkg_model *m = fixture_model("p:p1 p:p2 p:p3 t:t e:e", "p1>t:2 p2>t:3 p3>t:5 t>e:10");
	mkg_captive *c = captive(m, NULL);

	(void)state;
	assert_int_equal(mkg_captive_count(c), 2);
	assert_row(c, 0, "e", "p1 p2 p3", 10.0);
	assert_row(c, 1, "t", "p1 p2 p3", 10.0);
	assert_int_equal(mkg_captive_stranded_count(c), 0);
	assert_int_equal(mkg_captive_gatekeeper_count(c), 1);
	assert_gate(c, 0, "e", "t");
	mkg_captive_free(c);
	mkg_model_free(m);
}

/* p -> a -> e, p -> b -> e: neither a nor b is needed; e is.  e's
 * immediate dominator is p itself. */
static void
test_diamond(void **state)
{
	mkg_model *m = fixture_model("p:p t:a t:b e:e", "p>a:6 p>b:4 a>e:6 b>e:4");
	mkg_captive *c = captive(m, NULL);

	(void)state;
	assert_int_equal(mkg_captive_count(c), 1);
	assert_row(c, 0, "e", "p", 10.0);
	assert_int_equal(mkg_captive_gatekeeper_count(c), 1);
	assert_gate(c, 0, "e", "p");
	mkg_captive_free(c);
	mkg_model_free(m);
}

/* A producer with two outlets that merge downstream into m, which sells to
 * two end markets: m is captive (supply 7, set explicitly), the outlets
 * are not, nor is either end market. */
static void
test_two_outlets_merge(void **state)
{
	mkg_model *m = fixture_model("p:p=7 t:o1 t:o2 r:m e:e1 e:e2",
	                             "p>o1:3 p>o2:2 o1>m:3 o2>m:2 m>e1:4 m>e2:1");
	mkg_captive *c = captive(m, NULL);

	(void)state;
	assert_int_equal(mkg_captive_count(c), 1);
	assert_row(c, 0, "m", "p", 7.0);
	assert_int_equal(mkg_captive_gatekeeper_count(c), 2);
	assert_gate(c, 0, "e1", "m");
	assert_gate(c, 1, "e2", "m");
	mkg_captive_free(c);
	mkg_model_free(m);
}

/* p1 sells only to a trader that reaches no end market, p2 trades nothing,
 * p3 sells to e directly: p1 and p2 are stranded (supply 4 observed + 9
 * given); p3's only route is e, and e's gatekeeper is p3. */
static void
test_stranded(void **state)
{
	mkg_model *m = fixture_model("p:p3 p:p1 p:p2=9 t:t e:e", "p1>t:4 p3>e:1");
	mkg_captive *c = captive(m, NULL);

	(void)state;
	assert_int_equal(mkg_captive_stranded_count(c), 2);
	assert_string_equal(mkg_captive_stranded_at(c, 0), "p1");
	assert_string_equal(mkg_captive_stranded_at(c, 1), "p2");
	assert_null(mkg_captive_stranded_at(c, 2));
	assert_true(mkg_captive_stranded_supply(c) == 13.0);
	assert_int_equal(mkg_captive_count(c), 1);
	assert_row(c, 0, "e", "p3", 1.0);
	assert_gate(c, 0, "e", "p3");
	mkg_captive_free(c);
	mkg_model_free(m);
}

/* p -> t1 -> t2 -> t1 (a cycle among traders), t2 -> e: t1, t2 and e all
 * hold p captive (supply 5 + 1: p also sells to x, a dead end). */
static void
test_trader_cycle(void **state)
{
	mkg_model *m = fixture_model("p:p t:t1 t:t2 t:x e:e",
	                             "p>t1:5 t1>t2:5 t2>t1:2 t2>e:3 p>x:1");
	mkg_captive *c = captive(m, NULL);

	(void)state;
	assert_int_equal(mkg_captive_count(c), 3);
	assert_row(c, 0, "e", "p", 6.0);
	assert_row(c, 1, "t1", "p", 6.0);
	assert_row(c, 2, "t2", "p", 6.0);
	assert_gate(c, 0, "e", "t2");
	mkg_captive_free(c);
	mkg_model_free(m);
}

/* Services are no routes: the service link t -> e2 does not free p. */
static void
test_services_ignored(void **state)
{
	mkg_model *m = fixture_model("p:p t:t t:u e:e e:e2", "p>t:1 t>u:1 u>e:1 t>e2:1s");
	mkg_captive *c = captive(m, NULL);

	(void)state;
	assert_int_equal(mkg_captive_count(c), 3);
	assert_row(c, 0, "e", "p", 1.0);
	assert_row(c, 1, "t", "p", 1.0);
	assert_row(c, 2, "u", "p", 1.0);
	mkg_captive_free(c);
	mkg_model_free(m);
}

/* Explicit lists: sources {a, b}, sinks {x}.  a -> m -> x, b -> m,
 * b -> y (y is no sink now): m and x hold both; sorted by supply
 * (a: 2; b: 3 + 4 = 7, observed). */
static void
test_explicit_lists(void **state)
{
	mkg_model *m = fixture_model("t:a t:b r:m e:x e:y", "a>m:2 b>m:3 b>y:4 m>x:5");
	const char *src[] = { "a", "b" }, *snk[] = { "x" };
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_captive *c;

	(void)state;
	o.sources = src;
	o.source_count = 2;
	o.sinks = snk;
	o.sink_count = 1;
	c = captive(m, &o);
	assert_int_equal(mkg_captive_count(c), 2);
	assert_row(c, 0, "m", "a b", 9.0);
	assert_row(c, 1, "x", "a b", 9.0);
	assert_int_equal(mkg_captive_stranded_count(c), 0);
	assert_int_equal(mkg_captive_gatekeeper_count(c), 1);
	assert_gate(c, 0, "x", "m");
	mkg_captive_free(c);
	/* an empty set of sinks strands every source */
	o.sink_count = 0;
	c = captive(m, &o);
	assert_int_equal(mkg_captive_count(c), 0);
	assert_int_equal(mkg_captive_stranded_count(c), 2);
	assert_int_equal(mkg_captive_gatekeeper_count(c), 0);
	mkg_captive_free(c);
	mkg_model_free(m);
}

/* A source that is itself a sink is never stranded nor anyone's captive. */
static void
test_source_is_sink(void **state)
{
	mkg_model *m = fixture_model("p:a t:b", "a>b:1");
	const char *both[] = { "a" };
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_captive *c;

	(void)state;
	o.sources = both;
	o.source_count = 1;
	o.sinks = both;
	o.sink_count = 1;
	c = captive(m, &o);
	assert_int_equal(mkg_captive_count(c), 0);
	assert_int_equal(mkg_captive_stranded_count(c), 0);
	assert_int_equal(mkg_captive_gatekeeper_count(c), 0);
	mkg_captive_free(c);
	mkg_model_free(m);
}

static void
test_json(void **state)
{
	mkg_model *m = fixture_model("p:p2 p:p1 p:z t:t e:e", "p2>t:2 p1>t:1.5 t>e:3.5");
	mkg_captive *c = captive(m, NULL);
	char *text = NULL;

	(void)state;
	assert_int_equal(mkg_captive_write_json(c, &text, NULL), MKG_OK);
	assert_string_equal(text,
	                    "{\n"
	                    "  \"captive\": [\n"
	                    "    {\"actor\": \"e\", \"producers\": [\"p1\", \"p2\"], \"supply\": 3.5},\n"
	                    "    {\"actor\": \"t\", \"producers\": [\"p1\", \"p2\"], \"supply\": 3.5}\n"
	                    "  ],\n"
	                    "  \"stranded\": [\"z\"],\n"
	                    "  \"gatekeepers\": [\n"
	                    "    {\"sink\": \"e\", \"actor\": \"t\"}\n"
	                    "  ]\n"
	                    "}\n");
	mkg_free(text);
	mkg_captive_free(c);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = fixture_model("p:p t:t e:e", "p>t:1 t>e:1");
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	const char *bad[] = { "ghost" };
	mkg_captive *c = NULL;

	(void)state;
	assert_int_equal(mkg_captive_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_captive_new: argument 'out' is NULL");
	assert_int_equal(mkg_captive_new(&c, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_captive_new: argument 'model' is NULL");
	o.version = 99;
	assert_int_equal(mkg_captive_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_captive_new: unknown options version 99");
	o.version = MKG_BOTTLENECKS_OPTIONS_VERSION;
	o.sinks = bad;
	o.sink_count = 1;
	assert_int_equal(mkg_captive_new(&c, m, &o), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "sinks: unknown actor \"ghost\"");
	o.sinks = NULL;
	assert_int_equal(mkg_captive_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "sinks: NULL with sink_count 1");
	assert_null(c);

	c = captive(m, NULL);
	assert_int_equal(mkg_captive_count(c), 2);
	/* Out of range: the actor, then the producer of an actor. */
	assert_null(mkg_captive_producer_at(c, 2, 0));
	assert_int_equal(mkg_captive_at(c, 0)->producers, 1);
	assert_string_equal(mkg_captive_producer_at(c, 0, 0), "p");
	assert_null(mkg_captive_producer_at(c, 0, 1));
	assert_null(mkg_captive_producer_at(NULL, 0, 0));
	/* The supplies, in result order (e and t both hold p: 1). */
	assert_true(mkg_captive_at(c, 0)->supply == 1.0 && mkg_captive_at(c, 1)->supply == 1.0);
	assert_int_equal(mkg_captive_write_json(c, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_captive_write_json: argument 'out' is NULL");
	assert_null(mkg_captive_at(c, 2));
	assert_null(mkg_captive_gatekeeper_at(c, 1));
	assert_int_equal(mkg_captive_count(NULL), 0);
	assert_int_equal(mkg_captive_stranded_count(NULL), 0);
	assert_int_equal(mkg_captive_gatekeeper_count(NULL), 0);
	assert_true(isnan(mkg_captive_stranded_supply(NULL)));
	mkg_captive_free(c);
	mkg_captive_free(NULL);

	assert_int_equal(mkg_bottlenecks_options_init(&o, 3), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_bottlenecks_options_init: unknown version 3");
	assert_int_equal(mkg_bottlenecks_options_init(NULL, 1), MKG_EINVAL);
	assert_int_equal(mkg_bottlenecks_options_init(&o, MKG_BOTTLENECKS_OPTIONS_VERSION), MKG_OK);
	assert_null(o.sources);
	assert_int_equal(o.pivots, 0);
	mkg_model_free(m);
}

/* ---- brute force on random graphs ----------------------------------------- */

enum { MAXN = 20 };

typedef struct rgraph {
	int n;
	bool arc[MAXN][MAXN];
	bool used[MAXN];
	bool source[MAXN], sink[MAXN];
} rgraph;

/* Can source p reach some sink without passing through `removed`? */
static bool
routes(const rgraph *r, int p, int removed)
{
	bool seen[MAXN] = { false };
	int stack[MAXN], sp = 0;

	if (p == removed || !r->used[p])
		return r->sink[p] && p != removed;
	seen[p] = true;
	stack[sp++] = p;
	while (sp > 0) {
		int v = stack[--sp];

		if (r->sink[v])
			return true;
		for (int w = 0; w < r->n; w++) {
			if (r->arc[v][w] && !seen[w] && w != removed) {
				seen[w] = true;
				stack[sp++] = w;
			}
		}
	}
	return false;
}

/* Is t reachable from some source without passing through `removed`? */
static bool
reached(const rgraph *r, int t, int removed)
{
	bool seen[MAXN] = { false };
	int stack[MAXN], sp = 0;

	for (int s = 0; s < r->n; s++) {
		if (r->source[s] && r->used[s] && s != removed) {
			seen[s] = true;
			stack[sp++] = s;
		}
	}
	while (sp > 0) {
		int v = stack[--sp];

		if (v == t)
			return true;
		for (int w = 0; w < r->n; w++) {
			if (r->arc[v][w] && !seen[w] && w != removed) {
				seen[w] = true;
				stack[sp++] = w;
			}
		}
	}
	return false;
}

static const mkg_captive_actor *
find_row(const mkg_captive *c, const char *id, size_t *index)
{
	for (size_t i = 0; i < mkg_captive_count(c); i++) {
		if (strcmp(mkg_captive_at(c, i)->actor, id) == 0) {
			*index = i;
			return mkg_captive_at(c, i);
		}
	}
	return NULL;
}

static void
test_random_brute_force(void **state)
{
	uint64_t seed = 11;

	(void)state;
	for (int round = 0; round < 400; round++) {
		rgraph r;
		int arcs;
		GString *actors = g_string_new(NULL), *txs = g_string_new(NULL);
		const char *kinds = "pptcre";
		mkg_captive *c;
		mkg_model *m;

		memset(&r, 0, sizeof r);
		r.n = 2 + (int)(fixture_rand(&seed) % (MAXN - 1));
		arcs = (int)(fixture_rand(&seed) % (size_t)(2 * r.n + 1));
		for (int i = 0; i < r.n; i++) {
			char k = kinds[fixture_rand(&seed) % 6];

			r.source[i] = k == 'p';
			r.sink[i] = k == 'e';
			g_string_append_printf(actors, "%c:n%02d ", k, i);
		}
		for (int k = 0; k < arcs; k++) {
			int u = (int)(fixture_rand(&seed) % (size_t)r.n);
			int v = (int)(fixture_rand(&seed) % (size_t)r.n);

			if (u == v)
				continue;
			r.arc[u][v] = true;
			r.used[u] = r.used[v] = true;
			g_string_append_printf(txs, "n%02d>n%02d:%d ", u, v, 1 + k % 4);
		}
		m = fixture_model(actors->str, txs->str);
		c = captive(m, NULL);

		/* stranded: sources with no route at all */
		size_t want_stranded = 0;
		for (int p = 0; p < r.n; p++)
			if (r.source[p] && !routes(&r, p, -1))
				want_stranded++;
		assert_int_equal(mkg_captive_stranded_count(c), want_stranded);

		/* captive: removing X strands exactly its captive producers */
		size_t listed = 0;
		for (int x = 0; x < r.n; x++) {
			const char *got[MAXN];
			size_t count = 0, idx = 0;
			const mkg_captive_actor *row;
			char id[8];

			g_snprintf(id, sizeof id, "n%02d", x);
			for (int p = 0; p < r.n; p++)
				if (p != x && r.source[p] && routes(&r, p, -1) && !routes(&r, p, x))
					count++;
			row = find_row(c, id, &idx);
			if (count == 0) {
				assert_null(row);
				continue;
			}
			listed++;
			assert_non_null(row);
			assert_int_equal(row->producers, count);
			producers_sorted(c, idx, got, MAXN);
			for (size_t k = 0; k < count; k++) {
				int p = atoi(got[k] + 1);

				assert_true(r.source[p] && p != x && !routes(&r, p, x));
				if (k > 0)
					assert_true(strcmp(got[k - 1], got[k]) < 0);
			}
		}
		assert_int_equal(mkg_captive_count(c), listed);

		/* gatekeepers: the strict dominators of t from the sources,
		 * and the one all the others dominate */
		size_t gates = 0;
		for (int t = 0; t < r.n; t++) {
			bool dom[MAXN] = { false };
			int ndom = 0, idom = -1;

			if (!r.sink[t] || !r.used[t] || !reached(&r, t, -1))
				continue;
			for (int x = 0; x < r.n; x++)
				if (x != t && r.used[x] && !reached(&r, t, x))
					dom[x] = true, ndom++;
			for (int d = 0; d < r.n && ndom > 0; d++) {
				int covered = 0;

				if (!dom[d])
					continue;
				for (int x = 0; x < r.n; x++)
					if (dom[x] && x != d && !reached(&r, d, x))
						covered++;
				if (covered == ndom - 1)
					idom = d;
			}
			if (ndom > 0) {
				const mkg_gatekeeper *gk = NULL;
				char sid[8], did[8];

				assert_true(idom >= 0);
				g_snprintf(sid, sizeof sid, "n%02d", t);
				g_snprintf(did, sizeof did, "n%02d", idom);
				for (size_t i = 0; i < mkg_captive_gatekeeper_count(c); i++)
					if (strcmp(mkg_captive_gatekeeper_at(c, i)->sink, sid) == 0)
						gk = mkg_captive_gatekeeper_at(c, i);
				assert_non_null(gk);
				assert_string_equal(gk->actor, did);
				gates++;
			}
		}
		assert_int_equal(mkg_captive_gatekeeper_count(c), gates);
		mkg_captive_free(c);
		mkg_model_free(m);
		g_string_free(actors, TRUE);
		g_string_free(txs, TRUE);
	}
}

/* p -> a1 -> ... -> e over a million actors: every one after p holds p
 * captive; e's gatekeeper is the actor just before it. */
static void
test_million_chain(void **state)
{
	enum { N = 1000000 };
	mkg_model *m = NULL;
	mkg_captive *c;
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
			t.volume = 2.0;
			assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
		}
		memcpy(prev, id, sizeof id);
	}
	c = captive(m, NULL);
	assert_int_equal(mkg_captive_count(c), N - 1);
	assert_row(c, 0, "a0000001", "a0000000", 2.0);
	assert_row(c, N - 2, "a0999999", "a0000000", 2.0);
	assert_int_equal(mkg_captive_gatekeeper_count(c), 1);
	assert_gate(c, 0, "a0999999", "a0999998");
	mkg_captive_free(c);
	mkg_model_free(m);
}

/* No produce transactions: every producer is stranded. */
static void
test_empty(void **state)
{
	mkg_model *m = fixture_model("p:b p:a=2 e:e", "");
	mkg_captive *c = captive(m, NULL);

	(void)state;
	assert_int_equal(mkg_captive_count(c), 0);
	assert_int_equal(mkg_captive_stranded_count(c), 2);
	assert_string_equal(mkg_captive_stranded_at(c, 0), "a");
	assert_string_equal(mkg_captive_stranded_at(c, 1), "b");
	assert_true(mkg_captive_stranded_supply(c) == 2.0);
	assert_int_equal(mkg_captive_gatekeeper_count(c), 0);
	mkg_captive_free(c);
	mkg_model_free(m);
}

/* The result keeps the ids it lists (nodes and stranded actors that are
 * no node): it outlives the model. */
static void
test_outlives_model(void **state)
{
	mkg_model *m = fixture_model("p:p p:lonely t:t e:e", "p>t:1 t>e:1");
	mkg_captive *c = captive(m, NULL);

	(void)state;
	mkg_model_free(m);
	assert_string_equal(mkg_captive_at(c, 0)->actor, "e");
	assert_string_equal(mkg_captive_producer_at(c, 0, 0), "p");
	assert_string_equal(mkg_captive_stranded_at(c, 0), "lonely");
	assert_string_equal(mkg_captive_gatekeeper_at(c, 0)->actor, "t");
	mkg_captive_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_star_through_trader),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_diamond),
		cmocka_unit_test(test_two_outlets_merge),
		cmocka_unit_test(test_stranded),
		cmocka_unit_test(test_trader_cycle),
		cmocka_unit_test(test_services_ignored),
		cmocka_unit_test(test_explicit_lists),
		cmocka_unit_test(test_source_is_sink),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_outlives_model),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_random_brute_force),
		cmocka_unit_test(test_million_chain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
