/* marketgraph: parsing one value with json-c, and checking what it built.
 *
 * The importer hands json-c one record at a time (text already accepted by
 * the strict syntax check).  json-c 0.16 drops data silently when an
 * allocation fails inside its tokener (it ignores the results of its own
 * object/array insertions and buffer appends) and keeps only the last of
 * duplicate keys.  So every parsed value is compared with its source text:
 * the same types, members, elements, string bytes and number text.  A
 * duplicate key is reported as such; any other difference can only be an
 * allocation failure and gives MKG_ENOMEM.  The walk costs about as much as
 * the parse itself and recursion is bounded by MKG_JSON_MAX_DEPTH.
 *
 * SPDX-License-Identifier: MIT */
#include "json-private.h"
#include "core-private.h"

#include <inttypes.h>
#include <json-c/json.h>
#include <limits.h>
#include <string.h>

mkg_json_reader *
mkg__json_reader_new(void)
{
	mkg_json_reader *r;
	struct json_tokener *tok = json_tokener_new_ex(MKG_JSON_MAX_DEPTH);

	if (tok == NULL)
		return NULL;
	r = g_new0(mkg_json_reader, 1);
	r->tok = tok;
	r->path = g_string_sized_new(64);
	r->scratch = g_string_sized_new(64);
	r->ids = g_ptr_array_new();
	r->ids2 = g_ptr_array_new();
	r->ids3 = g_ptr_array_new();
	r->payments = g_array_new(FALSE, FALSE, sizeof(mkg_payment));
	return r;
}

void
mkg__json_reader_free(mkg_json_reader *r)
{
	if (r == NULL)
		return;
	json_tokener_free(r->tok);
	g_string_free(r->path, TRUE);
	g_string_free(r->scratch, TRUE);
	g_ptr_array_free(r->ids, TRUE);
	g_ptr_array_free(r->ids2, TRUE);
	g_ptr_array_free(r->ids3, TRUE);
	g_array_free(r->payments, TRUE);
	g_free(r->fast_buf);
	g_free(r);
}

/* ---- describing values in messages --------------------------------------- */

const char *
mkg__json_describe(struct json_object *v, char *buf, size_t bufsize)
{
	char quoted[MKG_QUOTE_BUFSIZE];

	switch (json_object_get_type(v)) {
	case json_type_null:
		g_strlcpy(buf, "null", bufsize);
		break;
	case json_type_boolean:
		g_strlcpy(buf, json_object_get_boolean(v) ? "true" : "false", bufsize);
		break;
	case json_type_int:
		g_snprintf(buf, bufsize, "%" PRId64, json_object_get_int64(v));
		break;
	case json_type_double:
		if (json_object_get_userdata(v) != NULL) {
			g_strlcpy(buf, json_object_get_userdata(v), bufsize);
		} else {
			char num[MKG_DOUBLE_BUFSIZE];
			g_strlcpy(buf, mkg__format_double(num, json_object_get_double(v)), bufsize);
		}
		break;
	case json_type_string:
		g_strlcpy(buf, mkg__quote(quoted, json_object_get_string(v)), bufsize);
		break;
	case json_type_array:
		g_strlcpy(buf, "an array", bufsize);
		break;
	case json_type_object:
		g_strlcpy(buf, "an object", bufsize);
		break;
	}
	return buf;
}

/* ---- comparing json-c's tree with the source ---------------------------- */

typedef enum {
	V_OK,
	V_MISMATCH, /* json-c lost something: an allocation failed */
	V_REPORTED  /* a duplicate key, already reported */
} vresult;

static vresult verify_value(mkg_json_reader *r, const char *s, size_t len, size_t *pos,
                            struct json_object *v);

bool
mkg__json_is_plain_key(const char *key)
{
	if (*key == '\0')
		return false;
	for (const char *p = key; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '_' && *p != '-')
			return false;
	return true;
}

/* Append ".key" (or `["key"]` when it is not a plain word or longer than a
 * message quotes) to the path. */
