/* Time the concentration section (market partition + concentration of both
 * sides of every market), its JSON, the coalition what-if and the
 * dependency analysis on a generated model.  (The whole report also runs
 * the bottleneck analyses, whose betweenness is O(V E): not timed here.)
 *
 *   bench-concentration [TRANSACTIONS [ACTORS [GROUPS]]]
 *
 * Defaults: 1,000,000 transactions among 20,000 actors (sellers drawn with a
 * skew so that some markets are concentrated), 20 commodities x 5 periods,
 * 3 regions, 200 groups of 10 members.  Each analysis runs 3 times; the
 * best time is printed, as wall-clock time and as the CPU time of the
 * process, user + system (the analyses are single-threaded, so CPU time is
 * the time on one core, and it stays meaningful on a machine busy with
 * other work).
 *
 * SPDX-License-Identifier: MIT */
#include "bench-clock.h"

#include <marketgraph.h>

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#define RUNS 3

static void
check(int rc, const char *what)
{
	if (rc != MKG_OK) {
		fprintf(stderr, "%s: %s\n", what, mkg_error_message());
		exit(1);
	}
}

/* An actor index skewed towards small numbers: a few large firms. */
static guint32
skewed(GRand *r, guint32 n)
{
	double u = g_rand_double(r);

	return (guint32)((double)n * u * u * u) % n;
}

static mkg_model *
generate(guint32 n_tx, guint32 n_actors, guint32 n_groups)
{
	static const char *const regions[] = { "North", "Centre", "South" };
	GRand *r = g_rand_new_with_seed(20240601);
	mkg_model *m = NULL;
	char id[32], commodity[32], period[8], group[32];

	check(mkg_model_new(&m), "model");
	for (guint32 a = 0; a < n_actors; a++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		g_snprintf(id, sizeof id, "actor-%06u", a);
		d.id = id;
		d.kind = MKG_ACTOR_TRADER;
		d.region = regions[a % 3];
		check(mkg_model_add_actor(m, &d, NULL), "actor");
	}
	for (guint32 g = 0; g < n_groups; g++) {
		mkg_actor_desc d = MKG_ACTOR_DESC_INIT;
		g_snprintf(group, sizeof group, "group-%04u", g);
		d.id = group;
		d.kind = MKG_ACTOR_ASSOCIATION;
		check(mkg_model_add_actor(m, &d, NULL), "group");
		for (int k = 0; k < 10; k++) {
			mkg_membership_desc ms = MKG_MEMBERSHIP_DESC_INIT;
			size_t dummy;
			g_snprintf(id, sizeof id, "actor-%06u", skewed(r, n_actors));
			ms.group = group;
			ms.member = id;
			ms.role = k == 0 ? "supervisor" : NULL;
			if (mkg_model_find_membership(m, group, id, &dummy) == MKG_OK)
				continue;
			check(mkg_model_add_membership(m, &ms, NULL), "membership");
		}
	}
	for (guint32 t = 0; t < n_tx; t++) {
		mkg_transaction_desc d = MKG_TRANSACTION_DESC_INIT;
		char seller[32], buyer[32];
		guint32 s = skewed(r, n_actors), b = (guint32)g_rand_int_range(r, 0, (gint32)n_actors);
		if (b == s)
			b = (b + 1) % n_actors;
		g_snprintf(seller, sizeof seller, "actor-%06u", s);
		g_snprintf(buyer, sizeof buyer, "actor-%06u", b);
		g_snprintf(commodity, sizeof commodity, "commodity-%02d", g_rand_int_range(r, 0, 20));
		g_snprintf(period, sizeof period, "%d", 2010 + g_rand_int_range(r, 0, 5));
		d.seller = seller;
		d.buyer = buyer;
		d.commodity = commodity;
		d.period = period;
		/* 1 in 50 without a volume */
		if (g_rand_int_range(r, 0, 50) != 0)
			d.volume = (double)g_rand_int_range(r, 1, 1000);
		d.value = (double)g_rand_int_range(r, 1, 100000);
		check(mkg_model_add_transaction(m, &d, NULL), "transaction");
	}
	g_rand_free(r);
	return m;
}

typedef enum { CONCENTRATION, CONCENTRATION_REGION, CONCENTRATION_JSON, COALITIONS, DEPENDENCY } job;

/* Run job j once; return the wall time, store the CPU time in *cpu. */
static double
run_once(const mkg_model *m, job j, double *cpu)
{
	double start = wall_seconds();
	double cpu_start = cpu_seconds();

	switch (j) {
	case CONCENTRATION:
	case CONCENTRATION_REGION:
	case CONCENTRATION_JSON: {
		mkg_concentration_options o = MKG_CONCENTRATION_OPTIONS_INIT;
		mkg_concentration *c;
		o.split_by_region = j == CONCENTRATION_REGION;
		check(mkg_concentration_new(&c, m, &o), "concentration");
		if (j == CONCENTRATION_JSON) {
			char *json;
			size_t len;
			check(mkg_concentration_write_json(c, &json, &len), "json");
			mkg_free(json);
		}
		mkg_concentration_free(c);
		break;
	}
	case COALITIONS: {
		mkg_coalitions *c;
		check(mkg_coalitions_new(&c, m, NULL), "coalitions");
		mkg_coalitions_free(c);
		break;
	}
	case DEPENDENCY: {
		mkg_dependency *d;
		check(mkg_dependency_new(&d, m, NULL), "dependency");
		mkg_dependency_free(d);
		break;
	}
	}
	*cpu = cpu_seconds() - cpu_start;
	return wall_seconds() - start;
}

int
main(int argc, char **argv)
{
	static const char *const names[] = {
		"concentration (markets + both sides)", "concentration, split by region",
		"concentration + its JSON", "coalitions (all groups, incl. concentration)",
		"dependency"
	};
	guint32 n_tx = argc > 1 ? (guint32)strtoul(argv[1], NULL, 10) : 1000000u;
	guint32 n_actors = argc > 2 ? (guint32)strtoul(argv[2], NULL, 10) : 20000u;
	guint32 n_groups = argc > 3 ? (guint32)strtoul(argv[3], NULL, 10) : 200u;
	double start = wall_seconds();
	mkg_model *m;

	if (n_actors < 2) {
		fprintf(stderr, "need at least 2 actors\n");
		return 2;
	}
	m = generate(n_tx, n_actors, n_groups);
	printf("model: %u transactions, %u actors, %u groups (built in %.2f s)\n", n_tx, n_actors,
	       n_groups, wall_seconds() - start);
	for (int j = CONCENTRATION; j <= DEPENDENCY; j++) {
		double best = 1e300, best_cpu = 1e300;
		for (int k = 0; k < RUNS; k++) {
			double cpu, t = run_once(m, (job)j, &cpu);
			best = t < best ? t : best;
			best_cpu = cpu < best_cpu ? cpu : best_cpu;
		}
		printf("%-46s %8.3f s wall, %8.3f s CPU (best of %d)\n", names[j], best, best_cpu,
		       RUNS);
	}
	mkg_model_free(m);
	return 0;
}
