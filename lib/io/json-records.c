/* marketgraph: converting one record of the document into a description
 * and adding it to the model.
 *
 * This file checks what only the JSON form can get wrong: JSON types,
 * unknown fields, enumeration names, NUL characters, non-finite numbers.
 * The model's add functions check every other rule (references, duplicate
 * ids, ranges, dates, paid_by sums) and word their messages with the same
 * JSON paths, because an import always fills a fresh model, where a
 * record's index is its position in the document.
 *
 * SPDX-License-Identifier: MIT */
#include "io-private.h"
#include "core-private.h"
#include "model-private.h"

#include <inttypes.h>
#include <json-c/json.h>
#include <math.h>
#include <string.h>

/* Room for a record path plus a field path ("facilitation[N].paid_by[K].share"). */
#define PATH_MAX_LEN 160
/* Room for a described value in a message (a quoted string at most). */
#define WHAT_LEN MKG_QUOTE_BUFSIZE

/* The fields of one record, looked up once: slot k holds the value of
 * fields[k]; has[k] tells present (the value may be NULL for null). */
#define MAX_FIELDS 16
typedef struct fields {
	const char *const *names;
	struct json_object *value[MAX_FIELDS];
	bool has[MAX_FIELDS];
} fields;

static const char *const actor_fields[] = {
	"id", "name", "kind", "region", "households", "firms", "capacity", "supply", "demand",
	"tags", "costs", "attributes", NULL
};
enum { A_ID, A_NAME, A_KIND, A_REGION, A_HOUSEHOLDS, A_FIRMS, A_CAPACITY, A_SUPPLY, A_DEMAND,
       A_TAGS, A_COSTS, A_ATTRIBUTES };

static const char *const transaction_fields[] = {
	"id", "seller", "buyer", "commodity", "level", "volume", "value", "period", "contract",
	"service", "capacity", "attributes", NULL
};
enum { T_ID, T_SELLER, T_BUYER, T_COMMODITY, T_LEVEL, T_VOLUME, T_VALUE, T_PERIOD, T_CONTRACT,
       T_SERVICE, T_CAPACITY, T_ATTRIBUTES };

static const char *const commodity_fields[] = {
	"id", "unit", "service", "transfer", "made_from", "input_per_unit", "attributes", NULL
};
enum { C_ID, C_UNIT, C_SERVICE, C_TRANSFER, C_MADE_FROM, C_INPUT_PER_UNIT, C_ATTRIBUTES };

static const char *const facilitation_fields[] = {
	"id", "facilitator", "type", "function", "targets", "start", "end", "exit", "successor",
	"cost", "paid_by", "attributes", NULL
};
enum { F_ID, F_FACILITATOR, F_TYPE, F_FUNCTION, F_TARGETS, F_START, F_END, F_EXIT, F_SUCCESSOR,
       F_COST, F_PAID_BY, F_ATTRIBUTES };

static const char *const membership_fields[] = { "group", "member", "since", "role", NULL };
enum { M_GROUP, M_MEMBER, M_SINCE, M_ROLE };

static const char *const target_fields[] = { "actors", "transactions", NULL };
static const char *const payment_fields[] = { "actor", "share", NULL };
static const char *const cost_fields[] = { "item", "amount", "period", "commodity", NULL };
static const char *const embedded_fields[] = { "embedded", "share", NULL };

/* Write "<array>[<index>]" into path (PATH_MAX_LEN bytes); called for every
 * record, so without printf. */
static void
record_path(char *path, const char *array, size_t index)
{
	char digits[24];
	size_t n = sizeof digits, len = strlen(array);

	do
		digits[--n] = (char)('0' + index % 10);
	while ((index /= 10) > 0);
	memcpy(path, array, len);
	path[len] = '[';
	memcpy(path + len + 1, digits + n, sizeof digits - n);
	len += 1 + sizeof digits - n;
	path[len] = ']';
	path[len + 1] = '\0';
}

/* "id, name, kind, ..." */
static GString *
join_names(const char *const *names)
{
	GString *list = g_string_new(NULL);

	for (size_t k = 0; names[k] != NULL; k++) {
		if (k > 0)
			g_string_append(list, ", ");
		g_string_append(list, names[k]);
	}
	return list;
}

