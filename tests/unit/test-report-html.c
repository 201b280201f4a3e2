/* Tests of the HTML report and the report's CSV tables (docs/report.md,
 * "HTML report" and "Tables"): what a tiny model gives, byte for byte
 * where it matters, and every error.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "market-fixture.h"

/* a (named "Alpha <farm>") sells 3 and c sells 1 of maize 2010 to b, who
 * sells 4 to the end market e. */
static mkg_model *
tiny_model(void)
{
	mkg_model *m = mf_model("tiny & <small>");

	assert_int_equal(mkg_model_set_volume_unit(m, "t"), MKG_OK);
	mf_actor_full(m, "a", MKG_ACTOR_PRODUCER, NULL, "Alpha <farm>");
	mf_actor(m, "b", MKG_ACTOR_TRADER, NULL);
	mf_actor(m, "c", MKG_ACTOR_PRODUCER, NULL);
	mf_actor(m, "e", MKG_ACTOR_END_MARKET, NULL);
	mf_tx(m, "a", "b", "maize", "2010", 3, MF_NONE);
	mf_tx(m, "c", "b", "maize", "2010", 1, MF_NONE);
	mf_tx(m, "b", "e", "maize", "2010", 4, MF_NONE);
	return m;
}

static char *
html_of(const mkg_report *r, const mkg_report_html_options *o)
{
	char *html = NULL;
	size_t len = 0;

	assert_int_equal(mkg_report_write_html(r, o, &html, &len), MKG_OK);
	assert_int_equal(len, strlen(html));
	return html;
}

/* s with the five characters HTML escapes as mkg__html_escape does. */
static void
escape(GString *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': g_string_append(out, "&amp;"); break;
		case '<': g_string_append(out, "&lt;"); break;
		case '>': g_string_append(out, "&gt;"); break;
		case '"': g_string_append(out, "&quot;"); break;
		case '\'': g_string_append(out, "&#39;"); break;
		default: g_string_append_c(out, *s);
		}
	}
}

/* The HTML summary lists the text summary's lines (after the title, up to
 * the first empty line), escaped, in the same order, and nothing else. */
static void
summary_is_text(const mkg_report *r, const char *html)
{
	char *text = NULL, **lines;
	const char *start = strstr(html, "<ul class=\"findings\">\n"), *end, *at;
	GString *want = g_string_new(NULL);
	size_t n = 0, items = 0;

	assert_non_null(start);
	end = strstr(start, "</ul>\n");
	assert_non_null(end);
	assert_int_equal(mkg_report_write_text(r, &text, NULL), MKG_OK);
	lines = g_strsplit(text, "\n", -1);
	at = start;
	for (size_t i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++, n++) {
		g_string_assign(want, "\">");
		escape(want, lines[i]);
		g_string_append(want, "</li>\n");
		at = strstr(at, want->str);
		assert_non_null(at);
		assert_true(at < end);
	}
	for (at = start; (at = strstr(at, "<li data-topic=\"")) != NULL && at < end; at++)
		items++;
	assert_true(n > 0);
	assert_int_equal(items, n);
	g_strfreev(lines);
	g_string_free(want, TRUE);
	mkg_free(text);
}

/* Farm gate (level producer): sellers a 0.75, c 0.25, HHI 5625 + 625 =
 * 6250; buyer b alone, 10000.  Trader level: b sells all to e, an end
 * market without firms, a competitive fringe: the buyer side has no HHI. */
static void
test_html(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report *r = NULL;
	mkg_report_html_options o;
	char *plain, *with_map, *again;
	(void)state;

	assert_int_equal(mkg_report_new(&r, m, NULL), MKG_OK);
	plain = html_of(r, NULL);
	assert_true(g_str_has_prefix(plain, "<!DOCTYPE html>\n<html lang=\"en\">\n"));
	assert_true(g_str_has_suffix(plain, "</body>\n</html>\n"));
	assert_non_null(strstr(plain, "<title>Market analysis: tiny &amp; &lt;small&gt;</title>"));
	/* no map and no date without the model */
	assert_null(strstr(plain, "id=\"market-map\""));
	assert_null(strstr(plain, "report-date"));
	/* the summary is the text report's (findings.c): buyer b alone */
	assert_non_null(strstr(plain, "<ul class=\"findings\">\n<li data-topic=\"farm_gate\">Farm "
	                              "gate, maize 2010: buyer HHI 10,000, highly concentrated "
	                              "(above 1,800: 2023 US Merger Guidelines); b buys 100%</li>\n"));
	summary_is_text(r, plain);
	assert_non_null(strstr(plain, "<td class=\"n\" data-v=\"6250\">6,250</td>"));
	assert_non_null(strstr(plain, "<td class=\"n\" data-v=\"0.75\">75.0%</td>"));

	assert_int_equal(mkg_report_html_options_init(&o, MKG_REPORT_HTML_OPTIONS_VERSION), MKG_OK);
	o.model = m;
	o.date = "June <2011>";
	with_map = html_of(r, &o);
	again = html_of(r, &o);
	assert_string_equal(with_map, again); /* the same bytes */
	assert_non_null(strstr(with_map, "<span id=\"report-date\">June &lt;2011&gt;</span>"));
	assert_non_null(strstr(with_map, "id=\"market-map\""));
	/* the node's name escaped, in its box and its tooltip */
	assert_non_null(strstr(with_map, "<title>a (Alpha &lt;farm&gt;), producer</title>"));
	mkg_free(again);
	/* without a date, the model's period; this one has none */
	o.date = NULL;
	again = html_of(r, &o);
	assert_null(strstr(again, "report-date"));

	mkg_free(plain);
	mkg_free(with_map);
	mkg_free(again);
	mkg_report_free(r);
	mkg_model_free(m);
}

