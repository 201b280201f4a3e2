/* marketgraph: group memberships.
 * SPDX-License-Identifier: MIT */
#include "model-private.h"
#include "validate.h"
#include "core-private.h"

#include <string.h>

MKG_DEFINE_INIT(mkg_membership_desc_init, mkg_membership_desc, desc, MKG_MEMBERSHIP_DESC)

static gint64
pair_key(mkg_idx group, mkg_idx member)
{
	return (gint64)(((guint64)group << 32) | member);
}

static size_t
pair_lookup(const mkg_model *m, mkg_idx group, mkg_idx member)
{
	gint64 key = pair_key(group, member);
	gpointer v = g_hash_table_lookup(m->membership_pairs, &key);

	return v ? GPOINTER_TO_UINT(v) - 1u : MKG_NONE;
}

int
mkg_model_add_membership(mkg_model *model, const mkg_membership_desc *desc, size_t *index)
{
	mkg_model *m = model;
	const mkg_membership_desc *d = desc;
	char path[MKG_PATH_BUFSIZE];
	mkg_membership_rec rec;
	mkg_idx group, member;
	char quoted[MKG_QUOTE_BUFSIZE], quoted2[MKG_QUOTE_BUFSIZE];
	size_t first;
	gint64 *key;
	int rc;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(desc);
	if (d->version != MKG_MEMBERSHIP_DESC_VERSION)
		return mkg__error(MKG_EINVAL, "mkg_model_add_membership: unknown description version %u",
		                  d->version);
	if ((rc = mkg__check_room("memberships", m->memberships->len)) != MKG_OK)
		return rc;
	mkg__record_path(path, "memberships", m->memberships->len);
	if ((rc = mkg__check_actor_ref(m, path, "group", d->group, &group)) != MKG_OK ||
	    (rc = mkg__check_actor_ref(m, path, "member", d->member, &member)) != MKG_OK)
		return rc;
	if (group == member)
		return mkg__error(MKG_EDATA, "%s.member: %s cannot be a member of itself", path,
		                  mkg__quote(quoted, d->member));
	first = pair_lookup(m, group, member);
	if (first != MKG_NONE)
		return mkg__error(MKG_EDATA, "%s: duplicate membership of %s in %s (first at "
		                  "memberships[%zu])", path, mkg__quote(quoted, d->member),
		                  mkg__quote(quoted2, d->group), first);
	if ((rc = mkg__check_date(path, "since", d->since)) != MKG_OK ||
	    (rc = mkg__check_text(path, "role", d->role)) != MKG_OK)
		return rc;

	memset(&rec, 0, sizeof rec);
	rec.group = group;
	rec.member = member;
	rec.since = mkg__model_intern(m, d->since);
	rec.role = mkg__model_intern(m, d->role);
	key = g_new(gint64, 1);
	*key = pair_key(group, member);
	g_hash_table_insert(m->membership_pairs, key, GUINT_TO_POINTER(m->memberships->len + 1u));
	g_array_append_val(m->memberships, rec);
	m->revision++;
	if (index)
		*index = m->memberships->len - 1u;
	return MKG_OK;
}

int
mkg_model_find_membership(const mkg_model *model, const char *group, const char *member,
                          size_t *index)
{
	const mkg_model *m = model;
	mkg_idx g, mb;
	char quoted[MKG_QUOTE_BUFSIZE], quoted2[MKG_QUOTE_BUFSIZE];
	size_t i;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(group);
	MKG_CHECK_ARG(member);
	MKG_CHECK_ARG(index);
	g = mkg__model_actor_lookup(m, group);
	mb = mkg__model_actor_lookup(m, member);
	i = g == MKG_IDX_NONE || mb == MKG_IDX_NONE ? MKG_NONE : pair_lookup(m, g, mb);
	if (i == MKG_NONE)
		return mkg__error(MKG_ENOTFOUND, "no membership of %s in %s",
		                  mkg__quote(quoted, member), mkg__quote(quoted2, group));
	*index = i;
	return MKG_OK;
}

int
mkg_model_membership_at(const mkg_model *model, size_t i, mkg_membership_desc *out)
{
	const mkg_membership_rec *r;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(out);
	if (out->version != MKG_MEMBERSHIP_DESC_VERSION)
		return mkg__error(MKG_EINVAL,
		                  "mkg_model_membership_at: unknown description version %u",
		                  out->version);
	if (i >= model->memberships->len)
		return mkg__error(MKG_ENOTFOUND, "mkg_model_membership_at: no membership at index "
		                  "%zu (the model has %u)", i, model->memberships->len);
	r = MKG_MEMBERSHIP(model, i);
	out->group = MKG_ACTOR(model, r->group)->id;
	out->member = MKG_ACTOR(model, r->member)->id;
	out->since = r->since;
	out->role = r->role;
	return MKG_OK;
}
