/* Tests of the exit simulation (docs/analyses.md section 3): at a date D
 * (a bare year or month meaning its last day), temporary records whose
 * end is before D stop, unless a successor takes them over; transactions
 * that had support and have none afterwards are reported with their share
 * of each market.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

static mkg_exit_simulation *
simulate(const mkg_model *m, const char *date, mkg_measure measure)
{
	mkg_exit_simulation_options o = MKG_EXIT_SIMULATION_OPTIONS_INIT;
	mkg_exit_simulation *s = NULL;

	o.measure = measure;
	o.date = date;
	if (mkg_exit_simulation_new(&s, m, &o) != MKG_OK)
		fail_msg("mkg_exit_simulation_new(%s): %s", date, mkg_error_message());
	return s;
}

/* The outcome of record i, checking its id. */
static mkg_exit_outcome
outcome(const mkg_exit_simulation *s, size_t i, const char *record)
{
	const mkg_exit_record *r = mkg_exit_simulation_record_at(s, i);

	assert_non_null(r);
	assert_string_equal(r->record, record);
	return r->outcome;
}

/*
 * At the end of 2012 (day 2012-12-31):
 *   fA ended 2011-12-31, fade_out       -> stops
 *   fB ended 2012-06-30, commercial     -> taken over by pr (processor), commercial
 *   fC has no end                       -> undated, kept
 *   fD ended 2010-12-31, public         -> taken over by prog2, public
 * Support left: fB (p1 p2 t4), fC (p2), fD (t3), fE (tr), fF (em p5).
 *   t1 p1 -> tr keeps fB (and fE); t7 p4 -> pr had only fA (p4): unsupported.
 *   maize 2010: 40 of 390 t lose all support.
 */
static void
check_end_of_2012(const mkg_exit_simulation *s, const char *date)
{
	const mkg_exit_record *r;
	const mkg_unsupported_transaction *t;
	const mkg_facilitation_market *mm;

	assert_string_equal(mkg_exit_simulation_date(s), date);
	assert_int_equal(mkg_exit_simulation_day(s), 20121231);
	assert_int_equal(mkg_exit_simulation_record_count(s), 4);
	assert_int_equal(outcome(s, 0, "fA"), MKG_EXIT_OUTCOME_STOPS);
	r = mkg_exit_simulation_record_at(s, 0);
	assert_string_equal(r->facilitator, "prog1");
	assert_int_equal(r->function, MKG_FUNCTION_LINKAGES);
	assert_string_equal(r->end, "2011");
	assert_int_equal(r->exit, MKG_EXIT_FADE_OUT);
	assert_null(r->successor);
	assert_int_equal(r->successor_kind, MKG_ACTOR_KIND_UNSET);
	assert_int_equal(r->type_after, MKG_FACILITATION_TEMPORARY);

	assert_int_equal(outcome(s, 1, "fB"), MKG_EXIT_OUTCOME_TAKEN_OVER);
	r = mkg_exit_simulation_record_at(s, 1);
	assert_string_equal(r->successor, "pr");
	assert_int_equal(r->successor_kind, MKG_ACTOR_PROCESSOR);
	assert_int_equal(r->type_after, MKG_FACILITATION_COMMERCIAL);

	assert_int_equal(outcome(s, 2, "fC"), MKG_EXIT_OUTCOME_UNDATED);
	assert_null(mkg_exit_simulation_record_at(s, 2)->end);

	assert_int_equal(outcome(s, 3, "fD"), MKG_EXIT_OUTCOME_TAKEN_OVER);
	r = mkg_exit_simulation_record_at(s, 3);
	assert_string_equal(r->successor, "prog2");
	assert_int_equal(r->successor_kind, MKG_ACTOR_PROGRAMME);
	assert_int_equal(r->type_after, MKG_FACILITATION_PUBLIC);
	assert_null(mkg_exit_simulation_record_at(s, 4));

	assert_int_equal(mkg_exit_simulation_unsupported_count(s), 1);
	t = mkg_exit_simulation_unsupported_at(s, 0);
	assert_string_equal(t->transaction, "t7");
	assert_string_equal(t->seller, "p4");
	assert_string_equal(t->buyer, "pr");
	assert_string_equal(t->commodity, "maize");
	assert_string_equal(t->period, "2010");
	assert_near(t->volume, 40);
	assert_near(t->value, 400);
	assert_int_equal(t->function, MKG_FUNCTION_LINKAGES); /* fA's only function */
	assert_null(mkg_exit_simulation_unsupported_at(s, 1));

	assert_int_equal(mkg_exit_simulation_market_count(s), 1);
	mm = mkg_exit_simulation_market_at(s, 0);
	assert_string_equal(mm->commodity, "maize");
	assert_string_equal(mm->period, "2010");
	assert_null(mm->region);
	assert_int_equal(mm->service, 0);
	assert_near(mm->total, 390);
	assert_near(mm->amount, 40);
	assert_near(mm->share, 40.0 / 390.0);
	assert_null(mkg_exit_simulation_market_at(s, 1));
}