/* Sort the members of obj into f; an unknown key is an error. */
static int
collect(fields *f, const char *const *names, struct json_object *obj, const char *path)
{
	memset(f, 0, sizeof *f);
	f->names = names;
	json_object_object_foreach(obj, key, value) {
		size_t k = 0;

		while (names[k] != NULL && strcmp(names[k], key) != 0)
			k++;
		if (names[k] == NULL) {
			char quoted[MKG_QUOTE_BUFSIZE];
			GString *expected = join_names(names);
			GString *where = g_string_new(path);
			int rc;

			/* Name the key as a path step when it reads as one. */
			if (mkg__json_is_plain_key(key) && strlen(key) <= 48)
				g_string_append_printf(where, ".%s", key);
			else
				g_string_append_printf(where, "[%s]",
				                       mkg__quote(quoted, key));
			rc = mkg__error(MKG_EDATA, "%s: unknown field (expected %s)", where->str,
			                expected->str);
			g_string_free(expected, TRUE);
			g_string_free(where, TRUE);
			return rc;
		}
		f->value[k] = value;
		f->has[k] = true;
	}
	return MKG_OK;
}

/* ---- typed fields --------------------------------------------------------- */

/* A string field: absent leaves *out NULL. */
static int
get_string(const fields *f, int k, const char *path, const char **out)
{
	char what[WHAT_LEN];
	struct json_object *v = f->value[k];

	if (!f->has[k])
		return MKG_OK;
	if (!json_object_is_type(v, json_type_string))
		return mkg__error(MKG_EDATA, "%s.%s: must be a string, got %s", path, f->names[k],
		                  mkg__json_describe(v, what, sizeof what));
	if (strlen(json_object_get_string(v)) != (size_t)json_object_get_string_len(v))
		return mkg__error(MKG_EDATA, "%s.%s: contains a NUL character (\\u0000)", path,
		                  f->names[k]);
	*out = json_object_get_string(v);
	return MKG_OK;
}

/* A number >= 0 (or in [0, 1] when unit is set); absent leaves *out. */
static int
check_number(struct json_object *v, const char *path, const char *field, bool unit, double *out)
{
	char what[WHAT_LEN];
	const char *range = unit ? "in [0, 1]" : ">= 0";
	double d;

	if (!json_object_is_type(v, json_type_double) && !json_object_is_type(v, json_type_int))
		return mkg__error(MKG_EDATA, "%s.%s: must be a number %s, got %s", path, field, range,
		                  mkg__json_describe(v, what, sizeof what));
	d = json_object_is_type(v, json_type_int) ? (double)json_object_get_int64(v)
	                                           : json_object_get_double(v);
	if (!isfinite(d))
		return mkg__error(MKG_EDATA, "%s.%s: must be a finite number %s, got %s", path, field,
		                  range, mkg__json_describe(v, what, sizeof what));
	if (d < 0 || (unit && d > 1))
		return mkg__error(MKG_EDATA, "%s.%s: must be a number %s, got %s", path, field, range,
		                  mkg__json_describe(v, what, sizeof what));
	*out = d == 0 ? 0.0 : d; /* -0 reads as 0 */
	return MKG_OK;
}

static int
get_number(const fields *f, int k, const char *path, double *out)
{
	if (!f->has[k])
		return MKG_OK;
	return check_number(f->value[k], path, f->names[k], false, out);
}

static int
get_count(const fields *f, int k, const char *path, int64_t *out)
{
	char what[WHAT_LEN];
	struct json_object *v = f->value[k];

	if (!f->has[k])
		return MKG_OK;
	if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) < 0)
		return mkg__error(MKG_EDATA, "%s.%s: must be an integer >= 0, got %s", path,
		                  f->names[k], mkg__json_describe(v, what, sizeof what));
	*out = json_object_get_int64(v);
	return MKG_OK;
}

