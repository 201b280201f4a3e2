/* Tests of the marketing channels (docs/analyses.md, "Marketing channels"):
 * the traced flow per kind sequence, step prices in primary equivalents,
 * the farmer's share per channel and over the chain, scaling, cycles, the
 * bounds, options and errors.  Every number is worked by hand in a comment.
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "m4p-fixture.h"

/* Replace the one occurrence of from in doc. */
static void
replace_once(GString *doc, const char *from, const char *to)
{
	const char *at = strstr(doc->str, from);

	assert_non_null(at);
	assert_null(strstr(at + 1, from));
	g_string_replace(doc, from, to, 1);
}

static mkg_channels *
compute(const mkg_model *m, const char *chain)
{
	mkg_channels_options o = MKG_CHANNELS_OPTIONS_INIT;
	mkg_channels *c = NULL;

	o.chain = chain;
	if (mkg_channels_new(&c, m, &o) != MKG_OK)
		fail_msg("mkg_channels_new: %s", mkg_error_message());
	return c;
}

static void
check_step(const mkg_channels *c, size_t chain, size_t channel, size_t k, mkg_actor_kind seller,
           mkg_actor_kind buyer, double priced_volume, double value)
{
	const mkg_channel_step *st = mkg_channels_step_at(c, chain, channel, k);

	assert_non_null(st);
	assert_int_equal(st->seller_kind, seller);
	assert_int_equal(st->buyer_kind, buyer);
	assert_near(st->priced_volume, priced_volume);
	assert_near(st->value, value);
	if (priced_volume > 0)
		assert_near(st->price, value / priced_volume);
	else
		assert_true(MKG_IS_ABSENT(st->price));
}

/*
 * The worked example of docs/analyses.md.  Farmers sell 600 t of fresh
 * potatoes to a trader (480 PEN) who sells them
 * to a wholesale market (720 PEN), and 400 t of contract potatoes to a
 * processor (400 PEN) who makes 100 t of chips (4 t of potatoes per t) and
 * sells them to retail (2000 PEN), which sells them to consumers (3200 PEN).
 *
 * In potato equivalents (chips x 4):
 *   fresh:   producer 480/600 = 0.8, trader 720/600 = 1.2;
 *            farmer's share 0.8 / 1.2 = 2/3
 *   chips:   producer 400/400 = 1, processor 2000/400 = 5,
 *            retailer 3200/400 = 8; farmer's share 1 / 8 = 0.125
 *   chain:   (600 x 2/3 + 400 x 0.125) / 1000 = (400 + 50) / 1000 = 0.45
 * The mixed ratios the channels replace: every farm sale over the fresh
 * consumer price, (480 + 400) / 1000 / 1.2 = 0.7333 (mkg_value's producer
 * share of "potato"), or the contract price over it, 1 / 1.2 = 0.8333.
 */
static const char *const potato_model =
	"{\"format\": \"marketgraph\", \"version\": 1, \"currency\": \"PEN\", "
	"\"volume_unit\": \"t\", "
	"\"commodities\": [{\"id\": \"potato\"}, {\"id\": \"chips\", \"made_from\": \"potato\", "
	"\"input_per_unit\": 4}, {\"id\": \"transport\", \"service\": true}], "
	"\"actors\": [{\"id\": \"farmers\", \"kind\": \"producer\"}, "
	"{\"id\": \"trader\", \"kind\": \"trader\"}, "
	"{\"id\": \"market\", \"kind\": \"end_market\"}, "
	"{\"id\": \"processor\", \"kind\": \"processor\"}, "
	"{\"id\": \"retail\", \"kind\": \"retailer\"}, "
	"{\"id\": \"consumers\", \"kind\": \"end_market\"}, "
	"{\"id\": \"trucks\", \"kind\": \"service_provider\"}], "
	"\"transactions\": ["
	"{\"seller\": \"farmers\", \"buyer\": \"trader\", \"commodity\": \"potato\", "
	"\"volume\": 600, \"value\": 480}, "
	"{\"seller\": \"trader\", \"buyer\": \"market\", \"commodity\": \"potato\", "
	"\"volume\": 600, \"value\": 720}, "
	"{\"seller\": \"farmers\", \"buyer\": \"processor\", \"commodity\": \"potato\", "
	"\"volume\": 400, \"value\": 400, \"contract\": \"contract_farming\"}, "
	"{\"seller\": \"processor\", \"buyer\": \"retail\", \"commodity\": \"chips\", "
	"\"volume\": 100, \"value\": 2000}, "
	"{\"seller\": \"retail\", \"buyer\": \"consumers\", \"commodity\": \"chips\", "
	"\"volume\": 100, \"value\": 3200}, "
	"{\"seller\": \"trucks\", \"buyer\": \"processor\", \"commodity\": \"transport\", "
	"\"volume\": 50, \"value\": 90, \"service\": true}]}";

