/* Tests of the report's options for large models (docs/report.md,
 * "Sections, top rows, progress"): sections, top rows, the progress
 * callback and its cancel, the JSON streamed to a file, which must be the
 * bytes of mkg_report_write_json(), and the text taken section by section
 * (mkg_report_text_new), the bytes of mkg_report_write_text()
 * (tests/report/test_text_stream.py compares them on every example).
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "market-fixture.h"

/* a sells 3 and c sells 1 of maize 2010 to b; group g has member a. */
static mkg_model *
tiny_model(void)
{
	mkg_model *m = mf_model("tiny");

	assert_int_equal(mkg_model_set_volume_unit(m, "t"), MKG_OK);
	mf_actor(m, "a", MKG_ACTOR_PRODUCER, NULL);
	mf_actor(m, "b", MKG_ACTOR_TRADER, NULL);
	mf_actor(m, "c", MKG_ACTOR_PRODUCER, NULL);
	mf_actor(m, "g", MKG_ACTOR_ASSOCIATION, NULL);
	mf_tx(m, "a", "b", "maize", "2010", 3, MF_NONE);
	mf_tx(m, "c", "b", "maize", "2010", 1, MF_NONE);
	mf_member(m, "g", "a", "member");
	return m;
}

static char *
json_of(const mkg_model *m, const mkg_report_options *o)
{
	mkg_report *r = NULL;
	char *json = NULL;

	if (mkg_report_new(&r, m, o) != MKG_OK)
		fail_msg("mkg_report_new: %s", mkg_error_message());
	assert_int_equal(mkg_report_write_json(r, &json, NULL), MKG_OK);
	mkg_report_free(r);
	return json;
}

/* The streamed file, read back. */
static char *
file_of(const mkg_model *m, const mkg_report_options *o, const char *dir)
{
	char *path = g_build_filename(dir, "report.json", NULL);
	char *text = NULL;

	if (mkg_report_write_json_file(m, o, path) != MKG_OK)
		fail_msg("mkg_report_write_json_file: %s", mkg_error_message());
	assert_true(g_file_get_contents(path, &text, NULL, NULL));
	g_free(path);
	return text;
}

/* The number of entries of dir (no temporary file left behind). */
static int
entries(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	int n = 0;

	assert_non_null(d);
	while (g_dir_read_name(d) != NULL)
		n++;
	g_dir_close(d);
	return n;
}

/* The streamed file is the bytes of mkg_report_write_json, with the
 * default options and with sections and top. */
static void
test_stream_same_bytes(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	char *dir = g_dir_make_tmp("mkg-stream-XXXXXX", NULL);
	char *a, *b;
	(void)state;

	a = json_of(m, NULL);
	b = file_of(m, NULL, dir);
	assert_string_equal(a, b);
	g_free(a);
	g_free(b);
	o.sections = "dependency,groups";
	o.top = 1;
	a = json_of(m, &o);
	b = file_of(m, &o, dir);
	assert_string_equal(a, b);
	g_free(a);
	g_free(b);
	assert_int_equal(entries(dir), 1);
	a = g_build_filename(dir, "report.json", NULL);
	g_remove(a);
	g_free(a);
	g_rmdir(dir);
	g_free(dir);
	mkg_model_free(m);
}

/* Only the sections asked for, each as in the whole report; the options
 * say which.  The groups need the concentration, which is computed but
 * not written. */
static void
test_sections(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	char *all, *some, *dep, *section;
	(void)state;

	all = json_of(m, NULL);
	o.sections = "groups,dependency";
	some = json_of(m, &o);
	assert_non_null(strstr(some, "\"exit_date\": null, \"sections\": \"groups,dependency\", "
	                             "\"coalition\": null, \"by_tag\": null},\n"));
	assert_null(strstr(some, "\"concentration\""));
	assert_null(strstr(some, "\"coalitions\""));
	assert_null(strstr(some, "\"bottlenecks\""));
	assert_null(strstr(some, "\"value\""));
	/* in report order whatever the order of the list */
	dep = strstr(some, "\n  \"dependency\": {");
	assert_non_null(dep);
	assert_true(dep < strstr(some, "\n  \"groups\": ["));
	/* the dependency section is the whole report's, to the byte */
	section = g_strndup(dep, (size_t)(strstr(dep, "\n  }") - dep));
	assert_non_null(strstr(all, section));
	g_free(section);
	g_free(all);
	g_free(some);
	mkg_model_free(m);
}

