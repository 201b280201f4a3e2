/* Tests of the facilitation mix (docs/analyses.md section 3): per type and
 * function, records, cost, targets and supported transactions, and the
 * share of each market's measure supported by each type.  Numbers are
 * worked out by hand on the fixture described in m4p-fixture.h.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

static mkg_facilitation_mix *
compute(const mkg_model *m, mkg_measure measure)
{
	mkg_facilitation_mix_options o = MKG_FACILITATION_MIX_OPTIONS_INIT;
	mkg_facilitation_mix *mix = NULL;

	o.measure = measure;
	if (mkg_facilitation_mix_new(&mix, m, &o) != MKG_OK)
		fail_msg("mkg_facilitation_mix_new: %s", mkg_error_message());
	return mix;
}

static void
check_row(const mkg_mix_row *r, size_t records, double cost, size_t without_cost, size_t actors,
          size_t txs, size_t supported)
{
	assert_non_null(r);
	assert_int_equal(r->records, records);
	assert_near(r->cost, cost);
	assert_int_equal(r->records_without_cost, without_cost);
	assert_int_equal(r->target_actors, actors);
	assert_int_equal(r->target_transactions, txs);
	assert_int_equal(r->supported_transactions, supported);
}

/*
 * temporary fA fB fC fD: cost 1000 + 2000 (fC, fD give none); actors
 * p1 p4 p2; transactions t4 t3; supported t1 (p1) t2 (p2) t3 t4 t7 (p4).
 *   capacity_building fC: p2 -> t2
 *   linkages fA fB: p1 p4 p2, t4 -> t1 t2 t4 t7
 *   information fD: t3
 * commercial fE brokerage: tr -> t1 t2 t4 t6 (t6 through its buyer)
 * public fF information: em p5 -> t5 (through its buyer em only)
 */
static void
test_rows(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_facilitation_mix *mix = compute(m, MKG_MEASURE_VOLUME);
	const mkg_mix_row *r;

	(void)state;
	r = mkg_facilitation_mix_type(mix, MKG_FACILITATION_TEMPORARY);
	check_row(r, 4, 3000, 2, 3, 2, 5);
	assert_int_equal(r->type, MKG_FACILITATION_TEMPORARY);
	assert_int_equal(r->function, MKG_FUNCTION_UNSET);
	assert_int_equal(mkg_facilitation_mix_function_count(mix, MKG_FACILITATION_TEMPORARY), 3);
	r = mkg_facilitation_mix_function_at(mix, MKG_FACILITATION_TEMPORARY, 0);
	assert_int_equal(r->function, MKG_FUNCTION_CAPACITY_BUILDING);
	check_row(r, 1, 0, 1, 1, 0, 1);
	r = mkg_facilitation_mix_function_at(mix, MKG_FACILITATION_TEMPORARY, 1);
	assert_int_equal(r->function, MKG_FUNCTION_LINKAGES);
	check_row(r, 2, 3000, 0, 3, 1, 4);
	r = mkg_facilitation_mix_function_at(mix, MKG_FACILITATION_TEMPORARY, 2);
	assert_int_equal(r->function, MKG_FUNCTION_INFORMATION);
	assert_int_equal(r->type, MKG_FACILITATION_TEMPORARY);
	check_row(r, 1, 0, 1, 0, 1, 1);
	assert_null(mkg_facilitation_mix_function_at(mix, MKG_FACILITATION_TEMPORARY, 3));

	check_row(mkg_facilitation_mix_type(mix, MKG_FACILITATION_COMMERCIAL), 1, 500, 0, 1, 0, 4);
	assert_int_equal(mkg_facilitation_mix_function_count(mix, MKG_FACILITATION_COMMERCIAL), 1);
	assert_int_equal(mkg_facilitation_mix_function_at(mix, MKG_FACILITATION_COMMERCIAL, 0)->function,
	                 MKG_FUNCTION_BROKERAGE);
	check_row(mkg_facilitation_mix_type(mix, MKG_FACILITATION_PUBLIC), 1, 300, 0, 2, 0, 1);

	/* unknown types */
	assert_null(mkg_facilitation_mix_type(mix, (mkg_facilitation_type)3));
	assert_null(mkg_facilitation_mix_type(mix, MKG_FACILITATION_TYPE_UNSET));
	assert_int_equal(mkg_facilitation_mix_function_count(mix, (mkg_facilitation_type)7), 0);
	assert_null(mkg_facilitation_mix_function_at(mix, (mkg_facilitation_type)7, 0));
	mkg_facilitation_mix_free(mix);
	mkg_model_free(m);
}

static void
check_market(const mkg_facilitation_market *r, const char *commodity, int service, double total,
             double amount, double share)
{
	assert_non_null(r);
	assert_string_equal(r->commodity, commodity);
	assert_string_equal(r->period, "2010");
	assert_null(r->region);
	assert_int_equal(r->service, service);
	assert_near(r->total, total);
	assert_near(r->amount, amount);
	assert_near(r->share, share);
}

