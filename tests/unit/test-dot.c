/* Tests of the market map as DOT (lib/io/dot-write.c): the whole text of a
 * small map worked out by hand, escaping of hostile ids and names, columns
 * by stage, merged arrows, highlights from real analysis results, and the
 * errors.  That Graphviz reads the text is tested by tests/cli/test_dot.py.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

static mkg_model *
model_of(const char *json)
{
	mkg_model *m = NULL;

	if (mkg_json_read_buffer(&m, json, strlen(json)) != MKG_OK)
		fail_msg("model: %s", mkg_error_message());
	return m;
}

static char *
dot_of(const mkg_model *m, const mkg_dot_options *opts)
{
	char *out = NULL;
	size_t len = 0;

	if (mkg_dot_write_string(m, opts, &out, &len) != MKG_OK)
		fail_msg("mkg_dot_write_string: %s", mkg_error_message());
	assert_int_equal(len, strlen(out));
	return out;
}

/* The line of the text that contains needle, or NULL. */
static char *
line_with(const char *text, const char *needle)
{
	const char *p = strstr(text, needle), *start, *end;

	if (p == NULL)
		return NULL;
	for (start = p; start > text && start[-1] != '\n'; start--)
		;
	end = strchr(p, '\n');
	return g_strndup(start, (gsize)(end ? end - start : (ptrdiff_t)strlen(start)));
}

static void
assert_contains(const char *text, const char *needle)
{
	if (strstr(text, needle) == NULL)
		fail_msg("missing: %s\nin:\n%s", needle, text);
}

static void
assert_lacks(const char *text, const char *needle)
{
	if (strstr(text, needle) != NULL)
		fail_msg("unexpected: %s\nin:\n%s", needle, text);
}

/*
 * One producer sells 10 t to one end market.  Both have throughput 10, the
 * largest, so r = sqrt(10 / 10) = 1: width 1.0 + 1.5 = 2.50, height
 * 0.4 + 0.7 = 1.10, font 16 + 8 = 24; the arrow carries the largest volume:
 * penwidth 1 + 9 = 10, arrow size 0.6 + 0.5 = 1.10.  Producers stand in
 * column 1, end markets in column 5.  No legend: the title only.
 */
static void
test_whole_text(void **state)
{
	mkg_model *m = model_of(
		"{\"format\": \"marketgraph\", \"version\": 1, \"name\": \"Tiny\", "
		"\"volume_unit\": \"t\", \"actors\": [{\"id\": \"p\", \"kind\": \"producer\"}, "
		"{\"id\": \"m\", \"name\": \"Market\", \"kind\": \"end_market\"}], "
		"\"transactions\": [{\"seller\": \"p\", \"buyer\": \"m\", \"commodity\": \"maize\", "
		"\"volume\": 10}]}");
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;
	char *dot;

	(void)state;
	opts.hide_legend = 1;
	dot = dot_of(m, &opts);
	assert_string_equal(dot,
		"digraph market {\n"
		"  graph [rankdir=LR, newrank=true, ranksep=1.2, nodesep=0.3, splines=true, "
		"pad=0.3, fontname=\"Helvetica\", labelloc=t, labeljust=l, outputorder=edgesfirst, "
		"fontsize=16, forcelabels=true];\n"
		"  node [style=\"rounded,filled\", fontname=\"Helvetica\", margin=\"0.12,0.05\", "
		"color=\"#525252\", penwidth=1];\n"
		"  edge [fontname=\"Helvetica\", fontsize=13];\n"
		"  label=<<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\"><TR>"
		"<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"28\"><B>Tiny</B></FONT></TD></TR></TABLE>>;\n"
		"  \"p\" [shape=box, width=2.50, height=1.10, fontsize=24.0, fillcolor=\"#a1d99b\", "
		"label=<<B>p</B><BR/><FONT POINT-SIZE=\"13\">producer, 10 t</FONT>>, "
		"tooltip=\"p (producer)\"];\n"
		"  \"m\" [shape=ellipse, width=2.50, height=1.10, fontsize=24.0, fillcolor=\"#9ecae1\", "
		"label=<<B>Market</B><BR/><FONT POINT-SIZE=\"13\">end_market, 10 t</FONT>>, "
		"tooltip=\"m (end_market)\"];\n"
		"  { rank=same; \"p\"; }\n"
		"  { rank=same; \"m\"; }\n"
		"  \"p\" -> \"m\" [penwidth=10.00, arrowsize=1.10, color=\"#636363\", xlabel=<10>, "
		"tooltip=\"p -> m: maize, 1 transaction\"];\n"
		"}\n");
	mkg_free(dot);
	mkg_model_free(m);
}

/* Ids and names that would break a naive writer: quotes, a final
 * backslash, angle brackets, an ampersand, a line break, UTF-8. */
