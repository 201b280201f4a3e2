/* marketgraph: free `attributes` objects, in canonical text form.
 *
 * The canonical text is compact JSON (no whitespace), keys in document
 * order, strings escaped as json-c's PLAIN|NOSLASHESCAPE mode does, integers
 * in decimal and every other number exactly as it was written.  So the
 * text of an imported document is written back unchanged, and a second
 * import gives the same text.  It is produced here into a GString rather
 * than by json_object_to_json_string_ext(), which silently drops pieces of
 * its output when an allocation fails (json-c 0.16 ignores printbuf errors).
 *
 * SPDX-License-Identifier: MIT */
#include "json-private.h"
#include "core-private.h"

#include <inttypes.h>
#include <json-c/json.h>
#include <math.h>
#include <string.h>

/* Append a number's text: as written for parsed doubles (json-c keeps it as
 * the object's userdata), else the shortest round-trip form. */
static bool
append_number(GString *out, struct json_object *v)
{
	char num[MKG_DOUBLE_BUFSIZE];

	if (json_object_is_type(v, json_type_int)) {
		g_string_append_printf(out, "%" PRId64, json_object_get_int64(v));
		return true;
	}
	if (!isfinite(json_object_get_double(v)))
		return false;
	if (json_object_get_userdata(v) != NULL)
		g_string_append(out, (const char *)json_object_get_userdata(v));
	else
		g_string_append(out, mkg__format_double(num, json_object_get_double(v)));
	return true;
}

/* Serialise v; on a non-finite number store it in *bad and return false.
 * Recursion is bounded by MKG_JSON_MAX_DEPTH, checked before parsing. */
static bool
append_value(GString *out, struct json_object *v, struct json_object **bad)
{
	bool first = true;

	switch (json_object_get_type(v)) {
	case json_type_null:
		g_string_append(out, "null");
		return true;
	case json_type_boolean:
		g_string_append(out, json_object_get_boolean(v) ? "true" : "false");
		return true;
	case json_type_int:
	case json_type_double:
		if (!append_number(out, v)) {
			*bad = v;
			return false;
		}
		return true;
	case json_type_string:
		mkg__json_quoted(out, json_object_get_string(v), (size_t)json_object_get_string_len(v));
		return true;
	case json_type_array: {
		size_t n = json_object_array_length(v);
		g_string_append_c(out, '[');
		for (size_t k = 0; k < n; k++) {
			if (k > 0)
				g_string_append_c(out, ',');
			if (!append_value(out, json_object_array_get_idx(v, k), bad))
				return false;
		}
		g_string_append_c(out, ']');
		return true;
	}
	case json_type_object: {
		g_string_append_c(out, '{');
		json_object_object_foreach(v, key, member) {
			if (!first)
				g_string_append_c(out, ',');
			first = false;
			mkg__json_quoted(out, key, strlen(key));
			g_string_append_c(out, ':');
			if (!append_value(out, member, bad))
				return false;
		}
		g_string_append_c(out, '}');
		return true;
	}
	}
	return false;
}

int
mkg__json_attributes_text(struct json_object *value, const char *path, char **out)
{
	char what[320];
	struct json_object *bad = NULL;
	GString *text;

	if (!json_object_is_type(value, json_type_object))
		return mkg__error(MKG_EDATA, "%s: must be an object, got %s", path,
		                  mkg__json_describe(value, what, sizeof what));
	text = g_string_sized_new(64);
	if (!append_value(text, value, &bad)) {
		g_string_free(text, TRUE);
		return mkg__error(MKG_EDATA, "%s: numbers must be finite, got %s", path,
		                  mkg__json_describe(bad, what, sizeof what));
	}
	*out = g_string_free(text, FALSE);
	return MKG_OK;
}

int
mkg__json_canonical_object(const char *text, size_t len, const char *path, char **out)
{
	/* The object's own level in a document decides how deep it may nest. */
	unsigned level = strchr(path, '[') ? MKG_JSON_RECORD_ATTRIBUTES_LEVEL
	                                   : MKG_JSON_TOP_ATTRIBUTES_LEVEL;
	unsigned max_depth = MKG_JSON_MAX_DEPTH - level + 1;
	mkg_json_syntax_error err;
	mkg_json_reader *reader;
	struct json_object *obj = NULL;
	size_t start;
	int rc;

	if (!mkg__json_syntax_check(text, len, max_depth, &err))
		return mkg__json_syntax_fail(MKG_EDATA, path, text, &err);
	start = mkg__json_skip_ws(text, len, 0);
	reader = mkg__json_reader_new();
	if (reader == NULL)
		return mkg__error(MKG_ENOMEM, "%s: out of memory", path);
	rc = mkg__json_reader_parse(reader, text + start,
	                            mkg__json_skip_value(text, len, start) - start, path, &obj);
	if (rc == MKG_OK)
		rc = mkg__json_attributes_text(obj, path, out);
	json_object_put(obj);
	mkg__json_reader_free(reader);
	return rc;
}
