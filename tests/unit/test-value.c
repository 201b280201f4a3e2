/* Tests of the value distribution (docs/analyses.md section 4): sales,
 * purchases and value added per actor, kind and level, costs, transfers and
 * net margins, incomes per household, the Gini coefficient across the
 * actors or households of a kind, stage prices, the producer share and the
 * split by tag.
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

static mkg_value *
compute(const mkg_model *m)
{
	mkg_value *v = NULL;

	if (mkg_value_new(&v, m, NULL) != MKG_OK)
		fail_msg("mkg_value_new: %s", mkg_error_message());
	return v;
}

/*
 * A potato, chips and maize chain (USD, t):
 *   t1  p1 -> c1  potato  10 t   100      t6  p1 -> em  potato  0 t  5
 *   t2  p2 -> c1  potato  30 t   240      t7  p2 -> em  maize   5 t  25
 *   t3  c1 -> pr  potato  40 t   480      t8  p2 -> c1  maize  10 t  40
 *   t4  pr -> em  chips   20 t  1000      t9  c1 -> em  maize  10 t  70
 *   t5  ts -> c1  transport (service) 40  t10 p1 -> c1  potato  5 t  (no value)
 *
 * Value (t10 left out):       sales  purchases  value added
 *   c1 collector                550        420          130
 *   em end_market: not a stage, no row; it pays 1100
 *   p1 producer                 105          0          105
 *   p2 producer                 305          0          305
 *   pr processor               1000        480          520
 *   ts service_provider          40          0           40
 * The chain's value added (all but the end market) is 1100 = what the end
 * market pays.  Producers: 410 (410/1100), Gini of (105, 305) (no costs:
 * net margin = value added; no households: over the 2 actors):
 * mean |x_i - x_j| over the 4 ordered pairs = (0 + 200 + 200 + 0) / 4 = 100,
 * G = 100 / (2 x 205) = 0.2439...  One actor of a kind: no Gini (NaN).
 *
 * Prices (transactions with a value and a volume > 0):
 *   chips:  processor 1000 / 20 = 50
 *   maize:  producer (25 + 40) / (5 + 10) = 4.333..; collector 70 / 10 = 7
 *   potato: producer (100 + 240) / (10 + 30) = 8.5; collector 480 / 40 = 12
 *           (t6 has volume 0, t10 no value)
 * Producer share: only maize is sold by producers and bought by end markets
 * with a price: (65/15) / ((25 + 70) / (5 + 10)) = 65/95.  Potatoes reach
 * the end market only as chips, another commodity: no producer share.
 */
static const char *const chain_actors =
	"{\"id\": \"p1\", \"kind\": \"producer\"}, {\"id\": \"p2\", \"kind\": \"producer\"}, "
	"{\"id\": \"c1\", \"kind\": \"collector\"}, {\"id\": \"pr\", \"kind\": \"processor\"}, "
	"{\"id\": \"em\", \"kind\": \"end_market\"}, "
	"{\"id\": \"ts\", \"kind\": \"service_provider\"}";
static const char *const chain_txs =
	"{\"seller\": \"p1\", \"buyer\": \"c1\", \"commodity\": \"potato\", \"volume\": 10, "
	"\"value\": 100}, "
	"{\"seller\": \"p2\", \"buyer\": \"c1\", \"commodity\": \"potato\", \"volume\": 30, "
	"\"value\": 240}, "
	"{\"seller\": \"c1\", \"buyer\": \"pr\", \"commodity\": \"potato\", \"volume\": 40, "
	"\"value\": 480}, "
	"{\"seller\": \"pr\", \"buyer\": \"em\", \"commodity\": \"chips\", \"volume\": 20, "
	"\"value\": 1000}, "
	"{\"seller\": \"ts\", \"buyer\": \"c1\", \"commodity\": \"transport\", \"value\": 40, "
	"\"service\": true}, "
	"{\"seller\": \"p1\", \"buyer\": \"em\", \"commodity\": \"potato\", \"volume\": 0, "
	"\"value\": 5}, "
	"{\"seller\": \"p2\", \"buyer\": \"em\", \"commodity\": \"maize\", \"volume\": 5, "
	"\"value\": 25}, "
	"{\"seller\": \"p2\", \"buyer\": \"c1\", \"commodity\": \"maize\", \"volume\": 10, "
	"\"value\": 40}, "
	"{\"seller\": \"c1\", \"buyer\": \"em\", \"commodity\": \"maize\", \"volume\": 10, "
	"\"value\": 70}, "
	"{\"seller\": \"p1\", \"buyer\": \"c1\", \"commodity\": \"potato\", \"volume\": 5}";

static void
check_actor(const mkg_actor_value *a, const char *id, mkg_actor_kind kind, double sales,
            double purchases)
{
	assert_non_null(a);
	assert_string_equal(a->actor, id);
	assert_int_equal(a->kind, kind);
	assert_near(a->sales, sales);
	assert_near(a->purchases, purchases);
	assert_near(a->value_added, sales - purchases);
}

