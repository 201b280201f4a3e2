/* marketgraph: exact, locale-independent formatting of doubles.
 * SPDX-License-Identifier: MIT */
#include "text-private.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

/* Integers below this are exact doubles and print as plain digits. */
#define MKG_EXACT_INTEGER_LIMIT 1e15

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
mkg__format_double(char buf[MKG_DOUBLE_BUFSIZE], double d)
{
	int lo, hi = 17;

	if (isnan(d))
		return strcpy(buf, "nan");
	if (isinf(d))
		return strcpy(buf, d > 0 ? "inf" : "-inf");
	/* Fast path for the common whole volumes and values: no printf/strtod
	 * round trip.  -0 keeps its sign so that it reads back the same. */
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
