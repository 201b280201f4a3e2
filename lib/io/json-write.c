/* marketgraph: exporting a model as JSON (docs/format.md, "Export").
 *
 * One canonical layout: the top-level keys in the format's order, one
 * record per line inside the arrays, record keys in the order of the
 * format's tables, absent fields and defaults left out, numbers in the
 * shortest form that reads back to the same double.  The same model gives
 * the same bytes.  The `commodities` array is written only when the model
 * lists some, so a version 1 document without them comes out as before.  A
 * model that fails mkg_model_validate() (a made_from no record satisfies)
 * is refused, since its document would not read back; past that check the
 * writer only appends to a GString (or a FILE) and fails only on I/O.
 *
 * SPDX-License-Identifier: MIT */
#include "io-private.h"
#include "interop-private.h"
#include "core-private.h"
#include "model-private.h"
#include "output-private.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* A number field: absent (NaN) is left out; -0 is written as 0. */
static void
opt_number(mkg_jw *w, const char *key, double d)
{
	if (!isnan(d))
		mkg__jw_kdouble(w, key, d == 0 ? 0.0 : d);
}

static void
opt_string(mkg_jw *w, const char *key, const char *s)
{
	if (s != NULL)
		mkg__jw_kstring(w, key, s);
}

static void
opt_attributes(mkg_jw *w, const char *text)
{
	if (text != NULL) {
		mkg__jw_key(w, "attributes");
		mkg__jw_raw(w, text);
	}
}

static void
write_actor(mkg_jw *w, const mkg_model *m, const mkg_actor_rec *a)
{
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "id", a->id);
	opt_string(w, "name", a->name);
	mkg__jw_kstring(w, "kind", mkg_actor_kind_name(a->kind));
	opt_string(w, "region", a->region);
	if (a->households >= 0)
		mkg__jw_kint(w, "households", a->households);
	if (a->firms >= 1)
		mkg__jw_kint(w, "firms", a->firms);
	opt_number(w, "capacity", a->capacity);
	opt_number(w, "supply", a->supply);
	opt_number(w, "demand", a->demand);
	if (a->tags.count > 0) {
		mkg__jw_key(w, "tags");
		mkg__jw_begin_array(w, true);
		for (uint32_t k = 0; k < a->tags.count; k++)
			mkg__jw_string(w, MKG_POOL_STR(m, a->tags.first + k));
		mkg__jw_end_array(w);
	}
	if (a->costs.count > 0) {
		mkg__jw_key(w, "costs");
		mkg__jw_begin_array(w, true);
		for (uint32_t k = 0; k < a->costs.count; k++) {
			const mkg_cost *c = MKG_POOL_COST(m, a->costs.first + k);

			mkg__jw_begin_object(w, true);
			mkg__jw_kstring(w, "item", c->item);
			mkg__jw_kdouble(w, "amount", c->amount);
			opt_string(w, "period", c->period);
			opt_string(w, "commodity", c->commodity);
			mkg__jw_end_object(w);
		}
		mkg__jw_end_array(w);
	}
	opt_attributes(w, a->attributes);
	mkg__jw_end_object(w);
}

static void
write_transaction(mkg_jw *w, const mkg_model *m, const mkg_transaction_rec *t)
{
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "id", t->id);
	mkg__jw_kstring(w, "seller", MKG_ACTOR(m, t->seller)->id);
	mkg__jw_kstring(w, "buyer", MKG_ACTOR(m, t->buyer)->id);
	mkg__jw_kstring(w, "commodity", t->commodity);
	opt_string(w, "level", t->level); /* its own only, not the seller's kind */
	opt_number(w, "volume", t->volume);
	opt_number(w, "value", t->value);
	opt_string(w, "period", t->period); /* its own only, not the model's */
	if (t->contract != MKG_CONTRACT_SPOT)
		mkg__jw_kstring(w, "contract", mkg_contract_name((mkg_contract)t->contract));
	if (t->service)
		mkg__jw_kbool(w, "service", true);
	opt_number(w, "capacity", t->capacity);
	opt_attributes(w, t->attributes);
	mkg__jw_end_object(w);
}

