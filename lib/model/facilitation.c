/* marketgraph: facilitation records.
 * SPDX-License-Identifier: MIT */
#include "model-private.h"
#include "validate.h"
#include "core-private.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

/* Shares of paid_by must sum to 1 within this. */
#define MKG_SHARE_SUM_TOLERANCE 1e-9

/* Version 1 callers have a struct without the embedded part: fill only
 * their part of it. */
int
mkg_facilitation_desc_init(mkg_facilitation_desc *desc, unsigned int version)
{
	const mkg_facilitation_desc defaults = MKG_FACILITATION_DESC_INIT;

	MKG_CHECK_ARG(desc);
	if (version != MKG_FACILITATION_DESC_VERSION && version != 1)
		return mkg__error(MKG_EINVAL, "mkg_facilitation_desc_init: unknown version %u", version);
	if (version == 1) {
		memcpy(desc, &defaults, offsetof(mkg_facilitation_desc, embedded));
		desc->version = 1;
	} else {
		*desc = defaults;
	}
	return MKG_OK;
}

/* Resolve a list of target ids into out[], rejecting unknown and repeated ids.
 * `seen` is scratch space shared by both lists (cleared by the caller). */
static int
resolve_targets(const mkg_model *m, const char *path, const char *list, const char *const *ids,
                size_t count, bool actors, GHashTable *seen, mkg_idx *out)
{
	if (count > 0 && ids == NULL)
		return mkg__error(MKG_EINVAL, "%s.targets.%s: count is %zu but the array is NULL",
		                  path, list, count);
	for (size_t k = 0; k < count; k++) {
		char field[64], quoted[MKG_QUOTE_BUFSIZE];
		int rc;

		g_snprintf(field, sizeof field, "targets.%s[%zu]", list, k);
		if ((rc = mkg__check_required_text(path, field, ids[k], false)) != MKG_OK)
			return rc;
		out[k] = actors ? mkg__model_actor_lookup(m, ids[k])
		                : mkg__model_transaction_lookup(m, ids[k]);
		if (out[k] == MKG_IDX_NONE)
			return mkg__error(MKG_EDATA, "%s.%s: unknown %s %s", path, field,
			                  actors ? "actor" : "transaction",
			                  mkg__quote(quoted, ids[k]));
		if (!g_hash_table_add(seen, (gpointer)ids[k]))
			return mkg__error(MKG_EDATA, "%s.%s: %s is targeted twice", path, field,
			                  mkg__quote(quoted, ids[k]));
	}
	return MKG_OK;
}

static int
check_dates(const char *path, const mkg_facilitation_desc *d)
{
	int32_t start_first, start_last, end_first, end_last;
	char end[MKG_QUOTE_BUFSIZE], start[MKG_QUOTE_BUFSIZE];
	int rc;

	if ((rc = mkg__check_date(path, "start", d->start)) != MKG_OK ||
	    (rc = mkg__check_date(path, "end", d->end)) != MKG_OK)
		return rc;
	if (d->start && d->end && mkg__date_parse(d->start, &start_first, &start_last) &&
	    mkg__date_parse(d->end, &end_first, &end_last) && end_last < start_first)
		return mkg__error(MKG_EDATA, "%s.end: %s is before the start %s", path,
		                  mkg__quote(end, d->end), mkg__quote(start, d->start));
	return MKG_OK;
}

static int
check_exit(const mkg_model *m, const char *path, const mkg_facilitation_desc *d,
           mkg_idx *successor)
{
	*successor = MKG_IDX_NONE;
	if (d->exit != MKG_EXIT_NONE && mkg_exit_name(d->exit) == NULL)
		return mkg__error(MKG_EDATA, "%s.exit: invalid exit %d", path, (int)d->exit);
	if (d->exit != MKG_EXIT_NONE && d->type != MKG_FACILITATION_TEMPORARY)
		return mkg__error(MKG_EDATA, "%s.exit: only temporary facilitation has an exit, this "
		                  "record is %s", path, mkg_facilitation_type_name(d->type));
	if (d->exit == MKG_EXIT_COMMERCIAL || d->exit == MKG_EXIT_PUBLIC) {
		if (d->successor == NULL)
			return mkg__error(MKG_EDATA, "%s.successor: missing, required when exit is \"%s\"",
			                  path, mkg_exit_name(d->exit));
		return mkg__check_actor_ref(m, path, "successor", d->successor, successor);
	}
	if (d->successor != NULL)
		return mkg__error(MKG_EDATA, "%s.successor: only allowed when exit is \"commercial\" "
		                  "or \"public\"", path);
	return MKG_OK;
}

/* The embedded part of paid_by, written as the item after the payers
 * (paid_by[N] for N payers): known transactions, each once, each with the
 * facilitator as seller or buyer (the cost is recovered in its own price). */
