/* marketgraph: text and numbers in the HTML report.  Model strings are
 * arbitrary UTF-8: every one goes through mkg__html_escape().
 * SPDX-License-Identifier: MIT */
#include "html-private.h"

#include <math.h>
#include <string.h>

#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */

void
mkg__html_escape(GString *out, const char *s)
{
	const char *p = s ? s : "";

	while (*p != '\0') {
		gunichar c = g_utf8_get_char_validated(p, -1);

		if (c == (gunichar)-1 || c == (gunichar)-2) {
			g_string_append(out, REPLACEMENT); /* a byte outside UTF-8 */
			p++;
			continue;
		}
		switch (c) {
		case '&': g_string_append(out, "&amp;"); break;
		case '<': g_string_append(out, "&lt;"); break;
		case '>': g_string_append(out, "&gt;"); break;
		case '"': g_string_append(out, "&quot;"); break;
		case '\'': g_string_append(out, "&#39;"); break;
		default:
			/* controls (a tab and a newline too: ids hold none that
			 * matter) and the bidirectional overrides would disguise text */
			if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
			    (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029)
				g_string_append(out, REPLACEMENT);
			else
				g_string_append_len(out, p, g_utf8_next_char(p) - p);
		}
		p = g_utf8_next_char(p);
	}
}

void
mkg__html_number(GString *out, double x, mkg__col_kind kind)
{
	char buf[MKG_DOUBLE_BUFSIZE];

	if (isnan(x))
		return;
	switch (kind) {
	case MKG__COL_SHARE: g_string_append(out, mkg__text_percent(buf, x)); break;
	case MKG__COL_INDEX:
		/* whole, grouped as the text report writes them: 4,689 */
		if (fabs(x) < 1e15) {
			g_string_append(out, mkg__human_integer(buf, x, false));
			break;
		}
		/* fall through */
	default: g_string_append(out, mkg__text_amount(buf, x)); break;
	}
}
