/* marketgraph: importing a model from JSON (docs/format.md).
 *
 * The input is read whole into memory and checked by the strict syntax pass
 * (json-syntax.c).  The top-level object is then scanned without json-c:
 * each known key's value is located, and each record of the arrays is
 * handed to json-c on its own, converted, added to a fresh model and
 * freed.  So memory is the input, the model and one record, whatever the
 * size of the document.  Any error frees the new model: the caller's
 * *out is only written on success.
 *
 * SPDX-License-Identifier: MIT */
#include "io-private.h"
#include "interop-private.h" /* mkg__io_read_file, mkg__io_read_stream */
#include "core-private.h"
#include "model-private.h"

#include <string.h>

/* ---- the top level -------------------------------------------------------- */

/* The top-level keys, in the order they are processed and written.  The
 * records that refer to one another in any order (commodities and the
 * transactions naming them) are checked together after the last array. */
enum {
	K_FORMAT, K_VERSION, K_NAME, K_CURRENCY, K_VOLUME_UNIT, K_PERIOD, K_ATTRIBUTES,
	K_COMMODITIES, K_ACTORS, K_TRANSACTIONS, K_FACILITATION, K_MEMBERSHIPS, K_COUNT
};
static const char *const top_keys[K_COUNT] = {
	"format", "version", "name", "currency", "volume_unit", "period", "attributes",
	"commodities", "actors", "transactions", "facilitation", "memberships",
};

/* Room for a key: a key cut here has more characters than a message
 * quotes (4 bytes at most each), so the quoting cuts it too. */
#define KEY_BUFSIZE (4 * (MKG_QUOTE_CHARS + 1) + 1)

typedef struct span {
	size_t start, end; /* the value's text; start == end when the key is absent */
} span;

typedef struct top_level {
	span value[K_COUNT];
	size_t elements[K_COUNT]; /* the items of an array value, 0 when not known */
	char unknown[KEY_BUFSIZE];   /* first unknown key, "" if none */
	bool unknown_complete;
	char duplicate[KEY_BUFSIZE]; /* first repeated key, "" if none */
} top_level;

/* The top-level members whose ends the syntax pass notes: more (unknown
 * keys) are found by scanning. */
#define MAX_NOTED_MEMBERS 64

/* Locate the members of the document's object (its syntax is valid);
 * members[0..n_members) are the first members as the syntax pass saw them. */
static int
scan_top_level(const char *data, size_t len, int nkeys, const mkg_json_member *members,
               size_t n_members, top_level *top)
{
	size_t i = mkg__json_skip_ws(data, len, 0), member = 0;

	memset(top, 0, sizeof *top);
	if (data[i] != '{') {
		const char *type = mkg__json_type_of_char(data[i]);
		return mkg__error(MKG_EDATA, "document: expected a JSON object, got %s", type);
	}
	i = mkg__json_skip_ws(data, len, i + 1);
	while (i < len && data[i] == '"') {
		char key[KEY_BUFSIZE];
		bool complete;
		size_t k = 0, end;

		i = mkg__json_read_string(data, len, i, key, sizeof key, &complete);
		while (k < (size_t)nkeys && !(complete && strcmp(key, top_keys[k]) == 0))
			k++;
		if (k == (size_t)nkeys)
			k = K_COUNT;
		i = mkg__json_skip_ws(data, len, i);      /* ':' */
		i = mkg__json_skip_ws(data, len, i + 1);
		end = member < n_members ? members[member].end : mkg__json_skip_value(data, len, i);
		if (member < n_members && k < K_COUNT)
			top->elements[k] = members[member].elements;
		member++;
		if (k == K_COUNT && top->unknown[0] == '\0') {
			g_strlcpy(top->unknown, key, sizeof top->unknown);
			top->unknown_complete = complete;
		} else if (k < K_COUNT && top->value[k].end > 0 && top->duplicate[0] == '\0') {
			g_strlcpy(top->duplicate, key, sizeof top->duplicate);
		} else if (k < K_COUNT) {
			top->value[k].start = i;
			top->value[k].end = end;
		}
		i = mkg__json_skip_ws(data, len, end);
		if (i < len && data[i] == ',')
			i = mkg__json_skip_ws(data, len, i + 1);
	}
	return MKG_OK;
}

static bool
present(const top_level *top, int k)
{
	return top->value[k].end > 0;
}

/* A value for a message: a string decoded and quoted (mkg__quote), "an
 * object", "an array", a number or literal as written (ASCII: the syntax
 * check let nothing else through), cut after 48 bytes. */
static void
value_text(const char *data, span s, char buf[MKG_QUOTE_BUFSIZE])
{
	size_t n = s.end - s.start;

	if (data[s.start] == '"') {
		char text[KEY_BUFSIZE];
		bool complete;

		mkg__json_read_string(data, s.end, s.start, text, sizeof text, &complete);
		mkg__quote(buf, text);
	} else if (data[s.start] == '{') {
		g_strlcpy(buf, "an object", MKG_QUOTE_BUFSIZE);
	} else if (data[s.start] == '[') {
		g_strlcpy(buf, "an array", MKG_QUOTE_BUFSIZE);
	} else if (n > MKG_QUOTE_CHARS) {
		g_snprintf(buf, MKG_QUOTE_BUFSIZE, "%.*s" MKG_ELLIPSIS, MKG_QUOTE_CHARS,
		           data + s.start);
	} else {
		g_snprintf(buf, MKG_QUOTE_BUFSIZE, "%.*s", (int)n, data + s.start);
	}
}

