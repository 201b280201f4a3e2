/* marketgraph: the one JSON string escaper, for the JSON writer, the
 * canonical attributes, messages and the command-line tool.
 * SPDX-License-Identifier: MIT */
#include "text-private.h"

#include <string.h>

void
mkg__json_escape_len(GString *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t run = 0; /* start of the characters copied as they are */

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		/* ids and names rarely need escapes: their runs go in one copy */
		mkg__buf_put(out, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"': g_string_append(out, "\\\""); break;
		case '\\': g_string_append(out, "\\\\"); break;
		case '\b': g_string_append(out, "\\b"); break;
		case '\f': g_string_append(out, "\\f"); break;
		case '\n': g_string_append(out, "\\n"); break;
		case '\r': g_string_append(out, "\\r"); break;
		case '\t': g_string_append(out, "\\t"); break;
		default:
			g_string_append(out, "\\u00");
			g_string_append_c(out, hex[c >> 4]);
			g_string_append_c(out, hex[c & 0xF]);
		}
	}
	mkg__buf_put(out, s + run, len - run);
}

void
mkg__json_escape(GString *out, const char *s)
{
	mkg__json_escape_len(out, s, strlen(s));
}

void
mkg__json_quoted(GString *out, const char *s, size_t len)
{
	mkg__buf_putc(out, '"');
	mkg__json_escape_len(out, s, len);
	mkg__buf_putc(out, '"');
}