static void
test_escaping(void **state)
{
	mkg_model *m = model_of(
		"{\"format\": \"marketgraph\", \"version\": 1, \"name\": \"Caf\\u00e9 <&> \\\"map\\\"\", "
		"\"actors\": [{\"id\": \"say \\\"hi\\\"\\\\\", \"name\": \"A&B <coop>\\nline 2\", "
		"\"kind\": \"producer\", \"region\": \"Jun\\u00edn\\\\\"}, "
		"{\"id\": \"x\\\\y\", \"name\": \"Ni\\u00f1o's \\\\ market\", \"kind\": \"end_market\"}], "
		"\"transactions\": [{\"seller\": \"say \\\"hi\\\"\\\\\", \"buyer\": \"x\\\\y\", "
		"\"commodity\": \"caf\\u00e9 \\\"beans\\\"\", \"volume\": 1234567.5}]}");
	char *dot = dot_of(m, NULL), *line;

	(void)state;
	/* labels: XML escapes and <BR/>, UTF-8 as is */
	assert_contains(dot, "<B>Caf\xc3\xa9 &lt;&amp;&gt; &quot;map&quot;</B>");
	assert_contains(dot, "label=<<B>A&amp;B &lt;coop&gt;<BR/>line 2</B>");
	assert_contains(dot, "<B>Ni\xc3\xb1o&#39;s &#92; market</B>");
	/* tooltips: DOT escapes, a space after a final backslash */
	assert_contains(dot, "tooltip=\"say \\\"hi\\\"\\\\  (producer, Jun\xc3\xadn\\\\ )\"");
	assert_contains(dot, "tooltip=\"x\\\\y (end_market)\"");
	assert_contains(dot, "tooltip=\"say \\\"hi\\\"\\\\  -> x\\\\y: caf\xc3\xa9 \\\"beans\\\", "
	                     "1 transaction\"");
	/* nodes are named by id, with % " \\ and controls as %XX */
	line = line_with(dot, "A&amp;B");
	assert_true(g_str_has_prefix(line, "  \"say %22hi%22%5C\" ["));
	g_free(line);
	/* large volumes with separators, never an exponent */
	assert_contains(dot, "xlabel=<1,234,568>");
	assert_contains(dot, "producer, 1,234,568</FONT>");
	mkg_free(dot);
	mkg_model_free(m);
}

/* Strings Graphviz refused (issue "Reliability, round two", item 3): a
 * label that is just "]" or "]]", an empty <B></B> or <FONT></FONT>, the
 * noncharacters U+FFFE and U+FFFF, a label or quoted string over 16384
 * bytes.  Also drawn as U+FFFD: the other noncharacters (U+FDD0, U+10FFFF);
 * as a space: C1 controls (U+0085). */
static void
test_strings_graphviz_refused(void **state)
{
	GString *json = g_string_new("{\"format\": \"marketgraph\", \"version\": 1, \"name\": \"\", "
	                             "\"actors\": [{\"id\": \"a\\ufffe\\uffff\", \"name\": \"]\", "
	                             "\"kind\": \"producer\"}, "
	                             "{\"id\": \"b\", \"name\": \"]]\", \"kind\": \"trader\"}, "
	                             "{\"id\": \"c\\ufdd0\\udbff\\udfff\\u0085\", \"name\": \"\", "
	                             "\"kind\": \"end_market\"}, {\"id\": \"d\", \"name\": \"");
	mkg_model *m;
	char *dot, *line;

	(void)state;
	for (int k = 0; k < 120; k++)
		g_string_append(json, "\\u00e9"); /* 120 characters, 240 bytes */
	g_string_append(json, "\", \"kind\": \"end_market\"}], \"transactions\": [");
	/* 14 commodities: the legend names 12 */
	for (int k = 0; k < 14; k++)
		g_string_append_printf(json, "%s{\"seller\": \"b\", \"buyer\": \"d\", "
		                       "\"commodity\": \"c%02d\", \"volume\": 1}", k ? ", " : "", k);
	g_string_append(json, "]}");
	m = model_of(json->str);
	dot = dot_of(m, NULL);
	/* "" is no name: the title is the default one, the actor shows its id */
	assert_contains(dot, "<FONT POINT-SIZE=\"28\"><B>Market map</B></FONT>");
	assert_contains(dot, "label=<<B>&#93;</B><BR/>");
	assert_contains(dot, "label=<<B>&#93;&#93;</B><BR/>");
	assert_contains(dot, "label=<<B>c\xef\xbf\xbd\xef\xbf\xbd </B><BR/>");
	assert_contains(dot, "tooltip=\"a\xef\xbf\xbd\xef\xbf\xbd (producer)\"");
	assert_contains(dot, "tooltip=\"c\xef\xbf\xbd\xef\xbf\xbd  (end_market)\"");
	/* 100 characters, the last an ellipsis */
	line = line_with(dot, "tooltip=\"d (end_market)\"");
	assert_non_null(line);
	{
		GString *cut = g_string_new("label=<<B>");
		for (int k = 0; k < 99; k++)
			g_string_append(cut, "\xc3\xa9");
		g_string_append(cut, "\xe2\x80\xa6</B><BR/>");
		assert_contains(line, cut->str);
		g_string_free(cut, TRUE);
	}
	g_free(line);
	assert_contains(dot, "\xe2\x94\x81\xe2\x94\x81 c11</FONT></TD><TD>and 2 more</TD>");
	assert_lacks(dot, "c12</FONT>");
	assert_lacks(dot, "\xef\xbf\xbe"); /* U+FFFE */
	assert_lacks(dot, "\xef\xbf\xbf"); /* U+FFFF */
	assert_lacks(dot, "\xef\xb7\x90"); /* U+FDD0 */
	assert_lacks(dot, "\xf4\x8f\xbf\xbf"); /* U+10FFFF */
	assert_lacks(dot, "\xc2\x85");
	mkg_free(dot);
	mkg_model_free(m);
	g_string_free(json, TRUE);
}

/* A tooltip is cut at 300 characters; its backslashes stay doubled. */
static void
test_long_tooltip(void **state)
{
	GString *json = g_string_new("{\"format\": \"marketgraph\", \"version\": 1, \"actors\": "
	                             "[{\"id\": \"p\", \"kind\": \"producer\", \"region\": \"");
	GString *want = g_string_new("tooltip=\"p (producer, ");
	mkg_model *m;
	char *dot;

	(void)state;
	for (int k = 0; k < 400; k++)
		g_string_append(json, "\\\\"); /* one backslash */
	g_string_append(json, "\"}]}");
	for (int k = 0; k < 299; k++)
		g_string_append(want, "\\\\");
	g_string_append(want, "\xe2\x80\xa6)\"];\n");
	m = model_of(json->str);
	dot = dot_of(m, NULL);
	assert_contains(dot, want->str);
	mkg_free(dot);
	mkg_model_free(m);
	g_string_free(json, TRUE);
	g_string_free(want, TRUE);
}