/* firms: an integer >= 1 (absent leaves *out, -1). */
static int
get_firms(const fields *f, int k, const char *path, int64_t *out)
{
	char what[WHAT_LEN];
	struct json_object *v = f->value[k];

	if (!f->has[k])
		return MKG_OK;
	if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) < 1)
		return mkg__error(MKG_EDATA, "%s.%s: must be an integer >= 1, got %s", path,
		                  f->names[k], mkg__json_describe(v, what, sizeof what));
	*out = json_object_get_int64(v);
	return MKG_OK;
}

/* A number > 0 (input_per_unit): the type here, the range in the model. */
static int
get_positive(const fields *f, int k, const char *path, double *out)
{
	char what[WHAT_LEN];
	struct json_object *v = f->value[k];
	double d;

	if (!f->has[k])
		return MKG_OK;
	if (!json_object_is_type(v, json_type_double) && !json_object_is_type(v, json_type_int))
		return mkg__error(MKG_EDATA, "%s.%s: must be a number > 0, got %s", path, f->names[k],
		                  mkg__json_describe(v, what, sizeof what));
	d = json_object_is_type(v, json_type_int) ? (double)json_object_get_int64(v)
	                                           : json_object_get_double(v);
	if (!isfinite(d) || d <= 0)
		return mkg__error(MKG_EDATA, "%s.%s: must be a %snumber > 0, got %s", path,
		                  f->names[k], isfinite(d) ? "" : "finite ",
		                  mkg__json_describe(v, what, sizeof what));
	*out = d;
	return MKG_OK;
}

static int
get_bool(const fields *f, int k, const char *path, int *out)
{
	char what[WHAT_LEN];
	struct json_object *v = f->value[k];

	if (!f->has[k])
		return MKG_OK;
	if (!json_object_is_type(v, json_type_boolean))
		return mkg__error(MKG_EDATA, "%s.%s: must be true or false, got %s", path,
		                  f->names[k], mkg__json_describe(v, what, sizeof what));
	*out = json_object_get_boolean(v) ? 1 : 0;
	return MKG_OK;
}

/* An enumeration field, by its names name_of(0..count-1) (NULL names skipped). */
static int
get_enum(const fields *f, int k, const char *path, const char *(*name_of)(int), int count,
         int *out)
{
	const char *s = NULL;
	char quoted[MKG_QUOTE_BUFSIZE];
	GString *expected;
	int rc;

	if ((rc = get_string(f, k, path, &s)) != MKG_OK || s == NULL)
		return rc;
	for (int i = 0; i < count; i++) {
		if (name_of(i) != NULL && strcmp(name_of(i), s) == 0) {
			*out = i;
			return MKG_OK;
		}
	}
	expected = g_string_new(NULL);
	for (int i = 0; i < count; i++) {
		if (name_of(i) == NULL)
			continue;
		if (expected->len > 0)
			g_string_append(expected, ", ");
		g_string_append(expected, name_of(i));
	}
	rc = mkg__error(MKG_EDATA, "%s.%s: unknown %s %s (expected %s)", path, f->names[k],
	                f->names[k], mkg__quote(quoted, s), expected->str);
	g_string_free(expected, TRUE);
	return rc;
}

static const char *kind_name(int i) { return mkg_actor_kind_name((mkg_actor_kind)i); }
static const char *contract_name(int i) { return mkg_contract_name((mkg_contract)i); }
static const char *type_name(int i) { return mkg_facilitation_type_name((mkg_facilitation_type)i); }
static const char *function_name(int i) { return mkg_function_name((mkg_function)i); }
static const char *exit_name(int i) { return mkg_exit_name((mkg_exit)i); }