static void
check_kind(const mkg_kind_value *k, mkg_actor_kind kind, size_t actors, double value_added,
           double share, double gini)
{
	assert_non_null(k);
	assert_int_equal(k->kind, kind);
	assert_int_equal(k->actors, actors);
	assert_near(k->value_added, value_added);
	assert_near(k->share, share);
	assert_near(k->gini, gini);
}

static void
check_stage(const mkg_stage_price *s, mkg_actor_kind kind, size_t n, double volume, double value)
{
	assert_int_equal(s->seller_kind, kind);
	assert_int_equal(s->transactions, n);
	assert_near(s->volume, volume);
	assert_near(s->value, value);
	assert_near(s->price, value / volume);
}

static void
test_chain(void **state)
{
	mkg_model *m = m4p_doc(chain_actors, chain_txs, NULL, NULL);
	mkg_value *v;
	const mkg_commodity_prices *c;
	const mkg_producer_share *ps;
	const double nan = MKG_ABSENT;

	(void)state;
	assert_int_equal(mkg_model_set_currency(m, "USD"), MKG_OK);
	assert_int_equal(mkg_model_set_volume_unit(m, "t"), MKG_OK);
	v = compute(m);
	mkg_model_free(m); /* the result keeps its own copies */
	assert_string_equal(mkg_value_currency(v), "USD");
	assert_string_equal(mkg_value_volume_unit(v), "t");
	assert_int_equal(mkg_value_excluded(v), 1);
	assert_near(mkg_value_chain_value_added(v), 1100);
	assert_near(mkg_value_end_market_purchases(v), 1100);
	assert_near(mkg_value_chain_net_margin(v), 1100);
	assert_near(mkg_value_chain_costs(v), 0);
	assert_near(mkg_value_transfers(v), 0);
	assert_int_equal(mkg_value_actors_with_costs(v), 0);

	assert_int_equal(mkg_value_actor_count(v), 5);
	check_actor(mkg_value_actor_at(v, 0), "c1", MKG_ACTOR_COLLECTOR, 550, 420);
	check_actor(mkg_value_actor_at(v, 1), "p1", MKG_ACTOR_PRODUCER, 105, 0);
	check_actor(mkg_value_actor_at(v, 2), "p2", MKG_ACTOR_PRODUCER, 305, 0);
	check_actor(mkg_value_actor_at(v, 3), "pr", MKG_ACTOR_PROCESSOR, 1000, 480);
	check_actor(mkg_value_actor_at(v, 4), "ts", MKG_ACTOR_SERVICE_PROVIDER, 40, 0);
	assert_null(mkg_value_actor_at(v, 5));
	assert_near(mkg_value_actor_at(v, 3)->net_margin, 520);
	assert_int_equal(mkg_value_actor_at(v, 3)->households, -1);
	assert_nan(mkg_value_actor_at(v, 3)->income_per_household);

	assert_int_equal(mkg_value_kind_count(v), 4);
	check_kind(mkg_value_kind_at(v, 0), MKG_ACTOR_PRODUCER, 2, 410, 410.0 / 1100, 100.0 / 410);
	assert_int_equal(mkg_value_kind_at(v, 0)->gini_over, MKG_GINI_ACTORS);
	assert_int_equal(mkg_value_kind_at(v, 0)->gini_units, 2);
	assert_near(mkg_value_kind_at(v, 0)->sales, 410);
	assert_near(mkg_value_kind_at(v, 0)->purchases, 0);
	check_kind(mkg_value_kind_at(v, 1), MKG_ACTOR_COLLECTOR, 1, 130, 130.0 / 1100, nan);
	assert_int_equal(mkg_value_kind_at(v, 1)->gini_over, MKG_GINI_UNDEFINED);
	check_kind(mkg_value_kind_at(v, 2), MKG_ACTOR_PROCESSOR, 1, 520, 520.0 / 1100, nan);
	check_kind(mkg_value_kind_at(v, 3), MKG_ACTOR_SERVICE_PROVIDER, 1, 40, 40.0 / 1100, nan);
	assert_null(mkg_value_kind_at(v, 4));
	/* no level given: each seller's kind; the collector sells potato and maize */
	assert_int_equal(mkg_value_level_count(v), 4);
	assert_string_equal(mkg_value_level_at(v, 0)->level, "producer");
	assert_int_equal(mkg_value_level_at(v, 0)->sellers, 2);
	assert_near(mkg_value_level_at(v, 0)->value_added, 410);
	assert_string_equal(mkg_value_level_at(v, 1)->level, "collector");
	assert_near(mkg_value_level_at(v, 1)->sales, 550);
	assert_string_equal(mkg_value_level_at(v, 3)->level, "service_provider");
	assert_int_equal(mkg_value_tag_count(v), 0);

	assert_int_equal(mkg_value_commodity_count(v), 3);
	c = mkg_value_commodity_at(v, 0);
	assert_string_equal(c->commodity, "chips");
	assert_int_equal(c->stage_count, 1);
	check_stage(&c->stages[0], MKG_ACTOR_PROCESSOR, 1, 20, 1000);
	c = mkg_value_commodity_at(v, 1);
	assert_string_equal(c->commodity, "maize");
	assert_int_equal(c->stage_count, 2);
	check_stage(&c->stages[0], MKG_ACTOR_PRODUCER, 2, 15, 65);
	check_stage(&c->stages[1], MKG_ACTOR_COLLECTOR, 1, 10, 70);
	c = mkg_value_commodity_at(v, 2);
	assert_string_equal(c->commodity, "potato");
	assert_int_equal(c->stage_count, 2);
	check_stage(&c->stages[0], MKG_ACTOR_PRODUCER, 2, 40, 340);
	assert_near(c->stages[0].price, 8.5);
	check_stage(&c->stages[1], MKG_ACTOR_COLLECTOR, 1, 40, 480);
	assert_null(mkg_value_commodity_at(v, 3));

	assert_int_equal(mkg_value_producer_share_count(v), 1);
	ps = mkg_value_producer_share_at(v, 0);
	assert_string_equal(ps->commodity, "maize");
	assert_near(ps->producer_price, 65.0 / 15);
	assert_near(ps->end_market_price, 95.0 / 15);
	assert_near(ps->share, 65.0 / 95);
	assert_near(ps->producer_volume, 15);
	assert_near(ps->end_market_volume, 15);
	assert_null(mkg_value_producer_share_at(v, 1));
	mkg_value_free(v);
}

