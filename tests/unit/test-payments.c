/* Tests of "who pays" (docs/analyses.md section 3): per record, the share
 * of its cost paid by its users (its targets), by its facilitator and by
 * others; commercial records whose users pay nothing flagged; totals and
 * payers per type.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

static mkg_payments *
compute(const mkg_model *m)
{
	mkg_payments *p = NULL;

	if (mkg_payments_new(&p, m, NULL) != MKG_OK)
		fail_msg("mkg_payments_new: %s", mkg_error_message());
	return p;
}

static void
check_shares(const mkg_payment_row *r, double users, double facilitator, double others)
{
	assert_near(r->users_share, users);
	assert_near(r->facilitator_share, facilitator);
	assert_near(r->others_share, others);
}

static void
check_amounts(const mkg_payment_row *r, double users, double facilitator, double others)
{
	assert_near(r->users_amount, users);
	assert_near(r->facilitator_amount, facilitator);
	assert_near(r->others_amount, others);
}

static void
check_payer(const mkg_payment_total *t, size_t k, const char *actor, mkg_actor_kind kind,
            double amount, double share)
{
	assert_true(k < t->payer_count);
	assert_string_equal(t->payers[k].actor, actor);
	assert_int_equal(t->payers[k].kind, kind);
	assert_near(t->payers[k].amount, amount);
	assert_near(t->payers[k].share, share);
}

/*
 * fA 1000, prog1 pays all: facilitator 1.
 * fB 2000: prog2 0.5 (facilitator), pr 0.3 and p2 0.2 (users: p2 is a
 *   target, pr the buyer of the target t4): users 0.5 = 1000.
 * fC, fD: no cost, no paid_by.
 * fE commercial 500, biz (the facilitator) pays all: not self-financing.
 * fF public 300, the agency pays.
 * Temporary totals: 3000 = users 1000 + facilitators 2000; payers prog1
 * 1000 and prog2 1000 (1/3 each, tie by id), pr 600 (0.2), p2 400 (2/15).
 */
static void
test_fixture(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_payments *p = compute(m);
	const mkg_payment_row *r;
	const mkg_payment_total *t;
	const double nan = MKG_ABSENT;

	(void)state;
	mkg_model_free(m); /* the result keeps its own copies */
	assert_int_equal(mkg_payments_count(p), 6);
	r = mkg_payments_at(p, 0);
	assert_string_equal(r->record, "fA");
	assert_string_equal(r->facilitator, "prog1");
	assert_int_equal(r->type, MKG_FACILITATION_TEMPORARY);
	assert_int_equal(r->function, MKG_FUNCTION_LINKAGES);
	assert_near(r->cost, 1000);
	assert_true(r->paid_by_given);
	check_shares(r, 0, 1, 0);
	check_amounts(r, 0, 1000, 0);
	assert_false(r->not_self_financing);

	r = mkg_payments_at(p, 1);
	assert_string_equal(r->record, "fB");
	check_shares(r, 0.5, 0.5, 0);
	check_amounts(r, 1000, 1000, 0);

	r = mkg_payments_at(p, 2);
	assert_string_equal(r->record, "fC");
	assert_nan(r->cost);
	assert_false(r->paid_by_given);
	check_shares(r, nan, nan, nan);
	check_amounts(r, nan, nan, nan);
	assert_false(r->not_self_financing); /* temporary: never flagged */

	r = mkg_payments_at(p, 4);
	assert_string_equal(r->record, "fE");
	assert_int_equal(r->type, MKG_FACILITATION_COMMERCIAL);
	check_shares(r, 0, 1, 0);
	assert_true(r->not_self_financing);
	r = mkg_payments_at(p, 5);
	assert_string_equal(r->record, "fF");
	assert_false(r->not_self_financing);
	assert_null(mkg_payments_at(p, 6));

	t = mkg_payments_total(p, MKG_FACILITATION_TEMPORARY);
	assert_int_equal(t->type, MKG_FACILITATION_TEMPORARY);
	assert_int_equal(t->records, 4);
	assert_int_equal(t->records_with_cost, 2);
	assert_near(t->cost, 3000);
	assert_near(t->users_amount, 1000);
	assert_near(t->facilitator_amount, 2000);
	assert_near(t->others_amount, 0);
	assert_near(t->unallocated_amount, 0);
	assert_int_equal(t->not_self_financing, 0);
	assert_int_equal(t->payer_count, 4);
	check_payer(t, 0, "prog1", MKG_ACTOR_PROGRAMME, 1000, 1.0 / 3);
	check_payer(t, 1, "prog2", MKG_ACTOR_PROGRAMME, 1000, 1.0 / 3);
	check_payer(t, 2, "pr", MKG_ACTOR_PROCESSOR, 600, 0.2);
	check_payer(t, 3, "p2", MKG_ACTOR_PRODUCER, 400, 2.0 / 15);

	t = mkg_payments_total(p, MKG_FACILITATION_COMMERCIAL);
	assert_int_equal(t->records, 1);
	assert_near(t->cost, 500);
	assert_near(t->facilitator_amount, 500);
	assert_int_equal(t->not_self_financing, 1);
	check_payer(t, 0, "biz", MKG_ACTOR_SERVICE_PROVIDER, 500, 1);
	t = mkg_payments_total(p, MKG_FACILITATION_PUBLIC);
	assert_near(t->cost, 300);
	check_payer(t, 0, "agency", MKG_ACTOR_PUBLIC_AGENCY, 300, 1);
	assert_null(mkg_payments_total(p, (mkg_facilitation_type)3));
	assert_null(mkg_payments_total(p, MKG_FACILITATION_TYPE_UNSET));
	mkg_payments_free(p);
}

