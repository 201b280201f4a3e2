/* Tests of lib/text/numfmt.c: the printf-free writer of doubles against the
 * printf/strtod reference on millions of doubles, and exact strings for the
 * edge cases worked by hand.
 *
 * Every run draws new doubles (the seed is printed; set MKG_NUMFMT_SEED to
 * replay one).  The reference costs 0.5 to 3 us of printf and strtod per
 * double, so a run compares about 3 million doubles (5 to 7 s of CPU);
 * MKG_NUMFMT_SCALE=N multiplies the random counts by N for a longer run
 * (N = 4 compares about 11 million), or a fraction for a shorter one: the
 * valgrind setup uses 0.01, the reference being 50 times slower there.
 * SPDX-License-Identifier: MIT */
#include "text-private.h"

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

static uint64_t seed;
static uint64_t rng;
static double scale = 1.0;
static long compared;
static long compared_before;
static clock_t started;

/* Each group says how many doubles it compared, in how much CPU time. */
static int
group_start(void **state)
{
	(void)state;
	compared_before = compared;
	started = clock();
	return 0;
}

static int
group_end(void **state)
{
	(void)state;
	print_message("# %ld doubles, %.2f s CPU\n", compared - compared_before,
		      (double)(clock() - started) / CLOCKS_PER_SEC);
	return 0;
}

