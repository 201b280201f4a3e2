/* Tests of the deliverable flow (lib/analysis/flow.c, maxflow.c): hand-worked
 * chains, every kind of binding constraint, the edge cases of the spec, and
 * property tests against a brute-force maximum flow and against NetworkX.
 * SPDX-License-Identifier: MIT */
#include "flow-private.h"
#include "maxflow-private.h"
#include "flow-fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

/* Exact comparison of doubles: the numbers below are exact in binary or are
 * the same sum in the same order. */
#define assert_double_exact(a, b) assert_true((a) == (b))
#define assert_double_near(a, b, eps) assert_true(fabs((a) - (b)) <= (eps))

static mkg_flow *
flow_of(const mkg_model *m, const mkg_bottlenecks_options *o)
{
	mkg_flow *f = NULL;

	if (mkg_flow_new(&f, m, o) != MKG_OK)
		fail_msg("mkg_flow_new: %s", mkg_error_message());
	return f;
}

static char *
json_of(const mkg_flow *f)
{
	char *s = NULL;
	size_t len = 0;

	assert_int_equal(mkg_flow_write_json(f, &s, &len), MKG_OK);
	assert_int_equal(strlen(s), len);
	return s;
}

/* The binding constraints as "actor proc 80" lines, for compact checks. */
static char *
binding_text(const mkg_flow *f)
{
	GString *s = g_string_new(NULL);
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	for (size_t i = 0; i < mkg_flow_binding_count(f); i++) {
		const mkg_binding *b = mkg_flow_binding_at(f, i);
		g_string_append_printf(s, "%s%s %s", i ? "; " : "", mkg_binding_type_name(b->type),
		                       b->type == MKG_BINDING_TRANSACTION ? b->seller : b->actor);
		if (b->type == MKG_BINDING_TRANSACTION)
			g_string_append_printf(s, ">%s", b->buyer);
		else
			assert_null(b->seller);
		g_string_append_printf(s, " %s", g_ascii_formatd(buf, sizeof buf, "%g", b->capacity));
	}
	return g_string_free(s, FALSE);
}

static void
check_flow(const mkg_flow *f, double total, double max, const char *binding)
{
	char *b = binding_text(f);

	assert_double_exact(mkg_flow_total_supply(f), total);
	assert_double_exact(mkg_flow_max_flow(f), max);
	if (total > 0.0)
		assert_double_exact(mkg_flow_deliverable_share(f), max / total);
	else
		assert_true(isnan(mkg_flow_deliverable_share(f)));
	assert_string_equal(b, binding);
	g_free(b);
}

/* The brief's chain: 100 supplied, a processor of capacity 80. */
static void
test_chain_processor(void **state)
{
	mkg_model *m = flow_model("p:a r:proc#80 e:z", "a>proc:100 proc>z:80");
	mkg_flow *f = flow_of(m, NULL);
	char *json = json_of(f);

	(void)state;
	/* S -100-> a -inf-> proc_in -80-> proc_out -inf-> z -inf-> T: max flow 80.
	 * The residual reaches S, a and proc_in: the cut is the processor. */
	check_flow(f, 100, 80, "actor proc 80");
	assert_double_exact(mkg_flow_deliverable_share(f), 0.8);
	assert_string_equal(json,
	                    "{\n"
	                    "  \"commodity\": \"produce\",\n"
	                    "  \"unit\": null,\n"
	                    "  \"total_supply\": 100,\n"
	                    "  \"max_flow\": 80,\n"
	                    "  \"deliverable_share\": 0.8,\n"
	                    "  \"binding\": [\n"
	                    "    {\"type\": \"actor\", \"actor\": \"proc\", \"capacity\": 80}\n"
	                    "  ]\n"
	                    "}\n");
	mkg_free(json);
	mkg_flow_free(f);
	mkg_model_free(m);
}

/* The smallest source side: two cuts of 80 (the processor and the
 * exporter's demand); the one nearer the sources is reported. */
static void
test_smallest_source_side(void **state)
{
	mkg_model *m = flow_model("p:a r:proc#80 e:z!80", "a>proc:100 proc>z:80");
	mkg_flow *f = flow_of(m, NULL);

	(void)state;
	check_flow(f, 100, 80, "actor proc 80");
	mkg_flow_free(f);
	mkg_model_free(m);
}

