/* Tests of lib/core: number formatting and the JSON writer's layout.
 * SPDX-License-Identifier: MIT */
#include "core-private.h"

#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char *
fmt(double d)
{
	static char buf[MKG_DOUBLE_BUFSIZE];
	return mkg__format_double(buf, d);
}

static void
test_format_double(void **state)
{
	(void)state;
	assert_string_equal(fmt(850), "850");
	assert_string_equal(fmt(-12), "-12");
	assert_string_equal(fmt(0), "0");
	assert_string_equal(fmt(-0.0), "-0");
	assert_string_equal(fmt(0.1), "0.1");
	assert_string_equal(fmt(2.5), "2.5");
	assert_string_equal(fmt(1e21), "1e+21");
	assert_string_equal(fmt(123456789012345.0), "123456789012345");
	/* 0.1 + 0.2 needs 17 digits to read back exactly. */
	assert_string_equal(fmt(0.1 + 0.2), "0.30000000000000004");
	assert_string_equal(fmt(DBL_MAX), "1.7976931348623157e+308");
	assert_string_equal(fmt(NAN), "nan");
	assert_string_equal(fmt(-INFINITY), "-inf");
}

/* Numbers rounded for a person (text reports): worked by hand. */
static void
test_format_human(void **state)
{
	char b[MKG_DOUBLE_BUFSIZE];

	(void)state;
	/* amounts: 3 significant digits, never fewer than the integer digits */
	assert_string_equal(mkg__human_amount(b, 13179.161000000002), "13,179");
	assert_string_equal(mkg__human_amount(b, 28682.000000000004), "28,682");
	assert_string_equal(mkg__human_amount(b, 17616660), "17,616,660");
	assert_string_equal(mkg__human_amount(b, -17616660), "-17,616,660");
	assert_string_equal(mkg__human_amount(b, 813.46), "813");
	assert_string_equal(mkg__human_amount(b, 55.556), "55.6");
	assert_string_equal(mkg__human_amount(b, 3.5), "3.5");
	assert_string_equal(mkg__human_amount(b, 0.347215), "0.347");
	assert_string_equal(mkg__human_amount(b, 9.996), "10");   /* not "10.00" */
	assert_string_equal(mkg__human_amount(b, 0.0999999), "0.1");
	assert_string_equal(mkg__human_amount(b, 999.6), "1,000");
	assert_string_equal(mkg__human_amount(b, 0), "0");
	assert_string_equal(mkg__human_amount(b, -0.0), "0");
	assert_string_equal(mkg__human_amount(b, -0.0001), "-0.0001");
	assert_string_equal(mkg__human_amount(b, 123456789012345.0), "123,456,789,012,345");
	assert_string_equal(mkg__human_amount(b, 1.7e308), "1.7e+308");
	assert_string_equal(mkg__human_amount(b, NAN), "-");
	/* whole numbers */
	assert_string_equal(mkg__human_integer(b, 4689.4, false), "4,689");
	assert_string_equal(mkg__human_integer(b, 7921, true), "+7,921");
	assert_string_equal(mkg__human_integer(b, -1480.6, true), "-1,481");
	assert_string_equal(mkg__human_integer(b, 0.2, true), "+0");
	assert_string_equal(mkg__human_integer(b, -0.2, false), "0");
	assert_string_equal(mkg__human_integer(b, 999, false), "999");
	assert_string_equal(mkg__human_count(b, 1670), "1,670");
	assert_string_equal(mkg__human_count(b, 100), "100");
	assert_string_equal(mkg__human_count(b, 1000000), "1,000,000");
	/* shares: 3 significant digits of the percentage, zeros kept */
	assert_string_equal(mkg__human_percent(b, 0.68), "68.0%");
	assert_string_equal(mkg__human_percent(b, 0.98396), "98.4%");
	assert_string_equal(mkg__human_percent(b, 0.0625), "6.25%");
	assert_string_equal(mkg__human_percent(b, 0.00347), "0.347%");
	assert_string_equal(mkg__human_percent(b, 1), "100%");
	assert_string_equal(mkg__human_percent(b, 0.99996), "100%");
	assert_string_equal(mkg__human_percent(b, 0.09996), "10.0%");
	assert_string_equal(mkg__human_percent(b, 0), "0%");
	assert_string_equal(mkg__human_percent(b, 12.5), "1,250%");
	assert_string_equal(mkg__human_percent(b, 1.6e308), "1.6e+310%");
	assert_string_equal(mkg__human_percent(b, NAN), "-");
}

/* Every output reads back to the same double, over a spread of magnitudes. */
static void
test_format_double_round_trips(void **state)
{
	double d = 1.0 / 3.0;

	(void)state;
	for (int i = 0; i < 2000; i++) {
		double v = ldexp(d, i % 200 - 100) * (i % 2 ? -1 : 1);
		assert_true(strtod(fmt(v), NULL) == v);
		d = fmod(d * 7.3 + 0.123, 10.0);
	}
	assert_true(strtod(fmt(5e-324), NULL) == 5e-324);
}

