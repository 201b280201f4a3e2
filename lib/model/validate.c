/* marketgraph: field checks shared by the add functions.
 * SPDX-License-Identifier: MIT */
#include "validate.h"
#include "core-private.h"
#include "json-private.h"

#include <math.h>
#include <string.h>

/* Called for every record added, so without printf. */
void
mkg__record_path(char path[MKG_PATH_BUFSIZE], const char *array, size_t index)
{
	char digits[24];
	size_t n = sizeof digits, len = strlen(array);

	do
		digits[--n] = (char)('0' + index % 10);
	while ((index /= 10) > 0);
	if (len + 2 + sizeof digits - n >= MKG_PATH_BUFSIZE) { /* not for the model's arrays */
		g_snprintf(path, MKG_PATH_BUFSIZE, "%s[%.*s]", array, (int)(sizeof digits - n),
		           digits + n);
		return;
	}
	memcpy(path, array, len);
	path[len] = '[';
	memcpy(path + len + 1, digits + n, sizeof digits - n);
	len += 1 + sizeof digits - n;
	path[len] = ']';
	path[len + 1] = '\0';
}

int
mkg__check_text(const char *path, const char *field, const char *s)
{
	if (s != NULL && !g_utf8_validate(s, -1, NULL))
		return mkg__error(MKG_EDATA, "%s.%s: not valid UTF-8", path, field);
	return MKG_OK;
}

int
mkg__check_required_text(const char *path, const char *field, const char *s, bool nonempty)
{
	if (s == NULL)
		return mkg__error(MKG_EDATA, "%s.%s: missing (required)", path, field);
	if (nonempty && s[0] == '\0')
		return mkg__error(MKG_EDATA, "%s.%s: must not be empty", path, field);
	return mkg__check_text(path, field, s);
}

int
mkg__check_nonnegative(const char *path, const char *field, double d)
{
	char num[MKG_DOUBLE_BUFSIZE];

	if (isnan(d) || (isfinite(d) && d >= 0))
		return MKG_OK;
	return mkg__error(MKG_EDATA, "%s.%s: must be a number >= 0, got %s", path, field,
	                  mkg__format_double(num, d));
}

int
mkg__check_date(const char *path, const char *field, const char *s)
{
	int32_t first, last;
	char quoted[MKG_QUOTE_BUFSIZE];

	if (s == NULL || mkg__date_parse(s, &first, &last))
		return MKG_OK;
	if (!g_utf8_validate(s, -1, NULL))
		return mkg__error(MKG_EDATA, "%s.%s: not valid UTF-8", path, field);
	return mkg__error(MKG_EDATA,
	                  "%s.%s: %s is not a date, expected YYYY, YYYY-MM or YYYY-MM-DD",
	                  path, field, mkg__quote(quoted, s));
}

int
mkg__check_attributes(const char *path, const char *s, unsigned flags, char **canonical)
{
	char where[MKG_PATH_BUFSIZE + 16];

	*canonical = NULL;
	if (s == NULL)
		return MKG_OK;
	if (flags & MKG__ADD_TRUSTED_ATTRIBUTES) {
		*canonical = g_strdup(s);
		return MKG_OK;
	}
	if (path[0] != '\0')
		g_snprintf(where, sizeof where, "%s.attributes", path);
	else
		g_strlcpy(where, "attributes", sizeof where);
	return mkg__json_canonical_object(s, strlen(s), where, canonical);
}

int
mkg__check_actor_ref(const mkg_model *m, const char *path, const char *field, const char *id,
                     mkg_idx *out)
{
	char quoted[MKG_QUOTE_BUFSIZE];
	int rc = mkg__check_required_text(path, field, id, false);

	if (rc != MKG_OK)
		return rc;
	*out = mkg__model_actor_lookup(m, id);
	if (*out == MKG_IDX_NONE)
		return mkg__error(MKG_EDATA, "%s.%s: unknown actor %s", path, field,
		                  mkg__quote(quoted, id));
	return MKG_OK;
}

int
mkg__check_room(const char *array, size_t count)
{
	if (count >= MKG_MAX_RECORDS)
		return mkg__error(MKG_EDATA, "%s: more than %u records", array, MKG_MAX_RECORDS);
	return MKG_OK;
}