/*
 * The jute handicrafts case: a project pays for capacity building of two
 * rural small enterprises (10,000) and for product R&D with the exporter
 * (6,000).
 *   public-private split: capacity building paid project 0.5, exporter 0.3,
 *     rse1 0.1, rse2 0.1; R&D paid project 0.5, exporter 0.5.
 *     users 1,000 + 1,000 + 3,000 = 5,000; project 5,000 + 3,000 = 8,000;
 *     others (the exporter for the enterprises' training) 3,000.
 *     Payers: project 8,000 (50%), exporter 6,000 (37.5%), rse1, rse2 1,000.
 *   project pays all: 16,000 by the project, nothing by the private side.
 */
static const char *const jute_actors =
	"{\"id\": \"project\", \"kind\": \"programme\"}, "
	"{\"id\": \"exporter\", \"kind\": \"exporter\"}, "
	"{\"id\": \"rse1\", \"kind\": \"producer\", \"households\": 40}, "
	"{\"id\": \"rse2\", \"kind\": \"producer\", \"households\": 60}, "
	"{\"id\": \"eu\", \"kind\": \"end_market\"}";
static const char *const jute_txs =
	"{\"seller\": \"rse1\", \"buyer\": \"exporter\", \"commodity\": \"jute-crafts\", "
	"\"volume\": 100, \"value\": 1000}, "
	"{\"seller\": \"rse2\", \"buyer\": \"exporter\", \"commodity\": \"jute-crafts\", "
	"\"volume\": 150, \"value\": 1500}, "
	"{\"seller\": \"exporter\", \"buyer\": \"eu\", \"commodity\": \"jute-crafts\", "
	"\"volume\": 250, \"value\": 6000}";

static mkg_model *
jute(const char *cb_paid_by, const char *rd_paid_by)
{
	char *fac = g_strdup_printf(
		"{\"id\": \"f-cb\", \"facilitator\": \"project\", \"type\": \"temporary\", "
		"\"function\": \"capacity_building\", \"targets\": {\"actors\": [\"rse1\", "
		"\"rse2\"]}, \"cost\": 10000, \"paid_by\": [%s]}, "
		"{\"id\": \"f-rd\", \"facilitator\": \"project\", \"type\": \"temporary\", "
		"\"function\": \"research_development\", \"targets\": {\"actors\": [\"exporter\"]}, "
		"\"cost\": 6000, \"paid_by\": [%s]}", cb_paid_by, rd_paid_by);
	mkg_model *m = m4p_doc(jute_actors, jute_txs, fac, NULL);

	g_free(fac);
	return m;
}

