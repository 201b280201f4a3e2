/* marketgraph: helpers shared by the M4P analyses.
 * SPDX-License-Identifier: MIT */
#include "m4p-private.h"

#include <math.h>
#include <string.h>

MKG_DEFINE_INIT(mkg_facilitation_options_init, mkg_facilitation_options, opts, MKG_FACILITATION_OPTIONS)

int
mkg__facilitation_options_check(const mkg_facilitation_options *opts,
                                mkg_facilitation_options *o)
{
	const mkg_facilitation_options defaults = MKG_FACILITATION_OPTIONS_INIT;

	if (opts == NULL)
		opts = &defaults;
	if (opts->version != MKG_FACILITATION_OPTIONS_VERSION)
		return mkg__error(MKG_EINVAL, "facilitation options: unknown version %u",
		                  opts->version);
	*o = *opts;
	return mkg__check_measure(opts->measure);
}

void
mkg__facilitation_market_key(mkg_facilitation_market *row, GStringChunk *strings,
                             const mkg__market *market)
{
	row->commodity = mkg__keep(strings, market->commodity);
	row->period = mkg__keep(strings, market->period);
	row->region = mkg__keep(strings, market->region);
	row->service = market->service;
	row->total = market->total;
}

void
mkg__facilitation_market_write(mkg_jw *w, const mkg_facilitation_market *row,
                               const char *amount_key)
{
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "commodity", row->commodity);
	mkg__jw_kstring(w, "period", row->period);
	mkg__jw_kstring(w, "region", row->region);
	mkg__jw_kbool(w, "service", row->service != 0);
	mkg__jw_kdouble(w, "total", row->total);
	mkg__jw_kdouble(w, amount_key, row->amount);
	mkg__jw_kdouble(w, "share", row->share);
	mkg__jw_end_object(w);
}

int
mkg__m4p_finish(mkg_jw *w, char **out, size_t *len)
{
	char *text = NULL;
	size_t n = 0;
	int rc = mkg__jw_finish(w, &text, &n);

	if (rc != MKG_OK)
		return rc;
	*out = text;
	if (len != NULL)
		*len = n;
	return MKG_OK;
}

const char *
mkg__text_percent(char buf[MKG_DOUBLE_BUFSIZE], double share)
{
	if (share != share) {
		g_strlcpy(buf, "-", MKG_DOUBLE_BUFSIZE);
		return buf;
	}
	/* locale-independent: the text must not change with LC_NUMERIC */
	g_ascii_formatd(buf, MKG_DOUBLE_BUFSIZE - 1, "%.1f", 100 * share);
	g_strlcat(buf, "%", MKG_DOUBLE_BUFSIZE);
	return buf;
}

void
mkg__market_label(GString *out, const mkg_facilitation_market *row)
{
	g_string_append(out, row->commodity);
	if (row->period != NULL)
		g_string_append_printf(out, " %s", row->period);
	if (row->region != NULL)
		g_string_append_printf(out, " %s", row->region);
	if (row->service)
		g_string_append(out, " (service)");
}

void
mkg__m4p_heading(GString *out, const char *title)
{
	g_string_append_printf(out, "\n%s\n", title);
	for (const char *p = title; *p; p++)
		g_string_append_c(out, '=');
	g_string_append_c(out, '\n');
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
