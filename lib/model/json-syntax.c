/* marketgraph: a strict RFC 8259 syntax check, run over the whole input
 * before json-c sees any of it, and a few scanners for text it accepted.
 *
 * json-c 0.16 accepts more than JSON even in strict mode (single quotes,
 * raw control characters, `1.`, NaN, lone surrogates, integers saturated
 * to 64 bits), so this pass decides what is JSON.  It is a loop with an
 * explicit stack of at most MKG_JSON_MAX_DEPTH bytes: no recursion and no
 * allocation, so no input can exhaust the C stack or the heap.
 *
 * SPDX-License-Identifier: MIT */
#include "json-private.h"
#include "core-private.h"

#include <stdarg.h>
#include <string.h>

typedef const unsigned char uchar;

static bool
fail(mkg_json_syntax_error *err, size_t offset, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

static bool
fail(mkg_json_syntax_error *err, size_t offset, const char *fmt, ...)
{
	va_list ap;

	err->offset = offset;
	va_start(ap, fmt);
	g_vsnprintf(err->what, sizeof err->what, fmt, ap);
	va_end(ap);
	return false;
}

static bool
is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
}

static int
hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Length of the well-formed UTF-8 sequence at s[0..n) (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or 0. */
static size_t
utf8_sequence(uchar *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t len;
	unsigned char lo = 0x80, hi = 0xBF;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		*cp = c & 0x1Fu;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		*cp = c & 0x0Fu;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		*cp = c & 0x07u;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t k = 1; k < len; k++) {
		unsigned char b = s[k];
		if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
			return 0;
		*cp = (*cp << 6) | (b & 0x3Fu);
	}
	return len;
}

/* "'x'", "U+00E9" or "byte 0xFF": the character at s[i] for a message. */
static const char *
describe_char(uchar *s, size_t n, size_t i, char buf[24])
{
	uint32_t cp;

	if (s[i] >= 0x20 && s[i] < 0x7F)
		g_snprintf(buf, 24, "'%c'", s[i]);
	else if (utf8_sequence(s + i, n - i, &cp) > 0)
		g_snprintf(buf, 24, "U+%04X", (unsigned)cp);
	else
		g_snprintf(buf, 24, "byte 0x%02X", s[i]);
	return buf;
}

