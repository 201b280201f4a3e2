/* marketgraph: numbers rounded for a person to read (text reports): thousands
 * separators, three significant digits, no float noise.  JSON never uses
 * these: it keeps the shortest exact form (numfmt.c).
 * SPDX-License-Identifier: MIT */
#include "text-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Beyond this, plain digits would be noise: "%.3g" exponent form. */
#define HUMAN_PLAIN_LIMIT 1e15

/* Insert ',' every three digits of the integer part of the plain decimal
 * in buf (an optional '-', digits, an optional '.' and decimals). */
static void
group_thousands(char *buf, size_t size)
{
	char tmp[MKG_DOUBLE_BUFSIZE];
	const char *digits = buf[0] == '-' ? buf + 1 : buf;
	size_t n = strcspn(digits, "."), k = 0;

	if (buf[0] == '-')
		tmp[k++] = '-';
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			tmp[k++] = ',';
		tmp[k++] = digits[i];
	}
	g_strlcpy(tmp + k, digits + n, sizeof tmp - k);
	g_strlcpy(buf, tmp, size);
}

/* Decimals that give x three significant digits (none for |x| >= 100). */
static int
decimals_for(double x)
{
	int magnitude = (int)floor(log10(fabs(x)));

	return magnitude >= 2 ? 0 : 2 - magnitude;
}

/* x with `decimals` decimals, the C locale's '.' whatever LC_NUMERIC says. */
static void
ascii_fixed(char buf[MKG_DOUBLE_BUFSIZE], int decimals, double x)
{
	char format[8];

	g_snprintf(format, sizeof format, "%%.%df", decimals);
	g_ascii_formatd(buf, MKG_DOUBLE_BUFSIZE, format, x);
}

/* x with three significant digits, or one decimal fewer when rounding
 * carried it into the next power of ten (9.996 -> "10.0", not "10.00"). */
static void
fixed_sig3(char buf[MKG_DOUBLE_BUFSIZE], double x)
{
	int decimals = decimals_for(x);

	ascii_fixed(buf, decimals, x);
	if (decimals > 0 && fabs(g_ascii_strtod(buf, NULL)) >= pow(10.0, 3 - decimals))
		ascii_fixed(buf, decimals - 1, x);
}

/* Drop trailing zeros of the decimals, and the point when none is left. */
static void
strip_zeros(char *buf)
{
	char *end;

	if (strchr(buf, '.') == NULL)
		return;
	end = buf + strlen(buf) - 1;
	while (*end == '0')
		*end-- = '\0';
	if (*end == '.')
		*end = '\0';
}

/* "-0" reads as a sign on nothing: a person sees 0. */
static void
no_negative_zero(char *buf)
{
	if (buf[0] == '-' && strspn(buf + 1, "0.,") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));
}

static bool
special(char buf[MKG_DOUBLE_BUFSIZE], double x)
{
	if (isnan(x) || isinf(x)) {
		g_strlcpy(buf, "-", MKG_DOUBLE_BUFSIZE);
		return true;
	}
	if (fabs(x) >= HUMAN_PLAIN_LIMIT) {
		g_ascii_formatd(buf, MKG_DOUBLE_BUFSIZE, "%.3g", x);
		return true;
	}
	return false;
}

const char *
mkg__human_amount(char buf[MKG_DOUBLE_BUFSIZE], double x)
{
	if (special(buf, x))
		return buf;
	if (x == 0) {
		g_strlcpy(buf, "0", MKG_DOUBLE_BUFSIZE);
		return buf;
	}
	fixed_sig3(buf, x);
	strip_zeros(buf);
	no_negative_zero(buf);
	group_thousands(buf, MKG_DOUBLE_BUFSIZE);
	return buf;
}

const char *
mkg__human_integer(char buf[MKG_DOUBLE_BUFSIZE], double x, bool sign)
{
	if (special(buf, x))
		return buf;
	g_ascii_formatd(buf, MKG_DOUBLE_BUFSIZE, sign ? "%+.0f" : "%.0f", x);
	if (strcmp(buf, "-0") == 0 || strcmp(buf, "+0") == 0)
		g_strlcpy(buf, sign ? "+0" : "0", MKG_DOUBLE_BUFSIZE);

	if (buf[0] == '+') {
		group_thousands(buf + 1, MKG_DOUBLE_BUFSIZE - 1);
		return buf;
	}
	group_thousands(buf, MKG_DOUBLE_BUFSIZE);
	return buf;
}

const char *
mkg__human_count(char buf[MKG_DOUBLE_BUFSIZE], long long n)
{
	g_snprintf(buf, MKG_DOUBLE_BUFSIZE, "%lld", n);
	group_thousands(buf, MKG_DOUBLE_BUFSIZE);
	return buf;
}

const char *
mkg__human_percent(char buf[MKG_DOUBLE_BUFSIZE], double share)
{
	char mantissa[MKG_DOUBLE_BUFSIZE];
	double p;
	char *e;

	if (isnan(share) || isinf(share)) {
		g_strlcpy(buf, "-", MKG_DOUBLE_BUFSIZE);
		return buf;
	}
	if (fabs(share) >= 1e13) {
		/* A share that large (a throughput many times what was delivered):
		 * 100 * share may overflow to inf, so the exponent of the share
		 * is raised by 2 instead, "1.6e+308" -> "1.6e+310%". */
		g_ascii_formatd(mantissa, sizeof mantissa, "%.1e", share);
		e = strchr(mantissa, 'e');
		*e = '\0';
		g_snprintf(buf, MKG_DOUBLE_BUFSIZE, "%se%+d%%", mantissa, atoi(e + 1) + 2);
		return buf;
	}
	p = 100 * share;
	if (p == 0) {
		g_strlcpy(buf, "0%", MKG_DOUBLE_BUFSIZE);
		return buf;
	}
	{
		char plain[MKG_DOUBLE_BUFSIZE];
		fixed_sig3(plain, p);
		no_negative_zero(plain);
		group_thousands(plain, sizeof plain);
		g_snprintf(buf, MKG_DOUBLE_BUFSIZE, "%s%%", plain);
	}
	return buf;
}
