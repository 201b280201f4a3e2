/* Fuzz target for the analyses (libFuzzer interface).
 *
 * Every input that imports as a model goes through the whole report
 * (mkg_report_new: every analysis), its JSON and text views, and the
 * export.  Any valid model must work: zero volumes, cycles, one actor, no
 * producers, no end markets, value-only transactions.  Aborts when a step
 * fails on a valid model, when the report JSON is not strict JSON with the
 * report's header, or when the model re-imported from its export gives a
 * report with other bytes (the report depends on the model only).
 * mkg_report_new() may refuse a model with MKG_EUNSUPPORTED (a flow
 * network beyond 2^30 arcs) or with MKG_EDATA when a sum overflows (a
 * volume, value, cost, supply or households total beyond a double or an
 * int64, or a price or margin beyond a double: "... overflow(s) (... exceeds
 * LIMIT)"): accepted here, with a message and *out untouched.
 * Options come from a hash of the input so that each option is reached.
 * Inputs that do not import are the importer target's business.
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
die(const char *what)
{
	fprintf(stderr, "fuzz-analyses: %s (%d: %s)\n", what, mkg_error_code(), mkg_error_message());
	abort();
}

static uint32_t
fnv1a(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u;

	for (size_t k = 0; k < size; k++)
		h = (h ^ data[k]) * 16777619u;
	return h;
}

/* The report's JSON: strict JSON (no NaN, no trailing bytes) whose top
 * object starts as the contract says. */
static void
check_report_json(const char *json, size_t len)
{
	struct json_tokener *tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH);
	struct json_object *obj, *report = NULL, *version = NULL;

	if (tok == NULL)
		die("json_tokener_new_ex");
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	obj = json_tokener_parse_ex(tok, json, (int)len);
	if (obj == NULL || json_tokener_get_parse_end(tok) != len)
		die("report JSON does not parse strictly");
	if (!json_object_object_get_ex(obj, "report", &report) ||
	    strcmp(json_object_get_string(report), "marketgraph") != 0 ||
	    !json_object_object_get_ex(obj, "version", &version) || json_object_get_int(version) != 1)
		die("report JSON lacks its header");
	json_object_put(obj);
	json_tokener_free(tok);
}

static size_t
count(const char *s, const char *what)
{
	size_t n = 0;

	for (const char *p = strstr(s, what); p != NULL; p = strstr(p + 1, what))
		n++;
	return n;
}

/* The HTML page: whatever the model's strings, only the page's own markup
 * (one script, balanced svg and table elements) and no control character
 * but the newline. */
static void
check_report_html(const mkg_report *r, const mkg_model *m)
{
	mkg_report_html_options o = MKG_REPORT_HTML_OPTIONS_INIT;
	char *html = NULL;
	size_t len = 0;

	o.model = m;
	if (mkg_report_write_html(r, &o, &html, &len) != MKG_OK || len != strlen(html))
		die("mkg_report_write_html failed");
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)html[i] < 0x20 && html[i] != '\n') || html[i] == 0x7f)
			die("a control character in the HTML report");
	if (count(html, "<script") != 1 || count(html, "<svg") != count(html, "</svg>") ||
	    count(html, "<table") != count(html, "</table>") ||
	    count(html, "<tr") != count(html, "</tr>"))
		die("the HTML report's markup is not its own");
	mkg_free(html);
}

static char *
report_json(const mkg_model *m, const mkg_report_options *o, mkg_report **keep)
{
	mkg_report *r = NULL;
	char *json = NULL;
	size_t len = 0;

	int rc = mkg_report_new(&r, m, o);

	if (rc == MKG_EUNSUPPORTED && r == NULL && mkg_error_message()[0] != '\0')
		return NULL; /* a documented limit (network size) */
	/* A documented refusal: a sum or ratio beyond a double or an int64
	 * ("the volume of market ... overflows (sum of ... exceeds 1.8e308)",
	 * "the costs of actor ... overflow (the sum of ... exceeds ...)",
	 * "a price in chain ... overflows (value / volume, ... exceeds ...)"):
	 * every such message names what overflows and ends with the limit. */
	if (rc == MKG_EDATA && r == NULL && strstr(mkg_error_message(), " overflow") != NULL &&
	    (strstr(mkg_error_message(), " exceeds 1.8e308)") != NULL ||
	     strstr(mkg_error_message(), " exceeds 9223372036854775807)") != NULL))
		return NULL;
	if (rc != MKG_OK)
		die("mkg_report_new failed on a valid model");
	if (mkg_report_write_json(r, &json, &len) != MKG_OK)
		die("mkg_report_write_json failed");
	if (len != strlen(json))
		die("report JSON length");
	if (keep != NULL)
		*keep = r;
	else
		mkg_report_free(r);
	return json;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mkg_model *m = NULL, *back = NULL;
	mkg_report *r = NULL;
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	static const char *const exit_dates[4] = { NULL, "2003", "2030-06-15", "1999-12" };
	const char *coalition[3];
	char *json, *json_back, *text = NULL, *exported = NULL;
	size_t len = 0, text_len = 0, exported_len = 0, actors;
	uint32_t h;

	if (mkg_json_read_buffer(&m, size ? (const void *)data : "", size) != MKG_OK)
		return 0;
	h = fnv1a(data, size);
	o.measure = (h & 1u) ? MKG_MEASURE_VALUE : MKG_MEASURE_VOLUME;
	o.split_by_region = (h >> 1) & 1u;
	o.exit_date = exit_dates[(h >> 2) & 3u];
	actors = mkg_model_actor_count(m);
	o.coalition_count = (h >> 4) % 4u; /* the first 0 to 3 actors */
	if (o.coalition_count > actors)
		o.coalition_count = actors;
	for (size_t k = 0; k < o.coalition_count; k++) {
		mkg_actor_desc actor = MKG_ACTOR_DESC_INIT;
		coalition[k] = mkg_model_actor_at(m, k, &actor) == MKG_OK ? actor.id : NULL;
	}
	o.coalition = o.coalition_count ? coalition : NULL;

	json = report_json(m, &o, &r);
	if (json == NULL) {
		mkg_model_free(m);
		return 0;
	}
	len = strlen(json);
	check_report_json(json, len);
	if (mkg_report_write_text(r, &text, &text_len) != MKG_OK || text_len != strlen(text))
		die("mkg_report_write_text failed");
	check_report_html(r, m);
	if (mkg_json_write_string(m, &exported, &exported_len) != MKG_OK)
		die("export failed");
	if (mkg_json_read_buffer(&back, exported, exported_len) != MKG_OK)
		die("the export does not import");
	/* coalition[] points into m, which is still alive: ids are equal in back. */
	json_back = report_json(back, &o, NULL);
	if (json_back == NULL || strcmp(json, json_back) != 0)
		die("the re-imported model gives another report");
	mkg_free(json_back);
	mkg_free(exported);
	mkg_free(text);
	mkg_free(json);
	mkg_report_free(r);
	mkg_model_free(back);
	mkg_model_free(m);
	return 0;
}
