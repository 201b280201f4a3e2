/* Tests of the comparison of two snapshots (docs/analyses.md, "Assessing
 * change"): markets, links, outlets, chains, outreach, ended facilitation
 * and each systemic-change indicator on a hand-worked pair, where it fires
 * and where it must not; two periods of one model; the errors.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

/*
 * Before (2010): producers p1 (10 households), p2 (20), p3 (30) sell 100 t
 * each at the farm gate: p1 -> t1 under contract farming, p2 -> t1, p3 ->
 * t2; t1 sells 200 t and t2 100 t to the end market e.  A programme's
 * temporary record f1 (capacity building) targets p1 and ends in 2011.
 *
 * After (2012): processor n enters.  p1 -> t1 150 t (contract; +50%:
 * strengthened), p2 -> t1 95 t (-5%: the same), p2 -> n 50 t (new), p3 ->
 * n 100 t under contract (new; p3 -> t2 is lost), t1 -> e 245 t (+22.5%),
 * n -> e 150 t (new); t2 -> e lost.  f1 is still listed; f2, a commercial
 * capacity-building record of n, targets p1, p2 and p3.
 */
#define ACTORS_BEFORE                                                                   \
	"{\"id\":\"p1\",\"kind\":\"producer\",\"households\":10},"                      \
	"{\"id\":\"p2\",\"kind\":\"producer\",\"households\":20},"                      \
	"{\"id\":\"p3\",\"kind\":\"producer\",\"households\":30},"                      \
	"{\"id\":\"t1\",\"kind\":\"trader\"},{\"id\":\"t2\",\"kind\":\"trader\"},"       \
	"{\"id\":\"e\",\"kind\":\"end_market\"},{\"id\":\"prog\",\"kind\":\"programme\"}"
#define F1                                                                              \
	"{\"id\":\"f1\",\"facilitator\":\"prog\",\"type\":\"temporary\","                \
	"\"function\":\"capacity_building\",\"targets\":{\"actors\":[\"p1\"]},"          \
	"\"start\":\"2008\",\"end\":\"2011\",\"exit\":\"fade_out\"}"
#define TX_BEFORE(P)                                                                    \
	"{\"seller\":\"p1\",\"buyer\":\"t1\",\"commodity\":\"potato\",\"volume\":100,"   \
	"\"value\":100,\"contract\":\"contract_farming\"" P "},"                          \
	"{\"seller\":\"p2\",\"buyer\":\"t1\",\"commodity\":\"potato\",\"volume\":100,"   \
	"\"value\":100" P "},"                                                            \
	"{\"seller\":\"p3\",\"buyer\":\"t2\",\"commodity\":\"potato\",\"volume\":100,"   \
	"\"value\":100" P "},"                                                            \
	"{\"seller\":\"t1\",\"buyer\":\"e\",\"commodity\":\"potato\",\"volume\":200,"    \
	"\"value\":300" P "},"                                                            \
	"{\"seller\":\"t2\",\"buyer\":\"e\",\"commodity\":\"potato\",\"volume\":100,"    \
	"\"value\":150" P "}"
#define TX_AFTER(P)                                                                     \
	"{\"seller\":\"p1\",\"buyer\":\"t1\",\"commodity\":\"potato\",\"volume\":150,"   \
	"\"value\":150,\"contract\":\"contract_farming\"" P "},"                          \
	"{\"seller\":\"p2\",\"buyer\":\"t1\",\"commodity\":\"potato\",\"volume\":95,"    \
	"\"value\":95" P "},"                                                             \
	"{\"seller\":\"p2\",\"buyer\":\"n\",\"commodity\":\"potato\",\"volume\":50,"     \
	"\"value\":60" P "},"                                                             \
	"{\"seller\":\"p3\",\"buyer\":\"n\",\"commodity\":\"potato\",\"volume\":100,"    \
	"\"value\":120,\"contract\":\"contract_farming\"" P "},"                          \
	"{\"seller\":\"t1\",\"buyer\":\"e\",\"commodity\":\"potato\",\"volume\":245,"    \
	"\"value\":360" P "},"                                                            \
	"{\"seller\":\"n\",\"buyer\":\"e\",\"commodity\":\"potato\",\"volume\":150,"     \
	"\"value\":300" P "}"
