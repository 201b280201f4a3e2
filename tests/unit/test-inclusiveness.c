/* Tests of inclusiveness (docs/analyses.md section 5): households of the
 * producers that sold, households of the actors supported by
 * facilitation, and the share of produce volume sold by actors with
 * households.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

static mkg_inclusiveness *
compute(const mkg_model *m)
{
	mkg_inclusiveness *inc = NULL;

	if (mkg_inclusiveness_new(&inc, m, NULL) != MKG_OK)
		fail_msg("mkg_inclusiveness_new: %s", mkg_error_message());
	return inc;
}

static void
check_chain(const mkg_inclusiveness_chain *c, const char *primary, double produce,
            double smallholder, double share)
{
	assert_non_null(c);
	assert_string_equal(c->primary, primary);
	assert_near(c->produce_volume, produce);
	assert_near(c->smallholder_volume, smallholder);
	assert_near(c->smallholder_volume_share, share);
}

/*
 * The fixture: producers p1 (100 households), p2 (50), p3 (none), p4 (30),
 * p5 (20, does not trade).  p1 p2 p3 p4 sold: 180 households of 200.
 * Supported: targets p1 p4 (fA), p1 p2 and t4's tr pr (fB), p2 (fC), t3's
 * p3 pr (fD), tr (fE), em p5 (fF): 8 actors, households 100 + 30 + 50 + 20.
 * Produce sold, per chain (maize and flour are not listed: each is its own
 * primary commodity, and tonnes of one are never added to tonnes of the
 * other): maize 100 + 50 + 50 + 150 + 40 = 390 t, of which actors with
 * households sold 100 (p1) + 50 (p2) + 40 (p4) = 190 t; flour 100 t, sold
 * by pr (no households).  With two chains the model-wide volumes are NaN
 * (they used to add 490 t of maize and flour).
 */
static void
test_fixture(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_inclusiveness *inc = compute(m);
	char *json = NULL;

	(void)state;
	mkg_model_free(m);
	assert_int_equal(mkg_inclusiveness_households_selling(inc), 180);
	assert_int_equal(mkg_inclusiveness_producers_selling(inc), 4);
	assert_int_equal(mkg_inclusiveness_households_producers(inc), 200);
	assert_int_equal(mkg_inclusiveness_households_supported(inc), 200);
	assert_int_equal(mkg_inclusiveness_actors_supported(inc), 8);
	assert_nan(mkg_inclusiveness_produce_volume(inc));
	assert_nan(mkg_inclusiveness_smallholder_volume(inc));
	assert_nan(mkg_inclusiveness_smallholder_volume_share(inc));
	assert_int_equal(mkg_inclusiveness_chain_count(inc), 2);
	check_chain(mkg_inclusiveness_chain_at(inc, 0), "flour", 100, 0, 0);
	check_chain(mkg_inclusiveness_chain_at(inc, 1), "maize", 390, 190, 190.0 / 390);
	assert_null(mkg_inclusiveness_chain_at(inc, 2));
	assert_int_equal(mkg_inclusiveness_write_json(inc, &json, NULL), MKG_OK);
	assert_string_equal(json, "{\n"
	                          "  \"households_selling\": 180,\n"
	                          "  \"households_supported\": 200,\n"
	                          "  \"smallholder_volume_share\": null,\n"
	                          "  \"producers_selling\": 4,\n"
	                          "  \"households_producers\": 200,\n"
	                          "  \"actors_supported\": 8,\n"
	                          "  \"produce_volume\": null,\n"
	                          "  \"smallholder_volume\": null,\n"
	                          "  \"chains\": [\n"
	                          "    {\"primary\": \"flour\", \"unit\": \"t\", "
	                          "\"produce_volume\": 100, \"smallholder_volume\": 0, "
	                          "\"smallholder_volume_share\": 0},\n"
	                          "    {\"primary\": \"maize\", \"unit\": \"t\", "
	                          "\"produce_volume\": 390, \"smallholder_volume\": 190, "
	                          "\"smallholder_volume_share\": 0.48717948717948717}\n"
	                          "  ]\n"
	                          "}\n");
	mkg_free(json);
	mkg_inclusiveness_free(inc);
}

