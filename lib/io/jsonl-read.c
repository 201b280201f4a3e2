/* marketgraph: importing a model from a JSON Lines stream, gzip input, and
 * telling a stream from a document (docs/format.md, section 10).
 *
 * A stream is read one line at a time (line-input.c): each line passes the
 * strict syntax check on its own, its "record" member says which array it
 * belongs to, and the record goes through the document's converters
 * (json-records.c), so the rules and messages are the document's, with
 * "line L: " before them.  Memory is the model plus one line.
 *
 * With aggregation, transaction lines are exchanges: those with the same
 * seller, buyer, commodity, level and period become one transaction (in
 * the order of their first exchange, with generated ids), whose volume and
 * value are the sums of those given and whose attributes are
 * {"exchanges": N}.  The merged transactions are in the model from their
 * first exchange on, so later lines may refer to them.
 *
 * SPDX-License-Identifier: MIT */
#include "io-private.h"
#include "line-input-private.h"
#include "core-private.h"
#include "model-private.h"

#include <inttypes.h>
#include <json-c/json.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A record's line is its level 3 in a document (document, array, record):
 * it may nest 62 levels, as the record may there. */
#define LINE_MAX_DEPTH (MKG_JSON_MAX_DEPTH - 2)

enum { R_COMMODITY, R_ACTOR, R_TRANSACTION, R_FACILITATION, R_MEMBERSHIP, R_COUNT };
static const char *const record_names[R_COUNT] = {
	"commodity", "actor", "transaction", "facilitation", "membership",
};
static const char record_expected[] =
	"commodity, actor, transaction, facilitation or membership";

typedef struct stream_reader {
	mkg_json_reader *r;
	mkg_model *m;
	bool aggregate;
	bool any_line;          /* a line other than a blank one was read */
	GHashTable *groups;     /* aggregation key -> 1 + index of its transaction */
	GArray *counts;         /* uint64_t: exchanges merged into each transaction */
	GString *key;
	GArray *tx_lines;       /* uint64_t: the line of each transaction (its first exchange) */
	GArray *commodity_lines;
} stream_reader;

/* Put "line L: " before the current message. */
static int
at_line(int rc, size_t line)
{
	char *msg = g_strdup(mkg_error_message());

	rc = mkg__error(rc, "line %zu: %s", line, msg);
	g_free(msg);
	return rc;
}

static bool
blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* The value of the member key of the object at data[0..len) (valid JSON);
 * false when absent. */
static bool
find_member(const char *data, size_t len, const char *key, size_t *start, size_t *end)
{
	size_t i = mkg__json_skip_ws(data, len, 0);

	if (i >= len || data[i] != '{')
		return false;
	i = mkg__json_skip_ws(data, len, i + 1);
	while (i < len && data[i] == '"') {
		char name[32];
		bool complete, match;
		size_t v;

		i = mkg__json_read_string(data, len, i, name, sizeof name, &complete);
		match = complete && strcmp(name, key) == 0;
		i = mkg__json_skip_ws(data, len, i);      /* ':' */
		v = mkg__json_skip_ws(data, len, i + 1);
		i = mkg__json_skip_value(data, len, v);
		if (match) {
			*start = v;
			*end = i;
			return true;
		}
		i = mkg__json_skip_ws(data, len, i);
		if (i < len && data[i] == ',')
			i = mkg__json_skip_ws(data, len, i + 1);
	}
	return false;
}

/* ---- aggregation ------------------------------------------------------------ */

/* An unambiguous key: each part as "<length>:<bytes>", "-" when absent. */
static void
append_part(GString *key, const char *s)
{
	if (s == NULL) {
		g_string_append_c(key, '-');
		return;
	}
	g_string_append_printf(key, "%zu:", strlen(s));
	g_string_append(key, s);
}

static int
refuse(const char *path, const char *field)
{
	return mkg__error(MKG_EDATA, "%s.%s: not allowed when aggregating exchanges (a merged "
	                  "transaction has seller, buyer, commodity, level, period, volume, value)",
	                  path, field);
}

/* a + b for the merged volume or value (NaN: absent). */
static int
merge_sum(double *acc, double add, const char *path, const char *field)
{
	double sum;

	if (isnan(add))
		return MKG_OK;
	sum = isnan(*acc) ? add : *acc + add;
	if (!isfinite(sum))
		return mkg__error(MKG_EDATA, "%s.%s: the sum of the exchanges' %ss overflows "
		                  "(exceeds 1.8e308)", path, field, field);
	*acc = sum;
	return MKG_OK;
}