/*
 * By volume: flour 100 t, maize 390 t, transport 0 (no volume).
 *   temporary supports all of maize (t1 t2 t3 t4 t7), none of flour;
 *   commercial t1 + t2 + t4 = 300 of 390 t of maize;
 *   public t5 = all of flour.
 */
static void
test_markets_volume(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_facilitation_mix *mix = compute(m, MKG_MEASURE_VOLUME);
	const double nan = MKG_ABSENT;

	(void)state;
	assert_int_equal(mkg_facilitation_mix_measure(mix), MKG_MEASURE_VOLUME);
	assert_int_equal(mkg_facilitation_mix_market_count(mix), 3);
	check_market(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_TEMPORARY, 0), "flour", 0,
	             100, 0, 0);
	check_market(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_TEMPORARY, 1), "maize", 0,
	             390, 390, 1);
	check_market(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_TEMPORARY, 2), "transport", 1,
	             0, 0, nan);
	check_market(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_COMMERCIAL, 1), "maize", 0,
	             390, 300, 300.0 / 390.0);
	check_market(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_COMMERCIAL, 2), "transport", 1,
	             0, 0, nan);
	check_market(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_PUBLIC, 0), "flour", 0, 100,
	             100, 1);
	check_market(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_PUBLIC, 1), "maize", 0, 390,
	             0, 0);
	assert_null(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_PUBLIC, 3));
	assert_null(mkg_facilitation_mix_market_at(mix, (mkg_facilitation_type)3, 0));
	mkg_facilitation_mix_free(mix);
	mkg_model_free(m);
}

/*
 * By value: maize 1000 + 600 + 500 + 2400 + 400 = 4900, of which the
 * broker supports 1000 + 600 + 2400 = 4000; transport 200, all supported
 * by the broker (its buyer tr is targeted).
 */
static void
test_markets_value(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_facilitation_mix *mix = compute(m, MKG_MEASURE_VALUE);

	(void)state;
	assert_int_equal(mkg_facilitation_mix_measure(mix), MKG_MEASURE_VALUE);
	check_market(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_COMMERCIAL, 0), "flour", 0,
	             5000, 0, 0);
	check_market(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_COMMERCIAL, 1), "maize", 0,
	             4900, 4000, 4000.0 / 4900.0);
	check_market(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_COMMERCIAL, 2), "transport", 1,
	             200, 200, 1);
	check_market(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_TEMPORARY, 2), "transport", 1,
	             200, 0, 0);
	mkg_facilitation_mix_free(mix);
	mkg_model_free(m);
}

/* No facilitation at all: every type is present with zeros. */
static void
test_no_facilitation(void **state)
{
	mkg_model *m = m4p_doc("{\"id\": \"a\", \"kind\": \"producer\"}, "
	                       "{\"id\": \"b\", \"kind\": \"trader\"}",
	                       "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"rice\", "
	                       "\"volume\": 4}", NULL, NULL);
	mkg_facilitation_mix *mix = compute(m, MKG_MEASURE_VOLUME);
	char *json = NULL;

	(void)state;
	for (int t = 0; t < MKG_FACILITATION_TYPE_COUNT; t++) {
		check_row(mkg_facilitation_mix_type(mix, (mkg_facilitation_type)t), 0, 0, 0, 0, 0, 0);
		assert_int_equal(mkg_facilitation_mix_function_count(mix, (mkg_facilitation_type)t), 0);
		check_market(mkg_facilitation_mix_market_at(mix, (mkg_facilitation_type)t, 0), "rice", 0,
		             4, 0, 0);
	}
	assert_int_equal(mkg_facilitation_mix_write_json(mix, &json, NULL), MKG_OK);
	assert_non_null(strstr(json, "\"type\": \"public\""));
	mkg_free(json);
	mkg_facilitation_mix_free(mix);
	mkg_model_free(m);
}

