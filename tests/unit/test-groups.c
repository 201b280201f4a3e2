/* Tests of membership groups (docs/analyses.md section 5): members, the
 * coalition what-if of their shares in each market (from the coalition
 * analysis), the share of the market's buyers that are members, and
 * supervision by a public agency.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

/*
 * maize 2010 (t):  f1 -> tA 100, f2 -> tB 200, f3 -> tC 100, f1 -> tB 100.
 *   sellers f1 200 (40%), f2 200 (40%), f3 100 (20%): HHI 1600 + 1600 + 400 = 3600
 *   buyers  tA 100 (20%), tB 300 (60%), tC 100 (20%): HHI 400 + 3600 + 400 = 4400
 * board (a marketing board): tA, tB (chair), supervised by dist (public agency).
 *   As one buyer: 80%, HHI after 6400 + 400 = 6800, delta 2 x 20 x 60 = 2400:
 *   presumed harmful.  2 of the 3 buyers are members.
 * assoc (an association): f1 (10 households), f2 (20), "supervised" by ngoX,
 *   an NGO, which is not a public agency.  As one seller: 80%, HHI after
 *   6800, delta 2 x 40 x 40 = 3200.  No member buys: 0 of 3 buyers.
 * idle: its only member, ngoX, does not trade: no markets.
 */
static mkg_model *
groups_model(void)
{
	return m4p_doc(
		"{\"id\": \"f1\", \"kind\": \"producer\", \"households\": 10}, "
		"{\"id\": \"f2\", \"kind\": \"producer\", \"households\": 20}, "
		"{\"id\": \"f3\", \"kind\": \"producer\"}, {\"id\": \"tA\", \"kind\": \"trader\"}, "
		"{\"id\": \"tB\", \"kind\": \"trader\"}, {\"id\": \"tC\", \"kind\": \"trader\"}, "
		"{\"id\": \"board\", \"kind\": \"marketing_board\"}, "
		"{\"id\": \"dist\", \"kind\": \"public_agency\"}, "
		"{\"id\": \"assoc\", \"kind\": \"association\"}, {\"id\": \"ngoX\", \"kind\": \"ngo\"}, "
		"{\"id\": \"idle\", \"kind\": \"association\"}",
		"{\"seller\": \"f1\", \"buyer\": \"tA\", \"commodity\": \"maize\", \"volume\": 100}, "
		"{\"seller\": \"f2\", \"buyer\": \"tB\", \"commodity\": \"maize\", \"volume\": 200}, "
		"{\"seller\": \"f3\", \"buyer\": \"tC\", \"commodity\": \"maize\", \"volume\": 100}, "
		"{\"seller\": \"f1\", \"buyer\": \"tB\", \"commodity\": \"maize\", \"volume\": 100}",
		NULL,
		"{\"group\": \"board\", \"member\": \"tB\", \"role\": \"chair\"}, "
		"{\"group\": \"board\", \"member\": \"dist\", \"role\": \"supervisor\"}, "
		"{\"group\": \"idle\", \"member\": \"ngoX\", \"role\": \"member\"}, "
		"{\"group\": \"assoc\", \"member\": \"f2\"}, "
		"{\"group\": \"assoc\", \"member\": \"ngoX\", \"role\": \"supervisor\"}, "
		"{\"group\": \"assoc\", \"member\": \"f1\"}, "
		"{\"group\": \"board\", \"member\": \"tA\", \"role\": \"member\"}");
}

static mkg_groups *
compute(const mkg_model *m)
{
	mkg_groups *g = NULL;

	if (mkg_groups_new(&g, m, NULL) != MKG_OK)
		fail_msg("mkg_groups_new: %s", mkg_error_message());
	return g;
}

static void
check_side(const mkg_coalition_market *s, mkg_side side, double share, double before,
           double after, int harmful)
{
	assert_non_null(s);
	assert_int_equal(s->side, side);
	assert_near(s->share, share);
	assert_near(s->hhi_before, before);
	assert_near(s->hhi_after, after);
	assert_near(s->delta, after - before);
	assert_int_equal(s->presumed_harmful, harmful);
}