static int
add_exchange(stream_reader *s, const char *data, size_t len, size_t line)
{
	char path[64];
	mkg_transaction_desc d;
	struct json_object *obj;
	char *attributes;
	gpointer found;
	size_t used;
	int rc = MKG_OK;

	g_snprintf(path, sizeof path, "transactions[%u]", s->m->transactions->len);
	obj = NULL;
	attributes = NULL;
	if (!mkg__json_fast_read_transaction(s->r, data + mkg__json_skip_ws(data, len, 0), &used,
	                                     &d) &&
	    (rc = mkg__json_read_transaction(s->r, path, data, len, &d, &obj, &attributes)) !=
	            MKG_OK)
		return rc;
	if (!isnan(d.capacity))
		rc = refuse(path, "capacity");
	else if (d.contract != MKG_CONTRACT_SPOT)
		rc = refuse(path, "contract");
	else if (d.service)
		rc = refuse(path, "service");
	else if (attributes != NULL)
		rc = refuse(path, "attributes");
	else if (isnan(d.volume) && isnan(d.value))
		rc = mkg__error(MKG_EDATA, "%s: needs a volume or a value (or both)", path);
	if (rc != MKG_OK)
		goto out;
	d.id = NULL; /* merged transactions get generated ids */
	g_string_truncate(s->key, 0);
	append_part(s->key, d.seller);
	append_part(s->key, d.buyer);
	append_part(s->key, d.commodity);
	append_part(s->key, d.level);
	append_part(s->key, d.period);
	found = g_hash_table_lookup(s->groups, s->key->str);
	if (found != NULL) {
		size_t g = GPOINTER_TO_SIZE(found) - 1;
		mkg_transaction_rec *t = MKG_TX(s->m, g);

		g_snprintf(path, sizeof path, "transactions[%zu]", g);
		if ((rc = merge_sum(&t->volume, d.volume, path, "volume")) != MKG_OK ||
		    (rc = merge_sum(&t->value, d.value, path, "value")) != MKG_OK)
			goto out;
		g_array_index(s->counts, uint64_t, g)++;
	} else {
		size_t index;
		uint64_t one = 1, at = line;

		if ((rc = mkg__model_add_transaction(s->m, &d, MKG__ADD_TRUSTED_ATTRIBUTES,
		                                     &index)) != MKG_OK)
			goto out;
		g_hash_table_insert(s->groups, g_strdup(s->key->str), GSIZE_TO_POINTER(index + 1));
		g_array_append_val(s->counts, one);
		g_array_append_val(s->tx_lines, at);
	}
out:
	g_free(attributes);
	json_object_put(obj);
	return rc;
}

/* Each merged transaction's count, as its attributes. */
static void
finish_aggregation(stream_reader *s)
{
	for (guint i = 0; i < s->m->transactions->len; i++) {
		char text[48];

		g_snprintf(text, sizeof text, "{\"exchanges\":%" PRIu64 "}",
		           g_array_index(s->counts, uint64_t, i));
		MKG_TX(s->m, i)->attributes = mkg__model_intern(s->m, text);
	}
	s->m->revision++;
}

/* ---- lines ------------------------------------------------------------------ */

static int
add_record(stream_reader *s, int kind, const char *data, size_t len, size_t line)
{
	uint64_t at = line;
	size_t used;
	int rc;

	switch (kind) {
	case R_COMMODITY:
		if ((rc = mkg__json_add_commodity(s->r, s->m, data, len)) == MKG_OK)
			g_array_append_val(s->commodity_lines, at);
		return rc;
	case R_ACTOR:
		if (mkg__json_fast_actor(s->r, s->m, data + mkg__json_skip_ws(data, len, 0), &used,
		                         &rc))
			return rc;
		return mkg__json_add_actor(s->r, s->m, data, len);
	case R_TRANSACTION:
		if (s->aggregate)
			return add_exchange(s, data, len, line);
		if (!mkg__json_fast_transaction(s->r, s->m, data + mkg__json_skip_ws(data, len, 0),
		                                &used, &rc))
			rc = mkg__json_add_transaction(s->r, s->m, data, len);
		if (rc == MKG_OK)
			g_array_append_val(s->tx_lines, at);
		return rc;
	case R_FACILITATION:
		return mkg__json_add_facilitation(s->r, s->m, data, len);
	default:
		return mkg__json_add_membership(s->r, s->m, data, len);
	}
}