static void
test_jute_cost_sharing(void **state)
{
	mkg_model *m = jute("{\"actor\": \"project\", \"share\": 0.5}, "
	                    "{\"actor\": \"exporter\", \"share\": 0.3}, "
	                    "{\"actor\": \"rse1\", \"share\": 0.1}, "
	                    "{\"actor\": \"rse2\", \"share\": 0.1}",
	                    "{\"actor\": \"project\", \"share\": 0.5}, "
	                    "{\"actor\": \"exporter\", \"share\": 0.5}");
	mkg_payments *p = compute(m);
	const mkg_payment_total *t = mkg_payments_total(p, MKG_FACILITATION_TEMPORARY);
	char *json = NULL;

	(void)state;
	check_shares(mkg_payments_at(p, 0), 0.2, 0.5, 0.3); /* f-cb */
	check_amounts(mkg_payments_at(p, 0), 2000, 5000, 3000);
	check_shares(mkg_payments_at(p, 1), 0.5, 0.5, 0);   /* f-rd: the exporter is its user */
	assert_near(t->cost, 16000);
	assert_near(t->users_amount, 5000);
	assert_near(t->facilitator_amount, 8000);
	assert_near(t->others_amount, 3000);
	assert_int_equal(t->payer_count, 4);
	check_payer(t, 0, "project", MKG_ACTOR_PROGRAMME, 8000, 0.5);
	check_payer(t, 1, "exporter", MKG_ACTOR_EXPORTER, 6000, 0.375);
	check_payer(t, 2, "rse1", MKG_ACTOR_PRODUCER, 1000, 0.0625);
	check_payer(t, 3, "rse2", MKG_ACTOR_PRODUCER, 1000, 0.0625);
	assert_int_equal(mkg_payments_write_json(p, &json, NULL), MKG_OK);
	assert_non_null(strstr(json,
		"    {\n"
		"      \"type\": \"temporary\",\n"
		"      \"records\": 2,\n"
		"      \"records_with_cost\": 2,\n"
		"      \"cost\": 16000,\n"
		"      \"amounts\": {\"users\": 5000, \"facilitator\": 8000, \"others\": 3000, "
		"\"embedded\": 0, \"unallocated\": 0},\n"
		"      \"shares\": {\"users\": 0.3125, \"facilitator\": 0.5, \"others\": 0.1875, "
		"\"embedded\": 0, \"unallocated\": 0},\n"
		"      \"not_self_financing\": 0,\n"
		"      \"payers\": [\n"
		"        {\"actor\": \"project\", \"kind\": \"programme\", \"amount\": 8000, "
		"\"share\": 0.5},\n"
		"        {\"actor\": \"exporter\", \"kind\": \"exporter\", \"amount\": 6000, "
		"\"share\": 0.375},\n"));
	mkg_free(json);
	mkg_payments_free(p);
	mkg_model_free(m);

	m = jute("{\"actor\": \"project\", \"share\": 1}", "{\"actor\": \"project\", \"share\": 1}");
	p = compute(m);
	t = mkg_payments_total(p, MKG_FACILITATION_TEMPORARY);
	assert_near(t->facilitator_amount, 16000);
	assert_near(t->users_amount, 0);
	assert_int_equal(t->payer_count, 1);
	check_payer(t, 0, "project", MKG_ACTOR_PROGRAMME, 16000, 1);
	mkg_payments_free(p);
	mkg_model_free(m);
}

/* paid_by shares that sum to 1 within 1e-9 (the importer's tolerance):
 * the three parts sum to what was given. */
static void
test_shares_within_tolerance(void **state)
{
	mkg_model *m = jute("{\"actor\": \"project\", \"share\": 0.3}, "
	                    "{\"actor\": \"exporter\", \"share\": 0.3}, "
	                    "{\"actor\": \"rse1\", \"share\": 0.4000000005}",
	                    "{\"actor\": \"project\", \"share\": 0.9999999995}");
	mkg_payments *p = compute(m);
	const mkg_payment_row *r = mkg_payments_at(p, 0);

	(void)state;
	assert_near(r->users_share, 0.4000000005);
	assert_near(r->facilitator_share, 0.3);
	assert_near(r->others_share, 0.3);
	assert_true(fabs(r->users_share + r->facilitator_share + r->others_share - 1) <= 1e-9);
	r = mkg_payments_at(p, 1);
	assert_true(fabs(r->facilitator_share - 1) <= 1e-9);
	mkg_payments_free(p);
	mkg_model_free(m);
}