static void
test_potato_worked_example(void **state)
{
	mkg_model *m = m4p_load(potato_model);
	mkg_channels *c = compute(m, NULL);
	const mkg_channel_chain *ch;
	const mkg_channel *fresh, *chips;
	const mkg_producer_share *mixed;
	mkg_value *v = NULL;

	(void)state;
	assert_string_equal(mkg_channels_currency(c), "PEN");
	/* the transport service is no chain */
	assert_int_equal(mkg_channels_chain_count(c), 1);
	ch = mkg_channels_chain_at(c, 0);
	assert_string_equal(ch->commodity, "potato");
	assert_string_equal(ch->unit, "t");
	assert_near(ch->producer_volume, 1000);
	assert_near(ch->flow, 1000);
	assert_near(ch->retained, 0);
	assert_near(ch->untraced, 0);
	assert_near(ch->circulating, 0);
	assert_int_equal(ch->transactions, 5);
	assert_int_equal(ch->without_value, 0);
	assert_int_equal(ch->without_volume, 0);
	assert_near(ch->producer_share, 0.45);

	assert_int_equal(mkg_channels_channel_count(c, 0), 2);
	fresh = mkg_channels_channel_at(c, 0, 0);
	assert_string_equal(fresh->kinds, "producer > trader > end_market");
	assert_near(fresh->volume, 600);
	assert_near(fresh->share, 0.6);
	assert_near(fresh->farm_price, 0.8);
	assert_near(fresh->end_price, 1.2);
	assert_near(fresh->farmer_share, 2.0 / 3);
	assert_int_equal(mkg_channels_step_count(c, 0, 0), 2);
	check_step(c, 0, 0, 0, MKG_ACTOR_PRODUCER, MKG_ACTOR_TRADER, 600, 480);
	check_step(c, 0, 0, 1, MKG_ACTOR_TRADER, MKG_ACTOR_END_MARKET, 600, 720);

	chips = mkg_channels_channel_at(c, 0, 1);
	assert_string_equal(chips->kinds, "producer > processor > retailer > end_market");
	assert_near(chips->volume, 400);
	assert_near(chips->share, 0.4);
	assert_near(chips->farm_price, 1);
	assert_near(chips->end_price, 8);
	assert_near(chips->farmer_share, 0.125);
	assert_int_equal(mkg_channels_step_count(c, 0, 1), 3);
	check_step(c, 0, 1, 0, MKG_ACTOR_PRODUCER, MKG_ACTOR_PROCESSOR, 400, 400);
	check_step(c, 0, 1, 1, MKG_ACTOR_PROCESSOR, MKG_ACTOR_RETAILER, 400, 2000);
	check_step(c, 0, 1, 2, MKG_ACTOR_RETAILER, MKG_ACTOR_END_MARKET, 400, 3200);
	assert_null(mkg_channels_step_at(c, 0, 1, 3));
	assert_null(mkg_channels_channel_at(c, 0, 2));
	assert_null(mkg_channels_channel_at(c, 1, 0));
	assert_null(mkg_channels_chain_at(c, 1));
	assert_int_equal(mkg_channels_channel_count(c, 1), 0);
	assert_int_equal(mkg_channels_step_count(c, 0, 2), 0);

	/* the old ratio mixes the channels: it is neither of the two */
	assert_int_equal(mkg_value_new(&v, m, NULL), MKG_OK);
	assert_int_equal(mkg_value_producer_share_find(v, "potato", &mixed), MKG_OK);
	assert_near(mixed->share, 0.88 / 1.2);
	assert_true(fabs(mixed->share - ch->producer_share) > 0.25);
	assert_true(fabs(chips->farm_price / fresh->end_price - chips->farmer_share) > 0.7);
	mkg_value_free(v);
	mkg_channels_free(c);
	mkg_model_free(m);
}

/*
 * Splitting and scaling (maize, t, USD):
 *   p1 -> tr  100 t  100     tr sells 60 + 20 = 80 of the 100 it holds:
 *   tr -> em1  60 t  120       it passes 60 to em1 and 20 to rt, keeps 20
 *   tr -> rt   20 t   50       (retained)
 *   rt -> em2  20 t   80
 *   p2 -> col  30 t   36     col sells 50 but 30 were traced to it: it
 *   col -> em1 50 t  100       passes the 30 (50 x 30/50), 20 untraced
 *   p2 -> em2  10 t  (no value)
 * Channels:
 *   producer > trader > end_market               60  farm 1    end 2  1/2
 *   producer > collector > end_market            30  farm 1.2  end 2  0.6
 *   producer > trader > retailer > end_market    20  farm 1    end 4  1/4
 *   producer > end_market                        10  no price
 * flow 120; from producers 100 + 40 = 140 = 120 + 20 retained.
 * Chain share (60 x 0.5 + 30 x 0.6 + 20 x 0.25) / 110 = 53/110.
 * The collector's step carries 30 of its 50 t: priced 30, value 30 x 2 = 60.
 */
static const char *const split_model =
	"{\"format\": \"marketgraph\", \"version\": 1, \"currency\": \"USD\", "
	"\"volume_unit\": \"t\", \"actors\": ["
	"{\"id\": \"p1\", \"kind\": \"producer\"}, {\"id\": \"p2\", \"kind\": \"producer\"}, "
	"{\"id\": \"tr\", \"kind\": \"trader\"}, {\"id\": \"col\", \"kind\": \"collector\"}, "
	"{\"id\": \"rt\", \"kind\": \"retailer\"}, {\"id\": \"em1\", \"kind\": \"end_market\"}, "
	"{\"id\": \"em2\", \"kind\": \"end_market\"}], \"transactions\": ["
	"{\"seller\": \"p1\", \"buyer\": \"tr\", \"commodity\": \"maize\", \"volume\": 100, "
	"\"value\": 100}, "
	"{\"seller\": \"tr\", \"buyer\": \"em1\", \"commodity\": \"maize\", \"volume\": 60, "
	"\"value\": 120}, "
	"{\"seller\": \"tr\", \"buyer\": \"rt\", \"commodity\": \"maize\", \"volume\": 20, "
	"\"value\": 50}, "
	"{\"seller\": \"rt\", \"buyer\": \"em2\", \"commodity\": \"maize\", \"volume\": 20, "
	"\"value\": 80}, "
	"{\"seller\": \"p2\", \"buyer\": \"col\", \"commodity\": \"maize\", \"volume\": 30, "
	"\"value\": 36}, "
	"{\"seller\": \"col\", \"buyer\": \"em1\", \"commodity\": \"maize\", \"volume\": 50, "
	"\"value\": 100}, "
	"{\"seller\": \"p2\", \"buyer\": \"em2\", \"commodity\": \"maize\", \"volume\": 10}, "
	"{\"seller\": \"p1\", \"buyer\": \"em2\", \"commodity\": \"maize\", \"value\": 7}]}";

