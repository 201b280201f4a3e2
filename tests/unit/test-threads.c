/* Two threads at once, each with its own model: import, the whole report
 * (every analysis, through mkg_report_new) as JSON and as text, export.
 * Each thread's bytes must equal those of a single-threaded run, and each
 * thread's error message must be its own.  Built into every test run; CI
 * also runs it in a ThreadSanitizer build (docs/testing.md), where any
 * shared mutable state inside the library is reported as a data race.
 *
 * Synchronisation here is pthreads only: ThreadSanitizer sees pthread
 * calls but not GLib's futex-based locks (GLib is not instrumented);
 * tsan-glib.h makes the GLib locks that the library takes visible.
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "tsan-glib.h"

#ifndef MKG_TEST_DATA
#error "MKG_TEST_DATA must name tests/data"
#endif

/* Two different models, so that the threads do different work at once. */
static const char *const model_paths[2] = {
	MKG_TEST_DATA "/../../examples/models/potato-andes.json",
	MKG_TEST_DATA "/m4p-programmes.json",
};

enum { ROUNDS = 8 };

typedef struct outputs {
	char *report_json, *report_text, *export_json;
} outputs;

static void
outputs_clear(outputs *o)
{
	mkg_free(o->report_json);
	mkg_free(o->report_text);
	mkg_free(o->export_json);
	memset(o, 0, sizeof *o);
}

/* Options that reach the optional analyses too: an exit date (exit
 * simulation) and a what-if coalition of the model's first two actors. */
static int
report_of(const mkg_model *m, mkg_report **out)
{
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	const char *coalition[2];
	mkg_actor_desc first = MKG_ACTOR_DESC_INIT, second = MKG_ACTOR_DESC_INIT;

	if (mkg_model_actor_count(m) >= 2 && mkg_model_actor_at(m, 0, &first) == MKG_OK &&
	    mkg_model_actor_at(m, 1, &second) == MKG_OK) {
		coalition[0] = first.id;
		coalition[1] = second.id;
		o.coalition = coalition;
		o.coalition_count = 2;
	}
	o.exit_date = "2030";
	return mkg_report_new(out, m, &o);
}

/* The whole pipeline from a file; 0 or the failing step's status. */
static int
pipeline(const char *path, outputs *o)
{
	mkg_model *m = NULL;
	mkg_report *r = NULL;
	int rc;

	memset(o, 0, sizeof *o);
	rc = mkg_json_read_file(&m, path);
	if (rc == MKG_OK)
		rc = report_of(m, &r);
	if (rc == MKG_OK)
		rc = mkg_report_write_json(r, &o->report_json, NULL);
	if (rc == MKG_OK)
		rc = mkg_report_write_text(r, &o->report_text, NULL);
	if (rc == MKG_OK)
		rc = mkg_json_write_string(m, &o->export_json, NULL);
	mkg_report_free(r);
	mkg_model_free(m);
	return rc;
}

typedef struct job {
	const char *path;
	const outputs *expected;
	pthread_barrier_t *start;
	int mismatches;      /* rounds whose bytes differed from the reference */
	int failures;        /* rounds where a step failed */
	int foreign_message; /* an error message that was not this thread's */
	char missing[64];    /* the file this thread fails to open, for the message check */
} job;

static void *
run_job(void *arg)
{
	job *j = arg;

	pthread_barrier_wait(j->start);
	for (int round = 0; round < ROUNDS; round++) {
		outputs got;
		mkg_model *m = NULL;

		if (pipeline(j->path, &got) != MKG_OK) {
			j->failures++;
		} else if (strcmp(got.report_json, j->expected->report_json) != 0 ||
		           strcmp(got.report_text, j->expected->report_text) != 0 ||
		           strcmp(got.export_json, j->expected->export_json) != 0) {
			j->mismatches++;
		}
		outputs_clear(&got);
		/* An error of this thread's own: the other thread's errors, at the
		 * same moment, must not show through. */
		if (mkg_json_read_file(&m, j->missing) != MKG_EIO ||
		    strncmp(mkg_error_message(), j->missing, strlen(j->missing)) != 0)
			j->foreign_message++;
	}
	return NULL;
}