/* An array of strings into out (pointers borrowed from json-c). */
static int
get_string_array(struct json_object *v, const char *path, const char *field, const char *what_items,
                 GPtrArray *out)
{
	char what[WHAT_LEN];
	size_t n;

	g_ptr_array_set_size(out, 0);
	if (!json_object_is_type(v, json_type_array))
		return mkg__error(MKG_EDATA, "%s.%s: must be an array of %s, got %s", path, field,
		                  what_items, mkg__json_describe(v, what, sizeof what));
	n = json_object_array_length(v);
	for (size_t k = 0; k < n; k++) {
		struct json_object *item = json_object_array_get_idx(v, k);
		if (!json_object_is_type(item, json_type_string))
			return mkg__error(MKG_EDATA, "%s.%s[%zu]: must be a string, got %s", path, field,
			                  k, mkg__json_describe(item, what, sizeof what));
		if (strlen(json_object_get_string(item)) != (size_t)json_object_get_string_len(item))
			return mkg__error(MKG_EDATA, "%s.%s[%zu]: contains a NUL character (\\u0000)",
			                  path, field, k);
		g_ptr_array_add(out, (gpointer)json_object_get_string(item));
	}
	return MKG_OK;
}

static int
get_attributes(const fields *f, int k, const char *path, char **out)
{
	char where[PATH_MAX_LEN];

	if (!f->has[k])
		return MKG_OK;
	g_snprintf(where, sizeof where, "%s.%s", path, f->names[k]);
	return mkg__json_attributes_text(f->value[k], where, out);
}

static const char *type_name_of(struct json_object *v);

/* costs: an array of {"item", "amount", "period", "commodity"} objects
 * into out (mkg_cost; strings borrowed from json-c).  The model checks
 * what is required and the ranges. */
static int
get_costs(struct json_object *v, const char *path, GArray *out)
{
	char what[WHAT_LEN];
	size_t n;

	g_array_set_size(out, 0);
	if (!json_object_is_type(v, json_type_array))
		return mkg__error(MKG_EDATA, "%s.costs: must be an array of {\"item\", \"amount\"} "
		                  "objects, got %s", path, mkg__json_describe(v, what, sizeof what));
	n = json_object_array_length(v);
	for (size_t k = 0; k < n; k++) {
		struct json_object *item = json_object_array_get_idx(v, k);
		char where[PATH_MAX_LEN];
		mkg_cost c = { NULL, MKG_ABSENT, NULL, NULL };
		fields cf;
		int rc;

		g_snprintf(where, sizeof where, "%s.costs[%zu]", path, k);
		if (!json_object_is_type(item, json_type_object))
			return mkg__error(MKG_EDATA, "%s: expected an object, got %s", where,
			                  type_name_of(item));
		if ((rc = collect(&cf, cost_fields, item, where)) != MKG_OK ||
		    (rc = get_string(&cf, 0, where, &c.item)) != MKG_OK ||
		    (rc = get_number(&cf, 1, where, &c.amount)) != MKG_OK ||
		    (rc = get_string(&cf, 2, where, &c.period)) != MKG_OK ||
		    (rc = get_string(&cf, 3, where, &c.commodity)) != MKG_OK)
			return rc;
		g_array_append_val(out, c);
	}
	return MKG_OK;
}

/* ---- records ------------------------------------------------------------ */

/* Parse the record data[0..len) (an object: the caller checked its first
 * character) and sort its fields. */
static int
parse_record(mkg_json_reader *r, const char *data, size_t len, const char *path,
             const char *const *names, fields *f, struct json_object **obj)
{
	int rc = mkg__json_reader_parse(r, data, len, path, obj);

	if (rc != MKG_OK)
		return rc;
	if (r->skip_key != NULL)
		json_object_object_del(*obj, r->skip_key);
	return collect(f, names, *obj, path);
}