static void
test_split_and_scale(void **state)
{
	mkg_model *m = m4p_load(split_model);
	mkg_channels *c = compute(m, NULL);
	const mkg_channel_chain *ch = mkg_channels_chain_at(c, 0);
	const mkg_channel *r;

	(void)state;
	assert_int_equal(mkg_channels_chain_count(c), 1);
	assert_string_equal(ch->commodity, "maize");
	assert_near(ch->producer_volume, 140);
	assert_near(ch->flow, 120);
	assert_near(ch->retained, 20);
	assert_near(ch->untraced, 20);
	assert_near(ch->circulating, 0);
	assert_int_equal(ch->transactions, 7);
	assert_int_equal(ch->without_value, 1);
	assert_int_equal(ch->without_volume, 1);
	assert_near(ch->producer_share, 53.0 / 110);
	assert_int_equal(mkg_channels_channel_count(c, 0), 4);

	r = mkg_channels_channel_at(c, 0, 0);
	assert_string_equal(r->kinds, "producer > trader > end_market");
	assert_near(r->volume, 60);
	assert_near(r->share, 0.5);
	assert_near(r->farmer_share, 0.5);
	check_step(c, 0, 0, 0, MKG_ACTOR_PRODUCER, MKG_ACTOR_TRADER, 60, 60);
	check_step(c, 0, 0, 1, MKG_ACTOR_TRADER, MKG_ACTOR_END_MARKET, 60, 120);

	r = mkg_channels_channel_at(c, 0, 1);
	assert_string_equal(r->kinds, "producer > collector > end_market");
	assert_near(r->volume, 30);
	assert_near(r->share, 0.25);
	assert_near(r->farm_price, 1.2);
	assert_near(r->end_price, 2);
	assert_near(r->farmer_share, 0.6);
	check_step(c, 0, 1, 1, MKG_ACTOR_COLLECTOR, MKG_ACTOR_END_MARKET, 30, 60);

	r = mkg_channels_channel_at(c, 0, 2);
	assert_string_equal(r->kinds, "producer > trader > retailer > end_market");
	assert_near(r->volume, 20);
	assert_near(r->farm_price, 1);
	assert_near(r->end_price, 4);
	assert_near(r->farmer_share, 0.25);
	check_step(c, 0, 2, 1, MKG_ACTOR_TRADER, MKG_ACTOR_RETAILER, 20, 50);

	/* flow without a value: in the volume, not in the prices */
	r = mkg_channels_channel_at(c, 0, 3);
	assert_string_equal(r->kinds, "producer > end_market");
	assert_near(r->volume, 10);
	assert_near(r->share, 10.0 / 120);
	assert_true(MKG_IS_ABSENT(r->farm_price));
	assert_true(MKG_IS_ABSENT(r->farmer_share));
	check_step(c, 0, 3, 0, MKG_ACTOR_PRODUCER, MKG_ACTOR_END_MARKET, 0, 0);
	mkg_channels_free(c);
	mkg_model_free(m);
}

/*
 * Cycles: p -> t1 100, t1 -> t2 100, t2 -> t1 30, t2 -> em 70.
 * The search from p meets t2 -> t1 while t1 is open: it is left out, 30 t
 * circulating (the model refuses an actor selling to itself).  t2 then holds 100 and sells 70: retained 30.
 * An end market's sales are untraced (em -> t2 12).
 * A producer that buys: p -> q 40, q -> em 100: q passes the 40 and adds 60
 * of its own.
 */
static void
test_cycles_and_producers_that_buy(void **state)
{
	mkg_model *m = m4p_load(
		"{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"t1\", \"kind\": \"trader\"}, "
		"{\"id\": \"t2\", \"kind\": \"wholesaler\"}, {\"id\": \"em\", \"kind\": \"end_market\"}, "
		"{\"id\": \"q\", \"kind\": \"producer\"}], \"transactions\": ["
		"{\"seller\": \"p\", \"buyer\": \"t1\", \"commodity\": \"rice\", \"volume\": 100}, "
		"{\"seller\": \"t1\", \"buyer\": \"t2\", \"commodity\": \"rice\", \"volume\": 100}, "
		"{\"seller\": \"t2\", \"buyer\": \"t1\", \"commodity\": \"rice\", \"volume\": 30}, "
		"{\"seller\": \"t2\", \"buyer\": \"em\", \"commodity\": \"rice\", \"volume\": 70}, "
		"{\"seller\": \"em\", \"buyer\": \"t2\", \"commodity\": \"rice\", \"volume\": 12}, "
		"{\"seller\": \"p\", \"buyer\": \"q\", \"commodity\": \"beans\", \"volume\": 40}, "
		"{\"seller\": \"q\", \"buyer\": \"em\", \"commodity\": \"beans\", \"volume\": 100}]}");
	mkg_channels *c = compute(m, NULL);
	const mkg_channel_chain *beans, *rice;

	(void)state;
	assert_int_equal(mkg_channels_chain_count(c), 2);
	beans = mkg_channels_chain_at(c, 0);
	rice = mkg_channels_chain_at(c, 1);
	assert_string_equal(beans->commodity, "beans");
	assert_null(beans->unit); /* the model has no volume unit */
	assert_near(beans->producer_volume, 100);
	assert_near(beans->flow, 100);
	assert_int_equal(mkg_channels_channel_count(c, 0), 2);
	assert_string_equal(mkg_channels_channel_at(c, 0, 0)->kinds, "producer > end_market");
	assert_near(mkg_channels_channel_at(c, 0, 0)->volume, 60);
	assert_string_equal(mkg_channels_channel_at(c, 0, 1)->kinds,
	                    "producer > producer > end_market");
	assert_near(mkg_channels_channel_at(c, 0, 1)->volume, 40);
	assert_true(MKG_IS_ABSENT(beans->producer_share)); /* no value anywhere */

	assert_string_equal(rice->commodity, "rice");
	assert_near(rice->circulating, 30);
	assert_near(rice->untraced, 12);
	assert_near(rice->producer_volume, 100);
	assert_near(rice->flow, 70);
	assert_near(rice->retained, 30);
	assert_int_equal(mkg_channels_channel_count(c, 1), 1);
	assert_string_equal(mkg_channels_channel_at(c, 1, 0)->kinds,
	                    "producer > trader > wholesaler > end_market");
	assert_near(mkg_channels_channel_at(c, 1, 0)->volume, 70);
	mkg_channels_free(c);
	mkg_model_free(m);
}

