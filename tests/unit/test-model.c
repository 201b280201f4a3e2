/* Tests of the model's C API: records of every kind with every field, read
 * back through mkg_model_*_at(), lookups, counts and order, generated ids,
 * the desc _init functions, every validation rule with its exact message,
 * atomic failure, NULL, out-of-range and bad-version arguments, equality and
 * the enumeration names.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "model-read.h"

#ifndef MKG_TEST_DATA
#error "MKG_TEST_DATA must name tests/data"
#endif

/* ---- helpers ------------------------------------------------------------- */

/* A status and the thread's message after a failing call. */
#define assert_failure(call, code, message)                                       \
	do {                                                                      \
		int rc_ = (call);                                                 \
		assert_int_equal(rc_, (code));                                    \
		assert_int_equal(mkg_error_code(), (code));                       \
		assert_string_equal(mkg_error_message(), (message));              \
	} while (0)

/* A NULL argument: MKG_EINVAL and a message that says so. */
#define assert_null_arg(call)                                                     \
	do {                                                                      \
		mkg_error_clear();                                                \
		assert_int_equal((call), MKG_EINVAL);                             \
		assert_int_equal(mkg_error_code(), MKG_EINVAL);                   \
		assert_non_null(strstr(mkg_error_message(), "is NULL"));          \
	} while (0)

static mkg_actor_desc
actor(const char *id, mkg_actor_kind kind)
{
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

	d.id = id;
	d.kind = kind;
	return d;
}

static mkg_transaction_desc
transaction(const char *id, const char *seller, const char *buyer, double volume)
{
	mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;

	d.id = id;
	d.seller = seller;
	d.buyer = buyer;
	d.commodity = "maize";
	d.volume = volume;
	return d;
}

static const char *const one_actor[] = { "p1" };

static mkg_facilitation_desc
facilitation(const char *id, const char *facilitator)
{
	mkg_facilitation_desc d = MKG_FACILITATION_DESC_INIT;

	d.id = id;
	d.facilitator = facilitator;
	d.type = MKG_FACILITATION_PUBLIC;
	d.function = MKG_FUNCTION_INFORMATION;
	d.target_actors = one_actor;
	d.target_actor_count = 1;
	return d;
}

static mkg_membership_desc
membership(const char *group, const char *member)
{
	mkg_membership_desc d = MKG_MEMBERSHIP_DESC_INIT;

	d.group = group;
	d.member = member;
	return d;
}

/*
 * The base model of the rule tests: actors p1 (producer), t1 (trader),
 * e1 (end_market), prog (programme); transaction tx1 p1 -> t1; facilitation
 * f-1 by prog on p1; membership t1 in prog.  New records get index 4, 1, 1, 1.
 */
static mkg_model *
base_model(void)
{
	mkg_model *m = NULL;
	mkg_actor_desc a;
	mkg_transaction_desc t = transaction("tx1", "p1", "t1", 10);
	mkg_facilitation_desc f = facilitation("f-1", "prog");
	mkg_membership_desc ms = membership("prog", "t1");

	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_model_set_period(m, "2012"), MKG_OK);
	a = actor("p1", MKG_ACTOR_PRODUCER);
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	a = actor("t1", MKG_ACTOR_TRADER);
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	a = actor("e1", MKG_ACTOR_END_MARKET);
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	a = actor("prog", MKG_ACTOR_PROGRAMME);
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
	assert_int_equal(mkg_model_add_facilitation(m, &f, NULL), MKG_OK);
	assert_int_equal(mkg_model_add_membership(m, &ms, NULL), MKG_OK);
	return m;
}

typedef struct fixture {
	mkg_model *m;    /* receives the failing adds */
	mkg_model *twin; /* built the same way, never touched */
} fixture;

static int
setup(void **state)
{
	fixture *f = g_new0(fixture, 1);

	f->m = base_model();
	f->twin = base_model();
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;

	mkg_model_free(f->m);
	mkg_model_free(f->twin);
	g_free(f);
	return 0;
}

/* A failed call left the model as it was: same counts, same data. */
static void
assert_unchanged(const fixture *f)
{
	assert_int_equal(mkg_model_actor_count(f->m), 4);
	assert_int_equal(mkg_model_transaction_count(f->m), 1);
	assert_int_equal(mkg_model_facilitation_count(f->m), 1);
	assert_int_equal(mkg_model_membership_count(f->m), 1);
	assert_int_equal(mkg_model_commodity_count(f->m), 0);
	assert_true(mkg_model_equal(f->m, f->twin));
}

#define REJECT(add, desc, code, message)                                          \
	do {                                                                      \
		size_t index_ = 12345;                                            \
		assert_failure(add(f->m, &(desc), &index_), (code), (message));   \
		assert_int_equal(index_, 12345);                                  \
		assert_unchanged(f);                                              \
	} while (0)

/* ---- records with every field -------------------------------------------- */

static void
test_new_model_is_empty(void **state)
{
	mkg_model *m = NULL;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_non_null(m);
	assert_int_equal(mkg_model_actor_count(m), 0);
	assert_int_equal(mkg_model_transaction_count(m), 0);
	assert_int_equal(mkg_model_facilitation_count(m), 0);
	assert_int_equal(mkg_model_membership_count(m), 0);
	assert_null(mkg_model_name(m));
	assert_null(mkg_model_currency(m));
	assert_null(mkg_model_volume_unit(m));
	assert_null(mkg_model_period(m));
	assert_null(mkg_model_attributes(m));
	mkg_model_free(m);
}

static void
test_document_fields(void **state)
{
	mkg_model *m = NULL;
	char name[] = "Maize, Kasese";

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_model_set_name(m, name), MKG_OK);
	name[0] = 'X'; /* the model holds a copy */
	assert_string_equal(mkg_model_name(m), "Maize, Kasese");
	assert_int_equal(mkg_model_set_currency(m, "UGX"), MKG_OK);
	assert_int_equal(mkg_model_set_volume_unit(m, "t"), MKG_OK);
	assert_int_equal(mkg_model_set_period(m, "2010-Q3"), MKG_OK);
	assert_int_equal(mkg_model_set_attributes(m, "{ \"b\": [1, 2], \"a\": \"x\" }"), MKG_OK);
	assert_string_equal(mkg_model_currency(m), "UGX");
	assert_string_equal(mkg_model_volume_unit(m), "t");
	assert_string_equal(mkg_model_period(m), "2010-Q3");
	/* Stored compact; key order kept as given. */
	assert_string_equal(mkg_model_attributes(m), "{\"b\":[1,2],\"a\":\"x\"}");

	/* NULL clears a field. */
	assert_int_equal(mkg_model_set_name(m, NULL), MKG_OK);
	assert_int_equal(mkg_model_set_currency(m, NULL), MKG_OK);
	assert_int_equal(mkg_model_set_volume_unit(m, NULL), MKG_OK);
	assert_int_equal(mkg_model_set_period(m, NULL), MKG_OK);
	assert_int_equal(mkg_model_set_attributes(m, NULL), MKG_OK);
	assert_null(mkg_model_name(m));
	assert_null(mkg_model_currency(m));
	assert_null(mkg_model_volume_unit(m));
	assert_null(mkg_model_period(m));
	assert_null(mkg_model_attributes(m));
	mkg_model_free(m);
}

static void
test_document_field_errors(void **state)
{
	mkg_model *m = NULL;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_model_set_name(m, "kept"), MKG_OK);
	assert_failure(mkg_model_set_name(m, "bad \xff"), MKG_EDATA, "name: not valid UTF-8");
	assert_failure(mkg_model_set_currency(m, "\xc3"), MKG_EDATA, "currency: not valid UTF-8");
	assert_failure(mkg_model_set_volume_unit(m, "\x80t"), MKG_EDATA,
	               "volume_unit: not valid UTF-8");
	assert_failure(mkg_model_set_period(m, "20\xfe"), MKG_EDATA, "period: not valid UTF-8");
	assert_string_equal(mkg_model_name(m), "kept");
	assert_null(mkg_model_currency(m));

	assert_int_equal(mkg_model_set_attributes(m, "{\"k\":1}"), MKG_OK);
	mkg_error_clear();
	assert_int_equal(mkg_model_set_attributes(m, "[1, 2]"), MKG_EDATA);
	assert_true(g_str_has_prefix(mkg_error_message(), "attributes: "));
	assert_int_equal(mkg_model_set_attributes(m, "{\"a\": "), MKG_EDATA);
	assert_true(g_str_has_prefix(mkg_error_message(), "attributes: "));
	assert_int_equal(mkg_model_set_attributes(m, "{} {}"), MKG_EDATA);
	assert_true(g_str_has_prefix(mkg_error_message(), "attributes: "));
	assert_int_equal(mkg_model_set_attributes(m, ""), MKG_EDATA);
	assert_true(g_str_has_prefix(mkg_error_message(), "attributes: "));
	assert_string_equal(mkg_model_attributes(m), "{\"k\":1}");
	mkg_model_free(m);
}

static void
test_actor_every_field(void **state)
{
	mkg_model *m = NULL;
	const char *tags[] = { "smallholder", "women-led" };
	char id[] = "coop-huasahuasi";
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT, out = MKG_ACTOR_DESC_INIT;
	size_t index = 99;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	d.id = id;
	d.name = "Huasahuasi growers' association";
	d.kind = MKG_ACTOR_PRODUCER;
	d.region = "Junin";
	d.households = 420;
	d.capacity = 900;
	d.supply = 850.5;
	d.tags = tags;
	d.tag_count = 2;
	d.attributes = "{\"altitude\": 3400}";
	assert_int_equal(mkg_model_add_actor(m, &d, &index), MKG_OK);
	assert_int_equal(index, 0);
	id[0] = 'X';       /* copied */
	tags[0] = "other"; /* copied */

	assert_int_equal(mkg_model_actor_at(m, 0, &out), MKG_OK);
	assert_int_equal(out.version, MKG_ACTOR_DESC_VERSION);
	assert_string_equal(out.id, "coop-huasahuasi");
	assert_string_equal(out.name, "Huasahuasi growers' association");
	assert_int_equal(out.kind, MKG_ACTOR_PRODUCER);
	assert_string_equal(out.region, "Junin");
	assert_int_equal(out.households, 420);
	assert_true(out.capacity == 900.0);
	assert_true(out.supply == 850.5);
	assert_true(MKG_IS_ABSENT(out.demand));
	assert_int_equal(out.tag_count, 2);
	assert_true(out.tags != (const char *const *)tags); /* the model's copies */
	assert_string_equal(out.tags[0], "smallholder");
	assert_string_equal(out.tags[1], "women-led");
	assert_string_equal(out.attributes, "{\"altitude\":3400}"); /* canonical */

	/* An end market with a demand; the fewest fields. */
	d = actor("export-eu", MKG_ACTOR_END_MARKET);
	d.demand = 500;
	assert_int_equal(mkg_model_add_actor(m, &d, &index), MKG_OK);
	assert_int_equal(index, 1);
	/* Read into the struct that still holds actor 0: every field is
	 * written, the absent ones as absent. */
	assert_int_equal(mkg_model_actor_at(m, 1, &out), MKG_OK);
	assert_string_equal(out.id, "export-eu");
	assert_int_equal(out.kind, MKG_ACTOR_END_MARKET);
	assert_true(out.demand == 500.0);
	assert_null(out.name); /* none given (display code shows the id) */
	assert_null(out.region);
	assert_int_equal(out.households, -1);
	assert_true(MKG_IS_ABSENT(out.capacity));
	assert_true(MKG_IS_ABSENT(out.supply));
	assert_null(out.tags);
	assert_int_equal(out.tag_count, 0);
	assert_null(out.attributes);

	/* Zero is a value, not absence; a NULL index pointer is fine. */
	d = actor("zero", MKG_ACTOR_PRODUCER);
	d.households = 0;
	d.capacity = 0;
	d.supply = 0;
	d.tag_count = 0;
	d.tags = tags;
	assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_OK);
	assert_int_equal(mkg_model_actor_at(m, 2, &out), MKG_OK);
	assert_int_equal(out.households, 0);
	assert_true(out.capacity == 0.0);
	assert_true(out.supply == 0.0);
	assert_null(out.tags); /* an empty list reads as absent, as the add takes it */
	assert_int_equal(out.tag_count, 0);
	assert_int_equal(mkg_model_actor_count(m), 3);
	mkg_model_free(m);
}

