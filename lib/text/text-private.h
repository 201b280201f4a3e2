/* marketgraph: text helpers shared by the library and the command-line
 * tool: the shortest exact form of a double and JSON string escaping.
 *
 * Pure functions (no error state, no allocation besides the GString they
 * append to), compiled once into the private static library mkg_text, which
 * is linked whole into libmarketgraph and linked by tools/.  Never installed.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_TEXT_PRIVATE_H
#define MKG_TEXT_PRIVATE_H

#include <glib.h>
#include <stddef.h>

/* ---- numbers (numfmt.c) ------------------------------------------------- */

/* Longest text mkg__format_double() writes, with its NUL. */
#define MKG_DOUBLE_BUFSIZE 32

/* Write d with the fewest significant digits (at most 17) that read back
 * (with strtod) to the same double, independent of the locale: 850 -> "850",
 * 0.1 -> "0.1", 1e21 -> "1e+21", 2^-1074 -> "5e-324".  Always exact and
 * the shortest form (the digits of Python's repr()).
 * NaN -> "nan", infinities -> "inf" / "-inf" (these are for messages; the
 * JSON writer never receives them).  Returns buf. */
char *mkg__format_double(char buf[MKG_DOUBLE_BUFSIZE], double d);

/* ---- JSON strings (json-escape.c) ---------------------------------------- */

/* Append s[0..len) (which may hold NUL bytes) to out as the body of a JSON
 * string, without quotes: '"', '\\' and the control characters escaped
 * (\b \f \n \r \t, others as \u001f), every other byte as it is. */
void mkg__json_escape_len(GString *out, const char *s, size_t len);
/* The same for the NUL-terminated s. */
void mkg__json_escape(GString *out, const char *s);
/* Append s[0..len) as a JSON string, quotes included. */
void mkg__json_quoted(GString *out, const char *s, size_t len);

#endif /* MKG_TEXT_PRIVATE_H */