/*
 * Columns and merged arrows.  seed (input supplier, column 0) -> f1, f2
 * (producers, 1) -> col (collector, 2) -> mill (processor, 3) -> shop
 * (retailer, 4) -> town (end market, 5).  The mill also buys from the oil
 * press, a processor of its own column, so it moves one column right (4);
 * the shop, buying from it, cannot move into the end markets' column and
 * stays in 4.  f1 sells twice to col: one arrow of 30.  The programme
 * facilitates f1 and f2, the bank lends to the mill: neither trades
 * produce, so both are in the support band, in the column of whom they
 * serve (1 and 4).  The bank's loan stays within column 4: an ordinary
 * arrow; the mill's extension service to f2 goes back from column 4 to 1:
 * written f2 -> mill with dir=back.
 */
static void
test_columns_and_arrows(void **state)
{
	mkg_model *m = model_of(
		"{\"format\": \"marketgraph\", \"version\": 1, \"volume_unit\": \"t\", \"actors\": ["
		"{\"id\": \"seed\", \"kind\": \"input_supplier\"}, {\"id\": \"f1\", \"kind\": \"producer\"}, "
		"{\"id\": \"f2\", \"kind\": \"producer\"}, {\"id\": \"col\", \"kind\": \"collector\"}, "
		"{\"id\": \"press\", \"kind\": \"processor\"}, {\"id\": \"mill\", \"kind\": \"processor\"}, "
		"{\"id\": \"shop\", \"kind\": \"retailer\"}, {\"id\": \"town\", \"kind\": \"end_market\"}, "
		"{\"id\": \"prog\", \"kind\": \"programme\"}, {\"id\": \"bank\", \"kind\": \"financial_institution\"}], "
		"\"transactions\": ["
		"{\"seller\": \"seed\", \"buyer\": \"f1\", \"commodity\": \"seed\", \"volume\": 1}, "
		"{\"seller\": \"f1\", \"buyer\": \"col\", \"commodity\": \"grain\", \"volume\": 10}, "
		"{\"seller\": \"f1\", \"buyer\": \"col\", \"commodity\": \"grain\", \"volume\": 20}, "
		"{\"seller\": \"f2\", \"buyer\": \"col\", \"commodity\": \"grain\", \"volume\": 5}, "
		"{\"seller\": \"f2\", \"buyer\": \"press\", \"commodity\": \"grain\", \"volume\": 5}, "
		"{\"seller\": \"col\", \"buyer\": \"mill\", \"commodity\": \"grain\", \"volume\": 35}, "
		"{\"seller\": \"press\", \"buyer\": \"mill\", \"commodity\": \"cake\", \"volume\": 4}, "
		"{\"seller\": \"mill\", \"buyer\": \"shop\", \"commodity\": \"flour\", \"volume\": 30}, "
		"{\"seller\": \"shop\", \"buyer\": \"town\", \"commodity\": \"flour\", \"volume\": 30}, "
		"{\"seller\": \"bank\", \"buyer\": \"mill\", \"commodity\": \"loan\", \"value\": 9, \"service\": true}, "
		"{\"seller\": \"mill\", \"buyer\": \"f2\", \"commodity\": \"extension\", \"value\": 1, \"service\": true}], "
		"\"facilitation\": [{\"facilitator\": \"prog\", \"type\": \"temporary\", "
		"\"function\": \"linkages\", \"targets\": {\"actors\": [\"f1\", \"f2\"]}}]}");
	char *dot = dot_of(m, NULL);

	(void)state;
	assert_contains(dot, "  { rank=same; \"seed\"; }\n"            /* seed */
	                     "  { rank=same; \"f1\"; \"f2\"; \"prog\"; }\n"    /* f1, f2, prog */
	                     "  { rank=same; \"col\"; }\n"            /* col */
	                     "  { rank=same; \"press\"; }\n"            /* press */
	                     "  { rank=same; \"mill\"; \"shop\"; \"bank\"; }\n"    /* mill, shop, bank */
	                     "  { rank=same; \"town\"; }\n");          /* town */
	assert_contains(dot, "subgraph cluster_support {");
	/* f1's two sales merged: 30 */
	assert_contains(dot, "\"f1\" -> \"col\" [penwidth=");
	assert_contains(dot, "xlabel=<30>, tooltip=\"f1 -> col: grain, 2 transactions\"");
	/* the extension service goes back: drawn reversed */
	assert_contains(dot, "  \"f2\" -> \"mill\" [dir=back, style=dotted");
	assert_contains(dot, "  \"bank\" -> \"mill\" [style=dotted");
	/* facilitation: one dashed arrow per target, the function on the first */
	assert_contains(dot, "  \"prog\" -> \"f1\" [style=dashed, color=\"#e6550d\"");
	assert_contains(dot, "xlabel=<linkages>, tooltip=\"f1 (temporary linkages)\"");
	assert_contains(dot, "  \"prog\" -> \"f2\" [style=dashed, color=\"#e6550d\", fontcolor=\"#e6550d\", "
	                     "penwidth=1.2, arrowhead=empty, arrowtail=empty, constraint=false, "
	                     "tooltip=\"f1 (temporary linkages)\"];\n");
	mkg_free(dot);
	mkg_model_free(m);
}

