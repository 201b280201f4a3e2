/* Tests of market partition, concentration and threshold sets
 * (docs/analyses.md section 1).  Every expected number is worked out in the
 * comment beside it, by hand or with exact fractions in Python.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "market-fixture.h"

static mkg_concentration *
compute(const mkg_model *m, const mkg_concentration_options *opts)
{
	mkg_concentration *c = NULL;

	if (mkg_concentration_new(&c, m, opts) != MKG_OK)
		fail_msg("mkg_concentration_new: %s", mkg_error_message());
	return c;
}

static const mkg_market_side *
side_of(const mkg_concentration *c, size_t i, mkg_side side)
{
	const mkg_market_side *s = mkg_concentration_side(c, i, side);

	assert_non_null(s);
	return s;
}

/* R ineq's example sales vector: ten sellers to one buyer.
 * T = 66586; sum of squares / T^2 = 0.18408123091548528 (exact fractions),
 * so HHI 1840.8123091548530, effective number 1/H = 5.4323843611145580,
 * CR4 = (22261 + 11904 + 8304 + 6392) / T = 0.73380290151082810,
 * CR1 = 22261 / T = 0.33431952662721890,
 * normalised (H - 0.1) / 0.9 = 0.093423589906094770.
 * The rounded figures: H 0.184081, effective 5.4324, CR4 0.7338. */
static void
test_ineq_vector(void **state)
{
	static const double v[] = { 541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261 };
	mkg_model *m = mf_model("ineq");
	mkg_concentration *c;
	const mkg_market_side *s, *b;
	(void)state;

	for (size_t i = 0; i < G_N_ELEMENTS(v); i++) {
		char id[8];
		g_snprintf(id, sizeof id, "s%02zu", i + 1);
		mf_tx(m, id, "buyer", "wool", "1990", v[i], MF_NONE);
	}
	c = compute(m, NULL);
	assert_int_equal(mkg_concentration_market_count(c), 1);
	s = side_of(c, 0, MKG_SIDE_SELLER);
	assert_int_equal(s->firms, 10);
	mf_assert_near(s->total, 66586.0, 0.0);
	mf_assert_near(s->hhi, 1840.81, 1e-2);
	mf_assert_near(s->hhi, 1840.812309154853, 1e-9);
	mf_assert_near(s->hhi / 1e4, 0.184081, 1e-6);
	mf_assert_near(s->effective_firms, 5.4324, 1e-4);
	mf_assert_near(s->effective_firms, 5.432384361114558, 1e-9);
	mf_assert_near(s->cr4, 0.7338, 1e-4);
	mf_assert_near(s->cr4, 0.7338029015108281, 1e-12);
	mf_assert_near(s->cr1, 0.3343195266272189, 1e-12);
	mf_assert_near(s->hhi_normalized, 0.09342358990609477, 1e-12);
	/* 1840.8 > 1800 */
	assert_int_equal(s->concentration, MKG_CLASS_HIGHLY_CONCENTRATED);
	/* largest first */
	assert_string_equal(s->shares[0].actor, "s10");
	assert_string_equal(s->shares[9].actor, "s01");
	mf_assert_near(s->shares[9].share, 541.0 / 66586.0, 1e-15);
	mf_assert_near(s->shares[9].amount, 541.0, 0.0);
	/* one buyer holds the whole market */
	b = side_of(c, 0, MKG_SIDE_BUYER);
	assert_int_equal(b->firms, 1);
	mf_assert_near(b->hhi, 10000.0, 0.0);
	mf_assert_near(b->hhi_normalized, 1.0, 0.0);
	mf_assert_near(b->cr1, 1.0, 0.0);
	mf_assert_near(b->cr4, 1.0, 0.0);
	mf_assert_near(b->effective_firms, 1.0, 0.0);
	mkg_concentration_free(c);
	mkg_model_free(m);
}

/* The textbook market of shares 25/25/20/15/15 %:
 * HHI = 625 + 625 + 400 + 225 + 225 = 2100; H = 0.21, N = 5,
 * normalised (0.21 - 0.2) / 0.8 = 0.0125; CR1 0.25; CR4 0.85;
 * effective 1 / 0.21 = 4.761904761904762.  Equal shares are listed by id
 * whatever the order of the transactions. */
static mkg_model *
textbook_model(void)
{
	mkg_model *m = mf_model("textbook");

	mf_tx(m, "zeta", "mill", "maize", "2010", 25, MF_NONE);
	mf_tx(m, "delta", "mill", "maize", "2010", 15, MF_NONE);
	mf_tx(m, "alpha", "mill", "maize", "2010", 25, MF_NONE);
	mf_tx(m, "gamma", "mill", "maize", "2010", 20, MF_NONE);
	mf_tx(m, "beta", "mill", "maize", "2010", 15, MF_NONE);
	return m;
}

static void
test_textbook_and_ties(void **state)
{
	static const char *const order[] = { "alpha", "zeta", "gamma", "beta", "delta" };
	static const double shares[] = { 0.25, 0.25, 0.2, 0.15, 0.15 };
	mkg_model *m = textbook_model();
	mkg_concentration *c = compute(m, NULL);
	const mkg_market_side *s = side_of(c, 0, MKG_SIDE_SELLER);
	(void)state;

	assert_int_equal(s->firms, 5);
	for (size_t k = 0; k < 5; k++) {
		assert_string_equal(s->shares[k].actor, order[k]);
		mf_assert_near(s->shares[k].share, shares[k], 1e-15);
	}
	mf_assert_near(s->hhi, 2100.0, 0.0); /* exact: 10^4 * 2100 / 100^2 */
	mf_assert_near(s->hhi_normalized, 0.0125, 1e-12);
	mf_assert_near(s->cr1, 0.25, 0.0);
	mf_assert_near(s->cr4, 0.85, 1e-15);
	mf_assert_near(s->effective_firms, 4.761904761904762, 1e-12);
	assert_int_equal(s->concentration, MKG_CLASS_HIGHLY_CONCENTRATED);
	/* CR-k for any k: CR2 = 0.5, CR3 = 0.7, CR5 = CR9 = 1, CR0 = 0 */
	mf_assert_near(mkg_concentration_cr(c, 0, MKG_SIDE_SELLER, 2), 0.5, 1e-15);
	mf_assert_near(mkg_concentration_cr(c, 0, MKG_SIDE_SELLER, 3), 0.7, 1e-15);
	mf_assert_near(mkg_concentration_cr(c, 0, MKG_SIDE_SELLER, 5), 1.0, 1e-15);
	mf_assert_near(mkg_concentration_cr(c, 0, MKG_SIDE_SELLER, 9), 1.0, 1e-15);
	mf_assert_near(mkg_concentration_cr(c, 0, MKG_SIDE_SELLER, 0), 0.0, 0.0);
	mf_assert_near(mkg_concentration_cr(c, 0, MKG_SIDE_SELLER, 4), s->cr4, 0.0);
	mf_assert_near(mkg_concentration_cr(c, 0, MKG_SIDE_SELLER, 1), s->cr1, 0.0);
	mf_assert_near(mkg_concentration_cr(c, 1, MKG_SIDE_SELLER, 1), NAN, 0.0);
	mkg_concentration_free(c);
	mkg_model_free(m);
}

