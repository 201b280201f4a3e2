/* Tests of the GraphML and Kumu exports (docs/interop.md): the exact text
 * for small models worked out by hand, XML escaping, and what XML 1.0
 * cannot hold.  tests/cli/test_interop.py reads the exports of the example
 * models back with xml.etree, NetworkX and json.
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#define FFFD "\xEF\xBF\xBD"

static const char graphml_head[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
	"    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
	"    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
	"http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
	"  <key id=\"g_name\" for=\"graph\" attr.name=\"name\" attr.type=\"string\"/>\n"
	"  <key id=\"g_currency\" for=\"graph\" attr.name=\"currency\" attr.type=\"string\"/>\n"
	"  <key id=\"g_volume_unit\" for=\"graph\" attr.name=\"volume_unit\" attr.type=\"string\"/>\n"
	"  <key id=\"g_period\" for=\"graph\" attr.name=\"period\" attr.type=\"string\"/>\n"
	"  <key id=\"g_attributes\" for=\"graph\" attr.name=\"attributes\" attr.type=\"string\"/>\n"
	"  <key id=\"g_commodities\" for=\"graph\" attr.name=\"commodities\" attr.type=\"string\"/>\n"
	"  <key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
	"  <key id=\"n_name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
	"  <key id=\"n_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
	"  <key id=\"n_region\" for=\"node\" attr.name=\"region\" attr.type=\"string\"/>\n"
	"  <key id=\"n_households\" for=\"node\" attr.name=\"households\" attr.type=\"long\"/>\n"
	"  <key id=\"n_firms\" for=\"node\" attr.name=\"firms\" attr.type=\"long\"/>\n"
	"  <key id=\"n_capacity\" for=\"node\" attr.name=\"capacity\" attr.type=\"double\"/>\n"
	"  <key id=\"n_supply\" for=\"node\" attr.name=\"supply\" attr.type=\"double\"/>\n"
	"  <key id=\"n_demand\" for=\"node\" attr.name=\"demand\" attr.type=\"double\"/>\n"
	"  <key id=\"n_tags\" for=\"node\" attr.name=\"tags\" attr.type=\"string\"/>\n"
	"  <key id=\"n_attributes\" for=\"node\" attr.name=\"attributes\" attr.type=\"string\"/>\n"
	"  <key id=\"e_commodity\" for=\"edge\" attr.name=\"commodity\" attr.type=\"string\"/>\n"
	"  <key id=\"e_volume\" for=\"edge\" attr.name=\"volume\" attr.type=\"double\"/>\n"
	"  <key id=\"e_value\" for=\"edge\" attr.name=\"value\" attr.type=\"double\"/>\n"
	"  <key id=\"e_period\" for=\"edge\" attr.name=\"period\" attr.type=\"string\"/>\n"
	"  <key id=\"e_level\" for=\"edge\" attr.name=\"level\" attr.type=\"string\"/>\n"
	"  <key id=\"e_contract\" for=\"edge\" attr.name=\"contract\" attr.type=\"string\"/>\n"
	"  <key id=\"e_service\" for=\"edge\" attr.name=\"service\" attr.type=\"boolean\"/>\n"
	"  <key id=\"e_capacity\" for=\"edge\" attr.name=\"capacity\" attr.type=\"double\"/>\n"
	"  <key id=\"e_attributes\" for=\"edge\" attr.name=\"attributes\" attr.type=\"string\"/>\n"
	"  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
	"  <key id=\"e_primary\" for=\"edge\" attr.name=\"primary\" attr.type=\"string\"/>\n"
	"  <key id=\"e_factor\" for=\"edge\" attr.name=\"factor\" attr.type=\"double\"/>\n"
	"  <key id=\"e_primary_volume\" for=\"edge\" attr.name=\"primary_volume\" attr.type=\"double\"/>\n"
	"  <graph id=\"G\" edgedefault=\"directed\">\n";

static void
add_actor(mkg_model *m, const char *id, mkg_actor_kind kind)
{
	mkg_actor_desc a = MKG_ACTOR_DESC_INIT;

	a.id = id;
	a.kind = kind;
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
}

static void
add_tx(mkg_model *m, const char *id, const char *seller, const char *buyer, double volume,
       double value)
{
	mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;

	t.id = id, t.seller = seller, t.buyer = buyer, t.commodity = "maize";
	t.volume = volume, t.value = value;
	assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
}

static char *
graphml(const mkg_model *m)
{
	char *s = NULL;
	size_t len = 0;

	assert_int_equal(mkg_graphml_write_string(m, &s, &len), MKG_OK);
	assert_int_equal(len, strlen(s));
	return s;
}

/* Escaping of every special character, U+FFFD for what XML cannot hold,
 * absent fields left out. */
