/* Tests of JSON Lines streams, gzip input and aggregation (docs/format.md,
 * section 10): mkg_model_read_file/stream/buffer.
 *
 * A table of bad streams with the exact status and message, then streams
 * that must give the same model as a document, the merged sums of an
 * aggregation (worked by hand in comments), gzip input and telling a
 * stream from a document.  Streams are written with ' for ".
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <zlib.h>

/* ' -> " */
static char *
dq(const char *s)
{
	char *t = g_strdup(s);

	for (char *p = t; *p; p++)
		if (*p == '\'')
			*p = '"';
	return t;
}

typedef struct bad_case {
	const char *name;
	const char *text;
	int format;     /* mkg_input_format */
	int aggregate;
	int code;
	const char *message;
} bad_case;

#define HEADER "{'format':'marketgraph','version':1}\n"
#define ACT(id, kind) "{'record':'actor','id':'" id "','kind':'" kind "'}\n"
#define AB ACT("a", "producer") ACT("b", "trader")
#define TX(extra) "{'record':'transaction','seller':'a','buyer':'b','commodity':'maize'" extra "}\n"
#define RECORDS "commodity, actor, transaction, facilitation or membership"
#define AGG_FIELDS "(a merged transaction has seller, buyer, commodity, level, period, volume, value)"
#define ACTOR_FIELDS "id, name, kind, region, households, firms, capacity, supply, demand, tags, " \
                     "costs, attributes"
#define S MKG_INPUT_JSONL

