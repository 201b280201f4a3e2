/* Tests of the summary (summary.h): what a model holds, counted by hand on
 * a small model.
 * SPDX-License-Identifier: MIT */
#include "analysis-private.h" /* mkg__summary_* */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

/*
 *   x1 a -> t  maize      2010   volume 10   value 100
 *   x2 b -> t  maize      2010   volume 5    (no value)
 *   x3 c -> t  beans      (none) volume 2.5  value 30
 *   x4 s -> t  transport  2011   (no volume) value 20   service
 * households: a 10, b 5, c none; t (trader) and s (service provider) none.
 * The model has no period of its own, so x3 has none.
 */
static const char FIXTURE[] =
	"{\"format\": \"marketgraph\", \"version\": 1, \"name\": \"Summary fixture\", "
	"\"currency\": \"USD\", \"volume_unit\": \"t\", \"actors\": ["
	"{\"id\": \"a\", \"kind\": \"producer\", \"households\": 10}, "
	"{\"id\": \"b\", \"kind\": \"producer\", \"households\": 5}, "
	"{\"id\": \"c\", \"kind\": \"producer\"}, {\"id\": \"t\", \"kind\": \"trader\"}, "
	"{\"id\": \"s\", \"kind\": \"service_provider\"}], \"transactions\": ["
	"{\"id\": \"x1\", \"seller\": \"a\", \"buyer\": \"t\", \"commodity\": \"maize\", "
	"\"period\": \"2010\", \"volume\": 10, \"value\": 100}, "
	"{\"id\": \"x2\", \"seller\": \"b\", \"buyer\": \"t\", \"commodity\": \"maize\", "
	"\"period\": \"2010\", \"volume\": 5}, "
	"{\"id\": \"x3\", \"seller\": \"c\", \"buyer\": \"t\", \"commodity\": \"beans\", "
	"\"volume\": 2.5, \"value\": 30}, "
	"{\"id\": \"x4\", \"seller\": \"s\", \"buyer\": \"t\", \"commodity\": \"transport\", "
	"\"period\": \"2011\", \"value\": 20, \"service\": true}], "
	"\"facilitation\": [{\"facilitator\": \"s\", \"type\": \"commercial\", "
	"\"function\": \"finance\", \"targets\": {\"actors\": [\"a\"]}}], "
	"\"memberships\": [{\"group\": \"t\", \"member\": \"a\"}]}";

static mkg_summary *
summarise(const mkg_model *m)
{
	mkg_summary *s = NULL;

	if (mkg_summary_new(&s, m, NULL) != MKG_OK)
		fail_msg("mkg_summary_new: %s", mkg_error_message());
	return s;
}

static void
check_group(const mkg_summary_group *g, const char *key, size_t transactions, size_t services,
            double volume, double value)
{
	assert_non_null(g);
	if (key == NULL)
		assert_null(g->key);
	else
		assert_string_equal(g->key, key);
	assert_int_equal(g->transactions, transactions);
	assert_int_equal(g->services, services);
	assert_true(m4p_near(g->volume, volume));
	assert_true(m4p_near(g->value, value));
}

static void
check_chain(const mkg_summary_chain *c, const char *primary, const char *unit,
            size_t transactions, double volume, double value)
{
	assert_non_null(c);
	assert_string_equal(c->primary, primary);
	assert_string_equal(c->unit, unit);
	assert_int_equal(c->transactions, transactions);
	assert_true(m4p_near(c->volume, volume));
	assert_true(m4p_near(c->value, value));
}