static void
test_every_actor_kind(void **state)
{
	mkg_model *m = NULL;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++) {
		mkg_actor_desc d = actor(mkg_actor_kind_name((mkg_actor_kind)k), (mkg_actor_kind)k);
		size_t index;
		assert_int_equal(mkg_model_add_actor(m, &d, &index), MKG_OK);
		assert_int_equal(index, (size_t)k);
		assert_int_equal(read_actor(m, index).kind, k);
	}
	assert_int_equal(mkg_model_actor_count(m), 17);
	mkg_model_free(m);
}

static void
test_transaction_every_field(void **state)
{
	mkg_model *m = base_model();
	mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT, out = MKG_TRANSACTION_DESC_INIT;
	size_t index = 99;

	(void)state;
	d.id = "t-17";
	d.seller = "p1";
	d.buyer = "e1";
	d.commodity = "native-potato";
	d.volume = 320;
	d.value = 256000.25;
	d.period = "2002";
	d.contract = MKG_CONTRACT_CONTRACT_FARMING;
	d.service = 0;
	d.capacity = 400;
	d.attributes = "{\"note\": \"\\u00e9t\\u00e9\"}";
	assert_int_equal(mkg_model_add_transaction(m, &d, &index), MKG_OK);
	assert_int_equal(index, 1);
	assert_int_equal(mkg_model_transaction_at(m, 1, &out), MKG_OK);
	assert_int_equal(out.version, MKG_TRANSACTION_DESC_VERSION);
	assert_string_equal(out.id, "t-17");
	assert_string_equal(out.seller, "p1"); /* actors[0] */
	assert_string_equal(out.buyer, "e1");  /* actors[2] */
	assert_string_equal(out.commodity, "native-potato");
	assert_true(out.volume == 320.0);
	assert_true(out.value == 256000.25);
	assert_string_equal(out.period, "2002");
	assert_int_equal(out.contract, MKG_CONTRACT_CONTRACT_FARMING);
	assert_int_equal(out.service, 0);
	assert_true(out.capacity == 400.0);
	assert_string_equal(out.attributes, "{\"note\":\"\xc3\xa9t\xc3\xa9\"}");

	/* A service with only a value, no period of its own. */
	d = transaction("t-18", "t1", "p1", MKG_ABSENT);
	d.commodity = "transport";
	d.value = 50;
	d.service = 7; /* any nonzero */
	d.contract = MKG_CONTRACT_EMBEDDED_SERVICE;
	assert_int_equal(mkg_model_add_transaction(m, &d, &index), MKG_OK);
	assert_int_equal(index, 2);
	assert_int_equal(mkg_model_transaction_at(m, 2, &out), MKG_OK);
	assert_string_equal(out.id, "t-18");
	assert_string_equal(out.commodity, "transport");
	assert_true(MKG_IS_ABSENT(out.volume));
	assert_true(out.value == 50.0);
	assert_int_equal(out.service, 1); /* normalised */
	assert_int_equal(out.contract, MKG_CONTRACT_EMBEDDED_SERVICE);
	assert_true(MKG_IS_ABSENT(out.capacity));
	assert_null(out.attributes);
	/* No period of its own: NULL, and the model's period stands in (the
	 * record does not copy it, so it follows the model's). */
	assert_null(out.period);
	assert_string_equal(mkg_model_period(m), "2012");
	assert_int_equal(mkg_model_set_period(m, "2013"), MKG_OK);
	assert_null(read_tx(m, 2).period);
	assert_string_equal(mkg_model_period(m), "2013");
	assert_string_equal(read_tx(m, 1).period, "2002");
	/* The default contract is spot. */
	assert_int_equal(read_tx(m, 0).contract, MKG_CONTRACT_SPOT);
	mkg_model_free(m);
}

static void
test_facilitation_every_field(void **state)
{
	mkg_model *m = base_model();
	const char *targets[] = { "t1", "p1" };
	const char *txs[] = { "tx1" };
	const mkg_payment paid_by[] = { { "prog", 0.7 }, { "t1", 0.3 } };
	mkg_facilitation_desc d = MKG_FACILITATION_DESC_INIT, out = MKG_FACILITATION_DESC_INIT;
	size_t index = 99;

	(void)state;
	d.id = "f-pmca";
	d.facilitator = "prog";
	d.type = MKG_FACILITATION_TEMPORARY;
	d.function = MKG_FUNCTION_LINKAGES;
	d.target_actors = targets;
	d.target_actor_count = 2;
	d.target_transactions = txs;
	d.target_transaction_count = 1;
	d.start = "2001";
	d.end = "2005-06-30";
	d.exit = MKG_EXIT_COMMERCIAL;
	d.successor = "t1";
	d.cost = 120000;
	d.paid_by = paid_by;
	d.paid_by_count = 2;
	d.attributes = "{}";
	assert_int_equal(mkg_model_add_facilitation(m, &d, &index), MKG_OK);
	assert_int_equal(index, 1);
	assert_int_equal(mkg_model_facilitation_at(m, 1, &out), MKG_OK);
	assert_int_equal(out.version, MKG_FACILITATION_DESC_VERSION);
	assert_string_equal(out.id, "f-pmca");
	assert_string_equal(out.facilitator, "prog"); /* actors[3] */
	assert_int_equal(out.type, MKG_FACILITATION_TEMPORARY);
	assert_int_equal(out.function, MKG_FUNCTION_LINKAGES);
	assert_int_equal(out.target_actor_count, 2);
	assert_string_equal(out.target_actors[0], "t1"); /* in the order given */
	assert_string_equal(out.target_actors[1], "p1");
	assert_int_equal(out.target_transaction_count, 1);
	assert_string_equal(out.target_transactions[0], "tx1");
	assert_string_equal(out.start, "2001");
	assert_string_equal(out.end, "2005-06-30");
	assert_int_equal(out.exit, MKG_EXIT_COMMERCIAL);
	assert_string_equal(out.successor, "t1");
	assert_true(out.cost == 120000.0);
	assert_int_equal(out.paid_by_count, 2);
	assert_true(out.paid_by != paid_by); /* the model's copies */
	assert_string_equal(out.paid_by[0].actor, "prog");
	assert_true(out.paid_by[0].share == 0.7);
	assert_string_equal(out.paid_by[1].actor, "t1");
	assert_true(out.paid_by[1].share == 0.3);
	assert_string_equal(out.attributes, "{}");

	/* The base record, read over the one above: public, one target,
	 * nothing optional. */
	assert_int_equal(mkg_model_facilitation_at(m, 0, &out), MKG_OK);
	assert_string_equal(out.id, "f-1");
	assert_string_equal(out.facilitator, "prog");
	assert_int_equal(out.type, MKG_FACILITATION_PUBLIC);
	assert_int_equal(out.function, MKG_FUNCTION_INFORMATION);
	assert_int_equal(out.target_actor_count, 1);
	assert_string_equal(out.target_actors[0], "p1");
	assert_null(out.target_transactions);
	assert_int_equal(out.target_transaction_count, 0);
	assert_null(out.start);
	assert_null(out.end);
	assert_int_equal(out.exit, MKG_EXIT_NONE);
	assert_null(out.successor);
	assert_true(MKG_IS_ABSENT(out.cost));
	assert_null(out.paid_by);
	assert_int_equal(out.paid_by_count, 0);
	assert_null(out.attributes);

	/* Transactions only; a public-exit successor; fade-out needs none. */
	d = facilitation("f-tx", "prog");
	d.target_actors = NULL;
	d.target_actor_count = 0;
	d.target_transactions = txs;
	d.target_transaction_count = 1;
	d.type = MKG_FACILITATION_TEMPORARY;
	d.end = "2010";
	d.exit = MKG_EXIT_PUBLIC;
	d.successor = "e1";
	assert_int_equal(mkg_model_add_facilitation(m, &d, NULL), MKG_OK);
	out = read_fac(m, 2);
	assert_null(out.target_actors);
	assert_int_equal(out.target_actor_count, 0);
	assert_string_equal(out.target_transactions[0], "tx1");
	assert_int_equal(out.exit, MKG_EXIT_PUBLIC);
	assert_string_equal(out.successor, "e1"); /* actors[2] */
	d = facilitation("f-fade", "prog");
	d.type = MKG_FACILITATION_TEMPORARY;
	d.exit = MKG_EXIT_FADE_OUT;
	d.start = "2010-02";
	d.end = "2010-02"; /* the same month: not before the start */
	assert_int_equal(mkg_model_add_facilitation(m, &d, NULL), MKG_OK);
	out = read_fac(m, 3);
	assert_int_equal(out.exit, MKG_EXIT_FADE_OUT);
	assert_null(out.successor);
	assert_string_equal(out.start, "2010-02");
	assert_string_equal(out.end, "2010-02");
	assert_int_equal(mkg_model_facilitation_count(m), 4);
	mkg_model_free(m);
}

static void
test_membership_every_field(void **state)
{
	mkg_model *m = base_model();
	mkg_membership_desc d = membership("prog", "p1"), out = MKG_MEMBERSHIP_DESC_INIT;
	size_t index = 99;

	(void)state;
	d.since = "2009-07-01";
	d.role = "chair";
	assert_int_equal(mkg_model_add_membership(m, &d, &index), MKG_OK);
	assert_int_equal(index, 1);
	assert_int_equal(mkg_model_membership_at(m, 1, &out), MKG_OK);
	assert_int_equal(out.version, MKG_MEMBERSHIP_DESC_VERSION);
	assert_string_equal(out.group, "prog"); /* actors[3] */
	assert_string_equal(out.member, "p1");  /* actors[0] */
	assert_string_equal(out.since, "2009-07-01");
	assert_string_equal(out.role, "chair");
	assert_int_equal(mkg_model_membership_at(m, 0, &out), MKG_OK);
	assert_string_equal(out.group, "prog");
	assert_string_equal(out.member, "t1");
	assert_null(out.since);
	assert_null(out.role);
	/* The reverse pair is a different membership. */
	d = membership("p1", "prog");
	assert_int_equal(mkg_model_add_membership(m, &d, &index), MKG_OK);
	assert_int_equal(index, 2);
	assert_int_equal(mkg_model_membership_count(m), 3);
	mkg_model_free(m);
}

/* ---- order, lookups, generated ids --------------------------------------- */

static void
test_insertion_order_and_lookup(void **state)
{
	mkg_model *m = NULL;
	enum { N = 1000 };

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	/* Ids in an order that is neither sorted nor hash order. */
	for (int i = 0; i < N; i++) {
		char id[32];
		mkg_actor_desc d;
		size_t index;
		g_snprintf(id, sizeof id, "a%d", (i * 7919) % N);
		d = actor(id, MKG_ACTOR_TRADER);
		assert_int_equal(mkg_model_add_actor(m, &d, &index), MKG_OK);
		assert_int_equal(index, (size_t)i);
	}
	for (int i = 0; i < N - 1; i++) {
		char id[32];
		char a[32], b[32];
		mkg_transaction_desc d;
		g_snprintf(id, sizeof id, "x%d", N - i);
		g_snprintf(a, sizeof a, "a%d", (i * 7919) % N);
		g_snprintf(b, sizeof b, "a%d", ((i + 1) * 7919) % N);
		d = transaction(id, a, b, i);
		assert_int_equal(mkg_model_add_transaction(m, &d, NULL), MKG_OK);
	}
	assert_int_equal(mkg_model_actor_count(m), N);
	assert_int_equal(mkg_model_transaction_count(m), N - 1);
	for (int i = 0; i < N; i++) {
		char id[32];
		size_t index = MKG_NONE;
		g_snprintf(id, sizeof id, "a%d", (i * 7919) % N);
		assert_string_equal(read_actor(m, (size_t)i).id, id);
		assert_int_equal(mkg_model_find_actor(m, id, &index), MKG_OK);
		assert_int_equal(index, (size_t)i);
	}
	for (int i = 0; i < N - 1; i++) {
		char id[32], a[32], b[32];
		size_t index = MKG_NONE;
		mkg_transaction_desc t = read_tx(m, (size_t)i);
		g_snprintf(id, sizeof id, "x%d", N - i);
		g_snprintf(a, sizeof a, "a%d", (i * 7919) % N);       /* actors[i] */
		g_snprintf(b, sizeof b, "a%d", ((i + 1) * 7919) % N); /* actors[i + 1] */
		assert_string_equal(t.id, id);
		assert_int_equal(mkg_model_find_transaction(m, id, &index), MKG_OK);
		assert_int_equal(index, (size_t)i);
		assert_string_equal(t.seller, a);
		assert_string_equal(t.buyer, b);
		assert_int_equal(actor_index(m, t.seller), (size_t)i);
		assert_int_equal(actor_index(m, t.buyer), (size_t)i + 1);
		assert_true(t.volume == (double)i);
	}
	mkg_model_free(m);
}

