/* marketgraph: the model object, its document fields, counts and lookups.
 * SPDX-License-Identifier: MIT */
#include "model-private.h"
#include "validate.h"
#include "core-private.h"

#include <string.h>

int
mkg_model_new(mkg_model **out)
{
	mkg_model *m;

	MKG_CHECK_ARG(out);
	m = g_new0(mkg_model, 1);
	m->strings = g_string_chunk_new(64 * 1024);
	m->actors = g_array_new(FALSE, FALSE, sizeof(mkg_actor_rec));
	m->actor_kinds = g_byte_array_new();
	m->transactions = g_array_new(FALSE, FALSE, sizeof(mkg_transaction_rec));
	m->facilitation = g_array_new(FALSE, FALSE, sizeof(mkg_facilitation_rec));
	m->memberships = g_array_new(FALSE, FALSE, sizeof(mkg_membership_rec));
	m->commodities = g_array_new(FALSE, FALSE, sizeof(mkg_commodity_rec));
	m->str_pool = g_ptr_array_new();
	m->idx_pool = g_array_new(FALSE, FALSE, sizeof(mkg_idx));
	m->target_id_pool = g_ptr_array_new();
	m->payment_pool = g_array_new(FALSE, FALSE, sizeof(mkg_payment_rec));
	m->cost_pool = g_array_new(FALSE, FALSE, sizeof(mkg_cost));
	m->payer_id_pool = g_array_new(FALSE, FALSE, sizeof(mkg_payment));
	/* Keys are interned in m->strings, which owns them. */
	m->actor_ids = g_hash_table_new(g_str_hash, g_str_equal);
	m->transaction_ids = g_hash_table_new(g_str_hash, g_str_equal);
	m->facilitation_ids = g_hash_table_new(g_str_hash, g_str_equal);
	m->membership_pairs = g_hash_table_new_full(mkg__pair_hash, g_int64_equal, g_free, NULL);
	m->commodity_ids = g_hash_table_new(g_str_hash, g_str_equal);
	m->tx_commodities = g_hash_table_new(g_str_hash, g_str_equal);
	g_mutex_init(&m->derived_lock);
	g_mutex_init(&m->chains_lock);
	*out = m;
	return MKG_OK;
}

void
mkg_model_free(mkg_model *m)
{
	if (m == NULL)
		return;
	if (m->derived_graph)
		m->derived_graph_free(m->derived_graph);
	mkg__commodity_chains_free(m->chains);
	g_mutex_clear(&m->chains_lock);
	g_mutex_clear(&m->derived_lock);
	g_hash_table_destroy(m->actor_ids);
	g_hash_table_destroy(m->transaction_ids);
	g_hash_table_destroy(m->facilitation_ids);
	g_hash_table_destroy(m->membership_pairs);
	g_hash_table_destroy(m->commodity_ids);
	g_hash_table_destroy(m->tx_commodities);
	g_array_free(m->actors, TRUE);
	g_byte_array_free(m->actor_kinds, TRUE);
	g_array_free(m->transactions, TRUE);
	g_array_free(m->facilitation, TRUE);
	g_array_free(m->memberships, TRUE);
	g_array_free(m->commodities, TRUE);
	g_ptr_array_free(m->str_pool, TRUE);
	g_array_free(m->idx_pool, TRUE);
	g_ptr_array_free(m->target_id_pool, TRUE);
	g_array_free(m->payment_pool, TRUE);
	g_array_free(m->cost_pool, TRUE);
	g_array_free(m->payer_id_pool, TRUE);
	g_string_chunk_free(m->strings);
	g_free(m);
}

const char *
mkg__model_intern(mkg_model *m, const char *s)
{
	return s ? g_string_chunk_insert_const(m->strings, s) : NULL;
}

const char *
mkg__model_intern_id(mkg_model *m, const char *s)
{
	return s ? g_string_chunk_insert(m->strings, s) : NULL;
}

static mkg_idx
lookup(GHashTable *table, const char *id)
{
	gpointer v = id ? g_hash_table_lookup(table, id) : NULL;

	return v ? (mkg_idx)(GPOINTER_TO_UINT(v) - 1u) : MKG_IDX_NONE;
}

mkg_idx
mkg__model_actor_lookup(const mkg_model *m, const char *id)
{
	return lookup(m->actor_ids, id);
}

mkg_idx
mkg__model_transaction_lookup(const mkg_model *m, const char *id)
{
	return lookup(m->transaction_ids, id);
}

