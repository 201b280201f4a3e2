/* Tests of the coalition what-if (docs/analyses.md section 1): HHI before
 * and after, delta, combined share and the 2023 presumption, for groups of
 * the memberships and for coalitions of the caller's.  Expected numbers are
 * worked out in the comments (shares in percent, HHI = sum of their squares).
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
 * maize 2010, T = 110:  sellers t1 40, t2 20, t3 20, agency 20, f3 10
 *                        buyers  mill 100, t2 10
 * beans 2010, T = 100:  sellers f1 70, f2 30; buyers mill 60, t1 40
 * Groups (inserted out of order): watchers = {agency as supervisor};
 * board = {t1 chair, t2, agency supervisor}; idle-group = {idle}.
 */
static mkg_model *
board_model(void)
{
	mkg_model *m = mf_model("board");

	mf_tx(m, "t1", "mill", "maize", "2010", 40, MF_NONE);
	mf_tx(m, "t2", "mill", "maize", "2010", 20, MF_NONE);
	mf_tx(m, "t3", "mill", "maize", "2010", 20, MF_NONE);
	mf_tx(m, "agency", "mill", "maize", "2010", 20, MF_NONE);
	mf_tx(m, "f3", "t2", "maize", "2010", 10, MF_NONE);
	mf_tx(m, "f1", "t1", "beans", "2010", 10, MF_NONE);
	mf_tx(m, "f2", "t1", "beans", "2010", 30, MF_NONE);
	mf_tx(m, "f1", "mill", "beans", "2010", 60, MF_NONE);
	mf_member(m, "watchers", "agency", "supervisor");
	mf_member(m, "board", "t2", NULL);
	mf_member(m, "board", "agency", "supervisor");
	mf_member(m, "board", "t1", "chair");
	mf_member(m, "idle-group", "idle", "member");
	return m;
}

static mkg_coalitions *
compute(const mkg_model *m, const char *const *actors, size_t n, int no_groups)
{
	mkg_coalitions_options o = MKG_COALITIONS_OPTIONS_INIT;
	mkg_coalitions *c = NULL;

	o.actors = actors;
	o.actor_count = n;
	o.no_groups = no_groups;
	if (mkg_coalitions_new(&c, m, &o) != MKG_OK)
		fail_msg("mkg_coalitions_new: %s", mkg_error_message());
	return c;
}

static void
check_row(const mkg_coalition_market *r, const char *commodity, mkg_side side, double share,
          double before, double after, double delta, int harmful)
{
	assert_non_null(r);
	assert_string_equal(r->commodity, commodity);
	assert_int_equal(r->side, side);
	mf_assert_near(r->share, share, 1e-12);
	mf_assert_near(r->hhi_before, before, 1e-9);
	mf_assert_near(r->hhi_after, after, 1e-9);
	mf_assert_near(r->delta, delta, 1e-9);
	mf_assert_near(r->hhi_after - r->hhi_before, r->delta, 1e-9);
	assert_int_equal(r->presumed_harmful, harmful);
}

/* Groups, sorted by id, members by id, supervisors left out.
 * board = {t1, t2}:
 *  - beans buyer: t1 alone (40%): delta 0, HHI 3600 + 1600 = 5200 both;
 *  - maize buyer: t2 alone (10/110): delta 0, HHI 10^4 (100^2 + 10^2) / 110^2
 *    = 8347.107438016529;
 *  - maize seller: t1 40 + t2 20 = 60/110 = 0.5454545454545454;
 *    before 10^4 x 2900 / 12100 = 2396.694214876033,
 *    delta 10^4 x (60^2 - 40^2 - 20^2) / 12100 = 10^4 x 1600 / 12100 = 1322.314049586777,
 *    after 10^4 x 4500 / 12100 = 3719.008264462810: presumed harmful.
 *  Rows by commodity then side name: beans/buyer, maize/buyer, maize/seller.
 *  Without the supervisor rule agency's 20 would be in the sum. */