static int
check_header(const char *data, const top_level *top, int nkeys)
{
	static const char format_name[] = "marketgraph";
	char got[MKG_QUOTE_BUFSIZE];
	span v;

	if (top->duplicate[0] != '\0')
		return mkg__error(MKG_EDATA, "%s: duplicate key", top->duplicate);
	if (!present(top, K_FORMAT))
		return mkg__error(MKG_EDATA, "format: missing (required), expected \"marketgraph\"");
	v = top->value[K_FORMAT];
	if (data[v.start] == '"') {
		char name[sizeof format_name];
		bool complete;

		mkg__json_read_string(data, v.end, v.start, name, sizeof name, &complete);
		if (complete && strcmp(name, format_name) == 0)
			goto format_ok;
	}
	value_text(data, v, got);
	return mkg__error(MKG_EDATA, "format: expected \"marketgraph\", got %s", got);
format_ok:
	if (!present(top, K_VERSION))
		return mkg__error(MKG_EDATA, "version: missing (required), expected %d",
		                  MKG_FORMAT_VERSION);
	v = top->value[K_VERSION];
	value_text(data, v, got);
	/* An integer literal: an optional '-' and digits only. */
	if (strspn(got + (got[0] == '-'), "0123456789") != strlen(got + (got[0] == '-')) ||
	    got[0] == '\0' || strcmp(got, "-") == 0)
		return mkg__error(MKG_EDATA, "version: must be an integer, got %s", got);
	if (got[0] == '-' || strcmp(got, "0") == 0)
		return mkg__error(MKG_EDATA, "version: %s is not a valid version (expected %d)", got,
		                  MKG_FORMAT_VERSION);
	if (strcmp(got, "1") != 0)
		return mkg__error(MKG_EUNSUPPORTED, "version: %s is newer than this library reads (%d)",
		                  got, MKG_FORMAT_VERSION);
	if (top->unknown[0] != '\0') {
		char quoted[MKG_QUOTE_BUFSIZE];
		GString *expected = g_string_new(NULL);
		int rc;

		for (int k = 0; k < nkeys; k++)
			g_string_append_printf(expected, "%s%s", k ? ", " : "", top_keys[k]);
		if (mkg__json_is_plain_key(top->unknown) && top->unknown_complete &&
		    strlen(top->unknown) <= 48)
			g_strlcpy(quoted, top->unknown, sizeof quoted);
		else
			mkg__quote(quoted, top->unknown);
		rc = mkg__error(MKG_EDATA, "%s: unknown key (expected %s)", quoted, expected->str);
		g_string_free(expected, TRUE);
		return rc;
	}
	if (nkeys > K_ACTORS && !present(top, K_ACTORS))
		return mkg__error(MKG_EDATA, "actors: missing (required)");
	return MKG_OK;
}

/* The document's fields name .. attributes. */
static int
set_header_fields(mkg_json_reader *r, mkg_model *m, const char *data, const top_level *top)
{
	int rc;

	for (int k = K_NAME; k <= K_ATTRIBUTES; k++) {
		if (present(top, k) &&
		    (rc = mkg__json_set_header_field(r, m, top_keys[k], data + top->value[k].start,
		                                     top->value[k].end - top->value[k].start)) != MKG_OK)
			return rc;
	}
	return MKG_OK;
}

int
mkg__json_read_stream_header(mkg_json_reader *r, mkg_model *m, const char *data, size_t len)
{
	top_level top;
	int rc;

	if ((rc = scan_top_level(data, len, K_COMMODITIES, NULL, 0, &top)) != MKG_OK ||
	    (rc = check_header(data, &top, K_COMMODITIES)) != MKG_OK)
		return rc;
	return set_header_fields(r, m, data, &top);
}

typedef int (*add_record_fn)(mkg_json_reader *r, mkg_model *m, const char *data, size_t len);
typedef bool (*fast_record_fn)(mkg_json_reader *r, mkg_model *m, const char *data, size_t *used,
                               int *rc);

/* Add every record of the array top-level key k, by fast when it takes the
 * record (json-fast.c), else by add. */