/* Options that leave things out. */
static void
test_hiding(void **state)
{
	mkg_model *m = model_of(
		"{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"e\", \"kind\": \"end_market\"}, "
		"{\"id\": \"s\", \"kind\": \"service_provider\"}, {\"id\": \"g\", \"kind\": \"programme\"}], "
		"\"transactions\": [{\"seller\": \"p\", \"buyer\": \"e\", \"commodity\": \"c\", \"volume\": 1}, "
		"{\"seller\": \"s\", \"buyer\": \"p\", \"commodity\": \"t\", \"value\": 1, \"service\": true}], "
		"\"facilitation\": [{\"facilitator\": \"g\", \"type\": \"public\", \"function\": \"other\", "
		"\"targets\": {\"actors\": [\"p\"]}}]}");
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;
	char *all, *none;

	(void)state;
	all = dot_of(m, &opts);
	assert_contains(all, "style=dotted");
	assert_contains(all, "style=dashed, color=\"#31a354\"");
	assert_contains(all, "- - public facilitation");
	assert_contains(all, "\xc2\xb7\xc2\xb7\xc2\xb7 services");
	assert_int_equal(mkg_dot_options_init(&opts, MKG_DOT_OPTIONS_VERSION), MKG_OK);
	opts.hide_services = opts.hide_facilitation = 1;
	none = dot_of(m, &opts);
	assert_lacks(none, "style=dotted");
	assert_lacks(none, "style=dashed");
	assert_lacks(none, "facilitation</FONT>");
	assert_lacks(none, "services</FONT>");
	/* the actors are still drawn */
	assert_contains(none, "  \"s\" [");
	assert_contains(none, "  \"g\" [");
	mkg_free(all);
	mkg_free(none);
	mkg_model_free(m);
}

/*
 * Highlights from real results.  a (supply 100) and b (supply 50) sell to
 * proc (capacity 60); b also sells to trader, linked to market with a
 * capacity of 10; market's demand 200.  Max flow: proc 60 + link 10 = 70,
 * both binding.  a sells only to proc: proc holds a captive (supply 100).
 * trader and proc are in a group "ring": as the only two buyers of b's and
 * a's maize they would be presumed harmful.
 */
static void
test_highlights(void **state)
{
	mkg_model *m = model_of(
		"{\"format\": \"marketgraph\", \"version\": 1, \"volume_unit\": \"t\", \"actors\": ["
		"{\"id\": \"a\", \"kind\": \"producer\", \"supply\": 100}, "
		"{\"id\": \"b\", \"kind\": \"producer\", \"supply\": 50}, "
		"{\"id\": \"proc\", \"kind\": \"processor\", \"capacity\": 60}, "
		"{\"id\": \"trader\", \"kind\": \"trader\"}, "
		"{\"id\": \"market\", \"kind\": \"end_market\", \"demand\": 200}, "
		"{\"id\": \"ring\", \"name\": \"The ring\", \"kind\": \"association\"}], "
		"\"transactions\": ["
		"{\"seller\": \"a\", \"buyer\": \"proc\", \"commodity\": \"maize\", \"volume\": 50}, "
		"{\"seller\": \"b\", \"buyer\": \"proc\", \"commodity\": \"maize\", \"volume\": 10}, "
		"{\"seller\": \"b\", \"buyer\": \"trader\", \"commodity\": \"maize\", \"volume\": 10}, "
		"{\"seller\": \"trader\", \"buyer\": \"market\", \"commodity\": \"maize\", \"volume\": 10, "
		"\"capacity\": 10}, "
		"{\"seller\": \"proc\", \"buyer\": \"market\", \"commodity\": \"maize\", \"volume\": 60}], "
		"\"memberships\": [{\"group\": \"ring\", \"member\": \"proc\"}, "
		"{\"group\": \"ring\", \"member\": \"trader\"}]}");
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;
	mkg_flow *flow = NULL;
	mkg_captive *captive = NULL;
	mkg_coalitions *coalitions = NULL;
	char *plain, *dot, *line;

	(void)state;
	assert_int_equal(mkg_flow_new(&flow, m, NULL), MKG_OK);
	assert_int_equal(mkg_captive_new(&captive, m, NULL), MKG_OK);
	assert_int_equal(mkg_coalitions_new(&coalitions, m, NULL), MKG_OK);
	assert_true(mkg_flow_max_flow(flow) == 70);
	assert_int_equal(mkg_coalitions_presumed_harmful(coalitions, 0), 1);
	plain = dot_of(m, NULL);
	assert_lacks(plain, "#cb181d");
	opts.flow = flow;
	opts.captive = captive;
	opts.coalitions = coalitions;
	dot = dot_of(m, &opts);
	/* the processor: binding capacity and a captive producer */
	line = line_with(dot, "  \"proc\" [");
	assert_contains(line, "fillcolor=\"#fcbba1\", color=\"#cb181d\", penwidth=3.5");
	assert_contains(line, "capacity 60 t binds");
	assert_contains(line, "1 captive producer, 100 t");
	g_free(line);
	/* the link with a binding capacity */
	line = line_with(dot, "  \"trader\" -> \"market\" [");
	assert_contains(line, "color=\"#cb181d\"");
	assert_contains(line, "capacity 10 t binds");
	g_free(line);
	/* the market's demand does not bind, and the market, the only outlet of
	 * both producers, is no hub */
	line = line_with(dot, "  \"market\" [");
	assert_lacks(line, "#cb181d");
	g_free(line);
	/* the ring drawn around its members, which are written inside it */
	assert_contains(dot, "  subgraph cluster_0 {\n    style=\"dashed,rounded\"; "
	                     "color=\"#cb181d\"; penwidth=2; fontcolor=\"#cb181d\"; "
	                     "label=<The ring: presumed harmful as one firm>;\n    \"proc\" [");
	assert_contains(dot, "red dashed box: coalition presumed harmful");
	/* highlight runs the three analyses itself: the same text; a result
	 * passed in is used instead of running that analysis. */
	{
		mkg_dot_options run = MKG_DOT_OPTIONS_INIT;
		char *ran;

		run.highlight = 1;
		ran = dot_of(m, &run);
		assert_string_equal(ran, dot);
		mkg_free(ran);
		run.flow = flow;
		ran = dot_of(m, &run);
		assert_string_equal(ran, dot);
		mkg_free(ran);
	}
	mkg_free(plain);
	mkg_free(dot);
	mkg_coalitions_free(coalitions);
	mkg_captive_free(captive);
	mkg_flow_free(flow);
	mkg_model_free(m);
}