/*
 * Edges: a producer whose only sale has volume 0 and no value did not
 * sell; a service sale does not count as produce; zero produce volume
 * gives no share; a transaction target supports its seller and buyer;
 * being a trading partner of a supported actor is not support.
 *   g1 (10 households) -> tr  rice volume 0            (no sale)
 *   g2 (20)            -> tr  transport service 5 t     (a service)
 *   g3 (40)            -> tr  rice (value 8, no volume) (sold; no volume)
 *   g4 (80)            -> tr  rice volume 0, value 0    (targeted by f)
 *   g5 (160)           -> g4  rice volume 0             (partner of g4 only)
 */
static void
test_edges(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"g1\", \"kind\": \"producer\", \"households\": 10}, "
		"{\"id\": \"g2\", \"kind\": \"producer\", \"households\": 20}, "
		"{\"id\": \"g3\", \"kind\": \"producer\", \"households\": 40}, "
		"{\"id\": \"g4\", \"kind\": \"association\", \"households\": 80}, "
		"{\"id\": \"g5\", \"kind\": \"producer\", \"households\": 160}, "
		"{\"id\": \"tr\", \"kind\": \"trader\"}, {\"id\": \"prog\", \"kind\": \"programme\"}",
		"{\"seller\": \"g1\", \"buyer\": \"tr\", \"commodity\": \"rice\", \"volume\": 0}, "
		"{\"seller\": \"g2\", \"buyer\": \"tr\", \"commodity\": \"transport\", \"volume\": 5, "
		"\"service\": true}, "
		"{\"seller\": \"g3\", \"buyer\": \"tr\", \"commodity\": \"rice\", \"value\": 8}, "
		"{\"id\": \"tx4\", \"seller\": \"g4\", \"buyer\": \"tr\", \"commodity\": \"rice\", "
		"\"volume\": 0, \"value\": 0}, "
		"{\"seller\": \"g5\", \"buyer\": \"g4\", \"commodity\": \"rice\", \"volume\": 0}",
		"{\"facilitator\": \"prog\", \"type\": \"temporary\", \"function\": \"finance\", "
		"\"targets\": {\"transactions\": [\"tx4\"]}}",
		NULL);
	mkg_inclusiveness *inc = compute(m);

	(void)state;
	/* g4 is an association, not a source; g3 sold by value */
	assert_int_equal(mkg_inclusiveness_households_selling(inc), 40);
	assert_int_equal(mkg_inclusiveness_producers_selling(inc), 1);
	assert_int_equal(mkg_inclusiveness_households_producers(inc), 10 + 20 + 40 + 160);
	/* tx4's seller g4 and buyer tr */
	assert_int_equal(mkg_inclusiveness_actors_supported(inc), 2);
	assert_int_equal(mkg_inclusiveness_households_supported(inc), 80);
	assert_near(mkg_inclusiveness_produce_volume(inc), 0);
	assert_near(mkg_inclusiveness_smallholder_volume(inc), 0);
	assert_nan(mkg_inclusiveness_smallholder_volume_share(inc));
	mkg_inclusiveness_free(inc);
	mkg_model_free(m);
}

/*
 * Potato (t), chips made from potato (4 t of potato per t of chips, in kt:
 * the chain's unit is the primary's) and transport (a service):
 *   f1 (producer, 10 households) -> p  potato 100 t
 *   f2 (producer, none)          -> p  potato  60 t
 *   p  (processor, none)         -> r  chips   20 kt  = 80 t of potato
 *   c  (association, 5)          -> r  chips   10 kt  = 40 t of potato
 *   s  (service_provider, 3)     -> p  transport 300  (service: no chain)
 * One chain, potato: produce 100 + 60 + 80 + 40 = 280 t, smallholders
 * (households > 0) f1 100 + c 40 = 140 t, share 0.5.  One chain: the
 * model-wide volumes are the chain's.
 */