/* Markets split by the seller's region: two maize markets. */
static void
test_split_by_region(void **state)
{
	mkg_model *m = m4p_doc("{\"id\": \"a\", \"kind\": \"producer\", \"region\": \"north\"}, "
	                       "{\"id\": \"c\", \"kind\": \"producer\", \"region\": \"south\"}, "
	                       "{\"id\": \"b\", \"kind\": \"trader\"}, "
	                       "{\"id\": \"p\", \"kind\": \"programme\"}",
	                       "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"rice\", "
	                       "\"volume\": 4}, "
	                       "{\"seller\": \"c\", \"buyer\": \"b\", \"commodity\": \"rice\", "
	                       "\"volume\": 6}",
	                       "{\"facilitator\": \"p\", \"type\": \"temporary\", \"function\": "
	                       "\"finance\", \"targets\": {\"actors\": [\"c\"]}}", NULL);
	mkg_facilitation_mix_options o = MKG_FACILITATION_MIX_OPTIONS_INIT;
	mkg_facilitation_mix *mix = NULL;
	const mkg_facilitation_market *r;

	(void)state;
	o.split_by_region = 1;
	assert_int_equal(mkg_facilitation_mix_new(&mix, m, &o), MKG_OK);
	assert_int_equal(mkg_facilitation_mix_market_count(mix), 2);
	r = mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_TEMPORARY, 0);
	assert_string_equal(r->region, "north");
	assert_near(r->share, 0);
	r = mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_TEMPORARY, 1);
	assert_string_equal(r->region, "south");
	assert_near(r->share, 1);
	mkg_facilitation_mix_free(mix);
	/* defaults (NULL options): one market, 6 of 10 supported */
	assert_int_equal(mkg_facilitation_mix_new(&mix, m, NULL), MKG_OK);
	assert_int_equal(mkg_facilitation_mix_market_count(mix), 1);
	assert_near(mkg_facilitation_mix_market_at(mix, MKG_FACILITATION_TEMPORARY, 0)->share, 0.6);
	mkg_facilitation_mix_free(mix);
	mkg_model_free(m);
}

