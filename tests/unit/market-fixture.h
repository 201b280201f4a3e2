/* Small models for the concentration, coalition, dependency and report
 * tests, built with the C API.  Every helper fails the test (g_error) when
 * the library refuses a record, so a test never runs on a half-built model.
 *
 *   mkg_model *m = mf_model("maize-2010");
 *   mf_actor(m, "coop", MKG_ACTOR_PRODUCER, "Junin");
 *   mf_tx(m, "coop", "mill", "maize", "2010", 25, MF_NONE);
 *
 * SPDX-License-Identifier: MIT */
#ifndef MARKET_FIXTURE_H
#define MARKET_FIXTURE_H

#include <marketgraph.h>

#include <glib.h>
#include <math.h>

/* An absent number (volume or value). */
#define MF_NONE MKG_ABSENT

static inline mkg_model *
mf_model(const char *name)
{
	mkg_model *m = NULL;

	if (mkg_model_new(&m) != MKG_OK || (name && mkg_model_set_name(m, name) != MKG_OK))
		g_error("fixture: %s", mkg_error_message());
	return m;
}

/* An actor; a name, when given, differs from the id. */
static inline void
mf_actor_full(mkg_model *m, const char *id, mkg_actor_kind kind, const char *region,
              const char *name)
{
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

	d.id = id;
	d.kind = kind;
	d.region = region;
	d.name = name;
	if (mkg_model_add_actor(m, &d, NULL) != MKG_OK)
		g_error("fixture: %s", mkg_error_message());
}

static inline void
mf_actor(mkg_model *m, const char *id, mkg_actor_kind kind, const char *region)
{
	mf_actor_full(m, id, kind, region, NULL);
}

/* Add an actor of kind `other` unless the id exists already. */
static inline void
mf_ensure(mkg_model *m, const char *id)
{
	size_t i;

	if (mkg_model_find_actor(m, id, &i) != MKG_OK)
		mf_actor(m, id, MKG_ACTOR_OTHER, NULL);
}

static inline void
mf_tx_full(mkg_model *m, const char *seller, const char *buyer, const char *commodity,
           const char *period, double volume, double value, int service)
{
	mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;

	mf_ensure(m, seller);
	mf_ensure(m, buyer);
	d.seller = seller;
	d.buyer = buyer;
	d.commodity = commodity;
	d.period = period;
	d.volume = volume;
	d.value = value;
	d.service = service;
	if (mkg_model_add_transaction(m, &d, NULL) != MKG_OK)
		g_error("fixture: %s", mkg_error_message());
}

/* A transaction (unknown actors are added as kind `other`). */
static inline void
mf_tx(mkg_model *m, const char *seller, const char *buyer, const char *commodity,
      const char *period, double volume, double value)
{
	mf_tx_full(m, seller, buyer, commodity, period, volume, value, 0);
}

static inline void
mf_member(mkg_model *m, const char *group, const char *member, const char *role)
{
	mkg_membership_desc d = MKG_MEMBERSHIP_DESC_INIT;

	mf_ensure(m, group);
	mf_ensure(m, member);
	d.group = group;
	d.member = member;
	d.role = role;
	if (mkg_model_add_membership(m, &d, NULL) != MKG_OK)
		g_error("fixture: %s", mkg_error_message());
}

/* |a - b| <= tol, with NaN equal only to NaN. */
#define mf_assert_near(a, b, tol)                                                        \
	do {                                                                             \
		double mf_a_ = (a), mf_b_ = (b);                                         \
		if (isnan(mf_a_) || isnan(mf_b_)) {                                      \
			if (!(isnan(mf_a_) && isnan(mf_b_)))                             \
				fail_msg("%s = %.17g, expected %.17g", #a, mf_a_, mf_b_); \
		} else if (fabs(mf_a_ - mf_b_) > (tol)) {                                \
			fail_msg("%s = %.17g, expected %.17g (tolerance %g)", #a, mf_a_,  \
			         mf_b_, (double)(tol));                                  \
		}                                                                        \
	} while (0)

#endif /* MARKET_FIXTURE_H */
