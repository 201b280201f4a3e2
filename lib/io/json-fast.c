/* marketgraph: the fast path of the importer for actors and transactions.
 *
 * Most records of a large model are plain: fields of the record's table,
 * each once, strings without escapes, numbers >= 0, known enumeration
 * names, tags as an array of such strings.  Those are read here straight
 * from the text (which passed the strict syntax check), without json-c,
 * into the description that json-records.c would have built, and added by
 * the same model function.  Anything else (an escape, an object such as
 * attributes, null, a negative or non-finite number, a repeated or unknown
 * key, a wrong type, a missing required field, an unknown enumeration
 * name) is left to json-records.c, which gives the document's exact
 * message; so this path never words an error of its own, and the only
 * messages it can let through are the model's, identical on both paths.
 *
 * SPDX-License-Identifier: MIT */
#include "io-private.h"
#include "core-private.h"
#include "model-private.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Where the strings of a record are copied, NUL-terminated.  The record's
 * length is not known before it is read, so a record whose strings do not
 * fit goes to json-records.c, and the room doubles for the next ones. */
typedef struct room {
	char *at, *end;
	mkg_json_reader *r;
} room;

static room
scratch(mkg_json_reader *r)
{
	room out;

	if (r->fast_buf == NULL) {
		r->fast_cap = 64 * 1024;
		r->fast_buf = g_malloc(r->fast_cap);
	}
	out.at = r->fast_buf;
	out.end = r->fast_buf + r->fast_cap;
	out.r = r;
	return out;
}

static void
grow(mkg_json_reader *r)
{
	if (r->fast_cap < ((size_t)1 << 30)) {
		r->fast_cap *= 2;
		g_free(r->fast_buf);
		r->fast_buf = g_malloc(r->fast_cap);
	}
}

static inline const char *
skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
		p++;
	return p;
}

/* The string at p (its opening quote), when it has no escape: copied with
 * a NUL to *out (advanced); returns the position past its closing quote,
 * NULL for a string with an escape or another value. */
static const char *
plain_string(const char *p, room *out, const char **copy)
{
	const char *s;
	size_t n;

	if (*p != '"')
		return NULL;
	s = ++p;
	while (*p != '"') {
		if (*p == '\\')
			return NULL;
		p++;
	}
	n = (size_t)(p - s);
	if ((size_t)(out->end - out->at) <= n) {
		grow(out->r);
		return NULL;
	}
	memcpy(out->at, s, n);
	out->at[n] = '\0';
	*copy = out->at;
	out->at += n + 1;
	return p + 1;
}

/* A number >= 0 at p: digits, then maybe a fraction and an exponent.  Sets
 * *integer when it is digits only (json-c's int).  NULL for anything else
 * or a value that is not finite. */
static const char *
number(const char *p, double *out, bool *integer)
{
	const char *s = p;
	uint64_t v = 0;
	int digits = 0;

	if (*p < '0' || *p > '9')
		return NULL;
	while (*p >= '0' && *p <= '9') {
		v = v * 10u + (uint64_t)(*p - '0');
		digits++;
		p++;
	}
	*integer = *p != '.' && *p != 'e' && *p != 'E';
	if (*integer && digits <= 15) {
		*out = (double)v; /* exact */
		return p;
	}
	if (*p == '.' && digits <= 15) {
		/* digits.digits, at most 15 in all, no exponent: v / 10^k with
		 * both exact doubles is one correctly rounded division, the
		 * double strtod gives (Clinger's fast path) */
		static const double pow10[16] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
		                                  1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
		const char *q = p + 1;
		int frac = 0;

		while (*q >= '0' && *q <= '9' && digits + frac < 15) {
			v = v * 10u + (uint64_t)(*q - '0');
			frac++;
			q++;
		}
		if (frac > 0 && !(*q >= '0' && *q <= '9') && *q != 'e' && *q != 'E') {
			*out = (double)v / pow10[frac];
			return q;
		}
	}
	while ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E' || *p == '+' ||
	       *p == '-')
		p++;
	{
		char buf[64];
		size_t n = (size_t)(p - s);

		if (n >= sizeof buf)
			return NULL;
		memcpy(buf, s, n);
		buf[n] = '\0';
		/* json-c reads doubles with strtod in the C locale, and integers
		 * as int64 then converted: both round to nearest, as here. */
		*out = g_ascii_strtod(buf, NULL);
	}
	if (!isfinite(*out))
		return NULL;
	return p;
}

