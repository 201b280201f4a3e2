/* marketgraph: exporting a model as CSV tables (docs/interop.md).
 *
 * Every column of a table is written, in the order of csv-schema.c, so the
 * files are templates as much as data; the additions to version 1
 * (actors' firms, transactions' level, the commodities table) only when
 * a record has the field or the model lists commodities, so a model
 * without them gives the same files as before.  The reader takes back exactly what
 * is written here: an unquoted empty cell is an absent field, `""` an
 * empty string, lists use the forms of csv-list.c.
 *
 * SPDX-License-Identifier: MIT */
#include "interop-private.h"
#include "core-private.h"
#include "model-private.h"
#include "output-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

typedef struct row_writer {
	GString *out;
	GString *cell; /* scratch for lists */
	char sep;
	size_t column;
	bool extra;       /* write the table's first added column (firms, level, transfer) */
	bool costs;       /* write the actors' costs column */
	bool safe_cells;  /* mkg_csv_write_options.safe_cells */
	GPtrArray *safe;  /* scratch: the model's strings with their apostrophe */
} row_writer;

/* One cell; NULL is an absent field (nothing between the separators). */
static void
put(row_writer *w, const char *s)
{
	if (w->column++ > 0)
		g_string_append_c(w->out, w->sep);
	if (s == NULL)
		return;
	if (s[0] != '\0' && strchr(s, w->sep) == NULL && strpbrk(s, "\"\r\n") == NULL) {
		g_string_append(w->out, s);
		return;
	}
	g_string_append_c(w->out, '"');
	for (; *s; s++) {
		if (*s == '"')
			g_string_append_c(w->out, '"');
		g_string_append_c(w->out, *s);
	}
	g_string_append_c(w->out, '"');
}

/* A text a spreadsheet would run as a formula (OWASP's list: it starts
 * with '=', '+', '-', '@', a tab or a CR). */