#define F2                                                                              \
	"{\"id\":\"f2\",\"facilitator\":\"n\",\"type\":\"commercial\","                  \
	"\"function\":\"capacity_building\",\"targets\":{\"actors\":[\"p1\",\"p2\","     \
	"\"p3\"]},\"start\":\"2011\"}"

static const char before_json[] =
	"{\"format\":\"marketgraph\",\"version\":1,\"currency\":\"USD\",\"volume_unit\":\"t\","
	"\"period\":\"2010\",\"actors\":[" ACTORS_BEFORE "],"
	"\"transactions\":[" TX_BEFORE("") "],\"facilitation\":[" F1 "]}";

static const char after_json[] =
	"{\"format\":\"marketgraph\",\"version\":1,\"currency\":\"USD\",\"volume_unit\":\"t\","
	"\"period\":\"2012\",\"actors\":[" ACTORS_BEFORE ",{\"id\":\"n\",\"kind\":\"processor\"}],"
	"\"transactions\":[" TX_AFTER("") "],\"facilitation\":[" F1 "," F2 "]}";

/* Both periods in one model. */
static const char periods_json[] =
	"{\"format\":\"marketgraph\",\"version\":1,\"currency\":\"USD\",\"volume_unit\":\"t\","
	"\"actors\":[" ACTORS_BEFORE ",{\"id\":\"n\",\"kind\":\"processor\"}],"
	"\"transactions\":[" TX_BEFORE(",\"period\":\"2010\"") "," TX_AFTER(",\"period\":\"2012\"")
	"],\"facilitation\":[" F1 "," F2 "]}";

static mkg_model *
read_model(const char *json)
{
	mkg_model *m = NULL;

	if (mkg_json_read_buffer(&m, json, strlen(json)) != MKG_OK)
		fail_msg("mkg_json_read_buffer: %s", mkg_error_message());
	return m;
}

static mkg_compare *
compare(const char *b, const char *a, const mkg_compare_options *o)
{
	mkg_model *mb = read_model(b), *ma = read_model(a);
	mkg_compare *c = NULL;

	if (mkg_compare_new(&c, mb, ma, o) != MKG_OK)
		fail_msg("mkg_compare_new: %s", mkg_error_message());
	mkg_model_free(mb);
	mkg_model_free(ma);
	return c;
}

static const mkg_compare_market *
find_market(const mkg_compare *c, const char *level, mkg_side side)
{
	for (size_t i = 0; i < mkg_compare_market_count(c); i++) {
		const mkg_compare_market *m = mkg_compare_market_at(c, i);

		if (strcmp(m->level, level) == 0 && m->side == side)
			return m;
	}
	return NULL;
}

static const mkg_compare_link *
find_link(const mkg_compare *c, const char *seller, const char *buyer)
{
	for (size_t i = 0; i < mkg_compare_link_count(c); i++) {
		const mkg_compare_link *l = mkg_compare_link_at(c, i);

		if (strcmp(l->seller, seller) == 0 && strcmp(l->buyer, buyer) == 0)
			return l;
	}
	return NULL;
}