static void
test_find_records(void **state)
{
	mkg_model *m = base_model();
	size_t index = 77;

	(void)state;
	assert_int_equal(mkg_model_find_actor(m, "e1", &index), MKG_OK);
	assert_int_equal(index, 2);
	assert_int_equal(mkg_model_find_transaction(m, "tx1", &index), MKG_OK);
	assert_int_equal(index, 0);
	assert_int_equal(mkg_model_find_facilitation(m, "f-1", &index), MKG_OK);
	assert_int_equal(index, 0);
	assert_int_equal(mkg_model_find_membership(m, "prog", "t1", &index), MKG_OK);
	assert_int_equal(index, 0);

	index = 77;
	assert_failure(mkg_model_find_actor(m, "E1", &index), MKG_ENOTFOUND, "no actor \"E1\"");
	assert_failure(mkg_model_find_actor(m, "", &index), MKG_ENOTFOUND, "no actor \"\"");
	/* Each kind of id has its own namespace. */
	assert_failure(mkg_model_find_actor(m, "tx1", &index), MKG_ENOTFOUND, "no actor \"tx1\"");
	assert_failure(mkg_model_find_transaction(m, "p1", &index), MKG_ENOTFOUND,
	               "no transaction \"p1\"");
	assert_failure(mkg_model_find_facilitation(m, "f-2", &index), MKG_ENOTFOUND,
	               "no facilitation record \"f-2\"");
	assert_failure(mkg_model_find_membership(m, "t1", "prog", &index), MKG_ENOTFOUND,
	               "no membership of \"prog\" in \"t1\"");
	assert_failure(mkg_model_find_membership(m, "prog", "nobody", &index), MKG_ENOTFOUND,
	               "no membership of \"nobody\" in \"prog\"");
	assert_int_equal(index, 77);
	mkg_model_free(m);
}

static void
test_generated_ids(void **state)
{
	mkg_model *m = base_model();
	mkg_transaction_desc t = transaction(NULL, "p1", "t1", 1);
	mkg_facilitation_desc f = facilitation(NULL, "prog");
	size_t index;

	(void)state;
	/* t<N> and f<N>, N the 1-based position. */
	assert_int_equal(mkg_model_add_transaction(m, &t, &index), MKG_OK);
	assert_string_equal(read_tx(m, index).id, "t2");
	assert_int_equal(mkg_model_add_facilitation(m, &f, &index), MKG_OK);
	assert_string_equal(read_fac(m, index).id, "f2");
	assert_int_equal(mkg_model_find_transaction(m, "t2", &index), MKG_OK);
	assert_int_equal(index, 1);
	assert_int_equal(mkg_model_find_facilitation(m, "f2", &index), MKG_OK);
	assert_int_equal(index, 1);

	/* A given id that a later position would generate collides then. */
	t.id = "t4";
	assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK); /* position 3 */
	t.id = NULL;
	assert_failure(mkg_model_add_transaction(m, &t, NULL), MKG_EDATA,
	               "transactions[3].id: generated duplicate id \"t4\" (first at transactions[2])");
	f.id = "f4";
	assert_int_equal(mkg_model_add_facilitation(m, &f, NULL), MKG_OK);
	f.id = NULL;
	assert_failure(mkg_model_add_facilitation(m, &f, NULL), MKG_EDATA,
	               "facilitation[3].id: generated duplicate id \"f4\" (first at facilitation[2])");
	assert_int_equal(mkg_model_transaction_count(m), 3);
	assert_int_equal(mkg_model_facilitation_count(m), 3);
	mkg_model_free(m);
}

static void
test_desc_init(void **state)
{
	mkg_actor_desc a;
	mkg_transaction_desc t;
	mkg_facilitation_desc f;
	mkg_membership_desc ms;

	(void)state;
	memset(&a, 0x5a, sizeof a);
	memset(&t, 0x5a, sizeof t);
	memset(&f, 0x5a, sizeof f);
	memset(&ms, 0x5a, sizeof ms);
	assert_int_equal(mkg_actor_desc_init(&a, MKG_ACTOR_DESC_VERSION), MKG_OK);
	assert_int_equal(a.version, MKG_ACTOR_DESC_VERSION);
	assert_null(a.id);
	assert_null(a.name);
	assert_int_equal(a.kind, MKG_ACTOR_KIND_UNSET);
	assert_null(a.region);
	assert_int_equal(a.households, -1);
	assert_true(MKG_IS_ABSENT(a.capacity) && MKG_IS_ABSENT(a.supply) && MKG_IS_ABSENT(a.demand));
	assert_null(a.tags);
	assert_int_equal(a.tag_count, 0);
	assert_null(a.attributes);

	assert_int_equal(mkg_transaction_desc_init(&t, MKG_TRANSACTION_DESC_VERSION), MKG_OK);
	assert_int_equal(t.version, MKG_TRANSACTION_DESC_VERSION);
	assert_null(t.id);
	assert_null(t.seller);
	assert_null(t.buyer);
	assert_null(t.commodity);
	assert_true(MKG_IS_ABSENT(t.volume) && MKG_IS_ABSENT(t.value) && MKG_IS_ABSENT(t.capacity));
	assert_null(t.period);
	assert_int_equal(t.contract, MKG_CONTRACT_SPOT);
	assert_int_equal(t.service, 0);
	assert_null(t.attributes);

	assert_int_equal(mkg_facilitation_desc_init(&f, MKG_FACILITATION_DESC_VERSION), MKG_OK);
	assert_int_equal(f.version, MKG_FACILITATION_DESC_VERSION);
	assert_null(f.id);
	assert_null(f.facilitator);
	assert_int_equal(f.type, MKG_FACILITATION_TYPE_UNSET);
	assert_int_equal(f.function, MKG_FUNCTION_UNSET);
	assert_null(f.target_actors);
	assert_int_equal(f.target_actor_count, 0);
	assert_null(f.target_transactions);
	assert_int_equal(f.target_transaction_count, 0);
	assert_null(f.start);
	assert_null(f.end);
	assert_int_equal(f.exit, MKG_EXIT_NONE);
	assert_null(f.successor);
	assert_true(MKG_IS_ABSENT(f.cost));
	assert_null(f.paid_by);
	assert_int_equal(f.paid_by_count, 0);
	assert_null(f.attributes);

	assert_int_equal(mkg_membership_desc_init(&ms, MKG_MEMBERSHIP_DESC_VERSION), MKG_OK);
	assert_int_equal(ms.version, MKG_MEMBERSHIP_DESC_VERSION);
	assert_null(ms.group);
	assert_null(ms.member);
	assert_null(ms.since);
	assert_null(ms.role);

	/* A version this library does not know; NULL. *desc is left alone. */
	memset(&ms, 0x5a, sizeof ms);
	assert_failure(mkg_actor_desc_init(&a, 2), MKG_EINVAL, "mkg_actor_desc_init: unknown version 2");
	assert_failure(mkg_transaction_desc_init(&t, 0), MKG_EINVAL,
	               "mkg_transaction_desc_init: unknown version 0");
	assert_failure(mkg_facilitation_desc_init(&f, 99), MKG_EINVAL,
	               "mkg_facilitation_desc_init: unknown version 99");
	assert_failure(mkg_membership_desc_init(&ms, 2), MKG_EINVAL,
	               "mkg_membership_desc_init: unknown version 2");
	assert_int_equal(ms.version, 0x5a5a5a5a);
	assert_null_arg(mkg_actor_desc_init(NULL, MKG_ACTOR_DESC_VERSION));
	assert_null_arg(mkg_transaction_desc_init(NULL, MKG_TRANSACTION_DESC_VERSION));
	assert_null_arg(mkg_facilitation_desc_init(NULL, MKG_FACILITATION_DESC_VERSION));
	assert_null_arg(mkg_membership_desc_init(NULL, MKG_MEMBERSHIP_DESC_VERSION));
}

/* ---- validation rules, each with its message ------------------------------ */

static void
test_actor_rules(void **state)
{
	fixture *f = *state;
	char long_id[258];
	const char *tags_with_null[] = { "ok", NULL };
	mkg_actor_desc d;

	memset(long_id, 'a', 257);
	long_id[257] = '\0';

	d = actor("p1", MKG_ACTOR_OTHER);
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].id: duplicate id \"p1\" (first at actors[0])");
	d = actor("prog", MKG_ACTOR_OTHER);
	REJECT(mkg_model_add_actor, d, MKG_EDATA,
	       "actors[4].id: duplicate id \"prog\" (first at actors[3])");
	d = actor(NULL, MKG_ACTOR_OTHER);
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].id: missing (required)");
	d = actor("", MKG_ACTOR_OTHER);
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].id: must be 1 to 256 bytes long, got 0");
	d = actor(long_id, MKG_ACTOR_OTHER);
	REJECT(mkg_model_add_actor, d, MKG_EDATA,
	       "actors[4].id: must be 1 to 256 bytes long, got 257");
	d = actor("bad\xff", MKG_ACTOR_OTHER);
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].id: not valid UTF-8");
	d = actor("x", MKG_ACTOR_OTHER);
	d.name = "caf\xc3";
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].name: not valid UTF-8");
	d = actor("x", MKG_ACTOR_KIND_UNSET);
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].kind: missing (required)");
	d = actor("x", (mkg_actor_kind)MKG_ACTOR_KIND_COUNT);
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].kind: invalid kind 17");
	d = actor("x", (mkg_actor_kind)-7);
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].kind: invalid kind -7");
	d = actor("x", MKG_ACTOR_OTHER);
	d.region = "\xed\xa0\x80"; /* an encoded surrogate is not UTF-8 */
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].region: not valid UTF-8");
	d = actor("x", MKG_ACTOR_OTHER);
	d.households = -2;
	REJECT(mkg_model_add_actor, d, MKG_EDATA,
	       "actors[4].households: must be an integer >= 0, got -2");
	d = actor("x", MKG_ACTOR_OTHER);
	d.capacity = -5;
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].capacity: must be a number >= 0, got -5");
	d = actor("x", MKG_ACTOR_OTHER);
	d.capacity = (double)INFINITY;
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].capacity: must be a number >= 0, got inf");
	d = actor("x", MKG_ACTOR_PRODUCER);
	d.supply = -0.5;
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].supply: must be a number >= 0, got -0.5");
	d = actor("x", MKG_ACTOR_END_MARKET);
	d.demand = -(double)INFINITY;
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].demand: must be a number >= 0, got -inf");
	d = actor("x", MKG_ACTOR_TRADER);
	d.supply = 10;
	REJECT(mkg_model_add_actor, d, MKG_EDATA,
	       "actors[4].supply: only producers have a supply, this actor is trader");
	d = actor("x", MKG_ACTOR_PRODUCER);
	d.demand = 10;
	REJECT(mkg_model_add_actor, d, MKG_EDATA,
	       "actors[4].demand: only end markets have a demand, this actor is producer");
	d = actor("x", MKG_ACTOR_OTHER);
	d.tags = tags_with_null;
	d.tag_count = 2;
	REJECT(mkg_model_add_actor, d, MKG_EDATA, "actors[4].tags[1]: missing (required)");
	d = actor("x", MKG_ACTOR_OTHER);
	d.tag_count = 3;
	REJECT(mkg_model_add_actor, d, MKG_EINVAL, "actors[4].tags: tag_count is 3 but tags is NULL");
	d = actor("x", MKG_ACTOR_OTHER);
	d.version = 2;
	REJECT(mkg_model_add_actor, d, MKG_EINVAL, "mkg_model_add_actor: unknown description version 2");

	/* attributes must be one JSON object; the message names the record. */
	d = actor("x", MKG_ACTOR_OTHER);
	d.attributes = "[]";
	mkg_error_clear();
	assert_int_equal(mkg_model_add_actor(f->m, &d, NULL), MKG_EDATA);
	assert_true(g_str_has_prefix(mkg_error_message(), "actors[4].attributes: "));
	assert_unchanged(f);
	d.attributes = "{\"a\": NaN}";
	assert_int_equal(mkg_model_add_actor(f->m, &d, NULL), MKG_EDATA);
	assert_true(g_str_has_prefix(mkg_error_message(), "actors[4].attributes: "));
	assert_unchanged(f);

	/* After all these failures the next index is still 4. */
	d = actor("x", MKG_ACTOR_OTHER);
	{
		size_t index;
		assert_int_equal(mkg_model_add_actor(f->m, &d, &index), MKG_OK);
		assert_int_equal(index, 4);
	}
}

