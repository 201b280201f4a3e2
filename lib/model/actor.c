/* marketgraph: actors.
 * SPDX-License-Identifier: MIT */
#include "model-private.h"
#include "validate.h"
#include "core-private.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#define MKG_ID_MAX_BYTES 256

MKG_DEFINE_INIT(mkg_actor_desc_init, mkg_actor_desc, desc, MKG_ACTOR_DESC)

/* The rules every actor id follows, shared with nothing else. */
static int
check_actor_id(const mkg_model *m, const char *path, const char *id)
{
	size_t len;
	mkg_idx first;
	char quoted[MKG_QUOTE_BUFSIZE];
	int rc = mkg__check_required_text(path, "id", id, false);

	if (rc != MKG_OK)
		return rc;
	len = strlen(id);
	if (len < 1 || len > MKG_ID_MAX_BYTES)
		return mkg__error(MKG_EDATA, "%s.id: must be 1 to %d bytes long, got %zu", path,
		                  MKG_ID_MAX_BYTES, len);
	first = mkg__model_actor_lookup(m, id);
	if (first != MKG_IDX_NONE)
		return mkg__error(MKG_EDATA, "%s.id: duplicate id %s (first at actors[%u])", path,
		                  mkg__quote(quoted, id), first);
	return MKG_OK;
}

/* costs[k]: an item, an amount >= 0 (required), an optional period and
 * commodity; `actors[2].costs[0].amount: missing (required)`. */
static int
check_costs(const char *path, const mkg_actor_desc *d)
{
	char num[MKG_DOUBLE_BUFSIZE];
	int rc;

	if (d->cost_count > 0 && d->costs == NULL)
		return mkg__error(MKG_EINVAL, "%s.costs: cost_count is %zu but costs is NULL", path,
		                  d->cost_count);
	if (d->cost_count > UINT32_MAX)
		return mkg__error(MKG_EDATA, "%s.costs: more than %u costs", path, UINT32_MAX);
	for (size_t k = 0; k < d->cost_count; k++) {
		const mkg_cost *c = &d->costs[k];
		char where[MKG_PATH_BUFSIZE + 32];

		g_snprintf(where, sizeof where, "%s.costs[%zu]", path, k);
		if ((rc = mkg__check_required_text(where, "item", c->item, true)) != MKG_OK ||
		    (rc = mkg__check_text(where, "period", c->period)) != MKG_OK ||
		    (rc = mkg__check_text(where, "commodity", c->commodity)) != MKG_OK)
			return rc;
		if (c->commodity != NULL && c->commodity[0] == '\0')
			return mkg__error(MKG_EDATA, "%s.commodity: must not be empty", where);
		if (isnan(c->amount))
			return mkg__error(MKG_EDATA, "%s.amount: missing (required)", where);
		if (!(isfinite(c->amount) && c->amount >= 0))
			return mkg__error(MKG_EDATA, "%s.amount: must be a number >= 0, got %s", where,
			                  mkg__format_double(num, c->amount));
	}
	return MKG_OK;
}

static int
check_actor(const mkg_model *m, const char *path, const mkg_actor_desc *d)
{
	int rc;

	if ((rc = check_actor_id(m, path, d->id)) != MKG_OK ||
	    (rc = mkg__check_text(path, "name", d->name)) != MKG_OK)
		return rc;
	if (mkg_actor_kind_name(d->kind) == NULL)
		return mkg__error(MKG_EDATA, d->kind == MKG_ACTOR_KIND_UNSET
		                                     ? "%s.kind: missing (required)"
		                                     : "%s.kind: invalid kind %d",
		                  path, (int)d->kind);
	if ((rc = mkg__check_text(path, "region", d->region)) != MKG_OK)
		return rc;
	if (d->households < -1)
		return mkg__error(MKG_EDATA, "%s.households: must be an integer >= 0, got %" PRId64,
		                  path, d->households);
	if (d->firms == 0 || d->firms < -1)
		return mkg__error(MKG_EDATA, "%s.firms: must be an integer >= 1, got %" PRId64, path,
		                  d->firms);
	if ((rc = mkg__check_nonnegative(path, "capacity", d->capacity)) != MKG_OK ||
	    (rc = mkg__check_nonnegative(path, "supply", d->supply)) != MKG_OK ||
	    (rc = mkg__check_nonnegative(path, "demand", d->demand)) != MKG_OK)
		return rc;
	if (!isnan(d->supply) && d->kind != MKG_ACTOR_PRODUCER)
		return mkg__error(MKG_EDATA, "%s.supply: only producers have a supply, this actor is %s",
		                  path, mkg_actor_kind_name(d->kind));
	if (!isnan(d->demand) && d->kind != MKG_ACTOR_END_MARKET)
		return mkg__error(MKG_EDATA,
		                  "%s.demand: only end markets have a demand, this actor is %s", path,
		                  mkg_actor_kind_name(d->kind));
	if (d->tag_count > 0 && d->tags == NULL)
		return mkg__error(MKG_EINVAL, "%s.tags: tag_count is %zu but tags is NULL", path,
		                  d->tag_count);
	for (size_t k = 0; k < d->tag_count; k++) {
		char field[32];
		g_snprintf(field, sizeof field, "tags[%zu]", k);
		if ((rc = mkg__check_required_text(path, field, d->tags[k], false)) != MKG_OK)
			return rc;
	}
	return check_costs(path, d);
}