/* Two coalitions presumed harmful share a member: each of the three
 * traders buys a third of the maize, so any two as one firm hold 2/3,
 * delta 2 x 10^4 x 1/9 = 2222.  t2 is drawn in the first box (g1, by
 * group id), the second box holds t3 alone. */
static void
test_overlapping_coalitions(void **state)
{
	mkg_model *m = model_of(
		"{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"t1\", \"kind\": \"trader\"}, "
		"{\"id\": \"t2\", \"kind\": \"trader\"}, {\"id\": \"t3\", \"kind\": \"trader\"}, "
		"{\"id\": \"g2\", \"kind\": \"association\"}, {\"id\": \"g1\", \"kind\": \"association\"}], "
		"\"transactions\": ["
		"{\"seller\": \"p\", \"buyer\": \"t1\", \"commodity\": \"maize\", \"volume\": 10}, "
		"{\"seller\": \"p\", \"buyer\": \"t2\", \"commodity\": \"maize\", \"volume\": 10}, "
		"{\"seller\": \"p\", \"buyer\": \"t3\", \"commodity\": \"maize\", \"volume\": 10}], "
		"\"memberships\": [{\"group\": \"g2\", \"member\": \"t2\"}, "
		"{\"group\": \"g2\", \"member\": \"t3\"}, {\"group\": \"g1\", \"member\": \"t1\"}, "
		"{\"group\": \"g1\", \"member\": \"t2\"}]}");
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;
	mkg_coalitions *coalitions = NULL;
	char *dot;
	const char *c0, *c1;

	(void)state;
	assert_int_equal(mkg_coalitions_new(&coalitions, m, NULL), MKG_OK);
	assert_int_equal(mkg_coalitions_count(coalitions), 2);
	assert_string_equal(mkg_coalitions_group(coalitions, 0), "g1");
	opts.coalitions = coalitions;
	dot = dot_of(m, &opts);
	c0 = strstr(dot, "subgraph cluster_0 {");
	c1 = strstr(dot, "subgraph cluster_1 {");
	assert_non_null(c0);
	assert_non_null(c1);
	assert_true(c0 < c1);
	assert_contains(c0, "label=<g1: presumed harmful as one firm>;\n    \"t1\" [");
	assert_contains(c0, "tooltip=\"t1 (trader)\"];\n    \"t2\" [");
	assert_contains(c0, "tooltip=\"t2 (trader)\"];\n  }\n  subgraph cluster_1 {");
	assert_contains(c1, "label=<g2: presumed harmful as one firm>;\n    \"t3\" [");
	assert_contains(c1, "tooltip=\"t3 (trader)\"];\n  }\n");
	mkg_free(dot);
	mkg_coalitions_free(coalitions);
	mkg_model_free(m);
}

/* The same model gives the same bytes; an empty model gives a valid graph. */
static void
test_deterministic_and_empty(void **state)
{
	mkg_model *m = NULL;
	char *a, *b;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	a = dot_of(m, NULL);
	b = dot_of(m, NULL);
	assert_string_equal(a, b);
	assert_true(g_str_has_prefix(a, "digraph market {\n"));
	assert_true(g_str_has_suffix(a, "}\n"));
	assert_contains(a, "<B>Market map</B>");
	mkg_free(a);
	mkg_free(b);
	mkg_model_free(m);
}

/* The views of dot.h on one model: producers p1, p2 (region A), p3 (B)
 * and "p%4" (no region) sell maize to the traders t1 and t2; p1 also sells
 * coffee to t3; the bank lends to t1 and t3, the programme trains p3.
 * Maize: t1 buys 10 + 20 = 30 from A, t2 buys 5 + 1 = 6; both sell to m. */
static const char view_model[] =
	"{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
	"{\"id\": \"p1\", \"kind\": \"producer\", \"region\": \"A\"}, "
	"{\"id\": \"p2\", \"kind\": \"producer\", \"region\": \"A\"}, "
	"{\"id\": \"p3\", \"kind\": \"producer\", \"region\": \"B\"}, "
	"{\"id\": \"p%4\", \"kind\": \"producer\"}, "
	"{\"id\": \"t1\", \"kind\": \"trader\"}, {\"id\": \"t2\", \"kind\": \"trader\"}, "
	"{\"id\": \"t3\", \"kind\": \"trader\"}, {\"id\": \"m\", \"kind\": \"end_market\"}, "
	"{\"id\": \"prog\", \"kind\": \"programme\"}, "
	"{\"id\": \"bank\", \"kind\": \"financial_institution\"}], "
	"\"transactions\": ["
	"{\"seller\": \"p1\", \"buyer\": \"t1\", \"commodity\": \"maize\", \"volume\": 10}, "
	"{\"seller\": \"p2\", \"buyer\": \"t1\", \"commodity\": \"maize\", \"volume\": 20}, "
	"{\"seller\": \"p3\", \"buyer\": \"t2\", \"commodity\": \"maize\", \"volume\": 5}, "
	"{\"seller\": \"p%4\", \"buyer\": \"t2\", \"commodity\": \"maize\", \"volume\": 1}, "
	"{\"seller\": \"t1\", \"buyer\": \"m\", \"commodity\": \"maize\", \"volume\": 30}, "
	"{\"seller\": \"t2\", \"buyer\": \"m\", \"commodity\": \"maize\", \"volume\": 6}, "
	"{\"seller\": \"p1\", \"buyer\": \"t3\", \"commodity\": \"coffee\", \"volume\": 7}, "
	"{\"seller\": \"t3\", \"buyer\": \"m\", \"commodity\": \"coffee\", \"volume\": 7}, "
	"{\"seller\": \"bank\", \"buyer\": \"t1\", \"commodity\": \"loan\", \"value\": 3, \"service\": true}, "
	"{\"seller\": \"bank\", \"buyer\": \"t3\", \"commodity\": \"loan\", \"value\": 2, \"service\": true}], "
	"\"facilitation\": [{\"facilitator\": \"prog\", \"type\": \"temporary\", "
	"\"function\": \"linkages\", \"targets\": {\"actors\": [\"p3\"]}}]}";

