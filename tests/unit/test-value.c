/* Tests of the value distribution (docs/analyses.md section 4): sales,
 * purchases and value added per actor and per kind, the Gini coefficient
 * across the actors of a kind, stage prices and the producer share.
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
 *   em end_market                 0       1100        -1100
 *   p1 producer                 105          0          105
 *   p2 producer                 305          0          305
 *   pr processor               1000        480          520
 *   ts service_provider          40          0           40
 * The chain's value added (all but the end market) is 1100 = what the end
 * market pays.  Producers: 410 (410/1100), Gini of (105, 305):
 * mean |x_i - x_j| over the 4 ordered pairs = (0 + 200 + 200 + 0) / 4 = 100,
 * G = 100 / (2 x 205) = 0.2439...
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

	assert_int_equal(mkg_value_actor_count(v), 6);
	check_actor(mkg_value_actor_at(v, 0), "c1", MKG_ACTOR_COLLECTOR, 550, 420);
	check_actor(mkg_value_actor_at(v, 1), "em", MKG_ACTOR_END_MARKET, 0, 1100);
	check_actor(mkg_value_actor_at(v, 2), "p1", MKG_ACTOR_PRODUCER, 105, 0);
	check_actor(mkg_value_actor_at(v, 3), "p2", MKG_ACTOR_PRODUCER, 305, 0);
	check_actor(mkg_value_actor_at(v, 4), "pr", MKG_ACTOR_PROCESSOR, 1000, 480);
	check_actor(mkg_value_actor_at(v, 5), "ts", MKG_ACTOR_SERVICE_PROVIDER, 40, 0);
	assert_null(mkg_value_actor_at(v, 6));

	assert_int_equal(mkg_value_kind_count(v), 5);
	check_kind(mkg_value_kind_at(v, 0), MKG_ACTOR_PRODUCER, 2, 410, 410.0 / 1100, 100.0 / 410);
	assert_near(mkg_value_kind_at(v, 0)->sales, 410);
	assert_near(mkg_value_kind_at(v, 0)->purchases, 0);
	check_kind(mkg_value_kind_at(v, 1), MKG_ACTOR_COLLECTOR, 1, 130, 130.0 / 1100, 0);
	check_kind(mkg_value_kind_at(v, 2), MKG_ACTOR_PROCESSOR, 1, 520, 520.0 / 1100, 0);
	check_kind(mkg_value_kind_at(v, 3), MKG_ACTOR_END_MARKET, 1, -1100, nan, nan);
	check_kind(mkg_value_kind_at(v, 4), MKG_ACTOR_SERVICE_PROVIDER, 1, 40, 40.0 / 1100, 0);
	assert_null(mkg_value_kind_at(v, 5));

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
	/* producer p: 5; traders 2; chain 7 */
	check_kind(mkg_value_kind_at(v, 0), MKG_ACTOR_PRODUCER, 1, 5, 5.0 / 7, 0);
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
		"  \"actors\": [\n"
		"    {\"actor\": \"e\", \"kind\": \"end_market\", \"sales\": 0, \"purchases\": 10, "
		"\"value_added\": -10},\n"
		"    {\"actor\": \"p\", \"kind\": \"producer\", \"sales\": 10, \"purchases\": 0, "
		"\"value_added\": 10}\n"
		"  ],\n"
		"  \"by_kind\": [\n"
		"    {\"kind\": \"producer\", \"actors\": 1, \"sales\": 10, \"purchases\": 0, "
		"\"value_added\": 10, \"share\": 1, \"gini\": 0},\n"
		"    {\"kind\": \"end_market\", \"actors\": 1, \"sales\": 0, \"purchases\": 10, "
		"\"value_added\": -10, \"share\": null, \"gini\": null}\n"
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
		"  ]\n"
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
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
