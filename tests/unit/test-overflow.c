/* Tests of sums that overflow (docs/analyses.md, "Sums that overflow"):
 * every analysis that adds volume, value, cost, supply or households fails
 * with MKG_EDATA naming the sum, *out untouched, instead of reporting an
 * infinite, NaN or wrapped total.  Each model overflows one sum only: two
 * amounts of 1e308 (their sum, 2e308, is beyond DBL_MAX = 1.797e308), or
 * two counts of households of 2^62 (their sum, 2^63, is INT64_MAX + 1).
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

/* INT64_MAX / 2 + 1 = 2^62: two of them make 2^63, one more than INT64_MAX. */
#define HALF_PLUS_ONE "4611686018427387904"
/* INT64_MAX / 2 = 2^62 - 1: two of them make INT64_MAX - 1, which fits. */
#define HALF "4611686018427387903"

#define VOLUME_TAIL " overflows (sum of the transactions' volume exceeds 1.8e308)"
#define HOUSEHOLDS_TAIL " (sum of the actors' households exceeds 9223372036854775807)"

/* The call failed with MKG_EDATA and exactly this message, and left the
 * result pointer alone. */
#define assert_overflow(call, out, message)                                            \
	do {                                                                          \
		int rc_ = (call);                                                     \
		if (rc_ != MKG_EDATA)                                                 \
			fail_msg("%s returned %d (%s), expected MKG_EDATA", #call, rc_, \
			         rc_ ? mkg_error_message() : "ok");                   \
		assert_string_equal(mkg_error_message(), message);                    \
		assert_null(out);                                                     \
	} while (0)

/* p1, p2 sell 1e308 of maize each to t, which sells 1 to e: the market
 * "maize" 2010, t's purchases, the producers' volume and t's volume
 * bought overflow.  t is a member of the association g. */
static mkg_model *
volume_model(void)
{
	return m4p_doc(
		"{\"id\": \"p1\", \"kind\": \"producer\"}, {\"id\": \"p2\", \"kind\": \"producer\"}, "
		"{\"id\": \"t\", \"kind\": \"trader\"}, {\"id\": \"e\", \"kind\": \"end_market\"}, "
		"{\"id\": \"g\", \"kind\": \"association\"}, "
		"{\"id\": \"f\", \"kind\": \"service_provider\"}",
		"{\"seller\": \"p1\", \"buyer\": \"t\", \"commodity\": \"maize\", \"volume\": 1e308}, "
		"{\"seller\": \"p2\", \"buyer\": \"t\", \"commodity\": \"maize\", \"volume\": 1e308}, "
		"{\"seller\": \"t\", \"buyer\": \"e\", \"commodity\": \"maize\", \"volume\": 1}",
		"{\"id\": \"f1\", \"facilitator\": \"f\", \"type\": \"temporary\", "
		"\"function\": \"linkages\", \"targets\": {\"actors\": [\"p1\"]}, \"end\": \"2009\"}",
		"{\"group\": \"g\", \"member\": \"t\"}");
}

static void
test_concentration(void **state)
{
	mkg_model *m = volume_model();
	mkg_concentration *c = NULL;
	(void)state;

	assert_overflow(mkg_concentration_new(&c, m, NULL), c,
	                "concentration: the volume of market \"maize\" level \"producer\" 2010"
	                VOLUME_TAIL);
	mkg_model_free(m);
}

static void
test_coalitions_and_groups(void **state)
{
	mkg_model *m = volume_model();
	mkg_coalitions *c = NULL;
	mkg_groups *g = NULL;
	(void)state;

	assert_overflow(mkg_coalitions_new(&c, m, NULL), c,
	                "coalitions: the volume of market \"maize\" level \"producer\" 2010"
	                VOLUME_TAIL);
	assert_overflow(mkg_groups_new(&g, m, NULL), g,
	                "groups: the volume of market \"maize\" level \"producer\" 2010"
	                VOLUME_TAIL);
	mkg_model_free(m);
}