/* Subnormals carry fewer than 53 bits, so fewer digits tell them apart:
 * the shortest text that reads back (as Python's repr() and JavaScript's
 * String() write them), worked from the bits: 2^-1074 = 4.94...e-324 is the
 * only double within half a step (2^-1075) of 5e-324, 3 * 2^-1074 =
 * 1.48...e-323 of 1.5e-323. */
static void
test_format_double_subnormals(void **state)
{
	(void)state;
	assert_string_equal(fmt(ldexp(1, -1074)), "5e-324");          /* was 4.94065645841247e-324 */
	assert_string_equal(fmt(-ldexp(1, -1074)), "-5e-324");
	assert_string_equal(fmt(ldexp(3, -1074)), "1.5e-323");        /* was 1.48219693752374e-323 */
	assert_string_equal(fmt(ldexp(1, -1073)), "1e-323");          /* 2^-1073 = 9.88...e-324 */
	assert_string_equal(fmt(1e-310), "1e-310");
	assert_string_equal(fmt(1.2345e-315), "1.2345e-315");
	/* the largest subnormal, DBL_MIN - 2^-1074: 16 digits */
	assert_string_equal(fmt(DBL_MIN - ldexp(1, -1074)), "2.225073858507201e-308");
	/* the least normal needs all 17 */
	assert_string_equal(fmt(DBL_MIN), "2.2250738585072014e-308");
	assert_string_equal(fmt(DBL_TRUE_MIN), "5e-324");
}

/* Shortest: with one significant digit fewer nothing reads back, over
 * subnormals and normals alike (%.Ng is the closest N-digit decimal, so it
 * is enough that it does not read back). */
static void
test_format_double_is_shortest(void **state)
{
	uint64_t bits = 0x9E3779B97F4A7C15u;

	(void)state;
	for (int i = 0; i < 4000; i++) {
		char shorter[400];
		const char *text, *e;
		double v;
		int digits = 0;

		bits = bits * 6364136223846793005u + 1442695040888963407u;
		/* half subnormals (exponent field 0), half anything finite */
		uint64_t u = i % 2 ? bits & 0x000FFFFFFFFFFFFFu : bits & 0x7FEFFFFFFFFFFFFFu;
		memcpy(&v, &u, sizeof v);
		if (v == floor(v))
			continue;
		text = fmt(v);
		assert_true(strtod(text, NULL) == v);
		e = strchr(text, 'e');
		for (const char *p = text; *p && p != e; p++)
			digits += *p >= '0' && *p <= '9';
		/* leading zeros of 0.000123 are not significant */
		for (const char *p = text; *p == '0' || *p == '.'; p++)
			digits -= *p == '0';
		if (digits > 1) {
			snprintf(shorter, sizeof shorter, "%.*g", digits - 1, v);
			assert_false(strtod(shorter, NULL) == v);
		}
	}
}

static void
test_writer_layout(void **state)
{
	mkg_jw *w = mkg__jw_new_string();
	char *out = NULL;
	size_t len = 0;

	(void)state;
	mkg__jw_begin_object(w, false);
	mkg__jw_kstring(w, "name", "a \"quoted\"\n\x01 name");
	mkg__jw_kdouble(w, "share", 0.25);
	mkg__jw_kdouble(w, "missing", NAN);
	mkg__jw_kint(w, "households", -3);
	mkg__jw_kbool(w, "service", true);
	mkg__jw_key(w, "rows");
	mkg__jw_begin_array(w, false);
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "id", "x");
	mkg__jw_key(w, "tags");
	mkg__jw_begin_array(w, false); /* inside an inline object: inline too */
	mkg__jw_string(w, "a");
	mkg__jw_null(w);
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
	mkg__jw_raw(w, "{\"k\":1}");
	mkg__jw_end_array(w);
	mkg__jw_key(w, "empty");
	mkg__jw_begin_array(w, false);
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
	assert_int_equal(mkg__jw_finish(w, &out, &len), MKG_OK);
	assert_string_equal(out, "{\n"
	                         "  \"name\": \"a \\\"quoted\\\"\\n\\u0001 name\",\n"
	                         "  \"share\": 0.25,\n"
	                         "  \"missing\": null,\n"
	                         "  \"households\": -3,\n"
	                         "  \"service\": true,\n"
	                         "  \"rows\": [\n"
	                         "    {\"id\": \"x\", \"tags\": [\"a\", null]},\n"
	                         "    {\"k\":1}\n"
	                         "  ],\n"
	                         "  \"empty\": []\n"
	                         "}\n");
	assert_int_equal(len, strlen(out));
	mkg_free(out);
}