/* The full value in data-v of the bar whose tooltip is `title` (escaped),
 * after checking that the bar's value label reads `label`. */
static double
bar_value(const char *html, const char *title, const char *label)
{
	GString *want = g_string_new(NULL);
	const char *at, *v;

	g_string_printf(want, "\"><title>%s</title></rect>", title);
	at = strstr(html, want->str);
	assert_non_null(at);
	/* back to the rect's data-v="..." */
	for (v = at; v > html && !g_str_has_prefix(v, "data-v=\""); v--)
		;
	assert_true(g_str_has_prefix(v, "data-v=\""));
	g_string_printf(want, "fill=\"#333\">%s</text>", label);
	assert_non_null(strstr(at, want->str));
	g_string_free(want, TRUE);
	return g_ascii_strtod(v + strlen("data-v=\""), NULL);
}

/* The charts' numbers read as the text report's, their full values in
 * data-v.  a sells 2 t for 2 and c 1 t for 1 to b, who sells 3 t to e for
 * 9: farm-gate sellers' HHI (2/3)^2 + (1/3)^2 = 5/9 of 10000 = 5555.56
 * ("5,556", as the text's "HHI 5,556"), buyer b alone 10,000; the one
 * channel's farmer's share 1 / 3 per t = 0.3333 ("33.3%"). */
static void
test_html_charts(void **state)
{
	mkg_model *m = mf_model("charts");
	mkg_report *r = NULL;
	char *html, *text = NULL, *charts;
	const char *charts_end;
	(void)state;

	mf_actor(m, "a", MKG_ACTOR_PRODUCER, NULL);
	mf_actor(m, "c", MKG_ACTOR_PRODUCER, NULL);
	mf_actor(m, "b", MKG_ACTOR_TRADER, NULL);
	mf_actor(m, "e", MKG_ACTOR_END_MARKET, NULL);
	mf_tx(m, "a", "b", "maize", "2010", 2, 2);
	mf_tx(m, "c", "b", "maize", "2010", 1, 1);
	mf_tx(m, "b", "e", "maize", "2010", 3, 9);
	assert_int_equal(mkg_report_new(&r, m, NULL), MKG_OK);
	html = html_of(r, NULL);
	assert_int_equal(mkg_report_write_text(r, &text, NULL), MKG_OK);
	assert_non_null(strstr(text, "HHI 5,556"));
	assert_float_equal(bar_value(html, "HHI: 5,556", "5,556"), 50000.0 / 9, 1e-9);
	assert_float_equal(bar_value(html, "HHI: 10,000", "10,000"), 10000, 0);
	assert_float_equal(bar_value(html, "farmer&#39;s share: 33.3%", "33.3%"), 1.0 / 3, 1e-12);
	/* no chart prints a number unrounded: not "5556", nor "0.333" */
	charts = strstr(html, "<div class=\"figure\" id=\"chart-");
	assert_non_null(charts);
	charts_end = strstr(charts, "<section");
	assert_non_null(charts_end);
	charts = g_strndup(charts, (size_t)(charts_end - charts));
	assert_non_null(strstr(charts, "id=\"chart-channels\""));
	assert_null(strstr(charts, ">5556<"));
	assert_null(strstr(charts, ": 0.333"));
	g_free(charts);
	mkg_free(text);
	mkg_free(html);
	mkg_report_free(r);
	mkg_model_free(m);
}

static char *
read_file(const char *dir, const char *name)
{
	char *path = g_build_filename(dir, name, NULL), *text = NULL;

	assert_true(g_file_get_contents(path, &text, NULL, NULL));
	g_free(path);
	return text;
}

