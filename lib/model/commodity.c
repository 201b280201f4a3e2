/* marketgraph: commodity records.  Each is checked on its own here; the
 * rules that join records (made_from chains, services' transactions) are
 * checked once all are in (commodity-chains.c), since either may come
 * first.
 * SPDX-License-Identifier: MIT */
#include "model-private.h"
#include "validate.h"
#include "core-private.h"

#include <math.h>
#include <string.h>

MKG_DEFINE_INIT(mkg_commodity_desc_init, mkg_commodity_desc, desc, MKG_COMMODITY_DESC)

static int
check_commodity(const mkg_model *m, const char *path, const mkg_commodity_desc *d)
{
	char num[MKG_DOUBLE_BUFSIZE];
	mkg_idx first;
	int rc;

	if ((rc = mkg__check_required_text(path, "id", d->id, true)) != MKG_OK)
		return rc;
	first = mkg__model_commodity_lookup(m, d->id);
	if (first != MKG_IDX_NONE)
		return mkg__error(MKG_EDATA, "%s.id: duplicate id \"%s\" (first at commodities[%u])",
		                  path, d->id, first);
	if ((rc = mkg__check_text(path, "unit", d->unit)) != MKG_OK)
		return rc;
	if (d->made_from != NULL &&
	    (rc = mkg__check_required_text(path, "made_from", d->made_from, true)) != MKG_OK)
		return rc;
	if (d->made_from != NULL && d->service)
		return mkg__error(MKG_EDATA, "%s.made_from: a service is not made from a commodity",
		                  path);
	if (d->transfer && !d->service)
		return mkg__error(MKG_EDATA, "%s.transfer: a transfer is a service (set \"service\": "
		                  "true)", path);
	if (!isnan(d->input_per_unit) && !(isfinite(d->input_per_unit) && d->input_per_unit > 0))
		return mkg__error(MKG_EDATA, "%s.input_per_unit: must be a number > 0, got %s", path,
		                  mkg__format_double(num, d->input_per_unit));
	if (d->made_from != NULL && isnan(d->input_per_unit))
		return mkg__error(MKG_EDATA, "%s.input_per_unit: missing (required with made_from)",
		                  path);
	if (d->made_from == NULL && !isnan(d->input_per_unit))
		return mkg__error(MKG_EDATA, "%s.made_from: missing (required with input_per_unit)",
		                  path);
	return MKG_OK;
}

int
mkg__model_add_commodity(mkg_model *m, const mkg_commodity_desc *d, unsigned flags,
                         size_t *index)
{
	char path[MKG_PATH_BUFSIZE];
	char *attributes = NULL;
	mkg_commodity_rec rec;
	int rc;

	if (d->version != MKG_COMMODITY_DESC_VERSION)
		return mkg__error(MKG_EINVAL,
		                  "mkg_model_add_commodity: unknown description version %u",
		                  d->version);
	if ((rc = mkg__check_room("commodities", m->commodities->len)) != MKG_OK)
		return rc;
	mkg__record_path(path, "commodities", m->commodities->len);
	if ((rc = check_commodity(m, path, d)) != MKG_OK ||
	    (rc = mkg__check_attributes(path, d->attributes, flags, &attributes)) != MKG_OK)
		return rc;

	/* Valid on its own: from here on nothing fails. */
	memset(&rec, 0, sizeof rec);
	rec.id = mkg__model_intern(m, d->id);
	rec.unit = mkg__model_intern(m, d->unit);
	rec.made_from = mkg__model_intern(m, d->made_from);
	rec.attributes = mkg__model_intern(m, attributes);
	g_free(attributes);
	rec.input_per_unit = d->input_per_unit;
	rec.service = d->service != 0;
	rec.transfer = d->transfer != 0;
	g_hash_table_insert(m->commodity_ids, (gpointer)rec.id,
	                    GUINT_TO_POINTER(m->commodities->len + 1u));
	g_array_append_val(m->commodities, rec);
	m->revision++;
	if (index)
		*index = m->commodities->len - 1u;
	return MKG_OK;
}

int
mkg_model_add_commodity(mkg_model *model, const mkg_commodity_desc *desc, size_t *index)
{
	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(desc);
	return mkg__model_add_commodity(model, desc, MKG__ADD_DEFAULT, index);
}

int
mkg_model_commodity_at(const mkg_model *model, size_t i, mkg_commodity_desc *out)
{
	const mkg_commodity_rec *c;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	if (out->version != MKG_COMMODITY_DESC_VERSION)
		return mkg__error(MKG_EINVAL, "mkg_model_commodity_at: unknown description version %u",
		                  out->version);
	if (i >= model->commodities->len)
		return mkg__error(MKG_ENOTFOUND, "mkg_model_commodity_at: no commodity at index %zu "
		                  "(the model has %u)", i, model->commodities->len);
	c = MKG_COMMODITY(model, i);
	out->id = c->id;
	out->unit = c->unit;
	out->service = c->service ? 1 : 0;
	out->transfer = c->transfer ? 1 : 0;
	out->made_from = c->made_from;
	out->input_per_unit = c->input_per_unit;
	out->attributes = c->attributes;
	return MKG_OK;
}
