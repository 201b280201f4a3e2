/* marketgraph: the chains of a model (one per primary commodity its
 * produce is traded in) and the cache of their produce graphs.
 *
 * The model keeps one opaque derived view (model-private.h); here it is a
 * chain set: the chains, found in one pass over the transactions, and the
 * graph of each, built on first use.  All of it is dropped when the
 * model's revision moves on.
 *
 * SPDX-License-Identifier: MIT */
#include "graph-build-private.h"
#include "core-private.h"
#include "text-private.h" /* mkg__quote */

#include <string.h>

/* Most chain ids a message lists before "...". */
#define CHAINS_SHOWN 8

typedef struct chain_set {
	uint32_t count;
	mkg_chain *chain;     /* [count], by commodity id in byte order; with no chain,
	                       * chain[0] is the empty graph's ({ NULL, volume_unit }) */
	mkg_graph **graph;    /* [count, at least 1], NULL until built */
} chain_set;

static void
chain_set_free(void *p)
{
	chain_set *s = p;

	for (uint32_t i = 0; i < (s->count ? s->count : 1); i++)
		mkg__graph_free(s->graph[i]);
	g_free(s->graph);
	g_free(s->chain);
	g_free(s);
}

static int
cmp_chain(const void *a, const void *b)
{
	return strcmp(((const mkg_chain *)a)->commodity, ((const mkg_chain *)b)->commodity);
}

/* One pass over the transactions; a primary commodity is looked up once
 * per run of equal commodities, and a new one once per chain. */
static chain_set *
find_chains(const mkg_model *m, const mkg_commodity_chains *cc)
{
	const mkg_transaction_rec *tx =
		(const mkg_transaction_rec *)(const void *)m->transactions->data;
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	GArray *list = g_array_new(FALSE, FALSE, sizeof(mkg_chain));
	const char *last = NULL, *primary = NULL;
	chain_set *s = g_new0(chain_set, 1);

	for (guint t = 0; t < m->transactions->len; t++) {
		double factor;

		if (tx[t].service)
			continue;
		if (tx[t].commodity != last) {
			last = tx[t].commodity;
			mkg__tx_primary(m, cc, &tx[t], &primary, &factor);
			if (g_hash_table_add(seen, (gpointer)primary)) {
				mkg_chain c = { primary, mkg__commodity_unit(m, primary) };
				g_array_append_val(list, c);
			}
		}
	}
	g_hash_table_destroy(seen);
	g_array_sort(list, cmp_chain);
	s->count = list->len;
	if (s->count == 0) {
		mkg_chain none = { NULL, m->volume_unit };
		g_array_append_val(list, none);
	}
	s->chain = (mkg_chain *)(void *)g_array_free(list, FALSE);
	s->graph = g_new0(mkg_graph *, s->count ? s->count : 1);
	return s;
}

/* The model's chain set, built when missing or stale; under derived_lock. */
static int
chain_set_locked(mkg_model *m, chain_set **out)
{
	const mkg_commodity_chains *cc;
	int rc;

	if (m->derived_graph != NULL && m->derived_graph_revision == m->revision) {
		*out = m->derived_graph;
		return MKG_OK;
	}
	if ((rc = mkg__model_commodity_chains(m, &cc)) != MKG_OK)
		return rc;
	if (m->derived_graph)
		m->derived_graph_free(m->derived_graph);
	m->derived_graph = find_chains(m, cc);
	m->derived_graph_revision = m->revision;
	m->derived_graph_free = chain_set_free;
	*out = m->derived_graph;
	return MKG_OK;
}

int
mkg__graph_chains(const mkg_model *model, const mkg_chain **chains, size_t *count)
{
	/* The cache is logically const: readers of one unmodified model only
	 * ever see complete views, built once under the lock. */
	mkg_model *m = (mkg_model *)(uintptr_t)model;
	chain_set *s;
	int rc;

	g_mutex_lock(&m->derived_lock);
	rc = chain_set_locked(m, &s);
	if (rc == MKG_OK) {
		*chains = s->chain;
		*count = s->count;
	}
	g_mutex_unlock(&m->derived_lock);
	return rc;
}