static void
test_counts(void **state)
{
	mkg_model *m = m4p_load(FIXTURE);
	mkg_summary *s = summarise(m);
	(void)state;

	/* the result outlives the model */
	mkg_model_free(m);
	assert_string_equal(mkg__summary_model_name(s), "Summary fixture");
	assert_string_equal(mkg__summary_currency(s), "USD");
	assert_string_equal(mkg__summary_volume_unit(s), "t");
	assert_null(mkg__summary_model_period(s));
	assert_int_equal(mkg__summary_actors(s), 5);
	assert_int_equal(mkg__summary_transactions(s), 4);
	assert_int_equal(mkg__summary_facilitation_records(s), 1);
	assert_int_equal(mkg__summary_memberships(s), 1);

	/* producers a, b, c: households 10 + 5 (c gives none) */
	assert_int_equal(mkg_summary_kind_actors(s, MKG_ACTOR_PRODUCER), 3);
	assert_int_equal(mkg_summary_kind_households(s, MKG_ACTOR_PRODUCER), 15);
	assert_int_equal(mkg_summary_kind_actors(s, MKG_ACTOR_TRADER), 1);
	assert_int_equal(mkg_summary_kind_households(s, MKG_ACTOR_TRADER), -1);
	assert_int_equal(mkg_summary_kind_actors(s, MKG_ACTOR_SERVICE_PROVIDER), 1);
	assert_int_equal(mkg_summary_kind_actors(s, MKG_ACTOR_NGO), 0);
	assert_int_equal(mkg_summary_kind_households(s, MKG_ACTOR_NGO), -1);
	assert_int_equal(mkg_summary_households(s), 15);

	/* commodities in byte order; transport has no volume at all */
	assert_int_equal(mkg_summary_commodity_count(s), 3);
	check_group(mkg_summary_commodity_at(s, 0), "beans", 1, 0, 2.5, 30);
	check_group(mkg_summary_commodity_at(s, 1), "maize", 2, 0, 15, 100);
	check_group(mkg_summary_commodity_at(s, 2), "transport", 1, 1, MKG_ABSENT, 20);
	assert_null(mkg_summary_commodity_at(s, 3));
	/* periods: x3's missing period first */
	assert_int_equal(mkg_summary_period_count(s), 3);
	check_group(mkg_summary_period_at(s, 0), NULL, 1, 0, 2.5, 30);
	check_group(mkg_summary_period_at(s, 1), "2010", 2, 0, 15, 100);
	check_group(mkg_summary_period_at(s, 2), "2011", 1, 1, MKG_ABSENT, 20);
	assert_null(mkg_summary_period_at(s, 3));

	/* commodities not listed: the model's unit */
	assert_string_equal(mkg_summary_commodity_at(s, 0)->unit, "t");
	assert_string_equal(mkg_summary_commodity_at(s, 2)->unit, "t");
	/* each period here holds one commodity: its unit */
	assert_string_equal(mkg_summary_period_at(s, 0)->unit, "t");
	/* chains: each unlisted goods commodity is its own primary; the
	 * service transport is in none.  No total volume (beans + maize). */
	assert_int_equal(mkg_summary_chain_count(s), 2);
	check_chain(mkg_summary_chain_at(s, 0), "beans", "t", 1, 2.5, 30);
	check_chain(mkg_summary_chain_at(s, 1), "maize", "t", 2, 15, 100);
	assert_null(mkg_summary_chain_at(s, 2));
	/* 100 + 30 + 20; x4 lacks a volume, x2 a value */
	assert_true(m4p_near(mkg_summary_value(s), 150));
	assert_int_equal(mkg_summary_transactions_without_volume(s), 1);
	assert_int_equal(mkg_summary_transactions_without_value(s), 1);
	mkg_summary_free(s);
}

/*
 * Potato (t), chips made from potato (4 t of potato per t of chips, unit kt
 * to show the chain's unit is the primary's) and transport (a service, in
 * t km):
 *   y1 f -> p  potato     100 t     value 1000
 *   y2 p -> r  chips      20 kt     value 2000
 *   y3 p -> r  chips      5 kt      (no value)
 *   y4 s -> p  transport  300 t km  value 50   service
 * Per commodity, each in its own unit: chips 25 kt / 2000, potato 100 t /
 * 1000, transport 300 t km / 50.  One chain, potato: 100 + 4 x (20 + 5) =
 * 200 t of potato equivalents, value 1000 + 2000 = 3000, 3 transactions;
 * transport is in no chain.
 */
