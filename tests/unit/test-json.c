/* Tests of the JSON import and export (docs/format.md).
 *
 * Most of the file is one table of bad documents, each with the exact
 * status and message the importer must give.  Documents in the table are
 * written with ' for " (converted before use) unless marked RAW.
 * Line and column numbers were counted by hand: columns count characters,
 * the first is 1.
 *
 * SPDX-License-Identifier: MIT */
#include <marketgraph.h>

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model-read.h"

#ifndef MKG_TEST_DATA
#error "MKG_TEST_DATA must name tests/data"
#endif

/* ---- the table of bad documents ------------------------------------------ */

typedef struct bad_case {
	const char *name;
	const char *doc;  /* ' stands for " unless raw */
	bool raw;
	int code;
	const char *message;
} bad_case;

#define BAD(name, doc, code, msg) { name, doc, false, code, msg }
#define RAW(name, doc, code, msg) { name, doc, true, code, msg }

/* A valid document's start, and actors to refer to. */
#define H "{'format':'marketgraph','version':1,"
#define ACTORS "'actors':[{'id':'a','kind':'producer'},{'id':'b','kind':'trader'}," \
               "{'id':'c','kind':'end_market'},{'id':'p','kind':'programme'}]"
#define TX0 "{'id':'t1','seller':'a','buyer':'b','commodity':'maize','volume':1}"
/* A valid document with one more top-level member (X must end without ','). */
#define DOC(x) H ACTORS "," x "}"
#define TXS(x) DOC("'transactions':[" x "]")
#define FACS(x) DOC("'transactions':[" TX0 "],'facilitation':[" x "]")
#define FAC_START "{'facilitator':'p','type':'temporary','function':'linkages',"
/* a seller of t1: its price can recover a cost (paid_by's embedded part) */
#define EMB_START "{'facilitator':'a','type':'commercial','function':'capacity_building',"
#define MSS(x) DOC("'memberships':[" x "]")
/* Commodities (listed after the actors here: the order of keys is free). */
#define COMS(x) DOC("'commodities':[" x "]")
#define COMS_TXS(c, t) DOC("'commodities':[" c "],'transactions':[" t "]")
#define POTATO "{'id':'potato','unit':'t'}"
#define COMMODITY_FIELDS "id, unit, service, transfer, made_from, input_per_unit, attributes"

#define KINDS "producer, input_supplier, collector, trader, processor, wholesaler, exporter, " \
              "retailer, end_market, service_provider, financial_institution, public_agency, " \
              "marketing_board, programme, association, ngo, other"
#define TOP_KEYS "format, version, name, currency, volume_unit, period, attributes, " \
                 "commodities, actors, transactions, facilitation, memberships"
/* Runs of é (2 bytes, 1 character each). */
#define E3 "\xc3\xa9\xc3\xa9\xc3\xa9"
#define E5 E3 "\xc3\xa9\xc3\xa9"
#define E10 E5 E5
/* x repeated: a 300-byte id */
#define X10 "xxxxxxxxxx"
#define X100 X10 X10 X10 X10 X10 X10 X10 X10 X10 X10
#define X300 X100 X100 X100
#define ACTOR_FIELDS "id, name, kind, region, households, firms, capacity, supply, demand, tags, " \
                     "costs, attributes"

