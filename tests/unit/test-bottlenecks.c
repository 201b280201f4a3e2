/* Tests of every bottleneck section at once (lib/analysis/bottlenecks.c):
 * the report's `bottlenecks` object, the rule that picks exact or sampled
 * betweenness, and the text view in the report.
 * SPDX-License-Identifier: MIT */
#include "flow-fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#define assert_double_exact(a, b) assert_true((a) == (b))

static mkg_bottlenecks *
bottlenecks_of(const mkg_model *m, const mkg_bottlenecks_options *o)
{
	mkg_bottlenecks *b = NULL;

	if (mkg_bottlenecks_new(&b, m, o) != MKG_OK)
		fail_msg("mkg_bottlenecks_new: %s", mkg_error_message());
	return b;
}

static char *
json_of(const mkg_bottlenecks *b)
{
	char *s = NULL;
	size_t len = 0;

	assert_int_equal(mkg_bottlenecks_write_json(b, &s, &len), MKG_OK);
	assert_int_equal(strlen(s), len);
	return s;
}

/* The keys of the report, in its order, each once at the top level. */
static void
check_keys(const char *json)
{
	static const char *const keys[] = {
		"\n  \"chains\": [\n    {", "\n      \"commodity\": \"produce\",",
		"\n      \"unit\": null,", "\n      \"flow\": {",
		"\n      \"articulation_points\": [", "\n      \"bridges\": [",
		"\n      \"captive\": [", "\n      \"stranded\": [", "\n      \"gatekeepers\": [",
		"\n      \"betweenness\": [", "\n      \"betweenness_estimate\": ",
		"\n      \"throughput\": [",
	};
	const char *at = json;

	for (size_t i = 0; i < G_N_ELEMENTS(keys); i++) {
		const char *k = strstr(at, keys[i]);
		if (k == NULL)
			fail_msg("key %zu (%s) missing or out of order in\n%s", i, keys[i], json);
		at = k + 1;
	}
}

/* The parts are the results of the single analyses, and the JSON object
 * holds them with the keys of report.md. */
static void
test_parts_and_keys(void **state)
{
	mkg_model *m = flow_model("p:a r:proc#80 e:z", "a>proc:100 proc>z:80");
	mkg_bottlenecks *b = bottlenecks_of(m, NULL);
	mkg_flow *f = NULL;
	char *json = json_of(b), *flow_json = NULL, *part;

	(void)state;
	check_keys(json);
	/* The flow object is mkg_flow_write_json()'s without the chain (the
	 * chain's object says it), indented three levels. */
	assert_int_equal(mkg_flow_new(&f, m, NULL), MKG_OK);
	assert_int_equal(mkg_flow_write_json(f, &flow_json, NULL), MKG_OK);
	assert_true(mkg_flow_max_flow(mkg_bottlenecks_flow(b, 0)) == 80.0);
	part = strstr(json, "\"flow\": {\n        \"total_supply\": 100,\n"
	                    "        \"max_flow\": 80,\n"
	                    "        \"deliverable_share\": 0.8,\n        \"binding\": [\n"
	                    "          {\"type\": \"actor\", \"actor\": \"proc\", \"capacity\": 80}\n"
	                    "        ]\n      },");
	assert_non_null(part);
	assert_non_null(strstr(flow_json, "\"total_supply\": 100,\n  \"max_flow\": 80,\n"));
	/* One chain, named by its commodity; the unit is the model's (none). */
	assert_int_equal(mkg_bottlenecks_chain_count(b), 1);
	assert_string_equal(mkg_bottlenecks_chain_at(b, 0)->commodity, "produce");
	assert_null(mkg_bottlenecks_chain_at(b, 0)->unit);
	assert_null(mkg_bottlenecks_chain_at(b, 1));
	assert_null(mkg_bottlenecks_flow(b, 1));
	assert_string_equal(mkg_flow_chain(mkg_bottlenecks_flow(b, 0))->commodity, "produce");
	/* 3 nodes: exact betweenness. */
	assert_int_equal(mkg_bottlenecks_pivots(b, 0), 0);
	assert_false(mkg_betweenness_is_estimate(mkg_bottlenecks_betweenness(b, 0)));
	assert_non_null(strstr(json, "\"betweenness_estimate\": null,\n"));
	/* proc is the cut point and z's gatekeeper; proc and z (the only end
	 * market) hold a captive, ties by id. */
	assert_int_equal(mkg_cutpoints_articulation_count(mkg_bottlenecks_cutpoints(b, 0)), 1);
	assert_int_equal(mkg_captive_count(mkg_bottlenecks_captive(b, 0)), 2);
	assert_string_equal(mkg_captive_at(mkg_bottlenecks_captive(b, 0), 0)->actor, "proc");
	assert_string_equal(mkg_captive_at(mkg_bottlenecks_captive(b, 0), 1)->actor, "z");
	assert_int_equal(mkg_throughput_count(mkg_bottlenecks_throughput(b, 0)), 3);
	mkg_free(flow_json);
	mkg_free(json);
	mkg_flow_free(f);
	mkg_bottlenecks_free(b);
	mkg_model_free(m);
}

