/* Tests of throughput (lib/analysis/throughput.c).
 * SPDX-License-Identifier: MIT */
#include "graph-fixture.h"
#include "marketgraph/bottlenecks.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

static mkg_throughput *
throughput(const mkg_model *m, const mkg_bottlenecks_options *o)
{
	mkg_throughput *t = NULL;

	assert_int_equal(mkg_throughput_new(&t, m, o), MKG_OK);
	assert_non_null(t);
	return t;
}

static void
assert_row(const mkg_throughput *t, size_t i, const char *id, double bought, double sold,
           double share)
{
	const mkg_actor_throughput *r = mkg_throughput_at(t, i);

	assert_non_null(r);
	assert_string_equal(r->actor, id);
	assert_true(r->bought == bought);
	assert_true(r->sold == sold);
	assert_true(r->throughput == fmax(bought, sold));
	if (isnan(share))
		assert_true(isnan(r->share));
	else
		assert_true(fabs(r->share - share) < 1e-15);
}

/* p1, p2 -> t -> r -> e1, e2; 15 supplied, 13 reaches the end markets,
 * shares are of the 15.  t: 15 in, 14 out; r: 14 in, 13 out; ties (p2 and
 * e2 at 5) by id. */
static void
test_chain(void **state)
{
	mkg_model *m = fixture_model("p:p1 p:p2 t:t r:r e:e1 e:e2 s:s",
	                             "p1>t:10 p2>t:5 t>r:14 r>e1:8 r>e2:5 s>t:99s");
	mkg_throughput *t = throughput(m, NULL);

	(void)state;
	assert_true(mkg_throughput_delivered(t) == 13.0);
	assert_true(mkg_throughput_supplied(t) == 15.0);
	assert_int_equal(mkg_throughput_excluded(t), 0);
	assert_int_equal(mkg_throughput_count(t), 6); /* s sells only a service */
	assert_row(t, 0, "t", 15, 14, 15.0 / 15);
	assert_row(t, 1, "r", 14, 13, 14.0 / 15);
	assert_row(t, 2, "p1", 0, 10, 10.0 / 15);
	assert_row(t, 3, "e1", 8, 0, 8.0 / 15);
	assert_row(t, 4, "e2", 5, 0, 5.0 / 15);
	assert_row(t, 5, "p2", 0, 5, 5.0 / 15);
	assert_null(mkg_throughput_at(t, 6));
	/* Each number of the rows, read through the accessor. */
	assert_true(mkg_throughput_at(t, 0)->sold == 14 && mkg_throughput_at(t, 1)->sold == 13 &&
	            mkg_throughput_at(t, 2)->sold == 10 && mkg_throughput_at(t, 5)->sold == 5);
	assert_true(mkg_throughput_at(t, 0)->bought == 15 && mkg_throughput_at(t, 2)->bought == 0);
	assert_true(mkg_throughput_at(t, 3)->throughput == 8);
	assert_true(mkg_throughput_at(t, 4)->share == 5.0 / 15);
	mkg_throughput_free(t);
	mkg_model_free(m);
}

/* Parallel transactions add up; one without a volume counts 0 and is
 * counted as excluded. */
static void
test_parallel_and_missing(void **state)
{
	mkg_model *m = fixture_model("p:p e:e", "p>e:2 p>e:3 p>e:-");
	mkg_throughput *t = throughput(m, NULL);

	(void)state;
	assert_int_equal(mkg_throughput_excluded(t), 1);
	assert_true(mkg_throughput_delivered(t) == 5.0);
	assert_row(t, 0, "e", 5, 0, 1.0);
	assert_row(t, 1, "p", 0, 5, 1.0);
	mkg_throughput_free(t);
	mkg_model_free(m);
}

/* Explicit sinks: what reaches t counts as delivered.  Shares are of the
 * larger of supplied (p's 4) and delivered: with no sinks still of the 4
 * supplied; with neither sources nor sinks there is no basis and shares
 * are null. */