static void
write_ids(mkg_jw *w, const mkg_model *m, const char *key, mkg_slice s, bool actors)
{
	if (s.count == 0)
		return;
	mkg__jw_key(w, key);
	mkg__jw_begin_array(w, true);
	for (uint32_t k = 0; k < s.count; k++) {
		mkg_idx i = MKG_POOL_IDX(m, s.first + k);
		mkg__jw_string(w, actors ? MKG_ACTOR(m, i)->id : MKG_TX(m, i)->id);
	}
	mkg__jw_end_array(w);
}

static void
write_facilitation(mkg_jw *w, const mkg_model *m, const mkg_facilitation_rec *f)
{
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "id", f->id);
	mkg__jw_kstring(w, "facilitator", MKG_ACTOR(m, f->facilitator)->id);
	mkg__jw_kstring(w, "type", mkg_facilitation_type_name((mkg_facilitation_type)f->type));
	mkg__jw_kstring(w, "function", mkg_function_name((mkg_function)f->function));
	mkg__jw_key(w, "targets");
	mkg__jw_begin_object(w, true);
	write_ids(w, m, "actors", f->target_actors, true);
	write_ids(w, m, "transactions", f->target_transactions, false);
	mkg__jw_end_object(w);
	opt_string(w, "start", f->start);
	opt_string(w, "end", f->end);
	if (f->exit != MKG_EXIT_NONE)
		mkg__jw_kstring(w, "exit", mkg_exit_name((mkg_exit)f->exit));
	if (f->successor != MKG_IDX_NONE)
		mkg__jw_kstring(w, "successor", MKG_ACTOR(m, f->successor)->id);
	opt_number(w, "cost", f->cost);
	if (f->payments.count > 0 || f->embedded.count > 0) {
		mkg__jw_key(w, "paid_by");
		mkg__jw_begin_array(w, true);
		for (uint32_t k = 0; k < f->payments.count; k++) {
			const mkg_payment_rec *p = MKG_POOL_PAYMENT(m, f->payments.first + k);
			mkg__jw_begin_object(w, true);
			mkg__jw_kstring(w, "actor", MKG_ACTOR(m, p->actor)->id);
			mkg__jw_kdouble(w, "share", p->share == 0 ? 0.0 : p->share);
			mkg__jw_end_object(w);
		}
		if (f->embedded.count > 0) {
			mkg__jw_begin_object(w, true);
			write_ids(w, m, "embedded", f->embedded, false);
			mkg__jw_kdouble(w, "share", f->embedded_share == 0 ? 0.0 : f->embedded_share);
			mkg__jw_end_object(w);
		}
		mkg__jw_end_array(w);
	}
	opt_attributes(w, f->attributes);
	mkg__jw_end_object(w);
}

static void
write_membership(mkg_jw *w, const mkg_model *m, const mkg_membership_rec *ms)
{
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "group", MKG_ACTOR(m, ms->group)->id);
	mkg__jw_kstring(w, "member", MKG_ACTOR(m, ms->member)->id);
	opt_string(w, "since", ms->since);
	opt_string(w, "role", ms->role);
	mkg__jw_end_object(w);
}

static void
write_commodity(mkg_jw *w, const mkg_commodity_rec *c)
{
	mkg__jw_begin_object(w, true);
	mkg__jw_kstring(w, "id", c->id);
	opt_string(w, "unit", c->unit);
	if (c->service)
		mkg__jw_kbool(w, "service", true);
	if (c->transfer)
		mkg__jw_kbool(w, "transfer", true);
	opt_string(w, "made_from", c->made_from);
	opt_number(w, "input_per_unit", c->input_per_unit);
	opt_attributes(w, c->attributes);
	mkg__jw_end_object(w);
}

char *
mkg__json_commodities_text(const mkg_model *m)
{
	mkg_jw *w = mkg__jw_new_string();
	char *text = NULL;
	size_t len = 0;

	mkg__jw_begin_array(w, true);
	for (guint i = 0; i < m->commodities->len; i++)
		write_commodity(w, MKG_COMMODITY(m, i));
	mkg__jw_end_array(w);
	if (mkg__jw_finish(w, &text, &len) != MKG_OK)
		return NULL;
	if (len > 0 && text[len - 1] == '\n') /* the document's final line end */
		text[len - 1] = '\0';
	return text;
}

