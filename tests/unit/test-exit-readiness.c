/* Tests of exit readiness (docs/analyses.md section 3): a temporary record
 * is planned when it has an end and an exit, and a commercial or public
 * exit names a successor that is not a programme or an NGO and fits the
 * function; a planned exit is at risk when the successor pays nothing
 * today or a commercial successor's users pay nothing.
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
 *   fB ends 2012-06, commercial to pr      -> unplanned: conflicted_successor (linkages
 *                                             want a neutral provider, pr is a processor);
 *                                             pr pays 0.3 and is a user (the buyer of
 *                                             t4), p2 0.2: users 0.5 (prog2, the
 *                                             facilitator, is no user)
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
	assert_int_equal(mkg_exit_readiness_unplanned(r), 3);
	assert_int_equal(mkg_exit_readiness_at_risk(r), 0);

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
	assert_false(p->planned);
	assert_int_equal(p->reasons, MKG_EXIT_REASON_CONFLICTED_SUCCESSOR);
	assert_near(p->successor_share, 0.3);
	assert_near(p->users_share, 0.5);

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
	/* fD says nothing of who pays: nothing shows prog2 paying */
	assert_int_equal(p->reasons, MKG_EXIT_REASON_UNFIT_SUCCESSOR |
	                             MKG_EXIT_REASON_SUCCESSOR_PAYS_NOTHING);

	assert_null(mkg_exit_readiness_at(r, 4));
	mkg_exit_readiness_free(r);
	mkg_model_free(m);
}

/* Successor kinds: an NGO is unfit like a programme; a public agency,
 * an association or a business is fit.  A fade_out with no end lacks only
 * the end.  No record says who pays, so no successor is seen paying, nor
 * users: x-assoc and y-gov are at risk.  The result outlives the model. */
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
	assert_int_equal(mkg_exit_readiness_at_risk(r), 2);
	/* v-self: no end, and handing over to itself (a programme) */
	assert_string_equal(mkg_exit_readiness_at(r, 0)->record, "v-self");
	assert_int_equal(mkg_exit_readiness_at(r, 0)->reasons,
	                 MKG_EXIT_REASON_NO_END | MKG_EXIT_REASON_UNFIT_SUCCESSOR |
	                 MKG_EXIT_REASON_SUCCESSOR_PAYS_NOTHING);
	assert_string_equal(mkg_exit_readiness_at(r, 1)->record, "w-fade");
	assert_int_equal(mkg_exit_readiness_at(r, 1)->reasons, MKG_EXIT_REASON_NO_END);
	assert_string_equal(mkg_exit_readiness_at(r, 2)->record, "x-assoc");
	assert_true(mkg_exit_readiness_at(r, 2)->planned);
	assert_true(mkg_exit_readiness_at(r, 2)->at_risk);
	assert_int_equal(mkg_exit_readiness_at(r, 2)->reasons,
	                 MKG_EXIT_REASON_SUCCESSOR_PAYS_NOTHING | MKG_EXIT_REASON_USERS_PAY_NOTHING);
	assert_string_equal(mkg_exit_readiness_at(r, 3)->record, "y-gov");
	assert_true(mkg_exit_readiness_at(r, 3)->planned);
	assert_int_equal(mkg_exit_readiness_at(r, 3)->reasons,
	                 MKG_EXIT_REASON_SUCCESSOR_PAYS_NOTHING); /* public: users not asked */
	assert_int_equal(mkg_exit_readiness_at(r, 3)->successor_kind, MKG_ACTOR_PUBLIC_AGENCY);
	assert_string_equal(mkg_exit_readiness_at(r, 4)->record, "z-ngo");
	assert_int_equal(mkg_exit_readiness_at(r, 4)->reasons,
	                 MKG_EXIT_REASON_UNFIT_SUCCESSOR | MKG_EXIT_REASON_SUCCESSOR_PAYS_NOTHING |
	                 MKG_EXIT_REASON_USERS_PAY_NOTHING);

	assert_int_equal(mkg_exit_readiness_write_json(r, &json, NULL), MKG_OK);
	assert_non_null(strstr(json, "{\"record\": \"v-self\", \"facilitator\": \"prog\", "
	                             "\"function\": \"monitoring\", \"end\": null, \"exit\": "
	                             "\"public\", \"successor\": \"prog\", \"successor_kind\": "
	                             "\"programme\", \"status\": \"unplanned\", \"reasons\": "
	                             "[\"no_end\", \"unfit_successor\", \"successor_pays_nothing\"], "
	                             "\"successor_share\": null, \"users_share\": null}"));
	assert_non_null(strstr(json, "{\"record\": \"y-gov\", \"facilitator\": \"prog\", "
	                             "\"function\": \"regulation\", \"end\": \"2012\", \"exit\": "
	                             "\"public\", \"successor\": \"gov\", \"successor_kind\": "
	                             "\"public_agency\", \"status\": \"at_risk\", \"reasons\": "
	                             "[\"successor_pays_nothing\"], \"successor_share\": null, "
	                             "\"users_share\": null}"));
	mkg_free(json);
	mkg_exit_readiness_free(r);
}

/*
 * Who takes over, and who pays.  Producer f sells t1 to proc (processor);
 * svc is a service provider.
 *   a-info   information -> proc, commercial, proc pays 0.5, f 0.5:
 *            conflicted (a buyer brokering information), successor 0.5, users 0.5
 *   b-info   information -> svc, commercial, prog pays all:
 *            fits; svc pays nothing; users pay nothing: at risk (both)
 *   c-train  capacity_building -> proc, commercial, prog 0.6, proc 0.4:
 *            fits (no neutral provider wanted); users pay nothing in paid_by,
 *            but proc sells training already (e-sold, its cost recovered in
 *            the price of t1): planned
 *   d-emb    linkages -> svc, commercial, svc 0.3 and 0.7 embedded in t2 (svc
 *            sells t2 to f): successor 0.3, users 0.7 (prices): planned
 */
