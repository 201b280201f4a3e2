/* Tests of competing programmes (docs/analyses.md section 3): every pair
 * of records with no funder in common that name a common target (two
 * temporary records, or a temporary and a commercial one of the same
 * function: crowding out), with the counts and first ids of the shared
 * targets, the similarity and the relation.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

#define EXPECTED_RULES \
	"[\n" \
	"  {\"relation\": \"duplication\", \"records\": [\"y2\", \"z1\"], " \
	"\"types\": [\"temporary\", \"temporary\"], \"payers\": [\"prog2\", \"prog1\"], " \
	"\"facilitators\": [\"prog2\", \"prog1\"], \"functions\": [\"linkages\", \"linkages\"], " \
	"\"same_function\": true, \"similarity\": 0.75, \"periods_overlap\": false, " \
	"\"shared_actors\": {\"count\": 2, \"first\": [\"a1\", \"a2\"]}, " \
	"\"shared_transactions\": {\"count\": 1, \"first\": [\"t2\"]}},\n" \
	"  {\"relation\": \"complementarity\", \"records\": [\"v5\", \"y2\"], " \
	"\"types\": [\"temporary\", \"temporary\"], \"payers\": [\"prog3\", \"prog2\"], " \
	"\"facilitators\": [\"prog3\", \"prog2\"], \"functions\": [\"finance\", \"linkages\"], " \
	"\"same_function\": false, \"similarity\": 0.25, \"periods_overlap\": true, " \
	"\"shared_actors\": {\"count\": 0, \"first\": []}, " \
	"\"shared_transactions\": {\"count\": 1, \"first\": [\"t1\"]}},\n" \
	"  {\"relation\": \"complementarity\", \"records\": [\"x3\", \"y2\"], " \
	"\"types\": [\"temporary\", \"temporary\"], \"payers\": [\"prog1\", \"prog2\"], " \
	"\"facilitators\": [\"prog1\", \"prog2\"], \"functions\": [\"finance\", \"linkages\"], " \
	"\"same_function\": false, \"similarity\": 0.25, \"periods_overlap\": true, " \
	"\"shared_actors\": {\"count\": 1, \"first\": [\"a1\"]}, " \
	"\"shared_transactions\": {\"count\": 0, \"first\": []}},\n" \
	"  {\"relation\": \"crowding_out\", \"records\": [\"y2\", \"w4\"], " \
	"\"types\": [\"temporary\", \"commercial\"], \"payers\": [\"prog2\", \"biz\"], " \
	"\"facilitators\": [\"prog2\", \"biz\"], \"functions\": [\"linkages\", \"linkages\"], " \
	"\"same_function\": true, \"similarity\": 0.25, \"periods_overlap\": true, " \
	"\"shared_actors\": {\"count\": 1, \"first\": [\"a1\"]}, " \
	"\"shared_transactions\": {\"count\": 0, \"first\": []}},\n" \
	"  {\"relation\": \"crowding_out\", \"records\": [\"z1\", \"w4\"], " \
	"\"types\": [\"temporary\", \"commercial\"], \"payers\": [\"prog1\", \"biz\"], " \
	"\"facilitators\": [\"prog1\", \"biz\"], \"functions\": [\"linkages\", \"linkages\"], " \
	"\"same_function\": true, \"similarity\": 0.3333333333333333, \"periods_overlap\": true, " \
	"\"shared_actors\": {\"count\": 1, \"first\": [\"a1\"]}, " \
	"\"shared_transactions\": {\"count\": 0, \"first\": []}}\n" \
	"]\n"

static mkg_competing *
compute(const mkg_model *m)
{
	mkg_competing *c = NULL;

	if (mkg_competing_new(&c, m, NULL) != MKG_OK)
		fail_msg("mkg_competing_new: %s", mkg_error_message());
	return c;
}

/*
 * The fixture: fA (prog1 pays: p1 p4), fB (prog2, pr, p2 pay: p1 p2 t4),
 * fC (prog1, no paid_by: p2), fD (ngo1: t3), fE commercial brokerage (tr).
 * fA-fB share p1, both linkages: similarity 1 / (2 + 3 - 1) = 0.25, below
 * 0.5: overlap, not duplication.  fB-fC share p2 (linkages /
 * capacity_building): complementarity, 1 / (3 + 1 - 1).  fA-fC share
 * nothing (and one funder); fD shares nothing; fE no function of theirs.
 */