static void
test_end_of_2012(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_exit_simulation *s = simulate(m, "2012-12-31", MKG_MEASURE_VOLUME);

	(void)state;
	mkg_model_free(m); /* the result keeps its own copies */
	check_end_of_2012(s, "2012-12-31");
	assert_int_equal(mkg_exit_simulation_measure(s), MKG_MEASURE_VOLUME);
	mkg_exit_simulation_free(s);
}

/* A bare year means its last day: "2012" is the same as "2012-12-31". */
static void
test_bare_year(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_exit_simulation *s = simulate(m, "2012", MKG_MEASURE_VOLUME);

	(void)state;
	check_end_of_2012(s, "2012");
	mkg_exit_simulation_free(s);
	/* and a bare month its last day */
	s = simulate(m, "2012-12", MKG_MEASURE_VOLUME);
	check_end_of_2012(s, "2012-12");
	mkg_exit_simulation_free(s);
	mkg_model_free(m);
}

/*
 * fA ends "2011", i.e. on 2011-12-31.  On that day it still runs; the day
 * after, it has stopped.  A bare "2011" is that same last day.
 */
static void
test_boundary(void **state)
{
	mkg_model *m = m4p_programmes();
	const char *running[] = { "2011", "2011-12", "2011-12-31", "2011-06-15" };
	mkg_exit_simulation *s;

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(running); i++) {
		s = simulate(m, running[i], MKG_MEASURE_VOLUME);
		assert_int_equal(outcome(s, 0, "fA"), MKG_EXIT_OUTCOME_CONTINUES);
		assert_int_equal(mkg_exit_simulation_unsupported_count(s), 0);
		assert_int_equal(mkg_exit_simulation_market_count(s), 0);
		mkg_exit_simulation_free(s);
	}
	s = simulate(m, "2012-01-01", MKG_MEASURE_VOLUME);
	assert_int_equal(mkg_exit_simulation_day(s), 20120101);
	assert_int_equal(outcome(s, 0, "fA"), MKG_EXIT_OUTCOME_STOPS);
	/* fB ends 2012-06-30: still running on 2012-01-01 */
	assert_int_equal(outcome(s, 1, "fB"), MKG_EXIT_OUTCOME_CONTINUES);
	assert_int_equal(mkg_exit_simulation_unsupported_count(s), 1);
	mkg_exit_simulation_free(s);

	/* fB: on its last day (2012-06-30) it runs, the next day it is taken over */
	s = simulate(m, "2012-06-30", MKG_MEASURE_VOLUME);
	assert_int_equal(outcome(s, 1, "fB"), MKG_EXIT_OUTCOME_CONTINUES);
	mkg_exit_simulation_free(s);
	s = simulate(m, "2012-07-01", MKG_MEASURE_VOLUME);
	assert_int_equal(outcome(s, 1, "fB"), MKG_EXIT_OUTCOME_TAKEN_OVER);
	mkg_exit_simulation_free(s);
	mkg_model_free(m);
}

/* Before any end: everything runs, nothing is lost. */
static void
test_before_every_end(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_exit_simulation *s = simulate(m, "2009-02-28", MKG_MEASURE_VOLUME);

	(void)state;
	assert_int_equal(mkg_exit_simulation_day(s), 20090228);
	assert_int_equal(outcome(s, 0, "fA"), MKG_EXIT_OUTCOME_CONTINUES);
	assert_int_equal(outcome(s, 1, "fB"), MKG_EXIT_OUTCOME_CONTINUES);
	assert_int_equal(outcome(s, 2, "fC"), MKG_EXIT_OUTCOME_UNDATED);
	assert_int_equal(outcome(s, 3, "fD"), MKG_EXIT_OUTCOME_CONTINUES);
	assert_int_equal(mkg_exit_simulation_unsupported_count(s), 0);
	mkg_exit_simulation_free(s);
	mkg_model_free(m);
}