static int
check_embedded(const mkg_model *m, const char *path, const mkg_facilitation_desc *d,
               mkg_idx facilitator, mkg_idx *out)
{
	char item[48];
	GHashTable *seen;
	int rc = MKG_OK;

	if (d->embedded_count > 0 && d->embedded == NULL)
		return mkg__error(MKG_EINVAL, "%s.paid_by: embedded_count is %zu but the array is NULL",
		                  path, d->embedded_count);
	g_snprintf(item, sizeof item, "paid_by[%zu]", d->paid_by_count);
	seen = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t k = 0; k < d->embedded_count && rc == MKG_OK; k++) {
		char field[80], quoted[MKG_QUOTE_BUFSIZE], who[MKG_QUOTE_BUFSIZE];
		const mkg_transaction_rec *t;

		g_snprintf(field, sizeof field, "%s.embedded[%zu]", item, k);
		if ((rc = mkg__check_required_text(path, field, d->embedded[k], false)) != MKG_OK)
			break;
		out[k] = mkg__model_transaction_lookup(m, d->embedded[k]);
		if (out[k] == MKG_IDX_NONE) {
			rc = mkg__error(MKG_EDATA, "%s.%s: unknown transaction %s", path, field,
			                mkg__quote(quoted, d->embedded[k]));
			break;
		}
		if (!g_hash_table_add(seen, (gpointer)d->embedded[k])) {
			rc = mkg__error(MKG_EDATA, "%s.%s: %s is named twice", path, field,
			                mkg__quote(quoted, d->embedded[k]));
			break;
		}
		t = MKG_TX(m, out[k]);
		if (t->seller != facilitator && t->buyer != facilitator)
			rc = mkg__error(MKG_EDATA, "%s.%s: the facilitator %s neither sells nor buys in %s, "
			                "so its price cannot recover the cost", path, field,
			                mkg__quote(who, MKG_ACTOR(m, facilitator)->id),
			                mkg__quote(quoted, d->embedded[k]));
	}
	g_hash_table_destroy(seen);
	return rc;
}

static int
check_payments(const mkg_model *m, const char *path, const mkg_facilitation_desc *d,
               mkg_payment_rec *out)
{
	double sum = 0;
	char num[MKG_DOUBLE_BUFSIZE];
	GHashTable *payers; /* actor index + 1 -> position + 1 */
	int rc = MKG_OK;

	if (d->paid_by == NULL) {
		if (d->paid_by_count > 0)
			return mkg__error(MKG_EINVAL, "%s.paid_by: count is %zu but the array is NULL",
			                  path, d->paid_by_count);
		if (d->embedded_count == 0)
			return MKG_OK;
	}
	if (d->embedded_count > 0)
		sum += d->embedded_share;
	payers = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (size_t k = 0; k < d->paid_by_count && rc == MKG_OK; k++) {
		char field[48], quoted[MKG_QUOTE_BUFSIZE];
		gpointer earlier;

		g_snprintf(field, sizeof field, "paid_by[%zu].actor", k);
		if ((rc = mkg__check_actor_ref(m, path, field, d->paid_by[k].actor, &out[k].actor)) != MKG_OK)
			break;
		earlier = g_hash_table_lookup(payers, GUINT_TO_POINTER(out[k].actor + 1u));
		if (earlier != NULL) {
			rc = mkg__error(MKG_EDATA, "%s.%s: %s pays twice (also paid_by[%u])", path,
			                field, mkg__quote(quoted, d->paid_by[k].actor),
			                GPOINTER_TO_UINT(earlier) - 1u);
			break;
		}
		g_hash_table_insert(payers, GUINT_TO_POINTER(out[k].actor + 1u),
		                    GUINT_TO_POINTER((guint)k + 1u));
		g_snprintf(field, sizeof field, "paid_by[%zu].share", k);
		out[k].share = d->paid_by[k].share;
		if (!(out[k].share >= 0 && out[k].share <= 1))
			rc = mkg__error(MKG_EDATA, "%s.%s: must be a number in [0, 1], got %s", path,
			                field, mkg__format_double(num, out[k].share));
		sum += out[k].share;
	}
	g_hash_table_destroy(payers);
	if (rc == MKG_OK && d->embedded_count > 0 &&
	    !(d->embedded_share >= 0 && d->embedded_share <= 1))
		rc = mkg__error(MKG_EDATA, "%s.paid_by[%zu].share: must be a number in [0, 1], got %s",
		                path, d->paid_by_count, mkg__format_double(num, d->embedded_share));
	if (rc == MKG_OK && fabs(sum - 1) > MKG_SHARE_SUM_TOLERANCE)
		rc = mkg__error(MKG_EDATA, "%s.paid_by: shares sum to %s, expected 1", path,
		                mkg__format_double(num, sum));
	return rc;
}