static void
test_groups(void **state)
{
	mkg_model *m = groups_model();
	mkg_groups *g = compute(m);
	const mkg_group *row;
	const mkg_group_market *gm;

	(void)state;
	mkg_model_free(m); /* the result keeps its own copies */
	assert_int_equal(mkg_groups_count(g), 3);

	row = mkg_groups_at(g, 0);
	assert_string_equal(row->group, "assoc");
	assert_int_equal(row->kind, MKG_ACTOR_ASSOCIATION);
	assert_int_equal(row->member_count, 2);
	assert_string_equal(row->members[0], "f1");
	assert_string_equal(row->members[1], "f2");
	assert_int_equal(row->supervisor_count, 1);
	assert_string_equal(row->supervisors[0], "ngoX");
	assert_false(row->supervised);
	assert_int_equal(row->households, 30);
	assert_true(row->presumed_harmful);
	assert_int_equal(row->market_count, 1);
	gm = &row->markets[0];
	assert_string_equal(gm->commodity, "maize");
	assert_string_equal(gm->period, "2010");
	assert_null(gm->region);
	assert_int_equal(gm->service, 0);
	check_side(gm->seller, MKG_SIDE_SELLER, 0.8, 3600, 6800, 1);
	assert_null(gm->buyer);
	assert_int_equal(gm->buyers, 3);
	assert_int_equal(gm->member_buyers, 0);
	assert_near(gm->member_buyer_share, 0);

	row = mkg_groups_at(g, 1);
	assert_string_equal(row->group, "board");
	assert_int_equal(row->kind, MKG_ACTOR_MARKETING_BOARD);
	assert_int_equal(row->member_count, 2);
	assert_string_equal(row->members[0], "tA");
	assert_string_equal(row->members[1], "tB");
	assert_int_equal(row->supervisor_count, 1);
	assert_string_equal(row->supervisors[0], "dist");
	assert_true(row->supervised);
	assert_int_equal(row->households, 0);
	assert_true(row->presumed_harmful);
	assert_int_equal(row->market_count, 1);
	gm = &row->markets[0];
	assert_null(gm->seller);
	check_side(gm->buyer, MKG_SIDE_BUYER, 0.8, 4400, 6800, 1);
	assert_int_equal(gm->buyers, 3);
	assert_int_equal(gm->member_buyers, 2);
	assert_near(gm->member_buyer_share, 2.0 / 3);

	row = mkg_groups_at(g, 2);
	assert_string_equal(row->group, "idle");
	assert_int_equal(row->member_count, 1);
	assert_string_equal(row->members[0], "ngoX");
	assert_int_equal(row->supervisor_count, 0);
	assert_null(row->supervisors);
	assert_false(row->supervised);
	assert_false(row->presumed_harmful);
	assert_int_equal(row->market_count, 0);
	assert_null(row->markets);
	assert_null(mkg_groups_at(g, 3));
	mkg_groups_free(g);
}

/* The numbers are the coalition analysis's own: compare with it. */
static void
test_same_as_coalitions(void **state)
{
	mkg_model *m = groups_model();
	mkg_groups *g = compute(m);
	mkg_coalitions *c = NULL;

	(void)state;
	assert_int_equal(mkg_coalitions_new(&c, m, NULL), MKG_OK);
	assert_int_equal(mkg_coalitions_count(c), mkg_groups_count(g));
	for (size_t i = 0; i < mkg_groups_count(g); i++) {
		const mkg_group *row = mkg_groups_at(g, i);
		size_t k = 0;

		assert_string_equal(mkg_coalitions_group(c, i), row->group);
		for (size_t j = 0; j < row->market_count; j++) {
			const mkg_coalition_market *sides[2] = { row->markets[j].buyer,
			                                         row->markets[j].seller };
			for (int s = 0; s < 2; s++) {
				const mkg_coalition_market *want;

				if (sides[s] == NULL)
					continue;
				want = mkg_coalitions_market_at(c, i, k++);
				assert_int_equal(sides[s]->side, want->side);
				assert_near(sides[s]->hhi_after, want->hhi_after);
				assert_near(sides[s]->share, want->share);
			}
		}
		assert_int_equal(k, mkg_coalitions_market_count(c, i));
	}
	mkg_coalitions_free(c);
	mkg_groups_free(g);
	mkg_model_free(m);
}

