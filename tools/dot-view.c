/* The map's view flags, shared by `render` and `export --format dot`:
 * --hide-services, --hide-facilitation, --commodity, --chain, --collapse
 * KIND-by-region, --top N and --page PAGE (docs/maps.md).
 * SPDX-License-Identifier: MIT */
#include "cli.h"
#include "output-private.h"

#include <string.h>

/* KIND or its plural (producers, end_markets), "-by-region" after it. */
static int
collapse_kind(const char *item, mkg_actor_kind *kind)
{
	static const char suffix[] = "-by-region";
	size_t n = strlen(item), s = sizeof suffix - 1;
	char *name;
	int rc;

	if (n <= s || strcmp(item + n - s, suffix) != 0)
		return -1;
	name = g_strndup(item, n - s);
	rc = mkg_actor_kind_from_name(name, kind);
	if (rc != MKG_OK && n - s > 1 && name[n - s - 1] == 's') {
		name[n - s - 1] = '\0';
		rc = mkg_actor_kind_from_name(name, kind);
	}
	g_free(name);
	return rc == MKG_OK ? 0 : -1;
}

int
cli_dot_view_given(const cli_dot_view *v)
{
	return v->hide_services || v->hide_facilitation || v->commodity != NULL ||
	       v->chain != NULL || v->collapse != NULL || v->top != NULL || v->page != NULL;
}

int
cli_dot_view_apply(const cli_command *cmd, cli_dot_view *v, gboolean highlight,
                   mkg_dot_options *opts)
{
	static const char *const pages[] = {
		"a4-landscape", "a4-portrait", "a3-landscape", "letter-landscape", "none",
	};
	char q[MKG_QUOTE_BUFSIZE];

	opts->hide_services = v->hide_services;
	opts->hide_facilitation = v->hide_facilitation;
	opts->commodity = v->commodity;
	opts->chain = v->chain;
	if (v->commodity != NULL && v->chain != NULL)
		return cli_usage_error(cmd, "--commodity and --chain: give one");
	for (char **c = v->collapse; c != NULL && *c != NULL; c++) {
		char **parts = g_strsplit(*c, ",", -1);
		for (char **p = parts; *p != NULL; p++) {
			mkg_actor_kind kind;
			g_strstrip(*p);
			if (collapse_kind(*p, &kind) != 0) {
				int rc = cli_usage_error(cmd, "--collapse: unknown %s, expected "
				                         "KIND-by-region such as producers-by-region "
				                         "(KIND: an actor kind, docs/format.md)",
				                         mkg__quote(q, *p));
				g_strfreev(parts);
				return rc;
			}
			opts->collapse_by_region |= 1u << kind;
		}
		g_strfreev(parts);
	}
	if (v->top != NULL) {
		guint64 n = 0;
		if (!g_ascii_string_to_unsigned(v->top, 10, 1, 1000000, &n, NULL))
			return cli_usage_error(cmd, "--top must be a whole number from 1 to 1000000, "
			                       "got %s", mkg__quote(q, v->top));
		if (!highlight)
			return cli_usage_error(cmd, "--top needs --highlight");
		opts->top = (size_t)n;
	}
	if (v->page != NULL) {
		size_t i = 0;
		while (i < G_N_ELEMENTS(pages) && strcmp(v->page, pages[i]) != 0)
			i++;
		if (i == G_N_ELEMENTS(pages))
			return cli_usage_error(cmd, "--page: unknown %s, expected a4-landscape, "
			                       "a4-portrait, a3-landscape, letter-landscape or none",
			                       mkg__quote(q, v->page));
		opts->page = v->page;
	}
	v->label_pt = MKG_ABSENT;
	opts->page_label_points = &v->label_pt;
	return -1;
}

void
cli_dot_view_note(const cli_command *cmd, const cli_dot_view *v)
{
	char pt[G_ASCII_DTOSTR_BUF_SIZE];

	if (v->page == NULL || !(v->label_pt < 7))
		return;
	(void)cli_fail(cmd, "note: the map is too large for %s: its labels come out at about "
	               "%s pt (under 7, hard to read); draw less with --chain C, --collapse "
	               "KIND-by-region or --top N (docs/maps.md)", v->page,
	               g_ascii_formatd(pt, sizeof pt, "%.1f", v->label_pt));
}

void
cli_dot_view_clear(cli_dot_view *v)
{
	g_free(v->commodity);
	g_free(v->chain);
	g_strfreev(v->collapse);
	g_free(v->top);
	g_free(v->page);
}