/* Which record the line holds (-1: none, the header). */
static int
record_kind(const char *data, size_t len, int *kind)
{
	size_t start, end;
	char name[32];
	bool complete;

	*kind = -1;
	if (!find_member(data, len, "record", &start, &end))
		return MKG_OK;
	if (data[start] != '"') {
		char got[MKG_QUOTE_BUFSIZE];

		if (data[start] == '{' || data[start] == '[')
			g_strlcpy(got, data[start] == '{' ? "an object" : "an array", sizeof got);
		else if (end - start > MKG_QUOTE_CHARS)
			g_snprintf(got, sizeof got, "%.*s" MKG_ELLIPSIS, MKG_QUOTE_CHARS, data + start);
		else
			g_snprintf(got, sizeof got, "%.*s", (int)(end - start), data + start);
		return mkg__error(MKG_EDATA, "record: must be a string, got %s", got);
	}
	mkg__json_read_string(data, end, start, name, sizeof name, &complete);
	for (int k = 0; k < R_COUNT; k++) {
		if (complete && strcmp(name, record_names[k]) == 0) {
			*kind = k;
			return MKG_OK;
		}
	}
	{
		char text[4 * (MKG_QUOTE_CHARS + 1) + 1], quoted[MKG_QUOTE_BUFSIZE];

		mkg__json_read_string(data, end, start, text, sizeof text, &complete);
		return mkg__error(MKG_EDATA, "record: unknown record %s (expected %s)",
		                  mkg__quote(quoted, text), record_expected);
	}
}

static int
read_line(stream_reader *s, const char *data, size_t len, size_t line)
{
	mkg_json_syntax_error err;
	int kind, rc;

	if (blank(data, len))
		return MKG_OK;
	if (!mkg__json_syntax_check(data, len, LINE_MAX_DEPTH, &err)) {
		size_t l, column;

		mkg__json_line_column(data, err.offset, &l, &column);
		return mkg__error(MKG_EPARSE, "line %zu, column %zu: %s", line, column, err.what);
	}
	{
		size_t i = mkg__json_skip_ws(data, len, 0);

		if (data[i] != '{')
			return mkg__error(MKG_EDATA, "line %zu: expected a JSON object, got %s", line,
			                  mkg__json_type_of_char(data[i]));
		/* From here on the record starts at its '{': the readers below
		 * (fast path, json-c) take offsets from the start of the text. */
		data += i;
		len -= i;
	}
	if ((rc = record_kind(data, len, &kind)) != MKG_OK)
		return at_line(rc, line);
	if (kind < 0) {
		if (s->any_line)
			return mkg__error(MKG_EDATA, "line %zu: record: missing (required), expected %s "
			                  "(only the first line may be the header)", line,
			                  record_expected);
		s->any_line = true;
		s->r->skip_key = NULL;
		rc = mkg__json_read_stream_header(s->r, s->m, data, len);
		s->r->skip_key = "record";
		return rc == MKG_OK ? MKG_OK : at_line(rc, line);
	}
	s->any_line = true;
	rc = add_record(s, kind, data, len, line);
	return rc == MKG_OK ? MKG_OK : at_line(rc, line);
}

/* A message of mkg_model_validate() that starts "transactions[i]" or
 * "commodities[i]" gets the line of that record. */
static int
validate(stream_reader *s)
{
	const char *msg;
	const GArray *lines = NULL;
	const char *p;
	int rc = mkg_model_validate(s->m);

	if (rc == MKG_OK)
		return rc;
	msg = mkg_error_message();
	if (strncmp(msg, "transactions[", 13) == 0)
		lines = s->tx_lines, p = msg + 13;
	else if (strncmp(msg, "commodities[", 12) == 0)
		lines = s->commodity_lines, p = msg + 12;
	if (lines != NULL) {
		unsigned long long i = strtoull(p, NULL, 10);

		if (i < lines->len)
			return at_line(rc, (size_t)g_array_index(lines, uint64_t, i));
	}
	return rc;
}

static int
read_stream(mkg_line_input *in, bool aggregate, mkg_model **out)
{
	stream_reader s;
	int rc;

	memset(&s, 0, sizeof s);
	if ((rc = mkg_model_new(&s.m)) != MKG_OK)
		return rc;
	s.r = mkg__json_reader_new();
	if (s.r == NULL) {
		mkg_model_free(s.m);
		return mkg__error(MKG_ENOMEM, "out of memory creating the JSON parser");
	}
	s.r->skip_key = "record";
	s.aggregate = aggregate;
	s.groups = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	s.counts = g_array_new(FALSE, FALSE, sizeof(uint64_t));
	s.tx_lines = g_array_new(FALSE, FALSE, sizeof(uint64_t));
	s.commodity_lines = g_array_new(FALSE, FALSE, sizeof(uint64_t));
	s.key = g_string_new(NULL);
	for (;;) {
		const char *line;
		size_t len;
		bool done;

		if ((rc = mkg__line_input_next(in, &line, &len, &done)) != MKG_OK || done)
			break;
		if ((rc = read_line(&s, line, len, mkg__line_input_line(in))) != MKG_OK)
			break;
	}
	if (rc == MKG_OK && aggregate)
		finish_aggregation(&s);
	if (rc == MKG_OK)
		rc = validate(&s);
	mkg__json_reader_free(s.r);
	g_hash_table_destroy(s.groups);
	g_array_free(s.counts, TRUE);
	g_array_free(s.tx_lines, TRUE);
	g_array_free(s.commodity_lines, TRUE);
	g_string_free(s.key, TRUE);
	if (rc != MKG_OK) {
		mkg_model_free(s.m);
		return rc;
	}
	*out = s.m;
	return MKG_OK;
}