/* An integer >= min (households, firms): digits only, as json-c's int. */
static const char *
count(const char *p, int64_t min, int64_t *out)
{
	uint64_t v = 0;

	if (*p < '0' || *p > '9')
		return NULL;
	while (*p >= '0' && *p <= '9')
		v = v * 10u + (uint64_t)(*p++ - '0'); /* the syntax check bounds it to int64 */
	if (*p == '.' || *p == 'e' || *p == 'E' || v > INT64_MAX || (int64_t)v < min)
		return NULL;
	*out = (int64_t)v;
	return p;
}

/* The key at p, its closing quote found; NULL for an escaped key. */
static const char *
key(const char *p, const char **start, size_t *n)
{
	const char *s = p + 1;

	for (p = s; *p != '"'; p++)
		if (*p == '\\')
			return NULL;
	*start = s;
	*n = (size_t)(p - s);
	return p + 1;
}

static bool
key_is(const char *k, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(k, name, n) == 0;
}

/* Skip the member named by r->skip_key (its value is a plain string: the
 * stream reader checked it); false when the key is not it. */
static bool
skipped(const mkg_json_reader *r, const char *k, size_t n, const char **p)
{
	const char *q;

	if (r->skip_key == NULL || !key_is(k, n, r->skip_key))
		return false;
	q = *p;
	if (*q != '"')
		return false;
	for (q++; *q != '"'; q++)
		if (*q == '\\')
			return false;
	*p = q + 1;
	return true;
}

static int
enum_index(const char *s, const char *(*name_of)(int), int count_)
{
	for (int i = 0; i < count_; i++) {
		const char *n = name_of(i);

		if (n != NULL && strcmp(n, s) == 0)
			return i;
	}
	return -1;
}

static const char *kind_name(int i) { return mkg_actor_kind_name((mkg_actor_kind)i); }
static const char *contract_name(int i) { return mkg_contract_name((mkg_contract)i); }

enum { A_ID, A_NAME, A_KIND, A_REGION, A_HOUSEHOLDS, A_FIRMS, A_CAPACITY, A_SUPPLY, A_DEMAND,
       A_TAGS, A_N };
static const char *const actor_keys[A_N] = {
	"id", "name", "kind", "region", "households", "firms", "capacity", "supply", "demand", "tags",
};

bool
mkg__json_fast_actor(mkg_json_reader *r, mkg_model *m, const char *data, size_t *used, int *rc)
{
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
	room out = scratch(r);
	const char *p = skip_ws(data + 1), *kind = NULL;
	unsigned seen = 0;
	bool integer, skip_seen = false;

	g_ptr_array_set_size(r->ids, 0);
	while (*p == '"') {
		const char *k;
		size_t n;
		int f = 0;

		if ((p = key(p, &k, &n)) == NULL)
			return false;
		p = skip_ws(skip_ws(p) + 1); /* past ':' */
		if (!skip_seen && skipped(r, k, n, &p)) {
			skip_seen = true; /* a second one is a duplicate: json-records.c */
			goto next;
		}
		while (f < A_N && !key_is(k, n, actor_keys[f]))
			f++;
		if (f == A_N || (seen & (1u << f)))
			return false;
		seen |= 1u << f;
		switch (f) {
		case A_ID: p = plain_string(p, &out, &d.id); break;
		case A_NAME: p = plain_string(p, &out, &d.name); break;
		case A_KIND: p = plain_string(p, &out, &kind); break;
		case A_REGION: p = plain_string(p, &out, &d.region); break;
		case A_HOUSEHOLDS: p = count(p, 0, &d.households); break;
		case A_FIRMS: p = count(p, 1, &d.firms); break;
		case A_CAPACITY: p = number(p, &d.capacity, &integer); break;
		case A_SUPPLY: p = number(p, &d.supply, &integer); break;
		case A_DEMAND: p = number(p, &d.demand, &integer); break;
		default: /* tags */
			if (*p != '[')
				return false;
			p = skip_ws(p + 1);
			while (*p != ']') {
				const char *tag;

				if ((p = plain_string(p, &out, &tag)) == NULL)
					return false;
				g_ptr_array_add(r->ids, (gpointer)tag);
				p = skip_ws(p);
				if (*p == ',')
					p = skip_ws(p + 1);
			}
			p++;
			d.tags = (const char *const *)r->ids->pdata;
			d.tag_count = r->ids->len;
			break;
		}
		if (p == NULL)
			return false;
next:
		p = skip_ws(p);
		if (*p == ',')
			p = skip_ws(p + 1);
	}
	if (*p != '}' || d.id == NULL || kind == NULL)
		return false;
	{
		int k = enum_index(kind, kind_name, MKG_ACTOR_KIND_COUNT);

		if (k < 0)
			return false;
		d.kind = (mkg_actor_kind)k;
	}
	*used = (size_t)(p + 1 - data);
	*rc = mkg__model_add_actor(m, &d, MKG__ADD_TRUSTED_ATTRIBUTES, NULL);
	return true;
}

