/* Tests of the dependency analysis (docs/analyses.md section 1): top buyer
 * and supplier of each actor, and both dependencies of each trading pair.
 * Expected numbers are worked out in the comments.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "market-fixture.h"

/*
 * s1 -> b1: maize 60 + beans 30 (one pair, 90); s1 -> b2: maize 10;
 * s2 -> b1: beans 30; b1 -> r: flour 120; truck -> s1: transport 5 (a service);
 * tie -> amy 50, tie -> zed 50 (a tie, broken by id);
 * zero -> sink0: volume 0; ghost -> b1: a value and no volume (left out).
 */
static mkg_model *
trade_model(void)
{
	mkg_model *m = mf_model("trade");

	mf_tx(m, "s1", "b1", "maize", "2010", 60, MF_NONE);
	mf_tx(m, "s1", "b2", "maize", "2010", 10, MF_NONE);
	mf_tx(m, "s1", "b1", "beans", "2010", 30, MF_NONE);
	mf_tx(m, "s2", "b1", "beans", "2010", 30, MF_NONE);
	mf_tx(m, "b1", "r", "flour", "2010", 120, MF_NONE);
	mf_tx_full(m, "truck", "s1", "transport", "2010", 5, MF_NONE, 1);
	mf_tx(m, "tie", "zed", "tea", "2010", 50, MF_NONE);
	mf_tx(m, "tie", "amy", "coffee", "2010", 50, MF_NONE);
	mf_tx(m, "zero", "sink0", "maize", "2010", 0, MF_NONE);
	mf_tx(m, "ghost", "b1", "maize", "2010", MF_NONE, 99);
	return m;
}

static mkg_dependency *
compute(const mkg_model *m, mkg_measure measure)
{
	mkg_dependency_options o = MKG_DEPENDENCY_OPTIONS_INIT;
	mkg_dependency *d = NULL;

	o.measure = measure;
	if (mkg_dependency_new(&d, m, &o) != MKG_OK)
		fail_msg("mkg_dependency_new: %s", mkg_error_message());
	return d;
}

static void
check_actor(const mkg_actor_dependency *a, const char *id, const char *buyer, double sales_share,
            const char *supplier, double purchase_share)
{
	assert_non_null(a);
	assert_string_equal(a->actor, id);
	if (buyer == NULL)
		assert_null(a->top_buyer);
	else
		assert_string_equal(a->top_buyer, buyer);
	mf_assert_near(a->sales_share, sales_share, 1e-15);
	if (supplier == NULL)
		assert_null(a->top_supplier);
	else
		assert_string_equal(a->top_supplier, supplier);
	mf_assert_near(a->purchase_share, purchase_share, 1e-15);
}

static void
check_pair(const mkg_pair_dependency *p, const char *seller, const char *buyer, double dep_s,
           double dep_b, double asymmetry)
{
	assert_non_null(p);
	assert_string_equal(p->seller, seller);
	assert_string_equal(p->buyer, buyer);
	mf_assert_near(p->seller_dependency, dep_s, 1e-15);
	mf_assert_near(p->buyer_dependency, dep_b, 1e-15);
	mf_assert_near(p->asymmetry, asymmetry, 1e-15);
}

/*
 * Sales and purchases (volume, all commodities, services included):
 *   s1 sells 100 (b1 90, b2 10): top buyer b1 0.9; buys 5 from truck: 1.
 *   s2 sells 30 to b1: 1; buys nothing: null.
 *   b1 buys 120 (s1 90, s2 30): top supplier s1 0.75; sells 120 to r: 1.
 *   b2 buys 10 from s1: 1.  r buys 120 from b1: 1.  truck sells 5 to s1: 1.
 *   tie sells 50 + 50: amy before zed, 0.5.  amy, zed: tie 1.
 *   zero sells 0 and sink0 buys 0: listed, with null partners.
 *   ghost has no volume: not listed, its transaction counted as excluded.
 */