/* HHI 2100 under each built-in set: us2023 high (> 1800), us2010 moderate
 * (1500..2500), us1992 high (> 1800), eu2004 high (> 2000). */
static void
test_threshold_sets_on_market(void **state)
{
	static const struct {
		const char *name;
		mkg_concentration_class cls;
	} cases[] = {
		{ "us2023", MKG_CLASS_HIGHLY_CONCENTRATED },
		{ "us2010", MKG_CLASS_MODERATELY_CONCENTRATED },
		{ "us1992", MKG_CLASS_HIGHLY_CONCENTRATED },
		{ "eu2004", MKG_CLASS_HIGHLY_CONCENTRATED },
	};
	mkg_model *m = textbook_model();
	(void)state;

	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		mkg_concentration_options o = MKG_CONCENTRATION_OPTIONS_INIT;
		mkg_concentration *c;
		o.thresholds = cases[i].name;
		c = compute(m, &o);
		assert_int_equal(side_of(c, 0, MKG_SIDE_SELLER)->concentration, cases[i].cls);
		assert_string_equal(mkg_concentration_thresholds(c)->name, cases[i].name);
		mkg_concentration_free(c);
	}
	{
		/* the caller's own boundaries: 2100 is above 2000 */
		mkg_thresholds mine = MKG_THRESHOLDS_INIT;
		mkg_concentration_options o = MKG_CONCENTRATION_OPTIONS_INIT;
		mkg_concentration *c;
		mine.moderate = 500;
		mine.high = 2000;
		o.thresholds = "us2010"; /* custom wins */
		o.custom_thresholds = &mine;
		c = compute(m, &o);
		assert_int_equal(side_of(c, 0, MKG_SIDE_SELLER)->concentration,
		                 MKG_CLASS_HIGHLY_CONCENTRATED);
		assert_string_equal(mkg_concentration_thresholds(c)->name, "custom");
		assert_null(mkg_concentration_thresholds(c)->source);
		mkg_concentration_free(c);
		mine.high = 2100; /* 2100 itself is the top of the moderate range */
		mine.name = "mine";
		mine.source = "a study";
		c = compute(m, &o);
		assert_int_equal(side_of(c, 0, MKG_SIDE_SELLER)->concentration,
		                 MKG_CLASS_MODERATELY_CONCENTRATED);
		assert_string_equal(mkg_concentration_thresholds(c)->name, "mine");
		assert_string_equal(mkg_concentration_thresholds(c)->source, "a study");
		mkg_concentration_free(c);
	}
	mkg_model_free(m);
}

/* Markets exactly on the us2023 boundaries.
 * - ten equal sellers of 1: HHI 10 x 10^2 = 1000 -> moderately (not below 1000);
 * - volumes 3, 2, 1, 1, 1, 1, 1: (9 + 4 + 5) / 100 x 10^4 = 1800 -> moderately
 *   (not above 1800);
 * - the same as 0.3, 0.2, 0.1 x 5: the float sums give 1800.000000000001,
 *   which must still count as 1800;
 * - volumes 3, 2, 2, 1, 1, 1: (9 + 4 + 4 + 3) / 100 = 0.2 -> 2000, highly.
 * - 11 equal sellers: 10^4 / 11 = 909.09 -> unconcentrated. */