/* End markets that take less than arrives. */
static void
test_demand_bound(void **state)
{
	mkg_model *m = flow_model("p:a p:b t:x e:z!30 e:y!50",
	                          "a>x:60 b>x:40 x>z:50 x>y:50");
	mkg_model *m2 = flow_model("p:a p:b t:x e:z!30 e:y", "a>x:60 b>x:40 x>z:50 x>y:50");
	mkg_flow *f = flow_of(m, NULL), *f2 = flow_of(m2, NULL);
	char *json = json_of(f);

	(void)state;
	/* 100 supplied, 30 + 50 taken; every node but T is on the source side.
	 * Demands are listed by actor id: y before z. */
	check_flow(f, 100, 80, "demand y 50; demand z 30");
	assert_non_null(strstr(json, "{\"type\": \"demand\", \"actor\": \"y\", \"capacity\": 50},\n"
	                             "    {\"type\": \"demand\", \"actor\": \"z\", \"capacity\": 30}"));
	/* y takes anything: all 100 arrive. */
	check_flow(f2, 100, 100, "");
	mkg_free(json);
	mkg_flow_free(f);
	mkg_flow_free(f2);
	mkg_model_free(m);
	mkg_model_free(m2);
}

/* A link's capacity binds; a supply arc on the cut does not. */
static void
test_transaction_capacity(void **state)
{
	mkg_model *m = flow_model("p:a p:b t:x e:z", "a>x:60/40 b>x:50/100 x>z:110");
	mkg_flow *f = flow_of(m, NULL);

	(void)state;
	/* a supplies 60 but its link carries 40; b's 50 all pass.  Source side
	 * {S, a}: cut = a>x (40) + the supply arc of b (50) = 90. */
	check_flow(f, 110, 90, "transaction a>x 40");
	mkg_flow_free(f);
	mkg_model_free(m);
}

/* Parallel transactions of a pair: capacities add up, and one without a
 * capacity makes the pair unbounded.  Commodities do not matter. */
static void
test_parallel_transactions(void **state)
{
	mkg_model *m = flow_model("p:a t:x e:z", "a>x:60/30 a>x:40/20 x>z:100");
	mkg_model *m2 = flow_model("p:a t:x e:z", "a>x:60/30 a>x:40 x>z:100");
	mkg_flow *f = flow_of(m, NULL), *f2 = flow_of(m2, NULL);

	(void)state;
	check_flow(f, 100, 50, "transaction a>x 50");
	check_flow(f2, 100, 100, "");
	mkg_flow_free(f);
	mkg_flow_free(f2);
	mkg_model_free(m);
	mkg_model_free(m2);
}

/* Traders that sell to each other in a cycle. */
static void
test_cycle(void **state)
{
	mkg_model *m = flow_model("p:a t:x t:y#70 t:w e:z",
	                          "a>x:100 x>y:100 y>x:10 y>w:60 w>x:5 y>z:30 w>z:55");
	mkg_flow *f = flow_of(m, NULL);

	(void)state;
	/* All of a's 100 must pass y (capacity 70): x -> y -> {w, z} -> z, and
	 * the arcs back to x lead nowhere new.  Source side {S, a, x, y_in}. */
	check_flow(f, 100, 70, "actor y 70");
	mkg_flow_free(f);
	mkg_model_free(m);
}

/* Service transactions are no produce: no arcs, no observed sales. */
static void
test_services_ignored(void **state)
{
	mkg_model *m = flow_model("p:a p:b=40 s:svc t:x e:z",
	                          "a>x:50 x>z:50 svc>a:5s b>svc:30s svc>z:30/1s");
	mkg_flow *f = flow_of(m, NULL);

	(void)state;
	/* a's supply is its produce sales (50; the service it bought does not
	 * count); b sells only a service: not a node, its 40 cannot move.
	 * The capacity on the service svc>z binds nothing. */
	check_flow(f, 90, 50, "");
	assert_double_exact(mkg_flow_deliverable_share(f), 50.0 / 90.0);
	mkg_flow_free(f);
	mkg_model_free(m);
}

/* No capacity and no demand anywhere: everything supplied arrives, even
 * more than was sold, and nothing binds. */
static void
test_unbounded(void **state)
{
	mkg_model *m = flow_model("p:a=500 p:b t:x t:y e:z e:w",
	                          "a>x:100 b>x:20 b>y:30 x>y:60 y>z:70 x>w:50");
	mkg_flow *f = flow_of(m, NULL);

	(void)state;
	check_flow(f, 550, 550, "");
	assert_double_exact(mkg_flow_deliverable_share(f), 1.0);
	mkg_flow_free(f);
	mkg_model_free(m);
}

