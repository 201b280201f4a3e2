/* Tests of the error API: status codes, mkg_strerror(), the thread-local
 * message, mkg_free() and the version functions.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

/* The codes are ABI: their values must never change. */
static void
test_status_values(void **state)
{
	(void)state;
	assert_int_equal(MKG_OK, 0);
	assert_int_equal(MKG_ERROR, -1);
	assert_int_equal(MKG_ENOMEM, -2);
	assert_int_equal(MKG_EINVAL, -3);
	assert_int_equal(MKG_ENOTFOUND, -4);
	assert_int_equal(MKG_EEXISTS, -5);
	assert_int_equal(MKG_EPARSE, -6);
	assert_int_equal(MKG_EIO, -7);
	assert_int_equal(MKG_EBUFS, -8);
	assert_int_equal(MKG_EUNSUPPORTED, -9);
	assert_int_equal(MKG_EDATA, -10);
	assert_int_equal(MKG_ECANCELED, -11);
}

static void
test_strerror(void **state)
{
	(void)state;
	assert_string_equal(mkg_strerror(MKG_OK), "success");
	assert_string_equal(mkg_strerror(MKG_ERROR), "error");
	assert_string_equal(mkg_strerror(MKG_ENOMEM), "out of memory");
	assert_string_equal(mkg_strerror(MKG_EINVAL), "invalid argument");
	assert_string_equal(mkg_strerror(MKG_ENOTFOUND), "not found");
	assert_string_equal(mkg_strerror(MKG_EEXISTS), "already exists");
	assert_string_equal(mkg_strerror(MKG_EPARSE), "malformed JSON");
	assert_string_equal(mkg_strerror(MKG_EIO), "input/output error");
	assert_string_equal(mkg_strerror(MKG_EBUFS), "buffer too small");
	assert_string_equal(mkg_strerror(MKG_EUNSUPPORTED), "unsupported");
	assert_string_equal(mkg_strerror(MKG_EDATA), "invalid data");
	assert_string_equal(mkg_strerror(MKG_ECANCELED), "canceled");
	/* Just outside the range, far outside, positive. */
	assert_string_equal(mkg_strerror(-12), "unknown error");
	assert_string_equal(mkg_strerror(1), "unknown error");
	assert_string_equal(mkg_strerror(-1000000), "unknown error");
}

/* Every code has its own text. */
static void
test_strerror_distinct(void **state)
{
	(void)state;
	for (int a = MKG_ECANCELED; a <= MKG_OK; a++)
		for (int b = a + 1; b <= MKG_OK; b++)
			assert_string_not_equal(mkg_strerror(a), mkg_strerror(b));
}

static void
test_message_set_and_clear(void **state)
{
	mkg_model *m = NULL;
	size_t index = 42;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	mkg_error_clear();
	assert_string_equal(mkg_error_message(), "");
	assert_int_equal(mkg_error_code(), MKG_OK);

	assert_int_equal(mkg_model_find_actor(m, "nobody", &index), MKG_ENOTFOUND);
	assert_int_equal(index, 42); /* unchanged */
	assert_int_equal(mkg_error_code(), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "no actor \"nobody\"");

	/* A successful call leaves the last failure in place. */
	assert_int_equal(mkg_model_set_name(m, "x"), MKG_OK);
	assert_int_equal(mkg_error_code(), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "no actor \"nobody\"");

	/* The next failure replaces it. */
	assert_int_equal(mkg_model_find_actor(NULL, "a", &index), MKG_EINVAL);
	assert_int_equal(mkg_error_code(), MKG_EINVAL);
	assert_non_null(strstr(mkg_error_message(), "NULL"));

	mkg_error_clear();
	assert_string_equal(mkg_error_message(), "");
	assert_int_equal(mkg_error_code(), MKG_OK);
	mkg_model_free(m);
}

/* A very long message is cut, never overflowed, and stays a C string.
 * An id is quoted cut after 48 characters, so the long message is a path:
 * a duplicate key 60 levels deep in the attributes, each key 40
 * characters long. */
static void
test_message_long(void **state)
{
	mkg_model *m = NULL;
	char id[5000];
	size_t index;
	const char *msg;
	GString *doc = g_string_new("{\"format\":\"marketgraph\",\"version\":1,\"actors\":"
	                            "[{\"id\":\"a\",\"kind\":\"trader\",\"attributes\":");

	(void)state;
	memset(id, 'x', sizeof id - 1);
	id[sizeof id - 1] = '\0';
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_model_find_actor(m, id, &index), MKG_ENOTFOUND);
	msg = mkg_error_message();
	assert_true(strncmp(msg, "no actor \"xxxx", 14) == 0);
	assert_int_equal(strlen(msg), strlen("no actor \"\"") + 48 + 3);
	mkg_model_free(m);

	for (int level = 0; level < 60; level++)
		g_string_append_printf(doc, "{\"%040d\":", level);
	g_string_append(doc, "{\"d\":1,\"d\":2}");
	for (int level = 0; level < 60; level++)
		g_string_append_c(doc, '}');
	g_string_append(doc, "}]}");
	m = NULL;
	assert_int_equal(mkg_json_read_buffer(&m, doc->str, doc->len), MKG_EDATA);
	assert_null(m);
	msg = mkg_error_message();
	assert_true(strncmp(msg, "actors[0].attributes."
	                         "0000000000000000000000000000000000000000.", 62) == 0);
	assert_true(strlen(msg) > 1000);
	assert_true(strlen(msg) < 60 * 41);
	g_string_free(doc, TRUE);
}