static void
test_actors(void **state)
{
	mkg_model *m = trade_model();
	mkg_dependency *d = compute(m, MKG_MEASURE_VOLUME);
	(void)state;

	assert_int_equal(mkg_dependency_excluded(d), 1);
	assert_int_equal(mkg_dependency_measure(d), MKG_MEASURE_VOLUME);
	assert_int_equal(mkg_dependency_actor_count(d), 11);
	check_actor(mkg_dependency_actor_at(d, 0), "amy", NULL, NAN, "tie", 1.0);
	check_actor(mkg_dependency_actor_at(d, 1), "b1", "r", 1.0, "s1", 0.75);
	check_actor(mkg_dependency_actor_at(d, 2), "b2", NULL, NAN, "s1", 1.0);
	check_actor(mkg_dependency_actor_at(d, 3), "r", NULL, NAN, "b1", 1.0);
	check_actor(mkg_dependency_actor_at(d, 4), "s1", "b1", 0.9, "truck", 1.0);
	check_actor(mkg_dependency_actor_at(d, 5), "s2", "b1", 1.0, NULL, NAN);
	check_actor(mkg_dependency_actor_at(d, 6), "sink0", NULL, NAN, NULL, NAN);
	check_actor(mkg_dependency_actor_at(d, 7), "tie", "amy", 0.5, NULL, NAN);
	check_actor(mkg_dependency_actor_at(d, 8), "truck", "s1", 1.0, NULL, NAN);
	check_actor(mkg_dependency_actor_at(d, 9), "zed", NULL, NAN, "tie", 1.0);
	check_actor(mkg_dependency_actor_at(d, 10), "zero", NULL, NAN, NULL, NAN);
	assert_null(mkg_dependency_actor_at(d, 11));
	mf_assert_near(mkg_dependency_actor_at(d, 4)->sales, 100.0, 0.0);
	mf_assert_near(mkg_dependency_actor_at(d, 4)->purchases, 5.0, 0.0);
	mf_assert_near(mkg_dependency_actor_at(d, 1)->purchases, 120.0, 0.0);
	mkg_dependency_free(d);
	mkg_model_free(m);
}

/*
 * Pairs, by asymmetry descending, then seller, then buyer; NaN last:
 *   (s2, b1)    1     0.25  +0.75
 *   (s1, b1)    0.9   0.75  +0.15
 *   (b1, r)     1     1      0
 *   (truck, s1) 1     1      0
 *   (tie, amy)  0.5   1     -0.5
 *   (tie, zed)  0.5   1     -0.5
 *   (s1, b2)    0.1   1     -0.9
 *   (zero, sink0) NaN NaN   NaN (both totals are 0)
 */
static void
test_pairs(void **state)
{
	mkg_model *m = trade_model();
	mkg_dependency *d = compute(m, MKG_MEASURE_VOLUME);
	(void)state;

	assert_int_equal(mkg_dependency_pair_count(d), 8);
	check_pair(mkg_dependency_pair_at(d, 0), "s2", "b1", 1.0, 0.25, 0.75);
	check_pair(mkg_dependency_pair_at(d, 1), "s1", "b1", 0.9, 0.75, 0.15);
	check_pair(mkg_dependency_pair_at(d, 2), "b1", "r", 1.0, 1.0, 0.0);
	check_pair(mkg_dependency_pair_at(d, 3), "truck", "s1", 1.0, 1.0, 0.0);
	check_pair(mkg_dependency_pair_at(d, 4), "tie", "amy", 0.5, 1.0, -0.5);
	check_pair(mkg_dependency_pair_at(d, 5), "tie", "zed", 0.5, 1.0, -0.5);
	check_pair(mkg_dependency_pair_at(d, 6), "s1", "b2", 0.1, 1.0, -0.9);
	check_pair(mkg_dependency_pair_at(d, 7), "zero", "sink0", NAN, NAN, NAN);
	assert_null(mkg_dependency_pair_at(d, 8));
	/* parallel transactions of one pair are one pair */
	mf_assert_near(mkg_dependency_pair_at(d, 1)->amount, 90.0, 0.0);
	mkg_dependency_free(d);
	mkg_model_free(m);
}

/* By value only ghost -> b1 (99) and x -> y carry the measure: ghost sells
 * all to b1, b1 buys all from ghost; everything else is left out (9). */
