/* Tests of exit readiness (docs/analyses.md section 3): a temporary record
 * is planned when it has an end and an exit, and a commercial or public
 * exit names a successor that is not a programme or an NGO.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

static mkg_exit_readiness *
compute(const mkg_model *m)
{
	mkg_exit_readiness *r = NULL;

	if (mkg_exit_readiness_new(&r, m, NULL) != MKG_OK)
		fail_msg("mkg_exit_readiness_new: %s", mkg_error_message());
	return r;
}

/*
 * The fixture's temporary records, by id:
 *   fA ends 2011, fade_out                 -> planned
 *   fB ends 2012-06, commercial to pr      -> planned (a processor)
 *   fC no end, no exit                     -> unplanned: no_end, no_exit
 *   fD ends 2010, public to prog2          -> unplanned: unfit_successor (a programme)
 * fE (commercial) and fF (public) are not judged.
 */
static void
test_fixture(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_exit_readiness *r = compute(m);
	const mkg_exit_plan *p;

	(void)state;
	assert_int_equal(mkg_exit_readiness_count(r), 4);
	assert_int_equal(mkg_exit_readiness_unplanned(r), 2);

	p = mkg_exit_readiness_at(r, 0);
	assert_string_equal(p->record, "fA");
	assert_string_equal(p->facilitator, "prog1");
	assert_int_equal(p->function, MKG_FUNCTION_LINKAGES);
	assert_string_equal(p->end, "2011");
	assert_int_equal(p->exit, MKG_EXIT_FADE_OUT);
	assert_null(p->successor);
	assert_int_equal(p->successor_kind, MKG_ACTOR_KIND_UNSET);
	assert_true(p->planned);
	assert_int_equal(p->reasons, 0);

	p = mkg_exit_readiness_at(r, 1);
	assert_string_equal(p->record, "fB");
	assert_int_equal(p->exit, MKG_EXIT_COMMERCIAL);
	assert_string_equal(p->successor, "pr");
	assert_int_equal(p->successor_kind, MKG_ACTOR_PROCESSOR);
	assert_true(p->planned);

	p = mkg_exit_readiness_at(r, 2);
	assert_string_equal(p->record, "fC");
	assert_null(p->end);
	assert_int_equal(p->exit, MKG_EXIT_NONE);
	assert_false(p->planned);
	assert_int_equal(p->reasons, MKG_EXIT_REASON_NO_END | MKG_EXIT_REASON_NO_EXIT);

	p = mkg_exit_readiness_at(r, 3);
	assert_string_equal(p->record, "fD");
	assert_string_equal(p->successor, "prog2");
	assert_int_equal(p->successor_kind, MKG_ACTOR_PROGRAMME);
	assert_false(p->planned);
	assert_int_equal(p->reasons, MKG_EXIT_REASON_UNFIT_SUCCESSOR);

	assert_null(mkg_exit_readiness_at(r, 4));
	mkg_exit_readiness_free(r);
	mkg_model_free(m);
}

/* Successor kinds: an NGO is unfit like a programme; a public agency,
 * an association or a business is fit.  A fade_out with no end lacks only
 * the end.  The result outlives the model. */
static void
test_successor_kinds(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"prog\", \"kind\": \"programme\"}, {\"id\": \"ngo\", \"kind\": \"ngo\"}, "
		"{\"id\": \"gov\", \"kind\": \"public_agency\"}, "
		"{\"id\": \"assoc\", \"kind\": \"association\"}, {\"id\": \"f\", \"kind\": \"producer\"}",
		NULL,
		"{\"id\": \"z-ngo\", \"facilitator\": \"prog\", \"type\": \"temporary\", \"function\": "
		"\"platform\", \"targets\": {\"actors\": [\"f\"]}, \"end\": \"2012\", \"exit\": "
		"\"commercial\", \"successor\": \"ngo\"}, "
		"{\"id\": \"y-gov\", \"facilitator\": \"prog\", \"type\": \"temporary\", \"function\": "
		"\"regulation\", \"targets\": {\"actors\": [\"f\"]}, \"end\": \"2012\", \"exit\": "
		"\"public\", \"successor\": \"gov\"}, "
		"{\"id\": \"x-assoc\", \"facilitator\": \"prog\", \"type\": \"temporary\", \"function\": "
		"\"platform\", \"targets\": {\"actors\": [\"f\"]}, \"end\": \"2012-03-31\", \"exit\": "
		"\"commercial\", \"successor\": \"assoc\"}, "
		"{\"id\": \"w-fade\", \"facilitator\": \"prog\", \"type\": \"temporary\", \"function\": "
		"\"monitoring\", \"targets\": {\"actors\": [\"f\"]}, \"exit\": \"fade_out\"}, "
		"{\"id\": \"v-self\", \"facilitator\": \"prog\", \"type\": \"temporary\", \"function\": "
		"\"monitoring\", \"targets\": {\"actors\": [\"f\"]}, \"exit\": \"public\", "
		"\"successor\": \"prog\"}",
		NULL);
	mkg_exit_readiness *r = compute(m);
	char *json = NULL;

	(void)state;
	mkg_model_free(m); /* the result keeps its own copies */
	assert_int_equal(mkg_exit_readiness_count(r), 5);
	assert_int_equal(mkg_exit_readiness_unplanned(r), 3);
	/* v-self: no end, and handing over to itself (a programme) */
	assert_string_equal(mkg_exit_readiness_at(r, 0)->record, "v-self");
	assert_int_equal(mkg_exit_readiness_at(r, 0)->reasons,
	                 MKG_EXIT_REASON_NO_END | MKG_EXIT_REASON_UNFIT_SUCCESSOR);
	assert_string_equal(mkg_exit_readiness_at(r, 1)->record, "w-fade");
	assert_int_equal(mkg_exit_readiness_at(r, 1)->reasons, MKG_EXIT_REASON_NO_END);
	assert_string_equal(mkg_exit_readiness_at(r, 2)->record, "x-assoc");
	assert_true(mkg_exit_readiness_at(r, 2)->planned);
	assert_string_equal(mkg_exit_readiness_at(r, 3)->record, "y-gov");
	assert_true(mkg_exit_readiness_at(r, 3)->planned);
	assert_int_equal(mkg_exit_readiness_at(r, 3)->successor_kind, MKG_ACTOR_PUBLIC_AGENCY);
	assert_string_equal(mkg_exit_readiness_at(r, 4)->record, "z-ngo");
	assert_int_equal(mkg_exit_readiness_at(r, 4)->reasons, MKG_EXIT_REASON_UNFIT_SUCCESSOR);

	assert_int_equal(mkg_exit_readiness_write_json(r, &json, NULL), MKG_OK);
	assert_non_null(strstr(json, "{\"record\": \"v-self\", \"facilitator\": \"prog\", "
	                             "\"function\": \"monitoring\", \"end\": null, \"exit\": "
	                             "\"public\", \"successor\": \"prog\", \"successor_kind\": "
	                             "\"programme\", \"status\": \"unplanned\", \"reasons\": "
	                             "[\"no_end\", \"unfit_successor\"]}"));
	assert_non_null(strstr(json, "{\"record\": \"y-gov\", \"facilitator\": \"prog\", "
	                             "\"function\": \"regulation\", \"end\": \"2012\", \"exit\": "
	                             "\"public\", \"successor\": \"gov\", \"successor_kind\": "
	                             "\"public_agency\", \"status\": \"planned\", \"reasons\": []}"));
	mkg_free(json);
	mkg_exit_readiness_free(r);
}