/* A producer share across two commodities is refused, with the reason. */
static void
test_producer_share_find(void **state)
{
	mkg_model *m = m4p_doc(chain_actors, chain_txs, NULL, NULL);
	mkg_value *v = compute(m);
	const mkg_producer_share *ps = NULL;

	(void)state;
	assert_int_equal(mkg_value_producer_share_find(v, "maize", &ps), MKG_OK);
	assert_near(ps->share, 65.0 / 95);
	assert_int_equal(mkg_value_producer_share_find(v, "chips", &ps), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(),
	                    "producer share of \"chips\": no producer sells it with a price "
	                    "(prices of different commodities are not compared)");
	assert_null(ps);
	assert_int_equal(mkg_value_producer_share_find(v, "potato", &ps), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(),
	                    "producer share of \"potato\": no end market buys it with a price");
	assert_int_equal(mkg_value_producer_share_find(v, "tea", &ps), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(),
	                    "producer share of \"tea\": no producer sells it with a price "
	                    "(prices of different commodities are not compared)");
	assert_int_equal(mkg_value_producer_share_find(NULL, "tea", &ps), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_value_producer_share_find: argument 'v' is NULL");
	assert_int_equal(mkg_value_producer_share_find(v, NULL, &ps), MKG_EINVAL);
	assert_int_equal(mkg_value_producer_share_find(v, "tea", NULL), MKG_EINVAL);
	mkg_value_free(v);
	mkg_model_free(m);
}

/* No producers and no end markets: no producer share; zero volumes: no
 * price at all; an end market paying 0 gives a null share. */
static void
test_edges(void **state)
{
	mkg_model *m = m4p_doc("{\"id\": \"a\", \"kind\": \"trader\"}, "
	                       "{\"id\": \"b\", \"kind\": \"trader\"}",
	                       "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"x\", "
	                       "\"volume\": 0, \"value\": 10}", NULL, NULL);
	mkg_value *v = compute(m);

	(void)state;
	assert_int_equal(mkg_value_producer_share_count(v), 0);
	assert_int_equal(mkg_value_commodity_count(v), 0);
	assert_int_equal(mkg_value_actor_count(v), 2);
	/* traders a (+10) and b (-10): mean 0, no Gini */
	check_kind(mkg_value_kind_at(v, 0), MKG_ACTOR_TRADER, 2, 0, MKG_ABSENT, MKG_ABSENT);
	assert_near(mkg_value_chain_value_added(v), 0);
	mkg_value_free(v);
	mkg_model_free(m);

	m = m4p_doc("{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"e\", \"kind\": "
	            "\"end_market\"}",
	            "{\"seller\": \"p\", \"buyer\": \"e\", \"commodity\": \"x\", \"volume\": 4, "
	            "\"value\": 0}", NULL, NULL);
	v = compute(m);
	assert_int_equal(mkg_value_producer_share_count(v), 1);
	assert_near(mkg_value_producer_share_at(v, 0)->producer_price, 0);
	assert_near(mkg_value_producer_share_at(v, 0)->end_market_price, 0);
	assert_nan(mkg_value_producer_share_at(v, 0)->share);
	/* no value added anywhere: shares null */
	assert_nan(mkg_value_kind_at(v, 0)->share);
	mkg_value_free(v);
	mkg_model_free(m);

	m = m4p_doc("{\"id\": \"p\", \"kind\": \"producer\"}", NULL, NULL, NULL);
	v = compute(m);
	assert_int_equal(mkg_value_actor_count(v), 0);
	assert_int_equal(mkg_value_kind_count(v), 0);
	assert_nan(mkg_value_chain_value_added(NULL));
	assert_near(mkg_value_chain_value_added(v), 0);
	mkg_value_free(v);
	mkg_model_free(m);
}

/*
 * Negative value added inside a kind: traders tA (buys 4, sells 3: -1) and
 * tB (buys 1, sells 4: +3).  Mean 1, mean absolute difference
 * (0 + 4 + 4 + 0) / 4 = 2, G = 2 / (2 x 1) = 1: the formula is applied as
 * is, and can reach or pass 1 with negative values.
 */
static void
test_gini_negative(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"tA\", \"kind\": \"trader\"}, "
		"{\"id\": \"tB\", \"kind\": \"trader\"}, {\"id\": \"e\", \"kind\": \"end_market\"}",
		"{\"seller\": \"p\", \"buyer\": \"tA\", \"commodity\": \"x\", \"value\": 4}, "
		"{\"seller\": \"tA\", \"buyer\": \"e\", \"commodity\": \"x\", \"value\": 3}, "
		"{\"seller\": \"p\", \"buyer\": \"tB\", \"commodity\": \"x\", \"value\": 1}, "
		"{\"seller\": \"tB\", \"buyer\": \"e\", \"commodity\": \"x\", \"value\": 4}",
		NULL, NULL);
	mkg_value *v = compute(m);

	(void)state;
	/* producer p: 5; traders 2; chain 7; one producer: no Gini */
	check_kind(mkg_value_kind_at(v, 0), MKG_ACTOR_PRODUCER, 1, 5, 5.0 / 7, MKG_ABSENT);
	check_kind(mkg_value_kind_at(v, 1), MKG_ACTOR_TRADER, 2, 2, 2.0 / 7, 1);
	mkg_value_free(v);
	mkg_model_free(m);
}