/* ---- a document or a stream ------------------------------------------------- */

/* A stream when the first non-blank line is a whole JSON object without
 * an "actors" member (a header or a record); a document otherwise. */
static int
is_stream(mkg_line_input *in, bool *stream)
{
	const char *data, *nl;
	size_t len, i = 0, start, end;
	mkg_json_syntax_error err;
	int rc;

	*stream = false;
	if ((rc = mkg__line_input_peek(in, &data, &len)) != MKG_OK)
		return rc;
	/* Skip blank lines: peek again past them until a line has text. */
	for (;;) {
		while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r'))
			i++;
		if (i < len && data[i] == '\n') {
			i++;
			continue;
		}
		break;
	}
	if (i >= len || data[i] != '{')
		return MKG_OK;
	nl = memchr(data + i, '\n', len - i);
	end = nl ? (size_t)(nl - data) : len;
	if (!mkg__json_syntax_check(data + i, end - i, MKG_JSON_MAX_DEPTH, &err))
		return MKG_OK;
	*stream = !find_member(data + i, end - i, "actors", &start, &end);
	return MKG_OK;
}

static int
check_aggregate(bool stream, const mkg_read_options *o)
{
	if (o->aggregate && !stream)
		return mkg__error(MKG_EDATA, "aggregate: the input is a JSON document; exchanges are "
		                  "aggregated from a JSON Lines stream (docs/format.md, section 10)");
	return MKG_OK;
}

/* Read the opened input in as the options say.  path: the file, for the
 * fast path of a plain document (NULL otherwise). */
static int
read_input(mkg_line_input *in, const char *path, const mkg_read_options *o, mkg_model **out)
{
	bool stream = o->format == MKG_INPUT_JSONL;
	char *data;
	size_t len;
	int rc;

	if (o->format == MKG_INPUT_AUTO && (rc = is_stream(in, &stream)) != MKG_OK)
		return rc;
	if ((rc = check_aggregate(stream, o)) != MKG_OK)
		return rc;
	if (stream)
		return read_stream(in, o->aggregate != 0, out);
	if (path != NULL && !mkg__line_input_is_gzip(in))
		return mkg_json_read_file(out, path); /* one read, one allocation */
	if ((rc = mkg__line_input_read_all(in, &data, &len)) != MKG_OK)
		return rc;
	rc = mkg_json_read_buffer(out, data, len);
	g_free(data);
	return rc;
}

MKG_DEFINE_INIT(mkg_read_options_init, mkg_read_options, opts, MKG_READ_OPTIONS)

static int
resolve(const char *fn, const mkg_read_options *opts, mkg_read_options *o)
{
	MKG_RESOLVE_OPTIONS(fn, mkg_read_options, MKG_READ_OPTIONS, opts, o);
	if (o->format < MKG_INPUT_AUTO || o->format > MKG_INPUT_JSONL)
		return mkg__error(MKG_EINVAL, "%s: unknown input format %d", fn, o->format);
	if (o->aggregate && o->format == MKG_INPUT_DOCUMENT)
		return mkg__error(MKG_EINVAL, "%s: aggregate needs a JSON Lines stream, not a "
		                  "document", fn);
	return MKG_OK;
}

int
mkg_model_read_file(mkg_model **out, const char *path, const mkg_read_options *opts)
{
	mkg_read_options o;
	mkg_line_input *in;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(path);
	if ((rc = resolve(G_STRFUNC, opts, &o)) != MKG_OK ||
	    (rc = mkg__line_input_open_file(&in, path)) != MKG_OK)
		return rc;
	rc = read_input(in, path, &o, out);
	mkg__line_input_free(in);
	return rc;
}

int
mkg_model_read_stream(mkg_model **out, FILE *stream, const mkg_read_options *opts)
{
	mkg_read_options o;
	mkg_line_input *in;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(stream);
	if ((rc = resolve(G_STRFUNC, opts, &o)) != MKG_OK ||
	    (rc = mkg__line_input_open_stream(&in, stream)) != MKG_OK)
		return rc;
	rc = read_input(in, NULL, &o, out);
	mkg__line_input_free(in);
	return rc;
}

int
mkg_model_read_buffer(mkg_model **out, const void *data, size_t len,
                      const mkg_read_options *opts)
{
	mkg_read_options o;
	mkg_line_input *in;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(data);
	if ((rc = resolve(G_STRFUNC, opts, &o)) != MKG_OK ||
	    (rc = mkg__line_input_open_buffer(&in, data, len)) != MKG_OK)
		return rc;
	rc = read_input(in, NULL, &o, out);
	mkg__line_input_free(in);
	return rc;
}