int
mkg__json_add_actor(mkg_json_reader *r, mkg_model *m, const char *data, size_t len)
{
	char path[PATH_MAX_LEN];
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
	struct json_object *obj = NULL;
	GArray *costs = NULL; /* only for an actor with costs: most have none */
	char *attributes = NULL;
	fields f;
	int kind = -1, rc;

	record_path(path, "actors", m->actors->len);
	if ((rc = parse_record(r, data, len, path, actor_fields, &f, &obj)) != MKG_OK ||
	    (rc = get_string(&f, A_ID, path, &d.id)) != MKG_OK ||
	    (rc = get_string(&f, A_NAME, path, &d.name)) != MKG_OK ||
	    (rc = get_enum(&f, A_KIND, path, kind_name, MKG_ACTOR_KIND_COUNT, &kind)) != MKG_OK ||
	    (rc = get_string(&f, A_REGION, path, &d.region)) != MKG_OK ||
	    (rc = get_count(&f, A_HOUSEHOLDS, path, &d.households)) != MKG_OK ||
	    (rc = get_firms(&f, A_FIRMS, path, &d.firms)) != MKG_OK ||
	    (rc = get_number(&f, A_CAPACITY, path, &d.capacity)) != MKG_OK ||
	    (rc = get_number(&f, A_SUPPLY, path, &d.supply)) != MKG_OK ||
	    (rc = get_number(&f, A_DEMAND, path, &d.demand)) != MKG_OK)
		goto out;
	d.kind = (mkg_actor_kind)kind;
	if (f.has[A_TAGS]) {
		if ((rc = get_string_array(f.value[A_TAGS], path, "tags", "strings", r->ids)) != MKG_OK)
			goto out;
		d.tags = (const char *const *)r->ids->pdata;
		d.tag_count = r->ids->len;
	}
	if (f.has[A_COSTS]) {
		costs = g_array_new(FALSE, FALSE, sizeof(mkg_cost));
		if ((rc = get_costs(f.value[A_COSTS], path, costs)) != MKG_OK)
			goto out;
		d.costs = (const mkg_cost *)(void *)costs->data;
		d.cost_count = costs->len;
	}
	if ((rc = get_attributes(&f, A_ATTRIBUTES, path, &attributes)) != MKG_OK)
		goto out;
	d.attributes = attributes;
	rc = mkg__model_add_actor(m, &d, MKG__ADD_TRUSTED_ATTRIBUTES, NULL);
out:
	if (costs != NULL)
		g_array_free(costs, TRUE);
	g_free(attributes);
	json_object_put(obj);
	return rc;
}

int
mkg__json_read_transaction(mkg_json_reader *r, const char *path, const char *data, size_t len,
                           mkg_transaction_desc *d, struct json_object **obj, char **attributes)
{
	fields f;
	int contract = MKG_CONTRACT_SPOT, rc;

	*d = (mkg_transaction_desc)MKG_TRANSACTION_DESC_INIT;
	*obj = NULL;
	*attributes = NULL;
	if ((rc = parse_record(r, data, len, path, transaction_fields, &f, obj)) != MKG_OK ||
	    (rc = get_string(&f, T_ID, path, &d->id)) != MKG_OK ||
	    (rc = get_string(&f, T_SELLER, path, &d->seller)) != MKG_OK ||
	    (rc = get_string(&f, T_BUYER, path, &d->buyer)) != MKG_OK ||
	    (rc = get_string(&f, T_COMMODITY, path, &d->commodity)) != MKG_OK ||
	    (rc = get_string(&f, T_LEVEL, path, &d->level)) != MKG_OK ||
	    (rc = get_number(&f, T_VOLUME, path, &d->volume)) != MKG_OK ||
	    (rc = get_number(&f, T_VALUE, path, &d->value)) != MKG_OK ||
	    (rc = get_string(&f, T_PERIOD, path, &d->period)) != MKG_OK ||
	    (rc = get_enum(&f, T_CONTRACT, path, contract_name, MKG_CONTRACT_COUNT, &contract)) !=
	            MKG_OK ||
	    (rc = get_bool(&f, T_SERVICE, path, &d->service)) != MKG_OK ||
	    (rc = get_number(&f, T_CAPACITY, path, &d->capacity)) != MKG_OK ||
	    (rc = get_attributes(&f, T_ATTRIBUTES, path, attributes)) != MKG_OK) {
		json_object_put(*obj);
		g_free(*attributes);
		*obj = NULL;
		*attributes = NULL;
		return rc;
	}
	d->contract = (mkg_contract)contract;
	d->attributes = *attributes;
	return MKG_OK;
}

