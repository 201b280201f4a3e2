/* Tests of the CSV import and export (docs/interop.md, "CSV").
 *
 * Most of the file is one table of bad tables, each with the exact status
 * and message the importer must give.  Lines and columns were counted by
 * hand: lines from 1 (a quoted line end inside a cell counts), columns are
 * cells from 1.
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "model-read.h"

/* ---- the table of bad inputs ----------------------------------------------- */

typedef struct bad_case {
	const char *name;
	const char *actors, *transactions, *facilitation, *memberships, *document; /* NULL: none */
	int code;
	const char *message;
} bad_case;

/* Four actors: a (line 2), b (3), c (4), p (5). */
#define ACT "id,kind\na,producer\nb,trader\nc,end_market\np,programme\n"
/* x repeated: a 300-byte id */
#define X10 "xxxxxxxxxx"
#define X100 X10 X10 X10 X10 X10 X10 X10 X10 X10 X10
#define X300 X100 X100 X100
#define TX1 "id,seller,buyer,commodity,volume\nt1,a,b,maize,1\n"
#define A(name, actors, code, msg) { name, actors, NULL, NULL, NULL, NULL, code, msg }
#define T(name, tx, code, msg) { name, ACT, tx, NULL, NULL, NULL, code, msg }
#define F(name, fac, code, msg) { name, ACT, TX1, fac, NULL, NULL, code, msg }
#define M(name, ms, code, msg) { name, ACT, NULL, NULL, ms, NULL, code, msg }
#define D(name, doc, code, msg) { name, ACT, NULL, NULL, NULL, doc, code, msg }
/* Facilitation columns: 1 facilitator, 2 type, 3 function, 4 targets.actors,
 * 5 targets.transactions, 6 paid_by. */
#define FH "facilitator,type,function,targets.actors,targets.transactions,paid_by\n"
#define FROW(targets_a, targets_t, paid) "p,temporary,linkages," targets_a "," targets_t "," paid "\n"

#define KINDS "producer, input_supplier, collector, trader, processor, wholesaler, exporter, " \
              "retailer, end_market, service_provider, financial_institution, public_agency, " \
              "marketing_board, programme, association, ngo, other"
#define ACTOR_COLUMNS "id, name, kind, region, households, capacity, supply, demand, tags, " \
                      "attributes, firms, costs"
#define EXCEL_UTF8 "(\"CSV UTF-8\" in Excel)"

