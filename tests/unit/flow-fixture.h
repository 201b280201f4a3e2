/* Helpers for the flow and shock tests: models with capacities and demands,
 * random value chains, and a brute-force maximum flow to check against.
 *
 *   mkg_model *m = flow_model("p:a r:proc#80 e:z!50", "a>proc:100 proc>z:80/90");
 *
 * Actors: "<kind>:<id>[=supply][#capacity][!demand]" with the kind letters
 * of graph-fixture.h; transactions as there ("<seller>\x3e<buyer>:<volume>
 * [/capacity][s]").
 *
 * The brute force builds its own flow network from the model's public
 * accessors (every actor split into in/out nodes, parallel transactions
 * added up in a dense matrix) and runs Edmonds-Karp: nothing is shared with
 * the library's graph view or solver.
 *
 * SPDX-License-Identifier: MIT */
#ifndef FLOW_FIXTURE_H
#define FLOW_FIXTURE_H

#include "graph-fixture.h"
#include "model-read.h"

#include <math.h>

static void
flow_add_actors(mkg_model *m, const char *actors)
{
	gchar **a = g_strsplit_set(actors, " \n", -1);

	for (gchar **p = a; *p; p++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		char *c;

		if (**p == '\0')
			continue;
		g_assert((*p)[1] == ':');
		d.kind = fixture_kind((*p)[0]);
		/* Read the suffixes from the right, cutting each off. */
		if ((c = strchr(*p, '!')) != NULL) {
			*c = '\0';
			d.demand = g_ascii_strtod(c + 1, NULL);
		}
		if ((c = strchr(*p, '#')) != NULL) {
			*c = '\0';
			d.capacity = g_ascii_strtod(c + 1, NULL);
		}
		if ((c = strchr(*p, '=')) != NULL) {
			*c = '\0';
			d.supply = g_ascii_strtod(c + 1, NULL);
		}
		d.id = *p + 2;
		if (mkg_model_add_actor(m, &d, NULL) != MKG_OK)
			g_error("fixture: %s", mkg_error_message());
	}
	g_strfreev(a);
}

static G_GNUC_UNUSED mkg_model *
flow_model(const char *actors, const char *txs)
{
	mkg_model *m = NULL;

	if (mkg_model_new(&m) != MKG_OK)
		abort();
	flow_add_actors(m, actors);
	fixture_add_transactions(m, txs);
	return m;
}

/*
 * A random value chain: np producers, nt traders (some with capacities),
 * ne end markets (some with demands); each producer sells to 1-3 traders,
 * traders sell to traders further down (and a few back: cycles) and to end
 * markets, some producers sell straight to end markets; some transactions
 * carry capacities, some parallel ones repeat a pair, a few are services.
 * Volumes and capacities are multiples of 0.25 or small decimals so that
 * sums are not all exact.
 */
