/* marketgraph: importing a model from CSV tables (docs/interop.md).
 *
 * Each table is read row by row (csv-parse.c).  This file checks what
 * only the CSV form can get wrong: the header, the number of cells, the
 * text of numbers, booleans, enumeration names and lists.  Every other
 * rule is the model's: its add functions check references, duplicate ids,
 * ranges, dates and paid_by sums, and their messages, which name a JSON
 * path (`transactions[3].buyer: ...`), are reworded here to name the file,
 * the line and the column (`transactions.csv: line 7, column 3 (buyer): ...`).
 * The rules that join records of different tables (made_from chains, the
 * services' transactions) are checked by mkg_model_validate() once every
 * table is in; its messages are reworded to the place of the cell too, so
 * each table's readers keep the line of every record until then.
 * The tables fill a fresh model that is freed on any error, so the import
 * is atomic.
 *
 * SPDX-License-Identifier: MIT */
#include "csv-private.h"
#include "io-private.h"
#include "core-private.h"

#include <errno.h>
#include <json-c/json.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Room for a value quoted in a message (48 characters, escaped). */
#define QUOTE_LEN MKG_QUOTE_BUFSIZE

/* One table being read. */
typedef struct table_reader {
	mkg_csv_parser p;
	const mkg_csv_schema *schema;
	int pos[MKG_CSV_MAX_COLUMNS]; /* cell index of each column, -1 when absent */
	size_t ncells;                /* cells in the header */
	GArray *lines;                /* size_t: the line of each record added */
	GHashTable *spread;           /* record -> size_t[column]: the line of each cell, only for
	                               * rows that span lines (a quoted line end); for the
	                               * messages of mkg_model_validate() */
	GStringChunk *strings;        /* text made for the current row */
	GString *tmp;
	GPtrArray *items, *items2;    /* list items of the current row */
	GPtrArray *items3;            /* paid_by items of the current row */
	GArray *payments;             /* mkg_payment of the current row */
	GArray *costs;                /* mkg_cost of the current row */
} table_reader;

/* ---- messages ------------------------------------------------------------- */

static int cell_fail(const table_reader *t, int col, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* MKG_EDATA `NAME: line L, column C (column): what` for a cell. */
static int
cell_fail(const table_reader *t, int col, const char *fmt, ...)
{
	const mkg_csv_cell *c = MKG_CSV_CELL(&t->p, t->pos[col]);
	va_list ap;
	char *what;
	int rc;

	va_start(ap, fmt);
	what = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	rc = mkg__error(MKG_EDATA, "%s: line %zu, column %d (%s): %s", t->p.name, c->line,
	                t->pos[col] + 1, t->schema->columns[col], what);
	g_free(what);
	return rc;
}

static const char *
quote(const char *s, char buf[QUOTE_LEN])
{
	return mkg__quote(buf, s);
}

/* "a, b, c": the names of an enumeration or the columns of a table. */
static void
join(GString *out, const char *(*name_of)(int), int count)
{
	for (int i = 0; i < count; i++) {
		const char *name = name_of(i);
		if (name == NULL)
			continue;
		if (out->len > 0)
			g_string_append(out, ", ");
		g_string_append(out, name);
	}
}

/* Append the model's message s to out, with its closing "(first at
 * <array>[n])" naming the line of that record instead, and "(also
 * paid_by[k])" the item.  Only at the end, where the model puts them: a
 * quoted id earlier in the message may hold anything. */
static void
reword(const table_reader *t, GString *out, const char *s)
{
	char first[48], *end;
	const char *at;
	unsigned long n;

	g_snprintf(first, sizeof first, "(first at %s[", t->schema->array);
	if ((at = g_strrstr(s, first)) != NULL) {
		n = strtoul(at + strlen(first), &end, 10);
		if (g_ascii_isdigit(at[strlen(first)]) && strcmp(end, "])") == 0 &&
		    n < t->lines->len) {
			g_string_append_len(out, s, at - s);
			g_string_append_printf(out, "(first at line %zu)",
			                       g_array_index(t->lines, size_t, n));
			return;
		}
	}
	if ((at = g_strrstr(s, "(also paid_by[")) != NULL) {
		n = strtoul(at + 14, &end, 10);
		if (g_ascii_isdigit(at[14]) && strcmp(end, "])") == 0) {
			g_string_append_len(out, s, at - s);
			g_string_append_printf(out, "(also item %lu)", n + 1);
			return;
		}
	}
	g_string_append(out, s);
}

/*
 * Reword the model's message about field path (`tags[1]`, `paid_by[0].share`,
 * `targets`) into one about the column it names, and record it with code.
 */
static int
relay_field(const table_reader *t, int code, const char *field, const char *what)
{
	const mkg_csv_schema *sc = t->schema;
	GString *msg = g_string_new(NULL);
	int best = -1;
	size_t best_len = 0;
	const char *rest;
	int rc;

	for (size_t k = 0; k < sc->count; k++) {
		size_t n = strlen(sc->columns[k]);
		if (n > best_len && strncmp(field, sc->columns[k], n) == 0 &&
		    (field[n] == '\0' || field[n] == '[' || field[n] == '.'))
			best = (int)k, best_len = n;
	}
	if (best < 0 || t->pos[best] < 0) {
		/* No such column in this file (`successor: missing, ...`). */
		g_string_append_printf(msg, "%s: line %zu: %s: ", t->p.name, t->p.row_line, field);
		reword(t, msg, what);
		rc = mkg__error(code, "%s", msg->str);
		g_string_free(msg, TRUE);
		return rc;
	}
	rest = field + best_len;
	if (rest[0] == '[') {
		char *end;
		unsigned long n = strtoul(rest + 1, &end, 10);
		if (*end == ']' && end[1] == '\0')
			g_string_append_printf(msg, "item %lu: ", n + 1);
		else if (*end == ']' && end[1] == '.')
			g_string_append_printf(msg, "item %lu (%s): ", n + 1, end + 2);
		else
			g_string_append_printf(msg, "%s: ", field);
	} else if (rest[0] != '\0') {
		g_string_append_printf(msg, "%s: ", field);
	}
	/* A JSON syntax error inside the cell has its own line and column. */
	if (strcmp(sc->columns[best], "attributes") == 0 && g_str_has_prefix(what, "line "))
		g_string_append(msg, "JSON text, ");
	reword(t, msg, what);
	rc = cell_fail(t, best, "%s", msg->str);
	g_string_free(msg, TRUE);
	return rc;
}

/* Reword the failure of an add function for the record of the current row. */
static int
relay(const table_reader *t, int code)
{
	char *msg = g_strdup(mkg_error_message());
	char *prefix = g_strdup_printf("%s[%u]", t->schema->array, t->lines->len);
	const char *rest = msg;
	int rc;

	if (code != MKG_EDATA || !g_str_has_prefix(msg, prefix)) {
		rc = mkg__error(code, "%s: line %zu: %s", t->p.name, t->p.row_line, msg);
	} else if ((rest = msg + strlen(prefix))[0] == ':') {
		GString *out = g_string_new(NULL);
		g_string_append_printf(out, "%s: line %zu: ", t->p.name, t->p.row_line);
		reword(t, out, rest[0] && rest[1] ? rest + 2 : "");
		rc = mkg__error(code, "%s", out->str);
		g_string_free(out, TRUE);
	} else {
		char *sep = strstr(rest, ": ");
		if (rest[0] != '.' || sep == NULL) {
			rc = mkg__error(code, "%s: line %zu: %s", t->p.name, t->p.row_line, msg);
		} else {
			*sep = '\0';
			rc = relay_field(t, code, rest + 1, sep + 2);
		}
	}
	g_free(prefix);
	g_free(msg);
	return rc;
}

/* ---- cells ---------------------------------------------------------------- */

static const mkg_csv_cell *
cell(const table_reader *t, int col)
{
	return t->pos[col] < 0 ? NULL : MKG_CSV_CELL(&t->p, t->pos[col]);
}

/* A text column, as written: NULL for an absent field (no such column, or
 * an unquoted empty cell; `""` is the empty string). */
static const char *
get_text(const table_reader *t, int col)
{
	const mkg_csv_cell *c = cell(t, col);

	return c == NULL || (c->len == 0 && !c->quoted) ? NULL : c->text;
}

/* A typed column without the white space around it: NULL when that leaves
 * nothing. */
static const char *
get_typed(table_reader *t, int col)
{
	const mkg_csv_cell *c = cell(t, col);
	size_t a = 0, b;

	if (c == NULL)
		return NULL;
	b = c->len;
	while (a < b && mkg__csv_is_space(c->text[a]))
		a++;
	while (b > a && mkg__csv_is_space(c->text[b - 1]))
		b--;
	if (a == b)
		return NULL;
	return g_string_chunk_insert_len(t->strings, c->text + a, (gssize)(b - a));
}

/* Whether s is a number as the CSV tables write them: -?D+(.D+)?([eE][+-]?D+)?
 * (leading zeros allowed, '.' as the decimal point). */
static bool
number_syntax(const char *s, bool integer)
{
	if (*s == '-')
		s++;
	if (!g_ascii_isdigit(*s))
		return false;
	while (g_ascii_isdigit(*s))
		s++;
	if (integer)
		return *s == '\0';
	if (*s == '.') {
		if (!g_ascii_isdigit(*++s))
			return false;
		while (g_ascii_isdigit(*s))
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!g_ascii_isdigit(*s))
			return false;
		while (g_ascii_isdigit(*s))
			s++;
	}
	return *s == '\0';
}