static void
test_transaction_rules(void **state)
{
	fixture *f = *state;
	mkg_transaction_desc d;

	d = transaction("tx1", "p1", "t1", 1);
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1].id: duplicate id \"tx1\" (first at transactions[0])");
	d = transaction("", "p1", "t1", 1);
	REJECT(mkg_model_add_transaction, d, MKG_EDATA, "transactions[1].id: must not be empty");
	d = transaction("\xc0\xaf", "p1", "t1", 1);
	REJECT(mkg_model_add_transaction, d, MKG_EDATA, "transactions[1].id: not valid UTF-8");
	d = transaction("t", NULL, "t1", 1);
	REJECT(mkg_model_add_transaction, d, MKG_EDATA, "transactions[1].seller: missing (required)");
	d = transaction("t", "p1", NULL, 1);
	REJECT(mkg_model_add_transaction, d, MKG_EDATA, "transactions[1].buyer: missing (required)");
	d = transaction("t", "nobody", "t1", 1);
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1].seller: unknown actor \"nobody\"");
	d = transaction("t", "p1", "trader-9", 1);
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1].buyer: unknown actor \"trader-9\"");
	d = transaction("t", "p1", "p1", 1);
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1].buyer: same actor as the seller \"p1\"");
	d = transaction("t", "p1", "t1", 1);
	d.commodity = NULL;
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1].commodity: missing (required)");
	d.commodity = "";
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1].commodity: must not be empty");
	d.commodity = "ma\xffze";
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1].commodity: not valid UTF-8");
	d = transaction("t", "p1", "t1", MKG_ABSENT);
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1]: needs a volume or a value (or both)");
	d = transaction("t", "p1", "t1", -5);
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1].volume: must be a number >= 0, got -5");
	d = transaction("t", "p1", "t1", (double)INFINITY);
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1].volume: must be a number >= 0, got inf");
	d = transaction("t", "p1", "t1", 1);
	d.value = -0.25;
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1].value: must be a number >= 0, got -0.25");
	d = transaction("t", "p1", "t1", 1);
	d.period = "\xff";
	REJECT(mkg_model_add_transaction, d, MKG_EDATA, "transactions[1].period: not valid UTF-8");
	d = transaction("t", "p1", "t1", 1);
	d.contract = (mkg_contract)MKG_CONTRACT_COUNT;
	REJECT(mkg_model_add_transaction, d, MKG_EDATA, "transactions[1].contract: invalid contract 6");
	d = transaction("t", "p1", "t1", 1);
	d.capacity = -1e300;
	REJECT(mkg_model_add_transaction, d, MKG_EDATA,
	       "transactions[1].capacity: must be a number >= 0, got -1e+300");
	d = transaction("t", "p1", "t1", 1);
	d.version = 0;
	REJECT(mkg_model_add_transaction, d, MKG_EINVAL,
	       "mkg_model_add_transaction: unknown description version 0");
	d = transaction("t", "p1", "t1", 1);
	d.attributes = "{\"unterminated\": ";
	mkg_error_clear();
	assert_int_equal(mkg_model_add_transaction(f->m, &d, NULL), MKG_EDATA);
	assert_true(g_str_has_prefix(mkg_error_message(), "transactions[1].attributes: "));
	assert_unchanged(f);
}

static void
test_facilitation_rules(void **state)
{
	fixture *f = *state;
	const char *two_same[] = { "p1", "p1" };
	const char *unknown[] = { "nobody" };
	const char *with_null[] = { NULL };
	const char *txs_twice[] = { "tx1", "tx1" };
	const char *unknown_tx[] = { "tx-9" };
	const mkg_payment short_sum[] = { { "prog", 0.5 }, { "t1", 0.3 } };
	const mkg_payment too_big[] = { { "prog", 1.5 } };
	const mkg_payment nan_share[] = { { "prog", (double)NAN } };
	const mkg_payment twice[] = { { "prog", 0.5 }, { "prog", 0.5 } };
	const mkg_payment unknown_payer[] = { { "prog", 0.5 }, { "donor", 0.5 } };
	const mkg_payment within[] = { { "prog", 0.7 }, { "t1", 0.2 }, { "p1", 0.1 } };
	mkg_facilitation_desc d;

	d = facilitation("f-1", "prog");
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].id: duplicate id \"f-1\" (first at facilitation[0])");
	d = facilitation("", "prog");
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA, "facilitation[1].id: must not be empty");
	d = facilitation("f", NULL);
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].facilitator: missing (required)");
	d = facilitation("f", "papa-andina");
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].facilitator: unknown actor \"papa-andina\"");
	d = facilitation("f", "prog");
	d.type = MKG_FACILITATION_TYPE_UNSET;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA, "facilitation[1].type: missing (required)");
	d.type = (mkg_facilitation_type)3;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA, "facilitation[1].type: invalid type 3");
	d = facilitation("f", "prog");
	d.function = MKG_FUNCTION_UNSET;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].function: missing (required)");
	d.function = (mkg_function)MKG_FUNCTION_COUNT;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].function: invalid function 13");
	d = facilitation("f", "prog");
	d.target_actors = NULL;
	d.target_actor_count = 0;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].targets: needs at least one actor or transaction");
	d.target_actor_count = 2;
	REJECT(mkg_model_add_facilitation, d, MKG_EINVAL,
	       "facilitation[1].targets.actors: count is 2 but the array is NULL");
	d = facilitation("f", "prog");
	d.target_actors = unknown;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].targets.actors[0]: unknown actor \"nobody\"");
	d.target_actors = with_null;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].targets.actors[0]: missing (required)");
	d.target_actors = two_same;
	d.target_actor_count = 2;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].targets.actors[1]: \"p1\" is targeted twice");
	d = facilitation("f", "prog");
	d.target_transactions = unknown_tx;
	d.target_transaction_count = 1;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].targets.transactions[0]: unknown transaction \"tx-9\"");
	d.target_transactions = txs_twice;
	d.target_transaction_count = 2;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].targets.transactions[1]: \"tx1\" is targeted twice");
	d.target_transactions = NULL;
	d.target_transaction_count = 1;
	REJECT(mkg_model_add_facilitation, d, MKG_EINVAL,
	       "facilitation[1].targets.transactions: count is 1 but the array is NULL");

	/* Dates. */
	d = facilitation("f", "prog");
	d.start = "2010-13";
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].start: \"2010-13\" is not a date, expected YYYY, YYYY-MM or YYYY-MM-DD");
	d.start = "2011-02-29"; /* not a leap year */
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].start: \"2011-02-29\" is not a date, expected YYYY, YYYY-MM or "
	       "YYYY-MM-DD");
	d.start = "2012-02-29"; /* a leap year */
	d.end = "2010-Q3";
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].end: \"2010-Q3\" is not a date, expected YYYY, YYYY-MM or YYYY-MM-DD");
	d.end = "2012-02-28";
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].end: \"2012-02-28\" is before the start \"2012-02-29\"");
	d.start = "2005";
	d.end = "2004-12-31";
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].end: \"2004-12-31\" is before the start \"2005\"");
	d.end = "\xff";
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA, "facilitation[1].end: not valid UTF-8");

	/* Exit and successor. */
	d = facilitation("f", "prog");
	d.exit = MKG_EXIT_FADE_OUT; /* the base record is public */
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].exit: only temporary facilitation has an exit, this record is public");
	d.type = MKG_FACILITATION_COMMERCIAL;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].exit: only temporary facilitation has an exit, this record is "
	       "commercial");
	d.type = MKG_FACILITATION_TEMPORARY;
	d.exit = (mkg_exit)MKG_EXIT_COUNT;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA, "facilitation[1].exit: invalid exit 4");
	d.exit = MKG_EXIT_COMMERCIAL;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].successor: missing, required when exit is \"commercial\"");
	d.exit = MKG_EXIT_PUBLIC;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].successor: missing, required when exit is \"public\"");
	d.successor = "ministry";
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].successor: unknown actor \"ministry\"");
	d.successor = "t1";
	d.exit = MKG_EXIT_FADE_OUT;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].successor: only allowed when exit is \"commercial\" or \"public\"");
	d.exit = MKG_EXIT_NONE;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].successor: only allowed when exit is \"commercial\" or \"public\"");

	/* Cost and payments. */
	d = facilitation("f", "prog");
	d.cost = -1;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].cost: must be a number >= 0, got -1");
	d = facilitation("f", "prog");
	d.paid_by = short_sum;
	d.paid_by_count = 2;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].paid_by: shares sum to 0.8, expected 1");
	d.paid_by_count = 0; /* present but empty */
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].paid_by: shares sum to 0, expected 1");
	d.paid_by = too_big;
	d.paid_by_count = 1;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].paid_by[0].share: must be a number in [0, 1], got 1.5");
	d.paid_by = nan_share;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].paid_by[0].share: must be a number in [0, 1], got nan");
	d.paid_by = twice;
	d.paid_by_count = 2;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].paid_by[1].actor: \"prog\" pays twice (also paid_by[0])");
	d.paid_by = unknown_payer;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].paid_by[1].actor: unknown actor \"donor\"");
	d.paid_by = NULL;
	REJECT(mkg_model_add_facilitation, d, MKG_EINVAL,
	       "facilitation[1].paid_by: count is 2 but the array is NULL");
	d = facilitation("f", "prog");
	d.version = 7;
	REJECT(mkg_model_add_facilitation, d, MKG_EINVAL,
	       "mkg_model_add_facilitation: unknown description version 7");
	d = facilitation("f", "prog");
	d.attributes = "\"text\"";
	mkg_error_clear();
	assert_int_equal(mkg_model_add_facilitation(f->m, &d, NULL), MKG_EDATA);
	assert_true(g_str_has_prefix(mkg_error_message(), "facilitation[1].attributes: "));
	assert_unchanged(f);

	/* 0.7 + 0.2 + 0.1 is 0.9999999999999999 in doubles: within 1e-9 of 1. */
	d = facilitation("f", "prog");
	d.paid_by = within;
	d.paid_by_count = 3;
	assert_int_equal(mkg_model_add_facilitation(f->m, &d, NULL), MKG_OK);
	assert_int_equal(read_fac(f->m, 1).paid_by_count, 3);
}