static int
read_array(mkg_json_reader *r, mkg_model *m, const char *data, const top_level *top, int k,
           add_record_fn add, fast_record_fn fast)
{
	span v = top->value[k];
	size_t i = v.start, index = 0;

	if (data[i] != '[') {
		char got[MKG_QUOTE_BUFSIZE];

		value_text(data, v, got);
		return mkg__error(MKG_EDATA, "%s: must be an array, got %s", top_keys[k], got);
	}
	i = mkg__json_skip_ws(data, v.end, i + 1);
	while (data[i] != ']') {
		size_t end, used;
		int rc;

		if (data[i] != '{')
			return mkg__error(MKG_EDATA, "%s[%zu]: expected an object, got %s", top_keys[k],
			                  index, mkg__json_type_of_char(data[i]));
		if (fast != NULL && fast(r, m, data + i, &used, &rc)) {
			end = i + used;
		} else {
			end = mkg__json_skip_value(data, v.end, i);
			rc = add(r, m, data + i, end - i);
		}
		if (rc != MKG_OK)
			return rc;
		index++;
		i = mkg__json_skip_ws(data, v.end, end);
		if (data[i] == ',')
			i = mkg__json_skip_ws(data, v.end, i + 1);
	}
	return MKG_OK;
}

/* The records the array top-level key k will add, to size the model's
 * arrays: its items, at most one per MIN_RECORD_TEXT bytes of its text (no
 * valid actor or transaction is shorter), so that a document of empty
 * objects, refused at its first record, cannot make the model reserve
 * more than a few times the document's size. */
#define MIN_RECORD_TEXT 16
static size_t
records_expected(const top_level *top, int k)
{
	size_t n = top->elements[k], most;

	if (!present(top, k))
		return 0;
	most = (top->value[k].end - top->value[k].start) / MIN_RECORD_TEXT;
	return n < most ? n : most;
}

static int
read_document(mkg_json_reader *r, mkg_model *m, const char *data, size_t len)
{
	mkg_json_syntax_error err;
	top_level top;
	mkg_json_member members[MAX_NOTED_MEMBERS];
	size_t n_members;
	int rc;

	if (!mkg__json_syntax_check_members(data, len, MKG_JSON_MAX_DEPTH, &err, members,
	                                    MAX_NOTED_MEMBERS, &n_members))
		return mkg__json_syntax_fail(MKG_EPARSE, NULL, data, &err);
	if (n_members > MAX_NOTED_MEMBERS)
		n_members = MAX_NOTED_MEMBERS;
	if ((rc = scan_top_level(data, len, K_COUNT, members, n_members, &top)) != MKG_OK ||
	    (rc = check_header(data, &top, K_COUNT)) != MKG_OK ||
	    (rc = set_header_fields(r, m, data, &top)) != MKG_OK)
		return rc;
	mkg__model_reserve(m, records_expected(&top, K_ACTORS),
	                   records_expected(&top, K_TRANSACTIONS));
	if (present(&top, K_COMMODITIES) &&
	    (rc = read_array(r, m, data, &top, K_COMMODITIES, mkg__json_add_commodity, NULL)) != MKG_OK)
		return rc;
	if ((rc = read_array(r, m, data, &top, K_ACTORS, mkg__json_add_actor, mkg__json_fast_actor)) != MKG_OK)
		return rc;
	if (present(&top, K_TRANSACTIONS) &&
	    (rc = read_array(r, m, data, &top, K_TRANSACTIONS, mkg__json_add_transaction,
	                           mkg__json_fast_transaction)) != MKG_OK)
		return rc;
	if (present(&top, K_FACILITATION) &&
	    (rc = read_array(r, m, data, &top, K_FACILITATION, mkg__json_add_facilitation, NULL)) != MKG_OK)
		return rc;
	if (present(&top, K_MEMBERSHIPS) &&
	    (rc = read_array(r, m, data, &top, K_MEMBERSHIPS, mkg__json_add_membership, NULL)) != MKG_OK)
		return rc;
	return mkg_model_validate(m);
}

/* Import data[0..len) into a new model stored in *out on success only. */
static int
import(mkg_model **out, const char *data, size_t len)
{
	mkg_json_reader *r;
	mkg_model *m = NULL;
	int rc;

	if ((rc = mkg_model_new(&m)) != MKG_OK)
		return rc;
	r = mkg__json_reader_new();
	if (r == NULL) {
		mkg_model_free(m);
		return mkg__error(MKG_ENOMEM, "out of memory creating the JSON parser");
	}
	rc = read_document(r, m, data, len);
	mkg__json_reader_free(r);
	if (rc != MKG_OK) {
		mkg_model_free(m);
		return rc;
	}
	*out = m;
	return MKG_OK;
}

int
mkg_json_read_buffer(mkg_model **out, const void *data, size_t len)
{
	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(data);
	return import(out, data, len);
}

int
mkg_json_read_file(mkg_model **out, const char *path)
{
	char *data = NULL;
	size_t len = 0, mapped = 0;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(path);
	if ((rc = mkg__io_read_file_mapped(path, &data, &len, &mapped)) != MKG_OK)
		return rc;
	rc = import(out, data ? data : "", len);
	mkg__io_free_read(data, mapped);
	return rc;
}

int
mkg_json_read_stream(mkg_model **out, FILE *stream)
{
	char *data = NULL;
	size_t len = 0;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(stream);
	if ((rc = mkg__io_read_stream(stream, &data, &len)) != MKG_OK)
		return rc;
	rc = import(out, data ? data : "", len);
	g_free(data);
	return rc;
}