static const bad_case bad_cases[] = {
	/* syntax: the line and the column within it */
	{ "syntax", HEADER AB "{'record':'actor','id':'c' 'kind':'trader'}\n", S, 0, MKG_EPARSE,
	  "line 4, column 28: expected ',' or '}' after an object member, got '\"'" },
	{ "object split over lines", HEADER "{'record':'actor',\n'id':'a','kind':'producer'}\n", S, 0,
	  MKG_EPARSE, "line 2, column 19: unexpected end of input" },
	{ "not an object", HEADER "[1]\n", S, 0, MKG_EDATA,
	  "line 2: expected a JSON object, got array" },
	{ "nesting", "{'record':'actor','id':'a','kind':'producer','attributes':"
	  "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
	  S, 0, MKG_EPARSE, "line 1, column 120: nesting deeper than 62 levels" },
	/* the record member */
	{ "record not a string", HEADER "{'record':5,'id':'a'}\n", S, 0, MKG_EDATA,
	  "line 2: record: must be a string, got 5" },
	{ "unknown record", HEADER "{'id':'a','record':'actr'}\n", S, 0, MKG_EDATA,
	  "line 2: record: unknown record \"actr\" (expected " RECORDS ")" },
	{ "record missing", HEADER AB "{'id':'c','kind':'trader'}\n", S, 0, MKG_EDATA,
	  "line 4: record: missing (required), expected " RECORDS
	  " (only the first line may be the header)" },
	{ "two headers", HEADER HEADER, S, 0, MKG_EDATA,
	  "line 2: record: missing (required), expected " RECORDS
	  " (only the first line may be the header)" },
	{ "duplicate record key", "{'record':'actor','id':'a','record':'actor','kind':'producer'}",
	  S, 0, MKG_EDATA, "line 1: actors[0]: duplicate key \"record\"" },
	/* the header: the document's rules less the arrays */
	{ "header format", "{'format':'x','version':1}\n", S, 0, MKG_EDATA,
	  "line 1: format: expected \"marketgraph\", got \"x\"" },
	{ "header version", "{'format':'marketgraph','version':2}\n", S, 0, MKG_EUNSUPPORTED,
	  "line 1: version: 2 is newer than this library reads (1)" },
	{ "header without format", "{'name':'x'}\n", S, 0, MKG_EDATA,
	  "line 1: format: missing (required), expected \"marketgraph\"" },
	{ "header with arrays", "{'format':'marketgraph','version':1,'actors':[]}\n", S, 0,
	  MKG_EDATA, "line 1: actors: unknown key (expected format, version, name, currency, "
	  "volume_unit, period, attributes)" },
	{ "header field", "{'format':'marketgraph','version':1,'name':5}\n", S, 0, MKG_EDATA,
	  "line 1: name: must be a string, got 5" },
	/* records: the document's messages, indexed by kind */
	{ "unknown field", HEADER "{'record':'actor','id':'a','kind':'producer','colour':1}\n", S,
	  0, MKG_EDATA, "line 2: actors[0].colour: unknown field (expected " ACTOR_FIELDS ")" },
	{ "missing kind", HEADER AB "{'record':'actor','id':'c'}\n", S, 0, MKG_EDATA,
	  "line 4: actors[2].kind: missing (required)" },
	{ "actor after its transaction", HEADER ACT("a", "producer") TX(",'volume':1"), S, 0,
	  MKG_EDATA, "line 3: transactions[0].buyer: unknown actor \"b\"" },
	{ "duplicate id", HEADER AB "\n" ACT("a", "trader"), S, 0, MKG_EDATA,
	  "line 5: actors[2].id: duplicate id \"a\" (first at actors[0])" },
	/* rules checked after the last line, given the line of the record */
	{ "made_from after the end", HEADER
	  "{'record':'commodity','id':'maize'}\n"
	  "{'record':'commodity','id':'flour','made_from':'grain','input_per_unit':1.3}\n",
	  S, 0, MKG_EDATA, "line 3: commodities[1].made_from: unknown commodity \"grain\"" },
	{ "service after the end", HEADER AB TX(",'volume':1")
	  "{'record':'commodity','id':'maize','service':true}\n", S, 0, MKG_EDATA,
	  "line 4: transactions[0].service: must be true, commodity \"maize\" is a service "
	  "(commodities[0])" },
	/* aggregation */
	{ "aggregate a document", "{'format':'marketgraph','version':1,'actors':[]}", MKG_INPUT_AUTO,
	  1, MKG_EDATA, "aggregate: the input is a JSON document; exchanges are aggregated from a "
	  "JSON Lines stream (docs/format.md, section 10)" },
	{ "aggregate capacity", HEADER AB TX(",'volume':1") TX(",'volume':1,'capacity':5"), S, 1,
	  MKG_EDATA, "line 5: transactions[1].capacity: not allowed when aggregating exchanges "
	  AGG_FIELDS },
	{ "aggregate attributes", HEADER AB TX(",'volume':1,'attributes':{}"), S, 1, MKG_EDATA,
	  "line 4: transactions[0].attributes: not allowed when aggregating exchanges " AGG_FIELDS },
	{ "aggregate contract", HEADER AB TX(",'volume':1,'contract':'auction'"), S, 1, MKG_EDATA,
	  "line 4: transactions[0].contract: not allowed when aggregating exchanges " AGG_FIELDS },
	{ "aggregate needs volume", HEADER AB TX(",'volume':1") TX(""), S, 1, MKG_EDATA,
	  "line 5: transactions[1]: needs a volume or a value (or both)" },
	{ "aggregate type", HEADER AB TX(",'volume':'1'"), S, 1, MKG_EDATA,
	  "line 4: transactions[0].volume: must be a number >= 0, got \"1\"" },
	{ "aggregate overflow", HEADER AB TX(",'volume':1e308") TX(",'volume':1") TX(",'volume':1e308"),
	  S, 1, MKG_EDATA, "line 6: transactions[0].volume: the sum of the exchanges' volumes "
	  "overflows (exceeds 1.8e308)" },
	{ "aggregate unknown actor", HEADER AB "{'record':'transaction','seller':'a','buyer':'z',"
	  "'commodity':'maize','volume':1}", S, 1, MKG_EDATA,
	  "line 4: transactions[0].buyer: unknown actor \"z\"" },
};

static void
test_bad(void **state)
{
	const bad_case *c = *state;
	mkg_read_options opts = MKG_READ_OPTIONS_INIT;
	mkg_model *m = NULL;
	char *text = dq(c->text);
	int rc;

	opts.format = c->format;
	opts.aggregate = c->aggregate;
	rc = mkg_model_read_buffer(&m, text, strlen(text), &opts);
	if (rc != c->code || strcmp(mkg_error_message(), c->message) != 0)
		fail_msg("%s: got %d \"%s\", expected %d \"%s\"", c->name, rc, mkg_error_message(),
		         c->code, c->message);
	assert_null(m);
	g_free(text);
}

/* ---- good streams --------------------------------------------------------- */

static mkg_model *
read_text(const char *text, int format, int aggregate)
{
	mkg_read_options opts = MKG_READ_OPTIONS_INIT;
	mkg_model *m = NULL;
	char *t = dq(text);

	opts.format = format;
	opts.aggregate = aggregate;
	if (mkg_model_read_buffer(&m, t, strlen(t), &opts) != MKG_OK)
		fail_msg("%s", mkg_error_message());
	g_free(t);
	return m;
}