static void
test_membership_rules(void **state)
{
	fixture *f = *state;
	mkg_membership_desc d;

	d = membership("prog", "t1");
	REJECT(mkg_model_add_membership, d, MKG_EDATA,
	       "memberships[1]: duplicate membership of \"t1\" in \"prog\" (first at memberships[0])");
	d = membership(NULL, "t1");
	REJECT(mkg_model_add_membership, d, MKG_EDATA, "memberships[1].group: missing (required)");
	d = membership("prog", NULL);
	REJECT(mkg_model_add_membership, d, MKG_EDATA, "memberships[1].member: missing (required)");
	d = membership("dmb-kasese", "t1");
	REJECT(mkg_model_add_membership, d, MKG_EDATA,
	       "memberships[1].group: unknown actor \"dmb-kasese\"");
	d = membership("prog", "trader-07");
	REJECT(mkg_model_add_membership, d, MKG_EDATA,
	       "memberships[1].member: unknown actor \"trader-07\"");
	d = membership("prog", "prog");
	REJECT(mkg_model_add_membership, d, MKG_EDATA,
	       "memberships[1].member: \"prog\" cannot be a member of itself");
	d = membership("prog", "p1");
	d.since = "09-2009";
	REJECT(mkg_model_add_membership, d, MKG_EDATA,
	       "memberships[1].since: \"09-2009\" is not a date, expected YYYY, YYYY-MM or YYYY-MM-DD");
	d.since = "2009-04-31";
	REJECT(mkg_model_add_membership, d, MKG_EDATA,
	       "memberships[1].since: \"2009-04-31\" is not a date, expected YYYY, YYYY-MM or "
	       "YYYY-MM-DD");
	d.since = NULL;
	d.role = "ch\xe9ir";
	REJECT(mkg_model_add_membership, d, MKG_EDATA, "memberships[1].role: not valid UTF-8");
	d = membership("prog", "p1");
	d.version = 2;
	REJECT(mkg_model_add_membership, d, MKG_EINVAL,
	       "mkg_model_add_membership: unknown description version 2");
}

/* ---- NULL and out-of-range arguments --------------------------------------- */

static void
test_null_arguments(void **state)
{
	mkg_model *m = base_model();
	mkg_actor_desc a = actor("x", MKG_ACTOR_OTHER);
	mkg_transaction_desc t = transaction("t", "p1", "t1", 1);
	mkg_facilitation_desc f = facilitation("f", "prog");
	mkg_membership_desc ms = membership("prog", "p1");
	size_t index;

	(void)state;
	assert_null_arg(mkg_model_new(NULL));
	assert_null_arg(mkg_model_add_actor(NULL, &a, NULL));
	assert_null_arg(mkg_model_add_actor(m, NULL, NULL));
	assert_null_arg(mkg_model_add_transaction(NULL, &t, NULL));
	assert_null_arg(mkg_model_add_transaction(m, NULL, NULL));
	assert_null_arg(mkg_model_add_facilitation(NULL, &f, NULL));
	assert_null_arg(mkg_model_add_facilitation(m, NULL, NULL));
	assert_null_arg(mkg_model_add_membership(NULL, &ms, NULL));
	assert_null_arg(mkg_model_add_membership(m, NULL, NULL));
	assert_null_arg(mkg_model_find_actor(NULL, "p1", &index));
	assert_null_arg(mkg_model_find_actor(m, NULL, &index));
	assert_null_arg(mkg_model_find_actor(m, "p1", NULL));
	assert_null_arg(mkg_model_find_transaction(NULL, "tx1", &index));
	assert_null_arg(mkg_model_find_transaction(m, NULL, &index));
	assert_null_arg(mkg_model_find_transaction(m, "tx1", NULL));
	assert_null_arg(mkg_model_find_facilitation(NULL, "f-1", &index));
	assert_null_arg(mkg_model_find_facilitation(m, NULL, &index));
	assert_null_arg(mkg_model_find_facilitation(m, "f-1", NULL));
	assert_null_arg(mkg_model_find_membership(NULL, "prog", "t1", &index));
	assert_null_arg(mkg_model_find_membership(m, NULL, "t1", &index));
	assert_null_arg(mkg_model_find_membership(m, "prog", NULL, &index));
	assert_null_arg(mkg_model_find_membership(m, "prog", "t1", NULL));
	assert_null_arg(mkg_model_set_name(NULL, "x"));
	assert_null_arg(mkg_model_set_currency(NULL, "x"));
	assert_null_arg(mkg_model_set_volume_unit(NULL, "x"));
	assert_null_arg(mkg_model_set_period(NULL, "x"));
	assert_null_arg(mkg_model_set_attributes(NULL, "{}"));
	/* The argument is named in the message. */
	mkg_model_find_actor(m, NULL, &index);
	assert_non_null(strstr(mkg_error_message(), "'id'"));

	/* Reading records: the model and the out-parameter are required. */
	assert_failure(mkg_model_actor_at(NULL, 0, &a), MKG_EINVAL,
	               "mkg_model_actor_at: argument 'model' is NULL");
	assert_failure(mkg_model_actor_at(m, 0, NULL), MKG_EINVAL,
	               "mkg_model_actor_at: argument 'out' is NULL");
	assert_failure(mkg_model_transaction_at(NULL, 0, &t), MKG_EINVAL,
	               "mkg_model_transaction_at: argument 'model' is NULL");
	assert_failure(mkg_model_transaction_at(m, 0, NULL), MKG_EINVAL,
	               "mkg_model_transaction_at: argument 'out' is NULL");
	assert_failure(mkg_model_facilitation_at(NULL, 0, &f), MKG_EINVAL,
	               "mkg_model_facilitation_at: argument 'model' is NULL");
	assert_failure(mkg_model_facilitation_at(m, 0, NULL), MKG_EINVAL,
	               "mkg_model_facilitation_at: argument 'out' is NULL");
	assert_failure(mkg_model_membership_at(NULL, 0, &ms), MKG_EINVAL,
	               "mkg_model_membership_at: argument 'model' is NULL");
	assert_failure(mkg_model_membership_at(m, 0, NULL), MKG_EINVAL,
	               "mkg_model_membership_at: argument 'out' is NULL");
	/* ... and a failed read left its description as it was. */
	assert_string_equal(a.id, "x");
	assert_string_equal(t.id, "t");
	assert_string_equal(f.id, "f");
	assert_string_equal(ms.member, "p1");

	/* Getters take NULL for the model. */
	assert_int_equal(mkg_model_actor_count(NULL), 0);
	assert_int_equal(mkg_model_transaction_count(NULL), 0);
	assert_int_equal(mkg_model_facilitation_count(NULL), 0);
	assert_int_equal(mkg_model_membership_count(NULL), 0);
	assert_null(mkg_model_name(NULL));
	assert_null(mkg_model_currency(NULL));
	assert_null(mkg_model_volume_unit(NULL));
	assert_null(mkg_model_period(NULL));
	assert_null(mkg_model_attributes(NULL));
	assert_int_equal(mkg_model_equal(NULL, NULL), 1);
	assert_int_equal(mkg_model_equal(m, NULL), 0);
	assert_int_equal(mkg_model_equal(NULL, m), 0);
	/* Nothing was added by any of this. */
	assert_int_equal(mkg_model_actor_count(m), 4);
	mkg_model_free(m);
}

/* A read that fails: the status, the exact message, and *out byte for byte
 * as it was. */
#define REJECT_READ(fn, m, i, out, code, message)                                 \
	do {                                                                      \
		unsigned char before_[sizeof(out)];                               \
		unsigned int version_ = (out).version;                            \
		/* every byte defined, padding too, for the comparison */         \
		memset(&(out), 0x5a, sizeof(out));                                \
		(out).version = version_;                                         \
		memcpy(before_, &(out), sizeof(out));                             \
		assert_failure(fn((m), (i), &(out)), (code), (message));          \
		assert_memory_equal(before_, &(out), sizeof(out));                \
	} while (0)

static void
test_read_out_of_range(void **state)
{
	mkg_model *m = base_model();
	mkg_actor_desc a = actor("kept", MKG_ACTOR_OTHER);
	mkg_transaction_desc t = transaction("kept", "p1", "t1", 1);
	mkg_facilitation_desc f = facilitation("kept", "prog");
	mkg_membership_desc ms = membership("prog", "p1");
	mkg_model *empty = NULL;

	(void)state;
	/* The base model has 4 actors and 1 record of every other kind. */
	REJECT_READ(mkg_model_actor_at, m, 4, a, MKG_ENOTFOUND,
	            "mkg_model_actor_at: no actor at index 4 (the model has 4)");
	REJECT_READ(mkg_model_actor_at, m, 1000, a, MKG_ENOTFOUND,
	            "mkg_model_actor_at: no actor at index 1000 (the model has 4)");
	REJECT_READ(mkg_model_actor_at, m, MKG_NONE, a, MKG_ENOTFOUND,
	            "mkg_model_actor_at: no actor at index 18446744073709551615 (the model has 4)");
	REJECT_READ(mkg_model_transaction_at, m, 1, t, MKG_ENOTFOUND,
	            "mkg_model_transaction_at: no transaction at index 1 (the model has 1)");
	REJECT_READ(mkg_model_transaction_at, m, MKG_NONE, t, MKG_ENOTFOUND,
	            "mkg_model_transaction_at: no transaction at index 18446744073709551615 "
	            "(the model has 1)");
	REJECT_READ(mkg_model_facilitation_at, m, 1, f, MKG_ENOTFOUND,
	            "mkg_model_facilitation_at: no facilitation record at index 1 "
	            "(the model has 1)");
	REJECT_READ(mkg_model_facilitation_at, m, 5, f, MKG_ENOTFOUND,
	            "mkg_model_facilitation_at: no facilitation record at index 5 "
	            "(the model has 1)");
	REJECT_READ(mkg_model_membership_at, m, 1, ms, MKG_ENOTFOUND,
	            "mkg_model_membership_at: no membership at index 1 (the model has 1)");
	REJECT_READ(mkg_model_membership_at, m, 1000, ms, MKG_ENOTFOUND,
	            "mkg_model_membership_at: no membership at index 1000 (the model has 1)");

	/* An empty model has no index 0. */
	assert_int_equal(mkg_model_new(&empty), MKG_OK);
	REJECT_READ(mkg_model_actor_at, empty, 0, a, MKG_ENOTFOUND,
	            "mkg_model_actor_at: no actor at index 0 (the model has 0)");
	REJECT_READ(mkg_model_transaction_at, empty, 0, t, MKG_ENOTFOUND,
	            "mkg_model_transaction_at: no transaction at index 0 (the model has 0)");
	REJECT_READ(mkg_model_facilitation_at, empty, 0, f, MKG_ENOTFOUND,
	            "mkg_model_facilitation_at: no facilitation record at index 0 "
	            "(the model has 0)");
	REJECT_READ(mkg_model_membership_at, empty, 0, ms, MKG_ENOTFOUND,
	            "mkg_model_membership_at: no membership at index 0 (the model has 0)");
	mkg_model_free(empty);
	mkg_model_free(m);
}

/* The caller's version says which struct it passed: an unknown one is
 * refused before anything is written, even for an index that exists. */
static void
test_read_bad_version(void **state)
{
	mkg_model *m = base_model();
	mkg_actor_desc a = actor("kept", MKG_ACTOR_OTHER);
	mkg_transaction_desc t = transaction("kept", "p1", "t1", 1);
	mkg_facilitation_desc f = facilitation("kept", "prog");
	mkg_membership_desc ms = membership("prog", "p1");

	(void)state;
	a.version = 7;
	REJECT_READ(mkg_model_actor_at, m, 0, a, MKG_EINVAL,
	            "mkg_model_actor_at: unknown description version 7");
	a.version = 0; /* a struct never initialised */
	REJECT_READ(mkg_model_actor_at, m, 0, a, MKG_EINVAL,
	            "mkg_model_actor_at: unknown description version 0");
	t.version = 2;
	REJECT_READ(mkg_model_transaction_at, m, 0, t, MKG_EINVAL,
	            "mkg_model_transaction_at: unknown description version 2");
	f.version = 7;
	REJECT_READ(mkg_model_facilitation_at, m, 0, f, MKG_EINVAL,
	            "mkg_model_facilitation_at: unknown description version 7");
	ms.version = 7;
	REJECT_READ(mkg_model_membership_at, m, 0, ms, MKG_EINVAL,
	            "mkg_model_membership_at: unknown description version 7");
	/* A bad version wins over a bad index. */
	REJECT_READ(mkg_model_membership_at, m, 99, ms, MKG_EINVAL,
	            "mkg_model_membership_at: unknown description version 7");
	mkg_model_free(m);
}

/* What the reads give is what the adds take: every record of the rich
 * document, read and added to a new model in order, rebuilds an equal model
 * (the generated ids included). */