/*
 * A transaction supported only through its buyer b (targeted by a fade_out
 * record ending 2010):
 *   t1 s -> b rice 10 t, 30 USD     supported before, not after
 *   t2 s -> b rice (no volume), 5    supported before, not after: listed, but
 *                                    it carries no volume
 *   t3 s -> x rice 90 t              never supported: not listed
 * Reach before: b named (direct 1), its partner s not named (indirect 1);
 * after: nothing.  b loses its only finance record.
 * By volume: rice 2010 = 100 t, 10 lose support (0.1).
 * By value:  rice 2010 = 30 + 5 = 35 (t3 has no value), 35 lose it (1).
 */
static const char *const buyer_actors =
	"{\"id\": \"s\", \"kind\": \"producer\"}, {\"id\": \"b\", \"kind\": \"trader\"}, "
	"{\"id\": \"x\", \"kind\": \"trader\"}, {\"id\": \"prog\", \"kind\": \"programme\"}";
static const char *const buyer_txs =
	"{\"id\": \"t1\", \"seller\": \"s\", \"buyer\": \"b\", \"commodity\": \"rice\", "
	"\"volume\": 10, \"value\": 30}, "
	"{\"id\": \"t2\", \"seller\": \"s\", \"buyer\": \"b\", \"commodity\": \"rice\", "
	"\"value\": 5}, "
	"{\"id\": \"t3\", \"seller\": \"s\", \"buyer\": \"x\", \"commodity\": \"rice\", "
	"\"volume\": 90}";
static const char *const buyer_fac =
	"{\"id\": \"f\", \"facilitator\": \"prog\", \"type\": \"temporary\", \"function\": "
	"\"finance\", \"targets\": {\"actors\": [\"b\"]}, \"end\": \"2010\", \"exit\": "
	"\"fade_out\"}";

static void
test_only_through_buyer(void **state)
{
	mkg_model *m = m4p_doc(buyer_actors, buyer_txs, buyer_fac, NULL);
	mkg_exit_simulation *s = simulate(m, "2011", MKG_MEASURE_VOLUME);
	const char *expected =
		"{\n"
		"  \"date\": \"2011\",\n"
		"  \"day\": \"2011-12-31\",\n"
		"  \"measure\": \"volume\",\n"
		"  \"stopped\": [\n"
		"    {\"record\": \"f\", \"facilitator\": \"prog\", \"function\": \"finance\", "
		"\"end\": \"2010\", \"exit\": \"fade_out\"}\n"
		"  ],\n"
		"  \"taken_over\": [],\n"
		"  \"continuing\": [],\n"
		"  \"undated\": [],\n"
		"  \"unsupported_transactions\": [\n"
		"    {\"transaction\": \"t1\", \"seller\": \"s\", \"buyer\": \"b\", \"commodity\": "
		"\"rice\", \"period\": \"2010\", \"volume\": 10, \"value\": 30, \"function\": "
		"\"finance\"},\n"
		"    {\"transaction\": \"t2\", \"seller\": \"s\", \"buyer\": \"b\", \"commodity\": "
		"\"rice\", \"period\": \"2010\", \"volume\": null, \"value\": 5, \"function\": "
		"\"finance\"}\n"
		"  ],\n"
		"  \"markets\": [\n"
		"    {\"commodity\": \"rice\", \"period\": \"2010\", \"region\": null, \"service\": "
		"false, \"total\": 100, \"unsupported\": 10, \"share\": 0.1}\n"
		"  ],\n"
		"  \"reach\": {\n"
		"    \"before\": {\"direct_actors\": 1, \"direct_transactions\": 0, "
		"\"indirect_actors\": 1},\n"
		"    \"after\": {\"direct_actors\": 0, \"direct_transactions\": 0, "
		"\"indirect_actors\": 0}\n"
		"  },\n"
		"  \"lost_support\": [\n"
		"    {\"actor\": \"b\", \"kind\": \"trader\", \"function\": \"finance\"}\n"
		"  ]\n"
		"}\n";
	char *json = NULL;

	(void)state;
	assert_int_equal(mkg_exit_simulation_unsupported_count(s), 2);
	assert_near(mkg_exit_simulation_market_at(s, 0)->share, 0.1);
	assert_int_equal(mkg_exit_simulation_write_json(s, &json, NULL), MKG_OK);
	assert_string_equal(json, expected);
	mkg_free(json);
	mkg_exit_simulation_free(s);

	s = simulate(m, "2011", MKG_MEASURE_VALUE);
	assert_int_equal(mkg_exit_simulation_measure(s), MKG_MEASURE_VALUE);
	assert_near(mkg_exit_simulation_market_at(s, 0)->total, 35);
	assert_near(mkg_exit_simulation_market_at(s, 0)->amount, 35);
	assert_near(mkg_exit_simulation_market_at(s, 0)->share, 1);
	mkg_exit_simulation_free(s);
	mkg_model_free(m);
}