static void
test_groups(void **state)
{
	mkg_model *m = board_model();
	mkg_coalitions *c = compute(m, NULL, 0, 0);
	(void)state;

	assert_int_equal(mkg_coalitions_count(c), 3);
	assert_string_equal(mkg_coalitions_group(c, 0), "board");
	assert_string_equal(mkg_coalitions_group(c, 1), "idle-group");
	assert_string_equal(mkg_coalitions_group(c, 2), "watchers");

	assert_int_equal(mkg_coalitions_member_count(c, 0), 2);
	assert_string_equal(mkg_coalitions_member_at(c, 0, 0), "t1");
	assert_string_equal(mkg_coalitions_member_at(c, 0, 1), "t2");
	assert_null(mkg_coalitions_member_at(c, 0, 2));
	assert_int_equal(mkg_coalitions_market_count(c, 0), 3);
	check_row(mkg_coalitions_market_at(c, 0, 0), "beans", MKG_SIDE_BUYER, 0.4, 5200, 5200, 0, 0);
	check_row(mkg_coalitions_market_at(c, 0, 1), "maize", MKG_SIDE_BUYER, 10.0 / 110.0,
	          8347.107438016529, 8347.107438016529, 0, 0);
	check_row(mkg_coalitions_market_at(c, 0, 2), "maize", MKG_SIDE_SELLER, 60.0 / 110.0,
	          2396.694214876033, 3719.008264462810, 1322.314049586777, 1);
	assert_string_equal(mkg_coalitions_market_at(c, 0, 2)->period, "2010");
	assert_null(mkg_coalitions_market_at(c, 0, 2)->region);
	assert_false(mkg_coalitions_market_at(c, 0, 2)->service);
	assert_null(mkg_coalitions_market_at(c, 0, 3));
	assert_true(mkg_coalitions_presumed_harmful(c, 0));

	/* a group whose member does not trade: listed, no markets */
	assert_int_equal(mkg_coalitions_member_count(c, 1), 1);
	assert_string_equal(mkg_coalitions_member_at(c, 1, 0), "idle");
	assert_int_equal(mkg_coalitions_market_count(c, 1), 0);
	assert_false(mkg_coalitions_presumed_harmful(c, 1));
	/* a group of supervisors only: no members, no markets */
	assert_int_equal(mkg_coalitions_member_count(c, 2), 0);
	assert_int_equal(mkg_coalitions_market_count(c, 2), 0);

	/* out of range */
	assert_null(mkg_coalitions_group(c, 3));
	assert_int_equal(mkg_coalitions_member_count(c, 3), 0);
	assert_int_equal(mkg_coalitions_market_count(c, 3), 0);
	assert_null(mkg_coalitions_market_at(c, 3, 0));
	assert_false(mkg_coalitions_presumed_harmful(c, 3));
	mkg_coalitions_free(c);
	mkg_model_free(m);
}

/* A coalition of one member changes nothing: delta exactly 0. */
static void
test_coalition_of_one(void **state)
{
	static const char *const one[] = { "t3", "t3" }; /* a duplicate counts once */
	mkg_model *m = board_model();
	mkg_coalitions *c = compute(m, one, 2, 1);
	const mkg_coalition_market *r;
	(void)state;

	assert_int_equal(mkg_coalitions_count(c), 1);
	assert_null(mkg_coalitions_group(c, 0));
	assert_int_equal(mkg_coalitions_member_count(c, 0), 1);
	assert_int_equal(mkg_coalitions_market_count(c, 0), 1);
	r = mkg_coalitions_market_at(c, 0, 0);
	/* t3 20 of 110 */
	check_row(r, "maize", MKG_SIDE_SELLER, 20.0 / 110.0, 2396.694214876033, 2396.694214876033,
	          0, 0);
	assert_true(r->delta == 0.0);
	assert_true(r->hhi_after == r->hhi_before);
	mkg_coalitions_free(c);
	mkg_model_free(m);
}

/* Every seller of maize as one firm: share 1, HHI after 10000,
 * delta 10000 - 2396.694214876033 = 7603.305785123967.  The same actors
 * also appear alone on the buyer sides (t1 beans, t2 maize): delta 0. */
static void
test_coalition_of_all(void **state)
{
	static const char *const all[] = { "t1", "t2", "t3", "agency", "f3" };
	mkg_model *m = board_model();
	mkg_coalitions *c = compute(m, all, 5, 0);
	(void)state;

	/* the caller's coalition comes first, before the three groups */
	assert_int_equal(mkg_coalitions_count(c), 4);
	assert_null(mkg_coalitions_group(c, 0));
	assert_string_equal(mkg_coalitions_group(c, 1), "board");
	assert_int_equal(mkg_coalitions_member_count(c, 0), 5);
	/* members in byte order */
	assert_string_equal(mkg_coalitions_member_at(c, 0, 0), "agency");
	assert_string_equal(mkg_coalitions_member_at(c, 0, 1), "f3");
	assert_string_equal(mkg_coalitions_member_at(c, 0, 4), "t3");
	assert_int_equal(mkg_coalitions_market_count(c, 0), 3);
	check_row(mkg_coalitions_market_at(c, 0, 0), "beans", MKG_SIDE_BUYER, 0.4, 5200, 5200, 0, 0);
	check_row(mkg_coalitions_market_at(c, 0, 1), "maize", MKG_SIDE_BUYER, 10.0 / 110.0,
	          8347.107438016529, 8347.107438016529, 0, 0);
	check_row(mkg_coalitions_market_at(c, 0, 2), "maize", MKG_SIDE_SELLER, 1.0, 2396.694214876033,
	          10000.0, 7603.305785123967, 1);
	mkg_coalitions_free(c);
	mkg_model_free(m);
}