static void
test_read_rebuilds_equal_model(void **state)
{
	mkg_model *m = NULL, *copy = NULL;

	(void)state;
	assert_int_equal(mkg_json_read_file(&m, MKG_TEST_DATA "/json-rich.json"), MKG_OK);
	assert_int_equal(mkg_model_new(&copy), MKG_OK);
	assert_int_equal(mkg_model_set_name(copy, mkg_model_name(m)), MKG_OK);
	assert_int_equal(mkg_model_set_currency(copy, mkg_model_currency(m)), MKG_OK);
	assert_int_equal(mkg_model_set_volume_unit(copy, mkg_model_volume_unit(m)), MKG_OK);
	assert_int_equal(mkg_model_set_period(copy, mkg_model_period(m)), MKG_OK);
	assert_int_equal(mkg_model_set_attributes(copy, mkg_model_attributes(m)), MKG_OK);
	for (size_t i = 0; i < mkg_model_actor_count(m); i++) {
		mkg_actor_desc d = read_actor(m, i);
		assert_int_equal(mkg_model_add_actor(copy, &d, NULL), MKG_OK);
	}
	for (size_t i = 0; i < mkg_model_transaction_count(m); i++) {
		mkg_transaction_desc d = read_tx(m, i);
		assert_int_equal(mkg_model_add_transaction(copy, &d, NULL), MKG_OK);
	}
	for (size_t i = 0; i < mkg_model_facilitation_count(m); i++) {
		mkg_facilitation_desc d = read_fac(m, i);
		assert_int_equal(mkg_model_add_facilitation(copy, &d, NULL), MKG_OK);
	}
	for (size_t i = 0; i < mkg_model_membership_count(m); i++) {
		mkg_membership_desc d = read_ms(m, i);
		assert_int_equal(mkg_model_add_membership(copy, &d, NULL), MKG_OK);
	}
	assert_true(mkg_model_equal(m, copy));
	/* The document has absent names, periods, lists and payers: they read
	 * as absent, or the copy would differ. */
	assert_null(read_actor(m, 2).name);
	assert_null(read_tx(m, 1).period);
	assert_null(read_fac(m, 1).target_actors);
	assert_null(read_fac(m, 1).paid_by);
	mkg_model_free(copy);
	mkg_model_free(m);
}

/* The pools behind the arrays grow as records are added: a record's lists
 * read right however many came after it (targets and payers are kept by
 * id in step with the pools by index). */
static void
test_read_lists_after_growth(void **state)
{
	mkg_model *m = base_model();
	const char *targets[] = { "e1", "t1" };
	const char *txs[] = { "tx1" };
	const mkg_payment payers[] = { { "t1", 0.25 }, { "prog", 0.75 } };
	enum { N = 500 };

	(void)state;
	for (int i = 0; i < N; i++) {
		mkg_facilitation_desc d = facilitation(NULL, "prog");
		d.target_actors = targets + i % 2;
		d.target_actor_count = 2 - (size_t)(i % 2); /* e1, t1 / t1 */
		d.target_transactions = i % 3 == 0 ? txs : NULL;
		d.target_transaction_count = i % 3 == 0;
		d.paid_by = i % 2 ? payers : NULL;
		d.paid_by_count = i % 2 ? 2 : 0;
		assert_int_equal(mkg_model_add_facilitation(m, &d, NULL), MKG_OK);
	}
	for (int i = 0; i < N; i++) {
		mkg_facilitation_desc d = read_fac(m, (size_t)i + 1);
		assert_int_equal(d.target_actor_count, 2 - (size_t)(i % 2));
		assert_string_equal(d.target_actors[d.target_actor_count - 1], "t1");
		if (i % 2 == 0)
			assert_string_equal(d.target_actors[0], "e1");
		assert_int_equal(d.target_transaction_count, i % 3 == 0);
		if (i % 3 == 0)
			assert_string_equal(d.target_transactions[0], "tx1");
		else
			assert_null(d.target_transactions);
		assert_int_equal(d.paid_by_count, i % 2 ? 2 : 0);
		if (i % 2) {
			assert_string_equal(d.paid_by[0].actor, "t1");
			assert_true(d.paid_by[0].share == 0.25);
			assert_string_equal(d.paid_by[1].actor, "prog");
			assert_true(d.paid_by[1].share == 0.75);
		} else {
			assert_null(d.paid_by);
		}
	}
	mkg_model_free(m);
}

/* ---- equality ------------------------------------------------------------- */

static void
test_model_equal(void **state)
{
	mkg_model *a = base_model(), *b = base_model();
	mkg_actor_desc d;
	mkg_transaction_desc t;

	(void)state;
	assert_int_equal(mkg_model_equal(a, b), 1);
	assert_int_equal(mkg_model_equal(a, a), 1);

	/* Each difference is seen, and undoing it restores equality. */
	assert_int_equal(mkg_model_set_name(a, "A"), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 0);
	assert_int_equal(mkg_model_set_name(a, NULL), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 1);
	assert_int_equal(mkg_model_set_attributes(a, "{\"x\":1}"), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 0);
	assert_int_equal(mkg_model_set_attributes(b, "{ \"x\" : 1 }"), MKG_OK); /* same canonical text */
	assert_int_equal(mkg_model_equal(a, b), 1);
	assert_int_equal(mkg_model_set_period(b, "2013"), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 0);
	assert_int_equal(mkg_model_set_period(b, "2012"), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 1);

	/* The same actor, one field apart. */
	d = actor("q", MKG_ACTOR_PRODUCER);
	d.supply = 10;
	assert_int_equal(mkg_model_add_actor(a, &d, NULL), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 0);
	d.supply = 10.000000000000002;
	assert_int_equal(mkg_model_add_actor(b, &d, NULL), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 0); /* numbers compare exactly */
	mkg_model_free(b);
	b = base_model();
	assert_int_equal(mkg_model_set_attributes(b, "{\"x\":1}"), MKG_OK);
	d.supply = 10;
	assert_int_equal(mkg_model_add_actor(b, &d, NULL), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 1);

	/* Transactions: same data except the period given explicitly. */
	t = transaction("t2", "q", "t1", 5);
	assert_int_equal(mkg_model_add_transaction(a, &t, NULL), MKG_OK);
	t.period = "2012"; /* equal to the model's, but given */
	assert_int_equal(mkg_model_add_transaction(b, &t, NULL), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 0);
	mkg_model_free(a);
	mkg_model_free(b);
}


/* ---- commodities, firms and level --------------------------------------------- */

static mkg_commodity_desc
commodity(const char *id, const char *made_from, double input_per_unit)
{
	mkg_commodity_desc d = MKG_COMMODITY_DESC_INIT;

	d.id = id;
	d.made_from = made_from;
	d.input_per_unit = input_per_unit;
	return d;
}

static void
test_commodity_every_field(void **state)
{
	mkg_model *m = base_model();
	mkg_commodity_desc d = commodity("chips", "maize", 4), out = MKG_COMMODITY_DESC_INIT;
	mkg_actor_desc a = actor("coop", MKG_ACTOR_PRODUCER);
	mkg_transaction_desc t = transaction("tx2", "coop", "t1", 3);
	size_t index = 99;

	(void)state;
	d.unit = "kg";
	d.attributes = "{ \"fao\" : 0.25 }";
	assert_int_equal(mkg_model_add_commodity(m, &d, &index), MKG_OK);
	assert_int_equal(index, 0);
	d = commodity("maize", NULL, MKG_ABSENT);
	assert_int_equal(mkg_model_add_commodity(m, &d, &index), MKG_OK);
	assert_int_equal(index, 1);
	d = commodity("credit", NULL, MKG_ABSENT);
	d.service = 7; /* any nonzero: read back as 1 */
	assert_int_equal(mkg_model_add_commodity(m, &d, NULL), MKG_OK);
	assert_int_equal(mkg_model_commodity_count(m), 3);

	assert_int_equal(mkg_model_commodity_at(m, 0, &out), MKG_OK);
	assert_string_equal(out.id, "chips");
	assert_string_equal(out.unit, "kg");
	assert_int_equal(out.service, 0);
	assert_string_equal(out.made_from, "maize");
	assert_true(out.input_per_unit == 4);
	assert_string_equal(out.attributes, "{\"fao\":0.25}");
	assert_int_equal(mkg_model_commodity_at(m, 2, &out), MKG_OK);
	assert_string_equal(out.id, "credit");
	assert_null(out.unit);
	assert_null(out.made_from);
	assert_true(MKG_IS_ABSENT(out.input_per_unit));
	assert_null(out.attributes);
	assert_int_equal(out.service, 1);
	assert_int_equal(mkg_model_find_commodity(m, "maize", &index), MKG_OK);
	assert_int_equal(index, 1);
	index = 42;
	assert_failure(mkg_model_find_commodity(m, "rice", &index), MKG_ENOTFOUND,
	               "no commodity \"rice\"");
	assert_int_equal(index, 42);

	/* firms and level: absent by default, read back as given. */
	assert_int_equal(read_actor(m, 0).firms, -1);
	assert_null(read_tx(m, 0).level);
	a.firms = 250;
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	assert_int_equal(read_actor(m, 4).firms, 250);
	t.level = "collector";
	assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
	assert_string_equal(read_tx(m, 1).level, "collector");
	assert_int_equal(mkg_model_validate(m), MKG_OK);
	mkg_model_free(m);
}

static void
test_commodity_rules(void **state)
{
	fixture *f = *state;
	mkg_commodity_desc d;
	mkg_actor_desc a;
	mkg_transaction_desc t;

	d = commodity(NULL, NULL, MKG_ABSENT);
	REJECT(mkg_model_add_commodity, d, MKG_EDATA, "commodities[0].id: missing (required)");
	d = commodity("", NULL, MKG_ABSENT);
	REJECT(mkg_model_add_commodity, d, MKG_EDATA, "commodities[0].id: must not be empty");
	d = commodity("caf\xc3", NULL, MKG_ABSENT);
	REJECT(mkg_model_add_commodity, d, MKG_EDATA, "commodities[0].id: not valid UTF-8");
	d = commodity("chips", NULL, MKG_ABSENT);
	d.unit = "\xff";
	REJECT(mkg_model_add_commodity, d, MKG_EDATA, "commodities[0].unit: not valid UTF-8");
	d = commodity("chips", "", 4);
	REJECT(mkg_model_add_commodity, d, MKG_EDATA, "commodities[0].made_from: must not be empty");
	d = commodity("chips", "maize", MKG_ABSENT);
	REJECT(mkg_model_add_commodity, d, MKG_EDATA,
	       "commodities[0].input_per_unit: missing (required with made_from)");
	d = commodity("chips", NULL, 4);
	REJECT(mkg_model_add_commodity, d, MKG_EDATA,
	       "commodities[0].made_from: missing (required with input_per_unit)");
	d = commodity("chips", "maize", 0);
	REJECT(mkg_model_add_commodity, d, MKG_EDATA,
	       "commodities[0].input_per_unit: must be a number > 0, got 0");
	d = commodity("chips", "maize", -0.5);
	REJECT(mkg_model_add_commodity, d, MKG_EDATA,
	       "commodities[0].input_per_unit: must be a number > 0, got -0.5");
	d = commodity("chips", "maize", INFINITY);
	REJECT(mkg_model_add_commodity, d, MKG_EDATA,
	       "commodities[0].input_per_unit: must be a number > 0, got inf");
	d = commodity("haulage", "maize", 1);
	d.service = 1;
	REJECT(mkg_model_add_commodity, d, MKG_EDATA,
	       "commodities[0].made_from: a service is not made from a commodity");
	d = commodity("chips", NULL, MKG_ABSENT);
	d.attributes = "[1]";
	REJECT(mkg_model_add_commodity, d, MKG_EDATA,
	       "commodities[0].attributes: must be an object, got an array");
	d = commodity("chips", NULL, MKG_ABSENT);
	d.version = 2;
	REJECT(mkg_model_add_commodity, d, MKG_EINVAL,
	       "mkg_model_add_commodity: unknown description version 2");
	/* A duplicate, once there is a first. */
	d = commodity("maize", NULL, MKG_ABSENT);
	assert_int_equal(mkg_model_add_commodity(f->twin, &d, NULL), MKG_OK);
	assert_int_equal(mkg_model_add_commodity(f->m, &d, NULL), MKG_OK);
	assert_failure(mkg_model_add_commodity(f->m, &d, NULL), MKG_EDATA,
	               "commodities[1].id: duplicate id \"maize\" (first at commodities[0])");
	assert_true(mkg_model_equal(f->m, f->twin));

	a = actor("x", MKG_ACTOR_TRADER);
	a.firms = 0;
	assert_failure(mkg_model_add_actor(f->m, &a, NULL), MKG_EDATA,
	               "actors[4].firms: must be an integer >= 1, got 0");
	a.firms = -2;
	assert_failure(mkg_model_add_actor(f->m, &a, NULL), MKG_EDATA,
	               "actors[4].firms: must be an integer >= 1, got -2");
	t = transaction("tx2", "p1", "t1", 1);
	t.level = "";
	assert_failure(mkg_model_add_transaction(f->m, &t, NULL), MKG_EDATA,
	               "transactions[1].level: must not be empty");
	t.level = "farm\xc3";
	assert_failure(mkg_model_add_transaction(f->m, &t, NULL), MKG_EDATA,
	               "transactions[1].level: not valid UTF-8");
	assert_true(mkg_model_equal(f->m, f->twin));
}