/* A line p -> t1 -> ... -> tN -> em of N traders. */
static mkg_model *
line_model(int traders)
{
	GString *s = g_string_new("{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
	                          "{\"id\": \"p\", \"kind\": \"producer\"}, "
	                          "{\"id\": \"em\", \"kind\": \"end_market\"}");
	mkg_model *m;

	for (int i = 1; i <= traders; i++)
		g_string_append_printf(s, ", {\"id\": \"t%d\", \"kind\": \"trader\"}", i);
	g_string_append(s, "], \"transactions\": [{\"seller\": \"p\", \"buyer\": \"t1\", "
	                   "\"commodity\": \"tea\", \"volume\": 8, \"value\": 8}");
	for (int i = 1; i < traders; i++)
		g_string_append_printf(s, ", {\"seller\": \"t%d\", \"buyer\": \"t%d\", \"commodity\": "
		                       "\"tea\", \"volume\": 8, \"value\": %d}", i, i + 1, 8 * (i + 1));
	g_string_append_printf(s, ", {\"seller\": \"t%d\", \"buyer\": \"em\", \"commodity\": "
	                       "\"tea\", \"volume\": 8, \"value\": 80}]}", traders);
	m = m4p_load(s->str);
	g_string_free(s, TRUE);
	return m;
}

/* MKG_CHANNELS_MAX_KINDS = 12: producer, 10 traders and the end market fit
 * (11 steps); one trader more makes the channel "other", with its farm
 * price (8/8 = 1) and end price (80/8 = 10) but no steps. */
static void
test_longest_channel(void **state)
{
	mkg_model *m = line_model(10);
	mkg_channels *c = compute(m, NULL);
	const mkg_channel *r;

	(void)state;
	assert_int_equal(mkg_channels_step_count(c, 0, 0), MKG_CHANNELS_MAX_KINDS - 1);
	check_step(c, 0, 0, 10, MKG_ACTOR_TRADER, MKG_ACTOR_END_MARKET, 8, 80);
	mkg_channels_free(c);
	mkg_model_free(m);

	m = line_model(11);
	c = compute(m, NULL);
	r = mkg_channels_channel_at(c, 0, 0);
	assert_string_equal(r->kinds, "other");
	assert_int_equal(mkg_channels_step_count(c, 0, 0), 0);
	assert_near(r->volume, 8);
	assert_near(r->farm_price, 1);
	assert_near(r->end_price, 10);
	assert_near(r->farmer_share, 0.1);
	mkg_channels_free(c);
	mkg_model_free(m);
}

/*
 * MKG_CHANNELS_PER_ACTOR: p sells 15 t (15 USD) to each of a_1..a_15, one
 * actor of each kind but producer and end market; each a_i sells 1 t to
 * each of b_1..b_15 (same kinds); each b_j sells its 15 t to the hub, a
 * trader, which sells 225 t to the end market for 450.  The hub receives
 * 15 x 15 = 225 sequences of 1 t each: it keeps 62 (ties: first made
 * first) and pools 163 t in "other" (farm price 1, end price 2).
 */