static const bad_case bad_cases[] = {
	/* ---- syntax: MKG_EPARSE with line and column -------------------- */
	BAD("empty input", "", MKG_EPARSE, "line 1, column 1: empty input"),
	BAD("whitespace only", " \n\t ", MKG_EPARSE, "line 1, column 1: empty input"),
	/* line 3 is "  'actors': [": 13 characters, the end is column 14 */
	BAD("truncated document", "{'format': 'marketgraph',\n  'version': 1,\n  'actors': [",
	    MKG_EPARSE, "line 3, column 14: unexpected end of input"),
	BAD("truncated in a string", "{'format': 'market", MKG_EPARSE,
	    "line 1, column 19: unexpected end of input"),
	BAD("truncated after a number", "{'a': 12", MKG_EPARSE,
	    "line 1, column 9: unexpected end of input"),
	BAD("truncated in an escape", "{'a': '\\", MKG_EPARSE,
	    "line 1, column 9: unexpected end of input"),
	BAD("trailing garbage", "{} x", MKG_EPARSE,
	    "line 1, column 4: trailing characters after the document"),
	BAD("two documents", "{}\n{}", MKG_EPARSE,
	    "line 2, column 1: trailing characters after the document"),
	RAW("single-quoted key", "{'format': 1}", MKG_EPARSE,
	    "line 1, column 2: single-quoted strings are not JSON; use double quotes"),
	RAW("single-quoted value", "{\"a\": 'x'}", MKG_EPARSE,
	    "line 1, column 7: single-quoted strings are not JSON; use double quotes"),
	BAD("NaN", "{'v': NaN}", MKG_EPARSE,
	    "line 1, column 7: NaN and Infinity are not allowed in JSON"),
	BAD("Infinity", "{'v': Infinity}", MKG_EPARSE,
	    "line 1, column 7: NaN and Infinity are not allowed in JSON"),
	BAD("-Infinity", "{'v': -Infinity}", MKG_EPARSE,
	    "line 1, column 7: NaN and Infinity are not allowed in JSON"),
	BAD("number 1.", "{'v': 1.}", MKG_EPARSE,
	    "line 1, column 9: invalid number: expected a digit after '.'"),
	BAD("number .5", "{'v': .5}", MKG_EPARSE,
	    "line 1, column 7: invalid number: it must start with '-' or a digit"),
	BAD("number +1", "{'v': +1}", MKG_EPARSE,
	    "line 1, column 7: invalid number: it must start with '-' or a digit"),
	BAD("number with a leading zero", "{'v': 01}", MKG_EPARSE,
	    "line 1, column 7: invalid number: leading zero"),
	BAD("number 1e", "{'v': 1e}", MKG_EPARSE,
	    "line 1, column 9: invalid number: expected a digit in the exponent"),
	BAD("number -", "{'v': -}", MKG_EPARSE,
	    "line 1, column 8: invalid number: expected a digit after '-', got '}'"),
	BAD("integer above int64", "{'v': 99999999999999999999}", MKG_EPARSE,
	    "line 1, column 7: number does not fit in 64 bits"),
	BAD("integer INT64_MAX + 1", "{'v': 9223372036854775808}", MKG_EPARSE,
	    "line 1, column 7: number does not fit in 64 bits"),
	BAD("integer INT64_MIN - 1", "{'v': -9223372036854775809}", MKG_EPARSE,
	    "line 1, column 7: number does not fit in 64 bits"),
	/* {"v": "a<TAB>: the tab is the 9th character */
	BAD("raw tab in a string", "{'v': 'a\tb'}", MKG_EPARSE,
	    "line 1, column 9: raw control character U+0009 in a string (write it as \\u0009)"),
	BAD("raw newline in a string", "{'v': 'a\nb'}", MKG_EPARSE,
	    "line 1, column 9: raw control character U+000A in a string (write it as \\u000A)"),
	BAD("invalid UTF-8 byte", "{'v': 'a\xff" "b'}", MKG_EPARSE,
	    "line 1, column 9: invalid UTF-8 in a string"),
	BAD("overlong UTF-8", "{'v': 'a\xc0\xaf'}", MKG_EPARSE,
	    "line 1, column 9: invalid UTF-8 in a string"),
	BAD("UTF-8 of a surrogate", "{'v': 'a\xed\xa0\x80'}", MKG_EPARSE,
	    "line 1, column 9: invalid UTF-8 in a string"),
	BAD("UTF-8 above U+10FFFF", "{'v': 'a\xf4\x90\x80\x80'}", MKG_EPARSE,
	    "line 1, column 9: invalid UTF-8 in a string"),
	BAD("truncated UTF-8", "{'v': 'a\xe2\x82'}", MKG_EPARSE,
	    "line 1, column 9: invalid UTF-8 in a string"),
	BAD("invalid UTF-8 in a key", "{'\xe9': 1}", MKG_EPARSE,
	    "line 1, column 3: invalid UTF-8 in a string"),
	/* each é is one column: x is the 19th character */
	BAD("columns count characters", "{'v': '\xc3\xa9\xc3\xa9\xc3\xa9', 'w': x}", MKG_EPARSE,
	    "line 1, column 19: invalid literal \"x\" (expected true, false or null)"),
	BAD("lone high surrogate", "{'v': '\\ud800'}", MKG_EPARSE,
	    "line 1, column 8: invalid \\u escape: high surrogate \\uD800 not followed by a low one"),
	BAD("high surrogate then a letter", "{'v': '\\uD800\\u0041'}", MKG_EPARSE,
	    "line 1, column 8: invalid \\u escape: high surrogate \\uD800 not followed by a low one"),
	BAD("lone low surrogate", "{'v': '\\udc00'}", MKG_EPARSE,
	    "line 1, column 8: invalid \\u escape: lone low surrogate \\uDC00"),
	BAD("bad hex in an escape", "{'v': '\\u12g4'}", MKG_EPARSE,
	    "line 1, column 8: invalid \\u escape: expected 4 hex digits"),
	BAD("invalid escape", "{'v': '\\x'}", MKG_EPARSE,
	    "line 1, column 8: invalid escape '\\' followed by 'x' in a string"),
	BAD("NUL in a key", "{'a\\u0000b': 1}", MKG_EPARSE,
	    "line 1, column 4: \\u0000 in an object key is not supported"),
	BAD("byte order mark", "\xef\xbb\xbf{}", MKG_EPARSE,
	    "line 1, column 1: byte order mark (U+FEFF) before the document; save it as UTF-8 "
	    "without BOM"),
	BAD("trailing comma in an array", "{'a': [1,]}", MKG_EPARSE,
	    "line 1, column 10: trailing comma before ']'"),
	BAD("trailing comma in an object", "{'a': 1,}", MKG_EPARSE,
	    "line 1, column 9: trailing comma before '}'"),
	BAD("missing colon", "{'a' 1}", MKG_EPARSE,
	    "line 1, column 6: expected ':' after an object key, got '1'"),
	BAD("missing comma in an object", "{'a': 1 'b': 2}", MKG_EPARSE,
	    "line 1, column 9: expected ',' or '}' after an object member, got '\"'"),
	BAD("missing comma in an array", "[1 2]", MKG_EPARSE,
	    "line 1, column 4: expected ',' or ']' after an array element, got '2'"),
	BAD("mismatched bracket", "{'a': [1}", MKG_EPARSE,
	    "line 1, column 9: expected ',' or ']' after an array element, got '}'"),
	BAD("literal True", "{'a': True}", MKG_EPARSE,
	    "line 1, column 7: invalid literal \"True\" (expected true, false or null)"),
	BAD("literal nul", "{'a': nul}", MKG_EPARSE,
	    "line 1, column 7: invalid literal \"nul\" (expected true, false or null)"),
	BAD("unexpected character", "{'a': @}", MKG_EPARSE, "line 1, column 7: expected a value, got '@'"),
	BAD("non-ASCII outside a string", "{'a': \xc3\xa9}", MKG_EPARSE,
	    "line 1, column 7: expected a value, got U+00E9"),
	BAD("key not a string", "{a: 1}", MKG_EPARSE,
	    "line 1, column 2: expected a string key or '}', got 'a'"),
	BAD("control character outside a string", "{\x01}", MKG_EPARSE,
	    "line 1, column 2: expected a string key or '}', got U+0001"),
	BAD("NUL byte outside a string", "{}\0", MKG_EPARSE,
	    "line 1, column 3: trailing characters after the document"),
	/* line 4 is "  'actors': [}": the } is its 14th character */
	BAD("position on a later line", "{\n  'format': 'marketgraph',\n  'version': 1,\n  'actors': [}\n",
	    MKG_EPARSE, "line 4, column 14: expected a value, got '}'"),
	BAD("CRLF line ends", "{\r\n'a': x}", MKG_EPARSE,
	    "line 2, column 6: invalid literal \"x\" (expected true, false or null)"),

	/* ---- the top level ----------------------------------------------- */
	BAD("root is an array", "[]", MKG_EDATA, "document: expected a JSON object, got array"),
	BAD("root is a number", " 5 ", MKG_EDATA, "document: expected a JSON object, got number"),
	BAD("root is a string", "'x'", MKG_EDATA, "document: expected a JSON object, got string"),
	BAD("root is null", "null", MKG_EDATA, "document: expected a JSON object, got null"),
	BAD("empty object", "{}", MKG_EDATA, "format: missing (required), expected \"marketgraph\""),
	BAD("format missing", "{'version':1,'actors':[]}", MKG_EDATA,
	    "format: missing (required), expected \"marketgraph\""),
	BAD("format wrong", "{'format':'marketplace','version':1,'actors':[]}", MKG_EDATA,
	    "format: expected \"marketgraph\", got \"marketplace\""),
	BAD("format a number", "{'format':5,'version':1,'actors':[]}", MKG_EDATA,
	    "format: expected \"marketgraph\", got 5"),
	BAD("format with a NUL", "{'format':'market\\u0000graph','version':1,'actors':[]}", MKG_EDATA,
	    "format: expected \"marketgraph\", got \"market\""),
	BAD("version missing", "{'format':'marketgraph','actors':[]}", MKG_EDATA,
	    "version: missing (required), expected 1"),
	BAD("version a string", "{'format':'marketgraph','version':'1','actors':[]}", MKG_EDATA,
	    "version: must be an integer, got \"1\""),
	BAD("version 1.0", "{'format':'marketgraph','version':1.0,'actors':[]}", MKG_EDATA,
	    "version: must be an integer, got 1.0"),
	BAD("version 0", "{'format':'marketgraph','version':0,'actors':[]}", MKG_EDATA,
	    "version: 0 is not a valid version (expected 1)"),
	BAD("version -1", "{'format':'marketgraph','version':-1,'actors':[]}", MKG_EDATA,
	    "version: -1 is not a valid version (expected 1)"),
	BAD("version 2", "{'format':'marketgraph','version':2,'actors':[]}", MKG_EUNSUPPORTED,
	    "version: 2 is newer than this library reads (1)"),
	/* A newer document's new keys: the version is what to report. */
	BAD("version 2 with a new key", "{'format':'marketgraph','version':2,'actors':[],'x':1}",
	    MKG_EUNSUPPORTED, "version: 2 is newer than this library reads (1)"),
	BAD("unknown key", DOC("'bogus':1"), MKG_EDATA, "bogus: unknown key (expected " TOP_KEYS ")"),
	BAD("unknown key with spaces", DOC("'bo gus':1"), MKG_EDATA,
	    "\"bo gus\": unknown key (expected " TOP_KEYS ")"),
	BAD("duplicate key", DOC("'actors':[]"), MKG_EDATA, "actors: duplicate key"),
	BAD("duplicate format", "{'format':'marketgraph','format':'x','version':1,'actors':[]}",
	    MKG_EDATA, "format: duplicate key"),
	BAD("actors missing", "{'format':'marketgraph','version':1}", MKG_EDATA,
	    "actors: missing (required)"),
	BAD("actors an object", H "'actors':{}}", MKG_EDATA, "actors: must be an array, got an object"),
	BAD("actors null", H "'actors':null}", MKG_EDATA, "actors: must be an array, got null"),
	BAD("transactions a number", DOC("'transactions':5"), MKG_EDATA,
	    "transactions: must be an array, got 5"),
	BAD("facilitation a string", DOC("'facilitation':'x'"), MKG_EDATA,
	    "facilitation: must be an array, got \"x\""),
	BAD("memberships true", DOC("'memberships':true"), MKG_EDATA,
	    "memberships: must be an array, got true"),
	BAD("name a number", DOC("'name':5"), MKG_EDATA, "name: must be a string, got 5"),
	BAD("name null", DOC("'name':null"), MKG_EDATA, "name: must be a string, got null"),
	BAD("currency an array", DOC("'currency':['PEN']"), MKG_EDATA,
	    "currency: must be a string, got an array"),
	BAD("volume_unit with a NUL", DOC("'volume_unit':'t\\u0000'"), MKG_EDATA,
	    "volume_unit: contains a NUL character (\\u0000)"),
	BAD("period false", DOC("'period':false"), MKG_EDATA, "period: must be a string, got false"),
	BAD("attributes an array", DOC("'attributes':[]"), MKG_EDATA,
	    "attributes: must be an object, got an array"),
	BAD("attributes 1e400", DOC("'attributes':{'a':{'b':[1e400]}}"), MKG_EDATA,
	    "attributes: numbers must be finite, got 1e400"),
	BAD("attributes -1e400", DOC("'attributes':{'a':-1e400}"), MKG_EDATA,
	    "attributes: numbers must be finite, got -1e400"),
	BAD("attributes duplicate key", DOC("'attributes':{'a':1,'a':1}"), MKG_EDATA,
	    "attributes: duplicate key \"a\""),
	BAD("attributes nested duplicate key", DOC("'attributes':{'a':[{},{'x y':1,'x y':2}]}"),
	    MKG_EDATA, "attributes.a[1]: duplicate key \"x y\""),

	/* ---- actors --------------------------------------------------------- */
	BAD("actor not an object", H "'actors':[5]}", MKG_EDATA, "actors[0]: expected an object, got number"),
	BAD("actor an array", H "'actors':[{'id':'a','kind':'other'},[]]}", MKG_EDATA,
	    "actors[1]: expected an object, got array"),
	BAD("actor unknown field", H "'actors':[{'id':'a','kind':'other'},{'id':'b','kind':'other'},"
	    "{'id':'c','kind':'other','colour':'red'}]}", MKG_EDATA,
	    "actors[2].colour: unknown field (expected " ACTOR_FIELDS ")"),
	BAD("actor field with a space", H "'actors':[{'id':'a','kind':'other','my field':1}]}",
	    MKG_EDATA, "actors[0][\"my field\"]: unknown field (expected " ACTOR_FIELDS ")"),
	BAD("actor duplicate field", H "'actors':[{'id':'a','kind':'other','id':'b'}]}", MKG_EDATA,
	    "actors[0]: duplicate key \"id\""),
	BAD("actor duplicate field, same value", H "'actors':[{'id':'a','kind':'other','kind':'other'}]}",
	    MKG_EDATA, "actors[0]: duplicate key \"kind\""),
	BAD("actor id missing", H "'actors':[{'kind':'producer'}]}", MKG_EDATA,
	    "actors[0].id: missing (required)"),
	BAD("actor id a number", H "'actors':[{'id':5,'kind':'producer'}]}", MKG_EDATA,
	    "actors[0].id: must be a string, got 5"),
	BAD("actor id null", H "'actors':[{'id':null,'kind':'producer'}]}", MKG_EDATA,
	    "actors[0].id: must be a string, got null"),
	BAD("actor id with a NUL", H "'actors':[{'id':'a\\u0000b','kind':'producer'}]}", MKG_EDATA,
	    "actors[0].id: contains a NUL character (\\u0000)"),
	BAD("actor id empty", H "'actors':[{'id':'','kind':'producer'}]}", MKG_EDATA,
	    "actors[0].id: must be 1 to 256 bytes long, got 0"),
	BAD("actor id 257 bytes", H "'actors':[{'id':'"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "x','kind':'producer'}]}", MKG_EDATA, "actors[0].id: must be 1 to 256 bytes long, got 257"),
	BAD("actor duplicate id", H "'actors':[{'id':'a','kind':'producer'},{'id':'b','kind':'trader'},"
	    "{'id':'a','kind':'trader'}]}", MKG_EDATA, "actors[2].id: duplicate id \"a\" (first at actors[0])"),
	BAD("actor kind missing", H "'actors':[{'id':'a'}]}", MKG_EDATA, "actors[0].kind: missing (required)"),
	BAD("actor kind unknown", H "'actors':[{'id':'a','kind':'producer'},{'id':'b','kind':'farmer'}]}",
	    MKG_EDATA, "actors[1].kind: unknown kind \"farmer\" (expected " KINDS ")"),
	BAD("actor kind a number", H "'actors':[{'id':'a','kind':1}]}", MKG_EDATA,
	    "actors[0].kind: must be a string, got 1"),
	BAD("actor name null", H "'actors':[{'id':'a','kind':'other','name':null}]}", MKG_EDATA,
	    "actors[0].name: must be a string, got null"),
	BAD("actor region an object", H "'actors':[{'id':'a','kind':'other','region':{}}]}", MKG_EDATA,
	    "actors[0].region: must be a string, got an object"),
	BAD("actor households 2.5", H "'actors':[{'id':'a','kind':'other'},{'id':'b','kind':'other'},"
	    "{'id':'c','kind':'other'},{'id':'d','kind':'other','households':2.5}]}", MKG_EDATA,
	    "actors[3].households: must be an integer >= 0, got 2.5"),
	BAD("actor households 2.0", H "'actors':[{'id':'a','kind':'other','households':2.0}]}", MKG_EDATA,
	    "actors[0].households: must be an integer >= 0, got 2.0"),
	BAD("actor households -1", H "'actors':[{'id':'a','kind':'other','households':-1}]}", MKG_EDATA,
	    "actors[0].households: must be an integer >= 0, got -1"),
	BAD("actor households a string", H "'actors':[{'id':'a','kind':'other','households':'3'}]}",
	    MKG_EDATA, "actors[0].households: must be an integer >= 0, got \"3\""),
	BAD("actor capacity a string", H "'actors':[{'id':'a','kind':'other','capacity':'5'}]}",
	    MKG_EDATA, "actors[0].capacity: must be a number >= 0, got \"5\""),
	BAD("actor capacity -5", H "'actors':[{'id':'a','kind':'other','capacity':-5}]}", MKG_EDATA,
	    "actors[0].capacity: must be a number >= 0, got -5"),
	BAD("actor capacity -0.5e1", H "'actors':[{'id':'a','kind':'other','capacity':-0.5e1}]}",
	    MKG_EDATA, "actors[0].capacity: must be a number >= 0, got -0.5e1"),
	BAD("actor capacity 1e400", H "'actors':[{'id':'a','kind':'other','capacity':1e400}]}",
	    MKG_EDATA, "actors[0].capacity: must be a finite number >= 0, got 1e400"),
	BAD("actor supply on a trader", H "'actors':[{'id':'a','kind':'trader','supply':5}]}",
	    MKG_EDATA, "actors[0].supply: only producers have a supply, this actor is trader"),
	BAD("actor supply true", H "'actors':[{'id':'a','kind':'producer','supply':true}]}",
	    MKG_EDATA, "actors[0].supply: must be a number >= 0, got true"),
	BAD("actor demand on a producer", H "'actors':[{'id':'a','kind':'producer','demand':5}]}",
	    MKG_EDATA, "actors[0].demand: only end markets have a demand, this actor is producer"),
	BAD("actor tags a string", H "'actors':[{'id':'a','kind':'other','tags':'x'}]}", MKG_EDATA,
	    "actors[0].tags: must be an array of strings, got \"x\""),
	BAD("actor tag a number", H "'actors':[{'id':'a','kind':'other','tags':['x',5]}]}", MKG_EDATA,
	    "actors[0].tags[1]: must be a string, got 5"),
	BAD("actor tag with a NUL", H "'actors':[{'id':'a','kind':'other','tags':['\\u0000']}]}",
	    MKG_EDATA, "actors[0].tags[0]: contains a NUL character (\\u0000)"),
	BAD("actor attributes a string", H "'actors':[{'id':'a','kind':'other','attributes':'{}'}]}",
	    MKG_EDATA, "actors[0].attributes: must be an object, got \"{}\""),
	BAD("actor attributes duplicate key", H "'actors':[{'id':'a','kind':'other','attributes':"
	    "{'k':{'z':1,'z':2}}}]}", MKG_EDATA, "actors[0].attributes.k: duplicate key \"z\""),
	BAD("long string cut in a message", H "'actors':[{'id':'a','kind':"
	    "'0123456789012345678901234567890123456789012345678901234567890123'}]}", MKG_EDATA,
	    "actors[0].kind: unknown kind \"012345678901234567890123456789012345678901234567\u2026\" "
	    "(expected " KINDS ")"),
	BAD("long non-ASCII string cut in a message", H "'actors':[{'id':'a','kind':'"
	    E10 E10 E10 E10 E10 E10 "'}]}", MKG_EDATA,
	    "actors[0].kind: unknown kind \"" E10 E10 E10 E10 E5 E3 "\u2026\" (expected " KINDS ")"),
	BAD("control character escaped in a message", H "'actors':[{'id':'a','kind':'a\\u0001\\n'}]}",
	    MKG_EDATA, "actors[0].kind: unknown kind \"a\\u0001\\u000a\" (expected " KINDS ")"),

	/* ---- transactions ------------------------------------------------- */
	BAD("transaction not an object", TXS(TX0 ",'t2'"), MKG_EDATA,
	    "transactions[1]: expected an object, got string"),
	BAD("transaction unknown field", TXS("{'seller':'a','buyer':'b','commodity':'m','volume':1,'qty':1}"),
	    MKG_EDATA, "transactions[0].qty: unknown field (expected id, seller, buyer, commodity, "
	    "level, volume, value, period, contract, service, capacity, attributes)"),
	BAD("transaction volume a string", TXS("{'seller':'a','buyer':'b','commodity':'m','volume':'5'}"),
	    MKG_EDATA, "transactions[0].volume: must be a number >= 0, got \"5\""),
	BAD("transaction volume -5", TXS("{'seller':'a','buyer':'b','commodity':'m','volume':-5}"),
	    MKG_EDATA, "transactions[0].volume: must be a number >= 0, got -5"),
	BAD("transaction volume 1e400", TXS("{'seller':'a','buyer':'b','commodity':'m','volume':1e400}"),
	    MKG_EDATA, "transactions[0].volume: must be a finite number >= 0, got 1e400"),
	BAD("transaction value -1e400", TXS("{'seller':'a','buyer':'b','commodity':'m','value':-1e400}"),
	    MKG_EDATA, "transactions[0].value: must be a finite number >= 0, got -1e400"),
	BAD("transaction capacity null", TXS("{'seller':'a','buyer':'b','commodity':'m','volume':1,"
	    "'capacity':null}"), MKG_EDATA, "transactions[0].capacity: must be a number >= 0, got null"),
	BAD("transaction unknown buyer", TXS(TX0 ",{'seller':'a','buyer':'trader-9','commodity':'m',"
	    "'volume':1}"), MKG_EDATA, "transactions[1].buyer: unknown actor \"trader-9\""),
	BAD("transaction unknown seller", TXS("{'seller':'z','buyer':'b','commodity':'m','volume':1}"),
	    MKG_EDATA, "transactions[0].seller: unknown actor \"z\""),
	/* Strings in messages are escaped and cut (docs/format.md, section 4):
	 * no control character, C1 or bidi control reaches a terminal raw. */
	BAD("unknown actor with ESC", TXS("{'seller':'a','buyer':'x\\u001b[2Jy','commodity':'m',"
	    "'volume':1}"), MKG_EDATA, "transactions[0].buyer: unknown actor \"x\\u001b[2Jy\""),
	BAD("duplicate id with BEL", H "'actors':[{'id':'a\\u0007','kind':'producer'},"
	    "{'id':'a\\u0007','kind':'trader'}]}", MKG_EDATA,
	    "actors[1].id: duplicate id \"a\\u0007\" (first at actors[0])"),
	BAD("unknown actor with a raw C1 CSI", TXS("{'seller':'\xc2\x9b" "31mz','buyer':'b',"
	    "'commodity':'m','volume':1}"), MKG_EDATA,
	    "transactions[0].seller: unknown actor \"\\u009b31mz\""),
	BAD("unknown actor with an escaped C1 CSI and RLO", TXS("{'seller':'\\u009b\\u202e',"
	    "'buyer':'b','commodity':'m','volume':1}"), MKG_EDATA,
	    "transactions[0].seller: unknown actor \"\\u009b\\u202e\""),
	BAD("unknown actor with quotes", TXS("{'seller':'say \\'hi\\' \\\\','buyer':'b',"
	    "'commodity':'m','volume':1}"), MKG_EDATA,
	    "transactions[0].seller: unknown actor \"say \\\"hi\\\" \\\\\""),
	BAD("unknown actor of 300 bytes", TXS("{'seller':'" X300 "','buyer':'b','commodity':'m',"
	    "'volume':1}"), MKG_EDATA,
	    "transactions[0].seller: unknown actor \"" X10 X10 X10 X10 "xxxxxxxx\u2026\""),
	BAD("unknown kind with ESC", H "'actors':[{'id':'a','kind':'\\u001b]0;x\\u0007'}]}",
	    MKG_EDATA, "actors[0].kind: unknown kind \"\\u001b]0;x\\u0007\" (expected " KINDS ")"),
	BAD("unknown field with ESC", H "'actors':[{'id':'a','kind':'trader','\\u001b':1}]}",
	    MKG_EDATA, "actors[0][\"\\u001b\"]: unknown field (expected " ACTOR_FIELDS ")"),
	BAD("unknown top-level key with C1", H "'actors':[],'\xc2\x9b':1}", MKG_EDATA,
	    "\"\\u009b\": unknown key (expected " TOP_KEYS ")"),
	BAD("version as a string with ESC", "{'format':'marketgraph','version':'1\\u001b'}",
	    MKG_EDATA, "version: must be an integer, got \"1\\u001b\""),
	BAD("version as a string with a raw C1", "{'format':'marketgraph','version':'1\xc2\x9b'}",
	    MKG_EDATA, "version: must be an integer, got \"1\\u009b\""),
	BAD("format with BEL", "{'format':'market\\u0007graph','version':1}",
	    MKG_EDATA, "format: expected \"marketgraph\", got \"market\\u0007graph\""),
	BAD("duplicate attribute key with ESC", H "'actors':[{'id':'a','kind':'trader',"
	    "'attributes':{'k':{'\\u001b':1,'\\u001b':2}}}]}", MKG_EDATA,
	    "actors[0].attributes.k: duplicate key \"\\u001b\""),
	BAD("transaction seller missing", TXS("{'buyer':'b','commodity':'m','volume':1}"), MKG_EDATA,
	    "transactions[0].seller: missing (required)"),
	BAD("transaction seller is buyer", TXS("{'seller':'a','buyer':'a','commodity':'m','volume':1}"),
	    MKG_EDATA, "transactions[0].buyer: same actor as the seller \"a\""),
	BAD("transaction commodity missing", TXS("{'seller':'a','buyer':'b','volume':1}"), MKG_EDATA,
	    "transactions[0].commodity: missing (required)"),
	BAD("transaction commodity empty", TXS("{'seller':'a','buyer':'b','commodity':'','volume':1}"),
	    MKG_EDATA, "transactions[0].commodity: must not be empty"),
	BAD("transaction without volume or value", TXS("{'seller':'a','buyer':'b','commodity':'m'}"),
	    MKG_EDATA, "transactions[0]: needs a volume or a value (or both)"),
	BAD("transaction contract unknown", TXS("{'seller':'a','buyer':'b','commodity':'m','volume':1,"
	    "'contract':'barter'}"), MKG_EDATA, "transactions[0].contract: unknown contract \"barter\" "
	    "(expected spot, contract_farming, auction, embedded_service, credit, other)"),
	BAD("transaction service 1", TXS(TX0 ",{'seller':'a','buyer':'b','commodity':'m','volume':1,"
	    "'service':1}"), MKG_EDATA, "transactions[1].service: must be true or false, got 1"),
	BAD("transaction service a string", TXS("{'seller':'a','buyer':'b','commodity':'m','volume':1,"
	    "'service':'true'}"), MKG_EDATA, "transactions[0].service: must be true or false, got \"true\""),
	BAD("transaction period a number", TXS("{'seller':'a','buyer':'b','commodity':'m','volume':1,"
	    "'period':2002}"), MKG_EDATA, "transactions[0].period: must be a string, got 2002"),
	BAD("transaction duplicate id", TXS(TX0 "," TX0), MKG_EDATA,
	    "transactions[1].id: duplicate id \"t1\" (first at transactions[0])"),
	BAD("transaction generated duplicate id", TXS("{'id':'t2','seller':'a','buyer':'b',"
	    "'commodity':'m','volume':1},{'seller':'a','buyer':'b','commodity':'m','volume':1}"),
	    MKG_EDATA, "transactions[1].id: generated duplicate id \"t2\" (first at transactions[0])"),
	BAD("transaction id empty", TXS("{'id':'','seller':'a','buyer':'b','commodity':'m','volume':1}"),
	    MKG_EDATA, "transactions[0].id: must not be empty"),
	BAD("transaction attributes null", TXS("{'seller':'a','buyer':'b','commodity':'m','volume':1,"
	    "'attributes':null}"), MKG_EDATA, "transactions[0].attributes: must be an object, got null"),

	/* ---- facilitation -------------------------------------------------- */
	BAD("facilitation not an object", FACS("[]"), MKG_EDATA,
	    "facilitation[0]: expected an object, got array"),
	BAD("facilitation unknown field", FACS(FAC_START "'targets':{'actors':['a']},'budget':1}"),
	    MKG_EDATA, "facilitation[0].budget: unknown field (expected id, facilitator, type, "
	    "function, targets, start, end, exit, successor, cost, paid_by, attributes)"),
	BAD("facilitation facilitator unknown", FACS("{'facilitator':'q','type':'public',"
	    "'function':'other','targets':{'actors':['a']}}"), MKG_EDATA,
	    "facilitation[0].facilitator: unknown actor \"q\""),
	BAD("facilitation type missing", FACS("{'facilitator':'p','function':'other',"
	    "'targets':{'actors':['a']}}"), MKG_EDATA, "facilitation[0].type: missing (required)"),
	BAD("facilitation type unknown", FACS("{'facilitator':'p','type':'private','function':'other',"
	    "'targets':{'actors':['a']}}"), MKG_EDATA, "facilitation[0].type: unknown type \"private\" "
	    "(expected temporary, commercial, public)"),
	BAD("facilitation function unknown", FACS("{'facilitator':'p','type':'public','function':'x',"
	    "'targets':{'actors':['a']}}"), MKG_EDATA, "facilitation[0].function: unknown function \"x\" "
	    "(expected capacity_building, research_development, shared_vision, linkages, "
	    "business_opportunities, monitoring, information, brokerage, transaction_security, "
	    "platform, regulation, finance, other)"),
	BAD("facilitation targets missing", FACS(FAC_START "'cost':1}"), MKG_EDATA,
	    "facilitation[0].targets: needs at least one actor or transaction"),
	BAD("facilitation targets empty", FACS(FAC_START "'targets':{'actors':[]}}"), MKG_EDATA,
	    "facilitation[0].targets: needs at least one actor or transaction"),
	BAD("facilitation targets an array", FACS(FAC_START "'targets':['a']}"), MKG_EDATA,
	    "facilitation[0].targets: must be an object with \"actors\" and/or \"transactions\", "
	    "got an array"),
	BAD("facilitation targets unknown key", FACS(FAC_START "'targets':{'groups':['a']}}"),
	    MKG_EDATA, "facilitation[0].targets.groups: unknown field (expected actors, transactions)"),
	BAD("facilitation target actors a string", FACS(FAC_START "'targets':{'actors':'a'}}"),
	    MKG_EDATA, "facilitation[0].targets.actors: must be an array of actor ids, got \"a\""),
	BAD("facilitation target a number", FACS(FAC_START "'targets':{'actors':['a',5]}}"),
	    MKG_EDATA, "facilitation[0].targets.actors[1]: must be a string, got 5"),
	BAD("facilitation target unknown actor", FACS(FAC_START "'targets':{'actors':['a','x']}}"),
	    MKG_EDATA, "facilitation[0].targets.actors[1]: unknown actor \"x\""),
	BAD("facilitation target unknown transaction", FACS(FAC_START
	    "'targets':{'transactions':['t9']}}"), MKG_EDATA,
	    "facilitation[0].targets.transactions[0]: unknown transaction \"t9\""),
	BAD("facilitation target twice", FACS(FAC_START "'targets':{'actors':['a','a']}}"), MKG_EDATA,
	    "facilitation[0].targets.actors[1]: \"a\" is targeted twice"),
	BAD("facilitation start not a date", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'start':'2001-13'}"), MKG_EDATA,
	    "facilitation[0].start: \"2001-13\" is not a date, expected YYYY, YYYY-MM or YYYY-MM-DD"),
	BAD("facilitation end 30 February", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'end':'2001-02-30'}"), MKG_EDATA,
	    "facilitation[0].end: \"2001-02-30\" is not a date, expected YYYY, YYYY-MM or YYYY-MM-DD"),
	BAD("facilitation end before start", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'start':'2005','end':'2004-12'}"), MKG_EDATA,
	    "facilitation[0].end: \"2004-12\" is before the start \"2005\""),
	BAD("facilitation exit unknown", FACS(FAC_START "'targets':{'actors':['a']},'exit':'none'}"),
	    MKG_EDATA, "facilitation[0].exit: unknown exit \"none\" (expected fade_out, commercial, public)"),
	BAD("facilitation exit on public", FACS("{'facilitator':'p','type':'public','function':'other',"
	    "'targets':{'actors':['a']},'exit':'fade_out'}"), MKG_EDATA,
	    "facilitation[0].exit: only temporary facilitation has an exit, this record is public"),
	BAD("facilitation successor missing", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'exit':'commercial'}"), MKG_EDATA,
	    "facilitation[0].successor: missing, required when exit is \"commercial\""),
	BAD("facilitation cost a string", FACS(FAC_START "'targets':{'actors':['a']},'cost':'1'}"),
	    MKG_EDATA, "facilitation[0].cost: must be a number >= 0, got \"1\""),
	BAD("facilitation paid_by an object", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'paid_by':{}}"), MKG_EDATA,
	    "facilitation[0].paid_by: must be an array of {\"actor\", \"share\"} objects, got an object"),
	BAD("facilitation paid_by element a number", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'paid_by':[1]}"), MKG_EDATA, "facilitation[0].paid_by[0]: expected an object, got number"),
	BAD("facilitation paid_by unknown field", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'paid_by':[{'actor':'p','share':1,'amount':5}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0].amount: unknown field (expected actor, share)"),
	BAD("facilitation paid_by share missing", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'paid_by':[{'actor':'p'}]}"), MKG_EDATA, "facilitation[0].paid_by[0].share: missing (required)"),
	BAD("facilitation paid_by actor missing", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'paid_by':[{'share':1}]}"), MKG_EDATA, "facilitation[0].paid_by[0].actor: missing (required)"),
	BAD("facilitation paid_by share 1.5", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'paid_by':[{'actor':'p','share':1.5}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0].share: must be a number in [0, 1], got 1.5"),
	BAD("facilitation paid_by share 1e400", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'paid_by':[{'actor':'p','share':1e400}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0].share: must be a finite number in [0, 1], got 1e400"),
	BAD("facilitation paid_by unknown actor", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'paid_by':[{'actor':'x','share':1}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0].actor: unknown actor \"x\""),
	BAD("facilitation paid_by sum 0.8", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'paid_by':[{'actor':'p','share':0.5},{'actor':'a','share':0.3}]}"), MKG_EDATA,
	    "facilitation[0].paid_by: shares sum to 0.8, expected 1"),
	BAD("facilitation paid_by empty", FACS(FAC_START "'targets':{'actors':['a']},'paid_by':[]}"),
	    MKG_EDATA, "facilitation[0].paid_by: shares sum to 0, expected 1"),
	BAD("facilitation embedded and actor", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'paid_by':[{'actor':'p','embedded':['t1'],'share':1}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0]: names an actor and \"embedded\", expected one of them"),
	BAD("facilitation embedded not last", FACS(EMB_START "'targets':{'actors':['b']},"
	    "'paid_by':[{'embedded':['t1'],'share':0.5},{'actor':'p','share':0.5}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0]: the \"embedded\" part must be the last item of paid_by"),
	BAD("facilitation embedded empty", FACS(EMB_START "'targets':{'actors':['b']},"
	    "'paid_by':[{'embedded':[],'share':1}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0].embedded: names no transaction"),
	BAD("facilitation embedded a string", FACS(EMB_START "'targets':{'actors':['b']},"
	    "'paid_by':[{'embedded':'t1','share':1}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0].embedded: must be an array of transaction ids, got \"t1\""),
	BAD("facilitation embedded unknown field", FACS(EMB_START "'targets':{'actors':['b']},"
	    "'paid_by':[{'embedded':['t1'],'share':1,'actor_id':'a'}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0].actor_id: unknown field (expected embedded, share)"),
	BAD("facilitation embedded share missing", FACS(EMB_START "'targets':{'actors':['b']},"
	    "'paid_by':[{'embedded':['t1']}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0].share: missing (required)"),
	BAD("facilitation embedded share 1.5", FACS(EMB_START "'targets':{'actors':['b']},"
	    "'paid_by':[{'embedded':['t1'],'share':1.5}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0].share: must be a number in [0, 1], got 1.5"),
	BAD("facilitation embedded unknown transaction", FACS(EMB_START "'targets':{'actors':['b']},"
	    "'paid_by':[{'actor':'p','share':0.5},{'embedded':['t1','t9'],'share':0.5}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[1].embedded[1]: unknown transaction \"t9\""),
	BAD("facilitation embedded twice", FACS(EMB_START "'targets':{'actors':['b']},"
	    "'paid_by':[{'embedded':['t1','t1'],'share':1}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0].embedded[1]: \"t1\" is named twice"),
	BAD("facilitation embedded not the facilitator's", FACS(FAC_START "'targets':{'actors':['a']},"
	    "'paid_by':[{'embedded':['t1'],'share':1}]}"), MKG_EDATA,
	    "facilitation[0].paid_by[0].embedded[0]: the facilitator \"p\" neither sells nor buys "
	    "in \"t1\", so its price cannot recover the cost"),
	BAD("facilitation embedded sum 0.8", FACS(EMB_START "'targets':{'actors':['b']},"
	    "'paid_by':[{'actor':'p','share':0.5},{'embedded':['t1'],'share':0.3}]}"), MKG_EDATA,
	    "facilitation[0].paid_by: shares sum to 0.8, expected 1"),
	BAD("facilitation duplicate id", FACS(FAC_START "'id':'f','targets':{'actors':['a']}},"
	    FAC_START "'id':'f','targets':{'actors':['b']}}"), MKG_EDATA,
	    "facilitation[1].id: duplicate id \"f\" (first at facilitation[0])"),

	/* ---- memberships ----------------------------------------------------- */
	BAD("membership not an object", MSS("null"), MKG_EDATA,
	    "memberships[0]: expected an object, got null"),
	BAD("membership unknown field", MSS("{'group':'p','member':'a','weight':1}"), MKG_EDATA,
	    "memberships[0].weight: unknown field (expected group, member, since, role)"),
	BAD("membership group unknown", MSS("{'group':'g','member':'a'}"), MKG_EDATA,
	    "memberships[0].group: unknown actor \"g\""),
	BAD("membership member missing", MSS("{'group':'p'}"), MKG_EDATA,
	    "memberships[0].member: missing (required)"),
	BAD("membership of itself", MSS("{'group':'p','member':'p'}"), MKG_EDATA,
	    "memberships[0].member: \"p\" cannot be a member of itself"),
	BAD("membership twice", MSS("{'group':'p','member':'a'},{'group':'p','member':'a','role':'x'}"),
	    MKG_EDATA, "memberships[1]: duplicate membership of \"a\" in \"p\" (first at memberships[0])"),
	BAD("membership since not a date", MSS("{'group':'p','member':'a','since':'May 2009'}"),
	    MKG_EDATA, "memberships[0].since: \"May 2009\" is not a date, expected YYYY, YYYY-MM or "
	    "YYYY-MM-DD"),
	BAD("membership role a number", MSS("{'group':'p','member':'a','role':1}"), MKG_EDATA,
	    "memberships[0].role: must be a string, got 1"),

	/* ---- firms and level ------------------------------------------------- */
	BAD("actor firms 0", H "'actors':[{'id':'a','kind':'trader','firms':0}]}", MKG_EDATA,
	    "actors[0].firms: must be an integer >= 1, got 0"),
	BAD("actor firms -1", H "'actors':[{'id':'a','kind':'trader','firms':-1}]}", MKG_EDATA,
	    "actors[0].firms: must be an integer >= 1, got -1"),
	BAD("actor firms 2.5", H "'actors':[{'id':'a','kind':'trader','firms':2.5}]}", MKG_EDATA,
	    "actors[0].firms: must be an integer >= 1, got 2.5"),
	BAD("actor firms 2.0", H "'actors':[{'id':'a','kind':'trader','firms':2.0}]}", MKG_EDATA,
	    "actors[0].firms: must be an integer >= 1, got 2.0"),
	BAD("actor firms a string", H "'actors':[{'id':'a','kind':'trader','firms':'3'}]}",
	    MKG_EDATA, "actors[0].firms: must be an integer >= 1, got \"3\""),
	BAD("transaction level a number", TXS("{'seller':'a','buyer':'b','commodity':'m','volume':1,"
	    "'level':3}"), MKG_EDATA, "transactions[0].level: must be a string, got 3"),
	BAD("transaction level null", TXS("{'seller':'a','buyer':'b','commodity':'m','volume':1,"
	    "'level':null}"), MKG_EDATA, "transactions[0].level: must be a string, got null"),
	BAD("transaction level empty", TXS(TX0 ",{'seller':'a','buyer':'b','commodity':'m',"
	    "'volume':1,'level':''}"), MKG_EDATA, "transactions[1].level: must not be empty"),

	/* ---- commodities ----------------------------------------------------- */
	BAD("commodities an object", DOC("'commodities':{}"), MKG_EDATA,
	    "commodities: must be an array, got an object"),
	BAD("commodity not an object", COMS(POTATO ",'chips'"), MKG_EDATA,
	    "commodities[1]: expected an object, got string"),
	BAD("commodity unknown field", COMS("{'id':'potato','price':3}"), MKG_EDATA,
	    "commodities[0].price: unknown field (expected " COMMODITY_FIELDS ")"),
	BAD("commodity id missing", COMS("{'unit':'t'}"), MKG_EDATA,
	    "commodities[0].id: missing (required)"),
	BAD("commodity id empty", COMS("{'id':''}"), MKG_EDATA, "commodities[0].id: must not be empty"),
	BAD("commodity id a number", COMS("{'id':3}"), MKG_EDATA,
	    "commodities[0].id: must be a string, got 3"),
	BAD("commodity duplicate id", COMS(POTATO ",{'id':'potato'}"), MKG_EDATA,
	    "commodities[1].id: duplicate id \"potato\" (first at commodities[0])"),
	BAD("commodity unit a number", COMS("{'id':'potato','unit':1}"), MKG_EDATA,
	    "commodities[0].unit: must be a string, got 1"),
	BAD("commodity service a string", COMS("{'id':'transport','service':'yes'}"), MKG_EDATA,
	    "commodities[0].service: must be true or false, got \"yes\""),
	BAD("commodity made_from a number", COMS(POTATO ",{'id':'chips','made_from':1,"
	    "'input_per_unit':4}"), MKG_EDATA, "commodities[1].made_from: must be a string, got 1"),
	BAD("commodity made_from empty", COMS(POTATO ",{'id':'chips','made_from':'',"
	    "'input_per_unit':4}"), MKG_EDATA, "commodities[1].made_from: must not be empty"),
	BAD("commodity made_from without input_per_unit", COMS(POTATO ",{'id':'chips',"
	    "'made_from':'potato'}"), MKG_EDATA,
	    "commodities[1].input_per_unit: missing (required with made_from)"),
	BAD("commodity input_per_unit without made_from", COMS("{'id':'chips','input_per_unit':4}"),
	    MKG_EDATA, "commodities[0].made_from: missing (required with input_per_unit)"),
	BAD("commodity input_per_unit 0", COMS(POTATO ",{'id':'chips','made_from':'potato',"
	    "'input_per_unit':0}"), MKG_EDATA,
	    "commodities[1].input_per_unit: must be a number > 0, got 0"),
	BAD("commodity input_per_unit -4", COMS(POTATO ",{'id':'chips','made_from':'potato',"
	    "'input_per_unit':-4}"), MKG_EDATA,
	    "commodities[1].input_per_unit: must be a number > 0, got -4"),
	BAD("commodity input_per_unit a string", COMS(POTATO ",{'id':'chips','made_from':'potato',"
	    "'input_per_unit':'4'}"), MKG_EDATA,
	    "commodities[1].input_per_unit: must be a number > 0, got \"4\""),
	BAD("commodity input_per_unit 1e400", COMS(POTATO ",{'id':'chips','made_from':'potato',"
	    "'input_per_unit':1e400}"), MKG_EDATA,
	    "commodities[1].input_per_unit: must be a finite number > 0, got 1e400"),
	BAD("commodity service made from", COMS(POTATO ",{'id':'haulage','service':true,"
	    "'made_from':'potato','input_per_unit':1}"), MKG_EDATA,
	    "commodities[1].made_from: a service is not made from a commodity"),
	BAD("commodity unknown made_from", COMS(POTATO ",{'id':'chips','made_from':'tuber',"
	    "'input_per_unit':4}"), MKG_EDATA, "commodities[1].made_from: unknown commodity \"tuber\""),
	/* Named by a transaction but not listed: still unknown to made_from. */
	BAD("commodity made_from only traded", COMS_TXS("{'id':'chips','made_from':'maize',"
	    "'input_per_unit':4}", TX0), MKG_EDATA,
	    "commodities[0].made_from: unknown commodity \"maize\""),
	BAD("commodity made_from a service", COMS("{'id':'transport','service':true},"
	    "{'id':'chips','made_from':'transport','input_per_unit':4}"), MKG_EDATA,
	    "commodities[1].made_from: \"transport\" is a service (commodities[0]), not a "
	    "commodity to make from"),
	/* flakes leads into the cycle; the message starts at its first member listed. */
	BAD("commodity cycle", COMS("{'id':'seed'},{'id':'flakes','made_from':'chips',"
	    "'input_per_unit':2},{'id':'chips','made_from':'potato','input_per_unit':0.25},"
	    "{'id':'potato','made_from':'chips','input_per_unit':4}"), MKG_EDATA,
	    "commodities[2].made_from: cycle chips -> potato -> chips"),
	BAD("commodity made from itself", COMS("{'id':'a','made_from':'a','input_per_unit':1}"),
	    MKG_EDATA, "commodities[0].made_from: cycle a -> a"),
	BAD("commodity factor overflows", COMS("{'id':'c','made_from':'b','input_per_unit':1e200},"
	    "{'id':'b','made_from':'a','input_per_unit':1e200},{'id':'a'}"), MKG_EDATA,
	    "commodities[0].input_per_unit: the product of input_per_unit down to the primary "
	    "commodity \"a\" is not a finite number > 0"),
	BAD("commodity factor underflows", COMS("{'id':'a'},{'id':'b','made_from':'a',"
	    "'input_per_unit':1e-200},{'id':'c','made_from':'b','input_per_unit':1e-200}"),
	    MKG_EDATA, "commodities[2].input_per_unit: the product of input_per_unit down to the "
	    "primary commodity \"a\" is not a finite number > 0"),
	BAD("service commodity, produce transaction", COMS_TXS("{'id':'maize','service':true}",
	    TX0), MKG_EDATA,
	    "transactions[0].service: must be true, commodity \"maize\" is a service (commodities[0])"),
	BAD("produce commodity, service transaction", COMS_TXS("{'id':'x'},{'id':'maize'}",
	    TX0 ",{'seller':'a','buyer':'b','commodity':'maize','value':1,'service':true}"),
	    MKG_EDATA, "transactions[1].service: must be false, commodity \"maize\" is not a "
	    "service (commodities[1])"),
};

/* The document text of a case, with ' made ". */
static char *
case_text(const bad_case *c, size_t *len)
{
	/* "{}\0": the NUL byte is part of that document. */
	size_t n = strcmp(c->name, "NUL byte outside a string") == 0 ? 3 : strlen(c->doc);
	char *doc = g_memdup2(c->doc, n + 1);

	if (!c->raw)
		for (size_t i = 0; i < n; i++)
			if (doc[i] == '\'')
				doc[i] = '"';
	*len = n;
	return doc;
}

/* Import must fail with code and message, and leave *out as it was. */
static void
expect_failure(const char *doc, size_t len, int code, const char *message)
{
	mkg_model *sentinel = (mkg_model *)&sentinel;
	mkg_model *m = sentinel;
	int rc;

	mkg_error_clear();
	rc = mkg_json_read_buffer(&m, doc, len);
	if (rc != code || strcmp(mkg_error_message(), message) != 0)
		print_message("# got %d \"%s\"\n# expected %d \"%s\"\n", rc, mkg_error_message(), code,
		              message);
	assert_int_equal(rc, code);
	assert_int_equal(mkg_error_code(), code);
	assert_string_equal(mkg_error_message(), message);
	assert_ptr_equal(m, sentinel);
}

static void
test_bad_case(void **state)
{
	const bad_case *c = *state;
	size_t len;
	char *doc = case_text(c, &len);

	expect_failure(doc, len, c->code, c->message);
	g_free(doc);
}

/* ---- helpers --------------------------------------------------------------- */

static mkg_model *
import_ok(const char *doc)
{
	mkg_model *m = NULL;
	char *text = g_strdup(doc);

	for (char *p = text; *p; p++)
		if (*p == '\'')
			*p = '"';
	if (mkg_json_read_buffer(&m, text, strlen(text)) != MKG_OK)
		fail_msg("import failed: %s\n%s", mkg_error_message(), text);
	g_free(text);
	return m;
}

static char *
export_ok(const mkg_model *m)
{
	char *s = NULL;
	size_t len = 0;

	assert_int_equal(mkg_json_write_string(m, &s, &len), MKG_OK);
	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	return s;
}

static char *
data_path(const char *name)
{
	return g_build_filename(MKG_TEST_DATA, name, NULL);
}

/* ---- nesting ---------------------------------------------------------------- */

static char *
nested_arrays(size_t depth)
{
	char *s = g_malloc(2 * depth + 1);

	memset(s, '[', depth);
	memset(s + depth, ']', depth);
	s[2 * depth] = '\0';
	return s;
}

static void
test_nesting(void **state)
{
	char *doc;

	(void)state;
	/* 64 levels pass the syntax check (then the root is not an object). */
	doc = nested_arrays(64);
	expect_failure(doc, strlen(doc), MKG_EDATA, "document: expected a JSON object, got array");
	g_free(doc);
	/* The 65th '[' is the 65th character. */
	doc = nested_arrays(65);
	expect_failure(doc, strlen(doc), MKG_EPARSE, "line 1, column 65: nesting deeper than 64 levels");
	g_free(doc);
	/* 100,000 levels: the same error, no stack overflow. */
	doc = nested_arrays(100000);
	expect_failure(doc, strlen(doc), MKG_EPARSE, "line 1, column 65: nesting deeper than 64 levels");
	/* Unclosed: still the depth error, not the end of input. */
	expect_failure(doc, 100000, MKG_EPARSE, "line 1, column 65: nesting deeper than 64 levels");
	g_free(doc);
}

/* Attributes may use every level the document allows: record attributes
 * are at level 4, so they hold 61 levels (the object itself included). */
static void
test_nesting_in_attributes(void **state)
{
	GString *doc = g_string_new("{\"format\":\"marketgraph\",\"version\":1,\"actors\":"
	                            "[{\"id\":\"a\",\"kind\":\"other\",\"attributes\":");
	mkg_model *m = NULL, *m2 = NULL;
	char *out;

	(void)state;
	for (int k = 0; k < 60; k++)
		g_string_append(doc, "{\"k\":");
	g_string_append(doc, "{}");
	for (int k = 0; k < 60; k++)
		g_string_append_c(doc, '}');
	g_string_append(doc, "}]}");
	assert_int_equal(mkg_json_read_buffer(&m, doc->str, doc->len), MKG_OK);
	/* Exported at the same depth, so it reads back. */
	out = export_ok(m);
	assert_int_equal(mkg_json_read_buffer(&m2, out, strlen(out)), MKG_OK);
	assert_true(mkg_model_equal(m, m2));
	mkg_model_free(m);
	mkg_model_free(m2);
	mkg_free(out);
	g_string_free(doc, TRUE);
}

/* ---- round trips ------------------------------------------------------------ */

static void
test_roundtrip_rich(void **state)
{
	char *path = data_path("json-rich.json");
	char *expected_path = data_path("json-rich.expected.json");
	char *expected = NULL;
	mkg_model *m = NULL, *m2 = NULL;
	char *first, *second;

	(void)state;
	if (mkg_json_read_file(&m, path) != MKG_OK)
		fail_msg("%s", mkg_error_message());
	assert_int_equal(mkg_model_actor_count(m), 8);
	assert_int_equal(mkg_model_transaction_count(m), 5);
	assert_int_equal(mkg_model_facilitation_count(m), 3);
	assert_int_equal(mkg_model_membership_count(m), 3);

	first = export_ok(m);
	assert_int_equal(mkg_json_read_buffer(&m2, first, strlen(first)), MKG_OK);
	assert_true(mkg_model_equal(m, m2));
	second = export_ok(m2);
	assert_string_equal(first, second);

	/* The canonical layout, pinned. */
	assert_true(g_file_get_contents(expected_path, &expected, NULL, NULL));
	assert_string_equal(first, expected);

	g_free(expected);
	mkg_free(first);
	mkg_free(second);
	mkg_model_free(m);
	mkg_model_free(m2);
	g_free(path);
	g_free(expected_path);
}

/* Every field of the rich document reached the model as written. */
static void
test_rich_fields(void **state)
{
	char *path = data_path("json-rich.json");
	mkg_model *m = NULL;
	mkg_actor_desc a;
	mkg_transaction_desc t;
	mkg_facilitation_desc f;
	mkg_membership_desc ms;
	size_t i;

	(void)state;
	assert_int_equal(mkg_json_read_file(&m, path), MKG_OK);
	assert_string_equal(mkg_model_name(m),
	                    "Native potato chain, central Peru (illustrative) \xe2\x80\x94 \"rich\" test");
	assert_string_equal(mkg_model_currency(m), "PEN");
	assert_string_equal(mkg_model_volume_unit(m), "t");
	assert_string_equal(mkg_model_period(m), "2002");
	assert_string_equal(mkg_model_attributes(m),
	                    "{\"source\":\"CIP / Papa Andina\",\"n\":1.50,\"big\":1E5,\"neg_zero\":-0.0,"
	                    "\"int_neg_zero\":0,\"nested\":{\"a\":[1,2.0,\"x\\u0000y\",null,true,false,"
	                    "{},[]],\"sweet potato\":\"\xf0\x9f\x8d\xa0\"},\"escapes\":\"tab\\there\\n"
	                    "newline \\\\ backslash \\u001f\"}");

	assert_int_equal(mkg_model_find_actor(m, "coop-huasahuasi", &i), MKG_OK);
	assert_int_equal(i, 0);
	a = read_actor(m, 0);
	assert_string_equal(a.name, "Huasahuasi growers' association");
	assert_int_equal(a.kind, MKG_ACTOR_PRODUCER);
	assert_string_equal(a.region, "Jun\xc3\xadn");
	assert_int_equal(a.households, 420);
	assert_true(a.capacity == 900);
	assert_true(a.supply == 850);
	assert_true(MKG_IS_ABSENT(a.demand));
	assert_int_equal(a.tag_count, 3);
	assert_string_equal(a.tags[1], "women-led");
	assert_string_equal(a.tags[2], "");
	assert_string_equal(a.attributes, "{\"founded\":1998}");
	assert_null(read_actor(m, 2).name);
	assert_string_equal(read_actor(m, 2).attributes, "{}");
	assert_null(read_actor(m, 1).attributes);
	assert_true(read_actor(m, 3).demand == 1000);
	assert_int_equal(read_actor(m, 3).households, 0);
	assert_int_equal(read_actor(m, 1).households, -1);

	t = read_tx(m, 0);
	assert_string_equal(t.id, "t-17");
	assert_string_equal(t.seller, "coop-huasahuasi"); /* actors[0] */
	assert_string_equal(t.buyer, "chips-processor");  /* actors[1] */
	assert_int_equal(t.contract, MKG_CONTRACT_CONTRACT_FARMING);
	assert_true(t.capacity == 400);
	assert_string_equal(t.attributes, "{\"grade\":\"A\",\"price_per_kg\":0.8}");
	t = read_tx(m, 1);
	assert_string_equal(t.id, "t2"); /* generated */
	assert_null(t.period);           /* none of its own: the model's "2002" */
	assert_true(MKG_IS_ABSENT(t.value));
	assert_false(t.service);
	assert_string_equal(read_tx(m, 2).period, "2002-Q3");
	assert_true(read_tx(m, 3).service);

	assert_string_equal(read_fac(m, 1).id, "f2");
	f = read_fac(m, 0);
	assert_int_equal(f.type, MKG_FACILITATION_TEMPORARY);
	assert_int_equal(f.function, MKG_FUNCTION_LINKAGES);
	assert_int_equal(f.target_actor_count, 1);
	assert_string_equal(read_fac(m, 1).target_transactions[1], "t3"); /* transactions[2] */
	assert_string_equal(f.end, "2005-06-30");
	assert_int_equal(f.exit, MKG_EXIT_COMMERCIAL);
	assert_string_equal(f.successor, "chips-processor"); /* actors[1] */
	assert_int_equal(f.paid_by_count, 2);
	assert_true(f.paid_by[1].share == 0.3);
	assert_string_equal(f.paid_by[1].actor, "chips-processor");
	assert_int_equal(read_fac(m, 2).exit, MKG_EXIT_FADE_OUT);

	ms = read_ms(m, 1);
	assert_string_equal(ms.group, "dmb");       /* actors[6] */
	assert_string_equal(ms.member, "ministry"); /* actors[5] */
	assert_string_equal(ms.role, "supervisor");
	assert_null(ms.since);
	mkg_model_free(m);
	g_free(path);
}

/* A number survives import, export and import bit for bit. */
static void
check_number_roundtrip(const char *text, double expected)
{
	char *doc = g_strdup_printf(H ACTORS ",'transactions':[{'seller':'a','buyer':'b',"
	                            "'commodity':'m','volume':%s}]}", text);
	mkg_model *m = import_ok(doc), *m2 = NULL;
	char *out = export_ok(m);
	double v = read_tx(m, 0).volume;

	if (memcmp(&v, &expected, sizeof v) != 0)
		fail_msg("%s read as %.17g", text, v);
	assert_int_equal(mkg_json_read_buffer(&m2, out, strlen(out)), MKG_OK);
	v = read_tx(m2, 0).volume;
	if (memcmp(&v, &expected, sizeof v) != 0)
		fail_msg("%s came back as %.17g", text, v);
	mkg_model_free(m);
	mkg_model_free(m2);
	mkg_free(out);
	g_free(doc);
}

static void
test_number_roundtrip(void **state)
{
	(void)state;
	check_number_roundtrip("0.1", 0.1);
	check_number_roundtrip("1e21", 1e21);
	check_number_roundtrip("1E21", 1e21);
	check_number_roundtrip("5e-324", 5e-324);
	check_number_roundtrip("4.9406564584124654e-324", 5e-324);
	check_number_roundtrip("1.7976931348623157e308", 1.7976931348623157e308);
	check_number_roundtrip("2.2250738585072014e-308", 2.2250738585072014e-308);
	check_number_roundtrip("123456789.125", 123456789.125);
	check_number_roundtrip("0.30000000000000004", 0.1 + 0.2);
	check_number_roundtrip("9007199254740993", 9007199254740992.0); /* 2^53 + 1 rounds to even */
	check_number_roundtrip("9223372036854775807", 9223372036854775807.0);
	check_number_roundtrip("1e-400", 0.0); /* underflows to 0: finite */
	check_number_roundtrip("0", 0.0);
	check_number_roundtrip("-0", 0.0);    /* -0 is read as 0 */
	check_number_roundtrip("-0.0", 0.0);
	check_number_roundtrip("1.5e+2", 150.0);
}

/* Attribute numbers keep their text; integers are written in decimal. */
static void
test_attribute_numbers(void **state)
{
	mkg_model *m, *m2 = NULL;
	char *out;

	(void)state;
	m = import_ok(DOC("'attributes':{'a':1.50,'b':1E5,'c':-0.0,'d':12345678901234567890e-5,"
	                  "'e':-0,'f':9223372036854775807,'g':-9223372036854775808,'h':1e-400}"));
	assert_string_equal(mkg_model_attributes(m),
	                    "{\"a\":1.50,\"b\":1E5,\"c\":-0.0,\"d\":12345678901234567890e-5,\"e\":0,"
	                    "\"f\":9223372036854775807,\"g\":-9223372036854775808,\"h\":1e-400}");
	out = export_ok(m);
	assert_int_equal(mkg_json_read_buffer(&m2, out, strlen(out)), MKG_OK);
	assert_string_equal(mkg_model_attributes(m2), mkg_model_attributes(m));
	mkg_model_free(m);
	mkg_model_free(m2);
	mkg_free(out);
}

/* Escaped spellings are the same keys and strings. */
static void
test_escaped_keys(void **state)
{
	mkg_model *m;

	(void)state;
	m = import_ok("{'\\u0066ormat':'\\u006darketgraph','version':1,'act\\u006frs':"
	              "[{'id':'\\ud83c\\udf60 \\\"q\\\" \\/','kind':'producer'}]}");
	assert_string_equal(read_actor(m, 0).id, "\xf0\x9f\x8d\xa0 \"q\" /");
	mkg_model_free(m);
}

/* Keys and records in any order; an empty document is valid. */
static void
test_minimal_and_order(void **state)
{
	mkg_model *m;
	char *out;

	(void)state;
	m = import_ok("{'actors':[],'version':1,'format':'marketgraph'}");
	out = export_ok(m);
	assert_string_equal(out, "{\n  \"format\": \"marketgraph\",\n  \"version\": 1,\n"
	                         "  \"actors\": [],\n  \"transactions\": [],\n"
	                         "  \"facilitation\": [],\n  \"memberships\": []\n}\n");
	mkg_free(out);
	mkg_model_free(m);

	/* memberships before actors in the text: still processed after them. */
	m = import_ok("{'memberships':[{'group':'g','member':'a'}],'format':'marketgraph',"
	              "'version':1,'actors':[{'id':'a','kind':'producer'},"
	              "{'id':'g','kind':'association'}],'transactions':[]}");
	assert_int_equal(mkg_model_membership_count(m), 1);
	out = export_ok(m);
	assert_string_equal(out, "{\n  \"format\": \"marketgraph\",\n  \"version\": 1,\n"
	                         "  \"actors\": [\n"
	                         "    {\"id\": \"a\", \"kind\": \"producer\"},\n"
	                         "    {\"id\": \"g\", \"kind\": \"association\"}\n"
	                         "  ],\n  \"transactions\": [],\n  \"facilitation\": [],\n"
	                         "  \"memberships\": [\n"
	                         "    {\"group\": \"g\", \"member\": \"a\"}\n"
	                         "  ]\n}\n");
	mkg_free(out);
	mkg_model_free(m);
}

/* The syntax pass notes where each top-level member ends and how many
 * items its array has (the importer locates the arrays and sizes the
 * model's with them): every kind of value as a member, empty containers,
 * nesting, whitespace around; transactions without an id get t<N>. */
static void
test_member_layout(void **state)
{
	mkg_model *m;
	char *out;

	(void)state;
	m = import_ok(" { 'transactions' : [ {'seller':'b','buyer':'a','commodity':'c','value':2} ,"
	              "{'seller':'a','buyer':'b','commodity':'c','volume':1.5} ] ,"
	              "'attributes':{'x':[1,{},[]],'y':{}},'memberships':[ ],'name':'n',"
	              "'actors':[{'id':'a','kind':'trader'},{'id':'b','kind':'producer','tags':[]},"
	              "{'id':'c','kind':'processor','name':'C'}],'facilitation':[],"
	              "'version':1,'format':'marketgraph','period':'2020','currency':'PEN' } \n");
	assert_int_equal(mkg_model_actor_count(m), 3);
	assert_int_equal(mkg_model_transaction_count(m), 2);
	assert_string_equal(mkg_model_name(m), "n");
	assert_string_equal(mkg_model_period(m), "2020");
	assert_string_equal(mkg_model_currency(m), "PEN");
	out = export_ok(m);
	assert_string_equal(out, "{\n  \"format\": \"marketgraph\",\n  \"version\": 1,\n"
	                         "  \"name\": \"n\",\n  \"currency\": \"PEN\",\n"
	                         "  \"period\": \"2020\",\n"
	                         "  \"attributes\": {\"x\":[1,{},[]],\"y\":{}},\n"
	                         "  \"actors\": [\n"
	                         "    {\"id\": \"a\", \"kind\": \"trader\"},\n"
	                         "    {\"id\": \"b\", \"kind\": \"producer\"},\n"
	                         "    {\"id\": \"c\", \"name\": \"C\", \"kind\": \"processor\"}\n"
	                         "  ],\n  \"transactions\": [\n"
	                         "    {\"id\": \"t1\", \"seller\": \"b\", \"buyer\": \"a\", "
	                         "\"commodity\": \"c\", \"value\": 2},\n"
	                         "    {\"id\": \"t2\", \"seller\": \"a\", \"buyer\": \"b\", "
	                         "\"commodity\": \"c\", \"volume\": 1.5}\n"
	                         "  ],\n  \"facilitation\": [],\n  \"memberships\": []\n}\n");
	mkg_free(out);
	mkg_model_free(m);
}

/* Defaults are left out of the export: spot, service false. */
static void
test_export_defaults(void **state)
{
	mkg_model *m;
	char *out;

	(void)state;
	m = import_ok(DOC("'transactions':[{'id':'x','seller':'a','buyer':'b','commodity':'m',"
	                  "'value':2,'contract':'spot','service':false,'capacity':-0}]"));
	out = export_ok(m);
	assert_non_null(strstr(out, "{\"id\": \"x\", \"seller\": \"a\", \"buyer\": \"b\", "
	                            "\"commodity\": \"m\", \"value\": 2, \"capacity\": 0}\n"));
	mkg_free(out);
	mkg_model_free(m);
}

/* The additions: commodities (after the transactions naming them in the
 * text), firms and level; read into the model, written at their place in
 * the canonical layout, read back equal. */
static void
test_commodities_firms_level(void **state)
{
	mkg_model *m, *m2 = NULL;
	mkg_commodity_desc c = MKG_COMMODITY_DESC_INIT;
	const char *primary = NULL;
	double factor = 0;
	char *out;

	(void)state;
	m = import_ok("{'format':'marketgraph','version':1,'volume_unit':'t','actors':["
	              "{'id':'a','kind':'producer','firms':1200},{'id':'b','kind':'processor'},"
	              "{'id':'c','kind':'end_market'}],'transactions':["
	              "{'seller':'a','buyer':'b','commodity':'potato','volume':4},"
	              "{'seller':'b','buyer':'c','commodity':'chips','volume':1,'level':'retailer'},"
	              "{'seller':'b','buyer':'a','commodity':'haulage','value':5,'service':true}],"
	              "'commodities':[{'id':'chips','unit':'t','made_from':'potato',"
	              "'input_per_unit':4,'attributes':{'source':'FAO'}},{'id':'potato'},"
	              "{'id':'haulage','unit':'trip','service':true}]}");
	assert_int_equal(mkg_model_commodity_count(m), 3);
	assert_int_equal(mkg_model_commodity_at(m, 0, &c), MKG_OK);
	assert_string_equal(c.id, "chips");
	assert_string_equal(c.unit, "t");
	assert_string_equal(c.made_from, "potato");
	assert_true(c.input_per_unit == 4);
	assert_int_equal(c.service, 0);
	assert_string_equal(c.attributes, "{\"source\":\"FAO\"}");
	assert_int_equal(mkg_model_commodity_at(m, 2, &c), MKG_OK);
	assert_int_equal(c.service, 1);
	assert_int_equal(read_actor(m, 0).firms, 1200);
	assert_int_equal(read_actor(m, 1).firms, -1);
	assert_null(read_tx(m, 0).level);
	assert_string_equal(read_tx(m, 1).level, "retailer");
	assert_int_equal(mkg_model_primary_equivalent(m, "chips", &primary, &factor), MKG_OK);
	assert_string_equal(primary, "potato");
	assert_true(factor == 4);

	out = export_ok(m);
	assert_string_equal(out,
		"{\n  \"format\": \"marketgraph\",\n  \"version\": 1,\n  \"volume_unit\": \"t\",\n"
		"  \"commodities\": [\n"
		"    {\"id\": \"chips\", \"unit\": \"t\", \"made_from\": \"potato\", "
		"\"input_per_unit\": 4, \"attributes\": {\"source\":\"FAO\"}},\n"
		"    {\"id\": \"potato\"},\n"
		"    {\"id\": \"haulage\", \"unit\": \"trip\", \"service\": true}\n"
		"  ],\n"
		"  \"actors\": [\n"
		"    {\"id\": \"a\", \"kind\": \"producer\", \"firms\": 1200},\n"
		"    {\"id\": \"b\", \"kind\": \"processor\"},\n"
		"    {\"id\": \"c\", \"kind\": \"end_market\"}\n"
		"  ],\n"
		"  \"transactions\": [\n"
		"    {\"id\": \"t1\", \"seller\": \"a\", \"buyer\": \"b\", \"commodity\": \"potato\", "
		"\"volume\": 4},\n"
		"    {\"id\": \"t2\", \"seller\": \"b\", \"buyer\": \"c\", \"commodity\": \"chips\", "
		"\"level\": \"retailer\", \"volume\": 1},\n"
		"    {\"id\": \"t3\", \"seller\": \"b\", \"buyer\": \"a\", \"commodity\": \"haulage\", "
		"\"value\": 5, \"service\": true}\n"
		"  ],\n  \"facilitation\": [],\n  \"memberships\": []\n}\n");
	assert_int_equal(mkg_json_read_buffer(&m2, out, strlen(out)), MKG_OK);
	assert_true(mkg_model_equal(m, m2));
	mkg_free(out);
	mkg_model_free(m2);
	mkg_model_free(m);
}

/* A model whose made_from names no record is not written: its document
 * would not read back. */
static void
test_export_refuses_broken_chains(void **state)
{
	mkg_model *m;
	mkg_commodity_desc c = MKG_COMMODITY_DESC_INIT;
	char *out = (char *)"untouched";
	char *path = g_build_filename(g_get_tmp_dir(), "mkg-test-json-broken.json", NULL);

	(void)state;
	m = import_ok(DOC("'transactions':[" TX0 "]"));
	c.id = "flour";
	c.made_from = "maize";
	c.input_per_unit = 1.33;
	assert_int_equal(mkg_model_add_commodity(m, &c, NULL), MKG_OK);
	assert_int_equal(mkg_json_write_string(m, &out, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "commodities[0].made_from: unknown commodity \"maize\"");
	assert_string_equal(out, "untouched");
	g_remove(path);
	assert_int_equal(mkg_json_write_file(m, path), MKG_EDATA);
	assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
	assert_int_equal(mkg_json_write_stream(m, stdout), MKG_EDATA);
	mkg_model_free(m);
	g_free(path);
}

/* ---- the other entry points ----------------------------------------------- */

static const char small_doc[] =
	"{\"format\":\"marketgraph\",\"version\":1,\"name\":\"small\",\"actors\":"
	"[{\"id\":\"a\",\"kind\":\"producer\"},{\"id\":\"b\",\"kind\":\"end_market\"}],"
	"\"transactions\":[{\"seller\":\"a\",\"buyer\":\"b\",\"commodity\":\"m\",\"volume\":3}]}";

static void
test_file_and_stream(void **state)
{
	char *dir = g_dir_make_tmp("mkg-test-json-XXXXXX", NULL);
	char *path = g_build_filename(dir, "model.json", NULL);
	char *tmp = g_strconcat(path, ".tmp", NULL);
	mkg_model *a = NULL, *b = NULL, *c = NULL, *d = NULL;
	char *text = NULL;
	FILE *f;

	(void)state;
	assert_non_null(dir);
	assert_int_equal(mkg_json_read_buffer(&a, small_doc, strlen(small_doc)), MKG_OK);

	/* File: written whole, nothing left beside it, read back equal. */
	assert_int_equal(mkg_json_write_file(a, path), MKG_OK);
	assert_false(g_file_test(tmp, G_FILE_TEST_EXISTS));
	assert_int_equal(mkg_json_read_file(&b, path), MKG_OK);
	assert_true(mkg_model_equal(a, b));
	/* Written again over the old file: the same bytes as the string export. */
	assert_int_equal(mkg_json_write_file(b, path), MKG_OK);
	assert_true(g_file_get_contents(path, &text, NULL, NULL));
	{
		char *s = export_ok(a);
		assert_string_equal(text, s);
		mkg_free(s);
	}

	/* Stream. */
	f = tmpfile();
	assert_non_null(f);
	assert_int_equal(mkg_json_write_stream(a, f), MKG_OK);
	rewind(f);
	assert_int_equal(mkg_json_read_stream(&c, f), MKG_OK);
	assert_true(mkg_model_equal(a, c));
	fclose(f);

	/* A stream of more than one read buffer (64 KiB). */
	f = tmpfile();
	assert_non_null(f);
	fputs(small_doc, f);
	for (int k = 0; k < 100000; k++)
		fputs("  ", f);
	rewind(f);
	assert_int_equal(mkg_json_read_stream(&d, f), MKG_OK);
	assert_true(mkg_model_equal(a, d));
	fclose(f);

	g_free(text);
	mkg_model_free(a);
	mkg_model_free(b);
	mkg_model_free(c);
	mkg_model_free(d);
	g_remove(path);
	g_rmdir(dir);
	g_free(tmp);
	g_free(path);
	g_free(dir);
}

static void
test_io_errors(void **state)
{
	mkg_model *sentinel = (mkg_model *)&sentinel;
	mkg_model *m = sentinel, *a = NULL;
	char *dir = g_dir_make_tmp("mkg-test-json-XXXXXX", NULL);
	char *missing = g_build_filename(dir, "missing.json", NULL);
	char *unwritable = g_build_filename(dir, "no-such-dir", "x.json", NULL);
	char *expected;
	FILE *full;

	(void)state;
	assert_int_equal(mkg_json_read_file(&m, missing), MKG_EIO);
	expected = g_strdup_printf("%s: cannot open: %s", missing, g_strerror(ENOENT));
	assert_string_equal(mkg_error_message(), expected);
	g_free(expected);
	assert_ptr_equal(m, sentinel);

	assert_int_equal(mkg_json_read_file(&m, dir), MKG_EIO);
	expected = g_strdup_printf("%s: cannot read: %s", dir, g_strerror(EISDIR));
	assert_string_equal(mkg_error_message(), expected);
	g_free(expected);
	assert_ptr_equal(m, sentinel);

	assert_int_equal(mkg_json_read_buffer(&a, small_doc, strlen(small_doc)), MKG_OK);
	assert_int_equal(mkg_json_write_file(a, unwritable), MKG_EIO);
	expected = g_strdup_printf("%s: cannot write: %s", unwritable, g_strerror(ENOENT));
	assert_string_equal(mkg_error_message(), expected);
	g_free(expected);

	/* A directory in the way: the rename fails, the temporary file goes. */
	assert_int_equal(mkg_json_write_file(a, dir), MKG_EIO);
	expected = g_strdup_printf("%s: cannot write: %s", dir, g_strerror(EISDIR));
	assert_string_equal(mkg_error_message(), expected);
	g_free(expected);
	expected = g_strconcat(dir, ".tmp", NULL);
	assert_false(g_file_test(expected, G_FILE_TEST_EXISTS));
	g_free(expected);

	/* A full device: the error shows when the buffer is flushed. */
	full = fopen("/dev/full", "w");
	if (full != NULL) {
		assert_int_equal(mkg_json_write_stream(a, full), MKG_EIO);
		fclose(full);
	}

	/* NULL arguments. */
	assert_int_equal(mkg_json_read_buffer(NULL, "{}", 2), MKG_EINVAL);
	assert_int_equal(mkg_json_read_buffer(&m, NULL, 0), MKG_EINVAL);
	assert_int_equal(mkg_json_read_file(&m, NULL), MKG_EINVAL);
	assert_int_equal(mkg_json_read_stream(&m, NULL), MKG_EINVAL);
	assert_int_equal(mkg_json_write_string(NULL, &expected, NULL), MKG_EINVAL);
	assert_int_equal(mkg_json_write_string(a, NULL, NULL), MKG_EINVAL);
	assert_int_equal(mkg_json_write_file(a, NULL), MKG_EINVAL);
	assert_int_equal(mkg_json_write_stream(a, NULL), MKG_EINVAL);
	assert_ptr_equal(m, sentinel);

	mkg_model_free(a);
	g_rmdir(dir);
	g_free(missing);
	g_free(unwritable);
	g_free(dir);
}

/* A buffer need not end with a NUL; one inside it is an error. */
static void
test_buffer_bounds(void **state)
{
	char *copy = g_memdup2(small_doc, sizeof small_doc - 1); /* no NUL */
	mkg_model *m = NULL;

	(void)state;
	assert_int_equal(mkg_json_read_buffer(&m, copy, sizeof small_doc - 1), MKG_OK);
	mkg_model_free(m);
	/* Cut short by one byte: the final '}' of the 193 is missing. */
	assert_int_equal(sizeof small_doc - 1, 193);
	expect_failure(copy, sizeof small_doc - 2, MKG_EPARSE,
	               "line 1, column 193: unexpected end of input");
	g_free(copy);
}

/* ---- attributes through the C API ----------------------------------------- */

static void
test_attributes_api(void **state)
{
	mkg_model *m = NULL, *m2 = NULL;
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
	GString *deep = g_string_new(NULL);
	char *out;

	(void)state;
	assert_int_equal(mkg_model_new(&m), MKG_OK);
	assert_int_equal(mkg_model_set_attributes(m, " { \"b\" : [ 1 , 2.50 ] , \"a\" : null } "),
	                 MKG_OK);
	assert_string_equal(mkg_model_attributes(m), "{\"b\":[1,2.50],\"a\":null}");

	assert_int_equal(mkg_model_set_attributes(m, "{'a': 1}"), MKG_EDATA);
	assert_string_equal(mkg_error_message(), "attributes: line 1, column 2: single-quoted "
	                                         "strings are not JSON; use double quotes");
	assert_int_equal(mkg_model_set_attributes(m, "[1]"), MKG_EDATA);
	assert_string_equal(mkg_error_message(), "attributes: must be an object, got an array");
	assert_int_equal(mkg_model_set_attributes(m, "{\"a\": NaN}"), MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "attributes: line 1, column 7: NaN and Infinity are not allowed in JSON");
	assert_int_equal(mkg_model_set_attributes(m, "{\"a\": 1e999}"), MKG_EDATA);
	assert_string_equal(mkg_error_message(), "attributes: numbers must be finite, got 1e999");
	assert_int_equal(mkg_model_set_attributes(m, "{\"a\": 1, \"a\": 1}"), MKG_EDATA);
	assert_string_equal(mkg_error_message(), "attributes: duplicate key \"a\"");
	assert_int_equal(mkg_model_set_attributes(m, "{} {}"), MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "attributes: line 1, column 4: trailing characters after the document");
	/* A failed set changed nothing. */
	assert_string_equal(mkg_model_attributes(m), "{\"b\":[1,2.50],\"a\":null}");

	/* Top-level attributes sit at level 2: 63 levels of their own. */
	for (int k = 0; k < 62; k++)
		g_string_append(deep, "{\"k\":");
	g_string_append(deep, "{}");
	for (int k = 0; k < 62; k++)
		g_string_append_c(deep, '}');
	assert_int_equal(mkg_model_set_attributes(m, deep->str), MKG_OK);
	/* One more: its '{' follows 63 times "{"k":" (5 characters each). */
	g_string_prepend(deep, "{\"k\":");
	g_string_append_c(deep, '}');
	assert_int_equal(mkg_model_set_attributes(m, deep->str), MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "attributes: line 1, column 316: nesting deeper than 63 levels");

	/* A record's attributes: the message names the record. */
	d.id = "a";
	d.kind = MKG_ACTOR_OTHER;
	d.attributes = "{\"x\": 01}";
	assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_EDATA);
	assert_string_equal(mkg_error_message(),
	                    "actors[0].attributes: line 1, column 7: invalid number: leading zero");
	d.attributes = "{ \"x\" : \"\\u00e9\" }";
	assert_int_equal(mkg_model_add_actor(m, &d, NULL), MKG_OK);
	assert_string_equal(read_actor(m, 0).attributes, "{\"x\":\"\xc3\xa9\"}");

	/* What the API accepted exports and imports back. */
	out = export_ok(m);
	assert_int_equal(mkg_json_read_buffer(&m2, out, strlen(out)), MKG_OK);
	assert_true(mkg_model_equal(m, m2));
	mkg_free(out);
	mkg_model_free(m);
	mkg_model_free(m2);
	g_string_free(deep, TRUE);
}

/* A document saved as UTF-16 or UTF-32 is named by its encoding (as the
 * CSV importer does), with or without a byte order mark, in a buffer and
 * in a file. */
static void
test_wide_encodings(void **state)
{
	static const struct {
		const char *doc;
		size_t len;
		const char *encoding;
	} cases[] = {
		{ "\xff\xfe{\0}\0", 6, "UTF-16 (byte order mark FF FE)" },
		{ "\xfe\xff\0{\0}", 6, "UTF-16 (byte order mark FE FF)" },
		{ "\xff\xfe\0\0{\0\0\0", 8, "UTF-32 (byte order mark FF FE 00 00)" },
		{ "\0\0\xfe\xff\0\0\0{", 8, "UTF-32 (byte order mark 00 00 FE FF)" },
		{ "{\0\n\0}\0", 6, "UTF-16 (a NUL byte with each character)" },
		{ "\0{\0\n\0}", 6, "UTF-16 (a NUL byte with each character)" },
		{ "{\0\0\0}\0\0\0", 8, "UTF-32 (three NUL bytes with each character)" },
		{ "\0\0\0{\0\0\0}", 8, "UTF-32 (three NUL bytes with each character)" },
	};
	mkg_model *sentinel = (mkg_model *)&sentinel;
	char *dir = g_dir_make_tmp("mkg-test-json-XXXXXX", NULL);
	char *path = g_build_filename(dir, "unicode.json", NULL);

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		mkg_model *m = sentinel;
		char *expected = g_strdup_printf("line 1, column 1: the document is %s, not UTF-8; "
		                                 "save it as UTF-8", cases[k].encoding);

		assert_int_equal(mkg_json_read_buffer(&m, cases[k].doc, cases[k].len), MKG_EPARSE);
		assert_string_equal(mkg_error_message(), expected);
		assert_ptr_equal(m, sentinel);
		assert_true(g_file_set_contents(path, cases[k].doc, (gssize)cases[k].len, NULL));
		assert_int_equal(mkg_json_read_file(&m, path), MKG_EPARSE);
		assert_string_equal(mkg_error_message(), expected);
		assert_ptr_equal(m, sentinel);
		g_free(expected);
	}
	g_remove(path);
	g_rmdir(dir);
	g_free(path);
	g_free(dir);
}

int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_nesting_in_attributes),
		cmocka_unit_test(test_roundtrip_rich),
		cmocka_unit_test(test_rich_fields),
		cmocka_unit_test(test_number_roundtrip),
		cmocka_unit_test(test_attribute_numbers),
		cmocka_unit_test(test_escaped_keys),
		cmocka_unit_test(test_minimal_and_order),
		cmocka_unit_test(test_member_layout),
		cmocka_unit_test(test_export_defaults),
		cmocka_unit_test(test_commodities_firms_level),
		cmocka_unit_test(test_export_refuses_broken_chains),
		cmocka_unit_test(test_file_and_stream),
		cmocka_unit_test(test_io_errors),
		cmocka_unit_test(test_buffer_bounds),
		cmocka_unit_test(test_attributes_api),
		cmocka_unit_test(test_wide_encodings),
	};
	size_t n_bad = sizeof bad_cases / sizeof bad_cases[0];
	size_t n_fixed = sizeof fixed / sizeof fixed[0];
	struct CMUnitTest *tests = g_new0(struct CMUnitTest, n_bad + n_fixed);
	int failed;

	/* One group, so the TAP output has one plan: a test per bad document. */
	for (size_t k = 0; k < n_bad; k++) {
		tests[k].name = bad_cases[k].name;
		tests[k].test_func = test_bad_case;
		tests[k].initial_state = (void *)&bad_cases[k];
	}
	memcpy(tests + n_bad, fixed, sizeof fixed);
	failed = _cmocka_run_group_tests("json", tests, n_bad + n_fixed, NULL, NULL);
	g_free(tests);
	return failed;
}
