/* marketgraph: exact, locale-independent formatting of doubles.
 *
 * mkg__format_double() finds the shortest decimal with Schubfach
 * (R. Giulietti, "The Schubfach way to render doubles", 2020) and lays it
 * out as %g would, with no printf and no strtod.  Its bytes are those of
 * mkg__format_double_reference() (the former printf/strtod search, kept
 * below as the one fallback) for every double; the argument is in the
 * comment of format_shortest(), and tests/unit/test-numfmt.c checks it on
 * millions of doubles per run.
 * SPDX-License-Identifier: MIT */
#include "text-private.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "numfmt-pow10.h"

/* Integers below this are exact doubles and print as plain digits. */
#define MKG_EXACT_INTEGER_LIMIT 1e15

/* ---- the reference: printf and strtod ------------------------------------ */

/* Write d with the given significant digits (%.Ng, trailing zeros
 * dropped); whether the text reads back to d. */
static bool
format_digits(char buf[MKG_DOUBLE_BUFSIZE], double d, int digits)
{
	char format[8];

	g_snprintf(format, sizeof format, "%%.%dg", digits);
	g_ascii_formatd(buf, MKG_DOUBLE_BUFSIZE, format, d);
	return g_ascii_strtod(buf, NULL) == d;
}

char *
mkg__format_double_reference(char buf[MKG_DOUBLE_BUFSIZE], double d)
{
	int lo, hi = 17;

	if (isnan(d))
		return strcpy(buf, "nan");
	if (isinf(d))
		return strcpy(buf, d > 0 ? "inf" : "-inf");
	/* Whole volumes and values: no printf/strtod round trip.  -0 keeps
	 * its sign so that it reads back the same. */
	if (d == floor(d) && fabs(d) < MKG_EXACT_INTEGER_LIMIT) {
		if (d == 0)
			return strcpy(buf, signbit(d) ? "-0" : "0");
		g_snprintf(buf, MKG_DOUBLE_BUFSIZE, "%" G_GINT64_FORMAT, (gint64)d);
		return buf;
	}
	/* 17 significant digits always round-trip; fewer often do and read
	 * better (0.1, not 0.10000000000000001).  g_ascii_* ignore the locale.
	 * The fewest digits that read back are wanted.  Reading back is monotonic
	 * in the digits (the n+1-digit rounding is at least as close as the
	 * n-digit one), so the least n is found by bisection.  For a normal
	 * double any decimal of up to 15 digits that reads back is what %.15g
	 * prints (trailing zeros dropped), so 15 is tried first: the usual case
	 * costs one formatting.  Subnormals carry fewer bits and may need only
	 * one digit (5e-324), hence the full search below DBL_MIN. */
	if (fabs(d) >= DBL_MIN && format_digits(buf, d, 15))
		return buf;
	lo = fabs(d) >= DBL_MIN ? 16 : 1;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (format_digits(buf, d, mid))
			hi = mid;
		else
			lo = mid + 1;
	}
	format_digits(buf, d, lo);
	return buf;
}

/* ---- digits --------------------------------------------------------------- */