/* Four hex digits at s[i..i+4): their value, or -1. */
static long
read_hex4(uchar *s, size_t n, size_t i)
{
	long v = 0;

	if (n - i < 4)
		return -1;
	for (size_t k = 0; k < 4; k++) {
		int h = hex_value(s[i + k]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Check the string whose opening quote is s[*pos]; advance *pos past it. */
static bool
check_string(uchar *s, size_t n, size_t *pos, bool key, mkg_json_syntax_error *err)
{
	size_t i = *pos + 1;

	for (;;) {
		unsigned char c;

		/* The common case: a run of plain printable ASCII. */
		while (i < n && s[i] >= 0x20 && s[i] < 0x80 && s[i] != '"' && s[i] != '\\')
			i++;
		if (i >= n)
			return fail(err, n, "unexpected end of input");
		c = s[i];
		if (c == '"') {
			*pos = i + 1;
			return true;
		}
		if (c == '\\') {
			long u, low;

			if (i + 1 >= n)
				return fail(err, n, "unexpected end of input");
			switch (s[i + 1]) {
			case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
				i += 2;
				continue;
			case 'u':
				break;
			default: {
				char d[24];
				return fail(err, i, "invalid escape '\\' followed by %s in a string",
				            describe_char(s, n, i + 1, d));
			}
			}
			u = read_hex4(s, n, i + 2);
			if (u < 0)
				return fail(err, i, "invalid \\u escape: expected 4 hex digits");
			if (u >= 0xDC00 && u <= 0xDFFF)
				return fail(err, i, "invalid \\u escape: lone low surrogate \\u%04lX", u);
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (n - i < 12 || s[i + 6] != '\\' || s[i + 7] != 'u' ||
				    (low = read_hex4(s, n, i + 8)) < 0xDC00 || low > 0xDFFF)
					return fail(err, i,
					            "invalid \\u escape: high surrogate \\u%04lX not followed "
					            "by a low one", u);
				i += 12;
				continue;
			}
			if (u == 0 && key)
				return fail(err, i, "\\u0000 in an object key is not supported");
			i += 6;
			continue;
		}
		if (c < 0x20)
			return fail(err, i, "raw control character U+%04X in a string (write it as \\u%04X)",
			            c, c);
		{
			uint32_t cp;
			size_t len = utf8_sequence(s + i, n - i, &cp);
			if (len == 0)
				return fail(err, i, "invalid UTF-8 in a string");
			i += len;
		}
	}
}

/* Check the number that starts at s[*pos]; advance *pos past it. */
static bool
check_number(uchar *s, size_t n, size_t *pos, mkg_json_syntax_error *err)
{
	static const char int64_max[] = "9223372036854775807";
	static const char int64_min[] = "9223372036854775808"; /* without its '-' */
	size_t start = *pos, i = *pos, digits;
	bool negative = false, integer = true;

	if (s[i] == '-') {
		negative = true;
		i++;
	}
	if (i >= n)
		return fail(err, n, "unexpected end of input");
	digits = i;
	if (s[i] == '0') {
		i++;
		if (i < n && is_digit(s[i]))
			return fail(err, start, "invalid number: leading zero");
	} else if (is_digit(s[i])) {
		while (i < n && is_digit(s[i]))
			i++;
	} else if (s[i] == 'I' || s[i] == 'i' || s[i] == 'N') {
		return fail(err, start, "NaN and Infinity are not allowed in JSON");
	} else {
		char d[24];
		return fail(err, i, "invalid number: expected a digit after '-', got %s",
		            describe_char(s, n, i, d));
	}
	digits = i - digits;
	if (i < n && s[i] == '.') {
		integer = false;
		i++;
		if (i >= n)
			return fail(err, n, "unexpected end of input");
		if (!is_digit(s[i]))
			return fail(err, i, "invalid number: expected a digit after '.'");
		while (i < n && is_digit(s[i]))
			i++;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		integer = false;
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= n)
			return fail(err, n, "unexpected end of input");
		if (!is_digit(s[i]))
			return fail(err, i, "invalid number: expected a digit in the exponent");
		while (i < n && is_digit(s[i]))
			i++;
	}
	/* An integer literal must fit in int64 (json-c would saturate it);
	 * leading zeros are excluded above, so the digit count decides. */
	if (integer && digits >= 19) {
		const char *limit = negative ? int64_min : int64_max;
		if (digits > 19 || memcmp(s + i - digits, limit, 19) > 0)
			return fail(err, start, "number does not fit in 64 bits");
	}
	*pos = i;
	return true;
}

/* A bare word where a value was expected: true, false, null, or an error. */
static bool
check_word(uchar *s, size_t n, size_t *pos, mkg_json_syntax_error *err)
{
	size_t i = *pos, len;

	while (i < n && is_word_char(s[i]))
		i++;
	len = i - *pos;
	if ((len == 4 && memcmp(s + *pos, "true", 4) == 0) ||
	    (len == 5 && memcmp(s + *pos, "false", 5) == 0) ||
	    (len == 4 && memcmp(s + *pos, "null", 4) == 0)) {
		*pos = i;
		return true;
	}
	if ((len == 3 && g_ascii_strncasecmp((const char *)s + *pos, "nan", 3) == 0) ||
	    (len == 8 && g_ascii_strncasecmp((const char *)s + *pos, "infinity", 8) == 0) ||
	    (len == 3 && g_ascii_strncasecmp((const char *)s + *pos, "inf", 3) == 0))
		return fail(err, *pos, "NaN and Infinity are not allowed in JSON");
	return fail(err, *pos, "invalid literal \"%.*s%s\" (expected true, false or null)",
	            (int)MIN(len, 24), (const char *)s + *pos, len > 24 ? "..." : "");
}

/* A document in UTF-16 or UTF-32 (a text editor's "Unicode"): the encoding
 * named, from its byte order mark or, without one, from the NUL bytes that
 * ASCII characters such as '{' bring (RFC 4627, section 3).  NULL for
 * anything else. */
static const char *
wide_encoding(const uchar *s, size_t len)
{
	if (len >= 4 && s[0] == 0xFF && s[1] == 0xFE && s[2] == 0 && s[3] == 0)
		return "UTF-32 (byte order mark FF FE 00 00)";
	if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xFE && s[3] == 0xFF)
		return "UTF-32 (byte order mark 00 00 FE FF)";
	if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
		return "UTF-16 (byte order mark FF FE)";
	if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF)
		return "UTF-16 (byte order mark FE FF)";
	if (len < 4)
		return NULL;
	if ((s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] != 0) ||
	    (s[0] != 0 && s[1] == 0 && s[2] == 0 && s[3] == 0))
		return "UTF-32 (three NUL bytes with each character)";
	if ((s[0] == 0 && s[1] != 0 && s[2] == 0 && s[3] != 0) ||
	    (s[0] != 0 && s[1] == 0 && s[2] != 0 && s[3] == 0))
		return "UTF-16 (a NUL byte with each character)";
	return NULL;
}