/* Entering actors, markets by level, links by class. */
static void
test_markets_and_links(void **state)
{
	mkg_compare *c = compare(before_json, after_json, NULL);
	const mkg_compare_market *m;
	const mkg_compare_entity *e;

	(void)state;
	assert_string_equal(mkg_compare_period(c, 0), "2010");
	assert_string_equal(mkg_compare_period(c, 1), "2012");
	assert_int_equal(mkg_compare_actor_count(c), 1);
	e = mkg_compare_actor_at(c, 0);
	assert_string_equal(e->id, "n");
	assert_int_equal(e->change, MKG_CHANGE_ENTERING);
	assert_int_equal(e->kind, MKG_ACTOR_PROCESSOR);
	assert_int_equal(mkg_compare_commodity_count(c), 0);

	/* farm-gate buyers: 200/300 and 100/300 -> 10^4 (4 + 1) / 9 = 5555.56;
	 * after t1 245 (150 + 95), n 150 of 395 -> 10^4 (245^2 + 150^2) / 395^2 */
	m = find_market(c, "producer", MKG_SIDE_BUYER);
	assert_non_null(m);
	assert_int_equal(m->change, MKG_CHANGE_SAME);
	assert_near(m->before.hhi, 1e4 * 5.0 / 9.0);
	assert_near(m->after.hhi, 1e4 * (245.0 * 245 + 150.0 * 150) / (395.0 * 395));
	assert_near(m->hhi_change, m->after.hhi - m->before.hhi);
	assert_int_equal(m->before.firms, 2);
	assert_int_equal(m->after.firms, 2);
	assert_near(m->before.total, 300);
	assert_near(m->after.total, 395);
	/* the processor level is new: n sells 150 t, one firm */
	m = find_market(c, "processor", MKG_SIDE_SELLER);
	assert_non_null(m);
	assert_int_equal(m->change, MKG_CHANGE_ENTERING);
	assert_false(m->before.present);
	assert_near(m->after.hhi, 10000);

	/* links: 7 before-or-after pairs of (seller, buyer, potato):
	 * p1-t1 100 -> 150 strengthened, p2-t1 100 -> 95 same (-5% < 10%),
	 * p3-t2 lost, t1-e 200 -> 245 strengthened, t2-e lost,
	 * p2-n, p3-n, n-e new */
	assert_int_equal(mkg_compare_link_class_count(c, MKG_CHANGE_ENTERING), 3);
	assert_int_equal(mkg_compare_link_class_count(c, MKG_CHANGE_LEAVING), 2);
	assert_int_equal(mkg_compare_link_class_count(c, MKG_CHANGE_STRENGTHENED), 2);
	assert_int_equal(mkg_compare_link_class_count(c, MKG_CHANGE_WEAKENED), 0);
	assert_int_equal(mkg_compare_link_class_count(c, MKG_CHANGE_SAME), 1);
	assert_int_equal(mkg_compare_link_count(c), 7);
	assert_int_equal(find_link(c, "p1", "t1")->change, MKG_CHANGE_STRENGTHENED);
	assert_near(find_link(c, "p1", "t1")->volume_after, 150);
	assert_null(find_link(c, "p2", "t1"));
	assert_int_equal(find_link(c, "p3", "t2")->change, MKG_CHANGE_LEAVING);
	assert_true(MKG_IS_ABSENT(find_link(c, "p3", "t2")->volume_after));

	/* outlets: 1, 1, 1 -> 1, 2, 1 buyers: mean 1 -> 4/3; one outlet 3 of 3
	 * (60 households) -> 2 of 3 (p1 10 + p3 30 = 40) */
	assert_near(mkg_compare_side_outlets(c, 0)->mean_outlets, 1);
	assert_near(mkg_compare_side_outlets(c, 1)->mean_outlets, 4.0 / 3.0);
	assert_int_equal(mkg_compare_side_outlets(c, 0)->one_outlet, 3);
	assert_int_equal(mkg_compare_side_outlets(c, 1)->one_outlet, 2);
	assert_near(mkg_compare_side_outlets(c, 1)->one_outlet_share, 2.0 / 3.0);
	assert_int_equal(mkg_compare_side_outlets(c, 0)->one_outlet_households, 60);
	assert_int_equal(mkg_compare_side_outlets(c, 1)->one_outlet_households, 40);
	mkg_compare_free(c);
}

/* A link within the threshold is the same; at the threshold it changes. */
static void
test_link_threshold(void **state)
{
	mkg_compare_options o = MKG_COMPARE_OPTIONS_INIT;
	mkg_compare *c;

	(void)state;
	/* p2-t1 falls by 5%: weakened at a threshold of 0.05, the same at 0.1 */
	o.link_threshold = 0.05;
	c = compare(before_json, after_json, &o);
	assert_int_equal(find_link(c, "p2", "t1")->change, MKG_CHANGE_WEAKENED);
	assert_int_equal(mkg_compare_link_class_count(c, MKG_CHANGE_SAME), 0);
	mkg_compare_free(c);
}