enum { T_ID, T_SELLER, T_BUYER, T_COMMODITY, T_LEVEL, T_VOLUME, T_VALUE, T_PERIOD, T_CONTRACT,
       T_SERVICE, T_CAPACITY, T_N };
static const char *const transaction_keys[T_N] = {
	"id", "seller", "buyer", "commodity", "level", "volume", "value", "period", "contract",
	"service", "capacity",
};

bool
mkg__json_fast_read_transaction(mkg_json_reader *r, const char *data, size_t *used,
                                mkg_transaction_desc *desc)
{
	mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;
	room out = scratch(r);
	const char *p = skip_ws(data + 1), *contract = NULL;
	unsigned seen = 0;
	bool integer, skip_seen = false;

	while (*p == '"') {
		const char *k;
		size_t n;
		int f = 0;

		if ((p = key(p, &k, &n)) == NULL)
			return false;
		p = skip_ws(skip_ws(p) + 1);
		if (!skip_seen && skipped(r, k, n, &p)) {
			skip_seen = true; /* a second one is a duplicate: json-records.c */
			goto next;
		}
		while (f < T_N && !key_is(k, n, transaction_keys[f]))
			f++;
		if (f == T_N || (seen & (1u << f)))
			return false;
		seen |= 1u << f;
		switch (f) {
		case T_ID: p = plain_string(p, &out, &d.id); break;
		case T_SELLER: p = plain_string(p, &out, &d.seller); break;
		case T_BUYER: p = plain_string(p, &out, &d.buyer); break;
		case T_COMMODITY: p = plain_string(p, &out, &d.commodity); break;
		case T_LEVEL: p = plain_string(p, &out, &d.level); break;
		case T_VOLUME: p = number(p, &d.volume, &integer); break;
		case T_VALUE: p = number(p, &d.value, &integer); break;
		case T_PERIOD: p = plain_string(p, &out, &d.period); break;
		case T_CONTRACT: p = plain_string(p, &out, &contract); break;
		case T_SERVICE:
			if (strncmp(p, "true", 4) == 0)
				d.service = 1, p += 4;
			else if (strncmp(p, "false", 5) == 0)
				d.service = 0, p += 5;
			else
				p = NULL;
			break;
		default: p = number(p, &d.capacity, &integer); break;
		}
		if (p == NULL)
			return false;
next:
		p = skip_ws(p);
		if (*p == ',')
			p = skip_ws(p + 1);
	}
	if (*p != '}' || d.seller == NULL || d.buyer == NULL || d.commodity == NULL)
		return false;
	if (contract != NULL) {
		int c = enum_index(contract, contract_name, MKG_CONTRACT_COUNT);

		if (c < 0)
			return false;
		d.contract = (mkg_contract)c;
	}
	*used = (size_t)(p + 1 - data);
	*desc = d;
	return true;
}

bool
mkg__json_fast_transaction(mkg_json_reader *r, mkg_model *m, const char *data, size_t *used,
                           int *rc)
{
	mkg_transaction_desc d;

	if (!mkg__json_fast_read_transaction(r, data, used, &d))
		return false;
	*rc = mkg__model_add_transaction(m, &d, MKG__ADD_TRUSTED_ATTRIBUTES, NULL);
	return true;
}