/* A number cell into *out (MKG_ABSENT when empty).  range (">= 0", "> 0")
 * is for the messages: the model checks it. */
static int
get_number_in(table_reader *t, int col, const char *range, double *out)
{
	const char *s = get_typed(t, col);
	char q[QUOTE_LEN];
	double d;

	*out = MKG_ABSENT;
	if (s == NULL)
		return MKG_OK;
	if (!number_syntax(s, false))
		return cell_fail(t, col, "must be a number %s, got %s%s", range, quote(s, q),
		                 strchr(s, ',') ? " (write numbers with '.' as the decimal point "
		                                  "and no thousands separator)" : "");
	d = g_ascii_strtod(s, NULL);
	if (!isfinite(d))
		return cell_fail(t, col, "must be a finite number %s, got %s", range, s);
	*out = d == 0 ? 0.0 : d;
	return MKG_OK;
}

static int
get_number(table_reader *t, int col, double *out)
{
	return get_number_in(t, col, ">= 0", out);
}

/* An integer >= 0 into *out (-1 when empty). */
static int
get_count(table_reader *t, int col, int64_t *out)
{
	const char *s = get_typed(t, col);
	char q[QUOTE_LEN];
	gint64 v;

	*out = -1;
	if (s == NULL)
		return MKG_OK;
	if (!number_syntax(s, true))
		return cell_fail(t, col, "must be an integer >= 0, got %s",
		                 number_syntax(s, false) ? s : quote(s, q));
	errno = 0;
	v = g_ascii_strtoll(s, NULL, 10);
	if (errno == ERANGE || v < 0)
		return cell_fail(t, col, "must be an integer >= 0, got %s", s);
	*out = v;
	return MKG_OK;
}

/* A boolean: true or false in any case (spreadsheets write TRUE). */
static int
get_bool(table_reader *t, int col, int *out)
{
	const char *s = get_typed(t, col);
	char q[QUOTE_LEN];

	if (s == NULL)
		return MKG_OK;
	if (g_ascii_strcasecmp(s, "true") == 0)
		*out = 1;
	else if (g_ascii_strcasecmp(s, "false") == 0)
		*out = 0;
	else
		return cell_fail(t, col, "must be true or false, got %s", quote(s, q));
	return MKG_OK;
}

static const char *kind_name(int i) { return mkg_actor_kind_name((mkg_actor_kind)i); }
static const char *contract_name(int i) { return mkg_contract_name((mkg_contract)i); }
static const char *type_name(int i) { return mkg_facilitation_type_name((mkg_facilitation_type)i); }
static const char *function_name(int i) { return mkg_function_name((mkg_function)i); }
static const char *exit_name(int i) { return mkg_exit_name((mkg_exit)i); }

/* An enumeration by its format name; *out is left alone when empty. */
static int
get_enum(table_reader *t, int col, const char *(*name_of)(int), int count, int *out)
{
	const char *s = get_typed(t, col);
	char q[QUOTE_LEN];
	GString *expected;
	int rc;

	if (s == NULL)
		return MKG_OK;
	for (int i = 0; i < count; i++) {
		const char *name = name_of(i);
		if (name != NULL && strcmp(name, s) == 0) {
			*out = i;
			return MKG_OK;
		}
	}
	expected = g_string_new(NULL);
	join(expected, name_of, count);
	rc = cell_fail(t, col, "unknown %s %s (expected %s)", t->schema->columns[col], quote(s, q),
	               expected->str);
	g_string_free(expected, TRUE);
	return rc;
}