/* Chains: captive supply, cut points on the producers' side, channels. */
static void
test_chains(void **state)
{
	mkg_compare *c = compare(before_json, after_json, NULL);
	const mkg_compare_chain *ch;
	const mkg_compare_resilience *r = mkg_compare_resilience_signals(c);

	(void)state;
	assert_int_equal(mkg_compare_chain_count(c), 1);
	ch = mkg_compare_chain_at(c, 0);
	assert_string_equal(ch->commodity, "potato");
	/* before: every route of p1 and p2 passes t1 (their sales 200 t);
	 * after: only p1 is captive to t1 (150 t), p3 to n (100 t) */
	assert_string_equal(ch->before.captive_actor, "t1");
	assert_near(ch->before.captive_supply, 200);
	assert_int_equal(ch->before.captive_producers, 2);
	assert_string_equal(ch->after.captive_actor, "t1");
	assert_near(ch->after.captive_supply, 150);
	/* articulation points: t1, t2, e before (t1 and t2 buy from producers);
	 * after the cycle t1-p2-n-e leaves t1 and n (both buy from producers) */
	assert_int_equal(ch->before.cut_points, 3);
	assert_int_equal(ch->before.producer_side_cut_points, 2);
	assert_int_equal(ch->after.cut_points, 2);
	assert_int_equal(ch->after.producer_side_cut_points, 2);
	assert_near(ch->before.deliverable_share, 1);
	/* channels: producer > trader > end_market before and after; after also
	 * producer > processor > end_market (150 of 395 t) */
	assert_int_equal(mkg_compare_channel_count(c, 0), 2);
	assert_string_equal(mkg_compare_channel_at(c, 0, 0)->kinds,
	                    "producer > trader > end_market");
	/* farm 200 t for 200, end 200 t for 300 (t1) + 100 t for 150 (t2):
	 * 300 t at 1 over 300 t at 1.5 = 2/3 */
	assert_near(mkg_compare_channel_at(c, 0, 0)->farmer_share_before, 2.0 / 3.0);
	assert_true(MKG_IS_ABSENT(mkg_compare_channel_at(c, 0, 1)->share_before));
	/* resilience: captive supply 200 -> 150 falls, outlets 1 -> 4/3 rise,
	 * producer-side cut points 2 -> 2 do not fall: 2 signals */
	assert_true(r->captive_supply_falling);
	assert_true(r->outlets_rising);
	assert_false(r->fewer_producer_cut_points);
	assert_int_equal(r->signals, 2);
	mkg_compare_free(c);
}

/* Outreach without double counting; facilitation that ended. */
static void
test_outreach_and_ended(void **state)
{
	mkg_compare *c = compare(before_json, after_json, NULL);
	const mkg_compare_reach *b = mkg_compare_side_reach(c, 0), *a = mkg_compare_side_reach(c, 1);
	const mkg_compare_record *r;

	(void)state;
	/* before: f1 reaches p1 (10); its partner t1 indirectly */
	assert_int_equal(b->direct_actors, 1);
	assert_int_equal(b->direct_households, 10);
	assert_int_equal(b->record_households, 10);
	assert_int_equal(b->indirect_actors, 1);
	/* after: f1 p1 and f2 p1, p2, p3: 60 households once, 10 + 60 = 70 per
	 * record; partners t1 and n */
	assert_int_equal(a->direct_actors, 3);
	assert_int_equal(a->direct_households, 60);
	assert_int_equal(a->record_households, 70);
	assert_int_equal(a->indirect_actors, 2);
	assert_int_equal(a->households_selling, 60);
	/* f1 ends in 2011, between 2010 and 2012 */
	assert_int_equal(mkg_compare_ended_count(c), 1);
	r = mkg_compare_ended_at(c, 0);
	assert_string_equal(r->record, "f1");
	assert_string_equal(r->end, "2011");
	assert_false(r->gone);
	mkg_compare_free(c);
}