static void
test_chains(void **state)
{
	mkg_model *m = m4p_load(
		"{\"format\": \"marketgraph\", \"version\": 1, \"volume_unit\": \"t\", "
		"\"commodities\": [{\"id\": \"potato\"}, {\"id\": \"chips\", \"unit\": \"kt\", "
		"\"made_from\": \"potato\", \"input_per_unit\": 4}, "
		"{\"id\": \"transport\", \"service\": true}], \"actors\": ["
		"{\"id\": \"f1\", \"kind\": \"producer\", \"households\": 10}, "
		"{\"id\": \"f2\", \"kind\": \"producer\"}, {\"id\": \"p\", \"kind\": \"processor\"}, "
		"{\"id\": \"c\", \"kind\": \"association\", \"households\": 5}, "
		"{\"id\": \"r\", \"kind\": \"retailer\"}, "
		"{\"id\": \"s\", \"kind\": \"service_provider\", \"households\": 3}], "
		"\"transactions\": ["
		"{\"seller\": \"f1\", \"buyer\": \"p\", \"commodity\": \"potato\", \"volume\": 100}, "
		"{\"seller\": \"f2\", \"buyer\": \"p\", \"commodity\": \"potato\", \"volume\": 60}, "
		"{\"seller\": \"p\", \"buyer\": \"r\", \"commodity\": \"chips\", \"volume\": 20}, "
		"{\"seller\": \"c\", \"buyer\": \"r\", \"commodity\": \"chips\", \"volume\": 10}, "
		"{\"seller\": \"s\", \"buyer\": \"p\", \"commodity\": \"transport\", "
		"\"volume\": 300, \"service\": true}]}");
	mkg_inclusiveness *inc = compute(m);

	(void)state;
	mkg_model_free(m); /* the result outlives the model */
	assert_int_equal(mkg_inclusiveness_chain_count(inc), 1);
	check_chain(mkg_inclusiveness_chain_at(inc, 0), "potato", 280, 140, 0.5);
	assert_string_equal(mkg_inclusiveness_chain_at(inc, 0)->unit, "t");
	assert_near(mkg_inclusiveness_produce_volume(inc), 280);
	assert_near(mkg_inclusiveness_smallholder_volume(inc), 140);
	assert_near(mkg_inclusiveness_smallholder_volume_share(inc), 0.5);
	assert_int_equal(mkg_inclusiveness_households_selling(inc), 10);
	assert_int_equal(mkg_inclusiveness_producers_selling(inc), 2);
	mkg_inclusiveness_free(inc);
}

/* No facilitation, no households. */
static void
test_nothing(void **state)
{
	mkg_model *m = m4p_doc("{\"id\": \"a\", \"kind\": \"producer\"}, "
	                       "{\"id\": \"b\", \"kind\": \"trader\"}",
	                       "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"x\", "
	                       "\"volume\": 3}", NULL, NULL);
	mkg_inclusiveness *inc = compute(m);

	(void)state;
	assert_int_equal(mkg_inclusiveness_households_selling(inc), 0);
	assert_int_equal(mkg_inclusiveness_producers_selling(inc), 1);
	assert_int_equal(mkg_inclusiveness_households_supported(inc), 0);
	assert_int_equal(mkg_inclusiveness_actors_supported(inc), 0);
	assert_near(mkg_inclusiveness_smallholder_volume_share(inc), 0);
	mkg_inclusiveness_free(inc);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_inclusiveness *inc = NULL;
	char *json = NULL;

	(void)state;
	assert_int_equal(mkg_inclusiveness_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_inclusiveness_new: argument 'out' is NULL");
	assert_int_equal(mkg_inclusiveness_new(&inc, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_inclusiveness_new: argument 'model' is NULL");
	{
		/* no option yet, but the version is checked */
		mkg_inclusiveness_options o = MKG_INCLUSIVENESS_OPTIONS_INIT;
		mkg_inclusiveness *none = NULL;

		o.version = 7;
		assert_int_equal(mkg_inclusiveness_new(&none, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_inclusiveness_new: unknown options version 7");
		assert_null(none);
		assert_int_equal(mkg_inclusiveness_options_init(&o, 2), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_inclusiveness_options_init: unknown version 2");
		assert_int_equal(mkg_inclusiveness_options_init(NULL, 1), MKG_EINVAL);
		assert_int_equal(mkg_inclusiveness_options_init(&o, MKG_INCLUSIVENESS_OPTIONS_VERSION), MKG_OK);
		assert_int_equal(o.version, 1);
		assert_int_equal(mkg_inclusiveness_new(&none, m, &o), MKG_OK);
		mkg_inclusiveness_free(none);
	}
	assert_null(inc);
	assert_int_equal(mkg_inclusiveness_write_json(NULL, &json, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_inclusiveness_write_json: argument 'inc' is NULL");
	mkg_inclusiveness_free(NULL);
	assert_int_equal(mkg_inclusiveness_households_selling(NULL), 0);
	assert_nan(mkg_inclusiveness_smallholder_volume_share(NULL));
	assert_nan(mkg_inclusiveness_produce_volume(NULL));
	assert_int_equal(mkg_inclusiveness_chain_count(NULL), 0);
	assert_null(mkg_inclusiveness_chain_at(NULL, 0));
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_chains),
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
