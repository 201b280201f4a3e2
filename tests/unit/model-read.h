/* Reading model records in tests: each helper reads one record through the
 * public mkg_model_*_at() functions and returns the description by value, so
 * that a check reads `read_tx(m, 0).seller`.  A read that fails is a broken
 * test (an index out of range): it prints the library's message and aborts,
 * which fails the test run with or without cmocka around it.
 *
 * SPDX-License-Identifier: MIT */
#ifndef MKG_TEST_MODEL_READ_H
#define MKG_TEST_MODEL_READ_H

#include <marketgraph.h>

#include <stdio.h>
#include <stdlib.h>

static inline void
model_read_check(int rc)
{
	if (rc != MKG_OK) {
		fprintf(stderr, "model-read.h: %s\n", mkg_error_message());
		abort();
	}
}

static inline mkg_actor_desc
read_actor(const mkg_model *m, size_t i)
{
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

	model_read_check(mkg_model_actor_at(m, i, &d));
	return d;
}

static inline mkg_transaction_desc
read_tx(const mkg_model *m, size_t i)
{
	mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;

	model_read_check(mkg_model_transaction_at(m, i, &d));
	return d;
}

static inline mkg_facilitation_desc
read_fac(const mkg_model *m, size_t i)
{
	mkg_facilitation_desc d = MKG_FACILITATION_DESC_INIT;

	model_read_check(mkg_model_facilitation_at(m, i, &d));
	return d;
}

static inline mkg_membership_desc
read_ms(const mkg_model *m, size_t i)
{
	mkg_membership_desc d = MKG_MEMBERSHIP_DESC_INIT;

	model_read_check(mkg_model_membership_at(m, i, &d));
	return d;
}

/* The index of the actor with this id (which must exist). */
static inline size_t
actor_index(const mkg_model *m, const char *id)
{
	size_t i = MKG_NONE;

	model_read_check(mkg_model_find_actor(m, id, &i));
	return i;
}

#endif /* MKG_TEST_MODEL_READ_H */