/* top 1: the pairs (c, b) asymmetry 0.75, then (a, b) 0.25: only (c, b);
 * lists of ids are never cut. */
static void
test_top(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	char *json;
	const char *pairs;
	(void)state;

	o.sections = "dependency";
	o.top = 1;
	json = json_of(m, &o);
	assert_non_null(strstr(json, "\"top\": 1, "));
	pairs = strstr(json, "\"pairs\": [\n");
	assert_non_null(pairs);
	assert_non_null(strstr(pairs, "\"pairs\": [\n      {\"seller\": \"c\", \"buyer\": \"b\""));
	assert_null(strstr(pairs, "{\"seller\": \"a\""));
	g_free(json);
	mkg_model_free(m);
}

typedef struct calls {
	GString *log;
	const char *stop_at; /* cancel at this section, or NULL */
} calls;

static int
record(const char *section, double fraction, void *data)
{
	calls *c = data;

	g_string_append_printf(c->log, "%s %.2f;", section, fraction);
	return c->stop_at != NULL && strcmp(section, c->stop_at) == 0;
}

/* Before each section, the work done so far by the sections' weights
 * (2, 1, 3, 6, 1, 2, 1, 1, 3 of 20); at the end "done" 1.  With only
 * dependency and groups, the concentration counts too (groups need it):
 * weights 2, 3, 1 of 6. */
static void
test_progress(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	calls c = { g_string_new(NULL), NULL };
	(void)state;

	o.progress = record;
	o.progress_data = &c;
	g_free(json_of(m, &o));
	assert_string_equal(c.log->str,
	                    "concentration 0.00;coalitions 0.10;dependency 0.15;bottlenecks 0.30;"
	                    "facilitation 0.60;value 0.65;inclusiveness 0.75;groups 0.80;"
	                    "channels 0.85;done 1.00;");
	g_string_truncate(c.log, 0);
	o.sections = "groups,dependency";
	g_free(json_of(m, &o));
	assert_string_equal(c.log->str, "concentration 0.00;dependency 0.33;groups 0.83;done 1.00;");
	g_string_free(c.log, TRUE);
	mkg_model_free(m);
}

/* A callback that returns nonzero stops the report: MKG_ECANCELED, no
 * report, no file, no temporary file. */
static void
test_cancel(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	calls c = { g_string_new(NULL), "bottlenecks" };
	mkg_report *r = (mkg_report *)(void *)&o, *sentinel = r;
	char *dir = g_dir_make_tmp("mkg-stream-XXXXXX", NULL);
	char *path = g_build_filename(dir, "report.json", NULL);
	(void)state;

	o.progress = record;
	o.progress_data = &c;
	assert_int_equal(mkg_report_new(&r, m, &o), MKG_ECANCELED);
	assert_string_equal(mkg_error_message(),
	                    "report: canceled by the progress callback before bottlenecks");
	assert_ptr_equal(r, sentinel);
	c.stop_at = "done";
	assert_int_equal(mkg_report_write_json_file(m, &o, path), MKG_ECANCELED);
	assert_string_equal(mkg_error_message(),
	                    "report: canceled by the progress callback before done");
	assert_int_equal(entries(dir), 0);
	assert_string_equal(mkg_strerror(MKG_ECANCELED), "canceled");
	g_string_free(c.log, TRUE);
	g_rmdir(dir);
	g_free(dir);
	g_free(path);
	mkg_model_free(m);
}