/* ---- lists ---------------------------------------------------------------- */

/* The JSON form of a list cell: check its syntax; return the offset past '['. */
static int
json_open(table_reader *t, int col, const char *s, size_t len, size_t *i)
{
	mkg_json_syntax_error err;
	size_t line, column;

	if (!mkg__json_syntax_check(s, len, MKG_JSON_MAX_DEPTH, &err)) {
		mkg__json_line_column(s, err.offset, &line, &column);
		return cell_fail(t, col, "JSON text, line %zu, column %zu: %s", line, column, err.what);
	}
	*i = mkg__json_skip_ws(s, len, 0) + 1;
	return MKG_OK;
}

/* Past the ',' after an item of a JSON array (the syntax is known good);
 * true at its closing ']'. */
static bool
json_next(const char *s, size_t len, size_t *i)
{
	*i = mkg__json_skip_ws(s, len, *i);
	if (s[*i] == ',') {
		*i = mkg__json_skip_ws(s, len, *i + 1);
		return false;
	}
	return s[*i] == ']';
}

/* The string at s[*i] into the row's strings; MKG_EDATA if it holds a NUL. */
static int
json_string_item(table_reader *t, int col, const char *s, size_t len, size_t *i, unsigned item,
                 const char *what, const char **out)
{
	*i = mkg__json_decode_string(s, len, *i, t->tmp);
	if (memchr(t->tmp->str, '\0', t->tmp->len) != NULL)
		return cell_fail(t, col, "item %u%s contains a NUL character (\\u0000)", item, what);
	*out = g_string_chunk_insert_len(t->strings, t->tmp->str, (gssize)t->tmp->len);
	return MKG_OK;
}

/* The text of a list cell after its leading white space; NULL when empty. */
static const char *
list_text(const table_reader *t, int col)
{
	const mkg_csv_cell *c = cell(t, col);
	const char *s;

	if (c == NULL)
		return NULL;
	for (s = c->text; mkg__csv_is_space(*s); s++)
		;
	return *s ? s : NULL;
}

/* Split "a; b;c" at ';' into trimmed items, each made a string of the row. */
static int
split_plain(table_reader *t, int col, const char *s, GPtrArray *items)
{
	for (unsigned item = 1;; item++) {
		const char *end = strchr(s, ';');
		const char *a = s, *b = end ? end : s + strlen(s);

		while (a < b && mkg__csv_is_space(*a))
			a++;
		while (b > a && mkg__csv_is_space(b[-1]))
			b--;
		if (a == b)
			return cell_fail(t, col, "item %u is empty (items are separated by ';')", item);
		g_ptr_array_add(items, g_string_chunk_insert_len(t->strings, a, (gssize)(b - a)));
		if (end == NULL)
			return MKG_OK;
		s = end + 1;
	}
}

/* A list of strings: "a;b;c" or a JSON array of strings. */
static int
get_list(table_reader *t, int col, GPtrArray *items)
{
	const char *s = list_text(t, col);
	size_t len, i = 0; /* = 0: scan-build cannot see cell_fail() fail */
	int rc;

	g_ptr_array_set_size(items, 0);
	if (s == NULL)
		return MKG_OK;
	if (s[0] != '[')
		return split_plain(t, col, s, items);
	len = strlen(s);
	if ((rc = json_open(t, col, s, len, &i)) != MKG_OK)
		return rc;
	i = mkg__json_skip_ws(s, len, i);
	for (unsigned item = 1; s[i] != ']'; item++) {
		const char *str = NULL;

		if (s[i] != '"')
			return cell_fail(t, col, "must be a JSON array of strings, item %u is not a "
			                 "string (%s)", item, mkg__json_type_of_char(s[i]));
		if ((rc = json_string_item(t, col, s, len, &i, item, "", &str)) != MKG_OK)
			return rc;
		g_ptr_array_add(items, (gpointer)str);
		if (json_next(s, len, &i))
			break;
	}
	return MKG_OK;
}

/* A share as written in a paid_by cell. */
static int
parse_share(table_reader *t, int col, unsigned item, const char *s, double *out)
{
	char q[QUOTE_LEN];

	if (!number_syntax(s, false))
		return cell_fail(t, col, "item %u: the share must be a number in [0, 1], got %s", item,
		                 quote(s, q));
	*out = g_ascii_strtod(s, NULL);
	if (!isfinite(*out))
		return cell_fail(t, col, "item %u: the share must be a number in [0, 1], got %s", item, s);
	return MKG_OK;
}

/* The transaction ids of an {"embedded": [...]} item into t->items3. */
static int
json_embedded(table_reader *t, int col, const char *s, size_t len, size_t *i, unsigned item)
{
	if (s[*i] != '[')
		return cell_fail(t, col, "item %u: \"embedded\" must be an array of transaction ids, "
		                 "got %s", item, mkg__json_type_of_char(s[*i]));
	*i = mkg__json_skip_ws(s, len, *i + 1);
	while (s[*i] != ']') {
		const char *str = NULL;
		int rc;

		if (s[*i] != '"')
			return cell_fail(t, col, "item %u: \"embedded\" must be an array of transaction "
			                 "ids, got %s in it", item, mkg__json_type_of_char(s[*i]));
		if ((rc = json_string_item(t, col, s, len, i, item, " (embedded)", &str)) != MKG_OK)
			return rc;
		g_ptr_array_add(t->items3, (gpointer)str);
		*i = mkg__json_skip_ws(s, len, *i);
		if (s[*i] == ',')
			*i = mkg__json_skip_ws(s, len, *i + 1);
	}
	(*i)++;
	if (t->items3->len == 0)
		return cell_fail(t, col, "item %u: \"embedded\" names no transaction", item);
	return MKG_OK;
}

/* One {"actor": ..., "share": ...} of the JSON form of paid_by, or the
 * {"embedded": [...], "share": ...} part (p->actor stays NULL, its ids in
 * t->items3). */