/*
 * The 2023 presumption at its boundaries; coalition {m1, m2}:
 *  a: m1 10, m2 5, o 85: before 100 + 25 + 7225 = 7350, delta 2 x 10 x 5 = 100
 *     (not above 100), after 15^2 + 85^2 = 7450: not harmful;
 *  b: m1 10, m2 6, o 84: before 100 + 36 + 7056 = 7192, delta 120, after
 *     16^2 + 84^2 = 7312: harmful;
 *  c: m1 20, m2 11, 69 firms of 1: before 400 + 121 + 69 = 590, delta 440,
 *     after 31^2 + 69 = 1030 (not above 1800) but share 31% > 30%: harmful;
 *  d: m1 15, m2 15, 70 firms of 1: before 225 + 225 + 70 = 520, delta 450,
 *     after 900 + 70 = 970 and share exactly 30% (not above): not harmful.
 */
static void
test_presumption_boundaries(void **state)
{
	static const char *const pair[] = { "m2", "m1" };
	mkg_model *m = mf_model("presumption");
	mkg_coalitions *c;
	(void)state;

	mf_tx(m, "m1", "buyer", "a", "p", 10, MF_NONE);
	mf_tx(m, "m2", "buyer", "a", "p", 5, MF_NONE);
	mf_tx(m, "o", "buyer", "a", "p", 85, MF_NONE);
	mf_tx(m, "m1", "buyer", "b", "p", 10, MF_NONE);
	mf_tx(m, "m2", "buyer", "b", "p", 6, MF_NONE);
	mf_tx(m, "o", "buyer", "b", "p", 84, MF_NONE);
	mf_tx(m, "m1", "buyer", "c", "p", 20, MF_NONE);
	mf_tx(m, "m2", "buyer", "c", "p", 11, MF_NONE);
	mf_tx(m, "m1", "buyer", "d", "p", 15, MF_NONE);
	mf_tx(m, "m2", "buyer", "d", "p", 15, MF_NONE);
	for (int i = 0; i < 70; i++) {
		char id[16];
		g_snprintf(id, sizeof id, "small-%02d", i);
		if (i < 69)
			mf_tx(m, id, "buyer", "c", "p", 1, MF_NONE);
		mf_tx(m, id, "buyer", "d", "p", 1, MF_NONE);
	}
	c = compute(m, pair, 2, 0);
	assert_int_equal(mkg_coalitions_count(c), 1);
	assert_int_equal(mkg_coalitions_market_count(c, 0), 4);
	check_row(mkg_coalitions_market_at(c, 0, 0), "a", MKG_SIDE_SELLER, 0.15, 7350, 7450, 100, 0);
	check_row(mkg_coalitions_market_at(c, 0, 1), "b", MKG_SIDE_SELLER, 0.16, 7192, 7312, 120, 1);
	check_row(mkg_coalitions_market_at(c, 0, 2), "c", MKG_SIDE_SELLER, 0.31, 590, 1030, 440, 1);
	check_row(mkg_coalitions_market_at(c, 0, 3), "d", MKG_SIDE_SELLER, 0.30, 520, 970, 450, 0);
	assert_true(mkg_coalitions_presumed_harmful(c, 0));
	mkg_coalitions_free(c);
	mkg_model_free(m);
}