/* The indicators fire on the pair. */
static void
test_indicators_fire(void **state)
{
	mkg_compare *c = compare(before_json, after_json, NULL);
	const mkg_compare_crowding *k;
	const mkg_compare_copy *cp;
	const mkg_compare_takeover *t;

	(void)state;
	/* crowding in: n, targeted by no programme, enters the farm gate (where
	 * the targeted p1 sold) as a buyer with 150 of 395 t, and provides
	 * capacity building, which the programme's f1 provided */
	assert_int_equal(mkg_compare_crowding_count(c), 2);
	k = mkg_compare_crowding_at(c, 0);
	assert_string_equal(k->actor, "n");
	assert_string_equal(k->level, "producer");
	assert_int_equal(k->side, MKG_SIDE_BUYER);
	assert_near(k->share_after, 150.0 / 395.0);
	k = mkg_compare_crowding_at(c, 1);
	assert_null(k->commodity);
	assert_int_equal(k->function, MKG_FUNCTION_CAPACITY_BUILDING);
	assert_string_equal(k->record, "f2");
	/* copying: contract farming, used first by the targeted p1, taken up by
	 * p3 (seller) and n (buyer); no link copying (n bought nothing before) */
	assert_int_equal(mkg_compare_copy_count(c), 2);
	cp = mkg_compare_copy_at(c, 0);
	assert_string_equal(cp->actor, "p3");
	assert_int_equal(cp->contract, MKG_CONTRACT_CONTRACT_FARMING);
	assert_string_equal(cp->first, "p1");
	assert_string_equal(mkg_compare_copy_at(c, 1)->actor, "n");
	/* take-over: f1 (temporary capacity building) ended, f2 (commercial, n) */
	assert_int_equal(mkg_compare_takeover_count(c), 1);
	t = mkg_compare_takeover_at(c, 0);
	assert_string_equal(t->temporary, "f1");
	assert_string_equal(t->record, "f2");
	assert_string_equal(t->provider, "n");
	mkg_compare_free(c);
}

/* Nothing fires when nothing changed: the same model on both sides. */
static void
test_same_model(void **state)
{
	mkg_compare *c = compare(after_json, after_json, NULL);

	(void)state;
	assert_int_equal(mkg_compare_actor_count(c), 0);
	assert_int_equal(mkg_compare_link_count(c), 0);
	assert_int_equal(mkg_compare_link_class_count(c, MKG_CHANGE_SAME), 6);
	assert_int_equal(mkg_compare_crowding_count(c), 0);
	assert_int_equal(mkg_compare_copy_count(c), 0);
	assert_int_equal(mkg_compare_takeover_count(c), 0);
	assert_int_equal(mkg_compare_ended_count(c), 0);
	assert_int_equal(mkg_compare_coalition_count(c), 0);
	assert_int_equal(mkg_compare_resilience_signals(c)->signals, 0);
	for (size_t i = 0; i < mkg_compare_market_count(c); i++)
		assert_int_equal(mkg_compare_market_at(c, i)->change, MKG_CHANGE_SAME);
	mkg_compare_free(c);
}

/* Indicators that must not fire: a targeted actor entering is no crowding
 * in, a commercial record that was there already is no take-over. */
static void
test_indicators_quiet(void **state)
{
	/* after: n is targeted by the programme (f3), and f2 already existed */
	static const char before2[] =
		"{\"format\":\"marketgraph\",\"version\":1,\"currency\":\"USD\","
		"\"volume_unit\":\"t\",\"period\":\"2010\",\"actors\":[" ACTORS_BEFORE
		",{\"id\":\"n\",\"kind\":\"processor\"}],\"transactions\":[" TX_BEFORE("")
		"],\"facilitation\":[" F1 "," F2 "]}";
	static const char after2[] =
		"{\"format\":\"marketgraph\",\"version\":1,\"currency\":\"USD\","
		"\"volume_unit\":\"t\",\"period\":\"2012\",\"actors\":[" ACTORS_BEFORE
		",{\"id\":\"n\",\"kind\":\"processor\"}],\"transactions\":[" TX_AFTER("")
		"],\"facilitation\":[" F1 "," F2 ",{\"id\":\"f3\",\"facilitator\":\"prog\","
		"\"type\":\"temporary\",\"function\":\"linkages\",\"targets\":{\"actors\":[\"n\"]}}]}";
	mkg_compare *c = compare(before2, after2, NULL);

	(void)state;
	assert_int_equal(mkg_compare_crowding_count(c), 0);
	assert_int_equal(mkg_compare_takeover_count(c), 0);
	/* n is targeted: only p3 copies */
	assert_int_equal(mkg_compare_copy_count(c), 1);
	assert_string_equal(mkg_compare_copy_at(c, 0)->actor, "p3");
	mkg_compare_free(c);
}