static int
json_payment(table_reader *t, int col, const char *s, size_t len, size_t *i, unsigned item,
             mkg_payment *p)
{
	bool has_actor = false, has_share = false, has_embedded = false;
	char q[QUOTE_LEN];
	int rc;

	*i = mkg__json_skip_ws(s, len, *i + 1);
	while (s[*i] != '}') {
		size_t end;
		char *key, *num;

		*i = mkg__json_decode_string(s, len, *i, t->tmp);
		key = g_strndup(t->tmp->str, t->tmp->len);
		*i = mkg__json_skip_ws(s, len, mkg__json_skip_ws(s, len, *i) + 1); /* past ':' */
		if (strcmp(key, "actor") == 0 && !has_actor && !has_embedded) {
			has_actor = true;
			if (s[*i] != '"')
				rc = cell_fail(t, col, "item %u: \"actor\" must be a string, got %s", item,
				               mkg__json_type_of_char(s[*i]));
			else
				rc = json_string_item(t, col, s, len, i, item, " (actor)", &p->actor);
		} else if (strcmp(key, "share") == 0 && !has_share) {
			has_share = true;
			end = mkg__json_skip_value(s, len, *i);
			num = g_strndup(s + *i, end - *i);
			if (s[*i] != '-' && !g_ascii_isdigit(s[*i]))
				rc = cell_fail(t, col, "item %u: \"share\" must be a number, got %s", item,
				               mkg__json_type_of_char(s[*i]));
			else
				rc = parse_share(t, col, item, num, &p->share);
			g_free(num);
			*i = end;
		} else if (strcmp(key, "embedded") == 0 && !has_embedded && !has_actor) {
			has_embedded = true;
			rc = json_embedded(t, col, s, len, i, item);
		} else if (strcmp(key, "actor") == 0 || strcmp(key, "share") == 0 ||
		           strcmp(key, "embedded") == 0) {
			rc = cell_fail(t, col, has_embedded || strcmp(key, "embedded") == 0
			                               ? "item %u: names an actor and \"embedded\", "
			                                 "expected one of them"
			                               : "item %u: duplicate key \"%s\"", item, key);
		} else {
			rc = cell_fail(t, col, "item %u: unknown key %s (expected actor, share)", item,
			               quote(key, q));
		}
		g_free(key);
		if (rc != MKG_OK)
			return rc;
		*i = mkg__json_skip_ws(s, len, *i);
		if (s[*i] == ',')
			*i = mkg__json_skip_ws(s, len, *i + 1);
	}
	(*i)++;
	if ((!has_actor && !has_embedded) || !has_share)
		return cell_fail(t, col, "item %u: \"%s\" missing (required)", item,
		                 has_actor || has_embedded ? "share" : "actor");
	return MKG_OK;
}

/* Who pays: "actor:share;actor:share" or a JSON array of {"actor", "share"}
 * objects, the last one possibly {"embedded": [ids], "share"} (its ids in
 * t->items3, its share in *embedded_share). */
static int
get_payments(table_reader *t, int col, GArray *out, double *embedded_share)
{
	const char *s = list_text(t, col);
	size_t len, i = 0; /* = 0: scan-build cannot see cell_fail() fail */
	int rc;

	g_array_set_size(out, 0);
	g_ptr_array_set_size(t->items3, 0);
	if (s == NULL)
		return MKG_OK;
	if (s[0] != '[') {
		GPtrArray *items = t->items3;
		char q[QUOTE_LEN];

		g_ptr_array_set_size(items, 0);
		if ((rc = split_plain(t, col, s, items)) != MKG_OK)
			return rc;
		for (guint k = 0; k < items->len; k++) {
			char *item = g_ptr_array_index(items, k);
			char *colon = strrchr(item, ':');
			char *share;
			mkg_payment p;

			if (colon == NULL || colon == item)
				return cell_fail(t, col, "item %u: expected actor:share, got %s", k + 1,
				                 quote(item, q));
			/* The item is the row's own copy: cut it in two and trim. */
			for (share = colon + 1; mkg__csv_is_space(*share); share++)
				;
			*colon = '\0';
			while (colon > item && mkg__csv_is_space(colon[-1]))
				*--colon = '\0';
			if ((rc = parse_share(t, col, k + 1, share, &p.share)) != MKG_OK)
				return rc;
			p.actor = item;
			g_array_append_val(out, p);
		}
		g_ptr_array_set_size(items, 0); /* the strings stay in t->strings; no embedded part */
		return MKG_OK;
	}
	len = strlen(s);
	if ((rc = json_open(t, col, s, len, &i)) != MKG_OK)
		return rc;
	i = mkg__json_skip_ws(s, len, i);
	for (unsigned item = 1; s[i] != ']'; item++) {
		mkg_payment p = { NULL, 0 };

		if (s[i] != '{')
			return cell_fail(t, col, "must be a JSON array of {\"actor\", \"share\"} objects, "
			                 "item %u is not an object (%s)", item, mkg__json_type_of_char(s[i]));
		if ((rc = json_payment(t, col, s, len, &i, item, &p)) != MKG_OK)
			return rc;
		if (p.actor == NULL) { /* the embedded part: the model names it after the payers */
			*embedded_share = p.share;
			if (!json_next(s, len, &i))
				return cell_fail(t, col, "item %u: the \"embedded\" part must be the last "
				                 "item", item);
			break;
		}
		g_array_append_val(out, p);
		if (json_next(s, len, &i))
			break;
	}
	return MKG_OK;
}

/* costs: a JSON array of {"item", "amount", "period", "commodity"} objects,
 * as the format has them, into t->costs (strings kept in t->strings); the
 * model checks what is required and the ranges. */
static int
get_costs(table_reader *t, int col)
{
	static const char *const fields[] = { "item", "amount", "period", "commodity", NULL };
	const char *s = get_typed(t, col);
	struct json_object *v;
	int rc = MKG_OK;

	g_array_set_size(t->costs, 0);
	if (s == NULL)
		return MKG_OK;
	v = json_tokener_parse(s);
	if (v == NULL || !json_object_is_type(v, json_type_array)) {
		json_object_put(v);
		return cell_fail(t, col, "must be a JSON array of {\"item\", \"amount\"} objects");
	}
	for (size_t k = 0; k < json_object_array_length(v) && rc == MKG_OK; k++) {
		struct json_object *item = json_object_array_get_idx(v, k);
		mkg_cost c = { NULL, MKG_ABSENT, NULL, NULL };

		if (!json_object_is_type(item, json_type_object)) {
			rc = cell_fail(t, col, "item %zu is not an object", k + 1);
			break;
		}
		json_object_object_foreach(item, key, value) {
			int f = 0;

			while (fields[f] != NULL && strcmp(fields[f], key) != 0)
				f++;
			if (fields[f] == NULL) {
				rc = cell_fail(t, col, "item %zu: unknown field (expected item, amount, "
				               "period, commodity)", k + 1);
				break;
			}
			if (f == 1 && (json_object_is_type(value, json_type_int) ||
			               json_object_is_type(value, json_type_double))) {
				c.amount = json_object_get_double(value);
			} else if (f != 1 && json_object_is_type(value, json_type_string)) {
				const char *text = g_string_chunk_insert(t->strings,
				                                         json_object_get_string(value));
				*(f == 0 ? &c.item : f == 2 ? &c.period : &c.commodity) = text;
			} else {
				rc = cell_fail(t, col, "item %zu (%s): must be %s", k + 1, key,
				               f == 1 ? "a number" : "a string");
				break;
			}
		}
		g_array_append_val(t->costs, c);
	}
	json_object_put(v);
	return rc;
}