static void
test_boundaries(void **state)
{
	mkg_model *m = mf_model("boundaries");
	mkg_concentration *c;
	(void)state;

	for (int i = 0; i < 10; i++) {
		char id[16];
		g_snprintf(id, sizeof id, "ten-%d", i);
		mf_tx(m, id, "b", "a-1000", "p", 1, MF_NONE);
	}
	{
		static const double v[] = { 3, 2, 1, 1, 1, 1, 1 };
		static const double f[] = { 0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1 };
		for (size_t i = 0; i < G_N_ELEMENTS(v); i++) {
			char id[16];
			g_snprintf(id, sizeof id, "s-%zu", i);
			mf_tx(m, id, "b", "b-1800", "p", v[i], MF_NONE);
			mf_tx(m, id, "b", "c-1800-fraction", "p", f[i], MF_NONE);
		}
	}
	{
		static const double v[] = { 3, 2, 2, 1, 1, 1 };
		for (size_t i = 0; i < G_N_ELEMENTS(v); i++) {
			char id[16];
			g_snprintf(id, sizeof id, "s-%zu", i);
			mf_tx(m, id, "b", "d-2000", "p", v[i], MF_NONE);
		}
	}
	for (int i = 0; i < 11; i++) {
		char id[16];
		g_snprintf(id, sizeof id, "eleven-%d", i);
		mf_tx(m, id, "b", "e-909", "p", 7, MF_NONE);
	}
	c = compute(m, NULL);
	assert_int_equal(mkg_concentration_market_count(c), 5);
	assert_string_equal(mkg_concentration_market_at(c, 0)->commodity, "a-1000");
	mf_assert_near(side_of(c, 0, MKG_SIDE_SELLER)->hhi, 1000.0, 0.0);
	assert_int_equal(side_of(c, 0, MKG_SIDE_SELLER)->concentration,
	                 MKG_CLASS_MODERATELY_CONCENTRATED);
	mf_assert_near(side_of(c, 0, MKG_SIDE_SELLER)->hhi_normalized, 0.0, 1e-15);
	mf_assert_near(side_of(c, 0, MKG_SIDE_SELLER)->effective_firms, 10.0, 1e-12);
	mf_assert_near(side_of(c, 1, MKG_SIDE_SELLER)->hhi, 1800.0, 0.0);
	assert_int_equal(side_of(c, 1, MKG_SIDE_SELLER)->concentration,
	                 MKG_CLASS_MODERATELY_CONCENTRATED);
	mf_assert_near(side_of(c, 2, MKG_SIDE_SELLER)->hhi, 1800.0, 1e-9);
	assert_int_equal(side_of(c, 2, MKG_SIDE_SELLER)->concentration,
	                 MKG_CLASS_MODERATELY_CONCENTRATED);
	mf_assert_near(side_of(c, 3, MKG_SIDE_SELLER)->hhi, 2000.0, 0.0);
	assert_int_equal(side_of(c, 3, MKG_SIDE_SELLER)->concentration,
	                 MKG_CLASS_HIGHLY_CONCENTRATED);
	mf_assert_near(side_of(c, 4, MKG_SIDE_SELLER)->hhi, 10000.0 / 11.0, 1e-9);
	assert_int_equal(side_of(c, 4, MKG_SIDE_SELLER)->concentration,
	                 MKG_CLASS_UNCONCENTRATED);
	mkg_concentration_free(c);
	mkg_model_free(m);
}

/* mkg_thresholds_classify() around each boundary of each set. */
static void
test_classify(void **state)
{
	const mkg_thresholds *us2023 = mkg_thresholds_find("us2023");
	const mkg_thresholds *us2010 = mkg_thresholds_find("us2010");
	const mkg_thresholds *eu2004 = mkg_thresholds_find("eu2004");
	(void)state;

	assert_non_null(us2023);
	assert_int_equal(mkg_thresholds_classify(us2023, 999.99), MKG_CLASS_UNCONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(us2023, 1000.0), MKG_CLASS_MODERATELY_CONCENTRATED);
	/* within 1e-9 x 1000 of the line: on it */
	assert_int_equal(mkg_thresholds_classify(us2023, 1000.0 - 1e-7),
	                 MKG_CLASS_MODERATELY_CONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(us2023, 1000.0 - 1e-5), MKG_CLASS_UNCONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(us2023, 1800.0), MKG_CLASS_MODERATELY_CONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(us2023, 1800.0 + 1e-7),
	                 MKG_CLASS_MODERATELY_CONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(us2023, 1800.01), MKG_CLASS_HIGHLY_CONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(us2023, 0.0), MKG_CLASS_UNCONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(us2023, 10000.0), MKG_CLASS_HIGHLY_CONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(us2023, NAN), MKG_CLASS_EMPTY);
	assert_int_equal(mkg_thresholds_classify(NULL, 5000.0), MKG_CLASS_EMPTY);
	assert_int_equal(mkg_thresholds_classify(us2010, 1499.0), MKG_CLASS_UNCONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(us2010, 1500.0), MKG_CLASS_MODERATELY_CONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(us2010, 2500.0), MKG_CLASS_MODERATELY_CONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(us2010, 2501.0), MKG_CLASS_HIGHLY_CONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(eu2004, 999.0), MKG_CLASS_UNCONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(eu2004, 2000.0), MKG_CLASS_MODERATELY_CONCENTRATED);
	assert_int_equal(mkg_thresholds_classify(eu2004, 2001.0), MKG_CLASS_HIGHLY_CONCENTRATED);
}