typedef struct fac_resolved {
	mkg_idx facilitator, successor;
	mkg_idx *targets; /* actors first, then transactions, then the embedded transactions */
	mkg_payment_rec *payments;
} fac_resolved;

static int
check_facilitation(const mkg_model *m, const char *path, const mkg_facilitation_desc *d,
                   const char *id, fac_resolved *r)
{
	GHashTable *seen;
	int rc;

	if (d->id != NULL && (rc = mkg__check_required_text(path, "id", d->id, true)) != MKG_OK)
		return rc;
	if (g_hash_table_contains(m->facilitation_ids, id)) {
		size_t first = GPOINTER_TO_UINT(g_hash_table_lookup(m->facilitation_ids, id)) - 1u;
		char quoted[MKG_QUOTE_BUFSIZE];

		return mkg__error(MKG_EDATA, "%s.id: %sduplicate id %s (first at facilitation[%zu])",
		                  path, d->id ? "" : "generated ", mkg__quote(quoted, id), first);
	}
	if ((rc = mkg__check_actor_ref(m, path, "facilitator", d->facilitator, &r->facilitator)) != MKG_OK)
		return rc;
	if (mkg_facilitation_type_name(d->type) == NULL)
		return mkg__error(MKG_EDATA, d->type == MKG_FACILITATION_TYPE_UNSET
		                                     ? "%s.type: missing (required)"
		                                     : "%s.type: invalid type %d",
		                  path, (int)d->type);
	if (mkg_function_name(d->function) == NULL)
		return mkg__error(MKG_EDATA, d->function == MKG_FUNCTION_UNSET
		                                     ? "%s.function: missing (required)"
		                                     : "%s.function: invalid function %d",
		                  path, (int)d->function);
	if (d->target_actor_count + d->target_transaction_count == 0)
		return mkg__error(MKG_EDATA, "%s.targets: needs at least one actor or transaction", path);
	seen = g_hash_table_new(g_str_hash, g_str_equal);
	rc = resolve_targets(m, path, "actors", d->target_actors, d->target_actor_count, true, seen,
	                     r->targets);
	g_hash_table_remove_all(seen);
	if (rc == MKG_OK)
		rc = resolve_targets(m, path, "transactions", d->target_transactions,
		                     d->target_transaction_count, false, seen,
		                     r->targets + d->target_actor_count);
	g_hash_table_destroy(seen);
	if (rc != MKG_OK || (rc = check_dates(path, d)) != MKG_OK ||
	    (rc = check_exit(m, path, d, &r->successor)) != MKG_OK ||
	    (rc = mkg__check_nonnegative(path, "cost", d->cost)) != MKG_OK ||
	    (rc = check_payments(m, path, d, r->payments)) != MKG_OK)
		return rc;
	return check_embedded(m, path, d, r->facilitator,
	                      r->targets + d->target_actor_count + d->target_transaction_count);
}