static void
test_facilitation_mix_and_exit_simulation(void **state)
{
	mkg_model *m = volume_model();
	mkg_facilitation_mix *mix = NULL;
	mkg_exit_simulation *s = NULL;
	mkg_exit_simulation_options o = MKG_EXIT_SIMULATION_OPTIONS_INIT;
	(void)state;

	assert_overflow(mkg_facilitation_mix_new(&mix, m, NULL), mix,
	                "facilitation mix: the volume of market \"maize\" 2010" VOLUME_TAIL);
	o.date = "2010";
	assert_overflow(mkg_exit_simulation_new(&s, m, &o), s,
	                "exit simulation: the volume of market \"maize\" 2010" VOLUME_TAIL);
	mkg_model_free(m);
}

/* The region and the service flag name the market too. */
static void
test_market_label(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"a\", \"kind\": \"service_provider\", \"region\": \"north\"}, "
		"{\"id\": \"b\", \"kind\": \"trader\"}",
		"{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"transport\", "
		"\"value\": 1e308, \"service\": true}, "
		"{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"transport\", "
		"\"value\": 1e308, \"service\": true}",
		NULL, NULL);
	mkg_concentration_options o = MKG_CONCENTRATION_OPTIONS_INIT;
	mkg_concentration *c = NULL;
	(void)state;

	o.measure = MKG_MEASURE_VALUE;
	o.split_by_region = 1;
	assert_overflow(mkg_concentration_new(&c, m, &o), c,
	                "concentration: the value of market \"transport\" level "
	                "\"service_provider\" 2010 region \"north\" (service) overflows (sum of the transactions' value exceeds 1.8e308)");
	mkg_model_free(m);
}

static void
test_dependency(void **state)
{
	mkg_model *m = volume_model();
	mkg_dependency *d = NULL;
	(void)state;

	assert_overflow(mkg_dependency_new(&d, m, NULL), d,
	                "dependency: the purchases of actor \"t\" overflow (sum of the "
	                "transactions' volume exceeds 1.8e308)");
	mkg_model_free(m);

	m = m4p_doc("{\"id\": \"a\", \"kind\": \"trader\"}, {\"id\": \"b\", \"kind\": \"trader\"}, "
	            "{\"id\": \"c\", \"kind\": \"trader\"}",
	            "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"maize\", "
	            "\"value\": 1e308}, "
	            "{\"seller\": \"a\", \"buyer\": \"c\", \"commodity\": \"beans\", "
	            "\"value\": 1e308}",
	            NULL, NULL);
	{
		mkg_dependency_options o = MKG_DEPENDENCY_OPTIONS_INIT;

		o.measure = MKG_MEASURE_VALUE;
		assert_overflow(mkg_dependency_new(&d, m, &o), d,
		                "dependency: the sales of actor \"a\" overflow (sum of the "
		                "transactions' value exceeds 1.8e308)");
	}
	mkg_model_free(m);
}

static void
test_bottlenecks_volume(void **state)
{
	mkg_model *m = volume_model();
	mkg_flow *f = NULL;
	mkg_cutpoints *cp = NULL;
	mkg_captive *cap = NULL;
	mkg_throughput *t = NULL;
	mkg_bottlenecks *b = NULL;
	mkg_shock *s = NULL;
	mkg_shock_options so = MKG_SHOCK_OPTIONS_INIT;
	const char *remove[] = { "p1" };
	(void)state;

	assert_overflow(mkg_flow_new(&f, m, NULL), f,
	                "flow: the volume bought by actor \"t\"" VOLUME_TAIL);
	assert_overflow(mkg_cutpoints_new(&cp, m, NULL), cp,
	                "cutpoints: the volume bought by actor \"t\"" VOLUME_TAIL);
	assert_overflow(mkg_captive_new(&cap, m, NULL), cap,
	                "captive: the volume bought by actor \"t\"" VOLUME_TAIL);
	assert_overflow(mkg_throughput_new(&t, m, NULL), t,
	                "throughput: the volume bought by actor \"t\"" VOLUME_TAIL);
	assert_overflow(mkg_bottlenecks_new(&b, m, NULL), b,
	                "flow: the volume bought by actor \"t\"" VOLUME_TAIL);
	so.remove = remove;
	so.remove_count = 1;
	assert_overflow(mkg_shock_new(&s, m, &so), s,
	                "shock: the volume bought by actor \"t\"" VOLUME_TAIL);
	mkg_model_free(m);
}