static void
reference(outputs ref[2])
{
	for (int k = 0; k < 2; k++) {
		if (pipeline(model_paths[k], &ref[k]) != MKG_OK)
			fail_msg("%s: %s", model_paths[k], mkg_error_message());
		/* Non-trivial output: the report has its analyses' sections. */
		assert_non_null(strstr(ref[k].report_json, "\"concentration\""));
		assert_non_null(strstr(ref[k].report_json, "\"bottlenecks\""));
		assert_true(strlen(ref[k].export_json) > 1000);
	}
}

/* Two models, two threads, at once. */
static void
test_two_models_two_threads(void **state)
{
	outputs ref[2];
	job jobs[2];
	pthread_t threads[2];
	pthread_barrier_t start;

	(void)state;
	reference(ref);
	assert_int_equal(pthread_barrier_init(&start, NULL, 2), 0);
	for (int k = 0; k < 2; k++) {
		memset(&jobs[k], 0, sizeof jobs[k]);
		jobs[k].path = model_paths[k];
		jobs[k].expected = &ref[k];
		jobs[k].start = &start;
		snprintf(jobs[k].missing, sizeof jobs[k].missing, "/nonexistent/thread-%d.json", k);
		assert_int_equal(pthread_create(&threads[k], NULL, run_job, &jobs[k]), 0);
	}
	for (int k = 0; k < 2; k++)
		assert_int_equal(pthread_join(threads[k], NULL), 0);
	pthread_barrier_destroy(&start);
	for (int k = 0; k < 2; k++) {
		assert_int_equal(jobs[k].failures, 0);
		assert_int_equal(jobs[k].mismatches, 0);
		assert_int_equal(jobs[k].foreign_message, 0);
		outputs_clear(&ref[k]);
	}
}

typedef struct shared_job {
	const mkg_model *model;
	const char *expected_json;
	pthread_barrier_t *start;
	int bad;
} shared_job;

static void *
run_shared(void *arg)
{
	shared_job *j = arg;

	pthread_barrier_wait(j->start);
	for (int round = 0; round < ROUNDS; round++) {
		mkg_report *r = NULL;
		char *json = NULL;

		if (report_of(j->model, &r) != MKG_OK || mkg_report_write_json(r, &json, NULL) != MKG_OK ||
		    strcmp(json, j->expected_json) != 0)
			j->bad++;
		mkg_free(json);
		mkg_report_free(r);
	}
	return NULL;
}

/* One unmodified model read by two threads at once: the header allows it
 * (only mutation needs exclusive use), and the model builds its graph
 * cache lazily on first use, so the threads race to build it. */
static void
test_one_model_two_readers(void **state)
{
	mkg_model *ref_model = NULL, *m = NULL;
	mkg_report *r = NULL;
	char *expected = NULL;
	shared_job jobs[2];
	pthread_t threads[2];
	pthread_barrier_t start;

	(void)state;
	assert_int_equal(mkg_json_read_file(&ref_model, model_paths[0]), MKG_OK);
	assert_int_equal(report_of(ref_model, &r), MKG_OK);
	assert_int_equal(mkg_report_write_json(r, &expected, NULL), MKG_OK);
	mkg_report_free(r);
	mkg_model_free(ref_model);

	/* A fresh model: no cache built yet when the threads start. */
	assert_int_equal(mkg_json_read_file(&m, model_paths[0]), MKG_OK);
	assert_int_equal(pthread_barrier_init(&start, NULL, 2), 0);
	for (int k = 0; k < 2; k++) {
		jobs[k] = (shared_job){ m, expected, &start, 0 };
		assert_int_equal(pthread_create(&threads[k], NULL, run_shared, &jobs[k]), 0);
	}
	for (int k = 0; k < 2; k++)
		assert_int_equal(pthread_join(threads[k], NULL), 0);
	pthread_barrier_destroy(&start);
	assert_int_equal(jobs[0].bad, 0);
	assert_int_equal(jobs[1].bad, 0);
	mkg_free(expected);
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_models_two_threads),
		cmocka_unit_test(test_one_model_two_readers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