static mkg_model *
read_document(const char *text)
{
	mkg_model *m = NULL;
	char *t = dq(text);

	if (mkg_json_read_buffer(&m, t, strlen(t)) != MKG_OK)
		fail_msg("%s", mkg_error_message());
	g_free(t);
	return m;
}

/* Every kind of record, blank lines, \r\n, a last line without '\n': the
 * same model as the document with the same records. */
#define STREAM_ALL \
	"{'format':'marketgraph','version':1,'name':'n','volume_unit':'t','period':'2020'," \
	"'attributes':{'k':[1,2.50]}}\r\n" \
	"\n   \n" \
	"{'record':'commodity','id':'maize','unit':'t'}\n" \
	"{'record':'actor','id':'a','kind':'producer','supply':10,'tags':['x']}\n" \
	"{'kind':'trader','record':'actor','id':'b'}\n" \
	"{'record':'actor','id':'p','kind':'programme'}\n" \
	"{'record':'transaction','id':'t9','seller':'a','buyer':'b','commodity':'maize'," \
	"'volume':3,'value':30,'attributes':{'q':1}}\n" \
	"{'record':'facilitation','facilitator':'p','type':'temporary','function':'linkages'," \
	"'targets':{'transactions':['t9']}}\n" \
	"{'record':'membership','group':'b','member':'a'}"
#define DOCUMENT_ALL \
	"{'format':'marketgraph','version':1,'name':'n','volume_unit':'t','period':'2020'," \
	"'attributes':{'k':[1,2.50]}," \
	"'commodities':[{'id':'maize','unit':'t'}]," \
	"'actors':[{'id':'a','kind':'producer','supply':10,'tags':['x']}," \
	"{'kind':'trader','id':'b'},{'id':'p','kind':'programme'}]," \
	"'transactions':[{'id':'t9','seller':'a','buyer':'b','commodity':'maize'," \
	"'volume':3,'value':30,'attributes':{'q':1}}]," \
	"'facilitation':[{'facilitator':'p','type':'temporary','function':'linkages'," \
	"'targets':{'transactions':['t9']}}]," \
	"'memberships':[{'group':'b','member':'a'}]}"

static void
test_stream_equals_document(void **state)
{
	mkg_model *s, *a, *d = read_document(DOCUMENT_ALL);

	(void)state;
	s = read_text(STREAM_ALL, MKG_INPUT_JSONL, 0);
	a = read_text(STREAM_ALL, MKG_INPUT_AUTO, 0); /* told apart by its first line */
	assert_true(mkg_model_equal(s, d));
	assert_true(mkg_model_equal(a, d));
	mkg_model_free(s);
	mkg_model_free(a);
	/* A document on one line, read in auto mode, is a document. */
	a = read_text(DOCUMENT_ALL, MKG_INPUT_AUTO, 0);
	assert_true(mkg_model_equal(a, d));
	mkg_model_free(a);
	mkg_model_free(d);
}

static void
test_headerless_and_empty(void **state)
{
	mkg_model *m;
	mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;

	(void)state;
	m = read_text(AB TX(",'value':4"), MKG_INPUT_AUTO, 0);
	assert_int_equal(mkg_model_actor_count(m), 2);
	assert_int_equal(mkg_model_transaction_at(m, 0, &t), MKG_OK);
	assert_string_equal(t.id, "t1");
	assert_true(t.value == 4.0);
	mkg_model_free(m);
	m = read_text("", MKG_INPUT_JSONL, 0);
	assert_int_equal(mkg_model_actor_count(m), 0);
	mkg_model_free(m);
}

/* Exchanges a->b maize x3 (one with period 2021), b->a maize, a->b with a
 * level: merged by seller, buyer, commodity, level, period in the order of
 * their first exchange. */