static void
test_value(void **state)
{
	mkg_model *m = trade_model();
	mkg_dependency *d;
	(void)state;

	mf_tx(m, "x", "y", "tea", "2010", 1, 40);
	mf_tx(m, "x", "b1", "tea", "2010", 3, 60);
	d = compute(m, MKG_MEASURE_VALUE);
	assert_int_equal(mkg_dependency_excluded(d), 9);
	/* b1 buys 99 from ghost and 60 from x: ghost 99 / 159 */
	assert_int_equal(mkg_dependency_actor_count(d), 4);
	check_actor(mkg_dependency_actor_at(d, 0), "b1", NULL, NAN, "ghost", 99.0 / 159.0);
	check_actor(mkg_dependency_actor_at(d, 1), "ghost", "b1", 1.0, NULL, NAN);
	check_actor(mkg_dependency_actor_at(d, 2), "x", "b1", 0.6, NULL, NAN);
	check_actor(mkg_dependency_actor_at(d, 3), "y", NULL, NAN, "x", 1.0);
	/* (x, y): 0.4 - 1 = -0.6; (x, b1): 0.6 - 60/159; (ghost, b1): 1 - 99/159 */
	assert_int_equal(mkg_dependency_pair_count(d), 3);
	check_pair(mkg_dependency_pair_at(d, 0), "ghost", "b1", 1.0, 99.0 / 159.0, 60.0 / 159.0);
	check_pair(mkg_dependency_pair_at(d, 1), "x", "b1", 0.6, 60.0 / 159.0, 0.6 - 60.0 / 159.0);
	check_pair(mkg_dependency_pair_at(d, 2), "x", "y", 0.4, 1.0, -0.6);
	mkg_dependency_free(d);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = trade_model();
	mkg_dependency_options o = MKG_DEPENDENCY_OPTIONS_INIT;
	mkg_dependency *d = (mkg_dependency *)(void *)&o; /* a sentinel */
	mkg_dependency *sentinel = d;
	(void)state;

	assert_int_equal(mkg_dependency_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_dependency_new: argument 'out' is NULL");
	assert_int_equal(mkg_dependency_new(&d, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_dependency_new: argument 'model' is NULL");
	o.measure = (mkg_measure)3;
	assert_int_equal(mkg_dependency_new(&d, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "measure: unknown measure 3 (known: volume, value)");
	o.measure = MKG_MEASURE_VOLUME;
	o.version = 7;
	assert_int_equal(mkg_dependency_new(&d, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_dependency_new: unknown options version 7");
	assert_ptr_equal(d, sentinel);
	assert_int_equal(mkg_dependency_options_init(&o, 0), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_dependency_options_init: unknown version 0");
	assert_int_equal(mkg_dependency_options_init(&o, MKG_DEPENDENCY_OPTIONS_VERSION), MKG_OK);
	assert_int_equal(o.version, MKG_DEPENDENCY_OPTIONS_VERSION);
	assert_int_equal(o.measure, MKG_MEASURE_VOLUME);
	assert_int_equal(mkg_dependency_write_json(NULL, NULL, NULL), MKG_EINVAL);
	assert_int_equal(mkg_dependency_actor_count(NULL), 0);
	assert_null(mkg_dependency_pair_at(NULL, 0));
	mkg_dependency_free(NULL);
	mkg_model_free(m);
}

/* The JSON, whole: a sells 3 to b and 1 to c; it outlives the model.
 * a: sales 4, top buyer b 0.75; b, c: their only supplier a.
 * (a, b): 0.75 - 1 = -0.25; (a, c): 0.25 - 1 = -0.75. */
static void
test_json(void **state)
{
	static const char expected[] =
		"{\n"
		"  \"excluded_transactions\": 0,\n"
		"  \"actors\": [\n"
		"    {\"actor\": \"a\", \"top_buyer\": \"b\", \"sales_share\": 0.75, "
		"\"top_supplier\": null, \"purchase_share\": null, \"sales\": 4, \"purchases\": 0},\n"
		"    {\"actor\": \"b\", \"top_buyer\": null, \"sales_share\": null, "
		"\"top_supplier\": \"a\", \"purchase_share\": 1, \"sales\": 0, \"purchases\": 3},\n"
		"    {\"actor\": \"c\", \"top_buyer\": null, \"sales_share\": null, "
		"\"top_supplier\": \"a\", \"purchase_share\": 1, \"sales\": 0, \"purchases\": 1}\n"
		"  ],\n"
		"  \"pairs\": [\n"
		"    {\"seller\": \"a\", \"buyer\": \"b\", \"seller_dependency\": 0.75, "
		"\"buyer_dependency\": 1, \"asymmetry\": -0.25, \"amount\": 3, "
		"\"level\": \"other\"},\n"
		"    {\"seller\": \"a\", \"buyer\": \"c\", \"seller_dependency\": 0.25, "
		"\"buyer_dependency\": 1, \"asymmetry\": -0.75, \"amount\": 1, "
		"\"level\": \"other\"}\n"
		"  ]\n"
		"}\n";
	mkg_model *m = mf_model(NULL);
	mkg_dependency *d;
	char *json = NULL;
	size_t len = 0;
	(void)state;

	mf_tx(m, "a", "c", "maize", NULL, 1, MF_NONE);
	mf_tx(m, "a", "b", "maize", NULL, 3, MF_NONE);
	d = compute(m, MKG_MEASURE_VOLUME);
	mkg_model_free(m);
	assert_int_equal(mkg_dependency_write_json(d, &json, &len), MKG_OK);
	assert_string_equal(json, expected);
	assert_int_equal(len, strlen(expected));
	mkg_free(json);
	mkg_dependency_free(d);

	/* an empty model: nothing listed */
	m = mf_model(NULL);
	d = compute(m, MKG_MEASURE_VOLUME);
	assert_int_equal(mkg_dependency_write_json(d, &json, NULL), MKG_OK);
	assert_string_equal(json, "{\n  \"excluded_transactions\": 0,\n  \"actors\": [],\n"
	                          "  \"pairs\": []\n}\n");
	mkg_free(json);
	mkg_dependency_free(d);
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_actors),
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_value),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests_name("dependency", tests, NULL, NULL);
}