/* Coffee only: p1, t3 and m trade it; the bank serves t3 (and trades no
 * produce), so it stays with its loan to t3; the programme trains p3,
 * who trades no coffee: left out, as are the maize traders. */
static void
test_view_commodity(void **state)
{
	mkg_model *m = model_of(view_model);
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;
	char *dot;

	(void)state;
	opts.commodity = "coffee";
	dot = dot_of(m, &opts);
	assert_contains(dot, "  \"p1\" [");
	assert_contains(dot, "  \"t3\" [");
	assert_contains(dot, "  \"bank\" [");
	assert_contains(dot, "  \"bank\" -> \"t3\" [");
	assert_contains(dot, "  \"p1\" -> \"t3\" [");
	assert_lacks(dot, "\"t1\"");
	assert_lacks(dot, "\"prog\"");
	assert_lacks(dot, "maize");
	assert_contains(dot, "only commodity coffee: 4 of 10 actors");
	mkg_free(dot);
	/* the chain of maize: everyone but t3; the bank for its loan to t1,
	 * the programme for p3 */
	opts.commodity = NULL;
	opts.chain = "maize";
	dot = dot_of(m, &opts);
	assert_lacks(dot, "\"t3\"");
	assert_contains(dot, "  \"bank\" -> \"t1\" [");
	assert_contains(dot, "  \"prog\" -> \"p3\" [");
	assert_contains(dot, "only the chain of maize: 9 of 10 actors");
	mkg_free(dot);
	mkg_model_free(m);
}

/* Producers by region: A (p1, p2), B (p3) and no region ("p%4"); A's two
 * maize sales to t1 merge into one arrow of 30, 2 transactions; A's
 * throughput is 10 + 20 + 7 (p1's coffee) = 37. */
static void
test_view_collapse(void **state)
{
	mkg_model *m = model_of(view_model);
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;
	char *dot;

	(void)state;
	opts.collapse_by_region = 1u << MKG_ACTOR_PRODUCER;
	dot = dot_of(m, &opts);
	assert_contains(dot, "  \"%producer@A\" [shape=box");
	assert_contains(dot, "label=<<B>A</B><BR/><FONT POINT-SIZE=\"13\">2 producers, 37</FONT>>, "
	                     "tooltip=\"2 merged (producer, A)\"");
	assert_contains(dot, "label=<<B>B</B><BR/><FONT POINT-SIZE=\"13\">1 producer, 5</FONT>>");
	assert_contains(dot, "label=<<B>(no region)</B><BR/><FONT POINT-SIZE=\"13\">1 producer, 1"
	                     "</FONT>>");
	assert_contains(dot, "  \"%producer@A\" -> \"t1\" [penwidth=");
	assert_contains(dot, "xlabel=<30>, tooltip=\"producer actors of A -> t1: maize, "
	                     "2 transactions\"");
	assert_contains(dot, "  \"prog\" -> \"%producer@B\" [");
	assert_contains(dot, "  { rank=same; \"prog\"; \"%producer@A\"; \"%producer@B\"; \"%producer@\"; }");
	assert_contains(dot, "merged by region: producer (3 nodes)");
	assert_lacks(dot, "\"p1\"");
	assert_lacks(dot, "\"p%254\"");
	mkg_free(dot);
	/* uncollapsed, the % of an id is written %25 */
	dot = dot_of(m, NULL);
	assert_contains(dot, "  \"p%254\" -> \"t2\" [");
	mkg_free(dot);
	mkg_model_free(m);
}

/* --top on the maize chain: t1 holds 2 captive producers with 30, t2
 * holds 2 with 6 (the end market m is never marked); top 1 leaves t1. */
static void
test_view_top(void **state)
{
	mkg_model *m = model_of(view_model);
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;
	char *dot, *line;

	(void)state;
	opts.chain = "maize";
	opts.highlight = 1;
	dot = dot_of(m, &opts);
	line = line_with(dot, "  \"t2\" [");
	assert_contains(line, "2 captive producers, 6</FONT>");
	g_free(line);
	mkg_free(dot);
	opts.top = 1;
	dot = dot_of(m, &opts);
	line = line_with(dot, "  \"t1\" [");
	assert_contains(line, "color=\"#cb181d\", penwidth=3.5");
	assert_contains(line, "2 captive producers, 30</FONT>");
	g_free(line);
	line = line_with(dot, "  \"t2\" [");
	assert_lacks(line, "#cb181d");
	assert_lacks(line, "captive");
	g_free(line);
	assert_contains(dot, "top 1: in red only the 1 of 2 highlighted actors holding the most "
	                     "volume");
	mkg_free(dot);
	/* collapsed, the group of t1's kind is red as t1 is */
	opts.collapse_by_region = 1u << MKG_ACTOR_TRADER;
	dot = dot_of(m, &opts);
	line = line_with(dot, "  \"%trader@\" [");
	assert_contains(line, "2 traders");
	assert_contains(line, "2 captive producers, 30</FONT>");
	g_free(line);
	mkg_free(dot);
	mkg_model_free(m);
}