static void
test_aggregate(void **state)
{
	const char *log = HEADER AB
		TX(",'id':'e1','volume':3,'value':30")          /* group 1 */
		TX(",'id':'e2','volume':2")                     /* group 1 */
		TX(",'volume':5,'value':45,'period':'2021'")    /* group 2 */
		"{'record':'transaction','seller':'b','buyer':'a','commodity':'maize','value':7}\n"
		TX(",'value':25,'contract':'spot'")             /* group 1 */
		TX(",'volume':1.5,'level':'farm gate'")         /* group 4 */
		"{'record':'membership','group':'b','member':'a'}\n";
	mkg_model *m = read_text(log, MKG_INPUT_JSONL, 1);
	mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;

	(void)state;
	assert_int_equal(mkg_model_transaction_count(m), 4);
	/* group 1: volume 3 + 2 = 5, value 30 + 25 = 55, 3 exchanges */
	assert_int_equal(mkg_model_transaction_at(m, 0, &t), MKG_OK);
	assert_string_equal(t.id, "t1");
	assert_true(t.volume == 5.0 && t.value == 55.0);
	assert_null(t.period);
	assert_string_equal(t.attributes, "{\"exchanges\":3}");
	/* group 2: one exchange, its own period */
	assert_int_equal(mkg_model_transaction_at(m, 1, &t), MKG_OK);
	assert_string_equal(t.id, "t2");
	assert_string_equal(t.period, "2021");
	assert_true(t.volume == 5.0 && t.value == 45.0);
	assert_string_equal(t.attributes, "{\"exchanges\":1}");
	/* group 3: the other direction, value only (volume stays absent) */
	assert_int_equal(mkg_model_transaction_at(m, 2, &t), MKG_OK);
	assert_string_equal(t.seller, "b");
	assert_true(isnan(t.volume) && t.value == 7.0);
	/* group 4: a level of its own is another market */
	assert_int_equal(mkg_model_transaction_at(m, 3, &t), MKG_OK);
	assert_string_equal(t.level, "farm gate");
	assert_true(t.volume == 1.5 && isnan(t.value));
	assert_int_equal(mkg_model_membership_count(m), 1);
	mkg_model_free(m);
	/* Without aggregation the same log is six transactions. */
	m = read_text(log, MKG_INPUT_JSONL, 0);
	assert_int_equal(mkg_model_transaction_count(m), 6);
	mkg_model_free(m);
}

/* ---- gzip, files and streams ----------------------------------------------- */

static char *
gzip_text(const char *text, size_t *len)
{
	char *path = g_build_filename(g_get_tmp_dir(), "mkg-test-jsonl-XXXXXX", NULL);
	int fd = g_mkstemp(path);
	gzFile gz;
	char *data;

	assert_true(fd >= 0);
	gz = gzdopen(fd, "wb");
	assert_non_null(gz);
	assert_int_equal(gzwrite(gz, text, (unsigned)strlen(text)), (int)strlen(text));
	assert_int_equal(gzclose(gz), Z_OK);
	assert_true(g_file_get_contents(path, &data, len, NULL));
	g_unlink(path);
	g_free(path);
	return data;
}

static void
test_gzip(void **state)
{
	char *stream = dq(STREAM_ALL), *doc = dq(DOCUMENT_ALL);
	mkg_model *d = read_document(DOCUMENT_ALL), *m = NULL;
	size_t zlen, dlen;
	char *z = gzip_text(stream, &zlen), *zd = gzip_text(doc, &dlen), *two;
	char *path = g_build_filename(g_get_tmp_dir(), "mkg-test-jsonl.gz", NULL);
	FILE *f;

	(void)state;
	assert_int_equal(mkg_model_read_buffer(&m, z, zlen, NULL), MKG_OK);
	assert_true(mkg_model_equal(m, d));
	mkg_model_free(m);
	m = NULL;
	assert_int_equal(mkg_model_read_buffer(&m, zd, dlen, NULL), MKG_OK);
	assert_true(mkg_model_equal(m, d));
	mkg_model_free(m);
	m = NULL;
	/* A file and a stream. */
	assert_true(g_file_set_contents(path, z, (gssize)zlen, NULL));
	assert_int_equal(mkg_model_read_file(&m, path, NULL), MKG_OK);
	assert_true(mkg_model_equal(m, d));
	mkg_model_free(m);
	m = NULL;
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(mkg_model_read_stream(&m, f, NULL), MKG_OK);
	fclose(f);
	assert_true(mkg_model_equal(m, d));
	mkg_model_free(m);
	m = NULL;
	/* Two members, as `cat a.gz b.gz` makes: the stream cut after the
	 * membership's line start, compressed in two parts. */
	{
		size_t cut = strlen(stream) / 2, l1, l2;
		char *first = g_strndup(stream, cut);
		char *z1 = gzip_text(first, &l1), *z2 = gzip_text(stream + cut, &l2);

		two = g_malloc(l1 + l2);
		memcpy(two, z1, l1);
		memcpy(two + l1, z2, l2);
		assert_int_equal(mkg_model_read_buffer(&m, two, l1 + l2, NULL), MKG_OK);
		assert_true(mkg_model_equal(m, d));
		mkg_model_free(m);
		m = NULL;
		g_free(first);
		g_free(z1);
		g_free(z2);
		g_free(two);
	}
	/* Truncated, corrupt. */
	assert_int_equal(mkg_model_read_buffer(&m, z, zlen - 12, NULL), MKG_EIO);
	assert_string_equal(mkg_error_message(), "buffer: cannot read: truncated gzip data");
	z[12] ^= 0x55;
	z[13] ^= 0x55;
	assert_true(g_file_set_contents(path, z, (gssize)zlen, NULL));
	assert_int_equal(mkg_model_read_file(&m, path, NULL), MKG_EIO);
	assert_true(g_str_has_prefix(mkg_error_message(), path));
	assert_non_null(strstr(mkg_error_message(), ": cannot read: corrupt gzip data ("));
	assert_null(m);
	g_unlink(path);
	g_free(path);
	g_free(z);
	g_free(zd);
	g_free(stream);
	g_free(doc);
	mkg_model_free(d);
}