static G_GNUC_UNUSED mkg_model *
flow_random_model(uint64_t seed, int np, int nt, int ne)
{
	GString *actors = g_string_new(NULL), *txs = g_string_new(NULL);
	uint64_t st = seed;
	mkg_model *m;

#define RND(k) ((int)(fixture_rand(&st) % (uint64_t)(k)))
#define NUM() (RND(4) == 0 ? (double)RND(50) / 10.0 + 0.1 : (double)(RND(80) + 1) * 0.25)
	for (int i = 0; i < np; i++) {
		g_string_append_printf(actors, "p:p%02d", i);
		if (RND(5) == 0)
			g_string_append_printf(actors, "=%g", NUM());
		if (RND(8) == 0)
			g_string_append_printf(actors, "#%g", NUM());
		g_string_append_c(actors, ' ');
	}
	for (int i = 0; i < nt; i++) {
		g_string_append_printf(actors, "t:t%02d", i);
		if (RND(3) == 0)
			g_string_append_printf(actors, "#%g", NUM() * 2);
		g_string_append_c(actors, ' ');
	}
	for (int i = 0; i < ne; i++) {
		g_string_append_printf(actors, "e:e%02d", i);
		if (RND(2) == 0)
			g_string_append_printf(actors, "!%g", NUM() * 3);
		g_string_append_c(actors, ' ');
	}
	g_string_append(actors, "s:svc");

/* Arguments are drawn before the volume: a fixed order of draws. */
#define TX(fmt, x, y)                                                                     \
	do {                                                                              \
		int x_ = (x), y_ = (y);                                                   \
		double v_ = NUM();                                                        \
		g_string_append_printf(txs, fmt ":%g", x_, y_, v_);                       \
		if (RND(3) == 0)                                                          \
			g_string_append_printf(txs, "/%g", NUM());                        \
		g_string_append_c(txs, ' ');                                              \
	} while (0)
	for (int i = 0; i < np; i++) {
		int k = 1 + RND(3);
		for (int j = 0; j < k; j++) {
			if (nt > 0 && RND(6) != 0)
				TX("p%02d>t%02d", i, RND(nt));
			else if (ne > 0)
				TX("p%02d>e%02d", i, RND(ne));
		}
		if (RND(10) == 0)
			g_string_append_printf(txs, "p%02d>svc:%gs ", i, NUM());
	}
	for (int i = 0; i < nt; i++) {
		int k = 1 + RND(3);
		for (int j = 0; j < k; j++) {
			int r = RND(10);
			if (r < 3 && i + 1 < nt)
				TX("t%02d>t%02d", i, i + 1 + RND(nt - i - 1));
			else if (r == 3 && i > 0)
				TX("t%02d>t%02d", i, RND(i)); /* back: a cycle */
			else if (ne > 0)
				TX("t%02d>e%02d", i, RND(ne));
		}
		if (RND(8) == 0)
			g_string_append_printf(txs, "svc>t%02d:%gs ", i, NUM());
	}
#undef TX
#undef NUM
#undef RND
	m = flow_model(actors->str, txs->str);
	g_string_free(actors, TRUE);
	g_string_free(txs, TRUE);
	return m;
}

/* ---- brute force ---------------------------------------------------------- */

typedef struct brute_flow {
	double total_supply;
	double max_flow;
	double cut_capacity;  /* binding capacities + supply arcs on the cut */
	GPtrArray *binding;   /* "actor proc", "demand z", "transaction a b" (sorted) */
} brute_flow;

/* Whether actor a is a source/sink: by kind, or named in the list. */
static bool
brute_in(const mkg_model *m, size_t a, mkg_actor_kind kind, const char *const *ids, size_t n)
{
	if (ids == NULL)
		return read_actor(m, a).kind == kind;
	for (size_t i = 0; i < n; i++)
		if (strcmp(ids[i], read_actor(m, a).id) == 0)
			return true;
	return false;
}

