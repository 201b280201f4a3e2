/* Small models for the graph and bottleneck tests, written compactly.
 *
 *   mkg_model *m = fixture_model("p:a p:b t:x e:z", "a>x:10 b>x:5 x>z:15");
 *
 * Actors: "<kind>:<id>[=supply]", kind one of p (producer), c (collector),
 * t (trader), r (processor), w (wholesaler), x (exporter), e (end_market),
 * s (service_provider).  Transactions: "<seller>\x3e<buyer>:<volume>[/capacity][s]";
 * volume "-" leaves the volume out (the value is then 1), a trailing "s" makes
 * a service transaction.  Aborts the test on any error.
 *
 * SPDX-License-Identifier: MIT */
#ifndef GRAPH_FIXTURE_H
#define GRAPH_FIXTURE_H

#include <marketgraph.h>

#include <glib.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static mkg_actor_kind
fixture_kind(char c)
{
	switch (c) {
	case 'p': return MKG_ACTOR_PRODUCER;
	case 'c': return MKG_ACTOR_COLLECTOR;
	case 't': return MKG_ACTOR_TRADER;
	case 'r': return MKG_ACTOR_PROCESSOR;
	case 'w': return MKG_ACTOR_WHOLESALER;
	case 'x': return MKG_ACTOR_EXPORTER;
	case 'e': return MKG_ACTOR_END_MARKET;
	case 's': return MKG_ACTOR_SERVICE_PROVIDER;
	default: g_error("fixture: unknown kind letter %c", c);
	}
	return MKG_ACTOR_OTHER;
}

static void
fixture_add_actors(mkg_model *m, const char *actors)
{
	gchar **a = g_strsplit_set(actors, " \n", -1);

	for (gchar **p = a; *p; p++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		char *eq;

		if (**p == '\0')
			continue;
		g_assert((*p)[1] == ':');
		d.kind = fixture_kind((*p)[0]);
		eq = strchr(*p, '=');
		if (eq) {
			*eq = '\0';
			d.supply = g_ascii_strtod(eq + 1, NULL);
		}
		d.id = *p + 2;
		if (mkg_model_add_actor(m, &d, NULL) != MKG_OK)
			g_error("fixture: %s", mkg_error_message());
	}
	g_strfreev(a);
}

static void
fixture_add_transactions(mkg_model *m, const char *txs)
{
	gchar **a = g_strsplit_set(txs, " \n", -1);

	for (gchar **p = a; *p; p++) {
		mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;
		char *gt, *colon, *slash;
		size_t len;

		if (**p == '\0')
			continue;
		gt = strchr(*p, '>');
		colon = strchr(*p, ':');
		g_assert(gt && colon && gt < colon);
		*gt = '\0';
		*colon = '\0';
		d.seller = *p;
		d.buyer = gt + 1;
		d.commodity = "produce";
		len = strlen(colon + 1);
		if (len > 0 && colon[len] == 's') {
			d.service = 1;
			d.commodity = "transport";
			colon[len] = '\0';
		}
		if (colon[1] == '-') {
			d.value = 1.0;
		} else {
			d.volume = g_ascii_strtod(colon + 1, NULL);
			slash = strchr(colon + 1, '/');
			if (slash)
				d.capacity = g_ascii_strtod(slash + 1, NULL);
		}
		if (mkg_model_add_transaction(m, &d, NULL) != MKG_OK)
			g_error("fixture: %s", mkg_error_message());
	}
	g_strfreev(a);
}

static G_GNUC_UNUSED mkg_model *
fixture_model(const char *actors, const char *txs)
{
	mkg_model *m = NULL;

	if (mkg_model_new(&m) != MKG_OK)
		abort();
	fixture_add_actors(m, actors);
	fixture_add_transactions(m, txs);
	return m;
}

/* A deterministic generator for property tests (splitmix64). */
static G_GNUC_UNUSED uint64_t
fixture_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

#endif /* GRAPH_FIXTURE_H */
