/* marketgraph: sources and sinks of the bottleneck analyses.
 * SPDX-License-Identifier: MIT */
#include "graph-private.h"
#include "core-private.h"

static int
mark_named(const mkg_model *m, const char *what, const char *const *ids, size_t count,
           uint8_t *role, uint8_t bit)
{
	for (size_t i = 0; i < count; i++) {
		mkg_idx a;

		if (ids[i] == NULL)
			return mkg__error(MKG_EINVAL, "%s[%zu]: NULL id", what, i);
		a = mkg__model_actor_lookup(m, ids[i]);
		if (a == MKG_IDX_NONE)
			return mkg__error(MKG_ENOTFOUND, "%s: unknown actor \"%s\"", what, ids[i]);
		role[a] |= bit;
	}
	return MKG_OK;
}

static void
mark_kind(const mkg_model *m, mkg_actor_kind kind, uint8_t *role, uint8_t bit)
{
	for (guint a = 0; a < m->actors->len; a++)
		if (MKG_ACTOR(m, a)->kind == kind)
			role[a] |= bit;
}

int
mkg__graph_roles(const mkg_model *m, const char *const *sources, size_t source_count,
                 const char *const *sinks, size_t sink_count, uint8_t **out)
{
	uint8_t *role;
	int rc;

	if (sources == NULL && source_count > 0)
		return mkg__error(MKG_EINVAL, "sources: NULL with source_count %zu", source_count);
	if (sinks == NULL && sink_count > 0)
		return mkg__error(MKG_EINVAL, "sinks: NULL with sink_count %zu", sink_count);
	role = g_new0(uint8_t, m->actors->len ? m->actors->len : 1);
	if (sources == NULL)
		mark_kind(m, MKG_ACTOR_PRODUCER, role, MKG__ROLE_SOURCE);
	if (sinks == NULL)
		mark_kind(m, MKG_ACTOR_END_MARKET, role, MKG__ROLE_SINK);
	rc = mark_named(m, "sources", sources, source_count, role, MKG__ROLE_SOURCE);
	if (rc == MKG_OK)
		rc = mark_named(m, "sinks", sinks, sink_count, role, MKG__ROLE_SINK);
	if (rc != MKG_OK) {
		g_free(role);
		return rc;
	}
	*out = role;
	return MKG_OK;
}
