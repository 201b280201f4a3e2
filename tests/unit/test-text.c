/* Tests of lib/text/quote.c: the one escaping rule for strings shown in
 * messages and text reports, class by class, with exact outputs.
 * SPDX-License-Identifier: MIT */
#include "text-private.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static char quoted[MKG_QUOTE_BUFSIZE];

static const char *
quote(const char *s)
{
	return mkg__quote(quoted, s);
}

/* Escaped without quotes and without a cut, as the text report does. */
static const char *
bare(const char *s)
{
	static char buf[1024];
	GString *out = g_string_new(NULL);

	mkg__text_escape(out, s, false, SIZE_MAX);
	g_strlcpy(buf, out->str, sizeof buf);
	g_string_free(out, TRUE);
	return buf;
}

static void
test_plain_text_is_copied(void **state)
{
	(void)state;
	assert_string_equal(quote(""), "\"\"");
	assert_string_equal(quote("coop-1"), "\"coop-1\"");
	assert_string_equal(quote("café Ünal 北京 \xf0\x9f\x8c\xbd"), /* 4-byte U+1F33D */
	                    "\"café Ünal 北京 \xf0\x9f\x8c\xbd\"");
	assert_string_equal(quote("a ~ b"), "\"a ~ b\"");
	/* U+00A0 and U+00A1 follow the C1 block: printed as they are */
	assert_string_equal(quote("\xc2\xa0\xc2\xa1"), "\"\xc2\xa0\xc2\xa1\"");
}

static void
test_c0_controls_and_del(void **state)
{
	(void)state;
	assert_string_equal(quote("a\x1b[31mred"), "\"a\\u001b[31mred\"");
	assert_string_equal(quote("bell\a"), "\"bell\\u0007\"");
	assert_string_equal(quote("\x01\t\n\r\x1f"), "\"\\u0001\\u0009\\u000a\\u000d\\u001f\"");
	assert_string_equal(quote("del\x7f"), "\"del\\u007f\"");
}

static void
test_c1_controls(void **state)
{
	(void)state;
	/* U+009B CSI, U+0080 and U+009F, encoded as UTF-8 */
	assert_string_equal(quote("\xc2\x9b" "2J"), "\"\\u009b2J\"");
	assert_string_equal(quote("\xc2\x80\xc2\x9f"), "\"\\u0080\\u009f\"");
}

static void
test_quote_and_backslash(void **state)
{
	(void)state;
	assert_string_equal(quote("say \"hi\""), "\"say \\\"hi\\\"\"");
	assert_string_equal(quote("C:\\dir"), "\"C:\\\\dir\"");
	/* outside quotes a quote stays, a backslash is still doubled */
	assert_string_equal(bare("say \"hi\" C:\\dir"), "say \"hi\" C:\\\\dir");
}

static void
test_separators_and_bidi(void **state)
{
	(void)state;
	assert_string_equal(quote("a\xe2\x80\xa8" "b\xe2\x80\xa9"), "\"a\\u2028b\\u2029\"");
	/* U+202A .. U+202E: embeddings and overrides */
	assert_string_equal(quote("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x80\xae"),
	                    "\"\\u202a\\u202b\\u202c\\u202d\\u202e\"");
	/* U+2066 .. U+2069: isolates */
	assert_string_equal(quote("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9"),
	                    "\"\\u2066\\u2067\\u2068\\u2069\"");
	/* neighbours are ordinary: U+2027, U+202F, U+2065 (unassigned), U+206A */
	assert_string_equal(quote("\xe2\x80\xa7\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa"),
	                    "\"\xe2\x80\xa7\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa\"");
}

static void
test_invalid_utf8(void **state)
{
	(void)state;
	/* a lone C1 byte (not UTF-8), a lone continuation, 0xff */
	assert_string_equal(quote("a\x9b" "b\x80\xff"), "\"a\\x9bb\\x80\\xff\"");
	/* a sequence cut short: each byte on its own */
	assert_string_equal(quote("\xe2\x80"), "\"\\xe2\\x80\"");
	assert_string_equal(quote("\xe2\x80x"), "\"\\xe2\\x80x\"");
	/* overlong forms: "/" in two bytes, U+0000 in two bytes */
	assert_string_equal(quote("\xc0\xaf\xc0\x80"), "\"\\xc0\\xaf\\xc0\\x80\"");
	assert_string_equal(quote("\xe0\x80\xaf"), "\"\\xe0\\x80\\xaf\"");
	/* a surrogate (U+D800) and a code point past U+10FFFF */
	assert_string_equal(quote("\xed\xa0\x80"), "\"\\xed\\xa0\\x80\"");
	assert_string_equal(quote("\xf4\x90\x80\x80"), "\"\\xf4\\x90\\x80\\x80\"");
	/* U+10FFFF itself is well-formed */
	assert_string_equal(quote("\xf4\x8f\xbf\xbf"), "\"\xf4\x8f\xbf\xbf\"");
}

static void
test_cut_after_48_characters(void **state)
{
	char s[301];
	GString *want = g_string_new("\"");

	(void)state;
	memset(s, 'x', 300);
	s[300] = '\0';
	for (int i = 0; i < MKG_QUOTE_CHARS; i++)
		g_string_append_c(want, 'x');
	g_string_append(want, "\xe2\x80\xa6\"");
	assert_string_equal(quote(s), want->str);

	/* exactly 48 characters: not cut */
	s[48] = '\0';
	g_string_truncate(want, 1 + MKG_QUOTE_CHARS);
	g_string_append_c(want, '"');
	assert_string_equal(quote(s), want->str);

	/* characters, not bytes: 49 "é" are 98 bytes, cut after 48 */
	g_string_assign(want, "");
	for (int i = 0; i < 49; i++)
		g_string_append(want, "\xc3\xa9");
	g_strlcpy(s, want->str, sizeof s);
	g_string_assign(want, "\"");
	for (int i = 0; i < 48; i++)
		g_string_append(want, "\xc3\xa9");
	g_string_append(want, "\xe2\x80\xa6\"");
	assert_string_equal(quote(s), want->str);
	g_string_free(want, TRUE);
}

static void
test_longest_quote_fits(void **state)
{
	char s[100];

	(void)state;
	/* 60 ESC: 48 escapes of 6 bytes, the ellipsis, the quotes: 293 bytes */
	memset(s, '\x1b', 60);
	s[60] = '\0';
	assert_int_equal(strlen(quote(s)), 2 + 6 * 48 + 3);
	assert_int_equal(strlen(quote(s)) + 1, MKG_QUOTE_BUFSIZE);
	assert_memory_equal(quote(s), "\"\\u001b\\u001b", 13);
	assert_string_equal(quote(s) + 1 + 6 * 48, "\xe2\x80\xa6\"");
}

static void
test_report_form(void **state)
{
	(void)state;
	/* no quotes, no cut, the same escapes */
	assert_string_equal(bare("coop\x1b]0;pwned\a\xc2\x9b\xe2\x80\xae"),
	                    "coop\\u001b]0;pwned\\u0007\\u009b\\u202e");
	assert_string_equal(bare("\xff"), "\\xff");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_is_copied),
		cmocka_unit_test(test_c0_controls_and_del),
		cmocka_unit_test(test_c1_controls),
		cmocka_unit_test(test_quote_and_backslash),
		cmocka_unit_test(test_separators_and_bidi),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_cut_after_48_characters),
		cmocka_unit_test(test_longest_quote_fits),
		cmocka_unit_test(test_report_form),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
