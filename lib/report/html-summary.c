/* marketgraph: the summary at the top of the HTML report: the findings
 * that the text report opens with (findings.c), the same rows in the same
 * order, escaped for HTML, so that the two views cannot disagree.
 * SPDX-License-Identifier: MIT */
#include "html-private.h"
#include "findings-private.h"

void
mkg__html_summary(GString *out, const mkg__report_view *v)
{
	g_string_append(out, "<ul class=\"findings\">\n");
	for (guint i = 0; v->findings != NULL && i < v->findings->len; i++) {
		const mkg__finding *f = g_ptr_array_index(v->findings, i);

		g_string_append_printf(out, "<li data-topic=\"%s\">", f->topic);
		mkg__html_escape(out, f->text);
		g_string_append(out, "</li>\n");
	}
	if (v->findings == NULL || v->findings->len == 0)
		g_string_append(out, "<li>No finding: the analyses asked for have nothing to "
		                     "report on this model.</li>\n");
	g_string_append(out, "</ul>\n");
}