static const char CHAINS[] =
	"{\"format\": \"marketgraph\", \"version\": 1, \"currency\": \"USD\", "
	"\"volume_unit\": \"t\", \"commodities\": ["
	"{\"id\": \"chips\", \"unit\": \"kt\", \"made_from\": \"potato\", "
	"\"input_per_unit\": 4}, {\"id\": \"potato\"}, "
	"{\"id\": \"transport\", \"unit\": \"t km\", \"service\": true}], \"actors\": ["
	"{\"id\": \"f\", \"kind\": \"producer\"}, {\"id\": \"p\", \"kind\": \"processor\"}, "
	"{\"id\": \"r\", \"kind\": \"retailer\"}, "
	"{\"id\": \"s\", \"kind\": \"service_provider\"}], \"transactions\": ["
	"{\"id\": \"y1\", \"seller\": \"f\", \"buyer\": \"p\", \"commodity\": \"potato\", "
	"\"volume\": 100, \"value\": 1000}, "
	"{\"id\": \"y2\", \"seller\": \"p\", \"buyer\": \"r\", \"commodity\": \"chips\", "
	"\"volume\": 20, \"value\": 2000}, "
	"{\"id\": \"y3\", \"seller\": \"p\", \"buyer\": \"r\", \"commodity\": \"chips\", "
	"\"volume\": 5}, "
	"{\"id\": \"y4\", \"seller\": \"s\", \"buyer\": \"p\", \"commodity\": \"transport\", "
	"\"volume\": 300, \"value\": 50, \"service\": true}]}";

static void
test_chains(void **state)
{
	mkg_model *m = m4p_load(CHAINS);
	mkg_summary *s = summarise(m);
	char *text = NULL;
	(void)state;

	assert_int_equal(mkg_summary_commodity_count(s), 3);
	check_group(mkg_summary_commodity_at(s, 0), "chips", 2, 0, 25, 2000);
	assert_string_equal(mkg_summary_commodity_at(s, 0)->unit, "kt");
	check_group(mkg_summary_commodity_at(s, 1), "potato", 1, 0, 100, 1000);
	assert_string_equal(mkg_summary_commodity_at(s, 1)->unit, "t");
	check_group(mkg_summary_commodity_at(s, 2), "transport", 1, 1, 300, 50);
	assert_string_equal(mkg_summary_commodity_at(s, 2)->unit, "t km");
	assert_int_equal(mkg_summary_chain_count(s), 1);
	check_chain(mkg_summary_chain_at(s, 0), "potato", "t", 3, 200, 3000);
	/* the one period (none) mixes potato, chips and transport: no volume */
	assert_int_equal(mkg_summary_period_count(s), 1);
	check_group(mkg_summary_period_at(s, 0), NULL, 4, 1, MKG_ABSENT, 3050);
	assert_null(mkg_summary_period_at(s, 0)->unit);
	assert_true(m4p_near(mkg_summary_value(s), 3050));
	/* the text names each unit and the chain's primary equivalents */
	assert_int_equal(mkg_summary_write_text(s, &text, NULL), MKG_OK);
	assert_non_null(strstr(text, "\nChains (volume in primary equivalents)\n"
	                             "           transactions   volume   unit   value\n"
	                             "  potato              3      200      t   3,000\n"));
	assert_non_null(strstr(text, "  transport (service)              1      300   t km      50\n"));
	mkg_free(text);
	mkg_summary_free(s);
	mkg_model_free(m);
}