/* Each trader's volume is finite; both together reach the end market e,
 * whose purchases overflow; with two end markets only the delivered total
 * does. */
static void
test_throughput_delivered(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"t1\", \"kind\": \"trader\"}, {\"id\": \"t2\", \"kind\": \"trader\"}, "
		"{\"id\": \"e1\", \"kind\": \"end_market\"}, {\"id\": \"e2\", \"kind\": \"end_market\"}",
		"{\"seller\": \"t1\", \"buyer\": \"e1\", \"commodity\": \"maize\", \"volume\": 1e308}, "
		"{\"seller\": \"t2\", \"buyer\": \"e2\", \"commodity\": \"maize\", \"volume\": 1e308}",
		NULL, NULL);
	mkg_throughput *t = NULL;
	(void)state;

	assert_overflow(mkg_throughput_new(&t, m, NULL), t,
	                "throughput: the volume bought by the sinks" VOLUME_TAIL);
	mkg_model_free(m);
}

/* The shares are of the larger of supplied and delivered (p's 1e-10 to e
 * both ways); t0, no source, sells 1e300 to t: both reach 1e310, and t0
 * comes first in id order. */
static void
test_throughput_share(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"t0\", \"kind\": \"trader\"}, "
		"{\"id\": \"t\", \"kind\": \"trader\"}, {\"id\": \"e\", \"kind\": \"end_market\"}",
		"{\"seller\": \"p\", \"buyer\": \"e\", \"commodity\": \"maize\", \"volume\": 1e-10}, "
		"{\"seller\": \"t0\", \"buyer\": \"t\", \"commodity\": \"maize\", \"volume\": 1e300}",
		NULL, NULL);
	mkg_throughput *t = NULL;
	(void)state;

	assert_overflow(mkg_throughput_new(&t, m, NULL), t,
	                "throughput: the share of actor \"t0\" overflows (its throughput / the "
	                "chain's volume exceeds 1.8e308)");
	mkg_model_free(m);
}

/* p and q sell 1e308 each to a trader of their own: every actor's sums are
 * finite, the supply of the producers is not. */
static void
test_throughput_supplied(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"q\", \"kind\": \"producer\"}, "
		"{\"id\": \"t\", \"kind\": \"trader\"}, {\"id\": \"u\", \"kind\": \"trader\"}",
		"{\"seller\": \"p\", \"buyer\": \"t\", \"commodity\": \"maize\", \"volume\": 1e308}, "
		"{\"seller\": \"q\", \"buyer\": \"u\", \"commodity\": \"maize\", \"volume\": 1e308}",
		NULL, NULL);
	mkg_throughput *t = NULL;
	(void)state;

	assert_overflow(mkg_throughput_new(&t, m, NULL), t,
	                "throughput: the volume sold by the sources" VOLUME_TAIL);
	mkg_model_free(m);
}

/* a sells 1e308 to b and b sells 1e308 to a: each actor's sales and
 * purchases are finite, the bridge between them carries 2e308. */
static void
test_cutpoints_bridge(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"a\", \"kind\": \"trader\"}, {\"id\": \"b\", \"kind\": \"trader\"}",
		"{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"maize\", \"volume\": 1e308}, "
		"{\"seller\": \"b\", \"buyer\": \"a\", \"commodity\": \"maize\", \"volume\": 1e308}",
		NULL, NULL);
	mkg_cutpoints *c = NULL;
	(void)state;

	assert_overflow(mkg_cutpoints_new(&c, m, NULL), c,
	                "cutpoints: the volume between actors \"a\" and \"b\"" VOLUME_TAIL);
	mkg_model_free(m);
}