static void
path_push_key(GString *path, const char *key)
{
	if (mkg__json_is_plain_key(key) && strlen(key) <= MKG_QUOTE_CHARS) {
		g_string_append_c(path, '.');
		g_string_append(path, key);
	} else {
		g_string_append_c(path, '[');
		mkg__quote_append(path, key);
		g_string_append_c(path, ']');
	}
}

/* Append "[k]" to the path (cheaper than printf on every element). */
static void
path_push_index(GString *path, size_t k)
{
	char digits[24];
	size_t n = sizeof digits;

	do
		digits[--n] = (char)('0' + k % 10);
	while ((k /= 10) > 0);
	g_string_append_c(path, '[');
	g_string_append_len(path, digits + n, (gssize)(sizeof digits - n));
	g_string_append_c(path, ']');
}

/* Report the first key that appears twice in the object at s[i], if any. */
static bool
report_duplicate(mkg_json_reader *r, const char *s, size_t len, size_t i)
{
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	bool found = false;

	i = mkg__json_skip_ws(s, len, i + 1);
	while (i < len && s[i] == '"') {
		char quoted[MKG_QUOTE_BUFSIZE];

		i = mkg__json_decode_string(s, len, i, r->scratch);
		if (!g_hash_table_add(seen, g_strdup(r->scratch->str))) {
			mkg__error(MKG_EDATA, "%s: duplicate key %s", r->path->str,
			           mkg__quote(quoted, r->scratch->str));
			found = true;
			break;
		}
		i = mkg__json_skip_ws(s, len, i);     /* ':' */
		i = mkg__json_skip_ws(s, len, i + 1);
		i = mkg__json_skip_ws(s, len, mkg__json_skip_value(s, len, i));
		if (i < len && s[i] == ',')
			i = mkg__json_skip_ws(s, len, i + 1);
	}
	g_hash_table_destroy(seen);
	return found;
}

static vresult
verify_object(mkg_json_reader *r, const char *s, size_t len, size_t *pos, struct json_object *v)
{
	size_t start = *pos, i, members = 0, path_len = r->path->len;
	vresult res = V_OK;

	if (!json_object_is_type(v, json_type_object))
		return V_MISMATCH;
	i = mkg__json_skip_ws(s, len, start + 1);
	while (i < len && s[i] == '"') {
		struct json_object *member = NULL;

		i = mkg__json_decode_string(s, len, i, r->scratch);
		members++;
		if (!json_object_object_get_ex(v, r->scratch->str, &member)) {
			res = V_MISMATCH;
			break;
		}
		path_push_key(r->path, r->scratch->str);
		i = mkg__json_skip_ws(s, len, i);     /* ':' */
		i = mkg__json_skip_ws(s, len, i + 1);
		res = verify_value(r, s, len, &i, member);
		if (res != V_OK)
			break;
		g_string_truncate(r->path, path_len);
		i = mkg__json_skip_ws(s, len, i);
		if (i < len && s[i] == ',')
			i = mkg__json_skip_ws(s, len, i + 1);
	}
	if (res == V_REPORTED)
		return res;
	g_string_truncate(r->path, path_len);
	if (res == V_OK && members == (size_t)json_object_object_length(v)) {
		*pos = i + 1; /* past '}' */
		return V_OK;
	}
	/* Fewer members than keys, or a value that differs: a duplicate key
	 * explains both; otherwise json-c lost data. */
	return report_duplicate(r, s, len, start) ? V_REPORTED : V_MISMATCH;
}

static vresult
verify_array(mkg_json_reader *r, const char *s, size_t len, size_t *pos, struct json_object *v)
{
	size_t i, k = 0, n, path_len = r->path->len;

	if (!json_object_is_type(v, json_type_array))
		return V_MISMATCH;
	n = json_object_array_length(v);
	i = mkg__json_skip_ws(s, len, *pos + 1);
	while (i < len && s[i] != ']') {
		vresult res;

		if (k >= n)
			return V_MISMATCH;
		path_push_index(r->path, k);
		res = verify_value(r, s, len, &i, json_object_array_get_idx(v, k));
		if (res != V_OK)
			return res;
		g_string_truncate(r->path, path_len);
		k++;
		i = mkg__json_skip_ws(s, len, i);
		if (i < len && s[i] == ',')
			i = mkg__json_skip_ws(s, len, i + 1);
	}
	if (k != n)
		return V_MISMATCH;
	*pos = i + 1; /* past ']' */
	return V_OK;
}