static void
test_json(void **state)
{
	mkg_model *m = groups_model();
	mkg_groups *g = compute(m);
	char *json = NULL;

	(void)state;
	assert_int_equal(mkg_groups_write_json(g, &json, NULL), MKG_OK);
	assert_non_null(strstr(json,
		"  {\n"
		"    \"group\": \"board\",\n"
		"    \"kind\": \"marketing_board\",\n"
		"    \"members\": [\"tA\", \"tB\"],\n"
		"    \"supervisors\": [\"dist\"],\n"
		"    \"supervised\": true,\n"
		"    \"households\": 0,\n"
		"    \"presumed_harmful\": true,\n"
		"    \"markets\": [\n"
		"      {\"commodity\": \"maize\", \"level\": \"producer\", \"period\": \"2010\", "
		"\"region\": null, \"service\": false, \"seller\": null, \"buyer\": {\"share\": 0.8, "
		"\"hhi_before\": 4400, \"hhi_after\": 6800, \"delta\": 2400, \"fringe_share\": 0, "
		"\"presumed_harmful\": true}, \"buyers\": 3, \"member_buyers\": 2, "
		"\"member_buyer_share\": 0.6666666666666666}\n"
		"    ]\n"
		"  },\n"));
	assert_non_null(strstr(json,
		"    \"group\": \"idle\",\n"
		"    \"kind\": \"association\",\n"
		"    \"members\": [\"ngoX\"],\n"
		"    \"supervisors\": [],\n"
		"    \"supervised\": false,\n"
		"    \"households\": 0,\n"
		"    \"presumed_harmful\": false,\n"
		"    \"markets\": []\n"));
	mkg_free(json);
	mkg_groups_free(g);
	mkg_model_free(m);
}

static void
test_no_groups_and_errors(void **state)
{
	mkg_model *m = m4p_doc("{\"id\": \"a\", \"kind\": \"producer\"}", NULL, NULL, NULL);
	mkg_groups *g = NULL;
	mkg_groups_options o = MKG_GROUPS_OPTIONS_INIT;
	char *json = NULL;

	(void)state;
	g = compute(m);
	assert_int_equal(mkg_groups_count(g), 0);
	assert_int_equal(mkg_groups_write_json(g, &json, NULL), MKG_OK);
	assert_string_equal(json, "[]\n");
	mkg_free(json);
	mkg_groups_free(g);
	g = NULL;

	assert_int_equal(mkg_groups_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_groups_new: argument 'out' is NULL");
	assert_int_equal(mkg_groups_new(&g, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_groups_new: argument 'model' is NULL");
	o.version = 3;
	assert_int_equal(mkg_groups_new(&g, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_groups_new: unknown options version 3");
	o.version = MKG_GROUPS_OPTIONS_VERSION;
	o.measure = (mkg_measure)2;
	assert_int_equal(mkg_groups_new(&g, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "measure: unknown measure 2 (known: volume, value)");
	assert_null(g);
	assert_int_equal(mkg_groups_options_init(&o, 0), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_groups_options_init: unknown version 0");
	assert_int_equal(mkg_groups_options_init(&o, MKG_GROUPS_OPTIONS_VERSION), MKG_OK);
	assert_int_equal(o.measure, MKG_MEASURE_VOLUME);
	assert_int_equal(mkg_groups_write_json(NULL, &json, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_groups_write_json: argument 'g' is NULL");
	mkg_groups_free(NULL);
	assert_int_equal(mkg_groups_count(NULL), 0);
	assert_null(mkg_groups_at(NULL, 0));
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_same_as_coalitions),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_no_groups_and_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