/* Two producers with a supply of 1e308 each and small volumes. */
static void
test_supply(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p1\", \"kind\": \"producer\", \"supply\": 1e308}, "
		"{\"id\": \"p2\", \"kind\": \"producer\", \"supply\": 1e308}, "
		"{\"id\": \"e\", \"kind\": \"end_market\"}",
		"{\"seller\": \"p1\", \"buyer\": \"e\", \"commodity\": \"maize\", \"volume\": 1}, "
		"{\"seller\": \"p2\", \"buyer\": \"e\", \"commodity\": \"maize\", \"volume\": 1}",
		NULL, NULL);
	mkg_flow *f = NULL;
	mkg_captive *c = NULL;
	mkg_shock *s = NULL;
	mkg_shock_options so = MKG_SHOCK_OPTIONS_INIT;
	const char *remove[] = { "p1" };
	(void)state;

	assert_overflow(mkg_flow_new(&f, m, NULL), f,
	                "flow: the supply of the sources overflows (sum of their supply "
	                "exceeds 1.8e308)");
	assert_overflow(mkg_captive_new(&c, m, NULL), c,
	                "captive: the supply of the sources overflows (sum of their supply "
	                "exceeds 1.8e308)");
	so.remove = remove;
	so.remove_count = 1;
	assert_overflow(mkg_shock_new(&s, m, &so), s,
	                "shock: the supply of the sources overflows (sum of their supply "
	                "exceeds 1.8e308)");
	mkg_model_free(m);
}

/* Two commercial records costing 1e308 each. */
static void
test_costs(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"b\", \"kind\": \"trader\"}, "
		"{\"id\": \"f\", \"kind\": \"service_provider\"}",
		"{\"seller\": \"p\", \"buyer\": \"b\", \"commodity\": \"maize\", \"volume\": 1}",
		"{\"id\": \"c1\", \"facilitator\": \"f\", \"type\": \"commercial\", "
		"\"function\": \"finance\", \"targets\": {\"actors\": [\"p\"]}, \"cost\": 1e308}, "
		"{\"id\": \"c2\", \"facilitator\": \"f\", \"type\": \"commercial\", "
		"\"function\": \"brokerage\", \"targets\": {\"actors\": [\"b\"]}, \"cost\": 1e308, "
		"\"paid_by\": [{\"actor\": \"b\", \"share\": 1}]}",
		NULL);
	mkg_payments *p = NULL;
	mkg_facilitation_mix *mix = NULL;
	(void)state;

	assert_overflow(mkg_payments_new(&p, m, NULL), p,
	                "payments: the cost of the commercial facilitation overflows (sum of the "
	                "records' cost exceeds 1.8e308)");
	assert_overflow(mkg_facilitation_mix_new(&mix, m, NULL), mix,
	                "facilitation mix: the cost of the commercial facilitation overflows (sum "
	                "of the records' cost exceeds 1.8e308)");
	mkg_model_free(m);
}

static void
test_value(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"a\", \"kind\": \"producer\"}, {\"id\": \"b\", \"kind\": \"trader\"}, "
		"{\"id\": \"c\", \"kind\": \"end_market\"}",
		"{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"maize\", \"volume\": 1, "
		"\"value\": 1e308}, "
		"{\"seller\": \"b\", \"buyer\": \"c\", \"commodity\": \"maize\", \"volume\": 1, "
		"\"value\": 1e308}",
		NULL, NULL);
	mkg_value *v = NULL;
	(void)state;

	assert_overflow(mkg_value_new(&v, m, NULL), v,
	                "value: the value of all transactions overflows (sum of the transactions' "
	                "value exceeds 1.8e308)");
	mkg_model_free(m);
}

/* Finite sums, ratios beyond a double: a price of 1e300 / 1e-10, a producer
 * price of 1e300 over an end-market price of 1e-10. */