static void
test_pooled_channels(void **state)
{
	GString *s = g_string_new("{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
	                          "{\"id\": \"p\", \"kind\": \"producer\"}, "
	                          "{\"id\": \"hub\", \"kind\": \"trader\"}, "
	                          "{\"id\": \"em\", \"kind\": \"end_market\"}");
	int kinds[MKG_ACTOR_KIND_COUNT], nk = 0;
	mkg_model *m;
	mkg_channels *c;
	const mkg_channel *other;
	double total = 0;

	(void)state;
	for (int k = 0; k < MKG_ACTOR_KIND_COUNT; k++)
		if (k != MKG_ACTOR_PRODUCER && k != MKG_ACTOR_END_MARKET)
			kinds[nk++] = k;
	assert_int_equal(nk, 15);
	for (int i = 0; i < nk; i++)
		g_string_append_printf(s, ", {\"id\": \"a%d\", \"kind\": \"%s\"}, {\"id\": \"b%d\", "
		                       "\"kind\": \"%s\"}", i, mkg_actor_kind_name(kinds[i]), i,
		                       mkg_actor_kind_name(kinds[i]));
	g_string_append(s, "], \"transactions\": [{\"seller\": \"hub\", \"buyer\": \"em\", "
	                   "\"commodity\": \"tea\", \"volume\": 225, \"value\": 450}");
	for (int i = 0; i < nk; i++) {
		g_string_append_printf(s, ", {\"seller\": \"p\", \"buyer\": \"a%d\", \"commodity\": "
		                       "\"tea\", \"volume\": 15, \"value\": 15}, {\"seller\": \"b%d\", "
		                       "\"buyer\": \"hub\", \"commodity\": \"tea\", \"volume\": 15}",
		                       i, i);
		for (int j = 0; j < nk; j++)
			g_string_append_printf(s, ", {\"seller\": \"a%d\", \"buyer\": \"b%d\", "
			                       "\"commodity\": \"tea\", \"volume\": 1}", i, j);
	}
	g_string_append(s, "]}");
	m = m4p_load(s->str);
	g_string_free(s, TRUE);
	c = compute(m, NULL);

	assert_int_equal(mkg_channels_channel_count(c, 0), MKG_CHANNELS_PER_ACTOR - 1);
	for (size_t j = 0; j < mkg_channels_channel_count(c, 0); j++)
		total += mkg_channels_channel_at(c, 0, j)->volume;
	assert_near(total, 225);
	assert_near(mkg_channels_chain_at(c, 0)->flow, 225);
	assert_near(mkg_channels_channel_at(c, 0, 0)->volume, 1);
	assert_int_equal(mkg_channels_step_count(c, 0, 0), 4);
	other = mkg_channels_channel_at(c, 0, MKG_CHANNELS_PER_ACTOR - 2);
	assert_string_equal(other->kinds, "other");
	assert_near(other->volume, 225 - (MKG_CHANNELS_PER_ACTOR - 2));
	assert_near(other->farm_price, 1);
	assert_near(other->end_price, 2);
	assert_near(mkg_channels_chain_at(c, 0)->producer_share, 0.5);
	mkg_channels_free(c);
	mkg_model_free(m);
}