static int
brute_strcmp(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Maximum flow with the rules of analyses.md, by Edmonds-Karp on a dense
 * matrix.  removed: ids left out with their transactions (or NULL).
 */
static G_GNUC_UNUSED brute_flow
brute_max_flow(const mkg_model *m, const char *const *sources, size_t ns,
               const char *const *sinks, size_t nk, const char *const *removed, size_t nr)
{
	size_t na = mkg_model_actor_count(m), nt = mkg_model_transaction_count(m);
	size_t n = 2 * na + 2, s = 2 * na, t = 2 * na + 1;
	double *cap = g_new0(double, n * n), *res;
	bool *node = g_new0(bool, na), *gone = g_new0(bool, na), *src = g_new0(bool, na);
	bool *snk = g_new0(bool, na);
	bool *seen = g_new0(bool, n);
	double *sold = g_new0(double, na), in_net = 0.0, tol;
	size_t *par = g_new(size_t, n), *queue = g_new(size_t, n);
	brute_flow r = { 0.0, 0.0, 0.0, g_ptr_array_new_with_free_func(g_free) };

	for (size_t i = 0; i < nr; i++)
		for (size_t a = 0; a < na; a++)
			if (strcmp(removed[i], read_actor(m, a).id) == 0)
				gone[a] = true;
	for (size_t x = 0; x < nt; x++) {
		mkg_transaction_desc tx = read_tx(m, x);
		size_t se = actor_index(m, tx.seller), bu = actor_index(m, tx.buyer);
		double v = tx.volume, c = tx.capacity;
		if (tx.service)
			continue;
		node[se] = node[bu] = true;
		sold[se] += isnan(v) ? 0.0 : v;
		if (gone[se] || gone[bu])
			continue;
		cap[(na + se) * n + bu] += isnan(c) ? HUGE_VAL : c;
	}
	for (size_t a = 0; a < na; a++) {
		mkg_actor_desc actor = read_actor(m, a);
		double c = actor.capacity;
		cap[a * n + na + a] = isnan(c) ? HUGE_VAL : c;
		if (gone[a])
			continue;
		if (brute_in(m, a, MKG_ACTOR_PRODUCER, sources, ns)) {
			double sup = actor.supply;
			src[a] = true;
			if (isnan(sup))
				sup = sold[a];
			r.total_supply += sup;
			if (node[a]) {
				cap[s * n + a] = sup;
				in_net += sup;
			}
		}
		if (node[a] && brute_in(m, a, MKG_ACTOR_END_MARKET, sinks, nk)) {
			double d = actor.demand;
			snk[a] = true;
			cap[(na + a) * n + t] = isnan(d) ? HUGE_VAL : d;
		}
	}

	tol = 1e-12 * in_net;
	res = g_memdup2(cap, n * n * sizeof(double));
	for (;;) {
		size_t qh = 0, qt = 0;
		double b = INFINITY;
		for (size_t v = 0; v < n; v++)
			seen[v] = false;
		seen[s] = true;
		queue[qt++] = s;
		while (qh < qt) {
			size_t v = queue[qh++];
			for (size_t w = 0; w < n; w++) {
				if (!seen[w] && res[v * n + w] > tol) {
					seen[w] = true;
					par[w] = v;
					queue[qt++] = w;
				}
			}
		}
		if (!seen[t])
			break;
		for (size_t v = t; v != s; v = par[v])
			b = fmin(b, res[par[v] * n + v]);
		for (size_t v = t; v != s; v = par[v]) {
			res[par[v] * n + v] -= b;
			res[v * n + par[v]] += b;
		}
		r.max_flow += b;
	}

	/* seen[] is now the source side of the minimal cut. */
	for (size_t a = 0; a < na; a++) {
		const char *id = read_actor(m, a).id;
		if (gone[a])
			continue;
		if (src[a] && node[a] && !seen[a])
			r.cut_capacity += cap[s * n + a];
		if (seen[a] && !seen[na + a]) {
			g_ptr_array_add(r.binding, g_strdup_printf("actor %s", id));
			r.cut_capacity += cap[a * n + na + a];
		}
		if (seen[na + a] && snk[a] && isfinite(cap[(na + a) * n + t])) {
			g_ptr_array_add(r.binding, g_strdup_printf("demand %s", id));
			r.cut_capacity += cap[(na + a) * n + t];
		}
		if (!seen[na + a])
			continue;
		for (size_t b2 = 0; b2 < na; b2++) {
			if (b2 != a && node[b2] && !seen[b2] && !gone[b2]) {
				/* a pair with at least one transaction a -> b2 */
				bool trades = false;
				for (size_t x = 0; x < nt && !trades; x++) {
					mkg_transaction_desc tx = read_tx(m, x);
					trades = !tx.service && actor_index(m, tx.seller) == a &&
					         actor_index(m, tx.buyer) == b2;
				}
				if (!trades)
					continue;
				g_ptr_array_add(r.binding, g_strdup_printf("transaction %s %s", id,
				                                           read_actor(m, b2).id));
				r.cut_capacity += cap[(na + a) * n + b2];
			}
		}
	}
	g_ptr_array_sort(r.binding, brute_strcmp);

	g_free(cap);
	g_free(res);
	g_free(node);
	g_free(gone);
	g_free(src);
	g_free(snk);
	g_free(seen);
	g_free(sold);
	g_free(par);
	g_free(queue);
	return r;
}

#endif /* FLOW_FIXTURE_H */