/* ---- thread-locality -------------------------------------------------------- */

typedef struct sync_state {
	GMutex lock;
	GCond cond;
	int step; /* 1: worker failed; 2: main failed; 3: worker checked */
	char worker_seen_first[128];
	char worker_seen_later[128];
	int worker_code_first, worker_code_later;
} sync_state;

static void
wait_for(sync_state *s, int step)
{
	g_mutex_lock(&s->lock);
	while (s->step < step)
		g_cond_wait(&s->cond, &s->lock);
	g_mutex_unlock(&s->lock);
}

static void
advance(sync_state *s, int step)
{
	g_mutex_lock(&s->lock);
	s->step = step;
	g_cond_broadcast(&s->cond);
	g_mutex_unlock(&s->lock);
}

static gpointer
worker(gpointer data)
{
	sync_state *s = data;
	mkg_model *m = NULL;
	size_t index;

	/* A new thread starts with no failure. */
	g_strlcpy(s->worker_seen_first, mkg_error_message(), sizeof s->worker_seen_first);
	s->worker_code_first = mkg_error_code();
	if (mkg_model_new(&m) != MKG_OK)
		return NULL;
	(void)mkg_model_find_transaction(m, "t-worker", &index);
	advance(s, 1);
	wait_for(s, 2);
	/* The main thread failed meanwhile: this thread's message is its own. */
	g_strlcpy(s->worker_seen_later, mkg_error_message(), sizeof s->worker_seen_later);
	s->worker_code_later = mkg_error_code();
	mkg_model_free(m);
	advance(s, 3);
	return NULL;
}

static void
test_message_thread_local(void **state)
{
	sync_state s;
	GThread *thread;
	mkg_model *m = NULL;
	size_t index;

	(void)state;
	memset(&s, 0, sizeof s);
	g_mutex_init(&s.lock);
	g_cond_init(&s.cond);
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_model_find_actor(m, "main-before", &index), MKG_ENOTFOUND);

	thread = g_thread_new("errors", worker, &s);
	wait_for(&s, 1);
	/* The worker's failure did not touch this thread's message. */
	assert_string_equal(mkg_error_message(), "no actor \"main-before\"");
	assert_int_equal(mkg_model_find_facilitation(m, "f-main", &index), MKG_ENOTFOUND);
	advance(&s, 2);
	wait_for(&s, 3);
	g_thread_join(thread);

	assert_string_equal(s.worker_seen_first, "");
	assert_int_equal(s.worker_code_first, MKG_OK);
	assert_string_equal(s.worker_seen_later, "no transaction \"t-worker\"");
	assert_int_equal(s.worker_code_later, MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "no facilitation record \"f-main\"");
	assert_int_equal(mkg_error_code(), MKG_ENOTFOUND);

	mkg_model_free(m);
	g_cond_clear(&s.cond);
	g_mutex_clear(&s.lock);
}

/* Two models in two threads at once: no shared mutable state. */
typedef struct build_job {
	int n;
	size_t actors;
	int ok;
} build_job;

static gpointer
build_model(gpointer data)
{
	build_job *job = data;
	mkg_model *m = NULL;

	job->ok = mkg_model_new(&m) == MKG_OK;
	for (int i = 0; job->ok && i < job->n; i++) {
		char id[32];
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		g_snprintf(id, sizeof id, "a%d", i);
		d.id = id;
		d.kind = (mkg_actor_kind)(i % MKG_ACTOR_KIND_COUNT);
		job->ok = mkg_model_add_actor(m, &d, NULL) == MKG_OK;
		/* A failing duplicate on every step: messages from both threads interleave. */
		job->ok = job->ok && mkg_model_add_actor(m, &d, NULL) == MKG_EDATA;
	}
	job->actors = mkg_model_actor_count(m);
	mkg_model_free(m);
	return NULL;
}

static void
test_two_models_two_threads(void **state)
{
	build_job a = { 2000, 0, 0 }, b = { 3000, 0, 0 };
	GThread *ta, *tb;

	(void)state;
	ta = g_thread_new("a", build_model, &a);
	tb = g_thread_new("b", build_model, &b);
	g_thread_join(ta);
	g_thread_join(tb);
	assert_true(a.ok);
	assert_true(b.ok);
	assert_int_equal(a.actors, 2000);
	assert_int_equal(b.actors, 3000);
}

static void
test_free_null(void **state)
{
	(void)state;
	mkg_free(NULL);
	mkg_model_free(NULL);
}

static void
test_version(void **state)
{
	(void)state;
	assert_int_equal(mkg_version_number(), MKG_VERSION_NUMBER);
	assert_string_equal(mkg_version_string(), MKG_VERSION_STRING);
	assert_string_equal(mkg_version_string(), "0.1.0");
	assert_int_equal(mkg_version_number(), 100); /* 0 * 10000 + 1 * 100 + 0 */
	assert_true(MKG_VERSION_CHECK(0, 1, 0));
	assert_true(MKG_VERSION_CHECK(0, 0, 9));
	assert_false(MKG_VERSION_CHECK(0, 1, 1));
	assert_false(MKG_VERSION_CHECK(1, 0, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_values),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_strerror_distinct),
		cmocka_unit_test(test_message_set_and_clear),
		cmocka_unit_test(test_message_long),
		cmocka_unit_test(test_message_thread_local),
		cmocka_unit_test(test_two_models_two_threads),
		cmocka_unit_test(test_free_null),
		cmocka_unit_test(test_version),
	};
	return cmocka_run_group_tests_name("errors", tests, NULL, NULL);
}
