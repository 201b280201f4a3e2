/* marketgraph: what every text section of the report shares.
 * SPDX-License-Identifier: MIT */
#include "report-text-private.h"

#include <string.h>

void
mkg__text_heading(GString *out, const char *title)
{
	size_t n = strlen(title);

	g_string_append_printf(out, "\n%s\n", title);
	for (size_t i = 0; i < n; i++)
		g_string_append_c(out, '=');
	g_string_append_c(out, '\n');
}