/* Pivots given by the caller: an estimate, with the pivots and seed shown. */
static void
test_given_pivots(void **state)
{
	mkg_model *m = flow_model("p:a p:b t:x r:proc#80 e:z", "a>x:50 b>x:50 x>proc:100 proc>z:80");
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_bottlenecks *b;
	char *json;

	(void)state;
	o.pivots = 2;
	o.seed = 7;
	b = bottlenecks_of(m, &o);
	json = json_of(b);
	assert_int_equal(mkg_bottlenecks_pivots(b, 0), 2);
	assert_non_null(strstr(json, "\"betweenness_estimate\": {\"pivots\": 2, \"seed\": 7},\n"));
	mkg_free(json);
	mkg_bottlenecks_free(b);
	/* As many pivots as nodes: exact after all, and said so. */
	o.pivots = 5;
	b = bottlenecks_of(m, &o);
	assert_int_equal(mkg_bottlenecks_pivots(b, 0), 0);
	mkg_bottlenecks_free(b);
	mkg_model_free(m);
}

/* `pairs` producer -> end market pairs, plus `extra` lone producers
 * selling to the first end market: 2 * pairs + extra nodes, each search
 * short (so exact betweenness stays cheap at 20,000 nodes). */
static mkg_model *
pairs_model(int pairs, int extra)
{
	mkg_model *m = NULL;
	char id[32], id2[32];

	assert_int_equal(mkg_model_new(&m), MKG_OK);
	for (int i = 0; i < pairs + extra; i++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		g_snprintf(id, sizeof id, "p%05d", i);
		d.id = id;
		d.kind = MKG_ACTOR_PRODUCER;
		assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_OK);
	}
	for (int i = 0; i < pairs; i++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		g_snprintf(id, sizeof id, "e%05d", i);
		d.id = id;
		d.kind = MKG_ACTOR_END_MARKET;
		assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_OK);
	}
	for (int i = 0; i < pairs + extra; i++) {
		mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;
		g_snprintf(id, sizeof id, "p%05d", i);
		g_snprintf(id2, sizeof id2, "e%05d", i < pairs ? i : 0);
		d.seller = id;
		d.buyer = id2;
		d.commodity = "maize";
		d.volume = 1;
		assert_int_equal(mkg_model_add_transaction(m, &d, NULL), MKG_OK);
	}
	return m;
}