int
mkg__model_add_actor(mkg_model *m, const mkg_actor_desc *d, unsigned flags, size_t *index)
{
	char path[MKG_PATH_BUFSIZE];
	char *attributes = NULL;
	mkg_actor_rec rec;
	int rc;

	if (d->version != MKG_ACTOR_DESC_VERSION)
		return mkg__error(MKG_EINVAL, "mkg_model_add_actor: unknown description version %u",
		                  d->version);
	if ((rc = mkg__check_room("actors", m->actors->len)) != MKG_OK)
		return rc;
	mkg__record_path(path, "actors", m->actors->len);
	if ((rc = check_actor(m, path, d)) != MKG_OK ||
	    (rc = mkg__check_attributes(path, d->attributes, flags, &attributes)) != MKG_OK)
		return rc;

	/* Valid: from here on nothing fails. */
	memset(&rec, 0, sizeof rec);
	rec.id = mkg__model_intern_id(m, d->id);
	rec.name = mkg__model_intern(m, d->name);
	rec.region = mkg__model_intern(m, d->region);
	rec.attributes = mkg__model_intern(m, attributes);
	g_free(attributes);
	rec.households = d->households;
	rec.firms = d->firms;
	rec.capacity = d->capacity;
	rec.supply = d->supply;
	rec.demand = d->demand;
	rec.kind = d->kind;
	rec.tags.first = m->str_pool->len;
	rec.tags.count = (uint32_t)d->tag_count;
	for (size_t k = 0; k < d->tag_count; k++)
		g_ptr_array_add(m->str_pool, (gpointer)mkg__model_intern(m, d->tags[k]));
	rec.costs.first = m->cost_pool->len;
	rec.costs.count = (uint32_t)d->cost_count;
	for (size_t k = 0; k < d->cost_count; k++) {
		mkg_cost c = d->costs[k];

		c.item = mkg__model_intern(m, c.item);
		c.period = mkg__model_intern(m, c.period);
		c.commodity = mkg__model_intern(m, c.commodity);
		c.amount = c.amount == 0 ? 0.0 : c.amount; /* -0 reads as 0 */
		g_array_append_val(m->cost_pool, c);
	}
	g_hash_table_insert(m->actor_ids, (gpointer)rec.id, GUINT_TO_POINTER(m->actors->len + 1u));
	g_array_append_val(m->actors, rec);
	{
		uint8_t kind = (uint8_t)rec.kind;

		g_byte_array_append(m->actor_kinds, &kind, 1);
	}
	m->revision++;
	if (index)
		*index = m->actors->len - 1u;
	return MKG_OK;
}

int
mkg_model_add_actor(mkg_model *model, const mkg_actor_desc *desc, size_t *index)
{
	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(desc);
	return mkg__model_add_actor(model, desc, MKG__ADD_DEFAULT, index);
}

/* ---- reading ---------------------------------------------------------------- */

int
mkg_model_actor_at(const mkg_model *model, size_t i, mkg_actor_desc *out)
{
	const mkg_actor_rec *a;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	if (out->version != MKG_ACTOR_DESC_VERSION)
		return mkg__error(MKG_EINVAL, "mkg_model_actor_at: unknown description version %u",
		                  out->version);
	if (i >= model->actors->len)
		return mkg__error(MKG_ENOTFOUND, "mkg_model_actor_at: no actor at index %zu (the "
		                  "model has %u)", i, model->actors->len);
	a = MKG_ACTOR(model, i);
	out->id = a->id;
	out->name = a->name;
	out->kind = a->kind;
	out->region = a->region;
	out->households = a->households;
	out->capacity = a->capacity;
	out->supply = a->supply;
	out->demand = a->demand;
	out->tags = mkg__pool_ids(model->str_pool, a->tags);
	out->tag_count = a->tags.count;
	out->attributes = a->attributes;
	out->firms = a->firms;
	out->costs = a->costs.count ? MKG_POOL_COST(model, a->costs.first) : NULL;
	out->cost_count = a->costs.count;
	return MKG_OK;
}
