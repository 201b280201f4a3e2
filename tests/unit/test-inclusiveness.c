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

/*
 * The fixture: producers p1 (100 households), p2 (50), p3 (none), p4 (30),
 * p5 (20, does not trade).  p1 p2 p3 p4 sold: 180 households of 200.
 * Supported: targets p1 p4 (fA), p1 p2 and t4's tr pr (fB), p2 (fC), t3's
 * p3 pr (fD), tr (fE), em p5 (fF): 8 actors, households 100 + 30 + 50 + 20.
 * Produce sold: 100 + 50 + 50 + 150 + 100 + 40 = 490 t, of which actors
 * with households sold 100 (p1) + 50 (p2) + 40 (p4) = 190 t.
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
	assert_near(mkg_inclusiveness_produce_volume(inc), 490);
	assert_near(mkg_inclusiveness_smallholder_volume(inc), 190);
	assert_near(mkg_inclusiveness_smallholder_volume_share(inc), 190.0 / 490);
	assert_int_equal(mkg_inclusiveness_write_json(inc, &json, NULL), MKG_OK);
	assert_string_equal(json, "{\n"
	                          "  \"households_selling\": 180,\n"
	                          "  \"households_supported\": 200,\n"
	                          "  \"smallholder_volume_share\": 0.3877551020408163,\n"
	                          "  \"producers_selling\": 4,\n"
	                          "  \"households_producers\": 200,\n"
	                          "  \"actors_supported\": 8,\n"
	                          "  \"produce_volume\": 490,\n"
	                          "  \"smallholder_volume\": 190\n"
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
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_nothing),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