static const bad_case bad_cases[] = {
	/* ---- the file itself: MKG_EPARSE ---------------------------------------- */
	A("empty file", "", MKG_EPARSE,
	  "actors.csv: empty file: expected a header row naming the columns"),
	A("BOM only", "\xEF\xBB\xBF", MKG_EPARSE,
	  "actors.csv: empty file: expected a header row naming the columns"),
	A("UTF-16", "\xFF\xFEi\0d\0", MKG_EPARSE,
	  "actors.csv: the file is UTF-16; save it as UTF-8 " EXCEL_UTF8),
	A("not UTF-8 (Latin-1)", "id,kind,name\na,producer,caf\xE9\n", MKG_EPARSE,
	  "actors.csv: line 2, column 3: not UTF-8 (byte 0xE9); save the file as UTF-8 " EXCEL_UTF8),
	/* The quote opens on line 2; the file ends on line 4. */
	A("unterminated quote", "id,kind,name\na,producer,\"Huasa\nhuasi\n", MKG_EPARSE,
	  "actors.csv: line 2, column 3: quoted cell not closed: the file ends inside it"),
	A("quote in an unquoted cell", "id,kind,name\na,producer,Big \"A\"\n", MKG_EPARSE,
	  "actors.csv: line 2, column 3: '\"' inside an unquoted cell: quote the whole cell and "
	  "write the quotes inside twice (\"a \"\"b\"\" c\")"),
	A("text after a closing quote", "id,kind\n\"a\"x,producer\n", MKG_EPARSE,
	  "actors.csv: line 2, column 1: 'x' after the closing quote of a quoted cell (a quote "
	  "inside a quoted cell is written twice: \"\")"),
	A("too few cells", "id,kind,region\na,producer,Junin\nb,producer\n", MKG_EPARSE,
	  "actors.csv: line 3: 2 cells, expected 3 (the header has 3 columns)"),
	A("too many cells", "id,kind\na,producer,Junin\n", MKG_EPARSE,
	  "actors.csv: line 2: more than 2 cells (the header has 2 columns)"),
	/* costs: a JSON array in one cell, as in the format */
	A("costs not an array", "id,kind,costs\na,trader,labour\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (costs): must be a JSON array of {\"item\", \"amount\"} "
	  "objects"),
	A("costs item not an object", "id,kind,costs\na,trader,[3]\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (costs): item 1 is not an object"),
	A("costs unknown field", "id,kind,costs\na,trader,\"[{\"\"item\"\": \"\"x\"\", "
	  "\"\"cost\"\": 1}]\"\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (costs): item 1: unknown field (expected item, amount, "
	  "period, commodity)"),
	A("costs amount a string", "id,kind,costs\na,trader,\"[{\"\"item\"\": \"\"x\"\", "
	  "\"\"amount\"\": \"\"1\"\"}]\"\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (costs): item 1 (amount): must be a number"),
	A("costs amount negative", "id,kind,costs\na,trader,\"[{\"\"item\"\": \"\"x\"\", "
	  "\"\"amount\"\": -1}]\"\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (costs): item 1 (amount): must be a number >= 0, got -1"),
	A("unknown column", "id,kind,colour\n", MKG_EPARSE,
	  "actors.csv: line 1, column 3 (colour): unknown column (expected " ACTOR_COLUMNS ")"),
	A("no header row", "a,producer\n", MKG_EPARSE,
	  "actors.csv: line 1, column 1 (a): unknown column (expected " ACTOR_COLUMNS ")"),
	/* 49 characters (an e-acute and 48 digits): the first 48 are kept. */
	A("long unknown column", "id,kind,\xc3\xa9" "123456789012345678901234567890123456789012345678\n",
	  MKG_EPARSE, "actors.csv: line 1, column 3 (\xc3\xa9"
	  "12345678901234567890123456789012345678901234567\u2026): unknown column (expected "
	  ACTOR_COLUMNS ")"),
	A("duplicate column", "id,kind,id\n", MKG_EPARSE,
	  "actors.csv: line 1, column 3 (id): duplicate column (first at column 1)"),
	A("missing column", "id,name\n", MKG_EPARSE,
	  "actors.csv: line 1: missing column \"kind\" (required)"),
	A("empty column name", "id,,kind\n", MKG_EPARSE,
	  "actors.csv: line 1, column 2: empty column name; the first row names the columns "
	  "(delete empty columns)"),
	T("transactions without buyer column", "seller,commodity\n", MKG_EPARSE,
	  "transactions.csv: line 1: missing column \"buyer\" (required)"),
	D("document with two rows", "name\nx\ny\n", MKG_EPARSE,
	  "document.csv: line 3: a second row; the document table has one row (or none)"),

	/* ---- cells: MKG_EDATA ---------------------------------------------------- */
	A("bad number", "id,kind,capacity\na,collector,12kg\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (capacity): must be a number >= 0, got \"12kg\""),
	A("decimal comma", "id,kind,capacity\na,collector,\"12,5\"\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (capacity): must be a number >= 0, got \"12,5\" (write "
	  "numbers with '.' as the decimal point and no thousands separator)"),
	A("decimal comma, semicolons", "id;kind;capacity\na;collector;12,5\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (capacity): must be a number >= 0, got \"12,5\" (write "
	  "numbers with '.' as the decimal point and no thousands separator)"),
	A("number .5", "id,kind,capacity\na,collector,.5\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (capacity): must be a number >= 0, got \".5\""),
	A("negative number", "id,kind,capacity\na,collector,-5\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (capacity): must be a number >= 0, got -5"),
	A("infinite number", "id,kind,capacity\na,collector,1e400\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (capacity): must be a finite number >= 0, got 1e400"),
	A("fractional households", "id,kind,households\na,producer,2.5\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (households): must be an integer >= 0, got 2.5"),
	A("negative households", "id,kind,households\na,producer,-1\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (households): must be an integer >= 0, got -1"),
	A("households too large", "id,kind,households\na,producer,9223372036854775808\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (households): must be an integer >= 0, got "
	  "9223372036854775808"),
	A("households text", "id,kind,households\na,producer,many\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (households): must be an integer >= 0, got \"many\""),
	A("unknown kind", "id,kind\na,farmer\n", MKG_EDATA,
	  "actors.csv: line 2, column 2 (kind): unknown kind \"farmer\" (expected " KINDS ")"),
	A("kind in capitals", "id,kind\na,Producer\n", MKG_EDATA,
	  "actors.csv: line 2, column 2 (kind): unknown kind \"Producer\" (expected " KINDS ")"),
	A("empty kind", "id,kind\na,\n", MKG_EDATA,
	  "actors.csv: line 2, column 2 (kind): missing (required)"),
	A("empty id", "kind,id\nproducer,\n", MKG_EDATA,
	  "actors.csv: line 2, column 2 (id): missing (required)"),
	A("quoted empty id", "id,kind\n\"\",producer\n", MKG_EDATA,
	  "actors.csv: line 2, column 1 (id): must be 1 to 256 bytes long, got 0"),
	A("duplicate id", "id,kind\na,producer\nb,trader\na,trader\n", MKG_EDATA,
	  "actors.csv: line 4, column 1 (id): duplicate id \"a\" (first at line 2)"),
	A("supply of a trader", "id,kind,supply\na,trader,5\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (supply): only producers have a supply, this actor is trader"),
	A("empty tag", "id,kind,tags\na,producer,x;;y\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (tags): item 2 is empty (items are separated by ';')"),
	A("trailing ';' in tags", "id,kind,tags\na,producer,x;\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (tags): item 2 is empty (items are separated by ';')"),
	/* ["a",] : the ']' is the 6th character */
	A("tags: bad JSON", "id,kind,tags\na,producer,\"[\"\"a\"\",]\"\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (tags): JSON text, line 1, column 6: trailing comma before ']'"),
	A("tags: JSON number", "id,kind,tags\na,producer,[1]\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (tags): must be a JSON array of strings, item 1 is not a "
	  "string (number)"),
	A("tags: JSON NUL", "id,kind,tags\na,producer,\"[\"\"x\\u0000\"\"]\"\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (tags): item 1 contains a NUL character (\\u0000)"),
	A("attributes not JSON", "id,kind,attributes\na,producer,{'a':1}\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (attributes): JSON text, line 1, column 2: single-quoted "
	  "strings are not JSON; use double quotes"),
	A("attributes duplicate key", "id,kind,attributes\na,producer,\"{\"\"k\"\":{\"\"z\"\":1,"
	  "\"\"z\"\":2}}\"\n", MKG_EDATA,
	  "actors.csv: line 2, column 3 (attributes): attributes.k: duplicate key \"z\""),
	/* The quoted id spans lines 2-3: the bad kind is on line 4. */
	A("line count after an embedded newline", "id,kind\n\"a\nb\",producer\nc,farmer\n",
	  MKG_EDATA, "actors.csv: line 4, column 2 (kind): unknown kind \"farmer\" (expected " KINDS ")"),
	A("line count after an embedded CRLF", "id,kind\r\n\"a\r\nb\",producer\r\nc,farmer\r\n",
	  MKG_EDATA, "actors.csv: line 4, column 2 (kind): unknown kind \"farmer\" (expected " KINDS ")"),
	A("line count with CR line ends", "id,kind\ra,producer\rb,farmer\r", MKG_EDATA,
	  "actors.csv: line 3, column 2 (kind): unknown kind \"farmer\" (expected " KINDS ")"),
	A("line count after a BOM and blank lines", "\xEF\xBB\xBFid,kind\n\n,\na,farmer\n", MKG_EDATA,
	  "actors.csv: line 4, column 2 (kind): unknown kind \"farmer\" (expected " KINDS ")"),
	A("NUL byte", "id,kind\na\0b,producer\n", MKG_EPARSE, /* its length: see test_bad_case */
	  "actors.csv: line 2, column 1: contains a NUL byte"),

	T("unknown actor", "id,seller,buyer,commodity,volume\n"
	  "t1,a,b,maize,1\nt2,a,b,maize,1\nt3,a,b,maize,1\nt4,b,c,maize,1\nt5,b,c,maize,1\n"
	  "t6,b,trader-9,maize,1\n", MKG_EDATA,
	  "transactions.csv: line 7, column 3 (buyer): unknown actor \"trader-9\""),
	/* Strings in messages are escaped and cut (docs/format.md, section 4). */
	T("unknown actor with ESC", "seller,buyer,commodity,volume\na,x\x1b[2J,maize,1\n",
	  MKG_EDATA,
	  "transactions.csv: line 2, column 2 (buyer): unknown actor \"x\\u001b[2J\""),
	A("duplicate id with BEL", "id,kind\na\a,producer\na\a,trader\n", MKG_EDATA,
	  "actors.csv: line 3, column 1 (id): duplicate id \"a\\u0007\" (first at line 2)"),
	T("unknown actor with a C1 CSI",
	  "seller,buyer,commodity,volume\na,\xc2\x9b" "31m,maize,1\n", MKG_EDATA,
	  "transactions.csv: line 2, column 2 (buyer): unknown actor \"\\u009b31m\""),
	T("unknown actor with quotes",
	  "seller,buyer,commodity,volume\na,\"say \"\"hi\"\" \\\",maize,1\n", MKG_EDATA,
	  "transactions.csv: line 2, column 2 (buyer): unknown actor \"say \\\"hi\\\" \\\\\""),
	T("unknown actor of 300 bytes", "seller,buyer,commodity,volume\na," X300 ",maize,1\n",
	  MKG_EDATA, "transactions.csv: line 2, column 2 (buyer): unknown actor \"" X10 X10 X10 X10
	  "xxxxxxxx\u2026\""),
	A("unknown kind with ESC", "id,kind\na,\x1b]0;x\a\n", MKG_EDATA,
	  "actors.csv: line 2, column 2 (kind): unknown kind \"\\u001b]0;x\\u0007\" (expected "
	  KINDS ")"),
	A("unknown column with ESC and C1", "id,kind,\x1b[2J\xc2\x9b\n", MKG_EPARSE,
	  "actors.csv: line 1, column 3 (\\u001b[2J\\u009b): unknown column (expected "
	  ACTOR_COLUMNS ")"),
	T("same seller and buyer", "seller,buyer,commodity,volume\na,a,maize,1\n", MKG_EDATA,
	  "transactions.csv: line 2, column 2 (buyer): same actor as the seller \"a\""),
	T("neither volume nor value", "seller,buyer,commodity,volume,value\na,b,maize,,\n", MKG_EDATA,
	  "transactions.csv: line 2: needs a volume or a value (or both)"),
	T("empty commodity", "seller,buyer,commodity,volume\na,b,\"\",1\n", MKG_EDATA,
	  "transactions.csv: line 2, column 3 (commodity): must not be empty"),
	T("bad service", "seller,buyer,commodity,volume,service\na,b,maize,1,yes\n", MKG_EDATA,
	  "transactions.csv: line 2, column 5 (service): must be true or false, got \"yes\""),
	T("bad contract", "seller,buyer,commodity,volume,contract\na,b,maize,1,barter\n", MKG_EDATA,
	  "transactions.csv: line 2, column 5 (contract): unknown contract \"barter\" (expected spot, "
	  "contract_farming, auction, embedded_service, credit, other)"),
	T("generated id taken", "id,seller,buyer,commodity,volume\n,a,b,m,1\nt1,a,b,m,1\n", MKG_EDATA,
	  "transactions.csv: line 3, column 1 (id): duplicate id \"t1\" (first at line 2)"),

	F("unknown target transaction", FH FROW("a", "t9", ""), MKG_EDATA,
	  "facilitation.csv: line 2, column 5 (targets.transactions): item 1: unknown transaction "
	  "\"t9\""),
	F("target twice", FH FROW("a;b;a", "", ""), MKG_EDATA,
	  "facilitation.csv: line 2, column 4 (targets.actors): item 3: \"a\" is targeted twice"),
	F("no target", FH FROW("", "", ""), MKG_EDATA,
	  "facilitation.csv: line 2: targets: needs at least one actor or transaction"),
	F("bad type", FH "p,temp,linkages,a,,\n", MKG_EDATA,
	  "facilitation.csv: line 2, column 2 (type): unknown type \"temp\" (expected temporary, "
	  "commercial, public)"),
	F("paid_by without a share", FH FROW("a", "", "p"), MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (paid_by): item 1: expected actor:share, got \"p\""),
	F("paid_by without an actor", FH FROW("a", "", ":1"), MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (paid_by): item 1: expected actor:share, got \":1\""),
	F("paid_by bad share", FH FROW("a", "", "p:half"), MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (paid_by): item 1: the share must be a number in "
	  "[0, 1], got \"half\""),
	F("paid_by sum", FH FROW("a", "", "p:0.5;a:0.3"), MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (paid_by): shares sum to 0.8, expected 1"),
	F("paid_by share above 1", FH FROW("a", "", "p:1.5"), MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (paid_by): item 1 (share): must be a number in [0, 1], "
	  "got 1.5"),
	F("paid_by twice", FH FROW("a", "", "p:0.5; p :0.5"), MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (paid_by): item 2 (actor): \"p\" pays twice (also item 1)"),
	F("paid_by unknown actor", FH FROW("a", "", "zz:1"), MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (paid_by): item 1 (actor): unknown actor \"zz\""),
	F("paid_by embedded not last", FH FROW("a", "",
	  "\"[{\"\"embedded\"\":[\"\"t\"\"],\"\"share\"\":0.5},{\"\"actor\"\":\"\"p\"\",\"\"share\"\":0.5}]\""),
	  MKG_EDATA, "facilitation.csv: line 2, column 6 (paid_by): item 1: the \"embedded\" part must "
	  "be the last item"),
	F("paid_by embedded and actor", FH FROW("a", "",
	  "\"[{\"\"embedded\"\":[\"\"t\"\"],\"\"actor\"\":\"\"p\"\",\"\"share\"\":1}]\""),
	  MKG_EDATA, "facilitation.csv: line 2, column 6 (paid_by): item 1: names an actor and "
	  "\"embedded\", expected one of them"),
	F("paid_by embedded empty", FH FROW("a", "", "\"[{\"\"embedded\"\":[],\"\"share\"\":1}]\""),
	  MKG_EDATA, "facilitation.csv: line 2, column 6 (paid_by): item 1: \"embedded\" names no "
	  "transaction"),
	F("paid_by JSON without share", FH FROW("a", "", "\"[{\"\"actor\"\":\"\"p\"\"}]\""), MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (paid_by): item 1: \"share\" missing (required)"),
	F("paid_by JSON unknown key", FH FROW("a", "", "\"[{\"\"actor\"\":\"\"p\"\",\"\"x\"\":1}]\""),
	  MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (paid_by): item 1: unknown key \"x\" (expected actor, "
	  "share)"),
	F("paid_by JSON string share", FH FROW("a", "", "\"[{\"\"actor\"\":\"\"p\"\",\"\"share\"\":"
	  "\"\"1\"\"}]\""), MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (paid_by): item 1: \"share\" must be a number, got string"),
	F("paid_by JSON not objects", FH FROW("a", "", "\"[\"\"p\"\"]\""), MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (paid_by): must be a JSON array of {\"actor\", \"share\"} "
	  "objects, item 1 is not an object (string)"),
	F("exit needs a successor column", "facilitator,type,function,targets.actors,exit\n"
	  "p,temporary,linkages,a,commercial\n", MKG_EDATA,
	  "facilitation.csv: line 2: successor: missing, required when exit is \"commercial\""),
	F("bad date", "facilitator,type,function,targets.actors,start\np,public,regulation,a,2001-13\n",
	  MKG_EDATA, "facilitation.csv: line 2, column 5 (start): \"2001-13\" is not a date, expected "
	  "YYYY, YYYY-MM or YYYY-MM-DD"),
	F("end before start", "facilitator,type,function,targets.actors,start,end\n"
	  "p,public,regulation,a,2005,2004-12\n", MKG_EDATA,
	  "facilitation.csv: line 2, column 6 (end): \"2004-12\" is before the start \"2005\""),

	M("member of itself", "group,member\np,a\np,p\n", MKG_EDATA,
	  "memberships.csv: line 3, column 2 (member): \"p\" cannot be a member of itself"),
	M("duplicate membership", "group,member,role\np,a,member\np,b,\np,a,chair\n", MKG_EDATA,
	  "memberships.csv: line 4: duplicate membership of \"a\" in \"p\" (first at line 2)"),
	M("unknown group", "member,group\na,q\n", MKG_EDATA,
	  "memberships.csv: line 2, column 2 (group): unknown actor \"q\""),

	D("document attributes not an object", "name,attributes\nx,[1]\n", MKG_EDATA,
	  "document.csv: line 2, column 2 (attributes): must be an object, got an array"),
	D("document attributes unquoted", "attributes\n{\"\"a\"\": NaN}\n", MKG_EPARSE,
	  "document.csv: line 2, column 1: '\"' inside an unquoted cell: quote the whole cell and "
	  "write the quotes inside twice (\"a \"\"b\"\" c\")"),
	D("document attributes NaN", "attributes\n\"{\"\"a\"\": NaN}\"\n", MKG_EDATA,
	  "document.csv: line 2, column 1 (attributes): JSON text, line 1, column 7: NaN and Infinity "
	  "are not allowed in JSON"),
};

static mkg_csv_buffer *
buffer(mkg_csv_buffer *b, const char *text, size_t len)
{
	if (text == NULL)
		return NULL;
	b->name = NULL;
	b->data = text;
	b->len = len;
	return b;
}

/* The five tables of a program written before the commodities table: the
 * count says which tables the array holds. */
static int
read5(mkg_model **out, const mkg_csv_buffer *actors, const mkg_csv_buffer *tx,
      const mkg_csv_buffer *fac, const mkg_csv_buffer *ms, const mkg_csv_buffer *doc,
      const mkg_csv_read_options *opts)
{
	const mkg_csv_buffer *tables[5] = { actors, tx, fac, ms, doc };

	return mkg_csv_read_buffers(out, tables, 5, opts);
}

static void
test_bad_case(void **state)
{
	const bad_case *c = *state;
	mkg_csv_buffer bufs[MKG_CSV_TABLE_COUNT];
	const mkg_csv_buffer *tables[MKG_CSV_TABLE_COUNT];
	mkg_model *m = (mkg_model *)&bufs; /* must stay untouched */
	size_t actors_len = strlen(c->actors);
	int rc;

	/* Inputs holding a NUL byte give their length in the name. */
	if (strstr(c->name, "NUL byte") != NULL)
		actors_len = sizeof "id,kind\na\0b,producer\n" - 1;
	if (strcmp(c->name, "UTF-16") == 0)
		actors_len = 6;
#define TABLE(k, text) buffer(&bufs[k], text, text ? strlen(text) : 0)
	tables[MKG_CSV_ACTORS] = buffer(&bufs[MKG_CSV_ACTORS], c->actors, actors_len);
	tables[MKG_CSV_TRANSACTIONS] = TABLE(MKG_CSV_TRANSACTIONS, c->transactions);
	tables[MKG_CSV_FACILITATION] = TABLE(MKG_CSV_FACILITATION, c->facilitation);
	tables[MKG_CSV_MEMBERSHIPS] = TABLE(MKG_CSV_MEMBERSHIPS, c->memberships);
	tables[MKG_CSV_DOCUMENT] = TABLE(MKG_CSV_DOCUMENT, c->document);
	tables[MKG_CSV_COMMODITIES] = NULL;
#undef TABLE
	rc = mkg_csv_read_buffers(&m, tables, MKG_CSV_TABLE_COUNT, NULL);
	if (rc != c->code || strcmp(mkg_error_message(), c->message) != 0)
		fail_msg("%s: got %d \"%s\"\nexpected %d \"%s\"", c->name, rc, mkg_error_message(),
		         c->code, c->message);
	assert_ptr_equal(m, (mkg_model *)&bufs);
	assert_int_equal(mkg_error_code(), c->code);
}

/* ---- helpers ---------------------------------------------------------------- */

/* Import the tables text[k] (NULL: absent), k < MKG_CSV_TABLE_COUNT. */
static mkg_model *
read_tables_ok(const char *const text[MKG_CSV_TABLE_COUNT], const mkg_csv_read_options *opts)
{
	mkg_csv_buffer b[MKG_CSV_TABLE_COUNT];
	const mkg_csv_buffer *tables[MKG_CSV_TABLE_COUNT];
	mkg_model *m = NULL;

	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		tables[k] = buffer(&b[k], text[k], text[k] ? strlen(text[k]) : 0);
	if (mkg_csv_read_buffers(&m, tables, MKG_CSV_TABLE_COUNT, opts) != MKG_OK)
		fail_msg("import failed: %s", mkg_error_message());
	return m;
}

static mkg_model *
read_ok(const char *actors, const char *tx, const char *fac, const char *ms, const char *doc,
        const mkg_csv_read_options *opts)
{
	const char *text[MKG_CSV_TABLE_COUNT] = { actors, tx, fac, ms, doc, NULL };

	return read_tables_ok(text, opts);
}

static char *
table(const mkg_model *m, mkg_csv_table t, const mkg_csv_write_options *o)
{
	char *s = NULL;
	size_t len = 0;

	assert_int_equal(mkg_csv_write_string(m, t, o, &s, &len), MKG_OK);
	assert_int_equal(len, strlen(s));
	return s;
}

/* Export every table and import them back: an equal model, the same bytes. */
static void
assert_roundtrip(const mkg_model *m, const mkg_csv_write_options *o)
{
	char *t[MKG_CSV_TABLE_COUNT], *again;
	mkg_model *m2;

	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		t[k] = table(m, (mkg_csv_table)k, o);
	m2 = read_tables_ok((const char *const *)t, NULL);
	assert_true(mkg_model_equal(m, m2));
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++) {
		again = table(m2, (mkg_csv_table)k, o);
		assert_string_equal(again, t[k]);
		mkg_free(again);
		mkg_free(t[k]);
	}
	mkg_model_free(m2);
}

/* ---- reading ---------------------------------------------------------------- */

/* Semicolons, a BOM, CRLF, quoted cells with separators, quotes and line
 * ends, columns in any order, blank rows, white space around typed cells. */
static void
test_read_values(void **state)
{
	static const char actors[] =
		"\xEF\xBB\xBF" "kind;id;name;households;capacity;supply;tags;attributes\r\n"
		"producer;coop-1;\"Coop; \"\"One\"\"\r\nof Junin\";420; ;850;\"smallholder; women-led\";"
		"\"{\"\"a\"\": [1, 2.50]}\"\r\n"
		";;;;;;;\r\n"
		"\r\n"
		"processor;chips;\"\";;400;;\"[\"\"x;y\"\",\"\" z\"\"]\";\r\n";
	static const char tx[] =
		"seller,buyer,commodity,volume,value,service,contract,period\n"
		"coop-1,chips,native-potato, 320 ,256000,TRUE,contract_farming,2002\n"
		"chips,coop-1,seed,,10,false,,\n";
	static const char fac[] =
		"id,facilitator,type,function,targets.actors,targets.transactions,start,end,exit,"
		"successor,cost,paid_by\n"
		"f-1,chips,temporary,linkages,coop-1,t1;t2,2001,2005,commercial,coop-1,120000,"
		"chips:0.7; coop-1 : 0.3\n";
	mkg_model *m = read_ok(actors, tx, fac, "group,member,since,role\nchips,coop-1,2009,\n",
	                       "name,currency\nPotatoes,PEN\n", NULL);
	mkg_actor_desc a;
	mkg_transaction_desc t;
	mkg_facilitation_desc f;

	(void)state;

	assert_int_equal(mkg_model_actor_count(m), 2);
	a = read_actor(m, 0);
	assert_string_equal(a.id, "coop-1");
	assert_string_equal(a.name, "Coop; \"One\"\r\nof Junin");
	assert_int_equal(a.households, 420);
	assert_true(MKG_IS_ABSENT(a.capacity)); /* " " is empty */
	assert_true(a.supply == 850);
	assert_int_equal(a.tag_count, 2);
	assert_string_equal(a.tags[0], "smallholder");
	assert_string_equal(a.tags[1], "women-led");
	assert_string_equal(a.attributes, "{\"a\":[1,2.50]}");
	/* "" is an empty name, not an absent one. */
	a = read_actor(m, 1);
	assert_non_null(a.name);
	assert_string_equal(a.name, "");
	assert_true(a.capacity == 400);
	assert_int_equal(a.tag_count, 2);
	assert_string_equal(a.tags[0], "x;y");
	assert_string_equal(a.tags[1], " z");
	assert_null(a.attributes);

	assert_int_equal(mkg_model_transaction_count(m), 2);
	t = read_tx(m, 0);
	assert_string_equal(t.id, "t1");
	assert_true(t.volume == 320);
	assert_true(t.value == 256000);
	assert_true(t.service);
	assert_int_equal(t.contract, MKG_CONTRACT_CONTRACT_FARMING);
	assert_string_equal(t.period, "2002");
	t = read_tx(m, 1);
	assert_string_equal(t.id, "t2");
	assert_true(MKG_IS_ABSENT(t.volume));
	assert_false(t.service);
	assert_int_equal(t.contract, MKG_CONTRACT_SPOT);
	assert_null(t.period);

	assert_int_equal(mkg_model_facilitation_count(m), 1);
	f = read_fac(m, 0);
	assert_int_equal(f.target_actor_count, 1);
	assert_int_equal(f.target_transaction_count, 2);
	assert_string_equal(f.target_transactions[1], "t2"); /* transactions[1] */
	assert_int_equal(f.exit, MKG_EXIT_COMMERCIAL);
	assert_string_equal(f.successor, "coop-1"); /* actors[0] */
	assert_int_equal(f.paid_by_count, 2);
	assert_string_equal(f.paid_by[1].actor, "coop-1");
	assert_true(f.paid_by[1].share == 0.3);

	assert_int_equal(mkg_model_membership_count(m), 1);
	assert_null(read_ms(m, 0).role);
	assert_string_equal(mkg_model_name(m), "Potatoes");
	assert_string_equal(mkg_model_currency(m), "PEN");
	assert_null(mkg_model_period(m));
	mkg_model_free(m);
}

/* The separator: found per file, or forced for every file. */
static void
test_separator(void **state)
{
	mkg_csv_read_options o = MKG_CSV_READ_OPTIONS_INIT;
	mkg_model *m;
	mkg_csv_buffer b;

	(void)state;
	/* Tabs win over the comma inside the name. */
	m = read_ok("id\tkind\tname\na\tproducer\tx,y\n", NULL, NULL, NULL, NULL, NULL);
	assert_string_equal(read_actor(m, 0).name, "x,y");
	mkg_model_free(m);
	/* Each file has its own. */
	m = read_ok("id,kind\na,producer\nb,trader\n", "seller;buyer;commodity;volume\na;b;m;1\n",
	            NULL, NULL, NULL, NULL);
	assert_true(read_tx(m, 0).volume == 1);
	mkg_model_free(m);
	/* One column: no separator in the header, the comma is the default. */
	m = read_ok(ACT, NULL, NULL, NULL, "name\n\"x,y\"\n", NULL);
	assert_string_equal(mkg_model_name(m), "x,y");
	mkg_model_free(m);
	/* Forced: the header "id;kind" is then one unknown column. */
	o.separator = ',';
	assert_int_equal(read5(&m, buffer(&b, "id;kind\n", 8), NULL, NULL, NULL,
	                                      NULL, &o), MKG_EPARSE);
	assert_string_equal(mkg_error_message(), "actors.csv: line 1, column 1 (id;kind): unknown "
	                    "column (expected " ACTOR_COLUMNS ")");
	o.separator = ':';
	assert_int_equal(read5(&m, buffer(&b, "id,kind\n", 8), NULL, NULL, NULL,
	                                      NULL, &o), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_csv_read: the separator must be ',', ';' or a tab");
}

/* The document table's fields and the options over them. */
static void
test_document_and_options(void **state)
{
	mkg_csv_read_options o;
	mkg_model *m;
	mkg_csv_buffer b, d;

	(void)state;
	assert_int_equal(mkg_csv_read_options_init(&o, MKG_CSV_READ_OPTIONS_VERSION), MKG_OK);
	o.name = "From options";
	o.attributes = "{\"k\": 1}";
	m = read_ok(ACT, NULL, NULL, NULL,
	            "name,currency,volume_unit,period,attributes\nTable,PEN,t,2010,\"{\"\"z\"\":2}\"\n",
	            &o);
	assert_string_equal(mkg_model_name(m), "From options");
	assert_string_equal(mkg_model_currency(m), "PEN");
	assert_string_equal(mkg_model_volume_unit(m), "t");
	assert_string_equal(mkg_model_period(m), "2010");
	assert_string_equal(mkg_model_attributes(m), "{\"k\":1}");
	mkg_model_free(m);

	/* No document row: nothing set. */
	m = read_ok(ACT, NULL, NULL, NULL, "name,currency\n", NULL);
	assert_null(mkg_model_name(m));
	mkg_model_free(m);

	o.attributes = "[]";
	m = NULL;
	assert_int_equal(read5(&m, buffer(&b, ACT, strlen(ACT)), NULL, NULL, NULL,
	                                      buffer(&d, "name\nx\n", 7), &o), MKG_EDATA);
	assert_string_equal(mkg_error_message(), "options: attributes: must be an object, got an array");
	assert_null(m);
	o.version = 99;
	assert_int_equal(read5(&m, buffer(&b, ACT, strlen(ACT)), NULL, NULL, NULL,
	                                      NULL, &o), MKG_EINVAL);
	assert_int_equal(mkg_csv_read_options_init(&o, 99), MKG_EINVAL);
	assert_int_equal(mkg_csv_read_options_init(NULL, MKG_CSV_READ_OPTIONS_VERSION), MKG_EINVAL);
}

static void
test_arguments(void **state)
{
	mkg_model *m = NULL;
	mkg_csv_buffer b = { "x.csv", NULL, 3 };
	char *s;

	(void)state;
	assert_int_equal(read5(NULL, &b, NULL, NULL, NULL, NULL, NULL), MKG_EINVAL);
	assert_int_equal(read5(&m, NULL, NULL, NULL, NULL, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_csv_read: the actors table is required");
	assert_int_equal(read5(&m, &b, NULL, NULL, NULL, NULL, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_csv_read: actors: data is NULL");
	assert_int_equal(mkg_csv_read_buffers(&m, NULL, 5, NULL), MKG_EINVAL);
	{
		const mkg_csv_buffer *seven[7] = { &b };
		const char *paths[7] = { "actors.csv" };

		assert_int_equal(mkg_csv_read_buffers(&m, seven, 7, NULL), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_csv_read: 7 tables, expected 1 to 6");
		assert_int_equal(mkg_csv_read_buffers(&m, seven, 0, NULL), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_csv_read: 0 tables, expected 1 to 6");
		assert_int_equal(mkg_csv_read_files(&m, paths, 7, NULL), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_csv_read: 7 tables, expected 1 to 6");
		paths[0] = NULL;
		assert_int_equal(mkg_csv_read_files(&m, paths, 6, NULL), MKG_EINVAL);
		assert_string_equal(mkg_error_message(), "mkg_csv_read: the actors table is required");
	}
	assert_int_equal(mkg_csv_read_files(&m, NULL, 6, NULL), MKG_EINVAL);
	assert_null(m);
	assert_string_equal(mkg_csv_table_name(MKG_CSV_FACILITATION), "facilitation");
	assert_string_equal(mkg_csv_table_name(MKG_CSV_COMMODITIES), "commodities");
	assert_int_equal(MKG_CSV_COMMODITIES, 5); /* appended: the ABI keeps the others */
	assert_null(mkg_csv_table_name((mkg_csv_table)6));
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_csv_write_string(m, (mkg_csv_table)6, NULL, &s, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_csv_write_string: unknown table 6");
	assert_int_equal(mkg_csv_write_string(NULL, MKG_CSV_ACTORS, NULL, &s, NULL), MKG_EINVAL);
	assert_int_equal(mkg_csv_write_string(m, MKG_CSV_ACTORS, NULL, NULL, NULL), MKG_EINVAL);
	assert_int_equal(mkg_csv_write_files(m, NULL, NULL), MKG_EINVAL);
	mkg_model_free(m);
}

/* ---- writing ---------------------------------------------------------------- */

static mkg_model *
small_model(void)
{
	static const char *const tags[] = { "smallholder", "women-led" };
	static const mkg_payment pay[] = { { "p", 0.7 }, { "b", 0.3 } };
	static const char *const targets[] = { "a" };
	mkg_actor_desc a = MKG_ACTOR_DESC_INIT;
	mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;
	mkg_facilitation_desc f = MKG_FACILITATION_DESC_INIT;
	mkg_membership_desc ms = MKG_MEMBERSHIP_DESC_INIT;
	mkg_model *m = NULL;

	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_model_set_name(m, "Maize, \"2010\""), MKG_OK);
	a.id = "a", a.kind = MKG_ACTOR_PRODUCER, a.households = 12, a.supply = 0.1;
	a.tags = tags, a.tag_count = 2;
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	a = (mkg_actor_desc)MKG_ACTOR_DESC_INIT;
	a.id = "b", a.name = "", a.kind = MKG_ACTOR_TRADER, a.attributes = "{\"x\": [1, 2]}";
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	a = (mkg_actor_desc)MKG_ACTOR_DESC_INIT;
	a.id = "p", a.kind = MKG_ACTOR_PROGRAMME;
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	t.seller = "a", t.buyer = "b", t.commodity = "maize", t.volume = 1e21, t.value = -0.0;
	assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
	f.facilitator = "p", f.type = MKG_FACILITATION_TEMPORARY, f.function = MKG_FUNCTION_LINKAGES;
	f.target_actors = targets, f.target_actor_count = 1, f.end = "2012";
	f.exit = MKG_EXIT_FADE_OUT, f.paid_by = pay, f.paid_by_count = 2;
	assert_int_equal(mkg_model_add_facilitation(m, &f, NULL), MKG_OK);
	ms.group = "p", ms.member = "b", ms.role = "chair";
	assert_int_equal(mkg_model_add_membership(m, &ms, NULL), MKG_OK);
	return m;
}

/* The exact text of each table, worked out by hand from small_model(). */
static void
test_write_exact(void **state)
{
	mkg_csv_write_options o = MKG_CSV_WRITE_OPTIONS_INIT;
	mkg_model *m = small_model();
	char *s;

	(void)state;
	s = table(m, MKG_CSV_ACTORS, NULL);
	assert_string_equal(s,
		"id,name,kind,region,households,capacity,supply,demand,tags,attributes\r\n"
		"a,,producer,,12,,0.1,,smallholder;women-led,\r\n"
		"b,\"\",trader,,,,,,,\"{\"\"x\"\":[1,2]}\"\r\n"
		"p,,programme,,,,,,,\r\n");
	mkg_free(s);
	s = table(m, MKG_CSV_TRANSACTIONS, NULL);
	assert_string_equal(s,
		"id,seller,buyer,commodity,volume,value,period,contract,service,capacity,attributes\r\n"
		"t1,a,b,maize,1e+21,0,,spot,false,,\r\n");
	mkg_free(s);
	s = table(m, MKG_CSV_FACILITATION, NULL);
	assert_string_equal(s,
		"id,facilitator,type,function,targets.actors,targets.transactions,start,end,exit,"
		"successor,cost,paid_by,attributes\r\n"
		"f1,p,temporary,linkages,a,,,2012,fade_out,,,p:0.7;b:0.3,\r\n");
	mkg_free(s);
	s = table(m, MKG_CSV_MEMBERSHIPS, NULL);
	assert_string_equal(s, "group,member,since,role\r\np,b,,chair\r\n");
	mkg_free(s);
	o.separator = ';';
	o.bom = 1;
	s = table(m, MKG_CSV_DOCUMENT, &o);
	assert_string_equal(s, "\xEF\xBB\xBFname;currency;volume_unit;period;attributes\r\n"
	                       "\"Maize, \"\"2010\"\"\";;;;\r\n");
	mkg_free(s);
	o.separator = 'x';
	assert_int_equal(mkg_csv_write_string(m, MKG_CSV_ACTORS, &o, &s, NULL), MKG_EINVAL);
	assert_string_equal(mkg_error_message(), "mkg_csv_write: the separator must be ',', ';' or a tab");
	assert_int_equal(mkg_csv_write_options_init(&o, MKG_CSV_WRITE_OPTIONS_VERSION), MKG_OK);
	assert_int_equal(o.separator, 0);
	assert_int_equal(mkg_csv_write_options_init(&o, 2), MKG_EINVAL);
	assert_roundtrip(m, NULL);
	mkg_model_free(m);
}

/* firms and level: their columns are written after the others, only when a
 * record has the field; read back from any position; bad values named by
 * column. */
static void
test_firms_and_level(void **state)
{
	mkg_model *m = small_model();
	mkg_actor_desc a = MKG_ACTOR_DESC_INIT;
	mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;
	mkg_csv_buffer actors = { NULL, NULL, 0 };
	mkg_model *out = NULL;
	char *s;

	(void)state;
	a.id = "w";
	a.kind = MKG_ACTOR_WHOLESALER;
	a.firms = 300;
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	t.seller = "b";
	t.buyer = "w";
	t.commodity = "maize";
	t.value = 5;
	t.level = "farm gate";
	assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
	s = table(m, MKG_CSV_ACTORS, NULL);
	assert_string_equal(s,
		"id,name,kind,region,households,capacity,supply,demand,tags,attributes,firms\r\n"
		"a,,producer,,12,,0.1,,smallholder;women-led,,\r\n"
		"b,\"\",trader,,,,,,,\"{\"\"x\"\":[1,2]}\",\r\n"
		"p,,programme,,,,,,,,\r\n"
		"w,,wholesaler,,,,,,,,300\r\n");
	mkg_free(s);
	s = table(m, MKG_CSV_TRANSACTIONS, NULL);
	assert_string_equal(s,
		"id,seller,buyer,commodity,volume,value,period,contract,service,capacity,attributes,"
		"level\r\n"
		"t1,a,b,maize,1e+21,0,,spot,false,,,\r\n"
		"t2,b,w,maize,,5,,spot,false,,,farm gate\r\n");
	mkg_free(s);
	assert_roundtrip(m, NULL);
	mkg_model_free(m);

	actors.data = "firms,id,kind\n0,x,trader\n";
	actors.len = strlen(actors.data);
	assert_int_equal(read5(&out, &actors, NULL, NULL, NULL, NULL, NULL),
	                 MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "actors.csv: line 2, column 1 (firms): must be an integer >= 1, got 0");
	assert_null(out);
}

static mkg_model *
json_model(const char *json)
{
	mkg_model *m = NULL;

	if (mkg_json_read_buffer(&m, json, strlen(json)) != MKG_OK)
		fail_msg("model: %s", mkg_error_message());
	return m;
}

/* ---- the commodities table -------------------------------------------------- */

#define COMMODITY_COLUMNS "id, unit, service, made_from, input_per_unit, attributes, transfer"
/* a producer, a processor, a transporter: lines 2, 3, 4 */
#define CHAIN_ACTORS "id,kind\nf,producer\nchips,processor\ntr,service_provider\n"

/* Import commodities (and transactions) with CHAIN_ACTORS: it must fail
 * with code and message, leaving *out alone. */
static void
commodities_fail(const char *commodities, const char *tx, int code, const char *message)
{
	const char *text[MKG_CSV_TABLE_COUNT] = { CHAIN_ACTORS, tx, NULL, NULL, NULL, commodities };
	mkg_csv_buffer b[MKG_CSV_TABLE_COUNT];
	const mkg_csv_buffer *tables[MKG_CSV_TABLE_COUNT];
	mkg_model *m = (mkg_model *)&b;
	int rc;

	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		tables[k] = buffer(&b[k], text[k], text[k] ? strlen(text[k]) : 0);
	rc = mkg_csv_read_buffers(&m, tables, MKG_CSV_TABLE_COUNT, NULL);
	if (rc != code || strcmp(mkg_error_message(), message) != 0)
		fail_msg("%s: got %d \"%s\"\nexpected %d \"%s\"", commodities, rc,
		         mkg_error_message(), code, message);
	assert_ptr_equal(m, (mkg_model *)&b);
}

/* The commodities table, written by hand: chips from potato at 4, fries
 * from chips at 1.25, transport a service. */
static void
test_commodities_table(void **state)
{
	static const char json[] =
		"{\"format\": \"marketgraph\", \"version\": 1, \"volume_unit\": \"t\", "
		"\"commodities\": [{\"id\": \"potato\", \"unit\": \"t\"}, "
		"{\"id\": \"chips\", \"made_from\": \"potato\", \"input_per_unit\": 4, "
		"\"attributes\": {\"source\": \"FAO\"}}, "
		"{\"id\": \"fries\", \"unit\": \"\", \"made_from\": \"chips\", \"input_per_unit\": 1.25}, "
		"{\"id\": \"transport\", \"unit\": \"trip\", \"service\": true}], "
		"\"actors\": [{\"id\": \"f\", \"kind\": \"producer\"}, "
		"{\"id\": \"chips\", \"kind\": \"processor\"}, "
		"{\"id\": \"tr\", \"kind\": \"service_provider\"}], "
		"\"transactions\": [{\"seller\": \"f\", \"buyer\": \"chips\", \"commodity\": \"potato\", "
		"\"volume\": 400}, {\"seller\": \"tr\", \"buyer\": \"chips\", "
		"\"commodity\": \"transport\", \"service\": true, \"value\": 90}]}";
	static const char json_plain[] =
		"{\"format\": \"marketgraph\", \"version\": 1, \"volume_unit\": \"t\", "
		"\"actors\": [{\"id\": \"f\", \"kind\": \"producer\"}, "
		"{\"id\": \"chips\", \"kind\": \"processor\"}, "
		"{\"id\": \"tr\", \"kind\": \"service_provider\"}], "
		"\"transactions\": [{\"seller\": \"f\", \"buyer\": \"chips\", \"commodity\": \"potato\", "
		"\"volume\": 400}, {\"seller\": \"tr\", \"buyer\": \"chips\", "
		"\"commodity\": \"transport\", \"service\": true, \"value\": 90}]}";
	mkg_csv_write_options o = MKG_CSV_WRITE_OPTIONS_INIT;
	mkg_model *m = json_model(json), *plain = json_model(json_plain), *back;
	mkg_commodity_desc c = MKG_COMMODITY_DESC_INIT;
	const char *primary = NULL;
	double factor = 0;
	char *s, *p;

	(void)state;
	s = table(m, MKG_CSV_COMMODITIES, NULL);
	assert_string_equal(s,
		"id,unit,service,made_from,input_per_unit,attributes\r\n"
		"potato,t,false,,,\r\n"
		"chips,,false,potato,4,\"{\"\"source\"\":\"\"FAO\"\"}\"\r\n"
		"fries,\"\",false,chips,1.25,\r\n"
		"transport,trip,true,,,\r\n");
	mkg_free(s);
	/* The five other tables are those of the model without the list. */
	for (int k = 0; k < MKG_CSV_COMMODITIES; k++) {
		s = table(m, (mkg_csv_table)k, NULL);
		p = table(plain, (mkg_csv_table)k, NULL);
		assert_string_equal(s, p);
		mkg_free(s);
		mkg_free(p);
	}
	assert_roundtrip(m, NULL);
	o.separator = ';', o.bom = 1;
	assert_roundtrip(m, &o);

	/* Read back from columns in any order, without the optional ones;
	 * TRUE as spreadsheets write it; fries made from chips listed later. */
	{
		const char *text[MKG_CSV_TABLE_COUNT] = {
			CHAIN_ACTORS, NULL, NULL, NULL, NULL,
			"input_per_unit,made_from,id,service\n1.25,chips,fries,\n"
			" 4 ,potato,chips,false\n,,potato,\n,,transport,TRUE\n"
		};
		back = read_tables_ok(text, NULL);
	}
	assert_int_equal(mkg_model_commodity_count(back), 4);
	assert_int_equal(mkg_model_commodity_at(back, 3, &c), MKG_OK);
	assert_string_equal(c.id, "transport");
	assert_int_equal(c.service, 1);
	assert_null(c.unit);
	assert_int_equal(mkg_model_primary_equivalent(back, "fries", &primary, &factor), MKG_OK);
	assert_string_equal(primary, "potato");
	assert_true(factor == 5); /* 1.25 x 4 */
	mkg_model_free(back);

	/* safe_cells treats the commodity ids like the others. */
	mkg_model_free(plain);
	plain = json_model("{\"format\": \"marketgraph\", \"version\": 1, "
	                   "\"commodities\": [{\"id\": \"=p\", \"unit\": \"-kg\"}, "
	                   "{\"id\": \"c\", \"made_from\": \"=p\", \"input_per_unit\": 2}], "
	                   "\"actors\": [{\"id\": \"a\", \"kind\": \"producer\"}]}");
	o.separator = 0, o.bom = 0, o.safe_cells = 1;
	s = table(plain, MKG_CSV_COMMODITIES, &o);
	assert_string_equal(s, "id,unit,service,made_from,input_per_unit,attributes\r\n"
	                       "'=p,'-kg,false,,,\r\n"
	                       "c,,false,'=p,2,\r\n");
	mkg_free(s);
	mkg_model_free(plain);
	mkg_model_free(m);
}

/* Every bad cell of the commodities table, and the rules that join it to
 * itself and to the transactions (mkg_model_validate()), by file, line
 * and column. */
static void
test_commodities_bad(void **state)
{
	(void)state;
	commodities_fail("id,units\np,t\n", NULL, MKG_EPARSE,
	                 "commodities.csv: line 1, column 2 (units): unknown column (expected "
	                 COMMODITY_COLUMNS ")");
	commodities_fail("unit\nt\n", NULL, MKG_EPARSE,
	                 "commodities.csv: line 1: missing column \"id\" (required)");
	commodities_fail("id\n\"\"\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 2, column 1 (id): must not be empty");
	commodities_fail("id\np\nq\np\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 4, column 1 (id): duplicate id \"p\" (first at line 2)");
	commodities_fail("id,service\np,yes\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 2, column 2 (service): must be true or false, "
	                 "got \"yes\"");
	commodities_fail("id,made_from,input_per_unit\np,,\nc,p,4kg\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 3, column 3 (input_per_unit): must be a number > 0, "
	                 "got \"4kg\"");
	commodities_fail("id,made_from,input_per_unit\np,,\nc,p,\"4,5\"\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 3, column 3 (input_per_unit): must be a number > 0, "
	                 "got \"4,5\" (write numbers with '.' as the decimal point and no thousands "
	                 "separator)");
	commodities_fail("id,made_from,input_per_unit\np,,\nc,p,0\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 3, column 3 (input_per_unit): must be a number > 0, "
	                 "got 0");
	commodities_fail("id,made_from,input_per_unit\np,,\nc,p,-4\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 3, column 3 (input_per_unit): must be a number > 0, "
	                 "got -4");
	commodities_fail("id,made_from,input_per_unit\np,,\nc,p,1e400\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 3, column 3 (input_per_unit): must be a finite "
	                 "number > 0, got 1e400");
	commodities_fail("id,made_from,input_per_unit\np,,\nc,p,\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 3, column 3 (input_per_unit): missing (required "
	                 "with made_from)");
	commodities_fail("id,made_from\np,\nc,p\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 3: input_per_unit: missing (required with made_from)");
	commodities_fail("id,made_from,input_per_unit\np,,2\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 2, column 2 (made_from): missing (required with "
	                 "input_per_unit)");
	commodities_fail("id,made_from,input_per_unit\np,\"\",2\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 2, column 2 (made_from): must not be empty");
	commodities_fail("id,service,made_from,input_per_unit\np,,,\ns,true,p,2\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 3, column 3 (made_from): a service is not made "
	                 "from a commodity");
	commodities_fail("id,attributes\np,{'a':1}\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 2, column 2 (attributes): JSON text, line 1, "
	                 "column 2: single-quoted strings are not JSON; use double quotes");
	/* The rules that join records, checked once every table is in. */
	commodities_fail("id,made_from,input_per_unit\np,,\nc,tuber,4\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 3, column 2 (made_from): unknown commodity \"tuber\"");
	commodities_fail("id,service,made_from,input_per_unit\ntr,true,,\nc,,tr,4\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 3, column 3 (made_from): \"tr\" is a service "
	                 "(line 2), not a commodity to make from");
	commodities_fail("id,made_from,input_per_unit\np,,\na,b,2\nb,a,2\n", NULL, MKG_EDATA,
	                 "commodities.csv: line 3, column 2 (made_from): cycle a -> b -> a");
	commodities_fail("id,made_from,input_per_unit\na,,\nb,a,1e300\nc,b,1e300\n", NULL,
	                 MKG_EDATA,
	                 "commodities.csv: line 4, column 3 (input_per_unit): the product of "
	                 "input_per_unit down to the primary commodity \"a\" is not a finite "
	                 "number > 0");
	/* A row spanning lines (a quoted line end): the line where the cell starts. */
	commodities_fail("id,unit,made_from,input_per_unit\np,,,\nc,\"two\nlines\",tuber,4\n", NULL,
	                 MKG_EDATA,
	                 "commodities.csv: line 4, column 3 (made_from): unknown commodity \"tuber\"");
	/* A transaction of a listed commodity is a service exactly when it is. */
	commodities_fail("id,service\ntransport,true\npotato,false\n",
	                 "seller,buyer,commodity,value,service\nf,chips,potato,5,\n"
	                 "tr,chips,transport,9,false\n", MKG_EDATA,
	                 "transactions.csv: line 3, column 5 (service): must be true, commodity "
	                 "\"transport\" is a service (commodities.csv, line 2)");
	commodities_fail("id,service\ntransport,true\npotato,false\n",
	                 "seller,buyer,commodity,value\nf,chips,potato,5\ntr,chips,transport,9\n",
	                 MKG_EDATA,
	                 "transactions.csv: line 3: service: must be true, commodity \"transport\" "
	                 "is a service (commodities.csv, line 2)");
	commodities_fail("id,service\ntransport,true\npotato,false\n",
	                 "seller,buyer,commodity,value,service\nf,chips,potato,5,true\n",
	                 MKG_EDATA,
	                 "transactions.csv: line 2, column 5 (service): must be false, commodity "
	                 "\"potato\" is not a service (commodities.csv, line 3)");
}

/* The exporters refuse a model whose records do not join (built with the
 * C API, which checks each record on its own): its tables would not read
 * back. */
static void
test_commodities_export_refused(void **state)
{
	mkg_commodity_desc c = MKG_COMMODITY_DESC_INIT;
	mkg_actor_desc a = MKG_ACTOR_DESC_INIT;
	char *dir = g_dir_make_tmp("mkg-csv-XXXXXX", NULL);
	char *prefix = g_strconcat(dir, "/", NULL);
	mkg_model *m = NULL;
	char *s = NULL;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	a.id = "a", a.kind = MKG_ACTOR_PRODUCER;
	assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	c.id = "chips", c.made_from = "tuber", c.input_per_unit = 4;
	assert_int_equal(mkg_model_add_commodity(m, &c, NULL), MKG_OK);
	assert_int_equal(mkg_csv_write_string(m, MKG_CSV_ACTORS, NULL, &s, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "commodities[0].made_from: unknown commodity \"tuber\"");
	assert_null(s);
	assert_int_equal(mkg_csv_write_files(m, prefix, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "commodities[0].made_from: unknown commodity \"tuber\"");
	assert_int_equal(g_rmdir(dir), 0); /* still empty */
	mkg_model_free(m);
	g_free(prefix);
	g_free(dir);
}

/* safe_cells (OWASP's guard against formula injection): every text of the
 * model that starts with = + - @ TAB or CR gets a leading apostrophe, list
 * items and the ids they refer to alike; numbers (never negative) and
 * fixed names are not touched.  The importer keeps the apostrophe: the
 * tables import as the model with those texts prefixed, which is valid
 * because every reference to an id was prefixed like the id. */
#define SAFE_CELLS_MODEL(Q) \
	"{\"format\": \"marketgraph\", \"version\": 1, \"name\": \"" Q "=HYPERLINK(\\\"x\\\")\", " \
	"\"currency\": \"" Q "+\", \"volume_unit\": \"" Q "@t\", \"period\": \"" Q "\\rq\", " \
	"\"actors\": [{\"id\": \"" Q "=a\", \"name\": \"" Q "+n\", \"kind\": \"producer\", " \
	"\"region\": \"" Q "@r\", \"tags\": [\"" Q "-t\", \"x\", \"" Q "=y\"]}, " \
	"{\"id\": \"b\", \"name\": \"" Q "\\tb\", \"kind\": \"trader\"}, " \
	"{\"id\": \"p\", \"kind\": \"programme\"}], " \
	"\"transactions\": [{\"id\": \"" Q "-t1\", \"seller\": \"" Q "=a\", \"buyer\": \"b\", " \
	"\"commodity\": \"" Q "=SUM(A1)\", \"value\": 3, \"period\": \"" Q "@p\"}], " \
	"\"facilitation\": [{\"id\": \"" Q "+f\", \"facilitator\": \"p\", \"type\": \"temporary\", " \
	"\"function\": \"linkages\", \"targets\": {\"actors\": [\"b\", \"" Q "=a\"], " \
	"\"transactions\": [\"" Q "-t1\"]}, \"paid_by\": [{\"actor\": \"" Q "=a\", \"share\": 0.5}, " \
	"{\"actor\": \"p\", \"share\": 0.5}]}], " \
	"\"memberships\": [{\"group\": \"p\", \"member\": \"" Q "=a\", \"role\": \"" Q "-chair\"}]}"

static void
test_write_safe_cells(void **state)
{
	static const char *const want[MKG_CSV_TABLE_COUNT] = {
		"id,name,kind,region,households,capacity,supply,demand,tags,attributes\r\n"
		"'=a,'+n,producer,'@r,,,,,'-t;x;'=y,\r\n"
		"b,'\tb,trader,,,,,,,\r\n"
		"p,,programme,,,,,,,\r\n",
		"id,seller,buyer,commodity,volume,value,period,contract,service,capacity,attributes\r\n"
		"'-t1,'=a,b,'=SUM(A1),,3,'@p,spot,false,,\r\n",
		"id,facilitator,type,function,targets.actors,targets.transactions,start,end,exit,"
		"successor,cost,paid_by,attributes\r\n"
		"'+f,p,temporary,linkages,b;'=a,'-t1,,,,,,'=a:0.5;p:0.5,\r\n",
		"group,member,since,role\r\np,'=a,,'-chair\r\n",
		"name,currency,volume_unit,period,attributes\r\n"
		"\"'=HYPERLINK(\"\"x\"\")\",'+,'@t,\"'\rq\",\r\n",
		/* no commodities listed: the header alone */
		"id,unit,service,made_from,input_per_unit,attributes\r\n",
	};
	mkg_csv_write_options o = MKG_CSV_WRITE_OPTIONS_INIT;
	mkg_model *m = json_model(SAFE_CELLS_MODEL("")), *prefixed = json_model(SAFE_CELLS_MODEL("'"));
	mkg_model *back;
	char *t[MKG_CSV_TABLE_COUNT];

	(void)state;
	assert_int_equal(o.safe_cells, 0);
	o.safe_cells = 1;
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++) {
		t[k] = table(m, (mkg_csv_table)k, &o);
		assert_string_equal(t[k], want[k]);
	}
	back = read_ok(t[0], t[1], t[2], t[3], t[4], NULL);
	assert_false(mkg_model_equal(m, back));
	assert_true(mkg_model_equal(prefixed, back));
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		mkg_free(t[k]);
	/* without the option the model comes back as it was */
	assert_roundtrip(m, NULL);
	mkg_model_free(back);
	mkg_model_free(prefixed);
	mkg_model_free(m);
}

/* Every string that could confuse a list or a cell survives the trip. */
static void
test_roundtrip_tricky(void **state)
{
	static const char *const ids[] = {
		"plain", "with,comma", "with;semicolon", "with \"quotes\"", "two\nlines", "cr\rlf\r\n",
		" lead", "trail ", "[bracket", "colon:0.5", "tab\there", "\xc3\xa9t\xc3\xa9",
		"ctl\x01", "=formula", "\t", "a:"
	};
	const size_t n = sizeof ids / sizeof ids[0];
	const char *tags[3] = { "", "x;y", "[z" };
	mkg_payment pay[16];
	mkg_model *m = NULL;
	mkg_csv_write_options o = MKG_CSV_WRITE_OPTIONS_INIT;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_model_set_period(m, ""), MKG_OK);
	for (size_t k = 0; k < n; k++) {
		mkg_actor_desc a = MKG_ACTOR_DESC_INIT;
		a.id = ids[k], a.name = ids[(k + 1) % n], a.region = "", a.kind = MKG_ACTOR_OTHER;
		/* Tags: none, one empty, and lists needing the JSON form. */
		a.tags = k % 3 == 0 ? NULL : tags, a.tag_count = k % 3 == 0 ? 0 : k % 3 == 1 ? 1 : 3;
		if (k == 4)
			a.tags = ids + 1, a.tag_count = 2; /* a ';' in an item: JSON form */
		if (k == 5)
			a.tags = ids, a.tag_count = 2; /* "plain;with,comma" */
		assert_int_equal(mkg_model_add_actor(m, &a, NULL), MKG_OK);
	}
	for (size_t k = 0; k + 1 < n; k++) {
		mkg_transaction_desc t = MKG_TRANSACTION_DESC_INIT;
		t.id = ids[k + 1], t.seller = ids[k], t.buyer = ids[k + 1], t.commodity = ids[k];
		t.value = (double)k / 3, t.period = k % 2 ? "" : NULL, t.service = (int)(k % 2);
		t.contract = (mkg_contract)(k % MKG_CONTRACT_COUNT);
		assert_int_equal(mkg_model_add_transaction(m, &t, NULL), MKG_OK);
	}
	for (size_t k = 0; k < 2; k++) {
		mkg_facilitation_desc f = MKG_FACILITATION_DESC_INIT;
		/* Payers: every id in turn; the last one takes what is left. */
		double left = 1;
		size_t first = k * 8, count = 8;
		for (size_t j = 0; j < count; j++) {
			pay[j].actor = ids[first + j];
			pay[j].share = j + 1 < count ? 0.1 : left;
			left -= 0.1;
		}
		f.facilitator = ids[k], f.type = MKG_FACILITATION_COMMERCIAL;
		f.function = MKG_FUNCTION_BROKERAGE;
		f.target_actors = ids + first, f.target_actor_count = count;
		f.target_transactions = ids + 1 + k, f.target_transaction_count = 3;
		f.paid_by = pay, f.paid_by_count = count;
		f.cost = 0.1 + 0.2;
		assert_int_equal(mkg_model_add_facilitation(m, &f, NULL), MKG_OK);
	}
	{
		/* The plain form with ':' in ids: "colon:0.5:0.5;a::0.25;=formula:0.25". */
		static const mkg_payment plain[] = { { "colon:0.5", 0.5 }, { "a:", 0.25 },
		                                     { "=formula", 0.25 } };
		mkg_facilitation_desc f = MKG_FACILITATION_DESC_INIT;
		char *s;

		f.facilitator = "plain", f.type = MKG_FACILITATION_PUBLIC;
		f.function = MKG_FUNCTION_OTHER, f.target_transactions = ids + 1;
		f.target_transaction_count = 1, f.paid_by = plain, f.paid_by_count = 3;
		assert_int_equal(mkg_model_add_facilitation(m, &f, NULL), MKG_OK);
		s = table(m, MKG_CSV_FACILITATION, NULL);
		assert_non_null(strstr(s, "\r\nf3,plain,public,other,,\"with,comma\",,,,,,"
		                          "colon:0.5:0.5;a::0.25;=formula:0.25,\r\n"));
		mkg_free(s);
	}
	assert_roundtrip(m, NULL);
	o.separator = ';', o.bom = 1;
	assert_roundtrip(m, &o);
	o.separator = '\t';
	assert_roundtrip(m, &o);
	mkg_model_free(m);
}

/* ---- files -------------------------------------------------------------------- */

static void
test_files(void **state)
{
	char *dir = g_dir_make_tmp("mkg-csv-XXXXXX", NULL);
	char *prefix = g_strconcat(dir, "/model-", NULL);
	char *paths[5], *missing;
	mkg_model *m = small_model(), *m2 = NULL;

	(void)state;
	assert_non_null(dir);
	assert_int_equal(mkg_csv_write_files(m, prefix, NULL), MKG_OK);
	for (int k = 0; k < 5; k++)
		paths[k] = g_strconcat(prefix, mkg_csv_table_name((mkg_csv_table)k), ".csv", NULL);
	assert_int_equal(mkg_csv_read_files(&m2, (const char *const *)paths, 5, NULL), MKG_OK);
	assert_true(mkg_model_equal(m, m2));
	mkg_model_free(m2);
	m2 = NULL;

	/* A missing file: the path as given, nothing returned. */
	missing = g_strconcat(dir, "/none.csv", NULL);
	{
		const char *two[2] = { paths[0], missing };
		assert_int_equal(mkg_csv_read_files(&m2, two, 2, NULL), MKG_EIO);
	}
	assert_true(g_str_has_suffix(mkg_error_message(),
	                             "/none.csv: cannot open: No such file or directory"));
	assert_true(g_str_has_prefix(mkg_error_message(), dir));
	assert_null(m2);
	/* A message from a file names it by its path. */
	{
		const char *one[1] = { paths[1] };
		assert_int_equal(mkg_csv_read_files(&m2, one, 1, NULL), MKG_EPARSE);
	}
	assert_true(g_str_has_prefix(mkg_error_message(), paths[1]));
	assert_true(g_str_has_suffix(mkg_error_message(), ".csv: line 1, column 2 (seller): unknown "
	                             "column (expected " ACTOR_COLUMNS ")"));
	/* Writing into a directory whose parent does not exist (the directory
	 * itself would be made); with a prefix, into a missing directory. */
	g_free(prefix);
	prefix = g_strconcat(dir, "/no/such/", NULL);
	assert_int_equal(mkg_csv_write_files(m, prefix, NULL), MKG_EIO);
	assert_true(g_str_has_suffix(mkg_error_message(),
	                             "/no/such: cannot write: No such file or directory"));
	g_free(prefix);
	prefix = g_strconcat(dir, "/no/such-", NULL);
	assert_int_equal(mkg_csv_write_files(m, prefix, NULL), MKG_EIO);
	assert_true(g_str_has_suffix(mkg_error_message(),
	                             "/no/such-actors.csv: cannot write: No such file or directory"));
	for (int k = 0; k < 5; k++) {
		g_remove(paths[k]);
		g_free(paths[k]);
	}
	g_rmdir(dir);
	g_free(missing);
	g_free(prefix);
	g_free(dir);
	mkg_model_free(m);
}

/* The commodities table is a file of the set only when the model lists
 * commodities: a directory is replaced whole (an old commodities.csv goes
 * with it), a PREFIX's old commodities file is removed. */
static void
test_commodities_files(void **state)
{
	char *dir = g_dir_make_tmp("mkg-csv-XXXXXX", NULL);
	char *tables = g_strconcat(dir, "/tables/", NULL);
	char *in_dir = g_strconcat(dir, "/tables/commodities.csv", NULL);
	char *prefix = g_strconcat(dir, "/m-", NULL);
	char *with_prefix = g_strconcat(dir, "/m-commodities.csv", NULL);
	const char *paths[MKG_CSV_TABLE_COUNT] = { NULL };
	mkg_model *m = json_model("{\"format\": \"marketgraph\", \"version\": 1, "
	                          "\"commodities\": [{\"id\": \"p\"}], "
	                          "\"actors\": [{\"id\": \"a\", \"kind\": \"producer\"}]}");
	mkg_model *plain = small_model(), *back = NULL;
	char *names[MKG_CSV_TABLE_COUNT];

	(void)state;
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		names[k] = g_strconcat(dir, "/tables/", mkg_csv_table_name((mkg_csv_table)k), ".csv",
		                       NULL);
	assert_int_equal(mkg_csv_write_files(m, tables, NULL), MKG_OK);
	assert_true(g_file_test(in_dir, G_FILE_TEST_EXISTS));
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		paths[k] = names[k];
	assert_int_equal(mkg_csv_read_files(&back, paths, MKG_CSV_TABLE_COUNT, NULL), MKG_OK);
	assert_true(mkg_model_equal(m, back));
	mkg_model_free(back);
	/* A directory holding the six tables is a set to replace, not refused. */
	assert_int_equal(mkg_csv_write_files(plain, tables, NULL), MKG_OK);
	assert_false(g_file_test(in_dir, G_FILE_TEST_EXISTS));
	assert_true(g_file_test(names[MKG_CSV_DOCUMENT], G_FILE_TEST_EXISTS));

	assert_int_equal(mkg_csv_write_files(m, prefix, NULL), MKG_OK);
	assert_true(g_file_test(with_prefix, G_FILE_TEST_EXISTS));
	assert_int_equal(mkg_csv_write_files(plain, prefix, NULL), MKG_OK);
	assert_false(g_file_test(with_prefix, G_FILE_TEST_EXISTS));

	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++) {
		char *p = g_strconcat(prefix, mkg_csv_table_name((mkg_csv_table)k), ".csv", NULL);
		g_remove(p);
		g_remove(names[k]);
		g_free(p);
		g_free(names[k]);
	}
	assert_int_equal(g_rmdir(tables), 0);
	assert_int_equal(g_rmdir(dir), 0);
	mkg_model_free(plain);
	mkg_model_free(m);
	g_free(with_prefix);
	g_free(prefix);
	g_free(in_dir);
	g_free(tables);
	g_free(dir);
}

int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_read_values),
		cmocka_unit_test(test_separator),
		cmocka_unit_test(test_document_and_options),
		cmocka_unit_test(test_arguments),
		cmocka_unit_test(test_write_exact),
		cmocka_unit_test(test_write_safe_cells),
		cmocka_unit_test(test_roundtrip_tricky),
		cmocka_unit_test(test_firms_and_level),
		cmocka_unit_test(test_commodities_table),
		cmocka_unit_test(test_commodities_bad),
		cmocka_unit_test(test_commodities_export_refused),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_commodities_files),
	};
	size_t n_bad = sizeof bad_cases / sizeof bad_cases[0];
	size_t n_fixed = sizeof fixed / sizeof fixed[0];
	struct CMUnitTest *tests = g_new0(struct CMUnitTest, n_bad + n_fixed);
	int failed;

	/* One group, so the TAP output has one plan: a test per bad input. */
	for (size_t k = 0; k < n_bad; k++) {
		tests[k].name = bad_cases[k].name;
		tests[k].test_func = test_bad_case;
		tests[k].initial_state = (void *)&bad_cases[k];
	}
	memcpy(tests + n_bad, fixed, sizeof fixed);
	failed = _cmocka_run_group_tests("csv", tests, n_bad + n_fixed, NULL, NULL);
	g_free(tests);
	return failed;
}