static char *
text_of(const mkg_model *m, const mkg_report_options *o)
{
	mkg_report *r = NULL;
	char *text = NULL;

	if (mkg_report_new(&r, m, o) != MKG_OK)
		fail_msg("mkg_report_new: %s", mkg_error_message());
	assert_int_equal(mkg_report_write_text(r, &text, NULL), MKG_OK);
	mkg_report_free(r);
	return text;
}

/* The text taken section by section is the text of the whole report, its
 * summary included, with and without sections; len is its length. */
static void
test_text_same_bytes(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	const char *lists[] = { NULL, "dependency,groups", "channels,concentration", "value" };
	(void)state;

	o.channels = 1;
	for (size_t i = 0; i < G_N_ELEMENTS(lists); i++) {
		char *a, *b = NULL;
		size_t len = 0;

		o.sections = lists[i];
		o.detail = (int)(i % 2);
		a = text_of(m, &o);
		assert_int_equal(mkg_report_text_new(m, &o, &b, &len), MKG_OK);
		assert_string_equal(a, b);
		assert_int_equal(len, strlen(a));
		g_free(a);
		mkg_free(b);
	}
	mkg_model_free(m);
}

/* A canceled or failed text leaves *out as it was, with the message of
 * mkg_report_new(). */
static void
test_text_errors(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	calls c = { g_string_new(NULL), "channels" };
	char sentinel[] = "untouched", *out = sentinel;
	size_t len = 7;
	(void)state;

	o.progress = record;
	o.progress_data = &c;
	assert_int_equal(mkg_report_text_new(m, &o, &out, &len), MKG_ECANCELED);
	assert_string_equal(mkg_error_message(),
	                    "report: canceled by the progress callback before channels");
	/* the summary's facts were gathered as each section was computed */
	assert_string_equal(c.log->str,
	                    "concentration 0.00;coalitions 0.10;dependency 0.15;bottlenecks 0.30;"
	                    "facilitation 0.60;value 0.65;inclusiveness 0.75;groups 0.80;"
	                    "channels 0.85;");
	o.progress = NULL;
	o.sections = "dependency,prices";
	assert_int_equal(mkg_report_text_new(m, &o, &out, &len), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "sections: unknown section \"prices\", expected a comma-separated list "
	                    "of concentration, coalitions, dependency, bottlenecks, facilitation, "
	                    "value, inclusiveness, groups and channels");
	o.sections = NULL;
	assert_int_equal(mkg_report_text_new(NULL, &o, &out, &len), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_text_new: argument 'model' is NULL");
	assert_int_equal(mkg_report_text_new(m, &o, NULL, &len), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_text_new: argument 'out' is NULL");
	o.version = 9;
	assert_int_equal(mkg_report_text_new(m, &o, &out, &len), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_report_text_new: unknown options version 9");
	assert_ptr_equal(out, sentinel);
	assert_int_equal(len, 7);
	g_string_free(c.log, TRUE);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = tiny_model();
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	mkg_report *r = NULL;
	(void)state;

	o.sections = "dependency,prices";
	assert_int_equal(mkg_report_new(&r, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "sections: unknown section \"prices\", expected a comma-separated list "
	                    "of concentration, coalitions, dependency, bottlenecks, facilitation, "
	                    "value, inclusiveness, groups and channels");
	o.sections = "";
	assert_int_equal(mkg_report_write_json_file(m, &o, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "sections: the list is empty");
	o.sections = NULL;
	assert_int_equal(mkg_report_write_json_file(m, &o, "/nonexistent-dir/r.json"), MKG_EIO);
	assert_string_equal(mkg_error_message(),
	                    "/nonexistent-dir/r.json: cannot write: No such file or directory");
	assert_int_equal(mkg_report_write_json_file(NULL, &o, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_report_write_json_file: argument 'model' is NULL");
	o.version = 9;
	assert_int_equal(mkg_report_write_json_file(m, &o, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_report_write_json_file: unknown options version 9");
	assert_null(r);
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stream_same_bytes),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_top),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_text_same_bytes),
		cmocka_unit_test(test_text_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