/* The built-in sets as data: names, numbers and sources. */
static void
test_threshold_data(void **state)
{
	static const struct {
		const char *name;
		double moderate, high;
		const char *source_part;
	} expect[] = {
		{ "us2023", 1000, 1800, "Merger Guidelines (2023)" },
		{ "us2010", 1500, 2500, "Horizontal Merger Guidelines (2010)" },
		{ "us1992", 1000, 1800, "Horizontal Merger Guidelines (1992" },
		{ "eu2004", 1000, 2000, "2004/C 31/03" },
	};
	mkg_thresholds t;
	(void)state;

	assert_int_equal(mkg_thresholds_count(), G_N_ELEMENTS(expect));
	for (size_t i = 0; i < G_N_ELEMENTS(expect); i++) {
		const mkg_thresholds *b = mkg_thresholds_at(i);
		assert_non_null(b);
		assert_int_equal(b->version, MKG_THRESHOLDS_VERSION);
		assert_string_equal(b->name, expect[i].name);
		mf_assert_near(b->moderate, expect[i].moderate, 0.0);
		mf_assert_near(b->high, expect[i].high, 0.0);
		assert_non_null(strstr(b->source, expect[i].source_part));
		assert_ptr_equal(mkg_thresholds_find(expect[i].name), b);
	}
	assert_null(mkg_thresholds_at(G_N_ELEMENTS(expect)));
	mkg_error_clear();
	assert_null(mkg_thresholds_find("us1982"));
	assert_int_equal(mkg_error_code(), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(),
	                    "unknown threshold set \"us1982\" (known: us2023, us2010, us1992, eu2004)");
	assert_null(mkg_thresholds_find(NULL));

	assert_int_equal(mkg_thresholds_init(&t, MKG_THRESHOLDS_VERSION), MKG_OK);
	assert_null(t.name);
	mf_assert_near(t.moderate, 1000.0, 0.0);
	mf_assert_near(t.high, 1800.0, 0.0);
	assert_int_equal(mkg_thresholds_init(&t, 99), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_thresholds_init: unknown version 99");

	assert_string_equal(mkg_concentration_class_name(MKG_CLASS_EMPTY), "empty");
	assert_string_equal(mkg_concentration_class_name(MKG_CLASS_UNCONCENTRATED),
	                    "unconcentrated");
	assert_string_equal(mkg_concentration_class_name(MKG_CLASS_MODERATELY_CONCENTRATED),
	                    "moderately_concentrated");
	assert_string_equal(mkg_concentration_class_name(MKG_CLASS_HIGHLY_CONCENTRATED),
	                    "highly_concentrated");
	assert_string_equal(mkg_concentration_class_name(MKG_CLASS_FRINGE), "fringe");
	assert_null(mkg_concentration_class_name((mkg_concentration_class)5));
	assert_null(mkg_concentration_class_name((mkg_concentration_class)-1));
}

/* A market whose transactions all have volume 0: total 0, no firms, every
 * number NaN (null in JSON), class empty.  A firm with 0 on one side of an
 * otherwise active market is not listed. */
static void
test_empty_market(void **state)
{
	mkg_model *m = mf_model("empty");
	mkg_concentration *c;
	const mkg_market_side *s;
	char *json = NULL;
	(void)state;

	mf_tx(m, "a", "b", "maize", "2010", 0, 10);
	mf_tx(m, "c", "b", "maize", "2010", 0, MF_NONE);
	mf_tx(m, "a", "b", "rice", "2010", 4, MF_NONE);
	mf_tx(m, "c", "b", "rice", "2010", 0, MF_NONE); /* c: share 0, not a firm */
	c = compute(m, NULL);
	assert_int_equal(mkg_concentration_market_count(c), 2);
	for (int side = 0; side < 2; side++) {
		s = side_of(c, 0, (mkg_side)side);
		mf_assert_near(s->total, 0.0, 0.0);
		assert_int_equal(s->firms, 0);
		mf_assert_near(s->hhi, NAN, 0);
		mf_assert_near(s->hhi_normalized, NAN, 0);
		mf_assert_near(s->cr1, NAN, 0);
		mf_assert_near(s->cr4, NAN, 0);
		mf_assert_near(s->effective_firms, NAN, 0);
		assert_int_equal(s->concentration, MKG_CLASS_EMPTY);
	}
	assert_int_equal(mkg_concentration_market_at(c, 0)->transactions, 2);
	mf_assert_near(mkg_concentration_cr(c, 0, MKG_SIDE_SELLER, 4), NAN, 0);
	s = side_of(c, 1, MKG_SIDE_SELLER);
	assert_int_equal(s->firms, 1);
	assert_string_equal(s->shares[0].actor, "a");
	assert_int_equal(mkg_concentration_write_json(c, &json, NULL), MKG_OK);
	assert_non_null(strstr(json,
	                       "\"seller\": {\n"
	                       "      \"total\": 0,\n"
	                       "      \"firms\": 0,\n"
	                       "      \"actors\": 0,\n"
	                       "      \"fringe_share\": 0,\n"
	                       "      \"hhi\": null,\n"
	                       "      \"hhi_normalized\": null,\n"
	                       "      \"cr1\": null,\n"
	                       "      \"cr4\": null,\n"
	                       "      \"effective_firms\": null,\n"
	                       "      \"class\": \"empty\",\n"
	                       "      \"shares\": []\n"));
	mkg_free(json);
	mkg_concentration_free(c);
	mkg_model_free(m);
}

/* Transactions lacking the measure are left out and counted, per market and
 * in all.  By volume: maize has a (10), b (30) and one value-only sale, rice
 * only a value-only sale (a market of total 0).  By value: maize has a 100
 * and c 300 (the volume-only sale of b is left out), rice d 50. */
static void
test_value_volume_and_excluded(void **state)
{
	mkg_model *m = mf_model("measures");
	mkg_concentration_options o = MKG_CONCENTRATION_OPTIONS_INIT;
	mkg_concentration *c;
	const mkg_market_side *s;
	(void)state;

	mf_tx(m, "a", "x", "maize", "2010", 10, 100);
	mf_tx(m, "b", "x", "maize", "2010", 30, MF_NONE);
	mf_tx(m, "c", "y", "maize", "2010", MF_NONE, 300);
	mf_tx(m, "d", "y", "rice", "2010", MF_NONE, 50);

	c = compute(m, NULL);
	assert_int_equal(mkg_concentration_measure(c), MKG_MEASURE_VOLUME);
	assert_int_equal(mkg_concentration_market_count(c), 2);
	assert_int_equal(mkg_concentration_excluded(c), 2);
	assert_int_equal(mkg_concentration_market_at(c, 0)->excluded_transactions, 1);
	assert_int_equal(mkg_concentration_market_at(c, 0)->transactions, 2);
	assert_int_equal(mkg_concentration_market_at(c, 1)->excluded_transactions, 1);
	assert_int_equal(mkg_concentration_market_at(c, 1)->transactions, 0);
	s = side_of(c, 0, MKG_SIDE_SELLER);
	mf_assert_near(s->total, 40.0, 0.0);
	assert_string_equal(s->shares[0].actor, "b");
	mf_assert_near(s->shares[0].share, 0.75, 0.0);
	/* 75^2 + 25^2 = 6250 */
	mf_assert_near(s->hhi, 6250.0, 0.0);
	s = side_of(c, 0, MKG_SIDE_BUYER);
	assert_int_equal(s->firms, 1);
	assert_string_equal(s->shares[0].actor, "x");
	assert_int_equal(side_of(c, 1, MKG_SIDE_SELLER)->concentration, MKG_CLASS_EMPTY);
	mkg_concentration_free(c);

	o.measure = MKG_MEASURE_VALUE;
	c = compute(m, &o);
	assert_int_equal(mkg_concentration_measure(c), MKG_MEASURE_VALUE);
	assert_int_equal(mkg_concentration_excluded(c), 1);
	s = side_of(c, 0, MKG_SIDE_SELLER);
	mf_assert_near(s->total, 400.0, 0.0);
	assert_string_equal(s->shares[0].actor, "c");
	mf_assert_near(s->shares[0].share, 0.75, 0.0);
	assert_string_equal(s->shares[1].actor, "a");
	/* buyers by value: y 300, x 100 */
	s = side_of(c, 0, MKG_SIDE_BUYER);
	assert_int_equal(s->firms, 2);
	assert_string_equal(s->shares[0].actor, "y");
	s = side_of(c, 1, MKG_SIDE_SELLER);
	mf_assert_near(s->total, 50.0, 0.0);
	mf_assert_near(s->hhi, 10000.0, 0.0);
	mkg_concentration_free(c);
	mkg_model_free(m);
}

/* Market keys and their order with levels pooled: commodity, then period
 * (none first), then region (none first), then service; the model's period
 * is the default; split by the seller's region on request. */
static void
test_market_keys(void **state)
{
	mkg_model *m = mf_model("keys");
	mkg_concentration_options o = MKG_CONCENTRATION_OPTIONS_INIT;
	mkg_concentration *c;
	const mkg_market *mk;
	(void)state;

	/* levels pooled: the order of levels is test_level_order's */
	o.levels = MKG_LEVELS_POOLED;

	mf_actor(m, "north-1", MKG_ACTOR_PRODUCER, "North");
	mf_actor(m, "south-1", MKG_ACTOR_PRODUCER, "South");
	mf_actor(m, "nowhere", MKG_ACTOR_PRODUCER, NULL);
	mf_tx(m, "south-1", "mill", "maize", "2011", 1, MF_NONE);
	mf_tx(m, "north-1", "mill", "maize", "2011", 3, MF_NONE);
	mf_tx(m, "nowhere", "mill", "maize", "2011", 1, MF_NONE);
	mf_tx(m, "north-1", "mill", "maize", NULL, 2, MF_NONE);   /* no period at all */
	mf_tx_full(m, "truck", "mill", "maize", "2011", 5, MF_NONE, 1); /* a service */
	mf_tx(m, "north-1", "mill", "beans", "2011", 1, MF_NONE);

	c = compute(m, &o);
	assert_int_equal(mkg_concentration_market_count(c), 4);
	mk = mkg_concentration_market_at(c, 0);
	assert_string_equal(mk->commodity, "beans");
	mk = mkg_concentration_market_at(c, 1);
	assert_string_equal(mk->commodity, "maize");
	assert_null(mk->period);
	assert_null(mk->region);
	mk = mkg_concentration_market_at(c, 2);
	assert_string_equal(mk->period, "2011");
	assert_false(mk->service);
	assert_int_equal(mk->transactions, 3);
	/* sellers 3, 1, 1 of 5: 3600 + 400 + 400 = 4400 */
	mf_assert_near(side_of(c, 2, MKG_SIDE_SELLER)->hhi, 4400.0, 1e-9);
	mk = mkg_concentration_market_at(c, 3);
	assert_true(mk->service);
	assert_int_equal(mk->transactions, 1);
	assert_null(mkg_concentration_market_at(c, 4));
	assert_null(mkg_concentration_side(c, 4, MKG_SIDE_SELLER));
	assert_null(mkg_concentration_side(c, 0, (mkg_side)2));
	assert_false(mkg_concentration_split_by_region(c));
	mkg_concentration_free(c);

	/* the model's period fills in for transactions without one */
	assert_int_equal(mkg_model_set_period(m, "2011"), MKG_OK);
	c = compute(m, &o);
	assert_int_equal(mkg_concentration_market_count(c), 3);
	assert_int_equal(mkg_concentration_market_at(c, 1)->transactions, 4);
	mkg_concentration_free(c);

	o.split_by_region = 1;
	c = compute(m, &o);
	assert_true(mkg_concentration_split_by_region(c));
	/* beans/North; maize/none (nowhere); maize/North (3 + 2); maize/South;
	 * the service from truck (no region) */
	assert_int_equal(mkg_concentration_market_count(c), 5);
	assert_string_equal(mkg_concentration_market_at(c, 0)->region, "North");
	assert_null(mkg_concentration_market_at(c, 1)->region);
	assert_false(mkg_concentration_market_at(c, 1)->service);
	assert_null(mkg_concentration_market_at(c, 2)->region);
	assert_true(mkg_concentration_market_at(c, 2)->service);
	assert_string_equal(mkg_concentration_market_at(c, 3)->region, "North");
	mf_assert_near(side_of(c, 3, MKG_SIDE_SELLER)->total, 5.0, 0.0);
	assert_string_equal(mkg_concentration_market_at(c, 4)->region, "South");
	mkg_concentration_free(c);
	mkg_model_free(m);
}

/* Every side's numbers, in market order, through mkg_concentration_side(). */
static void
test_side_numbers(void **state)
{
	mkg_model *m = textbook_model();
	mkg_concentration *c;
	(void)state;

	mf_tx(m, "alpha", "mill", "rice", "2010", 5, MF_NONE);
	c = compute(m, NULL);
	assert_int_equal(mkg_concentration_market_count(c), 2);
	mf_assert_near(mkg_concentration_side(c, 0, MKG_SIDE_SELLER)->hhi, 2100.0, 0.0);
	mf_assert_near(mkg_concentration_side(c, 1, MKG_SIDE_SELLER)->hhi, 10000.0, 0.0);
	assert_int_equal(mkg_concentration_side(c, 0, MKG_SIDE_SELLER)->firms, 5);
	assert_int_equal(mkg_concentration_side(c, 1, MKG_SIDE_SELLER)->firms, 1);
	assert_int_equal(mkg_concentration_side(c, 0, MKG_SIDE_BUYER)->concentration,
	                 MKG_CLASS_HIGHLY_CONCENTRATED);
	mf_assert_near(mkg_concentration_side(c, 0, MKG_SIDE_SELLER)->total, 100.0, 0.0);
	mf_assert_near(mkg_concentration_side(c, 1, MKG_SIDE_SELLER)->total, 5.0, 0.0);
	/* out of range: no side */
	assert_null(mkg_concentration_side(c, 2, MKG_SIDE_SELLER));
	assert_null(mkg_concentration_side(c, 0, (mkg_side)5));
	assert_null(mkg_concentration_side(NULL, 0, MKG_SIDE_SELLER));
	mkg_concentration_free(c);
	mkg_model_free(m);
}

/* Bad arguments and options: the exact messages, and *out untouched. */
static void
test_errors(void **state)
{
	mkg_model *m = textbook_model();
	mkg_concentration *c = (mkg_concentration *)(void *)&c; /* a sentinel */
	mkg_concentration *sentinel = c;
	mkg_concentration_options o = MKG_CONCENTRATION_OPTIONS_INIT;
	mkg_thresholds bad = MKG_THRESHOLDS_INIT;
	(void)state;

	assert_int_equal(mkg_concentration_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_concentration_new: argument 'out' is NULL");
	assert_int_equal(mkg_concentration_new(&c, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_concentration_new: argument 'model' is NULL");

	o.thresholds = "us2024";
	assert_int_equal(mkg_concentration_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "thresholds: unknown threshold set \"us2024\" (known: us2023, us2010, "
	                    "us1992, eu2004)");
	o.thresholds = NULL;
	o.measure = (mkg_measure)7;
	assert_int_equal(mkg_concentration_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "measure: unknown measure 7 (known: volume, value)");
	o.measure = MKG_MEASURE_VOLUME;
	o.version = 3;
	assert_int_equal(mkg_concentration_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_concentration_new: unknown options version 3");
	o.version = MKG_CONCENTRATION_OPTIONS_VERSION;

	o.custom_thresholds = &bad;
	bad.moderate = 2000;
	bad.high = 1800;
	assert_int_equal(mkg_concentration_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "thresholds: boundaries must satisfy 0 <= moderate <= high <= 10000, "
	                    "got 2000 and 1800");
	bad.moderate = NAN;
	assert_int_equal(mkg_concentration_new(&c, m, &o), MKG_EINVAL);
	bad.moderate = 1000;
	bad.high = 10001;
	assert_int_equal(mkg_concentration_new(&c, m, &o), MKG_EINVAL);
	bad.high = 1800;
	bad.version = 0;
	assert_int_equal(mkg_concentration_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "thresholds: unknown version 0");
	assert_ptr_equal(c, sentinel);

	assert_int_equal(mkg_concentration_options_init(&o, 3), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_concentration_options_init: unknown version 3");
	assert_int_equal(mkg_concentration_options_init(NULL, 1), MKG_EINVAL);
	assert_int_equal(mkg_concentration_write_json(NULL, NULL, NULL), MKG_EINVAL);

	/* NULL results answer with zeros */
	assert_int_equal(mkg_concentration_market_count(NULL), 0);
	assert_null(mkg_concentration_market_at(NULL, 0));
	assert_null(mkg_concentration_thresholds(NULL));
	assert_int_equal(mkg_concentration_excluded(NULL), 0);
	mkg_concentration_free(NULL);
	mkg_model_free(m);
}

/* The options helpers and the measure and side names. */
static void
test_names_and_init(void **state)
{
	mkg_concentration_options o;
	mkg_measure measure = MKG_MEASURE_VALUE;
	(void)state;

	memset(&o, 0xff, sizeof o);
	assert_int_equal(mkg_concentration_options_init(&o, MKG_CONCENTRATION_OPTIONS_VERSION),
	                 MKG_OK);
	assert_int_equal(o.version, MKG_CONCENTRATION_OPTIONS_VERSION);
	assert_int_equal(o.measure, MKG_MEASURE_VOLUME);
	assert_int_equal(o.split_by_region, 0);
	assert_null(o.thresholds);
	assert_null(o.custom_thresholds);

	assert_string_equal(mkg_measure_name(MKG_MEASURE_VOLUME), "volume");
	assert_string_equal(mkg_measure_name(MKG_MEASURE_VALUE), "value");
	assert_null(mkg_measure_name((mkg_measure)2));
	assert_int_equal(mkg_measure_from_name("volume", &measure), MKG_OK);
	assert_int_equal(measure, MKG_MEASURE_VOLUME);
	assert_int_equal(mkg_measure_from_name("value", &measure), MKG_OK);
	assert_int_equal(measure, MKG_MEASURE_VALUE);
	assert_int_equal(mkg_measure_from_name("weight", &measure), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "measure: unknown measure \"weight\" (known: volume, value)");
	assert_int_equal(measure, MKG_MEASURE_VALUE);
	assert_string_equal(mkg_side_name(MKG_SIDE_SELLER), "seller");
	assert_string_equal(mkg_side_name(MKG_SIDE_BUYER), "buyer");
	assert_null(mkg_side_name((mkg_side)2));
}

/* The JSON of a small result, whole: a sells 3 and c 1 to b.
 * Sellers: shares 0.75 / 0.25, HHI 5625 + 625 = 6250, H = 0.625,
 * normalised (0.625 - 0.5) / 0.5 = 0.25, effective 1.6.  Buyer b: 10000.
 * The result outlives the model. */
static void
test_json(void **state)
{
	static const char expected[] =
		"[\n"
		"  {\n"
		"    \"commodity\": \"maize\",\n"
		"    \"level\": \"other\",\n"
		"    \"period\": \"2010\",\n"
		"    \"region\": null,\n"
		"    \"service\": false,\n"
		"    \"transactions\": 2,\n"
		"    \"excluded_transactions\": 0,\n"
		"    \"seller\": {\n"
		"      \"total\": 4,\n"
		"      \"firms\": 2,\n"
		"      \"actors\": 2,\n"
		"      \"fringe_share\": 0,\n"
		"      \"hhi\": 6250,\n"
		"      \"hhi_normalized\": 0.25,\n"
		"      \"cr1\": 0.75,\n"
		"      \"cr4\": 1,\n"
		"      \"effective_firms\": 1.6,\n"
		"      \"class\": \"highly_concentrated\",\n"
		"      \"shares\": [\n"
		"        {\"actor\": \"a\", \"share\": 0.75, \"firms\": 1, \"fringe\": false},\n"
		"        {\"actor\": \"c\", \"share\": 0.25, \"firms\": 1, \"fringe\": false}\n"
		"      ]\n"
		"    },\n"
		"    \"buyer\": {\n"
		"      \"total\": 4,\n"
		"      \"firms\": 1,\n"
		"      \"actors\": 1,\n"
		"      \"fringe_share\": 0,\n"
		"      \"hhi\": 10000,\n"
		"      \"hhi_normalized\": 1,\n"
		"      \"cr1\": 1,\n"
		"      \"cr4\": 1,\n"
		"      \"effective_firms\": 1,\n"
		"      \"class\": \"highly_concentrated\",\n"
		"      \"shares\": [\n"
		"        {\"actor\": \"b\", \"share\": 1, \"firms\": 1, \"fringe\": false}\n"
		"      ]\n"
		"    }\n"
		"  }\n"
		"]\n";
	mkg_model *m = mf_model(NULL);
	mkg_concentration *c;
	char *json = NULL, *again = NULL;
	size_t len = 0;
	(void)state;

	mf_tx(m, "c", "b", "maize", "2010", 1, MF_NONE);
	mf_tx(m, "a", "b", "maize", "2010", 3, MF_NONE);
	c = compute(m, NULL);
	mkg_model_free(m);
	assert_int_equal(mkg_concentration_write_json(c, &json, &len), MKG_OK);
	assert_string_equal(json, expected);
	assert_int_equal(len, strlen(expected));
	assert_int_equal(mkg_concentration_write_json(c, &again, NULL), MKG_OK);
	assert_string_equal(json, again);
	mkg_free(json);
	mkg_free(again);
	mkg_concentration_free(c);

	/* no transactions: no markets */
	m = mf_model(NULL);
	c = compute(m, NULL);
	assert_int_equal(mkg_concentration_market_count(c), 0);
	assert_int_equal(mkg_concentration_write_json(c, &json, NULL), MKG_OK);
	assert_string_equal(json, "[]\n");
	mkg_free(json);
	mkg_concentration_free(c);
	mkg_model_free(m);
}

/* ---- levels, many-firm actors and the fringe ---------------------------- */

/* An actor with firms N, or an end market without firms (n = -1). */
static void
actor_firms(mkg_model *m, const char *id, mkg_actor_kind kind, const char *region, int64_t n)
{
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

	d.id = id;
	d.kind = kind;
	d.region = region;
	d.firms = n;
	assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_OK);
}

static void
tx_level(mkg_model *m, const char *seller, const char *buyer, double volume, const char *level)
{
	mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;

	d.seller = seller;
	d.buyer = buyer;
	d.commodity = "maize";
	d.period = "2010";
	d.volume = volume;
	d.level = level;
	assert_int_equal(mkg_model_add_transaction(m, &d, NULL), MKG_OK);
}

/*
 * Farm gate (level producer): p1 sells 60 to t1 (one firm), p2 40 to t2
 * (4 firms) and 20 to the consumers (an end market without firms: a
 * fringe); p1 -> t1 0 with an explicit level "producer" joins that market.
 * Trader level: t1 50 and t2 30 to the consumers.  Level "auction" (free
 * text, after every kind name): t1 10 to the supermarket.
 */
static mkg_model *
levels_model(void)
{
	mkg_model *m = mf_model("levels");

	actor_firms(m, "p1", MKG_ACTOR_PRODUCER, "Junin", -1);
	actor_firms(m, "p2", MKG_ACTOR_PRODUCER, NULL, -1);
	actor_firms(m, "t1", MKG_ACTOR_TRADER, "Junin", -1);
	actor_firms(m, "t2", MKG_ACTOR_TRADER, NULL, 4);
	actor_firms(m, "consumers", MKG_ACTOR_END_MARKET, "Lima", -1);
	actor_firms(m, "super", MKG_ACTOR_RETAILER, NULL, -1);
	tx_level(m, "t1", "super", 10, "auction");
	tx_level(m, "t1", "consumers", 50, NULL);
	tx_level(m, "p1", "t1", 60, NULL);
	tx_level(m, "p2", "t2", 40, NULL);
	tx_level(m, "p2", "consumers", 20, NULL);
	tx_level(m, "t2", "consumers", 30, NULL);
	tx_level(m, "p1", "t1", 0, "producer");
	return m;
}

/*
 * Farm-gate buyers of 120: t1 1/2, t2 1/3 (4 firms of 1/12), consumers 1/6
 * (fringe).  HHI = 10^4 (1/4 + (1/9)/4) = 10^4 x 10/36 = 2777.78; firms
 * 1 + 4 = 5; CR1 1/2, CR4 1/2 + 3/12 = 3/4, CR-5 and CR-10 1/2 + 4/12 = 5/6;
 * effective firms 36/10; normalised HHI undefined (NaN) with a fringe.
 * Trader-level sellers of 80: t1 5/8, t2 3/8 in 4 firms: 10^4 (25/64 +
 * 9/256) = 4257.8125; its buyers are all fringe: no HHI, class fringe.
 */
static void
test_levels_firms_fringe(void **state)
{
	mkg_model *m = levels_model();
	mkg_concentration *c = compute(m, NULL);
	const mkg_market_side *s;
	(void)state;

	assert_int_equal(mkg_concentration_levels(c), MKG_LEVELS_SEPARATE);
	/* chain order: producer, trader (kinds), then auction (free text) */
	assert_int_equal(mkg_concentration_market_count(c), 3);
	assert_string_equal(mkg_concentration_market_at(c, 0)->level, "producer");
	assert_string_equal(mkg_concentration_market_at(c, 1)->level, "trader");
	assert_string_equal(mkg_concentration_market_at(c, 2)->level, "auction");
	assert_int_equal(mkg_concentration_market_at(c, 0)->transactions, 4);

	s = side_of(c, 0, MKG_SIDE_BUYER);
	mf_assert_near(s->hhi, 1e4 * 10.0 / 36.0, 1e-9);
	assert_int_equal(s->firms, 5);
	assert_int_equal(s->actors, 3);
	mf_assert_near(s->fringe_share, 1.0 / 6.0, 1e-15);
	mf_assert_near(s->cr1, 0.5, 1e-15);
	mf_assert_near(s->cr4, 0.75, 1e-15);
	mf_assert_near(mkg_concentration_cr(c, 0, MKG_SIDE_BUYER, 5), 5.0 / 6.0, 1e-15);
	mf_assert_near(mkg_concentration_cr(c, 0, MKG_SIDE_BUYER, 10), 5.0 / 6.0, 1e-15);
	mf_assert_near(s->effective_firms, 3.6, 1e-12);
	mf_assert_near(s->hhi_normalized, NAN, 0);
	assert_int_equal(s->concentration, MKG_CLASS_HIGHLY_CONCENTRATED);
	assert_string_equal(s->shares[0].actor, "t1");
	assert_int_equal(s->shares[0].firms, 1);
	assert_string_equal(s->shares[1].actor, "t2");
	assert_int_equal(s->shares[1].firms, 4);
	assert_false(s->shares[1].fringe);
	assert_string_equal(s->shares[2].actor, "consumers");
	assert_int_equal(s->shares[2].firms, 0);
	assert_true(s->shares[2].fringe);
	mf_assert_near(side_of(c, 0, MKG_SIDE_SELLER)->hhi, 5000.0, 1e-9);

	s = side_of(c, 1, MKG_SIDE_SELLER);
	mf_assert_near(s->hhi, 4257.8125, 1e-9);
	assert_int_equal(s->firms, 5);
	mf_assert_near(s->cr1, 5.0 / 8.0, 1e-15);
	mf_assert_near(s->hhi_normalized, (109.0 / 256.0 - 0.2) / 0.8, 1e-12);
	s = side_of(c, 1, MKG_SIDE_BUYER);
	assert_int_equal(s->concentration, MKG_CLASS_FRINGE);
	assert_int_equal(s->firms, 0);
	assert_int_equal(s->actors, 1);
	mf_assert_near(s->fringe_share, 1.0, 0);
	mf_assert_near(s->hhi, NAN, 0);
	mf_assert_near(s->cr1, NAN, 0);
	mf_assert_near(mkg_concentration_cr(c, 1, MKG_SIDE_BUYER, 1), NAN, 0);
	mkg_concentration_free(c);
	mkg_model_free(m);
}

/* Pooled levels, split by the buyer's region: the buyers' regions are
 * none (t2 40 + super 10), Junin (t1 60 + 0), Lima (consumers 100). */
static void
test_levels_pooled_by_buyer_region(void **state)
{
	mkg_model *m = levels_model();
	mkg_concentration_options o = MKG_CONCENTRATION_OPTIONS_INIT;
	mkg_concentration *c;
	(void)state;

	o.levels = MKG_LEVELS_POOLED;
	o.split_by_region = MKG_REGION_BUYER;
	c = compute(m, &o);
	assert_int_equal(mkg_concentration_levels(c), MKG_LEVELS_POOLED);
	assert_int_equal(mkg_concentration_split_by_region(c), MKG_REGION_BUYER);
	assert_int_equal(mkg_concentration_market_count(c), 3);
	assert_null(mkg_concentration_market_at(c, 0)->level);
	assert_null(mkg_concentration_market_at(c, 0)->region);
	mf_assert_near(side_of(c, 0, MKG_SIDE_SELLER)->total, 50.0, 0);
	assert_string_equal(mkg_concentration_market_at(c, 1)->region, "Junin");
	mf_assert_near(side_of(c, 1, MKG_SIDE_SELLER)->total, 60.0, 0);
	assert_string_equal(mkg_concentration_market_at(c, 2)->region, "Lima");
	mf_assert_near(side_of(c, 2, MKG_SIDE_SELLER)->total, 100.0, 0);
	/* every buyer of Lima is the fringe */
	assert_int_equal(side_of(c, 2, MKG_SIDE_BUYER)->concentration, MKG_CLASS_FRINGE);
	mkg_concentration_free(c);

	o.levels = (mkg_levels)7;
	assert_int_equal(mkg_concentration_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "levels: must be 0 (separate) or 1 (pooled), got 7");
	o.levels = MKG_LEVELS_SEPARATE;
	o.split_by_region = (mkg_region_split)3;
	assert_int_equal(mkg_concentration_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "split_by_region: must be 0 (none), 1 (seller) or 2 (buyer), got 3");
	mkg_model_free(m);
}

/* The firms of a side are a checked sum. */
static void
test_firms_overflow(void **state)
{
	mkg_model *m = mf_model(NULL);
	mkg_concentration *c = NULL;
	(void)state;

	actor_firms(m, "p", MKG_ACTOR_PRODUCER, NULL, -1);
	actor_firms(m, "a", MKG_ACTOR_TRADER, NULL, INT64_MAX / 2 + 1);
	actor_firms(m, "b", MKG_ACTOR_TRADER, NULL, INT64_MAX / 2 + 1);
	tx_level(m, "p", "a", 1, NULL);
	tx_level(m, "p", "b", 1, NULL);
	assert_int_equal(mkg_concentration_new(&c, m, NULL), MKG_EDATA);
	assert_null(c);
	assert_string_equal(mkg_error_message(),
	                    "concentration: the firms of the buyers of market \"maize\" level "
	                    "\"producer\" 2010 overflow (sum of the actors' firms exceeds "
	                    "9223372036854775807)");
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ineq_vector),
		cmocka_unit_test(test_textbook_and_ties),
		cmocka_unit_test(test_threshold_sets_on_market),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_threshold_data),
		cmocka_unit_test(test_empty_market),
		cmocka_unit_test(test_value_volume_and_excluded),
		cmocka_unit_test(test_market_keys),
		cmocka_unit_test(test_side_numbers),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_names_and_init),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_levels_firms_fringe),
		cmocka_unit_test(test_levels_pooled_by_buyer_region),
		cmocka_unit_test(test_firms_overflow),
	};

	return cmocka_run_group_tests_name("concentration", tests, NULL, NULL);
}