/* NaN is "absent" and writes null; an infinite number (an overflowed sum
 * that escaped its check) is no "absent": the writer keeps the text JSON
 * but fails at the end, for string and stream writers alike. */
static void
test_writer_infinite(void **state)
{
	mkg_jw *w = mkg__jw_new_string();
	char *out = NULL;
	size_t len = 0;
	FILE *f = tmpfile();

	(void)state;
	mkg__jw_begin_array(w, true);
	mkg__jw_double(w, NAN);
	mkg__jw_double(w, -INFINITY);
	mkg__jw_end_array(w);
	assert_int_equal(mkg__jw_finish(w, &out, &len), MKG_EDATA);
	assert_null(out);
	assert_string_equal(mkg_error_message(), "JSON writer: a number is infinite (a sum that "
	                                         "overflows was not reported as an error)");

	assert_non_null(f);
	w = mkg__jw_new_stream(f);
	mkg__jw_begin_object(w, true);
	mkg__jw_kdouble(w, "total", INFINITY);
	mkg__jw_end_object(w);
	assert_int_equal(mkg__jw_finish(w, NULL, NULL), MKG_EDATA);
	fclose(f);
}

/* A stream writer flushes in chunks and reports write errors at the end. */
static void
test_writer_stream(void **state)
{
	FILE *f = tmpfile();
	mkg_jw *w;
	char buf[64];

	(void)state;
	assert_non_null(f);
	w = mkg__jw_new_stream(f);
	mkg__jw_begin_array(w, true);
	for (int i = 0; i < 30000; i++)
		mkg__jw_int(w, i);
	mkg__jw_end_array(w);
	assert_int_equal(mkg__jw_finish(w, NULL, NULL), MKG_OK);
	/* "[0, 1, ..., 29999]\n": 10 + 90*2 + 900*3 + 9000*4 + 20000*5 digits,
	 * 29999 separators of 2 bytes, brackets and the newline. */
	assert_int_equal(ftell(f), 10 + 180 + 2700 + 36000 + 100000 + 29999 * 2 + 3);
	rewind(f);
	assert_non_null(fgets(buf, 8, f));
	assert_string_equal(buf, "[0, 1, ");
	fclose(f);

	f = fopen("/dev/full", "w");
	if (f == NULL)
		skip();
	w = mkg__jw_new_stream(f);
	mkg__jw_string(w, "x");
	assert_int_equal(mkg__jw_finish(w, NULL, NULL), MKG_EIO);
	assert_non_null(strstr(mkg_error_message(), "write error"));
	fclose(f);
}

/* Pair keys (a << 32 | b) that share b, or whose halves rise together,
 * must spread over the table: GLib 2.74's g_int64_hash gave all sales to
 * one hub a single hash, and the channels of a 500,000-producer star took
 * 16 minutes.  Distinct keys here get distinct hashes (counted exactly),
 * and their low 10 bits (a table of 1024 buckets) fill at least 60% of the
 * buckets: 1024 random hashes into 1024 buckets fill 1 - 1/e = 63% on
 * average. */
static int
compare_uint(const void *a, const void *b)
{
	guint x = *(const guint *)a, y = *(const guint *)b;

	return (x > y) - (x < y);
}

static void
test_pair_hash_spreads(void **state)
{
	enum { N = 1024 };
	static guint hashes[3][N];
	bool bucket[N];

	(void)state;
	for (guint64 k = 0; k < N; k++) {
		guint64 same_buyer = k << 32 | 1u, same_seller = (guint64)7 << 32 | k;
		guint64 path = k << 32 | (k + 1);

		hashes[0][k] = mkg__pair_hash(&same_buyer);
		hashes[1][k] = mkg__pair_hash(&same_seller);
		hashes[2][k] = mkg__pair_hash(&path);
	}
	for (int s = 0; s < 3; s++) {
		size_t filled = 0;

		memset(bucket, 0, sizeof bucket);
		for (int k = 0; k < N; k++)
			bucket[hashes[s][k] % N] = true;
		for (int k = 0; k < N; k++)
			filled += bucket[k];
		assert_true(filled >= N * 6 / 10);
		qsort(hashes[s], N, sizeof(guint), compare_uint);
		for (int k = 1; k < N; k++)
			assert_true(hashes[s][k] != hashes[s][k - 1]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_double),
		cmocka_unit_test(test_format_human),
		cmocka_unit_test(test_format_double_round_trips),
		cmocka_unit_test(test_format_double_subnormals),
		cmocka_unit_test(test_format_double_is_shortest),
		cmocka_unit_test(test_writer_layout),
		cmocka_unit_test(test_writer_stream),
		cmocka_unit_test(test_writer_infinite),
		cmocka_unit_test(test_pair_hash_spreads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