static void
test_value_ratios(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"t\", \"kind\": \"trader\"}",
		"{\"seller\": \"p\", \"buyer\": \"t\", \"commodity\": \"maize\", \"volume\": 1e-10, "
		"\"value\": 1e300}",
		NULL, NULL);
	mkg_value *v = NULL;
	(void)state;

	assert_overflow(mkg_value_new(&v, m, NULL), v,
	                "value: the price of \"maize\" sold by producer actors overflows (value / "
	                "volume exceeds 1.8e308)");
	mkg_model_free(m);

	m = m4p_doc("{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"t\", \"kind\": \"trader\"}, "
	            "{\"id\": \"e\", \"kind\": \"end_market\"}",
	            "{\"seller\": \"p\", \"buyer\": \"t\", \"commodity\": \"maize\", \"volume\": 1, "
	            "\"value\": 1e300}, "
	            "{\"seller\": \"t\", \"buyer\": \"e\", \"commodity\": \"maize\", \"volume\": 1, "
	            "\"value\": 1e-10}",
	            NULL, NULL);
	assert_overflow(mkg_value_new(&v, m, NULL), v,
	                "value: the producer share of \"maize\" overflows (producer price / "
	                "end-market price exceeds 1.8e308)");
	mkg_model_free(m);
}

/* The Gini coefficient of value added scales the amounts first: with
 * value added 1e307, 1e307 and 1.5e308 among the traders, the term
 * (2i - n + 1) x_i = 2 * 1.5e308 overflowed without it.  Divided by
 * 1.5e308: x = (1/15, 1/15, 1), sum 17/15, weighted -2/15 + 2 = 28/15,
 * G = (28/15) / (3 * 17/15) = 28/51. */
static void
test_value_gini_large(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"a\", \"kind\": \"trader\"}, {\"id\": \"b\", \"kind\": \"trader\"}, "
		"{\"id\": \"c\", \"kind\": \"trader\"}, {\"id\": \"e\", \"kind\": \"end_market\"}",
		"{\"seller\": \"a\", \"buyer\": \"e\", \"commodity\": \"maize\", \"value\": 1.5e308}, "
		"{\"seller\": \"b\", \"buyer\": \"e\", \"commodity\": \"maize\", \"value\": 1e307}, "
		"{\"seller\": \"c\", \"buyer\": \"e\", \"commodity\": \"maize\", \"value\": 1e307}",
		NULL, NULL);
	mkg_value *v = NULL;
	const mkg_kind_value *k;
	(void)state;

	assert_int_equal(mkg_value_new(&v, m, NULL), MKG_OK);
	k = mkg_value_kind_at(v, 0);
	assert_non_null(k);
	assert_int_equal(k->kind, MKG_ACTOR_TRADER);
	assert_near(k->gini, 28.0 / 51.0);
	mkg_value_free(v);
	mkg_model_free(m);
}

/* p1 and p2 with 2^62 households each: producers and supported actors
 * overflow; one less each and the sums fit exactly. */
static void
test_inclusiveness_households(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p1\", \"kind\": \"producer\", \"households\": " HALF_PLUS_ONE "}, "
		"{\"id\": \"p2\", \"kind\": \"producer\", \"households\": " HALF_PLUS_ONE "}, "
		"{\"id\": \"t\", \"kind\": \"trader\"}",
		"{\"seller\": \"p1\", \"buyer\": \"t\", \"commodity\": \"maize\", \"volume\": 1}",
		NULL, NULL);
	mkg_inclusiveness *inc = NULL;
	(void)state;

	assert_overflow(mkg_inclusiveness_new(&inc, m, NULL), inc,
	                "inclusiveness: the households of the producers overflow" HOUSEHOLDS_TAIL);
	mkg_model_free(m);

	m = m4p_doc("{\"id\": \"p1\", \"kind\": \"producer\", \"households\": " HALF "}, "
	            "{\"id\": \"p2\", \"kind\": \"producer\", \"households\": " HALF "}, "
	            "{\"id\": \"t\", \"kind\": \"trader\"}",
	            "{\"seller\": \"p1\", \"buyer\": \"t\", \"commodity\": \"maize\", "
	            "\"volume\": 1}",
	            NULL, NULL);
	assert_int_equal(mkg_inclusiveness_new(&inc, m, NULL), MKG_OK);
	assert_true(mkg_inclusiveness_households_producers(inc) == INT64_MAX - 1);
	assert_true(mkg_inclusiveness_households_selling(inc) == INT64_MAX / 2);
	mkg_inclusiveness_free(inc);
	mkg_model_free(m);
}