/* The rule: exact up to 20,000 nodes, 256 pivots above. */
static void
test_exact_up_to_20000_nodes(void **state)
{
	mkg_model *m = pairs_model(10000, 0), *m2 = pairs_model(10000, 1);
	mkg_bottlenecks *b = bottlenecks_of(m, NULL), *b2 = bottlenecks_of(m2, NULL);
	char *json = json_of(b2);

	(void)state;
	assert_int_equal(mkg_betweenness_count(mkg_bottlenecks_betweenness(b, 0)), 20000);
	assert_int_equal(mkg_bottlenecks_pivots(b, 0), 0);
	assert_int_equal(mkg_betweenness_count(mkg_bottlenecks_betweenness(b2, 0)), 20001);
	assert_int_equal(mkg_bottlenecks_pivots(b2, 0), MKG_BOTTLENECKS_PIVOTS);
	assert_true(mkg_betweenness_is_estimate(mkg_bottlenecks_betweenness(b2, 0)));
	assert_non_null(strstr(json, "\"betweenness_estimate\": {\"pivots\": 256, \"seed\": 0},\n"));
	/* Every supply arrives: 10,001 producers supply 1 each, nothing binds. */
	assert_true(mkg_flow_max_flow(mkg_bottlenecks_flow(b2, 0)) == 10001.0);
	assert_int_equal(mkg_flow_binding_count(mkg_bottlenecks_flow(b2, 0)), 0);
	mkg_free(json);
	mkg_bottlenecks_free(b);
	mkg_bottlenecks_free(b2);
	mkg_model_free(m);
	mkg_model_free(m2);
}