static void
test_fixture(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_competing *c = compute(m);
	const mkg_competing_pair *p;

	(void)state;
	mkg_model_free(m); /* the result keeps its own copies */
	assert_int_equal(mkg_competing_count(c), 2);
	p = mkg_competing_at(c, 0);
	assert_string_equal(p->first, "fA");
	assert_string_equal(p->second, "fB");
	assert_string_equal(p->first_facilitator, "prog1");
	assert_string_equal(p->second_facilitator, "prog2");
	assert_int_equal(p->first_function, MKG_FUNCTION_LINKAGES);
	assert_int_equal(p->second_function, MKG_FUNCTION_LINKAGES);
	assert_true(p->same_function);
	assert_int_equal(p->relation, MKG_COMPETING_OVERLAP);
	assert_true(p->similarity == 0.25);
	assert_string_equal(p->first_payer, "prog1");
	assert_string_equal(p->second_payer, "prog2"); /* 0.5 of fB */
	assert_int_equal(p->second_type, MKG_FACILITATION_TEMPORARY);
	assert_true(p->periods_overlap); /* 2008..2011 and ..2012-06 */
	assert_int_equal(p->shared_actor_count, 1);
	assert_int_equal(p->shared_actor_listed, 1);
	assert_string_equal(p->shared_actors[0], "p1");
	assert_int_equal(p->shared_transaction_count, 0);
	assert_int_equal(p->shared_transaction_listed, 0);

	p = mkg_competing_at(c, 1);
	assert_string_equal(p->first, "fB");
	assert_string_equal(p->second, "fC");
	assert_int_equal(p->second_function, MKG_FUNCTION_CAPACITY_BUILDING);
	assert_false(p->same_function);
	assert_int_equal(p->relation, MKG_COMPETING_COMPLEMENTARITY);
	assert_near(p->similarity, 1.0 / 3);
	assert_true(p->periods_overlap); /* fC has no dates: open */
	assert_int_equal(p->shared_actor_count, 1);
	assert_string_equal(p->shared_actors[0], "p2");
	assert_null(mkg_competing_at(c, 2));
	mkg_competing_free(c);
}

/*
 * Records, in insertion order (ids in reverse byte order on purpose); none
 * says who pays, so each is funded by its facilitator:
 *   z1 prog1 temporary linkages  a2 a1 t2   2005..2006
 *   y2 prog2 temporary linkages  a1 a2 t2 t1 2007..2009
 *   x3 prog1 temporary finance   a1         (same funder as z1: no pair)
 *   w4 biz   commercial linkages a1         (crowding out, with z1 and y2)
 *   v5 prog3 temporary finance   t1         (t1's seller is a1, but a1 is not named)
 * Pairs, by relation then ids:
 *   duplication   y2-z1: a1 a2 t2 shared, 3 / (4 + 3 - 3) = 0.75; not at the same time
 *   complementarity v5-y2 (t1, 1 / 4), x3-y2 (a1, 1 / 4)
 *   crowding out  y2-w4 (a1, 1 / 4), z1-w4 (a1, 1 / 3): the temporary record first
 */
static const char *const doc_actors =
	"{\"id\": \"a1\", \"kind\": \"producer\"}, {\"id\": \"a2\", \"kind\": \"producer\"}, "
	"{\"id\": \"b\", \"kind\": \"trader\"}, {\"id\": \"prog1\", \"kind\": \"programme\"}, "
	"{\"id\": \"prog2\", \"kind\": \"programme\"}, {\"id\": \"prog3\", \"kind\": \"ngo\"}, "
	"{\"id\": \"biz\", \"kind\": \"service_provider\"}";
static const char *const doc_txs =
	"{\"id\": \"t1\", \"seller\": \"a1\", \"buyer\": \"b\", \"commodity\": \"jute\", "
	"\"volume\": 1}, "
	"{\"id\": \"t2\", \"seller\": \"a2\", \"buyer\": \"b\", \"commodity\": \"jute\", "
	"\"volume\": 1}";
static const char *const doc_fac =
	"{\"id\": \"z1\", \"facilitator\": \"prog1\", \"type\": \"temporary\", \"function\": "
	"\"linkages\", \"targets\": {\"actors\": [\"a2\", \"a1\"], \"transactions\": [\"t2\"]}, "
	"\"start\": \"2005\", \"end\": \"2006\"}, "
	"{\"id\": \"y2\", \"facilitator\": \"prog2\", \"type\": \"temporary\", \"function\": "
	"\"linkages\", \"targets\": {\"actors\": [\"a1\", \"a2\"], \"transactions\": [\"t2\", "
	"\"t1\"]}, \"start\": \"2007\", \"end\": \"2009\"}, "
	"{\"id\": \"x3\", \"facilitator\": \"prog1\", \"type\": \"temporary\", \"function\": "
	"\"finance\", \"targets\": {\"actors\": [\"a1\"]}}, "
	"{\"id\": \"w4\", \"facilitator\": \"biz\", \"type\": \"commercial\", \"function\": "
	"\"linkages\", \"targets\": {\"actors\": [\"a1\"]}}, "
	"{\"id\": \"v5\", \"facilitator\": \"prog3\", \"type\": \"temporary\", \"function\": "
	"\"finance\", \"targets\": {\"transactions\": [\"t1\"]}}";

