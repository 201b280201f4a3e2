/* Tests of the analysis report (docs/report.md): its JSON, whole, for a
 * small model; the options it echoes; its errors; the text view.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "market-fixture.h"

/* a (named "Alpha farm") sells 3 and c sells 1 of maize 2010 to b; group g
 * has member a and supervisor gov, neither g nor gov trades. */
static mkg_model *
tiny_model(void)
{
	mkg_model *m = mf_model("tiny");

	assert_int_equal(mkg_model_set_volume_unit(m, "t"), MKG_OK);
	mf_actor_full(m, "a", MKG_ACTOR_PRODUCER, NULL, "Alpha farm");
	mf_actor(m, "b", MKG_ACTOR_TRADER, NULL);
	mf_actor(m, "c", MKG_ACTOR_PRODUCER, NULL);
	mf_actor(m, "g", MKG_ACTOR_ASSOCIATION, NULL);
	mf_actor(m, "gov", MKG_ACTOR_PUBLIC_AGENCY, NULL);
	mf_tx(m, "a", "b", "maize", "2010", 3, MF_NONE);
	mf_tx(m, "c", "b", "maize", "2010", 1, MF_NONE);
	mf_member(m, "g", "a", "member");
	mf_member(m, "g", "gov", "supervisor");
	return m;
}

static mkg_report *
report_of(const mkg_model *m, const mkg_report_options *o)
{
	mkg_report *r = NULL;

	if (mkg_report_new(&r, m, o) != MKG_OK)
		fail_msg("mkg_report_new: %s", mkg_error_message());
	return r;
}

static char *
json_of(const mkg_report *r)
{
	char *json = NULL;
	size_t len = 0;

	assert_int_equal(mkg_report_write_json(r, &json, &len), MKG_OK);
	assert_int_equal(len, strlen(json));
	return json;
}

static char *
text_of(const mkg_report *r)
{
	char *text = NULL;
	size_t len = 0;

	assert_int_equal(mkg_report_write_text(r, &text, &len), MKG_OK);
	assert_int_equal(len, strlen(text));
	return text;
}

/*
 * The whole report of the tiny model, default options.
 * Sellers: a 0.75, c 0.25: HHI 5625 + 625 = 6250, normalised 0.25, effective
 * 1.6; buyer b alone: 10000.  Group g = {a} (gov supervises): maize seller
 * side, share 0.75, delta 0.  Dependency: a and c sell all to b; b buys
 * 0.75 from a; pairs (c, b) 1 - 0.25 = 0.75 before (a, b) 1 - 0.75 = 0.25.
 */