/*
 * Commercial records:
 *   c1 tr sells brokerage to p, targets p and tr itself, paid tr 0.4, p 0.6:
 *      the facilitator is a target but counts as facilitator; users 0.6.
 *   c2 tr, targets transaction t (p -> b), paid by b: b is a user (its buyer).
 *   c3 tr, no paid_by: not self-financing (no payment by users is known).
 *   c4 tr, paid by p with share 0 and gov 1: users pay nothing: flagged.
 *   c5 tr, no cost, paid by p: shares given, amounts null, not a payer.
 */
static void
test_commercial(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"tr\", \"kind\": \"trader\"}, "
		"{\"id\": \"b\", \"kind\": \"processor\"}, {\"id\": \"gov\", \"kind\": "
		"\"public_agency\"}",
		"{\"id\": \"t\", \"seller\": \"p\", \"buyer\": \"b\", \"commodity\": \"x\", "
		"\"volume\": 1}",
		"{\"id\": \"c1\", \"facilitator\": \"tr\", \"type\": \"commercial\", \"function\": "
		"\"brokerage\", \"targets\": {\"actors\": [\"p\", \"tr\"]}, \"cost\": 100, "
		"\"paid_by\": [{\"actor\": \"tr\", \"share\": 0.4}, {\"actor\": \"p\", \"share\": "
		"0.6}]}, "
		"{\"id\": \"c2\", \"facilitator\": \"tr\", \"type\": \"commercial\", \"function\": "
		"\"transaction_security\", \"targets\": {\"transactions\": [\"t\"]}, \"cost\": 10, "
		"\"paid_by\": [{\"actor\": \"b\", \"share\": 1}]}, "
		"{\"id\": \"c3\", \"facilitator\": \"tr\", \"type\": \"commercial\", \"function\": "
		"\"information\", \"targets\": {\"actors\": [\"p\"]}, \"cost\": 7}, "
		"{\"id\": \"c4\", \"facilitator\": \"tr\", \"type\": \"commercial\", \"function\": "
		"\"information\", \"targets\": {\"actors\": [\"p\"]}, \"cost\": 20, \"paid_by\": "
		"[{\"actor\": \"p\", \"share\": 0}, {\"actor\": \"gov\", \"share\": 1}]}, "
		"{\"id\": \"c5\", \"facilitator\": \"tr\", \"type\": \"commercial\", \"function\": "
		"\"information\", \"targets\": {\"actors\": [\"p\"]}, \"paid_by\": "
		"[{\"actor\": \"p\", \"share\": 1}]}",
		NULL);
	mkg_payments *p = compute(m);
	const mkg_payment_total *t = mkg_payments_total(p, MKG_FACILITATION_COMMERCIAL);
	const double nan = MKG_ABSENT;

	(void)state;
	check_shares(mkg_payments_at(p, 0), 0.6, 0.4, 0);
	assert_false(mkg_payments_at(p, 0)->not_self_financing);
	check_shares(mkg_payments_at(p, 1), 1, 0, 0);
	assert_false(mkg_payments_at(p, 1)->not_self_financing);
	check_shares(mkg_payments_at(p, 2), nan, nan, nan);
	assert_true(mkg_payments_at(p, 2)->not_self_financing);
	check_shares(mkg_payments_at(p, 3), 0, 0, 1);
	assert_true(mkg_payments_at(p, 3)->not_self_financing);
	check_shares(mkg_payments_at(p, 4), 1, 0, 0);
	check_amounts(mkg_payments_at(p, 4), nan, nan, nan);
	assert_false(mkg_payments_at(p, 4)->not_self_financing);

	/* cost 100 + 10 + 7 + 20 = 137; c3's 7 is not allocated */
	assert_int_equal(t->records, 5);
	assert_int_equal(t->records_with_cost, 4);
	assert_near(t->cost, 137);
	assert_near(t->users_amount, 60 + 10);
	assert_near(t->facilitator_amount, 40);
	assert_near(t->others_amount, 20);
	assert_near(t->unallocated_amount, 7);
	assert_int_equal(t->not_self_financing, 2);
	/* gov 20, p 60 (+0), tr 40, b 10 */
	assert_int_equal(t->payer_count, 4);
	check_payer(t, 0, "p", MKG_ACTOR_PRODUCER, 60, 60.0 / 137);
	check_payer(t, 1, "tr", MKG_ACTOR_TRADER, 40, 40.0 / 137);
	check_payer(t, 2, "gov", MKG_ACTOR_PUBLIC_AGENCY, 20, 20.0 / 137);
	check_payer(t, 3, "b", MKG_ACTOR_PROCESSOR, 10, 10.0 / 137);
	mkg_payments_free(p);
	mkg_model_free(m);
}