/* Link copying: a new seller to a buyer that bought from a targeted actor. */
static void
test_link_copying(void **state)
{
	/* after: p2 starts selling to t2, which bought from p3; p3 targeted */
	static const char b[] =
		"{\"format\":\"marketgraph\",\"version\":1,\"period\":\"1\",\"actors\":["
		"{\"id\":\"p2\",\"kind\":\"producer\"},{\"id\":\"p3\",\"kind\":\"producer\"},"
		"{\"id\":\"t2\",\"kind\":\"trader\"},{\"id\":\"prog\",\"kind\":\"programme\"}],"
		"\"transactions\":[{\"seller\":\"p3\",\"buyer\":\"t2\",\"commodity\":\"x\","
		"\"volume\":5}],\"facilitation\":[{\"facilitator\":\"prog\",\"type\":\"temporary\","
		"\"function\":\"linkages\",\"targets\":{\"actors\":[\"p3\"]}}]}";
	static const char a[] =
		"{\"format\":\"marketgraph\",\"version\":1,\"period\":\"2\",\"actors\":["
		"{\"id\":\"p2\",\"kind\":\"producer\"},{\"id\":\"p3\",\"kind\":\"producer\"},"
		"{\"id\":\"t2\",\"kind\":\"trader\"},{\"id\":\"prog\",\"kind\":\"programme\"}],"
		"\"transactions\":[{\"seller\":\"p3\",\"buyer\":\"t2\",\"commodity\":\"x\","
		"\"volume\":5},{\"seller\":\"p2\",\"buyer\":\"t2\",\"commodity\":\"x\","
		"\"volume\":5}]}";
	mkg_compare *c = compare(b, a, NULL);
	const mkg_compare_copy *cp;

	(void)state;
	assert_int_equal(mkg_compare_copy_count(c), 1);
	cp = mkg_compare_copy_at(c, 0);
	assert_string_equal(cp->actor, "p2");
	assert_int_equal(cp->contract, -1);
	assert_string_equal(cp->buyer, "t2");
	assert_string_equal(cp->first, "p3");
	/* the programme's record is gone from after: it ended */
	assert_int_equal(mkg_compare_ended_count(c), 1);
	assert_true(mkg_compare_ended_at(c, 0)->gone);
	mkg_compare_free(c);
}

/* Two periods of one model give what the two snapshots give. */
static void
test_periods(void **state)
{
	mkg_model *m = read_model(periods_json);
	mkg_compare_options o = MKG_COMPARE_OPTIONS_INIT;
	mkg_compare *c = NULL, *ref = compare(before_json, after_json, NULL);
	mkg_periods *p = NULL;
	char *j1 = NULL, *j2 = NULL;

	(void)state;
	assert_int_equal(mkg_periods_new(&p, m), MKG_OK);
	assert_int_equal(mkg_periods_count(p), 2);
	assert_string_equal(mkg_periods_at(p, 0), "2010");
	assert_string_equal(mkg_periods_at(p, 1), "2012");
	mkg_periods_free(p);
	o.before_period = "2010";
	o.after_period = "2012";
	assert_int_equal(mkg_compare_new(&c, m, m, &o), MKG_OK);
	/* actors are those that take part in the period: t2 trades only in
	 * 2010 (leaving), n only in 2012 (entering); everything after the
	 * actors is what the two snapshots give */
	assert_int_equal(mkg_compare_actor_count(c), 2);
	assert_string_equal(mkg_compare_actor_at(c, 0)->id, "t2");
	assert_int_equal(mkg_compare_actor_at(c, 0)->change, MKG_CHANGE_LEAVING);
	assert_string_equal(mkg_compare_actor_at(c, 1)->id, "n");
	assert_int_equal(mkg_compare_write_json(c, &j1, NULL), MKG_OK);
	assert_int_equal(mkg_compare_write_json(ref, &j2, NULL), MKG_OK);
	assert_string_equal(strstr(j1, "\"commodities\""), strstr(j2, "\"commodities\""));
	mkg_free(j1);
	mkg_free(j2);
	mkg_compare_free(c);
	mkg_compare_free(ref);
	mkg_model_free(m);
}