/* The value of an integer literal that fits in int64 (checked by syntax). */
static int64_t
integer_value(const char *s, size_t n)
{
	bool negative = s[0] == '-';
	uint64_t u = 0;

	for (size_t k = negative ? 1 : 0; k < n; k++)
		u = u * 10u + (uint64_t)(s[k] - '0');
	if (!negative)
		return (int64_t)u;
	return u == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)u;
}

static vresult
verify_value(mkg_json_reader *r, const char *s, size_t len, size_t *pos, struct json_object *v)
{
	size_t i = *pos, end;

	switch (s[i]) {
	case '{':
		return verify_object(r, s, len, pos, v);
	case '[':
		return verify_array(r, s, len, pos, v);
	case '"':
		end = mkg__json_decode_string(s, len, i, r->scratch);
		if (!json_object_is_type(v, json_type_string) ||
		    (size_t)json_object_get_string_len(v) != r->scratch->len ||
		    memcmp(json_object_get_string(v), r->scratch->str, r->scratch->len) != 0)
			return V_MISMATCH;
		*pos = end;
		return V_OK;
	case 't':
	case 'f':
		if (!json_object_is_type(v, json_type_boolean) ||
		    json_object_get_boolean(v) != (s[i] == 't'))
			return V_MISMATCH;
		*pos = i + (s[i] == 't' ? 4 : 5);
		return V_OK;
	case 'n':
		if (v != NULL)
			return V_MISMATCH;
		*pos = i + 4;
		return V_OK;
	default:
		break;
	}
	end = mkg__json_skip_value(s, len, i);
	if (memchr(s + i, '.', end - i) || memchr(s + i, 'e', end - i) || memchr(s + i, 'E', end - i)) {
		const char *text = json_object_get_userdata(v);
		if (!json_object_is_type(v, json_type_double) || text == NULL ||
		    strlen(text) != end - i || memcmp(text, s + i, end - i) != 0)
			return V_MISMATCH;
	} else if (!json_object_is_type(v, json_type_int) ||
	           json_object_get_int64(v) != integer_value(s + i, end - i)) {
		return V_MISMATCH;
	}
	*pos = end;
	return V_OK;
}

int
mkg__json_reader_parse(mkg_json_reader *r, const char *data, size_t len, const char *path,
                       struct json_object **out)
{
	struct json_object *obj;
	enum json_tokener_error jerr;
	size_t pos = 0;
	vresult res;

	if (len > INT_MAX)
		return mkg__error(MKG_EDATA, "%s: larger than %d bytes, the most json-c reads at once",
		                  path, INT_MAX);
	json_tokener_reset(r->tok);
	obj = json_tokener_parse_ex(r->tok, data, (int)len);
	jerr = json_tokener_get_error(r->tok);
	if (obj == NULL && jerr == json_tokener_continue) {
		/* A number or literal at the end: a NUL tells json-c it is complete. */
		obj = json_tokener_parse_ex(r->tok, "", 1);
		jerr = json_tokener_get_error(r->tok);
	}
	if (jerr != json_tokener_success) {
		/* The text passed the strict check, so this is json-c running out
		 * of memory (0.16 reports that as a parse error). */
		json_object_put(obj);
		return mkg__error(MKG_ENOMEM, "%s: out of memory while parsing (json-c: %s)", path,
		                  json_tokener_error_desc(jerr));
	}
	g_string_assign(r->path, path);
	res = verify_value(r, data, len, &pos, obj);
	if (res != V_OK) {
		json_object_put(obj);
		if (res == V_MISMATCH)
			return mkg__error(MKG_ENOMEM, "%s: out of memory while parsing (json-c lost "
			                  "data)", path);
		return mkg_error_code();
	}
	*out = obj;
	return MKG_OK;
}