/*
 * Reach, direct and indirect, and what the targets lose by function: p1 and
 * p2 sell to b; "train" (capacity_building, temporary, ends 2010) names p1
 * and p2, "reg" (public regulation) names p1.  At 2011 train stops.
 * Before: direct p1 p2 (2), indirect b (1).  After: direct p1 (1), indirect
 * b (1).  Lost: p1 and p2 their capacity building; p1's regulation does not
 * replace it.  Transactions: t1 (p1's sale) and t2 (p2's sale) both lose
 * capacity_building, t1 although reg still supports it (another function).
 */
static void
test_reach(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p1\", \"kind\": \"producer\"}, {\"id\": \"p2\", \"kind\": \"producer\"}, "
		"{\"id\": \"b\", \"kind\": \"trader\"}, {\"id\": \"gov\", \"kind\": "
		"\"public_agency\"}, {\"id\": \"prog\", \"kind\": \"programme\"}",
		"{\"id\": \"t1\", \"seller\": \"p1\", \"buyer\": \"b\", \"commodity\": \"rice\", "
		"\"volume\": 1}, {\"id\": \"t2\", \"seller\": \"p2\", \"buyer\": \"b\", "
		"\"commodity\": \"rice\", \"volume\": 1}",
		"{\"id\": \"train\", \"facilitator\": \"prog\", \"type\": \"temporary\", "
		"\"function\": \"capacity_building\", \"targets\": {\"actors\": [\"p1\", \"p2\"]}, "
		"\"end\": \"2010\", \"exit\": \"fade_out\"}, "
		"{\"id\": \"reg\", \"facilitator\": \"gov\", \"type\": \"public\", \"function\": "
		"\"regulation\", \"targets\": {\"actors\": [\"p1\"]}}",
		NULL);
	mkg_exit_simulation *s = simulate(m, "2011", MKG_MEASURE_VOLUME);
	const mkg_exit_reach *r;

	(void)state;
	r = mkg_exit_simulation_reach(s, 0);
	assert_int_equal(r->direct_actors, 2);
	assert_int_equal(r->direct_transactions, 0);
	assert_int_equal(r->indirect_actors, 1);
	r = mkg_exit_simulation_reach(s, 1);
	assert_int_equal(r->direct_actors, 1);
	assert_int_equal(r->indirect_actors, 1);
	assert_int_equal(mkg_exit_simulation_lost_count(s), 2);
	assert_string_equal(mkg_exit_simulation_lost_at(s, 0)->actor, "p1");
	assert_int_equal(mkg_exit_simulation_lost_at(s, 0)->function,
	                 MKG_FUNCTION_CAPACITY_BUILDING);
	assert_string_equal(mkg_exit_simulation_lost_at(s, 1)->actor, "p2");
	assert_int_equal(mkg_exit_simulation_lost_at(s, 1)->kind, MKG_ACTOR_PRODUCER);
	assert_null(mkg_exit_simulation_lost_at(s, 2));
	assert_int_equal(mkg_exit_simulation_unsupported_count(s), 2);
	assert_string_equal(mkg_exit_simulation_unsupported_at(s, 0)->transaction, "t1");
	assert_int_equal(mkg_exit_simulation_unsupported_at(s, 0)->function,
	                 MKG_FUNCTION_CAPACITY_BUILDING);
	assert_string_equal(mkg_exit_simulation_unsupported_at(s, 1)->transaction, "t2");
	assert_int_equal(mkg_exit_simulation_unsupported_at(s, 1)->function,
	                 MKG_FUNCTION_CAPACITY_BUILDING);
	/* one market, rice 2010 (2 t), each transaction counted once: 2 of 2 */
	assert_int_equal(mkg_exit_simulation_market_count(s), 1);
	assert_near(mkg_exit_simulation_market_at(s, 0)->amount, 2);
	assert_null(mkg_exit_simulation_reach(NULL, 0));
	assert_int_equal(mkg_exit_simulation_lost_count(NULL), 0);
	mkg_exit_simulation_free(s);
	mkg_model_free(m);
}