int
mkg__json_add_transaction(mkg_json_reader *r, mkg_model *m, const char *data, size_t len)
{
	char path[PATH_MAX_LEN];
	mkg_transaction_desc d;
	struct json_object *obj;
	char *attributes;
	int rc;

	record_path(path, "transactions", m->transactions->len);
	if ((rc = mkg__json_read_transaction(r, path, data, len, &d, &obj, &attributes)) != MKG_OK)
		return rc;
	rc = mkg__model_add_transaction(m, &d, MKG__ADD_TRUSTED_ATTRIBUTES, NULL);
	g_free(attributes);
	json_object_put(obj);
	return rc;
}

/* targets: an object with only "actors" and/or "transactions" arrays. */
static int
get_targets(mkg_json_reader *r, struct json_object *v, const char *path, mkg_facilitation_desc *d)
{
	char where[PATH_MAX_LEN], what[WHAT_LEN];
	fields t;
	int rc;

	g_snprintf(where, sizeof where, "%s.targets", path);
	if (!json_object_is_type(v, json_type_object))
		return mkg__error(MKG_EDATA, "%s: must be an object with \"actors\" and/or "
		                  "\"transactions\", got %s", where,
		                  mkg__json_describe(v, what, sizeof what));
	if ((rc = collect(&t, target_fields, v, where)) != MKG_OK)
		return rc;
	if (t.has[0]) {
		if ((rc = get_string_array(t.value[0], where, "actors", "actor ids", r->ids)) != MKG_OK)
			return rc;
		d->target_actors = (const char *const *)r->ids->pdata;
		d->target_actor_count = r->ids->len;
	}
	if (t.has[1]) {
		if ((rc = get_string_array(t.value[1], where, "transactions", "transaction ids",
		                           r->ids2)) != MKG_OK)
			return rc;
		d->target_transactions = (const char *const *)r->ids2->pdata;
		d->target_transaction_count = r->ids2->len;
	}
	return MKG_OK;
}

/* The JSON type of a value, as the format's messages name it. */
static const char *
type_name_of(struct json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_null: return "null";
	case json_type_boolean: return "boolean";
	case json_type_int:
	case json_type_double: return "number";
	case json_type_string: return "string";
	case json_type_array: return "array";
	case json_type_object: return "object";
	}
	return "value";
}

/* paid_by: an array of {"actor": id, "share": number}, and at most one
 * {"embedded": [transaction ids], "share": number}, written last (the model
 * names it paid_by[N] after the N payers). */
static int
get_paid_by(mkg_json_reader *r, struct json_object *v, const char *path, mkg_facilitation_desc *d)
{
	static const mkg_payment none[1] = { { NULL, 0 } };
	char what[WHAT_LEN];
	size_t n;

	g_array_set_size(r->payments, 0);
	if (!json_object_is_type(v, json_type_array))
		return mkg__error(MKG_EDATA, "%s.paid_by: must be an array of {\"actor\", \"share\"} "
		                  "objects, got %s", path, mkg__json_describe(v, what, sizeof what));
	n = json_object_array_length(v);
	for (size_t k = 0; k < n; k++) {
		struct json_object *item = json_object_array_get_idx(v, k), *emb = NULL;
		char where[PATH_MAX_LEN];
		mkg_payment p = { NULL, MKG_ABSENT };
		fields pf;
		int rc;

		g_snprintf(where, sizeof where, "%s.paid_by[%zu]", path, k);
		if (!json_object_is_type(item, json_type_object))
			return mkg__error(MKG_EDATA, "%s: expected an object, got %s", where,
			                  type_name_of(item));
		if (json_object_object_get_ex(item, "embedded", &emb)) {
			if (json_object_object_get_ex(item, "actor", NULL))
				return mkg__error(MKG_EDATA, "%s: names an actor and \"embedded\", "
				                  "expected one of them", where);
			if (k + 1 != n)
				return mkg__error(MKG_EDATA, "%s: the \"embedded\" part must be the "
				                  "last item of paid_by", where);
			if ((rc = collect(&pf, embedded_fields, item, where)) != MKG_OK ||
			    (rc = get_string_array(emb, where, "embedded", "transaction ids",
			                           r->ids3)) != MKG_OK)
				return rc;
			if (r->ids3->len == 0)
				return mkg__error(MKG_EDATA, "%s.embedded: names no transaction", where);
			if (!pf.has[1])
				return mkg__error(MKG_EDATA, "%s.share: missing (required)", where);
			if ((rc = check_number(pf.value[1], where, "share", true,
			                       &d->embedded_share)) != MKG_OK)
				return rc;
			d->embedded = (const char *const *)r->ids3->pdata;
			d->embedded_count = r->ids3->len;
			n--;
			break;
		}
		if ((rc = collect(&pf, payment_fields, item, where)) != MKG_OK ||
		    (rc = get_string(&pf, 0, where, &p.actor)) != MKG_OK)
			return rc;
		if (!pf.has[1])
			return mkg__error(MKG_EDATA, "%s.share: missing (required)", where);
		if ((rc = check_number(pf.value[1], where, "share", true, &p.share)) != MKG_OK)
			return rc;
		g_array_append_val(r->payments, p);
	}
	/* Present but empty still counts as given: its shares sum to 0, not 1. */
	d->paid_by = n > 0 ? (const mkg_payment *)(void *)r->payments->data
	                   : d->embedded_count > 0 ? NULL : none;
	d->paid_by_count = n;
	return MKG_OK;
}

