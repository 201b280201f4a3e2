/* marketgraph: transactions.
 * SPDX-License-Identifier: MIT */
#include "model-private.h"
#include "validate.h"
#include "core-private.h"

#include <math.h>
#include <string.h>

MKG_DEFINE_INIT(mkg_transaction_desc_init, mkg_transaction_desc, desc, MKG_TRANSACTION_DESC)

/* The id a transaction gets: its own, or "t<N>" with N its 1-based position. */
static const char *
effective_id(const mkg_transaction_desc *d, size_t position, char buf[32])
{
	char digits[24];
	size_t n = sizeof digits;

	if (d->id != NULL)
		return d->id;
	position++; /* without printf: called for every transaction without an id */
	do
		digits[--n] = (char)('0' + position % 10);
	while ((position /= 10) > 0);
	buf[0] = 't';
	memcpy(buf + 1, digits + n, sizeof digits - n);
	buf[1 + sizeof digits - n] = '\0';
	return buf;
}

static int
check_transaction(const mkg_model *m, const char *path, const mkg_transaction_desc *d,
                  const char *id, mkg_idx *seller, mkg_idx *buyer)
{
	mkg_idx first;
	char quoted[MKG_QUOTE_BUFSIZE];
	int rc;

	if (d->id != NULL && (rc = mkg__check_required_text(path, "id", d->id, true)) != MKG_OK)
		return rc;
	first = mkg__model_transaction_lookup(m, id);
	if (first != MKG_IDX_NONE)
		return mkg__error(MKG_EDATA, "%s.id: %sduplicate id %s (first at transactions[%u])",
		                  path, d->id ? "" : "generated ", mkg__quote(quoted, id), first);
	if ((rc = mkg__check_actor_ref(m, path, "seller", d->seller, seller)) != MKG_OK ||
	    (rc = mkg__check_actor_ref(m, path, "buyer", d->buyer, buyer)) != MKG_OK)
		return rc;
	if (*seller == *buyer)
		return mkg__error(MKG_EDATA, "%s.buyer: same actor as the seller %s", path,
		                  mkg__quote(quoted, d->seller));
	if ((rc = mkg__check_required_text(path, "commodity", d->commodity, true)) != MKG_OK)
		return rc;
	if (isnan(d->volume) && isnan(d->value))
		return mkg__error(MKG_EDATA, "%s: needs a volume or a value (or both)", path);
	if ((rc = mkg__check_nonnegative(path, "volume", d->volume)) != MKG_OK ||
	    (rc = mkg__check_nonnegative(path, "value", d->value)) != MKG_OK ||
	    (rc = mkg__check_text(path, "period", d->period)) != MKG_OK)
		return rc;
	if (d->level != NULL &&
	    (rc = mkg__check_required_text(path, "level", d->level, true)) != MKG_OK)
		return rc;
	if (mkg_contract_name(d->contract) == NULL)
		return mkg__error(MKG_EDATA, "%s.contract: invalid contract %d", path, (int)d->contract);
	return mkg__check_nonnegative(path, "capacity", d->capacity);
}

int
mkg__model_add_transaction(mkg_model *m, const mkg_transaction_desc *d, unsigned flags,
                           size_t *index)
{
	char path[MKG_PATH_BUFSIZE], idbuf[32];
	char *attributes = NULL;
	mkg_transaction_rec rec;
	mkg_idx seller = MKG_IDX_NONE, buyer = MKG_IDX_NONE;
	const char *id;
	int rc;

	if (d->version != MKG_TRANSACTION_DESC_VERSION)
		return mkg__error(MKG_EINVAL, "mkg_model_add_transaction: unknown description version %u",
		                  d->version);
	if ((rc = mkg__check_room("transactions", m->transactions->len)) != MKG_OK)
		return rc;
	mkg__record_path(path, "transactions", m->transactions->len);
	id = effective_id(d, m->transactions->len, idbuf);
	if ((rc = check_transaction(m, path, d, id, &seller, &buyer)) != MKG_OK ||
	    (rc = mkg__check_attributes(path, d->attributes, flags, &attributes)) != MKG_OK)
		return rc;

	memset(&rec, 0, sizeof rec);
	rec.id = mkg__model_intern_id(m, id);
	rec.commodity = mkg__model_intern(m, d->commodity);
	rec.period = mkg__model_intern(m, d->period);
	rec.level = mkg__model_intern(m, d->level);
	rec.attributes = mkg__model_intern(m, attributes);
	g_free(attributes);
	rec.volume = d->volume;
	rec.value = d->value;
	rec.capacity = d->capacity;
	rec.seller = seller;
	rec.buyer = buyer;
	rec.contract = (uint8_t)d->contract;
	rec.service = d->service != 0;
	g_hash_table_insert(m->transaction_ids, (gpointer)rec.id,
	                    GUINT_TO_POINTER(m->transactions->len + 1u));
	if (!g_hash_table_contains(m->tx_commodities, rec.commodity))
		g_hash_table_insert(m->tx_commodities, (gpointer)rec.commodity,
		                    GUINT_TO_POINTER(m->transactions->len + 1u));
	g_array_append_val(m->transactions, rec);
	m->revision++;
	if (index)
		*index = m->transactions->len - 1u;
	return MKG_OK;
}

int
mkg_model_add_transaction(mkg_model *model, const mkg_transaction_desc *desc, size_t *index)
{
	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(desc);
	return mkg__model_add_transaction(model, desc, MKG__ADD_DEFAULT, index);
}

/* ---- reading ---------------------------------------------------------------- */

int
mkg_model_transaction_at(const mkg_model *model, size_t i, mkg_transaction_desc *out)
{
	const mkg_transaction_rec *t;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	if (out->version != MKG_TRANSACTION_DESC_VERSION)
		return mkg__error(MKG_EINVAL,
		                  "mkg_model_transaction_at: unknown description version %u",
		                  out->version);
	if (i >= model->transactions->len)
		return mkg__error(MKG_ENOTFOUND, "mkg_model_transaction_at: no transaction at "
		                  "index %zu (the model has %u)", i, model->transactions->len);
	t = MKG_TX(model, i);
	out->id = t->id;
	out->seller = MKG_ACTOR(model, t->seller)->id;
	out->buyer = MKG_ACTOR(model, t->buyer)->id;
	out->commodity = t->commodity;
	out->volume = t->volume;
	out->value = t->value;
	out->period = t->period; /* its own only: NULL falls back to the model's */
	out->contract = (mkg_contract)t->contract;
	out->service = t->service ? 1 : 0;
	out->capacity = t->capacity;
	out->attributes = t->attributes;
	out->level = t->level; /* its own only: NULL is the seller's kind */
	return MKG_OK;
}