static void
test_chain_option_and_errors(void **state)
{
	mkg_model *m = m4p_load(potato_model);
	mkg_channels_options o = MKG_CHANNELS_OPTIONS_INIT;
	mkg_channels *sentinel = (mkg_channels *)&o, *c = sentinel;
	char *text = NULL;

	(void)state;
	c = compute(m, "potato");
	assert_int_equal(mkg_channels_chain_count(c), 1);
	mkg_channels_free(c);
	/* a service has no chain */
	c = compute(m, "transport");
	assert_int_equal(mkg_channels_chain_count(c), 0);
	mkg_channels_free(c);

	c = sentinel;
	o.chain = "chips";
	assert_int_equal(mkg_channels_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "chain: \"chips\" is made from \"potato\": name the primary commodity");
	o.chain = "yam";
	assert_int_equal(mkg_channels_new(&c, m, &o), MKG_ENOTFOUND);
	assert_string_equal(mkg_error_message(), "chain: no commodity \"yam\"");
	o.chain = NULL;
	o.version = 7;
	assert_int_equal(mkg_channels_new(&c, m, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_channels_new: unknown options version 7");
	assert_int_equal(mkg_channels_new(NULL, m, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_channels_new: argument 'out' is NULL");
	assert_int_equal(mkg_channels_new(&c, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_channels_new: argument 'model' is NULL");
	assert_ptr_equal(c, sentinel);

	assert_int_equal(mkg_channels_options_init(&o, 2), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_channels_options_init: unknown version 2");
	assert_int_equal(mkg_channels_options_init(&o, MKG_CHANNELS_OPTIONS_VERSION), MKG_OK);
	assert_null(o.chain);
	assert_int_equal(mkg_channels_write_json(NULL, &text, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_channels_write_json: argument 'c' is NULL");
	assert_null(text);
	/* NULL results read as empty */
	assert_int_equal(mkg_channels_chain_count(NULL), 0);
	assert_null(mkg_channels_chain_at(NULL, 0));
	assert_null(mkg_channels_step_at(NULL, 0, 0, 0));
	assert_null(mkg_channels_currency(NULL));
	mkg_channels_free(NULL);
	mkg_model_free(m);
}

/* 1e308 t of chips are 4e308 t of potatoes: more than a double holds. */
static void
test_overflow(void **state)
{
	mkg_model *m = m4p_load(
		"{\"format\": \"marketgraph\", \"version\": 1, \"commodities\": [{\"id\": \"potato\"}, "
		"{\"id\": \"chips\", \"made_from\": \"potato\", \"input_per_unit\": 4}], "
		"\"actors\": [{\"id\": \"p\", \"kind\": \"producer\"}, "
		"{\"id\": \"em\", \"kind\": \"end_market\"}], \"transactions\": ["
		"{\"seller\": \"p\", \"buyer\": \"em\", \"commodity\": \"chips\", \"volume\": 1e308}]}");
	mkg_model *tiny = m4p_load(
		"{\"format\": \"marketgraph\", \"version\": 1, "
		"\"actors\": [{\"id\": \"p\", \"kind\": \"producer\"}, "
		"{\"id\": \"em\", \"kind\": \"end_market\"}], \"transactions\": ["
		"{\"seller\": \"p\", \"buyer\": \"em\", \"commodity\": \"tea\", \"volume\": 1e-10, "
		"\"value\": 1e300}]}");
	mkg_model *huge = m4p_load(
		"{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"q\", \"kind\": \"producer\"}, "
		"{\"id\": \"t\", \"kind\": \"trader\"}, {\"id\": \"m\", \"kind\": \"end_market\"}], "
		"\"transactions\": ["
		"{\"seller\": \"p\", \"buyer\": \"t\", \"commodity\": \"x\", \"volume\": 1e307, "
		"\"value\": 1.7e308}, "
		"{\"seller\": \"q\", \"buyer\": \"t\", \"commodity\": \"x\", \"volume\": 3e307, "
		"\"value\": 1.7e154}, "
		"{\"seller\": \"t\", \"buyer\": \"m\", \"commodity\": \"x\", \"volume\": 4e307, "
		"\"value\": 1e-300}]}");
	GString *json = g_string_new(
		"{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"t\", \"kind\": \"trader\"}");
	mkg_model *eleven;
	mkg_channels *c = NULL;

	for (int i = 0; i < 11; i++)
		g_string_append_printf(json, ", {\"id\": \"e%d\", \"kind\": \"end_market\"}", i);
	g_string_append(json, "], \"transactions\": [{\"seller\": \"p\", \"buyer\": \"t\", "
	                "\"commodity\": \"x\", \"volume\": 11, \"value\": 1.7976931348623157e308}");
	for (int i = 0; i < 11; i++)
		g_string_append_printf(json, ", {\"seller\": \"t\", \"buyer\": \"e%d\", "
		                       "\"commodity\": \"x\", \"volume\": 1}", i);
	g_string_append(json, "]}");
	eleven = m4p_load(json->str);
	(void)state;
	assert_int_equal(mkg_channels_new(&c, m, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "channels: the volume of chain \"potato\" overflows (sum of the "
	                    "transactions' volume in primary equivalents exceeds 1.8e308)");
	assert_int_equal(mkg_channels_new(&c, tiny, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "channels: a price in chain \"tea\" overflows (value / volume, or a "
	                    "ratio of two prices, exceeds 1.8e308)");
	/* the fuzzer's: 1e307 t worth 1.7e308 sold to a trader, whose 4e307 t
	 * carry that value on to the end market.  A flow's part of an arc is
	 * (flow / volume) x value, at most the arc's value: 1e307 x 1.7e308 /
	 * 1e307 passed DBL_MAX on the way.  The farm gate's value is 1.7e308 +
	 * 1.7e154 = 1.7e308 (to the double) over 4e307 t: 4.25 per t */
	assert_int_equal(mkg_channels_new(&c, huge, NULL), MKG_OK);
	assert_int_equal(mkg_channels_channel_count(c, 0), 1);
	assert_string_equal(mkg_channels_channel_at(c, 0, 0)->kinds,
	                    "producer > trader > end_market");
	assert_true(mkg_channels_channel_at(c, 0, 0)->volume == 4e307);
	assert_true(fabs(mkg_channels_channel_at(c, 0, 0)->farm_price - 4.25) < 1e-15);
	mkg_channels_free(c);
	c = NULL;
	/* DBL_MAX for 11 t at the farm gate, 1 t to each of 11 end markets:
	 * each carries DBL_MAX x (1 / 11), rounded up, and the eleven parts add
	 * up past DBL_MAX in the channel's farm-gate step */
	assert_int_equal(mkg_channels_new(&c, eleven, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "channels: the flow of a step in chain \"x\" overflows (its volume or "
	                    "value, over the flows that cross it, exceeds 1.8e308)");
	assert_null(c);
	g_string_free(json, TRUE);
	mkg_model_free(m);
	mkg_model_free(tiny);
	mkg_model_free(huge);
	mkg_model_free(eleven);
}

/*
 * Margins per channel and per t of potatoes (docs/analyses.md, 4b): the
 * worked example with costs.  farmers: labour 176 and a cess of 44 paid to
 * the board (a transfer); processor: energy 310 (besides its potatoes, 400,
 * and transport, 90); retail: rent 600; the trader gives no costs.
 * A seller's costs per unit of sales value: (costs + purchases + transfers
 * paid - received - purchases of the chain's produce) / sales:
 *   farmers   (176 + 44) / 880                    = 0.25
 *   processor (310 + 400 + 90 - 400) / 2000       = 0.2
 *   retail    (600 + 2000 - 2000) / 3200          = 0.1875
 * Per t of potatoes (a step's value x rate / its volume):
 *   fresh  producer 0.8 - 0  = 0.8, costs 480 x 0.25 / 600 = 0.2, net 0.6
 *          trader   1.2 - 0.8 = 0.4, no costs: no net margin
 *          channel  1.2, no net margin
 *   chips  producer 1 - 0 = 1, costs 400 x 0.25 / 400 = 0.25, net 0.75
 *          processor 5 - 1 = 4, costs 2000 x 0.2 / 400 = 1, net 3
 *          retailer  8 - 5 = 3, costs 3200 x 0.1875 / 400 = 1.5, net 1.5
 *          channel   8, costs 2.75, net 5.25
 * Check against section 4's net margins: farmers 880 - 176 - 44 = 660 =
 * 600 x 0.6 + 400 x 0.75; processor 2000 - 490 - 310 = 1200 = 400 x 3;
 * retail 3200 - 2000 - 600 = 600 = 400 x 1.5.
 */
static void
check_margins(const mkg_channels *c, size_t channel, size_t k, double purchase,
              double value_added, double costs)
{
	const mkg_channel_step *st = mkg_channels_step_at(c, 0, channel, k);

	assert_non_null(st);
	assert_near(st->purchase_price, purchase);
	assert_near(st->value_added, value_added);
	if (MKG_IS_ABSENT(costs)) {
		assert_true(MKG_IS_ABSENT(st->costs));
		assert_true(MKG_IS_ABSENT(st->net_margin));
	} else {
		assert_near(st->costs, costs);
		assert_near(st->net_margin, value_added - costs);
	}
}

static void
test_margins(void **state)
{
	GString *doc = g_string_new(potato_model);
	mkg_model *m;
	mkg_channels *c;
	const mkg_channel *fresh, *chips;
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	mkg_report *r = NULL;
	char *text = NULL;

	(void)state;
	/* the worked example, with costs and a cess */
	replace_once(doc, "{\"id\": \"transport\", \"service\": true}",
	                  "{\"id\": \"transport\", \"service\": true}, "
	                  "{\"id\": \"cess\", \"service\": true, \"transfer\": true}");
	replace_once(doc, "{\"id\": \"farmers\", \"kind\": \"producer\"}",
	                  "{\"id\": \"farmers\", \"kind\": \"producer\", \"costs\": "
	                  "[{\"item\": \"labour\", \"amount\": 176}]}, "
	                  "{\"id\": \"board\", \"kind\": \"public_agency\"}");
	replace_once(doc, "{\"id\": \"processor\", \"kind\": \"processor\"}",
	                  "{\"id\": \"processor\", \"kind\": \"processor\", \"costs\": "
	                  "[{\"item\": \"energy\", \"amount\": 310}]}");
	replace_once(doc, "{\"id\": \"retail\", \"kind\": \"retailer\"}",
	                  "{\"id\": \"retail\", \"kind\": \"retailer\", \"costs\": "
	                  "[{\"item\": \"rent\", \"amount\": 600}]}");
	replace_once(doc, "\"transactions\": [",
	                  "\"transactions\": [{\"seller\": \"board\", \"buyer\": \"farmers\", "
	                  "\"commodity\": \"cess\", \"value\": 44, \"service\": true}, ");
	m = m4p_load(doc->str);
	c = compute(m, NULL);

	fresh = mkg_channels_channel_at(c, 0, 0);
	assert_string_equal(fresh->kinds, "producer > trader > end_market");
	check_margins(c, 0, 0, 0, 0.8, 0.2);
	check_margins(c, 0, 1, 0.8, 0.4, MKG_ABSENT);
	assert_near(fresh->value_added, 1.2);
	assert_true(MKG_IS_ABSENT(fresh->costs));
	assert_true(MKG_IS_ABSENT(fresh->net_margin));

	chips = mkg_channels_channel_at(c, 0, 1);
	assert_string_equal(chips->kinds, "producer > processor > retailer > end_market");
	check_margins(c, 1, 0, 0, 1, 0.25);
	check_margins(c, 1, 1, 1, 4, 1);
	check_margins(c, 1, 2, 5, 3, 1.5);
	assert_near(chips->value_added, 8);
	assert_near(chips->costs, 2.75);
	assert_near(chips->net_margin, 5.25);
	mkg_channels_free(c);

	o.channels = 1;
	assert_int_equal(mkg_report_new(&r, m, &o), MKG_OK);
	assert_int_equal(mkg_report_write_text(r, &text, NULL), MKG_OK);
	assert_non_null(strstr(text, "    value added: producer 0.8 (net margin 0.6), trader "
	                             "0.4; channel 1.2\n"));
	assert_non_null(strstr(text, "    value added: producer 1 (net margin 0.75), processor 4 "
	                             "(net margin 3), retailer 3 (net margin 1.5); channel 8 (net "
	                             "margin 5.25)\n"));
	mkg_free(text);
	mkg_report_free(r);
	/* the long form shows the channels too */
	o.channels = 0;
	o.detail = 1;
	assert_int_equal(mkg_report_new(&r, m, &o), MKG_OK);
	assert_int_equal(mkg_report_write_text(r, &text, NULL), MKG_OK);
	assert_non_null(strstr(text, "\nMarketing channels\n"));
	assert_non_null(strstr(text, "; channel 8 (net margin 5.25)\n"));
	mkg_free(text);
	assert_int_equal(mkg_report_write_json(r, &text, NULL), MKG_OK);
	assert_non_null(strstr(text, "\"value_added\": 8,\n"));
	assert_non_null(strstr(text, "\"net_margin\": 5.25,\n"));
	mkg_free(text);
	mkg_report_free(r);
	mkg_model_free(m);
	g_string_free(doc, TRUE);
}

/*
 * A step has costs only when every seller on its priced flow gives them.
 * p1 (costs 5) sells 10 t for 10 and p2 10 t for 20 to tr, who sells 25 t
 * for 75 (p3's 5 t have no value).  Without p2's costs the producer step
 * has none; with p2's 4: p1 10 x 5/10 = 5, p2 20 x 4/20 = 4, (5 + 4) / 20
 * = 0.45 per t, value added 30 / 20 = 1.5, net 1.05; p3, unpriced, gives
 * no costs but carries no price either.  tr gives none: 3 - 1.5 = 1.5,
 * no net margin, and the channel none.
 */
static void
test_margins_partial(void **state)
{
	static const char *const fmt =
		"{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
		"{\"id\": \"p1\", \"kind\": \"producer\", \"costs\": [{\"item\": \"a\", "
		"\"amount\": 5}]}, {\"id\": \"p2\", \"kind\": \"producer\"%s}, "
		"{\"id\": \"p3\", \"kind\": \"producer\"}, {\"id\": \"tr\", \"kind\": \"trader\"}, "
		"{\"id\": \"em\", \"kind\": \"end_market\"}], \"transactions\": ["
		"{\"seller\": \"p1\", \"buyer\": \"tr\", \"commodity\": \"tea\", \"volume\": 10, "
		"\"value\": 10}, "
		"{\"seller\": \"p2\", \"buyer\": \"tr\", \"commodity\": \"tea\", \"volume\": 10, "
		"\"value\": 20}, "
		"{\"seller\": \"p3\", \"buyer\": \"tr\", \"commodity\": \"tea\", \"volume\": 5}, "
		"{\"seller\": \"tr\", \"buyer\": \"em\", \"commodity\": \"tea\", \"volume\": 25, "
		"\"value\": 75}]}";

	(void)state;
	for (int with = 0; with < 2; with++) {
		char *doc = g_strdup_printf(fmt, with ? ", \"costs\": [{\"item\": \"b\", "
		                                        "\"amount\": 4}]" : "");
		mkg_model *m = m4p_load(doc);
		mkg_channels *c = compute(m, NULL);
		const mkg_channel *ch = mkg_channels_channel_at(c, 0, 0);

		assert_string_equal(ch->kinds, "producer > trader > end_market");
		assert_near(ch->volume, 25);
		check_step(c, 0, 0, 0, MKG_ACTOR_PRODUCER, MKG_ACTOR_TRADER, 20, 30);
		check_margins(c, 0, 0, 0, 1.5, with ? 0.45 : MKG_ABSENT);
		check_margins(c, 0, 1, 1.5, 1.5, MKG_ABSENT);
		assert_near(ch->value_added, 3);
		assert_true(MKG_IS_ABSENT(ch->costs));
		assert_true(MKG_IS_ABSENT(ch->net_margin));
		mkg_channels_free(c);
		mkg_model_free(m);
		g_free(doc);
	}
}

/* Costs whose sum no double holds. */
static void
test_margins_overflow(void **state)
{
	mkg_model *m = m4p_load(
		"{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
		"{\"id\": \"p\", \"kind\": \"producer\", \"costs\": [{\"item\": \"a\", "
		"\"amount\": 1e308}, {\"item\": \"b\", \"amount\": 1e308}]}, "
		"{\"id\": \"em\", \"kind\": \"end_market\"}], \"transactions\": ["
		"{\"seller\": \"p\", \"buyer\": \"em\", \"commodity\": \"tea\", \"volume\": 1, "
		"\"value\": 1}]}");
	mkg_channels *c = NULL;

	(void)state;
	assert_int_equal(mkg_channels_new(&c, m, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "channels: the costs of actor \"p\" overflow (the sum of its costs, "
	                    "purchases and transfers exceeds 1.8e308)");
	assert_null(c);
	mkg_model_free(m);
}

/* The report: `channels` in the JSON whenever a chain exists; in the text
 * only with the option. */
static void
test_report(void **state)
{
	mkg_model *m = m4p_load(potato_model);
	mkg_model *services = m4p_load(
		"{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
		"{\"id\": \"a\", \"kind\": \"service_provider\"}, {\"id\": \"b\", \"kind\": \"trader\"}],"
		" \"transactions\": [{\"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"transport\", "
		"\"value\": 5, \"service\": true}]}");
	mkg_report_options o = MKG_REPORT_OPTIONS_INIT;
	mkg_report *r = NULL;
	mkg_channels *c = compute(m, NULL);
	char *text = NULL, *json = NULL;

	(void)state;
	assert_int_equal(mkg_report_new(&r, m, NULL), MKG_OK);
	assert_int_equal(mkg_report_write_text(r, &text, NULL), MKG_OK);
	assert_null(strstr(text, "Marketing channels"));
	mkg_free(text);
	assert_int_equal(mkg_report_write_json(r, &text, NULL), MKG_OK);
	assert_int_equal(mkg_channels_write_json(c, &json, NULL), MKG_OK);
	/* the section is there, with the result's rows (the Python tests compare
	 * it whole with mkg_channels_write_json) */
	assert_non_null(strstr(text, "\"channels\": {\n    \"currency\": \"PEN\""));
	assert_non_null(strstr(json, "\"kinds\": \"producer > processor > retailer > end_market\""));
	assert_non_null(strstr(text, "\"kinds\": \"producer > processor > retailer > end_market\""));
	mkg_free(text);
	mkg_free(json);
	mkg_report_free(r);

	o.channels = 1;
	assert_int_equal(mkg_report_new(&r, m, &o), MKG_OK);
	assert_int_equal(mkg_report_write_text(r, &text, NULL), MKG_OK);
	assert_non_null(strstr(text,
		"\nMarketing channels\n==================\n"
		"Chain potato (volumes in t of potato, prices in PEN per t of potato):\n"
		"  Producer share: 45.0% (volume-weighted over the channels)\n"
		"  From producers 1,000 t: 1,000 reached end markets, 0 retained\n"
		"  producer > trader > end_market: 600 t (60.0%), farmer's share 66.7%\n"
		"    prices: producer to trader 0.8, trader to end_market 1.2\n"
		"    value added: producer 0.8, trader 0.4; channel 1.2\n"
		"  producer > processor > retailer > end_market: 400 t (40.0%), farmer's share "
		"12.5%\n"
		"    prices: producer to processor 1, processor to retailer 5, retailer to "
		"end_market 8\n"
		"    value added: producer 1, processor 4, retailer 3; channel 8\n"));
	mkg_free(text);
	mkg_report_free(r);

	/* no goods: no chain, no section */
	assert_int_equal(mkg_report_new(&r, services, &o), MKG_OK);
	assert_int_equal(mkg_report_write_json(r, &text, NULL), MKG_OK);
	assert_null(strstr(text, "\"channels\""));
	mkg_free(text);
	assert_int_equal(mkg_report_write_text(r, &text, NULL), MKG_OK);
	assert_non_null(strstr(text, "No produce chain: no goods transaction with a volume.\n"));
	mkg_free(text);
	mkg_report_free(r);
	mkg_channels_free(c);
	mkg_model_free(m);
	mkg_model_free(services);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_potato_worked_example),
		cmocka_unit_test(test_split_and_scale),
		cmocka_unit_test(test_cycles_and_producers_that_buy),
		cmocka_unit_test(test_longest_channel),
		cmocka_unit_test(test_pooled_channels),
		cmocka_unit_test(test_chain_option_and_errors),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_margins),
		cmocka_unit_test(test_margins_partial),
		cmocka_unit_test(test_margins_overflow),
		cmocka_unit_test(test_report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
