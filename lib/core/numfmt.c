/* marketgraph: shortest round-trip formatting of doubles.
 * SPDX-License-Identifier: MIT */
#include "core-private.h"

#include <math.h>
#include <string.h>

char *
mkg__format_double(char buf[MKG_DOUBLE_BUFSIZE], double d)
{
	if (isnan(d))
		return strcpy(buf, "nan");
	if (isinf(d))
		return strcpy(buf, d > 0 ? "inf" : "-inf");
	/* 17 significant digits always round-trip; fewer often do and read
	 * better (0.1, not 0.10000000000000001).  g_ascii_* ignore the locale. */
	for (int digits = 15; digits <= 17; digits++) {
		char fmt[8];
		g_snprintf(fmt, sizeof fmt, "%%.%dg", digits);
		g_ascii_formatd(buf, MKG_DOUBLE_BUFSIZE, fmt, d);
		if (g_ascii_strtod(buf, NULL) == d)
			break;
	}
	return buf;
}