static bool
formula_like(const char *s)
{
	return s != NULL && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

/* A text of the model as it is written: with safe_cells, one that looks
 * like a formula gets a leading apostrophe, so that a spreadsheet shows it
 * as text.  Every text is treated alike, list items too, so that the ids
 * still match each other in the files.  The copy lives until the row ends. */
static const char *
model_text(row_writer *w, const char *s)
{
	char *quoted;

	if (!w->safe_cells || !formula_like(s))
		return s;
	quoted = g_strconcat("'", s, NULL);
	g_ptr_array_add(w->safe, quoted);
	return quoted;
}

/* A cell holding a text of the model. */
static void
put_text(row_writer *w, const char *s)
{
	put(w, model_text(w, s));
}

static void
end_row(row_writer *w)
{
	g_string_append(w->out, "\r\n");
	w->column = 0;
	g_ptr_array_set_size(w->safe, 0);
}

static void
put_number(row_writer *w, double d)
{
	if (isnan(d)) {
		put(w, NULL);
		return;
	}
	g_string_truncate(w->cell, 0);
	mkg__number_write(w->cell, d);
	put(w, w->cell->str);
}

/* The cell text in w->cell, or absent when it is empty. */
static void
put_built(row_writer *w)
{
	put(w, w->cell->len > 0 ? w->cell->str : NULL);
}

static void
put_ids(row_writer *w, const mkg_model *m, mkg_slice s, bool actors)
{
	const char **ids = g_new(const char *, s.count + 1);

	for (uint32_t k = 0; k < s.count; k++) {
		mkg_idx i = MKG_POOL_IDX(m, s.first + k);
		ids[k] = model_text(w, actors ? MKG_ACTOR(m, i)->id : MKG_TX(m, i)->id);
	}
	g_string_truncate(w->cell, 0);
	mkg__list_write(w->cell, ids, s.count);
	g_free(ids);
	put_built(w);
}

static void
put_tags(row_writer *w, const mkg_model *m, mkg_slice s)
{
	const char **tags = g_new(const char *, s.count + 1);

	for (uint32_t k = 0; k < s.count; k++)
		tags[k] = model_text(w, g_ptr_array_index(m->str_pool, s.first + k));
	g_string_truncate(w->cell, 0);
	if (s.count > 0)
		mkg__list_write(w->cell, tags, s.count);
	g_free(tags);
	put_built(w);
}

static void
write_header(row_writer *w, mkg_csv_table table)
{
	const mkg_csv_schema *sc = mkg__csv_schema(table);

	for (size_t k = 0; k < sc->count; k++)
		if (!(table == MKG_CSV_ACTORS && k == MKG_CA_FIRMS && !w->extra) &&
		    !(table == MKG_CSV_ACTORS && k == MKG_CA_COSTS && !w->costs) &&
		    !(table == MKG_CSV_COMMODITIES && k == MKG_CC_TRANSFER && !w->extra) &&
		    !(table == MKG_CSV_TRANSACTIONS && k == MKG_CT_LEVEL && !w->extra))
			put(w, sc->columns[k]);
	end_row(w);
}

/* The costs of an actor as a JSON array in one cell, as the format has them. */
static void
put_costs(row_writer *w, const mkg_model *m, mkg_slice s)
{
	mkg_jw *jw;
	char *text = NULL;

	if (s.count == 0) {
		put(w, NULL);
		return;
	}
	jw = mkg__jw_new_string();
	mkg__jw_begin_array(jw, true);
	for (uint32_t k = 0; k < s.count; k++) {
		const mkg_cost *c = MKG_POOL_COST(m, s.first + k);

		mkg__jw_begin_object(jw, true);
		mkg__jw_kstring(jw, "item", c->item);
		mkg__jw_kdouble(jw, "amount", c->amount);
		if (c->period != NULL)
			mkg__jw_kstring(jw, "period", c->period);
		if (c->commodity != NULL)
			mkg__jw_kstring(jw, "commodity", c->commodity);
		mkg__jw_end_object(jw);
	}
	mkg__jw_end_array(jw);
	if (mkg__jw_finish(jw, &text, NULL) == MKG_OK) {
		g_strchomp(text);
		put(w, text);
	}
	mkg_free(text);
}

static void
write_actors(row_writer *w, const mkg_model *m)
{
	for (guint i = 0; i < m->actors->len; i++) {
		const mkg_actor_rec *a = MKG_ACTOR(m, i);
		char num[32];

		put_text(w, a->id);
		put_text(w, a->name);
		put(w, mkg_actor_kind_name(a->kind));
		put_text(w, a->region);
		if (a->households >= 0)
			g_snprintf(num, sizeof num, "%" PRId64, a->households);
		put(w, a->households >= 0 ? num : NULL);
		put_number(w, a->capacity);
		put_number(w, a->supply);
		put_number(w, a->demand);
		put_tags(w, m, a->tags);
		put(w, a->attributes);
		if (w->extra) {
			if (a->firms >= 1)
				g_snprintf(num, sizeof num, "%" PRId64, a->firms);
			put(w, a->firms >= 1 ? num : NULL);
		}
		if (w->costs)
			put_costs(w, m, a->costs);
		end_row(w);
	}
}

static void
write_transactions(row_writer *w, const mkg_model *m)
{
	for (guint i = 0; i < m->transactions->len; i++) {
		const mkg_transaction_rec *t = MKG_TX(m, i);

		put_text(w, t->id);
		put_text(w, MKG_ACTOR(m, t->seller)->id);
		put_text(w, MKG_ACTOR(m, t->buyer)->id);
		put_text(w, t->commodity);
		put_number(w, t->volume);
		put_number(w, t->value);
		put_text(w, t->period); /* its own only, not the model's */
		put(w, mkg_contract_name((mkg_contract)t->contract));
		put(w, t->service ? "true" : "false");
		put_number(w, t->capacity);
		put(w, t->attributes);
		if (w->extra)
			put_text(w, t->level);
		end_row(w);
	}
}

static void
write_facilitation(row_writer *w, const mkg_model *m)
{
	for (guint i = 0; i < m->facilitation->len; i++) {
		const mkg_facilitation_rec *f = MKG_FAC(m, i);
		const char **payers = g_new(const char *, f->payments.count + 1);
		const char **embedded = g_new(const char *, f->embedded.count + 1);
		double *shares = g_new(double, f->payments.count + 1);

		put_text(w, f->id);
		put_text(w, MKG_ACTOR(m, f->facilitator)->id);
		put(w, mkg_facilitation_type_name((mkg_facilitation_type)f->type));
		put(w, mkg_function_name((mkg_function)f->function));
		put_ids(w, m, f->target_actors, true);
		put_ids(w, m, f->target_transactions, false);
		put(w, f->start);
		put(w, f->end);
		put(w, mkg_exit_name((mkg_exit)f->exit)); /* NULL for none */
		put_text(w, f->successor != MKG_IDX_NONE ? MKG_ACTOR(m, f->successor)->id : NULL);
		put_number(w, f->cost);
		for (uint32_t k = 0; k < f->payments.count; k++) {
			const mkg_payment_rec *p = MKG_POOL_PAYMENT(m, f->payments.first + k);
			payers[k] = model_text(w, MKG_ACTOR(m, p->actor)->id);
			shares[k] = p->share;
		}
		for (uint32_t k = 0; k < f->embedded.count; k++)
			embedded[k] = model_text(w, MKG_TX(m, MKG_POOL_IDX(m, f->embedded.first + k))->id);
		g_string_truncate(w->cell, 0);
		mkg__payments_write(w->cell, payers, shares, f->payments.count, embedded,
		                    f->embedded.count, f->embedded_share);
		put_built(w);
		put(w, f->attributes);
		end_row(w);
		g_free(embedded);
		g_free(payers);
		g_free(shares);
	}
}

static void
write_memberships(row_writer *w, const mkg_model *m)
{
	for (guint i = 0; i < m->memberships->len; i++) {
		const mkg_membership_rec *ms = MKG_MEMBERSHIP(m, i);

		put_text(w, MKG_ACTOR(m, ms->group)->id);
		put_text(w, MKG_ACTOR(m, ms->member)->id);
		put(w, ms->since);
		put_text(w, ms->role);
		end_row(w);
	}
}

static void
write_document(row_writer *w, const mkg_model *m)
{
	put_text(w, m->name);
	put_text(w, m->currency);
	put_text(w, m->volume_unit);
	put_text(w, m->period);
	put(w, m->attributes);
	end_row(w);
}

static void
write_commodities(row_writer *w, const mkg_model *m)
{
	for (guint i = 0; i < m->commodities->len; i++) {
		const mkg_commodity_rec *c = MKG_COMMODITY(m, i);

		put_text(w, c->id);
		put_text(w, c->unit);
		put(w, c->service ? "true" : "false");
		put_text(w, c->made_from);
		put_number(w, c->input_per_unit);
		put(w, c->attributes);
		if (w->extra)
			put(w, c->transfer ? "true" : "false");
		end_row(w);
	}
}

static int
check_write_options(const mkg_csv_write_options *o)
{
	if (o->version != MKG_CSV_WRITE_OPTIONS_VERSION)
		return mkg__error(MKG_EINVAL, "mkg_csv_write: unknown options version %u", o->version);
	if (o->separator != 0 && o->separator != ',' && o->separator != ';' && o->separator != '\t')
		return mkg__error(MKG_EINVAL, "mkg_csv_write: the separator must be ',', ';' or a tab");
	return MKG_OK;
}

static GString *
write_table(const mkg_model *m, mkg_csv_table table, const mkg_csv_write_options *o)
{
	row_writer w = { g_string_sized_new(4096), g_string_new(NULL),
	                 o->separator ? (char)o->separator : ',', 0, false, false, o->safe_cells != 0,
	                 g_ptr_array_new_with_free_func(g_free) };

	if (table == MKG_CSV_ACTORS) {
		for (guint i = 0; i < m->actors->len && !w.extra; i++)
			w.extra = MKG_ACTOR(m, i)->firms >= 1;
		w.costs = m->cost_pool->len > 0;
	}
	if (table == MKG_CSV_COMMODITIES)
		for (guint i = 0; i < m->commodities->len && !w.extra; i++)
			w.extra = MKG_COMMODITY(m, i)->transfer;
	if (table == MKG_CSV_TRANSACTIONS)
		for (guint i = 0; i < m->transactions->len && !w.extra; i++)
			w.extra = MKG_TX(m, i)->level != NULL;
	if (o->bom)
		g_string_append(w.out, "\xEF\xBB\xBF");
	write_header(&w, table);
	switch (table) {
	case MKG_CSV_ACTORS: write_actors(&w, m); break;
	case MKG_CSV_TRANSACTIONS: write_transactions(&w, m); break;
	case MKG_CSV_FACILITATION: write_facilitation(&w, m); break;
	case MKG_CSV_MEMBERSHIPS: write_memberships(&w, m); break;
	case MKG_CSV_DOCUMENT: write_document(&w, m); break;
	case MKG_CSV_COMMODITIES: write_commodities(&w, m); break;
	}
	g_string_free(w.cell, TRUE);
	g_ptr_array_free(w.safe, TRUE);
	return w.out;
}

MKG_DEFINE_INIT(mkg_csv_write_options_init, mkg_csv_write_options, opts, MKG_CSV_WRITE_OPTIONS)

int
mkg_csv_write_string(const mkg_model *model, mkg_csv_table table,
                     const mkg_csv_write_options *opts, char **out, size_t *len)
{
	const mkg_csv_write_options defaults = MKG_CSV_WRITE_OPTIONS_INIT;
	GString *text;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	if (mkg_csv_table_name(table) == NULL)
		return mkg__error(MKG_EINVAL, "mkg_csv_write_string: unknown table %d", (int)table);
	if ((rc = check_write_options(opts ? opts : &defaults)) != MKG_OK ||
	    (rc = mkg_model_validate(model)) != MKG_OK)
		return rc;
	text = write_table(model, table, opts ? opts : &defaults);
	if (len)
		*len = text->len;
	*out = g_string_free(text, FALSE);
	return MKG_OK;
}

/* How many tables a model is written as: the five, and the commodities
 * table (the last) when it lists commodities. */
static int
tables_written(const mkg_model *m)
{
	return m->commodities->len > 0 ? MKG_CSV_TABLE_COUNT : MKG_CSV_COMMODITIES;
}

/* The file names of the tables ("actors.csv", ...), NULL-terminated. */
static void
table_file_names(char *names[MKG_CSV_TABLE_COUNT + 1])
{
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		names[k] = g_strconcat(mkg_csv_table_name((mkg_csv_table)k), ".csv", NULL);
	names[MKG_CSV_TABLE_COUNT] = NULL;
}

/* PREFIX "dir/": the tables go into a new directory beside dir, which then
 * takes dir's place (output-private.h), so the set is replaced whole.  A
 * directory holding other files than the tables is refused. */
static int
write_dir(const mkg_model *model, const char *prefix, const mkg_csv_write_options *opts)
{
	char *names[MKG_CSV_TABLE_COUNT + 1];
	char *dir = g_strdup(prefix), *stray = NULL;
	size_t n = strlen(dir);
	mkg_output_dir out;
	int err, rc = MKG_OK;

	while (n > 1 && dir[n - 1] == '/')
		dir[--n] = '\0';
	table_file_names(names);
	err = mkg__output_dir_open(&out, dir, (const char *const *)names, &stray);
	if (err == ENOTEMPTY && stray != NULL)
		rc = mkg__error(MKG_EIO, "%s: cannot write: the directory holds '%s', which is not "
		                "one of the tables; give a new or empty directory", dir, stray);
	else if (err != 0)
		rc = mkg__error(MKG_EIO, "%s: cannot write: %s", dir, g_strerror(err));
	for (int k = 0; k < tables_written(model) && rc == MKG_OK; k++) {
		char *path = g_build_filename(out.tmp, names[k], NULL);
		GString *text = write_table(model, (mkg_csv_table)k, opts);

		if ((err = mkg__output_write_file(path, text->str, text->len)) != 0)
			rc = mkg__error(MKG_EIO, "%s%s: cannot write: %s", prefix, names[k],
			                g_strerror(err));
		g_string_free(text, TRUE);
		g_free(path);
	}
	if (rc != MKG_OK)
		mkg__output_dir_abort(&out);
	else if ((err = mkg__output_dir_commit(&out)) != 0)
		rc = mkg__error(MKG_EIO, "%s: cannot write: %s", dir, g_strerror(err));
	for (int k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		g_free(names[k]);
	g_free(stray);
	g_free(dir);
	return rc;
}

/* Any other PREFIX: every table is written to its temporary file first and
 * all renamed only then, so a failure while writing changes nothing.  A
 * commodities table the model no longer has is removed last. */
static int
write_prefixed(const mkg_model *model, const char *prefix, const mkg_csv_write_options *opts)
{
	char *names[MKG_CSV_TABLE_COUNT + 1];
	mkg_output out[MKG_CSV_TABLE_COUNT];
	int k, n = tables_written(model), err = 0, rc = MKG_OK;
	char *path = NULL;

	table_file_names(names);
	for (k = 0; k < n; k++) {
		GString *text;

		g_free(path);
		path = g_strconcat(prefix, names[k], NULL);
		if ((err = mkg__output_open(&out[k], path)) != 0)
			break;
		text = write_table(model, (mkg_csv_table)k, opts);
		err = mkg__output_write_all(out[k].fd, text->str, text->len);
		g_string_free(text, TRUE);
		if (err != 0) {
			k++; /* out[k] is open: abort it too */
			break;
		}
	}
	if (err != 0) {
		while (k-- > 0)
			mkg__output_abort(&out[k]);
		rc = mkg__error(MKG_EIO, "%s: cannot write: %s", path, g_strerror(err));
	}
	for (k = 0; k < n && rc == MKG_OK; k++) {
		g_free(path);
		path = g_strconcat(prefix, names[k], NULL);
		if ((err = mkg__output_commit(&out[k])) != 0) {
			rc = mkg__error(MKG_EIO, "%s: cannot write: %s", path, g_strerror(err));
			while (++k < n)
				mkg__output_abort(&out[k]);
		}
	}
	for (k = n; k < MKG_CSV_TABLE_COUNT && rc == MKG_OK; k++) {
		g_free(path);
		path = g_strconcat(prefix, names[k], NULL);
		if (g_unlink(path) != 0 && errno != ENOENT)
			rc = mkg__error(MKG_EIO, "%s: cannot remove: %s", path, g_strerror(errno));
	}
	g_free(path);
	for (k = 0; k < MKG_CSV_TABLE_COUNT; k++)
		g_free(names[k]);
	return rc;
}

int
mkg_csv_write_files(const mkg_model *model, const char *prefix,
                    const mkg_csv_write_options *opts)
{
	const mkg_csv_write_options defaults = MKG_CSV_WRITE_OPTIONS_INIT;
	size_t n;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(prefix);
	if (opts == NULL)
		opts = &defaults;
	if ((rc = check_write_options(opts)) != MKG_OK || (rc = mkg_model_validate(model)) != MKG_OK)
		return rc;
	n = strlen(prefix);
	if (n > 1 && prefix[n - 1] == '/')
		return write_dir(model, prefix, opts);
	return write_prefixed(model, prefix, opts);
}