/* A line longer than the reader's buffer (128 KiB), and many lines. */
static void
test_long_lines(void **state)
{
	GString *s = g_string_new("{\"record\":\"actor\",\"id\":\"a\",\"kind\":\"producer\",\"name\":\"");
	mkg_model *m = NULL;
	mkg_actor_desc a = MKG_ACTOR_DESC_INIT;

	(void)state;
	for (int i = 0; i < 300000; i++)
		g_string_append_c(s, (char)('a' + i % 26));
	g_string_append(s, "\"}\n");
	for (int i = 0; i < 20000; i++)
		g_string_append_printf(s, "{\"record\":\"actor\",\"id\":\"p%d\",\"kind\":\"producer\"}\n", i);
	assert_int_equal(mkg_model_read_buffer(&m, s->str, s->len, NULL), MKG_OK);
	assert_int_equal(mkg_model_actor_count(m), 20001);
	assert_int_equal(mkg_model_actor_at(m, 0, &a), MKG_OK);
	assert_int_equal(strlen(a.name), 300000);
	mkg_model_free(m);
	g_string_free(s, TRUE);
}

/* The importer's fast path (lib/io/json-fast.c) and json-c's path give the
 * same model: the same records, once plain and once with an escape in a
 * string (which sends the record to json-c), the numbers written in every
 * form the syntax allows. */