int
mkg__json_add_facilitation(mkg_json_reader *r, mkg_model *m, const char *data, size_t len)
{
	char path[PATH_MAX_LEN];
	mkg_facilitation_desc d = MKG_FACILITATION_DESC_INIT;
	struct json_object *obj = NULL;
	char *attributes = NULL;
	fields f;
	int type = MKG_FACILITATION_TYPE_UNSET, function = MKG_FUNCTION_UNSET;
	int exit = MKG_EXIT_NONE, rc;

	record_path(path, "facilitation", m->facilitation->len);
	if ((rc = parse_record(r, data, len, path, facilitation_fields, &f, &obj)) != MKG_OK ||
	    (rc = get_string(&f, F_ID, path, &d.id)) != MKG_OK ||
	    (rc = get_string(&f, F_FACILITATOR, path, &d.facilitator)) != MKG_OK ||
	    (rc = get_enum(&f, F_TYPE, path, type_name, MKG_FACILITATION_TYPE_COUNT, &type)) !=
	            MKG_OK ||
	    (rc = get_enum(&f, F_FUNCTION, path, function_name, MKG_FUNCTION_COUNT, &function)) !=
	            MKG_OK)
		goto out;
	/* Missing targets: the model reports that no target is given. */
	if (f.has[F_TARGETS] && (rc = get_targets(r, f.value[F_TARGETS], path, &d)) != MKG_OK)
		goto out;
	if ((rc = get_string(&f, F_START, path, &d.start)) != MKG_OK ||
	    (rc = get_string(&f, F_END, path, &d.end)) != MKG_OK ||
	    (rc = get_enum(&f, F_EXIT, path, exit_name, MKG_EXIT_COUNT, &exit)) != MKG_OK ||
	    (rc = get_string(&f, F_SUCCESSOR, path, &d.successor)) != MKG_OK ||
	    (rc = get_number(&f, F_COST, path, &d.cost)) != MKG_OK)
		goto out;
	if (f.has[F_PAID_BY] && (rc = get_paid_by(r, f.value[F_PAID_BY], path, &d)) != MKG_OK)
		goto out;
	if ((rc = get_attributes(&f, F_ATTRIBUTES, path, &attributes)) != MKG_OK)
		goto out;
	d.type = (mkg_facilitation_type)type;
	d.function = (mkg_function)function;
	d.exit = (mkg_exit)exit;
	d.attributes = attributes;
	rc = mkg__model_add_facilitation(m, &d, MKG__ADD_TRUSTED_ATTRIBUTES, NULL);
out:
	g_free(attributes);
	json_object_put(obj);
	return rc;
}