/* The model's period is the period of transactions without their own. */
static void
test_model_period(void **state)
{
	mkg_model *m = m4p_doc("{\"id\": \"a\", \"kind\": \"producer\"}, "
	                       "{\"id\": \"b\", \"kind\": \"trader\"}",
	                       "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"rice\", "
	                       "\"volume\": 4}", NULL, NULL);
	mkg_summary *s = summarise(m);
	(void)state;

	assert_string_equal(mkg__summary_model_period(s), "2010");
	assert_int_equal(mkg_summary_period_count(s), 1);
	check_group(mkg_summary_period_at(s, 0), "2010", 1, 0, 4, MKG_ABSENT);
	/* no value anywhere: the total is 0, the group's value absent */
	assert_true(m4p_near(mkg_summary_value(s), 0));
	assert_int_equal(mkg_summary_transactions_without_value(s), 1);
	/* no actor gives households */
	assert_int_equal(mkg_summary_households(s), -1);
	mkg_summary_free(s);
	mkg_model_free(m);
}

static const char EXPECTED_JSON[] =
	"{\n"
	"  \"name\": \"Summary fixture\",\n"
	"  \"currency\": \"USD\",\n"
	"  \"volume_unit\": \"t\",\n"
	"  \"period\": null,\n"
	"  \"records\": {\"actors\": 5, \"transactions\": 4, \"facilitation\": 1, "
	"\"memberships\": 1},\n"
	"  \"actors_by_kind\": {\"producer\": 3, \"trader\": 1, \"service_provider\": 1},\n"
	"  \"households\": 15,\n"
	"  \"commodities\": [\n"
	"    {\"commodity\": \"beans\", \"unit\": \"t\", \"transactions\": 1, \"services\": 0, \"volume\": 2.5, "
	"\"value\": 30},\n"
	"    {\"commodity\": \"maize\", \"unit\": \"t\", \"transactions\": 2, \"services\": 0, \"volume\": 15, "
	"\"value\": 100},\n"
	"    {\"commodity\": \"transport\", \"unit\": \"t\", \"transactions\": 1, \"services\": 1, "
	"\"volume\": null, \"value\": 20}\n"
	"  ],\n"
	"  \"periods\": [\n"
	"    {\"period\": null, \"unit\": \"t\", \"transactions\": 1, \"services\": 0, \"volume\": 2.5, "
	"\"value\": 30},\n"
	"    {\"period\": \"2010\", \"unit\": \"t\", \"transactions\": 2, \"services\": 0, \"volume\": 15, "
	"\"value\": 100},\n"
	"    {\"period\": \"2011\", \"unit\": \"t\", \"transactions\": 1, \"services\": 1, \"volume\": null, "
	"\"value\": 20}\n"
	"  ],\n"
	"  \"chains\": [\n"
	"    {\"primary\": \"beans\", \"unit\": \"t\", \"transactions\": 1, \"volume\": 2.5, "
	"\"value\": 30},\n"
	"    {\"primary\": \"maize\", \"unit\": \"t\", \"transactions\": 2, \"volume\": 15, "
	"\"value\": 100}\n"
	"  ],\n"
	"  \"total_value\": 150,\n"
	"  \"transactions_without_volume\": 1,\n"
	"  \"transactions_without_value\": 1\n"
	"}\n";

static void
test_json(void **state)
{
	mkg_model *m = m4p_load(FIXTURE);
	mkg_summary *s = summarise(m);
	char *json = NULL;
	size_t len = 0;
	(void)state;

	assert_int_equal(mkg_summary_write_json(s, &json, &len), MKG_OK);
	assert_string_equal(json, EXPECTED_JSON);
	assert_int_equal(len, strlen(EXPECTED_JSON));
	mkg_free(json);
	mkg_summary_free(s);
	mkg_model_free(m);
}