const mkg_graph *
mkg__graph_chain_at(const mkg_model *model, size_t i)
{
	mkg_model *m = (mkg_model *)(uintptr_t)model;
	const mkg_commodity_chains *cc = NULL;
	const mkg_graph *g = NULL;
	mkg_graph *built;
	mkg_chain chain;
	uint32_t count = 0;
	chain_set *s;

	g_mutex_lock(&m->derived_lock);
	/* Both succeed: the caller asked mkg__graph_chains() first. */
	if (chain_set_locked(m, &s) == MKG_OK && i < (s->count ? s->count : 1) &&
	    mkg__model_commodity_chains(m, &cc) == MKG_OK) {
		g = s->graph[i];
		chain = s->chain[i];
		count = (uint32_t)s->count;
	} else {
		cc = NULL;
	}
	g_mutex_unlock(&m->derived_lock);
	if (g != NULL || cc == NULL)
		return g;
	/* Built outside the lock, so that threads build different chains at
	 * once; when two built the same one, the first stored is kept (the
	 * same graph: the build depends on the model only). */
	built = mkg__graph_build_chain(m, cc, &chain, count);
	g_mutex_lock(&m->derived_lock);
	g = NULL;
	if (chain_set_locked(m, &s) == MKG_OK && i < (s->count ? s->count : 1)) {
		if (s->graph[i] == NULL) {
			s->graph[i] = built;
			built = NULL;
		}
		g = s->graph[i];
	}
	g_mutex_unlock(&m->derived_lock);
	if (built != NULL)
		mkg__graph_free(built);
	return g;
}

/* ", "-separated chain ids, the first CHAINS_SHOWN of them. */
static void
append_ids(GString *s, const mkg_chain *chains, size_t count)
{
	for (size_t i = 0; i < count && i < CHAINS_SHOWN; i++)
		g_string_append_printf(s, "%s%s", i ? ", " : "", chains[i].commodity);
	if (count > CHAINS_SHOWN)
		g_string_append(s, ", ...");
}

/* MKG_ENOTFOUND for a chain name that is none of the model's. */
static int
no_such_chain(const mkg_model *m, const char *name, const char *who, const mkg_chain *chains,
              size_t count)
{
	char quoted[MKG_QUOTE_BUFSIZE], quoted_primary[MKG_QUOTE_BUFSIZE];
	const char *primary;
	double factor;
	GString *s;
	int rc;

	/* A commodity made from another: say which chain it is in. */
	if (mkg__model_commodity_lookup(m, name) != MKG_IDX_NONE &&
	    mkg_model_primary_equivalent(m, name, &primary, &factor) == MKG_OK &&
	    strcmp(primary, name) != 0)
		return mkg__error(MKG_ENOTFOUND, "%s: no chain %s: it is made from %s, name its "
		                  "primary commodity", who, mkg__quote(quoted, name),
		                  mkg__quote(quoted_primary, primary));
	s = g_string_new(NULL);
	if (count == 0) {
		g_string_append(s, "the model has no produce transactions");
	} else {
		g_string_append(s, "the model's chains: ");
		append_ids(s, chains, count);
	}
	rc = mkg__error(MKG_ENOTFOUND, "%s: no chain %s (%s)", who, mkg__quote(quoted, name),
	                s->str);
	g_string_free(s, TRUE);
	return rc;
}

int
mkg__graph_get(const mkg_model *m, const char *chain, const char *who, const mkg_graph **out)
{
	const mkg_chain *chains;
	size_t count, i;
	int rc;

	if ((rc = mkg__graph_chains(m, &chains, &count)) != MKG_OK)
		return rc;
	if (chain == NULL) {
		if (count > 1) {
			GString *s = g_string_new(NULL);

			append_ids(s, chains, count);
			rc = mkg__error(MKG_EINVAL, "%s: the model has %zu chains (%s): name one in "
			                "options.chain", who, count, s->str);
			g_string_free(s, TRUE);
			return rc;
		}
		i = 0;
	} else {
		for (i = 0; i < count && strcmp(chains[i].commodity, chain) != 0; i++)
			;
		if (i == count)
			return no_such_chain(m, chain, who, chains, count);
	}
	*out = mkg__graph_chain_at(m, i);
	return MKG_OK;
}

mkg_graph *
mkg__graph_build(const mkg_model *m, size_t i)
{
	const mkg_commodity_chains *cc;
	const mkg_chain *chains;
	size_t count;

	if (mkg__graph_chains(m, &chains, &count) != MKG_OK ||
	    mkg__model_commodity_chains(m, &cc) != MKG_OK || i >= (count ? count : 1))
		return NULL;
	return mkg__graph_build_chain(m, cc, &chains[i], (uint32_t)count);
}

/* ---- public API ------------------------------------------------------------ */

int
mkg_model_chain_count(const mkg_model *model, size_t *count)
{
	const mkg_chain *chains;

	MKG_CHECK_ARG(model);
	MKG_CHECK_ARG(count);
	return mkg__graph_chains(model, &chains, count);
}

const mkg_chain *
mkg_model_chain_at(const mkg_model *model, size_t i)
{
	const mkg_chain *chains;
	size_t count;

	if (model == NULL || mkg__graph_chains(model, &chains, &count) != MKG_OK || i >= count)
		return NULL;
	return &chains[i];
}