static void
test_fit_and_payers(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"prog\", \"kind\": \"programme\"}, {\"id\": \"f\", \"kind\": \"producer\"}, "
		"{\"id\": \"proc\", \"kind\": \"processor\"}, {\"id\": \"svc\", \"kind\": "
		"\"service_provider\"}",
		"{\"id\": \"t1\", \"seller\": \"f\", \"buyer\": \"proc\", \"commodity\": \"x\", "
		"\"volume\": 1}, {\"id\": \"t2\", \"seller\": \"svc\", \"buyer\": \"f\", "
		"\"commodity\": \"advice\", \"value\": 1, \"service\": true}",
		"{\"id\": \"a-info\", \"facilitator\": \"prog\", \"type\": \"temporary\", "
		"\"function\": \"information\", \"targets\": {\"actors\": [\"f\"]}, \"end\": "
		"\"2012\", \"exit\": \"commercial\", \"successor\": \"proc\", \"paid_by\": "
		"[{\"actor\": \"proc\", \"share\": 0.5}, {\"actor\": \"f\", \"share\": 0.5}]}, "
		"{\"id\": \"b-info\", \"facilitator\": \"prog\", \"type\": \"temporary\", "
		"\"function\": \"information\", \"targets\": {\"actors\": [\"f\"]}, \"end\": "
		"\"2012\", \"exit\": \"commercial\", \"successor\": \"svc\", \"paid_by\": "
		"[{\"actor\": \"prog\", \"share\": 1}]}, "
		"{\"id\": \"c-train\", \"facilitator\": \"prog\", \"type\": \"temporary\", "
		"\"function\": \"capacity_building\", \"targets\": {\"actors\": [\"f\"]}, \"end\": "
		"\"2012\", \"exit\": \"commercial\", \"successor\": \"proc\", \"paid_by\": "
		"[{\"actor\": \"prog\", \"share\": 0.6}, {\"actor\": \"proc\", \"share\": 0.4}]}, "
		"{\"id\": \"d-emb\", \"facilitator\": \"svc\", \"type\": \"temporary\", "
		"\"function\": \"linkages\", \"targets\": {\"actors\": [\"f\"]}, \"end\": "
		"\"2012\", \"exit\": \"commercial\", \"successor\": \"svc\", \"paid_by\": "
		"[{\"actor\": \"svc\", \"share\": 0.3}, {\"embedded\": [\"t2\"], \"share\": 0.7}]}, "
		"{\"id\": \"e-sold\", \"facilitator\": \"proc\", \"type\": \"commercial\", "
		"\"function\": \"capacity_building\", \"targets\": {\"actors\": [\"f\"]}, "
		"\"paid_by\": [{\"embedded\": [\"t1\"], \"share\": 1}]}",
		NULL);
	mkg_exit_readiness *r = compute(m);
	const mkg_exit_plan *p;

	(void)state;
	assert_int_equal(mkg_exit_readiness_count(r), 4);
	assert_int_equal(mkg_exit_readiness_unplanned(r), 1);
	assert_int_equal(mkg_exit_readiness_at_risk(r), 1);
	p = mkg_exit_readiness_at(r, 0);
	assert_string_equal(p->record, "a-info");
	assert_int_equal(p->reasons, MKG_EXIT_REASON_CONFLICTED_SUCCESSOR);
	assert_near(p->successor_share, 0.5);
	assert_near(p->users_share, 0.5);
	p = mkg_exit_readiness_at(r, 1);
	assert_string_equal(p->record, "b-info");
	assert_true(p->planned);
	assert_true(p->at_risk);
	assert_int_equal(p->reasons, MKG_EXIT_REASON_SUCCESSOR_PAYS_NOTHING |
	                             MKG_EXIT_REASON_USERS_PAY_NOTHING);
	assert_near(p->successor_share, 0);
	assert_near(p->users_share, 0);
	p = mkg_exit_readiness_at(r, 2);
	assert_string_equal(p->record, "c-train");
	assert_int_equal(p->reasons, 0);
	assert_near(p->users_share, 0);
	p = mkg_exit_readiness_at(r, 3);
	assert_string_equal(p->record, "d-emb");
	assert_int_equal(p->reasons, 0);
	assert_near(p->successor_share, 0.3);
	assert_near(p->users_share, 0.7);
	mkg_exit_readiness_free(r);
	mkg_model_free(m);
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
	assert_string_equal(mkg_exit_reason_name(MKG_EXIT_REASON_CONFLICTED_SUCCESSOR),
	                    "conflicted_successor");
	assert_string_equal(mkg_exit_reason_name(MKG_EXIT_REASON_SUCCESSOR_PAYS_NOTHING),
	                    "successor_pays_nothing");
	assert_string_equal(mkg_exit_reason_name(MKG_EXIT_REASON_USERS_PAY_NOTHING),
	                    "users_pay_nothing");
	assert_null(mkg_exit_reason_name((mkg_exit_reason)0));
	assert_null(mkg_exit_reason_name((mkg_exit_reason)3));
	assert_null(mkg_exit_reason_name((mkg_exit_reason)64));
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
		cmocka_unit_test(test_fit_and_payers),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_reason_names),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
