/* marketgraph: analysis results for the graph exports (GraphML, Kumu):
 * throughput, betweenness, captive producers and binding constraints of
 * one chain, per actor and per transaction, gathered through the
 * analyses' public accessors only (docs/interop.md, "Results").
 *
 * SPDX-License-Identifier: MIT */
#include "interop-private.h"
#include "core-private.h"
#include "model-private.h"

#include <math.h>
#include <string.h>

/* Exact betweenness up to this many actors, as the report does
 * (docs/analyses.md, "All sections at once"); else 256 pivots, seed 0. */
#define EXACT_BETWEENNESS_ACTORS 20000
#define PIVOTS 256

static mkg__actor_result *
actor_of(const mkg_model *m, mkg__results *r, const char *id)
{
	size_t a;

	return mkg_model_find_actor(m, id, &a) == MKG_OK ? &r->actors[a] : NULL;
}

static void
gather_throughput(const mkg_model *m, const mkg_throughput *t, mkg__results *r)
{
	for (size_t i = 0; i < mkg_throughput_count(t); i++) {
		const mkg_actor_throughput *x = mkg_throughput_at(t, i);
		mkg__actor_result *a = actor_of(m, r, x->actor);
		if (a != NULL) {
			a->in_chain = true;
			a->throughput = x->throughput;
			a->throughput_share = x->share;
		}
	}
}

/* The share: source_sink over the pairs (producer, end market) of the
 * chain's graph, the default sources and sinks. */
static void
gather_betweenness(const mkg_model *m, const mkg_betweenness *b, mkg__results *r)
{
	size_t sources = 0, sinks = 0;

	for (size_t i = 0; i < mkg_betweenness_count(b); i++) {
		mkg__actor_result *a = actor_of(m, r, mkg_betweenness_at(b, i)->actor);
		if (a == NULL)
			continue;
		sources += MKG_ACTOR(m, (size_t)(a - r->actors))->kind == MKG_ACTOR_PRODUCER;
		sinks += MKG_ACTOR(m, (size_t)(a - r->actors))->kind == MKG_ACTOR_END_MARKET;
	}
	for (size_t i = 0; i < mkg_betweenness_count(b); i++) {
		const mkg_betweenness_score *x = mkg_betweenness_at(b, i);
		mkg__actor_result *a = actor_of(m, r, x->actor);
		if (a == NULL)
			continue;
		a->betweenness = x->all_pairs;
		a->betweenness_share = sources * sinks > 0
		                       ? x->source_sink / ((double)sources * (double)sinks) : NAN;
	}
}

static void
gather_captive(const mkg_model *m, const mkg_captive *c, mkg__results *r)
{
	for (size_t i = 0; i < mkg_captive_count(c); i++) {
		const mkg_captive_actor *x = mkg_captive_at(c, i);
		mkg__actor_result *a = actor_of(m, r, x->actor);
		if (a != NULL) {
			a->captive = (int64_t)x->producers;
			a->captive_supply = x->supply;
		}
	}
}

/* Binding actors, and binding pairs onto their transactions of the chain:
 * one hash of the pairs, one pass over the transactions. */
static void
gather_binding(const mkg_model *m, const mkg_flow *f, mkg__results *r)
{
	GHashTable *pairs = g_hash_table_new_full(mkg__pair_hash, g_int64_equal, g_free, g_free);

	for (size_t i = 0; i < mkg_flow_binding_count(f); i++) {
		const mkg_binding *b = mkg_flow_binding_at(f, i);
		size_t s, t;
		if (b->type != MKG_BINDING_TRANSACTION) {
			mkg__actor_result *a = actor_of(m, r, b->actor);
			if (a != NULL) {
				a->binding = b->type == MKG_BINDING_DEMAND ? "demand" : "capacity";
				a->binding_capacity = b->capacity;
			}
		} else if (mkg_model_find_actor(m, b->seller, &s) == MKG_OK &&
		           mkg_model_find_actor(m, b->buyer, &t) == MKG_OK) {
			guint64 *key = g_new(guint64, 1);
			double *cap = g_new(double, 1);
			*key = ((guint64)s << 32) | (guint64)t;
			*cap = b->capacity;
			g_hash_table_replace(pairs, key, cap);
		}
	}
	for (size_t i = 0; i < mkg_model_transaction_count(m) && g_hash_table_size(pairs) > 0;
	     i++) {
		const mkg_transaction_rec *tx = MKG_TX(m, i);
		guint64 key = ((guint64)tx->seller << 32) | (guint64)tx->buyer;
		const double *cap;
		const char *primary = NULL;
		if (tx->service || (cap = g_hash_table_lookup(pairs, &key)) == NULL)
			continue;
		if (mkg_model_primary_equivalent(m, tx->commodity, &primary, NULL) == MKG_OK &&
		    g_strcmp0(primary, r->chain) == 0)
			r->tx_binding[i] = *cap;
	}
	g_hash_table_destroy(pairs);
}

int
mkg__results_compute(const mkg_model *m, const char *chain, mkg__results *out)
{
	mkg_bottlenecks_options o = MKG_BOTTLENECKS_OPTIONS_INIT;
	size_t na = mkg_model_actor_count(m), nt = mkg_model_transaction_count(m);
	mkg_throughput *t = NULL;
	mkg_betweenness *b = NULL;
	mkg_captive *c = NULL;
	mkg_flow *f = NULL;
	mkg__results r = { 0 };
	int rc;

	o.chain = chain;
	if (na > EXACT_BETWEENNESS_ACTORS) {
		o.pivots = PIVOTS;
		r.pivots = PIVOTS;
	}
	if ((rc = mkg_throughput_new(&t, m, &o)) != MKG_OK ||
	    (rc = mkg_betweenness_new(&b, m, &o)) != MKG_OK ||
	    (rc = mkg_captive_new(&c, m, &o)) != MKG_OK || (rc = mkg_flow_new(&f, m, &o)) != MKG_OK)
		goto done;
	r.chain = g_strdup(mkg_flow_chain(f)->commodity);
	r.unit = g_strdup(mkg_flow_chain(f)->unit);
	r.actors = g_new0(mkg__actor_result, na ? na : 1);
	for (size_t a = 0; a < na; a++) {
		r.actors[a].throughput = r.actors[a].throughput_share = NAN;
		r.actors[a].betweenness = r.actors[a].betweenness_share = NAN;
		r.actors[a].captive_supply = r.actors[a].binding_capacity = NAN;
	}
	r.tx_binding = g_new(double, nt ? nt : 1);
	for (size_t i = 0; i < nt; i++)
		r.tx_binding[i] = NAN;
	gather_throughput(m, t, &r);
	gather_betweenness(m, b, &r);
	gather_captive(m, c, &r);
	gather_binding(m, f, &r);
	*out = r;
done:
	mkg_flow_free(f);
	mkg_captive_free(c);
	mkg_betweenness_free(b);
	mkg_throughput_free(t);
	return rc;
}

void
mkg__results_clear(mkg__results *r)
{
	g_free(r->actors);
	g_free(r->tx_binding);
	g_free(r->chain);
	g_free(r->unit);
	memset(r, 0, sizeof *r);
}

MKG_DEFINE_INIT(mkg_interop_options_init, mkg_interop_options, opts, MKG_INTEROP_OPTIONS)