/* Records in any order: references resolve once all are in. */
static void
test_commodity_any_order(void **state)
{
	mkg_model *m = base_model();
	mkg_commodity_desc d;
	mkg_transaction_desc t = transaction("tx2", "t1", "e1", 2);
	const char *primary = "untouched";
	double factor = -1;

	(void)state;
	/* fries -> chips -> potato, listed top down before potato exists and
	 * before any transaction names them. */
	d = commodity("fries", "chips", 1.25);
	assert_int_equal(mkg_model_add_commodity(m, &d, NULL), MKG_OK);
	d = commodity("chips", "potato", 4);
	assert_int_equal(mkg_model_add_commodity(m, &d, NULL), MKG_OK);
	assert_failure(mkg_model_validate(m), MKG_EDATA,
	               "commodities[1].made_from: unknown commodity \"potato\"");
	assert_failure(mkg_model_primary_equivalent(m, "fries", &primary, &factor), MKG_EDATA,
	               "commodities[1].made_from: unknown commodity \"potato\"");
	assert_string_equal(primary, "untouched");
	assert_true(factor == -1);
	d = commodity("potato", NULL, MKG_ABSENT);
	assert_int_equal(mkg_model_add_commodity(m, &d, NULL), MKG_OK);
	assert_int_equal(mkg_model_validate(m), MKG_OK);

	assert_int_equal(mkg_model_primary_equivalent(m, "fries", &primary, &factor), MKG_OK);
	assert_string_equal(primary, "potato");
	assert_true(factor == 5); /* 1.25 t of chips, 4 t of potato each */
	assert_int_equal(mkg_model_primary_equivalent(m, "chips", NULL, &factor), MKG_OK);
	assert_true(factor == 4);
	assert_int_equal(mkg_model_primary_equivalent(m, "potato", &primary, NULL), MKG_OK);
	assert_string_equal(primary, "potato");
	/* maize: named by tx1, not listed: a primary of its own. */
	assert_int_equal(mkg_model_primary_equivalent(m, "maize", &primary, &factor), MKG_OK);
	assert_string_equal(primary, "maize");
	assert_true(factor == 1);
	primary = "untouched";
	assert_failure(mkg_model_primary_equivalent(m, "rice", &primary, &factor), MKG_ENOTFOUND,
	               "no commodity \"rice\"");
	assert_string_equal(primary, "untouched");

	/* A transaction of a service commodity must be a service. */
	d = commodity("transport", NULL, MKG_ABSENT);
	d.service = 1;
	assert_int_equal(mkg_model_add_commodity(m, &d, NULL), MKG_OK);
	t.commodity = "transport";
	t.volume = MKG_ABSENT;
	t.value = 3;
	assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
	assert_failure(mkg_model_validate(m), MKG_EDATA,
	               "transactions[1].service: must be true, commodity \"transport\" is a "
	               "service (commodities[3])");
	t = transaction("tx3", "t1", "e1", 1);
	t.commodity = "potato";
	t.service = 1;
	mkg_model_free(m);

	m = base_model();
	d = commodity("potato", NULL, MKG_ABSENT);
	assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
	assert_int_equal(mkg_model_validate(m), MKG_OK); /* not listed yet */
	assert_int_equal(mkg_model_add_commodity(m, &d, NULL), MKG_OK);
	assert_failure(mkg_model_validate(m), MKG_EDATA,
	               "transactions[1].service: must be false, commodity \"potato\" is not a "
	               "service (commodities[0])");
	mkg_model_free(m);
}

/* Cycles are named from their first member listed; long ones are cut. */
static void
test_commodity_cycles(void **state)
{
	mkg_model *m = base_model();
	mkg_commodity_desc d;
	char id[16], from[16];

	(void)state;
	for (int i = 0; i < 10; i++) {
		g_snprintf(id, sizeof id, "c%d", i);
		g_snprintf(from, sizeof from, "c%d", (i + 1) % 10);
		d = commodity(id, from, 2);
		assert_int_equal(mkg_model_add_commodity(m, &d, NULL), MKG_OK);
	}
	assert_failure(mkg_model_validate(m), MKG_EDATA,
	               "commodities[0].made_from: cycle c0 -> c1 -> c2 -> c3 -> c4 -> c5 -> c6 -> "
	               "c7 -> ... (10 commodities) -> c0");
	mkg_model_free(m);

	m = base_model();
	d = commodity("b", "a", 2);
	assert_int_equal(mkg_model_add_commodity(m, &d, NULL), MKG_OK);
	d = commodity("a", "b", 0.5);
	assert_int_equal(mkg_model_add_commodity(m, &d, NULL), MKG_OK);
	assert_failure(mkg_model_validate(m), MKG_EDATA, "commodities[0].made_from: cycle b -> a -> b");
	mkg_model_free(m);
}

static void
test_commodity_api_errors(void **state)
{
	mkg_model *m = base_model();
	mkg_commodity_desc d = MKG_COMMODITY_DESC_INIT, init;
	size_t index;

	(void)state;
	assert_null_arg(mkg_model_add_commodity(NULL, &d, NULL));
	assert_null_arg(mkg_model_add_commodity(m, NULL, NULL));
	assert_null_arg(mkg_model_commodity_at(NULL, 0, &d));
	assert_null_arg(mkg_model_commodity_at(m, 0, NULL));
	assert_null_arg(mkg_model_find_commodity(NULL, "x", &index));
	assert_null_arg(mkg_model_find_commodity(m, NULL, &index));
	assert_null_arg(mkg_model_find_commodity(m, "x", NULL));
	assert_null_arg(mkg_model_validate(NULL));
	assert_null_arg(mkg_model_primary_equivalent(NULL, "x", NULL, NULL));
	assert_null_arg(mkg_model_primary_equivalent(m, NULL, NULL, NULL));
	assert_null_arg(mkg_commodity_desc_init(NULL, MKG_COMMODITY_DESC_VERSION));
	assert_int_equal(mkg_model_commodity_count(NULL), 0);
	assert_failure(mkg_model_commodity_at(m, 0, &d), MKG_ENOTFOUND,
	               "mkg_model_commodity_at: no commodity at index 0 (the model has 0)");
	d.version = 9;
	assert_failure(mkg_model_commodity_at(m, 0, &d), MKG_EINVAL,
	               "mkg_model_commodity_at: unknown description version 9");
	assert_failure(mkg_commodity_desc_init(&init, 2), MKG_EINVAL,
	               "mkg_commodity_desc_init: unknown version 2");
	memset(&init, 0x5a, sizeof init);
	assert_int_equal(mkg_commodity_desc_init(&init, MKG_COMMODITY_DESC_VERSION), MKG_OK);
	assert_int_equal(init.version, MKG_COMMODITY_DESC_VERSION);
	assert_null(init.id);
	assert_null(init.unit);
	assert_int_equal(init.service, 0);
	assert_null(init.made_from);
	assert_true(MKG_IS_ABSENT(init.input_per_unit));
	assert_null(init.attributes);
	mkg_model_free(m);
}

/* Equality sees every new field. */
static void
test_commodity_equal(void **state)
{
	mkg_model *a = base_model(), *b = base_model();
	mkg_commodity_desc d = commodity("chips", "maize", 4);
	mkg_actor_desc x = actor("x", MKG_ACTOR_TRADER);
	mkg_transaction_desc t = transaction("tx2", "p1", "t1", 1);

	(void)state;
	assert_int_equal(mkg_model_add_commodity(a, &d, NULL), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 0); /* one list longer */
	d.input_per_unit = 4.5;
	assert_int_equal(mkg_model_add_commodity(b, &d, NULL), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 0);
	mkg_model_free(b);
	b = base_model();
	d.input_per_unit = 4;
	d.unit = "kg";
	assert_int_equal(mkg_model_add_commodity(b, &d, NULL), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 0);
	mkg_model_free(b);
	b = base_model();
	d.unit = NULL;
	assert_int_equal(mkg_model_add_commodity(b, &d, NULL), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 1);

	x.firms = 3;
	assert_int_equal(mkg_model_add_actor(a, &x, NULL), MKG_OK);
	x.firms = -1;
	assert_int_equal(mkg_model_add_actor(b, &x, NULL), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 0);
	mkg_model_free(a);
	mkg_model_free(b);

	a = base_model();
	b = base_model();
	t.level = "wholesaler";
	assert_int_equal(mkg_model_add_transaction(a, &t, NULL), MKG_OK);
	t.level = NULL;
	assert_int_equal(mkg_model_add_transaction(b, &t, NULL), MKG_OK);
	assert_int_equal(mkg_model_equal(a, b), 0);
	mkg_model_free(a);
	mkg_model_free(b);
}

/* ---- enumerations ----------------------------------------------------------- */