/* The exact text: key order, layout, null region, a share of 0 and of 1. */
static void
test_json(void **state)
{
	mkg_model *m = m4p_doc("{\"id\": \"a\", \"kind\": \"producer\"}, "
	                       "{\"id\": \"b\", \"kind\": \"trader\"}",
	                       "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"rice\", "
	                       "\"volume\": 4}",
	                       "{\"facilitator\": \"b\", \"type\": \"commercial\", \"function\": "
	                       "\"finance\", \"targets\": {\"actors\": [\"a\"]}, \"cost\": 2.5}",
	                       NULL);
	mkg_facilitation_mix *mix = compute(m, MKG_MEASURE_VOLUME);
	const char *expected =
		"[\n"
		"  {\n"
		"    \"type\": \"temporary\",\n"
		"    \"records\": 0,\n"
		"    \"cost\": 0,\n"
		"    \"records_without_cost\": 0,\n"
		"    \"target_actors\": 0,\n"
		"    \"target_transactions\": 0,\n"
		"    \"supported_transactions\": 0,\n"
		"    \"functions\": [],\n"
		"    \"markets\": [\n"
		"      {\"commodity\": \"rice\", \"period\": \"2010\", \"region\": null, \"service\": "
		"false, \"total\": 4, \"supported\": 0, \"share\": 0}\n"
		"    ]\n"
		"  },\n"
		"  {\n"
		"    \"type\": \"commercial\",\n"
		"    \"records\": 1,\n"
		"    \"cost\": 2.5,\n"
		"    \"records_without_cost\": 0,\n"
		"    \"target_actors\": 1,\n"
		"    \"target_transactions\": 0,\n"
		"    \"supported_transactions\": 1,\n"
		"    \"functions\": [\n"
		"      {\"function\": \"finance\", \"records\": 1, \"cost\": 2.5, "
		"\"records_without_cost\": 0, \"target_actors\": 1, \"target_transactions\": 0, "
		"\"supported_transactions\": 1}\n"
		"    ],\n"
		"    \"markets\": [\n"
		"      {\"commodity\": \"rice\", \"period\": \"2010\", \"region\": null, \"service\": "
		"false, \"total\": 4, \"supported\": 4, \"share\": 1}\n"
		"    ]\n"
		"  },\n"
		"  {\n"
		"    \"type\": \"public\",\n"
		"    \"records\": 0,\n"
		"    \"cost\": 0,\n"
		"    \"records_without_cost\": 0,\n"
		"    \"target_actors\": 0,\n"
		"    \"target_transactions\": 0,\n"
		"    \"supported_transactions\": 0,\n"
		"    \"functions\": [],\n"
		"    \"markets\": [\n"
		"      {\"commodity\": \"rice\", \"period\": \"2010\", \"region\": null, \"service\": "
		"false, \"total\": 4, \"supported\": 0, \"share\": 0}\n"
		"    ]\n"
		"  }\n"
		"]\n";
	char *json = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(mkg_facilitation_mix_write_json(mix, &json, &len), MKG_OK);
	assert_string_equal(json, expected);
	assert_int_equal(len, strlen(expected));
	mkg_free(json);
	mkg_facilitation_mix_free(mix);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_facilitation_mix *mix = NULL;
	mkg_facilitation_mix_options o = MKG_FACILITATION_MIX_OPTIONS_INIT;
	char *json = NULL;

	(void)state;
	assert_int_equal(mkg_facilitation_mix_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_facilitation_mix_new: argument 'out' is NULL");
	assert_int_equal(mkg_facilitation_mix_new(&mix, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_facilitation_mix_new: argument 'model' is NULL");
	o.version = 99;
	assert_int_equal(mkg_facilitation_mix_new(&mix, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_facilitation_mix_new: unknown options version 99");
	o.version = MKG_FACILITATION_MIX_OPTIONS_VERSION;
	o.measure = (mkg_measure)7;
	assert_int_equal(mkg_facilitation_mix_new(&mix, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "measure: unknown measure 7 (known: volume, value)");
	assert_null(mix);

	assert_int_equal(mkg_facilitation_mix_options_init(&o, 2), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_facilitation_mix_options_init: unknown version 2");
	assert_int_equal(mkg_facilitation_mix_options_init(NULL, 1), MKG_EINVAL);
	o.measure = (mkg_measure)5;
	assert_int_equal(mkg_facilitation_mix_options_init(&o, MKG_FACILITATION_MIX_OPTIONS_VERSION), MKG_OK);
	assert_int_equal(o.measure, MKG_MEASURE_VOLUME);
	assert_int_equal(o.split_by_region, 0);

	assert_int_equal(mkg_facilitation_mix_write_json(NULL, &json, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_facilitation_mix_write_json: argument 'mix' is NULL");
	/* NULL results */
	mkg_facilitation_mix_free(NULL);
	assert_null(mkg_facilitation_mix_type(NULL, MKG_FACILITATION_PUBLIC));
	assert_int_equal(mkg_facilitation_mix_market_count(NULL), 0);
	assert_null(mkg_facilitation_mix_market_at(NULL, MKG_FACILITATION_PUBLIC, 0));
	mkg_model_free(m);
}

/*
 * The support rules on the m4p_rule_* model (hand-worked in
 * test-exit-simulation.c): train (capacity_building: f1's and f2's sales)
 * supports tb tc te, not f1's purchase ta nor ex's sale to Europe td; link
 * (linkages: every trade of ex) tb tc td; credit (names ta) ta; reg
 * (regulation: every trade of f2) tc te.
 *   temporary: actors f1 f2 ex (3), transactions ta (1), supported
 *              ta tb tc td te (5); coffee 2010 310 of 350 t, seed 10 of 10
 *   public:    actors f2, supported tc te (2); coffee 70 of 350 t
 */
static void
test_support_rules(void **state)
{
	mkg_model *m = m4p_doc(m4p_rule_actors, m4p_rule_txs, m4p_rule_fac, NULL);
	mkg_facilitation_mix *mix = compute(m, MKG_MEASURE_VOLUME);
	mkg_facilitation_type tmp = MKG_FACILITATION_TEMPORARY, pub = MKG_FACILITATION_PUBLIC;

	(void)state;
	check_row(mkg_facilitation_mix_type(mix, tmp), 3, 0, 3, 3, 1, 5);
	assert_int_equal(mkg_facilitation_mix_function_count(mix, tmp), 3);
	check_row(mkg_facilitation_mix_function_at(mix, tmp, 0), 1, 0, 1, 2, 0, 3);
	assert_int_equal(mkg_facilitation_mix_function_at(mix, tmp, 0)->function,
	                 MKG_FUNCTION_CAPACITY_BUILDING);
	check_row(mkg_facilitation_mix_function_at(mix, tmp, 1), 1, 0, 1, 1, 0, 3);
	assert_int_equal(mkg_facilitation_mix_function_at(mix, tmp, 1)->function,
	                 MKG_FUNCTION_LINKAGES);
	check_row(mkg_facilitation_mix_function_at(mix, tmp, 2), 1, 0, 1, 0, 1, 1);
	assert_int_equal(mkg_facilitation_mix_function_at(mix, tmp, 2)->function,
	                 MKG_FUNCTION_FINANCE);
	check_row(mkg_facilitation_mix_type(mix, pub), 1, 0, 1, 1, 0, 2);
	/* markets by commodity: coffee, then seed */
	assert_int_equal(mkg_facilitation_mix_market_count(mix), 2);
	assert_near(mkg_facilitation_mix_market_at(mix, tmp, 0)->amount, 310);
	assert_near(mkg_facilitation_mix_market_at(mix, tmp, 0)->total, 350);
	assert_near(mkg_facilitation_mix_market_at(mix, tmp, 1)->amount, 10);
	assert_near(mkg_facilitation_mix_market_at(mix, pub, 0)->amount, 70);
	assert_near(mkg_facilitation_mix_market_at(mix, pub, 1)->amount, 0);
	mkg_facilitation_mix_free(mix);
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_support_rules),
		cmocka_unit_test(test_markets_volume),
		cmocka_unit_test(test_markets_value),
		cmocka_unit_test(test_no_facilitation),
		cmocka_unit_test(test_split_by_region),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
