/* marketgraph: sources and sinks of the bottleneck analyses.
 * SPDX-License-Identifier: MIT */
#include "graph-private.h"
#include "core-private.h"

#define NO_NODE UINT32_MAX

/* Mark the named actors (or, with g, their nodes; actors that are no node
 * are checked and skipped). */
static int
mark_named(const mkg_model *m, const mkg_graph *g, const char *what, const char *const *ids,
           size_t count, uint8_t *role, uint8_t bit)
{
	for (size_t i = 0; i < count; i++) {
		char quoted[MKG_QUOTE_BUFSIZE];
		mkg_idx a;

		if (ids[i] == NULL)
			return mkg__error(MKG_EINVAL, "%s[%zu]: NULL id", what, i);
		a = mkg__model_actor_lookup(m, ids[i]);
		if (a == MKG_IDX_NONE)
			return mkg__error(MKG_ENOTFOUND, "%s: unknown actor %s", what,
			                  mkg__quote(quoted, ids[i]));
		if (g == NULL)
			role[a] |= bit;
		else if (g->actor_node[a] != NO_NODE)
			role[g->actor_node[a]] |= bit;
	}
	return MKG_OK;
}

/* The default lists: producers are sources, end markets sinks. */
static uint8_t
default_role(int kind, bool sources, bool sinks)
{
	if (sources && kind == MKG_ACTOR_PRODUCER)
		return MKG__ROLE_SOURCE;
	if (sinks && kind == MKG_ACTOR_END_MARKET)
		return MKG__ROLE_SINK;
	return 0;
}

/* With several chains, the roles node v (NO_NODE: none) may have in its
 * chain: a source sells in it, a sink buys in it.  A farmer buying seed is
 * no source of the seed chain, and an actor outside a chain has no role. */
static uint8_t
chain_roles(const mkg_graph *g, uint32_t v)
{
	if (v == NO_NODE)
		return 0;
	return (uint8_t)((g->out_start[v + 1] > g->out_start[v] ? MKG__ROLE_SOURCE : 0) |
	                 (g->in_start[v + 1] > g->in_start[v] ? MKG__ROLE_SINK : 0));
}

static int
roles(const mkg_model *m, const mkg_graph *g, const char *const *sources, size_t source_count,
      const char *const *sinks, size_t sink_count, uint8_t **out)
{
	size_t count = g ? g->n : m->actors->len;
	uint8_t *role;
	int rc;

	if (sources == NULL && source_count > 0)
		return mkg__error(MKG_EINVAL, "sources: NULL with source_count %zu", source_count);
	if (sinks == NULL && sink_count > 0)
		return mkg__error(MKG_EINVAL, "sinks: NULL with sink_count %zu", sink_count);
	role = g_new0(uint8_t, count ? count : 1);
	if (sources == NULL || sinks == NULL) {
		for (size_t i = 0; i < count; i++) {
			int kind = g ? g->node_kind[i] : (int)MKG_ACTOR(m, i)->kind;

			role[i] = default_role(kind, sources == NULL, sinks == NULL);
		}
	}
	rc = mark_named(m, g, "sources", sources, source_count, role, MKG__ROLE_SOURCE);
	if (rc == MKG_OK)
		rc = mark_named(m, g, "sinks", sinks, sink_count, role, MKG__ROLE_SINK);
	if (rc != MKG_OK) {
		g_free(role);
		return rc;
	}
	*out = role;
	return MKG_OK;
}

int
mkg__graph_roles(const mkg_graph *g, const mkg_model *m, const char *const *sources,
                 size_t source_count, const char *const *sinks, size_t sink_count, uint8_t **out)
{
	int rc = roles(m, NULL, sources, source_count, sinks, sink_count, out);

	if (rc == MKG_OK && g->model_chains > 1)
		for (mkg_idx a = 0; a < m->actors->len; a++)
			(*out)[a] &= chain_roles(g, g->actor_node[a]);
	return rc;
}

int
mkg__graph_node_roles(const mkg_graph *g, const mkg_model *m, const char *const *sources,
                      size_t source_count, const char *const *sinks, size_t sink_count,
                      uint8_t **out)
{
	int rc = roles(m, g, sources, source_count, sinks, sink_count, out);

	if (rc == MKG_OK && g->model_chains > 1)
		for (uint32_t v = 0; v < g->n; v++)
			(*out)[v] &= chain_roles(g, v);
	return rc;
}