static void
test_fast_path_equals_json_c(void **state)
{
	static const char *const numbers[] = {
		"0", "0.0", "1", "0.1", "2.5E-3", "1e5", "1E+5", "123456789012345", "1234567890123456",
		"123456789012345678", "9223372036854775807", "1.7976931348623157e308", "5e-324",
		"2.225073858507201e-308", "1e-400", "0.30000000000000004", "100.00", "7e0",
		/* the short-decimal path (at most 15 digits, no exponent) and its edges */
		"3.14159265358979", "12345678901234.5", "0.00000000000001", "0.000000000000001",
		"123456789012345.6", "99.99", "0.1e1", "1.0", "4503599627370.497",
	};
	size_t n = sizeof numbers / sizeof numbers[0];
	GString *plain = g_string_new("{\"format\":\"marketgraph\",\"version\":1,\"actors\":[");
	GString *escaped = g_string_new(plain->str);
	GString *txs = g_string_new(NULL), *txs_escaped = g_string_new(NULL);
	mkg_model *a = NULL, *b = NULL;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		const char *num = numbers[i];
		char id[32] = "";

		if (i % 2) /* half the transactions with an id of their own */
			g_snprintf(id, sizeof id, ",\"id\":\"x%zu\"", i);
		g_string_append_printf(plain, "%s{\"id\":\"p%zu\",\"kind\":\"producer\","
		                       "\"name\":\"P\",\"supply\":%s,\"capacity\":%s,"
		                       "\"households\":%zu,\"firms\":%zu,\"tags\":[\"x\",\"\"],"
		                       "\"region\":\"r\"}", i ? "," : "", i, num, num, i * 1000, i + 1);
		g_string_append_printf(escaped, "%s{\"id\":\"p%zu\",\"kind\":\"producer\","
		                       "\"name\":\"\\u0050\",\"supply\":%s,\"capacity\":%s,"
		                       "\"households\":%zu,\"firms\":%zu,\"tags\":[\"x\",\"\"],"
		                       "\"region\":\"r\"}", i ? "," : "", i, num, num, i * 1000, i + 1);
		g_string_append_printf(txs, "%s{\"seller\":\"p%zu\",\"buyer\":\"t\",\"commodity\":"
		                       "\"maize\",\"volume\":%s,\"value\":%s,\"capacity\":%s,"
		                       "\"level\":\"l\",\"period\":\"2020\",\"service\":false,"
		                       "\"contract\":\"auction\"%s}", i ? "," : "", i, num, num, num, id);
		g_string_append_printf(txs_escaped, "%s{\"seller\":\"p%zu\",\"buyer\":\"t\","
		                       "\"commodity\":\"m\\u0061ize\",\"volume\":%s,\"value\":%s,"
		                       "\"capacity\":%s,\"level\":\"l\",\"period\":\"2020\","
		                       "\"service\":false,\"contract\":\"auction\"%s}", i ? "," : "", i,
		                       num, num, num, id);
	}
	g_string_append(plain, ",{\"id\":\"t\",\"kind\":\"trader\"}],\"transactions\":[");
	g_string_append(escaped, ",{\"id\":\"t\",\"kind\":\"trader\"}],\"transactions\":[");
	g_string_append_printf(plain, "%s]}", txs->str);
	g_string_append_printf(escaped, "%s]}", txs_escaped->str);
	if (mkg_json_read_buffer(&a, plain->str, plain->len) != MKG_OK ||
	    mkg_json_read_buffer(&b, escaped->str, escaped->len) != MKG_OK)
		fail_msg("%s", mkg_error_message());
	assert_int_equal(mkg_model_transaction_count(a), n);
	assert_true(mkg_model_equal(a, b));
	{
		/* One value checked by hand: 1e-400 underflows to 0. */
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;

		assert_int_equal(mkg_model_actor_at(a, 14, &d), MKG_OK);
		assert_true(d.supply == 0.0 && !signbit(d.supply));
		assert_int_equal(mkg_model_actor_at(a, 10, &d), MKG_OK);
		assert_true(d.supply == 9223372036854775807.0);
	}
	mkg_model_free(a);
	mkg_model_free(b);
	g_string_free(plain, TRUE);
	g_string_free(escaped, TRUE);
	g_string_free(txs, TRUE);
	g_string_free(txs_escaped, TRUE);
}

static void
test_options(void **state)
{
	mkg_read_options o;
	mkg_model *m = NULL;

	(void)state;
	assert_int_equal(mkg_read_options_init(&o, MKG_READ_OPTIONS_VERSION), MKG_OK);
	assert_int_equal(o.format, MKG_INPUT_AUTO);
	assert_int_equal(o.aggregate, 0);
	o.format = MKG_INPUT_DOCUMENT;
	o.aggregate = 1;
	assert_int_equal(mkg_model_read_buffer(&m, "{}", 2, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(),
	                    "mkg_model_read_buffer: aggregate needs a JSON Lines stream, not a "
	                    "document");
	o.format = 7;
	assert_int_equal(mkg_model_read_buffer(&m, "{}", 2, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_model_read_buffer: unknown input format 7");
	assert_int_equal(mkg_model_read_file(&m, "/nonexistent/x.jsonl", NULL), MKG_EIO);
	assert_string_equal(mkg_error_message(),
	                    "/nonexistent/x.jsonl: cannot open: No such file or directory");
	assert_null(m);
}

int
main(void)
{
	size_t n_bad = sizeof bad_cases / sizeof bad_cases[0];
	struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_stream_equals_document),
		cmocka_unit_test(test_headerless_and_empty),
		cmocka_unit_test(test_aggregate),
		cmocka_unit_test(test_gzip),
		cmocka_unit_test(test_long_lines),
		cmocka_unit_test(test_fast_path_equals_json_c),
		cmocka_unit_test(test_options),
	};
	size_t n_fixed = sizeof fixed / sizeof fixed[0];
	struct CMUnitTest *tests = calloc(n_bad + n_fixed, sizeof *tests);
	int failed;

	for (size_t i = 0; i < n_bad; i++) {
		tests[i].name = bad_cases[i].name;
		tests[i].test_func = test_bad;
		tests[i].initial_state = (void *)&bad_cases[i];
	}
	memcpy(tests + n_bad, fixed, sizeof fixed);
	failed = _cmocka_run_group_tests("jsonl", tests, n_bad + n_fixed, NULL, NULL);
	free(tests);
	return failed;
}