mkg_idx
mkg__model_commodity_lookup(const mkg_model *m, const char *id)
{
	return lookup(m->commodity_ids, id);
}

/* ---- document fields ------------------------------------------------------ */

static int
set_field(mkg_model *m, const char **field, const char *name, const char *value)
{
	if (m == NULL)
		return mkg__error(MKG_EINVAL, "mkg_model_set_%s: argument 'model' is NULL", name);
	if (value != NULL && !g_utf8_validate(value, -1, NULL))
		return mkg__error(MKG_EDATA, "%s: not valid UTF-8", name);
	*field = mkg__model_intern(m, value);
	m->revision++;
	return MKG_OK;
}

int
mkg_model_set_name(mkg_model *m, const char *name)
{
	return set_field(m, m ? &m->name : NULL, "name", name);
}

int
mkg_model_set_currency(mkg_model *m, const char *currency)
{
	return set_field(m, m ? &m->currency : NULL, "currency", currency);
}

int
mkg_model_set_volume_unit(mkg_model *m, const char *unit)
{
	return set_field(m, m ? &m->volume_unit : NULL, "volume_unit", unit);
}

int
mkg_model_set_period(mkg_model *m, const char *period)
{
	return set_field(m, m ? &m->period : NULL, "period", period);
}

int
mkg__model_set_attributes(mkg_model *m, const char *text, unsigned flags)
{
	char *canonical = NULL;
	int rc;

	if (m == NULL)
		return mkg__error(MKG_EINVAL, "mkg_model_set_attributes: argument 'model' is NULL");
	rc = mkg__check_attributes("", text, flags, &canonical);
	if (rc != MKG_OK)
		return rc;
	m->attributes = mkg__model_intern(m, canonical);
	g_free(canonical);
	m->revision++;
	return MKG_OK;
}

int
mkg_model_set_attributes(mkg_model *m, const char *json_object_text)
{
	return mkg__model_set_attributes(m, json_object_text, MKG__ADD_DEFAULT);
}

const char *
mkg_model_name(const mkg_model *m)
{
	return m ? m->name : NULL;
}

const char *
mkg_model_currency(const mkg_model *m)
{
	return m ? m->currency : NULL;
}

const char *
mkg_model_volume_unit(const mkg_model *m)
{
	return m ? m->volume_unit : NULL;
}

const char *
mkg_model_period(const mkg_model *m)
{
	return m ? m->period : NULL;
}

const char *
mkg_model_attributes(const mkg_model *m)
{
	return m ? m->attributes : NULL;
}

/* ---- counts and lookups ------------------------------------------------- */

size_t
mkg_model_actor_count(const mkg_model *m)
{
	return m ? m->actors->len : 0;
}

size_t
mkg_model_transaction_count(const mkg_model *m)
{
	return m ? m->transactions->len : 0;
}

size_t
mkg_model_facilitation_count(const mkg_model *m)
{
	return m ? m->facilitation->len : 0;
}

size_t
mkg_model_membership_count(const mkg_model *m)
{
	return m ? m->memberships->len : 0;
}

size_t
mkg_model_commodity_count(const mkg_model *m)
{
	return m ? m->commodities->len : 0;
}

static int
find(GHashTable *table, const char *what, const char *id, size_t *index)
{
	mkg_idx i = lookup(table, id);
	char quoted[MKG_QUOTE_BUFSIZE];

	if (i == MKG_IDX_NONE)
		return mkg__error(MKG_ENOTFOUND, "no %s %s", what, mkg__quote(quoted, id));
	*index = i;
	return MKG_OK;
}

int
mkg_model_find_actor(const mkg_model *model, const char *id, size_t *index)
{
	const mkg_model *m = model;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(id);
	MKG_CHECK_ARG(index);
	return find(m->actor_ids, "actor", id, index);
}

int
mkg_model_find_transaction(const mkg_model *model, const char *id, size_t *index)
{
	const mkg_model *m = model;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(id);
	MKG_CHECK_ARG(index);
	return find(m->transaction_ids, "transaction", id, index);
}

int
mkg_model_find_facilitation(const mkg_model *model, const char *id, size_t *index)
{
	const mkg_model *m = model;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(id);
	MKG_CHECK_ARG(index);
	return find(m->facilitation_ids, "facilitation record", id, index);
}

int
mkg_model_find_commodity(const mkg_model *model, const char *id, size_t *index)
{
	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(id);
	MKG_CHECK_ARG(index);
	return find(model->commodity_ids, "commodity", id, index);
}
