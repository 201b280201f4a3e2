/* marketgraph: writing lists into one cell (tags, facilitation targets,
 * paid_by), shared by the CSV writer and the GraphML and Kumu exports.
 * The reader's side is in csv-read.c; docs/interop.md has the rules.
 * SPDX-License-Identifier: MIT */
#include "interop-private.h"
#include "core-private.h"

#include <string.h>

void
mkg__number_write(GString *out, double d)
{
	char num[MKG_DOUBLE_BUFSIZE];

	g_string_append(out, mkg__format_double(num, d == 0 ? 0.0 : d));
}

/* Whether an item can be written bare in the "a;b" form and read back the
 * same (the reader splits at ';' and trims white space). */
static bool
plain_item(const char *s, bool first)
{
	size_t n = strlen(s);

	return n > 0 && strchr(s, ';') == NULL && !mkg__csv_is_space(s[0]) &&
	       !mkg__csv_is_space(s[n - 1]) && !(first && s[0] == '[');
}

static void
json_string(GString *out, const char *s)
{
	g_string_append_c(out, '"');
	mkg__json_escape(out, s);
	g_string_append_c(out, '"');
}

void
mkg__list_write(GString *out, const char *const *items, size_t n)
{
	bool plain = true;

	for (size_t k = 0; k < n && plain; k++)
		plain = plain_item(items[k], k == 0);
	if (plain) {
		for (size_t k = 0; k < n; k++) {
			if (k > 0)
				g_string_append_c(out, ';');
			g_string_append(out, items[k]);
		}
		return;
	}
	g_string_append_c(out, '[');
	for (size_t k = 0; k < n; k++) {
		if (k > 0)
			g_string_append_c(out, ',');
		json_string(out, items[k]);
	}
	g_string_append_c(out, ']');
}

void
mkg__payments_write(GString *out, const char *const *actors, const double *shares, size_t n,
                    const char *const *embedded, size_t n_embedded, double embedded_share)
{
	bool plain = n_embedded == 0;

	if (n == 0 && n_embedded == 0)
		return;
	for (size_t k = 0; k < n && plain; k++)
		plain = plain_item(actors[k], k == 0);
	if (plain) {
		for (size_t k = 0; k < n; k++) {
			if (k > 0)
				g_string_append_c(out, ';');
			g_string_append(out, actors[k]);
			g_string_append_c(out, ':');
			mkg__number_write(out, shares[k]);
		}
		return;
	}
	g_string_append_c(out, '[');
	for (size_t k = 0; k < n; k++) {
		if (k > 0)
			g_string_append_c(out, ',');
		g_string_append(out, "{\"actor\":");
		json_string(out, actors[k]);
		g_string_append(out, ",\"share\":");
		mkg__number_write(out, shares[k]);
		g_string_append_c(out, '}');
	}
	if (n_embedded > 0) {
		if (n > 0)
			g_string_append_c(out, ',');
		g_string_append(out, "{\"embedded\":[");
		for (size_t k = 0; k < n_embedded; k++) {
			if (k > 0)
				g_string_append_c(out, ',');
			json_string(out, embedded[k]);
		}
		g_string_append(out, "],\"share\":");
		mkg__number_write(out, embedded_share);
		g_string_append_c(out, '}');
	}
	g_string_append_c(out, ']');
}