/* What the parser expects next. */
typedef enum {
	EXPECT_VALUE,       /* any value */
	EXPECT_FIRST_KEY,   /* a key or '}', just after '{' */
	EXPECT_KEY,         /* a key, after ',' in an object */
	EXPECT_AFTER_VALUE  /* ',' or the closing bracket of the container */
} expect;

/* The value just read ends at i: count it when it is an element of a
 * member of the top-level container, note where the member ends when it is
 * one (see mkg__json_syntax_check_members). */
#define NOTE_VALUE_END()                                                         \
	do {                                                                     \
		if (members == NULL || depth > 2)                                \
			break;                                                   \
		if (depth == 2) {                                                \
			elements++;                                              \
			break;                                                   \
		}                                                                \
		if (depth == 1 && *count < cap) {                                \
			members[*count].end = i;                                 \
			members[*count].elements = elements;                     \
		}                                                                \
		if (depth == 1 && *count <= cap)                                 \
			(*count)++;                                              \
		elements = 0;                                                    \
	} while (0)

static bool
check(const char *data, size_t len, unsigned max_depth, mkg_json_syntax_error *err,
      mkg_json_member *members, size_t cap, size_t *count)
{
	size_t elements = 0;
	uchar *s = (uchar *)data;
	unsigned char stack[MKG_JSON_MAX_DEPTH]; /* '{' or '[' per open container */
	unsigned depth = 0;
	bool after_comma = false;
	expect state = EXPECT_VALUE;
	size_t i;
	char d[24];

	if (max_depth > MKG_JSON_MAX_DEPTH)
		max_depth = MKG_JSON_MAX_DEPTH;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return fail(err, 0, "byte order mark (U+FEFF) before the document; save it as "
		                    "UTF-8 without BOM");
	if (wide_encoding(s, len) != NULL)
		return fail(err, 0, "the document is %s, not UTF-8; save it as UTF-8",
		            wide_encoding(s, len));
	i = mkg__json_skip_ws(data, len, 0);
	if (i == len)
		return fail(err, 0, "empty input");

	for (;;) {
		i = mkg__json_skip_ws(data, len, i);
		if (i >= len)
			return fail(err, len, "unexpected end of input");

		switch (state) {
		case EXPECT_FIRST_KEY:
		case EXPECT_KEY:
			if (s[i] == '}' && state == EXPECT_FIRST_KEY) {
				depth--;
				i++;
				NOTE_VALUE_END();
				state = EXPECT_AFTER_VALUE;
				break;
			}
			if (s[i] == '}')
				return fail(err, i, "trailing comma before '}'");
			if (s[i] == '\'')
				return fail(err, i, "single-quoted strings are not JSON; use double quotes");
			if (s[i] != '"')
				return fail(err, i, "expected a string key%s, got %s",
				            state == EXPECT_FIRST_KEY ? " or '}'" : "",
				            describe_char(s, len, i, d));
			if (!check_string(s, len, &i, true, err))
				return false;
			i = mkg__json_skip_ws(data, len, i);
			if (i >= len)
				return fail(err, len, "unexpected end of input");
			if (s[i] != ':')
				return fail(err, i, "expected ':' after an object key, got %s",
				            describe_char(s, len, i, d));
			i++;
			after_comma = false;
			state = EXPECT_VALUE;
			break;

		case EXPECT_VALUE:
			switch (s[i]) {
			case '{':
			case '[':
				if (depth >= max_depth)
					return fail(err, i, "nesting deeper than %u levels", max_depth);
				stack[depth++] = s[i];
				if (s[i++] == '{') {
					state = EXPECT_FIRST_KEY;
				} else {
					size_t j = mkg__json_skip_ws(data, len, i);
					if (j < len && s[j] == ']') {
						depth--;
						i = j + 1;
						NOTE_VALUE_END();
						state = EXPECT_AFTER_VALUE;
					}
				}
				after_comma = false;
				goto next;
			case '"':
				if (!check_string(s, len, &i, false, err))
					return false;
				break;
			case '-':
			case '0': case '1': case '2': case '3': case '4':
			case '5': case '6': case '7': case '8': case '9':
				if (!check_number(s, len, &i, err))
					return false;
				break;
			case '\'':
				return fail(err, i, "single-quoted strings are not JSON; use double quotes");
			case ']':
			case '}':
				if (after_comma)
					return fail(err, i, "trailing comma before '%c'", s[i]);
				return fail(err, i, "expected a value, got '%c'", s[i]);
			default:
				if (is_word_char(s[i]) && !is_digit(s[i])) {
					if (!check_word(s, len, &i, err))
						return false;
					break;
				}
				if (s[i] == '+' || s[i] == '.')
					return fail(err, i, "invalid number: it must start with '-' or a digit");
				return fail(err, i, "expected a value, got %s", describe_char(s, len, i, d));
			}
			NOTE_VALUE_END();
			state = EXPECT_AFTER_VALUE;
			break;

		case EXPECT_AFTER_VALUE:
			if (depth == 0)
				return fail(err, i, "trailing characters after the document");
			if (s[i] == ',') {
				i++;
				after_comma = true;
				state = stack[depth - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
				continue;
			}
			if ((s[i] == '}' && stack[depth - 1] == '{') ||
			    (s[i] == ']' && stack[depth - 1] == '[')) {
				depth--;
				i++;
				NOTE_VALUE_END();
				break;
			}
			return fail(err, i, stack[depth - 1] == '{'
			                            ? "expected ',' or '}' after an object member, got %s"
			                            : "expected ',' or ']' after an array element, got %s",
			            describe_char(s, len, i, d));
		}
	next:
		if (state == EXPECT_AFTER_VALUE && depth == 0) {
			i = mkg__json_skip_ws(data, len, i);
			if (i < len)
				return fail(err, i, "trailing characters after the document");
			return true;
		}
	}
}

bool
mkg__json_syntax_check(const char *data, size_t len, unsigned max_depth, mkg_json_syntax_error *err)
{
	return check(data, len, max_depth, err, NULL, 0, NULL);
}

bool
mkg__json_syntax_check_members(const char *data, size_t len, unsigned max_depth,
                               mkg_json_syntax_error *err, mkg_json_member *members, size_t cap,
                               size_t *count)
{
	*count = 0;
	return check(data, len, max_depth, err, members, cap, count);
}

void
mkg__json_line_column(const char *data, size_t offset, size_t *line, size_t *column)
{
	size_t l = 1, c = 1;

	for (size_t i = 0; i < offset; i++) {
		unsigned char b = (unsigned char)data[i];
		if (b == '\n') {
			l++;
			c = 1;
		} else if ((b & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*column = c;
}

int
mkg__json_syntax_fail(int code, const char *prefix, const char *data,
                      const mkg_json_syntax_error *err)
{
	size_t line, column;

	mkg__json_line_column(data, err->offset, &line, &column);
	if (prefix != NULL)
		return mkg__error(code, "%s: line %zu, column %zu: %s", prefix, line, column, err->what);
	return mkg__error(code, "line %zu, column %zu: %s", line, column, err->what);
}

/* ---- scanners for text that passed the check ----------------------------- */

size_t
mkg__json_skip_ws(const char *data, size_t len, size_t i)
{
	while (i < len && is_ws((unsigned char)data[i]))
		i++;
	return i;
}

/* Offset past the string whose opening quote is at data[i]. */
static size_t
skip_string(const char *data, size_t len, size_t i)
{
	for (i++; i < len; i++) {
		if (data[i] == '\\')
			i++;
		else if (data[i] == '"')
			return i + 1;
	}
	return len;
}

size_t
mkg__json_skip_value(const char *data, size_t len, size_t i)
{
	size_t depth = 0;

	if (i >= len)
		return len;
	if (data[i] == '"')
		return skip_string(data, len, i);
	if (data[i] != '{' && data[i] != '[') {
		while (i < len && !is_ws((unsigned char)data[i]) && data[i] != ',' && data[i] != ']' &&
		       data[i] != '}')
			i++;
		return i;
	}
	while (i < len) {
		char c = data[i];
		if (c == '"') {
			i = skip_string(data, len, i);
			continue;
		}
		if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && --depth == 0)
			return i + 1;
		i++;
	}
	return len;
}

/* Append the UTF-8 encoding of cp to buf[*k..size-1) if it fits. */
static void
put_utf8(char *buf, size_t size, size_t *k, uint32_t cp, bool *complete)
{
	char tmp[4];
	int n = g_unichar_to_utf8(cp, tmp);

	if (*k + (size_t)n >= size) {
		*complete = false;
		return;
	}
	memcpy(buf + *k, tmp, (size_t)n);
	*k += (size_t)n;
}

size_t
mkg__json_read_string(const char *data, size_t len, size_t i, char *buf, size_t bufsize,
                      bool *complete)
{
	size_t k = 0;

	*complete = true;
	for (i++; i < len && data[i] != '"';) {
		uint32_t cp;

		if (data[i] != '\\') {
			if (k + 1 < bufsize && *complete)
				buf[k++] = data[i];
			else
				*complete = false;
			i++;
			continue;
		}
		switch (data[i + 1]) {
		case 'b': cp = '\b'; break;
		case 'f': cp = '\f'; break;
		case 'n': cp = '\n'; break;
		case 'r': cp = '\r'; break;
		case 't': cp = '\t'; break;
		case 'u':
			cp = (uint32_t)read_hex4((uchar *)data, len, i + 2);
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				     ((uint32_t)read_hex4((uchar *)data, len, i + 8) - 0xDC00);
				i += 6;
			}
			i += 4;
			break;
		default: cp = (unsigned char)data[i + 1]; break; /* " \ / */
		}
		i += 2;
		if (*complete)
			put_utf8(buf, bufsize, &k, cp, complete);
	}
	if (bufsize > 0)
		buf[k] = '\0';
	return i < len ? i + 1 : len;
}

size_t
mkg__json_decode_string(const char *data, size_t len, size_t i, GString *out)
{
	g_string_truncate(out, 0);
	for (i++; i < len && data[i] != '"';) {
		size_t run = i;
		uint32_t cp;

		while (run < len && data[run] != '"' && data[run] != '\\')
			run++;
		if (run > i) {
			g_string_append_len(out, data + i, (gssize)(run - i));
			i = run;
			continue;
		}
		if (data[i] != '\\')
			break;
		switch (data[i + 1]) {
		case 'b': cp = '\b'; break;
		case 'f': cp = '\f'; break;
		case 'n': cp = '\n'; break;
		case 'r': cp = '\r'; break;
		case 't': cp = '\t'; break;
		case 'u':
			cp = (uint32_t)read_hex4((uchar *)data, len, i + 2);
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				     ((uint32_t)read_hex4((uchar *)data, len, i + 8) - 0xDC00);
				i += 6;
			}
			i += 4;
			break;
		default: cp = (unsigned char)data[i + 1]; break; /* " \ / */
		}
		i += 2;
		if (cp == 0)
			g_string_append_len(out, "", 1); /* a NUL byte */
		else
			g_string_append_unichar(out, cp);
	}
	return i < len ? i + 1 : len;
}

const char *
mkg__json_type_of_char(char c)
{
	switch (c) {
	case '{': return "object";
	case '[': return "array";
	case '"': return "string";
	case 't': case 'f': return "boolean";
	case 'n': return "null";
	default: return "number";
	}
}