/* Zero supply: no flow, the share is null, nothing binds (even the
 * zero-capacity processor: no source side reaches it). */
static void
test_zero_supply(void **state)
{
	mkg_model *m = flow_model("p:a=0 p:b=0 r:x#0 e:z", "a>x:10 b>x:5 x>z:15");
	mkg_model *empty = flow_model("", "");
	mkg_flow *f = flow_of(m, NULL), *fe = flow_of(empty, NULL);
	char *json = json_of(f);

	(void)state;
	check_flow(f, 0, 0, "");
	check_flow(fe, 0, 0, "");
	assert_string_equal(json,
	                    "{\n"
	                    "  \"commodity\": \"produce\",\n"
	                    "  \"unit\": null,\n"
	                    "  \"total_supply\": 0,\n"
	                    "  \"max_flow\": 0,\n"
	                    "  \"deliverable_share\": null,\n"
	                    "  \"binding\": []\n"
	                    "}\n");
	mkg_free(json);
	mkg_flow_free(f);
	mkg_flow_free(fe);
	mkg_model_free(m);
	mkg_model_free(empty);
}

/* A capacity of 0 that the supply reaches is binding with capacity 0. */
static void
test_zero_capacity(void **state)
{
	mkg_model *m = flow_model("p:a t:x#0 t:y e:z", "a>x:10 a>y:20/15 x>z:10 y>z:20");
	mkg_flow *f = flow_of(m, NULL);

	(void)state;
	/* 30 supplied; y's link carries 15, x nothing. */
	check_flow(f, 30, 15, "actor x 0; transaction a>y 15");
	mkg_flow_free(f);
	mkg_model_free(m);
}

/* Sources that cannot reach a sink, and a producer with a capacity: the
 * supply arc enters the in-node, so the capacity limits its own supply. */
static void
test_stranded_and_producer_capacity(void **state)
{
	mkg_model *m = flow_model("p:a#30 p:b p:c=7 t:x t:dead e:z",
	                          "a>x:50 b>dead:20 x>z:50");
	mkg_flow *f = flow_of(m, NULL);

	(void)state;
	/* a: 50 supplied, 30 pass its capacity; b sells to a dead end; c trades
	 * nothing.  Total 77, flow 30. */
	check_flow(f, 77, 30, "actor a 30");
	mkg_flow_free(f);
	mkg_model_free(m);
}

/* Every binding type in one cut, in the order of the report: actors,
 * demands, transactions, each by id. */
static void
test_binding_order(void **state)
{
	mkg_model *m = flow_model("p:a p:b p:c r:q#5 r:p#4 e:z!3 e:y",
	                          "c>y:9/2 b>y:3/1 a>q:10 a>p:10 q>y:10 p>z:10");
	mkg_flow *f = flow_of(m, NULL);

	(void)state;
	/* a (20) -> q (5) -> y, a -> p (4) -> z (3); b (3) -1-> y; c (9) -2-> y.
	 * Every source keeps residual supply, so every source is on the source
	 * side; so are q_in, p_in, p_out and z. */
	check_flow(f, 32, 11, "actor q 5; demand z 3; transaction b>y 1; transaction c>y 2");
	mkg_flow_free(f);
	mkg_model_free(m);
}

