/* marketgraph: the one rule for showing a string of the model to a person,
 * in an error message or a text report (docs/format.md, docs/report.md).
 *
 * Ids, names and keys come from files nobody checked: printed raw, an ESC
 * or a C1 CSI byte drives the terminal, a bidi override or a line
 * separator makes the text lie about what it says.  So everything that is
 * not a plain printable character is written as an escape a person can
 * read: controls (C0, DEL, C1), U+2028/2029 and the bidi embeddings,
 * overrides and isolates as \u001b; a byte that is not UTF-8 as \xff;
 * '\\' always and '"' inside quotes.  The rest is copied as it is.
 *
 * SPDX-License-Identifier: MIT */
#include "text-private.h"

#include <string.h>

/* The code point of the well-formed UTF-8 sequence at s (no overlong
 * form, no surrogate, at most U+10FFFF), with its length in *len; -1 when
 * s does not start one.  Stops at the NUL that ends s. */
static long
decode(const unsigned char *s, size_t *len)
{
	long cp;
	size_t n;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return -1;
	}
	for (size_t k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80) /* also stops at the NUL */
			return -1;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*len = n;
	return cp;
}

/* Whether cp is written as \uXXXX: it moves the cursor, rings, switches
 * the terminal's state or reorders or breaks the text around it. */
static bool
must_escape(long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void
mkg__text_escape(GString *out, const char *s, bool in_quotes, size_t max_chars)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t chars = 0;

	while (*p != '\0') {
		size_t len;
		long cp = decode(p, &len);

		if (chars == max_chars) {
			g_string_append(out, MKG_ELLIPSIS);
			return;
		}
		chars++;
		if (cp < 0) {
			g_string_append(out, "\\x");
			g_string_append_c(out, hex[*p >> 4]);
			g_string_append_c(out, hex[*p & 0xF]);
			p++;
			continue;
		}
		if (must_escape(cp)) {
			g_string_append(out, "\\u");
			for (int shift = 12; shift >= 0; shift -= 4)
				g_string_append_c(out, hex[(cp >> shift) & 0xF]);
		} else if (cp == '\\' || (cp == '"' && in_quotes)) {
			g_string_append_c(out, '\\');
			g_string_append_c(out, (char)cp);
		} else {
			g_string_append_len(out, (const char *)p, (gssize)len);
		}
		p += len;
	}
}

void
mkg__quote_append(GString *out, const char *s)
{
	g_string_append_c(out, '"');
	mkg__text_escape(out, s, true, MKG_QUOTE_CHARS);
	g_string_append_c(out, '"');
}

const char *
mkg__quote(char buf[MKG_QUOTE_BUFSIZE], const char *s)
{
	GString *q = g_string_sized_new(MKG_QUOTE_BUFSIZE);

	mkg__quote_append(q, s);
	g_assert(q->len < MKG_QUOTE_BUFSIZE);
	memcpy(buf, q->str, q->len + 1);
	g_string_free(q, TRUE);
	return buf;
}
