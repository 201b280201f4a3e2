/* marketgraph: text pieces the M4P sections of the report share.
 * SPDX-License-Identifier: MIT */
#include "sections-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *
mkg__text_percent(char buf[MKG_DOUBLE_BUFSIZE], double share)
{
	return mkg__human_percent(buf, share);
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
	return mkg__human_amount(buf, x);
}

const char *
mkg__plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}