int
mkg__json_add_membership(mkg_json_reader *r, mkg_model *m, const char *data, size_t len)
{
	char path[PATH_MAX_LEN];
	mkg_membership_desc d = MKG_MEMBERSHIP_DESC_INIT;
	struct json_object *obj = NULL;
	fields f;
	int rc;

	record_path(path, "memberships", m->memberships->len);
	if ((rc = parse_record(r, data, len, path, membership_fields, &f, &obj)) == MKG_OK &&
	    (rc = get_string(&f, M_GROUP, path, &d.group)) == MKG_OK &&
	    (rc = get_string(&f, M_MEMBER, path, &d.member)) == MKG_OK &&
	    (rc = get_string(&f, M_SINCE, path, &d.since)) == MKG_OK &&
	    (rc = get_string(&f, M_ROLE, path, &d.role)) == MKG_OK)
		rc = mkg_model_add_membership(m, &d, NULL);
	json_object_put(obj);
	return rc;
}

int
mkg__json_add_commodity(mkg_json_reader *r, mkg_model *m, const char *data, size_t len)
{
	char path[PATH_MAX_LEN];
	mkg_commodity_desc d = MKG_COMMODITY_DESC_INIT;
	struct json_object *obj = NULL;
	char *attributes = NULL;
	fields f;
	int rc;

	record_path(path, "commodities", m->commodities->len);
	if ((rc = parse_record(r, data, len, path, commodity_fields, &f, &obj)) != MKG_OK ||
	    (rc = get_string(&f, C_ID, path, &d.id)) != MKG_OK ||
	    (rc = get_string(&f, C_UNIT, path, &d.unit)) != MKG_OK ||
	    (rc = get_bool(&f, C_SERVICE, path, &d.service)) != MKG_OK ||
	    (rc = get_bool(&f, C_TRANSFER, path, &d.transfer)) != MKG_OK ||
	    (rc = get_string(&f, C_MADE_FROM, path, &d.made_from)) != MKG_OK ||
	    (rc = get_positive(&f, C_INPUT_PER_UNIT, path, &d.input_per_unit)) != MKG_OK ||
	    (rc = get_attributes(&f, C_ATTRIBUTES, path, &attributes)) != MKG_OK)
		goto out;
	d.attributes = attributes;
	rc = mkg__model_add_commodity(m, &d, MKG__ADD_TRUSTED_ATTRIBUTES, NULL);
out:
	g_free(attributes);
	json_object_put(obj);
	return rc;
}

/* ---- document fields ------------------------------------------------------ */

int
mkg__json_set_header_field(mkg_json_reader *r, mkg_model *m, const char *key, const char *data,
                           size_t len)
{
	static const char *const header_fields[] = { "name", "currency", "volume_unit", "period",
	                                             "attributes", NULL };
	struct json_object *obj = NULL;
	const char *s = NULL;
	char *attributes = NULL;
	int rc, k = 0;

	while (header_fields[k] != NULL && strcmp(header_fields[k], key) != 0)
		k++;
	if (header_fields[k] == NULL)
		return mkg__error(MKG_ERROR, "%s: not a document field", key);
	if ((rc = mkg__json_reader_parse(r, data, len, key, &obj)) != MKG_OK)
		return rc;
	if (strcmp(key, "attributes") == 0) {
		rc = mkg__json_attributes_text(obj, "attributes", &attributes);
		if (rc == MKG_OK)
			rc = mkg__model_set_attributes(m, attributes, MKG__ADD_TRUSTED_ATTRIBUTES);
		g_free(attributes);
	} else {
		char what[WHAT_LEN];
		if (!json_object_is_type(obj, json_type_string))
			rc = mkg__error(MKG_EDATA, "%s: must be a string, got %s", key,
			                mkg__json_describe(obj, what, sizeof what));
		else if (strlen(json_object_get_string(obj)) != (size_t)json_object_get_string_len(obj))
			rc = mkg__error(MKG_EDATA, "%s: contains a NUL character (\\u0000)", key);
		else
			s = json_object_get_string(obj);
		if (rc == MKG_OK) {
			if (k == 0)
				rc = mkg_model_set_name(m, s);
			else if (k == 1)
				rc = mkg_model_set_currency(m, s);
			else if (k == 2)
				rc = mkg_model_set_volume_unit(m, s);
			else
				rc = mkg_model_set_period(m, s);
		}
	}
	json_object_put(obj);
	return rc;
}