/* The internal Gini on hand-computed vectors: G = sum_i sum_j |x_i - x_j|
 * / (2 n^2 mean); R's ineq::Gini gives the same numbers. */
static void
test_gini_values(void **state)
{
	double a[] = { 4, 1, 3, 2 };  /* sum |d| = 20, n^2 = 16, mean 2.5: 1.25 / 5 */
	double b[] = { 0, 10, 0, 0 }; /* one has all: (n - 1) / n */
	double c[] = { 7, 7, 7 };
	double d[] = { -1, 1 };       /* mean 0: undefined */
	double e[] = { 5 };
	double f[] = { -1, 3 };

	(void)state;
	assert_near(mkg__gini(a, 4), 0.25);
	assert_near(mkg__gini(b, 4), 0.75);
	assert_near(mkg__gini(c, 3), 0);
	assert_nan(mkg__gini(d, 2));
	assert_near(mkg__gini(e, 1), 0);
	assert_near(mkg__gini(f, 2), 1);
	assert_nan(mkg__gini(NULL, 0));
}

static void
test_json(void **state)
{
	mkg_model *m = m4p_doc("{\"id\": \"p\", \"kind\": \"producer\"}, "
	                       "{\"id\": \"e\", \"kind\": \"end_market\"}",
	                       "{\"seller\": \"p\", \"buyer\": \"e\", \"commodity\": \"x\", "
	                       "\"volume\": 4, \"value\": 10}", NULL, NULL);
	mkg_value *v = compute(m);
	const char *expected =
		"{\n"
		"  \"currency\": null,\n"
		"  \"volume_unit\": null,\n"
		"  \"excluded_transactions\": 0,\n"
		"  \"chain_value_added\": 10,\n"
		"  \"end_market_purchases\": 10,\n"
		"  \"chain_costs\": 0,\n"
		"  \"chain_net_margin\": 10,\n"
		"  \"transfers\": 0,\n"
		"  \"actors_with_costs\": 0,\n"
		"  \"actors\": [\n"
		"    {\"actor\": \"p\", \"kind\": \"producer\", \"sales\": 10, \"purchases\": 0, "
		"\"value_added\": 10, \"costs\": 0, \"transfers_paid\": 0, \"transfers_received\": 0, "
		"\"net_margin\": 10, \"households\": null, \"income_per_household\": null}\n"
		"  ],\n"
		"  \"by_kind\": [\n"
		"    {\"kind\": \"producer\", \"actors\": 1, \"sales\": 10, \"purchases\": 0, "
		"\"value_added\": 10, \"share\": 1, \"gini\": null, \"gini_over\": null, "
		"\"gini_units\": 0, \"costs\": 0, \"transfers_paid\": 0, \"transfers_received\": 0, "
		"\"net_margin\": 10, \"net_margin_share\": 1, \"households\": 0, "
		"\"income_per_household\": null}\n"
		"  ],\n"
		"  \"by_level\": [\n"
		"    {\"level\": \"producer\", \"sellers\": 1, \"sales\": 10, \"value_added\": 10, "
		"\"costs\": 0, \"net_margin\": 10, \"share\": 1}\n"
		"  ],\n"
		"  \"stage_prices\": [\n"
		"    {\n"
		"      \"commodity\": \"x\",\n"
		"      \"stages\": [\n"
		"        {\"seller_kind\": \"producer\", \"transactions\": 1, \"volume\": 4, "
		"\"value\": 10, \"price\": 2.5}\n"
		"      ]\n"
		"    }\n"
		"  ],\n"
		"  \"producer_share\": [\n"
		"    {\"commodity\": \"x\", \"producer_price\": 2.5, \"end_market_price\": 2.5, "
		"\"share\": 1, \"producer_volume\": 4, \"end_market_volume\": 4}\n"
		"  ],\n"
		"  \"by_tag\": [],\n"
		"  \"by_tag_shares\": []\n"
		"}\n";
	char *json = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(mkg_value_write_json(v, &json, &len), MKG_OK);
	assert_string_equal(json, expected);
	assert_int_equal(len, strlen(expected));
	mkg_free(json);
	mkg_value_free(v);
	mkg_model_free(m);
}


