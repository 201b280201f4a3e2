/* marketgraph: exit shock: remove actors, see which sources lose every
 * route to a sink and how much less can be delivered (analyses.md, 2).
 * SPDX-License-Identifier: MIT */
#include "flow-private.h"
#include "structure-private.h"

#include <string.h>

struct mkg_shock {
	GStringChunk *strings;
	const char **removed;    /* byte order */
	size_t removed_count;
	const char **stranded;   /* byte order */
	size_t stranded_count;
	double stranded_supply;
	mkg_flow *before;
	mkg_flow *after;
};

/* Mark the nodes that reach a sink (other than removed ones) without
 * passing through a removed actor: a search from the sinks along arcs
 * taken backwards.  O(V + E). */
static uint8_t *
reaches_sink(const mkg_graph *g, const uint8_t *role, const uint8_t *removed)
{
	uint8_t *seen = g_new0(uint8_t, g->n ? g->n : 1);
	uint32_t *stack = g_new(uint32_t, g->n ? g->n : 1);
	uint32_t top = 0;

	for (uint32_t v = 0; v < g->n; v++) {
		mkg_idx a = g->node_actor[v];
		if ((role[a] & MKG__ROLE_SINK) && !(removed && removed[a])) {
			seen[v] = 1;
			stack[top++] = v;
		}
	}
	while (top > 0) {
		uint32_t v = stack[--top];
		for (uint32_t k = g->in_start[v]; k < g->in_start[v + 1]; k++) {
			uint32_t u = g->in_tail[k];
			if (!seen[u] && !(removed && removed[g->node_actor[u]])) {
				seen[u] = 1;
				stack[top++] = u;
			}
		}
	}
	g_free(stack);
	return seen;
}

static int
strptr_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
resolve_removed(const mkg_model *m, const char *const *ids, size_t count, uint8_t *removed)
{
	if (ids == NULL && count > 0)
		return mkg__error(MKG_EINVAL, "remove: NULL with remove_count %zu", count);
	for (size_t i = 0; i < count; i++) {
		char quoted[MKG_QUOTE_BUFSIZE];
		mkg_idx a;

		if (ids[i] == NULL)
			return mkg__error(MKG_EINVAL, "remove[%zu]: NULL id", i);
		a = mkg__model_actor_lookup(m, ids[i]);
		if (a == MKG_IDX_NONE)
			return mkg__error(MKG_ENOTFOUND, "remove: unknown actor %s",
			                  mkg__quote(quoted, ids[i]));
		removed[a] = 1;
	}
	return MKG_OK;
}

static void
find_stranded(mkg_shock *s, const mkg_model *m, const mkg_graph *g, const uint8_t *role,
              const uint8_t *removed)
{
	uint8_t *before = reaches_sink(g, role, NULL);
	uint8_t *after = reaches_sink(g, role, removed);
	GPtrArray *list = g_ptr_array_new();
	double supply = 0.0;

	/* Actor order for the sum, byte order for the list. */
	for (mkg_idx a = 0; a < m->actors->len; a++) {
		uint32_t v = g->actor_node[a];
		if (!(role[a] & MKG__ROLE_SOURCE) || removed[a] || v == UINT32_MAX)
			continue;
		if (before[v] && !after[v]) {
			g_ptr_array_add(list, (char *)g_string_chunk_insert_const(s->strings,
			                                                          MKG_ACTOR(m, a)->id));
			supply += mkg__source_supply(m, g, a);
		}
	}
	g_ptr_array_sort(list, strptr_cmp);
	s->stranded_count = list->len;
	s->stranded = (const char **)g_ptr_array_free(list, FALSE);
	s->stranded_supply = supply;
	g_free(before);
	g_free(after);
}