/* ---- records -------------------------------------------------------------- */

static int
add_actor(table_reader *t, mkg_model *m)
{
	mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
	int kind = MKG_ACTOR_KIND_UNSET, rc;

	d.id = get_text(t, MKG_CA_ID);
	d.name = get_text(t, MKG_CA_NAME);
	d.region = get_text(t, MKG_CA_REGION);
	if ((rc = get_enum(t, MKG_CA_KIND, kind_name, MKG_ACTOR_KIND_COUNT, &kind)) != MKG_OK ||
	    (rc = get_count(t, MKG_CA_HOUSEHOLDS, &d.households)) != MKG_OK ||
	    (rc = get_count(t, MKG_CA_FIRMS, &d.firms)) != MKG_OK ||
	    (rc = get_number(t, MKG_CA_CAPACITY, &d.capacity)) != MKG_OK ||
	    (rc = get_number(t, MKG_CA_SUPPLY, &d.supply)) != MKG_OK ||
	    (rc = get_number(t, MKG_CA_DEMAND, &d.demand)) != MKG_OK ||
	    (rc = get_list(t, MKG_CA_TAGS, t->items)) != MKG_OK)
		return rc;
	d.kind = (mkg_actor_kind)kind;
	d.tags = (const char *const *)t->items->pdata;
	d.tag_count = t->items->len;
	if ((rc = get_costs(t, MKG_CA_COSTS)) != MKG_OK)
		return rc;
	d.costs = (const mkg_cost *)(void *)t->costs->data;
	d.cost_count = t->costs->len;
	d.attributes = get_typed(t, MKG_CA_ATTRIBUTES);
	if ((rc = mkg_model_add_actor(m, &d, NULL)) != MKG_OK)
		return relay(t, rc);
	return MKG_OK;
}

static int
add_transaction(table_reader *t, mkg_model *m)
{
	mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;
	int contract = MKG_CONTRACT_SPOT, rc;

	d.id = get_text(t, MKG_CT_ID);
	d.seller = get_text(t, MKG_CT_SELLER);
	d.buyer = get_text(t, MKG_CT_BUYER);
	d.commodity = get_text(t, MKG_CT_COMMODITY);
	d.period = get_text(t, MKG_CT_PERIOD);
	d.level = get_text(t, MKG_CT_LEVEL);
	if ((rc = get_number(t, MKG_CT_VOLUME, &d.volume)) != MKG_OK ||
	    (rc = get_number(t, MKG_CT_VALUE, &d.value)) != MKG_OK ||
	    (rc = get_enum(t, MKG_CT_CONTRACT, contract_name, MKG_CONTRACT_COUNT, &contract)) != MKG_OK ||
	    (rc = get_bool(t, MKG_CT_SERVICE, &d.service)) != MKG_OK ||
	    (rc = get_number(t, MKG_CT_CAPACITY, &d.capacity)) != MKG_OK)
		return rc;
	d.contract = (mkg_contract)contract;
	d.attributes = get_typed(t, MKG_CT_ATTRIBUTES);
	if ((rc = mkg_model_add_transaction(m, &d, NULL)) != MKG_OK)
		return relay(t, rc);
	return MKG_OK;
}

static int
add_facilitation(table_reader *t, mkg_model *m)
{
	mkg_facilitation_desc d = MKG_FACILITATION_DESC_INIT;
	int type = MKG_FACILITATION_TYPE_UNSET, function = MKG_FUNCTION_UNSET;
	int exit = MKG_EXIT_NONE, rc;

	d.id = get_text(t, MKG_CF_ID);
	d.facilitator = get_text(t, MKG_CF_FACILITATOR);
	d.successor = get_text(t, MKG_CF_SUCCESSOR);
	if ((rc = get_enum(t, MKG_CF_TYPE, type_name, MKG_FACILITATION_TYPE_COUNT, &type)) != MKG_OK ||
	    (rc = get_enum(t, MKG_CF_FUNCTION, function_name, MKG_FUNCTION_COUNT, &function)) != MKG_OK ||
	    (rc = get_list(t, MKG_CF_TARGET_ACTORS, t->items)) != MKG_OK ||
	    (rc = get_list(t, MKG_CF_TARGET_TRANSACTIONS, t->items2)) != MKG_OK)
		return rc;
	d.target_actors = (const char *const *)t->items->pdata;
	d.target_actor_count = t->items->len;
	d.target_transactions = (const char *const *)t->items2->pdata;
	d.target_transaction_count = t->items2->len;
	d.start = get_typed(t, MKG_CF_START);
	d.end = get_typed(t, MKG_CF_END);
	if ((rc = get_enum(t, MKG_CF_EXIT, exit_name, MKG_EXIT_COUNT, &exit)) != MKG_OK ||
	    (rc = get_number(t, MKG_CF_COST, &d.cost)) != MKG_OK ||
	    (rc = get_payments(t, MKG_CF_PAID_BY, t->payments, &d.embedded_share)) != MKG_OK)
		return rc;
	d.type = (mkg_facilitation_type)type;
	d.function = (mkg_function)function;
	d.exit = (mkg_exit)exit;
	if (t->payments->len > 0) {
		d.paid_by = (const mkg_payment *)(void *)t->payments->data;
		d.paid_by_count = t->payments->len;
	}
	if (t->items3->len > 0) {
		d.embedded = (const char *const *)t->items3->pdata;
		d.embedded_count = t->items3->len;
	}
	d.attributes = get_typed(t, MKG_CF_ATTRIBUTES);
	if ((rc = mkg_model_add_facilitation(m, &d, NULL)) != MKG_OK)
		return relay(t, rc);
	return MKG_OK;
}