static void
test_empty(void **state)
{
	mkg_model *m = m4p_doc("{\"id\": \"a\", \"kind\": \"producer\"}", NULL, NULL, NULL);
	mkg_exit_readiness *r = compute(m);
	char *json = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(mkg_exit_readiness_count(r), 0);
	assert_int_equal(mkg_exit_readiness_unplanned(r), 0);
	assert_null(mkg_exit_readiness_at(r, 0));
	assert_int_equal(mkg_exit_readiness_write_json(r, &json, &len), MKG_OK);
	assert_string_equal(json, "[]\n");
	assert_int_equal(len, 3);
	mkg_free(json);
	mkg_exit_readiness_free(r);
	mkg_model_free(m);
}

static void
test_reason_names(void **state)
{
	(void)state;
	assert_string_equal(mkg_exit_reason_name(MKG_EXIT_REASON_NO_END), "no_end");
	assert_string_equal(mkg_exit_reason_name(MKG_EXIT_REASON_NO_EXIT), "no_exit");
	assert_string_equal(mkg_exit_reason_name(MKG_EXIT_REASON_UNFIT_SUCCESSOR),
	                    "unfit_successor");
	assert_null(mkg_exit_reason_name((mkg_exit_reason)0));
	assert_null(mkg_exit_reason_name((mkg_exit_reason)3));
	assert_null(mkg_exit_reason_name((mkg_exit_reason)8));
}

static void
test_errors(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_exit_readiness *r = NULL;
	char *json = NULL;

	(void)state;
	assert_int_equal(mkg_exit_readiness_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_exit_readiness_new: argument 'out' is NULL");
	assert_int_equal(mkg_exit_readiness_new(&r, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_exit_readiness_new: argument 'model' is NULL");
	{
		/* no option yet, but the version is checked */
		mkg_exit_readiness_options o = MKG_EXIT_READINESS_OPTIONS_INIT;
		mkg_exit_readiness *none = NULL;

		o.version = 7;
		assert_int_equal(mkg_exit_readiness_new(&none, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_exit_readiness_new: unknown options version 7");
		assert_null(none);
		assert_int_equal(mkg_exit_readiness_options_init(&o, 2), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_exit_readiness_options_init: unknown version 2");
		assert_int_equal(mkg_exit_readiness_options_init(NULL, 1), MKG_EINVAL);
		assert_int_equal(mkg_exit_readiness_options_init(&o, MKG_EXIT_READINESS_OPTIONS_VERSION), MKG_OK);
		assert_int_equal(o.version, 1);
		assert_int_equal(mkg_exit_readiness_new(&none, m, &o), MKG_OK);
		mkg_exit_readiness_free(none);
	}
	assert_null(r);
	assert_int_equal(mkg_exit_readiness_write_json(NULL, &json, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_exit_readiness_write_json: argument 'r' is NULL");
	r = compute(m);
	assert_int_equal(mkg_exit_readiness_write_json(r, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_exit_readiness_write_json: argument 'out' is NULL");
	mkg_exit_readiness_free(r);
	mkg_exit_readiness_free(NULL);
	assert_int_equal(mkg_exit_readiness_count(NULL), 0);
	assert_null(mkg_exit_readiness_at(NULL, 0));
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture),
		cmocka_unit_test(test_successor_kinds),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_reason_names),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