static void
test_rules(void **state)
{
	mkg_model *m = m4p_doc(doc_actors, doc_txs, doc_fac, NULL);
	mkg_competing *c = compute(m);
	const mkg_competing_pair *p;
	const char *expected = EXPECTED_RULES;
	char *json = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(mkg_competing_count(c), 5);
	p = mkg_competing_at(c, 0);
	assert_int_equal(p->relation, MKG_COMPETING_DUPLICATION);
	assert_true(p->similarity == 0.75);
	assert_string_equal(p->first, "y2");
	assert_string_equal(p->second, "z1");
	assert_string_equal(p->first_facilitator, "prog2");
	assert_int_equal(p->shared_actor_count, 2);
	assert_string_equal(p->shared_actors[0], "a1");
	assert_string_equal(p->shared_actors[1], "a2");
	assert_int_equal(p->shared_transaction_count, 1);
	assert_string_equal(p->shared_transactions[0], "t2");
	assert_false(p->periods_overlap);
	p = mkg_competing_at(c, 3);
	assert_int_equal(p->relation, MKG_COMPETING_CROWDING_OUT);
	assert_string_equal(p->first, "y2");
	assert_string_equal(p->second, "w4");
	assert_int_equal(p->second_type, MKG_FACILITATION_COMMERCIAL);
	assert_string_equal(p->second_payer, "biz");
	assert_true(p->similarity == 0.25);
	p = mkg_competing_at(c, 4);
	assert_string_equal(p->first, "z1");
	assert_near(p->similarity, 1.0 / 3);
	assert_int_equal(mkg_competing_write_json(c, &json, &len), MKG_OK);
	assert_string_equal(json, expected);
	assert_int_equal(len, strlen(expected));
	mkg_free(json);
	mkg_competing_free(c);
	mkg_model_free(m);
}

/* Periods that touch overlap: one ends 2006-12-31, the other starts on that day. */
static void
test_touching_periods(void **state)
{
	mkg_model *m = m4p_doc(
		doc_actors, doc_txs,
		"{\"id\": \"a\", \"facilitator\": \"prog1\", \"type\": \"temporary\", \"function\": "
		"\"linkages\", \"targets\": {\"actors\": [\"a1\"]}, \"end\": \"2006\"}, "
		"{\"id\": \"b\", \"facilitator\": \"prog2\", \"type\": \"temporary\", \"function\": "
		"\"linkages\", \"targets\": {\"actors\": [\"a1\"]}, \"start\": \"2006-12-31\"}, "
		"{\"id\": \"c\", \"facilitator\": \"prog3\", \"type\": \"temporary\", \"function\": "
		"\"linkages\", \"targets\": {\"actors\": [\"a1\"]}, \"start\": \"2007-01\"}",
		NULL);
	mkg_competing *c = compute(m);

	(void)state;
	assert_int_equal(mkg_competing_count(c), 3);
	assert_true(mkg_competing_at(c, 0)->periods_overlap);  /* a-b */
	assert_false(mkg_competing_at(c, 1)->periods_overlap); /* a-c */
	assert_true(mkg_competing_at(c, 2)->periods_overlap);  /* b-c: open ends */
	mkg_competing_free(c);
	mkg_model_free(m);
}

/*
 * Many records, few shared targets: 5,000 temporary records of 5,000
 * facilitators, each targeting its own producer, and two more that share
 * producer f17.  Exactly the pairs of f17's three records compete.
 */