static int
add_membership(table_reader *t, mkg_model *m)
{
	mkg_membership_desc d = MKG_MEMBERSHIP_DESC_INIT;
	int rc;

	d.group = get_text(t, MKG_CM_GROUP);
	d.member = get_text(t, MKG_CM_MEMBER);
	d.since = get_typed(t, MKG_CM_SINCE);
	d.role = get_text(t, MKG_CM_ROLE);
	if ((rc = mkg_model_add_membership(m, &d, NULL)) != MKG_OK)
		return relay(t, rc);
	return MKG_OK;
}

static int
add_commodity(table_reader *t, mkg_model *m)
{
	mkg_commodity_desc d = MKG_COMMODITY_DESC_INIT;
	int rc;

	d.id = get_text(t, MKG_CC_ID);
	d.unit = get_text(t, MKG_CC_UNIT);
	d.made_from = get_text(t, MKG_CC_MADE_FROM);
	if ((rc = get_bool(t, MKG_CC_SERVICE, &d.service)) != MKG_OK ||
	    (rc = get_bool(t, MKG_CC_TRANSFER, &d.transfer)) != MKG_OK ||
	    (rc = get_number_in(t, MKG_CC_INPUT_PER_UNIT, "> 0", &d.input_per_unit)) != MKG_OK)
		return rc;
	d.attributes = get_typed(t, MKG_CC_ATTRIBUTES);
	if ((rc = mkg_model_add_commodity(m, &d, NULL)) != MKG_OK)
		return relay(t, rc);
	return MKG_OK;
}

/* The document's one row. */
static int
set_document(table_reader *t, mkg_model *m)
{
	const char *attributes = get_typed(t, MKG_CD_ATTRIBUTES);
	int rc;

	/* The setters only fail on bad UTF-8, which the parser refused. */
	if ((rc = mkg_model_set_name(m, get_text(t, MKG_CD_NAME))) != MKG_OK ||
	    (rc = mkg_model_set_currency(m, get_text(t, MKG_CD_CURRENCY))) != MKG_OK ||
	    (rc = mkg_model_set_volume_unit(m, get_text(t, MKG_CD_VOLUME_UNIT))) != MKG_OK ||
	    (rc = mkg_model_set_period(m, get_text(t, MKG_CD_PERIOD))) != MKG_OK)
		return rc;
	if (attributes != NULL && (rc = mkg_model_set_attributes(m, attributes)) != MKG_OK) {
		/* "attributes: line 1, column 2: ..." or "attributes.k: ..." */
		char *msg = g_strdup(mkg_error_message());
		char *sep = strstr(msg, ": ");

		if (sep != NULL) {
			*sep = '\0';
			rc = relay_field(t, rc, msg, sep + 2);
		}
		g_free(msg);
	}
	return rc;
}

/* ---- tables --------------------------------------------------------------- */

static const char *
column_name(const table_reader *t, int i)
{
	return t->schema->columns[i];
}

/* A header cell for a message, escaped as a quoted string is but without
 * the quotes, cut after 48 characters (a file without a header row has
 * data there, of any length). */
static const char *
short_name(const char *name, char buf[QUOTE_LEN])
{
	GString *out = g_string_sized_new(QUOTE_LEN);

	mkg__text_escape(out, name, false, MKG_QUOTE_CHARS);
	g_strlcpy(buf, out->str, QUOTE_LEN);
	g_string_free(out, TRUE);
	return buf;
}

static int
header_fail(const table_reader *t, size_t k, const char *name, const char *what)
{
	GString *expected = g_string_new(NULL);
	char buf[QUOTE_LEN];
	int rc;

	for (size_t i = 0; i < t->schema->count; i++)
		g_string_append_printf(expected, "%s%s", i ? ", " : "", column_name(t, (int)i));
	rc = mkg__error(MKG_EPARSE, "%s: line %zu, column %zu (%s): %s (expected %s)", t->p.name,
	                MKG_CSV_CELL(&t->p, k)->line, k + 1, short_name(name, buf), what,
	                expected->str);
	g_string_free(expected, TRUE);
	return rc;
}

/* Map the header's names to columns. */
static int
read_header(table_reader *t)
{
	const mkg_csv_schema *sc = t->schema;
	int rc = mkg__csv_next_row(&t->p);

	if (rc < 0)
		return rc;
	for (size_t i = 0; i < sc->count; i++)
		t->pos[i] = -1;
	t->ncells = t->p.cells->len;
	for (guint k = 0; k < t->p.cells->len; k++) {
		char *name = g_strstrip(g_strdup(MKG_CSV_CELL(&t->p, k)->text));
		size_t i;

		for (i = 0; i < sc->count && strcmp(name, sc->columns[i]) != 0; i++)
			;
		if (name[0] == '\0') {
			rc = mkg__error(MKG_EPARSE, "%s: line %zu, column %u: empty column name; the first "
			                "row names the columns (delete empty columns)", t->p.name,
			                t->p.row_line, k + 1);
		} else if (i == sc->count) {
			rc = header_fail(t, k, name, "unknown column");
		} else if (t->pos[i] >= 0) {
			char what[64];
			g_snprintf(what, sizeof what, "duplicate column (first at column %d)",
			           t->pos[i] + 1);
			rc = mkg__error(MKG_EPARSE, "%s: line %zu, column %u (%s): %s", t->p.name,
			                t->p.row_line, k + 1, name, what);
		} else {
			t->pos[i] = (int)k;
		}
		g_free(name);
		if (rc < 0)
			return rc;
	}
	for (size_t i = 0; i < sc->count; i++)
		if (sc->required[i] && t->pos[i] < 0)
			return mkg__error(MKG_EPARSE, "%s: line %zu: missing column \"%s\" (required)",
			                  t->p.name, t->p.row_line, sc->columns[i]);
	t->p.max_cells = t->ncells;
	return MKG_OK;
}

/* Whether every cell of the row is unquoted and empty (a blank line). */
static bool
blank_row(const table_reader *t)
{
	for (guint k = 0; k < t->p.cells->len; k++) {
		const mkg_csv_cell *c = MKG_CSV_CELL(&t->p, k);
		if (c->len > 0 || c->quoted)
			return false;
	}
	return true;
}

/* Where the current row's cells start, kept for mkg_model_validate()'s
 * messages when the row spans lines (else every cell is on its first line). */