static void
test_json_whole(void **state)
{
	static const char expected[] =
		"{\n"
		"  \"report\": \"marketgraph\",\n"
		"  \"version\": 1,\n"
		"  \"model\": {\"name\": \"tiny\", \"actors\": 5, \"transactions\": 2, "
		"\"facilitation\": 0, \"memberships\": 2},\n"
		"  \"options\": {\"measure\": \"volume\", \"thresholds\": \"us2023\", "
		"\"split_by_region\": false, \"region_split\": \"none\", \"levels\": \"separate\", "
		"\"exit_date\": null, \"coalition\": null, \"by_tag\": null},\n"
		"  \"concentration\": [\n"
		"    {\n"
		"      \"commodity\": \"maize\",\n"
		"      \"level\": \"producer\",\n"
		"      \"period\": \"2010\",\n"
		"      \"region\": null,\n"
		"      \"service\": false,\n"
		"      \"transactions\": 2,\n"
		"      \"excluded_transactions\": 0,\n"
		"      \"seller\": {\n"
		"        \"total\": 4,\n"
		"        \"firms\": 2,\n"
		"        \"actors\": 2,\n"
		"        \"fringe_share\": 0,\n"
		"        \"hhi\": 6250,\n"
		"        \"hhi_normalized\": 0.25,\n"
		"        \"cr1\": 0.75,\n"
		"        \"cr4\": 1,\n"
		"        \"effective_firms\": 1.6,\n"
		"        \"class\": \"highly_concentrated\",\n"
		"        \"shares\": [\n"
		"          {\"actor\": \"a\", \"share\": 0.75, \"firms\": 1, \"fringe\": false},\n"
		"          {\"actor\": \"c\", \"share\": 0.25, \"firms\": 1, \"fringe\": false}\n"
		"        ]\n"
		"      },\n"
		"      \"buyer\": {\n"
		"        \"total\": 4,\n"
		"        \"firms\": 1,\n"
		"        \"actors\": 1,\n"
		"        \"fringe_share\": 0,\n"
		"        \"hhi\": 10000,\n"
		"        \"hhi_normalized\": 1,\n"
		"        \"cr1\": 1,\n"
		"        \"cr4\": 1,\n"
		"        \"effective_firms\": 1,\n"
		"        \"class\": \"highly_concentrated\",\n"
		"        \"shares\": [\n"
		"          {\"actor\": \"b\", \"share\": 1, \"firms\": 1, \"fringe\": false}\n"
		"        ]\n"
		"      }\n"
		"    }\n"
		"  ],\n"
		"  \"coalitions\": [\n"
		"    {\n"
		"      \"group\": \"g\",\n"
		"      \"members\": [\"a\"],\n"
		"      \"presumed_harmful\": false,\n"
		"      \"markets\": [\n"
		"        {\"commodity\": \"maize\", \"level\": \"producer\", \"period\": \"2010\", "
		"\"region\": null, \"service\": false, \"side\": \"seller\", \"share\": 0.75, "
		"\"hhi_before\": 6250, \"hhi_after\": 6250, \"delta\": 0, \"fringe_share\": 0, "
		"\"presumed_harmful\": false}\n"
		"      ]\n"
		"    }\n"
		"  ],\n"
		"  \"dependency\": {\n"
		"    \"excluded_transactions\": 0,\n"
		"    \"actors\": [\n"
		"      {\"actor\": \"a\", \"top_buyer\": \"b\", \"sales_share\": 1, "
		"\"top_supplier\": null, \"purchase_share\": null, \"sales\": 3, \"purchases\": 0},\n"
		"      {\"actor\": \"b\", \"top_buyer\": null, \"sales_share\": null, "
		"\"top_supplier\": \"a\", \"purchase_share\": 0.75, \"sales\": 0, \"purchases\": 4},\n"
		"      {\"actor\": \"c\", \"top_buyer\": \"b\", \"sales_share\": 1, "
		"\"top_supplier\": null, \"purchase_share\": null, \"sales\": 1, \"purchases\": 0}\n"
		"    ],\n"
		"    \"pairs\": [\n"
		"      {\"seller\": \"c\", \"buyer\": \"b\", \"seller_dependency\": 1, "
		"\"buyer_dependency\": 0.25, \"asymmetry\": 0.75, \"amount\": 1, "
		"\"level\": \"producer\"},\n"
		"      {\"seller\": \"a\", \"buyer\": \"b\", \"seller_dependency\": 1, "
		"\"buyer_dependency\": 0.75, \"asymmetry\": 0.25, \"amount\": 3, "
		"\"level\": \"producer\"}\n"
		"    ]\n"
		"  }";
	mkg_model *m = tiny_model();
	mkg_report *r = report_of(m, NULL);
	char *json, *again;
	(void)state;

	mkg_model_free(m); /* the report holds copies */
	json = json_of(r);
	/* sections of other analyses may follow dependency */
	assert_true(strlen(json) > strlen(expected));
	if (strncmp(json, expected, strlen(expected)) != 0)
		fail_msg("report JSON:\n%s\nexpected it to start with:\n%s", json, expected);
	assert_true(strcmp(json + strlen(expected), "\n}\n") == 0 ||
	            strncmp(json + strlen(expected), ",\n  \"", 5) == 0);
	again = json_of(r);
	assert_string_equal(json, again);
	mkg_free(json);
	mkg_free(again);
	mkg_report_free(r);
}