/*
 * The tiny map of test_whole_text laid out for A4 landscape.  Paper sizes:
 * r = 1, so width 0.5 + 0.6 = 1.10, height 0.2 + 0.1 = 0.30, name font
 * 9 + 2 = 11.0, other labels 8, arrow pen 1 + 4 = 5.00; title 14 pt.
 * Estimated scale (dot-page.c): each node's label is its detail line, 24
 * characters of 8 pt at 0.55 em: 192 * 0.55 / 72 + 0.12 = 1.586667 in wide,
 * (11 + 8) * 1.2 / 72 + 0.04 = 0.356667 in high.  Across: (2 * 1.586667 +
 * 0.45) * 1.1 = 3.985667 in for 11.69 - 0.8 = 10.89 in: 2.732290; down:
 * 0.356667 * 1.2 + 14 * 1.3 / 72 = 0.680778 in for 7.47: 10.97.  Labels
 * 8 * 2.732290 = 21.858 pt, readable, so the columns run across (LR).
 */
static void
test_page(void **state)
{
	mkg_model *m = model_of(
		"{\"format\": \"marketgraph\", \"version\": 1, \"name\": \"Tiny\", "
		"\"volume_unit\": \"t\", \"actors\": [{\"id\": \"p\", \"kind\": \"producer\"}, "
		"{\"id\": \"m\", \"name\": \"Market\", \"kind\": \"end_market\"}], "
		"\"transactions\": [{\"seller\": \"p\", \"buyer\": \"m\", \"commodity\": \"maize\", "
		"\"volume\": 10}]}");
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;
	double points = 0;
	char *dot;

	(void)state;
	opts.hide_legend = 1;
	opts.page = "a4-landscape";
	opts.page_label_points = &points;
	dot = dot_of(m, &opts);
	assert_string_equal(dot,
		"digraph market {\n"
		"  graph [rankdir=LR, newrank=true, ranksep=0.45, nodesep=0.05, splines=true, "
		"size=\"10.89,7.47!\", ratio=compress, margin=0.4, center=true, pad=0, "
		"fontname=\"Helvetica\", labelloc=t, labeljust=l, outputorder=edgesfirst, "
		"fontsize=9, forcelabels=true];\n"
		"  node [style=\"rounded,filled\", fontname=\"Helvetica\", margin=\"0.06,0.02\", "
		"color=\"#525252\", penwidth=1];\n"
		"  edge [fontname=\"Helvetica\", fontsize=8];\n"
		"  label=<<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\"><TR>"
		"<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\"><B>Tiny</B></FONT></TD></TR></TABLE>>;\n"
		"  \"p\" [shape=box, width=1.10, height=0.30, fontsize=11.0, fillcolor=\"#a1d99b\", "
		"label=<<B>p</B><BR/><FONT POINT-SIZE=\"8\">producer, 10 t</FONT>>, "
		"tooltip=\"p (producer)\"];\n"
		"  \"m\" [shape=ellipse, width=1.10, height=0.30, fontsize=11.0, fillcolor=\"#9ecae1\", "
		"label=<<B>Market</B><BR/><FONT POINT-SIZE=\"8\">end_market, 10 t</FONT>>, "
		"tooltip=\"m (end_market)\"];\n"
		"  { rank=same; \"p\"; }\n"
		"  { rank=same; \"m\"; }\n"
		"  \"p\" -> \"m\" [penwidth=5.00, arrowsize=1.10, color=\"#636363\", xlabel=<10>, "
		"tooltip=\"p -> m: maize, 1 transaction\"];\n"
		"}\n");
	assert_float_equal(points, 21.8583, 0.001);
	mkg_free(dot);

	/* A4 portrait: the columns down the long side (TB).  Down: along the
	 * row 1.586667 * 1.2 = 1.904 in for 7.47: 3.923; across (2 * 0.356667
	 * + 0.45) * 1.1 + 0.252778 = 1.532278 in for 10.89: 7.107; 8 * 3.923 =
	 * 31.39 pt */
	opts.page = "a4-portrait";
	dot = dot_of(m, &opts);
	assert_contains(dot, "  graph [rankdir=TB, newrank=true, ranksep=0.45, nodesep=0.05, "
	                "splines=true, size=\"7.47,10.89!\", ratio=compress, margin=0.4, "
	                "center=true, pad=0, ");
	assert_float_equal(points, 8 * 7.47 / 1.904, 0.001);
	mkg_free(dot);
	opts.page = "a3-landscape";
	dot = dot_of(m, &opts);
	assert_contains(dot, "rankdir=LR, newrank=true, ranksep=0.45, nodesep=0.05, splines=true, "
	                "size=\"15.74,10.89!\"");
	mkg_free(dot);
	opts.page = "letter-landscape";
	dot = dot_of(m, &opts);
	assert_contains(dot, "size=\"10.20,7.70!\"");
	mkg_free(dot);
	/* "none" is the screen map, its estimate absent */
	opts.page = "none";
	dot = dot_of(m, &opts);
	assert_contains(dot, "  graph [rankdir=LR, newrank=true, ranksep=1.2, nodesep=0.3, "
	                "splines=true, pad=0.3, ");
	assert_true(MKG_IS_ABSENT(points));
	mkg_free(dot);
	mkg_model_free(m);
}