/*
 * Which transactions a record supports (docs/analyses.md), one rule each
 * (the model m4p_rule_* of m4p-fixture.h):
 *   ta inp -> f1 seed 10       named by "credit" (finance)        -> ta only
 *   tb f1 -> ex coffee 100     f1's sale: "train" (capacity_building names
 *                              f1, f2); ex's trade: "link" (linkages names ex)
 *   tc f2 -> ex coffee 50      f2's sale (train), ex's trade (link); "reg"
 *                              (public regulation, names f2) continues
 *   td ex -> eu coffee 140     ex's sale to Europe: link only; train names
 *                              ex's suppliers, not ex (not transitive)
 *   te f2 -> tr coffee 20      f2's sale: train; reg continues
 *   tf f3 -> tr coffee 40      nobody's target: never supported
 * f1's purchase ta is not supported by its training (sales only).  At 2011
 * the three temporary records stop; each (transaction, function) whose
 * function had a record and has none left is a row, by transaction then
 * function (capacity_building, linkages, ..., finance):
 *   ta finance; tb capacity_building, linkages; tc capacity_building,
 *   linkages; td linkages; te capacity_building      = 7 rows, 5 transactions
 * (reg does not replace the training of tc and te: another function).
 * Markets (pooled levels), by volume: seed 2010 10 of 10 t; coffee 2010
 * 100 + 50 + 140 + 20 = 310 of 350 t, each transaction once (not 480).
 */
static void
test_support_rules(void **state)
{
	mkg_model *m = m4p_doc(m4p_rule_actors, m4p_rule_txs, m4p_rule_fac, NULL);
	mkg_exit_simulation *s = simulate(m, "2011", MKG_MEASURE_VOLUME);
	static const struct {
		const char *tx;
		mkg_function fn;
	} want[] = {
		{ "ta", MKG_FUNCTION_FINANCE },           { "tb", MKG_FUNCTION_CAPACITY_BUILDING },
		{ "tb", MKG_FUNCTION_LINKAGES },          { "tc", MKG_FUNCTION_CAPACITY_BUILDING },
		{ "tc", MKG_FUNCTION_LINKAGES },          { "td", MKG_FUNCTION_LINKAGES },
		{ "te", MKG_FUNCTION_CAPACITY_BUILDING },
	};
	const mkg_facilitation_market *mm;

	(void)state;
	assert_int_equal(mkg_exit_simulation_unsupported_count(s), G_N_ELEMENTS(want));
	for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
		const mkg_unsupported_transaction *t = mkg_exit_simulation_unsupported_at(s, i);

		assert_string_equal(t->transaction, want[i].tx);
		assert_int_equal(t->function, want[i].fn);
	}
	assert_string_equal(mkg_exit_simulation_unsupported_at(s, 5)->seller, "ex");
	assert_string_equal(mkg_exit_simulation_unsupported_at(s, 5)->buyer, "eu");
	assert_int_equal(mkg_exit_simulation_market_count(s), 2);
	mm = mkg_exit_simulation_market_at(s, 0);
	assert_string_equal(mm->commodity, "coffee");
	assert_near(mm->total, 350);
	assert_near(mm->amount, 310);
	assert_near(mm->share, 310.0 / 350.0);
	mm = mkg_exit_simulation_market_at(s, 1);
	assert_string_equal(mm->commodity, "seed");
	assert_near(mm->amount, 10);
	assert_near(mm->share, 1);
	mkg_exit_simulation_free(s);

	/* taken over: link's successor keeps ex's trades supported; nothing of
	 * tb, tc, td is lost in linkages any more */
	mkg_model_free(m);
	m = m4p_doc(m4p_rule_actors, m4p_rule_txs,
	            "{\"id\": \"link\", \"facilitator\": \"prog\", \"type\": \"temporary\", "
	            "\"function\": \"linkages\", \"targets\": {\"actors\": [\"ex\"]}, "
	            "\"end\": \"2010\", \"exit\": \"public\", \"successor\": \"gov\"}",
	            NULL);
	s = simulate(m, "2011", MKG_MEASURE_VOLUME);
	assert_int_equal(mkg_exit_simulation_unsupported_count(s), 0);
	assert_int_equal(mkg_exit_simulation_market_count(s), 0);
	mkg_exit_simulation_free(s);
	mkg_model_free(m);
}