static void
test_explicit_sinks(void **state)
{
	mkg_model *m = fixture_model("p:p t:t e:e", "p>t:4 t>e:3");
	const char *snk[] = { "t" };
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_throughput *t;
	char *text = NULL;

	(void)state;
	o.sinks = snk;
	o.sink_count = 1;
	t = throughput(m, &o);
	assert_true(mkg_throughput_delivered(t) == 4.0);
	assert_row(t, 0, "p", 0, 4, 1.0);
	assert_row(t, 1, "t", 4, 3, 1.0);
	assert_row(t, 2, "e", 3, 0, 0.75);
	mkg_throughput_free(t);
	o.sink_count = 0;
	t = throughput(m, &o);
	assert_true(mkg_throughput_delivered(t) == 0.0);
	assert_true(mkg_throughput_supplied(t) == 4.0);
	assert_row(t, 0, "p", 0, 4, 1.0);
	assert_row(t, 2, "e", 3, 0, 0.75);
	mkg_throughput_free(t);
	o.sources = snk; /* a non-NULL list of none: no sources */
	o.source_count = 0;
	t = throughput(m, &o);
	assert_true(mkg_throughput_supplied(t) == 0.0);
	assert_row(t, 0, "p", 0, 4, NAN);
	assert_int_equal(mkg_throughput_write_json(t, &text, NULL), MKG_OK);
	assert_string_equal(text,
	                    "[\n"
	                    "  {\"actor\": \"p\", \"bought\": 0, \"sold\": 4, \"throughput\": 4, \"share\": null},\n"
	                    "  {\"actor\": \"t\", \"bought\": 4, \"sold\": 3, \"throughput\": 4, \"share\": null},\n"
	                    "  {\"actor\": \"e\", \"bought\": 3, \"sold\": 0, \"throughput\": 3, \"share\": null}\n"
	                    "]\n");
	mkg_free(text);
	mkg_throughput_free(t);
	mkg_model_free(m);
}

static void
test_json(void **state)
{
	mkg_model *m = fixture_model("p:p e:e", "p>e:2");
	mkg_throughput *t = throughput(m, NULL);
	char *text = NULL;
	size_t len;

	(void)state;
	assert_int_equal(mkg_throughput_write_json(t, &text, &len), MKG_OK);
	assert_string_equal(text,
	                    "[\n"
	                    "  {\"actor\": \"e\", \"bought\": 2, \"sold\": 0, \"throughput\": 2, \"share\": 1},\n"
	                    "  {\"actor\": \"p\", \"bought\": 0, \"sold\": 2, \"throughput\": 2, \"share\": 1}\n"
	                    "]\n");
	assert_int_equal(len, strlen(text));
	mkg_free(text);
	mkg_throughput_free(t);
	mkg_model_free(m);
}

static void
test_errors(void **state)
{
	mkg_model *m = fixture_model("p:p e:e", "p>e:2");
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	mkg_throughput *t = NULL;

	(void)state;
	assert_int_equal(mkg_throughput_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_throughput_new: argument 'out' is NULL");
	assert_int_equal(mkg_throughput_new(&t, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_throughput_new: argument 'model' is NULL");
	o.version = 3;
	assert_int_equal(mkg_throughput_new(&t, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_throughput_new: unknown options version 3");
	assert_null(t);
	t = throughput(m, NULL);
	assert_int_equal(mkg_throughput_count(t), 2);
	assert_null(mkg_throughput_at(t, 2));
	assert_int_equal(mkg_throughput_write_json(t, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_throughput_write_json: argument 'out' is NULL");
	assert_int_equal(mkg_throughput_count(NULL), 0);
	assert_int_equal(mkg_throughput_excluded(NULL), 0);
	assert_true(isnan(mkg_throughput_delivered(NULL)));
	assert_true(isnan(mkg_throughput_supplied(NULL)));
	assert_null(mkg_throughput_at(NULL, 0));
	mkg_throughput_free(t);
	mkg_throughput_free(NULL);
	mkg_model_free(m);
}

/* No produce transactions: no rows, nothing delivered. */
static void
test_empty(void **state)
{
	mkg_model *m = fixture_model("p:p e:e", "p>e:3s");
	mkg_throughput *t = throughput(m, NULL);

	(void)state;
	assert_int_equal(mkg_throughput_count(t), 0);
	assert_true(mkg_throughput_delivered(t) == 0.0);
	assert_int_equal(mkg_throughput_excluded(t), 0);
	mkg_throughput_free(t);
	mkg_model_free(m);
}

/* The result keeps the ids it lists: it outlives the model. */
static void
test_outlives_model(void **state)
{
	mkg_model *m = fixture_model("p:p e:e", "p>e:2");
	mkg_throughput *t = throughput(m, NULL), *t2 = throughput(m, NULL);

	(void)state;
	mkg_model_free(m);
	assert_row(t, 0, "e", 2, 0, 1.0);
	mkg_throughput_free(t);
	assert_row(t2, 1, "p", 0, 2, 1.0);
	mkg_throughput_free(t2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_parallel_and_missing),
		cmocka_unit_test(test_explicit_sinks),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_outlives_model),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