int
mkg__model_add_facilitation(mkg_model *m, const mkg_facilitation_desc *d, unsigned flags,
                            size_t *index)
{
	char path[MKG_PATH_BUFSIZE], idbuf[32];
	char *attributes = NULL;
	const char *id;
	fac_resolved r;
	mkg_facilitation_rec rec;
	mkg_facilitation_desc v2;
	size_t n_targets, n_ids;
	int rc;

	if (d->version != MKG_FACILITATION_DESC_VERSION && d->version != 1)
		return mkg__error(MKG_EINVAL, "mkg_model_add_facilitation: unknown description version %u",
		                  d->version);
	if (d->version == 1) { /* no embedded part: read as version 2 without one */
		memset(&v2, 0, sizeof v2);
		memcpy(&v2, d, offsetof(mkg_facilitation_desc, embedded));
		d = &v2;
	}
	if ((rc = mkg__check_room("facilitation", m->facilitation->len)) != MKG_OK)
		return rc;
	if (d->target_actor_count > MKG_MAX_RECORDS || d->target_transaction_count > MKG_MAX_RECORDS ||
	    d->paid_by_count > MKG_MAX_RECORDS || d->embedded_count > MKG_MAX_RECORDS)
		return mkg__error(MKG_EINVAL, "mkg_model_add_facilitation: list too long");
	mkg__record_path(path, "facilitation", m->facilitation->len);
	if (d->id != NULL) {
		id = d->id;
	} else {
		g_snprintf(idbuf, sizeof idbuf, "f%u", m->facilitation->len + 1u);
		id = idbuf;
	}
	n_targets = d->target_actor_count + d->target_transaction_count;
	n_ids = n_targets + d->embedded_count;
	r.targets = g_new(mkg_idx, n_ids ? n_ids : 1);
	r.payments = g_new(mkg_payment_rec, d->paid_by_count ? d->paid_by_count : 1);
	rc = check_facilitation(m, path, d, id, &r);
	if (rc == MKG_OK)
		rc = mkg__check_attributes(path, d->attributes, flags, &attributes);
	if (rc != MKG_OK) {
		g_free(r.targets);
		g_free(r.payments);
		return rc;
	}

	memset(&rec, 0, sizeof rec);
	rec.id = mkg__model_intern(m, id);
	rec.start = mkg__model_intern(m, d->start);
	rec.end = mkg__model_intern(m, d->end);
	rec.attributes = mkg__model_intern(m, attributes);
	g_free(attributes);
	rec.cost = d->cost;
	rec.facilitator = r.facilitator;
	rec.successor = r.successor;
	rec.type = (uint8_t)d->type;
	rec.function = (uint8_t)d->function;
	rec.exit = (uint8_t)d->exit;
	rec.target_actors.first = m->idx_pool->len;
	rec.target_actors.count = (uint32_t)d->target_actor_count;
	rec.target_transactions.first = m->idx_pool->len + (uint32_t)d->target_actor_count;
	rec.target_transactions.count = (uint32_t)d->target_transaction_count;
	rec.embedded.first = m->idx_pool->len + (uint32_t)n_targets;
	rec.embedded.count = (uint32_t)d->embedded_count;
	rec.embedded_share = d->embedded_count > 0 ? d->embedded_share : 0;
	g_array_append_vals(m->idx_pool, r.targets, (guint)n_ids);
	for (size_t k = 0; k < n_ids; k++)
		g_ptr_array_add(m->target_id_pool,
		                (gpointer)(k < d->target_actor_count
		                                   ? MKG_ACTOR(m, r.targets[k])->id
		                                   : MKG_TX(m, r.targets[k])->id));
	rec.payments.first = m->payment_pool->len;
	rec.payments.count = (uint32_t)d->paid_by_count;
	g_array_append_vals(m->payment_pool, r.payments, (guint)d->paid_by_count);
	for (size_t k = 0; k < d->paid_by_count; k++) {
		mkg_payment payer = { MKG_ACTOR(m, r.payments[k].actor)->id, r.payments[k].share };
		g_array_append_val(m->payer_id_pool, payer);
	}
	g_free(r.targets);
	g_free(r.payments);
	g_hash_table_insert(m->facilitation_ids, (gpointer)rec.id,
	                    GUINT_TO_POINTER(m->facilitation->len + 1u));
	g_array_append_val(m->facilitation, rec);
	m->revision++;
	if (index)
		*index = m->facilitation->len - 1u;
	return MKG_OK;
}

int
mkg_model_add_facilitation(mkg_model *model, const mkg_facilitation_desc *desc, size_t *index)
{
	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(desc);
	return mkg__model_add_facilitation(model, desc, MKG__ADD_DEFAULT, index);
}

/* ---- reading ---------------------------------------------------------------- */

int
mkg_model_facilitation_at(const mkg_model *model, size_t i, mkg_facilitation_desc *out)
{
	const mkg_facilitation_rec *f;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	if (out->version != MKG_FACILITATION_DESC_VERSION && out->version != 1)
		return mkg__error(MKG_EINVAL,
		                  "mkg_model_facilitation_at: unknown description version %u",
		                  out->version);
	if (i >= model->facilitation->len)
		return mkg__error(MKG_ENOTFOUND, "mkg_model_facilitation_at: no facilitation "
		                  "record at index %zu (the model has %u)", i,
		                  model->facilitation->len);
	f = MKG_FAC(model, i);
	out->id = f->id;
	out->facilitator = MKG_ACTOR(model, f->facilitator)->id;
	out->type = (mkg_facilitation_type)f->type;
	out->function = (mkg_function)f->function;
	out->target_actors = mkg__pool_ids(model->target_id_pool, f->target_actors);
	out->target_actor_count = f->target_actors.count;
	out->target_transactions = mkg__pool_ids(model->target_id_pool, f->target_transactions);
	out->target_transaction_count = f->target_transactions.count;
	out->start = f->start;
	out->end = f->end;
	out->exit = (mkg_exit)f->exit;
	out->successor = f->successor != MKG_IDX_NONE ? MKG_ACTOR(model, f->successor)->id : NULL;
	out->cost = f->cost;
	out->paid_by = f->payments.count ? &g_array_index(model->payer_id_pool, mkg_payment,
	                                                  f->payments.first)
	                                 : NULL;
	out->paid_by_count = f->payments.count;
	out->attributes = f->attributes;
	if (out->version >= 2) {
		out->embedded = mkg__pool_ids(model->target_id_pool, f->embedded);
		out->embedded_count = f->embedded.count;
		out->embedded_share = f->embedded_share;
	}
	return MKG_OK;
}