/* Research and "other" (function unknown) support a target's sales only, as
 * training does; every other function every trade of the target. */
static void
test_support_by_function(void **state)
{
	static const struct {
		const char *function;
		size_t rows; /* of tb (f1's sale) and ta (f1's purchase) */
	} cases[] = {
		{ "capacity_building", 1 }, { "research_development", 1 }, { "other", 1 },
		{ "shared_vision", 2 },     { "linkages", 2 },             { "business_opportunities", 2 },
		{ "monitoring", 2 },        { "information", 2 },          { "brokerage", 2 },
		{ "transaction_security", 2 }, { "platform", 2 },          { "regulation", 2 },
		{ "finance", 2 },
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *fac = g_strdup_printf(
			"{\"id\": \"r\", \"facilitator\": \"prog\", \"type\": \"temporary\", "
			"\"function\": \"%s\", \"targets\": {\"actors\": [\"f1\"]}, \"end\": "
			"\"2010\", \"exit\": \"fade_out\"}", cases[i].function);
		mkg_model *m = m4p_doc(m4p_rule_actors, m4p_rule_txs, fac, NULL);
		mkg_exit_simulation *s = simulate(m, "2011", MKG_MEASURE_VOLUME);
		size_t n = mkg_exit_simulation_unsupported_count(s);

		assert_int_equal(n, cases[i].rows);
		/* the sale tb always; the purchase ta (sorted first) only for trades */
		assert_string_equal(mkg_exit_simulation_unsupported_at(s, n - 1)->transaction, "tb");
		if (n == 2)
			assert_string_equal(mkg_exit_simulation_unsupported_at(s, 0)->transaction, "ta");
		mkg_exit_simulation_free(s);
		mkg_model_free(m);
		g_free(fac);
	}
}

/* With no facilitation nothing had support: nothing to lose. */
static void
test_no_facilitation(void **state)
{
	mkg_model *m = m4p_doc(buyer_actors, buyer_txs, NULL, NULL);
	mkg_exit_simulation *s = simulate(m, "2011", MKG_MEASURE_VOLUME);

	(void)state;
	assert_int_equal(mkg_exit_simulation_record_count(s), 0);
	assert_int_equal(mkg_exit_simulation_unsupported_count(s), 0);
	assert_int_equal(mkg_exit_simulation_market_count(s), 0);
	mkg_exit_simulation_free(s);
	mkg_model_free(m);
}