/* Options are echoed as used: the coalition deduplicated, in the caller's
 * order; the threshold set, the measure and the region split reach the
 * sections. */
static void
test_options(void **state)
{
	static const char *const coalition[] = { "c", "a", "c" };
	mkg_model *m = tiny_model();
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	mkg_report *r;
	char *json;
	(void)state;

	o.thresholds = "us2010";
	o.split_by_region = 1;
	o.measure = MKG_MEASURE_VALUE;
	o.exit_date = "2012-06";
	o.coalition = coalition;
	o.coalition_count = 3;
	r = report_of(m, &o);
	json = json_of(r);
	assert_non_null(strstr(json, "  \"options\": {\"measure\": \"value\", \"thresholds\": "
	                             "\"us2010\", \"split_by_region\": true, \"region_split\": "
	                             "\"seller\", \"levels\": \"separate\", \"exit_date\": "
	                             "\"2012-06\", \"coalition\": [\"c\", \"a\"], "
	                             "\"by_tag\": null},\n"));
	/* no transaction has a value: one empty market with both left out */
	assert_non_null(strstr(json, "\"transactions\": 0,\n      \"excluded_transactions\": 2,"));
	/* the caller's coalition comes first, without a group, members sorted */
	assert_non_null(strstr(json, "    {\n      \"group\": null,\n      \"members\": [\"a\", "
	                             "\"c\"],\n      \"presumed_harmful\": false,\n      "
	                             "\"markets\": []\n    },\n"));
	assert_non_null(strstr(json, "\"dependency\": {\n    \"excluded_transactions\": 2,"));
	mkg_free(json);
	mkg_report_free(r);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	static const char *const unknown[] = { "a", "zz" };
	mkg_model *m = tiny_model();
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	mkg_report *r = (mkg_report *)(void *)&o; /* a sentinel */
	mkg_report *sentinel = r;
	char *s = NULL;
	(void)state;

	assert_int_equal(mkg_report_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_new: argument 'out' is NULL");
	assert_int_equal(mkg_report_new(&r, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_new: argument 'model' is NULL");
	o.thresholds = "uk2021";
	assert_int_equal(mkg_report_new(&r, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "thresholds: unknown threshold set \"uk2021\" (known: us2023, us2010, "
	                    "us1992, eu2004)");
	o.thresholds = NULL;
	o.coalition = unknown;
	o.coalition_count = 2;
	assert_int_equal(mkg_report_new(&r, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "coalition: unknown actor \"zz\"");
	o.coalition = NULL;
	assert_int_equal(mkg_report_new(&r, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "coalition: 2 ids announced but the list is NULL");
	o.coalition_count = 0;
	o.exit_date = "2012-13";
	assert_int_equal(mkg_report_new(&r, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "exit_date: \"2012-13\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
	o.exit_date = NULL;
	o.measure = (mkg_measure)9;
	assert_int_equal(mkg_report_new(&r, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "measure: unknown measure 9 (known: volume, value)");
	o.measure = MKG_MEASURE_VOLUME;
	o.version = 5;
	assert_int_equal(mkg_report_new(&r, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_new: unknown options version 5");
	assert_ptr_equal(r, sentinel);

	assert_int_equal(mkg_report_options_init(&o, 2), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_options_init: unknown version 2");
	assert_int_equal(mkg_report_options_init(&o, MKG_REPORT_OPTIONS_VERSION), MKG_OK);
	assert_int_equal(o.version, MKG_REPORT_OPTIONS_VERSION);
	assert_null(o.thresholds);
	assert_null(o.coalition);
	assert_int_equal(o.channels, 0);
	assert_int_equal(mkg_report_write_json(NULL, &s, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_write_json: argument 'report' is NULL");
	assert_int_equal(mkg_report_write_text(NULL, &s, NULL), MKG_EINVAL);
	assert_null(s);
	mkg_report_free(NULL);
	mkg_model_free(m);
}

/* The text view: the summary first (a farm gate bought by b alone: HHI
 * 10000; both producers sell everything to b), then the options and the
 * market lines; classes in words; firms named.  Sellers a 3 t, c 1 t:
 * HHI 75^2 + 25^2 = 6250, effective firms 10000 / 6250 = 1.6, normalised
 * (0.625 - 0.5) / (1 - 0.5) = 0.25.  With g = {a, c} the maize sellers
 * become one firm: share 1, HHI 6250 -> 10000 (+3750). */
static void
test_text(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	mkg_report *r;
	char *text;
	const char *summary, *tables, *row;
	(void)state;

	r = report_of(m, NULL);
	text = text_of(r);
	assert_non_null(strstr(text, "Market analysis: tiny\n"
	                             "Farm gate, maize 2010: buyer HHI 10,000, highly concentrated "
	                             "(above 1,800: 2023 US Merger Guidelines); b buys 100%\n"
	                             "No group presumed harmful acting as one firm (2023 US Merger "
	                             "Guidelines; 1 group tested)\n"
	                             "Producers selling half or more to one buyer: 2 of 2 (4 t, 100% "
	                             "of producers' sales); all 2 to b\n"));
	assert_non_null(strstr(text, "maize, farm gate, period 2010: 4 t\n"
	                             "  sellers: highly concentrated, HHI 6,250, 2 firms; largest a "
	                             "(Alpha farm) 75.0%, CR4 100%\n"));
	assert_null(strstr(text, "Sellers (monopoly side)"));
	mkg_free(text);
	mkg_report_free(r);

	/* the long form: the share tables */
	o.detail = 1;
	r = report_of(m, &o);
	text = text_of(r);
	assert_non_null(strstr(text, "maize, farm gate, period 2010\n"
	                             "  Sellers (monopoly side): highly concentrated, HHI 6,250, "
	                             "2 firms, total 4 t\n"));
	assert_non_null(strstr(text, "       75.0%  a (Alpha farm)\n"));
	assert_non_null(strstr(text, "    CR1 75.0%, CR4 100%, effective number of firms 1.6, "
	                             "normalised HHI 0.25\n"));
	mkg_free(text);
	mkg_report_free(r);

	mf_member(m, "g", "c", NULL);
	r = report_of(m, NULL);
	text = text_of(r);
	summary = strstr(text, "\nPresumed harmful as one firm (2023 US Merger Guidelines): g "
	                       "(2 members), maize 2010 farm-gate sellers 100%, HHI 6,250 -> "
	                       "10,000\n");
	tables = strstr(text, "Concentration by market\n");
	row = strstr(text, "  group g (2 members: a, c): presumed harmful\n"
	                   "    maize, farm gate, period 2010, sellers: combined share 100%, "
	                   "HHI 6,250 -> 10,000 (+3,750)  PRESUMED HARMFUL\n");
	assert_non_null(summary);
	assert_non_null(tables);
	assert_non_null(row);
	assert_true(summary < tables && tables < row);
	/* each coalition once */
	assert_null(strstr(row + strlen("  group g"), "group g (2 members"));
	mkg_free(text);
	mkg_report_free(r);
	mkg_model_free(m);
}

/* A model without transactions still gives every section, empty. */
static void
test_empty_model(void **state)
{
	mkg_model *m = mf_model(NULL);
	mkg_report *r = report_of(m, NULL);
	char *json = json_of(r), *text = text_of(r);
	(void)state;

	assert_non_null(strstr(json, "\"model\": {\"name\": null, \"actors\": 0,"));
	assert_non_null(strstr(json, "  \"concentration\": [],\n  \"coalitions\": [],\n"));
	assert_non_null(strstr(text, "Market analysis: (unnamed model)\n"));
	assert_non_null(strstr(text, "No transactions, no markets.\n"));
	mkg_free(json);
	mkg_free(text);
	mkg_report_free(r);
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_whole),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_empty_model),
	};

	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