static const char two_digits[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

/* Write the decimal digits of u ending just before end; the first digit. */
static char *
digits_before(char *end, uint64_t u)
{
	while (u >= 100) {
		unsigned r = (unsigned)(u % 100);
		u /= 100;
		end -= 2;
		memcpy(end, two_digits + 2 * r, 2);
	}
	if (u >= 10) {
		end -= 2;
		memcpy(end, two_digits + 2 * u, 2);
	} else {
		*--end = (char)('0' + u);
	}
	return end;
}

char *
mkg__format_int64(char buf[MKG_DOUBLE_BUFSIZE], int64_t i)
{
	char tmp[24];
	char *p = tmp + sizeof tmp;
	/* The magnitude in unsigned arithmetic: -INT64_MIN does not fit. */
	uint64_t u = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;

	p = digits_before(p, u);
	if (i < 0)
		*--p = '-';
	memcpy(buf, p, (size_t)(tmp + sizeof tmp - p));
	buf[tmp + sizeof tmp - p] = '\0';
	return buf;
}

/* ---- Schubfach ------------------------------------------------------------ */

/* The high 64 bits of a * b. */
static inline uint64_t
mul_high(uint64_t a, uint64_t b)
{
#ifdef __SIZEOF_INT128__
	__extension__ typedef unsigned __int128 u128;

	return (uint64_t)(((u128)a * b) >> 64);
#else
	uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
	uint64_t mid = a1 * b0 + ((a0 * b0) >> 32);
	uint64_t mid2 = a0 * b1 + (uint32_t)mid;

	return a1 * b1 + (mid >> 32) + (mid2 >> 32);
#endif
}

/* floor(x / 2^s), also for negative x (no reliance on >> of negatives). */
static inline int
floor_shift(int64_t x, int s)
{
	return x >= 0 ? (int)(x >> s) : -(int)((-x + ((INT64_C(1) << s) - 1)) >> s);
}

/* floor(log10(2^e)), floor(log10(3/4 * 2^e)), floor(log2(10^e)) for the
 * exponents of doubles (gen-numfmt-pow10.py checks them against exact
 * big-integer logarithms). */
static inline int
floor_log10_pow2(int e)
{
	return floor_shift((int64_t)e * INT64_C(661971961083), 41);
}

static inline int
floor_log10_three_quarters_pow2(int e)
{
	return floor_shift((int64_t)e * INT64_C(661971961083) - INT64_C(274743187321), 41);
}

static inline int
floor_log2_pow10(int e)
{
	return floor_shift((int64_t)e * INT64_C(913124641741), 38);
}

/* floor(g * cp / 2^127) with its last bit set when inexact (round to odd),
 * g = g1 * 2^63 + g0 (Giulietti, section 9). */
static inline uint64_t
round_to_odd(uint64_t g1, uint64_t g0, uint64_t cp)
{
	const uint64_t mask63 = (UINT64_C(1) << 63) - 1;
	uint64_t x1 = mul_high(g0, cp);
	uint64_t y0 = g1 * cp;
	uint64_t y1 = mul_high(g1, cp);
	uint64_t z = (y0 >> 1) + x1;

	return (y1 + (z >> 63)) | (((z & mask63) + mask63) >> 63);
}

/* The decimal f * 10^e closest to c * 2^q among the shortest that round to
 * it (ties to an even f); f may end in zeros.  The rounding interval is
 * c * 2^q +- 2^(q-1), except that below it is 2^(q-2) wide when c is the
 * least significand of a binade above the subnormals (asymmetric).  Its
 * ends belong to it when c is even (strtod rounds ties to even). */
static void
schubfach(uint64_t c, int q, bool asymmetric, uint64_t *f, int *e)
{
	uint64_t out = c & 1;
	uint64_t cb = c << 2, cbr = cb + 2, cbl;
	int k, h;

	if (!asymmetric) {
		cbl = cb - 2;
		k = floor_log10_pow2(q);
	} else {
		cbl = cb - 1;
		k = floor_log10_three_quarters_pow2(q);
	}
	h = q + floor_log2_pow10(-k) + 2;
	const uint64_t *g = mkg_pow10_g[k - MKG_POW10_K_MIN];
	/* 4 * (c * 2^q / 10^k) and the interval's ends, rounded to odd */
	uint64_t vb = round_to_odd(g[0], g[1], cb << h);
	uint64_t vbl = round_to_odd(g[0], g[1], cbl << h);
	uint64_t vbr = round_to_odd(g[0], g[1], cbr << h);
	uint64_t s = vb >> 2;

	*e = k;
	/* One digit fewer: at most one multiple of 10 fits (10^(k+1) > 2^q).
	 * Java tries it only from s >= 100 for its two-digit minimum; here the
	 * shortest is wanted, so from 10. */
	if (s >= 10) {
		uint64_t sp10 = s / 10 * 10, tp10 = sp10 + 10;
		bool upin = vbl + out <= sp10 << 2;
		bool wpin = (tp10 << 2) + out <= vbr;
		if (upin != wpin) {
			*f = upin ? sp10 : tp10;
			return;
		}
	}
	/* s or s + 1, whichever is in the interval, else the closer, else
	 * the even one. */
	uint64_t t = s + 1;
	bool uin = vbl + out <= s << 2;
	bool win = (t << 2) + out <= vbr;
	if (uin != win) {
		*f = uin ? s : t;
		return;
	}
	uint64_t mid = (s + t) << 1;
	*f = vb < mid || (vb == mid && (s & 1) == 0) ? s : t;
}

/* ---- the layout of %g ----------------------------------------------------- */

/* Write f * 10^e (f without trailing zeros, of n digits) as %.Pg would,
 * P = max(15, n): in exponent form when the decimal exponent x is below -4
 * or at least P, "e+20" / "e-05" with two exponent digits at least. */
static char *
write_g(char *p, uint64_t f, int n, int e)
{
	char digits[24];
	const char *d = digits_before(digits + sizeof digits, f);
	int x = e + n - 1;
	int precision = n > 15 ? n : 15;

	if (x < -4 || x >= precision) {
		unsigned ax = (unsigned)(x < 0 ? -x : x);
		*p++ = d[0];
		if (n > 1) {
			*p++ = '.';
			memcpy(p, d + 1, (size_t)n - 1);
			p += n - 1;
		}
		*p++ = 'e';
		*p++ = x < 0 ? '-' : '+';
		if (ax >= 100)
			*p++ = (char)('0' + ax / 100);
		memcpy(p, two_digits + 2 * (ax % 100), 2);
		p += 2;
	} else if (x >= 0) {
		if (n <= x + 1) {
			memcpy(p, d, (size_t)n);
			p += n;
			memset(p, '0', (size_t)(x + 1 - n));
			p += x + 1 - n;
		} else {
			memcpy(p, d, (size_t)x + 1);
			p += x + 1;
			*p++ = '.';
			memcpy(p, d + x + 1, (size_t)(n - x - 1));
			p += n - x - 1;
		}
	} else {
		*p++ = '0';
		*p++ = '.';
		memset(p, '0', (size_t)(-x - 1));
		p += -x - 1;
		memcpy(p, d, (size_t)n);
		p += n;
	}
	*p = '\0';
	return p;
}

/* Why these bytes are the reference's (%.15g if it reads back, else %.16g
 * if it does, else %.17g for normals; the least N whose %.Ng reads back for
 * subnormals), with D the Schubfach result of n digits:
 * - normal, n <= 15: the interval is narrower than 2^-52 d, while 15-digit
 *   decimals near d are at least 10^-15 d apart, so at most one lies in it:
 *   D (padded).  Any other 15-digit decimal is farther from d than D, so
 *   %.15g, the closest, is D and reads back.
 * - normal, n = 16 or 17, symmetric interval: no shorter decimal reads
 *   back, so neither does %.15g (nor %.16g when n = 17).  %.nG is the
 *   closest n-digit decimal to d; D is in the interval and the interval is
 *   symmetric, so the closest is too, and both break ties to even: D.
 * - subnormal: the spacing is uniform, every interval symmetric, reading
 *   back is monotonic in N, so the least N is n and %.ng is D as above.
 * - normal, n >= 16, asymmetric interval (d a power of two): the closest
 *   16-digit decimal may lie just below d outside the narrow lower half
 *   while D lies above; the reference then prints 17 digits.  These ~2000
 *   doubles take the reference. */
char *
mkg__format_double(char buf[MKG_DOUBLE_BUFSIZE], double d)
{
	uint64_t bits, c, f;
	int biased, q, e, n;
	bool asymmetric;
	char *p = buf;

	if (isnan(d))
		return strcpy(buf, "nan");
	if (isinf(d))
		return strcpy(buf, d > 0 ? "inf" : "-inf");
	if (d == 0)
		return strcpy(buf, signbit(d) ? "-0" : "0");
	/* Whole volumes and values: plain digits. */
	if (fabs(d) < MKG_EXACT_INTEGER_LIMIT && d == (double)(int64_t)d)
		return mkg__format_int64(buf, (int64_t)d);

	memcpy(&bits, &d, sizeof bits);
	biased = (int)((bits >> 52) & 0x7FF);
	c = bits & ((UINT64_C(1) << 52) - 1);
	if (biased != 0) {
		asymmetric = c == 0 && biased > 1;
		c |= UINT64_C(1) << 52;
		q = biased - 1075;
	} else {
		asymmetric = false;
		q = -1074;
	}
	schubfach(c, q, asymmetric, &f, &e);
	while (f % 10 == 0) {
		f /= 10;
		e++;
	}
	n = 1;
	for (uint64_t u = f; u >= 10; u /= 10)
		n++;
	if (asymmetric && n >= 16)
		return mkg__format_double_reference(buf, d);
	if (bits >> 63)
		*p++ = '-';
	write_g(p, f, n, e);
	return buf;
}