static void
test_graphml_exact(void **state)
{
	static const char *const tags[] = { "x", "y" };
	mkg_actor_desc a = MKG_ACTOR_DESC_INIT;
	mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;
	mkg_model *m = NULL;
	GString *want = g_string_new(graphml_head);
	char *s;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_model_set_name(m, "M & <co>\xEF\xBF\xBE"), MKG_OK);
	a.id = "a\"&<b>'", a.kind = MKG_ACTOR_PRODUCER, a.name = "Line1\nLine2\tTab\rCR";
	a.households = 3, a.supply = 2.5, a.tags = tags, a.tag_count = 2;
	a.attributes = "{\"k\": \"v\"}";
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	a = (mkg_actor_desc)MKG_ACTOR_DESC_INIT;
	a.id = "b\x01", a.kind = MKG_ACTOR_TRADER, a.region = "R";
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	a = (mkg_actor_desc)MKG_ACTOR_DESC_INIT;
	a.id = "c", a.kind = MKG_ACTOR_END_MARKET, a.demand = 10;
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	add_tx(m, "t1", "a\"&<b>'", "b\x01", 2, 3);
	t.id = "t\x02", t.seller = "b\x01", t.buyer = "c", t.commodity = "maize", t.value = 5;
	t.service = 1, t.period = "2011", t.capacity = 4, t.attributes = "{\"z\": [1]}";
	assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);

	g_string_append(want,
		"    <data key=\"g_name\">M &amp; &lt;co&gt;" FFFD "</data>\n"
		"    <node id=\"a&quot;&amp;&lt;b&gt;'\">\n"
		"      <data key=\"n_label\">Line1\nLine2\tTab&#13;CR</data>\n"
		"      <data key=\"n_name\">Line1\nLine2\tTab&#13;CR</data>\n"
		"      <data key=\"n_kind\">producer</data>\n"
		"      <data key=\"n_households\">3</data>\n"
		"      <data key=\"n_supply\">2.5</data>\n"
		"      <data key=\"n_tags\">x;y</data>\n"
		"      <data key=\"n_attributes\">{\"k\":\"v\"}</data>\n"
		"    </node>\n"
		"    <node id=\"b" FFFD "\">\n"
		"      <data key=\"n_label\">b" FFFD "</data>\n"
		"      <data key=\"n_kind\">trader</data>\n"
		"      <data key=\"n_region\">R</data>\n"
		"    </node>\n"
		"    <node id=\"c\">\n"
		"      <data key=\"n_label\">c</data>\n"
		"      <data key=\"n_kind\">end_market</data>\n"
		"      <data key=\"n_demand\">10</data>\n"
		"    </node>\n"
		"    <edge id=\"t1\" source=\"a&quot;&amp;&lt;b&gt;'\" target=\"b" FFFD "\">\n"
		"      <data key=\"e_commodity\">maize</data>\n"
		"      <data key=\"e_volume\">2</data>\n"
		"      <data key=\"e_value\">3</data>\n"
		"      <data key=\"e_level\">producer</data>\n"
		"      <data key=\"e_contract\">spot</data>\n"
		"      <data key=\"e_service\">false</data>\n"
		"      <data key=\"e_weight\">2</data>\n"
		"    </edge>\n"
		"    <edge id=\"t" FFFD "\" source=\"b" FFFD "\" target=\"c\">\n"
		"      <data key=\"e_commodity\">maize</data>\n"
		"      <data key=\"e_value\">5</data>\n"
		"      <data key=\"e_period\">2011</data>\n"
		"      <data key=\"e_level\">trader</data>\n"
		"      <data key=\"e_contract\">spot</data>\n"
		"      <data key=\"e_service\">true</data>\n"
		"      <data key=\"e_capacity\">4</data>\n"
		"      <data key=\"e_attributes\">{\"z\":[1]}</data>\n"
		"    </edge>\n"
		"  </graph>\n"
		"</graphml>\n");
	s = graphml(m);
	assert_string_equal(s, want->str);
	mkg_free(s);
	g_string_free(want, TRUE);
	mkg_model_free(m);
}

/* A tab, LF and CR in an attribute value are references (a parser would
 * turn them into spaces); the model's period goes to every edge without
 * its own. */