/* The value measure and the region split reach the coalition markets. */
static void
test_options(void **state)
{
	static const char *const pair[] = { "x", "y" };
	mkg_model *m = mf_model("options");
	mkg_coalitions_options o = MKG_COALITIONS_OPTIONS_INIT;
	mkg_coalitions *c = NULL;
	(void)state;

	mf_actor(m, "x", MKG_ACTOR_TRADER, "East");
	mf_actor(m, "y", MKG_ACTOR_TRADER, "West");
	mf_tx(m, "x", "z", "tea", "2020", 1, 30);
	mf_tx(m, "y", "z", "tea", "2020", 3, 70);
	o.actors = pair;
	o.actor_count = 2;
	o.measure = MKG_MEASURE_VALUE;
	assert_int_equal(mkg_coalitions_new(&c, m, &o), MKG_OK);
	/* by value: 30 and 70 of 100: before 900 + 4900 = 5800, delta 4200 */
	check_row(mkg_coalitions_market_at(c, 0, 0), "tea", MKG_SIDE_SELLER, 1.0, 5800, 10000, 4200, 1);
	mkg_coalitions_free(c);

	o.split_by_region = 1;
	assert_int_equal(mkg_coalitions_new(&c, m, &o), MKG_OK);
	/* two markets of one seller each: delta 0 in both */
	assert_int_equal(mkg_coalitions_market_count(c, 0), 2);
	assert_string_equal(mkg_coalitions_market_at(c, 0, 0)->region, "East");
	check_row(mkg_coalitions_market_at(c, 0, 0), "tea", MKG_SIDE_SELLER, 1.0, 10000, 10000, 0, 0);
	assert_string_equal(mkg_coalitions_market_at(c, 0, 1)->region, "West");
	mkg_coalitions_free(c);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	static const char *const unknown[] = { "t1", "t9" };
	static const char *const with_null[] = { "t1", NULL };
	mkg_model *m = board_model();
	mkg_coalitions_options o = MKG_COALITIONS_OPTIONS_INIT;
	mkg_coalitions *c = (mkg_coalitions *)(void *)&o; /* a sentinel */
	mkg_coalitions *sentinel = c;
	(void)state;

	o.actors = unknown;
	o.actor_count = 2;
	assert_int_equal(mkg_coalitions_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "coalition: unknown actor \"t9\"");
	{
		/* escaped and cut (docs/format.md, section 4) */
		static const char *const esc[] = { "t1", "t\x1b]0;\a\xc2\x9b\xe2\x81\xa6\"" };

		o.actors = esc;
		assert_int_equal(mkg_coalitions_new(&c, m, &o), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "coalition: unknown actor "
		                    "\"t\\u001b]0;\\u0007\\u009b\\u2066\\\"\"");
	}
	o.actors = with_null;
	assert_int_equal(mkg_coalitions_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "coalition: id 1 is NULL");
	o.actors = NULL;
	assert_int_equal(mkg_coalitions_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "coalition: 2 ids announced but the list is NULL");
	o.actor_count = 0;
	o.measure = (mkg_measure)-1;
	assert_int_equal(mkg_coalitions_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "measure: unknown measure -1 (known: volume, value)");
	o.measure = MKG_MEASURE_VOLUME;
	o.version = 0;
	assert_int_equal(mkg_coalitions_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_coalitions_new: unknown options version 0");
	assert_int_equal(mkg_coalitions_new(&c, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_coalitions_new: argument 'model' is NULL");
	assert_ptr_equal(c, sentinel);
	assert_int_equal(mkg_coalitions_options_init(&o, 2), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_coalitions_options_init: unknown version 2");
	assert_int_equal(mkg_coalitions_options_init(&o, MKG_COALITIONS_OPTIONS_VERSION), MKG_OK);
	assert_null(o.actors);
	assert_int_equal(o.no_groups, 0);
	assert_int_equal(mkg_coalitions_write_json(NULL, NULL, NULL), MKG_EINVAL);
	assert_int_equal(mkg_coalitions_count(NULL), 0);
	mkg_coalitions_free(NULL);
	mkg_model_free(m);
}

/* The JSON, whole, for the caller's coalition {t3, t1} on the board model
 * without its groups (t1 40 + t3 20 of maize's 110: delta
 * 10^4 x 1600 / 12100, as for the board; t1 alone on the beans buyer side).
 * The result outlives the model. */
static void
test_json(void **state)
{
	static const char *const pair[] = { "t3", "t1" };
	static const char expected[] =
		"[\n"
		"  {\n"
		"    \"group\": null,\n"
		"    \"members\": [\"t1\", \"t3\"],\n"
		"    \"presumed_harmful\": true,\n"
		"    \"markets\": [\n"
		"      {\"commodity\": \"beans\", \"level\": \"other\", \"period\": \"2010\", "
		"\"region\": null, "
		"\"service\": false, \"side\": \"buyer\", \"share\": 0.4, \"hhi_before\": 5200, "
		"\"hhi_after\": 5200, \"delta\": 0, \"fringe_share\": 0, \"presumed_harmful\": false},\n"
		"      {\"commodity\": \"maize\", \"level\": \"other\", \"period\": \"2010\", "
		"\"region\": null, "
		"\"service\": false, \"side\": \"seller\", \"share\": 0.5454545454545454, "
		"\"hhi_before\": 2396.694214876033, \"hhi_after\": 3719.00826446281, "
		"\"delta\": 1322.314049586777, \"fringe_share\": 0, \"presumed_harmful\": true}\n"
		"    ]\n"
		"  }\n"
		"]\n";
	mkg_model *m = board_model();
	mkg_coalitions *c = compute(m, pair, 2, 1);
	char *json = NULL;
	(void)state;

	mkg_model_free(m);
	assert_int_equal(mkg_coalitions_write_json(c, &json, NULL), MKG_OK);
	assert_string_equal(json, expected);
	mkg_free(json);
	mkg_coalitions_free(c);
}

/*
 * Farm gate of 120: p sells 60 to t1, 40 to t2 (4 firms), 20 to the
 * consumers (an end market without firms: a fringe).  Buyer HHI =
 * 10^4 (1/4 + (1/9)/4) = 2777.78.  {t1, t2, consumers}: the fringe's 1/6
 * is left out; share 5/6, delta 10^4 ((5/6)^2 - 10/36) = 4166.67, after
 * 10^4 x 25/36 = 6944.44: harmful.  {consumers} alone: share 0, delta 0.
 * {t2}: its 4 firms as one: delta 10^4 (1/9 - 1/36) = 833.33, share 1/3:
 * harmful.
 */
static void
test_fringe_and_firms(void **state)
{
	static const char *const all[] = { "t1", "t2", "consumers" };
	static const char *const fringe[] = { "consumers" };
	static const char *const many[] = { "t2" };
	mkg_model *m = mf_model(NULL);
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
	const mkg_coalition_market *row;
	mkg_coalitions *c;
	(void)state;

	mf_actor(m, "p", MKG_ACTOR_PRODUCER, NULL);
	mf_actor(m, "t1", MKG_ACTOR_TRADER, NULL);
	mf_actor(m, "consumers", MKG_ACTOR_END_MARKET, NULL);
	d.id = "t2";
	d.kind = MKG_ACTOR_TRADER;
	d.firms = 4;
	assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_OK);
	mf_tx(m, "p", "t1", "maize", "2010", 60, MF_NONE);
	mf_tx(m, "p", "t2", "maize", "2010", 40, MF_NONE);
	mf_tx(m, "p", "consumers", "maize", "2010", 20, MF_NONE);

	c = compute(m, all, 3, 1);
	assert_int_equal(mkg_coalitions_market_count(c, 0), 1);
	row = mkg_coalitions_market_at(c, 0, 0);
	assert_string_equal(row->level, "producer");
	assert_int_equal(row->side, MKG_SIDE_BUYER);
	mf_assert_near(row->share, 5.0 / 6.0, 1e-15);
	mf_assert_near(row->fringe_share, 1.0 / 6.0, 1e-15);
	mf_assert_near(row->hhi_before, 1e4 * 10.0 / 36.0, 1e-9);
	mf_assert_near(row->delta, 1e4 * 15.0 / 36.0, 1e-9);
	mf_assert_near(row->hhi_after, 1e4 * 25.0 / 36.0, 1e-9);
	assert_true(row->presumed_harmful);
	mkg_coalitions_free(c);

	c = compute(m, fringe, 1, 1);
	row = mkg_coalitions_market_at(c, 0, 0);
	mf_assert_near(row->share, 0.0, 0);
	mf_assert_near(row->fringe_share, 1.0 / 6.0, 1e-15);
	mf_assert_near(row->delta, 0.0, 0);
	assert_false(mkg_coalitions_presumed_harmful(c, 0));
	mkg_coalitions_free(c);

	c = compute(m, many, 1, 1);
	row = mkg_coalitions_market_at(c, 0, 0);
	mf_assert_near(row->share, 1.0 / 3.0, 1e-15);
	mf_assert_near(row->delta, 1e4 * 3.0 / 36.0, 1e-9);
	mf_assert_near(row->hhi_after, 1e4 * 13.0 / 36.0, 1e-9);
	assert_true(row->presumed_harmful);
	mkg_coalitions_free(c);
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_coalition_of_one),
		cmocka_unit_test(test_coalition_of_all),
		cmocka_unit_test(test_presumption_boundaries),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_fringe_and_firms),
	};

	return cmocka_run_group_tests_name("coalition", tests, NULL, NULL);
}