static void
test_bad_dates(void **state)
{
	mkg_model *m = m4p_programmes();
	const char *bad[] = { "2012-13-01", "2012-02-30", "12/31/2012", "", "2012-1-1",
	                      "2012-12-31T00:00", " 2012", "20121231", "2011-02-29" };
	mkg_exit_simulation_options o = MKG_EXIT_SIMULATION_OPTIONS_INIT;
	mkg_exit_simulation *s = NULL;

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		char *want = g_strdup_printf(
			"exit_date: \"%s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", bad[i]);

		o.date = bad[i];
		assert_int_equal(mkg_exit_simulation_new(&s, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), want);
		assert_null(s);
		g_free(want);
	}
	/* 2012 is a leap year */
	s = simulate(m, "2012-02-29", MKG_MEASURE_VOLUME);
	assert_int_equal(mkg_exit_simulation_day(s), 20120229);
	mkg_exit_simulation_free(s);
	s = NULL;
	/* no date: the defaults cannot simulate anything */
	assert_int_equal(mkg_exit_simulation_new(&s, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_exit_simulation_new: the option date is required");
	o.date = NULL;
	assert_int_equal(mkg_exit_simulation_new(&s, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_exit_simulation_new: the option date is required");
	assert_null(s);
	mkg_model_free(m);
}

/* The public date reader: a bare year or month is its last day. */
static void
test_date_parse(void **state)
{
	int32_t day = 7;

	(void)state;
	assert_int_equal(mkg_exit_date_parse("2012", &day), MKG_OK);
	assert_int_equal(day, 20121231);
	assert_int_equal(mkg_exit_date_parse("2012-02", &day), MKG_OK);
	assert_int_equal(day, 20120229);
	assert_int_equal(mkg_exit_date_parse("2011-02", &day), MKG_OK);
	assert_int_equal(day, 20110228);
	assert_int_equal(mkg_exit_date_parse("2000-02-29", &day), MKG_OK);
	assert_int_equal(day, 20000229);
	assert_int_equal(mkg_exit_date_parse("1900-02-29", &day), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "exit_date: \"1900-02-29\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
	assert_int_equal(day, 20000229);
	assert_int_equal(mkg_exit_date_parse("2012-00", &day), MKG_EINVAL);
	assert_int_equal(mkg_exit_date_parse("2012", NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_exit_date_parse: argument 'day' is NULL");
	assert_int_equal(mkg_exit_date_parse(NULL, &day), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "exit_date: argument is NULL");
}

static void
test_errors(void **state)
{
	mkg_model *m = m4p_programmes();
	mkg_exit_simulation *s = NULL;
	mkg_exit_simulation_options o = MKG_EXIT_SIMULATION_OPTIONS_INIT;
	char *json = NULL;

	(void)state;
	o.date = "2012";
	assert_int_equal(mkg_exit_simulation_new(NULL, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_exit_simulation_new: argument 'out' is NULL");
	assert_int_equal(mkg_exit_simulation_new(&s, NULL, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_exit_simulation_new: argument 'model' is NULL");
	o.measure = (mkg_measure)-1;
	assert_int_equal(mkg_exit_simulation_new(&s, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "measure: unknown measure -1 (known: volume, value)");
	o.measure = MKG_MEASURE_VOLUME;
	o.version = 0;
	assert_int_equal(mkg_exit_simulation_new(&s, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_exit_simulation_new: unknown options version 0");
	assert_null(s);
	assert_int_equal(mkg_exit_simulation_options_init(&o, 2), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_exit_simulation_options_init: unknown version 2");
	assert_int_equal(mkg_exit_simulation_options_init(NULL, 1), MKG_EINVAL);
	assert_int_equal(mkg_exit_simulation_options_init(&o, MKG_EXIT_SIMULATION_OPTIONS_VERSION),
	                 MKG_OK);
	assert_int_equal(o.measure, MKG_MEASURE_VOLUME);
	assert_int_equal(o.split_by_region, 0);
	assert_null(o.date);
	assert_int_equal(mkg_exit_simulation_write_json(NULL, &json, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_exit_simulation_write_json: argument 's' is NULL");

	assert_string_equal(mkg_exit_outcome_name(MKG_EXIT_OUTCOME_STOPS), "stops");
	assert_string_equal(mkg_exit_outcome_name(MKG_EXIT_OUTCOME_TAKEN_OVER), "taken_over");
	assert_string_equal(mkg_exit_outcome_name(MKG_EXIT_OUTCOME_CONTINUES), "continues");
	assert_string_equal(mkg_exit_outcome_name(MKG_EXIT_OUTCOME_UNDATED), "undated");
	assert_null(mkg_exit_outcome_name((mkg_exit_outcome)4));
	mkg_exit_simulation_free(NULL);
	assert_null(mkg_exit_simulation_date(NULL));
	assert_int_equal(mkg_exit_simulation_record_count(NULL), 0);
	assert_null(mkg_exit_simulation_unsupported_at(NULL, 0));
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_end_of_2012),
		cmocka_unit_test(test_bare_year),
		cmocka_unit_test(test_boundary),
		cmocka_unit_test(test_before_every_end),
		cmocka_unit_test(test_only_through_buyer),
		cmocka_unit_test(test_reach),
		cmocka_unit_test(test_support_rules),
		cmocka_unit_test(test_support_by_function),
		cmocka_unit_test(test_no_facilitation),
		cmocka_unit_test(test_bad_dates),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