/* splitmix64 */
static uint64_t
next_u64(void)
{
	uint64_t z = (rng += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

static double
from_bits(uint64_t u)
{
	double d;

	memcpy(&d, &u, sizeof d);
	return d;
}

/* The new text must be the reference's, byte for byte. */
static void
same(double d)
{
	char fast[MKG_DOUBLE_BUFSIZE], ref[MKG_DOUBLE_BUFSIZE];
	uint64_t u;

	mkg__format_double(fast, d);
	mkg__format_double_reference(ref, d);
	compared++;
	if (strcmp(fast, ref) != 0) {
		memcpy(&u, &d, sizeof u);
		fail_msg("bits 0x%016" PRIx64 ": \"%s\", reference \"%s\" (seed %" PRIu64 ")",
			 u, fast, ref, seed);
	}
}

/* d and its neighbours up to k steps away on both sides, both signs. */
static void
same_around(double d, int k)
{
	double up = d, down = d;

	same(d);
	same(-d);
	for (int i = 0; i < k; i++) {
		up = nextafter(up, INFINITY);
		down = nextafter(down, -INFINITY);
		same(up);
		same(-up);
		same(down);
		same(-down);
	}
}

static void
test_random_bits(void **state)
{
	(void)state;
	for (long i = 0; i < (long)(600000 * scale); i++) {
		double d = from_bits(next_u64());
		if (isfinite(d))
			same(d);
	}
}

/* Decimals of 1 to 17 digits: m * 10^x computed with one rounding (m and
 * 10^x exact) for |x| <= 22, hence the correctly rounded double of the
 * decimal for m < 2^53; beyond 2^53 or with a wider x, values near short
 * decimals all the same. */
static void
test_random_decimals(void **state)
{
	static const double p10[23] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
	};
	uint64_t limit[18];

	(void)state;
	limit[0] = 1;
	for (int i = 1; i < 18; i++)
		limit[i] = limit[i - 1] * 10;
	for (long i = 0; i < (long)(1200000 * scale); i++) {
		uint64_t r = next_u64();
		int digits = 1 + (int)(r % 17);
		uint64_t m = next_u64() % limit[digits];
		int x = (int)((r >> 8) % 45) - 22;
		double d = x >= 0 ? (double)m * p10[x] : (double)m / p10[-x];
		if ((r >> 20) % 4 == 0)    /* anywhere in the exponent range */
			d = ldexp(d, (int)((r >> 24) % 2000) - 1000);
		if (r >> 63)
			d = -d;
		if (isfinite(d))
			same(d);
	}
}

/* Whole numbers and near-whole numbers around the end of the integer path
 * (1e15) and of the exact integers (2^53), and short dyadic values whose
 * decimal expansion ends within 17 digits (ties between 16-digit decimals,
 * like 1 + 2^-16 = 1.0000152587890625). */
static void
test_integers_and_dyadics(void **state)
{
	const double centres[] = { 1e15, 9007199254740992.0, 1e16, 1e17, 4503599627370496.0 };

	(void)state;
	for (long i = 0; i < (long)(300000 * scale); i++) {
		uint64_t r = next_u64();
		double c = centres[r % 5];
		double d = c + (double)((int64_t)(r >> 8) % 2000001 - 1000000);
		switch ((r >> 40) % 4) {
		case 0: break;
		case 1: d += 0.5; break;
		case 2: d = nextafter(d, 0); break;
		default: d = nextafter(d, INFINITY); break;
		}
		same(d);
		same(-d);
	}
	for (long i = 0; i < (long)(400000 * scale); i++) {
		uint64_t r = next_u64();
		double d = ldexp((double)(next_u64() >> 11), (int)(r % 80) - 70);
		same(r >> 63 ? -d : d);
	}
}

/* Every power of two and of ten, with eight neighbours on each side. */
static void
test_powers_and_neighbours(void **state)
{
	char text[16];

	(void)state;
	for (int e = -1074; e <= 1023; e++)
		same_around(ldexp(1, e), 8);
	for (int e = -323; e <= 308; e++) {
		snprintf(text, sizeof text, "1e%d", e);
		same_around(strtod(text, NULL), 8);
	}
}

/* Subnormals: every one of the first 20000, then random ones. */
static void
test_subnormals(void **state)
{
	(void)state;
	for (uint64_t t = 1; t < 20000; t++) {
		same(from_bits(t));
		same(from_bits(t | UINT64_C(1) << 63));
	}
	for (long i = 0; i < (long)(100000 * scale); i++) {
		uint64_t r = next_u64();
		/* random widths, so that short mantissas come up too */
		same(from_bits((r & ((UINT64_C(1) << 52) - 1)) >> (r >> 58)));
	}
	same_around(DBL_MIN, 64);
	same_around(DBL_TRUE_MIN, 64);
}

static void
test_special_values(void **state)
{
	(void)state;
	same(0.0);
	same(-0.0);
	same(NAN);
	same(INFINITY);
	same(-INFINITY);
	same_around(DBL_MAX, 64);
	same_around(DBL_MIN, 4);
	same_around(1e15, 64);
	same_around(9007199254740992.0, 64);
	same_around(0.0001, 64);
	same_around(0.00001, 64);
	print_message("# compared %ld doubles with the reference (seed %" PRIu64 ")\n",
		      compared, seed);
}

/* Exact strings, worked by hand (the layout of %.Ng with N = max(15,
 * digits): exponent form below 1e-4 or from 10^N). */
static void
test_exact_strings(void **state)
{
	char b[MKG_DOUBLE_BUFSIZE];

	(void)state;
	assert_string_equal(mkg__format_double(b, 0.0001), "0.0001");
	assert_string_equal(mkg__format_double(b, 0.00001), "1e-05");
	assert_string_equal(mkg__format_double(b, -0.000123), "-0.000123");
	assert_string_equal(mkg__format_double(b, 1.5e-5), "1.5e-05");
	/* 1e15 leaves the integer path; %.15g puts 10^15 in exponent form */
	assert_string_equal(mkg__format_double(b, 1e15), "1e+15");
	assert_string_equal(mkg__format_double(b, 999999999999999.0), "999999999999999");
	assert_string_equal(mkg__format_double(b, 1234567890123456.0), "1234567890123456");
	assert_string_equal(mkg__format_double(b, 1.5e15), "1.5e+15");
	/* 2^53 + 2: 16 digits with N = 16 are still in fixed form */
	assert_string_equal(mkg__format_double(b, 9007199254740994.0), "9007199254740994");
	/* 2^60 = 1152921504606846976: 1.152921504606847e18 is within 64 */
	assert_string_equal(mkg__format_double(b, 1152921504606846976.0), "1.152921504606847e+18");
	assert_string_equal(mkg__format_double(b, 123456789012345.6), "123456789012345.6");
	assert_string_equal(mkg__format_double(b, 0.1 + 0.2), "0.30000000000000004");
	assert_string_equal(mkg__format_double(b, 1.0000152587890625), "1.0000152587890625");
	assert_string_equal(mkg__format_double(b, 1e100), "1e+100");
	assert_string_equal(mkg__format_double(b, 1e-100), "1e-100");
	assert_string_equal(mkg__format_double(b, 1e22), "1e+22");
	assert_string_equal(mkg__format_double(b, 1e23), "1e+23");
	assert_string_equal(mkg__format_double(b, DBL_MAX), "1.7976931348623157e+308");
	assert_string_equal(mkg__format_double(b, -DBL_MAX), "-1.7976931348623157e+308");
	assert_string_equal(mkg__format_double(b, DBL_MIN), "2.2250738585072014e-308");
	assert_string_equal(mkg__format_double(b, DBL_TRUE_MIN), "5e-324");
	assert_string_equal(mkg__format_double(b, 2 * DBL_TRUE_MIN), "1e-323");
	assert_string_equal(mkg__format_double(b, 12 * DBL_TRUE_MIN), "6e-323");
	assert_string_equal(mkg__format_double(b, -0.0), "-0");
	assert_string_equal(mkg__format_double(b, 0.0), "0");
	assert_string_equal(mkg__format_double(b, -42.0), "-42");
	assert_string_equal(mkg__format_double(b, 0.5), "0.5");
	assert_string_equal(mkg__format_double(b, 0.25), "0.25");
	/* a power of two whose shortest form has 14 digits: no fallback */
	assert_string_equal(mkg__format_double(b, ldexp(1, -20)), "9.5367431640625e-07");
	/* 2^89 = 618970019642690137449562112 reads back from d - 2^35 to
	 * d + 2^36 (the step below is half the step above).  The closest
	 * 16-digit decimal, ...690100000000000, is 37449562112 below: outside.
	 * ...690200000000000 is 62550437888 above: inside, the shortest form
	 * (Python's repr() prints 6.189700196426902e+26).  %.16g does not read
	 * back, so the former code, and this one, print %.17g. */
	assert_string_equal(mkg__format_double(b, ldexp(1, 89)), "6.1897001964269014e+26");
	assert_string_equal(mkg__format_double(b, ldexp(1, -1017)), "7.1202363472230444e-307");
	assert_string_equal(mkg__format_double(b, ldexp(1, 100)), "1.2676506002282294e+30");
	assert_string_equal(mkg__format_double(b, NAN), "nan");
	assert_string_equal(mkg__format_double(b, INFINITY), "inf");
	assert_string_equal(mkg__format_double(b, -INFINITY), "-inf");
}

static void
test_format_int64(void **state)
{
	char b[MKG_DOUBLE_BUFSIZE];

	(void)state;
	assert_string_equal(mkg__format_int64(b, 0), "0");
	assert_string_equal(mkg__format_int64(b, 7), "7");
	assert_string_equal(mkg__format_int64(b, -7), "-7");
	assert_string_equal(mkg__format_int64(b, 10), "10");
	assert_string_equal(mkg__format_int64(b, 99), "99");
	assert_string_equal(mkg__format_int64(b, 100), "100");
	assert_string_equal(mkg__format_int64(b, -1000000), "-1000000");
	assert_string_equal(mkg__format_int64(b, INT64_MAX), "9223372036854775807");
	assert_string_equal(mkg__format_int64(b, INT64_MIN), "-9223372036854775808");
	for (int64_t i = -100000; i <= 100000; i += 7) {
		char ref[32];
		snprintf(ref, sizeof ref, "%" PRId64, i);
		assert_string_equal(mkg__format_int64(b, i), ref);
	}
}

int
main(void)
{
	const char *s = getenv("MKG_NUMFMT_SEED");
	const char *k = getenv("MKG_NUMFMT_SCALE");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_strings),
		cmocka_unit_test(test_format_int64),
		cmocka_unit_test_setup_teardown(test_random_bits, group_start, group_end),
		cmocka_unit_test_setup_teardown(test_random_decimals, group_start, group_end),
		cmocka_unit_test_setup_teardown(test_integers_and_dyadics, group_start, group_end),
		cmocka_unit_test_setup_teardown(test_powers_and_neighbours, group_start, group_end),
		cmocka_unit_test_setup_teardown(test_subnormals, group_start, group_end),
		cmocka_unit_test(test_special_values),
	};

	seed = s ? strtoull(s, NULL, 10) : (uint64_t)g_get_real_time();
	rng = seed;
	if (k && g_ascii_strtod(k, NULL) > 0)
		scale = g_ascii_strtod(k, NULL);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