/* Sources and sinks named by the caller, and their errors. */
static void
test_named_sources_sinks(void **state)
{
	mkg_model *m = flow_model("p:a t:x#30 t:y e:z!100", "a>x:100 x>y:60 y>z:60 a>z:40");
	const char *src[] = { "x", "x" }, *snk[] = { "y" }, *bad[] = { "x", "nope" };
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_flow *f = NULL;

	(void)state;
	/* Source x (counted once): its supply is its sales, 60, but its own
	 * capacity lets 30 pass; sink y takes anything. */
	o.sources = src;
	o.source_count = 2;
	o.sinks = snk;
	o.sink_count = 1;
	f = flow_of(m, &o);
	check_flow(f, 60, 30, "actor x 30");
	mkg_flow_free(f);

	/* An empty list of sinks: nothing can be delivered; no cut capacity
	 * but the supply arc. */
	o.sink_count = 0;
	f = flow_of(m, &o);
	check_flow(f, 60, 0, "");
	mkg_flow_free(f);

	f = NULL;
	o.sources = bad;
	assert_int_equal(mkg_flow_new(&f, m, &o), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "sources: unknown actor \"nope\"");
	assert_null(f);
	o.sources = NULL;
	o.source_count = 0;
	o.sinks = NULL;
	o.sink_count = 2;
	assert_int_equal(mkg_flow_new(&f, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "sinks: NULL with sink_count 2");
	o.sink_count = 0;
	o.version = 99;
	assert_int_equal(mkg_flow_new(&f, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_flow_new: unknown options version 99");
	assert_int_equal(mkg_flow_new(&f, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_flow_new: argument 'model' is NULL");
	assert_int_equal(mkg_flow_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_flow_new: argument 'out' is NULL");
	assert_null(f);
	mkg_model_free(m);
}

static void
test_accessors(void **state)
{
	char *s = NULL;

	(void)state;
	assert_string_equal(mkg_binding_type_name(MKG_BINDING_ACTOR), "actor");
	assert_string_equal(mkg_binding_type_name(MKG_BINDING_DEMAND), "demand");
	assert_string_equal(mkg_binding_type_name(MKG_BINDING_TRANSACTION), "transaction");
	assert_null(mkg_binding_type_name((mkg_binding_type)3));
	assert_null(mkg_binding_type_name((mkg_binding_type)-1));
	assert_true(isnan(mkg_flow_total_supply(NULL)));
	assert_true(isnan(mkg_flow_max_flow(NULL)));
	assert_true(isnan(mkg_flow_deliverable_share(NULL)));
	assert_int_equal(mkg_flow_binding_count(NULL), 0);
	assert_null(mkg_flow_binding_at(NULL, 0));
	assert_int_equal(mkg_flow_write_json(NULL, &s, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_flow_write_json: argument 'f' is NULL");
	mkg_flow_free(NULL);
}

/* Rounding.  0.1 + 0.2 arrive at a link of capacity 0.3: in doubles the
 * supply is 0.30000000000000004, 4e-17 more than the link takes.  Within
 * the tolerance the two cuts tie and the smaller source side wins: nothing
 * binds, everything supplied counts as delivered.  With a capacity of 0.25
 * the link binds. */
static void
test_rounding(void **state)
{
	mkg_model *m = flow_model("p:a p:b t:x t:y e:z", "a>x:0.1 b>x:0.2 x>y:0.3/0.3 y>z:0.3");
	mkg_model *m2 = flow_model("p:a p:b t:x t:y e:z", "a>x:0.1 b>x:0.2 x>y:0.3/0.25 y>z:0.3");
	mkg_flow *f = flow_of(m, NULL), *f2 = flow_of(m2, NULL);

	(void)state;
	check_flow(f, 0.1 + 0.2, 0.1 + 0.2, "");
	assert_double_exact(mkg_flow_deliverable_share(f), 1.0);
	check_flow(f2, 0.1 + 0.2, 0.25, "transaction x>y 0.25");
	mkg_flow_free(f);
	mkg_flow_free(f2);
	mkg_model_free(m);
	mkg_model_free(m2);
}

/* The model's cache: a change to the model gives a new flow. */
static void
test_model_changes(void **state)
{
	mkg_model *m = flow_model("p:a r:proc#80 e:z", "a>proc:100 proc>z:80");
	mkg_flow *f = flow_of(m, NULL);
	mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;

	(void)state;
	check_flow(f, 100, 80, "actor proc 80");
	mkg_flow_free(f);
	d.seller = "a";
	d.buyer = "z";
	d.commodity = "produce";
	d.volume = 25;
	d.capacity = 25;
	assert_int_equal(mkg_model_add_transaction(m, &d, NULL), MKG_OK);
	f = flow_of(m, NULL);
	/* a now sells 125, 25 of it straight to z over a link of capacity 25. */
	check_flow(f, 125, 105, "actor proc 80; transaction a>z 25");
	mkg_flow_free(f);
	mkg_model_free(m);
}

/* ---- properties on random value chains ------------------------------------ */

static char *
binding_lines(const mkg_flow *f)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
	GString *s = g_string_new(NULL);

	for (size_t i = 0; i < mkg_flow_binding_count(f); i++) {
		const mkg_binding *b = mkg_flow_binding_at(f, i);
		if (b->type == MKG_BINDING_TRANSACTION)
			g_ptr_array_add(a, g_strdup_printf("transaction %s %s", b->seller, b->buyer));
		else
			g_ptr_array_add(a, g_strdup_printf("%s %s", mkg_binding_type_name(b->type),
			                                   b->actor));
	}
	g_ptr_array_sort(a, brute_strcmp);
	for (guint i = 0; i < a->len; i++)
		g_string_append_printf(s, "%s\n", (const char *)a->pdata[i]);
	g_ptr_array_free(a, TRUE);
	return g_string_free(s, FALSE);
}

static char *
brute_lines(const brute_flow *b)
{
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < b->binding->len; i++)
		g_string_append_printf(s, "%s\n", (const char *)b->binding->pdata[i]);
	return g_string_free(s, FALSE);
}

/*
 * On random value chains: the flow the solver pushed equals the reported
 * cut's capacity (binding capacities + supply arcs on the cut); both equal
 * Edmonds-Karp's maximum flow on an independently built network; and the
 * binding constraints are those of the minimal source side found by the
 * brute force.
 */
static void
test_random_against_brute_force(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= 150; seed++) {
		int np = 2 + (int)(seed % 13), nt = (int)(seed % 9), ne = 1 + (int)(seed % 4);
		mkg_model *m = flow_random_model(seed, np, nt, ne);
		mkg_flow *f = flow_of(m, NULL);
		brute_flow b = brute_max_flow(m, NULL, 0, NULL, 0, NULL, 0);
		double tol = 1e-9 * fmax(1.0, b.total_supply);
		char *mine = binding_lines(f), *theirs = brute_lines(&b);

		/* Observed sales add the volumes in another order here. */
		assert_double_near(mkg_flow_total_supply(f), b.total_supply, 1e-12 * b.total_supply);
		assert_double_near(f->pushed, f->max_flow, tol);
		assert_double_near(mkg_flow_max_flow(f), b.max_flow, tol);
		assert_double_near(b.cut_capacity, b.max_flow, tol);
		if (strcmp(mine, theirs) != 0)
			fail_msg("seed %u: binding\n%s\nbrute force\n%s", (unsigned)seed, mine, theirs);
		g_free(mine);
		g_free(theirs);
		g_ptr_array_free(b.binding, TRUE);
		mkg_flow_free(f);
		mkg_model_free(m);
	}
}

/* The same model with its records in another order gives the same bytes. */
static void
test_stable_under_reordering(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= 20; seed++) {
		mkg_model *m = flow_random_model(seed * 7, 12, 8, 3);
		mkg_model *r = NULL;
		size_t na = mkg_model_actor_count(m), nt = mkg_model_transaction_count(m);
		mkg_flow *f, *fr;
		char *a, *b;

		assert_int_equal(mkg_model_new(&r), MKG_OK);
		for (size_t i = na; i-- > 0;) {
			mkg_actor_desc d = MKG_ACTOR_DESC_INIT, src = read_actor(m, i);
			d.id = src.id;
			d.kind = src.kind;
			d.capacity = src.capacity;
			d.supply = src.supply;
			d.demand = src.demand;
			assert_int_equal(mkg_model_add_actor(r, &d, NULL), MKG_OK);
		}
		for (size_t i = nt; i-- > 0;) {
			mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT, src = read_tx(m, i);
			d.seller = src.seller;
			d.buyer = src.buyer;
			d.commodity = src.commodity;
			d.volume = src.volume;
			d.value = src.value;
			d.capacity = src.capacity;
			d.service = src.service;
			assert_int_equal(mkg_model_add_transaction(r, &d, NULL), MKG_OK);
		}
		f = flow_of(m, NULL);
		fr = flow_of(r, NULL);
		a = json_of(f);
		b = json_of(fr);
		/* Sums of supplies may round differently in another order: compare
		 * the binding lists exactly, the numbers to 1e-12. */
		assert_string_equal(strstr(a, "\"binding\""), strstr(b, "\"binding\""));
		assert_double_near(mkg_flow_max_flow(f), mkg_flow_max_flow(fr),
		                   1e-12 * mkg_flow_total_supply(f));
		mkg_free(a);
		mkg_free(b);
		mkg_flow_free(f);
		mkg_flow_free(fr);
		mkg_model_free(m);
		mkg_model_free(r);
	}
}

/*
 * Three random value chains, with their maximum flows computed offline by
 * NetworkX 3.6.1 (maximum_flow_value) on a network built from these very
 * strings by the Python below (docs: analyses.md, section 2):
 *
 *   import networkx as nx
 *   def value(actors, txs):
 *       G = nx.DiGraph(); kind = {}; sup = {}; cap = {}; dem = {}; sold = {}
 *       for a in actors.split():
 *           k, rest = a.split(':'); d = None
 *           if '!' in rest: rest, d = rest.split('!'); dem[rest.split('#')[0].split('=')[0]] = float(d)
 *           c = None
 *           if '#' in rest: rest, c = rest.split('#')
 *           s = None
 *           if '=' in rest: rest, s = rest.split('=')
 *           kind[rest] = k
 *           if c is not None: cap[rest] = float(c)
 *           if s is not None: sup[rest] = float(s)
 *       arcs = {}; nodes = set()
 *       for t in txs.split():
 *           if t.endswith('s'): continue
 *           sb, rest = t.split(':'); s, b = sb.split('>')
 *           vol, c = (rest.split('/') + [None])[:2]
 *           sold[s] = sold.get(s, 0.0) + float(vol); nodes |= {s, b}
 *           old = arcs.get((s, b), 0.0)
 *           arcs[(s, b)] = float('inf') if c is None or old == float('inf') else old + float(c)
 *       out = lambda v: (v, 'out') if v in cap else v
 *       for v in nodes:
 *           if v in cap: G.add_edge(v, (v, 'out'), capacity=cap[v])
 *           if kind[v] == 'p': G.add_edge('S', v, capacity=sup.get(v, sold.get(v, 0.0)))
 *           if kind[v] == 'e' and v in dem: G.add_edge(out(v), 'T', capacity=dem[v])
 *           elif kind[v] == 'e': G.add_edge(out(v), 'T')
 *       for (s, b), c in arcs.items():
 *           if c == float('inf'): G.add_edge(out(s), b)
 *           else: G.add_edge(out(s), b, capacity=c)
 *       G.add_nodes_from(['S', 'T'])
 *       return nx.maximum_flow_value(G, 'S', 'T')
 *
 * (An arc without a capacity attribute is unbounded in NetworkX.)
 */
typedef struct nx_case {
	const char *actors;
	const char *txs;
	double max_flow;
} nx_case;

#include "flow-nx-cases.h"

static void
test_networkx_values(void **state)
{
	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(nx_cases); i++) {
		mkg_model *m = flow_model(nx_cases[i].actors, nx_cases[i].txs);
		mkg_flow *f = flow_of(m, NULL);
		double tol = 1e-9 * fmax(1.0, mkg_flow_total_supply(f));

		assert_double_near(mkg_flow_max_flow(f), nx_cases[i].max_flow, tol);
		assert_double_near(f->pushed, nx_cases[i].max_flow, tol);
		mkg_flow_free(f);
		mkg_model_free(m);
	}
}

/* ---- the solver on its own --------------------------------------------------- */

/* A long chain (a million-actor chain must not need recursion or deep
 * labels), and an infinite arc next to a finite one. */
static void
test_solver_chain(void **state)
{
	const uint32_t n = 100000;
	mkg_mf_net net;
	bool *side = g_new(bool, n);
	double value = 0.0;

	(void)state;
	mkg__mf_init(&net, n, 1e-12);
	for (uint32_t v = 0; v + 1 < n; v++)
		mkg__mf_reserve(&net, v, v + 1);
	mkg__mf_layout(&net);
	for (uint32_t v = 0; v + 1 < n; v++)
		mkg__mf_add(&net, v, v + 1, v == 0 ? 5.0 : v == n / 2 ? 3.0 : HUGE_VAL);
	mkg__mf_solve(&net, 0, n - 1, &value, side);
	assert_double_exact(value, 3.0);
	/* The source side ends at the arc of capacity 3. */
	assert_true(side[n / 2]);
	assert_false(side[n / 2 + 1]);
	mkg__mf_clear(&net);
	g_free(side);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain_processor),
		cmocka_unit_test(test_smallest_source_side),
		cmocka_unit_test(test_demand_bound),
		cmocka_unit_test(test_transaction_capacity),
		cmocka_unit_test(test_parallel_transactions),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_services_ignored),
		cmocka_unit_test(test_unbounded),
		cmocka_unit_test(test_zero_supply),
		cmocka_unit_test(test_zero_capacity),
		cmocka_unit_test(test_stranded_and_producer_capacity),
		cmocka_unit_test(test_binding_order),
		cmocka_unit_test(test_named_sources_sinks),
		cmocka_unit_test(test_accessors),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_model_changes),
		cmocka_unit_test(test_random_against_brute_force),
		cmocka_unit_test(test_stable_under_reordering),
		cmocka_unit_test(test_networkx_values),
		cmocka_unit_test(test_solver_chain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