/*
 * Costs, a cess (a transfer) and households (UGX, t; the worked example of
 * docs/analyses.md, "Value distribution"):
 *   f1 producer, 10 households, women-led, costs labour 100
 *   f2 producer, 30 households, costs labour 150 + rent 50 (2010, maize)
 *   tr trader, costs transport 60;  mb marketing board;  em end market
 *   f1 -> tr maize 20 t 400;  f2 -> tr maize 60 t 1080
 *   tr -> em maize 80 t 2000 (level "wholesale")
 *   cess (service, transfer): mb -> f1 20, mb -> f2 60, mb -> tr 40
 *   (the payer is the buyer: money flows from buyer to seller)
 *   facilitation: mb informs f2
 *
 *        sales purch.  VA  costs paid recv.  net  per household
 *   f1     400     0  400   100   20    0   280   28
 *   f2    1080     0 1080   200   60    0   820   27.333..
 *   tr    2000  1480  520    60   40    0   420   -
 *   mb       0     0    0     0    0  120   120   -
 * Chain: value added 2000 (= what em pays), costs 360, net margin 1640,
 * transfers 120.  Producers: 1480 (74%), net 1100 over 40 households =
 * 27.5; Gini over the households: 10 at 28 and 30 at 82/3:
 * sum_ij w_i w_j |x_i - x_j| = 2 x 10 x 30 x 2/3 = 400, over 2 W S =
 * 2 x 40 x 1100 = 88000: 1/220.  Levels: producer 1480 (2 sellers),
 * wholesale 520 (tr).  Maize: producers 1480/80 = 18.5, trader 25: 74%.
 * By women-led: with f1 (10 households, net 280, 28 each, price 400/20 =
 * 20: 80%), without f2 (30 households, 30 supported, price 18: 72%).
 */
static const char *const costs_doc =
	"{\"format\": \"marketgraph\", \"version\": 1, \"currency\": \"UGX\", \"period\": "
	"\"2010\", \"commodities\": [{\"id\": \"cess\", \"service\": true, \"transfer\": true}], "
	"\"actors\": ["
	"{\"id\": \"f1\", \"kind\": \"producer\", \"households\": 10, \"tags\": [\"women-led\"], "
	"\"costs\": [{\"item\": \"labour\", \"amount\": 100}]}, "
	"{\"id\": \"f2\", \"kind\": \"producer\", \"households\": 30, \"costs\": ["
	"{\"item\": \"labour\", \"amount\": 150}, {\"item\": \"rent\", \"amount\": 50, "
	"\"period\": \"2010\", \"commodity\": \"maize\"}]}, "
	"{\"id\": \"tr\", \"kind\": \"trader\", \"costs\": [{\"item\": \"transport\", "
	"\"amount\": 60}]}, "
	"{\"id\": \"mb\", \"kind\": \"marketing_board\"}, {\"id\": \"em\", \"kind\": "
	"\"end_market\"}], "
	"\"transactions\": ["
	"{\"seller\": \"f1\", \"buyer\": \"tr\", \"commodity\": \"maize\", \"volume\": 20, "
	"\"value\": 400}, "
	"{\"seller\": \"f2\", \"buyer\": \"tr\", \"commodity\": \"maize\", \"volume\": 60, "
	"\"value\": 1080}, "
	"{\"seller\": \"tr\", \"buyer\": \"em\", \"commodity\": \"maize\", \"volume\": 80, "
	"\"value\": 2000, \"level\": \"wholesale\"}, "
	"{\"seller\": \"mb\", \"buyer\": \"f1\", \"commodity\": \"cess\", \"value\": 20, "
	"\"service\": true}, "
	"{\"seller\": \"mb\", \"buyer\": \"f2\", \"commodity\": \"cess\", \"value\": 60, "
	"\"service\": true}, "
	"{\"seller\": \"mb\", \"buyer\": \"tr\", \"commodity\": \"cess\", \"value\": 40, "
	"\"service\": true}], "
	"\"facilitation\": [{\"facilitator\": \"mb\", \"type\": \"public\", \"function\": "
	"\"information\", \"targets\": {\"actors\": [\"f2\"]}}]}";