static void
test_errors(void **state)
{
	mkg_model *m = flow_model("p:a e:z", "a>z:1");
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	const char *bad[] = { "ghost" };
	mkg_bottlenecks *b = NULL;
	char *json = NULL;

	(void)state;
	o.version = 3;
	assert_int_equal(mkg_bottlenecks_new(&b, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_bottlenecks_new: unknown options version 3");
	o.version = MKG_BOTTLENECKS_OPTIONS_VERSION;
	o.sinks = bad;
	o.sink_count = 1;
	assert_int_equal(mkg_bottlenecks_new(&b, m, &o), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "sinks: unknown actor \"ghost\"");
	assert_int_equal(mkg_bottlenecks_new(&b, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_bottlenecks_new: argument 'model' is NULL");
	assert_int_equal(mkg_bottlenecks_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_bottlenecks_new: argument 'out' is NULL");
	assert_null(b);
	assert_int_equal(mkg_bottlenecks_write_json(NULL, &json, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_bottlenecks_write_json: argument 'b' is NULL");
	assert_null(mkg_bottlenecks_flow(NULL, 0));
	assert_null(mkg_bottlenecks_cutpoints(NULL, 0));
	assert_null(mkg_bottlenecks_captive(NULL, 0));
	assert_null(mkg_bottlenecks_betweenness(NULL, 0));
	assert_null(mkg_bottlenecks_throughput(NULL, 0));
	assert_int_equal(mkg_bottlenecks_pivots(NULL, 0), 0);
	mkg_bottlenecks_free(NULL);
	mkg_model_free(m);
}

/* The report carries the section, and its text names the binding
 * constraints first, then the actors with the largest captive supply. */
static void
test_report(void **state)
{
	mkg_model *m = flow_model("p:a p:b=40 p:c t:x r:proc#80 e:z",
	                          "a>x:50 b>x:20 x>proc:70 proc>z:70 c>z:5/4");
	mkg_report *r = NULL;
	char *json = NULL, *text = NULL;
	const char *binding, *captive, *cut;

	(void)state;
	assert_int_equal(mkg_model_set_volume_unit(m, "t"), MKG_OK);
	assert_int_equal(mkg_report_new(&r, m, NULL), MKG_OK);
	assert_int_equal(mkg_report_write_json(r, &json, NULL), MKG_OK);
	assert_non_null(strstr(json, "\n  \"bottlenecks\": {\n    \"chains\": [\n      {\n"
	                             "        \"commodity\": \"produce\",\n"
	                             "        \"unit\": \"t\",\n        \"flow\": {\n"));
	assert_int_equal(mkg_report_write_text(r, &text, NULL), MKG_OK);
	/* Supplies a 50, b 40, c 5: 95.  proc passes 80 of a's and b's 90;
	 * c's link carries 4.  Source side {S, a, b, c, x, proc_in}: the cut is
	 * proc (80) and the link c -> z (4): 84. */
	assert_non_null(strstr(text, "\nBottlenecks\n===========\n"
	                             "Chain produce (volumes in t of produce equivalent)\n"
	                             "Deliverable flow: 84 t of 95 t supplied can reach end "
	                             "markets (88.4%)\n"
	                             "Binding constraints (the minimum cut nearest the producers): 2\n"
	                             "  capacity of proc: 80 t\n"
	                             "  link c -> z: 4 t\n"));
	binding = strstr(text, "Binding constraints");
	captive = strstr(text, "Captive producers");
	cut = strstr(text, "Cut points");
	assert_non_null(captive);
	assert_non_null(cut);
	assert_true(binding < captive && captive < cut);
	/* z, the only end market, holds every producer captive (95 t); x and
	 * proc hold a and b (90 t), ties by id. */
	assert_non_null(strstr(captive, "largest supply first: 3 actors\n"
	                                "  z: 3 producers, supply 95 t\n"
	                                "  proc: 2 producers, supply 90 t\n"
	                                "  x: 2 producers, supply 90 t\n"));
	mkg_free(json);
	mkg_free(text);
	mkg_report_free(r);
	mkg_model_free(m);
}

/* Nothing supplied: the text says so instead of 0 of 0. */
static void
test_report_no_supply(void **state)
{
	mkg_model *m = flow_model("t:x e:z", "x>z:5");
	mkg_report *r = NULL;
	char *text = NULL;

	(void)state;
	assert_int_equal(mkg_report_new(&r, m, NULL), MKG_OK);
	assert_int_equal(mkg_report_write_text(r, &text, NULL), MKG_OK);
	assert_non_null(strstr(text, "\nBottlenecks\n===========\n"
	                             "Chain produce (volumes in produce equivalent)\n"
	                             "Deliverable flow: nothing to deliver, the producers supply 0.\n"
	                             "Captive producers: no actor"));
	mkg_free(text);
	mkg_report_free(r);
	mkg_model_free(m);
}

/* Two chains with a conversion.  Potato (t): farmer f sells 400 t to the
 * processor proc (capacity 300 t of potato), which sells 100 t of chips
 * (4 t of potato per t: 400 t of potato equivalent, the link's capacity
 * 60 t of chips = 240 t) to the consumers e; f sells 100 t to the trader
 * tr (link capacity 100), who sells them to e.  Cotton (bale): grower g
 * sells 1000 bales to gin, gin 900 to world over a link of capacity 600.
 *
 * Potato by hand: supply 500 (f's sales); proc passes min(300, 240) = 240,
 * the trader 100: max flow 340.  From S the residual reaches f (160 left),
 * proc_in (unbounded link) and proc_out (60 of 300 left), not e or tr:
 * the cut is the links f -> tr (100) and proc -> e (240).  Cotton: 1000
 * supplied, 600 pass, the link gin -> world binds.  g is no source of the
 * potato chain and f none of cotton's: each total is its chain's own. */
static const char two_chains[] =
	"{\"format\": \"marketgraph\", \"version\": 1, \"volume_unit\": \"t\",\n"
	" \"commodities\": [{\"id\": \"potato\", \"unit\": \"t\"}, {\"id\": \"chips\", \"unit\": \"t\",\n"
	"   \"made_from\": \"potato\", \"input_per_unit\": 4}, {\"id\": \"cotton\", \"unit\": \"bale\"}],\n"
	" \"actors\": [{\"id\": \"f\", \"kind\": \"producer\"}, {\"id\": \"g\", \"kind\": \"producer\"},\n"
	"   {\"id\": \"proc\", \"kind\": \"processor\", \"capacity\": 300},\n"
	"   {\"id\": \"tr\", \"kind\": \"trader\"}, {\"id\": \"gin\", \"kind\": \"processor\"},\n"
	"   {\"id\": \"e\", \"kind\": \"end_market\"}, {\"id\": \"world\", \"kind\": \"end_market\"}],\n"
	" \"transactions\": [\n"
	"   {\"id\": \"t1\", \"seller\": \"f\", \"buyer\": \"proc\", \"commodity\": \"potato\", \"volume\": 400},\n"
	"   {\"id\": \"t2\", \"seller\": \"proc\", \"buyer\": \"e\", \"commodity\": \"chips\", \"volume\": 100,\n"
	"    \"capacity\": 60},\n"
	"   {\"id\": \"t3\", \"seller\": \"f\", \"buyer\": \"tr\", \"commodity\": \"potato\", \"volume\": 100,\n"
	"    \"capacity\": 100},\n"
	"   {\"id\": \"t4\", \"seller\": \"tr\", \"buyer\": \"e\", \"commodity\": \"potato\", \"volume\": 100},\n"
	"   {\"id\": \"t5\", \"seller\": \"g\", \"buyer\": \"gin\", \"commodity\": \"cotton\", \"volume\": 1000},\n"
	"   {\"id\": \"t6\", \"seller\": \"gin\", \"buyer\": \"world\", \"commodity\": \"cotton\", \"volume\": 900,\n"
	"    \"capacity\": 600}]}\n";

static mkg_model *
two_chain_model(void)
{
	mkg_model *m = NULL;

	if (mkg_json_read_buffer(&m, two_chains, strlen(two_chains)) != MKG_OK)
		fail_msg("two_chains: %s", mkg_error_message());
	return m;
}

static void
test_two_chains(void **state)
{
	mkg_model *m = two_chain_model();
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_bottlenecks *b = bottlenecks_of(m, NULL);
	const mkg_flow *potato, *cotton;
	const mkg_throughput *t;
	size_t count = 0;

	(void)state;
	assert_int_equal(mkg_model_chain_count(m, &count), MKG_OK);
	assert_int_equal(count, 2);
	assert_string_equal(mkg_model_chain_at(m, 0)->commodity, "cotton");
	assert_string_equal(mkg_model_chain_at(m, 0)->unit, "bale");
	assert_string_equal(mkg_model_chain_at(m, 1)->commodity, "potato");
	assert_null(mkg_model_chain_at(m, 2));
	assert_int_equal(mkg_bottlenecks_chain_count(b), 2);
	assert_string_equal(mkg_bottlenecks_chain_at(b, 1)->commodity, "potato");
	assert_string_equal(mkg_bottlenecks_chain_at(b, 1)->unit, "t");

	cotton = mkg_bottlenecks_flow(b, 0);
	assert_string_equal(mkg_flow_chain(cotton)->unit, "bale");
	assert_double_exact(mkg_flow_total_supply(cotton), 1000);
	assert_double_exact(mkg_flow_max_flow(cotton), 600);
	assert_int_equal(mkg_flow_binding_count(cotton), 1);
	assert_string_equal(mkg_flow_binding_at(cotton, 0)->seller, "gin");

	potato = mkg_bottlenecks_flow(b, 1);
	assert_double_exact(mkg_flow_total_supply(potato), 500);
	assert_double_exact(mkg_flow_max_flow(potato), 340);
	assert_int_equal(mkg_flow_binding_count(potato), 2);
	assert_string_equal(mkg_flow_binding_at(potato, 0)->seller, "f");
	assert_string_equal(mkg_flow_binding_at(potato, 0)->buyer, "tr");
	assert_double_exact(mkg_flow_binding_at(potato, 0)->capacity, 100);
	assert_string_equal(mkg_flow_binding_at(potato, 1)->seller, "proc");
	assert_double_exact(mkg_flow_binding_at(potato, 1)->capacity, 240); /* 60 t of chips */

	/* Throughput: the chips count 4 x 100 = 400 t; e takes 500 t of potato
	 * equivalent; no share above 1 (f 500 t: 1, proc 400 t: 0.8). */
	t = mkg_bottlenecks_throughput(b, 1);
	assert_double_exact(mkg_throughput_delivered(t), 500);
	for (size_t i = 0; i < mkg_throughput_count(t); i++)
		assert_true(mkg_throughput_at(t, i)->share <= 1.0);
	assert_string_equal(mkg_throughput_at(t, 0)->actor, "e");
	assert_double_exact(mkg_throughput_at(t, 0)->bought, 500);
	assert_string_equal(mkg_throughput_at(t, 2)->actor, "proc");
	assert_double_exact(mkg_throughput_at(t, 2)->sold, 400);
	assert_double_exact(mkg_throughput_at(t, 2)->share, 0.8);
	mkg_bottlenecks_free(b);

	/* One chain, named. */
	o.chain = "potato";
	b = bottlenecks_of(m, &o);
	assert_int_equal(mkg_bottlenecks_chain_count(b), 1);
	assert_double_exact(mkg_flow_max_flow(mkg_bottlenecks_flow(b, 0)), 340);
	mkg_bottlenecks_free(b);
	mkg_model_free(m);
}

/* Every message of the chain option, exact. */
static void
test_chain_errors(void **state)
{
	mkg_model *m = two_chain_model();
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_shock_options so = MKG_SHOCK_OPTIONS_INIT;
	const char *remove[] = { "proc" };
	mkg_bottlenecks *b = NULL;
	mkg_flow *f = NULL;
	mkg_cutpoints *c = NULL;
	mkg_captive *cap = NULL;
	mkg_betweenness *bw = NULL;
	mkg_throughput *t = NULL;
	mkg_shock *s = NULL;

	(void)state;
	assert_int_equal(mkg_flow_new(&f, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "flow: the model has 2 chains (cotton, potato): "
	                                         "name one in options.chain");
	assert_int_equal(mkg_cutpoints_new(&c, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "cutpoints: the model has 2 chains (cotton, "
	                                         "potato): name one in options.chain");
	assert_int_equal(mkg_captive_new(&cap, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "captive: the model has 2 chains (cotton, "
	                                         "potato): name one in options.chain");
	assert_int_equal(mkg_betweenness_new(&bw, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "betweenness: the model has 2 chains (cotton, "
	                                         "potato): name one in options.chain");
	assert_int_equal(mkg_throughput_new(&t, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "throughput: the model has 2 chains (cotton, "
	                                         "potato): name one in options.chain");
	so.remove = remove;
	so.remove_count = 1;
	assert_int_equal(mkg_shock_new(&s, m, &so), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "shock: the model has 2 chains (cotton, potato): "
	                                         "name one in options.chain");
	o.chain = "maize";
	assert_int_equal(mkg_flow_new(&f, m, &o), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(),
	                    "flow: no chain \"maize\" (the model's chains: cotton, potato)");
	assert_int_equal(mkg_bottlenecks_new(&b, m, &o), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(),
	                    "bottlenecks: no chain \"maize\" (the model's chains: cotton, potato)");
	o.chain = "chips";
	assert_int_equal(mkg_flow_new(&f, m, &o), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "flow: no chain \"chips\": it is made from "
	                                         "\"potato\", name its primary commodity");
	assert_null(f);
	assert_null(b);
	assert_null(s);

	/* The shock of one chain: without proc, only the trader's 100 t pass. */
	so.chain = "potato";
	assert_int_equal(mkg_shock_new(&s, m, &so), MKG_OK);
	assert_double_exact(mkg_shock_loss(s), 240);
	assert_int_equal(mkg_shock_stranded_count(s), 0);
	assert_string_equal(mkg_flow_chain(mkg_shock_after(s))->commodity, "potato");
	mkg_shock_free(s);
	mkg_model_free(m);
}

/* A model without produce has no chain: flow on its empty graph. */
static void
test_no_chain(void **state)
{
	mkg_model *m = flow_model("p:a=5 e:z", "");
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_bottlenecks *b = bottlenecks_of(m, NULL);
	mkg_flow *f = NULL;
	size_t count = 1;

	(void)state;
	assert_int_equal(mkg_model_chain_count(m, &count), MKG_OK);
	assert_int_equal(count, 0);
	assert_int_equal(mkg_bottlenecks_chain_count(b), 0);
	assert_int_equal(mkg_flow_new(&f, m, NULL), MKG_OK);
	assert_null(mkg_flow_chain(f)->commodity);
	assert_double_exact(mkg_flow_total_supply(f), 5);
	mkg_flow_free(f);
	o.chain = "maize";
	assert_int_equal(mkg_flow_new(&f, m, &o), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(),
	                    "flow: no chain \"maize\" (the model has no produce transactions)");
	mkg_bottlenecks_free(b);
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parts_and_keys),
		cmocka_unit_test(test_given_pivots),
		cmocka_unit_test(test_exact_up_to_20000_nodes),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_report_no_supply),
		cmocka_unit_test(test_two_chains),
		cmocka_unit_test(test_chain_errors),
		cmocka_unit_test(test_no_chain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