/* Two traders with 2^62 households each, both supported by one record:
 * only the supported actors' households overflow. */
static void
test_inclusiveness_supported(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"t1\", \"kind\": \"trader\", \"households\": " HALF_PLUS_ONE "}, "
		"{\"id\": \"t2\", \"kind\": \"trader\", \"households\": " HALF_PLUS_ONE "}, "
		"{\"id\": \"f\", \"kind\": \"ngo\"}",
		"{\"seller\": \"t1\", \"buyer\": \"t2\", \"commodity\": \"maize\", \"volume\": 1}",
		"{\"id\": \"f1\", \"facilitator\": \"f\", \"type\": \"temporary\", "
		"\"function\": \"linkages\", \"targets\": {\"actors\": [\"t1\", \"t2\"]}}",
		NULL);
	mkg_inclusiveness *inc = NULL;
	(void)state;

	assert_overflow(mkg_inclusiveness_new(&inc, m, NULL), inc,
	                "inclusiveness: the households of the supported actors overflow"
	                HOUSEHOLDS_TAIL);
	mkg_model_free(m);
}

static void
test_inclusiveness_volume(void **state)
{
	mkg_model *m = volume_model();
	mkg_inclusiveness *inc = NULL;
	(void)state;

	assert_overflow(mkg_inclusiveness_new(&inc, m, NULL), inc,
	                "inclusiveness: the volume of produce in chain \"maize\" overflows (sum "
	                "of the transactions' volume in primary equivalents exceeds 1.8e308)");
	mkg_model_free(m);
}

/* The members p1, p2 of the association g: g's households overflow. */
static void
test_groups_households(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p1\", \"kind\": \"producer\", \"households\": " HALF_PLUS_ONE "}, "
		"{\"id\": \"p2\", \"kind\": \"producer\", \"households\": " HALF_PLUS_ONE "}, "
		"{\"id\": \"g\", \"kind\": \"association\"}, {\"id\": \"t\", \"kind\": \"trader\"}",
		"{\"seller\": \"p1\", \"buyer\": \"t\", \"commodity\": \"maize\", \"volume\": 1}",
		NULL,
		"{\"group\": \"g\", \"member\": \"p1\"}, {\"group\": \"g\", \"member\": \"p2\"}");
	mkg_groups *g = NULL;
	(void)state;

	assert_overflow(mkg_groups_new(&g, m, NULL), g,
	                "groups: the households of group \"g\" overflow (sum of the members' "
	                "households exceeds 9223372036854775807)");
	mkg_model_free(m);
}