static void
test_enum_names(void **state)
{
	mkg_actor_kind kind = MKG_ACTOR_OTHER;
	mkg_contract contract = MKG_CONTRACT_OTHER;
	mkg_facilitation_type type = MKG_FACILITATION_PUBLIC;
	mkg_function function = MKG_FUNCTION_OTHER;
	mkg_exit exit_ = MKG_EXIT_PUBLIC;

	(void)state;
	/* The names of the format, in the order of the enumerations. */
	{
		static const char *const kinds[] = {
			"producer", "input_supplier", "collector", "trader", "processor",
			"wholesaler", "exporter", "retailer", "end_market", "service_provider",
			"financial_institution", "public_agency", "marketing_board", "programme",
			"association", "ngo", "other",
		};
		assert_int_equal(G_N_ELEMENTS(kinds), MKG_ACTOR_KIND_COUNT);
		for (int i = 0; i < MKG_ACTOR_KIND_COUNT; i++) {
			assert_string_equal(mkg_actor_kind_name((mkg_actor_kind)i), kinds[i]);
			assert_int_equal(mkg_actor_kind_from_name(kinds[i], &kind), MKG_OK);
			assert_int_equal(kind, i);
		}
	}
	{
		static const char *const contracts[] = { "spot", "contract_farming", "auction",
			                                 "embedded_service", "credit", "other" };
		assert_int_equal(G_N_ELEMENTS(contracts), MKG_CONTRACT_COUNT);
		for (int i = 0; i < MKG_CONTRACT_COUNT; i++) {
			assert_string_equal(mkg_contract_name((mkg_contract)i), contracts[i]);
			assert_int_equal(mkg_contract_from_name(contracts[i], &contract), MKG_OK);
			assert_int_equal(contract, i);
		}
	}
	{
		static const char *const types[] = { "temporary", "commercial", "public" };
		assert_int_equal(G_N_ELEMENTS(types), MKG_FACILITATION_TYPE_COUNT);
		for (int i = 0; i < MKG_FACILITATION_TYPE_COUNT; i++) {
			assert_string_equal(mkg_facilitation_type_name((mkg_facilitation_type)i), types[i]);
			assert_int_equal(mkg_facilitation_type_from_name(types[i], &type), MKG_OK);
			assert_int_equal(type, i);
		}
	}
	{
		static const char *const functions[] = {
			"capacity_building", "research_development", "shared_vision", "linkages",
			"business_opportunities", "monitoring", "information", "brokerage",
			"transaction_security", "platform", "regulation", "finance", "other",
		};
		assert_int_equal(G_N_ELEMENTS(functions), MKG_FUNCTION_COUNT);
		for (int i = 0; i < MKG_FUNCTION_COUNT; i++) {
			assert_string_equal(mkg_function_name((mkg_function)i), functions[i]);
			assert_int_equal(mkg_function_from_name(functions[i], &function), MKG_OK);
			assert_int_equal(function, i);
		}
	}
	{
		static const char *const exits[] = { NULL, "fade_out", "commercial", "public" };
		assert_int_equal(G_N_ELEMENTS(exits), MKG_EXIT_COUNT);
		assert_null(mkg_exit_name(MKG_EXIT_NONE)); /* "no exit" has no name */
		for (int i = 1; i < MKG_EXIT_COUNT; i++) {
			assert_string_equal(mkg_exit_name((mkg_exit)i), exits[i]);
			assert_int_equal(mkg_exit_from_name(exits[i], &exit_), MKG_OK);
			assert_int_equal(exit_, i);
		}
	}

	/* Out of range: NULL. */
	assert_null(mkg_actor_kind_name(MKG_ACTOR_KIND_UNSET));
	assert_null(mkg_actor_kind_name((mkg_actor_kind)MKG_ACTOR_KIND_COUNT));
	assert_null(mkg_contract_name((mkg_contract)-1));
	assert_null(mkg_contract_name((mkg_contract)MKG_CONTRACT_COUNT));
	assert_null(mkg_facilitation_type_name(MKG_FACILITATION_TYPE_UNSET));
	assert_null(mkg_facilitation_type_name((mkg_facilitation_type)MKG_FACILITATION_TYPE_COUNT));
	assert_null(mkg_function_name(MKG_FUNCTION_UNSET));
	assert_null(mkg_function_name((mkg_function)MKG_FUNCTION_COUNT));
	assert_null(mkg_exit_name((mkg_exit)-1));
	assert_null(mkg_exit_name((mkg_exit)MKG_EXIT_COUNT));

	/* Unknown names: MKG_EINVAL, *out unchanged.  Names are case-sensitive. */
	kind = MKG_ACTOR_TRADER;
	assert_failure(mkg_actor_kind_from_name("Producer", &kind), MKG_EINVAL,
	               "unknown kind \"Producer\"");
	assert_int_equal(kind, MKG_ACTOR_TRADER);
	assert_failure(mkg_actor_kind_from_name("", &kind), MKG_EINVAL, "unknown kind \"\"");
	assert_failure(mkg_contract_from_name("futures", &contract), MKG_EINVAL,
	               "unknown contract \"futures\"");
	assert_failure(mkg_facilitation_type_from_name("private", &type), MKG_EINVAL,
	               "unknown facilitation type \"private\"");
	assert_failure(mkg_function_from_name("lobbying", &function), MKG_EINVAL,
	               "unknown function \"lobbying\"");
	assert_failure(mkg_exit_from_name("none", &exit_), MKG_EINVAL, "unknown exit \"none\"");
	assert_int_equal(contract, MKG_CONTRACT_OTHER);
	assert_int_equal(exit_, MKG_EXIT_PUBLIC);
	assert_failure(mkg_actor_kind_from_name(NULL, &kind), MKG_EINVAL, "kind name: argument is NULL");
	assert_failure(mkg_contract_from_name(NULL, &contract), MKG_EINVAL,
	               "contract name: argument is NULL");
	assert_failure(mkg_facilitation_type_from_name(NULL, &type), MKG_EINVAL,
	               "facilitation type name: argument is NULL");
	assert_failure(mkg_function_from_name(NULL, &function), MKG_EINVAL,
	               "function name: argument is NULL");
	assert_failure(mkg_exit_from_name(NULL, &exit_), MKG_EINVAL, "exit name: argument is NULL");
}

/* A NULL out-parameter is an argument error, not a crash. */
static void
test_enum_from_name_null_out(void **state)
{
	(void)state;
	assert_failure(mkg_actor_kind_from_name("producer", NULL), MKG_EINVAL,
	               "kind name: argument is NULL");
	assert_failure(mkg_contract_from_name("spot", NULL), MKG_EINVAL,
	               "contract name: argument is NULL");
	assert_failure(mkg_facilitation_type_from_name("public", NULL), MKG_EINVAL,
	               "facilitation type name: argument is NULL");
	assert_failure(mkg_function_from_name("other", NULL), MKG_EINVAL,
	               "function name: argument is NULL");
	assert_failure(mkg_exit_from_name("fade_out", NULL), MKG_EINVAL,
	               "exit name: argument is NULL");
}

/* Ids in messages are escaped and cut (docs/format.md, section 4): no
 * control character, C1 control or bidi control reaches a terminal raw. */
static void
test_messages_escape_strings(void **state)
{
	mkg_model *m = NULL;
	mkg_actor_desc a = actor("a\x1b[2J", MKG_ACTOR_PRODUCER);
	mkg_actor_desc b = actor("b", MKG_ACTOR_TRADER);
	mkg_membership_desc ms = MKG_MEMBERSHIP_DESC_INIT;
	mkg_transaction_desc t = transaction(NULL, "a\x1b[2J", "b\a", 1);
	mkg_actor_kind kind;
	char long_id[301];
	size_t index = 7;

	(void)state;
	memset(long_id, 'x', 300);
	long_id[300] = '\0';
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	assert_int_equal(mkg_model_add_actor(m, &b, NULL), MKG_OK);
	assert_failure(mkg_model_add_actor(m, &a, NULL), MKG_EDATA,
	               "actors[2].id: duplicate id \"a\\u001b[2J\" (first at actors[0])");
	assert_failure(mkg_model_add_transaction(m, &t, NULL), MKG_EDATA,
	               "transactions[0].buyer: unknown actor \"b\\u0007\"");
	t.buyer = "\xc2\x9b" "31m\xe2\x80\xae";
	assert_failure(mkg_model_add_transaction(m, &t, NULL), MKG_EDATA,
	               "transactions[0].buyer: unknown actor \"\\u009b31m\\u202e\"");
	t.buyer = "say \"hi\" \\";
	assert_failure(mkg_model_add_transaction(m, &t, NULL), MKG_EDATA,
	               "transactions[0].buyer: unknown actor \"say \\\"hi\\\" \\\\\"");
	t.buyer = long_id;
	assert_failure(mkg_model_add_transaction(m, &t, NULL), MKG_EDATA,
	               "transactions[0].buyer: unknown actor "
	               "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026\"");
	t.buyer = t.seller;
	assert_failure(mkg_model_add_transaction(m, &t, NULL), MKG_EDATA,
	               "transactions[0].buyer: same actor as the seller \"a\\u001b[2J\"");
	ms.group = "a\x1b[2J";
	ms.member = "a\x1b[2J";
	assert_failure(mkg_model_add_membership(m, &ms, NULL), MKG_EDATA,
	               "memberships[0].member: \"a\\u001b[2J\" cannot be a member of itself");
	/* lookups take any bytes: invalid UTF-8 is shown as \xff */
	assert_failure(mkg_model_find_actor(m, "a\xff\x1b", &index), MKG_ENOTFOUND,
	               "no actor \"a\\xff\\u001b\"");
	assert_failure(mkg_model_find_transaction(m, long_id, &index), MKG_ENOTFOUND,
	               "no transaction "
	               "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\u2026\"");
	assert_failure(mkg_actor_kind_from_name("trader\x1b[0m", &kind), MKG_EINVAL,
	               "unknown kind \"trader\\u001b[0m\"");
	assert_int_equal(index, 7);
	assert_int_equal(mkg_model_transaction_count(m), 0);
	mkg_model_free(m);
}

/* The embedded part of paid_by through the C API: p1 sells tx1 to t1, so t1
 * can recover a cost in its price; versions 1 and 2 of the description. */
static void
test_facilitation_embedded(void **state)
{
	fixture *f = *state;
	mkg_model *m = f->m;
	static const char *const tx[] = { "tx1" };
	static const mkg_payment half[] = { { "prog", 0.5 } };
	mkg_facilitation_desc d = facilitation("emb", "t1"), out = MKG_FACILITATION_DESC_INIT;
	mkg_facilitation_desc v1;
	size_t i = 0;

	d.type = MKG_FACILITATION_COMMERCIAL;
	d.paid_by = half;
	d.paid_by_count = 1;
	d.embedded = tx;
	d.embedded_count = 1;
	d.embedded_share = 0.25;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].paid_by: shares sum to 0.75, expected 1");
	d.embedded_share = 2;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].paid_by[1].share: must be a number in [0, 1], got 2");
	d.facilitator = "prog";
	d.embedded_share = 0.5;
	REJECT(mkg_model_add_facilitation, d, MKG_EDATA,
	       "facilitation[1].paid_by[1].embedded[0]: the facilitator \"prog\" neither sells nor "
	       "buys in \"tx1\", so its price cannot recover the cost");
	d.facilitator = "t1";
	d.embedded = NULL;
	REJECT(mkg_model_add_facilitation, d, MKG_EINVAL,
	       "facilitation[1].paid_by: embedded_count is 1 but the array is NULL");
	d.embedded = tx;
	assert_int_equal(mkg_model_add_facilitation(m, &d, &i), MKG_OK);
	assert_int_equal(i, 1);
	assert_int_equal(mkg_model_facilitation_at(m, 1, &out), MKG_OK);
	assert_int_equal(out.embedded_count, 1);
	assert_string_equal(out.embedded[0], "tx1");
	assert_true(out.embedded_share == 0.5);
	assert_int_equal(out.paid_by_count, 1);
	/* a version 1 description: no embedded part, read or written */
	memset(&v1, 0, sizeof v1);
	v1.version = 1;
	assert_int_equal(mkg_model_facilitation_at(m, 1, &v1), MKG_OK);
	assert_int_equal(v1.paid_by_count, 1);
	assert_null(v1.embedded);
	v1.id = "v1";
	v1.paid_by = NULL;
	v1.paid_by_count = 0;
	v1.embedded = tx; /* beyond a version 1 struct: ignored */
	v1.embedded_count = 1;
	assert_int_equal(mkg_model_add_facilitation(m, &v1, &i), MKG_OK);
	assert_int_equal(mkg_model_facilitation_at(m, i, &out), MKG_OK);
	assert_int_equal(out.embedded_count, 0);
	assert_null(out.paid_by);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_model_is_empty),
		cmocka_unit_test(test_document_fields),
		cmocka_unit_test(test_document_field_errors),
		cmocka_unit_test(test_actor_every_field),
		cmocka_unit_test(test_every_actor_kind),
		cmocka_unit_test(test_transaction_every_field),
		cmocka_unit_test(test_facilitation_every_field),
		cmocka_unit_test(test_membership_every_field),
		cmocka_unit_test(test_insertion_order_and_lookup),
		cmocka_unit_test(test_find_records),
		cmocka_unit_test(test_generated_ids),
		cmocka_unit_test(test_desc_init),
		cmocka_unit_test_setup_teardown(test_actor_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transaction_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_facilitation_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_facilitation_embedded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_membership_rules, setup, teardown),
		cmocka_unit_test(test_null_arguments),
		cmocka_unit_test(test_read_out_of_range),
		cmocka_unit_test(test_read_bad_version),
		cmocka_unit_test(test_read_rebuilds_equal_model),
		cmocka_unit_test(test_read_lists_after_growth),
		cmocka_unit_test(test_model_equal),
		cmocka_unit_test(test_commodity_every_field),
		cmocka_unit_test_setup_teardown(test_commodity_rules, setup, teardown),
		cmocka_unit_test(test_commodity_any_order),
		cmocka_unit_test(test_commodity_cycles),
		cmocka_unit_test(test_commodity_api_errors),
		cmocka_unit_test(test_commodity_equal),
		cmocka_unit_test(test_enum_names),
		cmocka_unit_test(test_enum_from_name_null_out),
		cmocka_unit_test(test_messages_escape_strings),
	};
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