/* Columns padded to their widest cell; numbers right-aligned. */
static const char EXPECTED_TEXT[] =
	"Summary fixture\n"
	"  currency      USD\n"
	"  volume unit   t\n"
	"  period        (none)\n"
	"\n"
	"Records\n"
	"  actors         5\n"
	"  transactions   4\n"
	"  facilitation   1\n"
	"  memberships    1\n"
	"\n"
	"Actors by kind\n"
	"                     actors   households\n"
	"  producer                3           15\n"
	"  trader                  1            -\n"
	"  service_provider        1            -\n"
	"  all                     5           15\n"
	"\n"
	"Commodities\n"
	"                        transactions   volume   unit   value\n"
	"  beans                            1      2.5      t      30\n"
	"  maize                            2       15      t     100\n"
	"  transport (service)              1        -      t      20\n"
	"\n"
	"Periods\n"
	"                   transactions   volume   unit   value\n"
	"  (no period)                 1      2.5      t      30\n"
	"  2010                        2       15      t     100\n"
	"  2011 (service)              1        -      t      20\n"
	"\n"
	"Chains (volume in primary equivalents)\n"
	"          transactions   volume   unit   value\n"
	"  beans              1      2.5      t      30\n"
	"  maize              2       15      t     100\n"
	"\n"
	"Totals\n"
	"  value                           150 USD\n"
	"  transactions without a volume   1\n"
	"  transactions without a value    1\n";

static void
test_text(void **state)
{
	mkg_model *m = m4p_load(FIXTURE);
	mkg_summary *s = summarise(m);
	char *text = NULL;
	size_t len = 0;
	(void)state;

	assert_int_equal(mkg_summary_write_text(s, &text, &len), MKG_OK);
	assert_string_equal(text, EXPECTED_TEXT);
	assert_int_equal(len, strlen(EXPECTED_TEXT));
	mkg_free(text);
	/* len is optional */
	assert_int_equal(mkg_summary_write_text(s, &text, NULL), MKG_OK);
	mkg_free(text);
	mkg_summary_free(s);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = m4p_load(FIXTURE);
	mkg_summary_options o = MKG_SUMMARY_OPTIONS_INIT;
	mkg_summary *s = NULL;
	char *text = NULL;
	(void)state;

	assert_int_equal(mkg_summary_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_summary_new: argument 'out' is NULL");
	assert_int_equal(mkg_summary_new(&s, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_summary_new: argument 'model' is NULL");
	o.version = 7;
	assert_int_equal(mkg_summary_new(&s, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_summary_new: unknown options version 7");
	assert_null(s);
	assert_int_equal(mkg_summary_options_init(&o, 2), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_summary_options_init: unknown version 2");
	assert_int_equal(mkg_summary_options_init(NULL, 1), MKG_EINVAL);
	assert_int_equal(mkg_summary_options_init(&o, MKG_SUMMARY_OPTIONS_VERSION), MKG_OK);
	assert_int_equal(o.version, 1);
	assert_int_equal(mkg_summary_new(&s, m, &o), MKG_OK);

	assert_int_equal(mkg_summary_write_json(NULL, &text, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_summary_write_json: argument 's' is NULL");
	assert_int_equal(mkg_summary_write_json(s, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_summary_write_json: argument 'out' is NULL");
	assert_int_equal(mkg_summary_write_text(NULL, &text, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_summary_write_text: argument 's' is NULL");
	assert_int_equal(mkg_summary_write_text(s, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_summary_write_text: argument 'out' is NULL");
	assert_null(text);
	mkg_summary_free(s);

	/* NULL results */
	mkg_summary_free(NULL);
	assert_null(mkg__summary_model_name(NULL));
	assert_int_equal(mkg__summary_actors(NULL), 0);
	assert_int_equal(mkg_summary_kind_actors(NULL, MKG_ACTOR_PRODUCER), 0);
	assert_int_equal(mkg_summary_kind_households(NULL, MKG_ACTOR_PRODUCER), -1);
	assert_int_equal(mkg_summary_households(NULL), -1);
	assert_int_equal(mkg_summary_commodity_count(NULL), 0);
	assert_null(mkg_summary_period_at(NULL, 0));
	assert_int_equal(mkg_summary_chain_count(NULL), 0);
	assert_null(mkg_summary_chain_at(NULL, 0));
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_chains),
		cmocka_unit_test(test_model_period),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