static void
test_csv(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report *r = NULL;
	mkg_report_csv_options o = MKG_REPORT_CSV_OPTIONS_INIT;
	char *tmp = g_dir_make_tmp("mkg-csv-XXXXXX", NULL);
	char *dir = g_build_filename(tmp, "tables", NULL), *text;
	(void)state;

	assert_int_equal(mkg_report_new(&r, m, NULL), MKG_OK);
	o.bom = 1;
	assert_int_equal(mkg_report_write_csv_files(r, dir, &o), MKG_OK);
	text = read_file(dir, "concentration.csv");
	assert_true(g_str_has_prefix(
		text, "\xEF\xBB\xBF" "Commodity,Level of trade,Period,Region,Service,Side,Market total,"
		      "Firms,Actors,HHI (0-10000),CR1 (largest share),CR4,Effective firms,Class,"
		      "Largest actor,Fringe share,Transactions\r\n"
		      "maize,producer,2010,,no,seller,4,2,2,6250,0.75,1,1.6,highly_concentrated,a,0,2\r\n"
		      "maize,producer,2010,,no,buyer,4,1,1,10000,1,1,1,highly_concentrated,b,0,2\r\n"
		      "maize,trader,2010,,no,seller,4,1,1,10000,1,1,1,highly_concentrated,b,0,1\r\n"
		      "maize,trader,2010,,no,buyer,4,0,1,,,,,fringe,e,1,1\r\n"));
	g_free(text);
	text = read_file(dir, "flow.csv");
	/* supply: the producers' observed sales, 3 + 1; all of it delivered */
	assert_string_equal(text, "\xEF\xBB\xBF" "Chain (primary commodity),Unit,Total supply,"
	                          "Deliverable (maximum flow),Deliverable share,Binding "
	                          "constraints\r\nmaize,t,4,4,1,0\r\n");
	g_free(text);

	/* a wrong version, NULL arguments and an empty name change nothing */
	o.version = 7;
	assert_int_equal(mkg_report_write_csv_files(r, dir, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_report_write_csv_files: unknown options version 7");
	assert_int_equal(mkg_report_write_csv_files(NULL, dir, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_report_write_csv_files: argument 'report' is NULL");
	assert_int_equal(mkg_report_write_csv_files(r, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_write_csv_files: argument 'dir' is NULL");
	assert_int_equal(mkg_report_write_csv_files(r, "", NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_write_csv_files: empty directory name");
	/* a parent that does not exist */
	text = g_build_filename(tmp, "no", "such", NULL);
	assert_int_equal(mkg_report_write_csv_files(r, text, NULL), MKG_EIO);
	assert_true(g_str_has_suffix(mkg_error_message(), "/no/such: cannot write: No such file or "
	                                                  "directory"));
	g_free(text);

	text = read_file(dir, "flow.csv");
	assert_true(g_str_has_prefix(text, "\xEF\xBB\xBF"));
	g_free(text);
	/* written again without the BOM: the set is replaced */
	assert_int_equal(mkg_report_write_csv_files(r, dir, NULL), MKG_OK);
	text = read_file(dir, "flow.csv");
	assert_true(g_str_has_prefix(text, "Chain (primary commodity),"));
	g_free(text);

	{
		GDir *d = g_dir_open(dir, 0, NULL);
		const char *name;

		while ((name = g_dir_read_name(d)) != NULL) {
			char *path = g_build_filename(dir, name, NULL);
			g_unlink(path);
			g_free(path);
		}
		g_dir_close(d);
		g_rmdir(dir);
		g_rmdir(tmp);
	}
	g_free(dir);
	g_free(tmp);
	mkg_report_free(r);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report *r = NULL;
	mkg_report_html_options o = MKG_REPORT_HTML_OPTIONS_INIT;
	char *out = NULL;
	(void)state;

	assert_int_equal(mkg_report_new(&r, m, NULL), MKG_OK);
	assert_int_equal(mkg_report_write_html(NULL, NULL, &out, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_write_html: argument 'report' is NULL");
	assert_int_equal(mkg_report_write_html(r, NULL, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_write_html: argument 'out' is NULL");
	o.version = 2;
	assert_int_equal(mkg_report_write_html(r, &o, &out, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_write_html: unknown options version 2");
	assert_null(out);
	assert_int_equal(mkg_report_html_options_init(NULL, MKG_REPORT_HTML_OPTIONS_VERSION),
	                 MKG_EINVAL);
	assert_int_equal(mkg_report_csv_options_init(NULL, MKG_REPORT_CSV_OPTIONS_VERSION),
	                 MKG_EINVAL);
	mkg_report_free(r);
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_html_charts),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests_name("report-html", tests, NULL, NULL);
}
