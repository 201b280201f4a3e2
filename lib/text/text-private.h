/* marketgraph: text helpers shared by the library and the command-line
 * tool: the shortest exact form of a double, JSON string escaping and the
 * escaping of strings shown to a person (messages, text reports).
 *
 * Pure functions (no error state, no allocation besides the GString they
 * append to), compiled once into the private static library mkg_text, which
 * is linked whole into libmarketgraph and linked by tools/.  Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_TEXT_PRIVATE_H
#define MKG_TEXT_PRIVATE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- appending to a GString (hot paths of the writers) ---------------- */

/* g_string_append_len and _c, inline: GLib 2.74 makes each a call to
 * g_string_insert_len, which was a tenth of the JSON report's instructions
 * (callgrind).  The fields are GString's public ones; GLib 2.76's own
 * inline versions do the same. */
static inline void
mkg__buf_put(GString *b, const char *s, size_t n)
{
	if (G_LIKELY(b->allocated_len - b->len > n)) { /* n bytes and the NUL */
		memcpy(b->str + b->len, s, n);
		b->len += n;
		b->str[b->len] = '\0';
	} else {
		g_string_append_len(b, s, (gssize)n);
	}
}

static inline void
mkg__buf_putc(GString *b, char c)
{
	if (G_LIKELY(b->allocated_len - b->len > 1)) {
		b->str[b->len++] = c;
		b->str[b->len] = '\0';
	} else {
		g_string_append_c(b, c);
	}
}

static inline void
mkg__buf_puts(GString *b, const char *s)
{
	mkg__buf_put(b, s, strlen(s));
}

/* ---- numbers (numfmt.c) ------------------------------------------------- */

/* Longest text mkg__format_double() writes, with its NUL. */
#define MKG_DOUBLE_BUFSIZE 32

/* Write d with the fewest significant digits (at most 17) that read back
 * (with strtod) to the same double, independent of the locale: 850 -> "850",
 * 0.1 -> "0.1", 1e21 -> "1e+21", 2^-1074 -> "5e-324".  Always exact and
 * the shortest form (the digits of Python's repr()).
 * NaN -> "nan", infinities -> "inf" / "-inf" (these are for messages; the
 * JSON writer never receives them).  Returns buf.
 * No printf, no strtod, no locale: Schubfach's shortest digits, laid out as
 * %.Ng lays them out (N = max(15, digits)), byte for byte the text of
 * mkg__format_double_reference() (which it calls for the ~2000 powers of
 * two whose shortest form has 16 or 17 digits). */
char *mkg__format_double(char buf[MKG_DOUBLE_BUFSIZE], double d);
/* The same text found with g_ascii_formatd and g_ascii_strtod (the least
 * N whose %.Ng reads back, 15 tried first for normals): slow, kept as the
 * reference the tests and bench/bench-numfmt compare with, and as the
 * fallback for the powers of two the shortest digits cannot settle. */
char *mkg__format_double_reference(char buf[MKG_DOUBLE_BUFSIZE], double d);
/* The decimal digits of i, with '-' when negative ("-9223372036854775808"
 * fits).  Returns buf. */
char *mkg__format_int64(char buf[MKG_DOUBLE_BUFSIZE], int64_t i);

/* ---- numbers for a person (numfmt-human.c) ------------------------------ */

/* Text reports round for people; JSON never does.  Each writes into buf
 * (MKG_DOUBLE_BUFSIZE bytes, never in the locale's form) and returns it;
 * NaN and infinities are "-"; beyond 1e15 three digits in exponent form. */

/* An amount (volume, value, price): three significant digits but never
 * fewer than its integer digits, trailing zeros dropped, thousands
 * separated by ',': 13179.161000000002 -> "13,179", 55.556 -> "55.6",
 * 0.34721 -> "0.347", 3.5 -> "3.5". */
const char *mkg__human_amount(char buf[MKG_DOUBLE_BUFSIZE], double x);
/* Rounded to a whole number with separators ("4,689"); with sign, "+"
 * before a positive number or 0 ("+7,921", "+0"). */
const char *mkg__human_integer(char buf[MKG_DOUBLE_BUFSIZE], double x, bool sign);
/* A count with separators: 1670 -> "1,670". */
const char *mkg__human_count(char buf[MKG_DOUBLE_BUFSIZE], long long n);
/* A share (a fraction) as a percentage of three significant digits,
 * trailing zeros kept: 0.68 -> "68.0%", 0.0625 -> "6.25%", 1 -> "100%",
 * 0 -> "0%", 12.5 -> "1,250%"; a share of 1e13 or more in exponent form
 * ("1.6e+310%"), since 100 * share could overflow. */
const char *mkg__human_percent(char buf[MKG_DOUBLE_BUFSIZE], double share);

/* ---- JSON strings (json-escape.c) ---------------------------------------- */

/* Append s[0..len) (which may hold NUL bytes) to out as the body of a JSON
 * string, without quotes: '"', '\\' and the control characters escaped
 * (\b \f \n \r \t, others as \u001f), every other byte as it is. */
void mkg__json_escape_len(GString *out, const char *s, size_t len);
/* The same for the NUL-terminated s. */
void mkg__json_escape(GString *out, const char *s);
/* Append s[0..len) as a JSON string, quotes included. */
void mkg__json_quoted(GString *out, const char *s, size_t len);

/* ---- strings shown to a person (quote.c) ---------------------------------- */

/* Characters of a string quoted in a message before it is cut (docs/format.md). */
#define MKG_QUOTE_CHARS 48
/* The ellipsis U+2026, which ends a cut string. */
#define MKG_ELLIPSIS "\xe2\x80\xa6"
/* Longest text mkg__quote() writes, with its NUL: the quotes, 48 escapes of
 * 6 bytes, the ellipsis. */
#define MKG_QUOTE_BUFSIZE (2 + 6 * MKG_QUOTE_CHARS + 3 + 1)

/* Append s so that no byte of it can drive a terminal or disguise the text:
 * C0 and C1 controls, DEL, U+2028, U+2029, U+202A-U+202E and U+2066-U+2069
 * as \u001b (4 lowercase hex digits); a byte that does not belong to
 * well-formed UTF-8 as \xff; a backslash doubled and, when in_quotes, '"'
 * after a backslash.
 * Every other character is copied.  After max_chars characters (an
 * escaped character or byte counts as one; SIZE_MAX for no limit) the rest
 * is replaced by the ellipsis U+2026. */
void mkg__text_escape(GString *out, const char *s, bool in_quotes, size_t max_chars);
/* Append s in double quotes for a message: escaped, cut after
 * MKG_QUOTE_CHARS characters and the ellipsis: "ab\u001bc". */
void mkg__quote_append(GString *out, const char *s);
/* The same into buf; returns buf. */
const char *mkg__quote(char buf[MKG_QUOTE_BUFSIZE], const char *s);

#endif /* MKG_TEXT_PRIVATE_H */