static void
test_summary(void **state)
{
	mkg_model *m = m4p_doc(
		"{\"id\": \"p1\", \"kind\": \"producer\", \"households\": " HALF_PLUS_ONE "}, "
		"{\"id\": \"p2\", \"kind\": \"producer\", \"households\": " HALF_PLUS_ONE "}",
		NULL, NULL, NULL);
	mkg_summary *s = NULL;
	(void)state;

	assert_overflow(mkg_summary_new(&s, m, NULL), s,
	                "summary: the households of the producer actors overflow" HOUSEHOLDS_TAIL);
	mkg_model_free(m);

	/* one per kind: each kind fits, the total does not */
	m = m4p_doc("{\"id\": \"p1\", \"kind\": \"producer\", \"households\": " HALF_PLUS_ONE "}, "
	            "{\"id\": \"t\", \"kind\": \"trader\", \"households\": " HALF_PLUS_ONE "}",
	            NULL, NULL, NULL);
	assert_overflow(mkg_summary_new(&s, m, NULL), s,
	                "summary: the households of all actors overflow" HOUSEHOLDS_TAIL);
	mkg_model_free(m);

	m = volume_model();
	assert_overflow(mkg_summary_new(&s, m, NULL), s,
	                "summary: the volume of commodity \"maize\"" VOLUME_TAIL);
	mkg_model_free(m);

	/* two commodities: each fits, the period 2010 does not */
	m = m4p_doc("{\"id\": \"a\", \"kind\": \"trader\"}, {\"id\": \"b\", \"kind\": \"trader\"}",
	            "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"maize\", "
	            "\"value\": 1e308}, "
	            "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"beans\", "
	            "\"value\": 1e308}",
	            NULL, NULL);
	assert_overflow(mkg_summary_new(&s, m, NULL), s,
	                "summary: the value of period \"2010\" overflows (sum of the "
	                "transactions' value exceeds 1.8e308)");
	mkg_model_free(m);

	/* without a model period: the group of the transactions without one;
	 * with two periods and two commodities only the total overflows */
	m = m4p_load("{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
	             "{\"id\": \"a\", \"kind\": \"trader\"}, {\"id\": \"b\", \"kind\": \"trader\"}], "
	             "\"transactions\": [{\"seller\": \"a\", \"buyer\": \"b\", "
	             "\"commodity\": \"maize\", \"value\": 1e308}, {\"seller\": \"a\", \"buyer\": \"b\", "
	             "\"commodity\": \"beans\", \"value\": 1e308}]}");
	assert_overflow(mkg_summary_new(&s, m, NULL), s,
	                "summary: the value of the transactions without a period overflows (sum of "
	                "the transactions' value exceeds 1.8e308)");
	mkg_model_free(m);
	m = m4p_doc("{\"id\": \"a\", \"kind\": \"trader\"}, {\"id\": \"b\", \"kind\": \"trader\"}",
	            "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"maize\", "
	            "\"period\": \"2011\", \"volume\": 1e308}, "
	            "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"beans\", "
	            "\"volume\": 1e308}",
	            NULL, NULL);
	/* volumes of two commodities are never added: no total to overflow */
	assert_int_equal(mkg_summary_new(&s, m, NULL), MKG_OK);
	assert_int_equal(mkg_summary_chain_count(s), 2);
	mkg_summary_free(s);
	s = NULL;
	mkg_model_free(m);

	/* maize and beans 1e308 t each in 2010: the period mixes commodities,
	 * has no volume, and so nothing to overflow */
	m = m4p_doc("{\"id\": \"a\", \"kind\": \"trader\"}, {\"id\": \"b\", \"kind\": \"trader\"}",
	            "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"maize\", "
	            "\"volume\": 1e308}, "
	            "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"beans\", "
	            "\"volume\": 1e308}",
	            NULL, NULL);
	assert_int_equal(mkg_summary_new(&s, m, NULL), MKG_OK);
	assert_true(MKG_IS_ABSENT(mkg_summary_period_at(s, 0)->volume));
	mkg_summary_free(s);
	s = NULL;
	mkg_model_free(m);

	/* potato 1e308 t and chips 0.5e308 t made from 4 t of potato each: each
	 * commodity and the period (1.5e308, as given) fit, the potato chain's
	 * 1e308 + 4 x 0.5e308 = 3e308 t of potato equivalents does not */
	m = m4p_load("{\"format\": \"marketgraph\", \"version\": 1, \"commodities\": ["
	             "{\"id\": \"potato\"}, {\"id\": \"chips\", \"made_from\": \"potato\", "
	             "\"input_per_unit\": 4}], \"actors\": ["
	             "{\"id\": \"a\", \"kind\": \"producer\"}, {\"id\": \"b\", \"kind\": \"processor\"}, "
	             "{\"id\": \"c\", \"kind\": \"retailer\"}], \"transactions\": ["
	             "{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"potato\", "
	             "\"volume\": 1e308}, {\"seller\": \"b\", \"buyer\": \"c\", "
	             "\"commodity\": \"chips\", \"volume\": 0.5e308}]}");
	assert_overflow(mkg_summary_new(&s, m, NULL), s,
	                "summary: the volume of chain \"potato\"" VOLUME_TAIL);
	mkg_model_free(m);

	/* just below the limit the counts are exact */
	m = m4p_doc("{\"id\": \"p1\", \"kind\": \"producer\", \"households\": " HALF "}, "
	            "{\"id\": \"p2\", \"kind\": \"producer\", \"households\": " HALF "}",
	            NULL, NULL, NULL);
	assert_int_equal(mkg_summary_new(&s, m, NULL), MKG_OK);
	assert_true(mkg_summary_households(s) == INT64_MAX - 1);
	assert_true(mkg_summary_kind_households(s, MKG_ACTOR_PRODUCER) == INT64_MAX - 1);
	mkg_summary_free(s);
	mkg_model_free(m);
}

