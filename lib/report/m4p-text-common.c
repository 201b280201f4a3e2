/* marketgraph: text pieces the M4P sections of the report share.
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *
mkg__text_percent(char buf[MKG_DOUBLE_BUFSIZE], double share)
{
	char mantissa[MKG_DOUBLE_BUFSIZE];
	char *e;

	if (share != share) {
		g_strlcpy(buf, "-", MKG_DOUBLE_BUFSIZE);
		return buf;
	}
	/* locale-independent: the text must not change with LC_NUMERIC */
	if (fabs(share) < 1e13) {
		g_ascii_formatd(buf, MKG_DOUBLE_BUFSIZE - 1, "%.1f", 100 * share);
		g_strlcat(buf, "%", MKG_DOUBLE_BUFSIZE);
		return buf;
	}
	/* A share that large (a throughput many times what was delivered):
	 * 100 * share may overflow to inf, so the exponent of the share is
	 * raised by 2 instead, "1.6e+308" -> "1.6e+310%". */
	g_ascii_formatd(mantissa, sizeof mantissa, "%.1e", share);
	e = strchr(mantissa, 'e');
	if (e == NULL) { /* infinite: a checked sum never gives one */
		g_strlcpy(buf, "-", MKG_DOUBLE_BUFSIZE);
		return buf;
	}
	*e = '\0';
	g_snprintf(buf, MKG_DOUBLE_BUFSIZE, "%se%+d%%", mantissa, atoi(e + 1) + 2);
	return buf;
}

void
mkg__market_label(GString *out, mkg__labels *l, const mkg_facilitation_market *row)
{
	g_string_append(out, mkg__text(l, row->commodity));
	if (row->period != NULL)
		g_string_append_printf(out, " %s", mkg__text(l, row->period));
	if (row->region != NULL)
		g_string_append_printf(out, " %s", mkg__text(l, row->region));
	if (row->service)
		g_string_append(out, " (service)");
}

const char *
mkg__text_amount(char buf[MKG_DOUBLE_BUFSIZE], double x)
{
	char *end;

	if (x != x) {
		g_strlcpy(buf, "-", MKG_DOUBLE_BUFSIZE);
		return buf;
	}
	if (fabs(x) >= 1e15)
		return mkg__format_double(buf, x);
	/* two decimals at most, trailing zeros dropped: 10.42, 3000, 0.5 */
	g_ascii_formatd(buf, MKG_DOUBLE_BUFSIZE, "%.2f", x);
	end = buf + strlen(buf) - 1;
	while (*end == '0')
		*end-- = '\0';
	if (*end == '.')
		*end = '\0';
	if (strcmp(buf, "-0") == 0)
		g_strlcpy(buf, "0", MKG_DOUBLE_BUFSIZE);
	return buf;
}

const char *
mkg__plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}