static void
keep_spread(table_reader *t, size_t record)
{
	size_t *at;

	if (t->p.cells->len == 0 ||
	    MKG_CSV_CELL(&t->p, t->p.cells->len - 1)->line == t->p.row_line)
		return;
	at = g_new(size_t, t->schema->count);
	for (size_t k = 0; k < t->schema->count; k++)
		at[k] = t->pos[k] < 0 ? t->p.row_line : MKG_CSV_CELL(&t->p, t->pos[k])->line;
	g_hash_table_insert(t->spread, GSIZE_TO_POINTER(record), at);
}

/* Read table into m with t, which the caller clears (reader_clear()): t
 * keeps the line of each record for the messages of mkg_model_validate(). */
static int
read_table(table_reader *t, mkg_model *m, mkg_csv_table table, const mkg_csv_buffer *buf,
           char sep)
{
	static const char *const default_names[MKG_CSV_TABLE_COUNT] = {
		"actors.csv", "transactions.csv", "facilitation.csv", "memberships.csv", "document.csv",
		"commodities.csv"
	};
	size_t rows = 0;
	int rc;

	t->schema = mkg__csv_schema(table);
	t->lines = g_array_new(FALSE, FALSE, sizeof(size_t));
	t->spread = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	t->strings = g_string_chunk_new(1024);
	t->tmp = g_string_new(NULL);
	t->items = g_ptr_array_new();
	t->items2 = g_ptr_array_new();
	t->items3 = g_ptr_array_new();
	t->payments = g_array_new(FALSE, FALSE, sizeof(mkg_payment));
	t->costs = g_array_new(FALSE, FALSE, sizeof(mkg_cost));
	rc = mkg__csv_parser_init(&t->p, buf->name ? buf->name : default_names[table],
	                          buf->len ? buf->data : "", buf->len, sep);
	if (rc == MKG_OK)
		rc = read_header(t);
	while (rc == MKG_OK && (rc = mkg__csv_next_row(&t->p)) == 1) {
		size_t line = t->p.row_line;

		rc = MKG_OK;
		if (blank_row(t))
			continue;
		if (t->p.cells->len < t->ncells) {
			rc = mkg__error(MKG_EPARSE, "%s: line %zu: %u cells, expected %zu (the header has "
			                "%zu columns)", t->p.name, line, t->p.cells->len, t->ncells,
			                t->ncells);
			break;
		}
		g_string_chunk_clear(t->strings);
		switch (table) {
		case MKG_CSV_ACTORS: rc = add_actor(t, m); break;
		case MKG_CSV_TRANSACTIONS: rc = add_transaction(t, m); break;
		case MKG_CSV_FACILITATION: rc = add_facilitation(t, m); break;
		case MKG_CSV_MEMBERSHIPS: rc = add_membership(t, m); break;
		case MKG_CSV_COMMODITIES: rc = add_commodity(t, m); break;
		case MKG_CSV_DOCUMENT:
			if (rows > 0)
				rc = mkg__error(MKG_EPARSE, "%s: line %zu: a second row; the document table "
				                "has one row (or none)", t->p.name, line);
			else
				rc = set_document(t, m);
			break;
		}
		if (rc == MKG_OK)
			keep_spread(t, t->lines->len);
		rows++;
		g_array_append_val(t->lines, line);
	}
	/* What the messages of mkg_model_validate() need is kept: the name,
	 * the header's columns, the lines. */
	if (t->p.cells != NULL)
		g_array_set_size(t->p.cells, 0);
	return rc;
}

static void
reader_clear(table_reader *t)
{
	if (t->lines == NULL)
		return;
	mkg__csv_parser_clear(&t->p);
	g_array_free(t->lines, TRUE);
	g_hash_table_destroy(t->spread);
	g_string_chunk_free(t->strings);
	g_string_free(t->tmp, TRUE);
	g_ptr_array_free(t->items, TRUE);
	g_ptr_array_free(t->items2, TRUE);
	g_ptr_array_free(t->items3, TRUE);
	g_array_free(t->payments, TRUE);
	g_array_free(t->costs, TRUE);
}

/* The line where record n's cell of column col starts. */
static size_t
record_line(const table_reader *t, size_t n, int col)
{
	const size_t *at = g_hash_table_lookup(t->spread, GSIZE_TO_POINTER(n));

	return at ? at[col] : g_array_index(t->lines, size_t, n);
}

/* Parse "ARRAY[N]" at the start of s: the reader of that table (one that
 * was read) and N; *rest past it. */
static table_reader *
record_of(table_reader *readers, const char *s, size_t *n, const char **rest)
{
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++) {
		table_reader *t = &readers[k];
		size_t len;
		char *end;

		if (t->lines == NULL)
			continue;
		len = strlen(t->schema->array);
		if (strncmp(s, t->schema->array, len) != 0 || s[len] != '[' ||
		    !g_ascii_isdigit(s[len + 1]))
			continue;
		*n = strtoul(s + len + 1, &end, 10);
		if (*end != ']' || *n >= t->lines->len)
			return NULL;
		*rest = end + 1;
		return t;
	}
	return NULL;
}

/*
 * Reword a message of mkg_model_validate(), `commodities[1].made_from: ...`
 * or `transactions[4].service: ... (commodities[0])`, to the place of the
 * cell (`commodities.csv: line 3, column 4 (made_from): ...`) and of the
 * record it names (`(commodities.csv, line 2)`; `(line 2)` in the same
 * file).  Only the last "(ARRAY[N])" is a record: a quoted id before it may
 * hold anything.  A message of another shape is kept.
 */
static int
relay_join(table_reader *readers, int code)
{
	char *msg = g_strdup(mkg_error_message());
	const char *rest = NULL, *what, *ref;
	table_reader *t, *other = NULL;
	GString *out;
	size_t n = 0, k, m = 0;
	char *field;
	int col = -1, rc;

	t = record_of(readers, msg, &n, &rest);
	if (t == NULL || rest[0] != '.' || (what = strstr(rest, ": ")) == NULL) {
		g_free(msg);
		return code;
	}
	field = g_strndup(rest + 1, (gsize)(what - rest - 1));
	what += 2;
	for (k = 0; k < t->schema->count; k++)
		if (strcmp(t->schema->columns[k], field) == 0)
			col = (int)k;
	out = g_string_new(NULL);
	if (col >= 0 && t->pos[col] >= 0)
		g_string_append_printf(out, "%s: line %zu, column %d (%s): ", t->p.name,
		                       record_line(t, n, col), t->pos[col] + 1, field);
	else
		g_string_append_printf(out, "%s: line %zu: %s: ", t->p.name,
		                       g_array_index(t->lines, size_t, n), field);
	ref = g_strrstr(what, " (");
	if (ref != NULL && (other = record_of(readers, ref + 2, &m, &rest)) != NULL &&
	    strncmp(rest, ")", 1) == 0) {
		g_string_append_len(out, what, ref - what);
		if (other == t)
			g_string_append_printf(out, " (line %zu)", g_array_index(t->lines, size_t, m));
		else
			g_string_append_printf(out, " (%s, line %zu)", other->p.name,
			                       g_array_index(other->lines, size_t, m));
		g_string_append(out, rest + 1);
	} else {
		g_string_append(out, what);
	}
	rc = mkg__error(code, "%s", out->str);
	g_string_free(out, TRUE);
	g_free(field);
	g_free(msg);
	return rc;
}