/* A map too large for its page says so in red in the legend: 40 producers
 * of 5 t selling to one market of 200 t: r = sqrt(5 / 200) = 0.158114, name
 * font 9 + 2r = 9.316228, height (9.316228 + 8) * 1.2 / 72 + 0.04 =
 * 0.328604 in; 40 of them and 39 gaps of 0.05 in one column, * 1.2 =
 * 18.113 in; down the page (TB) 40 * 1.586667 in wide: worse.  With the
 * legend's two lines (2 * (9 * 1.2 + 6) / 72 = 0.466667) and the title
 * (0.252778), 7.47 / 18.832 = 0.396656: labels 3.17 pt. */
static void
test_page_too_small(void **state)
{
	GString *json = g_string_new("{\"format\": \"marketgraph\", \"version\": 1, "
	                             "\"actors\": [{\"id\": \"m\", \"kind\": \"end_market\"}");
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;
	double points = 0;
	mkg_model *m;
	char *dot;

	(void)state;
	for (int i = 0; i < 40; i++)
		g_string_append_printf(json, ", {\"id\": \"p%02d\", \"kind\": \"producer\"}", i);
	g_string_append(json, "], \"transactions\": [");
	for (int i = 0; i < 40; i++)
		g_string_append_printf(json, "%s{\"seller\": \"p%02d\", \"buyer\": \"m\", "
		                       "\"commodity\": \"maize\", \"volume\": 5}", i ? ", " : "", i);
	g_string_append(json, "]}");
	m = model_of(json->str);
	opts.page = "a4-landscape";
	opts.page_label_points = &points;
	dot = dot_of(m, &opts);
	assert_float_equal(points, 8 * 7.47 / (1.2 * (40 * 0.328604 + 39 * 0.05) +
	                                       14 * 1.3 / 72 + 2 * (9 * 1.2 + 6) / 72), 0.001);
	assert_contains(dot, "rankdir=LR");
	assert_contains(dot, "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"#cb181d\">a4-landscape: too "
	                "much for the page, labels about 3.2 pt (under 7): draw less (one chain, "
	                "kinds merged by region, the top holders)</FONT></TD></TR>");
	mkg_free(dot);
	mkg_model_free(m);
	g_string_free(json, TRUE);
}

static void
expect_view_error(const mkg_model *m, const mkg_dot_options *opts, int code, const char *msg)
{
	char *out = (char *)"untouched";

	assert_int_equal(mkg_dot_write_string(m, opts, &out, NULL), code);
	assert_string_equal(mkg_error_message(), msg);
	assert_string_equal(out, "untouched");
}

static void
test_view_errors(void **state)
{
	mkg_model *m = model_of(view_model);
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;

	(void)state;
	opts.commodity = "maize";
	opts.chain = "maize";
	expect_view_error(m, &opts, MKG_EINVAL, "dot: give commodity or chain, not both");
	opts.chain = NULL;
	opts.commodity = "rice";
	expect_view_error(m, &opts, MKG_ENOTFOUND, "dot: no transaction of commodity \"rice\"");
	opts.commodity = "loan";
	expect_view_error(m, &opts, MKG_EINVAL,
	                  "dot: commodity \"loan\" is a service: the view keeps produce");
	opts.commodity = NULL;
	opts.chain = "rice";
	expect_view_error(m, &opts, MKG_ENOTFOUND,
	                  "dot: no chain \"rice\" (the model's chains: coffee, maize)");
	opts.chain = NULL;
	opts.collapse_by_region = 1u << 31;
	expect_view_error(m, &opts, MKG_EINVAL,
	                  "dot: collapse_by_region has bits of no actor kind (0x80000000)");
	opts.collapse_by_region = 0;
	opts.page = "a5";
	expect_view_error(m, &opts, MKG_EINVAL,
	                  "dot: unknown page \"a5\" (the pages: a4-landscape, a4-portrait, "
	                  "a3-landscape, letter-landscape, none)");
	opts.page = "A4-landscape";   /* names are exact */
	expect_view_error(m, &opts, MKG_EINVAL,
	                  "dot: unknown page \"A4-landscape\" (the pages: a4-landscape, "
	                  "a4-portrait, a3-landscape, letter-landscape, none)");
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = NULL;
	mkg_dot_options opts = MKG_DOT_OPTIONS_INIT;
	char *out = (char *)"untouched";

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_dot_write_string(NULL, NULL, &out, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_dot_write_string: argument 'model' is NULL");
	assert_int_equal(mkg_dot_write_string(m, NULL, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_dot_write_string: argument 'out' is NULL");
	opts.version = 7;
	assert_int_equal(mkg_dot_write_string(m, &opts, &out, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_dot_write_string: unknown options version 7");
	assert_string_equal(out, "untouched");
	assert_int_equal(mkg_dot_options_init(&opts, 1), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_dot_options_init: unknown version 1");
	assert_int_equal(mkg_dot_options_init(NULL, MKG_DOT_OPTIONS_VERSION), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_dot_options_init: argument 'opts' is NULL");
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_text),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_strings_graphviz_refused),
		cmocka_unit_test(test_long_tooltip),
		cmocka_unit_test(test_columns_and_arrows),
		cmocka_unit_test(test_hiding),
		cmocka_unit_test(test_highlights),
		cmocka_unit_test(test_overlapping_coalitions),
		cmocka_unit_test(test_deterministic_and_empty),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_view_commodity),
		cmocka_unit_test(test_view_collapse),
		cmocka_unit_test(test_view_top),
		cmocka_unit_test(test_view_errors),
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_page_too_small),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