/*
 * An embedded service: b (processor) trains p and recovers 0.75 of the
 * cost of 200 in the price of its purchase t; gov pays 0.25.  Shares:
 * embedded 0.75 (150), others 0.25 (50): self-financing although no user
 * pays.  e2 recovers everything in the price: embedded 1.
 */
static void
test_embedded(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"b\", \"kind\": "
		"\"processor\"}, {\"id\": \"gov\", \"kind\": \"public_agency\"}",
		"{\"id\": \"t\", \"seller\": \"p\", \"buyer\": \"b\", \"commodity\": \"x\", "
		"\"volume\": 1}",
		"{\"id\": \"e1\", \"facilitator\": \"b\", \"type\": \"commercial\", \"function\": "
		"\"capacity_building\", \"targets\": {\"actors\": [\"p\"]}, \"cost\": 200, "
		"\"paid_by\": [{\"actor\": \"gov\", \"share\": 0.25}, {\"embedded\": [\"t\"], "
		"\"share\": 0.75}]}, "
		"{\"id\": \"e2\", \"facilitator\": \"b\", \"type\": \"commercial\", \"function\": "
		"\"transaction_security\", \"targets\": {\"actors\": [\"p\"]}, \"cost\": 40, "
		"\"paid_by\": [{\"embedded\": [\"t\"], \"share\": 1}]}",
		NULL);
	mkg_payments *p = compute(m);
	const mkg_payment_total *t = mkg_payments_total(p, MKG_FACILITATION_COMMERCIAL);
	const mkg_payment_row *r = mkg_payments_at(p, 0);

	(void)state;
	check_shares(r, 0, 0, 0.25);
	assert_near(r->embedded_share, 0.75);
	assert_near(r->embedded_amount, 150);
	assert_near(r->others_amount, 50);
	assert_false(r->not_self_financing);
	r = mkg_payments_at(p, 1);
	assert_true(r->paid_by_given);
	check_shares(r, 0, 0, 0);
	assert_near(r->embedded_share, 1);
	assert_near(r->embedded_amount, 40);
	assert_false(r->not_self_financing);
	/* totals: cost 240, embedded 190, others 50; gov the only payer */
	assert_near(t->cost, 240);
	assert_near(t->embedded_amount, 190);
	assert_near(t->others_amount, 50);
	assert_int_equal(t->not_self_financing, 0);
	assert_int_equal(t->payer_count, 1);
	check_payer(t, 0, "gov", MKG_ACTOR_PUBLIC_AGENCY, 50, 50.0 / 240);
	mkg_payments_free(p);
	mkg_model_free(m);
}