/* The options' document fields, over the document table's. */
static int
apply_options(mkg_model *m, const mkg_csv_read_options *o)
{
	int rc = MKG_OK;

	if (o->name != NULL)
		rc = mkg_model_set_name(m, o->name);
	if (rc == MKG_OK && o->currency != NULL)
		rc = mkg_model_set_currency(m, o->currency);
	if (rc == MKG_OK && o->volume_unit != NULL)
		rc = mkg_model_set_volume_unit(m, o->volume_unit);
	if (rc == MKG_OK && o->period != NULL)
		rc = mkg_model_set_period(m, o->period);
	if (rc == MKG_OK && o->attributes != NULL)
		rc = mkg_model_set_attributes(m, o->attributes);
	if (rc != MKG_OK) {
		char *msg = g_strdup(mkg_error_message()); /* the next error overwrites it */
		rc = mkg__error(rc, "options: %s", msg);
		g_free(msg);
	}
	return rc;
}

MKG_DEFINE_INIT(mkg_csv_read_options_init, mkg_csv_read_options, opts, MKG_CSV_READ_OPTIONS)

/* tables[] in the order of mkg_csv_table; NULL entries are absent tables. */
static int
read_tables(mkg_model **out, const mkg_csv_buffer *const tables[MKG_CSV_TABLE_COUNT],
            const mkg_csv_read_options *opts)
{
	/* As the JSON format: commodities first, then what may name them. */
	static const mkg_csv_table order[MKG_CSV_TABLE_COUNT] = {
		MKG_CSV_DOCUMENT, MKG_CSV_COMMODITIES, MKG_CSV_ACTORS, MKG_CSV_TRANSACTIONS,
		MKG_CSV_FACILITATION, MKG_CSV_MEMBERSHIPS
	};
	const mkg_csv_read_options defaults = MKG_CSV_READ_OPTIONS_INIT;
	table_reader readers[MKG_CSV_TABLE_COUNT];
	mkg_model *m = NULL;
	int rc;

	if (opts == NULL)
		opts = &defaults;
	if (opts->version != MKG_CSV_READ_OPTIONS_VERSION)
		return mkg__error(MKG_EINVAL, "mkg_csv_read: unknown options version %u", opts->version);
	if (opts->separator != 0 && opts->separator != ',' && opts->separator != ';' &&
	    opts->separator != '\t')
		return mkg__error(MKG_EINVAL, "mkg_csv_read: the separator must be ',', ';' or a tab");
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		if (tables[k] != NULL && tables[k]->data == NULL && tables[k]->len > 0)
			return mkg__error(MKG_EINVAL, "mkg_csv_read: %s: data is NULL",
			                  mkg_csv_table_name((mkg_csv_table)k));
	if ((rc = mkg_model_new(&m)) != MKG_OK)
		return rc;
	memset(readers, 0, sizeof readers);
	for (int k = 0; k < MKG_CSV_TABLE_COUNT && rc == MKG_OK; k++)
		if (tables[order[k]] != NULL)
			rc = read_table(&readers[order[k]], m, order[k], tables[order[k]],
			                (char)opts->separator);
	if (rc == MKG_OK && (rc = mkg_model_validate(m)) != MKG_OK)
		rc = relay_join(readers, rc);
	if (rc == MKG_OK)
		rc = apply_options(m, opts);
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		reader_clear(&readers[k]);
	if (rc != MKG_OK) {
		mkg_model_free(m);
		return rc;
	}
	*out = m;
	return MKG_OK;
}

/* count tables given, at most the tables this library knows. */
static int
check_count(size_t count)
{
	if (count == 0 || count > MKG_CSV_TABLE_COUNT)
		return mkg__error(MKG_EINVAL, "mkg_csv_read: %zu tables, expected 1 to %d", count,
		                  MKG_CSV_TABLE_COUNT);
	return MKG_OK;
}

int
mkg_csv_read_buffers(mkg_model **out, const mkg_csv_buffer *const *tables, size_t count,
                     const mkg_csv_read_options *opts)
{
	const mkg_csv_buffer *given[MKG_CSV_TABLE_COUNT] = { NULL };
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(tables);
	if ((rc = check_count(count)) != MKG_OK)
		return rc;
	if (tables[MKG_CSV_ACTORS] == NULL)
		return mkg__error(MKG_EINVAL, "mkg_csv_read: the actors table is required");
	for (size_t k = 0; k < count; k++)
		given[k] = tables[k];
	return read_tables(out, given, opts);
}

int
mkg_csv_read_files(mkg_model **out, const char *const *paths, size_t count,
                   const mkg_csv_read_options *opts)
{
	mkg_csv_buffer bufs[MKG_CSV_TABLE_COUNT];
	const mkg_csv_buffer *tables[MKG_CSV_TABLE_COUNT] = { NULL };
	char *data[MKG_CSV_TABLE_COUNT] = { NULL };
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(paths);
	if ((rc = check_count(count)) != MKG_OK)
		return rc;
	if (paths[MKG_CSV_ACTORS] == NULL)
		return mkg__error(MKG_EINVAL, "mkg_csv_read: the actors table is required");
	for (size_t k = 0; k < count && rc == MKG_OK; k++) {
		if (paths[k] == NULL)
			continue;
		bufs[k].name = paths[k];
		rc = mkg__io_read_file(paths[k], &data[k], &bufs[k].len);
		bufs[k].data = data[k];
		tables[k] = &bufs[k];
	}
	if (rc == MKG_OK)
		rc = read_tables(out, tables, opts);
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		g_free(data[k]);
	return rc;
}