static void
test_many_records(void **state)
{
	enum { N = 5000 };
	GString *actors = g_string_new(NULL), *fac = g_string_new(NULL);
	mkg_model *m;
	mkg_competing *c;

	(void)state;
	for (int i = 0; i < N; i++) {
		g_string_append_printf(actors, "%s{\"id\": \"f%d\", \"kind\": \"producer\"}, "
		                       "{\"id\": \"p%d\", \"kind\": \"programme\"}", i ? ", " : "",
		                       i, i);
		g_string_append_printf(fac, "%s{\"id\": \"r%05d\", \"facilitator\": \"p%d\", "
		                       "\"type\": \"temporary\", \"function\": \"finance\", "
		                       "\"targets\": {\"actors\": [\"f%d\"]}}", i ? ", " : "", i, i, i);
	}
	g_string_append(fac, ", {\"id\": \"s1\", \"facilitator\": \"p1\", \"type\": "
	                     "\"temporary\", \"function\": \"platform\", \"targets\": "
	                     "{\"actors\": [\"f17\"]}}, "
	                     "{\"id\": \"s2\", \"facilitator\": \"p2\", \"type\": \"temporary\", "
	                     "\"function\": \"finance\", \"targets\": {\"actors\": [\"f17\"]}}");
	m = m4p_doc(actors->str, NULL, fac->str, NULL);
	c = compute(m);
	/* r00017-s2 both finance, one target each: similarity 1, duplication first */
	assert_int_equal(mkg_competing_count(c), 3);
	assert_string_equal(mkg_competing_at(c, 0)->first, "r00017");
	assert_string_equal(mkg_competing_at(c, 0)->second, "s2");
	assert_int_equal(mkg_competing_at(c, 0)->relation, MKG_COMPETING_DUPLICATION);
	assert_string_equal(mkg_competing_at(c, 1)->first, "r00017");
	assert_string_equal(mkg_competing_at(c, 1)->second, "s1");
	assert_false(mkg_competing_at(c, 1)->same_function);
	assert_string_equal(mkg_competing_at(c, 2)->first, "s1");
	assert_string_equal(mkg_competing_at(c, 2)->second, "s2");
	mkg_competing_free(c);
	mkg_model_free(m);
	g_string_free(actors, TRUE);
	g_string_free(fac, TRUE);
}

/*
 * Keyed by the payer: g1 (by ngo1, paid by prog1) and g2 (by prog1) have
 * one funder, so they never compete although their facilitators differ; g3
 * (by ngo1, paid half by prog1, half by prog2) shares prog1 with both.
 * g4 (prog3) competes with all three.
 */
static void
test_one_funder(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"a1\", \"kind\": \"producer\"}, {\"id\": \"ngo1\", \"kind\": \"ngo\"}, "
		"{\"id\": \"prog1\", \"kind\": \"programme\"}, {\"id\": \"prog2\", \"kind\": "
		"\"programme\"}, {\"id\": \"prog3\", \"kind\": \"programme\"}",
		NULL,
		"{\"id\": \"g1\", \"facilitator\": \"ngo1\", \"type\": \"temporary\", \"function\": "
		"\"linkages\", \"targets\": {\"actors\": [\"a1\"]}, \"paid_by\": [{\"actor\": "
		"\"prog1\", \"share\": 1}]}, "
		"{\"id\": \"g2\", \"facilitator\": \"prog1\", \"type\": \"temporary\", \"function\": "
		"\"linkages\", \"targets\": {\"actors\": [\"a1\"]}}, "
		"{\"id\": \"g3\", \"facilitator\": \"ngo1\", \"type\": \"temporary\", \"function\": "
		"\"linkages\", \"targets\": {\"actors\": [\"a1\"]}, \"paid_by\": [{\"actor\": "
		"\"prog2\", \"share\": 0.5}, {\"actor\": \"prog1\", \"share\": 0.5}]}, "
		"{\"id\": \"g4\", \"facilitator\": \"prog3\", \"type\": \"temporary\", \"function\": "
		"\"linkages\", \"targets\": {\"actors\": [\"a1\"]}}",
		NULL);
	mkg_competing *c = compute(m);

	(void)state;
	assert_int_equal(mkg_competing_count(c), 3);
	assert_string_equal(mkg_competing_at(c, 0)->first, "g1");
	assert_string_equal(mkg_competing_at(c, 0)->second, "g4");
	assert_string_equal(mkg_competing_at(c, 0)->first_payer, "prog1");
	assert_string_equal(mkg_competing_at(c, 1)->first, "g2");
	assert_string_equal(mkg_competing_at(c, 2)->first, "g3");
	/* a tie of shares: the first id, the facilitator ngo1 paying nothing */
	assert_string_equal(mkg_competing_at(c, 2)->first_payer, "prog1");
	mkg_competing_free(c);
	mkg_model_free(m);
}

/*
 * The case in small: R programmes over the same N producers make
 * R (R - 1) / 2 pairs, each with N shared actors, its count and the first
 * sample_ids ids only (p0000, p0001, ...).
 */