static void
check_margins(const mkg_actor_value *a, const char *id, double va, double costs, double paid,
              double received, double net)
{
	assert_non_null(a);
	assert_string_equal(a->actor, id);
	assert_near(a->value_added, va);
	assert_near(a->costs, costs);
	assert_near(a->transfers_paid, paid);
	assert_near(a->transfers_received, received);
	assert_near(a->net_margin, net);
}

static void
test_costs_transfers(void **state)
{
	mkg_model *m = m4p_load(costs_doc);
	const char *tags[] = { "women-led" };
	mkg_value_options o = MKG_VALUE_OPTIONS_INIT;
	const mkg_kind_value *k;
	const mkg_tag_value *t;
	const mkg_tag_share *ts;
	mkg_value *v = NULL;

	(void)state;
	o.by_tag = tags;
	o.by_tag_count = 1;
	assert_int_equal(mkg_value_new(&v, m, &o), MKG_OK);
	assert_near(mkg_value_chain_value_added(v), 2000);
	assert_near(mkg_value_end_market_purchases(v), 2000);
	assert_near(mkg_value_chain_costs(v), 360);
	assert_near(mkg_value_chain_net_margin(v), 1640);
	assert_near(mkg_value_transfers(v), 120);
	assert_int_equal(mkg_value_actors_with_costs(v), 3);

	assert_int_equal(mkg_value_actor_count(v), 4);
	check_margins(mkg_value_actor_at(v, 0), "f1", 400, 100, 20, 0, 280);
	assert_near(mkg_value_actor_at(v, 0)->income_per_household, 28);
	assert_int_equal(mkg_value_actor_at(v, 0)->households, 10);
	check_margins(mkg_value_actor_at(v, 1), "f2", 1080, 200, 60, 0, 820);
	assert_near(mkg_value_actor_at(v, 1)->income_per_household, 820.0 / 30);
	check_margins(mkg_value_actor_at(v, 2), "mb", 0, 0, 0, 120, 120);
	check_margins(mkg_value_actor_at(v, 3), "tr", 520, 60, 40, 0, 420);
	assert_near(mkg_value_actor_at(v, 3)->purchases, 1480);

	assert_int_equal(mkg_value_kind_count(v), 3);
	k = mkg_value_kind_at(v, 0);
	check_kind(k, MKG_ACTOR_PRODUCER, 2, 1480, 0.74, 1.0 / 220);
	assert_int_equal(k->gini_over, MKG_GINI_HOUSEHOLDS);
	assert_int_equal(k->gini_units, 40);
	assert_int_equal(k->households, 40);
	assert_near(k->income_per_household, 27.5);
	assert_near(k->net_margin, 1100);
	assert_near(k->net_margin_share, 1100.0 / 1640);
	assert_near(k->transfers_paid, 80);
	k = mkg_value_kind_at(v, 1);
	check_kind(k, MKG_ACTOR_TRADER, 1, 520, 0.26, MKG_ABSENT);
	assert_int_equal(k->gini_over, MKG_GINI_UNDEFINED);
	k = mkg_value_kind_at(v, 2);
	check_kind(k, MKG_ACTOR_MARKETING_BOARD, 1, 0, 0, MKG_ABSENT);
	assert_near(k->transfers_received, 120);
	assert_near(k->net_margin, 120);

	assert_int_equal(mkg_value_level_count(v), 2);
	assert_string_equal(mkg_value_level_at(v, 0)->level, "producer");
	assert_int_equal(mkg_value_level_at(v, 0)->sellers, 2);
	assert_near(mkg_value_level_at(v, 0)->value_added, 1480);
	assert_near(mkg_value_level_at(v, 0)->costs, 300);
	assert_near(mkg_value_level_at(v, 0)->net_margin, 1100);
	assert_string_equal(mkg_value_level_at(v, 1)->level, "wholesale");
	assert_int_equal(mkg_value_level_at(v, 1)->sellers, 1);
	assert_near(mkg_value_level_at(v, 1)->sales, 2000);
	assert_near(mkg_value_level_at(v, 1)->value_added, 520);
	assert_near(mkg_value_level_at(v, 1)->net_margin, 420);
	assert_near(mkg_value_level_at(v, 1)->share, 0.26);

	/* the cess has no price: maize only */
	assert_int_equal(mkg_value_commodity_count(v), 1);
	assert_near(mkg_value_producer_share_at(v, 0)->share, 0.74);

	assert_int_equal(mkg_value_tag_count(v), 2);
	t = mkg_value_tag_at(v, 0);
	assert_string_equal(t->tag, "women-led");
	assert_int_equal(t->with, 1);
	assert_int_equal(t->producers, 1);
	assert_int_equal(t->households, 10);
	assert_int_equal(t->households_selling, 10);
	assert_int_equal(t->households_supported, 0);
	assert_near(t->sales, 400);
	assert_near(t->net_margin, 280);
	assert_near(t->income_per_household, 28);
	assert_int_equal(t->gini_over, MKG_GINI_UNDEFINED);
	t = mkg_value_tag_at(v, 1);
	assert_int_equal(t->with, 0);
	assert_int_equal(t->producers_selling, 1);
	assert_int_equal(t->households_supported, 30);
	assert_near(t->income_per_household, 820.0 / 30);
	assert_int_equal(mkg_value_tag_share_count(v), 2);
	ts = mkg_value_tag_share_at(v, 0);
	assert_int_equal(ts->with, 1);
	assert_string_equal(ts->commodity, "maize");
	assert_near(ts->producer_price, 20);
	assert_near(ts->producer_volume, 20);
	assert_near(ts->share, 0.8);
	ts = mkg_value_tag_share_at(v, 1);
	assert_int_equal(ts->with, 0);
	assert_near(ts->share, 0.72);
	assert_null(mkg_value_tag_share_at(v, 2));
	mkg_value_free(v);

	/* the tags are checked before anything is computed */
	{
		const char *bad[] = { "women-led", "" };
		const char *twice[] = { "women-led", "women-led" };
		const char *unknown[] = { "remote" };

		v = NULL;
		o.by_tag = bad;
		o.by_tag_count = 2;
		assert_int_equal(mkg_value_new(&v, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "by_tag[1]: an empty tag");
		o.by_tag = twice;
		assert_int_equal(mkg_value_new(&v, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "by_tag[1]: \"women-led\" is given twice");
		o.by_tag = unknown;
		o.by_tag_count = 1;
		assert_int_equal(mkg_value_new(&v, m, &o), MKG_ENOTFOUND);
		assert_string_equal(mkg_error_message(), "by_tag[0]: no producer has the tag \"remote\"");
		o.by_tag = NULL;
		assert_int_equal(mkg_value_new(&v, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "by_tag: 1 tags announced but the list is NULL");
		assert_null(v);
	}
	mkg_model_free(m);
}

/* Household-weighted Gini on its own: one actor is undefined, whatever
 * its households; with 1 household each it is the actors' Gini. */
static void
test_gini_households(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"a\", \"kind\": \"producer\", \"households\": 1}, "
		"{\"id\": \"b\", \"kind\": \"producer\", \"households\": 1}, "
		"{\"id\": \"c\", \"kind\": \"producer\", \"households\": 50}, "
		"{\"id\": \"e\", \"kind\": \"end_market\"}",
		"{\"seller\": \"a\", \"buyer\": \"e\", \"commodity\": \"x\", \"value\": 105}, "
		"{\"seller\": \"b\", \"buyer\": \"e\", \"commodity\": \"x\", \"value\": 305}, "
		"{\"seller\": \"c\", \"buyer\": \"e\", \"commodity\": \"y\", \"value\": 500}",
		NULL, NULL);
	mkg_value *v = compute(m);
	const mkg_kind_value *k = mkg_value_kind_at(v, 0);

	(void)state;
	/* incomes: 1 household at 105, 1 at 305, 50 at 10; W = 52, S = 910.
	 * sum_ij w_i w_j |x_i - x_j| = 2 (1 x 1 x 200 + 1 x 50 x 95 + 1 x 50 x 295)
	 * = 2 (200 + 4750 + 14750) = 39400; G = 39400 / (2 x 52 x 910) */
	assert_int_equal(k->gini_over, MKG_GINI_HOUSEHOLDS);
	assert_int_equal(k->gini_units, 52);
	assert_near(k->gini, 39400.0 / (2 * 52 * 910));
	mkg_value_free(v);
	mkg_model_free(m);
}

/* Costs in the format: read, written back, and refused with their path. */
static void
test_costs_format(void **state)
{
	static const struct {
		const char *costs, *message;
	} bad[] = {
		{ "{}", "actors[0].costs: must be an array of {\"item\", \"amount\"} objects, got an "
		        "object" },
		{ "[3]", "actors[0].costs[0]: expected an object, got number" },
		{ "[{\"amount\": 3}]", "actors[0].costs[0].item: missing (required)" },
		{ "[{\"item\": \"\", \"amount\": 3}]", "actors[0].costs[0].item: must not be empty" },
		{ "[{\"item\": \"x\"}]", "actors[0].costs[0].amount: missing (required)" },
		{ "[{\"item\": \"x\", \"amount\": -1}]",
		  "actors[0].costs[0].amount: must be a number >= 0, got -1" },
		{ "[{\"item\": \"x\", \"amount\": 1, \"colour\": 2}]",
		  "actors[0].costs[0].colour: unknown field (expected item, amount, period, "
		  "commodity)" },
		{ "[{\"item\": \"x\", \"amount\": 1, \"commodity\": \"\"}]",
		  "actors[0].costs[0].commodity: must not be empty" },
	};
	mkg_model *m = m4p_load(costs_doc), *back = NULL;
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
	mkg_commodity_desc c = MKG_COMMODITY_DESC_INIT;
	char *text = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(mkg_model_actor_at(m, 1, &d), MKG_OK);
	assert_int_equal(d.cost_count, 2);
	assert_string_equal(d.costs[1].item, "rent");
	assert_near(d.costs[1].amount, 50);
	assert_string_equal(d.costs[1].period, "2010");
	assert_string_equal(d.costs[1].commodity, "maize");
	assert_null(d.costs[0].period);
	assert_int_equal(mkg_model_actor_at(m, 3, &d), MKG_OK);
	assert_int_equal(d.cost_count, 0);
	assert_null(d.costs);
	assert_int_equal(mkg_model_commodity_at(m, 0, &c), MKG_OK);
	assert_int_equal(c.transfer, 1);
	assert_int_equal(mkg_json_write_string(m, &text, &len), MKG_OK);
	assert_non_null(strstr(text, "\"costs\": [{\"item\": \"labour\", \"amount\": 150}, "
	                             "{\"item\": \"rent\", \"amount\": 50, \"period\": \"2010\", "
	                             "\"commodity\": \"maize\"}]"));
	assert_non_null(strstr(text, "\"transfer\": true"));
	assert_int_equal(mkg_json_read_buffer(&back, text, len), MKG_OK);
	assert_true(mkg_model_equal(m, back));
	mkg_free(text);
	mkg_model_free(back);
	mkg_model_free(m);

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *doc = g_strdup_printf("{\"format\": \"marketgraph\", \"version\": 1, "
		                            "\"actors\": [{\"id\": \"a\", \"kind\": \"trader\", "
		                            "\"costs\": %s}]}", bad[i].costs);

		m = NULL;
		assert_int_equal(mkg_json_read_buffer(&m, doc, strlen(doc)), MKG_EDATA);
		assert_string_equal(mkg_error_message(), bad[i].message);
		assert_null(m);
		g_free(doc);
	}
	{
		const char *doc = "{\"format\": \"marketgraph\", \"version\": 1, \"commodities\": "
		                  "[{\"id\": \"cess\", \"transfer\": true}], \"actors\": []}";

		m = NULL;
		assert_int_equal(mkg_json_read_buffer(&m, doc, strlen(doc)), MKG_EDATA);
		assert_string_equal(mkg_error_message(), "commodities[0].transfer: a transfer is a "
		                                         "service (set \"service\": true)");
	}
}

static void
test_errors(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_value *v = NULL;
	char *json = NULL;

	(void)state;
	assert_int_equal(mkg_value_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_value_new: argument 'out' is NULL");
	assert_int_equal(mkg_value_new(&v, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_value_new: argument 'model' is NULL");
	{
		/* no option yet, but the version is checked */
		mkg_value_options o = MKG_VALUE_OPTIONS_INIT;
		mkg_value *none = NULL;

		o.version = 7;
		assert_int_equal(mkg_value_new(&none, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_value_new: unknown options version 7");
		assert_null(none);
		assert_int_equal(mkg_value_options_init(&o, 2), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_value_options_init: unknown version 2");
		assert_int_equal(mkg_value_options_init(NULL, 1), MKG_EINVAL);
		assert_int_equal(mkg_value_options_init(&o, MKG_VALUE_OPTIONS_VERSION), MKG_OK);
		assert_int_equal(o.version, 1);
		assert_int_equal(mkg_value_new(&none, m, &o), MKG_OK);
		mkg_value_free(none);
	}
	assert_null(v);
	assert_int_equal(mkg_value_write_json(NULL, &json, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_value_write_json: argument 'v' is NULL");
	mkg_value_free(NULL);
	assert_int_equal(mkg_value_actor_count(NULL), 0);
	assert_null(mkg_value_kind_at(NULL, 0));
	assert_null(mkg_value_commodity_at(NULL, 0));
	assert_null(mkg_value_producer_share_at(NULL, 0));
	assert_null(mkg_value_currency(NULL));
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_producer_share_find),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_gini_negative),
		cmocka_unit_test(test_gini_values),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_costs_transfers),
		cmocka_unit_test(test_gini_households),
		cmocka_unit_test(test_costs_format),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