/* The report fails with the first analysis whose sum overflows. */
static void
test_report(void **state)
{
	mkg_model *m = volume_model();
	mkg_report *r = NULL;
	(void)state;

	assert_overflow(mkg_report_new(&r, m, NULL), r,
	                "concentration: the volume of market \"maize\" level \"producer\" 2010"
	                VOLUME_TAIL);
	mkg_model_free(m);

	m = m4p_doc("{\"id\": \"p1\", \"kind\": \"producer\", \"households\": " HALF_PLUS_ONE "}, "
	            "{\"id\": \"p2\", \"kind\": \"producer\", \"households\": " HALF_PLUS_ONE "}, "
	            "{\"id\": \"t\", \"kind\": \"trader\"}",
	            "{\"seller\": \"p1\", \"buyer\": \"t\", \"commodity\": \"maize\", "
	            "\"volume\": 1}",
	            NULL, NULL);
	assert_overflow(mkg_report_new(&r, m, NULL), r,
	                "inclusiveness: the households of the producers overflow" HOUSEHOLDS_TAIL);
	mkg_model_free(m);

	/* sections in order: the supply (bottlenecks) before the households */
	m = m4p_doc("{\"id\": \"p1\", \"kind\": \"producer\", \"households\": " HALF_PLUS_ONE ", "
	            "\"supply\": 1e308}, "
	            "{\"id\": \"p2\", \"kind\": \"producer\", \"households\": " HALF_PLUS_ONE ", "
	            "\"supply\": 1e308}, "
	            "{\"id\": \"t\", \"kind\": \"trader\"}",
	            "{\"seller\": \"p1\", \"buyer\": \"t\", \"commodity\": \"maize\", "
	            "\"volume\": 1}",
	            NULL, NULL);
	assert_overflow(mkg_report_new(&r, m, NULL), r,
	                "flow: the supply of the sources overflows (sum of their supply exceeds "
	                "1.8e308)");
	mkg_model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_concentration),
		cmocka_unit_test(test_coalitions_and_groups),
		cmocka_unit_test(test_facilitation_mix_and_exit_simulation),
		cmocka_unit_test(test_market_label),
		cmocka_unit_test(test_dependency),
		cmocka_unit_test(test_bottlenecks_volume),
		cmocka_unit_test(test_throughput_delivered),
		cmocka_unit_test(test_throughput_supplied),
		cmocka_unit_test(test_throughput_share),
		cmocka_unit_test(test_cutpoints_bridge),
		cmocka_unit_test(test_supply),
		cmocka_unit_test(test_costs),
		cmocka_unit_test(test_value),
		cmocka_unit_test(test_value_ratios),
		cmocka_unit_test(test_value_gini_large),
		cmocka_unit_test(test_inclusiveness_households),
		cmocka_unit_test(test_inclusiveness_supported),
		cmocka_unit_test(test_inclusiveness_volume),
		cmocka_unit_test(test_groups_households),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