static void
write_model(mkg_jw *w, const mkg_model *m)
{
	mkg__jw_begin_object(w, false);
	mkg__jw_kstring(w, "format", "marketgraph");
	mkg__jw_kint(w, "version", MKG_FORMAT_VERSION);
	opt_string(w, "name", m->name);
	opt_string(w, "currency", m->currency);
	opt_string(w, "volume_unit", m->volume_unit);
	opt_string(w, "period", m->period);
	opt_attributes(w, m->attributes);

	/* An addition to version 1: written only when there is one. */
	if (m->commodities->len > 0) {
		mkg__jw_key(w, "commodities");
		mkg__jw_begin_array(w, false);
		for (guint i = 0; i < m->commodities->len; i++)
			write_commodity(w, MKG_COMMODITY(m, i));
		mkg__jw_end_array(w);
	}

	/* Every other array is written, even empty: one shape for every document. */
	mkg__jw_key(w, "actors");
	mkg__jw_begin_array(w, false);
	for (guint i = 0; i < m->actors->len; i++)
		write_actor(w, m, MKG_ACTOR(m, i));
	mkg__jw_end_array(w);

	mkg__jw_key(w, "transactions");
	mkg__jw_begin_array(w, false);
	for (guint i = 0; i < m->transactions->len; i++)
		write_transaction(w, m, MKG_TX(m, i));
	mkg__jw_end_array(w);

	mkg__jw_key(w, "facilitation");
	mkg__jw_begin_array(w, false);
	for (guint i = 0; i < m->facilitation->len; i++)
		write_facilitation(w, m, MKG_FAC(m, i));
	mkg__jw_end_array(w);

	mkg__jw_key(w, "memberships");
	mkg__jw_begin_array(w, false);
	for (guint i = 0; i < m->memberships->len; i++)
		write_membership(w, m, MKG_MEMBERSHIP(m, i));
	mkg__jw_end_array(w);
	mkg__jw_end_object(w);
}

int
mkg_json_write_string(const mkg_model *model, char **out, size_t *len)
{
	mkg_jw *w;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	if ((rc = mkg_model_validate(model)) != MKG_OK)
		return rc;
	w = mkg__jw_new_string();
	write_model(w, model);
	return mkg__jw_finish(w, out, len);
}

int
mkg_json_write_stream(const mkg_model *model, FILE *stream)
{
	mkg_jw *w;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(stream);
	if ((rc = mkg_model_validate(model)) != MKG_OK)
		return rc;
	w = mkg__jw_new_stream(stream);
	write_model(w, model);
	return mkg__jw_finish(w, NULL, NULL);
}

/* The model streamed into fd (a duplicate: closing the stream leaves fd
 * open).  0 or an errno value. */
static int
stream_into(const mkg_model *model, int fd)
{
	int fd2 = dup(fd), saved;
	FILE *stream;
	int rc;

	if (fd2 < 0)
		return errno;
	if ((stream = fdopen(fd2, "w")) == NULL) {
		saved = errno;
		close(fd2);
		return saved;
	}
	errno = 0;
	rc = mkg_json_write_stream(model, stream);
	saved = errno;
	if (fclose(stream) != 0 && rc == MKG_OK)
		rc = MKG_EIO, saved = errno;
	if (rc != MKG_OK)
		return saved ? saved : EIO;
	return 0;
}

int
mkg_json_write_file(const mkg_model *model, const char *path)
{
	mkg_output out;
	int err, rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(path);
	/* Before touching the file: a model that cannot be written leaves it be. */
	if ((rc = mkg_model_validate(model)) != MKG_OK)
		return rc;
	/* Streamed (a large model is never held twice in memory) into the one
	 * output primitive: the old file or the new one, never a part. */
	if ((err = mkg__output_open(&out, path)) == 0) {
		if ((err = stream_into(model, out.fd)) != 0)
			mkg__output_abort(&out);
		else
			err = mkg__output_commit(&out);
	}
	if (err != 0)
		return mkg__error(MKG_EIO, "%s: cannot write: %s", path, g_strerror(err));
	return MKG_OK;
}