static void
list_removed(mkg_shock *s, const mkg_model *m, const uint8_t *removed)
{
	GPtrArray *list = g_ptr_array_new();

	for (mkg_idx a = 0; a < m->actors->len; a++)
		if (removed[a])
			g_ptr_array_add(list, (char *)g_string_chunk_insert_const(s->strings,
			                                                          MKG_ACTOR(m, a)->id));
	g_ptr_array_sort(list, strptr_cmp);
	s->removed_count = list->len;
	s->removed = (const char **)g_ptr_array_free(list, FALSE);
}

int
mkg_shock_new(mkg_shock **out, const mkg_model *model, const mkg_shock_options *opts)
{
	mkg_shock_options o;
	const mkg_graph *g;
	uint8_t *role = NULL, *removed;
	mkg_shock *s;
	int rc;

	MKG_CHECK_ARG(out);
	MKG_CHECK_ARG(model);
	MKG_RESOLVE_OPTIONS(G_STRFUNC, mkg_shock_options, MKG_SHOCK_OPTIONS, opts, &o);
	/* A shock without a list of who leaves is a mistake, not "nobody". */
	if (o.remove == NULL && o.remove_count == 0)
		return mkg__error(MKG_EINVAL, "%s: no actors to remove (opts->remove is NULL)",
		                  G_STRFUNC);
	removed = g_new0(uint8_t, model->actors->len ? model->actors->len : 1);
	rc = resolve_removed(model, o.remove, o.remove_count, removed);
	if (rc == MKG_OK)
		rc = mkg__graph_get(model, o.chain, "shock", &g);
	if (rc == MKG_OK)
		rc = mkg__graph_roles(g, model, o.sources, o.source_count, o.sinks, o.sink_count,
		                      &role);
	if (rc != MKG_OK) {
		g_free(removed);
		return rc;
	}

	/* the stranded supply is part of the sources' total */
	if ((rc = mkg__check_supply(model, g, role, "shock")) != MKG_OK) {
		g_free(role);
		g_free(removed);
		return rc;
	}
	s = g_new0(mkg_shock, 1);
	s->strings = g_string_chunk_new(1024);
	rc = mkg__flow_compute(&s->before, model, g, role, NULL);
	if (rc == MKG_OK)
		rc = mkg__flow_compute(&s->after, model, g, role, removed);
	if (rc == MKG_OK) {
		list_removed(s, model, removed);
		find_stranded(s, model, g, role, removed);
		*out = s;
	} else {
		mkg_shock_free(s);
	}
	g_free(role);
	g_free(removed);
	return rc;
}

void
mkg_shock_free(mkg_shock *s)
{
	if (s == NULL)
		return;
	mkg_flow_free(s->before);
	mkg_flow_free(s->after);
	g_free(s->removed);
	g_free(s->stranded);
	g_string_chunk_free(s->strings);
	g_free(s);
}

size_t
mkg_shock_removed_count(const mkg_shock *s)
{
	return s ? s->removed_count : 0;
}

const char *
mkg_shock_removed_at(const mkg_shock *s, size_t i)
{
	return s && i < s->removed_count ? s->removed[i] : NULL;
}

size_t
mkg_shock_stranded_count(const mkg_shock *s)
{
	return s ? s->stranded_count : 0;
}

const char *
mkg_shock_stranded_at(const mkg_shock *s, size_t i)
{
	return s && i < s->stranded_count ? s->stranded[i] : NULL;
}

double
mkg_shock_stranded_supply(const mkg_shock *s)
{
	return s ? s->stranded_supply : MKG_ABSENT;
}

const mkg_flow *
mkg_shock_before(const mkg_shock *s)
{
	return s ? s->before : NULL;
}

const mkg_flow *
mkg_shock_after(const mkg_shock *s)
{
	return s ? s->after : NULL;
}

double
mkg_shock_loss(const mkg_shock *s)
{
	if (s == NULL)
		return MKG_ABSENT;
	/* Removing actors never raises the flow; a negative difference is the
	 * rounding of two differently ordered sums. */
	return fmax(0.0, s->before->max_flow - s->after->max_flow);
}