static void
test_graphml_attribute_whitespace(void **state)
{
	mkg_model *m = NULL;
	char *s;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_model_set_period(m, "2010"), MKG_OK);
	add_actor(m, "a\tb\nc\rd", MKG_ACTOR_PRODUCER);
	add_actor(m, "e", MKG_ACTOR_TRADER);
	add_tx(m, "t", "a\tb\nc\rd", "e", 1, MKG_ABSENT);
	s = graphml(m);
	assert_non_null(strstr(s, "    <node id=\"a&#9;b&#10;c&#13;d\">\n"
	                          "      <data key=\"n_label\">a\tb\nc&#13;d</data>\n"));
	assert_non_null(strstr(s, "    <edge id=\"t\" source=\"a&#9;b&#10;c&#13;d\" target=\"e\">\n"
	                          "      <data key=\"e_commodity\">maize</data>\n"
	                          "      <data key=\"e_volume\">1</data>\n"
	                          "      <data key=\"e_period\">2010</data>\n"));
	mkg_free(s);
	mkg_model_free(m);
}

/* Ids that U+FFFD makes equal cannot be told apart by the tools. */
static void
test_graphml_id_collisions(void **state)
{
	mkg_model *m = NULL;
	char *s = NULL;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	add_actor(m, "b\x01", MKG_ACTOR_PRODUCER);
	add_actor(m, "b\x02", MKG_ACTOR_TRADER);
	assert_int_equal(mkg_graphml_write_string(m, &s, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(), "actors[1].id: holds U+0002, which XML 1.0 cannot "
	                    "hold; written as U+FFFD it is the id of actors[0] too");
	assert_null(s);
	mkg_model_free(m);

	/* Against an id that holds U+FFFD itself. */
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	add_actor(m, "x" FFFD "y", MKG_ACTOR_PRODUCER);
	add_actor(m, "x\xEF\xBF\xBFy", MKG_ACTOR_TRADER);
	add_actor(m, "z", MKG_ACTOR_TRADER);
	assert_int_equal(mkg_graphml_write_string(m, &s, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(), "actors[1].id: holds U+FFFF, which XML 1.0 cannot "
	                    "hold; written as U+FFFD it is the id of actors[0] too");
	mkg_model_free(m);

	/* Transactions likewise; actors and transactions do not collide. */
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	add_actor(m, "t\x1f", MKG_ACTOR_PRODUCER);
	add_actor(m, "b", MKG_ACTOR_TRADER);
	add_tx(m, "t\x1f", "t\x1f", "b", 1, 1);
	add_tx(m, "t" FFFD, "t\x1f", "b", 1, 1);
	assert_int_equal(mkg_graphml_write_string(m, &s, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(), "transactions[0].id: holds U+001F, which XML 1.0 "
	                    "cannot hold; written as U+FFFD it is the id of transactions[1] too");
	assert_int_equal(mkg_graphml_write_string(NULL, &s, NULL), MKG_EINVAL);
	assert_int_equal(mkg_graphml_write_string(m, NULL, NULL), MKG_EINVAL);
	mkg_model_free(m);
}

/* Elements, the three kinds of connection, and which actors a facilitation
 * record supports: its target actors, then the sellers and buyers of its
 * target transactions, each once, never the facilitator. */
static void
test_kumu_exact(void **state)
{
	static const char *const tag[] = { "x" };
	static const char *const f1_actors[] = { "b" };
	static const char *const f1_tx[] = { "t1", "t2" };
	static const mkg_payment p1[] = { { "p", 1 } };
	mkg_actor_desc a = MKG_ACTOR_DESC_INIT;
	mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;
	mkg_facilitation_desc f = MKG_FACILITATION_DESC_INIT;
	mkg_membership_desc ms = MKG_MEMBERSHIP_DESC_INIT;
	mkg_model *m = NULL;
	char *s = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	a.id = "a", a.name = "A", a.kind = MKG_ACTOR_PRODUCER, a.households = 3;
	a.tags = tag, a.tag_count = 1;
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	add_actor(m, "b", MKG_ACTOR_TRADER);
	add_actor(m, "c", MKG_ACTOR_END_MARKET);
	add_actor(m, "p", MKG_ACTOR_PROGRAMME);
	add_tx(m, "t1", "a", "b", 2, MKG_ABSENT);
	t.id = "t2", t.seller = "b", t.buyer = "c", t.commodity = "maize", t.value = 5;
	t.service = 1;
	assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
	f.facilitator = "p", f.type = MKG_FACILITATION_TEMPORARY, f.function = MKG_FUNCTION_LINKAGES;
	f.target_actors = f1_actors, f.target_actor_count = 1;
	f.target_transactions = f1_tx, f.target_transaction_count = 2;
	f.paid_by = p1, f.paid_by_count = 1;
	assert_int_equal(mkg_model_add_facilitation(m, &f, NULL), MKG_OK);
	f = (mkg_facilitation_desc)MKG_FACILITATION_DESC_INIT;
	f.facilitator = "b", f.type = MKG_FACILITATION_COMMERCIAL, f.function = MKG_FUNCTION_BROKERAGE;
	f.target_transactions = f1_tx, f.target_transaction_count = 1;
	assert_int_equal(mkg_model_add_facilitation(m, &f, NULL), MKG_OK);
	ms.group = "p", ms.member = "a", ms.role = "member";
	assert_int_equal(mkg_model_add_membership(m, &ms, NULL), MKG_OK);

#define CONN(id, from, to, type) \
	"{\"id\": \"" id "\", \"from\": \"actor:" from "\", \"to\": \"actor:" to "\", " \
	"\"type\": \"" type "\", \"direction\": \"directed\""
#define F1 ", \"facilitation\": \"f1\", \"facilitation_type\": \"temporary\", " \
           "\"function\": \"linkages\", \"paid_by\": \"p:1\"}"
	assert_int_equal(mkg_kumu_write_string(m, &s, &len), MKG_OK);
	assert_int_equal(len, strlen(s));
	assert_string_equal(s,
		"{\n"
		"  \"elements\": [\n"
		"    {\"id\": \"actor:a\", \"label\": \"A\", \"type\": \"producer\", \"actor\": \"a\", "
		"\"households\": 3, \"tags\": [\"x\"]},\n"
		"    {\"id\": \"actor:b\", \"label\": \"b\", \"type\": \"trader\", \"actor\": \"b\"},\n"
		"    {\"id\": \"actor:c\", \"label\": \"c\", \"type\": \"end_market\", \"actor\": \"c\"},\n"
		"    {\"id\": \"actor:p\", \"label\": \"p\", \"type\": \"programme\", \"actor\": \"p\"}\n"
		"  ],\n"
		"  \"connections\": [\n"
		"    " CONN("transaction:t1", "a", "b", "transaction") ", \"transaction\": \"t1\", "
		"\"commodity\": \"maize\", \"volume\": 2, \"level\": \"producer\", \"contract\": \"spot\", "
		"\"service\": false},\n"
		"    " CONN("transaction:t2", "b", "c", "transaction") ", \"transaction\": \"t2\", "
		"\"commodity\": \"maize\", \"value\": 5, \"level\": \"trader\", \"contract\": \"spot\", "
		"\"service\": true},\n"
		"    " CONN("facilitation:f1:0", "p", "b", "facilitation") F1 ",\n"
		"    " CONN("facilitation:f1:1", "p", "a", "facilitation") F1 ",\n"
		"    " CONN("facilitation:f1:2", "p", "c", "facilitation") F1 ",\n"
		"    " CONN("facilitation:f2:0", "b", "a", "facilitation") ", \"facilitation\": \"f2\", "
		"\"facilitation_type\": \"commercial\", \"function\": \"brokerage\"},\n"
		"    " CONN("membership:0", "a", "p", "membership") ", \"role\": \"member\"}\n"
		"  ]\n"
		"}\n");
	mkg_free(s);
	assert_int_equal(mkg_kumu_write_string(m, NULL, NULL), MKG_EINVAL);
	assert_int_equal(mkg_kumu_write_string(NULL, &s, NULL), MKG_EINVAL);
	mkg_model_free(m);
}

/* The additions to version 1.  Chips are made from potato at 4 t per t:
 * 2.5 t of chips are 10 t of potato; fries from chips at 1.25: 2 t of
 * fries are 2 x 1.25 x 4 = 10 t of potato.  A transaction of an unlisted
 * commodity is its own primary (factor 1); a service has none.  Levels:
 * the transaction's own, else its seller's kind. */
static mkg_model *
chain_model(void)
{
	static const char json[] =
		"{\"format\": \"marketgraph\", \"version\": 1, "
		"\"commodities\": [{\"id\": \"fries\", \"made_from\": \"chips\", \"input_per_unit\": 1.25}, "
		"{\"id\": \"chips\", \"unit\": \"t\", \"made_from\": \"potato\", \"input_per_unit\": 4}, "
		"{\"id\": \"potato\"}, {\"id\": \"truck\", \"service\": true}], "
		"\"actors\": [{\"id\": \"f\", \"kind\": \"producer\", \"firms\": 40}, "
		"{\"id\": \"p\", \"kind\": \"processor\"}, {\"id\": \"r\", \"kind\": \"retailer\"}], "
		"\"transactions\": ["
		"{\"id\": \"t1\", \"seller\": \"f\", \"buyer\": \"p\", \"commodity\": \"potato\", "
		"\"volume\": 10, \"level\": \"farm gate\"}, "
		"{\"id\": \"t2\", \"seller\": \"p\", \"buyer\": \"r\", \"commodity\": \"chips\", "
		"\"volume\": 2.5}, "
		"{\"id\": \"t3\", \"seller\": \"p\", \"buyer\": \"r\", \"commodity\": \"fries\", "
		"\"volume\": 2}, "
		"{\"id\": \"t4\", \"seller\": \"f\", \"buyer\": \"r\", \"commodity\": \"beans\", "
		"\"value\": 7}, "
		"{\"id\": \"t5\", \"seller\": \"r\", \"buyer\": \"p\", \"commodity\": \"truck\", "
		"\"service\": true, \"value\": 3}]}";
	mkg_model *m = NULL;

	if (mkg_json_read_buffer(&m, json, strlen(json)) != MKG_OK)
		fail_msg("model: %s", mkg_error_message());
	return m;
}

static void
test_commodities_firms_level(void **state)
{
	mkg_model *m = chain_model();
	GString *want = g_string_new(graphml_head);
	char *s = NULL;

	(void)state;
	g_string_append(want,
		"    <data key=\"g_commodities\">[{\"id\": \"fries\", \"made_from\": \"chips\", "
		"\"input_per_unit\": 1.25}, {\"id\": \"chips\", \"unit\": \"t\", \"made_from\": "
		"\"potato\", \"input_per_unit\": 4}, {\"id\": \"potato\"}, {\"id\": \"truck\", "
		"\"service\": true}]</data>\n"
		"    <node id=\"f\">\n"
		"      <data key=\"n_label\">f</data>\n"
		"      <data key=\"n_kind\">producer</data>\n"
		"      <data key=\"n_firms\">40</data>\n"
		"    </node>\n"
		"    <node id=\"p\">\n"
		"      <data key=\"n_label\">p</data>\n"
		"      <data key=\"n_kind\">processor</data>\n"
		"    </node>\n"
		"    <node id=\"r\">\n"
		"      <data key=\"n_label\">r</data>\n"
		"      <data key=\"n_kind\">retailer</data>\n"
		"    </node>\n"
		"    <edge id=\"t1\" source=\"f\" target=\"p\">\n"
		"      <data key=\"e_commodity\">potato</data>\n"
		"      <data key=\"e_volume\">10</data>\n"
		"      <data key=\"e_level\">farm gate</data>\n"
		"      <data key=\"e_contract\">spot</data>\n"
		"      <data key=\"e_service\">false</data>\n"
		"      <data key=\"e_weight\">10</data>\n"
		"      <data key=\"e_primary\">potato</data>\n"
		"      <data key=\"e_factor\">1</data>\n"
		"      <data key=\"e_primary_volume\">10</data>\n"
		"    </edge>\n"
		"    <edge id=\"t2\" source=\"p\" target=\"r\">\n"
		"      <data key=\"e_commodity\">chips</data>\n"
		"      <data key=\"e_volume\">2.5</data>\n"
		"      <data key=\"e_level\">processor</data>\n"
		"      <data key=\"e_contract\">spot</data>\n"
		"      <data key=\"e_service\">false</data>\n"
		"      <data key=\"e_weight\">2.5</data>\n"
		"      <data key=\"e_primary\">potato</data>\n"
		"      <data key=\"e_factor\">4</data>\n"
		"      <data key=\"e_primary_volume\">10</data>\n"
		"    </edge>\n"
		"    <edge id=\"t3\" source=\"p\" target=\"r\">\n"
		"      <data key=\"e_commodity\">fries</data>\n"
		"      <data key=\"e_volume\">2</data>\n"
		"      <data key=\"e_level\">processor</data>\n"
		"      <data key=\"e_contract\">spot</data>\n"
		"      <data key=\"e_service\">false</data>\n"
		"      <data key=\"e_weight\">2</data>\n"
		"      <data key=\"e_primary\">potato</data>\n"
		"      <data key=\"e_factor\">5</data>\n"
		"      <data key=\"e_primary_volume\">10</data>\n"
		"    </edge>\n"
		"    <edge id=\"t4\" source=\"f\" target=\"r\">\n"
		"      <data key=\"e_commodity\">beans</data>\n"
		"      <data key=\"e_value\">7</data>\n"
		"      <data key=\"e_level\">producer</data>\n"
		"      <data key=\"e_contract\">spot</data>\n"
		"      <data key=\"e_service\">false</data>\n"
		"      <data key=\"e_primary\">beans</data>\n"
		"      <data key=\"e_factor\">1</data>\n"
		"    </edge>\n"
		"    <edge id=\"t5\" source=\"r\" target=\"p\">\n"
		"      <data key=\"e_commodity\">truck</data>\n"
		"      <data key=\"e_value\">3</data>\n"
		"      <data key=\"e_level\">retailer</data>\n"
		"      <data key=\"e_contract\">spot</data>\n"
		"      <data key=\"e_service\">true</data>\n"
		"    </edge>\n"
		"  </graph>\n"
		"</graphml>\n");
	s = graphml(m);
	assert_string_equal(s, want->str);
	mkg_free(s);

#define TX(id, from, to) CONN("transaction:" id, from, to, "transaction") \
	", \"transaction\": \"" id "\""
	assert_int_equal(mkg_kumu_write_string(m, &s, NULL), MKG_OK);
	assert_string_equal(s,
		"{\n"
		"  \"elements\": [\n"
		"    {\"id\": \"actor:f\", \"label\": \"f\", \"type\": \"producer\", \"actor\": \"f\", "
		"\"firms\": 40},\n"
		"    {\"id\": \"actor:p\", \"label\": \"p\", \"type\": \"processor\", \"actor\": \"p\"},\n"
		"    {\"id\": \"actor:r\", \"label\": \"r\", \"type\": \"retailer\", \"actor\": \"r\"}\n"
		"  ],\n"
		"  \"connections\": [\n"
		"    " TX("t1", "f", "p") ", \"commodity\": \"potato\", \"volume\": 10, "
		"\"level\": \"farm gate\", \"contract\": \"spot\", \"service\": false, "
		"\"primary\": \"potato\", \"factor\": 1, \"primary_volume\": 10},\n"
		"    " TX("t2", "p", "r") ", \"commodity\": \"chips\", \"volume\": 2.5, "
		"\"level\": \"processor\", \"contract\": \"spot\", \"service\": false, "
		"\"primary\": \"potato\", \"factor\": 4, \"primary_volume\": 10},\n"
		"    " TX("t3", "p", "r") ", \"commodity\": \"fries\", \"volume\": 2, "
		"\"level\": \"processor\", \"contract\": \"spot\", \"service\": false, "
		"\"primary\": \"potato\", \"factor\": 5, \"primary_volume\": 10},\n"
		"    " TX("t4", "f", "r") ", \"commodity\": \"beans\", \"value\": 7, "
		"\"level\": \"producer\", \"contract\": \"spot\", \"service\": false, "
		"\"primary\": \"beans\", \"factor\": 1},\n"
		"    " TX("t5", "r", "p") ", \"commodity\": \"truck\", \"value\": 3, "
		"\"level\": \"retailer\", \"contract\": \"spot\", \"service\": true}\n"
		"  ]\n"
		"}\n");
#undef TX
	mkg_free(s);
	g_string_free(want, TRUE);
	mkg_model_free(m);
}

/* A model whose commodities do not join (built with the C API, which
 * checks each record on its own) is refused, with the message of
 * mkg_model_validate(). */
static void
test_broken_chain_refused(void **state)
{
	mkg_commodity_desc c = MKG_COMMODITY_DESC_INIT;
	mkg_model *m = NULL;
	char *s = NULL;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	c.id = "a", c.made_from = "b", c.input_per_unit = 2;
	assert_int_equal(mkg_model_add_commodity(m, &c, NULL), MKG_OK);
	c.id = "b", c.made_from = "a";
	assert_int_equal(mkg_model_add_commodity(m, &c, NULL), MKG_OK);
	assert_int_equal(mkg_graphml_write_string(m, &s, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(), "commodities[0].made_from: cycle a -> b -> a");
	assert_int_equal(mkg_kumu_write_string(m, &s, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(), "commodities[0].made_from: cycle a -> b -> a");
	assert_null(s);
	mkg_model_free(m);
}

/* An empty model: the skeletons. */
static void
test_empty(void **state)
{
	mkg_model *m = NULL;
	GString *want = g_string_new(graphml_head);
	char *s;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	s = graphml(m);
	g_string_append(want, "  </graph>\n</graphml>\n");
	assert_string_equal(s, want->str);
	mkg_free(s);
	assert_int_equal(mkg_kumu_write_string(m, &s, NULL), MKG_OK);
	assert_string_equal(s, "{\n  \"elements\": [],\n  \"connections\": []\n}\n");
	mkg_free(s);
	g_string_free(want, TRUE);
	mkg_model_free(m);
}

/* Results of one chain, worked by hand.  p1 and p2 sell 10 and 20 of
 * maize to t (capacity 12), who sells 30 to m.  Throughput: p1 10, p2 20,
 * t and m 30; delivered 30, shares 1/3, 2/3, 1, 1.  Betweenness: every
 * shortest path p -> m goes through t: all pairs 2, source-sink 2 over
 * 2 producers x 1 end market = 1.  t's exit cuts p1 and p2 off: 2 captive
 * producers with 30.  Max flow 12: t's capacity binds.  prog trains p1
 * and p2 at a cost of 100: 50 on each of its two edges; p1 is a member
 * of g. */
static mkg_model *
results_model(void)
{
	static const char json[] =
		"{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
		"{\"id\": \"p1\", \"kind\": \"producer\"}, {\"id\": \"p2\", \"kind\": \"producer\"}, "
		"{\"id\": \"t\", \"kind\": \"trader\", \"capacity\": 12}, "
		"{\"id\": \"m\", \"kind\": \"end_market\"}, {\"id\": \"prog\", \"kind\": \"programme\"}, "
		"{\"id\": \"g\", \"kind\": \"association\"}], "
		"\"transactions\": ["
		"{\"id\": \"x1\", \"seller\": \"p1\", \"buyer\": \"t\", \"commodity\": \"maize\", \"volume\": 10}, "
		"{\"id\": \"x2\", \"seller\": \"p2\", \"buyer\": \"t\", \"commodity\": \"maize\", \"volume\": 20}, "
		"{\"id\": \"x3\", \"seller\": \"t\", \"buyer\": \"m\", \"commodity\": \"maize\", \"volume\": 30}], "
		"\"facilitation\": [{\"id\": \"f\", \"facilitator\": \"prog\", \"type\": \"temporary\", "
		"\"function\": \"capacity_building\", \"cost\": 100, "
		"\"targets\": {\"actors\": [\"p1\", \"p2\"]}}], "
		"\"memberships\": [{\"group\": \"g\", \"member\": \"p1\"}]}";
	mkg_model *m = NULL;

	assert_int_equal(mkg_json_read_buffer(&m, json, strlen(json)), MKG_OK);
	return m;
}

static void
assert_has(const char *text, const char *needle)
{
	if (strstr(text, needle) == NULL)
		fail_msg("missing: %s\nin:\n%s", needle, text);
}

static void
test_results(void **state)
{
	mkg_model *m = results_model();
	mkg_interop_options o = MKG_INTEROP_OPTIONS_INIT;
	char *s = NULL, *plain = NULL;

	(void)state;
	o.results = o.facilitation = o.memberships = 1;
	assert_int_equal(mkg_graphml_write(m, &o, &s, NULL), MKG_OK);
	assert_has(s, "<data key=\"g_chain\">maize</data>");
	assert_has(s, "<data key=\"g_betweenness_pivots\">0</data>");
	assert_has(s, "<node id=\"p1\">\n      <data key=\"n_label\">p1</data>\n"
	              "      <data key=\"n_kind\">producer</data>\n"
	              "      <data key=\"n_throughput\">10</data>\n"
	              "      <data key=\"n_throughput_share\">0.3333333333333333</data>\n"
	              "      <data key=\"n_betweenness\">0</data>\n"
	              "      <data key=\"n_betweenness_share\">0</data>\n    </node>");
	assert_has(s, "      <data key=\"n_throughput\">30</data>\n"
	              "      <data key=\"n_throughput_share\">1</data>\n"
	              "      <data key=\"n_betweenness\">2</data>\n"
	              "      <data key=\"n_betweenness_share\">1</data>\n"
	              "      <data key=\"n_captive_producers\">2</data>\n"
	              "      <data key=\"n_captive_supply\">30</data>\n"
	              "      <data key=\"n_binding\">capacity</data>\n"
	              "      <data key=\"n_binding_capacity\">12</data>\n");
	/* the programme is in no chain: no result */
	assert_has(s, "<node id=\"prog\">\n      <data key=\"n_label\">prog</data>\n"
	              "      <data key=\"n_kind\">programme</data>\n    </node>");
	assert_has(s, "<edge id=\"facilitation:f:0\" source=\"prog\" target=\"p1\">\n"
	              "      <data key=\"e_relation\">facilitation</data>\n"
	              "      <data key=\"e_facilitation\">f</data>\n"
	              "      <data key=\"e_facilitation_type\">temporary</data>\n"
	              "      <data key=\"e_function\">capacity_building</data>\n"
	              "      <data key=\"e_cost\">50</data>\n    </edge>");
	assert_has(s, "<edge id=\"facilitation:f:1\" source=\"prog\" target=\"p2\">");
	assert_has(s, "<edge id=\"membership:0\" source=\"p1\" target=\"g\">\n"
	              "      <data key=\"e_relation\">membership</data>\n    </edge>");
	assert_has(s, "<edge id=\"x1\" source=\"p1\" target=\"t\">\n"
	              "      <data key=\"e_relation\">transaction</data>\n");
	mkg_free(s);
	/* without options: the plain export, byte for byte */
	assert_int_equal(mkg_graphml_write_string(m, &plain, NULL), MKG_OK);
	assert_int_equal(mkg_graphml_write(m, NULL, &s, NULL), MKG_OK);
	assert_string_equal(s, plain);
	mkg_free(s);
	mkg_free(plain);

	/* Kumu: the same results; the cost split over the two connections */
	assert_int_equal(mkg_kumu_write(m, &o, &s, NULL), MKG_OK);
	assert_has(s, "\"betweenness_share\": 1, \"captive_producers\": 2, \"captive_supply\": 30, "
	              "\"binding\": \"capacity\", \"binding_capacity\": 12}");
	assert_has(s, "\"function\": \"capacity_building\", \"cost\": 50}");
	mkg_free(s);
	mkg_model_free(m);
}

/* A binding link: t -> m with a capacity of 5 binds on x3. */
static void
test_results_binding_edge_and_errors(void **state)
{
	mkg_model *m = NULL;
	mkg_interop_options o = MKG_INTEROP_OPTIONS_INIT;
	char *s = (char *)"untouched";
	static const char json[] =
		"{\"format\": \"marketgraph\", \"version\": 1, \"actors\": ["
		"{\"id\": \"p\", \"kind\": \"producer\"}, {\"id\": \"t\", \"kind\": \"trader\"}, "
		"{\"id\": \"m\", \"kind\": \"end_market\"}], \"transactions\": ["
		"{\"id\": \"x1\", \"seller\": \"p\", \"buyer\": \"t\", \"commodity\": \"maize\", \"volume\": 10}, "
		"{\"id\": \"x2\", \"seller\": \"t\", \"buyer\": \"m\", \"commodity\": \"maize\", \"volume\": 10, "
		"\"capacity\": 5}, "
		"{\"id\": \"membership:0\", \"seller\": \"p\", \"buyer\": \"m\", \"commodity\": \"rice\", "
		"\"volume\": 1}]}";

	(void)state;
	assert_int_equal(mkg_json_read_buffer(&m, json, strlen(json)), MKG_OK);
	/* two chains: maize and rice */
	o.results = 1;
	assert_int_equal(mkg_graphml_write(m, &o, &s, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "throughput: the model has 2 chains (maize, rice): "
	                                         "name one in options.chain");
	assert_string_equal(s, "untouched");
	o.chain = "maize";
	assert_int_equal(mkg_graphml_write(m, &o, &s, NULL), MKG_OK);
	assert_has(s, "<edge id=\"x2\" source=\"t\" target=\"m\">\n");
	assert_has(s, "      <data key=\"e_capacity\">5</data>\n");
	assert_has(s, "      <data key=\"e_binding_capacity\">5</data>\n    </edge>");
	mkg_free(s);
	/* no membership, so the transaction "membership:0" clashes with nothing */
	o.results = 0;
	o.memberships = 1;
	s = (char *)"untouched";
	assert_int_equal(mkg_graphml_write(m, &o, &s, NULL), MKG_OK);
	mkg_free(s);
	o.version = 9;
	s = (char *)"untouched";
	assert_int_equal(mkg_kumu_write(m, &o, &s, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_kumu_write: unknown options version 9");
	assert_string_equal(s, "untouched");
	mkg_model_free(m);
}

static void
test_made_id_clash(void **state)
{
	mkg_model *m = results_model();
	mkg_interop_options o = MKG_INTEROP_OPTIONS_INIT;
	mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;
	char *s = (char *)"untouched";

	(void)state;
	t.id = "membership:0", t.seller = "p1", t.buyer = "t", t.commodity = "maize", t.volume = 1;
	assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
	o.memberships = 1;
	assert_int_equal(mkg_graphml_write(m, &o, &s, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(), "transactions[3].id: \"membership:0\" is also the "
	                    "GraphML id of a facilitation or membership edge: rename it or leave "
	                    "those edges out");
	assert_string_equal(s, "untouched");
	mkg_model_free(m);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_graphml_exact),
		cmocka_unit_test(test_graphml_attribute_whitespace),
		cmocka_unit_test(test_graphml_id_collisions),
		cmocka_unit_test(test_kumu_exact),
		cmocka_unit_test(test_commodities_firms_level),
		cmocka_unit_test(test_broken_chain_refused),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_results),
		cmocka_unit_test(test_results_binding_edge_and_errors),
		cmocka_unit_test(test_made_id_clash),
	};

	return cmocka_run_group_tests_name("interop", tests, NULL, NULL);
}