static void
test_programmes_over_producers(void **state)
{
	enum { R = 30, N = 2000 };
	GString *actors = g_string_new(NULL), *fac = g_string_new(NULL), *targets = g_string_new(NULL);
	mkg_competing_options o = MKG_COMPETING_OPTIONS_INIT;
	mkg_competing *c = NULL;
	mkg_model *m;

	(void)state;
	for (int i = 0; i < N; i++) {
		g_string_append_printf(actors, "%s{\"id\": \"p%04d\", \"kind\": \"producer\"}",
		                       i ? ", " : "", i);
		g_string_append_printf(targets, "%s\"p%04d\"", i ? ", " : "", N - 1 - i);
	}
	for (int r = 0; r < R; r++) {
		g_string_append_printf(actors, ", {\"id\": \"prog%02d\", \"kind\": \"programme\"}", r);
		g_string_append_printf(fac, "%s{\"id\": \"r%02d\", \"facilitator\": \"prog%02d\", "
		                       "\"type\": \"temporary\", \"function\": \"capacity_building\", "
		                       "\"targets\": {\"actors\": [%s]}}", r ? ", " : "", r, r,
		                       targets->str);
	}
	m = m4p_doc(actors->str, NULL, fac->str, NULL);
	o.sample_ids = 2;
	assert_int_equal(mkg_competing_new(&c, m, &o), MKG_OK);
	assert_int_equal(mkg_competing_count(c), R * (R - 1) / 2);
	for (size_t i = 0; i < mkg_competing_count(c); i++) {
		const mkg_competing_pair *p = mkg_competing_at(c, i);

		assert_int_equal(p->relation, MKG_COMPETING_DUPLICATION);
		assert_true(p->similarity == 1);
		assert_int_equal(p->shared_actor_count, N);
		assert_int_equal(p->shared_actor_listed, 2);
		assert_string_equal(p->shared_actors[0], "p0000");
		assert_string_equal(p->shared_actors[1], "p0001");
	}
	assert_string_equal(mkg_competing_at(c, 0)->first, "r00");
	assert_string_equal(mkg_competing_at(c, 0)->second, "r01");
	mkg_competing_free(c);
	mkg_model_free(m);
	g_string_free(actors, TRUE);
	g_string_free(fac, TRUE);
	g_string_free(targets, TRUE);
}

static void
test_empty_and_errors(void **state)
{
	mkg_model *m = m4p_doc(doc_actors, doc_txs, NULL, NULL);
	mkg_competing *c = NULL;
	char *json = NULL;

	(void)state;
	c = compute(m);
	assert_int_equal(mkg_competing_count(c), 0);
	assert_null(mkg_competing_at(c, 0));
	assert_int_equal(mkg_competing_write_json(c, &json, NULL), MKG_OK);
	assert_string_equal(json, "[]\n");
	mkg_free(json);
	mkg_competing_free(c);
	c = NULL;

	assert_int_equal(mkg_competing_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_competing_new: argument 'out' is NULL");
	assert_int_equal(mkg_competing_new(&c, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_competing_new: argument 'model' is NULL");
	{
		mkg_competing_options o = MKG_COMPETING_OPTIONS_INIT;
		mkg_competing *none = NULL;

		o.version = 7;
		assert_int_equal(mkg_competing_new(&none, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_competing_new: unknown options version 7");
		assert_null(none);
		assert_int_equal(mkg_competing_options_init(&o, 1), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_competing_options_init: unknown version 1");
		assert_int_equal(mkg_competing_options_init(NULL, 2), MKG_EINVAL);
		assert_int_equal(mkg_competing_options_init(&o, MKG_COMPETING_OPTIONS_VERSION), MKG_OK);
		assert_int_equal(o.version, 2);
		assert_true(o.duplication_similarity == 0.5);
		assert_int_equal(o.sample_ids, 3);
		o.duplication_similarity = 2;
		assert_int_equal(mkg_competing_new(&none, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_competing_new: duplication_similarity "
		                    "must be in [0, 1], got 2");
		o.duplication_similarity = 0.5;
		o.sample_ids = 65;
		assert_int_equal(mkg_competing_new(&none, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_competing_new: sample_ids must be at "
		                    "most 64, got 65");
		assert_null(none);
		o.sample_ids = 3;
		assert_int_equal(mkg_competing_new(&none, m, &o), MKG_OK);
		mkg_competing_free(none);
	}
	assert_null(c);
	assert_int_equal(mkg_competing_write_json(NULL, &json, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_competing_write_json: argument 'c' is NULL");
	mkg_competing_free(NULL);
	assert_int_equal(mkg_competing_count(NULL), 0);
	assert_null(mkg_competing_at(NULL, 0));
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_touching_periods),
		cmocka_unit_test(test_many_records),
		cmocka_unit_test(test_one_funder),
		cmocka_unit_test(test_programmes_over_producers),
		cmocka_unit_test(test_empty_and_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