static void
expect_error(const char *b, const char *a, const mkg_compare_options *o, int code,
             const char *message)
{
	mkg_model *mb = read_model(b), *ma = read_model(a);
	mkg_compare *c = NULL;

	assert_int_equal(mkg_compare_new(&c, mb, ma, o), code);
	assert_null(c);
	assert_string_equal(mkg_error_message(), message);
	mkg_model_free(mb);
	mkg_model_free(ma);
}

static void
test_errors(void **state)
{
	mkg_compare_options o = MKG_COMPARE_OPTIONS_INIT;
	mkg_model *m = read_model(before_json);
	mkg_compare *c = NULL;
	char *usd = g_strdup(before_json), *at;

	(void)state;
	assert_int_equal(mkg_compare_new(&c, NULL, m, NULL), MKG_EINVAL);
	assert_int_equal(mkg_compare_new(NULL, m, m, NULL), MKG_EINVAL);
	mkg_model_free(m);

	at = strstr(usd, "USD");
	memcpy(at, "EUR", 3);
	expect_error(before_json, usd, NULL, MKG_EINVAL,
	             "compare: the models use different currencies: \"USD\" before, \"EUR\" "
	             "after");
	g_free(usd);
	expect_error("{\"format\":\"marketgraph\",\"version\":1,\"volume_unit\":\"t\","
	             "\"actors\":[]}",
	             "{\"format\":\"marketgraph\",\"version\":1,\"volume_unit\":\"kg\","
	             "\"actors\":[]}", NULL,
	             MKG_EINVAL,
	             "compare: the models use different volume units: \"t\" before, \"kg\" after");
	expect_error("{\"format\":\"marketgraph\",\"version\":1,\"actors\":[],"
	             "\"commodities\":[{\"id\":\"x\",\"unit\":\"t\"}]}",
	             "{\"format\":\"marketgraph\",\"version\":1,\"actors\":[],"
	             "\"commodities\":[{\"id\":\"x\",\"unit\":\"kg\"}]}", NULL, MKG_EINVAL,
	             "compare: commodity \"x\" is in \"t\" before and \"kg\" after");
	expect_error(periods_json, after_json, NULL, MKG_EINVAL,
	             "before: the model holds 2 periods (2010, 2012): choose one");
	o.before_period = "2015";
	expect_error(periods_json, after_json, &o, MKG_ENOTFOUND,
	             "before: period: no transaction in period \"2015\" (periods: 2010, 2012)");
	o.before_period = NULL;
	o.link_threshold = 1.5;
	expect_error(before_json, after_json, &o, MKG_EINVAL,
	             "link_threshold: must be in [0, 1), got 1.5");
	o.link_threshold = 0.1;
	o.version = 7;
	expect_error(before_json, after_json, &o, MKG_EINVAL,
	             "mkg_compare_new: unknown options version 7");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markets_and_links),
		cmocka_unit_test(test_link_threshold),
		cmocka_unit_test(test_chains),
		cmocka_unit_test(test_outreach_and_ended),
		cmocka_unit_test(test_indicators_fire),
		cmocka_unit_test(test_same_model),
		cmocka_unit_test(test_indicators_quiet),
		cmocka_unit_test(test_link_copying),
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
