/* marketgraph: free `attributes` objects given as JSON text.
 * SPDX-License-Identifier: MIT */
#include "io-private.h"
#include "core-private.h"

#include <json-c/json.h>

int
mkg__json_canonical_object(const char *text, size_t len, const char *path, char **out)
{
	struct json_tokener *tok;
	struct json_object *obj;
	enum json_tokener_error jerr;
	int rc = MKG_OK;

	if (len > INT32_MAX)
		return mkg__error(MKG_EDATA, "%s: text too long", path);
	tok = json_tokener_new_ex(MKG_JSON_MAX_DEPTH);
	if (tok == NULL)
		return mkg__error(MKG_ENOMEM, "%s: out of memory", path);
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	obj = json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	if (obj == NULL || jerr != json_tokener_success) {
		rc = mkg__error(MKG_EDATA, "%s: not valid JSON (%s)", path,
		                jerr == json_tokener_continue ? "unexpected end of input"
		                                              : json_tokener_error_desc(jerr));
	} else if (!json_object_is_type(obj, json_type_object)) {
		rc = mkg__error(MKG_EDATA, "%s: must be a JSON object", path);
	} else {
		const char *s = json_object_to_json_string_ext(
			obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
		if (s == NULL)
			rc = mkg__error(MKG_ENOMEM, "%s: out of memory", path);
		else
			*out = g_strdup(s);
	}
	json_object_put(obj);
	json_tokener_free(tok);
	return rc;
}
