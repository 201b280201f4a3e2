/* marketgraph: exact, locale-independent formatting of doubles.
 * SPDX-License-Identifier: MIT */
#include "text-private.h"

#include <math.h>
#include <string.h>

/* Integers below this are exact doubles and print as plain digits. */
#define MKG_EXACT_INTEGER_LIMIT 1e15

char *
mkg__format_double(char buf[MKG_DOUBLE_BUFSIZE], double d)
{
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
	 * better (0.1, not 0.10000000000000001).  g_ascii_* ignore the locale. */
	for (int digits = 15; digits <= 17; digits++) {
		static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
		g_ascii_formatd(buf, MKG_DOUBLE_BUFSIZE, formats[digits - 15], d);
		if (g_ascii_strtod(buf, NULL) == d)
			break;
	}
	return buf;
}