static void
test_json(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"tr\", \"kind\": \"trader\"}",
		NULL,
		"{\"id\": \"c\", \"facilitator\": \"tr\", \"type\": \"commercial\", \"function\": "
		"\"brokerage\", \"targets\": {\"actors\": [\"p\"]}}",
		NULL);
	mkg_payments *p = compute(m);
	const char *expected =
		"{\n"
		"  \"payments\": [\n"
		"    {\"record\": \"c\", \"facilitator\": \"tr\", \"type\": \"commercial\", "
		"\"function\": \"brokerage\", \"cost\": null, \"paid_by_given\": false, \"shares\": "
		"{\"users\": null, \"facilitator\": null, \"others\": null, \"embedded\": null}, "
		"\"amounts\": {\"users\": null, \"facilitator\": null, \"others\": null, "
		"\"embedded\": null}, \"not_self_financing\": true}\n"
		"  ],\n"
		"  \"payment_totals\": [\n"
		"    {\n"
		"      \"type\": \"temporary\",\n"
		"      \"records\": 0,\n"
		"      \"records_with_cost\": 0,\n"
		"      \"cost\": 0,\n"
		"      \"amounts\": {\"users\": 0, \"facilitator\": 0, \"others\": 0, \"embedded\": 0, "
		"\"unallocated\": 0},\n"
		"      \"shares\": {\"users\": null, \"facilitator\": null, \"others\": null, "
		"\"embedded\": null, \"unallocated\": null},\n"
		"      \"not_self_financing\": 0,\n"
		"      \"payers\": []\n"
		"    },\n"
		"    {\n"
		"      \"type\": \"commercial\",\n"
		"      \"records\": 1,\n"
		"      \"records_with_cost\": 0,\n"
		"      \"cost\": 0,\n"
		"      \"amounts\": {\"users\": 0, \"facilitator\": 0, \"others\": 0, \"embedded\": 0, "
		"\"unallocated\": 0},\n"
		"      \"shares\": {\"users\": null, \"facilitator\": null, \"others\": null, "
		"\"embedded\": null, \"unallocated\": null},\n"
		"      \"not_self_financing\": 1,\n"
		"      \"payers\": []\n"
		"    },\n"
		"    {\n"
		"      \"type\": \"public\",\n"
		"      \"records\": 0,\n"
		"      \"records_with_cost\": 0,\n"
		"      \"cost\": 0,\n"
		"      \"amounts\": {\"users\": 0, \"facilitator\": 0, \"others\": 0, \"embedded\": 0, "
		"\"unallocated\": 0},\n"
		"      \"shares\": {\"users\": null, \"facilitator\": null, \"others\": null, "
		"\"embedded\": null, \"unallocated\": null},\n"
		"      \"not_self_financing\": 0,\n"
		"      \"payers\": []\n"
		"    }\n"
		"  ]\n"
		"}\n";
	char *json = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(mkg_payments_write_json(p, &json, &len), MKG_OK);
	assert_string_equal(json, expected);
	assert_int_equal(len, strlen(expected));
	mkg_free(json);
	mkg_payments_free(p);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_payments *p = NULL;
	char *json = NULL;

	(void)state;
	assert_int_equal(mkg_payments_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_payments_new: argument 'out' is NULL");
	assert_int_equal(mkg_payments_new(&p, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_payments_new: argument 'model' is NULL");
	{
		/* no option yet, but the version is checked */
		mkg_payments_options o = MKG_PAYMENTS_OPTIONS_INIT;
		mkg_payments *none = NULL;

		o.version = 7;
		assert_int_equal(mkg_payments_new(&none, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_payments_new: unknown options version 7");
		assert_null(none);
		assert_int_equal(mkg_payments_options_init(&o, 2), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_payments_options_init: unknown version 2");
		assert_int_equal(mkg_payments_options_init(NULL, 1), MKG_EINVAL);
		assert_int_equal(mkg_payments_options_init(&o, MKG_PAYMENTS_OPTIONS_VERSION), MKG_OK);
		assert_int_equal(o.version, 1);
		assert_int_equal(mkg_payments_new(&none, m, &o), MKG_OK);
		mkg_payments_free(none);
	}
	assert_null(p);
	assert_int_equal(mkg_payments_write_json(NULL, &json, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_payments_write_json: argument 'p' is NULL");
	mkg_payments_free(NULL);
	assert_int_equal(mkg_payments_count(NULL), 0);
	assert_null(mkg_payments_at(NULL, 0));
	assert_null(mkg_payments_total(NULL, MKG_FACILITATION_PUBLIC));
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture),
		cmocka_unit_test(test_jute_cost_sharing),
		cmocka_unit_test(test_shares_within_tolerance),
		cmocka_unit_test(test_commercial),
		cmocka_unit_test(test_embedded),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
